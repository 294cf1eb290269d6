"""Every visible string follows the UI language (issue 13): what this issue added (the discard question,
demo data, incidents, help, the similar tickets' module column) and what the shared desk added
(desk location, password, reconnect) speaks English under the English translation, and no raw id
shows in the status line about the model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from elsdesk.gui.app import install_translator
from elsdesk.taxonomy import load_taxonomy


@pytest.fixture
def english(qapp):
    translator = install_translator(qapp, "en")
    assert translator is not None
    yield translator
    qapp.removeTranslator(translator)


@pytest.mark.parametrize("context, source, english_text", [
    ("TicketFormDialog", "&Kasta ärendet", "&Discard ticket"),
    ("TicketFormDialog", "&Behåll som utkast", "Keep as d&raft"),
    ("MainWindow", "Ta &bort demodata…", "Remove demo da&ta…"),
    ("MainWindow", "&Kortkommandon…", "&Keyboard shortcuts…"),
    ("MainWindow", "Återansluter till servern…", "Reconnecting to the server…"),
    ("LongTasksMixin", "Demodata: %1 påhittade ärenden", "Demo data: %1 made-up tickets"),
    ("IncidentActionsMixin", "Bekräftade incidenter", "Confirmed incidents"),
    ("ModelActionsMixin", "Den levererade modellen är laddad.", "The shipped model is loaded."),
    ("DeskLocationDialog", "Var finns desken?", "Where is the desk?"),
    ("PasswordDialog", "Logga in", "Log in"),
    ("notify", "Be en kollega med den rollen, eller IT, om hjälp.", "Ask a colleague with that role, or IT, for help."),
])
def test_new_strings_are_english_under_the_english_translation(english, context, source, english_text):
    assert QCoreApplication.translate(context, source) == english_text


def test_help_and_discard_question_are_built_in_english(english, qtbot):
    from elsdesk.gui.help_dialog import GettingStartedDialog, ShortcutsDialog
    from elsdesk.gui.similar_tickets_view import SimilarTicketsView
    from elsdesk.gui.ticket_form import TicketFormDialog

    shortcuts = ShortcutsDialog("tickets", ["tickets", "form"])
    qtbot.addWidget(shortcuts)
    assert shortcuts.windowTitle() == "Keyboard shortcuts"
    assert "Everywhere" in shortcuts.text.toPlainText() and "Open the selected ticket" in shortcuts.text.toPlainText()
    started = GettingStartedDialog("superanvandare")
    qtbot.addWidget(started)
    assert started.windowTitle() == "Getting started" and "Open the Review tab" in started.text.toPlainText()

    similar = SimilarTicketsView(load_taxonomy(), "en")
    qtbot.addWidget(similar)
    assert similar.tree.headerItem().text(3) == "Module"

    form = TicketFormDialog(load_taxonomy(), "en")
    qtbot.addWidget(form)
    form.title_edit.setText("Printer on ward 12")
    form.reject()
    assert form.discard_box.windowTitle() == "Unsaved ticket"
    assert {b.text() for b in form.discard_box.buttons()} == {"&Keep writing", "Keep as d&raft", "&Discard ticket"}
    form._close(keep_draft=False)


def test_the_identifiers_found_are_named_in_english(english):
    """The mask notice and the saved-ticket message said "Identifiers detected (e-post, personnummer,
    telefon)" in the English UI."""
    from elsdesk.gui.ticket_form import identifier_kinds

    counts = {"personnummer": 1, "telefon": 2, "e-post": 0}
    assert identifier_kinds(counts) == "personal identity number, phone"
    assert identifier_kinds(counts, with_numbers=True) == "1 personal identity number, 2 phone"


def test_an_english_speaking_keyboard_users_findings(english, qtbot):
    """An English-UI tester (2026-12-06): the desk dialog's Cancel said "Avbryt", counts read "1 200", the File
    menu's D and R named two actions each, and the form's fields were announced by their values."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from elsdesk.gui.desk_connection import DeskLocationDialog, PasswordDialog
    from elsdesk.gui.filter_bar import FilterBar
    from elsdesk.gui.grouped_numbers import number
    from elsdesk.gui.ticket_form import TicketFormDialog

    for dialog in (DeskLocationDialog(), PasswordDialog("server", "anna")):
        qtbot.addWidget(dialog)
        assert dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Cancel).text() == "Cancel"
    QLocale.setDefault(QLocale(QLocale.English))
    try:
        assert number(1200) == "1,200"
    finally:
        QLocale.setDefault(QLocale(QLocale.Swedish))
    assert number(1200, " ") == "1 200"
    taxonomy = load_taxonomy()
    form = TicketFormDialog(taxonomy, "en")
    qtbot.addWidget(form)
    assert form.channel_combo.accessibleName() and form.channel_combo.accessibleName() != form.channel_combo.currentText()
    bar = FilterBar(taxonomy, "en")
    qtbot.addWidget(bar)
    assert [w.accessibleName() for w in (bar.search_edit, bar.module_combo, bar.kind_combo)] == ["Search tickets", "Module", "Type"]


def test_the_file_menus_mnemonics_are_unique_in_both_languages(qtbot, tmp_path, qapp):
    from PySide6.QtCore import QSettings

    from elsdesk.gui.main_window import MainWindow

    for language in ("sv", "en"):
        translator = install_translator(qapp, language)
        try:
            settings = QSettings(str(tmp_path / f"{language}.ini"), QSettings.IniFormat)
            window = MainWindow(str(tmp_path / f"{language}.db"), settings, language, defer_start=True)
            qtbot.addWidget(window)
            keys = [action.text().split("&", 1)[1][0].lower() for action in window.file_menu.actions()
                    if "&" in action.text()]
            assert len(keys) == len(set(keys)), (language, keys)
        finally:
            if translator is not None:
                qapp.removeTranslator(translator)


def test_an_imports_incident_sentence_follows_the_ui_language(english):
    """The English import summary said "1 möjlig incident: … se Incidenter-menyn" (an English-UI tester)."""
    from types import SimpleNamespace

    from elsdesk.gui.long_tasks import LongTasksMixin

    report = SimpleNamespace(incidents=SimpleNamespace(created=[object()], extended=[]), scanned_from="2025-05-08",
                             incident_summary="1 möjlig incident: 5 ärenden från 5 enheter; se Incidenter-menyn")
    window = SimpleNamespace(language="en", tr=lambda text: QCoreApplication.translate("LongTasksMixin", text))
    said = LongTasksMixin._incident_sentence(window, report)
    assert said == ("Possible incidents: 1 new, 0 with more tickets; see the Incidents menu. "
                    "Tickets before 2025-05-08 were not scanned for incidents.")
    window.language = "sv"
    assert LongTasksMixin._incident_sentence(window, report).startswith("1 möjlig incident: 5 ärenden")


def test_the_profile_dialog_says_what_is_wrong_in_the_ui_language(english, qtbot):
    """The English profile dialog said "Skriv ditt namn." (an English-UI tester)."""
    from elsdesk.gui.profile_dialog import ProfileDialog

    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("   ")
    dialog.accept()
    assert dialog.error_label.text() == "Type your name."
    dialog.name_edit.setText("x" * 90)
    dialog.accept()
    assert dialog.error_label.text() == "The name may be at most 80 characters."


def test_the_ticket_forms_alt_keys_are_unique_in_both_languages(qtbot, qapp):
    """A keyboard tester: Alt+K was both Kanal and Eskalera till, so one of the two fields could not be reached by it."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from elsdesk.gui.ticket_form import TicketFormDialog

    for language in ("sv", "en"):
        translator = install_translator(qapp, language)
        try:
            form = TicketFormDialog(load_taxonomy(), language)
            qtbot.addWidget(form)
            texts = [w.text() for w in form.findChildren(QLabel) + form.findChildren(QAbstractButton)]
            keys = [text.replace("&&", "").split("&", 1)[1][0].lower() for text in texts if "&" in text.replace("&&", "")]
            assert len(keys) == len(set(keys)), (language, sorted(keys))
        finally:
            if translator is not None:
                qapp.removeTranslator(translator)
