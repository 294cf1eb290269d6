"""Take in a ticket from the form: store it (masked), give it the model's labels when no person
chose them, add it to the similar-ticket index and look for a burst of similar tickets."""

from __future__ import annotations

from dataclasses import dataclass

from elsdesk.domain import MODEL, Ticket, TicketFilter
from elsdesk.masking import MaskResult
from elsdesk.services.classification import apply_predictions
from elsdesk.services.similar import index_ticket
from elsdesk.services.surges import scan_for_incidents
from elsdesk.services.tickets import log_ticket, save_ticket
from elsdesk.storage import Database


@dataclass
class IntakeResult:
    ticket: Ticket
    masking: MaskResult
    scan: object  # the surge scan's result (new or extended incidents)


def take_in_ticket(database: Database, ticket: Ticket, actor: str, classifier=None, similarity_index=None) -> IntakeResult:
    """Log a new ticket or save an edited one, with everything that follows from it."""
    stored, masking = (save_ticket if ticket.id else log_ticket)(database, ticket, actor)
    if classifier is not None and (stored.label_source in (None, MODEL) or (stored.module and not stored.kind)):
        # never over a person's labels; a kind nobody gave is the model's guess beside the person's module
        apply_predictions(database, *classifier, TicketFilter(ids=(stored.id,)))
    index_ticket(similarity_index, stored)
    scan = scan_for_incidents(database, around=stored.created_at)
    return IntakeResult(stored, masking, scan)
