"""``elsdesk topics`` without --week shows the newest week with tickets (a training lead typed the bare
command and got a usage error); ``--from``/``--to`` and ``--week`` still choose."""

from __future__ import annotations

import json

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository, open_database


def test_topics_without_a_week_shows_the_newest_week(db_path, tmp_path, capsys):
    rows = sample_rows(4, week_day="2025-04-28") + sample_rows(3, start=50, week_day="2025-05-06")
    with open_database(db_path) as database:
        import_tickets(database, write_jsonl(tmp_path / "t.jsonl", rows))
        assert TicketRepository(database).newest_week() == "2025-W19"
    assert main(["--db", str(db_path), "topics"]) == 0
    assert capsys.readouterr().out.startswith("vecka 2025-W19 (den senaste veckan med ärenden; en annan: --week VECKA): 3 ärenden")
    assert main(["--db", str(db_path), "topics", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["week"] == "2025-W19"
    assert main(["--db", str(db_path), "topics", "--week", "2025-W18"]) == 0
    assert capsys.readouterr().out.startswith("vecka 2025-W18: 4 ärenden")
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "topics", "--week", "2025-W18", "--from", "2025-04-28", "--to", "2025-05-01"])


def test_topics_on_an_empty_desk_says_there_is_no_week(db_path, capsys):
    with open_database(db_path) as database:
        assert TicketRepository(database).newest_week() is None
    assert main(["--db", str(db_path), "topics"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "inga ärenden i desken" in captured.err
