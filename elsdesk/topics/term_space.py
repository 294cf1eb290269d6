"""TermSpace: texts learnt once and new texts compared with them later, in the finder's terms.

The topic finder builds each week's vectors from that week's texts alone (:mod:`elsdesk.topics.vectors`).
The known-problem matcher instead learns its problems once and then places many new tickets, so it
needs a fixed space: the vocabulary and IDF of the texts it learnt and the reference together,
into which any later text can be put (:class:`TermSpace`), and rows kept as a sparse part and a
dense LSA part (:class:`SpaceRows`) so that products with many rows stay cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, diags, hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from elsdesk.topics.vectors import (
    ReferenceModel, as_is, char_counts, counted, idf, row_norms_squared, terms_of_clean, tfidf, topic_text,
)


class TermSpace:
    """Texts and the reference in one fixed space that later texts can be put in as well.

    The vocabulary is the texts' terms and the reference's, with document frequencies added up:
    what a TfidfVectorizer fitted on the texts and the reference together learns, without counting
    the reference again (its counts are :func:`reference_model`'s). Terms of a later text that
    neither knows are left out, as a fitted vectorizer leaves them out. Used where texts are
    learnt once and compared with new ones many times (the known-problem matcher)."""

    def __init__(self, texts: list[str], reference: ReferenceModel, char_weight: float, lsa_weight: float):
        self.char_weight, self.lsa_weight = char_weight, lsa_weight
        cleaned = [topic_text(t) for t in texts]
        documents = len(texts) + reference.size
        own, own_terms = counted(terms_of_clean(c) for c in cleaned)
        self._words, word_idf = _joined_vocabulary(own, own_terms, reference.word_df, documents)
        self._word_idf = word_idf
        self._char_columns, self._char_idf = None, None
        if char_weight:
            counts, grams = char_counts(cleaned, folding=True)
            self._char_columns, self._char_idf = _joined_vocabulary(counts, grams, reference.char_df, documents)
        self._lsa_rows = self._lsa_basis = None
        if lsa_weight and reference.lsa_basis is not None:
            terms = sorted(self._words, key=self._words.get)
            columns = np.fromiter((reference.lsa_columns.get(t, -1) for t in terms), dtype=np.int64, count=len(terms))
            self._lsa_rows = np.flatnonzero(columns >= 0)
            self._lsa_basis = reference.lsa_basis[columns[self._lsa_rows]]

    def vectors(self, texts: list[str]) -> "SpaceRows":
        """The texts' unit rows: the word and character parts (sparse) and the LSA part (dense), weighted."""
        cleaned = [topic_text(t) for t in texts]
        counts = CountVectorizer(analyzer=as_is, lowercase=False, dtype=np.int32, vocabulary=self._words)
        words = tfidf(counts.transform([terms_of_clean(c) for c in cleaned]), self._word_idf)
        sparse = words
        if self._char_columns is not None:
            grams, names = char_counts(cleaned, folding=True)
            chars = tfidf(_in_vocabulary(grams, names, self._char_columns), self._char_idf) * self.char_weight
            sparse = hstack([words, chars]).tocsr()
        dense = None
        if self._lsa_basis is not None:
            dense = normalize(np.asarray(words[:, self._lsa_rows] @ self._lsa_basis, dtype=np.float32)) * self.lsa_weight
        return SpaceRows(sparse.astype(np.float32), dense).unit()


@dataclass
class SpaceRows:
    """Rows of a :class:`TermSpace`: a sparse part (words, characters) and a dense part (LSA, or
    None), kept apart so that products with many rows stay sparse where the data is sparse."""

    sparse: object
    dense: np.ndarray | None

    def __len__(self) -> int:
        return self.sparse.shape[0]

    def __getitem__(self, rows) -> "SpaceRows":
        return SpaceRows(self.sparse[rows], None if self.dense is None else self.dense[rows])

    def squared_norms(self) -> np.ndarray:
        norms = row_norms_squared(self.sparse)
        if self.dense is not None:
            norms = norms + np.einsum("ij,ij->i", self.dense, self.dense)
        return norms

    def unit(self) -> "SpaceRows":
        norms = self.squared_norms()
        scale = np.where(norms > 0, 1.0 / np.sqrt(np.maximum(norms, 1e-30)), 0.0).astype(np.float32)
        return SpaceRows((diags(scale) @ self.sparse).tocsr(), None if self.dense is None else self.dense * scale[:, None])

    def dot(self, other: "SpaceRows") -> np.ndarray:
        """Every row's dot product with every row of *other* (dense, rows × other's rows)."""
        product = (self.sparse @ other.transposed()).toarray()
        if self.dense is not None and other.dense is not None:
            product += self.dense @ other.dense.T
        return product

    def transposed(self):
        """The sparse part transposed, as CSR (made once: every block of rows is multiplied with it)."""
        if getattr(self, "_transposed", None) is None:
            self._transposed = self.sparse.T.tocsr()
        return self._transposed

    def sums(self, labels: np.ndarray, groups: int) -> "SpaceRows":
        """The sum of the rows of each group (*labels* give each row's group, 0 .. groups - 1)."""
        indicator = csr_matrix((np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))),
                               shape=(groups, len(labels)))
        return SpaceRows((indicator @ self.sparse).tocsr(), None if self.dense is None else indicator @ self.dense)

    def joined(self):
        """The rows as one sparse matrix (for comparing with plain vectorizers)."""
        return self.sparse if self.dense is None else hstack([self.sparse, csr_matrix(self.dense)]).tocsr()


def _joined_vocabulary(counts, terms, reference_df: dict[str, int], documents: int) -> tuple[dict[str, int], np.ndarray]:
    """The texts' terms followed by the reference's other terms (term -> column), and their IDF over both."""
    vocabulary = {term: column for column, term in enumerate(terms)}
    for term in reference_df:
        vocabulary.setdefault(term, len(vocabulary))
    df = np.zeros(len(vocabulary), dtype=np.float64)
    if counts.nnz:
        df[:len(terms)] = np.bincount(counts.indices, minlength=len(terms))
    for term, count in reference_df.items():
        df[vocabulary[term]] += count
    return vocabulary, idf(df, documents)


def _in_vocabulary(counts, names, vocabulary: dict[str, int]):
    """*counts* (columns named by *names*) moved to *vocabulary*'s columns; unknown columns dropped."""
    columns = np.fromiter((vocabulary.get(n, -1) for n in names), dtype=np.int64, count=len(names))
    counts = counts.tocoo()
    keep = columns[counts.col] >= 0 if counts.nnz else np.zeros(0, dtype=bool)
    return csr_matrix((counts.data[keep], (counts.row[keep], columns[counts.col[keep]])),
                      shape=(counts.shape[0], len(vocabulary)), dtype=np.int32)
