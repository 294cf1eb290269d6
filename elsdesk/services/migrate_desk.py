"""Move a desk (issue 9): copy an SQLite desk into an empty PostgreSQL database, verified, in one transaction.

:func:`migrate_desk` reads the SQLite source in one snapshot and streams every table into the
target with ``COPY`` in foreign-key order, ids included, hashing each row as it goes. Still in
the same transaction it reads every table back from the target in primary-key order and
compares row counts and SHA-256 checksums per table; a difference rolls everything back and
names the table. Only then are the identity sequences moved past the copied ids and the
transaction committed. A dry run does all of it and rolls back instead.

A target without a schema gets one first, as ``elsdesk db upgrade`` would make it (that step
commits on its own, so a dry run or a failed copy can leave an empty, migrated database). A
target that already holds rows is refused before anything is written. ``schema_migrations``
is the target's own and ``tickets_fts`` (SQLite) and ``tickets.search_vector`` (PostgreSQL)
are derived, so none of them is copied.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from elsdesk.domain import BadInputError, DatabaseUnavailableError, ElsdeskError, NotAllowedError
from elsdesk.storage.database import POSTGRES, SQLITE, Database, backend_of, open_database, redacted

logger = logging.getLogger(__name__)

BATCH_ROWS = 5000
# (table, primary key) in foreign-key order: review_decisions before label_history (decision_id)
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("problems", ("id",)),  # tickets point at problems
    ("tickets", ("id",)),
    ("review_decisions", ("id",)),
    ("label_history", ("id",)),
    ("settings", ("key",)),
    ("topic_registry", ("id",)),  # merged_into points into the same table: one COPY statement per table
    ("topic_weeks", ("topic_id", "week")),
    ("incidents", ("id",)),
    ("incident_tickets", ("incident_id", "ticket_id")),
    ("models", ("version",)),
    ("removed_tickets", ("external_id",)),
)
IDENTITY_TABLES = ("problems", "tickets", "review_decisions", "label_history", "incidents")

Progress = Callable[[int, int], None]


class MigrationError(ElsdeskError):
    """The copy could not be made or did not verify; nothing was written to the target."""


@dataclass(frozen=True)
class TableReport:
    """One copied table: rows and the SHA-256 over its rows on each side."""

    name: str
    rows: int
    source_sha256: str
    target_sha256: str

    @property
    def matches(self) -> bool:
        return self.source_sha256 == self.target_sha256


@dataclass
class MigrationReport:
    """What :func:`migrate_desk` copied (or, in a dry run, would copy)."""

    source: str
    target: str
    dry_run: bool
    tables: list[TableReport] = field(default_factory=list)
    nul_removed: int = 0
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(t.rows for t in self.tables)

    @property
    def verified(self) -> bool:
        return bool(self.tables) and all(t.matches for t in self.tables)


class _DryRunDone(Exception):
    """Raised inside the target transaction so a dry run rolls back everything it wrote."""


def migrate_desk(source: Database, target_url: str, dry_run: bool = False,
                 progress: Progress | None = None) -> MigrationReport:
    """Copy the SQLite desk *source* into the empty PostgreSQL database *target_url*.

    Raises :class:`BadInputError` for a source that is not SQLite, a target that is not
    PostgreSQL or not empty; :class:`NotAllowedError` for a login that does not own the target;
    :class:`MigrationError` when a table cannot be copied or does not verify (rolled back);
    ``DatabaseUnavailableError`` when the server cannot be used. *progress(done, total)* counts
    rows over all tables.
    """
    if source.backend != SQLITE:
        raise BadInputError(
            f"källan {source.describe()} är ingen SQLite-fil; migrate flyttar en lokal desk (--db FIL) till PostgreSQL")
    if backend_of(target_url) != POSTGRES:
        raise BadInputError(
            f"målet {redacted(target_url)} är ingen PostgreSQL-databas; ange --to postgresql://… eller service=NAMN")
    started = time.monotonic()
    target = open_database(target_url, migrate_schema=True)  # what `db upgrade` does; a no-op when current
    report = MigrationReport(source.describe(), target.describe(), dry_run)
    try:
        if not target.owns_desk():
            raise NotAllowedError(
                f"bara databasens ägare får flytta en desk till {target.describe()}; kör migrate som ägarrollen")
        source.conn.execute("BEGIN")  # one read snapshot of the source for the copy and its checksums
        try:
            _copy_and_verify(source, target, report, progress)
        except _DryRunDone:
            pass
        except DatabaseUnavailableError as exc:  # the server's general sentence speaks of imports going on
            detail = str(exc.__cause__ or "").strip().splitlines()[:1]
            raise DatabaseUnavailableError(
                f"flytten till {target.describe()} avbröts: förbindelsen med servern bröts. Ingenting flyttades (flytten"
                f" är en enda transaktion; den lokala desken är orörd); kör samma kommando igen när servern svarar"
                + (f" ({detail[0]})" if detail else "")) from exc
        finally:
            source.conn.execute("ROLLBACK")
        if not dry_run:
            for name, _key in TABLES:
                target.raw.execute(f"ANALYZE {name}")  # the planner sees the copied volumes at once
    finally:
        target.close()
    report.seconds = time.monotonic() - started
    logger.info("migrated %d rows from %s to %s in %.1f s (dry run: %s)", report.total_rows, report.source,
                report.target, report.seconds, dry_run)
    return report


def _copy_and_verify(source: Database, target, report: MigrationReport, progress: Progress | None) -> None:
    counts = {name: source.conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name, _key in TABLES}
    total, done = sum(counts.values()), 0
    with target.write():
        _refuse_non_empty(target)
        if progress:
            progress(0, total)
        for name, key in TABLES:
            columns, text_columns = _columns(source, target, name)
            rows = _source_rows(source, name, columns, key)
            source_hash, copied = _copy_table(target, name, columns, rows, report,
                                              lambda n: progress(done + n, total) if progress else None)
            done += copied
            target_hash, target_rows = _checksum(_target_rows(target, name, columns, key, text_columns))
            if copied != counts[name] or target_rows != copied or target_hash != source_hash:
                raise MigrationError(
                    f"tabellen {name} stämmer inte efter kopieringen (källan {counts[name]} rader, kopierat {copied},"
                    f" målet {target_rows}; kontrollsumma {source_hash[:12]} mot {target_hash[:12]}); inget sparades")
            report.tables.append(TableReport(name, copied, source_hash, target_hash))
        if report.dry_run:
            raise _DryRunDone()
        for name in IDENTITY_TABLES:  # setval is not undone by a rollback: only on the way to commit
            target.raw.execute(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), COALESCE(max(id), 0) + 1, false) FROM {name}")


def _refuse_non_empty(target) -> None:
    held = []
    for name, _key in TABLES:
        count = target.raw.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        if count:
            held.append(f"{name} ({count} rader)")
    if held:
        raise BadInputError(
            f"måldatabasen {target.describe()} är inte tom: {', '.join(held)};"
            " migrate flyttar bara till en tom databas. Ska ärendena läggas till en desk som redan används,"
            " kör samma kommando med --merge i stället för --to (deskens ägare); annars skapa en ny, tom databas")


def _columns(source: Database, target, name: str) -> tuple[list[str], set[str]]:
    """The table's stored columns (sorted, the order both sides are hashed in) and the target's text ones."""
    source_columns = {row[1] for row in source.conn.execute(f"PRAGMA table_info({name})").fetchall()}
    target_columns, text_columns = _pg_columns(target, name)
    if source_columns != set(target_columns):
        differing = ", ".join(sorted(source_columns ^ set(target_columns)))
        raise MigrationError(
            f"tabellen {name} har olika kolumner i källan och målet ({differing});"
            " uppgradera båda till samma version av elsdesk först")
    return target_columns, text_columns


def _pg_columns(database, name: str) -> tuple[list[str], set[str]]:
    """Sorted stored columns of *name* on PostgreSQL (generated ones left out) and which are text."""
    rows = database.query(
        "SELECT column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'", (name,))
    return sorted(column for column, _type in rows), {column for column, data_type in rows if data_type == "text"}


def _select(name: str, columns: list[str], key: tuple[str, ...], text_columns: set[str] = frozenset()) -> str:
    # on PostgreSQL text keys sort in byte order (COLLATE "C"), as SQLite's BINARY collation sorts them
    order = ", ".join(f'{k} COLLATE "C"' if k in text_columns else k for k in key)
    return f"SELECT {', '.join(columns)} FROM {name} ORDER BY {order}"


def _source_rows(source: Database, name: str, columns: list[str], key: tuple[str, ...]) -> Iterator[tuple]:
    cursor = source.conn.execute(_select(name, columns, key))
    while batch := cursor.fetchmany(BATCH_ROWS):
        yield from batch


def _target_rows(target, name: str, columns: list[str], key: tuple[str, ...],
                 text_columns: set[str]) -> Iterator[tuple]:
    # a server-side cursor: a big table is never held whole
    with target.raw.cursor(name=f"elsdesk_verify_{name}") as cursor:
        cursor.itersize = BATCH_ROWS
        cursor.execute(_select(name, columns, key, text_columns))
        yield from cursor


def _copy_table(target, name: str, columns: list[str], rows: Iterable[tuple], report: MigrationReport,
                copied_so_far: Callable[[int], None]) -> tuple[str, int]:
    """COPY *rows* into *name*; return the checksum of what was sent and the row count."""
    import psycopg

    digest, count = hashlib.sha256(), 0
    try:
        with target.raw.cursor() as cursor, cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                text = _row_text(row)
                if _JSON_NUL in text:  # rare: only then look at each value
                    row = tuple(_without_nul(value, report) for value in row)
                    text = _row_text(row)
                digest.update(text.encode())
                copy.write_row(row)
                count += 1
                if count % BATCH_ROWS == 0:
                    copied_so_far(count)
    except (psycopg.DataError, psycopg.IntegrityError) as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise MigrationError(f"tabellen {name} gick inte att kopiera: {reason}; inget sparades") from exc
    if count % BATCH_ROWS:
        copied_so_far(count)
    return digest.hexdigest(), count


def _without_nul(value, report: MigrationReport):
    # PostgreSQL text cannot hold NUL (SQLite can; intake strips it now, older desks may have some)
    if isinstance(value, str) and "\x00" in value:
        report.nul_removed += value.count("\x00")
        return value.replace("\x00", "")
    return value


# A row is hashed as one line of compact JSON. The drivers return the same Python values on both
# engines except that a whole float may come back as an int (2823.0 vs 2823) and bytes as a
# memoryview, so those are normalised first; rows of only text, ints and NULLs (most) go as they are.
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_PLAIN_TYPES = frozenset({str, int, type(None)})
_JSON_NUL = "\\u0000"


def _normalised(value):
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"hex": bytes(value).hex()}
    if isinstance(value, bool):
        return int(value)
    return value


def _row_text(row) -> str:
    if not _PLAIN_TYPES.issuperset(map(type, row)):
        row = [_normalised(v) for v in row]
    return _ENCODE(row) + "\n"


def _checksum(rows: Iterable[tuple]) -> tuple[str, int]:
    digest, count = hashlib.sha256(), 0
    for row in rows:
        digest.update(_row_text(row).encode())
        count += 1
    return digest.hexdigest(), count


def desk_checksums(database: Database) -> dict[str, tuple[int, str]]:
    """Rows and SHA-256 per copied table of a desk on either engine, the same figures migrate compares."""
    result = {}
    for name, key in TABLES:
        if database.backend == POSTGRES:
            columns, text_columns = _pg_columns(database, name)
        else:
            columns, text_columns = sorted(row[1] for row in database.query(f"PRAGMA table_info({name})")), set()
        digest, count = _checksum(database.query(_select(name, columns, key, text_columns)))
        result[name] = (count, digest)
    return result
