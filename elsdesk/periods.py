"""Choosing a period for an overview: the calendar arithmetic of the Utbildning tab's period dialog and of
``export --from/--to`` (the last weeks, last month, this month, a year at most, the file name), in plain dates.

Kept apart from :mod:`elsdesk.services.range_export`, which builds the overview: the dialog is built with the
Utbildning tab right after the first rows, and importing the overview's services there pulled the topic finder and
SciPy onto the GUI thread (0.56 s on a training lead's start, issue 14)."""

from __future__ import annotations

from datetime import date, timedelta

from elsdesk.domain import parse_week, weeks_of_period


def period_key(start: date, end: date) -> str:
    """The file-name key of a period: ``2027-03-08_2027-04-02``."""
    return f"{start.isoformat()}_{end.isoformat()}"


MAX_PERIOD_DAYS = 366  # one overview covers at most a year (leap day included): 53 or 54 week columns
RECENT_WEEKS = 4       # "Senaste 4 veckorna" and the dialog's default: about a month of whole ISO weeks


def monday_of(day: date) -> date:
    """The Monday of *day*'s ISO week."""
    return day - timedelta(days=day.weekday())


def weeks_up_to(last_week_day: date, today: date, count: int = RECENT_WEEKS) -> tuple[date, date]:
    """*count* ISO weeks ending with the week of *last_week_day*: its Monday *count* - 1 weeks back to
    its Sunday, or to *today* when the period has begun and that Sunday is still ahead (a week only
    begun is then a partial last week, which the trend leaves out of its comparison; a Sunday ahead
    would make it look like a whole week with few tickets, and every topic fading). Weeks wholly
    ahead (a go-live being planned) are kept whole."""
    start = monday_of(last_week_day) - timedelta(weeks=count - 1)
    end = monday_of(last_week_day) + timedelta(days=6)
    return start, (today if start <= today < end else end)


def recent_weeks(today: date, count: int = RECENT_WEEKS) -> tuple[date, date]:
    """'Senaste 4 veckorna': this ISO week and the *count* - 1 before it, up to *today*."""
    return weeks_up_to(today, today, count)


def previous_month(today: date) -> tuple[date, date]:
    """'Förra månaden': the first to the last day of the calendar month before *today*'s."""
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def this_month(today: date) -> tuple[date, date]:
    """'Denna månad': the first of *today*'s month up to *today* (no days ahead, see :func:`weeks_up_to`)."""
    return today.replace(day=1), today


def default_period(shown_week: str | None, today: date) -> tuple[date, date]:
    """The period the dialog opens with: the :data:`RECENT_WEEKS` weeks up to the week the tab shows
    (the lead looks at a week and wants the month behind it), up to *today* at the latest; without a
    shown week the weeks up to today."""
    if not shown_week:
        return recent_weeks(today)
    return weeks_up_to(parse_week(shown_week)[0], today)


def from_first_week(period: tuple[date, date], first_week: str | None) -> tuple[date, date]:
    """*period* begun no earlier than the Monday of the desk's first week with tickets (*first_week*, None: not
    known): four weeks up to a go-live's second week began two weeks before go-live, and the overview marked
    every topic "ny under perioden" (a training lead). A period wholly before that week is left as chosen."""
    if not first_week:
        return period
    start, end = period
    first = parse_week(first_week)[0]
    return (first, end) if start < first <= end else period


def count_from(today: date, newest_week: str | None) -> date:
    """The day the quick choices (the last 4 weeks, last month, this month) count from: *today*, or on a desk
    whose tickets ended before the last :data:`RECENT_WEEKS` weeks (the 2025 demo month, an old desk looked
    back at) the Sunday of its newest week *newest_week*: counted from today they picked weeks without a
    ticket. A desk quiet for a week or two still counts from today (this month is this month)."""
    if not newest_week:
        return today
    last_day = parse_week(newest_week)[0] + timedelta(days=6)
    return last_day if last_day < recent_weeks(today)[0] else today


def holds_tickets(start: date, end: date, weeks_with_tickets: list[str] | None) -> bool | None:
    """Whether the days *start* to *end* touch an ISO week with tickets (*weeks_with_tickets*, as the
    Utbildning tab lists them); None when they are not known."""
    if weeks_with_tickets is None:
        return None
    known = set(weeks_with_tickets)
    return any(week in known for week in weeks_of_period(start, end)) if start <= end else False


def period_problem(start: date, end: date) -> str | None:
    """Why the days *start* to *end* cannot be one overview: ``"reversed"`` (the last day before the
    first), ``"too_long"`` (more than :data:`MAX_PERIOD_DAYS` days), or None when they can."""
    if end < start:
        return "reversed"
    if (end - start).days + 1 > MAX_PERIOD_DAYS:
        return "too_long"
    return None


def period_file_name(start: date, end: date, fmt: str) -> str:
    """The file name the CLI gives a period's overview in a folder: ``elsdesk-2027-03-08_2027-04-04.xlsx``
    (see :func:`period_key` and :func:`elsdesk.services.export.export_path`)."""
    return f"elsdesk-{period_key(start, end)}.{fmt}"
