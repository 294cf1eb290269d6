"""Topic names without places, units and ward numbers, and nothing else taken with them (a tester's
held-out week, 2026-W47): a unit's name was cut out of the middle of words ("skriva ut armband" with
unit IVA became "Skr ut armband"), "på 32:an" left ":an" behind, and the little word that ends a title
as written was dropped ("Går inte att logga in" became "Går inte att logga")."""

from __future__ import annotations

import pytest

from elsdesk.topics.names import _as_name, provisional_name


@pytest.mark.parametrize("title, places, name", [
    ("skriva ut armband", ["IVA"], "Skriva ut armband"),
    ("Skrivaren på IVA skriver inte ut armband", ["IVA"], "Skrivaren skriver inte ut armband"),
    ("Röntgensvar saknas", ["Röntgen"], "Röntgensvar saknas"),
    ("Akutens tavla visar fel", ["Akuten"], "Akutens tavla visar fel"),
    ("Okänd pat på akuten, hur skapar man reservnummer", ["akuten"], "Okänd pat, hur skapar man reservnummer"),
])
def test_a_unit_is_taken_out_as_a_whole_word_only(title, places, name):
    assert _as_name(title, places) == name


@pytest.mark.parametrize("title, name", [
    ("Ordinationsmall 'Höftfraktur postop' saknas på 32:an", "Ordinationsmall 'Höftfraktur postop' saknas"),
    ("Remiss till 7:an fastnar", "Remiss fastnar"),
    ("Provet tas var 4:e vecka", "Provet tas var 4:e vecka"),
])
def test_a_ward_called_by_its_number_goes_with_its_little_word(title, name):
    assert _as_name(title, []) == name


@pytest.mark.parametrize("title, name", [
    ("Går inte att logga in", "Går inte att logga in"),
    ("Kan inte logga in", "Kan inte logga in"),
    ("Hittar inte lathundarna som utbildningen pratade om", "Hittar inte lathundarna som utbildningen pratade om"),
    ("Vad ska man klicka på", "Vad ska man klicka på"),
    ("Kan inte skriva ut på avd 3", "Kan inte skriva ut"),
    ("Listan visar fel datum 6/5", "Listan visar fel datum"),
])
def test_a_little_word_goes_only_with_what_was_taken_out_after_it(title, name):
    assert _as_name(title, []) == name


@pytest.mark.parametrize("title, name", [
    ("Det tar lång tid att komma in på morgonen, efter kl 9 går det bra", "Det tar lång tid att komma in på morgonen,"
                                                                           " efter kl 9 går det bra"),
    ("Inloggning seg mellan kl. 07 och 08", "Inloggning seg mellan kl. 07 och 08"),
    ("Kallelserna skickas före kl 08:00 utan adress", "Kallelserna skickas före kl 08:00 utan adress"),
    ("Kan inte se 1177-meddelanden kl 08:00", "Kan inte se 1177-meddelanden"),  # the report's own time
])
def test_a_time_after_efter_kl_stays_in_the_name(title, name):
    """A topics tester's name read "… efter kl går det bra": the time after "kl" was taken out as a number."""
    assert _as_name(title, []) == name


def test_a_word_with_a_ring_or_dots_the_reference_texts_hold_is_no_slip_of_a_commoner_one():
    """A tester's week: "Kommer inte in, kortet läses inte" became "… kortet låses inte" (the card is not
    locked), and "Väggen" "Vägen": both words are in the reference texts, so neither is a slip."""
    from elsdesk.services.topics import _reference_texts
    from elsdesk.topics.names import week_spelling

    spelling = week_spelling(["Kortet låses", "kortet låses inte", "Kortet läses inte", "Väggen"], _reference_texts())
    assert spelling.spelled("Kommer inte in, kortet läses inte") == "Kommer inte in, kortet läses inte"
    assert spelling.spelled("Väggen på rummet") == "Väggen på rummet"
    assert spelling.spelled("teleofner bestaller syns nite") == "telefoner beställer syns inte", "slips still mended"


@pytest.mark.parametrize("title, name", [
    ("Pat. [namn] ringde om recept", "Pat. ringde om recept"),
    ("Fel på [personnummer] i kallelsen", "Fel på personnummer i kallelsen"),
    ("Ring [telefon] angående tidbok", "Ring telefonnummer angående tidbok"),
])
def test_what_masking_left_reads_as_a_word_and_a_name_as_nothing(title, name):
    """A tester's agenda named a proposal "Pat. [namn] ringde om recept"."""
    assert _as_name(title, []) == name


def test_a_title_cut_off_where_its_place_was_gives_way_to_another():
    """Region Bergslagen's printer topic was named "Kallelse utskrift hamnar" ("… hamnar på avd 5" without its ward)."""
    titles = ["Kallelse utskrift hamnar på avd 5", "Kallelser hamnar på fel skrivare"]
    assert provisional_name(titles, ["Avd 5"]) == "Kallelser hamnar på fel skrivare"
    assert provisional_name(["Remissen går till mott 4", "Remisser går till fel mottagning"], []) \
        == "Remisser går till fel mottagning"
    assert provisional_name(["Pat ligger kvar på avd 3"], []) == "Pat ligger kvar"  # not cut: "kvar" says where


@pytest.mark.parametrize("title, places", [
    ("ELS-stöd notering", []),              # an agent's note: a tester's junior doctors' topic was named so
    ("ELS notering", []),
    ("Ring fr ssk", []),
    ("Reuma dagv", ["Reumatologiska dagvården"]),   # a unit's words cut short
    ("Gastro dagv", ["Medicinsk dagvård gastro"]),
])
def test_a_title_of_desk_words_and_a_units_words_says_nothing(title, places):
    assert _as_name(title, places) is None


@pytest.mark.parametrize("title, places, name", [
    ("Notering vårdplan vikarie", [], "Notering vårdplan vikarie"),
    ("Tidbok reuma", ["Reumatologiska dagvården"], "Tidbok reuma"),
    ("Röntgen remiss", ["Röntgenavdelningen"], "Röntgen remiss"),
])
def test_a_title_that_says_more_than_the_desk_and_the_unit_stays(title, places, name):
    assert _as_name(title, places) == name


def test_a_group_named_by_an_agents_note_takes_the_next_title():
    titles = ["ELS-stöd notering", "AT-läkare kan inte ordinera", "ELS notering"]
    assert provisional_name(titles, ["ELS-desken"]) == "AT-läkare kan inte ordinera"
