"""IncidentActionsMixin: possible incidents (bursts of similar tickets): scan, flag in the
list, show the linked tickets together, confirm or dismiss."""

from __future__ import annotations

from elsdesk.domain import TicketFilter
from elsdesk.gui.notify import show_error


class IncidentActionsMixin:
    """Mixed into MainWindow; keeps the open incidents in ``self.open_incidents``."""

    def refresh_incidents(self):
        """Mark tickets of open possible incidents in the list and keep the incident menu current."""
        from elsdesk.services.surges import incident_flags, open_incidents

        def work(context):
            with context.open_database() as database:
                return incident_flags(database), open_incidents(database)

        def done(result):
            flags, self.open_incidents = result
            self.model.set_incident_tickets(flags)

        return self.runner.start(work, db_path=self.db_path, on_success=done, name="incident flags")

    def scan_incidents(self):
        """Look for surges in the last 24 hours of tickets (after an import)."""
        from elsdesk.services.surges import scan_for_incidents

        def work(context):
            with context.open_database() as database:
                return scan_for_incidents(database)

        return self.runner.start(work, db_path=self.db_path, on_success=self._on_incidents_found, name="surge scan")

    def _on_incidents_found(self, scan) -> None:
        self.refresh_incidents()
        for incident in scan.created:
            self.statusBar().showMessage(self.tr("Möjlig incident: %1 (%2 ärenden från %3 enheter). Se menyn Incidenter.")
                                         .replace("%1", incident.label).replace("%2", str(incident.ticket_count))
                                         .replace("%3", str(len(incident.units))), 15000)

    def _fill_incidents_menu(self) -> None:
        self.incidents_menu.clear()
        if not self.open_incidents:
            self.incidents_menu.addAction(self.tr("Inga möjliga incidenter")).setEnabled(False)
        for incident in self.open_incidents:
            sub = self.incidents_menu.addMenu(f"{incident.first_at.replace('T', ' ')[:16]} · {incident.label} "
                                              f"({incident.ticket_count})")
            sub.addAction(self.tr("Visa ärendena tillsammans"), lambda i=incident.id: self.show_incident(i))
            sub.addAction(self.tr("Bekräfta incident"), lambda i=incident.id: self.set_incident_status(i, "confirmed"))
            sub.addAction(self.tr("Avfärda"), lambda i=incident.id: self.set_incident_status(i, "dismissed"))
        self.incidents_menu.addSeparator()
        self.incidents_menu.addAction(self.tr("Visa alla ärenden"), lambda: self.list_view.set_filter(TicketFilter()))

    def show_incident(self, incident_id: int):
        """List the incident's tickets together."""
        from elsdesk.services.surges import incident_ticket_ids

        def work(context):
            with context.open_database() as database:
                return incident_ticket_ids(database, incident_id)

        return self.runner.start(work, db_path=self.db_path, name="incident tickets",
                                 on_success=lambda ids: self.list_view.set_filter(TicketFilter(ids=tuple(ids))))

    def set_incident_status(self, incident_id: int, status: str):
        from elsdesk.services.surges import set_incident_status

        def work(context):
            with context.open_database() as database:
                return set_incident_status(database, incident_id, status)

        return self.runner.start(work, db_path=self.db_path, name="incident status",
                                 on_success=lambda _incident: self.refresh_incidents(),
                                 on_failure=lambda exc: show_error(self, exc))
