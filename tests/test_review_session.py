"""The review session's queue rules without Qt (the review queue view's state, taken out of the widget).

Ticket ids are plain ints; a "load" is what the desk's stored queue said, numbered when it started. The
time is passed in, so settling is checked without a clock."""

from __future__ import annotations

import pytest

from elsdesk.services.review_session import SETTLE_S, QueueLoaded, ReviewSession, TicketLeft


def _loaded(ids: list[int]) -> ReviewSession:
    """A session whose first load listed *ids*."""
    session = ReviewSession()
    session.queue_loaded(ids, session.load_started())
    return session


def _reload(session: ReviewSession, ids: list[int]):
    """A load that starts now and reads *ids*."""
    return session.queue_loaded(ids, session.load_started())


# -- skipping --------------------------------------------------------------------------------
def test_skipped_tickets_stay_last_in_skip_order_across_a_reload():
    session = _loaded([1, 2, 3, 4])
    assert session.skip() and session.skip()
    assert session.queue == [3, 4, 1, 2]
    _reload(session, [1, 2, 3, 4, 5])  # the stored order knows nothing of skipping
    assert session.queue == [3, 4, 5, 1, 2]


def test_skipping_again_moves_a_ticket_behind_the_other_skipped_also_after_a_reload():
    session = _loaded([1, 2, 3])
    for _ in range(4):  # 1, 2, 3 skipped, then 1 again
        session.skip()
    assert session.queue == [2, 3, 1]
    _reload(session, [1, 2, 3])
    assert session.queue == [2, 3, 1]


def test_the_only_ticket_cannot_be_skipped():
    session = _loaded([7])
    assert session.skip() is False and session.queue == [7]


def test_deciding_a_skipped_ticket_ends_its_skip():
    session = _loaded([1, 2, 3])
    session.skip()  # 1 last
    session.skip()  # 2 last
    session.skip()  # 3 last: [1, 2, 3], all skipped
    session.decision_started(1)
    session.decision_stored(1)
    assert session.queue == [2, 3]
    _reload(session, [1, 2, 3])  # someone reopened 1: it is no longer this person's skip, so not last
    assert session.queue == [2, 1, 3], "the ticket on screen first, then the stored order"


def test_another_person_starts_without_skips():
    session = _loaded([1, 2, 3])
    session.skip()
    session.forget_skips()
    _reload(session, [1, 2, 3])
    assert session.queue == [2, 1, 3], "the ticket on screen stays first; 1 is no longer last"


# -- decisions and loads ---------------------------------------------------------------------
def test_a_decision_stored_after_a_load_began_is_not_listed_by_that_load():
    session = _loaded([1, 2, 3])
    early = session.load_started()  # reads the desk before the decision
    session.decision_started(1)
    session.decision_stored(1)
    outcome = session.queue_loaded([1, 2, 3], early)
    assert session.queue == [2, 3]
    assert outcome.left is None, "this person's own decision is not someone else's work"


def test_a_later_load_is_trusted_about_a_stored_decision():
    session = _loaded([1, 2, 3])
    early = session.load_started()
    session.decision_started(1)
    session.decision_stored(1)
    late = session.load_started()  # begun after the decision was stored
    session.queue_loaded([1, 2, 3], early)
    session.queue_loaded([2, 3], late)
    assert session.queue == [2, 3]
    _reload(session, [1, 2, 3])  # reopened after that (e.g. undone elsewhere): it is listed again
    assert 1 in session.queue


def test_a_decision_being_written_is_never_listed():
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    outcome = _reload(session, [1, 2, 3])  # started after the key, but the write is not done
    assert session.queue == [2, 3] and outcome.left is None


def test_a_load_of_unknown_age_treats_every_stored_decision_as_unseen():
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    session.decision_stored(1)
    session.queue_loaded([1, 2, 3], None)
    assert session.queue == [2, 3]


def test_a_failed_decision_brings_the_ticket_back_first():
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    session.decision_failed(1)
    assert session.queue == [1, 2, 3]
    _reload(session, [1, 2, 3])
    assert session.queue == [1, 2, 3], "no longer pending: listed again"


# -- undo -------------------------------------------------------------------------------------
def test_an_undo_brings_the_ticket_back_first_at_once():
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    session.decision_stored(1)
    session.undo_started(1)
    assert session.queue == [1, 2, 3]


def test_a_load_read_before_the_undo_was_stored_keeps_the_undone_ticket_first():
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    session.decision_stored(1)
    early = session.load_started()  # reads [2, 3] before the undo
    session.undo_started(1)
    session.undo_stored(1, 1)
    outcome = session.queue_loaded([2, 3], early)
    assert session.queue == [1, 2, 3]
    assert outcome.left is None and not session.is_settling(0.0), "nobody else took it"


def test_a_load_read_while_the_undo_is_being_written_keeps_the_undone_ticket_first():
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    session.decision_stored(1)
    session.undo_started(1)
    _reload(session, [2, 3])  # started after the key, but the undo is not stored yet
    assert session.current() == 1


def test_a_load_begun_after_the_undo_was_stored_is_trusted():
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    session.decision_stored(1)
    session.undo_started(1)
    session.undo_stored(1, 1)
    outcome = _reload(session, [2, 3])  # someone else decided 1 after the undo
    assert session.queue == [2, 3]
    assert outcome.left == TicketLeft(1, next_shown=True)


def test_an_undo_that_found_nothing_takes_the_ticket_out_again():
    session = _loaded([1, 2])
    session.undo_started(1)
    assert session.undo_stored(1, None) is True
    assert session.queue == [2]


def test_an_undo_of_another_ticket_shows_that_one_first():
    session = _loaded([1, 2, 3])
    session.undo_started(1)
    assert session.undo_stored(1, 9) is True
    assert session.queue == [9, 2, 3]


def test_an_undo_of_the_expected_ticket_leaves_the_queue_as_it_is():
    session = _loaded([2, 3])
    session.undo_started(1)
    assert session.undo_stored(1, 1) is False and session.queue == [1, 2, 3]


def test_a_failed_undo_takes_the_ticket_out_again():
    session = _loaded([2, 3])
    session.undo_started(1)
    assert session.undo_failed(1) is True and session.queue == [2, 3]
    assert session.undo_failed(None) is False


# -- reloads and order ------------------------------------------------------------------------
def test_a_refresh_keeps_the_ticket_on_screen_first():
    session = _loaded([1, 2, 3])
    session.skip()
    session.forget_skips()  # only the screen position is left of the skip
    assert session.current() == 2
    outcome = _reload(session, [1, 2, 3])
    assert session.queue == [2, 1, 3]
    assert outcome == QueueLoaded(left=None, reordered=False)


def test_a_new_order_starts_from_the_top():
    session = _loaded([1, 2, 3])
    session.skip()
    session.forget_skips()
    session.order_changed()
    outcome = _reload(session, [3, 2, 1])
    assert session.queue == [3, 2, 1]
    assert outcome.reordered and outcome.left is None
    assert _reload(session, [3, 2, 1]).reordered is False


def test_the_first_load_starts_from_the_top_and_blames_no_one():
    session = ReviewSession()
    assert not session.loaded_once and session.current() is None
    outcome = session.queue_loaded([5, 6], session.load_started())
    assert session.queue == [5, 6] and session.loaded_once
    assert outcome.left is None and not session.is_settling(0.0)


def test_each_load_gets_the_next_number():
    session = ReviewSession()
    assert [session.load_started() for _ in range(3)] == [1, 2, 3] and session.serial == 3


# -- someone else's work, and settling -------------------------------------------------------
def test_a_ticket_decided_elsewhere_is_reported_and_the_next_settles_for_settle_s():
    session = _loaded([1, 2, 3])
    outcome = _reload(session, [2, 3])  # another super-user decided 1
    assert outcome.left == TicketLeft(1, next_shown=True)
    assert session.current() == 2
    assert session.is_settling(100.0), "about to be shown: keys wait already"
    session.card_shown(100.0)
    assert session.is_settling(100.0 + SETTLE_S / 2)
    assert not session.is_settling(100.0 + SETTLE_S)
    session.card_shown(200.0)  # a later render does not settle again
    assert not session.is_settling(200.0)


def test_the_last_ticket_decided_elsewhere_is_reported_with_nothing_next():
    session = _loaded([1])
    outcome = _reload(session, [])
    assert outcome.left == TicketLeft(1, next_shown=False)
    assert not session.is_settling(0.0)


def test_a_ticket_arriving_in_an_empty_queue_settles_without_blame():
    session = _loaded([])
    outcome = _reload(session, [4])
    assert outcome.left is None
    session.card_shown(10.0)
    assert session.is_settling(10.0) and not session.is_settling(10.0 + SETTLE_S)


def test_a_ticket_removed_elsewhere_while_on_screen_is_reported_and_the_next_settles():
    session = _loaded([1, 2, 3])
    assert session.tickets_vanished({1, 3}) == TicketLeft(1, next_shown=True)
    assert session.queue == [2] and session.is_settling(0.0)


def test_a_removed_ticket_not_on_screen_just_leaves():
    session = _loaded([1, 2, 3])
    assert session.tickets_vanished({3}) is None
    assert session.queue == [1, 2] and not session.is_settling(0.0)


@pytest.mark.parametrize("left_queue, queue", [(True, [2, 3]), (False, [1, 2, 3])])
def test_a_refused_decision_settles_what_the_card_shows_next(left_queue, queue):
    session = _loaded([1, 2, 3])
    session.decision_started(1)
    session.decision_failed(1)
    assert session.changed_elsewhere(1, left_queue=left_queue) is True
    assert session.queue == queue and session.is_settling(0.0)


def test_a_refused_decision_on_the_last_ticket_shows_nothing_next():
    session = _loaded([1])
    session.decision_started(1)
    session.decision_failed(1)
    assert session.changed_elsewhere(1, left_queue=True) is False
    assert session.queue == [] and not session.is_settling(0.0)
