"""The main window's *Ta bort ärende…*: a super-user removes the ticket marked in the list (in Granskning
the card's), one logged by mistake (twice, on the wrong desk, or holding a patient's details). It names the ticket
and asks first, as a removal cannot be undone; the removal itself runs in the background
(:func:`elsdesk.services.ticket_removal.remove_logged_by_mistake`)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from elsdesk.services.permissions import REMOVE_TICKETS

STATUS_MS = 10_000


class TicketRemovalMixin:
    def _show_tickets_removed(self, ticket_ids) -> None:
        if self.review_view is not None:
            self.review_view.forget_removed(ticket_ids)
        self.show_desk_changed()

    def _ticket_to_remove(self):
        """The ticket on the review card in Granskning (the menu named the hidden list's ticket there; a
        tester), the one marked in the list in Ärenden, none elsewhere."""
        if self.review_view is not None and self.tabs.currentWidget() is self.review_view:
            item = self.review_view.current_item()
            return item.ticket if item is not None else None
        if self.tabs.currentIndex() != self.tickets_tab or self.list_view.current_ticket_id() is None:
            return None
        return self.model.ticket_at(self.list_view.currentIndex().row())

    def remove_current_ticket(self) -> QMessageBox | None:
        """Ask, then remove the ticket marked in the list (in Granskning: the card's); None when there is none
        or the role may not."""
        if not self.may(REMOVE_TICKETS):
            return None
        ticket = self._ticket_to_remove()
        if ticket is None:
            self.statusBar().showMessage(self.tr("Markera först ärendet som ska tas bort i listan."), STATUS_MS)
            return None
        ticket_id = ticket.id
        number = ticket.external_id or str(ticket.id)
        box = QMessageBox(QMessageBox.Question, self.tr("Ta bort ärende"), self.tr(
            "Ta bort ärende %1, \u201d%2\u201d, med dess etiketthistorik och granskningsbeslut?").replace(
            "%1", number).replace("%2", ticket.title), QMessageBox.NoButton, self)
        box.setInformativeText(self.tr(
            "Gör det för ett ärende som loggats av misstag, två gånger eller med uppgifter som inte får finnas kvar."
            " Det går inte att ångra."))
        remove = box.addButton(self.tr("Ta bort ärendet"), QMessageBox.DestructiveRole)
        cancel = box.addButton(self.tr("Avbryt"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)

        def work(context):
            from elsdesk.services.ticket_removal import remove_logged_by_mistake

            with context.open_database() as database:
                return remove_logged_by_mistake(database, [ticket_id])

        def done(_removed):
            if self.similarity_index is not None:
                self.similarity_index.remove(ticket_id)
            self.statusBar().showMessage(self.tr("Ärende %1 borttaget.").replace("%1", number), STATUS_MS)
            self.tickets_removed.emit([ticket_id])

        box.buttonClicked.connect(
            lambda button: self.start_long_task(work, self.tr("Tar bort ärende"), done) if button is remove else None)
        box.open()
        return box
