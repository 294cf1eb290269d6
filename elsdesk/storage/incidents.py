"""The incident repository: possible incidents (surges of similar tickets) and the tickets linked to them.

Tickets are linked through ``incident_tickets``, never merged or changed. Writing methods run
inside the caller's :meth:`Database.write` transaction.
"""

from __future__ import annotations

from typing import Iterable

from elsdesk.domain import Incident, NotFoundError, unit_key
from elsdesk.storage.database import Database

STATUSES = ("open", "confirmed", "dismissed")


def _select(dialect) -> str:
    return (
        "SELECT i.id, i.label, i.first_at, i.last_at, i.detected_at, i.status,"
        " (SELECT count(*) FROM incident_tickets x WHERE x.incident_id = i.id),"
        f" (SELECT {dialect.string_agg('u.unit', 31)} FROM (SELECT DISTINCT t.unit FROM incident_tickets x"
        "  JOIN tickets t ON t.id = x.ticket_id WHERE x.incident_id = i.id AND t.unit IS NOT NULL ORDER BY t.unit) u)"
        " FROM incidents i"
    )


def distinct_units(units) -> tuple[str, ...]:
    """The units once each (the first spelling of each, spaces tidied), sorted."""
    kept: dict[str, str] = {}
    for unit in units:
        if unit_key(unit):
            kept.setdefault(unit_key(unit), " ".join(unit.split()))
    return tuple(sorted(kept.values(), key=str.casefold))


def _row_to_incident(row: tuple) -> Incident:
    *head, count, units = row
    return Incident(*head, ticket_count=count, units=distinct_units(units.split("\x1f")) if units else ())


class IncidentRepository:
    def __init__(self, database: Database):
        self.database = database
        self.conn = database.conn
        self._select = _select(database.sql)

    # -- reading -------------------------------------------------------------------------
    def get(self, incident_id: int) -> Incident:
        rows = self.database.query(self._select + " WHERE i.id = ?", (incident_id,))
        if not rows:
            raise NotFoundError(f"incident {incident_id} finns inte")
        return _row_to_incident(rows[0])

    def list_incidents(self, status: str | None = "open") -> list[Incident]:
        """Incidents (of one status, or all), most recent first."""
        where, params = (" WHERE i.status = ?", (status,)) if status else ("", ())
        rows = self.database.query(self._select + where + " ORDER BY i.last_at DESC, i.id DESC", params)
        return [_row_to_incident(row) for row in rows]

    def ticket_ids(self, incident_id: int) -> tuple[int, ...]:
        rows = self.database.query(
            "SELECT x.ticket_id FROM incident_tickets x JOIN tickets t ON t.id = x.ticket_id"
            " WHERE x.incident_id = ? ORDER BY t.created_at, t.id",
            (incident_id,),
        )
        return tuple(row[0] for row in rows)

    def incidents_of(self, ticket_ids: Iterable[int] | None = None, status: str | None = "open") -> dict[int, int]:
        """ticket id -> incident id, for the given tickets (all linked tickets when None)."""
        clauses, params = [], []
        if status:
            clauses.append("i.status = ?")
            params.append(status)
        if ticket_ids is not None:
            ids = list(ticket_ids)
            if not ids:
                return {}
            clauses.append(f"x.ticket_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.database.query(
            "SELECT x.ticket_id, max(x.incident_id) FROM incident_tickets x JOIN incidents i ON i.id = x.incident_id"
            f"{where} GROUP BY x.ticket_id",
            params,
        )
        return {ticket_id: incident_id for ticket_id, incident_id in rows}

    def desk_time_span(self) -> tuple[str | None, str | None]:
        """The creation times of the desk's oldest and newest ticket: what a scan of the whole desk covers."""
        first, last = self.database.query("SELECT min(created_at), max(created_at) FROM tickets")[0]
        return first, last

    # -- writing (inside a write transaction) --------------------------------------------
    def create(self, label: str, first_at: str, last_at: str, detected_at: str, ticket_ids: Iterable[int]) -> int:
        incident_id = self.conn.execute(
            "INSERT INTO incidents (label, first_at, last_at, detected_at) VALUES (?, ?, ?, ?) RETURNING id",
            (label, first_at, last_at, detected_at),
        ).fetchone()[0]
        self.link(incident_id, ticket_ids, first_at, last_at)
        return incident_id

    def link(self, incident_id: int, ticket_ids: Iterable[int], first_at: str, last_at: str) -> int:
        """Link tickets to an incident and widen its time span; return how many links were new."""
        added = 0
        for ticket_id in ticket_ids:
            added += self.conn.execute(
                "INSERT INTO incident_tickets (incident_id, ticket_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (incident_id, ticket_id),
            ).rowcount
        dialect = self.database.sql
        self.conn.execute(
            f"UPDATE incidents SET first_at = {dialect.least('first_at', '?')}, last_at = {dialect.greatest('last_at', '?')}"
            " WHERE id = ?",
            (first_at, last_at, incident_id),
        )
        return added

    def absorb(self, keep_id: int, other_ids: Iterable[int]) -> None:
        """Gather incidents into *keep_id*: their tickets linked to it (its span widened to theirs),
        the others deleted. For open incidents found apart that are one (a person has decided none)."""
        for other_id in other_ids:
            other = self.get(other_id)
            self.link(keep_id, self.ticket_ids(other_id), other.first_at, other.last_at)
            self.conn.execute("DELETE FROM incident_tickets WHERE incident_id = ?", (other_id,))
            self.conn.execute("DELETE FROM incidents WHERE id = ?", (other_id,))

    def set_status(self, incident_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(status)
        self.conn.execute("UPDATE incidents SET status = ? WHERE id = ?", (status, incident_id))
