"""CLI commands that administer a desk: ``db upgrade``, ``db status`` and ``migrate`` (move a desk to PostgreSQL,
or with ``--merge`` add it to a desk that already has tickets)."""

from __future__ import annotations

import json
import sys

ADMIN_HANDLERS: dict = {}


def add_admin_commands(command) -> None:
    """Register the administration commands; *command(name, help)* makes a subparser."""
    import argparse

    from elsdesk.cli import _add_db_option

    db = command("db", "administrera databasen: skapa eller uppgradera schemat, visa status")
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    upgrade_text = "skapa eller migrera schemat (och på PostgreSQL grupprollerna); körs av ägarrollen"
    status_text = "visa var desken finns, schemaversion, din roll och antal ärenden"
    upgrade = actions.add_parser("upgrade", help=upgrade_text, description=upgrade_text)
    status = actions.add_parser("status", help=status_text, description=status_text)
    status.add_argument("--json", action="store_true")
    for action in (upgrade, status):  # --db also after the action: elsdesk db status --db DESK
        _add_db_option(action, argparse.SUPPRESS)
        action.set_defaults(parser=action)
    ADMIN_HANDLERS["db"] = cmd_db
    migrate = command("migrate", "flytta en lokal desk (SQLite) till en tom PostgreSQL-databas,"
                      " i en verifierad transaktion (--merge: lägg till den i en desk som redan har ärenden)")
    migrate.add_argument("--to", required=True, metavar="URL",
                         help="måldatabasen: postgresql://… eller service=NAMN (med --merge även en SQLite-fil)")
    migrate.add_argument("--merge", action="store_true",
                         help="lägg till källans ärenden, etiketthistorik, granskningsbeslut, kända problem och"
                              " incidenter i en desk som redan har ärenden; upptagna ärendenummer får nya nummer,"
                              " och det som slagits ihop förut läggs inte till igen")
    migrate.add_argument("--dry-run", action="store_true",
                         help="kopiera och verifiera men rulla tillbaka: visar vad som skulle flyttas;"
                              " inga rader sparas (ett saknat schema skapas dock, utom med --merge)")
    ADMIN_HANDLERS["migrate"] = cmd_migrate


def cmd_db(args) -> int:
    from elsdesk.cli import _target

    if args.db_action == "upgrade":
        return _upgrade(_target(args))
    return _status(_target(args), args.json)


def _upgrade(target) -> int:
    from elsdesk.storage import open_database
    from elsdesk.storage.migrations import MIGRATIONS

    with open_database(target, migrate_schema=True) as database:
        print(f"{database.describe()}: schemaversion {database.schema_version()} av {len(MIGRATIONS)}")
        if database.upgraded_from is not None:  # what it did, not only where it ended (a shared-desk tester)
            print(upgrade_done(database.backend, database.upgraded_from, len(MIGRATIONS)))
    return 0


def upgrade_done(backend: str, before: int, after: int) -> str:
    """What ``db upgrade`` did, in a sentence."""
    if before == 0 and backend == "postgres":
        return ("skapade deskens tabeller, grupprollerna elsdesk_stod, elsdesk_superanvandare och elsdesk_utbildning"
                " (finns de redan på servern används de) och deras rättigheter; ge nu var och en sin inloggning i en"
                " grupproll (README: A desk on the region's server, steg 3)")
    if before == 0:
        return "skapade deskens tabeller"
    return f"uppgraderade schemat från version {before} till {after}"


def _status(target, as_json: bool) -> int:
    from elsdesk.services.permissions import roles_of
    from elsdesk.services.profile import role_name
    from elsdesk.storage import TicketRepository, open_database
    from elsdesk.storage.migrations import MIGRATIONS

    from elsdesk.cli import require_existing

    require_existing(target)
    with open_database(target, older_schema_ok=True) as database:  # an older desk's status names its upgrade
        roles = roles_of(database)
        role = roles[0] if roles else None
        report = {
            "database": database.describe(), "backend": database.backend,
            "schema_version": database.schema_version(), "known_version": len(MIGRATIONS),
            "login": database.login_name(), "role": role, "roles": list(roles),
            "tickets": TicketRepository(database).count(),
            "upgrade_needed": database.schema_note,
        }
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(f"databas: {report['database']} ({report['backend']})")
        print(f"schemaversion: {report['schema_version']} av {report['known_version']}")
        if report["upgrade_needed"]:  # the desk is readable here, but no workstation of this version opens it
            print(f"uppgradering behövs: {report['upgrade_needed']}")
        if report["login"]:
            print(f"inloggning: {report['login']}, " + (f"roller: {', '.join(role_name(r) for r in roles)}" if len(roles) > 1
                                                        else f"roll: {role_name(role) if role else 'lokal profil'}"))
        print(f"ärenden: {report['tickets']}")
    return 0


# the desk's tables as the move and the merge report them (a Swedish reader, not an SQL one)
TABLE_NAMES = {"tickets": "ärenden", "label_history": "etiketthistorik", "review_decisions": "granskningsbeslut",
               "problems": "kända problem", "incidents": "incidenter", "incident_tickets": "ärenden i incidenter",
               "settings": "inställningar", "topic_registry": "ämnen", "topic_weeks": "ämnen per vecka",
               "models": "modeller", "schema_migrations": "databasversioner",
               "removed_tickets": "borttagna ärendenummer"}


def table_name(table: str) -> str:
    return TABLE_NAMES.get(table, table)


def cmd_migrate(args) -> int:
    from pathlib import Path

    from elsdesk.cli import _target
    from elsdesk.cli_errors import DeskMissingError, UsageError
    from elsdesk.paths import default_db_path
    from elsdesk.services.migrate_desk import migrate_desk
    from elsdesk.storage import backend_of, open_database
    from elsdesk.storage.database import POSTGRES, SQLITE

    source = _target(args) or default_db_path()
    if backend_of(source) != SQLITE:
        raise UsageError(f"källan (--db) måste vara en SQLite-fil, inte {backend_of(source)};"
                         " migrate flyttar en lokal desk till PostgreSQL")
    if not Path(source).is_file():
        raise DeskMissingError(f"det finns ingen desk i {source}; ange den med --db FIL")

    if args.merge:
        return _merge(source, args)
    if backend_of(args.to) != POSTGRES:  # found before any work: the command line is wrong (exit 2)
        raise UsageError(f"--to: målet {args.to} är ingen PostgreSQL-databas; ange --to postgresql://… eller"
                         " service=NAMN (att lägga en desk till en annan desk-fil görs med --merge)")
    from elsdesk.cli import terminal_progress

    progress = terminal_progress("kopierar")
    with open_database(source) as database:
        report = migrate_desk(database, args.to, dry_run=args.dry_run, progress=progress)
    for table in report.tables:
        print(f"{table_name(table.name)}: {table.rows} rader, sha256 {table.target_sha256[:16]} (lika i källan och målet)")
    if report.nul_removed:
        print(f"varning: {report.nul_removed} NUL-tecken togs bort ur texter (PostgreSQL kan inte lagra dem)")
    if report.dry_run:
        print(f"provkörning: {report.total_rows} rader skulle flyttas från {report.source} till {report.target};"
              f" allt verifierat och tillbakarullat, inget sparades ({report.seconds:.1f} s)")
    else:
        print(f"flyttade {report.total_rows} rader från {report.source} till {report.target} på {report.seconds:.1f} s;"
              f" antal och kontrollsummor lika i alla {len(report.tables)} tabeller")
        from elsdesk.storage.database import for_everyone

        print(f"peka arbetsplatserna dit: elsdesk --db '{for_everyone(report.target)}' (eller ELSDESK_DB), var och en"
              " med sin egen inloggning")
    return 0


def _merge(source: str, args) -> int:
    """``migrate --merge``: add the local desk *source* to the desk at ``--to`` and say what was added."""
    from elsdesk.cli import require_existing
    from elsdesk.cli import terminal_progress
    from elsdesk.services.merge_desk import merge_desk
    from elsdesk.storage import open_database

    require_existing(args.to)
    with open_database(source) as database, open_database(args.to) as target:
        report = merge_desk(database, target, dry_run=args.dry_run, progress=terminal_progress("slår ihop"))
    for line in merge_summary(report):
        print(line)
    return 0


def merge_summary(report) -> list[str]:
    """The lines ``migrate --merge`` prints: what was added per table, renumbered, joined, and not merged."""
    lines = [f"{table_name(name)}: {rows} rader tillagda" for name, rows in report.added.items()]
    if report.renumbered:
        lines.append(f"ärendenummer som målet redan hade, med nya nummer ({len(report.renumbered)}):")
        lines += [f"  {old} → {new}" for old, new in report.renumbered]
    if report.same_tickets:
        lines.append(f"samma ärende fanns redan i målet (samma id och skapandetid), lades inte till igen:"
                     f" {', '.join(report.same_tickets)}")
    lines.append(f"kända problem: {len(report.problems_joined)} samma som i målet"
                 f"{_names(report.problems_joined)}, {len(report.problems_added)} nya{_names(report.problems_added)}")
    lines += [f"  problemet '{old}' finns i målet för en annan modul; källans sparades som '{new}'"
              for old, new in report.problems_renamed]
    if report.incidents_joined:
        lines.append(f"incidenter: {report.incidents_joined} slogs ihop med målets incident med samma namn och tid")
    if report.masked_now:
        lines.append(f"varning: {report.masked_now} personuppgifter som källan hade kvar maskerades innan de sparades")
    if report.already_merged:
        lines.append(f"{report.already_merged} ärenden från källan hade slagits ihop tidigare och lades inte till"
                     " igen")
    lines.append("inställningar och modeller slogs inte ihop: måldeskens egna (och dess aktiva modell) gäller;"
                 " ämnena räknas om per vecka i målet")
    what = (f"{report.tickets_added} ärenden ({len(report.renumbered)} med nya nummer),"
            f" {report.added['label_history']} rader etiketthistorik, {report.added['review_decisions']}"
            " granskningsbeslut")
    if report.dry_run:
        lines.append(f"provkörning: {what} skulle läggas till från {report.source} i {report.target};"
                     f" allt verifierat och tillbakarullat, inget sparades ({report.seconds:.1f} s)")
    elif report.tickets_added or report.added["problems"]:
        lines.append(f"slog ihop {what} från {report.source} med {report.target} på {report.seconds:.1f} s;"
                     " antal rader och kontrollsummor stämmer")
    else:
        lines.append(f"inget nytt att slå ihop: allt från {report.source} finns redan i {report.target}")
    return lines


def _names(names: list[str]) -> str:
    return f" ({', '.join(names)})" if names else ""
