"""The review repository: the review queue's order, super-user decisions and the counters behind them.

Decisions live in ``review_decisions`` (one row per decision, marked ``undone_at`` when undone)
and in ``label_history`` (one row per label field, linked by ``decision_id``). Writing methods
run inside the caller's :meth:`Database.write` transaction.
"""

from __future__ import annotations

from dataclasses import replace

from elsdesk.domain import HUMAN, NotAllowedError, ReviewDecision
from elsdesk.storage.database import Database

_DECISION_COLUMNS = (
    "id, ticket_id, actor, at, module, kind, old_module, old_kind, old_label_source,"
    " suggested_module, suggested_kind, suggested_by, undone_at"
)
# the model's labels and intake labels, and a person's kind without a module (a file's row that gave only
# the kind): its module is still to be confirmed, with the model's suggestion
_UNCONFIRMED = "(t.label_source IS NULL OR t.label_source != 'human' OR t.module IS NULL)"
_INTAKE_LAST = "CASE WHEN t.label_source = 'intake' THEN 1 ELSE 0 END, "
QUEUE_ORDERS = {
    # least certain first: unclassified, then labelled without a confidence, then lowest confidence
    "uncertainty": "t.module IS NULL DESC, t.module_confidence IS NULL DESC, t.module_confidence ASC,"
                   " t.created_at DESC, t.id DESC",
    "date": "t.created_at DESC, t.id DESC",
    "module": "t.module IS NULL DESC, t.module ASC, t.module_confidence ASC, t.created_at DESC, t.id DESC",
}


class ReviewRepository:
    """Reads and writes review decisions on one :class:`Database`."""

    def __init__(self, database: Database):
        self.database = database
        self.conn = database.conn

    # -- the queue -----------------------------------------------------------------------
    def queue_ids(self, order: str = "uncertainty", actor: str | None = None, second_opinion: bool = False,
                  limit: int | None = None, intake_last: bool = True) -> list[int]:
        """Ids of the tickets to review, in *order*.

        Normally the tickets no super-user has confirmed: the model's labels and the labels set at
        intake, the latter after the former when *intake_last*, and tickets without a module. With *second_opinion*, the confirmed
        tickets that another super-user decided in the queue and *actor* has not, to measure agreement.
        """
        if order not in QUEUE_ORDERS:
            raise ValueError(f"unknown review order {order!r}")
        params: list = []
        if second_opinion:
            where = (
                "t.label_source = 'human'"
                " AND EXISTS (SELECT 1 FROM review_decisions d WHERE d.ticket_id = t.id"
                " AND d.undone_at IS NULL AND d.actor != ?)"
                " AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.ticket_id = t.id"
                " AND d.undone_at IS NULL AND d.actor = ?)"
            )
            params += [actor or "", actor or ""]
        else:
            where = _UNCONFIRMED
        first = _INTAKE_LAST if intake_last and not second_opinion else ""
        sql = f"SELECT t.id FROM tickets t WHERE {where} ORDER BY {first}{QUEUE_ORDERS[order]}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [row[0] for row in self.database.query(sql, params)]

    # -- decisions (callers hold a write transaction) ------------------------------------
    def insert_decision(self, decision: ReviewDecision) -> ReviewDecision:
        new_id = self.conn.execute(
            "INSERT INTO review_decisions (ticket_id, actor, at, module, kind, old_module, old_kind,"
            " old_label_source, suggested_module, suggested_kind, suggested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " RETURNING id",
            (decision.ticket_id, decision.actor, decision.at, decision.module, decision.kind, decision.old_module,
             decision.old_kind, decision.old_label_source, decision.suggested_module, decision.suggested_kind,
             decision.suggested_by),
        ).fetchone()[0]
        stored = replace(decision, id=new_id)
        for field, old, new in (("module", decision.old_module, decision.module), ("kind", decision.old_kind, decision.kind)):
            self.conn.execute(
                "INSERT INTO label_history (ticket_id, field, old_value, new_value, actor, at, source, suggested_by,"
                " decision_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (decision.ticket_id, field, old, new, decision.actor, decision.at, HUMAN, decision.suggested_by, stored.id),
            )
        return stored

    def mark_undone(self, decision_id: int, at: str) -> None:
        """Mark a decision undone; NotAllowedError when the server's row-level security hides it
        from this login (another super-user's decision), which PostgreSQL reports as zero rows."""
        changed = self.conn.execute("UPDATE review_decisions SET undone_at = ? WHERE id = ?", (at, decision_id)).rowcount
        if changed != 1:
            raise NotAllowedError("bara den superanvändare som fattade beslutet kan ångra det")
        self.conn.execute("UPDATE label_history SET undone_at = ? WHERE decision_id = ?", (at, decision_id))

    def last_decision(self, actor: str) -> ReviewDecision | None:
        """The actor's most recent decision that is not undone."""
        rows = self.database.query(
            f"SELECT {_DECISION_COLUMNS} FROM review_decisions WHERE actor = ? AND undone_at IS NULL"
            " ORDER BY id DESC LIMIT 1",
            (actor,),
        )
        return ReviewDecision(*rows[0]) if rows else None

    def decisions(self, ticket_id: int | None = None, include_undone: bool = False) -> list[ReviewDecision]:
        """Decisions oldest first, of one ticket or of all."""
        clauses, params = [], []
        if ticket_id is not None:
            clauses.append("ticket_id = ?")
            params.append(ticket_id)
        if not include_undone:
            clauses.append("undone_at IS NULL")
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.database.query(f"SELECT {_DECISION_COLUMNS} FROM review_decisions{where} ORDER BY id", params)
        return [ReviewDecision(*row) for row in rows]

    def tickets_decided_by_several(self) -> list[int]:
        """Tickets that two or more different people decided (not undone)."""
        rows = self.database.query(
            "SELECT ticket_id FROM review_decisions WHERE undone_at IS NULL"
            " GROUP BY ticket_id HAVING count(DISTINCT actor) > 1 ORDER BY ticket_id"
        )
        return [row[0] for row in rows]

    # -- counters in the settings table (inside a write transaction) ---------------------
    def add_to_counter(self, key: str, delta: int) -> int:
        """Add *delta* to an integer setting (never below zero); return the new value."""
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        value = str(max(0, (int(row[0]) if row else 0) + delta))
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        return int(value)
