"""The English translation: the .ts is complete and consistent, and the shipped .qm (installed the way
``install_translator`` does it) turns the Swedish source texts into English, also in built widgets.

The translator is removed again after each test, so the other GUI tests keep running in Swedish.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from elsdesk.gui.app import install_translator
from elsdesk.paths import resources_dir

TS_PATH = resources_dir() / "i18n" / "elsdesk_en.ts"
QM_PATH = resources_dir() / "i18n" / "elsdesk_en.qm"


def _messages():
    root = ET.parse(TS_PATH).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


@pytest.fixture
def english(qapp):
    translator = install_translator(qapp, "en")
    assert translator is not None, f"{QM_PATH} could not be loaded"
    yield translator
    qapp.removeTranslator(translator)


def test_ts_has_no_unfinished_or_empty_translations():
    messages = list(_messages())
    assert len(messages) > 200
    unfinished = [(c, s) for c, s, t in messages if t.get("type") in ("unfinished", "vanished", "obsolete")]
    empty = [(c, s) for c, s, t in messages if not (t.text or "").strip()]
    assert unfinished == []
    assert empty == []


def test_translations_keep_placeholders_and_accelerators():
    for context, source, translation in _messages():
        text = translation.text
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", text)), (context, source, text)
        assert ("&" in source) == ("&" in text), (context, source, text)
        for shortcut in re.findall(r"Ctrl\+(?:[A-Z]\b|\d|Enter)|\bF\d+\b", source):  # key names stay as they are
            assert shortcut in text, (context, source, text)


def test_key_strings_translate(english):
    translate = QCoreApplication.translate
    assert translate("MainWindow", "&Nytt ärende") == "&New ticket"
    assert translate("TicketFormDialog", "Nytt ärende") == "New ticket"
    assert translate("MainWindow", "Utbildning") == "Training"
    assert translate("ReviewActionsMixin", "Granskning") == "Review"
    assert translate("TicketForm", "&Rubrik") == "&Title"
    assert translate("notify", "Försök igen. Detaljer finns i loggen.") != "Försök igen. Detaljer finns i loggen."
    assert translate("TrainingLeadView", "På agendan") == "On agenda"


def test_qm_matches_every_ts_translation(english):
    """The .qm was released from the current .ts (no stale binary)."""
    stale = [(c, s) for c, s, t in _messages() if QCoreApplication.translate(c, s) != t.text]
    assert stale == []


def test_no_translator_for_swedish(qapp):
    assert install_translator(qapp, "sv") is None
    assert QCoreApplication.translate("MainWindow", "&Nytt ärende") == "&Nytt ärende"


def test_widgets_built_under_the_translator_are_english(english, qtbot):
    from elsdesk.gui.filter_bar import FilterBar
    from elsdesk.gui.ticket_form import TicketFormDialog
    from elsdesk.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    bar = FilterBar(taxonomy, "en")
    qtbot.addWidget(bar)
    assert bar.clear_button.text() == "Clear"
    assert bar.status_combo.itemText(0) == "All statuses"

    form = TicketFormDialog(taxonomy, "en")
    qtbot.addWidget(form)
    assert form.windowTitle() == "New ticket"
    from PySide6.QtWidgets import QLabel

    assert form.form.findChild(QLabel, "titleLabel").text() == "&Title"  # the .ui form, via QUiLoader
    assert form.module_combo.itemText(0) == "– choose module –"
    form.reject()
