"""Keyset paging (storage/ticket_pages.py) gives the same rows, in the same order, as the full list query.

The list shows its first page from :class:`TicketPager` and the rest from ``query_ids``; if the two ever
disagreed, a ticket would jump or vanish when the full list arrives. Each case here pages through the
whole result a few rows at a time and compares with ``query_ids``, for every sort column in both
directions and with every filter, on both backends.
"""

from __future__ import annotations

import random

import pytest

from elsdesk.domain import HUMAN, MODEL, Ticket, TicketFilter
from elsdesk.storage import TicketRepository
from elsdesk.storage import ticket_pages
from elsdesk.storage.tickets import SORTABLE
from elsdesk.storage.ticket_pages import TicketPager

WORDS = ["signera", "Signering", "etikett", "skrivare", "läkemedelslistan", "remiss", "provsvar", "SITHS-kort",
         "inloggning", "tidbok", "Åtgärd", "ändra", "öppenvård"]
MODULES = ["lakemedel", "remisser", "provsvar", None]
KINDS = ["howto", "defect", None]
UNITS = ["Avd 12 Medicin", "avd 12 medicin", "Akuten", None, "Vårdcentralen Ås"]
STATUSES = ["ny", "pagar", "lost"]


def _tickets(count: int, seed: int) -> list[Ticket]:
    """Varied tickets: shared creation times (ties), NULL labels and units, titles differing only in case."""
    rng = random.Random(seed)
    tickets = []
    for number in range(count):
        day, minute = rng.randrange(20, 28), rng.choice([0, 0, 15, 30])  # many tickets share a time
        words = rng.sample(WORDS, 3)
        title = " ".join(words)
        tickets.append(Ticket(
            title=title.upper() if number % 7 == 0 else title,
            description=f"{rng.choice(WORDS)} fungerar inte på {rng.choice(['morgonen', 'natten'])}",
            created_at=f"2025-04-{day:02d}T{rng.randrange(8, 10):02d}:{minute:02d}:00",
            status=rng.choice(STATUSES), module=rng.choice(MODULES), kind=rng.choice(KINDS),
            unit=rng.choice(UNITS), priority=rng.choice(["normal", "hog"]),
            module_confidence=rng.choice([None, 0.5, 0.9, round(rng.random(), 2)]),
            label_source=rng.choice([HUMAN, MODEL, None]),
        ))
    return tickets


@pytest.fixture
def desk(memory_db):
    repo = TicketRepository(memory_db)
    with memory_db.write():
        for ticket in _tickets(160, seed=7):
            repo.insert(ticket)
    return memory_db


def _all_pages(pager: TicketPager, flt: TicketFilter, size: int) -> list[int]:
    seen: list[int] = []
    after = None
    while True:
        page = pager.page(flt, limit=size, after=after)
        seen.extend(t.id for t in page)
        if len(page) < size:
            return seen
        after = page[-1]
        assert len(seen) <= 1000, "paging does not end"


FILTERS = [
    TicketFilter(),
    TicketFilter(text="sign"),
    TicketFilter(text="lista"),  # a compound part
    TicketFilter(text="ändra"),
    TicketFilter(module="lakemedel"),
    TicketFilter(module=""),  # unlabelled
    TicketFilter(kind="defect", status="ny"),
    TicketFilter(week="2025-W18"),
    TicketFilter(unconfirmed_only=True),
    TicketFilter(text="skriv", module="remisser", unconfirmed_only=True),
    TicketFilter(ids=(3, 5, 8, 13, 21, 34, 55, 89, 144)),
    TicketFilter(text="finnsinte"),
]


@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_follow_the_full_query_for_every_sort_and_filter(desk, sort, descending):
    repo, pager = TicketRepository(desk), TicketPager(desk)
    for base in FILTERS:
        flt = TicketFilter(**{**base.__dict__, "sort": sort, "descending": descending})
        expected = repo.query_ids(flt)
        assert _all_pages(pager, flt, size=9) == expected, flt
        assert [t.id for t in pager.page(flt, limit=25)] == expected[:25], flt


@pytest.mark.parametrize("chunk", [1, 3, 50])
def test_newest_first_search_reads_matches_in_chunks_and_stays_exact(desk, monkeypatch, chunk):
    monkeypatch.setattr(ticket_pages, "FIRST_CHUNK", chunk)  # SQLite: FTS5 matches read a chunk at a time
    monkeypatch.setattr(ticket_pages, "RECENT_WINDOW", chunk * 7)  # PostgreSQL: the newest tickets tested first
    monkeypatch.setattr(ticket_pages, "MAX_RECENT_WINDOW", chunk * 40)
    repo, pager = TicketRepository(desk), TicketPager(desk)
    for text in ("sign", "e", "skrivare remiss", "öppenv"):
        for extra in ({}, {"module": "provsvar"}, {"status": "ny", "unconfirmed_only": True}):
            flt = TicketFilter(text=text, **extra)
            for limit in (1, 5, 40, 500):
                assert [t.id for t in pager.page(flt, limit=limit)] == repo.query_ids(flt)[:limit], (flt, limit)


@pytest.mark.parametrize("order", ["live_then_history", "shuffled"])
def test_newest_first_search_finds_tickets_stored_out_of_date_order(memory_db, monkeypatch, order):
    """A desk that logged live tickets first and imported its history afterwards stores its newest
    tickets under the smallest ids; a desk imported in random order has no order at all."""
    monkeypatch.setattr(ticket_pages, "FIRST_CHUNK", 4)
    monkeypatch.setattr(ticket_pages, "RECENT_WINDOW", 30)
    tickets = sorted(_tickets(120, seed=11), key=lambda t: (t.created_at, t.title))
    if order == "live_then_history":
        tickets = tickets[-20:] + tickets[:-20]
    else:
        random.Random(3).shuffle(tickets)
    repo = TicketRepository(memory_db)
    with memory_db.write():
        for ticket in tickets:
            repo.insert(ticket)
    pager = TicketPager(memory_db)
    for text in ("sign", "etikett", "tidbok inloggning"):
        flt = TicketFilter(text=text)
        for limit in (1, 10, 30):
            assert [t.id for t in pager.page(flt, limit=limit)] == repo.query_ids(flt)[:limit], (text, limit)


def test_straggler_limits_fall_back_to_the_plain_query(memory_db, monkeypatch):
    monkeypatch.setattr(ticket_pages, "FIRST_CHUNK", 2)
    monkeypatch.setattr(ticket_pages, "MAX_STRAGGLERS", 1)
    tickets = _tickets(60, seed=5)
    random.Random(9).shuffle(tickets)
    repo = TicketRepository(memory_db)
    with memory_db.write():
        for ticket in tickets:
            repo.insert(ticket)
    flt = TicketFilter(text="sign")
    assert [t.id for t in TicketPager(memory_db).page(flt, limit=10)] == repo.query_ids(flt)[:10]


def test_a_page_holds_whole_tickets(desk):
    first = TicketPager(desk).page(TicketFilter(), limit=3)
    assert [t.id for t in first] == TicketRepository(desk).query_ids()[:3]
    assert first[0] == TicketRepository(desk).get(first[0].id)
    assert TicketPager(desk).page(TicketFilter(), limit=0) == []


def test_a_ticket_number_finds_its_ticket_beside_the_text_that_mentions_it(desk):
    """The text index holds no ticket numbers: "demo-01049" typed in the search box finds DEMO-01049,
    in any case, together with the tickets whose text mentions it, in the list's order, on every path."""
    repo, pager = TicketRepository(desk), TicketPager(desk)
    with desk.write():
        numbered = repo.insert(Ticket(title="Utskrift av etiketter", external_id="DEMO-01049", module="remisser",
                                      created_at="2025-04-01T07:00:00", status="ny"))  # the oldest: no fast path reads it
        mentions = repo.insert(Ticket(title="Samma fel som DEMO-01049", created_at="2025-04-27T09:45:00",
                                      module="provsvar", status="ny"))
    for text in ("DEMO-01049", "demo-01049", " Demo-01049 "):
        flt = TicketFilter(text=text)
        expected = repo.query_ids(flt)
        assert set(expected) == {numbered.id, mentions.id}, text
        assert [t.id for t in pager.page(flt, limit=25)] == expected
        assert [t.id for t in pager.page(flt, limit=1)] == expected[:1]
        assert _all_pages(pager, flt, size=1) == expected
        assert repo.count(flt) == 2
    assert repo.query_ids(TicketFilter(text="demo-01049", module="lakemedel")) == []
    only_it = TicketFilter(text="DEMO-01049", ids=(numbered.id,))
    assert [t.id for t in pager.page(only_it)] == repo.query_ids(only_it) == [numbered.id]
    assert repo.query_ids(TicketFilter(text="DEMO-0104")) == [mentions.id], "a number is looked up whole; text by prefix"


SWEDISH_TITLES = ["övrigt", "Zebra", "ärende", "Åtgärd", "apa", "Éva", "Ärende två", "öga", "åtta", "Bana", "yxa", "Über"]
# Swedish alphabetical order, case-free: É with E, Ü with Y, then Å, Ä, Ö
SWEDISH_ORDER = ["apa", "Bana", "Éva", "Über", "yxa", "Zebra", "Åtgärd", "åtta", "ärende", "Ärende två", "öga",
                 "övrigt"]


@pytest.mark.parametrize("column", ["title", "unit"])
def test_text_columns_sort_in_swedish_alphabetical_order_on_both_engines(memory_db, column):
    repo = TicketRepository(memory_db)
    with memory_db.write():
        for text in SWEDISH_TITLES:
            repo.insert(Ticket(title=text if column == "title" else "x", unit=text if column == "unit" else None,
                               created_at="2025-04-22T08:00:00"))
    by_id = {t.id: getattr(t, column) for t in repo.iter_tickets()}
    for descending in (False, True):
        flt = TicketFilter(sort=column, descending=descending)
        expected = SWEDISH_ORDER[::-1] if descending else SWEDISH_ORDER
        assert [by_id[i] for i in repo.query_ids(flt)] == expected
        assert [by_id[i] for i in _all_pages(TicketPager(memory_db), flt, size=4)] == expected
