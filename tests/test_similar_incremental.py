"""The similar-ticket index at a region's size (issue 14): built in chunks newest first, usable while it
builds, cancellable, kept in a cache file per SQLite desk so a restart indexes only what changed."""

from __future__ import annotations

import pytest

from elsdesk.domain import Ticket
from elsdesk.ml.similarity import SimilarityIndex
from elsdesk.services import similar
from elsdesk.services.imports import Cancelled
from elsdesk.services.similar import (build_similarity_index, new_similarity_index, similar_to_text,
                                     similarity_cache_file)
from elsdesk.storage import TicketRepository, open_database

TEXTS = [
    ("Skrivaren skriver inte ut armband", "Armbandsskrivaren på akuten skriver inte ut"),
    ("Kan inte signera dos", "Utdelningsvyn låter mig inte signera given dos"),
    ("SITHS-kortet låst", "Har skrivit fel PIN tre gånger"),
    ("Frikort registreras inte i kassan", "Patientens frikort syns inte"),
    ("NPÖ visar inget", "Nationell patientöversikt tom"),
]


def _fill(database, count: int) -> list[Ticket]:
    """*count* tickets written last year (a restart catches up what was written since its cache, to the second)."""
    repo = TicketRepository(database)
    with database.write():
        stored = [repo.insert(Ticket(title=TEXTS[n % len(TEXTS)][0], description=TEXTS[n % len(TEXTS)][1],
                                     created_at=f"2025-04-{1 + n // 100:02d}T08:{n % 60:02d}:00"))
                  for n in range(count)]
        database.conn.execute("UPDATE tickets SET updated_at = created_at")
    return [TicketRepository(database).get(t.id) for t in stored]


@pytest.fixture
def desk(tmp_path):
    database = open_database(tmp_path / "desk.db")
    yield database
    database.close()


class _CountingIndex(SimilarityIndex):
    def __init__(self, **options):
        super().__init__(**options)
        self.indexed = 0

    def add_many(self, tickets):
        self.indexed += len(tickets)
        super().add_many(tickets)


def test_build_goes_in_chunks_newest_first_and_lookups_answer_from_what_is_built(desk, monkeypatch):
    stored = _fill(desk, 30)
    monkeypatch.setattr(similar, "BUILD_CHUNK", 8)
    index, seen = new_similarity_index(), []

    def progress(done, total):
        seen.append((done, total, sorted(m.ticket_id for m in index.similar("frikort kassan", k=50))))

    build_similarity_index(desk, progress=progress, index=index, use_cache=False)
    assert [(done, total) for done, total, _ in seen] == [(8, 30), (16, 30), (24, 30), (30, 30)]
    newest_frikort = [t.id for t in stored if t.title.startswith("Frikort")][-2:]
    assert seen[0][2] == newest_frikort  # the first chunk holds the newest tickets and already answers
    assert len(seen[-1][2]) == 6 and len(index) == 30


def test_cancel_stops_between_chunks(desk, monkeypatch):
    _fill(desk, 20)
    monkeypatch.setattr(similar, "BUILD_CHUNK", 5)
    with pytest.raises(Cancelled):
        build_similarity_index(desk, progress=lambda done, total: None, is_cancelled=lambda: True, use_cache=False)


def test_a_restart_reads_the_cache_and_indexes_only_what_changed(desk, monkeypatch):
    stored = _fill(desk, 40)
    build_similarity_index(desk)
    assert similarity_cache_file(desk).is_file()
    repo = TicketRepository(desk)
    with desk.write():
        edited = repo.update(stored[0].with_changes(title="Kassan tar inte emot frikort", description="frikort"))
        added = repo.insert(Ticket(title="Tidboken visar fel mottagning", created_at="2025-05-01T08:00:00"))
    monkeypatch.setattr(similar, "now_iso", lambda: "2099-01-01T00:00:00")  # nothing is written during this build
    index = _CountingIndex()
    build_similarity_index(desk, index=index)
    assert index.indexed == 2  # the edited and the new ticket, not all 41
    assert len(index) == 41
    assert similar_to_text(desk, index, "tidboken mottagning")[0].ticket.id == added.id
    assert edited.id in [s.ticket.id for s in similar_to_text(desk, index, "kassan frikort", k=10)]
    assert edited.id not in [s.ticket.id for s in similar_to_text(desk, index, "armbandsskrivaren skriver", k=10)]


def test_a_removed_ticket_leaves_the_cache_in_use_without_it(desk, monkeypatch):
    """A ticket logged by mistake and removed (or the newest one) costs no build of the whole desk (83 s at
    1,000,000 tickets): the cache is read and the removed tickets are left out of it."""
    stored = _fill(desk, 12)
    build_similarity_index(desk)
    with desk.write():
        desk.conn.execute("DELETE FROM tickets WHERE id IN (?, ?)", (stored[3].id, stored[-1].id))
    monkeypatch.setattr(similar, "now_iso", lambda: "2099-01-01T00:00:00")  # nothing is written during this build
    index = _CountingIndex()
    build_similarity_index(desk, index=index)
    assert index.indexed == 0 and len(index) == 10
    assert stored[3].id not in index and stored[-1].id not in index
    assert stored[3].id not in [s.ticket.id for s in similar_to_text(desk, index, stored[3].title, k=12)]


def test_the_newest_ticket_removed_and_its_number_taken_by_a_new_one_is_caught_up(desk, monkeypatch):
    stored = _fill(desk, 12)
    build_similarity_index(desk)
    repo = TicketRepository(desk)
    with desk.write():
        desk.conn.execute("DELETE FROM tickets WHERE id = ?", (stored[-1].id,))
        added = repo.insert(Ticket(title="Tidboken visar fel mottagning", created_at="2025-05-01T08:00:00"))
    assert added.id == stored[-1].id, "SQLite gives the next ticket the removed one's id"
    monkeypatch.setattr(similar, "now_iso", lambda: "2099-01-01T00:00:00")  # nothing is written during this build
    index = _CountingIndex()
    build_similarity_index(desk, index=index)
    assert index.indexed == 1 and len(index) == 12
    assert similar_to_text(desk, index, "tidboken mottagning")[0].ticket.id == added.id


def test_a_desk_made_anew_under_its_cache_has_every_ticket_indexed_again(desk, monkeypatch):
    _fill(desk, 12)
    build_similarity_index(desk)
    repo = TicketRepository(desk)
    with desk.write():  # every ticket gone, other tickets logged since under the same numbers
        desk.conn.execute("DELETE FROM tickets")
        for n in range(11):
            repo.insert(Ticket(title=f"Tidboken visar fel mottagning {n}", created_at="2025-06-01T08:00:00"))
    monkeypatch.setattr(similar, "now_iso", lambda: "2099-01-01T00:00:00")
    index = _CountingIndex()
    build_similarity_index(desk, index=index)
    assert index.indexed == 11 and len(index) == 11
    assert all(s.ticket.title.startswith("Tidboken") for s in similar_to_text(desk, index, "tidboken mottagning", k=11))


def test_an_unreadable_cache_is_built_again(desk):
    _fill(desk, 6)
    build_similarity_index(desk)
    similarity_cache_file(desk).write_bytes(b"not a cache")
    index = _CountingIndex()
    build_similarity_index(desk, index=index)
    assert index.indexed == 6


def test_a_cache_belongs_to_one_desk(tmp_path):
    with open_database(tmp_path / "a.db") as first, open_database(tmp_path / "b.db") as second:
        assert similarity_cache_file(first) != similarity_cache_file(second)


def test_server_and_memory_desks_keep_the_index_in_memory_only(memory_db):
    _fill(memory_db, 3)
    assert similarity_cache_file(memory_db) is None
    assert len(build_similarity_index(memory_db)) == 3
