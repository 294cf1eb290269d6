"""The training lead's edits of a week's topics: rename, mark covered, pick for the agenda, merge
and split. What people curate lives in the topic registry (a week's agenda picks in the settings,
by week), so a recomputation never undoes it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from datetime import date

from elsdesk.domain import BadInputError, NotFoundError, normalise_week
from elsdesk.services.permissions import EDIT_TOPICS, require
from elsdesk.services.problems import problem_name
from elsdesk.services.agenda_rules import AGENDA_KEY, picks_of
from elsdesk.services.topic_continuity import is_problem_topic, problem_id_of
from elsdesk.services.topics import _reference_texts, _topic_id, finder_ticket
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.problems import ProblemRepository
from elsdesk.storage.settings import upsert_setting
from elsdesk.storage.topics import RegisteredTopic, TopicRepository, TopicWeek
from elsdesk.topics.finder import TopicFinder


def _require(repo: TopicRepository, topic_id: str) -> RegisteredTopic:
    topic = repo.get(topic_id)
    if topic is None:
        raise NotFoundError(f"ämnet {topic_id} finns inte")
    return topic


def rename_topic(database: Database, topic_id: str, label: str) -> None:
    """Name a topic (a known problem's topic: the problem) as a person typed it, identifiers masked
    first: the name is shown, exported and stored as every ticket text is."""
    require(database, EDIT_TOPICS)
    repo = TopicRepository(database)
    _require(repo, topic_id)
    label = problem_name(label) or ""
    if not label:
        raise BadInputError("ett ämne behöver ett namn")
    problems = ProblemRepository(database)
    with database.write() as conn:
        if is_problem_topic(topic_id):  # a known problem's topic is named by the problem itself
            other = problems.by_name(label)
            if other is not None and other.id != problem_id_of(topic_id):
                raise BadInputError(f"det finns redan ett känt problem som heter '{other.name}'")
            problems.update(conn, problem_id_of(topic_id), name=label)
        repo.update_fields(topic_id, custom_label=label)


def mark_covered(database: Database, topic_id: str, on: date | str | None) -> None:
    require(database, EDIT_TOPICS)
    repo = TopicRepository(database)
    _require(repo, topic_id)
    with database.write():
        repo.update_fields(topic_id, covered_on=str(on) if on else None)


def set_on_agenda(database: Database, topic_id: str, picked: bool, week: str) -> None:
    """Pick *topic_id* for *week*'s agenda, or take it off; other weeks' agendas stay as they are
    (a pick used to be the topic's for every week it appeared in)."""
    change_agenda(database, week, add=[topic_id] if picked else [], remove=[] if picked else [topic_id])


def change_agenda(database: Database, week: str, add: Iterable[str] = (), remove: Iterable[str] = (),
                  proposed: Iterable[str] = ()) -> None:
    """Put the topics *add* on *week*'s agenda and take *remove* off it, in one write. The first change of a week
    whose agenda is still the one proposed (no picks yet: *proposed*, the topic ids it proposes) starts from that
    agenda: a training lead who adds the rising referral-inbox problem keeps the three how-to topics beside it."""
    require(database, EDIT_TOPICS)
    add, remove = list(add), list(remove)
    repo = TopicRepository(database)
    for topic_id in add + remove:
        _require(repo, topic_id)
    key = AGENDA_KEY.format(week=normalise_week(week))
    with database.write() as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        picks = picks_of(row[0] if row else None) or set(proposed)  # read inside the write: two changes at once both stay
        upsert_setting(conn, key, json.dumps(sorted((picks | set(add)) - set(remove))))


def merge_refusal(topic_ids: list[str]) -> str | None:
    """Why *topic_ids* cannot be merged (None when they can): fewer than two, or two known problems.
    The window asks it before it asks to confirm, and :func:`merge_topics` refuses by it."""
    if len(topic_ids) < 2:
        return "välj minst två ämnen att slå ihop"
    if sum(1 for topic_id in topic_ids if is_problem_topic(topic_id)) > 1:
        return ("två kända problem kan inte slås ihop till ett ämne; välj ett känt problem och "
                "de förslag som hör till det")
    return None


def merge_topics(database: Database, week: str, topic_ids: list[str]) -> str:
    """Merge topics into the first one, this week and from now on; return the surviving id.

    A known problem among them survives whatever the order, and the proposals merged with it are
    put under it (their tickets of *week* linked to it, :func:`~elsdesk.services.problems.merge_proposal`):
    its linked tickets never end up under a proposal. Two known problems are not merged here."""
    require(database, EDIT_TOPICS)
    week = normalise_week(week)
    refusal = merge_refusal(topic_ids)
    if refusal:
        raise BadInputError(refusal)
    repo = TopicRepository(database)
    for topic_id in topic_ids:
        _require(repo, topic_id)
    known = [topic_id for topic_id in topic_ids if is_problem_topic(topic_id)]
    if known:
        return _merge_into_problem(database, week, known[0], [t for t in topic_ids if t != known[0]])
    keep, *others = topic_ids
    results = {r.topic_id: r for r in repo.week_results(week)}
    if keep not in results:
        raise NotFoundError(f"ämnet {keep} finns inte vecka {week}")
    survivor = results[keep]
    for other in others:
        if other in results:
            merged = results.pop(other)
            survivor.ticket_ids = sorted(set(survivor.ticket_ids) | set(merged.ticket_ids))
            kinds = Counter(survivor.detail.get("kind_mix", {}))
            kinds.update(merged.detail.get("kind_mix", {}))
            survivor.detail["kind_mix"] = dict(kinds)
    survivor.count = len(survivor.ticket_ids)
    with database.write():
        for other in others:
            repo.update_fields(other, merged_into=keep)
        repo.replace_week(week, list(results.values()))
    return keep


def _merge_into_problem(database: Database, week: str, problem_topic: str, proposals: list[str]) -> str:
    """Put *proposals* under the known problem of *problem_topic*: those with tickets in *week* get
    them linked to it (the views work the week out again, as its links changed), the others only
    bring their history along."""
    from elsdesk.services.problems import merge_proposal

    repo = TopicRepository(database)
    in_week = {r.topic_id for r in repo.week_results(week)}
    for proposal in proposals:
        if proposal in in_week:
            merge_proposal(database, week, proposal, problem_id_of(problem_topic), actor="")  # the problem exists: no creator to name
        else:
            with database.write():
                repo.update_fields(proposal, merged_into=problem_topic)
    return problem_topic


def split_topic(database: Database, week: str, topic_id: str) -> list[str]:
    """Split a topic into tighter sub-topics (leftovers stay with the original id)."""
    require(database, EDIT_TOPICS)
    week = normalise_week(week)
    repo = TopicRepository(database)
    original = _require(repo, topic_id)
    results = {r.topic_id: r for r in repo.week_results(week)}
    if topic_id not in results:
        raise NotFoundError(f"ämnet {topic_id} finns inte vecka {week}")
    tickets = TicketRepository(database).fetch_many(results[topic_id].ticket_ids)
    finder = TopicFinder(distance_threshold=0.75, min_size=2, reference_texts=_reference_texts())
    parts = finder.find([finder_ticket(t, original.module) for t in tickets])
    if len(parts) < 2:
        raise BadInputError("ämnet går inte att dela i tydligare delar")
    new_ids = []
    placed: set[int] = set()
    with database.write():
        for part in parts[1:]:
            members = [tickets[m] for m in part.members]
            new = RegisteredTopic(_topic_id(week + "split", part), original.module, part.label, part.stems, week, week)
            repo.save_registered(new)
            results[new.id] = TopicWeek(new.id, week, len(members), [t.id for t in members], {
                "keywords": part.keywords, "kind_mix": part.kind_mix, "module_mix": part.module_mix,
                "examples": [tickets[m].id for m in part.examples]})
            placed.update(t.id for t in members)
            new_ids.append(new.id)
        keep = results[topic_id]
        keep.ticket_ids = [i for i in keep.ticket_ids if i not in placed]
        keep.count = len(keep.ticket_ids)
        repo.replace_week(week, list(results.values()))
    return new_ids
