"""Cyclic garbage is collected on the GUI thread, never in a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading

from elsdesk.gui.gc_guard import GuiThreadGarbageCollector


class _Node:
    def __init__(self):
        self.me = self  # a cycle: only the cyclic collector frees it


def test_cycles_are_collected_by_the_gui_thread_timer(qtbot):
    collector = GuiThreadGarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        collected_in = []
        gc.callbacks.append(lambda phase, _info: phase == "start" and collected_in.append(threading.current_thread()))
        garbage = [_Node() for _ in range(gc.get_threshold()[0] * 2)]
        del garbage
        assert gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: bool(collected_in), timeout=5_000)
        assert set(collected_in) == {threading.main_thread()}
    finally:
        gc.callbacks.pop()
        collector.timer.stop()
        collector.deleteLater()
