"""Retraining without waste (issue 14): each text analysed once, the vectorizers fitted from those
analyses exactly as scikit-learn fits them, Platt's sigmoids for all classes at once, and an
evaluation that reuses the predictions and features it already has."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.calibration import CalibratedClassifierCV, _sigmoid_calibration
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from elsdesk.corpus import MODULE_ONLY, load_seed_corpus
from elsdesk.ml import model as model_module
from elsdesk.ml.comparison import compare, near_duplicates_by_features
from elsdesk.ml.model import KIND_TOKEN_PATTERN, CalibratedLinearSVC, TicketModel, build_features, build_kind_features
from elsdesk.ml.sigmoid import fit_sigmoids
from elsdesk.ml.text import char_text, in_swedish_text, prepared, stemmed_tokens, swedish_stems
from elsdesk.ml.vectorizing import char_wb_ngrams, fit_from_analyses, word_ngrams

TEXTS = ["Hej!\nKan inte signera dosen. Mvh Anna", "Skrivaren skriver inte ut armband", "", "a", "x y z",
         "Hur gör jag? Hur gör jag för att vidimera provsvar?", "läkemedel lakemedel LÄKEMEDELSLISTAN",
         "tel 0702741862 och anna@example.se ringer", "  flera   mellanslag\toch\nrader  ", "åäö éü ø æ", "I can't access the printer, it doesn't work"] * 3


def _same_fit(reference: TfidfVectorizer, fitted: TfidfVectorizer, expected, got) -> None:
    assert fitted.vocabulary_ == reference.vocabulary_
    assert np.array_equal(fitted.idf_, reference.idf_) and fitted.idf_.dtype == reference.idf_.dtype
    assert got.shape == expected.shape and got.dtype == expected.dtype
    assert abs(got - expected).max() <= 1e-12  # float64 sums may differ in the last bit
    assert np.array_equal(fitted.transform(TEXTS[:4]).toarray(), reference.transform(TEXTS[:4]).toarray())


@pytest.mark.parametrize("make, analyse", [
    (lambda: TfidfVectorizer(preprocessor=char_text, analyzer="char_wb", ngram_range=(4, 5), min_df=2, sublinear_tf=True,
                             dtype=np.float32), lambda t: char_wb_ngrams(prepared(t)[0], 4, 5)),
    (lambda: TfidfVectorizer(preprocessor=char_text, analyzer="char_wb", ngram_range=(3, 5), max_features=40),
     lambda t: char_wb_ngrams(prepared(t)[0], 3, 5)),
    (lambda: TfidfVectorizer(preprocessor=char_text, token_pattern=KIND_TOKEN_PATTERN, ngram_range=(1, 2), min_df=2,
                             sublinear_tf=True, dtype=np.float32),
     lambda t: word_ngrams(build_kind_features().build_tokenizer()(prepared(t)[0]), 1, 2)),
    (lambda: TfidfVectorizer(analyzer=swedish_stems, max_df=0.5, sublinear_tf=True), lambda t: list(prepared(t)[1])),
])
def test_a_vectorizer_fitted_from_analyses_is_the_one_fit_transform_makes(make, analyse):
    reference = make()
    expected = reference.fit_transform(TEXTS)
    fitted = make()
    got = fit_from_analyses(fitted, (analyse(t) for t in TEXTS))
    _same_fit(reference, fitted, expected, got)


@pytest.mark.parametrize("ngrams, limit", [((5, 5), None), ((4, 5), None), ((3, 5), 40), ((2, 3), None)])
def test_character_features_counted_word_by_word_are_the_ones_fit_transform_makes(ngrams, limit):
    from elsdesk.ml.vectorizing import fit_char_wb

    def make():
        return TfidfVectorizer(preprocessor=char_text, analyzer="char_wb", ngram_range=ngrams, min_df=2, max_features=limit,
                               sublinear_tf=True, dtype=np.float32)

    reference = make()
    expected = reference.fit_transform(TEXTS)
    fitted = make()
    got = fit_char_wb(fitted, (prepared(t)[0] for t in TEXTS))
    _same_fit(reference, fitted, expected, got)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab åäö\n\tXé-")), max_size=30), max_size=6))
def test_counting_character_n_grams_word_by_word_counts_what_cutting_each_text_counts(texts):
    from elsdesk.ml.vectorizing import count_char_wb, count_terms

    want_vocabulary, want = count_terms((char_wb_ngrams(t, 3, 5) for t in texts), np.float32)
    vocabulary, got = count_char_wb(texts, 3, 5, np.float32)
    assert vocabulary == want_vocabulary and got.shape == want.shape
    assert (got != want).nnz == 0


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c d", "c", "d", "d c", "?", "åä"]), max_size=8), max_size=7),
       st.sampled_from([(1, 1), (1, 2), (2, 2)]))
def test_word_n_grams_counted_from_token_numbers_are_what_count_terms_counts(documents, ngrams):
    # tokens holding a space ("c d") make pairs whose texts meet ("c d" + "c", "c" + "d c"): one column, as in count_terms
    from elsdesk.ml.vectorizing import TokenIds, count_terms

    want_vocabulary, want = count_terms((word_ngrams(tokens, *ngrams) for tokens in documents), np.float32)
    vocabulary, got = TokenIds(documents).ngram_counts(*ngrams, np.float32)
    assert list(vocabulary.items()) == list(want_vocabulary.items())
    assert got.shape == want.shape and got.dtype == want.dtype
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
    assert np.array_equal(got.data, want.data)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=60), st.lists(st.booleans(), min_size=41, max_size=41))
def test_pruning_renumbers_the_vocabulary_as_deleting_term_by_term_did(columns, keep):
    from elsdesk.ml.vectorizing import _renumbered

    vocabulary = {f"t{column}": column for column in dict.fromkeys(columns)}  # any order of the columns
    keep = np.asarray(keep)
    want = dict(vocabulary)
    new_index = np.cumsum(keep) - 1
    for term, old in list(want.items()):
        if keep[old]:
            want[term] = int(new_index[old])
        else:
            del want[term]
    _renumbered(vocabulary, keep)
    assert list(vocabulary.items()) == list(want.items())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_analysing_once_gives_what_the_vectorizers_analyse(text):
    chars = TfidfVectorizer(preprocessor=char_text, analyzer="char_wb", ngram_range=(4, 5)).build_analyzer()
    kind = build_kind_features()
    folded, stems = prepared(text)
    assert char_wb_ngrams(folded, 4, 5) == chars(text)
    assert word_ngrams(kind.build_tokenizer()(in_swedish_text(folded)), 1, 2) == kind.build_analyzer()(text)
    assert list(stems) == swedish_stems(text)


def test_the_model_features_are_the_ones_fit_transform_makes():
    rows = load_seed_corpus()[::7]
    model = TicketModel()
    matrix = model.fit_with_features(rows)
    reference = build_features()
    expected = reference.fit_transform(TicketModel.texts(rows))
    for (name, want), (_name, have) in zip(reference.named_steps["features"].transformer_list,
                                           model.features.named_steps["features"].transformer_list):
        assert have.vocabulary_ == want.vocabulary_, name
        assert np.array_equal(have.idf_, want.idf_), name
    assert abs(matrix - expected).max() == 0
    kind = build_kind_features()
    kind.fit([t for t, r in zip(TicketModel.texts(rows), rows) if r.get("kind") and not r.get(MODULE_ONLY)])
    assert model.kind_features.vocabulary_ == kind.vocabulary_ and np.array_equal(model.kind_features.idf_, kind.idf_)


def test_a_module_only_rounds_tickets_teach_the_module_and_not_the_kind():
    """seed_16 was written for module lines; learning its kinds moved a whole floor logged out of Cosmic from
    driftstörning to fel (elsdesk.corpus.MODULE_ONLY_ROUNDS)."""
    corpus = load_seed_corpus()
    marked = [r for r in corpus if r.get(MODULE_ONLY)]
    assert marked and all(r["kind"] for r in marked), "their kinds are labelled all the same"
    assert {r["module"] for r in marked} >= {"lakemedel", "remiss"}
    rows = [dict(r) for r in corpus[::9] if not r.get(MODULE_ONLY)]
    taught = {"title": "Zyxwortbeställning", "description": "zyxwortbeställningen zyxwort kommer inte fram",
              "module": "lakemedel", "kind": "onskemal"}
    model = TicketModel().fit(rows + [dict(taught, **{MODULE_ONLY: True})] * 3)
    assert not any("zyxwort" in term for term in model.kind_features.vocabulary_), "no kind learnt from it"
    words = model.features.named_steps["features"].transformer_list[0][1]
    assert any("zyxwort" in term for term in words.vocabulary_), "the module learnt from it"


@pytest.mark.parametrize("scale", [1.0, 80.0])  # above 30 scikit-learn scales the scores down first
def test_platt_sigmoids_for_all_classes_match_scikit_learn(scale):
    rng = np.random.default_rng(3)
    scores = rng.normal(size=(600, 4)) * scale
    positive = (scores + rng.normal(scale=scale, size=scores.shape)) > 0.5 * scale
    weights = rng.choice([1.0, 2.0], size=600)
    a, b = fit_sigmoids(scores, positive, weights)
    for column in range(4):
        want_a, want_b = _sigmoid_calibration(scores[:, column], positive[:, column].astype(int), weights)
        assert a[column] == pytest.approx(want_a, rel=1e-3, abs=1e-6)
        assert b[column] == pytest.approx(want_b, rel=1e-3, abs=1e-4)


def _seed_matrix(step=3):
    rows = load_seed_corpus()[::step]
    return build_features().fit_transform(TicketModel.texts(rows)), np.array([r["module"] for r in rows])


def test_the_calibrated_svm_gives_scikit_learns_probabilities(monkeypatch):
    monkeypatch.setattr(model_module, "CALIBRATION_TOLERANCE", model_module.SVM_TOLERANCE)  # one estimator there
    X, y = _seed_matrix()
    weights = np.where(np.arange(len(y)) % 3 == 0, 2.0, 1.0)
    ours = CalibratedLinearSVC(C=0.5).fit(X, y, sample_weight=weights)
    svm = LinearSVC(C=0.5, class_weight="balanced", tol=model_module.SVM_TOLERANCE, random_state=model_module.RANDOM_STATE)
    theirs = CalibratedClassifierCV(svm, cv=3, method="sigmoid", ensemble=False).fit(X, y, sample_weight=weights)
    assert list(ours.classes_) == list(theirs.classes_)
    # the two sigmoid optimisers stop at slightly different points within their tolerances (seen: 0.0010 apart
    # on a busy machine); a fifth of a percentage point is far below any band's width
    assert np.abs(ours.predict_proba(X[:300]) - theirs.predict_proba(X[:300])).max() < 2e-3


def test_a_label_with_fewer_tickets_than_folds_still_trains():
    """A region's own label confirmed twice used to stop the retrain (CalibratedClassifierCV refuses)."""
    X, y = _seed_matrix()
    y = y.copy()
    y[:2] = "egen_etikett"
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # and without scikit-learn's English warning about it on the console
        model = CalibratedLinearSVC(C=0.5).fit(X, y)
    assert "egen_etikett" in model.classes_ and np.isfinite(model.predict_proba(X[:20])).all()


def test_near_duplicates_by_features_are_cosines_at_or_above_the_threshold():
    import scipy.sparse as sp

    training = sp.csr_matrix(np.array([[1.0, 0.0, 0.0], [0.0, 0.6, 0.8]], dtype=np.float32))
    candidates = sp.csr_matrix(np.array([[0.0, 0.6, 0.8], [0.6, 0.8, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32))
    assert near_duplicates_by_features(candidates, training).tolist() == [True, False, False]
    assert near_duplicates_by_features(candidates, training, threshold=0.8).tolist() == [True, False, True]


@pytest.mark.parametrize("common, most_pairs", [(200, 2_000_000), (4, 2_000_000), (0, 2_000_000), (4, 0)])
def test_near_duplicates_are_those_of_the_whole_product(monkeypatch, common, most_pairs):
    """Only the pairs that may reach the threshold are summed (the rare features' part summed, the commonest
    features' part bounded, rows of mostly common features summed densely, or the whole product when there are
    too many of those): the same rows come out as from every pair's similarity."""
    import scipy.sparse as sp
    from elsdesk.ml import comparison

    monkeypatch.setattr(comparison, "COMMON_FEATURES", common)
    monkeypatch.setattr(comparison, "_MOST_COMMON_ONLY_PAIRS", most_pairs)
    rng = np.random.default_rng(20250423)

    def unit_rows(dense):
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        return sp.csr_matrix((dense / np.where(norms == 0, 1, norms)).astype(np.float32))

    # a few very common features (every row has some of them) and many rare ones
    training = rng.random((300, 60)) * (rng.random((300, 60)) < np.r_[np.full(5, 0.9), np.full(55, 0.08)])
    training[:10, 5:] = 0  # rows of common features only
    near = training[rng.integers(0, 300, 150)] * (1 + 0.3 * rng.random((150, 60)))  # near copies, some nearer
    candidates = np.vstack([near, rng.random((100, 60)) * (rng.random((100, 60)) < 0.15), np.zeros((2, 60))])
    training, candidates = unit_rows(training), unit_rows(candidates)
    similarity = (candidates @ training.T).toarray().max(axis=1)
    for threshold in (0.5, 0.8, 0.9, 0.95, 0.99):
        expected = similarity >= threshold - 1e-6
        assert 0 < expected.sum() < len(expected)
        assert near_duplicates_by_features(candidates, training, threshold).tolist() == expected.tolist()


class _Predicting:
    def __init__(self):
        self.calls = 0

    def predict(self, rows):
        self.calls += 1
        from elsdesk.ml.model import Prediction

        return [Prediction(r["module"], 0.9, "fel", 0.8, [(r["module"], 0.9)]) for r in rows]


def test_comparison_uses_the_predictions_and_duplicates_it_is_given():
    rows = [{"title": f"t{i}", "description": "", "module": ("remiss", "lakemedel", "tidbok")[i % 3]} for i in range(60)]
    new, active = _Predicting(), _Predicting()
    duplicates = [i < 10 for i in range(60)]
    result = compare(new, active, rows, training=[], duplicates=duplicates,
                     new_predictions=new.predict(rows), active_predictions=active.predict(rows))
    assert (new.calls, active.calls) == (1, 1)  # only the calls made above
    assert result.n == 50 and result.near_duplicates == 10 and result.new.correct == 50
    assert len(result.active_predictions) == 50 and "active_predictions" not in result.to_json()


def test_retraining_predicts_each_held_out_ticket_once_per_model(memory_db, monkeypatch):
    from elsdesk.domain import HUMAN, Ticket
    from elsdesk.services import classification
    from elsdesk.storage import TicketRepository

    repo = TicketRepository(memory_db)
    seed = load_seed_corpus()
    with memory_db.write():  # each ticket a title and a body of two different seed tickets: no copy of either
        for i, (head, body) in enumerate(zip(seed[1::17][:240], seed[9::17][:240])):
            repo.insert(Ticket(title=head["title"], description=body.get("description") or body["title"],
                               created_at=f"2025-05-{1 + i % 28:02d}T10:{i % 60:02d}:00", module=body["module"],
                               kind=body["kind"], label_source=HUMAN))
    calls = []
    original = TicketModel.predict
    monkeypatch.setattr(TicketModel, "predict", lambda self, rows, matrices=None: calls.append(len(rows)) or original(self, rows, matrices))
    result = classification.train_model(memory_db)
    assert result.held_out and result.card["evaluation"]["n"] > 0
    assert calls == [result.held_out, result.held_out]  # the active model once, the new model once
    assert result.new_quality["n"] == result.card["evaluation"]["n"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1@ \n\t.åäöéèüæøÅÄÖ-_07x")), max_size=60))
def test_folding_and_dropping_identifiers_are_unchanged_by_the_faster_code(text):
    import re

    from elsdesk.ml.text import _identifier_like, drop_identifier_like, fold

    old_fold = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"})
    assert fold(text) == text.translate(old_fold)
    old_words = re.compile(r"\S*[0-9@]\S*")
    assert drop_identifier_like(text) == old_words.sub(lambda m: " " if _identifier_like(m.group(0)) else m.group(0), text)


def test_the_features_of_prepared_texts_are_scikit_learns_transform():
    """The module and kind features a model computes itself (each text cleaned once for every
    vectorizer, shared between models) are what scikit-learn's transform gives."""
    from elsdesk.ml.model import PreparedTexts

    rows = load_seed_corpus()[::11]
    model = TicketModel().fit(rows)
    many = TicketModel.texts(rows[:40]) + TEXTS  # counted word by word
    for texts in (many, TEXTS[:5], ["Kan inte signera dosen"], [""]):
        module, kind = model.matrices([], PreparedTexts.of(texts))
        expected_module = model.features.transform(texts)
        assert module.shape == expected_module.shape and module.dtype == expected_module.dtype
        assert abs(module - expected_module).max() <= 1e-6
        expected_kind = model.kind_features.transform(texts)
        assert kind.shape == expected_kind.shape and kind.dtype == expected_kind.dtype
        assert abs(kind - expected_kind).max() <= 1e-6
        assert abs(model.module_matrix(texts) - module).max() == 0  # raw texts are prepared the same way


def test_module_words_read_english_as_swedish_and_a_model_saved_before_reads_as_it_learnt():
    """Tester (English locums): "sick note" was read as a journal note (0.94); the module's word features now
    read English words as their Swedish ones, as kind does. A model saved with the earlier analyzer keeps
    reading words as written, from the raw texts."""
    from elsdesk.ml.model import PreparedTexts

    assert swedish_stems("sick note forms") == swedish_stems("sjukskrivning anteckning blanketter")
    assert stemmed_tokens("sick note") == ["sick", "not"]
    old = TfidfVectorizer(analyzer=stemmed_tokens).fit(["sick note", "sjukintyg"])
    texts = ["sick note", "sjukskrivning"]
    assert (PreparedTexts.of(texts).features(old) != old.transform(texts)).nnz == 0
