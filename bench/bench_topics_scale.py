"""A week's topics at scale (issue 14): elsdesk against scikit-learn NMF on the same week, paired.

For each size (default 2,000 and 20,000 tickets) a fresh SQLite desk in a temporary folder gets one
ISO week (2025-W18) of synthetic tickets from :func:`bench.bench_storage.generate_tickets` (seed
20250423; each ticket keeps its weekday and time of day, moved into that week), imported with
:func:`elsdesk.services.imports.import_tickets` and classified as ``elsdesk import`` does (the
model labels the ~10% without a module), so at 20,000 one module holds more than 2,500 tickets:
the size that used to fall into the slow path.

Then rounds alternate, in this process:

(a) **app**: ``weekly_topics(desk, week, recompute=True)``, what ``elsdesk topics --week W
    --recompute`` runs: read the week, place tickets under known problems, find topics, store
    them. The finder's per-text caches are emptied before every round, so each round analyses the
    week's texts as a fresh process would; the reference counts (seed corpus, learnt once per
    process) are built before the first round and their time is printed on its own.
(b) **peer**: the same week's texts read from the same desk, ``TfidfVectorizer(sublinear_tf=True)``
    + ``NMF(n_components=k, init="nndsvda", tol=1e-3, random_state=0)`` (k = 20 at 2,000, 50 at
    20,000; ``--components`` changes them) and each ticket assigned its top component; BLAS on one
    thread, as the app's finder has it.

A third desk (``--one-module``, default 20,000) labels every ticket with one module, so one group
is far above the 3,000 tickets the finder compares all against all and goes the block-by-block way.

``--text`` says whose words the week holds: ``generated`` (the synthetic tickets above: short templated
texts with about 500 distinct words, on which NMF's fit takes a few hundredths of a second), ``heldout``
(the tickets of the held-out go-live regions, ``bench/data/topic_weeks_*.jsonl``, written by other hands
for the topic benches: real clinical vocabulary, mails, typos, English, each region's labels as its
tester wrote them and the model's for the rest; shuffled with the seed, their truth fields left out; above
the ~4,000 distinct tickets, a ticket's title is paired with another ticket's description, so every text
of the week is still one of a kind), or ``both`` (the default). The issue's own table gave NMF 9 s at
2,000 tickets of its author's data, where the generated week gives NMF 0.08 s.

Everything runs with ``ELSDESK_HOME`` and the XDG folders in a temporary folder. The reference's
time is printed twice: counted (a first process) and read from the cache file (later processes).

It prints seconds min/median per side, their ratio (app / peer, < 1 means the app is faster), the
peak RSS of the process after each size, and the time of a second view of the same week
(``weekly_topics`` without recompute: the stored result, nothing recomputed) and of what the Utbildning
tab reads when it opens on that week (``training_overview``: the stored topics the background keeper
worked out, with their history and the weekly volumes). ``RESULT {json}`` last.

Run: .venv/bin/python bench/bench_topics_scale.py [--sizes 2000 20000] [--rounds 3] [--components 20 50] [--one-module 20000]
     [--text generated|heldout|both]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_storage import generate_tickets  # noqa: E402
from elsdesk.ml.text import ticket_text  # noqa: E402
from elsdesk.services.classification import active_model, apply_predictions  # noqa: E402
from elsdesk.services.imports import import_tickets  # noqa: E402
from elsdesk.services.topics import _reference_texts, week_tickets, weekly_topics  # noqa: E402
from elsdesk.storage import open_database  # noqa: E402
from elsdesk.topics import finder, vectors  # noqa: E402

SEED = 20250423
WEEK = "2025-W18"
MONDAY = datetime(2025, 4, 28)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


HELDOUT_FIELDS = ("title", "description", "created_at", "unit", "reporter_role", "module", "kind")


def heldout_rows(tickets: int) -> Iterator[dict]:
    """*tickets* rows in the held-out regions' words (see the module): every region's tickets shuffled with
    :data:`SEED`; past the last, each title goes with another ticket's description (a new pairing each round)."""
    pool = []
    for path in sorted((ROOT / "bench" / "data").glob("topic_weeks_*.jsonl")):
        with path.open(encoding="utf-8") as rows:
            pool += [{key: row[key] for key in HELDOUT_FIELDS if row.get(key)} for row in map(json.loads, rows)]
    random.Random(SEED).shuffle(pool)
    for number in range(tickets):
        round_, place = divmod(number, len(pool))
        row = dict(pool[place])
        if round_:  # the ticket round_ places further on in the shuffled pool: a new partner each round
            row["description"] = pool[(place + round_) % len(pool)].get("description", "")
        row["id"] = f"HW-{number + 1:06d}"
        yield row


def one_week_file(folder: Path, tickets: int, one_module: str | None = None, text: str = "generated") -> Path:
    """*tickets* tickets (generated, or in the held-out regions' words with *text* "heldout"), each moved into
    the ISO week :data:`WEEK` (weekday and time kept); with *one_module*, every ticket is labelled with that module."""
    if text == "heldout":
        source_rows: Iterator[dict] = heldout_rows(tickets)
    else:
        spread = folder / "generated.jsonl"
        generate_tickets(spread, tickets, SEED)
        source_rows = map(json.loads, spread.read_text(encoding="utf-8").splitlines())
    week = folder / "week.jsonl"
    with week.open("w", encoding="utf-8") as out:
        for row in source_rows:
            created = datetime.fromisoformat(row["created_at"])
            row["created_at"] = (MONDAY + timedelta(days=created.weekday(), hours=created.hour,
                                                    minutes=created.minute, seconds=created.second)).isoformat()
            if one_module:
                row["module"] = one_module
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return week


def build_desk(folder: Path, tickets: int, one_module: str | None = None, text: str = "generated"):
    database = open_database(str(folder / "desk.db"))
    import_tickets(database, one_week_file(folder, tickets, one_module, text))
    model, card = active_model(database)
    apply_predictions(database, model, card)
    modules = database.query("SELECT coalesce(module, '-'), count(*) FROM tickets GROUP BY 1 ORDER BY 2 DESC")
    weeks = database.query("SELECT iso_week, count(*) FROM tickets GROUP BY 1")
    return database, dict(modules), dict(weeks)


def forget_texts() -> None:
    """Empty the per-text caches, as a fresh process starts (the reference stays learnt)."""
    from elsdesk import sign_offs
    from elsdesk.ml import text

    for cached in (vectors.analyse, vectors.topic_text, vectors._word_char_grams, vectors._folded_grams, vectors._content_stem, vectors._word_stems, finder._char_text,
                   finder._stems_and_forms, text.stem, sign_offs._quoted):
        cached.cache_clear()
    for name in ("_clean", "_clean_text"):
        cached = getattr(text, name, None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def app_round(database) -> tuple[float, int]:
    forget_texts()
    start = time.perf_counter()
    report = weekly_topics(database, WEEK, recompute=True)
    return time.perf_counter() - start, len(report["topics"])


def peer_round(database, components: int) -> tuple[float, int]:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    from threadpoolctl import threadpool_limits

    start = time.perf_counter()
    texts = [ticket_text(t.title, t.description) for t in week_tickets(database, WEEK)]
    matrix = TfidfVectorizer(sublinear_tf=True).fit_transform(texts)
    # one BLAS thread, as the app's finder has: with two on a busy 2-core machine NMF's fit swung from 0.8 to 2.9 s
    with threadpool_limits(limits=1, user_api="blas"):
        weights = NMF(n_components=components, init="nndsvda", tol=1e-3, random_state=0).fit_transform(matrix)
    topics = len(set(weights.argmax(axis=1).tolist()))
    return time.perf_counter() - start, topics


def second_view(database) -> float:
    start = time.perf_counter()
    weekly_topics(database, WEEK)
    return time.perf_counter() - start


def tab_open(database) -> float:
    """What the Utbildning tab reads when it opens on the week the keeper has worked out."""
    from elsdesk.services.training import training_overview

    start = time.perf_counter()
    training_overview(database, WEEK)
    return time.perf_counter() - start


def summary(samples: list[float]) -> dict:
    return {"min": round(min(samples), 3), "median": round(statistics.median(samples), 3), "all": [round(s, 3) for s in samples]}


def measure(tickets: int, components: int, rounds: int, one_module: str | None = None, text: str = "generated") -> dict:
    with tempfile.TemporaryDirectory(prefix="elsdesk_topics_scale_") as folder:
        database, modules, weeks = build_desk(Path(folder), tickets, one_module, text)
        try:
            largest = next(iter(modules.items()))
            print(f"\n== {tickets:,} {text} tickets in {WEEK}{' all labelled ' + one_module if one_module else ''} (weeks in desk: {weeks}); largest module {largest[0]} "
                  f"{largest[1]:,} tickets; peer NMF k={components} ==", flush=True)
            app, peer, app_topics, peer_topics = [], [], 0, 0
            for round_number in range(rounds):
                seconds, app_topics = app_round(database)
                app.append(seconds)
                seconds, peer_topics = peer_round(database, components)
                peer.append(seconds)
                print(f"round {round_number + 1}: app {app[-1]:.2f} s ({app_topics} topics)   "
                      f"peer {peer[-1]:.2f} s ({peer_topics} components used)", flush=True)
            views = [second_view(database) for _ in range(3)]
            tabs = [tab_open(database) for _ in range(3)]
            result = {
                "tickets": tickets, "text": text, "one_module": bool(one_module), "largest_module": {"module": largest[0], "tickets": largest[1]},
                "peer_components": components, "app_s": summary(app), "peer_s": summary(peer),
                "ratio_min": round(min(app) / min(peer), 3), "ratio_median": round(statistics.median(app) / statistics.median(peer), 3),
                "app_topics": app_topics, "second_view_s": summary(views), "tab_open_s": summary(tabs), "peak_rss_mb": round(peak_rss_mb(), 1),
            }
            print(f"app  {result['app_s']['min']:.2f} / {result['app_s']['median']:.2f} s (min / median)\n"
                  f"peer {result['peer_s']['min']:.2f} / {result['peer_s']['median']:.2f} s\n"
                  f"ratio app/peer {result['ratio_min']:.2f} (min) / {result['ratio_median']:.2f} (median); "
                  f"second view {result['second_view_s']['median']:.3f} s, Utbildning tab open on the kept week "
                  f"{result['tab_open_s']['median']:.3f} s (medians of 3); peak RSS {result['peak_rss_mb']:.0f} MB",
                  flush=True)
            return result
        finally:
            database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--components", type=int, nargs="+", default=[20, 50], help="NMF components per size")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--one-module", type=int, default=20000, metavar="N",
                        help="also N tickets all labelled with one module (a group far above the all-pairs limit); 0: skip")
    parser.add_argument("--text", choices=("generated", "heldout", "both"), default="both",
                        help="the week's words: synthetic, the held-out regions' (other hands), or both (default)")
    args = parser.parse_args()
    components = args.components + [args.components[-1]] * (len(args.sizes) - len(args.components))
    home = tempfile.mkdtemp(prefix="elsdesk_topics_scale_home_")  # no user state read or written
    os.environ.update(ELSDESK_HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache")
    start = time.perf_counter()
    vectors.reference_model(_reference_texts())
    counted_s = time.perf_counter() - start
    vectors._models.clear()  # as a new process: the counts come from the cache file the first call wrote
    start = time.perf_counter()
    vectors.reference_model(_reference_texts())
    read_s = time.perf_counter() - start
    print(f"reference (seed corpus): counted {counted_s:.2f} s (first process), read from the cache file {read_s:.2f} s"
          f" (later processes); peak RSS {peak_rss_mb():.0f} MB")
    texts = ["generated", "heldout"] if args.text == "both" else [args.text]
    results = {"reference_counted_s": round(counted_s, 3), "reference_read_s": round(read_s, 3),
               "sizes": [measure(n, k, args.rounds, text=text) for text in texts for n, k in zip(args.sizes, components)]}
    if args.one_module:
        results["one_module"] = [measure(args.one_module, components[-1], args.rounds, one_module="lakemedel", text=text)
                                 for text in texts]
    shutil.rmtree(home, ignore_errors=True)
    print("RESULT " + json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
