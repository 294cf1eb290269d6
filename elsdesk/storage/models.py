"""The model repository: trained models of the desk (model bytes, card, SHA-256) and the active pointer.

Models live in the ``models`` table, one row per version, written once and never updated. The
active version and the history of activations are the desk settings ``active_model`` and
``model_history`` (a JSON list), so every workstation of a desk uses the same model. On
PostgreSQL only super-users may insert models and write those two settings (GRANTs and
row-level security). Writing methods run inside the caller's :meth:`Database.write`.
This module holds only the SQL; hashing and decoding (:mod:`elsdesk.ml.model_format`, no pickle) are :mod:`elsdesk.ml.store`'s.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from elsdesk.storage.database import Database
from elsdesk.storage.settings import upsert_setting

logger = logging.getLogger(__name__)
ACTIVE_KEY = "active_model"
HISTORY_KEY = "model_history"
HISTORY_LENGTH = 50


@dataclass(frozen=True)
class StoredModel:
    """One saved version as stored: the card as written (JSON text) and, when fetched, the bytes."""

    version: str
    card_text: str
    sha256: str
    created_at: str
    created_by: str | None = None
    data: bytes | None = None


class ModelRepository:
    """Reads and writes the desk's models and its active-model pointer on one :class:`Database`."""

    def __init__(self, database: Database):
        self.database = database

    # -- models --------------------------------------------------------------------------
    def all_versions(self) -> list[StoredModel]:
        """Every saved version without its bytes, oldest first."""
        rows = self.database.query(
            "SELECT version, card, sha256, created_at, created_by FROM models ORDER BY created_at, version")
        return [StoredModel(*row) for row in rows]

    def get(self, version: str) -> StoredModel | None:
        """One version with its bytes, or None."""
        rows = self.database.query(
            "SELECT version, card, sha256, created_at, created_by, data FROM models WHERE version = ?", (version,))
        if not rows:
            return None
        *fields, data = rows[0]
        return StoredModel(*fields, data=bytes(data))  # psycopg may hand back a memoryview

    def sha256(self, version: str) -> str | None:
        """The stored hash of *version* (cheap: no bytes are read), or None when there is no such version."""
        rows = self.database.query("SELECT sha256 FROM models WHERE version = ?", (version,))
        return rows[0][0] if rows else None

    def exists(self, version: str, conn=None) -> bool:
        sql, params = "SELECT 1 FROM models WHERE version = ?", (version,)
        if conn is not None:
            return conn.execute(sql, params).fetchone() is not None
        return bool(self.database.query(sql, params))

    def insert(self, conn, model: StoredModel) -> None:
        """Store a new version (inside the caller's write)."""
        conn.execute(
            "INSERT INTO models (version, card, data, sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
            (model.version, model.card_text, model.data, model.sha256, model.created_at, model.created_by),
        )

    def delete(self, conn, version: str) -> None:
        """Remove a version (inside the caller's write); on PostgreSQL only the desk's owner may."""
        conn.execute("DELETE FROM models WHERE version = ?", (version,))

    # -- the active pointer ----------------------------------------------------------------
    def active_pointer(self) -> str | None:
        """The version the desk's ``active_model`` setting names (it may no longer exist), or None."""
        rows = self.database.query("SELECT value FROM settings WHERE key = ?", (ACTIVE_KEY,))
        return rows[0][0] if rows and rows[0][0] else None

    def history(self, conn=None) -> list[str]:
        """Versions activated on this desk, oldest first (the last :data:`HISTORY_LENGTH`)."""
        sql, params = "SELECT value FROM settings WHERE key = ?", (HISTORY_KEY,)
        if conn is not None:
            row = conn.execute(sql, params).fetchone()
        else:
            rows = self.database.query(sql, params)
            row = rows[0] if rows else None
        if not row or not row[0]:
            return []
        try:
            history = json.loads(row[0])
        except ValueError:
            logger.warning("the desk's model history is unreadable; starting it again")
            return []
        return [str(v) for v in history] if isinstance(history, list) else []

    def set_active(self, conn, version: str, history: list[str]) -> None:
        """Point the desk at *version* and keep the history (inside the caller's write)."""
        upsert_setting(conn, ACTIVE_KEY, version)
        upsert_setting(conn, HISTORY_KEY, json.dumps(history[-HISTORY_LENGTH:]))
