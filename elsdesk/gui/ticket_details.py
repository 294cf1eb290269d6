"""TicketDetailsView: the selected ticket's details beside the list (read-only HTML)."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextBrowser

from elsdesk.domain import LabelChange, Ticket
from elsdesk.gui.label_history_text import history_sentence
from elsdesk.gui.review_card import source_note
from elsdesk.taxonomy import Taxonomy

HISTORY_SHOWN = 8  # label history entries shown, newest last


class TicketDetailsView(QTextBrowser):
    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None):
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.language = language
        self.setOpenLinks(False)
        # a narrow pane (1024 px) broke words anywhere ("Konfiguratio/n"): lines end between words only
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setObjectName("ticketDetails")
        self.show_ticket(None)

    def show_ticket(self, ticket: Ticket | None, history: list[LabelChange] | None = None,
                    problem: str | None = None) -> None:
        if ticket is None:
            hint = escape(self.tr("Välj ett ärende i listan."))
            self.setHtml(f"<p class='muted'>{hint}</p>")
            return
        tax, lang = self.taxonomy, self.language
        label_note = source_note(ticket.label_source) if ticket.module or ticket.kind else self.tr("ej klassad")
        rows = [
            (self.tr("Skapad"), ticket.created_at.replace("T", " ") + f"  ({ticket.iso_week})"),
            (self.tr("Status"), tax.status_name(ticket.status, lang)),
            (self.tr("Modul"), f"{tax.module_name(ticket.module, lang) or '–'} <i>({escape(label_note)})</i>"),
            (self.tr("Typ"), tax.kind_name(ticket.kind, lang) or "–"),
            (self.tr("Roll"), _name(tax, "reporter_roles", ticket.reporter_role, lang)),
            (self.tr("Enhet"), escape(ticket.unit or "–")),
            (self.tr("Kanal"), _name(tax, "channels", ticket.channel, lang)),
            (self.tr("Prioritet"), _name(tax, "priorities", ticket.priority, lang)
             + (" · <b>" + escape(self.tr("patientsäkerhet")) + "</b>" if ticket.patient_safety else "")),
            (self.tr("Eskalerad till"), _name(tax, "escalations", ticket.escalation, lang)),
            (self.tr("Känt problem"), escape(problem or "–")),
        ]
        table = "".join(f"<tr><th align='left'>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
        body = escape(ticket.description or "").replace("\n", "<br>")
        resolution = escape(ticket.resolution or "").replace("\n", "<br>")
        description_heading = escape(self.tr("Beskrivning"))
        html = [f"<h2>{escape(ticket.external_id or '')} · {escape(ticket.title)}</h2>",
                f"<table cellspacing='4'>{table}</table>", f"<h3>{description_heading}</h3><p>{body or '–'}</p>"]
        if resolution:
            resolution_heading = escape(self.tr("Lösning"))
            html.append(f"<h3>{resolution_heading}</h3><p>{resolution}</p>")
        if history:
            items = "".join(
                f"<li>{escape(h.at.replace('T', ' ')[:16])}: {escape(history_sentence(h, tax, lang))}</li>"
                for h in history[-HISTORY_SHOWN:]
            )
            history_heading = escape(self.tr("Etiketthistorik"))
            if len(history) > HISTORY_SHOWN:  # say that earlier entries are left out (a tester missed them)
                history_heading += " <small>" + escape(self.tr("(de %1 senaste av %2)").replace(
                    "%1", str(HISTORY_SHOWN)).replace("%2", str(len(history)))) + "</small>"
            html.append(f"<h3>{history_heading}</h3><ul>{items}</ul>")
        self.setHtml("".join(html))


def _name(taxonomy: Taxonomy, group: str, label_id, language) -> str:
    return escape(taxonomy.name_of(group, label_id, language) or "–")
