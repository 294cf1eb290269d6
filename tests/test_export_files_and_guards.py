"""Exports as a training lead makes them (an exploratory tester's findings, stop 21): no reporter's name in
keywords, the formula guard only where a spreadsheet reads the text, file names, --format all into a
file name, write errors that name the file asked for, empty weeks said, dates written the Swedish way."""

from __future__ import annotations

import csv
import errno
import io
import zipfile
from datetime import date

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.export import writer_for
from elsdesk.services.export import ExportData, empty_week_note, without_signature_keywords

FORMATS = ("xlsx", "csv", "md", "html", "pdf")
WORKAROUND = "-Högerklicka på dosen och välj Signera"
LABEL = "= trots feber"


def _data(tickets: int = 4) -> ExportData:
    """One agenda topic whose name and workaround start like a formula, with Swedish letters."""
    topic = {
        "id": "T1", "label": LABEL, "module": "lakemedel", "kind": "handhavande", "keywords": ["+feber", "åäö"],
        "count": 4, "ticket_ids": ["A-1"], "previous_count": 1, "trend": "rising", "weeks_recurring": 2,
        "first_week": "2025-W18", "examples": [{"id": "A-1", "title": "@dos", "description": "-Tidbok visar fel dag"}],
        "covered_on": None, "on_agenda": True, "workaround": WORKAROUND, "problem": "x", "problem_status": "workaround"}
    return ExportData(
        week="2025-W19", first_day=date(2025, 5, 5), last_day=date(2025, 5, 11), day_number=12,
        go_live=date(2025, 4, 23), tickets=tickets, agenda=[topic], topics=[topic],
        module_names={"lakemedel": "Läkemedel"}, kind_names={"handhavande": "Handhavande"},
        volumes={"2025-W19": {"lakemedel": 4}})


# -- the formula guard only where a spreadsheet reads the text ------------------------------------
def test_xlsx_keeps_formula_text_as_text_without_a_visible_apostrophe(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "a.xlsx"
    writer_for("xlsx")(_data(), path)
    cells = [cell for sheet in load_workbook(path).worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)]
    values = [cell.value for cell in cells]
    assert LABEL in values and WORKAROUND in values and "@dos" in values and "-Tidbok visar fel dag" in values
    assert not any(value.startswith("'") for value in values)
    for cell in cells:
        assert cell.data_type == "s", cell.coordinate
        if cell.value.startswith(("=", "+", "-", "@")):
            assert cell.quotePrefix, cell.coordinate  # Excel's hidden apostrophe: editing keeps it text
    with zipfile.ZipFile(path) as archive:
        sheets = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheets and b"'=" not in sheets


def test_csv_keeps_its_guard(tmp_path):
    path = tmp_path / "a.csv"
    writer_for("csv")(_data(), path)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[1][2] == "'" + LABEL and rows[1][-1] == "'" + WORKAROUND


@pytest.mark.parametrize("fmt", ("md", "html"))
def test_markdown_and_html_show_the_text_as_written(tmp_path, fmt):
    path = tmp_path / f"a.{fmt}"
    writer_for(fmt)(_data(), path)
    text = path.read_text(encoding="utf-8")
    assert LABEL in text and WORKAROUND in text and "åäö" in text
    for guarded in ("'" + LABEL, "'" + WORKAROUND, "&#x27;=", "&#x27;-", "'-Tidbok", "'@dos", "'+feber"):
        assert guarded not in text, guarded


def test_pdf_shows_the_text_as_written(tmp_path):
    pdf = pytest.importorskip("PySide6.QtPdf")
    from elsdesk.gui.pdf_export import ensure_gui_application

    path = tmp_path / "a.pdf"
    writer_for("pdf")(_data(), path)
    ensure_gui_application()
    document = pdf.QPdfDocument()
    document.load(str(path))
    text = "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))
    assert LABEL in text and "Högerklicka" in text
    assert "'" + LABEL not in text and "'-Högerklicka" not in text


# -- keywords and a label made of them carry no signature's name ----------------------------------------
def test_keywords_from_a_signature_are_dropped_and_the_label_made_again():
    topic = {"label": "Remiss: tom student, röntgen visa", "keywords": ["remiss", "tom student", "röntgen visa"],
             "examples": [{"description": "Sent a referral to radiology. Thanks, Tom (student nurse)"}]}
    cleaned = without_signature_keywords(topic)
    assert cleaned["keywords"] == ["remiss", "röntgen visa"] and cleaned["label"] == "Remiss: röntgen visa"
    named = dict(topic, label="Remissen syns inte")  # a name from the titles stays
    assert without_signature_keywords(named)["label"] == "Remissen syns inte"
    content = {"label": "Karin", "keywords": ["karin"], "examples": [{"description": "Karin i receptionen kan inte boka"}]}
    assert without_signature_keywords(content) == content  # a name in the problem itself is content


def _signed_rows() -> list[dict]:
    texts = ["Dosen försvinner ur listan efter signering. //Karin", "Hej Karin! Dosen försvinner ur listan efter signering",
             "Dosen försvinner ur listan efter signering.\nKarin L, ssk",
             "Dosen försvinner ur listan efter signering.\n\nKarin Lund\nSjuksköterska\nAvd 5\nTel 070-123 45 67"]
    return [{"id": f"SG-{i}", "created_at": f"2025-04-{28 + i % 3}T10:{i:02d}:00", "title": "Dosen försvinner efter signering",
             "description": texts[i % len(texts)], "module": "lakemedel", "kind": "handhavande", "unit": f"Avd {i % 3}"}
            for i in range(12)]


def test_no_format_names_the_reporter(tmp_path, capsys):
    db = str(tmp_path / "sig.db")
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "s.jsonl", _signed_rows())), "--no-classify"]) == 0
    assert main(["--db", db, "export", "--week", "2025-W18", "--format", "all", "--out", str(tmp_path / "ut") + "/"]) == 0
    capsys.readouterr()
    for fmt in FORMATS:
        raw = (tmp_path / "ut" / f"elsdesk-2025-W18.{fmt}").read_bytes()
        if fmt == "xlsx":
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                raw = b"".join(archive.read(n) for n in archive.namelist())
        assert b"Karin" not in raw and b"karin" not in raw, fmt
    assert "försvinner" in (tmp_path / "ut" / "elsdesk-2025-W18.md").read_text(encoding="utf-8")


# -- items 3–7 through the command line --------------------------------------------------------------------------------
@pytest.fixture
def desk(tmp_path, capsys):
    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "t.jsonl", sample_rows(10))), "--no-classify"]) == 0
    assert main(["--db", db, "config", "--go-live", "2025-04-23"]) == 0
    capsys.readouterr()
    return db


def _export(desk, out, fmt=None, week="2025-W18"):
    return main(["--db", desk, "export", "--week", week, "--out", str(out)] + (["--format", fmt] if fmt else []))


@pytest.mark.parametrize("name, fmt, written", [("Agenda 2026.11.09", "xlsx", "Agenda 2026.11.09.xlsx"),
                                                ("agenda.v2", "pdf", "agenda.v2.pdf"),
                                                ("agenda.htm", "html", "agenda.htm"),
                                                ("v18.agenda.md", "md", "v18.agenda.md")])
def test_a_name_with_a_dot_gets_the_formats_extension(desk, tmp_path, capsys, name, fmt, written):
    assert _export(desk, tmp_path / name, fmt) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / written)
    assert (tmp_path / written).is_file() and (name == written or not (tmp_path / name).exists())


def test_format_all_into_a_file_name_writes_five_files_by_that_name(desk, tmp_path, capsys):
    assert _export(desk, tmp_path / "agenda_all.xlsx", "all") == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / f"agenda_all.{fmt}") for fmt in FORMATS]
    assert all((tmp_path / f"agenda_all.{fmt}").is_file() for fmt in FORMATS)


def test_format_all_into_a_folder_is_unchanged(desk, tmp_path, capsys):
    assert _export(desk, tmp_path / "weekly", "all") == 0
    assert sorted(p.name for p in (tmp_path / "weekly").iterdir()) == sorted(f"elsdesk-2025-W18.{f}" for f in FORMATS)


def test_a_write_error_names_the_file_asked_for(desk, tmp_path, capsys, monkeypatch):
    def refuse(data, path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr("elsdesk.export.writer_for", lambda fmt: refuse)
    assert _export(desk, tmp_path / "a.xlsx", "xlsx") == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a.xlsx'}: " in err and "behörighet saknas" in err and ".tmp" not in err


def test_an_unwritable_pdf_is_the_file_systems_error_before_qt_complains(tmp_path, qtlog):
    from elsdesk.gui.pdf_export import write_pdf

    (tmp_path / "fil").write_text("x")
    with pytest.raises(OSError) as raised:
        write_pdf(_data(), tmp_path / "fil" / "a.pdf")
    assert raised.value.errno == errno.ENOTDIR  # a reason describe_os_error words, not Qt's "Returned false"
    assert not [record for record in qtlog.records if "QPainter" in record.message]


def test_one_missing_folder_is_made_and_said(desk, tmp_path, capsys):
    assert _export(desk, tmp_path / "ny" / "a.xlsx") == 0
    assert (tmp_path / "ny" / "a.xlsx").is_file() and "skapade mappen" in capsys.readouterr().err


def test_a_missing_path_is_refused_not_made(desk, tmp_path, capsys):
    for out, fmt in ((tmp_path / "saknas" / "djup" / "a.xlsx", None), (tmp_path / "saknas" / "djup", "all")):
        with pytest.raises(SystemExit) as exit_info:  # an --out that can be no file: usage, exit 2
            _export(desk, out, fmt)
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert "finns inte" in err and str(tmp_path / "saknas") in err and "Traceback" not in err
        assert not (tmp_path / "saknas").exists()


@pytest.mark.parametrize("week, why", [("2099-W05", "inte börjat"), ("2025-W10", "före go-live")])
def test_an_empty_week_is_said_on_stderr(desk, tmp_path, capsys, week, why):
    assert _export(desk, tmp_path / "a.csv", week=week) == 0
    err = capsys.readouterr().err
    assert f"vecka {week} har inga ärenden" in err and why in err
    assert (tmp_path / "a.csv").is_file()
    # a training lead asked for the week the training is held in: the week whose tickets make its agenda is named
    assert ("agendan byggs av veckans ärenden, så utbildningen efter vecka 2025-W18 tar dess agenda: --week 2025-W18"
            in err) == (week > "2025-W18")


def test_a_week_with_tickets_says_nothing_extra(desk, tmp_path, capsys):
    assert _export(desk, tmp_path / "a.csv") == 0
    assert capsys.readouterr().err == ""
    assert empty_week_note(_data(tickets=0), today=date(2025, 6, 1)) == \
        "vecka 2025-W19 har inga ärenden; exporten innehåller inga ämnen"
    assert empty_week_note(_data(tickets=3)) is None


def test_topics_read_dates_as_the_import_does(desk, capsys):
    assert main(["--db", desk, "topics", "--from", "2025-04-28", "--to", "2025-05-04", "--json"]) == 0
    iso = capsys.readouterr().out
    assert main(["--db", desk, "topics", "--from", "28.04.2025", "--to", "4.5.2025", "--json"]) == 0
    assert capsys.readouterr().out == iso


@pytest.mark.parametrize("start", ["31.11.2026", "igår", "2026-13-01", "3/11/2026"])
def test_a_bad_date_is_a_swedish_message(desk, capsys, start):
    with pytest.raises(SystemExit) as exit_info:  # a day typed wrong: usage, exit 2
        main(["--db", desk, "topics", "--from", start, "--to", "10.11.2026"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"--from: '{start}' är inget datum" in err and "isoformat" not in err
