"""ReviewQueueView: super-users confirm or correct module and kind one ticket at a time, keyboard only.

Keys (shown on screen): Enter accepts suggestion 1, 1-3 pick a suggestion, / or m opens a
type-ahead module picker, h f k d o set the kind first, Space skips, s changes the order,
l links the ticket to the suggested known problem and L picks or names another (KnownProblemLinker,
elsdesk.gui.problem_linking), and Ctrl+Z undoes the last decision and shows that ticket again.

The next ticket appears at once: the queue (ticket ids) and the next few tickets with their
suggestions and similar tickets are loaded ahead on the shared TaskRunner. Decisions are written
by a private single-thread TaskRunner so that writes (and undo) happen in the order they were
made; SQLite checkpoints can make a write take a second, so none runs on the GUI thread.

On a shared desk another super-user may decide the ticket on screen. The card then says so
("ELS-000002 bekräftades just av karin_super") and the next ticket it shows takes no decision key
for SETTLE_S seconds, so an Enter meant for the old card never confirms one the person has not
read; a decision that still reaches the server is refused there (the ticket's version is checked).
So that two super-users in one queue do not trail each other card by card, the view says over the change
notices which ticket its card shows and shows next a ticket no other card shows (ReviewPresence,
elsdesk.services.review_presence; a shared desk only).

Which tickets are in the queue, in what order, and when a key may decide is kept by a ReviewSession
(elsdesk.services.review_session, no Qt); this view renders it, handles keys, runs the tasks and says
what happened.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import replace

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from elsdesk.domain import DatabaseUnavailableError, ElsdeskError
from elsdesk.gui.grouped_numbers import number
from elsdesk.gui.module_picker import ModulePicker
from elsdesk.gui.notify import sentence, show_error, with_full_stop
from elsdesk.gui.problem_linking import KnownProblemLinker
from elsdesk.gui.review_card import ReviewCard
from elsdesk.gui.similar_tickets_view import SimilarTicketsView
from elsdesk.gui.tasks import TaskRunner
from elsdesk.services.review import (
    ChangedMeanwhileError, LeftQueue, ReviewItem, confirm_labels, confirmations_since_training, load_review_item,
    retrain_threshold, review_queue, similar_as_decided, undo_last, why_left_queue,
)
from elsdesk.services.review_presence import REPEAT_S, ReviewPresence, Shown, announce, ask_again, parse
from elsdesk.services.review_session import ReviewSession, TicketLeft
from elsdesk.taxonomy import Taxonomy

logger = logging.getLogger(__name__)
PREFETCH = 3
UNDO_DEPTH = 200  # decisions Ctrl+Z can take back, newest first (each keeps its card: a day's queue stays small)
DECIDED, LINKED = "decided", "linked"  # what Ctrl+Z takes back: a confirmation, or a link to a known problem
ORDER_KEYS = ("uncertainty", "date", "module")
SINGLE_KEYS = ("1", "2", "3", "/", "m", "s", "l", "i")  # the queue's own keys; a kind whose id starts so gets none


class ReviewQueueView(QWidget):
    labels_confirmed = Signal(object)  # ReviewDecision, after it was stored
    decision_undone = Signal(object)  # ReviewDecision (undone), after it was stored
    retrain_suggested = Signal(int)  # confirmations since the last training
    queue_loaded = Signal(int)  # tickets left to review
    ticket_shown = Signal(object)  # id of the ticket now shown, None when the queue is empty
    decision_failed = Signal(object)  # the exception
    problem_linked = Signal(int)  # ticket id, after its link to a known problem was stored

    def __init__(self, db_path, taxonomy: Taxonomy, runner: TaskRunner, actor: str, language: str = "sv",
                 parent=None, classifier: tuple | None = None, similarity_index=None, second_opinion: bool = False,
                 shared: bool = False):
        """*shared*: the desk is on a server other super-users' review views use (they tell each other which
        ticket their cards show)."""
        super().__init__(parent)
        self.setObjectName("reviewQueue")
        self.db_path = db_path
        self.taxonomy = taxonomy
        self.language = language
        self.runner = runner
        self.actor = actor
        self.second_opinion = second_opinion
        self._classifier = classifier
        self._index = similarity_index
        self._order = ORDER_KEYS[0]
        self._session = ReviewSession()  # the queue (first ticket on screen) and its rules
        self._items: dict[int, ReviewItem] = {}
        self._removed_here: set[int] = set()  # tickets removed at this workstation (see forget_removed)
        # (ticket id, number) of the ticket the card showed last: a card about a ticket that left the queue names
        # it after the queue's items were read again without it (a removal heard first from the desk)
        self._shown_number: tuple[int, str | None] | None = None
        self._closed = False  # shut down: task results reach no widget (see shutdown)
        self._undo_log: list[tuple] = []  # this session's decisions and links, newest last (what Ctrl+Z takes back)
        self._loading: set[int] = set()
        self._done: list[ReviewItem] = []  # this person's decisions this session, for undo
        self._decided: dict[int, tuple[str, str | None]] = {}  # their labels, shown among the similar tickets
        self._kind: str | None = None
        self._generation = 0
        self._busy = 0
        self._unread_notice = ""  # the card's notice that the queue could not be read, until it is read again
        self._queue_task = None
        self.next_retrain_offer = 0  # the confirmations count at which retraining is offered next
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)  # decisions and undo are written in the order they were made
        self._writer = TaskRunner(self, pool=pool)
        self._problems = KnownProblemLinker(self, self._start_on_shared_runner, self._say)  # l and L
        self._kind_keys = _kind_keys(taxonomy)
        self._presence = ReviewPresence(uuid.uuid4().hex[:12]) if shared else None
        self._asked = False  # whether the other views were asked what their cards show
        self._refresh_when_shown = False  # tickets were given back while the queue was not on screen
        if self._presence is not None:
            self._repeat = QTimer(self)
            self._repeat.setInterval(int(REPEAT_S * 1000))
            self._repeat.timeout.connect(self._repeat_presence)
            self._repeat.start()
        self._module_names = {m.id: m.name(language) for m in taxonomy.modules if not m.retired}
        self._build()
        self.setFocusPolicy(Qt.StrongFocus)

    # -- construction --------------------------------------------------------------------
    def _build(self) -> None:
        self.order_combo = QComboBox(self)
        for key, text in zip(ORDER_KEYS, (self.tr("Osäkrast först"), self.tr("Nyast först"), self.tr("Per modul"))):
            self.order_combo.addItem(text, key)
        self.order_combo.setFocusPolicy(Qt.NoFocus)
        self.order_combo.currentIndexChanged.connect(lambda _i: self.set_order(self.order_combo.currentData()))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("reviewCount")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reviewStatus")
        self.status_label.setWordWrap(True)  # a long message wraps instead of widening the window past a small screen
        self.status_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.status_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Ordning (s):"), self))
        top.addWidget(self.order_combo)
        top.addWidget(self.count_label)
        top.addWidget(self.status_label, 1)
        self.card = ReviewCard(self.taxonomy, self._kind_keys, self.language, self)
        self.title_label, self.suggestion_label, self.kind_label = (
            self.card.title_label, self.card.suggestion_label, self.card.kind_label)
        self.picker = ModulePicker(self._module_names, self)
        self.picker.setPlaceholderText(self.tr("Annan modul: tryck / och skriv, Enter väljer, Esc tillbaka"))
        self.picker.setFocusPolicy(Qt.ClickFocus)
        self.picker.module_chosen.connect(self._on_module_chosen)
        self.picker.cancelled.connect(self._restore_focus_soon)
        self.picker.not_found.connect(lambda _text: self._say(self.tr("Ingen modul heter så.")))
        self.completer = self.picker.completer_
        self.similar_view = SimilarTicketsView(self.taxonomy, self.language, self, focusable=False)
        # i reads the similar tickets by keyboard (Alt+I in the ticket form; here Alt+I opens the Incidenter menu):
        # the arrows show each one's whole resolution, Esc goes back to the card (Tab never stops there, so that
        # the letter keys stay the queue's)
        QShortcut(QKeySequence(Qt.Key_Escape), self.similar_view.tree, activated=self.setFocus,
                  context=Qt.WidgetShortcut)
        self.help_label = QLabel(self._help_text(), self)
        self.help_label.setObjectName("shortcutHint")
        self.help_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.card)
        layout.addWidget(self.picker)
        layout.addWidget(self.similar_view, 1)
        layout.addWidget(self.help_label)
        self._render()

    def _help_text(self) -> str:
        """The key line under the card (F1 reads its rows from it): every kind key with the kind it
        sets, named in the UI language, so that an English "h" is seen to mean How-to."""
        kinds = " · ".join(
            f"{key} = " + self.tr("typ: %1").replace("%1", _key_line_safe(self.taxonomy.kind_name(kind, self.language)))
            for key, kind in self._kind_keys.items())
        return " · ".join(part for part in (
            self.tr("Enter = förslag 1 · 1–3 = välj förslag · / eller m = annan modul"), kinds,
            self.tr("l / L = känt problem · Mellanslag = hoppa över · s = ordning · Ctrl+Z = ångra"),
            self.tr("i = liknande ärenden (Esc tillbaka)"), self.tr("Esc = släpp vald typ")) if part)

    # -- public --------------------------------------------------------------------------
    def focus_similar(self) -> None:
        """i: the similar tickets get the keyboard, their first row marked (its resolution shown below)."""
        tree = self.similar_view.tree
        if not tree.topLevelItemCount():
            self._say(self.tr("Inga liknande ärenden att visa."))
            return
        if tree.currentItem() is None:
            tree.setCurrentItem(tree.topLevelItem(0))
        tree.setFocus(Qt.ShortcutFocusReason)

    def refresh(self) -> None:
        """Reload the queue in the background; the ticket on screen stays first if still unconfirmed."""
        if self._queue_task is not None:
            self._queue_task.cancel()
        order, actor, second = self._order, self.actor, self.second_opinion
        serial = self._session.load_started()
        shown = self.current_ticket_id()

        def work(context):
            with context.open_database() as database:
                ids = review_queue(database, order, actor, second)
                left = why_left_queue(database, shown) if shown is not None and shown not in ids else None
                return ids, left

        self._queue_task = self._start(self.runner, work, lambda result: self._on_queue_loaded(*result, serial=serial),
                                       name="review queue")
        self._problems.load_names()
        if self._presence is not None and not self._asked:  # what the other cards show, before this one picks
            self._asked = True
            self._start(self.runner, _ask_what_is_shown, lambda _r: None, self._presence_failed,
                        name="review presence", quick=True)

    def set_order(self, order: str) -> None:
        if order not in ORDER_KEYS or (order == self._order and self._session.loaded_once):
            return
        self._order = order
        self.order_combo.blockSignals(True)
        self.order_combo.setCurrentIndex(ORDER_KEYS.index(order))
        self.order_combo.blockSignals(False)
        self._session.order_changed()
        self._say(self.tr("Sorterar om…"))
        self.refresh()

    def set_classifier(self, classifier: tuple | None) -> None:
        """Use another model (or none): suggestions are recomputed for the tickets ahead (the same version loaded
        again changes nothing on the cards)."""
        same = (classifier is not None and self._classifier is not None
                and classifier[1].get("version") == self._classifier[1].get("version"))
        self._classifier = classifier
        if not same:
            self._reload_items()

    def set_similarity_index(self, index) -> None:
        self._index = index
        self._reload_items()

    def forget_removed(self, ticket_ids) -> None:
        """Tickets removed at this workstation (logged by mistake): the card says so plainly (not "at another
        workstation"), and the tickets ahead are read again, so no card lists a removed one among its
        similar tickets (a tester saw one there after removing it); the queue follows at the next refresh."""
        self._removed_here.update(ticket_ids)
        self._reload_items()

    def set_actor(self, actor: str) -> None:
        self.actor = actor
        self._done.clear()
        self._undo_log.clear()
        self._session.forget_skips()  # another person's session
        self.refresh()

    def current_ticket_id(self) -> int | None:
        return self._session.current()

    def current_item(self) -> ReviewItem | None:
        current = self._session.current()
        return self._items.get(current) if current is not None else None

    def remaining(self) -> int:
        return self._session.remaining()

    def pending_kind(self) -> str | None:
        return self._kind

    def is_settling(self) -> bool:
        """Whether decision keys are held back: the card is about to show, or has just shown, a ticket that
        replaced one another workstation decided (tests and the key handling ask)."""
        return self._session.is_settling(time.monotonic())

    def notice(self) -> str:
        """What the card says another workstation did to the ticket shown before, or ""."""
        return self.card.notice()

    def is_idle(self) -> bool:
        """No load or write of this view is running (tests wait for this)."""
        return self._busy == 0

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Wait for queued decisions to be written (call before closing the database, or before the view goes
        with a switch of profile); results that arrive after it reach no widget (a prefetch on the window's
        runner rendered onto the deleted card)."""
        self._closed = True
        if self._presence is not None:
            self._repeat.stop()
            if self._presence.to_tell(None, ()) is not None:  # after the decisions queued before it: the others may show it
                view = self._presence.view
                self._writer.start(lambda context: _tell(context, view, None, None), db_path=self.db_path,
                                   name="review presence")
        return self._writer.shutdown(msecs)

    # -- other super-users' cards (a shared desk) -------------------------------------------
    def presence_heard(self, payload: str) -> None:
        """A change notice about review cards (review_presence): which ticket a view's card shows (this
        view's own echo too), or a view that has just opened asking what each shows."""
        if self._presence is None or self._closed:
            return
        shown = parse(payload)
        if shown is None:
            self._tell_others(again=True)
            return
        self._presence.heard(shown, time.monotonic())
        self._apply_presence()

    def presence_lost(self) -> None:
        """The change notices stopped (the server connection was lost): no other card is known to show
        anything, and once they come back the views are asked and told again (the refresh after it)."""
        if self._presence is None:
            return
        self._presence.forget_all()
        self._asked = False
        self._apply_presence()

    def _apply_presence(self) -> None:
        """The tickets other cards show go after the others; if the one on screen went, the card says so. A ticket
        given back (the other card went on without deciding it, or closed) takes its place again at the reload."""
        kept, given_back = self._presence.keep(self._session.serial)
        on_screen = self.isVisible()  # a queue on another tab gave way every time another card moved (a tester)
        taken = self._session.held_elsewhere(kept, quietly=not on_screen)
        if given_back and self._session.loaded_once:
            if on_screen:
                self.refresh()
            else:
                self._refresh_when_shown = True
        if taken is not None:
            self._kind = None  # a kind chosen for the card that went is not for the next one
            self._notice_left(taken, None)
            self._render()
        if on_screen:
            self._prefetch()

    def _repeat_presence(self) -> None:
        """Every REPEAT_S: forget the views not heard of for long, and say again what this card shows."""
        if self._presence.forget_silent(time.monotonic()):
            self._apply_presence()
        self._tell_others(again=True)

    def _tell_others(self, again: bool = False) -> None:
        """Tell the other views which ticket the card shows (none while the view is not on screen: a super-user
        on another tab held the most uncertain ticket for a whole shift) and whose decisions it still writes, when
        that changed (*again*: also when it did not)."""
        if self._presence is None or self._closed:
            return
        ticket = self._session.current() if self._session.loaded_once and self.isVisible() else None
        shown = self._presence.to_tell(ticket, self._session.deciding, again)
        if shown is None:
            return
        view = self._presence.view

        def told(when):
            if self._presence.told(shown, when, time.monotonic()):
                self._apply_presence()

        person = self.actor
        self._start(self.runner, lambda context: _tell(context, view, shown.ticket_id, shown.since, shown.deciding,
                                                       person), told, self._presence_failed, name="review presence",
                    quick=True)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._presence is None:
            return
        if self._refresh_when_shown:  # tickets given back while the queue was on another tab take their places
            self._refresh_when_shown = False
            self.refresh()
        self._render()  # the card another took while the queue was away is not shown; the next one is
        self._prefetch()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._tell_others()  # another tab, or the window minimised: the ticket is the others' to take

    def _presence_failed(self, exc) -> None:
        """Telling or asking the other views failed (the server went away): the next repeat tries again."""
        logger.info("could not tell the desk which ticket the review card shows: %s", exc)

    # -- keys ----------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.ShortcutOverride and self._handles(event):
            event.accept()  # our single keys win over window shortcuts while the view has focus
            return True
        return super().event(event)

    def _handles(self, event) -> bool:
        if event.matches(QKeySequence.StandardKey.Undo):
            return True
        if event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            return False
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            return True
        text = event.text().lower()
        return bool(text) and (text in SINGLE_KEYS or text in self._kind_keys)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        text = event.text().lower()
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            super().keyPressEvent(event)
        elif event.key() in (Qt.Key_Return, Qt.Key_Enter):
            self.accept_suggestion(0)
        elif text in ("1", "2", "3"):
            self.accept_suggestion(int(text) - 1)
        elif text and text in self._kind_keys:
            self.set_kind(self._kind_keys[text])
        elif text == "i":
            self.focus_similar()
        elif text in ("/", "m"):
            self.open_picker()
        elif event.key() == Qt.Key_Space:
            self.skip()
        elif event.key() == Qt.Key_Escape and self._kind is not None:
            self.clear_kind()
        elif text == "s":
            self.set_order(ORDER_KEYS[(ORDER_KEYS.index(self._order) + 1) % len(ORDER_KEYS)])
        elif text == "l" and (event.text() == "L" or event.modifiers() & Qt.ShiftModifier):
            self.choose_problem()
        elif text == "l":
            self.link_suggested_problem()
        else:
            super().keyPressEvent(event)

    # -- known problems (KnownProblemLinker) ----------------------------------------------
    def link_suggested_problem(self):
        """Link the ticket on screen to the known problem suggested for it (l)."""
        item = self.current_item()
        if item is None or not self._settled():
            return None
        name = self._problems.suggested_name(item)
        return self.link_problem(name) if name is not None else None

    def choose_problem(self):
        """Pick a known problem by type-ahead, or type a new name (L)."""
        item = self.current_item()
        if item is None or not self._settled():
            return None
        name = self._problems.ask_name(item)
        self._restore_focus_soon()
        return self.link_problem(name) if name is not None else None

    def link_problem(self, name: str):
        """Link the ticket on screen to the known problem *name* (a new one when none is called that)."""
        item = self.current_item()
        if item is None:
            return None
        return self._problems.link(item, name, self.actor, self._classifier, self._index, self._on_problem_linked)

    def _on_problem_linked(self, updated: ReviewItem, before: str | None = None) -> None:
        self._items[updated.ticket.id] = updated
        self._undo_log.append((LINKED, updated.ticket.id, before))  # Ctrl+Z takes the link back first
        del self._undo_log[:-2 * UNDO_DEPTH]
        self.problem_linked.emit(updated.ticket.id)
        self._render()

    def _on_link_undone(self, updated: ReviewItem) -> None:
        self._items[updated.ticket.id] = updated
        self.problem_linked.emit(updated.ticket.id)
        self._render()

    # -- decisions -----------------------------------------------------------------------
    def accept_suggestion(self, index: int) -> None:
        item = self.current_item()
        if item is None:
            self._not_loaded_yet()
            return
        if index < len(item.suggestions):
            self.decide(item.suggestions[index].module)
        elif index == 0 and not item.suggestions and item.ticket.module:
            self.decide(item.ticket.module)
        else:
            self._say(self.tr("Inget sådant förslag – välj modul med /."))

    def clear_kind(self) -> None:
        """Esc: a kind key pressed by mistake is let go, and the next decision takes the suggested kind (a keyboard
        tester's f, h, Esc, Enter stored Handhavande where Konfiguration was suggested)."""
        self._kind = None
        self.card.show_kinds(self.current_item(), None)
        self._say(self.tr("Vald typ släppt: Enter bekräftar med förslagen."))

    def set_kind(self, kind: str) -> None:
        self._kind = kind
        self.card.show_kinds(self.current_item(), self._kind)
        if self.current_item() is not None:  # the key's effect in words, not only an underline on the card
            self._say(self.tr("Typ vald: %1. Enter bekräftar med modulförslaget, 1–3 eller / väljer modul.").replace(
                "%1", self.taxonomy.kind_name(kind, self.language) or kind))

    def open_picker(self) -> None:
        if self.current_item() is None:
            return
        self.picker.open()

    def skip(self) -> None:
        """Put the ticket on screen last, for the rest of the session (also after the queue is read again)."""
        if self._session.skip():
            self.card.clear_notice()
            self._kind = None
            self._say("")  # "Typ vald: Fel …" was about the ticket put last, not the one now shown
            self._render()
            self._prefetch()

    def decide(self, module: str) -> None:
        """Confirm *module* (and the chosen or suggested kind) for the ticket on screen; show the next."""
        item = self.current_item()
        if item is None or module not in self._module_names or not self._settled():
            return
        kind = self._kind or item.suggested_kind or item.ticket.kind
        ticket_id, actor, seen_version = item.ticket.id, self.actor, item.ticket.version
        self.card.clear_notice()
        self._session.decision_started(ticket_id, lane=self._presence.lane() if self._presence is not None else 0)
        self._done.append(item)
        del self._done[:-UNDO_DEPTH]
        self._undo_log.append((DECIDED,))
        del self._undo_log[:-2 * UNDO_DEPTH]
        self._kind = None
        self._render()
        self._prefetch()

        def work(context):
            with context.open_database() as database:
                decision = confirm_labels(database, ticket_id, module, kind, actor, suggested_by=item.model_version,
                                          suggested_module=item.suggested_module,
                                          suggested_kind=item.suggested_kind if item.suggestions else None,
                                          seen_version=seen_version)
                return decision, confirmations_since_training(database), retrain_threshold(database)

        self._start(self._writer, work, lambda result: self._on_confirmed(item, result),
                    lambda exc: self._on_confirm_failed(item, exc), name="confirm labels")

    def undo(self) -> None:
        """Undo this person's last decision and show that ticket again; a link to a known problem made after
        it is taken back first (Ctrl+Z after L undid an older confirmation of another ticket; a tester)."""
        last = self._undo_log.pop() if self._undo_log else (DECIDED,)
        if last[0] == LINKED:
            _linked, ticket_id, before = last
            self._problems.relink(ticket_id, before, self.actor, self._classifier, self._index, self._on_link_undone)
            return
        expected = None
        self.card.clear_notice()
        if self._done:
            item = self._done.pop()
            expected = item.ticket.id
            self._session.undo_started(expected)
            # the confirmation and its undo each count the stored version up: the card knows the ticket as it will be
            self._items[expected] = _with_version(item, item.ticket.version + 2)
            self._kind = None
            self._render()
        actor = self.actor

        def work(context):
            with context.open_database() as database:
                return undo_last(database, actor)

        self._start(self._writer, work, lambda decision: self._on_undone(decision, expected),
                    lambda exc: self._on_undo_failed(expected, exc), name="undo decision")

    # -- task results --------------------------------------------------------------------
    def _start(self, runner: TaskRunner, work, on_success, on_failure=None, name="review", quick: bool = False):
        self._busy += 1

        def succeeded(result):
            if not self._closed:
                on_success(result)

        def failed(exc):
            if not self._closed:
                (on_failure or self._read_failed)(exc)

        return runner.start(work, db_path=self.db_path, on_success=succeeded, on_failure=failed,
                            on_finished=self._on_task_finished, name=name, quick=quick)

    def _read_failed(self, exc) -> None:
        """Reading the queue or its next cards failed. A server away is said on the card: a dialog saying "det du
        skrivit finns kvar" came over the card though nothing was typed, and the next Enter closed it unread (a
        tester's outage); the queue is read again when the connection is back (main window's reconnect)."""
        if not isinstance(exc, DatabaseUnavailableError):
            show_error(self, exc)
            return
        if self.card.notice():  # a refused decision's notice says it already, and says more
            self._say(self.tr("Servern svarar inte."))
            return
        said = self.tr("Granskningskön kunde inte läsas. %1 Den läses igen när servern svarar.")
        self._unread_notice = said.replace("%1", sentence(str(exc)))
        self.card.show_notice(self._unread_notice)

    def _start_on_shared_runner(self, work, on_success, name: str):
        return self._start(self.runner, work, on_success, name=name)

    def _on_task_finished(self, _task) -> None:
        self._busy -= 1

    def _on_queue_loaded(self, ids: list[int], left: LeftQueue | None = None, serial: int | None = None) -> None:
        """The stored queue *ids* arrived from load number *serial*, with *left*: why the ticket then on screen
        was no longer listed, if it was not. The session puts it in this person's order; say who made the
        ticket on screen leave, if someone else did."""
        if self._unread_notice and self.card.notice() == self._unread_notice:  # read again: no longer true
            self.card.clear_notice()
        self._unread_notice = ""
        if self._presence is not None:  # tickets given back before this load began are as it lists them
            self._presence.load_arrived(serial)
            self._session.held_elsewhere(self._presence.keep(self._session.serial)[0], quietly=True)
        outcome = self._session.queue_loaded(ids, serial)
        if outcome.left is not None:
            self._notice_left(outcome.left, left)
        if outcome.reordered:
            self._say("")
        queue = self._session.queue
        keep = set(queue[: 4 * PREFETCH + len(self._session.held)]) | {item.ticket.id for item in self._done}
        self._items = {i: item for i, item in self._items.items() if i in keep}
        self._render()
        self._prefetch()
        self.queue_loaded.emit(len(queue))

    def _notice_left(self, gone: TicketLeft, left: LeftQueue | None) -> None:
        """The ticket on screen left the queue without this person's decision (another super-user decided
        it, or it was edited or removed elsewhere): say so on the card (*left* tells why, when it is about it)."""
        if gone.shown_elsewhere:
            name = self._number_of(gone.ticket_id) or self.tr("Ärendet")
            person = self._presence.who_shows(gone.ticket_id) if self._presence is not None else ""
            text = self.tr("%1 visas redan för %2, så du får ett annat ärende. Läs det innan du bestämmer.") \
                if person else self.tr("%1 visas redan för en annan superanvändare, så du får ett annat ärende. "
                                       "Läs det innan du bestämmer.")
            self.card.show_notice(text.replace("%1", name).replace("%2", person))
            return
        known = left if left is not None and left.ticket_id == gone.ticket_id else None
        text = self._left_queue_text(known, self._number_of(gone.ticket_id), gone.next_shown)
        self.card.show_notice(text)
        if known is None:
            self._explain_later(gone, text)

    def _explain_later(self, gone: TicketLeft, said: str) -> None:
        """Read why *gone* left the queue and say it on the card, if the card still says *said*: the reason was read
        for the ticket on screen when the reload began, and another had taken its place by the time it came (a
        tester was told a ticket "ändrades" that another super-user had confirmed)."""
        ticket_id = gone.ticket_id

        def work(context):
            with context.open_database() as database:
                return why_left_queue(database, ticket_id)

        def read(left: LeftQueue) -> None:
            if self.card.notice() == said and (left.decision is not None or left.ticket is None):
                self.card.show_notice(self._left_queue_text(left, self._number_of(ticket_id), gone.next_shown))

        self._start(self.runner, work, read, lambda exc: None, name="why left", quick=True)

    def _number_of(self, ticket_id: int) -> str | None:
        """The number of a ticket in the queue or on the card last (the items may have been read again without it:
        a removal heard from the desk before this workstation's own message)."""
        item = self._items.get(ticket_id)
        if item is not None:
            return item.ticket.external_id
        if self._shown_number is not None and self._shown_number[0] == ticket_id:
            return self._shown_number[1]
        return None

    def _left_queue_text(self, left: LeftQueue | None, number: str | None, next_shown: bool) -> str:
        """"ELS-000002 bekräftades just av karin_super (Läkemedel / Fel)." and what the card shows now (*number*:
        the ticket's as the queue knew it)."""
        name = (left.ticket.external_id if left is not None and left.ticket is not None else None) or number or self.tr(
            "Ärendet")
        decision = left.decision if left is not None else None
        if decision is not None:
            labels = " / ".join(p for p in (self.taxonomy.module_name(decision.module, self.language),
                                            self.taxonomy.kind_name(decision.kind, self.language)) if p)
            text = self.tr("%1 bekräftades just av %2 (%3).").replace("%1", name).replace(
                "%2", decision.actor).replace("%3", labels)
        elif left is not None and left.ticket is None and left.ticket_id in self._removed_here:
            text = self.tr("%1 togs bort.").replace("%1", name)
        elif left is not None and left.ticket is None:
            text = self.tr("%1 togs just bort på en annan arbetsstation.").replace("%1", name)
        else:
            text = self.tr("%1 ändrades just på en annan arbetsstation och är inte längre kvar i kön.").replace("%1", name)
        after = self.tr("Nästa ärende visas – läs det innan du bestämmer.") if next_shown else ""
        return " ".join(p for p in (text, after) if p)

    def _settled(self) -> bool:
        """Whether a decision key counts now: not while the card is about to show, or has just shown, a
        ticket that replaced one because of someone else (the key was meant for the old card)."""
        if self.is_settling():
            self._say(self.tr("Kortet visar ett annat ärende än nyss – läs det och tryck igen."))
            return False
        return True

    def _prefetch(self) -> None:
        # on a shared desk each other card may take one of the next tickets: that many more are read ahead (three
        # super-users at once found an empty card for a second or two, and an Enter was lost)
        ahead = PREFETCH + len(self._session.held)
        wanted = [i for i in self._session.queue[:ahead] if i not in self._items and i not in self._loading]
        if not wanted:
            return
        self._loading.update(wanted)
        classifier, index, generation = self._classifier, self._index, self._generation

        def work(context):
            from elsdesk.domain import NotFoundError

            items = []
            with context.open_database() as database:
                for ticket_id in wanted:
                    try:
                        items.append(load_review_item(database, ticket_id, classifier, index))
                    except NotFoundError:
                        logger.info("ticket %s disappeared from the review queue", ticket_id)
            return items

        def loaded(items):
            self._loading.difference_update(wanted)
            if generation != self._generation:
                self._prefetch()
                return
            for item in items:
                self._items[item.ticket.id] = item
            gone = self._session.tickets_vanished(set(wanted) - {item.ticket.id for item in items})
            if gone is not None:  # removed elsewhere while it was on screen
                self._notice_left(gone, LeftQueue(gone.ticket_id, None, None))
            self._render()
            self._prefetch()

        def failed(exc):
            self._loading.difference_update(wanted)
            self._read_failed(exc)

        # the next cards are what the person waits on: the quick pool, never behind an index build or a topics run
        # (a tester switched to super-user while the similar-ticket index was being built: Enter after Enter found
        # no card loaded and did nothing for seconds)
        self._start(self.runner, work, loaded, failed, name="review items", quick=True)

    def _reload_items(self) -> None:
        self._generation += 1
        self._items = {i: item for i, item in self._items.items() if i in {d.ticket.id for d in self._done}}
        self._loading.clear()
        self._render()
        self._prefetch()

    def _on_confirmed(self, item: ReviewItem, result) -> None:
        decision, count, threshold = result
        self._session.decision_stored(decision.ticket_id)
        self._tell_others()  # stored: the ticket is no longer held away from the others' queues
        self._decided[decision.ticket_id] = (decision.module, decision.kind)
        self._decided_changed(decision.ticket_id)
        self._say(self.tr("Bekräftat %1: %2 / %3. Ctrl+Z ångrar.").replace("%1", item.ticket.external_id or "")
                  .replace("%2", self.taxonomy.module_name(decision.module, self.language))
                  .replace("%3", self.taxonomy.kind_name(decision.kind, self.language) or "–"))
        self.labels_confirmed.emit(decision)
        if count < threshold:
            self.next_retrain_offer = threshold
        elif count >= self.next_retrain_offer and (count % threshold == 0 or not self._others_at_work()):
            # with other super-users at work, only the one whose confirmation reached the number is asked (every
            # screen asked at once, and a late joiner at her first Enter; a tester's three super-users)
            self.next_retrain_offer = count + threshold
            self.retrain_suggested.emit(count)

    def _others_at_work(self) -> bool:
        """Whether other super-users' review cards show tickets now (a shared desk)."""
        return self._presence is not None and self._presence.at_work() > 1

    def _on_confirm_failed(self, item: ReviewItem, exc) -> None:
        ticket_id = item.ticket.id
        self._session.decision_failed(ticket_id)
        if item in self._done:
            self._done.remove(item)
        if isinstance(exc, ChangedMeanwhileError):
            self._on_changed_meanwhile(ticket_id, exc)
            return
        self._items[ticket_id] = item
        if isinstance(exc, ElsdeskError):  # said on the card, not in a dialog the next Enter closes unread
            note = self.tr("Ditt beslut om %1 sparades inte: %2 Kortet visar ärendet igen; tryck när det går att spara.") \
                .replace("%1", item.ticket.external_id or self.tr("ärendet")).replace("%2", with_full_stop(str(exc)))
            self.card.show_notice(note)
            self._say(self.tr("%1 sparades inte – se kortet.").replace(  # not "Bekräftat …" any longer
                "%1", item.ticket.external_id or self.tr("ärendet")))
            self._render()
            self.decision_failed.emit(exc)
            return
        self._render()
        self.decision_failed.emit(exc)
        show_error(self, exc)

    def _on_changed_meanwhile(self, ticket_id: int, exc: ChangedMeanwhileError) -> None:
        """The server refused a decision on a ticket someone changed after it was shown: say who, on the
        card (no dialog for Enter to close unread), and show the ticket as it is now, or the next one when
        it left the queue; either settles before a decision key counts."""
        self._items.pop(ticket_id, None)  # read again: the card shows the stored version
        decided_elsewhere = exc.decision is not None and not self.second_opinion  # it left this person's queue
        next_shown = self._session.changed_elsewhere(ticket_id, left_queue=decided_elsewhere)
        name = exc.ticket.external_id or self.tr("Ärendet")
        what = self._left_queue_text(LeftQueue(ticket_id, exc.ticket, exc.decision), None, next_shown=next_shown) \
            if decided_elsewhere else self.tr("%1 ändrades på en annan arbetsstation efter att du öppnade det; kortet "
                                              "visar nu den nya versionen.").replace("%1", name)
        self.card.show_notice(self.tr("Ditt beslut sparades inte.") + " " + what)
        self._render()
        self._prefetch()
        self.decision_failed.emit(exc)
        self.refresh()

    def _on_undone(self, decision, expected: int | None) -> None:
        """The undo was stored: *decision* is what the desk undid (None: nothing), *expected* what the card
        brought back."""
        queue_changed = self._session.undo_stored(expected, decision.ticket_id if decision is not None else None)
        if decision is None:
            if queue_changed:
                self._render()
            self._say(self.tr("Inget att ångra."))
            return
        self._decided.pop(decision.ticket_id, None)
        self._decided_changed(decision.ticket_id)
        if decision.ticket_id != expected:
            self._items.pop(decision.ticket_id, None)
            self._render()
            self._prefetch()
        self._say(self.tr("Beslutet ångrat."))
        self.decision_undone.emit(decision)

    def _on_undo_failed(self, expected: int | None, exc) -> None:
        if self._session.undo_failed(expected):
            self._render()
        self.decision_failed.emit(exc)
        self._read_failed(exc)

    # -- picker ------------------------------------------------------------------------
    def _on_module_chosen(self, module: str) -> None:
        self._restore_focus_soon()
        self.decide(module)

    def _restore_focus_soon(self) -> None:
        self.setFocus(Qt.OtherFocusReason)
        QTimer.singleShot(0, self._restore_focus)

    def _restore_focus(self) -> None:
        """Some platforms leave the closed completer popup active: take the activation back."""
        if not self.picker.is_open() and self.isVisible():
            self.window().activateWindow()
            self.setFocus(Qt.OtherFocusReason)

    # -- rendering -----------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.status_label.setText(text)

    def _not_loaded_yet(self) -> None:
        """A decision key came before the card: say so, rather than take the key without a word."""
        if self._session.remaining():
            self._say(self.tr("Ärendet laddas fortfarande – inget beslut togs. Tryck igen när det syns."))

    def _render(self) -> None:
        self._tell_others()
        remaining = self._session.remaining()
        self.count_label.setText(self.tr("Kvar att granska: %1").replace("%1", number(remaining, " ")))
        item = self.current_item()
        if not remaining:
            loaded_once = self._session.loaded_once
            self.card.show_message(self.tr("Inget kvar att granska.") if loaded_once else self.tr("Laddar kön…"))
            self.similar_view.show_similar([], " ")
            if loaded_once:
                self.ticket_shown.emit(None)
            return
        if item is None:
            self.card.show_message(self.tr("Laddar ärendet…"))
            self.similar_view.show_similar([], " ")
            return
        self.card.show_item(item, self._kind)
        self._shown_number = (item.ticket.id, item.ticket.external_id)
        self._session.card_shown(time.monotonic())  # a ticket that replaced one because of someone else settles
        self._show_similar(item)
        self.ticket_shown.emit(item.ticket.id)

    def _show_similar(self, item: ReviewItem) -> None:
        if item.similar:
            self.similar_view.show_similar(similar_as_decided(item.similar, self._decided))
        else:
            self.similar_view.show_similar([], self.tr("Liknande ärenden visas när sökindexet är klart.")
                                           if self._index is None else self.tr("Inga liknande tidigare ärenden."))

    def _decided_changed(self, ticket_id: int) -> None:
        """A decision on *ticket_id* was stored or undone: the card on screen lists it among its similar
        tickets with its labels as they are now."""
        item = self.current_item()
        if item is not None and any(found.ticket.id == ticket_id for found in item.similar):
            self._show_similar(item)


def _tell(context, view: str, ticket_id: int | None, since: float | None, deciding: tuple[int, ...] = (),
          person: str = "") -> float | None:
    """Tell the desk's other review views that card *view* (*person*'s) shows *ticket_id* and writes the decisions on
    *deciding* (background)."""
    with context.open_database() as database:
        return announce(database, view, ticket_id, since, deciding, person)


def _ask_what_is_shown(context) -> None:
    """Ask the desk's other review views which ticket their cards show (background)."""
    with context.open_database() as database:
        ask_again(database)


def _with_version(item: ReviewItem, version: int) -> ReviewItem:
    """*item* with its ticket's version set to *version* (what the desk will hold after this person's writes)."""
    return replace(item, ticket=item.ticket.with_changes(version=version))


def _key_line_safe(name: str) -> str:
    """A label name as it can stand in the key line, whose rows are split at "·" and "="."""
    return name.replace("·", "-").replace("=", "-")


def _kind_keys(taxonomy: Taxonomy) -> dict[str, str]:
    """One letter per kind: the first letter of its id (h, f, k, d, o for the default set)."""
    keys: dict[str, str] = {}
    for kind in taxonomy.kind_ids:
        letter = kind[0].lower()
        if letter not in keys and letter not in SINGLE_KEYS:
            keys[letter] = kind
    return keys
