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
    assert [i.ticket_count for i in window.open_incidents] == [report.incidents.created[0].ticket_count]
    assert window.incidents_menu.title() == "&Incidenter (1)", "the menu says one is open"
    close(qtbot, window)


@pytest.mark.sqlite_only
def test_an_import_in_the_window_keeps_its_summary_naming_the_incidents(qtbot, db_path, tmp_path):
    """Per incident a message replaced the import's summary within milliseconds: only the last incident (a small
    one) stayed in the status bar, not the counts nor the whole-system freeze (an outage-day tester)."""
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)
    with qtbot.waitSignal(window.tickets_imported, timeout=60_000):
        window.import_file(str(write_jsonl(tmp_path / "week.jsonl", week_rows())))
    qtbot.waitUntil(lambda: window.open_incidents != [] and window.runner.running() == 0, timeout=20000)
    said = window.statusBar().currentMessage()
    assert said.startswith("Import klar:") and "1 möjlig incident: " in said
    close(qtbot, window)


@pytest.mark.sqlite_only
def test_incidents_found_elsewhere_are_said_in_one_message_largest_first(qtbot, db_path, tmp_path):
    from types import SimpleNamespace

    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)
    small = SimpleNamespace(label="NPÖ fungerar inte", ticket_count=5, units=("A", "B", "C"))
    large = SimpleNamespace(label="Cosmic hänger sig", ticket_count=18, units=tuple("ABCDEFGHIJKLMNO"))
    window._on_incidents_found(SimpleNamespace(created=[small, large], extended=[]))
    assert window.statusBar().currentMessage() == (
        "Möjlig incident: Cosmic hänger sig (18 ärenden från 15 enheter). Och 1 till. Se menyn Incidenter.")
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)
    close(qtbot, window)


@pytest.mark.sqlite_only
def test_a_saved_ticket_that_makes_an_incident_says_both_in_one_message(qtbot, db_path, tmp_path, monkeypatch):
    """A keyboard tester logged the fifth label-printer call from a fifth unit: "Möjlig incident …" was replaced by
    "Ärende ELS-000198 sparat." 10 ms later, and only the menu's "(2)" was left of it."""
    from dataclasses import replace
    from types import SimpleNamespace

    from elsdesk.services import intake

    real = intake.take_in_ticket
    burst = SimpleNamespace(label="Etikettskrivaren skriver inte", ticket_count=5, units=tuple("ABCDE"))

    def with_an_incident(*args, **kwargs):
        return replace(real(*args, **kwargs), scan=SimpleNamespace(created=[burst], extended=[]))

    monkeypatch.setattr(intake, "take_in_ticket", with_an_incident)
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)
    form = window.new_ticket()
    form.title_edit.setText("Etikettskrivaren skriver inte")
    with qtbot.waitSignal(window.ticket_saved, timeout=20000):
        form.submit()
    said = window.statusBar().currentMessage()
    assert said.startswith("Ärende ") and " sparat." in said
    assert "Möjlig incident: Etikettskrivaren skriver inte (5 ärenden från 5 enheter). Se menyn Incidenter." in said
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)
    close(qtbot, window)
