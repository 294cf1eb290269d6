"""Log, save and list tickets. Every text field is masked here, before it reaches storage."""

from __future__ import annotations

from typing import Iterator

from elsdesk.domain import HUMAN, BadInputError, Ticket, TicketFilter, normalise_week, now_iso
from elsdesk.masking import MaskResult, mask_text
from elsdesk.storage import Database, TicketRepository
from elsdesk.taxonomy import load_taxonomy

MASKED_FIELDS = ("title", "description", "resolution", "unit", "reporter_role")


def mask_ticket(ticket: Ticket) -> tuple[Ticket, MaskResult]:
    """A copy of *ticket* with identifiers masked in every free-text field."""
    counts: dict[str, int] = {}
    changes = {}
    for name in MASKED_FIELDS:
        value = getattr(ticket, name)
        if not value:
            continue
        result = mask_text(value)
        changes[name] = result.text
        for kind, n in result.counts.items():
            counts[kind] = counts.get(kind, 0) + n
    summary = MaskResult(changes.get("description", ticket.description), counts)
    masked = ticket.with_changes(**changes, masked_count=ticket.masked_count + summary.total)
    return masked, summary


def validate(ticket: Ticket) -> None:
    taxonomy = load_taxonomy()
    if not (ticket.title or "").strip():
        raise BadInputError("Rubrik saknas")
    if ticket.module and ticket.module not in taxonomy.module_ids:
        raise BadInputError(f"okänd modul '{ticket.module}'")
    if ticket.kind and ticket.kind not in taxonomy.kind_ids:
        raise BadInputError(f"okänd ärendetyp '{ticket.kind}'")


def log_ticket(database: Database, ticket: Ticket, actor: str = "ELS-stöd") -> tuple[Ticket, MaskResult]:
    """Store a new ticket; labels chosen by a person are recorded as confirmed."""
    ticket, summary = mask_ticket(ticket)
    ticket = ticket.with_changes(created_at=ticket.created_at or now_iso())
    if ticket.label_source is None and (ticket.module or ticket.kind):
        ticket.label_source = HUMAN
    validate(ticket)
    repo = TicketRepository(database)
    with database.write():
        stored = repo.insert(ticket)
        source = HUMAN if stored.label_source == HUMAN else (stored.label_source or "model")
        repo.record_label_diff(None, stored, actor, source)
    return stored, summary


def save_ticket(database: Database, ticket: Ticket, actor: str = "ELS-stöd") -> tuple[Ticket, MaskResult]:
    """Save changes to a stored ticket; raise ConflictError if someone else saved it first."""
    ticket, summary = mask_ticket(ticket)
    validate(ticket)
    repo = TicketRepository(database)
    with database.write():
        before = repo.get(ticket.id)
        if (before.module, before.kind) != (ticket.module, ticket.kind):
            ticket.label_source = HUMAN
        stored = repo.update(ticket)
        repo.record_label_diff(before, stored, actor, HUMAN)
    return stored, summary


def ticket_to_json(ticket: Ticket) -> dict:
    """The stable JSON shape of ``elsdesk list --json``."""
    return {
        "id": ticket.external_id,
        "created_at": ticket.created_at,
        "title": ticket.title,
        "description": ticket.description,
        "module": ticket.module,
        "kind": ticket.kind,
        "status": ticket.status,
        "label_source": ticket.label_source,
    }


def list_tickets(database: Database, week: str | None = None, module: str | None = None) -> Iterator[Ticket]:
    """Stored tickets in creation order, optionally of one ISO week and/or module."""
    if module and module not in load_taxonomy().module_ids:
        raise BadInputError(f"okänd modul '{module}'")
    flt = TicketFilter(week=normalise_week(week) if week else None, module=module or None)
    yield from TicketRepository(database).iter_tickets(flt)
