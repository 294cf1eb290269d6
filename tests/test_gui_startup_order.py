"""Start-up ordering (issue 13: the window took 10-16 s to appear on a busy machine; issue 14: at a
million tickets every start-up step grows with the desk): the window is built and painted, then its
newest rows, before the model, the review queue, the similar-ticket index and the incidents load;
nothing heavy (scikit-learn, scipy, Qt Charts) is imported before the first paint or the first rows.
No test here depends on how fast the machine is: it checks the order of the steps, never their duration."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QSplitter

from conftest import sample_rows, write_jsonl
from elsdesk.gui.main_window import MainWindow
from elsdesk.gui.ticket_table_model import COLUMNS
from elsdesk.services.imports import import_tickets
from elsdesk.services.profile import SUPER_USER, TRAINING_LEAD, Profile, save_profile
from elsdesk.storage import open_database

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def desk(tmp_path):
    path = tmp_path / "desk.db"
    with open_database(path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(8)))
    save_profile(Profile("Sven Berg", SUPER_USER))
    return path


def test_a_deferred_window_starts_only_its_list_query(qtbot, desk, tmp_path):
    window = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))
    assert window.runner.running() <= 1, "only the list's first page before the first paint"
    assert window.review_view is None and window.classifier is None and window.similarity_index is None
    assert window._training_view is None, "the Utbildning tab's view (Qt Charts) is built on first use"
    assert window.training_tab is not None and not window.tabs.isTabVisible(window.training_tab)
    qtbot.waitUntil(lambda: window.model.rowCount() == 8, timeout=30_000)

    window.start_background()

    assert window.review_view is not None, "a super-user's review queue comes right after the first paint"
    qtbot.waitUntil(lambda: window.classifier is not None or window.classifier_error is not None, timeout=60_000)
    qtbot.waitUntil(lambda: window.similarity_index is not None and window.runner.running() == 0, timeout=60_000)


def test_the_window_holds_its_newest_rows_before_it_first_paints(qtbot, desk, tmp_path):
    """The first page is read on the window's own connection as it is built, so the first paint shows
    rows, as a plain table's does; every id and the counts still come from the background."""
    window = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))

    assert window.model.rowCount() == 8, "no event has been processed yet"
    assert window.list_view.current_ticket_id() == window.model.ids()[0], "the newest row is selected"
    assert window.list_view.is_loading(), "the counts are still on their way"
    with qtbot.waitSignal(window.list_view.loaded, timeout=30_000) as loaded:
        pass
    assert loaded.args[0].total == 8 and len(loaded.args[0].ids) == 8


def test_a_kept_sort_is_read_by_the_first_page_and_starts_no_query_of_its_own(qtbot, desk, tmp_path):
    """Restoring the kept columns set the sort, and the sort started a list query in the background
    beside the window's own first page; it read the desk while the first rows were read, and was dropped."""
    settings = str(tmp_path / "s.ini")
    first = MainWindow(desk, QSettings(settings, QSettings.IniFormat))
    qtbot.addWidget(first, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))
    with qtbot.waitSignal(first.list_view.loaded, timeout=30_000):
        first.list_view.sort_by(COLUMNS.index("title"), descending=False)
    titles = sorted(first.model.ticket_at(row).title.casefold() for row in range(first.model.rowCount()))
    qtbot.waitUntil(lambda: first.runner.running() == 0, timeout=60_000)
    first.close()

    second = MainWindow(desk, QSettings(settings, QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(second, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))

    assert second.runner.running() == 0, "no query beside the first page before the first paint"
    assert second.list_view.sort_choice() == (COLUMNS.index("title"), False)
    assert [second.model.ticket_at(row).title.casefold() for row in range(second.model.rowCount())] == titles
    with qtbot.waitSignal(second.list_view.loaded, timeout=30_000) as loaded:
        pass
    assert loaded.args[0].total == 8


def test_the_first_tickets_details_follow_its_first_rows(qtbot, desk, tmp_path):
    window = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))
    newest = window.model.ticket_at(0)
    assert window.list_view.current_ticket_id() == newest.id
    assert newest.title not in window.details.toPlainText(), "the details wait for the first rows on screen"

    window.show()

    qtbot.waitUntil(lambda: newest.title in window.details.toPlainText(), timeout=30_000)
    window.list_view.selectRow(1)  # once they are there, the details follow the selection at once
    assert window.model.ticket_at(1).title in window.details.toPlainText()


def test_a_first_page_that_cannot_be_read_at_once_is_read_in_the_background(qtbot, desk, tmp_path, monkeypatch):
    from elsdesk.storage.ticket_pages import TicketPager

    real_page = TicketPager.page
    failing = {"left": 1}

    def page_once_failing(self, *args, **kwargs):
        if failing["left"]:
            failing["left"] -= 1
            raise OSError("disk I/O error")
        return real_page(self, *args, **kwargs)

    monkeypatch.setattr(TicketPager, "page", page_once_failing)
    window = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))

    assert window.model.rowCount() == 0 and failing["left"] == 0
    qtbot.waitUntil(lambda: window.model.rowCount() == 8, timeout=30_000)


@pytest.fixture
def any_desk(db_target, tmp_path):
    """A desk with eight tickets on this test's backend, and a super-user's profile (a local file's)."""
    with open_database(db_target) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(8)))
    save_profile(Profile("Sven Berg", SUPER_USER))
    return str(db_target)


def test_the_app_paints_its_window_before_anything_heavy_is_imported(any_desk, tmp_path):
    report = tmp_path / "startup.json"
    env = {**os.environ, "ELSDESK_STARTUP_REPORT": str(report), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "elsdesk", "--db", any_desk, "gui"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    events = data["events"]
    assert events["qapp"] <= events["window_built"] <= events["shown"] <= events["first_rows"] <= events["model_ready"]
    assert "list_loaded" in events and data["missing"] == []
    assert not {"sklearn", "scipy", "joblib", "PySide6.QtCharts"} & set(data["heavy_at_paint"]), data["heavy_at_paint"]
    assert not {"sklearn", "scipy", "joblib"} & set(data["heavy_at_rows"]), "the model loads after the first rows"
    assert data["rss_mb"]["first_rows"] > 0 and data["peak_rss_mb"] >= data["rss_mb"]["first_rows"]


def test_a_start_counted_to_its_first_rows_leaves_there(any_desk, tmp_path):
    """bench/bench_startup.py --instructions counts a start up to its first rows (ELSDESK_STARTUP_UNTIL=rows): the
    process writes its report and leaves at once, before the model or the full list."""
    report = tmp_path / "startup.json"
    env = {**os.environ, "ELSDESK_STARTUP_REPORT": str(report), "ELSDESK_STARTUP_UNTIL": "rows",
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "elsdesk", "--db", any_desk, "gui"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["until"] == "rows" and data["missing"] == []
    assert data["events"]["shown"] <= data["events"]["first_rows"] and "model_ready" not in data["events"]


def test_background_work_waits_for_the_first_rows_on_screen(qtbot, desk, tmp_path):
    window = MainWindow(desk, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))
    started = []
    window.after_first_rows(lambda: started.append(window.model.rowCount()))
    window.show()
    qtbot.waitUntil(lambda: started != [], timeout=30_000)
    assert started[0] > 0, "called once the rows were there"
    window.after_first_rows(lambda: started.append("later"))  # asked after the rows: called at once
    qtbot.waitUntil(lambda: "later" in started, timeout=5_000)


def test_a_training_leads_view_is_built_after_the_first_rows_and_keeps_its_splitter(qtbot, desk, tmp_path):
    save_profile(Profile("Tove Lind", TRAINING_LEAD))
    settings = str(tmp_path / "s.ini")
    first = MainWindow(desk, QSettings(settings, QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(first, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))
    assert first._training_view is None
    first.start_background()
    assert first._training_view is None, "built in a turn of its own, not in the one that starts the background work"
    qtbot.waitUntil(lambda: first._training_view is not None, timeout=10_000)  # ready before it is opened
    first.show()
    first.tabs.setCurrentIndex(first.training_tab)
    splitter = first.training_view.findChild(QSplitter)
    qtbot.waitUntil(lambda: splitter.isVisible() and sum(splitter.sizes()) > 300)
    splitter.setSizes([150, sum(splitter.sizes()) - 150])
    key = next(name for name, found in first._splitters().items() if found is splitter)
    qtbot.waitUntil(lambda: first.runner.running() == 0, timeout=60_000)
    first.close()
    kept = QSettings(settings, QSettings.IniFormat).value("layout/splitter/" + key)
    assert kept is not None

    second = MainWindow(desk, QSettings(settings, QSettings.IniFormat), defer_start=True)
    qtbot.addWidget(second, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=60_000))
    second.tabs.setCurrentIndex(second.training_tab)  # built here, on first use
    assert second.training_view.findChild(QSplitter).saveState() == kept
