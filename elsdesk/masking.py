"""Mask personal identifiers in free text before anything is stored, trained on or exported.

Swedish personal identity numbers (personnummer) and coordination numbers
(samordningsnummer) are recognised with or without century and separator and checked with
the Luhn digit and a plausible date, so dates and order numbers stay readable. Phone numbers
and e-mail addresses are masked too. Each identifier becomes a placeholder such as
``[personnummer]``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

PLACEHOLDERS = {
    "personnummer": "[personnummer]",
    "samordningsnummer": "[samordningsnummer]",
    "telefon": "[telefon]",
    "e-post": "[e-post]",
}
PLACEHOLDER_RE = re.compile(r"\[(?:personnummer|samordningsnummer|telefon|e-post)\]")

_ID_RE = re.compile(
    r"(?<![0-9])"
    r"(?P<century>(?:18|19|20))?"
    r"(?P<date>[0-9]{6})"
    r"(?P<sep>[-+ \u2010-\u2015\u2212]?)"
    r"(?P<tail>[0-9]{4})"
    r"(?![0-9])"
)
_PHONE_RE = re.compile(
    r"(?<![0-9A-Za-z+])"
    r"(?:(?:\+|00)46[ -]?(?:\(0\)[ -]?)?|0)"
    r"[1-9](?:[ \-\u2010-\u2015]?[0-9]){6,8}"
    r"(?![0-9])"
)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class MaskResult:
    """Masked text and how many identifiers of each kind were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def luhn_ok(digits: str) -> bool:
    """The Luhn check used by Swedish identity numbers, on the 10-digit form."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def identity_kind(date_part: str, tail: str) -> str | None:
    """'personnummer', 'samordningsnummer' or None for a YYMMDD + NNNN candidate."""
    month, day = int(date_part[2:4]), int(date_part[4:6])
    if not 1 <= month <= 12:
        return None
    if 1 <= day <= 31:
        kind = "personnummer"
    elif 61 <= day <= 91:
        kind = "samordningsnummer"
    else:
        return None
    return kind if luhn_ok(date_part + tail) else None


def mask_text(text: str | None) -> MaskResult:
    """Replace identifiers in *text* with placeholders."""
    if not text:
        return MaskResult(text or "", {})
    counts: Counter[str] = Counter()

    def _identity(match: re.Match[str]) -> str:
        kind = identity_kind(match.group("date"), match.group("tail"))
        if kind is None:
            return match.group(0)
        counts[kind] += 1
        return PLACEHOLDERS[kind]

    def _replace(kind: str):
        def _sub(match: re.Match[str]) -> str:
            counts[kind] += 1
            return PLACEHOLDERS[kind]

        return _sub

    def _phone(match: re.Match[str]) -> str:
        # "070-123 45 67" has one hyphen; "08-13-17-21" is a list of times, not a number
        if sum(match.group(0).count(dash) for dash in "-\u2010\u2011\u2012\u2013\u2014\u2015") > 1:
            return match.group(0)
        counts["telefon"] += 1
        return PLACEHOLDERS["telefon"]

    masked = _EMAIL_RE.sub(_replace("e-post"), text)
    masked = _ID_RE.sub(_identity, masked)
    masked = _PHONE_RE.sub(_phone, masked)
    return MaskResult(masked, dict(counts))


def mask(text: str | None) -> str:
    """Shorthand for the masked text alone."""
    return mask_text(text).text


def describe_counts(counts: dict[str, int]) -> str:
    """A short Swedish summary such as '1 personnummer, 2 telefon'."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()) if n)
