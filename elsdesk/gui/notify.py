"""Turn exceptions from services into messages a clinical user understands, and log the detail."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from elsdesk.domain import BadInputError, ConflictError, DatabaseUnavailableError, NotAllowedError, NotFoundError

logger = logging.getLogger(__name__)


def describe(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for *exc*."""
    if isinstance(exc, BadInputError):
        return str(exc), QCoreApplication.translate("notify", "Rätta uppgiften och försök igen.")
    if isinstance(exc, ConflictError):
        return str(exc), QCoreApplication.translate("notify", "Öppna ärendet igen för att se den senaste versionen innan du ändrar.")
    if isinstance(exc, NotFoundError):
        return str(exc), QCoreApplication.translate("notify", "Uppdatera listan; ärendet kan ha tagits bort.")
    if isinstance(exc, NotAllowedError):
        return str(exc), QCoreApplication.translate("notify", "Be en kollega med den rollen, eller IT, om hjälp.")
    if isinstance(exc, DatabaseUnavailableError):
        return str(exc), QCoreApplication.translate("notify", "Försök igen om en stund; det du skrivit finns kvar. Om felet består, kontakta IT.")
    if _is_database_error(exc):
        return QCoreApplication.translate("notify", "Databasen kunde inte läsas eller skrivas."), QCoreApplication.translate(
            "notify", "Försök igen om en stund. Om felet består, kontakta IT och uppge databasfilens sökväg."
        )
    if isinstance(exc, OSError):
        return QCoreApplication.translate("notify", "Filen kunde inte läsas eller skrivas: ") + str(exc), QCoreApplication.translate("notify", "Kontrollera sökvägen och behörigheten.")
    return QCoreApplication.translate("notify", "Något gick fel: ") + str(exc), QCoreApplication.translate("notify", "Försök igen. Detaljer finns i loggen.")


def _is_database_error(exc: BaseException) -> bool:
    import sqlite3

    return isinstance(exc, sqlite3.DatabaseError) or type(exc).__module__.startswith("psycopg")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    expected = isinstance(exc, (BadInputError, ConflictError, NotFoundError, NotAllowedError, DatabaseUnavailableError))
    logger.log(logging.INFO if expected else logging.ERROR, "shown to user: %r", exc)
    what, todo = describe(exc)
    box = QMessageBox(QMessageBox.Warning, title or QCoreApplication.translate("notify", "elsdesk"), what, QMessageBox.Ok, parent)
    box.setInformativeText(todo)
    box.open()
