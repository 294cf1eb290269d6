"""Where elsdesk finds its shipped data and keeps the user's data.

Shipped data (taxonomy, forms, translations, the shipped model) lives in the top-level
``resources/``, ``ui/`` and ``models/`` folders of a checkout; a wheel carries the same
folders inside the package as ``elsdesk/_data/<name>``. User data (the local database, drafts)
lives in the platformdirs user data folder unless ``ELSDESK_HOME`` says otherwise; trained
models live in the desk database.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "elsdesk"
_PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """Return the folder of shipped data called *name* (resources, ui or models)."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"elsdesk data folder '{name}' is missing from the installation")


def resources_dir() -> Path:
    return shipped_dir("resources")


def ui_dir() -> Path:
    return shipped_dir("ui")


def shipped_models_dir() -> Path:
    return shipped_dir("models")


def user_data_dir() -> Path:
    """The per-user data folder, created on first use."""
    override = os.environ.get("ELSDESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "elsdesk.db"


def drafts_dir() -> Path:
    path = user_data_dir() / "drafts"
    path.mkdir(parents=True, exist_ok=True)
    return path
