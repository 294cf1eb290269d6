"""Turn exceptions from services into messages a clinical user understands, and log the detail.

:func:`describe` gives (what happened, what to do) as two sentences, :func:`message` the two as one text; every
place that shows an error in a line of its own (a form's note, a card's notice) takes it from there, so no message
runs its advice on without a full stop ("…om det varar Försök igen om en stund")."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from elsdesk.domain import (
    BadInputError, ConflictError, DatabaseUnavailableError, ImportInterruptedError, NotAllowedError, NotFoundError,
    SchemaVersionError, TicketRemovedError,
)

logger = logging.getLogger(__name__)


def describe(exc: BaseException) -> tuple[str, str]:
    """(what happened, what to do) for *exc*, each a sentence with its full stop; what to do may be "" when the
    message itself says it."""
    what, todo = _describe(exc)
    return sentence(what), sentence(todo)


def message(exc: BaseException) -> str:
    """What happened and what to do for *exc* as one text of whole sentences."""
    return " ".join(part for part in describe(exc) if part)


def with_full_stop(text: str) -> str:
    """*text* ending as a sentence does (one that goes on after a colon keeps its first letter)."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."


def sentence(text: str) -> str:
    """*text* as a sentence: a full stop at the end, and a first word of letters alone upper case ("servern svarar
    inte"; a file name such as "elsdesk.db" stays as written); "" stays ""."""
    text = with_full_stop(text)
    first = text.split(maxsplit=1)[0] if text else ""
    if first.rstrip(".").isalpha() and first.islower():
        text = text[0].upper() + text[1:]
    return text


def _describe(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, BadInputError):
        return str(exc), QCoreApplication.translate("notify", "Rätta uppgiften och försök igen.")
    if isinstance(exc, ConflictError):
        return str(exc), QCoreApplication.translate("notify", "Öppna ärendet igen för att se den senaste versionen innan du ändrar.")
    if isinstance(exc, TicketRemovedError):  # the form that was open says what becomes of the text (main_window)
        return str(exc), ""
    if isinstance(exc, NotFoundError):
        return str(exc), QCoreApplication.translate("notify", "Uppdatera listan.")
    if isinstance(exc, NotAllowedError):
        return str(exc), QCoreApplication.translate("notify", "Be en kollega med den rollen, eller IT, om hjälp.")
    if isinstance(exc, ImportInterruptedError):  # nothing typed: a file, part of it stored
        return str(exc), QCoreApplication.translate(
            "notify", "Importera filen igen när servern svarar; det som redan sparats läses inte in två gånger.")
    if isinstance(exc, SchemaVersionError):  # the message names who updates what; waiting does not help
        return str(exc), ""
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
    if todo:
        box.setInformativeText(todo)
    box.open()
