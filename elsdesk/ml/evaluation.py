"""Measure a model on labelled tickets: accuracy, macro-F1, per-module precision/recall,
the confusions that matter, confidence bands and a plain-Swedish summary."""

from __future__ import annotations

from collections import Counter

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

HIGH_PRECISION = 0.95
MEDIUM_PRECISION = 0.80
DEFAULT_THRESHOLDS = {"high": 0.75, "medium": 0.45}
MIN_SUPPORT = 8

FEW_FOR_A_SHARE = 10  # fewer tickets than this in a band are counted, not given as a percentage


def band_of(probability: float, thresholds: dict) -> str:
    """'hog', 'medel' or 'lag' for a probability and a module's thresholds."""
    if probability >= thresholds.get("high", DEFAULT_THRESHOLDS["high"]):
        return "hog"
    if probability >= thresholds.get("medium", DEFAULT_THRESHOLDS["medium"]):
        return "medel"
    return "lag"


BAND_NAMES = {"hog": "Hög", "medel": "Medel", "lag": "Låg"}


def _threshold_for(confidences: np.ndarray, correct: np.ndarray, target: float) -> float | None:
    """Lowest confidence above which predictions are right at least *target* of the time."""
    if len(confidences) < MIN_SUPPORT:
        return None
    order = np.argsort(-confidences)
    hits = np.cumsum(correct[order])
    counts = np.arange(1, len(order) + 1)
    precision = hits / counts
    ok = np.where((precision >= target) & (counts >= MIN_SUPPORT))[0]
    if len(ok) == 0:
        return None
    return float(confidences[order][ok[-1]])


def confidence_thresholds(true: list[str], predicted: list[str], confidence: list[float]) -> dict:
    """Per-module 'high' and 'medium' thresholds from out-of-sample predictions (plus '*' overall)."""
    true_a, pred_a, conf_a = np.asarray(true), np.asarray(predicted), np.asarray(confidence, dtype=float)
    correct = (true_a == pred_a).astype(float)
    overall = {
        "high": _threshold_for(conf_a, correct, HIGH_PRECISION) or DEFAULT_THRESHOLDS["high"],
        "medium": _threshold_for(conf_a, correct, MEDIUM_PRECISION) or DEFAULT_THRESHOLDS["medium"],
    }
    result = {"*": overall}
    for module in sorted(set(pred_a)):
        mask = pred_a == module
        high = _threshold_for(conf_a[mask], correct[mask], HIGH_PRECISION)
        medium = _threshold_for(conf_a[mask], correct[mask], MEDIUM_PRECISION)
        result[module] = {"high": max(high or overall["high"], 0.2), "medium": min(medium or overall["medium"], high or overall["high"])}
    return result


def evaluate_predictions(true: list[str], predicted: list[str], confidence: list[float] | None = None,
                         thresholds: dict | None = None, true_kind=None, predicted_kind=None) -> dict:
    labels = sorted(set(true) | set(predicted))
    precision, recall, f1, support = precision_recall_fscore_support(true, predicted, labels=labels, zero_division=0)
    per_module = {
        label: {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3), "support": int(s)}
        for label, p, r, f, s in zip(labels, precision, recall, f1, support)
    }
    confusions = Counter((t, p) for t, p in zip(true, predicted) if t != p)
    report = {
        "n": len(true),
        "accuracy": round(float(accuracy_score(true, predicted)), 4),
        "macro_f1": round(float(f1_score(true, predicted, labels=sorted(set(true)), average="macro", zero_division=0)), 4),
        "per_module": per_module,
        "top_confusions": [[t, p, n] for (t, p), n in confusions.most_common(10)],
    }
    if true_kind is not None and predicted_kind is not None:
        report.update(kind_figures(true_kind, predicted_kind))
    if confidence is not None:
        report["bands"] = band_report(true, predicted, confidence, thresholds or {})
        report["summary"] = plain_summary(report)
    return report


def kind_figures(true_kind, predicted_kind) -> dict:
    """Kind accuracy and macro-F1 over the rows that have a kind (an empty true kind is none), with
    their number ``kind_n``; both None when no row has one (not a perfect score)."""
    pairs = [(t, p or "") for t, p in zip(true_kind, predicted_kind) if t]
    if not pairs:
        return {"kind_n": 0, "kind_accuracy": None, "kind_macro_f1": None, "per_kind": {}}
    true, predicted = [t for t, _p in pairs], [p for _t, p in pairs]
    labels = sorted(set(true))
    precision, recall, f1, support = precision_recall_fscore_support(true, predicted, labels=labels, zero_division=0)
    return {"kind_n": len(pairs), "kind_accuracy": round(float(accuracy_score(true, predicted)), 4),
            "kind_macro_f1": round(float(f1_score(true, predicted, average="macro", zero_division=0)), 4),
            # per kind, as per module: a weak kind (wishes read as faults) showed in no figure (a held-out tester)
            "per_kind": {label: {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3),
                                 "support": int(n)} for label, p, r, f, n in zip(labels, precision, recall, f1, support)}}


def band_report(true, predicted, confidence, thresholds) -> dict:
    bands: dict[str, list[int]] = {"hog": [0, 0], "medel": [0, 0], "lag": [0, 0]}
    for t, p, c in zip(true, predicted, confidence):
        band = band_of(c, thresholds.get(p) or thresholds.get("*") or DEFAULT_THRESHOLDS)
        bands[band][0] += 1
        bands[band][1] += int(t == p)
    return {band: {"count": n, "correct": k, "precision": round(k / n, 3) if n else None} for band, (n, k) in bands.items()}


def _percent(share: float) -> str:
    """A share as Swedish writes a percentage: '57 %'."""
    return f"{round(share * 100)} %"


def _times(count: int) -> str:
    """'1 gång', '3 gånger'."""
    return f"{count} gång" if count == 1 else f"{count} gånger"


def plain_summary(report: dict, taxonomy=None) -> str:
    """Sentences a super-user understands, e.g. 'När modellen är säker (Hög, 17 av 30 ärenden) har den
    rätt i 100 % av dem (17 av 17).' With a *taxonomy*, modules are named by their Swedish names."""
    name = (lambda m: taxonomy.module_name(m) or m) if taxonomy is not None else (lambda m: m)  # noqa: E731
    n = report["n"]
    tickets = "ärende" if n == 1 else "ärenden"
    accuracy = report["accuracy"]
    parts = [f"Modellen gissade rätt modul på {round(accuracy * n)} av {n} {tickets} ({_percent(accuracy)})."]
    bands = report.get("bands", {})
    for band, opening, advice in (("hog", "När modellen är säker (Hög", ""),
                                  ("lag", "När den är osäker (Låg", " – låt en människa avgöra")):
        figures = bands.get(band, {})
        if figures.get("count"):
            count, correct = figures["count"], figures["correct"]
            share = (f"{_percent(correct / count)} av dem ({correct} av {count})" if count >= FEW_FOR_A_SHARE
                     else f"{correct} av {count}")  # "100 % av dem (1 av 1)" said more than one ticket can (a tester)
            parts.append(f"{opening}, {count} av {n} {tickets}) har den rätt i {share}{advice}.")
    if report["top_confusions"]:
        t, p, k = report["top_confusions"][0]
        parts.append(f"Vanligaste förväxlingen: {name(t)} som {name(p)} ({_times(k)}).")
    kind = kind_sentence(report)
    if kind:
        parts.append(kind)
    return " ".join(parts)


def kind_sentence(report: dict) -> str:
    """The kind figures in words ('' when no ticket had a kind): how many right, and what a
    macro-F1 well below the share right means."""
    n, accuracy, macro = report.get("kind_n") or 0, report.get("kind_accuracy"), report.get("kind_macro_f1")
    if not n or accuracy is None:
        return ""
    tickets = "ärende" if n == 1 else "ärenden"
    text = f"Typen (t.ex. fel eller handhavande) var rätt på {round(accuracy * n)} av {n} {tickets} med typ ({_percent(accuracy)})."
    if macro is not None and macro < accuracy - 0.1:
        text += (f" Macro-F1 för typ ({macro:.3f}) är lägre, eftersom den väger varje typ lika:"
                 " de ovanligare typerna träffas sämre än de vanliga.")
    return text
