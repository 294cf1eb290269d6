"""Desk-wide settings kept in the database (go-live date, retrain interval, ...)."""

from __future__ import annotations

from elsdesk.storage.database import Database


class SettingsRepository:
    def __init__(self, database: Database):
        self.database = database

    def get(self, key: str, default: str | None = None) -> str | None:
        rows = self.database.query("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set(self, key: str, value: str) -> None:
        with self.database.write() as conn:
            upsert_setting(conn, key, value)


def upsert_setting(conn, key: str, value: str) -> None:
    """Set one setting inside the caller's write transaction."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
