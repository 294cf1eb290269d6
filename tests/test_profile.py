"""The local profile (issue 4): name and role stored as JSON in the user data folder; views per role."""

from __future__ import annotations

import json

import pytest

from elsdesk.domain import BadInputError
from elsdesk.services.profile import (
    ELS_SUPPORT, SUPER_USER, TRAINING_LEAD, Profile, load_profile, make_profile, normalise_role, role_name, save_profile,
    views_for,
)
from elsdesk.storage.profiles import profile_path


def test_views_follow_the_role():
    assert views_for(ELS_SUPPORT) == ("tickets",)
    assert views_for(SUPER_USER) == ("tickets", "review")
    assert views_for(TRAINING_LEAD) == ("tickets", "training")
    assert views_for("Superanvändare") == ("tickets", "review")
    assert views_for("okänd") == ("tickets",)


def test_roles_have_swedish_and_english_names():
    assert role_name(ELS_SUPPORT) == "ELS-stöd"
    assert role_name(TRAINING_LEAD, "en") == "Training lead"
    assert normalise_role("els-stöd") == ELS_SUPPORT
    assert normalise_role("Super-user") == SUPER_USER


def test_first_start_has_no_profile():
    assert load_profile() is None


def test_saved_profile_round_trips_through_json_in_the_user_data_folder(user_home):
    save_profile(Profile("Anna  Andersson", SUPER_USER))
    assert profile_path().parent == user_home
    assert json.loads(profile_path().read_text(encoding="utf-8")) == {"name": "Anna Andersson", "role": SUPER_USER}
    assert load_profile() == Profile("Anna Andersson", SUPER_USER)


def test_profile_can_be_changed():
    save_profile(Profile("Anna", SUPER_USER))
    save_profile(Profile("Anna", TRAINING_LEAD))
    assert load_profile().role == TRAINING_LEAD


@pytest.mark.parametrize("content", ["{inte json", "[]", '{"name": "", "role": "superanvandare"}', '{"name": "A", "role": "chef"}'])
def test_unusable_profile_file_means_choose_again(content):
    profile_path().write_text(content, encoding="utf-8")
    assert load_profile() is None


@pytest.mark.parametrize("name, role", [("", SUPER_USER), ("   ", ELS_SUPPORT), ("Anna", "chef"), ("x" * 81, ELS_SUPPORT)])
def test_make_profile_rejects_missing_name_or_unknown_role(name, role):
    with pytest.raises(BadInputError):
        make_profile(name, role)


def test_profile_dialog_emits_a_valid_profile_and_refuses_an_empty_name(qtbot):
    from PySide6.QtCore import Qt

    from elsdesk.gui.profile_dialog import ProfileDialog

    dialog = ProfileDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.profile_chosen):
        qtbot.keyClick(dialog.name_edit, Qt.Key_Return)
    assert dialog.error_label.isVisibleTo(dialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Bertil")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(SUPER_USER))
    assert "granskningskön" in dialog.views_label.text()
    with qtbot.waitSignal(dialog.profile_chosen) as chosen:
        qtbot.keyClick(dialog.name_edit, Qt.Key_Return)
    assert chosen.args[0] == Profile("Bertil", SUPER_USER)
    assert load_profile() is None, "the dialog only chooses; the owner saves"


def test_profile_dialog_starts_from_the_current_profile(qtbot):
    from elsdesk.gui.profile_dialog import ProfileDialog

    dialog = ProfileDialog(Profile("Cecilia", TRAINING_LEAD))
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Cecilia"
    assert dialog.role_combo.currentData() == TRAINING_LEAD


@pytest.mark.sqlite_only
def test_issue_9_actions_outside_the_local_role_are_disabled_not_only_tabs(qtbot, db_path, tmp_path):
    from PySide6.QtCore import QSettings

    from elsdesk.gui.main_window import MainWindow

    save_profile(Profile("Anna", ELS_SUPPORT))
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: w.runner.running() == 0, timeout=30_000))
    assert not window.train_action.isEnabled()
    assert window.demo_action.isEnabled()  # the person who owns the local file may try demo data
    window.profile = save_profile(Profile("Anna", SUPER_USER))
    window._apply_profile()
    assert window.train_action.isEnabled()
