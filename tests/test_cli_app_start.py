"""The app-start shortcut of the command line reads the same arguments as the full parser, and
leaves everything else (other commands, help, mistakes) to it."""

import pytest

from elsdesk import cli
from elsdesk.cli_text import swedish_argparse


def _full(argv):
    with swedish_argparse():
        args = cli.build_parser().parse_args(argv)
    return args.command or "gui", getattr(args, "db", None), args.verbose


@pytest.mark.parametrize("argv", [
    [], ["gui"], ["--db", "desk.db"], ["--db", "desk.db", "gui"], ["gui", "--db", "desk.db"],
    ["--db=desk.db"], ["-v"], ["--verbose", "gui"], ["-v", "--db", "postgresql://els@db/desk", "gui"],
])
def test_an_app_start_is_read_as_the_full_parser_reads_it(argv):
    args = cli.plain_app_start(argv)
    assert args is not None
    assert (args.command, args.db, args.verbose) == _full(argv)


@pytest.mark.parametrize("argv", [
    ["list"], ["--db", "desk.db", "list"], ["gui", "-v"], ["--db"], ["--db", "-v"], ["--db="], ["--version"],
    ["-h"], ["gui", "--help"], ["gui", "gui"], ["gui", "extra"], ["--dbx", "desk.db"],
])
def test_anything_else_goes_to_the_full_parser(argv):
    assert cli.plain_app_start(argv) is None


def test_a_mistake_after_gui_is_still_explained_by_the_full_parser(capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["gui", "-v"])
    assert stopped.value.code == 2
    assert "elsdesk" in capsys.readouterr().err


def test_other_commands_still_run(tmp_path, capsys):
    desk = tmp_path / "desk.db"
    assert cli.main(["--db", str(desk), "demo", "--tickets", "20"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", str(desk), "list", "--json"]) == 0
    assert capsys.readouterr().out.count("\n") == 20
