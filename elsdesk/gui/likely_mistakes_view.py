"""LikelyMistakesView: labels people set that the cross-validated model strongly disagrees with,
worst first. Enter opens the ticket; "Ta modellens etikett" records the model's label as this
super-user's decision. Shows what the label-check service found."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from elsdesk.gui.review_card import source_note
from elsdesk.ml.confidence import percent
from elsdesk.services.label_check import MIN_TICKETS, LikelyMistake
from elsdesk.taxonomy import Taxonomy

MISTAKE_ROLE = Qt.ItemDataRole.UserRole
TITLE_WIDTH = 260


class LikelyMistakesView(QWidget):
    ticket_activated = Signal(int)
    take_model_label_requested = Signal(object)  # LikelyMistake

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.language = language
        self.mistakes: list[LikelyMistake] = []
        self.checked: int | None = None  # how many labelled tickets the last check read
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("likelyMistakes")
        self.tree.setRootIsDecorated(False)
        self.tree.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrows move between rows
        self.tree.setHeaderLabels([self.tr("Ärende"), self.tr("Rubrik"), self.tr("Satt av en person"),
                                   self.tr("Modellen säger"), self.tr("Varifrån")])
        self.tree.itemActivated.connect(lambda item, _column: self.ticket_activated.emit(item.data(0, MISTAKE_ROLE).ticket_id))
        self.take_button = QPushButton(self.tr("&Ta modellens etikett"), self)
        self.take_button.clicked.connect(self._on_take_clicked)
        self.open_button = QPushButton(self.tr("&Öppna ärendet"), self)
        self.open_button.clicked.connect(self._on_open_clicked)
        row = QHBoxLayout()
        row.addWidget(self.take_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        hint = QLabel(self.tr("Varje ärende bedömdes av en modell som inte tränats på det. Överst står de där modellen "
                              "är säkrast på att etiketten är fel; ofta en felknappning. Kontrollera innan du ändrar."), self)
        hint.setObjectName("shortcutHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(hint)

    def show_mistakes(self, mistakes: list[LikelyMistake], checked: int | None = None) -> None:
        """Show *mistakes*; *checked* (how many labelled tickets were checked) tells "none found" from "too few"."""
        self.mistakes = list(mistakes)
        self.checked = checked
        self.tree.clear()
        for mistake in self.mistakes:
            self._add(mistake)
        for column in range(self.tree.columnCount()):  # columns fit their text; a long title is cut
            self.tree.resizeColumnToContents(column)
        self.tree.setColumnWidth(1, min(self.tree.columnWidth(1), TITLE_WIDTH))
        self._update_summary()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def remove(self, ticket_id: int, field: str) -> None:
        """Take a handled mistake off the list."""
        for index in range(self.tree.topLevelItemCount()):
            mistake = self.tree.topLevelItem(index).data(0, MISTAKE_ROLE)
            if (mistake.ticket_id, mistake.field) == (ticket_id, field):
                self.tree.takeTopLevelItem(index)
                self.mistakes.remove(mistake)
                break
        self._update_summary()

    def current_mistake(self) -> LikelyMistake | None:
        item = self.tree.currentItem()
        return item.data(0, MISTAKE_ROLE) if item else None

    def _name(self, mistake: LikelyMistake, label: str) -> str:
        names = self.taxonomy.module_name if mistake.field == "module" else self.taxonomy.kind_name
        field = self.tr("modul") if mistake.field == "module" else self.tr("typ")
        return f"{field}: {names(label, self.language)}"

    def _add(self, mistake: LikelyMistake) -> None:
        given = self.tr("%1 (modellen: %2 %)").replace("%1", self._name(mistake, mistake.given)).replace(
            "%2", str(percent(mistake.given_probability)))
        suggested = self.tr("%1 (%2 %)").replace("%1", self._name(mistake, mistake.suggested)).replace(
            "%2", str(percent(mistake.suggested_probability)))
        item = QTreeWidgetItem([mistake.external_id, mistake.title, given, suggested, source_note(mistake.source)])
        item.setData(0, MISTAKE_ROLE, mistake)
        self.tree.addTopLevelItem(item)

    def _update_summary(self) -> None:
        if self.mistakes:
            self.summary.setText(self.tr("Troliga felmärkningar, värst först: %1.").replace(
                "%1", str(len(self.mistakes))))
        elif self.checked is not None and self.checked < MIN_TICKETS:
            self.summary.setText(self.tr("För få märkta ärenden att kontrollera: %1 (minst %2 behövs).").replace(
                "%1", str(self.checked)).replace("%2", str(MIN_TICKETS)))
        elif self.checked is not None:
            self.summary.setText(self.tr("Inga troliga felmärkningar: modellen håller med om etiketterna på de %1 "
                                         "märkta ärendena.").replace("%1", str(self.checked)))
        else:
            self.summary.setText(self.tr("Inga troliga felmärkningar: modellen håller med om de etiketter personer satt "
                                         "(eller så finns för få etiketter att kontrollera, minst 20 behövs)."))
        self.take_button.setEnabled(bool(self.mistakes))
        self.open_button.setEnabled(bool(self.mistakes))

    def _on_take_clicked(self) -> None:
        mistake = self.current_mistake()
        if mistake is not None:
            self.take_model_label_requested.emit(mistake)

    def _on_open_clicked(self) -> None:
        mistake = self.current_mistake()
        if mistake is not None:
            self.ticket_activated.emit(mistake.ticket_id)
