"""Likely mistakes between twins: the same text typed twice ("behovsläkemedel" / "behovslakemedel"), one of them
slipped to another module. A tester saw the list call the correct twins the mistakes: they fell in other folds
than the slip, and the model trained on the slip disagreed with them. Twins now share a fold, and the model,
trained on neither, decides between them."""

from __future__ import annotations

import numpy as np
import pytest

from elsdesk.domain import HUMAN
from elsdesk.ml.label_issues import twin_issues
from elsdesk.services import classification
from elsdesk.services.label_check import _near_duplicate_key, likely_mistakes
from test_learning_loop import insert, varied_rows

MODULES = ["behorighet_roller", "kassa_avgifter", "lakemedel", "remiss"]


def test_a_twin_the_model_doubts_is_the_mistake_where_the_other_twin_has_the_label_it_gives():
    classes = ["a", "b", "c"]
    given = ["a", "b", "a", "c"]
    groups = ["x", "x", "y", "z"]
    probabilities = np.array([[0.6, 0.05, 0.35], [0.6, 0.05, 0.35], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8]])
    issues = twin_issues(given, probabilities, classes, groups)
    assert [(i.index, i.given, i.suggested) for i in issues] == [(1, "b", "a")]
    unsure = np.array([[0.45, 0.1, 0.45], [0.45, 0.1, 0.45], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8]])
    assert twin_issues(given, unsure, classes, groups) == []  # the model does not decide: nobody is blamed


def test_twins_differing_in_case_accents_digits_and_punctuation_share_a_key():
    first = {"title": "Ordinera vid behov", "description": "Hur ordinerar man vid behovsläkemedel, maxdos 4/dygn?"}
    second = {"title": "ordinera  vid behov", "description": "hur ordinerar man vid behovslakemedel maxdos 6/dygn"}
    assert _near_duplicate_key(first) == _near_duplicate_key(second)
    assert _near_duplicate_key(first) != _near_duplicate_key({"title": "Ordinera", "description": "vid behov"})


@pytest.mark.sqlite_only
def test_the_slipped_twin_is_listed_and_the_correct_one_is_not(memory_db, monkeypatch):
    rows = varied_rows(40, modules=("lakemedel", "remiss", "kassa_avgifter", "behorighet_roller"))
    twin = {"title": "Ordinera vid behov", "description": "Hur ordinerar man vid behovsläkemedel med maxdos?",
            "module": "lakemedel", "kind": "handhavande"}
    slipped = dict(twin, description="Hur ordinerar man vid behovslakemedel med maxdos?", module="kassa_avgifter")
    ids = {}
    for i, row in enumerate(rows + [twin, slipped]):
        ticket = insert(memory_db, row["title"], module=row["module"], kind=row["kind"], source=HUMAN,
                        created=f"2025-04-28T{8 + i % 9:02d}:{i % 60:02d}:00")
        with memory_db.write():
            memory_db.conn.execute("UPDATE tickets SET description = ? WHERE id = ?", (row["description"], ticket.id))
        ids[id(row)] = ticket.id
    truth = {_near_duplicate_key(r): r["module"] for r in rows + [twin]}

    class Learner:
        """Repeats the label its training rows give a text (as a model that learnt a slip does) and knows
        the rest only fairly (below the confident-learning threshold)."""

        module_labels, kind_labels = MODULES, ["fel", "handhavande"]

        def __init__(self, train):
            self.learnt = {_near_duplicate_key(r): r["module"] for r in train}

        def probabilities(self, test):
            modules = []
            for r in test:
                key = _near_duplicate_key(r)
                label, sure = (self.learnt[key], 0.95) if key in self.learnt else (truth[key], 0.6)
                modules.append([sure if m == label else (1 - sure) / 3 for m in MODULES])
            return np.array(modules), np.array([[0.9, 0.1] for _ in test])

    monkeypatch.setattr(classification, "fit_model", lambda seed, train: Learner(train))
    found = likely_mistakes(memory_db, folds=4)
    assert [(m.ticket_id, m.given, m.suggested) for m in found if m.field == "module"] == [
        (ids[id(slipped)], "kassa_avgifter", "lakemedel")]
