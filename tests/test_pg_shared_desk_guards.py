"""The shared PostgreSQL desk, from the exploratory test of 2026-12-03 (/tmp/qa_shared):

1. a hung server froze whoever waited on it for as long as it hung, without a word;
2. an ELS-stöd login forged a confirmation with an SQL client (label_source 'human', a history row in
   a super-user's name);
3. messages an admin could not act on (no group role, a non-owner's ``db upgrade``, a password the CLI
   never asked for, an upgrade waiting in silence, English inside Swedish sentences).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import leave_a_step_behind, sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.domain import DatabaseUnavailableError, LabelChange, NotAllowedError, Ticket, TicketFilter
from elsdesk.services.imports import import_tickets
from elsdesk.services.review import confirm_labels, undo_last
from elsdesk.services.tickets import log_ticket, save_ticket
from elsdesk.storage import TicketRepository, open_database
from elsdesk.storage import postgres_backend
from elsdesk.storage.migrations import MIGRATIONS
from elsdesk.storage.postgres_backend import ServerSilentError, connect, release_connections
from model_fixtures import _fresh_model_cache, small_model  # noqa: F401 - shared fixtures
from shared_desk_people import as_login, desk_with_people

pytestmark = pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                                reason="PostgreSQL not wanted in this run")

PASSWORD = "hemligt-7"
PEOPLE = {"stod_greta": "elsdesk_stod", "super_gustav": "elsdesk_superanvandare", "lead_gun": "elsdesk_utbildning"}


def _as(url: str, login: str, password: str = PASSWORD) -> str:
    return as_login(url, login, password)


@pytest.fixture
def desk(pg_server, new_pg_database, tmp_path):
    """A desk with five unlabelled tickets and a function that opens it as one of PEOPLE."""
    return desk_with_people(pg_server, new_pg_database(), tmp_path, PEOPLE, PASSWORD, tickets=5)


def _first_id(database) -> int:
    return TicketRepository(database).query_ids()[0]


# -- 1. a hung server ----------------------------------------------------------------------------
def _server_processes(server) -> list[int]:
    """The postmaster and every process it started."""
    postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == postmaster:
            children.append(int(stat.parent.name))
    return [postmaster, *children]


@pytest.fixture
def own_server():
    """A server of this test's own, so that stopping it never holds up another test's."""
    from pg_server import PgServer

    server = PgServer().start()
    try:
        url = server.create_database("hung")
        open_database(url, migrate_schema=True).close()
        yield server, url
    finally:
        release_connections()
        server.stop()


class Stopped:
    """Every server process stopped (kill -STOP, as the tester did: to a client, a hung server or a
    network that drops every packet); continued again on leaving, whatever happened."""

    def __init__(self, server):
        self.pids = _server_processes(server)

    def __enter__(self):
        for pid in self.pids:
            os.kill(pid, signal.SIGSTOP)
        return self

    def __exit__(self, *exc):
        for pid in self.pids:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc and stops processes")
def test_issue_1_a_hung_server_fails_a_read_within_fifteen_seconds_and_the_desk_works_again_after(own_server):
    server, url = own_server
    with open_database(url) as database:
        log_ticket(database, Ticket(title="Före", created_at="2025-05-02T10:00:00"))
        with Stopped(server):
            started = time.monotonic()
            with pytest.raises(DatabaseUnavailableError, match="svarar inte") as raised:
                TicketRepository(database).count()
            waited = time.monotonic() - started
        assert isinstance(raised.value, ServerSilentError)
        assert postgres_backend.PROBE_AFTER_S <= waited < 15, waited
        assert TicketRepository(database).count() == 1  # the next read reconnects to the server, alive again


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="stops processes")
def test_issue_1_a_write_to_a_hung_server_fails_too_and_a_kept_connection_is_not_handed_out(own_server, monkeypatch):
    server, url = own_server
    monkeypatch.setattr(postgres_backend._server_watch, "probe_after", 1.0)
    monkeypatch.setattr(postgres_backend._server_watch, "probe_timeout", 2)
    open_database(url).close()  # one connection kept for the next open
    with Stopped(server):
        started = time.monotonic()
        with pytest.raises(ServerSilentError):
            open_database(url)  # its health check fails: neither hangs nor waits another connect timeout
        assert time.monotonic() - started < 8
    with open_database(url) as database, Stopped(server):
        with pytest.raises(ServerSilentError):
            log_ticket(database, Ticket(title="Under avbrottet", created_at="2025-05-02T10:00:00"))
    with open_database(url) as database:
        assert TicketRepository(database).count() == 0


def test_issue_1_long_work_on_a_server_that_answers_is_never_cut(new_pg_database, monkeypatch):
    """The watch asks the server when a statement waits; a long statement or a wait for another
    workstation's write lock goes on as long as the server answers (imports, retraining, migrations)."""
    monkeypatch.setattr(postgres_backend._server_watch, "probe_after", 0.5)
    url = new_pg_database()
    with open_database(url) as database:
        assert database.query("SELECT 1 FROM pg_sleep(2)") == [(1,)]
        holder = open_database(url)
        release = threading.Event()

        def hold_the_write_lock():
            with holder.write():
                release.wait(10)

        thread = threading.Thread(target=hold_the_write_lock)
        thread.start()
        threading.Timer(2.0, release.set).start()
        time.sleep(0.2)
        started = time.monotonic()
        with database.write() as conn:  # waits for the lock the other "workstation" holds
            conn.execute("INSERT INTO settings (key, value) VALUES ('x', 'y')")
        thread.join()
        holder.close()
        assert time.monotonic() - started > 1.0
        assert database.query("SELECT value FROM settings WHERE key = 'x'") == [("y",)]


def test_issue_1_connections_have_keepalives_and_a_tcp_user_timeout(new_pg_database):
    url = new_pg_database()
    raw = connect(url)
    try:
        parameters = raw.info.get_parameters()
        assert parameters["keepalives_idle"] == "5" and parameters["tcp_user_timeout"] == "10000"
    finally:
        raw.close()
    raw = connect(url + "?keepalives_idle=30")  # what IT wrote in the address wins
    try:
        assert raw.info.get_parameters()["keepalives_idle"] == "30"
    finally:
        raw.close()


# -- 2. forged confirmations ---------------------------------------------------------------------
def test_issue_2_support_staff_cannot_mark_a_ticket_confirmed_with_an_sql_client(desk):
    with desk("stod_greta") as database:
        ticket_id = _first_id(database)
        with pytest.raises(NotAllowedError, match="superanvändare"):
            with database.write() as conn:
                conn.execute("UPDATE tickets SET module = 'lakemedel', label_source = 'human' WHERE id = ?", (ticket_id,))
        assert database.query("SELECT module, label_source FROM tickets WHERE id = ?", (ticket_id,)) == [(None, None)]
        with pytest.raises(NotAllowedError, match="superanvändare"):
            with database.write() as conn:
                conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title, module,"
                             " label_source) VALUES ('FORGED-1', '2025-05-02', '2025-W18', '2025-05-02', 'x',"
                             " 'lakemedel', 'human')")
    with desk("super_gustav") as sven:
        confirm_labels(sven, ticket_id, "lakemedel", "handhavande", "super_gustav")
    with desk("stod_greta") as database:  # nor change the labels of one a super-user confirmed
        with pytest.raises(NotAllowedError, match="superanvändare"):
            with database.write() as conn:
                conn.execute("UPDATE tickets SET module = 'remiss' WHERE id = ?", (ticket_id,))
        assert database.query("SELECT module FROM tickets WHERE id = ?", (ticket_id,)) == [("lakemedel",)]


def test_issue_2_support_staff_cannot_write_label_history_in_someone_elses_name(desk):
    with desk("stod_greta") as database:
        ticket_id = _first_id(database)
        insert = ("INSERT INTO label_history (ticket_id, field, old_value, new_value, actor, at, source)"
                  " VALUES (?, 'module', NULL, 'lakemedel', ?, '2025-05-02T10:00:00', ?)")
        for actor, source in (("super_gustav", "human"), ("super_gustav", "intake"), ("stod_greta", "human")):
            with pytest.raises(NotAllowedError, match="eget namn"):
                with database.write() as conn:
                    conn.execute(insert, (ticket_id, actor, source))
        assert database.query("SELECT count(*) FROM label_history WHERE ticket_id = ?", (ticket_id,)) == [(0,)]
        with database.write() as conn:  # in her own name, as what she is, she may
            conn.execute(insert, (ticket_id, "stod_greta", "intake"))


def test_support_staff_cannot_change_what_others_curate_with_an_sql_client(desk):
    """The exploratory test of 2026-12-04: an ELS-stöd login wiped the desk's own modules
    (taxonomy.additions), moved the review queue's settings and set a known problem fixed through SQL,
    all of which the app refuses her. Her link may still move a problem's module and kind."""
    from elsdesk.services.labels import add_label
    from elsdesk.services.problems import link_ticket
    from elsdesk.services.review import INTAKE_KEY, set_intake_placement

    with desk("super_gustav") as sven:
        add_label(sven, "module", "vaccination", "Vaccination")
        set_intake_placement(sven, "mixed")
        problem = link_ticket(sven, _first_id(sven), "Etiketter skrivs inte ut", "super_gustav")
    upsert = ("INSERT INTO settings (key, value) VALUES (?, ?)"
              " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    with desk("stod_greta") as greta:
        for key, value in (("taxonomy.additions", '{"modules": []}'), (INTAKE_KEY, "last"),
                           ("review.confirmations_since_training", "999"), ("agenda_picks:2025-W18", '["T1"]'),
                           ("active_model", "v-forged")):
            with pytest.raises(NotAllowedError):
                with greta.write() as conn:
                    conn.execute(upsert, (key, value))
        with pytest.raises(NotAllowedError):
            with greta.write() as conn:
                conn.execute("UPDATE problems SET status = 'rattat' WHERE id = ?", (problem.id,))
        with greta.write() as conn:  # what her work writes: a week's topic cache, a problem's module by a link
            conn.execute(upsert, ("topics_computed:2025-W18", "x"))
            conn.execute("UPDATE problems SET module = 'lakemedel' WHERE id = ?", (problem.id,))
        assert greta.query("SELECT status FROM problems WHERE id = ?", (problem.id,)) == [("oppet",)]
        assert "Vaccination" in greta.query("SELECT value FROM settings WHERE key = 'taxonomy.additions'")[0][0]
    with desk("lead_gun") as gun:  # the training lead's own: the agenda picks
        with gun.write() as conn:
            conn.execute(upsert, ("agenda_picks:2025-W18", '["T1"]'))


def test_issue_2_every_role_still_logs_edits_imports_classifies_confirms_and_undoes(desk, tmp_path, small_model):
    """What the app itself writes on a shared desk: intake labels, the model's labels (actor "model"), an
    import's history (the login), a super-user's confirmation and undo, an edit of a confirmed ticket."""
    from elsdesk.services.classification import apply_predictions

    for login in PEOPLE:
        with desk(login) as database:
            stored, _ = log_ticket(database, Ticket(title=f"Från {login}", created_at="2025-05-02T10:00:00",
                                                    module="lakemedel"), actor=login)
            plain, _ = log_ticket(database, Ticket(title="Utan etikett", description="Skrivaren skriver inte ut",
                                                   created_at="2025-05-02T10:05:00"), actor=login)
            assert apply_predictions(database, small_model, {"version": "v-test"}, TicketFilter(ids=(plain.id,))) == 1
            report = import_tickets(database, write_jsonl(tmp_path / f"{login}.jsonl",
                                                          [dict(r, id=f"{login}-{r['id']}") for r in sample_rows(2)]))
            assert report.new == 2
            actors = {row[0] for row in database.query("SELECT actor FROM label_history WHERE ticket_id IN (?, ?)",
                                                       (stored.id, plain.id))}
            assert actors == {login, "model"}
    with desk("super_gustav") as sven:
        ticket_id = _first_id(sven)
        confirm_labels(sven, ticket_id, "lakemedel", "handhavande", "super_gustav")
        assert undo_last(sven, "super_gustav") is not None
        confirm_labels(sven, ticket_id, "lakemedel", "handhavande", "super_gustav")
    with desk("stod_greta") as database:  # ELS-stöd edits the status of a confirmed ticket: it stays confirmed
        ticket = TicketRepository(database).get(ticket_id)
        saved, _ = save_ticket(database, ticket.with_changes(status="pagar"), actor="stod_greta")
        assert saved.label_source == "human"


def test_issue_2_db_upgrade_brings_the_guard_to_an_existing_desk(pg_server, capsys):
    name = "desk_before_guard"
    url = pg_server.create_database(name)
    try:
        leave_a_step_behind(url)  # the desk as the previous version left it
        raw = connect(url)
        raw.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title)"
                    " VALUES ('OLD-1', '2025-04-28', '2025-W18', '2025-04-28', 'Gammalt ärende')")
        raw.close()
        pg_server.create_login("stod_greta", PASSWORD, "elsdesk_stod")
        assert main(["--db", url, "db", "upgrade"]) == 0
        with open_database(_as(url, "stod_greta")) as database:
            with pytest.raises(NotAllowedError, match="superanvändare"):
                with database.write() as conn:
                    conn.execute("UPDATE tickets SET module = 'lakemedel', label_source = 'human'")
    finally:
        release_connections()
        pg_server.drop_database(name)


# -- 3. messages an admin can act on -------------------------------------------------------------
def test_issue_3a_a_login_in_no_group_is_told_which_grant_is_missing(pg_server, new_pg_database, capsys):
    url = new_pg_database()
    pg_server.create_login("olle_utan_grupp", PASSWORD)
    with pytest.raises(NotAllowedError, match=r"GRANT elsdesk_stod TO olle_utan_grupp;"):
        open_database(_as(url, "olle_utan_grupp"))
    assert main(["--db", _as(url, "olle_utan_grupp"), "list"]) == 3
    err = capsys.readouterr().err
    assert "hör inte till någon av elsdesks grupproller" in err and "får inte göra det här" not in err


def test_issue_3a_a_non_owner_upgrading_an_old_desk_is_told_who_owns_it_and_the_grant(pg_server, capsys):
    name = "owned_old_desk"
    pg_server.admin("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'desk_agare') THEN"
                    f" CREATE ROLE desk_agare LOGIN PASSWORD '{PASSWORD}'; END IF; END $$")
    pg_server.admin(f"CREATE DATABASE {name} OWNER desk_agare TEMPLATE template0 ENCODING 'UTF8'")
    pg_server.create_login("super_gustav", PASSWORD, "elsdesk_superanvandare")
    owner_url = _as(pg_server.url(name), "desk_agare")
    try:
        leave_a_step_behind(owner_url)
        assert main(["--db", _as(pg_server.url(name), "super_gustav"), "db", "upgrade"]) == 3
        err = capsys.readouterr().err
        assert "desk_agare" in err and "GRANT desk_agare TO super_gustav;" in err
        assert "får inte göra det här" not in err
        assert main(["--db", owner_url, "db", "upgrade"]) == 0  # the owner's login upgrades it
        out = capsys.readouterr().out
        assert f"schemaversion {len(MIGRATIONS)} av {len(MIGRATIONS)}" in out
        assert f"uppgraderade schemat från version {len(MIGRATIONS) - 1} till {len(MIGRATIONS)}" in out  # what it did
    finally:
        release_connections()
        pg_server.drop_database(name)


def test_issue_3b_without_a_password_the_message_says_where_to_give_it_and_a_terminal_is_asked(
        pg_server, new_pg_database, monkeypatch, tmp_path):
    url = new_pg_database()
    pg_server.create_login("stod_greta", PASSWORD, "elsdesk_stod")
    no_password = url.replace("postgres@", "stod_greta@")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    monkeypatch.setattr(postgres_backend, "_stored_password", lambda conninfo: None)  # no keyring here
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(DatabaseUnavailableError) as raised:
        open_database(no_password)
    said = str(raised.value)
    assert "PGPASSWORD" in said and "pgpass" in said and "när appen frågar" not in said
    asked = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or PASSWORD)
    with open_database(no_password) as database:  # a command in a terminal asks, as psql does
        assert database.login_name() == "stod_greta"
    assert asked and asked[0].startswith("Lösenord för stod_greta")


def test_issue_3c_an_upgrade_behind_another_workstations_transaction_says_so_within_seconds(pg_server, capsys):
    name = "busy_old_desk"
    url = pg_server.create_database(name)
    try:
        # a desk before migration 018, which changes the label history's table (a lock the reader below holds off)
        leave_a_step_behind(url, upto=[m.name for m in MIGRATIONS].index("018_confirmations_by_login"))
        other = connect(url)  # another workstation in the middle of a transaction that read the history
        other.execute("BEGIN")
        other.execute("SELECT count(*) FROM label_history")
        started = time.monotonic()
        assert main(["--db", url, "db", "upgrade"]) == 4
        waited = time.monotonic() - started
        err = capsys.readouterr().err
        assert "en annan arbetsplats håller desken" in err and "försök igen" in err
        assert waited < postgres_backend.UPGRADE_LOCK_TIMEOUT_S + 10
        other.execute("ROLLBACK")
        other.close()
        assert main(["--db", url, "db", "upgrade"]) == 0  # nothing half-done: it runs once the desk is free
    finally:
        release_connections()
        pg_server.drop_database(name)


@pytest.mark.parametrize("libpq", [
    'connection failed: connection to server at "127.0.0.1", port 55431 failed: FATAL:  the database system is shutting down',
    'connection failed: connection to server at "127.0.0.1", port 55431 failed: server closed the connection unexpectedly',
    "SSL SYSCALL error: EOF detected",
])
def test_issue_3d_swedish_first_and_the_servers_english_last_in_parentheses(libpq):
    from elsdesk.storage.postgres_backend import _in_swedish

    said = _in_swedish(RuntimeError(libpq))
    assert said.endswith(f" ({libpq})")
    sentence = said[: -len(libpq) - 3]
    assert sentence.startswith("servern") and "connection" not in sentence and "failed" not in sentence


def test_issue_3d_a_lost_connection_is_a_swedish_sentence_with_the_detail_last(new_pg_database, pg_server):
    url = new_pg_database()
    with open_database(url) as database:
        with pytest.raises(DatabaseUnavailableError) as raised:
            with database.write() as conn:
                conn.execute("SELECT 1")
                pg_server.admin(f"SELECT pg_terminate_backend({database.raw.info.backend_pid})")
                conn.execute("SELECT 2")
        said = str(raised.value)
        assert said.startswith("förbindelsen med servern") and said.endswith(")")
        assert "terminat" not in said.split("(")[0]


def test_any_role_joins_open_incidents_found_apart_and_a_decided_one_stays(desk):
    """A shared-desk tester: once two open incidents were one, every import and scan by ELS-stöd, a super-user or the
    training lead was refused (permission denied for table incident_tickets), though its tickets were stored; only
    the desk's owner could scan. Any role may now join open incidents; one a person confirmed stays, except for a
    super-user."""
    from elsdesk.storage.incidents import IncidentRepository

    with desk("stod_greta") as greta:
        ids = TicketRepository(greta).query_ids()
        with greta.write():
            incidents = IncidentRepository(greta)
            keep = incidents.create("Cosmic hänger sig", "2025-04-28T08:00", "2025-04-28T09:00", "2025-04-28T09:00", ids[:2])
            other = incidents.create("Segt", "2025-04-28T09:00", "2025-04-28T10:00", "2025-04-28T10:00", ids[2:4])
            decided = incidents.create("Utskrift", "2025-04-28T11:00", "2025-04-28T12:00", "2025-04-28T12:00", ids[4:])
            incidents.set_status(decided, "confirmed")
        with greta.write():
            IncidentRepository(greta).absorb(keep, [other])
        incidents = IncidentRepository(greta)
        assert sorted(incidents.ticket_ids(keep)) == sorted(ids[:4])
        assert sorted(i.id for i in incidents.list_incidents(status=None)) == sorted([keep, decided])
        with greta.write() as conn:  # with an SQL client: a decided incident is not hers to delete
            assert conn.execute("DELETE FROM incident_tickets WHERE incident_id = ?", (decided,)).rowcount == 0
            assert conn.execute("DELETE FROM incidents WHERE id = ?", (decided,)).rowcount == 0
    with desk("super_gustav") as gustav:  # removing the tickets it held takes it away
        with gustav.write() as conn:
            assert conn.execute("DELETE FROM incidents WHERE id = ?", (decided,)).rowcount == 1


@pytest.mark.parametrize("libpq, swedish", [
    ('failed to resolve host "elsdesk-srv": Name or service not known', "servernamnet hittas inte: kontrollera stavningen"),
    ('could not translate host name "x" to address: Name or service not known', "servernamnet hittas inte"),
    ('connection to server at "127.0.0.1", port 5432 failed: Connection refused', "den kan hålla på att startas om"),
])
def test_a_server_that_cannot_be_reached_says_what_to_check(libpq, swedish):
    """A shared-desk tester's wrong host name read "servern gav ett fel som elsdesk inte känner igen"."""
    said = postgres_backend._in_swedish(Exception(libpq))
    assert swedish in said and "inte känner igen" not in said and said.endswith(f"({libpq})")


def test_the_first_upgrade_says_what_it_made(pg_server, tmp_path, capsys):
    """A shared-desk tester's first ``db upgrade`` printed only "schemaversion 23 av 23", not that it made the tables,
    the three group roles and their grants."""
    url = pg_server.create_database("first_upgrade_desk")
    try:
        assert main(["--db", url, "db", "upgrade"]) == 0
        out = capsys.readouterr().out
        assert "skapade deskens tabeller, grupprollerna elsdesk_stod, elsdesk_superanvandare och elsdesk_utbildning" in out
        assert main(["--db", url, "db", "upgrade"]) == 0
        assert "skapade" not in capsys.readouterr().out, "an upgrade with nothing to do says only where it is"
    finally:
        release_connections()
        pg_server.drop_database("first_upgrade_desk")
    assert main(["--db", str(tmp_path / "ny.db"), "db", "upgrade"]) == 0
    assert "skapade deskens tabeller\n" in capsys.readouterr().out
