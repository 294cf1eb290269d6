"""Surge detection: a burst of similar tickets from several units within a few hours is a possible
incident (a printer queue, an integration or the whole system down).

Rule (``SurgeRules``): at least 5 tickets similar to one central ticket (cosine ≥ 0.2), from at
least 3 different units, within 4 hours, and at least 3 times the rate of such tickets in the
previous 72 hours (so a question that comes every day is not an incident). Texts are compared
with the classifier's feature recipe (stems, stem pairs and character n-grams, TF-IDF fitted on
the tickets around the burst). Measured on the seed corpus (features fitted there), it puts 48 %
of the pairs that describe the same problem above 0.2, against 2.5 % of pairs of other problems
in the same module and 0.1 % across modules; stems and stem pairs alone manage 9 % / 0.1 % /
0.01 %, too few same-problem pairs for a burst to hang together. Found tickets are linked to an incident
(``incidents`` + ``incident_tickets``), never merged; a later scan that finds more of the same
burst links them to the same incident.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from sklearn.preprocessing import normalize

from elsdesk.domain import Incident, Ticket, now_iso, parse_datetime
from elsdesk.ml.model import build_features
from elsdesk.ml.similarity import to_seconds
from elsdesk.ml.text import ticket_text
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.incidents import IncidentRepository, distinct_units, unit_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SurgeRules:
    window_hours: float = 4.0
    min_tickets: int = 5
    min_units: int = 3
    min_similarity: float = 0.2
    baseline_hours: float = 72.0
    baseline_factor: float = 3.0  # 0 switches the comparison with the usual rate off
    chunk_hours: float = 12.0
    max_chunk_tickets: int = 3000
    max_baseline_tickets: int = 3000  # the usual rate is estimated from a sample of this size


@dataclass(frozen=True)
class Surge:
    """A burst found by :func:`detect_surges` (not yet stored)."""

    ticket_ids: tuple[int, ...]
    first_at: str
    last_at: str
    units: tuple[str, ...]
    label: str
    representative_id: int


@dataclass
class SurgeScan:
    """What a scan stored: incidents it created and open incidents it linked more tickets to."""

    created: list[Incident] = field(default_factory=list)
    extended: list[Incident] = field(default_factory=list)


def detect_surges(database: Database, start: str | None = None, end: str | None = None,
                  rules: SurgeRules = SurgeRules()) -> list[Surge]:
    """Bursts among tickets created from *start* (minus one window) to *end*.

    *end* defaults to the newest ticket, *start* to 24 hours before *end*.
    """
    repo = TicketRepository(database)
    end = end or repo.latest_created_at()
    if end is None:
        return []
    end_at = parse_datetime(end)
    start_at = parse_datetime(start) if start else end_at - timedelta(hours=24)
    window = timedelta(hours=rules.window_hours)
    found: list[Surge] = []
    chunk_start = start_at
    while chunk_start <= end_at:
        chunk_end = min(chunk_start + timedelta(hours=rules.chunk_hours), end_at)
        pool = repo.created_between(_iso(chunk_start - window - timedelta(hours=rules.baseline_hours)), _iso(chunk_end))
        first = _iso(chunk_start - window)
        before = [t for t in pool if t.created_at < first]
        scale = 1.0
        if len(before) > rules.max_baseline_tickets:
            scale = len(before) / rules.max_baseline_tickets
            before = sorted(random.Random(len(before)).sample(before, rules.max_baseline_tickets), key=lambda t: t.created_at)
        found.extend(_detect_in(before, [t for t in pool if t.created_at >= first], rules, scale))
        chunk_start = chunk_end + timedelta(seconds=1)
    return _merge_overlapping(found)


def record_surges(database: Database, surges: list[Surge]) -> SurgeScan:
    """Store surges as incidents: link to an incident that already holds some of the tickets, else create one."""
    repo = IncidentRepository(database)
    created_ids, extended_ids = [], []
    with database.write():
        for surge in surges:
            linked = repo.incidents_of(surge.ticket_ids, status=None)
            if linked:
                incident_id = max(linked.values())
                if repo.link(incident_id, surge.ticket_ids, surge.first_at, surge.last_at) and incident_id not in created_ids:
                    extended_ids.append(incident_id)
            else:
                created_ids.append(repo.create(surge.label, surge.first_at, surge.last_at, now_iso(), surge.ticket_ids))
    scan = SurgeScan([repo.get(i) for i in created_ids], [repo.get(i) for i in dict.fromkeys(extended_ids)])
    scan.extended = [i for i in scan.extended if i.status == "open"]
    return scan


def scan_for_incidents(database: Database, around: str | None = None, start: str | None = None,
                       end: str | None = None, rules: SurgeRules = SurgeRules()) -> SurgeScan:
    """Detect and store surges; *around* a new ticket's created_at looks one window either side."""
    if around is not None:
        moment = parse_datetime(around)
        start = _iso(moment)
        end = _iso(moment + timedelta(hours=rules.window_hours))
    return record_surges(database, detect_surges(database, start, end, rules))


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


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


# -- detection -----------------------------------------------------------------------------
def _detect_in(before: list[Ticket], tickets: list[Ticket], rules: SurgeRules, scale: float = 1.0) -> list[Surge]:
    """Bursts among *tickets*; *before* are (a sample, 1 in *scale*, of) the earlier tickets that give the usual rate."""
    tickets = [t for t in tickets if (t.title or t.description)]
    if len(tickets) < rules.min_tickets:
        return []
    if len(tickets) > rules.max_chunk_tickets:
        half = len(tickets) // 2
        logger.info("surge scan: %d tickets in one chunk, splitting", len(tickets))
        overlap = max(_overlap_start(tickets, half, rules.window_hours), half // 2)  # always shrinks
        return _detect_in(before, tickets[:half], rules, scale) + _detect_in(before, tickets[overlap:], rules, scale)
    try:
        vectors = _vectors(before + tickets)
    except ValueError:  # nothing but stop words and placeholders: nothing to compare
        return []
    earlier, vectors = vectors[: len(before)], vectors[len(before):]
    earlier_times = np.array([to_seconds(t.created_at) for t in before], dtype=np.int64)
    times = np.array([to_seconds(t.created_at) for t in tickets], dtype=np.int64)
    window = int(rules.window_hours * 3600)
    similarity = (vectors @ vectors.T).toarray()
    adjacent = (similarity >= rules.min_similarity) & (np.abs(times[:, None] - times[None, :]) <= window)
    np.fill_diagonal(adjacent, False)
    remaining = np.ones(len(tickets), dtype=bool)
    tried = np.zeros(len(tickets), dtype=bool)
    surges = []
    while True:
        degree = (adjacent & remaining[None, :]).sum(axis=1)
        degree[~remaining | tried] = -1
        centre = int(np.argmax(degree))
        if degree[centre] + 1 < rules.min_tickets:
            break
        tried[centre] = True
        members = np.flatnonzero(adjacent[centre] & remaining).tolist() + [centre]
        members.sort(key=lambda i: (times[i], tickets[i].id))
        burst = _best_window(members, times, tickets, window, rules)
        if burst is None:
            continue
        usual = _usual_count(vectors[centre], earlier, earlier_times, vectors, times, times[burst[0]], rules, scale)
        if len(burst) < rules.baseline_factor * usual * rules.window_hours / max(rules.baseline_hours, 1e-9):
            logger.debug("similar tickets around %s come as often as usual; not a surge", tickets[centre].external_id)
            continue
        remaining[members] = False
        chosen = [tickets[i] for i in members]
        surges.append(Surge(
            ticket_ids=tuple(t.id for t in chosen), first_at=chosen[0].created_at, last_at=chosen[-1].created_at,
            units=distinct_units(t.unit for t in chosen),
            label=tickets[centre].title, representative_id=tickets[centre].id,
        ))
    return surges


def _vectors(tickets: list[Ticket]):
    """L2-normalised TF-IDF rows (stems, stem pairs, character n-grams) fitted on these tickets."""
    texts = [ticket_text(t.title, t.description) for t in tickets]
    return normalize(build_features().fit_transform(texts)).tocsr()


def _usual_count(centre, earlier, earlier_times, vectors, times, first: int, rules: SurgeRules, scale: float) -> float:
    """How many tickets similar to *centre* came in the baseline period before *first*."""
    if rules.baseline_factor <= 0 or rules.baseline_hours <= 0:
        return 0.0
    since = first - int(rules.baseline_hours * 3600)
    count = 0.0
    for matrix, when, weight in ((earlier, earlier_times, scale), (vectors, times, 1.0)):
        if matrix.shape[0]:
            scores = np.asarray((matrix @ centre.T).toarray()).ravel()
            count += weight * int(np.count_nonzero((scores >= rules.min_similarity) & (when >= since) & (when < first)))
    return count


def _unit(ticket: Ticket) -> str:
    return unit_key(ticket.unit)


def _best_window(members: list[int], times: np.ndarray, tickets: list[Ticket], window: int,
                 rules: SurgeRules) -> list[int] | None:
    """The largest run of *members* within one window that has enough tickets and units."""
    best = None
    last = 0
    for first in range(len(members)):
        last = max(last, first)
        while last + 1 < len(members) and times[members[last + 1]] - times[members[first]] <= window:
            last += 1
        run = members[first : last + 1]
        if len(run) < rules.min_tickets or (best is not None and len(run) <= len(best)):
            continue
        if len({_unit(tickets[i]) for i in run if _unit(tickets[i])}) >= rules.min_units:
            best = run
    return best


def _overlap_start(tickets: list[Ticket], half: int, window_hours: float) -> int:
    cut = to_seconds(tickets[half].created_at) - int(window_hours * 3600)
    for i in range(half, -1, -1):
        if to_seconds(tickets[i].created_at) < cut:
            return i + 1
    return 0


def _merge_overlapping(surges: list[Surge]) -> list[Surge]:
    """Chunks overlap by one window: join surges that share tickets."""
    merged: list[Surge] = []
    for surge in surges:
        for position, other in enumerate(merged):
            if set(surge.ticket_ids) & set(other.ticket_ids):
                ids = tuple(dict.fromkeys(other.ticket_ids + surge.ticket_ids))
                merged[position] = Surge(ids, min(other.first_at, surge.first_at), max(other.last_at, surge.last_at),
                                         distinct_units(other.units + surge.units), other.label,
                                         other.representative_id)
                break
        else:
            merged.append(surge)
    return merged
