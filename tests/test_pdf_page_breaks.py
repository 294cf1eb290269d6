"""The PDF keeps a short table (a chart, the module trend, a quoted example) on one page with its heading
(a tester's period PDF had "Ärenden per modul och vecka" with its first bar at the foot of page 1 and the
rest on page 2), and a key figure in words fits its card (it filled one in four lines at headline size)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from elsdesk.export.print_html import FIGURE_PT, LONG_FIGURE_PT, _print_figures  # noqa: E402
from elsdesk.gui.pdf_export import ensure_gui_application, keep_tables_tidy  # noqa: E402


def _document(html: str, page_height: float = 400):
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QTextDocument

    ensure_gui_application()
    document = QTextDocument()
    document.setHtml(html)
    document.setPageSize(QSizeF(400, page_height))
    return document


def _tables(document):
    from PySide6.QtGui import QTextTable

    page = document.pageSize().height()
    layout = document.documentLayout()
    return [(int(layout.frameBoundingRect(f).top() // page), int((layout.frameBoundingRect(f).bottom() - 1) // page))
            for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def _rows(n: int) -> str:
    return "<table>" + "".join(f"<tr><td>vecka {i}</td><td>{i}</td></tr>" for i in range(n)) + "</table>"


def test_a_short_table_split_over_two_pages_starts_a_page_with_its_heading():
    for lines in range(4, 60):  # as many lines above it as make the layout split it (fonts differ)
        filler = "".join(f"<p>Rad {i} i översikten</p>" for i in range(lines))
        document = _document(f"{filler}<h2>Ärenden per modul och vecka</h2>{_rows(6)}<p>förklaring</p>")
        (first, last), = _tables(document)
        if first != last:
            break
    assert first != last, "the layout splits it to begin with"

    keep_tables_tidy(document)

    (first, last), = _tables(document)
    assert first == last == 1
    heading = next(b for b in _blocks(document) if b.text() == "Ärenden per modul och vecka")
    assert int(document.documentLayout().blockBoundingRect(heading).top() // 400) == 1, "the heading goes with it"


def test_a_long_table_flows_on_over_pages():
    document = _document(f"<p>inledning</p><h2>Alla ämnen</h2>{_rows(40)}")
    before = _tables(document)
    keep_tables_tidy(document)
    assert _tables(document) == before and before[0][0] != before[0][1]


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_a_key_figure_in_words_is_smaller_than_a_number():
    html = _print_figures([("Ärenden", "137", ""), ("Ämnenas trend", "3 avtagande, 7 kvarstår, 0 ökande", "")])
    assert html.count(f"font-size:{FIGURE_PT}pt") == 1 and html.count(f"font-size:{LONG_FIGURE_PT}pt") == 1


def test_a_row_of_a_long_table_starts_the_next_page_rather_than_leave_a_line_behind():
    from PySide6.QtGui import QTextTable

    rows = "".join(f"<tr><td>Ämne {i}<br>nyckelord {i}</td><td>{i}</td></tr>" for i in range(40))

    def split_rows():
        table = next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
        layout, page = document.documentLayout(), document.pageSize().height()
        found = []
        for row in range(1, table.rows()):
            cells = [table.cellAt(row, c) for c in range(table.columns())]
            top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
            bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)
            if int(top // page) != int((bottom - 1) // page):
                found.append(row)
        return found

    for lines in range(1, 30):  # as many lines above it as make the layout split a row (fonts differ)
        filler = "".join(f"<p>inledning {i}</p>" for i in range(lines))
        document = _document(f"{filler}<table><thead><tr><th>Ämne</th><th>Ärenden</th></tr></thead>{rows}</table>")
        if split_rows():
            break
    assert split_rows(), "the layout leaves a row's second line on the next page to begin with"
    keep_tables_tidy(document)
    assert split_rows() == []
    assert document.pageCount() >= 3, "the table still flows on over pages"


def _page_of_block(document, text: str) -> int:
    block = next(b for b in _blocks(document) if b.text() == text)
    return int(document.documentLayout().blockBoundingRect(block).top() // document.pageSize().height())


def test_a_heading_left_at_the_foot_of_a_page_starts_the_next_with_what_it_heads():
    """Two testers' PDFs had "Inte tillbaka denna vecka" alone at the foot of a page, its note and table on the next."""
    for lines in range(4, 80):  # as many lines above it as leave the heading alone at a page's foot (fonts differ)
        filler = "".join(f"<p>Rad {i} i agendan</p>" for i in range(lines))
        document = _document(f"{filler}<h2>Inte tillbaka denna vecka</h2><p>Ämnen från förra veckan.</p>{_rows(3)}")
        if _page_of_block(document, "Inte tillbaka denna vecka") < _page_of_block(document, "Ämnen från förra veckan."):
            break
    heading_page = _page_of_block(document, "Inte tillbaka denna vecka")
    assert heading_page < _page_of_block(document, "Ämnen från förra veckan."), "the layout leaves it alone to begin with"

    keep_tables_tidy(document)

    assert _page_of_block(document, "Inte tillbaka denna vecka") == heading_page + 1
    assert _page_of_block(document, "Ämnen från förra veckan.") == heading_page + 1


def test_a_heading_with_its_first_line_on_the_same_page_stays():
    document = _document("<p>inledning</p><h2>Veckans ämnen</h2><p>Fem ämnen.</p>" + _rows(40))
    keep_tables_tidy(document)
    assert _page_of_block(document, "Veckans ämnen") == 0
