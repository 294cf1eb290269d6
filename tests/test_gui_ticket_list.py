"""TicketListView loads in two steps: the first screenful at once, then every id and the counts.

Checks what a person sees: the first rows before the rest, the rows below added without the
selection or scroll position moving, a ticket further down the list kept selected across a refresh,
and a second refresh cancelling the first.
"""

from __future__ import annotations

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.domain import TicketFilter
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.ticket_list_view import TicketListView
from elsdesk.gui.ticket_table_model import PAGE_SIZE, TicketTableModel
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository, open_database
from elsdesk.taxonomy import load_taxonomy

N_TICKETS = 600


@pytest.fixture
def desk(db_path, tmp_path):
    database = open_database(db_path)
    try:
        assert import_tickets(database, write_jsonl(tmp_path / "many.jsonl", sample_rows(N_TICKETS))).new == N_TICKETS
        yield TicketRepository(database).query_ids()
    finally:
        database.close()


@pytest.fixture
def view(qtbot, desk, db_path):
    runner = TaskRunner()
    database = open_database(db_path)
    widget = TicketListView(TicketTableModel(database, load_taxonomy(), "sv"), runner, db_path)
    widget.resize(900, 500)
    widget.show()
    yield widget
    qtbot.waitUntil(lambda: not widget.is_loading())
    assert runner.wait(10_000)
    widget.close()
    widget.deleteLater()
    database.close()


def test_first_rows_come_before_the_whole_list(qtbot, view, desk):
    events = []
    view.first_rows.connect(lambda n: events.append(("first", n, view.table_model.rowCount())))
    view.loaded.connect(lambda result: events.append(("loaded", result.total, view.table_model.rowCount())))
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.refresh()
    assert events == [("first", PAGE_SIZE, PAGE_SIZE), ("loaded", N_TICKETS, N_TICKETS)]
    assert view.table_model.ids() == desk
    assert view.current_ticket_id() == desk[0]


def test_a_ticket_below_the_first_page_stays_selected_after_a_refresh(qtbot, view, desk):
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.refresh()
    deep = desk[500]
    view.select_ticket(deep)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.refresh()
    assert view.current_ticket_id() == deep
    assert view.rowAt(view.visualRect(view.currentIndex()).center().y()) == 500  # scrolled to it


def test_rows_below_arrive_without_moving_the_selection(qtbot, view, desk):
    with qtbot.waitSignal(view.first_rows, timeout=20_000):
        view.refresh()
    view.selectRow(3)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        pass
    assert view.current_ticket_id() == desk[3]


def test_a_new_filter_cancels_the_old_query(qtbot, view):
    results = []
    view.loaded.connect(results.append)
    view.set_filter(TicketFilter(text="signera"))
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.set_filter(TicketFilter(text="SITHS"))
    qtbot.waitUntil(lambda: not view.is_loading())
    expected = TicketRepository(view.table_model._repo.database).query_ids(TicketFilter(text="SITHS"))
    assert view.table_model.ids() == expected
    assert results[-1].ids == expected


def test_a_result_already_on_its_way_when_the_filter_changes_is_dropped(qtbot, view):
    view.set_filter(TicketFilter(text="signera"))
    assert view._first_task._done.wait(20)  # finished and queued, not yet delivered: no events ran
    with qtbot.waitSignal(view.loaded, timeout=20_000) as loaded:
        view.set_filter(TicketFilter(text="SITHS"))
    qtbot.waitUntil(lambda: not view.is_loading())
    expected = TicketRepository(view.table_model._repo.database).query_ids(TicketFilter(text="SITHS"))
    assert loaded.args[0].ids == expected and view.table_model.ids() == expected


def test_the_list_does_not_wait_behind_long_background_work(qtbot, view):
    import threading

    release = threading.Event()
    busy = [view.runner.start(lambda _context: release.wait(30), name="long job") for _ in range(8)]
    try:
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.refresh()  # every thread of the long-work pool is taken
        assert not any(task.is_done() for task in busy)
    finally:
        release.set()


def test_loading_lasts_until_the_whole_result_is_delivered(qtbot, view):
    view.refresh()
    assert view._first_task._done.wait(20)  # the first page is finished but not yet delivered
    assert view.is_loading()
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        pass
    assert not view.is_loading()


def test_the_status_bar_never_shows_the_old_result_s_counts(qtbot, desk, db_path, tmp_path):
    from PySide6.QtCore import QSettings

    from elsdesk.gui.main_window import MainWindow

    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "600" in window.count_label.text(), timeout=20_000)
    with qtbot.waitSignal(window.list_view.first_rows, timeout=20_000):
        window.list_view.set_filter(TicketFilter(text="SITHS"))
    assert "600" not in window.count_label.text()  # counted again, not the whole desk's figures
    qtbot.waitUntil(lambda: not window.list_view.is_loading(), timeout=20_000)
    shown = len(window.list_view.table_model.ids())
    assert window.count_label.text().startswith(f"Visar {shown} av {N_TICKETS}")
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20_000)
    window.close()
