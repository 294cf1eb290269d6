"""What the training lead's view shows for a week, gathered in one call (run in the background)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from elsdesk.domain import (
    day_number_of_week, iso_week_of, newest_week_so_far, normalise_week, parse_datetime, parse_week, weeks_of_period,
)
from elsdesk.region_time import region_today
from elsdesk.services.problems import known_problems
from elsdesk.services.agenda_rules import agenda
from elsdesk.services.topics import go_live_date, module_volumes, weekly_topics
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.topics import TopicRepository

TOP_TOPICS_IN_CHART = 5
EFFECT_WEEKS = 4  # weeks shown before and after a topic was covered


@dataclass
class CoveredEffect:
    """Tickets per week for a topic before and after the training that covered it."""

    covered_on: str
    covered_week: str
    before: list[tuple[str, int]]
    after: list[tuple[str, int]]

    @staticmethod
    def _mean(weeks: list[tuple[str, int]]) -> float | None:
        return sum(count for _, count in weeks) / len(weeks) if weeks else None

    @property
    def mean_before(self) -> float | None:
        return self._mean(self.before)

    @property
    def mean_after(self) -> float | None:
        return self._mean(self.after)


def covered_effect(counts: dict[str, int], covered_on: str, computed_weeks: list[str]) -> CoveredEffect:
    """Split a topic's weekly counts around the week it was covered (that week itself is in neither
    side, unless the training was on its Monday: then the whole week came after it, and on its Sunday
    before it; a training lead's Monday session showed "Efter: inga veckor" with the week after it worked
    out). A week whose topics were worked out without this topic counts 0; a week never worked out is
    left out, since nothing is known about it."""
    covered_week = iso_week_of(covered_on)
    weekday = parse_datetime(covered_on).weekday()
    before = [(w, counts.get(w, 0)) for w in computed_weeks
              if w < covered_week or (w == covered_week and weekday == 6)][-EFFECT_WEEKS:]
    after = [(w, counts.get(w, 0)) for w in computed_weeks
             if w > covered_week or (w == covered_week and weekday == 0)][:EFFECT_WEEKS]
    return CoveredEffect(covered_on, covered_week, before, after)


@dataclass
class TrainingOverview:
    week: str
    weeks: list[str]
    go_live: date | None
    day_number: int | None
    report: dict
    agenda_ids: list[str]
    volumes: dict[str, dict[str, int]]
    topic_history: dict[str, dict[str, int]] = field(default_factory=dict)
    problems: list = field(default_factory=list)  # the desk's known problems, for merging a proposal
    effects: dict[str, CoveredEffect] = field(default_factory=dict)  # per covered topic


QUIET_GAP_WEEKS = 4  # the longest run of weeks without tickets the charts draw as empty weeks


def with_quiet_weeks(volumes: dict[str, dict[str, int]], longest_gap: int = QUIET_GAP_WEEKS) -> dict[str, dict[str, int]]:
    """*volumes* (ISO week -> tickets per module) with the weeks between its weeks that have none, as none: the charts
    went from v48 straight to v50 (a GUI tester's finding). A longer quiet run than *longest_gap* weeks is left out:
    a demo month of last year kept beside a real go-live would otherwise fill the chart with fifty empty weeks."""
    filled: dict[str, dict[str, int]] = {}
    previous_end = None
    for week in sorted(volumes):
        start, end = parse_week(week)
        if previous_end is not None:
            quiet = weeks_of_period(previous_end + timedelta(days=1), start - timedelta(days=1))
            if len(quiet) <= longest_gap:
                filled.update((between, {}) for between in quiet)
        filled[week] = volumes[week]
        previous_end = end
    return filled


def training_overview(database: Database, week: str | None = None, recompute: bool = False, is_cancelled=None,
                      or_newest: bool = False) -> TrainingOverview:
    """The Utbildning tab's week: its topics, agenda, charts and known problems. *week* defaults to the
    newest week with tickets that has begun (:func:`~elsdesk.domain.newest_week_so_far`); with *or_newest* so does a
    week the desk holds no tickets of."""
    weeks = TicketRepository(database).weeks()
    week = normalise_week(week) if week else None
    if week is None or (or_newest and week not in weeks):
        week = newest_week_so_far(weeks, region_today())
    if week is None:
        return TrainingOverview("", [], go_live_date(database), None, {"week": "", "tickets": 0, "topics": []}, [], {})
    report = weekly_topics(database, week, recompute=recompute, is_cancelled=is_cancelled)
    topics = TopicRepository(database)
    charted = report["topics"][:TOP_TOPICS_IN_CHART]
    covered = [t for t in report["topics"] if t.get("covered_on")]
    counts = topics.counts_by_week_of_many(t["id"] for t in charted + covered)  # one read for all of them
    history = {t["id"]: counts[t["id"]] for t in charted}
    computed = topics.computed_weeks() if covered else []
    effects = {t["id"]: covered_effect(counts[t["id"]], t["covered_on"], computed) for t in covered}
    return TrainingOverview(
        week=week, weeks=weeks, go_live=go_live_date(database), day_number=day_number_of_week(week, go_live_date(database)),
        report=report, agenda_ids=[t["id"] for t in agenda(report)],
        volumes=with_quiet_weeks({w: v for w, v in module_volumes(database).items() if w <= week}), topic_history=history,
        problems=known_problems(database), effects=effects,
    )
