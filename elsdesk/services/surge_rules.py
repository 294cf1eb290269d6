"""What a possible incident is, and what surge detection reads to decide it (used by
:mod:`elsdesk.services.surges` and :mod:`elsdesk.services.surge_joins`).

* ``SurgeRules``: the thresholds, ``Surge``: a burst found (not yet stored).
* The **usual rate** (:class:`DeskHistory`): a burst must be at least ``baseline_factor`` times as
  many tickets as usually come in one window: the similar tickets of the previous 72 hours, scaled
  to one window at that time of day (by the share of the desk's tickets that come then, never less
  than a window's share of a day: a question asked every morning is measured against mornings,
  not against quiet nights) and to how busy the whole desk is in that window (on a Monday twice as
  busy as usual each ordinary question comes twice as often: the burst must then be three times
  the share of the window's tickets that such tickets usually have). On a desk's first days the
  rate is measured over the hours it has had tickets, not over 72 hours it did not exist.
* **Labels** (:class:`TicketLabels`): each ticket's module and kind, a person's label where given,
  else the desk's model. A **system-wide outage report** is about the whole system being slow,
  frozen or down (module ``prestanda_driftstorning``) and says something is broken or down (kind
  fel or driftstorning, or no kind known): a question about the reserve routine before a planned
  stop is not one.
* **Kinds** (:func:`kinds_allow_incident`): a burst mostly of how-to questions or wishes (kind
  handhavande or onskemal: more than ``kind_share`` of its tickets whose kind is known) is a
  training need, not an incident. On a desk's **first day** (less than ``first_day_hours`` of
  tickets before the burst) there is no usual rate to compare with, so a burst counts only when
  most of its tickets say something is broken or down: set-up waves of go-live day (accounts and
  roles for new staff, kind konfiguration) are left to the desk, an outage on day one (a login
  service down for everyone) is still one.

Without a model (none loaded, or a broken one) only the labels a ticket has are read, and a burst
none of whose kinds is known is kept.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from elsdesk.domain import HUMAN, INTAKE, MODEL, Ticket
from elsdesk.storage import Database

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
    few_units_tickets: int = 10  # system-wide outage reports in a window from fewer than min_units units
    kind_share: float = 0.5  # a burst is mostly questions (on a first day: mostly faults) above this share
    first_day_hours: float = 24.0  # a burst this soon after the desk's first ticket has no usual rate


def incident_label(title: str | None, units) -> str:
    """What a burst is called: its central report's title without the units and places it names (eight outage
    reports of six units were "Hela Cosmic står still på avd 4", a keyboard tester); as written when that leaves
    less than two words."""
    from elsdesk.topics.names import without_places

    return without_places(title or "", units)


@dataclass(frozen=True)
class Surge:
    """A burst found by :func:`elsdesk.services.surges.detect_surges` (not yet stored)."""

    ticket_ids: tuple[int, ...]
    first_at: str
    last_at: str
    units: tuple[str, ...]
    label: str
    representative_id: int
    system_wide: bool = False  # about the whole system being slow, frozen or down


@dataclass(frozen=True)
class DeskHistory:
    """How long the desk has had tickets before a moment: what its usual rate can be measured over."""

    start: int | None  # its first ticket's time (to_seconds); None: the usual rate over the whole baseline
    rules: SurgeRules

    def hours_known(self, first: int) -> float:
        """The hours before *first* the usual rate is measured over: the baseline period, or on a
        desk's first days the hours it has had tickets (at least one window), so that a question
        asked all of go-live day is not measured against three days nobody asked it."""
        if self.start is None:
            return self.rules.baseline_hours
        return min(self.rules.baseline_hours, max(self.rules.window_hours, (first - self.start) / 3600))

    def first_day(self, first: int) -> bool:
        """Whether *first* is on the desk's first day: too soon after its first ticket for a usual rate."""
        return self.start is not None and first - self.start < self.rules.first_day_hours * 3600

    def above_usual(self, count: int, usual: float, first: int, earlier_times: np.ndarray, scale: float,
                    times: np.ndarray) -> bool:
        """Whether *count* tickets in a window from *first* on are at least ``baseline_factor`` times
        the *usual* count of such tickets (in the hours known before *first*) scaled to one window.

        The scaling never lowers that bar below the rate over the whole period, and raises it
        (a) by the share of the desk's tickets that come at that time of day (*earlier_times*, a
        sample of 1 in *scale*), so that a question asked every morning is measured against mornings,
        not against the nights the desk is quiet, and (b) by how much busier the whole desk is in
        that window (*times*: the tickets scanned) than usual at that time of day, so that on a
        Monday twice as busy as usual each ordinary question comes twice as often too."""
        rules = self.rules
        hours = max(self.hours_known(first), 1e-9)
        window = int(rules.window_hours * 3600)
        share = rules.window_hours / 24
        if hours >= 24 and len(earlier_times):
            share = max(share, np.count_nonzero((earlier_times - first) % 86400 < window) / len(earlier_times))
        per_window = share * 24 / hours  # the part of the hours known's tickets one window then usually gets
        since = first - int(rules.baseline_hours * 3600)
        known = (scale * np.count_nonzero((earlier_times >= since) & (earlier_times < first))
                 + np.count_nonzero((times >= since) & (times < first)))
        busy = 1.0
        if known:
            busy = max(1.0, np.count_nonzero((times >= first) & (times <= first + window)) / (known * per_window))
        return count >= rules.baseline_factor * usual * per_window * busy


# the taxonomy's module for "the whole system slow or down" (README: Prestanda och driftstörning)
SYSTEM_WIDE_MODULE = "prestanda_driftstorning"
OUTAGE_KINDS = ("fel", "driftstorning")  # something is broken, or down or slow
# modules whose faults are a shared device's or service's, down for several units at once whatever words each uses
# ("Etikettskrivaren skriver inte", "Armband skrivs inte ut", "Label printer not working"; "NPÖ laddar inte",
# "Ingen kontakt med NPÖ"): printers and scanners, integrations, the login service
SHARED_SERVICE_MODULES = ("utskrift_hardvara", "integrationer", "inloggning_siths")
SHARED_SERVICE_WINDOW_HOURS = 2.0  # their reports come within this (the whole system's within the rules' window)
QUESTION_KINDS = ("handhavande", "onskemal")  # the user does not know how, or wishes it were otherwise

Labels = tuple[str | None, str | None]  # (module, kind)


class TicketLabels:
    """Each ticket's (module, kind) for one scan: a person's labels where they gave them, else the
    active model's: stored on the ticket when that version labelled it, guessed from its text now
    otherwise (an import's tickets are not classified yet), else the labels it has. Each ticket is
    guessed once per scan, however many windows read it; a desk whose tickets the active model has
    labelled needs no model loaded at all."""

    def __init__(self, database: Database):
        self.database = database
        self.known: dict[int, Labels] = {}
        self._model = None
        self._no_model = False
        self._active_version: str | None = None

    def of(self, tickets: Iterable[Ticket]) -> dict[int, Labels]:
        tickets = list(tickets)
        new = {t.id: t for t in tickets if t.id not in self.known}
        if new:
            unsure = [t for t in new.values() if _persons_module(t) is None or _persons_kind(t) is None]
            guessed = self._guess(unsure)
            for t in new.values():
                module, kind = guessed.get(t.id, (t.module, t.kind))
                self.known[t.id] = (_persons_module(t) or module, _persons_kind(t) or kind)
        return {t.id: self.known[t.id] for t in tickets}

    def modules(self, tickets: Iterable[Ticket]) -> dict[int, str | None]:
        return {i: module for i, (module, _kind) in self.of(tickets).items()}

    def _guess(self, tickets: list[Ticket]) -> dict[int, Labels]:
        if not tickets:
            return {}
        version = self._version()
        to_read = [t for t in tickets if not _labelled_by(t, version)]  # the others are what it would say
        model = self._active_model() if to_read else None
        if model is None:
            return {}
        predictions = model.predict([{"title": t.title, "description": t.description} for t in to_read])
        return {t.id: (str(p.module), str(p.kind)) for t, p in zip(to_read, predictions)}

    def _version(self) -> str | None:
        """The desk's active model version, read once per scan (no model is loaded for it)."""
        if self._active_version is None:
            from elsdesk.services.classification import model_store

            self._active_version = model_store(self.database).active_version()
        return self._active_version

    def _active_model(self):
        if self._model is None and not self._no_model:
            from elsdesk.ml.store import ModelError
            from elsdesk.services.classification import active_model  # the model only when a scan reads labels

            try:
                self._model, _card = active_model(self.database)
            except ModelError as exc:
                self._no_model = True
                logger.warning("surge scan: no model to read tickets' modules and kinds (%s); their labels only", exc)
        return self._model


def _labelled_by(ticket: Ticket, version: str | None) -> bool:
    """Whether the model *version* gave *ticket* the module and kind it has."""
    return (version is not None and ticket.label_source == MODEL and ticket.model_version == version
            and bool(ticket.module) and bool(ticket.kind))


def _persons_module(ticket: Ticket) -> str | None:
    return ticket.module if ticket.label_source in (HUMAN, INTAKE) and ticket.module else None


def _persons_kind(ticket: Ticket) -> str | None:
    # a kind imported without a module has no label source, and is still a person's
    return ticket.kind if ticket.kind and ticket.label_source != MODEL else None


def is_system_wide_report(labels: Labels) -> bool:
    """Whether a ticket with these labels reports the whole system slow, frozen or down."""
    module, kind = labels
    return module == SYSTEM_WIDE_MODULE and (kind is None or kind in OUTAGE_KINDS)


def is_shared_service_fault(labels: Labels, module: str) -> bool:
    """Whether a ticket with these labels reports *module*'s shared device or service broken or down (a kind is
    needed: a question about the printer is no fault of it)."""
    return labels[0] == module and labels[1] in OUTAGE_KINDS


def kinds_allow_incident(kinds: Iterable[str | None], first_day: bool, share: float) -> bool:
    """Whether a burst whose tickets have these *kinds* may be an incident: not when more than *share*
    of the known kinds are questions or wishes, nor, on a desk's *first_day*, unless more than *share*
    of them say something is broken or down."""
    known = [k for k in kinds if k]
    if not known:
        return True
    if sum(k in QUESTION_KINDS for k in known) > share * len(known):
        return False
    return not first_day or sum(k in OUTAGE_KINDS for k in known) > share * len(known)
