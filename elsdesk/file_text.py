"""Decide honestly how a text file is encoded, once per file, and say which lines could not be read.

A byte-order mark decides (UTF-8, UTF-16, UTF-32). Without one, UTF-16 is recognised by its
zero bytes, then UTF-8 is tried; a file that is not valid UTF-8 is read as UTF-8 when most of
its non-ASCII bytes form valid UTF-8 sequences (a damaged UTF-8 file: the damaged lines are
reported, never guessed) and as Windows-1252 otherwise (a Swedish Excel export). A single bad
byte never turns a whole UTF-8 file into mojibake. :func:`looks_worse` tells the importer when
new text would be worse than what is stored ("LÃ¤kemedel" over "Läkemedel").

A file on disk is decided the same way by :func:`open_text_file` without holding it: one pass
over its bytes in blocks decides the encoding (and whether every byte decodes), then
:meth:`TextFile.lines` streams its lines, so a file of a million tickets costs a few MB of memory.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_VALID_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
                       "|Â[\u00a0-\u00bf]|â€")
NAMES = {"utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32-le": "UTF-32",
         "utf-32-be": "UTF-32", "cp1252": "Windows-1252", "cp850": "DOS (cp850)", "mac_roman": "Mac OS Roman"}
# Swedish letters (å ä ö Å Ä Ö é ü) as each 8-bit encoding writes them: a file that is not UTF-8 is read
# in the one whose Swedish letters it holds most of. Windows-1252 wins a tie; the other two are what
# Excel's "CSV (MS-DOS)" and "CSV (Macintosh)" save, which read as Windows-1252 give "L„kemedel f”rsvinner".
_SWEDISH_LETTERS = "åäöÅÄÖéü"
_LETTER_BYTES = {encoding: tuple(_SWEDISH_LETTERS.encode(encoding)) for encoding in ("cp1252", "cp850", "mac_roman")}
CODEPAGE_NOTES = {
    "cp850": "filen lästes som DOS-teckenkodning (cp850, Excels 'CSV (MS-DOS)'): dess å, ä och ö är skrivna så;"
             " spara hellre som 'CSV UTF-8'",
    "mac_roman": "filen lästes som Mac-teckenkodning (Mac OS Roman, Excels 'CSV (Macintosh)'): dess å, ä och ö är"
                 " skrivna så; spara hellre som 'CSV UTF-8'",
}


@dataclass
class DecodedText:
    """A file's text, the encoding chosen for the whole file, and the lines holding bytes it could not read."""

    text: str
    encoding: str
    bad_lines: set[int] = field(default_factory=set)

    @property
    def encoding_name(self) -> str:
        return NAMES.get(self.encoding, self.encoding)

    def bad_line_reason(self) -> str:
        return (f"raden har byte som inte är giltig {self.encoding_name} (filen läses som {self.encoding_name});"
                " raden importeras inte, rätta den och importera igen")


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of *data* and the length of its byte-order mark."""
    by_head = _encoding_by_head(data)
    if by_head:
        return by_head
    try:
        data.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    valid = sum(len(m.group(0)) for m in _VALID_MULTIBYTE.finditer(data))
    invalid = len(_NON_ASCII.findall(data)) - valid
    return ("utf-8" if valid and valid >= invalid else _eight_bit_encoding(_letter_counts(data))), 0


def _letter_counts(block: bytes) -> dict[str, int]:
    """Per 8-bit encoding, how many bytes of *block* are a Swedish letter in it."""
    counts = {byte: block.count(byte) for byte in set().union(*_LETTER_BYTES.values())}
    return {encoding: sum(counts[byte] for byte in letters) for encoding, letters in _LETTER_BYTES.items()}


def _eight_bit_encoding(letters: dict[str, int]) -> str:
    """Windows-1252 unless DOS or Mac letters are clearly more (twice as many) than Windows-1252 ones."""
    best = max(("cp850", "mac_roman"), key=lambda encoding: letters[encoding])
    return best if letters[best] > 2 * letters["cp1252"] else "cp1252"


def _encoding_by_head(data: bytes) -> tuple[str, int] | None:
    """The encoding the first bytes decide alone: a byte-order mark, or UTF-16 by its zero bytes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    sample = data[:8192]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) >= 0.4 * len(odd) and even.count(0) <= 0.05 * len(even):
            return "utf-16-le", 0
        if even.count(0) >= 0.4 * len(even) and odd.count(0) <= 0.05 * len(odd):
            return "utf-16-be", 0
    return None


def is_wide_text(head: bytes) -> bool:
    """Whether a file's first bytes start UTF-16 or UTF-32 text (by a byte-order mark or UTF-16's zero bytes):
    its zero bytes are letters', not binary data."""
    found = _encoding_by_head(head)
    return found is not None and found[0].startswith(("utf-16", "utf-32"))


def decode_file_bytes(data: bytes) -> DecodedText:
    """The text of a whole file; NUL bytes removed; lines with undecodable bytes listed."""
    encoding, skip = detect_encoding(data)
    body = data[skip:]
    try:
        text = body.decode(encoding)
        bad: set[int] = set()
    except UnicodeDecodeError:
        text = body.decode(encoding, errors="replace")
        bad = _lines_with(text, "\ufffd")
    return DecodedText(text.replace("\x00", ""), encoding, bad)


BLOCK_BYTES = 1 << 20


@dataclass(frozen=True)
class TextFile:
    """A text file whose encoding is decided for the whole file, read as a stream of lines."""

    path: Path
    encoding: str
    bom_bytes: int
    decodes_cleanly: bool  # every byte is valid in *encoding*; else lines with U+FFFD are bad lines

    @property
    def encoding_name(self) -> str:
        return NAMES.get(self.encoding, self.encoding)

    @property
    def note(self) -> str | None:
        """A warning for the import when the file was read in an encoding a person may not expect (DOS, Mac)."""
        return CODEPAGE_NOTES.get(self.encoding)

    def bad_line_reason(self) -> str:
        return DecodedText("", self.encoding).bad_line_reason()

    def open(self, newline: str | None = "\n") -> io.TextIOWrapper:
        """The decoded text (undecodable bytes as U+FFFD); ``newline="\n"`` splits lines on "\n" only."""
        raw = open(self.path, "rb")
        raw.seek(self.bom_bytes)
        return io.TextIOWrapper(raw, encoding=self.encoding, errors="replace", newline=newline)

    def lines(self, newline: str | None = "\n") -> Iterator[tuple[int, str, bool]]:
        """(number from 1, text with NUL removed and its line end kept, whether it holds bytes the
        encoding could not read) for every line, as :func:`decode_file_bytes` numbers them."""
        with self.open(newline) as handle:
            for number, line in enumerate(handle, start=1):
                if "\x00" in line:
                    line = line.replace("\x00", "")
                yield number, line, not self.decodes_cleanly and "\ufffd" in line


def open_text_file(path: str | Path) -> TextFile:
    """Decide *path*'s encoding as :func:`detect_encoding` would for its bytes, reading it in blocks."""
    path = Path(path)
    with open(path, "rb") as handle:
        head = handle.read(8192)
    by_head = _encoding_by_head(head)
    if by_head:
        encoding, skip = by_head
        return TextFile(path, encoding, skip, _decodes(path, encoding, skip))
    if _decodes(path, "utf-8", 0):
        return TextFile(path, "utf-8", 0, True)
    valid = invalid = 0
    letters = dict.fromkeys(_LETTER_BYTES, 0)
    for block in _blocks_at_newlines(path, 0):
        block_valid = sum(len(m.group(0)) for m in _VALID_MULTIBYTE.finditer(block))
        valid += block_valid
        invalid += len(_NON_ASCII.findall(block)) - block_valid
        for encoding, count in _letter_counts(block).items():
            letters[encoding] += count
    encoding = "utf-8" if valid and valid >= invalid else _eight_bit_encoding(letters)
    return TextFile(path, encoding, 0, encoding != "utf-8" and _decodes(path, encoding, 0))


def _decodes(path: Path, encoding: str, skip: int) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    with open(path, "rb") as handle:
        handle.seek(skip)
        try:
            for block in iter(lambda: handle.read(BLOCK_BYTES), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _blocks_at_newlines(path: Path, skip: int) -> Iterator[bytes]:
    """The file's bytes in blocks that end at a newline byte (no UTF-8 sequence holds one)."""
    rest = b""
    with open(path, "rb") as handle:
        handle.seek(skip)
        for block in iter(lambda: handle.read(BLOCK_BYTES), b""):
            block = rest + block
            cut = block.rfind(b"\n") + 1
            if cut == 0:
                rest = block
                continue
            rest = block[cut:]
            yield block[:cut]
    if rest:
        yield rest


def _lines_with(text: str, char: str) -> set[int]:
    return {number for number, line in enumerate(text.split("\n"), start=1) if char in line}


def mojibake_marks(text: str | None) -> int:
    """How many UTF-8-read-as-Windows-1252 sequences ("Ã¤") and replacement characters *text* holds."""
    if not text:
        return 0
    return len(_MOJIBAKE.findall(text)) + text.count("\ufffd")


def looks_worse(new: str | None, old: str | None) -> bool:
    """True when *new* carries more mojibake or replacement characters than the stored *old*."""
    return bool(old) and mojibake_marks(new) > mojibake_marks(old)
