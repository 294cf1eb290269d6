"""Moving a desk (issue 9): ``elsdesk migrate --to URL`` copies an SQLite desk into an empty PostgreSQL
database in one verified transaction; a refused, dry or interrupted run leaves the target empty."""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime, timedelta

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.cli_admin import table_name
from elsdesk.domain import BadInputError, Ticket, TicketFilter
from elsdesk.services.imports import import_tickets
from elsdesk.services.migrate_desk import TABLES, MigrationError, desk_checksums, migrate_desk
from elsdesk.services.problems import link_ticket
from elsdesk.services.review import confirm_labels
from elsdesk.services.surges import SurgeRules, scan_for_incidents
from elsdesk.services.ticket_removal import remove_logged_by_mistake
from elsdesk.services.topics import weekly_topics
from elsdesk.storage import TicketRepository, open_database
from elsdesk.storage.settings import SettingsRepository

_BACKENDS = os.environ.get("ELSDESK_TEST_BACKENDS")
needs_postgres = pytest.mark.skipif(bool(_BACKENDS) and "postgres" not in _BACKENDS,
                                    reason="ELSDESK_TEST_BACKENDS leaves PostgreSQL out")

MODEL_BYTES = bytes(range(256)) * 8  # every byte value, NUL included
SIGN_DOSE = [
    ("Kan inte signera dos", "Pennan är grå i utdelningsvyn när jag ska signera morgondosen"),
    ("Signera given dos", "Hur signerar jag att dosen är given i utdelningsvyn? Det går inte att klicka"),
    ("utdelningsvyn signering", "kan inte signera dos i utdelningsvyn, knappen är grå"),
    ("Dosen går inte att signera", "I utdelningsvyn vill den inte låta mig signera given dos på kvällen"),
]
SITHS_PIN = [
    ("SITHS-kortet spärrat", "Skrev fel PIN tre gånger, SITHS-kortet är spärrat, behöver PUK"),
    ("PIN spärrad", "Mitt SITHS-kort är låst efter fel PIN-kod, hur får jag PUK-koden?"),
    ("Låst kort", "SITHS kortet spärrat efter felaktig PIN, kommer inte in"),
]
PRINTER_BURST = [
    ("Armbandsskrivaren skriver inte ut", "Inga ID-band kommer ut på skrivaren, den tar emot jobbet men inget händer"),
    ("ID-band kommer inte ut", "Skrivaren för armband skriver inte ut något sedan lunch"),
    ("Kan inte skriva ut ID-band", "Armbandsskrivaren på expeditionen skriver inte ut, lampan lyser grönt"),
    ("Armband skrivs inte ut", "ID-band till ny patient kommer inte ut ur skrivaren"),
    ("Skrivaren för ID-band fungerar inte", "Inga armband skrivs ut, har provat flera gånger"),
    ("ID-band skrivare död", "Armbandsskrivaren skriver inte ut ID-band till patienterna"),
]
UNITS = ["Avd 12 Medicin", "IVA", "Akutmottagningen", "Avd 14 Kirurgi", "Förlossningen", "Strokeenheten"]


def _desk_rows() -> list[dict]:
    rows = sample_rows(5)
    rows.append({"id": "T-00100", "created_at": "2025-04-28T10:30:00", "title": "ÅTGÄRD: läkemedelslistan öppnas inte",
                 "description": "Patient 19121212-1212 ringde från 070-123 45 67, svar till anna.berg@example.se. "
                                "Läkemedelslistan är tom för hen; rad två\n\ttabb och \"citat\" och \\ bakstreck",
                 "module": "lakemedel", "kind": "fel", "status": "ny", "unit": "Avd 12"})
    for n, (title, description) in enumerate(SIGN_DOSE + SITHS_PIN):
        module = "lakemedel" if n < len(SIGN_DOSE) else "inloggning_siths"
        rows.append({"id": f"W{200 + n}", "created_at": f"2025-04-30T{8 + n:02d}:00:00", "title": title,
                     "description": description, "module": module, "kind": "handhavande"})
    start = datetime(2025, 5, 2, 13, 0)
    for n, (title, description) in enumerate(PRINTER_BURST):
        rows.append({"id": f"B{300 + n}", "created_at": (start + n * timedelta(minutes=30)).isoformat(),
                     "title": title, "description": description, "unit": UNITS[n]})
    return rows


def _fill(database, folder) -> None:
    import_tickets(database, write_jsonl(folder / "desk.jsonl", _desk_rows()), find_incidents=False)  # scanned below
    repo = TicketRepository(database)
    with database.write():
        repo.insert(Ticket(title="Hittar inte listan", description="Modellen är säker",
                           created_at="2025-04-29T09:00:00",
                           module="navigering_installningar", kind="handhavande", label_source="model",
                           module_confidence=1.0, kind_confidence=0.8125, model_version="v1"))
        repo.insert(Ticket(title="Osäker gissning", description="Tredjedelar", created_at="2025-04-29T09:05:00",
                           module="lakemedel", kind="fel", label_source="model", module_confidence=1 / 3,
                           kind_confidence=0.1, model_version="v1"))
    unsure = repo.get_by_external_id("T-00003")
    confirm_labels(database, unsure.id, "bestallning_svar", "fel", "Anna")
    link_ticket(database, unsure.id, "Provsvar syns inte i BoS", "Anna")  # a known problem (issue 12)
    assert weekly_topics(database, "2025-W18")["topics"], "the week should have recurring topics"
    found = scan_for_incidents(database, start="2025-05-02T12:00:00", end="2025-05-02T18:00:00",
                               rules=SurgeRules(baseline_factor=0))
    assert found.created, "the printer burst should become an incident"
    SettingsRepository(database).set("go_live", "2025-04-23")
    with database.write() as conn:
        conn.execute("INSERT INTO models (version, card, data, sha256, created_at, created_by)"
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     ("20250501-120000", json.dumps({"version": "20250501-120000", "etiketter": ["läkemedel"]}),
                      MODEL_BYTES, "ab" * 32, "2025-05-01T12:00:00", "Åsa Öberg"))
    twice = import_tickets(database, write_jsonl(folder / "twice.jsonl", [
        {"id": "T-00999", "created_at": "2025-04-30T10:00:00", "title": "Loggat två gånger"}]), find_incidents=False)
    assert twice.new == 1
    remove_logged_by_mistake(database, [repo.get_by_external_id("T-00999").id])  # its number is kept as removed


@pytest.fixture(scope="module")
def source_path(tmp_path_factory):
    """A filled SQLite desk, every copied table non-empty; tests only read it."""
    folder = tmp_path_factory.mktemp("source")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ELSDESK_HOME", str(folder / "home"))
        with open_database(folder / "desk.db") as database:
            _fill(database, folder)
    return folder / "desk.db"


@pytest.fixture
def source(source_path):
    with open_database(source_path) as database:
        yield database


@pytest.fixture
def empty_target(pg_server):
    """A fresh database without any schema (what IT hands over); dropped after the test."""
    name = f"migrate_{uuid.uuid4().hex[:10]}"
    url = pg_server.create_database(name)
    yield url
    pg_server.drop_database(name)


def _counts(url: str) -> dict[str, int]:
    with open_database(url) as database:
        return {name: rows for name, (rows, _sha) in desk_checksums(database).items()}


def _lines(capsys, *argv) -> list[str]:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out.splitlines()


def test_every_table_of_a_desk_is_copied_or_derived(tmp_path):
    with open_database(tmp_path / "desk.db") as database:
        tables = {row[0] for row in database.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    derived = {t for t in tables if t.startswith(("tickets_fts", "sqlite_"))} | {"schema_migrations"}
    assert tables - derived == {name for name, _key in TABLES}


@needs_postgres
def test_round_trip_copies_every_table_verified(source, source_path, empty_target, capsys):
    before = desk_checksums(source)
    assert all(rows for rows, _sha in before.values()), f"fill every table: {before}"
    seen = []

    report = migrate_desk(source, empty_target, progress=lambda done, total: seen.append((done, total)))

    assert report.verified and not report.dry_run and report.nul_removed == 0
    assert {t.name: (t.rows, t.source_sha256) for t in report.tables} == before
    assert seen[0] == (0, report.total_rows) and seen[-1] == (report.total_rows, report.total_rows)
    with open_database(empty_target) as target:
        assert desk_checksums(target) == before, "checked again afresh after the commit"
        assert target.query("SELECT data FROM models")[0][0] == MODEL_BYTES
        for word in ("signera", "åtgärd", "lista"):
            hits = [TicketRepository(db).query_ids(TicketFilter(text=word)) for db in (source, target)]
            assert hits[0] and hits[0] == hits[1], word
            names = [{t.external_id for t in TicketRepository(db).fetch_many(ids)}
                     for db, ids in zip((source, target), hits)]
            assert names[0] == names[1]
        masked = TicketRepository(target).get_by_external_id("T-00100")
        assert "[personnummer]" in masked.description and "19121212" not in masked.description
    listed = [_lines(capsys, "--db", desk, "list", "--json") for desk in (str(source_path), empty_target)]
    assert listed[0] == listed[1] and len(listed[0]) == before["tickets"][0]


@needs_postgres
def test_new_rows_on_the_target_get_ids_past_the_copied_ones(source, empty_target):
    migrate_desk(source, empty_target)
    with open_database(empty_target) as target:
        last_ticket = target.query("SELECT max(id) FROM tickets")[0][0]
        last_decision = target.query("SELECT max(id) FROM review_decisions")[0][0]
        last_change = target.query("SELECT max(id) FROM label_history")[0][0]
        repo = TicketRepository(target)
        with target.write():
            new = repo.insert(Ticket(title="Ny efter flytten", description="på servern",
                                     created_at="2025-05-10T08:00:00"))
        decision = confirm_labels(target, new.id, "lakemedel", "fel", "Anna")
        assert new.id == last_ticket + 1 and new.external_id not in {None, ""}
        assert decision.id == last_decision + 1
        assert target.query("SELECT min(id) FROM label_history WHERE ticket_id = ?", (new.id,))[0][0] > last_change


@needs_postgres
def test_cli_migrate_prints_a_line_per_table(source_path, empty_target, capsys):
    out = _lines(capsys, "--db", str(source_path), "migrate", "--to", empty_target)
    assert [line.split(":")[0] for line in out[:len(TABLES)]] == [table_name(name) for name, _key in TABLES]
    assert f"kontrollsummor lika i alla {len(TABLES)} tabeller" in "\n".join(out)
    assert _counts(empty_target)["tickets"] == int(out[1].split()[1])  # line 0: problems


@needs_postgres
def test_a_non_empty_target_is_refused_and_left_alone(source_path, new_pg_database, capsys):
    url = new_pg_database()
    with open_database(url) as target:
        SettingsRepository(target).set("go_live", "2025-09-01")
    before = _counts(url)

    assert main(["--db", str(source_path), "migrate", "--to", url]) == 1

    err = capsys.readouterr().err
    assert "inte tom" in err and "--merge" in err, "a desk in use takes a local desk with --merge"
    assert _counts(url) == before == {**{name: 0 for name, _key in TABLES}, "settings": 1}
    with open_database(url) as target:
        assert SettingsRepository(target).get("go_live") == "2025-09-01"


@needs_postgres
def test_dry_run_verifies_then_leaves_the_target_empty(source_path, empty_target, capsys):
    out = "\n".join(_lines(capsys, "--db", str(source_path), "migrate", "--to", empty_target, "--dry-run"))

    assert "provkörning" in out and "inget sparades" in out
    assert set(_counts(empty_target).values()) == {0}
    with open_database(empty_target) as target, target.write():
        first = TicketRepository(target).insert(Ticket(title="Först", created_at="2025-05-10T08:00:00"))
    assert first.id == 1, "a dry run leaves no trace, not even in the id sequences"


@needs_postgres
def test_an_interrupted_copy_leaves_the_target_empty(source, empty_target):
    tickets = TicketRepository(source).count()

    def interrupt(done, total):
        if done > tickets:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        migrate_desk(source, empty_target, progress=interrupt)

    assert set(_counts(empty_target).values()) == {0}


@needs_postgres
def test_a_move_cut_by_the_server_says_nothing_was_moved(source, empty_target, pg_server):
    """A tester restarted the server during `migrate` and was told that what was saved stays and an import
    goes on where it stopped; a move is one transaction: nothing was moved, and running it again works."""
    from elsdesk.domain import DatabaseUnavailableError

    tickets = TicketRepository(source).count()
    name = empty_target.rsplit("/", 1)[1].split("?")[0]

    def cut(done, total):
        if done > tickets:
            pg_server.admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
                            " AND pid <> pg_backend_pid()")

    with pytest.raises(DatabaseUnavailableError) as cut_off:
        migrate_desk(source, empty_target, progress=cut)
    message = str(cut_off.value)
    assert "flytten" in message and "Ingenting flyttades" in message and "import" not in message
    assert set(_counts(empty_target).values()) == {0}
    assert migrate_desk(source, empty_target).total_rows > tickets  # again, once the server answers


@needs_postgres
def test_a_table_that_does_not_verify_rolls_everything_back(source, new_pg_database, pg_server):
    url = new_pg_database()
    pg_server.admin(
        "CREATE FUNCTION garble() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
        " IF NEW.external_id = 'T-00100' THEN NEW.title := lower(NEW.title); END IF; RETURN NEW; END $$",
        "CREATE TRIGGER garble BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION garble()",
        dbname=url.rsplit("/", 1)[1])

    with pytest.raises(MigrationError, match="tabellen tickets stämmer inte"):
        migrate_desk(source, url)

    assert set(_counts(url).values()) == {0}


@needs_postgres
def test_the_source_must_be_sqlite(new_pg_database, capsys):
    with pytest.raises(SystemExit) as exit_info:  # --db names a server where migrate takes a file: usage, exit 2 (elsdesk.cli_errors)
        main(["--db", new_pg_database(), "migrate", "--to", new_pg_database()])
    assert exit_info.value.code == 2
    assert "SQLite" in capsys.readouterr().err


def test_a_missing_source_desk_is_refused(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "finns-inte.db"), "migrate", "--to", "postgresql://localhost/elsdesk"]) == 4
    assert "det finns ingen desk" in capsys.readouterr().err
    assert not (tmp_path / "finns-inte.db").exists()


def test_the_target_must_be_postgres(tmp_path):
    with open_database(tmp_path / "desk.db") as database, pytest.raises(BadInputError, match="ingen PostgreSQL"):
        migrate_desk(database, str(tmp_path / "other.db"))


@needs_postgres
def test_nul_characters_an_old_desk_may_hold_are_dropped_and_counted(tmp_path, empty_target):
    with open_database(tmp_path / "old.db") as old:
        with old.write() as conn:
            conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title, description)"
                         " VALUES ('N-1', '2025-04-28T08:00:00', '2025-W18', '2025-04-28T08:00:00', ?, '')",
                         ("Dos\x00 ej signerad",))
        report = migrate_desk(old, empty_target)
    assert report.verified and report.nul_removed == 1
    with open_database(empty_target) as target:
        assert TicketRepository(target).get_by_external_id("N-1").title == "Dos ej signerad"


def test_a_file_as_the_target_of_a_move_is_a_usage_error_that_points_to_merge(source_path, tmp_path, capsys):
    """A tester's `migrate --to other.db` answered exit 1 after opening the desk: the command line is wrong (2)."""
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(source_path), "migrate", "--to", str(tmp_path / "other.db")])
    assert exit_info.value.code == 2
    assert "ingen PostgreSQL-databas" in capsys.readouterr().err and not (tmp_path / "other.db").exists()
