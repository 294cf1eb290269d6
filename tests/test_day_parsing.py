"""One reader of typed days for every command (issue M4): --from, --to and --go-live read the same forms."""

from __future__ import annotations

import json
from datetime import date

import pytest

from elsdesk.cli import main
from elsdesk.days import DAY_FORMS, parse_day
from elsdesk.domain import BadInputError
from elsdesk.services.topics import go_live_date, set_go_live

ACCEPTED = ["2025-04-28", "2025-4-28", "20250428", "28.04.2025", "28.4.2025", " 2025-04-28 ", "2025-04-28 08:15",
            "28/4/2025", "4/28/2025", "28 april 2025", "28 apr 2025 kl. 08:15"]  # slashes whose order is clear, as the import
REFUSED = ["28/4", "5/4/2025", "31.02.2025", "2025-13-01", "20251340", "igår", ""]


@pytest.mark.parametrize("text", ACCEPTED)
def test_m4_every_accepted_form_is_the_same_day(text):
    assert parse_day(text, "--from") == date(2025, 4, 28)


@pytest.mark.parametrize("text", REFUSED)
def test_m4_ambiguous_or_impossible_days_are_refused_with_the_accepted_forms(text):
    with pytest.raises(BadInputError) as raised:
        parse_day(text, "--to")
    assert str(raised.value).startswith(f"--to '{text}' är inget datum") and DAY_FORMS in str(raised.value)


@pytest.mark.parametrize("text", ["23.04.2025", "2025-4-23", "20250423", "2025-04-23"])
def test_m4_go_live_setting_reads_every_form(memory_db, text):
    assert set_go_live(memory_db, text) == date(2025, 4, 23)
    assert go_live_date(memory_db) == date(2025, 4, 23)


@pytest.mark.parametrize("text", ["23.04.2025", "2025-4-23", "20250423"])
def test_m4_config_go_live_accepts_what_topics_accepts(tmp_path, capsys, text):
    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "config", "--go-live", text]) == 0
    assert "go-live: 2025-04-23" in capsys.readouterr().out


def test_m4_config_go_live_refuses_a_slashed_day_naming_the_option(tmp_path, capsys):
    db = str(tmp_path / "desk.db")
    with pytest.raises(SystemExit) as exit_info:  # a day typed wrong: usage, exit 2 (elsdesk.cli_errors)
        main(["--db", db, "config", "--go-live", "23/4"])
    assert exit_info.value.code == 2
    assert "--go-live: '23/4' är inget datum" in capsys.readouterr().err


@pytest.mark.parametrize("start", ["20250428", "2025-4-28", "28.4.2025"])
def test_m4_topics_from_reads_compact_and_unpadded_days(tmp_path, capsys, start):
    from conftest import sample_rows, write_jsonl

    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "t.jsonl", sample_rows(5))), "--no-classify"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "topics", "--from", start, "--to", "4.5.2025", "--json"]) == 0


def test_config_says_when_go_live_is_only_the_oldest_tickets_day_and_shows_the_queue_placement_in_swedish(tmp_path, capsys):
    db, tickets = str(tmp_path / "desk.db"), tmp_path / "t.jsonl"
    tickets.write_text(json.dumps({"id": "G-1", "created_at": "2025-04-22T08:00:00", "title": "Kan inte logga in"}) + "\n",
                       encoding="utf-8")
    assert main(["--db", db, "import", str(tickets), "--no-classify", "--no-incidents"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "config"]) == 0
    shown = capsys.readouterr().out
    assert "go-live: 2025-04-22 (inte satt: det äldsta ärendets dag" in shown  # not as if someone had set it
    assert "granskningskön: sist, efter ärendena som bara modellen har märkt" in shown and ": last" not in shown
    assert main(["--db", db, "config", "--go-live", "2025-04-23", "--intake-in-queue", "blandat"]) == 0
    shown = capsys.readouterr().out
    assert "go-live: 2025-04-23\n" in shown and "granskningskön: blandat" in shown
    assert main(["--db", db, "config", "--intake-in-queue", "last"]) == 0  # the English words still work
    shown = capsys.readouterr().out
    assert "granskningskön: sist" in shown and "go-live" not in shown, "a change shows what it changed"
    assert main(["--db", db, "config", "--go-live", "2025-04-24"]) == 0
    assert capsys.readouterr() == ("go-live: 2025-04-24\n", "")  # a trial ticket before go-live is no slip
    # a new user's finding: a mistyped year was taken without a word, and every week then read "D-152"
    assert main(["--db", db, "config", "--go-live", "2026-04-24"]) == 0
    shown = capsys.readouterr()
    assert shown.out == "go-live: 2026-04-24\n"
    assert "go-live 2026-04-24 är efter deskens nyaste ärende (2025-04-22)" in shown.err and "stämmer året?" in shown.err


@pytest.mark.parametrize("text, reason", [("29.02.2027", "(februari 2027 har 28 dagar)"), ("2027-13-01", "(månad 13 finns inte)"),
                                          ("5/11/2026", "(dag eller månad först går inte att avgöra)")])
def test_a_day_that_names_no_day_says_why(text, reason):
    """A calendar tester: "--from 29.02.2027" said only "är inget datum", where the import says the month's days."""
    with pytest.raises(BadInputError) as raised:
        parse_day(text, "--from")
    assert f"'{text}' är inget datum {reason}" in str(raised.value)


def test_one_line_left_over_is_one_row_not_rows(capsys):
    """A calendar tester: "avvisad: 1 rader till (rad 16–16)"."""
    from elsdesk.cli import MESSAGES_PER_REASON, _print_lines

    _print_lines("f.csv", "avvisad", [(line, "datum 'x' är inget datum") for line in range(2, 3 + MESSAGES_PER_REASON)])
    err = capsys.readouterr().err
    assert f"f.csv: avvisad: 1 rad till (rad {2 + MESSAGES_PER_REASON}) av samma slag" in err and "1 rader" not in err


def test_the_other_day_of_the_command_tells_the_order_of_slashes(tmp_path, capsys):
    """A new regional coordinator typed the period as the ticket tool writes dates: "--to 06/12/2026" was refused as
    day or month first, though "--from 23/11/2026" beside it shows the day comes first."""
    from conftest import sample_rows, write_jsonl

    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "t.jsonl", sample_rows(5))), "--no-classify",
                 "--no-incidents"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "topics", "--from", "23/11/2026", "--to=06/12/2026", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["from"], shown["to"]) == ("2026-11-23", "2026-12-06")
    with pytest.raises(SystemExit) as exit_info:  # alone, it still cannot be told
        main(["--db", db, "config", "--go-live", "06/12/2026"])
    assert exit_info.value.code == 2 and "dag eller månad först går inte att avgöra" in capsys.readouterr().err
