"""Topic benchmarks: how well planted recurring problems are found, and how long a week takes.

Quality: weeks are built from the seed corpus: a set of "planted" problems contributes all
their tickets (each problem was written 2-8 times by different people), every other ticket is
a one-off from a different problem. Module labels come from the shipped model, as they would
for new tickets. A planted problem counts as found when one topic holds most (>50%) of its
tickets and is mostly (>50%) made of them, the acceptance rule of issue 5.

Speed: topic runs on weeks of 200, 2,000 and 20,000 tickets from the demo generator.

Run: .venv/bin/python bench/bench_topics.py [--threshold 0.82] [--weeks 8] [--skip-speed]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict

from elsdesk.corpus import load_seed_corpus
from elsdesk.ml.store import load_model
from elsdesk.paths import shipped_models_dir
from elsdesk.topics.finder import TopicFinder, Ticketish


FINDER_OPTIONS: dict = {}
REFERENCE: list = []


def planted_week(rng: random.Random, by_problem: dict, planted: int, one_offs: int):
    problems = sorted(by_problem)
    chosen = set(rng.sample([p for p in problems if len(by_problem[p]) >= 3], planted))
    rows = [dict(r, _problem=p) for p in chosen for r in by_problem[p]]
    others = rng.sample([p for p in problems if p not in chosen], one_offs)
    rows += [dict(rng.choice(by_problem[p]), _problem=None) for p in others]
    rng.shuffle(rows)
    return rows, chosen


def score_week(rows, topics, chosen) -> tuple[int, int, float]:
    found = 0
    for problem in chosen:
        members = {i for i, r in enumerate(rows) if r["_problem"] == problem}
        for topic in topics:
            overlap = len(members & set(topic.members))
            if overlap > len(members) / 2 and overlap > len(topic.members) / 2:
                found += 1
                break
    one_off_in_topics = sum(1 for t in topics for m in t.members if rows[m]["_problem"] is None)
    one_offs = sum(1 for r in rows if r["_problem"] is None)
    return found, len(chosen), one_off_in_topics / max(one_offs, 1)


def quality(threshold: float, weeks: int) -> dict:
    model, _card = load_model(shipped_models_dir())
    by_problem = defaultdict(list)
    for row in load_seed_corpus():
        by_problem[row["problem"]].append(row)
    rng = random.Random(5)
    total_found = total = 0
    stray = []
    for size in ("small", "medium") * (weeks // 2):
        planted, one_offs = (6, 15) if size == "small" else (25, 120)
        rows, chosen = planted_week(rng, by_problem, planted, one_offs)
        predictions = model.predict(rows)
        tickets = [Ticketish(str(i), r["title"], r.get("description", ""), p.module, p.kind) for i, (r, p) in enumerate(zip(rows, predictions))]
        options = dict(FINDER_OPTIONS)
        if options.get("reference_texts"):
            # fair: the reference corpus never contains the week's own problems
            used = {r["problem"] for r in rows}
            options["reference_texts"] = [text for text, problem in REFERENCE if problem not in used]
        topics = TopicFinder(distance_threshold=threshold, **options).find(tickets)
        found, n, stray_share = score_week(rows, topics, chosen)
        total_found += found
        total += n
        stray.append(stray_share)
    return {"threshold": threshold, "planted_found": total_found, "planted": total,
            "recall": round(total_found / total, 3), "one_offs_pulled_into_topics": round(sum(stray) / len(stray), 3)}


def speed() -> dict:
    """Topic run time per week size, with the seed corpus as reference as in the app."""
    from elsdesk.services.demo import build_demo_tickets

    model, _card = load_model(shipped_models_dir())
    out = {}
    for n in (200, 2000, 20000):
        demo = build_demo_tickets(n, seed=n)
        predictions = model.predict([{"title": t.title, "description": t.description} for t in demo])
        tickets = [Ticketish(t.external_id, t.title, t.description, p.module, p.kind) for t, p in zip(demo, predictions)]
        start = time.perf_counter()
        topics = TopicFinder(reference_texts=[text for text, _ in REFERENCE]).find(tickets)
        out[f"topics_{n}_s"] = round(time.perf_counter() - start, 2)
        out[f"topics_{n}_count"] = len(topics)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, nargs="*", default=[0.9])
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--options", default='{"reference": true}', help="TopicFinder options as JSON")
    args = parser.parse_args()
    FINDER_OPTIONS.update(json.loads(args.options))
    if FINDER_OPTIONS.pop("reference", False):
        from elsdesk.ml.text import ticket_text

        REFERENCE.extend((ticket_text(r["title"], r.get("description")), r["problem"]) for r in load_seed_corpus())
        FINDER_OPTIONS["reference_texts"] = [text for text, _ in REFERENCE]
    results = {"quality": [quality(t, args.weeks) for t in args.threshold]}
    if not args.skip_speed:
        results.update(speed())
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print("RESULT " + json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
