"""``elsdesk topics`` without --week shows the newest week with tickets (a training lead typed the bare
command and got a usage error), not an empty week ahead that one ticket dated by a slip opened;
``--from``/``--to`` and ``--week`` still choose."""

from __future__ import annotations

import json

import pytest

from conftest import sample_rows, write_jsonl
from datetime import date, timedelta

from elsdesk.cli import main
from elsdesk.domain import newest_week_so_far
from elsdesk.services.imports import import_tickets
from elsdesk.services.training import training_overview
from elsdesk.storage import TicketRepository, open_database


def test_topics_without_a_week_shows_the_newest_week(db_path, tmp_path, capsys):
    rows = sample_rows(4, week_day="2025-04-28") + sample_rows(3, start=50, week_day="2025-05-06")
    with open_database(db_path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", rows))
        assert TicketRepository(database).weeks()[-1] == "2025-W19"
    assert main(["--db", str(db_path), "topics"]) == 0
    assert capsys.readouterr().out.startswith("vecka 2025-W19 (den senaste veckan med ärenden; en annan: --week VECKA): 3 ärenden")
    assert main(["--db", str(db_path), "topics", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["week"] == "2025-W19"
    assert main(["--db", str(db_path), "topics", "--week", "2025-W18"]) == 0
    assert capsys.readouterr().out.startswith("vecka 2025-W18: 4 ärenden")
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "topics", "--week", "2025-W18", "--from", "2025-04-28", "--to", "2025-05-01"])


def test_topics_on_an_empty_desk_says_there_is_no_week(db_path, capsys):
    with open_database(db_path) as database:
        assert TicketRepository(database).weeks() == []
    assert main(["--db", str(db_path), "topics"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "inga ärenden i desken" in captured.err


def test_the_newest_week_so_far_leaves_out_weeks_that_have_not_begun():
    assert newest_week_so_far(["2026-W48", "2026-W49", "2027-W48"], date(2026, 12, 7)) == "2026-W49"
    assert newest_week_so_far(["2026-W50", "2026-W48"], date(2026, 12, 7)) == "2026-W50"  # this week has begun
    assert newest_week_so_far(["2027-W02", "2027-W01"], date(2026, 12, 7)) == "2027-W02"  # none begun: the newest
    assert newest_week_so_far([], date(2026, 12, 7)) is None


def test_a_ticket_dated_a_year_ahead_by_a_slip_does_not_become_the_default_week(db_path, tmp_path, capsys):
    """A new user's finding: one row dated 03/12/2027 instead of 2026 made `topics` show "vecka 2027-W48: 1 ärende,
    0 återkommande ämnen", and the Utbildning tab opened on that week."""
    slip = date.today() + timedelta(days=360)  # about a year ahead, as a mistyped year is
    ahead_week = f"{slip.isocalendar()[0]}-W{slip.isocalendar()[1]:02d}"
    ahead = sample_rows(1, start=90, week_day=slip.isoformat())
    rows = sample_rows(4, week_day="2025-04-28") + sample_rows(3, start=50, week_day="2025-05-06") + ahead
    with open_database(db_path) as database:
        report = import_tickets(database, write_jsonl(tmp_path / "t.jsonl", rows))
        assert report.new == 8 and TicketRepository(database).weeks()[-1] == ahead_week
        assert training_overview(database).week == "2025-W19"
    assert main(["--db", str(db_path), "topics", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["week"] == "2025-W19"
    assert main(["--db", str(db_path), "topics", "--week", ahead_week, "--json"]) == 0  # still there when asked for
    assert json.loads(capsys.readouterr().out)["tickets"] == 1


def test_the_charts_weeks_run_without_a_gap(db_path, tmp_path):
    """A GUI tester's trend chart went from v48 straight to v50: a week without tickets had no place on it."""
    from elsdesk.services.training import with_quiet_weeks

    rows = sample_rows(4, week_day="2025-04-28") + sample_rows(3, start=50, week_day="2025-05-13")  # W18, W20
    with open_database(db_path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", rows))
        overview = training_overview(database)
    assert list(overview.volumes) == ["2025-W18", "2025-W19", "2025-W20"] and overview.volumes["2025-W19"] == {}
    assert overview.weeks == ["2025-W18", "2025-W20"]  # the week picker offers weeks with tickets
    assert with_quiet_weeks({}) == {}


def test_a_long_quiet_run_is_no_run_of_empty_weeks():
    """A desk that kept its demo month of 2025 beside a real go-live a year later got about fifty empty weeks in its
    module chart; a short quiet run (a holiday, a week without tickets) keeps its place."""
    from elsdesk.services.training import QUIET_GAP_WEEKS, with_quiet_weeks

    volumes = {"2025-W18": {"lakemedel": 2}, "2025-W20": {"remiss": 1}, "2026-W45": {"lakemedel": 5},
               "2026-W47": {"remiss": 3}}
    filled = with_quiet_weeks(volumes)
    assert list(filled) == ["2025-W18", "2025-W19", "2025-W20", "2026-W45", "2026-W46", "2026-W47"]
    assert filled["2026-W46"] == {} and filled["2026-W45"] == {"lakemedel": 5}
    over_new_year = with_quiet_weeks({"2025-W51": {"a": 1}, f"2026-W{QUIET_GAP_WEEKS:02d}": {"a": 1}})
    assert list(over_new_year) == ["2025-W51", "2025-W52", *(f"2026-W{n:02d}" for n in range(1, QUIET_GAP_WEEKS + 1))]
    assert len(with_quiet_weeks({"2025-W51": {"a": 1}, f"2026-W{1 + QUIET_GAP_WEEKS:02d}": {"a": 1}})) == 2
