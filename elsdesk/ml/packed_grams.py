"""Character n-grams of many words at once, each n-gram an integer: ``char_wb`` counts without a string per n-gram.

Cutting each distinct word of a week into its 4- and 5-grams one Python string at a time, and numbering the
strings in a dictionary, was most of the topic finder's character counting (issue 14). Here the words' letters
are numbered by their rank among the letters that occur (1, 2, ...; 0 is "no letter"), and an n-gram is its
letters' ranks side by side in one 64-bit integer, the first letter highest, shorter n-grams filled with 0 at the
end. Integers so made sort as the n-grams' strings sort (by code point, a prefix before what continues it), so
the distinct n-grams come out of one ``np.unique`` in the column order scikit-learn gives them, and only those are
made into strings. Words whose letters do not fit (too many distinct letters for *max_n* of them in 63 bits, a
NUL or a lone surrogate) are left to the caller's string cutter (None).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from elsdesk.ml.text import fold

_BITS = 63  # an n-gram's letters side by side in a signed 64-bit integer


def word_gram_counts(words: list[str], min_n: int, max_n: int, dtype, folding: bool = False
                     ) -> tuple[list[str], sp.csr_matrix] | None:
    """(the n-grams in sorted order, counts words x n-grams) of what ``analyzer="char_wb",
    ngram_range=(min_n, max_n)`` cuts each of *words* (no whitespace in them) into: n-grams of the word padded with
    a space at each edge, a padded word no longer than *min_n* one n-gram of its own; with *folding*, each word
    folded first (:func:`elsdesk.ml.text.fold`). None when the words' letters do not fit the packing (see the
    module)."""
    joined = "".join([f" {word} " for word in words])
    if folding:
        joined = fold(joined)  # letter for letter: every word keeps its length and place
    try:
        points = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if not len(points):
        return None
    # each letter's rank among the letters that occur, from a table as long as the highest code point (a few
    # thousand for Swedish text; a sort of every letter of the week's words took a third of the time)
    present = np.zeros(int(points.max()) + 1, dtype=np.bool_)
    present[points] = True
    alphabet = np.flatnonzero(present)
    bits = int(len(alphabet)).bit_length()
    if bits * max_n > _BITS or present[0]:  # a NUL would read as "no letter"
        return None
    ranks = np.cumsum(present, dtype=np.int64)[points]  # 1 for the lowest letter
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words)) + 2
    starts = np.zeros(len(words), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    codes, owners = [], []
    for n in range(min_n, max_n + 1):
        # a padded word no longer than min_n is one n-gram of its own length (at n == min_n), else its n-grams
        whole = lengths <= min_n
        size = np.where(whole, lengths, n) if n == min_n else np.full(len(words), n, dtype=np.int64)
        cuts = np.where(whole, 1 if n == min_n else 0, np.maximum(lengths - n + 1, 0))
        owner = np.repeat(np.arange(len(words), dtype=np.int64), cuts)
        offset = np.arange(int(cuts.sum()), dtype=np.int64) - np.repeat(np.cumsum(cuts) - cuts, cuts)
        at = starts[owner] + offset
        gram_size = size[owner]
        code = np.zeros(len(at), dtype=np.int64)
        for k in range(n):
            letter = ranks[np.minimum(at + k, len(ranks) - 1)] * (k < gram_size)  # 0 past a shorter n-gram's end
            code |= letter << (bits * (max_n - 1 - k))
        codes.append(code)
        owners.append(owner)
    distinct, column = np.unique(np.concatenate(codes), return_inverse=True)
    letters = (distinct[:, None] >> (bits * (max_n - 1 - np.arange(max_n)))) & ((1 << bits) - 1)
    code_points = np.where(letters > 0, alphabet[np.maximum(letters - 1, 0)], 0).astype("<u4")
    grams = np.ascontiguousarray(code_points).view(f"<U{max_n}").ravel().tolist()  # trailing NULs dropped
    rows = np.concatenate(owners)
    counts = sp.coo_matrix((np.ones(len(rows), dtype=dtype), (rows, column.ravel())),
                           shape=(len(words), len(grams))).tocsr()  # duplicates summed, as count_terms does
    counts.sort_indices()
    return grams, counts
