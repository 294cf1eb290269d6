"""TopicsKeeper: keeps the newest weeks' topics worked out in the background as tickets arrive.

Working out a week's topics takes seconds for a big week, and every new ticket, edit or problem
link makes the stored result stale. Instead of doing that work when a training lead opens the
Utbildning tab, the keeper does it a little after the desk last changed (:data:`KEEP_DELAY_MS`,
so a burst of saves or an import is one run, but at most :data:`MAX_WAIT_MS` after the first
change), and the tab then reads the stored result. The work
itself is :func:`elsdesk.services.topics.keep_latest_weeks`; a change during a run starts
another run once it is done.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer, Signal

logger = logging.getLogger(__name__)
KEEP_DELAY_MS = 5000
MAX_WAIT_MS = 60_000  # a desk that never goes quiet (a busy go-live on a shared server) is still kept


class TopicsKeeper(QObject):
    kept = Signal(list)  # the weeks worked out again (oldest first); empty when nothing had changed

    def __init__(self, runner, db_path, delay_ms: int | None = None, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.db_path = db_path
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(KEEP_DELAY_MS if delay_ms is None else delay_ms)
        self._timer.timeout.connect(self._run)
        self._task = None
        self._again = False
        self._waiting_since = 0.0

    def touch(self) -> None:
        """The desk changed: work the weeks out again once it has been quiet for a moment."""
        now = time.monotonic()
        if not self._timer.isActive():
            self._waiting_since = now
        elif (now - self._waiting_since) * 1000 >= MAX_WAIT_MS:
            return  # waited long enough: let the pending run start
        self._timer.start()

    def is_busy(self) -> bool:
        """A run is waiting for quiet or under way."""
        return self._timer.isActive() or (self._task is not None and not self._task.is_settled())

    def stop(self) -> None:
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()

    def _run(self) -> None:
        if self._task is not None and not self._task.is_settled():
            self._again = True
            return

        def work(context):
            from elsdesk.services.topics import keep_latest_weeks

            with context.open_database() as database:
                return keep_latest_weeks(database, is_cancelled=context.is_cancelled)

        self._task = self.runner.start(work, db_path=self.db_path, on_success=self._on_kept,
                                       on_failure=self._on_failed, on_finished=self._on_finished,
                                       name="topics kept current")

    def _on_kept(self, weeks: list) -> None:
        if weeks:
            logger.info("topics worked out again for %s", ", ".join(weeks))
        self.kept.emit(list(weeks))

    def _on_failed(self, exc: Exception) -> None:
        logger.info("keeping the topics current stopped: %s", exc)  # the tab works them out when opened

    def _on_finished(self, _task) -> None:
        if self._again:
            self._again = False
            self.touch()
