"""Issue 9: two workstations on one server see each other's work without polling, and survive a restart."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings

from conftest import sample_rows, write_jsonl
from elsdesk.gui.main_window import MainWindow
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository, open_database

pytestmark = pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                                reason="PostgreSQL not wanted in this run")


def _workstation(qtbot, url, tmp_path, name):
    window = MainWindow(url, QSettings(str(tmp_path / f"{name}.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=30_000))
    window.show()
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=30_000)
    assert window.listener is not None and window.listener.wait_until_listening()
    return window


@pytest.fixture
def shared_desk(new_pg_database, tmp_path):
    url = new_pg_database()
    with open_database(url) as database:
        import_tickets(database, write_jsonl(tmp_path / "start.jsonl", [
            {k: v for k, v in row.items() if k not in ("module", "kind")} for row in sample_rows(4)]))
    return url


def test_a_ticket_logged_at_one_desk_appears_at_the_other(qtbot, shared_desk, tmp_path):
    first = _workstation(qtbot, shared_desk, tmp_path, "first")
    second = _workstation(qtbot, shared_desk, tmp_path, "second")
    assert first.model.rowCount() == second.model.rowCount() == 4
    with qtbot.waitSignal(second.listener.changed, timeout=10_000):
        form = first.new_ticket()
        form.title_edit.setText("Utdelningsvyn visar fel dos")
        form.submit()
    qtbot.waitUntil(lambda: second.model.rowCount() == 5, timeout=10_000)


def test_a_ticket_confirmed_by_one_super_user_leaves_the_others_queue(qtbot, shared_desk, tmp_path):
    from elsdesk.services.review import confirm_labels

    second = _workstation(qtbot, shared_desk, tmp_path, "second")
    assert second.review_view is not None  # the owner login gets every view
    qtbot.waitUntil(lambda: second.review_view.remaining() == 4, timeout=20_000)
    with open_database(shared_desk) as other:  # the first super-user's workstation
        ticket_id = TicketRepository(other).query_ids()[-1]
        confirm_labels(other, ticket_id, "lakemedel", "handhavande", "sven")
    qtbot.waitUntil(lambda: second.review_view.remaining() == 3, timeout=10_000)


def test_two_super_users_review_cards_show_different_tickets(qtbot, shared_desk, tmp_path):
    """A tester's two super-users in one queue trailed each other card by card; the windows now tell each other
    over the server's notices which ticket their review cards show."""
    first = _workstation(qtbot, shared_desk, tmp_path, "first")
    second = _workstation(qtbot, shared_desk, tmp_path, "second")
    for window in (first, second):
        qtbot.waitUntil(lambda w=window: w.review_view.current_item() is not None, timeout=20_000)
        window.tabs.setCurrentWidget(window.review_view)  # a queue not on screen holds no ticket
    one, other = first.review_view, second.review_view
    qtbot.waitUntil(lambda: one._session.held == {other.current_ticket_id()}  # noqa: SLF001 - what each knows
                    and other._session.held == {one.current_ticket_id()}, timeout=20_000)  # noqa: SLF001
    assert one.current_ticket_id() != other.current_ticket_id()
    first.tabs.setCurrentIndex(first.tickets_tab)  # the first super-user goes to the ticket list
    qtbot.waitUntil(lambda: not other._session.held, timeout=20_000)  # noqa: SLF001 - her ticket is free again
    assert first.review_view.remaining() == second.review_view.remaining() == 4, "each still has the whole queue"


def test_another_super_users_confirmation_leaves_the_cards_read_ahead(qtbot, shared_desk, tmp_path):
    """A tester's three super-users found an empty card for a second after their Enter: every confirmation writes the
    retrain counter (a setting), and every window loaded the same model again and read its cards ahead anew."""
    from elsdesk.services.review import confirm_labels

    window = _workstation(qtbot, shared_desk, tmp_path, "second")
    view = window.review_view
    qtbot.waitUntil(lambda: window.classifier is not None and view.current_item() is not None, timeout=20_000)
    reloads, models_loaded = [], []
    view._reload_items = lambda: reloads.append(1)  # noqa: SLF001 - counts what the notice makes the view do
    real_load = window.load_classifier
    window.load_classifier = lambda: (models_loaded.append(1), real_load())[1]
    with open_database(shared_desk) as other:  # another super-user's workstation
        ticket_id = TicketRepository(other).query_ids()[-1]
        with qtbot.waitSignal(window.listener.changed, timeout=10_000,
                              check_params_cb=lambda notices: "settings:review.confirmations_since_training" in notices):
            confirm_labels(other, ticket_id, "lakemedel", "handhavande", "sven")
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20_000)
    assert models_loaded == [] and reloads == [], "the same model is not loaded again, and the cards stay"


def test_a_confirmation_elsewhere_leaves_the_training_tab_alone_and_a_new_go_live_reloads_it(qtbot, shared_desk, tmp_path):
    """A training lead on the Utbildning tab saw her week loaded again at every Enter of any super-user on the desk:
    every confirmation writes the retrain counter, and the settings table's notice did not say which key changed."""
    from elsdesk.services.review import confirm_labels
    from elsdesk.services.topics import set_go_live

    window = _workstation(qtbot, shared_desk, tmp_path, "lead")
    window.topics_keeper.stop()  # the relabelled ticket's week is worked out again later (its own notice, not this one)
    window.tabs.setCurrentIndex(window.training_tab)
    view = window.training_view
    qtbot.waitUntil(lambda: view.overview is not None and not view.is_loading() and window.runner.running() == 0,
                    timeout=30_000)
    with open_database(shared_desk) as other, qtbot.waitSignal(  # the window's own writes at start have been heard
            window.listener.changed, timeout=10_000, check_params_cb=lambda notices: "mark" in notices):
        other.query("SELECT pg_notify('elsdesk_changes', 'mark')")
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=30_000)
    loads = []
    real_load = view.load
    view.load = lambda *args, **kwargs: (loads.append(args), real_load(*args, **kwargs))[1]
    with open_database(shared_desk) as other:  # a super-user's and a training lead's workstations
        ticket_id = TicketRepository(other).query_ids()[-1]
        with qtbot.waitSignal(window.listener.changed, timeout=10_000,
                              check_params_cb=lambda notices: "settings:review.confirmations_since_training" in notices):
            confirm_labels(other, ticket_id, "lakemedel", "handhavande", "sven")
        assert loads == [], "a review confirmation shows nothing on the Utbildning tab"
        with qtbot.waitSignal(window.listener.changed, timeout=10_000,
                              check_params_cb=lambda notices: "settings:go_live" in notices):
            set_go_live(other, "2025-04-22")
    assert len(loads) == 1, "a go-live set at another workstation is shown"
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=30_000)


def test_a_server_restart_says_reconnecting_then_refreshes_and_keeps_the_form(qtbot, shared_desk, tmp_path, pg_server):
    window = _workstation(qtbot, shared_desk, tmp_path, "only")
    form = window.new_ticket()
    form.title_edit.setText("Skrivaren på avd 12 skriver inte ut")
    with qtbot.waitSignal(window.listener.connection_lost, timeout=15_000):
        pg_server.restart()
    assert window.connection_label.isVisible() and "återansluter" in window.connection_label.text().lower()
    with qtbot.waitSignal(window.listener.reconnected, timeout=30_000):
        pass
    assert not window.connection_label.isVisible()
    assert form.title_edit.text() == "Skrivaren på avd 12 skriver inte ut"  # nothing typed is lost
    form.submit()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5, timeout=15_000)


def test_a_support_login_gets_the_servers_role_and_only_its_actions(qtbot, shared_desk, tmp_path, pg_server):
    pg_server.create_login("stod_gui", "pw-1", "elsdesk_stod")
    window = _workstation(qtbot, shared_desk.replace("postgres@", "stod_gui:pw-1@"), tmp_path, "stod")
    assert window.profile.name == "stod_gui" and window.profile.role == "els_stod"
    assert window.review_view is None
    assert not window.tabs.isTabVisible(window.training_tab)
    assert not window.train_action.isEnabled() and not window.demo_action.isEnabled()
    assert window.ensure_profile() is None  # no local role choice on a server desk
