"""What an information-security tester got through the masking (2026-12-06), and what must stay as written.

Every name and number here is fake: test personal identity numbers and "Testsson". A mistyped number (its check
digit wrong) after a label is masked as the README promises; a birth date after its label ("född", "DOB") becomes
``[födelsedatum]``; a word for the patient or a relative before a known name announces it as a staff title does.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elsdesk.masking import PLACEHOLDER_RE, mask, mask_text


@pytest.mark.parametrize("text, masked", [
    # names after a word for the patient or a relative, a no-break space, "pat." glued to the name
    ("Patienten Anna Testsson har försvunnit från listan", "Patienten [namn] har försvunnit från listan"),
    ("patientens namn är Anna Testsson", "patientens namn är [namn]"),
    ("pat.Anna Testsson har fel födelsedatum", "pat.[namn] har fel födelsedatum"),
    ("pat\u00a0Anna Testsson", "pat\u00a0[namn]"),
    ("Pat:\u00a0Testsson, Anna", "Pat:\u00a0[namn]"),
    ("anhörig: Karl Testsson ringde", "anhörig: [namn] ringde"),
    ("dotter Eva Testsson vill ha kopia", "dotter [namn] vill ha kopia"),
    ("Brukare: Anna Testsson", "Brukare: [namn]"),
    ("vårdtagare Anna Testsson", "vårdtagare [namn]"),
    ("sonen Erik ringde", "sonen [namn] ringde"),
])
def test_a_name_after_a_word_for_the_patient_or_a_relative_is_masked(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", [
    "Patienten Översikten visar fel", "Patienten har fått fel dos", "Patienten Hans fru ringde", "son till pat",
    "dottern ringer om sin mammas medicin", "Klienten Cosmic startar inte", "Brukare Hemtjänst Norr",
    "Sjukhusets Anna-mall",
])
def test_a_word_for_the_patient_before_no_known_name_stays(text):
    assert mask(text) == text


@pytest.mark.parametrize("text, masked", [
    ("pnr är 19800101-2388", "pnr är [personnummer]"),
    ("personnumret var 800101-2388", "personnumret var [personnummer]"),
    ("personnummer till pat 800101-2388", "personnummer till pat [personnummer]"),
    ("pnr (19800101-2388)", "pnr ([personnummer])"),
    ("pnr: \u201d19800101-2388\u201d", "pnr: \u201d[personnummer]\u201d"),
    ("pnr -> 19800101-2388", "pnr -> [personnummer]"),
    ("pnr nr 19800101-2388", "pnr nr [personnummer]"),
    ("p-nr: 19800101-2387 / 19800101-2388", "p-nr: [personnummer] / [personnummer]"),
    ("pnr 19800101-2388 och 19800101-2389, 19800101-2390", "pnr [personnummer] och [personnummer], [personnummer]"),
    ("SSN: 450615-9873", "SSN: [personnummer]"),
    ("personal identity number 450615-9873", "personal identity number [personnummer]"),
    ("personummer 19800101-2388", "personummer [personnummer]"),
    ("personnumer 19800101-2388", "personnumer [personnummer]"),
])
def test_a_mistyped_number_after_a_label_and_its_filler_words_is_masked(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", ["pnr är okänt", "pnr saknas 2025-05-06", "pnr nr 12 saknas", "pnr var 12 st",
                                  "ordinerat 2025-05-06 till pat", "pnr (saknas)"])
def test_a_label_without_a_number_keeps_the_text(text):
    assert mask(text) == text


@pytest.mark.parametrize("text, masked", [
    ("Född 121212. födelsedatum 19121212.", "Född [födelsedatum]. födelsedatum [födelsedatum]."),
    ("f. 1912-12-12", "f. [födelsedatum]"),
    ("DOB 1980-01-01", "DOB [födelsedatum]"),
    ("date of birth 19800101", "date of birth [födelsedatum]"),
    ("född 1.2.1980 i Umeå", "född [födelsedatum] i Umeå"),
    ("född 19121212-1212", "född [personnummer]"),  # a whole personnummer stays one
])
def test_a_birth_date_after_its_label_is_masked(text, masked):
    result = mask_text(text)
    assert result.text == masked
    assert PLACEHOLDER_RE.sub("", result.text) == PLACEHOLDER_RE.sub("", masked)


@pytest.mark.parametrize("text", ["född 131313", "byggd 2026-11-23", "f. 32.1.2000", "version 2026-11-23",
                                  "f.d. avdelning 12"])
def test_no_real_date_or_no_birth_label_stays(text):
    assert mask(text) == text


@settings(max_examples=200)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
       st.sampled_from(["född", "Född:", "födelsedatum", "f.", "DOB", "date of birth"]),
       st.sampled_from(["%Y%m%d", "%y%m%d", "%Y-%m-%d", "%d.%m.%Y"]))
def test_any_birth_date_after_a_birth_label_is_masked(day, label, form):
    written = day.strftime(form)
    masked = mask(f"pat {label} {written} ringde")
    assert written not in masked and "[födelsedatum]" in masked, masked


@pytest.mark.parametrize("text, masked", [
    ("Testsson, Anna (800101-23 87)", "[namn] ([personnummer])"),  # the name beside the number too
    ("19800101-23\n87 ringde", "[personnummer] ringde"),
])
def test_a_personnummer_with_its_serial_split_in_two_is_masked(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", ["800101-23 88", "2026-11-23 14 20", "rum 12 34 56"])  # check digit wrong; a date
def test_digit_pairs_that_are_no_personnummer_stay(text):
    assert mask(text) == text


@pytest.mark.parametrize("text, masked", [
    ("ring 070-123\n45 67", "ring [telefon]"),
    ("tel 070\n123 45 67", "tel [telefon]"),
    ("skriv till anna.testsson@\nregiongranlunda.se", "skriv till [e-post]"),
    ("08-12 34 56\n7 patienter väntar", "[telefon]\n7 patienter väntar"),  # a count on the next line stays
])
def test_a_phone_number_or_address_broken_over_two_lines_is_masked(text, masked):
    assert mask(text) == masked


# A second privacy officer's findings (2026-12-06)
@pytest.mark.parametrize("text, masked", [
    ("pnr 1980-01-01 2387 ringde", "pnr [personnummer] ringde"),
    ("personnummer 1980.01.01 2387", "personnummer [personnummer]"),
    ("personnumret: 1980-01-01 2387", "personnumret: [personnummer]"),
    ("pnr 1912-12-12 1212", "pnr [personnummer]"),  # the test number: 12:12 is no time on a day in 1912
    ("pnr 1980-01-01", "pnr [personnummer]"),  # a day before the desk's time after "pnr" is a birth date
    ("Pat 1980-01-01 2387 i kassan", "Pat [personnummer] i kassan"),  # unlabelled: no time, and the Luhn digit holds
    ("pnr 19800101--2387", "pnr [personnummer]"),  # a double dash: the serial stayed after the birth date
])
def test_a_personnummer_written_with_its_birth_date_as_a_date_is_masked(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", ["pnr 2025-05-06 0800", "pnr 2026-03-08", "2026-11-23 1212", "2026-11-23 2387 st",
                                  "1980-01-01 2388 var det"])  # a time; a day at the desk; the check digit wrong
def test_a_date_and_a_time_after_pnr_or_alone_stay(text):
    assert mask(text) == text


@pytest.mark.parametrize("text, masked", [
    ("Vårdnadshavare Leila Testsson ringde", "Vårdnadshavare [namn] ringde"),
    ("Förälder: Leila Testsson", "Förälder: [namn]"),
    ("Pat heter Anna Testsson", "Pat heter [namn]"),
    ("Kontaktperson: Eva Andersson", "Kontaktperson: [namn]"),
    ("Mottagare: Anna Testsson", "Mottagare: [namn]"),
])
def test_a_name_after_a_guardian_a_contact_or_heter_is_masked(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", ["Mallen heter Inskrivning Akut", "Kontakt: IT-avdelningen", "Kontakt med Anna Testsson",
                                  "Mottagare: Ortopedmottagningen"])
def test_such_a_word_before_no_name_stays(text):
    assert mask(text) == text


@pytest.mark.parametrize("text, masked", [
    ("CPR-nr 150380-1235 ringde", "CPR-nr [personnummer] ringde"),
    ("fødselsnummer 15038012345", "fødselsnummer [personnummer]"),
    ("kennitala: 150380-1239", "kennitala: [personnummer]"),
    ("henkilötunnus 150380-123A", "henkilötunnus [personnummer]A"),  # the check letter alone names nobody
])
def test_a_nordic_neighbours_identity_number_after_its_label_is_masked(text, masked):
    """A privacy officer's Danish, Norwegian, Icelandic and Finnish patients kept their numbers (their day first:
    never a samordningsnummer)."""
    assert mask(text) == masked


@pytest.mark.parametrize("text", ["cpr-registret uppdateras i natt", "Kunde inte läsa CPR"])
def test_such_a_label_without_a_number_stays(text):
    assert mask(text) == text


def test_an_imports_messages_quote_no_identifier(memory_db, tmp_path):
    """A privacy officer's workbook had a first sheet named 'Dolt 19121212-1212': the import's note quoted it."""
    from openpyxl import Workbook

    from elsdesk.services.imports import import_tickets

    book = Workbook()
    book.active.title = "Dolt 19121212-1212"
    book.active.append(["Anteckningar"])
    sheet = book.create_sheet("Ärenden")
    sheet.append(["Ärendenr", "Skapad", "Rubrik", "Beskrivning"])
    sheet.append(["A-1", "2026-11-02 08:14", "Skrivaren strular", "Etiketterna blir tomma"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = import_tickets(memory_db, path, find_incidents=False)
    said = " ".join(text for _line, text in report.warnings + report.rejected)
    assert report.new == 1 and "bladet" in said
    assert "19121212" not in said and "[personnummer]" in said


@pytest.mark.parametrize("text", ["Pat: Inskriven på fel avdelning", "pat: Avliden igår, journalen låst", "Namn: Okänd",
                                  "Pat: Nyfödd utan pnr"])
def test_what_a_patient_is_after_pat_is_no_name(text):
    """A privacy officer's "Pat: Inskriven på fel avdelning" lost its useful word to "[namn]"."""
    assert mask(text) == text
