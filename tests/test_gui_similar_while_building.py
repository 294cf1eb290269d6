"""Issue 14 in the main window: the ticket form finds similar tickets while the similar-ticket index is still
being built (the part built so far answers: the newest tickets come first)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QSettings

from elsdesk.domain import Ticket
from elsdesk.gui.main_window import MainWindow
from elsdesk.ml.similarity import SimilarityIndex
from elsdesk.services import similar
from elsdesk.storage import TicketRepository, open_database


def _seed(db_path, count: int = 30) -> None:
    database = open_database(db_path)
    repo = TicketRepository(database)
    with database.write():
        for n in range(count):
            title = "Frikort registreras inte i kassan" if n >= count - 3 else f"SITHS-kortet låst på avdelning {n}"
            repo.insert(Ticket(title=title, description=title, created_at=f"2025-04-28T08:{n:02d}:00"))
    database.close()


def test_the_form_finds_similar_tickets_while_the_index_is_still_building(qtbot, db_path, tmp_path, monkeypatch):
    _seed(db_path)
    monkeypatch.setattr(similar, "BUILD_CHUNK", 10)
    gate, chunks = threading.Event(), []
    add_many = SimilarityIndex.add_many

    def first_chunk_then_wait(index, tickets):
        if chunks:
            gate.wait(30)  # the build holds after its first chunk (and its progress) until the form has looked
        add_many(index, tickets)
        chunks.append(len(tickets))

    monkeypatch.setattr(SimilarityIndex, "add_many", first_chunk_then_wait)
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.similarity_index is not None, timeout=20000)
        assert chunks == [10] and len(window.similarity_index) == 10
        form = window.new_ticket()
        form.title_edit.setText("Frikort kassan")
        qtbot.waitUntil(lambda: len(form.similar_view.ticket_ids()) == 3, timeout=20000)
        form.reject()
    finally:
        gate.set()
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)
    assert len(window.similarity_index) == 30
    window.close()
