"""The shared desk: a PostgreSQL database that every workstation of an ELS desk points at.

One connection per thread, in autocommit for reads; :meth:`PostgresDatabase.write` runs one
transaction that first takes the desk's advisory write lock, so the read-then-write paths
written for SQLite's single writer (ticket numbering, import dedupe, confirm/undo) stay
correct with many writers. Repositories' ``?`` placeholders are translated here.

Errors become the app's typed errors: a refused write (GRANT, row-level security) is
:class:`~elsdesk.domain.NotAllowedError`; a server that cannot be reached, a lost connection or
a schema this version does not know is :class:`~elsdesk.domain.DatabaseUnavailableError`.
Passwords are never stored by elsdesk: libpq finds them (Kerberos/GSSAPI, a password file,
``PGPASSWORD``), else the OS keyring, else :data:`password_prompt` when a front end set one, else
a question on the terminal when a command runs in one.

A server that stops answering (hung, or a network that drops packets) is noticed within about ten
seconds instead of freezing whoever waits: TCP keepalives and a TCP user timeout let the operating
system drop a connection whose peer went silent, and :class:`~elsdesk.storage.pg_watch.ServerWatch` asks a statement that
waits long whether the server still lives (a second connection must open); when it does not, the
statement fails with :class:`ServerSilentError`, a
:class:`~elsdesk.domain.DatabaseUnavailableError`, and the app's reconnect path takes over. A
server that answers is never cut, so imports, retraining and migrations may run as long as they need.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from contextlib import contextmanager, nullcontext
from typing import Callable, Iterator

from elsdesk.domain import DatabaseUnavailableError, NotAllowedError, SchemaVersionError
from elsdesk.storage.database import POSTGRES, Database, for_everyone, redacted, with_login
from elsdesk.storage.dialects import POSTGRES_DIALECT
from elsdesk.storage.migrations import MIGRATIONS, check_schema_version, migrate
from elsdesk.storage.pg_watch import PROBE_AFTER_S, PROBE_TIMEOUT_S, ServerSilentError, ServerWatch  # noqa: F401

logger = logging.getLogger(__name__)

WRITE_LOCK = 7_305_215  # pg_advisory_xact_lock key: one writer at a time per desk database
ROLE_PRIORITY = (
    ("elsdesk_superanvandare", "superanvandare"),
    ("elsdesk_utbildning", "utbildningsansvarig"),
    ("elsdesk_stod", "els_stod"),
)
GROUP_ROLES = tuple(group for group, _role in ROLE_PRIORITY)
KEYRING_SERVICE = "elsdesk"
CONNECT_TIMEOUT_S = 10
# A dead peer is dropped by the operating system: keepalive probes after 5 s of silence, 3 of them
# 2 s apart, and sent data unacknowledged for 10 s. Settings the connection string names win.
TCP_OPTIONS = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3,
               "tcp_user_timeout": 10_000}
# A statement unanswered for PROBE_AFTER_S makes the watch open a second connection, which must open
# within PROBE_TIMEOUT_S (libpq's least connect_timeout is 2 s); a hung server fails both, ~10 s in all.
# `db upgrade` waits at most this long for another workstation's transaction before saying so
UPGRADE_LOCK_TIMEOUT_S = 5

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


def _server_answers(conninfo: str, timeout: float) -> bool:
    """Whether the server at *conninfo* answers a new connection within *timeout* seconds. A server
    that refuses the login (a password, too many connections) answered all the same."""
    import psycopg

    password = _session_passwords.get(conninfo)
    extra = {"password": password} if password else {}
    try:
        psycopg.connect(conninfo, connect_timeout=max(2, int(timeout)), application_name="elsdesk-probe",
                        **_tcp_options(conninfo), **extra).close()
        return True
    except psycopg.Error as exc:
        return getattr(exc, "sqlstate", None) is not None or "password" in str(exc).lower()
    except Exception:  # noqa: BLE001 - never cut a connection because the probe itself went wrong
        logger.warning("could not ask the server %s whether it answers", redacted(conninfo), exc_info=True)
        return True


_server_watch = ServerWatch(probe=_server_answers)


def _tcp_options(conninfo: str) -> dict:
    """The keepalive and timeout settings the connection string does not name itself."""
    import psycopg.conninfo

    try:
        named = set(psycopg.conninfo.conninfo_to_dict(conninfo))
    except psycopg.ProgrammingError:
        named = set()
    return {key: value for key, value in TCP_OPTIONS.items() if key not in named}


class PgConnection:
    """The part of a sqlite3 connection the repositories use, over a psycopg connection. With
    *conninfo*, every statement is watched (:class:`ServerWatch`) and fails when the server is silent."""

    def __init__(self, raw, on_error: Callable[[Exception], Exception], conninfo: str | None = None):
        self.raw = raw
        self._on_error = on_error
        self._cache: dict[str, str] = {}
        self.conninfo = conninfo

    def watched(self):
        """A context in which a statement on this connection fails when the server stops answering."""
        return _server_watch.watching(self.raw, self.conninfo) if self.conninfo else nullcontext()

    def _sql(self, sql: str) -> str:
        translated = self._cache.get(sql)
        if translated is None:
            translated = self._cache[sql] = translate(sql)
        return translated

    def execute(self, sql: str, params=()):
        try:
            with self.watched():
                if params:
                    return self.raw.execute(self._sql(sql), [_clean(v) for v in params])
                return self.raw.execute(sql)
        except Exception as exc:  # noqa: BLE001 - mapped to the app's typed errors
            raise self._on_error(exc) from exc

    def executemany(self, sql: str, rows) -> None:
        try:
            with self.watched(), self.raw.cursor() as cursor:
                cursor.executemany(self._sql(sql), [[_clean(v) for v in row] for row in rows])
        except Exception as exc:  # noqa: BLE001
            raise self._on_error(exc) from exc


def login_of(conninfo: str) -> tuple[str, str]:
    """(login, host/database) that libpq connects *conninfo* to, for prompts and keyring entries: with
    ``service=elsdesk`` the host, database and login come from pg_service.conf, PGUSER or the computer's login, not
    from the string (the prompt said "localhost/elsdesk" for a server elsewhere, and every login of a service shared
    one keyring entry)."""
    parts = _resolved(conninfo)
    host = (parts.get("host") or parts.get("hostaddr") or "localhost").split(",")[0]
    if host.startswith("/"):  # a Unix socket folder: the server on this computer
        host = "localhost"
    where = f"{host}/{parts.get('dbname') or parts.get('service') or ''}"
    return parts.get("user") or "", where


# where libpq looks for a service's options besides the user's own file (Debian's libpq: /etc/postgresql-common)
_SYSTEM_SERVICE_FOLDERS = ("/etc/postgresql-common", "/etc/postgresql", "/usr/local/pgsql/etc")
# the options libpq takes from the environment when neither the string nor the service gives them
_FROM_ENVIRONMENT = (("host", "PGHOST"), ("hostaddr", "PGHOSTADDR"), ("dbname", "PGDATABASE"), ("user", "PGUSER"))


def _resolved(conninfo: str) -> dict[str, str]:
    """The connection options libpq uses for *conninfo*, without connecting: the string's own, then its service's
    (pg_service.conf, where libpq reads it), then the PG… environment variables, and the computer's login as the
    login."""
    import getpass

    import psycopg.conninfo

    try:
        options = {k: str(v) for k, v in psycopg.conninfo.conninfo_to_dict(conninfo).items()}
    except psycopg.ProgrammingError as exc:
        raise DatabaseUnavailableError(
            f"anslutningen '{redacted(conninfo)}' går inte att tolka; skriv den som postgresql://server/databas eller"
            f" service=NAMN ({_first_line(exc)})") from exc
    service = options.get("service") or os.environ.get("PGSERVICE")
    for key, value in (_service_options(service) if service else {}).items():
        options.setdefault(key, value)
    for key, variable in _FROM_ENVIRONMENT:
        if not options.get(key) and os.environ.get(variable):
            options[key] = os.environ[variable]
    if not options.get("user"):
        try:
            options["user"] = getpass.getuser()  # libpq's own default
        except (KeyError, OSError):
            pass
    return options


def _service_options(service: str) -> dict[str, str]:
    """The options of *service* in the first service file that names it, searched as libpq searches: PGSERVICEFILE
    (else ~/.pg_service.conf), then pg_service.conf in PGSYSCONFDIR (else the system's folder)."""
    import configparser

    files = [os.environ.get("PGSERVICEFILE") or os.path.expanduser("~/.pg_service.conf")]
    folders = [os.environ["PGSYSCONFDIR"]] if os.environ.get("PGSYSCONFDIR") else list(_SYSTEM_SERVICE_FOLDERS)
    files += [os.path.join(folder, "pg_service.conf") for folder in folders]
    for path in files:
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        try:
            if not parser.read(path, encoding="utf-8") or not parser.has_section(service):
                continue
        except (OSError, UnicodeDecodeError, configparser.Error):
            continue
        return {key: value.strip() for key, value in parser.items(service)}
    return {}


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
                               connect_timeout=CONNECT_TIMEOUT_S, **_tcp_options(conninfo), **extra)

    try:
        return attempt()
    except psycopg.OperationalError as exc:
        if "password" not in str(exc).lower():
            what = "kan inte nås" if "definition of service" in str(exc).lower() else "svarar inte"
            raise DatabaseUnavailableError(f"servern {redacted(conninfo)} {what}: {_in_swedish(exc)}") from exc
        first_error = exc
    for source in (_session_passwords.get, _stored_password, _prompted_password, _terminal_password):
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
    _server_watch.forget_in_child()


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
            ping(raw, conninfo)  # a connection kept across a server restart is found dead here
            return raw
        except ServerSilentError:
            _close_quietly(raw)  # a hung server: a new connection would only wait as long again
            raise
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


def _terminal_password(conninfo: str) -> str | None:
    """Ask on the terminal, as psql does, when a command runs in one (no front end set a prompt, the
    main thread, stdin a terminal); None otherwise, or when the person gives none."""
    if password_prompt is not None or threading.current_thread() is not threading.main_thread():
        return None
    if not (sys.stdin and sys.stdin.isatty()):
        return None
    import getpass

    user, where = login_of(conninfo)
    try:
        return getpass.getpass(f"Lösenord för {user or 'din inloggning'} på {where}: ") or None
    except (EOFError, KeyboardInterrupt):
        return None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# what libpq says in English, for the people who read it (its own text stays last, in parentheses, for IT)
NO_PASSWORD = ("inget lösenord angavs: elsdesk frågar efter det i appen och när ett kommando körs i en terminal;"
               " annars lägg det i en pgpass-fil (~/.pgpass, i Windows %APPDATA%\\postgresql\\pgpass.conf)"
               " eller i miljövariabeln PGPASSWORD")
HOST_NOT_FOUND = ("servernamnet hittas inte: kontrollera stavningen i adressen, och att datorn är ansluten till"
                  " regionens nät (VPN)")
_LIBPQ_SWEDISH = (
    ("no password supplied", NO_PASSWORD),
    ("password authentication failed", "fel lösenord eller en inloggning som servern inte känner"),
    ("definition of service", "tjänsten finns inte i pg_service.conf (PGSERVICEFILE eller ~/.pg_service.conf);"
                              " be IT om adressen"),
    ("connection refused", "servern tar inte emot anslutningar på den adressen och porten: den kan hålla på att"
                           " startas om (försök igen om en stund), eller så är adressen eller porten fel (be IT se efter)"),
    # libpq words it in more ways than one; a tester's wrong host was "a fault elsdesk does not know"
    ("could not translate host name", HOST_NOT_FOUND),
    ("failed to resolve host", HOST_NOT_FOUND),
    ("name or service not known", HOST_NOT_FOUND),
    ("timeout expired", "servern svarade inte i tid"),
    ("shutting down", "servern håller på att stängas av eller startas om; försök igen om en stund"),
    ("starting up", "servern håller på att starta; försök igen om en stund"),
    ("too many clients", "servern tar inte emot fler anslutningar just nu; be IT höja max_connections"),
    ("closed the connection unexpectedly", "servern stängde förbindelsen"),
    ("no pg_hba.conf entry", "servern släpper inte in den här inloggningen från den här datorn; be IT lägga till"
                             " den i pg_hba.conf"),
    ("does not exist", "databasen eller inloggningen finns inte på servern"),
)


def _in_swedish(exc: BaseException) -> str:
    """What went wrong in a Swedish sentence, with libpq's own text last in parentheses."""
    text = _first_line(exc)
    for english, swedish in _LIBPQ_SWEDISH:
        if english in str(exc).lower():
            return f"{swedish} ({text})"
    return f"servern gav ett fel som elsdesk inte känner igen ({text})"


class _LoginFacts:
    """Who this connection is logged in as and what the desk grants it (read once per open)."""

    __slots__ = ("login", "owns", "owner", "groups")

    def __init__(self, login: str, owns: bool, owner: str, groups: tuple[str, ...]):
        self.login, self.owns, self.owner, self.groups = login, owns, owner, groups


def _ident(name: str) -> str:
    """*name* as SQL writes a role name (quoted when it needs to be), for a GRANT to copy."""
    return name if re.fullmatch(r"[a-z_][a-z0-9_]*", name or "") else '"' + (name or "").replace('"', '""') + '"'


class PostgresDatabase(Database):
    """A desk on a PostgreSQL server, opened for the current thread."""

    backend = POSTGRES
    sql = POSTGRES_DIALECT

    def __init__(self, conninfo: str, *, migrate_schema: bool = False, older_schema_ok: bool = False):
        self._conninfo = conninfo
        self.schema_note: str | None = None  # an older schema opened for ``db status``: the upgrade it needs
        self._closed = False
        self._in_write = False
        self._role: tuple[str, ...] | None = None  # server_roles(), read once
        self._facts: _LoginFacts | None = None
        self.raw = _take_connection(conninfo)
        self.conn = PgConnection(self.raw, self._translate_error, conninfo)
        try:
            if conninfo not in _checked_desks:
                self._check_character_type()
                _checked_desks.add(conninfo)
            facts = self._login_facts()
            if migrate_schema and not facts.owns:
                self._refuse_upgrade_unless_current()
            elif not migrate_schema and not facts.owns and not facts.groups:
                raise NotAllowedError(self._no_group_text())
            version = self.schema_version()
            upgrade_target = with_login(conninfo, facts.owner) if facts.owner else for_everyone(conninfo)
            try:
                check_schema_version(version, self.describe(), upgrade_hint=not migrate_schema,
                                     upgrade_target=upgrade_target)
            except SchemaVersionError as exc:
                if not (older_schema_ok and version < len(MIGRATIONS)):
                    raise
                self.schema_note = str(exc)
            if migrate_schema and version < len(MIGRATIONS):
                with self.write(lock_timeout_s=UPGRADE_LOCK_TIMEOUT_S):
                    migrate(self)
                self.upgraded_from = version
        except BaseException:
            self.close()
            raise

    @property
    def target(self) -> str:
        return self._conninfo

    # -- who is logged in --------------------------------------------------------------------
    def _login_facts(self) -> _LoginFacts:
        """The login, whether it owns the desk (the database owner's role, or a server superuser), the
        owner's name and the elsdesk group roles it is in: one query, before anything a group may read."""
        if self._facts is None:
            login, owns, owner, groups = self.conn.execute(
                "SELECT session_user, pg_has_role(session_user, d.datdba, 'member'), pg_get_userbyid(d.datdba),"
                " array(SELECT rolname::text FROM pg_roles WHERE rolname::text = ANY(?)"
                "       AND pg_has_role(session_user, oid, 'member'))"
                " FROM pg_database d WHERE d.datname = current_database()", (list(GROUP_ROLES),)).fetchone()
            self._facts = _LoginFacts(login, bool(owns), owner, tuple(groups))
        return self._facts

    def _no_group_text(self) -> str:
        login = self._facts.login if self._facts else "inloggningen"
        return (f"din inloggning {login} hör inte till någon av elsdesks grupproller på {self.describe()}, så servern"
                " varken visar eller sparar något åt den. Be IT eller deskens ägare ge den en roll, för ELS-stöd:"
                f" GRANT elsdesk_stod TO {_ident(login)}; (för superanvändare elsdesk_superanvandare, för"
                " utbildningsansvarig elsdesk_utbildning)")

    def _refuse_upgrade_unless_current(self) -> None:
        """NotAllowedError naming the owner's role when a login that does not own the desk would have to
        create or change its schema (``db upgrade`` on an older desk)."""
        try:
            current = self.schema_version() == len(MIGRATIONS)
        except NotAllowedError:
            current = False  # not even allowed to read the schema's version
        if current:
            return
        facts = self._facts
        raise NotAllowedError(
            f"bara deskens ägare får skapa eller uppgradera schemat i {self.describe()}: databasen ägs av rollen"
            f" {facts.owner}, och din inloggning {facts.login} hör inte till den. Kör kommandot med ägarens inloggning"
            f" (elsdesk --db '{with_login(self._conninfo, facts.owner)}' db upgrade), eller be IT ge"
            f" dig ägarrollen: GRANT {_ident(facts.owner)} TO {_ident(facts.login)};"
        )

    # -- errors --------------------------------------------------------------------------
    def _translate_error(self, exc: Exception) -> Exception:
        import psycopg
        from psycopg import errors

        if isinstance(exc, errors.InsufficientPrivilege) or (
            isinstance(exc, psycopg.ProgrammingError) and "row-level security" in str(exc)
        ):
            return NotAllowedError(self._refusal(str(exc)))
        if isinstance(exc, DatabaseUnavailableError):
            return exc  # already said (a retry that failed again): not the sentence twice
        if isinstance(exc, errors.LockNotAvailable):
            return DatabaseUnavailableError(
                f"en annan arbetsplats håller desken {self.describe()} just nu (en öppen transaktion på servern),"
                f" så ingenting ändrades; försök igen om en stund, när de andra har sparat klart eller stängt elsdesk"
                f" ({_first_line(exc)})")
        if isinstance(exc, psycopg.OperationalError) or self.raw.broken:
            return DatabaseUnavailableError(
                f"förbindelsen med servern {self.describe()} bröts; det som redan sparats finns kvar, det som inte hann"
                f" sparas sparades inte (en import fortsätter där den slutade om den körs igen) ({_first_line(exc)})"
            )
        return exc

    def _refusal(self, message: str) -> str:
        """The server's refusal as a Swedish sentence naming the role needed and the GRANT that gives it."""
        login = self._facts.login if self._facts else None
        grantee = _ident(login) if login else "inloggningen"
        for key, sentence, group in _REFUSALS:
            if key in message:
                grant = f" (ska du ha den rollen: be IT eller deskens ägare om GRANT {group} TO {grantee};)" if group else ""
                return sentence + grant
        return (f"din inloggning får inte göra det här på servern; be IT eller deskens ägare se efter vilken grupproll"
                f" {login or 'den'} har (elsdesk_stod, elsdesk_superanvandare eller elsdesk_utbildning)"
                f" ({_first_line(RuntimeError(message))})")

    def _reconnect_if_broken(self) -> None:
        if self.raw.broken or self.raw.closed:
            logger.info("reconnecting to %s", self.describe())
            self.raw = self.conn.raw = connect(self._conninfo)

    # -- the Database interface ------------------------------------------------------------
    @contextmanager
    def write(self, *, lock_timeout_s: float | None = None) -> Iterator[PgConnection]:
        """One transaction holding the desk's write lock; committed on success, rolled back on error.
        With *lock_timeout_s*, waiting longer than that for a lock (the write lock, or a table another
        connection's transaction holds) fails instead of waiting on."""
        transaction = self._begin_locked(lock_timeout_s)
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

    def _begin_locked(self, lock_timeout_s: float | None = None):
        """Begin a transaction and take the write lock; a connection that died since its last use
        (a server restart) is replaced once, since nothing of this transaction was sent yet."""
        import psycopg

        for attempt in (1, 2):
            self._reconnect_if_broken()
            transaction = self.raw.transaction()
            try:
                with self.conn.watched():
                    transaction.__enter__()
                    if lock_timeout_s is not None:
                        self.raw.execute("SELECT set_config('lock_timeout', %s, true)", (f"{int(lock_timeout_s * 1000)}ms",))
                    self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return transaction
            except psycopg.OperationalError as exc:
                if attempt == 2 or not self.raw.broken:
                    raise self._translate_error(exc) from exc
                logger.info("connection lost before a write; reconnecting")

    def _end(self, transaction, exc: BaseException | None) -> None:
        """Commit (no error) or roll back the transaction; a commit that fails is the app's error."""
        try:
            with self.conn.watched():
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
        except ServerSilentError:
            raise  # asking again would wait as long again
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
        return self.server_roles()[0]

    def server_roles(self) -> tuple[str, ...]:
        """Every app role of the login's group roles, in :data:`ROLE_PRIORITY` order: a region's super-user is often
        its training lead too, and one login in both groups may do what either may (it got the first alone)."""
        if self._role is None:
            facts = self._login_facts()
            if facts.owns:
                self._role = ("agare",)
            else:
                self._role = tuple(role for group, role in ROLE_PRIORITY if group in facts.groups) or ("els_stod",)
        return self._role

    def owns_desk(self) -> bool:
        """True for the owning role (or a server superuser): may migrate and is not bound by roles."""
        return self._login_facts().owns

    def login_name(self) -> str | None:
        return self._login_facts().login

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
        encoding, ctype = self.conn.execute(
            "SELECT current_setting('server_encoding'), current_setting('lc_ctype')").fetchone()
        encoding, ctype = (v.decode("ascii", "replace") if isinstance(v, bytes) else str(v) for v in (encoding, ctype))
        folds = encoding == "UTF8" and self.conn.execute(
            "SELECT lower(chr(197) || chr(196) || chr(214)) = chr(229) || chr(228) || chr(246)").fetchone()[0]
        if not folds:
            why = (f"teckenkodning {encoding}, ska vara UTF8" if encoding != "UTF8"
                   else f"teckentyp (LC_CTYPE) {ctype}, som inte känner stora och små å, ä och ö")
            raise DatabaseUnavailableError(
                f"databasen {self.describe()} kan inte hantera å, ä och ö ({why}); skapa den med"
                " CREATE DATABASE elsdesk OWNER elsdesk_owner ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
                " TEMPLATE template0 (C.UTF-8 finns på varje Linuxserver; elsdesk sorterar själv i svensk ordning)"
            )


def ping(raw, conninfo: str) -> None:
    """Ask the server on *raw* whether it lives (a listening connection between its notices):
    :class:`ServerSilentError` within about ten seconds when it is hung, psycopg's error when gone."""
    with _server_watch.watching(raw, conninfo):
        raw.execute("SELECT 1")


# (what the server's refusal names, the sentence, the group role that may) - the first that matches
_REFUSALS = (
    ("elsdesk_confirmation", "din inloggning får inte bekräfta etiketter (markera dem som granskade); det får bara"
                             " rollen superanvändare", "elsdesk_superanvandare"),
    ('policy for table "label_history"', "din inloggning får skriva etiketthistorik bara i sitt eget namn, och bara"
                                         " en superanvändare skriver en bekräftelse", None),
    ("review_decisions", "din inloggning får inte bekräfta etiketter i granskningen; det får bara rollen superanvändare",
     "elsdesk_superanvandare"),
    ("models", "din inloggning får inte träna om och spara modeller; det får bara rollen superanvändare",
     "elsdesk_superanvandare"),
    ("topic_registry", "din inloggning får inte ändra ämnen och utbildningsagendan; det får bara rollen"
                       " utbildningsansvarig", "elsdesk_utbildning"),
    ("label_history", "din inloggning får inte ångra andras beslut; det får bara den superanvändare som fattade"
                      " beslutet", None),
    ("settings", "din inloggning får inte ändra den inställningen; det får bara rollen utbildningsansvarig eller"
                 " superanvändare", None),
)
