"""WindowLayoutMixin: the main window's size, its splitters and the ticket list's columns, kept in
QSettings between starts (issue 13: they were lost at every restart). A first start gets a size
that fits the screen. A view built after the window restores its own splitters when it is built."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter

DEFAULT_SIZE = (1600, 940)  # at first start, made smaller on a small screen
LAYOUT_KEY = "layout/"


class WindowLayoutMixin:
    """Mixed into MainWindow; uses its settings, list_view, ticket_splitter and the views built later."""

    def _splitters(self) -> dict[str, QSplitter]:
        """Every splitter in the window by a stable name (its object name, else its owner's class and
        number). Only the views that hold splitters are searched, the Utbildning tab's first as the
        names have always counted them: searching the whole window wraps every widget, menu and action
        in a Python object, which the start-up cannot afford (issue 14)."""
        views = [view for view in (self._training_view, self.review_view) if view is not None]
        found = [splitter for view in views for splitter in view.findChildren(QSplitter)] + [self.ticket_splitter]
        named: dict[str, QSplitter] = {}
        for splitter in found:
            key = splitter.objectName() or f"{type(splitter.parent()).__name__}_{len(named)}"
            named.setdefault(key, splitter)
        return named

    def _restore_layout(self) -> None:
        geometry = self.settings.value(LAYOUT_KEY + "geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry() if self.screen() else None
            width, height = DEFAULT_SIZE
            if screen is not None and screen.width() > 200:
                width, height = min(width, int(screen.width() * 0.95)), min(height, int(screen.height() * 0.92))
            self.resize(width, height)
        self._restore_splitters()
        columns = self.settings.value(LAYOUT_KEY + "ticket_columns")
        if columns is not None:
            self.list_view.horizontalHeader().restoreState(columns)

    def _restore_splitters(self, within=None) -> None:
        """The kept splitter positions, of every splitter or of those inside *within* (a view built
        after the window, such as the Utbildning tab's)."""
        for key, splitter in self._splitters().items():
            if within is not None and not within.isAncestorOf(splitter):
                continue
            state = self.settings.value(LAYOUT_KEY + "splitter/" + key)
            if state is not None:
                splitter.restoreState(state)

    def _save_layout(self) -> None:
        self.settings.setValue(LAYOUT_KEY + "geometry", self.saveGeometry())
        for key, splitter in self._splitters().items():
            self.settings.setValue(LAYOUT_KEY + "splitter/" + key, splitter.saveState())
        self.settings.setValue(LAYOUT_KEY + "ticket_columns", self.list_view.horizontalHeader().saveState())
        self.settings.sync()
