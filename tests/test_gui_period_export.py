"""The month's overview from the Utbildning tab: a training lead without a terminal had no way to the
period export (``export --from --to``). "Exportera period…" opens a dialog for Från, Till and the file
type, then the save dialog; the overview is made in the background with progress and cancel."""

from __future__ import annotations

from pathlib import Path

import threading
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QMessageBox

from conftest import write_jsonl
from elsdesk.gui.period_export_dialog import PeriodExportDialog
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.training_view import TrainingLeadView
from elsdesk.services.imports import import_tickets
from elsdesk.services.topics import set_go_live
from elsdesk.storage import open_database
from elsdesk.taxonomy import load_taxonomy
from test_export_range_month import FADING, NEW, PERSISTING, _rows

LATER = date(2027, 5, 3)  # "today" in these tests: after the desk's weeks (2027-W10 to W12)


@pytest.fixture
def view(qtbot, tmp_path):
    """The Utbildning tab on a desk with three weeks of tickets (2027-W10 to W12), showing W12."""
    path = tmp_path / "desk.db"
    with open_database(path) as database:
        assert not import_tickets(database, write_jsonl(tmp_path / "t.jsonl", _rows())).rejected
        set_go_live(database, "2027-03-06")
    runner = TaskRunner()
    widget = TrainingLeadView(load_taxonomy(), runner, path)
    qtbot.addWidget(widget, before_close_func=lambda w: qtbot.waitUntil(lambda: runner.running() == 0, timeout=30_000))
    with qtbot.waitSignal(widget.overview_loaded, timeout=60_000):
        widget.load("2027-W12")
    return widget


@pytest.fixture
def saved_as(monkeypatch):
    """The save dialog, answered with the file name and type a test puts in; records what it was asked."""
    asked, answer = [], {}

    def save_dialog(parent, title, name, filters, chosen):
        asked.append({"title": title, "name": name, "filters": filters.split(";;"), "chosen": chosen})
        return answer.get("path", ""), answer.get("type", chosen)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    return asked, answer


def _wait_until_done(qtbot, view) -> None:
    qtbot.waitUntil(lambda: not view.period_progress.is_running() and view.runner.running() == 0, timeout=60_000)


def test_the_dialog_opens_on_the_four_weeks_up_to_the_shown_week(qtbot, view, saved_as):
    view.export_format.setCurrentIndex(view.export_format.findData("pdf"))
    dialog = view.period_export.choose(today=LATER)
    assert isinstance(dialog, PeriodExportDialog) and dialog.isVisible()
    # four weeks up to W12 would begin with W09, before the desk's first tickets (a training lead's overview then
    # marked every topic "ny under perioden"): from the Monday of W10 to the Sunday of W12
    assert dialog.period() == (date(2027, 3, 8), date(2027, 3, 28))
    assert dialog.format() == "pdf"  # the tab's chosen type
    assert [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())] == \
        [view.export_format.itemData(i) for i in range(view.export_format.count())]
    assert dialog.start_edit.calendarPopup() and dialog.end_edit.calendarPopup()
    assert "2027-W10 – 2027-W12" in dialog.summary.text() and "3 veckor" in dialog.summary.text()
    dialog.set_period(date(2027, 3, 15), date(2027, 3, 28))
    dialog.accept()  # the dates typed come back the next time (the save dialog is not answered here)
    again = view.period_export.choose(today=LATER)
    assert again.period() == (date(2027, 3, 15), date(2027, 3, 28))
    again.reject()


def test_the_quick_choices_set_both_dates(qtbot, view):
    dialog = view.period_export.choose(today=date(2027, 4, 14))
    dialog.previous_month_button.click()
    assert dialog.period() == (date(2027, 3, 8), date(2027, 3, 31)), "March from the desk's first week with tickets"
    dialog.this_month_button.click()
    assert dialog.period() == (date(2027, 4, 1), date(2027, 4, 14))
    dialog.recent_button.click()
    assert dialog.period() == (date(2027, 3, 22), date(2027, 4, 14))
    dialog.reject()


def test_till_before_fran_is_refused_with_a_message_and_no_file(qtbot, view, saved_as, tmp_path):
    asked, answer = saved_as
    answer["path"] = str(tmp_path / "baklänges.xlsx")
    dialog = view.period_export.choose(today=LATER)
    dialog.set_period(date(2027, 3, 28), date(2027, 3, 8))
    assert "ligger före" in dialog.summary.text() and dialog.summary.property("problem")
    dialog.export_button.click()
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert "Till (2027-03-08) ligger före Från (2027-03-28)" in dialog.summary.text()
    assert asked == [] and view.runner.running() == 0 and not (tmp_path / "baklänges.xlsx").exists()
    dialog.reject()


def test_a_period_longer_than_a_year_is_refused(qtbot, view, saved_as):
    asked, _ = saved_as
    dialog = view.period_export.choose(today=LATER)
    dialog.set_period(date(2027, 3, 8), date(2207, 3, 8))  # a mistyped year
    dialog.export_button.click()
    assert dialog.isVisible() and "högst 366 dagar" in dialog.summary.text() and asked == []
    dialog.reject()


def test_a_month_is_exported_to_excel_with_its_week_columns_and_swedish_text(qtbot, view, saved_as, tmp_path):
    from openpyxl import load_workbook

    asked, answer = saved_as
    answer.update(path=str(tmp_path / "översikt mars"), type="Excel (*.xlsx)")  # typed without an extension
    dialog = view.period_export.choose(today=LATER)
    dialog.set_period(date(2027, 3, 8), date(2027, 3, 28))
    steps = []
    with qtbot.waitSignal(view.exported, timeout=60_000) as exported:
        dialog.export_button.click()
        view.period_export.task.signals.progressed.connect(lambda done, total: steps.append((done, total)))
    assert Path(asked[0]["name"]).name == "elsdesk-2027-03-08_2027-03-28.xlsx"  # as the CLI names it in a folder
    assert "2027-03-08 – 2027-03-28" in asked[0]["title"]
    written = tmp_path / "översikt mars.xlsx"
    assert exported.args == [str(written)] and written.exists()
    sheet = load_workbook(written)["Översikt"]
    header = [c.value for c in sheet[5]]
    assert header[6:9] == ["2027-W10", "2027-W11", "2027-W12"] and header[5] == "Ärenden under perioden"
    labels = [row[1].value for row in sheet.iter_rows(min_row=6) if row[1].value]
    assert {FADING[0], PERSISTING[0], NEW[0]} <= set(labels)  # "Allergifält", "på avdelningen" intact
    assert steps[-1] == (3, 3) and view.period_progress.isHidden() and view.period_button.isEnabled()


def test_the_save_dialog_opens_where_the_last_export_went_not_where_the_app_started(qtbot, view, saved_as, tmp_path,
                                                                                    monkeypatch):
    """Tester: every export dialog opened in the folder the app was started from, also after a file had been saved
    elsewhere. The first opens in Documents (else the home folder), the next where the last one was saved."""
    from PySide6.QtCore import QStandardPaths

    documents, elsewhere, started = tmp_path / "Dokument", tmp_path / "utbildning v12", tmp_path / "start"
    for folder in (documents, elsewhere, started):
        folder.mkdir()
    monkeypatch.chdir(started)
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    asked, answer = saved_as
    answer.update(path=str(elsewhere / "mars.xlsx"), type="Excel (*.xlsx)")
    for _ in range(2):
        dialog = view.period_export.choose(today=LATER)
        dialog.set_period(date(2027, 3, 8), date(2027, 3, 28))
        with qtbot.waitSignal(view.exported, timeout=60_000):
            dialog.export_button.click()
    assert [Path(a["name"]).parent for a in asked] == [documents, elsewhere]
    view.export_format.setCurrentIndex(view.export_format.findData("pdf"))
    view.choose_export()  # the week's export, from the same place
    assert Path(asked[-1]["name"]).parent == elsewhere and Path(asked[-1]["name"]).suffix == ".pdf"
    _wait_until_done(qtbot, view)


def test_a_typed_extension_decides_the_format_as_the_clis_out_does(qtbot, view, saved_as, tmp_path):
    """A keyboard tester typed "agenda-v46.pdf" with the type Excel and got her earlier .xlsx overwritten; the
    typed extension decides (the chosen type only adds its extension to a name without one)."""
    _, answer = saved_as
    answer.update(path=str(tmp_path / "mars.csv"), type="Excel (*.xlsx)")
    dialog = view.period_export.choose(today=LATER)
    dialog.set_period(date(2027, 3, 8), date(2027, 3, 28))
    with qtbot.waitSignal(view.exported, timeout=60_000) as exported:
        dialog.export_button.click()
    assert exported.args == [str(tmp_path / "mars.csv")]
    assert (tmp_path / "mars.csv").read_text(encoding="utf-8-sig").startswith("Från;Till;")
    assert not (tmp_path / "mars.xlsx").exists()


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, view, monkeypatch, tmp_path):
    """Cancelled while the first week is worked out: no file, the row says so, the button is back."""
    from elsdesk.services import range_export

    started, go_on = threading.Event(), threading.Event()
    real_weekly_topics = range_export.weekly_topics

    def held_week(*args, **kwargs):
        started.set()
        go_on.wait(30)
        return real_weekly_topics(*args, **kwargs)

    monkeypatch.setattr(range_export, "weekly_topics", held_week)
    out = tmp_path / "avbruten.xlsx"
    exported = []
    view.exported.connect(exported.append)
    view.period_export.export("xlsx", str(out), date(2027, 3, 8), date(2027, 3, 28))
    try:
        assert not view.period_progress.isHidden() and not view.period_button.isEnabled()
        qtbot.waitUntil(started.is_set, timeout=30_000)
        view.period_progress.cancel_button.click()
        assert view.period_progress.label.text() == "Avbryter…"
    finally:
        go_on.set()
    _wait_until_done(qtbot, view)
    assert not out.exists() and exported == []
    assert view.period_progress.label.text() == "Exporten avbröts; ingen fil skrevs." and view.period_button.isEnabled()


def test_a_period_without_tickets_writes_nothing_and_says_so(qtbot, view, tmp_path):
    out = tmp_path / "tom.xlsx"
    exported = []
    view.exported.connect(exported.append)
    view.period_export.export("xlsx", str(out), date(2026, 11, 2), date(2026, 11, 29))  # before go-live
    _wait_until_done(qtbot, view)
    assert not out.exists() and exported == []
    box = view.findChild(QMessageBox, "emptyPeriod")
    assert box is not None and "2026-11-02 – 2026-11-29 har inga ärenden" in box.text()
    assert "inga ärenden" in view.period_progress.label.text()
    box.close()


def test_enter_exports_and_esc_cancels(qtbot, view, saved_as):
    asked, _ = saved_as  # no file name given: the save dialog is "cancelled"
    dialog = view.period_export.choose(today=LATER)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.start_edit.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (dialog.start_edit, *dialog.start_edit.findChildren(object)))
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)
    assert len(asked) == 1  # Enter went on to the save dialog
    other = view.period_export.choose(today=LATER)
    qtbot.waitExposed(other)
    other.activateWindow()
    other.format_combo.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other.format_combo)
    with qtbot.waitSignal(other.rejected, timeout=5_000):
        qtbot.keyClick(other.format_combo, Qt.Key_Escape)
    assert len(asked) == 1


def test_every_control_is_reached_by_tab_and_the_labels_have_mnemonics(qtbot, view):
    dialog = view.period_export.choose(today=LATER)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.start_edit.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(lambda: dialog.start_edit.hasFocus())
    assert dialog.export_button.isDefault()  # Enter in a field exports (Tab to Avbryt and Enter cancels)
    expected = [dialog.start_edit, dialog.end_edit, dialog.format_combo, dialog.recent_button,
                dialog.previous_month_button, dialog.this_month_button, dialog.export_button, dialog.cancel_button]
    reached = [dialog.start_edit]
    for _ in range(30):  # a date field takes Tab for its year, month and day first, as Qt's do everywhere
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        focused = QApplication.focusWidget()
        control = next((w for w in expected if w is focused or w.isAncestorOf(focused)), focused)
        if control is not reached[-1]:
            reached.append(control)
        if control is dialog.cancel_button:
            break
    assert reached == expected
    buddies = {label.text(): label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    assert buddies == {"&Från:": dialog.start_edit, "&Till:": dialog.end_edit, "Fi&ltyp:": dialog.format_combo}
    assert "&" in view.period_button.text()
    quick = (dialog.recent_button, dialog.previous_month_button, dialog.this_month_button)
    assert not any(button.autoDefault() for button in quick)  # Enter on a quick choice still exports
    dialog.reject()


def test_the_dialog_and_the_tab_fit_a_1024_by_768_screen(qtbot, view):
    dialog = view.period_export.choose(today=LATER)
    qtbot.waitExposed(dialog)
    assert dialog.width() <= 1024 and dialog.height() <= 768
    assert dialog.summary.sizeHint().width() <= dialog.width() or dialog.summary.wordWrap()
    view.resize(1024, 700)
    assert view.minimumSizeHint().width() <= 1024
    dialog.reject()
