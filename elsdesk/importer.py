"""Turn the raw rows of a ticket file into tickets: fields, dates, ids and labels checked.

Reading the files is :mod:`elsdesk.ticket_files` (its names are re-exported here). Text is
masked before anything is cut, messages never echo an identifier, a personnummer or an absurd
date is no ``created_at``, and an id that is too long or holds control characters is refused
rather than cut.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta

from elsdesk.domain import Ticket, parse_datetime
from elsdesk.masking import mask, mask_text
from elsdesk.plain_text import printable
from elsdesk.taxonomy import Taxonomy
from elsdesk.ticket_files import (  # noqa: F401  (the readers' names, as callers know them)
    MAX_FIELD_CHARS, SUPPORTED, RawRow, check_workbook_size, decode, estimate_rows, read_rows,
)

MAX_ID_CHARS = 200
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DAYS_AHEAD = 366
# the ticket field each column name fills (Swedish headers too)
FIELD_NAMES = {
    "title": "title", "rubrik": "title", "description": "description", "beskrivning": "description",
    "created_at": "created_at", "skapad": "created_at", "id": "external_id", "external_id": "external_id",
    "unit": "unit", "enhet": "unit", "resolution": "resolution", "lösning": "resolution",
    "reporter_role": "reporter_role", "status": "status", "module": "module", "kind": "kind",
    "problem": "problem", "känt problem": "problem", "kant_problem": "problem",
}


def problem_field(fields: dict):
    """The raw value of the row's ``problem`` column (the known problem a person linked it to), or None."""
    for key, value in fields.items():
        if FIELD_NAMES.get(str(key).strip().lower()) == "problem" and value not in (None, ""):
            return value
    return None


class RememberedLabels:
    """A taxonomy's :meth:`~elsdesk.taxonomy.Taxonomy.normalise` that remembers its answers: a file
    repeats the same few module, kind, status and role values on every row."""

    LIMIT = 10_000  # free-text roles could be all different: remember no more than this

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self._answers: dict[tuple[str, str], str | None] = {}

    def normalise(self, group: str, value: str | None) -> str | None:
        key = (group, value)
        try:
            return self._answers[key]
        except KeyError:
            answer = self.taxonomy.normalise(group, value)
            if len(self._answers) < self.LIMIT:
                self._answers[key] = answer
            return answer


STATUS_SYNONYMS = {
    "open": "ny", "öppen": "ny", "new": "ny", "in progress": "pagar", "pågående": "pagar",
    "waiting": "vantar", "escalated": "eskalerad", "closed": "lost", "stängd": "lost",
    "resolved": "lost", "done": "lost", "klar": "lost", "avslutad": "lost",
}


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
    present = set()
    for key, value in fields.items():
        name = FIELD_NAMES.get(str(key).strip().lower())
        if name and value is not None and (value.strip() if isinstance(value, str) else True):
            present.add(name)
    return present


def read_ticket_row(fields: dict, taxonomy: Taxonomy | RememberedLabels) -> tuple[Ticket, list[str], set[str], object]:
    """:func:`row_to_ticket`, :func:`present_fields` and :func:`problem_field` of one row at once
    (its column names cleaned once); raise ValueError to reject."""
    lowered = {str(k).strip().lower(): v for k, v in fields.items()}
    ticket, warnings = _ticket_of(lowered, taxonomy)
    present, problem = set(), None
    for key, value in lowered.items():
        name = FIELD_NAMES.get(key)
        if not name:
            continue
        if value is not None and (value.strip() if isinstance(value, str) else True):
            present.add(name)
        if name == "problem" and problem is None and value not in (None, ""):
            problem = value
    return ticket, warnings, present, problem


def external_id_of(fields: dict) -> tuple[str | None, list[str]]:
    """The row's external id (None when it has none) and warnings; raise ValueError to reject the row."""
    raw = fields.get("id")
    if raw in (None, ""):
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


def plausible_created_at(created: datetime) -> datetime:
    """*created* when it is a date a ticket can have; ValueError for 0001-01-01 or 9999-12-31."""
    latest = date.today() + timedelta(days=LATEST_DAYS_AHEAD)
    if not EARLIEST_DATE <= created.date() <= latest:
        raise ValueError(f"created_at {created.date().isoformat()} är inget rimligt datum för ett ärende"
                         f" (tillåtet {EARLIEST_DATE.isoformat()} – {latest.isoformat()})")
    return created


def stable_id(fields: dict) -> str:
    """An id for a row that has none, the same every time the same row is imported."""
    basis = "\x1f".join(_text(fields.get(k)) for k in ("created_at", "title", "description"))
    return "auto-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def row_to_ticket(fields: dict, taxonomy: Taxonomy | RememberedLabels) -> tuple[Ticket, list[str]]:
    """A ticket (unmasked) from one row's fields and the warnings; raise ValueError to reject."""
    return _ticket_of({str(k).strip().lower(): v for k, v in fields.items()}, taxonomy)


def _ticket_of(fields: dict, taxonomy: Taxonomy | RememberedLabels) -> tuple[Ticket, list[str]]:
    warnings: list[str] = []
    title = _free_text(fields.get("title") or fields.get("rubrik"))
    description = _free_text(fields.get("description") or fields.get("beskrivning"))
    if len(title) > MAX_FIELD_CHARS or len(description) > MAX_FIELD_CHARS:
        raise ValueError("ett fält är längre än 2 miljoner tecken")
    if not title and not description:
        raise ValueError("varken title eller description har text")
    masked_before_cut = 0
    if not title:  # mask first, then cut: a number cut in half is no longer recognised
        first_line = mask_text(next((line for line in description.splitlines() if line.strip()), ""))
        title, masked_before_cut = first_line.text.strip()[:80], first_line.total
    created_raw = fields.get("created_at") or fields.get("skapad")
    if created_raw in (None, ""):
        raise ValueError("created_at saknas")
    try:
        if isinstance(created_raw, datetime):
            created = created_raw
        elif isinstance(created_raw, date):
            created = datetime.combine(created_raw, datetime.min.time())
        else:
            created = parse_datetime(_text(created_raw))
    except ValueError:
        raise ValueError(f"created_at '{shown(created_raw)}' är inget ISO-datum (ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTTT:MM)") from None
    plausible_created_at(created)
    external_id, id_warnings = external_id_of(fields)
    warnings.extend(id_warnings)
    ticket = Ticket(
        title=title,
        description=description,
        created_at=created.replace(microsecond=0, tzinfo=None).isoformat(),
        external_id=external_id or stable_id(fields),
        unit=_free_text(fields.get("unit") or fields.get("enhet")) or None,
        resolution=_free_text(fields.get("resolution") or fields.get("lösning")),
        masked_count=masked_before_cut,
    )
    role_raw = _free_text(fields.get("reporter_role"))
    if role_raw:
        role = taxonomy.normalise("reporter_roles", role_raw)
        if not role:
            masked_role = mask_text(role_raw)
            role, ticket.masked_count = masked_role.text[:60], ticket.masked_count + masked_role.total
        ticket.reporter_role = role or None
    status_raw = _text(fields.get("status"))
    if status_raw:
        status = taxonomy.normalise("statuses", status_raw) or STATUS_SYNONYMS.get(status_raw.casefold())
        if status:
            ticket.status = status
        else:
            warnings.append(f"okänd status '{shown(status_raw, 30)}', satt till ny")
    for name, group in (("module", "modules"), ("kind", "kinds")):
        raw = _text(fields.get(name))
        if not raw:
            continue
        value = taxonomy.normalise(group, raw)
        if value:
            setattr(ticket, name, value)
        else:
            warnings.append(f"okänt värde för {name}: '{shown(raw)}', ignorerat")
    return ticket, warnings
