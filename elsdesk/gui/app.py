"""Start the desktop app: QApplication, language, stylesheet, main window, start-up checks."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from elsdesk.domain import ElsdeskError
from elsdesk.paths import resources_dir, user_data_dir

logger = logging.getLogger(__name__)
ORGANISATION = "elsdesk"


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


def _log_to_file() -> None:
    handler = logging.FileHandler(user_data_dir() / "elsdesk.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def run_gui(db_path=None) -> int:
    from elsdesk.gui.forms import stylesheet
    from elsdesk.gui.main_window import MainWindow
    from elsdesk.paths import default_db_path
    from elsdesk.storage.database import redacted

    _log_to_file()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("elsdesk")
    app.setOrganizationName(ORGANISATION)
    prefs = settings()
    language = str(prefs.value("language", os.environ.get("ELSDESK_LANG", "sv")))
    QLocale.setDefault(QLocale(QLocale.Swedish if language == "sv" else QLocale.English))
    install_translator(app, language)
    app.setStyleSheet(stylesheet())
    try:
        window = MainWindow(db_path or default_db_path(), prefs, language)
    except ElsdeskError as exc:
        logger.exception("database cannot be opened")
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "elsdesk", QCoreApplication.translate(
            "app", "Databasen %1 kan inte öppnas: %2").replace("%1", redacted(db_path or default_db_path())).replace("%2", str(exc)))
        return 1
    window.show()
    QTimer.singleShot(0, window.start_up)
    return app.exec()
