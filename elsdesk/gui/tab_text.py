"""Tab titles drawn whole: Qt's Fusion style (the style on a Linux desktop, the quick start's Debian
machine among them) draws an unselected tab's title two pixels lower inside a text box of the font's
height, so the dots of "Ärenden" and the tail of the g in "Utbildning" were cut off (a tester's
screenshot read "Arenden"). :func:`keep_tab_titles_whole` draws them unshifted."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QTabBar


class _UnshiftedTabTitles(QProxyStyle):
    def pixelMetric(self, metric, option=None, widget=None) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


def keep_tab_titles_whole(bar: QTabBar) -> None:
    """Draw *bar*'s unselected titles where the selected one is, when the application's style is Fusion
    (other styles keep their own look)."""
    if QApplication.style().name().casefold() != "fusion":
        return
    style = _UnshiftedTabTitles(QApplication.style().name())
    style.setParent(bar)  # the bar keeps its style alive
    bar.setStyle(style)
