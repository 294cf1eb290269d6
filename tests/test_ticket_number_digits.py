"""A ticket number typed without its prefix: "1049" or "01049" in the search box finds DEMO-01049.

Regression tests for the report that only the whole ticket number ("DEMO-01049") found its ticket. A search of
digits alone also finds the tickets whose number ends in that number, leading zeros ignored on both sides, beside
the tickets whose text holds it; the whole number must match ("1049" is no "…-11049"). Two digits are enough (a
tester on a go-live day: "13" found nothing, nor "ELS-13" for ELS-000013: letters and digits find the number of
those letters with any zeros between). The lookup is one search of the index of migration 017, on both backends.
"""

from __future__ import annotations

import sqlite3

import pytest
from test_ticket_pages import _all_pages, _tickets

from elsdesk.domain import Ticket, TicketFilter
from elsdesk.storage import TicketRepository
from elsdesk.storage.migrations import MIGRATIONS, migrate
from elsdesk.storage.search_text import ticket_number_digits
from elsdesk.storage.ticket_pages import TicketPager
from elsdesk.storage.tickets import NUMBER_DIGITS, SORTABLE


@pytest.mark.parametrize("typed, digits", [
    ("1049", "1049"), ("01049", "1049"), (" 0001049 ", "1049"), ("049", "49"), ("100", "100"),
    ("49", "49"), ("7", "7"),  # a go-live day's ticket numbers are short
    ("000", None),           # no ticket is number 0
    ("DEMO-01049", None),    # a whole ticket number is looked up as typed
    ("10 49", None), ("1049a", None), ("-1049", None), ("", None), (None, None),
    ("\u0661\u0660\u0664\u0669", None),  # Arabic-Indic digits: the search box gets ASCII digits
])
def test_digits_alone_give_the_number_without_leading_zeros(typed, digits):
    assert ticket_number_digits(typed) == digits


@pytest.fixture
def numbered_desk(memory_db):
    """The list's test tickets plus tickets numbered around 1049, under several prefixes."""
    repo = TicketRepository(memory_db)
    with memory_db.write():
        for ticket in _tickets(60, seed=3):
            repo.insert(ticket)
        ids = {}
        for number, created in (("DEMO-01049", "2025-04-01T07:00:00"), ("ELS-001049", "2025-04-24T08:00:00"),
                                ("INC1049", "2025-04-25T09:15:00"), ("DEMO-11049", "2025-04-26T09:15:00"),
                                ("DEMO-01048", "2025-04-26T09:30:00"), ("DEMO-00049", "2025-04-22T08:00:00"),
                                ("2025-1049-A", "2025-04-23T08:00:00")):
            ids[number] = repo.insert(Ticket(title="Utskrift av etiketter", external_id=number, created_at=created,
                                             module="remisser", status="ny")).id
        ids["mentions"] = repo.insert(Ticket(title="Samma fel som ärende 1049", created_at="2025-04-27T09:45:00",
                                             module="provsvar", status="ny")).id
    return memory_db, ids


def test_digits_alone_find_the_ticket_numbered_so_beside_the_text_that_mentions_them(numbered_desk):
    desk, ids = numbered_desk
    repo, pager = TicketRepository(desk), TicketPager(desk)
    numbered = {ids["DEMO-01049"], ids["ELS-001049"], ids["INC1049"]}
    for text in ("1049", "01049", "0001049", " 1049 "):
        flt = TicketFilter(text=text)
        expected = repo.query_ids(flt)
        wanted = numbered | ({ids["mentions"]} if text.strip() == "1049" else set())  # text: words that start so
        assert set(expected) == wanted, text
        assert [t.id for t in pager.page(flt, limit=25)] == expected, text
        assert [t.id for t in pager.page(flt, limit=1)] == expected[:1], text
        assert _all_pages(pager, flt, size=1) == expected, text
        assert repo.count(flt) == len(wanted), text


def test_the_whole_number_must_match(numbered_desk):
    desk, ids = numbered_desk
    repo = TicketRepository(desk)
    assert repo.numbered_ids("049") == sorted([ids["DEMO-00049"], repo.get_by_external_id("ELS-000049").id])
    assert repo.numbered_ids("49") == repo.numbered_ids("049")  # the number 49, not every one ending in 49
    assert repo.numbered_ids("11049") == [ids["DEMO-11049"]]
    assert repo.numbered_ids("104") == []             # a number is looked up whole, not by prefix
    assert repo.numbered_ids("2025") == []            # digits inside a number are no ticket number
    assert repo.query_ids(TicketFilter(text="1049", module="lakemedel")) == []
    only_it = TicketFilter(text="1049", ids=(ids["ELS-001049"],))
    assert [t.id for t in TicketPager(desk).page(only_it)] == repo.query_ids(only_it) == [ids["ELS-001049"]]


def test_letters_and_a_number_without_its_zeros_find_the_number_of_those_letters(numbered_desk):
    desk, ids = numbered_desk
    repo = TicketRepository(desk)
    for typed in ("ELS-1049", "els-1049", "ELS1049", "els_001049", "ELS-001049"):
        assert repo.numbered_ids(typed) == [ids["ELS-001049"]], typed
    assert repo.numbered_ids("DEMO-1049") == [ids["DEMO-01049"]]  # not DEMO-11049, nor ELS-001049
    assert repo.numbered_ids("INC-1049") == [ids["INC1049"]]
    assert repo.numbered_ids("ABC-1049") == []
    assert repo.query_ids(TicketFilter(text="els-1049")) == [ids["ELS-001049"]]


@pytest.mark.parametrize("sort", SORTABLE)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_of_a_digits_search_follow_the_full_query(numbered_desk, sort, descending):
    desk, _ids = numbered_desk
    repo, pager = TicketRepository(desk), TicketPager(desk)
    for base in (TicketFilter(text="1049"), TicketFilter(text="01049", status="ny"), TicketFilter(text="049"),
                 TicketFilter(text="1049", module="remisser", unconfirmed_only=True)):
        flt = TicketFilter(**{**base.__dict__, "sort": sort, "descending": descending})
        expected = repo.query_ids(flt)
        assert _all_pages(pager, flt, size=2) == expected, flt
        assert [t.id for t in pager.page(flt, limit=3)] == expected[:3], flt


def test_the_number_lookup_is_an_index_search(memory_db):
    """The query writes the expression of the index exactly: otherwise a million-ticket desk is read whole."""
    sql = f"SELECT id FROM tickets WHERE {NUMBER_DIGITS} = ?"
    if memory_db.sql.name == "postgres":
        memory_db.conn.execute("SET enable_seqscan = off")  # a tiny table is read whole whatever its indexes
        plan = " ".join(row[0] for row in memory_db.query("EXPLAIN " + sql.replace("?", "'1049'")))
    else:
        plan = " ".join(str(row[-1]) for row in memory_db.query("EXPLAIN QUERY PLAN " + sql, ["1049"]))
    assert "idx_tickets_number_digits" in plan, plan


def test_migration_017_indexes_the_tickets_a_desk_already_holds():
    conn = sqlite3.connect(":memory:")
    number = [m.name for m in MIGRATIONS].index("017_ticket_number_digits") + 1
    migrate(conn, upto=number - 1)
    conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title)"
                 " VALUES ('DEMO-01049', '2025-04-01T07:00:00', '2025-W14', '2025-04-01T07:00:00', 'Etiketter')")
    assert migrate(conn, upto=number) == ["017_ticket_number_digits"]
    indexed = conn.execute(f"SELECT external_id FROM tickets INDEXED BY idx_tickets_number_digits"
                           f" WHERE {NUMBER_DIGITS} = '1049'").fetchall()
    assert indexed == [("DEMO-01049",)]
