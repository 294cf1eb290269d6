"""The training overview of a period (``export --from DAY --to DAY`` or ``--weeks W..W``): every
topic of the period's ISO weeks as the weekly views showed it, stitched by identity, with its
tickets per week and a plain-Swedish trend over the period (avtagande, kvarstår, ökande, ny under
perioden, tillfällig). Written by the same writers as the weekly export (:func:`write_export`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import ClassVar

from elsdesk.domain import BadInputError, Cancelled, day_label, parse_week, week_day_number, weeks_of_period
from elsdesk.periods import MAX_PERIOD_DAYS, period_key, period_problem
from elsdesk.services.export import ExportData, role_names, shown_topic
from elsdesk.services.labels import desk_taxonomy
from elsdesk.services.agenda_rules import covered_on, topic_kind
from elsdesk.services.topic_continuity import is_problem_topic, problem_id_of
from elsdesk.services.topics import go_live_date, go_live_is_set, weekly_topics
from elsdesk.storage import Database
from elsdesk.storage.problems import ProblemRepository
from elsdesk.storage.topics import TopicRepository


@dataclass
class RangeExportData(ExportData):
    """The training overview of a period (``export --from --to``): every topic of the period's ISO
    weeks as the weekly views showed it, stitched by identity (a known problem keeps its id, a
    proposal accepted or merged brings its weeks along), with its tickets per week in the period
    and its trend over the period (:func:`elsdesk.export.range_tables.period_trend`).

    ``week`` is the period's key (``2027-03-08_2027-04-02``), used for file names; ``weeks`` the
    ISO weeks the period touches, oldest first; ``partial_weeks`` those of them the period covers
    only in part, with the first and last day it covers; ``volumes`` counts only the period's days."""
    weeks: list[str] = field(default_factory=list)
    partial_weeks: dict[str, tuple[date, date]] = field(default_factory=dict)
    compared_weeks: tuple[str, str] | None = None   # the weeks the trend compares (None: one week, no trend)

    is_range: ClassVar[bool] = True

    @property
    def title(self) -> str:
        from elsdesk.export.tables import period

        days = f" ({self.day_label})" if self.day_label else ""
        if self.language == "en":
            return f"Stabilisation training overview {period(self)}{days}"
        return f"Stabiliseringsutbildning, översikt {period(self)}{days}"

    @property
    def day_label(self) -> str:
        """'D+2–D+27': days since go-live of the period's first and last day ('' without go-live)."""
        if self.go_live is None:
            return ""
        first, last = ((day - self.go_live).days for day in (self.first_day, self.last_day))
        return f"{day_label(first)}–{day_label(last)}"


def _partial_weeks(weeks: list[str], start: date, end: date) -> dict[str, tuple[date, date]]:
    """The weeks of *weeks* the period covers only in part: week -> (first day, last day) covered."""
    partial = {}
    for week in weeks:
        monday, sunday = parse_week(week)
        first, last = max(monday, start), min(sunday, end)
        if (first, last) != (monday, sunday):
            partial[week] = (first, last)
    return partial


def build_range_export(database: Database, start: date | str, end: date | str, language: str = "sv",
                       is_cancelled=None, progress=None) -> RangeExportData:
    """The training overview of the days *start* to *end*: each ISO week's topics (worked out when
    not yet stored, as the weekly export does; a week already kept is read as it is), stitched by
    topic identity, largest in the period first. *progress* (done, total) is called after each
    week; *is_cancelled* is checked before each and inside a week being worked out (raises
    :class:`~elsdesk.domain.Cancelled`)."""
    start, end = (d if isinstance(d, date) else date.fromisoformat(str(d)) for d in (start, end))
    if end < start:
        raise BadInputError(f"--to {end.isoformat()} ligger före --from {start.isoformat()}")
    weeks = weeks_of_period(start, end)
    partial = _partial_weeks(weeks, start, end)
    reports = {}
    for done, week in enumerate(weeks):
        if is_cancelled and is_cancelled():
            raise Cancelled()
        reports[week] = weekly_topics(database, week, is_cancelled=is_cancelled)
        if progress:
            progress(done + 1, len(weeks))
    go_live = go_live_date(database)
    taxonomy = desk_taxonomy(database)
    topics = [shown_topic(topic) for topic in _stitched_topics(database, weeks, reports, partial)]
    volumes = period_volumes(database, start, end)
    compared = compared_weeks(weeks, partial)
    for topic in topics:
        topic["trend"] = period_trend(topic["week_counts"], compared, topic["seen_before"])
    topics.sort(key=lambda t: (-t["count"], t["label"]))
    return RangeExportData(
        week=period_key(start, end), first_day=start, last_day=end,
        day_number=week_day_number(start - timedelta(days=start.weekday()), go_live), go_live=go_live,
        go_live_assumed=go_live is not None and not go_live_is_set(database),
        tickets=sum(sum(v.values()) for v in volumes.values()), agenda=[], topics=topics,
        module_names={m.id: m.name(language) for m in taxonomy.modules},
        kind_names={k.id: k.name(language) for k in taxonomy.kinds},
        volumes=volumes, language=language, role_names=role_names(taxonomy, topics, language),
        weeks=weeks, partial_weeks=partial, compared_weeks=compared,
    )


def period_volumes(database: Database, start: date, end: date) -> dict[str, dict[str, int]]:
    """Tickets per ISO week per module created on the days *start* to *end* (a partial week counts
    only its days in the period): {week: {module: count}}."""
    rows = database.query(
        "SELECT iso_week, coalesce(module, ''), count(*) FROM tickets WHERE created_at >= ? AND created_at < ?"
        " GROUP BY iso_week, module ORDER BY iso_week",
        (start.isoformat(), (end + timedelta(days=1)).isoformat()))
    volumes: dict[str, dict[str, int]] = {}
    for week, module, count in rows:
        volumes.setdefault(week, {})[module] = count
    return volumes


def _ids_in_period(database: Database, week: str, start: date, end: date) -> set[int]:
    """The ids of *week*'s tickets created on the days *start* to *end*."""
    rows = database.query("SELECT id FROM tickets WHERE iso_week = ? AND created_at >= ? AND created_at < ?",
                          (week, start.isoformat(), (end + timedelta(days=1)).isoformat()))
    return {row[0] for row in rows}


def _stitched_topics(database: Database, weeks: list[str], reports: dict[str, dict],
                     partial: dict[str, tuple[date, date]]) -> list[dict]:
    """One topic per identity over *weeks* (a merged or accepted proposal under the topic it lives
    on in), with ``week_counts`` (tickets per week of the period), ``count`` (their sum) and
    ``seen_before`` (reported in a week before the period). Counts per week are the stored ones
    (:meth:`~elsdesk.storage.topics.TopicRepository.counts_by_week_of_many`, which brings a merged
    proposal's weeks along); a week the period covers in part counts only its tickets of the period."""
    repo = TopicRepository(database)
    living: dict[str, str] = {}
    latest: dict[str, dict] = {}     # living id -> its topic dict of the latest week it is in
    own: dict[str, dict] = {}        # living id -> its own (not a merged topic's) dict of the latest week
    entries: dict[str, list[dict]] = {}
    for week in weeks:
        for topic in reports[week]["topics"]:
            if topic["id"] not in living:
                living[topic["id"]] = repo.resolve(topic["id"])
            alive = living[topic["id"]]
            latest[alive] = topic
            entries.setdefault(alive, []).append(topic)
            if alive == topic["id"]:
                own[alive] = topic
    went_on = _earlier_topics_gone_on(reports, weeks, living)
    for earlier, later in went_on.items():  # the earlier topic's weeks are the later one's row's
        living.update({topic_id: later for topic_id, alive in living.items() if alive == earlier})
        if earlier in latest:
            entries[later] = entries.pop(earlier) + entries[later]
            del latest[earlier]
            own.pop(earlier, None)
    stored = repo.counts_by_week_of_many([*latest, *went_on])
    for earlier, later in went_on.items():
        for week, n in stored.pop(earlier, {}).items():
            stored[later][week] = stored[later].get(week, 0) + n
    add_reports_in_no_topic(repo, weeks, partial, living, stored)
    for week, (first, last) in partial.items():
        _count_part_of_week(database, repo, week, first, last, living, stored)
    problems = ProblemRepository(database).many(problem_id_of(i) for i in latest if is_problem_topic(i))
    topics = []
    for topic_id, topic in latest.items():
        registered = repo.get(topic_id)
        if registered is not None and registered.rejected_on:
            continue
        counts = stored.get(topic_id, {})
        week_counts = {week: int(counts.get(week, 0)) for week in weeks}
        if not sum(week_counts.values()):
            continue  # its tickets of a partial week all lie outside the period
        topics.append(_period_topic(own.get(topic_id) or topic, topic_id, registered, problems, entries[topic_id],
                                    counts, week_counts))
    return topics


def _earlier_topics_gone_on(reports: dict[str, dict], weeks: list[str], living: dict[str, str]) -> dict[str, str]:
    """An earlier week's topic -> the living id of a topic of the period that goes on from it under another id (its
    ``after_topic``: a proposal after an incident, a known problem after a proposal): one problem, one row (the
    incident of 16 reports and the next week's proposal of 12 were two rows, the second "ny under perioden")."""
    went_on: dict[str, str] = {}
    for week in weeks:
        for topic in reports[week]["topics"]:
            earlier = topic.get("after_topic")
            if earlier and living.get(earlier, earlier) != living[topic["id"]]:
                went_on[living.get(earlier, earlier)] = living[topic["id"]]
    return went_on


def add_reports_in_no_topic(repo: TopicRepository, weeks: list[str], partial: dict[str, tuple[date, date]],
                            living: dict[str, str], stored: dict[str, dict[str, int]]) -> None:
    """Add to *stored* the reports of a proposal of a few reports a week from weeks where they were in no
    topic (a problem asked once a week is proposed once it has come back in three of five weeks): the
    weekly view counts them (last week's count, weeks recurred), and the period's table showed such a
    question 0, 0, 1, 1 and "ny under perioden" where it was asked every week. A week the period covers
    in part is counted from its tickets instead (:func:`_count_part_of_week`)."""
    earlier: dict[str, dict[str, int]] = {}
    for week in weeks:
        for result in repo.week_results(week):
            for past, n in (result.detail.get("spread_earlier") or {}).items():
                alive = living.get(result.topic_id) or repo.resolve(result.topic_id)
                counted = earlier.setdefault(alive, {})
                counted[past] = max(counted.get(past, 0), int(n))  # later weeks see the same earlier reports
    for topic_id, by_week in earlier.items():
        if topic_id not in stored:
            continue
        for past, n in by_week.items():
            if past not in partial and not stored[topic_id].get(past):
                stored[topic_id][past] = n


def _count_part_of_week(database: Database, repo: TopicRepository, week: str, first: date, last: date,
                        living: dict[str, str], stored: dict[str, dict[str, int]]) -> None:
    """Replace *week*'s counts in *stored* by the tickets of its stored topics created from *first*
    to *last*; as :meth:`~elsdesk.storage.topics.TopicRepository.counts_by_week_of_many` does, a
    topic's own result wins over those merged into it."""
    inside = _ids_in_period(database, week, first, last)
    own: dict[str, int] = {}
    merged: dict[str, int] = {}
    for result in repo.week_results(week):
        alive = living.get(result.topic_id) or repo.resolve(result.topic_id)
        n = sum(1 for i in result.ticket_ids if i in inside)
        target = own if alive == result.topic_id else merged
        target[alive] = target.get(alive, 0) + n
    for topic_id, counts in stored.items():
        counts[week] = own.get(topic_id, merged.get(topic_id, 0))


def _period_topic(topic: dict, topic_id: str, registered, problems: dict, entries: list[dict],
                  counts: dict[str, int], week_counts: dict[str, int]) -> dict:
    """The period's entry of a topic: its latest weekly entry (*topic*) named as it is now, with its
    counts per week (*counts*: all its stored weeks, *week_counts*: the period's), and the audience,
    kinds and key words of its weekly *entries* (its own and those merged into it) summed: a week's key
    word counts by its tickets that week and its place in that week's list (a problem of three weeks took
    the key words of its last week's two tickets, one of them linked wrongly)."""
    problem = problems.get(problem_id_of(topic_id)) if is_problem_topic(topic_id) else None
    first_period_week = next(iter(week_counts))
    roles, units, kinds, words = Counter(), Counter(), Counter(), Counter()
    for entry in entries:
        roles.update((entry.get("audience") or {}).get("roles") or {})
        units.update((entry.get("audience") or {}).get("units") or {})
        kinds.update(entry.get("kind_mix") or {})
        for rank, word in enumerate(entry.get("keywords") or []):
            words[word] += int(entry.get("count") or 0) / (rank + 1)
    keywords = [word for word, _weight in words.most_common(max(len(topic.get("keywords") or []), 1))]
    label = problem.name if problem else (registered.display_label if registered else topic["label"])
    seen = [week for week, n in counts.items() if n]
    return dict(
        topic, id=topic_id, label=label, problem=problem.name if problem else None,
        status="confirmed" if problem else "proposed",
        workaround=problem.workaround if problem else "", problem_status=problem.status if problem else None,
        module=(problem.module if problem else None) or topic.get("module"),
        kind=topic_kind(problem, kinds) or topic.get("kind"),
        count=sum(week_counts.values()), week_counts=week_counts,
        seen_before=any(week < first_period_week for week in seen),
        first_week=min(seen) if seen else topic.get("first_week"),
        audience={"roles": dict(roles.most_common()), "units": dict(units.most_common())},
        kind_mix=dict(kinds) or topic.get("kind_mix", {}), keywords=keywords or topic.get("keywords") or [],
        covered_on=covered_on(registered, problem) or topic.get("covered_on"),
    )


WHOLE_WEEK_DAYS = 5  # a week with at least this many days in the period is compared as a whole week (Monday–Friday)
PERIOD_MIN_CHANGE = 3  # tickets fewer or more in the last compared week than in the first for a period trend
PERIOD_SHARE = 0.25    # ... and at least this share of the first week's


def compared_weeks(weeks: list[str], partial: dict[str, tuple[date, date]]) -> tuple[str, str] | None:
    """The two weeks a period's trend compares: its first and last week with at least
    :data:`WHOLE_WEEK_DAYS` days in the period (so a period ending on a Wednesday does not make every
    topic look fading), else its first and last week; None for a period within one week."""
    if len(weeks) < 2:
        return None
    whole = [w for w in weeks if w not in partial or (partial[w][1] - partial[w][0]).days + 1 >= WHOLE_WEEK_DAYS]
    chosen = whole if len(whole) >= 2 else weeks
    return chosen[0], chosen[-1]


def period_trend(week_counts: dict[str, int], compared: tuple[str, str] | None, seen_before: bool) -> str:
    """A topic's trend over a period, from its tickets in the two *compared* weeks (first, last):

    - ``new`` (ny under perioden): no tickets before the first compared week, in the period or
      before it (*seen_before*), none in that week, and some in the last;
    - ``passing`` (tillfällig): tickets only between the two compared weeks;
    - ``falling`` / ``rising`` / ``steady`` (avtagande / ökande / kvarstår): the last week against
      the first, at least :data:`PERIOD_MIN_CHANGE` tickets and :data:`PERIOD_SHARE` fewer or more
      (one more than the weekly view's 2: a problem reported 2–4 times a week moves by 2 from week
      to week without fading; on the tester's month this read three background problems as
      fading); a topic seen before that comes back after a first week without tickets is rising,
      one with none in the last week is falling (gone), however few it had;
    - ``""`` for a period within one week (no trend to tell)."""
    if compared is None:
        return ""
    first_week, last_week = compared
    first, last = week_counts.get(first_week, 0), week_counts.get(last_week, 0)
    earlier = seen_before or any(n for week, n in week_counts.items() if week < first_week)
    if first == 0 and last == 0:
        return "passing"
    if first == 0:
        return "rising" if earlier else "new"
    if last == 0:
        return "falling"  # gone by the last week, however few it had
    if last - first >= PERIOD_MIN_CHANGE and last >= first * (1 + PERIOD_SHARE):
        return "rising"
    if first - last >= PERIOD_MIN_CHANGE and last <= first * (1 - PERIOD_SHARE):
        return "falling"
    return "steady"


def range_note(data: RangeExportData) -> str | None:
    """A Swedish sentence for an overview of a period without tickets, else None."""
    if data.tickets:
        return None
    return (f"perioden {data.first_day.isoformat()} – {data.last_day.isoformat()} har inga ärenden;"
            " översikten innehåller inga ämnen")


def export_range(database: Database, start: date, end: date, fmt: str, out, language: str = "sv",
                 is_cancelled=None, progress=None):
    """The Utbildning tab's period export: the overview of the days *start* to *end* written in *fmt*
    to *out*; returns the path written, or None (and writes nothing) for a period without tickets.
    The CLI writes that empty overview and prints :func:`range_note` (a scheduled task expects its
    file); a person who picked the dates by hand gets told instead of an empty file. Cancellable
    (:class:`~elsdesk.domain.Cancelled`) until the writing starts; the writing is atomic."""
    from elsdesk.services.export import FORMATS, write_export

    problem = period_problem(start, end)
    if problem == "reversed":
        raise BadInputError(f"sista dagen {end.isoformat()} ligger före första dagen {start.isoformat()}")
    if problem == "too_long":
        raise BadInputError(f"perioden {start.isoformat()} – {end.isoformat()} är längre än {MAX_PERIOD_DAYS} dagar;"
                            " dela upp den")
    if fmt not in FORMATS:
        raise BadInputError(f"okänt format '{fmt}'; välj bland {', '.join(FORMATS)}")
    data = build_range_export(database, start, end, language, is_cancelled=is_cancelled, progress=progress)
    if not data.tickets:
        return None
    if is_cancelled and is_cancelled():
        raise Cancelled()
    return write_export(data, fmt, out)
