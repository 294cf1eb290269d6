"""Taking tickets out of a desk with what hangs on them, on both backends.

One routine for the two ways tickets leave a desk: every demo ticket at once, and a ticket a
super-user removes because it was logged by mistake (twice, on the wrong desk, or with a patient's
details that must not stay). Label history, review decisions and incident links go with the
ticket (``ON DELETE CASCADE``); incidents left without tickets go and the others span their remaining
tickets; a ticket removed as logged by mistake takes along a known problem it alone made, with nothing
written on it; stored topic weeks that held a removed ticket are dropped and worked out again from the
remaining tickets when next shown, and the proposal links recorded for them forget it. A removed
ticket's number is never given again (:data:`REMOVED_UP_TO`): one quoted in a mail or an agenda named
another ticket when SQLite handed the next ticket the removed one's id, and an import does not bring
it back (``removed_tickets``: a nightly import of the service desk's export did). Runs inside the
caller's :meth:`Database.write` transaction.
"""

from __future__ import annotations

import json
from typing import Iterable

from elsdesk.domain import now_iso
from elsdesk.storage.problems import forget_proposal_links
from elsdesk.storage.settings import upsert_setting

_CHUNK = 500  # ids per statement, well below either engine's limit on parameters
# the highest id (and so ticket number) a removed ticket had: new tickets are numbered above it
REMOVED_UP_TO = "tickets.removed_up_to"


def removed_up_to(conn) -> int:
    """The highest id a removed ticket had (0 when none was removed)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (REMOVED_UP_TO,)).fetchone()
    try:
        return int(row[0]) if row else 0
    except ValueError:
        return 0


def removed_numbers(conn, external_ids: Iterable[str]) -> dict[str, str]:
    """{number: day removed} of the *external_ids* that named tickets removed as logged by mistake."""
    wanted = sorted({e for e in external_ids if e})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update((number, (at or "")[:10]) for number, at in conn.execute(
            f"SELECT external_id, removed_at FROM removed_tickets WHERE external_id IN ({','.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def remove_tickets(conn, ids: Iterable[int], *, drop_lone_topics: bool = False, numbers_stay_taken: bool = True) -> int:
    """Delete the tickets *ids* and what only they made; return how many were deleted.

    With *drop_lone_topics* the registered topics made of removed tickets alone, which no other
    week holds, go too (the demo's own topics); otherwise a topic's registration stays with what
    people did to it, and the week is simply worked out again. With *numbers_stay_taken* the removed
    tickets' numbers are not given again (the demo's DEMO- numbers are no desk's own)."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    weeks: set[str] = set()
    incidents: set[int] = set()
    problems: set[int] = set()
    removed = 0
    at = now_iso()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        if numbers_stay_taken:  # an import does not bring them back (see removed_numbers)
            conn.execute(f"INSERT INTO removed_tickets (external_id, removed_at) SELECT external_id, ? FROM tickets"
                         f" WHERE id IN ({marks}) AND external_id IS NOT NULL ON CONFLICT (external_id) DO NOTHING",
                         [at, *chunk])
        weeks.update(row[0] for row in conn.execute(
            f"SELECT DISTINCT iso_week FROM tickets WHERE id IN ({marks})", chunk).fetchall() if row[0])
        incidents.update(row[0] for row in conn.execute(
            f"SELECT DISTINCT incident_id FROM incident_tickets WHERE ticket_id IN ({marks})", chunk).fetchall())
        problems.update(row[0] for row in conn.execute(
            f"SELECT DISTINCT problem_id FROM tickets WHERE id IN ({marks}) AND problem_id IS NOT NULL",
            chunk).fetchall())
        removed += conn.execute(f"DELETE FROM tickets WHERE id IN ({marks})", chunk).rowcount
    conn.execute("DELETE FROM incidents WHERE NOT EXISTS"
                 " (SELECT 1 FROM incident_tickets x WHERE x.incident_id = incidents.id)")
    _span_remaining_tickets(conn, sorted(incidents))
    if drop_lone_topics:
        _drop_lone_problems(conn, sorted(problems))
    _forget_topic_weeks(conn, sorted(weeks), set(ids), drop_lone_topics)
    for week in sorted(weeks):
        forget_proposal_links(conn, week, ids)
    if numbers_stay_taken and removed:
        upsert_setting(conn, REMOVED_UP_TO, str(max(removed_up_to(conn), ids[-1])))
    return removed


def _drop_lone_problems(conn, problem_ids: list[int]) -> None:
    """The known problems of *problem_ids* that no ticket is linked to any more and that nobody wrote anything on
    (no workaround, no status or note): an import's problem column made them from the removed tickets alone, and
    their names may quote what must not stay (a privacy officer's "Signera dos för Leila Testsson" outlived the
    ticket removed for it). A problem people described stays."""
    for start in range(0, len(problem_ids), _CHUNK):
        chunk = problem_ids[start : start + _CHUNK]
        conn.execute(f"DELETE FROM problems WHERE id IN ({','.join('?' * len(chunk))}) AND workaround = ''"
                     " AND status = 'oppet' AND COALESCE(status_note, '') = ''"
                     " AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.problem_id = problems.id)", chunk)


def _span_remaining_tickets(conn, incident_ids: list[int]) -> None:
    """An incident that lost tickets spans the ones it has left (its first report was removed: it began at
    the second)."""
    span = ("(SELECT {0}(t.created_at) FROM incident_tickets x JOIN tickets t ON t.id = x.ticket_id"
            " WHERE x.incident_id = incidents.id)")
    for start in range(0, len(incident_ids), _CHUNK):
        chunk = incident_ids[start : start + _CHUNK]
        conn.execute(f"UPDATE incidents SET first_at = {span.format('min')}, last_at = {span.format('max')}"
                     f" WHERE id IN ({','.join('?' * len(chunk))})", chunk)


def _forget_topic_weeks(conn, weeks: list[str], removed: set[int], drop_lone_topics: bool) -> None:
    """Drop stored topic weeks that held a removed ticket (recomputed when shown); with
    *drop_lone_topics*, then the registered topics made of removed tickets alone that no other week
    holds. A topic that held other tickets keeps its registration, with what people did to it (a
    name, a covered date, an agenda pick): worked out again without the removed tickets, it is the
    same topic."""
    touched: set[str] = set()
    for week in weeks:
        rows = conn.execute("SELECT topic_id, ticket_ids FROM topic_weeks WHERE week = ?", (week,)).fetchall()
        held = {topic: set(json.loads(ticket_ids or "[]")) for topic, ticket_ids in rows}
        if any(removed & ids for ids in held.values()):
            touched.update(topic for topic, ids in held.items() if ids <= removed)
            conn.execute("DELETE FROM topic_weeks WHERE week = ?", (week,))
    if not drop_lone_topics:
        return
    for topic_id in sorted(touched):
        if conn.execute("SELECT 1 FROM topic_weeks WHERE topic_id = ? LIMIT 1", (topic_id,)).fetchone():
            continue
        conn.execute("UPDATE topic_registry SET merged_into = NULL WHERE merged_into = ?", (topic_id,))
        conn.execute("DELETE FROM topic_registry WHERE id = ?", (topic_id,))
