"""Import of the files regions really have, as an exploratory tester tried them (stop 21): labels that
confirm, names from other tools, rows without ids, repeated columns, other sheets and 8-bit encodings."""

from __future__ import annotations

from dataclasses import fields

import pytest

from elsdesk.cli import _reason_kind, main
from elsdesk.domain import HUMAN, INTAKE, MODEL
from elsdesk.importer import automatic_id, read_ticket_row, stable_id
from elsdesk.masking import mask_text
from elsdesk.ml.model import Prediction
from elsdesk.services.classification import apply_predictions
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository
from elsdesk.taxonomy import fold, load_taxonomy


def _file(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def _stored(database, external_id):
    return TicketRepository(database).get_by_external_id(external_id)


def _set_labels(database, external_id, module, kind, source):
    with database.write() as conn:
        conn.execute("UPDATE tickets SET module = ?, kind = ?, label_source = ? WHERE external_id = ?",
                     (module, kind, source, external_id))


class _FixedModel:
    """A model that suggests one module and kind for every ticket."""

    def __init__(self, module="lakemedel", kind="handhavande"):
        self.module, self.kind = module, kind

    def predict(self, rows):
        return [Prediction(self.module, 0.9, self.kind, 0.8, [(self.module, 0.9)]) for _ in rows]


# -- labels in a file confirm tickets the model already got right ------------------------------
def test_import_confirms_model_labels_it_repeats(memory_db, tmp_path):
    plain = _file(tmp_path / "day1.csv", "id;Rubrik;Datum\nQ1;Lista uppdateras ej;2026-01-13\nQ2;Kan ej boka;2026-01-13\n")
    import_tickets(memory_db, plain)
    _set_labels(memory_db, "Q1", "lakemedel", "fel", MODEL)
    _set_labels(memory_db, "Q2", "lakemedel", "fel", INTAKE)
    labelled = _file(tmp_path / "expected.csv", "id;Rubrik;Datum;Modul;Typ\nQ1;Lista uppdateras ej;2026-01-13;lakemedel;fel\n"
                     "Q2;Kan ej boka;2026-01-13;lakemedel;fel\n")
    report = import_tickets(memory_db, labelled)
    assert (report.updated, report.unchanged) == (2, 0)
    for external_id in ("Q1", "Q2"):
        ticket = _stored(memory_db, external_id)
        assert ticket.label_source == HUMAN
        history = TicketRepository(memory_db).label_history(ticket.id)
        confirmations = {(c.field, c.old, c.new) for c in history if c.source == "import" and c.old == c.new}
        assert confirmations == {("module", "lakemedel", "lakemedel"), ("kind", "fel", "fel")}
    again = import_tickets(memory_db, labelled)  # idempotent
    assert (again.updated, again.unchanged) == (0, 2)


# -- module and kind names of other tools --------------------------------------------------------
@pytest.mark.parametrize("group,value,expected", [
    ("modules", "Journal", "journal_dokumentation"), ("modules", "Remisser", "remiss"),
    ("modules", "Tidbok", "tidbok_resursplanering"), ("modules", "BoS", "bestallning_svar"),
    ("modules", "SITHS", "inloggning_siths"), ("modules", "Inloggning", "inloggning_siths"),
    ("modules", "Kassa", "kassa_avgifter"), ("modules", "Intyg", "intyg_blanketter"),
    ("modules", "Link", "link_samordning"), ("modules", "Cosmic Link", "link_samordning"),
    ("kinds", "Fråga", "handhavande"), ("kinds", "Handhavandefråga", "handhavande"), ("kinds", "Bugg", "fel"),
    ("kinds", "Bug", "fel"), ("kinds", "Förbättringsförslag", "onskemal"), ("kinds", "Konfig", "konfiguration"),
])
def test_names_from_other_tools_are_recognised(group, value, expected):
    assert load_taxonomy().normalise(group, value) == expected


def test_no_spelling_names_two_labels():
    taxonomy = load_taxonomy()
    for group in (f.name for f in fields(taxonomy)):
        owner: dict[str, str] = {}
        for label in getattr(taxonomy, group):
            for spelling in label.spellings():
                for key in {spelling.strip().casefold(), fold(spelling)}:
                    assert owner.setdefault(key, label.id) == label.id, f"{group}: '{spelling}' names {owner[key]} and {label.id}"


# -- a row with a kind and no module gets the model's module ---------------------------------------
def test_kind_only_row_gets_a_module_suggestion_and_keeps_its_kind(memory_db, tmp_path):
    path = _file(tmp_path / "kind_only.csv", "Ärendenummer;Rubrik;Datum;Ärendetyp;Modul\n"
                 "KO-0;Kan ej signera dos;2026-11-03 10:00;Fel;\nKO-1;Skrivaren;2026-11-03 10:00;Fel;Okänd modul\n")
    import_tickets(memory_db, path)
    assert apply_predictions(memory_db, _FixedModel(), {"version": "t1"}) == 2
    for external_id in ("KO-0", "KO-1"):
        ticket = _stored(memory_db, external_id)
        assert (ticket.module, ticket.kind, ticket.label_source) == ("lakemedel", "fel", MODEL)
    assert import_tickets(memory_db, path).unchanged == 2  # a re-import neither confirms nor duplicates


# -- the automatic id ------------------------------------------------------------------------------
def test_identical_tickets_of_two_units_are_two_tickets(memory_db, tmp_path):
    row = "Kan ej logga in;SITHS-kortet läses inte;2026-11-03 08:00"
    path = _file(tmp_path / "duprows.csv", f"Rubrik;Beskrivning;Datum;Enhet\n{row};Avd 1\n{row};Avd 1\n{row};Avd 2\n")
    report = import_tickets(memory_db, path)
    assert (report.new, report.rejected) == (2, [])
    assert [line for line, _ in report.warnings] == [3]
    assert "samma ärende som rad 2" in report.warnings[0][1] and "id" not in report.warnings[0][1]


def test_same_ticket_written_differently_is_one_ticket(memory_db, tmp_path):
    iso = _file(tmp_path / "noid.csv", "Rubrik;Beskrivning;Datum;Enhet\nKan ej logga in;SITHS läses inte;2026-11-03 08:15;Avd 1\n")
    dotted = _file(tmp_path / "noid_dotdate.csv",
                   "Rubrik;Beskrivning;Datum;Enhet\nKan ej  logga in ;SITHS läses inte;03.11.2026 08:15;Avd 1\n")
    assert import_tickets(memory_db, iso).new == 1
    assert import_tickets(memory_db, dotted).new == 0  # the same ticket (its title updated), not a second one


def test_ticket_stored_under_the_old_automatic_id_is_not_duplicated(memory_db, tmp_path):
    fields_ = {"created_at": "03.11.2026 08:15", "title": "Kan ej logga in", "description": "SITHS", "unit": "Avd 1"}
    path = _file(tmp_path / "old.csv", "title;description;created_at;unit\nKan ej logga in;SITHS;03.11.2026 08:15;Avd 1\n")
    import_tickets(memory_db, path)
    old_id = stable_id(fields_)
    with memory_db.write() as conn:  # as an earlier version stored it
        conn.execute("UPDATE tickets SET external_id = ?", (old_id,))
    report = import_tickets(memory_db, path)
    assert (report.new, report.unchanged) == (0, 1)
    assert _stored(memory_db, old_id) is not None


def test_a_plain_row_keeps_the_id_it_always_had():
    ticket, *_ = read_ticket_row({"title": "news2", "description": "x", "created_at": "2025-04-30 08:17"}, load_taxonomy())
    assert ticket.external_id == stable_id({"title": "news2", "description": "x", "created_at": "2025-04-30 08:17"})


# -- automatic ids are not masked --------------------------------------------------------------
def test_an_automatic_id_that_looks_like_a_number_is_not_masked(memory_db, tmp_path):
    from datetime import datetime

    number = next(n for n in range(100_000)
                  if mask_text(automatic_id(datetime(2026, 11, 3), f"Tidbok {n}", "")).total)
    path = _file(tmp_path / "late.csv", f"Rubrik;Datum\nTidbok {number};2026-11-03\n")
    report = import_tickets(memory_db, path)
    assert (report.new, report.masked, report.warnings) == (1, 0, [])
    assert _stored(memory_db, automatic_id(datetime(2026, 11, 3), f"Tidbok {number}", "")) is not None


# -- a repeated column ----------------------------------------------------------------------------
def test_repeated_column_loses_no_text(memory_db, tmp_path):
    path = _file(tmp_path / "dupcols.csv", "id;Rubrik;Beskrivning;Datum;Beskrivning\nA;Ett;Första;2026-11-03;\n"
                 "B;Två;;2026-11-03;Andra\nC;Tre;Trea;2026-11-03;Extra\n")
    report = import_tickets(memory_db, path)
    assert report.new == 3
    assert [(line, "'Beskrivning'" in text) for line, text in report.warnings] == [(1, True)]
    assert [_stored(memory_db, i).description for i in "ABC"] == ["Första", "Andra", "Trea\nExtra"]


# -- messages -------------------------------------------------------------------------------------
def test_missing_date_is_said_in_swedish_with_the_date_columns(memory_db, tmp_path):
    path = _file(tmp_path / "nodate.csv", "Rubrik;Beskrivning\nA;B\nC;D\n")
    report = import_tickets(memory_db, path)
    assert report.rejected == [(2, "datum saknas"), (3, "datum saknas")]
    assert [line for line, text in report.warnings if "ingen datumkolumn" in text and "skapad" in text] == [1]


def test_a_day_that_does_not_exist(memory_db, tmp_path):
    report = import_tickets(memory_db, _file(tmp_path / "d.csv", "Rubrik;Datum\nA;31.02.2026\n"))
    assert "dagen finns inte" in report.rejected[0][1] and "28" in report.rejected[0][1]


def test_file_cut_off_inside_a_quote(memory_db, tmp_path):
    report = import_tickets(memory_db, _file(tmp_path / "t.csv", 'Rubrik;Beskrivning;Datum\nA;"ok";2026-11-03\nB;"Texten slutar'))
    assert report.new == 1 and "citattecken" in report.rejected[0][1] and "avslutas aldrig" in report.rejected[0][1]


def test_identifiers_masked_in_the_known_problem_are_counted(memory_db, tmp_path):
    path = _file(tmp_path / "p.csv", "id;Rubrik;Datum;Känt problem\nKP-9;Dubbel journal;2026-11-03;Pat 19121212-1212 dubbel\n")
    assert import_tickets(memory_db, path).masked == 1


def test_grouped_messages_keep_numbers_of_the_text():
    assert "Windows-1252" in _reason_kind("raden har byte som inte är giltig Windows-1252")
    assert _reason_kind("samma id som rad 17; raden importeras inte") == _reason_kind("samma id som rad 4; raden importeras inte")


# -- a file that cannot be read creates no desk -------------------------------------------------------
def test_missing_file_creates_no_desk(tmp_path, capsys):
    desk = tmp_path / "typo.db"
    with pytest.raises(SystemExit) as exit_info:  # a file named that cannot be opened: usage, exit 2 (elsdesk.cli_errors)
        main(["--db", str(desk), "import", str(tmp_path / "does_not_exist.csv")])
    assert exit_info.value.code == 2
    assert not desk.exists()


# -- tickets on another sheet ------------------------------------------------------------------------
def test_tickets_on_the_second_sheet_are_read(memory_db, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Sammanfattning"
    workbook.active.append(["Vecka", "Antal"])
    workbook.active.append(["2026-W45", 3])
    sheet = workbook.create_sheet("Ärenden")
    sheet.append(["Rubrik", "Datum"])
    sheet.append(["Kan ej signera", "2026-11-03"])
    workbook.save(tmp_path / "two.xlsx")
    report = import_tickets(memory_db, tmp_path / "two.xlsx")
    assert report.new == 1
    assert any("'Ärenden'" in text for _line, text in report.warnings)


def test_a_second_sheet_of_tickets_is_named_not_dropped_without_a_word(memory_db, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Info"
    workbook.active.append(["Export från ärendesystemet"])
    for name, title in (("Ärenden", "Kan ej signera"), ("Ärenden 2", "Skrivaren skriver inte ut")):
        sheet = workbook.create_sheet(name)
        sheet.append(["Rubrik", "Datum"])
        sheet.append([title, "2026-11-03"])
    workbook.save(tmp_path / "three.xlsx")
    report = import_tickets(memory_db, tmp_path / "three.xlsx")
    assert report.new == 1
    assert any("'Ärenden 2'" in text and "lästes inte" in text for _line, text in report.warnings)


# -- DOS and Mac encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["cp850", "mac_roman"])
def test_dos_and_mac_csv_keep_swedish_letters(memory_db, tmp_path, encoding):
    path = _file(tmp_path / "x.csv", "id;Rubrik;Datum\nE1;Läkemedel försvinner på avdelning Öst;2026-11-03\n", encoding)
    report = import_tickets(memory_db, path)
    assert _stored(memory_db, "E1").title == "Läkemedel försvinner på avdelning Öst"
    assert len(report.warnings) == 1


def test_windows_1252_is_still_windows_1252(memory_db, tmp_path):
    path = _file(tmp_path / "x.csv", "id;Rubrik;Datum\nE1;Avgift – 200 € för läkemedel ”snart”;2026-11-03\n", "cp1252")
    report = import_tickets(memory_db, path)
    assert (_stored(memory_db, "E1").title, report.warnings) == ("Avgift – 200 € för läkemedel ”snart”", [])


def test_a_file_that_changes_a_confirmed_label_says_so(memory_db, tmp_path):
    """Two super-users disagree through files: the second file's label wins, as a person's word, but the
    import says which confirmed labels it changed instead of counting them as plain updates."""
    first = _file(tmp_path / "anna.csv", "Ärendenummer;Rubrik;Datum;Modul;Typ\nQA-1;Kan ej signera dos;2026-11-03;Läkemedel;Fel\n")
    second = _file(tmp_path / "bertil.csv", "Ärendenummer;Rubrik;Datum;Modul;Typ\nQA-1;Kan ej signera dos;2026-11-03;Kassa;Fel\n")
    import_tickets(memory_db, first)
    report = import_tickets(memory_db, second)
    assert report.updated == 1 and _stored(memory_db, "QA-1").module == "kassa_avgifter"
    assert [(line, text) for line, text in report.warnings if "bekräftad modul ändrad" in text] == [
        (2, "bekräftad modul ändrad från Läkemedel till Kassa och avgifter (den var bekräftad av en superanvändare;"
            " etiketthistoriken har båda)")]
    assert not [text for _line, text in import_tickets(memory_db, second).warnings if "bekräftad" in text]
