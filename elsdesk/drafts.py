"""Half-written tickets kept on disk so that a crash loses nothing.

A draft is written (masked) to the user data folder while the user types and removed when
the ticket is saved or cancelled; the next start offers what is left.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from elsdesk.masking import mask
from elsdesk.paths import drafts_dir

logger = logging.getLogger(__name__)
DRAFT_FILE = "ticket_draft.json"


def _path() -> Path:
    return drafts_dir() / DRAFT_FILE


def save_draft(values: dict) -> None:
    """Write the form's values atomically (identifiers masked) so a crash cannot corrupt it."""
    data = {k: (mask(v) if isinstance(v, str) else v) for k, v in values.items()}  # every text the form holds
    target = _path()
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, target)


def load_draft() -> dict | None:
    path = _path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.warning("the saved draft could not be read and is ignored")
        return None
    if not isinstance(data, dict) or not any(str(data.get(k) or "").strip() for k in ("title", "description")):
        return None
    return data


def clear_draft() -> None:
    try:
        _path().unlink()
    except FileNotFoundError:
        pass
