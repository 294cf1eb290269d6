"""Second-round window defect 7: the ticket form's similar tickets said "inga liknande ärenden" while the
similar-ticket index was still being built. Until the index is there the pane says so ("Bygger sökindex…"),
and once it is, the form gets the answer without another keystroke."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings

from elsdesk.gui.main_window import MainWindow
from elsdesk.ml.similarity import SimilarityIndex
from elsdesk.services import similar
from test_gui_similar_while_building import _seed

BUILDING = "Bygger sökindex"


@pytest.fixture
def held_build(monkeypatch):
    """The index build waits before its chunk number *hold_at* until the gate opens."""
    gate, state = threading.Event(), {"hold_at": 0, "chunks": 0}
    add_many = SimilarityIndex.add_many

    def held(index, tickets):
        if state["chunks"] >= state["hold_at"]:
            gate.wait(30)
        add_many(index, tickets)
        state["chunks"] += 1

    monkeypatch.setattr(similar, "BUILD_CHUNK", 10)
    monkeypatch.setattr(SimilarityIndex, "add_many", held)
    yield gate, state
    gate.set()


def _window(qtbot, db_path, tmp_path) -> MainWindow:
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=30_000))
    return window


def _pane_text(form) -> str:
    view = form.similar_view
    return view.empty.text() if view.empty.isVisible() or not view.ticket_ids() else ""


@pytest.mark.sqlite_only
def test_round2_issue_7_the_pane_says_the_index_is_being_built_then_answers(qtbot, db_path, tmp_path, held_build):
    gate, _state = held_build
    _seed(db_path)
    window = _window(qtbot, db_path, tmp_path)
    try:
        form = window.new_ticket()
        assert BUILDING in _pane_text(form)
        form.title_edit.setText("Frikort kassan")
        qtbot.waitUntil(lambda: window._similar_asked[0] is form)
        assert BUILDING in _pane_text(form) and "Inga liknande" not in _pane_text(form)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: len(form.similar_view.ticket_ids()) == 3, timeout=20_000)  # no keystroke needed
    form.reject()


@pytest.mark.sqlite_only
def test_round2_issue_7_an_empty_answer_from_part_of_the_index_is_no_answer_yet(qtbot, db_path, tmp_path, held_build):
    gate, state = held_build
    state["hold_at"] = 1  # the newest ten tickets are in the index, the rest wait
    _seed(db_path)
    window = _window(qtbot, db_path, tmp_path)
    try:
        qtbot.waitUntil(lambda: window.similarity_index is not None, timeout=20_000)
        form = window.new_ticket()
        assert BUILDING in _pane_text(form)
        form.title_edit.setText("Skrivaren saknar papper")
        qtbot.waitUntil(lambda: window._similar_asked[0] is form and window._similar_task is not None
                        and window._similar_task.is_done(), timeout=20_000)  # the part built so far answered
        assert BUILDING in _pane_text(form) and "Inga liknande" not in _pane_text(form)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: _pane_text(form) == "Inga liknande ärenden.", timeout=20_000)
    form.reject()


@pytest.mark.sqlite_only
def test_round2_issue_7_a_form_opened_after_the_build_says_nothing_about_an_index(qtbot, db_path, tmp_path):
    _seed(db_path, 5)
    window = _window(qtbot, db_path, tmp_path)
    qtbot.waitUntil(lambda: window.runner.running() == 0 and window.similarity_index is not None, timeout=30_000)
    form = window.new_ticket()
    assert _pane_text(form) == "Inga liknande ärenden ännu."
    form.title_edit.setText("Skrivaren saknar papper")
    qtbot.waitUntil(lambda: _pane_text(form) == "Inga liknande ärenden.", timeout=20_000)
    form.reject()
