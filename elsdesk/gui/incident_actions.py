"""IncidentActionsMixin: possible incidents (bursts of similar tickets): scan, flag in the
list, show the linked tickets together, confirm or dismiss. Confirmed and dismissed incidents stay
listed in the Incidenter menu with their tickets (issue 13: a confirmed incident vanished)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from elsdesk.gui.notify import show_error

DECIDED_SHOWN = 15  # confirmed and dismissed incidents listed in the menu, newest first
SECTIONS = (
    ("open", QT_TRANSLATE_NOOP("IncidentActionsMixin", "Möjliga incidenter")),
    ("confirmed", QT_TRANSLATE_NOOP("IncidentActionsMixin", "Bekräftade incidenter")),
    ("dismissed", QT_TRANSLATE_NOOP("IncidentActionsMixin", "Avfärdade")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("IncidentActionsMixin", text)


class IncidentActionsMixin:
    """Mixed into MainWindow; keeps every incident in ``self.incidents`` and the open ones in
    ``self.open_incidents``."""

    def refresh_incidents(self):
        """Mark tickets of open and confirmed incidents in the list and keep the incident menu current."""
        def work(context):
            from elsdesk.services.incidents import all_incidents, incident_marks

            with context.open_database() as database:
                return incident_marks(database), all_incidents(database)

        def done(result):
            marks, self.incidents = result
            self.open_incidents = [i for i in self.incidents if i.status == "open"]
            # the menu says how many are open: nothing else hinted at one off the list's first screen (a tester)
            self.incidents_menu.setTitle(self.tr("&Incidenter (%1)").replace("%1", str(len(self.open_incidents)))
                                         if self.open_incidents else self.tr("&Incidenter"))
            self.model.set_incident_tickets({ticket_id: self._incident_note(incident) for ticket_id, incident in marks.items()})

        return self.runner.start(work, db_path=self.db_path, on_success=done, name="incident flags")

    def _incident_note(self, incident) -> str:
        """The list's tooltip for a ticket of *incident*: what it is, by its name (never its number)."""
        if incident.status == "confirmed":
            text = QCoreApplication.translate("IncidentActionsMixin", "Bekräftad incident: %1 (%2 ärenden från %3 enheter).")
        else:
            text = QCoreApplication.translate(
                "IncidentActionsMixin", "Möjlig incident: %1 (%2 ärenden från %3 enheter). Flera enheter rapporterar samma sak.")
        return text.replace("%1", incident.label).replace("%2", str(incident.ticket_count)).replace(
            "%3", str(len(incident.units)))

    def scan_incidents(self, report=None):
        """After an import: announce the possible incidents its own scan found over the file's whole
        time span (``report.incidents``, see services/imports.py) without scanning again; without such
        a report (demo data), look for surges in the last 24 hours of tickets."""
        scan = getattr(report, "incidents", None)
        if scan is not None:  # the import's own message names what its scan found: it stays in the status bar
            self._on_incidents_found(scan, announced=bool(getattr(report, "incident_summary", "")))
            return None

        def work(context):
            from elsdesk.services.surges import scan_for_incidents

            with context.open_database() as database:
                return scan_for_incidents(database)

        return self.runner.start(work, db_path=self.db_path, on_success=self._on_incidents_found, name="surge scan")

    def _on_incidents_found(self, scan, announced: bool = False) -> None:
        """The menu read again, and one message for what the scan found, its largest incident first (one message
        per incident replaced each other and the import's own summary within milliseconds: only the last, a small
        one, stayed); none when the caller's message already said it (*announced*)."""
        self.refresh_incidents()
        if not announced and scan.created:
            self.statusBar().showMessage(self.incidents_found_text(scan), 15000)

    def incidents_found_text(self, scan) -> str:
        """What a scan that made new possible incidents says: the largest one, and how many more ("" for none)."""
        if not scan.created:
            return ""
        found = sorted(scan.created, key=lambda incident: -incident.ticket_count)
        text = self.tr("Möjlig incident: %1 (%2 ärenden från %3 enheter).").replace("%1", found[0].label).replace(
            "%2", str(found[0].ticket_count)).replace("%3", str(len(found[0].units)))
        if len(found) > 1:
            text += " " + self.tr("Och %1 till.").replace("%1", str(len(found) - 1))
        return text + " " + self.tr("Se menyn Incidenter.")

    def _fill_incidents_menu(self) -> None:
        self.incidents_menu.clear()
        if not self.incidents:
            self.incidents_menu.addAction(self.tr("Inga möjliga incidenter")).setEnabled(False)
        for status, heading in SECTIONS:
            listed = [i for i in self.incidents if i.status == status]
            if status != "open":
                listed = listed[:DECIDED_SHOWN]
            if not listed:
                continue
            self.incidents_menu.addSection(_tr(heading))
            for incident in listed:
                self._add_incident_menu(incident)
        self.incidents_menu.addSeparator()
        self.incidents_menu.addAction(self.tr("Visa alla ärenden"), self.show_all_tickets)

    def _add_incident_menu(self, incident) -> None:
        count = (self.tr("1 ärende") if incident.ticket_count == 1
                 else self.tr("%1 ärenden").replace("%1", str(incident.ticket_count)))  # "(7)" said nothing
        sub = self.incidents_menu.addMenu(f"{incident.first_at.replace('T', ' ')[:16]} · {incident.label} ({count})")
        sub.setToolTipsVisible(True)
        units = ", ".join(incident.units)
        sub.addAction(self.tr("Visa ärendena tillsammans"), lambda i=incident: self.show_incident(i.id, i.label))
        if incident.status != "confirmed":
            sub.addAction(self.tr("Bekräfta incident"), lambda i=incident.id: self.set_incident_status(i, "confirmed"))
        if incident.status != "dismissed":
            sub.addAction(self.tr("Avfärda"), lambda i=incident.id: self.set_incident_status(i, "dismissed"))
        if incident.status != "open":
            sub.addAction(self.tr("Öppna igen"), lambda i=incident.id: self.set_incident_status(i, "open"))
        sub.menuAction().setToolTip(self.tr("Enheter: %1").replace("%1", units))

    def show_incident(self, incident_id: int, label: str = ""):
        """List the incident's tickets together, on the Ärenden tab, with the filter named in the filter bar."""
        def work(context):
            from elsdesk.services.incidents import incident_ticket_ids

            with context.open_database() as database:
                return incident_ticket_ids(database, incident_id)

        def done(ids):
            self.tabs.setCurrentIndex(self.tickets_tab)
            self.filter_bar.show_only(tuple(ids), self.tr("Incident: %1").replace("%1", label or "…"))

        return self.runner.start(work, db_path=self.db_path, name="incident tickets", on_success=done)

    def show_all_tickets(self) -> None:
        self.tabs.setCurrentIndex(self.tickets_tab)
        self.filter_bar.clear()

    def set_incident_status(self, incident_id: int, status: str):
        def work(context):
            from elsdesk.services.incidents import set_incident_status

            with context.open_database() as database:
                return set_incident_status(database, incident_id, status)

        return self.runner.start(work, db_path=self.db_path, name="incident status",
                                 on_success=lambda _incident: self.refresh_incidents(),
                                 on_failure=lambda exc: show_error(self, exc))
