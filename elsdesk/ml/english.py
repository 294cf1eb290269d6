"""English words in tickets, read as the Swedish words colleagues write for the same thing.

Locums and international staff write some tickets in English ("Wristband printer prints
nothing"); compared by Swedish stems they never meet their Swedish twins ("Armbandsskrivaren
skriver inte ut"). The glossary (``resources/glossary_en_sv.txt``, written for this project) maps
English word forms to Swedish words. It holds only words that are not Swedish words as well, so
Swedish text passes through unchanged.

Words are split at apostrophes, so an English contraction falls apart: "doesn't" is "doesn" and
"t", "we'll" is "we" and "ll". Those pieces are no words of their own: the first reads as the
Swedish stop word for it ("doesn": "inte", as "doesnt" does in the glossary) and the ending as
nothing, so neither ever becomes a topic keyword or joins tickets.
"""

from __future__ import annotations

from functools import lru_cache

from elsdesk.paths import resources_dir

GLOSSARY_FILE = "glossary_en_sv.txt"
# What is left before the apostrophe of an English contraction ("doesn't", "won't", "can't"), read
# as the Swedish (stop) word for it; "don" and "haven" are Swedish words too, but rare in tickets.
CONTRACTION_STEMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ain", "aren", "couldn", "didn", "doesn", "don", "hadn", "hasn", "haven", "isn", "mightn",
                     "mustn", "needn", "shan", "shouldn", "wasn", "weren", "won", "wouldn"), ("inte",)),
    "can": ("kan",),
}
# What is left after the apostrophe ("it's", "can't", "we'll", "I've", "you're", "I'd", "I'm"): no word at all.
CONTRACTION_ENDINGS = frozenset(("t", "s", "ll", "ve", "re", "d", "m"))


def word_map(file_name: str) -> dict[str, tuple[str, ...]]:
    """A resources file of ``written form<TAB>word(s)`` lines (``#`` comments) as written form -> words, lower case."""
    mapping: dict[str, tuple[str, ...]] = {}
    for line in (resources_dir() / file_name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, _, meant = line.partition("\t")
        if written.strip() and meant.strip():
            mapping[written.strip().lower()] = tuple(meant.lower().split())
    return mapping


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """English word form -> the Swedish word(s) for it."""
    return word_map(GLOSSARY_FILE)


def in_swedish(word: str) -> tuple[str, ...]:
    """The Swedish word(s) for a lower-case *word*: itself when it is no English word the glossary
    knows; a Swedish stop word for the first piece of a contraction ("doesn": "inte"), nothing for
    its ending ("t", "ll")."""
    if word in CONTRACTION_ENDINGS:
        return ()
    return CONTRACTION_STEMS.get(word) or glossary().get(word) or (word,)
