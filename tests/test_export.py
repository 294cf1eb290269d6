"""Weekly export writers: every format opens, keeps Swedish letters, neutralises formulas and
leaks no identity numbers or reporter names."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import zipfile
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from elsdesk.export import FORMULA_PREFIXES, TREND_NAMES, safe_cell, writer_for
from elsdesk.services.export import ExportData, export_week
from elsdesk.services.topics import set_go_live

from conftest import imported_desk

FORMATS = ("xlsx", "csv", "md", "html", "pdf")
SECRETS = ("19121212", "121212-1212", "Anna Andersson", "Andersson")
DANGEROUS = ("=", "+", "-", "@")

PROBLEMS = [
    ("lakemedel", "handhavande", "Kan inte signera dos i utdelningsvyn",
     "Utdelningsvyn låter mig inte signera given dos, pennan är grå. Vad gör jag för fel?"),
    ("bestallning_svar", "handhavande", "Provsvar syns inte i beställningen",
     "Blodprover tagna i morse men provsvaren syns inte under Beställning och svar. Var hittar jag dem?"),
    ("inloggning_siths", "fel", "SITHS-kortet är låst",
     "Har skrivit fel PIN tre gånger och kommer inte in i Cosmic med SITHS-kortet på avdelningen."),
]
NASTY = [  # title, description: one recurring printer problem of their own, so they become its examples
    ("=SUM(1+1)", "Armbandsskrivaren på avdelning Åsö skriver inte ut armband till patient 19121212-1212.\nMvh Anna Andersson"),
    ("+46 70 123 45 67 ringer om armbandsskrivaren", "Armbandsskrivaren skriver inte ut några armband alls på Åsö. Mvh Anna Andersson"),
    ("-x armband skrivs inte ut", "Skrivaren för armband på avdelning Åsö skriver inte ut, lampan blinkar orange."),
    ("@x armbandsskrivare", "Inga armband kommer ut ur armbandsskrivaren på Åsö sedan i morse. Hälsningar Anna Andersson"),
]


def _rows() -> list[dict]:
    rows, number = [], 0

    def add(day: str, module: str, kind: str, title: str, description: str) -> None:
        nonlocal number
        number += 1
        rows.append({"id": f"EXP-{number:04d}", "created_at": f"{day}T{8 + number % 9:02d}:10:00", "title": title,
                     "description": description, "module": module, "kind": kind, "status": "ny",
                     "reporter_role": "ssk", "unit": "Avd 12"})

    days = {"W18": ["2025-04-28", "2025-04-29", "2025-04-30", "2025-05-02"],
            "W19": ["2025-05-05", "2025-05-06", "2025-05-07", "2025-05-08"]}
    plan = {"W18": [5, 5, 0], "W19": [7, 4, 5]}
    for week, counts in plan.items():
        for (module, kind, title, description), count in zip(PROBLEMS, counts):
            for i in range(count):
                add(days[week][i % 4], module, kind, title if i % 2 else f"{title} igen", description)
    for title, description in NASTY:
        add("2025-05-06", "utskrift_hardvara", "handhavande", title, description)
    return rows


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A small database with recurring problems in two ISO weeks, exported in every format."""
    with imported_desk(tmp_path_factory, "export", _rows()) as (database, folder):
        set_go_live(database, "2025-04-23")
        paths = {fmt: export_week(database, "2025-W19", fmt, folder / f"week.{fmt}") for fmt in FORMATS}
        paths["no suffix"] = export_week(database, "2025-W19", "pdf", folder / "agenda")
    return paths


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.chunks: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        if data.strip():
            self.chunks.append(data.strip())


def _xlsx_strings(path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula in {sheet.title}!{cell.coordinate}"
                if isinstance(cell.value, str):
                    values.append(cell.value)
    return values


def _pdf_text(path) -> str | None:
    """The text of a PDF via Qt's own PDF module, None when it is not installed."""
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    from elsdesk.gui.pdf_export import ensure_gui_application

    ensure_gui_application()
    document = QPdfDocument()
    document.load(str(path))
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


# -- each format opens ----------------------------------------------------------------------
def test_every_format_is_written(exported):
    for fmt in FORMATS:
        assert exported[fmt].exists() and exported[fmt].stat().st_size > 200, fmt


def test_a_name_without_a_suffix_gets_the_formats_own(exported):
    assert exported["no suffix"].name == "agenda.pdf" and exported["no suffix"].read_bytes()[:5] == b"%PDF-"
    assert not (exported["no suffix"].parent / "agenda").exists()


def test_xlsx_opens_with_the_expected_sheets_and_a_chart(exported):
    from openpyxl import load_workbook

    book = load_workbook(exported["xlsx"])
    assert book.sheetnames == ["Agenda", "Ämnen", "Modultrend", "Exempel"]
    assert book["Agenda"]["A1"].value.startswith("Stabiliseringsutbildning vecka 2025-W19 (D+12)")
    assert book["Ämnen"].freeze_panes == "A2"
    assert book["Ämnen"]["A1"].font.bold
    with zipfile.ZipFile(exported["xlsx"]) as archive:
        assert any(name.startswith("xl/charts/chart") for name in archive.namelist())
    trend = book["Modultrend"]
    weeks = [trend.cell(row=r, column=1).value for r in range(2, trend.max_row + 1)]
    assert weeks == ["2025-W18", "2025-W19"]  # go-live 2025-04-23 (W17), first ticket 2025-04-28
    assert [trend.cell(row=r, column=2).value for r in range(2, 4)] == ["D+5", "D+12"]


def test_xlsx_prints_one_page_wide_with_the_header_on_every_page(exported):
    from openpyxl import load_workbook

    book = load_workbook(exported["xlsx"])
    for name, header_row in (("Agenda", 4), ("Ämnen", 1), ("Exempel", 1)):
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1, name
        assert sheet.page_setup.fitToHeight == 0, name  # as many pages long as the rows need
        assert sheet.print_title_rows == f"${header_row}:${header_row}", name
        assert "&P" in sheet.oddFooter.right.text


def test_csv_has_bom_semicolons_and_decodes(exported):
    raw = exported["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Vecka", "På agendan (nr)", "Ämne"]
    assert len(rows) >= 3 and all(len(r) == len(rows[0]) for r in rows)


def test_html_parses_with_svg_charts_and_swedish_header(exported):
    page = exported["html"].read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(page)
    assert parser.tags.count("svg") >= 2
    assert '<html lang="sv">' in page and '<meta charset="utf-8">' in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "D+12" in page


def test_pdf_is_a_pdf(exported):
    raw = exported["pdf"].read_bytes()
    assert raw.startswith(b"%PDF") and b"%%EOF" in raw[-1024:]
    assert len(raw) > 5000


# -- content across formats -----------------------------------------------------------------------
def _texts(exported) -> dict[str, str]:
    texts = {
        "xlsx": "\n".join(_xlsx_strings(exported["xlsx"])),
        "csv": exported["csv"].read_bytes().decode("utf-8-sig"),
        "md": exported["md"].read_text(encoding="utf-8"),
        "html": exported["html"].read_text(encoding="utf-8"),
    }
    pdf = _pdf_text(exported["pdf"])
    if pdf is not None:
        texts["pdf"] = pdf
    return texts


def test_swedish_letters_survive_every_format(exported):
    for fmt, content in _texts(exported).items():
        for word in ("Läkemedel", "Ämne", "Föreg. vecka") + (() if fmt == "csv" else ("Stabiliseringsutbildning",)):
            assert word in content, (fmt, word)
        assert re.search(r"[åäö]", content), fmt


def test_no_identity_number_or_reporter_name_in_any_output(exported):
    for fmt, content in _texts(exported).items():
        for secret in SECRETS:
            assert secret not in content, (fmt, secret)
    for fmt in FORMATS:
        raw = exported[fmt].read_bytes()
        if fmt == "xlsx":
            with zipfile.ZipFile(exported[fmt]) as archive:
                raw = b"".join(archive.read(name) for name in archive.namelist())
        for secret in SECRETS:
            assert secret.encode("utf-8") not in raw, (fmt, secret)


def test_no_spreadsheet_cell_starts_a_formula(exported):
    """No xlsx cell is a formula (text cells, those starting like one with Excel's hidden quote prefix),
    and none shows the guard's apostrophe; CSV, which has no cell types, starts such text with one."""
    for value in _xlsx_strings(exported["xlsx"]):
        assert not value.startswith("'"), value
    rows = list(csv.reader(io.StringIO(exported["csv"].read_bytes().decode("utf-8-sig")), delimiter=";"))
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_PREFIXES), value


def test_markdown_and_html_show_the_text_as_written(exported):
    """Only a spreadsheet runs formulas: a web page, Markdown and a PDF show "=SUM(…)" as it was written,
    without the apostrophe that guards a CSV cell."""
    markdown = exported["md"].read_text(encoding="utf-8")
    assert "'=" not in markdown and "'+" not in markdown and "'@" not in markdown
    parser = _Text()
    parser.feed(exported["html"].read_text(encoding="utf-8"))
    assert parser.chunks
    assert not [chunk for chunk in parser.chunks if chunk.startswith(("'=", "'+", "'@", "'-"))]


# -- writers on hand-made data (formula text guaranteed to be present) ------------------------------
def _data(topics: list[dict] | None = None, go_live: date | None = date(2025, 4, 23), volumes=None) -> ExportData:
    topics = topics if topics is not None else [{
        "id": "T1", "label": "=SUM(1+1) | pipe", "module": "lakemedel", "kind": "handhavande",
        "keywords": ["=cmd", "dos"], "count": 4, "ticket_ids": ["A-1"], "previous_count": 1, "trend": "rising",
        "weeks_recurring": 2, "first_week": "2025-W18", "kind_mix": {"handhavande": 4}, "module_mix": {"lakemedel": 4},
        "examples": [{"id": "=A-1", "title": "+46 ring", "description": "-x <script>alert(1)</script> åäö"},
                     {"id": "A-2", "title": "@x", "description": "\tflik"}],
        "covered_on": None, "on_agenda": True}]
    return ExportData(
        week="2025-W19", first_day=date(2025, 5, 5), last_day=date(2025, 5, 11), day_number=12 if go_live else None,
        go_live=go_live, tickets=sum(t["count"] for t in topics), agenda=[t for t in topics if t["on_agenda"]],
        topics=topics, module_names={"lakemedel": "Läkemedel"}, kind_names={"handhavande": "Handhavande"},
        volumes={"2025-W18": {"lakemedel": 1}, "2025-W19": {"lakemedel": 4, "": 2}} if volumes is None else volumes)


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_neutralise_formulas_in_hand_made_data(tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    writer_for(fmt)(_data(), path)
    assert path.stat().st_size > 0
    if fmt == "xlsx":
        values = _xlsx_strings(path)
        assert "=SUM(1+1) | pipe" in values and "+46 ring" in values and "@x" in values  # text cells, not formulas
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
        assert rows[1][2] == "'=SUM(1+1) | pipe"
        assert rows[1][7] == TREND_NAMES["rising"]
    elif fmt == "md":
        text = path.read_text(encoding="utf-8")
        assert "=SUM(1+1) \\| pipe" in text and "'=SUM" not in text and "<script>" not in text
        table = [line for line in text.splitlines() if line.startswith("| 1 |")][0]
        assert len(re.split(r"(?<!\\)\|", table.strip("|"))) == 9
    elif fmt == "html":
        text = path.read_text(encoding="utf-8")
        assert "<script>" not in text and "&lt;script&gt;" in text and "åäö" in text
        assert "ökande" in text
    else:
        assert path.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_handle_a_week_without_topics_or_go_live(tmp_path, fmt):
    path = tmp_path / f"empty.{fmt}"
    writer_for(fmt)(_data(topics=[], go_live=None), path)
    assert path.stat().st_size > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_writers_handle_a_week_without_any_tickets(tmp_path, fmt):
    path = tmp_path / f"none.{fmt}"
    writer_for(fmt)(_data(topics=[], volumes={}), path)
    assert path.stat().st_size > 0


def test_print_html_is_plain_tables_without_svg():
    from elsdesk.export.html import render_html

    page = render_html(_data(), for_print=True)
    assert "<svg" not in page and "bgcolor=" in page and "<table" in page
    assert "<svg" in render_html(_data())


def test_writer_for_unknown_format_is_refused():
    with pytest.raises(ValueError):
        writer_for("docx")


def test_export_core_imports_no_qt():
    code = ("import sys, elsdesk.export, elsdesk.export.tables, elsdesk.export.xlsx, elsdesk.export.csv_export, "
            "elsdesk.export.markdown, elsdesk.export.html, elsdesk.services.export; "
            "sys.exit(any(m == 'PySide6' or m.startswith(('PySide6.', 'elsdesk.gui')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


# -- safe_cell -------------------------------------------------------------------------------------------
@given(st.text())
def test_safe_cell_never_starts_a_formula_and_keeps_the_text(text):
    cell = safe_cell(text)
    assert not cell.startswith(FORMULA_PREFIXES)
    assert cell == text or cell == "'" + text
    assert cell == text or text.startswith(FORMULA_PREFIXES)
    assert safe_cell(cell) == cell


@given(st.text(alphabet=st.sampled_from("=+-@\t\r;\"' aåäö1\n"), max_size=20))
def test_safe_cell_round_trips_through_swedish_csv(text):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow([safe_cell(text)])
    (back,) = list(csv.reader(io.StringIO(buffer.getvalue()), delimiter=";"))
    assert back == [safe_cell(text)]


def test_safe_cell_accepts_none_and_numbers():
    assert safe_cell(None) == "" and safe_cell(-5) == "'-5" and safe_cell(7) == "7"


def test_one_ticket_is_one_arende_in_every_language():
    from types import SimpleNamespace

    from elsdesk.export.tables import ticket_count

    assert [ticket_count(SimpleNamespace(language="sv"), n) for n in (0, 1, 2)] == ["0 ärenden", "1 ärende", "2 ärenden"]
    assert [ticket_count(SimpleNamespace(language="en"), n) for n in (1, 3)] == ["1 ticket", "3 tickets"]


def test_a_go_live_nobody_set_is_said_to_be_assumed():
    """A held-out tester never set go-live and read "Go-live 16 november 2026" as a fact in the export; the export is
    read by staff who do not use the command line, so it names the Utbildning tab's field (a GUI tester)."""
    from dataclasses import replace

    from elsdesk.export.tables import key_figures

    set_by_someone = dict((a, c) for a, _b, c in key_figures(_data()))
    assumed = dict((a, c) for a, _b, c in key_figures(replace(_data(), go_live_assumed=True)))
    assert set_by_someone["Sedan go-live"] == "Go-live 23 april 2025"
    assert assumed["Sedan go-live"] == ("Go-live 23 april 2025 (antaget: äldsta ärendets dag;"
                                        " ställ in Go-live i fliken Utbildning)")


@pytest.mark.parametrize("language, first, last, said", [
    ("sv", date(2025, 5, 5), date(2025, 5, 11), "5–11 maj 2025"),
    ("sv", date(2025, 4, 28), date(2025, 5, 4), "28 april–4 maj 2025"),
    ("sv", date(2026, 12, 28), date(2027, 1, 3), "28 december 2026–3 januari 2027"),
    ("sv", date(2026, 1, 5), date(2027, 1, 31), "5 januari 2026–31 januari 2027"),
    ("en", date(2025, 5, 5), date(2025, 5, 11), "May 5–11, 2025"),
    ("en", date(2025, 4, 28), date(2025, 5, 4), "April 28–May 4, 2025"),
    # a calendar tester: "December 28–January 3, 2027" read as December 2027
    ("en", date(2026, 12, 28), date(2027, 1, 3), "December 28, 2026–January 3, 2027"),
])
def test_a_period_names_both_years_when_it_crosses_new_year(language, first, last, said):
    from types import SimpleNamespace

    from elsdesk.export.tables import period

    assert period(SimpleNamespace(first_day=first, last_day=last, language=language)) == said
