"""The weekly export as an Excel workbook: Agenda, Ämnen, Modultrend (with a chart), Exempel; a
period's overview (``export --from --to``) as Översikt (every topic with a column per week and its
trend over the period), Modultrend and Exempel."""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from elsdesk.export import starts_formula
from elsdesk.export import range_tables, tables

logger = logging.getLogger(__name__)

HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")
HEADER_FONT = Font(bold=True, color="1F3A5F")
TITLE_FONT = Font(bold=True, size=14, color="1F3A5F")
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH = 60
_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _put(sheet, row: int, column: int, value):
    """Write one cell; text is always stored as text, never as a formula.

    Text that a person typing it would start a formula with ("=", "+", "-", "@") is shown as
    written and carries Excel's quote prefix (the hidden apostrophe of a cell typed as '=…), so
    that editing the cell does not turn it into a formula either (the apostrophe was
    written into the text and shown)."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str) and _DAY_RE.fullmatch(value):  # a day (covered on): a date cell, to sort and filter by
        try:
            cell.value, cell.number_format = date.fromisoformat(value), "yyyy-mm-dd"
            return cell
        except ValueError:
            pass
    if isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if starts_formula(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def _table(sheet, headers: list[str], rows: list[list], first_row: int = 1, wrap: tuple[int, ...] = ()) -> None:
    """A header row (bold, frozen) and the rows below it, with widths that fit the content."""
    for column, header in enumerate(headers, start=1):
        cell = _put(sheet, first_row, column, header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = _put(sheet, first_row + offset, column, value)
            if column in wrap:
                cell.alignment = WRAP
    sheet.freeze_panes = sheet.cell(row=first_row + 1, column=1)
    if rows:
        sheet.auto_filter.ref = f"A{first_row}:{get_column_letter(len(headers))}{first_row + len(rows)}"
    for column, header in enumerate(headers, start=1):
        longest = max([len(str(header))] + [len(str(r[column - 1])) for r in rows if column - 1 < len(r)])
        sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(8, longest + 2))
    _print_setup(sheet, first_row)


def _print_setup(sheet, header_row: int) -> None:
    """Printed, a sheet is as wide as one A4 landscape page (as many pages long as it needs), with the
    table's header row on every page and the sheet's name and page number in the footer (issue 12:
    the agenda ran to 29 pages with columns split across them)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.left.text = "&A"
    sheet.oddFooter.right.text = "&P / &N"


def _agenda_sheet(book: Workbook, data) -> None:
    sheet = book.active
    sheet.title = tables.text(data, "agenda")
    _put(sheet, 1, 1, data.title).font = TITLE_FONT
    figures = "   ·   ".join(f"{label}: {value}" for label, value, _note in tables.key_figures(data))
    _put(sheet, 2, 1, f"{tables.period(data)}   ·   {figures}").font = Font(italic=True, color="555555")
    rows, headers = tables.sheet_agenda_rows(data), tables.sheet_agenda_headers(data)
    _table(sheet, headers, rows, first_row=4, wrap=(len(headers),))  # the workaround, last, wraps
    if not rows:
        _put(sheet, 5, 2, tables.text(data, "no_agenda"))
    sheet.column_dimensions["A"].width = 6


def _topics_sheet(book: Workbook, data) -> None:
    sheet = book.create_sheet(tables.text(data, "topics"))
    headers = tables.sheet_topic_headers(data)
    _table(sheet, headers, tables.sheet_topic_rows(data), wrap=(len(headers),))


def _ended_sheet(book: Workbook, data) -> None:
    """Last week's larger topics that did not go on this week, with a line on what that means (none: no sheet)."""
    if not data.ended:
        return
    sheet = book.create_sheet(tables.text(data, "ended"))
    _put(sheet, 1, 1, tables.ended_note(data)).font = Font(italic=True, color="555555")
    _table(sheet, tables.ended_headers(data), tables.ended_rows(data), first_row=3)


def _trend_sheet(book: Workbook, data) -> None:
    sheet = book.create_sheet(tables.text(data, "module_trend"))
    trend = tables.module_trend(data)
    rows = tables.module_trend_rows(trend)
    headers = tables.module_trend_headers(data, trend)
    _table(sheet, headers, rows)
    for column in range(3, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = min(18, max(9, len(headers[column - 1]) * 0.8))
        sheet.cell(row=1, column=column).alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    sheet.row_dimensions[1].height = 45
    if not rows or not trend.modules:
        return
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = tables.text(data, "chart_modules")
    chart.y_axis.title = tables.text(data, "count")
    chart.x_axis.title = tables.text(data, "week")
    values = Reference(sheet, min_col=3, max_col=2 + len(trend.modules), min_row=1, max_row=1 + len(rows))
    chart.add_data(values, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=1 + len(rows)))
    chart.width, chart.height = 26, 13
    chart.legend.position = "r"
    sheet.add_chart(chart, f"A{len(rows) + 4}")


def _examples_sheet(book: Workbook, data) -> None:
    sheet = book.create_sheet(tables.text(data, "examples"))
    _table(sheet, tables.example_headers(data), tables.example_rows(data), wrap=(1, 3, 4))
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["D"].width = 80


def _overview_sheet(book: Workbook, data) -> None:
    """A period's topics, largest first, with their tickets per week and trend over the period."""
    sheet = book.active
    sheet.title = range_tables.text(data, "overview")
    _put(sheet, 1, 1, data.title).font = TITLE_FONT
    figures = "   ·   ".join(f"{label}: {value}" + (f" ({note})" if note else "")
                             for label, value, note in range_tables.key_figures(data))
    _put(sheet, 2, 1, figures).font = Font(italic=True, color="555555")
    _put(sheet, 3, 1, range_tables.trend_rule(data)).font = Font(italic=True, color="555555", size=9)
    headers = range_tables.overview_headers(data)
    rows = range_tables.overview_rows(data)
    _table(sheet, headers, rows, first_row=5, wrap=(len(headers) - 1,))  # the workaround wraps
    if not rows:
        _put(sheet, 6, 2, range_tables.text(data, "no_topics"))
    sheet.column_dimensions["A"].width = 6
    for column in range(7, 7 + len(data.weeks)):  # the week columns: narrow, their header wraps
        sheet.column_dimensions[get_column_letter(column)].width = 11
        sheet.cell(row=5, column=column).alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def write_xlsx(data, path) -> None:
    """Write *data* as an .xlsx workbook at *path*."""
    book = Workbook()
    if getattr(data, "is_range", False):
        _overview_sheet(book, data)
    else:
        _agenda_sheet(book, data)
        _topics_sheet(book, data)
        _ended_sheet(book, data)
    _trend_sheet(book, data)
    _examples_sheet(book, data)
    book.properties.title = data.title
    book.properties.creator = "elsdesk"
    book.save(Path(path))
    logger.info("wrote %s", path)
