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
    "channel": QT_TRANSLATE_NOOP("conflict", "Kanal"),
    "priority": QT_TRANSLATE_NOOP("conflict", "Prioritet"),
    "patient_safety": QT_TRANSLATE_NOOP("conflict", "Patientsäkerhet påverkas"),
    "escalation": QT_TRANSLATE_NOOP("conflict", "Eskalera till"),
}
YES_NO = {True: QT_TRANSLATE_NOOP("conflict", "ja"), False: QT_TRANSLATE_NOOP("conflict", "nej")}
YOUR_CHOICE = QT_TRANSLATE_NOOP("conflict", "(ditt val: %1)")
LABEL_GROUPS = {"module": "modules", "kind": "kinds", "status": "statuses", "reporter_role": "reporter_roles",
                "channel": "channels", "priority": "priorities", "escalation": "escalations"}
SHOWN_CHARS = 40  # of a changed text: enough to recognise it


def _tr(text: str) -> str:
    return QCoreApplication.translate("conflict", text)


def value_text(field: str, value, taxonomy: Taxonomy, language: str) -> str:
    """A field's value as a person reads it: a label's name, a text's beginning, "–" for none."""
    if isinstance(value, bool):
        return _tr(YES_NO[value])
    if value in (None, ""):
        return "–"
    if field in LABEL_GROUPS:
        return taxonomy.display_name(LABEL_GROUPS[field], str(value), language) or str(value)
    text = " ".join(str(value).split())
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def conflict_lines(fields: list[str], latest, mine, changed, taxonomy: Taxonomy, language: str) -> list[str]:
    """One line per field someone else changed: "Typ: Konfiguration (ditt val: Fel)", or without the
    choice when this person left the field alone (not in *changed*) or chose what the new version has."""
    lines = []
    for field in fields:
        theirs, yours = getattr(latest, field), getattr(mine, field)
        line = f"{_tr(FIELD_NAMES[field])}: {value_text(field, theirs, taxonomy, language)}"
        if field in changed and yours != theirs:
            line += " " + _tr(YOUR_CHOICE).replace("%1", value_text(field, yours, taxonomy, language))
        lines.append(line)
    return lines


def your_choices(fields: list[str], latest, mine, changed, taxonomy: Taxonomy, language: str) -> list[str]:
    """What this person had chosen (*changed*) where the new version differs: "Typ: Fel" (kept in the form's
    note once it shows the new version)."""
    return [f"{_tr(FIELD_NAMES[field])}: {value_text(field, getattr(mine, field), taxonomy, language)}"
            for field in fields if field in changed and getattr(mine, field) != getattr(latest, field)]


def kept_lines(kept: dict, taxonomy: Taxonomy, language: str) -> list[str]:
    """This person's changes that nobody else made, as kept in the form showing the new version: "Typ: Handhavande"."""
    return [f"{_tr(FIELD_NAMES[field])}: {value_text(field, value, taxonomy, language)}" for field, value in kept.items()]
