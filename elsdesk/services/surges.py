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

One outage is written many ways ("Cosmic hänger sig", "systemet svarar inte", "timglaset
snurrar"): those words share too little for one burst, so it is found as several. Bursts whose
times overlap (or lie within ``join_gap_hours`` of each other) and that are each mostly about the
whole system being slow, frozen or down (the module ``prestanda_driftstorning`` of the taxonomy:
a person's label, else the desk's model) are one incident (``_join_system_wide``). Bursts about
anything narrower (a printer queue, an integration) stay apart even at the same hour: they are
different problems with different owners. A later scan joins such a burst to an open incident
of the same kind and time in the same way, and one burst that spans several open incidents
gathers them into one.

A scan of a long span (an import of a month) cleans, stems and counts each ticket's text once
(:class:`elsdesk.ml.window_features.WindowFeatures`): each chunk still fits its own TF-IDF on its
tickets and their baseline, with the same vectors as fitting the raw texts, but a ticket that sits
in several chunks' baselines is not analysed again.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

import numpy as np

from elsdesk.domain import HUMAN, INTAKE, Incident, Ticket, now_iso, parse_datetime, unit_key
from elsdesk.ml.similarity import to_seconds
from elsdesk.ml.window_features import WindowFeatures
from elsdesk.ml.text import ticket_text
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.incidents import IncidentRepository, distinct_units

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
    join_gap_hours: float = 1.0  # system-wide bursts this close in time (or overlapping) are one incident
    system_wide_share: float = 0.5  # a burst is system-wide when more than this share of its tickets is
    gather_margin_hours: float = 0.5  # a system-wide burst takes in system-wide tickets this close to it


# the taxonomy's module for "the whole system slow or down" (README: Prestanda och driftstörning)
SYSTEM_WIDE_MODULE = "prestanda_driftstorning"


@dataclass(frozen=True)
class Surge:
    """A burst found by :func:`detect_surges` (not yet stored)."""

    ticket_ids: tuple[int, ...]
    first_at: str
    last_at: str
    units: tuple[str, ...]
    label: str
    representative_id: int
    system_wide: bool = False  # about the whole system being slow, frozen or down


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
    features, in_time = WindowFeatures(), _TicketsInTime(repo)
    chunk_start = start_at
    while chunk_start <= end_at:
        chunk_end = min(chunk_start + timedelta(hours=rules.chunk_hours), end_at)
        pool = in_time.between(_iso(chunk_start - window - timedelta(hours=rules.baseline_hours)), _iso(chunk_end))
        first = _iso(chunk_start - window)
        before = [t for t in pool if t.created_at < first]
        scale = 1.0
        if len(before) > rules.max_baseline_tickets:
            scale = len(before) / rules.max_baseline_tickets
            before = sorted(random.Random(len(before)).sample(before, rules.max_baseline_tickets), key=lambda t: t.created_at)
        found.extend(_detect_in(before, [t for t in pool if t.created_at >= first], rules, scale, features))
        features.forget_before(_iso(chunk_end - window - timedelta(hours=rules.baseline_hours)))
        chunk_start = chunk_end + timedelta(seconds=1)
    return _join_system_wide(database, _merge_overlapping(found), rules)


class _TicketsInTime:
    """The desk's tickets created in a time range that only moves forward (a chunk and the hours
    before it), each read from the desk once: the next range's tickets are those kept from the last
    one and those created after its end."""

    def __init__(self, repo: TicketRepository):
        self.repo = repo
        self.tickets: list[Ticket] = []
        self.read_to: str | None = None

    def between(self, start: str, end: str) -> list[Ticket]:
        """Tickets created from *start* up to and including *end*, oldest first (as
        ``TicketRepository.created_between``); both only ever later than the last call's."""
        if self.read_to is None or start > self.read_to:
            self.tickets = self.repo.created_between(start, end)
        else:
            self.tickets = [t for t in self.tickets if t.created_at >= start] + self.repo.created_after(self.read_to, end)
        self.read_to = end
        return list(self.tickets)


def record_surges(database: Database, surges: list[Surge], rules: SurgeRules = SurgeRules()) -> SurgeScan:
    """Store surges as incidents: link to an incident that already holds some of the tickets (open
    incidents the surge spans are gathered into one), or to an open system-wide incident at the
    same time when the surge is system-wide too; else create one."""
    repo = IncidentRepository(database)
    near = _system_wide_incidents_near(database, surges, rules)  # read before the write lock is taken
    created_ids, extended_ids, gone = [], [], set()
    with database.write():
        for index, surge in enumerate(surges):
            incident_id, gathered = _incident_of(repo, surge)
            gone.update(gathered)  # gathered into incident_id: no longer there
            created_ids = [i for i in created_ids if i not in gone]
            extended_ids = [i for i in extended_ids if i not in gone]
            incident_id = incident_id or (near.get(index) if near.get(index) not in gone else None)
            if incident_id is not None:
                added = repo.link(incident_id, surge.ticket_ids, surge.first_at, surge.last_at)
                if (added or gathered) and incident_id not in created_ids:
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
    return record_surges(database, detect_surges(database, start, end, rules), rules)


def scan_days(database: Database, first_day: date | None = None, last_day: date | None = None,
              rules: SurgeRules = SurgeRules()) -> SurgeScan:
    """Scan the tickets created from *first_day* through *last_day* (whole days); without one of
    them, from the desk's oldest ticket or to its newest."""
    oldest, newest = IncidentRepository(database).desk_time_span()
    if oldest is None:
        return SurgeScan()
    start = f"{first_day.isoformat()}T00:00:00" if first_day else oldest
    end = f"{last_day.isoformat()}T23:59:59" if last_day else newest
    if start > end:
        return SurgeScan()
    return scan_for_incidents(database, start=start, end=end, rules=rules)


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()


# -- detection -----------------------------------------------------------------------------
def _detect_in(before: list[Ticket], tickets: list[Ticket], rules: SurgeRules, scale: float = 1.0,
               features: WindowFeatures | None = None) -> list[Surge]:
    """Bursts among *tickets*; *before* are (a sample, 1 in *scale*, of) the earlier tickets that give the usual rate."""
    features = features or WindowFeatures()
    tickets = [t for t in tickets if (t.title or t.description)]
    if len(tickets) < rules.min_tickets or len({_unit(t) for t in tickets} - {""}) < rules.min_units:
        return []  # no burst can come of them: nothing to vectorise (a big file from one unit costs nothing)
    if len(tickets) > rules.max_chunk_tickets:
        half = len(tickets) // 2
        logger.info("surge scan: %d tickets in one chunk, splitting", len(tickets))
        overlap = max(_overlap_start(tickets, half, rules.window_hours), half // 2)  # always shrinks
        return (_detect_in(before, tickets[:half], rules, scale, features)
                + _detect_in(before, tickets[overlap:], rules, scale, features))
    try:
        vectors = features.vectors([(t.id, t.created_at, ticket_text(t.title, t.description)) for t in before + tickets])
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
    links = adjacent.sum(axis=1)  # neighbours still remaining, kept up to date as bursts take tickets
    while True:
        degree = np.where(remaining & ~tried, links, -1)
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
        links -= adjacent[:, members].sum(axis=1)
        chosen = [tickets[i] for i in members]
        surges.append(Surge(
            ticket_ids=tuple(t.id for t in chosen), first_at=chosen[0].created_at, last_at=chosen[-1].created_at,
            units=distinct_units(t.unit for t in chosen),
            label=tickets[centre].title, representative_id=tickets[centre].id,
        ))
    return surges


def _usual_count(centre, earlier, earlier_times, vectors, times, first: int, rules: SurgeRules, scale: float) -> float:
    """How many tickets similar to *centre* came in the baseline period before *first*."""
    if rules.baseline_factor <= 0 or rules.baseline_hours <= 0:
        return 0.0
    since = first - int(rules.baseline_hours * 3600)
    count = 0.0
    dense_centre = centre.toarray().ravel()  # a sparse matrix times a dense vector: one pass, no sparse result to build
    for matrix, when, weight in ((earlier, earlier_times, scale), (vectors, times, 1.0)):
        if matrix.shape[0]:
            scores = np.asarray(matrix @ dense_centre).ravel()
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


# -- one outage in many words ----------------------------------------------------------------
def _close(first_a: str, last_a: str, first_b: str, last_b: str, rules: SurgeRules) -> bool:
    """Whether two time spans overlap or lie within ``join_gap_hours`` of each other."""
    gap = timedelta(hours=rules.join_gap_hours)
    return parse_datetime(first_a) <= parse_datetime(last_b) + gap and parse_datetime(first_b) <= parse_datetime(last_a) + gap


def _surges_close(a: Surge, b: Surge, rules: SurgeRules) -> bool:
    return _close(a.first_at, a.last_at, b.first_at, b.last_at, rules)


def _join_system_wide(database: Database, surges: list[Surge], rules: SurgeRules) -> list[Surge]:
    """Surges close in time that are each about the whole system being slow, frozen or down, as one
    surge (the largest names it), with the other tickets of its hours that say the same in other
    words; every other surge as it was."""
    if not surges:
        return surges
    flags = _system_wide_flags(database, [list(s.ticket_ids) for s in surges], rules)
    joined: list[Surge] = []
    for surge, wide in zip(surges, flags):
        surge = replace(surge, system_wide=wide)
        partner = next((n for n, other in enumerate(joined)
                        if wide and other.system_wide and _surges_close(other, surge, rules)), None)
        if partner is None:
            joined.append(surge)
        else:
            joined[partner] = _joined(joined[partner], surge)
    joined = [_with_same_hours_reports(database, s, rules) if s.system_wide else s for s in joined]
    return _without_outage_tickets(joined, rules)


def _without_outage_tickets(surges: list[Surge], rules: SurgeRules) -> list[Surge]:
    """Each ticket in one surge: a ticket a system-wide surge holds leaves a narrower one ("utskriftskön
    hänger" beside "Cosmic hänger sig"), which is kept only while it still has enough tickets and units."""
    taken = {i for s in surges if s.system_wide for i in s.ticket_ids}
    kept = []
    for surge in surges:
        if not surge.system_wide and taken & set(surge.ticket_ids):
            ids = tuple(i for i in surge.ticket_ids if i not in taken)
            if len(ids) < rules.min_tickets:
                continue
            surge = replace(surge, ticket_ids=ids)
        kept.append(surge)
    return kept


def _with_same_hours_reports(database: Database, surge: Surge, rules: SurgeRules) -> Surge:
    """A system-wide *surge* with the other tickets from its hours (``gather_margin_hours`` either
    side) that are about the whole system too ("Cosmic jättesegt" beside "Cosmic hänger sig"): in
    an outage they report the same thing, in words too far apart for the burst to hold them."""
    margin = timedelta(hours=rules.gather_margin_hours)
    around = TicketRepository(database).created_between(_iso(parse_datetime(surge.first_at) - margin),
                                                        _iso(parse_datetime(surge.last_at) + margin))
    held = set(surge.ticket_ids)
    others = [t for t in around if t.id not in held and (t.title or t.description)]
    modules = _modules_of(database, others)
    extra = [t for t in others if modules.get(t.id) == SYSTEM_WIDE_MODULE]
    if not extra:
        return surge
    return Surge(surge.ticket_ids + tuple(t.id for t in extra), min([surge.first_at] + [t.created_at for t in extra]),
                 max([surge.last_at] + [t.created_at for t in extra]), distinct_units(surge.units + tuple(t.unit for t in extra)),
                 surge.label, surge.representative_id, True)


def _joined(a: Surge, b: Surge) -> Surge:
    """One surge of two; the one with more tickets gives the label."""
    main = a if len(a.ticket_ids) >= len(b.ticket_ids) else b
    return Surge(tuple(dict.fromkeys(a.ticket_ids + b.ticket_ids)), min(a.first_at, b.first_at),
                 max(a.last_at, b.last_at), distinct_units(a.units + b.units), main.label, main.representative_id,
                 a.system_wide and b.system_wide)


def _system_wide_flags(database: Database, groups: list[list[int]], rules: SurgeRules) -> list[bool]:
    """For each group of ticket ids: whether more than ``system_wide_share`` of its tickets are about
    the whole system (their module, a person's label first, else the desk's model)."""
    repo = TicketRepository(database)
    tickets = {t.id: t for t in repo.fetch_many(list({i for group in groups for i in group}))}
    modules = _modules_of(database, list(tickets.values()))
    return [sum(modules.get(i) == SYSTEM_WIDE_MODULE for i in group) > rules.system_wide_share * len(group)
            for group in groups]


def _modules_of(database: Database, tickets: list[Ticket]) -> dict[int, str | None]:
    """ticket id -> its module: the label a person gave (confirmed or at intake), else the active
    model's suggestion for its text now (an import's tickets are not classified yet), else the
    model label it has."""
    modules = {t.id: t.module for t in tickets}
    unlabelled = [t for t in tickets if t.label_source not in (HUMAN, INTAKE) or not t.module]
    if not unlabelled:
        return modules
    from elsdesk.ml.store import ModelError
    from elsdesk.services.classification import active_model  # the model only when bursts meet

    try:
        model, _card = active_model(database)
    except ModelError as exc:
        logger.warning("surge scan: no model to tell a system-wide burst (%s); bursts are joined by labels only", exc)
        return modules
    predictions = model.predict([{"title": t.title, "description": t.description} for t in unlabelled])
    modules.update({t.id: p.module for t, p in zip(unlabelled, predictions)})
    return modules


def _incident_of(repo: IncidentRepository, surge: Surge) -> tuple[int | None, list[int]]:
    """The incident that already holds some of *surge*'s tickets (None: none does), and the ids of
    the incidents gathered into it: when the tickets are spread over several open incidents (found
    apart by an earlier scan), those become the one holding most."""
    linked = repo.incidents_of(surge.ticket_ids, status=None)
    if not linked:
        return None, []
    held = list(linked.values())
    incidents = {i: repo.get(i) for i in set(held)}
    if len(incidents) > 1 and all(i.status == "open" for i in incidents.values()):
        keep = max(incidents, key=lambda i: (held.count(i), -i))
        gathered = [i for i in incidents if i != keep]
        repo.absorb(keep, gathered)
        return keep, gathered
    return max(incidents), []


def _system_wide_incidents_near(database: Database, surges: list[Surge], rules: SurgeRules) -> dict[int, int]:
    """surge index -> an open system-wide incident close in time, for each system-wide surge whose
    tickets no incident holds yet (an outage reported in other words than the incident found first)."""
    repo = IncidentRepository(database)
    candidates = repo.list_incidents("open")
    if not candidates:
        return {}
    near: dict[int, int] = {}
    wide_incident: dict[int, bool] = {}
    for index, surge in enumerate(surges):
        close = [i for i in candidates if _close(i.first_at, i.last_at, surge.first_at, surge.last_at, rules)]
        if not close or repo.incidents_of(surge.ticket_ids, status=None):
            continue
        if not surge.system_wide and not _system_wide_flags(database, [list(surge.ticket_ids)], rules)[0]:
            continue
        for incident in close:
            if incident.id not in wide_incident:
                wide_incident[incident.id] = _system_wide_flags(database, [list(repo.ticket_ids(incident.id))], rules)[0]
            if wide_incident[incident.id]:
                near[index] = incident.id
                break
    return near
