"""Noticing a PostgreSQL server that stopped answering while a statement waits on it.

A hung server (stopped, or behind a network that drops packets) leaves a statement waiting for
ever: its operating system may still acknowledge TCP, so keepalives do not notice it, and it
enforces no statement_timeout while stopped. :class:`ServerWatch` asks the server with a new
connection when a statement has waited a while, and cuts the waiting connection when none opens,
so the statement fails with :class:`ServerSilentError` and the app's reconnect path takes over.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from elsdesk.domain import DatabaseUnavailableError
from elsdesk.storage.database import redacted

logger = logging.getLogger(__name__)
PROBE_AFTER_S = 5.0
PROBE_TIMEOUT_S = 5


class ServerSilentError(DatabaseUnavailableError):
    """The server stopped answering a statement and no new connection opened either (a hung server, a
    dropped network); the statement's connection was cut, so repeating it at once would only wait again."""


class _Watched:
    """One statement waiting for the server: its connection, when to ask again, and whether it was cut."""

    __slots__ = ("raw", "conninfo", "started", "probe_at", "cut")

    def __init__(self, raw, conninfo: str, started: float, probe_after: float):
        self.raw, self.conninfo, self.started = raw, conninfo, started
        self.probe_at, self.cut = started + probe_after, False


class ServerWatch:
    """Notices a server that stopped answering while a statement waits on it.

    A hung server's operating system still acknowledges TCP, so neither keepalives nor a TCP user
    timeout notice it, and the server enforces no statement_timeout while it is stopped. So one
    thread per process looks at the statements still waiting after *probe_after* seconds and opens
    a second connection to their server: a server that answers (busy with an index, or a statement
    waiting for another workstation's lock) is left alone and asked again later; one that does not
    answer within *probe_timeout* gets its waiting connections cut, and their statements raise
    :class:`ServerSilentError`. A statement that does not wait costs a lock and a set entry.
    """

    def __init__(self, probe: Callable[[str, float], bool], probe_after: float = PROBE_AFTER_S,
                 probe_timeout: float = PROBE_TIMEOUT_S):
        self.probe, self.probe_after, self.probe_timeout = probe, probe_after, probe_timeout
        self._changed = threading.Condition()
        self._waiting: set[_Watched] = set()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watching(self, raw, conninfo: str) -> Iterator[None]:
        """Watch the statements run on *raw* inside the block; ServerSilentError when the watch cut it."""
        entry = _Watched(raw, conninfo, time.monotonic(), self.probe_after)
        with self._changed:
            sleeps_without_deadline = all(other.cut for other in self._waiting)
            self._waiting.add(entry)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="elsdesk-server-watch", daemon=True)
                self._thread.start()
            elif sleeps_without_deadline:
                self._changed.notify()
        try:
            yield
        except Exception as exc:
            if entry.cut:
                raise ServerSilentError(_silence(conninfo, time.monotonic() - entry.started)) from exc
            raise
        finally:
            with self._changed:
                self._waiting.discard(entry)

    def _run(self) -> None:
        while True:
            due = self._next_due()
            answers = {conninfo: self.probe(conninfo, self.probe_timeout) for conninfo in {e.conninfo for e in due}}
            with self._changed:
                for entry in due:
                    if entry not in self._waiting:
                        continue  # its statement finished meanwhile
                    if answers[entry.conninfo]:
                        entry.probe_at = time.monotonic() + self.probe_after
                    else:
                        logger.info("the server %s did not answer for %.0f s; cutting the connection",
                                    redacted(entry.conninfo), time.monotonic() - entry.started)
                        entry.cut = True
                        _cut(entry.raw)

    def _next_due(self) -> list[_Watched]:
        """Sleep until some statement has waited long enough; those statements."""
        with self._changed:
            while True:
                now = time.monotonic()
                due = [entry for entry in self._waiting if entry.probe_at <= now and not entry.cut]
                if due:
                    return due
                upcoming = [entry.probe_at for entry in self._waiting if not entry.cut]
                self._changed.wait(min(upcoming) - now if upcoming else None)

    def forget_in_child(self) -> None:
        """After a fork: the parent's thread and statements are not the child's."""
        self._changed = threading.Condition()
        self._waiting = set()
        self._thread = None


def _cut(raw) -> None:
    """End the traffic of *raw*'s socket so that a statement waiting on it fails at once; the socket
    stays libpq's (detached here, never closed), and the connection is broken from then on."""
    try:
        sock = socket.socket(fileno=raw.pgconn.socket)
    except Exception:  # noqa: BLE001 - already closed
        logger.debug("no socket to cut", exc_info=True)
        return
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        logger.debug("cutting the connection failed", exc_info=True)
    finally:
        sock.detach()


def _silence(conninfo: str, waited: float) -> str:
    return (f"servern {redacted(conninfo)} svarar inte (inget svar på {waited:.0f} s, och ingen ny anslutning"
            " öppnades heller): den kan ha hängt sig eller nätverket har gått ner. Det som redan sparats finns kvar;"
            " titta efter om den senaste ändringen kom med när servern svarar igen, och be IT se till servern om det"
            " varar")
