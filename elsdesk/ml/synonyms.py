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
import re
from functools import lru_cache

from elsdesk.ml.english import GLOSSARY_FILE, in_swedish, word_map
from elsdesk.paths import resources_dir

SYNONYMS_FILE = "synonyms_sv.txt"
# how words are read besides the lists (:func:`particles_as_nouns`, :func:`derived_stem`): part of the digest, so
# an index built from read words is built again when this reading changes
READING_RULES = "particles-1 ering-1"
_PARTICLE_VERBS = re.compile(r"\b(?:logga|loggar|loggade|loggat|loggas|loggades)\s+(in|ut)\b")


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Written Swedish form -> the word(s) it is read as."""
    return word_map(SYNONYMS_FILE)


@lru_cache(maxsize=1)
def lexicon_digest() -> str:
    """A short digest of the word lists words are read through (this file's and the English glossary):
    what an index built from read words keeps, so that it is built again when either list changes."""
    digest = hashlib.sha256(READING_RULES.encode("ascii"))
    for name in (SYNONYMS_FILE, GLOSSARY_FILE):
        digest.update((resources_dir() / name).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=200_000)
def read_as(word: str) -> tuple[str, ...]:
    """The Swedish word(s) a lower-case *word* stands for: an English word's Swedish counterparts,
    a variant's common form, else the word itself."""
    table = synonyms()
    return tuple(meant for swedish in in_swedish(word) for meant in table.get(swedish, (swedish,)))


def particles_as_nouns(text: str) -> str:
    """Lower-case *text* with a particle verb written as its noun: "kan inte logga in" says "inloggning", as "seg
    inloggning" does (a training lead's slow morning login was three topics, "Trögt att logga in", "Seg inloggning"
    and "Inloggning hänger", and the largest of them read as gone the week after)."""
    if "logg" not in text:
        return text
    return _PARTICLE_VERBS.sub(lambda m: "inloggning" if m.group(1) == "in" else "utloggning", text)


def derived_stem(stemmed: str) -> str:
    """A stem of a noun made of an -era verb read as the verb's: "signering" as "signera", "vidimering" as
    "vidimera" (the stemmer keeps "signer" and "signering" apart)."""
    return stemmed[:-3] if stemmed.endswith("ering") and len(stemmed) > 7 else stemmed
