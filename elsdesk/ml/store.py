"""Saved models and their cards: write, verify (SHA-256) and load; versions, activation, rollback.

A model is a folder with ``model.joblib`` and ``card.json``. The card records what elsdesk
wrote: versions, training-data hash, labels, measured quality, thresholds and the SHA-256 of
the joblib file. A joblib file is only unpickled when its hash matches its card.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import shutil
import warnings
from datetime import datetime
from pathlib import Path

import joblib
import sklearn

from elsdesk import __version__
from elsdesk.domain import ElsdeskError
from elsdesk.ml.model import TicketModel
from elsdesk.paths import shipped_models_dir, user_models_dir

logger = logging.getLogger(__name__)
MODEL_FILE = "model.joblib"
CARD_FILE = "card.json"
ACTIVE_FILE = "active.json"
SHIPPED = "shipped"


class ModelError(ElsdeskError):
    """A model is missing, corrupt, tampered with or incompatible; the app works on without it."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def new_version() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def save_model(model: TicketModel, card: dict, folder: Path) -> dict:
    """Write the model and its card into *folder*; return the completed card."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / (MODEL_FILE + ".tmp")
    joblib.dump(model, temporary, compress=3)
    os.replace(temporary, folder / MODEL_FILE)
    card = dict(card)
    card.update({
        "format": 1,
        "elsdesk_version": __version__,
        "sklearn_version": sklearn.__version__,
        "python_version": platform.python_version(),
        "labels": {"module": model.module_labels, "kind": model.kind_labels},
        "file": {"name": MODEL_FILE, "sha256": sha256_of(folder / MODEL_FILE)},
    })
    card.setdefault("version", new_version())
    card.setdefault("created", datetime.now().isoformat(timespec="seconds"))
    (folder / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return card


def read_card(folder: Path) -> dict:
    path = folder / CARD_FILE
    if not path.exists():
        raise ModelError(f"modellkortet saknas i {folder}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ModelError(f"modellkortet i {folder} är skadat") from exc


def load_model(folder: Path) -> tuple[TicketModel, dict]:
    """Load a model after checking its file against the card; raise ModelError otherwise."""
    card = read_card(folder)
    path = folder / card.get("file", {}).get("name", MODEL_FILE)
    if not path.exists():
        raise ModelError(f"modellfilen saknas i {folder}")
    if sha256_of(path) != card.get("file", {}).get("sha256"):
        raise ModelError("modellfilen stämmer inte med modellkortet (ändrad eller skadad) och laddas inte")
    saved, running = card.get("sklearn_version", "?"), sklearn.__version__
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = joblib.load(path)
    except Exception as exc:
        raise ModelError(f"modellen kan inte läsas med scikit-learn {running} (sparad med {saved}): {exc}") from exc
    if not isinstance(model, TicketModel):
        raise ModelError("filen innehåller ingen elsdesk-modell")
    if saved.split(".")[:2] != running.split(".")[:2]:
        logger.warning("model saved with scikit-learn %s, running %s", saved, running)
    return model, card


class ModelStore:
    """Model versions trained at this site, plus the shipped model, and which one is active."""

    def __init__(self, root: Path | None = None, shipped: Path | None = None):
        self.root = root or user_models_dir()
        self.shipped = shipped or shipped_models_dir()

    def folder(self, version: str) -> Path:
        return self.shipped if version == SHIPPED else self.root / version

    def versions(self) -> list[dict]:
        """Cards of every saved version, oldest first (the shipped model first of all)."""
        cards = []
        try:
            shipped = read_card(self.shipped)
            shipped["version"] = SHIPPED
            cards.append(shipped)
        except ModelError:
            pass
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            try:
                cards.append(read_card(folder))
            except ModelError:
                logger.warning("ignoring model folder without a readable card: %s", folder)
        return cards

    def active_version(self) -> str:
        path = self.root / ACTIVE_FILE
        if path.exists():
            try:
                version = json.loads(path.read_text(encoding="utf-8")).get("version")
                if version == SHIPPED or (self.root / str(version)).is_dir():
                    return version
            except ValueError:
                logger.warning("active model pointer unreadable; using the shipped model")
        return SHIPPED

    def activate(self, version: str) -> None:
        if version != SHIPPED and not (self.root / version).is_dir():
            raise ModelError(f"modellversion {version} finns inte")
        history = self._history()
        history.append(version)
        temporary = self.root / (ACTIVE_FILE + ".tmp")
        temporary.write_text(json.dumps({"version": version, "history": history[-50:]}), encoding="utf-8")
        os.replace(temporary, self.root / ACTIVE_FILE)

    def _history(self) -> list[str]:
        path = self.root / ACTIVE_FILE
        if path.exists():
            try:
                return list(json.loads(path.read_text(encoding="utf-8")).get("history", []))
            except ValueError:
                return []
        return []

    def rollback(self) -> str:
        """Activate the version that was active before the current one; return it."""
        history = self._history()
        current = self.active_version()
        previous = [v for v in history[:-1] if v != current]
        target = previous[-1] if previous else SHIPPED
        self.activate(target)
        return target

    def save(self, model: TicketModel, card: dict) -> dict:
        version = card.get("version") or new_version()
        while (self.root / version).exists():
            version += "b"
        return save_model(model, dict(card, version=version), self.root / version)

    def load_active(self) -> tuple[TicketModel, dict]:
        version = self.active_version()
        model, card = load_model(self.folder(version))
        card = dict(card, version=version if version == SHIPPED else card.get("version", version))
        return model, card

    def remove(self, version: str) -> None:
        if version != SHIPPED:
            shutil.rmtree(self.root / version, ignore_errors=True)
