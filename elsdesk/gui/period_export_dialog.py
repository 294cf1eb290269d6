"""PeriodExportDialog: the first and last day and the file type of a period's training overview;
PeriodExportProgress: the row that shows the export's progress under the Utbildning tab's bar.

Opened from the Utbildning tab (``Period…`` beside ``Exportera…``) by its PeriodExportController
(:mod:`elsdesk.gui.period_export`), which asks for the file name and runs the export in the background,
so the window stays usable while a year's weeks are worked out.
The dates of the quick choices, the default period and the checks come from
:mod:`elsdesk.services.range_export` (plain functions, tested without Qt); this dialog only shows them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget,
)

from elsdesk.domain import weeks_of_period
from elsdesk.gui.forms import fit_to_screen
from elsdesk.gui.iso_date_edit import IsoDateEdit
from elsdesk.periods import (
    MAX_PERIOD_DAYS, RECENT_WEEKS, count_from, from_first_week, holds_tickets, period_problem, previous_month,
    recent_weeks, this_month,
)

PREFERRED_SIZE = QSize(460, 0)  # as high as its rows need; fit_to_screen keeps it inside a 1024×768 screen
MESSAGE_SHOWN_MS = 10_000  # how long the row keeps saying how the export ended (as the status bar does)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodExportDialog(QDialog):
    """Från, Till, quick choices and the file type; Enter exports, Esc cancels. A period the overview
    cannot be made of (Till before Från, longer than a year) is refused with a message in the dialog."""

    def __init__(self, period: tuple[date, date], formats: list[tuple[str, str]], fmt: str, today: date,
                 parent: QWidget | None = None, weeks_with_tickets: list[str] | None = None):
        """*period*: the dates it opens with; *formats*: (format id, shown name) as the week export lists
        them; *fmt*: the one chosen; *today*: today; *weeks_with_tickets*: the desk's ISO weeks with tickets,
        oldest first (None: not known). The quick choices count from today, or from the newest week's
        Sunday on a desk whose tickets ended before this week (:func:`elsdesk.periods.count_from`)."""
        super().__init__(parent)
        self.setObjectName("periodExportDialog")
        self.setWindowTitle(self.tr("Exportera översikt för en period"))
        self.weeks_with_tickets = weeks_with_tickets
        self.today = today
        self.counted_from = count_from(today, weeks_with_tickets[-1] if weeks_with_tickets else None)
        self.counts_from_newest = self.counted_from != today  # the desk's tickets end before this week
        self.start_edit = self._date_edit("periodStart")
        self.end_edit = self._date_edit("periodEnd")
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("periodFormat")
        for key, name in formats:
            self.format_combo.addItem(name, key)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt)))
        self.recent_button = self._quick_button(self.tr("Senaste &4 veckorna"), lambda: recent_weeks(self.counted_from))
        self.previous_month_button = self._quick_button(self.tr("Förra &månaden"), lambda: previous_month(self.counted_from))
        self.this_month_button = self._quick_button(self.tr("&Denna månad"), lambda: this_month(self.counted_from))
        if self.counts_from_newest:
            newest = self.counted_from.isoformat()
            self.recent_button.setToolTip(self.tr("Veckan med det senaste ärendet och de %1 före, till och med %2")
                                          .replace("%1", str(RECENT_WEEKS - 1)).replace("%2", newest))
            self.previous_month_button.setToolTip(self.tr("Månaden före den med det senaste ärendet (%1)").replace("%1", newest))
            self.this_month_button.setToolTip(self.tr("Från den första i månaden med det senaste ärendet till och med %1")
                                              .replace("%1", newest))
        else:
            self.recent_button.setToolTip(self.tr("Den här ISO-veckan och de %1 före, till och med i dag")
                                          .replace("%1", str(RECENT_WEEKS - 1)))
            self.this_month_button.setToolTip(self.tr("Från den första i månaden till och med i dag"))
        self.newest_note = QLabel(self.tr("Deskens senaste ärende är från vecka %1, så snabbvalen räknar därifrån, "
                                          "inte från i dag.").replace("%1", weeks_with_tickets[-1] if weeks_with_tickets else ""), self)
        self.newest_note.setObjectName("periodNewestNote")
        self.newest_note.setWordWrap(True)
        self.newest_note.setVisible(self.counts_from_newest)
        self.summary = QLabel(self)
        self.summary.setObjectName("periodSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.PlainText)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Exportera…"), QDialogButtonBox.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.RejectRole)
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.set_period(*self._within_desk(period))
        self.start_edit.dateChanged.connect(self._show_summary)
        self.end_edit.dateChanged.connect(self._show_summary)
        fit_to_screen(self, PREFERRED_SIZE.expandedTo(self.sizeHint()))

    def _date_edit(self, name: str) -> IsoDateEdit:
        edit = IsoDateEdit(self)
        edit.setObjectName(name)
        return edit

    def _quick_button(self, text: str, period) -> QPushButton:
        """A quick choice that sets both dates; never the default button (Enter always exports)."""
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self.set_period(*self._within_desk(period())))
        return button

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        for text, field in ((self.tr("&Från:"), self.start_edit), (self.tr("&Till:"), self.end_edit),
                            (self.tr("Fi&ltyp:"), self.format_combo)):
            label = QLabel(text, self)
            label.setBuddy(field)  # Alt and the underlined letter go to the field
            form.addRow(label, field)
        quick = QHBoxLayout()
        for button in (self.recent_button, self.previous_month_button, self.this_month_button):
            quick.addWidget(button)
        quick.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(quick)
        layout.addWidget(self.newest_note)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        chain = (self.start_edit, self.end_edit, self.format_combo, self.recent_button, self.previous_month_button,
                 self.this_month_button, self.export_button, self.cancel_button)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self.start_edit.setFocus()

    # -- the period ------------------------------------------------------------------------
    def set_period(self, start: date, end: date) -> None:
        self.start_edit.setDate(to_qdate(start))
        self.end_edit.setDate(to_qdate(end))
        self._show_summary()

    def period(self) -> tuple[date, date]:
        return to_date(self.start_edit.date()), to_date(self.end_edit.date())

    def _within_desk(self, period: tuple[date, date]) -> tuple[date, date]:
        """*period* from the desk's first week with tickets at the earliest (the weeks before go-live hold none)."""
        return from_first_week(period, self.weeks_with_tickets[0] if self.weeks_with_tickets else None)

    def format(self) -> str:
        return self.format_combo.currentData()

    def problem_text(self) -> str | None:
        """Why the dates cannot be exported (Swedish, for the person), or None."""
        start, end = self.period()
        problem = period_problem(start, end)
        if problem == "reversed":
            return self.tr("Till (%1) ligger före Från (%2). Välj en sista dag som är samma som eller efter "
                           "den första.").replace("%1", end.isoformat()).replace("%2", start.isoformat())
        if problem == "too_long":
            return self.tr("Perioden är %1 dagar. En översikt kan vara högst %2 dagar (ett år); dela upp den.") \
                .replace("%1", str((end - start).days + 1)).replace("%2", str(MAX_PERIOD_DAYS))
        return None

    def _show_summary(self) -> None:
        """Under the dates: the ISO weeks the overview gets a column for, or why it cannot be made."""
        problem = self.problem_text()
        self.summary.setProperty("problem", bool(problem))
        self.summary.setStyleSheet("color: #a4262c; font-weight: bold;" if problem else "")
        if problem:
            self.summary.setText(problem)
            return
        start, end = self.period()
        weeks = weeks_of_period(start, end)
        days = (end - start).days + 1
        text = self.tr("%1 dagar, en kolumn per ISO-vecka: %2 (%3 veckor).") if len(weeks) > 1 else \
            self.tr("%1 dagar inom vecka %2; en vecka har ingen trend.")
        span = " – ".join(dict.fromkeys((weeks[0], weeks[-1])))  # one week named once
        text = text.replace("%1", str(days)).replace("%2", span).replace("%3", str(len(weeks)))
        if holds_tickets(start, end, self.weeks_with_tickets) is False:
            first, last = self.weeks_with_tickets[0], self.weeks_with_tickets[-1]
            text += "\n" + self.tr("Inga ärenden under perioden: desken har ärenden %1 – %2.").replace(
                "%1", first).replace("%2", last)
        self.summary.setText(text)
        QTimer.singleShot(0, self._fit_height)  # a longer summary must not squeeze the fields above it

    def _fit_height(self) -> None:
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def accept(self) -> None:
        """Export only a period the overview can be made of; otherwise say why and go to Till."""
        if self.problem_text():
            self._show_summary()
            self.end_edit.setFocus()
            return
        super().accept()


class PeriodExportProgress(QWidget):
    """A row shown while a period's overview is made: what is made, a progress bar (weeks worked out)
    and a cancel button; afterwards it says for a while how it ended (cancelled, nothing to export)."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("periodExportProgress")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.PlainText)
        self.label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # a long text never widens the tab
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("Av&bryt export"), self)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        self._running = False
        self._text = ""
        self.hide()

    def is_running(self) -> bool:
        return self._running

    def start(self, text: str) -> None:
        """Show *text* with a busy bar (weeks counted once the first is done) and the cancel button."""
        self._hide_timer.stop()
        self._running = True
        self._text = text
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.show()

    def progressed(self, done: int, total: int) -> None:
        """*done* of *total* weeks worked out; after the last one the file is written."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        step = self.tr("skriver filen") if done >= total else self.tr("vecka %1 av %2").replace(
            "%1", str(done + 1)).replace("%2", str(total))
        self.label.setText(f"{self._text} ({step})")

    def finish(self, message: str = "") -> None:
        """The export ended: hide the row, or show *message* in it for a while."""
        self._running = False
        self.bar.hide()
        self.cancel_button.hide()
        if not message:
            self.hide()
            return
        self.label.setText(message)
        self.show()
        self._hide_timer.start(MESSAGE_SHOWN_MS)

    def _on_cancel_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Avbryter…"))
        self.cancel_requested.emit()
