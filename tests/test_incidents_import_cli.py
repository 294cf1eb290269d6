"""``elsdesk incidents`` (tester's finding 3: no CLI for incidents): list them with time span, units,
ticket count and label, ``--scan [--from DAY --to DAY]``, ``--json``; Swedish help."""

from __future__ import annotations

import json

import pytest

from conftest import write_jsonl
from test_incidents_import_scan import week_rows

from elsdesk.services.imports import import_tickets
from elsdesk.services.incidents import set_incident_status
from elsdesk.storage import open_database


def run(argv: list[str]) -> int:
    """The command as ``elsdesk`` runs it (its errors turned into exit codes by the CLI's one table)."""
    from elsdesk.cli import main

    return main(argv)


@pytest.fixture
def desk(tmp_path, db_target):
    """A desk with a week imported without the scan (as desks imported before it)."""
    with open_database(db_target) as database:
        import_tickets(database, write_jsonl(tmp_path / "week.jsonl", week_rows()), find_incidents=False)
    return str(db_target)


def test_scan_of_a_span_finds_the_outage_and_lists_it(desk, capsys):
    assert run(["incidents", "--db", desk]) == 0
    assert "inga incidenter" in capsys.readouterr().err  # a note, not a row: on stderr
    assert run(["incidents", "--db", desk, "--scan", "--from", "2025-04-29", "--to", "30.04.2025"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("sökning: 1 möjlig incident: 18 ärenden från 18 enheter 2025-04-29 09:10–10:35;"
                      " se Incidenter-menyn eller 'elsdesk incidents'")
    assert out[1] == "Möjliga incidenter (1)"
    assert "2025-04-29 09:10–10:35  18 ärenden från 18 enheter" in out[2]
    assert out[3].strip().startswith("enheter: Enhet 0, Enhet 1, ")


def test_scan_of_days_without_the_outage_finds_none(desk, capsys):
    assert run(["incidents", "--db", desk, "--scan", "--from", "2025-04-30"]) == 0
    said = capsys.readouterr()
    assert "sökning: inga nya möjliga incidenter" in said.out
    assert "inga incidenter än" in said.err and "leta med" not in said.err  # not told to do what it just did


def test_json_lists_confirmed_and_dismissed_too(desk, capsys):
    assert run(["incidents", "--db", desk, "--scan"]) == 0
    capsys.readouterr()
    with open_database(desk) as database:
        set_incident_status(database, 1, "confirmed")
    assert run(["incidents", "--db", desk, "--json"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    incident = json.loads(line)
    assert incident["status"] == "confirmed" and incident["ticket_count"] == 18 and len(incident["units"]) == 18
    assert sorted(incident["tickets"]) == sorted(r["id"] for r in week_rows() if r["id"].startswith("O-"))
    assert incident["first_at"] == "2025-04-29T09:10:00"
    assert run(["incidents", "--db", desk]) == 0
    assert capsys.readouterr().out.startswith("Bekräftade incidenter (1)")


def test_from_without_scan_is_a_usage_error_in_swedish(desk, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["incidents", "--db", desk, "--from", "2025-04-29"])
    assert exit_info.value.code == 2
    assert "--from och --to hör till --scan" in capsys.readouterr().err


def test_help_is_swedish(capsys):
    with pytest.raises(SystemExit):
        run(["incidents", "--help"])
    out = capsys.readouterr().out
    assert "användning:" in out and "leta efter nya möjliga incidenter" in out and "flaggor:" in out


def test_a_mistyped_desk_is_not_an_empty_one(tmp_path, capsys):
    assert run(["incidents", "--db", str(tmp_path / "saknas.db")]) == 4  # as an unreachable desk
    assert "det finns ingen desk" in capsys.readouterr().err and not (tmp_path / "saknas.db").exists()
