"""One person's review session: which tickets are in the review queue, in what order, and when a key may decide.

The review queue view (elsdesk.gui.review_queue_view) shows the first ticket of this queue and tells the
session what happened: a queue load started or arrived, the person skipped, a decision or an undo is
being written or was stored. The session keeps the queue as this person should see it. It knows no Qt
and no clock: the caller passes the time, so the rules run under plain pytest.

The rules, in plain words:

- Skipping puts the ticket last for the rest of the session. Skipped tickets stay at the end, in the
  order they were last skipped, also after the queue is read again (the stored order knows nothing of
  skipping). Deciding a ticket ends its skip; another person at the keyboard starts without skips.
- Queue loads are numbered when they start. A decision being written, or stored after a load began, is
  not listed by that load: it may have read the desk before the decision. A load begun after the
  decision was stored is trusted again (if the ticket is back, someone undid or reopened it).
- An undo brings its ticket back first at once. A load that may have read the desk before the undo was
  stored (begun before it was stored, or while it is being written) does not drop that ticket.
- A reload keeps the ticket on screen first while it is still listed; the first load, and the first load
  of a new order, start from the top.
- When the ticket on screen leaves the queue without this person's decision (another super-user decided
  it, or it was edited or removed elsewhere), the session says which ticket left and whether a next one
  is shown. That next ticket "settles": decision keys wait SETTLE_S seconds from the moment it is shown,
  so a key meant for the old card never decides one the person has not read. A ticket that arrives in
  a queue that was empty settles too.
- On a shared desk another super-user's card may show a ticket (elsdesk.services.review_presence): such
  tickets go after the others, before the skipped ones, so that two people working one queue do not
  decide the same ticket; with nothing else left they are shown all the same. When the ticket on screen
  goes because another card kept it, the next one settles as above.
"""

from __future__ import annotations

from dataclasses import dataclass

SETTLE_S = 1.0  # after the card changed because of someone else, decision keys wait this long


@dataclass(frozen=True)
class TicketLeft:
    """The ticket on screen left the queue without this person's decision."""

    ticket_id: int
    next_shown: bool  # another ticket takes its place on the card (and settles before a key counts)
    shown_elsewhere: bool = False  # it is still in the queue, but another super-user's card shows it


@dataclass(frozen=True)
class QueueLoaded:
    """What a queue load changed for the person: the ticket on screen that left, if one did."""

    left: TicketLeft | None
    reordered: bool  # the load was the first in a new order (a "sorting…" message can go)


class ReviewSession:
    """The queue (ticket ids, the first one on screen) of one person's review session and its rules."""

    def __init__(self) -> None:
        self._queue: list[int] = []
        self._skipped: list[int] = []  # skipped this session, in the order of the last skip: they stay at the end
        self._pending: set[int] = set()  # tickets whose decision is being written
        self._serial = 0  # counts the queue loads started, so a load's result knows its age
        self._stored_during: dict[int, int] = {}  # ticket id -> the newest load started before its decision was stored
        self._undoing: set[int] = set()  # tickets whose undo is being written
        self._undone_during: dict[int, int] = {}  # ticket id -> the newest load started before its undo was stored
        self._loaded_once = False
        self._reordered = False
        self._settle_on_show = False  # the next ticket shown changed because of someone else: let it settle
        self._settled_at = float("-inf")  # the time from which decision keys count again
        self._held: set[int] = set()  # tickets another super-user's card shows: after the others

    # -- what the view asks ----------------------------------------------------------------
    @property
    def queue(self) -> list[int]:
        """The ticket ids in the order this person sees them; the first is on screen. Do not change it."""
        return self._queue

    @property
    def serial(self) -> int:
        """The number of the newest queue load started."""
        return self._serial

    @property
    def loaded_once(self) -> bool:
        """Whether a queue load has arrived (before that the queue is not known, rather than empty)."""
        return self._loaded_once

    def current(self) -> int | None:
        """The ticket on screen, or None when the queue is empty."""
        return self._queue[0] if self._queue else None

    @property
    def deciding(self) -> tuple[int, ...]:
        """The tickets whose decisions are being written, in id order."""
        return tuple(sorted(self._pending))

    @property
    def held(self) -> frozenset[int]:
        """The tickets other super-users' cards show (see held_elsewhere)."""
        return frozenset(self._held)

    def remaining(self) -> int:
        """How many tickets are left in this person's queue."""
        return len(self._queue)

    def is_settling(self, now: float) -> bool:
        """Whether decision keys wait at time *now*: the card is about to show, or has shown for less than
        SETTLE_S, a ticket that replaced one because of someone else."""
        return self._settle_on_show or now < self._settled_at

    # -- queue loads ------------------------------------------------------------------------
    def load_started(self) -> int:
        """A queue load starts: its number, to pass back to queue_loaded with its result."""
        self._serial += 1
        return self._serial

    def order_changed(self) -> None:
        """The person chose another order: the next load starts from its top and blames no one."""
        self._reordered = True

    def queue_loaded(self, ids: list[int], serial: int | None = None) -> QueueLoaded:
        """The stored queue *ids* arrived from load number *serial* (None: of unknown age, so every decision
        stored this session is treated as unseen by it). The queue becomes *ids* in session order: without
        decisions the load may not have seen, undone tickets it may not have seen put back first, skipped
        tickets last, and on a plain reload the ticket on screen kept first."""
        current = self.current()
        ids = self._in_session_order(ids, serial)
        if current is not None and current not in ids and self._undo_unseen_by(current, serial):
            ids.insert(0, current)  # the load read the desk before this person's undo brought it back
        left = self._left_because_of_others(current, ids)
        if current is not None and self._loaded_once and not self._reordered and current in ids:
            if current not in self._held:
                ids.remove(current)  # a refresh keeps the ticket on screen; a new order starts from its top
                ids.insert(0, current)
            elif ids[0] != current:  # another card shows it, and the load brought one that none shows
                left = self._taken_elsewhere(current)
        reordered = self._reordered
        self._reordered = False
        self._queue = ids
        self._loaded_once = True
        return QueueLoaded(left, reordered)

    def tickets_vanished(self, missing: set[int]) -> TicketLeft | None:
        """Tickets in *missing* could not be read any more (removed elsewhere): they leave the queue. If the
        ticket on screen was one of them, it left because of someone else and the next one settles."""
        current = self.current()
        left = None
        if current is not None and current in missing:
            left = TicketLeft(current, next_shown=len(self._queue) > 1)
            self._settle_on_show = left.next_shown
        self._queue = [i for i in self._queue if i not in missing]
        return left

    def held_elsewhere(self, held: set[int], quietly: bool = False) -> TicketLeft | None:
        """Other super-users' cards show the tickets in *held* (elsewhere kept, review_presence): they go after
        the others. If the ticket on screen goes because of it, it is returned and the next one settles, unless
        *quietly* (the queue is not on screen: nobody read the card that went)."""
        self._held = set(held)
        current = self.current()
        self._queue = self._held_last(self._queue)
        if current is not None and self.current() != current and not quietly:
            return self._taken_elsewhere(current)
        return None

    def card_shown(self, now: float) -> None:
        """The card shows a ticket at time *now*: if it replaced one because of someone else, it settles."""
        if self._settle_on_show:
            self._settle_on_show = False
            self._settled_at = now + SETTLE_S

    # -- the person's actions ---------------------------------------------------------------
    def skip(self) -> bool:
        """Put the ticket on screen last for the rest of the session; False (nothing changes) when it is the
        only one."""
        if len(self._queue) <= 1:
            return False
        skipped = self._queue.pop(0)
        self._queue.append(skipped)
        if skipped in self._skipped:
            self._skipped.remove(skipped)
        self._skipped.append(skipped)
        return True

    def forget_skips(self) -> None:
        """Another person's session starts: nothing is skipped."""
        self._skipped.clear()

    def decision_started(self, ticket_id: int, lane: int = 0) -> None:
        """A decision on *ticket_id* (the ticket on screen) is being written: it leaves the queue and its skip. With
        a *lane* N (this person's place among the super-users working the queue, review_presence), the next card is
        the N+1th ticket no other card shows: two Enters at the same moment picked the same next ticket, and one
        card gave way (a tester's two super-users, 9 rounds of 15)."""
        if ticket_id in self._queue:
            self._queue.remove(ticket_id)
        self._pending.add(ticket_id)
        if ticket_id in self._skipped:
            self._skipped.remove(ticket_id)
        skipped = set(self._skipped)
        free = [i for i in self._queue if i not in self._held and i not in skipped]
        if 0 < lane < len(free):
            self._queue.remove(free[lane])
            self._queue.insert(0, free[lane])

    def decision_stored(self, ticket_id: int) -> None:
        """The decision on *ticket_id* was stored: loads started up to now may still list the ticket."""
        self._pending.discard(ticket_id)
        self._stored_during[ticket_id] = self._serial

    def decision_failed(self, ticket_id: int) -> None:
        """The decision on *ticket_id* was not stored: the ticket comes back first, and settles before a decision key
        counts (the person has gone on to the next card: an Enter meant for it decided the returning one)."""
        self._pending.discard(ticket_id)
        if ticket_id in self._queue:
            self._queue.remove(ticket_id)
        self._queue.insert(0, ticket_id)
        self._settle_on_show = True

    def changed_elsewhere(self, ticket_id: int, left_queue: bool) -> bool:
        """The desk refused the decision on *ticket_id* (first in the queue after decision_failed) because
        someone changed the ticket after it was shown; *left_queue*: it is no longer this person's to decide.
        Whatever the card shows next settles. Returns whether a ticket is shown next."""
        if left_queue:
            self._queue.remove(ticket_id)
        self._settle_on_show = bool(self._queue)
        return self._settle_on_show

    def undo_started(self, ticket_id: int) -> None:
        """The undo of this person's decision on *ticket_id* is being written: the ticket comes back first."""
        self._undoing.add(ticket_id)
        self._pending.discard(ticket_id)
        self._stored_during.pop(ticket_id, None)
        if ticket_id in self._queue:
            self._queue.remove(ticket_id)
        self._queue.insert(0, ticket_id)

    def undo_stored(self, expected: int | None, undone: int | None) -> bool:
        """The undo was stored; it undid *undone* (None: nothing to undo), the session expected *expected*.
        Loads started up to now may have read the desk before it. When the desk undid nothing, *expected*
        leaves the queue; when it undid another ticket, that one comes first instead. Returns whether the
        queue changed."""
        if expected is not None:
            self._undoing.discard(expected)
            self._undone_during[expected] = self._serial
        if undone == expected and undone is not None:
            return False
        removed = self._drop(expected)
        if undone is None:
            return removed
        self._queue.insert(0, undone)
        return True

    def undo_failed(self, expected: int | None) -> bool:
        """The undo of *expected* was not stored: the ticket leaves the queue again. Returns whether it was
        in it."""
        self._undoing.discard(expected)
        return self._drop(expected)

    # -- rules ---------------------------------------------------------------------------
    def _taken_elsewhere(self, ticket_id: int) -> TicketLeft:
        """The ticket on screen, *ticket_id*, gave way to one no other card shows: the next one settles."""
        self._settle_on_show = True
        return TicketLeft(ticket_id, next_shown=True, shown_elsewhere=True)

    def _held_last(self, ids: list[int]) -> list[int]:
        """*ids* with the tickets other cards show after the rest, and the skipped ones still last."""
        if not self._held:
            return ids
        skipped = set(self._skipped)
        return sorted(ids, key=lambda i: 2 if i in skipped else 1 if i in self._held else 0)

    def _drop(self, ticket_id: int | None) -> bool:
        """Take *ticket_id* out of the queue; whether it was in it."""
        if ticket_id is not None and ticket_id in self._queue:
            self._queue.remove(ticket_id)
            return True
        return False

    def _left_because_of_others(self, current: int | None, ids: list[int]) -> TicketLeft | None:
        """Which ticket on screen (*current*) left the new queue *ids* without this person's decision; sets
        the next ticket to settle, also when a ticket arrives in an empty queue. None on the first load and
        on a new order (nothing was on screen, or the person asked for the change)."""
        if not self._loaded_once or self._reordered:
            return None
        if current is None:
            self._settle_on_show = bool(ids)  # the queue was empty: whatever arrives is new to the person
            return None
        if current in ids or current in self._pending or current in self._stored_during:
            return None
        self._settle_on_show = bool(ids)
        return TicketLeft(current, next_shown=bool(ids))

    def _undo_unseen_by(self, ticket_id: int, serial: int | None) -> bool:
        """Whether the load numbered *serial* may have read the desk before this person's undo of *ticket_id*."""
        if serial is not None:
            self._undone_during = {i: s for i, s in self._undone_during.items() if s >= serial}
        return ticket_id in self._undoing or (ticket_id in self._undone_during
                                              and (serial is None or self._undone_during[ticket_id] >= serial))

    def _in_session_order(self, ids: list[int], serial: int | None) -> list[int]:
        """The stored queue as this session sees it: without the decisions being written, nor those stored
        after the load began (it may have read the desk before them), and the skipped tickets last, in the
        order they were skipped."""
        if serial is not None:
            self._stored_during = {i: s for i, s in self._stored_during.items() if s >= serial}
        stale = {i for i, s in self._stored_during.items() if serial is None or s >= serial}
        ids = [i for i in ids if i not in self._pending and i not in stale]
        listed = set(ids)
        self._skipped = [i for i in self._skipped if i in listed]
        skipped = set(self._skipped)
        return self._held_last([i for i in ids if i not in skipped] + self._skipped)
