"""Import tickets from a file: idempotent by external id, in small committed batches.

A batch is one transaction, so a process killed half-way keeps every earlier batch and leaves
a sound database; importing the same file again updates instead of duplicating.
"""

from __future__ import annotations

import logging
from dataclasses import fields as dc_fields
from pathlib import Path
from typing import Callable

from elsdesk.domain import HUMAN, ImportReport, Ticket
from elsdesk.importer import estimate_rows, read_rows, row_to_ticket
from elsdesk.services.tickets import mask_ticket
from elsdesk.storage import Database, TicketRepository
from elsdesk.taxonomy import load_taxonomy

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
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
    taxonomy = load_taxonomy()
    report = ImportReport()
    repo = TicketRepository(database)
    total = estimate_rows(path)
    done = 0
    pending: list[tuple[int, Ticket, set[str]]] = []

    def flush() -> None:
        nonlocal done
        if is_cancelled and is_cancelled():
            raise Cancelled(f"importen avbröts efter {done} rader; de är sparade")
        _import_batch(database, repo, pending, report, actor)
        done += len(pending)
        pending.clear()
        if progress:
            progress(done, max(total, done))

    for row in read_rows(path):  # streamed: a large file is never held as tickets all at once
        if row.error:
            report.rejected.append((row.line, row.error))
            continue
        try:
            ticket, warnings = row_to_ticket(row.fields, taxonomy)
        except ValueError as exc:
            report.rejected.append((row.line, str(exc)))
            continue
        report.warnings.extend((row.line, w) for w in warnings)
        present = {str(k).strip().lower() for k, v in row.fields.items() if v not in (None, "")}
        pending.append((row.line, ticket, present))
        if len(pending) >= batch_size:
            flush()
    if pending:
        flush()
    report.rejected.sort()
    return report


def _merge(existing: Ticket, incoming: Ticket, present: set[str]) -> Ticket:
    """The stored ticket updated with the fields this row actually carries."""
    changes = {"title": incoming.title, "description": incoming.description, "created_at": incoming.created_at}
    for name in ("reporter_role", "unit", "status", "module", "kind", "resolution"):
        if name in present and getattr(incoming, name) is not None:
            changes[name] = getattr(incoming, name)
    merged = existing.with_changes(**changes)
    if (merged.module, merged.kind) != (existing.module, existing.kind):
        merged.label_source = HUMAN
    return merged


def _import_batch(database: Database, repo: TicketRepository, batch, report: ImportReport, actor: str) -> None:
    with database.write():
        known = repo.external_ids(list({t.external_id for _, t, _ in batch}))
        for _line, ticket, present in batch:
            ticket, summary = mask_ticket(ticket)
            report.masked += summary.total
            if ticket.module or ticket.kind:
                ticket.label_source = HUMAN
            existing = known.get(ticket.external_id)
            if existing is None:
                stored = repo.insert(ticket)
                repo.record_label_diff(None, stored, actor, "import")
                report.new += 1
            else:
                merged = _merge(existing, ticket, present)
                if all(getattr(merged, n) == getattr(existing, n) for n in _COMPARED):
                    report.unchanged += 1
                    continue
                stored = repo.update(merged)
                repo.record_label_diff(existing, stored, actor, "import")
                report.updated += 1
            known[stored.external_id] = stored
