"""TextBox: a multi-line text field that asks for a few lines' height and takes more when there is room.

Qt's QPlainTextEdit asks for 192 px whatever it holds. In the ticket form, whose fields scroll, a word-wrapped label
(the known problem's hint, the suggestions) makes the scroll area give every field the height it asks for, so
with a hint, the suggestions and a kept draft shown the similar tickets at the bottom were scrolled out of sight
(a keyboard tester). The ticket form's description is one of these (ui/ticket_form.ui names the class).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPlainTextEdit

ASKED_LINES = 5


class TextBox(QPlainTextEdit):
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        margins = self.contentsMargins()
        lines = self.fontMetrics().lineSpacing() * ASKED_LINES + 2 * self.document().documentMargin()
        return QSize(hint.width(), int(lines) + margins.top() + margins.bottom())
