"""Real export files a tester imported (issue: Älvdala's ticket-system exports): a JSON document whose tickets
sit in an object, nested fields, a PDF or an image renamed .csv, a workbook saved as .csv, and dates written
with slashes. Fake data only."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc

import pytest

from conftest import sample_rows, write_jsonl, write_workbook
from elsdesk import file_text
from elsdesk.cli import main
from elsdesk.domain import BadInputError
from elsdesk.importer import ticket_fields
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository
from elsdesk.ticket_files import read_rows

PDF_HEAD = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"x" * 400
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00"


def _nested_ticket(number: int) -> dict:
    """A ticket as a ticket system's API writes it: nested objects, a list of tags, an id of its requester."""
    return {
        "ticketId": f"INC{40000 + number}",
        "created": f"2026-11-{9 + number % 5:02d}T06:05:00Z",
        "fields": {"summary": f"SITHS-kortet hittas inte {number}",
                   "description": "Kortläsaren hittar inte kortet. Pnr 19121212-1212 i journalen.",
                   "category": {"name": "SITHS"}, "tags": ["kortläsare", "inloggning"]},
        "requester": {"id": 7, "name": "Testsson", "department": "Avd 7 Geriatrik", "role": "Sjuksköterska"},
        "state": {"name": "Closed"},
        "comments": [{"body": "Kortet byttes"}],
    }


def _tickets(count: int = 3) -> list[dict]:
    return [_nested_ticket(number) for number in range(1, count + 1)]


# -- a JSON document: its tickets in an object's list, parsed whole -------------------------------------------------
@pytest.mark.parametrize("key", ["tickets", "issues", "items", "data", "records", "results", "value"])
@pytest.mark.parametrize("indent", [2, None], ids=["pretty", "compact"])
def test_a_json_object_holding_its_tickets_in_one_list_is_read_whole(memory_db, tmp_path, key, indent):
    """The tester's ticketsystem_export.json: {"count": 42, "tickets": [...]} over many lines gave 719
    rejected lines with English parser text."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"count": 3, key: _tickets()}, indent=indent, ensure_ascii=False), encoding="utf-8")
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (3, [])
    ticket = TicketRepository(memory_db).get_by_external_id("INC40002")
    assert ticket.title == "SITHS-kortet hittas inte 2" and ticket.unit == "Avd 7 Geriatrik"


def test_tickets_one_level_further_in_are_found(memory_db, tmp_path):
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"result": {"total": 3, "records": _tickets()}}), encoding="utf-8")
    assert import_tickets(memory_db, path, find_incidents=False).new == 3


def test_an_object_without_a_list_of_tickets_gives_one_swedish_message_naming_its_keys(memory_db, tmp_path):
    path = tmp_path / "summary.json"
    path.write_text(json.dumps({"count": 42, "exported": "2026-11-30", "by": {"name": "Testsson"}}, indent=2),
                    encoding="utf-8")
    with pytest.raises(BadInputError) as error:
        import_tickets(memory_db, path)
    message = str(error.value)
    assert "ingen lista med ärenden" in message and all(f"'{key}'" in message for key in ("count", "exported", "by"))
    assert "Expecting" not in message


def test_an_object_with_several_lists_of_objects_names_them_and_reads_none(memory_db, tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps({"tickets": _tickets(), "users": [{"name": "Testsson"}]}, indent=2), encoding="utf-8")
    with pytest.raises(BadInputError) as error:
        import_tickets(memory_db, path)
    assert "flera listor" in str(error.value) and "'tickets'" in str(error.value) and "'users'" in str(error.value)
    assert TicketRepository(memory_db).count() == 0


def test_a_json_file_of_one_ticket_object_on_one_line_is_still_one_ticket(memory_db, tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "E-1", "created_at": "2026-11-03T08:00", "title": "Skrivaren", "tags": []}),
                    encoding="utf-8")
    assert import_tickets(memory_db, path, find_incidents=False).new == 1


def test_a_json_file_written_as_json_lines_is_still_read_line_by_line(memory_db, tmp_path):
    rows = [json.dumps(row, ensure_ascii=False) for row in sample_rows(4)]
    rows.insert(2, '{"id": "X", "title": "trasig')
    report = import_tickets(memory_db, write_jsonl(tmp_path / "lines.json", rows), find_incidents=False)
    assert report.new == 4 and [line for line, _reason in report.rejected] == [3]


def _peak_bytes(path) -> int:
    tracemalloc.start()
    try:
        assert sum(1 for row in read_rows(path) if row.fields) > 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_issue_14_a_large_json_lines_file_named_json_is_still_streamed(tmp_path, monkeypatch):
    """Telling JSON Lines from one document reads two lines, never the file."""
    monkeypatch.setattr(file_text, "BLOCK_BYTES", 1 << 16)
    rows = [{**row, "id": f"S-{i:06d}"} for i, row in enumerate(sample_rows(40_000))]
    small, large = write_jsonl(tmp_path / "small.json", rows[:5_000]), write_jsonl(tmp_path / "large.json", rows)
    small_peak, large_peak = _peak_bytes(small), _peak_bytes(large)
    assert large_peak < small_peak + 200_000 and large_peak < large.stat().st_size / 4


def test_a_pretty_printed_object_piped_to_import_dash_is_read_whole(capsys, tmp_path, monkeypatch):
    data = json.dumps({"count": 3, "tickets": _tickets()}, indent=2).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    desk = str(tmp_path / "desk.db")
    assert main(["--db", desk, "import", "-", "--no-classify", "--no-incidents"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("nya: 3,")


# -- nested fields: dotted names read by their last part ------------------------------------------------------------
def test_nested_fields_are_read_by_the_last_part_of_their_dotted_name(memory_db, tmp_path):
    """The tester's ticketsystem_list.json: "fields.summary", "requester.department" were never read."""
    path = tmp_path / "list.json"
    path.write_text(json.dumps(_tickets(), indent=2, ensure_ascii=False), encoding="utf-8")
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (3, [])
    ticket = TicketRepository(memory_db).get_by_external_id("INC40001")
    assert ticket.title == "SITHS-kortet hittas inte 1"
    assert ticket.description.startswith("Kortläsaren hittar inte kortet") and "19121212" not in ticket.description
    assert (ticket.unit, ticket.reporter_role, ticket.status) == ("Avd 7 Geriatrik", "ssk", "lost")
    assert ticket.created_at == "2026-11-10T07:05:00"  # UTC in the file, the region's time stored
    assert ticket.module == "inloggning_siths"  # fields.category.name read as the category column
    unread = " ".join(warning for _line, warning in report.warnings)
    assert "'requester.name'" in unread and "'comments'" in unread


def test_a_dotted_name_never_names_the_tickets_id_or_another_fields_detail():
    fields = ticket_fields({"requester.id": 7, "resolution.details": "Kortet byttes", "fields.summary": "Kortet",
                            "requester.department": "IVA", "state.name": "Closed", "ticketId": "INC1"})
    assert fields == {"external_id": "INC1", "title": "Kortet", "unit": "IVA", "status": "Closed"}


def test_a_plain_name_wins_over_a_nested_one():
    fields = ticket_fields({"fields.description": "nästlad", "description": "egen"})
    assert fields["description"] == "egen"


def test_a_list_of_plain_values_is_joined_as_text(tmp_path):
    path = tmp_path / "tags.json"
    path.write_text(json.dumps([{"title": "Skrivaren", "tags": ["utskrift", "etikett"], "notes": [{"a": 1}]}]),
                    encoding="utf-8")
    row = next(read_rows(path))
    assert row.fields["tags"] == "utskrift, etikett" and row.fields["notes"] is None


# -- a wrong file type renamed: told from its first bytes -----------------------------------------------------------
@pytest.mark.parametrize("head, what", [(PDF_HEAD, "en PDF"), (PNG_HEAD, "en bild (PNG)"),
                                        (JPEG_HEAD, "en bild (JPEG)"),
                                        (bytes(range(256)) * 8, "ingen textfil")],
                         ids=["pdf", "png", "jpeg", "binary"])
def test_a_file_that_is_no_text_named_csv_gives_one_message_saying_what_it_is(memory_db, tmp_path, head, what):
    path = tmp_path / "agenda.csv"
    path.write_bytes(head)
    with pytest.raises(BadInputError) as error:
        import_tickets(memory_db, path)
    assert f"filen är {what}" in str(error.value) and "inte en CSV-fil" in str(error.value)


def test_a_pdf_renamed_csv_is_exit_1_and_makes_no_desk(tmp_path, capsys):
    path = tmp_path / "agenda.csv"
    path.write_bytes(PDF_HEAD)
    desk = tmp_path / "desk.db"
    assert main(["--db", str(desk), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "filen är en PDF, inte en CSV-fil; spara ärendena som CSV eller Excel och importera igen" in err
    assert err.count("\n") == 1 and not desk.exists()


@pytest.mark.parametrize("name, content", [("rubriker.csv", "Rubrik;Beskrivning;Datum\r\n"),
                                           ("rader.jsonl", "\n\n"), ("rubriker.xlsx", None)])
def test_a_file_of_only_its_column_names_is_exit_1_and_makes_no_desk(tmp_path, capsys, name, content):
    """A new region's IT person's finding (issue 14): a file with the header row only was refused, but the new desk
    file named with --db had been made first, so the next import went into an empty desk they never meant."""
    path = tmp_path / name
    if content is None:
        write_workbook(path, [["Rubrik", "Beskrivning", "Skapad"]])
    else:
        path.write_text(content, encoding="utf-8")
    desk = tmp_path / "desk.db"
    assert main(["--db", str(desk), "import", str(path)]) == 1
    assert "filen innehåller inga ärenden" in capsys.readouterr().err
    assert not desk.exists()


def test_a_pdf_renamed_xlsx_gets_a_swedish_message_without_the_zip_readers_english(memory_db, tmp_path):
    path = tmp_path / "agenda.xlsx"
    path.write_bytes(PDF_HEAD)
    with pytest.raises(BadInputError) as error:
        import_tickets(memory_db, path)
    assert "filen är en PDF, inte en Excel-fil (.xlsx)" in str(error.value)
    assert "zip" not in str(error.value)


def test_a_workbook_saved_as_csv_is_read_as_the_workbook_it_is(memory_db, tmp_path):
    workbook = write_workbook(tmp_path / "export.xlsx", [["Rubrik", "Beskrivning", "Skapad"],
                                                         ["Skrivaren", "skriver inte", "2026-11-03 08:00"]])
    path = tmp_path / "export.csv"
    workbook.rename(path)
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (1, [])
    assert any("Excel-fil (.xlsx) fast den heter .csv" in warning for _line, warning in report.warnings)


def test_a_workbook_named_xls_is_read_and_an_old_xls_says_to_save_it_as_xlsx(memory_db, tmp_path, capsys):
    """A new user's finding: ticket tools still export ".xls"; a workbook so named was refused as an unknown format
    (named .csv it was read), and the message offered only .jsonl, .csv or .xlsx."""
    workbook = write_workbook(tmp_path / "export.xlsx", [["Rubrik", "Beskrivning", "Skapad"],
                                                         ["Skrivaren", "skriver inte", "2026-11-03 08:00"]])
    path = tmp_path / "export.xls"
    workbook.rename(path)
    assert import_tickets(memory_db, path, find_incidents=False).new == 1
    old = tmp_path / "gammal.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # the old binary workbook's first bytes
    # bad input, said before any desk is made, without the command's usage lines: the command was typed right
    assert main(["--db", str(tmp_path / "desk.db"), "import", str(old)]) == 1
    err = capsys.readouterr().err
    assert "det gamla Excel-formatet (.xls) kan inte läsas" in err and "spara den som Excel-arbetsbok (.xlsx)" in err
    assert "användning:" not in err and err.startswith("elsdesk: ")
    assert not (tmp_path / "desk.db").exists()
    with pytest.raises(BadInputError, match=r"okänt filformat '\.docx'; filer som läses: \.jsonl, .* eller \.xlsx"):
        (tmp_path / "a.docx").write_text("x")
        import_tickets(memory_db, tmp_path / "a.docx", find_incidents=False)


def test_a_csv_with_a_stray_nul_byte_is_still_text(memory_db, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"Rubrik;Beskrivning;Skapad\r\nSkriv\x00aren;skriver inte;2026-11-03 08:00\r\n")
    assert import_tickets(memory_db, path, find_incidents=False).new == 1


# -- dates with slashes ---------------------------------------------------------------------------------------------
def _csv_with_dates(tmp_path, *dates: str):
    lines = ["Rubrik;Beskrivning;Registrerad"] + [f"Skrivaren {i};skriver inte;{day}" for i, day in enumerate(dates)]
    path = tmp_path / "dates.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_a_slashed_date_whose_first_number_is_no_month_is_day_first(memory_db, tmp_path):
    """The tester's alvdala_sjukhus.csv: 17/11/2026 was refused though 17 cannot be a month."""
    report = import_tickets(memory_db, _csv_with_dates(tmp_path, "17/11/2026", "17/11/2026 08:15", "11/17/2026"),
                            find_incidents=False)
    assert (report.new, report.rejected) == (3, [])
    created = sorted(ticket.created_at for ticket in TicketRepository(memory_db).iter_tickets())
    assert created == ["2026-11-17T00:00:00", "2026-11-17T00:00:00", "2026-11-17T08:15:00"]


@pytest.mark.parametrize("day, reason", [
    ("31/02/2026", "dagen eller klockslaget finns inte (31 februari 2026)"),
    ("13/13/2026", "varken 13 eller 13 kan vara en månad"),
])
def test_a_slashed_date_still_refused_says_why_in_swedish(memory_db, tmp_path, day, reason):
    report = import_tickets(memory_db, _csv_with_dates(tmp_path, day), find_incidents=False)
    assert len(report.rejected) == 1 and reason in report.rejected[0][1]


def test_category_values_a_swedish_ticket_tool_uses_are_read_as_modules(tmp_path, memory_db):
    """A tester's export had "Drift" and "Specialist" in its category column: not known modules then."""
    from conftest import write_excel_csv
    from elsdesk.services.imports import import_tickets
    from elsdesk.storage import TicketRepository

    path = write_excel_csv(tmp_path / "kategorier.csv", [
        "Ärendenr;Registrerad;Rubrik;Kategori",
        "D-1;2026-11-03 08:14;Cosmic står still på hela sjukhuset;Drift",
        "D-2;2026-11-03 08:20;Tandvårdsmodulen saknar journalmall;Specialist",
        "D-3;2026-11-03 08:25;Kan inte signera given dos;Läkemedel",
    ])
    import_tickets(memory_db, path, find_incidents=False)
    repo = TicketRepository(memory_db)
    assert [repo.get_by_external_id(n).module for n in ("D-1", "D-2", "D-3")] == [
        "prestanda_driftstorning", "specialmoduler", "lakemedel"]


def test_dates_with_slashes_are_read_in_the_order_the_files_other_dates_show(tmp_path, memory_db):
    """The helper that taught the import "17/11/2026" left "5/11/2026" refused: a file sorted by date whose
    first twelve days of each month could be day or month first. The file's other dates tell."""
    from conftest import write_excel_csv
    from elsdesk.services.imports import import_tickets
    from elsdesk.storage import TicketRepository

    lines = ["Ärendenr;Registrerad;Rubrik"] + [f"S-{day};{day}/11/2026 08:{day:02d};Kan inte signera dos {day}"
                                               for day in range(1, 20)]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "dagar.csv", lines), find_incidents=False)
    assert report.rejected == [] and report.new == 19
    repo = TicketRepository(memory_db)
    assert repo.get_by_external_id("S-5").created_at.startswith("2026-11-05T08:05")
    us = ["Id;Created;Title"] + [f"U-{day};11/{day}/2026;Cannot sign dose {day}" for day in (3, 14)]
    import_tickets(memory_db, write_excel_csv(tmp_path / "us.csv", us), find_incidents=False)
    assert repo.get_by_external_id("U-3").created_at.startswith("2026-11-03")
    mixed = ["Ärendenr;Registrerad;Rubrik", "M-1;5/11/2026;Fem", "M-2;17/11/2026;Sjutton", "M-3;11/17/2026;Ett"]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "blandat.csv", mixed), find_incidents=False)
    assert [line for line, _reason in report.rejected] == [2], "a file that says both: each date for itself"


def test_a_slashed_date_after_rows_without_slashes_reads_the_files_order(tmp_path, memory_db):
    """A calendar tester's week-53 file: its first row said "31.12.2026 kl 13.33", later ones "29/12/2026" and
    "02/01/2027"; the last was refused as day or month first, as only the first rows were looked at."""
    from conftest import write_excel_csv

    lines = ["Ärendenr;Skapad;Rubrik", "K-1;31.12.2026 kl 13.33;Nyårsafton", "K-2;29/12/2026 09:00;Tidboken grå",
             "K-3;02/01/2027 08:00;Frikort efter nyår", "K-4;2026-12-30 10:00;Skrivaren"]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "v53.csv", lines), find_incidents=False)
    assert report.rejected == [] and report.new == 4
    assert TicketRepository(memory_db).get_by_external_id("K-3").created_at.startswith("2027-01-02T08:00")
    undecided = ["Ärendenr;Skapad;Rubrik", "L-1;2026-12-30 10:00;Skrivaren", "L-2;02/01/2027 08:00;Frikort"]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "oklart.csv", undecided), find_incidents=False)
    assert report.rejected == [], "no date in the file tells: read day first, as Swedish is written, and said"
    assert TicketRepository(memory_db).get_by_external_id("L-2").created_at.startswith("2027-01-02T08:00")
    assert any("lästes med dagen först" in warning for _line, warning in report.warnings)


def test_a_go_live_weeks_dates_that_never_show_their_order_are_read_day_first_and_said_once(tmp_path, memory_db):
    """A tester's go-live week, 9–12 November written 9/11/2026 …: three of four rows were refused, each as day or
    month first; a Swedish file is read day first (said once, with what to do if it is wrong), an American clock's
    month first, and a file that shows both orders still leaves each date to itself."""
    from conftest import write_excel_csv

    lines = ["Ärendenr;Skapad;Rubrik"] + [f"G-{day};{day}/11/2026 07:{day:02d};Inloggningen tar lång tid {day}"
                                          for day in (9, 10, 11, 12)]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "golive.csv", lines), find_incidents=False)
    repo = TicketRepository(memory_db)
    assert (report.new, report.rejected) == (4, [])
    assert [repo.get_by_external_id(f"G-{day}").created_at for day in (9, 12)] == [
        "2026-11-09T07:09:00", "2026-11-12T07:12:00"]
    [said] = [warning for _line, warning in report.warnings if "dagen först" in warning]
    assert "(9/11/2026 07:09 som 9 november)" in said and "ÅÅÅÅ-MM-DD" in said
    american = ["Id;Created;Title", "A-1;11/5/2026 9:14 AM;Cannot log in", "A-2;11/6/2026 4:57 PM;Printer down"]
    report = import_tickets(memory_db, write_excel_csv(tmp_path / "us.csv", american), find_incidents=False)
    assert report.rejected == [] and not any("dagen först" in warning for _line, warning in report.warnings)
    assert [repo.get_by_external_id(n).created_at for n in ("A-1", "A-2")] == [
        "2026-11-05T09:14:00", "2026-11-06T16:57:00"]


def test_a_bare_date_serial_in_a_1904_workbook_counts_from_1904(tmp_path, memory_db):
    """A calendar tester's Mac workbook (Excel's 1904 date system): a date cell was read right, a bare serial four
    years and a day early (2022-12-30 for 2026-12-31), with no warning. A number of another column stays as it was."""
    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.append(["Ärendenr", "Skapad", "Rubrik", "Enhet"])
    sheet.append(["MAC-2", 44925.586806, "Datum utan datumformat", 12345])
    path = tmp_path / "mac.xlsx"
    book.save(path)
    report = import_tickets(memory_db, path, find_incidents=False)
    assert report.rejected == []
    ticket = TicketRepository(memory_db).get_by_external_id("MAC-2")
    assert ticket.created_at.startswith("2026-12-31T14:05") and ticket.unit == "12345"
