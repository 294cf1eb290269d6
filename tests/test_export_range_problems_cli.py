"""``problems`` in the terminal (QA findings 3 and 4): a change says in one Swedish line what
changed, and a long module name never runs into the problem's name."""

from __future__ import annotations

import json
import re

import pytest

from elsdesk.cli import main
from elsdesk.region_time import region_today
from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database

from conftest import write_jsonl

LONG = "journal_dokumentation"  # "Journal och vårddokumentation": 29 characters


def _desk(tmp_path):
    path = tmp_path / "desk.db"
    rows = [{"id": f"P-{i}", "created_at": f"2027-03-0{8 + i}T09:00:00", "title": "Signera anteckning",
             "description": "Hur signerar jag min anteckning?", "module": LONG, "kind": "handhavande",
             "problem": "Signera journalanteckning"} for i in range(2)]
    rows.append({"id": "P-9", "created_at": "2027-03-09T10:00:00", "title": "Dos", "description": "Signera dos",
                 "module": "lakemedel", "kind": "handhavande", "problem": "Signera given dos i utdelningsvyn"})
    with open_database(path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", rows))
    return path


def _problem_id(path, capsys, name: str) -> int:
    assert main(["--db", str(path), "problems", "--json"]) == 0
    return next(p["id"] for p in map(json.loads, capsys.readouterr().out.splitlines()) if p["name"] == name)


def test_a_change_prints_one_line_saying_what_changed(tmp_path, capsys):
    path = _desk(tmp_path)
    number = _problem_id(path, capsys, "Signera journalanteckning")
    assert main(["--db", str(path), "problems", "--id", str(number), "--status", "workaround",
                 "--workaround", "Öppna Signeringslistan och välj Signera"]) == 0
    out = capsys.readouterr().out.splitlines()
    today = region_today().isoformat()
    assert out == [f'problem {number} "Signera journalanteckning": status öppet → tillfällig lösning finns från {today};'
                   ' lösning tillagd']
    assert main(["--db", str(path), "problems", "--id", str(number), "--status", "workaround"]) == 0
    assert "inget ändrades" in capsys.readouterr().out


def test_gone_through_takes_the_day_the_note_names_or_the_day_given(tmp_path, capsys):
    path = _desk(tmp_path)
    number = _problem_id(path, capsys, "Signera journalanteckning")
    assert main(["--db", str(path), "problems", "--id", str(number), "--status", "genomgånget",
                 "--note", "genomgånget 2026-11-25"]) == 0
    assert "status öppet → genomgånget på utbildning från 2026-11-25; anteckning: genomgånget 2026-11-25" in capsys.readouterr().out
    assert main(["--db", str(path), "problems", "--id", str(number), "--on", "24.11.2026"]) == 0
    assert capsys.readouterr().out.strip().endswith(": status genomgånget på utbildning från 2026-11-24")
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(path), "problems", "--id", str(number), "--on", "24/11"])
    assert refused.value.code == 2
    assert "'24/11' är inget datum" in capsys.readouterr().err


def test_a_long_module_name_keeps_a_gap_before_the_problem_name(tmp_path, capsys):
    path = _desk(tmp_path)
    assert main(["--db", str(path), "problems"]) == 0
    line = next(l for l in capsys.readouterr().out.splitlines() if "Signera journalanteckning" in l)
    assert re.search(r"Journal och vårddokumentation {2,}\d+ ärenden? {2,}Signera journalanteckning$", line), line


def test_a_column_cuts_what_does_not_fit_with_an_ellipsis():
    from elsdesk.cli_topics import fit

    assert fit("Journal och vårddokumentation", 12) == "Journal och…"
    assert fit("Läkemedel", 12) == "Läkemedel   "


def test_a_known_problem_is_made_from_the_command_line_and_its_reports_linked(tmp_path, capsys):
    """A new training lead: "problems --id 1 --link GRL-1275" said only that problem 1 did not exist, and a file of
    ticket numbers and names was the one way left to make a known problem."""
    path = _desk(tmp_path)
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(path), "problems", "--id", "99", "--link", "P-9"])
    assert refused.value.code == 2
    assert "problemet 99 finns inte (elsdesk problems listar dem; ett nytt skapas med --create NAMN)" \
        in capsys.readouterr().err
    assert main(["--db", str(path), "problems", "--create", "Dos kan inte signeras", "--link", "P-9", "P-1",
                 "--workaround", "Markera dosen och välj Signera"]) == 0
    out = capsys.readouterr().out.splitlines()
    number = _problem_id(path, capsys, "Dos kan inte signeras")
    assert out == [f'skapade det kända problemet "Dos kan inte signeras" (id {number})',
                   'P-9 hör till "Dos kan inte signeras"', 'P-1 hör till "Dos kan inte signeras"',
                   f'problem {number} "Dos kan inte signeras": lösning tillagd']
    assert main(["--db", str(path), "problems", "--json"]) == 0
    made = next(p for p in map(json.loads, capsys.readouterr().out.splitlines()) if p["id"] == number)
    assert made["workaround"] == "Markera dosen och välj Signera" and made["kind"] == "handhavande"
    assert made["linked_tickets"] == 2
    assert main(["--db", str(path), "problems"]) == 0  # a topics tester: the listing did not say how many were linked
    line = next(line for line in capsys.readouterr().out.splitlines() if line.endswith("Dos kan inte signeras"))
    assert "2 ärenden" in line
    assert main(["--db", str(path), "problems", "--create", "dos KAN inte signeras"]) == 0  # the same name, any case
    assert capsys.readouterr().out == f'det kända problemet "Dos kan inte signeras" (id {number}) fanns redan\n'
    with pytest.raises(SystemExit):
        main(["--db", str(path), "problems", "--create", "X", "--id", str(number)])
