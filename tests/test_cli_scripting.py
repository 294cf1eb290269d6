"""The CLI as a region's IT scripts it (found by a CLI tester): an --out that is a stream or a link, the app
started where there is no screen, --db after a nested command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import write_jsonl
from elsdesk.cli import main
from elsdesk.output_files import atomic_path, is_stream
from test_hostile_output import desk  # noqa: F401 - the same ten-ticket desk fixture

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_an_export_to_a_link_replaces_the_links_target_and_the_link_stays(desk, tmp_path, capsys):
    old = tmp_path / "agenda-2025-W17.csv"
    old.write_text("förra veckan", encoding="utf-8")
    link = tmp_path / "aktuell.csv"
    link.symlink_to(old.name)
    assert main(["--db", desk, "export", "--week", "2025-W18", "--out", str(link)]) == 0, capsys.readouterr().err
    assert link.is_symlink() and os.readlink(link) == old.name
    assert "Vecka" in old.read_text(encoding="utf-8-sig")


def test_an_export_to_dash_writes_the_file_on_stdout_and_no_path(desk, tmp_path):
    done = subprocess.run([sys.executable, "-m", "elsdesk", "--db", desk, "export", "--week", "2025-W18",
                           "--format", "csv", "--out", "-"], capture_output=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": ROOT})
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode("utf-8-sig")
    assert text.startswith("Vecka;") and str(tmp_path) not in text
    assert not (tmp_path / "-.csv").exists() and not (tmp_path / "-").exists()


def test_every_format_to_a_stream_is_a_usage_error(desk, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", desk, "export", "--week", "2025-W18", "--format", "all", "--out", "-"])
    assert exit_.value.code == 2 and "ange en mapp" in capsys.readouterr().err


def test_streams_are_written_directly_never_replaced(tmp_path):
    assert is_stream("-") and is_stream("/dev/stdout") and is_stream("/dev/fd/1") and not is_stream(tmp_path / "a.csv")
    with atomic_path("/dev/null") as path:
        assert str(path) == "/dev/null", "no temporary file beside a device"
        path.write_text("x")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_classify_out_dash_is_stdout(tmp_path, capsys):
    texts = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "title": "Skrivaren", "description": "skriver inte ut"}])
    assert main(["classify", str(texts), "--out", "-"]) == 0
    assert '"module"' in capsys.readouterr().out and not (tmp_path / "-").exists()


def test_the_app_without_a_screen_says_so_in_swedish_instead_of_aborting(tmp_path, monkeypatch, capsys):
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux needs a DISPLAY")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main(["--db", str(tmp_path / "d.db"), "gui"]) == 2
    assert "ingen skärm" in capsys.readouterr().err


def test_db_status_takes_db_after_the_action(desk, capsys):
    assert main(["db", "status", "--db", desk]) == 0
    assert "ärenden: 10" in capsys.readouterr().out


def test_an_empty_file_makes_no_new_desk(tmp_path, capsys):
    empty = tmp_path / "tom.jsonl"
    empty.write_text("")
    assert main(["--db", str(tmp_path / "ny.db"), "import", str(empty)]) == 1
    assert "inga ärenden" in capsys.readouterr().err and not (tmp_path / "ny.db").exists()


def test_every_commands_help_ends_with_an_example(capsys):
    import argparse

    from elsdesk.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for name in commands:
        with pytest.raises(SystemExit):
            main([name, "--help"])
        text = capsys.readouterr().out
        assert "exempel:\n  elsdesk " in text, name


def test_no_known_problems_says_so_and_json_stays_empty(desk, capsys):
    assert main(["--db", desk, "problems"]) == 0
    captured = capsys.readouterr()
    assert "inga kända problem" in captured.err and captured.out == ""  # a note, not a row: on stderr
    assert main(["--db", desk, "problems", "--json"]) == 0
    assert capsys.readouterr().out == ""


# -- a nightly script's mistakes (a CLI tester, 2026-12-06) ------------------------------------------------------
def test_an_empty_db_is_a_usage_error_and_makes_no_default_desk(tmp_path, capsys, monkeypatch):
    """`--db "$DESK"` with DESK unset imported into the default desk (or ELSDESK_DB's) without a word."""
    monkeypatch.setenv("ELSDESK_DB", str(tmp_path / "other.db"))
    rows = write_jsonl(tmp_path / "t.jsonl", [{"id": "A-1", "created_at": "2026-11-02", "title": "Kan inte signera"}])
    for command in (["import", str(rows), "--no-classify"], ["list", "--json"]):
        with pytest.raises(SystemExit) as stopped:
            main(["--db", " " if "list" in command else "", *command])
        assert stopped.value.code == 2 and "--db är tomt" in capsys.readouterr().err
    assert not (tmp_path / "other.db").exists()


def test_an_import_that_makes_a_new_desk_says_so_once(tmp_path, capsys):
    """A typo in a nightly job's path started a second desk silently."""
    rows = write_jsonl(tmp_path / "t.jsonl", [{"id": "A-1", "created_at": "2026-11-02", "title": "Kan inte signera"}])
    target = tmp_path / "ny" / "desk.db"
    assert main(["--db", str(target), "import", str(rows), "--no-classify"]) == 0
    assert f"skapar en ny desk i {target}" in capsys.readouterr().err
    assert main(["--db", str(target), "import", str(rows), "--no-classify"]) == 0
    assert "ny desk" not in capsys.readouterr().err


def test_classified_ids_holding_a_personnummer_stay_apart(tmp_path, capsys):
    """Both ids came out as "[personnummer]": a script could not tell the two results apart."""
    rows = write_jsonl(tmp_path / "c.jsonl", [
        {"id": "19121212-1212", "title": "Kan inte logga in med SITHS-kortet"},
        {"id": "20121212-1212", "title": "Labbsvaret syns inte"},
        {"id": "K-3", "title": "Skrivaren skriver inte ut armband"}])
    assert main(["classify", str(rows)]) == 0
    captured = capsys.readouterr()
    ids = [line.split('"id": "')[1].split('"')[0] for line in captured.out.splitlines()]
    assert ids[0].startswith("[personnummer]~") and ids[1].startswith("[personnummer]~") and ids[0] != ids[1]
    assert ids[2] == "K-3" and "1212" not in captured.out
    assert "2 id innehöll identifierare" in captured.err


def test_an_empty_json_lines_file_is_named_as_one(tmp_path, capsys):
    """An empty .jsonl was told about its header row, which JSON Lines has not."""
    empty = tmp_path / "natt.jsonl"
    empty.write_text("", encoding="utf-8")
    assert main(["--db", str(tmp_path / "d.db"), "import", str(empty)]) == 1
    said = capsys.readouterr().err
    assert "JSON-rader" in said and "kolumnernas" not in said
