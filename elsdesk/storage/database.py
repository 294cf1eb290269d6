"""Where the desk lives: one ``Database`` interface over an embedded SQLite file or a PostgreSQL server.

Repositories write their SQL once, with ``?`` placeholders, against ``database.conn`` (which has
``execute`` and ``executemany`` returning cursors) and take the few statements that differ per
engine from ``database.sql`` (a :class:`~elsdesk.storage.dialects.Dialect`). Writes go through
:meth:`Database.write`, one transaction that holds the desk's write lock, so a read-then-write
is as safe on a shared server as it is on SQLite's single writer.

``open_database(target)`` takes what a user types after ``--db`` or puts in ``ELSDESK_DB``: a
file path (SQLite), ``postgresql://…`` or ``service=NAME`` and other libpq ``key=value`` strings.
"""

from __future__ import annotations

import os
import re
from abc import ABC, abstractmethod
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from elsdesk.lazy_regex import lazy_compile

SQLITE, POSTGRES = "sqlite", "postgres"
_CONNINFO_RE = lazy_compile(r"^\s*(service|host|hostaddr|dbname|user|port)\s*=", re.IGNORECASE)


def backend_of(target: str | os.PathLike | None) -> str:
    """``"postgres"`` for a URL or libpq connection string, else ``"sqlite"``."""
    text = str(target or "")
    if text.startswith(("postgresql://", "postgres://")) or _CONNINFO_RE.match(text):
        return POSTGRES
    return SQLITE


def redacted(target: str | os.PathLike | None) -> str:
    """*target* as it may be shown or logged: a password in a URL or conninfo becomes ``***``."""
    text = str(target or "")
    text = re.sub(r"(postgres(?:ql)?://[^:/@]*:)[^@]*@", r"\1***@", text)
    return re.sub(r"(password\s*=\s*)(\S+)", r"\1***", text, flags=re.IGNORECASE)


def without_password(target: str | os.PathLike | None) -> str:
    """*target* as a suggested command may repeat it: the login kept, the password left out (libpq finds
    it in a pgpass file or uses Kerberos; a password must never reach a terminal, log or screen)."""
    text = str(target or "")
    text = re.sub(r"(postgres(?:ql)?://[^:/@]*):[^@]*@", r"\1@", text)
    return re.sub(r"\s*\bpassword\s*=\s*\S+", "", text, flags=re.IGNORECASE).strip()


def with_login(target: str | os.PathLike | None, login: str) -> str:
    """*target* with *login* as its user and no password: the command another person (the desk's
    owner) runs. A URL's user part is replaced, a connection string gets ``user=``."""
    text = for_everyone(target)
    if re.match(r"postgres(?:ql)?://", text):
        return re.sub(r"^(postgres(?:ql)?://)", lambda m: f"{m.group(1)}{login}@", text)
    return f"{text} user={login}".strip()


def for_everyone(target: str | os.PathLike | None) -> str:
    """*target* as every workstation may use it: without the login and password of whoever
    typed it (each person connects with their own login), e.g. after a move by the owner."""
    text = str(target or "")
    text = re.sub(r"(postgres(?:ql)?://)[^/@]*@", r"\1", text)
    return re.sub(r"\s*\b(?:user|password)\s*=\s*\S+", "", text, flags=re.IGNORECASE).strip()


class Database(ABC):
    """A migrated desk database opened for the current thread."""

    backend: str
    sql: Any  # the engine's Dialect
    conn: Any  # has execute(sql, params) and executemany(sql, rows)
    upgraded_from: int | None = None  # the schema version this open migrated from (None: it migrated nothing)
    schema_note: str | None = None  # an older schema opened to be described (``db status``): the upgrade it needs

    @property
    @abstractmethod
    def target(self) -> str:
        """What :func:`open_database` takes to open the same desk again (for another thread)."""

    @abstractmethod
    def write(self) -> Iterator[Any]:
        """A write transaction holding the desk's write lock; committed on success, rolled back on error."""

    @abstractmethod
    def query(self, sql: str, params=()) -> list[tuple]:
        """Rows of a read-only statement."""

    @abstractmethod
    def schema_version(self) -> int:
        """How many of the known migrations this database has."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection; safe to call twice."""

    @contextmanager
    def bulk_writes(self) -> Iterator[Callable[[], None]]:
        """Many write transactions in a row (an import's batches): yields what to call after each
        commit. Here nothing; a local file moves its WAL checkpoints off the writing thread."""
        yield lambda: None

    def server_role(self) -> str | None:
        """The app role the server grants this login (PostgreSQL), or None where the local profile rules."""
        return None

    def server_roles(self) -> tuple[str, ...]:
        """Every app role the server grants this login, the first as :meth:`server_role`; none on a local file."""
        return ()

    def login_name(self) -> str | None:
        """The login the server knows this person by (PostgreSQL), or None on a local file."""
        return None

    def describe(self) -> str:
        """Where the desk lives, for a status bar or a message (never a password)."""
        return redacted(self.target)

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_database(target: str | os.PathLike | None = None, *, migrate_schema: bool | None = None,
                  older_schema_ok: bool = False) -> Database:
    """Open the desk at *target* (the default SQLite file when None).

    SQLite files are created and migrated on open (one person owns the file). A PostgreSQL
    desk is migrated only by ``elsdesk db upgrade`` (*migrate_schema* True, run by the owning
    role); opening one whose schema is older or newer than this version raises
    :class:`~elsdesk.domain.DatabaseUnavailableError` with what to do; with *older_schema_ok* (``db status``, which
    only reads what every version has) an older one opens, and its ``schema_note`` says what to do.
    """
    if target in (None, ""):
        from elsdesk.paths import default_db_path

        target = default_db_path()
    if backend_of(target) == POSTGRES:
        from elsdesk.storage.postgres_backend import PostgresDatabase

        return PostgresDatabase(str(target), migrate_schema=bool(migrate_schema), older_schema_ok=older_schema_ok)
    from elsdesk.storage.sqlite_backend import SQLiteDatabase

    return SQLiteDatabase(target if str(target) == ":memory:" else Path(target),
                          migrate_schema=True if migrate_schema is None else migrate_schema)
