"""A week's possible and confirmed incidents as topics: an outage written many ways ("Cosmic fryser",
"är Cosmic nere?", "Extremt långsamt") by many units is one topic of the week, named as its
incident is, and its tickets are in no other topic.

The topic finder groups inside each module and by words, so an outage the model spread over
several modules and that people described in a dozen ways came out as pairs (a tester's 12
reports in two hours: four topics of two and five reports in none), while the incident scan
(:mod:`elsdesk.services.surges`) had already found them as one burst. A dismissed incident is
none: its tickets are grouped as any others. Tickets people linked to a known problem stay
under the problem; the matcher's guesses do not hold an incident's ticket.
"""

from __future__ import annotations

from elsdesk.domain import Incident, Ticket
from elsdesk.storage import Database
from elsdesk.storage.incidents import IncidentRepository

TOPIC_STATUSES = ("open", "confirmed")  # a possible incident and one people confirmed; never a dismissed one


def incident_topic_id(incident_id: int) -> str:
    """An incident's topic keeps one id in every week and every recomputation: the incident's."""
    return f"I{incident_id}"


def is_incident_topic(topic_id: str) -> bool:
    return topic_id.startswith("I") and topic_id[1:].isdigit()


def incidents_of(database: Database, week: str) -> dict[int, Incident]:
    """ticket id -> the open or confirmed incident it is linked to (a confirmed one before an open
    one, then the newest), for the tickets of *week*."""
    rows = database.query(  # from the few incident links, as incident_state reads them (CROSS JOIN keeps SQLite's order)
        "SELECT x.ticket_id, x.incident_id, i.status FROM incidents i CROSS JOIN incident_tickets x CROSS JOIN tickets t"
        " WHERE x.incident_id = i.id AND t.id = x.ticket_id AND t.iso_week = ? AND i.status IN (?, ?)",
        (week, *TOPIC_STATUSES))
    of: dict[int, tuple[bool, int]] = {}
    for ticket_id, incident_id, status in rows:
        of[ticket_id] = max(of.get(ticket_id, (False, 0)), (status == "confirmed", incident_id))
    if not of:
        return {}
    repo = IncidentRepository(database)
    incidents = {incident_id: repo.get(incident_id) for _confirmed, incident_id in set(of.values())}  # a week holds few
    return {ticket_id: incidents[incident_id] for ticket_id, (_confirmed, incident_id) in of.items()}


def incident_groups(tickets: list[Ticket], incident_of: dict[int, Incident],
                    linked_ids: set[int] | frozenset = frozenset()) -> tuple[list[Incident], list[list[int]]]:
    """(the incidents, each one's positions in *tickets*), oldest incident first: the tickets of the
    week in an open or confirmed incident, less those people linked to a known problem."""
    groups: dict[int, list[int]] = {}
    incidents: dict[int, Incident] = {}
    for index, ticket in enumerate(tickets):
        incident = incident_of.get(ticket.id)
        if incident is not None and ticket.id not in linked_ids:
            groups.setdefault(incident.id, []).append(index)
            incidents[incident.id] = incident
    order = sorted(groups)
    return [incidents[i] for i in order], [groups[i] for i in order]


def incident_state(database: Database, week: str) -> tuple:
    """What of the desk's incidents a week's topics depend on, for its fingerprint: which of its
    tickets are in which incident that is not dismissed, and the incidents' names (open and
    confirmed read alike, so confirming one does not work the week out again).

    The background keeper asks this of every week it checks, so the query starts from the desk's
    few incident links and looks each one's ticket up in the week index. Left to choose, SQLite
    started from the week's tickets and probed each (a 1,000,000-ticket desk with 125,000 in a
    week: 14 ms instead of 0.3 ms; issue 14). ``CROSS JOIN`` fixes that order in SQLite; to
    PostgreSQL it is a plain join, which it already planned from the incident rows."""
    return tuple(database.query(
        "SELECT count(*), sum(x.incident_id), sum(x.ticket_id * x.incident_id), sum(length(i.label))"
        " FROM incidents i CROSS JOIN incident_tickets x CROSS JOIN tickets t"
        " WHERE x.incident_id = i.id AND t.id = x.ticket_id AND t.iso_week = ? AND i.status <> 'dismissed'",
        (week,))[0])
