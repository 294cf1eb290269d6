"""Two super-users in one review queue (a shared-desk tester: the second trailed the first card by card, and
13 of 15 of his Enters were refused). The views tell each other which ticket their cards show; these are
the rules, without Qt or a server: the notices' form, who keeps a ticket both show, forgetting a silent
view, and how a person's queue puts the tickets other cards show after the rest."""

from __future__ import annotations

import pytest

from elsdesk.services.review_presence import (
    ASK, FORGET_S, ReviewPresence, Shown, announce, is_presence, parse,
)
from elsdesk.services.review_session import ReviewSession


def test_a_card_notice_is_read_back_and_a_table_name_is_not_one():
    assert parse("review:ab12:42:1796000000.25") == Shown("ab12", 42, 1796000000.25)
    assert parse("review:ab12:-:-") == Shown("ab12", None, None)
    assert parse(ASK) is None and is_presence(ASK)
    assert is_presence("review:ab12:42:1.0") and not is_presence("tickets") and not is_presence("review_decisions")
    for broken in ("review:", "review::1:2", "review:ab:x:1", "review:ab:1:x", "review:ab:1"):
        assert parse(broken) is None, broken


def test_the_earlier_card_keeps_a_ticket_both_show_and_both_sides_agree():
    anna, sven = ReviewPresence("anna"), ReviewPresence("sven")
    notices = [Shown("anna", 7, 100.0), Shown("sven", 7, 101.5), Shown("sven", 8, 90.0)]
    for presence in (anna, sven):
        for shown in notices[:2]:
            presence.heard(shown, now=0.0)
    assert anna.held_elsewhere() == set(), "Anna's card showed it first: she keeps it"
    assert sven.held_elsewhere() == {7}, "Sven's card gives it up"
    same_time = [Shown("anna", 9, 50.0), Shown("sven", 9, 50.0)]
    for presence in (anna, sven):
        for shown in same_time:
            presence.heard(shown, now=0.0)
    assert anna.held_elsewhere() == set() and sven.held_elsewhere() == {9}, "a tie goes to the smaller view id"


def test_a_ticket_another_card_shows_is_held_until_it_shows_another_or_none_or_falls_silent():
    presence = ReviewPresence("me")
    presence.heard(Shown("other", 3, 10.0), now=0.0)
    assert presence.held_elsewhere() == {3}
    presence.heard(Shown("other", 4, 11.0), now=1.0)
    assert presence.held_elsewhere() == {4}, "a view shows one ticket at a time"
    presence.heard(Shown("other", None, None), now=2.0)
    assert presence.held_elsewhere() == set(), "an empty queue or a closed view holds nothing"
    presence.heard(Shown("other", 5, 12.0), now=3.0)
    presence.heard(Shown("me", 6, 12.5), now=3.0)
    assert not presence.forget_silent(now=3.0 + FORGET_S - 1)
    assert presence.forget_silent(now=3.0 + FORGET_S + 1), "a workstation that lost power never says it closed"
    assert presence.held_elsewhere() == set()
    assert presence.forget_silent(now=10_000.0) is False, "this view's own card is never forgotten"


def test_a_local_file_has_nobody_to_tell(memory_db):
    if memory_db.backend != "sqlite":
        pytest.skip("a local file's case")
    assert announce(memory_db, "me", 3) is None


def test_announce_on_a_server_stamps_the_servers_time_and_keeps_a_given_one(memory_db):
    if memory_db.backend != "postgres":
        pytest.skip("a server's case")
    first = announce(memory_db, "me", 3)
    assert first is not None and first > 1.7e9
    assert announce(memory_db, "me", 3, since=first) == first, "a repeat keeps the card's first time"
    assert announce(memory_db, "me", None) is None


def _loaded(ids, held=()):
    session = ReviewSession()
    session.queue_loaded(list(ids), session.load_started())
    if held:
        session.held_elsewhere(set(held))
    return session


def test_tickets_other_cards_show_go_after_the_others_but_before_the_skipped_ones():
    session = _loaded([1, 2, 3, 4, 5])
    assert session.skip()  # 1 last
    left = session.held_elsewhere({2, 4})
    assert left is not None and left.ticket_id == 2 and left.shown_elsewhere and left.next_shown
    assert session.queue == [3, 5, 2, 4, 1]
    assert session.is_settling(now=0.0), "the card changed because of someone else: the next key waits"
    session.card_shown(now=0.0)
    assert not session.is_settling(now=5.0)
    assert session.held_elsewhere({4}) is None, "the card on screen stays when a ticket behind it is freed"
    assert session.queue == [3, 5, 2, 4, 1]


def test_a_reload_keeps_held_tickets_after_the_rest_and_only_them_when_nothing_else_is_left():
    session = _loaded([1, 2, 3], held={1})
    assert session.current() == 2
    session.card_shown(now=0.0)
    outcome = session.queue_loaded([1, 2, 3, 6], session.load_started())
    assert session.queue == [2, 3, 6, 1] and outcome.left is None, "the card on screen stays first"
    alone = _loaded([1], held={1})
    assert alone.current() == 1, "with nothing else left, a ticket another card shows is shown all the same"
    outcome = alone.queue_loaded([1, 9], alone.load_started())
    assert alone.current() == 9 and outcome.left is not None and outcome.left.shown_elsewhere
    assert alone.is_settling(now=0.0)


def test_a_ticket_whose_decision_is_being_written_stays_held_and_a_given_back_one_until_a_later_load():
    """A tester's three super-users: a card that went on to the next ticket at once gave the decided one back before
    its decision was stored, and the others' cards showed it for a moment (17 jumps in 26 s)."""
    assert parse("review:anna:9:5.0:7,8") == Shown("anna", 9, 5.0, (7, 8))
    assert parse("review:anna:-:-:7") == Shown("anna", None, None, (7,))
    presence = ReviewPresence("sven")
    presence.heard(Shown("anna", 7, 1.0), now=0.0)
    assert presence.keep(loads_begun=1) == ({7}, False)
    presence.heard(Shown("anna", 9, 2.0, (7,)), now=1.0)  # Anna decided 7 and shows 9; her decision is being written
    assert presence.keep(loads_begun=1) == ({7, 9}, False)
    presence.heard(Shown("anna", 9, 2.0), now=2.0)  # stored: 7 is given back
    kept, given_back = presence.keep(loads_begun=1)
    assert kept == {7, 9} and given_back, "held until a queue load begun after it has read the desk again"
    presence.load_arrived(1)  # a load begun before: it may still list 7
    assert presence.keep(loads_begun=2)[0] == {7, 9}
    presence.load_arrived(2)
    assert presence.keep(loads_begun=2) == ({9}, False)


def test_what_a_view_tells_is_sent_when_it_changes_and_keeps_the_cards_first_time():
    presence = ReviewPresence("me")
    assert presence.to_tell(None, ()) is None, "an idle view says nothing"
    first = presence.to_tell(5, ())
    assert first == Shown("me", 5, None, ())
    assert presence.told(first, 100.0, now=0.0)
    assert presence.to_tell(5, ()) is None and presence.to_tell(5, (), again=True) == Shown("me", 5, 100.0, ())
    assert presence.to_tell(6, (5,)) == Shown("me", 6, None, (5,)), "a new card starts its own time"
    assert presence.to_tell(None, ()) == Shown("me", None, None, ()), "not on screen: said once"
    assert presence.to_tell(None, ()) is None and presence.to_tell(None, (), again=True) is None


def test_a_notice_names_the_person_whose_card_shows_the_ticket():
    assert parse("review:anna:9:5.0::Anna%20Berg%3A%20ssk") == Shown("anna", 9, 5.0, (), "Anna Berg: ssk")
    presence = ReviewPresence("sven")
    presence.heard(parse("review:anna:9:5.0:4:Anna%20Berg"), now=0.0)
    assert presence.who_shows(9) == presence.who_shows(4) == "Anna Berg" and presence.who_shows(5) == ""


def test_after_a_decision_each_super_user_takes_the_next_ticket_of_their_own_lane():
    """A tester's two super-users pressing Enter at the same moment picked the same next ticket 9 rounds of 15."""
    first, second = ReviewPresence("a"), ReviewPresence("b")
    for presence in (first, second):
        presence.heard(Shown("a", 1, 1.0), now=0.0)
        presence.heard(Shown("b", 2, 1.0), now=0.0)
    assert (first.lane(), second.lane()) == (0, 1)
    assert ReviewPresence("z").lane() == 0, "alone: the first lane"
    annas = _loaded([1, 2, 3, 4, 5], held={2})
    svens = _loaded([1, 2, 3, 4, 5], held={1})
    assert (annas.current(), svens.current()) == (1, 2)
    annas.decision_started(1, lane=0)
    svens.decision_started(2, lane=1)  # at the same moment: neither knows of the other's decision yet
    assert annas.current() == 3 and svens.current() == 4, "two tickets, not the same one"
    alone = _loaded([1, 2, 3])
    alone.decision_started(1, lane=3)
    assert alone.current() == 2, "a lane past the queue's end takes the first"
