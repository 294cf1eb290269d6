"""Issue 9: where the desk lives is chosen at first start and kept without any password."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from elsdesk.domain import BadInputError
from elsdesk.gui.app import DESK_KEY, desk_target
from elsdesk.gui.desk_connection import DeskLocationDialog
from elsdesk.services.desk_location import server_location


def test_a_password_typed_into_the_address_is_split_off():
    assert server_location("postgresql://anna:s3cret@db.region.se/elsdesk") == (
        "postgresql://anna@db.region.se/elsdesk", "s3cret")
    assert server_location("host=db.region.se dbname=elsdesk password=s3cret") == (
        "host=db.region.se dbname=elsdesk", "s3cret")
    assert server_location("elsdesk") == ("service=elsdesk", None)  # a bare name is IT's service file entry


@pytest.mark.parametrize("typed", ["", "   ", "/tmp/desk.db"])
def test_an_address_that_is_no_server_is_refused(typed):
    with pytest.raises(BadInputError):
        server_location(typed)


def test_the_dialog_keeps_the_location_and_hands_the_password_on(qtbot):
    dialog = DeskLocationDialog()
    qtbot.addWidget(dialog)
    assert dialog.local_radio.isChecked() and not dialog.address_edit.isEnabled()
    dialog.server_radio.setChecked(True)
    dialog.address_edit.setText("postgresql://anna:s3cret@db.region.se/elsdesk")
    dialog.accept()
    assert dialog.location == "postgresql://anna@db.region.se/elsdesk" and dialog.password == "s3cret"


def test_the_dialog_shows_what_is_wrong_instead_of_closing(qtbot):
    dialog = DeskLocationDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_radio.setChecked(True)
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.isVisible()


def test_the_desk_given_on_the_command_line_wins_then_the_saved_choice(tmp_path, user_home):
    prefs = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert desk_target("service=elsdesk", prefs) == "service=elsdesk"
    prefs.setValue(DESK_KEY, "service=region")
    assert desk_target(None, prefs) == "service=region"
    prefs.setValue(DESK_KEY, "")
    assert desk_target(None, prefs) is None  # this computer's file


def test_an_existing_local_desk_is_opened_without_asking(tmp_path, user_home):
    from elsdesk.paths import default_db_path

    default_db_path().write_bytes(b"")
    prefs = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    assert desk_target(None, prefs) is None
    assert prefs.value(DESK_KEY) == ""
