"""Which tickets other super-users have on their review cards, on a shared desk.

Two super-users working one queue share its order, so without a word between them the second trails the
first: every card it shows is the one the other is deciding, and its decisions are refused (a tester's
second super-user had 13 of 15 Enters refused). Each review view therefore says, over the desk's change
notices (``pg_notify`` on the channel the workstations already listen to; no table, nothing stored),
which ticket its card shows, and the others show their next ticket instead.

A notice (its payload) is ``review:<view>:<ticket id or ->:<since>``: the view's random id, the ticket
on its card (``-`` for none: the queue is empty or the view closed) and the server's time when that
card first showed it, so that workstations whose clocks differ agree. ``review?`` asks every view to say
again what it shows (a view that has just opened asks once). Every view says it again every
REPEAT_S seconds, and a view not heard of for FORGET_S seconds is forgotten (a workstation that lost
power never says that it closed).

When two cards show the same ticket, the earlier one keeps it (ties: the smaller view id): every
workstation hears the same notices, so they all agree who keeps it. A local file has no other
workstation to tell: :func:`announce` does nothing there.
"""

from __future__ import annotations

from dataclasses import dataclass

from elsdesk.storage import Database

CHANNEL = "elsdesk_changes"
PREFIX = "review:"
ASK = "review?"
REPEAT_S = 20.0  # a view says what it shows again this often
FORGET_S = 65.0  # a view not heard of for this long is forgotten (three repeats missed)


@dataclass(frozen=True)
class Shown:
    """One view's card, as its notice said: *ticket_id* None when it shows none."""

    view: str
    ticket_id: int | None
    since: float | None  # the server's time (epoch seconds) when the card first showed the ticket


def is_presence(payload: str) -> bool:
    """Whether a change notice's *payload* is about review cards (a table's name is not)."""
    return payload == ASK or payload.startswith(PREFIX)


def parse(payload: str) -> Shown | None:
    """The card a ``review:`` notice describes; None for ``review?`` and for anything malformed."""
    if not payload.startswith(PREFIX):
        return None
    parts = payload[len(PREFIX):].split(":")
    if len(parts) != 3 or not parts[0]:
        return None
    view, ticket, since = parts
    try:
        ticket_id = None if ticket == "-" else int(ticket)
        when = None if since == "-" else float(since)
    except ValueError:
        return None
    return Shown(view, ticket_id, when)


def announce(database: Database, view: str, ticket_id: int | None, since: float | None = None) -> float | None:
    """Tell the desk's other workstations that *view* shows *ticket_id* (None: none) since *since* (None: now,
    by the server's clock). Returns the time it stands for, or None on a local file (nobody else to tell)."""
    if database.backend != "postgres":
        return None
    ticket = "-" if ticket_id is None else str(int(ticket_id))
    rows = database.query(
        "SELECT s.t, pg_notify(?, ? || ':' || CASE WHEN ? = '-' THEN '-' ELSE s.t::text END)"
        " FROM (SELECT coalesce(CAST(? AS double precision), extract(epoch FROM clock_timestamp())::double precision)"
        " AS t) s", (CHANNEL, f"{PREFIX}{view}:{ticket}", ticket, since))
    return float(rows[0][0]) if ticket_id is not None else None


def ask_again(database: Database) -> None:
    """Ask every review view on the desk to say again what it shows (a view that has just opened)."""
    if database.backend == "postgres":
        database.query("SELECT pg_notify(?, ?)", (CHANNEL, ASK))


class ReviewPresence:
    """What the other review views show, from their notices, and which tickets that keeps from this one."""

    def __init__(self, view: str) -> None:
        self.view = view
        self._shown: dict[str, tuple[Shown, float]] = {}  # view id -> its card, and when it was last heard of

    def heard(self, shown: Shown, now: float) -> None:
        """A notice about *shown* arrived at (monotonic) time *now*; this view's own echo counts too."""
        if shown.ticket_id is None:
            self._shown.pop(shown.view, None)
        else:
            self._shown[shown.view] = (shown, now)

    def forget_silent(self, now: float) -> bool:
        """Forget the views not heard of for FORGET_S seconds; whether any was."""
        silent = [view for view, (_shown, heard) in self._shown.items()
                  if view != self.view and now - heard > FORGET_S]
        for view in silent:
            del self._shown[view]
        return bool(silent)

    def forget_all(self) -> None:
        """The notices stopped (the connection was lost): what others showed is not known any more."""
        self._shown.clear()

    def held_elsewhere(self) -> set[int]:
        """The tickets another view keeps: it shows them, and this view either does not, or began later."""
        mine = self._shown.get(self.view)
        held = set()
        for view, (shown, _heard) in self._shown.items():
            if view == self.view:
                continue
            if mine is not None and mine[0].ticket_id == shown.ticket_id and _first(mine[0], shown):
                continue  # both show it, and this view began first: it keeps it
            held.add(shown.ticket_id)
        return held


def _first(a: Shown, b: Shown) -> bool:
    """Whether card *a* began showing its ticket before card *b* (ties: the smaller view id)."""
    return (a.since if a.since is not None else float("inf"), a.view) < (
        b.since if b.since is not None else float("inf"), b.view)
