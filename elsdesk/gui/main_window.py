"""MainWindow: wires the views together (tickets, review queue, training) and the actions of its
mixins (long tasks, model, review and profile, incidents, help, window layout); it holds no business logic."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)
import shiboken6

from elsdesk import __version__
from elsdesk.domain import NotFoundError
from elsdesk.gui.filter_bar import FilterBar
from elsdesk.gui.help_actions import HelpActionsMixin
from elsdesk.gui.incident_actions import IncidentActionsMixin
from elsdesk.gui.long_tasks import LongTasksMixin
from elsdesk.gui.model_actions import ModelActionsMixin
from elsdesk.gui.notify import show_error
from elsdesk.gui.review_actions import ReviewActionsMixin
from elsdesk.gui.tab_text import keep_tab_titles_whole
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.ticket_details import TicketDetailsView
from elsdesk.gui.ticket_removal_actions import TicketRemovalMixin
from elsdesk.gui.ticket_list_view import ListResult, TicketListView, count_summary
from elsdesk.gui.ticket_table_model import TicketTableModel
from elsdesk.gui.window_layout import ElidedLabel, ElidingStatusBar, WindowLayoutMixin
from elsdesk.gui.window_place import WindowPlaceMixin
from elsdesk.services.desk_changes import model_may_have_changed, training_may_have_changed
from elsdesk.services.permissions import LOAD_DEMO
from elsdesk.services.profile import Profile, load_profile
from elsdesk.storage import TicketRepository, open_database
from elsdesk.services.labels import desk_taxonomy

if TYPE_CHECKING:
    from elsdesk.gui.ticket_form import TicketFormDialog
    from elsdesk.gui.training_view import TrainingLeadView

logger = logging.getLogger(__name__)
CHANGE_CHECK_MS = 3000
# what a change may have touched when the desk does not say (a local file; a server after a reconnect)
ANY_CHANGE = frozenset({"tickets", "review_decisions", "incidents", "topic_registry"})
CHARTS_KEY = "layout/training_charts"  # whether the Utbildning tab shows its charts
# said in the language chosen, not the one shown (written out here: a translation file holds only the other)
LANGUAGE_AT_RESTART = {"sv": "Fönstret blir på svenska när elsdesk startas om.",
                       "en": "The window will be in English when elsdesk is restarted."}

class MainWindow(LongTasksMixin, ModelActionsMixin, ReviewActionsMixin, IncidentActionsMixin, HelpActionsMixin,
                 TicketRemovalMixin, WindowLayoutMixin, WindowPlaceMixin, QMainWindow):
    ticket_saved = Signal(object)
    tickets_imported = Signal(object)
    demo_removed = Signal(int)  # how many demo tickets were removed
    tickets_removed = Signal(list)  # the ids of tickets a super-user removed (logged by mistake)

    def __init__(self, db_path, settings: QSettings, language: str = "sv", defer_start: bool = False):
        """*defer_start*: leave the work the first paint does not need to :meth:`start_background`
        (the app calls it after the window has painted); by default it starts at once."""
        super().__init__()
        self._starting = defer_start
        self._closing = False
        self.db_path = db_path
        self.settings = settings
        self.language = language
        self.database = open_database(db_path)
        self.taxonomy = desk_taxonomy(self.database)  # the shipped labels and the desk's own
        self.repo = TicketRepository(self.database)
        self.runner = TaskRunner(self)
        self.form: TicketFormDialog | None = None
        self._next_retrain_offer = 0  # kept while the review queue is built again (ReviewQueueView.next_retrain_offer)
        self._long_task = None
        self.server_roles = self.database.server_roles()  # none on a local file: the local profile rules
        self.profile = Profile(self.database.login_name(), self.server_role) if self.server_role else load_profile()
        self.similarity_index = None
        self.review_view = None
        self.open_incidents: list = []
        self.incidents: list = []
        self._similar_task = None
        self._watch_similarity_index()
        self._training_view: TrainingLeadView | None = None
        self.topics_keeper = None  # keeps the newest weeks' topics worked out, where the Utbildning tab shows
        self._first_rows_arrived = False
        self._first_rows_shown = False
        self._after_first_rows: list = []
        self._details_waiting = False  # the first ticket's details wait for the first rows while starting
        self.has_demo = False
        self._list_change_waiting = False  # a change notice came while the list loaded: refresh once more after
        self.setWindowTitle(self.tr("elsdesk – ELS-stöd för Cosmic"))
        self._build_pages()
        self.model = TicketTableModel(self.database, self.taxonomy, language, self)
        self.list_view = TicketListView(self.model, self.runner, db_path, self.ticket_splitter)
        self.filter_bar = FilterBar(self.taxonomy, language, self.tickets_page)
        self.details = TicketDetailsView(self.taxonomy, language, self.ticket_splitter)
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self.list_view.empty_texts = self._empty_list_texts
        self.demo_action.changed.connect(self.list_view.viewport().update)  # the role may or may not load demo data
        self.filter_bar.filter_changed.connect(self.list_view.set_filter)
        self.filter_bar.search_submitted.connect(self.list_view.focus_first_row)  # Down or Enter in the search box
        self.list_view.ticket_selected.connect(self._on_ticket_selected)
        self.list_view.ticket_activated.connect(self.edit_ticket)
        self.list_view.loaded.connect(self._on_list_loaded)
        self.list_view.first_rows.connect(self._on_list_first_rows)
        self.list_view.query_failed.connect(lambda exc: show_error(self, exc))
        for rows_or_end in (self.list_view.first_rows, self.list_view.loaded, self.list_view.query_failed):
            rows_or_end.connect(self._on_first_rows)  # the background work starts once rows are on screen
        for end in (self.list_view.loaded, self.list_view.query_failed):
            end.connect(self._on_list_settled)
        self.ticket_saved.connect(self._on_ticket_saved)
        self.classifier = None
        self.classifier_error: str | None = None
        self.tickets_imported.connect(self._on_tickets_imported)
        self.demo_removed.connect(self._on_tickets_imported)
        self.tickets_removed.connect(self._show_tickets_removed)
        self.tabs.currentChanged.connect(self._focus_review_tab)
        self._restore_layout()
        self.list_view.setFocus()  # the keys go to the list from the start, not to the tab bar
        self._watch_other_workstations()
        # the first paint shows the newest rows; in the app every id and the counts follow once the window is built
        self.list_view.refresh(database=self.database, rest_when_built=defer_start)
        self._apply_profile()  # the role's tabs and actions; a super-user's review queue waits while starting
        if not defer_start:
            self.start_background(model_first=False)

    def after_first_rows(self, callback) -> None:
        """Call *callback* once the list has shown its first rows (or its first query ended without
        any): the app starts its background work there, so nothing competes with the newest rows."""
        if self._first_rows_shown:
            QTimer.singleShot(0, callback)
        else:
            self._after_first_rows.append(callback)

    def _on_first_rows(self, *_result) -> None:
        if self._first_rows_arrived:
            return
        self._first_rows_arrived = True
        if (self.list_view.isVisible() or self._starting) and self.model.rowCount():  # starting: about to be shown
            from elsdesk.gui.startup_probe import after_first_paint

            after_first_paint(self.list_view.viewport(), self._on_first_rows_shown)  # the next paint shows them
        else:
            self._on_first_rows_shown()

    def _on_first_rows_shown(self) -> None:
        self._first_rows_shown = True
        waiting, self._after_first_rows = self._after_first_rows, []
        if self._closing:  # closed before its rows were on screen: its desk is closed, nothing is to start
            return
        for callback in waiting:
            QTimer.singleShot(0, callback)

    def start_background(self, model_first: bool = True) -> None:
        """What the first rows do not need (issue 13: the window took 10-16 s to appear; issue 14: at a
        million tickets every one of these grows with the desk): the model, a super-user's review
        queue, a training lead's view, the demo mark, the similar-ticket index and the incidents. With
        *model_first* the index and the incidents wait for the model, so that on a busy two-core
        machine they do not slow down the suggestions the person is about to use."""
        self._starting = False
        model_task = self.load_classifier()
        self._show_role_views()
        self._restore_place()  # the tab, ticket, week and topic the window closed on
        self.refresh_demo_state()
        started: list[bool] = []

        def rest() -> None:
            if not started and not self._closing:
                started.append(True)
                self.build_similarity_index()
                self.refresh_incidents()

        if model_first and model_task is not None:
            model_task.signals.finished.connect(rest)
            if model_task.is_done():  # it may have finished before the connection was made
                rest()
        else:
            rest()

    def _show_role_views(self) -> None:
        """A super-user's review queue and a training lead's Utbildning tab, built after the first rows; the tab's
        view in a turn of the event loop of its own (importing it with Qt Charts and building it takes 60-90 ms on a
        loaded machine; with the review queue and the model's start in the same turn, a stall of 0.25 s on a shared
        desk)."""
        if self.review_view is None:
            self._apply_profile()
        if self.tabs.isTabVisible(self.training_tab):
            QTimer.singleShot(0, self._build_training_view)
        self._keep_topics_where_shown()

    def _build_training_view(self) -> None:
        """The Utbildning tab's view, built before it is opened, so that it opens at once."""
        if not self._closing and self.tabs.isTabVisible(self.training_tab):
            self.training_view  # noqa: B018 - built on first use

    def _keep_topics_where_shown(self) -> None:
        """Where the Utbildning tab shows, keep the newest weeks' topics worked out in the background."""
        shown = self.tabs.isTabVisible(self.training_tab)
        if shown and self.topics_keeper is None:
            from elsdesk.gui.topics_keeper import TopicsKeeper

            self.topics_keeper = TopicsKeeper(self.runner, self.db_path, parent=self)
            self.topics_keeper.kept.connect(self._on_topics_kept)
            self.topics_keeper.touch()
        elif not shown and self.topics_keeper is not None:
            self.topics_keeper.stop()
            self.topics_keeper.deleteLater()
            self.topics_keeper = None

    def _desk_changed_for_topics(self) -> None:
        """Tickets or links changed: the keeper works the newest weeks' topics out again soon."""
        if self.topics_keeper is not None:
            self.topics_keeper.touch()

    def _on_topics_kept(self, weeks: list) -> None:
        """The keeper stored new topics: a shown Utbildning tab reads them, a hidden one on its next showing."""
        view = self._training_view
        if not weeks or view is None or view.is_loading():
            return
        if self.tabs.currentIndex() == self.training_tab and view.overview is not None:
            view.reload()
        else:
            view.reload_when_shown()

    @property
    def training_view(self) -> TrainingLeadView:
        """The Utbildning tab's view, built on first use (its charts need Qt Charts, which the first
        paint does not)."""
        if self._training_view is None:
            from elsdesk.gui.training_view import TrainingLeadView

            view = TrainingLeadView(self.taxonomy, self.runner, self.db_path, self.language, self.training_page)
            view.actor = self._actor()
            view.exported.connect(
                lambda path: self.statusBar().showMessage(self.tr("Exporterat till %1").replace("%1", path), 10000))
            view.edited.connect(lambda said: self.statusBar().showMessage(said, 10000))
            self.training_page.layout().addWidget(view)
            self._training_view = view
            self._restore_splitters(within=view)
            view.set_charts_visible(self.charts_action.isChecked())
        return self._training_view

    # -- construction --------------------------------------------------------------------
    def _build_pages(self) -> None:
        """The tabs, their pages and the ticket splitter, made before the views that go in them: with the
        stylesheet, a polished widget is polished again each time it moves to another parent (the list
        moved four times: ~4 ms of CPU before the first rows, issue 14), so the views are made in their places."""
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        keep_tab_titles_whole(self.tabs.tabBar())
        self.setCentralWidget(self.tabs)
        self.tickets_page = QWidget(self)
        QVBoxLayout(self.tickets_page).setContentsMargins(8, 8, 8, 4)
        self.training_page = QWidget(self)  # holds the training view once it is built (training_view)
        QVBoxLayout(self.training_page).setContentsMargins(0, 0, 0, 0)
        self.tickets_tab = self.tabs.addTab(self.tickets_page, self.tr("Ärenden"))
        self.training_tab = self.tabs.addTab(self.training_page, self.tr("Utbildning"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.ticket_splitter = QSplitter(Qt.Horizontal, self.tickets_page)
        self.ticket_splitter.setObjectName("ticketSplitter")

    def _build_layout(self) -> None:
        """The views in the pages :meth:`_build_pages` made."""
        layout = self.tickets_page.layout()
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.ticket_splitter, 1)
        splitter = self.ticket_splitter
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([1260, 340])

    def _action(self, text: str, shortcut: str | None, slot, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&Nytt ärende"), "Ctrl+N", lambda: self.new_ticket(), self.tr("Logga ett nytt ärende (Ctrl+N)"))
        self.edit_action = self._action(self.tr("&Öppna ärende"), "Ctrl+E", self._edit_current, self.tr("Öppna det markerade ärendet (Enter)"))
        self.import_action = self._action(self.tr("&Importera…"), "Ctrl+I", self._choose_import_file,
                                          self.tr("Importera ärenden från fil (Ctrl+I)"))
        self.demo_action = self._action(self.tr("Lägg in &demodata…"), None, lambda: self.load_demo())
        self.remove_demo_action = self._action(self.tr("Ta &bort demodata…"), None, self.remove_demo)
        self.remove_ticket_action = self._action(self.tr("Ta bort ä&rende…"), "Del", self.remove_current_ticket,
                                                 self.tr("Ta bort ett ärende som loggats av misstag (Delete i listan)"))
        self.removeAction(self.remove_ticket_action)  # Delete removes only in the list, never from a text box or a tab
        self.list_view.addAction(self.remove_ticket_action)
        self.remove_ticket_action.setShortcutContext(Qt.WidgetShortcut)
        self.remove_demo_action.setEnabled(False)
        self.quit_action = self._action(self.tr("&Avsluta"), "Ctrl+Q", self.close)
        self.find_action = self._action(self.tr("&Sök"), "Ctrl+F", self._focus_search)
        self.refresh_action = self._action(self.tr("&Uppdatera"), "F5", lambda: self.list_view.refresh(),
                                           self.tr("Uppdatera listan (F5)"))
        self.train_action = self._action(self.tr("&Träna om modellen"), "Ctrl+Shift+T", self.retrain, self.tr("Träna om på bekräftade etiketter"))
        self.model_action = self._action(self.tr("&Modell och kvalitet…"), None, self.show_model_dialog)
        self.profile_action = self._action(self.tr("Byt &profil…"), None, self.choose_profile)
        self.desk_action = self._action(self.tr("Byt des&k (den här datorn eller regionens server)…"), None, self._choose_desk)
        self.learning_action = self._action(self.tr("&Inlärningskurva…"), None, self.show_learning_curve)
        self.agreement_action = self._action(self.tr("&Samstämmighet och oenigheter…"), None, self.show_agreement)
        self.mistakes_action = self._action(self.tr("Troliga &felmärkningar…"), None, self.show_likely_mistakes,
                                            self.tr("Etiketter som modellen starkt tror är fel, värst först"))
        # from anywhere in the window, also where a list, a text or a date field would take the key itself
        self.next_tab_action = self._action(self.tr("&Nästa flik"), None, lambda: self.step_tab(1))
        self.next_tab_action.setShortcuts([QKeySequence("Ctrl+Tab"), QKeySequence("Ctrl+PgDown")])
        self.previous_tab_action = self._action(self.tr("&Föregående flik"), None, lambda: self.step_tab(-1))
        self.previous_tab_action.setShortcuts([QKeySequence("Ctrl+Shift+Tab"), QKeySequence("Ctrl+Shift+Backtab"),
                                               QKeySequence("Ctrl+PgUp")])
        # the week's agenda from the menu too (a tester looked for it under Arkiv): the Utbildning tab's Exportera…
        self.export_action = self._action(self.tr("E&xportera veckans agenda…"), "Ctrl+Shift+E", self._export_week,
                                          self.tr("Exportera veckan som visas under Utbildning (Ctrl+Shift+E)"))
        menu = self.file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        for action in (self.new_action, self.edit_action, self.remove_ticket_action, self.import_action,
                       self.export_action, self.demo_action, self.remove_demo_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.profile_action)
        menu.addAction(self.desk_action)
        menu.addAction(self.quit_action)
        model_menu = self.menuBar().addMenu(self.tr("&Modell"))
        model_menu.addAction(self.train_action)
        model_menu.addAction(self.model_action)
        model_menu.addAction(self.learning_action)
        model_menu.addAction(self.agreement_action)
        model_menu.addAction(self.mistakes_action)
        self.incidents_menu = self.menuBar().addMenu(self.tr("&Incidenter"))
        self.incidents_menu.aboutToShow.connect(self._fill_incidents_menu)
        view = self.menuBar().addMenu(self.tr("&Visa"))
        view.addAction(self.find_action)
        view.addAction(self.refresh_action)
        view.addAction(self.next_tab_action)
        view.addAction(self.previous_tab_action)
        view.addSeparator()
        self.sort_menu = view.addMenu(self.tr("S&ortera efter"))  # the list sorted without the mouse (F1 says so)
        self.sort_menu.aboutToShow.connect(self._fill_sort_menu)
        self._fill_sort_menu()
        self.charts_action = view.addAction(self.tr("&Diagram i Utbildning"))
        self.charts_action.setCheckable(True)
        self.charts_action.setChecked(self.settings.value(CHARTS_KEY, True, type=bool))
        self.charts_action.setToolTip(self.tr("Dölj diagrammen så att ämneslistan får hela höjden"))
        self.charts_action.toggled.connect(self._show_training_charts)
        view.addSeparator()
        language = view.addMenu(self.tr("S&pråk"))
        chosen = QActionGroup(language)  # one language checked: the one the next start uses
        for code, name in (("sv", "&Svenska"), ("en", "&English")):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == str(self.settings.value("language", self.language)))
            action.setData(code)
            chosen.addAction(action)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
        self.language_actions = chosen
        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        self.shortcuts_action = self._action(self.tr("&Kortkommandon…"), "F1", self.show_shortcuts,
                                             self.tr("Kortkommandona i vyn du står i (F1)"))
        self.getting_started_action = self._action(self.tr("Kom &igång…"), None, self.show_getting_started)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.getting_started_action)
        help_menu.addSeparator()
        help_menu.addAction(self.tr("Om elsdesk"), self._about)
        toolbar = self.addToolBar(self.tr("Verktyg"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for action in (self.new_action, self.edit_action, self.import_action, self.refresh_action):
            toolbar.addAction(action)

    def _fill_sort_menu(self) -> None:
        """One item per column, the list's sort column checked; choosing it again turns the order round."""
        from PySide6.QtGui import QActionGroup

        self.sort_menu.clear()
        column, descending = self.list_view.sort_choice()
        group = QActionGroup(self.sort_menu)
        for number in range(self.model.columnCount()):
            action = self.sort_menu.addAction(str(self.model.headerData(number, Qt.Horizontal)))
            action.setCheckable(True)
            action.setChecked(number == column)
            action.setActionGroup(group)
            action.triggered.connect(lambda _checked=False, n=number: self.list_view.sort_by(n))
        self.sort_menu.addSeparator()
        for text, down in ((self.tr("&Stigande ordning"), False), (self.tr("&Fallande ordning"), True)):
            action = self.sort_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(down == descending)
            action.triggered.connect(lambda _checked=False, d=down: self.list_view.sort_by(self.list_view.sort_choice()[0], d))

    def _empty_list_texts(self) -> tuple[str, str]:
        """What the empty list says, with the window's own keys and menu names: how to start on an empty
        desk (demo data only where the role may load it), how to see every ticket when nothing matches."""
        def plain(text: str) -> str:
            return text.replace("&", "")  # a menu name as read, without its mnemonic mark

        def keys(action: QAction) -> str:
            return action.shortcut().toString(QKeySequence.NativeText)

        archive = plain(self.file_menu.title())
        start = self.tr("Desken har inga ärenden ännu.") + "\n\n" + self.tr("%1 loggar ett nytt ärende.").replace(
            "%1", keys(self.new_action)) + "\n" + self.tr("%1 › %2 (%3) läser in ärenden från en fil.").replace(
            "%1", archive).replace("%2", plain(self.import_action.text())).replace("%3", keys(self.import_action))
        if self.demo_action.isEnabled():
            start += "\n" + self.tr("%1 › %2 lägger in påhittade ärenden att prova med.").replace(
                "%1", archive).replace("%2", plain(self.demo_action.text()))
        no_match = self.tr("Inga ärenden matchar sökningen och filtren. Esc i sökrutan eller %1 visar alla ärenden.").replace(
            "%1", plain(self.filter_bar.clear_button.text()))
        return start, no_match

    def _export_week(self) -> None:
        """Show the Utbildning tab and ask where its week goes (once the week is there, when it is still loading)."""
        if not self.tabs.isTabVisible(self.training_tab):
            self.statusBar().showMessage(self.tr("Veckans agenda exporteras under Utbildning, som din profil inte visar."), 8000)
            return
        self.tabs.setCurrentIndex(self.training_tab)
        view = self.training_view
        if view.overview is not None and not view.is_loading():
            view.choose_export()
        else:
            view.overview_loaded.connect(lambda _overview: view.choose_export(), Qt.SingleShotConnection)

    def _show_training_charts(self, shown: bool) -> None:
        """Visa › Diagram i Utbildning: the charts, or the whole height for the topics; kept for the next start."""
        self.settings.setValue(CHARTS_KEY, shown)
        if self._training_view is not None:
            self._training_view.set_charts_visible(shown)

    def _build_status_bar(self) -> None:
        bar = ElidingStatusBar(self)  # small screens: texts shortened between whole parts, never mid-number
        self.setStatusBar(bar)
        self.count_label = ElidedLabel(self)
        self.count_label.setObjectName("countLabel")
        self.task_label = QLabel(self)  # what the long task does ("Tränar modellen"), beside its progress
        self.task_label.setObjectName("taskLabel")
        self.task_label.setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setMinimumWidth(self.progress.fontMetrics().horizontalAdvance("100\u00a0%") + 48)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Avbryt"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel_long_task)
        self.connection_label = QLabel(self)
        self.connection_label.setObjectName("connectionLabel")
        self.connection_label.setVisible(False)
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("demoLabel")
        self.demo_label.setVisible(False)
        bar.addPermanentWidget(self.demo_label)
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.task_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    # -- tickets -------------------------------------------------------------------------
    def new_ticket(self, values: dict | None = None) -> TicketFormDialog:
        """A new ticket; a draft kept from a closed form (not one of a stored ticket) comes back in it."""
        from elsdesk.drafts import SAVED_AT, load_draft

        kept = values is None
        if kept:
            draft = load_draft(self._desk_of_place())
            values = draft if draft and not draft.get("id") else None
        form = self._open_form(None, values)
        if kept and values:
            form.show_kept_draft(values.get(SAVED_AT))
        return form

    def edit_ticket(self, ticket_id: int) -> TicketFormDialog:
        from elsdesk.drafts import load_draft

        draft = load_draft(self._desk_of_place())
        return self._open_form(self.repo.get(ticket_id), draft if draft and draft.get("id") == ticket_id else None)

    def _edit_current(self) -> None:
        ticket_id = self.list_view.current_ticket_id()
        if ticket_id is not None:
            self.edit_ticket(ticket_id)

    def _open_form(self, ticket, values) -> TicketFormDialog:
        from elsdesk.gui.ticket_form import TicketFormDialog

        if self.form is not None:
            self.form.put_aside()  # what was typed there stays as the draft
        self.form = TicketFormDialog(self.taxonomy, self.language, self, ticket, desk=self._desk_of_place())
        if values:
            self.form.set_values(values)
        self.form.submitted.connect(self._on_form_submitted)
        self.form.text_edited.connect(self._on_form_text_edited)
        self.form.similar_ticket_activated.connect(self._show_ticket_details)
        if ticket is not None:
            self._lookup_similar(ticket=ticket)
        else:
            self._say_similar_state(self.form)  # "bygger sökindex…" until the index is there
        if self.classifier is None:
            self.form.show_suggestions([], available=False)
        form = self.form
        form.finished.connect(lambda _result: self._on_form_finished(form))
        form.open()
        return form

    def _on_tickets_imported(self, report) -> None:
        self.build_similarity_index()
        self.scan_incidents(report)  # an import's report holds what its own scan found
        self.show_desk_changed()

    def show_desk_changed(self) -> None:
        """Tickets came or went: the list, the demo mark, the review queue and the training view read the desk again."""
        self.model.refresh_rows()
        self.list_view.refresh()
        self.refresh_demo_state()
        if self.review_view is not None:
            self.review_view.refresh()
        self._desk_changed_for_topics()
        if self._training_view is not None:  # the week on screen stays (an import moved it to the newest)
            if self.tabs.currentIndex() == self.training_tab:
                self._training_view.reload()
            else:
                self._training_view.reload_when_shown()

    def _on_tab_changed(self, index: int) -> None:
        # the list's "Visar 119 av 119 ärenden" counts the Ärenden tab; the other tabs say their own counts
        self.count_label.setVisible(index == self.tickets_tab)
        if index == self.training_tab and self.training_view.overview is None and not self.training_view.is_loading():
            self.training_view.reload()  # the newest week at first; after a change, the week it showed
        # the keys go to what the tab shows, not to the tab bar (the arrows then changed tabs; a tester)
        if index == self.tickets_tab:
            self.list_view.setFocus()
        elif index == self.training_tab:
            self.training_view.table.setFocus()

    def _on_form_finished(self, form: TicketFormDialog) -> None:
        if self.form is form:
            self.form = None
        form.deleteLater()  # a closed form is never shown again: kept, each one stayed in memory with its widgets

    def _on_form_submitted(self, ticket) -> None:
        from elsdesk.services.intake import take_in_ticket

        form = self.form
        classifier, index, actor = self.classifier, self.similarity_index, self._actor()

        def work(context):
            with context.open_database() as database:
                return take_in_ticket(database, ticket, actor, classifier, index)

        def done(result):
            stored, summary, scan = result.ticket, result.masking, result.scan
            found = ""
            if scan is not None and (scan.created or scan.extended):
                # said in the saved note below: a message of its own was replaced by it within milliseconds
                self._on_incidents_found(scan, announced=True)
                found = self.incidents_found_text(scan)
            if _still_open(form):
                form.saved()
                if form.next_wanted and self.form is None:  # Ctrl+N pressed while it saved
                    self.new_ticket()
            from elsdesk.gui.ticket_form import identifier_kinds

            note = self.tr("Ärende %1 sparat.").replace("%1", stored.external_id)
            if summary.total:
                note += " " + self.tr("Maskerat: %1.").replace("%1", identifier_kinds(summary.counts, with_numbers=True))
            if result.left_undone:  # saved all the same: saving again would store it twice
                note += " " + self.tr("Modellens förslag och sökningen efter incidenter görs senare (databasen svarade inte nyss).")
            if found:
                note += " " + found
            self.statusBar().showMessage(note, 15000 if result.left_undone or found else 8000)
            self.ticket_saved.emit(stored)

        def failed(exc):
            from elsdesk.domain import ConflictError, TicketRemovedError
            from elsdesk.gui.notify import message

            if isinstance(exc, ConflictError) and _still_open(form):
                self.conflict_box = self._ask_about_conflict(form, ticket)
                return
            if isinstance(exc, TicketRemovedError) and _still_open(form):
                # the text typed is a call's record: the form keeps it, now as a new ticket the person may log with
                # one more Ctrl+Enter or drop with Esc (a removed ticket was most often logged twice)
                form.become_new()
                form.save_failed(message(exc) + " " + self.tr(
                    "Det du skrivit finns kvar: Ctrl+Enter sparar det som ett nytt ärende."))
                return
            if _still_open(form):
                form.save_failed(message(exc))

        self.runner.start(work, db_path=self.db_path, on_success=done, on_failure=failed, name="save ticket")

    def _ask_about_conflict(self, form: TicketFormDialog, mine) -> QMessageBox:
        """Someone saved the ticket after this form opened: say who and what they changed, beside what this
        person chose (a choice of Fel was lost without a trace when the new version was shown), then overwrite
        or look at their version."""
        from elsdesk.gui.conflict_text import conflict_lines, kept_lines, your_choices
        from elsdesk.gui.notify import with_full_stop
        from elsdesk.gui.ticket_form import ticket_values
        from elsdesk.services.tickets import changed_meanwhile, changes_no_one_else_made

        latest = self.repo.get(mine.id)
        fields, who = changed_meanwhile(self.database, form.ticket, latest)  # a few rows of one ticket
        changed = form.changed_fields()
        box = QMessageBox(QMessageBox.Warning, self.tr("Ärendet har ändrats"), self.tr(
            "%1 har sparats av %2 (%3) sedan du öppnade det.").replace("%1", latest.external_id or "").replace(
            "%2", who or self.tr("någon annan")).replace("%3", (latest.updated_at or "").replace("T", " ")),
            QMessageBox.NoButton, self)
        lines = conflict_lines(fields, latest, mine, changed, self.taxonomy, self.language)
        box.setInformativeText("\n".join(lines + ["", self.tr("Vill du skriva över med dina ändringar, eller se den nya versionen först?")])
                               if lines else self.tr("Vill du skriva över med dina ändringar, eller se den nya versionen först?"))
        overwrite = box.addButton(self.tr("Skriv över med mina ändringar"), QMessageBox.DestructiveRole)
        reload = box.addButton(self.tr("Visa den nya versionen"), QMessageBox.AcceptRole)
        box.addButton(self.tr("Avbryt"), QMessageBox.RejectRole)
        box.setDefaultButton(reload)

        def chosen(button):
            if button is overwrite:
                form.ticket = latest
                self._on_form_submitted(mine.with_changes(version=latest.version))
            elif button is reload:
                kept = changes_no_one_else_made(form.ticket, latest, mine, changed)
                form.ticket = latest
                form.set_values(ticket_values(latest))
                form.mark_unchanged()
                form.set_values({**ticket_values(latest), **kept})  # still this person's changes, to save or not
                yours = your_choices(fields, latest, mine, changed, self.taxonomy, self.language)
                note = self.tr("Formuläret visar nu den senaste versionen.")
                if kept:
                    note += " " + self.tr("Dina ändringar som ingen annan gjort finns kvar: %1.").replace(
                        "%1", "; ".join(kept_lines(kept, self.taxonomy, self.language)))
                if yours:
                    note += " " + with_full_stop(self.tr("Dina val var: %1").replace("%1", "; ".join(yours)))
                form.save_failed(note)
            else:
                form.save_failed(self.tr("Inte sparat: ärendet har ändrats av någon annan."))

        box.buttonClicked.connect(chosen)
        box.open()
        return box

    def _on_ticket_saved(self, ticket) -> None:
        self._desk_changed_for_topics()
        self.model.refresh_rows()
        self.list_view.refresh(select_ticket=ticket.id)
        if self.review_view is not None:
            self.review_view.refresh()

    def _on_ticket_selected(self, ticket_id) -> None:
        if self._starting and not self._first_rows_shown:
            # the first rows paint before the first ticket's details, which read the desk and lay out its text
            # (issue 14); whichever ticket is selected once they have painted is shown
            if not self._details_waiting:
                self._details_waiting = True
                self._after_first_rows.append(lambda: self._on_ticket_selected(self.list_view.current_ticket_id()))
            return
        if ticket_id is None:
            self.details.show_ticket(None)
            return
        from elsdesk.services.tickets import ticket_details

        try:
            self.details.show_ticket(*ticket_details(self.database, ticket_id))
        except NotFoundError:  # removed meanwhile (demo data removed, another workstation): its row goes at the refresh
            self.details.show_ticket(None)

    def _on_list_first_rows(self, _rows: int) -> None:
        """The top of a new result is on screen; its counts come with the rest (never the old ones)."""
        self.count_label.setText(self.tr("Räknar ärendena…"))

    def _on_list_loaded(self, result: ListResult) -> None:
        self.filter_bar.set_weeks(result.weeks)
        text, tooltip = count_summary(result, self.taxonomy.statuses, self.language)
        self.count_label.setText(text)
        self.count_label.set_note(tooltip)  # the counts per status leave the status filter out

    # -- other workstations' and processes' writes -------------------------------------------
    def _watch_other_workstations(self) -> None:
        """A shared server pushes every change (LISTEN/NOTIFY); a local file has no push, so its
        cheap change counter (PRAGMA data_version, no table read) is checked every few seconds."""
        self.listener = None
        self._change_watch = QTimer(self)
        if self.database.backend == "postgres":
            from elsdesk.gui.change_listener import ChangeListener

            from elsdesk.storage.postgres_backend import ping

            conninfo = self.database.target
            self.listener = ChangeListener(self.database.listen_connection, self, ping=lambda conn: ping(conn, conninfo))
            self.listener.changed.connect(self._on_remote_change)
            self.listener.connection_lost.connect(self._on_connection_lost)
            self.listener.reconnected.connect(self._on_reconnected)
            self.listener.presence.connect(self._on_review_presence)
            self.listener.start()
            return
        self._data_version = self.database.data_version()
        self._change_watch.setInterval(CHANGE_CHECK_MS)
        self._change_watch.timeout.connect(self._on_change_watch)
        self._change_watch.start()

    def _on_change_watch(self) -> None:
        """Another process (a second app, an import) committed to the local file. The file says only that
        something changed, not what (a server names the tables): everything shown is read again, and the
        classifier when the desk's active model is another than the one loaded (a retrain at another
        workstation went unnoticed until a restart, and a topic accepted there left this table stale)."""
        version = self.database.data_version()
        if version != self._data_version:
            self._data_version = version
            self._on_remote_change(ANY_CHANGE)
            self._check_model_version()

    def _check_model_version(self) -> None:
        """Load the desk's active model when it is not the one this window has (read in the background)."""
        loaded = str(self.classifier[1].get("version")) if self.classifier else None
        if loaded is None or self._closing:
            return  # none loaded yet: the first load reads the active one anyway

        def work(context):
            from elsdesk.ml.store import DeskModelStore

            with context.open_database() as database:
                return DeskModelStore(database).active_version()

        def done(active):
            if active is not None and str(active) != loaded and not self._closing:
                self.load_classifier()

        self.runner.start(work, db_path=self.db_path, on_success=done, on_failure=lambda _exc: None, name="model version")

    def _on_remote_change(self, tables: frozenset) -> None:
        """Refresh what shows the changed tables and settings (elsdesk.services.desk_changes; the views keep their
        selection and current item)."""
        if self._closing:  # a notice the listener queued before it stopped: the database is closed
            return
        if "tickets" in tables:
            self._desk_changed_for_topics()
            self.catch_up_similarity_index()  # their tickets are found as similar ones at once
        if tables & {"tickets", "label_history", "incident_tickets"}:
            self._refresh_list_after_change()
        if self.review_view is not None and tables & {"tickets", "review_decisions"}:
            self.review_view.refresh()
        if tables & {"incidents", "incident_tickets"}:
            self.refresh_incidents()
        if training_may_have_changed(tables) and self.tabs.currentIndex() == self.training_tab \
                and self.training_view.overview is not None and not self.training_view.is_loading():
            # the week on screen, its selection kept (it jumped to the newest week after any edit or another
            # workstation's rename: a training lead working on an older week)
            self.training_view.reload()
        if model_may_have_changed(tables):
            # a model stored or the active one set: loaded again only when the desk's active one changed (each
            # decision at one workstation emptied the other super-users' cards while any setting meant a model)
            if self.classifier is None:
                self.load_classifier()
            else:
                self._check_model_version()

    def _refresh_list_after_change(self) -> None:
        """Show another workstation's change in the list. While a load runs it may have read the desk
        before the change, so one more refresh follows it (a burst's last ticket stayed missing:
        "Visar 43 156 av 43 157"); several notices during one load make one refresh."""
        if self.list_view.is_loading():
            self._list_change_waiting = True
            return
        self._list_change_waiting = False
        self.model.refresh_rows()
        self.list_view.refresh()
        self.refresh_demo_state()

    def _on_list_settled(self, *_result) -> None:
        """The list's load ended (rows or failure): a change noticed meanwhile is shown now."""
        if self._list_change_waiting and not self._closing:
            self._refresh_list_after_change()

    def _on_review_presence(self, payload: str) -> None:
        """Another review view said which ticket its card shows (or asked what each shows)."""
        if self.review_view is not None and not self._closing:
            self.review_view.presence_heard(payload)

    def _on_connection_lost(self) -> None:
        if self.review_view is not None:
            self.review_view.presence_lost()
        self.connection_label.setText(self.tr("Återansluter till servern…"))
        self.connection_label.setVisible(True)

    def _on_reconnected(self) -> None:
        self.connection_label.setVisible(False)
        self.statusBar().showMessage(self.tr("Ansluten till servern igen; listorna är uppdaterade."), 8000)
        self._on_remote_change(ANY_CHANGE)

    def step_tab(self, step: int) -> None:
        """The next (*step* 1) or previous (-1) tab the role shows, round the end; hidden tabs are skipped."""
        count, index = self.tabs.count(), self.tabs.currentIndex()
        for _ in range(count - 1):
            index = (index + step) % count
            if self.tabs.isTabVisible(index) and self.tabs.isTabEnabled(index):
                self.tabs.setCurrentIndex(index)
                return

    def _focus_search(self) -> None:
        """Ctrl+F: the search box of the ticket list, shown first (a super-user's Ctrl+F in Granskning typed into the
        hidden list's search, and Enter then sent the review keys to the hidden list)."""
        self.tabs.setCurrentIndex(self.tickets_tab)
        self.filter_bar.search_edit.setFocus()
        self.filter_bar.search_edit.selectAll()

    # -- start-up and shutdown -----------------------------------------------------------
    def start_up(self) -> None:
        """First the profile (at first start), then the draft and demo-data offers, one at a time."""
        dialog = self.ensure_profile()
        if dialog is None:
            self.startup_checks()
        else:
            dialog.finished.connect(lambda _result: self.startup_checks())

    def startup_checks(self) -> None:
        """Offer a surviving draft, then demo data on an empty database (once)."""
        from elsdesk.drafts import load_draft

        draft = load_draft(self._desk_of_place())
        if draft:
            answer = QMessageBox.question(
                self, self.tr("Osparat ärende"),
                self.tr("Ett ärende som inte hann sparas finns kvar: \"%1\". Vill du fortsätta med det?").replace("%1", (draft.get("title") or "")[:60]),
            )
            if answer == QMessageBox.Yes:
                if draft.get("id"):
                    dialog = self.edit_ticket(int(draft["id"]))
                    dialog.set_values(draft)
                else:
                    self.new_ticket(draft)
                return
            from elsdesk.drafts import clear_draft

            clear_draft(self._desk_of_place())
        if self.may(LOAD_DEMO) and not self.settings.value("demo_offered", False, type=bool) \
                and self.repo.latest_created_at() is None:  # only whoever may load it is offered it
            # an empty desk, asked through the date index: counting grows with the desk (issue 14)
            self.settings.setValue("demo_offered", True)
            # No is the default: an Enter meant for the next dialog (an import tester's file dialog) put 1,200 made-up
            # tickets into a new region's real desk
            answer = QMessageBox.question(
                self, self.tr("Tom databas"),
                self.tr("Databasen är tom. Vill du lägga in demodata (en påhittad go-live-månad) för att prova elsdesk?"),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No,
            )
            if answer == QMessageBox.Yes:
                self.load_demo()

    def _choose_desk(self):
        """Choose where the desk lives next time (a password typed into the address goes to the keyring)."""
        from elsdesk.gui.app import DESK_KEY
        from elsdesk.gui.desk_connection import DeskLocationDialog
        from elsdesk.storage.postgres_backend import keep_password

        dialog = DeskLocationDialog(str(self.settings.value(DESK_KEY) or "") or None, self)

        def chosen():
            self.settings.setValue(DESK_KEY, dialog.location)
            if dialog.location and dialog.password:
                keep_password(dialog.location, dialog.password, remember=True)
            QMessageBox.information(self, "elsdesk", self.tr("Desken byts när elsdesk startas om."))

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def _set_language(self, code: str) -> None:
        """Keep *code* for the next start and say so in that language (a person who picks English may not read
        Swedish); the language already chosen, or the one the window shows, needs no word."""
        before = str(self.settings.value("language", self.language))
        self.settings.setValue("language", code)
        if code != before and code != self.language:
            QMessageBox.information(self, "elsdesk", LANGUAGE_AT_RESTART.get(code, LANGUAGE_AT_RESTART["sv"]))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Om elsdesk"), self.tr("elsdesk %1\nDatabas: %2").replace("%1", __version__).replace("%2", self.database.describe()))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if _still_open(self.form):  # a log-out or shut-down with a form open: what was typed is kept as the draft
            self.form.put_aside()
        self._closing = True
        self._save_place()
        self._save_layout()
        self._change_watch.stop()
        self._edit_scan_timer.stop()
        if self.topics_keeper is not None:
            self.topics_keeper.stop()
        if self.listener is not None:
            self.listener.stop()
        if self.review_view is not None:
            self.review_view.shutdown(10_000)  # decisions still queued are written before the database closes
        self.runner.shutdown(10_000)
        self.database.close()
        super().closeEvent(event)


def _still_open(form) -> bool:
    """Whether a ticket form a save answers is still there: a closed form is deleted (put aside for another)."""
    return form is not None and shiboken6.isValid(form)
