"""Ticket vectors for the topic finder: what it compares, built so a week costs only its own texts.

A ticket is its TF-IDF over stemmed words and word pairs (English words read as Swedish ones),
joined by character 4-5-grams (typos, compounds) and an LSA projection (words that go together).
IDF learns from the week's texts and the reference texts (the seed corpus) together, exactly as a
vectorizer fitted on both would; but
the reference's document frequencies and its LSA basis are counted once per process
(:func:`reference_model`), since the reference never changes while the app runs. Re-fitting them
for every week was most of a week's cost (issue 14).

The parts stay apart (:class:`TicketVectors`): similarities are the weighted sum of each part's
products, so the dense LSA part multiplies as a dense matrix instead of as a sparse one.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

import numpy as np
from scipy.sparse import csr_matrix

from elsdesk.ml.synonyms import derived_stem, particles_as_nouns, read_as
from elsdesk.ml.text import clean, fold, stem, stop_words
from elsdesk.topics.desk_frames import without_desk_frame
from elsdesk.topics.pasted_errors import without_pasted_errors

logger = logging.getLogger(__name__)

LSA_COMPONENTS = 100
CHAR_NGRAMS = (4, 5)
WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# a numbered day or cycle of a treatment ("dag 8", "day 8", "behandlingsdag 8", "kur 3"): WORD_RE reads no digits and
# "dag" says nothing alone, so an oncology desk's 26 reports of a regimen's missing day 8 were six topics of
# "dag" without its number; the number is read with its word as one term ("dag8")
NUMBERED_WORD = r"\b(?:behandlings|kur|cykel)?(dag|day|kur|cykel|cycle)"  # the word a treatment's day number follows
_NUMBERED_DAY_RE = re.compile(NUMBERED_WORD + r"\s?(\d{1,2})\b", re.IGNORECASE)
_NUMBERED_AS = {"day": "dag", "cycle": "cykel"}
# every match of _NUMBERED_DAY_RE holds a digit; two texts in three hold none, and looking for one digit costs a
# seventh of the full pattern's scan (tried at every position of every text a week analyses)
_DIGIT_RE = re.compile(r"\d")
# ... and one of these words, in the text lowered (no letter the pattern matches ignoring case lowers to another):
# of the texts with a digit, three in five hold none
_NUMBERED_HINTS = ("dag", "day", "kur", "cykel", "cycle")
# words that say nothing about the problem itself
_GENERIC = frozenset(fold(w) for w in (
    "cosmic", "problem", "fel", "fråga", "hjälp", "pat", "patient", "patienten", "patientens", "ssk", "usk", "läk",
    "läkare", "avd", "avdelning", "avdelningen", "går", "gör", "får", "finns", "kommer", "står", "ser", "vet",
    "hittar", "behöver", "fungerar", "funkar", "ingen", "igen", "alltid", "idag", "nu", "också", "bara", "måste",
    "försökt", "försöker", "vill", "kunna", "hur", "gång", "sätt", "del", "något", "ändå", "där", "ena", "annat",
    "tack", "hej", "mvh", "någon", "inget", "varför", "just", "efter", "innan", "lite", "mer", "ska", "kan",
    "fått", "fick", "gjort", "gjorde", "blir", "blev", "vanligt", "vanliga", "hela", "helt", "ganska", "väldigt",
    "dag", "idag", "igår", "morse", "kväll", "natt", "ibland", "ofta", "flera", "många", "andra", "annan",
    "fortfarande", "fortf",  # as "still" below: a tester's second week had "fortfarande rapporten" for a key word
    # English function words: locums write English, and "the", "how do" would join their tickets whatever the problem
    "the", "a", "an", "to", "of", "in", "on", "for", "is", "are", "was", "were", "it", "its", "this", "that", "i",
    "we", "you", "he", "she", "they", "me", "my", "our", "your", "how", "do", "does", "did", "can", "cannot", "cant",
    "not", "no", "with", "as", "at", "be", "been", "have", "has", "had", "hi", "hello", "thanks", "thank", "please",
    "there", "what", "when", "where", "why", "which", "who", "get", "got", "from", "by", "or", "and", "but", "if",
    "so", "just", "any", "all", "would", "could", "should", "will", "there", "here", "after", "before", "again",
    "still", "only", "into", "out", "up", "about", "some", "one", "also", "am", "im", "dont", "doesnt", "isnt",
))


@lru_cache(maxsize=60_000)
def topic_text(text: str) -> str:
    """Raw ticket text as the topic finder reads it: the classifier's cleaning
    (:func:`elsdesk.ml.text.clean`) of the text without pasted error messages and without an ELS agent's frame
    around the caller's words (cached: a week's texts are read by the finder and by the description of its known
    problems' groups)."""
    return particles_as_nouns(clean(without_pasted_errors(without_desk_frame(text))))


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> str | None:
    """The word's stem, or None for a stop word or a word that says nothing about the problem."""
    return None if word in stop_words() or fold(word) in _GENERIC else derived_stem(stem(word))


@lru_cache(maxsize=200_000)
def _word_stems(word: str) -> tuple[str, ...]:
    """The content stems a written word stands for (an English word: its Swedish counterparts'; a
    variant such as "stafettläkare": its common word's, :mod:`elsdesk.ml.synonyms`)."""
    return tuple(s for s in map(_content_stem, read_as(word)) if s is not None)


def terms_of_clean(cleaned: str) -> tuple[str, ...]:
    """Stems of the content words of already cleaned text (English words read as their Swedish
    counterparts, :mod:`elsdesk.ml.english`), plus adjacent stem pairs."""
    stems = list(chain.from_iterable(map(_word_stems, WORD_RE.findall(cleaned))))
    numbered = [_NUMBERED_AS.get(word.lower(), word.lower()) + number for word, number in _numbered_days(cleaned)]
    return tuple(stems + [f"{a}_{b}" for a, b in zip(stems, stems[1:]) if a != b] + numbered)


def _numbered_days(cleaned: str) -> list[tuple[str, str]]:
    """(word, number) of each numbered day or cycle of *cleaned* text (:data:`_NUMBERED_DAY_RE`); none without a digit
    or without one of the pattern's words."""
    if not _DIGIT_RE.search(cleaned):
        return []
    lowered = cleaned.lower()
    return _NUMBERED_DAY_RE.findall(cleaned) if any(map(lowered.__contains__, _NUMBERED_HINTS)) else []


@lru_cache(maxsize=60_000)
def analyse(text: str) -> tuple[str, ...]:
    """Stems of content words plus adjacent stem pairs of raw ticket text (cached: texts recur)."""
    return terms_of_clean(topic_text(text))


def counted(analyses) -> tuple[csr_matrix, np.ndarray]:
    """Each document's term counts (int32, a document's terms given by *analyses*) and the terms in
    column order (sorted, as scikit-learn's CountVectorizer orders them); no terms, no columns."""
    from elsdesk.ml.vectorizing import count_terms

    vocabulary, counts = count_terms(analyses, np.int32)
    terms = np.empty(len(vocabulary), dtype=object)
    terms[:] = list(vocabulary)
    return counts, terms


def as_is(terms):
    """An analyzer for terms already made (the counters count them as they are)."""
    return terms


@lru_cache(maxsize=200_000)
def _word_char_grams(word: str) -> tuple[str, ...]:
    """A word's character n-grams, padded with a space at each edge (scikit-learn's char_wb; the
    classifier's cutter, cached here because a week's words recur from run to run)."""
    from elsdesk.ml.vectorizing import char_wb_ngrams

    return tuple(char_wb_ngrams(word, *CHAR_NGRAMS))


@lru_cache(maxsize=200_000)
def _folded_grams(word: str) -> tuple[str, ...]:
    """A written word's n-grams, folded first (cached: a week's vectors are built for the week and again for parts of it)."""
    return _word_char_grams(fold(word))


def char_counts(texts: list[str], folding: bool = False):
    """Character n-gram counts of each text (``analyzer="char_wb"``, as scikit-learn counts them) and
    the n-grams in column order. Counted word by word: each distinct word is cut (and with *folding*, folded
    first) once, all of them together as integers (:func:`elsdesk.ml.packed_grams.word_gram_counts`; a week's
    cutting and numbering one string at a time was about a tenth of its time at 2,000 tickets), or one by one
    (:func:`elsdesk.ml.vectorizing.count_char_wb`) when their letters do not fit that."""
    from elsdesk.ml.packed_grams import word_gram_counts
    from elsdesk.ml.vectorizing import count_char_wb, count_terms

    words, per_word = count_terms((text.split() for text in texts), np.int32)
    packed = word_gram_counts(list(words), *CHAR_NGRAMS, np.int32, folding=folding)
    if packed is None:
        vocabulary, counts = count_char_wb(texts, *CHAR_NGRAMS, np.int32,
                                           word_grams=_folded_grams if folding else _word_char_grams)
        grams = list(vocabulary)
    else:
        grams, per_gram = packed
        counts = (per_word @ per_gram).tocsr()  # as count_char_wb multiplies its words' counts
        counts.sort_indices()
    names = np.empty(len(grams), dtype=object)
    names[:] = grams
    return counts, names


@dataclass(frozen=True)
class ReferenceModel:
    """What the reference texts contribute, counted once: document frequencies and an LSA basis."""

    size: int
    word_df: dict[str, int]
    char_df: dict[str, int]
    lsa_columns: dict[str, int]    # reference term -> column of the basis
    lsa_basis: np.ndarray | None   # (terms, components) float32; None without a usable reference


_models: dict[str, ReferenceModel] = {}
_models_lock = threading.Lock()


def _document_frequencies(counts, vocabulary: dict[str, int]) -> dict[str, int]:
    df = np.bincount(counts.indices, minlength=len(vocabulary)) if counts.nnz else np.zeros(len(vocabulary), int)
    return {term: int(df[column]) for term, column in vocabulary.items()}


def tfidf(counts, idf_weights: np.ndarray):
    """Sublinear TF times IDF, rows scaled to unit length (what TfidfVectorizer computes)."""
    matrix = counts.astype(np.float32)
    np.log(matrix.data, out=matrix.data)
    matrix.data += 1.0
    matrix = matrix @ _diagonal(idf_weights)
    return _unit_rows(matrix, copy=False)


def _unit_rows(matrix, copy: bool = True):
    """*matrix* with rows scaled to unit length (scikit-learn's normalize); a row of zeros stays
    zeros, and so does a matrix without columns (a week whose tickets hold no content word)."""
    if not matrix.shape[1]:
        return matrix.copy() if copy else matrix
    from sklearn.preprocessing import normalize

    return normalize(matrix, copy=copy)


def _diagonal(values: np.ndarray):
    from scipy.sparse import diags

    return diags(values.astype(np.float32), format="csr")


def idf(df: np.ndarray, documents: int) -> np.ndarray:
    """Smoothed inverse document frequencies (TfidfVectorizer's) of terms in *df* of *documents* texts."""
    return np.log((1.0 + documents) / (1.0 + df)) + 1.0


def _lsa_basis(word_counts, word_vocabulary: dict[str, int], random_state: int) -> np.ndarray | None:
    components = min(LSA_COMPONENTS, word_counts.shape[1] - 1, word_counts.shape[0] - 1)
    if components < 2:
        return None
    from sklearn.decomposition import TruncatedSVD

    df = np.bincount(word_counts.indices, minlength=word_counts.shape[1])
    matrix = tfidf(word_counts, idf(df, word_counts.shape[0]))
    with np.errstate(invalid="ignore", divide="ignore"):  # texts all alike: only the unused variance ratio divides by 0
        svd = TruncatedSVD(n_components=components, n_iter=3, random_state=random_state).fit(matrix)
    return np.ascontiguousarray(svd.components_.T, dtype=np.float32)


def reference_model(texts: list[str], random_state: int = 0) -> ReferenceModel:
    """The reference's counts and LSA basis: counted once per process for the same texts, and kept
    on disk between processes (:mod:`elsdesk.topics.reference_cache`)."""
    digest = hashlib.sha1("\x00".join(texts).encode("utf-8")).hexdigest()
    key = f"{digest}:{random_state}"
    with _models_lock:
        model = _models.get(key)
        if model is None:
            model = _stored_or_built(texts, digest, random_state)
            if len(_models) >= 4:  # a bench may use a few references; the app uses one
                _models.pop(next(iter(_models)))
            _models[key] = model
        return model


def _stored_or_built(texts: list[str], digest: str, random_state: int) -> ReferenceModel:
    if not texts:
        return _build_reference(texts, random_state)
    from elsdesk.topics import reference_cache

    key = reference_cache.cache_key(digest, random_state)
    model = reference_cache.load(key)
    if model is None:
        model = _build_reference(texts, random_state)
        reference_cache.save(key, model)
    return model


def _build_reference(texts: list[str], random_state: int) -> ReferenceModel:
    if not texts:
        return ReferenceModel(0, {}, {}, {}, None)
    cleaned = [topic_text(t) for t in texts]
    word_counts, terms = counted(terms_of_clean(c) for c in cleaned)
    word_columns = {term: column for column, term in enumerate(terms)}
    binary_words = word_counts.copy()
    binary_words.data[:] = 1
    char_matrix, char_vocabulary = char_counts(cleaned, folding=True)
    char_matrix.data[:] = 1
    return ReferenceModel(
        size=len(texts),
        word_df=_document_frequencies(binary_words, word_columns),
        char_df=_document_frequencies(char_matrix, {g: i for i, g in enumerate(char_vocabulary)}),
        lsa_columns=word_columns,
        lsa_basis=_lsa_basis(word_counts, word_columns, random_state),
    )


@dataclass
class TicketVectors:
    """A set of tickets as the finder compares them: unit word vectors, unit character vectors and
    unit LSA vectors (each part may be None), weighted and scaled so that the joined row has unit length."""

    words: object                 # csr (tickets, terms) float32, unit rows: what labels and centroids use
    vocabulary: np.ndarray        # the word part's terms, in column order
    chars: object | None          # csr, unit rows
    lsa: np.ndarray | None        # dense (tickets, components), unit rows
    char_weight: float
    lsa_weight: float
    cleaned: list[str]            # each ticket's text as cleaned for the features (for labels in written form)

    def __post_init__(self):
        norm = row_norms_squared(self.words)
        if self.chars is not None:
            norm = norm + self.char_weight ** 2 * row_norms_squared(self.chars)
        if self.lsa is not None:
            norm = norm + self.lsa_weight ** 2 * np.einsum("ij,ij->i", self.lsa, self.lsa)
        self.scale = np.where(norm > 0, 1.0 / np.sqrt(np.maximum(norm, 1e-30)), 0.0).astype(np.float32)

    def __len__(self) -> int:
        return self.words.shape[0]

    def has_terms(self) -> np.ndarray:
        """Rows with anything to compare."""
        return self.scale > 0

    def dense_projection(self, rows) -> np.ndarray:
        """A small dense stand-in of the joined rows (for partitioning big groups): the LSA part,
        else the word part's own leading directions."""
        if self.lsa is not None:
            return self.lsa[rows]
        block = self.words[rows]
        return block.toarray() if block.shape[1] <= 512 else _random_projection(block)

    def means(self, cells) -> "CellMeans":
        """The mean joined vector of each cell (a list of row-index arrays)."""
        return CellMeans.of(self, cells)


def row_norms_squared(matrix) -> np.ndarray:
    """Each row's squared length of a CSR matrix."""
    row_of = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    return np.bincount(row_of, weights=np.square(matrix.data), minlength=matrix.shape[0]).astype(np.float32)


def _random_projection(block, dimensions: int = 128) -> np.ndarray:
    rng = np.random.default_rng(0)
    projection = rng.standard_normal((block.shape[1], dimensions)).astype(np.float32)
    return np.asarray(block @ projection)


@dataclass
class CellMeans:
    """Mean joined vectors of groups of tickets, kept per part. Because every ticket's joined vector
    has unit length, the average cosine similarity over all pairs of two groups is the dot product
    of their means: average linkage needs only these (see :mod:`elsdesk.topics.linkage`)."""

    words: object
    chars: object | None
    lsa: np.ndarray | None
    char_weight: float
    lsa_weight: float

    @classmethod
    def of_rows(cls, vectors: TicketVectors, rows: np.ndarray) -> "CellMeans":
        """Cells of one ticket each: the tickets' own joined vectors."""
        scale = vectors.scale[rows]
        return cls(
            words=_rows_scaled(vectors.words, rows, scale),
            chars=_rows_scaled(vectors.chars, rows, scale) if vectors.chars is not None else None,
            lsa=vectors.lsa[rows] * vectors.scale[rows][:, None] if vectors.lsa is not None else None,
            char_weight=vectors.char_weight, lsa_weight=vectors.lsa_weight,
        )

    @classmethod
    def of(cls, vectors: TicketVectors, cells) -> "CellMeans":
        rows = np.concatenate([np.asarray(c, dtype=np.int64) for c in cells]) if len(cells) else np.zeros(0, np.int64)
        owner = np.concatenate([np.full(len(c), i) for i, c in enumerate(cells)]) if len(cells) else np.zeros(0, int)
        sizes = np.array([len(c) for c in cells], dtype=np.float32)
        weights = vectors.scale[rows] / sizes[owner]
        pick = csr_matrix((weights, (owner, rows)), shape=(len(cells), len(vectors)))
        return cls(
            words=pick @ vectors.words,
            chars=(pick @ vectors.chars) if vectors.chars is not None else None,
            lsa=np.asarray(pick @ vectors.lsa, dtype=np.float32) if vectors.lsa is not None else None,
            char_weight=vectors.char_weight, lsa_weight=vectors.lsa_weight,
        )

    def similarity_to(self, other: "CellMeans") -> np.ndarray:
        """Dot products of each of these means with each of *other*'s (cells of the same vectors), dense
        (these cells x other cells)."""
        product = np.asarray((self.words @ other.words.T).toarray(), dtype=np.float32)
        if self.chars is not None:
            product += self.char_weight ** 2 * (self.chars @ other.chars.T).toarray()
        if self.lsa is not None:
            product += (self.lsa * self.lsa_weight) @ (other.lsa * other.lsa_weight).T
        return product

    def similarity(self) -> np.ndarray:
        """Dot products of every pair of means, dense float32 (cells x cells)."""
        gram = _sparse_gram(self.words)
        if self.chars is not None:
            gram += self.char_weight ** 2 * _sparse_gram(self.chars)
        if self.lsa is not None:
            lsa = self.lsa * self.lsa_weight
            gram += lsa @ lsa.T
        return gram


def _rows_scaled(matrix, rows: np.ndarray, scale: np.ndarray):
    """``diags(scale) @ matrix[rows]``, each kept value multiplied once (the same float32 products, without a sparse
    product's set-up: a week's modules asked for it hundreds of times); a product of 0 is left out, as the sparse
    product leaves it out. Only the order of a row's values differs (the product reverses it), which neither caller
    reads: the clustering's Gram matrix and the right side of :meth:`CellMeans.similarity_to` go column by column."""
    picked = matrix[rows]
    picked.data = picked.data * np.repeat(scale, np.diff(picked.indptr))
    if not picked.data.all():
        picked.eliminate_zeros()
    return picked


def _sparse_gram(matrix, dense_columns: int = 1024, min_rows: int = 16) -> np.ndarray:
    """``matrix @ matrix.T`` as a dense float32 array. The columns many rows share (common
    character n-grams) make a sparse product slow: a column used by r of n rows costs about r²
    sparse steps against n² dense ones at BLAS speed, so columns used by more than a sixth of the
    rows (at most *dense_columns* of them) multiply as a dense block, the rest as a sparse product."""
    rows = matrix.shape[0]
    if not matrix.nnz:
        return np.zeros((rows, rows), dtype=np.float32)
    columns = matrix.tocsc()
    used = np.diff(columns.indptr)
    frequent = np.flatnonzero(used >= max(min_rows, rows // 6))
    if len(frequent) > dense_columns:
        frequent = frequent[np.argsort(-used[frequent], kind="stable")[:dense_columns]]
    rare = np.ones(columns.shape[1], dtype=bool)
    rare[frequent] = False
    sparse_part = columns[:, np.flatnonzero(rare)].tocsr()
    gram = np.asarray((sparse_part @ sparse_part.T).toarray(), dtype=np.float32)
    if len(frequent):
        dense = columns[:, frequent].toarray().astype(np.float32, copy=False)
        gram += dense @ dense.T
    return gram


def build_vectors(texts: list[str], reference: ReferenceModel, char_weight: float, lsa_weight: float,
                  random_state: int = 0) -> TicketVectors:
    """The tickets' vectors, with IDF learnt from *texts* and the reference together."""
    cleaned = [topic_text(t) for t in texts]
    word_counts, vocabulary = counted(analyse(t) for t in texts)  # cached: the finder asks for them again
    documents = len(texts) + reference.size
    word_vectors = _week_tfidf(word_counts, vocabulary, reference.word_df, documents)
    chars = None
    if char_weight:
        counts, grams = char_counts(cleaned, folding=True)
        chars = _week_tfidf(counts, grams, reference.char_df, documents) if counts.shape[1] else None
    lsa = _lsa(word_counts, word_vectors, vocabulary, reference, random_state) if lsa_weight else None
    return TicketVectors(word_vectors, vocabulary, chars, lsa, char_weight, lsa_weight, cleaned)


def _week_tfidf(counts, vocabulary, reference_df: dict[str, int], documents: int):
    own = np.bincount(counts.indices, minlength=len(vocabulary)) if counts.nnz else np.zeros(len(vocabulary))
    df = own + np.fromiter(map(reference_df.get, vocabulary, repeat(0)), dtype=np.float64, count=len(vocabulary))
    return tfidf(counts, idf(df, documents))


def _lsa(word_counts, word_vectors, vocabulary, reference: ReferenceModel, random_state: int):
    """Unit LSA vectors: the week's word vectors on the reference's basis, or on the week's own basis
    when there is no reference (tests, a desk without a seed corpus)."""
    if reference.lsa_basis is not None:
        columns = np.fromiter(map(reference.lsa_columns.get, vocabulary, repeat(-1)), dtype=np.int64,
                              count=len(vocabulary))
        known = np.where(columns >= 0)[0]
        if not len(known):
            return None
        projected = np.asarray(word_vectors[:, known] @ reference.lsa_basis[columns[known]], dtype=np.float32)
    else:
        basis = _lsa_basis(word_counts, {t: i for i, t in enumerate(vocabulary)}, random_state)
        if basis is None:
            return None
        projected = np.asarray(word_vectors @ basis, dtype=np.float32)
    return _unit_rows(projected).astype(np.float32)
