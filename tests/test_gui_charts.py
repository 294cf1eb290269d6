"""The Utbildning tab's charts count tickets in whole numbers: each labelled tick is a whole count."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("highest, top, step", [(0, 1, 1), (2, 3, 1), (3, 4, 1), (7, 8, 2), (37, 40, 10), (120, 150, 50)])
def test_the_count_axis_has_a_tick_at_every_whole_step(qapp, highest, top, step):
    from elsdesk.gui.charts import count_axis

    axis = count_axis(highest)
    assert (axis.min(), axis.max(), axis.tickInterval(), axis.tickAnchor()) == (0, top, step, 0)
    assert axis.max() > highest and axis.max() % step == 0
