"""The review queue service (issue 4): order, confirm, undo, disagreement, agreement and the retrain counter."""

from __future__ import annotations

import pytest

from elsdesk.domain import BadInputError, ConflictError, Ticket
from elsdesk.services import review
from elsdesk.services.agreement import agreement_report, disagreements
from elsdesk.services.tickets import save_ticket
from elsdesk.storage import TicketRepository
from elsdesk.storage.migrations import migrate


def add(database, title, *, module=None, kind=None, source=None, confidence=None, created="2025-04-28T09:00:00",
        version="v1", unit="Avd 12"):
    repo = TicketRepository(database)
    with database.write():
        return repo.insert(Ticket(title=title, description=f"{title} beskrivning", created_at=created, module=module,
                                  kind=kind, label_source=source, module_confidence=confidence,
                                  model_version=version if source == "model" else None, unit=unit))


@pytest.fixture
def queue_db(memory_db):
    tickets = {
        "sure": add(memory_db, "Skrivaren skriver inte ut", module="utskrift_hardvara", kind="fel", source="model", confidence=0.91,
                    created="2025-04-28T08:00:00"),
        "unsure": add(memory_db, "Hittar inte listan", module="navigering_installningar", kind="handhavande", source="model",
                      confidence=0.31, created="2025-04-28T09:00:00"),
        "middle": add(memory_db, "Kan inte signera dos", module="lakemedel", kind="handhavande", source="model", confidence=0.55,
                      created="2025-04-28T10:00:00"),
        "new": add(memory_db, "Något konstigt", created="2025-04-28T07:00:00"),
        "done": add(memory_db, "SITHS-kortet låst", module="inloggning_siths", kind="fel", source="human",
                    created="2025-04-28T11:00:00"),
    }
    return memory_db, tickets


def test_migration_007_adds_review_decisions_and_history_links():
    import sqlite3

    conn = sqlite3.connect(":memory:")
    migrate(conn, upto=7)
    assert conn.execute("SELECT count(*) FROM review_decisions").fetchone() == (0,)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(label_history)")}
    assert {"suggested_by", "decision_id", "undone_at"} <= columns


def test_queue_puts_unclassified_first_then_lowest_confidence(queue_db):
    database, t = queue_db
    assert review.review_queue(database) == [t["new"].id, t["unsure"].id, t["middle"].id, t["sure"].id]


def test_queue_never_holds_confirmed_tickets(queue_db):
    database, t = queue_db
    for order in review.ORDERS:
        assert t["done"].id not in review.review_queue(database, order)


def test_a_persons_kind_without_a_module_waits_in_the_queue_for_its_module(queue_db):
    """A file's row that gave only the kind is a person's label, yet its module is nobody's: it
    comes first in the queue, where the model suggests the module, until someone confirms one."""
    database, t = queue_db
    kind_only = add(database, "Hur bokar jag tolk", kind="handhavande", source="human", created="2025-04-28T06:00:00")
    assert set(review.review_queue(database)[:2]) == {kind_only.id, t["new"].id}  # unclassified first
    review.confirm_labels(database, kind_only.id, "tidbok_resursplanering", "handhavande", "Anna")
    assert kind_only.id not in review.review_queue(database)


def test_queue_by_date_is_newest_first(queue_db):
    database, t = queue_db
    assert review.review_queue(database, "date") == [t["middle"].id, t["unsure"].id, t["sure"].id, t["new"].id]


def test_queue_by_module_groups_modules_unclassified_first(queue_db):
    database, t = queue_db
    assert review.review_queue(database, "module") == [t["new"].id, t["middle"].id, t["unsure"].id, t["sure"].id]


def test_queue_rejects_an_unknown_order(queue_db):
    with pytest.raises(BadInputError):
        review.review_queue(queue_db[0], "alfabetisk")


def test_confirm_sets_human_labels_and_leaves_the_queue(queue_db):
    database, t = queue_db
    decision = review.confirm_labels(database, t["unsure"].id, "behorighet_roller", "konfiguration", "Anna",
                                     suggested_by="20250501-120000", suggested_module="navigering_installningar",
                                     suggested_kind="handhavande")
    ticket = TicketRepository(database).get(t["unsure"].id)
    assert (ticket.module, ticket.kind, ticket.label_source) == ("behorighet_roller", "konfiguration", "human")
    assert ticket.version == t["unsure"].version + 1
    assert t["unsure"].id not in review.review_queue(database)
    assert decision.agrees_with_model is False
    assert (decision.old_module, decision.old_kind, decision.old_label_source) == ("navigering_installningar", "handhavande", "model")


def test_confirm_writes_history_with_actor_before_after_and_model_version(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["unsure"].id, "behorighet_roller", "konfiguration", "Anna", suggested_by="20250501-120000")
    history = TicketRepository(database).label_history(t["unsure"].id)
    assert [(h.field, h.old, h.new, h.actor, h.source, h.suggested_by) for h in history] == [
        ("module", "navigering_installningar", "behorighet_roller", "Anna", "human", "20250501-120000"),
        ("kind", "handhavande", "konfiguration", "Anna", "human", "20250501-120000"),
    ]
    assert history[0].at


def test_confirm_without_a_live_suggestion_uses_the_stored_model_labels(queue_db):
    database, t = queue_db
    decision = review.confirm_labels(database, t["middle"].id, "lakemedel", "handhavande", "Anna")
    assert (decision.suggested_module, decision.suggested_kind, decision.suggested_by) == ("lakemedel", "handhavande", "v1")
    assert decision.agrees_with_model is True


@pytest.mark.parametrize("module, kind, actor", [("okand", "fel", "Anna"), ("lakemedel", "okand", "Anna"), ("lakemedel", "fel", " ")])
def test_confirm_rejects_unknown_labels_and_missing_actor(queue_db, module, kind, actor):
    database, t = queue_db
    with pytest.raises(BadInputError):
        review.confirm_labels(database, t["middle"].id, module, kind, actor)
    assert TicketRepository(database).get(t["middle"].id).label_source == "model"


def test_undo_restores_labels_and_source_exactly(queue_db):
    database, t = queue_db
    before = TicketRepository(database).get(t["new"].id)
    review.confirm_labels(database, t["new"].id, "lakemedel", "fel", "Anna")
    undone = review.undo_last(database, "Anna")
    after = TicketRepository(database).get(t["new"].id)
    assert undone.ticket_id == t["new"].id and undone.undone_at
    assert (after.module, after.kind, after.label_source) == (before.module, before.kind, before.label_source) == (None, None, None)
    assert review.review_queue(database)[0] == t["new"].id


def test_undo_marks_history_rows_instead_of_showing_them(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Anna")
    review.undo_last(database, "Anna")
    repo = TicketRepository(database)
    assert repo.label_history(t["sure"].id) == []
    assert len(repo.label_history(t["sure"].id, include_undone=True)) == 2
    assert [d.undone_at is not None for d in review.decisions_of(database, t["sure"].id)] == [True]


def test_undo_walks_back_one_decision_at_a_time_and_only_the_actors_own(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Anna")
    review.confirm_labels(database, t["middle"].id, "lakemedel", "fel", "Anna")
    review.confirm_labels(database, t["unsure"].id, "navigering_installningar", "handhavande", "Bertil")
    assert review.undo_last(database, "Anna").ticket_id == t["middle"].id
    assert review.undo_last(database, "Anna").ticket_id == t["sure"].id
    assert review.undo_last(database, "Anna") is None
    assert TicketRepository(database).get(t["unsure"].id).label_source == "human"


def test_undo_refuses_when_the_ticket_was_changed_after_the_decision(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["middle"].id, "lakemedel", "fel", "Anna")
    ticket = TicketRepository(database).get(t["middle"].id)
    save_ticket(database, ticket.with_changes(module="remiss"), actor="Cecilia")
    with pytest.raises(ConflictError):
        review.undo_last(database, "Anna")
    assert TicketRepository(database).get(t["middle"].id).module == "remiss"


def test_second_opinion_queue_offers_tickets_others_decided(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Anna")
    assert review.review_queue(database, actor="Bertil", second_opinion=True) == [t["sure"].id]
    assert review.review_queue(database, actor="Anna", second_opinion=True) == []


def test_two_super_users_choosing_different_modules_is_a_visible_disagreement(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["unsure"].id, "navigering_installningar", "handhavande", "Anna")
    review.confirm_labels(database, t["unsure"].id, "behorighet_roller", "konfiguration", "Bertil")
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Anna")
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Bertil")
    found = disagreements(database)
    assert [d.ticket_id for d in found] == [t["unsure"].id]
    assert found[0].modules == {"Anna": "navigering_installningar", "Bertil": "behorighet_roller"}
    assert found[0].ticket.title == "Hittar inte listan"


def test_a_person_changing_their_own_mind_is_not_a_disagreement(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["unsure"].id, "navigering_installningar", "handhavande", "Anna")
    review.confirm_labels(database, t["unsure"].id, "behorighet_roller", "konfiguration", "Anna")
    assert disagreements(database) == []


def test_agreement_per_module_between_people_and_with_the_model(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["unsure"].id, "navigering_installningar", "handhavande", "Anna")  # = model
    review.confirm_labels(database, t["unsure"].id, "behorighet_roller", "konfiguration", "Bertil")  # != model
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Anna")  # = model
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Bertil")  # = model
    report = agreement_report(database)
    assert (report.human_pairs, report.human_pairs_agreed) == (2, 1)
    assert (report.model_decisions, report.model_agreed) == (4, 3)
    printer = report.modules["utskrift_hardvara"]
    assert (printer.pairs, printer.pairs_agreed, printer.human_agreement) == (1, 1, 1.0)
    assert (printer.chosen, printer.model_agreed, printer.model_agreement) == (2, 2, 1.0)
    navigation = report.modules["navigering_installningar"]
    assert (navigation.pairs, navigation.pairs_agreed, navigation.human_agreement) == (1, 0, 0.0)
    assert (navigation.suggested, navigation.chosen, navigation.model_agreed) == (2, 1, 1)
    assert report.modules["behorighet_roller"].model_agreement == 0.0


def test_undone_decisions_do_not_count_in_agreement(queue_db):
    database, t = queue_db
    review.confirm_labels(database, t["unsure"].id, "behorighet_roller", "konfiguration", "Anna")
    review.undo_last(database, "Anna")
    assert agreement_report(database).model_decisions == 0


def test_confirmations_since_training_count_up_undo_and_reset(queue_db):
    database, t = queue_db
    assert review.confirmations_since_training(database) == 0
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Anna")
    review.confirm_labels(database, t["middle"].id, "lakemedel", "fel", "Anna")
    assert review.confirmations_since_training(database) == 2
    review.undo_last(database, "Anna")
    assert review.confirmations_since_training(database) == 1
    review.reset_confirmations(database)
    assert review.confirmations_since_training(database) == 0
    review.undo_last(database, "Anna")  # a decision from before the training
    assert review.confirmations_since_training(database) == 0


def test_retrain_is_due_after_the_threshold_setting(queue_db):
    database, t = queue_db
    assert review.retrain_threshold(database) == review.DEFAULT_RETRAIN_THRESHOLD == 50
    review.set_retrain_threshold(database, 2)
    review.confirm_labels(database, t["sure"].id, "utskrift_hardvara", "fel", "Anna")
    assert not review.retrain_due(database)
    review.confirm_labels(database, t["middle"].id, "lakemedel", "fel", "Anna")
    assert review.retrain_due(database)
    with pytest.raises(BadInputError):
        review.set_retrain_threshold(database, 0)


def test_load_review_item_without_a_model_uses_the_stored_suggestion(queue_db):
    database, t = queue_db
    item = review.load_review_item(database, t["middle"].id)
    assert item.ticket.id == t["middle"].id
    assert item.suggestions == [] and item.suggested_kind == "handhavande" and item.similar == []
