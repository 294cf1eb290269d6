"""Opening a desk file made by an older version: the migration runs on a worker thread behind a busy
dialog before the window is built (migration 016 rebuilds the search index: a minute at a million
tickets), and a desk that cannot be upgraded says why."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from elsdesk.domain import DatabaseUnavailableError, TicketFilter
from elsdesk.gui.desk_upgrade import upgrade_before_opening
from elsdesk.storage import TicketRepository, open_database
from elsdesk.storage.migrations import MIGRATIONS, migrate
from elsdesk.storage.sqlite_backend import upgrade_pending


def _old_desk(path, version: int = 15):
    """A desk file at schema *version* with two tickets written the way that version wrote them."""
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, upto=version)
    for external_id, title in (("A-1", "Etikettskrivaren skriver blankt"), ("A-2", "Läkemedelslistan laddar inte")):
        conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title, search_parts)"
                     " VALUES (?, '2025-04-28', '2025-W18', '2025-04-28', ?, '')", (external_id, title))
    conn.close()
    return path


def test_only_an_existing_older_desk_file_is_pending(tmp_path):
    assert not upgrade_pending(tmp_path / "new.db")
    assert upgrade_pending(_old_desk(tmp_path / "old.db"))
    open_database(tmp_path / "current.db").close()
    assert not upgrade_pending(tmp_path / "current.db")
    (tmp_path / "junk.db").write_bytes(b"not a database at all, just bytes" * 20)
    assert not upgrade_pending(tmp_path / "junk.db")  # opening it says what is wrong


@pytest.mark.sqlite_only
def test_an_older_desk_is_upgraded_behind_a_busy_dialog_before_the_window(qtbot, tmp_path):
    path = _old_desk(tmp_path / "old.db")
    seen = []

    def look():  # while the worker migrates, the dialog is up and the GUI thread answers
        seen.extend(w.labelText() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, look)
    assert upgrade_before_opening(path) is True
    assert seen and "uppdateras" in seen[0]
    assert not upgrade_pending(path)
    database = open_database(path)
    try:
        assert database.schema_version() == len(MIGRATIONS)
        assert len(TicketRepository(database).query_ids(TicketFilter(text="etikettskrivaren"))) == 1
    finally:
        database.close()
    assert upgrade_before_opening(path) is False  # nothing left to do: no dialog


@pytest.mark.sqlite_only
def test_an_older_desk_this_login_may_not_write_raises_what_opening_it_would(qtbot, tmp_path, monkeypatch):
    path = _old_desk(tmp_path / "old.db")
    real_access = os.access  # as root a chmod stops nothing: the app's own check is made to say no
    monkeypatch.setattr("os.access", lambda p, mode, *a, **k: False if str(p).startswith(str(path)) and mode & os.W_OK
                        else real_access(p, mode, *a, **k))
    with pytest.raises(DatabaseUnavailableError, match="skrivskyddad"):
        upgrade_before_opening(path)
    assert upgrade_pending(path)  # nothing was changed
