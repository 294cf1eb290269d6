"""Column names of ticket files: Swedish and English synonyms for import and classify, the automatic
id of a row without one, one warning per file about columns nothing is read from, and evaluation
figures that do not pretend (the tester's report: Swedish columns, classify, evaluate)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from openpyxl import Workbook

from conftest import write_jsonl
from elsdesk.cli import main
from elsdesk.importer import read_ticket_row, stable_id, ticket_fields
from elsdesk.ml.evaluation import evaluate_predictions, plain_summary
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository
from elsdesk.taxonomy import load_taxonomy
from model_fixtures import _fresh_model_cache  # noqa: F401 - shared fixture

NEWS = "news summan stämmer inte med det vi räknar för hand, avd 7"


def _csv(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


NEWS_ID = "auto-7a469788be0d"  # the automatic id of the news2 row from Avd 12 (its unit is part of it)


def _stored(database, external_id):
    return TicketRepository(database).get_by_external_id(external_id)


# -- the automatic id (defect 1) -----------------------------------------------------------------
def test_automatic_id_of_an_english_row_is_what_it_always_was():
    """Desks imported English-named files without ids: a changed id would duplicate their tickets."""
    assert stable_id({"created_at": "2025-04-30 08:17", "title": "news2", "description": NEWS}) == "auto-69e3c1daa217"
    assert stable_id({"created_at": datetime(2025, 4, 30, 8, 17), "title": "Skriver ej ut etiketter",
                      "description": "Etikettskrivare Zebra"}) == "auto-953776b9279e"
    # a row with a unit now has the unit in its id too (two units' identical tickets are two tickets);
    # a desk that stored it under the old id finds it by that id on a re-import (test_import_real_files)
    row = {"Title ": "news2", "DESCRIPTION": " news summan ", "created_at": "2025-04-30 08:17", "unit": "Avd 12"}
    assert stable_id(row) == "auto-8c31205c90dc"
    ticket, *_ = read_ticket_row(row, load_taxonomy())
    assert ticket.external_id == "auto-f9a2ebc4d0f8"
    ticket, *_ = read_ticket_row({"title": "", "description": "bara beskrivning\nrad två", "created_at": "2025-04-30"},
                                 load_taxonomy())
    assert ticket.external_id == "auto-be3deb0af888"


def test_english_csv_without_id_keeps_its_ids(memory_db, tmp_path):
    path = _csv(tmp_path / "en.csv", f'title,description,created_at,unit\nnews2,"{NEWS}",2025-04-30 08:17,Avd 12\n')
    assert import_tickets(memory_db, path).new == 1
    assert _stored(memory_db, NEWS_ID).title == "news2"
    assert import_tickets(memory_db, path).unchanged == 1


def test_swedish_columns_without_id_import_every_row(memory_db, tmp_path):
    """Defect 1: 'Rubrik;Beskrivning;Skapad;Enhet' without id kept one row ('samma id som rad 2')."""
    path = _csv(tmp_path / "sv.csv", "Rubrik;Beskrivning;Skapad;Enhet\n"
                f"news2;{NEWS};2025-04-30 08:17;Avd 12\n"
                "Kan ej signera;Pennan är grå;2025-04-30 09:00;Avd 7\n"
                "Labsvar saknas;CRP syns inte;2025-04-30 10:00;Avd 7\n")
    report = import_tickets(memory_db, path)
    assert (report.new, report.rejected) == (3, [])
    # the same rows under the English names are the same tickets
    assert _stored(memory_db, NEWS_ID).unit == "Avd 12"
    english = _csv(tmp_path / "en.csv", f"title;description;created_at;unit\nnews2;{NEWS};2025-04-30 08:17;Avd 12\n")
    assert import_tickets(memory_db, english).unchanged == 1


# -- Swedish label and date columns (defect 2) -------------------------------------------------------
def test_swedish_label_role_and_date_columns_are_read(memory_db, tmp_path):
    path = _csv(tmp_path / "labels.csv", "Ärendenummer;Rubrik;Beskrivning;Datum;Modul;Typ;Roll;Åtgärd\n"
                "S1;Fråga om tidbok;Hur bokar man om;2025-05-13 10:00;Läkemedel;Önskemål;Läkare;Visade vyn\n")
    report = import_tickets(memory_db, path)
    assert (report.new, report.rejected, report.warnings) == (1, [], [])
    ticket = _stored(memory_db, "S1")
    assert (ticket.created_at, ticket.module, ticket.kind) == ("2025-05-13T10:00:00", "lakemedel", "onskemal")
    assert ticket.reporter_role == load_taxonomy().normalise("reporter_roles", "Läkare") and ticket.reporter_role
    assert ticket.resolution == "Visade vyn" and ticket.label_source == "human"


@pytest.mark.parametrize("header", ["Anmälare roll", "Anmälarens yrkesroll", "Reporter role", "Yrke", "Befattning"])
def test_a_role_column_named_as_a_ticket_system_names_it_is_read(memory_db, tmp_path, header):
    """Tester (Region Mälarbygd's Excel export): "Anmälare roll" was warned about as unknown and every
    ticket lost its role, so "Anmäls av" on the agenda named units only."""
    path = _csv(tmp_path / "roles.csv", f"Ärendenr;Skapad;Rubrik;Beskrivning;Enhet;{header};Kontroll\n"
                "MB-1;2026-11-03 08:14;Etiketter;Skriver inte ut;Avd 4;Undersköterska;ja\n")
    report = import_tickets(memory_db, path)
    assert report.new == 1 and not any(header in text for _line, text in report.warnings)
    assert _stored(memory_db, "MB-1").reporter_role == load_taxonomy().normalise("reporter_roles", "Undersköterska")
    assert "reporter_role" not in ticket_fields({"Kontroll": "ja"}), "a word that merely ends in 'roll' is no role"


def test_an_international_ticket_tools_columns_are_read_text_and_unit_included(memory_db, tmp_path):
    """Tester (Region Östanå's export, English headers): "Body" and "Requester department" were warned about
    as unknown and every ticket was stored without its text and unit, so the identity number in a
    forwarded mail was never looked at. A column named by its last word is read ("Requester department"),
    unless a word of another field comes first ("Resolution details" is no description)."""
    path = _csv(tmp_path / "tool.csv", "Ticket ID,Created,Subject,Body,Requester department,Requester role,Resolution details\n"
                "OST-1,2027-03-16T08:14:00+01:00,SITHS låst,\"VB: pat 19121212-1212\nkortet är låst\",Avd 9 Kirurg,Sjuksköterska,"
                "Låste upp kortet\n")
    report = import_tickets(memory_db, path)
    ticket = _stored(memory_db, "OST-1")
    assert report.new == 1 and ticket.description.startswith("VB: pat") and "19121212-1212" not in ticket.description
    assert ticket.unit == "Avd 9 Kirurg" and ticket.reporter_role
    assert ticket_fields({"Resolution details": "x", "Ärendets beskrivning": "y"}) == {"description": "y"}
    (warning,) = [text for _line, text in report.warnings if "Resolution details" in text]
    assert "utan beskrivning" not in warning, "the text was read: no word about tickets without it"


def test_a_file_whose_text_column_is_not_read_says_its_tickets_were_stored_without_it(memory_db, tmp_path):
    path = _csv(tmp_path / "other.csv", "Rubrik;Skapad;Ärendets innehåll\nEtiketter;2026-11-03 08:14;Skriver inte ut\n")
    report = import_tickets(memory_db, path)
    (warning,) = [text for _line, text in report.warnings if "Ärendets innehåll" in text]
    assert "sparades utan beskrivning" in warning and "Beskrivning" in warning


def test_a_file_without_ids_imported_before_its_role_column_was_read_is_updated_not_doubled(memory_db, tmp_path):
    """Earlier versions read no role from "Anmälare roll" and made a row's automatic id without it: a
    re-import of the same file finds those tickets by that id."""
    before = _csv(tmp_path / "before.csv", "Skapad;Rubrik;Beskrivning;Enhet\n2026-11-03 08:14;Etiketter;Skriver inte ut;Avd 4\n")
    assert import_tickets(memory_db, before).new == 1
    same = _csv(tmp_path / "same.csv", "Skapad;Rubrik;Beskrivning;Enhet;Anmälare roll\n"
                "2026-11-03 08:14;Etiketter;Skriver inte ut;Avd 4;Undersköterska\n")
    report = import_tickets(memory_db, same)
    assert (report.new, report.updated) == (0, 1)
    assert TicketRepository(memory_db).count() == 1
    assert import_tickets(memory_db, same).unchanged == 1


def test_column_names_match_whatever_case_and_spaces():
    fields = ticket_fields({" MODUL ": "Läkemedel", "Skapad  Datum": "2025-05-13", "reporter role": "ssk",
                            "ÄRENDE-ID": "A1"})
    assert fields == {"module": "Läkemedel", "created_at": "2025-05-13", "reporter_role": "ssk", "external_id": "A1"}


def test_of_two_columns_for_one_field_the_english_or_first_named_wins():
    fields = ticket_fields({"Datum": "2025-05-13", "Skapad": "2025-05-13 10:00", "rubrik": "sv", "title": "en"})
    assert (fields["created_at"], fields["title"]) == ("2025-05-13 10:00", "en")
    assert ticket_fields({"title": "  ", "Rubrik": "sv"})["title"] == "sv"  # an empty column gives way


def test_unknown_columns_are_warned_about_once_per_file(memory_db, tmp_path):
    path = _csv(tmp_path / "extra.csv", "id;rubrik;skapad;Handläggare;Kostnadsställe\n"
                + "".join(f"E{i};Rubrik {i};2025-05-13;Sven;1\n" for i in range(5)))
    report = import_tickets(memory_db, path)
    assert report.new == 5
    assert len(report.warnings) == 1
    line, text = report.warnings[0]
    assert line == 1 and "'Handläggare', 'Kostnadsställe'" in text and "känns inte igen" in text
    assert "rubrik" in text and "modul" in text and "ärendetyp" in text  # the names that are understood


def test_unknown_key_in_jsonl_is_warned_at_its_first_line_and_list_output_is_not(memory_db, tmp_path):
    rows = [{"id": "J1", "title": "a", "created_at": "2025-05-13", "label_source": "human"},
            {"id": "J2", "title": "b", "created_at": "2025-05-13", "Kostnadsställe": "4711"},
            {"id": "J3", "title": "c", "created_at": "2025-05-13", "Kostnadsställe": "4712"}]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "j.jsonl", rows))
    assert report.new == 3 and [(line, "'Kostnadsställe'" in text) for line, text in report.warnings] == [(2, True)]


def test_file_without_title_or_description_column_names_its_columns(memory_db, tmp_path):
    """Wrong column names: each row's reason says so instead of 'has no text'."""
    path = _csv(tmp_path / "fel.csv", "namn;text;datum\nA;Kan ej signera dos;2025-05-06\nB;Labsvar saknas;2025-05-06\n")
    report = import_tickets(memory_db, path)
    assert report.new == 0 and [line for line, _ in report.rejected] == [2, 3]
    for _line, reason in report.rejected:
        assert "ingen kolumn" in reason and "rubrik eller beskrivning" in reason
        assert "'namn', 'text', 'datum'" in reason and "varken" not in reason


def test_workbook_with_header_row_further_down_names_what_it_found(memory_db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Ärendelista vecka 20"])
    sheet.append([None, None, None])
    sheet.append(["id", "rubrik", "skapad"])
    sheet.append(["X-1", "Kan ej signera", "2025-05-13"])
    workbook.save(tmp_path / "ovanfor.xlsx")
    report = import_tickets(memory_db, tmp_path / "ovanfor.xlsx")
    # a title above the header row is passed over and said (it rejected every row before: region exports, item 1)
    assert (report.new, report.rejected) == (1, [])
    assert [line for line, text in report.warnings if "kolumnernas namn står på rad 3" in text] == [1]


def test_a_row_without_text_in_a_good_file_keeps_its_own_reason(memory_db, tmp_path):
    path = _csv(tmp_path / "tom_rad.csv", "id;rubrik;skapad\nA;Text;2025-05-13\nB;;2025-05-13\n")
    report = import_tickets(memory_db, path)
    assert report.new == 1 and report.rejected == [(3, "varken rubrik (title) eller beskrivning (description) har text")]


# -- classify (defect 3) ----------------------------------------------------------------------
def test_classify_reads_swedish_columns_and_reports_rows_without_text(tmp_path, capsys):
    swedish = write_jsonl(tmp_path / "sv.jsonl", [
        {"ärendenummer": "K1", "Rubrik": "Kan ej logga in med SITHS", "Beskrivning": "kortet läses inte"},
        {"id": "K2", "Title": "Nova loggar ut", "Description": "hela tiden"},
        {"id": "K3"}])
    english = write_jsonl(tmp_path / "en.jsonl", [{"id": "K1", "title": "Kan ej logga in med SITHS",
                                                   "description": "kortet läses inte"}])
    assert main(["classify", str(swedish), "--out", str(tmp_path / "sv_labels.jsonl")]) == 0
    assert "1 rad utan text" in capsys.readouterr().err
    assert main(["classify", str(english), "--out", str(tmp_path / "en_labels.jsonl")]) == 0
    lines = [json.loads(line) for line in (tmp_path / "sv_labels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["K1", "K2", "K3"]
    assert lines[0] == json.loads((tmp_path / "en_labels.jsonl").read_text(encoding="utf-8"))  # as if named in English
    assert lines[0]["module"] == "inloggning_siths" and lines[1]["module"] == "nova_mobil"
    assert set(lines[1]) == {"id", "module", "confidence", "kind", "kind_confidence", "top"}
    assert "module" not in lines[2] and lines[2]["line"] == 3 and "rad 3" in lines[2]["error"]


def test_classify_with_no_text_at_all_exits_1_and_writes_nothing(tmp_path, capsys):
    path = _csv(tmp_path / "fel.csv", "namn;text\nA;Kan ej signera dos\n")
    assert main(["classify", str(path), "--out", str(tmp_path / "out.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "inget att klassa" in err and "'namn', 'text'" in err
    assert not (tmp_path / "out.jsonl").exists()


# -- evaluate (defect 4) -------------------------------------------------------------------------
def test_evaluate_without_kinds_reports_no_kind_score(tmp_path, capsys):
    rows = [{"id": "E1", "title": "Skrivaren", "description": "skriver inte ut etiketter",
             "module": "utskrift_hardvara"},
            {"id": "E2", "title": "SITHS", "description": "kortet spärrat, PIN fel", "module": "inloggning_siths"}]
    path = write_jsonl(tmp_path / "e.jsonl", rows)
    assert main(["evaluate", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["kind_accuracy"], report["kind_macro_f1"], report["kind_n"]) == (None, None, 0)
    assert main(["evaluate", str(path)]) == 0
    assert "typen utvärderades inte" in capsys.readouterr().out


def test_kind_is_scored_only_on_rows_that_have_one():
    report = evaluate_predictions(["a", "b", "a"], ["a", "b", "b"], true_kind=["fel", "", ""],
                                  predicted_kind=["handhavande", "fel", "fel"])
    assert (report["kind_n"], report["kind_accuracy"], report["kind_macro_f1"]) == (1, 0.0, 0.0)


def test_summary_reads_a_rate_as_a_rate():
    """'(Hög, 57% av ärendena) har den rätt 20 av 20 gånger' where 17 tickets were Hög."""
    report = {"n": 30, "accuracy": 23 / 30, "top_confusions": [["lakemedel", "link_samordning", 1]],
              "bands": {"hog": {"count": 17, "correct": 17, "precision": 1.0},
                        "lag": {"count": 2, "correct": 0, "precision": 0.0}}}
    summary = plain_summary(report)
    assert "(Hög, 17 av 30 ärenden) har den rätt i 100 % av dem (17 av 17)" in summary
    assert "20 av 20" not in summary and "(1 gång)" in summary and "1 gånger" not in summary
    assert "(Låg, 2 av 30 ärenden) har den rätt i 0 av 2 – låt en människa avgöra" in summary
    assert "%" not in summary.split("(Låg")[1].split(".")[0], "a percentage of two tickets says more than they can"


@pytest.mark.parametrize("count, word", [(1, "1 gång"), (3, "3 gånger")])
def test_confusion_count_grammar(count, word):
    report = {"n": 5, "accuracy": 0.4, "top_confusions": [["a", "b", count]], "bands": {}}
    assert f"({word})" in plain_summary(report)


@pytest.mark.parametrize("written, stored", [
    ("06.05.2025 08:15", "2025-05-06T08:15:00"), ("6.5.2025", "2025-05-06T00:00:00"),
    ("2025-05-06 08.15", "2025-05-06T08:15:00"), ("06.05.2025 kl. 14.30", "2025-05-06T14:30:00"),
    ("6.5.2025, 9:05", "2025-05-06T09:05:00"), ("2025-05-06 08:15", "2025-05-06T08:15:00"),
])
def test_a_date_written_the_swedish_way_is_read(memory_db, tmp_path, written, stored):
    path = _csv(tmp_path / "d.csv", f"Ärendenummer;Rubrik;Datum\nD-1;Skrivaren;{written}\n")
    report = import_tickets(memory_db, path)
    assert not report.rejected
    assert _stored(memory_db, "D-1").created_at == stored


@pytest.mark.parametrize("written", ["31.02.2025", "19800101-0027", "06.05.25"])
def test_a_date_that_cannot_be_read_for_sure_is_refused_naming_the_forms(memory_db, tmp_path, written):
    path = _csv(tmp_path / "d.csv", f"Ärendenummer;Rubrik;Datum\nD-1;Skrivaren;{written}\n")
    report = import_tickets(memory_db, path)
    assert len(report.rejected) == 1 and "DD.MM.ÅÅÅÅ" in report.rejected[0][1]


def test_evaluate_reads_labels_written_by_their_names(tmp_path, _fresh_model_cache, capsys):
    """A labelled file from a spreadsheet says "Läkemedel", not lakemedel: scored as the same label."""
    rows_ids = [{"title": "Kan inte signera given dos", "description": "Utdelningsvyn låter mig inte signera dosen",
                 "module": "lakemedel", "kind": "handhavande"},
                {"title": "SITHS-kortet spärrat", "description": "Fel PIN tre gånger, behöver PUK-koden",
                 "module": "inloggning_siths", "kind": "konfiguration"}]
    taxonomy = load_taxonomy()
    rows_names = [dict(r, module=taxonomy.module_name(r["module"]), kind=taxonomy.kind_name(r["kind"])) for r in rows_ids]
    reports = []
    for name, rows in (("ids.jsonl", rows_ids), ("names.jsonl", rows_names)):
        assert main(["evaluate", str(write_jsonl(tmp_path / name, rows)), "--json"]) == 0
        reports.append(json.loads(capsys.readouterr().out))
    assert rows_names[0]["module"] != "lakemedel"
    assert reports[0]["accuracy"] == reports[1]["accuracy"] and reports[0]["kind_accuracy"] == reports[1]["kind_accuracy"]
