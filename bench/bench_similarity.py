"""Benchmark the similar-ticket index (issue 14): build time and memory on a large desk, lookups while
typing, adding new tickets, a restart that reads the cache, and lookup quality on held-out duplicates.

Every side runs in a fresh child process, so the memory it reports is its own:

  app          ``build_similarity_index`` as the app calls it on a desk with no cache file: every ticket is
               read and indexed in chunks; the cache file is written at the end.
  app-restart  the same call again (the next start): it reads the cache file and indexes what changed.
  peer         optional (``--peer-module FILE``): another ``SimilarityIndex`` module, e.g. the one before
               issue 14 (``git show 0a83266:elsdesk/ml/similarity.py > /tmp/old_similarity.py``), built the
               way that version's service built it (every ticket in creation order through ``build``).

Each child prints: build seconds, RSS growth (resident memory after the build minus before it, with numpy,
scikit-learn and the text code already imported) and peak growth (``ru_maxrss`` minus the same baseline),
index lookups for typed text (``--lookups`` texts: a ticket's title and description cut at word boundaries
the way a person types them) p50/p95 in ms, the same lookups through ``similar_to_text`` (which also reads
the five tickets from the desk), and the time to add 100 new tickets one at a time as a saved ticket is.
Sides alternate for ``--rounds`` rounds (app, peer, app, peer, …); the table shows the median.

Quality (``bench/data/similar_pairs.jsonl``, written for this bench, fake data): 32 problems, each as an
original ticket and a duplicate written in other words. The originals are added to ``--quality-tickets``
tickets of the desk; each duplicate asks for its five most similar tickets; hit@1, hit@5 and the mean
reciprocal rank of its original are printed for the app's index and the peer's, and the share of 300 typed
lookups on the same tickets whose five scores are the peer's (ties may name other tickets).

    .venv/bin/python bench/bench_similarity.py [--tickets 200000 | --desk COPY.db] [--rounds 2]
        [--peer-module /tmp/old_similarity.py] [--lookups 300]

Without ``--desk`` a desk of ``--tickets`` synthetic tickets is generated and imported first
(``bench_storage.generate_tickets``, seed 20250423; minutes at 200,000). ``--desk`` must be a copy: the
app's connection may write to it. The last line is ``RESULT {json}``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
PAIRS = REPO_ROOT / "bench" / "data" / "similar_pairs.jsonl"
DEFAULT_SEED = 20250423
_WORD_END = re.compile(r"\S(?=\s|$)")


def rss_mb() -> float:
    """Resident memory of this process now."""
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples_ms: list[float]) -> dict:
    cuts = statistics.quantiles(sorted(samples_ms), n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "max": max(samples_ms), "n": len(samples_ms)}


def typed_texts(database, count: int, seed: int) -> list[tuple[str, str]]:
    """(title, description) as the form sends them while someone types: random tickets cut after a word."""
    rng = random.Random(seed)
    top = database.query("SELECT max(id) FROM tickets")[0][0] or 0
    texts = []
    while len(texts) < count and top:
        row = database.query("SELECT title, description FROM tickets WHERE id >= ? ORDER BY id LIMIT 1",
                             (rng.randint(1, top),))
        if not row:
            continue
        title, description = row[0][0] or "", row[0][1] or ""
        whole = f"{title}\n{description}"
        ends = [m.end() for m in _WORD_END.finditer(whole)]
        if ends:
            cut = ends[rng.randrange(len(ends))]
            typed_title, _, typed_description = whole[:cut].partition("\n")
            texts.append((typed_title, typed_description))
    return texts


def new_tickets(count: int, seed: int) -> list[tuple[str, str]]:
    """(title, description) of tickets to add, from the held-out pairs reworded by a fixed shuffle."""
    rng = random.Random(seed)
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [tuple(p[side]) for p in pairs for side in ("original", "duplicate")]
    return [texts[rng.randrange(len(texts))] for _ in range(count)]


# -- one side, in a child process ---------------------------------------------------------------
def load_peer(path: str):
    spec = importlib.util.spec_from_file_location("peer_similarity", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def run_side(side: str, desk: str, peer_module: str | None, lookups: int, seed: int) -> dict:
    """Build the index as *side* does, then time lookups and additions; what was measured."""
    import numpy  # noqa: F401 - imported before the baseline, as the app has by then
    import sklearn.feature_extraction.text  # noqa: F401

    from elsdesk.ml import text  # noqa: F401
    from elsdesk.services.similar import build_similarity_index, similar_to_text
    from elsdesk.storage import TicketRepository, open_database

    database = open_database(desk)
    texts = typed_texts(database, lookups, seed)
    additions = new_tickets(100, seed)
    peer = load_peer(peer_module) if side == "peer" else None
    before = rss_mb()
    start = time.perf_counter()
    if peer is None:
        index = build_similarity_index(database)
    else:
        rows = ((t.id, t.created_at, t.title, t.description) for t in TicketRepository(database).iter_tickets())
        index = peer.SimilarityIndex.build(rows)
    build_s = time.perf_counter() - start
    after = rss_mb()
    result = {"side": side, "tickets": len(index), "build_s": build_s, "rss_growth_mb": after - before,
              "peak_growth_mb": peak_mb() - before, "rss_before_mb": before}
    if hasattr(index, "nbytes"):
        result["index_arrays_mb"] = index.nbytes / 1e6

    index_ms, service_ms = [], []
    for title, description in texts:
        start = time.perf_counter()
        index.similar(title, description)
        index_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        similar_to_text(database, index, title, description)
        service_ms.append((time.perf_counter() - start) * 1000)
    result["lookup_index_ms"] = percentiles(index_ms)
    result["lookup_service_ms"] = percentiles(service_ms)

    top = database.query("SELECT max(id) FROM tickets")[0][0] or 0
    start = time.perf_counter()
    for number, (title, description) in enumerate(additions, start=1):
        index.add(top + number, "2026-12-31T12:00:00", title, description)
    result["add_100_ms"] = (time.perf_counter() - start) * 1000
    result["rss_end_growth_mb"] = rss_mb() - before
    database.close()
    return result


# -- quality --------------------------------------------------------------------------------
def quality(index, first: int, pairs: list[dict]) -> dict:
    """hit@1, hit@5 and MRR of each duplicate's original (ids from *first* on) in *index*."""
    ranks = []
    for number, pair in enumerate(pairs):
        found = [m.ticket_id for m in index.similar(*pair["duplicate"], k=5)]
        ranks.append(found.index(first + number) + 1 if first + number in found else None)
    return {"pairs": len(pairs), "hit_at_1": sum(r == 1 for r in ranks) / len(ranks),
            "hit_at_5": sum(r is not None for r in ranks) / len(ranks),
            "mrr_at_5": sum(1 / r for r in ranks if r) / len(ranks)}


def run_quality(desk: str, peer_module: str | None, tickets: int) -> dict:
    from elsdesk.ml import similarity
    from elsdesk.storage import open_database

    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open_database(desk) as database:
        background = [tuple(r) for r in database.query(
            "SELECT id, created_at, title, description FROM tickets ORDER BY id LIMIT ?", (tickets,))]
        texts = typed_texts(database, 300, 7)
    first = max((row[0] for row in background), default=0) + 1
    rows = background + [(first + n, "2026-12-01T08:00:00", *p["original"]) for n, p in enumerate(pairs)]
    app = similarity.SimilarityIndex.build(rows)
    result = {"background_tickets": len(background), "app": quality(app, first, pairs)}
    if peer_module:
        peer = load_peer(peer_module).SimilarityIndex.build(rows)
        result["peer"] = quality(peer, first, pairs)
        same = sum([round(m.score, 3) for m in app.similar(*text)] == [round(m.score, 3) for m in peer.similar(*text)]
                   for text in texts)
        result["same_five_scores_as_peer"] = {"lookups": len(texts), "share": same / len(texts)}
    return result


# -- the parent -----------------------------------------------------------------------------
def child(side: str, args, home: Path) -> dict:
    env = {**os.environ, "ELSDESK_HOME": str(home), "XDG_CACHE_HOME": str(home / "xdg-cache")}
    command = [sys.executable, __file__, "--side", side, "--desk", args.desk, "--lookups", str(args.lookups),
               "--seed", str(args.seed)]
    if args.peer_module:
        command += ["--peer-module", args.peer_module]
    completed = subprocess.run(command, env=env, capture_output=True, text=True)
    if completed.returncode:
        raise SystemExit(f"{side} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def prepare_desk(tickets: int, seed: int, folder: Path) -> str:
    from bench.bench_storage import generate_tickets
    from elsdesk.services.imports import import_tickets
    from elsdesk.storage import open_database

    jsonl, desk = folder / "tickets.jsonl", folder / "desk.db"
    print(f"generating and importing {tickets:,} tickets ...", file=sys.stderr, flush=True)
    generate_tickets(jsonl, tickets, seed)
    with open_database(str(desk), migrate_schema=True) as database:
        import_tickets(database, jsonl)
    jsonl.unlink()
    return str(desk)


def median_of(runs: list[dict], *path: str) -> float:
    values = []
    for run in runs:
        value = run
        for key in path:
            value = value[key]
        values.append(value)
    return statistics.median(values)


def print_table(result: dict) -> None:
    print(f"{'side':12} {'tickets':>9} {'build s':>8} {'RSS +MB':>8} {'peak +MB':>9} {'lookup p50/p95 ms':>18}"
          f" {'+service p50/p95':>17} {'add 100 ms':>10}")
    for side, side_runs in result["runs"].items():
        def median(*path):
            return median_of(side_runs, *path)

        print(f"{side:12} {side_runs[0]['tickets']:>9,} {median('build_s'):>8.1f} {median('rss_growth_mb'):>8.0f}"
              f" {median('peak_growth_mb'):>9.0f}"
              f" {median('lookup_index_ms', 'p50'):>8.2f}/{median('lookup_index_ms', 'p95'):<9.2f}"
              f" {median('lookup_service_ms', 'p50'):>8.2f}/{median('lookup_service_ms', 'p95'):<8.2f}"
              f" {median('add_100_ms'):>10.1f}")
    among = result["quality"]["background_tickets"]
    for name, found in result["quality"].items():
        if isinstance(found, dict) and "hit_at_1" in found:
            print(f"quality {name:5} hit@1 {found['hit_at_1']:.2f}  hit@5 {found['hit_at_5']:.2f}"
                  f"  MRR@5 {found['mrr_at_5']:.2f}  ({found['pairs']} pairs among {among:,} tickets)")
    same = result["quality"].get("same_five_scores_as_peer")
    if same:
        print(f"typed lookups whose five scores equal the peer's (3 decimals): {same['share']:.0%}"
              f" of {same['lookups']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=200_000, help="tickets to generate without --desk")
    parser.add_argument("--desk", help="a COPY of a SQLite desk to index (it may be written to)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--lookups", type=int, default=300)
    parser.add_argument("--peer-module", help="another SimilarityIndex module to run alternately")
    parser.add_argument("--quality-tickets", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--side", choices=("app", "peer"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.side:
        print(json.dumps(run_side(args.side, args.desk, args.peer_module, args.lookups, args.seed)))
        return 0

    with tempfile.TemporaryDirectory(prefix="elsdesk-bench-similar-") as tmp:
        folder = Path(tmp)
        if not args.desk:
            os.environ["ELSDESK_HOME"] = str(folder / "home-import")  # never the user's own data folder
            args.desk = prepare_desk(args.tickets, args.seed, folder)
        runs: dict[str, list[dict]] = {"app": [], "app-restart": [], "peer": []}
        for number in range(args.rounds):
            home = folder / f"home-{number}"
            sides = ["app", "app-restart"] + (["peer"] if args.peer_module else [])
            for side in sides:
                print(f"round {number + 1}: {side} ...", file=sys.stderr, flush=True)
                runs[side].append(child("app" if side == "app-restart" else side, args, home))
        print("quality on held-out duplicates ...", file=sys.stderr, flush=True)
        result = {"desk": args.desk, "rounds": args.rounds, "runs": {k: v for k, v in runs.items() if v},
                  "quality": run_quality(args.desk, args.peer_module, args.quality_tickets)}

    print_table(result)
    print("RESULT " + json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
