"""Background work: one task per job on a thread pool, with progress, cancel and result signals.

A task function receives a :class:`TaskContext` (progress callback, cancel check, and a
database opened for the worker thread) and returns a result. Views keep the handle and
cancel an old task when they start a new one.
"""

from __future__ import annotations

import logging
import threading
import time
from functools import partial
from typing import Any, Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from elsdesk.domain import BadInputError, Cancelled, ConflictError, DatabaseUnavailableError, NotAllowedError, NotFoundError

logger = logging.getLogger(__name__)
EXPECTED = (ConflictError, BadInputError, NotFoundError, NotAllowedError)


def _log_failure(name: str, exc: Exception) -> None:
    """Expected outcomes (a save conflict, bad input, a refusal for the role) at info without a
    traceback; a server that is away is a warning; only real faults get an error with traceback."""
    if isinstance(exc, EXPECTED):
        logger.info("background task %s: %s: %s", name, type(exc).__name__, exc)
    elif isinstance(exc, DatabaseUnavailableError):
        logger.warning("background task %s: the database cannot be used: %s", name, exc)
    else:
        logger.exception("background task %s failed", name)


class TaskSignals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class TaskContext:
    """What a task function gets: progress, cancel, and the database path."""

    def __init__(self, signals: TaskSignals, cancel_event: threading.Event, db_path):
        self._signals = signals
        self._cancel = cancel_event
        self.db_path = db_path

    def progress(self, done: int, total: int) -> None:
        self._signals.progressed.emit(int(done), int(total))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def open_database(self):
        from elsdesk.storage import open_database

        return open_database(self.db_path)


class Task:
    """Runs ``function(context)`` on a thread pool and reports through :attr:`signals`. A plain object the
    pool runs as a callable, not a QRunnable: PySide6's pool kept a reference to every QRunnable it had
    run (with autoDelete off for good, with it on now and then), and with it the task's result."""

    def __init__(self, function: Callable[[TaskContext], Any], db_path=None, name: str = "task"):
        self.function = function
        self.name = name
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._settled = False
        self.context = TaskContext(self.signals, self._cancel, db_path)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_done(self) -> bool:
        """The function has returned on its thread; its result may still wait in the GUI thread's queue."""
        return self._done.is_set()

    def is_settled(self) -> bool:
        """Every signal the task sent has reached its owner (set by :class:`TaskRunner` in the GUI thread). An
        owner that starts the next run, or answers "busy", by this and not by :meth:`is_done` never runs beside
        a result not yet shown: the Utbildning tab, loading by the thread's end, once showed a stale week."""
        return self._settled

    def run(self) -> None:
        try:
            result = self.function(self.context)
        except Exception as exc:  # reported to the GUI, which shows a message

            if isinstance(exc, Cancelled):
                # The task stopped because it was asked to: its owner must hear so it can reset.
                logger.info("background task %s cancelled: %s", self.name, exc)
                self.signals.failed.emit(exc)
            else:
                _log_failure(self.name, exc)
                if not self.cancelled:
                    self.signals.failed.emit(exc)
        else:
            if not self.cancelled:
                self.signals.succeeded.emit(result)
        finally:
            self._done.set()
            self.signals.finished.emit()


QUICK_THREADS = 2  # threads for the queries a person waits on (list pages, look-ups while typing)
_quick_pool: QThreadPool | None = None


def quick_pool() -> QThreadPool:
    """The pool for quick queries, one per process like Qt's global pool. It belongs to no window:
    a pool destroyed with its window waits for its threads while holding Python's lock, which they
    need to finish (a deadlock)."""
    global _quick_pool
    if _quick_pool is None:
        _quick_pool = QThreadPool()
        _quick_pool.setMaxThreadCount(QUICK_THREADS)
    return _quick_pool


def _wait_for(pools, msecs: int) -> bool:
    """Wait, *msecs* in all, until none of *pools* runs a task."""
    deadline = time.monotonic() + msecs / 1000
    idle = True
    for pool in pools:
        idle = pool.waitForDone(max(0, int((deadline - time.monotonic()) * 1000))) and idle
        idle = pool.activeThreadCount() == 0 and idle
    return idle


def wait_for_every_worker(msecs: int = 10_000) -> bool:
    """Wait until no background task runs on either pool (long work, quick queries)."""
    return _wait_for((QThreadPool.globalInstance(), quick_pool()), msecs)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they finish.

    Long work (building an index, classifying a backlog, training) and the quick queries a person
    waits on run on separate pools, so a list refresh never queues behind a minute-long job."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self.quick_pool = quick_pool()
        self._running: set[Task] = set()
        self._shut_down = False

    def start(
        self,
        function: Callable[[TaskContext], Any],
        *,
        db_path=None,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        on_finished: Callable[[Task], None] | None = None,
        name: str = "task",
        quick: bool = False,
    ) -> Task:
        """Run *function* in the background; *quick* for a short query a person is waiting on."""
        task = Task(function, db_path, name)
        if on_success:
            task.signals.succeeded.connect(self._unless_shut_down(on_success))
        if on_failure:
            task.signals.failed.connect(self._unless_shut_down(on_failure))
        if on_progress:
            task.signals.progressed.connect(self._unless_shut_down(on_progress))
        if on_finished:
            task.signals.finished.connect(self._unless_shut_down(lambda: on_finished(task)))
        task.signals.finished.connect(partial(self._on_task_finished, task))
        self._running.add(task)
        (self.quick_pool if quick else self.pool).start(task.run)
        return task

    def _on_task_finished(self, task: Task) -> None:
        self._running.discard(task)
        task._settled = True  # connected after the owner's callbacks, so theirs have run
        # The task's signals hold the callbacks, and a callback may hold the task (on_finished does): a loop
        # through Qt that Python's collector cannot see, so every finished task, its result and what its
        # callbacks held stayed in memory (a tester's working day: +60 MB a minute). Its finished signal is
        # the last it sends, after every other has been delivered: its signals go, their connections with them.
        task.signals.deleteLater()

    def running(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        return _wait_for((self.quick_pool, self.pool), msecs)

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Cancel and wait for every task; callbacks still queued are dropped (the owner is closing)."""
        self._shut_down = True
        self.cancel_all()
        return self.wait(msecs)

    def _unless_shut_down(self, callback: Callable) -> Callable:
        def deliver(*args) -> None:
            if not self._shut_down:
                callback(*args)

        return deliver
