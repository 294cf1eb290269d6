"""TicketListView: the paged ticket table; runs filter and sort queries on a worker."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from elsdesk.domain import TicketFilter
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.ticket_table_model import TicketTableModel
from elsdesk.storage import TicketRepository


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
        header.setStretchLastSection(True)
        for column, width in enumerate((102, 130, 215, 160, 98, 72, 66, 108)):
            self.setColumnWidth(column, width)
        model.sort_requested.connect(self._on_sort_requested)
        self.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.activated.connect(self._on_activated)

    def set_filter(self, flt: TicketFilter) -> None:
        self.filter = replace(flt, sort=self.filter.sort, descending=self.filter.descending)
        self.refresh()

    def refresh(self, select_ticket: int | None = None) -> None:
        """Re-run the query in the background; the old query is cancelled."""
        self._keep_selection = select_ticket if select_ticket is not None else self.current_ticket_id()
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
        elif result.ids:
            self.selectRow(0)
        else:
            self.ticket_selected.emit(None)
        self.loaded.emit(result)

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self.filter = replace(self.filter, sort=key, descending=descending)
        self.refresh()

    def _on_current_row_changed(self, current, _previous) -> None:
        ids = self.table_model.ids()
        self.ticket_selected.emit(ids[current.row()] if current.isValid() and current.row() < len(ids) else None)

    def _on_activated(self, index) -> None:
        ids = self.table_model.ids()
        if index.isValid() and index.row() < len(ids):
            self.ticket_activated.emit(ids[index.row()])
