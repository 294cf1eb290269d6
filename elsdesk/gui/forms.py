"""Load Qt Designer forms from ui/; ask for a line of text or a choice in a dialog wide enough for it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from elsdesk.paths import ui_dir


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``ui/<name>.ui``."""
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.ReadOnly):
        raise FileNotFoundError(f"form {path} cannot be opened")
    try:
        from PySide6.QtUiTools import QUiLoader  # only the forms need it, not the first paint

        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"form {path} could not be loaded")
    return widget


TEXT_DIALOG_WIDTH = 520  # issue 13: Qt's own input dialog fitted its label and was too small to edit a name in


class TextDialog(QDialog):
    """A line of text (or, with items, an editable choice) to type, at a width one can work in."""

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "", items: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.label = QLabel(label, self)
        self.label.setWordWrap(True)
        if items is not None:
            self.combo = QComboBox(self)
            self.combo.setEditable(True)
            self.combo.addItems(items)
            self.combo.setCurrentText(text)
            self.editor = self.combo
        else:
            self.combo = None
            self.line_edit = QLineEdit(text, self)
            self.line_edit.selectAll()
            self.editor = self.line_edit
        self.label.setBuddy(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(QCoreApplication.translate("forms", "OK"))
        buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("forms", "Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.setMinimumWidth(TEXT_DIALOG_WIDTH)
        self.editor.setFocus()

    def textValue(self) -> str:  # noqa: N802 - the name QInputDialog uses
        return self.combo.currentText() if self.combo is not None else self.line_edit.text()


def text_dialog(parent: QWidget | None, title: str, label: str, text: str = "", items: list[str] | None = None) -> TextDialog:
    return TextDialog(parent, title, label, text, items)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "", items: list[str] | None = None) -> tuple[str, bool]:
    """Like ``QInputDialog.getText``/``getItem``: (text, accepted)."""
    dialog = text_dialog(parent, title, label, text, items)
    accepted = dialog.exec() == QDialog.Accepted
    return dialog.textValue(), accepted
