"""What a file handed to the import is, told from its first bytes rather than its name.

A PDF agenda, an image or a Word document renamed (or picked by mistake) as ``.csv`` would otherwise be read
as text and give hundreds of rejected rows with misleading reasons; a workbook saved as ``.csv`` would be
read as gibberish. :func:`check_ticket_file_content` refuses the first with one Swedish message that says
what the file is; :func:`workbook_under_another_name` tells the reader to open the second as a workbook.
UTF-16 text has zero bytes in every other place, and a text file may hold a stray NUL byte: neither is binary.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from elsdesk.domain import BadInputError
from elsdesk.file_text import is_wide_text

HEAD_BYTES = 8192  # how much of a file's start is looked at
_OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel .xls, Word .doc and other Office files before 2007
# the first bytes of files people mistake for a ticket file, and what the message calls them
_MAGIC = (
    (b"%PDF", "en PDF"),
    (b"\x89PNG\r\n\x1a\n", "en bild (PNG)"),
    (b"\xff\xd8\xff", "en bild (JPEG)"),
    (b"GIF87a", "en bild (GIF)"),
    (b"GIF89a", "en bild (GIF)"),
    (b"II*\x00", "en bild (TIFF)"),
    (b"MM\x00*", "en bild (TIFF)"),
    (_OLD_OFFICE, "en äldre Office-fil (t.ex. Excel .xls eller Word .doc)"),
    (b"{\\rtf", "ett RTF-dokument (Word)"),
    (b"\x1f\x8b", "en gzip-packad fil"),
    (b"Rar!\x1a\x07", "ett RAR-arkiv"),
    (b"7z\xbc\xaf\x27\x1c", "ett 7z-arkiv"),
)
_ZIP = b"PK\x03\x04"
# what a file is called by its name, as a message says it ("inte en CSV-fil")
_NAMED = {".csv": "en CSV-fil", ".tsv": "en TSV-fil", ".txt": "en textfil", ".json": "en JSON-fil",
          ".jsonl": "en JSON Lines-fil", ".ndjson": "en JSON Lines-fil", ".xlsx": "en Excel-fil (.xlsx)"}
# control bytes no text has (tab, line ends and form feed aside): a few stray ones are damage, many are a binary file
_CONTROL = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
_BINARY_SHARE = 0.02


def check_ticket_file_content(path: str | Path, name: str | None = None) -> None:
    """BadInputError with one Swedish message when *path*'s first bytes show it is no ticket file whatever its
    name says: a PDF, an image, a Word document, an archive, other binary data; or, named .xlsx, no workbook.
    A workbook named .csv (or .txt, .json) passes: :func:`workbook_under_another_name` reads it as one.
    *name*: how messages name the file ("-" for standard input), its path when None."""
    path = Path(path)
    head = _head(path)
    shown = path if name is None else name
    suffix = path.suffix.lower()
    named = _NAMED.get(suffix, f"en {suffix}-fil")
    what = _what_it_is(path, head)
    if what == "xlsx":
        return
    if suffix == ".xlsx" and head:
        _check_workbook_head(shown, head, what)
        return
    if what is None and _binary(head):
        what = "ingen textfil (den innehåller binära data)"
    if what is not None:
        raise BadInputError(f"{shown}: filen är {what}, inte {named}; spara ärendena som CSV eller Excel"
                            " och importera igen")


def _check_workbook_head(shown, head: bytes, what: str | None) -> None:
    """BadInputError saying what a file named .xlsx is when its first bytes are no workbook's."""
    if what == "ett trasigt zip-arkiv":
        raise BadInputError(f"{shown}: Excel-filen är trasig (ofullständigt sparad eller kopierad?); spara den"
                            " igen och importera")
    if what is None and not _binary(head):
        raise BadInputError(f"{shown}: filen är en textfil, inte en Excel-fil (.xlsx); är den en CSV-fil? Döp om"
                            " den till .csv och importera igen")
    what = what or "ingen Excel-fil (den innehåller andra binära data)"
    raise BadInputError(f"{shown}: filen är {what}, inte en Excel-fil (.xlsx); spara ärendena som CSV eller Excel"
                        " och importera igen")


def workbook_under_another_name(path: str | Path) -> bool:
    """Whether *path* is an Excel workbook (.xlsx) though its name says otherwise (saved as .csv)."""
    path = Path(path)
    return path.suffix.lower() != ".xlsx" and _what_it_is(path, _head(path)) == "xlsx"


def old_office_file(path: str | Path) -> bool:
    """Whether *path* starts as an old Office file (Excel .xls, Word .doc) does."""
    return _head(Path(path)).startswith(_OLD_OFFICE)


def _head(path: Path) -> bytes:
    """The first :data:`HEAD_BYTES` of *path* (b"" when it cannot be read: the reader reports that)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError:
        return b""


# a web page saved under a ticket file's name: an old ticket tool's "Excel export" is often an HTML table
# (.xls), and saved again as .csv it read as a file without tickets, or with its tags as column names
_WEB_PAGE = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|table|head|body)\b", re.IGNORECASE)


def _what_it_is(path: Path, head: bytes) -> str | None:
    """What the first bytes say the file is ("en PDF", "xlsx" for a workbook, a web page), None for text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(_ZIP):
        return _zip_kind(path)
    if _WEB_PAGE.match(head.lstrip(b"\xef\xbb\xbf")):
        return "en webbsida (HTML, som en tabell ett äldre ärendesystem sparat som Excel)"
    return None


def _zip_kind(path: Path) -> str:
    """What a zip file holds: "xlsx" for a workbook, else what a message calls it."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "ett trasigt zip-arkiv"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if any(name.startswith("word/") for name in names):
        return "ett Word-dokument (.docx)"
    if any(name.startswith("ppt/") for name in names):
        return "en PowerPoint-presentation (.pptx)"
    if "content.xml" in names:
        return "ett OpenDocument-dokument (.ods eller .odt)"
    return "ett zip-arkiv"


def _binary(head: bytes) -> bool:
    """Whether *head* holds more control bytes than text does (UTF-16 and UTF-32 text aside: their zero bytes
    belong to letters); a stray NUL byte in a text file is damage the reader removes, not a binary file."""
    if not head or is_wide_text(head):
        return False
    controls = sum(head.count(byte) for byte in set(head) & set(_CONTROL))
    return controls > max(4, _BINARY_SHARE * len(head))
