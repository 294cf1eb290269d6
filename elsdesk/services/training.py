"""What the training lead's view shows for a week, gathered in one call (run in the background)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from elsdesk.domain import day_number_of_week, normalise_week
from elsdesk.services.problems import known_problems
from elsdesk.services.topics import agenda, go_live_date, module_volumes, weekly_topics
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.topics import TopicRepository

TOP_TOPICS_IN_CHART = 5


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


def training_overview(database: Database, week: str | None = None, recompute: bool = False, is_cancelled=None) -> TrainingOverview:
    weeks = TicketRepository(database).weeks()
    week = normalise_week(week) if week else (weeks[-1] if weeks else None)
    if week is None:
        return TrainingOverview("", [], go_live_date(database), None, {"week": "", "tickets": 0, "topics": []}, [], {})
    report = weekly_topics(database, week, recompute=recompute, is_cancelled=is_cancelled)
    topics = TopicRepository(database)
    history = {t["id"]: topics.counts_by_week(t["id"]) for t in report["topics"][:TOP_TOPICS_IN_CHART]}
    return TrainingOverview(
        week=week, weeks=weeks, go_live=go_live_date(database), day_number=day_number_of_week(week, go_live_date(database)),
        report=report, agenda_ids=[t["id"] for t in agenda(report)],
        volumes={w: v for w, v in module_volumes(database).items() if w <= week}, topic_history=history,
        problems=known_problems(database),
    )
