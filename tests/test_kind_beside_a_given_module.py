"""A ticket a person gave a module but no kind gets the model's kind as a guess (a scripting tester's finding).

A region's export often has a module (category) column and no kind: before, such tickets stayed without
a kind for good (no topic kind, nothing for the agenda). Now the model guesses the kind beside the
person's module; the label history says the model set it, and a retrain never learns from that guess.
"""

from __future__ import annotations

from elsdesk.domain import HUMAN, INTAKE, MODEL, Ticket
from elsdesk.ml.model import Prediction
from elsdesk.services.classification import apply_predictions
from elsdesk.services.imports import import_tickets
from elsdesk.services.intake import take_in_ticket
from elsdesk.services.review import confirm_labels
from elsdesk.services.training_data import labelled_rows
from elsdesk.storage import TicketRepository


class _FixedModel:
    """Suggests one module and one kind for every ticket."""

    def __init__(self, module="lakemedel", kind="fel"):
        self.module, self.kind = module, kind

    def predict(self, rows):
        return [Prediction(self.module, 0.9, self.kind, 0.7, [(self.module, 0.9)]) for _ in rows]


def _csv(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def _import_module_only(database, tmp_path):
    path = _csv(tmp_path / "region.csv", "Ärendenummer;Rubrik;Datum;Modul;Ärendetyp\n"
                "MK-1;Kan ej signera dosen;2026-11-03 10:00;Journal;\n"
                "MK-2;Hur bokar jag om;2026-11-03 11:00;Journal;Handhavande\n")
    import_tickets(database, path)
    return TicketRepository(database)


def test_an_imported_module_without_kind_gets_the_models_kind_and_keeps_the_module(memory_db, tmp_path):
    repo = _import_module_only(memory_db, tmp_path)
    assert repo.get_by_external_id("MK-1").kind is None

    assert apply_predictions(memory_db, _FixedModel(), {"version": "t1"}) == 1  # MK-2 has both: nothing to guess

    guessed = repo.get_by_external_id("MK-1")
    assert (guessed.module, guessed.kind, guessed.label_source) == ("journal_dokumentation", "fel", HUMAN)
    assert guessed.kind_confidence == 0.7
    last_kind = [h for h in repo.label_history(guessed.id) if h.field == "kind"][-1]
    assert last_kind.source == "model:t1" and (last_kind.old, last_kind.new) == (None, "fel")
    given = repo.get_by_external_id("MK-2")
    assert (given.module, given.kind, given.kind_confidence) == ("journal_dokumentation", "handhavande", None)
    assert apply_predictions(memory_db, _FixedModel(kind="fel"), {"version": "t1"}) == 0  # this version: once


def test_a_new_model_guesses_the_kind_again_until_a_person_sets_it(memory_db, tmp_path):
    """A guess was the model of that day's for good: a retrained model, which learnt from the region's confirmed
    tickets, never looked at it again."""
    repo = _import_module_only(memory_db, tmp_path)
    apply_predictions(memory_db, _FixedModel(kind="fel"), {"version": "t1"})
    assert apply_predictions(memory_db, _FixedModel(kind="onskemal"), {"version": "t2"}) == 1
    guessed = repo.get_by_external_id("MK-1")
    assert (guessed.module, guessed.kind, guessed.label_source) == ("journal_dokumentation", "onskemal", HUMAN)
    last_kind = [h for h in repo.label_history(guessed.id) if h.field == "kind"][-1]
    assert (last_kind.source, last_kind.old, last_kind.new) == ("model:t2", "fel", "onskemal")
    assert apply_predictions(memory_db, _FixedModel(kind="fel"), {"version": "t2"}) == 0  # once per version
    assert repo.get_by_external_id("MK-2").kind == "handhavande"  # the file's kind is a person's: never guessed

    confirm_labels(memory_db, guessed.id, "journal_dokumentation", "onskemal", "Sven")  # now a person's kind
    assert apply_predictions(memory_db, _FixedModel(kind="fel"), {"version": "t3"}) == 0
    assert repo.get_by_external_id("MK-1").kind == "onskemal"


def test_a_retrain_never_learns_the_guessed_kind_but_learns_a_persons(memory_db, tmp_path):
    repo = _import_module_only(memory_db, tmp_path)
    apply_predictions(memory_db, _FixedModel(), {"version": "t1"})
    rows = {r["external_id"]: r for r in labelled_rows(memory_db)}
    assert (rows["MK-1"]["module"], rows["MK-1"]["kind"]) == ("journal_dokumentation", None)  # the module is a person's: learnt
    assert rows["MK-2"]["kind"] == "handhavande"

    ticket = repo.get_by_external_id("MK-1")
    confirm_labels(memory_db, ticket.id, "journal_dokumentation", "fel", "Sven")  # a super-user takes the guess: now a person's
    assert {r["external_id"]: r for r in labelled_rows(memory_db)}["MK-1"]["kind"] == "fel"


def test_a_ticket_logged_with_a_module_only_gets_the_models_kind(memory_db):
    ticket = Ticket(created_at="2026-11-03T10:00:00", title="Utdelningsvyn visar fel dos",
                    description="Dosen i vyn stämmer inte.", module="lakemedel")
    result = take_in_ticket(memory_db, ticket, "ELS-stöd", classifier=(_FixedModel(kind="fel"), {"version": "t1"}))
    stored = TicketRepository(memory_db).get(result.ticket.id)
    assert (stored.module, stored.kind, stored.label_source) == ("lakemedel", "fel", INTAKE)
    assert stored.label_source != MODEL
