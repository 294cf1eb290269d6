"""PeriodExportController: the Utbildning tab's "Period…" export, from the question to the written file.

It asks for the period and the file type (PeriodExportDialog), then for the file name, makes the overview
in the background on the tab's TaskRunner with progress and Avbryt under the tab's bar
(PeriodExportProgress), and says how it ended: ``exported`` with the file written, a note when the
period has no tickets (no file is written then), or the error. The export itself is
:func:`elsdesk.services.range_export.export_range`, as the CLI's ``export --from --to`` runs it.

The save dialog's file types are the tab's own (translation context ``TrainingLeadView``).
"""

from __future__ import annotations

from datetime import date
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from elsdesk.domain import Cancelled
from elsdesk.gui.notify import show_error
from elsdesk.gui.period_export_dialog import PeriodExportDialog, PeriodExportProgress
from elsdesk.region_time import region_today


def _file_type(text: str) -> str:
    """A save-dialog filter in the tab's words (the tab's own export lists the same ones)."""
    return QCoreApplication.translate("TrainingLeadView", text)


class PeriodExportController(QObject):
    """One period export at a time for the tab *view*: the dialogs open over it, *button* is off while an
    export runs, *progress* shows it. ``exported`` carries the path of a written file."""

    exported = Signal(str)

    def __init__(self, view: QWidget, runner, db_path, language: str, *, button: QPushButton,
                 progress: PeriodExportProgress, file_types: dict[str, str],
                 formats: Callable[[], list[tuple[str, str]]], chosen_format: Callable[[], str],
                 shown_week: Callable[[], str | None], weeks_with_tickets: Callable[[], list[str] | None] = lambda: None):
        """*file_types*: format id to save-dialog filter (untranslated); *formats*: (format id, shown name)
        as the tab lists them; *chosen_format*: the tab's chosen type; *shown_week*: the week the tab shows."""
        super().__init__(view)
        self.view = view
        self.runner = runner
        self.db_path = db_path
        self.language = language
        self.button = button
        self.progress = progress
        self.file_types = file_types
        self.formats = formats
        self.chosen_format = chosen_format
        self.shown_week = shown_week
        self.weeks_with_tickets = weeks_with_tickets  # the desk's weeks with tickets, oldest first, as the tab knows them
        self.task = None  # the running export's task, or None
        self.last_period: tuple[date, date] | None = None  # the dates chosen last (the dialog opens with them again)
        self.progress.cancel_requested.connect(self.cancel)

    def choose(self, today: date | None = None) -> PeriodExportDialog:
        """Ask for the period and the file type (four weeks up to the shown week to begin with), then
        for the file name; returns the open dialog. *today*: the day the dates count from (tests)."""
        from elsdesk.periods import default_period

        today = today or region_today()
        # the dates typed the time before come back (a training lead typed hers again and again)
        period = self.last_period or default_period(self.shown_week(), today)
        dialog = PeriodExportDialog(period, self.formats(), self.chosen_format(),
                                    today, self.view, weeks_with_tickets=self.weeks_with_tickets())
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._chosen(dialog))
        dialog.open()
        return dialog

    def _chosen(self, dialog: PeriodExportDialog) -> None:
        self.last_period = dialog.period()
        self._ask_file_name(*self.last_period, dialog.format())

    def _ask_file_name(self, start: date, end: date, fmt: str) -> None:
        """The save dialog of a period's overview, named as the CLI names it; a typed extension decides the
        format, else the chosen type (elsdesk.gui.export_target)."""
        from elsdesk.periods import period_file_name

        from elsdesk.gui.export_target import export_target
        from elsdesk.gui.file_places import EXPORTS, in_start_folder, remember_folder

        filters = {_file_type(name): key for key, name in self.file_types.items()}
        title = self.tr("Exportera översikt %1 – %2").replace("%1", start.isoformat()).replace("%2", end.isoformat())
        path, chosen = QFileDialog.getSaveFileName(self.view, title, in_start_folder(EXPORTS, period_file_name(start, end, fmt)),
                                                   ";;".join(filters), _file_type(self.file_types[fmt]))
        if path:
            remember_folder(EXPORTS, path)
            target = export_target(self.view, path, filters.get(chosen, fmt))
            if target is not None:
                self.export(*target, start, end)

    def export(self, fmt: str, path: str, start: date, end: date):
        """Write the overview of *start* to *end* in the background, with progress and cancel under the
        bar; ``exported`` when written. A period without tickets writes nothing and says so."""
        from elsdesk.services.range_export import export_range

        written: dict = {}
        period = f"{start.isoformat()} – {end.isoformat()}"
        cancelled = self.tr("Exporten avbröts; ingen fil skrevs.")

        def work(context):
            with context.open_database() as database:
                written["path"] = export_range(database, start, end, fmt, path, self.language,
                                               is_cancelled=context.is_cancelled, progress=context.progress)
                return written["path"]

        def done(result):
            if result is None:
                self._end(self.tr("Ingen fil skrevs: perioden %1 har inga ärenden.").replace("%1", period))
                self._tell_empty_period(period)
                return
            self._end()
            self.exported.emit(str(result))

        def failed(exc):
            if isinstance(exc, Cancelled):
                self._end(cancelled)
            else:
                self._end()
                show_error(self.view, exc)

        def finished(task):
            """A cancel that came after the last check reports nothing else: the file is there or not."""
            if task.cancelled and self.task is task:
                if written.get("path"):
                    self._end()
                    self.exported.emit(str(written["path"]))  # written before the cancel came through
                else:
                    self._end(cancelled)

        self.button.setEnabled(False)
        self.progress.start(self.tr("Exporterar översikt %1").replace("%1", period))
        self.task = self.runner.start(work, db_path=self.db_path, on_success=done, on_failure=failed,
                                      on_progress=self.progress.progressed, on_finished=finished,
                                      name="period export")
        return self.task

    def cancel(self) -> None:
        """Stop the running export (Avbryt under the bar); how it ended is said when it has stopped."""
        if self.task is not None:
            self.task.cancel()

    def _end(self, message: str = "") -> None:
        """Back to no period export running; *message* stays under the bar for a while."""
        self.task = None
        self.progress.finish(message)
        self.button.setEnabled(True)

    def _tell_empty_period(self, period: str) -> QMessageBox:
        """As the CLI's note (range_note), but before a file: an empty overview is not written."""
        box = QMessageBox(QMessageBox.Information, self.tr("Exportera översikt"), self.tr(
            "Perioden %1 har inga ärenden, så ingen fil skrevs.").replace("%1", period), QMessageBox.Ok, self.view)
        box.setObjectName("emptyPeriod")
        box.setInformativeText(self.tr("Välj en period med ärenden, till exempel veckorna efter go-live."))
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.open()
        return box
