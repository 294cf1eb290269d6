"""Two people editing one ticket: the second save is detected and gets a clear choice (issue 2/6)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from conftest import sample_rows, write_jsonl
from elsdesk.gui.main_window import MainWindow
from elsdesk.services.imports import import_tickets
from elsdesk.services.tickets import save_ticket
from elsdesk.storage import TicketRepository, open_database
from test_gui_main_window import closed


@pytest.fixture
def window(qtbot, db_path, tmp_path):
    with open_database(db_path) as database:
        import_tickets(database, write_jsonl(tmp_path / "c.jsonl", sample_rows(3)))
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=30_000))
    window.show()
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=30_000)
    return window


def _someone_else_saves(db_path, status):
    with open_database(db_path) as other:
        ticket = TicketRepository(other).get_by_external_id("T-00001")
        save_ticket(other, ticket.with_changes(status=status), actor="kollega")


def _stored(db_path):
    with open_database(db_path) as database:
        return TicketRepository(database).get_by_external_id("T-00001")


def _edit_and_collide(qtbot, window, db_path):
    ticket_id = _stored(db_path).id
    form = window.edit_ticket(ticket_id)
    form.resolution_edit.setPlainText("Visade hur man signerar")
    _someone_else_saves(db_path, "vantar")
    form.submit()
    qtbot.waitUntil(lambda: getattr(window, "conflict_box", None) is not None and window.conflict_box.isVisible(), timeout=20_000)
    return form


def _click(box, text):
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def test_overwrite_keeps_my_changes_on_top_of_theirs(qtbot, window, db_path):
    form = _edit_and_collide(qtbot, window, db_path)
    version_before = _stored(db_path).version
    _click(window.conflict_box, "Skriv över med mina ändringar")
    qtbot.waitUntil(lambda: closed(form), timeout=20_000)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=30_000)
    stored = _stored(db_path)
    assert stored.resolution == "Visade hur man signerar"
    assert stored.version == version_before + 1


def test_show_new_version_reloads_the_form_without_saving_and_keeps_what_only_i_changed(qtbot, window, db_path):
    form = _edit_and_collide(qtbot, window, db_path)
    _click(window.conflict_box, "Visa den nya versionen")
    assert form.status_combo.currentData() == "vantar"  # theirs
    assert form.resolution_edit.toPlainText() == "Visade hur man signerar"  # mine, which they left alone
    assert "Dina ändringar som ingen annan gjort finns kvar: Lösning: Visade hur man signerar." in form.mask_notice.text()
    assert form.isVisible() and form.buttons.isEnabled() and form.has_changes()
    assert _stored(db_path).resolution == ""
    form.reject()


def test_a_colleague_changed_status_and_solution_my_other_change_stays_and_no_one_is_wrongly_named(qtbot, window,
                                                                                                   db_path):
    """A shared-desk tester (Region Västerbrand, 2026-12-07): Mira saved status and solution while Karin changed Typ;
    the question said "sparats av model" (the import's own classification, in the same second as the ticket's last
    update) or the import's login, and "Visa den nya versionen" dropped Karin's Typ without a word."""
    form = window.edit_ticket(_stored(db_path).id)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("konfiguration"))  # a field the colleague leaves alone
    form.resolution_edit.setPlainText("Karin: lathund skickad")
    with open_database(db_path) as other:
        ticket = TicketRepository(other).get_by_external_id("T-00001")
        save_ticket(other, ticket.with_changes(status="pagar", resolution="Mira: bett akuten stänga vårdtillfället"),
                    actor="mira_holm")
    form.submit()
    qtbot.waitUntil(lambda: getattr(window, "conflict_box", None) is not None and window.conflict_box.isVisible(),
                    timeout=20_000)
    box = window.conflict_box
    assert "sparats av någon annan" in box.text()  # only a label change says who made it
    assert "Lösning: Mira: bett akuten stänga vårdtillfället (ditt val: Karin: lathund skickad)" in box.informativeText()
    _click(box, "Visa den nya versionen")
    assert form.kind_combo.currentData() == "konfiguration" and form.status_combo.currentData() == "pagar"
    assert form.resolution_edit.toPlainText() == "Mira: bett akuten stänga vårdtillfället"
    note = form.mask_notice.text()
    assert "finns kvar: Typ: Konfiguration." in note and "Dina val var: Lösning: Karin: lathund skickad" in note
    form.reject()


def test_cancel_leaves_their_version(qtbot, window, db_path):
    form = _edit_and_collide(qtbot, window, db_path)
    _click(window.conflict_box, "Avbryt")
    assert _stored(db_path).status == "vantar" and _stored(db_path).resolution == ""
    form.reject()


def test_tickets_written_by_another_process_appear(qtbot, window, db_path, tmp_path, backend):
    assert window.model.rowCount() == 3
    if window.listener is not None:
        assert window.listener.wait_until_listening()
    with open_database(db_path) as other:  # a second app or a CLI import on the same desk
        import_tickets(other, write_jsonl(tmp_path / "more.jsonl", sample_rows(2, start=50)))
    if backend == "sqlite":
        window._on_change_watch()  # what the window's timer does every few seconds on a local file
    # on a server nothing is called: the change notice arrives by itself
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=20_000)


def test_the_conflict_says_who_changed_what_beside_this_persons_choice(qtbot, window, db_path):
    """Tester (two windows on one desk): a training lead chose Typ Fel while a super-user confirmed
    Konfiguration; the question named neither, and "Visa den nya versionen" dropped her Fel without a trace."""
    ticket_id = _stored(db_path).id  # T-00001: Läkemedel / Handhavande
    form = window.edit_ticket(ticket_id)
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("fel"))
    with open_database(db_path) as other:
        ticket = TicketRepository(other).get_by_external_id("T-00001")
        save_ticket(other, ticket.with_changes(kind="konfiguration"), actor="Sigrid Super")
    form.submit()
    qtbot.waitUntil(lambda: getattr(window, "conflict_box", None) is not None and window.conflict_box.isVisible(), timeout=20_000)
    box = window.conflict_box
    assert "Sigrid Super" in box.text()
    assert "Typ: Konfiguration (ditt val: Fel)" in box.informativeText()
    _click(box, "Visa den nya versionen")
    assert form.kind_combo.currentData() == "konfiguration"
    assert "Dina val var: Typ: Fel" in form.mask_notice.text()
    form.reject()
