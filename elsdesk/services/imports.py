"""Import tickets from a file: idempotent by external id, in small committed batches.

A batch is one transaction, so a process killed half-way keeps every earlier batch and leaves
a sound database; importing the same file again updates instead of duplicating. A re-imported
row changes only the fields it carries, and never replaces stored text with mojibake. An id
that holds an identifier is stored masked, made unique with a keyed digest (the key is the
desk's own), so the same file imports into the same tickets again; a second row with an id
already seen in the file is refused.

A row whose id is stored for a ticket created at another time is another ticket with the same number
(issue: two desks that each started at ELS-000001): it is never merged into the stored one, but stored
as a new ticket under the desk's next free number, with a warning. The import remembers, in the desk's
settings, which number each such row got (by the file's id and the row's creation time), so importing
the file again updates the ticket it became (:class:`~elsdesk.services.import_numbers.IdClashes`). A ticket's creation time never
changes: a row with the same creation time and another title is an edit and updates the ticket.

The file is read as a stream (issue 14): memory does not grow with its length; only when its first
row has a category column ("Kategori") are its first few hundred rows read ahead, whose values decide
whether the column is the module or the kind (the report says which). Each batch's new
tickets are written with one statement, their history rows with another, and on SQLite the
full-text index is filled once per batch (see :meth:`TicketRepository.insert_many`).

Afterwards the time span of the file's tickets, its newest :data:`INCIDENT_SCAN_DAYS` days at
most, is scanned for bursts of similar tickets (possible incidents, :mod:`elsdesk.services.surges`):
a week imported on Friday has Tuesday's outage found, and the report says so
(:attr:`ImportResult.incident_summary`). A file of a region's history is not scanned back to its
first day (minutes for a year of tickets); ``elsdesk incidents --scan --from DAY`` does that.
"""

from __future__ import annotations

import itertools
import logging
from array import array
from collections import deque
from dataclasses import dataclass, field
from dataclasses import fields as dc_fields
from datetime import timedelta
from pathlib import Path
from typing import Callable, Iterator

from elsdesk.domain import (  # Cancelled: callers import it from here too
    HUMAN, INTAKE, LABEL_FIELDS, MODEL, BadInputError, Cancelled, DatabaseUnavailableError, ImportInterruptedError,
    ImportReport, LabelChange, Ticket, now_iso, parse_datetime,
)
from elsdesk.file_text import looks_worse
from elsdesk.importer import (
    CATEGORY_SAMPLE_ROWS, FIELD_WORDS, IDENTITY_NAMES, NO_DATE, NO_TEXT, CategoryColumn, FileColumns,
    RememberedLabels, RawRow, UnknownValue, UnknownValues, category_columns, estimate_rows, read_rows,
    earlier_automatic_ids, id_column_newly_read, last_day_not_ahead, no_rows, read_ticket_row, shown, ticket_fields,
)
from elsdesk.import_dates import day_first_note, day_first_unless_shown, slash_order, slash_order_of
from elsdesk.masking import mask, mask_text, masking_remembered
from elsdesk.region_time import region_today
from elsdesk.services.import_links import ImportLinks
from elsdesk.services.import_numbers import IdClashes
from elsdesk.services.masked_ids import LEGACY_ID_DIGEST_HEX, desk_id_key, holds_identifier, masked_external_id
from elsdesk.services.permissions import CONFIRM_LABELS, CURATE_PROBLEMS, may, role_of
from elsdesk.services.problems import link_in_write, problem_name
from elsdesk.services.tickets import clean_fields
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.problems import ProblemRepository
from elsdesk.storage.removal import removed_numbers
from elsdesk.storage.search_text import ticket_number_forms
from elsdesk.services.labels import desk_taxonomy
from elsdesk.taxonomy import Taxonomy

logger = logging.getLogger(__name__)
BATCH_SIZE = 2000
KEPT_CONFIRMED = "modul och typ behölls: en superanvändare har bekräftat dem, och bara en superanvändare ändrar dem"
# the same ticket when its kind is the model's guess beside a confirmed module (see _guessed_kinds)
KEPT_CONFIRMED_MODULE = ("modul och typ behölls: en superanvändare har bekräftat modulen (typen är modellens"
                         " förslag bredvid den), och bara en superanvändare ändrar dem")
NOT_LINKED = ("kopplingen till ett känt problem gjordes inte: bara superanvändare och utbildningsansvariga"
              " kopplar ärenden till kända problem")
# + a file's ticket id that a different stored ticket has: {the row's creation time: the number it was stored under}
_TEXT_FIELDS = ("title", "description", "resolution", "unit", "reporter_role")
# how much a ticket's labels are a person's word: an import never lowers it
_LABEL_RANK = {None: 0, MODEL: 1, INTAKE: 2, HUMAN: 3}
_COMPARED = [f.name for f in dc_fields(Ticket) if f.name not in ("id", "updated_at", "version", "masked_count")]

Progress = Callable[[int, int], None]
# the days, counted back from a file's newest ticket, that an import scans for possible incidents
INCIDENT_SCAN_DAYS = 14


@dataclass
class ImportResult(ImportReport):
    """An :class:`ImportReport` with the possible incidents the scan after the import stored."""

    incidents: object = None  # a surges.SurgeScan, None when the import did not scan
    already_linked: int = 0  # rows whose ticket was linked to the problem they name before this import
    new_problems: int = 0  # known problems the file named and the desk did not have: made by this import
    classified: int = 0  # tickets the classifier given to the import labelled, batch by batch
    scanned_from: str | None = None  # the first day scanned, when the file's tickets began earlier
    removed_before: int = 0  # rows naming a ticket a super-user removed as logged by mistake: not brought back
    scan_failed: str | None = None  # why the incident scan after the rows was not done (the server went away)
    scan_start: str | None = None  # the first day the scan was to look at

    @property
    def incident_summary(self) -> str:
        """One Swedish sentence about the incidents found ("1 möjlig incident: 24 ärenden från 22
        enheter 2027-03-16 09:10–10:55; se …"), or "" when none."""
        if self.scan_failed:
            return (f"sökningen efter incidenter gjordes inte ({self.scan_failed}); ärendena är sparade, och"
                    f" 'elsdesk incidents --scan --from {self.scan_start}' gör den när databasen svarar")
        if self.incidents is None:
            return ""
        from elsdesk.services.incidents import scan_summary

        found = scan_summary(self.incidents)
        if self.scanned_from is None:
            return found
        older = (f"ärenden före {self.scanned_from} söktes inte igenom efter incidenter"
                 f" ('elsdesk incidents --scan --from DAG' gör det)")
        return f"{found}; {older}" if found else older


@dataclass
class _Span:
    """The earliest and latest creation time of the tickets an import wrote or found unchanged, and the latest
    that is not ahead (:func:`~elsdesk.import_dates.last_day_not_ahead`: a later one is most likely a year typed
    wrong)."""

    first: str | None = None
    last: str | None = None
    last_not_ahead: str | None = None
    cutoff: str = field(default_factory=last_day_not_ahead)

    def see(self, created_at: str | None) -> None:
        if created_at:
            self.first = created_at if self.first is None else min(self.first, created_at)
            self.last = created_at if self.last is None else max(self.last, created_at)
            if created_at[:10] <= self.cutoff:
                self.last_not_ahead = created_at if self.last_not_ahead is None else max(self.last_not_ahead, created_at)


@dataclass
class _AheadRows:
    """The rows dated in the future: how many, where the first is, the latest date (one warning says so)."""

    count: int = 0
    first_line: int = 0
    latest: str = ""
    cutoff: str = field(default_factory=last_day_not_ahead)

    def see(self, line: int, created_at: str | None) -> None:
        if created_at and created_at[:10] > self.cutoff:
            self.count += 1
            self.first_line = self.first_line or line
            self.latest = max(self.latest, created_at[:10])

    def warning(self, all_ahead: bool = False) -> tuple[int, str] | None:
        """The warning; *all_ahead* when no row of the file is dated up to today (then the incident scan
        looks at them as at any file, since there are no others to go by)."""
        if not self.count:
            return None
        one = self.count == 1
        read = "Raden lästes in" if one else "Raderna lästes in"
        scan = "." if all_ahead else " men räknas inte när importen letar efter incidenter"
        return (self.first_line, f"{self.count} {'rad har' if one else 'rader har'} ett datum i framtiden"
                f" ({'' if one else 'senast '}{self.latest}; i dag är det {region_today().isoformat()}): stämmer året?"
                f" {read}{scan}")


@dataclass
class _Row:
    """A row read and checked, waiting for its batch."""

    line: int
    ticket: Ticket
    present: set[str]
    warnings: list[str]
    problem: str | None  # the known problem a person linked the row's ticket to
    masked: int = 0  # identifiers replaced in the row's ticket (counted when the ticket is stored)
    problem_masked: int = 0  # ... in its known problem's name (counted when the link is stored)
    legacy_ids: tuple[str, ...] = ()  # the automatic ids earlier versions gave the row (none: the row has an id)
    unknown: tuple[UnknownValue, ...] = ()  # its status, module and kind values no label matches (said once per file)

    @property
    def automatic_id(self) -> bool:
        """Whether the row has no id of its own (the import made one from its fields)."""
        return "external_id" not in self.present

    @property
    def changes_only(self) -> bool:
        """Whether the row has no title, description or date (:func:`~elsdesk.importer.changes_only`): it
        changes the stored ticket its id names and is refused when the desk has none."""
        return not self.ticket.created_at


class _LinesByTicket:
    """The file line that wrote each ticket in this import, by ticket id: how a second row with an id
    already imported from the same file is recognised. Ids are dense, so 4 bytes per ticket of the
    desk (not per row of the file): memory stays flat however long the file. A ticket written for a row
    that carried another id (a number clash, see :class:`~elsdesk.services.import_numbers.IdClashes`) is marked in the same 4 bytes."""

    DENSE_LIMIT = 1 << 24  # larger ids (a sequence moved far ahead) go into a dict
    RENUMBERED = 1 << 31  # the mark: a line never comes near it

    def __init__(self) -> None:
        self._lines = array("I")
        self._far: dict[int, int] = {}

    def add(self, ticket_id: int, line: int, renumbered: bool = False) -> None:
        """Note that *line* wrote *ticket_id*; *renumbered*: for a row that carried another id."""
        line = line | self.RENUMBERED if renumbered else line
        if ticket_id >= self.DENSE_LIMIT:
            self._far[ticket_id] = line
            return
        if ticket_id >= len(self._lines):
            grow = max(ticket_id + 1 - len(self._lines), len(self._lines) // 2)
            self._lines.frombytes(bytes(self._lines.itemsize * grow))
        self._lines[ticket_id] = line

    def get(self, ticket_id: int) -> int:
        """The line that wrote *ticket_id* in this import, 0 if none did."""
        return self._raw(ticket_id) & ~self.RENUMBERED

    def renumbered(self, ticket_id: int) -> bool:
        """Whether this import wrote *ticket_id* for a row that carried another id."""
        return bool(self._raw(ticket_id) & self.RENUMBERED)

    def _raw(self, ticket_id: int) -> int:
        if ticket_id >= self.DENSE_LIMIT:
            return self._far.get(ticket_id, 0)
        return self._lines[ticket_id] if ticket_id < len(self._lines) else 0


def import_tickets(
    database: Database,
    path: str | Path,
    *,
    actor: str = "import",
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
    find_incidents: bool = True,
    on_phase: Callable[[str], None] | None = None,
    classifier=None,
) -> ImportResult:
    """Import every usable row of *path*; rejected rows are reported with their line.

    The file is read as a stream and written in committed batches of *batch_size* rows, so
    memory does not grow with the file and an interrupted import keeps what it committed. With a
    *classifier* (model, card) each batch's tickets that no person labelled get its labels before the
    batch commits (``report.classified``). With
    *find_incidents*, the time span of the file's tickets is then scanned for possible incidents
    (``report.incidents``, ``report.incident_summary``); *on_phase("incidents")* is called before."""
    taxonomy = RememberedLabels(desk_taxonomy(database))  # the shipped labels and the desk's own
    batches = _Batches(database, actor, taxonomy.taxonomy, classifier)
    report = batches.report
    total = estimate_rows(path)
    done = 0
    rows_seen = 0
    pending: list[_Row] = []

    def flush() -> None:
        nonlocal done
        if is_cancelled and is_cancelled():
            raise Cancelled(f"importen avbröts efter {done} rader; de är sparade")
        new, updated = report.new, report.updated  # what the committed batches hold
        try:
            batches.write(pending)
            committed()
        except DatabaseUnavailableError as exc:  # the batches committed before stay: say how many, and what is left
            raise ImportInterruptedError(str(exc), done, max(total, done), new, updated) from exc
        done += len(pending)
        pending.clear()
        if progress:
            progress(done, max(total, done))

    columns = FileColumns.of_file(path)
    ahead_rows = _AheadRows()
    # an import's units, roles and titles repeat: each short text masked once (let go when the import ends)
    with database.bulk_writes() as committed, masking_remembered():
        rows = read_rows(path)  # streamed: a large file is never held as tickets all at once
        ahead = _first_rows(rows)
        category = CategoryColumn.of_rows((row.fields for row in ahead if row.fields is not None), taxonomy)
        columns.category = category.field
        if category.field is None and category.values:
            columns.explained.add(category.name)  # its own warning says why it was not read
        if ahead:
            columns.see_header(ahead[0])
        if category.note():
            report.warnings.append((columns.header_line or 1, category.note()))
        order = _slash_order(path, ahead, category.field)
        # "5/11/2026" read in the order the file's other dates show, else day first (said below)
        with slash_order(order), day_first_unless_shown() as assumed_day_first:
            for row in _replayed(ahead, rows):
                if row.no_ticket:
                    report.warnings.extend((row.line, note) for note in row.notes)
                    continue
                rows_seen += 1
                report.warnings.extend((1, note) for note in row.notes)  # about the whole file: said at its header
                if row.error:
                    batches.reject(row.line, row.error)
                    continue
                columns.see(row.fields, row.line)
                try:
                    ticket, warnings, present, problem, unknown = read_ticket_row(row.fields, taxonomy, category.field)
                except ValueError as exc:
                    batches.reject(row.line, str(exc))
                    continue
                ahead_rows.see(row.line, ticket.created_at)
                legacy = earlier_automatic_ids(row.fields, ticket) \
                    if "external_id" not in present or id_column_newly_read(row.fields) else ()
                pending.append(_Row(row.line, ticket, present, warnings, problem_name(problem), legacy_ids=legacy,
                                    problem_masked=_identifiers_in(problem), unknown=tuple(unknown)))
                if len(pending) >= batch_size:
                    flush()
        if pending:
            flush()
    if rows_seen == 0:
        raise BadInputError(f"{path}: {no_rows(path)}")
    if assumed_day_first:
        report.warnings.append((columns.header_line or 1, day_first_note(assumed_day_first)))
    batches.links.judge_weeks(database)
    report.warnings[0:0] = batches.unknown_values.warnings()  # before the rows' own; after the column warnings
    if ahead_rows.count:  # the incident scan leaves rows ahead out only when the file has others (scan_imported_span)
        report.warnings.append(ahead_rows.warning(all_ahead=batches.span.last_not_ahead is None))
    _report_columns(report, columns)
    if report.already_linked and not report.linked:
        report.warnings.append((columns.header_line or 1, _nothing_new_linked(report.already_linked)))
    report.rejected.sort()
    _mask_messages(report)
    if find_incidents and not (is_cancelled and is_cancelled()):
        if on_phase:
            on_phase("incidents")  # after the rows: a long scan of a big file is not silent
        try:
            report.incidents, report.scanned_from = scan_imported_span(database, batches.span)
        except DatabaseUnavailableError as exc:  # the rows are stored: say what was not done, not only that it failed
            report.scan_failed, report.scan_start = str(exc), (batches.span.first or "")[:10]
    return report


def _mask_messages(report: ImportResult) -> None:
    """The import's warnings and reasons masked as a ticket is: they quote what the file wrote, a sheet's name,
    a column's, a value no label matched, a date that is none ("bladet 'Dolt 19121212-1212'", a privacy officer),
    and they are shown in the window and in a script's log."""
    report.warnings[:] = [(line, mask(text)) for line, text in report.warnings]
    report.rejected[:] = [(line, mask(text)) for line, text in report.rejected]


def _slash_order(path, ahead: deque[RawRow], category: str | None):
    """The order of the file's dates with slashes ("5/11/2026": day or month first?), told by those that show
    it ("17/11/2026"): the whole file's date column is read once more for it (a file sorted by date shows it
    only from its 13th day). When its first rows write no date so, a function that does it when the first
    such date comes (a file whose first row says "31.12.2026" and later ones "02/01/2027" and "29/12/2026"
    had the first refused)."""
    def dates(rows):
        return (ticket_fields(row.fields, category).get("created_at") for row in rows if row.fields is not None)

    if any(isinstance(value, str) and "/" in value for value in dates(ahead)):
        return slash_order_of(dates(read_rows(path)))
    return lambda: slash_order_of(dates(read_rows(path)))


def _first_rows(rows: Iterator[RawRow]) -> deque[RawRow]:
    """The file's first rows, read ahead: to its first row with fields, and on to
    :data:`~elsdesk.importer.CATEGORY_SAMPLE_ROWS` rows when that row has a category column, whose
    values then decide what it holds (:class:`~elsdesk.importer.CategoryColumn`). A few hundred rows
    at most: memory stays flat."""
    ahead: deque[RawRow] = deque()
    for row in rows:
        ahead.append(row)
        if row.fields is not None or len(ahead) >= CATEGORY_SAMPLE_ROWS:
            break
    if ahead and ahead[-1].fields is not None and category_columns(tuple(ahead[-1].fields)):
        ahead.extend(itertools.islice(rows, CATEGORY_SAMPLE_ROWS - len(ahead)))
    return ahead


def _replayed(ahead: deque[RawRow], rows: Iterator[RawRow]) -> Iterator[RawRow]:
    """The rows read ahead (let go of one by one), then the rest of the file."""
    while ahead:
        yield ahead.popleft()
    yield from rows


def scan_imported_span(database: Database, span: _Span):
    """Look for possible incidents over the time span of an import's tickets, its newest
    :data:`INCIDENT_SCAN_DAYS` days at most (and one surge window after it, where a burst the file
    ends with may go on in tickets already stored): (the
    :class:`~elsdesk.services.surges.SurgeScan` or None when the import stored no ticket, the first
    day scanned when the file began earlier, else None)."""
    if span.first is None:
        return None, None
    from elsdesk.services.surges import SurgeRules, scan_for_incidents  # scikit-learn: only when a file is imported

    rules = SurgeRules()
    last = parse_datetime(span.last_not_ahead or span.last)  # a year typed wrong moves no window
    start, scanned_from = span.first, None
    earliest = (last - timedelta(days=INCIDENT_SCAN_DAYS)).replace(microsecond=0)
    if parse_datetime(span.first) < earliest:
        start, scanned_from = earliest.isoformat(), earliest.date().isoformat()
    end = (last + timedelta(hours=rules.window_hours)).replace(microsecond=0).isoformat()
    return scan_for_incidents(database, start=start, end=end, rules=rules), scanned_from


def _report_columns(report: ImportReport, columns: FileColumns) -> None:
    """Say once per file what its columns mean for the import: a file with no title or description
    column has its rows rejected for that reason (naming the columns it has), not for having no
    text; columns nothing is read from are a warning at the header (or where first seen)."""
    no_column = columns.no_text_column()
    if no_column:
        no_column += _changes_only_hint(columns)
        report.rejected = [(line, no_column if reason == NO_TEXT else reason) for line, reason in report.rejected]
    no_date = columns.no_date_column()
    if no_date and any(reason == NO_DATE for _line, reason in report.rejected):
        report.warnings.insert(0, (columns.header_line or 1, no_date))
    unknown = columns.unknown_warning()
    if unknown:
        report.warnings.insert(0, unknown)


def _changes_only_hint(columns: FileColumns) -> str:
    """What a file without text columns that looks like a file of ticket numbers lacks to change the tickets
    the desk has (:func:`~elsdesk.importer.changes_only`); "" when it looks like none."""
    if {"external_id", "created_at"} <= columns.fields:  # a file of ticket numbers that kept its date column
        return "; en fil med ärendenummer men utan rubrik, beskrivning och datum ändrar ärenden som redan finns"
    if "problem" in columns.fields and "external_id" not in columns.fields:  # links to known problems, but to what?
        return ("; en fil som kopplar ärenden till kända problem behöver en kolumn med ärendenummer"
                " (id, ärendenummer)")
    return ""


class _Batches:
    """Writes the batches of one import: one committed transaction each, new tickets inserted
    together with their history rows, re-imported ones updated when the row changes them."""

    def __init__(self, database: Database, actor: str, taxonomy: Taxonomy, classifier=None):
        self.database = database
        self.taxonomy = taxonomy  # names for the warnings
        self.classifier = classifier  # (model, card): each batch is classified before it commits
        self.repo = TicketRepository(database)
        role = role_of(database)  # None on a local file: its owner may do everything
        self.actor = actor if role is None else (database.login_name() or actor)  # who the history names
        # a login that may not confirm labels imports them as intake labels (reviewed later) and
        # leaves a super-user's confirmed labels as they are; one that may not curate known
        # problems does not link tickets to them (nor create them)
        self.labels_are = HUMAN if may(database, CONFIRM_LABELS) else INTAKE
        self.may_link = may(database, CURATE_PROBLEMS)
        self.report = ImportResult()
        self.span = _Span()  # of the tickets written or found unchanged: what the incident scan reads
        self._reasons: dict[str, str] = {}  # one string per distinct reason: a million bad lines share a few
        self._id_key: bytes | None = None
        self._written = _LinesByTicket()
        self._legacy_claims: dict[str, int] = {}  # automatic id -> the line that found its ticket by its old id
        self._clashes = IdClashes(database, self.repo)  # rows whose id another stored ticket has
        # one warning per distinct unknown status, module or kind value ("okänd status 'X' på 44 rader"), not
        # one per row: the CLI prints 10 per kind of message and the GUI the first 20 warnings
        self.unknown_values = UnknownValues()
        self._problems_before: int | None = None  # the newest known problem's id before the first link was written
        self._made_problems: set[int] = set()
        self.links = ImportLinks()  # do the file's links judge their weeks, or their tickets alone?

    def reject(self, line: int, reason: str) -> None:
        self.report.rejected.append((line, self._reasons.setdefault(reason, reason)))

    def _store_id_masked(self, row: _Row) -> str | None:
        """Give the row's ticket the id it is stored under (identifiers masked); the warning when it changed."""
        external_id = row.ticket.external_id
        if row.automatic_id or not holds_identifier(external_id):  # an id the import made holds no identifier
            return None
        if self._id_key is None:
            self._id_key = desk_id_key(self.database)
        stored, warning = masked_external_id(external_id, self._id_key)
        legacy, _warning = masked_external_id(external_id, self._id_key, LEGACY_ID_DIGEST_HEX)
        if not self.repo.external_ids([stored]) and self.repo.external_ids([legacy]):
            stored = legacy  # stored by an earlier version: the re-import updates that ticket
        row.ticket.external_id = stored
        row.ticket.masked_count += 1
        return warning

    def _number_as_stored(self, batch: list[_Row], known: dict[str, Ticket]) -> None:
        """A row that only changes a ticket names it as people type a number: "els-48-0026" is the stored
        "ELS-48-0026" (a hand-made links file was refused); the row takes the stored number, *known* the ticket.
        A row that makes a ticket keeps its id as written: it may be another ticket's."""
        typed = {form: row for row in batch if row.changes_only and row.ticket.external_id not in known
                 for form in ticket_number_forms(row.ticket.external_id) if form != row.ticket.external_id}
        for form, ticket in self.repo.external_ids(list(typed)).items():
            typed[form].ticket.external_id = ticket.external_id
            known[ticket.external_id] = ticket

    def _stored_by_old_automatic_id(self, batch: list[_Row], known: dict[str, Ticket]) -> dict[int, Ticket]:
        """{line: stored ticket} for rows without an id whose ticket an earlier version stored under
        an automatic id it made then (:func:`~elsdesk.importer.earlier_automatic_ids`): a re-import updates them
        rather than importing them again."""
        wanted = {row.line: row.legacy_ids for row in batch if row.legacy_ids and row.ticket.external_id not in known}
        if not wanted:
            return {}
        stored = self.repo.external_ids(sorted({old for ids in wanted.values() for old in ids}))
        found = {line: next((stored[old] for old in ids if old in stored), None) for line, ids in wanted.items()}
        return {line: ticket for line, ticket in found.items() if ticket is not None}

    def _claim_old_automatic_id(self, row: _Row, stored: Ticket) -> Ticket | None:
        """*stored* (found by the row's old automatic id) as the row's ticket, keeping the id it is stored
        under; None when another row of this file already wrote it (rows that the old id could not tell
        apart, such as one ticket from two units, are two tickets)."""
        if self._written.get(stored.id):
            return None
        self._legacy_claims[row.ticket.external_id] = row.line
        row.ticket.external_id = stored.external_id
        return stored

    def _guessed_kinds(self, batch: list[_Row], stored: list[Ticket]) -> set[int]:
        """The ids of the *stored* tickets with a person's labels whose kind is the model's guess beside
        the person's module (the label history says ``model:…`` set it last, see
        :func:`~elsdesk.services.classification.apply_predictions`): no super-user confirmed that kind, so
        a row that changes it overwrites nobody's word. Looked up only for a batch whose rows give a kind."""
        if not any("kind" in row.present for row in batch):
            return set()
        maybe = list({t.id for t in stored
                      if t.label_source not in (None, MODEL) and t.kind and t.kind_confidence is not None})
        if not maybe:
            return set()
        last = self.repo.last_kind_sources(maybe)
        return {ticket_id for ticket_id, source in last.items() if source.startswith(MODEL)}

    def write(self, batch: list[_Row]) -> None:
        report, repo, actor = self.report, self.repo, self.actor
        id_warnings = {row.line: self._store_id_masked(row) for row in batch}
        for row in batch:  # before the transaction: the desk's write lock is held no longer than the writing
            before_cut = row.ticket.masked_count
            row.masked += _mask_in_place(row.ticket) + before_cut
            # a row with a kind but no module is not labelled yet: the model suggests its module (and keeps the kind)
            row.ticket.label_source = self.labels_are if row.ticket.module else None
        first_line_of: dict[str, int] = {}
        with self.database.write() as conn:
            known = repo.external_ids(list({row.ticket.external_id for row in batch}))
            self._number_as_stored(batch, known)
            removed = removed_numbers(conn, (row.ticket.external_id for row in batch
                                             if row.ticket.external_id not in known))
            stored_by_old_id = self._stored_by_old_automatic_id(batch, known)
            clashes = self._clashes.find(batch, known, self._written)
            guessed = self._guessed_kinds(batch, [*known.values(), *stored_by_old_id.values(),
                                                  *(clash.became for clash in clashes.values() if clash.became)])
            at = now_iso()
            new: list[_Row] = []
            history = []
            links: list[tuple[_Row, Ticket]] = []  # (row, its stored ticket) in the file's order
            unchanged: set[int] = set()  # lines whose ticket the row left as it was (a new link changes it after all)
            for row in batch:
                line, ticket = row.line, row.ticket
                key = ticket.external_id
                first = self._legacy_claims.get(key) or first_line_of.setdefault(key, line)
                existing = known.get(key)
                if line in clashes:  # another ticket has the row's id: the row is the ticket it became, or new
                    existing = clashes[line].became
                    first = clashes[line].earlier_line or first  # its id on an earlier row of the file: refused
                if first == line and existing is None and line in stored_by_old_id:
                    existing = self._claim_old_automatic_id(row, stored_by_old_id[line])
                if first == line and existing is not None:
                    first = self._written.get(existing.id) or line
                if first != line and row.automatic_id:  # the same ticket twice in the file: imported once
                    report.warnings.append((line, _same_ticket_reason(row, first)))
                    continue
                if first != line:
                    self.reject(line, _same_ticket_reason(row, first))
                    continue
                if existing is None and key in removed:
                    report.removed_before += 1
                    report.warnings.append((line, f"ärende {key} togs bort ur desken {removed[key]} (loggat av misstag)"
                                                  " och läses inte in igen"))
                    continue
                if existing is None and row.changes_only:
                    self.reject(line, _not_in_desk(row))
                    continue
                report.warnings.extend((line, w) for w in row.warnings)
                for value in row.unknown:
                    self.unknown_values.add(value, line)
                if id_warnings[line]:
                    report.warnings.append((line, id_warnings[line]))
                self.span.see(ticket.created_at)
                if existing is None and line in clashes:
                    report.warnings.append((line, self._clashes.renumber(conn, row, len(new), clashes[line].other)))
                if existing is None:
                    new.append(row)
                    links.append((row, ticket))
                    report.masked += row.masked + row.problem_masked  # what is stored: not rows stored before
                    continue
                present = row.present
                if self.labels_are != HUMAN and existing.label_source == HUMAN and {"module", "kind"} & present:
                    present = present - {"module", "kind"}
                    if any(getattr(ticket, name) not in (None, getattr(existing, name)) for name in ("module", "kind")):
                        kept = KEPT_CONFIRMED_MODULE if existing.id in guessed else KEPT_CONFIRMED
                        report.warnings.append((line, kept))
                if self.labels_are == HUMAN and existing.label_source == HUMAN:
                    confirmed_present = present - {"kind"} if existing.id in guessed else present
                    report.warnings.extend((line, w) for w in _confirmed_changes(existing, ticket, confirmed_present,
                                                                                 self.taxonomy))
                merged, warnings = _merge(existing, ticket, present)
                confirmed = _set_label_source(existing, merged, _given_labels(ticket, present), self.labels_are)
                report.warnings.extend((line, w) for w in warnings)
                self._written.add(existing.id, line, renumbered=line in clashes)
                if all(getattr(merged, n) == getattr(existing, n) for n in _COMPARED):
                    links.append((row, existing))
                    report.unchanged += 1
                    unchanged.add(line)
                    continue
                stored = repo.update(merged)
                report.masked += row.masked + row.problem_masked
                history.extend(repo.label_diff(existing, stored, actor, "import", at))
                history.extend(LabelChange(stored.id, name, getattr(stored, name), getattr(stored, name), actor, at, "import")
                               for name in confirmed)
                links.append((row, stored))
                report.updated += 1
            repo.insert_many([row.ticket for row in new])  # gives each new ticket its id
            for row in new:
                self._written.add(row.ticket.id, row.line, renumbered=row.line in clashes)
            report.new += len(new)
            repo.record_label_changes(history)  # the updated tickets' rows, then the new ones': ids in that order
            repo.record_labels_of_new([row.ticket for row in new], actor, "import", at)
            if self.classifier is not None:  # in the batch's transaction: nobody reads its tickets unclassified
                from elsdesk.services.classification import classify_in_write

                report.classified += classify_in_write(self.database, *self.classifier,  # new, updated, unchanged
                                                       list(dict.fromkeys(t.id for _row, t in links)))
            before = ProblemRepository(self.database).links([stored.id for row, stored in links if row.problem])
            if not self.may_link:
                for row, _stored in links:
                    if row.problem:
                        report.warnings.append((row.line, NOT_LINKED))
                links = []
            touched: set[int] = set()
            moved: list[tuple[int, str, int, int]] = []  # (line, ticket number, problem before, problem now)
            linked: dict[str, dict[int, int]] = {}  # {week: {ticket id: problem id}} the batch's links
            made: dict[str, dict[int, int]] = {}  # ... those new to the desk
            for row, stored in links:
                self.links.see(stored.created_at, bool(row.problem))
                if row.problem:
                    if self._problems_before is None:
                        self._problems_before = ProblemRepository(self.database).newest_id()
                    problem_id = link_in_write(conn, self.database, stored.id, row.problem, stored.module, stored.kind, actor)
                    if problem_id > self._problems_before:
                        self._made_problems.add(problem_id)
                        report.new_problems = len(self._made_problems)
                    report.linked += before.get(stored.id) != problem_id
                    report.already_linked += before.get(stored.id) == problem_id
                    if before.get(stored.id) != problem_id and row.line in unchanged:  # "oförändrade: 34, kopplade: 34"
                        report.unchanged -= 1                                          # said the same rows were both
                        report.updated += 1
                        report.masked += row.problem_masked  # the link is what this row stores
                    touched.update(i for i in (problem_id, before.get(stored.id)) if i)
                    if before.get(stored.id) not in (None, problem_id):
                        moved.append((row.line, stored.external_id, before[stored.id], problem_id))
                    linked.setdefault(stored.iso_week, {})[stored.id] = problem_id
                    if before.get(stored.id) != problem_id:
                        made.setdefault(stored.iso_week, {})[stored.id] = problem_id
            self.links.record(conn, ProblemRepository(self.database), linked, made)
            report.warnings.extend(_moved_between_problems(ProblemRepository(self.database), moved))
            # once per batch: a problem's module and kind are those most of its tickets have, not its first ticket's
            ProblemRepository(self.database).follow_linked_labels(conn, touched)


def _moved_between_problems(problems: ProblemRepository, moved: list[tuple[int, str, int, int]]) -> list[tuple[int, str]]:
    """A warning per row that linked its ticket to another known problem than before: it is moved, not linked twice
    (an import moved a ticket back and forth between two problems without a word; a CLI tester)."""
    if not moved:
        return []
    names = {i: p.name for i, p in problems.many({i for _l, _n, *ids in moved for i in ids}).items()}
    return [(line, f"ärende {number} flyttades från det kända problemet '{names.get(old, old)}' till"
                   f" '{names.get(new, new)}'") for line, number, old, new in moved]


def _merge(existing: Ticket, incoming: Ticket, present: set[str]) -> tuple[Ticket, list[str]]:
    """The stored ticket updated with the fields this row actually carries, and warnings.

    A field the row does not carry keeps its stored value; text that looks worse than the
    stored text (mojibake, replacement characters) does not replace it."""
    changes, warnings = {}, []
    for name in ("title", "description", "created_at", "reporter_role", "unit", "status", "module", "kind", "resolution",
                 "priority", "channel", "escalation"):
        if name not in present or getattr(incoming, name) is None:
            continue
        value = getattr(incoming, name)
        if name == "created_at" and existing.created_at:
            continue  # a ticket's creation time never changes: a re-import, however finely it writes it, keeps it
        if name in _TEXT_FIELDS and looks_worse(value, getattr(existing, name)):
            warnings.append(f"{FIELD_WORDS.get(name, name)} behölls: den nya texten har trasiga tecken"
                            " (fel teckenkodning?) som den sparade saknar")
            continue
        changes[name] = value
    merged = existing.with_changes(**changes)
    if merged.kind != existing.kind:
        merged.kind_confidence = None  # a person's kind, not the model's guess
    return merged, warnings


def _given_labels(incoming: Ticket, present: set[str]) -> set[str]:
    """The label fields a row gives a recognised value for."""
    return {name for name in LABEL_FIELDS if name in present and getattr(incoming, name)}


def _set_label_source(existing: Ticket, merged: Ticket, given: set[str], labels_are: str) -> list[str]:
    """Set *merged*'s label source after a row that gives the labels *given*; return the label fields the
    import confirmed without changing their value (a history row says so).

    A row that gives a module labels the ticket as *labels_are* (confirmed on a local desk, intake
    for a login that may not confirm), also when the values equal the model's or the intake's: the
    file is a person's word. It never lowers a source (a confirmed ticket stays confirmed). A row
    that gives only a kind leaves the module to the model: the ticket stays the model's suggestion
    (or unlabelled, when it has no module), and the review queue asks a super-user for the module."""
    before = existing.label_source
    if "module" in given:
        after = labels_are if _LABEL_RANK.get(labels_are, 0) > _LABEL_RANK.get(before, 0) else before
    elif "kind" in given and merged.module is None:
        after = None
    else:
        after = before
    merged.label_source = after
    if after == before or _LABEL_RANK.get(after, 0) < _LABEL_RANK.get(before, 0):
        return []
    return [name for name in LABEL_FIELDS if name in given and getattr(merged, name) == getattr(existing, name)]


def _confirmed_changes(existing: Ticket, incoming: Ticket, present: set[str], taxonomy: Taxonomy) -> list[str]:
    """A warning for each confirmed label the row changes: another super-user's word is overwritten,
    which the label history keeps but nobody would otherwise notice."""
    words = {"module": ("modul", "modules"), "kind": ("typ", "kinds")}

    def name(field: str, value: str) -> str:
        return taxonomy.display_name(words[field][1], value)

    return [f"bekräftad {words[field][0]} ändrad från {name(field, getattr(existing, field))} till"
            f" {name(field, getattr(incoming, field))} (den var bekräftad av en superanvändare; etiketthistoriken har båda)"
            for field in LABEL_FIELDS
            if field in present and getattr(incoming, field) and getattr(existing, field)
            and getattr(incoming, field) != getattr(existing, field)]


def _same_ticket_reason(row: _Row, first: int) -> str:
    """Why a row already imported from this file (at line *first*) is not imported again."""
    if row.automatic_id:
        return f"samma ärende som rad {first} ({IDENTITY_NAMES} är lika); det importeras en gång, inte två"
    return f"samma id som rad {first}; raden importeras inte (ett id får bara finnas en gång i filen)"


def _not_in_desk(row: _Row) -> str:
    """Why a row without title, description and date is refused: the desk has no ticket with its id."""
    return (f"ärendet '{shown(row.ticket.external_id, 60)}' finns inte i desken; en rad utan rubrik, beskrivning och"
            " datum kan bara ändra ett ärende som redan finns (rätta ärendenumret, eller ta med rubrik och datum"
            " så läggs ärendet in som nytt)")


def _nothing_new_linked(rows: int) -> str:
    """What an import says when every ticket it links to a known problem was linked to it already."""
    said = ("ärendet som filen kopplar var redan kopplat till det problemet" if rows == 1
            else f"alla {rows} ärenden som filen kopplar var redan kopplade till sina problem")
    return f"inga nya kopplingar till kända problem: {said}"


def _identifiers_in(problem) -> int:
    """How many identifiers masking takes out of a row's known-problem name (0 without one)."""
    return mask_text(str(problem)).total if problem not in (None, "") else 0


def _mask_in_place(ticket: Ticket) -> int:
    """Clean *ticket*'s free text where it stands (the import built it and owns it: no copy, unlike
    :func:`~elsdesk.services.tickets.mask_ticket`, whose :func:`~elsdesk.services.tickets.clean_fields` it
    shares: "\\r\\n" stored as "\\n", identifiers masked, a name masked in one field masked in all); return how
    many identifiers were replaced."""
    total = 0
    for name, result in clean_fields(ticket).items():
        setattr(ticket, name, result.text)
        if result.counts:
            total += result.total
    ticket.masked_count += total
    return total
