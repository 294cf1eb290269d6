"""Shared fixtures: offscreen Qt, user data in tmp_path, fresh databases on both backends, sample tickets.

Every test that uses a database (``db_path``, ``memory_db``, ``file_db`` or ``backend``) runs
twice: on an SQLite file and on a fresh database of a throwaway PostgreSQL server that the
session starts itself (``tests/pg_server.py``). ``@pytest.mark.sqlite_only`` keeps a test to
SQLite; ``ELSDESK_TEST_BACKENDS=sqlite`` runs only SQLite (a machine without the server).
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Each test has its own user folder (user_home below); whatever writes after a test's folder is
# gone (a form saving its draft as the process exits) writes into this one, never the user's.
# The folder goes when the test process ends (nothing left behind in /tmp, run after run).
_LEFTOVER_HOME = tempfile.TemporaryDirectory(prefix="elsdesk-tests-home-", ignore_cleanup_errors=True)
os.environ["ELSDESK_HOME"] = _LEFTOVER_HOME.name

import pytest

from elsdesk.storage import open_database
from elsdesk.storage.postgres_backend import release_connections

BACKENDS = [b.strip() for b in os.environ.get("ELSDESK_TEST_BACKENDS", "sqlite,postgres").split(",") if b.strip()]
TEMPLATE_DB = "elsdesk_template"
_database_numbers = itertools.count(1)


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
        params = [b for b in BACKENDS if b == "sqlite" or not sqlite_only] or ["sqlite"]
        metafunc.parametrize("backend", params, indirect=True)


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the session, with a migrated template database."""
    from pg_server import PgServer

    server = PgServer().start()
    try:
        server.create_database(TEMPLATE_DB)
        open_database(server.url(TEMPLATE_DB), migrate_schema=True).close()
        release_connections()  # nobody may be connected to a template
        yield server
    finally:
        server.stop()


@pytest.fixture
def backend(request):
    return request.param


@pytest.fixture
def new_pg_database(request):
    """Make a fresh, migrated PostgreSQL database; returns its URL (dropped after the test)."""
    server = request.getfixturevalue("pg_server")
    made = []

    def make() -> str:
        name = f"t{next(_database_numbers)}"
        made.append(name)
        return server.create_database(name, template=TEMPLATE_DB)

    yield make
    for name in made:
        release_connections(server.url(name))
        server.drop_database(name)


@pytest.fixture
def db_target(backend, tmp_path, request):
    """Where a fresh desk lives on this test's backend: an SQLite path or a PostgreSQL URL."""
    if backend == "sqlite":
        return tmp_path / "desk.db"
    return request.getfixturevalue("new_pg_database")()


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    """Point the user data folder (database, settings, drafts, models) into tmp_path."""
    home = tmp_path / "home"
    monkeypatch.setenv("ELSDESK_HOME", str(home))
    monkeypatch.delenv("ELSDESK_DB", raising=False)
    return home


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_on_the_main_thread():
    """As the app does (elsdesk/gui/gc_guard.py): no automatic collection, which could run in a
    worker thread and destroy a Qt object left by an earlier test there; collected after each test."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def no_worker_left():
    """Fail a test that leaves a Qt worker running (only where the test used Qt at all)."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from elsdesk.gui.tasks import wait_for_every_worker

        assert wait_for_every_worker(10_000), "a worker was left running"
    gc.collect()


@pytest.fixture
def memory_db(backend, request):
    """A fresh database: in memory on SQLite, a new database on PostgreSQL."""
    target = ":memory:" if backend == "sqlite" else request.getfixturevalue("new_pg_database")()
    database = open_database(target)
    yield database
    database.close()


@pytest.fixture
def db_path(db_target):
    return db_target


@pytest.fixture
def file_db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


def write_jsonl(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding) as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path


@contextlib.contextmanager
def imported_desk(tmp_path_factory, name: str, rows: list, **import_options):
    """A desk file of its own for a module's tests, with *rows* imported (none rejected) and its user data beside
    it; yields (database, folder) and closes the database after."""
    from elsdesk.services.imports import import_tickets

    folder = tmp_path_factory.mktemp(name)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ELSDESK_HOME", str(folder / "home"))
        with open_database(folder / "desk.db") as database:
            assert not import_tickets(database, write_jsonl(folder / "t.jsonl", rows), **import_options).rejected
            yield database, folder


def write_excel_csv(path, lines: list[str], encoding: str = "utf-8-sig"):
    """A CSV file as Excel saves one: Windows line ends; "CSV UTF-8" (a BOM) by default, "CSV
    (semikolonavgränsad)" with *encoding* cp1252."""
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_workbook(path, rows: list[list]):
    """An .xlsx whose first sheet holds *rows* as they are (header rows too)."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    return path


def leave_a_step_behind(url: str, upto: int | None = None) -> None:
    """Make the empty PostgreSQL database at *url* a desk as an earlier version left it: every schema step but the
    last (or the first *upto*)."""
    from elsdesk.storage.migrations import MIGRATIONS, migrate
    from elsdesk.storage.postgres_backend import PgConnection, connect

    raw = connect(url)

    class OlderElsdesk:
        backend, conn = "postgres", PgConnection(raw, lambda exc: exc)

    with raw.transaction():
        migrate(OlderElsdesk, upto=len(MIGRATIONS) - 1 if upto is None else upto)
    raw.close()


def stored_ticket(database, external_id):
    from elsdesk.storage import TicketRepository

    return TicketRepository(database).get_by_external_id(external_id)


FIRST_SEED_ROUNDS = tuple(f"seed_{n}" for n in range(1, 9))


def first_seed_rows() -> list[dict]:
    """The seed tickets of the corpus's first rounds (resources/seed/seed_1–seed_8), read masked as the corpus is:
    background tickets for a scenario that stay the same when a later round is added to the corpus (a random
    sample of the whole corpus drew other tickets, one of them a printer-like report that joined a burst)."""
    from elsdesk.corpus import _read_masked, seed_files

    return [dict(row) for row in _read_masked([p for p in seed_files() if p.stem in FIRST_SEED_ROUNDS])]


def sample_rows(n=5, start=1, week_day="2025-04-28"):
    topics = [
        ("Kan inte signera dos", "Utdelningsvyn låter mig inte signera given dos, pennan är grå.", "lakemedel", "handhavande"),
        ("SITHS-kortet låst", "Har skrivit fel PIN tre gånger och kommer inte in i Cosmic.", "inloggning_siths", "fel"),
        ("Provsvar syns inte", "Blodprover tagna i morse men svaren syns inte i BoS.", "bestallning_svar", "fel"),
        ("Saknar enhet", "Ny vikarie kommer in men saknar avd 12 i listan över enheter.", "behorighet_roller", "konfiguration"),
        ("Skrivaren skriver inte ut", "Etikettskrivaren på expeditionen skriver inte ut armband.", "utskrift_hardvara", "fel"),
    ]
    rows = []
    for i in range(n):
        title, description, module, kind = topics[i % len(topics)]
        rows.append({
            "id": f"T-{start + i:05d}", "created_at": f"{week_day}T{8 + i % 9:02d}:15:00",
            "title": title, "description": description, "module": module, "kind": kind,
            "status": "ny", "reporter_role": "ssk", "unit": "Avd 12",
        })
    return rows


@pytest.fixture
def rows_file(tmp_path):
    return write_jsonl(tmp_path / "tickets.jsonl", sample_rows(5))
