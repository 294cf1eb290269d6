"""Sign-off rules: ticket text fit to quote, the problem in the caller's words without greeting or signature.

Exports promise no reporter names, and a pasted e-mail ends in one ("Mvh Karin Lund, ssk avd 5").
The quote keeps the text as written (case, å/ä/ö, punctuation) and drops:

- a leading greeting, with the name it greets when punctuation follows ("Hej Karin! …"),
- everything from a sign-off on ("Mvh", "Hälsningar Olle", "/Anna", "//Karin", "//KL"),
- a short sign-off with a name ("Gr Karin", "vh Karin"), a dash and a name ("- Karin Lund, avd 5"),
- a polite closing with a name ("Tack, Marie", "Thanks, Tom (student nurse)", "Ha det bra! Karin"),
- a doctor's title and name at the end ("Dr. Anna Berg"),
- a name closing the text after a sentence ("… signering. Karin", "… Karin L, ssk"),
- masked contact details at the end ("Tel [telefon]", "mail [e-post]"), and a last sentence asking to be
  called there ("Ring gärna [telefon] om ni undrar nåt."),
- a signature block: short lines at the end that open with a name and hold a role, unit or
  contact line ("Karin Lund\\nSjuksköterska\\nAvd 5\\nTel [telefon]"), or a name alone after a
  blank line.

A name is only ever taken from such a place (start, end, after a sign-off): a name inside a
sentence ("Pat Karlsson på avd 5 fick fel dos") is content and stays. Pasted mail headers and
disclaimers, and sign-off lines the classifier's cleaning knows
(:func:`elsdesk.ml.text.strip_signature`), go first. Identifiers were masked when the ticket
was stored. Every place that quotes a ticket (the exports, the Utbildning tab) uses this, and
:func:`dropped_words` tells which words a quote left out (names among them), so that keywords
can be checked against them; :func:`quote_of` gives both from one pass.

A neutral module: the export (:mod:`elsdesk.export.quotes`) and the topic finder (keywords
without a reporter's name) both import it; it builds on the classifier's cleaning
(:mod:`elsdesk.ml.text`) and imports neither of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from elsdesk.ml.text import GREETING_WORDS, fold, stop_words, strip_signature

_NAME = r"[A-ZÅÄÖ][\w'’-]+"
_NAME_OR_INITIAL = rf"(?:{_NAME}|[A-ZÅÄÖ]\.?)"
# A person's name: a capitalised word and up to two more, or initials ("KL").
_PERSON = rf"{_NAME_OR_INITIAL}(?:[ \t]+{_NAME_OR_INITIAL}){{0,2}}"
# After a sentence, or at the start of a line.
_AT_BREAK = r"(?:(?<=[.!?])[ \t]+|(?:^|\n)[ \t]*)"

_GREETING_RE = re.compile(  # the greeting word in any case; a name after it only when punctuation follows
    rf"^\s*(?:(?i:{GREETING_WORDS})"
    rf"(?:[ \t]+(?:(?i:hej|alla|allihop|där|igen|support(?:en)?|els(?:-stöd)?)|{_PERSON})(?=[ \t]*(?:[!,.:]|\n|$)))?)(?![\w-])[ \t]*[!,.:]*\s*")
_ROLE_OR_CONTACT = (
    r"avd(?:elning)?|ssk|usk|sjuksköterska|undersköterska|läkare|läk|st-läkare|at-läkare|sekreterare|medsekr"
    r"|vårdadministratör|barnmorska|fysioterapeut|mottagning(?:en)?|vc|vårdcentral(?:en)?|akuten|enhet|enhetschef"
    r"|student|nurse|doctor|physician|secretary|ward|tel|telefon|mobil|mob|ankn")
# what may follow a signed name on its line: a role or a contact word, or a masked detail, then a few short
# small words (a unit's "akm"), numbers and masked details ("/Johan ssk akm [telefon]", "/Eva avd 4 tel 1234")
_ROLE_WORDS = (rf"(?:[ \t]+(?:(?:{_ROLE_OR_CONTACT})\b\.?|\[[\w-]+\])"
               r"(?:[ \t]+(?:(?-i:[a-zåäö]{2,6})\.?|\d[\d-]*|\[[\w-]+\])){0,4})?")
_SIGNOFF_RE = re.compile(
    r"(?:\b(?:mvh|m\.v\.h|med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|bästa hälsningar|hälsningar|hälsning"
    r"|tack på förhand|best regards|kind regards|regards)\b"
    # "/Petra", "//Karin", "// KL, avd 5", "/Johan ssk akm [telefon]": a slash and a name that nothing but a
    # comma, a bracket or the end follows, or a role, a unit's short name or a number on the way there
    rf"|(?:^|(?<=[.!?\s]))/{{1,2}}[ \t]*{_PERSON}(?={_ROLE_WORDS}[ \t]*(?:[,(\n]|$))).*$",
    re.IGNORECASE | re.DOTALL,
)
# "Gr Karin", "vh Karin", "Hälsn. Bo": a short sign-off and a name end the text.
_SHORT_SIGNOFF_RE = re.compile(rf"{_AT_BREAK}(?i:gr|vh|hälsn)\.?[ \t,]+{_PERSON}[^?\n]{{0,50}}$")
# A polite closing that ends the text after a sentence or on a line of its own: "? Tack, Marie",
# "Thanks, Tomas (student nurse)", "Ha det bra! Karin" (short, no question in it).
_CLOSING_RE = re.compile(
    r"(?:(?<=[.!?])\s+|(?:^|\n)[ \t]*)(?i:thanks|thank you|tack(?: så mycket)?|cheers|hälsn\.?|ha det (?:bra|gott)"
    r"|ha en (?:bra|fin|trevlig) (?:dag|kväll|helg)|trevlig helg)(?![\w-])[^?\n]{0,60}$")
# A doctor's title and name closing the text: "... before? Dr. Anna Berg", "Dr. Tom Lind, locum".
_TITLED_NAME_RE = re.compile(
    rf"(?:(?<=[.!?])\s+|(?:^|\n)[ \t]*)(?i:dr|doktor|läk)\.?\s+{_NAME}(?:\s+{_NAME}){{0,2}}(?:\s*,[^.?!\n]{{0,40}})?\s*$")
# A last line that is only a name, perhaps with a role: "Karin Lund", "Ola, usk avd 4", "Karin L, ssk".
_LAST_NAME_LINE_RE = re.compile(rf"\n[ \t]*{_NAME}(?:[ \t]+{_NAME_OR_INITIAL}){{0,2}}(?:[ \t]*,[^?\n]{{0,40}})?[ \t]*$")
# A dash and a name at the end: "- Karin Lund, avd 5", "— Bo".
_DASH_NAME_RE = re.compile(rf"{_AT_BREAK}[-–—]{{1,2}}[ \t]*{_PERSON}(?:[ \t]*,[^?\n]{{0,40}})?[ \t]*$")
# A name (written as one: capital, then small letters) after the last sentence: "… signering. Karin",
# "… signering. Karin L, ssk". Nothing but a role may follow it, and no full stop ends it.
_PLAIN_NAME = r"[A-ZÅÄÖ][a-zåäöéü'’-]+"
_TRAILING_NAME_RE = re.compile(
    rf"(?<=[.!?])[ \t]+(?P<first>{_PLAIN_NAME})(?:[ \t]+(?:{_PLAIN_NAME}|[A-ZÅÄÖ]\.?)){{0,2}}(?:[ \t]*,[^?.!\n]{{0,40}})?[ \t]*$")
# Masked contact details at the end: "Tel [telefon]", "mail [e-post]", "[telefon]".
_CONTACT_TAIL_RE = re.compile(
    r"(?:(?<=[.!?,])|(?:^|(?<=\n)))[ \t]*(?:(?i:tel|telefon|mobil|mob|ankn|anknytning|mail|e-post|epost|phone|mobile|ring)"
    r"\.?:?[ \t]*)?\[[\w-]+\][ \t]*$")
# A last sentence asking to be called on a masked number or written to at a masked address: "Ring gärna
# [telefon] om ni undrar nåt.", "Kontakta mig på [e-post]" (a quote is the problem, not how to reach its writer).
_CALL_ME_RE = re.compile(
    r"(?:(?<=[.!?])[ \t]+|(?:^|(?<=\n))[ \t]*)(?i:ring|ringa|kontakta|nå mig|nås på|call|phone|contact)\b"
    r"[^.!?\n]{0,60}\[[\w-]+\][^.!?\n]{0,40}[.!]?[ \t]*$")
# A line of a signature block: a role, unit or contact detail in it.
_ROLE_OR_CONTACT_RE = re.compile(rf"(?i)\b(?:{_ROLE_OR_CONTACT})\b|\[[\w-]+\]")
_NAME_LINE_RE = re.compile(rf"{_NAME}(?:[ \t]+{_NAME_OR_INITIAL}){{0,2}}(?:[ \t]*,[^?\n]{{0,40}})?")
_ENDINGS = (_SIGNOFF_RE, _CLOSING_RE, _SHORT_SIGNOFF_RE, _TITLED_NAME_RE, _DASH_NAME_RE, _CONTACT_TAIL_RE,
            _CALL_ME_RE, _LAST_NAME_LINE_RE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# What a text without a line break must hold for any rule here or in strip_signature to change it,
# looked for in the text case-folded with its whitespace as single spaces and one space before it
# (so " -" is a dash at the start or after a space). Most ticket titles hold none of these and are
# only tidied (issue 14). A rule changed above must keep its words here: a sign-off word, a
# closing, a short sign-off or a title before a name ("gr", "dr" only as a word of their own; "dr."
# before a name holds ". "), a dash or a masked detail ending the text, a name after a sentence, a
# mail header's colon.
_LINE_HINTS = (
    "mvh", "m.v.h", "hälsn", "vänlig", "tack", "regards", "thank", "cheers", "/", " ha det", " ha en",
    " trevlig helg", " gr.", " gr ", " gr,", " vh.", " vh ", " vh,", " dr ", " doktor", " läk ",
    " -", " –", " —", "[", ". ", "! ", "? ", ":", "skickat fr", "sent from my")
_LINE_OPENINGS = (" detta", " this")  # a disclaimer opens its line
_GREETING_START_RE = re.compile(rf"\s*(?i:{GREETING_WORDS})")  # every greeting rule's greeting opens the text


def _may_hold_furniture(text: str) -> bool:
    """False only when no rule of :func:`quotable` can match *text* (which is then only tidied): it
    has no line break (the signature block and a name on the last line need one), opens with no
    greeting and holds none of :data:`_LINE_HINTS`. The rules ignore case, and there İ and ı match
    i, so the text is folded with both read as i."""
    if "\n" in text or _GREETING_START_RE.match(text):
        return True
    folded = " " + " ".join(text.replace("İ", "i").casefold().replace("ı", "i").split())
    return folded.startswith(_LINE_OPENINGS) or any(hint in folded for hint in _LINE_HINTS)


def _signature_line(line: str) -> bool:
    """Whether *line* could belong to a signature block: blank, or short and no sentence."""
    line = line.strip()
    if not line:
        return True
    return (len(line) <= 50 and len(line.split()) <= 6 and not re.search(r"[?!:;]", line)
            and not re.search(r"[a-zåäö]{2}\.$", line))


def _without_signature_block(text: str) -> str:
    """*text* without a signature block at its end (see the module's docstring)."""
    lines = text.rstrip().split("\n")
    start = len(lines)
    while start > 0 and _signature_line(lines[start - 1]):
        start -= 1
    for first in range(max(start, 1), len(lines)):
        block = lines[first:]
        if not _NAME_LINE_RE.fullmatch(lines[first].strip()):
            continue
        after_blank = not lines[first - 1].strip()
        if any(_ROLE_OR_CONTACT_RE.search(line) for line in block) or after_blank:
            return "\n".join(lines[:first])
    return text


def _without_trailing_name(text: str) -> str:
    """*text* without a name after its last sentence, unless that word is a common Swedish word
    ("… i morse. Samma sak")."""
    match = _TRAILING_NAME_RE.search(text)
    if match and match["first"].casefold() not in stop_words():
        return text[:match.start()]
    return text


def _without_endings(text: str) -> str:
    """*text* without sign-offs, closings, names and contact details at its end, however many follow
    each other ("Hälsningar Olle\\nTel [telefon]")."""
    for _ in range(6):
        before = text
        for ending in _ENDINGS:
            text = ending.sub("", text.rstrip())
        text = _without_signature_block(_without_trailing_name(text.rstrip()))
        if text == before:
            break
    return text


def _without_furniture(text: str) -> str:
    """*text* without greeting and signature, every rule run (:func:`quotable` tidies it)."""
    text = _GREETING_RE.sub("", text, count=1)
    text = _GREETING_RE.sub("", strip_signature(text), count=1)
    return _without_endings(text)


def without_greeting(text: str | None) -> str:
    """*text* without a leading greeting ("Hejsan! ", "God morgon, ", "Hej Karin! "), as written otherwise."""
    return _GREETING_RE.sub("", text or "", count=1)


def without_signoff(text: str | None) -> str:
    """*text* without a sign-off, signature or closing name at its end ("… hälsningar pekka", "… /Anna"),
    as written otherwise."""
    return _without_endings(strip_signature(text or "")).strip()


def quotable(text: str | None) -> str:
    """*text* without its greeting and signature, whitespace tidied."""
    return _quoted(text or "")


@lru_cache(maxsize=8192)
def _quoted(text: str) -> str:
    """:func:`quotable`, once per text: a week's topics quote a description to tell examples apart, to check
    keywords against its signature, and the export quotes it again."""
    if _may_hold_furniture(text):  # most titles hold nothing to drop: the rules are not run on them
        text = _without_furniture(text)
    text = " ".join(text.split())
    first = text[:1].upper()
    return (first if len(first) == 1 else text[:1]) + text[1:]  # "ß".upper() is two letters


@dataclass(frozen=True)
class Quote:
    """A text's quote (:func:`quotable`) and the words it left out (:func:`dropped_words`)."""

    text: str
    dropped: frozenset[str]


def quote_of(text: str | None) -> Quote:
    """*text*'s quote and its dropped words, from one pass of :func:`quotable` (a caller that needs
    both, as the export does for every example, quotes each text once)."""
    quote = quotable(text)
    kept = {word.casefold() for word in _WORD_RE.findall(quote)}
    return Quote(quote, frozenset({word.casefold() for word in _WORD_RE.findall(text or "")} - kept))


def dropped_words(text: str | None) -> set[str]:
    """The words (case-folded) of *text* that its quote leaves out: the greeting's and the
    signature's, names among them. A keyword made of one of them came from a signature."""
    return set(quote_of(text).dropped)


SAME_TEXT_MIN = 20  # letters of a quote that make it one example whatever its title ("Hjälp" twice is no repeat)


def quoted_as(title: str | None, description: str | None) -> tuple[str, str]:
    """What an example shows, as far as telling two apart goes: its quoted description's words, folded
    (the same report under another title, with a greeting and a signature, or typed without å/ä/ö, is one
    example), with the title too when the quote is too short to tell ("Hjälp")."""
    return quote_key(title, quotable(description))


def quote_key(title: str | None, quote: str) -> tuple[str, str]:
    """:func:`quoted_as` of a description already quoted (*quote*)."""
    said = fold(" ".join(re.findall(r"\w+", quote.lower())))
    return ("", said) if len(said) >= SAME_TEXT_MIN else (fold(" ".join((title or "").split()).lower()), said)
