"""The Incidenter menu (issue 13): a confirmed or dismissed incident stays listed with its tickets,
"Visa ärendena tillsammans" switches to the Ärenden tab and names the filter, and the list's
tooltip names the incident instead of its number."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_gui_wiring import close, make, seed
from elsdesk.gui.ticket_table_model import COLUMNS


def _menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


def _incident_window(qtbot, db_path, tmp_path):
    seed(db_path, burst=True)
    window = make(db_path, tmp_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20000)  # start-up work; no model needed here
    window.scan_incidents()
    qtbot.waitUntil(lambda: window.open_incidents != [] and window.runner.running() == 0, timeout=20000)
    return window


def _submenu(window, incident):
    window._fill_incidents_menu()
    return next(a.menu() for a in window.incidents_menu.actions() if a.menu() and incident.label in a.text())


def test_a_confirmed_incident_stays_listed_and_its_tickets_can_be_shown(qtbot, db_path, tmp_path):
    window = _incident_window(qtbot, db_path, tmp_path)
    incident = window.open_incidents[0]
    window.tabs.setCurrentIndex(window.training_tab)

    window.set_incident_status(incident.id, "confirmed")
    qtbot.waitUntil(lambda: window.open_incidents == [] and window.runner.running() == 0, timeout=20000)

    assert [(i.id, i.status) for i in window.incidents] == [(incident.id, "confirmed")]
    window._fill_incidents_menu()
    assert "Bekräftade incidenter" in _menu_texts(window.incidents_menu)
    actions = _menu_texts(_submenu(window, incident))
    assert actions == ["Visa ärendena tillsammans", "Avfärda", "Öppna igen"]

    show = next(a for a in _submenu(window, incident).actions() if a.text() == "Visa ärendena tillsammans")
    show.trigger()
    # Wait for the incident's own list, not the first load: on a shared desk the change notice of the
    # confirmation may reload the unfiltered list in between.
    qtbot.waitUntil(lambda: window.list_view.filter.ids is not None and not window.list_view.is_loading()
                    and window.runner.running() == 0, timeout=20000)
    assert window.tabs.currentIndex() == window.tickets_tab, "switches to the list it filters"
    assert len(window.model.ids()) == incident.ticket_count
    chip = window.filter_bar.only_chip
    assert not chip.isHidden() and incident.label[:20] in chip.text()
    column = COLUMNS.index("title")
    tooltip = window.model.data(window.model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("Bekräftad incident: ") and str(incident.id) not in tooltip.split(":")[0]

    with qtbot.waitSignal(window.list_view.loaded, timeout=20000):
        chip.click()
    assert chip.isHidden() and window.list_view.filter.ids is None
    close(qtbot, window)


def test_a_dismissed_incident_is_listed_under_its_own_heading_and_can_be_reopened(qtbot, db_path, tmp_path):
    window = _incident_window(qtbot, db_path, tmp_path)
    incident = window.open_incidents[0]

    window.set_incident_status(incident.id, "dismissed")
    qtbot.waitUntil(lambda: window.open_incidents == [] and window.runner.running() == 0, timeout=20000)
    window._fill_incidents_menu()
    texts = _menu_texts(window.incidents_menu)
    assert "Avfärdade" in texts and "Möjliga incidenter" not in texts
    assert _menu_texts(_submenu(window, incident)) == ["Visa ärendena tillsammans", "Bekräfta incident", "Öppna igen"]
    assert not window.model._incidents, "a dismissed incident no longer marks its tickets"

    reopen = next(a for a in _submenu(window, incident).actions() if a.text() == "Öppna igen")
    reopen.trigger()
    qtbot.waitUntil(lambda: [i.id for i in window.open_incidents] == [incident.id] and window.runner.running() == 0,
                    timeout=20000)
    close(qtbot, window)
