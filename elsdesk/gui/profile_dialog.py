"""ProfileDialog: choose (or change) the local profile: your name and your role at the desk.

Shown at first start. It validates and emits :attr:`profile_chosen`; the owner saves the
profile with :func:`elsdesk.services.profile.save_profile` and offers the views of the role. At
first start the owner passes the *fallback* profile it keeps when the question is skipped (Esc,
Avbryt), and the dialog says which it is.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from elsdesk.domain import BadInputError
from elsdesk.services.profile import (
    MAX_PROFILE_NAME, ROLES, SUPER_USER, TRAINING_LEAD, Profile, make_profile, role_name,
)


class ProfileDialog(QDialog):
    profile_chosen = Signal(object)  # Profile

    def __init__(self, profile: Profile | None = None, language: str = "sv", parent=None,
                 fallback: Profile | None = None):
        super().__init__(parent)
        self.language = language
        self.chosen: Profile | None = None
        self.setWindowTitle(self.tr("Din profil"))
        intro = QLabel(self.tr("Namnet sparas i etiketthistoriken när du bekräftar etiketter. "
                               "Rollen avgör vilka vyer du får."), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("profileName")
        self.name_edit.setPlaceholderText(self.tr("Förnamn Efternamn"))
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("profileRole")
        for role in ROLES:
            self.role_combo.addItem(role_name(role, language), role)
        self.views_label = QLabel(self)
        self.views_label.setObjectName("shortcutHint")
        self.views_label.setWordWrap(True)
        self.views_label.setMinimumHeight(2 * self.views_label.fontMetrics().lineSpacing() + 4)  # room for two lines
        self.error_label = QLabel(self)
        self.error_label.setObjectName("maskNotice")
        self.error_label.setProperty("severity", "error")
        self.error_label.setVisible(False)
        self.fallback_label = QLabel(self)
        self.fallback_label.setObjectName("shortcutHint")
        self.fallback_label.setWordWrap(True)
        self.fallback_label.setVisible(fallback is not None)
        if fallback is not None:
            self.fallback_label.setText(self.tr(
                "Avbryter du, blir du %1 med rollen %2. Det går att byta senare under Arkiv › Byt profil.").replace(
                "%1", fallback.name).replace("%2", role_name(fallback.role, language)))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Namn"), self.name_edit)
        form.addRow(self.tr("&Roll"), self.role_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Spara"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Avbryt"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.views_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.fallback_label)
        layout.addWidget(buttons)
        self.role_combo.currentIndexChanged.connect(self._describe_role)
        if profile is not None:
            self.name_edit.setText(profile.name)
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(profile.role)))
        self._describe_role()
        self.setMinimumWidth(480)  # issue 13: the name field was squeezed when the role text wrapped
        self.name_edit.setFocus()

    def accept(self) -> None:
        name = " ".join(self.name_edit.text().split())
        try:  # the two a person meets said in the UI's language (the English dialog said "Skriv ditt namn.")
            if not name:
                raise BadInputError(self.tr("skriv ditt namn"))
            if len(name) > MAX_PROFILE_NAME:
                raise BadInputError(self.tr("namnet får vara högst %1 tecken").replace("%1", str(MAX_PROFILE_NAME)))
            profile = make_profile(name, self.role_combo.currentData())
        except BadInputError as exc:
            self.error_label.setText(str(exc).capitalize() + ".")
            self.error_label.setVisible(True)
            self.name_edit.setFocus()
            return
        self.chosen = profile
        self.profile_chosen.emit(profile)
        super().accept()

    def _describe_role(self) -> None:
        role = self.role_combo.currentData()
        text = {
            SUPER_USER: self.tr("Ärenden och granskningskön: bekräfta eller rätta modul och typ."),
            TRAINING_LEAD: self.tr("Ärenden och utbildningsvyn: återkommande ämnen och agenda."),
        }.get(role, self.tr("Ärenden: logga, sök och följ upp."))
        self.views_label.setText(text)
