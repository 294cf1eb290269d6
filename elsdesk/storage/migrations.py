"""Named, ordered schema migrations for both engines; the schema version lives in the database.

Each migration runs once, inside the caller's write transaction, and is recorded by name in
``schema_migrations``; SQLite also keeps the number in ``PRAGMA user_version``. A migration
has a SQLite step and a PostgreSQL step (the PostgreSQL DDL is in
:mod:`elsdesk.storage.postgres_schema`); a step that one engine does not need is ``None`` but
the name is still recorded, so version N means the same on both. Add new migrations at the
end of ``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from dataclasses import dataclass
from typing import Any, Callable

from elsdesk.domain import DatabaseUnavailableError, SchemaVersionError
from elsdesk.storage import postgres_schema


def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the current transaction (executescript would commit)."""
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer!r}")


def _001_tickets(conn: sqlite3.Connection) -> None:
    _script(conn, 
        """
        CREATE TABLE tickets (
            id INTEGER PRIMARY KEY,
            external_id TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            iso_week TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            reporter_role TEXT,
            unit TEXT,
            channel TEXT,
            priority TEXT NOT NULL DEFAULT 'normal',
            patient_safety INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'ny',
            module TEXT,
            kind TEXT,
            label_source TEXT,
            module_confidence REAL,
            kind_confidence REAL,
            model_version TEXT,
            resolution TEXT NOT NULL DEFAULT '',
            escalation TEXT,
            masked_count INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX idx_tickets_created ON tickets(created_at);
        CREATE INDEX idx_tickets_week ON tickets(iso_week);
        CREATE INDEX idx_tickets_status ON tickets(status);
        CREATE INDEX idx_tickets_module ON tickets(module);
        CREATE INDEX idx_tickets_kind ON tickets(kind);
        """
    )


def _002_fulltext(conn: sqlite3.Connection) -> None:
    _script(conn, 
        """
        CREATE VIRTUAL TABLE tickets_fts USING fts5(
            title, description, resolution,
            content='tickets', content_rowid='id',
            tokenize="unicode61 remove_diacritics 0", prefix='2 3 4'
        );
        CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
            INSERT INTO tickets_fts(rowid, title, description, resolution)
            VALUES (new.id, new.title, new.description, new.resolution);
        END;
        CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
            INSERT INTO tickets_fts(tickets_fts, rowid, title, description, resolution)
            VALUES ('delete', old.id, old.title, old.description, old.resolution);
        END;
        CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description, resolution ON tickets BEGIN
            INSERT INTO tickets_fts(tickets_fts, rowid, title, description, resolution)
            VALUES ('delete', old.id, old.title, old.description, old.resolution);
            INSERT INTO tickets_fts(rowid, title, description, resolution)
            VALUES (new.id, new.title, new.description, new.resolution);
        END;
        """
    )


def _003_label_history(conn: sqlite3.Connection) -> None:
    _script(conn, 
        """
        CREATE TABLE label_history (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            old_value TEXT,
            new_value TEXT,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            source TEXT NOT NULL
        );
        CREATE INDEX idx_label_history_ticket ON label_history(ticket_id);
        CREATE INDEX idx_label_history_at ON label_history(at);
        """
    )


def _004_settings(conn: sqlite3.Connection) -> None:
    _script(conn, 
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        """
    )


def _005_module_week_index(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX idx_tickets_module_week ON tickets(module, iso_week, created_at)")


def _006_topics(conn: sqlite3.Connection) -> None:
    _script(conn, 
        """
        CREATE TABLE topic_registry (
            id TEXT PRIMARY KEY,
            module TEXT,
            label TEXT NOT NULL,
            custom_label TEXT,
            stems TEXT NOT NULL,
            first_week TEXT NOT NULL,
            last_week TEXT NOT NULL,
            covered_on TEXT,
            on_agenda INTEGER NOT NULL DEFAULT 0,
            merged_into TEXT REFERENCES topic_registry(id)
        );
        CREATE TABLE topic_weeks (
            topic_id TEXT NOT NULL REFERENCES topic_registry(id) ON DELETE CASCADE,
            week TEXT NOT NULL,
            count INTEGER NOT NULL,
            ticket_ids TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (topic_id, week)
        );
        CREATE INDEX idx_topic_weeks_week ON topic_weeks(week);
        """
    )


def _007_review(conn: sqlite3.Connection) -> None:
    """Review-queue decisions (undoable, with the model suggestion shown) and history links."""
    _script(conn,
        """
        CREATE TABLE review_decisions (
            id INTEGER PRIMARY KEY,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            module TEXT,
            kind TEXT,
            old_module TEXT,
            old_kind TEXT,
            old_label_source TEXT,
            suggested_module TEXT,
            suggested_kind TEXT,
            suggested_by TEXT,
            undone_at TEXT
        );
        CREATE INDEX idx_review_decisions_actor ON review_decisions(actor, id);
        CREATE INDEX idx_review_decisions_ticket ON review_decisions(ticket_id);
        ALTER TABLE label_history ADD COLUMN suggested_by TEXT;
        ALTER TABLE label_history ADD COLUMN decision_id INTEGER REFERENCES review_decisions(id) ON DELETE SET NULL;
        ALTER TABLE label_history ADD COLUMN undone_at TEXT;
        CREATE INDEX idx_label_history_decision ON label_history(decision_id);
        """
    )


def _008_incidents(conn: sqlite3.Connection) -> None:
    """Possible incidents (surges of similar tickets) and the tickets linked to each."""
    _script(conn,
        """
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            first_at TEXT NOT NULL,
            last_at TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open'
        );
        CREATE TABLE incident_tickets (
            incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
            ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            PRIMARY KEY (incident_id, ticket_id)
        );
        CREATE INDEX idx_incident_tickets_ticket ON incident_tickets(ticket_id);
        """
    )



def _009_search_parts(conn: sqlite3.Connection) -> None:
    """Parts of compound words become searchable ("lista" finds "Läkemedelslistan"); the index is
    declared with ``content="tickets"`` so sqlite-utils and Datasette detect it."""
    from elsdesk.storage.search_text import compound_parts

    _script(conn,
        """
        DROP TRIGGER tickets_fts_insert;
        DROP TRIGGER tickets_fts_delete;
        DROP TRIGGER tickets_fts_update;
        DROP TABLE tickets_fts;
        ALTER TABLE tickets ADD COLUMN search_parts TEXT NOT NULL DEFAULT '';
        """
    )
    rows = conn.execute("SELECT id, title, description, resolution FROM tickets").fetchall()
    conn.executemany(
        "UPDATE tickets SET search_parts = ? WHERE id = ?",
        [(compound_parts(title, description, resolution), ticket_id) for ticket_id, title, description, resolution in rows],
    )
    _script(conn,
        """
        CREATE VIRTUAL TABLE tickets_fts USING fts5(
            title, description, resolution, search_parts,
            content="tickets", content_rowid="id",
            tokenize="unicode61 remove_diacritics 0", prefix='2 3 4'
        );
        INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild');
        CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
            INSERT INTO tickets_fts(rowid, title, description, resolution, search_parts)
            VALUES (new.id, new.title, new.description, new.resolution, new.search_parts);
        END;
        CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
            INSERT INTO tickets_fts(tickets_fts, rowid, title, description, resolution, search_parts)
            VALUES ('delete', old.id, old.title, old.description, old.resolution, old.search_parts);
        END;
        CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description, resolution, search_parts ON tickets BEGIN
            INSERT INTO tickets_fts(tickets_fts, rowid, title, description, resolution, search_parts)
            VALUES ('delete', old.id, old.title, old.description, old.resolution, old.search_parts);
            INSERT INTO tickets_fts(rowid, title, description, resolution, search_parts)
            VALUES (new.id, new.title, new.description, new.resolution, new.search_parts);
        END;
        """
    )


def _010_models(conn: sqlite3.Connection) -> None:
    """Trained models belong to the desk: the joblib bytes, the card and its SHA-256."""
    _script(conn,
        """
        CREATE TABLE models (
            version TEXT PRIMARY KEY,
            card TEXT NOT NULL,
            data BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT
        );
        """
    )


def _013_problems(conn: sqlite3.Connection) -> None:
    """Known problems (kända problem) that people curate, and the link from a ticket to one."""
    _script(conn,
        """
        CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            module TEXT,
            kind TEXT,
            workaround TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'oppet',
            status_note TEXT,
            created_at TEXT NOT NULL,
            created_by TEXT
        );
        ALTER TABLE tickets ADD COLUMN problem_id INTEGER REFERENCES problems(id) ON DELETE SET NULL;
        CREATE INDEX idx_tickets_problem ON tickets(problem_id);
        """
    )


def _014_rejected_proposals(conn: sqlite3.Connection) -> None:
    """A proposal people reject stays known (so it is not proposed again) with the date."""
    conn.execute("ALTER TABLE topic_registry ADD COLUMN rejected_on TEXT")


def _015_fulltext_filled_per_batch(conn: sqlite3.Connection) -> None:
    """A bulk insert (an import batch) fills the full-text index once per batch instead of once per
    row: while the batch's transaction holds the ``fulltext_deferred`` setting the insert trigger
    stands aside, and the batch indexes its rows in one statement before it commits. Every other
    insert (the form, demo data, a script or sqlite-utils) is indexed by the trigger as before."""
    _script(conn,
        """
        DROP TRIGGER tickets_fts_insert;
        CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets
        WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'fulltext_deferred') BEGIN
            INSERT INTO tickets_fts(rowid, title, description, resolution, search_parts)
            VALUES (new.id, new.title, new.description, new.resolution, new.search_parts);
        END;
        """
    )


def _016_lean_fulltext(conn: sqlite3.Connection) -> None:
    """The full-text index keeps which tickets and columns hold a word but not where in the text
    (``detail=column``), and no per-column lengths (``columnsize=0``): search asks only "every typed
    word starts a word or a part of this ticket", newest first, never for phrases, positions or
    rank. At a million tickets the index is 580 MB instead of 967 MB and an import fills it with
    two thirds of the CPU; search is as fast. (``detail=none`` makes it 193 MB, but searches newest
    first took twice as long.) The triggers of migrations 009 and 015 stay: they name the table,
    which is made again under its name."""
    _remake_fulltext(conn, remove_diacritics=0)


def _remake_fulltext(conn: sqlite3.Connection, remove_diacritics: int) -> None:
    """The lean full-text index (migration 016) made again under its name and filled once; the triggers stay."""
    _script(conn,
        f"""
        DROP TABLE tickets_fts;
        CREATE VIRTUAL TABLE tickets_fts USING fts5(
            title, description, resolution, search_parts,
            content="tickets", content_rowid="id",
            tokenize="unicode61 remove_diacritics {remove_diacritics}", prefix='2 3 4', detail=column, columnsize=0
        );
        INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild');
        """
    )


def _017_ticket_number_digits(conn: sqlite3.Connection) -> None:
    """An index on the digits a ticket number ends in, without leading zeros ("DEMO-01049" -> "1049"), so that a
    search of digits alone ("1049", "01049") finds the ticket by its number with one index search at any size of
    desk. The expression uses only functions both engines have, and the query writes it the same way
    (``tickets.NUMBER_DIGITS``)."""
    conn.execute("CREATE INDEX idx_tickets_number_digits"
                 " ON tickets(ltrim(substr(external_id, length(rtrim(external_id, '0123456789')) + 1), '0'))")


def _019_plain_search(conn: sqlite3.Connection) -> None:
    """Search does not mind å/ä/ö (:mod:`elsdesk.storage.search_text`): the full-text index keeps every word
    without the marks on its letters ("läkemedel" as "lakemedel"), so that a search typed either way finds
    both spellings. The index is made again under its name (as in migration 016) and filled once."""
    _remake_fulltext(conn, remove_diacritics=2)


def _020_problem_status_since(conn: sqlite3.Connection) -> None:
    """The day a known problem's status was set, so that a problem marked fixed or gone through in
    training leaves the agendas of the weeks after that day and not those already held."""
    conn.execute(postgres_schema.PROBLEM_STATUS_SINCE)


def _023_removed_tickets(conn: sqlite3.Connection) -> None:
    """The numbers of tickets removed as logged by mistake, so that an import does not bring them back."""
    conn.execute(postgres_schema.REMOVED_TICKETS_TABLE)


@dataclass(frozen=True)
class Migration:
    name: str
    sqlite: Callable[[sqlite3.Connection], None] | None
    postgres: str | None


MIGRATIONS: list[Migration] = [
    Migration("001_tickets", _001_tickets, postgres_schema.TICKETS),
    Migration("002_fulltext", _002_fulltext, None),  # PostgreSQL's index arrives complete in 009
    Migration("003_label_history", _003_label_history, postgres_schema.LABEL_HISTORY),
    Migration("004_settings", _004_settings, postgres_schema.SETTINGS),
    Migration("005_module_week_index", _005_module_week_index, postgres_schema.MODULE_WEEK_INDEX),
    Migration("006_topics", _006_topics, postgres_schema.TOPICS),
    Migration("007_review", _007_review, postgres_schema.REVIEW),
    Migration("008_incidents", _008_incidents, postgres_schema.INCIDENTS),
    Migration("009_search_parts", _009_search_parts, postgres_schema.SEARCH),
    Migration("010_models", _010_models, postgres_schema.MODELS),
    Migration("011_roles", None, postgres_schema.ROLES),
    Migration("012_change_notices", None, postgres_schema.CHANGE_NOTICES),
    Migration("013_problems", _013_problems, postgres_schema.PROBLEMS),
    Migration("014_rejected_proposals", _014_rejected_proposals, postgres_schema.REJECTED_PROPOSALS),
    Migration("015_fulltext_filled_per_batch", _015_fulltext_filled_per_batch, None),  # PostgreSQL's index is a generated column
    Migration("016_lean_fulltext", _016_lean_fulltext, None),  # PostgreSQL: nothing to change
    Migration("017_ticket_number_digits", _017_ticket_number_digits, postgres_schema.TICKET_NUMBER_DIGITS),
    # PostgreSQL: history rows name the writing login, confirmations need a super-user; a local file has no logins
    Migration("018_confirmations_by_login", None, postgres_schema.CONFIRMATIONS_BY_LOGIN),
    Migration("019_plain_search", _019_plain_search, postgres_schema.PLAIN_SEARCH),
    Migration("020_problem_status_since", _020_problem_status_since, postgres_schema.PROBLEM_STATUS_SINCE),
    # PostgreSQL: settings and known problems kept to the roles that curate them; a local file has no logins
    Migration("021_curation_by_role", None, postgres_schema.CURATION_BY_ROLE),
    # PostgreSQL: a super-user may remove a ticket logged by mistake; a local file has no logins
    Migration("022_ticket_removal_by_super_user", None, postgres_schema.TICKET_REMOVAL_BY_SUPER_USER),
    Migration("023_removed_tickets", _023_removed_tickets, postgres_schema.REMOVED_TICKETS),
    # PostgreSQL: any role's save may join open incidents found apart; a local file has no logins
    Migration("024_incidents_joined_by_any_role", None, postgres_schema.INCIDENTS_JOINED_BY_ANY_ROLE),
    # PostgreSQL: a settings notice names the key that changed; a local file sends no notices
    Migration("025_setting_notices_by_key", None, postgres_schema.SETTING_NOTICES_BY_KEY),
]

_MIGRATIONS_TABLE = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"


def _engine(database: Any) -> tuple[str, Any]:
    """(backend, connection) of a Database or of a bare sqlite3 connection."""
    if isinstance(database, sqlite3.Connection):
        return "sqlite", database
    return database.backend, database.conn


def applied_migrations(database: Any) -> list[str]:
    _backend, conn = _engine(database)
    conn.execute(_MIGRATIONS_TABLE)
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]


def migrate(database: Any, upto: int | None = None) -> list[str]:
    """Apply the migrations not yet applied (up to number *upto*); return their names.

    *database* is a :class:`~elsdesk.storage.database.Database` inside its write transaction,
    or a bare sqlite3 connection (the migration tests use one).
    """
    backend, conn = _engine(database)
    done = set(applied_migrations(database))
    ran = []
    for number, migration in enumerate(MIGRATIONS[:upto], start=1):
        if migration.name in done:
            continue
        if backend == "sqlite" and migration.sqlite is not None:
            migration.sqlite(conn)
        elif backend == "postgres" and migration.postgres is not None:
            conn.execute(migration.postgres)
        conn.execute(
            "INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
            (migration.name, datetime.now().isoformat(timespec="seconds")),
        )
        if backend == "sqlite":
            conn.execute(f"PRAGMA user_version = {number}")
        ran.append(migration.name)
    return ran


def check_schema_version(version: int, where: str, *, upgrade_hint: bool = False, upgrade_target: str = "") -> None:
    """Refuse a schema newer than this version knows (and, with *upgrade_hint*, an older one, naming the
    command the owner runs on *upgrade_target*: the desk without this login and password)."""
    if version > len(MIGRATIONS):
        raise SchemaVersionError(
            f"databasen {where} har schemaversion {version}, nyare än den här versionen av elsdesk känner till"
            f" ({len(MIGRATIONS)}); uppdatera elsdesk på den här datorn"
        )
    if upgrade_hint and version < len(MIGRATIONS):
        raise SchemaVersionError(
            f"databasen {where} har schemaversion {version} men den här versionen av elsdesk behöver {len(MIGRATIONS)};"
            f" be databasens ägare (IT) köra, med ägarens inloggning: elsdesk --db '{upgrade_target or where}' db upgrade"
        )
