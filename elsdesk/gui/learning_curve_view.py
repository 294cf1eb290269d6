"""LearningCurveView: confirmed labels vs macro-F1 for every model version, and the before/after
numbers of the last training, drawn with Qt Charts from the model cards."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from elsdesk.services.learning_curve import CurvePoint, TrainingComparison, last_training, learning_curve


class LearningCurveView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.points: list[CurvePoint] = []
        self.comparison: TrainingComparison | None = None
        self.chart = QChart()
        self.chart.setTitle(self.tr("Inlärningskurva: bekräftade etiketter och macro-F1"))
        self.chart.legend().setVisible(False)
        self.line = QLineSeries()
        self.dots = QScatterSeries()
        self.dots.setMarkerSize(9)
        for series in (self.line, self.dots):
            self.chart.addSeries(series)
        self.x_axis = QValueAxis()
        self.x_axis.setTitleText(self.tr("Bekräftade etiketter"))
        self.x_axis.setLabelFormat("%d")
        self.y_axis = QValueAxis()
        self.y_axis.setTitleText(self.tr("Macro-F1"))
        self.y_axis.setRange(0.0, 1.0)
        self.chart.addAxis(self.x_axis, Qt.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignLeft)
        for series in (self.line, self.dots):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.Antialiasing)
        self.chart_view.setMinimumHeight(260)
        self.summary = QLabel(self)
        self.summary.setObjectName("learningSummary")
        self.summary.setWordWrap(True)
        note = QLabel(self.tr("Den levererade modellen mäts med korsvalidering på grundkorpusen, "
                              "tränade versioner på undanhållna bekräftade ärenden."), self)
        note.setObjectName("shortcutHint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart_view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        self.show_curve([], None)

    def set_cards(self, cards: list[dict]) -> None:
        """Draw the curve from the desk's model cards (``DeskModelStore(database).versions()``)."""
        self.show_curve(learning_curve(cards), last_training(cards))

    def show_curve(self, points: list[CurvePoint], comparison: TrainingComparison | None) -> None:
        self.points, self.comparison = list(points), comparison
        self.line.clear()
        self.dots.clear()
        for point in self.points:
            self.line.append(point.confirmed, point.macro_f1)
            self.dots.append(point.confirmed, point.macro_f1)
        top = max([p.confirmed for p in self.points] + [10])
        self.x_axis.setRange(0, top * 1.05)
        low = min([p.macro_f1 for p in self.points] + [1.0])
        self.y_axis.setRange(max(0.0, round(low - 0.1, 1)), 1.0)
        self.summary.setText(self._summary_text())

    def _summary_text(self) -> str:
        c = self.comparison
        if c is None:
            return self.tr("Ingen modell tränad här ännu: bekräfta etiketter i granskningskön och träna om.")
        if c.before is None or c.after is None:
            return self.tr("Senaste träningen (%1) använde %2 bekräftade etiketter; för få för en jämförelse.").replace(
                "%1", c.version).replace("%2", str(c.confirmed))
        verdict = self.tr("bättre") if c.after > c.before else (self.tr("oförändrad") if c.after == c.before else self.tr("sämre"))
        return self.tr("Senaste träningen (%1, %2 bekräftade etiketter): macro-F1 före %3 → efter %4 (%5) "
                       "på %6 undanhållna bekräftade ärenden.").replace("%1", c.version).replace("%2", str(c.confirmed)) \
            .replace("%3", f"{c.before:.3f}").replace("%4", f"{c.after:.3f}").replace("%5", verdict).replace("%6", str(c.held_out))
