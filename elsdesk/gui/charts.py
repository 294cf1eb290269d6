"""Qt Charts for the training lead: tickets per module per week, and the top topics' trend.

Qt Charts cuts an axis label that has less than its share of the axis to "…", and a legend taller
than its chart loses its last entries while their colours are still drawn (a 1024 px screen showed
"v…" under every week and bars of modules the legend left out). A :class:`WeekChartView` therefore
fits its chart to its size each time the plot area changes: a label on every week where they fit,
else on every second (third …) week counted back from the newest; as many count labels as fit; and
no more coloured series than the legend has room to name (the smallest modules join "Övriga")."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

from PySide6.QtCharts import (
    QBarSet, QCategoryAxis, QChart, QChartView, QLineSeries, QStackedBarSeries, QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsTextItem

from elsdesk.domain import day_label

PALETTE = ("#1d4e6f", "#3a87b5", "#7fb8d8", "#e08e2b", "#c6543c", "#6b8e3d", "#8a63a8", "#c9a227",
           "#4c9a8f", "#b56b8a", "#5d6d7e", "#a3b86c", "#d77a61", "#467fa0", "#9c7b4f", "#2f7d5b",
           "#7a5c99", "#b8860b", "#708090")
OTHERS_COLOUR = "#b9c2cc"
TOP_MODULES = 8
TREND_LINE_WIDTH = 2
WEEK_LABEL_POINTS = 7.5
CHART_MIN_HEIGHT = 160  # a small screen's charts give their height to the topic table (a splitter)
TREND_MARKER_SIZE = 5.0  # a dot at each week: a desk's first week is one point, which no line draws
# As Qt Charts measures (ChartPresenter, ChartAxisElement, LegendMarkerItem): a label is rich text with a
# half-pixel margin and 4 px of padding on either side; a legend entry is its text line with 4 px above
# and below; entries that overflow the legend start 9 px from its top (fewer are centred).
LABEL_TEXT_MARGIN = 0.5
LABEL_PADDING = 4.0
LEGEND_ENTRY_MARGIN = 4.0
LEGEND_INSET = 9.0


def week_axis_labels(weeks: list[str], day_numbers: dict[str, int | None]) -> list[str]:
    """The x axis's week labels: "v18", with the day since go-live under it ("v18<br>D+18"); a week number that
    the axis holds in two years says its year ("v53 ’20", "v53 ’26"): Qt's category axis keeps one label per
    text, so the newest weeks of a desk with a week of an earlier year lost theirs (a calendar tester)."""
    numbers = Counter(week.split("-W")[-1] for week in set(weeks))
    labels = []
    for week in weeks:
        year, number = week.split("-W")
        short = QCoreApplication.translate("charts", "v%1").replace("%1", number)
        if numbers[number] > 1:
            short = f"{short} ’{year[-2:]}"
        day = day_label(day_numbers.get(week))
        labels.append(f"{short}<br>{day}" if day else short)  # two lines: a narrow bar keeps both (not "v18 (D…")
    return labels


def label_size(font: QFont, text: str):
    """The size (QSizeF) Qt Charts gives an axis label of *text* (which may hold "<br>")."""
    item = QGraphicsTextItem()
    item.document().setDocumentMargin(LABEL_TEXT_MARGIN)
    item.setFont(font)
    item.setHtml(text)
    return item.boundingRect().size()


def labels_fit(room: float, slots: int, size: float) -> bool:
    """Whether a label *size* px long (along the axis) stays whole where Qt Charts splits *room* px of
    axis into *slots* equal shares, each less the padding on both sides (half a pixel spare)."""
    return slots > 0 and room / slots - 2 * LABEL_PADDING >= size + 0.5


def value_labels_fit(plot_area, labels: int, height: float) -> bool:
    """Whether *labels* labels of *height* px on a left axis of a chart whose plot is *plot_area* stay whole
    and apart: each a line's height plus 2 px from the next, and within the share of the axis Qt Charts
    gives it, the axis being as tall as the plot's bottom edge is from the chart's top (a lower bound: Qt
    measures to the bottom of the axis labels under the plot)."""
    apart = labels < 2 or plot_area.height() / (labels - 1) >= height + 2
    return apart and labels_fit(plot_area.bottom(), labels, height)


def week_label_step(labels: list[str], font: QFont, room: float) -> int:
    """Every how many weeks a label goes so that each stays whole in *room* px: 1 where all fit."""
    if not labels:
        return 1
    widest = max(label_size(font, label).width() for label in labels)
    for step in range(1, len(labels)):
        if labels_fit(room, math.ceil(len(labels) / step) + 1, widest):  # the axis's start is a slot too
            return step
    return len(labels)


def show_week_labels(axis: QCategoryAxis, labels: list[str], step: int) -> None:
    """Label every *step*-th week of *axis*, counted back from the newest (which always has its label)."""
    for old in axis.categoriesLabels():
        axis.remove(old)
    last = len(labels) - 1
    for position, label in enumerate(labels):
        if (last - position) % step == 0:
            axis.append(label, position)


def week_axis(labels: list[str]) -> QCategoryAxis:
    """The weeks along the bottom, one position per week (0, 1, …), each label under its week, in a
    smaller font: a narrow chart (1024 px) showed "v…" for "v18". A category axis, not a bar category
    axis: Qt Charts gives each label the room of one week there, so leaving every other label out would
    not let the rest grow."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPositionOnValue)
    axis.setStartValue(-0.5)
    axis.setRange(-0.5, max(len(labels), 1) - 0.5)
    font = axis.labelsFont()
    font.setPointSizeF(WEEK_LABEL_POINTS)
    axis.setLabelsFont(font)
    show_week_labels(axis, labels, 1)
    return axis


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


def _module_order(volumes: dict[str, dict[str, int]]) -> list[str]:
    totals: dict[str, int] = {}
    for counts in volumes.values():
        for module, count in counts.items():
            totals[module] = totals.get(module, 0) + count
    return [m for m, _ in sorted(totals.items(), key=lambda kv: -kv[1]) if m]


def fill_module_bars(series: QStackedBarSeries, volumes: dict[str, dict[str, int]], module_names: dict[str, str],
                     top: int) -> None:
    """*series* as one bar set per module, the *top* biggest by name and the rest as one 'Övriga' set
    (none when no module is left over); the same colour for a module whatever *top* is."""
    series.clear()
    weeks = sorted(volumes)
    order = _module_order(volumes)
    named = order[:max(top, 0)]
    others = any(counts.get(m, 0) for counts in volumes.values() for m in counts if m not in named)
    for index, module in enumerate(named + (["*"] if others else [])):
        name = module_names.get(module, module) if module != "*" else QCoreApplication.translate("charts", "Övriga")
        bar = QBarSet(name)
        bar.setColor(QColor(PALETTE[index % len(PALETTE)] if module != "*" else OTHERS_COLOUR))
        for week in weeks:
            counts = volumes[week]
            bar.append(counts.get(module, 0) if module != "*" else sum(c for m, c in counts.items() if m not in named))
        series.append(bar)


def module_volume_chart(volumes: dict[str, dict[str, int]], module_names: dict[str, str],
                        day_numbers: dict[str, int | None], title: str, top: int = TOP_MODULES) -> QChart:
    """Stacked bars: tickets per week, split by the biggest modules (the rest as 'Övriga')."""
    chart = _chart(title)
    weeks = sorted(volumes)
    series = QStackedBarSeries()
    fill_module_bars(series, volumes, module_names, top)
    chart.addSeries(series)
    axis_x = week_axis(week_axis_labels(weeks, day_numbers))
    axis_x.setGridLineVisible(False)  # a line through the middle of every labelled bar says nothing
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


def count_axis(highest: int, ticks: int = 4) -> QValueAxis:
    """A y axis of ticket counts: whole numbers from 0 to a round number above *highest*, a tick and
    a label at each step (Qt's default five ticks over 0–3 read "0, 0, 1, 2, 3"); about *ticks* steps."""
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setTickType(QValueAxis.TicksDynamic)
    axis.setTickAnchor(0)
    step, top = count_steps(highest, ticks)
    axis.setRange(0, top)
    axis.setTickInterval(step)
    return axis


def count_steps(highest: int, ticks: int) -> tuple[int, int]:
    """(step, top) of a count axis with about *ticks* whole steps from 0 to above *highest*."""
    from elsdesk.export.html import nice_step

    step = nice_step(highest, ticks)
    return step, step * (highest // step + 1)


def fit_count_axis(axis: QValueAxis, highest: int, plot_area) -> None:
    """As many count labels as stay whole beside *plot_area*: about four steps, else three, two or one."""
    height = label_size(axis.labelsFont(), "0").height()
    for ticks in (4, 3, 2, 1):
        step, top = count_steps(highest, ticks)
        if value_labels_fit(plot_area, top // step + 1, height):
            break
    if (axis.tickInterval(), axis.max()) != (step, top):
        axis.setRange(0, top)
        axis.setTickInterval(step)


def legend_room(chart: QChart) -> int:
    """How many entries the chart's legend (on its right) shows whole at its present height."""
    legend = chart.legend()
    entry = QFontMetricsF(legend.font()).height() + 2 * LEGEND_ENTRY_MARGIN
    return max(1, int((legend.geometry().height() - LEGEND_INSET - 1) // entry))


class WeekChartView(QChartView):
    """A chart over weeks that keeps its texts whole as it is resized (see the module docstring).
    *fit_legend* is called with how many legend entries fit, to draw no more series than that."""

    def __init__(self, chart: QChart, fit_legend: Callable[[int], None] | None = None, highest: int | None = None):
        super().__init__(chart)
        self.setRenderHint(QPainter.Antialiasing)
        self.setMinimumHeight(CHART_MIN_HEIGHT)
        horizontal, vertical = chart.axes(Qt.Horizontal), chart.axes(Qt.Vertical)
        self.week_axis = horizontal[0] if horizontal and isinstance(horizontal[0], QCategoryAxis) else None
        self.count_axis = vertical[0] if vertical and isinstance(vertical[0], QValueAxis) else None
        self.week_labels = list(self.week_axis.categoriesLabels()) if self.week_axis is not None else []
        self.highest = highest  # the count the y axis must reach; None: the axis is left as it is
        self._fit_legend = fit_legend
        self._legend_entries: int | None = None
        self._step = 1
        # after the layout that changed the plot area, not inside it
        chart.plotAreaChanged.connect(self.fit_to_size, Qt.QueuedConnection)

    def fit_to_size(self, *_args) -> None:
        chart = self.chart()
        area = chart.plotArea()
        if area.width() <= 0 or area.height() <= 0:
            return
        if self._fit_legend is not None:
            entries = legend_room(chart)
            if entries != self._legend_entries:
                self._legend_entries = entries
                self._fit_legend(entries)
        if self.week_axis is not None:
            step = week_label_step(self.week_labels, self.week_axis.labelsFont(), area.width())
            if step != self._step:
                self._step = step
                show_week_labels(self.week_axis, self.week_labels, step)
        if self.count_axis is not None and self.highest is not None:
            fit_count_axis(self.count_axis, self.highest, area)


def chart_view(chart: QChart, fit_legend: Callable[[int], None] | None = None) -> WeekChartView:
    return WeekChartView(chart, fit_legend)


def module_volume_view(volumes: dict[str, dict[str, int]], module_names: dict[str, str],
                       day_numbers: dict[str, int | None], title: str) -> WeekChartView:
    """The module chart in a view that names every colour it draws: where the legend has room for fewer
    entries than the modules (at most TOP_MODULES) and 'Övriga', the smallest named modules join 'Övriga'."""
    chart = module_volume_chart(volumes, module_names, day_numbers, title)
    series = chart.series()[0]
    modules = len(_module_order(volumes))
    shown: list[int] = []

    def fit_legend(entries: int) -> None:
        if modules <= min(entries, TOP_MODULES):
            top = modules  # every module by name, no 'Övriga'
        else:
            top = max(1, min(TOP_MODULES, entries - 1))  # one entry is for 'Övriga'
        if shown != [top]:
            shown[:] = [top]
            fill_module_bars(series, volumes, module_names, top)

    highest = max((sum(counts.values()) for counts in volumes.values()), default=0)
    return WeekChartView(chart, fit_legend, highest)


def topic_trend_view(history: dict[str, dict[str, int]], labels: dict[str, str], weeks: list[str],
                     title: str) -> WeekChartView:
    """The trend chart in a view that draws no more topics (biggest first) than its legend names."""
    chart = topic_trend_chart(history, labels, weeks, {}, title)
    highest = max((n for counts in history.values() for week, n in counts.items() if week in weeks), default=0)

    def fit_legend(entries: int) -> None:
        for index, line in enumerate(chart.series()):
            line.setVisible(index < entries)

    return WeekChartView(chart, fit_legend, highest)
