"""A shared-desk tester's smaller findings (Region Västerbrand on one PostgreSQL server, 2026-12-07): messages that
ran their advice on without a full stop, a removed ticket named by its internal id with nowhere for the typed text
to go, a modal dialog over the review card, an import cut off without what it stored, a dialog that clipped its
error, a password prompt naming the wrong server, ``db status`` refusing an older desk, and Alt+L writing at the
start of a Lösning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from conftest import leave_a_step_behind, sample_rows, write_jsonl
from elsdesk.domain import DatabaseUnavailableError
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository, open_database
from test_gui_conflict import window  # noqa: F401 - the fixture: a window on a desk of three tickets
from test_gui_main_window import closed


# -- 5: what happened and what to do, as sentences ----------------------------------------------------------------
def test_a_message_and_its_advice_are_two_sentences(qapp):
    from elsdesk.gui.notify import describe

    what, todo = describe(DatabaseUnavailableError(
        "servern service=elsdesk svarar inte; vänta en stund och be IT se till servern om det varar"))
    assert what == "Servern service=elsdesk svarar inte; vänta en stund och be IT se till servern om det varar."
    assert todo.startswith("Försök igen om en stund")
    what, _todo = describe(DatabaseUnavailableError("elsdesk.db kan inte öppnas"))
    assert what == "elsdesk.db kan inte öppnas.", "a file name keeps its letters"


def test_an_interrupted_import_in_the_window_is_not_told_that_typed_text_is_kept(qapp):
    from elsdesk.domain import ImportInterruptedError
    from elsdesk.gui.notify import describe

    what, todo = describe(ImportInterruptedError("förbindelsen med servern bröts", 2000, 6000, 2000, 0))
    assert what == ("Förbindelsen med servern bröts; importen hann spara 2000 av ungefär 6000 rader (nya: 2000,"
                    " uppdaterade: 0) innan den avbröts.")
    assert todo.startswith("Importera filen igen när servern svarar") and "det du skrivit" not in todo


def test_a_schema_newer_than_the_app_is_not_told_to_wait_and_try_again(qapp):
    from elsdesk.gui.notify import describe
    from elsdesk.storage.migrations import MIGRATIONS, check_schema_version

    with pytest.raises(DatabaseUnavailableError) as refused:
        check_schema_version(len(MIGRATIONS) + 1, "service=elsdesk")
    said = " ".join(describe(refused.value))
    assert "uppdatera elsdesk på den här datorn." in said
    assert "Försök igen" not in said and "det du skrivit" not in said


# -- 4: a ticket removed while it is open -----------------------------------------------------------------------------
def test_a_ticket_removed_while_open_is_named_by_its_number_and_the_text_can_be_logged_as_new(qtbot, window, db_path):
    """Mira typed a Lösning in J-3032 while Karin ran ``elsdesk delete J-3032 --yes``; Ctrl+Enter said "ärendet finns
    inte längre i desken (id 32); det kan ha tagits bort Uppdatera listan; ärendet kan ha tagits bort." and the text
    could go nowhere."""
    from elsdesk.services.ticket_removal import remove_logged_by_mistake

    with open_database(db_path) as database:
        ticket = TicketRepository(database).get_by_external_id("T-00002")
    form = window.edit_ticket(ticket.id)
    form.resolution_edit.setPlainText("Visade hur man signerar i utdelningsvyn")
    with open_database(db_path) as other:
        assert remove_logged_by_mistake(other, [ticket.id]) == 1
    form.submit()
    qtbot.waitUntil(lambda: form.mask_notice.isVisible() and not form.is_saving(), timeout=20_000)
    note = form.mask_notice.text()
    assert note == ("T-00002 har tagits bort ur desken sedan du öppnade det. "
                    "Det du skrivit finns kvar: Ctrl+Enter sparar det som ett nytt ärende.")
    assert form.isVisible() and form.resolution_edit.toPlainText() == "Visade hur man signerar i utdelningsvyn"
    assert form.windowTitle() == "Nytt ärende" and form.has_changes()
    form.submit()  # the person's choice: one more Ctrl+Enter logs it
    qtbot.waitUntil(lambda: closed(form), timeout=20_000)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=30_000)
    with open_database(db_path) as database:
        logged = [t for t in TicketRepository(database).iter_tickets()
                  if t.resolution == "Visade hur man signerar i utdelningsvyn"]
    assert len(logged) == 1 and logged[0].external_id != "T-00002" and logged[0].title == ticket.title


# -- 5: Granskning says a server away on the card, not in a dialog the next Enter closes ------------------------------
def test_a_review_queue_that_cannot_be_read_says_so_on_the_card_without_a_dialog(qtbot, db_path, monkeypatch):
    """A refused connection in Granskning opened a modal "det du skrivit finns kvar" over the card, though nothing
    was typed, and the next Enter closed it unread."""
    import elsdesk.gui.review_queue_view as queue_view
    from elsdesk.domain import Ticket
    from test_gui_review import _close_view, _open_view

    with open_database(db_path) as database, database.write():
        TicketRepository(database).insert(Ticket(title="Dosen går inte att signera", created_at="2025-04-28T08:00:00"))
    dialogs = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: dialogs.append(box.text()))
    view, runner = _open_view(qtbot, db_path, None)
    try:
        qtbot.waitUntil(view.is_idle)

        def refused(*_args, **_kwargs):
            raise DatabaseUnavailableError("servern service=elsdesk svarar inte: servern tar inte emot anslutningar")

        monkeypatch.setattr(queue_view, "review_queue", refused)
        view.refresh()
        qtbot.waitUntil(lambda: view.is_idle() and bool(view.notice()), timeout=10_000)
        assert dialogs == []
        assert view.notice() == ("Granskningskön kunde inte läsas. Servern service=elsdesk svarar inte: servern tar "
                                 "inte emot anslutningar. Den läses igen när servern svarar.")
        monkeypatch.undo()  # the server is back: the queue is read again and the notice goes
        with qtbot.waitSignal(view.queue_loaded, timeout=10_000):
            view.refresh()
        assert view.notice() == ""
    finally:
        _close_view(qtbot, view, runner)


# -- 6: an import cut off by an outage says what it stored and how to go on -------------------------------------------
def test_an_import_cut_off_by_an_outage_says_what_it_stored_and_the_command_for_the_rest(tmp_path, capsys, monkeypatch):
    from elsdesk.cli import main
    from elsdesk.services import imports

    desk = tmp_path / "desk.db"
    rows = write_jsonl(tmp_path / "many.jsonl", sample_rows(5))
    writes = []
    real_write = imports._Batches.write

    def second_batch_lost(self, pending):
        writes.append(len(pending))
        if len(writes) == 2:
            raise DatabaseUnavailableError("förbindelsen med servern bröts")
        return real_write(self, pending)

    monkeypatch.setattr(imports._Batches, "write", second_batch_lost)
    monkeypatch.setitem(imports.import_tickets.__kwdefaults__, "batch_size", 2)  # the CLI takes the default
    assert main(["--db", str(desk), "import", str(rows), "--no-classify", "--no-incidents"]) == 4
    err = capsys.readouterr().err
    assert "förbindelsen med servern bröts; importen hann spara 2 av ungefär 5 rader (nya: 2, uppdaterade: 0)" in err
    assert f"med samma kommando: elsdesk --db '{desk}' import {rows}" in err
    monkeypatch.setattr(imports._Batches, "write", real_write)
    assert main(["--db", str(desk), "import", str(rows), "--no-classify", "--no-incidents"]) == 0
    assert "nya: 3, uppdaterade: 0, oförändrade: 2" in capsys.readouterr().out


# -- 7: the first-start dialog grows to show its error ----------------------------------------------------------------
def test_the_desk_location_dialog_grows_to_show_its_error(qtbot, qapp):
    """An empty address showed the red error, and the dialog kept its 241 px where 309 were needed: the intro and the
    error were cut off (the app's style sheet gives the error its padding)."""
    from elsdesk.gui.app import stylesheet
    from elsdesk.gui.desk_connection import DeskLocationDialog

    before = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet())
    try:
        _show_the_error_unclipped(qtbot)
    finally:
        qapp.setStyleSheet(before)


def _show_the_error_unclipped(qtbot):
    from elsdesk.gui.desk_connection import DeskLocationDialog

    dialog = DeskLocationDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.server_radio.setChecked(True)
    dialog.address_edit.setText("")
    dialog.accept()
    qtbot.waitUntil(dialog.error_label.isVisible)
    layout = dialog.layout()
    assert dialog.height() >= layout.totalHeightForWidth(dialog.width()), "the intro and the error are clipped"
    assert dialog.error_label.geometry().bottom() < dialog.height()


# -- 8: the password prompt names the server and the login libpq uses -------------------------------------------------
def test_a_service_is_named_by_the_host_and_login_libpq_resolves(tmp_path, monkeypatch):
    from elsdesk.storage import postgres_backend

    services = tmp_path / "pg_service.conf"
    services.write_text("[vbdesk]\nhost=db.vasterbrand.example\nport=5433\ndbname=elsdesk\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGUSER", "mira_holm")
    monkeypatch.setenv("PGCONNECT_TIMEOUT", "1")
    getattr(postgres_backend, "_RESOLVED", {}).clear()  # what libpq resolved is kept per address
    assert postgres_backend.login_of("service=vbdesk") == ("mira_holm", "db.vasterbrand.example/elsdesk")
    monkeypatch.setenv("PGUSER", "karin_lind")
    getattr(postgres_backend, "_RESOLVED", {}).clear()  # what libpq resolved is kept per address
    assert postgres_backend.login_of("service=vbdesk")[0] == "karin_lind", "each login its own keyring entry"
    assert postgres_backend.login_of("postgresql://omar@db2.example/elsdesk") == ("omar", "db2.example/elsdesk")


# -- 9: db status on an older desk, Alt+L at the end of a Lösning ---------------------------------------------------
def test_db_status_describes_an_older_desk_and_names_its_upgrade(pg_server, capsys):
    from elsdesk.cli import main
    from elsdesk.storage.migrations import MIGRATIONS

    name = "older_desk_status"
    url = pg_server.create_database(name)
    try:
        leave_a_step_behind(url)
        assert main(["--db", url, "db", "status"]) == 0
        out = capsys.readouterr().out
        assert f"schemaversion: {len(MIGRATIONS) - 1} av {len(MIGRATIONS)}" in out
        assert "uppgradering behövs:" in out and "db upgrade" in out and "ärenden: 0" in out
        assert main(["--db", url, "list"]) == 4, "a workstation still refuses it"
    finally:
        from elsdesk.storage.postgres_backend import release_connections

        release_connections(url)
        pg_server.drop_database(name)


def test_alt_l_into_a_losning_with_text_writes_at_its_end(qtbot):
    from elsdesk.domain import Ticket
    from elsdesk.gui.ticket_form import TicketFormDialog
    from elsdesk.taxonomy import load_taxonomy

    stored = Ticket(id=7, external_id="J-3032", title="Etikett fel rum", created_at="2026-11-30T08:00:00", version=1,
                    resolution="Bett Lid om")
    form = TicketFormDialog(load_taxonomy(), ticket=stored)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.title_edit.setFocus()
    qtbot.waitUntil(form.title_edit.hasFocus)
    qtbot.keyClick(form.title_edit, Qt.Key_L, Qt.AltModifier)
    qtbot.waitUntil(form.resolution_edit.hasFocus)
    qtbot.keyClicks(form.resolution_edit, " Mira: bett")
    assert form.resolution_edit.toPlainText() == "Bett Lid om Mira: bett"
