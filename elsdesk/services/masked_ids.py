"""Ticket ids that hold an identifier (a personnummer used as a case number): stored masked, with a
short keyed digest that tells them apart and finds the same id again at a re-import, for the import
and for tickets a script logs alike."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from elsdesk.masking import describe_counts, mask_text
from elsdesk.storage import Database
from elsdesk.storage.settings import SettingsRepository

ID_KEY_SETTING = "import_id_key"


def holds_identifier(external_id: str | None) -> bool:
    """Whether masking finds an identifier in a ticket number."""
    return bool(external_id) and mask_text(external_id).total > 0


def desk_id_key(database: Database) -> bytes:
    """The desk's key for digests of masked ids, made on first use (the same at every workstation)."""
    key = SettingsRepository(database).get(ID_KEY_SETTING)
    if key:
        return bytes.fromhex(key)
    with database.write() as conn:
        return desk_id_key_in_write(conn)


def desk_id_key_in_write(conn) -> bytes:
    """:func:`desk_id_key` inside a write transaction the caller holds (made in it when missing)."""
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                 (ID_KEY_SETTING, secrets.token_hex(32)))
    return bytes.fromhex(conn.execute("SELECT value FROM settings WHERE key = ?", (ID_KEY_SETTING,)).fetchone()[0])


# A masked id's digest tells ids apart and finds the same id again at a re-import; it is short on purpose:
# the key lies in the desk, and a long digest would let anyone with the file try every identity number of a
# century (about 36 million) until one matches. With 16 bits, some 550 numbers of a century share each
# digest, and the import tells rows that share one apart by their creation time (services/import_numbers.py).
ID_DIGEST_HEX = 4
LEGACY_ID_DIGEST_HEX = 12  # ids masked before the short digest: a re-import still finds their tickets


def masked_external_id(external_id: str, key: bytes, digest_hex: int = ID_DIGEST_HEX) -> tuple[str, str | None]:
    """*external_id* with identifiers masked and a keyed digest for uniqueness; and a warning when it changed."""
    masked = mask_text(external_id)
    if not masked.total:
        return external_id, None
    digest = hmac.new(key, external_id.encode("utf-8"), hashlib.sha256).hexdigest()[:digest_hex]
    stored = f"{masked.text}~{digest}"
    return stored, f"id innehöll {describe_counts(masked.counts)}; sparas maskerat som '{stored}'"
