"""TrainingLeadView: the week's recurring topics, charts since go-live, agenda picking and export.

All data comes from :func:`elsdesk.services.training.training_overview`, computed on a worker;
edits (rename, merge, split, covered, agenda) call the topic services in the background and
reload the week. The "Period…" button starts a period's overview, which
:class:`elsdesk.gui.period_export.PeriodExportController` asks for, makes and reports.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
    QMessageBox, QPushButton, QSizePolicy, QSplitter, QTableWidgetItem, QTextBrowser, QVBoxLayout, QWidget,
)

from elsdesk.domain import Cancelled, ConflictError, day_label, day_number_of_week, parse_week
from elsdesk.gui.charts import module_volume_view, topic_trend_view
from elsdesk.gui.forms import ask_text
from elsdesk.gui.iso_date_edit import IsoDateEdit
from elsdesk.gui.notify import show_error
from elsdesk.gui.period_export import PeriodExportController
from elsdesk.gui.period_export_dialog import PeriodExportProgress
from elsdesk.gui.topic_columns import fit_topic_columns
from elsdesk.gui.topic_table import TopicTable
from elsdesk.gui.window_layout import RESTORED_PROPERTY, ElidedLabel
from elsdesk.region_time import region_today
from elsdesk.services.agenda_rules import HOW_TO, asks_training_day
from elsdesk.taxonomy import Taxonomy

# The Swedish texts below are marked for lupdate and translated with self.tr() when shown.
TREND_NAMES = {
    "new": QT_TRANSLATE_NOOP("TrainingLeadView", "ny"), "rising": QT_TRANSLATE_NOOP("TrainingLeadView", "ökande"),
    "steady": QT_TRANSLATE_NOOP("TrainingLeadView", "stabil"), "falling": QT_TRANSLATE_NOOP("TrainingLeadView", "minskande"),
}
TOPIC_SPLITTER = "TrainingLeadView_0"  # the name its position has always been kept under (WindowLayoutMixin)
CHARTS_SPLITTER = "trainingChartsSplitter"
CHARTS_SHARE = 0.4  # of the view's height the charts take at first (then as the person left the splitter)
TABLE_WANTS = 330  # the height the topic table and its buttons get first on a small screen (about 6 topics)
TREND_MARKS = {"new": "✚", "rising": "▲", "steady": "▬", "falling": "▼"}
EXPORT_FILTERS = {"xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)", "html": QT_TRANSLATE_NOOP("TrainingLeadView", "Webbsida (*.html)"),
                  "md": "Markdown (*.md)", "csv": "CSV (*.csv)"}
# the headings use the export's words for the same columns (elsdesk/export/tables.py), in both languages
COLUMNS = (
    QT_TRANSLATE_NOOP("TrainingLeadView", "På agendan"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Ämne"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Modul"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Typ"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Ärenden"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Föreg. vecka"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Trend"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Veckor i rad"),
    QT_TRANSLATE_NOOP("TrainingLeadView", "Genomgånget"),
)


def ask_before_edit(parent: QWidget, title: str, question: str, confirm_text: str, edit) -> QMessageBox:
    """Ask before an edit that a wrong button press would cost a grouping (merge, split, belongs to a
    known problem, no problem to teach), window-modal; *edit* runs only for the Yes button, named
    *confirm_text*. No ("Avbryt") is the default and the Esc button, so Enter or Esc loses nothing.
    Returns the open box (tests answer it with its buttons)."""
    box = QMessageBox(QMessageBox.Question, title, question, QMessageBox.Yes | QMessageBox.No, parent)
    box.setObjectName("editQuestion")
    box.setTextFormat(Qt.PlainText)  # topic names are shown as written, never as markup
    box.button(QMessageBox.Yes).setText(confirm_text)
    box.button(QMessageBox.No).setText(QCoreApplication.translate("TrainingLeadView", "Avbryt"))
    box.setDefaultButton(QMessageBox.No)
    box.setEscapeButton(QMessageBox.No)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.finished.connect(lambda _result: edit() if box.clickedButton() is box.button(QMessageBox.Yes) else None)
    box.open()
    return box


def default_split(height: int) -> list[int]:
    """The charts' and the topic table's heights at first: CHARTS_SHARE for the charts, less on a small
    screen (1366×768 at 125 %), where the table first gets TABLE_WANTS and the charts what is left, never
    under CHART_MIN_HEIGHT."""
    from elsdesk.gui.charts import CHART_MIN_HEIGHT

    charts = min(int(height * CHARTS_SHARE), max(CHART_MIN_HEIGHT, height - TABLE_WANTS))
    return [charts, max(0, height - charts)]


def _topic_lines(topics: list[dict]) -> str:
    return "\n".join(f"• {topic['label']}" for topic in topics)


class TrainingLeadView(QWidget):
    overview_loaded = Signal(object)
    topics_changed = Signal()
    exported = Signal(str)
    edited = Signal(str)  # what an edit did, in words, once it is stored (for the status bar)

    def __init__(self, taxonomy: Taxonomy, runner, db_path, language: str = "sv", parent=None):
        super().__init__(parent)
        self.actor = "utbildningsansvarig"  # the window sets the person's name
        self.taxonomy = taxonomy
        self.runner = runner
        self.db_path = db_path
        self.language = language
        self.overview = None
        self._task = None
        self._keep_ids: list[str] = []  # the topics to select again after a reload (edits keep the selection)
        self._keep_current: str | None = None  # ... and the one the current row was on
        self._select_after_load: str | None = None  # ... or the one an edit made of it
        self._week_asked: str | None = None  # the week the running load shows (None: the newest)
        self._week_when_hidden: str | None = None  # the week to read again when the tab is next shown
        self._go_live_shown: QDate | None = None  # the go-live date as loaded, or as last saved from the field
        self.week_combo = QComboBox(self)
        self.week_combo.setObjectName("weekCombo")
        self.week_combo.setMinimumContentsLength(9)
        self.go_live_edit = IsoDateEdit(self)
        # a desk without a go-live date (empty, or its demo data removed) says so; the field showed 2000-01-01
        self.go_live_edit.setMinimumDate(QDate(2000, 1, 1))
        self.go_live_edit.setSpecialValueText(self.tr("inte satt"))
        self.day_label = ElidedLabel(self)
        self.day_label.setObjectName("dayLabel")
        # the bar's buttons keep their width on a small screen; the label gives way, shortened between whole
        # parts with "…" ("D+16 · 11 ärenden …", never a cut word), the whole text then in its tooltip
        self.day_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.day_label.setMinimumWidth(self.day_label.fontMetrics().horizontalAdvance("D+120 · 2 134 ärenden …"))
        self.recompute_button = QPushButton(self.tr("Räkna om"), self)
        self.export_button = QPushButton(self.tr("&Exportera…"), self)
        self.export_format = QComboBox(self)
        for fmt, name in self._export_formats():
            self.export_format.addItem(name, fmt)
        self.period_button = QPushButton(self.tr("&Period…"), self)
        self.period_button.setObjectName("periodExportButton")
        self.period_button.setToolTip(self.tr("Exportera en översikt för en period, t.ex. en månad: ärenden per vecka"
                                              " och trend"))
        self.period_progress = PeriodExportProgress(self)
        # Alt+K goes to the week picker (a keyboard tester needed 8× Shift+Tab from the topics); not Alt+V, the
        # Visa menu's, nor Alt+E/Alt+P of the bar's buttons; "Wee&k" keeps the key in English
        self.week_label = QLabel(self.tr("Vec&ka:"), self)
        self.week_label.setBuddy(self.week_combo)
        bar = QHBoxLayout()
        for widget in (self.week_label, self.week_combo, QLabel(self.tr("Go-live:")), self.go_live_edit,
                       self.day_label):
            bar.addWidget(widget)
        bar.setStretchFactor(self.day_label, 1)  # the label takes the room the buttons leave, and gives way first
        for widget in (self.recompute_button, self.export_format, self.export_button, self.period_button):
            bar.addWidget(widget)
        self.table = TopicTable(0, len(COLUMNS), self)
        self.table.setObjectName("topicTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons below; the arrows move between topics
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)  # a long topic is cut with "…" on one line, not wrapped into a clipped second
        self.examples = QTextBrowser(self)
        # words whole, never "Best ällning till bere dnin gen" in a narrow pane (a new user's 925 px window)
        self.examples.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.examples.setMinimumWidth(150)
        actions = QHBoxLayout()
        self.agenda_button = QPushButton(self.tr("Välj/avvälj för agendan (Mellanslag)"), self)
        self.rename_button = QPushButton(self.tr("Byt namn (F2)"), self)
        self.merge_button = QPushButton(self.tr("Slå ihop markerade"), self)
        self.split_button = QPushButton(self.tr("Dela"), self)
        self.covered_button = QPushButton(self.tr("Markera genomgånget idag"), self)
        self.problem_button = QPushButton(self.tr("Lösning och status…"), self)
        self.problem_button.setToolTip(self.tr("Det kända problemets namn, hur man gör tills vidare (står på agendan), "
                                               "status och anteckning (Enter eller dubbelklick på raden)"))
        for button in (self.agenda_button, self.rename_button, self.merge_button, self.split_button, self.covered_button):
            actions.addWidget(button)
        # their keys in the table (the row has no room for them on a 1024 px screen: the tooltips say them)
        self.merge_button.setToolTip(self.tr("Slå ihop de markerade ämnena till ett (Ctrl+M)"))
        self.split_button.setToolTip(self.tr("Dela ämnet i mindre ämnen efter vad ärendena handlar om (Ctrl+D)"))
        self.covered_button.setToolTip(self.tr("Markera att utbildningen gått igenom ämnet, eller ta bort markeringen "
                                               "(Ctrl+G)"))
        actions.addStretch(1)
        proposals = QHBoxLayout()
        proposals.addWidget(self.problem_button)  # a known problem's (the row fits a 1024 px screen)
        proposals.addWidget(QLabel(self.tr("Förslag:"), self))
        self.accept_button = QPushButton(self.tr("Godta som känt problem… (Ctrl+Enter)"), self)
        self.merge_problem_button = QPushButton(self.tr("Hör till ett känt problem…"), self)
        self.reject_button = QPushButton(self.tr("Inget problem att lära ut"), self)
        for button in (self.accept_button, self.merge_problem_button, self.reject_button):
            proposals.addWidget(button)
        proposals.addStretch(1)
        # Tab follows the screen: the bar left to right (the format before Exportera…, as it stands; an English-UI
        # tester found Tab going Räkna om → Exportera… → format), then the table and the buttons under it
        chain = (self.week_combo, self.go_live_edit, self.recompute_button, self.export_format, self.export_button,
                 self.period_button, self.table, self.agenda_button, self.rename_button, self.merge_button,
                 self.split_button, self.covered_button, self.problem_button, self.accept_button, self.merge_problem_button,
                 self.reject_button, self.examples)
        for before, after in zip(chain, chain[1:]):  # Tab from the table reaches the buttons under it first
            QWidget.setTabOrder(before, after)
        self.volume_chart_holder = QVBoxLayout()
        self.trend_chart_holder = QVBoxLayout()
        self.charts_box = QWidget(self)
        charts = QHBoxLayout(self.charts_box)
        charts.setContentsMargins(0, 0, 0, 0)
        charts.addLayout(self.volume_chart_holder, 3)
        charts.addLayout(self.trend_chart_holder, 2)
        lower = QSplitter(Qt.Horizontal, self)
        lower.setObjectName(TOPIC_SPLITTER)
        table_box = QWidget(self)
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table)
        table_layout.addLayout(actions)
        table_layout.addLayout(proposals)
        lower.addWidget(table_box)
        lower.addWidget(self.examples)
        lower.setSizes([820, 380])
        self.charts_splitter = QSplitter(Qt.Vertical, self)  # small screens: the charts give height to the table
        self.charts_splitter.setObjectName(CHARTS_SPLITTER)
        self.charts_splitter.setChildrenCollapsible(False)
        self.charts_splitter.addWidget(self.charts_box)
        self.charts_splitter.addWidget(lower)
        self.charts_splitter.setStretchFactor(0, 2)
        self.charts_splitter.setStretchFactor(1, 3)
        self._split_decided = False  # the charts' share of the height, set once the view's height is known
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.period_progress)
        layout.addWidget(self.charts_splitter, 1)
        self.table.viewport().installEventFilter(self)  # a resized table sizes its columns again (its
        # viewport's resize comes last, with the width the columns share)
        self.week_combo.activated.connect(lambda _i: self.load(self.week_combo.currentData()))
        self.go_live_edit.editingFinished.connect(self._on_go_live_edited)
        self.recompute_button.clicked.connect(lambda: self.load(self.current_week(), recompute=True))
        self.export_button.clicked.connect(self.choose_export)
        self.period_export = PeriodExportController(
            self, runner, db_path, language, button=self.period_button, progress=self.period_progress,
            file_types=EXPORT_FILTERS, formats=self._export_formats, chosen_format=self.export_format.currentData,
            shown_week=self.current_week, weeks_with_tickets=lambda: list(self.overview.weeks) if self.overview else None)
        self.period_export.exported.connect(self.exported)
        self.period_button.clicked.connect(lambda: self.period_export.choose())
        self.table.currentCellChanged.connect(lambda *_: self._show_examples())
        self.table.itemSelectionChanged.connect(self._show_examples)  # a click moves the current row before the selection
        self.agenda_button.clicked.connect(self.toggle_agenda)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(self.split_selected)
        self.covered_button.clicked.connect(self.mark_selected_covered)
        self.problem_button.clicked.connect(self.edit_selected_problem)
        self.table.activated.connect(lambda _index: self.edit_selected_problem())  # Enter or a double click on a row
        self.accept_button.clicked.connect(self.accept_selected)
        self.merge_problem_button.clicked.connect(self.merge_selected_into_problem)
        self.reject_button.clicked.connect(self.reject_selected)
        self.table.currentCellChanged.connect(lambda *_: self._enable_proposal_actions())
        self.table.itemSelectionChanged.connect(self._enable_proposal_actions)  # several selected: the covered button
        from PySide6.QtGui import QKeySequence, QShortcut

        # the topic table's keys work in the table only: window-wide, Space on a focused button (Slå ihop,
        # Markera genomgånget) toggled the agenda instead of pressing it, and F2 in the go-live field renamed;
        # merging, splitting and marking gone through had no keys (a keyboard-only training lead)
        for keys, action in ((QKeySequence(Qt.Key_Space), self.toggle_agenda), (QKeySequence(Qt.Key_F2), self.rename_selected),
                             (QKeySequence("Ctrl+M"), self.merge_selected), (QKeySequence("Ctrl+D"), self.split_selected),
                             (QKeySequence("Ctrl+G"), self.mark_selected_covered),
                             (QKeySequence("Ctrl+Return"), self.accept_selected),
                             (QKeySequence(Qt.CTRL | Qt.KeypadModifier | Qt.Key_Enter), self.accept_selected),
                             (QKeySequence(Qt.CTRL | Qt.Key_Enter), self.accept_selected)):  # the number pad's Enter
            QShortcut(keys, self.table, activated=action, context=Qt.WidgetShortcut)

    # -- loading ---------------------------------------------------------------------------
    def current_week(self) -> str | None:
        return self.overview.week if self.overview else None

    def current_topic_id(self) -> str | None:
        """The id of the topic on the table's current row."""
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.UserRole) if item is not None else None

    def load(self, week: str | None = None, recompute: bool = False, select: str | None = None, or_newest: bool = False):
        """Show *week*'s topics (the newest week without one), worked out in the background; *select* names
        the topic to select once they are shown; with *or_newest* a week the desk no longer holds shows the
        newest week instead (a place kept from before the demo data went)."""
        from elsdesk.services.training import training_overview

        if self._task is not None:
            self._task.cancel()
        self._week_asked = week
        if select is not None:
            self._select_after_load = select
        self.day_label.setText(self.tr("Räknar fram veckans ämnen…"))

        def work(context):
            with context.open_database() as database:
                return training_overview(database, week, recompute=recompute, is_cancelled=context.is_cancelled,
                                         or_newest=or_newest)

        self._task = self.runner.start(work, db_path=self.db_path, on_success=self._on_loaded,
                                       on_failure=self._load_failed, on_finished=self._on_load_finished,
                                       name="training overview")
        return self._task

    def week_to_keep(self) -> str | None:
        """The week a reload after a change of the desk shows: the one on screen (or being loaded, or shown when
        the tab was hidden), or None, the newest, when that is the newest week, so that a lead on the newest week
        follows a newer one. An import moved a training lead working on W46 to W50."""
        from elsdesk.domain import newest_week_so_far

        if self._task is not None:
            return self._week_asked
        if self.overview is None:
            return self._week_when_hidden
        newest = newest_week_so_far(self.overview.weeks, region_today())
        return None if self.overview.week == newest else self.overview.week

    def reload(self):
        """Read the desk again after a change (an import, a saved ticket, another workstation's edit): the week
        on screen stays and its topics refresh (:meth:`week_to_keep`), the selection kept; a week the desk no
        longer holds shows the newest."""
        return self.load(self.week_to_keep(), or_newest=True)

    def reload_when_shown(self) -> None:
        """The desk changed while the tab is hidden: its next showing reads it again (:meth:`reload`, by the
        window), on the same week."""
        if self.overview is not None:
            self._week_when_hidden = self.week_to_keep()
        self.overview = None

    def _on_load_finished(self, task) -> None:
        """The load's result has been shown (its finished signal comes after it): no load runs any more. Until then
        it is still loading, though its thread may be done: a tab shown in between loaded the newest week over the
        week the window reopened on (a test that failed on a loaded machine)."""
        if task is self._task:
            self._task = None

    def _load_failed(self, exc: BaseException) -> None:
        """A load stopped because another week was chosen meanwhile is no error to show."""
        if isinstance(exc, Cancelled):
            return
        show_error(self, exc)

    def is_loading(self) -> bool:
        return self._task is not None

    def _on_loaded(self, overview) -> None:
        same_week = self.overview is not None and overview.week == self.overview.week
        self._keep_ids, self._keep_current = ([], None)
        if same_week:  # every selected topic, by id (Shift/Ctrl picked several), and the current row's topic
            self._keep_ids = [t["id"] for t in self.selected_topics()]
            self._keep_current = self.current_topic_id()
            # a topic that became another (a proposal accepted or merged at another workstation) is followed
            # by its tickets: the selection jumped to the first row, and a key then acted on that one
            self._keep_ids, self._keep_current = _followed(self.overview.report["topics"], overview.report["topics"],
                                                           self._keep_ids, self._keep_current)
        if self._select_after_load:  # an edit's result, or the topic the window closed on
            self._keep_ids, self._keep_current = [self._select_after_load], self._select_after_load
        self._select_after_load = None
        self.overview = overview
        self.week_combo.blockSignals(True)
        self.week_combo.clear()
        for week in reversed(overview.weeks):
            self.week_combo.addItem(week, week)
        self.week_combo.setCurrentIndex(max(self.week_combo.findData(overview.week), 0))
        self.week_combo.blockSignals(False)
        self.go_live_edit.blockSignals(True)
        self.go_live_edit.setDate(QDate(overview.go_live.year, overview.go_live.month, overview.go_live.day)
                                  if overview.go_live else self.go_live_edit.minimumDate())
        self.go_live_edit.blockSignals(False)
        self._go_live_shown = self.go_live_edit.date()  # what the desk holds (or derives): saved only when changed
        day = day_label(overview.day_number) or "–"
        tickets, topics = overview.report["tickets"], len(overview.report["topics"])
        tickets_text = self.tr("1 ärende") if tickets == 1 else self.tr("%1 ärenden").replace("%1", str(tickets))
        topics_text = (self.tr("1 återkommande ämne") if topics == 1
                       else self.tr("%1 återkommande ämnen").replace("%1", str(topics)))
        self.day_label.setText(" · ".join([day, tickets_text, topics_text]))
        self._fill_table()
        self._draw_charts()
        self.overview_loaded.emit(overview)

    def _fill_table(self) -> None:
        topics = self.overview.report["topics"]
        agenda = set(self.overview.agenda_ids)
        picked = any(t.get("on_agenda") for t in topics)  # else the agenda is the machine's proposal
        self.table.setRowCount(len(topics))
        for row, topic in enumerate(topics):
            values = [
                ("✔" if picked else "(✔)") if topic["id"] in agenda else "", topic["label"],
                self.taxonomy.module_name(topic["module"], self.language), self.taxonomy.kind_name(topic["kind"], self.language),
                str(topic["count"]), str(topic["previous_count"]),
                f"{TREND_MARKS.get(topic['trend'], '')} {self.tr(TREND_NAMES.get(topic['trend'], topic['trend']))}",
                str(topic.get("weeks_recurring", 1)), topic.get("covered_on") or "",
            ]
            proposed = topic.get("status") == "proposed"
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, topic["id"])
                if column == 1:
                    font = item.font()
                    font.setItalic(proposed)
                    item.setFont(font)
                    note = (self.tr("Förslag: ingen har ännu sagt vilket känt problem det är") if proposed
                            else self.tr("Känt problem"))
                    item.setToolTip(f"{value}\n\n{note}")  # the whole name: a narrow column cuts it with "…"
                elif column in (2, 3):
                    item.setToolTip(value)
                elif column == 0:
                    item.setToolTip(self._agenda_note(topic, topic["id"] in agenda, picked))
                if column in (0, 4, 5, 7):
                    item.setTextAlignment(Qt.AlignCenter)
                self.table.setItem(row, column, item)
        self.fit_columns()
        if topics:
            self._select_again([t["id"] for t in topics])
        self._show_examples()
        self._enable_proposal_actions()

    def _agenda_note(self, topic: dict, on_agenda: bool, picked: bool) -> str:
        """Why a topic is or is not on the week's agenda (a training lead could not tell the machine's proposal from
        her own picks, nor why the week's largest topic was left out)."""
        if on_agenda and picked:
            return self.tr("Vald för veckans agenda. Mellanslag tar bort den.")
        if on_agenda:
            return self.tr("Föreslagen för veckans agenda: ett handhavande-ämne med minst 3 ärenden. Mellanslag väljer "
                           "bort den; då blir agendan dina val.")
        if picked:
            return self.tr("Inte vald för veckans agenda. Mellanslag väljer den.")
        if topic.get("kind") != HOW_TO:
            return self.tr("Inte föreslagen: typen är %1, och bara handhavande-ämnen föreslås. Mellanslag väljer den "
                           "ändå.").replace("%1", self.taxonomy.kind_name(topic.get("kind"), self.language) or "–")
        return self.tr("Inte föreslagen (för få ärenden, eller redan genomgånget). Mellanslag väljer den ändå.")

    def _select_again(self, ids: list[str]) -> None:
        """After a reload, the same topics selected (by id) and the same one current as before the edit;
        the first topic when none of them is left (a merge, a new week). Explicit selection flags, never
        selectRow: it adds to the selection while Ctrl is held (Ctrl+Enter accepts a proposal)."""
        rows = [ids.index(i) for i in self._keep_ids if i in ids] or [0]
        current = ids.index(self._keep_current) if self._keep_current in ids else rows[0]
        model, selection = self.table.model(), self.table.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(model.index(row, 0), QItemSelectionModel.Select | QItemSelectionModel.Rows)
        selection.setCurrentIndex(model.index(current, 0), QItemSelectionModel.NoUpdate)
        self.table.scrollTo(model.index(current, 0))

    # -- a small screen ---------------------------------------------------------------------
    def fit_columns(self) -> None:
        """Every heading readable and each column as wide as what it holds; the topic takes the rest
        (topic_columns.py says how a short row is shared out)."""
        fit_topic_columns(self.table, [self.tr(c) for c in COLUMNS], topic=COLUMNS.index("Ämne"))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def set_charts_visible(self, shown: bool) -> None:
        """Show the charts, or give the topics the whole height (Visa › Diagram i Utbildning)."""
        self.charts_box.setVisible(shown)

    def charts_visible(self) -> bool:
        return not self.charts_box.isHidden()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._decide_split()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._decide_split()

    def _decide_split(self) -> None:
        """Once, when the view is first on screen with its height: the charts' default share of it, unless
        the window gave the splitter the position the person left it in."""
        if self._split_decided or not self.isVisible() or self.charts_splitter.height() < 2 * 160:
            return
        self._split_decided = True
        if not self.charts_splitter.property(RESTORED_PROPERTY):
            self.charts_splitter.setSizes(default_split(self.charts_splitter.height()))

    def _draw_charts(self) -> None:
        overview = self.overview
        day_numbers = {w: day_number_of_week(w, overview.go_live) for w in overview.volumes}
        names = {m.id: m.name(self.language) for m in self.taxonomy.modules}
        for holder in (self.volume_chart_holder, self.trend_chart_holder):
            while holder.count():
                widget = holder.takeAt(0).widget()
                if widget:
                    widget.deleteLater()
        self.volume_chart_holder.addWidget(module_volume_view(
            overview.volumes, names, day_numbers, self.tr("Ärenden per vecka och modul sedan go-live")))
        labels = {t["id"]: t["label"] for t in overview.report["topics"]}
        weeks = sorted(overview.volumes)[-8:]
        self.trend_chart_holder.addWidget(topic_trend_view(
            overview.topic_history, labels, weeks, self.tr("Största ämnenas utveckling")))

    def _show_examples(self) -> None:
        topic = self.selected_topics()[:1]
        if not topic:
            self.examples.setHtml("")
            return
        topic = topic[0]
        from elsdesk.export.quotes import quotable
        from elsdesk.export.tables import audience_text

        proposal_note = self.tr("Förslag: ingen har ännu sagt vilket känt problem det är")
        how_to, reported_by = self.tr("Så gör man:"), self.tr("Anmäls av:")
        parts = [f"<h3>{escape(topic['label'])}</h3>"]
        # the module and kind whole, for the keyboard too (the table cuts a module with "…" at 1024×700; its tooltip needs a mouse)
        labels = [self.taxonomy.module_name(topic.get("module"), self.language), self.taxonomy.kind_name(topic.get("kind"), self.language)]
        if any(labels):
            parts.append(f"<p>{escape(' · '.join(label for label in labels if label))}</p>")
        if topic.get("status") == "proposed":
            parts.append(f"<p><i>{escape(proposal_note)}</i></p>")
        if topic.get("workaround"):
            parts.append(f"<p><b>{escape(how_to)}</b> {escape(topic['workaround'])}</p>")
        roles = (topic.get("audience") or {}).get("roles") or {}
        audience = audience_text(topic, self.taxonomy.display_names("reporter_roles", roles, self.language),
                                 language=self.language)
        if audience:
            parts.append(f"<p><b>{escape(reported_by)}</b> {escape(audience)}</p>")
        effect = self.overview.effects.get(topic["id"])
        if effect is not None:
            parts.append(self._effect_html(effect))
        parts.append(f"<p>{escape(', '.join(topic['keywords']))}</p>")
        for example in topic["examples"]:
            parts.append(f"<p><b>{escape(example['id'])} · {escape(example['title'])}</b><br>{escape(quotable(example['description'])[:400])}</p>")
        tickets = escape(self.tr("Ärenden"))
        parts.append(f"<p><i>{tickets}: {escape(', '.join(topic['ticket_ids'][:30]))}</i></p>")
        self.examples.setHtml("".join(parts))

    def _effect_html(self, effect) -> str:
        """Tickets per week before and after the training that covered the topic."""
        week_name = self.tr("v%1")  # a week number: v18

        def weeks(side) -> str:
            if not side:
                return escape(self.tr("inga veckor uträknade än"))
            return " · ".join(f"{escape(week_name.replace('%1', str(int(w[-2:]))))}: {n}" for w, n in side)

        def mean(value) -> str:
            return "–" if value is None else QLocale().toString(value, "f", 1)

        heading = self.tr("Effekt av genomgången %1").replace("%1", effect.covered_on)
        before = self.tr("Före (%1 per vecka):").replace("%1", mean(effect.mean_before))
        after = self.tr("Efter (%1 per vecka):").replace("%1", mean(effect.mean_after))
        return (f"<p><b>{escape(heading)}</b><br>{escape(before)} {weeks(effect.before)}"
                f"<br>{escape(after)} {weeks(effect.after)}</p>")

    def selected_topics(self) -> list[dict]:
        if not self.overview:
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        topics = self.overview.report["topics"]
        return [topics[r] for r in rows if r < len(topics)]

    # -- edits -----------------------------------------------------------------------------
    def _edit(self, function, message: str, select=None, said: str | None = None):
        """Run an edit in the background, then read the week again; *select* (given the edit's
        result) names the topic to select afterwards when it is not the selected one (a proposal
        that became a known problem); *said*, what the edit did in words, goes out as :attr:`edited`
        once it is stored (a tester's "Markera genomgånget" and agenda picks said nothing)."""
        week = self.current_week()

        def work(context):
            with context.open_database() as database:
                return function(database)

        def done(result):
            self.topics_changed.emit()
            if said:
                self.edited.emit(said)
            self.load(week, select=select(result) if select is not None else None)

        return self.runner.start(work, db_path=self.db_path, on_success=done,
                                 on_failure=lambda exc: self._edit_failed(exc, week), name=message)

    def _edit_failed(self, exc: BaseException, week: str | None) -> None:
        """Say why an edit failed; when another workstation changed the topic first, show the week as it is now."""
        if not isinstance(exc, ConflictError):
            show_error(self, exc)
            return
        box = QMessageBox(QMessageBox.Information, self.tr("Ändrat på en annan arbetsstation"), str(exc), QMessageBox.Ok, self)
        box.open()
        self.conflict_box = box  # for tests
        self.load(week)

    def toggle_agenda(self):
        from elsdesk.services.topic_edits import change_agenda

        chosen = self.selected_topics()
        if not chosen:
            return None
        agenda = set(self.overview.agenda_ids)
        week = self.overview.week  # a pick is for this week's agenda only

        def apply(database):
            change_agenda(database, week, add=[t["id"] for t in chosen if t["id"] not in agenda],
                          remove=[t["id"] for t in chosen if t["id"] in agenda], proposed=agenda)

        added = [t["label"] for t in chosen if t["id"] not in agenda]
        removed = [t["label"] for t in chosen if t["id"] in agenda]
        said = "; ".join(filter(None, [
            self.tr("På agendan för vecka %1: %2").replace("%1", week).replace("%2", ", ".join(added)) if added else "",
            self.tr("Borttaget från agendan för vecka %1: %2").replace("%1", week).replace("%2", ", ".join(removed)) if removed else ""]))
        return self._edit(apply, "agenda", said=said)

    def rename_selected(self):
        from elsdesk.services.topic_edits import rename_topic

        chosen = self.selected_topics()[:1]
        if not chosen:
            return None
        label, ok = ask_text(self, self.tr("Byt namn på ämne"), self.tr("Nytt namn:"), chosen[0]["label"])
        if not ok:
            return None
        return self._edit(lambda database: rename_topic(database, chosen[0]["id"], label), "rename",
                          said=self.tr("Nytt namn: %1").replace("%1", " ".join(label.split())))

    def merge_selected(self):
        from elsdesk.services.topic_edits import merge_refusal, merge_topics

        chosen = self.selected_topics()
        if len(chosen) < 2:
            QMessageBox.information(self, self.tr("Slå ihop"), self.tr("Markera minst två ämnen (Shift+pil eller Ctrl+klick)."))
            return None
        if merge_refusal([t["id"] for t in chosen]):  # said before the question, not after it was confirmed
            box = QMessageBox(QMessageBox.Information, self.tr("Slå ihop"), self.tr(
                "Två kända problem kan inte slås ihop. Markera ett känt problem och de förslag som hör till det."),
                QMessageBox.Ok, self)
            box.open()
            return box
        # a known problem among them is what they become, whatever the order (the question named a proposal)
        into = next((t for t in chosen if t.get("status") == "confirmed"), chosen[0])
        question = self.tr("Slå ihop de här %1 ämnena till \"%2\"?").replace("%1", str(len(chosen))).replace(
            "%2", into["label"]) + "\n\n" + _topic_lines(chosen) + "\n\n" + self.tr(
            "De blir ett ämne den här veckan och framöver. Det går inte att ångra.")
        week = self.current_week()
        return ask_before_edit(self, self.tr("Slå ihop ämnen"), question, self.tr("Slå ihop"), lambda: self._edit(
            lambda database: merge_topics(database, week, [t["id"] for t in chosen]), "merge",
            said=self.tr("Ihopslaget till \"%1\".").replace("%1", into["label"])))

    # -- proposals: people decide what the machine grouped -----------------------------------
    def _enable_proposal_actions(self) -> None:
        chosen = self.selected_topics()[:1]
        proposed = bool(chosen) and chosen[0].get("status") == "proposed"
        for button in (self.accept_button, self.merge_problem_button, self.reject_button):
            button.setEnabled(proposed)
        self.problem_button.setEnabled(self._selected_problem() is not None)
        covered = self.selected_topics()
        # the button takes the mark away from covered topics: say so (it cleared the day without a word)
        week = self.current_week()
        self.covered_button.setText(self.tr("Ta bort genomgånget") if covered and all(t.get("covered_on") for t in covered)
                                    else self.tr("Markera genomgånget…") if week and asks_training_day(week, region_today())
                                    else self.tr("Markera genomgånget idag"))

    def _selected_proposal(self) -> dict | None:
        chosen = self.selected_topics()[:1]
        return chosen[0] if chosen and chosen[0].get("status") == "proposed" else None

    def _selected_problem(self):
        """The known problem of the selected topic (with the fields people curate), or None."""
        from elsdesk.services.topic_continuity import is_problem_topic, problem_id_of

        chosen = self.selected_topics()[:1]
        if not chosen or not is_problem_topic(chosen[0]["id"]) or not self.overview:
            return None
        wanted = problem_id_of(chosen[0]["id"])
        return next((p for p in self.overview.problems if p.id == wanted), None)

    def edit_selected_problem(self):
        """The selected known problem's name, workaround, status and note (Enter): a training lead found no way to
        write the workaround the agenda quotes, nor to mark a problem fixed, but the command line."""
        from elsdesk.gui.problem_dialog import KnownProblemDialog
        from elsdesk.services.problems import STATUS_NAMES, update_problem

        problem = self._selected_problem()
        if problem is None:
            return None
        dialog = KnownProblemDialog(problem, self)
        self.problem_dialog = dialog  # for tests

        def save():
            changes = dialog.changes()
            if not changes:
                return
            on = changes.pop("on", None)
            status = STATUS_NAMES.get(changes.get("status", problem.status), "")
            said = self.tr("Sparat för \"%1\" (status: %2).").replace("%1", changes.get("name", problem.name)).replace(
                "%2", status)
            self._edit(lambda database: update_problem(database, problem.id, on=on, **changes), "problem", said=said)

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def accept_selected(self):
        from elsdesk.services.problems import accept_proposal
        from elsdesk.services.topic_continuity import problem_topic_id

        proposal = self._selected_proposal()
        if proposal is None:
            return None
        name, ok = QInputDialog.getText(
            self, self.tr("Godta som känt problem"),
            self.tr("Skriv problemet så som det ska läras ut (t.ex. \"Signera given dos i utdelningsvyn\"):"),
            text=proposal["label"])
        if not ok:
            return None
        week, actor = self.current_week(), self.actor
        return self._edit(lambda database: accept_proposal(database, week, proposal["id"], name, actor), "accept",
                          said=self.tr("Känt problem: %1. Skriv hur man gör med Lösning och status… (Enter).").replace(
                              "%1", " ".join(name.split())),
                          select=lambda problem: problem_topic_id(problem.id))

    def merge_selected_into_problem(self):
        from elsdesk.services.problems import merge_proposal
        from elsdesk.services.topic_continuity import problem_topic_id

        proposal = self._selected_proposal()
        problems = self.overview.problems if self.overview else []
        if proposal is None:
            return None
        if not problems:
            QMessageBox.information(self, self.tr("Hör till ett känt problem"), self.tr("Det finns inga kända problem ännu."))
            return None
        names = [p.name for p in problems]
        name = self._chosen_problem(names)
        if name is None:
            return None
        problem_id = problems[names.index(name)].id
        question = self.tr("Lägga förslaget \"%1\" under det kända problemet \"%2\"?").replace(
            "%1", proposal["label"]).replace("%2", name) + "\n\n" + self.tr(
            "Veckans ärenden i förslaget länkas till det kända problemet, och förslaget försvinner ur listan.")
        week, actor = self.current_week(), self.actor

        def merge():
            return self._edit(lambda database: merge_proposal(database, week, proposal["id"], problem_id, actor),
                              "merge problem", select=lambda problem: problem_topic_id(problem.id),
                              said=self.tr("Veckans ärenden i \"%1\" hör nu till \"%2\".").replace(
                                  "%1", proposal["label"]).replace("%2", name))

        return ask_before_edit(self, self.tr("Hör till ett känt problem"), question, self.tr("Lägg under problemet"), merge)

    def _chosen_problem(self, names: list[str]) -> str | None:
        """A known problem chosen from a list wide enough for long names; not typed (a name typed that no
        problem had closed the dialog without a word), the first letters still jump in the list."""
        chooser = QInputDialog(self)
        chooser.setWindowTitle(self.tr("Hör till ett känt problem"))
        chooser.setLabelText(self.tr("Vilket känt problem?"))
        chooser.setComboBoxItems(names)
        chooser.setComboBoxEditable(False)
        chooser.resize(max(chooser.sizeHint().width(), 520), chooser.sizeHint().height())
        self.problem_chooser = chooser  # for tests
        return chooser.textValue() if chooser.exec() == QInputDialog.Accepted else None

    def reject_selected(self):
        from elsdesk.services.problems import reject_proposal

        proposal = self._selected_proposal()
        if proposal is None:
            return None
        question = self.tr("Är \"%1\" inget problem att lära ut?").replace("%1", proposal["label"]) + "\n\n" + self.tr(
            "Förslaget tas bort ur veckans ämnen och föreslås inte igen; ärendena finns kvar.")
        return ask_before_edit(self, self.tr("Inget problem att lära ut"), question, self.tr("Ta bort förslaget"),
                               lambda: self._edit(lambda database: reject_proposal(database, proposal["id"]), "reject"))

    def split_selected(self):
        from elsdesk.services.topic_edits import split_topic

        chosen = self.selected_topics()[:1]
        if not chosen:
            return None
        question = self.tr("Dela \"%1\" i mindre ämnen?").replace("%1", chosen[0]["label"]) + "\n\n" + self.tr(
            "Ärendena delas upp efter vad de handlar om; det som inte passar in stannar i ämnet. "
            "Delarna kan slås ihop igen efteråt.")
        week = self.current_week()
        return ask_before_edit(self, self.tr("Dela ämne"), question, self.tr("Dela"), lambda: self._edit(
            lambda database: split_topic(database, week, chosen[0]["id"]), "split"))

    def mark_selected_covered(self):
        """Mark the selected topics gone through today, or take the mark away from those that have it. For a week
        older than last week it asks for the training's day first (returns the open dialog; tests answer it)."""
        chosen = self.selected_topics()
        if not chosen:
            return None
        today, week = region_today(), self.current_week()
        marked = [t["label"] for t in chosen if not t.get("covered_on")]
        if not marked or not week or not asks_training_day(week, today):
            return self._mark_covered(chosen, today)
        from elsdesk.gui.covered_day_dialog import CoveredDayDialog

        dialog = CoveredDayDialog(marked, week, parse_week(week)[0], today, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._mark_covered(chosen, dialog.day()))
        dialog.open()
        return dialog

    def _mark_covered(self, chosen: list[dict], day):
        from elsdesk.services.topic_edits import mark_covered

        day = day.isoformat()

        def apply(database):
            for topic in chosen:
                mark_covered(database, topic["id"], None if topic.get("covered_on") else day)

        marked = [t["label"] for t in chosen if not t.get("covered_on")]
        cleared = [t["label"] for t in chosen if t.get("covered_on")]
        said = "; ".join(filter(None, [
            self.tr("Genomgånget %1: %2").replace("%1", day).replace("%2", ", ".join(marked)) if marked else "",
            self.tr("Inte längre genomgånget: %1").replace("%1", ", ".join(cleared)) if cleared else ""]))
        return self._edit(apply, "covered", said=said)

    def _on_go_live_edited(self) -> None:
        from elsdesk.services.topics import set_go_live

        chosen = self.go_live_edit.date()
        if chosen == self.go_live_edit.minimumDate():
            return  # "inte satt": nothing chosen
        if chosen == self._go_live_shown:
            # the field says it was left (Tab, a click elsewhere, Enter then Tab) whether or not it changed; a
            # tester tabbing through fixed the date derived from the oldest ticket as the desk's go-live
            return
        self._go_live_shown = chosen
        value = chosen.toString("yyyy-MM-dd")
        self._edit(lambda database: set_go_live(database, value), "go-live",
                   said=self.tr("Go-live satt till %1.").replace("%1", value))

    # -- export ----------------------------------------------------------------------------
    def choose_export(self) -> None:
        """Ask where the shown week goes, in the chosen format, and export it there."""
        fmt = self.export_format.currentData()
        week = self.current_week()
        if not week:
            return
        from elsdesk.gui.export_target import export_target
        from elsdesk.gui.file_places import EXPORTS, in_start_folder, remember_folder

        filters = {self.tr(name): key for key, name in EXPORT_FILTERS.items()}
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Exportera vecka %1").replace("%1", week),
                                                   in_start_folder(EXPORTS, f"elsdesk-{week}.{fmt}"),
                                                   ";;".join(filters), self.tr(EXPORT_FILTERS[fmt]))
        if path:
            remember_folder(EXPORTS, path)
            # a typed extension decides (as the CLI's --out), else the chosen type, whose extension the file gets
            target = export_target(self, path, filters.get(chosen, fmt))
            if target is not None:
                self.export(*target)

    def export(self, fmt: str, path: str):
        from elsdesk.services.export import export_week

        week = self.current_week()

        def work(context):
            with context.open_database() as database:
                return str(export_week(database, week, fmt, path, self.language))

        def done(written):
            self.exported.emit(written)

        return self.runner.start(work, db_path=self.db_path, on_success=done,
                                 on_failure=lambda exc: show_error(self, exc), name="export")

    def _export_formats(self) -> list[tuple[str, str]]:
        """(format id, shown name) of every export format, as the format lists show them."""
        return [(fmt, self.tr(name).split(" (")[0]) for fmt, name in EXPORT_FILTERS.items()]


def _followed(before: list[dict], after: list[dict], ids: list[str], current: str | None) -> tuple[list[str], str | None]:
    """*ids* and *current* (topic ids of the week as it was, *before*) as the week now is (*after*): an id that
    is gone becomes the topic now holding most of its tickets, if any holds one."""
    present = {t["id"] for t in after}
    tickets = {t["id"]: set(t.get("ticket_ids") or ()) for t in before}

    def follow(topic_id: str | None) -> str | None:
        if topic_id is None or topic_id in present or not tickets.get(topic_id):
            return topic_id
        shared = max(after, key=lambda t: len(tickets[topic_id] & set(t.get("ticket_ids") or ())), default=None)
        return shared["id"] if shared and tickets[topic_id] & set(shared.get("ticket_ids") or ()) else topic_id

    return list(dict.fromkeys(follow(i) for i in ids)), follow(current)
