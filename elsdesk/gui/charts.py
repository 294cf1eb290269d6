"""Qt Charts for the training lead: tickets per module per week, and the top topics' trend."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QLineSeries, QStackedBarSeries, QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from elsdesk.domain import day_label

PALETTE = ("#1d4e6f", "#3a87b5", "#7fb8d8", "#e08e2b", "#c6543c", "#6b8e3d", "#8a63a8", "#c9a227",
           "#4c9a8f", "#b56b8a", "#5d6d7e", "#a3b86c", "#d77a61", "#467fa0", "#9c7b4f", "#2f7d5b",
           "#7a5c99", "#b8860b", "#708090")
TOP_MODULES = 8
TREND_LINE_WIDTH = 2
WEEK_LABEL_POINTS = 7.5
CHART_MIN_HEIGHT = 160  # a small screen's charts give their height to the topic table (a splitter)
TREND_MARKER_SIZE = 5.0  # a dot at each week: a desk's first week is one point, which no line draws


def week_axis_labels(weeks: list[str], day_numbers: dict[str, int | None]) -> list[str]:
    """The x axis's week labels: "v18", with the day since go-live under it ("v18<br>D+18")."""
    labels = []
    for week in weeks:
        short = QCoreApplication.translate("charts", "v%1").replace("%1", week.split("-W")[-1])
        day = day_label(day_numbers.get(week))
        labels.append(f"{short}<br>{day}" if day else short)  # two lines: a narrow bar keeps both (not "v18 (D…")
    return labels


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setPointSize(10)
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.NoAnimation)
    chart.legend().setAlignment(Qt.AlignRight)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(4)
    return chart


def module_volume_chart(volumes: dict[str, dict[str, int]], module_names: dict[str, str],
                        day_numbers: dict[str, int | None], title: str) -> QChart:
    """Stacked bars: tickets per week, split by the biggest modules (the rest as 'Övriga')."""
    chart = _chart(title)
    weeks = sorted(volumes)
    totals: dict[str, int] = {}
    for counts in volumes.values():
        for module, count in counts.items():
            totals[module] = totals.get(module, 0) + count
    top = [m for m, _ in sorted(totals.items(), key=lambda kv: -kv[1]) if m][:TOP_MODULES]
    series = QStackedBarSeries()
    for index, module in enumerate(top + ["*"]):
        name = module_names.get(module, module) if module != "*" else QCoreApplication.translate("charts", "Övriga")
        bar = QBarSet(name)
        bar.setColor(QColor(PALETTE[index % len(PALETTE)] if module != "*" else "#b9c2cc"))
        for week in weeks:
            counts = volumes[week]
            value = counts.get(module, 0) if module != "*" else sum(c for m, c in counts.items() if m not in top)
            bar.append(value)
        series.append(bar)
    chart.addSeries(series)
    axis_x = week_axis(week_axis_labels(weeks, day_numbers))
    axis_y = count_axis(max((sum(counts.values()) for counts in volumes.values()), default=0))
    chart.addAxis(axis_x, Qt.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return chart


def topic_trend_chart(history: dict[str, dict[str, int]], labels: dict[str, str], weeks: list[str],
                      day_numbers: dict[str, int | None], title: str) -> QChart:
    """One line per top topic: tickets per week, each week's count a dot on it."""
    chart = _chart(title)
    axis_x = week_axis(week_axis_labels(weeks, {}))
    highest = max((n for counts in history.values() for week, n in counts.items() if week in weeks), default=0)
    axis_y = count_axis(highest)
    chart.addAxis(axis_x, Qt.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignLeft)
    for index, (topic_id, counts) in enumerate(history.items()):
        line = _trend_line(labels.get(topic_id, topic_id)[:40], QColor(PALETTE[index % len(PALETTE)]))
        for position, week in enumerate(weeks):
            line.append(position, counts.get(week, 0))
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    return chart


def _trend_line(name: str, colour: QColor) -> QLineSeries:
    """A line with a dot at every point, so that a topic with a single week (a desk's first week)
    still shows where it is; without dots Qt draws a one-point line as nothing."""
    line = QLineSeries()
    line.setName(name)
    pen = QPen(colour)
    pen.setWidth(TREND_LINE_WIDTH)
    line.setPen(pen)
    line.setPointsVisible(True)
    line.setMarkerSize(TREND_MARKER_SIZE)
    return line


def week_axis(labels: list[str]) -> QBarCategoryAxis:
    """The weeks along the bottom, in a smaller font: a narrow chart (1024 px) showed "v…" for "v18"."""
    axis = QBarCategoryAxis()
    axis.append(labels)
    font = axis.labelsFont()
    font.setPointSizeF(WEEK_LABEL_POINTS)
    axis.setLabelsFont(font)
    return axis


def count_axis(highest: int) -> QValueAxis:
    """A y axis of ticket counts: whole numbers from 0 to a round number above *highest*, a tick and
    a label at each step (Qt's default five ticks over 0–3 read "0, 0, 1, 2, 3")."""
    from elsdesk.export.html import nice_step

    step = nice_step(highest)
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, step * (highest // step + 1))
    axis.setTickType(QValueAxis.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    return axis


def chart_view(chart: QChart) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.Antialiasing)
    view.setMinimumHeight(CHART_MIN_HEIGHT)
    return view
