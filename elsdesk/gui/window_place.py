"""WindowPlaceMixin: where the person was when the window closed (the tab, the ticket they chose, the
Utbildning tab's week and topic), kept in QSettings and given back at the next start on the same desk
(a tester: the app reopened on the Ärenden tab's first row every time, and a training lead chose her
week and topic again each morning).

Nothing of it is read before the first rows are on screen: the place is given back with the views
the start builds after them. A place that is gone (a ticket deleted, a week whose tickets went with
the demo data, a tab the profile no longer shows) leaves the window as a first start opens it. Who
closed on the newest week gets the newest week again, not the week that was newest then."""

from __future__ import annotations

from PySide6.QtCore import QSettings

PLACE_KEY = "place/"
NEWEST_WEEK = ""  # kept for whoever closed on the newest week: the newest one at the next start
TICKETS, TRAINING, REVIEW = "tickets", "training", "review"


class WindowPlaceMixin:
    """Mixed into MainWindow; uses its settings, tabs, list_view, review_view and training view."""

    settings: QSettings

    def _desk_of_place(self) -> str:
        """The desk a kept place belongs to: another desk's ticket ids and weeks are not this one's."""
        return self.database.describe()

    def _tab_name(self) -> str:
        if self.review_view is not None and self.tabs.currentWidget() is self.review_view:
            return REVIEW
        return TRAINING if self.tabs.currentIndex() == self.training_tab else TICKETS

    def _save_place(self) -> None:
        values = {"desk": self._desk_of_place(), "tab": self._tab_name(),
                  "ticket": self.list_view.chosen_ticket_id() or 0, "week": None, "topic": ""}
        view = self._training_view
        if view is not None and view.overview is not None and view.overview.week:
            weeks = view.overview.weeks
            values["week"] = NEWEST_WEEK if weeks and view.overview.week == weeks[-1] else view.overview.week
            values["topic"] = view.current_topic_id() or ""
        for key, value in values.items():
            if value is None:
                self.settings.remove(PLACE_KEY + key)
            else:
                self.settings.setValue(PLACE_KEY + key, value)

    def _restore_place(self) -> None:
        """Give the kept place back (called once, when the views the first rows did not need are built)."""
        if str(self.settings.value(PLACE_KEY + "desk") or "") != self._desk_of_place():
            return
        ticket = int(self.settings.value(PLACE_KEY + "ticket") or 0)
        if ticket:
            self.list_view.choose_when_listed(ticket)
        tab = str(self.settings.value(PLACE_KEY + "tab") or TICKETS)
        if tab == REVIEW and self.review_view is not None:
            self.tabs.setCurrentWidget(self.review_view)
        elif tab == TRAINING and self.tabs.isTabVisible(self.training_tab):
            week = self.settings.value(PLACE_KEY + "week")
            if week is not None:  # loaded before the tab shows, so that showing it loads no other week
                self.training_view.load(str(week) or None, select=str(self.settings.value(PLACE_KEY + "topic") or "") or None,
                                        or_newest=True)
            self.tabs.setCurrentIndex(self.training_tab)
