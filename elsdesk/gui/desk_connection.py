"""Connecting to a desk: the first-start choice of where the desk lives, and the password prompt.

DeskLocationDialog offers "Den här datorn" (a local file, as before) or "Regionens server"
(the address IT gives: ``service=elsdesk`` or ``postgresql://server/elsdesk``). PasswordDialog
asks for the server password when neither Kerberos, a password file nor the OS keyring gave
one, and can keep it in the keyring; a password never goes into the settings or the log.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
)

from elsdesk.domain import BadInputError
from elsdesk.gui.notify import sentence
from elsdesk.services.desk_location import THIS_COMPUTER, server_location


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, dialog)
    buttons.button(QDialogButtonBox.Ok).setText(ok_text)
    # translate() under one context: dialog.tr() in a function is filed under "dialog" by lupdate and looked up under
    # the dialog's class at run time, so the English window said "Avbryt" (an English-UI tester)
    buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("DeskConnection", "Avbryt"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class DeskLocationDialog(QDialog):
    """Where the desk lives; after accept, :attr:`location` is what to keep and :attr:`password`
    a password the user typed into the address (to go into the keyring, not the settings)."""

    def __init__(self, current: str | None = None, parent=None):
        super().__init__(parent)
        self.location: str = THIS_COMPUTER
        self.password: str | None = None
        self.setWindowTitle(self.tr("Var finns desken?"))
        intro = QLabel(self.tr("Välj var ärendena sparas. En ensam arbetsplats kan använda den här datorn; "
                               "en hel ELS-desk delar regionens server så att alla ser varandras ärenden."), self)
        intro.setWordWrap(True)
        self.local_radio = QRadioButton(self.tr("&Den här datorn"), self)
        self.local_radio.setObjectName("deskLocal")
        self.server_radio = QRadioButton(self.tr("&Regionens server"), self)
        self.server_radio.setObjectName("deskServer")
        self.address_edit = QLineEdit(self)
        self.address_edit.setObjectName("deskAddress")
        self.address_edit.setPlaceholderText(self.tr("service=elsdesk eller postgresql://server.region.se/elsdesk"))
        hint = QLabel(self.tr("Adressen får du av IT. Lösenord sparas aldrig i inställningarna."), self)
        hint.setObjectName("shortcutHint")
        hint.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("maskNotice")
        self.error_label.setProperty("severity", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        layout = QVBoxLayout(self)
        for widget in (intro, self.local_radio, self.server_radio, self.address_edit, hint, self.error_label):
            layout.addWidget(widget)
        layout.addWidget(_buttons(self, self.tr("Fortsätt")))
        self.server_radio.toggled.connect(self.address_edit.setEnabled)
        if current:
            self.server_radio.setChecked(True)
            self.address_edit.setText(current)
        else:
            self.local_radio.setChecked(True)
            self.address_edit.setEnabled(False)
        self.setMinimumWidth(520)

    def accept(self) -> None:
        if self.local_radio.isChecked():
            self.location, self.password = THIS_COMPUTER, None
            super().accept()
            return
        try:
            self.location, self.password = server_location(self.address_edit.text())
        except BadInputError as exc:
            self.error_label.setText(sentence(str(exc)))  # capitalize() lowered the rest ("service=Elsdesk")
            self.error_label.setVisible(True)
            self._fit_height()
            self.address_edit.setFocus()
            return
        super().accept()


    def _fit_height(self) -> None:
        """Grow to show the error as well: the dialog kept its height and clipped the intro and the error (a
        tester's first start with an empty address; 241 px high, 309 px needed)."""
        layout = self.layout()
        layout.activate()
        # the wrapped labels' height at this width (the size hint is the height at the narrowest width)
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(self.width(), max(self.height(), needed))


class PasswordDialog(QDialog):
    """The server password for one login; :attr:`remember` says whether to keep it in the keyring."""

    def __init__(self, where: str, login: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Logga in på servern"))
        text = self.tr("Lösenord för %1 på %2:").replace("%1", login or self.tr("din inloggning")).replace("%2", where)
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("serverPassword")
        self.password_edit.setEchoMode(QLineEdit.Password)
        self.remember_box = QCheckBox(self.tr("Kom ihåg lösenordet i datorns nyckelring"), self)
        layout = QVBoxLayout(self)
        for widget in (label, self.password_edit, self.remember_box):
            layout.addWidget(widget)
        layout.addWidget(_buttons(self, self.tr("Logga in")))
        self.setMinimumWidth(420)  # a server's name and a login on one line ("127.0.0.1/" and "elsdesk" were split)
        self.password_edit.setFocus()

    @property
    def password(self) -> str:
        return self.password_edit.text()

    @property
    def remember(self) -> bool:
        return self.remember_box.isChecked()
