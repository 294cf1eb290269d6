"""IsoDateEdit: a date field shown and typed as the ISO date it shows (yyyy-MM-dd), with its calendar.

Qt's date field moves on to the next part when a part is full ("2026" fills the year) and again when a
separator is typed, so "2026-12-01" typed as it reads became 2026-12-12: the month's "12" went into the
day (a tester's go-live date, printed on every handout). Here a separator typed right at the start of a
part, where the field has just moved on by itself, is taken as written and moves nothing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit

ISO_DATE_FORMAT = "yyyy-MM-dd"
SEPARATORS = "-/."


class IsoDateEdit(QDateEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDisplayFormat(ISO_DATE_FORMAT)
        self.setCalendarPopup(True)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.text() and event.text() in SEPARATORS and self._at_start_of_a_part():
            event.accept()  # the field moved on already when the part before was full
            return
        super().keyPressEvent(event)

    def _at_start_of_a_part(self) -> bool:
        line = self.lineEdit()
        position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        return 0 < position <= len(line.text()) and line.text()[position - 1] in SEPARATORS
