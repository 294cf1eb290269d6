"""The window announces the possible incidents an import's own scan found over the file's whole span,
without a second scan that looked only at the last 24 hours (tester's finding 1, GUI side)."""

from __future__ import annotations

import pytest

from conftest import write_jsonl
from test_gui_wiring import close, make
from test_incidents_import_scan import week_rows

from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database


@pytest.mark.sqlite_only  # the window's wiring; the scan itself is tested on both backends
def test_an_imports_incident_is_announced_and_listed(qtbot, db_path, tmp_path):
    with open_database(db_path) as database:
        report = import_tickets(database, write_jsonl(tmp_path / "week.jsonl", week_rows()))
    assert len(report.incidents.created) == 1
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)
    assert window.scan_incidents(report) is None, "no second scan: the import scanned the file's span"
    qtbot.waitUntil(lambda: window.open_incidents != [] and window.runner.running() == 0, timeout=20000)
    assert [i.ticket_count for i in window.open_incidents] == [18]
    assert window.statusBar().currentMessage().startswith("Möjlig incident: ")
    close(qtbot, window)
