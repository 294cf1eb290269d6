"""Load Qt Designer forms from ui/ and apply the stylesheet."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from elsdesk.paths import ui_dir


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``ui/<name>.ui``."""
    path = ui_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.ReadOnly):
        raise FileNotFoundError(f"form {path} cannot be opened")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise RuntimeError(f"form {path} could not be loaded")
    return widget


def stylesheet() -> str:
    path = ui_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""
