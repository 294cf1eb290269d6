"""Ticket text fit to quote in an agenda: the problem in the caller's words, without greeting or signature.

Exports promise no reporter names, and a pasted e-mail ends in one ("Mvh Karin Lund, ssk avd 5").
The quote keeps the text as written (case, å/ä/ö, punctuation) and drops a leading greeting,
everything from a sign-off ("Mvh", "Hälsningar", "/Anna") on, and a closing block of short
name-like lines after a blank line. Identifiers were masked when the ticket was stored.
"""

from __future__ import annotations

import re

_GREETING_RE = re.compile(  # the greeting word in any case; a name after it only when capitalised
    r"^\s*(?:(?i:hej(?:san)?|hallå|god (?:morgon|dag|kväll)|hi|hello)(?:\s+(?:(?i:hej|alla|allihop|där)|[A-ZÅÄÖ][\w-]+))?"
    r"|(?i:dear)\s+[\w.]+(?:\s+[A-ZÅÄÖ][\w-]+)?)\b[\s!,.]*")
_SIGNOFF_RE = re.compile(
    r"(?:\b(?:mvh|m\.v\.h|med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar|hälsningar|hälsning|tack på förhand"
    r"|best regards|kind regards|regards)\b|(?:^|(?<=[.!?\s]))/\s*[A-ZÅÄÖ][\w-]+).*$",
    re.IGNORECASE | re.DOTALL,
)
_NAME_LINE_RE = re.compile(r"^[A-ZÅÄÖ][\w.-]*(?:[ ,]+[\wåäöÅÄÖ.-]+){0,4}$")


def quotable(text: str | None) -> str:
    """*text* without its greeting and signature, whitespace tidied."""
    text = _GREETING_RE.sub("", text or "", count=1)
    text = _SIGNOFF_RE.sub("", text)
    blocks = re.split(r"\n\s*\n", text.strip())
    while len(blocks) > 1 and all(_NAME_LINE_RE.match(line.strip()) for line in blocks[-1].splitlines() if line.strip()):
        blocks.pop()  # "Karin Lund\nSjuksköterska, avd 5" after a blank line
    text = " ".join(" ".join(blocks).split())
    first = text[:1].upper()
    return (first if len(first) == 1 else text[:1]) + text[1:]  # "ß".upper() is two letters
