"""ReviewQueueView: super-users confirm or correct module and kind one ticket at a time, keyboard only.

Keys (shown on screen): Enter accepts suggestion 1, 1-3 pick a suggestion, / or m opens a
type-ahead module picker, h f k d o set the kind first, Space skips, s changes the order,
l links the ticket to the suggested known problem and L picks or names another, and Ctrl+Z
undoes the last decision and shows that ticket again.

The next ticket appears at once: the queue (ticket ids) and the next few tickets with their
suggestions and similar tickets are loaded ahead on the shared TaskRunner. Decisions are written
by a private single-thread TaskRunner so that writes (and undo) happen in the order they were
made; SQLite checkpoints can make a write take a second, so none runs on the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from elsdesk.gui.module_picker import ModulePicker
from elsdesk.gui.notify import show_error
from elsdesk.gui.review_card import ReviewCard
from elsdesk.gui.similar_tickets_view import SimilarTicketsView
from elsdesk.gui.tasks import TaskRunner
from elsdesk.services.review import (
    ReviewItem, confirm_labels, confirmations_since_training, load_review_item, retrain_threshold, review_queue, undo_last,
)
from elsdesk.taxonomy import Taxonomy

logger = logging.getLogger(__name__)
PREFETCH = 3
ORDER_KEYS = ("uncertainty", "date", "module")
SINGLE_KEYS = ("1", "2", "3", "/", "m", "s", "l")


class ReviewQueueView(QWidget):
    labels_confirmed = Signal(object)  # ReviewDecision, after it was stored
    decision_undone = Signal(object)  # ReviewDecision (undone), after it was stored
    retrain_suggested = Signal(int)  # confirmations since the last training
    queue_loaded = Signal(int)  # tickets left to review
    ticket_shown = Signal(object)  # id of the ticket now shown, None when the queue is empty
    decision_failed = Signal(object)  # the exception
    problem_linked = Signal(int)  # ticket id, after its link to a known problem was stored

    def __init__(self, db_path, taxonomy: Taxonomy, runner: TaskRunner, actor: str, language: str = "sv",
                 parent=None, classifier: tuple | None = None, similarity_index=None, second_opinion: bool = False):
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
        self._ids: list[int] = []
        self._items: dict[int, ReviewItem] = {}
        self._problem_names: list[str] = []  # the desk's known problems, for L's type-ahead
        self._loading: set[int] = set()
        self._pending: set[int] = set()
        self._done: list[ReviewItem] = []
        self._skipped: list[int] = []  # skipped this session, in the order of the last skip: they stay at the end
        self._queue_serial = 0  # counts the queue loads started, so a load's result knows its age
        self._stored_during: dict[int, int] = {}  # ticket id -> the newest load started before its decision was stored
        self._kind: str | None = None
        self._generation = 0
        self._busy = 0
        self._queue_task = None
        self._loaded_once = False
        self._reordered = False
        self._next_offer = 0
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)  # decisions and undo are written in the order they were made
        self._writer = TaskRunner(self, pool=pool)
        self._kind_keys = _kind_keys(taxonomy)
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
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Ordning (s):"), self))
        top.addWidget(self.order_combo)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(self.status_label)
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
            self.tr("l / L = känt problem · Mellanslag = hoppa över · s = ordning · Ctrl+Z = ångra")) if part)

    # -- public --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the queue in the background; the ticket on screen stays first if still unconfirmed."""
        if self._queue_task is not None:
            self._queue_task.cancel()
        order, actor, second = self._order, self.actor, self.second_opinion
        self._queue_serial += 1
        serial = self._queue_serial

        def work(context):
            with context.open_database() as database:
                return review_queue(database, order, actor, second)

        self._queue_task = self._start(self.runner, work, lambda ids: self._on_queue_loaded(ids, serial),
                                       name="review queue")
        self._load_problem_names()

    def set_order(self, order: str) -> None:
        if order not in ORDER_KEYS or (order == self._order and self._loaded_once):
            return
        self._order = order
        self.order_combo.blockSignals(True)
        self.order_combo.setCurrentIndex(ORDER_KEYS.index(order))
        self.order_combo.blockSignals(False)
        self._reordered = True
        self._say(self.tr("Sorterar om…"))
        self.refresh()

    def set_classifier(self, classifier: tuple | None) -> None:
        """Use another model (or none): suggestions are recomputed for the tickets ahead."""
        self._classifier = classifier
        self._reload_items()

    def set_similarity_index(self, index) -> None:
        self._index = index
        self._reload_items()

    def set_actor(self, actor: str) -> None:
        self.actor = actor
        self._done.clear()
        self._skipped.clear()  # another person's session
        self.refresh()

    def current_ticket_id(self) -> int | None:
        return self._ids[0] if self._ids else None

    def current_item(self) -> ReviewItem | None:
        return self._items.get(self._ids[0]) if self._ids else None

    def remaining(self) -> int:
        return len(self._ids)

    def pending_kind(self) -> str | None:
        return self._kind

    def is_idle(self) -> bool:
        """No load or write of this view is running (tests wait for this)."""
        return self._busy == 0

    def shutdown(self, msecs: int = 30_000) -> bool:
        """Wait for queued decisions to be written (call before closing the database)."""
        return self._writer.shutdown(msecs)

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
        elif text in ("/", "m"):
            self.open_picker()
        elif event.key() == Qt.Key_Space:
            self.skip()
        elif text == "s":
            self.set_order(ORDER_KEYS[(ORDER_KEYS.index(self._order) + 1) % len(ORDER_KEYS)])
        elif text == "l" and (event.text() == "L" or event.modifiers() & Qt.ShiftModifier):
            self.choose_problem()
        elif text == "l":
            self.link_suggested_problem()
        else:
            super().keyPressEvent(event)

    # -- known problems ------------------------------------------------------------------
    def link_suggested_problem(self):
        """Link the ticket on screen to the known problem suggested for it (l)."""
        item = self.current_item()
        if item is None:
            return None
        if item.problem is None:
            self._say(self.tr("Inget känt problem föreslås för ärendet: L väljer ett eller namnger ett nytt."))
            return None
        if item.problem.linked:
            self._say(self.tr("Ärendet hör redan till %1.").replace("%1", item.problem.problem.name))
            return None
        return self.link_problem(item.problem.problem.name)

    def choose_problem(self):
        """Pick a known problem by type-ahead, or type a new name (L)."""
        from PySide6.QtWidgets import QInputDialog

        item = self.current_item()
        if item is None:
            return None
        names = self._problem_names
        current = names.index(item.problem.problem.name) if item.problem and item.problem.problem.name in names else 0
        name, ok = QInputDialog.getItem(self, self.tr("Känt problem"), self.tr(
            "Vilket känt problem gäller ärendet? Skriv ett nytt namn om det inte finns."), names, current, True)
        self._restore_focus_soon()
        if not ok or not name.strip():
            return None
        return self.link_problem(name)

    def link_problem(self, name: str):
        from elsdesk.services.problems import link_ticket
        from elsdesk.services.review import load_review_item

        item = self.current_item()
        if item is None:
            return None
        ticket_id, actor, classifier, index = item.ticket.id, self.actor, self._classifier, self._index

        def work(context):
            with context.open_database() as database:
                link_ticket(database, ticket_id, name, actor)
                return load_review_item(database, ticket_id, classifier, index)

        def done(updated):
            self._items[ticket_id] = updated
            if name not in self._problem_names:
                self._problem_names = sorted(self._problem_names + [updated.problem.problem.name])
            self._say(self.tr("Länkat till %1.").replace("%1", updated.problem.problem.name))
            self.problem_linked.emit(ticket_id)
            self._render()

        return self._start(self.runner, work, done, name="link problem")

    def _load_problem_names(self):
        from elsdesk.services.problems import known_problems

        def work(context):
            with context.open_database() as database:
                return sorted(p.name for p in known_problems(database))

        def done(names):
            self._problem_names = names

        return self._start(self.runner, work, done, name="known problems")

    # -- decisions -----------------------------------------------------------------------
    def accept_suggestion(self, index: int) -> None:
        item = self.current_item()
        if item is None:
            return
        if index < len(item.suggestions):
            self.decide(item.suggestions[index].module)
        elif index == 0 and not item.suggestions and item.ticket.module:
            self.decide(item.ticket.module)
        else:
            self._say(self.tr("Inget sådant förslag – välj modul med /."))

    def set_kind(self, kind: str) -> None:
        self._kind = kind
        self.card.show_kinds(self.current_item(), self._kind)

    def open_picker(self) -> None:
        if self.current_item() is None:
            return
        self.picker.open()

    def skip(self) -> None:
        """Put the ticket on screen last, for the rest of the session (also after the queue is read again)."""
        if len(self._ids) > 1:
            skipped = self._ids.pop(0)
            self._ids.append(skipped)
            if skipped in self._skipped:
                self._skipped.remove(skipped)
            self._skipped.append(skipped)
            self._kind = None
            self._render()
            self._prefetch()

    def decide(self, module: str) -> None:
        """Confirm *module* (and the chosen or suggested kind) for the ticket on screen; show the next."""
        item = self.current_item()
        if item is None or module not in self._module_names:
            return
        kind = self._kind or item.suggested_kind or item.ticket.kind
        ticket_id, actor = item.ticket.id, self.actor
        self._ids.pop(0)
        self._done.append(item)
        self._pending.add(ticket_id)
        if ticket_id in self._skipped:
            self._skipped.remove(ticket_id)
        self._kind = None
        self._render()
        self._prefetch()

        def work(context):
            with context.open_database() as database:
                decision = confirm_labels(database, ticket_id, module, kind, actor, suggested_by=item.model_version,
                                          suggested_module=item.suggested_module,
                                          suggested_kind=item.suggested_kind if item.suggestions else None)
                return decision, confirmations_since_training(database), retrain_threshold(database)

        self._start(self._writer, work, lambda result: self._on_confirmed(item, result),
                    lambda exc: self._on_confirm_failed(item, exc), name="confirm labels")

    def undo(self) -> None:
        """Undo this person's last decision and show that ticket again."""
        expected = None
        if self._done:
            item = self._done.pop()
            expected = item.ticket.id
            self._pending.discard(expected)
            self._stored_during.pop(expected, None)
            if expected in self._ids:
                self._ids.remove(expected)
            self._ids.insert(0, expected)
            self._items[expected] = item
            self._kind = None
            self._render()
        actor = self.actor

        def work(context):
            with context.open_database() as database:
                return undo_last(database, actor)

        self._start(self._writer, work, lambda decision: self._on_undone(decision, expected),
                    lambda exc: self._on_undo_failed(expected, exc), name="undo decision")

    # -- task results --------------------------------------------------------------------
    def _start(self, runner: TaskRunner, work, on_success, on_failure=None, name="review"):
        self._busy += 1

        def failed(exc):
            (on_failure or (lambda e: show_error(self, e)))(exc)

        return runner.start(work, db_path=self.db_path, on_success=on_success, on_failure=failed,
                            on_finished=self._on_task_finished, name=name)

    def _on_task_finished(self, _task) -> None:
        self._busy -= 1

    def _on_queue_loaded(self, ids: list[int], serial: int | None = None) -> None:
        current = self.current_ticket_id()
        ids = self._in_session_order(ids, serial)
        if current is not None and self._loaded_once and not self._reordered and current in ids:
            ids.remove(current)  # a refresh keeps the ticket on screen; a new order starts from its top
            ids.insert(0, current)
        if self._reordered:
            self._say("")
        self._reordered = False
        self._ids = ids
        self._loaded_once = True
        keep = set(ids[: 4 * PREFETCH]) | {item.ticket.id for item in self._done}
        self._items = {i: item for i, item in self._items.items() if i in keep}
        self._render()
        self._prefetch()
        self.queue_loaded.emit(len(self._ids))

    def _in_session_order(self, ids: list[int], serial: int | None) -> list[int]:
        """The stored queue as this session sees it: without the decisions being written, nor those stored
        after the load began (it may have read the desk before them), and the skipped tickets last, in the
        order they were skipped (a reload reads the stored order, which knows nothing of skipping)."""
        if serial is not None:
            self._stored_during = {i: s for i, s in self._stored_during.items() if s >= serial}
        stale = {i for i, s in self._stored_during.items() if serial is None or s >= serial}
        ids = [i for i in ids if i not in self._pending and i not in stale]
        listed = set(ids)
        self._skipped = [i for i in self._skipped if i in listed]
        skipped = set(self._skipped)
        return [i for i in ids if i not in skipped] + self._skipped

    def _prefetch(self) -> None:
        wanted = [i for i in self._ids[:PREFETCH] if i not in self._items and i not in self._loading]
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
            missing = set(wanted) - {item.ticket.id for item in items}
            self._ids = [i for i in self._ids if i not in missing]
            self._render()
            self._prefetch()

        def failed(exc):
            self._loading.difference_update(wanted)
            show_error(self, exc)

        self._start(self.runner, work, loaded, failed, name="review items")

    def _reload_items(self) -> None:
        self._generation += 1
        self._items = {i: item for i, item in self._items.items() if i in {d.ticket.id for d in self._done}}
        self._loading.clear()
        self._render()
        self._prefetch()

    def _on_confirmed(self, item: ReviewItem, result) -> None:
        decision, count, threshold = result
        self._pending.discard(decision.ticket_id)
        self._stored_during[decision.ticket_id] = self._queue_serial  # loads up to this one may still list it
        self._say(self.tr("Bekräftat %1: %2 / %3. Ctrl+Z ångrar.").replace("%1", item.ticket.external_id or "")
                  .replace("%2", self.taxonomy.module_name(decision.module, self.language))
                  .replace("%3", self.taxonomy.kind_name(decision.kind, self.language) or "–"))
        self.labels_confirmed.emit(decision)
        if count < threshold:
            self._next_offer = threshold
        elif count >= self._next_offer:
            self._next_offer = count + threshold
            self.retrain_suggested.emit(count)

    def _on_confirm_failed(self, item: ReviewItem, exc) -> None:
        ticket_id = item.ticket.id
        self._pending.discard(ticket_id)
        if item in self._done:
            self._done.remove(item)
        if ticket_id not in self._ids:
            self._ids.insert(0, ticket_id)
        self._items[ticket_id] = item
        self._render()
        self.decision_failed.emit(exc)
        show_error(self, exc)

    def _on_undone(self, decision, expected: int | None) -> None:
        if decision is None:
            if expected is not None and expected in self._ids:
                self._ids.remove(expected)
                self._render()
            self._say(self.tr("Inget att ångra."))
            return
        if decision.ticket_id != expected:
            if expected is not None and expected in self._ids:
                self._ids.remove(expected)
            self._items.pop(decision.ticket_id, None)
            self._ids.insert(0, decision.ticket_id)
            self._render()
            self._prefetch()
        self._say(self.tr("Beslutet ångrat."))
        self.decision_undone.emit(decision)

    def _on_undo_failed(self, expected: int | None, exc) -> None:
        if expected is not None and expected in self._ids:
            self._ids.remove(expected)
            self._render()
        self.decision_failed.emit(exc)
        show_error(self, exc)

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

    def _render(self) -> None:
        self.count_label.setText(self.tr("Kvar att granska: %1").replace("%1", f"{len(self._ids):,}".replace(",", " ")))
        item = self.current_item()
        if not self._ids:
            self.card.show_message(self.tr("Inget kvar att granska.") if self._loaded_once else self.tr("Laddar kön…"))
            self.similar_view.show_similar([], " ")
            if self._loaded_once:
                self.ticket_shown.emit(None)
            return
        if item is None:
            self.card.show_message(self.tr("Laddar ärendet…"))
            self.similar_view.show_similar([], " ")
            return
        self.card.show_item(item, self._kind)
        if item.similar:
            self.similar_view.show_similar(item.similar)
        else:
            self.similar_view.show_similar([], self.tr("Liknande ärenden visas när sökindexet är klart.")
                                           if self._index is None else self.tr("Inga liknande tidigare ärenden."))
        self.ticket_shown.emit(item.ticket.id)


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
