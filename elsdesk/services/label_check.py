"""Likely mistakes: labels people set (in the queue or at intake) that the model, cross-validated,
strongly disagrees with, worst first, so that a slip of the key is caught.

Each labelled ticket is predicted by a model trained on the seed corpus and the other folds of
the desk's labelled tickets, never on the ticket itself; :func:`elsdesk.ml.label_issues.label_issues`
picks the strong disagreements. Runs in the background (a fit per fold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import numpy as np
from sklearn.model_selection import GroupKFold

from elsdesk.corpus import load_seed_corpus
from elsdesk.ml.label_issues import label_issues, twin_issues
from elsdesk.ml.text import fold
from elsdesk.domain import Cancelled
from elsdesk.services.permissions import CHECK_LABELS, require
from elsdesk.services.training_data import WEIGHTS, labelled_rows
from elsdesk.storage import Database

FOLDS = 5
MIN_TICKETS = 20
_NOT_A_LETTER = re.compile(r"[^a-z]+")


def _near_duplicate_key(row: dict) -> str:
    """A ticket's text with case, å/ä/ö, digits, punctuation and spacing left out. Twins that differ only
    in those ("behovsläkemedel" / "behovslakemedel") share a fold: a slip on one twin, trained on, made
    the model call the other, correct twin the mistake (a tester's finding)."""
    text = fold(f"{row['title']} {row['description']}".casefold())
    return _NOT_A_LETTER.sub(" ", text).strip()


@dataclass(frozen=True)
class LikelyMistake:
    ticket_id: int
    external_id: str
    title: str
    field: str  # "module" or "kind"
    given: str
    suggested: str
    given_probability: float
    suggested_probability: float
    source: str  # "human" (confirmed) or "intake"


def likely_mistakes(database: Database, folds: int = FOLDS, limit: int = 200,
                    progress: Callable[[int, int], None] | None = None,
                    is_cancelled: Callable[[], bool] | None = None) -> list[LikelyMistake]:
    """The desk's likely label mistakes, worst first (empty below MIN_TICKETS labelled tickets)."""
    from elsdesk.services.classification import fit_model

    require(database, CHECK_LABELS)
    rows = labelled_rows(database)
    if len(rows) < max(MIN_TICKETS, folds):
        return []
    seed = load_seed_corpus()
    groups = [_near_duplicate_key(r) for r in rows]  # one text, however typed, never in two folds
    folds = min(folds, len(set(groups)))
    if folds < 2:
        return []
    module_p: list[np.ndarray | None] = [None] * len(rows)
    kind_p: list[np.ndarray | None] = [None] * len(rows)
    module_classes: list[str] = []
    kind_classes: list[str] = []
    for number, (train_index, test_index) in enumerate(GroupKFold(n_splits=folds).split(rows, groups=groups), start=1):
        if is_cancelled and is_cancelled():
            raise Cancelled("kontrollen avbröts")
        model = fit_model(seed, [rows[i] for i in train_index])
        test = [rows[i] for i in test_index]
        modules, kinds = model.probabilities(test)
        module_classes = _union(module_classes, model.module_labels)
        kind_classes = _union(kind_classes, model.kind_labels)
        for position, i in enumerate(test_index):
            module_p[i] = dict(zip(model.module_labels, modules[position]))
            kind_p[i] = dict(zip(model.kind_labels, kinds[position]))
        if progress:
            progress(number, folds)
    found = []
    for field, probabilities, classes in (("module", module_p, module_classes), ("kind", kind_p, kind_classes)):
        indexes = [i for i, r in enumerate(rows) if r.get(field)]
        matrix = np.array([[probabilities[i].get(c, 0.0) for c in classes] for i in indexes])
        given = [rows[i][field] for i in indexes]
        issues = label_issues(given, matrix, classes)
        listed = {issue.index for issue in issues}
        issues += [issue for issue in twin_issues(given, matrix, classes, [groups[i] for i in indexes])
                   if issue.index not in listed]
        for issue in issues:
            row = rows[indexes[issue.index]]
            found.append(LikelyMistake(row["id"], row["external_id"] or "", row["title"], field, issue.given,
                                       issue.suggested, round(issue.given_probability, 4),
                                       round(issue.suggested_probability, 4), row["source"]))
    found.sort(key=lambda m: (m.given_probability, -m.suggested_probability))
    return found[:limit]


def checkable_count(database: Database) -> int:
    """How many tickets :func:`likely_mistakes` checks: those with a person's module (confirmed or at intake)."""
    marks = ", ".join("?" * len(WEIGHTS))
    return database.query(f"SELECT count(*) FROM tickets WHERE label_source IN ({marks}) AND module IS NOT NULL",
                          tuple(WEIGHTS))[0][0]


def _union(known: list[str], more: list[str]) -> list[str]:
    return known + [label for label in more if label not in known]


def take_model_label(database: Database, mistake: LikelyMistake, actor: str):
    """A super-user agrees with the model: the ticket gets the suggested label as a review decision."""
    from elsdesk.services.review import confirm_labels
    from elsdesk.storage import TicketRepository

    ticket = TicketRepository(database).get(mistake.ticket_id)
    module = mistake.suggested if mistake.field == "module" else ticket.module
    kind = mistake.suggested if mistake.field == "kind" else ticket.kind
    return confirm_labels(database, ticket.id, module, kind, actor)
