"""The desk's incidents as people read and decide them: the list, the marks in the ticket list,
confirming or dismissing one, and the Swedish sentence an import's summary gives a scan.

Finding incidents is :mod:`elsdesk.services.surges` (it needs scikit-learn); nothing here does, so
the window and the CLI read incidents without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from elsdesk.domain import Incident, parse_datetime
from elsdesk.storage import Database
from elsdesk.storage.incidents import IncidentRepository

if TYPE_CHECKING:
    from elsdesk.services.surges import SurgeScan


SUMMARY_SHOWN = 3  # incidents a summary names; the rest are counted
WHERE_TO_LOOK = "se Incidenter-menyn eller 'elsdesk incidents'"


def scan_summary(scan: SurgeScan | None) -> str:
    """One Swedish sentence for an import's summary line: the possible incidents the scan found and
    those it added tickets to, each with its tickets, units and hours; "" when there are none."""
    if scan is None:
        return ""
    parts = []
    if scan.created:
        count = len(scan.created)
        parts.append(f"{count} {'möjlig incident' if count == 1 else 'möjliga incidenter'}: {_described(scan.created)}")
    if scan.extended:
        count = len(scan.extended)
        parts.append(f"fler ärenden i {count} redan {'känd möjlig incident' if count == 1 else 'kända möjliga incidenter'}:"
                     f" {_described(scan.extended)}")
    return "; ".join(parts) + f"; {WHERE_TO_LOOK}" if parts else ""


def _described(incidents: list[Incident]) -> str:
    shown = ", ".join(f"{i.ticket_count} ärenden från {len(i.units)} {'enhet' if len(i.units) == 1 else 'enheter'}"
                      f" {time_span_text(i.first_at, i.last_at)}" for i in incidents[:SUMMARY_SHOWN])
    rest = len(incidents) - SUMMARY_SHOWN
    return shown + (f" och {rest} till" if rest > 0 else "")


def time_span_text(first_at: str, last_at: str) -> str:
    """'2027-03-16 09:10–10:55', or with both dates when the span crosses midnight."""
    first, last = parse_datetime(first_at), parse_datetime(last_at)
    end = last.strftime("%H:%M") if first.date() == last.date() else last.strftime("%Y-%m-%d %H:%M")
    return f"{first.strftime('%Y-%m-%d %H:%M')}–{end}"


def open_incidents(database: Database) -> list[Incident]:
    return IncidentRepository(database).list_incidents("open")


def all_incidents(database: Database) -> list[Incident]:
    """Open, confirmed and dismissed incidents, most recent first (a decided incident stays listed)."""
    return IncidentRepository(database).list_incidents(None)


def incident_marks(database: Database) -> dict[int, Incident]:
    """ticket id -> the open or confirmed incident it is linked to (an open one first), for the list."""
    repo = IncidentRepository(database)
    by_id = {incident.id: incident for incident in repo.list_incidents(None)}
    marks: dict[int, Incident] = {}
    for status in ("confirmed", "open"):
        marks.update({ticket_id: by_id[incident_id] for ticket_id, incident_id in repo.incidents_of(status=status).items()})
    return marks


def incident_ticket_ids(database: Database, incident_id: int) -> tuple[int, ...]:
    """The incident's ticket ids, oldest first: use as ``TicketFilter(ids=...)`` to list them together."""
    return IncidentRepository(database).ticket_ids(incident_id)


def incident_flags(database: Database, ticket_ids=None) -> dict[int, int]:
    """ticket id -> open incident id, for marking tickets in the list."""
    return IncidentRepository(database).incidents_of(ticket_ids, status="open")


def set_incident_status(database: Database, incident_id: int, status: str) -> Incident:
    """Mark an incident confirmed or dismissed (or open again)."""
    repo = IncidentRepository(database)
    with database.write():
        repo.set_status(incident_id, status)
    return repo.get(incident_id)
