"""ProblemMatcher: which known problem a new ticket belongs to, learnt from the tickets people linked.

Tickets are vectors of stemmed words and word pairs, character n-grams and an LSA projection on
the reference texts' basis, the parts the topic finder compares, in one
:class:`~elsdesk.topics.term_space.TermSpace` learnt from the linked tickets, the problems' names and
the reference. Each known problem is the sum of
its linked tickets' vectors, and its name is a vector too.

Nearest is not enough: most new tickets belong to no known problem (one-offs, problems nobody has
named yet), and they often share a problem's words ("vårdplan", "diktat"). So the matcher learns,
per desk, when its nearest problem is right: a small logistic model over how close the ticket is
to the problem (its centroid, its closest linked ticket, its name), how far ahead of the next
problem, whether the kind agrees and how many tickets the problem has, each put on one scale
first. It is trained on the linked tickets themselves, each compared with the problems as they
would be without it (right when its own problem comes first) and as if its problem did not exist
yet (always wrong: the ticket of a problem nobody has named), and on the unlinked tickets of the
weeks people linked (one-offs). A ticket is placed only when that model says it is more likely
right than :data:`PLACE_PROBABILITY`: a wrong link costs a trainer more than a missing one, so
anything unsure stays for the proposals.
With too few links to learn from, a plain similarity rule decides (:data:`THRESHOLD`, :data:`MARGIN`, :data:`RULE_FLOOR`).
A ticket that says word for word what a linked ticket says (two content words at least, spelling, case
and greeting aside), or has only a title that linked tickets have, goes under their problem whatever
module the model read it as, unless people linked that wording to two problems: a tester's "SVPL
inskrivning", a title linked twice to a Cosmic Link problem, came back alone as Vårdadministration
and was left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from elsdesk.ml.text import ticket_text

THRESHOLD = 0.25  # the similarity rule, for desks with few links
MARGIN = 0.03
# below this similarity the rule gives no chance at all: scaled from zero, a suggestion (probability 0.3) took a
# similarity of 0.14, which one shared stem reaches ("Patienten skrivs ut i morgon" beside a wristband printer's
# "skriver blanka armband": a keyboard tester's form hinted the printer fault for discharge and referral questions)
RULE_FLOOR = 0.2
PLACE_PROBABILITY = 0.55  # bench/bench_topic_quality.py, assisted case: precision ~0.8 on held-out weeks
CHAR_WEIGHT = 0.5
LSA_WEIGHT = 0.5
LEARNING_C = 0.1          # bench_topic_quality.py --assisted-labels mixed, 5 regions: precision 0.64 -> 0.71, recall 0.60 -> 0.59
MIN_EXAMPLES = 8          # of each outcome (right, wrong) before the desk's own model decides
MAX_TRAINING = 1500       # linked tickets compared when learning (a sample of a large desk)
_BLOCK = 512


@dataclass(frozen=True)
class Placement:
    """A ticket's nearest allowed problem and how likely it is the right one (None: no problem in its module)."""

    problem_id: int | None
    probability: float
    similarity: float


class ProblemMatcher:
    def __init__(self, threshold: float = PLACE_PROBABILITY, reference_texts: list[str] | None = None):
        self.threshold = threshold
        self.reference_texts = reference_texts or []
        self.problem_ids: list[int] = []
        self._model = None
        self._sums = None
        self._twins: dict[tuple[str, ...], int | None] = {}  # a linked text's terms -> its problem (None: several)

    # -- learning ------------------------------------------------------------------------------
    def fit(self, texts: list[str], problem_ids: list[int], modules: list[str | None],
            kinds: list[str | None] | None = None, names: dict[int, str] | None = None,
            unlinked: list[tuple[str, str | None, str | None]] = (), titles: list[str] | None = None) -> "ProblemMatcher":
        """Learn each problem from its linked tickets (texts with their problem, module and kind),
        its name, and when the nearest problem is right; *unlinked* are (text, module, kind) of
        tickets people left unlinked while linking (one-offs); *titles*, the linked tickets' titles, let a
        ticket filed with only a title go where people linked tickets of that title."""
        if not texts:
            return self
        kinds = list(kinds) if kinds is not None else [None] * len(texts)
        names = names or {}
        self._fit_space(texts + [names[p] for p in sorted(names)])
        self.problem_ids = sorted(set(problem_ids))
        column = {p: i for i, p in enumerate(self.problem_ids)}
        self._labels = np.array([column[p] for p in problem_ids])
        self._members = self._vectors(texts)
        self._sums = self._members.sums(self._labels, len(self.problem_ids))
        self._counts = np.bincount(self._labels, minlength=len(self.problem_ids)).astype(np.float32)
        self.modules = _majority(self._labels, modules, len(self.problem_ids))
        self.kinds = _majority(self._labels, kinds, len(self.problem_ids))
        self._allowed: dict[str | None, np.ndarray] = {}
        name_texts = [names.get(p, "") for p in self.problem_ids]
        self._names = self._vectors(name_texts)
        self._model = self._learn_when_right(texts, modules, kinds, unlinked)
        titled = [ticket_text(title, "") for title in titles or ()]
        self._twins = twin_table([*texts, *titled], [*problem_ids, *problem_ids[:len(titled)]])
        return self

    def _fit_space(self, texts: list[str]) -> None:
        from elsdesk.topics.term_space import TermSpace
        from elsdesk.topics.vectors import reference_model

        self._space = TermSpace(texts, reference_model(self.reference_texts), CHAR_WEIGHT, LSA_WEIGHT)

    def _vectors(self, texts: list[str]):
        """Unit rows (:class:`~elsdesk.topics.term_space.SpaceRows`): words, characters and LSA with their weights."""
        return self._space.vectors(texts)

    def _learn_when_right(self, texts, modules, kinds, unlinked):
        """A logistic model of 'the nearest problem is the ticket's own', or None with too few examples."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        rows = np.arange(len(texts))
        if len(rows) > MAX_TRAINING:
            rows = np.sort(np.random.default_rng(0).choice(rows, MAX_TRAINING, replace=False))
        features, outcomes = [], []
        # a linked ticket is compared as one of its problem's: a person put it there, whatever module the model
        # read it as (with the model's modules a linked ticket's own problem was often out of reach, and close
        # matches were learnt as wrong)
        own_modules = [self.modules[self._labels[i]] for i in rows]
        for leave_problem_out in (False, True):
            found = self._features(self._members[rows], own_modules, [kinds[i] for i in rows],
                                   own_rows=rows, leave_problem_out=leave_problem_out)
            for row, (best, values) in zip(rows, found):
                if best is not None:
                    features.append(values)
                    outcomes.append(int(not leave_problem_out and best == self._labels[row]))
        if unlinked:
            found = self._features(self._vectors([t for t, _m, _k in unlinked]), [m for _t, m, _k in unlinked],
                                   [k for _t, _m, k in unlinked])
            for best, values in found:
                if best is not None:
                    features.append(values)
                    outcomes.append(0)
        right = sum(outcomes)
        if right < MIN_EXAMPLES or len(outcomes) - right < MIN_EXAMPLES:
            return None
        # the similarities vary over a tenth of the range the kind's 0/1 does: put on one scale first, or the
        # penalty leaves the model leaning on the kind alone, which a desk's model-guessed kinds do not bear out
        return make_pipeline(StandardScaler(), LogisticRegression(C=LEARNING_C, max_iter=1000)).fit(
            np.array(features), np.array(outcomes))

    # -- comparing -------------------------------------------------------------------------------
    def _features(self, vectors, modules, kinds, own_rows=None, leave_problem_out=False):
        """(nearest allowed problem column or None, feature values) for each row of *vectors*.

        With *own_rows* the rows are linked tickets (their row among the members): each is compared
        without itself, and with *leave_problem_out* without its whole problem. Rows are compared
        module by module with the members of the problems their module may hold, so the products
        stay as small as a module."""
        results: list = [None] * len(vectors)
        sum_norms = self._sums.squared_norms()
        by_module: dict[str | None, list[int]] = defaultdict(list)
        for index, module in enumerate(modules):
            by_module[module].append(index)
        for module, indices in by_module.items():
            allowed = self._allowed_in(module)
            columns = np.flatnonzero(allowed[self._labels])
            members, labels = self._members[columns], self._labels[columns]
            position = {int(c): p for p, c in enumerate(columns)} if own_rows is not None else {}
            for start in range(0, len(indices), _BLOCK):
                chosen = np.array(indices[start:start + _BLOCK])
                block = vectors[chosen]
                to_sums, to_members, to_names = block.dot(self._sums), block.dot(members), block.dot(self._names)
                for offset, index in enumerate(chosen):
                    own = None if own_rows is None else int(own_rows[index])
                    results[index] = self._row_features(
                        to_sums[offset], to_members[offset], labels, to_names[offset], sum_norms, allowed, kinds[index],
                        own, position.get(own), leave_problem_out)
        return results

    def _row_features(self, to_sums, to_members, member_labels, to_names, sum_norms, allowed, kind, own, own_position,
                      leave_problem_out):
        counts, norms = self._counts, sum_norms
        if own is not None:
            mine = self._labels[own]
            to_sums, norms, counts = to_sums.copy(), norms.copy(), counts.copy()
            if own_position is not None:
                to_members[own_position] = -1.0
            if leave_problem_out:
                to_sums[mine], norms[mine] = 0.0, 0.0
                to_members[member_labels == mine] = -1.0
            else:  # the problem as it would be without this ticket: sum - x, |sum - x|² = |sum|² - 2 x·sum + 1
                to_sums[mine] -= 1.0
                norms[mine] = max(norms[mine] - 2.0 * (to_sums[mine] + 1.0) + 1.0, 0.0)
                counts[mine] -= 1
        allowed = allowed & (norms > 1e-9)
        if not allowed.any():
            return None, None
        centroid = np.where(allowed, to_sums / np.sqrt(np.maximum(norms, 1e-18)), -1.0)
        best = int(centroid.argmax())
        second = 0.0
        if allowed.sum() > 1:
            second = float(np.partition(centroid, len(centroid) - 2)[-2])
        members_of_best = member_labels == best
        closest_member = float(np.max(to_members[members_of_best], initial=-1.0))
        closest_other = float(np.max(to_members[~members_of_best], initial=0.0))
        kind_agrees = 0.5 if kind is None or self.kinds[best] is None else float(kind == self.kinds[best])
        return best, [float(centroid[best]), float(centroid[best]) - second, max(closest_member, 0.0),
                      max(closest_other, 0.0), float(to_names[best]), kind_agrees, float(np.log1p(counts[best]))]

    def _allowed_in(self, module: str | None) -> np.ndarray:
        """The problems a ticket of *module* may belong to: those of its module, or of none known."""
        allowed = self._allowed.get(module)
        if allowed is None:
            allowed = self._allowed[module] = np.array([m is None or module is None or m == module for m in self.modules])
        return allowed

    def placements(self, texts: list[str], modules: list[str | None],
                   kinds: list[str | None] | None = None) -> list[Placement]:
        """Each ticket's nearest allowed problem with the probability that it is the ticket's own."""
        if self._sums is None or not texts:
            return [Placement(None, 0.0, 0.0) for _ in texts]
        kinds = list(kinds) if kinds is not None else [None] * len(texts)
        found = self._features(self._vectors(texts), list(modules), kinds)
        values = np.array([v for best, v in found if best is not None])
        if self._model is not None and len(values):
            probabilities = iter(self._model.predict_proba(values)[:, 1])
        else:  # the similarity rule, scaled so that THRESHOLD meets PLACE_PROBABILITY; 0 when not clearly ahead
            probabilities = iter(min(1.0, v[0] / THRESHOLD * PLACE_PROBABILITY) if v[1] >= MARGIN and v[0] >= RULE_FLOOR
                                 else 0.0 for v in values)
        result = []
        for best, v in found:
            if best is None:
                result.append(Placement(None, 0.0, 0.0))
            else:
                result.append(Placement(self.problem_ids[best], float(next(probabilities)), v[0]))
        return result

    def best(self, text: str, module: str | None, threshold: float, kind: str | None = None) -> tuple[int, float] | None:
        """The nearest problem and its similarity when the probability it is right is at least *threshold*
        (a text worded as linked tickets: their problem, as alike as can be)."""
        twin = self._twin(text)
        if twin is not None:
            return twin, 1.0
        placement = self.placements([text], [module], [kind])[0]
        if placement.problem_id is None or placement.probability < threshold:
            return None
        return placement.problem_id, placement.similarity

    def match(self, texts: list[str], modules: list[str | None], kinds: list[str | None] | None = None) -> list[int | None]:
        """The problem id for each text, or None when no known problem is likely enough the one; a text
        worded as a linked ticket goes under that ticket's problem."""
        placed = [p.problem_id if p.problem_id is not None and p.probability >= self.threshold else None
                  for p in self.placements(texts, modules, kinds)]
        return [self._twin(text) or problem_id for text, problem_id in zip(texts, placed)]

    def _twin(self, text: str) -> int | None:
        """The problem people linked tickets worded as *text* to (None: no such ticket, or two problems)."""
        return self._twins.get(_wording(text)) if self._twins else None


def twin_table(texts: list[str], problem_ids: list[int]) -> dict[tuple[str, ...], int | None]:
    """What each linked text says word for word (:func:`_wording`) -> the problem it was linked to (None
    when texts worded alike were linked to two problems)."""
    twins: dict[tuple[str, ...], int | None] = {}
    for text, problem_id in zip(texts, problem_ids):
        key = _wording(text)
        if key is not None:
            twins[key] = problem_id if twins.get(key, problem_id) == problem_id else None
    return twins


def linked_twins(texts: list[str], linked_texts: list[str], problem_ids: list[int]) -> list[int | None]:
    """For each of *texts*, the problem of the linked texts worded word for word as it (*linked_texts*
    with their *problem_ids*), or None."""
    twins = twin_table(linked_texts, problem_ids)
    return [twins.get(_wording(text)) if twins else None for text in texts]


def _wording(text: str) -> tuple[str, ...] | None:
    """What a text says, word for word (its stems and word pairs as the topic finder reads them), or None
    when it says less than two content words: "Kassan" or "Fråga" are worded alike by different problems."""
    from elsdesk.topics.vectors import analyse

    terms = analyse(text)
    return terms if sum(1 for term in terms if "_" not in term) >= 2 else None


def _majority(labels: np.ndarray, values: list, size: int) -> list:
    votes: dict[int, Counter] = defaultdict(Counter)
    for label, value in zip(labels, values):
        if value:
            votes[int(label)][value] += 1
    return [votes[i].most_common(1)[0][0] if votes[i] else None for i in range(size)]


def texts_of(tickets) -> list[str]:
    return [ticket_text(t.title, t.description) for t in tickets]
