"""The learning loop on screen (issue 11): kind suggested like module with one key to take it (form
and queue), labels taken at intake saved as the person's, the label history in sentences, the model
dialog in plain words with the technical figures one click away, and the likely-mistake list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from elsdesk.domain import INTAKE, LabelChange, Ticket
from elsdesk.gui.likely_mistakes_view import LikelyMistakesView
from elsdesk.gui.model_dialog import ModelDialog, quality_html
from elsdesk.gui.review_card import ReviewCard
from elsdesk.gui.review_queue_view import _kind_keys
from elsdesk.gui.ticket_details import TicketDetailsView
from elsdesk.gui.ticket_form import TicketFormDialog
from elsdesk.services.classification import Suggestion
from elsdesk.services.label_check import LikelyMistake
from elsdesk.services.review import ReviewItem
from elsdesk.services.tickets import log_ticket
from elsdesk.storage import TicketRepository
from elsdesk.taxonomy import load_taxonomy

MODULES = [("lakemedel", 0.91, "Hög"), ("specialmoduler", 0.05, "Låg"), ("journal_dokumentation", 0.02, "Låg")]
KIND = ("handhavande", 0.72, "Medel")


@pytest.fixture
def form(qtbot):
    dialog = TicketFormDialog(load_taxonomy(), "sv")
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.title_edit)
    dialog.title_edit.setText("Kan inte signera dos")
    return dialog


def test_the_form_suggests_kind_with_band_and_percent_and_ctrl_t_takes_it(form, qtbot):
    form.show_suggestions(MODULES, kind=KIND, version="v3")
    text = form.suggestion_view.text()
    # a no-break space before "%": a wrapping line never leaves the "%" alone on the next line
    assert "Hög 91\u00a0%" in text and "Låg 5\u00a0%" in text and "Ctrl+T" in text and "Handhavande" in text \
        and "Medel 72\u00a0%" in text
    qtbot.keyClick(form.title_edit, Qt.Key_T, Qt.ControlModifier)
    assert form.kind_combo.currentData() == "handhavande"
    qtbot.keyClick(form.title_edit, Qt.Key_1, Qt.ControlModifier)
    ticket = form.to_ticket()
    assert (ticket.module, ticket.kind, ticket.module_confidence, ticket.kind_confidence, ticket.model_version) == (
        "lakemedel", "handhavande", 0.91, 0.72, "v3")


def test_a_label_picked_by_hand_carries_no_model_confidence(form):
    form.show_suggestions(MODULES, kind=KIND, version="v3")
    form.module_combo.setCurrentIndex(form.module_combo.findData("remiss"))
    ticket = form.to_ticket()
    assert ticket.module == "remiss" and ticket.module_confidence is None and ticket.model_version is None


def test_ctrl_1_in_the_form_is_saved_as_intake_with_the_suggestion_noted(form, qtbot, memory_db):
    form.show_suggestions(MODULES, kind=KIND, version="v3")
    qtbot.keyClick(form.title_edit, Qt.Key_1, Qt.ControlModifier)
    stored, _ = log_ticket(memory_db, form.to_ticket(), actor="Anna")
    assert stored.label_source == INTAKE
    history = TicketRepository(memory_db).label_history(stored.id)
    assert [(h.field, h.source, h.suggested_by) for h in history] == [("module", INTAKE, "v3")]


def test_the_queue_shows_the_kind_suggestion_beside_its_key():
    taxonomy = load_taxonomy()
    card = ReviewCard(taxonomy, _kind_keys(taxonomy))
    item = ReviewItem(Ticket(title="Dos", created_at="2025-04-28T10:00:00", module="lakemedel", label_source=INTAKE),
                      suggestions=[Suggestion("lakemedel", 0.91, "hog")], suggested_kind="handhavande",
                      kind_suggestion=Suggestion("handhavande", 0.72, "medel"))
    card.show_item(item, None)
    assert "[h]</b> Handhavande <span class='band'>(Medel 72\u00a0%)" in card.kind_label.text()
    assert "(Hög 91\u00a0%)" in card.suggestion_label.text()
    assert "satt vid registreringen" in card.meta_label.text()


def test_label_history_reads_as_sentences():
    view = TicketDetailsView(load_taxonomy())
    history = [
        LabelChange(1, "module", None, "lakemedel", "model", "2025-04-28T10:00:05", "model:2026-12-02"),
        LabelChange(1, "module", "lakemedel", "lakemedel", "Sven", "2025-04-29T09:12:00", "human", "2026-12-02", 4),
        LabelChange(1, "kind", "fel", "handhavande", "Sven", "2025-04-29T09:12:00", "human", "2026-12-02", 4),
        LabelChange(1, "module", None, "remiss", "Anna", "2025-04-29T09:13:00", "intake", "v1"),
    ]
    view.show_ticket(Ticket(title="Dos", created_at="2025-04-28T10:00:00", module="lakemedel", label_source="human"), history)
    text = view.toPlainText()
    assert "Modul satt till Läkemedel av modellen (version 2026-12-02)" in text
    assert "Modul Läkemedel bekräftad av Sven i granskningen" in text
    assert "Typ ändrad från Fel till Handhavande av Sven i granskningen" in text
    assert "Modul satt till Remisser och vårdbegäran av Anna vid registreringen (modellens förslag, version v1)" in text
    assert "(model, human)" not in text and "lakemedel" not in text


TRAINED = {
    "version": "20250509-100000", "created": "2025-05-09T10:00:00",
    "training": {"seed_rows": 3230, "confirmed_rows": 180, "intake_rows": 40},
    "quality": {"method": "held out", "n": 100, "accuracy": 0.9, "macro_f1": 0.871,
                "per_module": {"specialmoduler": {"precision": 0.56, "recall": 0.6, "f1": 0.58, "support": 10},
                               "lakemedel": {"precision": 0.95, "recall": 0.9, "f1": 0.92, "support": 30}},
                "top_confusions": [["lakemedel", "specialmoduler", 4]]},
    "evaluation": {"status": "measured", "n": 100, "modules": 8, "near_duplicates": 2, "eligible": 120,
                   "new": {"correct": 90, "n": 100, "low": 0.83, "high": 0.94},
                   "active": {"version": "shipped", "correct": 84, "n": 100, "low": 0.76, "high": 0.9},
                   "difference": 0.06, "difference_low": 0.01, "difference_high": 0.11, "verdict": "better",
                   "min_tickets": 30, "min_modules": 3},
    "previous": {"version": "shipped"},
    "confidence_rule": {"module": {"high": 83, "medium": 48, "measured_on": "new_confirmed",
                                   "bands": {"hog": {"count": 100, "correct": 99}, "medel": {"count": 50, "correct": 37},
                                             "lag": {"count": 20, "correct": 8}}}},
}


def test_the_quality_page_speaks_plain_swedish_with_module_names():
    html = quality_html(TRAINED, load_taxonomy())
    assert "Specialistmoduler" in html and "specialmoduler" not in html
    assert "rätt modul på 90 och den förra (den levererade modellen) på 84" in html
    assert "När modellen säger Hög (83 % eller mer) har den haft rätt 99 av 100 gånger" in html
    assert "Macro-F1" not in html and "Precision" not in html and "cross-validation" not in html
    technical = quality_html(TRAINED, load_taxonomy(), technical=True)
    assert "Macro-F1" in technical and "0.871" in technical and "Precision" in technical


def test_the_quality_page_says_in_words_when_there_was_too_little_to_compare():
    card = dict(TRAINED, evaluation={"status": "too_few", "reason": "few_tickets", "n": 12, "modules": 4,
                                     "near_duplicates": 161, "min_tickets": 30, "min_modules": 3})
    html = quality_html(card, load_taxonomy())
    assert "bara 12 nya bekräftade ärenden" in html and "minst 30" in html and "1.000" not in html


def test_the_model_dialog_shows_technical_figures_one_click_away(qtbot):
    dialog = ModelDialog(load_taxonomy())
    qtbot.addWidget(dialog)
    dialog.set_versions([TRAINED], TRAINED["version"])
    assert "Macro-F1" not in dialog.details.toPlainText()
    dialog.technical_check.setChecked(True)
    assert "Macro-F1" in dialog.details.toPlainText()
    assert dialog.table.item(0, 3).text() == "rätt modul på 90 av 100 nya ärenden"


def test_the_likely_mistake_list_opens_and_offers_the_models_label(qtbot):
    view = LikelyMistakesView(load_taxonomy())
    qtbot.addWidget(view)
    mistakes = [LikelyMistake(7, "ELS-000007", "Skrivaren skriver inte ut", "module", "lakemedel", "utskrift_hardvara",
                              0.01, 0.96, "human"),
                LikelyMistake(9, "ELS-000009", "Kan inte signera", "kind", "fel", "handhavande", 0.1, 0.8, INTAKE)]
    view.show_mistakes(mistakes)
    first = view.tree.topLevelItem(0)
    assert first.text(2) == "modul: Läkemedel (modellen: 1 %)" and first.text(3) == "modul: Utskrift och hårdvara (96 %)"
    with qtbot.waitSignal(view.take_model_label_requested) as taken:
        view.take_button.click()
    assert taken.args == [mistakes[0]]
    with qtbot.waitSignal(view.ticket_activated) as opened:
        qtbot.keyClick(view.tree, Qt.Key_Return)
    assert opened.args == [7]
    view.remove(7, "module")
    assert view.tree.topLevelItemCount() == 1 and "först: 1." in view.summary.text()


def test_the_window_offers_the_likely_mistake_list_and_the_desks_own_labels(qtbot, db_path, tmp_path):
    from PySide6.QtCore import QSettings

    from elsdesk.gui.main_window import MainWindow
    from elsdesk.services.labels import add_label
    from elsdesk.storage import open_database

    with open_database(db_path) as database:
        add_label(database, "module", "vaccination", "Vaccination", "Vaccination")
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=30_000))
    assert "vaccination" in window.taxonomy.module_ids  # the pickers and lists offer the desk's own label
    assert window.mistakes_action in window.menuBar().actions()[1].menu().actions()
    window.show_likely_mistakes()
    qtbot.waitUntil(lambda: getattr(window, "mistakes_dialog", None) is not None, timeout=30_000)
    # an empty desk: too few labels to check, said as such (not "none wrong")
    assert window.mistakes_dialog.findChild(LikelyMistakesView).summary.text() == (
        "För få märkta ärenden att kontrollera: 0 (minst 20 behövs).")
    window.mistakes_dialog.reject()


def test_the_likely_mistake_list_tells_too_few_labels_from_none_wrong(qtbot):
    view = LikelyMistakesView(load_taxonomy())
    qtbot.addWidget(view)
    view.show_mistakes([], checked=12)
    assert view.summary.text() == "För få märkta ärenden att kontrollera: 12 (minst 20 behövs)."
    view.show_mistakes([], checked=189)
    assert view.summary.text() == "Inga troliga felmärkningar: modellen håller med om etiketterna på de 189 märkta ärendena."
    assert not view.take_button.isEnabled()


def test_a_ticket_with_only_a_title_says_so_on_the_card(qtbot):
    """A super-user's card for "pat" showed an empty white box, as if its text were still loading."""
    taxonomy = load_taxonomy()
    card = ReviewCard(taxonomy, _kind_keys(taxonomy))
    qtbot.addWidget(card)
    assert card.description.placeholderText() == "(ingen beskrivning)"
