"""The classifier's module features fitted again and again on overlapping sets of tickets, each
ticket counted once (the incident scan's time windows).

A scan of a fortnight fits its own TF-IDF (stems, stem pairs, character n-grams; the recipe of
:func:`elsdesk.ml.model.build_features`) on every 12-hour chunk and the 72 hours before it, so a
ticket sits in about seven fits. :class:`WindowFeatures` cleans, stems and counts each ticket
once, in columns of its own that only grow, and makes each fit from those counts: the terms that
pass the fit's ``min_df``/``max_features`` among its tickets (scikit-learn's rule and tie order),
IDF from those tickets, (sublinear) TF, rows scaled per part, the parts weighted and joined. The
rows are those of ``normalize(build_features().fit_transform(texts))`` with their columns in
another order, which no dot product sees (the tests compare them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from elsdesk.ml.text import prepared as prepared_text
from elsdesk.ml.vectorizing import char_wb_ngrams

MAX_TERMS = 3_000_000  # columns kept across a scan before its counts start again (memory stays bounded)


@dataclass(frozen=True)
class _Part:
    """One part of the feature union: how its terms are cut and pruned, and its weight."""

    name: str
    min_df: int
    max_features: int | None
    weight: float
    sublinear_tf: bool
    smooth_idf: bool
    ngram_range: tuple[int, int]


def _parts() -> list[_Part]:
    """The parts as :func:`elsdesk.ml.model.build_features` configures them (one source of truth)."""
    from elsdesk.ml.model import build_features

    union = build_features().named_steps["features"]
    weights = union.transformer_weights or {}
    parts = []
    for name, vectorizer in union.transformer_list:
        if isinstance(vectorizer.min_df, float) or vectorizer.max_df != 1.0 or vectorizer.norm != "l2":
            raise ValueError(f"window features do not know the settings of the '{name}' features")
        parts.append(_Part(name, vectorizer.min_df, vectorizer.max_features, weights.get(name, 1.0),
                           vectorizer.sublinear_tf, vectorizer.smooth_idf, vectorizer.ngram_range))
    return parts


class WindowFeatures:
    """Per-ticket term counts kept for a scan, and TF-IDF rows fitted on any set of the tickets."""

    def __init__(self) -> None:
        self._parts = _parts()
        self._columns: list[dict[str, int]] = [{} for _ in self._parts]  # term -> column, per part
        self._terms: list[list[str]] = [[] for _ in self._parts]  # column -> term, per part
        self._words: dict[str, int] = {}  # the character part's words (counted word by word) -> id
        self._word_grams: list[np.ndarray] = []  # word id -> its character n-gram columns
        self._analysed: dict[object, list[np.ndarray]] = {}  # key -> per part its terms' columns (chars: word ids)
        self._created: dict[object, str] = {}

    def vectors(self, keyed_texts: list[tuple[object, str, str]]) -> sp.csr_matrix:
        """L2-normalised TF-IDF rows of the texts, fitted on them. Each item is (key, created_at,
        raw text); a key (a ticket id) names the same text at every call, None is counted afresh.
        ValueError, as the vectorizers give it, when a part has no term to keep."""
        rows = [self._of(key, created, text) for key, created, text in keyed_texts]
        blocks = []
        for index, part in enumerate(self._parts):
            counts, used = self._counts(part, [row[index] for row in rows])
            blocks.append(self._fitted(part, index, counts, used) * part.weight)
        return normalize(sp.hstack(blocks, format="csr", dtype=np.float32)).tocsr()

    def forget_before(self, moment: str) -> None:
        """Drop the analyses of texts created before *moment* (no later fit reads them); start the
        columns again when they have grown past :data:`MAX_TERMS`."""
        for key in [k for k, created in self._created.items() if created < moment]:
            del self._analysed[key], self._created[key]
        if sum(len(terms) for terms in self._terms) > MAX_TERMS:
            self.__init__()

    # -- analysing (once per text) -----------------------------------------------------------
    def _of(self, key, created: str, text: str) -> list[np.ndarray]:
        if key is not None and key in self._analysed:
            return self._analysed[key]
        char_text, stems = prepared_text(text)
        analyses = {"words": stems, "word_pairs": [f"{a} {b}" for a, b in zip(stems, stems[1:])]}
        analysed = [self._word_ids(char_text.split(), index) if part.name == "chars"
                    else self._columns_of(index, analyses[part.name]) for index, part in enumerate(self._parts)]
        if key is not None:
            self._analysed[key], self._created[key] = analysed, created
        return analysed

    def _columns_of(self, index: int, terms) -> np.ndarray:
        columns, names = self._columns[index], self._terms[index]
        found = []
        for term in terms:
            column = columns.get(term)
            if column is None:
                column = columns[term] = len(names)
                names.append(term)
            found.append(column)
        return np.asarray(found, dtype=np.int64)

    def _word_ids(self, words: list[str], index: int) -> np.ndarray:
        """The ids of the character part's *words*, each new word cut into its n-grams once."""
        low, high = self._parts[index].ngram_range
        found = []
        for word in words:
            word_id = self._words.get(word)
            if word_id is None:
                word_id = self._words[word] = len(self._word_grams)
                self._word_grams.append(self._columns_of(index, char_wb_ngrams(word, low, high)))
            found.append(word_id)
        return np.asarray(found, dtype=np.int64)

    # -- fitting (once per set of texts) -----------------------------------------------------
    def _counts(self, part: _Part, analysed: list[np.ndarray]) -> tuple[sp.csr_matrix, np.ndarray]:
        """Term counts of the texts (a row each) in local columns, and each local column's column of
        the part. Character n-grams are counted word by word: (texts x words) @ (words x n-grams)."""
        per_text, used = _local_counts(analysed)
        if part.name != "chars":
            return per_text, used
        grams, used_grams = _local_counts([self._word_grams[word] for word in used])
        counts = (per_text @ grams).tocsr()
        counts.sum_duplicates()
        return counts, used_grams

    def _fitted(self, part: _Part, index: int, counts: sp.csr_matrix, used: np.ndarray) -> sp.csr_matrix:
        """The part's TF-IDF rows (norm l2) from *counts*, in columns of the terms it keeps, pruned
        and weighed as its vectorizer does (the same errors where it finds nothing to keep)."""
        documents = counts.shape[0]
        if not counts.shape[1]:
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        if documents < part.min_df:
            raise ValueError("max_df corresponds to < documents than min_df")
        frequency = np.bincount(counts.indices, minlength=counts.shape[1])
        keep = frequency >= part.min_df
        if part.max_features is not None and keep.sum() > part.max_features:
            keep = self._most_frequent(index, used, counts, keep, part.max_features)
        if not keep.any():
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        counts = counts[:, np.flatnonzero(keep)] if not keep.all() else counts
        data = counts.data.astype(np.float64)
        if part.sublinear_tf:
            data = np.log(data) + 1.0
        df = frequency[keep].astype(np.float64)
        idf = np.log((1.0 + documents) / (1.0 + df)) + 1.0 if part.smooth_idf else np.log(documents / df) + 1.0
        weighed = sp.csr_matrix((data * idf[counts.indices], counts.indices, counts.indptr), shape=counts.shape)
        return normalize(weighed).astype(np.float32)

    def _most_frequent(self, index: int, used: np.ndarray, counts: sp.csr_matrix, keep: np.ndarray,
                       limit: int) -> np.ndarray:
        """*keep* narrowed to the *limit* terms most frequent in total, ties broken as scikit-learn
        breaks them (its columns are the terms in sorted order)."""
        terms = self._terms[index]
        in_order = np.asarray(sorted(range(len(used)), key=lambda i: terms[used[i]]), dtype=np.int64)
        totals = np.asarray(counts.sum(axis=0)).ravel()
        kept_in_order = in_order[keep[in_order]]
        chosen = kept_in_order[(-totals[kept_in_order]).argsort()[:limit]]
        narrowed = np.zeros(len(keep), dtype=bool)
        narrowed[chosen] = True
        return narrowed


def _local_counts(rows: list[np.ndarray]) -> tuple[sp.csr_matrix, np.ndarray]:
    """How often each row holds each id (a CSR matrix, duplicates summed) in local columns, and the
    id of each local column (sorted)."""
    lengths = np.fromiter((len(row) for row in rows), dtype=np.int64, count=len(rows))
    ids = np.concatenate(rows) if len(rows) else np.zeros(0, dtype=np.int64)
    used, local = np.unique(ids, return_inverse=True)
    matrix = sp.csr_matrix((np.ones(len(ids)), (np.repeat(np.arange(len(rows)), lengths), local)),
                           shape=(len(rows), len(used)))
    matrix.sum_duplicates()
    return matrix, used
