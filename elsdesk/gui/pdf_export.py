"""The weekly export as PDF, printed with Qt's own PDF writer (no extra dependency).

The print variant of the HTML export is laid out by ``QTextDocument`` on A4 pages and painted
page by page onto a ``QPdfWriter``, with a footer carrying the title and "Sida N av M". Works
headless: without a running Qt application and without a display it starts an offscreen one.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

RESOLUTION = 300          # dots per inch of the PDF's coordinate system
MARGIN_MM = 16
FOOTER_MM = 8
BASE_FONT_PT = 9
SHORT_TABLE_SHARE = 0.5  # a table at most half a page high (a chart, the module trend, an example) is kept on one page
MAX_KEEP_PASSES = 100  # a break a pass, each a new layout of the table (~0.12 s for 600 rows): a page break a pass


def ensure_gui_application():
    """The running Qt application, or a new one (offscreen when there is no display).

    A new one is a ``QApplication`` (which is a ``QGuiApplication``), so that widgets can still
    be made later in the same process (the desktop app, the test suite).
    """
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name != "nt" \
                and sys.platform != "darwin" and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
    return app


def _check_writable(path) -> None:
    """Raise the file system's own OSError (no permission, full disk, a read-only folder) when *path*
    cannot be written, before Qt tries: Qt would only print "QPainter::begin(): Returned false" on
    the terminal and say no more."""
    with open(Path(path), "wb"):
        pass


def a4_writer(path, title: str = ""):
    """A ``QPdfWriter`` for *path*: A4 portrait at :data:`RESOLUTION` dpi, room for the footer."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    writer = QPdfWriter(str(Path(path)))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM + FOOTER_MM),
                                     QPageLayout.Millimeter))
    writer.setTitle(title)
    writer.setCreator("elsdesk")
    return writer


def print_document(data, writer):
    """The print HTML of *data* laid out in a ``QTextDocument`` on the pages of *writer* (a
    ``QPdfWriter`` whose resolution and page layout are set), as :func:`write_pdf` paints it."""
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QTextDocument, QTextOption

    from elsdesk.export.html import render_html

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)      # points mean points at the writer's resolution
    font = QFont("DejaVu Sans")
    font.setStyleHint(QFont.SansSerif)
    font.setPointSizeF(BASE_FONT_PT)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setUseDesignMetrics(True)                   # measure as printed, not as hinted on screen
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WordWrap)             # widen a column rather than split a word
    document.setDefaultTextOption(option)
    document.setHtml(render_html(data, for_print=True))
    body = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(body.width(), body.height()))
    keep_tables_tidy(document)
    return document


def keep_tables_tidy(document) -> None:
    """Page breaks that keep what belongs together on one page: a short table (a chart, the module trend, a
    quoted example: at most :data:`SHORT_TABLE_SHARE` of a page) starts a page with the heading above it when
    the layout split it (the period's "Ärenden per modul och vecka" had its first bar at the foot of page 1
    and the rest on page 2), and a long table's row starts the next page rather than leaving its second line
    there ("Hur ordinerar man vid behov med maxdos" on page 2, its keywords alone on page 3; a tester), and a
    heading left alone at the foot of a page starts the next one with what it heads ("Inte tillbaka denna vecka"
    at the foot of two testers' page 4 or 5, its note and table on the next)."""
    for _round in range(MAX_KEEP_PASSES):
        place = (0, 0)
        for _pass in range(MAX_KEEP_PASSES):  # each break moves what follows: look on from the table or row it mended
            place = _mend_first_split(document, place)
            if place is None:
                break
        if not _mend_first_lone_heading(document):  # a heading's break moves the tables after it: look at them again
            return


def _mend_first_lone_heading(document) -> bool:
    """A page break before the first heading whose next line (a paragraph's or a table's first cell's) is on a
    later page; whether there was one."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    page = document.pageSize().height()
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() > 0 and block.text().strip():
            while following.isValid() and not following.text().strip():
                following = following.next()
            fmt = block.blockFormat()
            if following.isValid() and not fmt.pageBreakPolicy() & QTextFormat.PageBreak_AlwaysBefore \
                    and _page_of(layout.blockBoundingRect(following).top(), page) \
                    > _page_of(layout.blockBoundingRect(block).top(), page):
                fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | QTextFormat.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                return True
        block = following
    return False


def _mend_first_split(document, start: tuple[int, int]) -> tuple[int, int] | None:
    """Mend the first table, or table row, from *start* (a table's number and a row) that the layout split
    over two pages; where it was, or None when there was none (what comes before *start* is mended)."""
    from PySide6.QtGui import QTextTable

    page = document.pageSize().height()
    layout = document.documentLayout()
    tables = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    for number in range(start[0], len(tables)):
        table = tables[number]
        box = layout.frameBoundingRect(table)
        if _page_of(box.top(), page) == _page_of(box.bottom() - 1, page):
            continue
        if box.height() <= SHORT_TABLE_SHARE * page:
            if _break_before_table(document, table, page):
                return number, 0
            continue
        first_row = start[1] if number == start[0] else 0
        for row in _split_rows(layout, table, page, first_row):
            if (_break_after_row(table, row - 1) if row > table.format().headerRowCount()
                    else _break_before_table(document, table, page)):
                return number, row
    return None


def _page_of(y: float, page: float) -> int:
    return int(y // page)


def _split_rows(layout, table, page: float, first_row: int = 0):
    """The rows of *table* from *first_row* (after its header) whose cells' lines lie on two pages, first to last."""
    for row in range(max(first_row, table.format().headerRowCount()), table.rows()):
        cells = [table.cellAt(row, column) for column in range(table.columns())]
        top = min(layout.blockBoundingRect(cell.firstCursorPosition().block()).top() for cell in cells)
        bottom = max(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() for cell in cells)
        if _page_of(top, page) != _page_of(bottom - 1, page) and bottom - top < SHORT_TABLE_SHARE * page:
            yield row


def _break_after_row(table, row: int) -> bool:
    """A page break after *row* (on the last block of each of its cells: one cell's break would move that
    cell alone, and a break before each of the next row's cells moved it two pages on)."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    changed = False
    for column in range(table.columns()):
        block = table.cellAt(row, column).lastCursorPosition().block()
        fmt = block.blockFormat()
        if not fmt.pageBreakPolicy() & QTextFormat.PageBreak_AlwaysAfter:
            fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | QTextFormat.PageBreak_AlwaysAfter)
            QTextCursor(block).setBlockFormat(fmt)
            changed = True
    return changed


def _break_before_table(document, table, page: float) -> bool:
    """A page break before *table*, or before the heading just above it when that is on the same page."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    layout = document.documentLayout()
    first_page = _page_of(layout.frameBoundingRect(table).top(), page)
    block = document.findBlock(table.firstPosition() - 1)  # the heading or paragraph just above it
    if block.isValid() and block.text().strip() and layout.blockBoundingRect(block).bottom() > first_page * page:
        fmt = block.blockFormat()
        if fmt.pageBreakPolicy() & QTextFormat.PageBreak_AlwaysBefore:
            return False
        fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | QTextFormat.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)
        return True
    fmt = table.format()
    if fmt.pageBreakPolicy() & QTextFormat.PageBreak_AlwaysBefore:
        return False
    fmt.setPageBreakPolicy(fmt.pageBreakPolicy() | QTextFormat.PageBreak_AlwaysBefore)
    table.setFormat(fmt)
    return True


def write_pdf(data, path) -> None:
    """Write *data* as an A4 PDF at *path*."""
    ensure_gui_application()
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPainter, QPen

    from elsdesk.export import tables

    _check_writable(path)
    writer = a4_writer(path, data.title)
    document = print_document(data, writer)
    page = document.pageSize()
    pages = max(1, document.pageCount())
    footer_gap = FOOTER_MM / 25.4 * RESOLUTION

    painter = QPainter()
    if not painter.begin(writer):
        from PySide6.QtCore import QCoreApplication

        raise OSError(errno.EIO, QCoreApplication.translate("pdf_export", "Qt kan inte skriva PDF-filen"), str(path))
    try:
        small = QFont(document.defaultFont())
        small.setPointSizeF(7)
        for index in range(pages):
            if index:
                writer.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            document.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
            painter.restore()
            painter.setFont(small)
            painter.setPen(QPen(QColor("#d0d5dd"), 2))
            line_y = page.height() + footer_gap * 0.35
            painter.drawLine(0, int(line_y), int(page.width()), int(line_y))
            painter.setPen(QColor("#667085"))
            footer = QRectF(0, line_y + 6, page.width(), footer_gap * 0.6)
            painter.drawText(footer, Qt.AlignLeft | Qt.AlignVCenter, data.title)
            painter.drawText(footer, Qt.AlignRight | Qt.AlignVCenter,
                             f"{tables.text(data, 'page')} {index + 1} {tables.text(data, 'of')} {pages}")
    finally:
        painter.end()
    logger.info("wrote %s (%d pages)", path, pages)
