"""The demo repository: counts and removes the made-up demo tickets (external ids ``DEMO-…``).

A demo ticket is marked by its reserved external-id prefix; the range ``DEMO- <= id < DEMO.``
uses the unique index on ``external_id`` on both backends. Removing demo tickets removes what
hangs on them, as :mod:`elsdesk.storage.removal` says, and the topics the demo alone made.
Writing methods run inside the caller's :meth:`Database.write` transaction.
"""

from __future__ import annotations

from elsdesk.storage.database import Database
from elsdesk.storage.removal import remove_tickets

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
        """Delete every demo ticket and what only they made (their own topics too); return how many went."""
        ids = [row[0] for row in self.conn.execute(f"SELECT id FROM tickets WHERE {_RANGE}", _BOUNDS).fetchall()]
        return remove_tickets(self.conn, ids, drop_lone_topics=True, numbers_stay_taken=False)
