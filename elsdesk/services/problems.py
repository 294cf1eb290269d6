"""Known problems: link tickets to them by name (creating a problem when the name is new) and read them.

The service desk's problem management in small: people decide which problem a ticket belongs
to; the week's topics are built from those links (see :mod:`elsdesk.services.topics`), and the
machine only proposes. A problem name is masked like ticket text before it is stored.
"""

from __future__ import annotations

from typing import Iterable

from elsdesk.domain import BadInputError, NotFoundError
from elsdesk.masking import mask_text
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.problems import Problem, ProblemRepository, clean_name

MAX_NAME = 200


def problem_name(value) -> str | None:
    """A problem name as given in a form or a file: masked first, then cleaned and cut; None when empty."""
    if value is None:
        return None
    text = clean_name(mask_text(str(value)).text)
    return text[:MAX_NAME] or None


def link_ticket(database: Database, ticket_id: int, name: str | None, actor: str) -> Problem | None:
    """Link a ticket to the problem called *name* (created when new, with the ticket's labels);
    None unlinks. Returns the problem."""
    tickets, problems = TicketRepository(database), ProblemRepository(database)
    cleaned = problem_name(name)
    if name is not None and cleaned is None:
        raise BadInputError("ett känt problem behöver ett namn")
    with database.write() as conn:
        ticket = tickets.get(ticket_id)
        problem_id = None
        if cleaned:
            problem_id = problems.find_or_create(conn, cleaned, ticket.module, ticket.kind, actor)
        problems.link(conn, ticket_id, problem_id)
    return problems.get(problem_id) if problem_id else None


def link_in_write(conn, database: Database, ticket_id: int, name: str, module: str | None, kind: str | None,
                  actor: str) -> int:
    """Inside the caller's write (an import batch): link a stored ticket to *name*; return the problem id."""
    problems = ProblemRepository(database)
    problem_id = problems.find_or_create(conn, name, module, kind, actor)
    problems.link(conn, ticket_id, problem_id)
    return problem_id


def problem_names(database: Database, ticket_ids: Iterable[int]) -> dict[int, str]:
    """ticket id -> the name of the problem it is linked to (only linked tickets)."""
    problems = ProblemRepository(database)
    links = problems.links(ticket_ids)
    named = problems.many(links.values())
    return {ticket_id: named[problem_id].name for ticket_id, problem_id in links.items() if problem_id in named}


def known_problems(database: Database) -> list[Problem]:
    return ProblemRepository(database).all()


def get_problem(database: Database, problem_id: int) -> Problem:
    problem = ProblemRepository(database).get(problem_id)
    if problem is None:
        raise NotFoundError(f"problemet {problem_id} finns inte")
    return problem
