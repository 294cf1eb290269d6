"""Issue 14: the import streams its file, writes in bulk and still keeps every guarantee.

The file is read line by line (memory does not grow with it), new tickets go in with one
statement per batch and the SQLite full-text index is filled once per batch (migration 015),
while masking, label history, committed batches, idempotence, duplicate ids and search stay
as they were. Timings are the bench's business (``bench/bench_import.py``), not these tests'.
"""

from __future__ import annotations

import codecs
import json
import sqlite3
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import sample_rows, write_jsonl
from elsdesk import file_text
from elsdesk.domain import Ticket, TicketFilter
from elsdesk.file_text import decode_file_bytes, open_text_file
from elsdesk.services.imports import Cancelled, import_tickets
from elsdesk.services.tickets import log_ticket
from elsdesk.storage import TicketRepository
from elsdesk.storage.migrations import MIGRATIONS, migrate
from elsdesk.storage.search_text import compound_parts
from elsdesk.storage.tickets import FULLTEXT_DEFERRED
from elsdesk.ticket_files import read_rows


def _rows(n: int, start: int = 1) -> list[dict]:
    return [{**row, "id": f"S-{start + i:06d}", "title": f"{row['title']} {start + i}"}
            for i, row in enumerate(sample_rows(n, start))]


def _peak_bytes_while_reading(path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for row in read_rows(path) if row.fields)
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _jsonl_of(path, n):
    return write_jsonl(path, _rows(n))


def _csv_of(path, n):
    lines = ["id;created_at;title;description"]
    lines += [f'C{i};2025-04-28 09:00;Provsvar {i};"Svaren syns inte;\nrad två"' for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("write, suffix", [(_jsonl_of, "jsonl"), (_csv_of, "csv")])
def test_issue_14_a_large_file_is_read_as_a_stream(tmp_path, monkeypatch, write, suffix):
    """Reading takes the same memory for a file eight times as long (the whole file would take its size twice)."""
    monkeypatch.setattr(file_text, "BLOCK_BYTES", 1 << 16)
    small = write(tmp_path / f"small.{suffix}", 5_000)
    large = write(tmp_path / f"large.{suffix}", 40_000)
    small_count, small_peak = _peak_bytes_while_reading(small)
    large_count, large_peak = _peak_bytes_while_reading(large)
    assert (small_count, large_count) == (5_000, 40_000)
    assert large.stat().st_size > 2_000_000
    assert large_peak < small_peak + 200_000 and large_peak < large.stat().st_size / 4


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.one_of(st.text(max_size=12), st.binary(max_size=12)), max_size=12),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       block=st.integers(min_value=1, max_value=9))
def test_issue_14_the_streamed_file_reads_exactly_as_the_whole_file_would(tmp_path_factory, monkeypatch, lines,
                                                                          encoding, block):
    """Same encoding, same text and the same bad lines as deciding over the whole file at once, for
    any mix of good and broken lines and block sizes that cut characters in half."""
    data = b"\n".join(line.encode(encoding, "replace") if isinstance(line, str) else line for line in lines)
    if encoding == "utf-16":
        data = codecs.BOM_UTF16_LE + data.replace(codecs.BOM_UTF16_LE, b"")
    path = tmp_path_factory.mktemp("s") / "t.jsonl"
    path.write_bytes(data)
    monkeypatch.setattr(file_text, "BLOCK_BYTES", block)
    whole = decode_file_bytes(data)
    streamed = open_text_file(path)
    read = list(streamed.lines())
    assert streamed.encoding == whole.encoding
    assert "".join(line for _, line, _ in read) == whole.text
    assert {number for number, _, bad in read if bad} == {n for n in whole.bad_lines if n <= len(read)}


_SEPARATORS = st.sampled_from(list(" -./+()\u00a0\u2013\n") + ["", "", "", " - ", "tel", "nr"])


@settings(max_examples=300)
@given(st.lists(st.one_of(st.sampled_from(list("0123456789")), _SEPARATORS), max_size=30))
def test_issue_14_text_the_masking_pre_check_skips_holds_no_identifier(parts):
    """mask_text skips its patterns for text without "@" or "(at)" that has fewer than 7 digits, or
    exactly 7 and no "(": no pattern can match such text (each needs more digits)."""
    from elsdesk import masking

    text = "".join(parts)
    digits = sum(text.count(d) for d in "0123456789")
    if digits > 7 or (digits == 7 and "(" in text):
        return
    for pattern in (masking._ID_RE, masking._PHONE_RE, masking._FOREIGN_PHONE_RE, masking._BARE_MOBILE_RE,
                    masking._EMAIL_RE):
        assert pattern.search(text) is None, (pattern.pattern[:40], text)
    assert masking.mask_text(text).text == text


def test_issue_14_every_imported_ticket_is_in_the_fulltext_index(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", _rows(25)), batch_size=10)
    repo = TicketRepository(memory_db)
    assert len(repo.query_ids(TicketFilter(text="signera"))) == 5
    assert len(repo.query_ids(TicketFilter(text="skrivaren"))) == 5  # a part of "Etikettskrivaren" too
    for ticket_id in repo.query_ids():
        ticket = repo.get(ticket_id)
        assert ticket_id in repo.query_ids(TicketFilter(text=ticket.title))


@pytest.mark.sqlite_only
def test_issue_14_the_index_passes_sqlites_integrity_check_after_imports_and_edits(memory_db, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", _rows(30))
    import_tickets(memory_db, path, batch_size=7)
    rows = _rows(30)
    rows[3]["description"] = "Ny text om armbandsskrivaren"
    import_tickets(memory_db, write_jsonl(path, rows + _rows(5, start=100)), batch_size=7)
    log_ticket(memory_db, Ticket(title="Skrivaren på avd 3", created_at="2025-04-28T10:00:00"))
    with memory_db.write() as conn:
        conn.execute("INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('integrity-check', 1)")  # raises when out of step
    assert TicketRepository(memory_db).count() == 36
    assert TicketRepository(memory_db).query_ids(TicketFilter(text="armbandsskrivare")) != []


@pytest.mark.sqlite_only
def test_issue_14_rows_written_outside_an_import_are_still_indexed_by_the_trigger(memory_db):
    """The form, demo data and any other program that writes the file (a script, sqlite-utils) keep the index right."""
    stored, _ = log_ticket(memory_db, Ticket(title="Remissetiketter saknas", created_at="2025-04-28T10:00:00"))
    with memory_db.write() as conn:
        conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title)"
                     " VALUES ('X-1', '2025-04-28', '2025-W18', '2025-04-28', 'Tidboken visas tom')")
    repo = TicketRepository(memory_db)
    assert repo.query_ids(TicketFilter(text="etikett")) == [stored.id]
    assert len(repo.query_ids(TicketFilter(text="tidboken"))) == 1


@pytest.mark.sqlite_only
def test_issue_14_the_deferred_index_setting_never_outlives_a_batch(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", _rows(12)), batch_size=5)
    assert memory_db.query("SELECT count(*) FROM settings WHERE key = ?", (FULLTEXT_DEFERRED,))[0][0] == 0
    repo = TicketRepository(memory_db)
    with pytest.raises(sqlite3.IntegrityError), memory_db.write():
        repo.insert_many([Ticket(title="Dubblett", created_at="2025-04-28", external_id="S-000001")])
    assert memory_db.query("SELECT count(*) FROM settings WHERE key = ?", (FULLTEXT_DEFERRED,))[0][0] == 0
    log_ticket(memory_db, Ticket(title="Efteråt indexerad", created_at="2025-04-28T10:00:00"))
    assert len(repo.query_ids(TicketFilter(text="efteråt"))) == 1


@pytest.mark.sqlite_only
def test_issue_14_a_batch_lifts_the_insert_trigger_out_and_puts_it_back_word_for_word(memory_db, tmp_path):
    """The batch insert drops the per-row index trigger inside its transaction (a trigger on the table made the
    insert three times slower): afterwards, and after a batch that failed, the trigger is there as it was."""
    def trigger():
        return memory_db.query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'tickets_fts_insert'")

    before = trigger()
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", _rows(12)), batch_size=5)
    assert trigger() == before and before
    with pytest.raises(sqlite3.IntegrityError), memory_db.write():
        TicketRepository(memory_db).insert_many([Ticket(title="Dubblett", created_at="2025-04-28", external_id="S-000001")])
    assert trigger() == before
    with memory_db.write() as conn:  # a row written by plain SQL is indexed by the trigger, as before
        conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title)"
                     " VALUES ('X-1', '2025-04-28', '2025-W18', '2025-04-28', 'Tidboken visas tom')")
    assert len(TicketRepository(memory_db).query_ids(TicketFilter(text="tidboken"))) == 1


def test_issue_14_new_tickets_label_history_is_what_label_diff_gives(memory_db, tmp_path):
    """The batch's new tickets' history rows are read from the stored rows on SQLite: the same rows, in the
    same order, as label_diff gives each ticket (a module and a kind, one of them, or none)."""
    rows = _rows(9)
    for number, row in enumerate(rows):
        if number % 3 == 1:
            row.pop("module", None)
        if number % 3 == 2:
            row.pop("module", None)
            row.pop("kind", None)
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", rows), batch_size=4)
    repo = TicketRepository(memory_db)
    stored = repo.fetch_many(repo.query_ids(TicketFilter(sort="external_id")))
    expected = [(c.ticket_id, c.field, c.old, c.new, c.source, c.suggested_by)
                for ticket in sorted(stored, key=lambda t: t.id)
                for c in repo.label_diff(None, ticket, "import", "import", "")]
    history = memory_db.query("SELECT ticket_id, field, old_value, new_value, source, suggested_by"
                              " FROM label_history ORDER BY id")  # the actor: the login on a server
    assert [tuple(row) for row in history] == expected
    assert {row[1] for row in history} == {"module", "kind"}


def test_issue_14_labels_of_tickets_out_of_order_are_recorded_as_given(memory_db):
    """Tickets whose ids are not consecutive in the order given get their history rows one by one, in that order."""
    repo = TicketRepository(memory_db)
    tickets = [Ticket(title=f"Skrivaren {n}", created_at="2025-04-28T10:00:00", external_id=f"O-{n}",
                      module="utskrift", kind="fel") for n in range(3)]
    with memory_db.write():
        repo.insert_many(tickets)
        repo.record_labels_of_new([tickets[2], tickets[0], tickets[1]], "import", "import", "2025-04-28T10:00:00")
    history = memory_db.query("SELECT ticket_id, field FROM label_history ORDER BY id")
    assert [tuple(row) for row in history] == [(tickets[i].id, field) for i in (2, 0, 1) for field in ("module", "kind")]


def test_issue_14_migration_015_lets_a_batch_fill_the_index_once():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, upto=[m.name for m in MIGRATIONS].index("015_fulltext_filled_per_batch") + 1)
    insert = ("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title) VALUES (?, '2025-04-28',"
              " '2025-W18', '2025-04-28', ?)")
    conn.execute(insert, ("A", "Skrivaren"))
    conn.execute("BEGIN")
    conn.execute("INSERT INTO settings (key, value) VALUES ('fulltext_deferred', '1')")
    conn.execute(insert, ("B", "Skrivaren igen"))
    assert conn.execute("SELECT count(*) FROM tickets_fts_docsize").fetchone()[0] == 1  # the trigger stood aside
    conn.execute("DELETE FROM settings WHERE key = 'fulltext_deferred'")
    conn.execute("COMMIT")
    conn.execute(insert, ("C", "Skrivaren en tredje gång"))
    assert conn.execute("SELECT count(*) FROM tickets_fts_docsize").fetchone()[0] == 2


def test_issue_14_migration_016_rebuilds_a_lean_index_that_finds_what_the_old_one_found():
    """The index keeps no positions or column sizes (search never asks for phrases or rank);
    an existing desk's index is rebuilt from its rows and the triggers keep it right afterwards."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    names = [m.name for m in MIGRATIONS]
    migrate(conn, upto=names.index("015_fulltext_filled_per_batch") + 1)
    insert = ("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title, description, search_parts)"
              " VALUES (?, '2025-04-28', '2025-W18', '2025-04-28', ?, ?, ?)")
    texts = [("A", "Etikettskrivaren skriver blankt", "Avd 4 får tomma remissetiketter"),
             ("B", "Läkemedelslistan laddar inte", "Ordinationerna syns inte i listan"),
             ("C", "Signera anteckning", "Knappen är grå efter uppdateringen")]
    for external_id, title, description in texts:
        conn.execute(insert, (external_id, title, description, compound_parts(title, description)))
    queries = ['"etikett"*', '"skrivaren"*', '"lis"*', '"gr"* AND "sig"*', '"ordinationerna"*', '"xyz"*']
    before = {q: conn.execute("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid", (q,)).fetchall()
              for q in queries}
    migrate(conn)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'tickets_fts'").fetchone()[0]
    assert "detail=column" in sql and "columnsize=0" in sql
    assert {q: conn.execute("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid", (q,)).fetchall()
            for q in queries} == before
    assert before['"etikett"*'] == [(1,)] and before['"gr"* AND "sig"*'] == [(3,)]
    conn.execute(insert, ("D", "Etiketter saknas", "", compound_parts("Etiketter saknas")))
    conn.execute("UPDATE tickets SET title = 'Tidboken', search_parts = ? WHERE external_id = 'A'",
                 (compound_parts("Tidboken", texts[0][2]),))
    conn.execute("DELETE FROM tickets WHERE external_id = 'B'")
    conn.execute("INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('integrity-check', 1)")  # raises when out of step
    found = conn.execute("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH '\"etikett\"*' ORDER BY rowid").fetchall()
    assert found == [(1,), (4,)]  # A still says "remissetiketter" in its description


def test_issue_14_bulk_insert_returns_each_ticket_with_its_id_in_order(memory_db):
    repo = TicketRepository(memory_db)
    tickets = [Ticket(title=f"Ärende {i}", created_at="2025-04-28T09:00:00", external_id=f"B-{9 - i}") for i in range(9)]
    with memory_db.write():
        stored = repo.insert_many(tickets)
    assert [t.external_id for t in stored] == [f"B-{9 - i}" for i in range(9)]
    assert [repo.get(t.id).title for t in stored] == [f"Ärende {i}" for i in range(9)]
    assert all(t.updated_at for t in stored)


def test_issue_14_a_duplicate_id_in_a_later_batch_is_refused_with_the_first_line(memory_db, tmp_path):
    rows = _rows(6)
    rows.append({**rows[1], "title": "Samma id igen"})
    report = import_tickets(memory_db, write_jsonl(tmp_path / "d.jsonl", rows), batch_size=2)
    assert report.new == 6
    assert report.rejected == [(7, "samma id som rad 2; raden importeras inte (ett id får bara finnas en gång i filen)")]
    again = import_tickets(memory_db, tmp_path / "d.jsonl", batch_size=2)  # already stored: refused the same way
    assert (again.new, again.unchanged, [line for line, _ in again.rejected]) == (0, 6, [7])
    assert TicketRepository(memory_db).get_by_external_id("S-000002").title != "Samma id igen"


def test_issue_14_an_interrupted_import_keeps_its_batches_and_a_rerun_completes_it(memory_db, tmp_path):
    path = write_jsonl(tmp_path / "i.jsonl", _rows(23))
    batches = []
    with pytest.raises(Cancelled):
        import_tickets(memory_db, path, batch_size=5, progress=lambda d, t: batches.append(d),
                       is_cancelled=lambda: len(batches) >= 2)
    repo = TicketRepository(memory_db)
    assert repo.count() == 10
    report = import_tickets(memory_db, path, batch_size=5)
    assert (report.new, report.unchanged, repo.count()) == (13, 10, 23)
    assert len(repo.query_ids(TicketFilter(text="signera"))) == 5


def test_issue_14_bulk_import_writes_label_history_and_masks_every_field(memory_db, tmp_path):
    rows = [{"id": "P1", "created_at": "2025-04-28", "title": "pat 19121212-1212", "module": "lakemedel",
             "kind": "fel", "description": "ring 070-123 45 67", "resolution": "mejlat anna.test@example.se",
             "unit": "Avd 3", "problem": "Dosen går inte att signera"}]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "p.jsonl", rows))
    repo = TicketRepository(memory_db)
    ticket = repo.get_by_external_id("P1")
    assert report.masked == 3 and ticket.masked_count == 3
    assert (ticket.title, ticket.description, ticket.resolution) == (
        "pat [personnummer]", "ring [telefon]", "mejlat [e-post]")
    history = repo.label_history(ticket.id)
    assert [(c.field, c.old, c.new, c.source) for c in history] == [
        ("module", None, "lakemedel", "import"), ("kind", None, "fel", "import")]
    linked = memory_db.query("SELECT p.name FROM tickets t JOIN problems p ON p.id = t.problem_id WHERE t.id = ?",
                             (ticket.id,))
    assert linked == [("Dosen går inte att signera",)]


def test_issue_14_a_json_array_file_still_imports(memory_db, tmp_path):
    path = tmp_path / "a.json"
    path.write_text("  \n" + json.dumps(_rows(3), ensure_ascii=False), encoding="utf-8")
    assert import_tickets(memory_db, path).new == 3


@pytest.mark.sqlite_only
def test_an_imports_checkpoints_run_beside_it_and_the_desk_is_as_before_afterwards(db_path, tmp_path):
    """The batches' commits only append to the WAL while a thread of their own copies it back; after
    the import the connection checkpoints as usual again, the thread is gone and the file is sound."""
    import threading

    from elsdesk.storage import open_database

    rows = [dict(row, id=f"C-{i:04d}") for i, row in enumerate(sample_rows(600))]
    with open_database(db_path) as database:
        report = import_tickets(database, write_jsonl(tmp_path / "many.jsonl", rows), batch_size=50)
        assert report.new == 600
        assert database.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        assert database.query("PRAGMA integrity_check") == [("ok",)]
        assert database.query("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH 'signera*'")[0][0] > 0
    assert not [t for t in threading.enumerate() if t.name == "elsdesk-checkpoints"]
