"""MainWindow: wires the filter bar, ticket list, details pane, form and background tasks."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter,
    QTabWidget, QVBoxLayout, QWidget,
)

from elsdesk import __version__
from elsdesk.drafts import load_draft
from elsdesk.domain import TicketFilter
from elsdesk.gui.filter_bar import FilterBar
from elsdesk.gui.learning_curve_view import LearningCurveView
from elsdesk.gui.profile_dialog import ProfileDialog
from elsdesk.gui.review_queue_view import ReviewQueueView
from elsdesk.gui.notify import show_error
from elsdesk.gui.tasks import TaskRunner
from elsdesk.gui.ticket_details import TicketDetailsView
from elsdesk.gui.ticket_form import TicketFormDialog, ticket_values
from elsdesk.gui.ticket_list_view import ListResult, TicketListView
from elsdesk.gui.ticket_table_model import TicketTableModel
from elsdesk.masking import describe_counts
from elsdesk.services.imports import Cancelled
from elsdesk.services.profile import REVIEW, TRAINING, load_profile, role_name, save_profile, views_for
from elsdesk.storage import TicketRepository, open_database
from elsdesk.taxonomy import load_taxonomy

logger = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    ticket_saved = Signal(object)
    tickets_imported = Signal(object)

    def __init__(self, db_path, settings: QSettings, language: str = "sv"):
        super().__init__()
        self.db_path = db_path
        self.settings = settings
        self.language = language
        self.taxonomy = load_taxonomy()
        self.database = open_database(db_path)
        self.repo = TicketRepository(self.database)
        self.runner = TaskRunner(self)
        self.form: TicketFormDialog | None = None
        self._long_task = None
        self.profile = load_profile()
        self.similarity_index = None
        self.review_view: ReviewQueueView | None = None
        self.open_incidents: list = []
        self._similar_task = None
        self.setWindowTitle(self.tr("elsdesk – ELS-stöd för Cosmic"))
        self.model = TicketTableModel(self.database, self.taxonomy, language, self)
        self.list_view = TicketListView(self.model, self.runner, db_path, self)
        self.filter_bar = FilterBar(self.taxonomy, language, self)
        self.details = TicketDetailsView(self.taxonomy, language, self)
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self.filter_bar.filter_changed.connect(self.list_view.set_filter)
        self.list_view.ticket_selected.connect(self._on_ticket_selected)
        self.list_view.ticket_activated.connect(self.edit_ticket)
        self.list_view.loaded.connect(self._on_list_loaded)
        self.list_view.query_failed.connect(lambda exc: show_error(self, exc))
        self.ticket_saved.connect(self._on_ticket_saved)
        self.classifier = None
        self.classifier_error: str | None = None
        self.tickets_imported.connect(self._on_tickets_imported)
        self.tabs.currentChanged.connect(self._focus_review_tab)
        self.resize(1360, 820)
        self.list_view.refresh()
        self.load_classifier()
        self._apply_profile()
        self.build_similarity_index()
        self.refresh_incidents()

    # -- construction --------------------------------------------------------------------
    def _build_layout(self) -> None:
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([960, 400])
        tickets_page = QWidget(self)
        layout = QVBoxLayout(tickets_page)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)
        from elsdesk.gui.training_view import TrainingLeadView

        self.training_view = TrainingLeadView(self.taxonomy, self.runner, self.db_path, self.language, self)
        self.training_view.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("Exporterat till %1").replace("%1", path), 10000))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tickets_tab = self.tabs.addTab(tickets_page, self.tr("Ärenden"))
        self.training_tab = self.tabs.addTab(self.training_view, self.tr("Utbildning"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

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
        self.import_action = self._action(self.tr("&Importera…"), "Ctrl+I", self._choose_import_file)
        self.demo_action = self._action(self.tr("Lägg in &demodata"), None, self.load_demo)
        self.quit_action = self._action(self.tr("&Avsluta"), "Ctrl+Q", self.close)
        self.find_action = self._action(self.tr("&Sök"), "Ctrl+F", self._focus_search)
        self.refresh_action = self._action(self.tr("&Uppdatera"), "F5", lambda: self.list_view.refresh())
        self.train_action = self._action(self.tr("&Träna om modellen"), "Ctrl+T", self.retrain, self.tr("Träna om på bekräftade etiketter"))
        self.model_action = self._action(self.tr("&Modell och kvalitet…"), None, self.show_model_dialog)
        self.profile_action = self._action(self.tr("Byt &profil…"), None, self.choose_profile)
        self.learning_action = self._action(self.tr("&Inlärningskurva…"), None, self.show_learning_curve)
        menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        for action in (self.new_action, self.edit_action, self.import_action, self.demo_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.profile_action)
        menu.addAction(self.quit_action)
        model_menu = self.menuBar().addMenu(self.tr("&Modell"))
        model_menu.addAction(self.train_action)
        model_menu.addAction(self.model_action)
        model_menu.addAction(self.learning_action)
        self.incidents_menu = self.menuBar().addMenu(self.tr("&Incidenter"))
        self.incidents_menu.aboutToShow.connect(self._fill_incidents_menu)
        view = self.menuBar().addMenu(self.tr("&Visa"))
        view.addAction(self.find_action)
        view.addAction(self.refresh_action)
        language = view.addMenu(self.tr("Språk"))
        for code, name in (("sv", "Svenska"), ("en", "English")):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
        help_menu = self.menuBar().addMenu(self.tr("&Hjälp"))
        help_menu.addAction(self.tr("Om elsdesk"), self._about)
        toolbar = self.addToolBar(self.tr("Verktyg"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for action in (self.new_action, self.edit_action, self.import_action, self.refresh_action):
            toolbar.addAction(action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Avbryt"), self)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._cancel_long_task)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    # -- tickets -------------------------------------------------------------------------
    def new_ticket(self, values: dict | None = None) -> TicketFormDialog:
        return self._open_form(None, values)

    def edit_ticket(self, ticket_id: int) -> TicketFormDialog:
        return self._open_form(self.repo.get(ticket_id), None)

    def _edit_current(self) -> None:
        ticket_id = self.list_view.current_ticket_id()
        if ticket_id is not None:
            self.edit_ticket(ticket_id)

    def _open_form(self, ticket, values) -> TicketFormDialog:
        if self.form is not None:
            self.form.close()
        self.form = TicketFormDialog(self.taxonomy, self.language, self, ticket)
        if values:
            self.form.set_values(values)
        self.form.submitted.connect(self._on_form_submitted)
        self.form.text_edited.connect(self._on_form_text_edited)
        self.form.similar_ticket_activated.connect(self._show_ticket_details)
        if ticket is not None:
            self._lookup_similar(ticket=ticket)
        if self.classifier is None:
            self.form.show_suggestions([], available=False)
        self.form.finished.connect(self._on_form_finished)
        self.form.open()
        return self.form

    def _on_tickets_imported(self, _report) -> None:
        self.list_view.refresh()
        self.build_similarity_index()
        self.scan_incidents()
        if self.review_view is not None:
            self.review_view.refresh()
        self.training_view.overview = None  # recomputed when the training tab is next shown
        if self.tabs.currentIndex() == self.training_tab:
            self.training_view.load(recompute=True)

    def _on_tab_changed(self, index: int) -> None:
        if index == self.training_tab and self.training_view.overview is None and not self.training_view.is_loading():
            self.training_view.load()

    def _on_form_finished(self, _result) -> None:
        self.form = None

    def _on_form_submitted(self, ticket) -> None:
        from elsdesk.services.tickets import log_ticket, save_ticket

        form = self.form

        classifier = self.classifier
        index, actor = self.similarity_index, self._actor()

        def work(context):
            from elsdesk.services.classification import apply_predictions
            from elsdesk.services.similar import index_ticket
            from elsdesk.services.surges import scan_for_incidents

            with context.open_database() as database:
                stored, summary = (save_ticket if ticket.id else log_ticket)(database, ticket, actor)
                if classifier is not None and stored.label_source != "human":
                    apply_predictions(database, *classifier, TicketFilter(ids=(stored.id,)))
                index_ticket(index, stored)
                scan = scan_for_incidents(database, around=stored.created_at)
                return stored, summary, scan

        def done(result):
            stored, summary, scan = result
            if scan.created or scan.extended:
                self._on_incidents_found(scan)
            if form is not None:
                form.saved()
            note = self.tr("Ärende %1 sparat.").replace("%1", stored.external_id)
            if summary.total:
                note += " " + self.tr("Maskerat: %1.").replace("%1", describe_counts(summary.counts))
            self.statusBar().showMessage(note, 8000)
            self.ticket_saved.emit(stored)

        def failed(exc):
            from elsdesk.gui.notify import describe

            what, todo = describe(exc)
            if form is not None:
                form.save_failed(f"{what} {todo}")

        self.runner.start(work, db_path=self.db_path, on_success=done, on_failure=failed, name="save ticket")

    def _on_ticket_saved(self, ticket) -> None:
        self.model.refresh_rows()
        self.list_view.refresh(select_ticket=ticket.id)
        if self.review_view is not None:
            self.review_view.refresh()

    def _on_ticket_selected(self, ticket_id) -> None:
        if ticket_id is None:
            self.details.show_ticket(None)
            return
        ticket = self.repo.get(ticket_id)
        self.details.show_ticket(ticket, self.repo.label_history(ticket_id))

    def _on_list_loaded(self, result: ListResult) -> None:
        self.filter_bar.set_weeks(result.weeks)
        shown = len(result.ids)
        parts = [self.tr("Visar %1 av %2 ärenden").replace("%1", f"{shown:,}".replace(",", " ")).replace("%2", f"{result.total:,}".replace(",", " "))]
        for status in self.taxonomy.statuses:
            count = result.by_status.get(status.id, 0)
            if count:
                parts.append(f"{status.name(self.language)}: {count:,}".replace(",", " "))
        self.count_label.setText(" · ".join(parts))

    def _focus_search(self) -> None:
        self.filter_bar.search_edit.setFocus()
        self.filter_bar.search_edit.selectAll()

    # -- long tasks ----------------------------------------------------------------------
    def start_long_task(self, work, label: str, on_success):
        if self._long_task is not None and not self._long_task.is_done():
            QMessageBox.information(self, "elsdesk", self.tr("Vänta tills pågående arbete är klart."))
            return None
        self.progress.setRange(0, 0)
        self.progress.setFormat(label + " %p %")
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.statusBar().showMessage(label)

        def progressed(done, total):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        def finished_ok(result):
            self._end_long_task()
            on_success(result)

        def finished_bad(exc):
            self._end_long_task()
            if isinstance(exc, Cancelled):
                self.statusBar().showMessage(str(exc), 8000)
                self.list_view.refresh()
            else:
                show_error(self, exc)

        self._long_task = self.runner.start(work, db_path=self.db_path, on_success=finished_ok, on_failure=finished_bad,
                                            on_progress=progressed, on_finished=self._on_long_task_finished, name=label)
        return self._long_task

    def _on_long_task_finished(self, task) -> None:
        """A task cancelled after its last check reports nothing: reset the progress UI anyway."""
        if task.cancelled and not self.cancel_button.isHidden():
            self._end_long_task()
            self.list_view.refresh()

    def _end_long_task(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.statusBar().clearMessage()

    def _cancel_long_task(self) -> None:
        if self._long_task is not None:
            self._long_task.cancel()
            self.statusBar().showMessage(self.tr("Avbryter…"))

    def _choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importera ärenden"), "", self.tr("Ärendefiler (*.jsonl *.csv *.xlsx)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str):
        from elsdesk.services.imports import import_tickets

        classifier = self.classifier

        def work(context):
            from elsdesk.services.classification import apply_predictions

            with context.open_database() as database:
                report = import_tickets(database, path, progress=context.progress, is_cancelled=context.is_cancelled)
                if classifier is not None:
                    apply_predictions(database, *classifier, progress=context.progress, is_cancelled=context.is_cancelled)
                return report

        def done(report):
            message = self.tr("Import klar: %1 nya, %2 uppdaterade, %3 avvisade.").replace("%1", str(report.new)).replace(
                "%2", str(report.updated)).replace("%3", str(len(report.rejected)))
            if report.rejected:
                details = "\n".join(self.tr("rad %1: %2").replace("%1", str(line)).replace("%2", reason) for line, reason in report.rejected[:20])
                box = QMessageBox(QMessageBox.Information, self.tr("Import"), message, QMessageBox.Ok, self)
                box.setDetailedText(details)
                box.open()
            self.statusBar().showMessage(message, 10000)
            self.tickets_imported.emit(report)

        return self.start_long_task(work, self.tr("Importerar"), done)

    def load_demo(self):
        from elsdesk.services.demo import load_demo_data

        def work(context):
            with context.open_database() as database:
                return load_demo_data(database, progress=context.progress, is_cancelled=context.is_cancelled)

        def done(count):
            self.statusBar().showMessage(self.tr("%1 demoärenden inlagda.").replace("%1", str(count)), 8000)
            self.tickets_imported.emit(count)
            self.classify_unlabelled()

        return self.start_long_task(work, self.tr("Lägger in demodata"), done)

    # -- classifier ----------------------------------------------------------------------
    def load_classifier(self):
        """Load the active model in the background; the window works without it meanwhile."""
        from elsdesk.services.classification import active_model

        def done(result):
            self.classifier = result
            self.classifier_error = None
            if self.review_view is not None:
                self.review_view.set_classifier(result)
            self.statusBar().showMessage(self.tr("Modell %1 laddad.").replace("%1", str(result[1].get("version"))), 5000)
            self.classify_unlabelled()

        def failed(exc):
            self.classifier = None
            self.classifier_error = str(exc)
            self.statusBar().showMessage(self.tr("Inga förslag: %1 Välj Modell › Träna om modellen.").replace("%1", str(exc)))

        return self.runner.start(lambda _context: active_model(), on_success=done, on_failure=failed, name="load model")

    def classify_unlabelled(self):
        """Store the model's labels on tickets that no human has labelled yet."""
        from elsdesk.services.classification import apply_predictions

        classifier = self.classifier
        if classifier is None:
            return None

        def work(context):
            with context.open_database() as database:
                return apply_predictions(database, *classifier, is_cancelled=context.is_cancelled)

        def done(count):
            if count:
                self.model.refresh_rows()
                self.list_view.refresh()
                if self.review_view is not None:
                    self.review_view.refresh()

        return self.runner.start(work, db_path=self.db_path, on_success=done, name="classify")

    def _on_form_text_edited(self, text: str) -> None:
        from elsdesk.services.classification import suggestions

        self._lookup_similar(text=text)
        if self.form is None or self.classifier is None:
            return
        title, _, description = text.partition("\n")
        if not (title.strip() or description.strip()):
            self.form.show_suggestions([])
            return
        found = suggestions(*self.classifier, title, description)
        self.form.show_suggestions([(s.module, s.probability, s.band_name) for s in found])

    def retrain(self):
        from elsdesk.services.classification import train_model

        def work(context):
            with context.open_database() as database:
                return train_model(database, progress=context.progress, is_cancelled=context.is_cancelled)

        def done(result):
            if result.activated:
                self.load_classifier()
            before = result.previous_quality["macro_f1"] if result.previous_quality else None
            after = result.new_quality["macro_f1"] if result.new_quality else None
            if before is not None and after is not None:
                text = self.tr("Ny modell %1: macro-F1 %2 → %3 på %4 undanhållna bekräftade ärenden.").replace(
                    "%1", result.card["version"]).replace("%2", f"{before:.3f}").replace("%3", f"{after:.3f}").replace("%4", str(result.held_out))
            else:
                text = self.tr("Ny modell %1 tränad på %2 bekräftade ärenden.").replace("%1", result.card["version"]).replace("%2", str(result.confirmed))
            text += " " + (self.tr("Den är aktiverad.") if result.activated else self.tr("Den var sämre och aktiverades inte."))
            QMessageBox.information(self, self.tr("Träning klar"), text)
            self.show_learning_curve()

        return self.start_long_task(work, self.tr("Tränar modellen"), done)

    def show_model_dialog(self):
        from elsdesk.gui.model_dialog import ModelDialog
        from elsdesk.ml.store import ModelStore
        from elsdesk.services.classification import forget_loaded_models

        store = ModelStore()
        dialog = ModelDialog(self.taxonomy, self.language, self)
        dialog.set_versions(store.versions(), store.active_version())

        def activate(version):
            store.activate(version)
            forget_loaded_models()
            dialog.set_versions(store.versions(), store.active_version())
            self.load_classifier()

        dialog.activate_requested.connect(activate)
        dialog.retrain_requested.connect(lambda: (dialog.accept(), self.retrain()))
        dialog.open()
        return dialog

    # -- start-up and shutdown -----------------------------------------------------------
    def startup_checks(self) -> None:
        """Offer a surviving draft, then demo data on an empty database (once)."""
        draft = load_draft()
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

            clear_draft()
        if self.repo.count() == 0 and not self.settings.value("demo_offered", False, type=bool):
            self.settings.setValue("demo_offered", True)
            answer = QMessageBox.question(
                self, self.tr("Tom databas"),
                self.tr("Databasen är tom. Vill du lägga in demodata (en påhittad go-live-månad) för att prova elsdesk?"),
            )
            if answer == QMessageBox.Yes:
                self.load_demo()

    def _set_language(self, code: str) -> None:
        self.settings.setValue("language", code)
        QMessageBox.information(self, "elsdesk", self.tr("Språket byts när elsdesk startas om."))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Om elsdesk"), self.tr("elsdesk %1\nDatabas: %2").replace("%1", __version__).replace("%2", str(self.database.path or ":memory:")))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.review_view is not None:
            self.review_view.shutdown(10_000)  # decisions still queued are written before the database closes
        self.runner.shutdown(10_000)
        self.database.close()
        super().closeEvent(event)

    def form_values_for(self, ticket_id: int) -> dict:
        return ticket_values(self.repo.get(ticket_id))

    # -- profile, review queue and retrain offer (issue 4) ----------------------------------
    def ensure_profile(self):
        """At first start (no saved profile) ask for name and role."""
        return self.choose_profile() if self.profile is None else None

    def choose_profile(self) -> ProfileDialog:
        dialog = ProfileDialog(self.profile, self.language, self)

        def chosen(profile):
            try:
                self.profile = save_profile(profile)
            except OSError as exc:
                show_error(self, exc)
                return
            self._apply_profile()

        dialog.profile_chosen.connect(chosen)
        dialog.open()
        return dialog

    def _actor(self) -> str:
        return self.profile.actor if self.profile else "ELS-stöd"

    def _apply_profile(self) -> None:
        """Offer the views of the profile's role: tickets always, the review queue to super-users and the
        training view to training leads. Without a profile (first start) the tabs stay as built."""
        if self.profile is None:
            return
        views = views_for(self.profile.role)
        self.tabs.setTabVisible(self.training_tab, TRAINING in views)
        if REVIEW in views and self.review_view is None:
            self.review_view = ReviewQueueView(self.db_path, self.taxonomy, self.runner, self._actor(), self.language, self,
                                               classifier=self.classifier, similarity_index=self.similarity_index)
            self.review_view.labels_confirmed.connect(self._on_review_decision)
            self.review_view.decision_undone.connect(self._on_review_decision)
            self.review_view.retrain_suggested.connect(self._offer_retrain)
            self.review_tab = self.tabs.addTab(self.review_view, self.tr("Granskning"))
            self.review_view.refresh()
        elif REVIEW not in views and self.review_view is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.review_view))
            self.review_view.shutdown(10_000)
            self.review_view.deleteLater()
            self.review_view = None
        elif self.review_view is not None:
            self.review_view.set_actor(self._actor())
        self.statusBar().showMessage(self.tr("Profil: %1, %2.").replace("%1", self.profile.name).replace(
            "%2", role_name(self.profile.role, self.language)), 5000)

    def _focus_review_tab(self, index: int) -> None:
        if self.review_view is not None and self.tabs.widget(index) is self.review_view:
            self.review_view.setFocus()  # the queue's single-key decisions need the keyboard focus

    def _on_review_decision(self, decision) -> None:
        self.model.refresh_rows()
        if self.list_view.current_ticket_id() == decision.ticket_id:
            self._on_ticket_selected(decision.ticket_id)

    def _offer_retrain(self, confirmations: int) -> QMessageBox:
        box = QMessageBox(QMessageBox.Question, self.tr("Träna om modellen?"), self.tr(
            "%1 etiketter har bekräftats sedan den senaste träningen. Vill du träna om modellen nu? "
            "Du ser kvaliteten före och efter när den är klar.").replace("%1", str(confirmations)),
            QMessageBox.Yes | QMessageBox.No, self)
        box.button(QMessageBox.Yes).setText(self.tr("Träna om nu"))
        box.button(QMessageBox.No).setText(self.tr("Senare"))
        box.finished.connect(lambda _result: self.retrain() if box.clickedButton() is box.button(QMessageBox.Yes) else None)
        box.open()
        return box

    def show_learning_curve(self):
        """Confirmed labels vs macro-F1 per model version, with before/after of the last training."""
        from elsdesk.ml.store import ModelStore

        def done(cards):
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Inlärningskurva"))
            view = LearningCurveView(dialog)
            view.set_cards(cards)
            buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
            buttons.rejected.connect(dialog.reject)
            layout = QVBoxLayout(dialog)
            layout.addWidget(view)
            layout.addWidget(buttons)
            dialog.resize(760, 480)
            dialog.open()
            self.learning_dialog = dialog

        return self.runner.start(lambda _context: ModelStore().versions(), on_success=done,
                                 on_failure=lambda exc: show_error(self, exc), name="model cards")

    # -- similar tickets --------------------------------------------------------------------
    def build_similarity_index(self):
        """Build the in-memory similar-ticket index in the background (seconds at 200,000 tickets)."""
        from elsdesk.services.similar import build_similarity_index

        def work(context):
            with context.open_database() as database:
                return build_similarity_index(database, is_cancelled=context.is_cancelled)

        def done(index):
            self.similarity_index = index
            if self.review_view is not None:
                self.review_view.set_similarity_index(index)

        return self.runner.start(work, db_path=self.db_path, on_success=done, name="similarity index",
                                 on_failure=lambda exc: logger.warning("similar tickets unavailable: %s", exc))

    def _lookup_similar(self, text: str | None = None, ticket=None) -> None:
        """Show the five most similar earlier tickets in the open form (in the background)."""
        from elsdesk.services.similar import similar_tickets, similar_to_text

        form, index = self.form, self.similarity_index
        if form is None or index is None:
            return
        base = ticket or form.ticket
        title, _, description = (text or "").partition("\n")
        if base is not None and text is not None:
            base = base.with_changes(title=title, description=description)

        def work(context):
            with context.open_database() as database:
                if base is not None:
                    return similar_tickets(database, index, base)
                return similar_to_text(database, index, title, description)

        def done(found):
            if form is self.form:
                form.show_similar(found)

        if self._similar_task is not None:
            self._similar_task.cancel()
        self._similar_task = self.runner.start(work, db_path=self.db_path, on_success=done, name="similar tickets")

    def _show_ticket_details(self, ticket_id: int) -> None:
        self.details.show_ticket(self.repo.get(ticket_id), self.repo.label_history(ticket_id))

    # -- possible incidents (surges) --------------------------------------------------------
    def refresh_incidents(self):
        """Mark tickets of open possible incidents in the list and keep the incident menu current."""
        from elsdesk.services.surges import incident_flags, open_incidents

        def work(context):
            with context.open_database() as database:
                return incident_flags(database), open_incidents(database)

        def done(result):
            flags, self.open_incidents = result
            self.model.set_incident_tickets(flags)

        return self.runner.start(work, db_path=self.db_path, on_success=done, name="incident flags")

    def scan_incidents(self):
        """Look for surges in the last 24 hours of tickets (after an import)."""
        from elsdesk.services.surges import scan_for_incidents

        def work(context):
            with context.open_database() as database:
                return scan_for_incidents(database)

        return self.runner.start(work, db_path=self.db_path, on_success=self._on_incidents_found, name="surge scan")

    def _on_incidents_found(self, scan) -> None:
        self.refresh_incidents()
        for incident in scan.created:
            self.statusBar().showMessage(self.tr("Möjlig incident: %1 (%2 ärenden från %3 enheter). Se menyn Incidenter.")
                                         .replace("%1", incident.label).replace("%2", str(incident.ticket_count))
                                         .replace("%3", str(len(incident.units))), 15000)

    def _fill_incidents_menu(self) -> None:
        self.incidents_menu.clear()
        if not self.open_incidents:
            self.incidents_menu.addAction(self.tr("Inga möjliga incidenter")).setEnabled(False)
        for incident in self.open_incidents:
            sub = self.incidents_menu.addMenu(f"{incident.first_at.replace('T', ' ')[:16]} · {incident.label} "
                                              f"({incident.ticket_count})")
            sub.addAction(self.tr("Visa ärendena tillsammans"), lambda i=incident.id: self.show_incident(i))
            sub.addAction(self.tr("Bekräfta incident"), lambda i=incident.id: self.set_incident_status(i, "confirmed"))
            sub.addAction(self.tr("Avfärda"), lambda i=incident.id: self.set_incident_status(i, "dismissed"))
        self.incidents_menu.addSeparator()
        self.incidents_menu.addAction(self.tr("Visa alla ärenden"), lambda: self.list_view.set_filter(TicketFilter()))

    def show_incident(self, incident_id: int):
        """List the incident's tickets together."""
        from elsdesk.services.surges import incident_ticket_ids

        def work(context):
            with context.open_database() as database:
                return incident_ticket_ids(database, incident_id)

        return self.runner.start(work, db_path=self.db_path, name="incident tickets",
                                 on_success=lambda ids: self.list_view.set_filter(TicketFilter(ids=tuple(ids))))

    def set_incident_status(self, incident_id: int, status: str):
        from elsdesk.services.surges import set_incident_status

        def work(context):
            with context.open_database() as database:
                return set_incident_status(database, incident_id, status)

        return self.runner.start(work, db_path=self.db_path, name="incident status",
                                 on_success=lambda _incident: self.refresh_incidents(),
                                 on_failure=lambda exc: show_error(self, exc))
