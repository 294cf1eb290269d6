"""ModelActionsMixin: load the classifier in the background, suggest while typing, store
predictions, retrain, and show model quality and the learning curve."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout

from elsdesk.gui.notify import show_error


class ModelActionsMixin:
    """Mixed into MainWindow; keeps the loaded model in ``self.classifier``."""

    def load_classifier(self):
        """Load the active model in the background; the window works without it meanwhile."""

        def done(result):
            from elsdesk.ml.store import SHIPPED  # already imported by the worker

            self.classifier = result
            self.classifier_error = None
            if self.review_view is not None:
                self.review_view.set_classifier(result)
            from elsdesk.gui.model_words import version_text

            version = str(result[1].get("version"))
            self.statusBar().showMessage(self.tr("Den levererade modellen är laddad.") if version == SHIPPED else
                                         self.tr("Modell %1 laddad.").replace("%1", version_text(version)), 5000)
            self.classify_unlabelled()

        def failed(exc):
            self.classifier = None
            self.classifier_error = str(exc)
            self.statusBar().showMessage(self.tr("Inga förslag: %1 Välj Modell › Träna om modellen.").replace("%1", str(exc)))

        def work(context):
            from elsdesk.services.classification import active_model  # scikit-learn, imported off the GUI thread

            with context.open_database() as database:
                return active_model(database)  # the desk's model, the same at every workstation

        return self.runner.start(work, db_path=self.db_path, on_success=done, on_failure=failed, name="load model")

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
        self._lookup_similar(text=text)
        self._lookup_known_problem(text, *self._suggest_for_form(text))

    def _suggest_for_form(self, text: str) -> tuple[str | None, str | None]:
        """Show the model's suggestions for the open form's *text*; (module, kind) the model is not unsure of, which
        stand for the ones not chosen yet when the known problem is looked up: a problem of another module is then no
        hint ("Hur skriver man ut en patient till kommunen", Vårdadministration 96 %, was offered a wristband printer's
        fault for "skriver ut", a keyboard tester)."""
        from elsdesk.services.classification import suggest

        if self.form is None or self.classifier is None:
            return None, None
        title, _, description = text.partition("\n")
        if not (title.strip() or description.strip()):
            self.form.show_suggestions([])
            return None, None
        found = suggest(*self.classifier, title, description)
        kind = (found.kind.label, found.kind.probability, found.kind.band_name) if found.kind else None
        self.form.show_suggestions([(s.label, s.probability, s.band_name) for s in found.modules], kind=kind,
                                   version=str(self.classifier[1].get("version", "")) or None)
        return (found.modules[0].label if found.modules and found.modules[0].band != "lag" else None,
                found.kind.label if found.kind and found.kind.band != "lag" else None)

    def _lookup_known_problem(self, text: str, likely_module: str | None = None, likely_kind: str | None = None) -> None:
        """Show in the open form the known problem its text most likely describes (in the background), among those
        of its module: the chosen one, else *likely_module* (the model's)."""
        form = self.form
        if form is None:
            return
        title, _, description = text.partition("\n")
        if not (title.strip() or description.strip()):
            form.show_known_problem(None)
            return
        module = form.values().get("module") or likely_module
        kind = form.values().get("kind") or likely_kind
        ticket_id = getattr(form.ticket, "id", None)  # an open ticket linked to a problem shows it as linked

        def work(context):
            from types import SimpleNamespace

            from elsdesk.services.problems import suggest_problem

            typed = SimpleNamespace(id=ticket_id, title=title, description=description, module=module, kind=kind)
            with context.open_database() as database:
                return suggest_problem(database, typed)

        def done(found):
            if form is self.form:
                form.show_known_problem(found)

        if getattr(self, "_problem_task", None) is not None:
            self._problem_task.cancel()
        self._problem_task = self.runner.start(work, db_path=self.db_path, on_success=done, name="known problem",
                                               quick=True)

    def retrain(self):
        from elsdesk.services.classification import train_model
        from elsdesk.services.permissions import TRAIN_MODEL

        if not self.may(TRAIN_MODEL):  # the menu and the model dialog offer it only to a super-user
            return None

        def work(context):
            from elsdesk.services.permissions import TRAIN_MODEL, require

            with context.open_database() as database:
                require(database, TRAIN_MODEL)
                return train_model(database, progress=context.progress, is_cancelled=context.is_cancelled)

        def done(result):
            from elsdesk.gui.model_words import comparison_text, version_text
            from elsdesk.services.learning_curve import last_training

            if result.nothing_new:  # no version was made
                QMessageBox.information(self, self.tr("Inget nytt att lära"), self.tr(
                    "Inga etiketter har bekräftats sedan den aktiva modellen tränades, så en ny träning skulle bara"
                    " göra en kopia av den. Ingen ny version skapades."))
                return
            if result.activated:
                self.load_classifier()
            text = self.tr("Ny modell %1 tränad på %2 bekräftade ärenden.").replace(
                "%1", version_text(result.card["version"])).replace("%2", str(result.confirmed))
            if result.demo:  # the demo desk's made-up labels are no one's confirmations
                text += " " + self.tr("Dessutom %1 demoärenden med påhittade etiketter.").replace("%1", str(result.demo))
            text += "\n\n" + comparison_text(last_training([result.card])) + "\n\n" + self._activation_text(result)
            self.training_done_box = self._training_done(text)

        return self.start_long_task(work, self.tr("Tränar modellen"), done)

    def _training_done(self, text: str) -> QMessageBox:
        """Say what the retrain made; the learning curve opens only when asked for with the box's own button
        (it opened by itself after every retrain, often empty)."""
        box = QMessageBox(QMessageBox.Information, self.tr("Träning klar"), text, QMessageBox.Ok, self)
        box.setObjectName("trainingDone")
        curve = box.addButton(self.tr("Visa &inlärningskurvan"), QMessageBox.ActionRole)
        box.setDefaultButton(QMessageBox.Ok)
        box.setEscapeButton(QMessageBox.Ok)  # kept, not deleted on close, as the retrain offer's box: deleting a box
        # whose finished handler holds the window crashed PySide under pytest-qt
        box.finished.connect(lambda _result: self.show_learning_curve() if box.clickedButton() is curve else None)
        box.open()
        return box

    def _activation_text(self, result) -> str:
        """Whether the new model was activated, and how to undo or override that."""
        evaluation = result.card.get("evaluation") or {}
        from elsdesk.gui.model_words import version_text

        if result.activated and evaluation.get("status") == "measured":
            return self.tr("Den nya modellen är aktiverad. En tidigare version kan återaktiveras under Modell › Modell och kvalitet.")
        if result.activated:
            return self.tr("Den nya modellen är aktiverad utan jämförelse, eftersom det fanns för lite att jämföra på."
                           " Ser förslagen sämre ut, aktivera %1 igen under Modell › Modell och kvalitet.").replace(
                "%1", version_text(result.previous_version))
        if evaluation.get("contradicts_active"):
            return self.tr("Den nya modellen aktiverades inte: modellerna gick inte att jämföra, och de bekräftade"
                           " etiketterna säger emot den aktiva modellen på %1 av %2 ärenden där den var säker."
                           " Kontrollera etiketterna under Modell › Troliga felmärkningar; stämmer de, aktivera %3"
                           " under Modell › Modell och kvalitet.").replace("%1", str(evaluation.get("contradicted"))).replace(
                "%2", str(evaluation.get("n"))).replace("%3", version_text(result.card["version"]))
        return self.tr("Den nya modellen hade färre rätt och aktiverades inte; den aktiva modellen är oförändrad.")

    def show_model_dialog(self):
        """The desk's model versions; activating one is a super-user's decision for every workstation."""
        from elsdesk.gui.model_dialog import ModelDialog
        from elsdesk.ml.store import DeskModelStore
        from elsdesk.services.classification import activate_model

        from elsdesk.services.permissions import TRAIN_MODEL

        dialog = ModelDialog(self.taxonomy, self.language, self)
        dialog.set_may_change(self.may(TRAIN_MODEL))
        self.model_dialog = dialog

        def versions_of(database):
            store = DeskModelStore(database)
            return store.versions(), store.usable_active_version()  # a version that does not load is not shown as active

        def read(context):
            with context.open_database() as database:
                return versions_of(database)

        def activate(version):
            def work(context):
                with context.open_database() as database:
                    activate_model(database, version)
                    return versions_of(database)

            def done(result):
                dialog.set_versions(*result)
                self.load_classifier()

            self.runner.start(work, db_path=self.db_path, on_success=done,
                              on_failure=lambda exc: show_error(self, exc), name="activate model")

        dialog.activate_requested.connect(activate)
        dialog.retrain_requested.connect(lambda: (dialog.accept(), self.retrain()))
        self.runner.start(read, db_path=self.db_path, on_success=lambda result: dialog.set_versions(*result),
                          on_failure=lambda exc: show_error(self, exc), name="model versions")
        dialog.open()
        return dialog

    def show_learning_curve(self):
        """Confirmed labels vs macro-F1 per model version, with before/after of the last training."""
        from elsdesk.ml.store import DeskModelStore

        def work(context):
            with context.open_database() as database:
                return DeskModelStore(database).versions()

        def done(cards):
            from elsdesk.gui.learning_curve_view import LearningCurveView  # Qt Charts: not before the first paint

            view = LearningCurveView()
            view.set_cards(cards)
            self.learning_dialog = self._show_in_dialog(self.tr("Inlärningskurva"), view, (760, 480))

        return self.runner.start(work, db_path=self.db_path, on_success=done,
                                 on_failure=lambda exc: show_error(self, exc), name="model cards")

    def show_agreement(self):
        """Agreement per module (super-users with each other, and with the model) and disagreements."""
        from elsdesk.gui.agreement_view import AgreementView
        from elsdesk.services.agreement import agreement_report, disagreements

        def work(context):
            with context.open_database() as database:
                return agreement_report(database), disagreements(database)

        def done(result):
            view = AgreementView(self.taxonomy, self.language)
            view.show_report(*result)
            dialog = self._show_in_dialog(self.tr("Samstämmighet"), view, (760, 560))
            view.ticket_activated.connect(lambda ticket_id: (dialog.accept(), self.edit_ticket(ticket_id)))
            self.agreement_dialog = dialog

        return self.runner.start(work, db_path=self.db_path, on_success=done,
                                 on_failure=lambda exc: show_error(self, exc), name="agreement")

    def show_likely_mistakes(self):
        """Labels people set that the cross-validated model strongly disagrees with, worst first."""
        from elsdesk.gui.likely_mistakes_view import LikelyMistakesView
        from elsdesk.services.label_check import checkable_count, likely_mistakes, take_model_label

        def work(context):
            with context.open_database() as database:
                found = likely_mistakes(database, progress=context.progress, is_cancelled=context.is_cancelled)
                return found, checkable_count(database)

        def done(result):
            found, checked = result
            view = LikelyMistakesView(self.taxonomy, self.language)
            view.show_mistakes(found, checked)
            dialog = self._show_in_dialog(self.tr("Troliga felmärkningar"), view, (1060, 560))
            view.ticket_activated.connect(lambda ticket_id: (dialog.accept(), self.edit_ticket(ticket_id)))
            view.take_model_label_requested.connect(lambda mistake: take(view, mistake))
            self.mistakes_dialog = dialog

        def take(view, mistake):
            actor = self._actor()

            def write(context):
                with context.open_database() as database:
                    return take_model_label(database, mistake, actor)

            self.runner.start(write, db_path=self.db_path, on_success=lambda _decision: (
                view.remove(mistake.ticket_id, mistake.field), self.model.refresh_rows(), self.list_view.refresh()),
                on_failure=lambda exc: show_error(self, exc), name="take model label")

        return self.start_long_task(work, self.tr("Letar efter troliga felmärkningar"), done)

    def _show_in_dialog(self, title: str, view, size: tuple[int, int]) -> QDialog:
        """Show *view* in a closable dialog of its own."""
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, dialog)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Stäng"))  # not Qt's "Close": see ModelDialog
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.resize(*size)
        dialog.open()
        return dialog
