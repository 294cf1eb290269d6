"""CLI commands that administer a desk: ``db upgrade``, ``db status`` (and ``migrate``)."""

from __future__ import annotations

import json

ADMIN_HANDLERS: dict = {}


def add_admin_commands(command) -> None:
    """Register the administration commands; *command(name, help)* makes a subparser."""
    db = command("db", "administrera databasen: skapa eller uppgradera schemat, visa status")
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    actions.add_parser("upgrade", help="skapa eller migrera schemat (och på PostgreSQL gruppollerna); körs av ägarrollen")
    status = actions.add_parser("status", help="visa var desken finns, schemaversion, din roll och antal ärenden")
    status.add_argument("--json", action="store_true")
    ADMIN_HANDLERS["db"] = cmd_db


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
    return 0


def _status(target, as_json: bool) -> int:
    from elsdesk.services.permissions import role_of
    from elsdesk.services.profile import role_name
    from elsdesk.storage import TicketRepository, open_database
    from elsdesk.storage.migrations import MIGRATIONS

    with open_database(target) as database:
        role = role_of(database)
        report = {
            "database": database.describe(), "backend": database.backend,
            "schema_version": database.schema_version(), "known_version": len(MIGRATIONS),
            "login": database.login_name(), "role": role, "tickets": TicketRepository(database).count(),
        }
    if as_json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(f"databas: {report['database']} ({report['backend']})")
        print(f"schemaversion: {report['schema_version']} av {report['known_version']}")
        if report["login"]:
            print(f"inloggning: {report['login']}, roll: {role_name(role) if role else 'lokal profil'}")
        print(f"ärenden: {report['tickets']}")
    return 0
