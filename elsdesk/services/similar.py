"""Similar earlier tickets: build the similarity index from the database, keep it current, and answer
"the five most similar earlier tickets" with their status and resolution.

The index is built in chunks on the caller's (worker) thread, newest tickets first, into an index the
caller may already hand to lookups: they answer from what is built so far. On a SQLite desk the finished
index is kept in a cache file beside the user's other caches (one per desk), so the next start reads it
and only indexes what was written since, instead of stemming every ticket again. PostgreSQL desks keep the
index in memory only (a shared server is read from many workstations; the cache would be per person).
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from elsdesk.domain import Ticket, now_iso
from elsdesk.domain import Cancelled
from elsdesk.storage import Database, TicketRepository

if TYPE_CHECKING:  # numpy loads only when an index is built (the GUI's first paint does not wait for it)
    from elsdesk.ml.similarity import SimilarityIndex

logger = logging.getLogger(__name__)
SIMILAR_COUNT = 5
BUILD_CHUNK = 4096
_IN_LIST = 900  # below SQLite's variable limit
_ID_CHUNK = 100_000  # ids read at once when a cache is checked for removed tickets
_RESAVE_AFTER = 1000  # tickets indexed after reading the cache before it is written again


@dataclass(frozen=True)
class SimilarTicket:
    """An earlier ticket and how similar its text is (cosine, 0-1)."""

    ticket: Ticket
    score: float


def new_similarity_index() -> SimilarityIndex:
    """An empty index, to be filled by :func:`build_similarity_index` while lookups already use it."""
    from elsdesk.ml.similarity import SimilarityIndex

    return SimilarityIndex()


def build_similarity_index(database: Database, progress: Callable[[int, int], None] | None = None,
                           is_cancelled: Callable[[], bool] | None = None, index: SimilarityIndex | None = None,
                           use_cache: bool = True) -> SimilarityIndex:
    """Index every stored ticket (into *index* when given); tickets saved while building are caught up at the end.

    Reads the desk's cache file when there is a valid one and indexes only what changed since it was written.
    """
    index = index if index is not None else new_similarity_index()
    cache = similarity_cache_file(database) if use_cache else None
    started = now_iso()
    saved = _read_cache(database, index, cache) if cache else None
    try:
        if saved is None:
            _index_all(database, index, progress, is_cancelled)
            caught_up = 0
        else:
            caught_up = _index_changed_since(database, index, saved["saved_at"], is_cancelled)
        caught_up += _index_changed_since(database, index, started, is_cancelled)
    except InterruptedError as exc:
        raise Cancelled("likhetsindexet avbröts") from exc
    if saved is None or caught_up >= _RESAVE_AFTER:  # else the cached weights stand (a few new rows drift no more
        index.finish()                                # than every ticket saved while the app runs)
    _return_freed_memory()
    if cache and (saved is None or caught_up >= _RESAVE_AFTER):
        _write_cache(database, index, cache, started)
    logger.info("similarity index over %d tickets (%s)", len(index),
                "built" if saved is None else f"read from the cache, {caught_up} caught up")
    return index


def _return_freed_memory() -> None:
    """Hand the heap a build freed back to the operating system (glibc keeps it otherwise: measured 70 MB at
    200,000 tickets); on other systems nothing to do."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # another C library (musl has no malloc_trim)
        pass


def _index_all(database: Database, index: SimilarityIndex, progress, is_cancelled) -> None:
    """Every ticket in chunks, newest first, so lookups during the build find recent tickets soonest."""
    total = TicketRepository(database).count()
    below = (database.query("SELECT max(id) FROM tickets")[0][0] or 0) + 1
    done = 0
    while True:
        if is_cancelled and is_cancelled():
            raise InterruptedError("building the similarity index was cancelled")
        rows = database.query("SELECT id, created_at, title, description FROM tickets WHERE id < ? ORDER BY id DESC"
                              " LIMIT ?", (below, BUILD_CHUNK))
        if not rows:
            return
        index.add_many(rows)
        below = rows[-1][0]
        done += len(rows)
        if progress:
            progress(min(done, total), total)


def _index_changed_since(database: Database, index: SimilarityIndex, at: str, is_cancelled) -> int:
    """Add (or replace) the tickets written at or after *at*; how many there were."""
    ids = [row[0] for row in database.query("SELECT id FROM tickets WHERE updated_at >= ? ORDER BY id", (at,))]
    for start in range(0, len(ids), _IN_LIST):
        if is_cancelled and is_cancelled():
            raise InterruptedError("building the similarity index was cancelled")
        chunk = ids[start : start + _IN_LIST]
        marks = ",".join("?" * len(chunk))
        index.add_many(database.query(f"SELECT id, created_at, title, description FROM tickets WHERE id IN ({marks})"
                                      " ORDER BY id", chunk))
    return len(ids)


# -- the cache file (SQLite desks) ----------------------------------------------------------
def similarity_cache_dir() -> Path:
    """Where index caches live: the user cache folder (inside ``ELSDESK_HOME`` when that is set)."""
    override = os.environ.get("ELSDESK_HOME")
    if override:
        return Path(override) / "cache"
    import platformdirs

    from elsdesk.paths import APP_NAME

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def similarity_cache_file(database: Database) -> Path | None:
    """The cache file of this desk's similarity index; None for a server or an in-memory desk."""
    from elsdesk.storage.database import SQLITE

    target = str(database.target or "")
    if database.backend != SQLITE or not target or target == ":memory:" or target.startswith("file:"):
        return None
    desk = str(Path(target).resolve())
    return similarity_cache_dir() / f"similar-{hashlib.sha256(desk.encode('utf-8')).hexdigest()[:24]}.npz"


def _fingerprint(database: Database, max_id: int) -> tuple[int, str]:
    """What must not have changed below *max_id* for a cache to hold: the count and the newest ticket's time."""
    count = database.query("SELECT count(*) FROM tickets WHERE id <= ?", (max_id,))[0][0]
    newest = database.query("SELECT created_at FROM tickets WHERE id = ?", (max_id,))
    return int(count), str(newest[0][0]) if newest else ""


def _read_cache(database: Database, index: SimilarityIndex, cache: Path) -> dict | None:
    """Fill *index* from *cache* when it belongs to this desk as it is now; what it says about itself, or None."""
    import numpy as np

    if not cache.is_file():
        return None
    try:
        with np.load(cache, allow_pickle=False) as arrays:
            desk, saved_at = (str(v) for v in arrays["desk"])
            max_id, count = (int(v) for v in arrays["desk_counts"])
            if desk != str(Path(database.target).resolve()):
                return None
            (now_count, now_newest), newest = _fingerprint(database, max_id), str(arrays["newest_created"][0])
            gone = [] if (now_count, now_newest) == (count, newest) else None
            # else tickets were removed (the newest too, or its id reused by a ticket written since: caught up below)
            if gone is None and (now_newest in (newest, "") or _written_since(database, max_id, saved_at)):
                held = np.asarray(arrays["ids"])[np.asarray(arrays["alive"], dtype=bool)]
                gone = _removed_since(database, held, max_id, count - now_count)
            if gone is None:
                logger.info("similarity cache %s is stale (the desk was replaced or changed under it)", cache.name)
                return None
            index.restore(arrays)
            for ticket_id in gone:  # tickets removed since (logged by mistake; demo data)
                index.remove(int(ticket_id))
    except (OSError, KeyError, ValueError) as exc:
        logger.warning("similarity cache %s unreadable, building again: %s", cache.name, exc)
        return None
    return {"saved_at": saved_at, "max_id": max_id}


def _written_since(database: Database, ticket_id: int, at: str) -> bool:
    return bool(database.query("SELECT 1 FROM tickets WHERE id = ? AND updated_at >= ?", (ticket_id, at)))


def _removed_since(database: Database, cached_ids, max_id: int, missing: int):
    """The ids a cache holds, up to *max_id*, that the desk no longer has, when they are exactly the *missing*
    many its count fell by (tickets removed since the cache was written: the cache still serves, without
    them, instead of a build of the whole desk; 83 s at 1,000,000 tickets); None otherwise (the desk was
    replaced, or changed under the cache some other way)."""
    import numpy as np

    if missing < 0:
        return None
    present, after = [], 0
    while True:  # the desk's ids in chunks (a list of a million rows at once took ~80 MB)
        rows = database.query("SELECT id FROM tickets WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
                              (after, max_id, _ID_CHUNK))
        if not rows:
            break
        present.append(np.fromiter((row[0] for row in rows), dtype=np.int64, count=len(rows)))
        after = rows[-1][0]
    cached = np.asarray(cached_ids, dtype=np.int64)
    gone = np.setdiff1d(cached[cached <= max_id], np.concatenate(present) if present else np.zeros(0, np.int64))
    return gone.tolist() if len(gone) == missing else None


def _write_cache(database: Database, index: SimilarityIndex, cache: Path, started: str) -> None:
    """Write the index to *cache* (atomically); tickets written since *started* are caught up when it is read."""
    import numpy as np

    max_id = int(database.query("SELECT coalesce(max(id), 0) FROM tickets")[0][0])
    count, newest = _fingerprint(database, max_id)
    partial = cache.with_suffix(".partial")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as handle:
            np.savez(handle, desk=np.array([str(Path(database.target).resolve()), started]),
                     desk_counts=np.array([max_id, count], dtype=np.int64), newest_created=np.array([newest]),
                     **index.state())
        os.replace(partial, cache)
    except OSError as exc:
        logger.warning("similarity cache not written (%s): %s", cache, exc)
        partial.unlink(missing_ok=True)


def forget_similarity_cache(database: Database) -> None:
    """Remove this desk's cache file (the next build indexes every ticket)."""
    cache = similarity_cache_file(database)
    if cache:
        cache.unlink(missing_ok=True)


# -- other workstations' tickets -------------------------------------------------------------
EDIT_MARGIN_S = 120  # edits stamped by another workstation's clock, up to this far behind ours, are caught


@dataclass(frozen=True)
class IndexMark:
    """How far an index holds the desk: every ticket up to id *max_id*, and every edit before *at*."""

    max_id: int
    at: str


def similarity_mark(database: Database) -> IndexMark:
    """The desk as it is now, to catch an index up from later (take it before reading the tickets)."""
    return IndexMark(int(database.query("SELECT coalesce(max(id), 0) FROM tickets")[0][0]), now_iso())


def catch_up_similarity_index(database: Database, index: SimilarityIndex, mark: IndexMark,
                              edits: bool = True) -> tuple[int, IndexMark]:
    """Add the tickets saved since *mark* and, with *edits*, replace the text of those edited since (by
    their time, EDIT_MARGIN_S early for another workstation's clock); how many, and the mark to catch up
    from next time. A change notice from another workstation calls it, so their tickets are found without
    a restart. New tickets are found through the primary key at any desk size; edits need a look at every
    ticket's time (no index on it), so callers ask for them less often."""
    from datetime import datetime, timedelta

    now = similarity_mark(database)
    if edits:
        since = (datetime.fromisoformat(mark.at) - timedelta(seconds=EDIT_MARGIN_S)).isoformat(timespec="seconds")
        rows = database.query("SELECT id FROM tickets WHERE id > ? OR updated_at >= ? ORDER BY id",
                              (mark.max_id, since))
    else:
        rows = database.query("SELECT id FROM tickets WHERE id > ? ORDER BY id", (mark.max_id,))
    ids = [row[0] for row in rows]
    for start in range(0, len(ids), _IN_LIST):
        chunk = ids[start : start + _IN_LIST]
        marks = ",".join("?" * len(chunk))
        index.add_many(database.query(f"SELECT id, created_at, title, description FROM tickets WHERE id IN ({marks})"
                                      " ORDER BY id", chunk))
    return len(ids), IndexMark(max(now.max_id, mark.max_id), now.at if edits else mark.at)


# -- lookups --------------------------------------------------------------------------------
def index_ticket(index: SimilarityIndex | None, ticket: Ticket) -> None:
    """Add a saved ticket to the index (or replace its text after an edit)."""
    if index is not None and ticket.id is not None:
        index.add(ticket.id, ticket.created_at, ticket.title, ticket.description)


def similar_tickets(database: Database, index: SimilarityIndex | None, ticket: Ticket,
                    k: int = SIMILAR_COUNT) -> list[SimilarTicket]:
    """The *k* most similar tickets created before *ticket* (never the ticket itself), best first."""
    if index is None:
        return []
    matches = index.similar(ticket.title, ticket.description, before=ticket.created_at or None,
                            exclude_id=ticket.id, k=k)
    return _with_tickets(database, matches)


def similar_to_text(database: Database, index: SimilarityIndex | None, title: str, description: str = "",
                    k: int = SIMILAR_COUNT) -> list[SimilarTicket]:
    """The *k* most similar stored tickets for text being typed into the form."""
    if index is None or not (title.strip() or description.strip()):
        return []
    return _with_tickets(database, index.similar(title, description, k=k))


def _with_tickets(database: Database, matches) -> list[SimilarTicket]:
    found = {t.id: t for t in TicketRepository(database).fetch_many([m.ticket_id for m in matches])}
    return [SimilarTicket(found[m.ticket_id], m.score) for m in matches if m.ticket_id in found]
