"""AgreementView: per module, how often super-users agree with each other and with the model,
and the tickets on which they disagree. Shows what the agreement service computed: a rate reads
"100 % av 6" (of how many it is), and a note under the table says what "–" means."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from elsdesk.gui.review_card import no_break_percent
from elsdesk.ml.confidence import percent
from elsdesk.services.agreement import AgreementReport, Disagreement
from elsdesk.taxonomy import Taxonomy
from elsdesk.swedish_order import swedish_key

ID_ROLE = Qt.ItemDataRole.UserRole


def _rate(value: float | None, n: int) -> str:
    """"100 % av 6" (a no-break space before "%", as everywhere in the window), or "–" with nothing to count."""
    if value is None:
        return "–"
    text = QCoreApplication.translate("AgreementView", "%1 % av %2")
    return no_break_percent(text.replace("%1", str(percent(value))).replace("%2", str(n)))


class AgreementView(QWidget):
    ticket_activated = Signal(int)

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.language = language
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("agreementTable")
        self.table.setHorizontalHeaderLabels([self.tr("Modul"), self.tr("Superanvändare eniga"), self.tr("Modellen hade rätt")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the disagreements; the arrows move between rows
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.disagreement_list = QListWidget(self)
        self.disagreement_list.setObjectName("disagreements")
        self.disagreement_list.setTabKeyNavigation(False)
        self.disagreement_list.itemActivated.connect(lambda item: self.ticket_activated.emit(int(item.data(ID_ROLE))))
        self.dash_note = QLabel(self.tr("– betyder för lite att räkna på ännu: inget ärende i modulen har granskats av två "
                                        "superanvändare, eller inget beslut hade ett förslag från modellen."), self)
        self.dash_note.setObjectName("shortcutHint")  # the small grey note style, as under the learning curve
        self.dash_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.dash_note)
        layout.addWidget(QLabel(self.tr("Oenigheter (olika moduler från olika superanvändare)"), self))
        layout.addWidget(self.disagreement_list, 1)

    def show_report(self, report: AgreementReport, disagreements: list[Disagreement]) -> None:
        self.summary.setText(self.tr("Eniga superanvändare: %1 · Modellens förslag behölls: %2").replace(
            "%1", _rate(report.human_agreement, report.human_pairs)).replace(
            "%2", _rate(report.model_agreement, report.model_decisions)))
        modules = sorted(report.modules.values(), key=lambda m: swedish_key(self.taxonomy.module_name(m.module, self.language)))
        self.table.setRowCount(len(modules))
        for row, module in enumerate(modules):
            for column, text in enumerate((self.taxonomy.module_name(module.module, self.language),
                                           _rate(module.human_agreement, module.pairs),
                                           _rate(module.model_agreement, module.chosen))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.disagreement_list.clear()
        for found in disagreements:
            name = lambda m: self.taxonomy.module_name(m, self.language)  # noqa: E731
            people = ", ".join(f"{actor}: {name(module)}" for actor, module in sorted(found.modules.items()))
            title = f"{found.ticket.external_id} {found.ticket.title}" if found.ticket else str(found.ticket_id)
            item = QListWidgetItem(f"{title} — {people}")
            item.setData(ID_ROLE, found.ticket_id)
            self.disagreement_list.addItem(item)
