"""WindowLayoutMixin: the main window's size, its splitters and the ticket list's columns, kept in
QSettings between starts (issue 13: they were lost at every restart). A first start gets a size
that fits the screen. A view built after the window restores its own splitters when it is built.

Small screens (1024 px, or 125 % scaling): the status bar's texts are shortened between whole parts,
never inside a number, with the whole text in a tooltip (ElidedLabel, ElidingStatusBar)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSplitter, QStatusBar, QWidget

from elsdesk.lazy_regex import lazy_compile

# QStyle, QStyleOption and QSizePolicy are imported where a shortened text or a message needs them: PySide6
# builds a class's Python enums when the class is first imported, ~5 ms for these before the first paint (issue 14)

QWIDGETSIZE_MAX = (1 << 24) - 1

DEFAULT_SIZE = (1600, 940)  # at first start, made smaller on a small screen
LAYOUT_KEY = "layout/"
RESTORED_PROPERTY = "elsdeskRestored"  # set on a splitter given its kept position (a view then keeps its default away)


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
            self.list_view.restore_columns(columns)
        self.list_view.make_room_for_title()

    def _restore_splitters(self, within=None) -> None:
        """The kept splitter positions, of every splitter or of those inside *within* (a view built
        after the window, such as the Utbildning tab's)."""
        for key, splitter in self._splitters().items():
            if within is not None and not within.isAncestorOf(splitter):
                continue
            state = self.settings.value(LAYOUT_KEY + "splitter/" + key)
            if state is not None and splitter.restoreState(state):
                splitter.setProperty(RESTORED_PROPERTY, True)

    def _save_layout(self) -> None:
        self.settings.setValue(LAYOUT_KEY + "geometry", self.saveGeometry())
        for key, splitter in self._splitters().items():
            self.settings.setValue(LAYOUT_KEY + "splitter/" + key, splitter.saveState())
        self.settings.setValue(LAYOUT_KEY + "ticket_columns", self.list_view.horizontalHeader().saveState())
        self.settings.sync()


# -- texts that fit a small screen ------------------------------------------------------------
PART_SEPARATOR = " · "
ELLIPSIS = "…"
# a word, or a number with its thousands groups ("1 006"): never cut in two
_WORD_OR_NUMBER = lazy_compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\S+")
MESSAGE_SHARE = 0.6  # of the status bar a temporary message may take from the permanent texts
MESSAGE_MARGIN = 18  # the message's inset on the left and the gap before the permanent widgets
STATUS_GAP = 6  # between two permanent widgets of the status bar (its layout spacing and the widget frame)


def elide_whole_parts(text: str, room: int, width_of) -> str:
    """*text* shortened to fit *room* (pixels, as *width_of* measures a string): whole " · " parts are left
    off at the end, else whole words, and "…" says so; a number is never cut ("Löst: 1 006" stays whole or
    goes), and a parenthesis left open is closed."""
    if width_of(text) <= room:
        return text
    parts = text.split(PART_SEPARATOR)
    for count in range(len(parts) - 1, 0, -1):
        candidate = _closed(PART_SEPARATOR.join(parts[:count]) + " " + ELLIPSIS)
        if width_of(candidate) <= room:
            return candidate
    words = _WORD_OR_NUMBER.findall(parts[0])
    for count in range(len(words) - 1, 0, -1):
        candidate = _closed(" ".join(words[:count]) + " " + ELLIPSIS)
        if width_of(candidate) <= room:
            return candidate
    return ELLIPSIS


def _closed(text: str) -> str:
    return text + ")" * max(0, text.count("(") - text.count(")"))


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, cut between whole parts (never inside a
    number), with the whole text in its tooltip then. text() is always the whole text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._note = ""

    def set_note(self, note: str) -> None:
        """The label's own tooltip (the whole text is put before it while the label shows less)."""
        self._note = note
        self._update_tooltip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._update_tooltip()

    def shown_text(self) -> str:
        """What the label shows at its present width."""
        room = self.contentsRect().width() - 2 * self.margin()
        return elide_whole_parts(self.text(), room, self.fontMetrics().horizontalAdvance)

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), self.fontMetrics().horizontalAdvance("0" * 12 + ELLIPSIS)))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._update_tooltip()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A text set while hidden (a tab not yet shown) gets its tooltip once shown: the resize that came
        with the showing came while the label was not yet visible."""
        super().showEvent(event)
        self._update_tooltip()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.style().drawItemText(painter, self.contentsRect(), int(self.alignment()) | Qt.TextSingleLine,
                                  self.palette(), self.isEnabled(), shown, self.foregroundRole())

    def _update_tooltip(self) -> None:
        cut = self.isVisible() and self.shown_text() != self.text()
        super().setToolTip("\n\n".join(part for part in ((self.text() if cut else ""), self._note) if part))


def _status_width(widget: QWidget) -> int:
    """The width a permanent widget of the status bar takes once laid out."""
    from PySide6.QtWidgets import QSizePolicy

    hinted = max(widget.sizeHint().width(), widget.minimumWidth())
    grows = widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.GrowFlag.value
    return widget.maximumWidth() if grows and widget.maximumWidth() < QWIDGETSIZE_MAX else hinted


class ElidingStatusBar(QStatusBar):
    """A status bar whose temporary message is cut between whole words (never mid-number) when it does not
    fit, the whole message in its tooltip, and which gives a message up to MESSAGE_SHARE of the width
    while it shows: the permanent ElidedLabels give way (they show less and say the rest in a tooltip).
    currentMessage() stays the whole message."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.messageChanged.connect(lambda _message: self.share_room())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.share_room()

    def shown_message(self) -> str:
        """The temporary message as it is painted (shortened when it does not fit)."""
        return elide_whole_parts(self.currentMessage(), self._message_rect().width(),
                                 self.fontMetrics().horizontalAdvance)

    def _elided_labels(self) -> list[ElidedLabel]:
        return [label for label in self.findChildren(ElidedLabel) if label.isVisibleTo(self)]

    def share_room(self) -> None:
        """While a message shows, the permanent ElidedLabels keep what the message leaves them (again when a
        permanent widget appears or goes, e.g. a long task's progress: the message had shrunk to "Den …")."""
        labels = self._elided_labels()
        message = self.currentMessage()
        if not labels:
            return
        if not message:
            for label in labels:
                label.setMaximumWidth(QWIDGETSIZE_MAX)
            return
        # what the other permanent widgets take, and the gap the status bar leaves beside each: a widget that
        # grows (a long task's progress bar) up to its maximum width, the others their size hint
        others = sum(_status_width(w) + STATUS_GAP for w in self.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                     if w.isVisibleTo(self) and w not in labels and not w.isWindow())
        wanted = min(self.fontMetrics().horizontalAdvance(message) + 2 * MESSAGE_MARGIN, int(self.width() * MESSAGE_SHARE))
        room = max(0, self.width() - others - wanted) // len(labels)
        for label in labels:
            label.setMaximumWidth(max(room, label.minimumSizeHint().width()))

    def _message_rect(self):
        """Where Qt paints the temporary message: from the left to the first permanent widget."""
        right = self.width() - 12
        lefts = [w.x() for w in self.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                 if w.isVisible() and not w.isWindow() and w.x() > 0]
        if lefts:
            right = min(right, min(lefts) - 2)
        return self.rect().adjusted(6, 0, right - self.width(), 0)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        message, shown = self.currentMessage(), self.shown_message() if self.currentMessage() else ""
        self.setToolTip(message if shown != message else "")
        if shown == message:
            super().paintEvent(event)
            return
        from PySide6.QtWidgets import QStyle, QStyleOption

        painter = QPainter(self)  # as QStatusBar paints, with the shortened message
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PE_PanelStatusBar, option, painter, self)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self._message_rect(), int(Qt.AlignLeading | Qt.AlignVCenter | Qt.TextSingleLine), shown)
