"""Character n-grams packed into integers (elsdesk.ml.packed_grams): the topic finder's character counts are what
cutting each word into strings counts, to the column order and the last count."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from elsdesk.ml.packed_grams import word_gram_counts
from elsdesk.ml.vectorizing import count_char_wb
from elsdesk.topics.vectors import CHAR_NGRAMS, _folded_grams, _word_char_grams, char_counts

_LETTERS = list("ab åäöÅé\n\tX-.1ø") + ["\U0001f642", "\U0010ffff", "ß", "İ"]


def _cut_one_by_one(texts: list[str], folding: bool):
    vocabulary, counts = count_char_wb(texts, *CHAR_NGRAMS, np.int32,
                                       word_grams=_folded_grams if folding else _word_char_grams)
    return list(vocabulary), counts


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_LETTERS), max_size=40), max_size=6), st.booleans())
def test_packed_character_counts_are_the_string_cutters_counts(texts, folding):
    want_grams, want = _cut_one_by_one(texts, folding)
    counts, grams = char_counts(texts, folding=folding)
    assert list(grams) == want_grams
    assert counts.shape == want.shape and counts.dtype == want.dtype
    assert np.array_equal(counts.indptr, want.indptr) and np.array_equal(counts.indices, want.indices)
    assert np.array_equal(counts.data, want.data)


def test_words_whose_letters_do_not_pack_are_left_to_the_string_cutter():
    assert word_gram_counts([], 4, 5, np.int32) is None
    assert word_gram_counts(["a\x00b"], 4, 5, np.int32) is None  # a NUL would read as "no letter"
    assert word_gram_counts(["a\udc80b"], 4, 5, np.int32) is None  # a lone surrogate has no UTF-32
    assert word_gram_counts([chr(0x4E00 + i) * 3 for i in range(5000)], 4, 5, np.int32) is None  # 13 bits a letter
    texts = ["a\x00b x\udc80yz", "abab"]
    counts, grams = char_counts(texts)
    want_grams, want = _cut_one_by_one(texts, False)
    assert list(grams) == want_grams and (counts != want).nnz == 0
