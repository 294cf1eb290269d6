"""The SQLite store: migrations, repository round trips, search, conflicts and label history."""

from __future__ import annotations

import sqlite3

import pytest

from elsdesk.domain import ConflictError, Ticket, TicketFilter
from elsdesk.storage import open_database, TicketRepository
from elsdesk.storage.migrations import MIGRATIONS, applied_migrations, migrate


def _ticket(title="Kan inte signera", description="Utdelningsvyn är grå", created="2025-04-28T09:00:00", **kw):
    return Ticket(title=title, description=description, created_at=created, **kw)


def _insert(database, *tickets):
    repo = TicketRepository(database)
    with database.write():
        return [repo.insert(t) for t in tickets]


def test_fresh_database_has_every_migration_and_version(memory_db):
    assert applied_migrations(memory_db) == [m.name for m in MIGRATIONS]
    assert memory_db.schema_version() == len(MIGRATIONS)


@pytest.mark.parametrize("number", range(1, len(MIGRATIONS) + 1))
def test_each_migration_applies_on_top_of_the_previous(number):
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, upto=number - 1)
    ran = migrate(conn, upto=number)
    assert ran == [MIGRATIONS[number - 1].name]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == number
    assert migrate(conn, upto=number) == []


def test_migration_001_creates_tickets_table():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, upto=1)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(tickets)")}
    assert {"external_id", "iso_week", "module", "kind", "label_source", "version"} <= columns


def test_migration_002_keeps_fulltext_in_step_with_tickets(memory_db):
    (stored,) = _insert(memory_db, _ticket())
    repo = TicketRepository(memory_db)
    assert repo.query_ids(TicketFilter(text="signera")) == [stored.id]
    with memory_db.write():
        repo.update(stored.with_changes(title="Armband skrivs inte ut"))
    assert repo.query_ids(TicketFilter(text="signera")) == []
    assert repo.query_ids(TicketFilter(text="armband")) == [stored.id]


def test_migration_003_label_history_cascades(memory_db):
    (stored,) = _insert(memory_db, _ticket(module="lakemedel"))
    repo = TicketRepository(memory_db)
    with memory_db.write():
        repo.record_label_diff(None, stored, "anna", "human")
    assert [h.new for h in repo.label_history(stored.id)] == ["lakemedel"]


def test_migration_004_settings_table(memory_db):
    with memory_db.write() as conn:
        conn.execute("INSERT INTO settings VALUES ('go_live', '2025-04-23')")
    assert memory_db.query("SELECT value FROM settings WHERE key='go_live'") == [("2025-04-23",)]


@pytest.mark.sqlite_only
def test_wal_and_foreign_keys_on_file_database(file_db):
    assert file_db.query("PRAGMA journal_mode")[0][0] == "wal"
    assert file_db.query("PRAGMA foreign_keys")[0][0] == 1
    assert file_db.query("PRAGMA busy_timeout")[0][0] >= 10_000


def test_insert_assigns_ids_and_week(memory_db):
    first, second = _insert(memory_db, _ticket(), _ticket(created="2025-05-05T08:00:00"))
    assert first.external_id == "ELS-000001" and second.external_id == "ELS-000002"
    repo = TicketRepository(memory_db)
    assert repo.get(first.id).iso_week == "2025-W18"
    assert repo.weeks() == ["2025-W18", "2025-W19"]


def test_round_trip_keeps_every_field(memory_db):
    original = _ticket(unit="Avd 12", channel="telefon", priority="hog", patient_safety=True, status="pagar",
                       module="lakemedel", kind="fel", resolution="Visade", escalation="cambio", reporter_role="ssk")
    (stored,) = _insert(memory_db, original)
    loaded = TicketRepository(memory_db).get(stored.id)
    assert loaded == stored


def test_search_finds_a_word_written_with_or_without_a_ring_or_dots(memory_db):
    """A third of the tickets are written without å/ä/ö: "lakemedel" and "läkemedel" find each other (a tester
    found 14 tickets one way and 11 others the other)."""
    a, b, c = _insert(memory_db, _ticket(title="Läkemedelslistan saknas"), _ticket(title="Lakan och handdukar"),
                      _ticket(title="lakemedel syns inte", description="Sjukskoterskan ser ingen ordination"))
    repo = TicketRepository(memory_db)
    for typed in ("läkem", "lakem", "LÄKEMEDEL", "lakemedel"):
        assert sorted(repo.query_ids(TicketFilter(text=typed))) == sorted([a.id, c.id]), typed
    assert sorted(repo.query_ids(TicketFilter(text="lak"))) == sorted([a.id, b.id, c.id])
    assert repo.query_ids(TicketFilter(text="lakan")) == [b.id]
    assert repo.query_ids(TicketFilter(text="sjuksköterska")) == [c.id]
    assert repo.query_ids(TicketFilter(text="listan")) == [a.id]  # a compound's part, as before


def test_search_finds_the_same_units_and_signs_on_both_engines(memory_db):
    """A tester's "µg" found a ticket on SQLite and none on PostgreSQL: the query folded the micro sign to a
    Greek mu that PostgreSQL's index never holds. A query of no letters at all filters nothing on either."""
    dose, other = _insert(memory_db, _ticket(title="Dos 5 µg", description="Fel enhet µg i listan"),
                          _ticket(title="Skrivaren", description="skriver inte 🙂"))
    repo = TicketRepository(memory_db)
    assert repo.query_ids(TicketFilter(text="µg")) == [dose.id]
    assert repo.query_ids(TicketFilter(text="5 µg")) == [dose.id]
    assert sorted(repo.query_ids(TicketFilter(text="🙂"))) == sorted([dose.id, other.id])


OLDER_INDEX = {  # the search index before migration 019, which kept å/ä/ö apart
    "sqlite": ["DROP TABLE tickets_fts",
               "CREATE VIRTUAL TABLE tickets_fts USING fts5(title, description, resolution, search_parts,"
               " content='tickets', content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='2 3 4',"
               " detail=column, columnsize=0)",
               "INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild')"],
    "postgres": ["ALTER TABLE tickets DROP COLUMN search_vector",
                 "ALTER TABLE tickets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple',"
                 " regexp_replace(title || ' ' || description || ' ' || resolution || ' ' || search_parts,"
                 " '[^[:alnum:]]+', ' ', 'g'))) STORED",
                 "CREATE INDEX idx_tickets_search ON tickets USING gin (search_vector)"],
}


def test_an_older_desk_searches_without_minding_the_marks_once_upgraded(memory_db):
    """Migration 019 makes the search index of a desk stored before it read å/ä/ö as a/a/o, on both engines."""
    a, b = _insert(memory_db, _ticket(title="Läkemedelslistan saknas"), _ticket(title="Etiketten skrivs inte ut"))
    with memory_db.write() as conn:
        for statement in OLDER_INDEX[memory_db.backend]:
            conn.execute(statement)
        conn.execute("DELETE FROM schema_migrations WHERE name = '019_plain_search'")
    repo = TicketRepository(memory_db)
    assert repo.query_ids(TicketFilter(text="lakemedel")) == []
    with memory_db.write():
        assert migrate(memory_db) == ["019_plain_search"]
    assert repo.query_ids(TicketFilter(text="lakemedel")) == [a.id]
    assert repo.query_ids(TicketFilter(text="listan")) == [a.id] and repo.query_ids(TicketFilter(text="etik")) == [b.id]
    with memory_db.write() as conn:  # the index follows edits after the migration
        conn.execute("UPDATE tickets SET title = 'Vårdplanen saknas' WHERE id = ?", (b.id,))
    assert repo.query_ids(TicketFilter(text="vardpl")) == [b.id] and repo.query_ids(TicketFilter(text="etik")) == []


def test_issue_9_parts_of_compounds_are_found_on_both_backends(memory_db):
    lista, etikett, other = _insert(
        memory_db,
        _ticket(title="Läkemedelslistan visas tom"),
        _ticket(title="Remissetiketter skrivs ut fel", description="Etikettskrivaren på avd 12"),
        _ticket(title="Lista över patienter", description="Kan inte se min lista"),
    )
    repo = TicketRepository(memory_db)
    assert set(repo.query_ids(TicketFilter(text="lista"))) == {lista.id, other.id}
    assert repo.query_ids(TicketFilter(text="etikett")) == [etikett.id]
    assert repo.query_ids(TicketFilter(text="skrivaren")) == [etikett.id]
    assert repo.query_ids(TicketFilter(text="listor")) == []  # parts are prefixes, not fuzzy matches


def test_issue_9_no_stop_word_surprises_and_punctuation_splits_the_same_way(memory_db):
    cannot, cure = _insert(
        memory_db,
        _ticket(title="Kan inte logga in", description="Det går inte"),
        _ticket(title="Kur med karboplatin/paklitaxel", description="Diagnos L40.0 och dosen 2,5 mg"),
    )
    repo = TicketRepository(memory_db)
    assert repo.query_ids(TicketFilter(text="kan")) == [cannot.id]
    assert repo.query_ids(TicketFilter(text="inte")) == [cannot.id]
    assert repo.query_ids(TicketFilter(text="kan inte")) == [cannot.id]
    assert set(repo.query_ids(TicketFilter(text="ka"))) == {cure.id, cannot.id}
    assert repo.query_ids(TicketFilter(text="paklitaxel")) == [cure.id]
    assert repo.query_ids(TicketFilter(text="L40")) == [cure.id]
    assert repo.query_ids(TicketFilter(text="karboplatin/pak")) == [cure.id]
    assert repo.query_ids(TicketFilter(text="\"'%_?*")) == repo.query_ids()  # nothing to search for: no filter


def test_filters_combine(memory_db):
    a, b, c = _insert(
        memory_db,
        _ticket(module="lakemedel", status="ny"),
        _ticket(module="lakemedel", status="lost"),
        _ticket(module="remiss", status="ny", created="2025-05-06T10:00:00"),
    )
    repo = TicketRepository(memory_db)
    assert set(repo.query_ids(TicketFilter(module="lakemedel"))) == {a.id, b.id}
    assert repo.query_ids(TicketFilter(module="lakemedel", status="ny")) == [a.id]
    assert repo.query_ids(TicketFilter(week="2025-W19")) == [c.id]
    assert repo.count_by("status") == {"ny": 2, "lost": 1}


def test_sorting(memory_db):
    a, b = _insert(memory_db, _ticket(title="Bravo"), _ticket(title="alfa", created="2025-04-29T09:00:00"))
    repo = TicketRepository(memory_db)
    assert repo.query_ids(TicketFilter(sort="title", descending=False)) == [b.id, a.id]
    assert repo.query_ids(TicketFilter(sort="created_at", descending=True)) == [b.id, a.id]


def test_fetch_many_keeps_order(memory_db):
    tickets = _insert(memory_db, *[_ticket(title=f"T{i}") for i in range(5)])
    ids = [t.id for t in reversed(tickets)]
    assert [t.id for t in TicketRepository(memory_db).fetch_many(ids)] == ids


def test_second_save_of_same_version_conflicts(memory_db):
    (stored,) = _insert(memory_db, _ticket())
    repo = TicketRepository(memory_db)
    with memory_db.write():
        repo.update(stored.with_changes(status="pagar"))
    with pytest.raises(ConflictError), memory_db.write():
        repo.update(stored.with_changes(status="lost"))
    assert repo.get(stored.id).status == "pagar"


def test_failed_write_rolls_back(memory_db):
    repo = TicketRepository(memory_db)
    with pytest.raises(RuntimeError), memory_db.write():
        repo.insert(_ticket())
        raise RuntimeError("boom")
    assert repo.count() == 0


def test_close_twice_is_safe(db_path):
    database = open_database(db_path)
    database.close()
    database.close()


@pytest.mark.sqlite_only
def test_issue_9_a_desk_file_opens_in_sqlite_utils_with_its_fulltext_index_detected(file_db, db_path):
    import sqlite_utils

    (stored,) = _insert(file_db, _ticket(title="Läkemedelslistan visas tom"))
    outside = sqlite_utils.Database(str(db_path))
    assert outside["tickets"].detect_fts() == "tickets_fts"
    assert [row["id"] for row in outside["tickets"].search("lista*")] == [stored.id]  # parts of compounds too
    outside.close()


def test_a_file_that_is_no_database_is_said_in_swedish_only(tmp_path):
    from elsdesk.domain import DatabaseUnavailableError

    not_a_desk = tmp_path / "anteckningar.db"
    not_a_desk.write_bytes(b"inte en databas " * 200)
    with pytest.raises(DatabaseUnavailableError) as raised:
        open_database(not_a_desk)
    assert "är ingen elsdesk-databas" in str(raised.value) and "file is not" not in str(raised.value)


@pytest.mark.parametrize("typed, shared", [
    ("postgresql://elsdesk_owner@127.0.0.1:5432/elsdesk", "postgresql://127.0.0.1:5432/elsdesk"),
    ("postgresql://owner:hemligt@db.region.se/elsdesk", "postgresql://db.region.se/elsdesk"),
    ("host=db dbname=elsdesk user=owner password=hemligt", "host=db dbname=elsdesk"),
    ("service=elsdesk", "service=elsdesk"),
])
def test_the_address_given_to_every_workstation_has_no_login_of_its_own(typed, shared):
    """After a move the owner ran, the hint must not point every workstation at the owner's login."""
    from elsdesk.storage.database import for_everyone

    assert for_everyone(typed) == shared


@pytest.mark.parametrize("libpq, swedish", [
    ("connection failed: fe_sendauth: no password supplied", "inget lösenord angavs"),
    ('definition of service "nosuch" not found', "tjänsten finns inte i pg_service.conf"),
    ('FATAL:  password authentication failed for user "anna"', "fel lösenord"),
])
def test_a_server_that_cannot_be_reached_is_said_in_swedish_with_libpqs_reason_kept(libpq, swedish):
    from elsdesk.storage.postgres_backend import _in_swedish

    said = _in_swedish(RuntimeError(libpq))
    assert said.startswith(swedish) and said.endswith(f"({libpq})")
