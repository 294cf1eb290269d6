"""Log, save and list tickets. Every text field is cleaned here (:func:`clean_fields`), before it reaches storage."""

from __future__ import annotations

from typing import Iterable, Iterator

from elsdesk.domain import (
    INTAKE, BadInputError, NotFoundError, Ticket, TicketFilter, TicketRemovedError, normalise_week, now_iso,
)
from elsdesk.masking import MaskResult, mask_fields, mask_text
from elsdesk.services.masked_ids import desk_id_key, holds_identifier, masked_external_id
from elsdesk.storage import Database, TicketRepository
from elsdesk.services.labels import desk_taxonomy
from elsdesk.taxonomy import load_taxonomy

MASKED_FIELDS = ("title", "description", "resolution", "unit", "reporter_role")


def clean_fields(ticket: Ticket) -> dict[str, MaskResult]:
    """Each free-text field of *ticket* that holds text as it is stored, from the form or a file alike: every line
    end one "\\n" (a pasted mail or a Windows CSV brings "\\r\\n"), control characters (ESC, BEL) removed, and
    identifiers masked, the fields together (:func:`~elsdesk.masking.mask_fields`): a name masked in the title ("pat
    Anna Testsson ringde") is masked in the description too. The form, an import and the command line all save
    through here."""
    from elsdesk.plain_text import printable, unix_line_ends

    names = [name for name in MASKED_FIELDS if getattr(ticket, name)]
    results = mask_fields(*(printable(unix_line_ends(getattr(ticket, name))) for name in names))
    return dict(zip(names, results))


def mask_ticket(ticket: Ticket) -> tuple[Ticket, MaskResult]:
    """A copy of *ticket* with every free-text field cleaned (:func:`clean_fields`): one line-end style,
    no control characters, identifiers masked, a name masked in one field masked in all."""
    counts: dict[str, int] = {}
    changes = {}
    for name, result in clean_fields(ticket).items():
        changes[name] = result.text
        for kind, n in result.counts.items():
            counts[kind] = counts.get(kind, 0) + n
    summary = MaskResult(changes.get("description", ticket.description), counts)
    masked = ticket.with_changes(**changes, masked_count=ticket.masked_count + summary.total)
    return masked, summary


def validate(ticket: Ticket, database: Database | None = None) -> None:
    """Refuse a ticket without a title or with a label, channel or escalation the taxonomy does not have."""
    taxonomy = desk_taxonomy(database) if database is not None else load_taxonomy()
    if not (ticket.title or "").strip():
        raise BadInputError("Rubrik saknas")
    for value, known, what in ((ticket.channel, {c.id for c in taxonomy.channels}, "kanal"),
                               (ticket.escalation, {e.id for e in taxonomy.escalations}, "eskalering")):
        if value and value not in known:
            raise BadInputError(f"okänd {what} '{mask_text(value).text}'; välj bland {', '.join(sorted(known))}")
    if ticket.module and ticket.module not in taxonomy.module_ids:
        raise BadInputError(f"okänd modul '{ticket.module}'")
    if ticket.kind and ticket.kind not in taxonomy.kind_ids:
        raise BadInputError(f"okänd ärendetyp '{ticket.kind}'")


def _with_id_masked(database: Database, ticket: Ticket) -> Ticket:
    """*ticket* with its number masked as an import masks it when it holds an identifier (a script's case
    number that is a personnummer); the form never sets one."""
    if not holds_identifier(ticket.external_id):
        return ticket
    masked_id, _warning = masked_external_id(ticket.external_id, desk_id_key(database))
    return ticket.with_changes(external_id=masked_id, masked_count=ticket.masked_count + 1)


def log_ticket(database: Database, ticket: Ticket, actor: str = "ELS-stöd") -> tuple[Ticket, MaskResult]:
    """Store a new ticket. Labels chosen in the form are the logging person's (source 'intake'):
    not a super-user's confirmation, so the ticket still reaches the review queue. A label that
    carries a confidence and a model version was the model's suggestion, taken by that person."""
    ticket, summary = mask_ticket(ticket)
    ticket = ticket.with_changes(created_at=ticket.created_at or now_iso())
    ticket = _with_id_masked(database, ticket)
    if ticket.label_source is None and (ticket.module or ticket.kind):
        ticket.label_source = INTAKE
    validate(ticket, database)
    repo = TicketRepository(database)
    with database.write():
        stored = repo.insert(ticket)
        source = stored.label_source or "model"
        repo.record_label_diff(None, stored, actor, source, _suggested_by(stored) if source == INTAKE else None)
    return stored, summary


def save_ticket(database: Database, ticket: Ticket, actor: str = "ELS-stöd") -> tuple[Ticket, MaskResult]:
    """Save changes to a stored ticket; raise ConflictError if someone else saved it first.

    Labels changed in the form become the editing person's (source 'intake', back in the review
    queue); a changed label keeps a confidence only when it is the model's suggestion taken."""
    ticket, summary = mask_ticket(ticket)
    ticket = _with_id_masked(database, ticket)
    validate(ticket, database)
    repo = TicketRepository(database)
    with database.write():
        try:
            before = repo.get(ticket.id)
        except NotFoundError:  # removed while the form was open: say its number, not the internal id
            raise TicketRemovedError(ticket.external_id) from None
        if (before.module, before.kind) != (ticket.module, ticket.kind):
            ticket.label_source = INTAKE
            for name in ("module", "kind"):
                confidence = f"{name}_confidence"
                if getattr(ticket, name) != getattr(before, name) and getattr(ticket, confidence) == getattr(before, confidence):
                    setattr(ticket, confidence, None)  # it was the confidence in the old label
        stored = repo.update(ticket)
        changed = {n for n in ("module", "kind") if getattr(before, n) != getattr(stored, n)}
        suggested = {n: v for n, v in _suggested_by(stored).items() if n in changed}
        repo.record_label_diff(before, stored, actor, INTAKE, suggested)
    return stored, summary


def _suggested_by(ticket: Ticket) -> dict[str, str]:
    """The label fields that are a model suggestion the person took, with the model version."""
    if not ticket.model_version:
        return {}
    return {name: ticket.model_version for name in ("module", "kind")
            if getattr(ticket, name) and getattr(ticket, f"{name}_confidence") is not None}


def ticket_to_json(ticket: Ticket, problem: str | None = None) -> dict:
    """The stable JSON shape of ``elsdesk list --json`` (*problem*: the linked known problem's name)."""
    return {
        "id": ticket.external_id,
        "created_at": ticket.created_at,
        "title": ticket.title,
        "description": ticket.description,
        "module": ticket.module,
        "kind": ticket.kind,
        "problem": problem,
        "status": ticket.status,
        "label_source": ticket.label_source,
    }


def ticket_details(database: Database, ticket_id: int) -> tuple[Ticket, list, str | None]:
    """What the details pane shows of one ticket: the ticket, its label history and the name of the known
    problem it is linked to (None: not linked; a link was seen only in the review queue; a tester).
    NotFoundError when it is gone."""
    from elsdesk.services.problems import problem_names

    repo = TicketRepository(database)
    ticket = repo.get(ticket_id)
    return ticket, repo.label_history(ticket_id), problem_names(database, [ticket_id]).get(ticket_id)


def with_problems(database: Database, tickets: Iterable[Ticket], chunk: int = 500) -> Iterator[tuple[Ticket, str | None]]:
    """Each ticket with the name of the known problem it is linked to (looked up a chunk at a time)."""
    from elsdesk.services.problems import problem_names

    batch: list[Ticket] = []
    for ticket in tickets:
        batch.append(ticket)
        if len(batch) >= chunk:
            names = problem_names(database, [t.id for t in batch])
            yield from ((t, names.get(t.id)) for t in batch)
            batch = []
    names = problem_names(database, [t.id for t in batch]) if batch else {}
    yield from ((t, names.get(t.id)) for t in batch)


def list_tickets(database: Database, week: str | None = None, module: str | None = None,
                 text: str | None = None) -> Iterator[Ticket]:
    """Stored tickets in creation order, optionally of one ISO week and/or module (its id or its name)
    and/or holding the words of *text* as the search box finds them."""
    if module:
        known = desk_taxonomy(database).normalise("modules", module)
        if not known:
            raise BadInputError(f"okänd modul '{module}'")
        module = known
    flt = TicketFilter(week=normalise_week(week) if week else None, module=module or None, text=(text or "").strip() or None)
    yield from TicketRepository(database).iter_tickets(flt)


# the fields a person edits in the ticket form, as a conflict names them
EDITED_FIELDS = ("title", "description", "module", "kind", "status", "unit", "reporter_role", "resolution")
# what the ticket form edits: the fields above and those without a place in a conflict's question
FORM_FIELDS = EDITED_FIELDS + ("channel", "priority", "patient_safety", "escalation")


def changed_meanwhile(database: Database, opened: Ticket, latest: Ticket) -> tuple[list[str], str | None]:
    """(the edited fields someone else changed since *opened* was read, who changed labels meanwhile or None):
    what a conflict on saving a ticket says before the person chooses to overwrite or to look.

    Who: the person whose label change took *opened*'s label to *latest*'s. A tester's conflict named "model" (an
    import's own classification, in the same second as the ticket's last update) when a colleague had changed the
    status and the solution; only label changes say who made them, so a change of other fields names no one."""
    fields = [name for name in EDITED_FIELDS if getattr(opened, name) != getattr(latest, name)]
    since = opened.updated_at or ""
    actors = [change.actor for change in TicketRepository(database).label_history(latest.id)
              if change.at >= since and change.field in fields
              and change.old == getattr(opened, change.field) and change.new == getattr(latest, change.field)]
    return fields, (actors[-1] if actors else None)


def changes_no_one_else_made(opened: Ticket, latest: Ticket, mine: Ticket, changed: Iterable[str]) -> dict:
    """Of the form fields this person *changed* since *opened* was read, those nobody changed meanwhile (*latest*
    has them as *opened* had), with this person's values: kept when the form shows the new version. A super-user's
    Typ Handhavande vanished without a word when she chose to see a colleague's version, which had changed only the
    status and the solution."""
    return {name: getattr(mine, name) for name in FORM_FIELDS
            if name in changed and getattr(opened, name) == getattr(latest, name)}
