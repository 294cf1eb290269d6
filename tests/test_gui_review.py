"""ReviewQueueView worked through with the keyboard only (issue 4): Enter, 1-3, kind keys, the
type-ahead module picker, Space, s and Ctrl+Z undo, checking the stored labels and history.

Keys go to whichever widget has focus, as they would for a super-user. The fake model gives
fixed suggestions so every keystroke has a known result; writes run on the view's worker and
each test waits for them (``is_idle``) before it ends.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from elsdesk.domain import Ticket
from elsdesk.gui.review_queue_view import ReviewQueueView
from elsdesk.gui.tasks import TaskRunner
from elsdesk.ml.model import Prediction
from elsdesk.services import review
from elsdesk.services.similar import build_similarity_index
from elsdesk.storage import open_database, TicketRepository
from elsdesk.taxonomy import load_taxonomy

CARD = {"version": "test-1", "thresholds": {}}
# title: (module label stored on the ticket, its confidence, the fake model's top 3, its kind)
TICKETS = {
    "Något konstigt i journalen": (None, None, [("journal_dokumentation", 0.5), ("lakemedel", 0.3), ("remiss", 0.1)], "handhavande"),
    "Dosen går inte att signera": ("lakemedel", 0.31, [("lakemedel", 0.4), ("bestallning_svar", 0.3), ("remiss", 0.2)], "fel"),
    "Remissen till ortopeden": ("remiss", 0.45, [("remiss", 0.45), ("bestallning_svar", 0.4), ("lakemedel", 0.1)], "handhavande"),
    "Skrivaren skriver inte ut": ("utskrift_hardvara", 0.6, [("utskrift_hardvara", 0.6), ("integrationer", 0.2), ("prestanda_driftstorning", 0.1)], "fel"),
    "SITHS-kortet fungerar inte": ("inloggning_siths", 0.7, [("inloggning_siths", 0.7), ("behorighet_roller", 0.2), ("navigering_installningar", 0.05)], "fel"),
    "Saknar enhet i listan": ("behorighet_roller", 0.9, [("behorighet_roller", 0.9), ("inloggning_siths", 0.05), ("navigering_installningar", 0.02)], "konfiguration"),
}


class FakeModel:
    def predict_one(self, title, description=""):
        _module, _confidence, top, kind = TICKETS[title]
        return Prediction(top[0][0], top[0][1], kind, 0.8, list(top))


@pytest.fixture
def desk(db_path):
    database = open_database(db_path)
    repo = TicketRepository(database)
    ids = {}
    with database.write():
        for number, (title, (module, confidence, _top, kind)) in enumerate(TICKETS.items()):
            ticket = repo.insert(Ticket(
                title=title, description=f"{title}, hela avdelningen", created_at=f"2025-04-28T{8 + number:02d}:00:00",
                module=module, kind=kind if module else None, label_source="model" if module else None,
                module_confidence=confidence, model_version="shipped" if module else None, unit="Avd 12"))
            ids[title] = ticket.id
        ids["confirmed"] = repo.insert(Ticket(title="Remissen till ortopeden går inte att skicka",
                                              created_at="2025-04-27T08:00:00", module="remiss",
                                              kind="fel", label_source="human", status="lost",
                                              resolution="Visade remissflödet")).id
    index = build_similarity_index(database)
    yield database, ids, index
    database.close()


def _open_view(qtbot, db_path, index, model=None) -> tuple[ReviewQueueView, TaskRunner]:
    runner = TaskRunner()
    widget = ReviewQueueView(db_path, load_taxonomy(), runner, "Anna", classifier=(model or FakeModel(), CARD),
                             similarity_index=index)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    widget.setFocus()
    with qtbot.waitSignal(widget.queue_loaded):
        widget.refresh()
    return widget, runner


def _close_view(qtbot, widget: ReviewQueueView, runner: TaskRunner) -> None:
    # Not qtbot.addWidget: pytest-qt would delete the view before this teardown has waited for its tasks.
    qtbot.waitUntil(widget.is_idle)
    assert widget.shutdown(10_000) and runner.wait(10_000), "a background task was left running"
    widget.close()
    widget.deleteLater()


@pytest.fixture
def view(qtbot, desk, db_path):
    widget, runner = _open_view(qtbot, db_path, desk[2])
    qtbot.waitUntil(lambda: widget.is_idle() and widget.current_item() is not None)
    yield widget
    _close_view(qtbot, widget, runner)


def press(qtbot, key, modifier=Qt.NoModifier):
    """Send a key to the widget that has the keyboard focus."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def ready(qtbot, view):
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None)


def stored(database, ticket_id):
    ticket = TicketRepository(database).get(ticket_id)
    return ticket.module, ticket.kind, ticket.label_source


def test_keyboard_only_session_with_every_key_and_undo(qtbot, view, desk):
    database, ids, _index = desk
    assert view.hasFocus()
    assert view.current_ticket_id() == ids["Något konstigt i journalen"], "unclassified first"
    assert view.remaining() == 6

    with qtbot.waitSignal(view.labels_confirmed) as confirmed:
        press(qtbot, Qt.Key_Return)
        assert view.current_ticket_id() == ids["Dosen går inte att signera"], "the next ticket appears at once"
        assert view.current_item() is not None
    decision = confirmed.args[0]
    assert (decision.module, decision.kind, decision.suggested_by) == ("journal_dokumentation", "handhavande", "test-1")
    assert stored(database, ids["Något konstigt i journalen"]) == ("journal_dokumentation", "handhavande", "human")
    ready(qtbot, view)

    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, "2")
    assert stored(database, ids["Dosen går inte att signera"]) == ("bestallning_svar", "fel", "human")
    ready(qtbot, view)

    press(qtbot, "k")
    assert view.pending_kind() == "konfiguration"
    assert view.status_label.text().startswith("Typ vald: Konfiguration."), "the key's effect said in words"
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, "3")
    assert stored(database, ids["Remissen till ortopeden"]) == ("lakemedel", "konfiguration", "human")
    ready(qtbot, view)

    press(qtbot, "/")
    assert QApplication.focusWidget() is view.picker
    qtbot.keyClicks(view.picker, "Navig")
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Return)
    assert stored(database, ids["Skrivaren skriver inte ut"]) == ("navigering_installningar", "fel", "human")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)  # focus returns to the queue after picking
    ready(qtbot, view)

    press(qtbot, "o")
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Enter)
    assert stored(database, ids["SITHS-kortet fungerar inte"]) == ("inloggning_siths", "onskemal", "human")
    assert view.current_ticket_id() == ids["Saknar enhet i listan"]

    with qtbot.waitSignal(view.decision_undone) as undone:
        press(qtbot, Qt.Key_Z, Qt.ControlModifier)
        assert view.current_ticket_id() == ids["SITHS-kortet fungerar inte"], "the undone ticket is shown again at once"
    assert undone.args[0].ticket_id == ids["SITHS-kortet fungerar inte"]
    assert stored(database, ids["SITHS-kortet fungerar inte"]) == ("inloggning_siths", "fel", "model")

    with qtbot.waitSignal(view.decision_undone):
        press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert view.current_ticket_id() == ids["Skrivaren skriver inte ut"]
    assert stored(database, ids["Skrivaren skriver inte ut"]) == ("utskrift_hardvara", "fel", "model")
    ready(qtbot, view)

    press(qtbot, "d")
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Return)
    assert stored(database, ids["Skrivaren skriver inte ut"]) == ("utskrift_hardvara", "driftstorning", "human")
    assert view.remaining() == 2
    qtbot.waitUntil(view.is_idle)

    history = TicketRepository(database).label_history(ids["Dosen går inte att signera"])
    assert [(h.field, h.old, h.new, h.actor, h.source, h.suggested_by) for h in history] == [
        ("module", "lakemedel", "bestallning_svar", "Anna", "human", "test-1"),
        ("kind", "fel", "fel", "Anna", "human", "test-1"),
    ]
    assert TicketRepository(database).label_history(ids["SITHS-kortet fungerar inte"]) == []
    assert review.confirmations_since_training(database) == 4  # five confirmed, two undone, one again
    assert [d.undone_at is not None for d in review.decisions_of(database, ids["Skrivaren skriver inte ut"])] == [True, False]


def test_current_ticket_shows_top_three_suggestions_with_bands_and_similar_tickets(qtbot, view, desk):
    _database, ids, _index = desk
    text = view.suggestion_label.text()
    assert "Journal och vårddokumentation" in text and "Läkemedel" in text and "Remisser" in text
    assert "Låg" in text or "Medel" in text or "Hög" in text
    kinds = view.kind_label.text()
    assert "[h]" in kinds and "[o]" in kinds
    if "(förslag)" in kinds:  # the note stands right after the suggested (underlined) kind, not after the last one
        assert "</u> <i>(förslag)</i>" in kinds
    press(qtbot, Qt.Key_Space)  # skip to the dose ticket
    press(qtbot, Qt.Key_Space)  # ... and to the referral, whose similar earlier ticket is confirmed
    ready(qtbot, view)
    assert view.current_ticket_id() == ids["Remissen till ortopeden"]
    assert ids["confirmed"] in view.similar_view.ticket_ids()


def test_space_skips_and_s_changes_the_order(qtbot, view, desk):
    _database, ids, _index = desk
    press(qtbot, "f")
    assert view.status_label.text().startswith("Typ vald: Fel.")
    press(qtbot, Qt.Key_Space)
    assert view.current_ticket_id() == ids["Dosen går inte att signera"]
    assert view.pending_kind() is None and view.status_label.text() == "", "the kind key was about the ticket put last"
    with qtbot.waitSignal(view.queue_loaded):
        press(qtbot, "s")
    assert view.order_combo.currentData() == "date"
    assert view.current_ticket_id() == ids["Saknar enhet i listan"], "newest first"
    ready(qtbot, view)


def test_escape_leaves_the_picker_without_deciding(qtbot, view, desk):
    database, ids, _index = desk
    press(qtbot, "m")
    qtbot.keyClicks(view.picker, "Kassa")
    with qtbot.assertNotEmitted(view.labels_confirmed, wait=50):
        press(qtbot, Qt.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    assert view.picker.text() == ""
    assert stored(database, ids["Något konstigt i journalen"]) == (None, None, None)


def test_retrain_is_suggested_after_the_threshold_of_confirmations(qtbot, view, desk):
    database, _ids, _index = desk
    review.set_retrain_threshold(database, 2)
    with qtbot.assertNotEmitted(view.retrain_suggested):
        with qtbot.waitSignal(view.labels_confirmed):
            press(qtbot, Qt.Key_Return)
    ready(qtbot, view)
    with qtbot.waitSignal(view.retrain_suggested) as offer:
        press(qtbot, Qt.Key_Return)
    assert offer.args == [2]


def test_the_end_of_the_queue_says_so(qtbot, view):
    for _ in range(6):
        ready(qtbot, view)
        with qtbot.waitSignal(view.labels_confirmed):
            press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(view.is_idle)
    assert view.remaining() == 0
    assert view.title_label.text() == "Inget kvar att granska."
    press(qtbot, Qt.Key_Return)  # nothing to accept: no error, no write
    assert view.is_idle()


def test_undo_with_nothing_decided_says_so(qtbot, view):
    with qtbot.assertNotEmitted(view.decision_undone):
        press(qtbot, Qt.Key_Z, Qt.ControlModifier)
        qtbot.waitUntil(view.is_idle)
    assert view.status_label.text() == "Inget att ångra."


def test_picking_from_the_completer_list_with_arrow_keys_decides_once(qtbot, view, desk):
    database, ids, _index = desk
    press(qtbot, "/")
    qtbot.keyClicks(view.picker, "ning")
    popup = view.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Down)
    assert popup.currentIndex().data() == "Diktering och skanning"
    with qtbot.waitSignal(view.labels_confirmed):
        qtbot.keyClick(popup, Qt.Key_Return)
    qtbot.waitUntil(view.is_idle)
    assert stored(database, ids["Något konstigt i journalen"]) == ("diktat_skanning", "handhavande", "human")
    assert stored(database, ids["Dosen går inte att signera"]) == ("lakemedel", "fel", "model"), "one Enter, one decision"
    assert view.current_ticket_id() == ids["Dosen går inte att signera"]


def test_issue_12_l_links_the_suggested_known_problem_and_shift_l_names_another(qtbot, desk, db_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from elsdesk.services.problems import link_ticket, problem_names

    database, ids, index = desk
    # someone linked an earlier printer ticket: the queue's printer ticket should be suggested that problem
    link_ticket(database, ids["confirmed"], "Remiss till ortopeden går inte att skicka", "Sven")
    printer_early = TicketRepository(database)
    with database.write():
        early = printer_early.insert(Ticket(title="Skrivaren skriver inte ut etiketter", created_at="2025-04-26T08:00:00",
                                            description="Skrivaren skriver inte ut, hela avdelningen", module="utskrift_hardvara",
                                            kind="fel", label_source="human", unit="Avd 12"))
    link_ticket(database, early.id, "Skrivaren skriver inte ut", "Sven")
    widget, runner = _open_view(qtbot, db_path, index)
    try:
        for _ in range(len(TICKETS)):
            qtbot.waitUntil(lambda: widget.is_idle() and widget.current_item() is not None, timeout=60_000)
            if widget.current_item().ticket.title == "Skrivaren skriver inte ut":
                break
            widget.skip()
        item = widget.current_item()
        assert item.problem is not None and item.problem.problem.name == "Skrivaren skriver inte ut"
        assert "Skrivaren skriver inte ut" in widget.card.problem_label.text()
        with qtbot.waitSignal(widget.problem_linked, timeout=20_000):
            press(qtbot, Qt.Key_L)
        assert problem_names(database, [item.ticket.id]) == {item.ticket.id: "Skrivaren skriver inte ut"}
        monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Armbandsskrivaren på avd 12", True))
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)  # a new known problem
        with qtbot.waitSignal(widget.problem_linked, timeout=20_000):
            press(qtbot, Qt.Key_L, Qt.ShiftModifier)
        assert problem_names(database, [item.ticket.id]) == {item.ticket.id: "Armbandsskrivaren på avd 12"}
    finally:
        _close_view(qtbot, widget, runner)


def test_l_without_a_suggested_problem_says_what_to_do(qtbot, view, desk):
    """`l` did nothing at all when no known problem was suggested, and an old message stayed."""
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None)
    assert view.current_item().problem is None
    with qtbot.assertNotEmitted(view.problem_linked):
        press(qtbot, Qt.Key_L)
    assert view.status_label.text() == "Inget känt problem föreslås för ärendet: L väljer ett eller namnger ett nytt."


class PrinterModel:
    def predict_one(self, title, description=""):
        return Prediction("utskrift_hardvara", 0.6, "fel", 0.8, [("utskrift_hardvara", 0.6), ("integrationer", 0.2)])


def test_a_ticket_just_confirmed_shows_confirmed_among_the_next_tickets_similar_ones(qtbot, db_path):
    database = open_database(db_path)
    repo = TicketRepository(database)
    with database.write():
        first = repo.insert(Ticket(title="Etikettskrivaren skriver inte ut provetiketter", description="Skrivaren på avd 12 står still",
                                   created_at="2025-04-28T08:00:00", module="utskrift_hardvara", kind="fel",
                                   label_source="model", module_confidence=0.3, model_version="shipped", unit="Avd 12"))
        second = repo.insert(Ticket(title="Etikettskrivaren skriver inte ut provetiketter", description="Skrivaren på avd 14 står still",
                                    created_at="2025-04-28T09:00:00", module="utskrift_hardvara", kind="fel",
                                    label_source="model", module_confidence=0.35, model_version="shipped", unit="Avd 14"))
    widget, runner = _open_view(qtbot, db_path, build_similarity_index(database), PrinterModel())
    try:
        ready(qtbot, widget)
        assert widget.current_ticket_id() == first.id

        with qtbot.waitSignal(widget.labels_confirmed):
            press(qtbot, "2")  # the second suggestion: Integrationer
        ready(qtbot, widget)
        assert widget.current_ticket_id() == second.id
        assert first.id in widget.similar_view.ticket_ids()
        shown = widget.similar_view.tree.topLevelItem(widget.similar_view.ticket_ids().index(first.id))
        assert shown.text(3) == "Integrationer", "confirmed just now: its new module, without '?'"
        assert stored(database, first.id) == ("integrationer", "fel", "human")

        with qtbot.waitSignal(widget.decision_undone):
            press(qtbot, Qt.Key_Z, Qt.ControlModifier)
        ready(qtbot, widget)
        assert widget.current_ticket_id() == first.id
    finally:
        _close_view(qtbot, widget, runner)
        database.close()


def test_ctrl_z_after_a_link_takes_the_link_back_not_an_older_confirmation(qtbot, view, desk, monkeypatch):
    """A tester linked a ticket with L, pressed Ctrl+Z, and another ticket's confirmation from before was undone
    while the link stayed."""
    from PySide6.QtWidgets import QInputDialog

    from elsdesk.services.problems import problem_names

    database, _ids, _index = desk
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None)
    with qtbot.waitSignal(view.labels_confirmed, timeout=20_000):
        press(qtbot, Qt.Key_Return)  # a confirmation first: Ctrl+Z must not reach it while a link is newer
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None)
    item = view.current_item()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Fel problem valt av misstag", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)  # a new known problem
    with qtbot.waitSignal(view.problem_linked, timeout=20_000):
        press(qtbot, Qt.Key_L, Qt.ShiftModifier)
    assert problem_names(database, [item.ticket.id]) == {item.ticket.id: "Fel problem valt av misstag"}
    with qtbot.assertNotEmitted(view.decision_undone), qtbot.waitSignal(view.problem_linked, timeout=20_000):
        press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    qtbot.waitUntil(view.is_idle)
    assert problem_names(database, [item.ticket.id]) == {}
    assert view.current_ticket_id() == item.ticket.id and "ångrades" in view.status_label.text()
    with qtbot.waitSignal(view.decision_undone, timeout=20_000):  # the next Ctrl+Z: the confirmation
        press(qtbot, Qt.Key_Z, Qt.ControlModifier)


def test_the_next_cards_load_while_long_work_holds_the_background_threads(qtbot, view, desk):
    """A GUI tester switched to super-user while the similar-ticket index was being built: the next cards waited behind
    it, and Enter after Enter found no card and did nothing, without a word. The cards now load on the pool for what a
    person waits on; a key that still comes before its card says so."""
    import threading

    from PySide6.QtCore import QThreadPool

    from elsdesk.gui.tasks import quick_pool

    release = threading.Event()
    held = []

    def hold(pool):
        for _ in range(pool.maxThreadCount()):
            held.append(view.runner.start(lambda _context: release.wait(30), name="long work",
                                          quick=pool is quick_pool()))
        qtbot.waitUntil(lambda: pool.activeThreadCount() == pool.maxThreadCount())

    try:
        hold(QThreadPool.globalInstance())  # an index build and a topics run, say
        for _ in range(view.remaining() - 1):  # more decisions than the cards loaded ahead
            ready(qtbot, view)
            press(qtbot, Qt.Key_Return)
        qtbot.waitUntil(lambda: view.current_item() is not None, timeout=10_000)
        hold(quick_pool())  # now nothing can load: a key before the card is not taken silently
        view._reload_items()
        assert view.current_item() is None
        press(qtbot, Qt.Key_Return)
        assert view.status_label.text() == "Ärendet laddas fortfarande – inget beslut togs. Tryck igen när det syns."
        assert view.remaining() == 1, "no decision was taken"
    finally:
        release.set()
    qtbot.waitUntil(lambda: all(task.is_done() for task in held))
    ready(qtbot, view)


def test_a_decision_the_server_did_not_store_is_said_on_the_card_and_the_ticket_settles(qtbot, view, desk, monkeypatch):
    """A shared-desk tester pressed Enter while the server restarted: a dialog said "det du skrivit finns kvar", the next
    Enter closed it unread, the status line still said "Bekräftat", and 8 of 9 decisions were stored. The card now
    says which ticket's decision was not stored, the ticket comes back, and it settles before a key counts."""
    import elsdesk.gui.review_queue_view as queue_view
    from elsdesk.domain import DatabaseUnavailableError

    database, _ids, _index = desk
    dialogs = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: dialogs.append(box.text()))
    stored_for_real = queue_view.confirm_labels

    def server_gone(*_args, **_kwargs):
        raise DatabaseUnavailableError("servern håller på att stängas av eller startas om")

    monkeypatch.setattr(queue_view, "confirm_labels", server_gone)
    on_screen = view.current_ticket_id()
    number = view.current_item().ticket.external_id
    with qtbot.waitSignal(view.decision_failed, timeout=10_000):
        press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.is_idle() and view.current_ticket_id() == on_screen and view.current_item() is not None)
    assert dialogs == []
    assert view.notice().startswith(f"Ditt beslut om {number} sparades inte: servern håller på att stängas av")
    assert view.status_label.text() == f"{number} sparades inte – se kortet."
    assert view.is_settling(), "an Enter meant for the next card does not decide the one that came back"
    assert stored(database, on_screen)[2] != "human"
    monkeypatch.setattr(queue_view, "confirm_labels", stored_for_real)
    qtbot.waitUntil(lambda: not view.is_settling(), timeout=5_000)
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(view.is_idle)
    assert stored(database, on_screen)[2] == "human"


def test_esc_lets_go_of_a_kind_key_pressed_by_mistake(qtbot, view, desk):
    """A keyboard tester pressed f, then h, then Esc to take it back, then Enter: the ticket was stored as Handhavande,
    not with the suggested kind (Konfiguration); Esc had done nothing."""
    database, ids, _index = desk
    first = view.current_ticket_id()
    press(qtbot, "h")
    press(qtbot, "f")
    assert view.pending_kind() == "fel"
    press(qtbot, Qt.Key_Escape)
    assert view.pending_kind() is None and view.status_label.text().startswith("Vald typ släppt")
    with qtbot.waitSignal(view.labels_confirmed) as confirmed:
        press(qtbot, Qt.Key_Return)
    assert confirmed.args[0].kind == "handhavande"  # the suggestion's own kind (see the session above), not a key's
    assert stored(database, first)[1] == confirmed.args[0].kind
    assert "Esc = släpp vald typ" in view.help_label.text()
