"""CoveredDayDialog: which day a training went through an older week's topics.

Marking topics gone through takes today for this week's and last week's agendas; for an older week the
training was most likely held back then, and its day decides which weeks count as before and after it (the
training's effect) and from when the topics leave the agendas (elsdesk.services.agenda_rules.asks_training_day).
The dialog only asks for the day; the training view stores it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from elsdesk.gui.iso_date_edit import IsoDateEdit


class CoveredDayDialog(QDialog):
    """The day, from *earliest* to *today* (the default); Enter marks, Esc cancels. :meth:`day` gives it."""

    def __init__(self, names: list[str], week: str, earliest: date, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("coveredDayDialog")
        self.setWindowTitle(self.tr("Genomgånget på utbildning"))
        question = QLabel(self.tr("Vilken dag gick utbildningen igenom %1 från vecka %2?")
                          .replace("%1", ", ".join(f"\u201d{name}\u201d" for name in names)).replace("%2", week), self)
        question.setObjectName("coveredQuestion")
        question.setTextFormat(Qt.PlainText)  # topic names as written, never as markup
        question.setWordWrap(True)
        self.day_edit = IsoDateEdit(self)
        self.day_edit.setDateRange(QDate(earliest.year, earliest.month, earliest.day),
                                   QDate(today.year, today.month, today.day))
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        label = QLabel(self.tr("&Dag:"), self)
        label.setBuddy(self.day_edit)
        form = QFormLayout()
        form.addRow(label, self.day_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Markera genomgånget"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.day_edit.setFocus(Qt.OtherFocusReason)

    def day(self) -> date:
        return self.day_edit.date().toPython()
