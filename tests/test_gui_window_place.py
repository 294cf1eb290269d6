"""The window reopens where the person left it (a tester: it opened on the Ärenden tab's first row every
time): the tab, the ticket they chose, the Utbildning tab's week and topic; the newest week for who
closed on the newest; nothing of another desk's place, of a week that is gone or of a ticket no
longer listed. Also what a new person meets at the window's start: the keys go to the list, the language
chosen for the next start is said in that language, the week's agenda is exported from the Arkiv menu."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from conftest import sample_rows, write_jsonl
from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database
from test_gui_layout import _window
from test_gui_training_problems import two_topics_week
from test_problems import DOSE_REPORTS, _row


def _add(path, tmp_path, rows, name="t.jsonl"):
    with open_database(path) as database:
        import_tickets(database, write_jsonl(tmp_path / name, rows))


def _shown_week(qtbot, window, week):
    window.tabs.setCurrentIndex(window.training_tab)
    view = window.training_view
    qtbot.waitUntil(lambda: not view.is_loading() and view.overview is not None, timeout=60_000)
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        view.load(week)
    return view


def _two_weeks(path, tmp_path):
    """2025-W19 (two topics) and 2025-W20 (the dose reports again): W20 is the newest."""
    _add(path, tmp_path, two_topics_week() + [_row(60 + i, "2025-05-13", t, d, "lakemedel")
                                              for i, (t, d) in enumerate(DOSE_REPORTS)])


def test_the_utbildning_tab_reopens_on_its_week_and_topic(qtbot, tmp_path):
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _two_weeks(path, tmp_path)
    first = _window(qtbot, path, settings)
    view = _shown_week(qtbot, first, "2025-W19")
    topics = [t["id"] for t in view.overview.report["topics"]]
    assert len(topics) >= 2
    view.table.selectionModel().setCurrentIndex(view.table.model().index(1, 0),
                                                QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    first.close()

    second = _window(qtbot, path, settings)
    assert second.tabs.currentIndex() == second.training_tab
    reopened = second.training_view
    qtbot.waitUntil(lambda: reopened.overview is not None and not reopened.is_loading(), timeout=60_000)
    assert reopened.overview.week == "2025-W19"  # not the newest week, W20
    assert reopened.week_combo.currentData() == "2025-W19"
    assert reopened.current_topic_id() == topics[1]
    second.close()


def test_who_closed_on_the_newest_week_gets_the_newest_week_again(qtbot, tmp_path):
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _two_weeks(path, tmp_path)
    first = _window(qtbot, path, settings)
    assert _shown_week(qtbot, first, "2025-W20").overview.week == "2025-W20"
    first.close()
    _add(path, tmp_path, [_row(90 + i, "2025-05-20", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)],
         "w21.jsonl")

    second = _window(qtbot, path, settings)
    reopened = second.training_view
    qtbot.waitUntil(lambda: reopened.overview is not None and not reopened.is_loading(), timeout=60_000)
    assert second.tabs.currentIndex() == second.training_tab
    assert reopened.overview.week == "2025-W21"
    second.close()


def test_a_week_the_desk_no_longer_holds_opens_the_newest_week(tmp_path):
    """A kept week whose tickets went (the demo data removed) shows the newest week, not an empty one."""
    from elsdesk.services.training import training_overview

    path = tmp_path / "desk.db"
    _two_weeks(path, tmp_path)
    with open_database(path) as database:
        assert training_overview(database, "2025-W02", or_newest=True).week == "2025-W20"
        assert training_overview(database, "2025-W19", or_newest=True).week == "2025-W19"
        assert training_overview(database, "2025-W02").week == "2025-W02"  # a week asked for by name is shown


def test_the_ticket_the_person_chose_is_selected_again_and_the_tickets_tab_stays(qtbot, tmp_path):
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _add(path, tmp_path, sample_rows(30))
    first = _window(qtbot, path, settings)
    first.list_view.selectRow(7)
    chosen = first.list_view.current_ticket_id()
    first.close()

    second = _window(qtbot, path, settings)
    assert second.tabs.currentIndex() == second.tickets_tab
    assert second.list_view.current_ticket_id() == chosen
    assert second.details.isVisible()
    second.close()


def test_a_first_row_the_list_chose_itself_is_no_place_to_keep(qtbot, tmp_path):
    """Who never chose a ticket opens on the newest one, also when newer tickets came in meanwhile."""
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _add(path, tmp_path, sample_rows(10))
    first = _window(qtbot, path, settings)
    first.close()
    _add(path, tmp_path, sample_rows(5, start=100, week_day="2025-05-05"), "newer.jsonl")

    second = _window(qtbot, path, settings)
    assert second.list_view.currentIndex().row() == 0
    assert second.list_view.current_ticket_id() == second.model.ids()[0]
    second.close()


def test_another_desks_place_is_not_given_to_this_one(qtbot, tmp_path):
    settings = tmp_path / "s.ini"
    one, other = tmp_path / "one.db", tmp_path / "other.db"
    _two_weeks(one, tmp_path)
    _add(other, tmp_path, sample_rows(12), "other.jsonl")
    first = _window(qtbot, one, settings)
    _shown_week(qtbot, first, "2025-W19")
    first.close()

    second = _window(qtbot, other, settings)
    assert second.tabs.currentIndex() == second.tickets_tab
    assert second.list_view.currentIndex().row() == 0
    second.close()


def test_a_super_user_reopens_on_the_review_queue_and_a_support_profile_on_the_tickets(qtbot, tmp_path):
    """The review tab comes back for the super-user; a profile that no longer has the tab (switched to ELS
    support) opens on the tickets."""
    from elsdesk.services.profile import ELS_SUPPORT, SUPER_USER, Profile, save_profile

    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _add(path, tmp_path, sample_rows(12))
    save_profile(Profile("Omar", SUPER_USER))
    first = _window(qtbot, path, settings)
    first.tabs.setCurrentWidget(first.review_view)
    qtbot.waitUntil(lambda: first.review_view.is_idle(), timeout=60_000)
    first.close()

    second = _window(qtbot, path, settings)
    assert second.review_view is not None and second.tabs.currentWidget() is second.review_view
    qtbot.waitUntil(lambda: second.review_view.is_idle(), timeout=60_000)
    second.close()

    save_profile(Profile("Omar", ELS_SUPPORT))
    third = _window(qtbot, path, settings)
    assert third.review_view is None and third.tabs.currentIndex() == third.tickets_tab
    third.close()


def test_the_language_chosen_is_said_in_that_language_and_only_once(qtbot, tmp_path, monkeypatch):
    """Tester (an English-speaking lead): choosing English said "Språket byts när elsdesk startas om." in
    Swedish, and again at every choice of English; both languages stayed checked."""
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a: said.append(text))
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _add(path, tmp_path, sample_rows(3))
    window = _window(qtbot, path, settings)
    actions = {action.data(): action for action in window.language_actions.actions()}
    assert actions["sv"].isChecked() and not actions["en"].isChecked()
    actions["en"].trigger()
    assert said == ["The window will be in English when elsdesk is restarted."]
    assert window.settings.value("language") == "en"
    assert actions["en"].isChecked() and not actions["sv"].isChecked()
    actions["en"].trigger()  # already chosen: nothing more to say
    actions["sv"].trigger()  # the language the window shows: nothing to restart for
    assert len(said) == 1 and window.settings.value("language") == "sv"
    window.close()


def test_the_keys_go_to_the_list_at_start_and_to_what_a_tab_shows(qtbot, tmp_path):
    """Tester (keyboard only): focus was on the tab bar at start and after a change of tab, so the arrow keys
    changed tabs instead of moving in the list or the topic table."""
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _two_weeks(path, tmp_path)
    window = _window(qtbot, path, settings)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.waitUntil(lambda: window.focusWidget() is window.list_view)
    window.tabs.setCurrentIndex(window.training_tab)
    qtbot.waitUntil(lambda: window.focusWidget() is window.training_view.table)
    window.tabs.setCurrentIndex(window.tickets_tab)
    qtbot.waitUntil(lambda: window.focusWidget() is window.list_view)
    qtbot.waitUntil(lambda: not window.training_view.is_loading(), timeout=60_000)
    window.close()


def test_the_weeks_agenda_is_exported_from_the_archive_menu(qtbot, tmp_path, monkeypatch):
    """Tester: no menu held an export; Arkiv › Exportera veckans agenda… shows the Utbildning tab and asks where
    its week goes, as its Exportera… button does."""
    from PySide6.QtWidgets import QFileDialog

    asked = []

    def save_dialog(_parent, title, *_rest):
        asked.append(title)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _two_weeks(path, tmp_path)
    window = _window(qtbot, path, settings)
    assert window.export_action in window.file_menu.actions()
    window.export_action.trigger()
    assert window.tabs.currentIndex() == window.training_tab
    qtbot.waitUntil(lambda: asked == ["Exportera vecka 2025-W20"], timeout=60_000)
    window.close()

    from elsdesk.services.profile import ELS_SUPPORT, Profile, save_profile

    save_profile(Profile("Lena", ELS_SUPPORT))  # a profile without the Utbildning tab has nothing to export
    support = _window(qtbot, path, settings)
    assert not support.export_action.isEnabled()
    support.close()
