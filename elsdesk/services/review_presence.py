"""Which tickets other super-users have on their review cards, on a shared desk.

Two super-users working one queue share its order, so without a word between them the second trails the
first: every card it shows is the one the other is deciding, and its decisions are refused (a tester's
second super-user had 13 of 15 Enters refused). Each review view therefore says, over the desk's change
notices (``pg_notify`` on the channel the workstations already listen to; no table, nothing stored),
which ticket its card shows, and the others show their next ticket instead.

A notice (its payload) is ``review:<view>:<ticket id or ->:<since>[:<ids>[:<person>]]``: the view's random id;
the ticket on its card (``-`` for none: the queue is empty, the view closed or is not on screen); the
server's time when that card first showed it, so that workstations whose clocks differ agree; the
tickets whose decisions it is still writing (comma-separated), which stay held too (the card goes on to
the next ticket at once, and a ticket given back before its decision was stored came back on the others'
cards for a moment: a tester's three super-users saw 17 such jumps in 26 s); and who works in it
(percent-encoded), so that a card that gives way can say to whom. ``review?`` asks every view to say
again what it shows (a view that has just opened asks once). Every view says it again every
REPEAT_S seconds, and a view not heard of for FORGET_S seconds is forgotten (a workstation that lost
power never says that it closed).

When two cards show the same ticket, the earlier one keeps it (ties: the smaller view id): every
workstation hears the same notices, so they all agree who keeps it. A local file has no other
workstation to tell: :func:`announce` does nothing there.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote

from elsdesk.storage import Database

CHANNEL = "elsdesk_changes"
PREFIX = "review:"
ASK = "review?"
REPEAT_S = 20.0  # a view says what it shows again this often
FORGET_S = 65.0  # a view not heard of for this long is forgotten (three repeats missed)
PERSON_MAX = 60  # characters of a person's name a notice carries (a notice holds at most 8,000 bytes)


@dataclass(frozen=True)
class Shown:
    """One view's card, as its notice said: *ticket_id* None when it shows none."""

    view: str
    ticket_id: int | None
    since: float | None  # the server's time (epoch seconds) when the card first showed the ticket
    deciding: tuple[int, ...] = ()  # the tickets whose decisions the view is still writing
    person: str = ""  # who works in the view


def is_presence(payload: str) -> bool:
    """Whether a change notice's *payload* is about review cards (a table's name is not)."""
    return payload == ASK or payload.startswith(PREFIX)


def parse(payload: str) -> Shown | None:
    """The card a ``review:`` notice describes; None for ``review?`` and for anything malformed."""
    if not payload.startswith(PREFIX):
        return None
    parts = payload[len(PREFIX):].split(":")
    if len(parts) not in (3, 4, 5) or not parts[0]:
        return None
    view, ticket, since = parts[:3]
    try:
        ticket_id = None if ticket == "-" else int(ticket)
        when = None if since == "-" else float(since)
        deciding = tuple(int(i) for i in parts[3].split(",") if i) if len(parts) >= 4 else ()
    except ValueError:
        return None
    return Shown(view, ticket_id, when, deciding, unquote(parts[4]) if len(parts) == 5 else "")


def announce(database: Database, view: str, ticket_id: int | None, since: float | None = None,
             deciding: tuple[int, ...] = (), person: str = "") -> float | None:
    """Tell the desk's other workstations that *view* (*person*'s) shows *ticket_id* (None: none) since *since*
    (None: now, by the server's clock), and writes the decisions on *deciding*. Returns the time it stands for, or
    None on a local file (nobody else to tell)."""
    if database.backend != "postgres":
        return None
    ticket = "-" if ticket_id is None else str(int(ticket_id))
    tail = ":" + ",".join(str(int(i)) for i in deciding) + (":" + quote(person[:PERSON_MAX], safe="") if person else "")
    rows = database.query(
        "SELECT s.t, pg_notify(?, ? || ':' || CASE WHEN ? = '-' THEN '-' ELSE s.t::text END || ?)"
        " FROM (SELECT coalesce(CAST(? AS double precision), extract(epoch FROM clock_timestamp())::double precision)"
        " AS t) s", (CHANNEL, f"{PREFIX}{view}:{ticket}", ticket, tail, since))
    return float(rows[0][0]) if ticket_id is not None else None


def ask_again(database: Database) -> None:
    """Ask every review view on the desk to say again what it shows (a view that has just opened)."""
    if database.backend == "postgres":
        database.query("SELECT pg_notify(?, ?)", (CHANNEL, ASK))


class ReviewPresence:
    """What the other review views show, from their notices, and which tickets that keeps from this one; and what
    this view told them last.

    A ticket another view gives back stays held here until a queue load begun after that arrives: the notice can
    come before the load that drops a decided ticket, and the card showed it again for a moment."""

    def __init__(self, view: str) -> None:
        self.view = view
        self._shown: dict[str, tuple[Shown, float]] = {}  # view id -> its card, and when it was last heard of
        self._told: Shown | None = None  # what this view told the others last (its since once the server said it)
        self._held: set[int] = set()  # what held_elsewhere() gave at the last keep()
        self._given_back: dict[int, int] = {}  # ticket -> the number of queue loads begun when it was given back

    def heard(self, shown: Shown, now: float) -> None:
        """A notice about *shown* arrived at (monotonic) time *now*; this view's own echo counts too."""
        if shown.ticket_id is None and not shown.deciding:
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
        """The notices stopped (the connection was lost): what others showed is not known any more, and what
        this view told them is to be told again."""
        self._shown.clear()
        self._told = None

    # -- what this view tells -----------------------------------------------------------------
    def who_shows(self, ticket_id: int) -> str:
        """The person whose view shows or decides *ticket_id* ("" when not known)."""
        return next((shown.person for view, (shown, _heard) in self._shown.items()
                     if view != self.view and (shown.ticket_id == ticket_id or ticket_id in shown.deciding)), "")

    def to_tell(self, ticket_id: int | None, deciding: tuple[int, ...], again: bool = False) -> Shown | None:
        """The notice to send when this view's card shows *ticket_id* (None: none, or not on screen) and it writes the
        decisions on *deciding*: None when the others know it already (unless *again*), and never a notice about
        nothing when nothing was told (an idle view sends none every REPEAT_S)."""
        told = self._told
        if ticket_id is None and not deciding and (told is None or (told.ticket_id is None and not told.deciding)):
            return None
        same = told is not None and told.ticket_id == ticket_id
        if same and told.deciding == deciding and not again:
            return None
        # the card's first time is kept while it shows the same ticket: the earlier card keeps a ticket two show
        self._told = Shown(self.view, ticket_id, told.since if same else None, deciding)
        return self._told

    def told(self, shown: Shown, when: float | None, now: float) -> bool:
        """The server took the notice *shown* and stamped it *when*; whether it is still what this view shows (then
        it counts as heard, so a card both show is kept by the earlier one at once)."""
        if self._told is None or self._told.ticket_id != shown.ticket_id or shown.ticket_id is None:
            return False
        self._told = Shown(self.view, shown.ticket_id, when, self._told.deciding)
        self.heard(self._told, now)
        return True

    # -- what keeps tickets from this view --------------------------------------------------
    def keep(self, loads_begun: int) -> tuple[set[int], bool]:
        """(the tickets to keep after this view's others, whether one was given back since the last call): those
        held elsewhere, and those given back that no queue load begun since (*loads_begun* so far) has read again."""
        held = self.held_elsewhere()
        back = self._held - held
        for ticket in back:
            self._given_back[ticket] = loads_begun
        self._held = held
        return held | set(self._given_back), bool(back)

    def load_arrived(self, serial: int | None) -> None:
        """Queue load number *serial* arrived: tickets given back before it began are as it lists them."""
        if serial is not None:
            self._given_back = {t: begun for t, begun in self._given_back.items() if begun >= serial}

    def lane(self) -> int:
        """This view's place among the views that show a ticket, by view id (0 for the first or only one): after a
        decision each takes the next ticket of its own place, so two Enters at the same moment pick two tickets."""
        return self._working().index(self.view)

    def at_work(self) -> int:
        """How many views show a ticket, this one counted."""
        return len(self._working())

    def _working(self) -> list[str]:
        return sorted({view for view, (shown, _heard) in self._shown.items() if shown.ticket_id is not None}
                      | {self.view})

    def held_elsewhere(self) -> set[int]:
        """The tickets another view keeps: it shows them, and this view either does not, or began later; and those
        whose decisions it is writing."""
        mine = self._shown.get(self.view)
        held = set()
        for view, (shown, _heard) in self._shown.items():
            if view == self.view:
                continue
            held.update(shown.deciding)
            if shown.ticket_id is None:
                continue
            if mine is not None and mine[0].ticket_id == shown.ticket_id and _first(mine[0], shown):
                continue  # both show it, and this view began first: it keeps it
            held.add(shown.ticket_id)
        return held


def _first(a: Shown, b: Shown) -> bool:
    """Whether card *a* began showing its ticket before card *b* (ties: the smaller view id)."""
    return (a.since if a.since is not None else float("inf"), a.view) < (
        b.since if b.since is not None else float("inf"), b.view)
