"""Free-text search that behaves the same on SQLite (FTS5) and PostgreSQL (tsvector).

Both engines index whole words, so a part of a Swedish compound ("lista" in
"Läkemedelslistan", "etikett" in "Remissetiketter") would not be found. At write time each
ticket gets ``search_parts``: the tails of its long words ("listan", "etiketter", ...), which
both engines index beside the text. A prefix query then finds a word's start *and* the start
of any part inside it, with the same result on both backends and no trigram index. Words longer
than any compound (:data:`MAX_COMPOUND` letters) get no parts.

Words are split on every character that is not a letter or digit (underscore included) before
indexing and querying, the rule FTS5's ``unicode61`` tokenizer follows, so PostgreSQL's parser
never keeps "karboplatin/paklitaxel" or "L40.0" as one token.

Search does not mind å, ä, ö (nor é, ü and their kin): a third of the tickets are written without them
("lakemedel", "sjukskoterska"), and a search typed either way finds both spellings. Both engines index
words without the marks on their letters (FTS5's ``remove_diacritics 2``; on PostgreSQL the same
letters are translated in the ``search_vector`` expression, :data:`MARKED_LETTERS`), and the words of
a query are looked up the same way (:func:`plain`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from elsdesk.lazy_regex import lazy_compile

WORD_RE = lazy_compile(r"[^\W_]+", re.UNICODE)
# a part starts at least this far into a word and is at least this long; shorter tails are endings
MIN_HEAD = 3
MIN_PART = 4
MIN_COMPOUND = MIN_HEAD + MIN_PART
# a longer "word" is no compound (a pasted hash, a run of one letter): its tails would grow with the
# square of its length (a 100,000-letter field meant gigabytes); it is still indexed whole
MAX_COMPOUND = 64
# the words of WORD_RE that can be compounds, found without listing the others (most words): a match starts only where
# a word does and ends where it does (the look-arounds), so a short word is not tried again from each of its letters
_COMPOUND_WORD_RE = lazy_compile(rf"(?<![^\W_])[^\W_]{{{MIN_COMPOUND},{MAX_COMPOUND}}}(?![^\W_])", re.UNICODE)
MAX_TICKET_NUMBER = 64  # the longest search text looked up as a ticket number
# the fewest digits a search of digits alone needs to be looked up as a number: one ("13" is ticket ELS-000013 on a
# go-live day, when a caller says "ärende 13"; a tester found nothing with 3); what the text holds is found beside it
MIN_NUMBER_DIGITS = 1
_DIGITS_RE = lazy_compile(r"[0-9]+")
# a ticket number typed with its prefix but without its zeros: "ELS-13", "els-0013", "INC13"
_PREFIXED_NUMBER_RE = lazy_compile(r"([A-Za-z]+)[-_]?([0-9]+)")


# what a letter with a mark is searched as ("läkemedel" as "lakemedel"): the letters FTS5's unicode61 tokenizer
# folds with remove_diacritics 2 that Swedish text meets (not "ø", which it keeps); PostgreSQL's index translates
# the same ones, capitals too (postgres_schema.PLAIN_SEARCH)
MARKED_LETTERS = ("åäáàâãöóòôõéèêëüúùûíìîïçñý", "aaaaaaoooooeeeeuuuuiiiicny")
_PLAIN = str.maketrans(*MARKED_LETTERS)


def plain(word: str) -> str:
    """*word* (in small letters) without the marks on its letters: "läkemedel" -> "lakemedel"."""
    return word.translate(_PLAIN)


def query_words(text: str | None) -> list[str]:
    """The words a user typed, lower-cased and without marks on their letters, in order, without repeats."""
    seen: dict[str, None] = {}
    for word in WORD_RE.findall((text or "").lower()):
        seen.setdefault(plain(word), None)
    return list(seen)


def ticket_number_forms(text: str | None) -> list[str]:
    """The ticket numbers a search may be ("DEMO-01049" typed as "demo-01049"): one word with a digit
    in it, as typed, in capitals and in small letters. The text index holds no ticket numbers, so a
    search looks these up beside it. Empty for anything else."""
    number = (text or "").strip()
    if not number or len(number) > MAX_TICKET_NUMBER or any(c.isspace() for c in number) \
            or not any(c.isdigit() for c in number):
        return []
    return list(dict.fromkeys((number, number.upper(), number.lower())))


def ticket_number_digits(text: str | None) -> str | None:
    """The number a search of digits alone may be the end of a ticket number: "1049" and "01049" both mean the
    ticket numbered "DEMO-01049" (or "ELS-001049", "INC1049"): the digits without their leading zeros, matched
    against the digits a ticket number ends in, also without theirs. The whole number must match, so "1049" is no
    "…-11049" and "49" (fewer than :data:`MIN_NUMBER_DIGITS` digits) looks up no number. None for anything else."""
    number = (text or "").strip()
    if not MIN_NUMBER_DIGITS <= len(number) <= MAX_TICKET_NUMBER or not _DIGITS_RE.fullmatch(number):
        return None
    return number.lstrip("0") or None  # "000" is no ticket's number


def ticket_number_prefixed(text: str | None) -> tuple[str, str] | None:
    """A ticket number typed as letters and digits: its letters in capitals and its digits without leading zeros
    (("ELS", "13") for "ELS-13", "els-0013" or "ELS13"), to be matched with a ticket number of those letters
    that ends in that number ("ELS-000013"). None for anything else."""
    match = _PREFIXED_NUMBER_RE.fullmatch((text or "").strip())
    if match is None or len(match.group(0)) > MAX_TICKET_NUMBER or not match.group(2).lstrip("0"):
        return None
    return match.group(1).upper(), match.group(2).lstrip("0")


def compound_parts(*texts: str | None) -> str:
    """The tails of every long word in *texts*, space-separated, each once."""
    words = chain.from_iterable(_COMPOUND_WORD_RE.findall(text.lower()) for text in texts if text)
    return " ".join(dict.fromkeys(chain.from_iterable(map(_tails, words))))


@lru_cache(maxsize=100_000)
def _tails(word: str) -> tuple[str, ...]:
    """A long word's tails (words recur across tickets: each is cut once); none for a number."""
    if word.isdigit():
        return ()
    return tuple(word[start:] for start in range(MIN_HEAD, len(word) - MIN_PART + 1))


def searchable(text: str | None) -> str:
    """Text with every non-letter, non-digit replaced by a space (what both engines tokenize)."""
    return " ".join(WORD_RE.findall(text or ""))


def fts5_query(text: str | None) -> str | None:
    """An FTS5 MATCH expression: every word must match as a prefix (of a word or a part)."""
    words = query_words(text)
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)


def tsquery(text: str | None) -> str | None:
    """A PostgreSQL ``to_tsquery('simple', …)`` expression with the same meaning as :func:`fts5_query`."""
    words = query_words(text)
    if not words:
        return None
    return " & ".join(f"'{word}':*" for word in words)
