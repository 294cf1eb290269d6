"""Saved models and their cards: write, verify (SHA-256) and load; the desk's versions, activation, rollback.

The shipped model is a folder with ``model.joblib`` and ``card.json`` (written by
``elsdesk train --shipped``). Models trained at a desk live in that desk's database
(:class:`DeskModelStore`, SQL in :mod:`elsdesk.storage.models`), so a retrain activated at one
workstation is the model of every workstation on that desk, and never of another desk.
The card records what elsdesk wrote: versions, training-data hash, labels, measured quality,
thresholds and the SHA-256 of the joblib bytes. Bytes are only unpickled when their hash
matches the card.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import platform
import warnings
from datetime import datetime
from pathlib import Path
from typing import Callable

import joblib
import sklearn

from elsdesk import __version__
from elsdesk.domain import ElsdeskError, now_iso
from elsdesk.ml.model import TicketModel
from elsdesk.paths import shipped_models_dir
from elsdesk.storage.database import Database
from elsdesk.storage.models import ModelRepository, StoredModel

logger = logging.getLogger(__name__)
MODEL_FILE = "model.joblib"
CARD_FILE = "card.json"
SHIPPED = "shipped"
COMPRESS = 3


class ModelError(ElsdeskError):
    """A model is missing, corrupt, tampered with or incompatible; the app works on without it."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_of_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_version() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def model_bytes(model: TicketModel) -> bytes:
    """The model as joblib bytes (what the desk stores)."""
    buffer = io.BytesIO()
    joblib.dump(model, buffer, compress=COMPRESS)
    return buffer.getvalue()


def complete_card(model: TicketModel, card: dict, sha256: str) -> dict:
    """*card* plus what elsdesk records about every saved model (versions, labels, the bytes' hash)."""
    card = dict(card)
    card.update({
        "format": 1,
        "elsdesk_version": __version__,
        "sklearn_version": sklearn.__version__,
        "python_version": platform.python_version(),
        "labels": {"module": model.module_labels, "kind": model.kind_labels},
        "file": {"name": MODEL_FILE, "sha256": sha256},
    })
    card.setdefault("version", new_version())
    card.setdefault("created", datetime.now().isoformat(timespec="seconds"))
    return card


def save_model(model: TicketModel, card: dict, folder: Path) -> dict:
    """Write the model and its card into *folder* (the shipped model); return the completed card."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / (MODEL_FILE + ".tmp")
    joblib.dump(model, temporary, compress=COMPRESS)
    os.replace(temporary, folder / MODEL_FILE)
    card = complete_card(model, card, sha256_of(folder / MODEL_FILE))
    (folder / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    return card


def read_card(folder: Path) -> dict:
    path = folder / CARD_FILE
    if not path.exists():
        raise ModelError(f"modellkortet saknas i {folder}")
    return parse_card(path.read_text(encoding="utf-8"), f"i {folder}")


def parse_card(text: str, where: str) -> dict:
    """A card from its JSON text; ModelError naming *where* when it is not one."""
    try:
        card = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"modellkortet {where} är skadat") from exc
    if not isinstance(card, dict):
        raise ModelError(f"modellkortet {where} är skadat")
    return card


def load_model(folder: Path) -> tuple[TicketModel, dict]:
    """Load a model after checking its file against the card; raise ModelError otherwise."""
    card = read_card(folder)
    path = folder / card.get("file", {}).get("name", MODEL_FILE)
    if not path.exists():
        raise ModelError(f"modellfilen saknas i {folder}")
    if sha256_of(path) != card.get("file", {}).get("sha256"):
        raise ModelError("modellfilen stämmer inte med modellkortet (ändrad eller skadad) och laddas inte")
    return _unpickle(lambda: joblib.load(path), card, "filen innehåller ingen elsdesk-modell"), card


def load_shipped(folder: Path | None = None) -> tuple[TicketModel, dict]:
    """The shipped model and its card (version ``shipped``); raises ModelError."""
    model, card = load_model(folder or shipped_models_dir())
    return model, dict(card, version=SHIPPED)


def _unpickle(load: Callable[[], object], card: dict, not_a_model: str) -> TicketModel:
    """Unpickle (only after the caller checked the hash) and check that it is an elsdesk model."""
    saved, running = card.get("sklearn_version", "?"), sklearn.__version__
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = load()
    except Exception as exc:
        raise ModelError(f"modellen kan inte läsas med scikit-learn {running} (sparad med {saved}): {exc}") from exc
    if not isinstance(model, TicketModel):
        raise ModelError(not_a_model)
    if str(saved).split(".")[:2] != running.split(".")[:2]:
        logger.warning("model saved with scikit-learn %s, running %s", saved, running)
    return model


class DeskModelStore:
    """The model versions trained at one desk (in its database), plus the shipped model, and which one is active.

    Only the service layer checks who may save or activate (see
    :func:`elsdesk.services.classification.train_model`); on PostgreSQL the server refuses the
    same writes to logins that are not super-users.
    """

    def __init__(self, database: Database, shipped: Path | None = None):
        self.database = database
        self.repo = ModelRepository(database)
        self.shipped = shipped or shipped_models_dir()

    @property
    def target(self) -> str:
        """Which desk this store belongs to (never shown: it may hold a password)."""
        return self.database.target

    def versions(self) -> list[dict]:
        """Cards of every saved version, oldest first (the shipped model first of all)."""
        cards = []
        try:
            cards.append(dict(read_card(self.shipped), version=SHIPPED))
        except ModelError:
            logger.warning("the shipped model has no readable card: %s", self.shipped)
        for stored in self.repo.all_versions():
            try:
                card = parse_card(stored.card_text, f"för version {stored.version}")
            except ModelError:
                logger.warning("ignoring model version %s without a readable card", stored.version)
                continue
            cards.append(dict(card, version=stored.version))
        return cards

    def active_version(self) -> str:
        """The desk's active version; the shipped model when none is set or the set one is gone."""
        pointer = self.repo.active_pointer()
        if pointer is None or pointer == SHIPPED:
            return SHIPPED
        if self.repo.exists(pointer):
            return pointer
        logger.warning("the desk's active model %s does not exist; using the shipped model", pointer)
        return SHIPPED

    def fingerprint(self, version: str) -> str | None:
        """What identifies the bytes of *version* (its stored SHA-256), for a cache key."""
        if version == SHIPPED:
            return f"{SHIPPED}:{self.shipped}"
        return self.repo.sha256(version)

    def activate(self, version: str) -> None:
        """Make *version* the desk's model at every workstation; remember it in the history."""
        with self.database.write() as conn:
            if version != SHIPPED and not self.repo.exists(version, conn):
                raise ModelError(f"modellversion {version} finns inte")
            history = self.repo.history(conn)
            history.append(version)
            self.repo.set_active(conn, version, history)

    def history(self) -> list[str]:
        return self.repo.history()

    def rollback(self) -> str:
        """Activate the version that was active before the current one; return it."""
        current = self.active_version()
        previous = [v for v in self.repo.history()[:-1]
                    if v != current and (v == SHIPPED or self.repo.exists(v))]
        target = previous[-1] if previous else SHIPPED
        self.activate(target)
        return target

    def save(self, model: TicketModel, card: dict, created_by: str | None = None) -> dict:
        """Store *model* as a new version of the desk (not activated); return its completed card."""
        data = model_bytes(model)
        digest = sha256_of_bytes(data)
        with self.database.write() as conn:
            version = card.get("version") or new_version()
            if version == SHIPPED:
                version = new_version()
            while self.repo.exists(version, conn):
                version += "b"
            card = complete_card(model, dict(card, version=version), digest)
            self.repo.insert(conn, StoredModel(version, json.dumps(card, ensure_ascii=False), digest,
                                               str(card.get("created") or now_iso()), created_by, data))
        return card

    def load_version(self, version: str) -> tuple[TicketModel, dict]:
        """Load *version* after checking its bytes against its card; raise ModelError otherwise."""
        if version == SHIPPED:
            return load_shipped(self.shipped)
        stored = self.repo.get(version)
        if stored is None:
            raise ModelError(f"modellversion {version} finns inte")
        card = parse_card(stored.card_text, f"för version {version}")
        expected = card.get("file", {}).get("sha256") if isinstance(card.get("file"), dict) else None
        if not expected or sha256_of_bytes(stored.data or b"") != expected or stored.sha256 != expected:
            raise ModelError(f"modellen {version} i databasen stämmer inte med modellkortet (ändrad eller skadad) och laddas inte")
        model = _unpickle(lambda: joblib.load(io.BytesIO(stored.data)), card,
                          f"modellen {version} i databasen är ingen elsdesk-modell")
        return model, dict(card, version=version)

    def load_active(self) -> tuple[TicketModel, dict]:
        return self.load_version(self.active_version())

    def remove(self, version: str) -> None:
        """Delete a saved version (the shipped model stays); on PostgreSQL only the desk's owner may."""
        if version != SHIPPED:
            with self.database.write() as conn:
                self.repo.delete(conn, version)
