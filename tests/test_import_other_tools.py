"""Files as other tools write them, imported as they come (a tester in a new region's IT, 2026-12-07).

A ServiceNow export lost every title ("Short description" was read as a second description) and was refused for
its "Opened" column; Jira's "19/Nov/26 9:14 AM" and a Microsoft Forms workbook imported nothing; a hand-kept log
with the date and the clock time in two columns stored every ticket at 00:00 (six units' morning reports became a
possible incident "00:00–00:00"), its "Nr" column was not read as the id (a corrected copy of the log doubled two
tickets), and its "Totalt" row ended every import with an error; an old tool's "Remisshantering" and "Vårdadm"
were unknown modules, and a go-live week written 9/11/2026 … was refused row by row.
"""

from __future__ import annotations

from datetime import datetime, time

from conftest import stored_ticket, write_excel_csv, write_workbook
from elsdesk.services.imports import import_tickets


def _warnings(report) -> list[str]:
    return [text for _line, text in report.warnings]


def test_a_service_desk_export_keeps_its_short_description_as_the_title(memory_db, tmp_path):
    path = write_excel_csv(tmp_path / "incidents.csv", [
        '"Number","Opened","Short description","Description","Location","Category","Subcategory","Resolution notes"',
        '"INC0077001","2026-11-24 06:52:40","Etikettskrivaren matar ut tomma etiketter","Ringer från '
        'akutmottagningen, skrivaren ""ZT410"" har bytt rulle,\nfortfarande tomt.","Akuten Sörby","Hardware",'
        '"Cosmic - Utskrift","Bytte drivrutin"',
        '"INC0077002","2026-11-24 07:15:03","Dosen syns inte i utdelningen","Given dos saknas i listan","Avd 4 Sörby",'
        '"Inquiry / Help","Cosmic - Läkemedel",""',
    ])
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (2, [])
    printer = stored_ticket(memory_db, "INC0077001")
    assert printer.title == "Etikettskrivaren matar ut tomma etiketter", "the short description is the title"
    assert printer.description.startswith("Ringer från akutmottagningen") and "ZT410" in printer.description
    assert (printer.created_at, printer.unit, printer.resolution) == ("2026-11-24T06:52:40", "Akuten Sörby",
                                                                      "Bytte drivrutin")
    assert (printer.module, stored_ticket(memory_db, "INC0077002").module) == ("utskrift_hardvara", "lakemedel")


def test_a_jira_export_reads_its_key_its_american_clock_and_its_issue_type(memory_db, tmp_path):
    path = write_excel_csv(tmp_path / "jira.csv", [
        "Summary,Issue key,Issue id,Issue Type,Status,Created,Component/s",
        "Vårdplanen går inte att skriva ut,GOLIVE-88,20088,Bug,Open,25/Nov/26 2:07 PM,Cosmic Vårdplan",
        "Hur flyttar man en bokad tid?,GOLIVE-89,20089,Question,Open,26/Nov/26 8:41 AM,Tidbok",
    ])
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (2, [])
    care_plan = stored_ticket(memory_db, "GOLIVE-88")
    assert (care_plan.created_at, care_plan.kind, care_plan.module) == (
        "2026-11-25T14:07:00", "fel", "omvardnad_matvarden")
    assert stored_ticket(memory_db, "GOLIVE-89").created_at == "2026-11-26T08:41:00"
    assert stored_ticket(memory_db, "20088") is None, "the key staff know, not the internal number"


def test_a_forms_workbook_reads_its_questions_and_leaves_the_respondents_address(memory_db, tmp_path):
    path = write_workbook(tmp_path / "formular.xlsx", [
        ["ID", "Starttid", "Tid för slutförande", "E-post", "Namn", "Vilken enhet jobbar du på?",
         "Vilken del av Cosmic gäller det?", "Beskriv problemet"],
        [3, datetime(2026, 11, 23, 9, 12), datetime(2026, 11, 23, 9, 15), "lena.testsson@example.se", "Lena Testsson",
         "Geriatriken plan 3", "Journal", "Mallen för utskrivningsanteckning saknar rubriken Hemsjukvård"],
    ])
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (1, [])
    ticket = stored_ticket(memory_db, "3")
    assert (ticket.created_at, ticket.unit, ticket.module) == ("2026-11-23T09:12:00", "Geriatriken plan 3",
                                                               "journal_dokumentation")
    assert ticket.description.startswith("Mallen för utskrivningsanteckning")
    assert "Lena" not in ticket.title + ticket.description and "example.se" not in ticket.description
    assert any("'E-post', 'Namn'" in text for text in _warnings(report)), "their columns are said to be unread"


def _log(path, rows):
    """A hand-kept Excel log: a title row, then Nr, Datum (a date cell), Tid (a time cell), Avdelning, Rubrik,
    Beskrivning, and a totals row with a formula under the table."""
    return write_workbook(path, [["Supportlogg Sörby sjukhus v48"], [],
                                 ["Nr", "Datum", "Tid", "Avdelning", "Rubrik", "Beskrivning"], *rows,
                                 ["Totalt", None, None, None, f"=COUNTA(E4:E{3 + len(rows)})"]])


MORNING = [
    [1, datetime(2026, 11, 25), time(7, 10), "Avd 12", "Cosmic hänger sig", "Timglaset snurrar vid inloggning"],
    [2, datetime(2026, 11, 25), time(7, 40), "Avd 14", "Cosmic seg", "Tar minuter att öppna journalen"],
    [3, datetime(2026, 11, 25), time(16, 5), "Dialysen", "Dialysprotokollet sparas inte", "Får fylla i igen"],
]


def test_a_log_with_the_date_and_the_time_in_two_columns_keeps_the_time_and_its_totals_row_is_no_error(memory_db,
                                                                                                     tmp_path):
    report = import_tickets(memory_db, _log(tmp_path / "logg.xlsx", MORNING), find_incidents=False)
    assert (report.new, report.rejected) == (3, [])
    assert [stored_ticket(memory_db, n).created_at for n in ("1", "2", "3")] == [
        "2026-11-25T07:10:00", "2026-11-25T07:40:00", "2026-11-25T16:05:00"]
    assert any("('Totalt" in text and "inget ärende" in text for text in _warnings(report))


def test_a_corrected_copy_of_a_numbered_log_updates_its_tickets(memory_db, tmp_path):
    import_tickets(memory_db, _log(tmp_path / "logg.xlsx", MORNING), find_incidents=False)
    corrected = [row[:] for row in MORNING]
    corrected[1][4] = "Cosmic segt på morgonen"  # a colleague fixed a title and added to a description
    corrected[2][5] = "Får fylla i igen, händer varje pass"
    report = import_tickets(memory_db, _log(tmp_path / "logg_rattad.xlsx", corrected), find_incidents=False)
    assert (report.new, report.updated, report.unchanged) == (0, 2, 1)
    assert stored_ticket(memory_db, "2").title == "Cosmic segt på morgonen"


def test_a_log_imported_before_its_time_and_number_columns_were_read_is_updated_not_doubled(memory_db, tmp_path):
    """A desk that imported the log with an earlier version holds its rows under automatic ids made of the day
    alone: the same rows with their numbers and clock times find them."""
    earlier = write_excel_csv(tmp_path / "utan_tid.csv", ["Datum;Avdelning;Rubrik;Beskrivning"] + [
        f"2026-11-25;{unit};{title};{text}" for _n, _day, _clock, unit, title, text in MORNING])
    assert import_tickets(memory_db, earlier, find_incidents=False).new == 3
    report = import_tickets(memory_db, _log(tmp_path / "logg.xlsx", MORNING), find_incidents=False)
    assert (report.new, report.rejected) == (0, [])


def test_an_old_tools_module_and_kind_names_are_read(memory_db, tmp_path):
    path = write_excel_csv(tmp_path / "gammalt.txt", [
        "ArendeID\tRegistrerad\tRubrik\tModul\tTyp",
        "G-1\t2026-11-02 10:00\tRemissen kom aldrig fram\tRemisshantering\tIncident",
        "G-2\t2026-11-02 10:05\tNEWS-poängen räknas fel\tMätvärden/NEWS\tFel",
        "G-3\t2026-11-02 10:10\tHur skriver jag in en patient?\tVårdadm\tUtbildning",
        "G-4\t2026-11-02 10:15\tSvar på prover syns inte\tLab/Röntgen\tInställning",
        "G-5\t2026-11-02 10:20\tLäkemedelslistan tom\tCosmic - Läkemedel\tFel",
    ])
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (5, [])
    assert not [text for text in _warnings(report) if "okänt värde" in text]
    assert [(stored_ticket(memory_db, f"G-{n}").module, stored_ticket(memory_db, f"G-{n}").kind) for n in range(1, 6)] == [
        ("remiss", "fel"), ("omvardnad_matvarden", "fel"), ("vardadmin_inskrivning", "handhavande"),
        ("bestallning_svar", "konfiguration"), ("lakemedel", "fel")]


def test_dates_as_swedish_people_and_other_tools_write_them(memory_db, tmp_path):
    path = write_excel_csv(tmp_path / "datum.csv", [
        "Ärendenr;Datum;Rubrik",
        "D-1;16/11/26 08:14;Två siffror i året",
        "D-2;17-11-2026 09:30;Bindestreck",
        "D-3;onsdag 18 november 2026 10:45;Veckodag först",
        "D-4;Thu, 19 Nov 2026 11:05;Engelsk veckodag",
    ])
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (4, [])
    assert [stored_ticket(memory_db, f"D-{n}").created_at for n in range(1, 5)] == [
        "2026-11-16T08:14:00", "2026-11-17T09:30:00", "2026-11-18T10:45:00", "2026-11-19T11:05:00"]


def test_a_web_page_saved_under_a_ticket_files_name_is_named_as_one(memory_db, tmp_path):
    """An old tool's "Excel export" that is an HTML table, saved again as .csv: it read as a file without tickets."""
    import pytest

    from elsdesk.domain import BadInputError

    path = tmp_path / "export.csv"
    path.write_text("\ufeff<!DOCTYPE html>\n<html><body><table><tr><th>Rubrik</th><th>Datum</th></tr>"
                    "<tr><td>Skrivaren</td><td>2026-11-02</td></tr></table></body></html>\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="webbsida"):
        import_tickets(memory_db, path)


def test_a_workbooks_cell_merged_over_rows_is_each_rows_value(memory_db, tmp_path, monkeypatch):
    """The tester's hand-kept log merged a unit's cell over its three reports of one afternoon: Excel shows the
    unit beside each, but the two lower tickets were stored without a unit. A cell merged across columns (a title
    over two) is no value of the next column, nor is a banner over the header row a ticket."""
    from openpyxl import Workbook

    from elsdesk import workbook_merges

    workbook = Workbook()
    sheet = workbook.active
    for row in [["Ärendelogg ELS Sörby"], ["Nr", "Datum", "Enhet", "Rubrik", "Beskrivning", "Modul"],
                [1, "2026-11-16 08:10", "Avd 21 Sörby", "Kan inte signera", "Knappen är grå", "Läkemedel"],
                [2, "2026-11-16 08:40", None, "Utdelningsvyn tom", "Inga tider visas", None],
                [3, "2026-11-16 09:05", None, "Etiketterna blanka", "Skrivaren matar tomt", "Utskrift"],
                [None] * 6,
                [4, "2026-11-16 10:00", "Akuten Sörby", "Lång titel över två kolumner", None, None]]:
        sheet.append(row)
    for cells in ("A1:F1", "C3:C5", "F3:F4", "D7:E7"):
        sheet.merge_cells(cells)
    path = tmp_path / "logg.xlsx"
    workbook.save(path)
    monkeypatch.setattr(workbook_merges, "_CHUNK", 200)  # the ranges read across chunk boundaries too
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (4, [])
    units = [stored_ticket(memory_db, number).unit for number in "1234"]
    assert units == ["Avd 21 Sörby", "Avd 21 Sörby", "Avd 21 Sörby", "Akuten Sörby"]
    assert [stored_ticket(memory_db, number).module for number in "123"] == ["lakemedel", "lakemedel",
                                                                            "utskrift_hardvara"]
    assert stored_ticket(memory_db, "4").description == ""


def test_merged_ranges_are_found_wherever_the_sheets_chunks_are_cut(tmp_path, monkeypatch):
    from openpyxl import Workbook, load_workbook

    from elsdesk import workbook_merges

    workbook = Workbook()
    sheet = workbook.active
    for number in range(1, 400):
        sheet.append([number, f"enhet {number // 3}", "x"])
    expected = set()
    for top in range(1, 398, 3):
        sheet.merge_cells(f"B{top}:B{top + 2}")
        expected.add((top, top + 2, 2))
    sheet.merge_cells("A1:C1")  # across columns only: not a range over rows
    path = tmp_path / "many.xlsx"
    workbook.save(path)
    for chunk in (129, 200, 333, 1 << 20):
        monkeypatch.setattr(workbook_merges, "_CHUNK", chunk)
        with open(path, "rb") as handle:
            book = load_workbook(handle, read_only=True)
            assert set(workbook_merges.merged_ranges(book.worksheets[0])) == expected, chunk
            book.close()


def test_a_json_documents_messages_name_the_line_each_ticket_starts_on(memory_db, tmp_path):
    """Jira's API export said 'rad 2' of its second issue, where line 2 is its "startAt"; a compact export on one
    line numbers its tickets by their place in the list, as before."""
    import json

    issues = [{"key": f"ELS-{number}", "fields": {"summary": "Kan ej signera", "created": "2026-11-19T09:14:00",
                                                  "issuetype": {"name": kind}}}
              for number, kind in ((501, "Bug"), (502, "Support"), (503, "Bug"))]
    issues[2]["fields"]["created"] = "igår"
    text = json.dumps({"startAt": 0, "total": 3, "issues": issues}, indent=2, ensure_ascii=False)
    starts = [number for number, line in enumerate(text.splitlines(), start=1) if line == "    {"]
    path = tmp_path / "jira.json"
    path.write_text(text, encoding="utf-8")
    report = import_tickets(memory_db, path, find_incidents=False)
    assert [line for line, _reason in report.rejected] == [starts[2]]
    assert any(line == starts[1] and "'Support'" in warning for line, warning in report.warnings)
    compact = tmp_path / "compact.json"
    compact.write_text(json.dumps(issues, ensure_ascii=False), encoding="utf-8")
    report = import_tickets(memory_db, compact, find_incidents=False)
    assert [line for line, _reason in report.rejected] == [3]


def test_jiras_story_and_new_feature_are_change_requests_and_a_task_stays_unread(memory_db, tmp_path):
    path = write_excel_csv(tmp_path / "jira.csv", [
        "Issue key,Summary,Issue Type,Created",
        "ELS-601,Önskar snabbval för vätskelista,Story,19/Nov/26 9:14 AM",
        "ELS-602,Ny kolumn i remissinkorgen,New Feature,19/Nov/26 9:20 AM",
        "ELS-603,Byt toner på avd 4,Task,19/Nov/26 9:30 AM",
    ])
    report = import_tickets(memory_db, path, find_incidents=False)
    assert (report.new, report.rejected) == (3, [])
    assert [stored_ticket(memory_db, key).kind for key in ("ELS-601", "ELS-602", "ELS-603")] == [
        "onskemal", "onskemal", None]
    assert any("'Task'" in warning for warning in _warnings(report))
