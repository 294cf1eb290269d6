"""The weekly export as one CSV table for Swedish Excel: UTF-8 with BOM, semicolons.

One row per topic, largest first, with a column giving its place on the agenda, so a training
lead can sort and filter in Excel; the week is repeated on each row so several weeks' files can
be stacked. A period's overview (``export --from --to``) has one row per topic too, with the
period's first and last day, its tickets in the period, a column per ISO week and its trend over the
period (:mod:`elsdesk.export.range_tables`). Every text cell is made safe against formula injection (:func:`safe_cell`: the
leading apostrophe Excel hides), here and only here, where a spreadsheet reads the text.
"""

from __future__ import annotations

import csv
import logging
from pathlib import Path

from elsdesk.export import safe_cell
from elsdesk.export import range_tables, tables

logger = logging.getLogger(__name__)
DELIMITER = ";"


def csv_rows(data) -> list[list]:
    """The header and rows of the CSV file (also used by tests and previews)."""
    if getattr(data, "is_range", False):
        return [range_tables.csv_headers(data)] + range_tables.csv_rows(data)
    header = [tables.text(data, "week"), *tables.sheet_topic_headers(data)]
    week = safe_cell(data.week)
    return [header] + [[week, *row] for row in tables.sheet_topic_rows(data)]


def write_csv(data, path) -> None:
    """Write *data* as a semicolon separated UTF-8 (with BOM) CSV file at *path*."""
    with open(Path(path), "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        for row in csv_rows(data):
            writer.writerow([safe_cell(cell) if isinstance(cell, str) else cell for cell in row])
    logger.info("wrote %s", path)
