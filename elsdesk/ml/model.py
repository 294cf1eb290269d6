"""TicketModel: one scikit-learn Pipeline from raw ticket text to module, and one to kind.

Module reads what a ticket is about: stemmed content words, pairs of them and folded character
5-grams inside words (TF-IDF weighted, stop words out; 4- and 5-grams together scored within ±0.006
macro-F1 of 5-grams alone on the held-out sets, with twice the values the SVM reads). Kind reads
how it is asked: word uni- and bigrams that keep the small words and the question mark ("hur gör",
"går inte", "saknas", "önskar"), which the module features drop. Both read English words as their
Swedish ones through the glossary (the module's words; its character n-grams see them as written).
Module ends in a linear SVM whose
scores are calibrated into probabilities (sigmoid, 3-fold), kind in multinomial logistic
regression; the probabilities are the confidence shown. Fitting and classifying clean and stem each
ticket once for all the vectorizers (:mod:`elsdesk.ml.vectorizing`, :class:`PreparedTexts`; a
retrain's held-out tickets once for the new and the active model), and fitting runs the classifiers
in threads. Kind may also learn from tickets that teach kind only (*kind_rows*, at
KIND_ONLY_WEIGHT): written for kind's contrasts, they would tilt the module classes. Every fitted part is plain data (vocabularies, IDF weights, coefficient arrays), so the
model file format can hold it without pickling. The model is a plain Python object: fit, predict,
nothing about files or Qt.
"""

from __future__ import annotations

import warnings
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline

from elsdesk.corpus import MODULE_ONLY
from elsdesk.ml.sigmoid import fit_sigmoids
from elsdesk.ml.text import char_text, in_swedish_text, kind_text, stemmed_tokens, swedish_stems, ticket_text
from elsdesk.ml.text import cleaned_once, fold, stems_of_cleaned
from elsdesk.ml.text import prepared as prepared_text
from elsdesk.ml.vectorizing import (
    TokenIds, fit_char_wb, fit_word_ngrams, transform_char_wb, transform_from_analyses, word_ngrams,
)

RANDOM_STATE = 20250423
CALIBRATION_FOLDS = 3
# liblinear's stopping tolerance: at 1e-2 it takes about half the passes of 1e-3 with the same
# held-out figures (dev set, both held-out sets, the topics bench's weeks)
SVM_TOLERANCE = 1e-2
# the fold SVMs only score their held-out third for the calibration: a looser stop does not move
# the fitted sigmoids enough to change a held-out figure, and takes a third fewer passes
CALIBRATION_TOLERANCE = 1e-1
KIND_TOLERANCE = 1e-2
# the confidence, at most, of a module or a kind read from a text with no word the model knows
# ("?", ".", markup, a masked number): below the lowest cut-off a Medel band may have (25 %), so
# such a ticket is Låg and comes first in the review queue. What the classifier says without words
# is only its bias towards the commonest labels, however sure its calibration makes it look.
NO_KNOWN_WORDS_CONFIDENCE = 0.24
# a stemmed word is vague for the module ("pat", "hjälp", "akut", "patienten", "system") when the training
# tickets that hold it, at least VAGUE_MIN_TICKETS of them, are spread over the modules so that none has
# VAGUE_LIFT times its usual share of them; a row whose known words are all vague says nothing of its
# module, and is shown as a row without words is ("pat" alone was Vårdadministration at 93 %, "hjälp"
# Navigering at 90 %). 3.0 leaves "skriv" (5.4), "tid" (5.6) and "journal" (3.9) informative; about 150
# of the seed corpus's words are vague
VAGUE_MIN_TICKETS = 15
VAGUE_LIFT = 3.0
# what a ticket that teaches kind only weighs beside a seed ticket: 0.5 gave the best kind accuracy
# on the held-out sets (0.3 and 0.75 less; 1.0 lost a point on two sets), see resources/seed_kind
KIND_ONLY_WEIGHT = 0.5
_word_columns: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # kind vectorizer -> its columns with a word
_telling_columns: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # model -> (its vague columns, the mask)


@dataclass(frozen=True)
class Prediction:
    module: str
    confidence: float
    kind: str
    kind_confidence: float
    top: list[tuple[str, float]]


def build_features() -> Pipeline:
    """Raw text in, sparse TF-IDF features out."""
    words = TfidfVectorizer(
        analyzer=swedish_stems, ngram_range=(1, 1), min_df=1, sublinear_tf=True, dtype=np.float32
    )
    word_pairs = TfidfVectorizer(
        analyzer=_swedish_stem_pairs, min_df=2, sublinear_tf=True, dtype=np.float32
    )
    chars = TfidfVectorizer(
        preprocessor=char_text, analyzer="char_wb", ngram_range=(5, 5), min_df=2, max_features=60_000,
        sublinear_tf=True, dtype=np.float32,
    )
    union = FeatureUnion([("words", words), ("word_pairs", word_pairs), ("chars", chars)],
                         transformer_weights={"words": 1.0, "word_pairs": 0.5, "chars": 1.0})
    return Pipeline([("features", union)])


# a word or a question mark; the small words stay in, they carry the kind of a ticket
KIND_TOKEN_PATTERN = r"(?u)\b\w+\b|\?"


def build_kind_features() -> TfidfVectorizer:
    """Raw text in, TF-IDF of cleaned, folded word uni- and bigrams (stop words kept, English words
    read in Swedish) out."""
    return TfidfVectorizer(
        preprocessor=kind_text, token_pattern=KIND_TOKEN_PATTERN, ngram_range=(1, 2), min_df=2,
        sublinear_tf=True, dtype=np.float32,
    )


@dataclass(frozen=True)
class PreparedTexts:
    """Ticket texts, each cleaned and stemmed once (:func:`elsdesk.ml.text.prepared`), for every
    vectorizer of every model that reads them: a held-out set is read by the new model and the
    active one, and each model's module and kind features read the same cleaned text."""

    raw: list[str]
    prepared: list[tuple[str, tuple[str, ...]]]

    @classmethod
    def of(cls, texts: list[str]) -> "PreparedTexts":
        return cls(list(texts), [prepared_text(text) for text in texts])

    def features(self, vectorizer: TfidfVectorizer) -> sp.csr_matrix:
        """What fitted *vectorizer*.transform gives for the texts, from the prepared texts when its
        analyzer is one of the model's own (the tests check they agree), from the raw texts
        otherwise (a model saved with other features)."""
        analyzer, ngrams = vectorizer.analyzer, vectorizer.ngram_range
        if analyzer is swedish_stems:
            return transform_from_analyses(vectorizer, (list(stems) for _text, stems in self.prepared))
        if analyzer is _swedish_stem_pairs:
            return transform_from_analyses(vectorizer, (_pairs(stems) for _text, stems in self.prepared))
        if vectorizer.preprocessor is char_text and analyzer == "char_wb":
            return transform_char_wb(vectorizer, [text for text, _stems in self.prepared])
        if vectorizer.preprocessor in (char_text, kind_text) and analyzer == "word" and vectorizer.stop_words is None \
                and vectorizer.tokenizer is None:
            tokenize = vectorizer.build_tokenizer()
            read = in_swedish_text if vectorizer.preprocessor is kind_text else str
            return transform_from_analyses(vectorizer, (word_ngrams(tokenize(read(text)), *ngrams)
                                                        for text, _stems in self.prepared))
        return transform_from_analyses(vectorizer, map(vectorizer.build_analyzer(), self.raw))


def _stem_bigrams(text: str) -> list[str]:
    """The word pairs of a model saved before English words were read in Swedish for module."""
    return _pairs(stemmed_tokens(text))


def _swedish_stem_pairs(text: str) -> list[str]:
    return _pairs(swedish_stems(text))


def _pairs(tokens) -> list[str]:
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def _scores_on(svm: LinearSVC, X, classes: np.ndarray) -> np.ndarray:
    """A fold's decision scores in the columns of *classes*; a class the fold never saw scores the
    lowest float (as scikit-learn's cross_val_predict fills it)."""
    scores = svm.decision_function(X)
    if scores.ndim == 1:
        return scores[:, None]
    if len(svm.classes_) == len(classes):
        return scores
    full = np.full((scores.shape[0], len(classes)), np.finfo(np.float64).min)
    full[:, np.searchsorted(classes, svm.classes_)] = scores
    return full


class CalibratedLinearSVC(ClassifierMixin, BaseEstimator):
    """A linear SVM with sigmoid-calibrated probabilities, kept as plain arrays after fitting.

    Fitting does what scikit-learn's CalibratedClassifierCV(cv=3, method="sigmoid",
    ensemble=False) does (one SVM on all data, calibration from 3-fold stratified cross-validated
    scores), with the four SVM fits side by side in threads and Platt's sigmoids fitted for all
    classes at once (:mod:`elsdesk.ml.sigmoid`). (Calibrating on one held-out third instead of
    three halves the SVM work but, trained on 12,000 desk tickets, left 9 points fewer held-out
    tickets "sure" and cost up to 0.011 macro-F1: all three folds stay.) Prediction is one sparse-dense product and
    a vectorised sigmoid, the same arithmetic as scikit-learn without its per-class loop, so a
    single ticket takes microseconds and the saved model stays small.

    *sharpness* raises the normalised probabilities to that power (and renormalises): the
    calibration is fitted on the seed corpus, and on tickets written by other people it proves
    under-confident (see MODULE_SHARPNESS).
    """

    def __init__(self, C: float = 0.5, n_jobs: int | None = 2, sharpness: float = 1.0):
        self.C = C
        self.n_jobs = n_jobs
        self.sharpness = sharpness

    def fit(self, X, y, sample_weight=None):
        y = np.asarray(y)
        X = sp.csr_matrix(X, dtype=np.float64)  # liblinear reads float64: converted once, not once per fit
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        self.classes_ = np.unique(y)
        with warnings.catch_warnings():  # a label with fewer tickets than folds trains all the same (a region's
            # new module with two confirmed tickets): scikit-learn's English warning is no news to its users
            warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
            folds = list(StratifiedKFold(n_splits=CALIBRATION_FOLDS).split(np.zeros(len(y)), y))
        calibrated = np.concatenate([test for _train, test in folds])
        # liblinear releases the GIL: the fold fits and the final fit run side by side in threads
        workers = max(1, self.n_jobs or 1)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            def fold_fit(train):
                return pool.submit(self._svm_fit, X[train], y[train], None if weights is None else weights[train],
                                   CALIBRATION_TOLERANCE)

            # the first folds before the final fit: the final fit is the longest (all tickets, a tighter
            # tolerance), so on two workers one runs it and a fold while the other runs two folds whichever
            # goes first, and this way the folds end first and the sigmoids below are fitted while the final
            # SVM fits, not after it. (Each fit seeds liblinear anew: one worker gives the same model in any order.)
            fitted = [fold_fit(train) for train, _test in folds[:workers]]
            final = pool.submit(self._svm_fit, X, y, weights, SVM_TOLERANCE)
            fitted += [fold_fit(train) for train, _test in folds[workers:]]
            scores = np.vstack([_scores_on(job.result(), X[test], self.classes_) for (_train, test), job in zip(folds, fitted)])
            y = y[calibrated]
            if len(self.classes_) == 2:  # binary SVMs keep one row of weights, scoring the second class
                positive = (y == self.classes_[1])[:, None]
            else:
                positive = y[:, None] == self.classes_[None, :]
            # the sigmoids read the folds' scores alone: fitted while the final SVM may still be fitting
            a, b = fit_sigmoids(scores, positive, None if weights is None else weights[calibrated])
            svm = final.result()
        self.weights_ = np.ascontiguousarray(svm.coef_.T, dtype=np.float32)
        self.intercept_ = np.asarray(svm.intercept_, dtype=np.float32)
        self.sigmoid_a_ = np.asarray(a, dtype=np.float64)
        self.sigmoid_b_ = np.asarray(b, dtype=np.float64)
        return self

    def _svm_fit(self, X, y, sample_weight, tol):
        svm = LinearSVC(C=self.C, class_weight="balanced", tol=tol, random_state=RANDOM_STATE)
        return svm.fit(X, y, sample_weight=sample_weight)

    def decision_function(self, X):
        return np.asarray(X @ self.weights_) + self.intercept_

    def predict_proba(self, X):
        scores = self.decision_function(X).astype(np.float64)
        calibrated = 1.0 / (1.0 + np.exp(self.sigmoid_a_ * scores + self.sigmoid_b_))
        if len(self.classes_) == 2:
            positive = calibrated[:, 0]
            return np.column_stack([1.0 - positive, positive])
        total = calibrated.sum(axis=1, keepdims=True)
        uniform = np.full_like(calibrated, 1.0 / len(self.classes_))
        proba = np.divide(calibrated, total, out=uniform, where=total != 0)
        sharpness = getattr(self, "sharpness", 1.0)  # models saved before it existed: 1.0
        if sharpness != 1.0:
            proba = proba ** sharpness
            proba /= proba.sum(axis=1, keepdims=True)
        return np.clip(proba, 0.0, 1.0)

    def predict(self, X):
        return self.classes_[np.argmax(self.predict_proba(X), axis=1)]


class SoftmaxClassifier(ClassifierMixin, BaseEstimator):
    """Multinomial logistic regression, kept as plain arrays after fitting (weights, intercepts).

    Used for kind: its probabilities come straight from the softmax, and on held-out tickets it
    recalls more how-to tickets than the calibrated SVM does."""

    def __init__(self, C: float = 3.0):
        self.C = C

    def fit(self, X, y, sample_weight=None):
        # saga at tol 1e-2 fits 24,000 tickets in about half a second with the same held-out kind
        # accuracy as at 1e-3 (twice the passes) and as lbfgs at its default tolerance (15-20 s)
        regression = LogisticRegression(C=self.C, solver="saga", tol=KIND_TOLERANCE, max_iter=1000, random_state=RANDOM_STATE)
        regression.fit(X, y, sample_weight=sample_weight)
        self.classes_ = regression.classes_
        coef, intercept = regression.coef_, regression.intercept_
        if len(self.classes_) == 2:  # one row of weights for the second class: softmax over (0, z)
            coef = np.vstack([np.zeros_like(coef), coef])
            intercept = np.concatenate([[0.0], intercept])
        self.weights_ = np.ascontiguousarray(coef.T, dtype=np.float32)
        self.intercept_ = np.asarray(intercept, dtype=np.float32)
        return self

    def decision_function(self, X):
        return np.asarray(X @ self.weights_) + self.intercept_

    def predict_proba(self, X):
        scores = self.decision_function(X).astype(np.float64)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, X):
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]


# The module SVM's sigmoid calibration comes from cross-validation on the seed corpus, and on
# tickets written by other people it is under-confident: on the dev set, both held-out sets and
# the topics bench's weeks the log-loss-optimal temperature was 1.5-2.0 (confidence >= 0.8 right
# 98-100% of the time). 1.2 sharpens deliberately short of that, so that "sure" stays right at
# least 97% of the time on messier text than those sets hold (measured: 80-89% of tickets sure,
# right 97.8-99.1% of those times).
MODULE_SHARPNESS = 1.2


def flattened(probabilities: np.ndarray, rows: np.ndarray, ceiling: float = NO_KNOWN_WORDS_CONFIDENCE) -> np.ndarray:
    """*probabilities* with the marked *rows* mixed with the uniform distribution until their
    largest is at most *ceiling* (uniform when even that is above it); order and sums are kept."""
    if not rows.any():
        return probabilities
    out = np.array(probabilities, dtype=float, copy=True)
    uniform = 1.0 / out.shape[1]
    for i in np.flatnonzero(rows):
        largest = out[i].max()
        if largest <= ceiling:
            continue
        share = max(0.0, (ceiling - uniform) / (largest - uniform)) if largest > uniform else 0.0
        out[i] = share * out[i] + (1.0 - share) * uniform
    return out


def vague_columns(words: sp.csr_matrix, labels) -> np.ndarray:
    """The columns of a word block (*words*: a row per training ticket) whose word is vague for the labels
    (*labels*, one per row): see :data:`VAGUE_LIFT`."""
    classes, y = np.unique(np.asarray(labels), return_inverse=True)
    present = words.copy().tocsr()
    present.data = np.ones_like(present.data, dtype=np.float64)
    by_class = sp.csr_matrix((np.ones(len(y)), (np.arange(len(y)), y)), shape=(len(y), len(classes)))
    counts = np.asarray((present.T @ by_class).todense())  # word x class: tickets holding the word
    holding = counts.sum(axis=1)
    prior = np.bincount(y, minlength=len(classes)) / max(len(y), 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        lift = np.nan_to_num(counts / holding[:, None] / prior).max(axis=1)
    return np.flatnonzero((holding >= VAGUE_MIN_TICKETS) & (lift < VAGUE_LIFT)).astype(np.int32)


def _classifier(c: float, n_jobs: int = 2) -> CalibratedLinearSVC:
    return CalibratedLinearSVC(C=c, n_jobs=n_jobs, sharpness=MODULE_SHARPNESS)


class TicketModel:
    """Module and kind classifiers, each over its own text features."""

    def __init__(self, module_c: float = 0.5, kind_c: float = 3.0, n_jobs: int = 2):
        """*n_jobs*: the module SVMs fitted side by side. liblinear draws from one random generator for the whole
        process, so two fits side by side draw from it in turn and the same tickets give a slightly other model
        each time (a held-out set moved by a ticket); with 1 they fit one after another and the same tickets give
        the same model bit for bit, as the shipped model and the benches that measure it need (a desk's retrain,
        which someone waits for, fits side by side: one at a time took 7.6 -> 10.4 s on 20,000 tickets)."""
        self.module_c = module_c
        self.kind_c = kind_c
        self.n_jobs = n_jobs
        self.features: Pipeline | None = None
        self.kind_features: TfidfVectorizer | None = None
        self.module_classifier: CalibratedLinearSVC | None = None
        self.kind_classifier: SoftmaxClassifier | CalibratedLinearSVC | None = None
        self.vague_word_columns: np.ndarray | None = None  # see vague_columns (None: a model saved before them)

    @staticmethod
    def texts(rows) -> list[str]:
        return [ticket_text(r.get("title"), r.get("description")) for r in rows]

    def fit(self, rows: list[dict], sample_weight=None, kind_rows: list[dict] = ()) -> "TicketModel":
        """Fit on dicts with title, description, module and (optionally) kind (not learnt from a row marked
        :data:`elsdesk.corpus.MODULE_ONLY`); *kind_rows* (with title, description and kind) teach kind only, each at
        KIND_ONLY_WEIGHT."""
        self.fit_with_features(rows, sample_weight, kind_rows=kind_rows)
        return self

    def fit_with_features(self, rows: list[dict], sample_weight=None, meanwhile=None,
                          kind_rows: list[dict] = ()) -> sp.csr_matrix:
        """Fit as :meth:`fit` does; return the module features of *rows* (what the module
        classifier learnt from), so that an evaluation can compare tickets with them without
        reading the training tickets again. *meanwhile(model, matrix)*, when given, is called in
        this thread while the module classifier fits, once the features are fitted (it may use
        :meth:`matrices` and :meth:`content_words`, not the classifiers).

        Each text is cleaned and stemmed once for all four vectorizers (fitted from those analyses,
        as fit_transform would fit them). The classifiers fit in threads (liblinear and saga release
        the GIL): kind's as soon as its features are there, which read the cleaned text alone, while
        this thread stems the texts and builds the module features; then the module SVM, while this
        thread runs *meanwhile*. (Stemming after kind's features, not before, lets kind's fit use
        the second core while this thread stems: before it, only one core worked.)"""
        cleaned = [cleaned_once(text) for text in self.texts(rows)]
        folded = [fold(text) for text in cleaned]
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
        kinded = [i for i, r in enumerate(rows) if r.get("kind") and not r.get(MODULE_ONLY)]
        kind_only = [r for r in kind_rows if r.get("kind")]
        # the tickets that teach kind only are never stemmed: the module features do not read them
        kind_texts = [folded[i] for i in kinded] + [fold(cleaned_once(text)) for text in self.texts(kind_only)]
        kind_labels = [rows[i]["kind"] for i in kinded] + [r["kind"] for r in kind_only]
        kind_weights = None
        if weights is not None or kind_only:
            kind_weights = np.concatenate([np.ones(len(kinded)) if weights is None else weights[kinded],
                                           np.full(len(kind_only), KIND_ONLY_WEIGHT)])
        with ThreadPoolExecutor(max_workers=2) as pool:
            kind_fit = pool.submit(SoftmaxClassifier(C=self.kind_c).fit, self._fit_kind_features(kind_texts),
                                   kind_labels, sample_weight=kind_weights)
            del kind_texts
            module_fit = None
            try:
                prepared = [(text, stems_of_cleaned(clean)) for text, clean in zip(folded, cleaned)]
                del cleaned, folded
                matrix = self._fit_module_features(prepared)
                del prepared
                modules = np.asarray([r["module"] for r in rows])
                module_fit = pool.submit(_classifier(self.module_c, getattr(self, "n_jobs", 2)).fit, matrix, modules,
                                         sample_weight=weights)
                start, width = self._words_block()
                self.vague_word_columns = vague_columns(matrix[:, start:start + width], modules)
                if meanwhile is not None:
                    meanwhile(self, matrix)
            finally:
                self.kind_classifier = kind_fit.result()
                self.module_classifier = module_fit.result() if module_fit is not None else None
        for vectorizer in [v for _name, v in self.features.named_steps["features"].transformer_list] + [self.kind_features]:
            vectorizer.stop_words_ = None  # the terms min_df dropped: only bloats the saved file
        return matrix

    def _fit_kind_features(self, folded: list[str]) -> sp.csr_matrix:
        """Fit the kind features on cleaned, folded texts (:func:`elsdesk.ml.text.char_text`); their matrix."""
        self.kind_features = build_kind_features()
        tokenize = self.kind_features.build_tokenizer()
        return fit_word_ngrams(self.kind_features, TokenIds(tokenize(in_swedish_text(text)) for text in folded))

    def _fit_module_features(self, prepared) -> sp.csr_matrix:
        self.features = build_features()
        union = self.features.named_steps["features"]
        vectorizers = dict(union.transformer_list)
        weights = union.transformer_weights or {}
        chars = vectorizers["chars"]
        stems = TokenIds(stems for _text, stems in prepared)  # read once for the words and the word pairs
        blocks = {
            "words": fit_word_ngrams(vectorizers["words"], stems),
            "word_pairs": fit_word_ngrams(vectorizers["word_pairs"], stems, (2, 2)),  # what its analyzer (_pairs) makes
            "chars": fit_char_wb(chars, (text for text, _stems in prepared)),
        }
        return sp.hstack([blocks[name] * weights.get(name, 1.0) for name, _v in union.transformer_list],
                         format="csr", dtype=np.float32)

    def _kind_features(self):
        # models saved before kind had features of its own read the module features
        return getattr(self, "kind_features", None) or self.features

    @property
    def module_labels(self) -> list[str]:
        return list(self.module_classifier.classes_)

    @property
    def kind_labels(self) -> list[str]:
        return list(self.kind_classifier.classes_)

    def module_pipeline(self) -> Pipeline:
        """Raw text → module, as one scikit-learn Pipeline."""
        return Pipeline(self.features.steps + [("module", self.module_classifier)])

    def kind_pipeline(self) -> Pipeline:
        """Raw text → kind, as one scikit-learn Pipeline."""
        features = self._kind_features()
        steps = features.steps if isinstance(features, Pipeline) else [("kind_features", features)]
        return Pipeline(steps + [("kind", self.kind_classifier)])

    def module_matrix(self, texts: list[str] | PreparedTexts):
        """The module features of *texts*: the same as ``self.features.transform`` (the union's
        weighted blocks side by side), computed without scikit-learn's per-call overhead and with
        each text cleaned once for all blocks."""
        texts = texts if isinstance(texts, PreparedTexts) else PreparedTexts.of(texts)
        union = self.features.named_steps["features"]
        weights = union.transformer_weights or {}
        blocks = [texts.features(v) * weights.get(name, 1.0) for name, v in union.transformer_list]
        return sp.hstack(blocks, format="csr")

    def content_words(self, module_matrix: sp.csr_matrix) -> sp.csr_matrix:
        """The stemmed content words and word pairs of a module feature matrix (its first two
        blocks), rows scaled to unit length: what a ticket says, without spelling, greeting or
        signature."""
        union = self.features.named_steps["features"]
        width = sum(len(v.vocabulary_) for name, v in union.transformer_list if name in ("words", "word_pairs"))
        block = module_matrix[:, :width].astype(np.float32)
        norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.csr_matrix(sp.diags(1.0 / norms).astype(np.float32) @ block)

    def kind_matrix(self, texts: list[str] | PreparedTexts):
        texts = texts if isinstance(texts, PreparedTexts) else PreparedTexts.of(texts)
        features = self._kind_features()
        if isinstance(features, TfidfVectorizer):
            return texts.features(features)
        return self.module_matrix(texts)

    def matrices(self, rows, prepared: PreparedTexts | None = None) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """The module and the kind features of dicts with title and description (whose texts,
        prepared, are *prepared* when given), each text cleaned once for both."""
        texts = prepared or PreparedTexts.of(self.texts(rows))
        return self.module_matrix(texts), self.kind_matrix(texts)

    def probabilities(self, rows, matrices=None) -> tuple[np.ndarray, np.ndarray]:
        """The classifiers' module and kind probabilities per row, as the pipelines give them."""
        module_matrix, kind_matrix = self.matrices(rows) if matrices is None else matrices
        return self.module_classifier.predict_proba(module_matrix), self.kind_classifier.predict_proba(kind_matrix)

    def shown_probabilities(self, rows, matrices=None) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`probabilities` as the model shows them: a row with no word the model knows gets
        them flattened to at most NO_KNOWN_WORDS_CONFIDENCE (their order kept), and so does a row whose
        module words are all vague (:meth:`knows_module_words`)."""
        module_matrix, kind_matrix = self.matrices(rows) if matrices is None else matrices
        module_p, kind_p = self.probabilities(rows, (module_matrix, kind_matrix))
        return (flattened(module_p, ~self.knows_module_words(module_matrix, rows)),
                flattened(kind_p, ~self.knows_kind_words(kind_matrix, module_matrix)))

    def _words_block(self) -> tuple[int, int] | None:
        """(first column, width) of the stemmed words in the module features; None in a model saved with other
        features."""
        start = 0
        for name, vectorizer in self.features.named_steps["features"].transformer_list:
            width = len(getattr(vectorizer, "vocabulary_", {}) or {})
            if name == "words":
                return start, width
            start += width
        return None

    def knows_module_words(self, module_matrix, rows=None) -> np.ndarray:
        """True per row whose text has a (stemmed) content word the module features know. With *rows* (the
        rows of the matrix), a row whose known words are all vague (:func:`vague_columns`) counts only when
        it has a word of five letters or more the model does not know (a compound such as "labbetiketter"
        or "nattinsulin", which the character features read)."""
        block = self._words_block()
        if block is None:
            return np.ones(module_matrix.shape[0], dtype=bool)  # no check
        start, width = block
        words = module_matrix[:, start:start + width]
        known = np.asarray(words.getnnz(axis=1) > 0).ravel()
        vague = getattr(self, "vague_word_columns", None)
        if rows is None or vague is None or not len(vague):
            return known
        telling = np.asarray(abs(words) @ self._telling_columns(width, vague)).ravel() > 0
        vocabulary = dict(self.features.named_steps["features"].transformer_list)["words"].vocabulary_
        for i in np.flatnonzero(known & ~telling):
            telling[i] = any(len(stem) >= 5 and stem not in vocabulary
                             for stem in swedish_stems(self.texts([rows[i]])[0]))
        return telling

    def _telling_columns(self, width: int, vague: np.ndarray) -> np.ndarray:
        """1 per word column that is not vague, 0 per vague one: made once per model, not at every prediction
        (a typed ticket is predicted at every pause)."""
        kept = _telling_columns.get(self)
        if kept is None or kept[0] is not vague:
            columns = np.ones(width, dtype=np.float32)
            columns[vague] = 0.0
            kept = _telling_columns[self] = (vague, columns)
        return kept[1]

    def knows_kind_words(self, kind_matrix, module_matrix) -> np.ndarray:
        """True per row whose text has a word the kind features know ("?" alone is no word)."""
        features = self._kind_features()
        if not isinstance(features, TfidfVectorizer):  # an older model reading the module features for kind
            return self.knows_module_words(module_matrix)
        if features not in _word_columns:
            vocabulary = features.vocabulary_
            columns = np.zeros(len(vocabulary), dtype=bool)
            for term, column in vocabulary.items():
                columns[column] = any(ch.isalnum() for ch in term)
            _word_columns[features] = columns
        columns = _word_columns[features]
        return np.asarray(kind_matrix[:, columns].getnnz(axis=1) > 0).ravel()

    def predict(self, rows, matrices=None) -> list[Prediction]:
        """Predictions for dicts with title and description (whose :meth:`matrices` are
        *matrices* when given)."""
        if not rows:
            return []
        module_p, kind_p = self.shown_probabilities(rows, matrices)
        modules, kinds = self.module_labels, self.kind_labels
        results = []
        for m_row, k_row in zip(module_p, kind_p):
            order = np.argsort(-m_row)[:3]
            k_best = int(np.argmax(k_row))
            results.append(Prediction(
                module=modules[order[0]], confidence=float(m_row[order[0]]),
                kind=kinds[k_best], kind_confidence=float(k_row[k_best]),
                top=[(modules[i], float(m_row[i])) for i in order],
            ))
        return results

    def predict_one(self, title: str, description: str = "") -> Prediction:
        return self.predict([{"title": title, "description": description}])[0]
