"""SimilarTicketsView: a compact list of similar earlier tickets with module, status and resolution
(a module with "?" is the model's suggestion, not yet confirmed).

Shows what :func:`elsdesk.services.similar.similar_tickets` returned; used in the review queue
and the ticket form. It never queries anything itself; its owner says when a search or the index
is still under way (:meth:`show_pending`), so "no similar tickets" is said only as an answer. Double-click or Enter on a row emits
:attr:`ticket_activated` so the owner can open that ticket. A list that takes focus is reached with Alt+I (its
heading's mnemonic), and the row the arrows are on has its whole resolution below the list: the column cuts it, and a
tooltip never shows for the keyboard (a phone-shift tester could not read an earlier ticket's solution).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from elsdesk.gui.label_notes import module_source_note
from elsdesk.services.similar import SimilarTicket
from elsdesk.taxonomy import Taxonomy

ID_ROLE = Qt.ItemDataRole.UserRole


class SimilarTicketsView(QWidget):
    ticket_activated = Signal(int)

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None, focusable: bool = True):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.language = language
        self.heading = QLabel(self.tr("L&iknande tidigare ärenden") if focusable else self.tr("Liknande tidigare ärenden"),
                              self)
        self.heading.setObjectName("similarHeading")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("similarTickets")
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels([self.tr("Likhet"), self.tr("Ärende"), self.tr("Rubrik"), self.tr("Modul"), self.tr("Status"),
                                   self.tr("Lösning")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.tree.setWordWrap(False)
        self.tree.setTabKeyNavigation(False)  # a list of rows: Tab leaves it, the arrows move between rows
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.Interactive)
        module_width = max(self.fontMetrics().horizontalAdvance(m.name(language) + " ?") for m in taxonomy.modules) + 16
        self._widths = (64, 96, 230, module_width, 80)  # wanted where there is room; narrower, see _fit_columns
        self._last_floor = 0  # the resolution column's least width: its heading's (see _fit_columns)
        for column, width in enumerate(self._widths):
            self.tree.setColumnWidth(column, width)
        self.tree.viewport().installEventFilter(self)  # its resize fits the columns (the tree's comes before the viewport's)
        if not focusable:
            self.tree.setFocusPolicy(Qt.NoFocus)
        else:
            self.heading.setBuddy(self.tree)
            self.tree.installEventFilter(self)  # focus from the keyboard marks the first row
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.currentItemChanged.connect(self._show_detail)
        self.detail = QLabel(self)
        self.detail.setObjectName("similarDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.detail.setVisible(False)
        self._rows_shown = 0  # 0: the list takes the height its layout gives it
        self.empty = QLabel(self)
        self.empty.setObjectName("similarEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.empty)
        self.show_nothing_yet()

    def show_nothing_yet(self) -> None:
        """Nothing asked yet (a new form before anything is typed)."""
        self.show_similar([], self.tr("Inga liknande ärenden ännu."))

    def show_pending(self, text: str) -> None:
        """A search or the index is under way: *text* says so where the list is empty ("Söker…"); rows
        already shown stay until the answer replaces them (no flicker while typing)."""
        if not self.tree.topLevelItemCount():
            self.empty.setText(text)
            self.empty.setVisible(True)

    def show_similar(self, similar: list[SimilarTicket], empty_text: str | None = None) -> None:
        """Show the similar tickets (best first); *empty_text* says why there are none."""
        self.tree.clear()
        for found in similar:
            ticket = found.ticket
            resolution = " ".join((ticket.resolution or "").split())
            module = self.taxonomy.module_name(ticket.module, self.language) or "–"
            item = QTreeWidgetItem([
                f"{found.score:.0%}", ticket.external_id or "", ticket.title.replace("\n", " "),
                module + " ?" if ticket.module_guessed else module,
                self.taxonomy.status_name(ticket.status, self.language), resolution or "–",
            ])
            item.setData(0, ID_ROLE, ticket.id)
            item.setData(5, ID_ROLE, resolution)
            item.setToolTip(2, (ticket.description or "")[:500])
            item.setToolTip(3, f"{module}\n{module_source_note(ticket)}")  # the name whole where the column cuts it
            item.setToolTip(5, resolution[:500])
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(similar))
        if similar and self._rows_shown:
            self._fit_height()
        self.empty.setVisible(not similar)
        self.empty.setText(empty_text or self.tr("Inga liknande ärenden."))

    def show_rows(self, rows: int) -> None:
        """Keep the list exactly *rows* rows high (header included), so a layout short of room takes it
        from a stretchable field instead of cutting rows off (the ticket form showed 2.5 of 5)."""
        self._rows_shown = rows
        self.tree.installEventFilter(self)
        if self.tree.topLevelItemCount():
            self._fit_height()

    def _fit_height(self) -> None:
        row = self.tree.sizeHintForRow(0)
        header = self.tree.header()
        height = header.sizeHint().height() + row * self._rows_shown + 2 * self.tree.frameWidth()
        if header.length() > self.tree.viewport().width():  # the columns overflow: a scroll bar below the rows
            height += self.tree.horizontalScrollBar().sizeHint().height()
        self.tree.setFixedHeight(height)

    def _fit_columns(self) -> None:
        """Every heading whole in the width there is: in the ticket form (760 px) the fixed widths left
        "Lösnir" of the last heading. The title, then the module, give way (cut with "…", whole in the
        tooltip) down to their own heading's width; the resolution keeps at least its heading's."""
        header = self.tree.header()
        hint = [header.sectionSizeHint(column) for column in range(6)]
        fixed = [max(self._widths[column], hint[column]) for column in (0, 1, 4)]
        spare = self.tree.viewport().width() - sum(fixed) - hint[5]
        title, module = max(self._widths[2], hint[2]), max(self._widths[3], hint[3])
        if title + module > spare:
            module = max(hint[3], min(module, spare // 2))
            title = max(hint[2], spare - module)
        if self._last_floor != hint[5]:  # a stretched last section shrinks no further than its size when the stretch began
            self._last_floor = hint[5]
            header.setStretchLastSection(False)
            header.resizeSection(5, hint[5])
            header.setStretchLastSection(True)
        for column, width in zip((0, 1, 4, 2, 3), (*fixed, title, module)):
            if self.tree.columnWidth(column) != width:
                self.tree.setColumnWidth(column, width)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Resize:
            self._fit_columns()
        if watched is self.tree and event.type() == QEvent.Resize and self._rows_shown and self.tree.topLevelItemCount():
            self._fit_height()  # narrower or wider: the scroll bar below the rows may come or go
        if (watched is self.tree and event.type() == QEvent.FocusIn and self.tree.currentItem() is None
                and self.tree.topLevelItemCount()):
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        return super().eventFilter(watched, event)

    def _show_detail(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        """The current row's ticket and whole resolution below the list (none: nothing shown)."""
        if item is None:
            self.detail.clear()
            self.detail.setVisible(False)
            return
        resolution = item.data(5, ID_ROLE) or self.tr("ingen lösning skriven ännu")
        self.detail.setText(self.tr("%1 – lösning: %2").replace("%1", item.text(1) or item.text(2)).replace(
            "%2", resolution))
        self.detail.setVisible(True)

    def ticket_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(0, ID_ROLE) for i in range(self.tree.topLevelItemCount())]

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.ticket_activated.emit(int(item.data(0, ID_ROLE)))
