"""Start-up ordering: run work after the main window's first paint, and (for bench/bench_startup.py
and the start-up test) report when each step of the start happened.

``after_first_paint(widget, callback)`` calls *callback* once the widget has painted for the first
time (or after a fallback delay, should no paint come, e.g. a minimised start), so heavy imports
and queries never hold the window back.

With ``ELSDESK_STARTUP_REPORT=<file>`` in the environment the app writes a JSON report there:
``{"events": {"qapp": t, "window_built": t, "shown": t, "list_loaded": t, "model_ready": t},
"heavy_at_paint": [modules already imported at first paint], "longest_stall": s}`` with wall-clock
times (``time.time()``) and the longest time the GUI thread did not run its event loop between the
first paint and the model being ready; it quits once the start-up work is done. Nothing happens
without the variable.
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
HEAVY_MODULES = ("sklearn", "scipy", "numpy", "joblib", "PySide6.QtCharts", "openpyxl", "psycopg")
FALLBACK_MS = 1000
READY_TIMEOUT_MS = 120_000


class _FirstPaint(QObject):
    """Event filter that fires once, on the first paint of the watched widget."""

    def __init__(self, widget, callback, at_once: bool = False):
        super().__init__(widget)
        self._callback = callback
        self._done = False
        self._at_once = at_once
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self._fire)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._done:
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

    def __init__(self, path: str):
        self.path = Path(path)
        self.events: dict[str, float] = {}
        self.heavy_at_paint: list[str] = []
        self._waiting = {"list_loaded", "model_ready"}
        self._app = None
        self._beat: float | None = None
        self.longest_stall = 0.0
        self._heart = None

    @classmethod
    def from_environment(cls) -> "StartupProbe | None":
        path = os.environ.get(REPORT_ENV)
        return cls(path) if path else None

    def mark(self, name: str) -> None:
        self.events.setdefault(name, time.time())
        if name == "shown":
            self.heavy_at_paint = sorted(m for m in HEAVY_MODULES if m in sys.modules)
            self._beat = time.time()
            if self._heart is not None:
                self._heart.start()
        self._waiting.discard(name)
        if not self._waiting and "shown" in self.events:
            self._finish()

    def watch(self, app, window) -> None:
        """Mark the window's first paint, its first list and its model; quit when all are in."""
        self._app = app
        window.list_view.loaded.connect(lambda _result: self.mark("list_loaded"))
        _FirstPaint(window, lambda: self.mark("shown"), at_once=True)  # the moment the window paints
        model = QTimer(window)
        model.setInterval(20)

        def model_loaded() -> None:
            if window.classifier is not None or window.classifier_error is not None:
                model.stop()
                self.mark("model_ready")

        model.timeout.connect(model_loaded)
        model.start()
        self._heart = QTimer(window)
        self._heart.setInterval(10)
        self._heart.timeout.connect(self._on_beat)
        QTimer.singleShot(READY_TIMEOUT_MS, self._finish)

    def _on_beat(self) -> None:
        now = time.time()
        if self._beat is not None and "model_ready" not in self.events:
            self.longest_stall = max(self.longest_stall, now - self._beat)
        self._beat = now

    def _finish(self) -> None:
        if self._app is None:
            return
        self._on_beat()
        report = {"events": self.events, "heavy_at_paint": self.heavy_at_paint, "longest_stall": round(self.longest_stall, 3)}
        self.path.write_text(json.dumps(report), encoding="utf-8")
        app, self._app = self._app, None
        QTimer.singleShot(0, app.quit)
