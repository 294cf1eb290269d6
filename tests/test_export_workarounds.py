"""The printed formats (web page, PDF, Markdown) quote a known problem's workaround also when the problem is not on
the week's agenda: a new user's "Signering av given dos", eight reports a week of kind fel with the workaround set,
was on no default agenda (how-to topics only), and its "what to do meanwhile" reached only the spreadsheet's column."""

from __future__ import annotations

import json

from conftest import write_jsonl
from elsdesk.cli import main
from elsdesk.services.export import export_week
from elsdesk.storage import open_database
from test_export import _pdf_text

WORKAROUND = "Markera dosen i utdelningsvyn och välj Signera given dos i högerklicksmenyn"


def _desk(tmp_path):
    path = tmp_path / "desk.db"
    rows = [{"id": f"S-{i}", "created_at": f"2026-11-2{3 + i % 4}T09:0{i}:00", "title": "Kan inte signera dos",
             "description": f"Signera given dos går inte på avd {10 + i}, knappen är grå", "module": "lakemedel",
             "kind": "fel", "problem": "Signering av given dos"} for i in range(5)]
    rows += [{"id": f"H-{i}", "created_at": f"2026-11-2{3 + i}T10:00:00", "title": "Hur gör man vårdplan",
              "description": "Var lägger jag upp en vårdplan för patienten?", "module": "omvardnad_matvarden",
              "kind": "handhavande"} for i in range(3)]
    assert main(["--db", str(path), "import", str(write_jsonl(tmp_path / "t.jsonl", rows)), "--no-incidents"]) == 0
    return path


def test_a_faults_workaround_is_quoted_in_every_printed_format(tmp_path, capsys):
    path = _desk(tmp_path)
    capsys.readouterr()  # the import's summary
    assert main(["--db", str(path), "problems", "--json"]) == 0
    number = next(p["id"] for p in map(json.loads, capsys.readouterr().out.splitlines()) if p["name"] == "Signering av given dos")
    assert main(["--db", str(path), "problems", "--id", str(number), "--status", "workaround", "--workaround", WORKAROUND]) == 0
    written = {}
    with open_database(path) as database:
        for fmt in ("md", "html", "pdf"):
            written[fmt] = export_week(database, "2026-W48", fmt, tmp_path / f"agenda.{fmt}")
    markdown = written["md"].read_text(encoding="utf-8")
    agenda = markdown.split("## Alla ämnen")[0]
    assert "Signering av given dos" not in agenda  # a fault: not on the default agenda
    section = markdown.split("## Så gör man under tiden")[1]
    assert "Signering av given dos" in section and WORKAROUND in section and "tillfällig lösning finns" in section
    assert "Så gör man under tiden" in written["html"].read_text(encoding="utf-8")
    assert WORKAROUND in written["html"].read_text(encoding="utf-8")
    text = _pdf_text(written["pdf"])
    if text is not None:
        assert "Så gör man under tiden" in text and "högerklicksmenyn" in " ".join(text.split())


def test_no_section_without_a_workaround_off_the_agenda(tmp_path):
    path = _desk(tmp_path)
    with open_database(path) as database:
        markdown = export_week(database, "2026-W48", "md", tmp_path / "agenda.md").read_text(encoding="utf-8")
    assert "Så gör man under tiden" not in markdown


def test_a_fixed_problem_says_so_in_the_printed_list_of_all_topics(tmp_path, capsys):
    """A new training lead marked "Armband skrivs inte ut" rättat: only Excel and CSV said so, and the PDF's list of
    all topics made it look like an open problem."""
    path = _desk(tmp_path)
    capsys.readouterr()
    assert main(["--db", str(path), "problems", "--json"]) == 0
    number = next(p["id"] for p in map(json.loads, capsys.readouterr().out.splitlines()) if p["name"] == "Signering av given dos")
    assert main(["--db", str(path), "problems", "--id", str(number), "--status", "rättat", "--on", "2026-11-30"]) == 0
    with open_database(path) as database:
        markdown = export_week(database, "2026-W48", "md", tmp_path / "agenda.md").read_text(encoding="utf-8")
        page = export_week(database, "2026-W48", "html", tmp_path / "agenda.html").read_text(encoding="utf-8")
    assert "| Signering av given dos (rättat) |" in markdown.split("## Alla ämnen")[1]
    assert "Signering av given dos (rättat)" in page
    assert "Hur gör man vårdplan (" not in markdown, "a proposal has no status to say"
