"""Measure the seed corpus: label counts, variety (distinct word bigrams per ticket) and the
near-duplicate rate, plus the same for the dev set and the overlap between the two.

Run: .venv/bin/python bench/corpus_stats.py [--markdown]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from elsdesk.corpus import load_seed_corpus

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "bench" / "data" / "dev_set.jsonl"
NEAR_DUPLICATE = 0.8


def _text(row):
    return f"{row.get('title', '')} {row.get('description', '')}".lower()


def _bigrams(text):
    words = re.findall(r"[^\W\d_]+", text)
    return set(zip(words, words[1:]))


def variety(rows):
    texts = [_text(r) for r in rows]
    all_bigrams = Counter()
    for text in texts:
        all_bigrams.update(_bigrams(text))
    distinct_per_ticket = sum(len(_bigrams(t)) for t in texts) / len(texts)
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).fit_transform(texts)
    near = 0
    for start in range(0, len(texts), 500):
        sims = cosine_similarity(vectors[start : start + 500], vectors)
        for offset, row in enumerate(sims):
            row[start + offset] = 0
            near += int(row.max() >= NEAR_DUPLICATE)
    return {
        "tickets": len(rows),
        "distinct_bigrams_per_ticket": round(distinct_per_ticket, 1),
        "distinct_bigrams_total": len(all_bigrams),
        "bigrams_used_once_share": round(sum(1 for n in all_bigrams.values() if n == 1) / len(all_bigrams), 3),
        "near_duplicate_rate": round(near / len(texts), 4),
        "mean_words": round(sum(len(t.split()) for t in texts) / len(texts), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    seed = load_seed_corpus()
    dev = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    modules = Counter(r["module"] for r in seed)
    kinds = Counter(r["kind"] for r in seed)
    problems = len({r.get("problem") for r in seed})
    seed_texts = {_text(r) for r in seed}
    overlap = sum(1 for r in dev if _text(r) in seed_texts)
    report = {"seed": variety(seed), "dev": variety(dev), "seed_problems": problems, "dev_texts_in_seed": overlap,
              "modules": dict(sorted(modules.items())), "kinds": dict(kinds.most_common())}
    if args.markdown:
        print("| module | tickets |\n|---|---|")
        for module, n in sorted(modules.items()):
            print(f"| `{module}` | {n} |")
        print("\n| kind | tickets |\n|---|---|")
        for kind, n in kinds.most_common():
            print(f"| `{kind}` | {n} |")
        print()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
