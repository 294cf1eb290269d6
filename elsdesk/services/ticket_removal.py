"""Removing a ticket logged by mistake: logged twice, on the wrong desk, or holding a patient's
details that masking did not catch and that must not stay.

Only a super-user (or the desk's owner) removes tickets; on a shared desk the server grants the
same (PostgreSQL migration 022). The ticket goes with its label history, review decisions and
incident links; its week's topics are worked out again without it (:mod:`elsdesk.storage.removal`).
A removal cannot be undone, so the window and the CLI say what goes and ask first.
"""

from __future__ import annotations

from elsdesk.domain import BadInputError, NotFoundError, Ticket
from elsdesk.services.permissions import REMOVE_TICKETS, require
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.removal import remove_tickets


def ticket_by_number(database: Database, number: str) -> Ticket:
    """The one ticket a typed number names: its ticket number in any case ("els-000013"), or digits
    a single ticket's number ends in ("13"). NotFoundError for none, BadInputError naming the
    candidates when several tickets end in those digits."""
    repo = TicketRepository(database)
    typed = (number or "").strip()
    if not typed:
        raise BadInputError("ange ett ärendenummer, t.ex. ELS-000013")
    forms = list(dict.fromkeys((typed, typed.upper(), typed.lower())))
    exact = repo.external_ids(forms)  # one look-up for the number as typed and in either case
    if exact:
        return next(exact[form] for form in forms if form in exact)
    ids = repo.numbered_ids(typed)
    if not ids:
        raise NotFoundError(f"inget ärende har numret {typed}")
    if len(ids) > 1:
        numbers = ", ".join(t.external_id or str(t.id) for t in repo.fetch_many(ids[:6]))
        more = f" och {len(ids) - 6} till" if len(ids) > 6 else ""
        raise BadInputError(f"{typed} kan vara flera ärenden ({numbers}{more}); skriv hela numret")
    return repo.get(ids[0])


def remove_logged_by_mistake(database: Database, ticket_ids: list[int]) -> int:
    """Remove the tickets *ticket_ids* with what hangs on them; how many went (a ticket already gone,
    e.g. removed at another workstation a moment before, is no error). NotAllowedError unless the
    login is a super-user or the owner."""
    require(database, REMOVE_TICKETS)
    with database.write() as conn:  # a topic made of them alone goes too: its name may quote what must not stay
        return remove_tickets(conn, ticket_ids, drop_lone_topics=True)
