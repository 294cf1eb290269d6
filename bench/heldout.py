"""Shared pieces of the classifier benches: labelled files, the plain peer, and the figures.

The peer is the baseline of TECHNOTES.md: one TfidfVectorizer over word 1–2-grams and one over
char_wb 3–5-grams of ``title + description``, each into a LogisticRegression (module and kind),
trained on the same seed corpus as elsdesk's pipeline.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import FeatureUnion, Pipeline

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
SURE = 0.8  # "sure" as the issue counts it: confidence at least 0.8
HOWTO = "handhavande"
BOOTSTRAP = 1000


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _plain_pipeline() -> Pipeline:
    features = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
    ])
    return Pipeline([("features", features), ("lr", LogisticRegression(max_iter=2000, random_state=0))])


@dataclass
class Outcome:
    module: list[str]
    confidence: list[float]
    kind: list[str]


class PlainPeer:
    """The plain TF-IDF + LogisticRegression peer."""

    @staticmethod
    def _texts(rows):
        return [f"{r.get('title') or ''} {r.get('description') or ''}" for r in rows]

    def fit(self, rows: list[dict], sample_weight=None) -> "PlainPeer":
        texts = self._texts(rows)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.module = _plain_pipeline().fit(texts, [r["module"] for r in rows], lr__sample_weight=weights)
        kinded = [i for i, r in enumerate(rows) if r.get("kind")]
        self.kind = _plain_pipeline().fit([texts[i] for i in kinded], [rows[i]["kind"] for i in kinded],
                                          lr__sample_weight=None if weights is None else weights[kinded])
        return self

    def outcome(self, rows) -> Outcome:
        texts = self._texts(rows)
        proba = self.module.predict_proba(texts)
        classes = self.module.classes_
        return Outcome(list(classes[proba.argmax(1)]), list(proba.max(1)), list(self.kind.predict(texts)))


def outcome_of(model, rows) -> Outcome:
    """Predictions of an elsdesk TicketModel or a PlainPeer as an Outcome."""
    if hasattr(model, "outcome"):
        return model.outcome(rows)
    predictions = model.predict(rows)
    return Outcome([p.module for p in predictions], [p.confidence for p in predictions], [p.kind for p in predictions])


def macro_f1(true, predicted) -> float:
    return float(f1_score(true, predicted, labels=sorted(set(true)), average="macro", zero_division=0))


def bootstrap_f1(true, predicted, other=None, n=BOOTSTRAP, seed=0):
    """95% interval of macro-F1 (and of the difference to *other*'s predictions when given)."""
    rng = np.random.default_rng(seed)
    true, predicted = np.asarray(true), np.asarray(predicted)
    other = None if other is None else np.asarray(other)
    values, diffs = [], []
    for _ in range(n):
        index = rng.integers(0, len(true), len(true))
        values.append(macro_f1(true[index], predicted[index]))
        if other is not None:
            diffs.append(values[-1] - macro_f1(true[index], other[index]))
    low, high = np.percentile(values, [2.5, 97.5])
    result = {"f1_low": round(float(low), 3), "f1_high": round(float(high), 3)}
    if other is not None:
        d_low, d_high = np.percentile(diffs, [2.5, 97.5])
        result.update({"diff_low": round(float(d_low), 3), "diff_high": round(float(d_high), 3)})
    return result


def figures(rows: list[dict], outcome: Outcome, peer: Outcome | None = None) -> dict:
    """Every figure the issue asks for, for one model on one labelled set."""
    true = [r["module"] for r in rows]
    correct = np.array([t == p for t, p in zip(true, outcome.module)])
    confidence = np.asarray(outcome.confidence)
    sure = confidence >= SURE
    kinded = [i for i, r in enumerate(rows) if r.get("kind")]
    kind_true = [rows[i]["kind"] for i in kinded]
    kind_pred = [outcome.kind[i] for i in kinded]
    howto = [p == HOWTO for t, p in zip(kind_true, kind_pred) if t == HOWTO]
    out = {
        "n": len(rows),
        "macro_f1": round(macro_f1(true, outcome.module), 4),
        **bootstrap_f1(true, outcome.module, None if peer is None else peer.module),
        "accuracy": round(float(correct.mean()), 4),
        "kind_accuracy": round(float(np.mean([t == p for t, p in zip(kind_true, kind_pred)])), 4) if kinded else None,
        "howto_recall": round(float(np.mean(howto)), 4) if howto else None,
        "sure_share": round(float(sure.mean()), 4),
        "sure_precision": round(float(correct[sure].mean()), 4) if sure.any() else None,
    }
    return out


def per_module_f1(rows, outcome: Outcome) -> dict:
    true = [r["module"] for r in rows]
    labels = sorted(set(true))
    scores = f1_score(true, outcome.module, labels=labels, average=None, zero_division=0)
    return {label: round(float(s), 3) for label, s in zip(labels, scores)}


def format_row(name: str, f: dict) -> str:
    diff = f" diff vs peer [{f['diff_low']:+.3f}, {f['diff_high']:+.3f}]" if "diff_low" in f else ""
    kind = "–" if f["kind_accuracy"] is None else f"{f['kind_accuracy']:.3f}"
    howto = "–" if f["howto_recall"] is None else f"{f['howto_recall']:.3f}"
    sure_p = "–" if f["sure_precision"] is None else f"{f['sure_precision']:.3f}"
    return (f"  {name:<10} macro-F1 {f['macro_f1']:.3f} [{f['f1_low']:.3f}, {f['f1_high']:.3f}]  acc {f['accuracy']:.3f}  "
            f"kind {kind}  how-to recall {howto}  sure {f['sure_share']:.0%} at {sure_p}{diff}")
