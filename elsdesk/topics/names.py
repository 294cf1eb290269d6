"""Topic names and keywords a training lead can print: spelled as colleagues spell them, one name
for one topic in a week.

A proposal is named after one of its most typical titles (:func:`provisional_name`), or by its key
words when no title says anything (:func:`label_from_keywords`). Titles are typed in a hurry: "Skikca
sjukintyg till FK", "kan inte hitta var man bestaller prover" (no å, ä or ö). :class:`Spelling` knows
how often each word is written in the texts the finder reads (the week's tickets and the reference
corpus) and gives a word's commonest spelling: a word without å/ä/ö whose lettered form is written
far more often ("bestaller": "beställer"), or a rare word one slip of a finger from a common one
("skikca": "skicka", a swapped, missing, doubled or wrong letter). An ending is never changed that
way ("skickas" is no slip for "skickad"). A name's and a keyword's words are spelled that way.

Two proposals of one week with the same name (one problem the model put under two modules) are told
apart by :func:`distinct_labels`: the smaller one says its module.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

from elsdesk.masking import PLACEHOLDER_RE
from elsdesk.ml.english import glossary
from elsdesk.ml.text import fold, stem, stop_words
from elsdesk.sign_offs import quotable, without_greeting
from elsdesk.taxonomy import load_taxonomy
from elsdesk.topics.desk_frames import without_desk_frame
from elsdesk.topics.pasted_errors import without_pasted_errors
from elsdesk.topics.vectors import NUMBERED_WORD, WORD_RE, analyse

__all__ = ["NAME_MAX", "Spelling", "distinct_labels", "label_from_keywords", "provisional_name", "week_spelling"]

NAME_MAX = 70
# Counts are of the texts other than the one named: a title's own words count once less.
FOLDED_RATIO = 3  # "bestaller" is "beställer" when that is written this many times as often ("satt"/"sätt": 15/31 stays)
FOLDED_MIN_SEEN = 2  # texts that must hold the å/ä/ö form
SLIP_RATIO = 5    # a slip ("skikca") is this many times rarer than the word it is one edit from
SLIP_MIN_SEEN = 3  # texts that must hold a word before another is read as a slip of it
SLIP_MIN_LENGTH = 5  # shorter words have too many real neighbours ("mall", "mail")
SWAP_MIN_LENGTH = 4  # a shorter word two swapped letters from a little word may be an abbreviation ("mo", "ohc")
SPELLING_SAMPLE = 2000  # of a big week's texts, counted evenly spread (as many as the reference holds, about)
CAPITALS_MAX = 6  # letters of a word that may be an abbreviation written in capitals ("NEWS", "SITHS")
CAPITALS_SHARE = 3  # ... written so in at least one of this many texts that hold it
LETTERED_START = 6  # letters a word typed without å, ä and ö shares with the start of one written with them, at least
ENDING = 2  # letters at a word's end an edit may not touch: an inflection, no slip ("skickas", "skickad")
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")

_MAIL_PREFIX_RE = re.compile(r"^\s*((re|sv|vb|fw|fwd|ang)\s*:\s*)+", re.IGNORECASE)
# the little word before a unit or a place goes with it ("Skrivaren på avd 12 skriver inte ut" was named
# "Skrivaren på skriver inte ut"; a tester)
_BEFORE_PLACE = r"(?:\b(?i:på|i|vid|hos|från|till|för)\s+)?"
_UNIT_RE = re.compile(_BEFORE_PLACE + r"\b(avd(elning)?|vc|hc|mott(agning)?|enhet|sal|rum|säng|plats)\.?\s*\d+\w*",
                      re.IGNORECASE)
# a named place: "Hc Björkudden", "vårdcentralen Åsen", "Forsby lasarett", "Älvdals sjukhus"
_PLACE_RE = re.compile(_BEFORE_PLACE + r"(?:\b(?i:hc|vc|vårdcentral(?:en)?|hälsocentral(?:en)?)\.?\s+[A-ZÅÄÖ][\w-]+"
                       r"|\b[A-ZÅÄÖ][\w-]+\s+(?i:lasarett|sjukhus|sjukhuset|vårdcentral)\b)")
# a number that names no problem: a room, bed or count ("sal 3"), a date or time ("6/5", "08:00"); a term with
# letters in it ("O2", "NEWS2", "HbA1c"), a longer number ("1177", "FK 7804"), an ordinal ("var 4:e vecka") and
# an amount of time, drug, money or things ("om 6 mån", "5 mg", "tar 30 sek", "300 kr", "3 st") stay in the name
_NUMBER_RE = re.compile(r"(?<![\w-])(?:\d+(?:[.:/-]\d+)+|\d{1,3}(?:,\d+)?)(?![\w-])(?!,\d)(?!:[ae]\b)"
                        r"(?!\s*(?i:mån|vecko|veckor|dag|dygn|timm|tim\b|min\b|minuter|sek\b|sekunder|s\b|år\b"
                        r"|mg\b|ml\b|mmol|ie\b|e\b|ggr|gånger|st\b|stycken|%|procent|kr\b|kronor|sidor|rader))")
# the number of a treatment's day or cycle is part of what the report is about ("dag 8 visas ej", "kur 3"): the
# finder reads the two as one term (vectors.NUMBERED_WORD)
_NUMBERED_BEFORE_RE = re.compile(NUMBERED_WORD + r"\s?$", re.IGNORECASE)
# a time after "efter kl", "mellan kl" … is what the sentence says ("efter kl 9 går det bra" lost its 9 and read "efter
# kl går det bra"); a report's own time stays out ("Kan inte se 1177-meddelanden kl 08:00")
_CLOCK_BEFORE_RE = re.compile(r"(?<![\w-])(?:efter|före|innan|mellan|från|fr\.?o\.?m\.?|till|sedan|sen|runt|kring|omkring"
                              r"|vid|ca|cirka)\s+(?:kl\.?|klockan)\s?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:och|till|–|-)\s*)?$",
                              re.IGNORECASE)
# a ward called by its number ("på 32:an", "till 7:an"), with the little word before it; "var 4:e vecka" stays
_WARD_RE = re.compile(_BEFORE_PLACE + r"(?<![\w-])\d{1,3}:(?:an|en|ans|ens|orna|or)\b", re.IGNORECASE)
# a masked identifier in a name, as a training lead reads it (a person's name is left out)
_MASKED_AS = {"[personnummer]": "personnummer", "[samordningsnummer]": "samordningsnummer",
              "[reservnummer]": "reservnummer", "[telefon]": "telefonnummer", "[e-post]": "e-post", "[namn]": "",
              "[födelsedatum]": "födelsedatum"}
_GAP = "\x00"  # where _as_name took a place, unit or number out (closed up by _closed_up)
_TRAILING_RE = re.compile(r"[\s?!.:;,/–-]+$")
_LEADING_RE = re.compile(r"^[\s.:;,/–-]+")  # what a place or number left before the words ("Vc Ängen - inga webbtider")
# a follow-up that points back at an earlier ticket says nothing of the problem ("samma som förra veckan")
_FOLLOW_UP_RE = re.compile(r"(?i)\b(?:samma (?:som|problem|sak|fel)|som (?:förra|forra|sist|igår|i går|tidigare)"
                           r"|same (?:as|problem|issue)|as before)\b")
# a word that says the report came before, at a name's start or end: "Väntetid fel på tavlan igen" was a first week's
# topic; "igen" that belongs to "känna igen" stays ("Kortet känns inte igen")
_AGAIN_RE = re.compile(r"(?i)^(?:fortfarande|återigen|still|again),?\s+"
                       r"|(?<!\bkänner)(?<!\bkänns)(?<!\bkände)(?<!\bkänner inte)(?<!\bkänns inte)(?<!\bkände inte)"
                       r",?\s+(?:igen|återigen|fortfarande|på nytt|again|still)$")
_DANGLING = frozenset(("på", "i", "för", "till", "vid", "hos", "från", "med", "och", "av", "om", "in", "at", "on", "kl"))
# verbs that say where something goes or ends up: a title that ended with the place after one says nothing without it
_WHERE_TO_VERBS = frozenset(("hamnar", "hamnade", "landar", "landade", "går", "gick", "skickas", "skickades", "flyttas",
                             "flyttades", "kommer", "kom", "åker", "lands", "goes", "ends", "went"))
# a title that opens so reads as a question without its "?"; one that does not ("Remissen skickad?") is a question by
# its mark only, and without it a statement: a tester's new topic "Inskrivningsmeddelandet skickat" read as a status
# while eight of its nine tickets asked how to send it
_QUESTION_STARTS = frozenset(("hur", "var", "vad", "vilken", "vilket", "vilka", "varför", "när", "vem", "vems", "vart",
                              "varifrån", "kan", "går", "ska", "skall", "får", "måste", "bör", "finns", "är", "har",
                              "blir", "gör", "fungerar", "funkar", "hittar", "behöver", "how", "where", "what", "why",
                              "when", "who", "which", "can", "is", "are", "do", "does", "should"))
_PARTICIPLE_ENDINGS = ("at", "ad", "ade", "ats", "it", "tt", "dd", "rd", "ld", "nd", "st", "et")
_DANGLING_BEFORE_PAUSE_RE = re.compile(r"\s+(?:på|i|till|vid|hos|från|kl)(?=[,;:])", re.IGNORECASE)

_ENGLISH_WORDS = frozenset((
    "the", "a", "an", "is", "are", "my", "our", "can", "cant", "cannot", "not", "doesnt", "dont", "how", "when", "what",
    "why", "with", "in", "on", "of", "to", "from", "for", "after", "before", "no", "nothing", "does", "do", "i", "we",
    "it", "this", "there", "wrong", "missing", "shows", "show", "find", "please", "help", "still", "again",
    "completely", "totally", "everything", "nothing", "anything", "working", "works", "since", "been", "all",
    "workstation", "workstations", "computer", "computers", "any", "just", "only", "won't", "isn't", "doesn't"))


class Spelling:
    """How many texts hold each (case-folded) word, and from that a word's commonest spelling."""

    def __init__(self, seen: Counter, reference: "Spelling | None" = None, added=None,
                 capitals: Counter | None = None, pairs: Counter | None = None, texts=None):
        self.seen = seen  # the reference's counts included
        self.capitals = capitals if capitals is not None else Counter()  # texts writing a short word in capitals
        # (word, next word) -> texts holding it, own texts only: given, or counted from *texts* when first asked (:attr:`pairs`)
        self._pairs = pairs if pairs is not None else None if texts is not None else Counter()
        self._texts = texts
        self._most_before: dict[str, tuple[int, str]] | None = None  # word -> (texts, the word it most often follows)
        # The reference's look-up tables are built once and shared; this one's hold only what the
        # words *added* to the reference's counts change.
        self.reference = reference
        self.added = set(seen if added is None else added)
        self._by_folded: dict[str, list[str]] | None = None
        self._commonest: dict[str, str] = {}  # a week's topics share many words
        self._common: set[str] | None = None
        self._lettered: set[str] | None = None
        self._near: dict[str, list[str]] | None = None
        self._by_start: dict[str, list[str]] | None = None

    @classmethod
    def of(cls, texts, reference: "Spelling | None" = None) -> "Spelling":
        """The words of *texts* (each text counts a word once), added to those of *reference*."""
        texts = list(texts)
        added, capitals = Counter(), Counter()
        for text in texts:
            written = WORD_RE.findall(text or "")
            added.update(set(_folded_words(text or "", written)))
            capitals.update({w.casefold() for w in written if len(w) <= CAPITALS_MAX and w.isupper()})
        return cls(reference.seen + added if reference else added, reference, added,
                   reference.capitals + capitals if reference else capitals, texts=texts)

    @property
    def pairs(self) -> Counter:
        """(word, next word) -> how many of the texts hold it (the reference's not included). Counted when first
        asked: only a name's word typed without å, ä and ö asks (:meth:`_said_so_after`), and most weeks none does,
        while counting the pairs of a week's texts was a sixth of learning its spelling."""
        if self._pairs is None:
            self._pairs = _pair_counts(self._texts)
        return self._pairs

    def pair_count(self, word: str, after: str) -> int:
        """How many texts (the reference's included) write *after* right after *word* (both case-folded)."""
        own = self.pairs.get((word, after), 0)
        return own + self.reference.pair_count(word, after) if self.reference is not None else own

    def commonest(self, word: str) -> str:
        """The commonest spelling of a case-folded *word*: the word itself unless its å/ä/ö form is
        written :data:`FOLDED_RATIO` times as often, or it is a rare slip of a common word."""
        if word not in self._commonest:
            self._commonest[word] = self._looked_up(word) if word.isalpha() else word
        return self._commonest[word]

    def _looked_up(self, word: str) -> str:
        others = max(self.seen.get(word, 0) - 1, 0)  # the texts that hold it besides the one it is taken from
        folded = fold(word)
        if folded == word:  # typed without å, ä and ö
            forms = self._forms(folded)
            lettered = self._best(forms, max(FOLDED_MIN_SEEN, FOLDED_RATIO * others), exclude=word)
            if lettered:
                return lettered
            restored = self._lettered_start(word, max(FOLDED_MIN_SEEN, FOLDED_RATIO * others))
            if restored:
                return restored
            if any(form != word for form in forms) or stem(word) in self._lettered_stems():
                return word  # a word of its own written without its ö ("dölja", "döljer"), no slip of "följa"
        if self._in_capitals(word, least=1, share=2):
            return word  # an abbreviation most of its texts write in capitals, once is enough ("MADRS över tid"), is no
            # slip of a word ("mars")
        needed = max(SLIP_MIN_SEEN, SLIP_RATIO * others)
        if len(word) < SLIP_MIN_LENGTH:
            return self._swapped_little_word(word, needed) or word
        lettered = folded != word  # typed with å, ä or ö: the letters were meant ("våning" is no slip of "varning")
        if lettered and self.reference is not None and word in self.reference.seen:
            return word  # a word of its own the reference texts hold: "läses" is no slip of "låses", "väggen" of "vägen"
        near = {m for part in _deletions(folded) for m in self._near_by_deletion(part)}
        # a content word is no slip of a little word ("ångra" of "några": one swap apart, but a word of its own)
        little = frozenset() if word in (words := stop_words()) else words
        meant = [form for m in near for form in self._forms(m) if not _is_english(form) and form not in little
                 and (_is_slip(word, form) if lettered else _is_slip(folded, m))]
        return self._best(meant, needed, exclude=word) or word

    def _swapped_little_word(self, word: str, needed: int) -> str | None:
        """The little word *word* is two neighbouring letters of, swapped ("nite" for "inte", "ohc" is too
        short to tell from an abbreviation): only for a word of :data:`SWAP_MIN_LENGTH` letters or more that
        the reference texts never hold ("ångra" is a word of its own) and that is no English word."""
        if (self.reference is None or len(word) < SWAP_MIN_LENGTH or word in self.reference.seen
                or word in (little := stop_words()) or _is_english(word)):
            return None
        swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
        return self._best([form for form in swapped if form in little], needed, exclude=word)

    def spelled(self, text: str) -> str:
        """*text* with each word in its commonest spelling, in the word's case; an abbreviation
        ("FK", "NLL") stays as written, and so do the English words of a text with more than one
        ("Temporary ID for unknown patient", but "Vilka telefoner för Nova") and, in such a text, a
        word typed without å, ä and ö (it may be English too)."""
        english = [w for w in _words(text) if _is_english(w)]
        kept = set(english) if len(english) > 1 else set()
        parts, end = [], 0
        for match in _spelt_words(text):
            if match.group(0).casefold() in kept:
                continue
            written, better = match.group(0), self.commonest(match.group(0).casefold())
            if kept and fold(better) == written.casefold():  # English has no å/ä/ö: "lost" in "note text lost on …" stays
                continue
            if better != written.casefold() and fold(better) == written.casefold() and self._said_so_after(
                    text[:match.start()], written.casefold(), better):
                continue
            if better == written.casefold() and self._in_capitals(better):  # "news" where most write "NEWS"
                parts += [text[end:match.start()], better.upper()]
                end = match.end()
            elif better != written.casefold():
                parts += [text[end:match.start()], better[:1].upper() + better[1:] if written[:1].isupper() else better]
                end = match.end()
        return "".join(parts) + text[end:]

    def kept_as_written(self, written: str) -> str:
        """The commonest spelling of a case-folded *written* word (:meth:`commonest`), except that a word typed
        without å, ä and ö stays as written where the texts write it so after the word it most often follows
        (a keyword has no text of its own around it: "behovs" of "vid behovs" was the keyword "behövs")."""
        better = self.commonest(written)
        if better == written or fold(better) != written:
            return better
        before = self._most_often_before(written)
        return written if before is not None and self._said_so_after(before, written, better) else better

    def _most_often_before(self, written: str) -> str | None:
        """The word the own texts most often write right before *written* (of two as often, the later in
        alphabetical order). The week's pairs are indexed by their second word when first asked: each of a week's
        keywords asked alone read every pair of the week."""
        if self._most_before is None:
            most: dict[str, tuple[int, str]] = {}
            for (word, after), count in self.pairs.items():
                if (count, word) > most.get(after, (0, "")):
                    most[after] = (count, word)
            self._most_before = most
        found = self._most_before.get(written)
        return None if found is None else found[1]

    def _said_so_after(self, before: str, written: str, lettered: str) -> bool:
        """Whether the texts write *written* (typed without å, ä and ö) as it is after the word that ends *before*
        more often than its *lettered* form: "vid behovs" is no "vid behövs", though "behövs" is the commoner word
        (a tester's agenda item read "Vid behövs ordination")."""
        previous = _words(before)[-1:]
        # the text the name comes from holds its own pair once: the others must say so
        return bool(previous) and self.pair_count(previous[0], written) - 1 > self.pair_count(previous[0], lettered)

    def _in_capitals(self, word: str, least: int = 2, share: int = CAPITALS_SHARE) -> bool:
        """Whether colleagues write the short *word* in capitals (an abbreviation: "NEWS", "ELS") in at least one of
        *share* texts that hold it, *least* at least."""
        if len(word) < 3 or _is_english(word):  # "at", "id", "it": a word of English text, or too short to tell
            return False
        written = self.capitals.get(word, 0)
        return written >= least and written * share >= self.seen.get(word, 0)

    def _best(self, forms, needed: int, exclude: str) -> str | None:
        """The form of *forms* most texts hold, if at least *needed* do."""
        return max((f for f in forms if f != exclude and self.seen[f] >= needed), key=lambda f: (self.seen[f], f),
                   default=None)

    def _near_by_deletion(self, part: str) -> list[str]:
        """The common folded words that give *part* by one of their :func:`_deletions` (a slip is looked
        up by its own deletions, as in SymSpell)."""
        if self._near is None:
            own = self._common_words() - self.reference._common_words() if self.reference else self._common_words()
            self._near = _by_deletions(own)
        own = self._near.get(part, [])
        return self.reference._near_by_deletion(part) + own if self.reference else own

    def _common_words(self) -> set[str]:
        """The folded words at least :data:`SLIP_MIN_SEEN` texts hold: what a slip can be of."""
        if self._common is None:
            common = {fold(w) for w in self.added if self.seen[w] >= SLIP_MIN_SEEN and len(w) >= SLIP_MIN_LENGTH - 1}
            self._common = common | self.reference._common_words() if self.reference else common
        return self._common

    def _lettered_stems(self) -> set[str]:
        """The (folded) stems of the words written with å, ä or ö: a word typed without them that has one of these
        stems is that word, in some form ("dolja" beside "döljer")."""
        if self._lettered is None:
            own = {stem(w) for w in self.added if fold(w) != w}
            self._lettered = own | self.reference._lettered_stems() if self.reference else own
        return self._lettered

    def _lettered_start(self, word: str, needed: int) -> str | None:
        """*word*, typed without å, ä and ö, with the letters of the commonest word written with them (of those *needed*
        texts hold) whose start it shares up to its last :data:`ENDING` + 1 letters, its ending kept: the week wrote
        "tvångsåtgärd" and "tvångsåtgärdsregistrering" but not "tvångsåtgärder", so a keyword said "tvangsatgarder"."""
        restored: Counter = Counter()  # a restored spelling -> the texts that write its start so
        for lettered in self._starting(word[:LETTERED_START]):
            shared = _shared_start(fold(lettered), word)
            if shared >= max(LETTERED_START, len(word) - ENDING - 1) and fold(lettered[:shared]) != lettered[:shared]:
                restored[lettered[:shared] + word[shared:]] += self.seen[lettered]
        best = max(restored.items(), key=lambda item: (item[1], item[0]), default=None)
        return best[0] if best and best[1] >= needed else None

    def _starting(self, start: str) -> list[str]:
        """The words written with å, ä or ö whose folded form begins with *start* (:data:`LETTERED_START` letters)."""
        if self._by_start is None:
            by_start: dict[str, list[str]] = defaultdict(list)
            for word in self.added - self.reference.seen.keys() if self.reference else self.added:
                if len(word) >= LETTERED_START and fold(word) != word:
                    by_start[fold(word)[:LETTERED_START]].append(word)
            self._by_start = dict(by_start)
        own = self._by_start.get(start, [])
        return self.reference._starting(start) + own if self.reference else own

    def _forms(self, folded: str) -> list[str]:
        """The spellings (case-folded, as written) of a folded word."""
        if self._by_folded is None:
            by_folded: dict[str, list[str]] = defaultdict(list)
            for word in self.added - self.reference.seen.keys() if self.reference else self.added:
                by_folded[fold(word)].append(word)
            self._by_folded = dict(by_folded)
        own = self._by_folded.get(folded, [])
        return self.reference._forms(folded) + own if self.reference else own


def _shared_start(a: str, b: str) -> int:
    """How many letters *a* and *b* begin with alike."""
    shared = 0
    for x, y in zip(a, b):
        if x != y:
            break
        shared += 1
    return shared


def _by_deletions(words) -> dict[str, list[str]]:
    """Each of *words* under each of its :func:`_deletions`."""
    near: dict[str, list[str]] = defaultdict(list)
    for word in words:
        for part in _deletions(word):
            near[part].append(word)
    return dict(near)


def _spelt_words(text: str):
    """The words of *text* whose spelling counts: not an abbreviation ("FK", "NLL") nor the first part
    of a hyphenated compound ("behovs-", "SITHS-"), which is no word of its own."""
    for match in _LETTER_RUN_RE.finditer(text):
        written, after = match.group(0), text[match.end():match.end() + 2]
        if not (len(written) > 1 and written.isupper()) and not (after[:1] == "-" and after[1:].isalpha()):
            yield match


def _words(text: str) -> list[str]:
    return WORD_RE.findall(unicodedata.normalize("NFC", text or "").casefold())


_LETTER_RE = re.compile(r"[^\W\d_]")  # a character WORD_RE's words are made of
_FOLDS_ALIKE: set[str] = set()  # characters seen to case-fold to one character, a word's letter exactly when they are


def _folds_alike(character: str) -> bool:
    folded = character.casefold()
    return len(folded) == 1 and bool(_LETTER_RE.match(character)) == bool(_LETTER_RE.match(folded))


def _folded_words(text: str, written: list[str]) -> list[str]:
    """:func:`_words` of *text*, from its words as written (*written*: WORD_RE's) when that is the same: in a text
    in NFC whose every character case-folds to one character that is a word's letter exactly when it is (Swedish
    and English text are), the folded text's words are the written words folded. Learning a week's spelling read
    each text twice, for its words and for those in capitals."""
    if not _FOLDS_ALIKE.issuperset(text):
        _FOLDS_ALIKE.update(c for c in set(text).difference(_FOLDS_ALIKE) if _folds_alike(c))
        if not _FOLDS_ALIKE.issuperset(text):
            return _words(text)
    if not unicodedata.is_normalized("NFC", text):
        return _words(text)
    return [word.casefold() for word in written]


def _pair_counts(texts) -> Counter:
    """(word, next word) -> how many of *texts* hold it."""
    pairs = Counter()
    for text in texts:
        words = _words(text)
        pairs.update(set(zip(words, words[1:])))
    return pairs


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Each letter's neighbours on a Swedish keyboard."""
    rows = ["qwertyuiopå", "asdfghjklöä", "zxcvbnm"]
    neighbours: dict[str, set[str]] = defaultdict(set)
    for r, row in enumerate(rows):
        for c, letter in enumerate(row):
            for rr, cc in ((r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1), (r + 1, c - 1), (r + 1, c)):
                if 0 <= rr < len(rows) and 0 <= cc < len(rows[rr]) and rows[rr][cc] != letter:
                    neighbours[letter].add(rows[rr][cc])
    return {letter: frozenset(near) for letter, near in neighbours.items()}


_NEIGHBOURS = _keyboard_neighbours()


def _is_slip(typed: str, meant: str) -> bool:
    """Whether the folded word *typed* is one slip of a finger from *meant*: two neighbouring letters
    swapped anywhere; anywhere but in the last :data:`ENDING` letters (an inflection), a letter left
    out, a letter hit twice or with its neighbour key, or a neighbour key hit instead ("summa" is no
    slip of "samma", nor "stått" of "sätt")."""
    stem_end = len(typed) - ENDING
    if len(typed) == len(meant):
        differ = [i for i, (a, b) in enumerate(zip(typed, meant)) if a != b]
        if len(differ) == 2 and differ[1] == differ[0] + 1:
            i = differ[0]
            return typed[i] == meant[i + 1] and typed[i + 1] == meant[i]
        return len(differ) == 1 and differ[0] < stem_end and typed[differ[0]] in _NEIGHBOURS.get(meant[differ[0]], ())
    if len(typed) == len(meant) + 1:  # an extra key beside the right one
        return any(typed[:i] + typed[i + 1:] == meant and _beside(typed, i) for i in range(stem_end))
    if len(typed) == len(meant) - 1:  # a letter left out
        return any(meant[:i] + meant[i + 1:] == typed for i in range(stem_end + 1))
    return False


def _beside(typed: str, i: int) -> bool:
    """Whether letter *i* of *typed* is the letter beside it again or a key next to it."""
    return any(typed[i] == a or typed[i] in _NEIGHBOURS.get(a, ()) for a in typed[max(i - 1, 0):i] + typed[i + 1:i + 2])


def _deletions(word: str) -> set[str]:
    """*word* and *word* with one letter left out: two words one slip apart share one of these."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def week_spelling(texts: list[str], reference_texts: list[str]) -> Spelling:
    """How the words of a week's *texts* (of more than :data:`SPELLING_SAMPLE`, that many spread
    evenly) and of the reference texts are spelled."""
    return Spelling.of(texts[::max(1, len(texts) // SPELLING_SAMPLE)], reference_spelling(tuple(reference_texts)))


@lru_cache(maxsize=4)
def reference_spelling(texts: tuple[str, ...]) -> Spelling:
    """The words of the reference texts (the seed corpus), counted once per process."""
    return Spelling.of(texts)


def _is_english(word: str) -> bool:
    """Whether a case-folded *word* is an English word (the glossary's or an English function word)."""
    return word in _ENGLISH_WORDS or word in glossary()


def looks_english(title: str) -> bool:
    """Most of the title's words are English (the glossary's or English function words), or some are and none
    is Swedish by its letters or as a little word ("BSA not recalculated", "Fall risk assessment": a tester's
    Swedish groups were named so, as "BSA", "fall" and "risk" are no English words the app knows)."""
    words = re.findall(r"[^\W\d_]+", (title or "").casefold().replace("'", ""))
    english = [w for w in words if w in _ENGLISH_WORDS or w in glossary()]
    if english and len(english) * 2 >= len(words):
        return True
    little = stop_words()  # "i", "in": Swedish little words as well
    swedish = any(letter in w for w in words for letter in "åäö") or any(w in little for w in words)
    return not swedish and any(w not in little for w in english)


def _swedish_first(titles: list[str], english: list[str]):
    """*titles* in their order but the English ones, which go to *english*; each title is judged when it is
    reached (a group of thousands is usually named by its first title)."""
    for title in titles:
        if looks_english(title):
            english.append(title)
        else:
            yield title


def _closed_up(words: list[str]) -> list[str]:
    """*words* with the gaps (:data:`_GAP`) where a place, unit or number was taken out closed up, and at the
    end the little words left before such a gap ("Skrivaren på avd 12" → "Skrivaren"). A little word that
    ends a title as written stays: "Går inte att logga in", "Vad ska man klicka på", "pratade om"."""
    words = list(words)
    after_gap = False
    while words:
        last = words[-1]
        if last == _GAP or not last.strip("?!.,:;–-/"):
            after_gap = after_gap or last == _GAP
        elif not (after_gap and last.casefold().strip("?!.,:;-") in _DANGLING):
            break
        words.pop()
    return [word for word in words if word != _GAP]


def _opens_a_question(words: list[str]) -> bool:
    """Whether *words* or a clause of them (after a comma, colon or dash) opens as a question does ("Hur …", "Okänd
    pat, hur …", "Går det …"): such a text reads as a question without its "?" (:data:`_QUESTION_STARTS`)."""
    return any(word.casefold().strip("\"'(") in _QUESTION_STARTS
               for i, word in enumerate(words) if i == 0 or words[i - 1][-1:] in ",;:–-")


def _ends_in_a_participle(words: list[str]) -> bool:
    """Whether the last word of *words* looks like a participle or supine ("skickat", "läst", "utförd", "taget"): without
    its "?" the title would say a thing was done; a noun ("Vidimering provsvar?") reads as a question's subject either
    way."""
    last = next((w.casefold().strip("?!.,:;–-/\"'") for w in reversed(words) if w.strip("?!.,:;–-/")), "")
    return last.isalpha() and last.endswith(_PARTICIPLE_ENDINGS) and not last.endswith("het")


def _ends_at_a_gap(words: list[str]) -> bool:
    """Whether *words* end with a place, unit or number taken out (:data:`_GAP`), punctuation aside."""
    return next((word == _GAP for word in reversed(words) if word.strip("?!.,:;–-/")), False)


def _places_gapped(text: str, places) -> str:
    """*text* with the *places* (units) and any unit, ward or place it names taken out, a gap (:data:`_GAP`) left
    for each."""
    gap = f" {_GAP} "
    # a whole word only: unit "IVA" is no part of "Skrivaren" nor of "IVA-kurvan", "Röntgen" none of "Röntgensvar"
    for place in places:
        text = re.sub(_BEFORE_PLACE + r"(?<![\w-])" + re.escape(place) + r"(?![\w-])", gap, text, flags=re.IGNORECASE)
    for pattern in (_PLACE_RE, _UNIT_RE, _WARD_RE):
        text = pattern.sub(gap, text)
    return text


def without_places(title: str, places) -> str:
    """*title* without the *places* (units) and the units, wards and places it names, with the little word before
    each ("Hela Cosmic står still på avd 4": "Hela Cosmic står still"); the title as written when that would leave
    fewer than two words. An incident is named so: eight outage reports of six units were "… på avd 4"."""
    closed = _closed_up(_places_gapped(title or "", places).split())
    text = re.sub(r"\s+([?!.,:;])", r"\1", _LEADING_RE.sub("", _TRAILING_RE.sub("", " ".join(closed))))
    return text if len(text.split()) >= 2 else (title or "")


def _as_name(title: str, places: list[str]) -> str | None:
    """*title* as a name: without a pasted error message ("NullReferenceException i modul",
    :func:`elsdesk.topics.pasted_errors.without_pasted_errors`), an agent's "Samtal från avd 5:" before the
    problem (:mod:`elsdesk.topics.desk_frames`), mail prefixes, a greeting or a sign-off (a
    title taken from a description's first line: "Hallå frikort syns inte", "… ventilatorn hälsningar
    pekka"), unit and place names, numbers and trailing punctuation; None when what is left says nothing or
    is a pasted sentence."""
    text = _MAIL_PREFIX_RE.sub("", without_pasted_errors(without_desk_frame(title or "")))
    text = quotable(text) or without_greeting(text)  # a title that opens with "Tack, …" is no sign-off
    # what masking left reads as a word, a name as nothing ("Pat. [namn] ringde om recept" was a name; a tester)
    text = PLACEHOLDER_RE.sub(lambda found: _MASKED_AS.get(found.group(0), ""), text)
    gap = f" {_GAP} "
    text = _places_gapped(text, places)
    text = _NUMBER_RE.sub(lambda found: found.group(0) if _NUMBERED_BEFORE_RE.search(text, 0, found.start())
                          or _CLOCK_BEFORE_RE.search(text, 0, found.start()) else gap, text)
    words = text.split()
    closed = _closed_up(words)
    if closed and _ends_at_a_gap(words) and closed[-1].casefold() in _WHERE_TO_VERBS:
        return None  # "Kallelse utskrift hamnar" of "… hamnar på avd 5": a sentence cut off, another title says it
    asks = (" ".join(words).rstrip(" " + _GAP).endswith("?") and not _opens_a_question(closed)
            and _ends_in_a_participle(closed))  # "Remissen skickad?" keeps its "?": without it, a status
    text = _TRAILING_RE.sub("", " ".join(closed))
    text = _LEADING_RE.sub("", text)
    text = re.sub(r"\s+([?!.,:;])", r"\1", text)
    text = _DANGLING_BEFORE_PAUSE_RE.sub("", text)  # "Okänd pat på, hur …" once "akuten" is gone
    text = _TRAILING_RE.sub("", _AGAIN_RE.sub("", text))
    terms = len(set(analyse(text)))
    says_nothing = terms == 0 or (terms == 1 and len(text.split()) < 4) or _FOLLOW_UP_RE.search(text)
    if not text or len(text) > NAME_MAX or says_nothing or _only_desk_and_place_words(text, places):
        return None  # "Cosmic", "Hjälp!", "Problem igen", "Samma som igår" say nothing ("Kan inte logga in i Cosmic" does)
    return text + "?" if asks and len(text) < NAME_MAX else text


# Words of the desk's own notes that say nothing of the problem: an ELS agent's title "ELS-stöd notering" or "Ring fr
# ssk" named a tester's topic of junior doctors who could not prescribe.
_DESK_NOTE_WORDS = frozenset("""
    els elsstöd elsstod stöd stod support notering noteringar notis samtal telefonsamtal ring ringt ringde ringer fr
    ang angående angaende ärende ärendet arende note call ssk usk läk lak
""".split())


@lru_cache(maxsize=256)
def _unit_words(places: tuple[str, ...]) -> frozenset[str]:
    """The words of four letters or more of a group's units (worked out once for all the titles tried for its name)."""
    return frozenset(word for place in places for word in _LETTER_RUN_RE.findall(place.casefold()) if len(word) >= 4)


def _only_desk_and_place_words(text: str, places: list[str]) -> bool:
    """Whether every word of *text* but the little ones is a word of the desk's notes (:data:`_DESK_NOTE_WORDS`) or
    a unit's word, or the start of one ("Reuma dagv" from "Reumatologiska dagvården", "Gastro dagv" from
    "Medicinsk dagvård gastro": a tester's topics were named so)."""
    unit_words = _unit_words(tuple(places))
    little = stop_words()
    for word in _LETTER_RUN_RE.findall(text.casefold()):
        if word in little or word in _DESK_NOTE_WORDS:
            continue
        if len(word) >= 4 and any(unit.startswith(word) for unit in unit_words):
            continue
        return False
    return True


def provisional_name(titles: list[str], units: list[str], spelling: Spelling | None = None,
                     descriptions: list[str] = ()) -> str | None:
    """A readable name for a group from its most typical titles (given most typical first): the
    first that still says something once mail prefixes, unit and place names, numbers and trailing
    punctuation are gone; a Swedish title before an English one (the agenda is read in Swedish).
    When no title says enough ("reservnummer", "Tangentbordsgenvägar"), the first sentence of one of
    the most typical *descriptions* that does ("Okänd pat, hur skapar man reservnummer"), which reads
    better on an agenda than key words strung together. With a *spelling*, a Swedish name's words are
    spelled as most colleagues spell them ("Skikca sjukintyg till FK": "Skicka sjukintyg till FK").
    None when neither says anything."""
    places = sorted({u.strip().casefold() for u in units if u and u.strip()}, key=len, reverse=True)
    for candidate in _candidates(titles, descriptions):
        name = _as_name(candidate, places)
        if name is None:
            continue
        return respelled(name, spelling)
    return None


def respelled(name: str, spelling: Spelling | None) -> str:
    """A Swedish *name* with its words spelled as most colleagues spell them (an English one as it is),
    its first letter a capital: also a name a proposal keeps from an earlier week ("Webcert öppnas nite"
    over a week whose reports all say "inte")."""
    if spelling is not None and not looks_english(name):
        name = spelling.spelled(name)
    return name[:1].upper() + name[1:]


def _candidates(titles: list[str], descriptions: list[str]):
    """The Swedish titles, then the first sentences of the first Swedish descriptions, then the English titles and
    sentences: the agenda is read in Swedish (a tester's junior doctors who could not prescribe, in Swedish
    titles too short to name them, were named by a one-off's "Account for new kurator"). The sentences are read
    only once every Swedish title has been tried: quoting five descriptions for each topic, though a title named
    nearly all, was most of the time naming took (issue 14)."""
    english: list[str] = []
    yield from _swedish_first(list(titles), english)
    english_sentences: list[str] = []
    yield from _swedish_first([s for s in map(_first_sentence, descriptions[:DESCRIPTIONS_TRIED]) if s],
                              english_sentences)
    yield from english
    yield from english_sentences


DESCRIPTIONS_TRIED = 5  # of the most typical tickets' descriptions, for a name when no title says enough
_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|\n")


def _first_sentence(description: str) -> str:
    """A description's first sentence without greeting, signature, pasted error message or an agent's frame; empty when
    it holds a masked identifier ("[namn]"), which no agenda should be named by."""
    text = quotable(without_pasted_errors(without_desk_frame(description)))  # not an agent's "Tel.samtal:"
    sentence = _SENTENCE_END_RE.split(text.strip(), maxsplit=1)[0].strip()
    return "" if "[" in sentence else sentence


def label_from_keywords(keywords: list[str]) -> str:
    if not keywords:
        return "Övrigt"
    first, *rest = keywords
    return (first[:1].upper() + first[1:]) + ((": " + ", ".join(rest)) if rest else "")


def distinct_labels(topics: list) -> None:
    """Give each of a week's *topics* (largest first; each with ``label``, ``name``, ``module`` and
    ``keywords``) a name of its own: a later one whose label an earlier one has says its module
    ("… (Vårdadministration)") when that tells them apart, else its first keyword the label lacks."""
    modules_of: dict[str, set] = defaultdict(set)  # a label given -> the modules of the topics that have it
    for topic in topics:
        label = topic.label
        if label.casefold() in modules_of:
            label = _qualified(label, topic, modules_of)
            topic.name = label
        modules_of[label.casefold()].add(topic.module)


def _qualified(label: str, topic, modules_of: dict[str, set]) -> str:
    """*label* with what tells *topic* apart from the topics that have it (*modules_of*: the labels given)."""
    module = load_taxonomy().module_name(topic.module) if topic.module not in modules_of[label.casefold()] else ""
    words = set(_words(label))
    for addition in filter(None, [module] + [k for k in topic.keywords if not words.intersection(_words(k))]):
        qualified = f"{label} ({addition})"
        if qualified.casefold() not in modules_of:
            return qualified
    number = 2
    while f"{label} ({number})".casefold() in modules_of:
        number += 1
    return f"{label} ({number})"
