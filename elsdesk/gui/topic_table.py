"""TopicTable: the Utbildning tab's table of topics, whose Home and End keys move as in any list.

QTableView's Home and End go to the first and last cell of the row (nothing visible when whole rows are
selected), and Ctrl+Home, Ctrl+End move the current row but leave the selection where it was. A keyboard
tester pressed Ctrl+Home: the focus frame went to the first topic, the highlight and the details stayed on
another, and Space took that other one off the agenda. Here Home and End, with or without Ctrl, go to the
first and last topic and select it (Shift still extends the selection); Ctrl+arrows still move without
selecting, with Ctrl+Space to add a topic further away (F1 says so).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget

ROW_ENDS = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)
ROW_END_KEYS = (Qt.Key_Home, Qt.Key_End)


class TopicTable(QTableWidget):
    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt override
        if action in ROW_ENDS:  # the first or last row, as QTableView does for Ctrl+Home and Ctrl+End
            modifiers = modifiers | Qt.ControlModifier
        return super().moveCursor(action, modifiers)

    def selectionCommand(self, index, event=None):  # noqa: N802 - Qt override
        if (event is not None and event.type() == QEvent.KeyPress and event.key() in ROW_END_KEYS
                and event.modifiers() & Qt.ControlModifier and not event.modifiers() & Qt.ShiftModifier):
            # Qt selects nothing on a move with Ctrl held; Ctrl+Home selects the first topic, as Home does
            return QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        return super().selectionCommand(index, event)
