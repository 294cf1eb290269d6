"""Turn exceptions from services into messages a clinical user understands, and log the detail."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from elsdesk.domain import BadInputError, ConflictError, NotFoundError

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("notify", text)


def describe(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for *exc*."""
    if isinstance(exc, BadInputError):
        return str(exc), _tr("Rätta uppgiften och försök igen.")
    if isinstance(exc, ConflictError):
        return str(exc), _tr("Öppna ärendet igen för att se den senaste versionen innan du ändrar.")
    if isinstance(exc, NotFoundError):
        return str(exc), _tr("Uppdatera listan; ärendet kan ha tagits bort.")
    if isinstance(exc, sqlite3.DatabaseError):
        return _tr("Databasen kunde inte läsas eller skrivas."), _tr(
            "Försök igen om en stund. Om felet består, kontakta IT och uppge databasfilens sökväg."
        )
    if isinstance(exc, OSError):
        return _tr("Filen kunde inte läsas eller skrivas: ") + str(exc), _tr("Kontrollera sökvägen och behörigheten.")
    return _tr("Något gick fel: ") + str(exc), _tr("Försök igen. Detaljer finns i loggen.")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    logger.error("shown to user: %r", exc)
    what, todo = describe(exc)
    box = QMessageBox(QMessageBox.Warning, title or _tr("elsdesk"), what, QMessageBox.Ok, parent)
    box.setInformativeText(todo)
    box.open()
