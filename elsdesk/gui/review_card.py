"""ReviewCard: the ticket under review as the super-user sees it: title, details, description,
the model's top-3 modules with confidence bands and the kind keys. Display only, no focus."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from elsdesk.domain import HUMAN, INTAKE, MODEL
from elsdesk.lazy_regex import lazy_compile
from elsdesk.ml.confidence import percent
from elsdesk.taxonomy import Taxonomy

if TYPE_CHECKING:  # the review services are imported by the queue, not by the list's details pane
    from elsdesk.services.review import ReviewItem

# Confidence band names (elsdesk.ml.evaluation.BAND_NAMES) are Swedish; marked here for lupdate,
# translated with band_label() where the GUI shows them.
NOTICE_STYLE = "QLabel#reviewNotice { background: #fff4ce; color: #3d2e00; border: 1px solid #e0c36a; padding: 4px 6px; }"
BAND_NAMES = (QT_TRANSLATE_NOOP("ConfidenceBand", "Hög"), QT_TRANSLATE_NOOP("ConfidenceBand", "Medel"),
              QT_TRANSLATE_NOOP("ConfidenceBand", "Låg"))


def band_label(name: str) -> str:
    return QCoreApplication.translate("ConfidenceBand", name)


_NUMBER_SPACE_PERCENT = lazy_compile(r"(\d) %")


def no_break_percent(text: str) -> str:
    """*text* with a no-break space between a number and its "%", so that a wrapping label never puts
    the "%" alone on the next line (the form showed "(Låg 0" and then "%)" below it)."""
    return _NUMBER_SPACE_PERCENT.sub("\\1\u00a0%", text)


def confidence_text(band_name: str, probability: float) -> str:
    """'Hög 92 %': the band and the percentage it was decided on (one rule for every label)."""
    shown = QCoreApplication.translate("ConfidenceBand", "%1 %").replace("%1", str(percent(probability)))
    return escape(no_break_percent(f"{band_label(band_name)} {shown}"))


def source_note(label_source: str | None) -> str:
    """Where a ticket's current labels came from, in a few words."""
    return {
        HUMAN: QCoreApplication.translate("LabelSource", "bekräftad"),
        INTAKE: QCoreApplication.translate("LabelSource", "satt vid registreringen, ej granskad"),
        MODEL: QCoreApplication.translate("LabelSource", "modellens förslag"),
    }.get(label_source or "", "")


class ReviewCard(QWidget):
    def __init__(self, taxonomy: Taxonomy, kind_keys: dict[str, str], language: str = "sv", parent=None):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.kind_keys = kind_keys
        self.language = language
        self.title_label = QLabel(self)
        self.title_label.setObjectName("reviewTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.PlainText)
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("reviewMeta")
        self.description = QPlainTextEdit(self)
        self.description.setReadOnly(True)
        self.description.setFocusPolicy(Qt.NoFocus)
        self.description.setMaximumHeight(140)
        # a ticket with only a title said so nowhere: an empty box looked like text still loading (a super-user)
        self.description.setPlaceholderText(self.tr("(ingen beskrivning)"))
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("reviewSuggestions")
        self.suggestion_label.setTextFormat(Qt.RichText)
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("reviewKinds")
        self.kind_label.setTextFormat(Qt.RichText)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("reviewProblem")
        self.problem_label.setTextFormat(Qt.RichText)
        self.problem_label.setWordWrap(True)
        self.notice_label = QLabel(self)  # what another workstation did to the ticket that was on screen
        self.notice_label.setObjectName("reviewNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.PlainText)
        self.notice_label.setStyleSheet(NOTICE_STYLE)
        self.notice_label.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.notice_label, self.title_label, self.meta_label, self.description, self.suggestion_label, self.kind_label,
                       self.problem_label):
            layout.addWidget(widget)

    def show_notice(self, text: str) -> None:
        """Say above the ticket what happened to the one shown before (decided at another workstation); it
        stays, whatever the card shows next, until :meth:`clear_notice` (the person's next decision)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def clear_notice(self) -> None:
        self.notice_label.clear()
        self.notice_label.setVisible(False)

    def notice(self) -> str:
        """The notice shown, or "" (tests and the accessibility text read it)."""
        return self.notice_label.text() if not self.notice_label.isHidden() else ""

    def show_message(self, text: str) -> None:
        """No ticket: say why (loading, queue empty)."""
        self.title_label.setText(text)
        self.meta_label.clear()
        self.description.clear()
        self.suggestion_label.clear()
        self.problem_label.clear()
        self.show_kinds(None, None)

    def show_item(self, item: ReviewItem, chosen_kind: str | None) -> None:
        ticket = item.ticket
        self.title_label.setText(ticket.title)
        current = self.taxonomy.module_name(ticket.module, self.language) or self.tr("ej klassad")
        source = source_note(ticket.label_source)
        self.meta_label.setText(" · ".join(p for p in (
            ticket.external_id or "", ticket.created_at.replace("T", " ")[:16], ticket.unit or "",
            self.tr("nu: %1").replace("%1", current) + (f" ({source})" if source else "")) if p))
        self.description.setPlainText(ticket.description or "")
        self._show_suggestions(item)
        self.show_kinds(item, chosen_kind)
        self.show_problem(item)

    def show_problem(self, item: ReviewItem) -> None:
        """The known problem: linked (and which), or the likely one with the key that links it."""
        found = item.problem
        other = "<b>L</b> " + escape(self.tr("välj eller namnge ett känt problem"))
        if found is None:
            self.problem_label.setText(escape(self.tr("Känt problem:")) + " – &nbsp; " + other)
        elif found.linked:
            self.problem_label.setText(escape(self.tr("Känt problem:")) + f" <b>{escape(found.problem.name)}</b> "
                                       + escape(self.tr("(länkat)")) + " &nbsp; " + other)
        else:
            workaround = f"<br><i>{escape(found.problem.workaround)}</i>" if found.problem.workaround else ""
            self.problem_label.setText(
                escape(self.tr("Troligen känt problem:")) + f" <b>l</b> {escape(found.problem.name)} &nbsp; "
                + other + workaround)

    def show_kinds(self, item: ReviewItem | None, chosen_kind: str | None) -> None:
        """The kind keys with the suggested kind's band and percentage beside its key (the key takes
        it); the chosen kind (or the suggested one, marked as a suggestion) underlined."""
        chosen = chosen_kind or (item.suggested_kind or item.ticket.kind if item else None)
        suggestion = item.kind_suggestion if item else None
        parts = []
        for key, kind in self.kind_keys.items():
            label = f"<b>[{key}]</b> {escape(self.taxonomy.kind_name(kind, self.language))}"
            if suggestion is not None and suggestion.label == kind:
                label += f" <span class='band'>({confidence_text(suggestion.band_name, suggestion.probability)})</span>"
            if kind == chosen:  # the suggested kind says so beside itself, not after the last kind
                note = "" if chosen_kind else " <i>" + escape(self.tr("(förslag)")) + "</i>"
                label = f"<u>{label}</u>{note}"
            parts.append(label)
        self.kind_label.setText(escape(self.tr("Typ:")) + " " + " &nbsp; ".join(parts))

    def _show_suggestions(self, item: ReviewItem) -> None:
        if not item.suggestions:
            if item.ticket.module:
                name = escape(self.taxonomy.module_name(item.ticket.module, self.language))
                self.suggestion_label.setText(f"<b>Enter</b> {name}")
            else:
                self.suggestion_label.setText(escape(self.tr("Inga förslag från modellen – välj modul med /.")))
            return
        lines = []
        for number, suggestion in enumerate(item.suggestions[:3], start=1):
            name = escape(self.taxonomy.module_name(suggestion.module, self.language))
            key = "Enter · 1" if number == 1 else str(number)
            lines.append(f"<b>{key}</b>&nbsp; {name} &nbsp;"
                         f"<span class='band'>({confidence_text(suggestion.band_name, suggestion.probability)})</span>")
        self.suggestion_label.setText("<br>".join(lines))
