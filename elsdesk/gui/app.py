"""Start the desktop app: QApplication, language, stylesheet, main window, start-up checks."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from elsdesk.domain import ElsdeskError
from elsdesk.paths import resources_dir, ui_dir, user_data_dir

logger = logging.getLogger(__name__)
ORGANISATION = "elsdesk"
DESK_KEY = "desk/location"  # where the desk lives ("" = this computer); never a password


def settings() -> QSettings:
    """UI state and preferences (QSettings under the user data folder, so tests can redirect it)."""
    return QSettings(str(user_data_dir() / "settings.ini"), QSettings.IniFormat)


def install_qt_translator(app: QApplication, language: str) -> QTranslator | None:
    """Qt's own texts (Yes/No, Cancel, file dialogs) in *language*, from the Qt installation."""
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(translator)
        return translator
    return None


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the Qt translation for *language*; Swedish is the source language."""
    install_qt_translator(app, language)
    if language == "sv":
        return None
    translator = QTranslator(app)
    path = resources_dir() / "i18n" / f"elsdesk_{language}.qm"
    if translator.load(str(path)):
        app.installTranslator(translator)
        return translator
    logger.warning("no translation for %s at %s", language, path)
    return None


def stylesheet() -> str:
    """The app's stylesheet, ui/style.qss ("" when it is missing)."""
    path = ui_dir() / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _log_to_file() -> None:
    handler = logging.FileHandler(user_data_dir() / "elsdesk.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


_CANCELLED = object()


def desk_target(given, prefs: QSettings, ask: bool = False):
    """The desk to open: --db/ELSDESK_DB, else the choice saved at first start, else (first start,
    no local file yet, or *ask*) ask where the desk lives. None means this computer's default file."""
    from elsdesk.paths import default_db_path

    if given and not ask:
        return given
    saved = str(prefs.value(DESK_KEY) or "") if prefs.contains(DESK_KEY) else None
    if not ask:
        if saved is not None:
            return saved or None
        if default_db_path().exists():
            prefs.setValue(DESK_KEY, "")
            return None
    from elsdesk.gui.desk_connection import DeskLocationDialog
    from elsdesk.storage.postgres_backend import keep_password

    dialog = DeskLocationDialog(saved)
    if dialog.exec() != DeskLocationDialog.Accepted:
        return _CANCELLED
    prefs.setValue(DESK_KEY, dialog.location)
    if dialog.location and dialog.password:
        keep_password(dialog.location, dialog.password, remember=True)
    return dialog.location or None


def _ask_for_password(conninfo: str) -> str | None:
    from elsdesk.gui.desk_connection import PasswordDialog
    from elsdesk.storage.postgres_backend import keep_password, login_of

    login, where = login_of(conninfo)
    dialog = PasswordDialog(where, login)
    if dialog.exec() != PasswordDialog.Accepted or not dialog.password:
        return None
    keep_password(conninfo, dialog.password, remember=dialog.remember)
    return dialog.password


def _open_window(given, prefs: QSettings, language: str):
    """The main window on the chosen desk; when it cannot be opened, say why and offer to try again
    or to choose another desk. None when the user gives up."""
    from PySide6.QtWidgets import QMessageBox

    from elsdesk.gui.desk_upgrade import upgrade_before_opening
    from elsdesk.gui.main_window import MainWindow
    from elsdesk.paths import default_db_path
    from elsdesk.storage.database import POSTGRES, backend_of, redacted

    ask = False
    while True:
        target = desk_target(given, prefs, ask)
        if target is _CANCELLED:
            return None
        if backend_of(target or default_db_path()) == POSTGRES:
            from elsdesk.storage.postgres_backend import set_password_prompt

            set_password_prompt(_ask_for_password)  # a server desk may ask for the password here
        try:
            upgrade_before_opening(target or default_db_path())
            return MainWindow(target or default_db_path(), prefs, language, defer_start=True)
        except ElsdeskError as exc:
            logger.warning("the desk %s cannot be opened: %s", redacted(target or default_db_path()), exc)
            box = QMessageBox(QMessageBox.Critical, "elsdesk", QCoreApplication.translate(
                "app", "Databasen %1 kan inte öppnas: %2").replace("%1", redacted(target or default_db_path())).replace(
                "%2", str(exc)), QMessageBox.NoButton)
            retry = box.addButton(QCoreApplication.translate("app", "Försök igen"), QMessageBox.AcceptRole)
            other = box.addButton(QCoreApplication.translate("app", "Välj en annan desk…"), QMessageBox.ActionRole)
            box.addButton(QCoreApplication.translate("app", "Avsluta"), QMessageBox.RejectRole)
            box.exec()
            ask = box.clickedButton() is other
            if ask:
                given = None
            elif box.clickedButton() is not retry:
                return None


def run_gui(db_path=None) -> int:
    """Show the window and its newest rows first; the model, indexes and start-up questions follow them."""
    from elsdesk.gui.startup_probe import StartupProbe, after_first_paint

    _log_to_file()
    probe = StartupProbe.from_environment()  # only for bench/bench_startup.py and the start-up test
    app = QApplication.instance() or QApplication(sys.argv)
    if probe:
        probe.mark("qapp")
    from elsdesk.gui.gc_guard import GuiThreadGarbageCollector

    app.garbage_collector = GuiThreadGarbageCollector(app)  # cycles holding Qt objects die on the GUI thread
    app.setApplicationName("elsdesk")
    app.setOrganizationName(ORGANISATION)
    prefs = settings()
    language = str(prefs.value("language", os.environ.get("ELSDESK_LANG", "sv")))
    QLocale.setDefault(QLocale(QLocale.Swedish if language == "sv" else QLocale.English))
    install_translator(app, language)
    app.setStyleSheet(stylesheet())
    window = _open_window(db_path, prefs, language)
    if window is None:
        return 0
    if probe:
        probe.mark("window_built")
        probe.watch(app, window)
    window.show()
    # the window paints, then the newest rows; only then the model, indexes and start-up questions
    after_first_paint(window, lambda: window.after_first_rows(lambda: (window.start_background(), window.start_up())))
    return app.exec()
