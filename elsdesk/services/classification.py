"""Classify, train, evaluate and manage models: the use cases of the classifier.

The shipped model (models/) classifies on day one; ``train_model`` learns from the labels
super-users confirmed, compares the new version with the active one on held-out confirmed
tickets and activates it only when it is not worse. Trained models and the active version
belong to the desk (its database), so every workstation of a desk labels with the same model
and a model trained on one desk never labels the tickets of another.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from sklearn.model_selection import GroupKFold

from elsdesk.corpus import corpus_hash, load_seed_corpus
from elsdesk.domain import HUMAN, BadInputError, LabelChange, TicketFilter, now_iso
from elsdesk.importer import read_rows
from elsdesk.ml.evaluation import BAND_NAMES, band_of, confidence_thresholds, evaluate_predictions
from elsdesk.ml.model import Prediction, TicketModel
from elsdesk.ml.store import SHIPPED, DeskModelStore, ModelError, load_shipped, save_model
from elsdesk.paths import shipped_models_dir
from elsdesk.services.imports import Cancelled
from elsdesk.services.permissions import TRAIN_MODEL, require
from elsdesk.storage import Database, TicketRepository

logger = logging.getLogger(__name__)
CONFIRMED_WEIGHT = 2.0
HOLDOUT_EVERY = 5
NOT_WORSE_MARGIN = 0.005
REFIT_LIMIT = 12_000
_lock = threading.Lock()
_cache: dict[tuple, tuple[TicketModel, dict]] = {}


@dataclass
class Suggestion:
    module: str
    probability: float
    band: str

    @property
    def band_name(self) -> str:
        return BAND_NAMES[self.band]


def model_store(source: Database | DeskModelStore) -> DeskModelStore:
    """The model store of a desk (given as its database or its store)."""
    return source if isinstance(source, DeskModelStore) else DeskModelStore(source)


def active_model(source: Database | DeskModelStore | None = None) -> tuple[TicketModel, dict]:
    """The model that labels the tickets of the desk *source* and its card; raises ModelError.

    Without a desk, the shipped model. Loaded once per (desk, version, stored hash): a version
    activated at another workstation is picked up at the next call."""
    if source is None:
        key, load = ("", SHIPPED, f"{SHIPPED}:{shipped_models_dir()}"), load_shipped
    else:
        store = model_store(source)
        version = store.active_version()
        # the shipped model is the same at every desk; a trained one is its desk's alone
        key = ("" if version == SHIPPED else store.target, version, store.fingerprint(version))
        load = lambda: store.load_version(version)  # noqa: E731
    with _lock:
        if key not in _cache:
            _cache.clear()
            _cache[key] = load()
        return _cache[key]


def forget_loaded_models() -> None:
    with _lock:
        _cache.clear()


def activate_model(database: Database, version: str, store: DeskModelStore | None = None) -> None:
    """Make *version* the desk's model (a super-user's decision); raises NotAllowedError or ModelError."""
    require(database, TRAIN_MODEL)
    (store or DeskModelStore(database)).activate(version)
    forget_loaded_models()


def rollback_model(database: Database, store: DeskModelStore | None = None) -> str:
    """Activate the desk's previous model; return its version."""
    require(database, TRAIN_MODEL)
    version = (store or DeskModelStore(database)).rollback()
    forget_loaded_models()
    return version


def suggestions(model: TicketModel, card: dict, title: str, description: str = "") -> list[Suggestion]:
    """Top-3 modules for one ticket with Hög/Medel/Låg bands from the card's thresholds."""
    prediction = model.predict_one(title, description)
    thresholds = card.get("thresholds", {})
    return [Suggestion(m, p, band_of(p, thresholds.get(m) or thresholds.get("*", {}))) for m, p in prediction.top]


# -- classify a file (no database) -------------------------------------------------------
def prediction_to_json(external_id, prediction: Prediction) -> dict:
    return {
        "id": external_id,
        "module": prediction.module,
        "confidence": round(prediction.confidence, 4),
        "kind": prediction.kind,
        "kind_confidence": round(prediction.kind_confidence, 4),
        "top": [[m, round(p, 4)] for m, p in prediction.top],
    }


def read_labelled_or_plain(path: str | Path) -> list[dict]:
    """Rows of a JSONL file; a broken line is a BadInputError naming the line."""
    rows = []
    for raw in read_rows(path):
        if raw.error:
            raise BadInputError(f"{path}:{raw.line}: {raw.error}")
        fields = {str(k).lower(): v for k, v in raw.fields.items()}
        fields["title"] = "" if fields.get("title") is None else str(fields.get("title"))
        fields["description"] = "" if fields.get("description") is None else str(fields.get("description"))
        fields["_line"] = raw.line
        rows.append(fields)
    return rows


def classify_rows(rows: list[dict], model: TicketModel, batch: int = 2000) -> Iterable[dict]:
    from elsdesk.masking import mask

    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        masked = [{"title": mask(r["title"]), "description": mask(r["description"])} for r in chunk]
        for row, prediction in zip(chunk, model.predict(masked)):
            yield prediction_to_json(row.get("id"), prediction)


# -- store predictions on tickets --------------------------------------------------------
def apply_predictions(database: Database, model: TicketModel, card: dict, flt: TicketFilter | None = None,
                      progress=None, is_cancelled=None, batch: int = 1000) -> int:
    """Store model labels on tickets no human has labelled; return how many were classified.

    Without *flt*, only tickets this model version has not labelled yet are classified, so an
    import into a large database does not re-classify everything; with *flt* (say, one edited
    ticket) every unconfirmed match is classified again."""
    repo = TicketRepository(database)
    version = str(card.get("version", "?"))
    if flt is None:
        ids = repo.ids_needing_prediction(version)
    else:
        ids = repo.query_ids(replace(flt, unconfirmed_only=True))
    done = 0
    for start in range(0, len(ids), batch):
        if is_cancelled and is_cancelled():
            raise Cancelled(f"klassningen avbröts efter {done} ärenden")
        tickets = repo.fetch_many(ids[start : start + batch])
        predictions = model.predict([{"title": t.title, "description": t.description} for t in tickets])
        with database.write():
            # re-read inside the write lock: a person may have labelled a ticket meanwhile
            now = {t.id: t for t in repo.fetch_many([t.id for t in tickets])}
            for ticket, prediction in zip(tickets, predictions):
                current = now.get(ticket.id)
                if current is None or current.label_source == HUMAN:
                    continue
                database.conn.execute(
                    "UPDATE tickets SET module = ?, kind = ?, module_confidence = ?, kind_confidence = ?,"
                    " model_version = ?, label_source = 'model' WHERE id = ? AND (label_source IS NULL OR label_source != ?)",
                    (prediction.module, prediction.kind, prediction.confidence, prediction.kind_confidence,
                     version, ticket.id, HUMAN),
                )
                at = now_iso()
                for field, new in (("module", prediction.module), ("kind", prediction.kind)):
                    if getattr(current, field) != new:
                        repo.record_label_change(LabelChange(ticket.id, field, getattr(current, field), new, "model", at, f"model:{version}"))
                done += 1
        if progress:
            progress(min(start + batch, len(ids)), len(ids))
    return done


# -- training ----------------------------------------------------------------------------
def confirmed_rows(database: Database) -> list[dict]:
    repo = TicketRepository(database)
    rows = []
    for ticket in repo.iter_tickets(TicketFilter()):
        if ticket.label_source == HUMAN and ticket.module:
            rows.append({"title": ticket.title, "description": ticket.description, "module": ticket.module,
                         "kind": ticket.kind, "created_at": ticket.created_at, "external_id": ticket.external_id})
    return rows


def split_holdout(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """Every fifth confirmed ticket in time order is held out for the comparison."""
    ordered = sorted(rows, key=lambda r: (r.get("created_at") or "", r.get("external_id") or ""))
    holdout = [r for i, r in enumerate(ordered) if i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1]
    train = [r for i, r in enumerate(ordered) if i % HOLDOUT_EVERY != HOLDOUT_EVERY - 1]
    return train, holdout


def fit_model(seed: list[dict], confirmed: list[dict]) -> TicketModel:
    rows = seed + confirmed
    weights = np.array([1.0] * len(seed) + [CONFIRMED_WEIGHT] * len(confirmed))
    return TicketModel().fit(rows, sample_weight=weights)


def measure(model: TicketModel, rows: list[dict], thresholds: dict | None = None) -> dict:
    predictions = model.predict(rows)
    return evaluate_predictions(
        [r["module"] for r in rows], [p.module for p in predictions], [p.confidence for p in predictions],
        thresholds or {}, [r.get("kind") or "" for r in rows], [p.kind if r.get("kind") else "" for r, p in zip(rows, predictions)],
    )


@dataclass
class TrainResult:
    card: dict
    activated: bool
    previous_version: str
    previous_quality: dict | None
    new_quality: dict | None
    confirmed: int
    held_out: int


def train_model(database: Database, store: DeskModelStore | None = None, progress: Callable[[int, int], None] | None = None,
                is_cancelled: Callable[[], bool] | None = None) -> TrainResult:
    """Train on the seed corpus plus the desk's confirmed labels; save the model in the desk and
    activate it only if not worse on held-out tickets. Raises NotAllowedError before any work
    for a login that may not train."""
    require(database, TRAIN_MODEL)
    store = store or DeskModelStore(database)
    step = _stepper(progress, is_cancelled, total=5)
    seed = load_seed_corpus()
    confirmed = confirmed_rows(database)
    train, holdout = split_holdout(confirmed) if len(confirmed) >= 20 else (confirmed, [])
    step(1)
    candidate = fit_model(seed, train)
    step(2)
    previous_version = store.active_version()
    previous_quality = new_quality = None
    thresholds = _thresholds_from(candidate, holdout)
    if holdout:
        new_quality = measure(candidate, holdout, thresholds)
        try:
            previous, previous_card = store.load_active()
            previous_quality = measure(previous, holdout, previous_card.get("thresholds"))
        except ModelError as exc:
            logger.warning("active model could not be compared: %s", exc)
    step(3)
    better = previous_quality is None or new_quality is None or (
        new_quality["macro_f1"] >= previous_quality["macro_f1"] - NOT_WORSE_MARGIN)
    final = candidate
    if better and holdout and len(seed) + len(confirmed) <= REFIT_LIMIT:
        final = fit_model(seed, confirmed)
    step(4)
    all_rows = seed + confirmed
    card = {
        "created": now_iso(),
        "training": {"data_sha256": corpus_hash(all_rows), "seed_rows": len(seed), "confirmed_rows": len(confirmed),
                     "held_out_rows": len(holdout), "refit_on_all": final is not candidate},
        "quality": {"method": "held-out confirmed tickets (every 5th in time order)" if holdout else "none: too few confirmed tickets",
                    **(new_quality or {})},
        "previous": {"version": previous_version, "quality": previous_quality},
        "thresholds": thresholds or store_card_thresholds(store),
    }
    card = store.save(final, card, created_by=_trainer(database))
    if better:
        store.activate(card["version"])
        forget_loaded_models()
    from elsdesk.services.review import reset_confirmations  # the retrain offer counts from here again

    reset_confirmations(database)
    step(5)
    return TrainResult(card, better, previous_version, previous_quality, new_quality, len(confirmed), len(holdout))


def _trainer(database: Database) -> str | None:
    """Who trained: the server login, else the local profile's name."""
    login = database.login_name()
    if login:
        return login
    from elsdesk.services.profile import load_profile

    profile = load_profile()
    return profile.name if profile else None


def store_card_thresholds(store: DeskModelStore) -> dict:
    try:
        return store.load_active()[1].get("thresholds", {})
    except ModelError:
        return {}


def _thresholds_from(model: TicketModel, rows: list[dict]) -> dict:
    if len(rows) < 50:
        return {}
    predictions = model.predict(rows)
    return confidence_thresholds([r["module"] for r in rows], [p.module for p in predictions], [p.confidence for p in predictions])


def _stepper(progress, is_cancelled, total):
    def step(done):
        if is_cancelled and is_cancelled():
            raise Cancelled("träningen avbröts")
        if progress:
            progress(done, total)

    return step


def train_shipped_model(out_dir: Path, folds: int = 5, progress=None) -> dict:
    """Train the shipped model on the seed corpus; quality from cross-validation grouped by problem."""
    seed = load_seed_corpus()
    groups = [r.get("problem") or r["title"] for r in seed]
    true, predicted, confidence, true_kind, predicted_kind = [], [], [], [], []
    for number, (train_index, test_index) in enumerate(GroupKFold(n_splits=folds).split(seed, groups=groups), start=1):
        model = TicketModel().fit([seed[i] for i in train_index])
        test = [seed[i] for i in test_index]
        for row, prediction in zip(test, model.predict(test)):
            true.append(row["module"]); predicted.append(prediction.module); confidence.append(prediction.confidence)
            true_kind.append(row["kind"]); predicted_kind.append(prediction.kind)
        if progress:
            progress(number, folds + 1)
    thresholds = confidence_thresholds(true, predicted, confidence)
    quality = evaluate_predictions(true, predicted, confidence, thresholds, true_kind, predicted_kind)
    final = TicketModel().fit(seed)
    card = {
        "version": SHIPPED + "-" + now_iso()[:10],
        "created": now_iso(),
        "training": {"data_sha256": corpus_hash(seed), "seed_rows": len(seed), "confirmed_rows": 0},
        "quality": {"method": f"{folds}-fold cross-validation grouped by problem on the seed corpus", **quality},
        "thresholds": thresholds,
    }
    return save_model(final, card, out_dir)


def evaluate_file(path: str | Path, source: Database | DeskModelStore | None = None) -> dict:
    """Measure the active model of the desk *source* (the shipped model without one) on a labelled file."""
    rows = [r for r in read_labelled_or_plain(path) if r.get("module")]
    if not rows:
        raise BadInputError(f"{path}: inga rader med module att utvärdera mot")
    model, card = active_model(source)
    report = measure(model, rows, card.get("thresholds"))
    report["model_version"] = card.get("version")
    return report


def model_versions(source: Database | DeskModelStore) -> list[dict]:
    """The desk's versions (the shipped one first), with the active one marked."""
    store = model_store(source)
    active = store.active_version()
    out = []
    for card in store.versions():
        quality = card.get("quality", {})
        out.append({"version": card.get("version"), "created": card.get("created"), "active": card.get("version") == active,
                    "macro_f1": quality.get("macro_f1"), "accuracy": quality.get("accuracy"),
                    "confirmed_rows": card.get("training", {}).get("confirmed_rows")})
    return out


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)
