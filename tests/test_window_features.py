"""The incident scan's features (elsdesk.ml.window_features): each fit on a set of tickets gives the
rows scikit-learn's pipeline gives when fitted on their raw texts, whatever the scan counted before."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.preprocessing import normalize

from elsdesk.corpus import load_seed_corpus
from elsdesk.ml import window_features
from elsdesk.ml.model import build_features
from elsdesk.ml.text import ticket_text
from elsdesk.ml.window_features import WindowFeatures


def _texts(count: int, start: int = 0) -> list[str]:
    rows = load_seed_corpus()[start:start + count]
    return [ticket_text(r["title"], r.get("description") or "") for r in rows]


def _reference(texts: list[str]) -> np.ndarray:
    """Dot products of the pipeline's rows fitted on *texts* (the column order is the pipeline's)."""
    rows = normalize(build_features().fit_transform(texts))
    return (rows @ rows.T).toarray()


def _gram(features: WindowFeatures, keyed) -> np.ndarray:
    rows = features.vectors(keyed)
    return (rows @ rows.T).toarray()


def test_overlapping_fits_give_the_pipelines_rows_for_every_set():
    texts = _texts(300)
    keyed = [(i, f"2027-03-{1 + i // 20:02d}T08:00:00", text) for i, text in enumerate(texts)]
    features = WindowFeatures()
    for start, end in ((0, 120), (60, 200), (150, 300), (0, 300)):
        assert np.allclose(_gram(features, keyed[start:end]), _reference(texts[start:end]), atol=1e-5)


def test_a_text_without_a_key_is_counted_afresh_and_forgetting_keeps_fits_right():
    texts = _texts(80, start=400)
    features = WindowFeatures()
    keyed = [(i, f"2027-03-{1 + i // 10:02d}T08:00:00", text) for i, text in enumerate(texts)]
    features.vectors(keyed[:50])
    features.forget_before("2027-03-04T00:00:00")
    assert min(features._created.values()) >= "2027-03-04"
    fresh = [(None, "2027-03-09T08:00:00", "Cosmic hänger sig för hela avdelningen sedan kl 9")]
    assert np.allclose(_gram(features, keyed[30:80] + fresh), _reference(texts[30:80] + [fresh[0][2]]), atol=1e-5)


def test_the_character_feature_limit_keeps_the_terms_scikit_learn_keeps(monkeypatch):
    from elsdesk.ml import model

    original = model.build_features

    def few_features():
        pipeline = original()
        dict(pipeline.named_steps["features"].transformer_list)["chars"].set_params(max_features=300)
        return pipeline

    monkeypatch.setattr(model, "build_features", few_features)
    texts = _texts(150, start=900)
    features = WindowFeatures()
    keyed = [(i, "2027-03-01T08:00:00", text) for i, text in enumerate(texts)]
    assert np.allclose(_gram(features, keyed), (lambda r: (r @ r.T).toarray())(normalize(few_features().fit_transform(texts))),
                       atol=1e-5)


def test_nothing_to_compare_is_a_value_error_as_with_the_vectorizers():
    features = WindowFeatures()
    with pytest.raises(ValueError):
        features.vectors([(1, "2027-03-01T08:00:00", "och att"), (2, "2027-03-01T09:00:00", "det")])


def test_the_columns_start_again_when_a_long_scan_has_gathered_too_many(monkeypatch):
    monkeypatch.setattr(window_features, "MAX_TERMS", 50)
    features = WindowFeatures()
    texts = _texts(40, start=1500)
    keyed = [(i, "2027-03-01T08:00:00", text) for i, text in enumerate(texts)]
    features.vectors(keyed)
    features.forget_before("2027-01-01T00:00:00")
    assert not features._analysed and not any(features._terms)
    assert np.allclose(_gram(features, keyed), _reference(texts), atol=1e-5)
