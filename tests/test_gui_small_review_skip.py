"""Skipping in the review queue lasts for the session (tester's finding 1, small screens and keyboard round).

Space ×3 then Enter ×6 confirmed the three skipped tickets as the 4th-6th: the local desk is checked
for changes every 3 s, the queue's own writes count as changes, and the reload put the queue back in
stored order. These tests reload the queue as the change check does, after each key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from elsdesk.services import review
from test_gui_review import CARD, FakeModel, TICKETS, desk, press, ready, view  # noqa: F401 - fixtures


def _reload(qtbot, view) -> None:
    """What the window does when the desk's change counter moved (the queue's own write included)."""
    with qtbot.waitSignal(view.queue_loaded, timeout=20_000):
        view.refresh()
    ready(qtbot, view)


def test_finding_1_skipped_tickets_stay_last_across_reloads(qtbot, view, desk):
    _database, ids, _index = desk
    first_two = []
    for _ in range(2):
        first_two.append(view.current_ticket_id())
        press(qtbot, Qt.Key_Space)
        _reload(qtbot, view)
    assert view.current_ticket_id() not in first_two
    decided = []
    for _ in range(len(TICKETS) - 2):
        ready(qtbot, view)
        decided.append(view.current_ticket_id())
        with qtbot.waitSignal(view.labels_confirmed):
            press(qtbot, Qt.Key_Return)
        qtbot.waitUntil(view.is_idle)
        _reload(qtbot, view)
    assert not set(first_two) & set(decided), "a skipped ticket came back before the others were done"
    assert view.remaining() == 2
    assert view.current_ticket_id() == first_two[0], "skipped tickets come back in the order they were skipped"


def test_finding_1_skipping_again_moves_a_ticket_behind_the_other_skipped(qtbot, view, desk):
    order = []
    for _ in range(len(TICKETS)):
        order.append(view.current_ticket_id())
        press(qtbot, Qt.Key_Space)
    assert view.current_ticket_id() == order[0], "all skipped: round the queue"
    press(qtbot, Qt.Key_Space)  # the first one skipped a second time goes behind the rest
    _reload(qtbot, view)
    assert view.current_ticket_id() == order[1]
    press(qtbot, Qt.Key_Space)
    _reload(qtbot, view)
    assert view.current_ticket_id() == order[2]


def test_finding_1_a_load_read_before_a_decision_was_stored_does_not_bring_the_ticket_back(qtbot, view, desk):
    database, _ids, _index = desk
    read_before = review.review_queue(database, "uncertainty", "Anna")  # what a load running meanwhile read
    serial = view._session.serial  # noqa: SLF001 - that load's number, as refresh() gives it
    decided = view.current_ticket_id()
    with qtbot.waitSignal(view.labels_confirmed):
        press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(view.is_idle)
    view._on_queue_loaded(read_before, None, serial=serial)  # noqa: SLF001 - the late result arrives after the write
    assert decided not in view._session.queue  # noqa: SLF001
    assert view.current_ticket_id() != decided
    _reload(qtbot, view)  # a load begun after the write knows the decision and lists the rest as before
    assert view.remaining() == len(TICKETS) - 1
