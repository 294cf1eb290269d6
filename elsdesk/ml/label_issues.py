"""Find labels a person probably set by mistake, from cross-validated probabilities.

The rule is confident learning (Northcutt et al.), the method behind cleanlab's
``find_label_issues``: for each label j, the threshold t_j is the model's average probability of j
over the tickets labelled j. A ticket counts as confidently belonging to label k when p_k ≥ t_k;
when the most probable such k is not the given label, and the given label is itself below its
threshold, the ticket is a likely mistake; a list for people shows only the strong cases, where the
model gives the other label at least STRONG (a label no ticket carries needs that much to count at
all). Issues are ranked worst first by the probability the
model gives the label a person chose (self-confidence), lowest first.

cleanlab itself would add pandas, tqdm and termcolor (~70 MB) to a desktop install for these
few lines of arithmetic, so the rule is written out here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

STRONG = 0.5
# a twin's label the model gives less than this, where another twin carries the label the model gives STRONG
TWIN_DOUBT = 0.2

@dataclass(frozen=True)
class LabelIssue:
    index: int  # position in the rows given
    given: str
    suggested: str
    given_probability: float
    suggested_probability: float


def label_issues(given: list[str], probabilities: np.ndarray, classes: list[str], strong: float = STRONG) -> list[LabelIssue]:
    """Likely mistakes among *given* labels, worst first.

    *probabilities* holds one row per ticket, out-of-sample (each ticket predicted by a model that
    did not train on it), one column per label in *classes*. A given label the model does not know
    cannot be judged and is skipped."""
    probabilities = np.asarray(probabilities, dtype=float)
    column = {label: i for i, label in enumerate(classes)}
    known = [i for i, label in enumerate(given) if label in column]
    if not known:
        return []
    given_columns = np.array([column[given[i]] for i in known])
    rows = probabilities[known]
    thresholds = np.full(len(classes), strong)
    for j in set(given_columns.tolist()):
        thresholds[j] = rows[given_columns == j, j].mean()
    issues = []
    for position, (i, j) in enumerate(zip(known, given_columns)):
        p = rows[position]
        confident = np.where(p >= thresholds - 1e-12)[0]
        if len(confident) == 0:
            continue
        k = int(confident[np.argmax(p[confident])])
        if k != j and p[j] < thresholds[j] and p[k] >= strong:
            issues.append(LabelIssue(i, given[i], classes[k], float(p[j]), float(p[k])))
    return sorted(issues, key=lambda issue: (issue.given_probability, -issue.suggested_probability))


def twin_issues(given: list[str], probabilities: np.ndarray, classes: list[str], groups: list[str],
                strong: float = STRONG, doubt: float = TWIN_DOUBT) -> list[LabelIssue]:
    """Likely mistakes among twins: tickets of one *groups* key (the same text) that people labelled
    differently. The model, trained on neither twin, decides between them: a twin is a likely mistake when
    the model gives another twin's label at least *strong* and its own below *doubt*. Confident learning
    alone misses such a slip when the model, without the twins, is not as sure as it is on average."""
    probabilities = np.asarray(probabilities, dtype=float)
    column = {label: i for i, label in enumerate(classes)}
    labels_of: dict[str, set[str]] = {}
    for label, group in zip(given, groups):
        labels_of.setdefault(group, set()).add(label)
    issues = []
    for i, (label, group) in enumerate(zip(given, groups)):
        if len(labels_of[group]) < 2 or label not in column:
            continue
        p = probabilities[i]
        k = int(np.argmax(p))
        if classes[k] != label and classes[k] in labels_of[group] and p[k] >= strong and p[column[label]] < doubt:
            issues.append(LabelIssue(i, label, classes[k], float(p[column[label]]), float(p[k])))
    return issues
