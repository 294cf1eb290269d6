"""ModulePicker: a type-ahead field that picks any module by (part of) its name, keyboard only.

Typing filters a completer list (matches anywhere in the name, folded as the rest of the app
compares names: any case, å/ä/ö as a/o, so "lakem" lists Läkemedel); Enter takes the highlighted
entry or the first module whose name starts with (or contains) the text; Esc cancels. Return
never travels on to the parent widget, so one Enter makes one choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from elsdesk.taxonomy import fold

FOLDED_ROLE = Qt.UserRole + 1  # a name as compared: what the completer matches typed text against


class FoldingCompleter(QCompleter):
    """A completer that compares folded text with folded names and shows (and types) the names as written."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [fold(path)]

    def pathFromIndex(self, index) -> str:  # noqa: N802 - Qt override
        return index.data(Qt.DisplayRole) or ""


def folded_names_model(names, parent=None) -> QStandardItemModel:
    """One row per name: shown as written, matched by its folded form."""
    model = QStandardItemModel(parent)
    for name in names:
        item = QStandardItem(name)
        item.setData(fold(name), FOLDED_ROLE)
        item.setEditable(False)
        model.appendRow(item)
    return model


class ModulePicker(QLineEdit):
    module_chosen = Signal(str)  # module id
    cancelled = Signal()
    not_found = Signal(str)  # the text that matched no module

    def __init__(self, module_names: dict[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("modulePicker")
        self.module_names = dict(module_names)
        self._open = False
        self.completer_ = FoldingCompleter(folded_names_model(sorted(self.module_names.values()), self), self)
        self.completer_.setCompletionRole(FOLDED_ROLE)
        self.completer_.setCaseSensitivity(Qt.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchContains)
        self.setCompleter(self.completer_)
        self.completer_.activated.connect(self._commit)

    def open(self) -> None:
        """Start picking: empty field with the keyboard focus."""
        self._open = True
        self.clear()
        self.setFocus(Qt.ShortcutFocusReason)

    def is_open(self) -> bool:
        return self._open

    def resolve(self, text: str) -> str | None:
        """The module id for typed text: exact name or id, else first name starting with it, else containing it
        (all compared folded, as the list filters)."""
        wanted = fold(text or "")
        if not wanted:
            return None
        names = [(module_id, fold(module_id), fold(name)) for module_id, name in self.module_names.items()]
        for test in (lambda i, n: wanted in (i, n),
                     lambda i, n: n.startswith(wanted),
                     lambda i, n: wanted in n or wanted in i):
            for module_id, folded_id, folded_name in names:
                if test(folded_id, folded_name):
                    return module_id
        return None

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            event.accept()  # QLineEdit would pass Return on to the parent
            self._commit(self.text())
        elif event.key() == Qt.Key_Escape:
            event.accept()
            self._close()
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def _commit(self, text: str) -> None:
        if not self._open:
            return  # the completer and the field can both report one Enter
        module = self.resolve(text)
        if module is None:
            self.not_found.emit(text)
            return
        self._close()
        self.module_chosen.emit(module)

    def _close(self) -> None:
        self._open = False
        self.completer_.popup().hide()
        self.clear()
