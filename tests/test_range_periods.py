"""The dates behind the Utbildning tab's period export (the month's overview had no way out of the GUI):
the default period, the quick choices, the checks and the file name, headless, and the export that
writes nothing for a period without tickets."""

from __future__ import annotations

from datetime import date

import pytest

from elsdesk.domain import BadInputError, Cancelled
from elsdesk.domain import weeks_of_period
from elsdesk.periods import (
    MAX_PERIOD_DAYS, default_period, period_file_name, period_problem, previous_month, recent_weeks, this_month,
    weeks_up_to,
)
from elsdesk.services.range_export import export_range
from elsdesk.storage import open_database


def test_the_default_is_four_whole_weeks_up_to_the_shown_week():
    """Shown 2027-W13 (Monday 2027-03-29), looked at later: Monday of W10 to Sunday of W13."""
    start, end = default_period("2027-W13", today=date(2027, 5, 3))
    assert (start, end) == (date(2027, 3, 8), date(2027, 4, 4))
    assert weeks_of_period(start, end) == ["2027-W10", "2027-W11", "2027-W12", "2027-W13"]


def test_the_default_for_the_current_week_ends_today_not_on_a_sunday_ahead():
    """A Sunday ahead would count the week begun as whole: every topic would look fading."""
    assert default_period("2027-W13", today=date(2027, 3, 31)) == (date(2027, 3, 8), date(2027, 3, 31))


def test_without_a_shown_week_the_default_is_the_last_four_weeks():
    assert default_period(None, today=date(2027, 3, 31)) == recent_weeks(date(2027, 3, 31))


def test_recent_weeks_start_on_a_monday_and_end_today():
    start, end = recent_weeks(date(2027, 3, 31))  # a Wednesday in W13
    assert (start, end) == (date(2027, 3, 8), date(2027, 3, 31)) and start.weekday() == 0


def test_recent_weeks_across_the_turn_of_the_year_and_iso_week_53():
    """2026 has an ISO week 53 (Monday 2026-12-28); on Sunday 2027-01-03 it is the current week."""
    start, end = recent_weeks(date(2027, 1, 3))
    assert (start, end) == (date(2026, 12, 7), date(2027, 1, 3))
    assert weeks_of_period(start, end) == ["2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    assert default_period("2026-W53", today=date(2027, 2, 1)) == (date(2026, 12, 7), date(2027, 1, 3))
    assert weeks_of_period(*default_period("2027-W01", today=date(2027, 2, 1)))[0] == "2026-W51"


@pytest.mark.parametrize("today, expected", [
    (date(2027, 4, 15), (date(2027, 3, 1), date(2027, 3, 31))),
    (date(2027, 1, 1), (date(2026, 12, 1), date(2026, 12, 31))),     # the year changes
    (date(2027, 3, 31), (date(2027, 2, 1), date(2027, 2, 28))),      # February of a common year
    (date(2028, 3, 1), (date(2028, 2, 1), date(2028, 2, 29))),       # ... and of a leap year
    (date(2027, 8, 31), (date(2027, 7, 1), date(2027, 7, 31))),
])
def test_previous_month_is_the_whole_calendar_month_before(today, expected):
    assert previous_month(today) == expected


@pytest.mark.parametrize("today, expected", [
    (date(2027, 4, 15), (date(2027, 4, 1), date(2027, 4, 15))),
    (date(2027, 4, 1), (date(2027, 4, 1), date(2027, 4, 1))),        # the first: one day
    (date(2026, 12, 31), (date(2026, 12, 1), date(2026, 12, 31))),
])
def test_this_month_runs_from_the_first_to_today(today, expected):
    assert this_month(today) == expected


def test_weeks_wholly_ahead_are_kept_whole():
    """Shown a week that lies ahead (a go-live being planned): four whole weeks, never a reversed period."""
    assert weeks_up_to(date(2027, 6, 7), today=date(2027, 3, 1)) == (date(2027, 5, 17), date(2027, 6, 13))
    assert weeks_up_to(date(2027, 6, 7), today=date(2027, 5, 17)) == (date(2027, 5, 17), date(2027, 5, 17))


@pytest.mark.parametrize("start, end, expected", [
    (date(2027, 3, 8), date(2027, 4, 4), None),
    (date(2027, 3, 8), date(2027, 3, 8), None),                        # one day
    (date(2027, 4, 4), date(2027, 3, 8), "reversed"),
    (date(2027, 1, 1), date(2027, 12, 31), None),                      # a calendar year
    (date(2028, 1, 1), date(2028, 12, 31), None),                      # a leap year: 366 days
    (date(2027, 1, 1), date(2028, 1, 1), None),                        # 366 days: a year and its next New Year
    (date(2027, 1, 1), date(2028, 1, 2), "too_long"),                  # 367 days
    (date(2027, 3, 8), date(2207, 3, 8), "too_long"),                  # a mistyped year
])
def test_period_problem(start, end, expected):
    assert period_problem(start, end) == expected


def test_a_year_is_at_most_fifty_four_week_columns():
    start = date(2027, 1, 3)  # a Sunday: the period touches one more week at each end
    assert len(weeks_of_period(start, date.fromordinal(start.toordinal() + MAX_PERIOD_DAYS - 1))) <= 54


def test_the_file_name_is_the_one_the_cli_gives_in_a_folder(tmp_path):
    from elsdesk.services.export import export_path
    from elsdesk.periods import period_key

    name = period_file_name(date(2027, 3, 8), date(2027, 4, 4), "xlsx")
    assert name == "elsdesk-2027-03-08_2027-04-04.xlsx"
    assert export_path(tmp_path, "xlsx", period_key(date(2027, 3, 8), date(2027, 4, 4))).name == name


@pytest.mark.sqlite_only
def test_a_period_without_tickets_writes_no_file(memory_db, tmp_path):
    out = tmp_path / "tom.xlsx"
    assert export_range(memory_db, date(2027, 3, 8), date(2027, 4, 4), "xlsx", out) is None
    assert not out.exists()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("start, end", [(date(2027, 4, 4), date(2027, 3, 8)), (date(2027, 1, 1), date(2028, 6, 1))])
def test_a_period_the_dialog_refuses_is_refused_by_the_service_too(memory_db, tmp_path, start, end):
    with pytest.raises(BadInputError):
        export_range(memory_db, start, end, "xlsx", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.sqlite_only
def test_a_cancelled_period_export_writes_no_file(memory_db, tmp_path):
    with pytest.raises(Cancelled):
        export_range(memory_db, date(2027, 3, 8), date(2027, 4, 4), "xlsx", tmp_path / "x.xlsx",
                     is_cancelled=lambda: True)
    assert not (tmp_path / "x.xlsx").exists()


def test_a_cancel_after_the_weeks_are_worked_out_still_writes_nothing(tmp_path):
    """The last check is after the overview is built, before the file is written."""
    from conftest import write_jsonl
    from elsdesk.services.imports import import_tickets
    from test_export_range_month import _rows

    state = {"weeks done": False}

    def every_week_done(done: int, total: int) -> None:
        state["weeks done"] = done == total

    with open_database(tmp_path / "desk.db") as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", _rows()))
        with pytest.raises(Cancelled):
            export_range(database, date(2027, 3, 8), date(2027, 3, 28), "xlsx", tmp_path / "x.xlsx",
                         is_cancelled=lambda: state["weeks done"], progress=every_week_done)
    assert state["weeks done"] and not (tmp_path / "x.xlsx").exists()


def test_a_periods_key_words_come_from_all_its_weeks_by_their_tickets():
    """A training lead's three-week export took a problem's key words from its last week alone (two tickets, one
    linked wrongly): now each week's key words count by its tickets and their place in the week's list."""
    from elsdesk.services.range_export import _period_topic

    entries = [{"count": 10, "keywords": ["omvårdnadsepikris", "mall", "epikris"]},
               {"count": 5, "keywords": ["epikris", "omvårdnadsepikris", "mall"]},
               {"count": 2, "keywords": ["inskrivningsanteckning mall", "epikrismall", "geriatrik"]}]
    latest = dict(entries[-1], label="Mall för omvårdnadsepikris saknas", module="journal_dokumentation")
    topic = _period_topic(latest, "T1", None, {}, entries, {"2026-W45": 10, "2026-W46": 5, "2026-W47": 2},
                          {"2026-W45": 10, "2026-W46": 5, "2026-W47": 2})
    assert topic["keywords"] == ["omvårdnadsepikris", "epikris", "mall"]


def test_a_period_begins_no_earlier_than_the_desks_first_week_with_tickets():
    """Four weeks up to a go-live's second week began two weeks before go-live, and the overview marked every topic
    "ny under perioden" (a training lead)."""
    from datetime import date

    from elsdesk.periods import from_first_week

    assert from_first_week((date(2026, 10, 26), date(2026, 11, 22)), "2026-W46") == (date(2026, 11, 9), date(2026, 11, 22))
    assert from_first_week((date(2026, 11, 16), date(2026, 11, 22)), "2026-W46") == (date(2026, 11, 16), date(2026, 11, 22))
    assert from_first_week((date(2026, 10, 1), date(2026, 10, 31)), "2026-W46") == (date(2026, 10, 1), date(2026, 10, 31))
    assert from_first_week((date(2026, 10, 26), date(2026, 11, 22)), None) == (date(2026, 10, 26), date(2026, 11, 22))
