"""Load Qt Designer forms from ui/; open a window no larger than its screen; ask a question that stray
typing cannot answer; ask for a line of text or a choice in a dialog wide enough for it."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QFile, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget,
)

from elsdesk.paths import ui_dir


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``ui/<name>.ui``."""
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.ReadOnly):
        raise FileNotFoundError(f"form {path} cannot be opened")
    try:
        from PySide6.QtUiTools import QUiLoader  # only the forms need it, not the first paint

        from elsdesk.gui.text_box import TextBox

        loader = QUiLoader()
        loader.registerCustomWidget(TextBox)  # the classes of ours a form may name
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"form {path} could not be loaded")
    return widget


# Room for the window manager's title bar and borders, which a window not yet shown cannot measure:
# a Windows 10/11 title bar is about 31 px and its borders 8 px (logical pixels, any scale).
FRAME_ALLOWANCE = QSize(16, 40)


def screen_of(widget: QWidget) -> QScreen:
    """The screen *widget* opens on: its parent window's (a dialog is centred over it), else its own."""
    parent = widget.parentWidget()
    screen = parent.window().screen() if parent is not None else widget.screen()
    return screen or QGuiApplication.primaryScreen()


def frame_allowance(widget: QWidget) -> QSize:
    """What the window frame adds to *widget*'s size: measured once it is shown, estimated before."""
    frame, inner = widget.frameGeometry(), widget.geometry()
    measured = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return measured.expandedTo(FRAME_ALLOWANCE)


def fit_to_screen(widget: QWidget, preferred: QSize) -> QSize:
    """Resize *widget* (a window) to *preferred*, or smaller where its screen's available area (without
    the taskbar) is smaller, frame included: on a 1366x768 laptop at 125 % a form of 800 px put its
    buttons below the screen. Returns the size given."""
    room = screen_of(widget).availableGeometry().size() - frame_allowance(widget)
    size = preferred.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))
    widget.resize(size)
    return size


class AltKeyMessageBox(QMessageBox):
    """A message box whose buttons answer to Alt and their underlined letter only. Qt's also takes the
    bare letter, so a stray Esc in the ticket form followed by more typing ("...kan...") would have
    discarded the ticket at the first k; typed letters are ignored here."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        bare = not event.modifiers() & (Qt.AltModifier | Qt.ControlModifier | Qt.MetaModifier)
        if bare and event.text().strip() and event.text().isprintable():
            event.accept()  # typed text, not an answer
            return
        super().keyPressEvent(event)


class SettlingMessageBox(QMessageBox):
    """A question that comes up by itself while the person is pressing keys for something else: for
    :data:`SETTLE_MS` after it shows, Enter and Space answer nothing (a super-user's next Enter in the review
    queue answered "Senare" to the retraining offer before it was read, and the offer waited 50 more
    confirmations). Esc, Alt and a click answer at once. The keys go to the focused button, which would
    click itself, so the box filters its buttons' keys."""

    SETTLE_MS = 1000
    HELD_BACK = (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._shown_at = time.monotonic()
        for button in self.buttons():
            button.installEventFilter(self)
        super().showEvent(event)

    def settling(self) -> bool:
        return time.monotonic() - getattr(self, "_shown_at", float("-inf")) < self.SETTLE_MS / 1000

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (event.type() in (QEvent.KeyPress, QEvent.KeyRelease) and event.key() in self.HELD_BACK
                and self.settling()):
            return True  # meant for what was under the box
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in self.HELD_BACK and self.settling():
            event.accept()
            return
        super().keyPressEvent(event)


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
