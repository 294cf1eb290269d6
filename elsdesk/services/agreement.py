"""Agreement on labels: where super-users disagree, and how often they agree per module with each
other and with the model's suggestion at the time of the decision.

Each person counts once per ticket: their latest decision that is not undone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import combinations

from elsdesk.domain import ReviewDecision, Ticket
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.reviews import ReviewRepository


@dataclass(frozen=True)
class Disagreement:
    """A ticket on which two or more people chose different modules."""

    ticket_id: int
    modules: dict[str, str]  # actor -> module of their latest decision
    decisions: tuple[ReviewDecision, ...]
    ticket: Ticket | None = None


@dataclass
class ModuleAgreement:
    """Counts for one module.

    Between super-users: ``pairs`` is the number of pairs of people deciding the same ticket in
    which at least one chose the module, ``pairs_agreed`` those in which both did.
    With the model: ``chosen`` decisions chose the module and had a model suggestion,
    ``suggested`` had it as the suggestion, ``model_agreed`` both.
    """

    module: str
    pairs: int = 0
    pairs_agreed: int = 0
    chosen: int = 0
    suggested: int = 0
    model_agreed: int = 0

    @property
    def human_agreement(self) -> float | None:
        """Positive specific agreement 2a / (2a + b + c) between super-users, None without pairs."""
        return 2 * self.pairs_agreed / (self.pairs + self.pairs_agreed) if self.pairs else None

    @property
    def model_agreement(self) -> float | None:
        """Share of the decisions for this module where the model had suggested it."""
        return self.model_agreed / self.chosen if self.chosen else None


@dataclass
class AgreementReport:
    modules: dict[str, ModuleAgreement] = field(default_factory=dict)
    human_pairs: int = 0
    human_pairs_agreed: int = 0
    model_decisions: int = 0
    model_agreed: int = 0

    @property
    def human_agreement(self) -> float | None:
        return self.human_pairs_agreed / self.human_pairs if self.human_pairs else None

    @property
    def model_agreement(self) -> float | None:
        return self.model_agreed / self.model_decisions if self.model_decisions else None


def latest_per_person(decisions: list[ReviewDecision]) -> dict[int, dict[str, ReviewDecision]]:
    """ticket id -> actor -> that actor's latest decision (decisions given oldest first)."""
    latest: dict[int, dict[str, ReviewDecision]] = defaultdict(dict)
    for decision in decisions:
        if decision.undone_at is None:
            latest[decision.ticket_id][decision.actor] = decision
    return latest


def disagreements(database: Database) -> list[Disagreement]:
    """Tickets on which different people chose different modules, most recent first."""
    reviews = ReviewRepository(database)
    found = []
    for ticket_id in reviews.tickets_decided_by_several():
        decisions = reviews.decisions(ticket_id)
        people = latest_per_person(decisions)[ticket_id]
        if len({d.module for d in people.values()}) > 1:
            modules = {actor: d.module for actor, d in people.items()}
            found.append(Disagreement(ticket_id, modules, tuple(decisions)))
    tickets = {t.id: t for t in TicketRepository(database).fetch_many([d.ticket_id for d in found])}
    found = [replace(d, ticket=tickets.get(d.ticket_id)) for d in found]
    found.sort(key=lambda d: max(x.at for x in d.decisions), reverse=True)
    return found


def agreement_report(database: Database) -> AgreementReport:
    """Agreement per module between super-users and between super-users and the model."""
    return compute_agreement(ReviewRepository(database).decisions())


def compute_agreement(decisions: list[ReviewDecision]) -> AgreementReport:
    report = AgreementReport()

    def module(name: str) -> ModuleAgreement:
        return report.modules.setdefault(name, ModuleAgreement(name))

    for people in latest_per_person(decisions).values():
        for decision in people.values():
            if decision.suggested_module is None or decision.module is None:
                continue
            report.model_decisions += 1
            module(decision.module).chosen += 1
            module(decision.suggested_module).suggested += 1
            if decision.agrees_with_model:
                report.model_agreed += 1
                module(decision.module).model_agreed += 1
        for a, b in combinations(sorted(people.values(), key=lambda d: d.actor), 2):
            report.human_pairs += 1
            if a.module == b.module:
                report.human_pairs_agreed += 1
                module(a.module).pairs += 1
                module(a.module).pairs_agreed += 1
            else:
                for name in (a.module, b.module):
                    if name is not None:
                        module(name).pairs += 1
    return report
