"""ReviewActionsMixin: the profile (local, or the login and role a server gives) and the views and
actions its role gets, the review queue tab, the retrain offer, and similar tickets for the form."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox

from elsdesk.domain import BadInputError
from elsdesk.gui.notify import show_error
from elsdesk.services.permissions import (
    CHECK_LABELS, CONFIRM_LABELS, LOAD_DEMO, REMOVE_DEMO, REMOVE_TICKETS, TRAIN_MODEL, allowed_any, allowed_locally,
)
from elsdesk.services.profile import (
    ELS_SUPPORT, REVIEW, TRAINING, Profile, make_profile, role_name, save_profile, views_for,
)

if TYPE_CHECKING:
    from elsdesk.gui.profile_dialog import ProfileDialog

logger = logging.getLogger(__name__)
PROFILE_NOTE_MS = 30_000  # how long the status bar says which profile a skipped first-start question gave
SIMILARITY_BUILDING, SIMILARITY_READY, SIMILARITY_FAILED = "building", "ready", "failed"  # the similar-ticket index
EDIT_SCAN_EVERY_S = 30.0  # other workstations' edits reach the similar-ticket index at most this late


def default_profile() -> Profile:
    """The profile kept when the first-start question is skipped (Esc, Avbryt): the computer's user
    name with the ordinary ELS-stöd role, so no view or action is offered that nobody chose."""
    import getpass  # only at a first start: ~1 ms that the window's first paint need not wait for (issue 14)

    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor the password database
        name = ""
    try:
        return make_profile(name[:80], ELS_SUPPORT)
    except BadInputError:
        return Profile(role_name(ELS_SUPPORT), ELS_SUPPORT)


class ReviewActionsMixin:
    """Mixed into MainWindow; uses its tabs, runner, profile and similarity index."""

    def ensure_profile(self):
        """At first start (no saved profile) ask for name and role; a server desk gives both."""
        return self.choose_profile() if self.profile is None and not self.server_role else None

    def choose_profile(self) -> ProfileDialog | QMessageBox:
        if self.server_role:
            box = QMessageBox(QMessageBox.Information, self.tr("Din profil"), self.tr(
                "Du är inloggad på regionens server som %1 med rollen %2. Rollen ges av servern; "
                "be IT om en annan roll.").replace("%1", self.profile.name).replace(
                "%2", role_name(self.server_role, self.language)), QMessageBox.Ok, self)
            box.open()
            return box
        from elsdesk.gui.profile_dialog import ProfileDialog  # asked at first start, after the first rows

        fallback = default_profile() if self.profile is None else None
        dialog = ProfileDialog(self.profile, self.language, self, fallback=fallback)
        dialog.setAttribute(Qt.WA_DeleteOnClose)  # one per switch: kept, each stayed in memory with its widgets
        dialog.profile_chosen.connect(self._keep_profile)
        if fallback is not None:  # connected before the caller's finished: the profile is there when it runs
            dialog.finished.connect(lambda result: self._keep_default_profile(fallback) if result != QDialog.Accepted else None)
        dialog.open()
        return dialog

    def _keep_profile(self, profile: Profile) -> bool:
        """Use *profile* from now on and save it for the next start; when it cannot be saved it is still
        used in this session (the error says why), so the window never stays without a profile."""
        self.profile = profile
        try:
            self.profile = save_profile(profile)
        except OSError as exc:
            show_error(self, exc)
            self._apply_profile()
            return False
        self._apply_profile()
        return True

    def _keep_default_profile(self, profile: Profile) -> None:
        """The first-start question was skipped: keep the default profile and say how to change it."""
        if self.profile is not None:
            return
        self._keep_profile(profile)
        self.statusBar().showMessage(self.tr(
            "Ingen profil vald: du är %1 med rollen %2. Byt under Arkiv › Byt profil.").replace(
            "%1", profile.name).replace("%2", role_name(profile.role, self.language)), PROFILE_NOTE_MS)

    @property
    def server_role(self) -> str | None:
        """The first of the roles the server gives this login (the one the profile names); None on a local file."""
        return self.server_roles[0] if self.server_roles else None

    def _actor(self) -> str:
        return self.profile.actor if self.profile else "ELS-stöd"

    def may(self, action: str) -> bool:
        """Whether the person at this window may do *action*: the server's role on a shared desk; on a
        local file the profile's role, and the file's owner may load demo data."""
        if self.server_role:
            return allowed_any(self.server_roles, action)
        return allowed_locally(self.profile.role if self.profile is not None else None, action)

    def _apply_profile(self) -> None:
        """Offer the views and actions of the profile's role: tickets always, the review queue and retraining
        to super-users, the training view to training leads. Without a profile (first start) the tabs stay
        as built."""
        self.train_action.setEnabled(self.may(TRAIN_MODEL))
        # the super-user's tools are not shown to a role that never uses them (an ELS-stöd saw the whole Modell
        # menu); Modell och kvalitet stays for everyone: it says what the suggestions' Hög, Medel and Låg mean
        for action, needed in ((self.train_action, TRAIN_MODEL), (self.learning_action, TRAIN_MODEL),
                               (self.agreement_action, CONFIRM_LABELS), (self.mistakes_action, CHECK_LABELS)):
            action.setVisible(self.may(needed))
        if self._training_view is not None:  # built on first use (Qt Charts: not before the first paint)
            self._training_view.actor = self._actor()
        self.mistakes_action.setEnabled(self.may(CHECK_LABELS))
        self.remove_ticket_action.setEnabled(self.may(REMOVE_TICKETS))
        self.demo_action.setEnabled(self.may(LOAD_DEMO))
        self.remove_demo_action.setEnabled(self.has_demo and self.may(REMOVE_DEMO))
        if self.profile is None:
            return
        views = {view for role in (self.server_roles or (self.profile.role,)) for view in views_for(role)}
        self.tabs.setTabVisible(self.training_tab, TRAINING in views)
        self.export_action.setEnabled(TRAINING in views)
        if not self._starting:
            self._keep_topics_where_shown()
        if REVIEW in views and self.review_view is None and not self._starting:
            from elsdesk.gui.review_queue_view import ReviewQueueView  # scikit-learn: not before the first paint

            self.review_view = ReviewQueueView(self.db_path, self.taxonomy, self.runner, self._actor(), self.language, self,
                                               classifier=self.classifier, similarity_index=self.similarity_index,
                                               shared=self.database.backend == "postgres")
            self.review_view.labels_confirmed.connect(self._on_review_decision)
            self.review_view.decision_undone.connect(self._on_review_decision)
            self.review_view.retrain_suggested.connect(self._offer_retrain)
            # a queue built again (a switch of profile) asks no sooner than the one before would have ("Senare"
            # held until the next 50 confirmations, not until the next switch)
            self.review_view.next_retrain_offer = self._next_retrain_offer
            self.review_tab = self.tabs.addTab(self.review_view, self.tr("Granskning"))
            self.review_view.refresh()
        elif REVIEW not in views and self.review_view is not None:
            self.tabs.removeTab(self.tabs.indexOf(self.review_view))
            self._next_retrain_offer = self.review_view.next_retrain_offer
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
        self._desk_changed_for_topics()  # a label or a problem link decides where the ticket's topic is
        self.model.refresh_rows()
        if self.list_view.current_ticket_id() == decision.ticket_id:
            self._on_ticket_selected(decision.ticket_id)

    def _offer_retrain(self, confirmations: int) -> QMessageBox:
        from elsdesk.gui.forms import SettlingMessageBox

        box = SettlingMessageBox(QMessageBox.Question, self.tr("Träna om modellen?"), self.tr(
            "%1 etiketter har bekräftats sedan den senaste träningen. Vill du träna om modellen nu? "
            "Du ser kvaliteten före och efter när den är klar.").replace("%1", str(confirmations)),
            QMessageBox.Yes | QMessageBox.No, self)
        box.button(QMessageBox.Yes).setText(self.tr("Träna om nu"))
        box.button(QMessageBox.No).setText(self.tr("Senare"))
        box.setDefaultButton(QMessageBox.No)  # the next Enter meant for the queue must not start a training (a tester)
        box.finished.connect(lambda _result: self.retrain() if box.clickedButton() is box.button(QMessageBox.Yes) else None)
        box.open()
        return box

    def build_similarity_index(self):
        """Build the similar-ticket index in the background; until a first index exists, lookups use the part
        built so far (newest tickets first; issue 14). A desk's next start reads it from the cache."""
        building, marks = [], []

        def work(context):
            from elsdesk.services.similar import build_similarity_index, new_similarity_index, similarity_mark

            building.append(new_similarity_index())
            with context.open_database() as database:
                marks.append(similarity_mark(database))  # where catching up with other workstations starts
                return build_similarity_index(database, progress=context.progress, is_cancelled=context.is_cancelled,
                                              index=building[0])

        def partly_built(_done, _total):
            if self.similarity_index is None and building:
                self.similarity_index = building[0]

        def done(index):
            self.similarity_index = index
            self._similarity_mark = marks[0]
            self._similarity_state = SIMILARITY_READY
            if self.review_view is not None:
                self.review_view.set_similarity_index(index)
            if self._similar_catch_up_due:  # notices came while it was built
                self.catch_up_similarity_index()
            self._look_again_for_the_form()  # it said "bygger index…": now the answer

        def failed(exc):
            logger.warning("similar tickets unavailable: %s", exc)
            if self._similarity_state == SIMILARITY_BUILDING:
                self._similarity_state = SIMILARITY_FAILED
                self._look_again_for_the_form()

        if self._similarity_state != SIMILARITY_READY:  # a rebuild after an import keeps the whole index it has
            self._similarity_state = SIMILARITY_BUILDING
        return self.runner.start(work, db_path=self.db_path, on_success=done, on_progress=partly_built,
                                 name="similarity index", on_failure=failed)

    def catch_up_similarity_index(self):
        """Another workstation saved tickets: add them to the similar-ticket index (form and review queue
        share it) without building it again; one catch-up at a time, and one more when notices came
        meanwhile. Edited text is read at most every EDIT_SCAN_EVERY_S (it needs a look at every ticket)."""
        index, mark, task = self.similarity_index, self._similarity_mark, self._catch_up_task
        if index is None or mark is None or (task is not None and not task.is_settled()):
            self._similar_catch_up_due = True  # after the build or the catch-up running now
            return None
        self._similar_catch_up_due = False
        wait = self._edits_caught_at + EDIT_SCAN_EVERY_S - time.monotonic()
        edits = wait <= 0
        if not edits and not self._edit_scan_timer.isActive():
            self._edit_scan_timer.start(int(wait * 1000) + 1)  # the edits skipped now are read then

        def work(context):
            from elsdesk.services.similar import catch_up_similarity_index

            with context.open_database() as database:
                return catch_up_similarity_index(database, index, mark, edits=edits)

        def done(result):
            count, new_mark = result
            self._catch_up_task = None  # its result is here: the next catch-up may start from its mark
            if index is self.similarity_index:  # else a new build holds the desk and has its own mark
                self._similarity_mark = new_mark
            if edits:
                self._edits_caught_at = time.monotonic()
            logger.debug("similar-ticket index caught up with %d tickets of other workstations", count)
            if self._similar_catch_up_due and not self._closing:
                self.catch_up_similarity_index()

        self._catch_up_task = self.runner.start(
            work, db_path=self.db_path, on_success=done, name="similar tickets catch-up",
            on_failure=lambda exc: logger.warning("similar tickets not caught up: %s", exc))
        return self._catch_up_task

    def _watch_similarity_index(self) -> None:
        """State for :meth:`catch_up_similarity_index` (called once from the window's construction)."""
        self._similarity_mark = None  # how far the index holds the desk; set when a build finishes
        self._similarity_state = SIMILARITY_BUILDING  # the first build starts with the window
        self._similar_asked: tuple = (None, None, None)  # the open form's last lookup: (form, text, ticket)
        self._catch_up_task = None
        self._similar_catch_up_due = False
        self._edits_caught_at = float("-inf")  # the first catch-up reads edits too
        self._edit_scan_timer = QTimer(self)
        self._edit_scan_timer.setSingleShot(True)
        self._edit_scan_timer.timeout.connect(self.catch_up_similarity_index)

    def _lookup_similar(self, text: str | None = None, ticket=None) -> None:
        """Show the five most similar earlier tickets in the open form (in the background)."""
        from elsdesk.services.similar import similar_tickets, similar_to_text

        form, index = self.form, self.similarity_index
        if form is None:
            return
        self._similar_asked = (form, text, ticket)
        state = self._similarity_state
        if index is None or state == SIMILARITY_FAILED:
            form.show_similar_pending(self._similar_state_text(state))
            return
        form.show_similar_pending(self._similar_state_text(state, searching=True))
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
            if form is self.form:  # an empty answer from a part of the index is no answer yet
                form.show_similar(found, None if state == SIMILARITY_READY else self._similar_state_text(state))

        if self._similar_task is not None:
            self._similar_task.cancel()
        self._similar_task = self.runner.start(work, db_path=self.db_path, on_success=done, name="similar tickets",
                                               quick=True)

    def _similar_state_text(self, state: str, searching: bool = False) -> str:
        """What the similar tickets' pane says while it has no answer: searching, or the index not there yet."""
        if state == SIMILARITY_FAILED:
            return self.tr("Liknande ärenden kan inte visas just nu: sökindexet gick inte att bygga.")
        if state == SIMILARITY_BUILDING:
            return self.tr("Bygger sökindex… liknande ärenden visas när det är klart.")
        return self.tr("Söker liknande ärenden…") if searching else self.tr("Inga liknande ärenden.")

    def _look_again_for_the_form(self) -> None:
        """The index is complete (or failed): the open form's pane gets its answer, or says why not."""
        form, text, ticket = self._similar_asked
        if self.form is None:
            return
        if form is self.form:
            self._lookup_similar(text=text, ticket=ticket)
        else:  # nothing typed in this form yet
            self._say_similar_state(self.form)

    def _say_similar_state(self, form) -> None:
        """A form that has asked nothing yet: its similar tickets' pane says whether the index is there."""
        ready = self._similarity_state == SIMILARITY_READY
        form.show_similar_pending(None if ready else self._similar_state_text(self._similarity_state))

    def _show_ticket_details(self, ticket_id: int) -> None:
        from elsdesk.services.tickets import ticket_details

        self.details.show_ticket(*ticket_details(self.database, ticket_id))
