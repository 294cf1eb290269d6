"""The CLI's exit codes: which kind of error gives which code, and the readers of command-line values.

One table (:data:`EXIT_CODES`) maps each kind of error to its exit code and how its message starts,
so every command answers the same mistake with the same code (README "Exit codes"):

* 0 success.
* 1 bad input: the content of a file is wrong (a rejected row, no row with text, a broken line;
  stderr names the file and line), or the work failed on the file system while it read or wrote
  (disk full, read-only, no permission, a file locked by another program, an I/O error).
* 2 usage: the command line is wrong. A value typed wrong (a week such as 2025-W99, a day such as
  28/4, an unknown module, status or format, a number below 1), a missing or contradicting option,
  a thing named that does not exist (a known problem's id, a model version), an input file that
  cannot be opened (missing, a folder, no permission: argparse's own ``FileType`` calls that a
  usage error too) or an ``--out`` that can be no file (a folder, below a missing folder). These
  are all found before any work starts; argparse itself exits 2 for its share of them.
* 3 not allowed for this login's role (the message names the role needed).
* 4 the desk cannot be used: the server cannot be reached, the schema is one this version does
  not know, or the desk named by ``--db`` is no desk (a file that does not exist, a folder, a file
  that is no elsdesk database). A scheduled task sees the same code whether the share holding
  the desk file was not mounted or the server was down: the desk is not there, the command is right.
* 130 interrupted (Ctrl+C) and 143 terminated (SIGTERM, what a scheduler sends on a timeout):
  the shells' 128 + signal number, so a script tells a stopped run from a failed one.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from contextlib import contextmanager
from datetime import date
from typing import Iterator

from elsdesk.domain import (
    BadInputError, DatabaseUnavailableError, ElsdeskError, NotAllowedError, NotFoundError, parse_week,
)
from elsdesk.lazy_regex import lazy_compile
from elsdesk.output_files import OutputTargetError, describe_os_error

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_NOT_ALLOWED, EXIT_UNAVAILABLE = 0, 1, 2, 3, 4
EXIT_INTERRUPTED, EXIT_TERMINATED = 128 + signal.SIGINT, 128 + signal.SIGTERM


class UsageError(ElsdeskError):
    """The command line is wrong (a value, a missing or contradicting option); the message says what to type."""


class DeskMissingError(DatabaseUnavailableError):
    """The desk named by --db (or ELSDESK_DB) does not exist or is no desk."""


class Terminated(BaseException):
    """The process was sent SIGTERM. A BaseException like KeyboardInterrupt, so that no ``except
    Exception`` swallows it and every ``finally`` (a temporary export file's removal) runs."""


# (kind of error, exit code, how its message starts): the first match wins, so subclasses come first
EXIT_CODES: tuple[tuple[type[BaseException], int, str], ...] = (
    (UsageError, EXIT_USAGE, ""),
    (OutputTargetError, EXIT_USAGE, ""),
    (NotFoundError, EXIT_USAGE, ""),
    (NotAllowedError, EXIT_NOT_ALLOWED, "inte tillåtet: "),
    (DatabaseUnavailableError, EXIT_UNAVAILABLE, "databasen kan inte användas: "),
    (ElsdeskError, EXIT_BAD_INPUT, ""),
    (OSError, EXIT_BAD_INPUT, ""),  # the file system refused while the work read or wrote
)


def exit_code_of(exc: BaseException) -> int:
    """The exit code for *exc* by :data:`EXIT_CODES`."""
    return next((code for kind, code, _prefix in EXIT_CODES if isinstance(exc, kind)), EXIT_BAD_INPUT)


def text_of(exc: BaseException) -> str:
    """What *exc* says, in Swedish, with the start :data:`EXIT_CODES` gives its kind."""
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    prefix = next((prefix for kind, _code, prefix in EXIT_CODES if isinstance(exc, kind)), "")
    return f"{prefix}{exc}"


def report(exc: BaseException, parser: argparse.ArgumentParser | None = None) -> int:
    """Say *exc* on stderr and return its exit code. A usage error goes out through the command's
    *parser* as argparse's own do (its usage line, "elsdesk KOMMANDO: fel: …", SystemExit(2)), so
    every exit 2 looks the same whether argparse or the command found the mistake."""
    code = exit_code_of(exc)
    if code == EXIT_USAGE and parser is not None:
        parser.error(text_of(exc))
    print(f"elsdesk: {text_of(exc)}", file=sys.stderr)
    return code


@contextmanager
def command_line_values() -> Iterator[None]:
    """Inside the block, a BadInputError is about what the command line typed (a service checked a
    value given on it): a usage error, exit 2."""
    try:
        yield
    except (BadInputError, NotFoundError) as exc:
        raise UsageError(str(exc)) from exc


@contextmanager
def sigterm_as_exit() -> Iterator[None]:
    """Inside the block SIGTERM raises :class:`Terminated` in the main thread, so the work stops
    the way Ctrl+C stops it: ``finally`` blocks run (a half-written export's temporary file is
    removed) and the caller exits with :data:`EXIT_TERMINATED`. The previous handler comes back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(_signum, _frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- readers of command-line values: argparse types, so a wrong value is a usage error (exit 2) ----
_MONTH_OR_WEEK_RE = lazy_compile(r"\s*\d{4}-(0[1-9]|1[0-2])\s*")


def week_value(text: str) -> str:
    """An ISO week as the services take it ('2025-W18'), from '2025-W18', '2025W18' or '2025-18'; not '2026-05',
    which a script writer means as May as often as week 5 (a contract tester)."""
    from elsdesk.domain import normalise_week

    if _MONTH_OR_WEEK_RE.fullmatch(str(text)):
        year, number = str(text).strip().split("-")
        raise argparse.ArgumentTypeError(
            f"'{text.strip()}' kan vara månad {int(number)} eller vecka {int(number)}; skriv {year}-W{number} för"
            " veckan")
    try:
        return normalise_week(text)
    except BadInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def weeks_value(text: str) -> tuple[date, date]:
    """The first and last day of '2027-W10..2027-W13' (or of one week '2027-W10')."""
    first, _, last = str(text).partition("..")
    try:
        start, end = parse_week(first)[0], parse_week(last or first)[1]
    except BadInputError:
        raise argparse.ArgumentTypeError(f"'{text}' är inga veckor; skriv till exempel 2027-W10..2027-W13") from None
    if end < start:
        raise argparse.ArgumentTypeError(f"'{text}': den sista veckan ligger före den första")
    return start, end


def day_value(text: str) -> date:
    """A day in one of the forms :data:`elsdesk.days.DAY_FORMS` names (28/4 is refused: day or month first?)."""
    from elsdesk.days import parse_day

    try:
        return parse_day(text)
    except BadInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def count_value(text: str) -> int:
    """A whole number of at least 1 (how many tickets, at most how many rows, a known problem's id)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' är inget heltal; skriv till exempel 10") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} går inte: ange ett heltal från 1 och uppåt")
    return value


def problem_status_value(text: str) -> str:
    """A known problem's status id, from its id or name in any case (``rättat``, ``Workaround``)."""
    from elsdesk.services.problems import problem_status

    try:
        return problem_status(text)
    except BadInputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def check_span(first: date, last: date, start_option: str = "--from", end_option: str = "--to") -> None:
    """UsageError when the period's last day comes before its first."""
    if last < first:
        raise UsageError(f"{end_option} {last.isoformat()} ligger före {start_option} {first.isoformat()};"
                         " byt plats på dem")
