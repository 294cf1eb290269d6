"""ModelDialog: the desk's model versions and, for the chosen one, its quality in plain words
(module names, figures explained, what Hög/Medel/Låg mean); the technical figures one click away.
Activate an earlier version or retrain from here."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem, QTextBrowser,
    QVBoxLayout,
)

from elsdesk.gui.forms import fit_to_screen
from elsdesk.gui.grouped_numbers import number
from elsdesk.gui.model_words import comparison_text, rule_basis, rule_text, share, version_text
from elsdesk.ml.confidence import percent, rule_from_card
from elsdesk.services.learning_curve import last_training
from elsdesk.taxonomy import Taxonomy

WEAKEST = 3
PREFERRED_SIZE = QSize(860, 720)  # smaller on a smaller screen: the quality text scrolls, the buttons stay


def _t(text: str, *values) -> str:
    result = QCoreApplication.translate("ModelDialog", text)
    for position, value in enumerate(values, start=1):
        result = result.replace(f"%{position}", str(value))
    return result


class ModelDialog(QDialog):
    activate_requested = Signal(str)
    retrain_requested = Signal()

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.language = language
        self.cards: list[dict] = []
        self.active: str | None = None
        self.setWindowTitle(self.tr("Modell och kvalitet"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Skapad"), self.tr("Bekräftade etiketter"),
                                              self.tr("Kvalitet")])
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the quality text and the buttons
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.currentCellChanged.connect(self._on_current_changed)
        self.details = QTextBrowser(self)
        self.technical_check = QCheckBox(self.tr("Visa &tekniska siffror (precision, recall, macro-F1, gränser)"), self)
        self.technical_check.toggled.connect(self._on_technical_toggled)
        self.activate_button = QPushButton(self.tr("&Aktivera vald version"), self)
        self.activate_button.clicked.connect(self._on_activate_clicked)
        self.retrain_button = QPushButton(self.tr("&Träna om nu"), self)
        self.retrain_button.clicked.connect(self.retrain_requested.emit)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        # our own text, as the help dialogs do: Qt's "Close" is Swedish only where Qt's qtbase_sv
        # translation is installed and found (not in a bare QApplication, nor in a bundle without it)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Stäng"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.activate_button)
        row.addWidget(self.retrain_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details, 3)
        layout.addWidget(self.technical_check)
        layout.addLayout(row)
        fit_to_screen(self, PREFERRED_SIZE)

    def set_versions(self, cards: list[dict], active: str) -> None:
        self.cards = list(reversed(cards))
        self.active = active
        self.table.setRowCount(len(self.cards))
        for row, card in enumerate(self.cards):
            version = str(card.get("version"))
            label = version_text(version, first=True) + ("  ✔ " + self.tr("aktiv") if version == active else "")
            values = [label, (card.get("created") or "").replace("T", " ")[:16],
                      number(int((card.get("training") or {}).get("confirmed_rows") or 0)), quality_brief(card)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, version)
                self.table.setItem(row, column, item)
        for column in range(3):  # the last column stretches
            self.table.resizeColumnToContents(column)
        if self.cards:
            self.table.selectRow(0)

    def set_may_change(self, may: bool) -> None:
        """Only a super-user retrains or switches the desk's model (it changes every colleague's
        suggestions): for other roles both buttons are off and say why."""
        why = "" if may else self.tr("Bara en superanvändare tränar om och byter modell för desken.")
        for button in (self.activate_button, self.retrain_button):
            button.setEnabled(may)
            button.setToolTip(why)

    def selected_version(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.UserRole) if item else None

    def _on_activate_clicked(self) -> None:
        version = self.selected_version()
        if version:
            self.activate_requested.emit(version)

    def _on_technical_toggled(self, shown: bool) -> None:
        self._show_current()
        if shown:
            self.details.scrollToAnchor("technical")

    def _on_current_changed(self, row, _column, _previous_row, _previous_column) -> None:
        self._show_current(row)

    def _show_current(self, row: int | None = None) -> None:
        row = self.table.currentRow() if row is None else row
        if 0 <= row < len(self.cards):
            self.details.setHtml(quality_html(self.cards[row], self.taxonomy, self.language,
                                              technical=self.technical_check.isChecked(),
                                              active=str(self.cards[row].get("version")) == self.active))


def quality_brief(card: dict) -> str:
    """A few words for the version list: how it was measured, or that it could not be."""
    evaluation = card.get("evaluation") or {}
    new = evaluation.get("new") or {}
    if new.get("n"):
        return _t(QT_TRANSLATE_NOOP("ModelDialog", "rätt modul på %1 av %2 nya ärenden"), number(new["correct"]), number(new["n"]))
    if evaluation.get("status") == "too_few":
        return _t(QT_TRANSLATE_NOOP("ModelDialog", "för få nya ärenden att mäta på"))
    quality = card.get("quality") or {}
    if "previous" not in card and quality.get("n") and quality.get("accuracy") is not None:
        return _t(QT_TRANSLATE_NOOP("ModelDialog", "grundkorpusen: rätt modul på %1 %"), percent(quality["accuracy"]))
    return "–"


def quality_html(card: dict, taxonomy: Taxonomy, language: str = "sv", technical: bool = False, active: bool = False) -> str:
    """One version's quality as a readable page: what it learnt from, how often it is right (in words,
    with module names), what Hög/Medel/Låg mean; with *technical*, the figures behind the words."""
    quality = card.get("quality") or {}
    training = card.get("training") or {}
    name = lambda module: taxonomy.module_name(module, language)  # noqa: E731
    title = escape(version_text(card.get("version"), first=True)) + (" – " + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "aktiv"))) if active else "")
    parts = [f"<h3>{title}</h3>", _para(_learnt_from(training))]
    parts.append("<h4>" + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "Hur ofta har den rätt?"))) + "</h4>")
    if "previous" in card:
        parts.append(_para(comparison_text(last_training([card]))))
    elif quality.get("n"):
        right = round(quality["accuracy"] * quality["n"])
        parts.append(_para(_t(QT_TRANSLATE_NOOP("ModelDialog", "Varje grundärende bedömdes av en modell som inte tränats på just det ärendet "
                              "(korsvalidering): rätt modul på %1. Grundärendena är skrivna för att lära modellen; "
                              "på en regions egna ärenden blir det ofta något annorlunda, vilket omträningen mäter."),
                              share(right, quality["n"]))))
    per_module = quality.get("per_module") or {}
    if per_module and quality.get("n"):
        weakest = sorted(per_module.items(), key=lambda kv: (kv[1].get("f1", 0), kv[0]))[:WEAKEST]
        items = "".join(
            "<li>" + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "%1: när modellen säger %1 har den rätt %2 av 100 gånger, och av ärendena som gäller %1 "
                               "hittar den %3 av 100."), name(m), percent(v.get("precision", 0)), percent(v.get("recall", 0)))) + "</li>"
            for m, v in weakest)
        parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "Svårast för modellen:"))) + f"</p><ul>{items}</ul>")
    confusions = quality.get("top_confusions") or []
    if confusions:
        items = "".join("<li>" + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "Ärenden om %1 togs för %2 (%3 gånger)"), name(t), name(p), n)) + "</li>"
                        for t, p, n in confusions[:4])
        parts.append("<p>" + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "Vanligaste förväxlingarna:"))) + f"</p><ul>{items}</ul>")
    parts.append("<h4>" + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "Vad betyder Hög, Medel och Låg?"))) + "</h4>")
    for target, heading in (("module", _t(QT_TRANSLATE_NOOP("ModelDialog", "Modul"))), ("kind", _t(QT_TRANSLATE_NOOP("ModelDialog", "Typ")))):
        rule = rule_from_card(card, target)
        lines = "".join(f"<li>{escape(line)}</li>" for line in rule_text(rule, target))
        parts.append(f"<p><b>{escape(heading)}</b></p><ul>{lines}</ul>")
    parts.append(_para(rule_basis(rule_from_card(card, "module"))))
    if technical:
        parts.append("<a name='technical'></a>" + _technical_html(card, taxonomy, language))
    return "".join(parts)


def _learnt_from(training: dict) -> str:
    """What a version learnt from; demo tickets' made-up labels are named as such, never as confirmations
    (the counts are the training's: :class:`elsdesk.services.training_data.TrainingData`)."""
    seed, confirmed, intake, demo = (int(training.get(k) or 0) for k in ("seed_rows", "confirmed_rows", "intake_rows", "demo_rows"))
    if not confirmed and not intake:
        if demo:
            return _t(QT_TRANSLATE_NOOP("ModelDialog", "Har lärt sig av %1 grundärenden och %2 demoärenden med påhittade etiketter; "
                                        "inga ärenden här har bekräftats av en superanvändare än."), number(seed), number(demo))
        return _t(QT_TRANSLATE_NOOP("ModelDialog", "Har lärt sig av %1 grundärenden som levereras med elsdesk."), number(seed))
    text = _t(QT_TRANSLATE_NOOP("ModelDialog", "Har lärt sig av %1 grundärenden och %2 ärenden som superanvändare bekräftat här"), number(seed), number(confirmed))
    if intake:
        text += _t(QT_TRANSLATE_NOOP("ModelDialog", ", plus %1 etiketter satta vid registreringen (de väger hälften så mycket)"), number(intake))
    text += "."
    if demo:
        text += " " + _t(QT_TRANSLATE_NOOP("ModelDialog", "Dessutom %1 demoärenden med påhittade etiketter, som ingen har bekräftat."), number(demo))
    return text


def _para(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _technical_html(card: dict, taxonomy: Taxonomy, language: str) -> str:
    quality = card.get("quality") or {}
    evaluation = card.get("evaluation") or {}
    # the id as the command line takes it (elsdesk models --activate ID); the window shows it as a date and time
    rows = [(_t(QT_TRANSLATE_NOOP("ModelDialog", "Versions-id")), card.get("version") or "–"),
            (_t(QT_TRANSLATE_NOOP("ModelDialog", "Mätmetod")), quality.get("method") or "–"), (_t(QT_TRANSLATE_NOOP("ModelDialog", "Antal ärenden")), quality.get("n", "–"))]
    for key, label in (("accuracy", _t(QT_TRANSLATE_NOOP("ModelDialog", "Träffsäkerhet (accuracy)"))), ("macro_f1", "Macro-F1"),
                       ("kind_accuracy", _t(QT_TRANSLATE_NOOP("ModelDialog", "Typ: träffsäkerhet"))), ("kind_macro_f1", _t(QT_TRANSLATE_NOOP("ModelDialog", "Typ: macro-F1")))):
        if quality.get(key) is not None:
            rows.append((label, f"{quality[key]:.3f}"))
    if evaluation:
        rows.append((_t(QT_TRANSLATE_NOOP("ModelDialog", "Jämförelse")), ", ".join(f"{k}={evaluation.get(k)}" for k in (
            "status", "n", "modules", "near_duplicates", "eligible", "difference", "difference_low", "difference_high"))))
    high, medium = (QCoreApplication.translate("ConfidenceBand", name) for name in ("Hög", "Medel"))
    targets = {"module": _t(QT_TRANSLATE_NOOP("ModelDialog", "modul")), "kind": _t(QT_TRANSLATE_NOOP("ModelDialog", "typ"))}
    for target, target_name in targets.items():
        rule = rule_from_card(card, target)
        rows.append((_t(QT_TRANSLATE_NOOP("ModelDialog", "Gränser (%1)"), target_name),
                     f"{high} ≥ {rule.high} %, {medium} ≥ {rule.medium} %"))
    table = "".join(f"<tr><td>{escape(str(k))}</td><td>{escape(str(v))}</td></tr>" for k, v in rows)
    parts = ["<h4>" + escape(_t(QT_TRANSLATE_NOOP("ModelDialog", "Tekniska siffror"))) + f"</h4><table cellspacing='4'>{table}</table>"]
    per_module = quality.get("per_module") or {}
    if per_module:
        head = "".join(f"<th>{escape(h)}</th>" for h in (_t(QT_TRANSLATE_NOOP("ModelDialog", "Modul")), "Precision", "Recall", "F1", _t(QT_TRANSLATE_NOOP("ModelDialog", "Antal"))))
        body = "".join(
            f"<tr><td>{escape(taxonomy.module_name(m, language))}</td><td align='right'>{v.get('precision', 0):.2f}</td>"
            f"<td align='right'>{v.get('recall', 0):.2f}</td><td align='right'>{v.get('f1', 0):.2f}</td>"
            f"<td align='right'>{v.get('support', 0)}</td></tr>"
            for m, v in sorted(per_module.items(), key=lambda kv: kv[1].get("f1", 0)))
        parts.append(f"<table cellspacing='6'><tr>{head}</tr>{body}</table>")
    return "".join(parts)
