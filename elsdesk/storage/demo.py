"""The demo repository: counts and removes the made-up demo tickets (external ids ``DEMO-…``).

A demo ticket is marked by its reserved external-id prefix; the range ``DEMO- <= id < DEMO.``
uses the unique index on ``external_id`` on both backends. Removing demo tickets removes what
hangs on them (label history, review decisions, incident links: ``ON DELETE CASCADE``), the
incidents left without tickets, and the stored topic weeks they were part of (recomputed from
the remaining tickets when next shown). Writing methods run inside the caller's
:meth:`Database.write` transaction.
"""

from __future__ import annotations

import json

from elsdesk.storage.database import Database

DEMO_PREFIX = "DEMO-"
_RANGE = "external_id >= ? AND external_id < ?"
_BOUNDS = (DEMO_PREFIX, DEMO_PREFIX[:-1] + chr(ord(DEMO_PREFIX[-1]) + 1))


class DemoRepository:
    def __init__(self, database: Database):
        self.database = database
        self.conn = database.conn

    def counts(self) -> tuple[int, int]:
        """(demo tickets, all tickets)."""
        demo = self.database.query(f"SELECT count(*) FROM tickets WHERE {_RANGE}", _BOUNDS)[0][0]
        total = self.database.query("SELECT count(*) FROM tickets")[0][0]
        return int(demo), int(total)

    def demo_weeks(self) -> list[str]:
        rows = self.database.query(f"SELECT DISTINCT iso_week FROM tickets WHERE {_RANGE}", _BOUNDS)
        return sorted(row[0] for row in rows if row[0])

    # -- writing (inside a write transaction) --------------------------------------------
    def delete_demo_tickets(self) -> int:
        """Delete every demo ticket and what only they made; return how many tickets went."""
        ids = {row[0] for row in self.conn.execute(f"SELECT id FROM tickets WHERE {_RANGE}", _BOUNDS).fetchall()}
        if not ids:
            return 0
        weeks = self.demo_weeks()
        self.conn.execute(f"DELETE FROM tickets WHERE {_RANGE}", _BOUNDS)
        self.conn.execute("DELETE FROM incidents WHERE NOT EXISTS"
                          " (SELECT 1 FROM incident_tickets x WHERE x.incident_id = incidents.id)")
        self._forget_topic_weeks(weeks, ids)
        return len(ids)

    def _forget_topic_weeks(self, weeks: list[str], removed: set[int]) -> None:
        """Drop stored topic weeks that held demo tickets (recomputed when shown), then the registered
        topics made of demo tickets alone that no other week holds. A topic that held real tickets
        keeps its registration, with what people did to it (a name, a covered date, an agenda pick):
        worked out again without the demo tickets, it is the same topic."""
        touched: set[str] = set()
        for week in weeks:
            rows = self.conn.execute("SELECT topic_id, ticket_ids FROM topic_weeks WHERE week = ?", (week,)).fetchall()
            held = {topic: set(json.loads(ticket_ids or "[]")) for topic, ticket_ids in rows}
            if any(removed & ids for ids in held.values()):
                touched.update(topic for topic, ids in held.items() if ids <= removed)
                self.conn.execute("DELETE FROM topic_weeks WHERE week = ?", (week,))
        for topic_id in sorted(touched):
            if self.conn.execute("SELECT 1 FROM topic_weeks WHERE topic_id = ? LIMIT 1", (topic_id,)).fetchone():
                continue
            self.conn.execute("UPDATE topic_registry SET merged_into = NULL WHERE merged_into = ?", (topic_id,))
            self.conn.execute("DELETE FROM topic_registry WHERE id = ?", (topic_id,))
