"""Read ticket files (JSON Lines, CSV, XLSX) into numbered raw rows, tolerating real-world mess.

Files may be UTF-8 (with or without BOM), UTF-16 or Windows-1252 (decided once per file, see
:mod:`elsdesk.file_text`), may hold NUL bytes, semicolon separated CSV from a Swedish Excel, a
title and blank rows above the row that names the columns (looked for among the first
:data:`HEADER_SEARCH_ROWS` rows), or broken lines. Readers yield ``RawRow`` objects: the row's number
as a person finds it (the row a spreadsheet shows for CSV and XLSX, rows above the header counted,
however many lines of the file a quoted field with line breaks takes; the line for JSON Lines; the
item for a JSON document's list) and either a dict of fields or the reason the row is unusable (a line with
bytes the file's encoding cannot read, a quote that never closes, and each row such a quote
swallowed). JSON Lines and CSV are streamed line by line (issue 14: a file of a million tickets is
never held in memory); only a .json file that is one JSON document is parsed whole (JSON is
:mod:`elsdesk.ticket_json`, nested objects read as dotted names). A file is told by its first bytes
too (:mod:`elsdesk.file_kinds`): a PDF or an image named .csv is refused with one message, a workbook
saved as .csv is read as a workbook. A workbook is checked before it is
opened, so that a small file cannot unpack into gigabytes, and its rows are read whatever its
``<dimension>`` tag claims.
Column names are kept as the file writes them (spaces around them removed); which ticket field a
column fills is :func:`elsdesk.importer.ticket_fields`, turning a raw row into a ticket
:func:`elsdesk.importer.row_to_ticket`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

from elsdesk.domain import BadInputError
from elsdesk.import_dates import from_1904
from elsdesk.file_kinds import check_ticket_file_content, old_office_file, workbook_under_another_name
from elsdesk.file_text import TextFile, decode_file_bytes, open_text_file
from elsdesk.workbook_merges import MergedDown, merged_ranges

SUPPORTED = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt", ".xlsx")
WITH_HEADER_ROW = (".csv", ".tsv", ".txt", ".xlsx")  # a row names the columns (the first, or one under a title)
HEADER_SEARCH_ROWS = 10  # how far down a file's first rows the row that names its columns is looked for
MAX_FIELD_CHARS = 2_000_000
XLSX_MAX_UNPACKED = 256 * 1024 * 1024     # bytes a workbook may unpack to, all parts together
XLSX_MAX_RATIO = 100                      # and how much more than its packed size one large part may be
XLSX_RATIO_FROM = 8 * 1024 * 1024


# a row of one cell that counts the table's rows ("Antal ärenden: 71", "Summa 71 st", "Total tickets: 71"),
# as a ticket system's export puts below its table: no ticket (a title has no count at its end: "Totalt stopp")
_COUNT_ROW = re.compile(
    r"(?:(?:antal|summa|totalt?|count|number|rader|ärenden)(?:\s+[^\W\d]+){0,2}\s*[:=]?\s*\d[\d \u00a0]*"
    r"(?:\s*(?:st|ärenden|rader|tickets|rows))?|\d[\d \u00a0]*\s+(?:ärenden|rader|tickets|rows))\s*\.?",
    re.IGNORECASE)


@dataclass
class RawRow:
    line: int  # the row as a spreadsheet numbers it (CSV, XLSX) or the line (JSON Lines): what messages name
    fields: dict | None
    error: str | None = None
    notes: tuple[str, ...] = ()  # warnings about the whole file (repeated columns, the sheet read), on its first row
    header: int | None = None  # on the file's first row read: the row that names its columns (CSV, XLSX)

    @property
    def no_ticket(self) -> bool:
        """A row that is no ticket and no error (a count below the table): only its note is said."""
        return self.fields is None and self.error is None


# a totals row's word in a cell of its own, its numbers or formulas in the others ("Totalt" | "=COUNTA(F5:F54)" | 50)
_TOTAL_WORD = re.compile(r"(?:antal|summa|summering|totalt?|sum|count)\s*:?", re.IGNORECASE)
_TOTALS_CELLS = 4  # a ticket row has more filled cells than a totals row


def count_row(line: int, values) -> RawRow | None:
    """The row numbered *line* as one that only counts the table's rows: its one filled cell does so ("Summa 71
    st"), or its first filled cell is a totals word and the few others numbers or formulas ("Totalt" and
    "=COUNTA(F5:F54)": it had been refused as a ticket without text, and every weekly import ended with an error)."""
    filled = []
    for value in values:  # every row of an import passes here: a ticket's fifth filled cell ends the look
        if value is not None and value != "" and (not isinstance(value, str) or value.strip()):
            if len(filled) == _TOTALS_CELLS:
                return None
            filled.append(value.strip() if isinstance(value, str) else value)
    if not filled:
        return None
    first = str(filled[0])
    if len(filled) == 1 and _COUNT_ROW.fullmatch(first):
        said = first[:60]
    elif _TOTAL_WORD.fullmatch(first) and all(_number_or_formula(value) for value in filled[1:]):
        said = " ".join(str(value) for value in filled)[:60]
    else:
        return None
    return RawRow(line, None, notes=(f"rad {line} ('{said}') räknar tabellens rader och är inget ärende;"
                                     " den lästes inte in",))


def _too_many_fields(fields: int, columns: int, delimiter: str) -> str:
    """Why a row with more fields than the header has columns was refused, with its likely cause: the column
    separator typed in a text without quotes around it ("Fel dos; ringde läkaren")."""
    named = {";": "semikolon", ",": "kommatecken", "\t": "tabb"}.get(delimiter)
    reason = f"raden har {fields} fält men rubrikraden {columns}"
    return reason + (f" (ett {named} i en text utan citattecken runt texten?)" if named else "")


def _number_or_formula(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    return text.startswith("=") or text.replace(",", "").replace(".", "").isdigit()


def check_readable(path: str | Path) -> None:
    """BadInputError when *path* is no ticket file the import can open (missing, a folder, an unknown
    format, no read permission): checked before a desk is opened or created for it. A file that opens
    and then cannot be read raises the OSError itself (the disk failed, not the command line)."""
    check_present(path)
    check_known_format(path)


def check_present(path: str | Path) -> None:
    """BadInputError when *path* names no file that can be read (missing, a folder, no read permission):
    what was typed is wrong, whatever the file would have held."""
    path = Path(path)
    if not path.exists():
        raise BadInputError(f"{path}: filen finns inte")
    if path.is_dir():
        raise BadInputError(f"{path}: är en mapp, inte en fil")
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise BadInputError(f"{path}: kan inte läsa filen ({exc.strerror or exc})") from exc
    with handle:
        try:
            handle.read(1)
        except OSError as exc:  # it opens but cannot be read: the disk failed, which names the file
            raise OSError(exc.errno, exc.strerror, str(path)) from exc


def check_known_format(path: str | Path) -> None:
    """BadInputError when *path* is a file of a format the import does not read (an old .xls, a .docx)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED and not workbook_under_another_name(path):  # a workbook named .xls is read as one
        raise BadInputError(f"{path}: {unknown_format(path, suffix)}")


def unknown_format(path: Path, suffix: str) -> str:
    """Why a file of a format the import does not read is refused, and what to do: an old Excel workbook
    (.xls, which region ticket tools still export) is to be saved as .xlsx or CSV first."""
    readable = ", ".join(SUPPORTED[:-1]) + " eller " + SUPPORTED[-1]
    if suffix == ".xls" or old_office_file(path):
        return (f"det gamla Excel-formatet ({suffix or 'utan filändelse'}) kan inte läsas; öppna filen i Excel och"
                f" spara den som Excel-arbetsbok (.xlsx) eller CSV UTF-8 och importera den igen (filer som läses: {readable})")
    return f"okänt filformat '{suffix}'; filer som läses: {readable}"


def read_as(path: str | Path) -> str:
    """The format (a suffix) *path* is read in: its own, ".xlsx" for a workbook saved under another name, or ".json" /
    ".jsonl" for JSON saved as text (a Jira export named .txt was read as CSV: 727 rows refused as CSV lines)."""
    path = Path(path)
    if workbook_under_another_name(path):
        return ".xlsx"
    suffix = path.suffix.lower()
    return (_json_under_another_name(path) or suffix) if suffix in (".csv", ".tsv", ".txt") else suffix


def _json_under_another_name(path: Path) -> str | None:
    """".json" for a text file that is one JSON document (an array or an object), ".jsonl" for one JSON object a
    line; None for any other text (a CSV file's first cell may well start with "[" or "{": the first line must parse)."""
    import json

    try:
        with open(path, "rb") as handle:
            head = decode_file_bytes(handle.read(1 << 16)).text.lstrip("\ufeff \t\r\n")
    except OSError:
        return None
    if not head.startswith(("[", "{")):
        return None
    first = head.splitlines()[0].strip() if head else ""
    try:
        parsed = json.loads(first)
    except ValueError:  # a document over many lines opens with "[", "{", "[{" or an object's first key
        return ".json" if first in ("[", "{", "[{") or re.match(r'\[?\s*\{\s*"', first) else None
    return ".jsonl" if isinstance(parsed, dict) else ".json"


def estimate_rows(path: str | Path) -> int:
    """About how many rows *path* holds (for progress), without parsing it."""
    path = Path(path)
    if read_as(path) == ".xlsx":
        try:
            check_workbook_size(path)  # opening a workbook unpacks its shared strings: check first
            with _workbook(path, data_only=False) as workbook:
                return max((workbook.worksheets[0].max_row or 1) - 1, 0)
        except Exception:  # the real read reports the problem
            return 0
    try:
        with open(path, "rb") as handle:
            return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))
    except OSError:
        return 0


def holds_tickets(path: str | Path) -> bool:
    """Whether *path* has at least one row to import (a ticket or a row refused with a reason), read only as far
    as that row: checked before a command makes a new desk for the file, so a file of only its header row
    leaves no empty desk behind."""
    with contextlib.closing(read_rows(path)) as rows:
        return any(not row.no_ticket for row in rows)


def has_header_row(path: str | Path) -> bool:
    """Whether the file names its columns once, in its first row (CSV, XLSX), rather than in every row (JSON)."""
    return read_as(path) in WITH_HEADER_ROW


def decode(data: bytes) -> str:
    """Text of a file in the encoding decided for the whole file; NUL bytes removed."""
    return decode_file_bytes(data).text


def read_rows(path: str | Path) -> Iterator[RawRow]:
    """The rows of *path*, streamed: JSON Lines and CSV are read line by line (memory stays flat
    however large the file); a .json file that is one JSON document is parsed whole
    (:mod:`elsdesk.ticket_json`). A file whose first bytes show it is no ticket file (a PDF or an image
    named .csv) is refused with one message; a workbook named .csv is read as the workbook it is."""
    from elsdesk.ticket_json import read_json, read_json_lines

    path = Path(path)
    check_readable(path)
    check_ticket_file_content(path)
    suffix = read_as(path)
    if suffix == ".xlsx":
        renamed = None if path.suffix.lower() == ".xlsx" else (
            f"filen är en Excel-fil (.xlsx) fast den heter {path.suffix or 'något annat'}; den lästes som Excel-fil")
        yield from _read_xlsx(path, renamed)
        return
    try:
        source = open_text_file(path)
        if suffix in (".csv", ".tsv", ".txt"):
            yield from _read_csv(source)
        elif suffix == ".json":
            yield from read_json(path, source)
        else:
            yield from read_json_lines(source)
    except OSError as exc:
        raise BadInputError(f"{path}: kan inte läsa filen ({exc.strerror or exc})") from exc


class _CsvLines:
    """The file's lines for :mod:`csv` (split as ``newline=""`` splits them), remembering which were
    bad, the lines of the record being read, the number of the last line handed out and whether the
    reader ran past the last line. The first lines can be looked at before the reader starts
    (:meth:`peek`), to find the row that names the columns."""

    def __init__(self, source: TextFile):
        self._lines = source.lines(newline="")
        self._ahead: list[tuple[int, str, bool]] = []  # lines peeked at, not yet handed out
        self.bad: set[int] = set()
        self.record: list[str] = []
        self.number = 0  # the file's line last handed out
        self.ran_out = False

    def peek(self, count: int) -> list[str]:
        """The next *count* lines (fewer when the file ends), still to be handed out."""
        while len(self._ahead) < count:
            item = next(self._lines, None)
            if item is None:
                break
            self._ahead.append(item)
        return [line for _number, line, _bad in self._ahead[:count]]

    def skip(self, count: int) -> None:
        """Pass over the next *count* lines, peeked at already, without handing them out."""
        if count:
            self.number = self._ahead[count - 1][0]
            del self._ahead[:count]

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self._ahead:
            number, line, bad = self._ahead.pop(0)
        else:
            try:
                number, line, bad = next(self._lines)
            except StopIteration:
                self.ran_out = True
                raise
        if bad:
            self.bad.add(number)
        self.number = number
        self.record.append(line)
        return line


def _read_csv(source: TextFile) -> Iterator[RawRow]:
    """The rows of a CSV file numbered as a spreadsheet shows them (the header is row 1, the first ticket
    row 2, unless a title stands above the header), however many lines of the file a quoted field with
    line breaks (a pasted mail) takes; a broken quote is also located by the file's own lines (textrad),
    where a text editor finds it, and every row it swallowed is rejected with it."""
    lines = _CsvLines(source)
    head = lines.peek(HEADER_SEARCH_ROWS)
    above = _header_index([_cells_of_line(line) for line in head])
    lines.skip(above)
    dialect = _dialect_of(head[above].rstrip("\r\n") if head else "")
    csv.field_size_limit(MAX_FIELD_CHARS + 1)
    reader = csv.reader(lines, dialect)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise BadInputError(f"rad {above + 1}: rubrikraden går inte att läsa ({exc})") from exc
    yield from _first_row_names_header(_csv_rows(source, lines, reader, header, above), above + 1)


def _csv_rows(source: TextFile, lines: _CsvLines, reader, header: list[str], above: int) -> Iterator[RawRow]:
    """The rows under the *header* of a CSV file (see :func:`_read_csv`); *above*: the rows above the header."""
    names = [h.strip() for h in header]
    repeated = _repeated(names)
    notes = _file_notes(source.note, _above_note(above), _repeated_note(repeated))
    delimiter = reader.dialect.delimiter
    line = lines.number  # the file's lines read so far (a record with line breaks takes several)
    row = above + 1      # the records read so far: the row number a spreadsheet shows
    while True:
        lines.record.clear()
        row += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRow(row, None, f"trasig CSV-rad ({exc})")
            line = lines.number
            continue
        start, line = line + 1, lines.number
        if not any(v.strip() for v in values):
            continue
        if lines.bad and not lines.bad.isdisjoint(range(start, line + 1)):
            yield RawRow(row, None, source.bad_line_reason())
            continue
        at_end = lines.ran_out and _open_quote_at_end("".join(lines.record), reader.dialect)
        if at_end or (line > start and _rows_inside_a_field(values, delimiter, len(names))):
            lost = _lost_lines(lines.record, start, delimiter, len(names))
            yield RawRow(row, None, _unclosed_quote_reason(row, start, line, lost, at_end))
            lost_reason = (f"raden kom inte med: ett citattecken på rad {row} avslutas inte på sin rad, så raden"
                           f" hamnade inuti det fältet ({_text_lines(start, line)} i filen); rätta citattecknet och"
                           " importera igen")
            for number in lost:
                yield RawRow(row + number - start, None, lost_reason)
            row += line - start  # the rows after it are numbered as they are once the quote is put right
            continue
        if len(values) > len(names):
            yield RawRow(row, None, _too_many_fields(len(values), len(names), delimiter))
            continue
        counted = count_row(row, values)
        if counted is not None:
            yield counted
            continue
        yield RawRow(row, _row_fields(names, values, repeated), notes=notes)
        notes = ()


def _first_row_names_header(rows: Iterator[RawRow], header: int) -> Iterator[RawRow]:
    """*rows*, the first of them carrying the number of the header row (:attr:`RawRow.header`)."""
    for row in rows:
        row.header = header
        yield row
        break
    yield from rows


def _cells_of_line(line: str) -> list[str]:
    """The cells of one line of a CSV file, split as if it were the header (a title line has one cell)."""
    try:
        return [cell.strip() for cell in next(csv.reader([line], _dialect_of(line.rstrip("\r\n"))), [])]
    except csv.Error:
        return []


def _header_index(rows: list[list]) -> int:
    """Which of a file's first *rows* (their cells) names the columns: the first row when it names any
    column the import reads (as a file always had it); else, of the rows that name a title or a description
    column (a title and blank rows stand above it, issue: a region's export), the one that names the most columns
    the import reads, the first of equals (TOPdesk's merged group row "Anmälan … Anmälare … Hantering" stands above
    its header "Anmälningsnummer, Inkommen, Kort beskrivning, …"); else the first."""
    from elsdesk.importer import columns_read, header_has_text_column, header_names_a_column  # the importer's names

    if not rows or header_names_a_column(rows[0]):
        return 0
    named = [(columns_read(names), -index) for index, names in enumerate(rows) if header_has_text_column(names)]
    return -max(named)[1] if named else 0


def _file_notes(*parts: str | None) -> tuple[str, ...]:
    """The warnings about a whole file, each said on its own."""
    return tuple(part for part in parts if part)


def _above_note(above: int) -> str | None:
    """What the import says about the rows above the header row, when there are any."""
    if not above:
        return None
    which = "rad 1 ovanför den är" if above == 1 else f"rad 1–{above} ovanför den är"
    return (f"kolumnernas namn står på rad {above + 1}; {which} ingen rubrikrad (en titel eller tomma rader)"
            " och lästes inte")


def _lost_lines(record: list[str], start: int, delimiter: str, columns: int) -> list[int]:
    """The file's lines of a record after its first (*start*) that look like rows of their own: the
    rows a quote that never closed swallowed."""
    return [start + offset for offset, text in enumerate(record[1:], start=1)
            if columns > 1 and text.count(delimiter) >= columns - 1]


def _unclosed_quote_reason(row: int, start: int, end: int, lost: list[int], at_end: bool) -> str:
    """Why the row with a quote that never closes is rejected, and which rows went into its field."""
    where = (f"filen tar slut inuti fältet ({_text_lines(start, end)} i filen lästes som ett enda fält)" if at_end
             else f"fältet sträcker sig över {_text_lines(start, end)} i filen")
    if lost:
        first, last = row + lost[0] - start, row + lost[-1] - start
        rows = f"rad {first}" if len(lost) == 1 else f"raderna {first}–{last}"
        where += (f" och tog med {len(lost)} {'rad' if len(lost) == 1 else 'rader'} som ser ut som egna ärenden;"
                  f" de kom inte med och avvisas var för sig ({rows})")
    return f"ett citattecken i raden avslutas aldrig: {where}; rätta citattecknet och importera igen"


def _text_lines(start: int, end: int) -> str:
    """The file's own lines *start*–*end* for a message ("textrad 7–12"), as a text editor numbers them."""
    return f"textrad {start}" if end <= start else f"textrad {start}–{end}"


def _repeated(names: list[str]) -> set[str]:
    """The column names a header gives more than once (blank ones aside)."""
    seen: set[str] = set()
    repeated = set()
    for name in names:
        if name and name in seen:
            repeated.add(name)
        seen.add(name)
    return repeated


def _repeated_note(repeated: set[str]) -> str | None:
    if not repeated:
        return None
    names = ", ".join(f"'{name[:60]}'" for name in sorted(repeated))
    which = "kolumnen" if len(repeated) == 1 else "kolumnerna"
    return (f"{which} {names} finns mer än en gång i rubrikraden; värdena läses ihop (det första som har text,"
            " och olika texter efter varandra på egna rader), inget tas bort")


def _row_fields(names: list[str], values, repeated: set[str]) -> dict:
    """A row's values by column name; the values of a repeated column joined (see :func:`_joined`)."""
    if not repeated:
        return dict(zip(names, values))
    fields: dict = {}
    for name, value in zip(names, values):
        fields[name] = _joined(fields[name], value) if name in repeated and name in fields else value
    return fields


def _joined(first, second):
    """Two values of one column: the one that has text, or both on separate lines when they differ."""
    if first is None or (isinstance(first, str) and not first.strip()):
        return second
    if second is None or (isinstance(second, str) and not second.strip()) or second == first:
        return first
    return f"{first}\n{second}"


def _dialect_of(header: str) -> type[csv.Dialect]:
    """Comma, semicolon (a Swedish Excel) or tab: whichever the header line uses most. Decided from
    the header alone, so a broken quote further down cannot mislead it (csv.Sniffer can be)."""
    delimiter = max((",", ";", "\t"), key=header.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter if header.count(delimiter) else ","
    return Dialect


def _open_quote_at_end(tail: str, dialect) -> bool:
    """Whether *tail* (the lines of the last row, to the end of the file) ends inside a quoted field."""
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
        raise BadInputError(f"{path}: är ingen Excel-fil (.xlsx) som går att öppna (trasig, eller en annan sorts fil"
                            " som döpts om); spara ärendena som Excel eller CSV och importera igen") from exc
    unpacked = sum(p.file_size for p in parts)
    if unpacked > XLSX_MAX_UNPACKED:
        raise BadInputError(f"{path}: Excel-filen packas upp till {unpacked // 2**20} MB; högst {XLSX_MAX_UNPACKED // 2**20} MB tillåts")
    for part in parts:
        if part.file_size > XLSX_RATIO_FROM and part.file_size > XLSX_MAX_RATIO * max(part.compress_size, 1):
            raise BadInputError(f"{path}: delen {part.filename} i Excel-filen packas upp {part.file_size // max(part.compress_size, 1)}"
                                " gånger större än den är; filen importeras inte (en zip-bomb?)")


def _read_xlsx(path: Path, renamed: str | None = None) -> Iterator[RawRow]:
    """The rows of a workbook's ticket sheet; *renamed*: a note when the file is named as something else."""
    check_workbook_size(path)
    with _workbook(path) as workbook:
        sheet, note = _ticket_sheet(workbook)
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # read every row, whatever the <dimension> tag claims
        rows = sheet.iter_rows(values_only=True)
        if getattr(workbook, "epoch", None) == datetime(1904, 1, 1):  # its bare numbers count dates from 1904
            rows = (tuple(from_1904(value) for value in row) for row in rows)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS))
        if not head:
            return
        above = _header_index([_cell_names(values) for values in head])
        names = _cell_names(head[above])
        repeated = _repeated(names)
        notes = _file_notes(renamed, note, _above_note(above), _repeated_note(repeated))
        header = above + 1  # the row a spreadsheet shows the column names on
        merged = MergedDown(merged_ranges(sheet), first_row=header + 1)  # a unit cell over three rows is each row's
        for number, values in enumerate(itertools.chain(head[above + 1:], rows), start=header + 1):
            if values is None or all(v in (None, "") for v in values):
                continue
            if merged:  # only a row with values of its own: an empty row beside a merged cell is still no ticket
                values = merged.fill(number, values)
            counted = count_row(number, values)
            if counted is not None:
                yield counted
                continue
            fields = _row_fields(names, values, repeated)
            fields.pop("", None)
            yield RawRow(number, fields, notes=notes, header=header)
            notes, header = (), None


@contextlib.contextmanager
def _workbook(path: Path, data_only: bool = True):
    """*path*'s workbook opened read-only, closed afterwards; opened from the open file, so that a workbook
    saved as .csv opens too (openpyxl refuses a path by its suffix). BadInputError when it cannot be read."""
    from openpyxl import load_workbook

    with open(path, "rb") as handle:
        try:
            workbook = load_workbook(handle, read_only=True, data_only=data_only)
        except Exception as exc:  # openpyxl raises many types for a bad file
            raise BadInputError(f"{path}: kan inte läsa Excel-filen ({exc})") from exc
        try:
            yield workbook
        finally:
            workbook.close()


def _cell_names(values) -> list[str]:
    """A workbook row's cells as column names (an empty cell as "")."""
    return [str(value).strip() if value is not None else "" for value in values or ()]


def _ticket_sheet(workbook):
    """The sheet that holds the tickets and a note when it is not simply the first: the first sheet
    whose header row (one of its first rows) names a title or a description column; the first sheet
    when none does (the note then names the other sheets). Later sheets with ticket columns are not
    read: the note names them (rows would otherwise be left out without a word)."""
    from elsdesk.importer import header_has_text_column  # the column names are the importer's

    sheets = workbook.worksheets
    if len(sheets) == 1:
        return sheets[0], None
    with_tickets = []
    for sheet in sheets:
        head = sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)  # a title may stand above the header
        if any(header_has_text_column(_cell_names(values)) for values in head):
            with_tickets.append(sheet)
    if with_tickets:
        sheet, unread = with_tickets[0], with_tickets[1:]
        notes = [] if sheet is sheets[0] else [
            f"ärendena lästes från bladet '{sheet.title[:60]}'; det första bladet '{sheets[0].title[:60]}' har ingen"
            " kolumn för rubrik eller beskrivning"]
        if unread:
            names = ", ".join(f"'{other.title[:60]}'" for other in unread)
            notes.append(f"{'bladen' if len(unread) > 1 else 'bladet'} {names} har också kolumner för ärenden men"
                         f" lästes inte (bara '{sheet.title[:60]}' lästes): spara varje blad som en egen fil och"
                         " importera dem en i taget")
        return sheet, "; ".join(notes) or None
    others = ", ".join(f"'{sheet.title[:60]}'" for sheet in sheets[1:])
    return sheets[0], (f"bara det första bladet '{sheets[0].title[:60]}' lästes; inget blad har en kolumn för rubrik"
                       f" eller beskrivning (övriga blad: {others})")
