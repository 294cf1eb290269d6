"""Compare a new model with the active one, honestly: on tickets neither was trained on, with the
number of tickets and an uncertainty range, and no number at all when there is too little to say.

Pure functions over labelled rows (dicts with title, description, module, kind) and fitted
models; the service chooses the rows (the newest confirmed tickets the active model never saw).
One measure throughout: the share of tickets whose module the model got right.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score

MIN_TICKETS = 30
MIN_MODULES = 3
NEAR_DUPLICATE = 0.9  # cosine similarity of character n-grams at or above which two tickets are one
NOT_WORSE_MARGIN = 0.02  # the new model is activated unless it got this much (and over one ticket) fewer right, or clearly fewer
SURE = 0.80  # the active model's confidence at which its module counts as what it "says" (the default Hög cut)
MIN_CONTRADICTIONS = 5  # fewer contradicted tickets than this are no reason to hold a new model back

MEASURED = "measured"
TOO_FEW = "too_few"
NO_ACTIVE = "no_active_model"
BETTER, SAME, WORSE = "better", "same", "worse"


@dataclass
class Score:
    """One model on the evaluation tickets."""

    version: str | None
    correct: int
    n: int
    low: float  # 95% interval of the share right
    high: float
    macro_f1: float | None = None
    kind_correct: int | None = None
    kind_n: int | None = None

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0


@dataclass
class Comparison:
    """What the app says about a new model: measured (with figures) or why it cannot say."""

    status: str
    n: int = 0
    modules: int = 0
    eligible: int = 0
    near_duplicates: int = 0
    reason: str | None = None  # "few_tickets" or "few_modules" when status is TOO_FEW
    new: Score | None = None
    active: Score | None = None
    difference: float | None = None
    difference_low: float | None = None
    difference_high: float | None = None
    min_tickets: int = MIN_TICKETS
    min_modules: int = MIN_MODULES
    # when no comparison was possible: held-out tickets whose confirmed module the active model knows
    # but where it was sure (SURE) of another one; most of them means the labels contradict it
    contradicted: int = 0
    predictions: list = field(default_factory=list, repr=False)  # the new model's, for the confidence rule
    active_predictions: list = field(default_factory=list, repr=False)  # the active model's, for its quality figures

    @property
    def verdict(self) -> str | None:
        """better/same/worse when measured with an active model: 'same' when the range holds zero."""
        if self.status != MEASURED or self.difference is None:
            return None
        if self.difference_low > 0:
            return BETTER
        if self.difference_high < 0:
            return WORSE
        return SAME

    @property
    def contradicts_active(self) -> bool:
        """No comparison was possible and the held-out confirmed labels contradict the active model
        on most of the tickets: where it was sure of a module it knows, they name another module it
        knows (a desk's own new module contradicts nothing). A new model trained on such labels
        unlearns what the active model and the seed corpus agree on, so it is not activated unasked."""
        return (self.status == TOO_FEW and self.contradicted >= MIN_CONTRADICTIONS
                and 2 * self.contradicted > self.n)

    @property
    def not_worse(self) -> bool:
        """Activate the new model? When measured: yes unless it got clearly fewer right (more than
        NOT_WORSE_MARGIN fewer, or fewer with the whole 95% range below zero; one ticket's
        difference on a small set is noise, not a reason to keep a model that learnt less). When
        there was too little to compare: yes unless the labels contradict the active model
        (:attr:`contradicts_active`), so a new desk still learns from its first confirmations."""
        if self.difference is None:
            return not self.contradicts_active
        # one ticket is more than the margin on a small set (1 of 30 is 3.3 points): a tester's new model, one ticket
        # behind and "same" by the range, was held back as worse
        margin = max(NOT_WORSE_MARGIN, 1.0 / self.n + 1e-9) if self.n else NOT_WORSE_MARGIN
        return self.difference >= -margin and self.verdict != WORSE

    def to_json(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("predictions", "active_predictions")}
        for name in ("new", "active"):
            if data[name] is not None:
                data[name] = asdict(data[name])
        for name in ("new", "active"):
            score = getattr(self, name)
            if score is not None:
                data[name]["accuracy"] = round(score.accuracy, 4)
        data["verdict"] = self.verdict
        data["contradicts_active"] = self.contradicts_active
        return data


def text_of(row: dict) -> str:
    return f"{row.get('title') or ''} {row.get('description') or ''}".strip().lower()


def near_duplicate_mask(candidates: list[dict], training: list[dict], threshold: float = NEAR_DUPLICATE) -> np.ndarray:
    """True for each candidate whose text is (nearly) the same as a training ticket's, by
    character n-grams of the text as written."""
    if not candidates or not training:
        return np.zeros(len(candidates), dtype=bool)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform([text_of(r) for r in training] + [text_of(r) for r in candidates])
    return near_duplicates_by_features(matrix[len(training):], matrix[: len(training)], threshold)


def near_duplicates_by_features(candidates, training, threshold: float = NEAR_DUPLICATE) -> np.ndarray:
    """True for each row of *candidates* whose cosine similarity to some row of *training* (both
    sparse matrices of the same non-negative features, rows of unit length) is at least *threshold*.

    The similarities are the sparse product of the rows, but only of the pairs that can reach
    *threshold* (:func:`_possible_pairs`): the rest are below it, so the same rows come out as from
    the whole product (a retrain's 2,000 held-out tickets × 24,000 training tickets: the product
    was 0.5-0.7 s, most of it for the pairs that share only the commonest words)."""
    best = np.zeros(candidates.shape[0], dtype=np.float32)
    if candidates.shape[0] == 0 or training.shape[0] == 0:
        return best >= 1.0
    candidates, training = sp.csr_matrix(candidates), sp.csr_matrix(training)
    cut = threshold - 1e-6
    possible = _possible_pairs(candidates, training, cut)
    transposed = training.T.tocsr() if possible is None else None
    for start in range(0, candidates.shape[0], 256):
        if possible is None:
            others = transposed
        else:  # a row's similarity to a training row is the same sum whichever other training rows are read beside it
            used = np.unique(possible[start : start + 256].indices)
            if not len(used):
                continue
            others = training[used].T.tocsr()
        block = candidates[start : start + 256] @ others
        # the largest similarity per row straight from the product's data: similarities are never
        # negative, and sparse max() would first sort every row of this large product
        starts = block.indptr[:-1]
        filled = np.diff(block.indptr) > 0
        if filled.any():
            best[start : start + block.shape[0]][filled] = np.maximum.reduceat(block.data, starts[filled])
    return best >= cut


COMMON_FEATURES = 200  # the features shared by most pairs of rows, whose part of a similarity is bounded, not summed
# a similarity's rounding (float32 sums of a few hundred terms) is far below this: a pair is dropped only
# when even its bound plus this is below the threshold
_BOUND_SLACK = 1e-3
_MOST_COMMON_ONLY_PAIRS = 2_000_000  # more pairs of rows made mostly of common features: the whole product


def _possible_pairs(candidates: sp.csr_matrix, training: sp.csr_matrix, cut: float) -> sp.csr_matrix | None:
    """True at each (candidate, training row) whose similarity may be *cut* or more; None when working it
    out would cost about as much as the whole product.

    A similarity is the sum of what the rare features give (summed here, over the few pairs that share
    one) and what the COMMON_FEATURES commonest give, at most the product of the two rows' lengths in
    those features (Cauchy-Schwarz). Pairs that share no rare feature get only the latter: they can
    reach *cut* only when both rows are almost all common features, and for those few rows it is summed
    (dense) instead of bounded."""
    work = np.bincount(candidates.indices, minlength=candidates.shape[1]).astype(np.float64) \
        * np.bincount(training.indices, minlength=training.shape[1])
    commonest = np.argsort(-work, kind="stable")[:COMMON_FEATURES]
    common = np.zeros(candidates.shape[1], dtype=bool)
    common[commonest[work[commonest] > 0]] = True
    rare = sp.diags((~common).astype(candidates.dtype))
    shared = ((candidates @ rare) @ (training @ rare).T.tocsr()).tocoo()
    common_a, common_b = _lengths_in(candidates, common), _lengths_in(training, common)
    near = shared.data + common_a[shared.row] * common_b[shared.col] >= cut - _BOUND_SLACK
    rows, columns = [shared.row[near]], [shared.col[near]]
    mostly_a = np.flatnonzero(common_a >= cut - _BOUND_SLACK)
    mostly_b = np.flatnonzero(common_b >= cut - _BOUND_SLACK)
    if len(mostly_a) * len(mostly_b) > _MOST_COMMON_ONLY_PAIRS:
        return None
    if len(mostly_a) and len(mostly_b):
        features = np.flatnonzero(common)
        from_b = training[mostly_b][:, features].toarray().astype(np.float64).T
        for start in range(0, len(mostly_a), 256):
            part = mostly_a[start : start + 256]
            i, j = np.nonzero(candidates[part][:, features].toarray().astype(np.float64) @ from_b >= cut - _BOUND_SLACK)
            rows.append(part[i])
            columns.append(mostly_b[j])
    rows, columns = np.concatenate(rows), np.concatenate(columns)
    shape = (candidates.shape[0], training.shape[0])
    return sp.csr_matrix((np.ones(len(rows), dtype=bool), (rows, columns)), shape=shape)


def _lengths_in(matrix: sp.csr_matrix, features: np.ndarray) -> np.ndarray:
    """Each row's length (Euclidean) in *features* (a mask of columns)."""
    squares = np.where(features[matrix.indices], matrix.data.astype(np.float64) ** 2, 0.0)
    lengths = np.zeros(matrix.shape[0])
    filled = np.diff(matrix.indptr) > 0
    if filled.any():
        lengths[filled] = np.add.reduceat(squares, matrix.indptr[:-1][filled])
    return np.sqrt(lengths)


def wilson(correct: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% interval of a share (Wilson score), sound for small n and shares near 0 or 1."""
    if n == 0:
        return 0.0, 1.0
    p = correct / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return float(max(0.0, centre - half)), float(min(1.0, centre + half))


def paired_interval(new_right: np.ndarray, old_right: np.ndarray) -> tuple[float, float]:
    """95% interval of the difference in share right of two models on the same tickets (Newcombe's
    method 10 for paired proportions, from the Wilson intervals of both). Unlike a bootstrap it
    does not shrink to nothing when the two models happen to err on exactly the same tickets."""
    new_right, old_right = np.asarray(new_right, dtype=bool), np.asarray(old_right, dtype=bool)
    n = len(new_right)
    a = int(np.sum(new_right & old_right))
    b = int(np.sum(new_right & ~old_right))
    c = int(np.sum(~new_right & old_right))
    d = n - a - b - c
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = wilson(a + b, n)
    l2, u2 = wilson(a + c, n)
    product = (a + b) * (c + d) * (a + c) * (b + d)
    if product == 0:
        phi = 0.0
    else:
        cross = a * d - b * c
        cross = max(cross - n / 2, 0.0) if cross > 0 else cross  # Newcombe's continuity correction
        phi = cross / np.sqrt(product)
    difference = p1 - p2
    below = (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2
    above = (u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2
    return float(max(-1.0, difference - np.sqrt(max(below, 0.0)))), float(min(1.0, difference + np.sqrt(max(above, 0.0))))


def score(model, version: str | None, rows: list[dict], predictions=None) -> tuple[Score, np.ndarray, list]:
    predictions = model.predict(rows) if predictions is None else predictions
    true = [r["module"] for r in rows]
    right = np.array([p.module == t for p, t in zip(predictions, true)], dtype=float)
    kinded = [(r["kind"], p.kind) for r, p in zip(rows, predictions) if r.get("kind")]
    low, high = wilson(int(right.sum()), len(rows))
    macro = float(f1_score(true, [p.module for p in predictions], labels=sorted(set(true)), average="macro", zero_division=0))
    result = Score(version, int(right.sum()), len(rows), round(low, 4), round(high, 4), round(macro, 4),
                   sum(int(k == p) for k, p in kinded) if kinded else None, len(kinded) or None)
    return result, right, predictions


def contradicted_by_labels(active_model, rows: list[dict], predictions=None) -> int:
    """How many of *rows* carry a module the active model knows while it was sure (SURE) of
    another module: tickets where the confirmed label says the opposite of what the model says."""
    if not rows:
        return 0
    predictions = active_model.predict(rows) if predictions is None else predictions
    known = set(getattr(active_model, "module_labels", None) or (p.module for p in predictions))
    return sum(1 for row, prediction in zip(rows, predictions)
               if row["module"] in known and row["module"] != prediction.module and prediction.confidence >= SURE)


def compare(new_model, active_model, rows: list[dict], training: list[dict], *, new_version: str | None = None,
            active_version: str | None = None, eligible: int | None = None, duplicates=None,
            active_predictions=None, new_predictions=None) -> Comparison:
    """Score both models on *rows* after dropping near-duplicates of *training*; refuse below the minimums.

    *duplicates* (a bool per row), when the caller already knows which rows are near-duplicates
    of the training tickets (the service measures it on the new model's own features), else
    measured here by :func:`near_duplicate_mask`; *active_predictions* and *new_predictions*,
    the models' predictions for *rows* when the caller already made them."""
    duplicates = near_duplicate_mask(rows, training) if duplicates is None else np.asarray(duplicates, dtype=bool)
    kept = [r for r, dup in zip(rows, duplicates) if not dup]
    if active_predictions is not None:
        active_predictions = [p for p, dup in zip(active_predictions, duplicates) if not dup]
    if new_predictions is not None:
        new_predictions = [p for p, dup in zip(new_predictions, duplicates) if not dup]
    modules = len({r["module"] for r in kept})
    base = dict(n=len(kept), modules=modules, eligible=len(rows) if eligible is None else eligible,
                near_duplicates=int(duplicates.sum()))
    if len(kept) < MIN_TICKETS or modules < MIN_MODULES:
        contradicted = contradicted_by_labels(active_model, kept, active_predictions) if active_model is not None else 0
        return Comparison(TOO_FEW, reason="few_tickets" if len(kept) < MIN_TICKETS else "few_modules",
                          contradicted=contradicted, **base)
    new, new_right, predictions = score(new_model, new_version, kept, new_predictions)
    result = Comparison(MEASURED if active_model is not None else NO_ACTIVE, new=new,
                        predictions=list(zip(kept, predictions)), **base)
    if active_model is not None:
        active, old_right, active_predictions = score(active_model, active_version, kept, active_predictions)
        result.active = active
        result.active_predictions = active_predictions
        result.difference = round(float(new_right.mean() - old_right.mean()), 4)
        low, high = paired_interval(new_right, old_right)
        result.difference_low, result.difference_high = round(low, 4), round(high, 4)
    return result
