"""SimilarityIndex and the similar-tickets service (issue 4): five most similar earlier tickets."""

from __future__ import annotations

import time

import numpy as np
import pytest

from elsdesk.domain import Ticket
from elsdesk.ml.similarity import SimilarityIndex, to_seconds
from elsdesk.services.similar import build_similarity_index, index_ticket, similar_tickets, similar_to_text
from elsdesk.storage import TicketRepository

ROWS = [
    (1, "2025-04-23T08:00:00", "Skrivaren skriver inte ut armband", "Armbandsskrivaren på akuten skriver inte ut"),
    (2, "2025-04-23T09:00:00", "Kan inte signera dos", "Utdelningsvyn låter mig inte signera given dos"),
    (3, "2025-04-23T10:00:00", "Armbandsskrivaren skriver inte ut", "Skrivaren för armband fungerar inte på avdelningen"),
    (4, "2025-04-23T11:00:00", "SITHS-kortet låst", "Har skrivit fel PIN tre gånger"),
    (5, "2025-04-23T12:00:00", "Skrivaren skriver inte ut armband igen", "Samma fel med armbandsskrivaren"),
]


@pytest.fixture
def index():
    return SimilarityIndex.build(ROWS)


def test_most_similar_earlier_ticket_comes_first_with_a_cosine_score(index):
    matches = index.similar(ROWS[4][2], ROWS[4][3], before=ROWS[4][1], exclude_id=5)
    assert [m.ticket_id for m in matches][:2] in ([3, 1], [1, 3])
    assert all(0 < m.score <= 1.0001 for m in matches)
    assert matches[0].score >= matches[-1].score


def test_the_ticket_itself_and_later_tickets_are_never_returned(index):
    matches = index.similar(ROWS[2][2], ROWS[2][3], before=ROWS[2][1], exclude_id=3)
    ids = [m.ticket_id for m in matches]
    assert 3 not in ids and 4 not in ids and 5 not in ids
    assert ids[0] == 1


def test_at_most_k_results_and_nothing_for_empty_text(index):
    assert len(index.similar("skrivaren inte", "", k=2)) == 2
    assert index.similar("", "") == []


def test_unrelated_text_finds_nothing_above_the_minimum(index):
    assert index.similar("Kassan", "frikort högkostnadsskydd", min_score=0.05) == []


def test_added_ticket_is_found_and_an_edit_replaces_its_text(index):
    index.add(6, "2025-04-23T13:00:00", "Frikort registreras inte i kassan", "Patientens frikort syns inte")
    assert index.similar("frikort kassan")[0].ticket_id == 6
    index.add(6, "2025-04-23T13:00:00", "NPÖ visar inget", "Nationell patientöversikt tom")
    assert all(m.ticket_id != 6 for m in index.similar("frikort kassan"))
    assert index.similar("NPÖ patientöversikt")[0].ticket_id == 6
    assert len(index) == 6


def test_removed_ticket_is_not_returned(index):
    index.remove(2)
    assert all(m.ticket_id != 2 for m in index.similar("signera dos"))


def test_delta_block_merges_into_the_main_block_without_changing_answers():
    small = SimilarityIndex.build(ROWS[:2], merge_every=2)
    for row in ROWS[2:]:
        small.add(*row)
    full = SimilarityIndex.build(ROWS)
    query = ("Armbandsskrivaren", "skriver inte ut")
    assert [m.ticket_id for m in small.similar(*query)] == [m.ticket_id for m in full.similar(*query)]


def test_a_later_duplicate_id_wins_in_a_build():
    index = SimilarityIndex.build([(1, "2025-04-23T08:00:00", "Skrivaren", ""), (1, "2025-04-23T08:00:00", "Frikort kassan", "")])
    assert len(index) == 1
    assert index.similar("frikort")[0].ticket_id == 1
    assert index.similar("skrivaren") == []


def test_to_seconds_orders_iso_dates_and_tolerates_junk():
    assert to_seconds("2025-04-23T08:00:01") - to_seconds("2025-04-23T08:00:00") == 1
    assert to_seconds("2025-04-23") == to_seconds("2025-04-23T00:00:00")
    assert to_seconds("inte ett datum") == 0


def test_service_builds_from_the_database_and_returns_tickets_with_status_and_resolution(memory_db):
    repo = TicketRepository(memory_db)
    with memory_db.write():
        stored = [repo.insert(Ticket(title=t, description=d, created_at=c, status="lost" if i < 3 else "ny",
                                     resolution="Starta om skrivaren" if i == 1 else "")) for i, c, t, d in ROWS]
    index = build_similarity_index(memory_db)
    found = similar_tickets(memory_db, index, stored[4])
    assert found[0].ticket.id in (stored[0].id, stored[2].id)
    first = next(s for s in found if s.ticket.id == stored[0].id)
    assert (first.ticket.status, first.ticket.resolution) == ("lost", "Starta om skrivaren")
    assert stored[4].id not in [s.ticket.id for s in found]


def test_service_indexes_a_saved_ticket_and_answers_for_typed_text(memory_db):
    index = build_similarity_index(memory_db)
    assert similar_to_text(memory_db, index, "skrivaren", "") == []
    repo = TicketRepository(memory_db)
    with memory_db.write():
        ticket = repo.insert(Ticket(title="Skrivaren skriver inte ut", created_at="2025-04-23T08:00:00"))
    index_ticket(index, ticket)
    assert [s.ticket.id for s in similar_to_text(memory_db, index, "skrivaren", "skriver inte")] == [ticket.id]


def test_lookup_stays_fast_on_twenty_thousand_tickets():
    from elsdesk.services.demo import build_demo_tickets

    tickets = build_demo_tickets(20_000)
    index = SimilarityIndex.build((i, t.created_at, t.title, t.description) for i, t in enumerate(tickets, start=1))
    times = []
    for number in range(1, 20_000, 199):
        t = tickets[number - 1]
        start = time.perf_counter()
        index.similar(t.title, t.description, before=t.created_at, exclude_id=number)
        times.append(time.perf_counter() - start)
    assert np.percentile(times, 95) < 0.05
