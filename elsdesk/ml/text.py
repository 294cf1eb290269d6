"""Text preparation for the classifier: strip mail headers, greetings, signatures and placeholders; Swedish
stop words and Snowball stems; diacritics folded so that 'lakemedel' meets 'läkemedel'.

Whatever text reaches a model is masked here first, and words that look like identifiers (five
or more digits, an @) never become features, so no vocabulary or n-gram of a saved model can
hold a personnummer, phone number or e-mail address, whichever path the text came by.

Everything here is plain functions at module level so fitted pipelines pickle cleanly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain

import snowballstemmer

from elsdesk.masking import PLACEHOLDER_RE, mask
from elsdesk.ml.english import CONTRACTION_ENDINGS, CONTRACTION_STEMS, glossary, in_swedish
from elsdesk.paths import resources_dir

# A sign-off ends the message: it and everything after it (name, title, unit, phone) go.
# Unambiguous sign-offs end it wherever they stand; softer ones only on a short line of their own; so does
# a mail signature's "--" on a line of its own (a region's footer after it: "Region Östanå / Växel …").
_SIGNOFF_ANYWHERE = r"mvh|m\.v\.h|med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|tack på förhand|tack och hej|best regards|kind regards"
_SIGNOFF_LINE = r"hälsningar|hälsning|vänligen|regards|thanks|thank you|tack|cheers|//?\s*[A-ZÅÄÖa-zåäö]\w*"
# The ways a sign-off starts: a sign-off word anywhere, "/Anna" after a sentence, a soft one on its own line, "--".
_SIGNOFF_WORD = rf"\b(?:{_SIGNOFF_ANYWHERE})\b"
_SIGNOFF_SLASH = r"(?<=[.!?])\s*/\s*[A-ZÅÄÖ]\w+\b"
_SIGNOFF_ON_LINE = rf"(?:^|(?<=\n))[ \t]*(?:{_SIGNOFF_LINE})[ \t!,.]*(?:[A-ZÅÄÖ][\wåäö.-]*[ \t]*){{0,3}}(?=\n|\Z)"
_SIGNOFF_DASHES = r"(?<=\n)[ \t]*--[ \t]*(?=\n)"
_SIGNOFF_RE = re.compile(rf"(?i)(?:{_SIGNOFF_WORD}|{_SIGNOFF_SLASH}|{_SIGNOFF_ON_LINE}|{_SIGNOFF_DASHES}).*\Z", re.S)
# Each way alone, with what every match of it holds: in the case-folded text (no hint holds an "i", which a dotted
# capital İ folds to with a combining dot, nor any other letter that folds to other than what the pattern matches it
# as) or as written ("/", "--": no case). _SIGNOFF_RE's match is the first of theirs, to the end of the text.
_SIGNOFF_STARTS = (
    (re.compile(rf"(?i){_SIGNOFF_WORD}"), ("mvh", "m.v.h", "vänl", "tack", "regards"), ()),
    (re.compile(rf"(?i){_SIGNOFF_SLASH}"), (), ("/",)),
    (re.compile(rf"(?i){_SIGNOFF_ON_LINE}"), ("hälsn", "vänl", "regards", "thank", "tack", "cheers"), ("/",)),
    (re.compile(rf"(?i){_SIGNOFF_DASHES}"), (), ("--",)),
)
# Mail headers pasted with the message, what phones add, and disclaimers (to the end).
_HEADER_RE = re.compile(
    r"(?im)^[ \t]*(?:från|skickat|till|kopia|cc|ämne|datum|from|sent|to|subject|date)[ \t]*:[^\n]*$"
    r"|^[ \t]*(?:skickat fr[åa]n min|sent from my)\b[^\n]*$"
    # ... also at the end of a line of text, written without å ("... inget heter lpt skickat fran min iphone")
    r"|(?<=\s)(?:skickat fr[åa]n min|sent from my) (?:iphone|ipad|android|mobil|telefon|samsung|galaxy)\w*[ \t.!]*$"
)
_DISCLAIMER_RE = re.compile(r"(?i)(?:^|(?<=\n))[ \t]*(?:detta (?:e-post)?meddelande|this e-?mail)\b.*\Z", re.S)
# Every match of _SIGNOFF_RE holds one of these (case-folded), every match of _DISCLAIMER_RE one of those.
_SIGNOFF_HINTS = ("mvh", "m.v.h", "hälsning", "vänlig", "tack", "regards", "thank", "cheers", "/", "\n--")
_DISCLAIMER_HINTS = ("detta", "this")
# Every match of _HEADER_RE holds a colon (a header line) or one of these (case-folded; neither holds an "i", which
# a dotted capital İ folds to with a combining dot, nor any other letter whose case-folded form differs from the
# letter the pattern matches it as): three texts in four hold neither, and the pattern is tried at every position.
_HEADER_HINTS = ("ckat fr", "sent from my")
# Every match of _GREETING_RE holds one of these (case-folded, a dotless ı read as i; letters only, so what the mail
# headers, disclaimer and sign-off leave of a text holds one only if the text did): most texts hold none.
_GREETING_HINTS = ("hej", "hall", "tjena", "god", "hi", "hello", "hey", "dear")
# The words a greeting opens with, one rule for the classifier's cleaning and for quotes and names
# (:mod:`elsdesk.sign_offs`); a word after them that a hyphen joins is no greeting ("Hi-flow", "Hej-knappen").
GREETING_WORDS = r"(?:hej(?:san)?|hallå|tjena|god (?:morgon|dag|kväll|natt)|hi|hello|hey|dear)(?![\w-])"
# A greeting line ("Hej ELS!", "Hello,") or a greeting opening a line.
_GREETING_RE = re.compile(
    rf"(?im)^[ \t]*{GREETING_WORDS}(?:[ \t]+[\w-]+){{0,2}}[ \t]*[!,.:]*[ \t]*$"
    r"|^[ \t]*(?:hej(?:san)?|hallå|hi|hello)(?![\w-])[ \t!,.]*"
)
_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
_WORD_SPLIT_RE = re.compile(r"([^\W_]+)", re.UNICODE)  # words at the odd places of a split
# a word (tried only where one starts, so that a long word without digits is scanned once)
# holding a digit or an @
_DIGIT_WORD_RE = re.compile(r"(?<!\S)\S*[0-9@]\S*")
_DIGITS = "0123456789"  # the digits _DIGIT_WORD_RE and _identifier_like count (ASCII only)
_FOLDED = {"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"}
_stemmer = snowballstemmer.stemmer("swedish")


def ticket_text(title: str | None, description: str | None) -> str:
    """The text the model reads: the title twice (it is the user's own summary) and, on a line of
    its own so that a greeting opening it is seen as one, the body."""
    title = (title or "").strip()
    return f"{title}. {title}.\n{(description or '').strip()}"


def clean(text: str) -> str:
    """Lower-case text without identifiers, placeholders, greetings and sign-offs."""
    return _clean(text or "")


def _clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = drop_identifier_like(PLACEHOLDER_RE.sub(" ", mask(text)))
    return _without_mail_furniture(text, " ").lower()


# Each feature of a model cleans the same text again; a batch of a few thousand tickets is
# cleaned once this way (a fifth of the time it takes to classify one).
_clean = lru_cache(maxsize=8192)(_clean_text)


def _identifier_like(word: str) -> bool:
    return "@" in word or sum(map(word.count, _DIGITS)) >= 5


def drop_identifier_like(text: str) -> str:
    """*text* without words that look like identifiers (an @, five or more digits: tel0702741862)."""
    if "@" not in text and sum(map(text.count, _DIGITS)) < 5:  # no word can hold five digits: spares the word-by-word
        return text  # scan (two texts in three that hold a digit hold fewer than five)
    return _DIGIT_WORD_RE.sub(lambda m: " " if _identifier_like(m.group(0)) else m.group(0), text)


def _without_mail_furniture(text: str, gap: str) -> str:
    """*text* with mail headers, a disclaimer, the sign-off and greetings replaced by *gap*.

    The disclaimer, sign-off and greeting patterns are scanned only where one of their words occurs (they
    were half of the cleaning's time, and most tickets hold none of the words). The patterns ignore
    case, and there a dotless ı matches i, so the words are looked for in the case-folded text with
    ı read as i."""
    folded = text.casefold().replace("ı", "i")
    if ":" in text or any(map(folded.__contains__, _HEADER_HINTS)):  # map: no generator frame per hint
        text = _HEADER_RE.sub(gap, text)
    if any(map(folded.__contains__, _DISCLAIMER_HINTS)):
        text = _DISCLAIMER_RE.sub(gap, text)
    if any(map(folded.__contains__, _SIGNOFF_HINTS)):
        start = _signoff_start(text)
        text = text if start is None else text[:start] + gap  # what _SIGNOFF_RE.sub(gap, text) gives
    if not any(map(folded.__contains__, _GREETING_HINTS)):
        return text
    return _GREETING_RE.sub(gap, text)


def _signoff_start(text: str) -> int | None:
    """Where the first match of :data:`_SIGNOFF_RE` in *text* starts (None: no sign-off). It ends at the end of
    the text, so it is the first match of any of the ways a sign-off starts (:data:`_SIGNOFF_STARTS`), and each
    way is looked for only in a text that holds what its matches hold: most sign-offs are "mvh", and trying every
    way at every position of such a text took three times as long as looking for that one."""
    folded = text.casefold()
    starts = [match.start() for pattern, folded_hints, written_hints in _SIGNOFF_STARTS
              if any(map(folded.__contains__, folded_hints)) or any(map(text.__contains__, written_hints))
              if (match := pattern.search(text)) is not None]
    return min(starts, default=None)


def strip_signature(text: str) -> str:
    """Text without greeting and sign-off lines (which often carry the reporter's name)."""
    return _without_mail_furniture(text or "", "").strip()


def fold(text: str) -> str:
    # one str.replace per letter is several times faster than str.translate with a mapping
    for letter, plain in _FOLDED.items():
        if letter in text:
            text = text.replace(letter, plain)
    return text


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words = set()
    for line in (resources_dir() / "stopwords_sv.txt").read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            words.add(word)
            words.add(fold(word))
    return frozenset(words)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return fold(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """Content words of cleaned text, stop words removed."""
    stops = stop_words()
    return [w for w in _WORD_RE.findall(text) if w not in stops and not w.isdigit() or w in ("1177",)]


def stemmed_tokens(text: str) -> list[str]:
    """Analyzer for the word features of models saved before :func:`swedish_stems`: cleaned, stop words
    out, Swedish stems, folded."""
    return list(_stemmed(text or ""))


def swedish_stems(text: str) -> list[str]:
    """Analyzer for the module's word features: :func:`stemmed_tokens` with each English word the glossary
    knows read as its Swedish word(s), as kind reads them (a locum's "sick note" is about "sjukintyg", not
    a journal "anteckning"; English held-out tickets 0.870 -> 0.948 module accuracy)."""
    return list(_swedish_stems_of_clean(clean(text or "")))


@lru_cache(maxsize=8192)
def _stemmed(text: str) -> tuple[str, ...]:
    return _stems_of_clean(clean(text))


def _stems_of_clean(cleaned: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(cleaned) if len(w) > 1)


def _swedish_stems_of_clean(cleaned: str) -> tuple[str, ...]:
    """The stems :func:`swedish_stems` gives of cleaned text: each word's own (:class:`_WordStems`), in order."""
    return tuple(chain.from_iterable(map(_word_stems.__getitem__, _WORD_RE.findall(cleaned))))


def _stems_of_word(word: str) -> tuple[str, ...]:
    """What one word of cleaned text adds to :func:`swedish_stems`: nothing for a stop word, a number (but
    1177) or a single letter, its Swedish words' stems for an English word the glossary knows, else its stem."""
    if len(word) <= 1 or not words(word):  # once per distinct word: the same test as every text's
        return ()
    meant = _english_content_words().get(word)
    return (stem(word),) if meant is None else tuple(stem(swedish) for swedish in meant)


class _WordStems(dict):
    """word -> :func:`_stems_of_word` (word), each word worked out once: one look-up per word of a
    text instead of the stop-word, number, glossary and stem checks (stemming a retrain's 25,700 cleaned
    texts: 0.28-0.32 s before, 0.20 s). Let go when it holds as many words as :func:`stem` keeps, so a long
    session stays small."""

    LIMIT = 200_000

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) >= self.LIMIT:
            self.clear()
        stems = self[word] = _stems_of_word(word)
        return stems


_word_stems = _WordStems()


@lru_cache(maxsize=1)
def _english_content_words() -> dict[str, tuple[str, ...]]:
    """Every word :func:`elsdesk.ml.english.in_swedish` reads as something else -> its Swedish content
    words (stop words out: "doesn" reads as "inte", which the word features leave out)."""
    stops = stop_words()
    return {word: tuple(m for m in meant if m not in stops and len(m) > 1) for word, meant in _read_otherwise().items()}


def char_text(text: str) -> str:
    """Preprocessor for the character features: cleaned and folded."""
    return fold(clean(text))


def kind_text(text: str) -> str:
    """Preprocessor for the kind features: :func:`char_text` with each English word the glossary
    knows read as its Swedish word(s), folded ("access" as "behorighet", "can't" as "kan"), so that
    a locum's English ticket reads as its Swedish twins for how-to, fault or configuration."""
    return in_swedish_text(char_text(text))


def in_swedish_text(folded: str) -> str:
    """Cleaned, folded text with the English words the glossary knows replaced by their Swedish
    word(s), folded; every other word as it was.

    The words are found once and looked up in one table (:func:`_swedish_replacements`): a call per
    word was a fifth of a retrain's text work. Only a text holding such a word is split into its words
    and what lies between them."""
    replacements = _swedish_replacements()
    if replacements.keys().isdisjoint(_WORD_RE.findall(folded)):  # most texts: the words alone, not what lies between
        return folded
    parts = _WORD_SPLIT_RE.split(folded)
    parts[1::2] = [replacements.get(word, word) for word in parts[1::2]]
    return "".join(parts)


@lru_cache(maxsize=1)
def _swedish_replacements() -> dict[str, str]:
    """Every word :func:`elsdesk.ml.english.in_swedish` reads as something else -> what the text
    then says there (its Swedish word(s), folded; nothing for a contraction's ending)."""
    return {word: fold(" ".join(meant)) for word, meant in _read_otherwise().items()}


@lru_cache(maxsize=1)
def _read_otherwise() -> dict[str, tuple[str, ...]]:
    """Every word :func:`elsdesk.ml.english.in_swedish` reads as something else -> what it reads it as:
    the one list the module's and the kind's tables are made from."""
    every = (*CONTRACTION_ENDINGS, *CONTRACTION_STEMS, *glossary())
    return {word: meant for word in every if (meant := in_swedish(word)) != (word,)}


def prepared(text: str) -> tuple[str, tuple[str, ...]]:
    """``(char_text(text), tuple(swedish_stems(text)))`` with the text cleaned once and nothing
    kept in the caches: what training on a whole desk needs of each ticket, once."""
    cleaned = cleaned_once(text)
    return fold(cleaned), stems_of_cleaned(cleaned)


def cleaned_once(text: str) -> str:
    """``clean(text)`` without keeping it in the cache: the first half of :func:`prepared`, for a
    caller that needs the cleaned texts before their stems (training reads kind from the folded
    text while it stems the rest)."""
    return _clean_text(text or "")


def stems_of_cleaned(cleaned: str) -> tuple[str, ...]:
    """The second half of :func:`prepared`: ``tuple(swedish_stems(text))`` of *cleaned* =
    :func:`cleaned_once` (text)."""
    return _swedish_stems_of_clean(cleaned)
