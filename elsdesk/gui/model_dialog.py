"""ModelDialog: the model versions, their measured quality in plain Swedish, activate or roll back."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QTextBrowser, QVBoxLayout,
)

from elsdesk.taxonomy import Taxonomy


class ModelDialog(QDialog):
    activate_requested = Signal(str)
    retrain_requested = Signal()

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.language = language
        self.cards: list[dict] = []
        self.setWindowTitle(self.tr("Modell och kvalitet"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Skapad"), self.tr("Macro-F1"), self.tr("Bekräftade etiketter")])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.currentCellChanged.connect(self._on_current_changed)
        self.details = QTextBrowser(self)
        self.activate_button = QPushButton(self.tr("&Aktivera vald version"), self)
        self.activate_button.clicked.connect(self._on_activate_clicked)
        self.retrain_button = QPushButton(self.tr("&Träna om nu"), self)
        self.retrain_button.clicked.connect(self.retrain_requested.emit)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.activate_button)
        row.addWidget(self.retrain_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details, 2)
        layout.addLayout(row)
        self.resize(820, 640)

    def set_versions(self, cards: list[dict], active: str) -> None:
        self.cards = list(reversed(cards))
        self.table.setRowCount(len(self.cards))
        for row, card in enumerate(self.cards):
            quality = card.get("quality", {})
            version = str(card.get("version"))
            label = version + ("  ✔ " + self.tr("aktiv") if version == active else "")
            values = [label, (card.get("created") or "").replace("T", " "),
                      f"{quality['macro_f1']:.3f}" if quality.get("macro_f1") is not None else "–",
                      str(card.get("training", {}).get("confirmed_rows", 0))]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, version)
                self.table.setItem(row, column, item)
        if self.cards:
            self.table.selectRow(0)

    def selected_version(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.UserRole) if item else None

    def _on_activate_clicked(self) -> None:
        version = self.selected_version()
        if version:
            self.activate_requested.emit(version)

    def _on_current_changed(self, row, _column, _previous_row, _previous_column) -> None:
        if 0 <= row < len(self.cards):
            self.details.setHtml(quality_html(self.cards[row], self.taxonomy, self.language))


def quality_html(card: dict, taxonomy: Taxonomy, language: str = "sv") -> str:
    """The card's quality as a readable page: the plain summary, then per-module figures."""
    quality = card.get("quality", {})
    parts = [f"<h3>{escape(str(card.get('version')))}</h3>"]
    if quality.get("summary"):
        parts.append(f"<p><b>{escape(quality['summary'])}</b></p>")
    if quality.get("method"):
        measured = escape(QCoreApplication.translate("ModelDialog", "Mätt med:"))
        parts.append(f"<p><i>{measured} {escape(quality['method'])}</i></p>")
    if quality.get("per_module"):
        rows = "".join(
            f"<tr><td>{escape(taxonomy.module_name(m, language))}</td><td align='right'>{v['precision']:.2f}</td>"
            f"<td align='right'>{v['recall']:.2f}</td><td align='right'>{v['support']}</td></tr>"
            for m, v in sorted(quality["per_module"].items(), key=lambda kv: kv[1]["f1"])
        )
        module, precision, recall, support = (escape(text) for text in (
            QCoreApplication.translate("ModelDialog", "Modul"), QCoreApplication.translate("ModelDialog", "Precision"),
            QCoreApplication.translate("ModelDialog", "Recall"), QCoreApplication.translate("ModelDialog", "Antal")))
        parts.append(f"<table cellspacing='6'><tr><th align='left'>{module}</th><th>{precision}</th><th>{recall}</th><th>{support}</th></tr>"
                     f"{rows}</table>")
    if quality.get("top_confusions"):
        items = "".join(
            f"<li>{escape(taxonomy.module_name(t, language))} → {escape(taxonomy.module_name(p, language))}: {n}</li>"
            for t, p, n in quality["top_confusions"][:6]
        )
        confusions = escape(QCoreApplication.translate("ModelDialog", "Vanligaste förväxlingar:"))
        parts.append(f"<p>{confusions}</p><ul>{items}</ul>")
    previous = card.get("previous") or {}
    if previous.get("quality"):
        before = escape(QCoreApplication.translate("ModelDialog", "Före: %1 hade macro-F1 %2 på samma ärenden.")).replace(
            "%1", escape(str(previous.get("version")))).replace("%2", f"{previous['quality']['macro_f1']:.3f}")
        parts.append(f"<p>{before}</p>")
    return "".join(parts)
