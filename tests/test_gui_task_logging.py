"""Background tasks log expected outcomes at info without a traceback, real faults as errors with one
(issue 13: an expected save conflict was logged as an ERROR with a traceback)."""

from __future__ import annotations

import logging

import pytest

from elsdesk.domain import BadInputError, ConflictError, DatabaseUnavailableError, NotAllowedError
from elsdesk.gui.tasks import TaskRunner


def _run(qtbot, caplog, exc):
    runner = TaskRunner()
    failures = []

    def work(_context):
        raise exc

    task = runner.start(work, on_failure=failures.append, name="save ticket")
    # not waitSignal(task.signals.finished): on a busy machine the task can finish before it connects
    qtbot.waitUntil(lambda: task.is_done() and failures == [exc], timeout=10_000)
    return [r for r in caplog.records if r.name == "elsdesk.gui.tasks"]


@pytest.fixture
def records(caplog):
    caplog.set_level(logging.DEBUG, logger="elsdesk")
    return caplog


@pytest.mark.parametrize("exc", [ConflictError("T-1 har ändrats"), BadInputError("skriv en rubrik"),
                                 NotAllowedError("din roll får inte")])
def test_an_expected_outcome_is_logged_at_info_without_traceback(qtbot, records, exc):
    logged = _run(qtbot, records, exc)
    assert [(r.levelno, r.exc_info) for r in logged] == [(logging.INFO, None)]
    assert type(exc).__name__ in logged[0].getMessage()


def test_a_server_that_is_away_is_a_warning_without_traceback(qtbot, records):
    logged = _run(qtbot, records, DatabaseUnavailableError("servern svarar inte"))
    assert [(r.levelno, r.exc_info) for r in logged] == [(logging.WARNING, None)]


def test_a_real_fault_is_an_error_with_its_traceback(qtbot, records):
    logged = _run(qtbot, records, ZeroDivisionError("division by zero"))
    assert [r.levelno for r in logged] == [logging.ERROR]
    assert logged[0].exc_info is not None and logged[0].exc_info[0] is ZeroDivisionError


def test_a_message_about_an_expected_outcome_is_logged_at_info(qtbot, records, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from elsdesk.gui.notify import show_error

    monkeypatch.setattr(QMessageBox, "open", lambda self: None)
    show_error(None, ConflictError("T-1 har ändrats"))
    show_error(None, RuntimeError("oväntat"))
    logged = [(r.levelno, r.getMessage()[:30]) for r in records.records if r.name == "elsdesk.gui.notify"]
    assert [level for level, _ in logged] == [logging.INFO, logging.ERROR]
