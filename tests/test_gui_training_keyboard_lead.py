"""A training lead drove the Utbildning tab by keyboard (Region Norrhavet, W46) and found:

3. a typed "agenda-v46.pdf" with the type Excel wrote "agenda-v46.xlsx" over her earlier export, no question;
4. an import (Ctrl+I) moved the tab from the week she worked on to the newest week;
5. after Ctrl+Home the focus frame was on the first topic but the highlight stayed on another, and Space
   took that other one off the agenda; Home moved nothing visible;
14. tabbing through the Go-live field saved the date derived from the oldest ticket as the desk's go-live;
15. the week picker had no key (8× Shift+Tab from the topics), and F1 named none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QMessageBox

from conftest import write_jsonl
from elsdesk.gui.help_dialog import TRAINING, shortcut_rows
from elsdesk.services.topics import go_live_is_set
from elsdesk.storage import open_database
from test_gui_layout import _window
from test_gui_training_problems import view  # noqa: F401 - the Utbildning view of 2025-W19, two topics
from test_gui_window_place import _shown_week, _two_weeks
from test_problems import DOSE_REPORTS, _row


# -- 3. the typed extension decides the export's format ------------------------------------------
@pytest.fixture
def save_as(monkeypatch):
    """The save dialog answered with the name a test types (with the tab's chosen type); the overwrite
    questions asked, answered as the test says."""
    typed, questions = {}, []

    def save_dialog(_parent, _title, _name, _filters, chosen):
        return typed["path"], chosen

    def answer(box):
        assert box.defaultButton() is box.button(QMessageBox.No) and box.button(QMessageBox.Yes).text() == "Skriv över"
        questions.append(box.text())
        return typed.get("overwrite", QMessageBox.No)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QMessageBox, "exec", answer)
    return typed, questions


def _export_as(qtbot, view, typed, path: Path) -> str:  # noqa: F811
    typed["path"] = str(path)
    with qtbot.waitSignal(view.exported, timeout=60_000) as exported:
        view.choose_export()
    return exported.args[0]


@pytest.mark.parametrize("ending, starts", [(".pdf", b"%PDF"), (".html", b"<!DOCTYPE html"), (".csv", None)])
def test_issue_3_a_typed_extension_picks_the_format_and_leaves_the_earlier_export(
        qtbot, view, save_as, tmp_path, ending, starts):  # noqa: F811
    typed, questions = save_as
    view.export_format.setCurrentIndex(view.export_format.findData("xlsx"))
    earlier = tmp_path / "agenda-v46.xlsx"
    assert _export_as(qtbot, view, typed, earlier) == str(earlier)
    before = earlier.read_bytes()
    wanted = tmp_path / f"agenda-v46{ending}"
    assert _export_as(qtbot, view, typed, wanted) == str(wanted)
    assert wanted.exists() and earlier.read_bytes() == before
    if starts:
        assert wanted.read_bytes().lstrip(b"\xef\xbb\xbf").upper().startswith(starts.upper())
    assert questions == []


def test_issue_3_a_name_without_extension_asks_before_overwriting_the_file_it_becomes(
        qtbot, view, save_as, tmp_path):  # noqa: F811
    typed, questions = save_as
    view.export_format.setCurrentIndex(view.export_format.findData("csv"))
    earlier = tmp_path / "agenda.csv"
    earlier.write_text("min egen fil", encoding="utf-8")
    typed["path"] = str(tmp_path / "agenda")  # the dialog confirmed "agenda", not "agenda.csv"
    view.choose_export()
    assert len(questions) == 1 and str(earlier) in questions[0]
    assert view.runner.running() == 0 and earlier.read_text(encoding="utf-8") == "min egen fil"  # No: kept
    typed["overwrite"] = QMessageBox.Yes
    assert _export_as(qtbot, view, typed, tmp_path / "agenda") == str(earlier)
    assert len(questions) == 2 and earlier.read_text(encoding="utf-8-sig") != "min egen fil"
    fresh = tmp_path / "ny agenda"  # no file of that name yet: no question, the type's extension
    assert _export_as(qtbot, view, typed, fresh) == str(tmp_path / "ny agenda.csv")
    assert len(questions) == 2


# -- 4. an import keeps the week on screen ---------------------------------------------------------
def _import(qtbot, window, tmp_path, rows, name):
    view = window.training_view
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        window.import_file(str(write_jsonl(tmp_path / name, rows)))
    qtbot.waitUntil(lambda: not view.is_loading() and window.runner.running() == 0, timeout=60_000)
    return view


def test_issue_4_an_import_keeps_the_week_and_topic_a_lead_works_on(qtbot, tmp_path):
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _two_weeks(path, tmp_path)
    window = _window(qtbot, path, settings)
    view = _shown_week(qtbot, window, "2025-W19")  # W20 is the newest
    topic = view.overview.report["topics"][1]["id"]
    view.table.selectionModel().setCurrentIndex(view.table.model().index(1, 0),
                                                QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
    new_w20 = [_row(80, "2025-05-14", "Dosen syns inte i utdelningsvyn", "Given dos saknas i vyn.", "lakemedel")]
    view = _import(qtbot, window, tmp_path, new_w20, "more.jsonl")
    assert view.overview.week == "2025-W19" and view.week_combo.currentData() == "2025-W19"
    assert [t["id"] for t in view.selected_topics()] == [topic]

    window.tabs.setCurrentIndex(window.tickets_tab)  # imported from the Ärenden tab: the week is there again after
    with open_database(path) as database:
        from elsdesk.services.imports import import_tickets

        import_tickets(database, write_jsonl(tmp_path / "w21.jsonl", [
            _row(90, "2025-05-20", "Dosen syns inte", "Given dos saknas.", "lakemedel")]))
    window.show_desk_changed()
    window.tabs.setCurrentIndex(window.training_tab)
    qtbot.waitUntil(lambda: view.overview is not None and not view.is_loading(), timeout=60_000)
    assert view.overview.week == "2025-W19"


def test_issue_4_a_lead_on_the_newest_week_follows_a_newer_one(qtbot, tmp_path):
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _two_weeks(path, tmp_path)
    window = _window(qtbot, path, settings)
    view = _shown_week(qtbot, window, "2025-W20")
    rows = [_row(100 + i, "2025-05-20", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)]
    view = _import(qtbot, window, tmp_path, rows, "w21.jsonl")
    assert view.overview.week == "2025-W21"


# -- 5. Home and End move the current row and the selection together ---------------------------------
def _press(qtbot, widget, key, modifier=Qt.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_issue_5_home_and_ctrl_home_select_the_row_space_then_acts_on(qtbot, view):  # noqa: F811
    topics = view.overview.report["topics"]
    last = len(topics) - 1
    assert last >= 1
    view.show()
    qtbot.waitExposed(view)
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    _select_row(view, last)  # as a reload after Space on the last topic leaves it
    for key, modifier, row in ((Qt.Key_Home, Qt.ControlModifier, 0), (Qt.Key_End, Qt.NoModifier, last),
                               (Qt.Key_Home, Qt.NoModifier, 0), (Qt.Key_End, Qt.ControlModifier, last),
                               (Qt.Key_Home, Qt.ControlModifier, 0)):
        _press(qtbot, view.table, key, modifier)
        assert view.table.currentRow() == row, (key, modifier)
        assert [t["id"] for t in view.selected_topics()] == [topics[row]["id"]], (key, modifier)
        assert view.examples.toPlainText().startswith(topics[row]["label"])
    agenda = set(view.overview.agenda_ids)
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        _press(qtbot, view.table, Qt.Key_Space)
    changed = set(view.overview.agenda_ids) ^ agenda
    assert changed == {topics[0]["id"]}, "Space picks the first topic, where the focus frame is"
    _press(qtbot, view.table, Qt.Key_End, Qt.ShiftModifier)  # Shift still extends the selection
    assert len(view.selected_topics()) == len(topics)


def _select_row(view, row):  # noqa: F811
    view.table.selectionModel().setCurrentIndex(view.table.model().index(row, 0),
                                                QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)


# -- 14. leaving the Go-live field unchanged saves nothing -----------------------------------------
def test_issue_14_tabbing_through_go_live_saves_nothing_a_change_is_saved(qtbot, view, db_path):  # noqa: F811
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    derived = view.go_live_edit.date()
    assert derived != view.go_live_edit.minimumDate()  # the oldest ticket's day
    edits = []
    view.edited.connect(edits.append)
    for _ in range(2):
        view.go_live_edit.setFocus()
        qtbot.waitUntil(lambda: view.go_live_edit.hasFocus())
        finished = []
        view.go_live_edit.editingFinished.connect(lambda: finished.append(True))
        view.recompute_button.setFocus(Qt.TabFocusReason)  # tabbed on to the next field (its last part): unchanged
        qtbot.waitUntil(lambda: bool(finished))
        assert view.runner.running() == 0 and edits == []
    with open_database(db_path) as database:
        assert not go_live_is_set(database)
    view.go_live_edit.setDate(derived.addDays(3))
    with qtbot.waitSignal(view.edited, timeout=30_000):
        view.go_live_edit.setFocus()
        _press(qtbot, view.go_live_edit, Qt.Key_Return)
    assert edits == [f"Go-live satt till {derived.addDays(3).toString('yyyy-MM-dd')}."]
    qtbot.waitUntil(lambda: not view.is_loading() and view.runner.running() == 0, timeout=30_000)
    view.table.setFocus()  # leaving it after Enter saves it no second time
    assert view.runner.running() == 0 and len(edits) == 1
    with open_database(db_path) as database:
        assert go_live_is_set(database)


# -- 15. Alt+K goes to the week picker, and F1 says so ------------------------------------------------
def test_issue_15_alt_k_goes_to_the_week_and_f1_names_it(qtbot, tmp_path):
    path, settings = tmp_path / "desk.db", tmp_path / "s.ini"
    _two_weeks(path, tmp_path)
    window = _window(qtbot, path, settings)
    view = _shown_week(qtbot, window, "2025-W20")
    window.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table)
    _press(qtbot, view.table, Qt.Key_K, Qt.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.week_combo)
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        _press(qtbot, view.week_combo, Qt.Key_Down)  # the arrows change the week (newest first)
    assert view.overview.week == "2025-W19"
    assert any(key == "Alt+K" for key, _what in shortcut_rows(TRAINING))
    # no other Alt+K where the tab shows: the menus' and the tab's own mnemonics
    mnemonics = [a.text() for a in window.menuBar().actions()]
    mnemonics += [w.text() for w in view.findChildren(QAbstractButton) + view.findChildren(QLabel) if w.isVisible()]
    keys = [text.split("&", 1)[1][:1].lower() for text in mnemonics if "&" in text and not text.startswith("<")]
    assert keys.count("k") == 1, keys
