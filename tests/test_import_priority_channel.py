"""A service desk's export carries each ticket's priority, channel and escalation: an import reads them
(they were named among the columns not read, and every imported ticket showed priority Normal and no
channel). Values are read by the taxonomy's names and synonyms ("2 - Hög", "P1", "Mejl", "IT-support");
an unknown value is said once and leaves a stored ticket's value as it was; "Eskalerad till IT" in the
status column names the escalation. All data here is made up."""

from __future__ import annotations

import pytest

from elsdesk.importer import escalation_named_in
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository
from elsdesk.taxonomy import load_taxonomy

HEADER = "Ärendenr;Registrerad;Rubrik;Enhet;Kanal;Prioritet;Status;Eskalerad till"


def _export(path, rows: list[str], header: str = HEADER):
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _stored(database, external_id):
    return TicketRepository(database).get_by_external_id(external_id)


def test_priority_channel_and_escalation_columns_are_read(memory_db, tmp_path):
    report = import_tickets(memory_db, _export(tmp_path / "w.csv", [
        "P-1;2026-11-02 08:15;Armbandsskrivaren skriver tomma armband;Avd 12;Telefon;2 - Hög;Eskalerad;IT-support",
        "P-2;2026-11-02 09:15;Hur kvitterar jag given dos;Avd 14;Mejl;P3;Ny;Nej",
        "P-3;2026-11-02 10:15;Cosmic står still på akuten;Akm;Rond;Kritisk;Pågår;",
    ]))
    assert report.new == 3 and not report.warnings and not report.rejected
    read = {tid: _stored(memory_db, tid) for tid in ("P-1", "P-2", "P-3")}
    assert [(t.channel, t.priority, t.escalation) for t in read.values()] == [
        ("telefon", "hog", "it"), ("epost", "normal", None), ("els_rond", "akut", None)]


def test_an_unknown_value_is_said_once_with_the_values_read(memory_db, tmp_path):
    rows = [f"U-{i};2026-11-03 08:0{i};Fråga {i};Avd 3;Chatt;Superviktig;Ny;" for i in range(3)]
    report = import_tickets(memory_db, _export(tmp_path / "u.csv", rows))
    assert report.new == 3
    said = sorted(text for _line, text in report.warnings)
    assert len(said) == 2
    assert said[0].startswith("okänt värde för kanal: 'Chatt' på 3 rader") and "Telefon, Besök, ELS-rond, E-post" in said[0]
    assert said[1].startswith("okänt värde för prioritet: 'Superviktig' på 3 rader") and "Låg, Normal, Hög, Akut" in said[1]
    ticket = _stored(memory_db, "U-0")
    assert (ticket.channel, ticket.priority) == (None, "normal")


def test_a_reimport_changes_the_priority_and_an_unknown_value_keeps_the_stored_one(memory_db, tmp_path):
    import_tickets(memory_db, _export(tmp_path / "a.csv", ["R-1;2026-11-04 08:00;Etiketten saknar Lid-nr;Lab;Besök;Låg;Ny;"]))
    import_tickets(memory_db, _export(tmp_path / "b.csv", ["R-1;2026-11-04 08:00;Etiketten saknar Lid-nr;Lab;Besök;Akut;Eskalerad;Cambio"]))
    ticket = _stored(memory_db, "R-1")
    assert (ticket.priority, ticket.status, ticket.escalation) == ("akut", "eskalerad", "cambio")
    report = import_tickets(memory_db, _export(tmp_path / "c.csv", ["R-1;2026-11-04 08:00;Etiketten saknar Lid-nr;Lab;Fax;Vet ej;Eskalerad;Kollegan"]))
    assert len(report.warnings) == 3  # channel, priority and escalation each named
    ticket = _stored(memory_db, "R-1")
    assert (ticket.channel, ticket.priority, ticket.escalation) == ("besok", "akut", "cambio")


def test_a_file_without_these_columns_leaves_a_stored_ticket_s_values(memory_db, tmp_path):
    import_tickets(memory_db, _export(tmp_path / "a.csv", ["K-1;2026-11-05 08:00;Remissen fastnar;Vc Norr;E-post;Hög;Ny;"]))
    import_tickets(memory_db, _export(tmp_path / "b.csv", ["K-1;2026-11-05 08:00;Remissen fastnar;Löst"],
                                      header="Ärendenr;Registrerad;Rubrik;Status"))
    ticket = _stored(memory_db, "K-1")
    assert (ticket.channel, ticket.priority, ticket.status) == ("epost", "hog", "lost")


def test_the_status_names_the_escalation_when_no_column_does(memory_db, tmp_path):
    header = "Ärendenr;Registrerad;Rubrik;Status"
    import_tickets(memory_db, _export(tmp_path / "s.csv", [
        "S-1;2026-11-06 08:00;Ordinationen går inte att spara;Eskalerad till Cambio",
        "S-2;2026-11-06 08:05;Mall saknas för inskrivning;Eskalerad (förvaltningen)",
        "S-3;2026-11-06 08:10;Skannern hittas inte;Eskalerad",
        "S-4;2026-11-06 08:15;Vårdplanen försvann;Eskalerad till kollegan Testsson",
    ], header=header))
    assert [_stored(memory_db, t).escalation for t in ("S-1", "S-2", "S-3", "S-4")] == ["cambio", "regional", None, None]
    assert all(_stored(memory_db, t).status == "eskalerad" for t in ("S-1", "S-2", "S-3", "S-4"))


def test_an_escalation_column_wins_over_the_status_text(memory_db, tmp_path):
    import_tickets(memory_db, _export(tmp_path / "w.csv", ["W-1;2026-11-07 08:00;Pascal svarar inte;Avd 7;;;Eskalerad till Cambio;IT"]))
    assert _stored(memory_db, "W-1").escalation == "it"


@pytest.mark.parametrize("status, escalation", [
    ("Eskalerad till IT", "it"), ("Eskalerad till leverantör", "cambio"), ("Escalated to vendor", "cambio"),
    ("Eskalerad (Systemförvaltning)", "regional"), ("Eskalerad (till Cambio)", "cambio"), ("Eskalerad", None), ("Eskalerad till kollegan", None),
])
def test_escalation_named_in_a_status(status, escalation):
    assert escalation_named_in(status, load_taxonomy()) == escalation


def test_a_desk_s_usual_words_for_a_module_and_a_kind_are_read(memory_db, tmp_path):
    """A training lead's export: kind "behörighet" (6 rows) and modules "LM" and "NEWS" were ignored with a warning."""
    header = "Ärendenr;Registrerad;Rubrik;Modul;Typ"
    report = import_tickets(memory_db, _export(tmp_path / "m.csv", [
        "M-1;2026-11-09 08:00;Ny ssk saknar roll på avd 5;Behörighet;Behörighet",
        "M-2;2026-11-09 08:10;Kan inte ge vid behov;LM;Fråga",
        "M-3;2026-11-09 08:20;Syrgas ger inga poäng;NEWS;Fel"], header=header))
    assert not report.warnings
    read = [_stored(memory_db, t) for t in ("M-1", "M-2", "M-3")]
    assert [(t.module, t.kind) for t in read] == [("behorighet_roller", "konfiguration"), ("lakemedel", "handhavande"),
                                                 ("omvardnad_matvarden", "fel")]
