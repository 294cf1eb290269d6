"""Two super-users in one review queue on a shared desk (a tester's finding: they shared the queue's order, so
the second trailed the first card by card, and 13 of Sven's 15 Enters were refused). Each review view now
tells the others over the server's change notices which ticket its card shows, and shows next a ticket no
other card shows.

Two views in one process, each with a change listener of its own as a workstation has, on the test
PostgreSQL server."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from elsdesk.gui.change_listener import ChangeListener
from elsdesk.gui.review_queue_view import ReviewQueueView
from elsdesk.gui.tasks import TaskRunner
from elsdesk.services import review
from elsdesk.services.review_presence import parse as parse_card
from elsdesk.taxonomy import load_taxonomy
from test_gui_review import CARD, FakeModel, desk, stored, view  # noqa: F401 - fixtures


def _workstation(qtbot, db_path, index, actor):
    """A review view of *actor*'s, its runner and its change listener (started and listening)."""
    from elsdesk.storage.postgres_backend import connect

    runner = TaskRunner()
    view = ReviewQueueView(db_path, load_taxonomy(), runner, actor, classifier=(FakeModel(), CARD),
                           similarity_index=index, shared=True)
    listener = ChangeListener(lambda: connect(db_path))
    listener.presence.connect(view.presence_heard)
    listener.changed.connect(lambda tables: view.refresh() if tables & {"tickets", "review_decisions"} else None)
    listener.start()
    assert listener.wait_until_listening()
    view.show()
    with qtbot.waitSignal(view.queue_loaded, timeout=20_000):
        view.refresh()
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None, timeout=20_000)
    return view, runner, listener


def _close(qtbot, view, runner, listener) -> None:
    qtbot.waitUntil(view.is_idle, timeout=20_000)
    assert view.shutdown(10_000) and runner.wait(10_000)
    listener.stop()
    view.close()
    view.deleteLater()


def _decide_shown(qtbot, view) -> int:
    """The person reads the card and presses Enter; the ticket decided."""
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None and not view.is_settling(),
                    timeout=20_000)
    ticket_id = view.current_ticket_id()
    with qtbot.waitSignal(view.labels_confirmed, timeout=20_000):
        view.accept_suggestion(0)
    return ticket_id


def test_two_super_users_in_one_queue_each_decide_their_own_tickets(qtbot, desk, db_path):
    if not str(db_path).startswith("postgresql"):
        pytest.skip("only a shared desk has other super-users")
    database, _ids, index = desk
    refused = []
    anna = _workstation(qtbot, db_path, index, "Anna")
    sven = _workstation(qtbot, db_path, index, "Sven")
    try:
        for view, _runner, _listener in (anna, sven):
            view.decision_failed.connect(refused.append)
        anna_view, sven_view = anna[0], sven[0]
        qtbot.waitUntil(lambda: anna_view.current_ticket_id() != sven_view.current_ticket_id(), timeout=20_000)
        first = anna_view.current_ticket_id()
        assert first == review.review_queue(database, "uncertainty", "Anna")[0], "Anna opened first: she keeps it"
        assert sven_view._presence.who_shows(first) == "Anna", "the notice names whose card it is"  # noqa: SLF001
        decided = []
        for _round in range(2):  # both work on, each at their own pace
            decided.append(_decide_shown(qtbot, anna_view))
            decided.append(_decide_shown(qtbot, sven_view))
            qtbot.waitUntil(lambda: anna_view.current_ticket_id() != sven_view.current_ticket_id(), timeout=20_000)
        assert refused == [], "no decision was refused: nobody decided a ticket the other had on screen"
        assert len(set(decided)) == 4
        assert all(stored(database, ticket_id)[2] == "human" for ticket_id in decided)
    finally:
        _close(qtbot, *sven)
        _close(qtbot, *anna)


def test_a_closed_review_gives_its_ticket_back(qtbot, desk, db_path):
    if not str(db_path).startswith("postgresql"):
        pytest.skip("only a shared desk has other super-users")
    _database, _ids, index = desk
    anna = _workstation(qtbot, db_path, index, "Anna")
    sven = _workstation(qtbot, db_path, index, "Sven")
    try:
        qtbot.waitUntil(lambda: anna[0].current_ticket_id() != sven[0].current_ticket_id(), timeout=20_000)
        annas = anna[0].current_ticket_id()
        assert annas in sven[0]._session.queue[1:]  # noqa: SLF001 - after Sven's other tickets
        _close(qtbot, *anna)
        qtbot.waitUntil(lambda: sven[0]._session.queue.index(annas) == 1, timeout=20_000)  # noqa: SLF001
        assert sven[0].current_ticket_id() != annas, "Sven's card stays on his ticket"
    finally:
        _close(qtbot, *sven)


@contextmanager
def _lone_view(qtbot, db_path, index, actor):
    """A shared desk's review view of *actor*'s, loaded, with no listener: the test plays the others' notices."""
    runner = TaskRunner()
    view = ReviewQueueView(db_path, load_taxonomy(), runner, actor, classifier=(FakeModel(), CARD),
                           similarity_index=index, shared=True)
    view.show()
    try:
        with qtbot.waitSignal(view.queue_loaded, timeout=20_000):
            view.refresh()
        qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None, timeout=20_000)
        yield view
    finally:
        qtbot.waitUntil(view.is_idle, timeout=20_000)
        assert view.shutdown(10_000) and runner.wait(10_000)
        view.close()
        view.deleteLater()


def test_the_card_on_screen_gives_way_to_an_earlier_card_with_a_word_and_a_pause(qtbot, desk, db_path):
    """Sven's card shows a ticket another card has shown since earlier (heard late: a view that has just
    opened): his card says so and shows the next, which takes no decision key for a moment."""
    with _lone_view(qtbot, db_path, desk[2], "Sven") as view:
        shown = view.current_ticket_id()
        number = view.current_item().ticket.external_id
        view.presence_heard(f"review:000000anna:{shown}:1.0::Anna%20Berg")  # Anna's card: since long before
        assert view.current_ticket_id() != shown
        assert f"{number} visas redan för Anna Berg, så du får ett annat ärende" in view.notice()
        assert view.is_settling(), "an Enter meant for the card that went waits"
        view.presence_heard("review:000000anna:-:-")  # Anna closed her review
        qtbot.waitUntil(lambda: view.is_idle() and view._session.queue.index(shown) == 1,  # noqa: SLF001
                        timeout=20_000)


def test_a_queue_not_on_screen_gives_way_without_a_word_and_shows_a_free_card_when_opened(qtbot, desk, db_path):
    """A tester's super-user on another tab: her hidden queue gave way every time the other card moved (33 notices
    in 50 s, each a redraw and a load), and still carried the last notice."""
    with _lone_view(qtbot, db_path, desk[2], "Karin") as view:
        view.hide()  # another tab
        shown = view.current_ticket_id()
        view.presence_heard(f"review:000000sven:{shown}:1.0::sven")
        assert view.notice() == "" and not view.is_settling(), "nobody read the card that went"
        assert view.current_ticket_id() != shown
        view.show()  # back on the tab
        qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None, timeout=20_000)
        assert view.current_ticket_id() != shown and view.notice() == ""


def test_with_others_at_work_only_the_confirmation_that_reaches_the_number_offers_a_retrain(qtbot, view):
    """A tester's three super-users: "Träna om modellen?" came up on every screen at 50, 100 and 150, and for a late
    joiner at her first Enter."""
    from elsdesk.domain import ReviewDecision
    from elsdesk.services.review_presence import ReviewPresence

    offers = []
    view.retrain_suggested.connect(offers.append)
    view._presence = ReviewPresence("me")  # noqa: SLF001 - as on a shared desk, another card at work
    view._presence.heard(parse_card("review:other:99:1.0"), now=0.0)  # noqa: SLF001
    item = view.current_item()
    decision = ReviewDecision(id=1, ticket_id=item.ticket.id, actor="Anna", at="2026-12-07T10:00:00", module="lakemedel",
                              kind="fel", old_module=None, old_kind=None, old_label_source=None)
    view._on_confirmed(item, (decision, 73, 50))  # noqa: SLF001 - a late joiner: the desk is past 50
    assert offers == [], "another super-user reached 50 and was asked"
    view._on_confirmed(item, (decision, 100, 50))  # noqa: SLF001
    assert offers == [100]
    qtbot.waitUntil(view.is_idle)  # what the card told the others has been sent
    view._presence = None  # noqa: SLF001 - alone (a local file): asked at the first confirmation past the number
    view.next_retrain_offer = 0
    view._on_confirmed(item, (decision, 123, 50))  # noqa: SLF001
    assert offers == [100, 123]
