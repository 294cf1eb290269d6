"""TicketListView: the paged ticket table; runs filter and sort queries on a worker."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from elsdesk.domain import TicketFilter
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.ticket_table_model import COLUMNS, TicketTableModel
from elsdesk.storage import TicketRepository


CELL_MARGIN = 18  # a cell's padding on both sides, with room to spare


@dataclass
class ListResult:
    ids: list[int]
    total: int
    by_status: dict
    weeks: list[str]


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
    """Emits :attr:`ticket_selected` with a ticket id (or None) and :attr:`loaded` after a query."""

    ticket_selected = Signal(object)
    ticket_activated = Signal(int)
    loaded = Signal(object)
    query_failed = Signal(object)

    def __init__(self, model: TicketTableModel, runner: TaskRunner, db_path, parent=None):
        super().__init__(parent)
        self.setObjectName("ticketTable")
        self.table_model = model
        self.runner = runner
        self.db_path = db_path
        self.filter = TicketFilter()
        self._task = None
        self._keep_selection: int | None = None
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(1, Qt.DescendingOrder)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("title"), QHeaderView.Stretch)  # the title takes what is left
        self.fit_columns()
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

    def set_filter(self, flt: TicketFilter) -> None:
        self.filter = replace(flt, sort=self.filter.sort, descending=self.filter.descending)
        self.refresh()

    def refresh(self, select_ticket: int | None = None) -> None:
        """Re-run the query in the background; the old query is cancelled. The ticket the person chose
        stays selected; a first row the view selected itself stays the first row (issue 13: the list
        opened scrolled to the middle when newer tickets arrived above it)."""
        current = self.current_ticket_id()
        keep = None if current is not None and current == self._auto_selected else current
        self._keep_selection = select_ticket if select_ticket is not None else keep
        if self._task is not None:
            self._task.cancel()
        self._task = self.runner.start(
            _run_query(self.filter), db_path=self.db_path, on_success=self._on_loaded,
            on_failure=self.query_failed.emit, name="ticket query",
        )

    def is_loading(self) -> bool:
        return self._task is not None and not self._task.is_done()

    def current_ticket_id(self) -> int | None:
        index = self.currentIndex()
        return self.table_model.ids()[index.row()] if index.isValid() and index.row() < len(self.table_model.ids()) else None

    def select_ticket(self, ticket_id: int) -> None:
        row = self.table_model.row_of(ticket_id)
        if row >= 0:
            self.selectRow(row)
            self.scrollTo(self.table_model.index(row, 0))

    def _on_loaded(self, result: ListResult) -> None:
        self.table_model.set_ids(result.ids)
        if self._keep_selection is not None and self.table_model.row_of(self._keep_selection) >= 0:
            self.select_ticket(self._keep_selection)
            self._auto_selected = None
        elif result.ids:
            self.selectRow(0)
            self.scrollToTop()
            self._auto_selected = result.ids[0]
        else:
            self._auto_selected = None
            self.ticket_selected.emit(None)
        self.loaded.emit(result)

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self.filter = replace(self.filter, sort=key, descending=descending)
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
