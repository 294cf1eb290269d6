"""Bringing an existing desk file up to this version's schema before the window opens.

Opening a desk migrates it. A migration that rebuilds something for every ticket (migration 016
rebuilds the search index) takes about a minute at a million tickets, so here it runs on a worker
thread while a dialog says what is happening, instead of a window that does not appear.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QProgressDialog

from elsdesk.gui.tasks import TaskContext, TaskRunner
from elsdesk.storage.database import SQLITE, backend_of
from elsdesk.storage.sqlite_backend import upgrade_pending


def upgrade_before_opening(target) -> bool:
    """Migrate the SQLite desk at *target* when its schema is older than this version's, with a
    busy dialog meanwhile; True when it did. Raises what opening the desk raised (the caller shows it)."""
    if backend_of(target) != SQLITE or str(target) == ":memory:" or not upgrade_pending(target):
        return False
    dialog = QProgressDialog(QCoreApplication.translate(
        "desk_upgrade", "Databasen uppdateras till den här versionen av elsdesk. Det görs en gång och kan ta"
                        " någon minut för en stor desk."), "", 0, 0)
    dialog.setCancelButton(None)  # a migration is one transaction: stopping it half-way gains nothing
    dialog.setWindowTitle("elsdesk")
    dialog.setMinimumDuration(0)
    dialog.show()
    failures: list[Exception] = []
    waiting = QEventLoop()
    runner = TaskRunner()
    runner.start(_open_and_close, db_path=target, on_failure=failures.append, on_finished=lambda _task: waiting.quit(),
                 name="upgrade the desk")
    waiting.exec()
    dialog.close()
    dialog.deleteLater()
    if failures:
        raise failures[0]
    return True


def _open_and_close(context: TaskContext) -> None:
    context.open_database().close()  # opening migrates
