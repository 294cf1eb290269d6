"""The super-user review queue: what to look at next, confirm or correct labels, undo, and when to retrain.

The queue holds the tickets whose labels no human has confirmed, least certain first by default.
Every decision is stored as a :class:`ReviewDecision` with the labels before and after and the
model suggestion the person saw, plus one label-history row per field. Undo restores the labels
and label source exactly and marks the decision (and its history rows) undone. A counter of
confirmations since the last training, kept in the settings table, drives the retrain offer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from elsdesk.domain import HUMAN, MODEL, BadInputError, ConflictError, ReviewDecision, Ticket, now_iso
from elsdesk.services.similar import SimilarTicket, similar_tickets
from elsdesk.services.permissions import CONFIRM_LABELS, QUEUE_SETTINGS, acting_as, require
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.reviews import QUEUE_ORDERS, ReviewRepository
from elsdesk.storage.settings import SettingsRepository, upsert_setting
from elsdesk.services.labels import desk_taxonomy

if TYPE_CHECKING:  # scikit-learn is imported where an index is built, not by whoever imports the review service
    from elsdesk.ml.similarity import SimilarityIndex

logger = logging.getLogger(__name__)
ORDERS = tuple(QUEUE_ORDERS)  # "uncertainty", "date", "module"
CONFIRMATIONS_KEY = "review.confirmations_since_training"
LAST_TRAINED_KEY = "review.last_trained_at"
THRESHOLD_KEY = "review.retrain_threshold"
DEFAULT_RETRAIN_THRESHOLD = 50
INTAKE_KEY = "review.intake_tickets"
INTAKE_LAST, INTAKE_MIXED = "last", "mixed"
INTAKE_PLACEMENTS = (INTAKE_LAST, INTAKE_MIXED)


@dataclass
class ReviewItem:
    """Everything the review view shows for one ticket."""

    ticket: Ticket
    suggestions: list = field(default_factory=list)  # classification.Suggestion, best first
    suggested_kind: str | None = None
    model_version: str | None = None
    similar: list[SimilarTicket] = field(default_factory=list)
    kind_suggestion: object | None = None  # classification.Suggestion for the kind, with its band
    problem: object | None = None  # problems.ProblemSuggestion: the known problem it is, or most likely is

    @property
    def suggested_module(self) -> str | None:
        return self.suggestions[0].module if self.suggestions else None


def review_queue(database: Database, order: str = "uncertainty", actor: str | None = None,
                 second_opinion: bool = False, limit: int | None = None) -> list[int]:
    """Ticket ids to review in *order* ("uncertainty": unclassified, then lowest confidence; "date":
    newest first; "module"). Tickets labelled at intake come after the model-only ones unless the
    desk's setting mixes them in. With *second_opinion*: tickets another super-user decided and *actor* has not."""
    if order not in QUEUE_ORDERS:
        raise BadInputError(f"okänd ordning '{order}'; välj en av {', '.join(ORDERS)}")
    return ReviewRepository(database).queue_ids(order, actor, second_opinion, limit,
                                                intake_last=intake_placement(database) == INTAKE_LAST)


def intake_placement(database: Database) -> str:
    """Where tickets labelled at intake stand in the queue: INTAKE_LAST (default) or INTAKE_MIXED."""
    value = SettingsRepository(database).get(INTAKE_KEY)
    return value if value in INTAKE_PLACEMENTS else INTAKE_LAST


def set_intake_placement(database: Database, placement: str) -> None:
    if placement not in INTAKE_PLACEMENTS:
        raise BadInputError(f"okänd placering '{placement}'; välj en av {', '.join(INTAKE_PLACEMENTS)}")
    require(database, QUEUE_SETTINGS)
    SettingsRepository(database).set(INTAKE_KEY, placement)


def similar_as_decided(similar: list[SimilarTicket], decided: dict[int, tuple[str, str | None]]) -> list[SimilarTicket]:
    """*similar* (looked up when its ticket was fetched) with the tickets *decided* since then, ticket id ->
    (module, kind) a person confirmed, shown as confirmed with those labels: a ticket just confirmed
    in the queue showed its module with "?" among the next ticket's similar ones."""
    return [SimilarTicket(found.ticket.with_changes(module=decided[found.ticket.id][0], kind=decided[found.ticket.id][1],
                                                    label_source=HUMAN), found.score)
            if found.ticket.id in decided else found for found in similar]


def load_review_item(database: Database, ticket_id: int, classifier: tuple | None = None,
                     index: SimilarityIndex | None = None, similar_count: int = 5) -> ReviewItem:
    """The ticket, the current model's top-3 modules and kind, and its most similar earlier tickets."""
    ticket = TicketRepository(database).get(ticket_id)
    item = ReviewItem(ticket, similar=similar_tickets(database, index, ticket, similar_count))
    if classifier is not None:
        from elsdesk.services.classification import suggest

        model, card = classifier
        found = suggest(model, card, ticket.title, ticket.description)
        item.suggestions = found.modules
        item.kind_suggestion = found.kind
        item.suggested_kind = found.kind.label if found.kind else None
        item.model_version = str(card.get("version", "?"))
    elif ticket.label_source != HUMAN and ticket.module:
        item.suggested_kind = ticket.kind
        item.model_version = ticket.model_version
    from elsdesk.services.problems import suggest_problem

    item.problem = suggest_problem(database, ticket)
    return item


class ChangedMeanwhileError(ConflictError):
    """The ticket changed after the person's card showed it, so their decision was not stored: another
    super-user decided it (:attr:`decision` is theirs) or it was edited or undone (:attr:`decision` None)."""

    def __init__(self, message: str, ticket: Ticket, decision: ReviewDecision | None = None):
        super().__init__(message)
        self.ticket = ticket
        self.decision = decision


def confirm_labels(database: Database, ticket_id: int, module: str, kind: str | None, actor: str,
                   suggested_by: str | None = None, suggested_module: str | None = None,
                   suggested_kind: str | None = None, seen_version: int | None = None) -> ReviewDecision:
    """Record *actor*'s decision on a ticket's module and kind and mark its labels confirmed.

    *suggested_by* is the model version whose suggestion (*suggested_module*, *suggested_kind*)
    the person saw; without one, the model labels stored on the ticket count as the suggestion.
    *seen_version* is the ticket's version on the person's screen: when the stored one differs (another
    super-user decided it, or it was edited, meanwhile) nothing is stored and :class:`ChangedMeanwhileError`
    says who did what; on a shared desk the last of two confirmations no longer wins silently.
    """
    actor = acting_as(database, actor)
    _validate(database, module, kind, actor)
    require(database, CONFIRM_LABELS)
    repo, reviews = TicketRepository(database), ReviewRepository(database)
    with database.write() as conn:  # the desk's one write lock: no other decision lands between check and update
        ticket = repo.get(ticket_id)
        if seen_version is not None and ticket.version != seen_version:
            raise _changed_meanwhile(database, ticket)
        if suggested_module is None:
            suggested_module, suggested_kind, suggested_by = _stored_suggestion(reviews, ticket, suggested_by)
        at = now_iso()
        decision = ReviewDecision(
            id=0, ticket_id=ticket_id, actor=actor, at=at, module=module, kind=kind,
            old_module=ticket.module, old_kind=ticket.kind, old_label_source=ticket.label_source,
            suggested_module=suggested_module, suggested_kind=suggested_kind, suggested_by=suggested_by,
        )
        conn.execute(
            "UPDATE tickets SET module = ?, kind = ?, label_source = ?, version = version + 1, updated_at = ? WHERE id = ?",
            (module, kind, HUMAN, at, ticket_id),
        )
        stored = reviews.insert_decision(decision)
        reviews.add_to_counter(CONFIRMATIONS_KEY, 1)
    return stored


def latest_decision(database: Database, ticket_id: int) -> ReviewDecision | None:
    """The newest decision on a ticket that is not undone, or None."""
    decisions = ReviewRepository(database).decisions(ticket_id)
    return decisions[-1] if decisions else None


@dataclass(frozen=True)
class LeftQueue:
    """Why a ticket on a person's screen left the review queue: *decision* is another super-user's (or
    None: edited, or removed when *ticket* is None)."""

    ticket_id: int
    ticket: Ticket | None
    decision: ReviewDecision | None


def why_left_queue(database: Database, ticket_id: int) -> LeftQueue:
    """What happened to a ticket that left the queue while it was on screen (for the message the person sees)."""
    from elsdesk.domain import NotFoundError

    try:
        ticket = TicketRepository(database).get(ticket_id)
    except NotFoundError:
        return LeftQueue(ticket_id, None, None)
    return LeftQueue(ticket_id, ticket, _decision_behind(database, ticket))


def _decision_behind(database: Database, ticket: Ticket) -> ReviewDecision | None:
    """The decision that gave *ticket* its current confirmed labels, or None when an edit did."""
    decision = latest_decision(database, ticket.id)
    if decision is None or ticket.label_source != HUMAN or (decision.module, decision.kind) != (ticket.module, ticket.kind):
        return None
    return decision


def _changed_meanwhile(database: Database, ticket: Ticket) -> ChangedMeanwhileError:
    """The refusal of a decision on a ticket that changed after the person saw it, naming who decided it."""
    name = ticket.external_id or f"ärende {ticket.id}"
    decision = _decision_behind(database, ticket)
    if decision is None:
        return ChangedMeanwhileError(
            f"{name} ändrades på en annan arbetsstation efter att du öppnade det; ditt beslut sparades inte."
            " Titta på den nya versionen och bestäm igen", ticket)
    taxonomy = desk_taxonomy(database)
    labels = " / ".join(p for p in (taxonomy.module_name(decision.module, "sv"),
                                    taxonomy.kind_name(decision.kind, "sv")) if p)
    return ChangedMeanwhileError(
        f"{name} bekräftades just av {decision.actor} ({labels}); ditt beslut sparades inte", ticket, decision)


def undo_last(database: Database, actor: str) -> ReviewDecision | None:
    """Undo *actor*'s most recent decision; return it (marked undone), or None if there is none.

    Raises ConflictError when the ticket's labels were changed after the decision.
    """
    require(database, CONFIRM_LABELS)
    actor = acting_as(database, actor)
    repo, reviews = TicketRepository(database), ReviewRepository(database)
    with database.write() as conn:
        last = reviews.last_decision(actor)
        if last is None:
            return None
        ticket = repo.get(last.ticket_id)
        if (ticket.module, ticket.kind) != (last.module, last.kind):
            raise ConflictError(
                f"ärende {ticket.external_id} har ändrats efter beslutet och kan inte ångras här; öppna ärendet i stället"
            )
        at = now_iso()
        conn.execute(
            "UPDATE tickets SET module = ?, kind = ?, label_source = ?, version = version + 1, updated_at = ? WHERE id = ?",
            (last.old_module, last.old_kind, last.old_label_source, at, last.ticket_id),
        )
        reviews.mark_undone(last.id, at)
        trained = conn.execute("SELECT value FROM settings WHERE key = ?", (LAST_TRAINED_KEY,)).fetchone()
        if trained is None or last.at >= trained[0]:
            reviews.add_to_counter(CONFIRMATIONS_KEY, -1)
    return replace(last, undone_at=at)


def decisions_of(database: Database, ticket_id: int) -> list[ReviewDecision]:
    """Every decision on one ticket (undone ones included), oldest first."""
    return ReviewRepository(database).decisions(ticket_id, include_undone=True)


# -- the retrain offer --------------------------------------------------------------------
def confirmations_since_training(database: Database) -> int:
    return int(SettingsRepository(database).get(CONFIRMATIONS_KEY, "0") or 0)


def retrain_threshold(database: Database) -> int:
    value = SettingsRepository(database).get(THRESHOLD_KEY)
    try:
        return max(1, int(value)) if value is not None else DEFAULT_RETRAIN_THRESHOLD
    except ValueError:
        logger.warning("setting %s is not a number: %r", THRESHOLD_KEY, value)
        return DEFAULT_RETRAIN_THRESHOLD


def set_retrain_threshold(database: Database, confirmations: int) -> None:
    if int(confirmations) < 1:
        raise BadInputError("antalet bekräftelser före omträning måste vara minst 1")
    SettingsRepository(database).set(THRESHOLD_KEY, str(int(confirmations)))


def retrain_due(database: Database) -> bool:
    """True when enough labels were confirmed since the last training to offer a retrain."""
    return confirmations_since_training(database) >= retrain_threshold(database)


def reset_confirmations(database: Database) -> None:
    """Called after a training: start counting confirmations from zero."""
    with database.write() as conn:
        for key, value in ((CONFIRMATIONS_KEY, "0"), (LAST_TRAINED_KEY, now_iso())):
            upsert_setting(conn, key, value)


def _stored_suggestion(reviews: ReviewRepository, ticket: Ticket, version: str | None) -> tuple:
    """What the model suggested for a ticket: its model labels, or the suggestion an earlier decision saw."""
    if ticket.label_source == MODEL and ticket.module:
        return ticket.module, ticket.kind, version or ticket.model_version
    for earlier in reversed(reviews.decisions(ticket.id)):
        if earlier.suggested_module is not None:
            return earlier.suggested_module, earlier.suggested_kind, version or earlier.suggested_by
    return None, None, version


def _validate(database: Database, module: str, kind: str | None, actor: str) -> None:
    taxonomy = desk_taxonomy(database)  # the shipped labels and the desk's own
    if module not in taxonomy.module_ids:
        raise BadInputError(f"okänd modul '{module}'")
    if kind is not None and kind not in taxonomy.kind_ids:
        raise BadInputError(f"okänd ärendetyp '{kind}'")
    if not (actor or "").strip():
        raise BadInputError("välj en profil (namn) innan du bekräftar etiketter")
