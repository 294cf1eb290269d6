"""Which of a week's groups people already know: a proposal that continues an earlier week's
proposal keeps its identity (:func:`continued_proposals`), and a proposal that is the same problem as
tickets people linked to a known problem joins that problem (:func:`under_known_problems`), as one that is the
same problem as an incident's tickets joins the incident (:func:`proposals_into_incidents`). They
compare small samples of tickets as :class:`~elsdesk.topics.identity.Group` s with
:func:`~elsdesk.topics.identity.continuations`, the one rule for "the same topic" across weeks.
Used by :mod:`elsdesk.services.topics`."""

from __future__ import annotations

from collections import Counter

from elsdesk.domain import MODEL, Ticket
from elsdesk.ml.text import ticket_text
from elsdesk.services.topic_incidents import is_incident_topic
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.topics import RegisteredTopic, TopicRepository, TopicWeek
from elsdesk.topics.finder import FoundTopic, TopicFinder
from elsdesk.topics.identity import FULL_TOPIC, Group, continuations, continuations_and_halves

CARRY_SAMPLE = 12  # tickets of a topic compared with another week's topic


def problem_topic_id(problem_id: int) -> str:
    """A known problem's topic keeps one id in every week: its identity is the problem's."""
    return f"P{problem_id}"


def is_problem_topic(topic_id: str) -> bool:
    return topic_id.startswith("P") and topic_id[1:].isdigit()


def problem_id_of(topic_id: str) -> int:
    """The known problem whose topic *topic_id* is (see :func:`problem_topic_id`; check :func:`is_problem_topic` first)."""
    return int(topic_id[1:])


def group_of_topic(topic: FoundTopic, tickets: list[Ticket], grouped=None) -> Group:
    """A found topic's tickets for comparing with another week's (its first members: a sample), as *grouped*
    (:func:`group_of` unless given) groups them."""
    return (grouped or group_of)(topic.module, [tickets[m] for m in topic.members[:CARRY_SAMPLE]])


def group_of(module: str | None, members: list[Ticket]) -> Group:
    return Group(module, [t.kind for t in members], [ticket_text(t.title, t.description) for t in members])


def continued_proposals(database: Database, earlier_results: dict[str, list[TopicWeek]], finder: TopicFinder,
                        found: list[FoundTopic], tickets: list[Ticket]
                        ) -> tuple[dict[int, RegisteredTopic], dict[int, int]]:
    """(found index -> the earlier proposal it continues (of the weeks the view compares with, whose
    stored results are *earlier_results*, nearest week first), found index -> the found index that continues
    the earlier proposal it is the other half of (:func:`~elsdesk.topics.identity.continuations_and_halves`));
    a proposal people rejected is continued too, so that it stays rejected."""
    repo = TopicRepository(database)
    registered = {t.id: t for t in repo.registry()
                  if not is_problem_topic(t.id) and not is_incident_topic(t.id) and not t.merged_into}
    modules = {t.module for t in found}
    latest = _latest_ids(earlier_results, lambda r: r.topic_id in registered and registered[r.topic_id].module in modules)
    if not found or not latest:
        return {}, {}
    members_of = _latest_tickets(database, latest)
    earlier_ids = list(latest)
    # a kind only the model guessed tells weeks apart no more than it keeps a proposal from its known problem (see
    # under_known_problems): a how-to proposal of eight and seven reports was "ny" in its third week, off the agenda,
    # when the model read four of its five reports there as faults (a training lead's three weeks)
    earlier = [group_of_people_kinds(registered[topic_id].module, members_of[topic_id]) for topic_id in earlier_ids]
    pairs, halves = continuations_and_halves(finder, [group_of_topic(t, tickets, group_of_people_kinds) for t in found],
                                             earlier)
    return {index: registered[earlier_ids[e]] for index, e in pairs.items()}, halves


def continued_incidents(database: Database, earlier_results: dict[str, list[TopicWeek]], finder: TopicFinder,
                        found: list[FoundTopic], tickets: list[Ticket], taken: set[int]) -> dict[int, str]:
    """found index -> the topic id of an earlier week's incident (of *earlier_results*, nearest week first) that the
    proposal goes on from, for the proposals not in *taken* (those that continue a proposal): a rehab desk's
    missing prescriber role was an incident of 16 reports one week and "ny" with 12 more the next."""
    latest = _latest_ids(earlier_results, lambda r: "incident_id" in r.detail)
    open_ = [i for i in range(len(found)) if i not in taken]
    if not latest or not open_:
        return {}
    members_of = _latest_tickets(database, latest)
    earlier_ids = [topic_id for topic_id in latest if members_of[topic_id]]
    earlier = [_in_commonest_module(members_of[topic_id], group_of_people_kinds) for topic_id in earlier_ids]
    pairs = continuations(finder, [group_of_topic(found[i], tickets, group_of_people_kinds) for i in open_], earlier)
    return {open_[c]: earlier_ids[e] for c, e in pairs.items()}


def problems_after_proposals(database: Database, earlier_results: dict[str, list[TopicWeek]], finder: TopicFinder,
                             described: list[FoundTopic], tickets: list[Ticket], taken: set[str]) -> dict[int, str]:
    """index in *described* (known problems of this week that had no topic last week) -> the topic id of an earlier
    week's proposal (of *earlier_results*, nearest week first) that the problem goes on from, for the proposals no
    proposal of this week continues (*taken*: topic ids) and people did not reject: a region's import named its known
    problems in their second week, and each was "ny" beside last week's proposal of the same reports ("Vb
    ordination", five, then "Vid behov-ordinationer syns inte i utdelningsvyn", seven: "stabil", not "ny")."""
    if not described:
        return {}
    repo = TopicRepository(database)
    proposals = {t.id for t in repo.registry() if not is_problem_topic(t.id) and not is_incident_topic(t.id)
                 and not t.merged_into and not t.rejected_on and t.id not in taken}
    latest = _latest_ids(earlier_results, lambda r: r.topic_id in proposals)
    if not latest:
        return {}
    members_of = _latest_tickets(database, latest)
    earlier_ids = [topic_id for topic_id in latest if members_of[topic_id]]
    earlier = [_in_commonest_module(members_of[topic_id], group_of_people_kinds) for topic_id in earlier_ids]
    pairs = continuations(finder, [group_of_topic(topic, tickets, group_of_people_kinds) for topic in described], earlier)
    return {index: earlier_ids[e] for index, e in pairs.items()}


def _latest_ids(earlier_results: dict[str, list[TopicWeek]], wanted) -> dict[str, list[int]]:
    """topic id -> the first :data:`CARRY_SAMPLE` ticket ids of its nearest week in *earlier_results* (nearest week
    first), for the stored results *wanted* (a predicate) keeps."""
    latest: dict[str, list[int]] = {}
    for results in earlier_results.values():
        for result in results:
            if result.topic_id not in latest and wanted(result):
                latest[result.topic_id] = result.ticket_ids[:CARRY_SAMPLE]
    return latest


def _latest_tickets(database: Database, latest: dict[str, list[int]]) -> dict[str, list[Ticket]]:
    """topic id -> its tickets of *latest* (ids) still in the desk, read in one go."""
    by_id = {t.id: t for t in TicketRepository(database).fetch_many(sorted({i for ids in latest.values() for i in ids}))}
    return {topic_id: [by_id[i] for i in ids if i in by_id] for topic_id, ids in latest.items()}


def _in_commonest_module(members: list[Ticket], grouped) -> Group:
    """*members* as *grouped* (:func:`group_of` or :func:`group_of_people_kinds`) groups them, in their commonest
    module: an incident's tickets may span modules (an outage the model spread over several)."""
    return grouped(Counter(t.module for t in members).most_common(1)[0][0], members)


def under_known_problems(finder: TopicFinder, tickets: list[Ticket], described: list[FoundTopic],
                          found: list[FoundTopic], rest: list[int], linked_ids: set[int] = frozenset(),
                          linked_earlier: list[list[Ticket]] | None = None,
                          judged: set[int] = frozenset()) -> tuple[list[FoundTopic], list[int]]:
    """The proposals that would have been one group with the tickets people linked to a known problem
    (the rule that keeps a proposal's identity across weeks) join that problem: people linked some of a
    problem's tickets, the matcher did not dare place the rest, and the finder grouped them into a second
    topic of the same problem (a tester's "Vidimera provsvar" with 4 tickets beside the proposal
    "Provsvar vidimering" with 4 more, both on one agenda). The tickets people linked are those of the
    period, then the newest of before it (*linked_earlier*, one list per problem of *described*): a
    problem linked last week keeps its second topic no more than one linked this week. A kind only the
    model guessed keeps a proposal from its problem no longer ("När jag ska signera att jag delat ut
    morgonmedicinen" read as a fault beside the how-to problem "Signera given dos"). A problem whose
    tickets the matcher placed, none ever linked by people, takes in no proposal: measured on the held-out
    weeks that cost more precision than it gained recall. A proposal of tickets people left unlinked in a
    week they went through (*judged*: ticket ids; half of its tickets or more) joins none when it is a pair: they
    judged those no known problem (a tester's two printer questions under "Provetiketter skrivs inte ut"); one of
    :data:`~elsdesk.topics.identity.FULL_TOPIC` tickets or more joins only when it is
    :data:`~elsdesk.topics.identity.HALF_MARGIN` more alike than the cut. A region's week export named a known
    problem on 15 of 123 rows, which made the week gone through, and each of its ten problems stood on the agenda
    beside a proposal of the same problem's other reports ("Vb ordination", five, beside "Vid behov-ordinationer syns
    inte i utdelningsvyn"): three or more reports of the very problem linked are work not yet done, not a judgement.
    Returns the proposals left and the positions under no known problem."""
    earlier = linked_earlier or [[] for _ in described]
    people_linked = [([tickets[m] for m in topic.members if tickets[m].id in linked_ids] + before)[:CARRY_SAMPLE]
                     for topic, before in zip(described, earlier)]
    linked = [i for i, members in enumerate(people_linked) if members]
    if not found or not linked:
        return found, rest
    judged_mostly = {i for i, t in enumerate(found) if 2 * sum(1 for m in t.members if tickets[m].id in judged) >= len(t.members)}
    open_to_join = [i for i, t in enumerate(found) if i not in judged_mostly or len(t.members) >= FULL_TOPIC]
    if not open_to_join:
        return found, rest
    groups = [group_of_people_kinds(described[i].module, people_linked[i]) for i in linked]
    proposals = [group_of_people_kinds(found[i].module, [tickets[m] for m in found[i].members[:CARRY_SAMPLE]]) for i in open_to_join]
    strict = {position for position, i in enumerate(open_to_join) if i in judged_mostly}
    pairs = {open_to_join[proposal]: linked[problem]
             for proposal, problem in continuations(finder, proposals, groups, strict).items()}
    if not pairs:
        return found, rest
    moved: set[int] = set()
    for proposal, problem in pairs.items():
        described[problem].members = described[problem].members + found[proposal].members
        moved.update(found[proposal].members)
    return [t for i, t in enumerate(found) if i not in pairs], [i for i in rest if i not in moved]


def proposals_into_incidents(finder: TopicFinder, tickets: list[Ticket], in_incidents: list[list[int]],
                             found: list[FoundTopic]) -> tuple[list[FoundTopic], set[int]]:
    """(*found* without the proposals that would have been one group with an incident's tickets of the week, the
    positions that moved): each such proposal's tickets join that incident's (*in_incidents*, positions, extended
    in place), by the rule that keeps a proposal's identity across weeks, in the incident's commonest module. A
    fees desk's double charges came as a burst of five that the import flagged as an incident, and the week's five
    other reports of it stood beside it as a proposal: the problem was two topics of half its size each."""
    if not found or not in_incidents:
        return found, set()
    incidents = [_in_commonest_module([tickets[m] for m in members[:CARRY_SAMPLE]], group_of) for members in in_incidents]
    pairs = continuations(finder, [group_of_topic(topic, tickets) for topic in found], incidents)
    moved: set[int] = set()
    for proposal, incident in pairs.items():
        in_incidents[incident].extend(found[proposal].members)
        moved.update(found[proposal].members)
    return [topic for i, topic in enumerate(found) if i not in pairs], moved


def group_of_people_kinds(module: str | None, members: list[Ticket]) -> Group:
    """:func:`_group_of` with only the kinds people set: a kind the model guessed (right 74-86% of the
    time) makes no difference between a proposal and a known problem."""
    group = group_of(module, members)
    group.kinds = [t.kind if t.label_source != MODEL else None for t in members]
    return group


def linked_earlier(database: Database, start: str, problem_ids: set[int]) -> dict[int, list[Ticket]]:
    """problem id -> the newest :data:`CARRY_SAMPLE` tickets people linked to it that were created
    before *start* (an ISO date), newest first."""
    if not problem_ids:
        return {}
    ids = sorted(problem_ids)
    rows = database.query(
        "SELECT id, problem_id FROM (SELECT id, problem_id, row_number() OVER"
        " (PARTITION BY problem_id ORDER BY created_at DESC, id DESC) AS n FROM tickets"
        f" WHERE problem_id IN ({', '.join('?' * len(ids))}) AND created_at < ?) newest WHERE n <= ?",
        (*ids, start, CARRY_SAMPLE))
    by_id = {t.id: t for t in TicketRepository(database).fetch_many([row[0] for row in rows])}
    earlier: dict[int, list[Ticket]] = {}
    for ticket_id, problem_id in rows:
        if ticket_id in by_id:
            earlier.setdefault(problem_id, []).append(by_id[ticket_id])
    for members in earlier.values():
        members.sort(key=lambda t: (t.created_at, t.id), reverse=True)
    return earlier
