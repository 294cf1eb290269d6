"""Domain types of the ELS desk: tickets, their labels and list filters. No storage, no Qt."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from elsdesk.lazy_regex import lazy_compile
from elsdesk.region_time import region_now, to_region_local

LABEL_FIELDS = ("module", "kind")
# Where a ticket's labels came from (tickets.label_source, label_history.source):
HUMAN = "human"  # confirmed by a super-user in the review queue (or imported as confirmed)
INTAKE = "intake"  # set or accepted by the person who logged or edited the ticket; not yet reviewed
MODEL = "model"  # the model's guess
SHIPPED_MODEL = "shipped"  # the version id of the model that comes with the app (the fallback of every desk)


class ElsdeskError(Exception):
    """Base of the typed errors that services raise and the GUI and CLI turn into messages."""


class BadInputError(ElsdeskError):
    """The user's input (a file, a field) cannot be used; the message says what and where."""


class NotFoundError(ElsdeskError):
    """A ticket, week or model that was asked for does not exist."""


class ConflictError(ElsdeskError):
    """Someone else saved the same ticket first."""


class NotAllowedError(ElsdeskError):
    """The login's role may not do this; the message names the role that may."""


class Cancelled(Exception):
    """The user cancelled a long operation (an import, a classification, an index build)."""


class DatabaseUnavailableError(ElsdeskError):
    """The database cannot be reached, or it has a schema this version does not know."""


class SchemaVersionError(DatabaseUnavailableError):
    """The desk's schema is newer than this version of elsdesk knows, or older than it needs; the message names
    what to do (update elsdesk here, or the owner's upgrade command), and waiting does not help."""


class ImportInterruptedError(DatabaseUnavailableError):
    """The desk went away in the middle of an import: the error, and how many of the file's rows (of about
    *total*) the committed batches hold (*new* new tickets, *updated* updated ones). Running the same import again
    stores the rest: the stored rows are found unchanged."""

    def __init__(self, reason: str, stored: int, total: int, new: int, updated: int):
        self.reason, self.stored, self.total, self.new, self.updated = reason, stored, total, new, updated
        about = "ungefär " if total > stored else ""
        super().__init__(f"{reason}; importen hann spara {stored} av {about}{total} rader"
                         f" (nya: {new}, uppdaterade: {updated}) innan den avbröts")


class TicketRemovedError(NotFoundError):
    """A ticket someone has open was removed from the desk meanwhile; the message names its ticket number."""

    def __init__(self, number: str | None):
        self.number = number
        super().__init__(f"{number} har tagits bort ur desken sedan du öppnade det" if number
                         else "ärendet har tagits bort ur desken sedan du öppnade det")


@dataclass
class Ticket:
    """One support ticket with its stored (masked) text and current labels."""

    title: str
    description: str = ""
    created_at: str = ""
    external_id: str | None = None
    id: int | None = None
    updated_at: str | None = None
    reporter_role: str | None = None
    unit: str | None = None
    channel: str | None = None
    priority: str = "normal"
    patient_safety: bool = False
    status: str = "ny"
    module: str | None = None
    kind: str | None = None
    label_source: str | None = None
    module_confidence: float | None = None
    kind_confidence: float | None = None
    model_version: str | None = None
    resolution: str = ""
    escalation: str | None = None
    masked_count: int = 0
    version: int = 1

    @property
    def iso_week(self) -> str:
        return iso_week_of(self.created_at)

    @property
    def labels_confirmed(self) -> bool:
        return self.label_source == HUMAN

    @property
    def module_guessed(self) -> bool:
        """The module is the model's guess (or of unknown origin), not a person's: a lists marks it with "?".
        A module the logging person set or took at intake is a person's label, reviewed or not."""
        return self.module is not None and self.label_source not in (HUMAN, INTAKE)

    def with_changes(self, **changes) -> "Ticket":
        return replace(self, **changes)


@dataclass(frozen=True)
class TicketFilter:
    """What the ticket list shows: all fields optional, combined with AND."""

    text: str = ""
    status: str | None = None
    module: str | None = None
    kind: str | None = None
    week: str | None = None
    unconfirmed_only: bool = False
    ids: tuple[int, ...] | None = None
    sort: str = "created_at"
    descending: bool = True


@dataclass(frozen=True)
class LabelChange:
    """One row of the label history."""

    ticket_id: int
    field: str
    old: str | None
    new: str | None
    actor: str
    at: str
    source: str
    suggested_by: str | None = None  # the model version whose suggestion the person saw
    decision_id: int | None = None  # the review-queue decision that wrote this row


@dataclass(frozen=True)
class ReviewDecision:
    """One super-user decision in the review queue: the labels before and after, and what the model suggested."""

    id: int
    ticket_id: int
    actor: str
    at: str
    module: str | None
    kind: str | None
    old_module: str | None
    old_kind: str | None
    old_label_source: str | None
    suggested_module: str | None = None
    suggested_kind: str | None = None
    suggested_by: str | None = None
    undone_at: str | None = None

    @property
    def agrees_with_model(self) -> bool | None:
        """Whether the person chose the module the model suggested (None when nothing was suggested)."""
        return None if self.suggested_module is None else self.module == self.suggested_module


@dataclass(frozen=True)
class Incident:
    """A possible incident: a burst of similar tickets from several units, linked but not merged."""

    id: int
    label: str
    first_at: str
    last_at: str
    detected_at: str
    status: str = "open"
    ticket_count: int = 0
    units: tuple[str, ...] = ()


@dataclass
class ImportReport:
    """What an import did: counts and the reasons rows were rejected."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    masked: int = 0
    linked: int = 0  # tickets this import linked to a known problem (or to another one than before)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + len(self.rejected)


def now_iso() -> str:
    """Now to the second, as the region's local time (see :mod:`elsdesk.region_time`), not the machine's."""
    return region_now().replace(microsecond=0).isoformat()


_ISO_DATETIME_RE = lazy_compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_datetime(value: str) -> datetime:
    """Parse an ISO date or date-time; raise ValueError. A time with a trailing Z or an offset is
    converted to the region's local time (the desk's zone, not the machine's); one without is
    the region's local time already and is kept as written.

    Only the extended ISO forms are dates: ``19800101-0027`` (a personnummer) is not."""
    text = str(value).strip()
    if not text:
        raise ValueError("empty date")
    if not _ISO_DATETIME_RE.fullmatch(text):
        raise ValueError(f"not an ISO date: {text[:20]!r}")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
    if parsed.tzinfo is not None:
        parsed = to_region_local(parsed)
    return parsed


# how a date is written in a Swedish spreadsheet or ticket system besides ISO: "06.05.2025",
# "6.5.2025 8:15", "06.05.2025 kl. 08.15", and an ISO date with the time written "08.15"
_DAY_FIRST_RE = lazy_compile(
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"
    r"(?:(?:\s+|\s*,\s*|T)(?:kl\.?\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?)?"
)
_ISO_DOTTED_TIME_RE = lazy_compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?:\s+|T)(?:kl\.?\s*)?(?P<hour>\d{1,2})[.:](?P<minute>\d{2})"
                                 r"(?:[.:](?P<second>\d{2}))?")  # "2026-12-31 14.05.30" as well


_TIME_AFTER = (r"(?:(?:\s+|\s*,\s*)(?:kl\.?\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?"
               r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?")  # "9:14 AM" of an American clock
# a month by name, as a mail or an Outlook export writes it: "31 dec 2026", "31 december 2026 kl. 14:05", "1 Oct 2026"
_MONTH_NUMBERS = {name: number for number, names in enumerate((
    ("jan", "januari", "january"), ("feb", "februari", "february"), ("mar", "mars", "march"), ("apr", "april"),
    ("maj", "may"), ("jun", "juni", "june"), ("jul", "juli", "july"), ("aug", "augusti", "august"),
    ("sep", "sept", "september"), ("okt", "oct", "oktober", "october"), ("nov", "november"),
    ("dec", "december")), start=1) for name in names}
_MONTH_NAME = "(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + ")"
# also Jira's "19/Nov/26 9:14 AM" and "19-nov-2026": a two-digit year is this century's
_NAMED_MONTH_RE = lazy_compile(
    r"(?P<day>\d{1,2})(?:\.?\s+|[/-])" + _MONTH_NAME + r"(?:\.?,?\s+|[/-])(?P<year>\d{4}|\d{2})" + _TIME_AFTER,
    re.IGNORECASE)
# the month first, as an English mail writes it: "Nov 19, 2026 9:14 AM", "November 19 2026"
_MONTH_FIRST_RE = lazy_compile(_MONTH_NAME + r"\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})" + _TIME_AFTER, re.IGNORECASE)
# a weekday before the date ("måndag 16 november 2026 08:14", "Mon, 16 Nov 2026"): said nothing the date does not
_WEEKDAY_BEFORE = lazy_compile(
    r"(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mån|tis|ons|tors|tor|fre|lör|sön|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+(?=\d|[^\W\d])",
    re.IGNORECASE)
_YEAR_SLASHED_RE = lazy_compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})" + _TIME_AFTER)  # "2026/12/31"


def parse_written_datetime(value: str) -> datetime:
    """:func:`parse_datetime`, and the ways a Swedish file writes a date besides ISO: day first with
    dots ("06.05.2025", "6.5.2025 8:15", "06.05.2025 kl. 08.15"), an ISO date with the time
    written "08.15" ("2025-05-06 08.15", "2026-12-31 14.05.30"), a month by name ("31 dec 2026",
    "31 december 2026 kl. 14:05") and the year first with slashes ("2026/12/31"). Day and month with
    slashes ("6/5/2025") stay refused here: day or month first cannot be told. Raise ValueError."""
    text = " ".join(str(value).split())
    try:
        return parse_datetime(text)
    except ValueError:
        pass
    match = _DAY_FIRST_RE.fullmatch(text)
    if match:
        parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
        return datetime(parts["year"], parts["month"], parts["day"], parts.get("hour", 0), parts.get("minute", 0),
                        parts.get("second", 0))
    match = _ISO_DOTTED_TIME_RE.fullmatch(text)
    if match:
        return datetime.combine(date.fromisoformat(match["date"]), datetime.min.time()).replace(
            hour=int(match["hour"]), minute=int(match["minute"]), second=int(match["second"] or 0))
    text = _WEEKDAY_BEFORE.sub("", text, count=1) if _WEEKDAY_BEFORE.match(text) else text
    match = _NAMED_MONTH_RE.fullmatch(text) or _MONTH_FIRST_RE.fullmatch(text) or _YEAR_SLASHED_RE.fullmatch(text)
    if match:
        month, year = match["month"], int(match["year"])
        return datetime(year + 2000 if year < 100 else year, int(month) if month.isdigit() else _MONTH_NUMBERS[month.lower()],
                        int(match["day"]), clock_hour(match["hour"], match["ampm"]), int(match["minute"] or 0),
                        int(match["second"] or 0))
    if _WEEKDAY_BEFORE.match(" ".join(str(value).split())):  # "måndag 16.11.2026": the other forms, without the day
        return parse_written_datetime(_WEEKDAY_BEFORE.sub("", " ".join(str(value).split()), count=1))
    mailed = _mail_date(" ".join(str(value).split()))
    if mailed is not None:
        return mailed
    raise ValueError(f"not a date: {text[:20]!r}")


def _mail_date(text: str) -> datetime | None:
    """A mail's date with its zone ("Mon, 23 Nov 2026 11:22:00 +0100", "… +0100 (CET)"), as the region's local time;
    None for anything else (a mail desk's export was refused row for row)."""
    from email.utils import parsedate_to_datetime

    if not re.search(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UTC|UT)\b", text):
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return to_region_local(moment)


def clock_hour(hour: str | None, ampm: str | None) -> int:
    """The hour of a 24-hour clock for an hour written with AM or PM ("12 AM" is 0, "4 PM" 16), else as written;
    ValueError for an hour AM/PM cannot have."""
    if hour is None:
        return 0
    if not ampm:
        return int(hour)
    if not 1 <= int(hour) <= 12:
        raise ValueError(f"not an hour with {ampm}: {hour}")
    return int(hour) % 12 + (12 if ampm[0] in "Pp" else 0)


def weeks_of_period(start: date, end: date) -> list[str]:
    """The ISO weeks that the days *start* to *end* touch, oldest first."""
    weeks, monday = [], start - timedelta(days=start.weekday())
    while monday <= end:
        year, number, _ = monday.isocalendar()
        weeks.append(f"{year}-W{number:02d}")
        monday += timedelta(days=7)
    return weeks


def newest_week_so_far(weeks: list[str], today: date) -> str | None:
    """The week a desk's newest work is in: the newest of *weeks* (ISO weeks with tickets, any order) that has
    begun by *today*; the newest of them when none has (None without weeks). One ticket dated a year ahead
    by a slip ("03/12/2027") made that empty future week the default of the topics and the training view."""
    year, number, _ = today.isocalendar()
    this_week = f"{year}-W{number:02d}"
    begun = [week for week in weeks if week <= this_week]
    return max(begun or weeks, default=None)


def iso_week_of(created_at: str) -> str:
    """'2025-W18' for an ISO date-time string."""
    year, week, _ = parse_datetime(created_at).isocalendar()
    return f"{year}-W{week:02d}"


_WEEK_WORD = r"(?:[Vv]ecka|[VvWw]\.?)"  # vecka, v, v., V, w
_ISO_WEEK_RE = lazy_compile(r"\s*(?P<year>\d{4})\s*-?\s*(?:" + _WEEK_WORD + r"\s*)?(?P<week>\d{1,2})\s*")
_WEEK_YEAR_RE = lazy_compile(r"\s*" + _WEEK_WORD + r"?\s*(?P<week>\d{1,2})\s*(?:[ ,/-]\s*(?P<year>\d{4}))?\s*")


def parse_week(text: str) -> tuple[date, date]:
    """First and last day of an ISO week written '2025-W18' (or '2025W18', '2025-18', '2025 v18'), or as
    Swedish staff write it: 'v46', 'v. 46', 'vecka 46', '46', 'v46 2025'. A week without a year is the
    latest week of that number that has begun in the region (v52 in January is last year's)."""
    match = _ISO_WEEK_RE.fullmatch(str(text)) or _WEEK_YEAR_RE.fullmatch(str(text))
    if not match:
        raise BadInputError(f"'{text}' är ingen ISO-vecka; skriv till exempel 2025-W18 eller v18")
    week = int(match.group("week"))
    year = int(match.group("year")) if match.group("year") else _latest_year_of_week(week)
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise BadInputError(f"vecka {week} finns inte år {year}") from exc
    return monday, date.fromisocalendar(year, week, 7)


def _latest_year_of_week(week: int) -> int:
    """The year of the latest week numbered *week* whose Monday is not after the region's today."""
    if not 1 <= week <= 53:
        raise BadInputError(f"vecka {week} finns inte")
    today = region_now().date()
    for year in (today.isocalendar()[0], today.isocalendar()[0] - 1, today.isocalendar()[0] - 2):
        try:
            if date.fromisocalendar(year, week, 1) <= today:
                return year
        except ValueError:  # week 53 in a year of 52
            continue
    raise BadInputError(f"ingen vecka {week} har börjat de senaste åren; skriv året, till exempel {today.year}-W{week:02d}")


def week_day_number(monday: date, go_live: date | None) -> int | None:
    """Days from go-live to a week's Monday; the go-live week itself counts as 0."""
    if go_live is None:
        return None
    days = (monday - go_live).days
    return 0 if -6 <= days < 0 else days


def day_number_of_week(week: str, go_live: date | None) -> int | None:
    """D+N of an ISO week ('2025-W18'), counted from its Monday."""
    monday, _ = parse_week(week)
    return week_day_number(monday, go_live)


def day_label(number: int | None) -> str:
    """'D+12' after go-live, 'D-9' before it, '' when there is no go-live date."""
    if number is None:
        return ""
    return f"D+{number}" if number >= 0 else f"D{number}"


def normalise_week(text: str) -> str:
    monday, _ = parse_week(text)
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def unit_key(unit: str | None) -> str:
    """One unit however it was typed: "Avd 12 Medicin", "avd 12  medicin " are the same unit."""
    return " ".join((unit or "").split()).casefold()


SHORT_UNIT_MIN = 4  # letters of a unit written short that can stand for one other unit ("endo")


def unit_counts(counts: dict[str, int]) -> dict[str, int]:
    """Tickets per unit with the spellings of one unit (:func:`unit_key`) counted together, under the
    spelling most of them used (spaces tidied), most first. A unit written short, one word that starts
    the name of exactly one other unit among them, counts with that one ("Endoskopienheten (5), endo (1)"
    was two units on a tester's agenda; "orto" beside "Ortopedavdelning 14" and "Ortopedmottagningen" stays apart)."""
    spellings: dict[str, dict[str, int]] = {}
    for unit, count in counts.items():
        if unit_key(unit):
            shown = spellings.setdefault(unit_key(unit), {})
            tidy = " ".join(unit.split())
            shown[tidy] = shown.get(tidy, 0) + int(count or 0)
    for short in [key for key in spellings if " " not in key and len(key) >= SHORT_UNIT_MIN]:
        longer = [key for key in spellings if key != short and key.startswith(short)]
        if len(longer) == 1:  # counted under the whole name's most used spelling
            whole = spellings[longer[0]]
            whole[max(whole, key=whole.get)] += sum(spellings.pop(short).values())
    merged = {max(shown, key=shown.get): sum(shown.values()) for shown in spellings.values()}
    return dict(sorted(merged.items(), key=lambda item: -item[1]))
