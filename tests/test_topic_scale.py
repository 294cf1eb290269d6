"""Topics at scale (issue 14): the fast paths group tickets as the plain algorithms do."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import hstack
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics.pairwise import cosine_distances
from sklearn.preprocessing import normalize

from elsdesk.topics import linkage
from elsdesk.topics.finder import Ticketish, TopicFinder, _char_text, analyse
from elsdesk.topics.linkage import average_linkage, cluster, single_ticket_linkage
from elsdesk.topics.vectors import build_vectors, char_counts, reference_model

REFERENCE = [
    "Kan inte skriva ut etiketter. Skrivaren på avdelningen skriver ut tomma etiketter",
    "Provsvar saknas. Hittar inte provsvaret för CRP i journalen",
    "SITHS-kortet är spärrat efter fel PIN-kod",
    "Remissen till röntgen fastnar i utkorgen",
    "Läkemedelslistan visar inte dagens doser",
]
WEEK = [
    "Kan inte signera dos. Pennan är grå i utdelningsvyn när jag ska signera morgondosen",
    "Signera given dos. Hur signerar jag att dosen är given i utdelningsvyn?",
    "utdelningsvyn signering. kan inte signera dos i utdelningsvyn, knappen är grå",
    "SITHS-kortet spärrat. Skrev fel PIN tre gånger, SITHS-kortet är spärrat, behöver PUK",
    "PIN spärrad. Mitt SITHS-kort är låst efter fel PIN-kod, hur får jag PUK-koden?",
    "Kassarapport. Hur tar jag ut dagens kassarapport för mottagningen?",
    "Diktatet försvann när jag sparade",
]


def _groups(groups) -> list[list[int]]:
    return sorted(sorted(int(m) for m in group) for group in groups)


def _labels_to_groups(labels) -> list[list[int]]:
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return _groups(groups.values())


def test_word_vectors_equal_a_vectorizer_fitted_on_week_and_reference():
    vectors = build_vectors(WEEK, reference_model(REFERENCE), 0.0, 0.0)
    plain = TfidfVectorizer(analyzer=analyse, sublinear_tf=True).fit(WEEK + REFERENCE)
    expected = plain.transform(WEEK)
    columns = [plain.vocabulary_[term] for term in vectors.vocabulary]
    assert np.allclose(vectors.words.toarray(), expected[:, columns].toarray(), atol=1e-6)
    assert expected[:, columns].nnz == expected.nnz  # no term of the week is left out


def test_character_vectors_equal_a_char_wb_vectorizer():
    vectors = build_vectors(WEEK, reference_model(REFERENCE), 0.5, 0.0)
    plain = TfidfVectorizer(preprocessor=_char_text, analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True)
    plain.fit(WEEK + REFERENCE)
    expected = plain.transform(WEEK).toarray()
    counts, grams = char_counts([_char_text(t) for t in WEEK])
    columns = [plain.vocabulary_[g] for g in grams]
    assert np.allclose(vectors.chars.toarray(), expected[:, columns], atol=1e-6)


def test_char_counts_are_scikit_learns_char_wb_counts():
    texts = ["a ab abc abcd abcde abcdef", "läkemedelslistan är tom", "  x\ty  ", ""]
    plain = CountVectorizer(analyzer="char_wb", ngram_range=(4, 5), lowercase=False)
    expected = plain.fit_transform(texts)
    counts, grams = char_counts(texts)
    assert list(grams) == list(plain.get_feature_names_out())
    assert (counts != expected).nnz == 0


def _random_unit_rows(seed: int, n: int = 60, dims: int = 12):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(4, dims))
    points = centres[rng.integers(4, size=n)] + rng.normal(scale=0.8, size=(n, dims))
    return normalize(points)


@pytest.mark.parametrize("seed", range(5))
def test_average_linkage_groups_as_scikit_learns_agglomerative_clustering(seed):
    points = _random_unit_rows(seed)
    expected = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                       distance_threshold=0.6).fit_predict(cosine_distances(points))
    ours = average_linkage((points @ points.T).astype(np.float32), np.ones(len(points)), 1 - 0.6)
    scipys = single_ticket_linkage((points @ points.T).astype(np.float32), 1 - 0.6)
    assert _groups(ours) == _labels_to_groups(expected)
    assert _groups(scipys) == _labels_to_groups(expected)


def test_average_linkage_from_cells_uses_the_mean_of_all_pairs():
    # cells {0,1} and {2}: all-pairs average similarity is the dot product of the cells' means
    points = _random_unit_rows(7, n=3)
    means = np.vstack([points[:2].mean(axis=0), points[2]])
    average = float(np.mean(points[:2] @ points[2]))
    assert average_linkage((means @ means.T).astype(np.float32), np.array([2, 1]), average - 1e-4) == [[0, 1]]
    assert _groups(average_linkage((means @ means.T).astype(np.float32), np.array([2, 1]), average + 1e-4)) == [[0], [1]]


def _tickets(copies: int) -> list[Ticketish]:
    problems = [WEEK[0:3], WEEK[3:5]]
    tickets = []
    for copy in range(copies):
        for problem, texts in enumerate(problems):
            text = texts[copy % len(texts)]
            title, _, body = text.partition(". ")
            tickets.append(Ticketish(f"{problem}-{copy}", title, body or title, "lakemedel", "handhavande"))
    return tickets


def test_a_group_bigger_than_the_direct_limit_is_grouped_block_by_block_alike(monkeypatch):
    """Issue 14: a module with more tickets than one all-pairs matrix allows was condensed with
    k-means over dense centroids (minutes, over a gigabyte); now it is clustered in blocks."""
    tickets = _tickets(40)
    direct = TopicFinder(reference_texts=REFERENCE).find(tickets)
    monkeypatch.setattr(linkage, "DIRECT_LIMIT", 16)
    blocked = TopicFinder(reference_texts=REFERENCE).find(tickets)
    assert _groups(t.members for t in blocked) == _groups(t.members for t in direct)
    assert {tickets[m].key.split("-")[0] for t in blocked for m in t.members[:1]} == {"0", "1"}


def test_cluster_leaves_rows_without_terms_out():
    texts = WEEK[:3] + ["", " "]
    vectors = build_vectors(texts, reference_model(REFERENCE), 0.5, 0.5)
    groups = cluster(vectors, np.arange(len(texts)), 0.9)
    assert all(m < 3 for group in groups for m in group)
    assert sum(len(g) for g in groups) == 3


def test_reference_counts_are_learnt_once_per_process():
    assert reference_model(list(REFERENCE)) is reference_model(list(REFERENCE))
    assert reference_model(REFERENCE[:3]) is not reference_model(REFERENCE)


def test_joined_vectors_have_unit_length():
    vectors = build_vectors(WEEK, reference_model(REFERENCE), 0.5, 0.5)
    joined = hstack([vectors.words, vectors.chars * 0.5, vectors.lsa * 0.5]).toarray() * vectors.scale[:, None]
    assert np.allclose(np.linalg.norm(joined, axis=1), 1.0, atol=1e-5)


def test_reference_counts_kept_on_disk_load_as_they_were_counted(user_home):
    from elsdesk.topics import reference_cache, vectors

    user_home.mkdir(parents=True, exist_ok=True)
    counted = vectors._build_reference(REFERENCE, 0)
    key = reference_cache.cache_key("digest", 0)
    assert reference_cache.load(key) is None
    reference_cache.save(key, counted)
    loaded = reference_cache.load(key)
    assert loaded.size == counted.size and loaded.word_df == counted.word_df and loaded.char_df == counted.char_df
    assert loaded.lsa_columns == counted.lsa_columns
    assert np.array_equal(loaded.lsa_basis, counted.lsa_basis)
    assert reference_cache.load(reference_cache.cache_key("other texts", 0)) is None


def test_a_new_process_reads_the_reference_counts_instead_of_counting(monkeypatch, user_home):
    from elsdesk.topics import vectors

    user_home.mkdir(parents=True, exist_ok=True)
    texts = REFERENCE + ["Kallelsen skrevs ut med fel adress"]
    vectors._models.clear()
    first = reference_model(texts)
    vectors._models.clear()  # as in a new process
    monkeypatch.setattr(vectors, "_build_reference", lambda *a: pytest.fail("counted again"))
    again = reference_model(texts)
    assert again.word_df == first.word_df and np.array_equal(again.lsa_basis, first.lsa_basis)


def test_an_unreadable_reference_file_is_counted_again(user_home):
    from elsdesk.topics import reference_cache

    user_home.mkdir(parents=True, exist_ok=True)
    key = reference_cache.cache_key("broken", 0)
    reference_cache.cache_dir().mkdir(parents=True, exist_ok=True)
    path = reference_cache.cache_dir() / f"topic-reference-{key}.npz"
    for broken in (b"not a zip file", b"PK\x03\x04 truncated"):
        path.write_bytes(broken)
        assert reference_cache.load(key) is None


def test_the_reference_cache_never_creates_the_users_folder(user_home):
    """bench_topic_quality.py runs the CLI beside ELSDESK_HOME=<desk>/elsdesk: a folder named like the
    package that a cache created there would make Python import instead of an editable install."""
    from elsdesk.topics import reference_cache, vectors

    assert not user_home.exists()
    reference_cache.save(reference_cache.cache_key("digest", 0), vectors._build_reference(REFERENCE, 0))
    assert not user_home.exists()


def test_tickets_of_different_known_kinds_count_less_alike():
    """Issue 12: a how-to question and a defect report that share words are rarely one problem."""
    points = _random_unit_rows(3, n=4)
    similarity = (points @ points.T).astype(np.float32)
    penalised = similarity.copy()
    linkage._penalise_other_kinds(penalised, ["handhavande", "fel", "handhavande", None], 0.08)
    difference = similarity - penalised
    assert difference[0, 1] == pytest.approx(0.08) and difference[1, 2] == pytest.approx(0.08)
    assert difference[0, 2] == 0 and not difference[3].any() and not difference[:, 3].any()


def test_a_kind_the_model_guessed_counts_as_much_as_the_model_was_sure():
    """A differing kind lowers the similarity by the penalty times both kinds' certainty (a person's
    kind is certain), so an unsure guess does not split one problem in two."""
    points = _random_unit_rows(4, n=4)
    similarity = (points @ points.T).astype(np.float32)
    penalised = similarity.copy()
    linkage._penalise_other_kinds(penalised, ["handhavande", "fel", "fel", None], 0.08, [1.0, 0.5, 0.25, 1.0])
    difference = similarity - penalised
    assert difference[0, 1] == pytest.approx(0.04) and difference[0, 2] == pytest.approx(0.02)
    assert difference[1, 2] == 0 and not difference[3].any() and not difference[:, 3].any()
    certain = similarity.copy()
    linkage._penalise_other_kinds(certain, ["handhavande", "fel", "fel", None], 0.08, [1.0] * 4)
    plain = similarity.copy()
    linkage._penalise_other_kinds(plain, ["handhavande", "fel", "fel", None], 0.08)
    assert np.array_equal(certain, plain)


def test_a_stored_ticket_brings_how_sure_its_kind_is_to_the_finder():
    from elsdesk.domain import HUMAN, INTAKE, MODEL, Ticket
    from elsdesk.services.topics import finder_ticket

    guessed = Ticket(id=1, title="t", kind="fel", label_source=MODEL, kind_confidence=0.4, module="remiss")
    assert finder_ticket(guessed).kind_certainty == pytest.approx(0.4)
    assert finder_ticket(guessed, "lakemedel").module == "lakemedel"
    for source in (HUMAN, INTAKE, None):
        assert finder_ticket(Ticket(id=2, title="t", kind="fel", label_source=source, kind_confidence=0.4)).kind_certainty == 1.0


def test_the_finder_keeps_a_question_apart_from_a_fault_report_with_the_same_words():
    texts = ["Skrivaren skriver ut tomma etiketter. Hur väljer jag rätt etikettskrivare?",
             "Etikettskrivaren skriver ut tomma etiketter sedan i morse",
             "Hur väljer jag etikettskrivare på min dator? Etiketterna kommer ut tomma",
             "Tomma etiketter från skrivaren, den är trasig"]
    kinds = ["handhavande", "fel", "handhavande", "fel"]
    tickets = [Ticketish(str(i), t, "", "utskrift_hardvara", k) for i, (t, k) in enumerate(zip(texts, kinds))]
    together = TopicFinder(reference_texts=REFERENCE, kind_penalty=0.0, distance_threshold=0.95).find(tickets)
    apart = TopicFinder(reference_texts=REFERENCE, kind_penalty=1.0, distance_threshold=0.95).find(tickets)
    assert any(len({kinds[m] for m in t.members}) > 1 for t in together)
    assert all(len({kinds[m] for m in t.members}) == 1 for t in apart)
    unsure = [Ticketish(t.key, t.title, t.description, t.module, t.kind, kind_certainty=0.0) for t in tickets]
    guessed = TopicFinder(reference_texts=REFERENCE, kind_penalty=1.0, distance_threshold=0.95).find(unsure)
    assert [t.members for t in guessed] == [t.members for t in together]


def test_a_term_space_puts_new_texts_where_vectorizers_fitted_on_texts_and_reference_would():
    """The known-problem matcher learns its space once (issue 12) without counting the reference again."""
    from elsdesk.topics.term_space import TermSpace

    learnt, new = WEEK[:4], WEEK[4:] + ["Helt okända ord: xyzzy plugh"]
    space = TermSpace(learnt, reference_model(REFERENCE), 0.5, 0.0)
    words = TfidfVectorizer(analyzer=analyse, sublinear_tf=True).fit(learnt + REFERENCE)
    chars = TfidfVectorizer(preprocessor=_char_text, analyzer="char_wb", ngram_range=(4, 5), sublinear_tf=True)
    chars.fit(learnt + REFERENCE)
    expected = normalize(hstack([words.transform(new), chars.transform(new) * 0.5]))
    ours = space.vectors(new).joined()
    assert np.allclose(np.sort(ours.toarray(), axis=1), np.sort(expected.toarray(), axis=1), atol=1e-6)
    assert np.allclose(space.vectors(new).dot(space.vectors(learnt)),
                       (expected @ normalize(hstack([words.transform(learnt), chars.transform(learnt) * 0.5])).T).toarray(),
                       atol=1e-5)
