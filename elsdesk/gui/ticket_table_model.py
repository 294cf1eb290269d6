"""TicketTableModel: a table over any number of tickets that pages rows in from storage.

The model holds only the ticket ids of the current filter and sort (computed on a worker);
rows are fetched by id in pages of 256 with a small LRU page cache, so a list over a million
tickets costs a few megabytes. A query's first page arrives whole (:meth:`show_first_page`) before
its ids; the ids then extend the rows below it (:meth:`extend_ids`) without disturbing the screen.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from elsdesk.domain import HUMAN, Ticket
from elsdesk.gui.label_notes import module_source_note
from elsdesk.storage import Database, TicketRepository
from elsdesk.taxonomy import Taxonomy

# Role lookups through Qt's enum shortcuts cost microseconds each in PySide6; data() runs
# thousands of times per paint, so the roles are resolved once here.
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
USER = Qt.ItemDataRole.UserRole
HORIZONTAL = Qt.Orientation.Horizontal
_HANDLED_ROLES = frozenset((DISPLAY, TOOLTIP, FOREGROUND, USER))
PAGE_SIZE = 256
MAX_PAGES = 24
COLUMNS = ("external_id", "created_at", "title", "module", "kind", "status", "priority", "unit")
STATUS_COLOURS = {"ny": "#1f6fb2", "pagar": "#8a6d00", "vantar": "#7a4fa3", "eskalerad": "#b23a1f", "lost": "#3c7d3c"}
# plain colours (a view paints them as it paints brushes): QBrush would build QtGui's gradient and image
# enums before the first paint, ~3 ms (issue 14)
_STATUS_COLOURS = {status: QColor(colour) for status, colour in STATUS_COLOURS.items()}
_MODEL_LABEL_COLOUR = QColor("#6b6b6b")
UNCONFIRMED_MARK = " ?"  # after a module the model guessed and no person set or confirmed; its tooltip says why


class TicketTableModel(QAbstractTableModel):
    """Rows are tickets in the order of :meth:`set_ids`; data is paged in on demand."""

    sort_requested = Signal(str, bool)

    def __init__(self, database: Database, taxonomy: Taxonomy, language: str = "sv", parent=None):
        super().__init__(parent)
        self._repo = TicketRepository(database)
        self._taxonomy = taxonomy
        self._language = language
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[Ticket]] = OrderedDict()
        self._incidents: dict[int, str] = {}
        self._headers = (
            self.tr("Ärende"), self.tr("Skapad"), self.tr("Rubrik"), self.tr("Modul"),
            self.tr("Typ"), self.tr("Status"), self.tr("Prioritet"), self.tr("Enhet"),
        )

    # -- data source ---------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def show_first_page(self, tickets: list[Ticket]) -> None:
        """Show the top of a result before its ids are known: these tickets and nothing below them yet."""
        self.beginResetModel()
        self._ids = [ticket.id for ticket in tickets]
        self._pages.clear()
        for number in range(0, (len(tickets) + PAGE_SIZE - 1) // PAGE_SIZE):
            self._pages[number] = tickets[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        self.endResetModel()

    def extend_ids(self, ids: list[int]) -> bool:
        """Add the rows below those shown when *ids* starts with them (the rows shown stay put);
        False when it does not (the desk changed in between) and nothing was changed."""
        shown = len(self._ids)
        if len(ids) < shown or ids[:shown] != self._ids:
            return False
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = list(ids)
            if shown % PAGE_SIZE:
                self._pages.pop(shown // PAGE_SIZE, None)  # a partly filled page is fetched again whole
            self.endInsertRows()
        return True

    def ids(self) -> list[int]:
        return self._ids

    def set_incident_tickets(self, incidents: dict[int, str]) -> None:
        """Mark tickets linked to an open or confirmed incident (ticket id -> the sentence its tooltip shows)."""
        self._incidents = dict(incidents)
        if self._ids:
            column = COLUMNS.index("title")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._ids) - 1, column))

    def refresh_rows(self) -> None:
        """Drop cached rows (after a write) and repaint what is visible."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def row_of(self, ticket_id: int) -> int:
        try:
            return self._ids.index(ticket_id)
        except ValueError:
            return -1

    def ticket_at(self, row: int) -> Ticket | None:
        if not 0 <= row < len(self._ids):
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            page = self._load_page(page_number)
        else:
            self._pages.move_to_end(page_number)
        offset = row - page_number * PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def _load_page(self, page_number: int) -> list[Ticket]:
        start = page_number * PAGE_SIZE
        wanted = self._ids[start : start + PAGE_SIZE]
        found = {t.id: t for t in self._repo.fetch_many(wanted)}
        page = [found.get(i) for i in wanted]
        self._pages[page_number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if role == DISPLAY and orientation == HORIZONTAL and 0 <= section < len(COLUMNS):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=DISPLAY):
        if role not in _HANDLED_ROLES or not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        ticket = self.ticket_at(index.row())
        if ticket is None:
            return None
        column = COLUMNS[index.column()]
        if role == DISPLAY:
            return self._display(ticket, column)
        if role == TOOLTIP and column == "title":
            note = self._incidents.get(ticket.id) or ""
            return "\n\n".join(part for part in (note, ticket.description[:500]) if part) or None
        if role == TOOLTIP and column == "module":
            return self._unconfirmed_note(ticket)
        if role == FOREGROUND and column == "status":
            return _STATUS_COLOURS.get(ticket.status)
        if role == FOREGROUND and column == "module" and ticket.module_guessed:
            return _MODEL_LABEL_COLOUR
        if role == USER:
            return ticket.id
        return None

    def _display(self, ticket: Ticket, column: str) -> str:
        lang = self._language
        if column == "created_at":
            return ticket.created_at.replace("T", " ")[:16]
        if column == "title":
            prefix = ("⚠ " if ticket.patient_safety else "") + ("⚡ " if ticket.id in self._incidents else "")
            return prefix + ticket.title.replace("\n", " ")[:200]
        if column == "module":
            name = self._taxonomy.module_name(ticket.module, lang)
            return name + UNCONFIRMED_MARK if ticket.module_guessed and name else name
        if column == "kind":
            return self._taxonomy.kind_name(ticket.kind, lang)
        if column == "status":
            return self._taxonomy.status_name(ticket.status, lang)
        if column == "priority":
            return self._taxonomy.name_of("priorities", ticket.priority, lang)
        value = getattr(ticket, column)
        return "" if value is None else str(value)

    @staticmethod
    def _unconfirmed_note(ticket: Ticket) -> str | None:
        """What the "?" after a module means for this ticket, or that a person's module awaits a super-user's
        review; None for a confirmed module or none."""
        return None if ticket.label_source == HUMAN or not ticket.module else module_source_note(ticket)

    def widest_texts(self, column: int) -> list[str]:
        """Every text a label column can show (module, kind, status, priority names), for sizing the column."""
        tax, lang, name = self._taxonomy, self._language, COLUMNS[column]
        groups = {"module": tax.modules, "kind": tax.kinds, "status": tax.statuses, "priority": tax.priorities}
        if name not in groups:
            return []
        return [label.name(lang) + (UNCONFIRMED_MARK if name == "module" else "") for label in groups[name]]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)

