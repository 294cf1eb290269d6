"""Issue 4 in the main window: profile at first start, review tab by role, retrain offer, learning
curve, similar tickets in the form and incident flags."""
from datetime import datetime, timedelta

import pytest

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from elsdesk.domain import Ticket, TicketFilter
from elsdesk.gui.main_window import MainWindow
from elsdesk.services.profile import Profile, SUPER_USER, ELS_SUPPORT, TRAINING_LEAD, save_profile
from elsdesk.services.topics import week_fingerprint
from elsdesk.storage import open_database, TicketRepository
from elsdesk.storage.settings import SettingsRepository


def make(db_path, tmp_path):
    return MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))


def seed(db_path, burst=False):
    database = open_database(db_path)
    repo = TicketRepository(database)
    with database.write():
        for i, (t, m) in enumerate([("Skrivaren skriver inte ut", "utskrift_hardvara"), ("Kan inte signera dos", "lakemedel"),
                                    ("SITHS-kortet låst", "inloggning_siths")]):
            repo.insert(Ticket(title=t, description=t + " på avdelningen", created_at=f"2025-04-28T{8 + i:02d}:00:00",
                               module=m, kind="fel", label_source="model", module_confidence=0.3 + i / 10, unit="Avd 1"))
        if burst:
            units = ["IVA", "Akuten", "Avd 12", "Avd 14", "BB", "Dialysen"]
            for i in range(6):
                repo.insert(Ticket(title="Armbandsskrivaren skriver inte ut ID-band", description="Inga ID-band kommer ut ur skrivaren",
                                   created_at=(datetime(2025, 4, 28, 13) + timedelta(minutes=20 * i)).isoformat(), unit=units[i]))
    database.close()


def settle(qtbot, window):
    qtbot.waitUntil(lambda: window.runner.running() == 0 and window.similarity_index is not None and window.classifier is not None, timeout=20000)


def close(qtbot, window):
    qtbot.waitUntil(lambda: window.runner.running() == 0 and (window.review_view is None or window.review_view.is_idle()), timeout=20000)
    window.close()


@pytest.mark.sqlite_only  # the local profile; on a server the role comes from the login
def test_no_profile_keeps_tabs_and_first_start_asks(qtbot, db_path, tmp_path):
    seed(db_path)
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    settle(qtbot, window)
    assert window.review_view is None and window.tabs.count() == 2
    dialog = window.ensure_profile()
    dialog.name_edit.setText("Anna")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(SUPER_USER))
    dialog.accept()
    assert window.review_view is not None and window.tabs.count() == 3
    assert not window.tabs.isTabVisible(window.training_tab)
    close(qtbot, window)


def _super_user_window(qtbot, db_path, tmp_path, retrain_after: int):
    """A super-user's window on the seeded desk, offering a retrain after *retrain_after* confirmations."""
    save_profile(Profile("Anna", SUPER_USER))
    from elsdesk.services import review
    database = open_database(db_path); review.set_retrain_threshold(database, retrain_after); database.close()
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window)
    return window


def test_super_user_reviews_in_a_tab_and_is_offered_a_retrain(qtbot, db_path, tmp_path, monkeypatch):
    seed(db_path)
    window = _super_user_window(qtbot, db_path, tmp_path, retrain_after=1)
    view = window.review_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None and bool(view.current_item().suggestions), timeout=20000)
    offers = []
    monkeypatch.setattr(window, "_offer_retrain", lambda n: offers.append(n))
    view.retrain_suggested.disconnect()
    view.retrain_suggested.connect(window._offer_retrain)
    with qtbot.waitSignal(view.labels_confirmed):
        qtbot.keyClick(view, Qt.Key_Return)
    qtbot.waitUntil(lambda: offers == [1])
    assert window.tabs.isTabVisible(window.tickets_tab)
    close(qtbot, window)


def test_a_retrain_put_off_is_not_offered_again_after_a_switch_of_profile(qtbot, db_path, tmp_path, monkeypatch):
    """A tester's day: after "Senare" the question came back at nearly every decision, because each switch of
    profile built the review queue again, which had forgotten it. It waits for the next threshold."""
    seed(db_path)
    seed(db_path)  # six tickets to confirm
    window = _super_user_window(qtbot, db_path, tmp_path, retrain_after=2)
    offers = []
    monkeypatch.setattr(window, "_offer_retrain", lambda n: offers.append(n))

    def confirm_one():
        view = window.review_view
        view.retrain_suggested.disconnect()
        view.retrain_suggested.connect(window._offer_retrain)
        window.tabs.setCurrentWidget(view)
        qtbot.waitUntil(lambda: view.is_idle() and view.current_item() is not None, timeout=20000)
        with qtbot.waitSignal(view.labels_confirmed):
            qtbot.keyClick(view, Qt.Key_Return)

    confirm_one()
    confirm_one()
    qtbot.waitUntil(lambda: offers == [2])
    window._keep_profile(Profile("Anna", TRAINING_LEAD))
    window._keep_profile(Profile("Anna", SUPER_USER))
    confirm_one()
    assert offers == [2], "put off until the next two confirmations"
    confirm_one()
    qtbot.waitUntil(lambda: offers == [2, 4])
    close(qtbot, window)


def test_retrain_offer_box_and_learning_curve(qtbot, db_path, tmp_path):
    seed(db_path)
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    settle(qtbot, window)
    box = window._offer_retrain(50)
    assert "50" in box.text()
    box.button(QMessageBox.No).click()
    window.show_learning_curve()
    qtbot.waitUntil(lambda: getattr(window, "learning_dialog", None) is not None)
    assert window.learning_dialog.isVisible()
    window.learning_dialog.reject()
    close(qtbot, window)


def test_the_retrain_offer_takes_no_enter_meant_for_the_queue(qtbot, db_path, tmp_path):
    """A keyboard tester's next Enter in the review queue answered "Senare" to the offer before it was read, and the
    offer waited 50 more confirmations: for its first second Enter and Space answer nothing, Esc still does."""
    seed(db_path)
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    settle(qtbot, window)
    box = window._offer_retrain(50)
    qtbot.waitUntil(box.isVisible)
    for key in (Qt.Key_Return, Qt.Key_Space):
        qtbot.keyClick(box.defaultButton(), key)
        assert box.isVisible() and box.clickedButton() is None, key
    box._shown_at -= box.SETTLE_MS / 1000  # read: now Enter answers, with the default "Senare"
    with qtbot.waitSignal(box.finished):
        qtbot.keyClick(box.defaultButton(), Qt.Key_Return)
    assert box.clickedButton() is box.button(QMessageBox.No)
    close(qtbot, window)


def test_form_shows_similar_tickets_and_saving_a_burst_flags_an_incident(qtbot, db_path, tmp_path):
    seed(db_path, burst=True)
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    settle(qtbot, window)
    window.scan_incidents()
    qtbot.waitUntil(lambda: window.open_incidents != [], timeout=20000)
    assert len(window.model._incidents) >= 6
    form = window.new_ticket()
    form.title_edit.setText("Skrivaren skriver inte ut")
    qtbot.waitUntil(lambda: form.similar_view.ticket_ids() != [], timeout=5000)
    window._fill_incidents_menu()
    assert window.incidents_menu.actions()
    window.show_incident(window.open_incidents[0].id)
    qtbot.waitUntil(lambda: window.list_view.filter.ids is not None)
    qtbot.waitUntil(lambda: not window.list_view.is_loading())
    assert len(window.model.ids()) == window.open_incidents[0].ticket_count
    form.reject()
    close(qtbot, window)


@pytest.mark.sqlite_only  # the local profile; on a server the role comes from the login
def test_training_lead_sees_training_not_review(qtbot, db_path, tmp_path, monkeypatch):
    from elsdesk.gui import topics_keeper

    monkeypatch.setattr(topics_keeper, "KEEP_DELAY_MS", 0)
    seed(db_path)
    save_profile(Profile("Cecilia", TRAINING_LEAD))
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    settle(qtbot, window)
    assert window.review_view is None and window.tabs.isTabVisible(window.training_tab)
    qtbot.waitUntil(lambda: not window.topics_keeper.is_busy(), timeout=60_000)  # the newest weeks, worked out at start
    week = window.repo.weeks()[-1]
    window.ticket_saved.emit(window.repo.get(window.repo.query_ids(TicketFilter(week=week))[0]))
    assert window.topics_keeper.is_busy()  # a saved ticket: the week is worked out again once the desk is quiet
    qtbot.waitUntil(lambda: not window.topics_keeper.is_busy(), timeout=60_000)
    database = open_database(db_path)
    assert SettingsRepository(database).get(f"topics_computed:{week}") == week_fingerprint(database, week)
    database.close()
    save_profile(Profile("Cecilia", ELS_SUPPORT))
    window.profile = Profile("Cecilia", ELS_SUPPORT)
    window._apply_profile()
    assert not window.tabs.isTabVisible(window.training_tab) and window.topics_keeper is None
    close(qtbot, window)


def test_agreement_dialog_shows_disagreements(qtbot, tmp_path):
    from elsdesk.services.review import confirm_labels
    from elsdesk.storage import TicketRepository, open_database

    db_path = tmp_path / "agree.db"
    with open_database(db_path) as database, database.write():
        ticket = TicketRepository(database).insert(Ticket(title="Skrivaren", created_at="2025-04-28T10:00:00"))
    with open_database(db_path) as database:
        confirm_labels(database, ticket.id, "utskrift_hardvara", "fel", actor="Anna")
        confirm_labels(database, ticket.id, "bestallning_svar", "fel", actor="Bertil")
    window = MainWindow(db_path, QSettings(str(tmp_path / "a.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=30_000))
    window.show_agreement()
    qtbot.waitUntil(lambda: getattr(window, "agreement_dialog", None) is not None, timeout=20_000)
    view = window.agreement_dialog.findChild(QWidget, "disagreements")
    assert view.count() == 1
    window.agreement_dialog.reject()
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=30_000)
