"""The import's per-row shortcuts give what the long way gives (issue 14: the import's CPU is per-row Python work).

An import masks each short text once (:func:`~elsdesk.masking.masking_remembered`: units, roles and titles repeat row
after row), :func:`~elsdesk.plain_text.printable` returns text without a control character as it is, and
:func:`~elsdesk.storage.search_text.compound_parts` looks only at long words. Each must give exactly what it gave
before: the stored desk may not change.
"""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import elsdesk.masking as masking
from elsdesk.masking import mask_fields, masking_remembered
from elsdesk.plain_text import _CONTROL, _CONTROL_AND_BREAKS, _BREAKING_CONTROLS, printable
from elsdesk.storage.search_text import MAX_COMPOUND, MIN_COMPOUND, WORD_RE, _tails, compound_parts

SHORT_TEXTS = ["pat Anna Testsson ringde", "avd 31", "ssk", "Dr Lisa Berg undrar", "Ring 070-123 45 67",
               "pnr 19121212-1212", "Anna Testsson", "Testsson", "Läkemedelslistan tom", "", None,
               "mail anna.test(at)region.se", "Kalle Karlsson [personnummer]"]
LONG_TEXTS = ["Anna Testsson undrar varför listan är tom. Testsson ringer igen i morgon, " * 2,
              "Det gäller pat. Olle Svensson och Lisa Berg; tel 08-123 45 67 efter lunch. " * 2]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SHORT_TEXTS), st.sampled_from(SHORT_TEXTS + LONG_TEXTS),
                          st.sampled_from(SHORT_TEXTS)), min_size=1, max_size=6))
def test_masking_each_short_text_once_gives_what_masking_each_time_gives(tickets):
    alone = [mask_fields(*fields) for fields in tickets]
    with masking_remembered():
        remembered = [mask_fields(*fields) for fields in tickets]
        again = [mask_fields(*fields) for fields in tickets]  # every short text now remembered
    assert remembered == alone
    assert again == alone


def test_a_name_in_a_remembered_title_is_masked_in_the_next_tickets_description_too():
    with masking_remembered():
        first = mask_fields("pat Anna Testsson ringde", "Anna Testsson undrar")
        second = mask_fields("pat Anna Testsson ringde", "Testsson ringer igen")
    assert first[1].text == "[namn] undrar"
    assert second[1].text == "[namn] ringer igen"
    assert second[0].counts == {"namn": 1} and second[1].counts == {"namn": 1}


def test_the_counts_a_caller_gets_are_its_own():
    with masking_remembered():
        mask_fields("Ring 070-123 45 67")[0].counts["telefon"] = 99
        assert mask_fields("Ring 070-123 45 67")[0].counts == {"telefon": 1}


def test_the_texts_are_let_go_when_the_import_ends():
    assert masking._remembered is None
    with masking_remembered():
        mask_fields("avd 31", "pnr 19121212-1212")
        with masking_remembered():  # an import inside another keeps the outer one's
            assert "avd 31" in masking._remembered
        assert "avd 31" in masking._remembered
    assert masking._remembered is None


def test_what_is_remembered_stays_bounded(monkeypatch):
    monkeypatch.setattr(masking, "_REMEMBERED_TEXTS", 5)
    with masking_remembered():
        for number in range(40):
            assert mask_fields(f"avd {number}")[0].text == f"avd {number}"
            assert len(masking._remembered) <= 5


def _printable_the_long_way(text: str, keep_newlines: bool = True) -> str:
    if keep_newlines:
        return _CONTROL.sub(lambda m: "\n" if m.group(0) in _BREAKING_CONTROLS else "", text)
    return _CONTROL_AND_BREAKS.sub(
        lambda m: " " if m.group(0) in "\t\n\r\u2028\u2029" + _BREAKING_CONTROLS else "", text)


def test_printable_gives_what_the_patterns_give_for_every_character():
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        text = f"a{char}b"
        assert printable(text) == _printable_the_long_way(text), hex(code)
        assert printable(text, keep_newlines=False) == _printable_the_long_way(text, False), hex(code)


def _compound_parts_the_long_way(*texts: str | None) -> str:
    parts: dict[str, None] = {}
    for text in texts:
        for word in WORD_RE.findall((text or "").lower()):
            if MIN_COMPOUND <= len(word) <= MAX_COMPOUND:
                parts.update(dict.fromkeys(_tails(word)))
    return " ".join(parts)


WORDISH = st.lists(st.sampled_from(list("abcdeåäöÉİß_-1 2.\n") + ["Läkemedelslistan", "x" * 70]), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), WORDISH), min_size=1, max_size=3))
def test_compound_parts_are_those_of_every_long_word(texts):
    assert compound_parts(*texts) == _compound_parts_the_long_way(*texts)


def test_compound_parts_of_a_ticket():
    texts = ("Läkemedelslistan tom", "Remissetiketter_saknas på läkemedelslistan. " + "y" * 65, None)
    assert compound_parts(*texts) == _compound_parts_the_long_way(*texts)
    assert re.search(r"\blistan\b", compound_parts(*texts))
