"""Review-queue benchmarks for issue 4, all measured here, nothing assumed.

1. Active learning: a simulated super-user confirms 200 tickets from a held-out labelled pool,
   in uncertainty order (lowest module confidence of the current model first, as the review
   queue orders them) and in random order, retraining after every 25 labels exactly as
   ``train_model`` fits (seed corpus + confirmed labels, confirmed rows weighted
   ``CONFIRMED_WEIGHT``). Macro-F1 is measured after every 25 labels on the other part of the
   held-out set. The pool and evaluation sets are ``bench/data/dev_set.jsonl`` split in two per
   module; it never trains the shipped model. Random order is repeated with several seeds and
   everything with several splits, because 171 evaluation tickets make one ticket ~0.6 points.
2. Similar tickets: p50/p95/p99 of "the five most similar earlier tickets" on 200,000 tickets,
   for the in-memory index alone and through the service (index + fetching the tickets from
   SQLite), plus build time, incremental add time and index size.
3. The review queue query (uncertainty order) and a 24-hour surge scan on the same database.

Run: .venv/bin/python bench/bench_review.py [--tickets 200000] [--random-seeds 3] [--splits 3] [--skip-al] [--skip-similar]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT / "bench" / "data" / "dev_set.jsonl"
STEP = 25
LABELS = 200


# -- 1. active learning -------------------------------------------------------------------
def split_dev(seed: int = 7, pool_per_module: int = 11) -> tuple[list[dict], list[dict]]:
    """Per module: *pool_per_module* rows to the labelling pool, the rest to evaluation."""
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_module = defaultdict(list)
    for row in rows:
        by_module[row["module"]].append(row)
    rng = random.Random(seed)
    pool, evaluation = [], []
    for module in sorted(by_module):
        group = by_module[module][:]
        rng.shuffle(group)
        pool += group[:pool_per_module]
        evaluation += group[pool_per_module:]
    rng.shuffle(pool)
    return pool, evaluation


def macro_f1(model, rows) -> float:
    from elsdesk.services.classification import measure

    return measure(model, rows)["macro_f1"]


def simulate(order: str, pool: list[dict], evaluation: list[dict], seed_rows: list[dict], start_model, seed: int = 0):
    """Macro-F1 after every STEP confirmed labels, up to LABELS."""
    from elsdesk.services.classification import fit_model

    rng = random.Random(seed)
    remaining = list(range(len(pool)))
    confirmed: list[dict] = []
    model = start_model
    curve = []
    while len(confirmed) < LABELS and remaining:
        if order == "uncertainty":
            predictions = model.predict([pool[i] for i in remaining])
            ranked = sorted(zip(remaining, predictions), key=lambda pair: pair[1].confidence)
            picked = [i for i, _ in ranked[:STEP]]
        else:
            picked = rng.sample(remaining, min(STEP, len(remaining)))
        remaining = [i for i in remaining if i not in set(picked)]
        confirmed += [pool[i] for i in picked]
        model = fit_model(seed_rows, confirmed)
        curve.append((len(confirmed), macro_f1(model, evaluation)))
    return curve


def labels_to_reach(curve, target: float) -> int | None:
    for labels, f1 in curve:
        if f1 >= target - 1e-9:
            return labels
    return None


def active_learning(random_seeds: int, splits: int) -> dict:
    """Both orders on *splits* different pool/evaluation splits of the dev set; curves averaged."""
    from elsdesk.corpus import load_kind_corpus, load_seed_corpus
    from elsdesk.ml.model import TicketModel

    seed_rows = load_seed_corpus()
    started = time.perf_counter()
    start_model = TicketModel().fit(seed_rows, kind_rows=load_kind_corpus())
    print(f"seed corpus {len(seed_rows)} rows; one fit {time.perf_counter() - started:.1f} s", flush=True)
    per_split = []
    for split in range(splits):
        pool, evaluation = split_dev(seed=7 + split)
        start_f1 = macro_f1(start_model, evaluation)
        uncertainty = simulate("uncertainty", pool, evaluation, seed_rows, start_model)
        randoms = [simulate("random", pool, evaluation, seed_rows, start_model, seed) for seed in range(random_seeds)]
        random_mean = [(n, statistics.mean(run[k][1] for run in randoms)) for k, (n, _) in enumerate(randoms[0])]
        print(f"\nsplit {split}: pool {len(pool)}, evaluation {len(evaluation)}; seed corpus only (0 labels): macro-F1 {start_f1:.4f}")
        _print_table(uncertainty, randoms, random_mean)
        reach = labels_to_reach(uncertainty, random_mean[-1][1])
        print(f"random order's final macro-F1 (mean of {random_seeds}): {random_mean[-1][1]:.4f}; "
              f"uncertainty order reaches it after {reach if reach is not None else 'more than ' + str(LABELS)} labels", flush=True)
        per_split.append({"pool": len(pool), "evaluation": len(evaluation), "start_macro_f1": start_f1,
                          "uncertainty": uncertainty, "random_runs": randoms, "random_mean": random_mean,
                          "uncertainty_labels_to_random_final": reach})
    mean_uncertainty = [(n, statistics.mean(s["uncertainty"][k][1] for s in per_split))
                        for k, (n, _) in enumerate(per_split[0]["uncertainty"])]
    mean_random = [(n, statistics.mean(s["random_mean"][k][1] for s in per_split))
                   for k, (n, _) in enumerate(per_split[0]["random_mean"])]
    start = statistics.mean(s["start_macro_f1"] for s in per_split)
    print(f"\nmean over {splits} splits (0 labels: {start:.4f})")
    print("labels  uncertainty  random")
    for (n, u), (_, r) in zip(mean_uncertainty, mean_random):
        print(f"{n:6d}  {u:11.4f}  {r:6.4f}")
    reach = labels_to_reach(mean_uncertainty, mean_random[-1][1])
    print(f"mean random final macro-F1 ({LABELS} labels): {mean_random[-1][1]:.4f}; mean uncertainty curve reaches it after "
          f"{reach if reach is not None else 'more than ' + str(LABELS)} labels; per split: "
          f"{[s['uncertainty_labels_to_random_final'] for s in per_split]}", flush=True)
    return {"splits": per_split, "start_macro_f1": start, "mean_uncertainty": mean_uncertainty,
            "mean_random": mean_random, "uncertainty_labels_to_random_final": reach}


def _print_table(uncertainty, randoms, random_mean) -> None:
    print("labels  uncertainty  " + "  ".join(f"random#{s}" for s in range(len(randoms))) + "  random-mean")
    for k, (labels, f1) in enumerate(uncertainty):
        cells = "  ".join(f"{run[k][1]:8.4f}" for run in randoms)
        print(f"{labels:6d}  {f1:11.4f}  {cells}  {random_mean[k][1]:11.4f}")


# -- 2./3. similar tickets, queue, surges on a large database ------------------------------
def percentiles(times_ms: list[float]) -> dict:
    return {"p50_ms": float(np.percentile(times_ms, 50)), "p95_ms": float(np.percentile(times_ms, 95)),
            "p99_ms": float(np.percentile(times_ms, 99)), "max_ms": float(max(times_ms)), "n": len(times_ms)}


def similar_lookup(tickets_total: int, queries: int) -> dict:
    from elsdesk.services.demo import build_demo_tickets
    from elsdesk.services.review import review_queue
    from elsdesk.services.similar import build_similarity_index, similar_tickets
    from elsdesk.services.surges import detect_surges
    from elsdesk.storage import open_database, TicketRepository

    results: dict = {"tickets": tickets_total}
    started = time.perf_counter()
    tickets = build_demo_tickets(tickets_total)
    results["generate_s"] = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.db")
        repo = TicketRepository(database)
        started = time.perf_counter()
        for start in range(0, len(tickets), 5000):
            with database.write():
                for ticket in tickets[start : start + 5000]:
                    repo.insert(ticket)
        results["insert_s"] = time.perf_counter() - started
        print(f"{tickets_total} demo tickets in SQLite ({results['insert_s']:.1f} s)", flush=True)

        started = time.perf_counter()
        index = build_similarity_index(database)
        results["index_build_s"] = time.perf_counter() - started
        results["index_mb"] = index.nbytes / 1e6
        postings = sum(len(segment.rows) for segment in index._segments)  # size report only
        print(f"similarity index built in {results['index_build_s']:.1f} s, {results['index_mb']:.0f} MB, "
              f"{postings / max(len(index), 1):.1f} terms per ticket", flush=True)

        rng = random.Random(11)
        all_ids = repo.query_ids()
        sample = repo.fetch_many(rng.sample(all_ids, queries))
        for ticket in sample[:20]:  # warm caches
            index.similar(ticket.title, ticket.description, before=ticket.created_at, exclude_id=ticket.id)
        index_times, service_times, found = [], [], []
        for ticket in sample:
            t0 = time.perf_counter()
            matches = index.similar(ticket.title, ticket.description, before=ticket.created_at, exclude_id=ticket.id, k=5)
            index_times.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            result = similar_tickets(database, index, ticket)
            service_times.append((time.perf_counter() - t0) * 1000)
            found.append(len(result))
            assert all(m.ticket_id != ticket.id for m in matches)
        results["index_lookup"] = percentiles(index_times)
        results["service_lookup"] = percentiles(service_times)
        results["mean_results"] = statistics.mean(found)
        print(f"five most similar earlier tickets, index only:  p50 {results['index_lookup']['p50_ms']:.2f} ms  "
              f"p95 {results['index_lookup']['p95_ms']:.2f} ms  p99 {results['index_lookup']['p99_ms']:.2f} ms  "
              f"max {results['index_lookup']['max_ms']:.2f} ms  ({queries} queries)")
        print(f"five most similar earlier tickets, with SQLite: p50 {results['service_lookup']['p50_ms']:.2f} ms  "
              f"p95 {results['service_lookup']['p95_ms']:.2f} ms  p99 {results['service_lookup']['p99_ms']:.2f} ms  "
              f"max {results['service_lookup']['max_ms']:.2f} ms", flush=True)

        add_times = []
        for number in range(300):
            t0 = time.perf_counter()
            index.add(10_000_000 + number, "2025-05-26T10:00:00", "Skrivaren skriver inte ut", f"Armband nummer {number}")
            add_times.append((time.perf_counter() - t0) * 1000)
        results["incremental_add"] = percentiles(add_times)
        print(f"adding a saved ticket to the index: p50 {results['incremental_add']['p50_ms']:.2f} ms  "
              f"p95 {results['incremental_add']['p95_ms']:.2f} ms", flush=True)
        del index

        t0 = time.perf_counter()
        queue = review_queue(database, "uncertainty")
        results["queue_query_s"] = time.perf_counter() - t0
        results["queue_length"] = len(queue)
        print(f"review queue (uncertainty order): {len(queue)} tickets in {results['queue_query_s'] * 1000:.0f} ms "
              "(background task)", flush=True)
        t0 = time.perf_counter()
        surges = detect_surges(database)
        results["surge_scan_24h_s"] = time.perf_counter() - t0
        results["surges_24h"] = len(surges)
        print(f"surge scan of the last 24 hours: {results['surge_scan_24h_s']:.2f} s, {len(surges)} possible incidents",
              flush=True)
        database.close()
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--random-seeds", type=int, default=3)
    parser.add_argument("--splits", type=int, default=3, help="pool/evaluation splits of the dev set")
    parser.add_argument("--skip-al", action="store_true")
    parser.add_argument("--skip-similar", action="store_true")
    args = parser.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.WARNING)
    results = {}
    if not args.skip_al:
        results["active_learning"] = active_learning(args.random_seeds, args.splits)
    if not args.skip_similar:
        results["similar"] = similar_lookup(args.tickets, args.queries)
    print("RESULT " + json.dumps(_rounded(results), ensure_ascii=False, sort_keys=True))
    return 0


def _rounded(value):
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


if __name__ == "__main__":
    sys.exit(main())
