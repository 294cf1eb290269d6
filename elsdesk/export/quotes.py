"""Ticket text fit to quote in an agenda: the problem in the caller's words, without greeting or signature.

Exports promise no reporter names, and a pasted e-mail ends in one ("Mvh Karin Lund, ssk avd 5").
The quote keeps the text as written (case, å/ä/ö, punctuation) and drops a leading greeting,
everything from a sign-off ("Mvh", "Hälsningar", "/Anna") on, a polite closing with a name
("Tack, Marie", "Thanks, Tom (student nurse)"), a doctor's title and name at the end ("Dr. Anna
Berg"), a last line that is only a name, and a closing block of short name-like lines after a
blank line. Pasted mail headers and disclaimers, and sign-off lines the classifier's cleaning
knows (:func:`elsdesk.ml.text.strip_signature`), go first. Identifiers were masked when the
ticket was stored. Every place that quotes a ticket (the exports, the Utbildning tab) uses this.
"""

from __future__ import annotations

import re

from elsdesk.ml.text import strip_signature

_GREETING_RE = re.compile(  # the greeting word in any case; a name after it only when capitalised
    r"^\s*(?:(?i:hej(?:san)?|hallå|god (?:morgon|dag|kväll)|hi|hello)(?:\s+(?:(?i:hej|alla|allihop|där)|[A-ZÅÄÖ][\w-]+))?"
    r"|(?i:dear)\s+[\w.]+(?:\s+[A-ZÅÄÖ][\w-]+)?)\b[\s!,.]*")
_SIGNOFF_RE = re.compile(
    r"(?:\b(?:mvh|m\.v\.h|med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|hälsningar|hälsning|tack på förhand"
    r"|best regards|kind regards|regards)\b|(?:^|(?<=[.!?\s]))/\s*[A-ZÅÄÖ][\w-]+).*$",
    re.IGNORECASE | re.DOTALL,
)
_NAME_LINE_RE = re.compile(r"^[A-ZÅÄÖ][\w.-]*(?:[ ,]+[\wåäöÅÄÖ.-]+){0,4}$")
_NAME = r"[A-ZÅÄÖ][\w'’-]+"
# A polite closing that ends the text after a sentence or on a line of its own: "? Tack, Marie",
# "Thanks, Tomas (student nurse)", "Thank you, Dr. Lee" (short, no question in it).
_CLOSING_RE = re.compile(
    r"(?:(?<=[.!?])\s+|(?:^|\n)[ \t]*)(?i:thanks|thank you|tack(?: så mycket)?|cheers|hälsn\.?)(?![\w-])[^?\n]{0,60}$")
# A doctor's title and name closing the text: "... before? Dr. Anna Berg", "Dr. Tom Lind, locum".
_TITLED_NAME_RE = re.compile(
    rf"(?:(?<=[.!?])\s+|(?:^|\n)[ \t]*)(?i:dr|doktor|läk)\.?\s+{_NAME}(?:\s+{_NAME}){{0,2}}(?:\s*,[^.?!\n]{{0,40}})?\s*$")
# A last line that is only a name, perhaps with a role: "Karin Lund", "Ola, usk avd 4".
_LAST_NAME_LINE_RE = re.compile(rf"\n[ \t]*{_NAME}(?:[ \t]+{_NAME}){{0,2}}(?:[ \t]*,[^?\n]{{0,40}})?[ \t]*$")


def quotable(text: str | None) -> str:
    """*text* without its greeting and signature, whitespace tidied."""
    text = _GREETING_RE.sub("", strip_signature(text or ""), count=1)
    text = _SIGNOFF_RE.sub("", text)
    for closing in (_CLOSING_RE, _TITLED_NAME_RE, _LAST_NAME_LINE_RE):
        text = closing.sub("", text.rstrip())
    blocks = re.split(r"\n\s*\n", text.strip())
    while len(blocks) > 1 and all(_NAME_LINE_RE.match(line.strip()) for line in blocks[-1].splitlines() if line.strip()):
        blocks.pop()  # "Karin Lund\nSjuksköterska, avd 5" after a blank line
    text = " ".join(" ".join(blocks).split())
    first = text[:1].upper()
    return (first if len(first) == 1 else text[:1]) + text[1:]  # "ß".upper() is two letters
