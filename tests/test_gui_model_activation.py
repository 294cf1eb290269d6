"""The model and agreement dialogs close with a Swedish "Stäng" even where Qt's own translation is not
installed , and the GUI's retrain says whether and why a model was activated."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from elsdesk.gui.model_actions import ModelActionsMixin
from elsdesk.gui.model_dialog import ModelDialog
from elsdesk.taxonomy import load_taxonomy


class _Window(ModelActionsMixin, QWidget):
    """Just enough of the main window for the mixin's dialogs and texts."""


def _close_texts(widget) -> list[str]:
    return [box.button(QDialogButtonBox.Close).text() for box in widget.findChildren(QDialogButtonBox)
            if box.button(QDialogButtonBox.Close) is not None]


def test_model_dialog_closes_with_staeng_without_qts_translation(qtbot):
    dialog = ModelDialog(load_taxonomy(), "sv")
    qtbot.addWidget(dialog)
    assert _close_texts(dialog) == ["Stäng"]


def test_the_agreement_dialog_closes_with_staeng(qtbot):
    window = _Window()
    qtbot.addWidget(window)
    dialog = window._show_in_dialog("Samstämmighet", QLabel("x"), (300, 200))
    assert _close_texts(dialog) == ["Stäng"]
    dialog.reject()


def _result(activated: bool, evaluation: dict):
    return SimpleNamespace(activated=activated, previous_version="shipped",
                           card={"version": "20260101-120000", "evaluation": evaluation})


def test_the_gui_says_when_a_model_was_activated_without_a_comparison(qtbot):
    window = _Window()
    qtbot.addWidget(window)
    uncompared = window._activation_text(_result(True, {"status": "too_few"}))
    assert "utan jämförelse" in uncompared and "aktivera den levererade modellen igen" in uncompared and "shipped" not in uncompared
    held_back = window._activation_text(_result(False, {"status": "too_few", "contradicts_active": True,
                                                        "contradicted": 23, "n": 30}))
    assert "aktiverades inte" in held_back and "23 av 30" in held_back and "2026-01-01 12:00" in held_back
    assert "aktiverad." in window._activation_text(_result(True, {"status": "measured"}))
