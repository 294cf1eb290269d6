"""ChangeListener: what other workstations wrote, pushed by the server, and the connection's health.

On a shared PostgreSQL desk every write fires ``pg_notify('elsdesk_changes', <table>)`` (a setting:
``settings:<key>``; what each means to a view is elsdesk.services.desk_changes). A
listener thread holds one connection that ``LISTEN``\\s and reads the notices (the path that
works on every platform; POSTGRES.md), and :attr:`changed` carries the set of changed tables to
the GUI thread, gathered for a moment so an import of 500 rows is one refresh, not 500. When the
connection drops (a server restart), :attr:`connection_lost` fires, the thread reconnects with
back-off, and :attr:`reconnected` tells the views to refresh everything.

A listening connection only waits, so a hung server (stopped, or behind a network that drops
packets) would never fail it: between notices the thread asks the server every PING_EVERY_S
seconds (``ping``: ServerSilentError within about ten seconds on a hung server), and a failed
question takes the same reconnect path as a dropped connection.

Review views say on the same channel which ticket their cards show (elsdesk.services.review_presence):
such a notice names no table and goes out at once as :attr:`presence`, not gathered.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from elsdesk.services.review_presence import is_presence

logger = logging.getLogger(__name__)
CHANNEL = "elsdesk_changes"
GATHER_MS = 120
RETRY_SECONDS = (0.5, 1, 2, 4, 5)
PING_EVERY_S = 5.0  # how often an idle listening connection asks whether the server still answers


class ChangeListener(QObject):
    changed = Signal(object)  # frozenset of table names and settings:<key>
    connection_lost = Signal()
    reconnected = Signal()
    presence = Signal(str)  # a review card's notice (review_presence), as it came
    _noticed = Signal(str)  # from the listening thread; delivered queued to the GUI thread
    _lost = Signal()
    _back = Signal()

    def __init__(self, connect, parent=None, ping: Callable[[object], None] | None = None,
                 ping_every: float | None = None):
        """*connect* returns a new autocommit psycopg connection to the desk; *ping* asks the server on such
        a connection whether it still answers and raises when it does not (postgres_backend.ping)."""
        super().__init__(parent)
        self._connect = connect
        self._ping = ping
        self._ping_every = PING_EVERY_S if ping_every is None else ping_every
        self._stop = threading.Event()
        self._pending: set[str] = set()
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.setInterval(GATHER_MS)
        self._gather.timeout.connect(self._flush)
        self._noticed.connect(self._on_noticed)
        self._lost.connect(self.connection_lost)
        self._back.connect(self.reconnected)
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="elsdesk-listen", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait_until_listening(self, timeout: float = 10.0) -> bool:
        """True once the first LISTEN is in place (tests and start-up use it)."""
        return self._ready.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    # -- the listening thread --------------------------------------------------------------
    def _run(self) -> None:
        attempt, was_lost = 0, False
        while not self._stop.is_set():
            try:
                conn = self._connect()
            except Exception:  # noqa: BLE001 - server away: try again
                logger.info("change listener cannot connect; retrying", exc_info=True)
                if not was_lost:
                    was_lost = True
                    self._lost.emit()
                self._stop.wait(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                attempt += 1
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                self._ready.set()
                if was_lost:
                    was_lost, attempt = False, 0
                    self._back.emit()
                asked = time.monotonic()
                while not self._stop.is_set():
                    for notice in conn.notifies(timeout=0.5, stop_after=200):
                        self._noticed.emit(notice.payload)
                    if self._ping is not None and time.monotonic() - asked >= self._ping_every:
                        self._ping(conn)  # a hung server raises here (ServerSilentError): reconnect below
                        asked = time.monotonic()
            except Exception:  # noqa: BLE001 - connection dropped mid-listen
                if not self._stop.is_set():
                    logger.info("change listener lost its connection", exc_info=True)
                    was_lost = True
                    self._lost.emit()
            finally:
                try:
                    conn.close()
                except Exception:  # noqa: BLE001
                    pass

    # -- the GUI thread --------------------------------------------------------------------
    def _on_noticed(self, payload: str) -> None:
        if is_presence(payload):
            self.presence.emit(payload)
            return
        self._pending.add(payload)
        if not self._gather.isActive():
            self._gather.start()

    def _flush(self) -> None:
        tables, self._pending = frozenset(self._pending), set()
        if tables:
            self.changed.emit(tables)
