"""Column widths of the Utbildning tab's topic table: every heading readable, every column as wide as
what it holds, and the topic the rest of the row.

A tester saw "På …" and "Gen…" even at 1280 px, and the module and kind cut while "Veckor" had room
to spare (a heading's tooltip does not help someone reading the table). So no heading is ever cut:
where the row is short of room, a heading of two words goes on two lines ("På / agendan") before
the module gives way (its names cut with "…", whole in the cell's tooltip), and only then does the
topic get less than TOPIC_SHARE of the width."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtWidgets import QHeaderView, QTableWidget

# of the table's width the topic keeps (when its names need it) before the module gives way; the pane
# beside the table has the selected topic's whole name as its heading
TOPIC_SHARE = 0.25
NARROWEST = {2: 90}  # the module: how far it gives way (never under its heading; the whole name in its tooltip); the kinds' names are short


def two_lines(text: str, width_of: Callable[[str], float]) -> str:
    """*text* broken at the space that makes its longer line shortest ("På agendan" → "På\\nagendan");
    a single word stays as it is."""
    words = text.split(" ")
    if len(words) < 2:
        return text
    splits = [(" ".join(words[:n]), " ".join(words[n:])) for n in range(1, len(words))]
    first, second = min(splits, key=lambda pair: max(width_of(pair[0]), width_of(pair[1])))
    return f"{first}\n{second}"


def fit_topic_columns(table: QTableWidget, headings: list[str], topic: int, share: float = TOPIC_SHARE,
                      narrowest: dict[int, int] | None = None) -> dict[int, int]:
    """Size *table*'s columns (see the module docstring): *headings* are the whole headings, *topic* the
    column that takes the rest. Returns the width given to every other column."""
    narrowest = NARROWEST if narrowest is None else narrowest
    header = table.horizontalHeader()
    width_of = header.fontMetrics().horizontalAdvance
    others = [c for c in range(len(headings)) if c != topic]
    contents = {c: max(table.sizeHintForColumn(c), 0) for c in others}

    def heading_width(column: int) -> int:
        return header.sectionSizeHint(column)  # as the style draws the heading (bold, padding)

    def set_heading(column: int, text: str) -> None:
        item = table.horizontalHeaderItem(column)
        if item is not None and item.text() != text:
            item.setText(text)

    for column, text in enumerate(headings):
        set_heading(column, text)
        item = table.horizontalHeaderItem(column)
        if item is not None:
            item.setToolTip(text)
    widths = {c: max(contents[c], heading_width(c)) for c in others}
    room = table.viewport().width()
    wanted = min(math.ceil(room * share), max(table.sizeHintForColumn(topic), heading_width(topic)))  # short topics want less

    def short() -> int:
        return wanted - (room - sum(widths.values()))

    # first, headings wider than what their column holds go on two lines, the most saving first (each is
    # measured on two lines, then put back on one until it is chosen)
    saving = []
    for column in others:
        if " " in headings[column] and heading_width(column) > contents[column]:
            set_heading(column, two_lines(headings[column], width_of))
            saving.append((widths[column] - max(contents[column], heading_width(column)), column))
            set_heading(column, headings[column])
    for gain, column in sorted(saving, reverse=True):
        if short() <= 0 or gain <= 0:
            break
        set_heading(column, two_lines(headings[column], width_of))
        widths[column] = max(contents[column], heading_width(column))
    # then the module gives way, never narrower than its heading
    for column, floor in narrowest.items():
        if short() <= 0 or column not in widths:
            continue
        least = max(floor, heading_width(column))
        widths[column] -= min(short(), max(0, widths[column] - least))
    for column in others:
        header.setSectionResizeMode(column, QHeaderView.Interactive)
        table.setColumnWidth(column, widths[column])
    header.setSectionResizeMode(topic, QHeaderView.Stretch)
    return widths
