"""Saved models and their cards: write, verify (SHA-256) and load; the desk's versions, activation, rollback.

The shipped model is a folder with ``model.npz`` and ``card.json`` (written by
``elsdesk train --shipped``). Models trained at a desk live in that desk's database
(:class:`DeskModelStore`, SQL in :mod:`elsdesk.storage.models`), so a retrain activated at one
workstation is the model of every workstation on that desk, and never of another desk.
The card records what elsdesk wrote: versions, training-data hash, labels, measured quality,
thresholds and the SHA-256 of the model bytes.

Loading a model never runs code from its bytes: they are in the plain-arrays format of
:mod:`elsdesk.ml.model_format`, not a pickle, so a card that matches planted bytes gains an
attacker nothing. The hash check stays, for damage. Models saved as pickles (format 1) are
refused, a card may only name the model file of its own folder, and a desk whose active
model cannot be loaded works on with the shipped model and says so.
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import warnings
from pathlib import Path

import sklearn

from elsdesk import __version__
from elsdesk.domain import SHIPPED_MODEL, ElsdeskError, now_iso
from elsdesk.ml import model_format
from elsdesk.ml.model import TicketModel
from elsdesk.paths import shipped_models_dir
from elsdesk.region_time import region_now
from elsdesk.storage.database import Database
from elsdesk.storage.models import ModelRepository, StoredModel

logger = logging.getLogger(__name__)
MODEL_FILE = "model.npz"
CARD_FILE = "card.json"
SHIPPED = SHIPPED_MODEL
FORMAT = model_format.FORMAT_VERSION


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
    return region_now().strftime("%Y%m%d-%H%M%S")


def model_bytes(model: TicketModel) -> bytes:
    """The model in the safe format (what the desk stores and the shipped folder holds)."""
    try:
        return model_format.dumps(model)
    except model_format.ModelFormatError as exc:
        raise ModelError(f"modellen kan inte sparas: {exc}") from exc


def complete_card(model: TicketModel, card: dict, sha256: str) -> dict:
    """*card* plus what elsdesk records about every saved model (versions, labels, the bytes' hash)."""
    card = dict(card)
    card.update({
        "format": FORMAT,
        "elsdesk_version": __version__,
        "sklearn_version": sklearn.__version__,
        "python_version": platform.python_version(),
        "labels": {"module": model.module_labels, "kind": model.kind_labels},
        "file": {"name": MODEL_FILE, "sha256": sha256},
    })
    card.setdefault("version", new_version())
    card.setdefault("created", region_now().isoformat(timespec="seconds"))
    return card


def save_model(model: TicketModel, card: dict, folder: Path) -> dict:
    """Write the model and its card into *folder* (the shipped model); return the completed card."""
    from elsdesk.output_files import atomic_path

    folder.mkdir(parents=True, exist_ok=True)
    data = model_bytes(model)
    card = complete_card(model, card, sha256_of_bytes(data))
    with atomic_path(folder / MODEL_FILE) as temporary:
        temporary.write_bytes(data)
    with atomic_path(folder / CARD_FILE) as temporary:
        temporary.write_text(json.dumps(card, ensure_ascii=False, indent=2), encoding="utf-8")
    for old in ("model.joblib",):  # the pickle of earlier versions must not lie beside the new model
        try:
            (folder / old).unlink()
        except FileNotFoundError:
            pass
    return card


def read_card(folder: Path) -> dict:
    path = folder / CARD_FILE
    if not path.is_file():
        raise ModelError(f"modellkortet saknas i {folder}")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ModelError(f"modellkortet i {folder} kan inte läsas") from exc
    return parse_card(text, f"i {folder}")


_CARD_SECTIONS = ("training", "quality", "thresholds", "labels", "previous")


def parse_card(text: str, where: str) -> dict:
    """A card from its JSON text; ModelError naming *where* when it is not one.

    Valid JSON of the wrong shape (a list, ``"file": "x"``, ``"quality": []``) is no card: the
    parts every reader relies on are checked here, once."""
    try:
        card = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"modellkortet {where} är skadat") from exc
    if not isinstance(card, dict):
        raise ModelError(f"modellkortet {where} är skadat")
    file = card.get("file")
    if file is not None and not (isinstance(file, dict) and isinstance(file.get("sha256", ""), str)
                                 and isinstance(file.get("name", MODEL_FILE), str)):
        raise ModelError(f"modellkortet {where} är skadat (fältet file)")
    for section in _CARD_SECTIONS:
        if card.get(section) is not None and not isinstance(card[section], dict):
            raise ModelError(f"modellkortet {where} är skadat (fältet {section})")
    for key in ("version", "created"):
        if card.get(key) is not None and not isinstance(card[key], str):
            card[key] = str(card[key])
    return card


def _card_file(card: dict) -> dict:
    return card.get("file") if isinstance(card.get("file"), dict) else {}


def check_format(card: dict, where: str) -> None:
    """ModelError for a card of a model saved as a pickle (format 1) or of an unknown format."""
    if card.get("format") != FORMAT:
        raise ModelError(f"modellen {where} är sparad i ett äldre format (pickle) som inte längre laddas, eftersom"
                         " sådana filer kan köra kod; träna om modellen" if card.get("format") in (None, 1)
                         else f"modellen {where} har filformat {card.get('format')!r}, som den här versionen inte känner")


def load_model(folder: Path) -> tuple[TicketModel, dict]:
    """Load a model after checking its file against the card; raise ModelError otherwise.

    The card may only name the model file of its own folder: never a path elsewhere."""
    card = read_card(folder)
    check_format(card, f"i {folder}")
    name = _card_file(card).get("name", MODEL_FILE)
    if name != MODEL_FILE:
        raise ModelError(f"modellkortet i {folder} pekar på filen '{name}'; bara {MODEL_FILE} i samma mapp laddas")
    path = folder / MODEL_FILE
    if not path.is_file():
        raise ModelError(f"modellfilen saknas i {folder}")
    data = path.read_bytes()
    if sha256_of_bytes(data) != _card_file(card).get("sha256"):
        raise ModelError("modellfilen stämmer inte med modellkortet (ändrad eller skadad) och laddas inte")
    return _decode(data, card, "filen innehåller ingen elsdesk-modell"), card


def load_shipped(folder: Path | None = None) -> tuple[TicketModel, dict]:
    """The shipped model and its card (version ``shipped``); raises ModelError."""
    model, card = load_model(folder or shipped_models_dir())
    return model, dict(card, version=SHIPPED)


def _decode(data: bytes, card: dict, not_a_model: str) -> TicketModel:
    """The model in *data* (safe format: no code runs); check that it is an elsdesk model."""
    saved, running = card.get("sklearn_version", "?"), sklearn.__version__
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = model_format.loads(data)
    except model_format.ModelFormatError as exc:
        raise ModelError(f"{not_a_model} ({exc})") from exc
    if not isinstance(model, TicketModel):
        raise ModelError(not_a_model)
    if str(saved).split(".")[:2] != running.split(".")[:2]:
        logger.warning("model saved with scikit-learn %s, running %s", saved, running)
    return model


_broken: dict[tuple, str] = {}  # (desk, version, stored hash) -> why it did not load, in this process


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
        """Make *version* the desk's model at every workstation; remember it in the history.

        A version that does not load (damaged, an old pickle) is refused before anything changes."""
        if version != SHIPPED and self.repo.exists(version):
            try:
                self.load_version(version)
            except ModelError as exc:
                raise ModelError(f"modellversion {version} kan inte aktiveras: {exc}") from exc
        with self.database.write() as conn:
            if version != SHIPPED and not self.repo.exists(version, conn):
                raise ModelError(f"modellversion {version} finns inte")
            history = self.repo.history(conn)
            history.append(version)
            self.repo.set_active(conn, version, history)

    def history(self) -> list[str]:
        return self.repo.history()

    def rollback(self) -> str:
        """Step back one version and return it: activate the newest version trained before the
        active one that has been in use at this desk (it is in the activation history), else the
        shipped model. Pressed again, it steps back again, towards the shipped model; a version a
        retrain did not activate, or one that no longer loads, is passed over."""
        current = self.active_version()
        for target in reversed(self.versions_before(current)):
            try:
                self.activate(target)
                return target
            except ModelError as exc:  # a damaged earlier version is passed over
                logger.warning("rollback passes over %s: %s", target, exc)
        if current != SHIPPED:
            self.activate(SHIPPED)
        return SHIPPED

    def versions_before(self, version: str) -> list[str]:
        """The desk's versions trained before *version* that have been active, oldest first
        (none before the shipped model)."""
        trained = [stored.version for stored in self.repo.all_versions()]
        if version not in trained:
            return []
        used = set(self.repo.history())
        return [v for v in trained[: trained.index(version)] if v in used]

    def labels_until(self) -> str | None:
        """Until when the active version's training read the desk's labels (a label set later is
        new to it); None for the shipped model or a card that does not say."""
        version = self.active_version()
        stored = next((s for s in self.repo.all_versions() if s.version == version), None)  # the card, not the bytes
        if stored is None:
            return None
        try:
            card = parse_card(stored.card_text, f"för version {version}")
        except ModelError:
            return None
        until = (card.get("training") or {}).get("labels_until")
        return str(until) if until else None

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
        expected = _card_file(card).get("sha256")
        if not expected or sha256_of_bytes(stored.data or b"") != expected or stored.sha256 != expected:
            raise ModelError(f"modellen {version} i databasen stämmer inte med modellkortet (ändrad eller skadad) och laddas inte")
        check_format(card, version)
        model = _decode(stored.data, card, f"modellen {version} i databasen är ingen elsdesk-modell")
        return model, dict(card, version=version)

    def load_active(self) -> tuple[TicketModel, dict]:
        return self.load_version(self.active_version())

    def load_version_or_shipped(self, version: str) -> tuple[TicketModel, dict]:
        """*version*, or the shipped model when *version* cannot be loaded; the card then says why
        (``fallback_from``, ``fallback_reason``) so the caller can tell the person."""
        try:
            return self.load_version(version)
        except ModelError as exc:
            if version == SHIPPED:
                raise
            logger.warning("the desk's active model %s cannot be loaded (%s); using the shipped model", version, exc)
            _broken[(self.target, version, self.repo.sha256(version))] = str(exc)
            model, card = load_shipped(self.shipped)
            return model, dict(card, fallback_from=version, fallback_reason=str(exc))

    def usable_active_version(self) -> str:
        """The active version when it loads, else the shipped one (what ``models`` stars)."""
        version = self.active_version()
        if version == SHIPPED:
            return version
        if (self.target, version, self.repo.sha256(version)) in _broken:
            return SHIPPED
        try:
            self.load_version(version)
        except ModelError as exc:
            _broken[(self.target, version, self.repo.sha256(version))] = str(exc)
            return SHIPPED
        return version

    def broken_reason(self, version: str) -> str | None:
        """Why *version* could not be loaded in this process, if it could not."""
        return _broken.get((self.target, version, self.repo.sha256(version)))

    def remove(self, version: str) -> None:
        """Delete a saved version (the shipped model stays); on PostgreSQL only the desk's owner may."""
        if version != SHIPPED:
            with self.database.write() as conn:
                self.repo.delete(conn, version)
