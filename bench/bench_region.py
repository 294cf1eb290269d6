"""Learning that carries over: does confirming a region's first weeks make its later weeks better?

Built the way a desk works and the way issue 11's acceptance run does it: a fresh desk, the
region's weeks 1–3 imported with their labels (confirmed, as ``elsdesk import`` records them),
``train_model`` (the service behind ``elsdesk train``), then weeks 4–8 scored by the desk's active
model before and after. The weeks files are go-live weeks of imagined regions written for
elsdesk's benches, never part of the seed corpus: bench/data/heldout_golive.jsonl (its recurring
problems carry local names: a bed board, an old archive, printers, a card-tap login) and, when
present, bench/data/topic_weeks.jsonl (written by another hand for the topics bench).

"Before" is the shipped model in models/ (rebuild it first: ``elsdesk train --shipped models``);
``--fresh`` instead fits a seed-only model of the current code into a temporary folder and uses
that as the shipped model, for trying pipeline changes without rebuilding models/.

Run: .venv/bin/python bench/bench_region.py [--fresh] [--set NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heldout import DATA, bootstrap_f1, figures, format_row, outcome_of, read_jsonl  # noqa: E402

SETS = {"golive": "heldout_golive.jsonl", "norrvik": "topic_weeks.jsonl"}
CONFIRMED_WEEKS = 3


def week_of(rows: list[dict]) -> list[int]:
    """Go-live week number (1 = the first ticket's ISO week) of every row."""
    weeks = [date.fromisoformat(r["created_at"][:10]).isocalendar() for r in rows]
    first = min(weeks)
    return [(w[0] - first[0]) * 52 + w[1] - first[1] + 1 for w in weeks]


def run(name: str, rows: list[dict], shipped: Path | None, tmp: Path) -> dict:
    from elsdesk.ml.store import DeskModelStore
    from elsdesk.services.classification import active_model, forget_loaded_models, train_model
    from elsdesk.services.imports import import_tickets
    from elsdesk.storage import open_database

    weeks = week_of(rows)
    early = [r for r, w in zip(rows, weeks) if w <= CONFIRMED_WEEKS]
    later = [r for r, w in zip(rows, weeks) if CONFIRMED_WEEKS < w <= 8]
    confirmed = tmp / f"{name}_weeks_1_3.jsonl"
    confirmed.write_text("".join(json.dumps({k: r[k] for k in ("id", "created_at", "title", "description", "module", "kind")},
                                            ensure_ascii=False) + "\n" for r in early), encoding="utf-8")
    database = open_database(tmp / f"{name}.db")
    try:
        store = DeskModelStore(database, shipped=shipped)
        forget_loaded_models()
        report = import_tickets(database, confirmed)
        before_model, _card = active_model(store)
        before = outcome_of(before_model, later)
        result = train_model(database, store=store)
        forget_loaded_models()
        after_model, _card = active_model(store)
        after = outcome_of(after_model, later)
    finally:
        database.close()
    true = [r["module"] for r in later]
    diff = bootstrap_f1(true, after.module, before.module)
    out = {"confirmed_weeks_1_3": len(early), "imported": getattr(report, "new", None), "scored_weeks_4_8": len(later),
           "activated": result.activated, "before": figures(later, before), "after": figures(later, after),
           "after_minus_before": [diff["diff_low"], diff["diff_high"]]}
    print(f"{name}: confirmed weeks 1–3: {len(early)} tickets, train activated the new model: {result.activated}; "
          f"weeks 4–8: {len(later)} tickets")
    print(format_row("before", out["before"]))
    print(format_row("after", out["after"]))
    print(f"  after − before macro-F1: {out['after']['macro_f1'] - out['before']['macro_f1']:+.3f} "
          f"(95% interval {diff['diff_low']:+.3f} … {diff['diff_high']:+.3f})")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fresh", action="store_true", help="use a seed-only model of the current code as the shipped model")
    parser.add_argument("--set", action="append", choices=sorted(SETS), help="which weeks file(s); default all present")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # a bench must never touch the real user's data folder or desk
        os.environ["ELSDESK_HOME"] = str(tmp / "home")
        os.environ["XDG_DATA_HOME"] = str(tmp / "xdg")
        shipped = None
        if args.fresh:
            from elsdesk.corpus import load_kind_corpus, load_seed_corpus
            from elsdesk.ml.model import TicketModel
            from elsdesk.ml.store import save_model

            shipped = tmp / "shipped"
            save_model(TicketModel().fit(load_seed_corpus(), kind_rows=load_kind_corpus()), {"version": "shipped-fresh"}, shipped)
        results = {}
        for name in args.set or sorted(SETS):
            path = DATA / SETS[name]
            if path.exists():
                results[name] = run(name, read_jsonl(path), shipped, tmp)
    print("RESULT " + json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
