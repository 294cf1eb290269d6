"""The Qt binding must not take references it never gave back: PySide6 6.12.0 dropped a reference to None
at every call of a method that returns nothing (setText, update, a paint's super().paintEvent), and on
Python 3.11, where None is counted like any object, the app died ("Fatal Python error: deallocating
None") once a session had made a few thousand repaints. pyproject.toml keeps that version out; this
catches a later one that brings the fault back."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: nothing can free it")
def test_calls_of_methods_that_return_nothing_leave_none_as_it_was(qtbot):
    label = QLabel("x")
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("y")
        label.update()
    assert sys.getrefcount(None) - before > -100, "the binding drops a reference to None at each call"
