"""Classify, train, evaluate and manage models: the use cases of the classifier.

The shipped model (models/) classifies on day one; ``train_model`` learns from the labels
super-users confirmed, compares the new version with the active one on held-out confirmed
tickets and activates it only when it is not worse. Trained models and the active version
belong to the desk (its database), so every workstation of a desk labels with the same model
and a model trained on one desk never labels the tickets of another.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from sklearn.model_selection import GroupKFold

from elsdesk.corpus import corpus_hash, load_kind_corpus, load_seed_corpus
from elsdesk.domain import HUMAN, MODEL, BadInputError, LabelChange, TicketFilter, now_iso
from elsdesk.importer import (
    CATEGORY_SAMPLE_ROWS, CategoryColumn, FileColumns, external_id_of, no_rows, read_rows, ticket_fields, ticket_text,
)
from elsdesk.ml.confidence import (
    BAND_NAMES, NEW_CONFIRMED, SEED_CROSS_VALIDATION, band_figures, fit_rule, offered, percent, rule_from_card,
)
from elsdesk.ml.evaluation import confidence_thresholds, evaluate_predictions, plain_summary
from elsdesk.taxonomy import load_taxonomy
from elsdesk.ml.comparison import Comparison, compare, near_duplicates_by_features
from elsdesk.ml.model import Prediction, PreparedTexts, TicketModel
from elsdesk.ml.store import SHIPPED, DeskModelStore, ModelError, load_shipped, save_model
from elsdesk.paths import shipped_models_dir
from elsdesk.domain import Cancelled
from elsdesk.services.learning_curve import new_labels
from elsdesk.services.permissions import CONFIRM_LABELS, TRAIN_MODEL, may, require
from elsdesk.services.training_data import WEIGHTS, labelled_rows, split_for_training
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.settings import SettingsRepository

logger = logging.getLogger(__name__)
REFIT_LIMIT = 12_000
# the model version that last guessed again the kinds earlier models guessed beside a person's module
KIND_GUESSES_KEY = "classification.kind_guesses_by"
_lock = threading.Lock()
_cache: dict[tuple, tuple[TicketModel, dict]] = {}


@dataclass
class Suggestion:
    """One suggested label (a module id, or a kind id) with its probability and Hög/Medel/Låg band."""

    label: str
    probability: float
    band: str

    @property
    def module(self) -> str:
        return self.label

    @property
    def percent(self) -> int:
        return percent(self.probability)

    @property
    def band_name(self) -> str:
        return BAND_NAMES[self.band]


@dataclass
class LabelSuggestions:
    """What the model suggests for one ticket: the top-3 modules and the kind."""

    modules: list[Suggestion]
    kind: Suggestion | None


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
        load = lambda: store.load_version_or_shipped(version)  # noqa: E731  (a broken model: the shipped one, and the card says why)
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


def suggest(model: TicketModel, card: dict, title: str, description: str = "") -> LabelSuggestions:
    """Top-3 modules (those :func:`~elsdesk.ml.confidence.offered`) and the kind for one ticket, each with its band
    by the card's one confidence rule."""
    prediction = model.predict_one(title, description)
    modules = rule_from_card(card, "module")
    kinds = rule_from_card(card, "kind")
    kind = Suggestion(prediction.kind, prediction.kind_confidence, kinds.band(prediction.kind_confidence)) \
        if prediction.kind else None
    return LabelSuggestions(offered([Suggestion(m, p, modules.band(p)) for m, p in prediction.top]), kind)


def suggestions(model: TicketModel, card: dict, title: str, description: str = "") -> list[Suggestion]:
    """Top-3 modules for one ticket with Hög/Medel/Låg bands (the same cut-offs for every module)."""
    return suggest(model, card, title, description).modules


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


def read_labelled_or_plain(path: str | Path, columns: FileColumns | None = None) -> list[dict]:
    """The rows of a ticket file, read with the import's column names and rules
    (:func:`~elsdesk.importer.ticket_fields`): each by field name with ``id`` (its id column's value),
    ``title`` and ``description`` ('' when none), ``_line``, and ``_error``, the import's reason, when
    it has no text to classify. A broken line is a BadInputError naming the line; *columns* notes
    the file's columns. A "Kategori" column is read as the module or the kind, as the import reads it."""
    raws = read_rows(path)
    ahead = list(itertools.islice(raws, CATEGORY_SAMPLE_ROWS))  # its values decide what a category column is
    category = CategoryColumn.of_rows((raw.fields for raw in ahead if raw.fields is not None), load_taxonomy()).field
    if columns is not None:
        columns.category = category
    rows = []
    for raw in itertools.chain(ahead, raws):
        if raw.no_ticket:
            continue
        if raw.error:
            raise BadInputError(f"{path}:{raw.line}: {raw.error}")
        if columns is not None:
            columns.see(raw.fields, raw.line)
        fields = ticket_fields(raw.fields, category)
        try:  # as the import stores it: a number cell's "27686" too (a script joins it with `list --json`)
            fields["id"] = external_id_of(fields)[0]
        except ValueError:  # an id the import refuses still names its row here
            fields["id"] = fields.get("external_id")
        fields.pop("external_id", None)
        try:
            fields["title"], fields["description"] = ticket_text(fields)
        except ValueError as exc:
            fields["title"], fields["description"], fields["_error"] = "", "", str(exc)
        fields["_line"] = raw.line
        rows.append(fields)
    return rows


def rows_to_classify(path: str | Path) -> list[dict]:
    """:func:`read_labelled_or_plain` for ``classify``; a BadInputError when no row has text (naming
    the file's columns when none of them is a title or a description)."""
    columns = FileColumns.of_file(path)
    rows = read_labelled_or_plain(path, columns)
    if not rows:
        raise BadInputError(f"{path}: {no_rows(path)}")
    if all(row.get("_error") for row in rows):
        why = columns.no_text_column() or "ingen rad har text i rubrik (title) eller beskrivning (description)"
        raise BadInputError(f"{path}: inget att klassa: {why}")
    return rows


def unclassified_to_json(row: dict) -> dict:
    """The output line of a row that could not be classified: its id, line and why, and no module."""
    line = row.get("_line")
    return {"id": row.get("id"), "line": line, "error": f"rad {line}: {row['_error']}; raden klassades inte"}


def classify_rows(rows: list[dict], model: TicketModel, batch: int = 2000) -> Iterable[dict]:
    """One output line per row, in order: the model's labels, or for a row read with an ``_error``
    (no text) :func:`unclassified_to_json`."""
    from elsdesk.masking import mask_fields

    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        masked = [dict(zip(("title", "description"), (m.text for m in mask_fields(r["title"], r["description"]))))
                  for r in chunk if not r.get("_error")]
        predictions = iter(model.predict(masked) if masked else [])
        for row in chunk:
            if row.get("_error"):
                yield unclassified_to_json(row)
            else:
                yield prediction_to_json(row.get("id"), next(predictions))


# -- store predictions on tickets --------------------------------------------------------
def apply_predictions(database: Database, model: TicketModel, card: dict, flt: TicketFilter | None = None,
                      progress=None, is_cancelled=None, batch: int = 1000) -> int:
    """Store model labels on tickets no person has labelled; return how many were classified.

    Without *flt*, only tickets this model version has not labelled yet are classified, so an
    import into a large database does not re-classify everything; with *flt* (say, one edited
    ticket) every unconfirmed match is classified again. A ticket a person gave a module but no
    kind (a file without a kind column) gets the model's kind as a guess beside the person's
    module: its label history says the model set it, and a retrain does not learn from it
    (:func:`elsdesk.services.training_data.labelled_rows`). A new model version guesses such kinds
    again, once (:data:`KIND_GUESSES_KEY`), unless a person has set the kind since; a confirmed
    ticket's kind only when this login may confirm labels."""
    repo = TicketRepository(database)
    version = str(card.get("version", "?"))
    settings = SettingsRepository(database)
    # a confirmed ticket's kind is changed only by a login that may confirm (the server refuses the others)
    may_change_confirmed = may(database, CONFIRM_LABELS)
    guessed: dict[int, str] = {}  # kinds an earlier model guessed beside a person's module: this one guesses again
    if flt is None:
        ids = repo.ids_needing_prediction(version)  # with the kindless ones, in one pass
        if settings.get(KIND_GUESSES_KEY) != version:  # once per model version, not on every import
            guessed = {i: source for i, source in repo.kinds_guessed_beside_a_persons_module().items()
                       if source != f"{MODEL}:{version}"}
    else:
        ids = repo.query_ids(replace(flt, unconfirmed_only=True))  # intake labels are skipped below
        listed = set(ids)
        ids += [ticket_id for ticket_id in repo.ids_missing_kind(repo.query_ids(flt)) if ticket_id not in listed]
    if guessed:
        ids = sorted(set(ids) | set(guessed))
    done = 0
    for start in range(0, len(ids), batch):
        if is_cancelled and is_cancelled():
            raise Cancelled(f"klassningen avbröts efter {done} ärenden")
        tickets = repo.fetch_many(ids[start : start + batch])
        predictions = model.predict([{"title": t.title, "description": t.description} for t in tickets])
        with database.write():
            done += _store_predictions(database, repo, tickets, predictions, version, guessed,
                                       whole_desk=flt is None, may_change_confirmed=may_change_confirmed)
        if progress:
            progress(min(start + batch, len(ids)), len(ids))
    if flt is None and may_change_confirmed and settings.get(KIND_GUESSES_KEY) != version:
        settings.set(KIND_GUESSES_KEY, version)
    return done


def _store_predictions(database: Database, repo: TicketRepository, tickets, predictions, version: str,
                       guessed: dict[int, str], *, whole_desk: bool, may_change_confirmed: bool) -> int:
    """Store the model's *predictions* for *tickets* inside the caller's write transaction, as
    :func:`apply_predictions` says (a person's labels stay; *whole_desk*: a ticket this version labelled
    meanwhile is not labelled again); how many tickets' labels the model set."""
    # re-read inside the write lock: a person may have labelled a ticket meanwhile
    now = {t.id: t for t in repo.fetch_many([t.id for t in tickets])}
    kinds_kept, still_guessed = _kind_setters(repo, now.values(), guessed)
    updates, kind_guesses, changes, at = [], [], [], now_iso()
    for ticket, prediction in zip(tickets, predictions):
        current = now.get(ticket.id)
        if current is None:
            continue
        if current.label_source not in (None, MODEL):  # a person's label (confirmed, or set at
            # intake) is never the model's to change; a kind nobody gave is the model's to guess, and a
            # kind an earlier model guessed is this one's to guess again (unless a person set it meanwhile)
            again = ticket.id in guessed and current.kind is not None and ticket.id in still_guessed
            if current.label_source == HUMAN and not may_change_confirmed:
                continue  # left for a super-user's classification
            if current.module and (current.kind is None or again):
                kind_guesses.append((prediction.kind, prediction.kind_confidence, ticket.id, current.kind))
                if prediction.kind != current.kind:
                    changes.append(LabelChange(ticket.id, "kind", current.kind, prediction.kind, "model", at,
                                               f"model:{version}"))
            continue
        if whole_desk and current.model_version == version:
            continue  # another process classified it meanwhile: not again, and not counted twice
        kind, kind_confidence = prediction.kind, prediction.kind_confidence
        if ticket.id in kinds_kept:  # a person gave the kind (a file with a kind but no module)
            kind, kind_confidence = current.kind, None
        updates.append((prediction.module, kind, prediction.confidence, kind_confidence,
                        version, MODEL, ticket.id, MODEL))
        for field, new in (("module", prediction.module), ("kind", kind)):
            if getattr(current, field) != new:
                changes.append(LabelChange(ticket.id, field, getattr(current, field), new, "model", at, f"model:{version}"))
    if updates:  # one statement per batch, not one per ticket
        database.conn.executemany(
            "UPDATE tickets SET module = ?, kind = ?, module_confidence = ?, kind_confidence = ?,"
            " model_version = ?, label_source = ? WHERE id = ? AND (label_source IS NULL OR label_source = ?)",
            updates)
    if kind_guesses:  # only where the kind is still what this batch read (a person's edit meanwhile wins)
        database.conn.executemany("UPDATE tickets SET kind = ?, kind_confidence = ? WHERE id = ?"
                                  " AND coalesce(kind, '') = coalesce(?, '')", kind_guesses)
    repo.record_label_changes(changes)
    return len(updates) + sum(1 for new, _c, _id, old in kind_guesses if new != old)


def classify_in_write(database: Database, model: TicketModel, card: dict, ids: list[int]) -> int:
    """Inside the caller's write transaction: give the tickets *ids* that no person labelled (and those a
    person gave a module but no kind) this model's labels, as :func:`apply_predictions` does; how many
    it labelled. An import classifies each batch so, before the batch commits: a reader never sees its
    tickets unclassified (a training lead's export during another workstation's import showed them
    "Ej klassad"; a tester on a shared desk), and a server gone in between leaves none so."""
    repo = TicketRepository(database)
    version = str(card.get("version", "?"))
    tickets = [t for t in repo.fetch_many(ids)
               if (t.label_source in (None, MODEL) and t.model_version != version) or (t.module and t.kind is None)]
    if not tickets:
        return 0
    predictions = model.predict([{"title": t.title, "description": t.description} for t in tickets])
    return _store_predictions(database, repo, tickets, predictions, version, {}, whole_desk=True,
                              may_change_confirmed=may(database, CONFIRM_LABELS))


def _kind_setters(repo: TicketRepository, tickets, guessed: dict[int, str]) -> tuple[set[int], set[int]]:
    """Who set the kinds of *tickets* last, from one look at the label history (read in the write
    lock: a person may have set a kind meanwhile), as two sets of ids:

    - the unconfirmed tickets whose kind a person gave (an import of a row with a kind and no
      module): the model suggests their module and leaves the kind. Such a kind has no model
      confidence, which picks the candidates;
    - those of *guessed* (kinds an earlier model guessed beside a person's module) whose kind a
      model still set last: this model guesses them again."""
    given = [t.id for t in tickets
             if t.kind is not None and t.kind_confidence is None and t.label_source in (None, MODEL)]
    again = [t.id for t in tickets if t.id in guessed]  # a person's module: never among *given*
    if not given and not again:
        return set(), set()
    last_source = repo.last_kind_sources(given + again)
    by_person = {i for i in given if not last_source.get(i, MODEL).startswith(MODEL)}
    by_model = {i for i in again if last_source.get(i, "").startswith(MODEL)}
    return by_person, by_model


# -- training ----------------------------------------------------------------------------
def confirmed_rows(database: Database) -> list[dict]:
    """The desk's labelled tickets a retrain learns from (confirmed and intake labels, with weights)."""
    return labelled_rows(database)


def fit_model(seed: list[dict], confirmed: list[dict]) -> TicketModel:
    """Fit on the seed corpus (weight 1) and the desk's labelled rows, each weighted by its source;
    kind also on the tickets that teach kind only (:func:`elsdesk.corpus.load_kind_corpus`)."""
    return fit_model_with_features(seed, confirmed)[0]


def fit_model_with_features(seed: list[dict], confirmed: list[dict], meanwhile=None):
    """:func:`fit_model` and the module features of the rows it learnt from; *meanwhile* as
    :meth:`TicketModel.fit_with_features` takes it."""
    rows = seed + confirmed
    weights = np.array([1.0] * len(seed) + [float(r.get("weight", WEIGHTS[HUMAN])) for r in confirmed])
    model = TicketModel()
    return model, model.fit_with_features(rows, sample_weight=weights, meanwhile=meanwhile, kind_rows=load_kind_corpus())


def measure(model: TicketModel, rows: list[dict], thresholds: dict | None = None, card: dict | None = None,
            predictions: list[Prediction] | None = None) -> dict:
    """Quality on labelled rows; Hög/Medel/Låg by the card's one confidence rule (*card*, else the
    overall cut-off in *thresholds*), the same rule the suggestions show. *predictions*: the
    model's for *rows* when already made."""
    predictions = model.predict(rows) if predictions is None else predictions
    true, predicted = [r["module"] for r in rows], [p.module for p in predictions]
    confidence = [p.confidence for p in predictions]
    report = evaluate_predictions(
        true, predicted, confidence, thresholds or {},
        [r.get("kind") or "" for r in rows], [p.kind for p in predictions],  # kind only where a row has one
    )
    rule = rule_from_card(card if card is not None else {"thresholds": thresholds or {}})
    figures = band_figures(rule, [t == p for t, p in zip(true, predicted)], confidence)
    report["bands"] = {band: {**f, "precision": round(f["correct"] / f["count"], 3) if f["count"] else None}
                       for band, f in figures.items()}
    report["confidence_rule"] = {"high": rule.high, "medium": rule.medium}
    report["summary"] = plain_summary(report, load_taxonomy())
    return report


@dataclass
class TrainResult:
    card: dict
    activated: bool
    previous_version: str
    previous_quality: dict | None
    new_quality: dict | None
    confirmed: int
    held_out: int
    comparison: Comparison | None = None
    intake: int = 0
    demo: int = 0  # labelled demo tickets learnt from, counted in neither *confirmed* nor *intake*
    nothing_new: bool = False  # no label was set since the active version read them: no version was made

    @classmethod
    def nothing_to_learn(cls, active_version: str) -> "TrainResult":
        """The result of a retrain that had nothing new to learn: no version was trained or saved,
        and *active_version* stays the desk's model."""
        return cls({}, False, active_version, None, None, 0, 0, nothing_new=True)


def train_model(database: Database, store: DeskModelStore | None = None, progress: Callable[[int, int], None] | None = None,
                is_cancelled: Callable[[], bool] | None = None) -> TrainResult:
    """Train on the seed corpus plus the desk's labelled tickets (weighted by source); save the
    model in the desk and activate it unless it got clearly fewer right than the active model on
    the newest confirmed tickets neither was trained on. Raises NotAllowedError before any work
    for a login that may not train. When no label was set since the active version read the
    desk's labels, a retrain would only copy it: nothing is trained or saved, and the result says
    ``nothing_new``; so does one that another super-user's retrain on the same labels finished first."""
    require(database, TRAIN_MODEL)
    store = store or DeskModelStore(database)
    labels_until = now_iso()  # before the read: a label set meanwhile is new to the next retrain
    rows = labelled_rows(database)  # the one read of the desk's labels
    if not new_labels(rows, store.labels_until()):
        return TrainResult.nothing_to_learn(store.active_version())
    step = _stepper(progress, is_cancelled, total=5)
    seed = load_seed_corpus()
    previous_version = store.active_version()
    try:
        previous, previous_card = store.load_active()
    except ModelError as exc:
        logger.warning("active model could not be compared: %s", exc)
        previous, previous_card = None, {}
    trained_until = (previous_card.get("training") or {}).get("labels_until")
    data = split_for_training(rows, trained_until)
    step(1)
    found: dict = {}

    def while_the_module_model_fits(candidate: TicketModel, training_features):
        # what the new model reads of the held-out tickets, and near-duplicates by it compared
        # with what it learnt from; the active model's predictions do not wait for the new model.
        # Both models read the held-out texts cleaned and stemmed once.
        texts = PreparedTexts.of(TicketModel.texts(data.evaluation))
        found["matrices"] = candidate.matrices(data.evaluation, texts)
        found["duplicates"] = near_duplicates_by_features(candidate.content_words(found["matrices"][0]),
                                                          candidate.content_words(training_features))
        if previous is not None:
            found["active"] = previous.predict(data.evaluation, previous.matrices(data.evaluation, texts))

    candidate, _features = fit_model_with_features(seed, data.train,
                                                   meanwhile=while_the_module_model_fits if data.evaluation else None)
    del _features
    step(2)
    comparison = compare(candidate, previous, data.evaluation, seed + data.train, active_version=previous_version,
                         eligible=data.eligible, duplicates=found.get("duplicates"), active_predictions=found.get("active"),
                         new_predictions=candidate.predict(data.evaluation, found["matrices"]) if "matrices" in found else None)
    new_quality = previous_quality = None
    if comparison.new is not None:
        kept = [row for row, _prediction in comparison.predictions]
        new_quality = measure(candidate, kept, predictions=[p for _row, p in comparison.predictions])
        if previous is not None:
            previous_quality = measure(previous, kept, predictions=comparison.active_predictions)
    step(3)
    activated = comparison.not_worse
    final = candidate
    if activated and data.evaluation and len(seed) + len(data.rows) <= REFIT_LIMIT:
        final = fit_model(seed, data.rows)
    step(4)
    card = {
        "created": now_iso(),
        "training": {"data_sha256": corpus_hash(seed + load_kind_corpus() + data.rows), "seed_rows": len(seed),
                     "kind_only_rows": len(load_kind_corpus()), "confirmed_rows": data.confirmed,
                     "intake_rows": data.intake, "demo_rows": data.demo, "held_out_rows": len(data.evaluation), "refit_on_all": final is not candidate,
                     "labels_until": labels_until,  # a later retrain judges it on tickets labelled after this
                     "weights": {"seed": 1.0, **WEIGHTS}},
        "quality": {"method": EVALUATION_METHOD if new_quality else "none: too few new confirmed tickets",
                    **(new_quality or {})},
        "evaluation": comparison.to_json(),
        "previous": {"version": previous_version, "quality": previous_quality},
        "confidence_rule": _confidence_rule(comparison, previous_card),
    }
    if store.active_version() != previous_version and not new_labels(rows, store.labels_until()):
        # another super-user's retrain finished first on these same labels: this one would be its twin (two
        # versions, and a rollback advice naming the version before both)
        return TrainResult.nothing_to_learn(store.active_version())
    card = store.save(final, card, created_by=_trainer(database))
    if activated:
        store.activate(card["version"])
        forget_loaded_models()
    from elsdesk.services.review import reset_confirmations  # the retrain offer counts from here again

    reset_confirmations(database)
    step(5)
    return TrainResult(card, activated, previous_version, previous_quality, new_quality, data.confirmed,
                       len(data.evaluation), comparison, data.intake, demo=data.demo)


EVALUATION_METHOD = "the newest confirmed tickets neither model was trained on, near-duplicates removed"
RULE_MIN_TICKETS = 100


def _confidence_rule(comparison: Comparison, previous_card: dict) -> dict:
    """Cut-offs measured on the held-out tickets when there are enough, else the active model's."""
    if comparison.new is not None and len(comparison.predictions) >= RULE_MIN_TICKETS:
        rows = comparison.predictions
        where = NEW_CONFIRMED
        module = fit_rule([p.module == r["module"] for r, p in rows], [p.confidence for _r, p in rows], where)
        kinded = [(r, p) for r, p in rows if r.get("kind")]
        kind = fit_rule([p.kind == r["kind"] for r, p in kinded], [p.kind_confidence for _r, p in kinded], where) \
            if len(kinded) >= RULE_MIN_TICKETS else rule_from_card(previous_card, "kind")
        return {"module": module.to_json(), "kind": kind.to_json()}
    return {"module": rule_from_card(previous_card, "module").to_json(), "kind": rule_from_card(previous_card, "kind").to_json()}


def _trainer(database: Database) -> str | None:
    """Who trained: the server login, else the local profile's name."""
    login = database.login_name()
    if login:
        return login
    from elsdesk.services.profile import load_profile

    profile = load_profile()
    return profile.name if profile else None


def _stepper(progress, is_cancelled, total):
    def step(done):
        if is_cancelled and is_cancelled():
            raise Cancelled("träningen avbröts")
        if progress:
            progress(done, total)

    return step


def train_shipped_model(out_dir: Path, folds: int = 5, progress=None) -> dict:
    """Train the shipped model on the seed corpus; quality from cross-validation grouped by problem."""
    seed, kind_rows = load_seed_corpus(), load_kind_corpus()
    groups = [r.get("problem") or r["title"] for r in seed]
    true, predicted, confidence, true_kind, predicted_kind, kind_confidence = [], [], [], [], [], []
    for number, (train_index, test_index) in enumerate(GroupKFold(n_splits=folds).split(seed, groups=groups), start=1):
        model = TicketModel(n_jobs=1).fit([seed[i] for i in train_index], kind_rows=kind_rows)  # the same corpus, the same model
        test = [seed[i] for i in test_index]
        for row, prediction in zip(test, model.predict(test)):
            true.append(row["module"]); predicted.append(prediction.module); confidence.append(prediction.confidence)
            true_kind.append(row["kind"]); predicted_kind.append(prediction.kind)
            kind_confidence.append(prediction.kind_confidence)
        if progress:
            progress(number, folds + 1)
    thresholds = confidence_thresholds(true, predicted, confidence)
    quality = evaluate_predictions(true, predicted, confidence, thresholds, true_kind, predicted_kind)
    final = TicketModel(n_jobs=1).fit(seed, kind_rows=kind_rows)
    card = {
        "version": SHIPPED + "-" + now_iso()[:10],
        "created": now_iso(),
        "training": {"data_sha256": corpus_hash(seed + kind_rows), "seed_rows": len(seed),
                     "kind_only_rows": len(kind_rows), "confirmed_rows": 0},
        "quality": {"method": f"{folds}-fold cross-validation grouped by problem on the seed corpus", **quality},
        "thresholds": thresholds,
        "confidence_rule": {
            "module": fit_rule([t == p for t, p in zip(true, predicted)], confidence, SEED_CROSS_VALIDATION).to_json(),
            "kind": fit_rule([t == p for t, p in zip(true_kind, predicted_kind)], kind_confidence,
                             SEED_CROSS_VALIDATION).to_json(),
        },
    }
    return save_model(final, card, out_dir)


def evaluate_file(path: str | Path, source: Database | DeskModelStore | None = None) -> dict:
    """Measure the active model of the desk *source* (the shipped model without one) on a labelled file.
    The file's labels may be ids or names ("Läkemedel", "Handhavande"), as an import reads them. A module
    no label of the taxonomy (the desk's own labels with a desk) matches is left out of the scores, and a
    kind so unknown out of the kind scores: ``report["unknown_labels"]`` names them ({"line", "field",
    "value"}); a typo counted as a wrong answer lowered the accuracy without a word (a CLI tester)."""
    from elsdesk.services.labels import desk_taxonomy

    taxonomy = desk_taxonomy(source) if isinstance(source, Database) else load_taxonomy()
    rows = [r for r in read_labelled_or_plain(path) if r.get("module") and not r.get("_error")]
    unknown: list[dict] = []
    for row in rows:
        for field, group in (("module", "modules"), ("kind", "kinds")):
            if row.get(field):
                written = str(row[field])
                row[field] = taxonomy.normalise(group, written)
                if row[field] is None:
                    unknown.append({"line": row["_line"], "field": field, "value": written})
    rows = [r for r in rows if r["module"]]
    if not rows:
        raise BadInputError(f"{path}: inga rader med både text och en känd modul att utvärdera mot")
    model, card = active_model(source)
    report = measure(model, rows, card=card)
    report["model_version"] = card.get("version")
    report["unknown_labels"] = unknown
    return report


def model_versions(source: Database | DeskModelStore) -> list[dict]:
    """The desk's versions (the shipped one first), with the active one marked."""
    store = model_store(source)
    active = store.usable_active_version()  # a version that does not load is not starred
    out = []
    for card in store.versions():
        quality = card.get("quality", {})
        out.append({"version": card.get("version"), "created": card.get("created"), "active": card.get("version") == active,
                    "macro_f1": quality.get("macro_f1"), "accuracy": quality.get("accuracy"),
                    "quality_n": quality.get("n"),  # the tickets its figures were measured on (the shipped one: cross-validated seed corpus)
                    "confirmed_rows": card.get("training", {}).get("confirmed_rows")})
    return out


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)
