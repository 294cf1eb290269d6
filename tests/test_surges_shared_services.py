"""A shared device or service down for several units is one possible incident whatever words each report uses
(an outage-day tester: the label and wristband printers of one building, 8 reports from 5 units written
"Etikettskrivaren skriver inte", "Armband skrivs inte ut", "Provetiketter kommer inte", "Label printer not working",
were no incident: no two wordings shared enough words for a burst of similar tickets). Faults (a person's labels
here, else the desk's model) about printers, an integration or the login service, five from three units in one
window above their usual rate, are a surge; questions about them, or one unit's, are not. All text is written for
these tests."""

from __future__ import annotations

from datetime import timedelta

from test_surges_outages import DAY, UNITS, burst, flagged, ids, scenario

PRINTERS = [
    ("Etikettskrivaren skriver inte", "Inga provetiketter kommer ut, skrivaren blinkar orange sedan lunch"),
    ("Armband skrivs inte ut", "ID-banden till nyinkomna patienter kommer inte ut ur maskinen"),
    ("Provetiketter kommer inte", "Beställde prover för tre patienter men ingen etikett kom"),
    ("Label printer not working", "The wristband and label printer on our corridor prints nothing at all"),
    ("Streckkodsetiketterna saknas", "Skrivaren tar emot jobben men matar inte ut några etiketter"),
]
PRINTER_QUESTIONS = [
    ("Hur byter jag etikettrulle", "Var i Cosmic väljer jag vilken etikettskrivare som är min?"),
    ("Skriva ut armband igen", "Hur skriver man ut ett nytt ID-band om det gamla blivit blött?"),
    ("Välja skrivare", "Kan jag ställa in så att etiketter alltid går till skrivaren i expeditionen?"),
]
FAULT = ("utskrift_hardvara", "fel")


def test_printer_faults_from_several_units_in_other_words_are_one_incident(memory_db, tmp_path):
    printers = burst("P", PRINTERS, 8, DAY + timedelta(hours=6), 130, UNITS[:5], labels=FAULT)
    assert flagged(memory_db, tmp_path, scenario("building_printers", 61, printers)) == [set(ids(printers))]


def test_questions_about_the_printers_are_no_incident(memory_db, tmp_path):
    questions = burst("Q", PRINTER_QUESTIONS, 8, DAY + timedelta(hours=6), 130, UNITS[:5],
                      labels=("utskrift_hardvara", "handhavande"))
    assert flagged(memory_db, tmp_path, scenario("printer_questions", 62, questions)) == []


def test_one_unit_s_printer_faults_are_no_incident(memory_db, tmp_path):
    """One unit's printer is one printer: its reports are a ticket for IT, not an incident (also at ten)."""
    printers = burst("P", PRINTERS, 10, DAY + timedelta(hours=6), 130, UNITS[:1], labels=FAULT)
    assert flagged(memory_db, tmp_path, scenario("one_printer", 63, printers)) == []
