"""A desk named by --db that is no desk: a contract tester's `list --json` on a `touch`ed file made it a desk, on
another program's SQLite database wrote the desk's tables into it (both exit 0), and on /dev/null ended in a
traceback and a journal file beside the device. Each is exit 4 now, and the file is left as it was."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import write_jsonl
from elsdesk.cli import main


def exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exit_:
        return exit_.code


@pytest.fixture
def other_programs_db(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE x (a)")
        conn.execute("INSERT INTO x VALUES (1)")
    conn.close()
    return path


def _tables(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    finally:
        conn.close()


@pytest.mark.parametrize("command", [["list", "--json"], ["topics", "--week", "2026-W05", "--json"]])
def test_a_read_on_another_programs_database_is_refused_and_writes_nothing(other_programs_db, command, capsys):
    assert exit_code(["--db", str(other_programs_db), *command]) == 4
    assert _tables(other_programs_db) == ["x"]
    assert "annat programs databas" in capsys.readouterr().err


def test_an_import_into_another_programs_database_is_refused_too(other_programs_db, tmp_path, capsys):
    rows = [{"id": "A-1", "created_at": "2026-02-02T09:00:00", "title": "Skrivaren strular", "description": "",
             "module": "utskrift_hardvara", "kind": "fel"}]
    assert exit_code(["--db", str(other_programs_db), "import", str(write_jsonl(tmp_path / "a.jsonl", rows))]) == 4
    assert _tables(other_programs_db) == ["x"]


def test_a_read_on_an_empty_file_is_refused_and_an_import_makes_a_desk_of_it(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    empty.touch()
    assert exit_code(["--db", str(empty), "list", "--json"]) == 4
    assert empty.stat().st_size == 0 and "tom fil" in capsys.readouterr().err
    rows = [{"id": "A-1", "created_at": "2026-02-02T09:00:00", "title": "Skrivaren strular", "description": "",
             "module": "utskrift_hardvara", "kind": "fel"}]
    assert exit_code(["--db", str(empty), "import", str(write_jsonl(tmp_path / "a.jsonl", rows))]) == 0
    assert exit_code(["--db", str(empty), "list", "--json"]) == 0
    assert '"A-1"' in capsys.readouterr().out


@pytest.mark.parametrize("command", ["list", "import"])
def test_a_device_as_the_desk_is_refused_without_a_traceback(command, tmp_path, capsys):
    rows = [{"id": "A-1", "created_at": "2026-02-02T09:00:00", "title": "Skrivaren strular", "description": ""}]
    argv = ["list", "--json"] if command == "list" else ["import", str(write_jsonl(tmp_path / "a.jsonl", rows))]
    assert exit_code(["--db", "/dev/null", *argv]) == 4
    err = capsys.readouterr().err
    assert "ingen fil" in err and "Traceback" not in err
