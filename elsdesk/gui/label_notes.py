"""Where a ticket's module came from, in one wording for every list that shows it: the ticket list's tooltip on
a module and the similar tickets' module column (read from the row itself, no database read)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from elsdesk.domain import HUMAN, INTAKE, MODEL, Ticket
from elsdesk.ml.confidence import percent


def module_source_note(ticket: Ticket) -> str:
    """Who set *ticket*'s module and whether a super-user confirmed it; what the "?" after a module means."""
    translate = QCoreApplication.translate
    if not ticket.module:
        return translate("LabelNotes", "Ej klassad")
    if ticket.label_source == HUMAN:
        return translate("LabelNotes", "Bekräftad modul")
    if ticket.label_source == INTAKE:  # a person's label: no "?", but not yet reviewed
        return translate("LabelNotes", "Satt vid registreringen eller importen, inte bekräftad av en superanvändare")
    if ticket.label_source == MODEL and ticket.module_confidence is not None:
        return translate("LabelNotes", "Satt av modellen (säkerhet %1 %), inte bekräftad av en superanvändare").replace(
            "%1", str(percent(ticket.module_confidence)))
    if ticket.label_source == MODEL:
        return translate("LabelNotes", "Satt av modellen, inte bekräftad av en superanvändare")
    return translate("LabelNotes", "Inte bekräftad av en superanvändare")
