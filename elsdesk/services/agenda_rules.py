"""The week's training agenda: which topics it proposes (picked by a training lead, else the how-to
topics not done by the week's end, largest first) and when a topic counts as done (covered in a
training, or its known problem fixed or gone through, by a day). Used by the weekly topics
(:mod:`elsdesk.services.topics`), the exports and the Utbildning tab."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta

from elsdesk.domain import normalise_week, parse_week
from elsdesk.storage import Database
from elsdesk.storage.settings import SettingsRepository
from elsdesk.storage.topics import RegisteredTopic


HOW_TO = "handhavande"  # the kind whose topics the agenda proposes


def asks_training_day(week: str, today: date) -> bool:
    """Whether marking *week*'s topics gone through asks which day the training was, rather than taking today:
    the week ended before last week began. This week's and last week's agendas are gone through about now; a
    training lead recording an older week's training dated it today, and the training's effect (tickets
    before and after it) was counted from then."""
    last_monday = today - timedelta(days=today.weekday() + 7)
    return parse_week(week)[1] < last_monday


def topic_kind(problem, kinds: Counter) -> str | None:
    """A topic's kind: a known problem's own (people's links decide it), else most of its tickets' this week
    (a known how-to problem whose week the model read as faults stays on the how-to agenda); as many how-to
    questions as reports of another kind make it a how-to topic (a tester's empty referral inbox, four
    "var ser jag remisserna" beside four faults, was a fault topic and on no agenda)."""
    if problem is not None and problem.kind:
        return problem.kind
    if not kinds:
        return None
    most = max(kinds.values())
    return HOW_TO if kinds.get(HOW_TO) == most else kinds.most_common(1)[0][0]


def covered_on(registered: RegisteredTopic | None, problem) -> str | None:
    """The day a topic was covered in training: marked on the topic, or the day its known problem was
    set to "genomgånget på utbildning"."""
    if registered is not None and registered.covered_on:
        return registered.covered_on
    if problem is not None and problem.status == COVERED_STATUS:
        return problem.status_since
    return None


# a known problem with one of these statuses needs no training (fixed, or already covered in one)
COVERED_STATUS = "genomganget"
DONE_STATUSES = ("rattat", COVERED_STATUS)
AGENDA_KEY = "agenda_picks:{week}"  # a week's picked topic ids (JSON): a pick is for that week's training


def agenda_picks(database: Database, week: str) -> set[str]:
    """The topics a training lead picked for *week*'s agenda (none: the agenda is proposed)."""
    return picks_of(SettingsRepository(database).get(AGENDA_KEY.format(week=normalise_week(week))))


def picks_of(text: str | None) -> set[str]:
    """The topic ids a stored agenda-picks setting holds (an unreadable one holds none)."""
    try:
        return set(json.loads(text)) if text else set()
    except ValueError:
        return set()


AGENDA_MIN_TICKETS = 3  # a machine proposal's fewest tickets in the week to be proposed for the agenda: two alike reports are often one-offs
# a known problem the machine alone put one ticket under in the week is not proposed either: that one ticket
# may be another question ("Avboka" under "Boka i annan mottagnings tidbok"), quoted as the item's only example
AGENDA_MIN_PLACED = 2


def agenda(report: dict, limit: int = 10) -> list[dict]:
    """Topics for the training agenda: those picked, else how-to topics not done by the week's end
    (neither covered in a training nor a known problem fixed by then), largest first: the known
    problems people linked tickets to (that week, or :data:`AGENDA_MIN_PLACED` tickets the machine placed under
    it), and the machine's proposals of at least :data:`AGENDA_MIN_TICKETS`.
    A topic done later stays on the agendas of the weeks before: an agenda already held reads the same."""
    picked = [t for t in report["topics"] if t["on_agenda"]]
    if picked:
        return picked
    proposed = [t for t in report["topics"] if t["kind"] == HOW_TO and not done_by(t, report.get("week"))
                and _enough_for_agenda(t)]
    return proposed[:limit]


def _enough_for_agenda(topic: dict) -> bool:
    """Whether *topic* holds enough of the week to be proposed: a ticket people linked to it, a known
    problem's :data:`AGENDA_MIN_PLACED` tickets, or a proposal's :data:`AGENDA_MIN_TICKETS`."""
    if topic.get("linked_count"):
        return True
    return topic["count"] >= (AGENDA_MIN_PLACED if topic.get("problem") else AGENDA_MIN_TICKETS)


def done_by(topic: dict, week: str | None) -> bool:
    """Whether *topic* was covered in a training, or its known problem fixed or gone through, on or
    before the last day of *week* (any day without a week; a status set before the desk kept its day
    counts as long done)."""
    last_day = parse_week(week)[1].isoformat() if week else "9999-12-31"
    if topic.get("covered_on") and str(topic["covered_on"])[:10] <= last_day:
        return True
    if topic.get("problem_status") in DONE_STATUSES:
        since = topic.get("problem_status_since")
        return not since or since[:10] <= last_day
    return False
