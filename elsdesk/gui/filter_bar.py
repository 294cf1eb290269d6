"""FilterBar: free-text search (debounced) and status, module, kind and week pickers; a list of
chosen tickets (an incident's) is named in a chip that clears it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from elsdesk.domain import TicketFilter
from elsdesk.taxonomy import Taxonomy

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    filter_changed = Signal(object)
    search_submitted = Signal()  # Down or Enter in the search box: the person wants the results (the list)

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None):
        super().__init__(parent)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Sök i ärenden (Ctrl+F) – början av ord räcker, t.ex. signer"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = self._combo(self.tr("Alla statusar"), [(s.id, s.name(language)) for s in taxonomy.statuses])
        self.module_combo = self._combo(self.tr("Alla moduler"), [(m.id, m.name(language)) for m in taxonomy.modules])
        self.module_combo.addItem(self.tr("(ej klassad)"), "")
        self.kind_combo = self._combo(self.tr("Alla typer"), [(k.id, k.name(language)) for k in taxonomy.kinds])
        self.week_combo = self._combo(self.tr("Alla veckor"), [])
        for widget, name in ((self.search_edit, self.tr("Sök i ärenden")), (self.status_combo, self.tr("Status")),
                             (self.module_combo, self.tr("Modul")), (self.kind_combo, self.tr("Typ")),
                             (self.week_combo, self.tr("Vecka"))):
            widget.setAccessibleName(name)  # announced by what it filters, not by its value (an English-UI tester)
        self._only_ids: tuple[int, ...] | None = None
        self.only_chip = QToolButton(self)
        self.only_chip.setObjectName("filterChip")
        self.only_chip.setToolTip(self.tr("Visa alla ärenden igen"))
        self.only_chip.setVisible(False)
        self.only_chip.clicked.connect(self.clear)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Rensa"))
        self.clear_button.setToolTip(self.tr("Rensa alla filter"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.only_chip)
        layout.addWidget(self.search_edit, 3)
        for widget in (self.status_combo, self.module_combo, self.kind_combo, self.week_combo):
            layout.addWidget(widget, 1)
        layout.addWidget(self.clear_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search_edit.textChanged.connect(self._timer.start)
        self.search_edit.returnPressed.connect(self._submit)
        to_results = QShortcut(QKeySequence(Qt.Key_Down), self.search_edit, context=Qt.WidgetShortcut)
        to_results.activated.connect(self._submit)  # a line edit has no use for Down: go to the first result
        clear_search = QShortcut(QKeySequence(Qt.Key_Escape), self.search_edit, context=Qt.WidgetShortcut)
        clear_search.activated.connect(self.search_edit.clear)  # Esc empties the search box (the F1 page says so)
        for combo in (self.status_combo, self.module_combo, self.kind_combo, self.week_combo):
            combo.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def _combo(self, everything: str, items) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for item_id, name in items:
            combo.addItem(name, item_id)
        combo.setMaxVisibleItems(24)
        return combo

    def set_weeks(self, weeks: list[str]) -> None:
        current = self.week_combo.currentData()
        self.week_combo.blockSignals(True)
        self.week_combo.clear()
        self.week_combo.addItem(self.tr("Alla veckor"), None)
        for week in reversed(weeks):
            self.week_combo.addItem(week, week)
        index = self.week_combo.findData(current)
        self.week_combo.setCurrentIndex(max(index, 0))
        self.week_combo.blockSignals(False)

    def current_filter(self) -> TicketFilter:
        return TicketFilter(
            text=self.search_edit.text().strip(),
            status=self.status_combo.currentData(),
            module=self.module_combo.currentData(),
            kind=self.kind_combo.currentData(),
            week=self.week_combo.currentData(),
            ids=self._only_ids,
        )

    def show_only(self, ids: tuple[int, ...], label: str) -> None:
        """List just these tickets (the other filters are cleared), named by *label* in the chip."""
        self._reset_pickers()
        self._only_ids = tuple(ids)
        self.only_chip.setText((label if len(label) <= 48 else label[:47] + "…") + "  ✕")
        self.only_chip.setToolTip(label + "\n" + self.tr("Visa alla ärenden igen"))
        self.only_chip.setVisible(True)
        self._emit()

    def clear(self) -> None:
        self._reset_pickers()
        self._emit()

    def _reset_pickers(self) -> None:
        self._only_ids = None
        self.only_chip.setVisible(False)
        for widget in (self.status_combo, self.module_combo, self.kind_combo, self.week_combo):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)

    def _submit(self) -> None:
        """Search now (without waiting for the typing pause) when the text changed, and hand over to the list."""
        if self._timer.isActive():
            self._emit()
        self.search_submitted.emit()

    def _emit(self) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.current_filter())
