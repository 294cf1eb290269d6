"""Similar earlier tickets: build the in-memory similarity index from the database, keep it current,
and answer "the five most similar earlier tickets" with their status and resolution."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from elsdesk.domain import Ticket, now_iso
from elsdesk.services.imports import Cancelled
from elsdesk.storage import Database, TicketRepository

if TYPE_CHECKING:  # scikit-learn loads only when an index is built (the GUI's first paint does not wait for it)
    from elsdesk.ml.similarity import SimilarityIndex

logger = logging.getLogger(__name__)
SIMILAR_COUNT = 5


@dataclass(frozen=True)
class SimilarTicket:
    """An earlier ticket and how similar its text is (cosine, 0-1)."""

    ticket: Ticket
    score: float


def build_similarity_index(database: Database, progress: Callable[[int, int], None] | None = None,
                           is_cancelled: Callable[[], bool] | None = None) -> SimilarityIndex:
    """Index every stored ticket; tickets saved while building are caught up at the end."""
    repo = TicketRepository(database)
    started = now_iso()
    total = repo.count()
    rows = ((t.id, t.created_at, t.title, t.description) for t in repo.iter_tickets())
    try:
        from elsdesk.ml.similarity import SimilarityIndex

        index = SimilarityIndex.build(rows, progress=(lambda done: progress(done, total)) if progress else None,
                                      is_cancelled=is_cancelled)
    except InterruptedError as exc:
        raise Cancelled("likhetsindexet avbröts") from exc
    for ticket in repo.updated_since(started):
        index_ticket(index, ticket)
    logger.info("similarity index built over %d tickets", len(index))
    return index


def index_ticket(index: SimilarityIndex | None, ticket: Ticket) -> None:
    """Add a saved ticket to the index (or replace its text after an edit)."""
    if index is not None and ticket.id is not None:
        index.add(ticket.id, ticket.created_at, ticket.title, ticket.description)


def similar_tickets(database: Database, index: SimilarityIndex | None, ticket: Ticket,
                    k: int = SIMILAR_COUNT) -> list[SimilarTicket]:
    """The *k* most similar tickets created before *ticket* (never the ticket itself), best first."""
    if index is None:
        return []
    matches = index.similar(ticket.title, ticket.description, before=ticket.created_at or None,
                            exclude_id=ticket.id, k=k)
    return _with_tickets(database, matches)


def similar_to_text(database: Database, index: SimilarityIndex | None, title: str, description: str = "",
                    k: int = SIMILAR_COUNT) -> list[SimilarTicket]:
    """The *k* most similar stored tickets for text being typed into the form."""
    if index is None or not (title.strip() or description.strip()):
        return []
    return _with_tickets(database, index.similar(title, description, k=k))


def _with_tickets(database: Database, matches) -> list[SimilarTicket]:
    found = {t.id: t for t in TicketRepository(database).fetch_many([m.ticket_id for m in matches])}
    return [SimilarTicket(found[m.ticket_id], m.score) for m in matches if m.ticket_id in found]
