"""The CLI's exit codes, the same for the same kind of error in every command (found by a CLI tester:
a bad week was 1 in ``list`` and a bad format 2 in ``export``; a mistyped desk 1, a desk that is a
folder 4), and the listings that say so on stderr when they have no rows (``incidents`` and
``list`` printed nothing). The scheme is elsdesk.cli_errors': 1 a file's content, 2 the command
line, 3 the role, 4 the desk cannot be used."""

from __future__ import annotations

import pytest

from conftest import write_jsonl
from elsdesk.cli import main
from elsdesk.cli_errors import EXIT_CODES, UsageError, exit_code_of
from elsdesk.domain import BadInputError, DatabaseUnavailableError, NotAllowedError, NotFoundError
from elsdesk.output_files import OutputTargetError
from test_hostile_output import desk  # noqa: F401 - the same ten-ticket desk fixture


def exit_code(argv: list[str]) -> int:
    """The code ``elsdesk ARGV`` exits with: main's return value, or argparse's SystemExit code."""
    try:
        return main(argv)
    except SystemExit as exit_:
        return exit_.code


# A value the user typed wrong on the command line, in every command that takes one: usage, 2.
USAGE_ERRORS = {
    "list bad week": ["list", "--week", "2025-W99"],
    "list a month or a week": ["list", "--week", "2026-05"],  # May or week 5? (a contract tester)
    "topics a month or a week": ["topics", "--week", "2026-12"],
    "list unknown module": ["list", "--module", "finnsinte"],
    "list no module": ["list", "--module", ""],  # an unset shell variable, as "--week ''" is
    "topics bad week": ["topics", "--week", "2025-W99"],
    "topics bad day": ["topics", "--from", "28/4", "--to", "2025-05-01"],
    "topics half a period": ["topics", "--from", "2025-04-28"],
    "topics last day first": ["topics", "--from", "2025-05-04", "--to", "2025-05-01"],
    "export bad week": ["export", "--week", "2025-W99", "--out", "OUT/a.csv"],
    "export bad weeks": ["export", "--weeks", "2025-W99..2025-W100", "--out", "OUT/a.csv"],
    "export bad day": ["export", "--from", "28/4", "--to", "2025-05-01", "--out", "OUT/a.csv"],
    "export last day first": ["export", "--from", "2025-05-04", "--to", "2025-05-01", "--out", "OUT/a.csv"],
    "export unknown format": ["export", "--week", "2025-W18", "--format", "docx", "--out", "OUT/a"],
    "export missing --out": ["export", "--week", "2025-W18"],
    "export below a missing folder": ["export", "--week", "2025-W18", "--out", "OUT/nix/nix/a.csv"],
    "export below a device that is no folder": ["export", "--week", "2025-W18", "--out", "/dev/null/a.csv"],
    "config bad day": ["config", "--go-live", "28/4"],
    "incidents bad day": ["incidents", "--scan", "--from", "28/4"],
    "incidents last day first": ["incidents", "--scan", "--from", "2025-05-04", "--to", "2025-05-01"],
    "problems unknown status": ["problems", "--id", "1", "--status", "hittepå"],
    "problems negative id": ["problems", "--id", "-1", "--status", "rättat"],
    "problems unknown id": ["problems", "--id", "99", "--status", "rättat"],
    "mistakes negative limit": ["mistakes", "--limit", "-5"],
    "demo negative count": ["demo", "--tickets", "-5"],
    "demo into real tickets without --mix": ["demo", "--tickets", "5"],
    "labels --add without --id": ["labels", "--add", "module"],
    "labels bad id": ["labels", "--add", "module", "--id", "Ä Ö", "--sv", "X"],
    "models unknown version": ["models", "--activate", "v999"],
    "classify unknown format": ["classify", "IN", "--out", "OUT/r.txt"],
    "classify --out a folder": ["classify", "IN", "--out", "OUT"],
    "import missing file": ["import", "OUT/saknas.jsonl"],
    "import a folder": ["import", "OUT"],
    "classify missing file": ["classify", "OUT/saknas.jsonl"],
    "evaluate a folder": ["evaluate", "OUT"],
    "migrate from a server": ["migrate", "--to", "OUT/ny.db"],
}


@pytest.mark.parametrize("case", sorted(USAGE_ERRORS))
def test_a_value_typed_wrong_is_a_usage_error_exit_2_in_every_command(desk, tmp_path, capsys, case):
    argv = [str(tmp_path) if part == "OUT" else part.replace("OUT/", f"{tmp_path}/") for part in USAGE_ERRORS[case]]
    argv = [str(write_jsonl(tmp_path / "in.jsonl", [{"id": "1", "title": "Skrivaren"}])) if a == "IN" else a for a in argv]
    db = "postgresql://nobody@127.0.0.1:1/x" if case == "migrate from a server" else desk
    assert exit_code(["--db", db, *argv]) == 2
    err = capsys.readouterr().err
    command = USAGE_ERRORS[case][0]
    assert f"elsdesk {command}: fel: " in err, err  # as argparse's own: the command and its usage line
    assert "Traceback" not in err and "error" not in err.replace("errors", "")


def _not_a_desk(tmp_path):
    (tmp_path / "anteckning.db").write_text("ingen databas här\n" * 20, encoding="utf-8")
    return str(tmp_path / "anteckning.db")


DESKS = {
    "missing": lambda tmp_path: str(tmp_path / "deks.db"),
    "a folder": lambda tmp_path: str(tmp_path),
    "no desk": _not_a_desk,
    "unreachable server": lambda tmp_path: "postgresql://nobody@127.0.0.1:1/x",
}
DESK_COMMANDS = [["list"], ["topics", "--week", "2025-W18"], ["problems"], ["models"], ["incidents"], ["db", "status"],
                 ["evaluate", "IN"], ["classify", "IN"], ["train"], ["labels"], ["config"]]


@pytest.mark.parametrize("desk_kind", sorted(DESKS))
def test_a_desk_that_cannot_be_used_is_exit_4_in_every_command(tmp_path, capsys, desk_kind):
    target = DESKS[desk_kind](tmp_path)
    rows = str(write_jsonl(tmp_path / "in.jsonl", [{"id": "1", "title": "Skrivaren", "module": "utskrift_hardvara"}]))
    for command in DESK_COMMANDS:
        argv = [rows if part == "IN" else part for part in command]
        assert exit_code(["--db", target, *argv]) == 4, (desk_kind, command)
        err = capsys.readouterr().err
        assert "databasen kan inte användas" in err and "Traceback" not in err, (desk_kind, command)
    assert not (tmp_path / "deks.db").exists(), "a mistyped desk is not created"


def test_migrate_from_a_desk_that_is_not_there_is_exit_4(tmp_path, capsys):
    assert exit_code(["--db", str(tmp_path / "saknas.db"), "migrate", "--to", "postgresql://nobody@127.0.0.1:1/x"]) == 4
    assert "det finns ingen desk" in capsys.readouterr().err


def test_a_files_wrong_content_is_exit_1(desk, tmp_path, capsys):
    broken = tmp_path / "trasig.jsonl"
    broken.write_text('{"id": "x", "title": "a"\n', encoding="utf-8")
    for argv in (["--db", desk, "import", str(broken), "--no-incidents"], ["classify", str(broken)], ["evaluate", str(broken)]):
        assert exit_code(argv) == 1, argv
        assert f"{broken}:1:" in capsys.readouterr().err  # the file and the line


def test_an_input_file_that_opens_but_cannot_be_read_is_the_disk_failing_exit_1(desk, tmp_path, capsys, monkeypatch):
    """A contract tester's file that opened and failed on its first read (EIO: a dying disk or a dropped
    network share) exited 2 with a usage line, where the README's table says the disk failing is 1."""
    import builtins
    import errno
    import io

    failing = write_jsonl(tmp_path / "nätverk.jsonl", [{"id": "1", "title": "Skrivaren"}])
    real_open = builtins.open

    class FailingRead(io.BytesIO):
        def read(self, *_args):
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(builtins, "open", lambda file, *a, **k: FailingRead() if str(file) == str(failing) else real_open(file, *a, **k))
    assert exit_code(["--db", desk, "import", str(failing), "--no-incidents"]) == 1
    err = capsys.readouterr().err
    assert str(failing) in err and "in/ut-fel" in err and "användning" not in err and "Traceback" not in err


def test_a_role_that_may_not_is_exit_3(desk, capsys, monkeypatch):
    # a server gives the login its role (a local file lets its profile do everything from the CLI)
    monkeypatch.setattr("elsdesk.services.permissions.roles_of", lambda database: ("els_stod",))
    assert exit_code(["--db", desk, "train"]) == 3
    assert exit_code(["--db", desk, "models", "--activate", "v999"]) == 3  # the role before the version
    err = capsys.readouterr().err
    assert "inte tillåtet" in err and "superanvändare" in err


def test_the_one_table_maps_each_kind_of_error():
    assert exit_code_of(UsageError("x")) == 2 and exit_code_of(OutputTargetError("x")) == 2
    assert exit_code_of(NotFoundError("x")) == 2
    assert exit_code_of(NotAllowedError("x")) == 3
    assert exit_code_of(DatabaseUnavailableError("x")) == 4
    assert exit_code_of(BadInputError("x")) == 1 and exit_code_of(OSError(28, "full")) == 1
    kinds = [kind for kind, _code, _prefix in EXIT_CODES]
    for i, kind in enumerate(kinds):  # a subclass is never shadowed by its base class earlier in the table
        assert not any(issubclass(kind, earlier) for earlier in kinds[:i]), kind


# -- a listing without rows says so on stderr (stdout, which scripts read, stays empty) -------
EMPTY_LISTINGS = {
    "list": (["list", "--week", "2025-W30"], "inga ärenden för vecka 2025-W30"),
    "incidents": (["incidents"], "inga incidenter"),
    "problems": (["problems"], "inga kända problem"),
    "mistakes": (["mistakes"], "för få märkta ärenden att kontrollera: 10 (minst 20 behövs)"),
    "topics": (["topics", "--week", "2025-W30"], "inga återkommande ämnen den veckan"),
}


@pytest.mark.parametrize("listing", sorted(EMPTY_LISTINGS))
def test_a_listing_without_rows_says_so_on_stderr_and_json_stays_as_it_was(desk, capsys, listing):
    argv, said = EMPTY_LISTINGS[listing]
    assert exit_code(["--db", desk, *argv]) == 0
    captured = capsys.readouterr()
    assert said in captured.err, captured
    assert said not in captured.out
    if listing != "topics":  # (topics' text output has its header line: the week and its ticket count)
        assert captured.out == ""
    if listing != "mistakes":  # (mistakes cross-validates: its --json is one line per mistake too)
        assert exit_code(["--db", desk, *argv, "--json"]) == 0
        captured = capsys.readouterr()
        assert captured.err == "" and (captured.out == "" or listing == "topics")
