"""The Utbildning tab's pane shows the topic a click chose (a tester's held-out week): on a mouse press Qt
moves the current row before the selection, so the pane showed the topic selected before the click, and a
training lead read another topic's examples, audience and tickets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_gui_training_problems import _select, view  # noqa: F401 - the Utbildning view of a week with two topics


def test_a_click_on_a_topic_shows_that_topic_in_the_pane(view, qtbot):  # noqa: F811
    topics = view.overview.report["topics"]
    assert len(topics) >= 2
    _select(view, topics[0]["id"])
    view.show()
    qtbot.waitExposed(view)
    for row in (1, 0, 1):
        rect = view.table.visualRect(view.table.model().index(row, 1))
        qtbot.mouseClick(view.table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
        shown = view.selected_topics()
        assert [t["id"] for t in shown] == [topics[row]["id"]]
        assert view.examples.toPlainText().startswith(shown[0]["label"]), view.examples.toPlainText()[:80]
