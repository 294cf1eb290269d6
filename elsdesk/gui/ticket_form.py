"""TicketFormDialog: log or edit one ticket, keyboard first, with a crash-safe draft.

The dialog never stores anything itself: it emits :attr:`submitted` with a Ticket and the
main window saves it in the background (one save at a time, "Sparar…" meanwhile). While the user
types it shows which identifiers will be masked, the known problem the text most likely describes
(right under the description) and, when a classifier is available, the top module suggestions.
The fields scroll; the notices, the key hint and Spara/Avbryt stay in sight on any screen.
"""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from elsdesk.domain import Ticket, now_iso
from elsdesk.drafts import clear_draft, save_draft
from elsdesk.gui.forms import AltKeyMessageBox, fit_to_screen, load_form
from elsdesk.gui.review_card import confidence_text
from elsdesk.gui.similar_tickets_view import SimilarTicketsView
from elsdesk.masking import PLACEHOLDERS, mask_text
from elsdesk.ml.confidence import offered
from elsdesk.services.similar import SIMILAR_COUNT
from elsdesk.taxonomy import Taxonomy

DRAFT_DELAY_MS = 600
DRAFT_MAX_WAIT_S = 3.0
KIND_KEY = "Ctrl+T"  # takes the suggested kind
MASK_CHECK_DELAY_MS = 250
PREFERRED_SIZE = QSize(760, 860)  # on a screen with room for it; a smaller one gets a scrolling form (the similar
# tickets at its bottom stay in sight with a known problem, the suggestions and a kept draft shown: a keyboard tester)
ENTER_KEYS = (Qt.Key_Return, Qt.Key_Enter)


class TicketFormDialog(QDialog):
    """A form for one ticket. Ctrl+Enter saves, Esc cancels, Ctrl+1..3 take a module suggestion,
    Ctrl+T the suggested kind."""

    submitted = Signal(object)
    text_edited = Signal(str)
    similar_ticket_activated = Signal(int)

    def __init__(self, taxonomy: Taxonomy, language: str = "sv", parent=None, ticket: Ticket | None = None,
                 desk: str = ""):
        super().__init__(parent)
        self.desk = desk  # whose draft this form keeps (elsdesk.drafts)
        self.taxonomy = taxonomy
        self.language = language
        self.ticket = ticket
        self.suggestions: list[tuple[str, float, str]] = []
        self.kind_suggestion: tuple[str, float, str] | None = None
        self.model_version: str | None = None  # of the model whose suggestions are shown
        self._suggestions_available = True
        self._suggestion_text = "–"  # the suggestions as shown, without the note below
        self._suggestion_note = ""
        self.setWindowTitle(self.tr("Nytt ärende") if ticket is None else self.tr("Ärende %1").replace("%1", ticket.external_id or ""))
        self.form = load_form("ticket_form", self)
        _name_fields_by_their_labels(self.form)
        self._find_widgets()
        self._fill_pickers()
        self.buttons = self._make_buttons()
        self.saving_notice = QLabel(self.tr("Sparar…"), self)
        self.saving_notice.setObjectName("savingNotice")
        self.saving_notice.setVisible(False)
        bold = self.saving_notice.font()
        bold.setBold(True)
        self.saving_notice.setFont(bold)
        self._saving = False  # a submitted ticket the owner has not yet reported saved or failed
        self.similar_view = SimilarTicketsView(taxonomy, language, self)
        self.similar_view.show_rows(SIMILAR_COUNT)
        self.similar_view.ticket_activated.connect(self.similar_ticket_activated.emit)
        # the resolution below the list scrolls into view with the row it belongs to (once the layout made room for it)
        self.similar_view.tree.currentItemChanged.connect(lambda *_: QTimer.singleShot(
            0, lambda: self.fields_scroll.ensureWidgetVisible(self.similar_view.detail, 0, 0)))
        self.form.findChild(QVBoxLayout, "fieldsLayout").addWidget(self.similar_view)  # scrolls with the fields
        # Esc in the list goes back to the text, as in the review queue (it asked whether to throw the ticket away)
        QShortcut(QKeySequence(Qt.Key_Escape), self.similar_view.tree, activated=self.description_edit.setFocus,
                  context=Qt.WidgetShortcut)
        self.known_problem = None  # the ProblemSuggestion shown, if any
        bottom = QHBoxLayout()
        bottom.addWidget(self.saving_notice)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self._make_draft_notice())
        layout.addWidget(self.form, 1)
        layout.addLayout(bottom)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.submit)
        for number in (1, 2, 3):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda n=number: self.accept_suggestion(n - 1))
        QShortcut(QKeySequence("F1"), self, activated=self._show_shortcuts)
        QShortcut(QKeySequence(KIND_KEY), self, activated=self.accept_kind_suggestion)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self._next_call)
        self.next_wanted = False  # Ctrl+N while saving: the owner opens a new form once this one is saved
        self._draft_timer = _single_shot(self, DRAFT_DELAY_MS, self._write_draft)
        self._draft_pending_since = 0.0
        self._mask_timer = _single_shot(self, MASK_CHECK_DELAY_MS, self._check_identifiers)
        for signal in (self.title_edit.textChanged, self.description_edit.textChanged, self.resolution_edit.textChanged, self.unit_edit.textChanged):
            signal.connect(self._on_text_changed)
        self.discard_box: QMessageBox | None = None
        self._empty_values = self.values()  # what "Töm formuläret" brings back
        if ticket is not None:
            self.set_values(ticket_values(ticket))
        self.mark_unchanged()
        self._align_label_columns()
        self._keep_fields_wide_enough()
        fit_to_screen(self, PREFERRED_SIZE)
        QApplication.instance().focusChanged.connect(self._on_focus_changed)
        self.title_edit.setFocus()

    def _make_buttons(self) -> QDialogButtonBox:
        """Spara and Avbryt. Neither is the dialog's default: only Ctrl+Enter saves (Enter in a field
        saved half a ticket); Enter on a focused button still presses it."""
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Save).setText(self.tr("Spara"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Avbryt"))
        for button in buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        return buttons

    def _align_label_columns(self) -> None:
        """The known problem sits between two form layouts (a label spanning a form row got the height
        of a narrower one); their label columns share one width so the fields line up."""
        forms = [self.form.findChild(QFormLayout, name) for name in ("headLayout", "formLayout")]
        labels = [form.itemAt(row, QFormLayout.LabelRole).widget() for form in forms for row in range(form.rowCount())
                  if form.itemAt(row, QFormLayout.LabelRole) is not None]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    def _keep_fields_wide_enough(self) -> None:
        """The scroll area takes the width its fields need: they scroll up and down, never sideways."""
        scroll = self.form.findChild(QScrollArea, "fieldsScroll")
        self.fields_scroll = scroll
        scroll.viewport().setAutoFillBackground(False)  # the dialog's own background, not a grey panel
        scroll.widget().setAutoFillBackground(False)
        scroll.setFocusPolicy(Qt.NoFocus)  # no stop of its own in the tab chain (Shift+Tab from Rubrik stopped on it)
        needed = scroll.widget().minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(needed + 2 * scroll.frameWidth())

    def _find_widgets(self) -> None:
        find = self.form.findChild
        from PySide6.QtWidgets import QPlainTextEdit

        self.title_edit = find(QLineEdit, "titleEdit")
        self.description_edit = find(QPlainTextEdit, "descriptionEdit")
        self.unit_edit = find(QLineEdit, "unitEdit")
        self.resolution_edit = find(QPlainTextEdit, "resolutionEdit")
        self.module_combo = find(QComboBox, "moduleCombo")
        self.kind_combo = find(QComboBox, "kindCombo")
        self.role_combo = find(QComboBox, "roleCombo")
        self.channel_combo = find(QComboBox, "channelCombo")
        self.priority_combo = find(QComboBox, "priorityCombo")
        self.status_combo = find(QComboBox, "statusCombo")
        self.escalation_combo = find(QComboBox, "escalationCombo")
        self.safety_check = find(QCheckBox, "safetyCheck")
        self.mask_notice = find(QLabel, "maskNotice")
        self.suggestion_view = find(QLabel, "suggestionView")
        self.problem_view = find(QLabel, "knownProblem")  # right under the description: read out at once

    def _fill_pickers(self) -> None:
        lang, tax = self.language, self.taxonomy
        _fill(self.module_combo, [(m.id, m.name(lang)) for m in tax.modules if not m.retired], self.tr("– välj modul –"))
        _fill(self.kind_combo, [(k.id, k.name(lang)) for k in tax.kinds if not k.retired], self.tr("– välj typ –"))
        _fill(self.role_combo, [(r.id, r.name(lang)) for r in tax.reporter_roles], self.tr("– okänd –"))
        _fill(self.channel_combo, [(c.id, c.name(lang)) for c in tax.channels], None)
        _fill(self.priority_combo, [(p.id, p.name(lang)) for p in tax.priorities], None)
        _fill(self.status_combo, [(s.id, s.name(lang)) for s in tax.statuses], None)
        _fill(self.escalation_combo, [(e.id, e.name(lang)) for e in tax.escalations], self.tr("– ingen –"))
        _select(self.priority_combo, "normal")
        for combo in (self.module_combo, self.kind_combo):
            combo.setEditable(False)
            combo.setMaxVisibleItems(20)

    # -- values --------------------------------------------------------------------------
    def values(self) -> dict:
        return {
            "id": self.ticket.id if self.ticket else None,
            "title": self.title_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "module": self.module_combo.currentData(),
            "kind": self.kind_combo.currentData(),
            "reporter_role": self.role_combo.currentData(),
            "unit": self.unit_edit.text().strip() or None,
            "channel": self.channel_combo.currentData(),
            "priority": self.priority_combo.currentData(),
            "patient_safety": self.safety_check.isChecked(),
            "status": self.status_combo.currentData(),
            "escalation": self.escalation_combo.currentData(),
            "resolution": self.resolution_edit.toPlainText().strip(),
        }

    def set_values(self, values: dict) -> None:
        self.title_edit.setText(values.get("title") or "")
        self.description_edit.setPlainText(values.get("description") or "")
        self.unit_edit.setText(values.get("unit") or "")
        self.resolution_edit.setPlainText(values.get("resolution") or "")
        self.safety_check.setChecked(bool(values.get("patient_safety")))
        for combo, key in (
            (self.module_combo, "module"), (self.kind_combo, "kind"), (self.role_combo, "reporter_role"),
            (self.channel_combo, "channel"), (self.priority_combo, "priority"), (self.status_combo, "status"),
            (self.escalation_combo, "escalation"),
        ):
            if key in values:
                # a role the taxonomy does not name (an import's "bma") is shown as written and kept by an edit
                _select(combo, values.get(key), keep_unknown=combo is self.role_combo)
        self._show_line_starts()

    def _show_line_starts(self) -> None:
        """One-line fields show their beginning, nothing selected: a long stored title showed only its
        end, all selected, so the first key typed replaced it."""
        for edit in (self.title_edit, self.unit_edit):
            edit.deselect()
            edit.setCursorPosition(0)

    def to_ticket(self) -> Ticket:
        values = self.values()
        values.pop("id")
        values.update(self._suggestions_taken(values))
        if self.ticket is not None:
            return self.ticket.with_changes(**values)
        return Ticket(created_at=now_iso(), **values)

    def _suggestions_taken(self, values: dict) -> dict:
        """Confidence and model version of the labels that are the model's suggestion (Ctrl+1..3,
        Ctrl+T, or the same label picked from the list): the person took the model's suggestion."""
        taken = {}
        before = self.ticket
        module = next((p for m, p, _band in self.suggestions if m == values["module"]), None)
        if module is not None and (before is None or before.module != values["module"]):
            taken["module_confidence"] = module
        kind = self.kind_suggestion
        if kind is not None and kind[0] == values["kind"] and (before is None or before.kind != values["kind"]):
            taken["kind_confidence"] = kind[1]
        if taken and self.model_version:
            taken["model_version"] = self.model_version
        return taken if self.model_version else {}

    # -- actions -------------------------------------------------------------------------
    def submit(self) -> None:
        """Ctrl+Enter or Spara: hand the ticket to the owner to save. While a save is under way, another
        press does nothing (a slow save took two or three presses as two or three tickets)."""
        if self._saving:
            return
        if not self.title_edit.text().strip():
            if self.description_edit.toPlainText().strip():
                self.title_edit.setText(self.description_edit.toPlainText().strip().splitlines()[0][:80])
            else:
                self.show_error(self.tr("Skriv en rubrik eller beskrivning innan du sparar."))
                self.title_edit.setFocus()
                return
        self._set_saving(True)
        self.submitted.emit(self.to_ticket())

    def is_saving(self) -> bool:
        return self._saving

    def _next_call(self) -> None:
        """Ctrl+N in the form: while it saves, the next form opens once it is saved (a nurse with the next caller on
        the line pressed Ctrl+Enter and Ctrl+N at once, and no form came); before, say how."""
        if self._saving:
            self.next_wanted = True
            self.saving_notice.setText(self.tr("Sparar… sedan öppnas ett nytt ärende."))
        else:
            self.show_error(self.tr("Ctrl+Enter sparar ärendet och Esc stänger det; sedan öppnar Ctrl+N ett nytt."))

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.buttons.setEnabled(not saving)
        self.saving_notice.setVisible(saving)

    def saved(self) -> None:
        """Called by the owner when the ticket was stored."""
        self._set_saving(False)
        self._draft_timer.stop()
        clear_draft(self.desk)
        self.accept()

    def save_failed(self, message: str) -> None:
        """Called by the owner when the ticket could not be stored: the form is the user's again."""
        self._set_saving(False)
        self.next_wanted = False  # this ticket is not saved: the person stays with it
        self.saving_notice.setText(self.tr("Sparar…"))
        self.show_error(message)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter (without Ctrl) never saves: in a one-line field, a pick list or the check box it moves on
        to the next field; on a focused button it presses that button; elsewhere (the similar tickets,
        which open the ticket on Enter themselves) nothing more. Ctrl+Enter is a shortcut."""
        if event.key() in ENTER_KEYS and not event.modifiers() & Qt.ControlModifier:
            focused = self.focusWidget()
            if isinstance(focused, QPushButton):
                focused.click()
            elif isinstance(focused, (QLineEdit, QComboBox, QCheckBox)):
                self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 - Qt override
        """Shown: QDialog hands the title its focus as if by Tab, which selects all of it and scrolls to
        its end, and the button box makes Spara the default; undo both."""
        super().setVisible(visible)
        if visible:
            for button in self.buttons.buttons():
                button.setDefault(False)
            self._show_line_starts()

    def _on_focus_changed(self, _old, new) -> None:
        """A field reached by its Alt key (not only by Tab) scrolls into view, and a text that is there already
        is written on at its end: Alt+L into a Lösning put the cursor at its start, and the new words ran into the
        old ("…om LidMira: bett…"; a tester). A click places the cursor after this, where it was clicked."""
        if new is not None and self.fields_scroll.widget().isAncestorOf(new):
            self.fields_scroll.ensureWidgetVisible(new)
        if new in (self.description_edit, self.resolution_edit):
            cursor = new.textCursor()
            if cursor.position() == 0 and not cursor.hasSelection():
                new.moveCursor(QTextCursor.End)

    def reject(self) -> None:
        """Esc, Avbryt or the close button. A form with changes asks first (issue 13: one stray Esc
        during a phone call lost the text): keep writing (also Esc), keep it as a draft, or discard."""
        if self._saving:
            return  # the save under way decides: the form closes when it is stored, stays when it fails
        if not self.has_changes():
            self._close(keep_draft=False)
            return
        if self.discard_box is not None and self.discard_box.isVisible():
            return
        box = AltKeyMessageBox(QMessageBox.Question, self.tr("Osparat ärende"),
                                self.tr("Ärendet är inte sparat. Vill du fortsätta skriva, spara det som utkast eller kasta det?"),
                                QMessageBox.NoButton, self)
        resume = box.addButton(self.tr("&Fortsätt skriva"), QMessageBox.RejectRole)
        keep = box.addButton(self.tr("&Behåll som utkast"), QMessageBox.AcceptRole)
        discard = box.addButton(self.tr("&Kasta ärendet"), QMessageBox.DestructiveRole)
        box.setDefaultButton(resume)
        box.setEscapeButton(resume)

        def chosen(button) -> None:
            if button is keep:
                self._close(keep_draft=True)
            elif button is discard:
                self._close(keep_draft=False)

        box.buttonClicked.connect(chosen)
        self.discard_box = box
        box.open()

    def _show_shortcuts(self) -> None:
        from elsdesk.gui.help_dialog import FORM, show_shortcuts

        self.help_dialog = show_shortcuts(self, FORM, [FORM])

    def has_changes(self) -> bool:
        """Whether the form differs from what it showed when it opened (the stored ticket or an empty form)."""
        return bool(self.changed_fields())

    def changed_fields(self) -> set[str]:
        """The fields this person changed since the form showed the stored ticket (or opened empty)."""
        values = self.values()
        return {key for key, value in self._baseline.items() if _blank(values.get(key)) != _blank(value)}

    def mark_unchanged(self) -> None:
        """What the form shows now is what is stored (it opened, or the owner loaded the latest version)."""
        self._baseline = {key: value for key, value in self.values().items() if key != "id"}

    def become_new(self) -> None:
        """The ticket this form edited was removed meanwhile: the form keeps what it shows as a new ticket, so the
        next Ctrl+Enter logs it, Esc asks before anything typed is lost, and the draft holds it meanwhile."""
        self.ticket = None
        self.setWindowTitle(self.tr("Nytt ärende"))
        self._baseline = {key: value for key, value in self._empty_values.items() if key != "id"}
        self._write_draft()

    def put_aside(self) -> None:
        """Close without asking, keeping typed text as the draft (the owner opens another form)."""
        self._close(keep_draft=self.has_changes())

    def _close(self, keep_draft: bool) -> None:
        self._draft_timer.stop()
        if keep_draft:
            save_draft(self.values(), self.desk)
        else:
            clear_draft(self.desk)
        super().reject()

    def show_error(self, message: str) -> None:
        self.mask_notice.setProperty("severity", "error")
        self.mask_notice.setText(message)
        self.mask_notice.setVisible(True)

    def show_suggestions(self, suggestions: list[tuple[str, float, str]], available: bool = True,
                         kind: tuple[str, float, str] | None = None, version: str | None = None) -> None:
        """Show the top module suggestions and the suggested kind: (label id, probability, band name),
        from the model *version*; after the first, only those the model gives at least SUGGESTION_FLOOR."""
        suggestions = offered(suggestions, lambda suggestion: suggestion[1])
        self.suggestions = suggestions
        self.kind_suggestion = kind
        self.model_version = version
        self._suggestions_available = available
        self._suggestion_note = ""  # what a Ctrl+2 or Ctrl+3 without its suggestion said is about the last ones
        if not available:
            self._show_suggestion_text(escape(self.tr("Inga förslag: modellen är inte laddad")))
            return
        if not suggestions:
            self._show_suggestion_text("–")
            return
        parts = []
        for number, (module, p, band) in enumerate(suggestions[:3], start=1):
            name = escape(self.taxonomy.module_name(module, self.language))
            parts.append(f"<b>Ctrl+{number}</b> {name} <span class='band'>({confidence_text(band, p)})</span>")
        text = " &nbsp;·&nbsp; ".join(parts)
        if kind is not None:
            name = escape(self.taxonomy.kind_name(kind[0], self.language))
            text += ("<br>" + escape(self.tr("Typ:")) + f" <b>{KIND_KEY}</b> {name} "
                     f"<span class='band'>({confidence_text(kind[2], kind[1])})</span>")
        self._show_suggestion_text(text)

    def _show_suggestion_text(self, text: str) -> None:
        self._suggestion_text = text
        note = f"<br><i>{escape(self._suggestion_note)}</i>" if self._suggestion_note else ""
        self.suggestion_view.setText(text + note)

    def _say_no_suggestion(self, index: int) -> None:
        """Ctrl+2 or Ctrl+3 with fewer suggestions shown (or Ctrl+1 with none) says so beside the suggestions:
        the key did nothing, and a tester was not told why."""
        key = f"Ctrl+{index + 1}"
        if not self._suggestions_available:
            note = self.tr("%1: inga förslag, modellen är inte laddad. Välj modul i listan.").replace("%1", key)
        elif not self.suggestions:
            note = self.tr("%1: inga förslag än. Skriv rubrik eller beskrivning, eller välj modul i listan.").replace("%1", key)
        else:
            note = self.tr("%1: det finns inget förslag %2, modellen visar bara %3 för den här texten. Välj modul i listan.") \
                .replace("%1", key).replace("%2", str(index + 1)).replace("%3", str(len(self.suggestions)))
        self._suggestion_note = note
        self._show_suggestion_text(self._suggestion_text)

    def show_similar(self, similar, empty_text: str | None = None) -> None:
        """Show the most similar earlier tickets (``SimilarTicket`` list), so an answer can be reused;
        *empty_text* says why there are none when that is not simply the answer."""
        self.similar_view.show_similar(similar, empty_text)

    def show_similar_pending(self, text: str | None) -> None:
        """The similar tickets are being looked for, or their index built: *text* says which (None:
        nothing asked yet)."""
        if text is None:
            self.similar_view.show_nothing_yet()
        else:
            self.similar_view.show_pending(text)

    def show_known_problem(self, suggestion) -> None:
        """Show the known problem the text most likely describes (a ``ProblemSuggestion``, or None to
        hide it), with its status and workaround, so the caller can be answered at once."""
        self.known_problem = suggestion
        if suggestion is None:
            self.problem_view.clear()
            self.problem_view.setVisible(False)
            return
        problem = suggestion.problem
        heading = self.tr("Känt problem:") if suggestion.linked else self.tr("Liknar ett känt problem:")
        text = f"{escape(heading)} <b>{escape(problem.name)}</b> <span class='band'>({escape(self.problem_status_name(problem.status))})</span>"
        if problem.workaround:
            text += "<br>" + escape(self.tr("Så gör man:")) + " " + escape(problem.workaround).replace("\n", "<br>")
        else:
            text += "<br><i>" + escape(self.tr("Inget sätt att komma runt det är beskrivet ännu.")) + "</i>"
        self.problem_view.setText(text)
        self.problem_view.setVisible(True)

    def problem_status_name(self, status: str) -> str:
        names = {"oppet": self.tr("öppet"), "workaround": self.tr("tillfällig lösning finns"),
                 "rattat": self.tr("rättat"), "genomganget": self.tr("genomgånget på utbildning")}
        return names.get(status, status)

    def accept_suggestion(self, index: int) -> None:
        self._suggest_now()
        if 0 <= index < len(self.suggestions):
            _select(self.module_combo, self.suggestions[index][0])
        else:
            self._say_no_suggestion(index)

    def accept_kind_suggestion(self) -> None:
        self._suggest_now()
        if self.kind_suggestion is not None:
            _select(self.kind_combo, self.kind_suggestion[0])

    def _suggest_now(self) -> None:
        """Suggestions for the text as it is now, when a key took one before the pause after typing had passed:
        Ctrl+1 pressed within a quarter second of the last key took the suggestion for the title alone."""
        if self._mask_timer.isActive():
            self._mask_timer.stop()
            self._check_identifiers()  # its text_edited has the owner show the suggestions for the whole text

    # -- background helpers --------------------------------------------------------------
    def _on_text_changed(self) -> None:
        # the draft is written once typing pauses, and at least every DRAFT_MAX_WAIT_S while it goes on (steady
        # typing kept restarting the pause, so a shutdown lost everything typed since the form opened)
        now = time.monotonic()
        if not self._draft_timer.isActive():
            self._draft_pending_since = now
        elif now - self._draft_pending_since >= DRAFT_MAX_WAIT_S:
            self._write_draft()
            self._draft_pending_since = now
        self._draft_timer.start()
        self._mask_timer.start()

    def _check_identifiers(self) -> None:
        text = "\n".join((self.title_edit.text(), self.description_edit.toPlainText(),
                          self.unit_edit.text(), self.resolution_edit.toPlainText()))
        result = mask_text(text)
        if result.total:
            found = [kind for kind, n in sorted(result.counts.items()) if n]
            kinds = identifier_kinds(result.counts)
            self.mask_notice.setProperty("severity", "info")
            # what is found and what the ticket will say instead, in a nurse's words (it said "Identifierare upptäckta
            # (telefon) … platshållare, t.ex. [personnummer]" for a phone number; a GUI tester)
            self.mask_notice.setText(self.tr("Sparas inte: %1. I ärendet står %2 i stället.").replace(
                "%1", kinds).replace("%2", ", ".join(PLACEHOLDERS.get(kind, f"[{kind}]") for kind in found)))
            self.mask_notice.setVisible(True)
        elif self.mask_notice.property("severity") == "info":
            self.mask_notice.setVisible(False)
        self.mask_notice.style().polish(self.mask_notice)
        self.text_edited.emit(self.title_edit.text() + "\n" + self.description_edit.toPlainText())

    def _write_draft(self) -> None:
        save_draft(self.values(), self.desk)

    def _make_draft_notice(self) -> QWidget:
        """The line that says the form holds a kept draft, with a button that empties the form (hidden until then)."""
        self.draft_notice = QWidget(self)
        self.draft_notice.setObjectName("draftNotice")
        self.draft_notice.setAttribute(Qt.WA_StyledBackground, True)  # the stylesheet's background on a plain QWidget
        row = QHBoxLayout(self.draft_notice)
        row.setContentsMargins(4, 4, 4, 4)
        self.draft_label = QLabel(self.draft_notice)
        self.draft_label.setWordWrap(True)
        self.clear_draft_button = QPushButton(self.tr("Töm &formuläret"), self.draft_notice)
        self.clear_draft_button.setToolTip(self.tr("Börja om med ett tomt formulär; utkastet tas bort"))
        self.clear_draft_button.clicked.connect(self.start_empty)
        row.addWidget(self.draft_label, 1)
        row.addWidget(self.clear_draft_button)
        self.draft_notice.setVisible(False)
        return self.draft_notice

    def show_kept_draft(self, saved_at: str | None = None) -> None:
        """Say that the form holds a draft kept earlier, so that a new call is not typed into an old one unnoticed
        (a tester's next ticket was written into the title and description of the one before); the cursor goes to
        the end of the title."""
        when = (saved_at or "").replace("T", " ")
        self.draft_label.setText(
            self.tr("Formuläret har ditt sparade utkast från %1. Skriv vidare, eller töm det för ett nytt ärende.")
            .replace("%1", when) if when else
            self.tr("Formuläret har ditt sparade utkast. Skriv vidare, eller töm det för ett nytt ärende."))
        self.draft_notice.setVisible(True)
        self.title_edit.setFocus()
        self.title_edit.end(False)

    def start_empty(self) -> None:
        """Empty the form for a new ticket and remove the kept draft (the button beside the draft notice)."""
        self._draft_timer.stop()
        self.set_values(self._empty_values)
        clear_draft(self.desk)
        self.mark_unchanged()
        self.draft_notice.setVisible(False)
        self.title_edit.setFocus()


def _name_fields_by_their_labels(form: QWidget) -> None:
    """Each field a label names (its buddy) is announced by the label's text ("Kanal"), not by its value ("Telefon"):
    a screen reader read the combos as their current value (an English-UI tester)."""
    for label in form.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName():
            buddy.setAccessibleName(label.text().replace("&", ""))


IDENTIFIER_NAMES = {  # masking's kinds, as the person reads them (the placeholders stay Swedish)
    "personnummer": QT_TRANSLATE_NOOP("Identifiers", "personnummer"),
    "samordningsnummer": QT_TRANSLATE_NOOP("Identifiers", "samordningsnummer"),
    "telefon": QT_TRANSLATE_NOOP("Identifiers", "telefon"),
    "e-post": QT_TRANSLATE_NOOP("Identifiers", "e-post"),
    "reservnummer": QT_TRANSLATE_NOOP("Identifiers", "reservnummer"),
    "namn": QT_TRANSLATE_NOOP("Identifiers", "namn"),
    "födelsedatum": QT_TRANSLATE_NOOP("Identifiers", "födelsedatum"),
}


def identifier_kinds(counts: dict[str, int], with_numbers: bool = False) -> str:
    """The kinds of identifiers found ("personnummer, telefon"; with their numbers: "1 personnummer,
    2 telefon") in the UI's language."""
    names = [(QCoreApplication.translate("Identifiers", IDENTIFIER_NAMES.get(kind, kind)), n)
             for kind, n in sorted(counts.items()) if n]
    return ", ".join(f"{n} {name}" if with_numbers else name for name, n in names)


def _single_shot(parent, msecs: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer


def _fill(combo: QComboBox, items: list[tuple[str, str]], empty: str | None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for item_id, name in items:
        combo.addItem(name, item_id)


def _select(combo: QComboBox, value, keep_unknown: bool = False) -> None:
    """Select *value*'s entry; with *keep_unknown* a value the list does not hold is added as written (an edit
    that changed only the status stored the ticket without its imported role)."""
    index = combo.findData(value)
    if index < 0 and keep_unknown and isinstance(value, str) and value.strip():
        combo.addItem(value, value)
        index = combo.count() - 1
    if index >= 0:
        combo.setCurrentIndex(index)
    elif value is None and combo.count():
        combo.setCurrentIndex(0)


def _blank(value):
    """Compare form values the way a person sees them: None, "" and whitespace are all empty."""
    return (value.strip() or None) if isinstance(value, str) else value


def ticket_values(ticket: Ticket) -> dict:
    """Form values of a stored ticket (to edit it, or to restore a draft)."""
    return {
        "title": ticket.title, "description": ticket.description, "module": ticket.module, "kind": ticket.kind,
        "reporter_role": ticket.reporter_role, "unit": ticket.unit, "channel": ticket.channel,
        "priority": ticket.priority, "patient_safety": ticket.patient_safety, "status": ticket.status,
        "escalation": ticket.escalation, "resolution": ticket.resolution,
    }

