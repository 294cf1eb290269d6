"""The app's start (issue 14: the newest rows on screen within 1.5x of a plain QTableView): what the command
line imports before the window, and how the window is put together. The checks are on what is imported and
where the views are, never on how long anything takes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from conftest import sample_rows, write_jsonl
from elsdesk.gui.main_window import MainWindow
from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database

ROOT = Path(__file__).resolve().parent.parent


def test_the_command_line_does_not_import_secrets_before_the_window():
    """secrets brings hmac and random (~5 ms of the start): a temporary file's random name needs none of them."""
    code = ("import sys, elsdesk.cli; "
            "print(','.join(m for m in ('secrets', 'hmac', 'random') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_window_does_not_import_the_time_zone_data_before_the_first_rows():
    """zoneinfo's path search reads sysconfig: 6 million instructions of the start (callgrind, 2026-12-07), and no row
    of the list needs the region's zone. The window's modules leave it to the first time that is asked."""
    code = ("import sys, elsdesk.cli, elsdesk.gui.app, elsdesk.gui.main_window; "
            "print(','.join(m for m in ('zoneinfo', 'sysconfig') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == ""
    from elsdesk.region_time import desk_zone

    assert desk_zone() is not None  # and the zone still loads when asked


def test_the_utbildning_tabs_view_imports_neither_the_topic_finder_nor_scipy():
    """A training lead's Utbildning tab is built on the GUI thread right after the first rows. Its period dialog took
    the period's calendar from the overview's services, which imported the topic finder and SciPy there: the GUI
    thread stood still 0.56 s (on PostgreSQL, where the desk's role made the view at every start)."""
    code = ("import sys, elsdesk.gui.training_view; "
            "print(','.join(m for m in ('scipy', 'sklearn', 'elsdesk.topics.finder', 'elsdesk.services.range_export')"
            " if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_a_command_still_exits_with_the_error_tables_code(tmp_path, capsys):
    from elsdesk.cli import main

    assert main(["--db", str(tmp_path / "missing" / "desk.db"), "list"]) == 4  # no desk there
    assert "elsdesk" in capsys.readouterr().err


@pytest.fixture
def desk(tmp_path):
    path = tmp_path / "desk.db"
    with open_database(path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(8)))
    return path


def test_the_views_are_made_in_their_places_in_the_tickets_tab(qtbot, desk, tmp_path):
    """The pages come first and the views are made in them (a polished view moved between parents was
    polished again by the stylesheet each time); the tab still holds the filter bar above the list and
    the details side by side."""
    window = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))

    page = window.tabs.widget(window.tickets_tab)
    assert window.centralWidget() is window.tabs and window.tabs.tabText(window.tickets_tab) == "Ärenden"
    assert [page.layout().itemAt(i).widget() for i in range(page.layout().count())] == [window.filter_bar, window.ticket_splitter]
    assert [window.ticket_splitter.widget(i) for i in range(window.ticket_splitter.count())] == [window.list_view, window.details]
    assert window.ticket_splitter.objectName() == "ticketSplitter" and window.model.rowCount() == 8


def test_the_apps_window_reads_the_rest_of_its_list_once_it_is_built(qtbot, desk, tmp_path):
    """On two cores the read of every id and the counts (at a million tickets it holds the GIL while it
    makes the ids) slowed the building of the window: it starts from the event loop's first turn."""
    window = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))
    assert window.model.rowCount() == 8 and window.list_view.is_loading()
    assert window.runner.running() == 0, "nothing reads the desk in the background while the window is built"

    with qtbot.waitSignal(window.list_view.loaded, timeout=30_000) as loaded:
        pass  # the event loop's first turn starts the read; no paint is needed

    assert loaded.args[0].total == 8 and not window.list_view.is_loading()

