"""LearningCurveView: one measure throughout, the share of new confirmed tickets whose module the
model got right (tickets it was not trained on), per model version against the confirmed labels it
learnt from, each with its 95% range; below it the last training's comparison in words. With no
point yet, no chart: a sentence says why.

The percentage axis labels every 10 % where the chart is tall enough, else every 20, 25 or 50 %: Qt Charts
cuts a label with too little height to "…", which a two-paragraph comparison below the chart did to
every label of the 0–100 scale."""

from __future__ import annotations

import math

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from elsdesk.gui.charts import label_size, value_labels_fit
from elsdesk.gui.model_words import comparison_text
from elsdesk.gui.review_card import no_break_percent
from elsdesk.services.learning_curve import CurvePoint, TrainingComparison, last_training, learning_curve

CHART_MIN_HEIGHT = 220  # a long comparison below still fits the 480 px dialog (the labels go every 20 % there)
PERCENT_STEPS = (10, 20, 25, 50, 100)  # a label on every step of the y axis: the finest that stays whole


class LearningCurveView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.points: list[CurvePoint] = []
        self.comparison: TrainingComparison | None = None
        self.ranges: list[QLineSeries] = []
        self.chart = QChart()
        self.chart.setTitle(self.tr("Andel rätt modul på nya bekräftade ärenden"))
        self.chart.legend().setVisible(False)
        self.line = QLineSeries()
        self.dots = QScatterSeries()
        self.dots.setMarkerSize(9)
        for series in (self.line, self.dots):
            self.chart.addSeries(series)
        self.x_axis = QValueAxis()
        self.x_axis.setTitleText(self.tr("Bekräftade etiketter som modellen lärt sig av"))
        self.x_axis.setLabelFormat("%d")
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText(self.tr("Rätt modul (%)"))
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setRange(0, 100)
        self.y_axis.setTickType(QValueAxis.TicksDynamic)
        self.y_axis.setTickAnchor(0)
        self.y_axis.setTickInterval(PERCENT_STEPS[0])
        self.chart.addAxis(self.x_axis, Qt.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignLeft)
        for series in (self.line, self.dots):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart.plotAreaChanged.connect(self._fit_percent_labels, Qt.QueuedConnection)  # after the layout
        self.summary = QLabel(self)
        self.summary.setObjectName("learningSummary")
        self.summary.setWordWrap(True)
        self.empty_note = QLabel(self)
        self.empty_note.setWordWrap(True)
        note = QLabel(no_break_percent(self.tr(
            "Varje punkt är en modellversion mätt på de nyaste bekräftade ärendena som den inte tränats på (nästan "
            "likadana ärenden borträknade); strecket visar osäkerheten (95 %). Den levererade modellen syns när den "
            "första omträningen mätt den på deskens egna ärenden.")), self)
        note.setObjectName("shortcutHint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart_view, 1)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        layout.addStretch(0)  # takes the height the hidden chart leaves (no points): the words stay together at the top
        self.show_curve([], None)

    def set_cards(self, cards: list[dict]) -> None:
        """Draw the curve from the desk's model cards (``DeskModelStore(database).versions()``)."""
        self.show_curve(learning_curve(cards), last_training(cards))

    def show_curve(self, points: list[CurvePoint], comparison: TrainingComparison | None) -> None:
        self.points, self.comparison = list(points), comparison
        self.line.clear()
        self.dots.clear()
        for series in self.ranges:
            self.chart.removeSeries(series)
        self.ranges = []
        for point in self.points:
            self.line.append(point.confirmed, point.accuracy * 100)
            self.dots.append(point.confirmed, point.accuracy * 100)
            bar = QLineSeries()
            bar.append(point.confirmed, point.low * 100)
            bar.append(point.confirmed, point.high * 100)
            self.chart.addSeries(bar)
            bar.attachAxis(self.x_axis)
            bar.attachAxis(self.y_axis)
            bar.setColor(self.line.color())
            self.ranges.append(bar)
        top = max([p.confirmed for p in self.points] + [10])
        self.x_axis.setRange(0, top * 1.05)
        self.x_axis.applyNiceNumbers()
        bottom = max(0, int(min(p.low for p in self.points) * 10) * 10 - 10) if self.points else 0
        self.y_axis.setRange(bottom, 100)
        self._fit_percent_labels()
        # no points: the words say why instead of an empty pair of axes (a retrain opened one that looked broken)
        self.chart_view.setVisible(bool(self.points))
        self.empty_note.setVisible(not self.points)
        self.empty_note.setText(self.tr("Ingen punkt ännu: kurvan får sin första punkt när en omträning haft "
                                        "tillräckligt många nya bekräftade ärenden att mäta på."))
        self.summary.setText(no_break_percent(comparison_text(self.comparison)))

    def percent_step(self, plot_area) -> int:
        """The finest of PERCENT_STEPS whose labels stay whole beside *plot_area*."""
        bottom = int(self.y_axis.min())
        height = label_size(self.y_axis.labelsFont(), "100").height()
        for step in PERCENT_STEPS:
            labels = 100 // step - math.ceil(bottom / step) + 1  # the multiples of step from bottom to 100
            if value_labels_fit(plot_area, labels, height):
                return step
        return PERCENT_STEPS[-1]

    def _fit_percent_labels(self, *_args) -> None:
        area = self.chart.plotArea()
        if area.height() <= 0:
            return
        step = self.percent_step(area)
        if self.y_axis.tickInterval() != step:
            self.y_axis.setTickInterval(step)
