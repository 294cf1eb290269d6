"""The newest weeks' topics are kept worked out in the background as tickets arrive (issue 12),
so the Utbildning tab opens on stored results."""

from __future__ import annotations

from conftest import write_jsonl
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.topics_keeper import TopicsKeeper
from elsdesk.services.imports import import_tickets
from elsdesk.services.topics import keep_latest_weeks, week_fingerprint
from elsdesk.storage import open_database
from elsdesk.storage.settings import SettingsRepository
from test_problems import DOSE_REPORTS, LABEL_REPORTS, _row


def _import(db_path, tmp_path, rows, name):
    with open_database(db_path) as database:
        import_tickets(database, write_jsonl(tmp_path / name, rows))


def _stored_is_current(db_path, week) -> bool:
    with open_database(db_path) as database:
        return SettingsRepository(database).get(f"topics_computed:{week}") == week_fingerprint(database, week)


def test_keeping_works_out_only_the_weeks_that_changed(db_path, tmp_path):
    _import(db_path, tmp_path, [_row(i, "2025-04-29", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)], "w18.jsonl")
    _import(db_path, tmp_path, [_row(20 + i, "2025-05-07", t, d, "utskrift_hardvara")
                                for i, (t, d) in enumerate(LABEL_REPORTS)], "w19.jsonl")
    with open_database(db_path) as database:
        assert keep_latest_weeks(database) == ["2025-W18", "2025-W19"]
        assert keep_latest_weeks(database) == []  # nothing changed: nothing worked out again
    _import(db_path, tmp_path, [_row(40, "2025-05-08", "Etiketter blir tomma", "Skrivaren ger tomma etiketter igen.",
                                     "utskrift_hardvara")], "more.jsonl")
    with open_database(db_path) as database:
        assert keep_latest_weeks(database) == ["2025-W19"]


def test_the_keeper_works_the_week_out_once_the_desk_has_been_quiet(qtbot, db_path, tmp_path):
    _import(db_path, tmp_path, [_row(i, "2025-05-06", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)], "w19.jsonl")
    runner = TaskRunner()
    keeper = TopicsKeeper(runner, db_path, delay_ms=0)
    assert not _stored_is_current(db_path, "2025-W19")
    with qtbot.waitSignal(keeper.kept, timeout=60_000) as kept:
        keeper.touch()
        keeper.touch()  # a burst of changes is one run
    assert kept.args == [["2025-W19"]]
    assert _stored_is_current(db_path, "2025-W19")
    _import(db_path, tmp_path, [_row(30, "2025-05-08", "Dosen syns inte", "Given dos syns inte i utdelningsvyn.",
                                     "lakemedel")], "more.jsonl")
    with qtbot.waitSignal(keeper.kept, timeout=60_000) as kept:
        keeper.touch()
    assert kept.args == [["2025-W19"]] and _stored_is_current(db_path, "2025-W19")
    qtbot.waitUntil(lambda: not keeper.is_busy(), timeout=30_000)
    keeper.stop()
    runner.shutdown(30_000)


def test_the_keeper_is_busy_until_its_result_has_been_told(qtbot, db_path, tmp_path):
    """Between the run's thread ending and its weeks reaching the window the keeper said it was idle, and a
    change in that moment started a second run beside the first one's result."""
    _import(db_path, tmp_path, [_row(i, "2025-05-06", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)], "w19.jsonl")
    runner = TaskRunner()
    keeper = TopicsKeeper(runner, db_path, delay_ms=0)
    told = []
    keeper.kept.connect(told.append)
    keeper.touch()
    qtbot.waitUntil(lambda: keeper._task is not None, timeout=10_000)
    assert runner.pool.waitForDone(60_000)  # the run's thread is done; its weeks wait in the event queue
    assert told == [] and keeper.is_busy()
    qtbot.waitUntil(lambda: not keeper.is_busy(), timeout=10_000)
    assert told == [["2025-W19"]]
    runner.shutdown(30_000)


def test_a_desk_that_never_goes_quiet_is_still_kept(db_path, monkeypatch):
    from elsdesk.gui import topics_keeper

    clock = [1000.0]
    monkeypatch.setattr(topics_keeper.time, "monotonic", lambda: clock[0])
    keeper = TopicsKeeper(TaskRunner(), db_path, delay_ms=5000)
    starts = []
    start = keeper._timer.start
    monkeypatch.setattr(keeper._timer, "start", lambda: (starts.append(clock[0]), start()))
    keeper.touch()
    clock[0] += 30
    keeper.touch()  # a change half a minute later: the wait starts over
    clock[0] += 31
    keeper.touch()  # a minute of changes: the pending run is not put off again
    assert starts == [1000.0, 1030.0] and keeper._timer.isActive()
    keeper.stop()
    keeper.touch()  # once nothing is pending, a new wait starts from this change
    assert starts[-1] == clock[0] and keeper._waiting_since == clock[0]
    keeper.stop()


def test_on_a_shared_server_one_workstation_keeps_the_topics_at_a_time(db_path, tmp_path):
    from elsdesk.services.topics import KEEPER_LOCK

    _import(db_path, tmp_path, [_row(i, "2025-05-06", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)], "w19.jsonl")
    with open_database(db_path) as other, open_database(db_path) as mine:
        if mine.backend != "postgres":
            assert keep_latest_weeks(mine) == ["2025-W19"]  # a local file has one workstation
            return
        held = "(CAST(? AS INTEGER), hashtext(current_database()))"
        assert other.query(f"SELECT pg_try_advisory_lock{held}", (KEEPER_LOCK,))[0][0]
        assert keep_latest_weeks(mine) == []  # the other workstation is keeping them
        assert not _stored_is_current(db_path, "2025-W19")
        other.query(f"SELECT pg_advisory_unlock{held}", (KEEPER_LOCK,))
        assert keep_latest_weeks(mine) == ["2025-W19"]
        assert other.query(f"SELECT pg_try_advisory_lock{held}", (KEEPER_LOCK,))[0][0]  # released after the run
