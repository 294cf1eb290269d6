"""Keyboard and first-start fixes found by a tester new to the app (gui2):

1. Tab left no list of rows: Tab moved from cell to cell in the Utbildning topic table, so the buttons after
   it could not be reached. Every list of rows lets Tab go on; the arrows still move between rows.
2. Ctrl+Tab did not change the main tab while the focus was in a list (the table took it as "next cell").
3. Esc on the first-start profile question left the app without a profile.
4. Merge, split, "hör till ett känt problem" and "inget problem att lära ut" acted at once, without a question.
5. The status bar's counts per status leave the status filter out without saying so.
6. The review keys (h f k d o, from the Swedish kind names) did not say which English kind each one sets.
"""

from __future__ import annotations

import getpass

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QInputDialog, QMessageBox, QWidget

from conftest import sample_rows, write_jsonl
from elsdesk.gui.main_window import MainWindow
from elsdesk.gui.review_actions import default_profile
from elsdesk.gui.ticket_list_view import ListResult, count_summary
from elsdesk.services.imports import import_tickets
from elsdesk.services.profile import ELS_SUPPORT, SUPER_USER, TRAINING_LEAD, Profile, load_profile, save_profile
from elsdesk.storage import open_database
from elsdesk.taxonomy import load_taxonomy
from test_gui_training_problems import _select, accept_first_proposal, view  # noqa: F401 - the Utbildning view with proposals and problems
from test_problems import DOSE_REPORTS, LABEL_REPORTS, _row

WEEK_ROWS = [_row(i, "2025-05-06", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)] + [
    _row(20 + i, "2025-05-07", t, d, "utskrift_hardvara") for i, (t, d) in enumerate(LABEL_REPORTS)]


def _window(qtbot, tmp_path, profile: Profile | None = None) -> MainWindow:
    path = tmp_path / "desk.db"
    with open_database(path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(6)))
        import_tickets(database, write_jsonl(tmp_path / "week.jsonl", WEEK_ROWS))  # a week with several topics
    if profile is not None:
        save_profile(profile)
    window = MainWindow(path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(
        lambda: w.runner.running() == 0 and (w.review_view is None or w.review_view.is_idle()), timeout=60_000))
    with qtbot.waitActive(window):
        window.show()
    qtbot.waitUntil(lambda: not window.list_view.is_loading() and window.model.rowCount() > 0, timeout=30_000)
    return window


def _training_tab_loaded(qtbot, window: MainWindow):
    """Show the Utbildning tab and wait until its topics are on screen."""
    window.tabs.setCurrentIndex(window.training_tab)
    qtbot.waitUntil(lambda: window.training_view.overview is not None and not window.training_view.is_loading(),
                    timeout=60_000)
    return window.training_view


def _focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _press(qtbot, key, modifier=Qt.NoModifier) -> None:
    """A key to whichever widget has the focus, as a person's keyboard sends it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


# -- 1. Tab leaves a list of rows -----------------------------------------------------------------
def _row_views(widget: QWidget) -> list[QAbstractItemView]:
    """The item views a person tabs through (not the popup lists of combo boxes and completers)."""
    return [v for v in widget.findChildren(QAbstractItemView) if v.window().windowType() != Qt.Popup]


def test_issue_1_tab_leaves_the_topic_table_for_the_buttons_under_it(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, Profile("Lena Ek", TRAINING_LEAD))
    training = _training_tab_loaded(qtbot, window)
    assert training.table.rowCount() >= 2
    _focus(qtbot, training.table)
    training.table.setCurrentCell(0, 1)

    _press(qtbot, Qt.Key_Down)
    assert training.table.currentRow() == 1 and QApplication.focusWidget() is training.table  # arrows: rows
    _press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is training.agenda_button
    _press(qtbot, Qt.Key_Backtab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is training.table


def test_issue_1_tab_leaves_the_ticket_list(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, Profile("Anna", ELS_SUPPORT))
    _focus(qtbot, window.list_view)
    window.list_view.selectRow(0)

    _press(qtbot, Qt.Key_Down)
    assert window.list_view.currentIndex().row() == 1 and window.list_view.currentIndex().column() == 0
    _press(qtbot, Qt.Key_Tab)
    assert QApplication.focusWidget() is not window.list_view
    assert window.list_view.currentIndex().row() == 1  # Tab moved the focus, not the current cell


def test_issue_1_no_list_of_rows_in_the_app_keeps_tab_to_itself(qtbot, tmp_path):
    from elsdesk.gui.agreement_view import AgreementView
    from elsdesk.gui.likely_mistakes_view import LikelyMistakesView
    from elsdesk.gui.model_dialog import ModelDialog
    from elsdesk.gui.similar_tickets_view import SimilarTicketsView

    window = _window(qtbot, tmp_path, Profile("Lena Ek", TRAINING_LEAD))
    _training_tab_loaded(qtbot, window)
    taxonomy = load_taxonomy()
    others = [SimilarTicketsView(taxonomy), LikelyMistakesView(taxonomy), AgreementView(taxonomy), ModelDialog(taxonomy)]
    for widget in others:
        qtbot.addWidget(widget)

    views = [v for widget in [window, *others] for v in _row_views(widget)]
    names = {v.objectName() for v in views}
    assert {"ticketTable", "topicTable", "similarTickets", "likelyMistakes", "agreementTable", "disagreements"} <= names
    assert [v.objectName() or type(v).__name__ for v in views if v.tabKeyNavigation()] == []


# -- 2. Ctrl+Tab changes the main tab from anywhere --------------------------------------------------
def test_issue_2_ctrl_tab_changes_the_main_tab_from_the_ticket_list_and_the_topic_table(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, Profile("Lena Ek", TRAINING_LEAD))
    training = _training_tab_loaded(qtbot, window)
    window.tabs.setCurrentIndex(window.tickets_tab)
    _focus(qtbot, window.list_view)
    row = window.list_view.currentIndex().row()

    _press(qtbot, Qt.Key_Tab, Qt.ControlModifier)
    assert window.tabs.currentIndex() == window.training_tab
    assert window.list_view.currentIndex().row() == row  # the list did not take the key as "next cell"

    _focus(qtbot, training.table)
    _press(qtbot, Qt.Key_Tab, Qt.ControlModifier)
    assert window.tabs.currentIndex() == window.tickets_tab

    _focus(qtbot, window.list_view)
    _press(qtbot, Qt.Key_Tab, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.tabs.currentIndex() == window.training_tab
    _focus(qtbot, training.table)
    _press(qtbot, Qt.Key_Backtab, Qt.ControlModifier | Qt.ShiftModifier)  # what a keyboard sends for Ctrl+Shift+Tab
    assert window.tabs.currentIndex() == window.tickets_tab


def test_issue_2_ctrl_page_keys_and_ctrl_tab_work_from_every_widget(qtbot, tmp_path):
    """Ctrl+PgDn/PgUp reached no widget that switches tabs, and the go-live date field took Ctrl+Tab as
    "next date part"."""
    window = _window(qtbot, tmp_path, Profile("Lena Ek", TRAINING_LEAD))
    training = _training_tab_loaded(qtbot, window)
    window.tabs.setCurrentIndex(window.tickets_tab)
    _focus(qtbot, window.list_view)
    _press(qtbot, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.tabs.currentIndex() == window.training_tab
    _focus(qtbot, training.table)
    _press(qtbot, Qt.Key_PageUp, Qt.ControlModifier)
    assert window.tabs.currentIndex() == window.tickets_tab
    window.tabs.setCurrentIndex(window.training_tab)
    _focus(qtbot, training.go_live_edit)
    _press(qtbot, Qt.Key_Tab, Qt.ControlModifier)
    assert window.tabs.currentIndex() == window.tickets_tab
    _focus(qtbot, window.details)
    _press(qtbot, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.tabs.currentIndex() == window.training_tab


def test_issue_2_ctrl_tab_skips_the_tab_a_role_does_not_show(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, Profile("Sven Berg", SUPER_USER))
    qtbot.waitUntil(lambda: window.review_view is not None)
    assert not window.tabs.isTabVisible(window.training_tab)
    _focus(qtbot, window.list_view)
    _press(qtbot, Qt.Key_PageDown, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.review_view
    _press(qtbot, Qt.Key_Tab, Qt.ControlModifier)  # round the end, past the hidden Utbildning tab
    assert window.tabs.currentIndex() == window.tickets_tab
    _press(qtbot, Qt.Key_PageUp, Qt.ControlModifier)
    assert window.tabs.currentWidget() is window.review_view


# -- 3. Esc at the first-start profile question ---------------------------------------------------
@pytest.fixture
def computer_user(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "anna.svensson")
    return "anna.svensson"


def test_issue_3_esc_at_first_start_keeps_the_computer_user_as_els_support_and_says_how_to_change(
        qtbot, tmp_path, computer_user):
    window = _window(qtbot, tmp_path)
    assert window.profile is None and load_profile() is None
    profile_when_checked = []
    window.startup_checks = lambda: profile_when_checked.append(window.profile)  # what comes after the question

    window.start_up()
    dialog = window.findChild(QWidget, "profileName").window()
    qtbot.waitUntil(dialog.isVisible)
    assert computer_user in dialog.fallback_label.text() and "Byt profil" in dialog.fallback_label.text()
    qtbot.keyClick(dialog.name_edit, Qt.Key_Escape)

    expected = Profile(computer_user, ELS_SUPPORT)
    assert window.profile == expected and load_profile() == expected  # the next start does not ask again
    assert profile_when_checked == [expected]  # the draft and demo offers come with the profile in place
    assert window._actor() == computer_user  # the label history names the person, not "ELS-stöd"
    assert not window.tabs.isTabVisible(window.training_tab) and window.review_view is None
    message = window.statusBar().currentMessage()
    assert computer_user in message and "ELS-stöd" in message and "Arkiv › Byt profil" in message


def test_issue_3_cancelling_a_profile_change_keeps_the_chosen_profile(qtbot, tmp_path, computer_user):
    window = _window(qtbot, tmp_path, Profile("Lena Ek", TRAINING_LEAD))
    dialog = window.choose_profile()
    assert not dialog.fallback_label.isVisibleTo(dialog)  # nothing to fall back on: a profile exists
    dialog.name_edit.setText("Någon annan")
    dialog.reject()
    assert window.profile == Profile("Lena Ek", TRAINING_LEAD) and load_profile() == window.profile
    assert window.tabs.isTabVisible(window.training_tab)


def test_issue_3_a_first_start_profile_that_cannot_be_saved_is_still_used(qtbot, tmp_path, computer_user, monkeypatch):
    from elsdesk.gui import review_actions

    window = _window(qtbot, tmp_path)
    errors = []
    monkeypatch.setattr(review_actions, "save_profile", lambda profile: (_ for _ in ()).throw(OSError("disken är full")))
    monkeypatch.setattr(review_actions, "show_error", lambda parent, exc: errors.append(exc))
    dialog = window.ensure_profile()
    dialog.name_edit.setText("Bertil")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(SUPER_USER))
    dialog.accept()
    assert window.profile == Profile("Bertil", SUPER_USER) and len(errors) == 1
    assert window.review_view is not None  # the role's views, although the file could not be written


def test_issue_3_default_profile_without_a_user_name_is_els_support(monkeypatch):
    def no_user():
        raise KeyError("getpwuid(): uid not found")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert default_profile() == Profile("ELS-stöd", ELS_SUPPORT)
    monkeypatch.setattr(getpass, "getuser", lambda: "  lena   ek ")
    assert default_profile() == Profile("lena ek", ELS_SUPPORT)


# -- 4. Destructive topic edits ask first ----------------------------------------------------------
def _topics(view):  # noqa: F811 - the fixture's view
    return {t["id"]: t for t in view.overview.report["topics"]}


def _select_rows(view, rows):  # noqa: F811
    from PySide6.QtCore import QItemSelectionModel

    _select(view, view.overview.report["topics"][rows[0]]["id"])
    for row in rows[1:]:
        view.table.selectionModel().select(view.table.model().index(row, 0),
                                           QItemSelectionModel.Select | QItemSelectionModel.Rows)


def test_issue_4_merge_asks_first_naming_the_topics_and_enter_cancels(qtbot, view):  # noqa: F811
    before = _topics(view)
    first, second = view.overview.report["topics"][:2]
    _select_rows(view, [0, 1])

    box = view.merge_selected()
    assert isinstance(box, QMessageBox) and box.isVisible() and box.windowModality() != Qt.NonModal
    assert box.windowTitle() == "Slå ihop ämnen"
    assert first["label"] in box.text() and second["label"] in box.text()
    assert box.defaultButton() is box.button(QMessageBox.No) and box.escapeButton() is box.button(QMessageBox.No)
    assert box.button(QMessageBox.Yes).text() == "Slå ihop" and box.button(QMessageBox.No).text() == "Avbryt"
    with qtbot.assertNotEmitted(view.topics_changed, wait=200):
        qtbot.keyClick(box, Qt.Key_Return)  # Enter takes the default: Avbryt
    assert view.runner.running() == 0 and _topics(view) == before

    _select_rows(view, [0, 1])
    box = view.merge_selected()
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        box.button(QMessageBox.Yes).click()
    after = _topics(view)
    assert first["id"] in after and second["id"] not in after
    assert after[first["id"]]["count"] == first["count"] + second["count"]


def test_issue_4_two_known_problems_are_refused_before_any_question(qtbot, view, monkeypatch):  # noqa: F811
    proposals = accept_first_proposal(qtbot, view, monkeypatch)
    _select(view, proposals[1]["id"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Etiketter skrivs inte ut", True))
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        view.accept_selected()
    known = [t for t in view.overview.report["topics"] if t["status"] == "confirmed"]
    assert len(known) == 2
    qtbot.waitUntil(lambda: view.runner.running() == 0)  # the load's end comes just after the week it delivered
    rows = [i for i, t in enumerate(view.overview.report["topics"]) if t["status"] == "confirmed"]
    _select_rows(view, rows)
    assert {t["id"] for t in view.selected_topics()} == {t["id"] for t in known}

    box = view.merge_selected()  # said at once: no "Slå ihop?" first and a refusal after it
    assert box.windowTitle() == "Slå ihop" and "Två kända problem" in box.text()
    assert box.button(QMessageBox.Yes) is None and box.button(QMessageBox.Ok) is not None
    box.button(QMessageBox.Ok).click()
    assert view.runner.running() == 0 and _topics(view).keys() >= {t["id"] for t in known}


def test_issue_4_split_asks_first_and_esc_keeps_the_topic(qtbot, view):  # noqa: F811
    topic = view.overview.report["topics"][0]
    _select(view, topic["id"])
    box = view.split_selected()
    assert box.windowTitle() == "Dela ämne" and topic["label"] in box.text()
    assert box.defaultButton() is box.button(QMessageBox.No)
    with qtbot.assertNotEmitted(view.topics_changed, wait=200):
        qtbot.keyClick(box, Qt.Key_Escape)
    assert view.runner.running() == 0 and topic["id"] in _topics(view)


def test_issue_4_no_problem_to_teach_asks_first(qtbot, view):  # noqa: F811
    proposal = next(t for t in view.overview.report["topics"] if t["status"] == "proposed")
    _select(view, proposal["id"])
    box = view.reject_selected()
    assert box.windowTitle() == "Inget problem att lära ut" and proposal["label"] in box.text()
    with qtbot.assertNotEmitted(view.topics_changed, wait=200):
        box.button(QMessageBox.No).click()
    assert proposal["id"] in _topics(view)

    box = view.reject_selected()
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        box.button(QMessageBox.Yes).click()
    assert proposal["id"] not in _topics(view)


def test_issue_4_belongs_to_a_known_problem_asks_first_naming_both(qtbot, view, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QInputDialog

    proposals = accept_first_proposal(qtbot, view, monkeypatch)
    other = next(t for t in view.overview.report["topics"] if t["id"] == proposals[1]["id"])
    _select(view, other["id"])
    # the chooser lists the known problems (its first is the one): answered as a person choosing it would
    monkeypatch.setattr(QInputDialog, "exec", lambda chooser: QInputDialog.Accepted)

    box = view.merge_selected_into_problem()
    assert other["label"] in box.text() and "Signera given dos i utdelningsvyn" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.No)
    with qtbot.assertNotEmitted(view.topics_changed, wait=200):
        qtbot.keyClick(box, Qt.Key_Escape)
    assert other["id"] in _topics(view)

    box = view.merge_selected_into_problem()
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        box.button(QMessageBox.Yes).click()
    assert other["id"] not in _topics(view)


# -- 5. The counts per status say that they count every status ----------------------------------------
def test_issue_5_count_text_says_the_status_counts_are_for_every_status():
    taxonomy = load_taxonomy()
    # two tickets shown (the status filter: Pågår) of twelve; the counts per status leave that filter out
    result = ListResult(ids=[1, 2], total=12, by_status={"ny": 11, "pagar": 1}, weeks=[])
    text, tooltip = count_summary(result, taxonomy.statuses, "sv")
    assert text == "Visar 2 av 12 ärenden · alla statusar (Ny: 11 · Pågår: 1)"
    assert "utan statusfiltret" in tooltip
    english, _tip = count_summary(result, taxonomy.statuses, "en")
    assert "New: 11" in english  # status names in the UI language
    assert count_summary(ListResult([], 0, {}, []), taxonomy.statuses)[0] == "Visar 0 av 0 ärenden"


def test_issue_5_the_status_bar_shows_the_all_statuses_text_and_tooltip(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, Profile("Anna", ELS_SUPPORT))
    qtbot.waitUntil(lambda: "alla statusar" in window.count_label.text(), timeout=30_000)
    total = 6 + len(WEEK_ROWS)
    assert window.count_label.text().startswith(f"Visar {total} av {total} ärenden · alla statusar (")
    assert "utan statusfiltret" in window.count_label.toolTip()


# -- 6. The review keys name their kinds -------------------------------------------------------------
@pytest.mark.parametrize("language, names", [
    ("en", {"h": "How-to", "f": "Defect", "k": "Configuration", "d": "Outage", "o": "Change request"}),
    ("sv", {"h": "Handhavande", "f": "Fel", "k": "Konfiguration", "d": "Driftstörning", "o": "Önskemål"}),
])
def test_issue_6_the_key_line_and_f1_say_which_kind_each_key_sets(qtbot, tmp_path, language, names):
    from elsdesk.gui.help_dialog import REVIEW, ShortcutsDialog, review_keys
    from elsdesk.gui.review_queue_view import ReviewQueueView
    from elsdesk.gui.tasks import TaskRunner

    path = tmp_path / "desk.db"
    open_database(path).close()
    runner = TaskRunner()
    queue = ReviewQueueView(path, load_taxonomy(), runner, "Sven", language)
    qtbot.addWidget(queue, before_close_func=lambda w: qtbot.waitUntil(lambda: runner.running() == 0))
    rows = dict(review_keys(queue.help_label.text()))
    for key, name in names.items():
        assert name in rows[key], (key, rows.get(key))
    assert "Enter" in rows and "Ctrl+Z" in rows  # the other keys are still listed
    dialog = ShortcutsDialog(REVIEW, [REVIEW], queue.help_label.text())
    qtbot.addWidget(dialog)
    assert all(name in dialog.text.toPlainText() for name in names.values())
    assert f"[h] {names['h']}" in queue.card.kind_label.text().replace("<b>", "").replace("</b>", "")


@pytest.mark.parametrize("role, may", [(ELS_SUPPORT, False), (TRAINING_LEAD, False), (SUPER_USER, True)])
def test_only_a_super_user_may_retrain_or_switch_the_model_from_the_model_dialog(qtbot, tmp_path, role, may):
    """A GUI tester as ELS-stöd trained and activated a model for the whole desk from Modell › Modell och
    kvalitet, though the menu's own Träna om was greyed out."""
    window = _window(qtbot, tmp_path, Profile("Anna", role))
    dialog = window.show_model_dialog()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=30_000)
    assert dialog.retrain_button.isEnabled() is may and dialog.activate_button.isEnabled() is may
    assert ("superanvändare" in dialog.retrain_button.toolTip()) is not may
    assert dialog.table.item(0, 0).text().startswith("Den levererade modellen"), "no 'shipped' in the UI"
    if not may:
        assert window.retrain() is None
    dialog.reject()


def test_the_topic_tables_keys_act_in_the_table_only(qtbot, tmp_path):
    """A keyboard tester's Space on "Slå ihop markerade" toggled the agenda instead of pressing the button,
    and F2 in the go-live field opened the rename; the table's Space, F2 and Ctrl+Enter work in the table only."""
    window = _window(qtbot, tmp_path, Profile("Lena Ek", TRAINING_LEAD))
    training = _training_tab_loaded(qtbot, window)
    _focus(qtbot, training.table)
    training.table.setCurrentCell(0, 1)
    agenda_before = list(training.overview.agenda_ids)
    pressed = []
    training.covered_button.clicked.disconnect()
    training.covered_button.clicked.connect(lambda: pressed.append("covered"))
    _focus(qtbot, training.covered_button)
    _press(qtbot, Qt.Key_Space)
    assert pressed == ["covered"], "Space presses the focused button"
    assert list(training.overview.agenda_ids) == agenda_before, "and leaves the agenda alone"
    _focus(qtbot, training.table)
    _press(qtbot, Qt.Key_Space)  # in the table it picks the topic for the agenda, as before
    qtbot.waitUntil(lambda: not training.is_loading() and list(training.overview.agenda_ids) != agenda_before,
                    timeout=30_000)
