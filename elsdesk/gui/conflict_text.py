"""How a save conflict on a ticket is worded: which fields someone else changed since the form opened,
their value beside the one this person chose, in the window's language.

A training lead chose Typ Fel while a super-user confirmed Konfiguration; the message said only that
someone had saved the ticket, and "Visa den nya versionen" then showed Konfiguration with her Fel gone
without a trace. The lines below are shown in the question and kept in the form's note afterwards."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from elsdesk.taxonomy import Taxonomy

FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("conflict", "Rubrik"),
    "description": QT_TRANSLATE_NOOP("conflict", "Beskrivning"),
    "module": QT_TRANSLATE_NOOP("conflict", "Modul"),
    "kind": QT_TRANSLATE_NOOP("conflict", "Typ"),
    "status": QT_TRANSLATE_NOOP("conflict", "Status"),
    "unit": QT_TRANSLATE_NOOP("conflict", "Enhet"),
    "reporter_role": QT_TRANSLATE_NOOP("conflict", "Roll"),
    "resolution": QT_TRANSLATE_NOOP("conflict", "Lösning"),
}
YOUR_CHOICE = QT_TRANSLATE_NOOP("conflict", "(ditt val: %1)")
LABEL_GROUPS = {"module": "modules", "kind": "kinds", "status": "statuses", "reporter_role": "reporter_roles"}
SHOWN_CHARS = 40  # of a changed text: enough to recognise it


def _tr(text: str) -> str:
    return QCoreApplication.translate("conflict", text)


def value_text(field: str, value, taxonomy: Taxonomy, language: str) -> str:
    """A field's value as a person reads it: a label's name, a text's beginning, "–" for none."""
    if value in (None, ""):
        return "–"
    if field in LABEL_GROUPS:
        return taxonomy.display_name(LABEL_GROUPS[field], str(value), language) or str(value)
    text = " ".join(str(value).split())
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def conflict_lines(fields: list[str], latest, mine, taxonomy: Taxonomy, language: str) -> list[str]:
    """One line per field someone else changed: "Typ: Konfiguration (ditt val: Fel)", or without the
    choice when this person left the field as the new version has it."""
    lines = []
    for field in fields:
        theirs, yours = getattr(latest, field), getattr(mine, field)
        line = f"{_tr(FIELD_NAMES[field])}: {value_text(field, theirs, taxonomy, language)}"
        if yours != theirs:
            line += " " + _tr(YOUR_CHOICE).replace("%1", value_text(field, yours, taxonomy, language))
        lines.append(line)
    return lines


def your_choices(fields: list[str], latest, mine, taxonomy: Taxonomy, language: str) -> list[str]:
    """What this person had chosen where the new version differs: "Typ: Fel" (kept in the form's note
    once it shows the new version)."""
    return [f"{_tr(FIELD_NAMES[field])}: {value_text(field, getattr(mine, field), taxonomy, language)}"
            for field in fields if getattr(mine, field) != getattr(latest, field)]
