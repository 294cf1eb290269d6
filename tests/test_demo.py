"""Demo data (issue 13): offered on an empty desk, never mixed with real tickets unless asked, marked
as demo (DEMO-… ids) and removable in one step with everything that hangs on it."""

from __future__ import annotations

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.domain import BadInputError, Ticket, TicketFilter
from elsdesk.services.demo import demo_summary, load_demo_data, remove_demo_data
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository, open_database
from elsdesk.storage.incidents import IncidentRepository
from elsdesk.storage.topics import RegisteredTopic, TopicRepository, TopicWeek

DEMO_TICKETS = 80


def _real(database, tmp_path, n=5):
    import_tickets(database, write_jsonl(tmp_path / "real.jsonl", sample_rows(n)))


def test_an_empty_desk_gets_demo_data_marked_as_demo(memory_db):
    assert demo_summary(memory_db).empty
    added = load_demo_data(memory_db, tickets=DEMO_TICKETS)

    assert added == DEMO_TICKETS
    summary = demo_summary(memory_db)
    assert (summary.demo, summary.other) == (DEMO_TICKETS, 0)
    ids = [t.external_id for t in TicketRepository(memory_db).iter_tickets()]
    assert all(i.startswith("DEMO-") for i in ids)


def test_demo_data_is_not_mixed_into_real_tickets_unless_asked(memory_db, tmp_path):
    _real(memory_db, tmp_path)

    with pytest.raises(BadInputError, match="5 riktiga ärenden"):
        load_demo_data(memory_db, tickets=DEMO_TICKETS)
    assert demo_summary(memory_db).demo == 0

    assert load_demo_data(memory_db, tickets=DEMO_TICKETS, mix_with_real=True) == DEMO_TICKETS
    assert demo_summary(memory_db) == type(demo_summary(memory_db))(DEMO_TICKETS, 5)


def test_removing_demo_data_keeps_every_real_ticket_and_takes_what_hangs_on_the_demo(memory_db, tmp_path):
    _real(memory_db, tmp_path)
    load_demo_data(memory_db, tickets=DEMO_TICKETS, mix_with_real=True)
    repo = TicketRepository(memory_db)
    demo_ticket = repo.get_by_external_id("DEMO-00001")
    real_ticket = repo.get_by_external_id("T-00001")
    incidents = IncidentRepository(memory_db)
    topics = TopicRepository(memory_db)
    with memory_db.write():
        demo_only = incidents.create("Demo-incident", demo_ticket.created_at, demo_ticket.created_at, demo_ticket.created_at,
                                     [demo_ticket.id])
        mixed = incidents.create("Blandad", real_ticket.created_at, real_ticket.created_at, real_ticket.created_at,
                                 [demo_ticket.id, real_ticket.id])
        week = demo_ticket.iso_week
        topics.save_registered(RegisteredTopic("demo-topic", "lakemedel", "Demoämne", {"dos": 1.0}, week, week))
        topics.save_registered(RegisteredTopic("real-topic", "lakemedel", "Riktigt ämne", {"dos": 1.0}, week, week))
        topics.replace_week(week, [TopicWeek("demo-topic", week, 1, [demo_ticket.id], {}),
                                   TopicWeek("real-topic", week, 1, [real_ticket.id], {})])
    topics.update_fields("real-topic", custom_label="Signera dos (utbildas v20)", covered_on="2025-05-14", on_agenda=1)

    removed = remove_demo_data(memory_db)

    assert removed == DEMO_TICKETS
    assert demo_summary(memory_db) == type(demo_summary(memory_db))(0, 5)
    assert sorted(t.external_id for t in repo.iter_tickets()) == [f"T-{i:05d}" for i in range(1, 6)]
    assert repo.label_history(real_ticket.id), "real tickets keep their history"
    assert memory_db.query("SELECT count(*) FROM label_history WHERE ticket_id = ?", (demo_ticket.id,))[0][0] == 0
    assert [i.id for i in incidents.list_incidents(None)] == [mixed]
    assert incidents.ticket_ids(mixed) == (real_ticket.id,)
    assert demo_only not in [i.id for i in incidents.list_incidents(None)]
    assert not topics.has_week(demo_ticket.iso_week)
    assert topics.get("demo-topic") is None
    kept = topics.get("real-topic")  # a trainer's work on a topic of real tickets stays
    assert (kept.custom_label, kept.covered_on, bool(kept.on_agenda)) == ("Signera dos (utbildas v20)", "2025-05-14", True)
    assert remove_demo_data(memory_db) == 0, "removing twice is harmless"


def test_search_no_longer_finds_removed_demo_tickets(memory_db):
    load_demo_data(memory_db, tickets=DEMO_TICKETS)
    assert TicketRepository(memory_db).query_ids(TicketFilter(text="signera"))
    remove_demo_data(memory_db)

    assert TicketRepository(memory_db).query_ids(TicketFilter(text="signera")) == []


# -- the command line ---------------------------------------------------------------------------
def test_cli_demo_refuses_a_desk_with_real_tickets_and_says_how(db_path, tmp_path, capsys):
    with open_database(db_path) as database:
        _real(database, tmp_path, 3)

    with pytest.raises(SystemExit) as exit_info:  # the command needs --mix here: usage, exit 2 (elsdesk.cli_errors)
        main(["--db", str(db_path), "demo", "--tickets", "20"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "3 riktiga ärenden" in err and "--mix" in err and "--remove" in err

    assert main(["--db", str(db_path), "demo", "--tickets", "20", "--mix"]) == 0
    # the advice works as typed: it names the desk the demo went into (a README auditor's finding)
    assert f"ta bort dem med: elsdesk --db '{db_path}' demo --remove" in capsys.readouterr().out
    assert main(["--db", str(db_path), "demo", "--remove"]) == 0
    assert capsys.readouterr().out.strip() == "20 demoärenden borttagna"
    with open_database(db_path) as database:
        assert demo_summary(database) == type(demo_summary(database))(0, 3)


def test_cli_demo_fills_an_empty_desk(db_path, capsys):
    assert main(["--db", str(db_path), "demo", "--tickets", "20"]) == 0
    assert capsys.readouterr().out.startswith("20 demoärenden inlagda")
    with open_database(db_path) as database:
        assert demo_summary(database).demo == 20
        assert isinstance(TicketRepository(database).get_by_external_id("DEMO-00020"), Ticket)
