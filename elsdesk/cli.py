"""The command line: the headless face of the same services the GUI uses.

Exit codes (which error gives which: :mod:`elsdesk.cli_errors`): 0 success, 1 bad input (stderr says
what and where), 2 usage, 3 not allowed for this login's role (the message names the role needed),
4 the database cannot be reached, is no desk or has a schema this version does not know; 130
interrupted, 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from elsdesk import __version__
from elsdesk.cli_errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE  # the whole scheme is there
from elsdesk.domain import BadInputError, DatabaseUnavailableError

logger = logging.getLogger(__name__)
MESSAGES_PER_REASON = 10  # rejected lines printed per distinct reason; the rest are counted


def _add_db_option(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument(
        "--db", default=default, metavar="DESK",
        help="databasfil, postgresql://… eller service=NAMN (standard: ELSDESK_DB eller en fil i användarens datamapp)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, its help and argparse's own texts in Swedish."""
    from elsdesk.cli_text import add_examples, fill_missing_help, swedish_argparse

    with swedish_argparse():
        parser = _build_parser()
    fill_missing_help(parser)
    add_examples(parser)
    return parser


def _build_parser() -> argparse.ArgumentParser:
    from elsdesk.cli_errors import count_value, week_value

    parser = argparse.ArgumentParser(prog="elsdesk", description="ELS-stöd för Cambio Cosmic: logga, klassa, tagga och exportera ärenden.",
                                     epilog="Utan kommando startar skrivbordsappen. Hjälp för ett kommando: elsdesk KOMMANDO --help")
    parser.add_argument("--version", action="version", version=f"elsdesk {__version__}", help="visa versionen och avsluta")
    _add_db_option(parser, None)
    parser.add_argument("-v", "--verbose", action="store_true", help="skriv loggmeddelanden")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="kommandon")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _add_db_option(sub, argparse.SUPPRESS)
        sub.set_defaults(parser=sub)  # a command's own usage errors go out through it (exit 2, its usage line)
        return sub

    command("gui", "starta skrivbordsappen")

    imp = command("import", "importera ärenden från .jsonl, .json, .csv, .tsv, .txt eller .xlsx")
    imp.add_argument("file", metavar="FIL", help="ärendefilen (.jsonl, .json, .csv, .tsv, .txt eller .xlsx);"
                     " - läser filen från stdin (det som skickas in till kommandot)")
    imp.add_argument("--no-classify", action="store_true", help="låt oetiketterade ärenden vara oklassade")
    imp.add_argument("--no-incidents", action="store_true",
                     help="sök inte efter möjliga incidenter i filens ärenden (annars: dess senaste 14 dagar)")
    from elsdesk.importer import understood_columns

    imp.formatter_class = argparse.RawDescriptionHelpFormatter
    imp.epilog = ("kolumner som läses (stora och små bokstäver spelar ingen roll; ett namn av flera\nord läses som"
                  " rubrik, beskrivning, enhet eller roll efter sitt sista ord:\n\"Requester department\","
                  " \"Anmälare roll\"):\n" + understood_columns(width=78))

    lst = command("list", "lista lagrade ärenden")
    lst.add_argument("--json", action="store_true",
                     help="en JSON-rad per ärende för andra program: module, kind och status är id:n ur taxonomin"
                          " (status: ny, pagar = pågår, vantar = väntar, eskalerad, lost = löst)")
    lst.add_argument("--week", type=week_value, help="ISO-vecka, t.ex. 2025-W18 eller v18 (den senaste v18)")
    lst.add_argument("--module", help="modulens id, t.ex. lakemedel")
    lst.add_argument("--search", metavar="TEXT", help="ärenden vars text har orden (början av ord och delar av"
                     " sammansatta ord räcker, å/ä/ö spelar ingen roll: 'lakem' hittar 'Läkemedelslistan'), eller ett ärendenummer")

    demo = command("demo", "lägg in demodata (en påhittad go-live-månad, ärenden DEMO-…) i en tom desk, eller ta bort den")
    demo.add_argument("--tickets", type=count_value, default=1200, metavar="ANTAL", help="hur många demoärenden (standard: 1200)")
    demo.add_argument("--mix", action="store_true",
                      help="lägg in demodata även i en desk som redan har riktiga ärenden (tas bort igen med --remove)")
    demo.add_argument("--remove", action="store_true",
                      help="ta bort alla demoärenden med deras historik; riktiga ärenden påverkas inte")

    delete = command("delete", "ta bort felregistrerade ärenden (t.ex. loggade två gånger) med deras historik;"
                     " går inte att ångra (superanvändare)")
    delete.add_argument("numbers", nargs="+", metavar="NUMMER",
                        help="ärendenumret, t.ex. ELS-000013 (eller siffrorna det slutar på, när bara ett ärende gör det)")
    delete.add_argument("--yes", action="store_true", help="fråga inte först (för skript)")

    from elsdesk.cli_admin import add_admin_commands
    from elsdesk.cli_incidents import add_incident_commands
    from elsdesk.cli_ml import add_ml_commands
    from elsdesk.cli_topics import add_topic_commands

    add_ml_commands(command)
    add_topic_commands(command)
    add_incident_commands(command)
    add_admin_commands(command)
    return parser


def _target(args) -> str | None:
    """The desk given by --db or ELSDESK_DB (None: the default SQLite file). An empty --db (a script's unset
    variable: ``--db "$DESK"``) is a usage error, not the default desk: an import went into another desk."""
    if args.db is not None and not args.db.strip():
        from elsdesk.cli_errors import UsageError

        raise UsageError("--db är tomt: ange deskens databasfil eller postgresql://…-adress"
                         " (eller utelämna --db för standarddesken)")
    return args.db or os.environ.get("ELSDESK_DB") or None


def _say_new_desk(target: str | None) -> None:
    """Say on stderr that a command makes a new desk file (import, demo, the setting-up commands: a mistyped path in
    a nightly job started a second desk without a word)."""
    from elsdesk.paths import default_db_path
    from elsdesk.storage import backend_of
    from elsdesk.storage.database import SQLITE

    if target is not None and backend_of(target) != SQLITE:
        return
    path = Path(target) if target is not None else default_db_path()
    if target == ":memory:":
        return
    _refuse_what_is_no_desk(path, new_allowed=True)
    if not path.exists():
        print(f"elsdesk: skapar en ny desk i {path}", file=sys.stderr)


def _refuse_what_is_no_desk(path: Path, new_allowed: bool) -> None:
    """DeskMissingError (exit 4) when *path* is no file, another program's SQLite database (opening it would write
    the desk's tables into it), or, unless a new desk may be made there (*new_allowed*), an empty file: a
    contract tester's `list` on a `touch`ed file made it a desk, and on another program's database wrote into it."""
    from elsdesk.cli_errors import DeskMissingError
    from elsdesk.storage.sqlite_backend import desk_file_state

    state = desk_file_state(path)
    if state == "not a file":
        raise DeskMissingError(f"{path} är ingen fil (en mapp eller en enhet); ange desken som en fil, t.ex. desk.db")
    if state == "other":
        raise DeskMissingError(f"{path} är ett annat programs databas, ingen desk; elsdesk skriver inte i den."
                               " Ange en ny fil för desken")
    if state == "empty" and not new_allowed:
        raise DeskMissingError(f"{path} är en tom fil, ingen desk; en ny desk skapas med 'elsdesk --db {path}"
                               " import FIL', 'demo' eller när appen startar på den")


def _database(args, *, existing: bool = False):
    """The desk given by --db or ELSDESK_DB (or the default file), opened. With *existing* (commands
    that read or train on what a desk holds: list, topics, export, problems, train, models, ...) a desk
    file named there must exist:
    a mistyped name would otherwise be a new, empty desk, and a list or an agenda from it would look
    as if the tickets were gone. Import, demo and the setting-up commands start a new desk."""
    from elsdesk.storage import open_database

    target = _target(args)
    if existing:
        require_existing(target)
    else:
        _say_new_desk(target)
    return open_database(target)


def desk_option(args) -> str:
    """' --db DESK' when the person named the desk with --db (so a suggested command works as typed), never
    with the password typed in it."""
    from elsdesk.storage.database import without_password

    return f" --db '{without_password(args.db)}'" if getattr(args, "db", None) else ""


def require_existing(target) -> None:
    """DeskMissingError (exit 4) when *target* names a local desk file that does not exist, or is None and
    the default desk file has not been made yet (see :func:`_database`)."""
    from pathlib import Path

    from elsdesk.cli_errors import DeskMissingError
    from elsdesk.paths import default_db_path
    from elsdesk.storage import backend_of
    from elsdesk.storage.database import SQLITE

    if target is None:
        if not default_db_path().exists():  # a read on a first day: not an empty desk made and shown
            raise DeskMissingError(f"det finns ingen desk än i användarens datamapp ({default_db_path()}); den skapas"
                                   " med 'elsdesk import FIL', 'elsdesk demo' eller när appen startar")
        return
    if not target or target == ":memory:" or backend_of(target) != SQLITE:
        return
    if Path(target).exists():
        _refuse_what_is_no_desk(Path(target), new_allowed=False)
    else:
        raise DeskMissingError(f"det finns ingen desk i {target}; kontrollera namnet och mappen (en ny desk skapas"
                               f" med 'elsdesk --db {target} import FIL', 'demo' eller när appen startar på den)")


def terminal_progress(doing: str):
    """A progress(done, total) that counts rows on the terminal (stderr); nothing when stderr is no terminal."""
    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            end = "" if done < total else "\n"
            print(f"\r{doing}: {done} av {total} rader", end=end, file=sys.stderr, flush=True)

    return progress


def _say_on_terminal(text: str) -> None:
    """A line about the work in progress, on stderr when it is a terminal (a script's log stays quiet)."""
    if sys.stderr.isatty():
        print(f"elsdesk: {text}", file=sys.stderr, flush=True)


def cmd_import(args) -> int:
    if args.file != "-":
        return _import_file(args, args.file)
    with _stdin_as_file() as path:  # `… | elsdesk import -`: the rows a script pipes in
        return _import_file(args, path)


@contextlib.contextmanager
def _stdin_as_file():
    """Standard input saved to a temporary file named as what it holds (JSON Lines, a workbook or CSV, told
    from its first bytes), removed afterwards: the import reads files by their kind and may read them twice."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="elsdesk-stdin-")
    raw = Path(folder) / "stdin"
    try:
        with open(raw, "wb") as out:
            shutil.copyfileobj(sys.stdin.buffer, out)
        with open(raw, "rb") as head:
            start = head.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
        # "{" or "[": .json, whose reader tells JSON Lines (streamed) from one document (an object holding the tickets)
        suffix = ".xlsx" if start.startswith(b"PK\x03\x04") else ".json" if start[:1] in (b"{", b"[") else ".csv"
        yield str(raw.rename(raw.with_suffix(suffix)))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _import_file(args, path: str) -> int:
    import shlex

    from elsdesk.domain import ImportInterruptedError
    from elsdesk.services.imports import import_tickets

    shown = "-" if args.file == "-" else path  # what the person typed names the file in messages
    check_input_file(path)  # before the desk is opened: a mistyped file name creates no empty desk
    from elsdesk.file_kinds import check_ticket_file_content

    check_ticket_file_content(path, shown)  # nor does a PDF or an image named .csv (bad input, exit 1)
    from elsdesk.ticket_files import holds_tickets

    if not holds_tickets(path):  # nor does an empty file or one of only its column names
        from elsdesk.importer import no_rows

        raise BadInputError(f"{shown}: {no_rows(path)}")
    phases = {"incidents": "söker möjliga incidenter bland de importerade ärendena (hoppa över: --no-incidents) …"}
    with _database(args) as database:
        classifier = None if args.no_classify else _active_classifier(database)
        # each batch classified before it commits: nobody reads the file's tickets unclassified
        try:
            progress = terminal_progress("importerar och klassar" if classifier else "importerar")
            report = import_tickets(database, path, find_incidents=not args.no_incidents, progress=progress,
                                    on_phase=lambda phase: _say_on_terminal(phases[phase]), classifier=classifier)
        except ImportInterruptedError as exc:  # what it stored, and the command that stores the rest
            print(f"elsdesk: {exc}", file=sys.stderr)
            print(f"elsdesk: resten importeras när servern svarar igen, med samma kommando:"
                  f" elsdesk{desk_option(args)} import {shlex.quote(shown)}", file=sys.stderr)
            return EXIT_UNAVAILABLE
        # and the desk's older tickets that this model version has not labelled yet
        rest, undone = _classify_the_rest(database, classifier) if classifier else (0, None)
        classified = report.classified + rest
    _print_lines(shown, "avvisad", report.rejected)
    _print_lines(shown, "varning", report.warnings)
    print(
        f"nya: {report.new}, uppdaterade: {report.updated}, oförändrade: {report.unchanged}, "
        f"avvisade: {len(report.rejected)}, maskerade identifierare: {report.masked}, klassade av modellen: {classified}"
        + (" (även deskens äldre ärenden som den aktiva modellversionen inte hade klassat)"
           if classified > report.new + report.updated else "")
        + (f", kopplade till kända problem: {report.linked}" if report.linked else "")
        + (f", borttagna tidigare (lästes inte in igen): {report.removed_before}" if report.removed_before else "")
        + (f", nya kända problem: {report.new_problems}" if report.new_problems else "")
        + (f"; {report.incident_summary}" if report.incident_summary else "")
    )
    if undone:
        print(f"elsdesk: {undone}", file=sys.stderr)
    if report.scan_failed or undone:  # the rows are stored and said; what the server's absence left is not done
        return EXIT_UNAVAILABLE
    return EXIT_BAD_INPUT if report.rejected else EXIT_OK


def check_input_file(path: str) -> None:
    """Before any desk is opened: a usage error (exit 2) when the file named on the command line cannot
    be opened (missing, a folder, no permission); bad input (exit 1, said without the usage lines) when
    it is a file of a format that is not read, such as an old .xls: the command was typed right."""
    from elsdesk.cli_errors import command_line_values
    from elsdesk.ticket_files import check_known_format, check_present

    with command_line_values():
        check_present(path)
    check_known_format(path)


def say_none(text: str) -> None:
    """Tell the person that a listing has no rows, on stderr: stdout, which a script reads, stays empty."""
    print(f"elsdesk: {text}", file=sys.stderr)


def _print_lines(file: str, what: str, lines: list[tuple[int, str]]) -> None:
    """Each line's message on stderr, but no more than :data:`MESSAGES_PER_REASON` per reason: a
    million bad lines give a short summary, not a million lines."""
    from elsdesk.plain_text import printable

    shown: dict[str, int] = {}
    left_out: dict[str, list[int]] = {}
    for line, reason in lines:
        key = _reason_kind(reason)
        if shown.get(key, 0) < MESSAGES_PER_REASON:
            shown[key] = shown.get(key, 0) + 1
            print(f"{file}:{line}: {what}: {printable(reason, keep_newlines=False)}", file=sys.stderr)
        else:
            left_out.setdefault(key, []).append(line)
    for key, rest in left_out.items():
        rows = f"1 rad till (rad {rest[0]})" if len(rest) == 1 else f"{len(rest)} rader till (rad {rest[0]}–{rest[-1]})"
        print(f"{file}: {what}: {rows} av samma slag: {printable(key, keep_newlines=False)}…", file=sys.stderr)


def _reason_kind(reason: str) -> str:
    """A message as :func:`_print_lines` groups it: quoted values as '…' and line numbers as N
    ("samma id som rad N"), other numbers kept ("Windows-1252", "1 telefonnummer")."""
    key = re.sub(r"'[^']*'", "'…'", reason)
    key = re.sub(r"\b(rad|raden|rader|raderna)( \d+)(?:[–-]\d+)?", r"\1 N", key)
    return key[:120]


def _classify_unlabelled(database) -> int:
    """Give tickets without a human label the suggestion of the desk's active model (0 if no model loads)."""
    from elsdesk.services.classification import apply_predictions

    classifier = _active_classifier(database)
    return apply_predictions(database, *classifier) if classifier else 0


def _active_classifier(database):
    """The desk's active (model, card), saying on stderr when it is a fallback; None (said why) when no model loads."""
    from elsdesk.ml.store import ModelError
    from elsdesk.services.classification import active_model

    try:
        model, card = active_model(database)
    except ModelError as exc:
        print(f"elsdesk: ingen klassning: {exc}", file=sys.stderr)
        return None
    from elsdesk.cli_ml import _say_fallback

    _say_fallback(card)
    return model, card


def _classify_the_rest(database, classifier) -> tuple[int, str | None]:
    """Label the desk's tickets that the active model version has not labelled yet: (how many, None), or (0, what
    was not done) when the server went away after the import's rows were stored. (Imported here, not with the
    import: an import without classification loads no machine learning.)"""
    from elsdesk.services.classification import apply_predictions

    try:
        return apply_predictions(database, *classifier), None
    except DatabaseUnavailableError as exc:
        return 0, (f"deskens äldre omärkta ärenden klassades inte ({exc}); importens ärenden är sparade, och"
                   " nästa import eller appens start klassar dem när databasen svarar")


def cmd_list(args) -> int:
    from elsdesk.services.labels import desk_taxonomy
    from elsdesk.services.tickets import list_tickets, ticket_to_json, with_problems

    from elsdesk.cli_errors import UsageError
    from elsdesk.plain_text import printable

    listed = 0
    with _database(args, existing=True) as database:
        taxonomy = desk_taxonomy(database)  # a region's own modules and kinds by their names too
        if args.module is not None and not args.module.strip():  # an unset variable in a script: no filter unsaid
            raise UsageError("--module: ingen modul angavs; utelämna --module för alla moduler")
        if args.module and not taxonomy.normalise("modules", args.module):
            raise UsageError(f"--module: okänd modul '{args.module}'; deskens moduler visas med: elsdesk labels")
        out = sys.stdout
        for ticket, problem in with_problems(database, list_tickets(database, week=args.week, module=args.module,
                                                                          text=args.search)):
            listed += 1
            if args.json:  # JSON escapes control characters itself
                out.write(json.dumps(ticket_to_json(ticket, problem), ensure_ascii=False) + "\n")
            else:  # nothing from a ticket may steer the terminal (ESC, BEL) or break the columns
                cells = (ticket.external_id, ticket.created_at, taxonomy.status_name(ticket.status),  # names, never ids
                         taxonomy.module_name(ticket.module) or "-", taxonomy.kind_name(ticket.kind) or "-", ticket.title)
                out.write("\t".join(printable(str(c), keep_newlines=False) for c in cells) + "\n")
    if not listed and not args.json:  # (with --json: no lines, as a script expects)
        say_none(_no_tickets_text(args))
    return EXIT_OK


def _no_tickets_text(args) -> str:
    """Why ``list`` listed nothing, in the terms the person asked in."""
    asked = [f"vecka {args.week}" if args.week else "", f"modul {args.module}" if args.module else "",
             f"sökningen '{args.search}'" if args.search else ""]
    asked = [a for a in asked if a]
    return ("inga ärenden" + (f" för {' och '.join(asked)}" if asked else " i desken")
            + ("" if asked else f" än (importera med: elsdesk{desk_option(args)} import FIL)"))


def cmd_demo(args) -> int:
    from elsdesk.services.demo import demo_summary, load_demo_data, remove_demo_data
    from elsdesk.services.permissions import LOAD_DEMO, REMOVE_DEMO, require

    with _database(args) as database:
        require(database, REMOVE_DEMO if args.remove else LOAD_DEMO)  # a refusal for the role comes before anything else
        if args.remove:
            print(f"{remove_demo_data(database)} demoärenden borttagna")
            return EXIT_OK
        summary = demo_summary(database)
        if summary.other and not args.mix:  # the command needs --mix here: a usage error
            from elsdesk.cli_errors import UsageError

            raise UsageError(f"desken har redan {summary.other} riktiga ärenden, så ingen demodata lades in. Vill du"
                             f" ändå blanda in demoärenden: elsdesk{desk_option(args)} demo --mix (de tas bort igen med"
                             f" elsdesk{desk_option(args)} demo --remove)")
        count = load_demo_data(database, tickets=args.tickets, mix_with_real=args.mix)
        classified = _classify_unlabelled(database)
    print(f"{count} demoärenden inlagda, {classified} klassade av modellen; ta bort dem med:"
          f" elsdesk{desk_option(args)} demo --remove")
    return EXIT_OK


def numbered_tickets(database, numbers: list[str]) -> list:
    """The tickets the typed *numbers* name, each once; a number that names no ticket, or several, is a command
    line to write again (UsageError, exit 2)."""
    from elsdesk.cli_errors import UsageError
    from elsdesk.services.ticket_removal import ticket_by_number

    try:
        return list({t.id: t for t in (ticket_by_number(database, n) for n in numbers)}.values())
    except BadInputError as exc:
        raise UsageError(str(exc)) from None


def cmd_delete(args) -> int:
    from elsdesk.cli_errors import UsageError
    from elsdesk.services.permissions import REMOVE_TICKETS, require
    from elsdesk.services.ticket_removal import remove_logged_by_mistake

    with _database(args, existing=True) as database:
        require(database, REMOVE_TICKETS)  # a refusal for the role comes before anything else
        tickets = numbered_tickets(database, args.numbers)
        from elsdesk.plain_text import printable

        for ticket in tickets:  # what goes, as a person recognises it
            print(f"{ticket.external_id or ticket.id}  {ticket.created_at[:16].replace('T', ' ')}"
                  f"  {printable(ticket.title, keep_newlines=False)}")
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError("ärenden tas bort först när du bekräftar: lägg till --yes (det går inte att ångra)")
            answer = input(f"Ta bort {_tickets(len(tickets))} med deras etiketthistorik och granskningsbeslut?"
                           " Det går inte att ångra. [j/N] ")
            if answer.strip().lower() not in ("j", "ja", "y", "yes"):
                print("inget togs bort")
                return EXIT_OK
        removed = remove_logged_by_mistake(database, [t.id for t in tickets])
    print(f"{_tickets(removed)} {'borttaget' if removed == 1 else 'borttagna'}")
    return EXIT_OK


def _tickets(count: int) -> str:
    return f"{count} ärende" if count == 1 else f"{count} ärenden"


def cmd_gui(args) -> int:
    if not _has_screen():
        print("elsdesk: ingen skärm att visa fönstret på (DISPLAY och WAYLAND_DISPLAY saknas): ange ett kommando,"
              " t.ex. elsdesk --db DESK export --week VECKA --out MAPP/, se elsdesk --help", file=sys.stderr)
        return EXIT_USAGE
    _import_storage_before_qt(_target(args))
    from elsdesk.gui.app import run_gui

    return run_gui(_target(args))


def _has_screen() -> bool:
    """Whether the window has somewhere to go: on Linux a display (X or Wayland) or a Qt platform chosen
    (offscreen in tests); Qt itself would abort in English with exit 134 (a cron line without a command)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _import_storage_before_qt(target: str | None) -> None:
    """Import the desk's storage (and psycopg for a server desk) before Qt: PySide6 hooks every import
    made after it and reads each importing module's source, which cost the start ~25 ms of CPU for
    psycopg alone (issue 14: the window and its first rows as soon as a plain Qt table's)."""
    from elsdesk.storage import backend_of
    from elsdesk.storage.database import POSTGRES
    import elsdesk.services.labels  # noqa: F401 - the window's taxonomy and profile
    import elsdesk.services.profile  # noqa: F401

    if backend_of(target) == POSTGRES:
        try:
            import psycopg  # noqa: F401
        except ImportError:  # the window says what is missing when it opens the desk
            pass
    else:
        import elsdesk.storage.sqlite_backend  # noqa: F401


HANDLERS = {"import": cmd_import, "list": cmd_list, "demo": cmd_demo, "delete": cmd_delete, "gui": cmd_gui}


def plain_app_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a command line that only starts the app (none at all, ``gui``, ``--db DESK``,
    ``-v`` before the command), read without building the whole parser, which costs the start ~12 ms
    (issue 14); None for anything else, which the full parser reads (and explains when it is wrong)."""
    args = argparse.Namespace(command="gui", db=None, verbose=False)
    after_command = False
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token in ("-v", "--verbose") and not after_command:
            args.verbose = True
        elif token == "--db" and rest and not rest[0].startswith("-"):
            args.db = rest.pop(0)
        elif token.startswith("--db=") and len(token) > len("--db="):
            args.db = token[len("--db="):]
        elif token == "gui" and not after_command:
            after_command = True
        else:
            return None
    return args


def _handler(command: str):
    """The function that runs *command*; the command modules are imported only when needed."""
    if command in HANDLERS:
        return HANDLERS[command]
    from elsdesk.cli_admin import ADMIN_HANDLERS
    from elsdesk.cli_incidents import INCIDENT_HANDLERS
    from elsdesk.cli_ml import ML_HANDLERS
    from elsdesk.cli_topics import TOPIC_HANDLERS

    return (ML_HANDLERS.get(command) or TOPIC_HANDLERS.get(command) or INCIDENT_HANDLERS.get(command)
            or ADMIN_HANDLERS[command])


def main(argv: Sequence[str] | None = None) -> int:
    from contextlib import nullcontext

    from elsdesk.cli_errors import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, report, sigterm_as_exit
    from elsdesk.cli_text import swedish_argparse
    from elsdesk.domain import ElsdeskError

    args = plain_app_start(sys.argv[1:] if argv is None else argv)
    if args is None:
        from elsdesk.days import days_read_together

        with swedish_argparse(), days_read_together(sys.argv[1:] if argv is None else argv):
            args = build_parser().parse_args(argv)
    # a warning on a terminal reads as the command's other messages do; -v adds where each line came from
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s" if args.verbose else "elsdesk: %(message)s")
    if not args.verbose:  # the driver's own notes on a lost connection ("error ignored terminating <psycopg.Pipeline…>")
        logging.getLogger("psycopg").setLevel(logging.ERROR)  # are in English and say nothing the Swedish message does not
    command = args.command or "gui"
    handler = _handler(command)
    try:
        # a scheduler's kill (SIGTERM) stops a command as Ctrl+C does: its temporary files are removed
        # (the app keeps the default: its windows are not a scheduled task's)
        with swedish_argparse(), (sigterm_as_exit() if command != "gui" else nullcontext()):
            return handler(args)  # (a handler's own usage errors, args.parser.error, in Swedish too)
    except BrokenPipeError:
        return EXIT_OK
    except (ElsdeskError, OSError) as exc:  # the exit code and the message's start: cli_errors' one table
        with swedish_argparse():
            return report(exc, getattr(args, "parser", None))
    except KeyboardInterrupt:
        print("elsdesk: avbrutet", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:  # a scheduler's timeout or a kill: the work stopped and cleaned up after itself
        print("elsdesk: avbrutet (stoppad med SIGTERM, t.ex. av schemaläggarens tidsgräns)", file=sys.stderr)
        return EXIT_TERMINATED

