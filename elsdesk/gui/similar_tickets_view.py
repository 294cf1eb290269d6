"""SimilarTicketsView: a compact list of similar earlier tickets with status and resolution.

Shows what :func:`elsdesk.services.similar.similar_tickets` returned; used in the review queue
and the ticket form. It never queries anything itself. Double-click or Enter on a row emits
:attr:`ticket_activated` so the owner can open that ticket.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from elsdesk.services.similar import SimilarTicket
from elsdesk.taxonomy import Taxonomy

ID_ROLE = Qt.ItemDataRole.UserRole


class SimilarTicketsView(QWidget):
    ticket_activated = Signal(int)

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None, focusable: bool = True):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.language = language
        self.heading = QLabel(self.tr("Liknande tidigare ärenden"), self)
        self.heading.setObjectName("similarHeading")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("similarTickets")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("Likhet"), self.tr("Ärende"), self.tr("Rubrik"), self.tr("Status"), self.tr("Lösning")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setWordWrap(False)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in enumerate((70, 92, 230, 80)):
            self.tree.setColumnWidth(column, width)
        if not focusable:
            self.tree.setFocusPolicy(Qt.NoFocus)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.empty = QLabel(self)
        self.empty.setObjectName("similarEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self.show_similar([], self.tr("Inga liknande ärenden ännu."))

    def show_similar(self, similar: list[SimilarTicket], empty_text: str | None = None) -> None:
        """Show the similar tickets (best first); *empty_text* says why there are none."""
        self.tree.clear()
        for found in similar:
            ticket = found.ticket
            resolution = " ".join((ticket.resolution or "").split())
            item = QTreeWidgetItem([
                f"{found.score:.0%}", ticket.external_id or "", ticket.title.replace("\n", " "),
                self.taxonomy.status_name(ticket.status, self.language), resolution or "–",
            ])
            item.setData(0, ID_ROLE, ticket.id)
            item.setToolTip(2, (ticket.description or "")[:500])
            item.setToolTip(4, resolution[:500])
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(similar))
        self.empty.setVisible(not similar)
        self.empty.setText(empty_text or self.tr("Inga liknande ärenden."))

    def ticket_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())]

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.ticket_activated.emit(int(item.data(0, ID_ROLE)))
