"""Every way text reaches a desk masks identifiers first (found by a privacy tester): a topic or known
problem renamed by hand, a ticket number a script or a file gives, a channel or escalation a script sets,
and every text cell a merged desk brings; a masked number cannot be worked back from its digest."""

from __future__ import annotations

import pytest

from conftest import write_jsonl
from elsdesk.domain import BadInputError, Ticket
from elsdesk.services import masked_ids
from elsdesk.services.imports import import_tickets
from elsdesk.services.merge_desk import merge_desk
from elsdesk.services.problems import known_problems, link_ticket
from elsdesk.services.tickets import log_ticket, save_ticket
from elsdesk.services.topic_edits import rename_topic
from elsdesk.services.topics import weekly_topics
from elsdesk.storage import TicketRepository, open_database

PNR, PHONE, MAIL = "19121212-1212", "070-123 45 67", "anna.test@example.se"
REPORTS = [("Kan inte signera dos", "Pennan är grå i utdelningsvyn"),
           ("Signera given dos", "Hittar inte var man signerar given dos"),
           ("Given dos går ej att signera", "Utdelningsvyn tar inte signeringen")]


@pytest.fixture
def desk(memory_db, tmp_path):
    rows = [{"id": f"K-{i}", "created_at": f"2025-04-29T09:0{i}:00", "title": t, "description": d,
             "module": "lakemedel", "kind": "handhavande"} for i, (t, d) in enumerate(REPORTS)]
    import_tickets(memory_db, write_jsonl(tmp_path / "t.jsonl", rows))
    return memory_db


def test_a_topic_and_a_known_problem_renamed_by_hand_are_stored_masked(desk):
    topic = weekly_topics(desk, "2025-W18")["topics"][0]
    rename_topic(desk, topic["id"], f"Signera dos pat {PNR} tel {PHONE}")
    stored = desk.query("SELECT custom_label FROM topic_registry WHERE id = ?", (topic["id"],))[0][0]
    assert PNR not in stored and "123 45" not in stored and "[personnummer]" in stored

    repo = TicketRepository(desk)
    problem = link_ticket(desk, repo.get_by_external_id("K-0").id, "Signera given dos", "anna")
    problem_topic = next(t for t in weekly_topics(desk, "2025-W18")["topics"] if t["problem"] == problem.name)
    rename_topic(desk, problem_topic["id"], f"Omdöpt {PNR} {MAIL}")
    names = {p.name for p in known_problems(desk)}
    assert not any(PNR in n or MAIL in n for n in names) and "Omdöpt [personnummer] [e-post]" in names
    with pytest.raises(BadInputError):
        rename_topic(desk, problem_topic["id"], "   ")


def test_a_number_a_script_gives_is_masked_and_channel_and_escalation_must_be_the_taxonomys(memory_db):
    stored, _summary = log_ticket(memory_db, Ticket(title="Ring upp", description="x", external_id=PNR))
    assert PNR not in stored.external_id and stored.external_id.startswith("[personnummer]~")
    with pytest.raises(BadInputError) as refused:
        log_ticket(memory_db, Ticket(title="Ring upp", description="x", channel=f"tel {PNR}"))
    assert PNR not in str(refused.value), "the refusal does not repeat the number"
    with pytest.raises(BadInputError):
        log_ticket(memory_db, Ticket(title="Ring upp", description="x", escalation=f"x {PNR}"))
    changed = stored.with_changes(external_id=f"ärende {PNR}")
    saved, _summary = save_ticket(memory_db, changed)
    assert PNR not in saved.external_id


def test_a_masked_number_keeps_too_short_a_digest_to_find_the_patient_and_a_reimport_still_finds_it(memory_db, tmp_path):
    rows = [{"id": PNR, "created_at": "2025-04-29T09:00:00", "title": "Ring upp", "description": "x"}]
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", rows))
    stored = TicketRepository(memory_db).fetch_many(TicketRepository(memory_db).query_ids())
    number = stored[0].external_id
    assert number.startswith("[personnummer]~") and len(number.split("~")[1]) == masked_ids.ID_DIGEST_HEX == 4
    again = import_tickets(memory_db, write_jsonl(tmp_path / "b.jsonl", [dict(rows[0], title="Ring upp igen")]))
    assert (again.new, again.updated) == (0, 1)


def test_a_ticket_an_earlier_version_stored_with_the_long_digest_is_found_again(memory_db, tmp_path):
    key = masked_ids.desk_id_key(memory_db)
    legacy, _warning = masked_ids.masked_external_id(PNR, key, masked_ids.LEGACY_ID_DIGEST_HEX)
    log_ticket(memory_db, Ticket(title="Ring upp", description="x", external_id="T-1", created_at="2025-04-29T09:00:00"))
    with memory_db.write() as conn:
        conn.execute("UPDATE tickets SET external_id = ? WHERE external_id = 'T-1'", (legacy,))
    rows = [{"id": PNR, "created_at": "2025-04-29T09:00:00", "title": "Ring upp igen", "description": "x"}]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", rows))
    assert (report.new, report.updated) == (0, 1)


def test_a_merged_desk_brings_no_identifier_in_any_cell(tmp_path, db_target):
    source_path = tmp_path / "gammal.db"
    with open_database(source_path) as source, source.write() as conn:
        conn.execute("INSERT INTO problems (name, name_key, module, workaround, status_note, created_at)"
                     " VALUES (?, ?, 'lakemedel', ?, ?, '2025-04-28T08:00:00')",
                     (f"Problem {PNR}", f"problem {PNR}", f"Ring {PHONE}", f"Skrivet av {MAIL}"))
        conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title, description, channel,"
                     " escalation, problem_id) VALUES (?, '2025-04-28T08:00:00', '2025-W18', '2025-04-28T08:00:00',"
                     " 'Ring tillbaka', 'x', ?, ?, 1)", (PNR, f"telefon {PNR}", f"x {PNR}"))
    with open_database(db_target) as target, open_database(source_path) as source:
        report = merge_desk(source, target)
        cells = [value for table in ("tickets", "problems") for row in target.query(f"SELECT * FROM {table}")
                 for value in row if isinstance(value, str)]
    assert report.tickets_added == 1
    assert not [c for c in cells if PNR in c or "123 45" in c or MAIL in c]
    assert not [name for name in report.problems_added if PNR in name]
