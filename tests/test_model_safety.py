"""Issue 10, "Code that runs because a file was placed somewhere": loading a model runs no code,
paths outside the store are refused, a broken active model gives way to the shipped one, and
no identifier reaches a model. Each test is named after the item of issue 10 it guards."""

from __future__ import annotations

import io
import json
import pickle
import shutil
import threading
import zipfile

import numpy as np
import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.corpus import load_seed_corpus
from elsdesk.ml import model_format
from elsdesk.ml.model import TicketModel
from elsdesk.ml.store import (
    CARD_FILE, MODEL_FILE, SHIPPED, DeskModelStore, ModelError, load_model, load_shipped, parse_card, sha256_of_bytes,
)
from elsdesk.paths import shipped_models_dir
from elsdesk.services.classification import active_model, classify_rows, forget_loaded_models, model_versions
from elsdesk.storage import open_database

from model_fixtures import TEXTS, _fresh_model_cache, small_model  # noqa: F401 - shared fixtures


class _Planted:
    """A pickle that creates a marker file when unpickled: what an attacker would plant."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def _planted_folder(folder, marker, card_extra=None):
    folder.mkdir(parents=True, exist_ok=True)
    data = pickle.dumps(_Planted(marker))
    for name in ("model.joblib", MODEL_FILE):
        (folder / name).write_bytes(data)
    card = {"version": "evil", "format": 2, "file": {"name": MODEL_FILE, "sha256": sha256_of_bytes(data)}, **(card_extra or {})}
    (folder / CARD_FILE).write_text(json.dumps(card))
    return folder


# -- the format ------------------------------------------------------------------------------
def test_issue_10_the_safe_format_round_trips_a_fitted_model(small_model):
    loaded = model_format.loads(model_format.dumps(small_model))
    assert isinstance(loaded, TicketModel)
    assert list(classify_rows([dict(t) for t in TEXTS], loaded)) == list(classify_rows([dict(t) for t in TEXTS], small_model))


def test_issue_10_a_model_file_naming_other_code_is_refused(tmp_path):
    marker = tmp_path / "ran"
    for name in ("os:system", "builtins:open", "subprocess:Popen", "elsdesk.ml.store:save_model"):
        for kind in ("__object__", "__function__"):
            meta = {"format": model_format.FORMAT, "version": model_format.FORMAT_VERSION,
                    "model": {kind: name, "state": {"__map__": {}}} if kind == "__object__" else {kind: name}}
            buffer = io.BytesIO()
            np.savez_compressed(buffer, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8))
            with pytest.raises(model_format.ModelFormatError, match="not allowed"):
                model_format.loads(buffer.getvalue())
    with pytest.raises(model_format.ModelFormatError):
        model_format.loads(pickle.dumps(_Planted(marker)))
    buffer = io.BytesIO()
    np.savez(buffer, meta=np.array([_Planted(marker)], dtype=object))  # an object array is a pickle inside
    with pytest.raises(model_format.ModelFormatError):
        model_format.loads(buffer.getvalue())
    assert not marker.exists()


def test_issue_10_a_planted_pickle_with_a_matching_card_runs_nothing(tmp_path):
    marker = tmp_path / "ran"
    folder = _planted_folder(tmp_path / "m", marker)
    with pytest.raises(ModelError):
        load_model(folder)
    assert not marker.exists()


def test_issue_10_a_card_naming_a_file_outside_its_folder_is_refused(tmp_path):
    marker = tmp_path / "ran"
    outside = _planted_folder(tmp_path / "outside", marker)
    folder = tmp_path / "shipped"
    shutil.copytree(shipped_models_dir(), folder)
    card = json.loads((folder / CARD_FILE).read_text())
    for name in ("../outside/" + MODEL_FILE, str(outside / MODEL_FILE), "model.joblib"):
        card["file"]["name"] = name
        (folder / CARD_FILE).write_text(json.dumps(card))
        with pytest.raises(ModelError):
            load_model(folder)
    assert not marker.exists()


@pytest.mark.parametrize("card", ['[]', '"x"', '{"file": "model.npz"}', '{"file": {"sha256": 5}}',
                                  '{"quality": []}', '{"training": "x"}', '{"thresholds": [1]}'])
def test_issue_10_a_card_of_the_wrong_shape_is_a_clear_error(tmp_path, card):
    with pytest.raises(ModelError, match="skadat"):
        parse_card(card, "i testet")
    folder = tmp_path / "m"
    shutil.copytree(shipped_models_dir(), folder)
    (folder / CARD_FILE).write_text(card)
    with pytest.raises(ModelError):
        load_shipped(folder)


def test_issue_10_a_desk_version_with_a_wrong_shape_card_breaks_nothing(memory_db, small_model, capsys):
    version = DeskModelStore(memory_db).save(small_model, {})["version"]
    DeskModelStore(memory_db).activate(version)
    with memory_db.write() as conn:
        conn.execute("UPDATE models SET card = ? WHERE version = ?", ('{"quality": [], "file": "x"}', version))
    assert [v["active"] for v in model_versions(memory_db)] == [True]  # listed without it, the shipped one starred
    model, card = active_model(memory_db)
    assert card["version"] == SHIPPED and card["fallback_from"] == version


# -- the store -------------------------------------------------------------------------------
def test_issue_10_models_activate_accepts_only_versions_in_the_desk(tmp_path, capsys):
    marker = tmp_path / "ran"
    planted = _planted_folder(tmp_path / "planted", marker)
    db = str(tmp_path / "desk.db")
    open_database(db).close()  # an existing, empty desk
    for target in ("../planted", str(planted), "planted", "../../etc", SHIPPED + "/../x"):
        with pytest.raises(SystemExit) as exit_info:  # a version the desk does not have: usage, exit 2 (elsdesk.cli_errors)
            main(["--db", db, "models", "--activate", target])
        assert exit_info.value.code == 2
        assert "finns inte" in capsys.readouterr().err
    rows = [{k: v for k, v in r.items() if k not in ("module", "kind")} for r in sample_rows(2)]
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "t.jsonl", rows))]) == 0
    assert main(["--db", db, "classify", str(write_jsonl(tmp_path / "in.jsonl", TEXTS))]) == 0
    assert not marker.exists()
    with open_database(db) as database:
        assert DeskModelStore(database).active_version() == SHIPPED


def test_issue_10_an_old_pickle_model_in_the_desk_is_never_unpickled(memory_db, tmp_path):
    marker = tmp_path / "ran"
    data = pickle.dumps(_Planted(marker))
    card = {"version": "old", "format": 1, "file": {"name": "model.joblib", "sha256": sha256_of_bytes(data)}}
    from elsdesk.storage.models import StoredModel

    store = DeskModelStore(memory_db)
    with memory_db.write() as conn:
        store.repo.insert(conn, StoredModel("old", json.dumps(card), sha256_of_bytes(data), "2025-05-01T10:00:00", None, data))
    with pytest.raises(ModelError, match="kan inte aktiveras"):
        store.activate("old")
    with memory_db.write() as conn:  # a desk where it was active before this version of elsdesk
        store.repo.set_active(conn, "old", ["old"])
    with pytest.raises(ModelError, match="äldre format"):
        store.load_active()
    model, loaded = active_model(memory_db)
    assert loaded["version"] == SHIPPED and loaded["fallback_from"] == "old" and "träna om" in loaded["fallback_reason"]
    assert not marker.exists()


def test_issue_10_a_broken_active_model_falls_back_and_is_not_starred(db_path, small_model, tmp_path, capsys):
    with open_database(db_path) as database:
        version = DeskModelStore(database).save(small_model, {})["version"]
        DeskModelStore(database).activate(version)
        with database.write() as conn:
            conn.execute("UPDATE models SET data = ? WHERE version = ?", (b"broken", version))
    forget_loaded_models()
    texts = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    out = tmp_path / "out.jsonl"
    assert main(["--db", str(db_path), "classify", str(texts), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert version in err and "levererade modellen" in err
    shipped, _ = load_shipped()
    assert [json.loads(line) for line in out.read_text().splitlines()] == list(classify_rows([dict(t) for t in TEXTS], shipped))
    forget_loaded_models()
    assert main(["--db", str(db_path), "models", "--json"]) == 0
    captured = capsys.readouterr()
    listed = json.loads(captured.out)
    assert [v["version"] for v in listed if v["active"]] == [SHIPPED] and "kan inte laddas" in captured.err


def test_issue_10_a_damaged_version_cannot_be_activated_and_rollback_passes_over_it(memory_db, small_model):
    store = DeskModelStore(memory_db)
    good, bad = store.save(small_model, {})["version"], store.save(small_model, {})["version"]
    store.activate(good)
    store.activate(bad)
    with memory_db.write() as conn:
        conn.execute("UPDATE models SET data = ? WHERE version = ?", (b"damaged", bad))
        conn.execute("UPDATE models SET data = ? WHERE version = ?", (b"damaged", good))
    with pytest.raises(ModelError, match="kan inte aktiveras"):
        store.activate(good)
    assert store.rollback() == SHIPPED and store.active_version() == SHIPPED


def test_issue_10_concurrent_trainings_leave_every_version_loadable(db_path, small_model):
    errors, versions = [], []

    def train_and_activate():
        try:
            with open_database(db_path) as database:
                store = DeskModelStore(database)
                card = store.save(small_model, {"version": "20250501-120000"})
                store.activate(card["version"])
                versions.append(card["version"])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=train_and_activate) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(set(versions)) == 3
    with open_database(db_path) as database:
        store = DeskModelStore(database)
        for version in versions:
            store.load_version(version)
        assert store.active_version() in versions and store.usable_active_version() == store.active_version()


def test_issue_10_orphan_temporary_files_do_not_warn(tmp_path, capsys, user_home):
    (user_home / "models" / "tmpabc123").mkdir(parents=True)
    (user_home / "models" / "model.joblib.tmp").write_bytes(b"half")
    texts = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    assert main(["classify", str(texts)]) == 0
    open_database(tmp_path / "d.db").close()
    assert main(["--db", str(tmp_path / "d.db"), "models"]) == 0
    assert capsys.readouterr().err == ""


# -- no identifier reaches a model -----------------------------------------------------------------
def test_issue_10_no_identifier_reaches_a_trained_models_vocabulary(small_model):
    planted = ["19121212-1212", "tel0702741862", "åsa.öberg@region.se", "070.123.45.67", "121212\u00a01212"]
    rows = load_seed_corpus()[::10] + [
        {"title": f"Ring {p}", "description": f"Pat {p} kan inte logga in, mejla åsa.öberg@region.se", "module": "inloggning_siths",
         "kind": "fel"} for p in planted for _ in range(3)]
    data = model_format.dumps(TicketModel().fit(rows))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        blob = b"".join(archive.read(name) for name in archive.namelist())
    text = blob.decode("utf-32-le", errors="ignore") + blob.decode("utf-8", errors="ignore")
    for needle in ("1212121212", "0702741862", "070274", "berg@", "oberg", "öberg", "23456"):
        assert needle not in text, needle


def test_issue_10_the_seed_corpus_is_masked_and_the_shipped_model_holds_none_of_its_numbers():
    seed = load_seed_corpus()
    assert not any("1212121212" in (r["title"] + r["description"]).replace("-", "") for r in seed)
    data = (shipped_models_dir() / MODEL_FILE).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        blob = b"".join(archive.read(name) for name in archive.namelist())
    text = blob.decode("utf-32-le", errors="ignore") + blob.decode("utf-8", errors="ignore")
    assert "121212" not in text and "example.se" not in text and "test@" not in text


def test_models_says_what_each_macro_f1_was_measured_on():
    from elsdesk.cli_ml import _measured_on

    assert _measured_on({"version": "shipped", "macro_f1": 0.8, "quality_n": None}) == "  (grundkorpusen)"
    assert _measured_on({"version": "20261203-010212", "macro_f1": 0.97, "quality_n": 30}) == "  (på 30 nya bekräftade)"
    assert _measured_on({"version": "20261203-010238", "macro_f1": None, "quality_n": None}) == ""


def test_commands_that_read_a_desk_refuse_a_mistyped_desk_file(tmp_path, capsys):
    """A mistyped --db is not a new, empty desk for train, models, mistakes, config, labels, db status,
    classify or evaluate (it used to be created, and train said "aktiverad" on the seed corpus alone)."""
    missing = tmp_path / "skrivfel.db"
    texts = str(write_jsonl(tmp_path / "in.jsonl", TEXTS))
    for command in (["train"], ["models"], ["mistakes"], ["config"], ["labels"], ["db", "status"], ["classify", texts]):
        assert main(["--db", str(missing), *command]) == 4, command  # the desk is not there: exit 4
        assert "det finns ingen desk" in capsys.readouterr().err
    assert not missing.exists()
