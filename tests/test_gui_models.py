"""Issue 9 in the main window: the classifier is the desk's active model, and activating a version in
the model dialog makes it the desk's (what another workstation then loads)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from elsdesk.corpus import load_seed_corpus
from elsdesk.gui.main_window import MainWindow
from elsdesk.ml.model import TicketModel
from elsdesk.ml.store import SHIPPED, DeskModelStore
from elsdesk.services.classification import activate_model, forget_loaded_models
from elsdesk.storage import open_database


def test_window_loads_the_desks_model_and_the_dialog_activates_for_the_desk(qtbot, db_path, tmp_path):
    forget_loaded_models()
    with open_database(db_path) as database:
        version = DeskModelStore(database).save(TicketModel().fit(load_seed_corpus()[::10]), {})["version"]
        activate_model(database, version)
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=30_000))
    qtbot.waitUntil(lambda: window.classifier is not None, timeout=20_000)
    assert window.classifier[1]["version"] == version

    dialog = window.show_model_dialog()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=20_000)
    assert dialog.selected_version() == version  # newest first
    dialog.activate_requested.emit(SHIPPED)
    qtbot.waitUntil(lambda: window.classifier is not None and window.classifier[1]["version"] == SHIPPED, timeout=20_000)
    with open_database(db_path) as another_workstation:
        assert DeskModelStore(another_workstation).active_version() == SHIPPED
    dialog.reject()

    window.show_learning_curve()
    qtbot.waitUntil(lambda: getattr(window, "learning_dialog", None) is not None, timeout=20_000)
    window.learning_dialog.reject()
    forget_loaded_models()
