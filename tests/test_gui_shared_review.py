"""Shared-desk tester's finding 1 (review queue): when Karin decided ELS-000002, Sven's card switched
about 2 s later to another ticket with no message, and his next Enter would have confirmed a ticket
he never read. Now the card says who decided it, the next ticket takes no decision key until it has
been on screen for a moment, and a decision that still reaches the server is refused there.

The other super-user is a second connection to the same desk; the view reloads its queue as the
window does when a change notice arrives (``refresh``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from elsdesk.services import review
from elsdesk.storage import TicketRepository, open_database
from test_gui_review import CARD, FakeModel, TICKETS, desk, press, ready, stored, view  # noqa: F401 - fixtures


def _karin_confirms(db_path, ticket_id) -> None:
    """Another super-user's workstation decides *ticket_id*, as it was on her screen."""
    with open_database(db_path) as other:
        seen = TicketRepository(other).get(ticket_id)
        review.confirm_labels(other, ticket_id, "remiss", "handhavande", "karin_super", seen_version=seen.version)


def _notice_arrives(qtbot, view) -> None:
    with qtbot.waitSignal(view.queue_loaded, timeout=20_000):
        view.refresh()


def test_finding_1_a_ticket_decided_elsewhere_is_named_on_the_card_and_enter_waits(qtbot, view, desk, db_path):
    database, _ids, _index = desk
    on_screen = view.current_ticket_id()
    _karin_confirms(db_path, on_screen)
    _notice_arrives(qtbot, view)
    ready(qtbot, view)
    assert view.current_ticket_id() != on_screen
    assert "bekräftades just av karin_super" in view.notice()
    assert "(Remisser och vårdbegäran / Handhavande)" in view.notice() and "Nästa ärende visas" in view.notice()
    assert view.card.notice_label.isVisible()
    assert view.is_settling()
    next_one, left = view.current_ticket_id(), view.remaining()
    press(qtbot, Qt.Key_Return)  # meant for the card that was there a moment ago
    qtbot.waitUntil(view.is_idle)
    assert view.current_ticket_id() == next_one and view.remaining() == left, "an unread ticket was confirmed"
    assert stored(database, next_one)[2] != "human"
    assert "läs det och tryck igen" in view.status_label.text()
    qtbot.waitUntil(lambda: not view.is_settling(), timeout=5_000)
    with qtbot.waitSignal(view.labels_confirmed) as confirmed:
        press(qtbot, Qt.Key_Return)  # read now: Enter counts again
    assert confirmed.args[0].ticket_id == next_one
    assert view.notice() == "", "the person's own decision clears the notice"
    qtbot.waitUntil(view.is_idle)


def test_finding_1_enter_before_the_notice_arrived_is_refused_without_a_dialog(qtbot, view, desk, db_path,
                                                                              monkeypatch):
    database, _ids, _index = desk
    dialogs = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: dialogs.append(box.text()))
    on_screen = view.current_ticket_id()
    _karin_confirms(db_path, on_screen)  # stored; this window has not heard of it yet
    with qtbot.waitSignal(view.decision_failed, timeout=20_000) as failed:
        press(qtbot, Qt.Key_Return)
    assert isinstance(failed.args[0], review.ChangedMeanwhileError)
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None)
    assert dialogs == [], "a dialog would be closed by the next Enter unread"
    assert "Ditt beslut sparades inte" in view.notice() and "bekräftades just av karin_super" in view.notice()
    assert stored(database, on_screen) == ("remiss", "handhavande", "human"), "Karin's decision stands"
    assert [d.actor for d in review.decisions_of(database, on_screen)] == ["karin_super"]
    assert view.current_ticket_id() != on_screen and view.is_settling()


def test_finding_1_a_ticket_edited_elsewhere_is_shown_again_as_it_is_now(qtbot, view, desk, db_path):
    database, _ids, _index = desk
    on_screen = view.current_ticket_id()
    with open_database(db_path) as other, other.write():
        ticket = TicketRepository(other).get(on_screen)
        TicketRepository(other).update(ticket.with_changes(description="Gäller bara nattetid"))
    with qtbot.waitSignal(view.decision_failed, timeout=20_000):
        press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None)
    assert view.current_ticket_id() == on_screen
    assert view.card.description.toPlainText() == "Gäller bara nattetid", "the card shows the stored version"
    assert "ändrades på en annan arbetsstation" in view.notice()
    assert stored(database, on_screen)[2] != "human"
    qtbot.waitUntil(lambda: not view.is_settling(), timeout=5_000)
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Return)  # now on the version on screen
    qtbot.waitUntil(view.is_idle)
    assert stored(database, on_screen)[2] == "human"


def test_finding_1_undo_then_enter_again_is_not_taken_for_someone_elses_change(qtbot, view, desk):
    database, _ids, _index = desk
    first = view.current_ticket_id()
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Return)
    with qtbot.waitSignal(view.decision_undone):
        press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert view.current_ticket_id() == first
    with qtbot.waitSignal(view.labels_confirmed, timeout=20_000):
        press(qtbot, Qt.Key_Return)  # the person's own two writes changed the version, nobody else's
    qtbot.waitUntil(view.is_idle)
    assert stored(database, first)[2] == "human" and view.notice() == ""


def test_finding_1_a_load_read_before_the_persons_own_undo_neither_drops_the_ticket_nor_blames_others(qtbot, view,
                                                                                                    desk):
    database, _ids, _index = desk
    first = view.current_ticket_id()
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Return)
    read_before = review.review_queue(database, "uncertainty", "Anna")  # a load running meanwhile read this
    serial = view._session.serial  # noqa: SLF001 - that load's number, as refresh() gives it
    with qtbot.waitSignal(view.decision_undone):
        press(qtbot, Qt.Key_Z, Qt.ControlModifier)
    assert first not in read_before and view.current_ticket_id() == first
    view._on_queue_loaded(read_before, None, serial=serial)  # noqa: SLF001 - its result arrives after the undo
    assert view.current_ticket_id() == first, "the undone ticket stays on the card"
    assert view.notice() == "" and not view.is_settling()
    qtbot.waitUntil(view.is_idle)
