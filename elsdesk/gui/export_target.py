"""The file and format a save dialog's answer gives an export (the Utbildning tab's week and period exports).

A typed name that ends in a known export extension (.xlsx .csv .md .html .pdf) writes that format, as the
CLI's ``--out`` does; a name without one gets the chosen file type's extension. A tester typed
"agenda-v46.pdf" with the type Excel: the app wrote "agenda-v46.xlsx" over her earlier export without a
question, since the dialog had only confirmed the .pdf name. Whenever the file written is not the one the
dialog confirmed, an existing file there is not overwritten without asking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def export_target(parent: QWidget, confirmed: str, chosen_format: str) -> tuple[str, str] | None:
    """(format, path) to export to for the save dialog's *confirmed* name and *chosen_format* (its file type);
    None when the person would rather not overwrite the file that name turned into."""
    from elsdesk.services.export import format_of_path, path_with_format

    fmt = format_of_path(confirmed) or chosen_format
    path = str(path_with_format(confirmed, fmt))
    if path != confirmed and Path(path).exists() and not may_overwrite(parent, path):
        return None
    return fmt, path


def may_overwrite(parent: QWidget, path: str) -> bool:
    """Ask before writing over *path*, a file the save dialog did not ask about; Avbryt is the default and the
    Esc button, so Enter or Esc keeps the file."""
    translate = QCoreApplication.translate  # the literal calls lupdate reads
    box = QMessageBox(QMessageBox.Question, translate("ExportTarget", "Skriva över filen?"),
                      translate("ExportTarget", "%1 finns redan. Vill du skriva över den?").replace("%1", path),
                      QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(Qt.PlainText)  # a file name as written, never as markup
    box.button(QMessageBox.Yes).setText(translate("ExportTarget", "Skriv över"))
    box.button(QMessageBox.No).setText(translate("ExportTarget", "Avbryt"))
    box.setDefaultButton(QMessageBox.No)
    box.setEscapeButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes
