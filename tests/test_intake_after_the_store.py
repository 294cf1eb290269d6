"""A ticket stored is saved, whatever happens after the store (a shared-desk tester): the server went away between the
store and the incident scan, the form said "not saved", and the person's second save put the ticket on the desk twice."""

from __future__ import annotations

import pytest

from elsdesk.domain import DatabaseUnavailableError, Ticket
from elsdesk.services import intake
from elsdesk.services.intake import CLASSIFYING, SCANNING, take_in_ticket
from elsdesk.storage import TicketRepository


class _Model:
    def predict(self, rows):
        raise DatabaseUnavailableError("servern service=elsdesk svarar inte")


def test_a_step_after_the_store_that_fails_leaves_the_ticket_saved_and_says_which(memory_db, monkeypatch):
    def server_gone(*_args, **_kwargs):
        raise DatabaseUnavailableError("servern håller på att stängas av eller startas om")

    monkeypatch.setattr(intake, "scan_for_incidents", server_gone)
    monkeypatch.setattr(intake, "apply_predictions", server_gone)
    ticket = Ticket(created_at="2026-12-07T07:24:19", title="läkemedelslistan låst",
                    description="pat 19121212-1212 kan inte få sin dos")
    result = take_in_ticket(memory_db, ticket, "anna", classifier=(_Model(), {"version": "t1"}))
    assert set(result.left_undone) == {CLASSIFYING, SCANNING} and result.scan is None
    stored = TicketRepository(memory_db).get(result.ticket.id)
    assert stored.title == "läkemedelslistan låst" and "19121212" not in stored.description
    assert TicketRepository(memory_db).count() == 1


def test_a_failing_store_still_fails(memory_db, monkeypatch):
    def refused(*_args, **_kwargs):
        raise DatabaseUnavailableError("servern svarar inte")

    monkeypatch.setattr(intake, "log_ticket", refused)
    with pytest.raises(DatabaseUnavailableError):
        take_in_ticket(memory_db, Ticket(created_at="2026-12-07T07:24:19", title="x"), "anna")


def test_an_import_whose_server_goes_away_after_its_rows_prints_what_it_stored(tmp_path, capsys, monkeypatch):
    """A shared-desk tester stopped the server during three imports of 3,000 rows: each ended with exit 4 and one line
    saying the server did not answer, though all the rows were stored. The summary is printed, with what was not done
    and how to do it."""
    from conftest import sample_rows, write_jsonl
    from elsdesk.cli import main
    from elsdesk.services import classification, imports

    def server_gone(*_args, **_kwargs):
        raise DatabaseUnavailableError("servern service=elsdesk svarar inte")

    monkeypatch.setattr(imports, "scan_imported_span", server_gone)
    monkeypatch.setattr(classification, "apply_predictions", server_gone)
    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "t.jsonl", sample_rows(5)))]) == 4
    shown = capsys.readouterr()
    assert shown.out.startswith("nya: 5, uppdaterade: 0")
    assert ("sökningen efter incidenter gjordes inte (servern service=elsdesk svarar inte); ärendena är sparade, och"
            " 'elsdesk incidents --scan --from 2025-04-28' gör den när databasen svarar") in shown.out
    assert "deskens äldre omärkta ärenden klassades inte (servern service=elsdesk svarar inte)" in shown.err
    monkeypatch.undo()
    assert main(["--db", db, "import", str(tmp_path / "t.jsonl")]) == 0, "run again when the server is back"
    assert capsys.readouterr().out.startswith("nya: 0, uppdaterade: 0, oförändrade: 5")
