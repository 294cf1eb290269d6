"""The Swedish synonym lexicon (resources/synonyms_sv.txt) as a file and as what it does.

The lexicon joins the many ways staff write one thing ("sköterskan", "sjuksköterskan"; "labbremiss",
"provbeställning"; "tjänstekortet", "SITHS-kortet") so that the topic finder and the similar-tickets
index see one problem. A wrong line joins two problems, so its form is checked here, and so are
words that must never meet: printing ("utskrift") is no discharge ("utskrivning").
"""

import pytest

from elsdesk.ml.similarity import SimilarityIndex, similarity_features
from elsdesk.ml.synonyms import SYNONYMS_FILE, read_as, synonyms
from elsdesk.ml.text import stem
from elsdesk.paths import resources_dir
from elsdesk.topics.vectors import analyse

# Words for printing and words for a discharge: they look alike ("utskrift", "utskrivning") and mean
# two different problems (a printer, a patient going home).
PRINTING_PREFIXES = ("utskrift", "print", "skriv")
DISCHARGE_PREFIXES = ("utskrivning", "hemgång")

# Pairs that are different things in a Cosmic ticket however they are written, and must keep
# no stem in common.
MUST_STAY_APART = [
    ("utskrift", "utskrivning"),
    ("utskriften", "hemgången"),
    ("printat", "hemgång"),
    ("skrivaren", "utskrivningen"),
    ("idband", "labbetikett"),
    ("patientarmbandet", "etiketten"),
    ("ssk", "usk"),
    ("sköterskan", "läkaren"),
    ("labbremiss", "labbsvar"),
    ("provbeställning", "provresultat"),
    ("inlogg", "utloggning"),
    ("tjänstekortet", "lösenordet"),
    ("utdelning", "ordination"),
    ("inskr", "hemgång"),
]


def _entry_lines() -> list[str]:
    text = (resources_dir() / SYNONYMS_FILE).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _entries() -> list[tuple[str, list[str]]]:
    return [(written, meant.split()) for written, _, meant in (line.partition("\t") for line in _entry_lines())]


def _stems(word: str) -> set[str]:
    return {stem(meant) for meant in read_as(word)}


def test_every_entry_line_is_one_written_word_a_tab_and_one_or_two_lower_case_words():
    for line in _entry_lines():
        assert line.count("\t") == 1, line
        written, meant = line.split("\t")
        assert written.isalpha() and written == written.lower(), line
        assert 1 <= len(meant.split()) <= 2, line
        assert all(word.isalpha() and word == word.lower() for word in meant.split()), line


def test_every_entry_belongs_to_a_group_that_says_what_it_is():
    text = (resources_dir() / SYNONYMS_FILE).read_text(encoding="utf-8")
    for block in text.split("\n\n")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        assert lines[0].startswith("# ---"), lines[0]


def test_no_written_form_is_listed_twice_or_read_as_itself():
    written = [word for word, _ in _entries()]
    assert len(written) == len(set(written)) == len(synonyms())
    assert all(meant != [word] for word, meant in _entries())


def test_a_word_is_read_in_one_step_so_no_entry_reads_as_another_entry():
    table = synonyms()
    chained = [(word, meant) for word, meant in _entries() if any(m in table for m in meant)]
    assert chained == []


def test_printing_words_and_discharge_words_are_never_read_as_each_other():
    for word, meant in _entries():
        for reading in meant:
            assert not (word.startswith(PRINTING_PREFIXES) and reading.startswith(DISCHARGE_PREFIXES)), word
            assert not (word.startswith(DISCHARGE_PREFIXES) and reading.startswith(PRINTING_PREFIXES)), word


@pytest.mark.parametrize(("one", "other"), MUST_STAY_APART)
def test_different_things_keep_different_stems(one, other):
    assert not _stems(one) & _stems(other), (one, read_as(one), other, read_as(other))


def test_abbreviations_and_everyday_words_are_read_as_the_cosmic_word():
    assert read_as("sköterskan") == ("sjuksköterskan",)
    assert read_as("doktorn") == ("läkaren",)
    assert read_as("ssk") == read_as("nurse") == ("ssk",)  # a word the topic finder counts as saying nothing
    assert read_as("ordn") == ("ordination",)
    assert read_as("labbremissen") == ("provbeställningen",)
    assert read_as("tjänstekortet") == read_as("sithskortet") == ("siths", "kortet")
    assert read_as("idbandet") == ("armbandet",)
    assert read_as("wristband") == ("armband",)  # the glossary's "idband"
    assert read_as("hälsocentralen") == ("vårdcentralen",)


def test_two_tickets_about_one_problem_in_different_words_share_a_topic_stem():
    lab_order = analyse("Labbremissen går inte att skicka till kemlab")
    same_order = analyse("Provbeställning fastnar som ej skickad")
    assert stem("provbeställning") in set(lab_order) & set(same_order)

    card = analyse("Tjänstekortet nekas vid inloggning på morgonen")
    same_card = analyse("SITHS-kortet godkänns inte, inlogget avbryts")
    assert {stem("siths"), stem("inloggning")} <= set(card) & set(same_card)


def test_similar_tickets_meet_across_abbreviations_and_regional_words():
    assert stem("vårdadministratör") in similarity_features("Läkarsekreterare saknar behörighet")
    index = SimilarityIndex.build([
        (1, "2026-11-02T08:00:00", "Utdelningen går inte att signera", "Dosen ligger kvar som osignerad"),
        (2, "2026-11-02T09:00:00", "Tjänstekortet fungerar inte", "Kortläsaren blinkar rött"),
        (3, "2026-11-02T10:00:00", "Hälsocentralen saknas i listan", "Kan inte välja enhet"),
    ])
    assert [m.ticket_id for m in index.similar("Administreringen kan inte signeras", "", k=1)] == [1]
    assert [m.ticket_id for m in index.similar("SITHS-kortet läses inte", "", k=1)] == [2]
    assert [m.ticket_id for m in index.similar("Vårdcentralen finns inte", "", k=1)] == [3]
