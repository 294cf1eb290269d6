"""MainWindow.startup_checks: offer a leftover draft, then (once) demo data on an empty database.

``QMessageBox.question`` is replaced by a fake that records which questions were asked and
answers them by title, so the checks run without a modal dialog.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox

from elsdesk.domain import Ticket
from elsdesk.drafts import load_draft, save_draft
from elsdesk.gui.main_window import MainWindow
from elsdesk.storage import TicketRepository, open_database

DRAFT_TITLE, EMPTY_TITLE = "Osparat ärende", "Tom databas"


class FakeQuestions:
    """Stands in for QMessageBox.question: records (title, text), answers from a dict by title."""

    def __init__(self, answers: dict[str, QMessageBox.StandardButton]):
        self.answers = answers
        self.asked: list[tuple[str, str]] = []
        self.defaults: dict[str, QMessageBox.StandardButton | None] = {}  # the button Enter presses

    def __call__(self, _parent, title, text, *args):
        self.asked.append((title, text))
        self.defaults[title] = args[1] if len(args) > 1 else None
        return self.answers[title]

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self.asked]


@pytest.fixture
def settings_path(tmp_path):
    return str(tmp_path / "s.ini")


def wait_for_workers(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=30_000)


@pytest.fixture
def make_window(qtbot, db_path, settings_path):
    """Build a MainWindow (not shown: the checks need no screen) once its first query has loaded."""
    def make():
        window = MainWindow(db_path, QSettings(settings_path, QSettings.IniFormat))
        qtbot.addWidget(window, before_close_func=lambda w: wait_for_workers(qtbot, w))
        wait_for_workers(qtbot, window)  # the first list query; the checks themselves start none
        return window

    return make


@pytest.fixture
def answer(monkeypatch):
    def install(**answers):
        fake = FakeQuestions({DRAFT_TITLE: answers.get("draft"), EMPTY_TITLE: answers.get("demo")})
        monkeypatch.setattr(QMessageBox, "question", fake)
        return fake

    return install


@pytest.fixture
def demo_calls(monkeypatch):
    """Record load_demo calls instead of inserting 1200 tickets (that path is tested elsewhere)."""
    calls = []
    monkeypatch.setattr(MainWindow, "load_demo", lambda self: calls.append(self))
    return calls


def test_a_leftover_draft_is_offered_and_reopened_with_its_values(make_window, answer, demo_calls):
    save_draft({"id": None, "title": "Fel dos i utdelningen", "description": "Pat 19121212-1212 fick dubbel dos.",
                "module": "lakemedel", "kind": "fel", "reporter_role": "ssk", "priority": "hog"})
    questions = answer(draft=QMessageBox.Yes)
    window = make_window()

    window.startup_checks()

    assert questions.titles == [DRAFT_TITLE], "demo data is not offered while a draft is restored"
    assert "Fel dos i utdelningen" in questions.asked[0][1]
    form = window.form
    assert form is not None and form.isVisible() and form.ticket is None
    assert form.title_edit.text() == "Fel dos i utdelningen"
    assert form.description_edit.toPlainText() == "Pat [personnummer] fick dubbel dos."
    assert form.module_combo.currentData() == "lakemedel"
    assert form.kind_combo.currentData() == "fel"
    assert form.role_combo.currentData() == "ssk"
    assert form.priority_combo.currentData() == "hog"
    assert load_draft() is not None, "the draft stays until the ticket is saved or cancelled"
    assert demo_calls == []


def test_a_draft_of_a_stored_ticket_reopens_that_ticket(make_window, answer, db_path):
    with open_database(db_path) as database, database.write():
        stored = TicketRepository(database).insert(
            Ticket(title="Saknar enhet", created_at="2025-04-28T10:00:00", module="behorighet_roller"))
    save_draft({"id": stored.id, "title": "Saknar enhet avd 12", "description": "Vikarien saknar avd 12.",
                "module": "behorighet_roller", "status": "pagar"})
    answer(draft=QMessageBox.Yes)
    window = make_window()

    window.startup_checks()

    form = window.form
    assert form.ticket is not None and form.ticket.id == stored.id
    assert form.windowTitle() == f"Ärende {stored.external_id}"
    assert form.title_edit.text() == "Saknar enhet avd 12"
    assert form.status_combo.currentData() == "pagar"


def test_declining_the_draft_deletes_it_and_goes_on_to_offer_demo_data(make_window, answer, demo_calls):
    save_draft({"title": "Halvskrivet", "description": ""})
    questions = answer(draft=QMessageBox.No, demo=QMessageBox.No)
    window = make_window()

    window.startup_checks()

    assert questions.titles == [DRAFT_TITLE, EMPTY_TITLE]
    assert window.form is None
    assert load_draft() is None
    assert demo_calls == []


def test_an_empty_database_is_offered_demo_data_once(make_window, answer, demo_calls, settings_path):
    questions = answer(demo=QMessageBox.Yes)
    window = make_window()

    window.startup_checks()
    assert questions.titles == [EMPTY_TITLE]
    assert questions.defaults[EMPTY_TITLE] == QMessageBox.No  # a stray Enter loads no made-up tickets (a tester)
    assert demo_calls == [window]
    assert QSettings(settings_path, QSettings.IniFormat).value("demo_offered", False, type=bool)

    window.startup_checks()
    assert questions.titles == [EMPTY_TITLE], "asked only once in this session"

    make_window().startup_checks()
    assert questions.titles == [EMPTY_TITLE], "and not again after a restart"
    assert len(demo_calls) == 1


def test_declined_demo_data_is_not_offered_again(make_window, answer, demo_calls):
    questions = answer(demo=QMessageBox.No)
    window = make_window()

    window.startup_checks()
    window.startup_checks()

    assert questions.titles == [EMPTY_TITLE]
    assert demo_calls == []
    assert window.settings.value("demo_offered", False, type=bool)


def test_a_database_with_tickets_is_not_offered_demo_data(make_window, answer, demo_calls, db_path):
    with open_database(db_path) as database, database.write():
        TicketRepository(database).insert(Ticket(title="SITHS-kortet låst", created_at="2025-04-28T08:00:00"))
    questions = answer()
    window = make_window()

    window.startup_checks()

    assert questions.asked == []
    assert window.form is None and demo_calls == []
    assert not window.settings.value("demo_offered", False, type=bool)


def test_answering_yes_starts_loading_demo_data(make_window, answer, qtbot):
    answer(demo=QMessageBox.Yes)
    window = make_window()

    with qtbot.waitSignal(window.tickets_imported, timeout=60_000) as imported:
        window.startup_checks()
        assert not window.progress.isHidden()

    assert imported.args[0] > 0
    qtbot.waitUntil(lambda: window.model.rowCount() == imported.args[0] and window.runner.running() == 0,
                    timeout=30_000)


@pytest.mark.sqlite_only  # the local profile; on a server the role comes from the login
def test_first_start_asks_for_the_profile_before_offering_demo_data(make_window, answer, demo_calls):
    questions = answer(demo=QMessageBox.Yes)
    window = make_window()
    assert window.profile is None

    window.start_up()

    assert questions.titles == [], "no second dialog on top of the profile dialog"
    dialogs = [w for w in window.findChildren(QDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()
    assert questions.titles == [EMPTY_TITLE]
    assert demo_calls == [window]


def test_a_kept_draft_comes_back_in_a_new_form_with_a_notice_and_can_be_emptied(make_window):
    """A GUI tester kept a draft, and the next call's title and description were typed into it unnoticed."""
    window = make_window()
    desk = window._desk_of_place()
    save_draft({"id": None, "title": "Inloggningen med SITHS-kort", "description": "Kortet läses inte."}, desk)

    form = window.new_ticket()

    assert not form.draft_notice.isHidden() and "utkast" in form.draft_label.text()
    assert form.title_edit.text() == "Inloggningen med SITHS-kort"
    assert form.title_edit.cursorPosition() == len("Inloggningen med SITHS-kort"), "typing goes on after it"
    form.clear_draft_button.click()
    assert form.title_edit.text() == "" and form.description_edit.toPlainText() == ""
    assert form.draft_notice.isHidden() and load_draft(desk) is None and not form.has_changes()
    form.reject()
    assert window.new_ticket().draft_notice.isHidden(), "an empty form says nothing of drafts"


def test_a_draft_kept_on_one_desk_does_not_come_back_on_another():
    from elsdesk.drafts import clear_draft

    save_draft({"title": "Halvskrivet på den lokala desken", "description": "x"}, "/tmp/lokal.db")
    assert load_draft("postgresql://els@regionen/desk") is None
    assert load_draft("/tmp/lokal.db")["title"] == "Halvskrivet på den lokala desken"
    clear_draft("/tmp/lokal.db")
    assert load_draft("/tmp/lokal.db") is None
