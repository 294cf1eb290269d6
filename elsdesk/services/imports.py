"""Import tickets from a file: idempotent by external id, in small committed batches.

A batch is one transaction, so a process killed half-way keeps every earlier batch and leaves
a sound database; importing the same file again updates instead of duplicating. A re-imported
row changes only the fields it carries, and never replaces stored text with mojibake. An id
that holds an identifier is stored masked, made unique with a keyed digest (the key is the
desk's own), so the same file imports into the same tickets again; a second row with an id
already seen in the file is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import fields as dc_fields
from pathlib import Path
from typing import Callable

from elsdesk.domain import HUMAN, BadInputError, ImportReport, Ticket
from elsdesk.file_text import looks_worse
from elsdesk.importer import estimate_rows, present_fields, problem_field, read_rows, row_to_ticket
from elsdesk.masking import describe_counts, mask_text
from elsdesk.services.problems import link_in_write, problem_name
from elsdesk.services.tickets import mask_ticket
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.settings import SettingsRepository
from elsdesk.services.labels import desk_taxonomy

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
ID_KEY_SETTING = "import_id_key"
_TEXT_FIELDS = ("title", "description", "resolution", "unit", "reporter_role")
_COMPARED = [f.name for f in dc_fields(Ticket) if f.name not in ("id", "updated_at", "version", "masked_count")]

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The user cancelled a long operation."""


def import_tickets(
    database: Database,
    path: str | Path,
    *,
    actor: str = "import",
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    """Import every usable row of *path*; rejected rows are reported with their line."""
    taxonomy = desk_taxonomy(database)  # the shipped labels and the desk's own
    report = ImportReport()
    repo = TicketRepository(database)
    total = estimate_rows(path)
    done = 0
    rows_seen = 0
    pending: list[tuple[int, Ticket, set[str]]] = []
    first_line_of: dict[str, int] = {}
    reasons: dict[str, str] = {}  # one string per distinct reason: a million bad lines share a few
    id_key: list[bytes] = []
    problem_of_line: dict[int, str] = {}  # the known problem a person linked the row's ticket to

    def reject(line: int, reason: str) -> None:
        report.rejected.append((line, reasons.setdefault(reason, reason)))

    def flush() -> None:
        nonlocal done
        if is_cancelled and is_cancelled():
            raise Cancelled(f"importen avbröts efter {done} rader; de är sparade")
        if not id_key and any(_holds_identifier(t.external_id) for _, t, _ in pending):
            id_key.append(_desk_id_key(database))
        _import_batch(database, repo, pending, report, actor, id_key[0] if id_key else b"", problem_of_line)
        done += len(pending)
        pending.clear()
        if progress:
            progress(done, max(total, done))

    for row in read_rows(path):  # streamed: a large file is never held as tickets all at once
        rows_seen += 1
        if row.error:
            reject(row.line, row.error)
            continue
        try:
            ticket, warnings = row_to_ticket(row.fields, taxonomy)
        except ValueError as exc:
            reject(row.line, str(exc))
            continue
        first = first_line_of.setdefault(ticket.external_id, row.line)
        if first != row.line:
            reject(row.line, f"samma id som rad {first}; raden importeras inte (ett id får bara finnas en gång i filen)")
            continue
        report.warnings.extend((row.line, w) for w in warnings)
        pending.append((row.line, ticket, present_fields(row.fields)))
        named = problem_name(problem_field(row.fields))
        if named:
            problem_of_line[row.line] = named
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    if rows_seen == 0:
        raise BadInputError(f"{path}: filen innehåller inga ärenden (tom, eller bara en rubrikrad)")
    report.rejected.sort()
    return report


def _merge(existing: Ticket, incoming: Ticket, present: set[str]) -> tuple[Ticket, list[str]]:
    """The stored ticket updated with the fields this row actually carries, and warnings.

    A field the row does not carry keeps its stored value; text that looks worse than the
    stored text (mojibake, replacement characters) does not replace it."""
    changes, warnings = {}, []
    for name in ("title", "description", "created_at", "reporter_role", "unit", "status", "module", "kind", "resolution"):
        if name not in present or getattr(incoming, name) is None:
            continue
        value = getattr(incoming, name)
        if name in _TEXT_FIELDS and looks_worse(value, getattr(existing, name)):
            warnings.append(f"{name} behölls: den nya texten har trasiga tecken (fel teckenkodning?) som den sparade saknar")
            continue
        changes[name] = value
    merged = existing.with_changes(**changes)
    if (merged.module, merged.kind) != (existing.module, existing.kind):
        merged.label_source = HUMAN
    return merged, warnings


def _holds_identifier(external_id: str | None) -> bool:
    return bool(external_id) and mask_text(external_id).total > 0


def _desk_id_key(database: Database) -> bytes:
    """The desk's key for digests of masked ids, made on first use (the same at every workstation)."""
    settings = SettingsRepository(database)
    key = settings.get(ID_KEY_SETTING)
    if not key:
        with database.write() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                         (ID_KEY_SETTING, secrets.token_hex(32)))
        key = settings.get(ID_KEY_SETTING)
    return bytes.fromhex(key)


def masked_external_id(external_id: str, key: bytes) -> tuple[str, str | None]:
    """*external_id* with identifiers masked and a keyed digest for uniqueness; and a warning when it changed."""
    masked = mask_text(external_id)
    if not masked.total:
        return external_id, None
    digest = hmac.new(key, external_id.encode("utf-8"), hashlib.sha256).hexdigest()[:12]
    stored = f"{masked.text}~{digest}"
    return stored, f"id innehöll {describe_counts(masked.counts)}; sparas maskerat som '{stored}'"


def _import_batch(database: Database, repo: TicketRepository, batch, report: ImportReport, actor: str,
                  id_key: bytes = b"", problem_of_line: dict[int, str] | None = None) -> None:
    for index, (line, ticket, present) in enumerate(batch):
        if id_key and _holds_identifier(ticket.external_id):
            external_id, warning = masked_external_id(ticket.external_id, id_key)
            batch[index] = (line, ticket.with_changes(external_id=external_id, masked_count=ticket.masked_count + 1), present)
            report.warnings.append((line, warning))
    problem_of_line = problem_of_line or {}
    with database.write() as conn:
        known = repo.external_ids(list({t.external_id for _, t, _ in batch}))
        for line, ticket, present in batch:
            before_cut = ticket.masked_count
            ticket, summary = mask_ticket(ticket)
            report.masked += summary.total + before_cut
            if ticket.module or ticket.kind:
                ticket.label_source = HUMAN
            existing = known.get(ticket.external_id)
            if existing is None:
                stored = repo.insert(ticket)
                repo.record_label_diff(None, stored, actor, "import")
                report.new += 1
            else:
                merged, warnings = _merge(existing, ticket, present)
                report.warnings.extend((line, w) for w in warnings)
                if all(getattr(merged, n) == getattr(existing, n) for n in _COMPARED):
                    if line in problem_of_line:
                        link_in_write(conn, database, existing.id, problem_of_line[line], existing.module,
                                      existing.kind, actor)
                    report.unchanged += 1
                    continue
                stored = repo.update(merged)
                repo.record_label_diff(existing, stored, actor, "import")
                report.updated += 1
            if line in problem_of_line:
                link_in_write(conn, database, stored.id, problem_of_line[line], stored.module, stored.kind, actor)
            known[stored.external_id] = stored
