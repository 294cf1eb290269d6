"""TicketModel: one scikit-learn Pipeline from raw ticket text to module, and one to kind.

Both pipelines share the same fitted text features (stemmed word n-grams and folded character
n-grams, TF-IDF weighted) and end in a linear SVM whose scores are calibrated into probabilities
(sigmoid, 3-fold), used as confidence. The model is a plain Python object: fit, predict, nothing about files or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.calibration import CalibratedClassifierCV
from sklearn.svm import LinearSVC
from sklearn.pipeline import FeatureUnion, Pipeline

from elsdesk.ml.text import char_text, stemmed_tokens, ticket_text

RANDOM_STATE = 20250423


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
        analyzer=stemmed_tokens, ngram_range=(1, 1), min_df=1, sublinear_tf=True, dtype=np.float32
    )
    word_pairs = TfidfVectorizer(
        analyzer=_stem_bigrams, min_df=2, sublinear_tf=True, dtype=np.float32
    )
    chars = TfidfVectorizer(
        preprocessor=char_text, analyzer="char_wb", ngram_range=(3, 5), min_df=2, max_features=120_000,
        sublinear_tf=True, dtype=np.float32,
    )
    union = FeatureUnion([("words", words), ("word_pairs", word_pairs), ("chars", chars)],
                         transformer_weights={"words": 1.0, "word_pairs": 0.5, "chars": 1.0})
    return Pipeline([("features", union)])


def _stem_bigrams(text: str) -> list[str]:
    tokens = stemmed_tokens(text)
    return [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def _classifier(c: float) -> CalibratedClassifierCV:
    svm = LinearSVC(C=c, class_weight="balanced", random_state=RANDOM_STATE)
    return CalibratedClassifierCV(svm, cv=3, method="sigmoid")


class TicketModel:
    """Module and kind classifiers over shared text features."""

    def __init__(self, module_c: float = 0.5, kind_c: float = 0.3):
        self.module_c = module_c
        self.kind_c = kind_c
        self.features: Pipeline | None = None
        self.module_classifier: CalibratedClassifierCV | None = None
        self.kind_classifier: CalibratedClassifierCV | None = None

    @staticmethod
    def texts(rows) -> list[str]:
        return [ticket_text(r.get("title"), r.get("description")) for r in rows]

    def fit(self, rows: list[dict], sample_weight=None) -> "TicketModel":
        """Fit on dicts with title, description, module and (optionally) kind."""
        texts = self.texts(rows)
        self.features = build_features()
        matrix = self.features.fit_transform(texts)
        modules = [r["module"] for r in rows]
        self.module_classifier = _classifier(self.module_c).fit(matrix, modules, sample_weight=sample_weight)
        kinded = [i for i, r in enumerate(rows) if r.get("kind")]
        weights = None if sample_weight is None else np.asarray(sample_weight)[kinded]
        self.kind_classifier = _classifier(self.kind_c).fit(
            matrix[kinded], [rows[i]["kind"] for i in kinded], sample_weight=weights)
        for classifier in (self.module_classifier, self.kind_classifier):
            for calibrated in classifier.calibrated_classifiers_:
                calibrated.estimator.coef_ = np.asfortranarray(calibrated.estimator.coef_)
        return self

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
        return Pipeline(self.features.steps + [("kind", self.kind_classifier)])

    def probabilities(self, rows) -> tuple[np.ndarray, np.ndarray]:
        matrix = self.features.transform(self.texts(rows))
        return self.module_classifier.predict_proba(matrix), self.kind_classifier.predict_proba(matrix)

    def predict(self, rows) -> list[Prediction]:
        """Predictions for dicts with title and description."""
        if not rows:
            return []
        module_p, kind_p = self.probabilities(rows)
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
