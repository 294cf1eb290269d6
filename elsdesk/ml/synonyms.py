"""Words read as colleagues mean them: the Swedish word(s) a written word stands for.

Staff write one thing many ways: "stafettläkare", "hyrläkare" and "inhyrd läkare" are one kind
of doctor, "labbsvar" is a "provsvar", "LM" is "läkemedel". ``resources/synonyms_sv.txt``
(written for this project) maps such Swedish forms to one word, and an English word is first
read as its Swedish counterpart (:mod:`elsdesk.ml.english`). The topic finder and the
similar-tickets index compare tickets by these words, so that one problem written three ways is
one problem. (The classifier learns from its own features and does not use them.)
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from elsdesk.ml.english import GLOSSARY_FILE, in_swedish, word_map
from elsdesk.paths import resources_dir

SYNONYMS_FILE = "synonyms_sv.txt"


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Written Swedish form -> the word(s) it is read as."""
    return word_map(SYNONYMS_FILE)


@lru_cache(maxsize=1)
def lexicon_digest() -> str:
    """A short digest of the word lists words are read through (this file's and the English glossary):
    what an index built from read words keeps, so that it is built again when either list changes."""
    digest = hashlib.sha256()
    for name in (SYNONYMS_FILE, GLOSSARY_FILE):
        digest.update((resources_dir() / name).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=200_000)
def read_as(word: str) -> tuple[str, ...]:
    """The Swedish word(s) a lower-case *word* stands for: an English word's Swedish counterparts,
    a variant's common form, else the word itself."""
    table = synonyms()
    return tuple(meant for swedish in in_swedish(word) for meant in table.get(swedish, (swedish,)))
