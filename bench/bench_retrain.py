"""Retraining on 20,000 confirmed tickets against a plain TF-IDF + LinearSVC pipeline, paired (issue 14).

The desk: a fresh SQLite desk in a temporary folder, filled by ``elsdesk``'s own import
(:func:`elsdesk.services.imports.import_tickets`) from a JSON Lines file written by
:func:`bench.bench_storage.generate_tickets` (synthetic Swedish Cosmic tickets combined from
fragments, seed 20250423); only labelled rows are kept, the first ``--tickets`` of them. Import
records every imported label as a person's confirmation (label_source ``human``), as it does for a
region's confirmed export. The bench checks that the desk holds exactly that many confirmed tickets.

Then ``--rounds`` rounds, each in turn:

(a) **app**: :func:`elsdesk.services.classification.train_model` on the desk, the service behind a
    super-user's *Träna om* and ``elsdesk train``: loading the labelled tickets from the desk, the
    seed corpus and the active model, fitting the module and kind models, comparing with the
    active model on the held-out newest confirmed tickets (near-duplicates removed), confidence
    cut-offs, the quality figures, serialising and storing the model in the desk and activating it.
    Every round starts from a copy of the same freshly imported desk (the shipped model active),
    so every round is the same first retrain; the copy is made outside the timing.
(b) **peer**: ``make_pipeline(TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2)), LinearSVC())``
    (scikit-learn defaults otherwise: C=1.0, squared hinge, tol 1e-4, one-vs-rest, float64),
    fitted once for module and once for kind on the same texts (title + description) and labels:
    the seed corpus plus every confirmed ticket of the desk, already in memory. Only its two fits
    are timed.

The order alternates (app first in odd rounds, peer first in even ones). It prints the seconds of
every round (and the CPU seconds of all the process's threads: the app fits in threads, the peer
in one), min and median of each side, the ratios app/peer (of the minimums, of the medians and
the median of the per-round ratios) and peak RSS (ru_maxrss: before the rounds, after the first
app retrain, at the end), and, last, one line ``RESULT {json}``.

``--profile`` instead runs the app's retrain once under cProfile and prints where the time goes.

Run: .venv/bin/python bench/bench_retrain.py [--tickets 20000] [--rounds 5] [--keep-desk PATH] [--profile]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
for folder in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

DEFAULT_TICKETS = 20_000
DEFAULT_SEED = 20250423
PEER_SETTINGS = "make_pipeline(TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2)), LinearSVC())"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_desk(path: Path, tickets: int, seed: int, work: Path) -> dict:
    """A SQLite desk at *path* holding *tickets* imported, confirmed tickets; what it holds."""
    from bench_storage import generate_tickets

    from elsdesk.services.imports import import_tickets
    from elsdesk.storage import open_database

    generated = work / "generated.jsonl"
    generate_tickets(generated, int(tickets / 0.85) + 100, seed)  # about 10% come unlabelled
    labelled = work / "confirmed.jsonl"
    kept = 0
    with open(generated, encoding="utf-8") as source, open(labelled, "w", encoding="utf-8") as out:
        for line in source:
            if kept == tickets:
                break
            if json.loads(line).get("module"):
                out.write(line)
                kept += 1
    if kept < tickets:
        raise SystemExit(f"only {kept} labelled tickets generated, {tickets} wanted")
    database = open_database(path)
    try:
        report = import_tickets(database, labelled)
        confirmed = database.query("SELECT count(*) FROM tickets WHERE label_source = 'human' AND module IS NOT NULL")[0][0]
    finally:
        database.close()
    if confirmed != tickets:
        raise SystemExit(f"the desk holds {confirmed} confirmed tickets, {tickets} wanted")
    return {"imported": report.new, "confirmed": confirmed, "source": "bench_storage.generate_tickets", "seed": seed}


def peer_rows(desk: Path) -> list[dict]:
    """The seed corpus and every confirmed ticket of *desk*: the peer's texts and labels."""
    from elsdesk.corpus import load_seed_corpus
    from elsdesk.services.training_data import labelled_rows
    from elsdesk.storage import open_database

    database = open_database(desk)
    try:
        rows = labelled_rows(database)
    finally:
        database.close()
    return load_seed_corpus() + rows


def run_app(pristine: Path, work: Path, round_number: int) -> tuple[float, dict]:
    """One retrain through the service on a fresh copy of the desk; seconds and what it reported."""
    from elsdesk.services.classification import forget_loaded_models, train_model
    from elsdesk.storage import open_database

    desk = work / f"round-{round_number}.db"
    shutil.copyfile(pristine, desk)
    forget_loaded_models()
    database = open_database(desk)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        result = train_model(database)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        database.close()
    desk.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{desk}{suffix}").unlink(missing_ok=True)
    quality = result.new_quality or {}
    return elapsed, {"cpu_s": round(cpu, 2), "activated": result.activated, "confirmed": result.confirmed, "held_out": result.held_out,
                     "evaluation_n": quality.get("n"), "macro_f1": quality.get("macro_f1"),
                     "kind_accuracy": quality.get("kind_accuracy")}


def run_peer(rows: list[dict]) -> tuple[float, float]:
    """The plain peer's two fits (module, kind) on *rows*; seconds and CPU seconds."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    texts = [f"{r.get('title') or ''} {r.get('description') or ''}" for r in rows]
    kinded = [i for i, r in enumerate(rows) if r.get("kind")]
    start, cpu = time.perf_counter(), time.process_time()
    make_pipeline(TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2)), LinearSVC()).fit(texts, [r["module"] for r in rows])
    make_pipeline(TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2)), LinearSVC()).fit(
        [texts[i] for i in kinded], [rows[i]["kind"] for i in kinded])
    return time.perf_counter() - start, time.process_time() - cpu


def profile_app(pristine: Path, work: Path) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    elapsed, _ = run_app(pristine, work, 0)
    profiler.disable()
    print(f"app retrain under cProfile: {elapsed:.1f} s")
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=DEFAULT_TICKETS, help="confirmed tickets in the desk")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--keep-desk", metavar="PATH", help="build the desk here once and reuse it in later runs")
    parser.add_argument("--profile", action="store_true", help="profile one app retrain instead of the paired rounds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="elsdesk-retrain-") as tmp_name:
        work = Path(tmp_name)
        # a bench must never train into, or activate a model of, the real user's data folder
        os.environ["ELSDESK_HOME"] = str(work / "home")
        os.environ["XDG_DATA_HOME"] = str(work / "xdg")
        pristine = Path(args.keep_desk) if args.keep_desk else work / "desk.db"
        if pristine.exists():
            desk = {"reused": str(pristine)}
        else:
            start = time.perf_counter()
            desk = build_desk(pristine, args.tickets, args.seed, work)
            desk["build_s"] = round(time.perf_counter() - start, 1)
        print(f"desk: {desk}", flush=True)
        if args.profile:
            profile_app(pristine, work)
            return
        rows = peer_rows(pristine)
        print(f"peer: {PEER_SETTINGS} for module and for kind on {len(rows)} texts "
              f"(seed corpus + {len(rows) - len(load_seed())} confirmed)", flush=True)
        app_s, peer_s, app_cpu, peer_cpu, app_info = [], [], [], [], {}
        before_rounds_mb = peak_rss_mb()
        for number in range(1, args.rounds + 1):
            order = ("app", "peer") if number % 2 else ("peer", "app")
            for side in order:
                if side == "app":
                    elapsed, app_info = run_app(pristine, work, number)
                    app_s.append(elapsed)
                    if number == 1:  # the app ran first: the process's peak so far is the retrain's
                        app_peak_mb = peak_rss_mb()
                    app_cpu.append(app_info["cpu_s"])
                else:
                    elapsed, cpu = run_peer(rows)
                    peer_s.append(elapsed)
                    peer_cpu.append(cpu)
            print(f"round {number} ({' then '.join(order)}): app {app_s[-1]:.1f} s (CPU {app_cpu[-1]:.1f} s), "
                  f"peer {peer_s[-1]:.1f} s (CPU {peer_cpu[-1]:.1f} s), ratio {app_s[-1] / peer_s[-1]:.2f}", flush=True)

    summary = {
        "tickets_confirmed": args.tickets, "rounds": args.rounds, "cores": os.cpu_count(), "peer": PEER_SETTINGS,
        "peer_texts": len(rows), "desk": desk,
        "app_s": [round(s, 2) for s in app_s], "peer_s": [round(s, 2) for s in peer_s],
        "app_cpu_s": app_cpu, "peer_cpu_s": [round(s, 2) for s in peer_cpu],
        "app_min_s": round(min(app_s), 2), "app_median_s": round(statistics.median(app_s), 2),
        "peer_min_s": round(min(peer_s), 2), "peer_median_s": round(statistics.median(peer_s), 2),
        "ratio_min": round(min(app_s) / min(peer_s), 3),
        "ratio_median": round(statistics.median(app_s) / statistics.median(peer_s), 3),
        "ratio_per_round_median": round(statistics.median(a / p for a, p in zip(app_s, peer_s)), 3),
        "app_last_round": app_info, "peak_rss_mb_before_rounds": round(before_rounds_mb, 1),
        "peak_rss_mb_after_first_app_retrain": round(app_peak_mb, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    print(f"app  min {summary['app_min_s']:.1f} s, median {summary['app_median_s']:.1f} s")
    print(f"peer min {summary['peer_min_s']:.1f} s, median {summary['peer_median_s']:.1f} s")
    print(f"CPU seconds (all threads): app median {statistics.median(app_cpu):.1f}, peer median {statistics.median(peer_cpu):.1f}")
    print(f"ratio app/peer: of minimums {summary['ratio_min']:.2f}, of medians {summary['ratio_median']:.2f}, "
          f"median per round {summary['ratio_per_round_median']:.2f}")
    print(f"peak RSS of this process: {before_rounds_mb:.0f} MB with the desk's rows loaded, {app_peak_mb:.0f} MB after the "
          f"first app retrain (round 1 runs the app first), {summary['peak_rss_mb']:.0f} MB at the end")
    print("RESULT " + json.dumps(summary, ensure_ascii=False))


def load_seed() -> list[dict]:
    from elsdesk.corpus import load_seed_corpus

    return load_seed_corpus()


if __name__ == "__main__":
    main()
