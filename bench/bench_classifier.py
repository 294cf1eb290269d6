"""Classifier benchmarks for the targets of issue 3, all measured here, nothing assumed.

Prints: macro-F1 (with a bootstrap 95% interval), accuracy, kind accuracy and how-to recall of the
shipped model on the held-out dev set (never trained on), and how often it is sure (≥ 0.8) and
right when sure; what a region's confirmed weeks 1-3 do to its weeks 4-8 (bench_region.py);
single-ticket prediction latency p50/p99 in-process; model load time; batch throughput of
`classify_rows` on 10,000 tickets; retraining time on 20,000 confirmed tickets plus the seed
corpus; and how long after start the main window is shown versus when the model is ready.

Run: .venv/bin/python bench/bench_classifier.py [--skip-train] [--skip-gui] [--skip-region]
The whole-process CLI figure is measured separately with farm-bench (see README).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
DEV = ROOT / "bench" / "data" / "dev_set.jsonl"


def _percentile(values, q):
    return float(np.percentile(values, q))


def dev_quality(model, card) -> dict:
    from elsdesk.services.classification import measure
    from heldout import figures, outcome_of

    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = measure(model, rows, card=card)
    own = figures(rows, outcome_of(model, rows))
    return {"dev_tickets": report["n"], "dev_macro_f1": report["macro_f1"],
            "dev_macro_f1_95": [own["f1_low"], own["f1_high"]], "dev_accuracy": report["accuracy"],
            "dev_kind_accuracy": own["kind_accuracy"], "dev_howto_recall": own["howto_recall"],
            "dev_kind_macro_f1": report.get("kind_macro_f1"), "dev_sure_share": own["sure_share"],
            "dev_sure_precision": own["sure_precision"], "dev_summary": report.get("summary")}


def learns_from_region() -> dict:
    """bench_region.py on the held-out go-live weeks: weeks 1-3 confirmed and trained on, weeks 4-8 scored."""
    import contextlib
    import io

    from bench_region import SETS, run
    from heldout import DATA, read_jsonl

    out = {}
    saved = {k: os.environ.get(k) for k in ("ELSDESK_HOME", "XDG_DATA_HOME")}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ELSDESK_HOME"] = str(Path(tmp) / "home")  # never the real user's data folder
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "xdg")
        for name in sorted(SETS):
            path = DATA / SETS[name]
            if not path.exists():
                continue
            with contextlib.redirect_stdout(io.StringIO()):
                result = run(name, read_jsonl(path), None, Path(tmp))
            out[f"region_{name}_weeks_4_8_before"] = result["before"]["macro_f1"]
            out[f"region_{name}_weeks_4_8_after"] = result["after"]["macro_f1"]
            out[f"region_{name}_after_minus_before_95"] = result["after_minus_before"]
            out[f"region_{name}_tickets"] = f"{result['confirmed_weeks_1_3']} confirmed, {result['scored_weeks_4_8']} scored"
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    return out


def latency(model) -> dict:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows[:20]:
        model.predict_one(row["title"], row["description"])
    times = []
    for _ in range(5):
        for row in rows:
            start = time.perf_counter()
            model.predict_one(row["title"], row["description"])
            times.append((time.perf_counter() - start) * 1000)
    return {"predict_one_p50_ms": round(_percentile(times, 50), 2), "predict_one_p99_ms": round(_percentile(times, 99), 2),
            "predict_one_samples": len(times)}


def load_time() -> dict:
    from elsdesk.ml.store import load_model
    from elsdesk.paths import shipped_models_dir

    times = []
    for _ in range(5):
        start = time.perf_counter()
        load_model(shipped_models_dir())
        times.append(time.perf_counter() - start)
    return {"model_load_s_median": round(statistics.median(times), 3), "model_load_s_max": round(max(times), 3)}


def throughput(model) -> dict:
    from elsdesk.services.classification import classify_rows
    from elsdesk.services.demo import build_demo_tickets

    tickets = build_demo_tickets(10_000, seed=7)
    rows = [{"id": t.external_id, "title": t.title, "description": t.description} for t in tickets]
    start = time.perf_counter()
    count = sum(1 for _ in classify_rows(rows, model))
    elapsed = time.perf_counter() - start
    return {"classify_rows_10k_s": round(elapsed, 2), "classify_rows_per_s": round(count / elapsed)}


def retrain_time() -> dict:
    from elsdesk.services.classification import train_model
    from elsdesk.services.demo import build_demo_tickets
    from elsdesk.domain import HUMAN
    from elsdesk.storage import open_database, TicketRepository

    with tempfile.TemporaryDirectory() as tmp:
        database = open_database(Path(tmp) / "train.db")
        repo = TicketRepository(database)
        tickets = build_demo_tickets(20_000, seed=11)
        with database.write():
            for ticket in tickets:
                repo.insert(ticket.with_changes(module=ticket.module or _label(ticket), kind=ticket.kind or "handhavande",
                                                label_source=HUMAN))
        start = time.perf_counter()
        result = train_model(database)  # the model is saved in (and activated on) this throwaway desk
        elapsed = time.perf_counter() - start
        database.close()
    return {"retrain_confirmed": result.confirmed, "retrain_s": round(elapsed, 1), "retrain_cores": os.cpu_count(),
            "retrain_activated": result.activated}


_SEED_LABELS: dict = {}


def _label(ticket):
    from elsdesk.corpus import load_seed_corpus

    if not _SEED_LABELS:
        for row in load_seed_corpus():
            _SEED_LABELS[(row["title"], row.get("description", ""))] = row["module"]
    return _SEED_LABELS.get((ticket.title, ticket.description), "navigering_installningar")


def window_before_model() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ELSDESK_HOME"] = tmp
        from PySide6.QtCore import QEventLoop, QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from elsdesk.gui.main_window import MainWindow
        from elsdesk.services.classification import forget_loaded_models

        forget_loaded_models()
        app = QApplication.instance() or QApplication([])
        start = time.perf_counter()
        window = MainWindow(Path(tmp) / "w.db", QSettings(str(Path(tmp) / "s.ini"), QSettings.IniFormat))
        window.show()
        app.processEvents()
        shown = time.perf_counter() - start
        had_model_when_shown = window.classifier is not None
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if window.classifier is not None else None)
        timer.start(5)
        loop.exec()
        ready = time.perf_counter() - start
        window.close()
    return {"window_shown_s": round(shown, 3), "model_ready_s": round(ready, 3), "model_loaded_before_window": had_model_when_shown}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-train", action="store_true")
    parser.add_argument("--skip-gui", action="store_true")
    parser.add_argument("--skip-region", action="store_true")
    args = parser.parse_args()
    # every step reads and writes user data in a folder of its own, never the real user's (a run
    # left an empty ~/.local/share/elsdesk behind)
    home = tempfile.mkdtemp(prefix="elsdesk-bench-classifier-")
    os.environ.update(ELSDESK_HOME=f"{home}/home", XDG_DATA_HOME=f"{home}/xdg")
    from elsdesk.ml.store import load_model
    from elsdesk.paths import shipped_models_dir

    model, card = load_model(shipped_models_dir())
    results = {"model_version": card["version"], "seed_cv_macro_f1": card["quality"]["macro_f1"]}
    for step in (lambda: dev_quality(model, card), lambda: latency(model), load_time, lambda: throughput(model)):
        results.update(step())
    if not args.skip_region:
        results.update(learns_from_region())
    if not args.skip_train:
        results.update(retrain_time())
    if not args.skip_gui:
        results.update(window_before_model())
    width = max(len(k) for k in results)
    for key, value in results.items():
        print(f"{key:{width}}  {value}")
    print("RESULT " + json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
