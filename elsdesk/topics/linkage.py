"""Average-linkage clustering cut at a cosine distance, in memory and time that stay bounded for big groups.

Every ticket's vector has unit length, so the average cosine similarity over all pairs of two groups
is the dot product of the groups' mean vectors. Average linkage (UPGMA) therefore works on group
means and sizes: :func:`average_linkage` merges the closest pair of groups while they are closer
than the threshold, from any starting cells (single tickets give exactly the classic algorithm).

A module group of up to :data:`DIRECT_LIMIT` tickets is clustered in one go, all pairs compared.
A bigger one (a large module in a week of tens of thousands of tickets) is first split into
blocks of nearby tickets (recursive two-means on a small dense projection); each block is
clustered exactly, its clusters become the cells of the next round, and rounds repeat until all
cells fit one last all-pairs pass. Memory stays at one block's matrix (~36 MB) however big the
group, where the old k-means condensation held a dense centroid per cell over every term.
"""

from __future__ import annotations

import numpy as np

from elsdesk.topics.vectors import CellMeans, TicketVectors

DIRECT_LIMIT = 3000
_BALANCE = 0.25  # a two-means split keeping less than this share on one side is replaced by a median cut


def average_linkage(similarity: np.ndarray, sizes: np.ndarray, min_similarity: float) -> list[list[int]]:
    """Groups of cell indices after merging, closest first, every pair of groups whose average
    similarity is above *min_similarity*. *similarity* holds the dot products of the cells' mean
    vectors and is overwritten; *sizes* are the cells' ticket counts."""
    count = len(sizes)
    if count < 2:
        return [[i] for i in range(count)]
    s = similarity
    np.fill_diagonal(s, -np.inf)
    weight = np.asarray(sizes, dtype=np.float64).copy()
    best = s.argmax(axis=1)
    value = s[np.arange(count), best]
    members: list[list[int]] = [[i] for i in range(count)]
    while True:
        i = int(value.argmax())
        if not value[i] > min_similarity:
            break
        j = int(best[i])
        merged = (weight[i] * s[i] + weight[j] * s[j]) / (weight[i] + weight[j])
        s[i, :] = merged
        s[:, i] = merged
        s[i, i] = -np.inf
        s[j, :] = -np.inf
        s[:, j] = -np.inf
        weight[i] += weight[j]
        members[i].extend(members[j])
        members[j] = []
        # a merged similarity is an average of two, never above either: only rows that pointed
        # at i or j can have a new best partner
        stale = np.flatnonzero((best == i) | (best == j))
        if len(stale):
            rows = s[stale]
            best[stale] = rows.argmax(axis=1)
            value[stale] = rows[np.arange(len(stale)), best[stale]]
        value[j] = -np.inf
    return [group for group in members if group]


def cluster(vectors: TicketVectors, rows: np.ndarray, distance_threshold: float, random_state: int = 0,
            limit: int | None = None, kinds: list | None = None, kind_penalty: float = 0.0,
            kind_certainty: list | None = None) -> list[list[int]]:
    """Average-linkage clusters of *rows* (indices into *vectors*) cut at *distance_threshold*, as
    lists of positions in *rows*. Rows without any term stay out. At most *limit* cells are compared
    all against all (default :data:`DIRECT_LIMIT`). With *kinds* (one per row, None when unknown),
    two tickets of different known kinds count *kind_penalty* less similar (in the all-pairs pass),
    times both kinds' *kind_certainty* (one per row, default 1: a kind the model guessed counts as
    much as the model was sure)."""
    limit = limit or DIRECT_LIMIT
    rows = np.asarray(rows, dtype=np.int64)
    usable = np.flatnonzero(vectors.has_terms()[rows])
    min_similarity = 1.0 - distance_threshold
    if len(usable) <= limit:  # the usual case: every ticket against every other, in SciPy
        if len(usable) < 2:
            return [[int(p)] for p in usable]
        similarity = CellMeans.of_rows(vectors, rows[usable]).similarity()
        if kinds is not None and kind_penalty:
            certainty = None if kind_certainty is None else [kind_certainty[p] for p in usable]
            _penalise_other_kinds(similarity, [kinds[p] for p in usable], kind_penalty, certainty)
        return [sorted(int(usable[g]) for g in group) for group in single_ticket_linkage(similarity, min_similarity)]
    cells = [np.array([p]) for p in usable]
    rng = np.random.default_rng(random_state)
    while len(cells) > limit:
        joined = []
        for block in _blocks(vectors, rows, cells, limit, rng):
            joined.extend(_join(vectors, rows, [cells[b] for b in block], min_similarity))
        if len(joined) == len(cells):
            break  # nothing joins inside any block: no pass over all of them would either, in practice
        cells = joined
    if len(cells) <= limit:
        cells = _join(vectors, rows, cells, min_similarity)
    return [sorted(int(p) for p in cell) for cell in cells]


def _penalise_other_kinds(similarity: np.ndarray, kinds: list, penalty: float, certainty: list | None = None) -> None:
    """Lower the similarity of every pair whose kinds are both known and differ (in place), by
    *penalty* times the two kinds' *certainty* (default 1 each)."""
    codes = {kind: code for code, kind in enumerate(sorted({k for k in kinds if k}))}
    labels = np.array([codes.get(k, -1) if k else -1 for k in kinds])
    known = labels >= 0
    differ = (labels[:, None] != labels[None, :]) & known[:, None] & known[None, :]
    sure = None if certainty is None else np.clip(np.asarray(certainty, dtype=np.float32), 0.0, 1.0)
    if sure is None or (sure == 1.0).all():
        np.subtract(similarity, np.float32(penalty), out=similarity, where=differ)  # 4x a boolean-index update
        return
    weight = np.multiply.outer(sure, sure)  # one temporary the size of the matrix
    weight *= differ
    weight *= np.float32(penalty)
    similarity -= weight


def _join(vectors: TicketVectors, rows: np.ndarray, cells: list[np.ndarray], min_similarity: float) -> list[np.ndarray]:
    if len(cells) < 2:
        return cells
    means = vectors.means([rows[c] for c in cells])
    sizes = np.array([len(c) for c in cells])
    if (sizes == 1).all():  # single tickets: SciPy's average linkage does the same in C
        groups = single_ticket_linkage(means.similarity(), min_similarity)
    else:
        groups = average_linkage(means.similarity(), sizes, min_similarity)
    return [np.concatenate([cells[g] for g in group]) for group in groups]


def single_ticket_linkage(similarity: np.ndarray, min_similarity: float) -> list[list[int]]:
    """:func:`average_linkage` for cells of one ticket each, by SciPy: the merges whose average
    cosine distance stays below ``1 - min_similarity``, as scikit-learn's cut at a distance threshold."""
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    count = similarity.shape[0]
    distances = np.subtract(1.0, similarity, out=similarity)
    np.clip(distances, 0.0, 2.0, out=distances)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False).astype(np.float64), method="average")
    threshold = 1.0 - min_similarity
    groups: dict[int, list[int]] = {i: [i] for i in range(count)}
    for step, (left, right, height, _size) in enumerate(tree):
        if height < threshold:  # heights only grow, so these are whole subtrees
            groups[count + step] = groups.pop(int(left)) + groups.pop(int(right))
    return list(groups.values())


def _blocks(vectors: TicketVectors, rows: np.ndarray, cells: list[np.ndarray], limit: int, rng) -> list[np.ndarray]:
    """Cells split into blocks of at most *limit* cells that lie near each other."""
    points = _cell_points(vectors, rows, cells)
    pending, blocks = [np.arange(len(cells))], []
    while pending:
        block = pending.pop()
        if len(block) <= limit:
            blocks.append(block)
            continue
        left = _two_means(points[block], rng)
        if min(left.sum(), (~left).sum()) < _BALANCE * len(block):
            direction = points[block] - points[block].mean(axis=0)
            axis = np.linalg.svd(direction[rng.choice(len(block), min(len(block), 2000), replace=False)],
                                 full_matrices=False)[2][0]
            projection = direction @ axis
            left = projection <= np.median(projection)
            if left.all() or not left.any():
                left = np.arange(len(block)) < len(block) // 2
        pending.extend((block[left], block[~left]))
    return blocks


def _cell_points(vectors: TicketVectors, rows: np.ndarray, cells: list[np.ndarray]) -> np.ndarray:
    """Each cell's mean dense projection, from one projection of all the cells' rows."""
    sizes = np.array([len(c) for c in cells])
    projected = vectors.dense_projection(rows[np.concatenate(cells)])
    if (sizes == 1).all():
        return np.asarray(projected, dtype=np.float32)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    return (np.add.reduceat(projected, starts, axis=0) / sizes[:, None]).astype(np.float32)


def _two_means(points: np.ndarray, rng, iterations: int = 8) -> np.ndarray:
    """Which points fall to the first of two k-means centres (a few Lloyd steps from two spread seeds)."""
    first = points[rng.integers(len(points))]
    second = points[int(((points - first) ** 2).sum(axis=1).argmax())]
    centres = np.vstack([first, second])
    left = np.ones(len(points), dtype=bool)
    for _ in range(iterations):
        distances = (points ** 2).sum(axis=1)[:, None] - 2 * points @ centres.T + (centres ** 2).sum(axis=1)[None, :]
        new_left = distances[:, 0] <= distances[:, 1]
        if new_left.all() or not new_left.any() or (new_left == left).all():
            left = new_left
            break
        left = new_left
        centres = np.vstack([points[left].mean(axis=0), points[~left].mean(axis=0)])
    return left
