"""English tickets meet their Swedish twins: English words are read as the Swedish words colleagues write."""

from __future__ import annotations

import re

from elsdesk.ml.english import glossary, in_swedish
from elsdesk.ml.text import stop_words
from elsdesk.topics.vectors import analyse


def test_every_entry_is_one_english_form_for_one_or_two_swedish_words():
    entries = glossary()
    assert len(entries) > 500
    for english, swedish in entries.items():
        assert re.fullmatch(r"[a-z][a-z']*", english), english
        assert 1 <= len(swedish) <= 2 and all(re.fullmatch(r"[a-zåäöé-]+", w) for w in swedish), (english, swedish)
        assert english not in swedish, english  # a word the same in both needs no entry


def test_swedish_words_pass_unchanged():
    # "permission" is a patient's leave from the ward in Swedish (a psychiatry tester's week read it as Behörighet)
    for word in ("skrivare", "signera", "dos", "journal", "patient", "lista", "för", "hand", "is", "man", "permission"):
        assert in_swedish(word) == (word,)
    assert not {"is", "for", "man", "hand", "list", "under", "bad"} & set(glossary())
    assert not set(glossary()) & stop_words()


def test_an_english_report_shares_its_terms_with_the_swedish_one():
    english = set(analyse("Wristband printer prints nothing"))
    swedish = set(analyse("Idbandsskrivaren ger ingen utskrift av idband"))
    assert english & swedish
    assert {"skriv", "etiket"} <= set(analyse("The label printer is empty")) & set(analyse("Etikettskrivaren: skrivare utan etiketter"))


def test_a_text_reads_each_word_as_in_swedish_reads_it_and_keeps_what_lies_between():
    from elsdesk.ml.text import fold, in_swedish_text

    text = "can't login, doesn't work!  it's t.ex. s.k. we'll see: printer (access) denied? journal 3"
    expected = re.sub(r"[^\W_]+", lambda m: fold(" ".join(in_swedish(m.group(0)))), text)
    assert in_swedish_text(text) == expected
    assert in_swedish_text("kan inte logga in i journalen, 08:15!") == "kan inte logga in i journalen, 08:15!"
    assert in_swedish_text("") == ""
