"""Surge detection: a burst of similar tickets from several units within a few hours is a possible
incident (a printer queue, an integration or the whole system down).

Rule (``SurgeRules``): at least 5 tickets similar to one central ticket (cosine ≥ 0.2), each also
similar to another of them (a centre that touches several things is no burst of them all), from at
least 3 different units, within 4 hours, and at least 3 times the usual rate of such tickets (the
previous 72 hours, at that time of day and for how busy the desk is: so a question that comes every
day is not an incident; :class:`~elsdesk.services.surge_rules.DeskHistory`). Texts are compared
with the classifier's feature recipe (stems, stem pairs and character n-grams, TF-IDF fitted on
the tickets around the burst). Measured on the seed corpus (features fitted there), it puts 48 %
of the pairs that describe the same problem above 0.2, against 2.5 % of pairs of other problems
in the same module and 0.1 % across modules; stems and stem pairs alone manage 9 % / 0.1 % /
0.01 %, too few same-problem pairs for a burst to hang together. Found tickets are linked to an incident
(``incidents`` + ``incident_tickets``), never merged; a later scan that finds more of the same
burst links them to the same incident.

What the tickets are about decides too (:mod:`elsdesk.services.surge_joins`, the rules in
:mod:`elsdesk.services.surge_rules`): a wave of how-to questions is a training need, not an
incident, and on a desk's first day only faults and outages count; an outage of the whole system
written many ways is one incident, found from its reports together even when no single wording is
a burst, and from one or two units when they send ``few_units_tickets`` (10) of them in a window;
narrower problems at the same hour stay apart. A later scan joins a burst to an open incident of
the same kind and time, and one burst that spans several open incidents gathers them into one.

A scan of a long span (an import of a month) cleans, stems and counts each ticket's text once
(:class:`elsdesk.ml.window_features.WindowFeatures`): each chunk still fits its own TF-IDF on its
tickets and their baseline, with the same vectors as fitting the raw texts, but a ticket that sits
in several chunks' baselines is not analysed again. Each ticket's labels are read once a scan.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from elsdesk.domain import Incident, Ticket, now_iso, parse_datetime, unit_key
from elsdesk.ml.similarity import to_seconds
from elsdesk.ml.window_features import WindowFeatures
from elsdesk.ml.text import ticket_text
from elsdesk.services.surge_joins import (join_system_wide, not_questions, shared_service_bursts, system_wide_bursts,
                                          system_wide_incidents_near)
from elsdesk.services.surge_rules import DeskHistory, Surge, SurgeRules, TicketLabels, incident_label
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.incidents import IncidentRepository, distinct_units

logger = logging.getLogger(__name__)


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
    pooled: list[Surge] = []  # apart until joined: a burst sharing a few tickets with an outage is not part of it
    features, in_time, labels = WindowFeatures(), _TicketsInTime(repo), TicketLabels(database)
    oldest = IncidentRepository(database).desk_time_span()[0]
    desk = DeskHistory(to_seconds(oldest) if oldest else None, rules)
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
        chunk = [t for t in pool if t.created_at >= first]
        bursts = _detect_in(before, chunk, rules, scale, features, desk)
        found.extend(not_questions(bursts, chunk, labels, desk))
        found.extend(shared_service_bursts(before, chunk, rules, scale, labels, desk))  # joined with word bursts below
        pooled.extend(system_wide_bursts(before, chunk, rules, scale, labels, desk))
        features.forget_before(_iso(chunk_end - window - timedelta(hours=rules.baseline_hours)))
        chunk_start = chunk_end + timedelta(seconds=1)
    return join_system_wide(database, _merge_overlapping(found) + _merge_overlapping(pooled), rules, labels)


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
    near = system_wide_incidents_near(database, surges, rules)  # read before the write lock is taken
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
                name = _spelled_label(database, surge)
                created_ids.append(repo.create(name, surge.first_at, surge.last_at, now_iso(), surge.ticket_ids))
    scan = SurgeScan([repo.get(i) for i in created_ids], [repo.get(i) for i in dict.fromkeys(extended_ids)])
    scan.extended = [i for i in scan.extended if i.status == "open"]
    return scan


def _spelled_label(database: Database, surge: Surge) -> str:
    """A new incident's name: its surge's (the most central ticket's title) spelled as most of its
    tickets spell its words, as a topic's name is: one report's "Cosimc fryser" named an outage that
    fifteen others wrote "Cosmic". Only a surge that makes an incident is named, so only its tickets
    are read (a handful, in the write that creates it)."""
    if not surge.label:
        return surge.label
    from elsdesk.services.topics import _reference_texts
    from elsdesk.topics.names import respelled, week_spelling

    texts = [ticket_text(t.title, t.description) for t in TicketRepository(database).fetch_many(sorted(surge.ticket_ids))]
    return respelled(surge.label, week_spelling(texts, _reference_texts()))


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
               features: WindowFeatures | None = None, desk: DeskHistory | None = None
               ) -> list[Surge]:
    """Bursts among *tickets*; *before* are (a sample, 1 in *scale*, of) the earlier tickets that give the usual rate."""
    features = features or WindowFeatures()
    desk = desk or DeskHistory(None, rules)
    tickets = [t for t in tickets if (t.title or t.description)]
    units = [_unit(t) for t in tickets]  # each ticket's unit read once, not once per window tried around it
    if len(tickets) < rules.min_tickets or len(set(units) - {""}) < rules.min_units:
        return []  # no burst can come of them: nothing to vectorise (a big file from one unit costs nothing)
    if len(tickets) > rules.max_chunk_tickets:
        half = len(tickets) // 2
        logger.info("surge scan: %d tickets in one chunk, splitting", len(tickets))
        overlap = max(_overlap_start(tickets, half, rules.window_hours), half // 2)  # always shrinks
        return (_detect_in(before, tickets[:half], rules, scale, features, desk)
                + _detect_in(before, tickets[overlap:], rules, scale, features, desk))
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
        members = _hanging_together(np.flatnonzero(adjacent[centre] & remaining).tolist(), centre, adjacent)
        members.sort(key=lambda i: (times[i], tickets[i].id))
        burst = _best_window(members, times, units, window, rules)
        if burst is None:
            continue
        usual = _usual_count(vectors[centre], earlier, earlier_times, similarity[centre], times, times[burst[0]], rules, scale)
        if not desk.above_usual(len(burst), usual, int(times[burst[0]]), earlier_times, scale, times):
            logger.debug("similar tickets around %s come as often as usual; not a surge", tickets[centre].external_id)
            # nearly the same text has nearly the same neighbours and usual rate: not tried again as a centre
            tried[[i for i in burst if similarity[centre, i] >= SAME_TEXT_SIMILARITY]] = True
            continue
        remaining[members] = False
        links -= adjacent[:, members].sum(axis=1)
        chosen = [tickets[i] for i in members]
        burst_units = distinct_units(t.unit for t in chosen)
        surges.append(Surge(
            ticket_ids=tuple(t.id for t in chosen), first_at=chosen[0].created_at, last_at=chosen[-1].created_at,
            units=burst_units, label=incident_label(tickets[centre].title, burst_units),
            representative_id=tickets[centre].id,
        ))
    return surges


def _hanging_together(neighbours: list[int], centre: int, adjacent: np.ndarray) -> list[int]:
    """The centre and those of its *neighbours* that are also alike with another of them: a ticket that
    shares only the centre's words is left out. A centre that mentions several things ("fel i cosmic: dubbla
    rader i läkemedelslistan efter inskrivning") is alike with a ticket about each of them, and five
    problems made one burst around it; the tickets of one incident are alike among themselves."""
    kept = list(neighbours)
    while kept:
        among = adjacent[np.ix_(kept, kept)].sum(axis=1)
        alone = among == 0
        if not alone.any():
            break
        kept = [i for i, lonely in zip(kept, alone) if not lonely]
    return kept + [centre]


def _usual_count(centre, earlier, earlier_times, alike_now: np.ndarray, times, first: int, rules: SurgeRules,
                 scale: float) -> float:
    """How many tickets similar to *centre* came in the baseline period before *first*: among the *earlier* ones
    (a sample, each counting *scale*) and among the scanned ones, whose similarities to it are *alike_now*."""
    if rules.baseline_factor <= 0 or rules.baseline_hours <= 0:
        return 0.0
    since = first - int(rules.baseline_hours * 3600)
    count = float(np.count_nonzero((alike_now >= rules.min_similarity) & (times >= since) & (times < first)))
    if earlier.shape[0]:
        # a sparse matrix times a dense vector: one pass, no sparse result to build
        scores = np.asarray(earlier @ centre.toarray().ravel()).ravel()
        count += scale * int(np.count_nonzero((scores >= rules.min_similarity) & (earlier_times >= since) & (earlier_times < first)))
    return count


def _unit(ticket: Ticket) -> str:
    return unit_key(ticket.unit)


SAME_TEXT_SIMILARITY = 0.6  # far above min_similarity: what a ticket written nearly the same way scores


def _best_window(members: list[int], times: np.ndarray, units: list[str], window: int,
                 rules: SurgeRules) -> list[int] | None:
    """The largest run of *members* within one window that has enough tickets and units (*units*: each ticket's
    unit as :func:`_unit` reads it, "" for none)."""
    best = None
    last = 0
    for first in range(len(members)):
        last = max(last, first)
        while last + 1 < len(members) and times[members[last + 1]] - times[members[first]] <= window:
            last += 1
        run = members[first : last + 1]
        if len(run) < rules.min_tickets or (best is not None and len(run) <= len(best)):
            continue
        if len({units[i] for i in run} - {""}) >= rules.min_units:
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


