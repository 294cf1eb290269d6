"""Findings of a GUI tester who drove the window as ELS-stöd, superanvändare and utbildningsansvarig
on the demo desk (branch gui-polish); each test names its finding."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from elsdesk.domain import HUMAN, INTAKE, Ticket
from elsdesk.gui.model_dialog import quality_html
from elsdesk.services.training_data import labelled_rows, split_for_training
from elsdesk.storage import TicketRepository, open_database
from elsdesk.taxonomy import load_taxonomy
from test_gui_ticket_form import form  # noqa: F401 - fixture
from test_gui_training_problems import _select, view  # noqa: F401 - fixture


def _insert(database, title, external_id=None, *, module="lakemedel", source=HUMAN):
    repo = TicketRepository(database)
    with database.write():
        stored = repo.insert(Ticket(title=title, description=f"{title} beskrivning", created_at="2025-04-28T09:00:00",
                                    external_id=external_id, module=module, kind="handhavande", label_source=source))
        repo.record_label_diff(None, stored, "test", source)
    return stored


# -- finding 1: the model dialog counted the demo desk's labels as super-users' confirmations ---------
def test_finding_1_demo_labels_are_counted_apart_from_peoples_confirmations(memory_db):
    _insert(memory_db, "Kan inte signera dos", "DEMO-00001")
    _insert(memory_db, "Saknar enhet", "DEMO-00002", module="behorighet_roller")
    _insert(memory_db, "Remiss fastnar", "ELS-000001", module="remiss")
    _insert(memory_db, "Skrivaren skriver inte", "ELS-000002", module="utskrift_hardvara", source=INTAKE)
    data = split_for_training(labelled_rows(memory_db), None)
    assert (data.confirmed, data.intake, data.demo) == (1, 1, 2)
    assert len(data.rows) == 4  # the model still learns from the demo labels


def test_finding_1_the_model_dialog_names_demo_labels_as_demo_data():
    html = quality_html({"version": "20250509-100000", "training": {"seed_rows": 3230, "confirmed_rows": 0,
                                                                    "intake_rows": 0, "demo_rows": 960}}, load_taxonomy())
    assert "960 demoärenden med påhittade etiketter" in html
    assert "superanvändare bekräftat här" not in html
    html = quality_html({"version": "20250509-100000", "training": {"seed_rows": 3230, "confirmed_rows": 12,
                                                                    "intake_rows": 0, "demo_rows": 960}}, load_taxonomy())
    assert "och 12 ärenden som superanvändare bekräftat här" in html and "960 demoärenden" in html


# -- finding 2: Ctrl+2 and Ctrl+3 did nothing and said nothing when fewer suggestions were shown ------
def test_finding_2_ctrl_3_without_a_third_suggestion_says_so_beside_the_suggestions(form, qtbot):
    form.show_suggestions([("lakemedel", 0.9, "Hög"), ("remiss", 0.3, "Låg")])
    qtbot.keyClick(form.title_edit, Qt.Key_3, Qt.ControlModifier)
    assert form.module_combo.currentData() is None
    text = form.suggestion_view.text()
    assert "Ctrl+3: det finns inget förslag 3" in text and "bara 2" in text
    assert "Läkemedel" in text  # the suggestions stay on screen with the note
    qtbot.keyClick(form.title_edit, Qt.Key_2, Qt.ControlModifier)
    assert form.module_combo.currentData() == "remiss"
    form.show_suggestions([("lakemedel", 0.8, "Medel")])  # new suggestions: the note was about the old ones
    assert "inget förslag" not in form.suggestion_view.text()


def test_finding_2_ctrl_1_with_no_suggestions_or_no_model_says_why(form, qtbot):
    qtbot.keyClick(form.title_edit, Qt.Key_1, Qt.ControlModifier)
    assert "Ctrl+1: inga förslag än" in form.suggestion_view.text()
    form.show_suggestions([], available=False)
    qtbot.keyClick(form.title_edit, Qt.Key_2, Qt.ControlModifier)
    assert "Ctrl+2: inga förslag, modellen är inte laddad" in form.suggestion_view.text()


# -- finding 3: a module the logging person chose showed the same "?" as the model's guess ------------
def test_finding_3_a_persons_intake_module_looks_unlike_the_models_guess(memory_db, qtbot):
    from PySide6.QtCore import Qt as QtCore_Qt

    from elsdesk.domain import MODEL
    from elsdesk.services.similar import SimilarTicket
    from elsdesk.gui.similar_tickets_view import SimilarTicketsView
    from elsdesk.gui.ticket_table_model import COLUMNS, TicketTableModel

    guessed = Ticket("Dos", created_at="2026-11-02T10:00:00", id=1, module="lakemedel", label_source=MODEL,
                     module_confidence=0.87)
    chosen = Ticket("Intyg", created_at="2026-11-02T10:02:00", id=2, module="intyg_blanketter", label_source=INTAKE,
                    module_confidence=0.9, model_version="v1")  # taken with Ctrl+1: keeps the suggestion's confidence
    model = TicketTableModel(memory_db, load_taxonomy(), "sv")
    model.show_first_page([guessed, chosen])
    column = COLUMNS.index("module")
    shown = [model.data(model.index(row, column)) for row in range(2)]
    colours = [model.data(model.index(row, column), QtCore_Qt.ForegroundRole) for row in range(2)]
    assert shown == ["Läkemedel ?", "Intyg och blanketter"]
    assert colours[0] is not None and colours[1] is None  # the guess is grey, the person's label is not
    assert "registreringen" in model.data(model.index(1, column), QtCore_Qt.ToolTipRole)

    view = SimilarTicketsView(load_taxonomy(), "sv")
    qtbot.addWidget(view)
    view.show_similar([SimilarTicket(guessed, 0.8), SimilarTicket(chosen, 0.7)])
    assert [view.tree.topLevelItem(row).text(3) for row in range(2)] == ["Läkemedel ?", "Intyg och blanketter"]
    assert "registreringen" in view.tree.topLevelItem(1).toolTip(3)


# -- finding 4: the similar tickets' last heading read "Lösnir" in the ticket form --------------------
def _similar_rows(count: int = 5):
    from elsdesk.services.similar import SimilarTicket

    return [SimilarTicket(Ticket(f"Att signera-listan {n}", created_at="2025-05-02T10:00:00", id=n, external_id=f"DEMO-0{n:04d}",
                                 module="journal_dokumentation", label_source=HUMAN, status="lost",
                                 resolution="Visade arbetsgången för signering i utdelningsvyn."), 0.3) for n in range(1, count + 1)]


def _tree_heading_fits(tree, column: int) -> bool:
    from PySide6.QtGui import QFont, QFontMetrics

    header = tree.header()
    font = QFont(header.font())
    font.setWeight(QFont.DemiBold)  # the stylesheet's font-weight: 600
    return QFontMetrics(font).horizontalAdvance(tree.headerItem().text(column)) + 12 <= header.sectionSize(column)


@pytest.mark.parametrize("size", [None, (1024, 700)], ids=["default", "1024x700"])
def test_finding_4_every_similar_ticket_heading_is_whole_in_the_ticket_form(form, qtbot, size):  # noqa: F811
    from elsdesk.gui.app import stylesheet

    form.setStyleSheet(stylesheet())
    if size is not None:
        form.resize(min(size[0], form.width()), min(size[1], form.height()))
    form.show_similar(_similar_rows())
    tree = form.similar_view.tree
    form.fields_scroll.ensureWidgetVisible(tree)
    qtbot.waitUntil(lambda: all(_tree_heading_fits(tree, column) for column in range(tree.columnCount())))
    assert tree.header().length() <= tree.viewport().width()  # no column pushed out of sight
    module = tree.topLevelItem(0)
    assert module.toolTip(3).startswith("Journal och vårddokumentation")  # whole where the column cuts it


def test_finding_4_a_wider_list_gives_the_title_and_module_their_room_again(qtbot):
    from elsdesk.gui.app import stylesheet
    from elsdesk.gui.similar_tickets_view import SimilarTicketsView

    view = SimilarTicketsView(load_taxonomy(), "sv")
    qtbot.addWidget(view)
    view.setStyleSheet(stylesheet())
    view.show_similar(_similar_rows())
    view.resize(600, 300)
    view.show()
    qtbot.waitUntil(lambda: view.tree.header().length() <= view.tree.viewport().width())
    narrow = view.tree.columnWidth(2)
    view.resize(1000, 300)
    qtbot.waitUntil(lambda: view.tree.columnWidth(2) == 230)
    assert narrow < 230 and all(_tree_heading_fits(view.tree, column) for column in range(6))


# -- finding 6: ELS-stöd saw the whole Modell menu and an enabled "Ta bort demodata…" -----------------
def test_finding_6_the_local_rule_for_demo_data():
    from elsdesk.services.permissions import LOAD_DEMO, REMOVE_DEMO, TRAIN_MODEL, allowed_locally
    from elsdesk.services.profile import ELS_SUPPORT, SUPER_USER, TRAINING_LEAD

    # None: the first start, before a profile is chosen; whoever loaded the demo month can take it out again
    assert all(allowed_locally(role, action) for role in (ELS_SUPPORT, SUPER_USER, TRAINING_LEAD, None)
               for action in (LOAD_DEMO, REMOVE_DEMO))
    assert not allowed_locally(None, TRAIN_MODEL) and not allowed_locally(ELS_SUPPORT, TRAIN_MODEL)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("role", ["els_stod", "utbildningsansvarig", "superanvandare"])
def test_finding_6_the_model_menu_and_demo_removal_follow_the_role(qtbot, tmp_path, role):
    from PySide6.QtCore import QSettings

    from elsdesk.gui.main_window import MainWindow
    from elsdesk.services.profile import Profile, save_profile

    path = tmp_path / "desk.db"
    with open_database(path) as database:
        _insert(database, "Kan inte signera dos", "DEMO-00001")
    save_profile(Profile("Anna", role))
    window = MainWindow(path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(
        lambda: w.runner.running() == 0 and (w.review_view is None or w.review_view.is_idle()), timeout=60_000))
    qtbot.waitUntil(lambda: window.has_demo and window.runner.running() == 0, timeout=30_000)
    model_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Modell")
    shown = [a.text() for a in model_menu.actions() if a.isVisible()]
    if role == "superanvandare":
        assert len(shown) == 5 and window.remove_demo_action.isEnabled()
    else:
        assert shown == ["&Modell och kvalitet…"]  # what Hög, Medel and Låg mean; read-only for this role
        assert window.remove_demo_action.isEnabled() and window.demo_action.isEnabled()  # the local file's owner's


# -- finding 5: at 1024×700 module names were cut in the ticket list and the Utbildning table ---------
# (the list's cut cells were already whole in their tooltips, tests/test_gui_small_screens.py, and its details pane
# names the module; the Utbildning table's module cells too, but its pane, where the keyboard reads a topic, did not)
def test_finding_5_the_utbildning_pane_names_the_topics_module_whole(qtbot, view):  # noqa: F811
    topic = view.overview.report["topics"][0]
    _select(view, topic["id"])
    name = load_taxonomy().module_name(topic["module"], "sv")
    qtbot.waitUntil(lambda: name in view.examples.toPlainText())
    module = view.table.item(0, 2)
    assert module.toolTip() == module.text() == name  # the cell, cut with "…" at 1024×700, is whole in its tooltip


# -- finding 7: the Period… quick choices counted from today: on the 2025 demo desk they picked empty weeks
DEMO_WEEKS = ["2025-W17", "2025-W18", "2025-W19", "2025-W20", "2025-W21"]  # go-live 2025-04-23 to 2025-05-25
TODAY = date(2026, 12, 7)


def test_finding_7_quick_choices_count_from_the_newest_tickets_week_on_a_desk_that_ended_before():
    from elsdesk.periods import count_from, holds_tickets, recent_weeks

    assert count_from(TODAY, "2025-W21") == date(2025, 5, 25)  # the Sunday of the newest week with tickets
    assert recent_weeks(count_from(TODAY, "2025-W21")) == (date(2025, 4, 28), date(2025, 5, 25))
    assert count_from(date(2027, 4, 14), "2027-W12") == date(2027, 4, 14)  # quiet for two weeks: still today
    assert count_from(TODAY, None) == TODAY
    assert holds_tickets(date(2026, 11, 9), TODAY, DEMO_WEEKS) is False
    assert holds_tickets(date(2025, 5, 1), date(2025, 5, 31), DEMO_WEEKS) is True
    assert holds_tickets(date(2025, 5, 1), date(2025, 5, 31), None) is None


def test_finding_7_the_period_dialog_on_the_demo_desk_picks_weeks_with_tickets_and_says_when_none(qtbot):
    from elsdesk.gui.period_export_dialog import PeriodExportDialog

    dialog = PeriodExportDialog((date(2025, 4, 28), date(2025, 5, 25)), [("xlsx", "Excel")], "xlsx", TODAY,
                                weeks_with_tickets=DEMO_WEEKS)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.newest_note.isHidden() and "2025-W21" in dialog.newest_note.text()
    dialog.recent_button.click()
    assert dialog.period() == (date(2025, 4, 28), date(2025, 5, 25))
    dialog.this_month_button.click()
    assert dialog.period() == (date(2025, 5, 1), date(2025, 5, 25))
    dialog.previous_month_button.click()  # April, from the demo desk's first week with tickets (2025-W17)
    assert dialog.period() == (date(2025, 4, 21), date(2025, 4, 30))
    assert "Inga ärenden" not in dialog.summary.text()
    dialog.set_period(date(2026, 11, 1), date(2026, 11, 30))  # typed by hand: a month without tickets
    assert "Inga ärenden under perioden: desken har ärenden 2025-W17 – 2025-W21" in dialog.summary.text()
    # the longer summary makes the dialog taller instead of squeezing the fields above it
    qtbot.waitUntil(lambda: dialog.format_combo.height() >= dialog.format_combo.sizeHint().height())
