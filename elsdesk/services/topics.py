"""Weekly recurring topics: the known problems and the machine's proposals of a week, their
identity across weeks (:mod:`elsdesk.topics.identity`), proposals of problems reported a little
every week (:mod:`elsdesk.topics.spread`), the comparison with the past, the newest weeks kept
worked out (:func:`keep_latest_weeks`), go-live and weekly volumes, and topics of any date range.
The training lead's edits are in :mod:`elsdesk.services.topic_edits`."""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from contextlib import contextmanager
from functools import lru_cache
from datetime import date, timedelta

from elsdesk.corpus import load_reference_corpus
from elsdesk.days import parse_day
from elsdesk.domain import (
    MODEL, BadInputError, Cancelled, NotFoundError, Ticket, TicketFilter, newest_week_so_far, normalise_week, parse_week,
    weeks_of_period,
)
from elsdesk.ml.text import ticket_text
from elsdesk.region_time import region_today
from elsdesk.services.agenda_rules import AGENDA_MIN_TICKETS, agenda_picks, covered_on, topic_kind
from elsdesk.services.permissions import SET_GO_LIVE, require
from elsdesk.services.topic_continuity import (
    continued_incidents, continued_proposals, group_of, group_of_topic, linked_earlier, problem_topic_id,
    problems_after_proposals, proposals_into_incidents, under_known_problems)
from elsdesk.services.topic_incidents import incident_groups, incident_state, incident_topic_id, incidents_of
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.database import POSTGRES
from elsdesk.storage.settings import SettingsRepository
from elsdesk.storage.incidents import IncidentRepository
from elsdesk.storage.problems import ProblemRepository
from elsdesk.storage.topics import RegisteredTopic, TopicRepository, TopicWeek
from elsdesk.topics.finder import FoundTopic, TopicFinder, Ticketish, label_from_keywords
from elsdesk.sign_offs import quoted_as
from elsdesk.topics.names import looks_english, respelled
from elsdesk.topics.identity import continuations, still_coming
from elsdesk.topics.problem_matcher import linked_twins, texts_of
from elsdesk.topics.spread import BACK_WEEKS as SPREAD_BACK_WEEKS, MAX_EARLIER as SPREAD_MAX_EARLIER, SpreadTopic, spread_topics
from elsdesk.topics.vectors import analyse

logger = logging.getLogger(__name__)
HISTORY_WEEKS = 8
KEEPER_LOCK = 7_305_216  # pg_try_advisory_lock key (with the database's): one workstation keeps a shared desk's topics


@lru_cache(maxsize=1)
def _seed_texts() -> tuple[str, ...]:
    return tuple(ticket_text(r["title"], r.get("description")) for r in load_reference_corpus())


def _reference_texts() -> list[str]:
    """The seed corpus (its rounds written as samples of a desk's words) as the topic finder's reference (built once
    per process)."""
    return list(_seed_texts())


def finder_ticket(ticket: Ticket, module: str | None = None) -> Ticketish:
    """What the topic finder needs of a stored ticket (in *module* when given). A kind the model
    guessed counts as much as the model was sure of it; a person's kind counts fully."""
    certainty = ticket.kind_confidence if ticket.label_source == MODEL and ticket.kind_confidence is not None else 1.0
    return Ticketish(str(ticket.id), ticket.title, ticket.description, module or ticket.module, ticket.kind, ticket.unit,
                     kind_certainty=certainty)


def week_tickets(database: Database, week: str) -> list[Ticket]:
    return list(TicketRepository(database).iter_tickets(TicketFilter(week=week)))


def previous_week(week: str) -> str:
    monday, _ = parse_week(week)
    year, number, _ = (monday - timedelta(days=7)).isocalendar()
    return f"{year}-W{number:02d}"


def _topic_id(week: str, found: FoundTopic) -> str:
    basis = f"{week}|{found.module}|{'|'.join(sorted(found.stems)[:10])}"
    return "T" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:8]


def compute_week(database: Database, week: str, is_cancelled=None, fingerprint: str | None = None) -> list[TopicWeek]:
    """Build this week's topics and store them: first the known problems people linked tickets to
    (with the unlinked tickets the matcher places under them clearly), then each open or confirmed
    incident's other tickets as one topic (:mod:`elsdesk.services.topic_incidents`), then proposals
    that the finder groups from what is left, matched to earlier weeks' proposals to keep their identity."""
    return _computed_week(database, week, is_cancelled, fingerprint)[0]


def _computed_week(database: Database, week: str, is_cancelled=None,
                   fingerprint: str | None = None) -> tuple[list[TopicWeek], list[Ticket]]:
    """:func:`compute_week`, and the week's tickets it read (so the caller need not read them again)."""
    week = normalise_week(week)
    tickets = week_tickets(database, week)
    ticketish = [finder_ticket(t) for t in tickets]
    problem_of, linked_ids, judged = _problems_of(database, week, tickets)
    incidents, in_incidents = incident_groups(tickets, incidents_of(database, week), linked_ids)
    finder = TopicFinder(reference_texts=_reference_texts())
    spelling = finder.learn_spelling(ticketish)  # the whole week's, for the names of its problems, incidents and proposals
    monday, _sunday = parse_week(week)
    problem_ids, described, found, rest = _known_and_found(
        finder, tickets, ticketish, problem_of, is_cancelled, linked_ids,
        aside={m for members in in_incidents for m in members},
        linked_earlier=linked_earlier(database, monday.isoformat(), set(problem_of.values())), judged=judged)
    found = _without_groups_taken_out(database, [week], found, tickets)
    found, moved = proposals_into_incidents(finder, tickets, in_incidents, found)
    rest = [i for i in rest if i not in moved]
    incident_topics = _described_apart(finder, ticketish, in_incidents)
    if is_cancelled and is_cancelled():
        raise Cancelled()  # a half-grouped week is not stored as the week's topics
    repo = TopicRepository(database)
    earlier_results = {past: repo.week_results(past) for past in _earlier_weeks(week, HISTORY_WEEKS)}  # read once
    shown_before = [r for r in repo.week_results(week) if "problem_id" not in r.detail and "incident_id" not in r.detail]
    spread = _spread_this_week(database, earlier_results, finder, ticketish, rest, found, is_cancelled)
    spread_of = {len(found) + i: s for i, s in enumerate(spread)}
    found += [s.topic for s in spread]
    problems = ProblemRepository(database).many(problem_ids)
    matched, halves = continued_proposals(database, earlier_results, finder, found, tickets)
    found, matched, spread_of = _halves_joined(finder, ticketish, found, matched, spread_of, halves)
    after_incident = continued_incidents(database, earlier_results, finder, found, tickets, set(matched))
    last_week = {r.topic_id for r in next(iter(earlier_results.values()), [])}
    first_here = [i for i, p in enumerate(problem_ids) if problem_topic_id(p) not in last_week]  # none last week
    after_proposal = {first_here[i]: topic_id for i, topic_id in problems_after_proposals(
        database, earlier_results, finder, [described[i] for i in first_here], tickets, {k.id for k in matched.values()}
    ).items()}
    results = []
    with database.write():
        for index, (problem_id, topic) in enumerate(zip(problem_ids, described)):
            problem = problems[problem_id]
            known = repo.get(problem_topic_id(problem_id)) or RegisteredTopic(
                problem_topic_id(problem_id), problem.module or topic.module, problem.name, topic.stems, week, week)
            known.label, known.module = problem.name, problem.module or topic.module
            known.first_week, known.last_week = min(known.first_week, week), max(known.last_week, week)
            known.stems = _blend(known.stems, topic.stems)
            repo.save_registered(known)
            linked = sum(1 for m in topic.members if tickets[m].id in linked_ids)
            result = _week_result(known.id, week, topic, tickets, problem_id=problem_id, linked=linked)
            if index in after_proposal:  # its earlier weeks are the proposal's (trend, weeks in a row, first seen)
                result.detail["after_topic"] = after_proposal[index]
            results.append(result)
        for incident, topic in zip(incidents, incident_topics):
            known = repo.get(incident_topic_id(incident.id)) or RegisteredTopic(
                incident_topic_id(incident.id), topic.module, incident.label, topic.stems, week, week)
            known.label, known.module = incident.label, topic.module  # named as the incident is
            known.first_week, known.last_week = min(known.first_week, week), max(known.last_week, week)
            known.stems = _blend(known.stems, topic.stems)
            repo.save_registered(known)
            results.append(_week_result(known.id, week, topic, tickets, incident_id=incident.id))
        names_taken: set[str] = set()
        earlier_kinds = _earlier_kinds(earlier_results)
        latest_counts = _latest_counts(earlier_results)
        shown_by_ticket = {ticket_id: r for r in shown_before for ticket_id in r.ticket_ids}
        fresh_names = {t.label for t in found}
        ids_taken = {k.id for k in matched.values()}  # a proposal continued from an earlier week keeps its own
        for index, topic in enumerate(found):
            known = matched.get(index)
            said = _said_in(topic, tickets) if known is not None else frozenset()
            if known is not None and known.rejected_on and not name_still_fits(known.label, topic, finder, said):
                # a proposal people rejected goes on only while its name still fits: a training lead's rejected pair
                # of one-offs ("Tidbok visar fel vecka") took over the next week's nine reports of interpreter
                # booking, renamed itself after them and hid them
                known = None
            before = _shown_before(shown_before, shown_by_ticket, topic, tickets, known.id if known else None, ids_taken)
            if known is None and before is not None:
                ids_taken.add(before.topic_id)
                known = repo.get(before.topic_id)
            if known is None:
                known = RegisteredTopic(_topic_id(week, topic), topic.module, topic.label, topic.stems, week, week)
            else:
                known.stems = _blend(known.stems, topic.stems)
                outgrown = _outgrown_pair(latest_counts.get(known.id), len(topic.members))
                earlier_names = [before.detail.get("name") if before else None, None if outgrown else known.label]
                if not known.rejected_on:  # a rejected proposal keeps the name it was rejected under
                    known.label = _proposal_name(topic, said, earlier_names,
                                                 names_taken | (fresh_names - {topic.label}), spelling, finder)
                known.first_week = min(known.first_week, week)
                known.last_week = max(known.last_week, week)
            names_taken.add(known.label)
            repo.save_registered(known)
            result = _week_result(known.id, week, topic, tickets, spread=spread_of.get(index))
            if index in after_incident:  # its earlier weeks are the incident's (trend, weeks in a row, first seen)
                result.detail["after_incident"] = after_incident[index]
            result.detail["name"] = known.label  # its name this week: a later week may rename it for its own tickets
            if earlier_kinds.get(known.id):  # its kinds this week and in the earlier weeks it was shown
                result.detail["kind_over_weeks"] = dict(Counter(topic.kind_mix) + earlier_kinds[known.id])
            results.append(result)
        repo.replace_week(week, results)
    SettingsRepository(database).set(f"topics_computed:{week}", fingerprint or week_fingerprint(database, week))
    return results, tickets


def _without_groups_taken_out(database: Database, weeks: list[str], found: list[FoundTopic],
                              tickets: list[Ticket]) -> list[FoundTopic]:
    """*found* without a proposal made only of tickets people took out of a known problem in *weeks*: they looked
    at them and said they belong to none (a training lead took two stray one-offs out of "Smärta" and they came back
    at once as the proposal "BVC hörselkontroll mall"). Such a ticket in a group with others stays in it."""
    taken_out = ProblemRepository(database).unlinked_by_people(weeks)
    if not taken_out:
        return found
    return [topic for topic in found if not all(tickets[m].id in taken_out for m in topic.members)]


def _halves_joined(finder: TopicFinder, ticketish: list[Ticketish], found: list[FoundTopic],
                   matched: dict[int, RegisteredTopic], spread_of: dict[int, SpreadTopic], halves: dict[int, int]
                   ) -> tuple[list[FoundTopic], dict[int, RegisteredTopic], dict[int, SpreadTopic]]:
    """*found* with each other half of a continued proposal (*halves*: found index -> the index it joins) in
    the proposal that continues, described again from their tickets together; *matched* and *spread_of* (keyed
    by found index) follow the topics to their new places. A group brought in from earlier weeks (*spread_of*)
    is nobody's half."""
    halves = {half: whole for half, whole in halves.items() if half not in spread_of and whole not in spread_of}
    if not halves:
        return found, matched, spread_of
    joined: dict[int, list[int]] = {}
    for half, whole in halves.items():
        joined.setdefault(whole, list(found[whole].members)).extend(found[half].members)
    wholes = sorted(joined)
    for whole, topic in zip(wholes, _described_apart(finder, ticketish, [joined[w] for w in wholes])):
        topic.module = found[whole].module
        found[whole] = topic
    kept = [index for index in range(len(found)) if index not in halves]
    place = {index: new for new, index in enumerate(kept)}
    return ([found[index] for index in kept], {place[i]: known for i, known in matched.items()},
            {place[i]: spread for i, spread in spread_of.items()})


def _proposal_name(topic: FoundTopic, said: set[str], earlier: list[str | None], taken: set[str], spelling,
                   finder: TopicFinder) -> str:
    """A continued proposal's name: the first of its *earlier* names (the one this week showed, then its
    latest) that still fits its tickets (:func:`name_still_fits`; *said*: the terms they say, :func:`_said_in`)
    and no other proposal of the week has or gets (*taken*), respelled as the week spells it; else the name its
    tickets give it now. An English name gives way to a Swedish one the week's tickets give (the agenda is read in
    Swedish: a tester's week of Swedish reports kept last week's "New junior doctor cannot prescribe")."""
    swedish_now = not looks_english(topic.label)
    kept = [name for name in earlier if name and name not in taken and name_still_fits(name, topic, finder, said)
            and not (swedish_now and looks_english(name))]
    return respelled(kept[0], spelling) if kept else topic.label


PAIR_OUTGROWN = 3  # a name a proposal under the agenda's size had gives way once it comes back this many times as large


def _latest_counts(earlier_results: dict[str, list[TopicWeek]]) -> dict[str, int]:
    """Each topic's count in the nearest of *earlier_results* (nearest week first) it was shown in."""
    counts: dict[str, int] = {}
    for results in earlier_results.values():
        for result in results:
            counts.setdefault(result.topic_id, result.count)
    return counts


def _outgrown_pair(latest: int | None, size: int) -> bool:
    """Whether a proposal last shown with *latest* tickets, fewer than an agenda takes (:data:`AGENDA_MIN_TICKETS`),
    comes back :data:`PAIR_OUTGROWN` times as large (*size*): the pair's name says little of the new tickets (a
    children's desk's nine reports of blank wristbands were named "Skrivare i barnakuten" after last week's pair of
    printer questions, "akuten" and "skrivaren" ending words of theirs)."""
    return latest is not None and latest < AGENDA_MIN_TICKETS and size >= PAIR_OUTGROWN * latest


def _said_in(topic: FoundTopic, tickets: list[Ticket]) -> set[str]:
    """The terms a topic's tickets say (its members index *tickets*): what an earlier name must still find in them
    (:func:`name_still_fits`)."""
    return {term for m in topic.members for term in analyse(ticket_text(tickets[m].title, tickets[m].description))}


def _earlier_kinds(earlier_results: dict[str, list[TopicWeek]]) -> dict[str, Counter]:
    """Each topic's tickets' kinds over the earlier weeks it was shown (*earlier_results*), read once per week
    worked out: a question asked every week is one kind, though the model reads two of one week's three
    reports as faults (a tester's "Signera given dos" was on W47's how-to agenda and off W48's)."""
    kinds: dict[str, Counter] = {}
    for results in earlier_results.values():
        for result in results:
            kinds.setdefault(result.topic_id, Counter()).update(result.detail.get("kind_mix", {}))
    return kinds


def _shown_before(shown: list[TopicWeek], shown_by_ticket: dict[int, TopicWeek], topic: FoundTopic,
                  tickets: list[Ticket], topic_id: str | None, taken: set[str]) -> TopicWeek | None:
    """The proposal this week showed before it was worked out again that *topic* is (the same topic id,
    else most of the same tickets: at least half of the two together, among those no other proposal
    continues, *taken*), so that a week already handed out keeps its proposals' names and identities when a
    ticket arrives or leaves (a tester re-imported a file with two new rows and saw "Kommer inte in, kortet
    läses inte" renamed "SITHS-kortet hittas inte" over the same two tickets, in that week and the weeks
    after it). *shown_by_ticket*: each ticket's shown proposal, so only those holding one of its tickets
    are compared."""
    if topic_id is not None:
        return next((r for r in shown if r.topic_id == topic_id), None)
    ids = {tickets[m].id for m in topic.members}
    shared = Counter(shown_by_ticket[i].topic_id for i in ids if i in shown_by_ticket)
    best, best_share = None, 0.5
    for result in shown:
        if result.topic_id not in shared or result.topic_id in taken:
            continue
        share = shared[result.topic_id] / (len(ids) + len(result.ticket_ids) - shared[result.topic_id])
        if share >= best_share:
            best, best_share = result, share
    return best


def name_still_fits(name: str | None, topic: FoundTopic, finder: TopicFinder | None = None,
                    said: set[str] = frozenset()) -> bool:
    """Whether a proposal's machine name from an earlier week still says what this week's tickets of it
    say: at least half of the name's telling words (:meth:`TopicFinder.telling_terms`: not the module's
    name, nor a word common in every kind of ticket) are among the topic's terms or the words its tickets
    say (*said*), or compounds ending alike (:func:`_ends_alike`); in a name with no telling word, all of
    its words. A proposal keeps its name from week to week while it does; a name taken from last week's
    odd ticket ("Kuratorn ser inte våra anteckningar" over a week of locums' missing access) gives way to
    this week's, and so does a name whose only word left is one every ticket may say ("RETTS saknas" over
    "triagefärg saknas" and "dialys lkm saknas i listan", a tester's second week). On the held-out topic
    regions this renamed twice as many proposals that took over an unrelated earlier one's identity as
    counting every word of the name did, and fewer of those that go on with their own problem. A name
    people gave is kept whatever (``custom_label``)."""
    if not name:
        return False
    words = [term for term in analyse(name) if "_" not in term]
    telling = finder.telling_terms(name, topic.module) if finder is not None else words
    present = {term for term in (*topic.stems, *said) if "_" not in term}
    held = sum(1 for term in telling or words if term in present or _ends_alike(term, present))
    return held == len(words) if not telling else 2 * held >= len(telling)


def _ends_alike(term: str, present: set[str]) -> bool:
    """Whether *term* is a compound ending in one of the *present* stems, or one of them a compound ending in
    *term* (four letters or more): a Swedish compound names what its last part names ("etikettskrivaren" over
    "skrivaren", "vätskebalansen" beside "balansen")."""
    return any(len(other) >= 4 and len(term) >= 4 and (term.endswith(other) or other.endswith(term))
               for other in present)


def _described_apart(finder: TopicFinder, ticketish: list[Ticketish], groups: list[list[int]]) -> list[FoundTopic]:
    """:meth:`TopicFinder.describe_groups` of *groups* (positions in *ticketish*) from their own tickets'
    texts only: an incident's few tickets are described without vectorising the whole week again."""
    if not groups:
        return []
    positions = sorted({m for members in groups for m in members})
    at = {position: index for index, position in enumerate(positions)}
    described = finder.describe_groups([ticketish[p] for p in positions], [[at[m] for m in members] for members in groups])
    for topic in described:  # back to positions in the week
        topic.members = [positions[m] for m in topic.members]
        topic.examples = [positions[m] for m in topic.examples]
    return described


def _known_and_found(finder: TopicFinder, tickets: list[Ticket], ticketish: list[Ticketish], problem_of: dict[int, int],
                     is_cancelled=None, linked_ids: set[int] = frozenset(), aside: set[int] = frozenset(),
                     linked_earlier: dict[int, list[Ticket]] | None = None, judged: set[int] = frozenset()
                     ) -> tuple[list[int], list[FoundTopic], list[FoundTopic], list[int]]:
    """(problem ids, their described groups, the finder's topics of the rest, the rest's positions):
    the tickets under a known problem (*problem_of*: ticket id -> problem id) grouped by problem, the
    others grouped by the finder; members are positions in *tickets*. The positions *aside* (an
    incident's tickets) are in neither; *linked_earlier* and *judged* (ticket ids) are what
    :func:`~elsdesk.services.topic_continuity.under_known_problems` needs."""
    by_problem: dict[int, list[int]] = {}
    rest = []
    for index, ticket in enumerate(tickets):
        if index in aside:
            continue
        if ticket.id in problem_of:
            by_problem.setdefault(problem_of[ticket.id], []).append(index)
        else:
            rest.append(index)
    problem_ids = sorted(by_problem)
    described = finder.describe_groups(ticketish, [by_problem[p] for p in problem_ids])
    for topic in described:
        topic.examples = _linked_first(topic, tickets, linked_ids)
    found = finder.find([ticketish[i] for i in rest], is_cancelled)
    for topic in found:  # back to positions in all the tickets
        topic.members = [rest[m] for m in topic.members]
        topic.examples = [rest[m] for m in topic.examples]
    earlier = linked_earlier or {}
    found, rest = under_known_problems(finder, tickets, described, found, rest, linked_ids,
                                        [earlier.get(p, []) for p in problem_ids], judged)
    return problem_ids, described, found, rest


def _linked_first(topic: FoundTopic, tickets: list[Ticket], linked_ids: set[int]) -> list[int]:
    """A known problem's examples: the reports people linked to it, the most typical first, before those
    the matcher placed under it (a wrong placement quoted on the agenda shows a trainer the wrong problem)."""
    linked = [m for m in topic.examples if tickets[m].id in linked_ids]
    linked += [m for m in topic.members if tickets[m].id in linked_ids and m not in linked]
    placed = [m for m in topic.examples if tickets[m].id not in linked_ids]
    quoted = {}  # each report quoted once: a linked copy of an example is no second example
    for m in linked + placed:
        quoted.setdefault(quoted_as(tickets[m].title, tickets[m].description), m)
    return list(quoted.values())[:len(topic.examples)]


def _spread_this_week(database: Database, earlier_results: dict[str, list[TopicWeek]], finder: TopicFinder,
                      ticketish: list[Ticketish], rest: list[int], found: list[FoundTopic],
                      is_cancelled=None) -> list[SpreadTopic]:
    """Proposals of problems reported a little every week (:mod:`elsdesk.topics.spread`): this week's
    tickets in no topic, grouped with those left over in the weeks before. Members are positions in the week."""
    grouped = {m for topic in found for m in topic.members}
    left = [i for i in rest if i not in grouped]
    spread = spread_topics(finder, [ticketish[i] for i in left], _left_over_before(database, earlier_results),
                           is_cancelled)
    if is_cancelled and is_cancelled():
        raise Cancelled()
    for item in spread:
        item.topic.members = [left[m] for m in item.topic.members]
        item.topic.examples = [left[m] for m in item.topic.examples]
    return spread


def _left_over_before(database: Database, earlier_results: dict[str, list[TopicWeek]]) -> list[tuple[str, Ticketish]]:
    """(week, ticket) of the tickets that no topic took in the :data:`~elsdesk.topics.spread.BACK_WEEKS`
    weeks before (their stored results are *earlier_results*, nearest first) whose topics are worked
    out, nearest week first, at most :data:`~elsdesk.topics.spread.MAX_EARLIER`."""
    settings, repo = SettingsRepository(database), TicketRepository(database)
    left: list[tuple[str, Ticketish]] = []
    for past, results in list(earlier_results.items())[:SPREAD_BACK_WEEKS]:
        if settings.get(f"topics_computed:{past}") is None:
            continue
        taken = {i for result in results for i in result.ticket_ids}
        for t in repo.iter_tickets(TicketFilter(week=past)):
            if t.id not in taken:
                left.append((past, finder_ticket(t)))
        if len(left) >= SPREAD_MAX_EARLIER:
            return left[:SPREAD_MAX_EARLIER]
    return left


def _week_result(topic_id: str, week: str, topic: FoundTopic, tickets: list[Ticket], problem_id: int | None = None,
                 linked: int = 0, spread: SpreadTopic | None = None, incident_id: int | None = None) -> TopicWeek:
    members = [tickets[m] for m in topic.members]
    detail = {
        "keywords": topic.keywords,
        "kind_mix": topic.kind_mix,
        "module_mix": topic.module_mix,
        "examples": [tickets[m].id for m in topic.examples],
    }
    if problem_id is not None:
        detail.update(problem_id=problem_id, linked=linked)
    if incident_id is not None:  # an open or confirmed incident's tickets of the week
        detail["incident_id"] = incident_id
    if spread is not None:  # proposed from a few reports a week (elsdesk.topics.spread)
        detail["spread_weeks"] = spread.weeks
        detail["spread_earlier"] = spread.earlier_by_week  # its reports of earlier weeks, in no topic there
    return TopicWeek(topic_id, week, len(members), [t.id for t in members], detail)


def _problems_of(database: Database, week: str, tickets: list[Ticket]) -> tuple[dict[int, int], set[int], set[int]]:
    """(ticket id -> problem id for the week, the ids people linked, the ids people judged no known
    problem): the links people made, and the unlinked tickets the matcher (learnt from every ticket
    linked up to the end of this week) places clearly; in a week people went through (linking a
    tenth or more of it) what they left unlinked is judged, and neither placed nor joined to a problem."""
    _monday, sunday = parse_week(week)
    return _problems_until(database, (sunday + timedelta(days=1)).isoformat(), tickets)


def _problems_until(database: Database, end: str, tickets: list[Ticket]) -> tuple[dict[int, int], set[int], set[int]]:
    """:func:`_problems_of` for the tickets of a period that ends before *end* (an ISO date)."""
    problems = ProblemRepository(database)
    links = problems.links([t.id for t in tickets])
    unlinked = [t for t in tickets if t.id not in links]
    learnt = problems.linked_before(end) if unlinked else []
    if not learnt:
        return links, set(links), set()
    # a week people went through and linked: what they left unlinked they judged no known problem; and so are the
    # tickets a person took out of a known problem
    weeks = problems.weeks_gone_through(end)
    gone_through = frozenset(weeks)
    taken_out = problems.unlinked_by_people({t.iso_week for t in unlinked})
    judged = {t.id for t in unlinked if t.iso_week in gone_through or t.id in taken_out}
    people_linked = set(links)
    left = [t for t in unlinked if t.id in judged and t.id not in taken_out]  # a copy people missed, not one they took out
    links = {**links, **_twins_of_linked(left, [t for t in tickets if t.id in links], links)}
    judged -= links.keys()
    unlinked = [t for t in unlinked if t.id not in judged and t.id not in links]
    if not unlinked:  # nothing left to place: no matcher is learnt
        return links, people_linked, judged
    from elsdesk.services.problems import matcher_from_links

    matcher = matcher_from_links(database, learnt, end, weeks)
    placed = matcher.match(texts_of(unlinked), [t.module for t in unlinked], [t.kind for t in unlinked])
    return {**links, **{t.id: p for t, p in zip(unlinked, placed) if p is not None}}, people_linked, judged


def _twins_of_linked(left: list[Ticket], linked: list[Ticket], links: dict[int, int]) -> dict[int, int]:
    """Ticket id -> problem id for the tickets people left unlinked in a week they went through (*left*)
    that are worded word for word as a ticket they linked (*linked*, by *links*): a report filed twice,
    one of them missed, is no judgement that it is another problem."""
    if not left or not linked:
        return {}
    twins = linked_twins(texts_of(left), texts_of(linked), [links[t.id] for t in linked])
    return {t.id: problem_id for t, problem_id in zip(left, twins) if problem_id is not None}


def _blend(old: dict[str, float], new: dict[str, float]) -> dict[str, float]:
    """A continued topic's stems: the mean of its stored and this week's, the 40 weightiest (equal weights by the
    stem, so that the same weeks keep the same stems in every process: the order of a set of strings is not)."""
    terms = set(old) | set(new)
    blended = {t: 0.5 * old.get(t, 0.0) + 0.5 * new.get(t, 0.0) for t in terms}
    return dict(sorted(blended.items(), key=lambda kv: (-kv[1], kv[0]))[:40])


def week_fingerprint(database: Database, week: str) -> str:
    """Changes whenever a ticket of the week is added, edited, relabelled or linked, whenever a
    link up to the week's end changes (the matcher learns from those where the week's unlinked
    tickets go), whenever a ticket of the few weeks before changes (their left-over tickets can
    join this week's proposals), and whenever a ticket of the week joins or leaves an incident that is
    not dismissed (:func:`~elsdesk.services.topic_incidents.incident_state`), and whenever a person takes a ticket of the
    week out of a known problem (:meth:`~elsdesk.storage.problems.ProblemRepository.unlinked_by_people`). Links made later leave the week as it is: accepting a proposal
    this week does not make every earlier week be worked out again."""
    labels = database.sql.string_agg(
        "coalesce(w.module, '-') || coalesce(w.model_version, '') || ':' || coalesce(CAST(w.problem_id AS TEXT), '')", 44)
    row = database.query(
        f"SELECT count(*), max(w.updated_at), sum(w.version), {labels}"
        " FROM (SELECT id, module, model_version, problem_id, updated_at, version FROM tickets"
        " WHERE iso_week = ? ORDER BY id) w", (week,))[0]
    _monday, sunday = parse_week(week)
    # problem ids count from 1: "> 0" lets SQLite read the few linked tickets by their problem index where
    # "IS NOT NULL" made it walk every ticket created before the day (1M desk: 0.3 ms against 430 ms)
    desk = database.query(
        "SELECT count(*), sum(problem_id), max(updated_at) FROM tickets WHERE problem_id > 0 AND created_at < ?",
        ((sunday + timedelta(days=1)).isoformat(),))[0]
    before = _earlier_weeks(week, SPREAD_BACK_WEEKS)  # their left-over tickets may join this week's proposals
    earlier = database.query(
        f"SELECT count(*), max(updated_at), sum(version) FROM tickets WHERE iso_week IN ({', '.join('?' * len(before))})",
        tuple(before))[0]
    incidents = incident_state(database, week)
    taken_out = sorted(ProblemRepository(database).unlinked_by_people([week]))  # placed tickets taken out change nothing else
    return hashlib.sha1("|".join(str(v) for v in (*row, *desk, *earlier, *incidents, taken_out)).encode("utf-8")).hexdigest()


def ensure_week(database: Database, week: str, recompute: bool = False, is_cancelled=None) -> list[TopicWeek]:
    """The week's stored topics, recomputed when its tickets changed since they were computed."""
    return _ensured_week(database, week, recompute, is_cancelled)[0]


def _ensured_week(database: Database, week: str, recompute: bool = False,
                  is_cancelled=None) -> tuple[list[TopicWeek], list[Ticket] | None]:
    """:func:`ensure_week`, and the week's tickets when it had to read them to recompute.

    This is the cache between views: the stored result is reused until the week's fingerprint
    (its tickets, labels and problem links, the desk's problems) changes."""
    week = normalise_week(week)
    stored = SettingsRepository(database).get(f"topics_computed:{week}")
    current = week_fingerprint(database, week)
    if recompute or stored != current:
        return _computed_week(database, week, is_cancelled, fingerprint=current)
    return TopicRepository(database).week_results(week), None


def _earlier_weeks(week: str, history: int) -> list[str]:
    """The *history* ISO weeks before *week*, nearest first."""
    earlier, cursor = [], week
    for _ in range(history):
        cursor = previous_week(cursor)
        earlier.append(cursor)
    return earlier


def _ensure_earlier(database: Database, earlier: list[str], is_cancelled=None) -> list[str]:
    """Bring the stored topics of the *earlier* weeks that have tickets up to date, oldest first so
    that identities flow forward; return the weeks that had to be recomputed."""
    known_weeks = set(TicketRepository(database).weeks())
    recomputed = []
    for past in reversed(earlier):
        if past in known_weeks:
            if is_cancelled and is_cancelled():
                break
            if _ensured_week(database, past, is_cancelled=is_cancelled)[1] is not None:
                recomputed.append(past)
    return recomputed


def newest_week(database: Database) -> str | None:
    """The week a desk's newest work is in: its newest week with tickets that has begun in the region
    (:func:`~elsdesk.domain.newest_week_so_far`; a ticket dated a year ahead by a slip does not count)."""
    return newest_week_so_far(TicketRepository(database).weeks(), region_today())


def keep_latest_weeks(database: Database, history: int = HISTORY_WEEKS, is_cancelled=None) -> list[str]:
    """Bring the newest week's stored topics, and those of the weeks its view compares with, up to
    date: what the Utbildning tab and ``topics`` then read without recomputing. Run in the
    background as tickets arrive and links change; returns the weeks recomputed (oldest first).
    On a shared server one workstation keeps them at a time; the others find them stored."""
    weeks = TicketRepository(database).weeks()
    if not weeks:
        return []
    with _keeping_alone(database) as alone:
        if not alone:
            return []
        latest = newest_week_so_far(weeks, region_today())  # the week the tab opens on, not a slip's week ahead
        recomputed = _ensure_earlier(database, _earlier_weeks(latest, history), is_cancelled)
        if not (is_cancelled and is_cancelled()) and _ensured_week(database, latest, is_cancelled=is_cancelled)[1] is not None:
            recomputed.append(latest)
        return recomputed


@contextmanager
def _keeping_alone(database: Database):
    """True while this connection is the desk's only keeper (a PostgreSQL advisory lock per desk
    database); always True on a local file, which has one workstation."""
    if database.backend != POSTGRES:
        yield True
        return
    lock = "(CAST(? AS INTEGER), hashtext(current_database()))"
    alone = bool(database.query(f"SELECT pg_try_advisory_lock{lock}", (KEEPER_LOCK,))[0][0])
    try:
        yield alone
    finally:
        if alone:
            database.query(f"SELECT pg_advisory_unlock{lock}", (KEEPER_LOCK,))


def went_on_from(detail: dict) -> str | None:
    """The topic id of the earlier week's topic a week's result goes on from under another id: the incident a
    proposal came after (``after_incident``), the proposal a known problem came after (``after_topic``); or None."""
    return detail.get("after_incident") or detail.get("after_topic")


def trend_of(count: int, previous: int) -> str:
    if previous == 0:
        return "new"
    if count >= previous * 1.25 and count - previous >= 2:
        return "rising"
    if count <= previous * 0.75 and previous - count >= 2:
        return "falling"
    return "steady"


def _trend(result: TopicWeek, previous: int, seen_before: bool) -> str:
    """A topic's trend; one that comes back after a week or more without reports is rising, not new,
    and a proposal of a few reports a week is steady when last week had none."""
    if previous == 0 and result.detail.get("spread_weeks"):
        return "steady"
    if previous == 0 and seen_before:
        return "rising"
    return trend_of(result.count, previous)


def counts_by_week(stored: dict[str, int], in_no_topic: dict[str, int]) -> Counter:
    """A topic's tickets per week: in its stored weeks as each week showed them, and for a proposal of a few
    reports a week (*in_no_topic*: its reports of earlier weeks that were in no topic there) those of the
    weeks where it was no topic. Added to a stored week, a report left out there made a later week's
    "previous week" say 3 where that week's agenda said 2 (a tester); the period export counts alike."""
    counts = Counter(stored)
    counts.update({past: n for past, n in in_no_topic.items() if not counts.get(past)})
    return counts


def _incident_statuses(database: Database, incident_ids: list[int]) -> dict[int, str]:
    """incident id -> its status ("open", "confirmed"), for the topics an incident's tickets make: an export and
    the CLI say "möjlig incident" or "bekräftad incident" where they said "förslag" (an outage-day tester)."""
    repo = IncidentRepository(database)
    statuses = {}
    for incident_id in sorted(set(incident_ids)):
        try:
            statuses[incident_id] = repo.get(incident_id).status
        except NotFoundError:  # removed meanwhile: the topic says nothing of it
            continue
    return statuses


def weekly_topics(database: Database, week: str, recompute: bool = False, history: int = HISTORY_WEEKS,
                  is_cancelled=None) -> dict:
    """The recurring topics of an ISO week, largest first, in the shape of ``elsdesk topics --json``."""
    week = normalise_week(week)
    tickets_repo = TicketRepository(database)
    topic_repo = TopicRepository(database)
    earlier = _earlier_weeks(week, history)
    _ensure_earlier(database, earlier, is_cancelled)
    results, read = _ensured_week(database, week, recompute, is_cancelled)
    total = tickets_repo.count(TicketFilter(week=week)) if read is None else len(read)
    ticket_ids = {i for r in results for i in r.ticket_ids} | {i for r in results for i in r.detail.get("examples", [])}
    if read is None:
        by_id = {t.id: t for t in tickets_repo.fetch_many(sorted(ticket_ids))}
    else:  # just computed: the tickets are at hand
        by_id = {t.id: t for t in read if t.id in ticket_ids}
    problems = ProblemRepository(database).many(r.detail["problem_id"] for r in results if "problem_id" in r.detail)
    incident_statuses = _incident_statuses(database, [r.detail["incident_id"] for r in results if "incident_id" in r.detail])
    picked = agenda_picks(database, week)
    stored_counts = topic_repo.counts_by_week_of_many(  # one read for all topics and the earlier ones some go on from
        [r.topic_id for r in results] + [went_on_from(r.detail) for r in results if went_on_from(r.detail)])
    topics = []
    for result in results:
        registered = topic_repo.get(result.topic_id)
        if registered is not None and registered.rejected_on:
            continue  # people said this proposal is no problem to teach
        problem = problems.get(result.detail.get("problem_id"))
        counts = counts_by_week(stored_counts[result.topic_id], result.detail.get("spread_earlier", {}))
        if went_on_from(result.detail):  # a proposal after an earlier week's incident, a problem after a proposal
            counts.update({past: n for past, n in stored_counts[went_on_from(result.detail)].items()
                           if past < week and not counts.get(past)})
        previous = counts.get(earlier[0], 0) if earlier else 0
        recurring = 1
        for past in earlier:
            if counts.get(past):
                recurring += 1
            else:
                break
        seen_before = [past for past, n in counts.items() if n and past < week]
        kinds = Counter(result.detail.get("kind_mix", {}))
        kind = topic_kind(problem, Counter(result.detail.get("kind_over_weeks") or kinds))
        members = [by_id[i] for i in result.ticket_ids if i in by_id]
        since_go_live = sum(n for past, n in counts.items() if past <= week)
        # a name people gave; else the machine's name of this week (a later week's tickets may have renamed it since)
        label = (registered.custom_label or result.detail.get("name") or registered.label if registered
                 else label_from_keywords(result.detail.get("keywords", [])))
        topics.append({
            "id": result.topic_id,
            "label": problem.name if problem else label,
            "problem": problem.name if problem else None,
            "status": "confirmed" if problem else "proposed",
            "workaround": problem.workaround if problem else "",
            "problem_status": problem.status if problem else None,
            "problem_status_since": problem.status_since if problem else None,
            "linked_count": result.detail.get("linked", 0),
            "incident_id": result.detail.get("incident_id"),  # the topic is this incident's tickets of the week
            "incident_status": incident_statuses.get(result.detail.get("incident_id")),  # open or confirmed
            "after_incident": result.detail.get("after_incident"),  # the earlier week's incident topic it goes on from
            "after_topic": went_on_from(result.detail),  # the earlier topic (an incident's or a proposal) it goes on from
            "module": (problem.module if problem else None) or (registered.module if registered else None),
            "kind": kind,
            "keywords": result.detail.get("keywords", []),
            "count": result.count,
            "ticket_ids": [t.external_id for t in members],
            "previous_count": previous,
            "trend": _trend(result, previous, bool(seen_before)),
            "weeks_recurring": recurring,
            "since_go_live": since_go_live,
            "audience": {"roles": dict(Counter(t.reporter_role for t in members if t.reporter_role).most_common()),
                         "units": dict(Counter(t.unit for t in members if t.unit).most_common())},
            "first_week": min([registered.first_week if registered else week, *seen_before]),
            "kind_mix": dict(kinds),
            "module_mix": result.detail.get("module_mix", {}),
            "examples": [{"id": by_id[i].external_id, "title": by_id[i].title, "description": by_id[i].description}
                         for i in result.detail.get("examples", []) if i in by_id],
            "covered_on": covered_on(registered, problem),
            "on_agenda": result.topic_id in picked,
        })
    topics.sort(key=lambda t: (-t["count"], t["label"]))
    return {"week": week, "tickets": total, "topics": topics}


def alike_this_week(database: Database, week: str, earlier_topic_ids: list[str]) -> dict[str, int]:
    """How many of *week*'s tickets are like each of the week before's topics (stored, by id), whatever topic, module
    or kind they got this week (:func:`elsdesk.topics.identity.still_coming`)."""
    week = normalise_week(week)
    stored = {r.topic_id: r for r in TopicRepository(database).week_results(previous_week(week))}
    earlier = [stored[i] for i in earlier_topic_ids if i in stored]
    if not earlier:
        return {}
    repo = TicketRepository(database)
    groups = [group_of(None, repo.fetch_many(result.ticket_ids)) for result in earlier]
    texts = [ticket_text(t.title, t.description) for t in week_tickets(database, week)]
    counts = still_coming(TopicFinder(reference_texts=_reference_texts()), groups, texts)
    return {result.topic_id: count for result, count in zip(earlier, counts)}


# -- go-live and weekly volumes ------------------------------------------------------------------
def go_live_is_set(database: Database) -> bool:
    """Whether someone set the desk's go-live day (else :func:`go_live_date` takes the oldest ticket's day)."""
    return bool(SettingsRepository(database).get("go_live"))


def go_live_date(database: Database) -> date | None:
    """The desk's go-live day as set, else the oldest ticket's day, else None."""
    value = SettingsRepository(database).get("go_live")
    if value:
        return date.fromisoformat(value)
    rows = database.query("SELECT min(created_at) FROM tickets")
    return date.fromisoformat(rows[0][0][:10]) if rows and rows[0][0] else None


def set_go_live(database: Database, value: str) -> date:
    """Set the desk's go-live day, written in any form :func:`elsdesk.days.parse_day` reads."""
    require(database, SET_GO_LIVE)
    parsed = parse_day(value)
    SettingsRepository(database).set("go_live", parsed.isoformat())
    return parsed


GO_LIVE_DOUBT_DAYS = 31  # a go-live this long after the desk's newest ticket is more likely a slip than a plan


def newest_ticket_day_before(database: Database, go_live: date) -> date | None:
    """The day of the desk's newest ticket when *go_live* comes more than GO_LIVE_DOUBT_DAYS after it (every
    week of the desk then reads as before go-live, "D-152": a mistyped year, a new user's finding); None
    otherwise: a desk set up before its go-live, with its trial tickets of the weeks before, is no slip."""
    newest = TicketRepository(database).latest_created_at()
    if newest is None:
        return None
    day = date.fromisoformat(newest[:10])
    return day if (go_live - day).days > GO_LIVE_DOUBT_DAYS else None


def module_volumes(database: Database) -> dict[str, dict[str, int]]:
    """Tickets per ISO week per module since the first ticket: {week: {module: count}}."""
    rows = database.query("SELECT iso_week, coalesce(module, ''), count(*) FROM tickets GROUP BY iso_week, module ORDER BY iso_week")
    volumes: dict[str, dict[str, int]] = {}
    for week, module, count in rows:
        volumes.setdefault(week, {})[module] = count
    return volumes


# -- any date range ----------------------------------------------------------------------------
def _found_in(database: Database, start: date, end: date) -> tuple[list[Ticket], list[int], list[FoundTopic], list[FoundTopic]]:
    """The period's tickets and its topics: first the known problems (people's links and the
    tickets the matcher places clearly, as in a week), then what the finder groups from the rest;
    as (tickets, problem ids, the known problems' topics in their order, the proposals)."""
    tickets = TicketRepository(database).created_between(start.isoformat(), end.isoformat() + "T23:59:59")
    problem_of, linked, judged = _problems_until(database, (end + timedelta(days=1)).isoformat(), tickets)
    finder = TopicFinder(reference_texts=_reference_texts())
    problem_ids, known, found, _rest = _known_and_found(
        finder, tickets, [finder_ticket(t) for t in tickets], problem_of, linked_ids=linked,
        linked_earlier=linked_earlier(database, start.isoformat(), set(problem_of.values())), judged=judged)
    return tickets, problem_ids, known, found


def _in_rejected_proposals(database: Database, start: date, end: date) -> set[int]:
    """The ids of the tickets that the stored weeks from *start* to *end* hold in a proposal people rejected: a
    range's proposal made mostly of them stays away, as it does in the weeks (a training lead's rejected
    proposals came back in ``topics --from --to``)."""
    repo = TopicRepository(database)
    rejected = {t.id for t in repo.registry() if t.rejected_on}
    if not rejected:
        return set()
    return {ticket_id for week in weeks_of_period(start, end) for result in repo.week_results(week)
            if result.topic_id in rejected for ticket_id in result.ticket_ids}


def range_topics(database: Database, start: date | str, end: date | str) -> dict:
    """Recurring topics of any date range, compared with the range of equal length just before it:
    the known problems (named, with status and workaround) and proposals, as in a week.

    Unlike weekly topics, nothing is stored: the ids of proposals are only stable within one answer. A proposal
    made mostly of tickets that a stored week holds in a proposal people rejected is left out."""
    start, end = (date.fromisoformat(str(d)) for d in (start, end))
    if end < start:
        raise BadInputError(f"slutdatum {end} ligger före startdatum {start}")
    length = (end - start).days + 1
    tickets, problem_ids, known, proposals = _found_in(database, start, end)
    rejected = _in_rejected_proposals(database, start, end)
    proposals = [t for t in proposals if sum(tickets[m].id in rejected for m in t.members) * 2 < len(t.members)]
    proposals = _without_groups_taken_out(database, weeks_of_period(start, end), proposals, tickets)
    before, earlier_problems, earlier_known, earlier_proposals = _found_in(
        database, start - timedelta(days=length), start - timedelta(days=1))
    earlier_count = {p: len(topic.members) for p, topic in zip(earlier_problems, earlier_known)}
    matched = continuations(TopicFinder(reference_texts=_reference_texts()), [group_of_topic(t, tickets) for t in proposals],
                            [group_of_topic(t, before) for t in earlier_proposals])
    problems = ProblemRepository(database).many(problem_ids)
    previous_proposal = {i: len(earlier_proposals[e].members) for i, e in matched.items()}
    entries = [(problems.get(p), topic, earlier_count.get(p, 0)) for p, topic in zip(problem_ids, known)]
    entries += [(None, topic, previous_proposal.get(i, 0)) for i, topic in enumerate(proposals)]
    topics = []
    for problem, topic, previous in entries:
        kinds = Counter(topic.kind_mix)
        topics.append({
            "id": problem_topic_id(problem.id) if problem else _topic_id(f"{start}/{end}", topic),
            "label": problem.name if problem else topic.label,
            "problem": problem.name if problem else None,
            "status": "confirmed" if problem else "proposed",
            "problem_status": problem.status if problem else None,
            "workaround": problem.workaround if problem else "",
            "module": (problem.module if problem else None) or topic.module,
            "kind": topic_kind(problem, kinds), "keywords": topic.keywords,
            "count": len(topic.members), "ticket_ids": [tickets[m].external_id for m in topic.members],
            "previous_count": previous, "trend": trend_of(len(topic.members), previous),
            "kind_mix": dict(kinds), "module_mix": topic.module_mix,
            "examples": [{"id": tickets[m].external_id, "title": tickets[m].title, "description": tickets[m].description}
                         for m in topic.examples],
        })
    topics.sort(key=lambda t: (-t["count"], t["label"]))
    return {"from": start.isoformat(), "to": end.isoformat(), "tickets": len(tickets), "topics": topics}
