"""Fit scikit-learn TF-IDF vectorizers from texts analysed once, for training on a whole desk.

``TfidfVectorizer.fit_transform`` runs its analyzer on every text and counts term by term in
Python; the classifier's features clean and analyse the same text for four vectorizers. Here the
caller analyses each text once (:func:`char_wb_ngrams`, :func:`word_ngrams` give exactly what the
vectorizer's own analyzer gives), and :func:`fit_from_analyses` counts with one dictionary look-up
per term and array operations for the rest (:func:`count_terms`, which the topic finder's
counts use too). The fitted vectorizer is the same object with the
same vocabulary, IDF weights and parameters as ``fit_transform`` would leave (the tests compare
them), so it transforms raw text exactly as before.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from numbers import Integral
from typing import Iterable

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer


def char_wb_ngrams(text: str, min_n: int, max_n: int) -> list[str]:
    """What ``TfidfVectorizer(analyzer="char_wb", ngram_range=(min_n, max_n))`` makes of already
    preprocessed *text*: n-grams inside each space-padded word; a word shorter than an n is one
    n-gram of its own (once)."""
    grams: list[str] = []
    for word in text.split():
        padded = f" {word} "
        size = len(padded)
        if size <= min_n:
            grams.append(padded)
            continue
        for n in range(min_n, min(max_n, size) + 1):
            grams.extend([padded[i : i + n] for i in range(size - n + 1)])
    return grams


def word_ngrams(tokens: list[str], min_n: int, max_n: int) -> list[str]:
    """What a vectorizer with ``ngram_range=(min_n, max_n)`` (no stop words) makes of *tokens*."""
    if max_n == 1:
        return list(tokens) if min_n == 1 else []
    grams = list(tokens) if min_n == 1 else []
    for n in range(max(min_n, 2), max_n + 1):
        grams.extend([" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)])
    return grams


def count_terms(analyses: Iterable[list[str]], dtype) -> tuple[dict[str, int], sp.csr_matrix]:
    """Term counts per document and the vocabulary, columns in the order of the terms (as
    scikit-learn sorts them), what ``CountVectorizer.fit_transform`` gives without its pruning
    pass over every term when nothing is pruned. *analyses* may be a generator: one document's
    terms at a time. No terms: no columns (not an error)."""
    vocabulary: defaultdict = defaultdict()
    vocabulary.default_factory = vocabulary.__len__
    columns = array("i")
    lengths = array("q")
    for terms in analyses:
        columns.extend([vocabulary[t] for t in terms])
        lengths.append(len(terms))
    order = np.empty(len(vocabulary), dtype=np.int32)
    terms = sorted(vocabulary)
    order[np.fromiter((vocabulary[t] for t in terms), dtype=np.int64, count=len(terms))] = np.arange(len(terms), dtype=np.int32)
    documents = len(lengths)
    rows = np.repeat(np.arange(documents, dtype=np.int32), np.asarray(lengths, dtype=np.int64))
    counts = sp.coo_matrix((np.ones(len(columns), dtype=dtype), (rows, order[np.asarray(columns, dtype=np.int32)])),
                           shape=(documents, len(vocabulary))).tocsr()  # duplicates summed, indices sorted
    counts.sort_indices()
    return {term: column for column, term in enumerate(terms)}, counts


def _limited(vectorizer: TfidfVectorizer, vocabulary: dict[str, int], counts: sp.csr_matrix) -> sp.csr_matrix:
    """Without terms outside min_df/max_df, and only the max_features most frequent ones (the
    same rule and tie order as scikit-learn's)."""
    documents = counts.shape[0]
    high = vectorizer.max_df if isinstance(vectorizer.max_df, Integral) else vectorizer.max_df * documents
    low = vectorizer.min_df if isinstance(vectorizer.min_df, Integral) else vectorizer.min_df * documents
    if high < low:
        raise ValueError("max_df corresponds to < documents than min_df")
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = (frequency <= high) & (frequency >= low)
    limit = vectorizer.max_features
    if limit is not None and keep.sum() > limit:
        totals = np.asarray(counts.sum(axis=0)).ravel()
        chosen = (-totals[keep]).argsort()[:limit]
        narrowed = np.zeros(len(keep), dtype=bool)
        narrowed[np.where(keep)[0][chosen]] = True
        keep = narrowed
    if keep.all():
        return counts
    new_index = np.cumsum(keep) - 1
    for term, old in list(vocabulary.items()):
        if keep[old]:
            vocabulary[term] = int(new_index[old])
        else:
            del vocabulary[term]
    if not vocabulary:
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    return counts[:, np.where(keep)[0]]


def fit_from_analyses(vectorizer: TfidfVectorizer, analyses: Iterable[list[str]]) -> sp.csr_matrix:
    """Fit *vectorizer* as ``fit_transform`` would on the texts whose analyses (what its analyzer
    returns for each) are *analyses*; return the TF-IDF matrix. The vectorizer keeps its own
    analyzer, preprocessor and parameters for transforming raw text later."""
    if vectorizer.vocabulary is not None or vectorizer.binary or vectorizer.stop_words is not None:
        raise ValueError("fit_from_analyses fits a vectorizer with its own vocabulary, counts and no stop words")
    vocabulary, counts = count_terms(analyses, vectorizer.dtype)
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    counts = _limited(vectorizer, vocabulary, counts)
    vectorizer.vocabulary_ = vocabulary
    vectorizer.fixed_vocabulary_ = False
    vectorizer._tfidf = TfidfTransformer(norm=vectorizer.norm, use_idf=vectorizer.use_idf,
                                         smooth_idf=vectorizer.smooth_idf, sublinear_tf=vectorizer.sublinear_tf)
    vectorizer._tfidf.fit(counts)
    return vectorizer._tfidf.transform(counts, copy=False)
