"""A region's real export files, as an exploratory tester imported them (issue: region exports, items 1-7).

1. A title and blank rows above the header row (XLSX and CSV) no longer reject the whole file.
2. A "Kategori" column is read as the module, or as the kind, whichever its values are.
3. Excel date serials ("46342.427778") in a date column are dates.
4. A ticket dated in the future is imported with a warning (is the year right?) and does not move the incident
   scan's window; a file of weeks dated ahead (an exercise region) still imports whole.
5. An unclosed quote: every row it swallowed is counted and named.
6. A kind the model guessed beside a person's module is not called a super-user's confirmed kind.
7. Messages name fields in Swedish and the header row "rubrikraden".

"Today" is frozen at 2026-12-04 in the region. All data is made up.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from elsdesk import region_time
from elsdesk.domain import HUMAN
from elsdesk.importer import CategoryColumn, RememberedLabels, excel_serial, header_names_a_column, read_rows
from elsdesk.ml.model import Prediction
from elsdesk.services import imports
from elsdesk.services.classification import apply_predictions
from elsdesk.services.imports import KEPT_CONFIRMED, KEPT_CONFIRMED_MODULE, import_tickets
from elsdesk.services.profile import ELS_SUPPORT
from elsdesk.taxonomy import load_taxonomy

from conftest import stored_ticket, write_excel_csv, write_workbook

HEADER = ["Ärendenummer", "Skapad", "Rubrik", "Beskrivning", "Kategori", "Status", "Enhet"]


@pytest.fixture(autouse=True)
def region_today_is_4_december(monkeypatch):
    """The region's clock at 2026-12-04 09:00, whatever the machine's date."""
    monkeypatch.setattr(region_time, "region_now", lambda: datetime(2026, 12, 4, 9, 0))





def _csv(path, lines: list[str], encoding: str = "cp1252"):
    """A file as a Swedish Excel saves "CSV (semikolonavgränsad)": Windows line ends, Windows-1252."""
    return write_excel_csv(path, lines, encoding)


def _warnings_with(report, text: str) -> list[tuple[int, str]]:
    return [(line, warning) for line, warning in report.warnings if text in warning]


# -- 1. a title above the header ------------------------------------------------------------------------
def test_xlsx_with_a_title_and_a_blank_row_above_the_header(memory_db, tmp_path):
    path = write_workbook(tmp_path / "export.xlsx", [
        ["Ärendeexport Region Testby – ELS vecka 45–48, uttaget 2026-12-01"], [], HEADER,
        ["T-1", "2026-11-03 08:14", "Kan ej signera", "Knappen är grå", "Läkemedel", "Ny", "Avd 5"],
        ["T-2", None, "Utan datum", "x", "Journal", "Ny", "Avd 5"],
    ])
    report = import_tickets(memory_db, path)
    assert (report.new, report.rejected) == (1, [(5, "datum saknas")])  # row 5 as the spreadsheet shows it
    assert stored_ticket(memory_db, "T-1").module == "lakemedel"
    assert _warnings_with(report, "kolumnernas namn står på rad 3") == [
        (1, "kolumnernas namn står på rad 3; rad 1–2 ovanför den är ingen rubrikrad (en titel eller tomma rader)"
            " och lästes inte")]


def test_a_count_row_below_the_table_is_no_ticket_and_no_error(memory_db, tmp_path):
    """Tester (Region Ådalen): every weekly export ended "Antal ärenden: 60" under the table; the row was read
    as the id of a ticket to change, refused, and the import exited 1 telling people to correct the number."""
    path = write_workbook(tmp_path / "export.xlsx", [
        ["Ärendelista Cosmic ELS"], ["Utskriven 2027-03-26"], [], HEADER,
        [27686, "2026-11-03 08:14", "Kan ej signera", "Knappen är grå", "Läkemedel", "Ny", "Avd 5"],
        [27687, "2026-11-03 09:14", "Totalt stopp i Cosmic", "Inget går", "Prestanda", "Ny", "Avd 5"],
        [None, None, None, None, None, None, None], ["Antal ärenden: 2"],
    ])
    report = import_tickets(memory_db, path)
    assert (report.new, report.rejected) == (2, [])
    assert _warnings_with(report, "Antal ärenden") == [
        (8, "rad 8 ('Antal ärenden: 2') räknar tabellens rader och är inget ärende; den lästes inte in")]
    assert import_tickets(memory_db, path).rejected == []  # and again: nothing new, nothing refused

    from elsdesk.services.classification import read_labelled_or_plain

    assert [row["id"] for row in read_labelled_or_plain(path)] == ["27686", "27687"]  # as `list --json` says them


@pytest.mark.parametrize("text", ["Antal ärenden: 60", "Totalt: 71", "Summa 71 st", "71 ärenden", "Total tickets: 1 071",
                                  "Antal: 3."])
def test_count_rows_are_told_from_one_cell_tickets(text):
    from elsdesk.ticket_files import count_row

    assert count_row(12, [None, text, ""]) is not None
    assert count_row(12, ["T-9", text]) is None  # a second filled cell: a ticket
    for title in ("Totalt stopp i Cosmic", "Antal doser fel", "Summa fel i kassan 300 kr", "3 patienter saknas"):
        assert count_row(12, [title]) is None


def test_csv_with_title_rows_above_the_header_keeps_the_files_line_numbers(memory_db, tmp_path):
    path = _csv(tmp_path / "export.csv", [
        "Ärendeexport Region Testby;;;;;;", ";;;;;;", ";".join(HEADER),
        "C-1;2026-11-03 08:14;Kan ej signera;Knappen är grå;Läkemedel;Ny;Avd 5",
        "C-2;2026-11-31 08:14;Fel dag;x;Journal;Ny;Avd 5",
        "C-3;2026-11-03 09:00;Okänd kolumn;x;Journal;Ny;Avd 5;extra",
    ])
    report = import_tickets(memory_db, path)
    assert report.new == 1
    assert [line for line, _reason in report.rejected] == [5, 6]
    assert report.rejected[1][1] == "raden har 8 fält men rubrikraden 7 (ett semikolon i en text utan citattecken runt texten?)"


def test_title_rows_and_a_column_named_twice_are_two_warnings_not_one_run_on_sentence(memory_db, tmp_path):
    """A README auditor read "… ovanför den är ingen rubrikrad … och lästes inte kolumnen 'Rubrik' finns mer än en gång …"."""
    path = _csv(tmp_path / "export.csv", ["Export", "", "Rubrik;Datum;Rubrik", "A;2026-11-03;B"])
    report = import_tickets(memory_db, path)
    assert report.new == 1
    about_the_file = [text for line, text in report.warnings if line == 1]
    assert len(about_the_file) == 2
    assert about_the_file[0].endswith("och lästes inte") and about_the_file[1].startswith("kolumnen 'Rubrik' finns mer än en gång")


def test_csv_title_rows_move_the_unread_column_warning_to_the_header(memory_db, tmp_path):
    path = _csv(tmp_path / "export.csv", ["Export", "", "Rubrik;Datum;Handläggare", "A;2026-11-03;Testsson"])
    report = import_tickets(memory_db, path)
    assert report.new == 1
    assert [line for line, text in report.warnings if "'Handläggare'" in text] == [3]


def test_a_first_row_that_names_a_column_stays_the_header(memory_db, tmp_path):
    """A file with no text column is told so as before, even when a ticket row below holds the word "Rubrik"."""
    path = _csv(tmp_path / "ids.csv", ["id;Datum;Status", "X-1;2026-11-03;Rubrik", "X-2;2026-11-03;Ny"])
    report = import_tickets(memory_db, path)
    assert [line for line, _reason in report.rejected] == [2, 3]
    assert all("ingen kolumn som elsdesk känner igen som rubrik" in reason for _line, reason in report.rejected)


def test_no_header_in_the_first_ten_rows_reads_the_first_row_as_the_header(memory_db, tmp_path):
    lines = ["Rapport"] + [f"rad {n}" for n in range(2, 12)] + ["Rubrik;Datum", "A;2026-11-03"]
    report = import_tickets(memory_db, _csv(tmp_path / "far.csv", lines))
    assert report.new == 0 and report.rejected[0][0] == 2  # as before: row 1 is read as the header
    assert "står rubrikraden inte överst" in report.rejected[0][1]


def test_a_workbooks_ticket_sheet_is_found_under_its_title(memory_db, tmp_path):
    workbook = Workbook()
    workbook.active.title = "Sammanfattning"
    workbook.active.append(["Antal ärenden", 1])
    tickets = workbook.create_sheet("Ärenden")
    for row in (["Ärenden vecka 45"], [], ["Rubrik", "Datum"], ["Kan ej logga in", "2026-11-03"]):
        tickets.append(row)
    workbook.save(tmp_path / "two.xlsx")
    report = import_tickets(memory_db, tmp_path / "two.xlsx")
    assert (report.new, report.rejected) == (1, [])
    assert _warnings_with(report, "ärendena lästes från bladet 'Ärenden'")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=';,\t"'), max_size=60),
       blanks=st.integers(0, 3))
def test_any_title_above_the_header_leaves_the_rows_where_they_are(tmp_path, title, blanks):
    """Whatever a title says (but a column's name), the rows keep the numbers of the file's lines."""
    assume(not header_names_a_column([title.strip()]))
    path = _csv(tmp_path / "t.csv", [title, *[""] * blanks, "Rubrik;Datum", "A;2026-11-03", "B;"], encoding="utf-8")
    rows = list(read_rows(path))
    assert [row.line for row in rows] == [blanks + 3, blanks + 4]
    assert rows[0].header == blanks + 2


# -- 2. the Kategori column -------------------------------------------------------------------------------
def test_kategori_with_module_names_is_read_as_the_module(memory_db, tmp_path):
    path = _csv(tmp_path / "k.csv", [";".join(HEADER), "K-1;2026-11-03;a;x;Läkemedel;Ny;Avd 5",
                                     "K-2;2026-11-03;b;x;BoS;Ny;Avd 5", "K-3;2026-11-03;c;x;Ögonmodulen;Ny;Avd 5"])
    report = import_tickets(memory_db, path)
    assert [stored_ticket(memory_db, f"K-{n}").module for n in (1, 2, 3)] == ["lakemedel", "bestallning_svar", None]
    assert (1, "kolumnen 'Kategori' lästes som modul: 2 av 3 värden i filens första rader är moduler") \
        in report.warnings
    assert (4, "okänt värde för modul: 'Ögonmodulen', ignorerat") in report.warnings
    assert not _warnings_with(report, "känns inte igen")


def test_kategori_with_kinds_is_read_as_the_kind(memory_db, tmp_path):
    path = _csv(tmp_path / "k.csv", ["Ärendenummer;Skapad;Rubrik;Kategori", "F-1;2026-11-03;a;Fel",
                                     "F-2;2026-11-03;b;Fråga", "F-3;2026-11-03;c;Handhavande",
                                     "F-4;2026-11-03;d;Journal"])
    report = import_tickets(memory_db, path)
    assert [stored_ticket(memory_db, f"F-{n}").kind for n in (1, 2, 3, 4)] == ["fel", "handhavande", "handhavande", None]
    assert [text for _line, text in report.warnings if "lästes som" in text] == [
        "kolumnen 'Kategori' lästes som typ: 3 av 4 värden i filens första rader är ärendetyper"
        " (Fel, Handhavande …)"]
    assert (5, "okänt värde för typ: 'Journal', ignorerat") in report.warnings


def test_kategori_of_other_words_stays_unread_and_says_why(memory_db, tmp_path):
    """A new training lead: "kolumnen 'Kategori' känns inte igen och lästes inte", while ``import --help`` lists
    kategori among the columns read. The warning now says why, with values of it."""
    path = _csv(tmp_path / "k.csv", ["Ärendenummer;Skapad;Rubrik;Kategori;Färg", "O-1;2026-11-03;a;Nätverk;röd",
                                     "O-2;2026-11-03;b;Kaffe;blå", "O-3;2026-11-03;c;Läkemedel;grön"])
    report = import_tickets(memory_db, path)
    assert stored_ticket(memory_db, "O-3").module is None
    assert (1, "kolumnen 'Kategori' lästes inte: bara 1 av 3 värden i filens första rader är moduler eller ärendetyper"
               " som desken känner (inte t.ex. 'Nätverk', 'Kaffe'), så den lästes varken som modul eller som typ") \
        in report.warnings
    unread = [text for _line, text in report.warnings if "känns inte igen" in text]
    assert len(unread) == 1 and unread[0].startswith("kolumnen 'Färg' känns inte igen"), "Kategori is not named twice"


def test_a_modul_column_wins_over_kategori(memory_db, tmp_path):
    path = _csv(tmp_path / "k.csv", ["id;Datum;Rubrik;Kategori;Modul", "M-1;2026-11-03;a;Journal;Läkemedel",
                                     "M-2;2026-11-03;b;Journal;"])
    import_tickets(memory_db, path)
    modules = (stored_ticket(memory_db, "M-1").module, stored_ticket(memory_db, "M-2").module)
    assert modules == ("lakemedel", "journal_dokumentation")


def test_category_in_json_lines(memory_db, tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "J-1", "title": "a", "created_at": "2026-11-03", "category": "Handhavande"}\n',
                    encoding="utf-8")
    report = import_tickets(memory_db, path)
    assert stored_ticket(memory_db, "J-1").kind == "handhavande" and _warnings_with(report, "'category' lästes som typ")


def test_a_name_of_both_a_module_and_a_kind_decides_nothing():
    taxonomy = RememberedLabels(load_taxonomy())
    assert all(load_taxonomy().normalise(group, "Driftstörning") for group in ("modules", "kinds"))
    rows = [{"category": "Driftstörning"}, {"category": "Fel"}, {"category": "Driftstörning"}]
    assert CategoryColumn.of_rows(rows, taxonomy).field == "kind"  # the name of both decides nothing
    assert CategoryColumn.of_rows([{"title": "a"}], taxonomy).field is None


# -- 3. Excel date serials ------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, moment", [
    (46342.427778, datetime(2026, 11, 16, 10, 16)), ("46342.427778", datetime(2026, 11, 16, 10, 16)),
    ("46342,427778", datetime(2026, 11, 16, 10, 16)), (46342, datetime(2026, 11, 16)),
    (" 46342 ", datetime(2026, 11, 16)),
    ("12345", None), (99999, None), ("46342.4x", None), (True, None), ("2026-11-16", None),
])
def test_excel_serials(value, moment):
    assert excel_serial(value) == moment


def test_excel_serial_dates_in_a_workbook_and_a_csv(memory_db, tmp_path):
    write_workbook(tmp_path / "s.xlsx", [["id", "Skapad", "Rubrik"], ["S-1", 46342.427778, "a"], ["S-2", 12345, "b"]])
    report = import_tickets(memory_db, tmp_path / "s.xlsx")
    assert stored_ticket(memory_db, "S-1").created_at == "2026-11-16T10:16:00"
    assert report.rejected == [
        (3, "datum '12345' är inget datum (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD TT:MM eller DD.MM.ÅÅÅÅ TT:MM)")]
    import_tickets(memory_db, _csv(tmp_path / "s.csv", ["id;Skapad;Rubrik", "S-3;46343,5;c"]))
    assert stored_ticket(memory_db, "S-3").created_at == "2026-11-17T12:00:00"


# -- 4. dates in the future ---------------------------------------------------------------------------------
def test_a_date_more_than_two_days_ahead_is_imported_with_a_warning(memory_db, tmp_path):
    path = _csv(tmp_path / "f.csv", ["id;Skapad;Rubrik", "D-1;2026-12-06 23:59;i övermorgon",
                                     "D-2;2026-12-07;om tre dagar", "D-3;2027-11-18 08:00;fel år",
                                     "D-4;9999-12-31;inget slutdatum"])
    report = import_tickets(memory_db, path)
    assert report.new == 3 and stored_ticket(memory_db, "D-3").created_at == "2027-11-18T08:00:00"
    assert (3, "2 rader har ett datum i framtiden (senast 2027-11-18; i dag är det 2026-12-04): stämmer året? Raderna"
               " lästes in men räknas inte när importen letar efter incidenter") in report.warnings
    assert report.rejected == [
        (5, "datum 9999-12-31 är inget rimligt datum för ett ärende (tillåtet 2000-01-01 – 2027-12-05)")]


def test_a_file_of_weeks_dated_ahead_imports_whole_and_is_scanned(memory_db, tmp_path):
    """Go-live weeks written for an exercise, dated next spring: every row is ahead, none is a typo."""
    lines = ["Ärendenummer;Skapad;Rubrik;Beskrivning;Enhet"]
    lines += [f"X-{n};2027-03-09 09:{5 + n * 9:02d};{title};Hela avdelningen påverkad, inget går att öppna;"
              f"Avd {n % 5}" for n, title in enumerate(OUTAGE)]
    report = import_tickets(memory_db, _csv(tmp_path / "ahead.csv", lines))
    assert (report.new, report.rejected) == (7, [])
    assert len(report.incidents.created) == 1
    # tester (Region Östanå): the warning said such rows count in no incident scan, next to the outage it found
    (ahead,) = [text for _line, text in report.warnings if "i framtiden" in text]
    assert ahead.endswith("stämmer året? Raderna lästes in.") and "incidenter" not in ahead


OUTAGE = ["Cosmic fryser helt", "Systemet svarar inte", "timglaset snurrar", "Cosmic nere", "allt står still i cosmic",
          "Cosmic svarar inte", "jättesegt, kan inte jobba"]


def test_a_future_row_no_longer_hides_an_outage(memory_db, tmp_path):
    """Issue: a row typed a year ahead moved the incident scan's window past the outage."""
    lines = ["Ärendenummer;Skapad;Rubrik;Beskrivning;Enhet"]
    lines += [f"U-{n};2026-11-17 09:{5 + n * 9:02d};{title};Hela avdelningen påverkad, inget går att öppna;"
              f"Avd {n % 5}" for n, title in enumerate(OUTAGE)]
    lines.append("U-9;2027-11-18 08:00;Skrev fel år;test;Avd 9")
    report = import_tickets(memory_db, _csv(tmp_path / "burst.csv", lines))
    assert (report.new, report.rejected, report.scanned_from) == (8, [], None)
    assert len(report.incidents.created) == 1
    assert (9, "1 rad har ett datum i framtiden (2027-11-18; i dag är det 2026-12-04): stämmer året? Raden lästes in"
               " men räknas inte när importen letar efter incidenter") in report.warnings


# -- 5. a quote that never closes -------------------------------------------------------------------------------
def test_every_row_an_unclosed_quote_swallows_is_counted(memory_db, tmp_path):
    path = _csv(tmp_path / "b.csv", [
        "id;Skapad;Rubrik;Beskrivning", "B-1;2026-11-20;ok;x", 'B-2;2026-11-20;"Oavslutat citat;hej',
        "B-3;2026-11-20;a;x", "", "B-4;2026-11-20;b;x"])
    report = import_tickets(memory_db, path)
    assert report.new == 1 and [line for line, _reason in report.rejected] == [3, 4, 6]
    assert report.rejected[0][1] == (
        "ett citattecken i raden avslutas aldrig: filen tar slut inuti fältet (textrad 3–6 i filen lästes som ett enda"
        " fält) och tog med 2 rader som ser ut som egna ärenden; de kom inte med och avvisas var för sig (raderna 4–6);"
        " rätta citattecknet och importera igen")
    assert report.rejected[1][1] == report.rejected[2][1] == (
        "raden kom inte med: ett citattecken på rad 3 avslutas inte på sin rad, så raden hamnade inuti det fältet"
        " (textrad 3–6 i filen); rätta citattecknet och importera igen")


def test_a_quote_closed_rows_later_counts_its_rows_and_numbers_the_next_by_the_file(memory_db, tmp_path):
    path = _csv(tmp_path / "m.csv", [
        "id;Skapad;Rubrik;Beskrivning", 'M-1;2026-11-20;"trasig;x', "M-2;2026-11-20;a;x", "M-3;2026-11-20;b;x",
        'M-4;2026-11-20;c;"slutar här"', "M-5;2026-11-20;d;", "M-6;;e;x"])
    report = import_tickets(memory_db, path)
    assert [line for line, _reason in report.rejected] == [2, 3, 4, 5, 7]
    assert "fältet sträcker sig över textrad 2–5" in report.rejected[0][1]
    assert report.rejected[-1][1] == "datum saknas"  # row 7: the file's line, as once the quote is put right
    assert report.new == 1 and stored_ticket(memory_db, "M-5") is not None


# -- 6. a kind the model guessed beside a person's module --------------------------------------------------------
class _GuessingModel:
    """Suggests Läkemedel and Konfiguration for every ticket (the kind beside a person's module)."""

    def predict(self, rows):
        return [Prediction("lakemedel", 0.9, "konfiguration", 0.6, [("lakemedel", 0.9)]) for _ in rows]


def _module_given_kind_guessed(database, tmp_path):
    import_tickets(database, _csv(tmp_path / "own.csv", ["id;Skapad;Rubrik;Modul",
                                                          "G-1;2026-11-03;Fel roll;Behörighet"]))
    assert apply_predictions(database, _GuessingModel(), {"version": "shipped"}) == 1
    ticket = stored_ticket(database, "G-1")
    assert (ticket.label_source, ticket.module, ticket.kind) == (HUMAN, "behorighet_roller", "konfiguration")


def test_changing_a_kind_the_model_guessed_is_no_confirmed_change(memory_db, tmp_path):
    """Issue: "bekräftad typ ändrad … (den var bekräftad av en superanvändare)" where model:shipped set it."""
    _module_given_kind_guessed(memory_db, tmp_path)
    report = import_tickets(memory_db, _csv(tmp_path / "links.csv", ["id;Skapad;Rubrik;Modul;Typ",
                                                                     "G-1;2026-11-03;Fel roll;;Handhavande"]))
    assert report.updated == 1 and stored_ticket(memory_db, "G-1").kind == "handhavande"
    assert not _warnings_with(report, "bekräftad")
    again = import_tickets(memory_db, _csv(tmp_path / "links2.csv", ["id;Skapad;Rubrik;Modul;Typ",
                                                                     "G-1;2026-11-03;Fel roll;;Fel"]))
    assert _warnings_with(again, "bekräftad typ ändrad från Handhavande till Fel")  # now a person's kind


def test_an_intake_login_is_told_the_kind_is_the_models(memory_db, tmp_path, monkeypatch):
    """An ELS-stöd login's file keeps a confirmed ticket's labels; the message calls the model's kind the model's."""
    _module_given_kind_guessed(memory_db, tmp_path)
    import_tickets(memory_db, _csv(tmp_path / "confirmed.csv", ["id;Skapad;Rubrik;Modul;Typ",
                                                               "H-1;2026-11-03;a;Journal;Fel"]))
    monkeypatch.setattr(imports, "role_of", lambda _database: ELS_SUPPORT)
    monkeypatch.setattr("elsdesk.services.permissions.roles_of", lambda _database: (ELS_SUPPORT,))
    report = import_tickets(memory_db, _csv(tmp_path / "intake.csv", ["id;Skapad;Rubrik;Typ",
                                                                      "G-1;2026-11-03;Fel roll;Fel",
                                                                      "H-1;2026-11-03;a;Önskemål"]))
    assert report.warnings == [(2, KEPT_CONFIRMED_MODULE), (3, KEPT_CONFIRMED)]
    assert (stored_ticket(memory_db, "G-1").kind, stored_ticket(memory_db, "H-1").kind) == ("konfiguration", "fel")


# -- 7. messages ------------------------------------------------------------------------------------------------
def test_unknown_values_name_the_field_in_swedish(memory_db, tmp_path):
    path = _csv(tmp_path / "u.csv", ["id;Skapad;Rubrik;Modul;Typ;Status",
                                     "V-1;2026-11-03;a;Ögonmodulen;Blandat;Kaffe"])
    warnings = [text for _line, text in import_tickets(memory_db, path).warnings]
    assert "okänt värde för modul: 'Ögonmodulen', ignorerat" in warnings
    assert "okänt värde för typ: 'Blandat', ignorerat" in warnings
    assert any(text.startswith("okänd status 'Kaffe'") for text in warnings)
