"""A group's term means are taken over the group's own terms (elsdesk/topics/finder.py ``_term_means``), not the week's
whole vocabulary, and must be what scipy's ``mean(axis=0)`` gives to the last bit: the typical member, and so a
topic's examples and name, follows from them."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from elsdesk.topics.finder import _term_means


def test_term_means_are_scipy_s_mean_and_share_to_the_last_bit():
    generator = np.random.default_rng(46)
    for rows, columns, density in ((3, 40, 0.2), (57, 5_000, 0.01), (400, 30_000, 0.002), (1, 10, 0.5)):
        block = sp.random(rows, columns, density=density, format="csr", dtype=np.float32, random_state=generator)
        block.data = np.abs(block.data) + np.float32(0.001)
        block.sort_indices()
        means, shares, used = _term_means(block)
        assert used.tolist() == sorted(set(block.indices.tolist()))
        whole = np.asarray(block.mean(axis=0)).ravel()
        assert means.dtype == whole.dtype and np.array_equal(means, whole[used])  # bit for bit, not approximately
        assert np.array_equal(shares, np.asarray((block > 0).sum(axis=0)).ravel()[used] / rows)
        assert not whole[np.setdiff1d(np.arange(columns), used)].any()  # no term outside the group has weight
