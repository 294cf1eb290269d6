"""Review finding 3 (work done twice): the export quotes each example once and keeps both the quote
and the words it dropped (:func:`elsdesk.export.quotes.quote_of`), with the same output as quoting
for the keywords and again for the example."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import write_jsonl
from elsdesk import sign_offs
from elsdesk.export.quotes import dropped_words, quotable, quote_of
from elsdesk.masking import mask
from elsdesk.services.export import build_export, without_signature_keywords
from elsdesk.services.imports import import_tickets
from elsdesk.services.topics import weekly_topics

SIGNED = [
    ("Etiketterna hamnar i kö", "Etikettskrivaren skriver inte ut, etiketterna hamnar i kö.\nHälsningar Olle Berg, ssk avd 5"),
    ("Etikettskrivaren i kö", "Etiketterna fastnar i skrivarkön på avdelningen. Hälsningar Olle Berg"),
    ("Skrivarkö etiketter", "Inga etiketter kommer ut, allt står i kö i etikettskrivaren. Mvh Olle"),
    ("Etiketter skrivs inte ut", "Etikettskrivaren tar inte emot något, kön växer. /Olle Berg"),
]


@given(st.text(max_size=200))
def test_quote_of_is_quotable_and_dropped_words_in_one(text):
    quote = quote_of(text)
    assert quote.text == quotable(text) and set(quote.dropped) == dropped_words(text)


def test_a_signed_text_keeps_its_problem_and_drops_the_name():
    quote = quote_of("Etiketterna hamnar i kö. Hälsningar Olle Berg, ssk avd 5")
    assert quote.text == "Etiketterna hamnar i kö." and {"olle", "berg", "hälsningar"} <= quote.dropped


@pytest.fixture
def signed_week(memory_db, tmp_path):
    rows = [{"id": f"S-{n}", "created_at": f"2025-05-0{5 + n % 4}T09:{n:02d}:00", "title": title, "description": description,
             "module": "utskrift_hardvara", "kind": "fel"} for n, (title, description) in enumerate(SIGNED * 2)]
    assert not import_tickets(memory_db, write_jsonl(tmp_path / "signed.jsonl", rows)).rejected
    return memory_db


def test_build_export_quotes_each_example_once(signed_week, monkeypatch):
    weekly_topics(signed_week, "2025-W19")  # the week worked out first (its examples are chosen by what they quote)
    calls = []
    original = sign_offs.quotable
    monkeypatch.setattr(sign_offs, "quotable", lambda text: calls.append(text) or original(text))
    data = build_export(signed_week, "2025-W19")
    examples = sum(len(topic["examples"]) for topic in data.topics)
    assert examples and len(calls) == examples


def test_build_export_gives_what_quoting_twice_gave(signed_week):
    data = build_export(signed_week, "2025-W19")
    report = weekly_topics(signed_week, "2025-W19")
    for topic, exported in zip(report["topics"], data.topics, strict=True):
        twice = without_signature_keywords(topic)  # reads the examples' dropped words itself
        assert exported["keywords"] == twice["keywords"] and exported["label"] == mask(twice["label"])
        assert exported["examples"] == [{"id": e["id"], "title": mask(e["title"]),
                                         "description": mask(quotable(e["description"]))[:400]} for e in topic["examples"]]
    assert not any("olle" in str(k).casefold() for topic in data.topics for k in topic["keywords"])
    assert not any("Olle" in e["description"] for topic in data.topics for e in topic["examples"])
