"""A file of ticket numbers and known problems links tickets the desk already has.

Issue: a training lead tagged a week's tickets in Excel and sent back two columns, the ticket number and the
known problem; the import rejected every row for having no title or description, so known tickets could not be
linked without sending their text again. A row without title, description and date now changes only the fields
it carries on the ticket its id names, and is refused, saying why, when the desk has no such ticket. A file
with text columns keeps the rules it had. All tickets and names are made up.
"""

from __future__ import annotations

import pytest

from conftest import stored_ticket, write_excel_csv, write_jsonl, write_workbook
from elsdesk.cli import main
from elsdesk.domain import HUMAN
from elsdesk.importer import NO_ID_TO_CHANGE, NO_TEXT
from elsdesk.services import imports
from elsdesk.services.imports import NOT_LINKED, import_tickets
from elsdesk.services.problems import known_problems, link_ticket, problem_names
from elsdesk.services.profile import ELS_SUPPORT
from elsdesk.storage import TicketRepository, open_database

DOSE = "Signera given dos i utdelningsvyn"
ANSWERS = "Hitta provsvar och remissvar"
NOT_IN_DESK = ("ärendet 'DEMO-99999' finns inte i desken; en rad utan rubrik, beskrivning och datum kan bara"
               " ändra ett ärende som redan finns")


def _tickets() -> list[dict]:
    return [
        {"id": "DEMO-00012", "created_at": "2025-04-29T08:14:00", "title": "Kan inte signera dos",
         "description": "Utdelningsvyn låter mig inte signera given dos.", "module": "lakemedel",
         "kind": "handhavande"},
        {"id": "DEMO-00017", "created_at": "2025-04-29T09:30:00", "title": "Provsvar syns inte",
         "description": "Svaren på morgonens prover syns inte.", "module": "bestallning_svar", "kind": "fel"},
        {"id": "DEMO-00020", "created_at": "2025-04-30T10:05:00", "title": "Skrivaren skriver inte ut",
         "description": "Etikettskrivaren på avd 12 är tyst.", "status": "ny"},
        {"id": "4711", "created_at": "2025-04-30T11:00:00", "title": "Ett ärende med bara siffror som nummer",
         "description": "Från det gamla systemet."},
    ]


@pytest.fixture
def desk(memory_db, tmp_path):
    """A desk with four tickets imported with their text, none linked to a known problem."""
    report = import_tickets(memory_db, write_jsonl(tmp_path / "week.jsonl", _tickets()), find_incidents=False)
    assert (report.new, report.rejected) == (4, [])
    return memory_db





def _problem_of(database, external_id):
    ticket = stored_ticket(database, external_id)
    return problem_names(database, [ticket.id]).get(ticket.id)


def _import(database, path):
    return import_tickets(database, path, find_incidents=False)


def test_a_csv_of_ticket_numbers_and_problems_links_the_tickets_and_changes_nothing_else(desk, tmp_path):
    before = {t["id"]: stored_ticket(desk, t["id"]) for t in _tickets()}
    report = _import(desk, write_excel_csv(tmp_path / "links.csv", ["id;problem", f"DEMO-00012;{DOSE}", f"DEMO-00017;{ANSWERS}"]))
    assert (report.new, report.updated, report.unchanged, report.linked, report.rejected) == (0, 2, 0, 2, [])
    assert (_problem_of(desk, "DEMO-00012"), _problem_of(desk, "DEMO-00017")) == (DOSE, ANSWERS)
    for external_id, ticket in before.items():  # text, date, labels and status as they were
        assert stored_ticket(desk, external_id) == ticket
    assert _problem_of(desk, "DEMO-00020") is None


def test_a_second_run_links_nothing_new_and_says_so(desk, tmp_path):
    path = write_excel_csv(tmp_path / "links.csv", ["id;problem", f"DEMO-00012;{DOSE}", f"DEMO-00017;{ANSWERS}"])
    _import(desk, path)
    again = _import(desk, path)
    assert (again.new, again.updated, again.unchanged, again.linked, again.rejected) == (0, 0, 2, 0, [])
    assert again.warnings == [(1, "inga nya kopplingar till kända problem: alla 2 ärenden som filen kopplar var"
                                  " redan kopplade till sina problem")]
    assert len(known_problems(desk)) == 2


def test_an_unknown_ticket_number_is_refused_saying_why_and_makes_nothing(desk, tmp_path):
    report = _import(desk, write_excel_csv(tmp_path / "links.csv", ["id;problem", f"DEMO-00012;{DOSE}", "DEMO-99999;Ny sak"]))
    assert (report.new, report.linked) == (0, 1)
    assert [(line, reason[:len(NOT_IN_DESK)]) for line, reason in report.rejected] == [(3, NOT_IN_DESK)]
    assert "ta med rubrik och datum" in report.rejected[0][1]  # how to make it a new ticket instead
    assert stored_ticket(desk, "DEMO-99999") is None
    assert [p.name for p in known_problems(desk)] == [DOSE]  # no problem made for the refused row


def test_a_ticket_number_typed_in_small_letters_finds_the_ticket(desk, tmp_path):
    """A hand-made links file wrote "demo-00012"; the import refused it though `list --search` found it."""
    report = _import(desk, write_excel_csv(tmp_path / "links.csv", ["id;problem", f"demo-00012;{DOSE}", f" Demo-00017 ;{ANSWERS}"]))
    assert (report.new, report.linked, report.rejected) == (0, 2, [])
    assert (_problem_of(desk, "DEMO-00012"), _problem_of(desk, "DEMO-00017")) == (DOSE, ANSWERS)
    assert stored_ticket(desk, "demo-00012") is None, "no second ticket under the typed number"


def test_a_row_without_a_ticket_number_is_refused(desk, tmp_path):
    report = _import(desk, write_excel_csv(tmp_path / "links.csv", ["id;problem", f";{DOSE}"]))
    assert report.rejected == [(2, NO_ID_TO_CHANGE)]


def test_a_workbook_with_swedish_headers_finds_ids_as_the_import_reads_them(desk, tmp_path):
    """Blanks around a number are trimmed, and a number Excel stores as a number is the ticket's id."""
    path = write_workbook(tmp_path / "links.xlsx", [["Ärendenummer", "Känt problem"],
                                               ["  DEMO-00012 ", DOSE], [4711, ANSWERS]])
    report = _import(desk, path)
    assert (report.linked, report.rejected) == (2, [])
    assert (_problem_of(desk, "DEMO-00012"), _problem_of(desk, "4711")) == (DOSE, ANSWERS)


def test_a_ticket_whose_number_holds_a_personnummer_is_found_by_it(memory_db, tmp_path):
    """Its id is stored masked with the desk's key; the links file names it as the first file did."""
    _import(memory_db, write_jsonl(tmp_path / "week.jsonl", [
        {"id": "19121212-1212", "created_at": "2025-04-29T08:14:00", "title": "Fel i listan"}]))
    report = _import(memory_db, write_excel_csv(tmp_path / "links.csv", ["id;problem", f"19121212-1212;{DOSE}"]))
    assert (report.new, report.linked, report.rejected) == (0, 1, [])
    assert len(TicketRepository(memory_db).query_ids()) == 1


def test_jsonl_rows_change_status_and_labels_with_their_history(desk, tmp_path):
    report = _import(desk, write_jsonl(tmp_path / "links.jsonl", [
        {"id": "DEMO-00020", "problem": "Etikettskrivaren är tyst", "status": "Löst",
         "modul": "Utskrift och hårdvara"},
        {"id": "DEMO-00012", "kind": "Fel"}]))
    assert (report.updated, report.linked, report.rejected) == (2, 1, [])
    printer, dose = stored_ticket(desk, "DEMO-00020"), stored_ticket(desk, "DEMO-00012")
    assert (printer.status, printer.module, printer.label_source) == ("lost", "utskrift_hardvara", HUMAN)
    assert (dose.module, dose.kind, dose.title) == ("lakemedel", "fel", "Kan inte signera dos")
    history = TicketRepository(desk).label_history(printer.id)
    assert [(c.field, c.old, c.new, c.source) for c in history if c.new == "utskrift_hardvara"] == [
        ("module", None, "utskrift_hardvara", "import")]


def test_an_empty_problem_cell_unlinks_nothing(desk, tmp_path):
    _import(desk, write_excel_csv(tmp_path / "links.csv", ["id;problem", f"DEMO-00012;{DOSE}"]))
    report = _import(desk, write_excel_csv(tmp_path / "empty.csv", ["id;problem", "DEMO-00012;", "DEMO-00017;  "]))
    assert (report.unchanged, report.linked, report.rejected) == (2, 0, [])
    assert (_problem_of(desk, "DEMO-00012"), _problem_of(desk, "DEMO-00017")) == (DOSE, None)


def test_a_problem_name_in_another_case_joins_the_problem(desk, tmp_path):
    link_ticket(desk, stored_ticket(desk, "DEMO-00012").id, DOSE, "anna")
    path = write_excel_csv(tmp_path / "links.csv", ["id;problem", "DEMO-00017;signera  GIVEN dos i Utdelningsvyn"])
    report = _import(desk, path)
    assert report.linked == 1
    assert [p.name for p in known_problems(desk)] == [DOSE]
    assert _problem_of(desk, "DEMO-00017") == DOSE


def test_a_personnummer_in_a_problem_name_is_masked(desk, tmp_path):
    path = write_excel_csv(tmp_path / "links.csv", ["id;problem", "DEMO-00012;Fel patient 19121212-1212 i listan"])
    report = _import(desk, path)
    assert (report.linked, report.masked) == (1, 1)
    name = _problem_of(desk, "DEMO-00012")
    assert "1212" not in name and name.startswith("Fel patient")


def test_an_els_support_login_links_nothing_and_is_told_so(desk, tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "role_of", lambda _database: ELS_SUPPORT)
    monkeypatch.setattr("elsdesk.services.permissions.roles_of", lambda _database: (ELS_SUPPORT,))
    report = _import(desk, write_excel_csv(tmp_path / "links.csv", ["id;problem", f"DEMO-00012;{DOSE}", f"DEMO-00017;{ANSWERS}"]))
    assert (report.linked, report.rejected) == (0, [])
    assert report.warnings == [(2, NOT_LINKED), (3, NOT_LINKED)]
    assert known_problems(desk) == [] and _problem_of(desk, "DEMO-00012") is None


def test_a_file_with_text_columns_keeps_its_rules(desk, tmp_path):
    """A row of a file with a title column needs text, and a new ticket needs a date, as before."""
    path = write_excel_csv(tmp_path / "with_text.csv", ["id;Rubrik;problem", f"DEMO-00012;;{DOSE}", f"DEMO-99999;Ny;{DOSE}"])
    report = _import(desk, path)
    assert report.rejected == [(2, NO_TEXT), (3, "datum saknas")]
    assert report.linked == 0 and known_problems(desk) == []


def test_a_file_of_ticket_numbers_with_a_date_column_is_told_what_would_work(desk, tmp_path):
    report = _import(desk, write_excel_csv(tmp_path / "dated.csv", ["id;Datum;problem", f"DEMO-00012;2025-04-29;{DOSE}"]))
    [(line, reason)] = report.rejected
    assert line == 2 and "ingen kolumn som elsdesk känner igen som rubrik" in reason
    assert reason.endswith("; en fil med ärendenummer men utan rubrik, beskrivning och datum ändrar ärenden"
                           " som redan finns")


def test_a_file_of_problems_without_an_id_column_is_told_its_columns_and_what_is_missing(desk, tmp_path):
    report = _import(desk, write_excel_csv(tmp_path / "no_id.csv", ["Ärende;problem", f"DEMO-00012;{DOSE}"]))
    [(line, reason)] = report.rejected
    assert line == 2 and "ingen kolumn som elsdesk känner igen som rubrik" in reason
    assert "'Ärende', 'problem'" in reason
    assert reason.endswith("behöver en kolumn med ärendenummer (id, ärendenummer)")
    assert known_problems(desk) == []


def test_the_command_line_says_what_the_links_file_did(db_path, tmp_path, capsys):
    with open_database(db_path) as database:
        _import(database, write_jsonl(tmp_path / "week.jsonl", _tickets()))
    path = write_excel_csv(tmp_path / "links.csv", ["id;problem", f"DEMO-00012;{DOSE}", f"DEMO-00017;{ANSWERS}",
                                         "DEMO-99999;Ny sak"])
    assert main(["--db", str(db_path), "import", str(path)]) == 1  # a refused row: exit 1, as any import
    out, err = capsys.readouterr()
    [summary] = out.splitlines()
    assert summary.startswith("nya: 0, uppdaterade: 2, oförändrade: 0, avvisade: 1, maskerade identifierare: 0")
    assert summary.endswith("kopplade till kända problem: 2, nya kända problem: 2")  # the file named them first
    assert f"{path}:4: avvisad: {NOT_IN_DESK}" in err
    known = write_excel_csv(tmp_path / "known.csv", ["id;problem", f"DEMO-00020;{DOSE}"])
    assert main(["--db", str(db_path), "import", str(known)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("kopplade till kända problem: 1")  # a problem the desk had
    again = write_excel_csv(tmp_path / "again.csv", ["id;problem", f"DEMO-00012;{DOSE}"])
    assert main(["--db", str(db_path), "import", str(again)]) == 0
    out, err = capsys.readouterr()
    assert "kopplade till kända problem" not in out
    assert "varning: inga nya kopplingar till kända problem: ärendet som filen kopplar var redan kopplat" in err


def test_a_row_that_moves_its_ticket_to_another_known_problem_says_so(memory_db, tmp_path):
    """An import moved a ticket from one known problem to another, and back, without a word (a CLI tester)."""

    row = {"id": "MV-1", "created_at": "2026-11-02 08:00", "title": "Provsvaret syns inte i inkorgen",
           "problem": "Provsvar saknas i inkorgen"}
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", [row]))
    moved = import_tickets(memory_db, write_jsonl(tmp_path / "b.jsonl", [{**row, "problem": "Vidimering av provsvar"}]))
    assert moved.warnings == [(1, "ärende MV-1 flyttades från det kända problemet 'Provsvar saknas i inkorgen' till"
                                  " 'Vidimering av provsvar'")]
    again = import_tickets(memory_db, write_jsonl(tmp_path / "b.jsonl", [{**row, "problem": "Vidimering av provsvar"}]))
    assert not any("flyttades" in text for _line, text in again.warnings), "the same link again moves nothing"
