"""TicketListView: the paged ticket table; runs filter and sort queries on a worker.

A query runs in two steps so the rows never wait for the whole desk: first the screenful at the top
(a keyset page from :class:`TicketPager`, a few milliseconds at any desk size), shown at once; then every
matching id and the counts (per status, the weeks), which grow with the desk and arrive afterwards to
fill in the rest of the list, the scroll bar and the status bar.

An empty list says why and what to do, drawn over its empty rows: an empty desk how to log or import
the first tickets (after demo data was declined it was an empty grid above "Visar 0 av 0 ärenden"),
a search or filter that matches nothing how to show every ticket again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHeaderView, QStyle, QStyledItemDelegate, QTableView, QToolTip, QWidget,
)

from elsdesk.domain import TicketFilter
from elsdesk.gui.grouped_numbers import number
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.ticket_table_model import COLUMNS, PAGE_SIZE, UNCONFIRMED_MARK, TicketTableModel
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.ticket_pages import TicketPager

logger = logging.getLogger(__name__)
CELL_MARGIN = 18  # a cell's padding on both sides, with room to spare
TITLE_SHARE = 0.28  # of the list's width the title keeps on a small screen; wide label columns give way
# how far they give way, in the order they do: the unit first (at 1366 px a super-user read "Beställn… (BoS) ?" and
# "Journal …tation ?" while the unit still had its whole width), the kind last ("Handhavande" is read at a glance)
NARROWEST = {"unit": 90, "module": 110, "kind": 80}
PLACEHOLDER_MARGIN = 24  # around the empty list's text


@dataclass
class ListResult:
    ids: list[int]
    total: int
    by_status: dict
    weeks: list[str]


class _ModuleCellDelegate(QStyledItemDelegate):
    """Draws a module that does not fit cut at its end, "Prestanda och…", with the model's " ?" kept after it: cut in
    its middle ("Presta…örning", "Kassa …gifter") a module read as no module's name (a GUI tester at 1024 px)."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        option.textElideMode = Qt.ElideRight
        text = option.text or ""
        if not text.endswith(UNCONFIRMED_MARK):  # most cells: the style cuts them at their end
            return
        metrics = option.fontMetrics
        room = option.rect.width() - 2 * (self._margin(option) + 1)
        if room > 0 and metrics.horizontalAdvance(text) > room:
            name = text[:-len(UNCONFIRMED_MARK)]
            option.text = metrics.elidedText(name, Qt.ElideRight, room - metrics.horizontalAdvance(UNCONFIRMED_MARK)) \
                + UNCONFIRMED_MARK

    @staticmethod
    def _margin(option) -> int:
        style = option.widget.style() if option.widget is not None else QApplication.style()
        return style.pixelMetric(QStyle.PM_FocusFrameHMargin, None, option.widget)


def count_summary(result: ListResult, statuses, language: str = "sv") -> tuple[str, str]:
    """The status bar's counts and their tooltip. The counts per status leave the status filter out
    (they say what each status would show, and feed the status chips), so the text says "alla
    statusar" instead of letting them look like a breakdown of the rows shown."""
    text = QCoreApplication.translate("TicketListView", "Visar %1 av %2 ärenden").replace(
        "%1", number(len(result.ids), " ")).replace("%2", number(result.total, " "))
    per_status = [f"{status.name(language)}: {number(result.by_status[status.id], ' ')}"
                  for status in statuses if result.by_status.get(status.id)]
    if per_status:
        text += " · " + QCoreApplication.translate("TicketListView", "alla statusar (%1)").replace(
            "%1", " · ".join(per_status))
    tooltip = QCoreApplication.translate(
        "TicketListView", "Antalen per status räknas med dina övriga filter men utan statusfiltret, "
        "så att du ser hur många varje status skulle visa.")
    return text, tooltip


def _first_page(flt: TicketFilter):
    def work(context):
        with context.open_database() as database:
            return TicketPager(database).page(flt, limit=PAGE_SIZE)

    return work


def _run_query(flt: TicketFilter):
    def work(context):
        with context.open_database() as database:
            repo = TicketRepository(database)
            ids = repo.query_ids(flt)
            total = repo.count()
            by_status = repo.count_by("status", replace(flt, status=None))
            weeks = repo.weeks()
        return ListResult(ids, total, by_status, weeks)

    return work


class TicketListView(QTableView):
    """Emits :attr:`ticket_selected` with a ticket id (or None), :attr:`first_rows` with the number of rows
    shown as soon as the top of a query's result is on screen, and :attr:`loaded` with the whole
    :class:`ListResult` (every id and the counts) after it."""

    ticket_selected = Signal(object)
    ticket_activated = Signal(int)
    first_rows = Signal(int)
    loaded = Signal(object)
    query_failed = Signal(object)

    def __init__(self, model: TicketTableModel, runner: TaskRunner, db_path, parent=None):
        super().__init__(parent)
        self.setObjectName("ticketTable")
        # a viewport made here, so that viewport() hands back a widget PySide already knows: for the one Qt makes
        # itself PySide works out its most derived type by making every QtWidgets class and its enums first
        # (15 ms of the start, before the first rows, and nothing a plain table pays; issue 14)
        self._viewport = QWidget()
        self.setViewport(self._viewport)
        self.table_model = model
        self.runner = runner
        self.db_path = db_path
        self.filter = TicketFilter()
        self._task = None
        self._first_task = None
        self._generation = 0  # of the latest refresh(): results of an older one are dropped
        self._pending = False  # a refresh() whose whole result has not arrived (nor failed) yet
        self._keep_selection: int | None = None
        self._desk_total: int | None = None  # every ticket in the desk, as the last whole result counted them
        self._refresh_on_sort = True  # a new sort reads the list again (not while restoring the columns)
        # what the empty list says on an empty desk and when nothing matches (the window's texts, with its own keys and
        # menu names), asked for only when the list draws one: a start with rows never makes them (issue 14)
        self.empty_texts: Callable[[], tuple[str, str]] = lambda: ("", "")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setTabKeyNavigation(False)  # a list of rows: Tab leaves it, the arrows move between rows
        self.setWordWrap(False)
        # a module the model set ends in "?": the mark stays on a narrow column (a tester saw "Vårdplan och …" for
        # unconfirmed and confirmed alike), and the name is cut at its end
        self.setItemDelegateForColumn(COLUMNS.index("module"), _ModuleCellDelegate(self))
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(1, Qt.DescendingOrder)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        # the title takes what the others leave, and never less than TITLE_SHARE (make_room_for_title)
        self._natural: dict[int, int] = {}  # column -> its fitted width
        self._auto_width: dict[int, int] = {}  # column -> the width the view last gave it (not the person)
        self._fitting = False
        self.fit_columns()
        header.sectionResized.connect(lambda *_: self.make_room_for_title())  # a column dragged: the title refills
        self._auto_selected: int | None = None  # the first row, selected by the view and not by the person
        model.sort_requested.connect(self._on_sort_requested)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.activated.connect(self._on_activated)

    def fit_columns(self) -> None:
        """Label columns as wide as their longest name (issue 13: module names were cut off); the
        id, date and unit columns as wide as typical values."""
        self.ensurePolished()  # the stylesheet's font, not the default one
        header = self.horizontalHeader()
        header.ensurePolished()
        metrics, bold = self.fontMetrics(), header.fontMetrics()
        samples = {"external_id": ["DEMO-00000", "ELS-000000"], "created_at": ["2025-05-25 15:46"],
                   "unit": ["Akutmottagningen"]}
        for column, name in enumerate(COLUMNS):
            if name == "title":
                continue
            texts = samples.get(name) or self.table_model.widest_texts(column)
            title = str(self.table_model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max([metrics.horizontalAdvance(t) + CELL_MARGIN for t in texts] + [bold.horizontalAdvance(title) + 2 * CELL_MARGIN])
            self.setColumnWidth(column, width)
            self._natural[column] = self._auto_width[column] = width

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.make_room_for_title()

    def make_room_for_title(self) -> None:
        """The title takes the width the other columns leave. On a narrow list (1024 px, 125 %) it got 85 px
        beside a 230 px module: the unit, module and kind columns give way (their texts are cut with "…", the
        tooltip has them whole) until the title has TITLE_SHARE of the width or they are at their narrowest,
        and widen again to their fitted width when there is room; a width the person set is left alone. The
        title never gets less than TITLE_SHARE: the last columns scroll into view then. The unit gives way first,
        then the module, then the kind (:data:`NARROWEST`)."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit_title()
        finally:
            self._fitting = False

    def _fit_title(self) -> None:
        header = self.horizontalHeader()
        title = COLUMNS.index("title")
        widths = {c: header.sectionSize(c) for c in range(len(COLUMNS)) if c != title and not header.isSectionHidden(c)}
        automatic = {c for c in widths if c in self._natural and widths[c] == self._auto_width.get(c)}
        for column in automatic:
            widths[column] = self._natural[column]
        viewport = self.viewport().width()
        short = int(viewport * TITLE_SHARE) - (viewport - sum(widths.values()))
        for name, narrowest in NARROWEST.items():
            column = COLUMNS.index(name)
            if short <= 0 or column not in automatic:
                continue
            given = min(short, max(0, widths[column] - narrowest))
            widths[column] -= given
            short -= given
        for column in automatic:
            if header.sectionSize(column) != widths[column]:
                self.setColumnWidth(column, widths[column])
            self._auto_width[column] = widths[column]
        if header.sectionResizeMode(title) != QHeaderView.Interactive:
            header.setSectionResizeMode(title, QHeaderView.Interactive)  # a kept layout of old had it stretch
        title_width = max(int(viewport * TITLE_SHARE), viewport - sum(widths.values()))
        if header.sectionSize(title) != title_width:
            self.setColumnWidth(title, title_width)  # the rest of the row, or its share: the last columns scroll

    def placeholder(self) -> str:
        """The text drawn over the list: none while it has rows, loads or failed to load; else what
        :attr:`empty_texts` says for an empty desk, or for search and filters that match nothing."""
        if self.table_model.rowCount() or self._pending or self._desk_total is None:
            return ""
        empty_desk, no_match = self.empty_texts()
        return empty_desk if self._desk_total == 0 else no_match

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        text = self.placeholder()
        if not text:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        area = self.viewport().rect().adjusted(PLACEHOLDER_MARGIN, PLACEHOLDER_MARGIN, -PLACEHOLDER_MARGIN, -PLACEHOLDER_MARGIN)
        painter.drawText(area, int(Qt.AlignCenter | Qt.TextWordWrap), text)

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.ToolTip:
            index = self.indexAt(event.pos())
            tip = self.cell_tooltip(index.row(), index.column()) if index.isValid() else None
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport(), self.visualRect(index))
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def cell_tooltip(self, row: int, column: int) -> str | None:
        """A cell's tooltip: the whole title before what the model says about it (an incident, the
        description), the unit's whole name, and any other cell's whole text when its column cuts it with
        "…" (a long module name on a small screen), before the model's note."""
        index = self.table_model.index(row, column)
        text = str(self.table_model.data(index) or "")
        note = self.table_model.data(index, Qt.ItemDataRole.ToolTipRole)
        ticket = self.table_model.ticket_at(row)
        if ticket is not None and COLUMNS[column] == "title":
            whole = ticket.title.replace("\n", " ")  # the list shows at most 200 characters of it
        elif COLUMNS[column] == "unit":
            whole = text
        else:
            cut = self.fontMetrics().horizontalAdvance(text) + CELL_MARGIN > self.columnWidth(column)
            whole = text if cut else ""
        return "\n\n".join(part for part in (whole, note) if part) or None

    def focus_first_row(self) -> None:
        """Take the keyboard focus on the first row (Down or Enter in the search box): the first result of a
        search still running is selected when it arrives."""
        self.setFocus(Qt.OtherFocusReason)
        if self._pending:
            self._keep_selection = None  # the query's first row, not the ticket chosen before the search
            return
        if self.table_model.rowCount():
            self.setCurrentIndex(self.table_model.index(0, 0))
            self.scrollToTop()

    def sort_choice(self) -> tuple[int, bool]:
        """The column the list is sorted by and whether it is descending."""
        header = self.horizontalHeader()
        return header.sortIndicatorSection(), header.sortIndicatorOrder() == Qt.DescendingOrder

    def sort_by(self, column: int, descending: bool | None = None) -> None:
        """Sort by *column* without the mouse (Visa › Sortera efter); the column it is already sorted by
        turns round when *descending* is not given."""
        current, was_descending = self.sort_choice()
        if descending is None:
            descending = not was_descending if column == current else column == COLUMNS.index("created_at")
        self.sortByColumn(column, Qt.DescendingOrder if descending else Qt.AscendingOrder)

    def set_filter(self, flt: TicketFilter) -> None:
        self.filter = replace(flt, sort=self.filter.sort, descending=self.filter.descending)
        self.refresh()

    def refresh(self, select_ticket: int | None = None, database: Database | None = None,
                rest_when_built: bool = False) -> None:
        """Re-run the query in the background; the old query is cancelled. The ticket the person chose
        stays selected; a first row the view selected itself stays the first row (issue 13: the list
        opened scrolled to the middle when newer tickets arrived above it).

        With *database* (the window's own connection, as it opens) the first page is read at once on
        it, so the window's first paint has its rows, as a plain table's does: a keyset page is a few
        milliseconds at any desk size. Should that read fail, it runs in the background as usual. With
        *rest_when_built* (the window being built) every id and the counts are read from the event loop's
        first turn, once the window is built: on two cores that read, which holds the GIL while it turns a
        million rows into ids, slowed the building of the window (~6 ms of CPU at a million tickets, issue 14)."""
        current = self.current_ticket_id()
        keep = None if current is not None and current == self._auto_selected else current
        self._keep_selection = select_ticket if select_ticket is not None else keep
        for task in (self._first_task, self._task):
            if task is not None:
                task.cancel()
        self._task = None
        self._pending = True
        self.viewport().update()  # no placeholder while the new result is on its way
        self._generation += 1
        flt, generation = self.filter, self._generation
        if database is not None:
            try:
                page = TicketPager(database).page(flt, limit=PAGE_SIZE)
            except Exception:  # noqa: BLE001 - the background read below says what is wrong, as it always did
                logger.warning("the first page could not be read at once; it is read in the background", exc_info=True)
            else:
                self._on_first_page(flt, page, rest_when_built)
                return
        self._first_task = self.runner.start(
            _first_page(flt), db_path=self.db_path, quick=True, name="ticket list first page",
            on_success=lambda page: self._current(generation) and self._on_first_page(flt, page),
            on_failure=lambda exc: self._current(generation) and self._on_failed(exc),
        )

    def _current(self, generation: int) -> bool:
        """False for a result that was already on its way when a newer refresh() began."""
        return generation == self._generation

    def _load_everything(self, flt: TicketFilter) -> None:
        generation = self._generation
        self._task = self.runner.start(
            _run_query(flt), db_path=self.db_path, quick=True, name="ticket query",
            on_success=lambda result: self._current(generation) and self._on_loaded(result),
            on_failure=lambda exc: self._current(generation) and self._on_failed(exc),
        )

    def _on_failed(self, exc: Exception) -> None:
        self._pending = False
        self._desk_total = None
        self.viewport().update()
        self.query_failed.emit(exc)

    def is_loading(self) -> bool:
        """True from refresh() until its whole result (or its failure) has been delivered."""
        return self._pending

    def current_ticket_id(self) -> int | None:
        index = self.currentIndex()
        return self.table_model.ids()[index.row()] if index.isValid() and index.row() < len(self.table_model.ids()) else None

    def chosen_ticket_id(self) -> int | None:
        """The selected ticket when the person chose it (not the first row the list selected itself)."""
        current = self.current_ticket_id()
        return None if current == self._auto_selected else current

    def choose_when_listed(self, ticket_id: int) -> None:
        """Select *ticket_id* as if the person had chosen it (the place the window closed on): now when it is
        listed, else once every row has arrived; a choice the person made meanwhile stays, and a ticket no
        longer listed leaves the first row selected."""
        if self.chosen_ticket_id() is not None:
            return
        if self.table_model.row_of(ticket_id) >= 0:
            self.select_ticket(ticket_id)
        elif self._pending:
            self._keep_selection = ticket_id

    def select_ticket(self, ticket_id: int) -> None:
        row = self.table_model.row_of(ticket_id)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.table_model.index(row, 0))

    def _on_first_page(self, flt: TicketFilter, page: list, rest_when_built: bool = False) -> None:
        self.table_model.show_first_page(page)
        if self._keep_selection is None or self.table_model.row_of(self._keep_selection) >= 0:
            self._select_after_load()
        # else: the ticket to keep is further down; it is selected when every row has arrived
        self.first_rows.emit(len(page))
        if rest_when_built:
            generation = self._generation
            QTimer.singleShot(0, self, lambda: self._current(generation) and self._load_everything(flt))
        else:
            self._load_everything(flt)

    def _on_loaded(self, result: ListResult) -> None:
        self._pending = False
        self._desk_total = result.total
        self.viewport().update()  # the placeholder comes or goes with the whole result
        if not self.table_model.extend_ids(result.ids):  # the desk changed since the first page
            self.table_model.set_ids(result.ids)
            self._select_after_load()
        elif self._keep_selection is not None or self.current_ticket_id() is None:
            self._select_after_load()
        self.loaded.emit(result)

    def _select_after_load(self) -> None:
        """Select the ticket to keep when it is listed, else the first row (or nothing in an empty list)."""
        ids, keep = self.table_model.ids(), self._keep_selection
        self._keep_selection = None
        if keep is not None and self.table_model.row_of(keep) >= 0:
            self.select_ticket(keep)
            self._auto_selected = None
        elif ids:
            self.selectRow(0)
            self.scrollToTop()
            self._auto_selected = ids[0]
        else:
            self._auto_selected = None
            self.ticket_selected.emit(None)

    def restore_columns(self, state) -> None:
        """The kept widths, order and sort of the columns (a header state), before the list's first
        :meth:`refresh`, which reads the sort: restoring starts no query of its own, which would read the
        desk beside the first rows and be dropped (issue 14)."""
        self._refresh_on_sort = False
        try:
            self.horizontalHeader().restoreState(state)
        finally:
            self._refresh_on_sort = True

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self.filter = replace(self.filter, sort=key, descending=descending)
        if self._refresh_on_sort:
            self.refresh()

    def _on_current_row_changed(self, current, _previous) -> None:
        ids = self.table_model.ids()
        chosen = ids[current.row()] if current.isValid() and current.row() < len(ids) else None
        if chosen != self._auto_selected:
            self._auto_selected = None  # the person moved: keep their choice from now on
        self.ticket_selected.emit(chosen)

    def _on_activated(self, index) -> None:
        ids = self.table_model.ids()
        if index.isValid() and index.row() < len(ids):
            self.ticket_activated.emit(ids[index.row()])
