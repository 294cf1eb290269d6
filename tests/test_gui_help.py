"""Hjälp (issue 13): F1 shows the shortcuts of the view in focus, the ticket form answers F1 with its
own keys, and "Kom igång" opens on the person's role."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from conftest import sample_rows, write_jsonl
from elsdesk.gui.help_dialog import REVIEW, TICKETS, TRAINING, GettingStartedDialog, review_keys
from elsdesk.gui.main_window import MainWindow
from elsdesk.services.imports import import_tickets
from elsdesk.services.profile import SUPER_USER, TRAINING_LEAD, Profile, save_profile
from elsdesk.storage import open_database


def _window(qtbot, tmp_path, profile=None):
    path = tmp_path / "desk.db"
    with open_database(path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(3)))
    if profile:
        save_profile(profile)
    window = MainWindow(path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(
        lambda: w.runner.running() == 0 and (w.review_view is None or w.review_view.is_idle()), timeout=60_000))
    with qtbot.waitActive(window):
        window.show()
    return window


def test_f1_on_the_ticket_list_shows_its_shortcuts_and_the_global_ones(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    qtbot.keyClick(window, Qt.Key_F1)

    dialog = window.help_dialog
    assert dialog.isVisible() and dialog.view == TICKETS
    keys = [key for key, _what in dialog.rows()]
    assert "Enter / Ctrl+E" in keys and "Ctrl+N" in keys and "F1" in keys
    assert "Ärenden" in dialog.text.toPlainText() and "Överallt" in dialog.text.toPlainText()
    dialog.view_combo.setCurrentIndex(dialog.view_combo.findData("form"))
    assert "Ctrl+Enter" in dialog.text.toPlainText()
    dialog.reject()


def test_f1_on_the_review_tab_lists_the_keys_the_queue_takes(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, Profile("Sven Berg", SUPER_USER))
    window.tabs.setCurrentWidget(window.review_view)

    dialog = window.show_shortcuts()

    assert dialog.view == REVIEW
    assert dialog.rows()[: len(review_keys(window.review_view.help_label.text()))] == review_keys(
        window.review_view.help_label.text())
    assert ("Enter", "förslag 1") in dialog.rows()
    dialog.reject()


def test_f1_in_the_ticket_form_shows_the_form_keys(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    form = window.new_ticket()
    qtbot.waitUntil(form.isActiveWindow)

    qtbot.keyClick(form.title_edit, Qt.Key_F1)

    assert form.help_dialog.isVisible() and form.help_dialog.view == "form"
    assert "Ctrl+1 / Ctrl+2 / Ctrl+3" in [key for key, _ in form.help_dialog.rows()]
    form.help_dialog.reject()
    form.reject()


def test_getting_started_opens_on_the_persons_role(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, Profile("Lena Ek", TRAINING_LEAD))
    window.tabs.setCurrentIndex(window.training_tab)
    assert window.show_shortcuts().view == TRAINING
    window.help_dialog.reject()

    dialog = window.show_getting_started()

    assert isinstance(dialog, GettingStartedDialog) and dialog.role == TRAINING_LEAD
    assert "go-live" in dialog.text.toPlainText()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("els_stod"))
    assert "Ctrl+N" in dialog.text.toPlainText()
    dialog.reject()


def test_review_keys_reads_the_queue_key_line():
    assert review_keys("Enter = förslag 1 · Mellanslag = hoppa över") == [("Enter", "förslag 1"), ("Mellanslag", "hoppa över")]
    assert review_keys("some other text") == [("", "some other text")]
