"""The topics-at-scale bench's week in the held-out regions' words (bench/bench_topics_scale.py --text heldout):
other hands' tickets without their truth, and past the pool every text still one of a kind, so the app's per-text
caches get no repeats the peer does not."""

from __future__ import annotations

import json

from bench.bench_topics_scale import heldout_rows, one_week_file


def test_a_heldout_week_is_every_region_s_tickets_then_new_pairings(tmp_path):
    rows = list(heldout_rows(10_000))
    assert len({row["id"] for row in rows}) == 10_000
    assert not any(key.startswith("truth") for row in rows for key in row)
    texts = [(row["title"], row.get("description", "")) for row in rows]
    assert len(set(texts)) > 9_900  # a region's few word-for-word repeats aside, no text comes twice
    week = one_week_file(tmp_path, 300, text="heldout")
    days = {json.loads(line)["created_at"][:10] for line in week.read_text(encoding="utf-8").splitlines()}
    assert days and all("2025-04-28" <= day <= "2025-05-04" for day in days)  # the bench's week, 2025-W18
