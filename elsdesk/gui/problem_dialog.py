"""KnownProblemDialog: a known problem's name, workaround ("så gör man"), status and note, edited in the window.

The agenda exports quote a known problem's workaround under it and leave a problem that is fixed or gone through
off the agendas from the day its status says; only the command line could set them (a training lead found the
export's "Så gör man" column empty and no way to fill it). The dialog only gathers what the person changed;
:func:`elsdesk.services.problems.update_problem` stores it (masking the texts, checking the role and the name).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget,
)

from elsdesk.gui.iso_date_edit import IsoDateEdit
from elsdesk.gui.forms import fit_to_screen
from elsdesk.region_time import region_today
from elsdesk.services.problems import STATUS_NAMES

PREFERRED_SIZE = QSize(620, 460)


class KnownProblemDialog(QDialog):
    """One known problem's fields; Ctrl+Enter saves, Esc cancels. :meth:`changes` gives what was changed."""

    def __init__(self, problem, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        self.setObjectName("knownProblemDialog")
        self.problem = problem
        self.today = today or region_today()
        self.setWindowTitle(self.tr("Känt problem"))
        self.name_edit = QLineEdit(problem.name, self)
        self.workaround_edit = QPlainTextEdit(problem.workaround or "", self)
        self.workaround_edit.setTabChangesFocus(True)  # Tab goes on to Status, as in every other field
        self.workaround_edit.setPlaceholderText(self.tr("Hur man gör tills vidare, så som det ska stå på agendan"))
        self.status_combo = QComboBox(self)
        for status, name in STATUS_NAMES.items():
            self.status_combo.addItem(name, status)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(problem.status)))
        self.since_edit = IsoDateEdit(self)
        since = _day(problem.status_since) or self.today
        self.since_edit.setDate(QDate(since.year, since.month, since.day))
        self.note_edit = QLineEdit(problem.status_note or "", self)
        self.hint = QLabel(self.tr("Ett problem som är rättat eller genomgånget på utbildning tas bort från agendorna "
                                   "från och med dagen ovan; agendor som redan hållits ser ut som förut."), self)
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Spara (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Avbryt"))
        for button in buttons.buttons():
            button.setAutoDefault(False)  # Enter in a field does not save half an edit
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        form = QFormLayout()
        for text, field in ((self.tr("&Namn:"), self.name_edit), (self.tr("Så &gör man:"), self.workaround_edit),
                            (self.tr("&Status:"), self.status_combo), (self.tr("Status s&edan:"), self.since_edit),
                            (self.tr("&Anteckning:"), self.note_edit)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        fit_to_screen(self, PREFERRED_SIZE)
        self.workaround_edit.setFocus(Qt.OtherFocusReason)

    def _status_changed(self, _index: int) -> None:
        """A new status takes effect today unless the person says otherwise."""
        if self.status_combo.currentData() != self.problem.status:
            self.since_edit.setDate(QDate(self.today.year, self.today.month, self.today.day))

    def changes(self) -> dict:
        """The fields the person changed, as :func:`update_problem` takes them (``on``: the status's day)."""
        changed = {}
        name = " ".join(self.name_edit.text().split())
        if name != self.problem.name:
            changed["name"] = name
        workaround = self.workaround_edit.toPlainText().strip()
        if workaround != (self.problem.workaround or "").strip():
            changed["workaround"] = workaround
        note = self.note_edit.text().strip()
        if note != (self.problem.status_note or "").strip():
            changed["status_note"] = note
        status = self.status_combo.currentData()
        since = self.since_edit.date().toPython()
        if status != self.problem.status:
            changed["status"] = status
        if status != self.problem.status or since != (_day(self.problem.status_since) or since):
            changed["on"] = since
        return changed


def _day(value) -> date | None:
    """A stored day (ISO text, maybe with a time) as a date; None when there is none."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
