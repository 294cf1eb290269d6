"""KnownProblemLinker: the review queue's known-problem keys, ``l`` and ``L``.

``l`` links the ticket on screen to the known problem suggested for it (the one its nearest linked
tickets belong to, see :func:`elsdesk.services.review.load_review_item`); ``L`` picks one of the desk's
known problems by type-ahead, or names a new one, or for a linked ticket "(inget känt problem)", which
takes it out (:func:`elsdesk.services.problems.unlink_tickets`). The link is stored on a worker by
:func:`elsdesk.services.problems.link_ticket`, and the ticket is read again so that its card shows the
link. The review queue view owns one linker, gives it the ticket on screen and shows what comes back.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from elsdesk.services.review import ReviewItem
from elsdesk.storage.problems import name_key


NO_PROBLEM = "\x00"  # what L gives when the person takes a linked ticket out of its known problem


class KnownProblemLinker(QObject):
    """Knows the desk's known problem names (for L's type-ahead) and links review tickets to a problem.

    *start_task(work, on_success, name)* runs *work* on the view's runner; *say(text)* shows a line in the
    view's status; *parent* is the picker's parent."""

    def __init__(self, parent: QWidget, start_task: Callable, say: Callable[[str], None]):
        super().__init__(parent)
        self.view = parent
        self.start_task = start_task
        self.say = say
        self.names: list[str] = []  # the desk's known problems, sorted

    def load_names(self):
        """Read the desk's known problem names again in the background."""
        from elsdesk.services.problems import known_problems

        def work(context):
            with context.open_database() as database:
                return sorted(p.name for p in known_problems(database))

        def done(names):
            self.names = names

        return self.start_task(work, done, "known problems")

    def suggested_name(self, item: ReviewItem) -> str | None:
        """The known problem suggested for *item* (l), or None after saying why there is none to link."""
        if item.problem is None:
            self.say(self.tr("Inget känt problem föreslås för ärendet: L väljer ett eller namnger ett nytt."))
            return None
        if item.problem.linked:
            self.say(self.tr("Ärendet hör redan till %1.").replace("%1", item.problem.problem.name))
            return None
        return item.problem.problem.name

    def ask_name(self, item: ReviewItem) -> str | None:
        """A known problem picked by type-ahead, or a new name typed (L), the suggested one chosen first;
        :data:`NO_PROBLEM` when the ticket is linked and the person picks none (a wrong link taken out);
        None when the person cancels or leaves it blank."""
        suggested = item.problem.problem.name if item.problem else None
        # without a suggestion the field starts empty: Enter linked a printer ticket to the first problem
        # in the list, a medication one (a tester)
        names = self.names if suggested in self.names else ["", *self.names]
        none = self.tr("(inget känt problem)")
        linked = item.problem is not None and getattr(item.problem, "linked", False)
        if linked:
            names = [none, *[n for n in names if n]]  # listed first, not chosen: the link stays unless picked
        current = names.index(suggested) if suggested in names else 0
        name, ok = QInputDialog.getItem(self.view, self.tr("Känt problem"), self.tr(
            "Vilket känt problem gäller ärendet? Skriv ett nytt namn om det inte finns."), names, current, True)
        name = name.strip()
        if not ok or not name:
            return None
        if name == none and linked:
            return NO_PROBLEM
        known = {name_key(known_name): known_name for known_name in self.names if known_name}
        if name_key(name) in known:  # the desk's own rule for one name: "skrivaren skriver INTE ut" is the problem
            return known[name_key(name)]
        return name if self._create_new(name) else None

    def _create_new(self, name: str) -> bool:
        """Whether the person wants a new known problem called *name*: a slip of the keyboard made one for the whole
        desk ("Skriv", a GUI tester), which Ctrl+Z unlinks but does not remove."""
        answer = QMessageBox.question(
            self.view, self.tr("Nytt känt problem"),
            self.tr("Det finns inget känt problem som heter \"%1\". Vill du skapa det och länka ärendet till det?")
            .replace("%1", name), QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        return answer == QMessageBox.Yes

    def link(self, item: ReviewItem, name: str, actor: str, classifier, index,
             on_linked: Callable[[ReviewItem, str | None], None]):
        """Link *item*'s ticket to the known problem *name* (made when no problem is called that) as *actor*,
        then read the ticket again with *classifier* and *index*, say so and give the read item, and the name
        of the problem it was linked to before (None: none), to *on_linked*."""
        from elsdesk.services.problems import link_ticket, problem_names, unlink_tickets, weeks_gone_through
        from elsdesk.services.review import load_review_item

        ticket_id, weeks = item.ticket.id, {item.ticket.iso_week}

        def work(context):
            with context.open_database() as database:
                before = problem_names(database, [ticket_id]).get(ticket_id)
                if name == NO_PROBLEM:
                    unlink_tickets(database, [ticket_id])
                    return load_review_item(database, ticket_id, classifier, index), before, set()
                gone_through = weeks_gone_through(database, weeks)
                link_ticket(database, ticket_id, name, actor)
                newly = weeks_gone_through(database, weeks) - gone_through
                return load_review_item(database, ticket_id, classifier, index), before, newly

        def done(result):
            updated, before, newly = result
            if name == NO_PROBLEM:
                self.say(self.tr("Ärendet hör inte längre till %1.").replace("%1", before or ""))
            else:
                if name not in self.names:
                    self.names = sorted(self.names + [updated.problem.problem.name])
                said = self.tr("Länkat till %1.").replace("%1", updated.problem.problem.name)
                for week in sorted(newly):  # what linking a tenth of a week does to its other tickets (a training lead)
                    said += " " + self.tr("Vecka %1 räknas nu som genomgången: ärenden som lämnas okopplade där räknas "
                                          "som inget känt problem.").replace("%1", week)
                self.say(said)
            on_linked(updated, before)

        return self.start_task(work, done, "link problem")

    def relink(self, ticket_id: int, before: str | None, actor: str, classifier, index,
               on_done: Callable[[ReviewItem], None]):
        """Undo a link (Ctrl+Z): link the ticket back to the problem *before* (None: to none), say so and give
        the read item to *on_done*."""
        from elsdesk.services.problems import link_ticket
        from elsdesk.services.review import load_review_item

        def work(context):
            with context.open_database() as database:
                link_ticket(database, ticket_id, before, actor)
                return load_review_item(database, ticket_id, classifier, index)

        def done(updated: ReviewItem):
            self.say(self.tr("Länken ångrades; ärendet hör till %1 igen.").replace("%1", before) if before
                     else self.tr("Länken ångrades; ärendet hör inte till något känt problem."))
            on_done(updated)

        return self.start_task(work, done, "undo link")
