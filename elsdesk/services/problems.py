"""Known problems: link tickets to them by name (creating a problem when the name is new) and read them.

The service desk's problem management in small: people decide which problem a ticket belongs
to; the week's topics are built from those links (see :mod:`elsdesk.services.topics`), and the
machine only proposes. A problem name is masked like ticket text before it is stored.
"""

from __future__ import annotations

from typing import Iterable

import hashlib
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date

from elsdesk.days import day_in_text, parse_day
from elsdesk.domain import BadInputError, ConflictError, NotFoundError, normalise_week
from elsdesk.masking import mask_text
from elsdesk.region_time import region_today
from elsdesk.services.permissions import CURATE_PROBLEMS, require
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.problems import Problem, ProblemRepository, clean_name
from elsdesk.storage.topics import RegisteredTopic, TopicRepository

MAX_NAME = 200
NO_TEACHABLE_NAME = "skriv problemet som ett namn en utbildare kan lära ut, t.ex. 'Signera given dos i utdelningsvyn'"
SUGGEST_PROBABILITY = 0.3  # a person confirms a suggestion, so it may be less sure than automatic placement
_matchers: dict[str, tuple[tuple, object]] = {}  # desk -> (what the matcher learnt from, the matcher)
_fitted: dict[bytes, object] = {}  # what a matcher learnt from (digest) -> the matcher, the last few
_matchers_lock = threading.Lock()


@dataclass(frozen=True)
class ProblemSuggestion:
    """The known problem a ticket is linked to (*linked*), or the one it most likely belongs to."""

    problem: Problem
    linked: bool
    similarity: float | None = None


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
        before = problems.links([ticket_id]).get(ticket_id)
        problem_id = None
        if cleaned:
            problem_id = problems.find_or_create(conn, cleaned, ticket.module, ticket.kind, actor)
        problems.link(conn, ticket_id, problem_id)
        problems.follow_linked_labels(conn, [i for i in (problem_id, before) if i])  # the new one and the one it left
    return problems.get(problem_id) if problem_id else None


def create_problem(database: Database, name: str, actor: str) -> tuple[Problem, bool]:
    """(the known problem called *name*, whether it was made now): made when the desk has none of that name (in any
    case), its module and kind then following the tickets linked to it. Only those who curate problems make them."""
    require(database, CURATE_PROBLEMS)
    cleaned = problem_name(name)
    if not cleaned:
        raise BadInputError(NO_TEACHABLE_NAME)
    problems = ProblemRepository(database)
    existing = problems.by_name(cleaned)
    if existing is not None:
        return existing, False
    with database.write() as conn:
        problem_id = problems.find_or_create(conn, cleaned, None, None, actor)
    return problems.get(problem_id), True


def weeks_gone_through(database: Database, weeks: Iterable[str]) -> set[str]:
    """Of the ISO *weeks*, those people went through, linking a tenth or more of their tickets to known problems
    (:meth:`~elsdesk.storage.problems.ProblemRepository.weeks_gone_through`): the tickets they leave unlinked there
    are judged no known problem, and the topics place none of them under one."""
    return set(ProblemRepository(database).weeks_gone_through("9999-12-31", weeks))


def unlink_tickets(database: Database, ticket_ids: Iterable[int]) -> dict[int, str]:
    """Take the tickets *ticket_ids* out of the known problems they are linked to (a wrong link: a proposal's
    take-over, a file or a slip), or that the topics placed them under; ticket id -> the name of the problem
    each linked one left. The topics take them all for no known problem from then on: they are neither placed
    under one again nor joined to one (:data:`~elsdesk.storage.problems.UNLINKED_KEY`). Only those who curate
    known problems may."""
    require(database, CURATE_PROBLEMS)
    tickets, problems = TicketRepository(database), ProblemRepository(database)
    ids = list(dict.fromkeys(ticket_ids))
    with database.write() as conn:
        linked = problems.links(ids)
        names = {pid: p.name for pid, p in problems.many(set(linked.values())).items()}
        by_week: dict[str, list[int]] = {}
        for ticket in tickets.fetch_many(ids):
            if ticket.id in linked:
                problems.link(conn, ticket.id, None)
            by_week.setdefault(ticket.iso_week, []).append(ticket.id)
        for week, week_ids in by_week.items():
            problems.record_unlinked(conn, week, week_ids)
        problems.follow_linked_labels(conn, set(linked.values()))
    return {ticket_id: names.get(problem_id, "") for ticket_id, problem_id in linked.items()}


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


def linked_ticket_counts(database: Database) -> dict[int, int]:
    """problem id -> the tickets people linked to it (a problem without links is left out)."""
    return ProblemRepository(database).linked_counts()


def get_problem(database: Database, problem_id: int) -> Problem:
    problem = ProblemRepository(database).get(problem_id)
    if problem is None:
        raise NotFoundError(f"problemet {problem_id} finns inte")
    return problem


# what people read for a known problem's status (the ids stay in the database and JSON)
STATUS_NAMES = {"oppet": "öppet", "workaround": "tillfällig lösning finns", "rattat": "rättat",
                "genomganget": "genomgånget på utbildning"}
# other words people type for a status ("Löst" was refused for a tester), folded as problem_status folds them
STATUS_WORDS = {"lost": "rattat", "atgardat": "rattat", "fixat": "rattat", "tillfallig losning": "workaround",
                "tillfallig losning finns": "workaround", "workaround finns": "workaround", "genomgatt": "genomganget", "ny": "oppet"}
_FOLDED = str.maketrans("åäö", "aao")


def problem_status(value: str) -> str:
    """The status id that *value* means: an id, a name or another word for it (:data:`STATUS_WORDS`), in any
    case, with or without å/ä/ö ("Workaround", "rättat", "Löst", "Genomgånget på utbildning"); BadInputError otherwise."""
    wanted = " ".join(str(value).casefold().split()).translate(_FOLDED)
    for status, name in STATUS_NAMES.items():
        if wanted in (status, name.translate(_FOLDED)):
            return status
    if wanted in STATUS_WORDS:
        return STATUS_WORDS[wanted]
    raise BadInputError(f"okänd status '{value}'; välj bland {', '.join(STATUS_NAMES.values())}")


def update_problem(database: Database, problem_id: int, on: date | str | None = None, **values) -> Problem:
    """Change a known problem's name, workaround, status (an id or a name of :data:`STATUS_NAMES`) or status note.

    A new status is kept with the day it was set (*on*, else a day the status note names, "genomgånget
    2025-05-14", else today): a problem fixed or gone through in training leaves the agendas of the
    weeks from that day on, not those already held. *on* alone corrects the day of the present status."""
    require(database, CURATE_PROBLEMS)
    current = get_problem(database, problem_id)
    if "status" in values:
        values["status"] = problem_status(values["status"])
    if "name" in values:
        values["name"] = problem_name(values["name"])
        if not values["name"]:
            raise BadInputError("ett känt problem behöver ett namn")
        other = ProblemRepository(database).by_name(values["name"])
        if other is not None and other.id != problem_id:
            raise BadInputError(f"det finns redan ett känt problem som heter '{other.name}'")
    for key in ("workaround", "status_note"):
        if values.get(key) is not None:
            values[key] = mask_text(str(values[key])).text.strip()
    if on is not None or values.get("status", current.status) != current.status:
        values["status_since"] = status_day(on, values.get("status_note")).isoformat()
    with database.write() as conn:
        ProblemRepository(database).update(conn, problem_id, **values)
    return get_problem(database, problem_id)


def status_day(on: date | str | None, note: str | None) -> date:
    """The day a status change took effect: *on* as given, else a day the note names, else today."""
    if isinstance(on, date):
        return on
    if on:
        return parse_day(str(on), "--on")
    return day_in_text(note) or region_today()


# -- the machine's proposals: people accept (name), merge or reject them ----------------------
def accept_proposal(database: Database, week: str, topic_id: str, name: str, actor: str) -> Problem:
    """Name a proposal: it becomes a known problem and its tickets of *week* are linked to it."""
    cleaned = problem_name(name)
    if not cleaned:
        raise BadInputError(NO_TEACHABLE_NAME)
    return _take_over(database, week, topic_id, actor, name=cleaned)


def merge_proposal(database: Database, week: str, topic_id: str, problem_id: int, actor: str) -> Problem:
    """The proposal is a known problem already: link its tickets of *week* to that problem."""
    get_problem(database, problem_id)
    return _take_over(database, week, topic_id, actor, problem_id=problem_id)


def reject_proposal(database: Database, topic_id: str, on: date | None = None) -> None:
    """The proposal is no problem to teach: it is not proposed again (its tickets stay unlinked)."""
    require(database, CURATE_PROBLEMS)
    topics = TopicRepository(database)
    _proposal(topics, topic_id)
    with database.write():
        topics.update_fields(topic_id, rejected_on=(on or region_today()).isoformat())


def _proposal(topics: TopicRepository, topic_id: str) -> RegisteredTopic:
    from elsdesk.services.topic_continuity import is_problem_topic

    topic = topics.get(topic_id)
    if topic is None or is_problem_topic(topic_id):
        raise NotFoundError(f"förslaget {topic_id} finns inte (ett känt problem är inget förslag)")
    return topic


def _take_over(database: Database, week: str, topic_id: str, actor: str, *, name: str | None = None,
               problem_id: int | None = None) -> Problem:
    from elsdesk.services.topic_continuity import problem_topic_id

    require(database, CURATE_PROBLEMS)
    week = normalise_week(week)
    topics, problems = TopicRepository(database), ProblemRepository(database)
    proposal = _proposal(topics, topic_id)
    result = next((r for r in topics.week_results(week) if r.topic_id == topic_id), None)
    if result is None:
        raise NotFoundError(f"förslaget {topic_id} har inga ärenden vecka {week}")
    members = TicketRepository(database).fetch_many(result.ticket_ids)
    kinds = Counter(t.kind for t in members if t.kind)
    with database.write() as conn:
        linked = problems.links([t.id for t in members])
        became = _problem_it_became(topics, topic_id, [t.id for t in members if t.id not in linked])
        if problem_id is None:
            problem_id = became
        if problem_id is None:
            problem_id = problems.find_or_create(conn, name, proposal.module, kinds.most_common(1)[0][0] if kinds else None,
                                                 actor)
        taken_over = {ticket.id: problem_id for ticket in members if ticket.id not in linked}
        for ticket_id in taken_over:  # a link a person made before stays as it is
            problems.link(conn, ticket_id, problem_id)
        problems.follow_linked_labels(conn, [problem_id])
        # the lead judged this topic, not the week: its other tickets are not one-offs to the matcher
        problems.record_proposal_links(conn, week, taken_over)
        target = problem_topic_id(problem_id)
        if topics.get(target) is None:
            topics.save_registered(RegisteredTopic(target, proposal.module, name or "", proposal.stems,
                                                   min(proposal.first_week or week, week), week))
        if not topics.get(topic_id).merged_into:  # accepted in another week already: it stays that problem
            topics.update_fields(topic_id, merged_into=target)
    return problems.get(problem_id)


def _problem_it_became(topics: TopicRepository, topic_id: str, unlinked: list[int]) -> int | None:
    """The known problem the proposal already became (accepted, or put under one, in another week), whose it is to
    take the week's *unlinked* tickets; None when it became none. ConflictError when it became one and has no ticket
    of the week left to link: another training lead accepted it at once (the second made a second problem without
    tickets, and no one said so)."""
    from elsdesk.services.topic_continuity import is_problem_topic, problem_id_of

    merged_into = getattr(topics.get(topic_id), "merged_into", None)
    if not merged_into:
        return None
    became = topics.get(merged_into)
    if unlinked and is_problem_topic(merged_into):
        # a training lead accepted it in week 47, then took week 46's reports of it: "tagits om hand på en annan
        # arbetsstation" on a desk she alone used (a tester)
        return problem_id_of(merged_into)
    raise ConflictError("förslaget har just tagits om hand på en annan arbetsstation: det är nu det kända problemet"
                        f" \"{became.label if became else merged_into}\"; listan visar det nu")


def suggest_problem(database: Database, ticket) -> ProblemSuggestion | None:
    """The ticket's known problem: the one it is linked to, else the nearest one learnt from the
    tickets people linked (None when none is near). For the review queue and the ticket form."""
    problems = ProblemRepository(database)
    if getattr(ticket, "id", None) is not None:
        linked = problems.links([ticket.id]).get(ticket.id)
        if linked is not None:
            return ProblemSuggestion(problems.get(linked), linked=True)
    matcher = _desk_matcher(database)
    if matcher is None:
        return None
    from elsdesk.ml.text import ticket_text

    found = matcher.best(ticket_text(ticket.title, ticket.description), ticket.module, SUGGEST_PROBABILITY,
                         getattr(ticket, "kind", None))
    if found is None:
        return None
    problem = problems.get(found[0])
    return ProblemSuggestion(problem, linked=False, similarity=found[1]) if problem else None


def _desk_matcher(database: Database):
    """A matcher learnt from every linked ticket of the desk, kept until the links or the problems'
    names change (the links by their number and a sum weighted by ticket id, which a moved link
    changes; read from the problem index alone)."""
    links = database.query("SELECT count(*), coalesce(sum(id * problem_id), 0) FROM tickets WHERE problem_id IS NOT NULL")
    state = (tuple(links[0]), tuple(tuple(row) for row in database.query("SELECT id, name FROM problems ORDER BY id")))
    with _matchers_lock:
        kept = _matchers.get(database.target)
        if kept is not None and kept[0] == state:
            return kept[1]
    if not state[0][0]:
        return None
    matcher = matcher_from_links(database, ProblemRepository(database).linked_before("9999"))
    with _matchers_lock:
        _matchers[database.target] = (state, matcher)
    return matcher


def matcher_from_links(database: Database, learnt: list[tuple[int, int]], end: str = "9999",
                       judged_weeks: list[str] | None = None):
    """A ProblemMatcher learnt from (ticket id, problem id) links: each problem from its tickets'
    texts and its name, and when a nearest problem is right from those tickets and from the
    tickets left unlinked (before *end*) in the weeks people linked (*judged_weeks*, when the
    caller has them: :meth:`~elsdesk.storage.problems.ProblemRepository.weeks_gone_through`)."""
    from elsdesk.services.topics import _reference_texts
    from elsdesk.topics.problem_matcher import MAX_TRAINING, ProblemMatcher, texts_of

    tickets, problems = TicketRepository(database), ProblemRepository(database)
    examples = tickets.fetch_many([ticket_id for ticket_id, _problem in learnt])
    problem_of = dict(learnt)
    ids = [problem_of[t.id] for t in examples]
    names = {problem_id: problem.name for problem_id, problem in problems.many(set(ids)).items()}
    if judged_weeks is None:
        judged_weeks = problems.weeks_gone_through(end)
    left = tickets.fetch_many(problems.unlinked_beside_links(end, MAX_TRAINING, judged_weeks))
    texts = texts_of(examples)
    modules, kinds = [t.module for t in examples], [t.kind for t in examples]
    unlinked = list(zip(texts_of(left), (t.module for t in left), (t.kind for t in left)))
    digest = hashlib.sha1(repr((texts, ids, modules, kinds, sorted(names.items()), unlinked)).encode("utf-8")).digest()
    with _matchers_lock:  # the weeks after the last links all learn from the same tickets: fit once
        kept = _fitted.get(digest)
    if kept is not None:
        return kept
    matcher = ProblemMatcher(reference_texts=_reference_texts()).fit(texts, ids, modules, kinds, names, unlinked,
                                                                      titles=[t.title for t in examples])
    with _matchers_lock:
        _fitted[digest] = matcher
        while len(_fitted) > 4:
            _fitted.pop(next(iter(_fitted)))
    return matcher
