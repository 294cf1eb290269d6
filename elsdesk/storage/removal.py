"""Taking tickets out of a desk with what hangs on them, on both backends.

One routine for the two ways tickets leave a desk: every demo ticket at once, and a ticket a
super-user removes because it was logged by mistake (twice, on the wrong desk, or with a patient's
details that must not stay). Label history, review decisions and incident links go with the
ticket (``ON DELETE CASCADE``); incidents left without tickets go; stored topic weeks that held a
removed ticket are dropped and worked out again from the remaining tickets when next shown.
Runs inside the caller's :meth:`Database.write` transaction.
"""

from __future__ import annotations

import json
from typing import Iterable

_CHUNK = 500  # ids per statement, well below either engine's limit on parameters


def remove_tickets(conn, ids: Iterable[int], *, drop_lone_topics: bool = False) -> int:
    """Delete the tickets *ids* and what only they made; return how many were deleted.

    With *drop_lone_topics* the registered topics made of removed tickets alone, which no other
    week holds, go too (the demo's own topics); otherwise a topic's registration stays with what
    people did to it, and the week is simply worked out again."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    weeks: set[str] = set()
    removed = 0
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        weeks.update(row[0] for row in conn.execute(
            f"SELECT DISTINCT iso_week FROM tickets WHERE id IN ({marks})", chunk).fetchall() if row[0])
        removed += conn.execute(f"DELETE FROM tickets WHERE id IN ({marks})", chunk).rowcount
    conn.execute("DELETE FROM incidents WHERE NOT EXISTS"
                 " (SELECT 1 FROM incident_tickets x WHERE x.incident_id = incidents.id)")
    _forget_topic_weeks(conn, sorted(weeks), set(ids), drop_lone_topics)
    return removed


def _forget_topic_weeks(conn, weeks: list[str], removed: set[int], drop_lone_topics: bool) -> None:
    """Drop stored topic weeks that held a removed ticket (recomputed when shown); with
    *drop_lone_topics*, then the registered topics made of removed tickets alone that no other week
    holds. A topic that held other tickets keeps its registration, with what people did to it (a
    name, a covered date, an agenda pick): worked out again without the removed tickets, it is the
    same topic."""
    touched: set[str] = set()
    for week in weeks:
        rows = conn.execute("SELECT topic_id, ticket_ids FROM topic_weeks WHERE week = ?", (week,)).fetchall()
        held = {topic: set(json.loads(ticket_ids or "[]")) for topic, ticket_ids in rows}
        if any(removed & ids for ids in held.values()):
            touched.update(topic for topic, ids in held.items() if ids <= removed)
            conn.execute("DELETE FROM topic_weeks WHERE week = ?", (week,))
    if not drop_lone_topics:
        return
    for topic_id in sorted(touched):
        if conn.execute("SELECT 1 FROM topic_weeks WHERE topic_id = ? LIMIT 1", (topic_id,)).fetchone():
            continue
        conn.execute("UPDATE topic_registry SET merged_into = NULL WHERE merged_into = ?", (topic_id,))
        conn.execute("DELETE FROM topic_registry WHERE id = ?", (topic_id,))
