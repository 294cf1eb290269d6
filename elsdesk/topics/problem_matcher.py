"""ProblemMatcher: which known problem a new ticket belongs to, learnt from the tickets people linked.

Each known problem is the centroid of its linked tickets' vectors (stemmed words and word pairs
joined by character n-grams, as the topic finder compares tickets). A new ticket is placed under
the nearest problem only when it is clearly close (cosine at least :data:`THRESHOLD`), clearly
closer than to the next problem (:data:`MARGIN`), and in the same module when both are known: a
wrong link costs a trainer more than a missing one, so anything unsure stays for the proposals.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from elsdesk.ml.text import ticket_text
from elsdesk.topics.finder import _char_text, analyse

THRESHOLD = 0.25  # measured on held-out go-live weeks (bench/bench_topic_quality.py): precision 0.85, recall 0.18
MARGIN = 0.03


class ProblemMatcher:
    def __init__(self, threshold: float = THRESHOLD, margin: float = MARGIN, reference_texts: list[str] | None = None):
        self.threshold = threshold
        self.margin = margin
        self.reference_texts = reference_texts or []
        self.problem_ids: list[int] = []
        self.modules: list[str | None] = []
        self._centroids = None

    def fit(self, texts: list[str], problem_ids: list[int], modules: list[str | None]) -> "ProblemMatcher":
        """Learn each problem from its linked tickets' texts (title and description joined)."""
        if not texts:
            return self
        self._words = TfidfVectorizer(analyzer=analyse, sublinear_tf=True, dtype=np.float32)
        self._chars = TfidfVectorizer(preprocessor=_char_text, analyzer="char_wb", ngram_range=(4, 5),
                                      sublinear_tf=True, dtype=np.float32)
        self._words.fit(texts + self.reference_texts)
        self._chars.fit(texts + self.reference_texts)
        vectors = self._vectors(texts)
        members: dict[int, list[int]] = defaultdict(list)
        module_votes: dict[int, Counter] = defaultdict(Counter)
        for index, (problem_id, module) in enumerate(zip(problem_ids, modules)):
            members[problem_id].append(index)
            if module:
                module_votes[problem_id][module] += 1
        self.problem_ids = sorted(members)
        self.modules = [module_votes[p].most_common(1)[0][0] if module_votes[p] else None for p in self.problem_ids]
        rows = [np.asarray(vectors[members[p]].mean(axis=0)).ravel() for p in self.problem_ids]
        self._centroids = normalize(np.vstack(rows))
        return self

    def _vectors(self, texts: list[str]):
        return normalize(hstack([self._words.transform(texts), self._chars.transform(texts) * 0.5]).tocsr())

    def best(self, text: str, module: str | None, threshold: float) -> tuple[int, float] | None:
        """The nearest problem and its similarity when it is at least *threshold* and clearly ahead."""
        if self._centroids is None:
            return None
        row = np.asarray(self._vectors([text]) @ self._centroids.T)[0]
        allowed = np.array([m is None or module is None or m == module for m in self.modules])
        scores = np.where(allowed, row, -1.0)
        order = np.argsort(-scores)
        second = scores[order[1]] if len(order) > 1 else -1.0
        if scores[order[0]] < threshold or scores[order[0]] - second < self.margin:
            return None
        return self.problem_ids[order[0]], float(scores[order[0]])

    def match(self, texts: list[str], modules: list[str | None]) -> list[int | None]:
        """The problem id for each text, or None when no known problem is clearly the one."""
        if self._centroids is None or not texts:
            return [None] * len(texts)
        similarity = np.asarray(self._vectors(texts) @ self._centroids.T)
        allowed_for: dict[str | None, np.ndarray] = {}  # per module, not per ticket: a week has few modules
        result: list[int | None] = []
        for row, module in zip(similarity, modules):
            allowed = allowed_for.get(module)
            if allowed is None:
                allowed = allowed_for[module] = np.array([m is None or module is None or m == module for m in self.modules])
            scores = np.where(allowed, row, -1.0)
            order = np.argsort(-scores)
            best = scores[order[0]]
            second = scores[order[1]] if len(order) > 1 else -1.0
            result.append(self.problem_ids[order[0]] if best >= self.threshold and best - second >= self.margin else None)
        return result


def texts_of(tickets) -> list[str]:
    return [ticket_text(t.title, t.description) for t in tickets]
