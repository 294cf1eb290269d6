"""The embedded desk: one SQLite connection with the house rules (WAL, busy timeout, foreign keys).

Use one database object per thread. Writes go through :meth:`SQLiteDatabase.write`, which
starts a ``BEGIN IMMEDIATE`` transaction and retries when another process holds the write
lock, so "database is locked" never reaches the user. A file this login may not write (or on a
read-only disk) is opened read-only: it can be listed, searched and exported, and a write says
so in a sentence instead of failing half-way.

A desk shared by logins that may only read it keeps the rules for its ``-wal`` and ``-shm`` files in
:mod:`elsdesk.storage.sqlite_sidecars`: a writer removes a reader's unused leftovers when it opens the
desk, every login hands the files it created to the desk's group, a write blocked by them names them,
and a write-protected folder nobody can be writing is read as an immutable file.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from elsdesk.domain import DatabaseUnavailableError, SchemaVersionError
from elsdesk.storage.database import SQLITE, Database
from elsdesk.storage.dialects import SQLITE_DIALECT
from elsdesk.storage.migrations import MIGRATIONS, check_schema_version, migrate
from elsdesk.storage.sqlite_sidecars import (
    blocking_sidecars_message, folder_read_only_message, nobody_can_write, remove_unused_sidecars,
    share_sidecars_with_group, write_refused_message,
)

logger = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 30_000
LOCK_RETRY_SECONDS = 300.0
AUTOCHECKPOINT_PAGES = 1000  # SQLite's default: the WAL is copied back after about 4 MB
RESTART_BYTES = 16 << 20  # the WAL a bulk write lets grow before its checkpoints start it over
RESTART_WAIT_S = 2.0  # how long such a checkpoint waits for readers before it tries again later

_open_counts: dict[Path, int] = {}  # this process's open connections per desk file
_open_counts_lock = threading.Lock()


class SQLiteDatabase(Database):
    """A migrated SQLite database opened for the current thread."""

    backend = SQLITE
    sql = SQLITE_DIALECT

    def __init__(self, path: str | os.PathLike | None, *, migrate_schema: bool = True):
        self.path = Path(path) if path not in (None, ":memory:") else None
        target = str(self.path) if self.path else ":memory:"
        if self.path is not None and self.path.is_dir():
            raise DatabaseUnavailableError(f"{target} är en mapp, ingen databasfil")
        if self.path is not None and self.path.exists() and not os.access(self.path, os.R_OK):
            raise DatabaseUnavailableError(f"{target} kan inte läsas: den här inloggningen saknar läsrätt till filen"
                                           " (be den som äger filen eller en administratör ge läsrätt)")
        self.read_only = self.path is not None and self.path.exists() and not _writable(self.path)
        self.immutable = False
        if self.path is not None and not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._closed = False
        self._counted = False
        try:
            version = self._open()
        except DatabaseUnavailableError:
            self.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.close()
            if "unable to open" in str(exc):  # the file or its folder cannot be reached: nothing says it is damaged
                raise DatabaseUnavailableError(f"{target} kan inte öppnas (SQLite: {exc})") from exc
            detail = "" if "not a database" in str(exc) else f" (SQLite: {exc})"  # that one the sentence already says
            raise DatabaseUnavailableError(f"{target} är ingen elsdesk-databas eller är skadad{detail}") from exc
        check_schema_version(version, self.describe())
        if self.read_only and version < len(MIGRATIONS):
            self.close()
            raise SchemaVersionError(f"{target} är skrivskyddad och har en äldre databasversion som måste"
                                     " uppgraderas; öppna den en gång med skrivrätt")
        if migrate_schema and version < len(MIGRATIONS):
            with self.write():  # readers of an up-to-date database never take the write lock
                migrate(self)
            self.upgraded_from = version

    @property
    def target(self) -> str:
        return str(self.path) if self.path else ":memory:"

    def _open(self) -> int:
        """Connect and configure (read-only when writing fails), count the connection, and return
        the schema version."""
        if self.path is not None and not self.read_only and _open_in_this_process(self.path) == 0:
            remove_unused_sidecars(self.path)  # a reader's leftovers would refuse our writes
        self.conn = self._connect()
        self._count_open()
        try:
            self._configure()
        except sqlite3.OperationalError as exc:
            if self.read_only or self.path is None or not _is_read_only_error(exc):
                raise
            self._reconnect(read_only=True)  # a read-only disk, or a file root may not write either
        try:
            version = self.schema_version()
        except sqlite3.OperationalError as exc:
            if not self.read_only or not _is_read_only_error(exc) or os.access(self.path.parent, os.W_OK):
                raise
            if not nobody_can_write(self.path):
                raise DatabaseUnavailableError(folder_read_only_message(self.path)) from exc
            self._reconnect(read_only=True, immutable=True)
            version = self.schema_version()
        if self.path is not None and not self.immutable:
            share_sidecars_with_group(self.path)
        return version

    def _reconnect(self, *, read_only: bool, immutable: bool = False) -> None:
        self.conn.close()
        self.read_only, self.immutable = read_only, immutable
        self.conn = self._connect()
        self._configure()

    def _count_open(self) -> None:
        if self.path is not None and not self._counted:
            self._counted = True
            with _open_counts_lock:
                key = self.path.resolve()
                _open_counts[key] = _open_counts.get(key, 0) + 1

    def _count_closed(self) -> int:
        """Forget this connection; return how many others this process still has to the desk."""
        if not self._counted:
            return -1
        self._counted = False
        with _open_counts_lock:
            key = self.path.resolve()
            _open_counts[key] -= 1
            left = _open_counts[key]
            if not left:
                del _open_counts[key]
            return left

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            # immutable: SQLite reads the file as it is, without locks, -wal or -shm (nobody_can_write)
            uri = self.path.resolve().as_uri() + ("?mode=ro&immutable=1" if self.immutable else "?mode=ro")
            return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        return sqlite3.connect(str(self.path) if self.path else ":memory:", timeout=BUSY_TIMEOUT_MS / 1000,
                               isolation_level=None, check_same_thread=False)

    def _configure(self) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.read_only:
            self.conn.execute("PRAGMA query_only = ON")
            return
        if self.path is not None:
            self._retry(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA secure_delete = ON")

    @staticmethod
    def _retry(action):
        deadline = time.monotonic() + LOCK_RETRY_SECONDS
        delay = 0.02
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise
                logger.debug("database busy, retrying in %.2fs", delay)
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE), committed on success, rolled back on error. A
        write SQLite refuses as read-only (the -wal or -shm of another login) says so in Swedish."""
        if self.read_only:
            raise DatabaseUnavailableError(blocking_sidecars_message(self.path) or (
                f"{self.describe()} är skrivskyddad (filen eller disken); den kan läsas men"
                " inte ändras. Be om skrivrätt eller kopiera filen till en skrivbar plats"))
        try:
            self._retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled a failed write back itself
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self._retry(lambda: self.conn.execute("COMMIT"))
        except sqlite3.OperationalError as exc:
            if self.path is None or not _is_read_only_error(exc):
                raise
            raise DatabaseUnavailableError(write_refused_message(self.path, exc)) from exc

    def query(self, sql: str, params=()) -> list[tuple]:
        return self._retry(lambda: self.conn.execute(sql, params).fetchall())

    @contextmanager
    def bulk_writes(self) -> Iterator[Callable[[], None]]:
        """Many write transactions in a row: the commits only append to the WAL, and a thread of its
        own copies the WAL back into the file (a passive checkpoint after each commit it is told
        of), while this thread goes on with the next batch. An import's commits spent a fifth of
        its time in those checkpoints. Afterwards the commits checkpoint as before."""
        if self.path is None or self.read_only:
            yield lambda: None
            return
        checkpoints = _Checkpoints(self.path)
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            yield checkpoints.after_commit
        finally:
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
            checkpoints.stop()

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def data_version(self) -> int:
        """Changes whenever another connection commits (SQLite's cheap change counter)."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if not hasattr(self, "conn"):
            return
        try:
            self.conn.close()
        except sqlite3.Error:  # pragma: no cover - closing a broken connection
            logger.exception("closing the database failed")
        self._count_closed()


class _Checkpoints:
    """A thread with its own connection that runs a passive WAL checkpoint whenever a commit was
    made since its last one (it never waits for readers or the writer; what it cannot copy yet, a
    later one does), and a last one when stopped. The WAL starts over only when a writer finds it
    copied back whole, which a writer that never pauses seldom does: past :data:`RESTART_BYTES` a
    restarting checkpoint waits for the writer's transaction and starts it over (the frames are
    mostly copied by then, so the writer waits little)."""

    def __init__(self, path: Path):
        self._path = path
        self._wanted = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="elsdesk-checkpoints", daemon=True)
        self._thread.start()

    def after_commit(self) -> None:
        self._wanted.set()

    def stop(self) -> None:
        self._stopping = True
        self._wanted.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            # a restarting checkpoint holds new writers back while it waits for readers: never for long
            conn = sqlite3.connect(str(self._path), timeout=RESTART_WAIT_S, isolation_level=None)
        except sqlite3.Error:  # pragma: no cover - the writer's own connection works: so does this one
            logger.exception("no checkpoint connection; the commits after the bulk writes checkpoint")
            return
        try:
            while True:
                self._wanted.wait()
                self._wanted.clear()
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    if self._wal_bytes() > RESTART_BYTES:
                        conn.execute("PRAGMA wal_checkpoint(RESTART)").fetchall()
                except sqlite3.Error:  # busy or locked: the next commit's checkpoint copies it
                    logger.debug("passive checkpoint skipped", exc_info=True)
                if self._stopping:
                    return
        finally:
            conn.close()

    def _wal_bytes(self) -> int:
        try:
            return os.path.getsize(f"{self._path}-wal")
        except OSError:
            return 0


def upgrade_pending(path: str | os.PathLike) -> bool:
    """True when *path* is an existing desk file whose schema opening it will migrate (a big desk's
    migration can take a while: the caller may show that it is working). Read without writing; a
    file that cannot be read says so when it is opened, not here."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return 0 < version < len(MIGRATIONS)


def desk_file_state(path: str | os.PathLike) -> str:
    """What a local file named as a desk is, read without writing: "missing", "not a file" (a folder, a device such
    as /dev/null, a pipe), "empty" (no bytes: a failed copy, a ``touch``), "desk" (an elsdesk desk, or a database
    file this version cannot read, which opening it says), or "other" (another program's SQLite database: its tables
    and no elsdesk schema, which opening it would write into it)."""
    path = Path(path)
    if not path.exists():
        return "missing"
    if not path.is_file():
        return "not a file"
    if path.stat().st_size == 0:
        return "empty"
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return "desk"  # not a database at all, or locked: opening it says which
    return "other" if version == 0 and tables else "desk"


def _writable(path: Path) -> bool:
    """Whether this login may write the file and create its journal beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _is_read_only_error(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open" in text


def _open_in_this_process(path: Path) -> int:
    with _open_counts_lock:
        return _open_counts.get(path.resolve(), 0)
