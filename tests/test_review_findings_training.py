"""Review finding 1 (work done twice): "nothing new to learn" is decided once, in ``train_model``,
on the one read of the desk's labels; the CLI and the GUI word its result as before."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.gui.model_actions import ModelActionsMixin
from elsdesk.ml.store import SHIPPED, DeskModelStore
from elsdesk.services import classification, training_data
from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database

from model_fixtures import _fresh_model_cache  # noqa: F401 - shared fixture


def _import(database, tmp_path, rows) -> None:
    import_tickets(database, write_jsonl(tmp_path / "in.jsonl", rows))


def _twelve() -> list[dict]:
    return [dict(r, id=f"R{i}") for i, r in enumerate(sample_rows(12))]


def test_train_model_on_a_desk_with_no_labels_writes_no_version_and_says_nothing_new(memory_db):
    result = classification.train_model(memory_db)
    assert result.nothing_new and not result.activated and result.previous_version == SHIPPED
    store = DeskModelStore(memory_db)
    assert store.repo.all_versions() == [] and store.active_version() == SHIPPED


def test_train_model_again_with_nothing_new_writes_no_version_and_names_the_active_one(memory_db, tmp_path):
    _import(memory_db, tmp_path, _twelve())
    first = classification.train_model(memory_db)
    assert not first.nothing_new and first.card["version"]
    store = DeskModelStore(memory_db)
    versions, active = len(store.repo.all_versions()), store.active_version()
    again = classification.train_model(memory_db)
    assert again.nothing_new and not again.activated and again.previous_version == active
    assert len(store.repo.all_versions()) == versions and store.active_version() == active


def test_nothing_new_does_not_load_the_seed_corpus_or_reset_the_retrain_offer(memory_db, monkeypatch):
    from elsdesk.services import review

    monkeypatch.setattr(classification, "load_seed_corpus", lambda: pytest.fail("nothing to learn: no fitting"))
    monkeypatch.setattr(review, "reset_confirmations", lambda database: pytest.fail("no version: the offer stays"))
    assert classification.train_model(memory_db).nothing_new


def test_cli_train_reads_the_desks_labels_once(tmp_path, monkeypatch, capsys):
    path = str(tmp_path / "desk.db")
    with open_database(path) as database:
        _import(database, tmp_path, _twelve())
    reads = []
    original = training_data.labelled_rows

    def counted(database):
        reads.append(1)
        return original(database)

    monkeypatch.setattr(training_data, "labelled_rows", counted)
    monkeypatch.setattr(classification, "labelled_rows", counted)
    assert main(["--db", path, "train"]) == 0
    assert "tränade version" in capsys.readouterr().out and len(reads) == 1
    reads.clear()
    assert main(["--db", path, "train"]) == 0
    assert "inget nytt att lära" in capsys.readouterr().out and len(reads) == 1


class _Window(ModelActionsMixin, QWidget):
    """Just enough of the main window to run a retrain in the foreground, as a super-user."""

    def may(self, action):
        return True

    def start_long_task(self, work, label, on_success):
        context = SimpleNamespace(open_database=lambda: open_database(self.db_path), progress=None,
                                  is_cancelled=lambda: False)
        on_success(work(context))


def test_the_gui_retrain_with_nothing_new_says_so_in_swedish(qtbot, tmp_path, monkeypatch):
    window = _Window()
    qtbot.addWidget(window)
    window.db_path = str(tmp_path / "desk.db")
    open_database(window.db_path).close()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append((title, text)))
    window.retrain()
    assert shown and shown[0][0] == "Inget nytt att lära" and "Ingen ny version skapades" in shown[0][1]
    with open_database(window.db_path) as database:
        assert DeskModelStore(database).repo.all_versions() == []
