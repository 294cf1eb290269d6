"""A date typed as the field shows it is the date stored (a tester typed the go-live date "2026-12-01" and the
field kept 2026-12-12: Qt moved on after the full year and again at the "-", so "12" went into the day)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt

from elsdesk.gui.iso_date_edit import IsoDateEdit


@pytest.mark.parametrize("typed, stored", [
    ("2026-12-01", "2026-12-01"), ("20261201", "2026-12-01"), ("2027-01-05", "2027-01-05"),
    ("2027-1-5", "2027-01-05"), ("2027/03/09", "2027-03-09"),
])
def test_a_date_typed_from_the_year_is_the_date_stored(qtbot, typed, stored):
    field = IsoDateEdit()
    qtbot.addWidget(field)
    field.setDate(QDate(2026, 12, 12))
    field.show()
    field.setFocus()
    field.setSelectedSection(IsoDateEdit.YearSection)
    qtbot.keyClicks(field, typed)
    assert field.date().toString("yyyy-MM-dd") == stored


def test_the_go_live_field_takes_a_date_typed_as_it_reads(qtbot, tmp_path):
    from elsdesk.gui.tasks import TaskRunner
    from elsdesk.gui.training_view import TrainingLeadView
    from elsdesk.taxonomy import load_taxonomy

    runner = TaskRunner()
    view = TrainingLeadView(load_taxonomy(), runner, tmp_path / "desk.db")
    qtbot.addWidget(view, before_close_func=lambda w: qtbot.waitUntil(lambda: runner.running() == 0, timeout=30_000))
    view.show()
    view.go_live_edit.setDate(QDate(2026, 12, 12))
    view.go_live_edit.setFocus()
    view.go_live_edit.setSelectedSection(IsoDateEdit.YearSection)
    qtbot.keyClicks(view.go_live_edit, "2026-12-01")
    assert view.go_live_edit.date() == QDate(2026, 12, 1)


def test_tab_in_the_training_bar_follows_the_screen(qtbot, tmp_path):
    """An English-UI tester: Tab went Räkna om → Exportera… → format, while the format stands before Exportera…."""
    from elsdesk.gui.tasks import TaskRunner
    from elsdesk.gui.training_view import TrainingLeadView
    from elsdesk.taxonomy import load_taxonomy

    runner = TaskRunner()
    view = TrainingLeadView(load_taxonomy(), runner, tmp_path / "desk.db")
    qtbot.addWidget(view, before_close_func=lambda w: qtbot.waitUntil(lambda: runner.running() == 0, timeout=30_000))
    order, widget = [], view.recompute_button
    for _step in range(3):
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.NoFocus or widget.parent() is None:
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order == [view.export_format, view.export_button, view.period_button]
