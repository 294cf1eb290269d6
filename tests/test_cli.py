"""The command line contract of DESIGN.md section 4: version, --db, import, list --json, exit codes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk import __version__
from elsdesk.cli import main
from elsdesk.storage import open_database, TicketRepository


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_import_then_list_json(capsys, tmp_path, rows_file, db_target):
    db = str(db_target)
    assert main(["--db", db, "import", str(rows_file)]) == 0
    assert "nya: 5" in capsys.readouterr().out
    assert main(["--db", db, "list", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5
    assert set(lines[0]) == {"id", "created_at", "title", "description", "module", "kind", "problem", "status", "label_source"}
    assert lines[0]["id"] == "T-00001" and lines[0]["label_source"] == "human"


def test_db_option_after_command_and_env(capsys, tmp_path, rows_file, monkeypatch, db_target):
    db = str(db_target)
    assert main(["import", str(rows_file), "--db", db]) == 0
    capsys.readouterr()
    monkeypatch.setenv("ELSDESK_DB", db)
    assert main(["list", "--json"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5


def test_list_filters_by_week_and_module(capsys, tmp_path, db_target):
    db = str(db_target)
    rows = sample_rows(5) + sample_rows(5, start=100, week_day="2025-05-06")
    main(["--db", db, "import", str(write_jsonl(tmp_path / "w.jsonl", rows))])
    capsys.readouterr()
    main(["--db", db, "list", "--json", "--week", "2025-W19", "--module", "lakemedel"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["T-00100"]


def test_list_takes_a_module_by_its_name_as_list_shows_it(capsys, tmp_path, db_target):
    db = str(db_target)
    main(["--db", db, "import", str(write_jsonl(tmp_path / "m.jsonl", sample_rows(5))), "--no-classify"])
    capsys.readouterr()
    main(["--db", db, "list", "--json", "--module", "lakemedel"])
    by_id = capsys.readouterr().out
    assert by_id and main(["--db", db, "list", "--json", "--module", "Läkemedel"]) == 0
    assert capsys.readouterr().out == by_id


def test_list_searches_as_the_search_box_does(capsys, tmp_path, db_target):
    """A tester on a shared desk had no free-text search in the terminal."""
    db = str(db_target)
    rows = [{"id": "S-1", "created_at": "2025-05-06T08:00:00", "title": "Läkemedelslistan saknas", "description": "x"},
            {"id": "S-2", "created_at": "2025-05-06T09:00:00", "title": "Skrivare", "description": "skriver inte"}]
    main(["--db", db, "import", str(write_jsonl(tmp_path / "s.jsonl", rows)), "--no-classify"])
    capsys.readouterr()
    for typed, found in (("lakem", ["S-1"]), ("listan", ["S-1"]), ("S-2", ["S-2"]), ("skriv", ["S-2"])):
        assert main(["--db", db, "list", "--json", "--search", typed]) == 0
        assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == found, typed
    assert main(["--db", db, "list", "--search", "zzz"]) == 0
    assert "inga ärenden för sökningen 'zzz'" in capsys.readouterr().err


@pytest.mark.parametrize("data", [
    "id;created_at;title;description\r\nP-1;2026-11-03 08:00;Skrivare;skriver inte\r\n".encode("cp1252"),
    b'{"id": "P-1", "created_at": "2026-11-03T08:00:00", "title": "Skrivare"}\n',
], ids=["csv", "jsonl"])
def test_import_reads_standard_input_when_the_file_is_a_dash(capsys, tmp_path, monkeypatch, db_target, data):
    """A tester piped a file into `elsdesk import -` and was told "-: filen finns inte"."""
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["--db", str(db_target), "import", "-", "--no-classify", "--no-incidents"]) == 0
    assert capsys.readouterr().out.startswith("nya: 1,")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert main(["--db", str(db_target), "import", "-"]) == 1
    assert "elsdesk: -: filen innehåller inga ärenden" in capsys.readouterr().err


def test_bad_week_and_module_are_usage_errors_exit_2(capsys, tmp_path, db_target):
    db = str(db_target)
    open_database(db).close()  # an empty desk
    for option in (["--week", "nästa vecka"], ["--module", "nope"]):  # values typed wrong: usage (exit 2, as argparse's)
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", db, "list", *option])
        assert exit_info.value.code == 2
    assert "ISO-vecka" in capsys.readouterr().err


def test_broken_line_exit_1_names_line_and_keeps_rest(capsys, tmp_path, db_target):
    rows = [json.dumps(r) for r in sample_rows(3)]
    rows.insert(1, "{not json")
    path = write_jsonl(tmp_path / "broken.jsonl", rows)
    db = str(db_target)
    assert main(["--db", db, "import", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"{path}:2:" in captured.err
    assert "nya: 3" in captured.out


def test_missing_file_is_a_usage_error_exit_2(capsys, tmp_path, db_target):
    with pytest.raises(SystemExit) as exit_info:  # a file named on the command line that cannot be opened
        main(["--db", str(db_target), "import", str(tmp_path / "missing.jsonl")])
    assert exit_info.value.code == 2
    assert "finns inte" in capsys.readouterr().err


def test_usage_error_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2


def _cli(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "elsdesk", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def test_two_imports_at_once_all_rows_land(tmp_path, db_target):
    db = str(db_target)
    first = write_jsonl(tmp_path / "a.jsonl", sample_rows(3000, start=1))
    second = write_jsonl(tmp_path / "b.jsonl", sample_rows(3000, start=100_000))
    processes = [_cli("--db", db, "import", str(first)), _cli("--db", db, "import", str(second))]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
        assert b"locked" not in err
    with open_database(db) as database:
        assert TicketRepository(database).count() == 6000


def test_issue_9_two_imports_of_the_same_file_at_once_neither_fails_nor_duplicates(tmp_path, db_target):
    db = str(db_target)
    same = write_jsonl(tmp_path / "same.jsonl", sample_rows(2000, start=1))
    processes = [_cli("--db", db, "import", "--no-classify", str(same)) for _ in range(2)]
    for process in processes:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err.decode()
    with open_database(db) as database:
        assert TicketRepository(database).count() == 2000


def test_sigkill_during_import_keeps_earlier_batches_and_a_sound_database(tmp_path, db_target, backend):
    db = db_target
    path = write_jsonl(tmp_path / "big.jsonl", sample_rows(30_000))
    process = _cli("--db", str(db), "import", str(path))
    probe = open_database(db)
    try:
        for _attempt in range(2400):  # up to 120 s, checking every 50 ms
            if TicketRepository(probe).count() >= 1000:
                break
            with pytest.raises(subprocess.TimeoutExpired):
                process.wait(timeout=0.05)  # fails the test if the import ended before the kill
        else:
            pytest.fail("the import did not commit its first batches in time")
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        count = TicketRepository(probe).count()
        if backend == "sqlite":
            assert probe.query("PRAGMA integrity_check") == [("ok",)]
        assert count % 500 == 0 and 1000 <= count < 30_000
    finally:
        probe.close()
    rerun = _cli("--db", str(db), "import", str(path))
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    with open_database(db) as database:
        assert TicketRepository(database).count() == 30_000


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "notes.db"
    path.write_text("not a database " * 100)
    assert main(["--db", str(path), "list"]) == 4
    assert "kan inte användas" in capsys.readouterr().err


def test_a_stored_week_is_read_and_exported_without_loading_scikit_learn(capsys, tmp_path, db_target):
    """Issue 14: `topics --week` on a week already worked out, and its export, read what is stored;
    scikit-learn, which the finder needs, loads only when a week must be worked out."""
    db = str(db_target)
    main(["--db", db, "import", str(write_jsonl(tmp_path / "w.jsonl", sample_rows(20)))])
    assert main(["--db", db, "topics", "--week", "2025-W18", "--json"]) == 0
    computed = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert computed["topics"]
    script = (
        "import json, sys\n"
        "from elsdesk.cli import main\n"
        f"code = main(['--db', {db!r}, 'topics', '--week', '2025-W18', '--json'])\n"
        f"code += main(['--db', {db!r}, 'export', '--week', '2025-W18', '--out', {str(tmp_path / 'w18.md')!r}])\n"
        "print(json.dumps({'code': code, 'sklearn': 'sklearn' in sys.modules}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert json.loads(lines[-1]) == {"code": 0, "sklearn": False}
    assert json.loads(lines[0])["topics"] == computed["topics"]
    assert "Kan inte signera dos" in (tmp_path / "w18.md").read_text(encoding="utf-8")


def test_an_import_without_classification_loads_no_machine_learning(tmp_path, db_target):
    """Issue 14: `import --no-classify --no-incidents` stores and masks the tickets without scikit-learn, SciPy
    and NumPy (they took about a second of a 50,000-ticket import, and 110 MB of its memory); they load when
    the import classifies or scans for incidents."""
    db = str(db_target)
    rows = sample_rows(20)
    rows[0]["description"] = "Pat 19121212-1212 får ingen dos"
    script = (
        "import json, sys\n"
        "from elsdesk.cli import main\n"
        f"code = main(['--db', {db!r}, 'import', {str(write_jsonl(tmp_path / 'w.jsonl', rows))!r}, '--no-classify', '--no-incidents'])\n"
        "print(json.dumps({'code': code, 'loaded': sorted(m for m in ('sklearn', 'scipy', 'numpy') if m in sys.modules)}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == {"code": 0, "loaded": []}
    assert "nya: 20" in done.stdout and "klassade av modellen: 0" in done.stdout
    with open_database(db) as database:
        stored = [t.description for t in TicketRepository(database).iter_tickets()]
    assert len(stored) == 20 and any("[personnummer]" in text for text in stored)
    assert not any("19121212" in text for text in stored)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", [["list"], ["topics", "--week", "2025-W18"], ["export", "--week", "2025-W18", "--out", "OUT"],
                                     ["problems"]])
def test_a_mistyped_desk_file_is_said_not_to_exist_and_is_not_created(capsys, tmp_path, command):
    """A typo in --db must not look like a desk whose tickets are gone: nothing is created, and the
    message names the file and how a new desk is made."""
    typo = tmp_path / "deks.db"
    command = [str(tmp_path / "out" / "agenda.xlsx") if part == "OUT" else part for part in command]
    assert main(["--db", str(typo), *command]) == 4  # the desk is not there: exit 4, as an unreachable server
    err = capsys.readouterr().err
    assert "det finns ingen desk i" in err and str(typo) in err and "import" in err
    assert not typo.exists() and not list(tmp_path.iterdir())


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", ["classify", "evaluate"])
def test_a_command_that_needs_no_desk_says_so_when_the_named_one_is_missing(capsys, tmp_path, command):
    """A tester's wrapper always gave --db: classify was refused before any desk existed, with a hint to make one."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "1", "title": "Skrivaren skriver inte ut", "module": "utskrift_hardvara"}\n', encoding="utf-8")
    assert main(["--db", str(tmp_path / "none.db"), command, str(rows)]) == 4
    err = capsys.readouterr().err
    assert f"{command} behöver ingen desk: utan --db" in err and not (tmp_path / "none.db").exists()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("command", [["list"], ["topics", "--week", "2025-W18"], ["problems"], ["incidents"], ["config"],
                                     ["db", "status"], ["models"], ["labels"]])
def test_without_db_a_reading_command_does_not_make_the_default_desk(capsys, monkeypatch, command):
    """A README auditor's finding: without --db, list, topics, config and db status made an empty default
    desk and answered from it while models and labels refused it; each refuses it the same way now."""
    from elsdesk.paths import default_db_path

    monkeypatch.delenv("ELSDESK_DB", raising=False)
    assert not default_db_path().exists()
    assert main(command) == 4
    err = capsys.readouterr().err
    assert "det finns ingen desk än" in err and "elsdesk import FIL" in err
    assert not default_db_path().exists()


@pytest.mark.sqlite_only
def test_import_and_the_setting_up_commands_still_make_a_new_desk(capsys, tmp_path):
    assert main(["--db", str(tmp_path / "new" / "desk.db"), "import", str(write_jsonl(tmp_path / "a.jsonl", sample_rows(2))),
                 "--no-classify"]) == 0
    assert main(["--db", str(tmp_path / "new" / "desk.db"), "list", "--json"]) == 0
    assert len([line for line in capsys.readouterr().out.splitlines() if line.startswith("{")]) == 2


def test_import_says_when_the_model_also_classified_older_tickets_of_the_desk(capsys, tmp_path, db_target):
    """An import classifies every ticket the active model version has not labelled, not only the
    file's: the summary says so instead of counting them as the file's."""
    older = [{"id": f"O-{i}", "created_at": "2025-04-28 08:00", "title": f"Kan inte signera dos {i}"} for i in range(3)]
    main(["--db", str(db_target), "import", str(write_jsonl(tmp_path / "older.jsonl", older)), "--no-classify"])
    capsys.readouterr()
    newer = [{"id": "N-1", "created_at": "2025-04-29 08:00", "title": "Remissen fastnar i utkorgen"}]
    assert main(["--db", str(db_target), "import", str(write_jsonl(tmp_path / "newer.jsonl", newer))]) == 0
    out = capsys.readouterr().out
    assert "nya: 1," in out and "klassade av modellen: 4 (även deskens äldre ärenden" in out
    main(["--db", str(db_target), "import", str(write_jsonl(tmp_path / "newest.jsonl", [{**newer[0], "id": "N-2"}]))])
    assert "klassade av modellen: 1\n" in capsys.readouterr().out


def test_evaluate_without_a_desk_says_where_a_desks_own_module_is_evaluated(tmp_path, capsys):
    rows = [{"id": "1", "title": "Vaccinet syns inte i vaccinationsvyn", "module": "vaccination"},
            {"id": "2", "title": "Kan inte signera given dos", "module": "lakemedel"}]
    assert main(["evaluate", str(write_jsonl(tmp_path / "labelled.jsonl", rows))]) == 0
    said = capsys.readouterr()
    assert "okänd modul 'vaccination' (rad 1); raden utvärderades inte" in said.err and "--db DESK evaluate" in said.err
    assert "1 ärenden" in said.out, "scored on the row whose module is known"
    assert main(["--db", str(tmp_path / "skrivfel.db"), "evaluate", str(tmp_path / "labelled.jsonl")]) == 4
    assert not (tmp_path / "skrivfel.db").exists()


def test_plain_topics_mark_the_machines_proposals(capsys, tmp_path, db_target):
    """Tester (a desk in its third week): the plain `topics --week` printed the machine's proposals in the
    same layout as the known problems people named; JSON said "proposed", the screen nothing."""
    db = str(db_target)
    rows = sample_rows(20)
    rows[0]["problem"] = "Signera given dos"
    main(["--db", db, "import", str(write_jsonl(tmp_path / "w.jsonl", rows))])
    assert main(["--db", db, "topics", "--week", "2025-W18", "--json"]) == 0
    report = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert main(["--db", db, "topics", "--week", "2025-W18"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert {t["status"] for t in report["topics"]} == {"confirmed", "proposed"}
    for topic, line in zip(report["topics"], lines):
        assert line.endswith("(förslag)") == (topic["status"] == "proposed"), line


def test_evaluate_leaves_an_unknown_label_out_of_the_scores_and_names_it(tmp_path, capsys):
    """A typo in a labelled file was counted as a wrong answer, lowering the accuracy without a word (a CLI tester)."""
    import json

    rows = [{"id": "1", "title": "Kan inte signera given dos", "module": "lakemedel", "kind": "handhavande"},
            {"id": "2", "title": "Armbandsskrivaren skriver inte ut", "module": "pepparkaka", "kind": "fel"},
            {"id": "3", "title": "SITHS-kortet låst efter fel PIN", "module": "Inloggning och SITHS", "kind": "glögg"}]
    assert main(["evaluate", str(write_jsonl(tmp_path / "e.jsonl", rows)), "--json"]) == 0
    said = capsys.readouterr()
    report = json.loads(said.out)
    assert report["n"] == 2 and "pepparkaka" not in report["per_module"]
    assert report["unknown_labels"] == [{"line": 2, "field": "module", "value": "pepparkaka"},
                                        {"line": 3, "field": "kind", "value": "glögg"}]
    assert "okänd modul 'pepparkaka'" in said.err and "okänd typ 'glögg'" in said.err
    assert set(report["per_kind"]) == {"handhavande"} and report["per_kind"]["handhavande"]["support"] == 1
