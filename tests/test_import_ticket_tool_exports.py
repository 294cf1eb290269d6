"""Other ticket tools' exports, as an import tester wrote them (2026-12-07): TOPdesk's Swedish columns under a merged
group row, a mail desk's "Received" with mail dates, Cherwell's "Incident ID" and "Created Date Time" with numeric
priorities. Before, TOPdesk's 60 tickets were stored without text under automatic ids, and every row of the mail
desk's and Cherwell's files was refused for want of a date. Every text here is invented for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from conftest import stored_ticket, write_excel_csv, write_workbook
from elsdesk.domain import parse_written_datetime
from elsdesk.services.imports import import_tickets


def test_topdesk_columns_under_a_merged_group_row_are_read(memory_db, tmp_path):
    rows = [["TOPdesk – Anmälningar, vecka 47", None, None, None, None, None],
            [None, None, None, None, None, None],
            ["Anmälan", None, None, "Anmälare", None, "Hantering"],  # the merged group row above the header
            ["Anmälningsnummer", "Inkommen", "Kort beskrivning", "Anmälare", "Anmälan", "Status"],
            ["M2611001", "2026-11-16 09:26", "NEWS2 räknas inte ut", "Anna Testsson",
             "Syrgasen är ifylld men NEWS2-summan blir tom på avd 7.", "Afgemeld"],
            ["M2611002", "2026-11-17 07:16", "SITHS-kort låst", "Bo Exempel", "Kortet låst efter tre fel PIN.", "Registrerad"]]
    report = import_tickets(memory_db, write_workbook(tmp_path / "topdesk.xlsx", rows), find_incidents=False)
    assert report.new == 2 and not report.rejected
    ticket = stored_ticket(memory_db, "M2611001")
    assert ticket.title == "NEWS2 räknas inte ut" and ticket.description.startswith("Syrgasen är ifylld")
    assert ticket.created_at == "2026-11-16T09:26:00" and ticket.status == "lost"
    assert "Anna" not in ticket.description  # the caller's name column is not read


def test_a_mail_desks_received_dates_are_read(memory_db, tmp_path):
    lines = ["Subject;Received;Body",
             "Läkemedelslistan tom;Mon, 23 Nov 2026 11:22:00 +0100;Listan är tom för pat på avd 4.",
             "Remiss fastnar;Tue, 24 Nov 2026 08:05:09 +0100 (CET);Remissen står som utkast."]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "mail.csv", lines), find_incidents=False)
    assert report.new == 2 and not report.rejected
    assert parse_written_datetime("Mon, 23 Nov 2026 11:22:00 +0100") == datetime(2026, 11, 23, 11, 22)
    assert parse_written_datetime("Tue, 1 Dec 2026 07:05:09 GMT") == datetime(2026, 12, 1, 8, 5, 9)  # Swedish time


@pytest.mark.parametrize("written, priority", [("1", "akut"), ("2", "hog"), ("3", "normal"), ("4", "lag"),
                                               ("Highest", "akut"), ("Major", "normal"), ("Minor", "lag")])
def test_cherwell_ids_dates_and_numeric_priorities_are_read(memory_db, tmp_path, written, priority):
    rows = [["Incident ID", "Created Date Time", "Short Description", "Description", "Priority"],
            ["INC-1001", "2026-11-23 10:15", "Provsvar saknas", "Blodstatus syns inte i svarslistan.", written]]
    report = import_tickets(memory_db, write_workbook(tmp_path / "cherwell.xlsx", rows), find_incidents=False)
    assert report.new == 1 and not report.rejected and not report.warnings
    ticket = stored_ticket(memory_db, "INC-1001")
    assert ticket.created_at == "2026-11-23T10:15:00" and ticket.priority == priority


@pytest.mark.parametrize("content", [
    '[{"key": "COS-1", "fields": {"summary": "Webcert öppnas ej", "created": "2026-11-23T08:00:00.000+0100"}}]',
    '{"id": "COS-1", "title": "Webcert öppnas ej", "created_at": "2026-11-23 08:00"}\n'
    '{"id": "COS-2", "title": "NEWS2 tom", "created_at": "2026-11-23 09:00"}\n'])
def test_json_saved_as_text_is_read_as_json(memory_db, tmp_path, content):
    """A Jira export named .txt was read as CSV: 727 lines refused as rows of two fields, and no word of JSON."""
    path = tmp_path / "export.txt"
    path.write_text(content, encoding="utf-8")
    report = import_tickets(memory_db, path, find_incidents=False)
    assert report.new >= 1 and not report.rejected
    assert stored_ticket(memory_db, "COS-1").title == "Webcert öppnas ej"


def test_a_csv_whose_first_cell_starts_with_a_bracket_is_still_csv(memory_db, tmp_path):
    lines = ["[Rubrik];Beskrivning;Datum", "Webcert öppnas ej;Knappen gör inget.;2026-11-23 08:00"]
    path = write_excel_csv(tmp_path / "export.csv", lines)
    from elsdesk.ticket_files import read_as

    assert read_as(path) == ".csv"


def test_the_same_file_again_with_its_text_column_renamed_fills_in_the_text_and_adds_no_ticket(memory_db, tmp_path):
    """The import's warning said to rename an unread text column to Beskrivning and import again; a tester did, into
    the same desk, and got every ticket twice (the automatic id of a row is made of its text too)."""
    rows = ["Rubrik;{};Inkommen", "Webcert öppnas ej;Knappen gör inget i dag.;2026-11-23 08:00",
            "NEWS2 tom;Summan saknas på avd 7.;2026-11-23 09:00"]
    first = import_tickets(memory_db, write_excel_csv(tmp_path / "a.csv", [rows[0].format("Problemtext"), *rows[1:]]),
                           find_incidents=False)
    assert first.new == 2 and any("Problemtext" in warning for _line, warning in first.warnings)
    again = import_tickets(memory_db, write_excel_csv(tmp_path / "b.csv", [rows[0].format("Beskrivning"), *rows[1:]]),
                           find_incidents=False)
    assert (again.new, again.updated) == (0, 2)
    from elsdesk.storage import TicketRepository

    stored = {t.title: t.description for t in TicketRepository(memory_db).iter_tickets()}
    assert stored == {"Webcert öppnas ej": "Knappen gör inget i dag.", "NEWS2 tom": "Summan saknas på avd 7."}


def test_jira_wiki_markup_is_not_stored_but_its_words_are(memory_db, tmp_path):
    """A Jira export's "{code}", "*bold*" and "||Fält||Värde||" table header reached a week's topic words ("fält
    värde", "kod") and the agenda's quotes."""
    from conftest import write_jsonl

    description = ("Remissen står kvar som *utkast*.\n{code}\nFEL 4711 utkast\n{code}\n||Fält||Värde||\n"
                   "|Mottagare|Ortopeden|\nSe [rutinen|https://intranet.example/remiss].")
    rows = [{"id": "COS-7", "created_at": "2026-11-23 08:00", "title": "h3. Remiss fastnar", "description": description}]
    import_tickets(memory_db, write_jsonl(tmp_path / "jira.jsonl", rows), find_incidents=False)
    ticket = stored_ticket(memory_db, "COS-7")
    assert ticket.title == "Remiss fastnar"
    assert ticket.description == "Remissen står kvar som utkast.\n\nFEL 4711 utkast\n\nMottagare Ortopeden\nSe rutinen."


def test_a_jira_custom_field_of_a_known_name_is_read_by_that_name(memory_db, tmp_path):
    """Jira writes a field a site added as "Custom field (Enhet)": no ticket of an import tester's Jira export got its
    unit. A custom field never names the ticket's key."""
    lines = ["Issue key,Summary,Created,Custom field (Enhet),Custom field (Id)",
             "COS-9,Webcert öppnas ej,2026-11-23 08:00,Avd 7 medicin,4711"]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "jira.csv", lines), find_incidents=False)
    assert report.new == 1
    assert stored_ticket(memory_db, "COS-9").unit == "Avd 7 medicin"
