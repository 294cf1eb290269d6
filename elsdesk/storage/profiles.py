"""The local user profile on disk: one small JSON file in the user data folder, written atomically."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from elsdesk.paths import user_data_dir

logger = logging.getLogger(__name__)
PROFILE_FILE = "profile.json"


def profile_path() -> Path:
    return user_data_dir() / PROFILE_FILE


def read_profile_file(path: Path | None = None) -> dict | None:
    """The stored profile fields, or None when there is none or it cannot be read."""
    path = path or profile_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.warning("profile file %s unreadable; asking for a new profile", path)
        return None
    return data if isinstance(data, dict) else None


def write_profile_file(fields: dict, path: Path | None = None) -> Path:
    path = path or profile_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(fields, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temporary, path)
    return path
