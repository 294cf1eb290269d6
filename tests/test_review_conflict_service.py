"""Shared-desk tester's finding 1 (service layer): two super-users confirming the same ticket; the last
one won silently because confirm_labels never checked the ticket's version. A confirmation now names
the version the person saw and is refused, with who decided it, when the ticket changed meanwhile."""

from __future__ import annotations

import threading

import pytest

from elsdesk.domain import Ticket
from elsdesk.services.review import ChangedMeanwhileError, confirm_labels, decisions_of, why_left_queue
from elsdesk.storage import TicketRepository, open_database


def _ticket(database) -> Ticket:
    with database.write():
        return TicketRepository(database).insert(Ticket(
            title="Dosen går inte att signera", created_at="2025-04-28T09:00:00", external_id="ELS-000002",
            module="lakemedel", kind="fel", label_source="model", model_version="shipped"))


def test_finding_1_a_confirmation_of_a_ticket_another_super_user_decided_meanwhile_is_refused(memory_db):
    seen = _ticket(memory_db)
    confirm_labels(memory_db, seen.id, "remiss", "handhavande", "karin_super", seen_version=seen.version)
    with pytest.raises(ChangedMeanwhileError, match="ELS-000002 bekräftades just av karin_super") as refused:
        confirm_labels(memory_db, seen.id, "lakemedel", "fel", "sven_berg", seen_version=seen.version)
    assert "Remiss" in str(refused.value) and "sparades inte" in str(refused.value)
    assert refused.value.decision.actor == "karin_super"
    stored = TicketRepository(memory_db).get(seen.id)
    assert (stored.module, stored.kind) == ("remiss", "handhavande"), "the first decision stands"
    assert [d.actor for d in decisions_of(memory_db, seen.id)] == ["karin_super"]


def test_finding_1_a_confirmation_of_a_ticket_edited_meanwhile_is_refused_as_changed(memory_db):
    seen = _ticket(memory_db)
    with memory_db.write():
        TicketRepository(memory_db).update(seen.with_changes(title="Dosen går inte att signera i Läkemedelslistan"))
    with pytest.raises(ChangedMeanwhileError, match="ändrades på en annan arbetsstation") as refused:
        confirm_labels(memory_db, seen.id, "lakemedel", "fel", "sven_berg", seen_version=seen.version)
    assert refused.value.decision is None
    assert decisions_of(memory_db, seen.id) == []


def test_finding_1_the_version_on_screen_confirms_and_a_second_opinion_on_the_stored_one_too(memory_db):
    seen = _ticket(memory_db)
    confirm_labels(memory_db, seen.id, "remiss", "handhavande", "karin_super", seen_version=seen.version)
    now = TicketRepository(memory_db).get(seen.id)
    confirm_labels(memory_db, seen.id, "lakemedel", "fel", "sven_berg", seen_version=now.version)
    assert [d.actor for d in decisions_of(memory_db, seen.id)] == ["karin_super", "sven_berg"]


def test_finding_1_why_a_ticket_left_the_queue_names_the_decision_or_says_it_was_removed(memory_db):
    seen = _ticket(memory_db)
    assert why_left_queue(memory_db, seen.id).decision is None  # still the model's labels
    confirm_labels(memory_db, seen.id, "remiss", "handhavande", "karin_super")
    left = why_left_queue(memory_db, seen.id)
    assert left.ticket.external_id == "ELS-000002" and left.decision.actor == "karin_super"
    gone = why_left_queue(memory_db, seen.id + 1000)
    assert gone.ticket is None and gone.decision is None


def test_finding_1_two_super_users_confirming_at_once_one_wins_and_the_other_is_told(db_target):
    """The tester's two_confirm.py: both start from the same card; exactly one decision is stored."""
    with open_database(db_target) as database:
        seen = _ticket(database)
    results: dict[str, object] = {}
    start = threading.Barrier(2)

    def confirm(who: str, module: str, kind: str) -> None:
        with open_database(db_target) as database:
            start.wait()
            try:
                results[who] = confirm_labels(database, seen.id, module, kind, who, seen_version=seen.version)
            except ChangedMeanwhileError as exc:
                results[who] = exc

    threads = [threading.Thread(target=confirm, args=args) for args in
               (("sven_berg", "lakemedel", "fel"), ("karin_super", "remiss", "handhavande"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    refused = [who for who, result in results.items() if isinstance(result, ChangedMeanwhileError)]
    assert len(results) == 2 and len(refused) == 1, results
    winner = ({"sven_berg", "karin_super"} - set(refused)).pop()
    assert f"bekräftades just av {winner}" in str(results[refused[0]])
    with open_database(db_target) as database:
        assert [d.actor for d in decisions_of(database, seen.id)] == [winner]
