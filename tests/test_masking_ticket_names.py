"""A patient's name the masking knows from one place is masked in the rest of the ticket, and a name beside an
identity number is a name (a tester importing files as a new region would).

1. A name masked in one field ("pat Britta Tolvansson ...", in the title) stayed in the description ("Britta
   Tolvansson får fel ..."): elsdesk.masking.mask_fields masks a ticket's fields together, and the form, an import,
   a merged desk, a draft and the seed corpus use it.
2. A name right before or after a personnummer ("Britta Tolvansson 19121212-1212", "20121212-1212 Sigge Testsson")
   was stored: two or three capitalised name words, or one known given name or surname, beside the number are a name.

Each part lists what must stay as well: ordinary words, Cosmic terms and unit names beside a number, a given name
that is an everyday word ("Dag", "Hans") alone, a part of a longer word. Only made-up names (Testsson, Tolvansson)
and official test numbers (19121212-1212, 121212-1212, 191212121212, 20121212-1212, 19121272-1219).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from elsdesk.domain import Ticket
from elsdesk.masking import mask, mask_fields, mask_text


def _texts(*fields: str | None) -> list[str]:
    return [result.text for result in mask_fields(*fields)]


# -- 1: a name masked in one field is masked in the others -------------------------------------------------------------
def test_a_name_masked_in_the_title_is_masked_in_the_description_and_resolution():
    title, description, resolution = _texts(
        "pat Britta Tolvansson kan inte boka",
        "Britta Tolvansson (20121212-1212) får felmeddelande i 1177, nås på 070-765 43 21",
        "Ringt upp Britta Tolvansson, bokningen gjord")
    assert title == "pat [namn] kan inte boka"
    assert description == "[namn] ([personnummer]) får felmeddelande i 1177, nås på [telefon]"
    assert resolution == "Ringt upp [namn], bokningen gjord"


def test_the_given_name_or_the_surname_alone_is_masked_where_it_stands_capitalised():
    title, description = _texts("Pat. Sigge Testsson saknar remissvar",
                                "Sigge ringde i morse. Testssons dotter ringde också, Testsson vill ha svar idag")
    assert title == "Pat. [namn] saknar remissvar"
    assert description == "[namn] ringde i morse. [namn] dotter ringde också, [namn] vill ha svar idag"


def test_the_whole_name_is_found_in_any_case_and_spacing():
    _title, description = _texts("Namn: tolvan testsson", "TOLVAN  TESTSSON har fel adress i Cosmic")
    assert description == "[namn] har fel adress i Cosmic"


def test_a_name_from_a_staff_title_is_masked_in_the_other_fields_too():
    title, description = _texts("Ssk Maja Tolvansson ringde", "Maja Tolvansson kan inte signera")
    assert (title, description) == ("Ssk [namn] ringde", "[namn] kan inte signera")


def test_a_name_found_beside_a_number_is_masked_in_the_other_fields():
    title, description, resolution = _texts("Tolvan Tolvansson 19121212-1212 har fel dos",
                                            "Tolvansson säger att dosen ändrats",
                                            "Tolvan Tolvansson informerad")
    assert title == "[namn] [personnummer] har fel dos"
    assert description == "[namn] säger att dosen ändrats"
    assert resolution == "[namn] informerad"


def test_a_name_is_masked_again_further_on_in_the_same_text():
    result = mask_text("pat Gösta Tolvansson ringde. Gösta Tolvansson vill ha en ny tid")
    assert result.text == "pat [namn] ringde. [namn] vill ha en ny tid"
    assert result.counts == {"namn": 2}


def test_the_counts_tell_the_names_masked_in_each_field():
    title, description, resolution = mask_fields("pt Greta Testsson ringde", "Greta Testsson undrar", "Ingen åtgärd")
    assert title.counts == {"namn": 1} and description.counts == {"namn": 1} and resolution.counts == {}
    assert resolution.text == "Ingen åtgärd"


@pytest.mark.parametrize("title, other, kept", [
    # a given name that is an everyday word too stays alone ("Dag 2 efter op"), the whole name does not
    ("pat Dag Testsson ringde", "Dag 2 efter op saknas ordinationen. Dag Testsson ringer igen",
     "Dag 2 efter op saknas ordinationen. [namn] ringer igen"),
    ("pat Hans Tolvansson ringde", "Hans fru ringde om Hans Tolvansson", "Hans fru ringde om [namn]"),
    # only whole words: a longer word that starts with the name stays
    ("pat Britta Testsson", "Brittagården ringde om Testssonska rummet", "Brittagården ringde om Testssonska rummet"),
    # a name word in small letters is a word ("berg") and stays; capitalised it is the name
    ("pat Lisa Berg ringde", "ingen berg- och dalbana här, Berg ringer i morgon",
     "ingen berg- och dalbana här, [namn] ringer i morgon"),
    # a Cosmic term or a unit in the other field stays
    ("pat Anna Testsson", "Översikten visar Akuten och Läkemedelslistan",
     "Översikten visar Akuten och Läkemedelslistan"),
])
def test_only_the_name_and_its_safe_parts_are_masked_elsewhere(title, other, kept):
    assert _texts(title, other)[1] == kept


def test_a_one_word_name_that_is_no_known_name_is_masked_elsewhere_only_after_a_label():
    # "Tolvan" is no listed given name: found beside a number (no label) it is masked as part of the whole name only
    assert _texts("Tolvan Tolvansson 19121212-1212", "Tolvan ringer")[1] == "Tolvan ringer"
    # a label announced it: "Tolvan" alone is the name too
    assert _texts("pat Tolvan Tolvansson", "Tolvan ringer")[1] == "[namn] ringer"


def test_a_ticket_remembers_nothing_of_the_one_before():
    mask_fields("pat Britta Tolvansson", "Britta Tolvansson ringde")
    assert mask("Britta Tolvansson ringde") == "Britta Tolvansson ringde"


def test_none_and_empty_fields_give_empty_texts():
    assert _texts(None, "", "pat Sigge Testsson") == ["", "", "pat [namn]"]


# -- 2: a name beside an identity number ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, masked", [
    ("Britta Tolvansson 19121212-1212 kommer inte in i 1177", "[namn] [personnummer] kommer inte in i 1177"),
    ("Britta Tolvansson (121212-1212) fick fel kallelse", "[namn] ([personnummer]) fick fel kallelse"),
    ("Britta Tolvansson, 121212-1212", "[namn], [personnummer]"),
    ("20121212-1212 Sigge Testsson står på fel avdelning", "[personnummer] [namn] står på fel avdelning"),
    ("Anna-Lena af Testsson 191212121212 saknas i listan", "[namn] [personnummer] saknas i listan"),
    ("Tolvan Tolvansson pnr: 19121212-1212", "[namn] pnr: [personnummer]"),
    ("Tolvan Tolvansson, personnummer 19121212-1212", "[namn], personnummer [personnummer]"),
    ("Sigrid Testsson (pnr 121212-1212)", "[namn] (pnr [personnummer])"),
    ("Sigrid Testsson samordningsnr 19121272-1219", "[namn] samordningsnr [samordningsnummer]"),
    ("Sigrid Testsson reservnr 991212-1234", "[namn] reservnr [reservnummer]"),
    ("Testsson, Britta 121212-1212", "[namn] [personnummer]"),           # a banner's surname first
    ("19121212-1212 Testsson, Britta ringde", "[personnummer] [namn] ringde"),
    ("Tolvansson 19121212-1212 ringde", "[namn] [personnummer] ringde"),  # one word: a known surname
    ("Hans Tolvansson 19121212-1212", "[namn] [personnummer]"),          # "Hans" before a name is a name
    ("ringde om Zeynep Ayla Testsson 19121212-1212", "ringde om [namn] [personnummer]"),
    # a word that starts the sentence before three name words is a word, unless it is a known name
    ("Kontrollera Britta Maja Tolvansson 19121212-1212", "Kontrollera [namn] [personnummer]"),
    ("Gäller Tolvan Tolvansson 19121212-1212", "Gäller [namn] [personnummer]"),
    ("19121212-1212 Tolvan Tolvansson, 20121212-1212 Sigge Testsson", "[personnummer] [namn], [personnummer] [namn]"),
])
def test_a_name_beside_an_identity_number_is_masked(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text, masked", [
    ("Provsvar 19121212-1212 saknas", "Provsvar [personnummer] saknas"),
    ("Läkemedelslistan 19121212-1212 visar dubbla rader", "Läkemedelslistan [personnummer] visar dubbla rader"),
    ("Cosmic 19121212-1212 låser sig", "Cosmic [personnummer] låser sig"),
    ("Cosmic Link 19121212-1212", "Cosmic Link [personnummer]"),
    ("Avd 12 ringde om 19121212-1212", "Avd 12 ringde om [personnummer]"),
    ("Vårdcentralen Fjällmark 19121212-1212", "Vårdcentralen Fjällmark [personnummer]"),
    ("Hälsocentralen Sjöbygd 19121212-1212", "Hälsocentralen Sjöbygd [personnummer]"),
    ("Ortopeden 19121212-1212", "Ortopeden [personnummer]"),
    ("Ny Patient 19121212-1212", "Ny Patient [personnummer]"),
    ("Inskrivning 19121212-1212 Journalen", "Inskrivning [personnummer] Journalen"),
    ("Hans 19121212-1212 har fel", "Hans [personnummer] har fel"),           # a function word alone
    ("Fjällmark 19121212-1212", "Fjällmark [personnummer]"),               # one word that is no known name
    ("19121212-1212 Hans fru ringde", "[personnummer] Hans fru ringde"),
    ("pnr 19121212-1212. Översikten visar fel", "pnr [personnummer]. Översikten visar fel"),
    ("Britta Tolvansson 070-765 43 21", "Britta Tolvansson [telefon]"),    # a phone number is no identity number
    ("Britta Tolvansson ordernr 1912121212", "Britta Tolvansson ordernr 1912121212"),
])
def test_ordinary_words_beside_an_identity_number_stay(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", [
    "Tolvan Tolvansson har fel dos",                 # no number, no label: a known limit
    "Gunnel Andersson på sal 4 fick fel mat",
    "Avd 12 ringde",
    "Version 12 av Cosmic",
])
def test_without_a_number_or_a_label_a_name_is_not_looked_for(text):
    assert mask(text) == text


def test_a_name_beside_a_number_masked_before_is_masked_when_masked_again():
    # a desk of an older version stored the number masked and the name as written; merging it masks the name
    assert mask_text("Britta Tolvansson ([personnummer]) ringde").text == "[namn] ([personnummer]) ringde"


# -- every path that stores a ticket ----------------------------------------------------------------------------------
def test_logging_a_ticket_masks_the_name_in_every_field(memory_db):
    from elsdesk.services.tickets import log_ticket

    stored, summary = log_ticket(memory_db, Ticket(
        title="pat Sigge Tolvansson kommer inte in", description="Sigge Tolvansson har fått nytt SITHS-kort",
        resolution="Sigge Tolvansson fick en ny PIN", created_at="2025-04-28T10:00:00"))
    assert (stored.title, stored.description, stored.resolution) == (
        "pat [namn] kommer inte in", "[namn] har fått nytt SITHS-kort", "[namn] fick en ny PIN")
    assert summary.counts == {"namn": 3} and stored.masked_count == 3


def test_importing_a_file_masks_the_name_in_every_field(memory_db, tmp_path):
    from conftest import write_jsonl
    from elsdesk.services.imports import import_tickets
    from elsdesk.storage import TicketRepository

    path = write_jsonl(tmp_path / "region.jsonl", [{
        "id": "R-1", "created_at": "2025-04-28", "title": "pat Britta Testsson ringde",
        "description": "Britta Testsson (19121212-1212) undrar varför hennes tid är borttagen, mobil 070-1234567",
        "resolution": "Testsson har fått ny tid"}])
    report = import_tickets(memory_db, path)
    ticket = TicketRepository(memory_db).get_by_external_id("R-1")
    assert ticket.title == "pat [namn] ringde"
    assert ticket.description == "[namn] ([personnummer]) undrar varför hennes tid är borttagen, mobil [telefon]"
    assert ticket.resolution == "[namn] har fått ny tid"
    assert report.masked == 5


def test_a_draft_masks_the_name_in_every_field():
    from elsdesk.drafts import load_draft, save_draft

    save_draft({"title": "pt Greta Tolvansson", "description": "Greta Tolvansson ringde", "unit": "Avd 12"})
    draft = load_draft()
    assert (draft["title"], draft["description"], draft["unit"]) == ("pt [namn]", "[namn] ringde", "Avd 12")


# -- masking twice changes nothing ------------------------------------------------------------------------------------
_WORDS = ["Britta", "Tolvansson", "Testsson,", "Hans", "Dag", "von", "pat", "Pat.", "Namn:", "ssk", "Kontrollera",
          "Provsvar", "Journalen", "Avd", "12", "(", ")", ",", ".", "\n", "19121212-1212", "121212-1212", "pnr",
          "reservnr", "991212-1234", "[personnummer]", "ringde", "och", "Cosmic", "Anna-Lena", "TESTSSON", "Lund"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join), min_size=1, max_size=3))
def test_masking_a_tickets_fields_twice_changes_nothing(fields):
    once = _texts(*fields)
    assert _texts(*once) == once
    for text in once:
        assert mask(text) == text
