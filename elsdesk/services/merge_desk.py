"""Merge a desk into a desk that already has tickets (``elsdesk migrate --merge``), losing nothing.

A ward that worked on its own workstation joins the region's shared desk: :func:`merge_desk`
adds every ticket of the SQLite *source* to the *target* (PostgreSQL, or another SQLite file)
with all its fields and labels (a model's guess stays a guess, a confirmation stays one, with
who confirmed it), its label history and review decisions (original actors and times, ids
remapped) and its link to a known problem. All of it is one write transaction on the target:
a failure leaves the target as it was, a dry run rolls back, and a verification (rows per
table, and a SHA-256 over the added rows as planned and as read back) runs before the commit.

- **Ticket numbers.** A source number the target already has for another ticket gets the
  target's next free number (its new row id when free, as an import does). A number from
  another system (not the desk's ``ELS-`` pattern) stored for a ticket created at the same
  time is that same ticket (both desks imported the same file): it is not added twice.
- **Masking.** Texts were masked when the source stored them and are copied as they are; a
  field in which masking would still find an identifier (a desk of an older version) is
  masked on the way, never stored as it was.
- **Known problems.** A source problem with the same name and module (or no module on one
  side) as a target problem is that problem; others are added (under "name (module)" when the
  name is taken by a problem of another module). The target's curation of a joined one stays.
- **Incidents** are copied with their status (a person's decision) and remapped tickets; a
  source incident with the same label whose time span overlaps a target incident is joined to
  it. **Topics** are not copied: the target works out each week's topics again when the
  week's tickets change (``week_fingerprint``), so the merged weeks are recomputed on view.
- **Settings and models** are the shared desk's own and are not merged (the proposal links of
  known problems, which are per ticket, are carried over remapped).
- **Idempotent.** The source gets a desk identity (setting ``desk_identity``, made on the first
  real merge) and the target remembers, per source desk, which source ticket became which
  target ticket (setting ``merged_desk:<identity>``), so merging again adds only tickets the
  source has logged since.
- **Who.** On PostgreSQL only the desk's owner merges (as ``db upgrade`` and ``migrate``): the
  owner may write history rows and confirmations in the original actors' names, which the
  server's row-level security refuses every other login.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Callable

from elsdesk.domain import BadInputError, ElsdeskError, NotAllowedError
from elsdesk.importer import same_creation
from elsdesk.masking import mask_fields
from elsdesk.services.migrate_desk import BATCH_ROWS, _checksum
from elsdesk.services.masked_ids import desk_id_key_in_write, holds_identifier, masked_external_id
from elsdesk.services.problems import problem_name
from elsdesk.services.tickets import MASKED_FIELDS
from elsdesk.storage.database import POSTGRES, SQLITE, Database, with_login
from elsdesk.storage.problems import PROPOSAL_LINKS_KEY, UNLINKED_KEY, ProblemRepository, clean_name, name_key
from elsdesk.storage.search_text import compound_parts
from elsdesk.storage.settings import upsert_setting
from elsdesk.storage.tickets import TICKET_NUMBER, insert_indexing_once

logger = logging.getLogger(__name__)

DESK_IDENTITY_SETTING = "desk_identity"
MERGED_SETTING_PREFIX = "merged_desk:"
_DESK_NUMBER_RE = re.compile("^" + re.escape(TICKET_NUMBER.split("{")[0]) + r"\d+$")
_PROPOSAL_PREFIX = PROPOSAL_LINKS_KEY.format(week="")
_UNLINKED_PREFIX = UNLINKED_KEY.format(week="")
# the tables a merge adds rows to, in foreign-key order, and the ones verified by a checksum
ADDED_TABLES = ("problems", "tickets", "review_decisions", "label_history", "incidents", "incident_tickets")
_CHECKED_TABLES = ("tickets", "review_decisions", "label_history")

Progress = Callable[[int, int], None]


class MergeError(ElsdeskError):
    """The merged rows did not verify on the target; nothing was written."""


@dataclass
class MergeReport:
    """What :func:`merge_desk` added to the target (or, in a dry run, would add)."""

    source: str
    target: str
    dry_run: bool
    added: dict[str, int] = field(default_factory=lambda: {name: 0 for name in ADDED_TABLES})
    renumbered: list[tuple[str, str]] = field(default_factory=list)  # (source number, target number)
    already_merged: int = 0  # source tickets an earlier merge added
    same_tickets: list[str] = field(default_factory=list)  # numbers both desks hold for the same ticket
    problems_joined: list[str] = field(default_factory=list)
    problems_added: list[str] = field(default_factory=list)
    problems_renamed: list[tuple[str, str]] = field(default_factory=list)
    incidents_joined: int = 0
    masked_now: int = 0  # identifiers masking still found in source texts (masked on the way)
    verified: bool = False
    seconds: float = 0.0

    @property
    def tickets_added(self) -> int:
        return self.added["tickets"]


class _DryRunDone(Exception):
    """Raised inside the target transaction so a dry run rolls back everything it wrote."""


def merge_desk(source: Database, target: Database, dry_run: bool = False,
               progress: Progress | None = None) -> MergeReport:
    """Add the SQLite desk *source* to the desk *target* (see the module's docstring).

    Raises :class:`BadInputError` for a source that is not SQLite or is the target itself,
    :class:`NotAllowedError` for a PostgreSQL login that does not own the target, :class:`MergeError`
    when the added rows do not verify (rolled back). *progress(done, total)* counts source rows.
    """
    if source.backend != SQLITE:
        raise BadInputError(f"källan {source.describe()} är ingen SQLite-fil; --merge slår ihop en lokal desk"
                            " (--db FIL) med en annan desk")
    _refuse_same_desk(source, target)
    _require_owner(target)
    started = time.monotonic()
    identity = _source_identity(source, create=not dry_run)
    if identity is not None and identity == _setting(target, DESK_IDENTITY_SETTING):
        raise BadInputError(f"{target.describe()} är samma desk som {source.describe()} (en flytt eller kopia av den);"
                            " det finns inget att slå ihop")
    report = MergeReport(source.describe(), target.describe(), dry_run)
    source.conn.execute("BEGIN")  # one read snapshot of the source
    try:
        with target.write() as conn:
            _Merge(source, target, conn, identity, report, progress).run()
            if dry_run:
                raise _DryRunDone()
            _move_identity_sequences(target)
    except _DryRunDone:
        pass
    finally:
        source.conn.execute("ROLLBACK")
    report.seconds = time.monotonic() - started
    logger.info("merged %d tickets from %s into %s in %.1f s (dry run: %s)", report.tickets_added,
                report.source, report.target, report.seconds, dry_run)
    return report


def _refuse_same_desk(source: Database, target: Database) -> None:
    if target.backend == SQLITE and getattr(target, "path", None) and getattr(source, "path", None):
        if target.path.resolve() == source.path.resolve():
            raise BadInputError(f"källan och målet är samma fil ({source.describe()}); ange en annan desk med --to")


def _require_owner(target: Database) -> None:
    """On a shared desk only its owner merges: NotAllowedError naming the owner's role otherwise."""
    if target.backend != POSTGRES or target.owns_desk():
        return
    owner = target.query("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")[0][0]
    raise NotAllowedError(
        f"bara deskens ägare får slå ihop en annan desk med {target.describe()}: databasen ägs av rollen {owner},"
        f" och din inloggning {target.login_name()} hör inte till den. Ägaren får skriva etiketthistorik och"
        f" bekräftelser i de ursprungliga personernas namn; kör kommandot igen med --to"
        f" '{with_login(target.target, owner)}' (ägarens inloggning)")


def _setting(database: Database, key: str) -> str | None:
    rows = database.query("SELECT value FROM settings WHERE key = ?", (key,))
    return rows[0][0] if rows else None


def _source_identity(source: Database, create: bool) -> str | None:
    """The source desk's identity (a copy of the file has the same one), made when *create* and missing."""
    identity = _setting(source, DESK_IDENTITY_SETTING)
    if identity is None and create:
        with source.write() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                         (DESK_IDENTITY_SETTING, uuid.uuid4().hex))
        identity = _setting(source, DESK_IDENTITY_SETTING)
    return identity


def _move_identity_sequences(target: Database) -> None:
    """PostgreSQL: move the id sequences past the ids the merge gave (setval is not undone by a rollback,
    so only on the way to commit; every writer waits for the desk's write lock the merge holds)."""
    if target.backend != POSTGRES:
        return
    for name in ("problems", "tickets", "review_decisions", "label_history", "incidents"):
        target.conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), COALESCE(max(id), 0) + 1, false) FROM {name}")


class _Merge:
    """One merge inside the target's write transaction: plan, write, remember, verify."""

    def __init__(self, source: Database, target: Database, conn, identity: str | None, report: MergeReport,
                 progress: Progress | None):
        self.source, self.target, self.conn = source, target, conn
        self.identity, self.report, self.progress = identity, report, progress
        self.ticket_ids: dict[int, int] = {}  # source ticket id -> target ticket id, added in this run
        self.problem_ids: dict[int, int] = {}
        self.decision_ids: dict[int, int] = {}
        self.planned: dict[str, tuple[list[str], list[tuple]]] = {}  # table -> (columns, rows as written)
        self.done, self.total = 0, 0
        self._id_key: bytes | None = None  # the target's key for masked numbers, read when one is needed

    # -- reading -------------------------------------------------------------------------
    def _rows(self, table: str) -> tuple[list[str], list[dict]]:
        """The source table's columns and its rows as dicts, oldest (lowest id) first."""
        columns = [row[1] for row in self.source.conn.execute(f"PRAGMA table_info({table})").fetchall()]
        cursor = self.source.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1")
        return columns, [dict(zip(columns, row)) for row in cursor.fetchall()]

    def _next_id(self, table: str) -> int:
        return self.conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]

    def _count(self, table: str) -> int:
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # -- the steps -----------------------------------------------------------------------
    def run(self) -> None:
        before = {name: self._count(name) for name in ADDED_TABLES}
        remembered = self._remembered()
        ticket_columns, tickets = self._rows("tickets")
        pending = [t for t in tickets if str(t["id"]) not in remembered]
        self.report.already_merged = len(tickets) - len(pending)
        _c, decisions = self._rows("review_decisions")
        _c, history = self._rows("label_history")
        self.total = len(pending) + len(decisions) + len(history)
        self._tick(0)
        self._merge_problems()
        self._add_tickets(ticket_columns, pending)
        self._add_decisions([d for d in decisions if d["ticket_id"] in self.ticket_ids])
        self._add_history([h for h in history if h["ticket_id"] in self.ticket_ids])
        self._add_incidents()
        self._carry_proposal_links()
        self._remember(remembered)
        self._verify(before)

    def _tick(self, rows: int) -> None:
        self.done += rows
        if self.progress:
            self.progress(min(self.done, self.total), self.total)

    def _remembered(self) -> dict[str, int]:
        if self.identity is None:
            return {}
        value = _setting(self.target, MERGED_SETTING_PREFIX + self.identity)
        try:
            return dict(json.loads(value)["tickets"]) if value else {}
        except (ValueError, KeyError, TypeError):
            logger.warning("merge memory of desk %s is unreadable; its tickets are matched anew", self.identity)
            return {}

    def _remember(self, remembered: dict[str, int]) -> None:
        if self.identity is None or not self.ticket_ids:
            return
        remembered.update({str(s): t for s, t in self.ticket_ids.items()})
        upsert_setting(self.conn, MERGED_SETTING_PREFIX + self.identity,
                       json.dumps({"source": self.report.source, "tickets": remembered}, sort_keys=True))

    def _merge_problems(self) -> None:
        """Map every source problem to the target's problem of the same name and module, or add it."""
        existing = {key: (pid, module) for pid, key, module in
                    self.conn.execute("SELECT id, name_key, module FROM problems").fetchall()}
        columns, problems = self._rows("problems")
        next_id = self._next_id("problems")
        for problem in problems:
            problem = dict(problem, name=problem_name(problem["name"]) or problem["name"])
            self.report.masked_now += _masked_cells(problem, skip={"name"})
            same, name = _problem_on_target(problem, existing)
            if same is not None:
                self.problem_ids[problem["id"]] = same
                self.report.problems_joined.append(problem["name"])
                continue
            row = dict(problem, id=next_id, name=name, name_key=name_key(name))
            self.conn.execute(_insert_sql("problems", columns), [row[c] for c in columns])
            existing[row["name_key"]] = (next_id, problem["module"])
            self.problem_ids[problem["id"]] = next_id
            self.report.problems_added.append(name)
            if name != clean_name(problem["name"]):
                self.report.problems_renamed.append((problem["name"], name))
            self.added("problems")
            next_id += 1

    def added(self, table: str, rows: int = 1) -> None:
        self.report.added[table] += rows

    def _add_tickets(self, columns: list[str], pending: list[dict]) -> None:
        stored = self._stored_numbers([t["external_id"] for t in pending])
        kept = {t["external_id"] for t in pending if t["external_id"] not in stored}
        next_id, last_number = self._next_id("tickets"), 0
        rows = []
        for ticket in pending:
            number = ticket["external_id"]
            other = stored.get(number)
            if other is not None and _same_ticket(number, other[1], ticket["created_at"]):
                self.report.same_tickets.append(number)  # both desks imported the same ticket: not added twice
                continue
            if other is not None:
                last_number = self._free_number(max(next_id, last_number + 1), kept)
                number = TICKET_NUMBER.format(last_number)
                kept.add(number)
                self.report.renumbered.append((ticket["external_id"], number))
            row = dict(ticket, id=next_id, external_id=number, problem_id=self.problem_ids.get(ticket["problem_id"]))
            self._masked(row)
            self.ticket_ids[ticket["id"]] = next_id
            rows.append(tuple(row[c] for c in columns))
            next_id += 1
        self._write("tickets", columns, rows)

    def _stored_numbers(self, numbers: list[str]) -> dict[str, tuple[int, str]]:
        found = {}
        for start in range(0, len(numbers), 900):
            chunk = numbers[start:start + 900]
            found.update((n, (i, c)) for n, i, c in self.conn.execute(
                f"SELECT external_id, id, created_at FROM tickets WHERE external_id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        return found

    def _free_number(self, number: int, kept: set[str]) -> int:
        """The first ticket number from *number* that neither the target nor this merge uses."""
        while TICKET_NUMBER.format(number) in kept or self.conn.execute(
                "SELECT 1 FROM tickets WHERE external_id = ?", (TICKET_NUMBER.format(number),)).fetchone():
            number += 1
        return number

    def _masked(self, row: dict) -> None:
        """Mask, in place, any identifier a source ticket still holds (already masked text is left as it
        is): its text cells, and a number that holds one (with the target's key, as an import would)."""
        changed = False
        for name in MASKED_FIELDS:
            value = row.get(name)
            if self.target.backend == POSTGRES and isinstance(value, str) and "\x00" in value:
                row[name] = value.replace("\x00", "")  # PostgreSQL cannot store NUL
                changed = True
        found = _masked_cells(row)
        if holds_identifier(row["external_id"]):
            self._id_key = self._id_key or desk_id_key_in_write(self.conn)
            row["external_id"] = masked_external_id(row["external_id"], self._id_key)[0]
            found += 1
        if found:
            row["masked_count"] = (row.get("masked_count") or 0) + found
            self.report.masked_now += found
        if changed or found:
            row["search_parts"] = compound_parts(row["title"], row["description"], row["resolution"])

    def _add_decisions(self, decisions: list[dict]) -> None:
        next_id = self._next_id("review_decisions")
        columns = list(decisions[0]) if decisions else []
        rows = []
        for decision in decisions:
            self.decision_ids[decision["id"]] = next_id
            row = dict(decision, id=next_id, ticket_id=self.ticket_ids[decision["ticket_id"]])
            self.report.masked_now += _masked_cells(row)
            rows.append(tuple(row[c] for c in columns))
            next_id += 1
        self._write("review_decisions", columns, rows)

    def _add_history(self, history: list[dict]) -> None:
        next_id = self._next_id("label_history")
        columns = list(history[0]) if history else []
        rows = []
        for change in history:
            row = dict(change, id=next_id, ticket_id=self.ticket_ids[change["ticket_id"]],
                       decision_id=self.decision_ids.get(change["decision_id"]))
            self.report.masked_now += _masked_cells(row)
            rows.append(tuple(row[c] for c in columns))
            next_id += 1
        self._write("label_history", columns, rows)

    def _write(self, table: str, columns: list[str], rows: list[tuple]) -> None:
        """Insert *rows* in batches (tickets on SQLite: the full-text index filled once per batch)."""
        self.planned[table] = (columns, rows)
        if not rows:
            return
        insert = _insert_sql(table, columns)
        deferred = table == "tickets" and self.target.backend == SQLITE
        for start in range(0, len(rows), BATCH_ROWS):
            batch = rows[start:start + BATCH_ROWS]
            if deferred:
                insert_indexing_once(self.conn, insert, batch)
            else:
                self.conn.executemany(insert, batch)
            self.added(table, len(batch))
            self._tick(len(batch))

    def _add_incidents(self) -> None:
        """Copy each source incident with its newly merged tickets, or join it to the target's incident
        of the same label whose time span overlaps."""
        from elsdesk.storage.incidents import IncidentRepository

        links: dict[int, list[int]] = {}
        for incident_id, ticket_id in self.source.conn.execute(
                "SELECT incident_id, ticket_id FROM incident_tickets ORDER BY incident_id, ticket_id").fetchall():
            if ticket_id in self.ticket_ids:
                links.setdefault(incident_id, []).append(self.ticket_ids[ticket_id])
        if not links:
            return
        repo = IncidentRepository(self.target)
        columns, incidents = self._rows("incidents")
        next_id = self._next_id("incidents")
        for incident in (i for i in incidents if i["id"] in links):
            incident = dict(incident)
            self.report.masked_now += _masked_cells(incident)
            same = self.conn.execute(
                "SELECT id FROM incidents WHERE label = ? AND first_at <= ? AND last_at >= ? ORDER BY id",
                (incident["label"], incident["last_at"], incident["first_at"])).fetchone()
            if same:
                self.report.incidents_joined += 1
                incident_id = same[0]
            else:
                incident_id, next_id = next_id, next_id + 1
                row = dict(incident, id=incident_id)
                self.conn.execute(_insert_sql("incidents", columns), [row[c] for c in columns])
                self.added("incidents")
            self.added("incident_tickets", repo.link(incident_id, links[incident["id"]], incident["first_at"],
                                                     incident["last_at"]))

    def _carry_proposal_links(self) -> None:
        """The known-problem links made by taking over a proposal, and the tickets people took out of a known
        problem, per week, with the ids remapped."""
        problems = ProblemRepository(self.target)
        rows = self.source.conn.execute("SELECT key, value FROM settings WHERE key LIKE ?",
                                        (_PROPOSAL_PREFIX + "%",)).fetchall()
        for key, value in rows:
            try:
                recorded = {int(t): int(p) for t, p in json.loads(value).items()}
            except (ValueError, TypeError, AttributeError):
                continue
            links = {self.ticket_ids[t]: self.problem_ids[p] for t, p in recorded.items()
                     if t in self.ticket_ids and p in self.problem_ids}
            problems.record_proposal_links(self.conn, key[len(_PROPOSAL_PREFIX):], links)
        rows = self.source.conn.execute("SELECT key, value FROM settings WHERE key LIKE ?",
                                        (_UNLINKED_PREFIX + "%",)).fetchall()
        for key, value in rows:  # the tickets people took out of a known problem stay out of it
            try:
                taken_out = [self.ticket_ids[int(t)] for t in json.loads(value) if int(t) in self.ticket_ids]
            except (ValueError, TypeError):
                continue
            if taken_out:
                problems.record_unlinked(self.conn, key[len(_UNLINKED_PREFIX):], taken_out)

    def _verify(self, before: dict[str, int]) -> None:
        """Rows per table grew by what was added, and the added rows read back as they were planned."""
        for name in ADDED_TABLES:
            now = self._count(name)
            if now != before[name] + self.report.added[name]:
                raise MergeError(f"tabellen {name} stämmer inte efter sammanslagningen (före {before[name]} rader,"
                                 f" tillagda {self.report.added[name]}, nu {now}); inget sparades")
        for name in _CHECKED_TABLES:
            columns, rows = self.planned.get(name) or ([], [])
            if not rows:
                continue
            at = columns.index("id")
            read = self.conn.execute(f"SELECT {', '.join(columns)} FROM {name} WHERE id >= ? AND id <= ? ORDER BY id",
                                     (rows[0][at], rows[-1][at])).fetchall()
            if _checksum(read) != _checksum(rows):
                raise MergeError(f"tabellen {name} stämmer inte efter sammanslagningen (kontrollsumman över de"
                                 f" {len(rows)} tillagda raderna skiljer sig); inget sparades")
        self.report.verified = True


_NOT_FREE_TEXT = frozenset(("external_id", "search_parts", "name_key", "created_at", "updated_at", "iso_week",
                            "first_at", "last_at", "at", "decided_at", "changed_at"))


def _masked_cells(row: dict, skip=frozenset()) -> int:
    """Mask, in place, every identifier masking still finds in *row*'s text cells (a desk of an older
    version, a name typed before names were masked); how many it found. The cells are masked together, so that a
    name masked in one (a ticket's title) is masked in the others. Times, keys and the number (masked on its own,
    with the target's key) are left as they are."""
    found = 0
    names = [name for name, value in row.items()
             if isinstance(value, str) and name not in _NOT_FREE_TEXT and name not in skip]
    for name, result in zip(names, mask_fields(*(row[name] for name in names))):
        if result.total:
            row[name] = result.text
            found += result.total
    return found


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _same_ticket(number: str, stored_created_at: str, created_at: str) -> bool:
    """Whether a source ticket whose number the target has is that very ticket: a number from another
    system (both desks imported the same file) with the same creation time. The desk's own numbers
    (ELS-…) are given by each desk on its own and never name the same ticket."""
    return not _DESK_NUMBER_RE.match(number) and same_creation(stored_created_at, created_at)


def _problem_on_target(problem: dict, existing: dict[str, tuple[int, str | None]]) -> tuple[int | None, str]:
    """(the target problem that is *problem*, or None; the name to add it under otherwise). The same name
    with the same module, or without a module on one side, is the same problem; a name a problem of
    another module has is taken, and the source's becomes "name (module)" (numbered if need be)."""
    name, module = clean_name(problem["name"]), problem["module"]
    candidates = [name, f"{name} ({module or 'utan modul'})"]
    number = 2
    while True:
        for candidate in candidates:
            found = existing.get(name_key(candidate))
            if found is None:
                return None, candidate
            if found[1] is None or module is None or found[1] == module:
                return found[0], candidate
        candidates = [f"{name} ({module or 'utan modul'}) {number}"]
        number += 1
