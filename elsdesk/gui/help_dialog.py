"""Help: the keyboard shortcuts of the view in focus (F1) and a short "Kom igång" per role.

The texts are data here (marked for translation); the main window decides which view is in focus
and which role the person has. The review queue's keys are read from the queue's own key line, so
the overview always shows the keys the queue really takes.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget,
)

CONTEXT = "HelpDialog"
TICKETS, FORM, REVIEW, TRAINING = "tickets", "form", "review", "training"

VIEW_TITLES = {
    TICKETS: QT_TRANSLATE_NOOP("HelpDialog", "Ärenden"),
    FORM: QT_TRANSLATE_NOOP("HelpDialog", "Ärendeformuläret"),
    REVIEW: QT_TRANSLATE_NOOP("HelpDialog", "Granskning"),
    TRAINING: QT_TRANSLATE_NOOP("HelpDialog", "Utbildning"),
}
EVERYWHERE = (
    ("Ctrl+N", QT_TRANSLATE_NOOP("HelpDialog", "Nytt ärende")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("HelpDialog", "Sök i ärenden")),
    ("Ctrl+I", QT_TRANSLATE_NOOP("HelpDialog", "Importera ärenden från fil")),
    ("F5", QT_TRANSLATE_NOOP("HelpDialog", "Uppdatera listan")),
    ("Ctrl+Tab / Ctrl+PgDn", QT_TRANSLATE_NOOP("HelpDialog", "Nästa flik")),
    ("Ctrl+Shift+Tab / Ctrl+PgUp", QT_TRANSLATE_NOOP("HelpDialog", "Föregående flik")),
    ("Ctrl+Shift+T", QT_TRANSLATE_NOOP("HelpDialog", "Träna om modellen (superanvändare)")),
    ("Ctrl+Shift+E", QT_TRANSLATE_NOOP("HelpDialog", "Exportera veckans agenda (utbildningsansvarig)")),
    ("F1", QT_TRANSLATE_NOOP("HelpDialog", "Den här översikten")),
    ("Ctrl+Q", QT_TRANSLATE_NOOP("HelpDialog", "Avsluta")),
)
SHORTCUTS = {
    TICKETS: (
        ("↑ ↓  PgUp PgDn", QT_TRANSLATE_NOOP("HelpDialog", "Flytta i listan; detaljerna visas till höger")),
        ("Enter / Ctrl+E", QT_TRANSLATE_NOOP("HelpDialog", "Öppna det markerade ärendet")),
        ("Delete", QT_TRANSLATE_NOOP("HelpDialog", "Ta bort ett ärende som loggats av misstag (superanvändare; frågar först)")),
        ("Ctrl+F", QT_TRANSLATE_NOOP("HelpDialog", "Sök: skriv början av orden, t.ex. signer; flera ord hittar ärenden med alla")),
        (QT_TRANSLATE_NOOP("HelpDialog", "↓ / Enter i sökrutan"), QT_TRANSLATE_NOOP("HelpDialog", "Gå till första träffen i listan")),
        ("Esc", QT_TRANSLATE_NOOP("HelpDialog", "Töm sökrutan (när den har fokus)")),
        (QT_TRANSLATE_NOOP("HelpDialog", "Alt+V › Sortera efter"), QT_TRANSLATE_NOOP("HelpDialog", "Sortera listan efter en kolumn; samma kolumn igen vänder ordningen")),
        (QT_TRANSLATE_NOOP("HelpDialog", "Klick på kolumnrubrik"), QT_TRANSLATE_NOOP("HelpDialog", "Sortera efter kolumnen")),
    ),
    FORM: (
        ("Ctrl+Enter", QT_TRANSLATE_NOOP("HelpDialog", "Spara ärendet")),
        ("Ctrl+N", QT_TRANSLATE_NOOP("HelpDialog", "Medan ärendet sparas: öppna nästa ärende när det är sparat")),
        ("Esc", QT_TRANSLATE_NOOP("HelpDialog", "Stäng; med osparad text frågar formuläret först (fortsätt, behåll som utkast eller kasta)")),
        ("Ctrl+1 / Ctrl+2 / Ctrl+3", QT_TRANSLATE_NOOP("HelpDialog", "Ta modulförslag 1, 2 eller 3")),
        ("Ctrl+T", QT_TRANSLATE_NOOP("HelpDialog", "Ta typförslaget")),
        ("Alt+I", QT_TRANSLATE_NOOP("HelpDialog", "Till liknande tidigare ärenden; pilarna visar varje ärendes hela lösning under listan, Esc tillbaka till beskrivningen")),
        ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("HelpDialog", "Nästa / föregående fält")),
        (QT_TRANSLATE_NOOP("HelpDialog", "Bokstäver i en lista"), QT_TRANSLATE_NOOP("HelpDialog", "Hoppa till det val som börjar så")),
    ),
    TRAINING: (
        ("Alt+K", QT_TRANSLATE_NOOP("HelpDialog", "Till veckan som visas; pilarna byter vecka")),
        (QT_TRANSLATE_NOOP("HelpDialog", "Mellanslag"), QT_TRANSLATE_NOOP("HelpDialog", "Välj eller avvälj ämnet för agendan")),
        ("F2", QT_TRANSLATE_NOOP("HelpDialog", "Byt namn på ämnet")),
        (QT_TRANSLATE_NOOP("HelpDialog", "Shift+pil / Ctrl+klick"), QT_TRANSLATE_NOOP("HelpDialog", "Markera flera ämnen (för att slå ihop dem); Ctrl+pil och Ctrl+Mellanslag markerar ett ämne längre bort")),
        ("Ctrl+M", QT_TRANSLATE_NOOP("HelpDialog", "Slå ihop de markerade ämnena")),
        ("Ctrl+D", QT_TRANSLATE_NOOP("HelpDialog", "Dela ämnet i mindre ämnen")),
        ("Ctrl+G", QT_TRANSLATE_NOOP("HelpDialog", "Markera ämnet genomgånget på utbildning (för en äldre vecka: välj dagen), eller ta bort markeringen")),
        ("Enter", QT_TRANSLATE_NOOP("HelpDialog", "Ett känt problems lösning och status")),
        ("Ctrl+Enter", QT_TRANSLATE_NOOP("HelpDialog", "Godta förslaget som känt problem")),
        (QT_TRANSLATE_NOOP("HelpDialog", "Alt+V › Diagram i Utbildning"), QT_TRANSLATE_NOOP("HelpDialog", "Dölj eller visa diagrammen; utan dem får ämneslistan hela höjden")),
    ),
}
GETTING_STARTED = {
    "els_stod": (
        QT_TRANSLATE_NOOP("HelpDialog", "Under samtalet: tryck Ctrl+N, skriv en rubrik och vad användaren beskriver."),
        QT_TRANSLATE_NOOP("HelpDialog", "Modellen föreslår modul medan du skriver: Ctrl+1 tar det översta förslaget."),
        QT_TRANSLATE_NOOP("HelpDialog", "Liknande tidigare ärenden visas under formuläret (Alt+I); deras lösning kan ofta användas igen."),
        QT_TRANSLATE_NOOP("HelpDialog", "Sätt status, prioritet och vid behov eskalering (Cambio, regional förvaltning, IT). Ctrl+Enter sparar."),
        QT_TRANSLATE_NOOP("HelpDialog", "Personnummer, telefonnummer och e-post ersätts automatiskt när ärendet sparas."),
        QT_TRANSLATE_NOOP("HelpDialog", "Hitta ärenden med Ctrl+F och filtren ovanför listan. ⚡ betyder att flera enheter rapporterar samma sak: se menyn Incidenter."),
    ),
    "superanvandare": (
        QT_TRANSLATE_NOOP("HelpDialog", "En ny desk är tom: importera ärenden från ert tidigare system med Arkiv › Importera… (Excel, CSV, JSON), eller prova med Arkiv › Lägg in demodata…"),
        QT_TRANSLATE_NOOP("HelpDialog", "Öppna fliken Granskning: de ärenden modellen är minst säker på kommer först."),
        QT_TRANSLATE_NOOP("HelpDialog", "Enter bekräftar förslaget, 1–3 väljer ett annat förslag, / öppnar alla moduler; bokstäverna sätter typ (raden Typ på kortet och F1 visar vilken bokstav som är vilken typ)."),
        QT_TRANSLATE_NOOP("HelpDialog", "Se hur liknande ärenden har klassats i listan under ärendet. Ctrl+Z ångrar ditt senaste beslut."),
        QT_TRANSLATE_NOOP("HelpDialog", "Efter ett antal bekräftelser föreslår elsdesk att modellen tränas om; Modell › Modell och kvalitet visar hur säker den är."),
    ),
    "utbildningsansvarig": (
        QT_TRANSLATE_NOOP("HelpDialog", "Öppna fliken Utbildning och välj vecka; sätt go-live-datumet en gång så visas dagar sedan go-live (D+N). Utan det räknas dagarna från det äldsta ärendet."),
        QT_TRANSLATE_NOOP("HelpDialog", "Veckans återkommande ämnen står störst först, med trend; handhavandeämnen föreslås för agendan."),
        QT_TRANSLATE_NOOP("HelpDialog", "Mellanslag väljer ett ämne för agendan, F2 byter namn; Ctrl+M slår ihop markerade ämnen och Ctrl+D delar ett."),
        QT_TRANSLATE_NOOP("HelpDialog", "Exportera agendan som Excel, PDF eller webbsida med Exportera…, eller en översikt för flera veckor med Period…"),
    ),
}
ROLE_TITLES = {
    "els_stod": QT_TRANSLATE_NOOP("HelpDialog", "ELS-stöd"),
    "superanvandare": QT_TRANSLATE_NOOP("HelpDialog", "Superanvändare"),
    "utbildningsansvarig": QT_TRANSLATE_NOOP("HelpDialog", "Utbildningsansvarig"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def review_keys(help_text: str) -> list[tuple[str, str]]:
    """The review queue's key line ("Enter = förslag 1 · 1–3 = välj förslag …") as (key, what) rows."""
    rows = []
    for part in help_text.split("·"):
        key, equals, what = part.partition("=")
        if equals and key.strip() and what.strip():
            rows.append((key.strip(), what.strip()))
    return rows or [("", help_text)]


def shortcut_sections(view: str, review_help: str | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The shortcuts of *view* (translated), and those that work everywhere that the view's own do not list already
    (a tester saw Ctrl+F twice on the Ärenden view)."""
    if view == REVIEW:
        own = review_keys(review_help) if review_help else []
    else:
        own = [(_tr(key), _tr(what)) for key, what in SHORTCUTS.get(view, ())]
    listed = {key for key, _what in own}
    return own, [(key, _tr(what)) for key, what in EVERYWHERE if key not in listed]


def shortcut_rows(view: str, review_help: str | None = None) -> list[tuple[str, str]]:
    """The shortcuts of *view* (translated), then those that work everywhere (:func:`shortcut_sections`)."""
    own, everywhere = shortcut_sections(view, review_help)
    return own + everywhere


def _table(sections: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """The sections (heading, rows) in one table, so that the keys of every section line up."""
    cells = ""
    for heading, rows in sections:
        cells += f"<tr><td colspan='2'><h3>{escape(heading)}</h3></td></tr>"
        cells += "".join(f"<tr><td class='key'><b>{escape(key)}</b></td><td>{escape(what)}</td></tr>" for key, what in rows)
    return f"<table cellspacing='0' cellpadding='4'>{cells}</table>"


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts of one view; the view can be switched in the dialog."""

    def __init__(self, view: str, views: list[str], review_help: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Kortkommandon"))
        self.review_help = review_help
        self.view_combo = QComboBox(self)
        for name in views:
            self.view_combo.addItem(_tr(VIEW_TITLES[name]), name)
        self.view_combo.setCurrentIndex(max(0, self.view_combo.findData(view)))
        self.text = QTextBrowser(self)
        self.text.setObjectName("shortcutText")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Vy:"), self))
        top.addWidget(self.view_combo, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.view_combo.currentIndexChanged.connect(self._show)
        self.resize(620, 460)
        self._show()

    @property
    def view(self) -> str:
        return self.view_combo.currentData()

    def rows(self) -> list[tuple[str, str]]:
        return shortcut_rows(self.view, self.review_help)

    def _show(self) -> None:
        own, everywhere = shortcut_sections(self.view, self.review_help)
        self.text.setHtml(_table([(_tr(VIEW_TITLES[self.view]), own), (self.tr("Överallt"), everywhere)]))


class GettingStartedDialog(QDialog):
    """A few sentences per role: what to do in the first hour."""

    def __init__(self, role: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("gettingStartedDialog")
        self.setWindowTitle(self.tr("Kom igång"))
        self.role_combo = QComboBox(self)
        for role_id, title in ROLE_TITLES.items():
            self.role_combo.addItem(_tr(title), role_id)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role)))
        self.text = QTextBrowser(self)
        self.text.setObjectName("gettingStartedText")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Roll:"), self))
        top.addWidget(self.role_combo, 1)
        more = QLabel(self.tr("Tryck F1 i en vy för dess kortkommandon."), self)
        more.setObjectName("shortcutHint")
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(more)
        layout.addWidget(buttons)
        self.role_combo.currentIndexChanged.connect(self._show)
        self.resize(620, 420)
        self._show()

    @property
    def role(self) -> str:
        return self.role_combo.currentData()

    def steps(self) -> list[str]:
        return [_tr(step) for step in GETTING_STARTED[self.role]]

    def _show(self) -> None:
        items = "".join(f"<li>{escape(step)}</li>" for step in self.steps())
        self.text.setHtml(f"<h3>{escape(_tr(ROLE_TITLES[self.role]))}</h3><ol>{items}</ol>")


def show_shortcuts(parent, view: str, views: list[str], review_help: str | None = None) -> ShortcutsDialog:
    dialog = ShortcutsDialog(view, views, review_help, parent)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog
