"""Read ticket files (JSON Lines, CSV, XLSX) into numbered raw rows, tolerating real-world mess.

Files may be UTF-8 (with or without BOM), UTF-16 or Windows-1252 (decided once per file, see
:mod:`elsdesk.file_text`), may hold NUL bytes, semicolon separated CSV from a Swedish Excel, or
broken lines. Readers yield ``RawRow`` objects: the line (or sheet row) number and either a
dict of fields or the reason the row is unusable. Turning a raw row into a ticket is
:func:`row_to_ticket`; text is masked before anything is cut, and messages never echo an
identifier. A workbook is checked before it is opened, so that a small file cannot unpack into
gigabytes, and its rows are read whatever its ``<dimension>`` tag claims.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

from elsdesk.domain import BadInputError, Ticket, parse_datetime
from elsdesk.file_text import DecodedText, decode_file_bytes
from elsdesk.masking import mask, mask_text
from elsdesk.plain_text import printable
from elsdesk.taxonomy import Taxonomy

SUPPORTED = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt", ".xlsx")
MAX_FIELD_CHARS = 2_000_000
MAX_ID_CHARS = 200
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DAYS_AHEAD = 366
XLSX_MAX_UNPACKED = 256 * 1024 * 1024     # bytes a workbook may unpack to, all parts together
XLSX_MAX_RATIO = 100                      # and how much more than its packed size one large part may be
XLSX_RATIO_FROM = 8 * 1024 * 1024
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
STATUS_SYNONYMS = {
    "open": "ny", "öppen": "ny", "new": "ny", "in progress": "pagar", "pågående": "pagar",
    "waiting": "vantar", "escalated": "eskalerad", "closed": "lost", "stängd": "lost",
    "resolved": "lost", "done": "lost", "klar": "lost", "avslutad": "lost",
}


@dataclass
class RawRow:
    line: int
    fields: dict | None
    error: str | None = None


def estimate_rows(path: str | Path) -> int:
    """About how many rows *path* holds (for progress), without parsing it."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook

            workbook = load_workbook(path, read_only=True)
            rows = max((workbook.worksheets[0].max_row or 1) - 1, 0)
            workbook.close()
            return rows
        except Exception:  # the real read reports the problem
            return 0
    try:
        with open(path, "rb") as handle:
            return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 0


def decode(data: bytes) -> str:
    """Text of a file in the encoding decided for the whole file; NUL bytes removed."""
    return decode_file_bytes(data).text


def read_rows(path: str | Path) -> Iterator[RawRow]:
    path = Path(path)
    if not path.exists():
        raise BadInputError(f"{path}: filen finns inte")
    if path.is_dir():
        raise BadInputError(f"{path}: är en mapp, inte en fil")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise BadInputError(f"{path}: okänt filformat '{suffix}'; använd .jsonl, .csv eller .xlsx")
    if suffix == ".xlsx":
        yield from _read_xlsx(path)
        return
    try:
        decoded = decode_file_bytes(path.read_bytes())
    except OSError as exc:
        raise BadInputError(f"{path}: kan inte läsa filen ({exc.strerror or exc})") from exc
    if suffix in (".csv", ".tsv", ".txt"):
        yield from _read_csv(decoded)
    elif suffix == ".json" and decoded.text.lstrip().startswith("["):
        if decoded.bad_lines:
            raise BadInputError(f"{path}:{min(decoded.bad_lines)}: {decoded.bad_line_reason()}")
        yield from _read_json_array(decoded.text)
    else:
        yield from _read_jsonl(decoded)


def _read_jsonl(decoded: DecodedText) -> Iterator[RawRow]:
    for number, line in enumerate(_lines(decoded.text), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if number in decoded.bad_lines:
            yield RawRow(number, None, decoded.bad_line_reason())
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawRow(number, None, f"ogiltig JSON ({exc.msg}, kolumn {exc.colno})")
            continue
        if not isinstance(value, dict):
            yield RawRow(number, None, "raden är inte ett JSON-objekt")
            continue
        yield RawRow(number, value)


def _lines(text: str) -> Iterator[str]:
    """Lines split on "\\n" only, lazily (str.splitlines would also split on U+0085 and U+2028)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def _read_json_array(text: str) -> Iterator[RawRow]:
    try:
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        yield RawRow(exc.lineno, None, f"ogiltig JSON ({exc.msg})")
        return
    for number, value in enumerate(values, start=1):
        yield RawRow(number, value if isinstance(value, dict) else None,
                     None if isinstance(value, dict) else "posten är inte ett JSON-objekt")


def _read_csv(decoded: DecodedText) -> Iterator[RawRow]:
    text = decoded.text
    dialect = _dialect_of(text[: text.find("\n") if "\n" in text else len(text)])
    csv.field_size_limit(MAX_FIELD_CHARS + 1)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise BadInputError(f"rad 1: rubrikraden går inte att läsa ({exc})") from exc
    names = [h.strip().lower() for h in header]
    line = reader.line_num
    total_lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRow(reader.line_num, None, f"trasig CSV-rad ({exc})")
            line = reader.line_num
            continue
        start, line = line + 1, reader.line_num
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(names):
            yield RawRow(start, None, f"raden har {len(values)} fält men rubriken {len(names)}")
            continue
        if decoded.bad_lines.intersection(range(start, line + 1)):
            yield RawRow(start, None, decoded.bad_line_reason())
            continue
        if line > start and line >= total_lines and _open_quote_at_end(text, start, dialect):
            yield RawRow(start, None, f"ett citattecken på rad {start} avslutas aldrig: filen tar slut inuti fältet"
                                      f" (rad {start}–{line} lästes som ett enda fält); rätta citattecknet")
            continue
        swallowed = _rows_inside_a_field(values, dialect.delimiter, len(names))
        if swallowed:
            yield RawRow(start, None, f"ett citattecken på rad {start} avslutas aldrig: fältet sträcker sig till rad {line}"
                                      f" och innehåller {swallowed} rader som ser ut som egna ärenden; rätta citattecknet")
            continue
        yield RawRow(start, dict(zip(names, values)))


def _dialect_of(header: str) -> type[csv.Dialect]:
    """Comma, semicolon (a Swedish Excel) or tab: whichever the header line uses most. Decided from
    the header alone, so a broken quote further down cannot mislead it (csv.Sniffer can be)."""
    delimiter = max((",", ";", "\t"), key=header.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter if header.count(delimiter) else ","
    return Dialect


def _open_quote_at_end(text: str, start: int, dialect) -> bool:
    """Whether the row from line *start* to the end of the file ends inside a quoted field."""
    tail = "\n".join(text.split("\n")[start - 1:])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), dialect, strict=True):
            pass
    except csv.Error as exc:
        return "end of data" in str(exc) or "EOF" in str(exc)
    return False


def _rows_inside_a_field(values: list[str], delimiter: str, columns: int) -> int:
    """How many lines inside one field look like rows of their own (a quote that never closed)."""
    if columns < 2:
        return 0
    found = 0
    for value in values:
        if "\n" not in value:
            continue
        found += sum(1 for part in value.split("\n")[1:] if part.count(delimiter) >= columns - 1)
    return found if found >= 2 or (found and values[-1].count("\n") > 0) else 0


def check_workbook_size(path: Path) -> None:
    """Refuse a workbook that would unpack into far more than a ticket file needs (a zip bomb).

    Python's zip reader stops at each part's declared size, so checking the declared sizes
    bounds what openpyxl can unpack."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadInputError(f"{path}: är ingen Excel-fil (.xlsx) ({exc})") from exc
    unpacked = sum(p.file_size for p in parts)
    if unpacked > XLSX_MAX_UNPACKED:
        raise BadInputError(f"{path}: Excel-filen packas upp till {unpacked // 2**20} MB; högst {XLSX_MAX_UNPACKED // 2**20} MB tillåts")
    for part in parts:
        if part.file_size > XLSX_RATIO_FROM and part.file_size > XLSX_MAX_RATIO * max(part.compress_size, 1):
            raise BadInputError(f"{path}: delen {part.filename} i Excel-filen packas upp {part.file_size // max(part.compress_size, 1)}"
                                " gånger större än den är; filen importeras inte (en zip-bomb?)")


def _read_xlsx(path: Path) -> Iterator[RawRow]:
    from openpyxl import load_workbook

    check_workbook_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise BadInputError(f"{path}: kan inte läsa Excel-filen ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # read every row, whatever the <dimension> tag claims
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            return
        names = [str(h).strip().lower() if h is not None else "" for h in header]
        for number, values in enumerate(rows, start=2):
            if values is None or all(v in (None, "") for v in values):
                continue
            yield RawRow(number, {n: v for n, v in zip(names, values) if n})
    finally:
        workbook.close()


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return printable(str(value)).strip()


def _free_text(value) -> str:
    """A text field's value; a number in it is what a spreadsheet made of a phone number or personnummer."""
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


def row_to_ticket(fields: dict, taxonomy: Taxonomy) -> tuple[Ticket, list[str]]:
    """A ticket (unmasked) from one row's fields and the warnings; raise ValueError to reject."""
    fields = {str(k).strip().lower(): v for k, v in fields.items()}
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
