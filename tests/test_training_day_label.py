"""The Utbildning tab's day label ("D+16 · 11 ärenden · 3 återkommande ämnen", above the charts) was cut
mid-word below about 1000 px ("· 3 återkomm" at 900 px, "· 3 å" at the tab's narrowest). It now ends with
"…" after a whole part, the whole text in its tooltip, and shows all of it when there is room."""

from __future__ import annotations

import pytest

from elsdesk.gui.window_layout import ELLIPSIS, PART_SEPARATOR
from test_gui_period_export import view as loaded_view  # noqa: F401 - the tab on a three-week desk, showing 2027-W12


@pytest.fixture
def view(qtbot, loaded_view):  # noqa: F811 - the fixture imported above, shown on screen
    loaded_view.show()
    qtbot.waitExposed(loaded_view)
    return loaded_view


def _at_width(view, width: int):
    view.resize(width, 700)
    view.layout().activate()
    return view.day_label


def test_the_day_label_is_whole_when_the_tab_is_wide(view):
    label = _at_width(view, 1280)
    assert label.text() == "D+16 · 11 ärenden · 3 återkommande ämnen"
    assert label.shown_text() == label.text()


@pytest.mark.parametrize("width", [900, 800])
def test_a_narrow_tab_cuts_the_day_label_after_a_whole_part_with_an_ellipsis(view, width):
    label = _at_width(view, width)
    whole = label.text()
    parts = whole.split(PART_SEPARATOR)
    shown = label.shown_text()
    assert shown != whole and shown.endswith(" " + ELLIPSIS)
    kept = shown[: -len(" " + ELLIPSIS)]
    assert kept in [PART_SEPARATOR.join(parts[:count]) for count in range(1, len(parts))]  # no cut word
    assert kept.startswith(PART_SEPARATOR.join(parts[:2]))  # the day and the tickets stay, even at the narrowest
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    assert label.toolTip() == whole  # at 800 px the tab is shown at its narrowest after the week was loaded
