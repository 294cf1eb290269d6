"""Issue 10, "Nothing lost, nothing leaked": imports under careless or hostile input.

Each test is named after the item of issue 10 it guards. Personnummer here are the official
test numbers (19121212-1212, 19800101-0027 style) or made-up numbers that pass Luhn.
"""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.domain import BadInputError, TicketFilter
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository, open_database
from test_masking import written_email_addresses, written_identity_numbers, written_phone_numbers


def _stored(database, external_id):
    return TicketRepository(database).get_by_external_id(external_id)


# -- data lost or corrupted while the command says it succeeded -------------------------------
def test_issue_10_reimport_without_a_column_keeps_stored_fields(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "full.jsonl", sample_rows(3)))
    status_update = tmp_path / "status.csv"
    status_update.write_text("id,created_at,title,status\n"
                             "T-00001,2025-04-28T08:15:00,Kan inte signera dos,lost\n", encoding="utf-8")
    report = import_tickets(memory_db, status_update)
    ticket = _stored(memory_db, "T-00001")
    assert report.updated == 1 and ticket.status == "lost"
    assert ticket.description.startswith("Utdelningsvyn låter mig inte signera")
    assert (ticket.unit, ticket.reporter_role, ticket.module) == ("Avd 12", "ssk", "lakemedel")
    only_description = tmp_path / "desc.jsonl"
    write_jsonl(only_description, [{"id": "T-00002", "created_at": "2025-04-28T09:15:00", "description": "Ny text"}])
    import_tickets(memory_db, only_description)
    ticket = _stored(memory_db, "T-00002")
    assert ticket.title == "SITHS-kortet låst" and ticket.description == "Ny text"


def test_issue_10_one_invalid_utf8_byte_rejects_its_line_and_keeps_the_file_utf8(memory_db, tmp_path):
    rows = [{"id": f"E{i}", "created_at": "2025-04-28", "title": "Läkemedelslistan", "description": "Överföring för åtgärd"}
            for i in range(4)]
    path = tmp_path / "one_bad_byte.jsonl"
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in rows]
    lines[2] = lines[2].replace("Överföring".encode(), b"\xd6verf\xf6ring")  # a cp1252 line in a UTF-8 file
    path.write_bytes(b"\n".join(lines) + b"\n")
    report = import_tickets(memory_db, path)
    assert report.new == 3 and [line for line, _ in report.rejected] == [3]
    assert "UTF-8" in report.rejected[0][1]
    for external_id in ("E0", "E1", "E3"):
        assert _stored(memory_db, external_id).title == "Läkemedelslistan"


def test_issue_10_mojibake_never_overwrites_good_text(memory_db, tmp_path):
    good = {"id": "G1", "created_at": "2025-04-28", "title": "Läkemedelslistan", "description": "Åtgärd på avdelningen"}
    import_tickets(memory_db, write_jsonl(tmp_path / "good.jsonl", [good]))
    garbled = {k: (v.encode("utf-8").decode("cp1252") if k in ("title", "description") else v) for k, v in good.items()}
    assert garbled["title"] == "LÃ¤kemedelslistan"
    report = import_tickets(memory_db, write_jsonl(tmp_path / "garbled.jsonl", [dict(garbled, status="lost")]))
    ticket = _stored(memory_db, "G1")
    assert ticket.title == "Läkemedelslistan" and ticket.description == "Åtgärd på avdelningen"
    assert ticket.status == "lost" and any("behölls" in w for _, w in report.warnings)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32", "cp1252"])
def test_issue_10_csv_in_any_common_encoding_reads_right(memory_db, tmp_path, encoding):
    text = "id;created_at;title;description\nU1;2025-04-28;Läkemedelslistan;Överföring från IVA\n"
    path = tmp_path / f"t-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    report = import_tickets(memory_db, path)
    assert report.new == 1 and not report.rejected
    ticket = _stored(memory_db, "U1")
    assert (ticket.title, ticket.description) == ("Läkemedelslistan", "Överföring från IVA")


def _xlsx_with_dimension(path, rows, dimension):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "created_at", "title", "description"])
    for row in rows:
        sheet.append(row)
    plain = path.with_suffix(".plain.xlsx")
    workbook.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', f'<dimension ref="{dimension}"/>'.encode(), data)
            target.writestr(item, data)
    return path


def test_issue_10_xlsx_with_a_wrong_dimension_tag_imports_every_row(memory_db, tmp_path):
    rows = [[f"D{i}", "2025-04-28T10:00:00", f"Rad {i}", "text"] for i in range(10)]
    report = import_tickets(memory_db, _xlsx_with_dimension(tmp_path / "dim.xlsx", rows, "A1"))
    assert report.new == 10 and TicketRepository(memory_db).count() == 10


def test_issue_10_overlong_ids_are_refused_not_cut(memory_db, tmp_path):
    base = "X" * 200
    rows = [{"id": base + "A", "created_at": "2025-04-28", "title": "a"},
            {"id": base + "B", "created_at": "2025-04-28", "title": "b"},
            {"id": base, "created_at": "2025-04-28", "title": "c"}]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "long.jsonl", rows))
    assert report.new == 1 and [line for line, _ in report.rejected] == [1, 2]
    assert "200" in report.rejected[0][1]


def test_issue_10_whitespace_padded_ids_are_reported(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "a.jsonl", [{"id": "W-1", "created_at": "2025-04-28", "title": "a"}]))
    report = import_tickets(memory_db, write_jsonl(tmp_path / "b.jsonl", [{"id": " W-1 ", "created_at": "2025-04-28", "title": "b"}]))
    assert report.updated == 1 and any("blanksteg" in w for _, w in report.warnings)


def test_issue_10_duplicate_ids_in_one_file_are_refused(memory_db, tmp_path):
    rows = [{"id": "DUP", "created_at": "2025-04-28", "title": "först"},
            {"id": "OK", "created_at": "2025-04-28", "title": "annan"},
            {"id": "DUP", "created_at": "2025-04-28", "title": "sist"}]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "dup.jsonl", rows))
    assert report.new == 2 and report.rejected == [(3, report.rejected[0][1])]
    assert "rad 1" in report.rejected[0][1] and _stored(memory_db, "DUP").title == "först"


def test_issue_10_unterminated_csv_quote_is_reported(memory_db, tmp_path):
    lines = ["id,created_at,title,description", 'Q1,2025-04-28,Första,"citat som aldrig slutar']
    lines += [f"Q{i},2025-04-28,Rad {i},text" for i in range(2, 8)]
    path = tmp_path / "quote.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = import_tickets(memory_db, path)
    assert report.rejected and "citattecken" in report.rejected[0][1] and report.rejected[0][0] == 2
    assert TicketRepository(memory_db).count() == 0
    assert main(["--db", str(tmp_path / "q.db"), "import", str(path)]) == 1


# -- identifiers ------------------------------------------------------------------------------
def test_issue_10_external_id_is_masked_and_stays_idempotent(memory_db, tmp_path, capsys):
    rows = [{"id": "19121212-1212", "created_at": "2025-04-28", "title": "pnr som id"},
            {"id": "ärende 20121212-1212", "created_at": "2025-04-28", "title": "annat"}]
    path = write_jsonl(tmp_path / "pnr_id.jsonl", rows)
    first = import_tickets(memory_db, path)
    again = import_tickets(memory_db, path)
    ids = [t.external_id for t in TicketRepository(memory_db).iter_tickets()]
    assert first.new == 2 and again.unchanged == 2 and len(set(ids)) == 2
    assert all("1212" not in i and i.startswith(("[personnummer]~", "ärende [personnummer]~")) for i in ids)
    assert all("1212" not in w for _, w in first.warnings)


def test_issue_10_fields_are_masked_before_they_are_cut(memory_db, tmp_path):
    description = "x" * 75 + " 19121212-1212 och mer text"  # the title (first 80 characters) cuts the number
    role = "ssk" + " " * 50 + "pat 19121212-1212"           # the role's 60 characters cut it too
    import_tickets(memory_db, write_jsonl(tmp_path / "cut.jsonl", [
        {"id": "C1", "created_at": "2025-04-28", "description": description, "reporter_role": role}]))
    ticket = _stored(memory_db, "C1")
    for value in (ticket.title, ticket.description, ticket.reporter_role):
        assert "1912" not in value and "121212" not in value, value


def test_issue_10_personnummer_in_created_at_is_not_a_date(memory_db, tmp_path):
    rows = [{"id": "P1", "created_at": "19800101-0027", "title": "x"}, {"id": "P2", "created_at": "198001010027", "title": "y"}]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "pnr_date.jsonl", rows))
    assert report.new == 0 and len(report.rejected) == 2
    assert all("0027" not in reason for _, reason in report.rejected)


def test_issue_10_import_messages_never_echo_identifiers(db_path, tmp_path, capsys):
    rows = [{"id": "M1", "created_at": "2025-04-28", "title": "x", "status": "19121212-1212",
             "module": "0701234567", "kind": "anna.test@example.se"},
            {"id": "M2", "created_at": "121212-1212", "title": "y"}]
    main(["--db", str(db_path), "import", str(write_jsonl(tmp_path / "msg.jsonl", rows))])
    err = capsys.readouterr().err
    assert "varning" in err and "avvisad" in err
    for needle in ("1212", "0701234567", "anna.test"):
        assert needle not in err


# -- crashes and silent acceptance --------------------------------------------------------------
def test_issue_10_importing_a_directory_is_a_message(tmp_path, capsys):
    (tmp_path / "x.jsonl").mkdir()
    with pytest.raises(SystemExit) as exit_info:  # a file named that cannot be opened: usage, exit 2 (elsdesk.cli_errors)
        main(["--db", str(tmp_path / "d.db"), "import", str(tmp_path / "x.jsonl")])
    assert exit_info.value.code == 2
    assert "mapp" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"id,created_at,title\n"])
def test_issue_10_an_empty_file_is_reported(tmp_path, capsys, content):
    path = tmp_path / ("empty.csv" if content.startswith(b"id") else "empty.jsonl")
    path.write_bytes(content)
    assert main(["--db", str(tmp_path / "e.db"), "import", str(path)]) == 1
    assert "inga ärenden" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "1899-05-01T10:00"])
def test_issue_10_absurd_dates_are_refused(memory_db, tmp_path, value):
    report = import_tickets(memory_db, write_jsonl(tmp_path / "d.jsonl", [{"id": "A", "created_at": value, "title": "x"}]))
    assert report.new == 0 and "rimligt datum" in report.rejected[0][1]


def test_issue_10_a_million_bad_lines_print_a_summary(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text("inte json\n" * 5000 + json.dumps({"id": "ok", "created_at": "2025-04-28", "title": "x"}) + "\n")
    assert main(["--db", str(tmp_path / "b.db"), "import", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) <= 15 and "4990 rader till" in err[-1]


def test_issue_10_control_characters_never_reach_the_terminal(tmp_path, capsys):
    rows = [{"id": "ESC\x1b[2J", "created_at": "2025-04-28", "title": "Titel\x1b]0;hack\x07 med\tTAB", "description": "a\x1b[31mb"}]
    db = str(tmp_path / "c.db")
    main(["--db", db, "import", str(write_jsonl(tmp_path / "ctl.jsonl", rows))])
    capsys.readouterr()
    assert main(["--db", db, "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert main(["--db", db, "list", "--json"]) == 0
    assert "\x1b" not in capsys.readouterr().out


def test_issue_10_an_xlsx_bomb_is_refused_before_it_is_unpacked(memory_db, tmp_path):
    path = _xlsx_with_dimension(tmp_path / "bomb.xlsx", [["B1", "2025-04-28", "x", "y"]], "A1:D2")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/padding.xml", "w", force_zip64=True) as handle:
            block = b"A" * (1 << 20)
            for _ in range(40):  # 40 MB that pack into about 40 kB
                handle.write(block)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(BadInputError, match="zip-bomb|packas upp"):
        import_tickets(memory_db, path)


def test_issue_10_excel_numeric_phone_numbers_are_masked(memory_db, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "created_at", "title", "description", "unit"])
    sheet.append(["N1", "2025-04-28T09:00:00", "Ring mig", 701234567, 8123456])
    path = tmp_path / "numbers.xlsx"
    workbook.save(path)
    import_tickets(memory_db, path)
    ticket = _stored(memory_db, "N1")
    assert ticket.description == "[telefon]" and ticket.unit == "[telefon]"


def test_issue_10_read_only_desk_can_still_be_listed(tmp_path, capsys, monkeypatch):
    db = tmp_path / "ro.db"
    main(["--db", str(db), "import", str(write_jsonl(tmp_path / "r.jsonl", sample_rows(2))), "--no-classify"])
    capsys.readouterr()
    real_access = __import__("os").access
    monkeypatch.setattr("os.access", lambda p, mode, *a, **k: False if str(p).startswith(str(db)) and mode & 2 else real_access(p, mode, *a, **k))
    assert main(["--db", str(db), "list", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["--db", str(db), "import", str(write_jsonl(tmp_path / "r2.jsonl", sample_rows(1, start=9)))]) == 4
    assert "skrivskydd" in capsys.readouterr().err
    with open_database(db) as database:
        assert TicketRepository(database).count() == 2


def test_issue_10_a_newer_sqlite_schema_is_refused_without_writing(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "newer.db"
    main(["--db", str(db), "import", str(write_jsonl(tmp_path / "r.jsonl", sample_rows(2))), "--no-classify"])
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    before = db.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(write_jsonl(tmp_path / "s.jsonl", sample_rows(1, start=7)))]) == 4
    assert "nyare" in capsys.readouterr().err and db.read_bytes() == before


def _digits(text) -> str:
    return "".join(c for c in str(text) if c.isdigit())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.one_of(written_identity_numbers(), written_phone_numbers(), written_email_addresses()),
                          st.sampled_from(["id", "title", "description", "unit", "reporter_role", "resolution", "status",
                                           "module", "kind"])), min_size=1, max_size=8))
def test_issue_10_identifiers_planted_in_any_field_never_reach_storage(tmp_path_factory, planted):
    folder = tmp_path_factory.mktemp("plant")
    rows = []
    for number, (written, field) in enumerate(planted):
        row = {"id": f"H-{number}", "created_at": "2025-04-28T10:00:00", "title": "Signera dos", "description": "Pennan är grå"}
        row[field] = f"{row.get(field, '')} {written} x".strip()
        rows.append(row)
    database = open_database(":memory:")
    try:
        import_tickets(database, write_jsonl(folder / "p.jsonl", rows))
        stored = json.dumps([vars(t) for t in TicketRepository(database).iter_tickets()], ensure_ascii=False)
    finally:
        database.close()
    for written, _field in planted:
        if "@" in written:
            assert written.split("@")[0] not in stored, written
        else:
            assert _digits(written)[-7:] not in _digits(stored.replace("2025-04-28T10:00:00", "")), written


def test_issue_10_many_bad_lines_of_varying_values_are_summarised_per_kind(tmp_path, capsys):
    rows = [json.dumps({"id": f"V{i}", "created_at": f"dag {i}", "title": "x"}) for i in range(300)]
    rows += [json.dumps({"id": "V0", "created_at": "2025-04-28", "title": "dubbel"})] * 300
    path = tmp_path / "varying.jsonl"
    path.write_text("\n".join(rows) + "\n")
    assert main(["--db", str(tmp_path / "v.db"), "import", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) <= 25 and any("rader till" in line for line in err)


def test_issue_10_an_unterminated_quote_at_the_end_of_a_file_is_reported(memory_db, tmp_path):
    path = tmp_path / "tail.csv"
    path.write_text('id;created_at;title;description\nT1;2025-04-28;Första;ok\nT2;2025-04-28;Andra;"börjar citat\n'
                    "och fortsätter\nutan slut\n", encoding="utf-8")
    report = import_tickets(memory_db, path)
    assert report.new == 1 and report.rejected[0][0] == 3 and "citattecken" in report.rejected[0][1]
    ok = tmp_path / "ok.csv"
    ok.write_text('id;created_at;title;description\nT3;2025-04-28;Tredje;"flera\nrader"\n', encoding="utf-8")
    assert import_tickets(memory_db, ok).new == 1


def test_issue_10_a_logged_ticket_keeps_no_control_characters(memory_db):
    from elsdesk.domain import Ticket
    from elsdesk.services.tickets import log_ticket

    stored, _ = log_ticket(memory_db, Ticket(title="Skrivare\x1b[2J\x07", description="rad 1\nrad\x1b]0;x\x07 2"))
    assert stored.title == "Skrivare[2J" and stored.description == "rad 1\nrad]0;x 2"


def test_issue_10_a_workbook_unpacking_to_gigabytes_is_refused_before_openpyxl_reads_it(memory_db, tmp_path, monkeypatch):
    path = _xlsx_with_dimension(tmp_path / "strings.xlsx", [["S1", "2025-04-28", "x", "y"]], "A1:D2")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/sharedStrings2.xml", "w", force_zip64=True) as handle:
            block = b"A" * (1 << 20)
            for _ in range(300):
                handle.write(block)
    opened = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append(a) or (_ for _ in ()).throw(AssertionError))
    with pytest.raises(BadInputError, match="256 MB"):
        import_tickets(memory_db, path)
    assert opened == []


def test_issue_10_a_draft_masks_every_text_it_keeps(user_home):
    from elsdesk.drafts import load_draft, save_draft
    from elsdesk.paths import drafts_dir

    save_draft({"title": "pat 19121212-1212", "description": "x", "reporter_role": "ssk 0701234567",
                "problem": "anna.test@example.se", "module": "lakemedel"})
    raw = "".join(p.read_text(encoding="utf-8") for p in drafts_dir().iterdir())
    assert "1212" not in raw and "0701234567" not in raw and "anna.test" not in raw
    assert load_draft()["module"] == "lakemedel"


def test_a_word_of_a_hundred_thousand_letters_imports_and_its_ticket_is_found(memory_db, tmp_path):
    """A pasted run of one letter is no compound: its parts are not cut (they grew with the square
    of its length: gigabytes and a crash at 100,000 letters), and its ticket is found as any other."""
    path = write_jsonl(tmp_path / "long.jsonl", [
        {"id": "LONG-1", "created_at": "2025-04-28 08:00", "title": "å" * 100_000, "description": "Skrivaren " + "x" * 50_000},
        {"id": "LONG-2", "created_at": "2025-04-28 09:00", "title": "Läkemedelslistan visas tom", "description": ""},
    ])
    report = import_tickets(memory_db, path)
    assert report.new == 2 and not report.rejected
    parts = dict(memory_db.query("SELECT external_id, search_parts FROM tickets"))
    assert len(parts["LONG-1"]) < 100 and "listan" in parts["LONG-2"].split()
    repo = TicketRepository(memory_db)
    long_id = repo.external_ids(["LONG-1"])["LONG-1"].id
    assert repo.query_ids(TicketFilter(text="skrivaren")) == [long_id]  # (PostgreSQL skips words over 2,047 letters)


def test_a_line_breaking_control_character_is_a_line_break_not_glue(tmp_path):
    """A contract tester's FileMaker export broke lines in a field with a vertical tab (also a form feed and NEL):
    deleted, they glued "Rad ett" and "Rad två" into "Rad ettRad två" for the model, the topics and the search."""
    from elsdesk.plain_text import printable

    assert printable("Rad ett\x0bRad två\x0cSida två\x85Nästa rad\x00") == "Rad ett\nRad två\nSida två\nNästa rad"
    assert printable("Rad ett\x0bRad två", keep_newlines=False) == "Rad ett Rad två"
