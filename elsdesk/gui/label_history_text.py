"""The label history as sentences in the UI language: who set which label, where and how.

"Modul satt till Läkemedel av modellen (version 2026-12-02 14:05)", "Modul Läkemedel bekräftad av Sven
i granskningen", "Typ satt till Handhavande av Anna vid registreringen (modellens förslag)".
The model shipped with the app has the version id ``shipped``; a person reads "modellen (levererad
med appen)" instead of that word.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from elsdesk.domain import HUMAN, INTAKE, MODEL, LabelChange
from elsdesk.gui.version_names import version_moment
from elsdesk.taxonomy import Taxonomy

# elsdesk.ml.store.SHIPPED (not imported: it brings scikit-learn in before the list's first paint)
SHIPPED_VERSION = "shipped"


def _t(text: str, *values: str) -> str:
    result = QCoreApplication.translate("LabelHistory", text)
    for number, value in enumerate(values, start=1):
        result = result.replace(f"%{number}", value)
    return result


def model_phrase(version: str | None) -> str:
    """Who "the model" was, for "… av %1": the shipped one by that name, a trained one by its version."""
    if version == SHIPPED_VERSION:
        return _t(QT_TRANSLATE_NOOP("LabelHistory", "modellen (levererad med appen)"))
    if not version:
        return _t(QT_TRANSLATE_NOOP("LabelHistory", "modellen"))
    return _t(QT_TRANSLATE_NOOP("LabelHistory", "modellen (version %1)"), version_moment(version))


def suggestion_note(version: str) -> str:
    """The note after a label a person took from the model's suggestion."""
    if version == SHIPPED_VERSION:
        return _t(QT_TRANSLATE_NOOP("LabelHistory", "(förslag från modellen som levererades med appen)"))
    return _t(QT_TRANSLATE_NOOP("LabelHistory", "(modellens förslag, version %1)"), version_moment(version))


def history_sentence(change: LabelChange, taxonomy: Taxonomy, language: str = "sv") -> str:
    """One history row as a sentence (plain text; escape it for HTML)."""
    names = taxonomy.module_name if change.field == "module" else taxonomy.kind_name
    field = _t(QT_TRANSLATE_NOOP("LabelHistory", "Modul")) if change.field == "module" else _t(QT_TRANSLATE_NOOP("LabelHistory", "Typ"))
    old, new = names(change.old, language) or "–", names(change.new, language) or "–"
    if change.source.startswith(MODEL) or change.actor == MODEL:
        model = model_phrase(change.source.partition(":")[2] or change.suggested_by)
        if change.old is None:
            return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 satt till %2 av %3"), field, new, model)
        return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 ändrad från %2 till %3 av %4"), field, old, new, model)
    if change.source == HUMAN and change.decision_id is not None:
        if change.old == change.new:
            return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 %2 bekräftad av %3 i granskningen"), field, new, change.actor)
        return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 ändrad från %2 till %3 av %4 i granskningen"), field, old, new, change.actor)
    if change.source == INTAKE:
        if change.old is None:
            text = _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 satt till %2 av %3 vid registreringen"), field, new, change.actor)
        else:
            text = _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 ändrad från %2 till %3 av %4 i ärendeformuläret"), field, old, new, change.actor)
        if change.suggested_by:
            text += " " + suggestion_note(change.suggested_by)
        return text
    if change.source == "import":
        if change.old == change.new:  # a file that repeats the label confirms it
            if change.actor in ("", "import"):
                return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 %2 bekräftad vid import"), field, new)
            return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 %2 bekräftad vid import av %3"), field, new, change.actor)
        if change.actor == "demo":
            return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 satt till %2 i demodata"), field, new)
        if change.actor in ("", "import"):
            return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 satt till %2 vid import"), field, new)
        return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 satt till %2 vid import av %3"), field, new, change.actor)
    if change.old is None:
        return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 satt till %2 av %3"), field, new, change.actor)
    return _t(QT_TRANSLATE_NOOP("LabelHistory", "%1 ändrad från %2 till %3 av %4"), field, old, new, change.actor)
