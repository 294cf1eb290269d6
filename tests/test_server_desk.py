"""Issue 9: a desk on a PostgreSQL server survives restarts and reuses its connections."""

from __future__ import annotations

import os

import pytest

from elsdesk.domain import Ticket
from elsdesk.services.tickets import log_ticket
from elsdesk.storage import TicketRepository, open_database

pytestmark = pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                                reason="PostgreSQL not wanted in this run")


def test_a_desk_opened_before_a_server_restart_reads_and_writes_after_it(pg_server, new_pg_database, tmp_path):
    url = new_pg_database()
    with open_database(url) as database:
        log_ticket(database, Ticket(title="Före omstarten", created_at="2025-05-02T10:00:00"))
        pg_server.restart()
        assert TicketRepository(database).count() == 1  # a read reconnects once by itself
        pg_server.restart()
        stored, _ = log_ticket(database, Ticket(title="Efter omstarten", created_at="2025-05-02T11:00:00"))
        assert stored.id is not None  # a write whose connection died before it began reconnects too
    with open_database(url) as again:  # kept connections that died are dropped, never handed out
        assert TicketRepository(again).count() == 2


def test_a_closed_desk_hands_its_connection_to_the_next_open(new_pg_database):
    url = new_pg_database()
    with open_database(url) as first:
        backend_pid = first.raw.info.backend_pid
    with open_database(url) as second:
        assert second.raw.info.backend_pid == backend_pid  # no new 20–30 ms connection per background task
    with open_database(url) as first, open_database(url) as second:
        assert first.raw.info.backend_pid != second.raw.info.backend_pid  # never shared while in use


def test_a_forked_process_never_uses_the_parents_kept_connections(new_pg_database):
    url = new_pg_database()
    with open_database(url) as parent:
        parent_pid = parent.raw.info.backend_pid
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: opening the desk must make its own connection
        try:
            with open_database(url) as mine:
                os.write(write, str(mine.raw.info.backend_pid).encode())
        finally:
            os._exit(0)
    os.waitpid(child, 0)
    assert int(os.read(read, 32)) != parent_pid
    with open_database(url) as again:  # and the parent's kept connection still works
        assert again.raw.info.backend_pid == parent_pid and TicketRepository(again).count() == 0


def test_a_libpq_service_file_names_the_desk_for_every_command(pg_server, new_pg_database, tmp_path, monkeypatch, capsys):
    import json

    from elsdesk.cli import main

    url = new_pg_database()
    dbname = url.rsplit("/", 1)[1]
    service_file = tmp_path / "pg_service.conf"  # what IT deploys by group policy
    service_file.write_text(f"[elsdesk]\nhost=127.0.0.1\nport={pg_server.port}\ndbname={dbname}\nuser=postgres\n")
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    assert main(["--db", "service=elsdesk", "db", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["backend"] == "postgres" and status["schema_version"] == status["known_version"]
    monkeypatch.setenv("ELSDESK_DB", "service=elsdesk")
    assert main(["list", "--json"]) == 0
