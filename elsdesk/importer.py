"""Read ticket files (JSON Lines, CSV, XLSX) into numbered raw rows, tolerating real-world mess.

Files may be UTF-8 (with or without BOM) or Windows-1252, may hold NUL bytes, semicolon
separated CSV from a Swedish Excel, or broken lines. Readers yield ``RawRow`` objects: the
line (or sheet row) number and either a dict of fields or the reason the row is unusable.
Turning a raw row into a ticket is :func:`row_to_ticket`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from elsdesk.domain import BadInputError, Ticket, parse_datetime
from elsdesk.taxonomy import Taxonomy

SUPPORTED = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt", ".xlsx")
MAX_FIELD_CHARS = 2_000_000
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
    """Text of a file: UTF-8 (BOM allowed), else Windows-1252; NUL bytes removed."""
    data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_rows(path: str | Path) -> Iterator[RawRow]:
    path = Path(path)
    if not path.exists():
        raise BadInputError(f"{path}: filen finns inte")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise BadInputError(f"{path}: okänt filformat '{suffix}'; använd .jsonl, .csv eller .xlsx")
    if suffix == ".xlsx":
        yield from _read_xlsx(path)
        return
    text = decode(path.read_bytes())
    if suffix in (".csv", ".tsv", ".txt"):
        yield from _read_csv(text)
    elif suffix == ".json" and text.lstrip().startswith("["):
        yield from _read_json_array(text)
    else:
        yield from _read_jsonl(text)


def _read_jsonl(text: str) -> Iterator[RawRow]:
    for number, line in enumerate(_lines(text), start=1):
        line = line.rstrip("\r")
        if not line.strip():
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


def _read_csv(text: str) -> Iterator[RawRow]:
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
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
        yield RawRow(start, dict(zip(names, values)))


def _read_xlsx(path: Path) -> Iterator[RawRow]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise BadInputError(f"{path}: kan inte läsa Excel-filen ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
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
    return str(value).replace("\x00", "").strip()


def stable_id(fields: dict) -> str:
    """An id for a row that has none, the same every time the same row is imported."""
    basis = "\x1f".join(_text(fields.get(k)) for k in ("created_at", "title", "description"))
    return "auto-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def row_to_ticket(fields: dict, taxonomy: Taxonomy) -> tuple[Ticket, list[str]]:
    """A ticket (unmasked) from one row's fields and the warnings; raise ValueError to reject."""
    fields = {str(k).strip().lower(): v for k, v in fields.items()}
    warnings: list[str] = []
    title = _text(fields.get("title") or fields.get("rubrik"))
    description = _text(fields.get("description") or fields.get("beskrivning"))
    if len(title) > MAX_FIELD_CHARS or len(description) > MAX_FIELD_CHARS:
        raise ValueError("ett fält är längre än 2 miljoner tecken")
    if not title and not description:
        raise ValueError("varken title eller description har text")
    if not title:
        title = description.splitlines()[0][:80]
    created_raw = fields.get("created_at") or fields.get("skapad")
    if created_raw in (None, ""):
        raise ValueError("created_at saknas")
    try:
        created = created_raw if hasattr(created_raw, "isoformat") else parse_datetime(_text(created_raw))
    except ValueError:
        raise ValueError(f"created_at '{_text(created_raw)[:40]}' är inget ISO-datum") from None
    external_id = _text(fields.get("id") or fields.get("external_id")) or stable_id(fields)
    ticket = Ticket(
        title=title,
        description=description,
        created_at=created.replace(microsecond=0).isoformat(),
        external_id=external_id[:200],
        unit=_text(fields.get("unit") or fields.get("enhet")) or None,
        resolution=_text(fields.get("resolution") or fields.get("lösning")),
    )
    role_raw = _text(fields.get("reporter_role"))
    ticket.reporter_role = (taxonomy.normalise("reporter_roles", role_raw) or role_raw[:60]) or None
    status_raw = _text(fields.get("status"))
    if status_raw:
        status = taxonomy.normalise("statuses", status_raw) or STATUS_SYNONYMS.get(status_raw.casefold())
        if status:
            ticket.status = status
        else:
            warnings.append(f"okänd status '{status_raw[:30]}', satt till ny")
    for name, group in (("module", "modules"), ("kind", "kinds")):
        raw = _text(fields.get(name))
        if not raw:
            continue
        value = taxonomy.normalise(group, raw)
        if value:
            setattr(ticket, name, value)
        else:
            warnings.append(f"okänt värde för {name}: '{raw[:40]}', ignorerat")
    return ticket, warnings
