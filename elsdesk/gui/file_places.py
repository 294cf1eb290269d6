"""Where the file dialogs open: the folder the person last saved an export to (or imported a file from),
else their Documents folder, never the folder the app happened to be started from (a tester's three exports
each opened in the start folder, also after she had saved the first one elsewhere; started from a desktop
launcher that folder is the home folder or /). Kept in the user's settings, one place for exports and one
for imports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

EXPORTS = "files/export_folder"
IMPORTS = "files/import_folder"


def start_folder(place: str) -> Path:
    """The folder a dialog for *place* (EXPORTS or IMPORTS) opens in."""
    from elsdesk.gui.app import settings

    kept = str(settings().value(place) or "")
    if kept and Path(kept).is_dir():
        return Path(kept)
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def in_start_folder(place: str, file_name: str) -> str:
    """*file_name* in the folder a dialog for *place* opens in (what a save dialog is given)."""
    return str(start_folder(place) / file_name)


def remember_folder(place: str, chosen_file: str) -> None:
    """Open the next dialog for *place* where *chosen_file* is."""
    from elsdesk.gui.app import settings

    folder = Path(chosen_file).parent
    if folder.is_dir():
        kept = settings()
        kept.setValue(place, str(folder))
        kept.sync()
