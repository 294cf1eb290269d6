"""The problem repository: known problems (kända problem) and which tickets people linked to them.

A problem is a record people curate: a name a trainer can teach from, module, kind, a
workaround, a status. A ticket points at one problem (``tickets.problem_id``), or none. Names
are unique without regard to case and spacing, so "Signera dos i utdelningsvyn" typed twice
is one problem. Writing methods run inside the caller's :meth:`Database.write`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable

from elsdesk.domain import now_iso
from elsdesk.storage.database import Database
from elsdesk.storage.settings import upsert_setting

STATUSES = ("oppet", "workaround", "rattat", "genomganget")
# the share of a week's tickets people must have linked before its unlinked ones count as one-offs
# (in the held-out benches' assisted weeks 20-60% are linked; one link among 40 tickets is not a
# week gone through)
LINKED_WEEK_SHARE = 0.1
# settings key of a week's links made by taking over a machine proposal (accepting it or putting it
# under a known problem), as JSON {ticket id: problem id}: a training lead who accepts a proposal
# judged that topic, not the week's other tickets, so these links do not make the week one people
# went through (a week of 120 tickets crossed the share above with three proposals accepted, and
# its other tickets, the ones the matcher had placed under known problems, became its one-offs)
PROPOSAL_LINKS_KEY = "proposal_links:{week}"
_PROPOSAL_LINKS_PREFIX = PROPOSAL_LINKS_KEY.format(week="")
# settings key of the tickets of a week that a person took out of a known problem (linked wrongly by a proposal's
# take-over, a file or the matcher's placing), as a JSON list of ticket ids: a judgement that they are no known
# problem, so the topics neither place them under one again nor join them to one (a training lead's wrong link
# could not be undone)
UNLINKED_KEY = "unlinked_by_people:{week}"
_COLUMNS = "id, name, module, kind, workaround, status, status_note, created_at, created_by, status_since"


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
    status_since: str | None = None  # the day the status was set (None: before the desk kept that day)


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

    def newest_id(self) -> int:
        """The id of the newest known problem (0 on a desk without any): those made after it have greater ids."""
        return int(self.database.query("SELECT MAX(id) FROM problems")[0][0] or 0)

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

    def linked_counts(self) -> dict[int, int]:
        """problem id -> how many tickets people linked to it (problems without links are left out)."""
        return {int(problem): int(count) for problem, count in self.database.query(
            "SELECT problem_id, COUNT(*) FROM tickets WHERE problem_id IS NOT NULL GROUP BY problem_id")}

    def linked_before(self, end: str) -> list[tuple[int, int]]:
        """(ticket id, problem id) of every linked ticket created before *end* (an ISO string), oldest first."""
        return [tuple(row) for row in self.database.query(
            "SELECT id, problem_id FROM tickets WHERE problem_id IS NOT NULL AND created_at < ? ORDER BY created_at, id",
            (end,))]

    def unlinked_beside_links(self, end: str, limit: int, weeks: list[str] | None = None) -> list[int]:
        """Ids of unlinked tickets created before *end* in the ISO weeks people went through
        (newest first, at most *limit*): what they judged to be no known problem. A week counts when
        at least :data:`LINKED_WEEK_SHARE` of its tickets were linked by people: one ticket linked in
        a week nobody went through does not make every other ticket of it a one-off, and neither do
        the tickets of proposals accepted in it (:data:`PROPOSAL_LINKS_KEY`). *weeks*: those weeks,
        when the caller has them (:meth:`weeks_gone_through`)."""
        weeks = self.weeks_gone_through(end) if weeks is None else weeks
        if not weeks:
            return []
        return [row[0] for row in self.database.query(
            f"SELECT id FROM tickets WHERE problem_id IS NULL AND created_at < ? AND iso_week IN ({','.join('?' * len(weeks))})"
            " ORDER BY created_at DESC, id DESC LIMIT ?", (end, *weeks, limit))]

    def weeks_gone_through(self, end: str, among: Iterable[str] | None = None) -> list[str]:
        """The ISO weeks (oldest first; of *among* when given) in which, counting the tickets created before
        *end*, people linked at least :data:`LINKED_WEEK_SHARE` of the tickets themselves (links made by taking
        over a proposal left out, and so are an import's links to a week its file did not go through:
        :mod:`elsdesk.services.import_links`)."""
        asked = sorted(set(among)) if among is not None else None
        if asked == []:
            return []
        chosen = f" AND iso_week IN ({', '.join('?' * len(asked))})" if asked else ""
        rows = self.database.query(
            "SELECT iso_week, count(*), sum(CASE WHEN problem_id IS NOT NULL THEN 1 ELSE 0 END) FROM tickets"
            f" WHERE created_at < ?{chosen} GROUP BY iso_week ORDER BY iso_week", (end, *(asked or ())))
        linked_weeks = {week for week, _total, linked in rows if linked}
        taken_over = self._proposal_links_kept(end, linked_weeks)
        weeks = []
        for week, total, linked in rows:
            by_people = linked - taken_over.get(week, 0)
            if by_people > 0 and by_people >= LINKED_WEEK_SHARE * total:
                weeks.append(week)
        return weeks

    def proposal_links(self, weeks: Iterable[str]) -> dict[str, dict[int, int]]:
        """week -> {ticket id: problem id} linked by taking over a proposal in that week (as recorded)."""
        return {key[len(_PROPOSAL_LINKS_PREFIX):]: proposal_links_of(value)
                for key, value in self._weeks_settings(PROPOSAL_LINKS_KEY, weeks)}

    def _weeks_settings(self, key_form: str, weeks: Iterable[str]) -> list[tuple[str, str]]:
        """(key, value) of the settings *key_form* ("…:{week}") names for each of *weeks* that has one."""
        keys = [key_form.format(week=week) for week in sorted(set(weeks))]
        found: list[tuple[str, str]] = []
        for start in range(0, len(keys), 900):
            chunk = keys[start:start + 900]
            found.extend(tuple(row) for row in self.database.query(
                f"SELECT key, value FROM settings WHERE key IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def _proposal_links_kept(self, end: str, weeks: set[str]) -> dict[str, int]:
        """week -> how many of its tickets created before *end* are still linked as a proposal's
        take-over linked them (a person who later links one elsewhere, or unlinks it, decided it)."""
        recorded = self.proposal_links(weeks)
        wanted = {ticket_id: problem_id for links in recorded.values() for ticket_id, problem_id in links.items()}
        ids = sorted(wanted)
        kept: dict[str, int] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            for ticket_id, problem_id, week in self.database.query(
                    f"SELECT id, problem_id, iso_week FROM tickets WHERE created_at < ? AND problem_id IS NOT NULL"
                    f" AND id IN ({','.join('?' * len(chunk))})", (end, *chunk)):
                if wanted[ticket_id] == problem_id:
                    kept[week] = kept.get(week, 0) + 1
        return kept

    def unlinked_by_people(self, weeks: Iterable[str]) -> set[int]:
        """The ids of the tickets of *weeks* that a person took out of a known problem (:data:`UNLINKED_KEY`)."""
        return {ticket_id for _key, value in self._weeks_settings(UNLINKED_KEY, weeks) for ticket_id in _ticket_ids_of(value)}

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

    def follow_linked_labels(self, conn, problem_ids: Iterable[int]) -> None:
        """Give each of the problems *problem_ids* the module and the kind most of its linked tickets have (the
        oldest ticket's breaks a tie); a label none of them has stays as it was. A problem took its first
        ticket's labels, and a first ticket without a module, or with another one than most, showed in
        every export (a tester's finding)."""
        for column in ("module", "kind"):
            most = (f"SELECT t.{column} FROM tickets t WHERE t.problem_id = problems.id AND t.{column} IS NOT NULL"
                    f" GROUP BY t.{column} ORDER BY count(*) DESC, min(t.id) LIMIT 1")
            for chunk in _chunks(sorted(set(problem_ids))):
                conn.execute(f"UPDATE problems SET {column} = coalesce(({most}), {column})"
                             f" WHERE id IN ({', '.join('?' * len(chunk))})", chunk)

    def record_proposal_links(self, conn, week: str, links: dict[int, int]) -> None:
        """Remember that the tickets of *links* ({ticket id: problem id}) of *week* were linked by taking
        over a machine proposal, not one by one by a person (read inside the write, so two take-overs
        at once both stay)."""
        if not links:
            return
        key = PROPOSAL_LINKS_KEY.format(week=week)
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        recorded = proposal_links_of(row[0] if row else None)
        recorded.update(links)
        upsert_setting(conn, key, json.dumps({str(t): p for t, p in sorted(recorded.items())}))

    def record_unlinked(self, conn, week: str, ticket_ids: Iterable[int]) -> None:
        """Remember that a person took the tickets *ticket_ids* of *week* out of a known problem."""
        key = UNLINKED_KEY.format(week=week)
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        recorded = set(_ticket_ids_of(row[0] if row else None)) | set(ticket_ids)
        upsert_setting(conn, key, json.dumps(sorted(recorded)))

    def update(self, conn, problem_id: int, **values) -> None:
        allowed = {"name", "module", "kind", "workaround", "status", "status_note", "status_since"}
        columns = [k for k in values if k in allowed]
        if "name" in values:
            values["name_key"] = name_key(values["name"])
            values["name"] = clean_name(values["name"])
            columns.append("name_key")
        if columns:
            conn.execute(f"UPDATE problems SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                         [values[c] for c in columns] + [problem_id])


def proposal_links_of(text: str | None) -> dict[int, int]:
    """{ticket id: problem id} of a stored :data:`PROPOSAL_LINKS_KEY` setting (an unreadable one holds none)."""
    try:
        return {int(t): int(p) for t, p in json.loads(text).items()} if text else {}
    except (ValueError, TypeError, AttributeError):
        return {}


def _ticket_ids_of(text: str | None) -> list[int]:
    """The ticket ids of a stored :data:`UNLINKED_KEY` setting (an unreadable one holds none)."""
    try:
        return [int(t) for t in json.loads(text)] if text else []
    except (ValueError, TypeError):
        return []


def forget_proposal_links(conn, week: str, ticket_ids: Iterable[int]) -> None:
    """The tickets *ticket_ids* out of *week*'s record of :meth:`ProblemRepository.record_proposal_links`
    (removed tickets; an import's links in a week the import went through)."""
    key = PROPOSAL_LINKS_KEY.format(week=week)
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    recorded = proposal_links_of(row[0] if row else None)
    forgotten = set(ticket_ids)
    if forgotten & set(recorded):
        kept = {ticket: problem for ticket, problem in sorted(recorded.items()) if ticket not in forgotten}
        upsert_setting(conn, key, json.dumps({str(t): p for t, p in kept.items()}))


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    """*ids* in lists below SQLite's variable limit."""
    for start in range(0, len(ids), size):
        yield ids[start:start + size]
