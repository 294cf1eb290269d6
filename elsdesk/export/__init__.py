"""Writers for the training lead's weekly export (XLSX, CSV, Markdown, HTML and PDF).

Every writer takes an :class:`elsdesk.services.export.ExportData` and a path. The rows that
every format shows come from :mod:`elsdesk.export.tables`, so the formats agree on content;
they hold the text as written. The formula guard belongs to the spreadsheet writers only: the
CSV writer passes each text cell through :func:`safe_cell` (a leading apostrophe, which Excel
hides), the XLSX writer stores text as text and marks a cell that :func:`starts_formula` with
Excel's own quote prefix (nothing visible). Markdown, HTML and PDF show the text unchanged: no
program runs a formula there, and an apostrophe would only be read as part of the text. The
PDF writer uses Qt's own PDF engine and so lives in the GUI package; it is loaded by name only
when asked for, which keeps this package free of Qt.
"""

from __future__ import annotations

import importlib
import logging
from typing import Callable

logger = logging.getLogger(__name__)

# Characters that make Excel, LibreOffice or Google Sheets start a formula (or, for tab and
# carriage return, that can shift what a spreadsheet reads as the first character).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

TREND_NAMES = {"new": "ny", "rising": "ökande", "steady": "stabil", "falling": "minskande"}
TREND_NAMES_EN = {"new": "new", "rising": "rising", "steady": "steady", "falling": "falling"}

Writer = Callable[..., None]

_WRITERS = {
    "xlsx": ("elsdesk.export.xlsx", "write_xlsx"),
    "csv": ("elsdesk.export.csv_export", "write_csv"),
    "md": ("elsdesk.export.markdown", "write_markdown"),
    "html": ("elsdesk.export.html", "write_html"),
    "pdf": ("elsdesk.gui.pdf_export", "write_pdf"),  # Qt's PDF writer: loaded by name only
}


def starts_formula(text) -> bool:
    """Whether a spreadsheet would read *text* (as a cell typed in) as the start of a formula."""
    return isinstance(text, str) and text.startswith(FORMULA_PREFIXES)


def safe_cell(text) -> str:
    """*text* as a string that no spreadsheet will run as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    apostrophe (the OWASP advice against CSV/formula injection); ``None`` becomes ``""``.
    For CSV only: a spreadsheet hides that apostrophe, any other reader shows it.
    """
    if text is None:
        return ""
    text = str(text)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def writer_for(fmt: str) -> Writer:
    """The function that writes *fmt* (``xlsx``, ``csv``, ``md``, ``html`` or ``pdf``)."""
    key = str(fmt).lower().lstrip(".")
    try:
        module_name, function = _WRITERS[key]
    except KeyError:
        raise ValueError(f"okänt exportformat '{fmt}'; välj bland {', '.join(_WRITERS)}") from None
    return getattr(importlib.import_module(module_name), function)


__all__ = ["FORMULA_PREFIXES", "TREND_NAMES", "TREND_NAMES_EN", "safe_cell", "starts_formula", "writer_for"]
