"""The shared desk: a PostgreSQL database that every workstation of an ELS desk points at.

One connection per thread, in autocommit for reads; :meth:`PostgresDatabase.write` runs one
transaction that first takes the desk's advisory write lock, so the read-then-write paths
written for SQLite's single writer (ticket numbering, import dedupe, confirm/undo) stay
correct with many writers. Repositories' ``?`` placeholders are translated here.

Errors become the app's typed errors: a refused write (GRANT, row-level security) is
:class:`~elsdesk.domain.NotAllowedError`; a server that cannot be reached, a lost connection or
a schema this version does not know is :class:`~elsdesk.domain.DatabaseUnavailableError`.
Passwords are never stored by elsdesk: libpq finds them (Kerberos/GSSAPI, a password file,
``PGPASSWORD``), else the OS keyring, else :data:`password_prompt` when a front end set one.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from contextlib import contextmanager
from typing import Callable, Iterator

from elsdesk.domain import DatabaseUnavailableError, NotAllowedError
from elsdesk.storage.database import POSTGRES, Database, redacted
from elsdesk.storage.dialects import POSTGRES_DIALECT
from elsdesk.storage.migrations import MIGRATIONS, check_schema_version, migrate

logger = logging.getLogger(__name__)

WRITE_LOCK = 7_305_215  # pg_advisory_xact_lock key: one writer at a time per desk database
ROLE_PRIORITY = (
    ("elsdesk_superanvandare", "superanvandare"),
    ("elsdesk_utbildning", "utbildningsansvarig"),
    ("elsdesk_stod", "els_stod"),
)
KEYRING_SERVICE = "elsdesk"
CONNECT_TIMEOUT_S = 10

# set by the GUI: called with the connection string when the server asks for a password; returns it or
# None. Only called on the thread that set it (the GUI thread); workers use the password kept below.
password_prompt: Callable[[str], str | None] | None = None
_prompt_thread: int | None = None
# passwords that worked in this process (never written anywhere), so a worker's connection needs no prompt
_session_passwords: dict[str, str] = {}


def set_password_prompt(prompt: Callable[[str], str | None] | None) -> None:
    global password_prompt, _prompt_thread
    password_prompt, _prompt_thread = prompt, threading.get_ident()


def keep_password(conninfo: str, password: str, remember: bool) -> bool:
    """Use *password* for *conninfo* in this process; with *remember*, also keep it in the OS keyring.
    Returns whether the keyring took it."""
    _session_passwords[conninfo] = password
    return remember_password(conninfo, password) if remember else False

_PLACEHOLDER_RE = re.compile(r"'(?:[^']|'')*'|\?|%")


def translate(sql: str) -> str:
    """``?`` placeholders to psycopg's ``%s`` (and ``%`` to ``%%``), leaving string literals alone."""
    def replace(match: re.Match) -> str:
        token = match.group(0)
        if token == "?":
            return "%s"
        if token == "%":
            return "%%"
        return token.replace("%", "%%")

    return _PLACEHOLDER_RE.sub(replace, sql)


def _clean(value):
    # PostgreSQL text cannot hold NUL; SQLite can. Intake strips it too; this is the last guard.
    return value.replace("\x00", "") if isinstance(value, str) else value


class PgConnection:
    """The part of a sqlite3 connection the repositories use, over a psycopg connection."""

    def __init__(self, raw, on_error: Callable[[Exception], Exception]):
        self.raw = raw
        self._on_error = on_error
        self._cache: dict[str, str] = {}

    def _sql(self, sql: str) -> str:
        translated = self._cache.get(sql)
        if translated is None:
            translated = self._cache[sql] = translate(sql)
        return translated

    def execute(self, sql: str, params=()):
        try:
            if params:
                return self.raw.execute(self._sql(sql), [_clean(v) for v in params])
            return self.raw.execute(sql)
        except Exception as exc:  # noqa: BLE001 - mapped to the app's typed errors
            raise self._on_error(exc) from exc

    def executemany(self, sql: str, rows) -> None:
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(self._sql(sql), [[_clean(v) for v in row] for row in rows])
        except Exception as exc:  # noqa: BLE001
            raise self._on_error(exc) from exc


def login_of(conninfo: str) -> tuple[str, str]:
    """(login, host/database) named by a connection string, for prompts and keyring entries."""
    import psycopg.conninfo

    try:
        parts = psycopg.conninfo.conninfo_to_dict(conninfo)
    except psycopg.ProgrammingError as exc:
        raise DatabaseUnavailableError(f"anslutningen '{redacted(conninfo)}' går inte att tolka: {exc}") from exc
    where = f"{parts.get('host', 'localhost')}/{parts.get('dbname', parts.get('service', ''))}"
    return parts.get("user") or "", where


def _stored_password(conninfo: str) -> str | None:
    user, where = login_of(conninfo)
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, f"{user}@{where}")
    except Exception:  # noqa: BLE001 - no keyring backend on this machine
        return None


def remember_password(conninfo: str, password: str) -> bool:
    """Keep *password* in the OS keyring (never in settings or logs); False when there is none."""
    user, where = login_of(conninfo)
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, f"{user}@{where}", password)
        return True
    except Exception:  # noqa: BLE001
        return False


def connect(conninfo: str):
    """A psycopg connection in autocommit, asking the keyring or the user for a password when needed."""
    import psycopg

    def attempt(password: str | None = None):
        extra = {"password": password} if password else {}
        return psycopg.connect(conninfo, autocommit=True, application_name="elsdesk",
                               connect_timeout=CONNECT_TIMEOUT_S, **extra)

    try:
        return attempt()
    except psycopg.OperationalError as exc:
        if "password" not in str(exc).lower():
            what = "kan inte nås" if "definition of service" in str(exc).lower() else "svarar inte"
            raise DatabaseUnavailableError(f"servern {redacted(conninfo)} {what}: {_in_swedish(exc)}") from exc
        first_error = exc
    for source in (_session_passwords.get, _stored_password, _prompted_password):
        password = source(conninfo)
        if not password:
            continue
        try:
            connection = attempt(password)
        except psycopg.OperationalError as exc:
            first_error = exc
            continue
        _session_passwords[conninfo] = password
        return connection
    raise DatabaseUnavailableError(
        f"inloggningen till {redacted(conninfo)} misslyckades: {_in_swedish(first_error)}"
    ) from first_error


# Connections are kept for reuse within this process: a background task opens the desk, works and
# closes it many times a minute, and a new connection costs 20–30 ms where a kept one costs a ping.
MAX_IDLE_CONNECTIONS = 8
_idle: list[tuple[str, object]] = []  # (conninfo, connection), oldest first
_idle_lock = threading.Lock()
_checked_desks: set[str] = set()  # desks whose character type was checked in this process
# A forked child inherits the kept connections' sockets, which stay the parent's: the child must
# neither use nor close them (closing would end the parent's sessions), so it only holds on to them.
_left_to_parent: list = []


def _forget_kept_connections_in_child() -> None:
    global _idle_lock
    _left_to_parent.extend(raw for _conninfo, raw in _idle)
    _idle.clear()
    _idle_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_kept_connections_in_child)


def _take_connection(conninfo: str):
    """A live kept connection to *conninfo*, else a new one."""
    while True:
        with _idle_lock:
            found = next((i for i in range(len(_idle) - 1, -1, -1) if _idle[i][0] == conninfo), None)
            raw = _idle.pop(found)[1] if found is not None else None
        if raw is None:
            return connect(conninfo)
        try:
            raw.execute("SELECT 1")  # a connection kept across a server restart is found dead here
            return raw
        except Exception:  # noqa: BLE001 - dead: drop it and try the next
            _close_quietly(raw)


def _give_back(conninfo: str, raw) -> None:
    """Keep an idle, healthy connection for the next open; close the oldest beyond the limit."""
    from psycopg.pq import TransactionStatus

    if raw.closed or raw.broken or raw.info.transaction_status != TransactionStatus.IDLE:
        _close_quietly(raw)
        return
    with _idle_lock:
        _idle.append((conninfo, raw))
        surplus = _idle[:-MAX_IDLE_CONNECTIONS] if len(_idle) > MAX_IDLE_CONNECTIONS else []
        del _idle[:len(surplus)]
    for _conninfo, old in surplus:
        _close_quietly(old)


def release_connections(conninfo: str | None = None) -> None:
    """Close the kept connections (to one desk, or all): before the database is dropped or
    used as a template, and when the app quits."""
    with _idle_lock:
        leaving = [raw for info, raw in _idle if conninfo is None or info == conninfo]
        _idle[:] = [(info, raw) for info, raw in _idle if not (conninfo is None or info == conninfo)]
    for raw in leaving:
        _close_quietly(raw)


def _close_quietly(raw) -> None:
    try:
        raw.close()
    except Exception:  # noqa: BLE001 - closing a broken connection
        logger.debug("closing a broken connection", exc_info=True)


def _prompted_password(conninfo: str) -> str | None:
    if password_prompt is None or threading.get_ident() != _prompt_thread:
        return None
    return password_prompt(conninfo)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# what libpq says in English, for the people who read it (its own text stays after a colon for IT)
_LIBPQ_SWEDISH = (
    ("no password supplied", "inget lösenord angavs; skriv det när appen frågar, eller lägg det i en pgpass-fil"
                             " (eller PGPASSWORD)"),
    ("password authentication failed", "fel lösenord eller en inloggning som servern inte känner"),
    ("definition of service", "tjänsten finns inte i pg_service.conf (PGSERVICEFILE eller ~/.pg_service.conf);"
                              " be IT om adressen"),
    ("connection refused", "servern tar inte emot anslutningar på den adressen och porten"),
    ("could not translate host name", "servernamnet hittas inte"),
    ("timeout expired", "servern svarade inte i tid"),
    ("does not exist", "databasen eller inloggningen finns inte på servern"),
)


def _in_swedish(exc: BaseException) -> str:
    """What went wrong in a Swedish sentence where libpq's reason is a known one, with its text."""
    text = _first_line(exc)
    for english, swedish in _LIBPQ_SWEDISH:
        if english in str(exc).lower():
            return f"{swedish} ({text})"
    return text


class PostgresDatabase(Database):
    """A desk on a PostgreSQL server, opened for the current thread."""

    backend = POSTGRES
    sql = POSTGRES_DIALECT

    def __init__(self, conninfo: str, *, migrate_schema: bool = False):
        self._conninfo = conninfo
        self._closed = False
        self._in_write = False
        self._role: str | None = None
        self.raw = _take_connection(conninfo)
        self.conn = PgConnection(self.raw, self._translate_error)
        try:
            if conninfo not in _checked_desks:
                self._check_character_type()
                _checked_desks.add(conninfo)
            version = self.schema_version()
            check_schema_version(version, self.describe(), upgrade_hint=not migrate_schema)
            if migrate_schema and version < len(MIGRATIONS):
                with self.write():
                    migrate(self)
        except BaseException:
            self.close()
            raise

    @property
    def target(self) -> str:
        return self._conninfo

    # -- errors --------------------------------------------------------------------------
    def _translate_error(self, exc: Exception) -> Exception:
        import psycopg
        from psycopg import errors

        if isinstance(exc, errors.InsufficientPrivilege) or (
            isinstance(exc, psycopg.ProgrammingError) and "row-level security" in str(exc)
        ):
            return NotAllowedError(_refusal(str(exc)))
        if isinstance(exc, DatabaseUnavailableError):
            return exc  # already said (a retry that failed again): not the sentence twice
        if isinstance(exc, psycopg.OperationalError) or self.raw.broken:
            return DatabaseUnavailableError(
                f"förbindelsen med servern {self.describe()} bröts; det som redan sparats finns kvar, det som inte hann"
                f" sparas sparades inte (en import fortsätter där den slutade om den körs igen): {_first_line(exc)}"
            )
        return exc

    def _reconnect_if_broken(self) -> None:
        if self.raw.broken or self.raw.closed:
            logger.info("reconnecting to %s", self.describe())
            self.raw = self.conn.raw = connect(self._conninfo)

    # -- the Database interface ------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[PgConnection]:
        """One transaction holding the desk's write lock; committed on success, rolled back on error."""
        transaction = self._begin_locked()
        try:
            self._in_write = True
            try:
                yield self.conn
            finally:
                self._in_write = False
        except BaseException as exc:
            self._end(transaction, exc)
            mapped = self._translate_error(exc) if isinstance(exc, Exception) else exc
            if mapped is exc:
                raise
            raise mapped from exc
        self._end(transaction, None)

    def _begin_locked(self):
        """Begin a transaction and take the write lock; a connection that died since its last use
        (a server restart) is replaced once, since nothing of this transaction was sent yet."""
        import psycopg

        for attempt in (1, 2):
            self._reconnect_if_broken()
            transaction = self.raw.transaction()
            try:
                transaction.__enter__()
                self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return transaction
            except psycopg.OperationalError as exc:
                if attempt == 2 or not self.raw.broken:
                    raise self._translate_error(exc) from exc
                logger.info("connection lost before a write; reconnecting")

    def _end(self, transaction, exc: BaseException | None) -> None:
        """Commit (no error) or roll back the transaction; a commit that fails is the app's error."""
        try:
            if exc is None:
                transaction.__exit__(None, None, None)
            else:
                transaction.__exit__(type(exc), exc, exc.__traceback__)
        except Exception as failure:  # noqa: BLE001 - the commit itself failed
            if exc is not None:
                logger.debug("rolling back after an error failed too", exc_info=True)
                return
            mapped = self._translate_error(failure)
            if mapped is failure:
                raise
            raise mapped from failure

    def query(self, sql: str, params=()) -> list[tuple]:
        if not self._in_write:
            self._reconnect_if_broken()
        try:
            return self.conn.execute(sql, params).fetchall()
        except DatabaseUnavailableError:
            if self._in_write:
                raise
            self._reconnect_if_broken()  # a read is safe to repeat once on a fresh connection
            return self.conn.execute(sql, params).fetchall()

    def schema_version(self) -> int:
        exists = self.conn.execute("SELECT to_regclass('schema_migrations')").fetchone()[0]
        if exists is None:
            return 0
        return int(self.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0])

    def server_role(self) -> str | None:
        if self._role is None:
            if self.owns_desk():
                self._role = "agare"
            else:
                self._role = "els_stod"
                for group, role in ROLE_PRIORITY:
                    row = self.raw.execute(
                        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %s)"
                        " AND pg_has_role(session_user, %s, 'member')", (group, group)).fetchone()
                    if row[0]:
                        self._role = role
                        break
        return self._role

    def owns_desk(self) -> bool:
        """True for the owning role (or a server superuser): may migrate and is not bound by roles."""
        row = self.raw.execute(
            "SELECT rolsuper OR pg_has_role(session_user, (SELECT datdba FROM pg_database"
            " WHERE datname = current_database()), 'member') FROM pg_roles WHERE rolname = session_user"
        ).fetchone()
        return bool(row[0])

    def login_name(self) -> str | None:
        return self.raw.execute("SELECT session_user").fetchone()[0]

    def describe(self) -> str:
        return redacted(self._conninfo)

    def listen_connection(self):
        """A new autocommit connection for LISTEN (notices arrive there, never on a busy one)."""
        return connect(self._conninfo)

    def close(self) -> None:
        """Hand the connection back for reuse in this process; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        _give_back(self._conninfo, self.raw)

    # -- checks at open ------------------------------------------------------------------
    def _check_character_type(self) -> None:
        encoding = self.raw.execute("SELECT current_setting('server_encoding')").fetchone()[0]
        folds = encoding == "UTF8" and self.raw.execute(
            "SELECT lower(chr(197) || chr(196) || chr(214)) = chr(229) || chr(228) || chr(246)").fetchone()[0]
        if not folds:
            raise DatabaseUnavailableError(
                f"databasen {self.describe()} kan inte hantera å, ä och ö (teckenkodning {encoding}); skapa den med"
                " CREATE DATABASE elsdesk ENCODING 'UTF8' LC_COLLATE 'sv_SE.UTF-8' LC_CTYPE 'sv_SE.UTF-8'"
                " TEMPLATE template0 (eller C.UTF-8)"
            )


_REFUSALS = (
    ("review_decisions", "superanvändare", "bekräfta etiketter i granskningen"),
    ("models", "superanvändare", "träna om och spara modeller"),
    ("topic_registry", "utbildningsansvarig", "ändra ämnen och utbildningsagendan"),
    ("label_history", "superanvändare", "ångra andras beslut"),
    ("settings", "utbildningsansvarig eller superanvändare", "ändra den inställningen"),
)


def _refusal(message: str) -> str:
    for table, needed, action in _REFUSALS:
        if f'"{table}"' in message or f" {table}" in message:
            return f"din inloggning får inte {action}; det får bara rollen {needed}"
    return "din inloggning får inte göra det här på servern"
