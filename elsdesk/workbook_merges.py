"""Merged cells of a workbook's ticket sheet, read where openpyxl's read-only mode does not see them.

A hand-kept Excel log often merges one cell over several rows: the day, or the unit that called three times in a
morning. Excel shows the value beside each of those rows, but the file stores it in the top cell only, and
openpyxl's read-only mode (which streams a large sheet) does not read the sheet's merged ranges. So the lower rows
lost their unit or date. :class:`MergedDown` reads the ranges from the sheet's XML (they follow its rows) and gives
each row below the top of a range the top cell's value in the range's first column, as the person saw it.
A range across columns on one row (a title spanning three columns) gives nothing to the columns it covers: their
cells belong to other fields.
"""

from __future__ import annotations

import re
from typing import Iterator

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_CHUNK = 1 << 20
_OVERLAP = 128  # a tag cut between two chunks is found in the next: longer than any mergeCell tag


def column_number(letters: bytes) -> int:
    """1 for A, 27 for AA (a cell reference's column letters)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def merged_ranges(sheet) -> list[tuple[int, int, int]]:
    """(first row, last row, first column) of each range merged over more than one row of a read-only *sheet*;
    [] when the sheet is not one read from a file (nothing to read) or holds none."""
    # openpyxl's read-only sheet keeps its workbook's open zip file and its own part's name (no public API reads
    # merged ranges in this mode); without them the rows are read as they are stored, as before
    archive = getattr(getattr(sheet, "parent", None), "_archive", None)
    path = getattr(sheet, "_worksheet_path", None)
    if archive is None or path is None:
        return []
    ranges, tail = set(), b""
    with archive.open(path) as source:
        while chunk := source.read(_CHUNK):
            text = tail + chunk
            carried = max(len(text) - _OVERLAP, 0)  # a tag from here on may be cut: it is read with the next chunk
            ranges.update(_over_rows(match for match in _MERGE.finditer(text) if match.start() < carried))
            tail = text[carried:]
    ranges.update(_over_rows(_MERGE.finditer(tail)))
    return sorted(ranges)


def _over_rows(matches) -> Iterator[tuple[int, int, int]]:
    """(first row, last row, first column) of the matched ranges that span more than one row."""
    for match in matches:
        top, bottom = int(match[2]), int(match[4])
        if bottom > top:
            yield top, bottom, column_number(match[1])


class MergedDown:
    """Fills the rows below the top of each range merged over rows with the top cell's value (see the module)."""

    def __init__(self, ranges: list[tuple[int, int, int]], first_row: int):
        # only ranges among the ticket rows: a header cell merged over two rows names a column, it is no ticket's value
        self._starting: dict[int, list[tuple[int, int]]] = {}
        for top, bottom, column in ranges:
            if top >= first_row:
                self._starting.setdefault(top, []).append((bottom, column))
        self._open: list[tuple[int, int, object]] = []  # (last row, column, value) of the ranges being filled

    def __bool__(self) -> bool:
        """Whether a row may still get a value: a range starts at a later row or is being filled."""
        return bool(self._starting or self._open)

    def fill(self, number: int, values: tuple) -> tuple:
        """Row *number*'s values with the merged ranges over it filled in."""
        self._open = [item for item in self._open if item[0] >= number]
        if self._open:
            values = list(values)
            for _bottom, column, value in self._open:
                values.extend([None] * (column - len(values)))
                if values[column - 1] in (None, ""):
                    values[column - 1] = value
            values = tuple(values)
        for bottom, column in self._starting.pop(number, ()):
            if column <= len(values) and values[column - 1] not in (None, ""):
                self._open.append((bottom, column, values[column - 1]))
        return values
