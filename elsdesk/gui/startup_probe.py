"""Start-up ordering: run work after the main window's first paint, and (for bench/bench_startup.py
and the start-up tests) report when each step of the start happened.

``after_first_paint(widget, callback)`` calls *callback* once the widget has painted for the first
time (or after a fallback delay, should no paint come, e.g. a minimised start), so heavy imports
and queries never hold the window back.

With ``ELSDESK_STARTUP_REPORT=<file>`` in the environment the app writes a JSON report there and
quits once the start-up work is done. Nothing happens without the variable. The report holds

- ``events``: wall-clock times (``time.time()``) of ``qapp``, ``window_built``, ``shown`` (the
  window's first paint), ``first_rows`` (the ticket list's first paint with rows in it),
  ``list_loaded`` (the full result with its counts), ``model_ready`` and, when waited for,
  ``settled`` (no background task has run for :data:`SETTLE_MS`);
- ``heavy_at_paint`` / ``heavy_at_rows``: the heavy modules already imported at those two paints;
- ``rss_mb``: resident memory at each event, and ``peak_rss_mb`` (the high-water mark) at the end;
- ``cpu_s``: the CPU time the process (all its threads) had used at each event, a figure that a busy
  machine disturbs less than the wall clock;
- ``longest_stall``: the longest time the GUI thread did not run its event loop between the
  first paint and the model being ready.

``ELSDESK_STARTUP_UNTIL`` says when the start is done: ``model`` (default: first rows, full list
and model), ``settled`` (also every background task started at start-up, e.g. the similar-ticket
index: the memory "once start-up work is done") or ``rows`` (the first rows: the process leaves at
once, without closing the window, so that an instruction count of the start ends there, as the
bench's plain peer's does).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer

logger = logging.getLogger(__name__)
REPORT_ENV = "ELSDESK_STARTUP_REPORT"
UNTIL_ENV = "ELSDESK_STARTUP_UNTIL"
HEAVY_MODULES = ("sklearn", "scipy", "numpy", "joblib", "PySide6.QtCharts", "openpyxl", "psycopg")
FALLBACK_MS = 1000
READY_TIMEOUT_MS = 600_000
SETTLE_MS = 1000
POLL_MS = 20


def memory_mb() -> tuple[float | None, float | None]:
    """(resident, peak resident) memory of this process in MB, from /proc (None where there is none)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return None, None
    found = {}
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = round(int(value.split()[0]) / 1024, 1)
    return found.get("VmRSS"), found.get("VmHWM")


class _FirstPaint(QObject):
    """Event filter that fires once, on the first paint of the watched widget (when *ready* says so)."""

    def __init__(self, widget, callback, at_once: bool = False, ready=None, fallback: bool = True):
        super().__init__(widget)
        self._callback = callback
        self._done = False
        self._at_once = at_once
        self._ready = ready
        widget.installEventFilter(self)
        if fallback:
            QTimer.singleShot(FALLBACK_MS, self._fire)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._done and (self._ready is None or self._ready()):
            if self._at_once:
                self._fire()
            else:
                QTimer.singleShot(0, self._fire)  # after this paint has reached the screen
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        self.parent().removeEventFilter(self)
        self._callback()


def after_first_paint(widget, callback) -> None:
    _FirstPaint(widget, callback)


class StartupProbe:
    """Collects start-up events; writes them and quits the app when the start is complete."""

    def __init__(self, path: str, until: str = "model"):
        self.path = Path(path)
        self.until = until
        self.events: dict[str, float] = {}
        self.rss_mb: dict[str, float | None] = {}
        self.cpu_s: dict[str, float] = {}
        self.heavy_at_paint: list[str] = []
        self.heavy_at_rows: list[str] = []
        self._waiting = ({"first_rows"} if until == "rows" else
                         {"first_rows", "list_loaded", "model_ready"} | ({"settled"} if until == "settled" else set()))
        self._app = None
        self._window = None
        self._beat: float | None = None
        self._idle_since: float | None = None
        self.longest_stall = 0.0
        self._heart = None

    @classmethod
    def from_environment(cls) -> "StartupProbe | None":
        path = os.environ.get(REPORT_ENV)
        return cls(path, os.environ.get(UNTIL_ENV, "model")) if path else None

    def mark(self, name: str) -> None:
        if name not in self.events:
            self.events[name] = time.time()
        if name not in self.rss_mb:
            self.rss_mb[name] = memory_mb()[0]
            self.cpu_s[name] = round(time.process_time(), 4)
        if name == "shown":
            self.heavy_at_paint = self._heavy()
            self._beat = time.time()
            if self._heart is not None:
                self._heart.start()
        if name == "first_rows":
            self.heavy_at_rows = self._heavy()
        self._waiting.discard(name)
        if not self._waiting and "shown" in self.events:
            self._finish()

    @staticmethod
    def _heavy() -> list[str]:
        return sorted(m for m in HEAVY_MODULES if m in sys.modules)

    def watch(self, app, window) -> None:
        """Mark the window's first paint, the list's first rows, the full list, the model and (when
        waited for) the end of the start-up work; quit when all are in."""
        self._app = app
        self._window = window
        window.list_view.loaded.connect(self._on_list_loaded)
        _FirstPaint(window, lambda: self.mark("shown"), at_once=True)  # the moment the window paints
        _FirstPaint(window.list_view.viewport(), lambda: self.mark("first_rows"), at_once=True,
                    ready=lambda: window.model.rowCount() > 0, fallback=False)
        poll = QTimer(window)
        poll.setInterval(POLL_MS)
        poll.timeout.connect(self._on_poll)
        poll.start()
        self._heart = QTimer(window)
        self._heart.setInterval(10)
        self._heart.timeout.connect(self._on_beat)
        QTimer.singleShot(READY_TIMEOUT_MS, self._finish)

    def _on_list_loaded(self, _result) -> None:
        if self._window.model.rowCount() == 0:
            self._waiting.discard("first_rows")  # an empty desk shows no rows
        self.mark("list_loaded")

    def _on_poll(self) -> None:
        window = self._window
        if "model_ready" not in self.events and (window.classifier is not None or window.classifier_error is not None):
            self.mark("model_ready")
        if "settled" not in self._waiting:
            return
        now = time.time()
        if window.runner.running() or not {"list_loaded", "model_ready"} <= set(self.events):
            self._idle_since = None
        elif self._idle_since is None:
            self._idle_since = now
        elif now - self._idle_since >= SETTLE_MS / 1000:
            self.events["settled"] = self._idle_since
            self.mark("settled")

    def _on_beat(self) -> None:
        now = time.time()
        if self._beat is not None and "model_ready" not in self.events:
            self.longest_stall = max(self.longest_stall, now - self._beat)
        self._beat = now

    def _finish(self) -> None:
        if self._app is None:
            return
        self._on_beat()
        report = {"events": self.events, "heavy_at_paint": self.heavy_at_paint, "heavy_at_rows": self.heavy_at_rows,
                  "rss_mb": self.rss_mb, "cpu_s": self.cpu_s, "peak_rss_mb": memory_mb()[1], "until": self.until,
                  "missing": sorted(self._waiting), "longest_stall": round(self.longest_stall, 3)}
        self.path.write_text(json.dumps(report), encoding="utf-8")
        if self.until == "rows":
            sys.stdout.flush()
            os._exit(0)  # nothing after the first rows is counted: no closing of the window, no background work
        app, self._app = self._app, None
        QTimer.singleShot(0, app.quit)
