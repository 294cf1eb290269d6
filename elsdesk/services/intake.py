"""Take in a ticket from the form: store it (masked), give it the model's labels when no person
chose them, add it to the similar-ticket index and look for a burst of similar tickets.

Once the ticket is stored, it is saved, whatever happens to the steps after it: a server that went away
between the store and the scan made the form say "not saved", and the person saved the ticket again, twice on
the desk (a shared-desk tester). A step that fails then is named in the result (:attr:`IntakeResult.left_undone`)
and done later: the model labels what it has not labelled when the app next loads it, and a later save's scan in
the same hours, an import's scan or ``elsdesk incidents --scan`` looks at this ticket again."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from elsdesk.domain import MODEL, ElsdeskError, Ticket, TicketFilter
from elsdesk.masking import MaskResult
from elsdesk.services.classification import apply_predictions
from elsdesk.services.similar import index_ticket
from elsdesk.services.surges import scan_for_incidents
from elsdesk.services.tickets import log_ticket, save_ticket
from elsdesk.storage import Database


logger = logging.getLogger(__name__)

CLASSIFYING, SCANNING = "classify", "scan"  # the steps after the store that may be left undone


@dataclass
class IntakeResult:
    ticket: Ticket
    masking: MaskResult
    scan: object  # the surge scan's result (new or extended incidents); None when it was left undone
    left_undone: dict[str, Exception] = field(default_factory=dict)  # step -> why, for the steps that failed


def take_in_ticket(database: Database, ticket: Ticket, actor: str, classifier=None, similarity_index=None) -> IntakeResult:
    """Log a new ticket or save an edited one, with everything that follows from it (see the module)."""
    stored, masking = (save_ticket if ticket.id else log_ticket)(database, ticket, actor)
    result = IntakeResult(stored, masking, None)
    if classifier is not None and (stored.label_source in (None, MODEL) or (stored.module and not stored.kind)):
        # never over a person's labels; a kind nobody gave is the model's guess beside the person's module
        _after_the_store(result, CLASSIFYING, lambda: apply_predictions(database, *classifier, TicketFilter(ids=(stored.id,))))
    index_ticket(similarity_index, stored)
    result.scan = _after_the_store(result, SCANNING, lambda: scan_for_incidents(database, around=stored.created_at))
    return result


def _after_the_store(result: IntakeResult, step: str, work):
    """*work*'s result, or None with the reason kept in *result* when it fails: the ticket is stored already."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - the ticket is saved; anything now is a step left for later
        logger.warning("ticket %s saved; %s left for later: %s", result.ticket.external_id, step, exc,
                       exc_info=not isinstance(exc, ElsdeskError))
        result.left_undone[step] = exc
        return None
