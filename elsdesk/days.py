"""One reader of a day typed by a person: every CLI option that takes a day (--from, --to,
--go-live) and the go-live setting read it the same way, with one Swedish message.

Accepted: 2025-04-28, 2025-4-28, 20250428, 28.04.2025, 28.4.2025, and what the import reads as a
date-time (its day is taken: "2025-04-28 08:15", "28.04.2025 kl. 08.15", "28 april 2025"), and slashes
whose order cannot be doubted ("16/12/2026"), or that the other day of one command shows
(:func:`days_read_together`: "--from 23/11/2026 --to 06/12/2026"). Refused: slashes where day or month first
cannot be told ("5/11/2026", "28/4"), and a day that does not exist.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from datetime import date
from typing import Iterable

from elsdesk.domain import BadInputError, parse_written_datetime
from elsdesk.import_dates import MONTHS, slash_order, slash_order_of, slashed_date

DAY_FORMS = "2025-04-28, 2025-4-28, 20250428, 28.04.2025 eller 28.4.2025"

_YEAR_FIRST_RE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
_COMPACT_RE = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")


_DAY_FIRST_RE = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})")


def read_day(text: str) -> date:
    """The day *text* names in one of the accepted forms (see the module); ValueError if none."""
    written = str(text).strip()
    for pattern in (_YEAR_FIRST_RE, _COMPACT_RE, _DAY_FIRST_RE):
        match = pattern.fullmatch(written)
        if match:
            return _day_of(int(match["year"]), int(match["month"]), int(match["day"]))
    try:
        return parse_written_datetime(written).date()
    except ValueError:
        pass
    try:
        slashed = slashed_date(written)  # "16/12/2026": no month 16
    except ValueError:
        raise DayError("dag eller månad först går inte att avgöra") from None
    if slashed is not None:
        return slashed.date()
    return date.fromisoformat(written)  # the other ISO forms Python reads ("2025-W18-1"), as accepted before


def days_read_together(written: Iterable[str]) -> AbstractContextManager:
    """Read the days of one command (*written*: its words) in the order their slashes show together: with
    "--from 23/11/2026" (no month 23) the "--to 06/12/2026" beside it is the 6th of December, where alone it
    was refused as day or month first (a regional coordinator's period, typed as the ticket tool writes dates)."""
    return slash_order(slash_order_of(word.split("=", 1)[-1] for word in written))  # "--to=06/12/2026" too


class DayError(ValueError):
    """A day written in an accepted form that names no day, with the reason in Swedish."""


def _day_of(year: int, month: int, day: int) -> date:
    """The day, or DayError saying why it does not exist ("februari 2027 har 28 dagar")."""
    try:
        return date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise DayError(f"månad {month} finns inte") from None
        last = ((date(year + month // 12, month % 12 + 1, 1)) - date(year, month, 1)).days
        raise DayError(f"{MONTHS[month - 1]} {year} har {last} dagar") from None


def parse_day(text: str, option: str = "") -> date:
    """The day *text* given for *option* (``--from``, ``--go-live``; empty for a setting typed elsewhere);
    BadInputError naming the accepted forms when it is none."""
    try:
        return read_day(text)
    except ValueError as exc:
        where = f"{option} " if option else ""
        reason = f" ({exc})" if isinstance(exc, DayError) else ""  # "(februari 2027 har 28 dagar)"
        raise BadInputError(f"{where}'{text}' är inget datum{reason}; skriv dagen som {DAY_FORMS}"
                            " (snedstreck som 5/11 tolkas bara när dag eller månad först går att avgöra)") from None


_DAY_IN_TEXT_RE = re.compile(r"(?<![\d.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})(?![\d-])")


def day_in_text(text: str | None) -> date | None:
    """The first real day written in a free text in a full form ("genomgånget 2025-05-14",
    "rättat 14.5.2025"), or None: a note that says when something happened."""
    for match in _DAY_IN_TEXT_RE.finditer(text or ""):
        try:
            return read_day(match.group())
        except ValueError:
            continue
    return None
