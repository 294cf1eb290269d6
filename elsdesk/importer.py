"""Turn the raw rows of a ticket file into tickets: fields, dates, ids and labels checked.

Reading the files is :mod:`elsdesk.ticket_files`, creation times :mod:`elsdesk.import_dates` (their names are
re-exported here). Text is masked before anything is cut, messages never echo an identifier, a personnummer or
an absurd date is no ``created_at`` (an Excel date serial such as 46342.43 is a date; a day ahead is read, and
the import says so), and an id that is too long or holds control characters is refused rather than cut. A
"Kategori" column is read as the module or as the kind, whichever its values are (:class:`CategoryColumn`). A row
without title, description and date columns only changes the ticket its id names (:func:`changes_only`).
"""

from __future__ import annotations

import calendar
import hashlib
import re
import textwrap
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Iterable

from elsdesk.domain import Ticket, parse_written_datetime
from elsdesk.masking import mask, mask_text
from elsdesk.plain_text import printable, without_markup
from elsdesk.region_time import to_region_local
from elsdesk.sign_offs import without_greeting, without_signoff
from elsdesk.taxonomy import Taxonomy, fold
from elsdesk.import_dates import (  # noqa: F401  (as callers know them)
    EARLIEST_DATE, EXCEL_SERIALS, FUTURE_DAYS, LATEST_DAYS_AHEAD, MONTHS, clock_of, creation_detail, excel_serial,
    last_day_not_ahead, plausible_created_at, same_creation, slashed_date,
)
from elsdesk.ticket_files import (  # noqa: F401  (the readers' names, as callers know them)
    MAX_FIELD_CHARS, SUPPORTED, RawRow, check_workbook_size, decode, estimate_rows, has_header_row, read_rows,
)

MAX_ID_CHARS = 200
# The ticket field each column name fills: the English names of the file format first, then the
# names a Swedish Excel export or a ticket system gives them. A name matches whatever its case and
# spaces, with _ for a space (see column_key). When several columns of a row fill one field, the
# first named here that has a value wins, so a file with the English names reads as it always did.
FIELD_NAMES = {
    "title": "title", "rubrik": "title", "titel": "title", "ämne": "title", "subject": "title",
    "summary": "title", "sammanfattning": "title", "short description": "title", "kort beskrivning": "title",
    "ärenderubrik": "title",
    "description": "description", "beskrivning": "description", "ärendebeskrivning": "description",
    "problembeskrivning": "description", "body": "description", "ärendetext": "description", "fritext": "description",
    "meddelande": "description", "message": "description", "details": "description", "detaljer": "description",
    "beskriv problemet": "description", "beskriv ditt problem": "description", "beskriv felet": "description",
    "beskrivning av problemet": "description", "long description": "description",
    # TOPdesk's request text: "Anmälan" in Swedish, "Request" in English
    "anmälan": "description", "anmälans text": "description", "request": "description", "request text": "description",
    "created_at": "created_at", "skapad": "created_at", "created": "created_at", "skapat": "created_at",
    "skapad datum": "created_at", "skapat datum": "created_at", "skapandedatum": "created_at",
    "registrerad": "created_at", "registrerat": "created_at", "registreringsdatum": "created_at",
    "inkommen": "created_at", "inkom": "created_at", "datum": "created_at", "date": "created_at",
    "skapad den": "created_at", "skapat den": "created_at", "inkom datum": "created_at", "inkommen datum": "created_at",
    "inkommet": "created_at", "datum/tid": "created_at", "datum och tid": "created_at", "tidpunkt": "created_at",
    "anmäld": "created_at", "anmält": "created_at", "rapporterad": "created_at", "öppnad": "created_at",
    "opened": "created_at", "opened at": "created_at", "created on": "created_at", "created date": "created_at",
    "date created": "created_at", "creation date": "created_at", "reported": "created_at", "submitted": "created_at",
    "timestamp": "created_at", "tidsstämpel": "created_at", "starttid": "created_at", "start time": "created_at",
    # a mail desk's "Received", Cherwell's "Created Date Time", TOPdesk's "Anmälningsdatum"
    "received": "created_at", "received date": "created_at", "date received": "created_at", "mottaget": "created_at",
    "mottagen": "created_at", "created date time": "created_at", "created datetime": "created_at",
    "created date/time": "created_at", "logged": "created_at", "logged on": "created_at", "logged date": "created_at",
    "registered": "created_at", "registered on": "created_at", "call date": "created_at",
    "anmälningsdatum": "created_at", "anmäld datum": "created_at", "anmälningstid": "created_at",
    # a clock time in a column of its own beside the date ("Datum" and "Tid" of a hand-kept log): see _created_of
    "tid": "created_time", "klockslag": "created_time", "kl": "created_time", "klockan": "created_time",
    "time": "created_time",
    # a ticket system's key before its internal number (Jira's "Issue key" ELS-501 beside "Issue id" 10501)
    "issue key": "external_id", "key": "external_id",
    "id": "external_id", "external_id": "external_id", "ärendenummer": "external_id", "ärendenr": "external_id",
    "ärende nr": "external_id", "ärende-id": "external_id", "ärendeid": "external_id", "ärende id": "external_id",
    "externt id": "external_id", "ticket id": "external_id", "nr": "external_id",
    "löpnr": "external_id", "löpnummer": "external_id", "number": "external_id", "ticket number": "external_id",
    "incident number": "external_id", "case number": "external_id",
    # TOPdesk's "Anmälningsnummer", Cherwell's "Incident ID", other tools' "Case ID" and "Call ID"
    "anmälningsnummer": "external_id", "anmälningsnr": "external_id", "anmälan nr": "external_id",
    "incident id": "external_id", "case id": "external_id", "call id": "external_id", "request id": "external_id",
    "request number": "external_id", "ärendenummer (extern)": "external_id",
    "unit": "unit", "enhet": "unit", "vårdenhet": "unit", "avdelning": "unit", "department": "unit",
    "location": "unit", "arbetsplats": "unit",
    "resolution": "resolution", "lösning": "resolution", "åtgärd": "resolution", "solution": "resolution",
    "resolution notes": "resolution", "close notes": "resolution", "lösningsbeskrivning": "resolution",
    "reporter_role": "reporter_role", "roll": "reporter_role", "anmälarroll": "reporter_role",
    "anmälarens roll": "reporter_role", "yrkesroll": "reporter_role", "role": "reporter_role",
    "yrke": "reporter_role", "befattning": "reporter_role",
    "status": "status", "ärendestatus": "status", "state": "status",
    "module": "module", "modul": "module", "cosmic-modul": "module", "cosmicmodul": "module",
    "component/s": "module", "components": "module", "component": "module", "komponent": "module",
    "subcategory": "module", "underkategori": "module",  # a service desk's "Cosmic - Läkemedel" under "Software"
    "kind": "kind", "typ": "kind", "ärendetyp": "kind", "problemtyp": "kind", "type": "kind", "issue type": "kind",
    "issuetype": "kind",  # Jira's API: fields.issuetype.name
    "problem": "problem", "känt problem": "problem", "kända problem": "problem", "kant_problem": "problem",
    "known problem": "problem",
    "priority": "priority", "prioritet": "priority", "prio": "priority", "angelägenhetsgrad": "priority",
    "brådskandegrad": "priority", "urgency": "priority",
    "channel": "channel", "kanal": "channel", "kontaktväg": "channel", "kontaktsätt": "channel", "inkom via": "channel",
    "inkommit via": "channel", "ärendekanal": "channel", "contact type": "channel",
    "escalation": "escalation", "eskalering": "escalation", "eskalerad till": "escalation", "eskalerat till": "escalation",
    "eskalerad": "escalation", "eskalerat": "escalation", "escalated to": "escalation",
}
# columns of elsdesk's own ``list --json`` that an import does not read: no warning about them
IGNORED_COLUMNS = ("label_source",)
# a column a region's export fills with either labels: read as the module or as the kind, whichever
# its values are (:class:`CategoryColumn`); after the file's own module and kind columns
CATEGORY_NAMES = ("kategori", "category", "ärendekategori")
CATEGORY_SAMPLE_ROWS = 500  # the first rows whose category values decide
# the fields as messages name them
FIELD_WORDS = {"title": "rubrik", "description": "beskrivning", "created_at": "datum", "created_time": "klockslag",
               "external_id": "id",
               "unit": "enhet", "reporter_role": "roll", "status": "status", "module": "modul", "kind": "typ",
               "resolution": "lösning", "problem": "känt problem", "priority": "prioritet", "channel": "kanal",
               "escalation": "eskalering"}
# the fields whose values are labels of a taxonomy group, read by id, name or synonym
LABELLED_FIELDS = {"status": "statuses", "module": "modules", "kind": "kinds", "priority": "priorities",
                   "channel": "channels", "escalation": "escalations"}
# the values named in a warning about an unknown one (their synonyms are read too); the module and kind lists are too long
READ_VALUES = {"priority": "Låg, Normal, Hög, Akut (P1–P4, Medel, Kritisk …)",
               "channel": "Telefon, Besök, ELS-rond, E-post (Mejl, Rond, På plats …)",
               "escalation": "Cambio, Regional förvaltning, IT (Leverantör, Förvaltningen, Servicedesk …)"}
KEPT_WHEN_UNKNOWN = ("priority", "channel", "escalation")
# what an escalation column holds for a ticket nobody escalated (folded, see elsdesk.taxonomy.fold)
NOT_ESCALATED = {"nej", "ingen", "inget", "ej", "ej eskalerad", "inte eskalerad", "ej eskalerat", "inte eskalerat",
                 "no", "none", "n a", "na", "0", "false", "falskt"}
_ESCALATED_TO = re.compile(r"(?:\btill\b|\bto\b|\()\s*(?:(?:till|to)\s+)?([^()]+?)\s*\)?\s*$", re.IGNORECASE)
NO_TEXT = "varken rubrik (title) eller beskrivning (description) har text"
NO_DATE = "datum saknas"
# the fields that make a new ticket: a row with an id and none of them only changes a ticket (:func:`changes_only`)
MAKING_FIELDS = ("title", "description", "created_at")
NO_ID_TO_CHANGE = ("id saknas: en rad utan rubrik, beskrivning och datum kan bara ändra ett ärende som redan finns;"
                   " skriv dess ärendenummer i id-kolumnen")
# a file without rows after its first line, which is read as the column names
NO_ROWS = ("filen innehåller inga ärenden: den är tom, eller har bara en rad (den första raden läses som kolumnernas"
           " namn, t.ex. Rubrik;Beskrivning;Datum, och ärendena står på raderna under)")
NO_JSON_ROWS = ('filen innehåller inga ärenden: den är tom (JSON-rader: ett ärende per rad, t.ex.'
                ' {"id": "A-1", "created_at": "2026-11-02 08:15", "title": "…"})')


def no_rows(path) -> str:
    """Why a file gave no tickets, in the words of its kind (a JSON Lines file has no header row)."""
    return NO_JSON_ROWS if str(path).lower().endswith((".jsonl", ".json", ".ndjson")) else NO_ROWS


def column_key(name) -> str:
    """A column name as it is looked up in FIELD_NAMES: case, spaces (around, inside) and _ for a space do not matter."""
    return " ".join(str(name).replace("_", " ").split()).casefold()


_FIELD_OF = {column_key(name): (rank, field) for rank, (name, field) in enumerate(FIELD_NAMES.items())}


def _folded(field_of: dict[str, tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """*field_of* keyed by the names written without å/ä/ö or with other punctuation ("ArendeID", "Losning")."""
    folded: dict[str, tuple[int, str]] = {}
    for key, found in field_of.items():
        folded.setdefault(fold(key), found)
    return folded


_FOLDED_FIELD_OF = _folded(_FIELD_OF)


def _field_of_name(name) -> tuple[int, str] | None:
    """(rank, field) of a column named exactly as in FIELD_NAMES, or so written without å/ä/ö or punctuation."""
    key = column_key(name)
    return _FIELD_OF.get(key) or _FOLDED_FIELD_OF.get(fold(key))


# a name of several words whose last says what it is: a role ("Anmälare roll", "Anmälarens yrkesroll", "Reporter
# role"), a unit ("Requester department", "Anmälarens enhet"), the text ("Ticket body", "Ärendets beskrivning") or
# its title ("Ticket subject"). A ticket system's export names them in many ways, and a column dropped silently
# empties "Anmäls av" on every agenda, or stores every ticket without its text. An exact name comes first.
# ("Resolution details" is no description: a word of another field's name before it says whose it is)
_LAST_WORD_FIELDS = ("reporter_role", "unit", "description", "title")
_LAST_WORDS = {column_key(name): (len(FIELD_NAMES) + rank, field) for rank, (name, field) in enumerate(FIELD_NAMES.items())
               if field in _LAST_WORD_FIELDS and " " not in name and "_" not in name}
_OTHER_FIELD_WORDS = {column_key(name) for name, field in FIELD_NAMES.items()
                      if field in ("resolution", "status", "module", "kind", "created_at", "external_id", "priority",
                                   "channel", "escalation") and " " not in name}


def _by_last_word(key: str) -> tuple[int, str] | None:
    """(rank, field) of a column name of several words read by its last word (see _LAST_WORD_FIELDS)."""
    *before, last = key.split(" ")
    if not before or _OTHER_FIELD_WORDS.intersection(before):
        return None
    return _LAST_WORDS.get(last)


# a form's question as a column's name ("Vilken enhet jobbar du på?", "Vilken del av Cosmic gäller det?", "Beskriv
# problemet så noga du kan?"): read by the first of its words that names one of these fields, or these words
_QUESTION_FIELDS = ("unit", "reporter_role", "module", "title", "description")
_QUESTION_WORDS = {"cosmic": "module", "beskriv": "description", "yrke": "reporter_role"}
_QUESTION_RANK = 3 * len(FIELD_NAMES)  # after every plain, last-word and nested name


def _by_question(key: str) -> tuple[int, str] | None:
    """(rank, field) of a column named by a form's question (:data:`_QUESTION_FIELDS`), None for any other name."""
    if not key.endswith("?"):
        return None
    for word in re.findall(r"[^\W\d_]+", key):
        found = _FIELD_OF.get(word)
        if found and found[1] in _QUESTION_FIELDS:
            return _QUESTION_RANK + found[0], found[1]
        if word in _QUESTION_WORDS:
            return _QUESTION_RANK, _QUESTION_WORDS[word]
    return None


_IGNORED = {column_key(name) for name in IGNORED_COLUMNS}
_CATEGORY = {column_key(name) for name in CATEGORY_NAMES}
# the last part of a nested object's name that says it is the object's value, not a field of its own:
# {"state": {"name": "Closed"}} ("state.name") is read as "state", {"category": {"value": …}} as "category"
_VALUE_PARTS = ("name", "value", "displayname", "display name", "label", "text")
_CAMEL_CASE = re.compile(r"(?<=[a-zåäö0-9])(?=[A-ZÅÄÖ])")
_NESTED_RANK = 2 * len(FIELD_NAMES)  # a nested field's dotted name is tried after every plain name


def _name_parts(name) -> list[str]:
    """The parts of a column name as keys (:func:`column_key`): a nested JSON field's dotted name split at its
    dots ("fields.summary": fields, summary), camelCase words apart ("ticketId": "ticket id"); a last part that
    is the object's value ("state.name") left out."""
    parts = [column_key(_CAMEL_CASE.sub(" ", part)) for part in str(name).split(".")]
    parts = [part for part in parts if part]
    if len(parts) > 1 and parts[-1] in _VALUE_PARTS:
        parts.pop()
    return parts


def _by_written_name(name) -> tuple[int, str] | None:
    """(rank, field) of a name as a JSON export writes it, when its key alone is no known name: camelCase
    ("ticketId", "requesterDepartment") and a nested field's dotted name read by its last part as a column of
    that name is ("fields.summary": title, "requester.department": unit, "state.name": status). A dotted name is
    tried after every plain one and never names the id (a nested object's id is its requester's or category's,
    not the ticket's), nor a field of a part before it ("resolution.details" is no description)."""
    parts = _name_parts(name)
    if not parts:
        return None
    *before, last = parts
    found = _FIELD_OF.get(last) or _by_last_word(last)
    if not found or not before:
        return found
    if found[1] == "external_id" or _OTHER_FIELD_WORDS.intersection(before):
        return None
    return _NESTED_RANK + found[0], found[1]


_CUSTOM_FIELD = re.compile(r"custom ?field \((.+)\)")  # Jira's name of a field a site added: "Custom field (Enhet)"
_CUSTOM_RANK = 4 * len(FIELD_NAMES)  # after every other way of reading a name


def _by_custom_field(key: str) -> tuple[int, str] | None:
    """(rank, field) of a ticket system's own field of a known name, "Custom field (Enhet)" read as "Enhet" (an
    import tester's Jira export stored no ticket's unit); never the id (a site's own field is not the ticket's key)."""
    match = _CUSTOM_FIELD.fullmatch(key)
    found = _FIELD_OF.get(column_key(match.group(1))) if match else None
    return (_CUSTOM_RANK + found[0], found[1]) if found and found[1] != "external_id" else None


def _is_category(name) -> bool:
    """Whether a column is a category column ("Kategori", "fields.category.name")."""
    parts = _name_parts(name)
    return bool(parts) and parts[-1] in _CATEGORY and not _OTHER_FIELD_WORDS.intersection(parts[:-1])


@dataclass(frozen=True)
class _Columns:
    """What one header means: (column, field) in the order a field's columns are tried, and the unknown columns."""

    fields: tuple[tuple[str, str], ...]
    unknown: tuple[str, ...]


@lru_cache(maxsize=1024)
def _columns_of(names: tuple, category: str | None = None) -> _Columns:
    """The meaning of a row's column names (every row of a CSV has the same: worked out once); a
    category column fills the field *category* ("module", "kind"), is unread when it is None."""
    known, unknown = [], []
    for name in names:
        key = column_key(name)
        found = (_field_of_name(name) or _by_last_word(key) or _by_written_name(name) or _by_question(key)
                 or _by_custom_field(key))
        if found:
            rank, field = found
            known.append((rank, name, field))
        elif category and _is_category(name):
            known.append((len(_FIELD_OF), name, category))
        elif key and key not in _IGNORED:
            unknown.append(str(name))
    known.sort(key=lambda item: item[0])  # stable: columns of one name keep the file's order
    return _Columns(tuple((name, field) for _rank, name, field in known), tuple(unknown))


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def ticket_fields(fields: dict, category: str | None = None) -> dict:
    """A row's values by ticket field name (``title``, ``external_id``, …) whatever the file calls its
    columns (see FIELD_NAMES; a category column as *category*, see :class:`CategoryColumn`); unknown
    columns are left out. Of several columns that fill one field, the first in FIELD_NAMES with a value
    wins. A dict already by field name comes back the same."""
    values: dict = {}
    for column, field in _columns_of(tuple(fields), category).fields:
        if field not in values or _blank(values[field]):
            values[field] = fields[column]
    return values


def header_has_text_column(names) -> bool:
    """Whether a header row names a title or a description column (how a workbook's ticket sheet, and
    a header row under a title, is found)."""
    return any((_field_of_name(name) or (0, ""))[1] in ("title", "description") for name in names)


def columns_read(names) -> int:
    """How many of a row's cells name a column the import reads."""
    return sum(1 for name in names if _field_of_name(name) is not None)


def header_names_a_column(names) -> bool:
    """Whether a row names any column the import reads (the first row of a file that does is its header)."""
    return any(_field_of_name(name) is not None for name in names)


@lru_cache(maxsize=256)
def category_columns(names: tuple) -> tuple:
    """The category columns ("Kategori") among a row's column names."""
    return tuple(name for name in names if _is_category(name))


@dataclass
class CategoryColumn:
    """What a file's category column ("Kategori") holds, decided once per file from the values of its
    first :data:`CATEGORY_SAMPLE_ROWS` rows: the module when most of the values a label matches are
    modules, the kind ("Fel", "Fråga", "Handhavande") when most are kinds. When fewer than half its
    values are either, it stays unread (and the unread-column warning names it). A value that is both
    a module's and a kind's name ("Driftstörning") decides nothing."""

    field: str | None = None  # "module", "kind" or None: unread
    name: str = ""            # the column as the file names it
    matched: int = 0          # values in the sample that are labels of *field*
    values: int = 0           # values in the sample (with text)
    unmatched: tuple[str, ...] = ()  # a few of the sample's values no label matched, as written

    @classmethod
    def of_rows(cls, rows: Iterable[dict], taxonomy: "Taxonomy | RememberedLabels") -> "CategoryColumn":
        counts = {"module": 0, "kind": 0, "both": 0}
        name, values, unmatched = "", 0, {}
        for fields in rows:
            for column in category_columns(tuple(fields)):
                text = _text(fields[column])
                if not text:
                    continue
                name, values = name or str(column), values + 1
                module, kind = taxonomy.read_loosely("modules", text), taxonomy.read_loosely("kinds", text)
                if module or kind:
                    counts["both" if module and kind else "module" if module else "kind"] += 1
                elif len(unmatched) < 3:
                    unmatched.setdefault(text.casefold(), text)
        field = "kind" if counts["kind"] > counts["module"] else "module"
        if not counts[field] or 2 * sum(counts.values()) < values:
            return cls(None, name, sum(counts.values()), values, tuple(unmatched.values()))
        return cls(field, name, counts[field] + counts["both"], values)

    def note(self) -> str | None:
        """What the import says about the column: how it was read ("kolumnen 'Kategori' lästes som modul …"), or
        why it was not, with values of it (the unread-column warning said only that it was not recognised, while
        ``import --help`` lists "kategori" among the columns read; a new training lead); None without one."""
        if self.field is None:
            if not self.values:
                return None
            examples = ", ".join(f"'{shown(value, 30)}'" for value in self.unmatched)
            return (f"kolumnen '{shown(self.name, 60)}' lästes inte: bara {self.matched} av {self.values} värden i"
                    f" filens första rader är moduler eller ärendetyper som desken känner"
                    + (f" (inte t.ex. {examples})" if examples else "")
                    + ", så den lästes varken som modul eller som typ")
        which = "moduler" if self.field == "module" else "ärendetyper (Fel, Handhavande …)"
        return (f"kolumnen '{shown(self.name, 60)}' lästes som {FIELD_WORDS[self.field]}: {self.matched} av"
                f" {self.values} värden i filens första rader är {which}")


# the column names an unread-column warning lists, one entry per field, as a Swedish export writes them
# (every one is in FIELD_NAMES); the full list is :func:`understood_columns`
SHORT_COLUMN_NAMES = {
    "title": "rubrik", "description": "beskrivning", "created_at": "skapad/datum", "created_time": "tid/klockslag",
    "external_id": "ärendenummer",
    "unit": "enhet", "reporter_role": "roll", "status": "status", "module": "modul", "kind": "typ/ärendetyp",
    "resolution": "lösning/åtgärd", "problem": "känt problem", "priority": "prioritet", "channel": "kanal",
    "escalation": "eskalering",
}


def understood_columns(width: int = 100) -> str:
    """Every column name an import reads, one entry per field ("rubrik: title, rubrik, titel, …"), wrapped
    at *width* between names (never inside "skapad datum"): for a help text such as ``elsdesk import
    --help``, not for a one-line message."""
    groups: dict[str, list[str]] = {}
    for name, field in FIELD_NAMES.items():
        groups.setdefault(field, []).append(name)
    lines: list[str] = []
    for field, names in groups.items():
        line = f"{SHORT_COLUMN_NAMES.get(field, field)}:"
        for number, name in enumerate(names):
            word = name + ("," if number < len(names) - 1 else "")
            if len(line) + 1 + len(word) > width:
                lines.append(line)
                line = "    " + word
            else:
                line += " " + word
        lines.append(line)
    lines.append(f"modul eller typ, efter värdena: {', '.join(CATEGORY_NAMES)}")
    lines.extend(textwrap.wrap("nästlade JSON-fält efter sista delen: fields.summary som summary,"
                               " requester.department som department, state.name som state (aldrig som id);"
                               " camelCase som ord: ticketId som ticket id", width, subsequent_indent="    ",
                               break_on_hyphens=False))
    lines.extend(textwrap.wrap("en fråga ur ett formulär (slutar med ?) efter sitt ord för enhet, roll, modul,"
                               " rubrik eller beskrivning: \"Vilken enhet jobbar du på?\" som enhet, \"Vilken del av"
                               " Cosmic gäller det?\" som modul", width, subsequent_indent="    ",
                               break_on_hyphens=False))
    return "\n".join(lines)


class FileColumns:
    """The columns the rows of one file carried: which ticket fields they fill and which columns
    nothing is read from. Each distinct header is looked at once, so a long file costs little."""

    LIMIT = 40  # column names kept for a message

    def __init__(self, header_line: int | None = None):
        self.header_line = header_line  # the header row of a file that has one (CSV, XLSX), None for JSON
        self.category: str | None = None  # what a category column is read as (:class:`CategoryColumn`)
        self.fields: set[str] = set()
        self.names: dict[str, int] = {}    # column name -> the line it was first seen on
        self.unknown: dict[str, int] = {}
        self.explained: set[str] = set()  # unread columns another warning says why of (CategoryColumn.note)
        self._seen: set[tuple] = set()

    @classmethod
    def of_file(cls, path) -> "FileColumns":
        """The columns of the file *path*: its header is line 1 when its format has one (CSV, XLSX), until
        the reader says it is further down (:meth:`see_header`)."""
        return cls(1 if has_header_row(path) else None)

    def see_header(self, row: RawRow) -> None:
        """Note where the file's header row is, when the reader says (on the file's first row)."""
        if row.header is not None and self.header_line is not None:
            self.header_line = row.header

    def see(self, fields: dict, line: int) -> None:
        """Note the columns of one row (read at *line*)."""
        names = tuple(fields)
        if names in self._seen:
            return
        if len(self._seen) < 1000:
            self._seen.add(names)
        columns = _columns_of(names, self.category)
        self.fields.update(field for _column, field in columns.fields)
        for found, group in (([str(n) for n in names if str(n).strip()], self.names), (columns.unknown, self.unknown)):
            for name in found:
                if len(group) < self.LIMIT:
                    group.setdefault(name, self.header_line or line)

    def unknown_warning(self) -> tuple[int, str] | None:
        """(line, warning) naming the columns nothing is read from and, compactly, the names that are
        read (one per field, :data:`SHORT_COLUMN_NAMES`); None if none."""
        unknown = {name: line for name, line in self.unknown.items() if name not in self.explained}
        if not unknown:
            return None
        names = ", ".join(f"'{shown(name, 60)}'" for name in unknown)
        which = "kolumnen" if len(unknown) == 1 else "kolumnerna"
        # what it means when the file's text was in one of them: said, not left to be found in the stored tickets
        without_text = ("; ingen kolumn lästes som beskrivning, så ärendena sparades utan beskrivning (heter"
                        " ärendets text något av dessa? byt namn till Beskrivning och importera igen)"
                        if "description" not in self.fields and self.fields & {"title"} else "")
        return min(unknown.values()), (
            f"{which} {names} känns inte igen och lästes inte{without_text}; kolumner som läses:"
            f" {', '.join(SHORT_COLUMN_NAMES.values())}"
            " och fler (elsdesk import --help visar alla)")

    def no_date_column(self) -> str | None:
        """Why every row lacks a date when the file has no column that is a date (naming the column
        names that count as one); None when it has one."""
        if not self.names or "created_at" in self.fields:
            return None
        names = "/".join(name for name, field in FIELD_NAMES.items() if field == "created_at")
        return f"filen har ingen datumkolumn; en kolumn med något av dessa namn läses som datum: {names}"

    def no_text_column(self) -> str | None:
        """Why no row has text when the file has no column that is a title or a description (a header
        row further down, other column names); None when it has one."""
        if not self.names or self.fields & {"title", "description"}:
            return None
        names = ", ".join(f"'{shown(name, 60)}'" for name in self.names)
        hint = " (står rubrikraden inte överst, eller heter kolumnerna något annat?)" if self.header_line else ""
        return ("filen har ingen kolumn som elsdesk känner igen som rubrik eller beskrivning (title/description);"
                f" kolumnerna i filen: {names}{hint}")


class RememberedLabels:
    """A taxonomy's :meth:`~elsdesk.taxonomy.Taxonomy.normalise` that remembers its answers: a file
    repeats the same few module, kind, status and role values on every row."""

    LIMIT = 10_000  # free-text roles could be all different: remember no more than this

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self._answers: dict[tuple, object] = {}

    def normalise(self, group: str, value: str | None) -> str | None:
        return self._remembered((group, value), lambda: self.taxonomy.normalise(group, value))

    def read_loosely(self, group: str, value: str | None) -> str | None:
        return self._remembered(("loosely", group, value), lambda: self.taxonomy.read_loosely(group, value))

    def written_role(self, written: str) -> tuple[str, int]:
        """:meth:`~elsdesk.taxonomy.Taxonomy.written_role`, remembered as :meth:`normalise` is."""
        return self._remembered(("written_role", written), lambda: self.taxonomy.written_role(written))

    def _remembered(self, key: tuple, answer_of):
        try:
            return self._answers[key]
        except KeyError:
            answer = answer_of()
            if len(self._answers) < self.LIMIT:
                self._answers[key] = answer
            return answer


@dataclass(frozen=True)
class UnknownValue:
    """A row's status, module, kind, priority, channel or escalation that no label of the taxonomy matches
    (by id, name or synonym)."""

    field: str   # a key of LABELLED_FIELDS
    value: str   # as the file wrote it

    def warning(self, rows: int = 1, first: int = 0, last: int = 0) -> str:
        """What the import says about it: for one row, or once for the *rows* rows (*first*–*last*) that gave it."""
        where = f" på {rows} rader (rad {first}–{last})" if rows > 1 else ""
        if self.field == "status":
            return (f"okänd status '{shown(self.value, 30)}'{where}, satt till ny; statusar som läses: Ny, Pågår,"
                    " Väntar, Eskalerad, Löst och vanliga namn för dem (Öppen, Under arbete, Väntar på kund, Stängd …)")
        said = f"okänt värde för {FIELD_WORDS.get(self.field, self.field)}: '{shown(self.value)}'{where}, ignorerat"
        if self.field in READ_VALUES:
            said += f"; värden som läses: {READ_VALUES[self.field]}"
        return said


class UnknownValues:
    """The distinct unknown status, module and kind values of one file with the rows that gave them,
    so that an import says once per value "okänd status 'X' på 44 rader" rather than once per row."""

    LIMIT = 50  # distinct values kept by name; the rest are counted together

    def __init__(self) -> None:
        # (field, value in any case and spacing) -> the value as first written, [rows, first row, last row]:
        # "Vaccination" and "vaccination " are one unknown value
        self._rows: dict[tuple[str, str], tuple[UnknownValue, list[int]]] = {}
        self._other_rows: dict[str, list[int]] = {}  # field -> [rows, first row] with a value beyond LIMIT

    def add(self, unknown: UnknownValue, row: int) -> None:
        key = (unknown.field, " ".join(unknown.value.split()).casefold())
        seen = self._rows.get(key)
        if seen is not None:
            seen[1][0] += 1
            seen[1][2] = row
        elif len(self._rows) < self.LIMIT:
            self._rows[key] = (unknown, [1, row, row])
        else:
            self._other_rows.setdefault(unknown.field, [0, row])[0] += 1

    def warnings(self) -> list[tuple[int, str]]:
        """(first row, warning) per distinct value in the order first seen, then one for the values past LIMIT."""
        said = [(first, unknown.warning(rows, first, last)) for unknown, (rows, first, last) in self._rows.values()]
        for field, (rows, first) in self._other_rows.items():
            said.append((first, f"ytterligare {rows} rader har okända värden för {FIELD_WORDS.get(field, field)}:"
                                f" fler olika än {self.LIMIT}, så de nämns inte var för sig"))
        return said


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return printable(value).strip()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return printable(str(value)).strip()


def _free_text(value) -> str:
    """A text field's value; a number in it is what a spreadsheet made of a phone number or personnummer."""
    if isinstance(value, str):
        return printable(value).strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(abs(value))
        if 7 <= len(digits) <= 9:
            return "0" + digits      # the leading 0 of a Swedish phone number was dropped
        if len(digits) == 11 and digits.startswith("46"):
            return "+" + digits
        return digits
    return _text(value)


def shown(value, limit: int = 40) -> str:
    """A raw value as a message may show it: identifiers masked first, then cut, no control characters."""
    return printable(mask(_text(value)), keep_newlines=False)[:limit]


def present_fields(fields: dict) -> set[str]:
    """The ticket fields a row actually carries (a column with a value)."""
    return {name for name, value in ticket_fields(fields).items() if not _blank(value)}


def problem_field(fields: dict):
    """The raw value of the row's ``problem`` column (the known problem a person linked it to), or None."""
    value = ticket_fields(fields).get("problem")
    return None if value in (None, "") else value


def read_ticket_row(fields: dict, taxonomy: Taxonomy | RememberedLabels, category: str | None = None
                    ) -> tuple[Ticket, list[str], set[str], object, list[UnknownValue]]:
    """:func:`row_to_ticket`, :func:`present_fields` and :func:`problem_field` of one row at once
    (its columns read once, a category column as *category*), and its unknown status, module and kind
    values apart from its warnings (an import says those once per file, see :class:`UnknownValues`);
    raise ValueError to reject."""
    values = ticket_fields(fields, category)
    ticket, warnings, unknown = _ticket_of(values, taxonomy)
    present = {name for name, value in values.items()  # not _blank(value), without a call per cell
               if value is not None and (value.strip() if isinstance(value, str) else True)}
    # an unknown priority, channel or escalation leaves a stored ticket's as it was (an unknown status is "ny", said so)
    present -= {value.field for value in unknown if value.field in KEPT_WHEN_UNKNOWN}
    if ticket.escalation:
        present.add("escalation")  # "Eskalerad till IT" in the status column
    problem = values.get("problem")
    return ticket, warnings, present, None if problem in (None, "") else problem, unknown


def external_id_of(fields: dict) -> tuple[str | None, list[str]]:
    """The external id of a row given by field name (:func:`ticket_fields`), None when it has none,
    and warnings; raise ValueError to reject the row."""
    raw = fields.get("external_id")
    if raw in (None, ""):
        return None, []
    text = str(_text(raw)) if not isinstance(raw, str) else raw.replace("\x00", "")
    trimmed = text.strip()
    if not trimmed:
        return None, []
    if printable(trimmed, keep_newlines=False) != trimmed:
        raise ValueError("id innehåller styrtecken eller radbrytningar; rätta id:t")
    if len(trimmed) > MAX_ID_CHARS:
        raise ValueError(f"id är {len(trimmed)} tecken långt; högst {MAX_ID_CHARS} tillåts (ett avkortat id kunde slå ihop olika ärenden)")
    warnings = [f"id '{shown(trimmed)}' hade blanksteg före eller efter; de togs bort"] if trimmed != text else []
    return trimmed, warnings


_DATE_PARTS = (re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
               re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"))


def _not_a_date_reason(text: str) -> str:
    """Why the date *text* was refused: a day or month that does not exist ("31.02.2026"), else the forms read."""
    for pattern in _DATE_PARTS:
        match = pattern.match(text.strip())
        if not match:
            continue
        year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
        if not 1 <= month <= 12:
            return f"datum '{shown(text)}': månad {month} finns inte"
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            return (f"datum '{shown(text)}': dagen finns inte ({MONTHS[month - 1]} {year} har {days} dagar;"
                    " datum skrivs ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)")
    return (f"datum '{shown(text)}' är inget datum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD TT:MM eller"
            " DD.MM.ÅÅÅÅ TT:MM)")


def stable_id(fields: dict) -> str:
    """The automatic id earlier versions gave a row without one (its created_at, title and description
    as the file wrote them). Still computed so that a re-import finds tickets stored under it; new
    tickets get :func:`automatic_id`."""
    values = ticket_fields(fields)
    basis = "\x1f".join(_text(values.get(k)) for k in ("created_at", "title", "description"))
    return "auto-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def earlier_automatic_ids(fields: dict, ticket: Ticket) -> tuple[str, ...]:
    """The automatic ids earlier versions gave the row without an id that made *ticket*: :func:`stable_id`'s,
    and for a ticket with a reporter role the id made without it (versions before 2026-12-05 read no role
    from a column such as "Anmälare roll"), so that a re-import of the same file updates those tickets."""
    ids = [stable_id(fields)]
    values = ticket_fields(fields)
    created = datetime.fromisoformat(ticket.created_at) if ticket.created_at else None
    if created is None:
        return tuple(dict.fromkeys(i for i in ids if i != ticket.external_id))
    raw_title, description = ticket_text(values)  # the title and text as the import read them, once
    if ticket.reporter_role or not _blank(values.get("created_time")):
        moments = [created]
        if not _blank(values.get("created_time")):  # versions before 2026-12-07 read no time column: the day alone
            moments.append(created.replace(hour=0, minute=0, second=0))
            if ticket.reporter_role:  # a known role's id, as the id was made with it since 2026-12-05
                ids.append(automatic_id(moments[-1], raw_title, description, ticket.unit or "", ticket.reporter_role))
        ids.extend(automatic_id(moment, raw_title, description, ticket.unit or "") for moment in moments)
    if description:
        # the same row imported before without its text, from a column the import did not read then (an import
        # tester renamed TOPdesk's "Anmälan" to "Beskrivning", as the import's warning said, and got every ticket
        # twice): its text now goes into the ticket stored then
        ids.append(automatic_id(created, raw_title, "", ticket.unit or "", ticket.reporter_role or ""))
    return tuple(dict.fromkeys(i for i in ids if i != ticket.external_id))


# id columns read since 2026-12-07 ("Nr" of a hand-kept log, ServiceNow's "Number", Jira's "Issue key"): a file
# imported before gave its rows automatic ids, which a re-import still finds (imports: legacy ids)
ID_NAMES_SINCE_2026_12_07 = frozenset({"issue key", "key", "nr", "löpnr", "löpnummer", "number",
                                       "ticket number", "incident number", "case number",
                                       # and since the night of 2026-12-07: TOPdesk's, Cherwell's and others' names
                                       "anmälningsnummer", "anmälningsnr", "anmälan nr", "incident id", "case id",
                                       "call id", "request id", "request number", "ärendenummer (extern)"})


def id_column_newly_read(fields: dict) -> bool:
    """Whether the row's id comes from a column earlier versions did not read as the id
    (:data:`ID_NAMES_SINCE_2026_12_07`, or a known name written without å/ä/ö: "ArendeID")."""
    for column, field in _columns_of(tuple(fields)).fields:
        if field == "external_id" and not _blank(fields[column]):
            key = column_key(column)
            return key in ID_NAMES_SINCE_2026_12_07 or key not in _FIELD_OF
    return False


# the fields that say which ticket a row is; labels, status and resolution change while it is worked on
IDENTITY_NAMES = "datum, rubrik, beskrivning, enhet och anmälarroll"


def automatic_id(created: datetime, title: str, description: str, unit: str = "", role: str = "") -> str:
    """An id for a row that has none, the same whatever the spelling or file type of the same ticket:
    made of its parsed date (see :func:`_date_key`), title and description with their spaces and line
    ends normalised, and its unit and reporter role when it has them (two units' identical tickets are
    two tickets). A row with only a date, a title and a description written ``2025-04-30 08:17`` keeps
    the id :func:`stable_id` gave it."""
    basis = "\x1f".join((_date_key(created), _id_text(title), _id_text(description)))
    for name, value in (("unit", unit), ("reporter_role", role)):
        text = " ".join(str(value or "").split()).casefold()
        if text:
            basis += f"\x1f{name}={text}"
    return "auto-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def _date_key(created: datetime) -> str:
    """A date as the automatic id reads it: ``2025-04-30``, ``2025-04-30 08:17`` or ``2025-04-30 08:17:05``."""
    if (created.hour, created.minute, created.second) == (0, 0, 0):
        return created.strftime("%Y-%m-%d")
    return created.strftime("%Y-%m-%d %H:%M" if not created.second else "%Y-%m-%d %H:%M:%S")


def _id_text(text: str) -> str:
    """Text as the automatic id reads it: spaces inside a line as one, blank lines and line-end styles ignored."""
    if "\n" not in text and "\r" not in text:
        return " ".join(text.split())
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def row_to_ticket(fields: dict, taxonomy: Taxonomy | RememberedLabels) -> tuple[Ticket, list[str]]:
    """A ticket (unmasked) from one row's fields and the warnings (its unknown values among them); raise
    ValueError to reject."""
    ticket, warnings, unknown = _ticket_of(ticket_fields(fields), taxonomy)
    return ticket, warnings + [value.warning() for value in unknown]


def ticket_text(fields: dict) -> tuple[str, str]:
    """The title and description of a row given by field name (:func:`ticket_fields`), as the import
    reads them; raise ValueError when neither has text or one is too long."""
    written = _free_text(fields.get("title"))
    title = without_markup(written)
    if title != written:  # a title's "<br>" is no line of its own
        title = " ".join(title.split())
    description = without_markup(_free_text(fields.get("description")))
    if len(title) > MAX_FIELD_CHARS or len(description) > MAX_FIELD_CHARS:
        raise ValueError("ett fält är längre än 2 miljoner tecken")
    if not title and not description:
        raise ValueError(NO_TEXT)
    return title, description


def _title_line(description: str) -> str:
    """The line of *description* that titles a ticket filed without a title: its first line with text
    once a greeting is gone ("Hejsan! Hur lägger man …": "Hur lägger man …"; "Hej ELS!" on a line of
    its own: the line after it) and without a sign-off at its end."""
    greeted = description.strip()
    lines = [line for line in without_greeting(greeted).splitlines() if line.strip()]
    if not lines:
        return next((line for line in description.splitlines() if line.strip()), "")
    first = without_signoff(lines[0].strip()) or lines[0].strip()  # "… ventilatorn hälsningar pekka"
    return first if greeted.startswith(first) else first[:1].upper() + first[1:]


def changes_only(fields: dict) -> bool:
    """Whether a row given by field name (:func:`ticket_fields`) has an id column but no title, description
    or date column (a training lead's file of ticket numbers and known problems): it names a ticket the
    desk has by its id and changes only the fields it carries; it makes no new ticket. (A row with none of
    these columns is rejected for its missing text, which the import words as the file's unknown columns.)"""
    return "external_id" in fields and not any(name in fields for name in MAKING_FIELDS)


def _ticket_of(fields: dict, taxonomy: Taxonomy | RememberedLabels) -> tuple[Ticket, list[str], list[UnknownValue]]:
    """A ticket from a row given by field name (:func:`ticket_fields`), its warnings and its status,
    module and kind values that no label matches; raise ValueError to reject. A row of
    :func:`changes_only` gives a ticket without text and creation time (``created_at`` "")."""
    warnings: list[str] = []
    unknown: list[UnknownValue] = []
    title = raw_title = description = ""
    created, masked_before_cut = None, 0
    if not changes_only(fields):
        title, description = ticket_text(fields)
        raw_title = title
        if not title:  # mask first, then cut: a number cut in half is no longer recognised
            first_line = mask_text(_title_line(description))
            title, masked_before_cut = first_line.text.strip()[:80], first_line.total
        created = plausible_created_at(_created_with_clock(fields, warnings))
    external_id, id_warnings = external_id_of(fields)
    if created is None and external_id is None:
        raise ValueError(NO_ID_TO_CHANGE)
    warnings.extend(id_warnings)
    ticket = Ticket(
        title=title,
        description=description,
        created_at=created.replace(microsecond=0, tzinfo=None).isoformat() if created else "",
        external_id=external_id,
        unit=_free_text(fields.get("unit")) or None,
        resolution=_free_text(fields.get("resolution")),
        masked_count=masked_before_cut,
    )
    role_raw = _free_text(fields.get("reporter_role"))
    if role_raw:
        role, masked = taxonomy.written_role(role_raw)
        ticket.reporter_role, ticket.masked_count = role or None, ticket.masked_count + masked
    if ticket.external_id is None:
        ticket.external_id = automatic_id(created.replace(microsecond=0, tzinfo=None), raw_title, description, ticket.unit or "",
                                          taxonomy.normalise("reporter_roles", role_raw) or role_raw if role_raw else "")
    for name, group in LABELLED_FIELDS.items():
        raw = _text(fields.get(name))  # ids, names and the synonyms in taxonomy.json ("Väntar på kund", "Closed", "P2")
        if not raw or (name == "escalation" and fold(raw) in NOT_ESCALATED):
            continue
        value = taxonomy.read_loosely(group, raw) or (escalated_status(raw, taxonomy) if name == "status" else None)
        if value:
            setattr(ticket, name, value)
        else:
            unknown.append(UnknownValue(name, raw))
    if ticket.status == "eskalerad" and not ticket.escalation:
        ticket.escalation = escalation_named_in(_text(fields.get("status")), taxonomy)
    return ticket, warnings, unknown


def escalated_status(status: str, taxonomy: Taxonomy | RememberedLabels) -> str | None:
    """"eskalerad" for a status that says where a ticket went ("Eskalerad (förvaltningen)", "Escalated to
    Cambio support"), whatever the place; None for any other status."""
    head = _ESCALATED_TO.sub("", status).strip()
    return "eskalerad" if head != status.strip() and taxonomy.normalise("statuses", head) == "eskalerad" else None


def escalation_named_in(status: str, taxonomy: Taxonomy | RememberedLabels) -> str | None:
    """The escalation a status names after its "till" or in brackets ("Eskalerad till IT", "Eskalerad
    (Cambio)", "Escalated to vendor"), or None."""
    match = _ESCALATED_TO.search(status)
    return taxonomy.normalise("escalations", match.group(1)) if match else None


def _created_with_clock(fields: dict, warnings: list[str]) -> datetime:
    """The creation time of a row given by field name: its date column's, with the clock time of a time column of
    its own ("Datum" 2026-11-25 and "Tid" 07:10 of a hand-kept log; every ticket had been created at 00:00, and six
    units' reports of one morning made a possible incident "00:00–00:00") when the date gives none. A time column
    without a date column is read as the date. A clock time that cannot be read leaves the date alone, said."""
    date_raw, clock_raw = fields.get("created_at"), fields.get("created_time")
    if _blank(date_raw) and not _blank(clock_raw):
        return _created_of(clock_raw)
    created = _created_of(date_raw)
    if _blank(clock_raw) or (created.hour, created.minute, created.second) != (0, 0, 0):
        return created
    clock = clock_of(clock_raw)
    if clock is None:
        warnings.append(f"klockslaget '{shown(clock_raw, 20)}' kunde inte läsas (TT:MM); bara datumet sparades")
        return created
    return created.replace(hour=clock.hour, minute=clock.minute, second=clock.second)


def _created_of(created_raw) -> datetime:
    """The creation time a row's date cell gives; raise ValueError to reject the row."""
    if created_raw in (None, "") or (isinstance(created_raw, str) and not created_raw.strip()):
        raise ValueError(NO_DATE)
    try:
        if isinstance(created_raw, datetime):
            return to_region_local(created_raw)  # a zoned cell value lands in the region's time, as text does
        if isinstance(created_raw, date):
            return datetime.combine(created_raw, datetime.min.time())
        return parse_written_datetime(_text(created_raw))
    except ValueError:
        # "17/11/2026" (ValueError saying why for "5/11/2026"); a workbook's date cell without a date format, or a
        # CSV saved from it
        created = slashed_date(_text(created_raw)) or excel_serial(created_raw)
        if created is None:
            raise ValueError(_not_a_date_reason(_text(created_raw))) from None
        return created
