"""One outage written many ways is one possible incident; a wave of questions is none.

An outage of the whole system is written many ways ("Cosmic fryser", "systemet svarar inte",
"timglaset snurrar"), in words that share too little for one burst of similar tickets. So the
system-wide outage reports (:func:`~elsdesk.services.surge_rules.is_system_wide_report`: a person's
label, else the desk's model) of one window are counted together, whatever their words
(:func:`system_wide_bursts`): they are a surge when they meet the rule together, at least
``min_tickets`` from ``min_units`` units, or, from fewer units (one emergency department frozen),
at least ``few_units_tickets`` (10: twice the tickets, because one unit's reports may be one
workstation's trouble), above their usual rate. Bursts of similar tickets that are each mostly
about the whole system, and such surges, whose times overlap or lie within ``join_gap_hours`` of
each other are one incident with the other whole-system tickets of their hours
(:func:`join_system_wide`). Bursts about anything narrower (a printer queue, an integration) stay
apart even at the same hour: they are different problems with different owners, and a ticket an
outage holds leaves them. A later scan joins a system-wide burst to an open system-wide incident
of the same time (:func:`system_wide_incidents_near`).

A shared device or service down for several units (the label printers of a building, an integration,
the login service: :data:`~elsdesk.services.surge_rules.SHARED_SERVICE_MODULES`) is written in words
that share as little: its fault reports are counted together per module in the same way
(:func:`shared_service_bursts`), from ``min_units`` units at least, none of which sent more than
:data:`MAX_UNIT_SHARE` of them (one ward's printer with a stray printer fault elsewhere is no incident), and joined
with the bursts of similar tickets they share tickets with.

Bursts mostly of how-to questions or wishes, and on a desk's first day bursts not mostly of faults,
are no surge (:func:`not_questions`, the rule in :mod:`elsdesk.services.surge_rules`).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

import numpy as np

from elsdesk.domain import Ticket, parse_datetime, unit_key
from elsdesk.ml.similarity import to_seconds
from elsdesk.services.surge_rules import (SHARED_SERVICE_MODULES, SHARED_SERVICE_WINDOW_HOURS, SYSTEM_WIDE_MODULE,
                                          DeskHistory, Surge, SurgeRules, TicketLabels, is_shared_service_fault,
                                          incident_label, is_system_wide_report, kinds_allow_incident)
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.incidents import IncidentRepository, distinct_units

logger = logging.getLogger(__name__)


def not_questions(bursts: list[Surge], tickets: list[Ticket], labels: TicketLabels,
                  desk: DeskHistory) -> list[Surge]:
    """The *bursts* (of *tickets*) whose kinds allow an incident (:func:`kinds_allow_incident`): a wave
    of how-to questions is a training need, and on a desk's first day only faults and outages count."""
    by_id = {t.id: t for t in tickets}
    kept = []
    for burst in bursts:
        kinds = [kind for _module, kind in labels.of(by_id[i] for i in burst.ticket_ids).values()]
        if kinds_allow_incident(kinds, desk.first_day(to_seconds(burst.first_at)), desk.rules.kind_share):
            kept.append(burst)
        else:
            logger.debug("burst around %r is mostly questions (or no faults on a first day); not a surge", burst.label)
    return kept


def system_wide_bursts(before: list[Ticket], tickets: list[Ticket], rules: SurgeRules, scale: float,
                       labels: TicketLabels, desk: DeskHistory) -> list[Surge]:
    """Bursts of system-wide outage reports among *tickets*, whatever their words ("Cosmic fryser",
    "systemet svarar inte", "timglaset snurrar"): enough of them in one window from enough units (or,
    from fewer units, ``few_units_tickets``), above their usual rate; *before* are (a sample, 1 in
    *scale*, of) the earlier tickets."""
    return _label_bursts(before, tickets, rules, scale, labels, desk, [is_system_wide_report], system_wide=True)


def shared_service_bursts(before: list[Ticket], tickets: list[Ticket], rules: SurgeRules, scale: float,
                          labels: TicketLabels, desk: DeskHistory) -> list[Surge]:
    """Bursts of fault reports about one shared device or service (:data:`SHARED_SERVICE_MODULES`: the label
    printers of a building, an integration, the login service) among *tickets*, whatever their words: at least
    ``min_tickets`` from ``min_units`` units within :data:`SHARED_SERVICE_WINDOW_HOURS`, above their usual rate: a
    device that stops fails for everyone at once, where a recurring problem ("Skriva ut armband", four or five reports
    a day from as many units over a week) comes a few at a time and is a topic, not an incident (the held-out Region
    Björkvik's recurring wristband problem was taken for one in a four-hour window). Their words share too little for
    a burst of similar tickets ("Etikettskrivaren", "Armband skrivs inte ut", "Provetiketter kommer inte": an
    outage-day tester's printers of one building, 8 reports from 5 units, were no incident)."""
    within = replace(rules, window_hours=min(rules.window_hours, SHARED_SERVICE_WINDOW_HOURS))
    return _label_bursts(before, tickets, within, scale, labels, desk, [
        lambda read, m=module: is_shared_service_fault(read, m) for module in SHARED_SERVICE_MODULES], system_wide=False)


def _label_bursts(before: list[Ticket], tickets: list[Ticket], rules: SurgeRules, scale: float, labels: TicketLabels,
                  desk: DeskHistory, kinds_of_report: list, system_wide: bool) -> list[Surge]:
    """Bursts of the *tickets* whose labels one of *kinds_of_report* accepts (each apart), whatever their words; a
    system-wide one may come from fewer units (``few_units_tickets``), any other needs ``min_units``. The tickets'
    times and labels are read once for all of them."""
    tickets = [t for t in tickets if t.title or t.description]
    if len(tickets) < rules.min_tickets:
        return []
    read = labels.of(tickets)
    times = np.array([to_seconds(t.created_at) for t in tickets], dtype=np.int64)
    earlier_times = np.array([to_seconds(t.created_at) for t in before], dtype=np.int64)
    read_before = None  # the baseline's labels are read only once a run needs its usual rate
    surges = []
    for is_report in kinds_of_report:
        counted = np.array([is_report(read[t.id]) for t in tickets], dtype=bool)
        earlier_counted = None
        reports = [t for t, c in zip(tickets, counted) if c]
        while (run := _largest_run(reports, rules, few_units=system_wide)) is not None:
            chosen = [reports[i] for i in run]
            first = to_seconds(chosen[0].created_at)
            usual = 0.0
            if rules.baseline_factor > 0 and rules.baseline_hours > 0:
                if earlier_counted is None:
                    read_before = labels.of(before) if read_before is None else read_before
                    earlier_counted = np.array([is_report(read_before[t.id]) for t in before], dtype=bool)
                since = first - int(rules.baseline_hours * 3600)
                usual = (scale * np.count_nonzero(earlier_counted & (earlier_times >= since) & (earlier_times < first))
                         + np.count_nonzero(counted & (times >= since) & (times < first)))
            if desk.above_usual(len(chosen), usual, first, earlier_times, scale, times):
                named, units = _most_said(chosen), distinct_units(t.unit for t in chosen)
                surges.append(Surge(tuple(t.id for t in chosen), chosen[0].created_at, chosen[-1].created_at,
                                    units, incident_label(named.title, units), named.id, system_wide))
            taken = set(run)  # found, or as many as usual: either way not the start of another burst
            reports = [t for i, t in enumerate(reports) if i not in taken]
    return surges


def _largest_run(reports: list[Ticket], rules: SurgeRules, few_units: bool = True) -> list[int] | None:
    """Indices of the largest run of *reports* (oldest first) within one window that has
    ``min_tickets`` spread over ``min_units`` units (:func:`_spread_over_units`), or (with *few_units*)
    ``few_units_tickets`` from fewer; None: no run has."""
    times = [to_seconds(t.created_at) for t in reports]
    window = int(rules.window_hours * 3600)
    best: list[int] | None = None
    last = 0
    for first in range(len(reports)):
        last = max(last, first)
        while last + 1 < len(reports) and times[last + 1] - times[first] <= window:
            last += 1
        size = last - first + 1
        if size < rules.min_tickets or (best is not None and size <= len(best)):
            continue
        if (few_units and size >= rules.few_units_tickets) or _spread_over_units(reports[first:last + 1], rules):
            best = list(range(first, last + 1))
    return best


# of a burst from several units, the most one unit may send: ten reports of one ward's printer, with a stray printer
# fault from each of two other units in the same two hours, are that ward's printer (a ticket for IT), no incident
MAX_UNIT_SHARE = 2 / 3


def _spread_over_units(reports: list[Ticket], rules: SurgeRules) -> bool:
    """Whether *reports* come from ``min_units`` units or more, none of which sent more than :data:`MAX_UNIT_SHARE`
    of them."""
    units = Counter(unit_key(t.unit) for t in reports)
    units.pop("", None)
    return len(units) >= rules.min_units and max(units.values()) <= MAX_UNIT_SHARE * len(reports)


def _most_said(tickets: list[Ticket]) -> Ticket:
    """The first ticket with the title most of *tickets* have (however cased): the burst's name. Among titles said
    as often, the one whose words the burst's reports say most: "Segt", "Systemet svarar inte", "Cosmic fryser"
    and "Cosmic hänger sig" twice each named an outage "Segt", where nearly every report says "Cosmic"."""
    counts: dict[str, int] = {}
    for t in tickets:
        key = " ".join(t.title.split()).casefold()
        counts[key] = counts.get(key, 0) + 1
    most = max(counts.values())
    tied = [t for t in tickets if counts[" ".join(t.title.split()).casefold()] == most]
    if len({" ".join(t.title.split()).casefold() for t in tied}) == 1:
        return tied[0]
    said = Counter(word for t in tickets for word in _telling_words(f"{t.title} {t.description or ''}"))
    return max(tied, key=lambda t: sum(said[word] for word in _telling_words(t.title)))  # the first of equals


def _telling_words(text: str) -> set[str]:
    """The words of *text* that can name something (lower case, three letters or more, no stop word)."""
    from elsdesk.ml.text import stop_words

    stops = stop_words()
    return {word for word in re.findall(r"\w{3,}", text.casefold()) if word not in stops and not word.isdigit()}


# -- joining ----------------------------------------------------------------------------------
def _close(first_a: str, last_a: str, first_b: str, last_b: str, rules: SurgeRules) -> bool:
    """Whether two time spans overlap or lie within ``join_gap_hours`` of each other."""
    gap = timedelta(hours=rules.join_gap_hours)
    return parse_datetime(first_a) <= parse_datetime(last_b) + gap and parse_datetime(first_b) <= parse_datetime(last_a) + gap


def _surges_close(a: Surge, b: Surge, rules: SurgeRules) -> bool:
    return _close(a.first_at, a.last_at, b.first_at, b.last_at, rules)


def join_system_wide(database: Database, surges: list[Surge], rules: SurgeRules,
                     labels: TicketLabels) -> list[Surge]:
    """Surges close in time that are each about the whole system being slow, frozen or down, as one
    surge (the largest names it), with the other tickets of its hours that say the same in other
    words; every other surge as it was."""
    if not surges:
        return surges
    flags = _system_wide_flags(database, [list(s.ticket_ids) for s in surges], rules, labels)
    joined: list[Surge] = []
    for surge, wide in zip(surges, flags):
        surge = replace(surge, system_wide=wide)
        partner = next((n for n, other in enumerate(joined)
                        if wide and other.system_wide and _surges_close(other, surge, rules)), None)
        if partner is None:
            joined.append(surge)
        else:
            joined[partner] = _joined(joined[partner], surge)
    joined = [_with_same_hours_reports(database, s, rules, labels) if s.system_wide else s for s in joined]
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


def _with_same_hours_reports(database: Database, surge: Surge, rules: SurgeRules,
                             labels: TicketLabels) -> Surge:
    """A system-wide *surge* with the other tickets from its hours (``gather_margin_hours`` either
    side) that are about the whole system too ("Cosmic jättesegt" beside "Cosmic hänger sig"): in
    an outage they report the same thing, in words too far apart for the burst to hold them."""
    margin = timedelta(hours=rules.gather_margin_hours)
    around = TicketRepository(database).created_between(_iso(parse_datetime(surge.first_at) - margin),
                                                        _iso(parse_datetime(surge.last_at) + margin))
    held = set(surge.ticket_ids)
    others = [t for t in around if t.id not in held and (t.title or t.description)]
    modules = labels.modules(others)
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


def _system_wide_flags(database: Database, groups: list[list[int]], rules: SurgeRules,
                       labels: TicketLabels) -> list[bool]:
    """For each group of ticket ids: whether more than ``system_wide_share`` of its tickets are about
    the whole system (their module, a person's label first, else the desk's model)."""
    repo = TicketRepository(database)
    tickets = {t.id: t for t in repo.fetch_many(list({i for group in groups for i in group}))}
    modules = labels.modules(tickets.values())
    return [sum(modules.get(i) == SYSTEM_WIDE_MODULE for i in group) > rules.system_wide_share * len(group)
            for group in groups]


def system_wide_incidents_near(database: Database, surges: list[Surge], rules: SurgeRules) -> dict[int, int]:
    """surge index -> an open system-wide incident close in time, for each system-wide surge whose
    tickets no incident holds yet (an outage reported in other words than the incident found first)."""
    repo = IncidentRepository(database)
    candidates = repo.list_incidents("open")
    if not candidates:
        return {}
    labels = TicketLabels(database)
    near: dict[int, int] = {}
    wide_incident: dict[int, bool] = {}
    for index, surge in enumerate(surges):
        close = [i for i in candidates if _close(i.first_at, i.last_at, surge.first_at, surge.last_at, rules)]
        if not close or repo.incidents_of(surge.ticket_ids, status=None):
            continue
        if not surge.system_wide and not _system_wide_flags(database, [list(surge.ticket_ids)], rules, labels)[0]:
            continue
        for incident in close:
            if incident.id not in wide_incident:
                held = [list(repo.ticket_ids(incident.id))]
                wide_incident[incident.id] = _system_wide_flags(database, held, rules, labels)[0]
            if wide_incident[incident.id]:
                near[index] = incident.id
                break
    return near


def _iso(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat()
