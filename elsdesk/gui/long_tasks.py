"""LongTasksMixin: the main window's long background jobs (import, demo data) with progress and cancel.

What runs ("Tränar modellen"), the progress bar and the cancel button live in the status bar; only one
long task runs at a time. The bar shows the percentage alone (a no-break space before "%"): with the
task's name in it too, a 1024 px window squeezed the bar until "20" and "%" stood on two clipped lines,
and the name showed twice (in the bar and as the status message).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from elsdesk.domain import Cancelled
from elsdesk.gui.grouped_numbers import number
from elsdesk.gui.notify import show_error
from elsdesk.services.permissions import REMOVE_DEMO

PROGRESS_FORMAT = "%p\u00a0%"  # "20 %" that never breaks in two


class LongTasksMixin:
    """Mixed into MainWindow; uses its runner, status bar, progress and cancel_button."""

    def start_long_task(self, work, label: str, on_success):
        if self._long_task is not None and not self._long_task.is_done():
            QMessageBox.information(self, "elsdesk", self.tr("Vänta tills pågående arbete är klart."))
            return None
        self.progress.setRange(0, 0)
        self.progress.setFormat(PROGRESS_FORMAT)
        self.progress.setToolTip(label)
        self.task_label.setText(label)  # not a status message: another message would take its place
        self.task_label.setVisible(True)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.statusBar().share_room()

        def progressed(done, total):
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        started: list = []  # this task, once started: its late answer must not end a newer task's bar

        def finished_ok(result):
            if started and started[0] is self._long_task:
                self._end_long_task()
            on_success(result)

        def finished_bad(exc):
            if not (started and started[0] is self._long_task):  # cancelled, and a newer task runs: say nothing
                if not isinstance(exc, Cancelled):  # (a super-user's second training read "träningen avbröts")
                    show_error(self, exc)
                return
            self._end_long_task()
            if isinstance(exc, Cancelled):
                said = str(exc)
                self.statusBar().showMessage(said[:1].upper() + said[1:], 8000)
                self.list_view.refresh()
            else:
                show_error(self, exc)

        self._long_task = self.runner.start(work, db_path=self.db_path, on_success=finished_ok, on_failure=finished_bad,
                                            on_progress=progressed, on_finished=self._on_long_task_finished, name=label)
        started.append(self._long_task)
        return self._long_task

    def _on_long_task_finished(self, task) -> None:
        """A task cancelled after its last check reports nothing: reset the progress UI anyway."""
        if task.cancelled and task is self._long_task and not self.cancel_button.isHidden():
            self._end_long_task()
            self.list_view.refresh()

    def _end_long_task(self) -> None:
        self.task_label.setVisible(False)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.statusBar().clearMessage()
        self.statusBar().share_room()

    def _cancel_long_task(self) -> None:
        if self._long_task is not None:
            self._long_task.cancel()
            self.statusBar().showMessage(self.tr("Avbryter…"))

    def _choose_import_file(self) -> None:
        from elsdesk.gui.file_places import IMPORTS, remember_folder, start_folder

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Importera ärenden"), str(start_folder(IMPORTS)),
                                              self.tr("Ärendefiler (*.jsonl *.ndjson *.json *.csv *.tsv *.txt *.xlsx)"))
        if path:
            remember_folder(IMPORTS, path)
            self.import_file(path)

    def _incident_sentence(self, report) -> str:
        """What an import's incident scan found, in the UI's language: the service's Swedish sentence with each
        incident's tickets, units and hours; in another language their numbers (the English summary said
        "1 möjlig incident … se Incidenter-menyn", an English-UI tester)."""
        if self.language == "sv":
            return report.incident_summary[0].upper() + report.incident_summary[1:] + "."
        scan = report.incidents
        parts = []
        if scan is not None and (scan.created or scan.extended):
            parts.append(self.tr("Möjliga incidenter: %1 nya, %2 med fler ärenden; se Incidenter-menyn.").replace(
                "%1", str(len(scan.created))).replace("%2", str(len(scan.extended))))
        if report.scanned_from is not None:
            parts.append(self.tr("Ärenden före %1 söktes inte igenom efter incidenter.").replace("%1", report.scanned_from))
        return " ".join(parts)

    def import_file(self, path: str):
        from elsdesk.services.imports import import_tickets

        classifier = self.classifier

        def work(context):
            from elsdesk.services.classification import apply_predictions

            with context.open_database() as database:  # each batch classified before it commits
                report = import_tickets(database, path, progress=context.progress, is_cancelled=context.is_cancelled,
                                        classifier=classifier)
                if classifier is not None:  # and the desk's older tickets this model version has not labelled
                    apply_predictions(database, *classifier, progress=context.progress, is_cancelled=context.is_cancelled)
                return report

        def done(report):
            message = self.tr("Import klar: %1 nya, %2 uppdaterade, %3 oförändrade, %4 avvisade.").replace(
                "%1", str(report.new)).replace("%2", str(report.updated)).replace("%3", str(report.unchanged)).replace(
                "%4", str(len(report.rejected)))
            if report.masked:
                message += " " + self.tr("%1 identifierare (personnummer, telefonnummer …) maskerades.").replace(
                    "%1", str(report.masked))
            if report.linked:
                message += " " + self.tr("%1 kopplade till kända problem.").replace("%1", str(report.linked))
            if getattr(report, "removed_before", 0):
                message += " " + self.tr("%1 ärenden som tagits bort ur desken lästes inte in igen.").replace(
                    "%1", str(report.removed_before))
            if getattr(report, "new_problems", 0):
                message += " " + self.tr("%1 nya kända problem lades till.").replace("%1", str(report.new_problems))
            if report.warnings:
                message += " " + self.tr("%1 varningar (se detaljer).").replace("%1", str(len(report.warnings)))
            if getattr(report, "incident_summary", ""):
                message += " " + self._incident_sentence(report)
            if report.rejected or report.warnings:  # e.g. columns that were not read: the person should know
                self._import_details_box(report, message)
            # it stays until the next message: gone after 10 s, the masked identifiers' count left no trace (a tester)
            self.statusBar().showMessage(message)
            self.tickets_imported.emit(report)

        return self.start_long_task(work, self.tr("Importerar"), done)

    def _import_details_box(self, report, message: str) -> QMessageBox:
        """The import's summary with its refused rows and warnings one click away; the first warning (the file's own,
        such as columns not read, come first) in sight, and a warning icon when nothing was stored (an import tester's
        60 tickets stored without their text were said only under "Visa detaljer…", every row refused under an
        information icon)."""
        shown = 20
        lines = [self.tr("rad %1: %2").replace("%1", str(line)).replace("%2", reason) for line, reason in report.rejected[:shown]]
        if len(report.rejected) > shown:
            lines.append(self.tr("… och %1 avvisade rader till (elsdesk import på kommandoraden listar alla).").replace(
                "%1", str(len(report.rejected) - shown)))
        lines += [self.tr("rad %1 (varning): %2").replace("%1", str(line)).replace("%2", warning)
                  for line, warning in report.warnings[:shown]]
        if len(report.warnings) > shown:
            lines.append(self.tr("… och %1 varningar till.").replace("%1", str(len(report.warnings) - shown)))
        nothing_stored = not (report.new or report.updated or report.unchanged)
        box = QMessageBox(QMessageBox.Warning if nothing_stored else QMessageBox.Information, self.tr("Import"), message,
                          QMessageBox.Ok, self)
        first = report.warnings[0][1] if report.warnings else report.rejected[0][1]
        box.setInformativeText(first[:1].upper() + first[1:] + ("" if first.endswith(".") else "."))
        box.setDetailedText("\n".join(lines))
        box.open()
        return box

    def load_demo(self, mix_with_real: bool = False):
        """Demo data on an empty desk at once; on a desk with real tickets only after asking (issue 13:
        1,200 made-up tickets went into a desk of real ones without a question)."""
        from elsdesk.services.demo import demo_summary, load_demo_data

        summary = demo_summary(self.database)
        if summary.other and not mix_with_real:
            return self._ask_before_mixing_demo(summary.other)

        def work(context):
            with context.open_database() as database:
                return load_demo_data(database, progress=context.progress, is_cancelled=context.is_cancelled,
                                      mix_with_real=mix_with_real)

        def done(count):
            self.statusBar().showMessage(self.tr("%1 demoärenden inlagda. De tas bort med Arkiv › Ta bort demodata.")
                                         .replace("%1", str(count)), 8000)
            self.tickets_imported.emit(count)
            self.classify_unlabelled()

        return self.start_long_task(work, self.tr("Lägger in demodata"), done)

    def _ask_before_mixing_demo(self, real: int) -> QMessageBox:
        box = QMessageBox(QMessageBox.Warning, self.tr("Lägg in demodata"), self.tr(
            "Desken har redan %1 riktiga ärenden. Demodata är 1 200 påhittade ärenden (DEMO-00001 …) som "
            "blandas med dem i listor, granskning och utbildningsvyn.").replace("%1", number(real, " ")),
            QMessageBox.NoButton, self)
        box.setInformativeText(self.tr("De kan tas bort igen i ett steg med Arkiv › Ta bort demodata."))
        mix = box.addButton(self.tr("Lägg in demodata ändå"), QMessageBox.DestructiveRole)
        cancel = box.addButton(self.tr("Avbryt"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.buttonClicked.connect(lambda button: self.load_demo(mix_with_real=True) if button is mix else None)
        box.open()
        return box

    def refresh_demo_state(self):
        """Mark a desk that holds demo tickets (status bar) and offer their removal only then."""
        from elsdesk.services.demo import demo_summary

        self._demo_generation = getattr(self, "_demo_generation", 0) + 1
        generation = self._demo_generation

        def work(context):
            with context.open_database() as database:
                return demo_summary(database)

        def done(summary):
            if generation != self._demo_generation:
                return  # an older look at the desk finished after a newer one was asked for
            self.demo_label.setText(self.tr("Demodata: %1 påhittade ärenden").replace(
                "%1", number(summary.demo, " ")))
            self.demo_label.setToolTip(self.tr("Ärenden DEMO-… är påhittade. Ta bort dem med Arkiv › Ta bort demodata."))
            self.demo_label.setVisible(bool(summary.demo))
            self.has_demo = bool(summary.demo)
            self.remove_demo_action.setEnabled(self.has_demo and self.may(REMOVE_DEMO))

        return self.runner.start(work, db_path=self.db_path, on_success=done, name="demo state")

    def remove_demo(self) -> QMessageBox:
        """Ask, then take every demo ticket out in one step (real tickets stay)."""
        from elsdesk.services.demo import demo_summary, remove_demo_data

        count = demo_summary(self.database).demo
        if not count:
            box = QMessageBox(QMessageBox.Information, self.tr("Ta bort demodata"),
                              self.tr("Det finns ingen demodata i desken."), QMessageBox.Ok, self)
            box.open()
            return box
        box = QMessageBox(QMessageBox.Question, self.tr("Ta bort demodata"), self.tr(
            "Ta bort %1 demoärenden (DEMO-…) med deras etiketthistorik, granskningsbeslut och incidenter? "
            "Riktiga ärenden påverkas inte.").replace("%1", number(count, " ")), QMessageBox.NoButton, self)
        remove = box.addButton(self.tr("Ta bort demodata"), QMessageBox.DestructiveRole)
        cancel = box.addButton(self.tr("Avbryt"), QMessageBox.RejectRole)
        box.setDefaultButton(cancel)

        def work(context):
            with context.open_database() as database:
                return remove_demo_data(database)

        def done(removed):
            self.statusBar().showMessage(self.tr("%1 demoärenden borttagna.").replace("%1", str(removed)), 10000)
            self.demo_removed.emit(removed)

        box.buttonClicked.connect(
            lambda button: self.start_long_task(work, self.tr("Tar bort demodata"), done) if button is remove else None)
        box.open()
        return box
