"""English words in tickets, read as the Swedish words colleagues write for the same thing.

Locums and international staff write some tickets in English ("Wristband printer prints
nothing"); compared by Swedish stems they never meet their Swedish twins ("Armbandsskrivaren
skriver inte ut"). The glossary (``resources/glossary_en_sv.txt``, written for this project) maps
English word forms to Swedish words. It holds only words that are not Swedish words as well, so
Swedish text passes through unchanged.
"""

from __future__ import annotations

from functools import lru_cache

from elsdesk.paths import resources_dir

GLOSSARY_FILE = "glossary_en_sv.txt"


@lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """English word form -> the Swedish word(s) for it."""
    mapping: dict[str, tuple[str, ...]] = {}
    for line in (resources_dir() / GLOSSARY_FILE).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, swedish = line.partition("\t")
        if english.strip() and swedish.strip():
            mapping[english.strip().lower()] = tuple(swedish.lower().split())
    return mapping


def in_swedish(word: str) -> tuple[str, ...]:
    """The Swedish word(s) for a lower-case *word*: itself when it is no English word the glossary knows."""
    return glossary().get(word) or (word,)
