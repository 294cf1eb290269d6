"""Issue: an import overwrote a different ticket that had the same number (elsdesk).

Every fresh desk numbers its tickets from ELS-000001, so a file exported from a workstation's local
desk carries numbers the shared desk already has for other tickets. A row whose id is stored for a
ticket created at another time is another ticket: it is stored under the desk's next free number
(with a warning), and a re-import finds the ticket it became.
"""

from __future__ import annotations

import os

import pytest

from conftest import write_jsonl
from elsdesk.domain import Ticket
from elsdesk.importer import creation_detail, same_creation
from elsdesk.services.import_numbers import ID_CLASH_SETTING_PREFIX
from elsdesk.services.imports import import_tickets
from elsdesk.services.tickets import log_ticket
from elsdesk.storage import TicketRepository, open_database

SHARED_TITLES = ("Skrivaren på avd 3", "Tidboken laddar långsamt", "GUI-ärende från arbetsplats 3 etiketter")


def _shared_desk(database) -> list[Ticket]:
    """A shared desk with ELS-000001…3, logged in the form (labelled at intake)."""
    return [log_ticket(database, Ticket(title=title, description="delad desk", module="utskrift_hardvara",
                                        created_at=f"2026-11-02T08:1{number}:00"))[0]
            for number, title in enumerate(SHARED_TITLES, start=2)]


def _local_row(number: int = 3, title: str = "Journalanteckningen går inte att signera",
               created_at: str = "2026-11-03T10:22:37", **fields) -> dict:
    """A row as ``elsdesk list --json`` of another desk writes it (its numbers start at ELS-000001 too)."""
    row = {"id": f"ELS-{number:06d}", "created_at": created_at, "title": title,
           "description": "lokal arbetsplats 9", "module": "journal_dokumentation", "kind": None, "problem": None,
           "status": "ny", "label_source": "human"}
    row.update(fields)
    return row


def _ticket(database, external_id: str) -> Ticket:
    return TicketRepository(database).get_by_external_id(external_id)


def test_issue_a_row_with_a_stored_number_but_another_creation_time_is_a_new_ticket(memory_db, tmp_path):
    shared = _shared_desk(memory_db)
    report = import_tickets(memory_db, write_jsonl(tmp_path / "local.jsonl", [_local_row()]), find_incidents=False)
    assert (report.new, report.updated, report.unchanged, report.rejected) == (1, 0, 0, [])
    kept = _ticket(memory_db, "ELS-000003")
    assert (kept.title, kept.module, kept.created_at, kept.version) == (shared[2].title, "utskrift_hardvara",
                                                                       "2026-11-02T08:14:00", shared[2].version)
    became = _ticket(memory_db, "ELS-000004")
    assert (became.title, became.module, became.created_at) == ("Journalanteckningen går inte att signera", "journal_dokumentation",
                                                              "2026-11-03T10:22:37")
    assert report.warnings == [(1, "ärendenummer ELS-000003 finns redan för ett annat ärende (skapat 2026-11-02 08:14);"
                                   " raden sparades som nytt ärende ELS-000004")]


def test_issue_the_stored_ticket_keeps_its_label_history_and_the_new_one_gets_its_own(memory_db, tmp_path):
    _shared_desk(memory_db)
    repo = TicketRepository(memory_db)
    history_before = repo.label_history(_ticket(memory_db, "ELS-000003").id)
    import_tickets(memory_db, write_jsonl(tmp_path / "local.jsonl", [_local_row()]), actor="per", find_incidents=False)
    assert repo.label_history(_ticket(memory_db, "ELS-000003").id) == history_before
    history = repo.label_history(_ticket(memory_db, "ELS-000004").id)
    assert [(change.field, change.old, change.new, change.source) for change in history] == [
        ("module", None, "journal_dokumentation", "import")]  # (the actor is the login on a server)


def test_issue_reimporting_the_file_updates_the_ticket_the_row_became(memory_db, tmp_path):
    _shared_desk(memory_db)
    path = write_jsonl(tmp_path / "local.jsonl", [_local_row(number) for number in (1, 2, 3)])
    first = import_tickets(memory_db, path, find_incidents=False)
    again = import_tickets(memory_db, path, find_incidents=False)
    assert (first.new, again.new, again.updated, again.unchanged, again.rejected) == (3, 0, 0, 3, [])
    assert again.warnings == []
    write_jsonl(path, [_local_row(3, status="lost")])  # the local desk solved it and exported again
    edited = import_tickets(memory_db, path, find_incidents=False)
    assert (edited.new, edited.updated) == (0, 1)
    assert _ticket(memory_db, "ELS-000006").status == "lost"
    assert _ticket(memory_db, "ELS-000003").status == "ny"
    assert TicketRepository(memory_db).count() == 6


def test_issue_a_reimport_written_to_the_minute_by_a_spreadsheet_finds_the_ticket_it_became(memory_db, tmp_path):
    _shared_desk(memory_db)
    import_tickets(memory_db, write_jsonl(tmp_path / "local.jsonl", [_local_row()]), find_incidents=False)
    excel = tmp_path / "local.csv"
    excel.write_text("Ärendenummer;Skapad;Rubrik;Status\n"
                     "ELS-000003;03.11.2026 10:22;Journalanteckningen går inte att signera;Löst\n", encoding="utf-8")
    report = import_tickets(memory_db, excel, find_incidents=False)
    assert (report.new, report.updated, report.rejected) == (0, 1, [])
    became = _ticket(memory_db, "ELS-000004")
    assert (became.status, became.created_at) == ("lost", "2026-11-03T10:22:37")  # its seconds are kept


def test_issue_same_creation_time_and_another_title_is_an_edit_of_the_ticket(memory_db, tmp_path):
    _shared_desk(memory_db)
    row = _local_row(3, title="Etiketterna skrivs ut på fel skrivare", created_at="2026-11-02T08:14:00")
    report = import_tickets(memory_db, write_jsonl(tmp_path / "edit.jsonl", [row]), find_incidents=False)
    assert (report.new, report.updated) == (0, 1)
    assert _ticket(memory_db, "ELS-000003").title == "Etiketterna skrivs ut på fel skrivare"
    assert TicketRepository(memory_db).count() == 3


@pytest.mark.parametrize("written", ["2026-11-02", "02.11.2026 08:14", "2026-11-02T08:14:00"])
def test_issue_a_coarser_creation_time_of_the_same_moment_is_the_same_ticket_and_keeps_its_time(memory_db, tmp_path,
                                                                                              written):
    stored, _ = log_ticket(memory_db, Ticket(title="Skrivaren", created_at="2026-11-02T08:14:37", external_id="R-1"))
    path = tmp_path / "r.csv"
    path.write_text(f"id;created_at;title;status\nR-1;{written};Skrivaren;Löst\n", encoding="utf-8")
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.updated) == (0, 1)
    assert (_ticket(memory_db, "R-1").status, _ticket(memory_db, "R-1").created_at) == ("lost", stored.created_at)


def test_issue_m3_a_finer_creation_time_of_the_same_day_is_the_same_ticket_and_changes_nothing(memory_db, tmp_path):
    # before issue M3 a finer time replaced the stored one; a re-import never changes a creation time (README)
    log_ticket(memory_db, Ticket(title="Skrivaren", created_at="2026-11-02", external_id="R-1"))
    path = tmp_path / "r.csv"
    path.write_text("id;created_at;title\nR-1;2026-11-02 08:14;Skrivaren\n", encoding="utf-8")
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)
    assert _ticket(memory_db, "R-1").created_at == "2026-11-02"


def test_issue_the_new_number_is_its_row_id_on_a_local_desk(memory_db, tmp_path, backend):
    if backend != "sqlite":
        pytest.skip("PostgreSQL's row ids come from a sequence: the number is the next free one, not the row id")
    _shared_desk(memory_db)
    rows = [{"id": "X-1", "created_at": "2026-11-03", "title": "Ny från filen"}, _local_row(2), _local_row(3)]
    import_tickets(memory_db, write_jsonl(tmp_path / "local.jsonl", rows), find_incidents=False)
    for number in ("ELS-000005", "ELS-000006"):
        assert _ticket(memory_db, number).id == int(number[4:])


def test_issue_a_later_row_carrying_the_number_given_is_not_refused(memory_db, tmp_path):
    _shared_desk(memory_db)
    rows = [_local_row(3), _local_row(4, title="Remissen fastnar", created_at="2026-11-04T09:00:00")]
    for batch_size in (500, 1):  # in one batch, and in the next batch (the number then stored by this import)
        fresh = tmp_path / f"b{batch_size}.jsonl"
        report = import_tickets(memory_db, write_jsonl(fresh, rows), batch_size=batch_size, find_incidents=False)
        if batch_size == 500:
            assert (report.new, report.rejected) == (2, [])
            assert _ticket(memory_db, "ELS-000004").title == "Remissen fastnar"
            assert _ticket(memory_db, "ELS-000005").title == "Journalanteckningen går inte att signera"
        else:
            assert (report.new, report.unchanged, report.rejected) == (0, 2, [])
    assert TicketRepository(memory_db).count() == 5


@pytest.mark.parametrize("again_in_batches_of", [1, 500])
def test_issue_a_clashing_row_whose_number_a_later_batch_then_carries_becomes_a_third_ticket(memory_db, tmp_path,
                                                                                         again_in_batches_of):
    _shared_desk(memory_db)
    rows = [_local_row(3), _local_row(4, title="Remissen fastnar", created_at="2026-11-04T09:00:00")]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "l.jsonl", rows), batch_size=1, find_incidents=False)
    assert (report.new, report.rejected) == (2, [])
    assert _ticket(memory_db, "ELS-000004").title == "Journalanteckningen går inte att signera"
    assert _ticket(memory_db, "ELS-000005").title == "Remissen fastnar"
    again = import_tickets(memory_db, write_jsonl(tmp_path / "l.jsonl", rows), batch_size=again_in_batches_of,
                           find_incidents=False)
    assert (again.new, again.unchanged, again.rejected) == (0, 2, [])


@pytest.mark.parametrize("batch_size", [500, 1])
def test_issue_a_clashing_id_twice_in_one_file_is_refused_the_second_time(memory_db, tmp_path, batch_size):
    _shared_desk(memory_db)
    rows = [_local_row(3), _local_row(3, title="Annat", created_at="2026-11-05T11:00:00")]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "l.jsonl", rows), batch_size=batch_size,
                            find_incidents=False)
    assert report.new == 1
    assert report.rejected == [(2, "samma id som rad 1; raden importeras inte (ett id får bara finnas en gång i filen)")]


def test_issue_a_clashing_masked_id_is_remembered_masked(memory_db, tmp_path):
    first = [{"id": "19121212-1212", "created_at": "2026-11-02T08:00:00", "title": "Första"}]
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", first), find_incidents=False)
    other = write_jsonl(tmp_path / "b.jsonl", [{"id": "19121212-1212", "created_at": "2026-11-03T08:00:00",
                                                "title": "Andra"}])
    report = import_tickets(memory_db, other, find_incidents=False)
    assert report.new == 1 and all("19121212" not in warning for _line, warning in report.warnings)
    assert any("raden sparades som nytt ärende ELS-000002" in warning for _line, warning in report.warnings)
    keys = [row[0] for row in memory_db.query("SELECT key FROM settings")]
    assert [key for key in keys if key.startswith(ID_CLASH_SETTING_PREFIX)] and not any("19121212" in k for k in keys)
    again = import_tickets(memory_db, other, find_incidents=False)
    assert (again.new, again.unchanged) == (0, 1)


def test_issue_rows_without_an_id_are_not_checked_for_clashes(memory_db, tmp_path):
    rows = [{"created_at": "2026-11-02T08:00:00", "title": "Utan id", "unit": "Avd 1"}]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    import_tickets(memory_db, path, find_incidents=False)
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.unchanged, report.warnings) == (0, 1, [])


@pytest.mark.parametrize("stored, written, same", [
    ("2026-11-02T08:14:37", "2026-11-02T08:14:37", True),
    ("2026-11-02T08:14:37", "2026-11-02T08:14:00", True),   # to the minute
    ("2026-11-02T08:14:37", "2026-11-02T00:00:00", True),   # to the day
    ("2026-11-02T00:00:00", "2026-11-02T08:14:00", True),   # a date-only ticket, its time given later
    ("2026-11-02T08:14:37", "2026-11-02T08:14:38", False),
    ("2026-11-02T08:14:37", "2026-11-02T08:15:00", False),
    ("2026-11-02T08:14:37", "2026-11-03T00:00:00", False),
    ("", "2026-11-02T08:14:00", True),                       # nothing to compare: the id decides, as before
    ("inte ett datum", "2026-11-02T08:14:00", True),
])
def test_same_creation_compares_at_the_coarser_detail(stored, written, same):
    assert same_creation(stored, written) is same


def test_creation_detail():
    assert [creation_detail(value) for value in ("2026-11-02T00:00:00", "2026-11-02T08:14:00", "2026-11-02T08:14:37",
                                                 "2026-11-02", None, "x")] == [0, 1, 2, 0, -1, -1]


@pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                    reason="PostgreSQL not wanted in this run")
def test_issue_an_els_stod_login_on_the_server_may_store_and_find_a_clashing_row(pg_server, new_pg_database, tmp_path):
    url = new_pg_database()
    pg_server.create_login("stod_klas", "hemligt-1", "elsdesk_stod")
    with open_database(url) as owner:
        _shared_desk(owner)
    path = write_jsonl(tmp_path / "local.jsonl", [_local_row()])
    with open_database(url.replace("postgres@", "stod_klas:hemligt-1@")) as database:
        first = import_tickets(database, path, find_incidents=False)
        again = import_tickets(database, path, find_incidents=False)
        assert (first.new, again.new, again.unchanged) == (1, 0, 1)
        assert _ticket(database, "ELS-000003").title == SHARED_TITLES[2]
        became = [ticket for ticket in TicketRepository(database).iter_tickets() if ticket.title.startswith("Journal")]
        assert len(became) == 1 and became[0].external_id != "ELS-000003"


@pytest.mark.parametrize("moved", ["2026-11-03T09:22:37", "2026-11-03T10:40:00", "2026-11-03T23:22:37"])
def test_the_same_report_with_its_time_moved_within_a_day_is_the_same_ticket(memory_db, tmp_path, moved):
    """A contract tester's export wrote every time an hour back (UTC without its zone), and a corrected time: the
    re-import made ten new tickets under numbers the service desk never gave, instead of updating them."""
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", [_local_row()]), find_incidents=False)
    report = import_tickets(memory_db, write_jsonl(tmp_path / "b.jsonl", [_local_row(created_at=moved)]),
                            find_incidents=False)
    assert (report.new, report.rejected, report.warnings) == (0, [], [])
    assert len(list(TicketRepository(memory_db).iter_tickets())) == 1


def test_the_same_text_on_another_day_under_a_stored_number_is_still_another_ticket(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", [_local_row()]), find_incidents=False)
    report = import_tickets(memory_db, write_jsonl(tmp_path / "b.jsonl", [_local_row(created_at="2026-11-05T10:22:37")]),
                            find_incidents=False)
    assert report.new == 1 and "finns redan för ett annat ärende" in report.warnings[0][1]
    assert len(list(TicketRepository(memory_db).iter_tickets())) == 2
