"""The command line speaks Swedish to a person (issue 13): argparse's own texts, every option's help,
and the plain `list` output shows names, never ids (`list --json` keeps its ids: a contract)."""

from __future__ import annotations

import argparse
import json

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import build_parser, main
from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database

ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help message",
           "show program's version", "error:", "the following arguments are required", "invalid choice",
           "COMMAND", "ACTION", "DIR")


def _help(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_the_main_help_is_swedish(capsys):
    text = _help(capsys)
    assert text.startswith("användning: elsdesk")
    assert "flaggor:" in text and "visa den här hjälpen och avsluta" in text and "visa versionen och avsluta" in text
    assert not [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("command", _commands())
def test_every_command_help_is_swedish_and_every_option_is_explained(capsys, command):
    text = _help(capsys, command)
    assert text.startswith("användning: elsdesk " + command)
    assert not [word for word in ENGLISH if word in text], text
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    unexplained = [a.option_strings or a.dest for a in sub._actions
                   if not isinstance(a, argparse._SubParsersAction) and not a.help]
    assert unexplained == []


def test_usage_errors_are_swedish_and_exit_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["import"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "elsdesk import: fel: det här saknas: FIL" in err and "usage" not in err

    with pytest.raises(SystemExit):
        main(["okänt"])
    assert "ogiltigt val: 'okänt'" in capsys.readouterr().err


def test_argparse_is_english_again_outside_the_command_line(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    capsys.readouterr()
    assert argparse._("usage: ") == "usage: "  # other tools in the same process are left alone


def test_plain_list_shows_names_and_json_keeps_ids(db_path, tmp_path, capsys):
    with open_database(db_path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(2)))
    capsys.readouterr()

    assert main(["--db", str(db_path), "list"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[0][2:5] == ["Ny", "Läkemedel", "Handhavande"] or rows[1][2:5] == ["Ny", "Läkemedel", "Handhavande"]
    assert not any(cell in ("lakemedel", "handhavande", "ny") for row in rows for cell in row)

    assert main(["--db", str(db_path), "list", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {line["module"] for line in lines} == {"lakemedel", "inloggning_siths"}
    assert {line["status"] for line in lines} == {"ny"}


def test_plain_topics_show_trend_and_module_names(db_path, tmp_path, capsys):
    with open_database(db_path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(15)))
    capsys.readouterr()

    assert main(["--db", str(db_path), "topics", "--week", "2025-W18"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert lines[-1].startswith("agenda (föreslagen: veckans handhavande-ämnen;"), "the last line is the week's agenda"
    lines = lines[:-1]
    assert lines, "the sample week has recurring topics"
    for line in lines:
        assert line.split()[1] in {"ny", "ökande", "stabil", "minskande"}
        assert not {"lakemedel", "inloggning_siths", "new", "rising", "steady", "falling"} & set(line.split())
