"""When a ticket file says a ticket was created: how finely, whether two times are one ticket's, whether a
date is one a ticket can have or lies ahead, Excel's date serials and dates written with slashes. Used by :mod:`elsdesk.importer`
(which re-exports these names) and by the id and merge rules that compare creation times."""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time, timedelta
from typing import Callable, Iterable, Iterator

from elsdesk.domain import clock_hour
from elsdesk.region_time import region_today, to_region_local

EARLIEST_DATE = date(2000, 1, 1)
LATEST_DAYS_AHEAD = 366
# a ticket is written on the day it is logged: a later date is most likely a typo (a year off), said in a warning
# and left out of the incident scan's window; 2 days leave room for a desk whose clock or zone is a little off.
# Such a row is still imported: a file of go-live weeks dated ahead (an exercise, a test region) is no mistake.
FUTURE_DAYS = 2
# a bare number in this range in a date column is an Excel date serial (days since 1899-12-30: 1954 to 2119),
# written by a workbook whose date cells have no date format, or saved from one to CSV
EXCEL_SERIALS = (20_000, 80_000)
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")
DAY_FIRST, MONTH_FIRST, MIXED = "day_first", "month_first", "mixed"  # MIXED: the file shows both orders
_file_order: ContextVar = ContextVar("slash_order", default=None)  # str, None or a function giving one: slash_order
_EXCEL_EPOCH = datetime(1899, 12, 30)  # serial 0 in the 1900 system, right for every serial after February 1900
_SERIAL = re.compile(r"\d{5}(?:[.,]\d+)?")
# a date written with slashes ("17/11/2026", "17/11/2026 08:15", "17/11/26", "11/17/2026 9:14 AM") or hyphens
# ("17-11-2026"; the year last, unlike ISO's): day or month first?
_SLASHED = re.compile(r"(?P<first>\d{1,2})(?P<mark>[/-])(?P<second>\d{1,2})(?P=mark)(?P<year>\d{4}|\d{2})"
                      r"(?:(?:\s+|\s*,\s*|T)(?:kl\.?\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second_of>\d{2}))?"
                      r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?")
# a file whose dates with slashes do not show their order ("5/11/2026" only) and whose clock has no AM/PM: read
# day first, as Swedish is written (a go-live week's file of 1–12 November was refused row by row), and said so
_assumed_day_first: ContextVar = ContextVar("assumed_day_first", default=None)  # a list the import reads, or None


_CLOCK = re.compile(r"(?:kl\.?\s*)?(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?|(?P<minute4>\d{2}))"
                    r"\s*(?P<ampm>[ap]\.?m\.?)?", re.IGNORECASE)


def clock_of(value) -> time | None:
    """The clock time a time column's cell gives: a time cell (``datetime.time``, or a datetime on Excel's day 0),
    Excel's fraction of a day (0.2986 is 07:10), or text "07:10", "7.10", "0710", "kl 07.10", "7:10 AM"; None when
    it is none of those."""
    if isinstance(value, time):
        return value.replace(microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        seconds = round(value * 86400)
        return time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
    match = _CLOCK.fullmatch(str(value).strip()) if isinstance(value, str) else None
    if not match:
        return None
    try:
        hour = clock_hour(match["hour"], match["ampm"])
    except ValueError:  # "13:10 PM"
        return None
    minute, second = int(match["minute"] or match["minute4"] or 0), int(match["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def creation_detail(created_at: str | None) -> int:
    """How finely a creation time is given: 0 to the day (its time is 00:00:00, as a file with dates
    only gives it), 1 to the minute, 2 to the second; -1 when it is missing or no time."""
    moment = _creation_moment(created_at)
    if moment is None:
        return -1
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return 0
    return 1 if moment.second == 0 else 2


def same_creation(stored: str | None, written: str | None) -> bool:
    """Whether a stored ticket's creation time and a row's can be the same ticket's: equal to the coarser
    of the two details (a spreadsheet that wrote "2026-11-02 08:14" or "2026-11-02" still names the ticket
    stored as created 08:14:37). True when either is missing or no time: with nothing to compare, a row
    whose id is stored is that ticket, as it always was."""
    if stored == written:
        return True
    first, second = _creation_moment(stored), _creation_moment(written)
    if first is None or second is None:
        return True
    detail = min(creation_detail(stored), creation_detail(written))
    cut = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")[detail]
    return first.strftime(cut) == second.strftime(cut)


def _creation_moment(created_at: str | None) -> datetime | None:
    """A stored or read creation time as the region's naive local time (a zoned one converted, as the
    import converts it), None if it is none."""
    if not created_at:
        return None
    try:
        return to_region_local(datetime.fromisoformat(created_at))
    except (TypeError, ValueError):
        return None


def plausible_created_at(created: datetime) -> datetime:
    """*created* when it is a date a ticket can have; ValueError for 0001-01-01 or 9999-12-31."""
    day, today = created.date(), region_today()
    latest = today + timedelta(days=LATEST_DAYS_AHEAD)
    if not EARLIEST_DATE <= day <= latest:
        raise ValueError(f"datum {day.isoformat()} är inget rimligt datum för ett ärende"
                         f" (tillåtet {EARLIEST_DATE.isoformat()} – {latest.isoformat()})")
    return created


def last_day_not_ahead() -> str:
    """The last day (ISO) a ticket can be created on before its date counts as ahead: :data:`FUTURE_DAYS` after
    the region's today. A creation time is ahead when ``created_at[:10]`` sorts after it (asked once per import,
    not once per row)."""
    return (region_today() + timedelta(days=FUTURE_DAYS)).isoformat()


class Serial1904:
    """A number from a workbook saved in Excel's 1904 date system (an older Mac Excel): as a date serial it counts
    from 1 January 1904, four years and a day later than a Windows workbook's (a calendar tester's 44925.59 became
    2022-12-30 where the workbook meant 2026-12-31). :func:`from_1904` makes one; otherwise it is its int or float."""


class _Int1904(int, Serial1904):
    pass


class _Float1904(float, Serial1904):
    pass


def from_1904(value):
    """*value* marked as a number of a 1904 workbook when it is one (an int stays an int: "12345" as before)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return _Int1904(value) if isinstance(value, int) else _Float1904(value)


_EXCEL_EPOCH_1904 = datetime(1904, 1, 1)


def excel_serial(value) -> datetime | None:
    """The moment an Excel date serial stands for ("46342.427778", 46342.427778 or "46342,427778" from a
    Swedish CSV: 2026-11-17 10:16), to the nearest second; None when *value* is no bare number in
    :data:`EXCEL_SERIALS`. The 1900 system, as every Windows Excel writes it; a :class:`Serial1904` counts from
    1904."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Serial1904):
        moment = _EXCEL_EPOCH_1904 + timedelta(seconds=round(float(value) * 86400))
        return moment if EXCEL_SERIALS[0] <= float(value) + 1462 <= EXCEL_SERIALS[1] else None
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str) and _SERIAL.fullmatch(value.strip()):
        number = float(value.strip().replace(",", "."))
    else:
        return None
    if not EXCEL_SERIALS[0] <= number <= EXCEL_SERIALS[1]:
        return None
    return _EXCEL_EPOCH + timedelta(seconds=round(number * 86400))


def slashed_date(text: str) -> datetime | None:
    """The moment a date written with slashes names when its order cannot be doubted: "17/11/2026" is day first
    (no month 17), "11/17/2026" month first (an American export); "5/11/2026" in the order the file's other
    dates show (:func:`slash_order_of`, given by :func:`slash_order`). None when *text* is no such date.
    ValueError, with the reason in Swedish, when its order cannot be told or its day does not exist."""
    match = _SLASHED.fullmatch(" ".join(str(text).split()))
    if not match:
        return None
    first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
    year += 2000 if year < 100 else 0  # "17/11/26"
    if not first or not second:
        raise ValueError(f"datum '{match[0][:20]}': dag eller månad 0 finns inte")
    if first > 12 and second > 12:
        raise ValueError(f"datum '{match[0][:20]}': varken {first} eller {second} kan vara en månad")
    if first > 12 or first == second:
        day, month = first, second
    elif second > 12:
        day, month = second, first
    elif (order := _order_of_file()) in (DAY_FIRST, MONTH_FIRST):  # the file's other dates tell the order
        day, month = (first, second) if order == DAY_FIRST else (second, first)
    elif match["ampm"] and order is None:  # an American clock: an American date, month first
        day, month = second, first
    elif order is None and (assumed := _assumed_day_first.get()) is not None:
        day, month = first, second
        if len(assumed) < 3:
            assumed.append(match[0][:20])
    else:
        raise ValueError(f"datum '{match[0][:20]}': dag eller månad först går inte att avgöra ({first}/{second} kan"
                         f" vara både {first} {MONTHS[second - 1]} och {second} {MONTHS[first - 1]}); skriv datum"
                         " som ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ, eller spara filen med datum som Excel-datum")
    try:
        return datetime(year, month, day, clock_hour(match["hour"], match["ampm"]),
                        int(match["minute"] or 0), int(match["second_of"] or 0))
    except ValueError:
        raise ValueError(f"datum '{match[0][:20]}': dagen eller klockslaget finns inte ({day} {MONTHS[month - 1]}"
                         f" {year})") from None


def is_unsure_slashed(value) -> bool:
    """Whether *value* is a date with slashes whose order it does not show itself ("5/11/2026")."""
    match = _SLASHED.fullmatch(" ".join(value.split())) if isinstance(value, str) else None
    return bool(match) and int(match["first"]) != int(match["second"]) and \
        0 < int(match["first"]) <= 12 and 0 < int(match["second"]) <= 12


def slash_order_of(values: Iterable) -> str | None:
    """The order a file's dates with slashes are written in: :data:`DAY_FIRST` when one of them has a first
    number above 12 ("17/11/2026"), :data:`MONTH_FIRST` when one has a second above 12; :data:`MIXED` when they
    contradict each other (each date then speaks for itself, and one that does not tell is refused); None when
    none tells."""
    day = month = False
    for value in values:
        match = _SLASHED.fullmatch(" ".join(value.split())) if isinstance(value, str) else None
        if match:
            day, month = day or int(match["first"]) > 12, month or int(match["second"]) > 12
            if day and month:
                return MIXED
    return DAY_FIRST if day else MONTH_FIRST if month else None


def _order_of_file() -> str | None:
    """The order set by :func:`slash_order`, worked out now when it was given as a function."""
    order = _file_order.get()
    if callable(order):
        order = order()
        _file_order.set(order)
    return order


@contextmanager
def day_first_unless_shown() -> Iterator[list[str]]:
    """Within it, a date with slashes whose order neither it nor its file shows is read day first (an import);
    yields the list of the first few such dates as written, for the import to say so once."""
    assumed: list[str] = []
    token = _assumed_day_first.set(assumed)
    try:
        yield assumed
    finally:
        _assumed_day_first.reset(token)


def day_first_note(assumed: list[str]) -> str:
    """What an import says when it read dates day first that did not show their order (:func:`day_first_unless_shown`)."""
    first = _SLASHED.match(assumed[0])
    example = f"{assumed[0]} som {int(first['first'])} {MONTHS[int(first['second']) - 1]}" if first else assumed[0]
    return (f"datum som {', '.join(assumed)} visar inte om dagen eller månaden står först, och inget annat datum i filen"
            f" visar det; de lästes med dagen först, som svenska datum skrivs ({example}). Stämmer det inte: spara"
            " filen med datum som ÅÅÅÅ-MM-DD och importera den igen")


@contextmanager
def slash_order(order: str | Callable[[], str | None] | None) -> Iterator[None]:
    """Read dates with slashes whose order they do not show in *order* (a file's, :func:`slash_order_of`):
    a file of "5/11/2026" and "17/11/2026" is day first throughout (its first twelve days of each month were
    refused one by one before). *order* may be a function that works it out, called at the first date that
    needs it (a file whose first rows write dates without slashes is read once more only when one comes)."""
    token = _file_order.set(order)
    try:
        yield
    finally:
        _file_order.reset(token)
