"""Fit scikit-learn TF-IDF vectorizers from texts analysed once, for training on a whole desk.

``TfidfVectorizer.fit_transform`` runs its analyzer on every text and counts term by term in
Python; the classifier's features clean and analyse the same text for four vectorizers. Here the
caller analyses each text once (:func:`char_wb_ngrams`, :func:`word_ngrams` give exactly what the
vectorizer's own analyzer gives), and :func:`fit_from_analyses` counts with one dictionary look-up
per term and array operations for the rest (:func:`count_terms`, which the topic finder's counts
use too). Character n-grams are counted word by word (:func:`count_char_wb`): a text's n-grams are
its words' n-grams, so each distinct word is cut once. Word uni- and bigrams are counted from the
tokens' numbers (:class:`TokenIds`, :func:`fit_word_ngrams`): a bigram's text is made once per
distinct pair, not at every occurrence. :func:`transform_from_analyses` and
:func:`transform_char_wb` transform the same way, for the features of texts to classify. The fitted
vectorizer is the same object with the same vocabulary, IDF weights and parameters as
``fit_transform`` would leave (the tests compare them), so it transforms raw text exactly as
before.
"""

from __future__ import annotations

import itertools
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
        columns.extend(map(vocabulary.__getitem__, terms))  # a new term gets the next number (__missing__)
        lengths.append(len(terms))
    order = np.empty(len(vocabulary), dtype=np.int32)
    terms = sorted(vocabulary)
    # map, not a generator: no Python frame per term (a week's char n-grams and terms are tens of thousands)
    order[np.fromiter(map(vocabulary.__getitem__, terms), dtype=np.int64, count=len(terms))] = np.arange(len(terms), dtype=np.int32)
    documents = len(lengths)
    rows = np.repeat(np.arange(documents, dtype=np.int32), np.asarray(lengths, dtype=np.int64))
    counts = sp.coo_matrix((np.ones(len(columns), dtype=dtype), (rows, order[np.asarray(columns, dtype=np.int32)])),
                           shape=(documents, len(vocabulary))).tocsr()  # duplicates summed, indices sorted
    counts.sort_indices()
    return dict(zip(terms, range(len(terms)))), counts


class TokenIds:
    """The tokens of many documents as numbers: each distinct token once (*tokens*, in order of first
    appearance), the documents' tokens as their numbers one after another (*ids*) and each document's
    count of them (*lengths*). Counting word n-grams from these numbers, the n-gram's text is made
    once per distinct n-gram, not once per occurrence, and the documents are read once for the
    unigrams and the bigrams of the same tokens (the module's words and word pairs)."""

    def __init__(self, documents: Iterable[list[str]]):
        numbers: defaultdict = defaultdict()
        numbers.default_factory = numbers.__len__
        ids = array("q")
        lengths = array("q")
        number = numbers.__getitem__  # a new token gets the next number (__missing__)
        for tokens in documents:
            ids.extend(map(number, tokens))
            lengths.append(len(tokens))
        self.tokens = list(numbers)  # a dict keeps its keys in the order they came: the token of each number
        self.ids = np.frombuffer(ids, dtype=np.int64) if len(ids) else np.zeros(0, dtype=np.int64)
        self.lengths = np.frombuffer(lengths, dtype=np.int64) if len(lengths) else np.zeros(0, dtype=np.int64)

    def ngram_counts(self, min_n: int, max_n: int, dtype) -> tuple[dict[str, int], sp.csr_matrix]:
        """``count_terms(word_ngrams(tokens, min_n, max_n) for tokens in documents)``, the same
        vocabulary and counts, for n-grams of one or two tokens."""
        if not 1 <= min_n <= max_n <= 2:
            raise ValueError("TokenIds counts unigrams and bigrams")
        documents = len(self.lengths)
        row_of = np.repeat(np.arange(documents, dtype=np.int64), self.lengths)
        texts: list[str] = []  # each distinct n-gram's text, numbered in this order ...
        rows, numbers = [], []  # ... and each occurrence's row and number
        if min_n == 1:
            texts.extend(self.tokens)
            rows.append(row_of)
            numbers.append(self.ids)
        if max_n == 2 and len(self.ids) > 1:
            inside = row_of[:-1] == row_of[1:]  # a pair never spans two documents
            width = max(len(self.tokens), 1)
            keys = self.ids[:-1][inside] * width + self.ids[1:][inside]
            pairs, which = np.unique(keys, return_inverse=True)
            tokens = self.tokens
            firsts, seconds = (pairs // width).tolist(), (pairs % width).tolist()
            texts.extend([f"{tokens[a]} {tokens[b]}" for a, b in zip(firsts, seconds)])
            rows.append(row_of[:-1][inside])
            numbers.append(which.ravel() + (len(self.tokens) if min_n == 1 else 0))
        # columns in the order of the sorted texts; two n-grams with the same text (a token holding a
        # space) are one column, as they are one key of count_terms' dictionary
        terms = sorted(set(texts))
        vocabulary = {term: column for column, term in enumerate(terms)}
        column_of = np.fromiter((vocabulary[text] for text in texts), dtype=np.int64, count=len(texts))
        all_rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        all_numbers = np.concatenate(numbers) if numbers else np.zeros(0, dtype=np.int64)
        counts = sp.coo_matrix((np.ones(len(all_rows), dtype=dtype), (all_rows, column_of[all_numbers])),
                               shape=(documents, len(terms))).tocsr()  # duplicates summed, as count_terms does
        counts.sort_indices()
        return vocabulary, counts


def count_char_wb(texts: Iterable[str], min_n: int, max_n: int, dtype, word_grams=None) -> tuple[dict[str, int], sp.csr_matrix]:
    """``count_terms(char_wb_ngrams(text, min_n, max_n) for text in texts)``, counted word by word:
    a text's n-grams are its words' n-grams, and words recur, so each distinct word is cut once and
    the texts' counts are one sparse product (texts × words) @ (words × n-grams). *word_grams(word)*,
    when given, cuts a word instead (a cached cutter, or one that folds first)."""
    words, per_word = count_terms((text.split() for text in texts), dtype)
    cut = word_grams or (lambda word: char_wb_ngrams(word, min_n, max_n))
    vocabulary, grams = count_terms((cut(word) for word in words), dtype)
    counts = (per_word @ grams).tocsr()
    counts.sort_indices()
    return vocabulary, counts


# below this many texts the word-by-word counting of character n-grams costs more in sparse
# matrix set-up than it saves (one ticket classified as it is typed)
WORD_BY_WORD_FROM = 64


def _known_counts(vocabulary: dict[str, int], analyses: Iterable[list[str]]):
    """(indptr, columns, counts) of the terms of each analysis that are in *vocabulary*: each row's
    columns sorted and once, with how often they occur. Plain arrays, no sparse matrix: for one
    ticket the matrix set-up would cost more than the counting."""
    lookup = vocabulary.get
    columns = array("q")
    lengths = array("q")
    for terms in analyses:
        found = [column for column in map(lookup, terms) if column is not None]
        columns.extend(found)
        lengths.append(len(found))
    documents = len(lengths)
    width = max(len(vocabulary), 1)
    rows = np.repeat(np.arange(documents, dtype=np.int64), np.asarray(lengths, dtype=np.int64))
    keys, counts = np.unique(rows * width + np.asarray(columns, dtype=np.int64), return_counts=True)
    indptr = np.zeros(documents + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // width, minlength=documents), out=indptr[1:])
    return indptr, keys % width, counts


def transform_char_wb(vectorizer: TfidfVectorizer, texts: list[str]) -> sp.csr_matrix:
    """What fitted *vectorizer* (``analyzer="char_wb"``) makes of already preprocessed *texts*, as
    :func:`transform_from_analyses` of their :func:`char_wb_ngrams`; many texts are counted word by
    word (see :func:`count_char_wb`)."""
    low, high = vectorizer.ngram_range
    if len(texts) < WORD_BY_WORD_FROM:
        return transform_from_analyses(vectorizer, (char_wb_ngrams(text, low, high) for text in texts))
    words, per_word = count_terms((text.split() for text in texts), np.float64)
    grams = _counts_matrix(vectorizer.vocabulary_, (char_wb_ngrams(word, low, high) for word in words))
    counts = (per_word @ grams).tocsr()
    counts.sort_indices()
    return _tfidf(vectorizer, counts.indptr, counts.indices, counts.data, len(texts))


def _counts_matrix(vocabulary: dict[str, int], analyses) -> sp.csr_matrix:
    """:func:`_known_counts` as a sparse matrix (float64)."""
    indptr, columns, counts = _known_counts(vocabulary, analyses)
    return sp.csr_matrix((counts.astype(np.float64), columns, indptr), shape=(len(indptr) - 1, len(vocabulary)))


def transform_from_analyses(vectorizer: TfidfVectorizer, analyses: Iterable[list[str]]) -> sp.csr_matrix:
    """What fitted *vectorizer*.transform(texts) returns for the texts whose analyses are
    *analyses*: counts of the terms in its vocabulary, (sublinear) TF times IDF, rows scaled to unit
    length, in the vectorizer's dtype. One dictionary look-up per term and array operations for
    the rest, without scikit-learn's per-call input checks (they cost more than the arithmetic when
    one ticket is classified)."""
    indptr, columns, counts = _known_counts(vectorizer.vocabulary_, analyses)
    return _tfidf(vectorizer, indptr, columns, counts, len(indptr) - 1)


def _tfidf(vectorizer: TfidfVectorizer, indptr, columns, counts, documents: int) -> sp.csr_matrix:
    """Term counts (CSR arrays, each row's columns sorted and once, in *vectorizer*'s columns) as its
    transform weighs them: (sublinear) TF times IDF, rows scaled to unit length, in its dtype."""
    data = np.asarray(counts, dtype=np.float64)
    if vectorizer.sublinear_tf:
        data = np.log(data) + 1.0
    data = data * vectorizer.idf_[columns]
    lengths = np.diff(indptr)
    filled = lengths > 0
    norms = np.ones(documents)
    if filled.any():  # each filled row's sum of squares (empty rows have no segment of their own)
        norms[filled] = np.sqrt(np.add.reduceat(data * data, indptr[:-1][filled]))
    norms[norms == 0] = 1.0
    data /= np.repeat(norms, lengths)
    return sp.csr_matrix((data.astype(vectorizer.dtype), columns, indptr), shape=(documents, len(vectorizer.idf_)))


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
    _renumbered(vocabulary, keep)
    if not vocabulary:
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    return counts[:, np.where(keep)[0]]


def _renumbered(vocabulary: dict[str, int], keep: np.ndarray) -> None:
    """Keep in *vocabulary* the terms whose columns *keep* says, numbered anew in the same order and
    in the same dictionary order; array operations instead of a dictionary deletion per dropped term
    (most terms seen once are dropped: a tenth of a second for a desk's word pairs and kind terms)."""
    terms = list(vocabulary)
    old = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(terms))
    kept = keep[old]
    new_column = (np.cumsum(keep) - 1)[old[kept]]
    vocabulary.clear()
    vocabulary.update(zip(itertools.compress(terms, kept.tolist()), new_column.tolist()))


def fit_from_analyses(vectorizer: TfidfVectorizer, analyses: Iterable[list[str]]) -> sp.csr_matrix:
    """Fit *vectorizer* as ``fit_transform`` would on the texts whose analyses (what its analyzer
    returns for each) are *analyses*; return the TF-IDF matrix. The vectorizer keeps its own
    analyzer, preprocessor and parameters for transforming raw text later."""
    _check_fittable(vectorizer)
    return fit_from_counts(vectorizer, *count_terms(analyses, vectorizer.dtype))


def fit_char_wb(vectorizer: TfidfVectorizer, texts: Iterable[str]) -> sp.csr_matrix:
    """:func:`fit_from_analyses` for a ``char_wb`` vectorizer of already preprocessed *texts*,
    counted word by word (:func:`count_char_wb`)."""
    _check_fittable(vectorizer)
    return fit_from_counts(vectorizer, *count_char_wb(texts, *vectorizer.ngram_range, vectorizer.dtype))


def fit_word_ngrams(vectorizer: TfidfVectorizer, tokens: TokenIds,
                    ngram_range: tuple[int, int] | None = None) -> sp.csr_matrix:
    """:func:`fit_from_analyses` of ``word_ngrams(tokens, *ngram_range)`` for each document of
    *tokens*, counted from the tokens' numbers (:class:`TokenIds`). *ngram_range*: the
    vectorizer's own unless given (the module's word pairs: its analyzer pairs the stems, so its own
    range is (1, 1) and its caller gives (2, 2))."""
    _check_fittable(vectorizer)
    low, high = ngram_range or vectorizer.ngram_range
    return fit_from_counts(vectorizer, *tokens.ngram_counts(low, high, vectorizer.dtype))


def _check_fittable(vectorizer: TfidfVectorizer) -> None:
    if vectorizer.vocabulary is not None or vectorizer.binary or vectorizer.stop_words is not None:
        raise ValueError("fit_from_analyses fits a vectorizer with its own vocabulary, counts and no stop words")


def fit_from_counts(vectorizer: TfidfVectorizer, vocabulary: dict[str, int], counts: sp.csr_matrix) -> sp.csr_matrix:
    """Fit *vectorizer* from the term counts of its texts (columns in the order of the sorted
    terms of *vocabulary*) as ``fit_transform`` would; return the TF-IDF matrix."""
    if not vocabulary:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    counts = _limited(vectorizer, vocabulary, counts)
    vectorizer.vocabulary_ = vocabulary
    vectorizer.fixed_vocabulary_ = False
    vectorizer._tfidf = TfidfTransformer(norm=vectorizer.norm, use_idf=vectorizer.use_idf,
                                         smooth_idf=vectorizer.smooth_idf, sublinear_tf=vectorizer.sublinear_tf)
    vectorizer._tfidf.fit(counts)
    return vectorizer._tfidf.transform(counts, copy=False)
