"""HelpActionsMixin: Hjälp › Kortkommandon (F1) for the tab in focus and Hjälp › Kom igång for the
person's role (the dialogs are in help_dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt


class HelpActionsMixin:
    """Mixed into MainWindow; uses its tabs, review view and profile."""

    def show_shortcuts(self):
        """F1: the shortcuts of the tab in focus (the ticket form answers F1 itself)."""
        from elsdesk.gui.help_dialog import FORM, REVIEW, TICKETS, TRAINING, show_shortcuts

        current = self.tabs.currentWidget()
        view = REVIEW if current is self.review_view and current is not None else (
            TRAINING if self.tabs.currentIndex() == self.training_tab else TICKETS)
        views = [TICKETS, FORM] + ([REVIEW] if self.review_view is not None else []) + (
            [TRAINING] if self.tabs.isTabVisible(self.training_tab) else [])
        review_help = self.review_view.help_label.text() if self.review_view is not None else None
        self.help_dialog = show_shortcuts(self, view, views, review_help)
        return self.help_dialog

    def show_getting_started(self):
        from elsdesk.gui.help_dialog import GettingStartedDialog

        dialog = GettingStartedDialog(self.profile.role if self.profile else None, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        self.help_dialog = dialog
        return dialog
