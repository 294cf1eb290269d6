"""Lists, tabs and the status bar on a small screen (1024 px, 1366 px at 125 %), keyboard first.

The findings of an exploratory tester (round "lists_small"): the status bar cut numbers ("Resolved: 1"
for 1 006), the list could not be sorted without a mouse and the search box kept the focus on Down and
Enter, the title column got 85 px beside a 230 px module, the details pane broke words anywhere,
the title's tooltip lacked the title, the Utbildning tab's topic column was ~45 px under charts that
took most of the height, and two toolbar tooltips lacked their keys.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QApplication

from elsdesk.domain import Ticket
from elsdesk.gui.charts import CHART_MIN_HEIGHT, WEEK_LABEL_POINTS, topic_trend_chart, week_axis_labels
from elsdesk.gui.help_dialog import TICKETS, TRAINING, shortcut_rows
from elsdesk.gui.main_window import CHARTS_KEY, MainWindow
from elsdesk.gui.ticket_table_model import COLUMNS
from elsdesk.gui.training_view import COLUMNS as TOPIC_COLUMNS
from elsdesk.gui.training_view import TrainingLeadView, default_split
from elsdesk.gui.window_layout import ELLIPSIS, elide_whole_parts
from elsdesk.storage import TicketRepository, open_database
from test_gui_main_window import seeded_db, wait_for_workers  # noqa: F401 - fixture
from test_gui_training_problems import view as training  # noqa: F401 - fixture

COUNTS = "Visar 1 200 av 1 200 ärenden · alla statusar (Ny: 20 · Pågår: 29 · Väntar: 62 · Eskalerad: 83 · Löst: 1 006)"
NUMBERS = re.compile(r"\d{1,3}(?: \d{3})+(?!\d)|\d+")
LONG_TITLE = "Utdelningsvyn låter inte sjuksköterskan signera given dos för patienter som flyttats mellan enheter"
LONG_UNIT = "Medicinkliniken Norrlands universitetssjukhus avdelning 12 hjärtintensiven vårdplats"


def _width(text: str) -> int:
    return 7 * len(text)


# -- finding 3: the status bar --------------------------------------------------------------------
@pytest.mark.parametrize("room", range(20, 800, 7))
def test_finding_3_a_shortened_count_never_cuts_a_number(room):
    shown = elide_whole_parts(COUNTS, room, _width)
    assert _width(shown) <= room or shown == ELLIPSIS
    assert set(NUMBERS.findall(shown)) <= set(NUMBERS.findall(COUNTS)), shown
    assert shown.count("(") == shown.count(")")
    if shown != COUNTS:
        assert shown.endswith(ELLIPSIS) or shown.endswith(ELLIPSIS + ")")


def test_finding_3_whole_parts_go_before_words():
    for expected in ("Visar 1 200 av 1 200 ärenden · alla statusar (Ny: 20 · Pågår: 29 …)", "Visar 1 200 av 1 200 ärenden …"):
        assert elide_whole_parts(COUNTS, _width(expected), _width) == expected
    assert elide_whole_parts("Den levererade modellen är laddad.", _width("Den levererade modellen …"), _width) == \
        "Den levererade modellen …"


@pytest.fixture
def window(qtbot, seeded_db, tmp_path):  # noqa: F811 - the fixture imported above
    window = MainWindow(seeded_db, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: wait_for_workers(qtbot, w))
    window.resize(1000, 700)
    with qtbot.waitActive(window):
        window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and not window.list_view.is_loading())
    wait_for_workers(qtbot, window)
    return window


def test_finding_3_the_count_label_shows_what_fits_and_says_the_rest_in_its_tooltip(qtbot, window):
    label = window.count_label
    label.setText(COUNTS)
    label.set_note("Antalen per status …")
    label.setMaximumWidth(label.fontMetrics().horizontalAdvance(COUNTS) // 2)
    qtbot.waitUntil(lambda: label.width() <= label.maximumWidth())
    shown = label.shown_text()
    assert shown != COUNTS and shown.endswith(ELLIPSIS) or shown.endswith(ELLIPSIS + ")")
    assert set(NUMBERS.findall(shown)) <= set(NUMBERS.findall(COUNTS))
    assert label.text() == COUNTS, "text() stays the whole text"
    assert label.toolTip().startswith(COUNTS) and "Antalen per status" in label.toolTip()


def test_finding_3_a_message_gets_room_and_is_cut_between_words(qtbot, window):
    bar = window.statusBar()
    window.count_label.setText(COUNTS)
    bar.showMessage("Den levererade modellen är laddad.")
    qtbot.waitUntil(lambda: bar.shown_message() == "Den levererade modellen är laddad.")
    assert window.count_label.width() < window.count_label.fontMetrics().horizontalAdvance(COUNTS), "the count gave way"
    long_message = "Den levererade modellen är laddad " + "och mycket mer därtill " * 12 + "1 006"
    bar.showMessage(long_message)
    shown = bar.shown_message()
    assert shown.endswith(ELLIPSIS) and long_message.startswith(shown[:-2])
    assert bar.currentMessage() == long_message
    bar.clearMessage()
    qtbot.waitUntil(lambda: window.count_label.maximumWidth() > 10_000)


# -- finding 4: keyboard in the list -------------------------------------------------------------
@pytest.mark.parametrize("key", [Qt.Key_Down, Qt.Key_Return])
def test_finding_4_down_or_enter_in_the_search_box_goes_to_the_first_result(qtbot, window, key):
    search = window.filter_bar.search_edit
    window.list_view.selectRow(3)
    search.setFocus()
    qtbot.keyClicks(search, "signera")
    qtbot.keyClick(search, key)
    qtbot.waitUntil(lambda: not window.list_view.is_loading())
    assert QApplication.focusWidget() is window.list_view
    assert window.list_view.currentIndex().row() == 0
    assert window.list_view.filter.text == "signera"
    wait_for_workers(qtbot, window)


def test_finding_4_the_list_is_sorted_from_the_view_menu(qtbot, window):
    window._fill_sort_menu()  # as the menu does when it opens  # noqa: SLF001
    items = {action.text(): action for action in window.sort_menu.actions() if action.text()}
    assert items["Skapad"].isChecked() and items["&Fallande ordning"].isChecked()
    with qtbot.waitSignal(window.list_view.loaded, timeout=20_000):
        items["Rubrik"].trigger()
    assert (window.list_view.filter.sort, window.list_view.filter.descending) == ("title", False)
    titles = [window.model.ticket_at(row).title for row in range(window.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold) or titles[0] <= titles[-1]
    window._fill_sort_menu()  # noqa: SLF001
    items = {action.text(): action for action in window.sort_menu.actions() if action.text()}
    assert items["Rubrik"].isChecked() and items["&Stigande ordning"].isChecked()
    with qtbot.waitSignal(window.list_view.loaded, timeout=20_000):
        items["Rubrik"].trigger()  # the same column again turns the order round
    assert (window.list_view.filter.sort, window.list_view.filter.descending) == ("title", True)
    assert window.sort_menu.menuAction() in window.menuBar().actions()[3].menu().actions(), "under Visa"
    wait_for_workers(qtbot, window)


def test_finding_4_f1_names_the_keyboard_ways_to_sort_and_to_reach_the_list():
    keys = [key for key, _what in shortcut_rows(TICKETS)]
    assert "Alt+V › Sortera efter" in keys and "↓ / Enter i sökrutan" in keys
    assert "Alt+V › Diagram i Utbildning" in [key for key, _what in shortcut_rows(TRAINING)]
    assert keys.count("Ctrl+F") == 1 and "Ctrl+N" in keys  # a GUI tester saw Ctrl+F twice, under Ärenden and Överallt


def test_the_shortcut_sections_are_one_table_so_their_keys_line_up(qtbot):
    """A GUI tester: the two sections' columns did not line up (a table each, each as wide as its keys)."""
    from elsdesk.gui.help_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(TICKETS, [TICKETS, TRAINING])
    qtbot.addWidget(dialog)
    html = dialog.text.toHtml()
    assert html.count("<table") == 1 and "Överallt" in html and "Ärenden" in html


# -- finding 5: the ticket list on a small screen ------------------------------------------------
def test_finding_5_the_title_column_gets_its_share_on_a_narrow_list(qtbot, window):
    view = window.list_view
    window.resize(1024, 700)
    window.ticket_splitter.setSizes([640, 360])
    qtbot.waitUntil(lambda: view.viewport().width() < 700)
    view.make_room_for_title()
    header = view.horizontalHeader()
    others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if COLUMNS[c] != "title")
    assert view.viewport().width() - others >= 0.28 * view.viewport().width() - 1 or \
        header.sectionSize(COLUMNS.index("module")) == 110
    assert header.sectionSize(COLUMNS.index("module")) < 200


def test_finding_5_tooltips_give_the_whole_title_and_unit(qtbot, window, seeded_db):
    with open_database(seeded_db) as database, database.write():
        TicketRepository(database).insert(Ticket(title=LONG_TITLE, description="Kort beskrivning.", unit=LONG_UNIT,
                                                 created_at="2031-01-01T08:00:00"))
    with qtbot.waitSignal(window.list_view.loaded, timeout=20_000):
        window.list_view.refresh()
    row = window.model.row_of(next(i for i in window.model.ids() if window.model.ticket_at(window.model.row_of(i)).title == LONG_TITLE))
    title_tip = window.list_view.cell_tooltip(row, COLUMNS.index("title"))
    assert title_tip.startswith(LONG_TITLE) and title_tip.endswith("Kort beskrivning.")
    assert window.list_view.cell_tooltip(row, COLUMNS.index("unit")) == LONG_UNIT
    wait_for_workers(qtbot, window)


def test_finding_5_the_details_pane_breaks_lines_between_words(window):
    assert window.details.wordWrapMode() == QTextOption.WrapMode.WordWrap


# -- finding 6: toolbar tooltips -----------------------------------------------------------------
def test_finding_6_import_and_refresh_tooltips_name_their_keys(window):
    assert "(Ctrl+I)" in window.import_action.toolTip()
    assert "(F5)" in window.refresh_action.toolTip()


# -- finding 2: the Utbildning tab ------------------------------------------------------------------
def test_finding_2_the_charts_give_height_to_the_table_on_a_small_screen():
    small, large = default_split(450), default_split(900)
    assert small[0] >= CHART_MIN_HEIGHT and small[1] >= 450 - CHART_MIN_HEIGHT - 1, "1366×768 at 125 %"
    assert large[0] == int(900 * 0.4), "a large screen keeps the charts' share"
    assert sum(small) == 450 and sum(large) == 900


def test_finding_2_the_topic_column_takes_the_spare_width(qtbot, training):
    training.resize(1000, 500)
    training.show()
    qtbot.waitUntil(lambda: training.table.viewport().width() > 300)
    training.fit_columns()
    header = training.table.horizontalHeader()
    topic = TOPIC_COLUMNS.index("Ämne")
    widths = [header.sectionSize(c) for c in range(len(TOPIC_COLUMNS))]
    # the widest column, or already wide enough for all of its names (the export's longer headings, "Veckor i rad",
    # "Föreg. vecka", leave a short week's topics their whole names but not always the widest column)
    assert widths[topic] == max(widths) or widths[topic] >= training.table.sizeHintForColumn(topic), widths
    wanted = min(0.25 * training.table.viewport().width(), training.table.sizeHintForColumn(topic))
    assert widths[topic] >= wanted, widths  # its share, or all of its names where they are shorter
    agenda = training.table.horizontalHeaderItem(0)
    assert agenda.toolTip() == "På agendan", "a heading is whole in its tooltip"
    assert agenda.text() in ("På agendan", "På\nagendan"), "whole, on two lines where the row is short (not 'På …')"
    assert not training.table.wordWrap()


def test_finding_2_the_charts_can_be_hidden_and_the_choice_is_kept(qtbot, window, tmp_path):
    action = window.charts_action
    assert action.isChecked()
    action.setChecked(False)
    view = window.training_view
    assert not view.charts_visible()
    assert QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat).value(CHARTS_KEY, type=bool) is False
    action.setChecked(True)
    assert view.charts_visible()
    wait_for_workers(qtbot, window)


def test_finding_2_week_labels_keep_the_day_on_a_second_line_in_a_smaller_font(qtbot):
    assert week_axis_labels(["2025-W18"], {"2025-W18": 3}) == ["v18<br>D+3"]
    assert week_axis_labels(["2025-W18"], {}) == ["v18"]
    chart = topic_trend_chart({"a": {"2025-W18": 2}}, {"a": "Ämne"}, ["2025-W18"], {}, "Trend")
    bottom = chart.axes(Qt.Horizontal)[0]
    assert bottom.labelsFont().pointSizeF() == WEEK_LABEL_POINTS < QApplication.font().pointSizeF()


def test_a_narrow_table_gives_the_topic_the_modules_room_down_to_90_px(qtbot):
    """Tester (a long day at 1024 px): the topic column was 120 px beside a 110 px module column, the topics'
    names cut to "Kallelser saknar …". The module gives way to 90 px (its whole name in its tooltip)."""
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    from elsdesk.gui.topic_columns import fit_topic_columns

    table = QTableWidget(3, len(TOPIC_COLUMNS))
    table.setHorizontalHeaderLabels(list(TOPIC_COLUMNS))
    qtbot.addWidget(table)
    rows = [("Kallelser saknar mottagningens adress och telefontid", "Resursplanering och tidbok"),
            ("Nyanställda saknar behörighet till patientlistan", "Behörighet och roller"),
            ("Inskrivningsmeddelande till kommunen skickas inte", "Cosmic Link och Messenger")]
    for row, (topic, module) in enumerate(rows):
        for column, text in enumerate(["✔", topic, module, "Handhavande", "7", "6", "stabil", "3", "2026-11-20"]):
            table.setItem(row, column, QTableWidgetItem(text))
    table.resize(720, 300)  # the table beside the examples pane in a 1024 px window
    table.show()
    qtbot.waitUntil(lambda: table.viewport().width() > 600)
    widths = fit_topic_columns(table, list(TOPIC_COLUMNS), topic=TOPIC_COLUMNS.index("Ämne"))
    module = TOPIC_COLUMNS.index("Modul")
    assert widths[module] == max(90, table.horizontalHeader().sectionSizeHint(module)), widths
    header = table.horizontalHeader()
    assert header.sectionSize(TOPIC_COLUMNS.index("Ämne")) > widths[module] + 30


def test_a_week_number_held_in_two_years_says_its_year_so_every_week_keeps_its_label(qtbot):
    """A calendar tester: a desk with a 2020-W53 ticket beside 2026-W52..2027-W01 showed "v53 v52 v01 …" and the
    newest weeks unlabelled (Qt's category axis keeps one label per text)."""
    weeks = ["2020-W53", "2026-W52", "2026-W53", "2027-W01"]
    labels = week_axis_labels(weeks, {})
    assert labels == ["v53 ’20", "v52", "v53 ’26", "v01"]
    chart = topic_trend_chart({"a": {w: 1 for w in weeks}}, {"a": "Ämne"}, weeks, {}, "Trend")
    assert len(chart.axes(Qt.Horizontal)[0].categoriesLabels()) == len(weeks)


def test_on_a_1366_screen_the_unit_gives_way_before_the_module_and_the_kind(qtbot, window):
    """A super-user at 1366×768 read "Beställn… (BoS) ?" and "Journal …tation ?" in the list while the unit column
    had all its width: the unit gives way first, then the module, the kind ("Handhavande") last."""
    view = window.list_view
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: view.viewport().width() > 900)
    view.make_room_for_title()
    header = view.horizontalHeader()
    size = {name: header.sectionSize(c) for c, name in enumerate(COLUMNS)}
    assert size["unit"] < view._natural[COLUMNS.index("unit")]
    assert size["kind"] == view._natural[COLUMNS.index("kind")]
    assert size["module"] >= view.fontMetrics().horizontalAdvance("Beställning och svar (BoS) ?")
