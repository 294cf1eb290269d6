"""Second-round window defects in the Utbildning tab and the review queue's module picker, found by a
keyboard tester driving the real window offscreen:

1. several topics selected (Shift/Ctrl), an edit that reloads the week left only one selected;
2. the module picker's list did not fold å/ä/ö ("lakem" listed nothing; Enter still found Läkemedel);
6. the English topic table said Count/Last week/Weeks where the English export says Tickets/Prev. week/
   Weeks running (and the Swedish table said Antal/Förra v./Veckor beside the export's Ärenden/Föreg.
   vecka/Veckor i rad).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from elsdesk.gui.module_picker import ModulePicker
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.training_view import COLUMNS, TrainingLeadView
from elsdesk.taxonomy import load_taxonomy
from test_known_problem_week_accepts import SITHS_REPORTS
from test_gui_training_problems import training_view_of, two_topics_week
from test_problems import _row


@pytest.fixture
def view(qtbot, db_path, tmp_path):
    rows = [_row(40 + i, "2025-05-08", t, d, "inloggning_siths") for i, (t, d) in enumerate(SITHS_REPORTS)]  # a third topic
    return training_view_of(qtbot, db_path, tmp_path, two_topics_week() + rows)


def _select_rows(view, rows: list[int], current: int) -> None:
    """Rows selected as Shift/Ctrl would leave them, *current* the row the keyboard is on."""
    model, selection = view.table.model(), view.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
    selection.setCurrentIndex(model.index(current, 0), QItemSelectionModel.NoUpdate)


def _type(widget, text: str) -> None:
    """Key presses carrying *text*, letters with a ring or dots too (QTest's key names are ASCII only)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = ord(char.upper()) if char.isascii() else Qt.Key_unknown
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, char))


def _selected_ids(view) -> set[str]:
    return {t["id"] for t in view.selected_topics()}


def _current_id(view) -> str:
    return view.table.item(view.table.currentRow(), 0).data(Qt.UserRole)


@pytest.mark.sqlite_only
def test_round2_issue_1_every_selected_topic_stays_selected_after_an_edit(qtbot, view, monkeypatch):
    monkeypatch.setattr("elsdesk.gui.training_view.region_today", lambda: date(2025, 5, 14))  # the week after: today
    topics = view.overview.report["topics"]
    assert len(topics) >= 3
    _select_rows(view, [0, 2], current=2)
    chosen, current = _selected_ids(view), _current_id(view)
    assert len(chosen) == 2
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        view.toggle_agenda()
    assert _selected_ids(view) == chosen and _current_id(view) == current
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        view.mark_selected_covered()
    assert _selected_ids(view) == chosen and _current_id(view) == current
    assert all(t.get("covered_on") for t in view.selected_topics())
    monkeypatch.setattr("elsdesk.gui.training_view.ask_text", lambda *a, **k: ("Etiketter skrivs inte ut", True))
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        view.rename_selected()
    assert _selected_ids(view) == chosen and _current_id(view) == current
    assert "Etiketter skrivs inte ut" in [t["label"] for t in view.selected_topics()]


@pytest.mark.sqlite_only
def test_round2_issue_1_a_topic_gone_after_a_merge_leaves_the_merged_one_selected(qtbot, view):
    from elsdesk.services.topic_edits import merge_topics

    topics = view.overview.report["topics"]
    _select_rows(view, [0, 1], current=1)
    kept = topics[0]["id"]
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        view._edit(lambda database: merge_topics(database, view.current_week(), [kept, topics[1]["id"]]), "merge")
    ids = [t["id"] for t in view.overview.report["topics"]]
    assert _selected_ids(view) <= set(ids) and len(view.selected_topics()) >= 1
    assert view.table.currentRow() >= 0


@pytest.mark.parametrize("typed, expected", [
    ("lakem", ["Läkemedel"]), ("LAKEM", ["Läkemedel"]), ("läkem", ["Läkemedel"]),
    ("journal", ["Journal och vårddokumentation"]), ("hardvara", ["Utskrift och hårdvara"]),
])
def test_round2_issue_2_the_picker_lists_the_same_modules_with_or_without_a_ring_or_dots(qtbot, typed, expected):
    names = {m.id: m.sv for m in load_taxonomy().modules}
    picker = ModulePicker(names)
    qtbot.addWidget(picker)
    picker.show()
    picker.open()
    _type(picker, typed)
    popup = picker.completer_.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert shown == expected
    with qtbot.waitSignal(picker.completer_.highlighted[str]) as highlighted:
        qtbot.keyClick(popup, Qt.Key_Down)
    assert highlighted.args == [expected[0]], "the name as written, not its folded form"
    with qtbot.waitSignal(picker.module_chosen) as chosen:
        qtbot.keyClick(popup, Qt.Key_Return)
    assert names[chosen.args[0]] == expected[0]


def test_round2_issue_2_enter_on_folded_text_finds_the_module():
    picker = ModulePicker({m.id: m.sv for m in load_taxonomy().modules})
    assert picker.resolve("lakem") == picker.resolve("Läkem") == "lakemedel"
    assert picker.resolve("hårdvara") == picker.resolve("HARDVARA") == "utskrift_hardvara"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_round2_issue_6_the_topic_tables_headings_say_what_the_export_says(qtbot, qapp, tmp_path, language):
    from elsdesk.export.tables import TEXTS
    from elsdesk.gui.app import install_translator
    from elsdesk.gui.ticket_table_model import TicketTableModel  # noqa: F401 - its "Typ" is the window's word

    translator = install_translator(qapp, language)
    try:
        view = TrainingLeadView(load_taxonomy(), TaskRunner(), tmp_path / "desk.db", language)
        qtbot.addWidget(view)
        shown = {source: view.table.horizontalHeaderItem(c).text().replace("\n", " ") for c, source in enumerate(COLUMNS)}
        words = TEXTS[language]
        for source, key in (("Ämne", "topic"), ("Modul", "module"), ("Ärenden", "count"), ("Föreg. vecka", "previous"),
                            ("Trend", "trend"), ("Veckor i rad", "weeks"), ("Genomgånget", "covered")):
            assert shown[source] == words[key], (language, source)
        # the kind column says what the rest of the window says for it (the ticket list, the form, Ctrl+T)
        from PySide6.QtCore import QCoreApplication

        assert shown["Typ"] == QCoreApplication.translate("TicketTableModel", "Typ")
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_merge_split_and_gone_through_have_keys_in_the_topic_table(qtbot, view, monkeypatch):
    """A keyboard-only training lead could merge, split and mark topics gone through only with the mouse."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr("elsdesk.gui.training_view.region_today", lambda: date(2025, 5, 14))  # the week after: today
    from PySide6.QtWidgets import QApplication

    view.show()
    view.activateWindow()
    view.table.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    asked = []
    monkeypatch.setattr("elsdesk.gui.training_view.ask_before_edit", lambda _parent, title, *_rest: asked.append(title))
    _select_rows(view, [0, 1], current=1)
    qtbot.keyClick(view.table, Qt.Key_M, Qt.ControlModifier)
    assert asked == ["Slå ihop ämnen"]
    _select_rows(view, [0], current=0)
    qtbot.keyClick(view.table, Qt.Key_D, Qt.ControlModifier)
    assert asked == ["Slå ihop ämnen", "Dela ämne"]
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        qtbot.keyClick(view.table, Qt.Key_G, Qt.ControlModifier)
    assert view.selected_topics()[0]["covered_on"] == "2025-05-14"
    assert "Ctrl+M" in view.merge_button.toolTip() and "Ctrl+G" in view.covered_button.toolTip()
    assert not view.findChildren(QMessageBox)
