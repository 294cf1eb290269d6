"""Python's cyclic garbage collector, run on the GUI thread only.

Python collects reference cycles in whichever thread happens to allocate when a threshold is
crossed. When that is a background worker and the garbage holds Qt objects (a closed dialog, a
finished task's signals, a view and the callbacks that point back at it), Qt objects are destroyed
from the wrong thread, which can crash the process. So the app switches automatic collection off
and collects on a timer on the GUI thread, with the same thresholds Python would use."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500


class GuiThreadGarbageCollector(QObject):
    """Owns the collection while it lives: automatic collection off, a timer on the GUI thread."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = CHECK_MS):
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    @staticmethod
    def check() -> None:
        """Collect the generations whose counts passed their thresholds, oldest first."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return
