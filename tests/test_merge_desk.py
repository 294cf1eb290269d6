"""A workstation's desk joins a shared desk (``elsdesk migrate --merge --to URL``) without losing anything.

The source is a local SQLite desk; the target (an SQLite file, or a PostgreSQL database on the
second backend) already has tickets ELS-000001..3 of its own. Every source ticket is added with
its labels (a guess stays a guess, a confirmation stays one), history and review decisions, the
numbers the target has are renumbered, known problems of the same name are joined; merging again
adds nothing, a dry run or a failure half-way leaves the target as it was.
"""

from __future__ import annotations

import os
from dataclasses import asdict

import pytest

from elsdesk.cli import main
from elsdesk.domain import NotAllowedError, Ticket, TicketFilter
from elsdesk.services import merge_desk as merging
from elsdesk.services.merge_desk import DESK_IDENTITY_SETTING, merge_desk
from elsdesk.services.migrate_desk import desk_checksums
from elsdesk.services.problems import link_ticket
from elsdesk.services.review import confirm_labels
from elsdesk.storage import TicketRepository, open_database
from elsdesk.storage.settings import SettingsRepository

_BACKENDS = os.environ.get("ELSDESK_TEST_BACKENDS")
needs_postgres = pytest.mark.skipif(bool(_BACKENDS) and "postgres" not in _BACKENDS,
                                    reason="ELSDESK_TEST_BACKENDS leaves PostgreSQL out")
PROBLEM = "Provsvar syns inte i BoS"
PASSWORD = "hemligt-1"


def _ticket(title: str, description: str, created_at: str, **labels) -> Ticket:
    return Ticket(title=title, description=description, created_at=created_at, unit="Avd 12 Medicin",
                  reporter_role="ssk", channel="telefon", priority="hog", status="pagar", **labels)


def _fill_source(path) -> None:
    """Three tickets: a model's guess, a super-user's confirmation (history and a decision), one linked
    to the known problem the target has too (its name typed in another case)."""
    with open_database(path) as source:
        repo = TicketRepository(source)
        with source.write():
            guessed = repo.insert(_ticket("Läkemedelslistan öppnas inte", "Tom lista för hen; [personnummer]",
                                          "2025-04-28T08:15:00", module="lakemedel", kind="fel",
                                          label_source="model", module_confidence=1 / 3, kind_confidence=0.8125,
                                          model_version="v1"))
            repo.record_label_diff(None, guessed, "model", "model:v1")
            confirmed = repo.insert(_ticket("Kan inte signera dos", "Pennan är grå i utdelningsvyn",
                                            "2025-04-28T09:30:00"))
            linked = repo.insert(_ticket("Provsvar syns inte", "Blodprover från i morse syns inte i BoS",
                                         "2025-04-29T10:00:00", module="bestallning_svar", kind="fel",
                                         label_source="intake"))
        confirm_labels(source, confirmed.id, "lakemedel", "handhavande", "Åsa Öberg",
                       suggested_by="v1", suggested_module="lakemedel", suggested_kind="fel")
        link_ticket(source, linked.id, PROBLEM.lower(), "Åsa Öberg")


def _fill_target(target) -> None:
    repo = TicketRepository(target)
    with target.write():
        for n in range(3):
            repo.insert(Ticket(title=f"Målets ärende {n + 1}", description="Skrivaren på IVA skriver inte ut",
                               created_at=f"2025-05-0{n + 1}T08:00:00", module="bestallning_svar", kind="fel",
                               label_source="intake"))
    link_ticket(target, repo.get_by_external_id("ELS-000002").id, PROBLEM, "Sven")


@pytest.fixture
def source_path(tmp_path):
    path = tmp_path / "avdelning.db"
    _fill_source(path)
    return path


@pytest.fixture
def target(db_target):
    with open_database(db_target) as database:
        _fill_target(database)
        yield database


def _by_title(database) -> dict[str, Ticket]:
    repo = TicketRepository(database)
    return {t.title: t for t in repo.fetch_many(repo.query_ids())}


def _history(database, ticket_id: int) -> list[tuple]:
    return database.query("SELECT field, old_value, new_value, actor, at, source, suggested_by, undone_at,"
                          " decision_id FROM label_history WHERE ticket_id = ? ORDER BY id", (ticket_id,))


def _decisions(database, ticket_id: int) -> list[tuple]:
    return database.query("SELECT id, actor, at, module, kind, old_module, old_kind, old_label_source,"
                          " suggested_module, suggested_kind, suggested_by, undone_at FROM review_decisions"
                          " WHERE ticket_id = ? ORDER BY id", (ticket_id,))


def _merge(source_path, target, **options):
    with open_database(source_path) as source:
        return merge_desk(source, target, **options)


def test_every_ticket_is_added_with_labels_history_decisions_and_problem_links(source_path, target):
    report = _merge(source_path, target)

    assert report.verified and report.tickets_added == 3
    assert report.renumbered == [("ELS-000001", "ELS-000004"), ("ELS-000002", "ELS-000005"),
                                 ("ELS-000003", "ELS-000006")]
    merged = _by_title(target)
    assert len(merged) == 6
    with open_database(source_path) as source:
        for title, original in _by_title(source).items():
            copy = merged[title]
            differing = {k for k in asdict(original) if getattr(original, k) != getattr(copy, k)}
            assert differing == {"id", "external_id"}, title  # every field but these (the problem's link: below)
            source_history, copied_history = _history(source, original.id), _history(target, copy.id)
            assert [row[:8] for row in copied_history] == [row[:8] for row in source_history]
            source_decisions, copied_decisions = _decisions(source, original.id), _decisions(target, copy.id)
            assert [row[1:] for row in copied_decisions] == [row[1:] for row in source_decisions]
            # a history row of a decision points at the copied decision, as the source's at its own
            decision_of = {s[0]: c[0] for s, c in zip(source_decisions, copied_decisions)}
            assert [row[8] for row in copied_history] == [decision_of.get(row[8]) for row in source_history]
    guess, confirmation = merged["Läkemedelslistan öppnas inte"], merged["Kan inte signera dos"]
    assert (guess.label_source, guess.model_version, guess.module_confidence) == ("model", "v1", 1 / 3)
    assert (confirmation.label_source, confirmation.module, confirmation.kind) == ("human", "lakemedel", "handhavande")
    assert _decisions(target, confirmation.id)[0][1] == "Åsa Öberg"
    assert {row[3] for row in _history(target, guess.id)} == {"model"}
    assert {(row[3], row[5]) for row in _history(target, confirmation.id)} == {("Åsa Öberg", "human")}
    problem_id = target.query("SELECT id FROM problems")  # the same problem: joined, not added
    assert len(problem_id) == 1 and report.problems_joined == [PROBLEM.lower()] and not report.problems_added
    links = dict(target.query("SELECT title, problem_id FROM tickets"))
    assert links["Provsvar syns inte"] == links["Målets ärende 2"] == problem_id[0][0]
    assert merged["Läkemedelslistan öppnas inte"].description == "Tom lista för hen; [personnummer]"
    assert report.masked_now == 0, "masked text is not masked again"
    found = TicketRepository(target).query_ids(TicketFilter(text="läkemedelslistan"))
    assert found == [guess.id], "the search index knows the merged tickets"


def test_merging_again_adds_nothing_and_later_tickets_are_added(source_path, target):
    _merge(source_path, target)
    after_first = desk_checksums(target)

    again = _merge(source_path, target)

    assert again.tickets_added == 0 and again.already_merged == 3 and not again.renumbered
    assert desk_checksums(target) == after_first
    with open_database(source_path) as source, source.write():
        TicketRepository(source).insert(_ticket("SITHS-kortet spärrat", "Fel PIN tre gånger", "2025-05-02T08:00:00"))
    third = _merge(source_path, target)
    assert third.tickets_added == 1 and third.already_merged == 3 and third.renumbered == [("ELS-000004", "ELS-000007")]
    assert len(_by_title(target)) == 7


def test_a_copy_of_the_merged_desk_file_adds_nothing(source_path, target, tmp_path):
    import shutil

    _merge(source_path, target)
    copy = tmp_path / "kopia.db"
    shutil.copy(source_path, copy)
    assert _merge(copy, target).tickets_added == 0


def test_dry_run_writes_nothing(source_path, target):
    before = desk_checksums(target)

    report = _merge(source_path, target, dry_run=True)

    assert report.dry_run and report.verified and report.tickets_added == 3
    assert desk_checksums(target) == before
    with open_database(source_path) as source:
        assert SettingsRepository(source).get(DESK_IDENTITY_SETTING) is None, "a dry run writes the source neither"
    with target.write():
        fresh = TicketRepository(target).insert(Ticket(title="Efter provkörningen", created_at="2025-05-09T08:00:00"))
    assert fresh.id == 4 and fresh.external_id == "ELS-000004"


def test_a_failure_half_way_leaves_the_target_as_it_was(source_path, target, monkeypatch):
    before = desk_checksums(target)

    def fail(self, history):
        raise RuntimeError("avbrott mitt i")

    monkeypatch.setattr(merging._Merge, "_add_history", fail)
    with pytest.raises(RuntimeError):
        _merge(source_path, target)

    assert desk_checksums(target) == before
    monkeypatch.undo()
    assert _merge(source_path, target).tickets_added == 3, "a run after the failure merges everything"


def test_rows_that_do_not_read_back_as_written_roll_back(source_path, target, monkeypatch):
    before = desk_checksums(target)
    real = merging._checksum
    calls = []

    def differing(rows):
        calls.append(1)
        digest, count = real(rows)
        return (digest if len(calls) % 2 else "0" * 64), count

    monkeypatch.setattr(merging, "_checksum", differing)
    with pytest.raises(merging.MergeError, match="tabellen tickets stämmer inte"):
        _merge(source_path, target)
    assert desk_checksums(target) == before


def test_a_problem_of_the_same_name_for_another_module_is_added_under_its_module(tmp_path, target):
    path = tmp_path / "annan.db"
    with open_database(path) as source:
        with source.write():
            ticket = TicketRepository(source).insert(_ticket("Armband skrivs inte ut", "ID-band kommer inte ut",
                                                             "2025-04-30T13:00:00", module="utskrift_hardvara",
                                                             kind="fel", label_source="intake"))
        link_ticket(source, ticket.id, PROBLEM, "Åsa")

    report = _merge(path, target)
    again = _merge(path, target)

    renamed = f"{PROBLEM} (utskrift_hardvara)"
    assert report.problems_added == [renamed] and report.problems_renamed == [(PROBLEM, renamed)]
    assert again.problems_joined == [PROBLEM] and not again.problems_added
    assert {row[0] for row in target.query("SELECT name FROM problems")} == {PROBLEM, renamed}


def test_an_identifier_an_old_desk_left_unmasked_is_masked_on_the_way(tmp_path, target):
    path = tmp_path / "gammal.db"
    with open_database(path) as source, source.write() as conn:
        conn.execute("INSERT INTO tickets (external_id, created_at, iso_week, updated_at, title, description)"
                     " VALUES ('G-1', '2025-04-28T08:00:00', '2025-W18', '2025-04-28T08:00:00', 'Ring tillbaka',"
                     " 'Patient 19121212-1212, ring 070-123 45 67')")

    report = _merge(path, target)

    stored = TicketRepository(target).get_by_external_id("G-1")
    assert report.masked_now == 2 and "19121212" not in stored.description and "[personnummer]" in stored.description
    assert stored.masked_count == 2


def test_the_same_ticket_imported_into_both_desks_is_not_added_twice(tmp_path, target):
    path = tmp_path / "samma.db"
    with open_database(path) as source, source.write():
        TicketRepository(source).insert(Ticket(external_id="ELS-000002", title="Annat ärende, samma nummer",
                                               created_at="2025-05-02T08:00:00"))
        TicketRepository(source).insert(Ticket(external_id="REG-77", title="Från regionens export",
                                               created_at="2025-05-03T08:00:00"))
    with target.write():
        TicketRepository(target).insert(Ticket(external_id="REG-77", title="Från regionens export",
                                               created_at="2025-05-03T08:00:00"))

    report = _merge(path, target)

    assert report.same_tickets == ["REG-77"] and report.renumbered == [("ELS-000002", "ELS-000005")]
    assert report.tickets_added == 1


def test_the_source_cannot_be_the_target(source_path, capsys):
    assert main(["--db", str(source_path), "migrate", "--merge", "--to", str(source_path)]) == 1
    assert "samma fil" in capsys.readouterr().err


def test_cli_lists_the_new_numbers_and_says_what_was_not_merged(source_path, db_target, capsys):
    with open_database(db_target) as database:
        _fill_target(database)
    capsys.readouterr()

    assert main(["--db", str(source_path), "migrate", "--merge", "--to", str(db_target)]) == 0

    out = capsys.readouterr().out
    assert "ärenden: 3 rader tillagda" in out and "  ELS-000001 → ELS-000004" in out
    assert "kända problem: 1 samma som i målet (provsvar syns inte i bos), 0 nya" in out
    assert "inställningar och modeller slogs inte ihop" in out
    assert "slog ihop 3 ärenden (3 med nya nummer), 4 rader etiketthistorik, 1 granskningsbeslut" in out
    assert main(["--db", str(source_path), "migrate", "--merge", "--to", str(db_target)]) == 0
    assert "inget nytt att slå ihop" in capsys.readouterr().out


@needs_postgres
def test_on_the_server_only_the_desks_owner_merges(source_path, pg_server, new_pg_database, capsys):
    url = new_pg_database()
    with open_database(url) as owner:
        _fill_target(owner)
        before = desk_checksums(owner)
    pg_server.create_login("merge_sven", PASSWORD, "elsdesk_superanvandare")
    as_sven = url.replace("postgres@", f"merge_sven:{PASSWORD}@")

    with open_database(as_sven) as database, pytest.raises(NotAllowedError, match="bara deskens ägare"):
        _merge(source_path, database)
    capsys.readouterr()
    assert main(["--db", str(source_path), "migrate", "--merge", "--to", as_sven]) == 3

    err = capsys.readouterr().err
    assert "bara deskens ägare får slå ihop" in err and "merge_sven" in err and "--to 'postgresql://postgres@" in err and "password" not in err
    with open_database(url) as owner:
        assert desk_checksums(owner) == before


@needs_postgres
def test_on_the_server_a_merge_sends_a_change_notice_and_moves_the_id_sequences(source_path, new_pg_database):
    from elsdesk.storage.postgres_backend import connect

    url = new_pg_database()
    listener = connect(url)
    try:
        listener.execute("LISTEN elsdesk_changes")
        with open_database(url) as target:
            _fill_target(target)
            list(listener.notifies(timeout=0.2))  # the target's own writes
            _merge(source_path, target)
            tables = {notice.payload for notice in listener.notifies(timeout=1, stop_after=20)}
            with target.write():
                later = TicketRepository(target).insert(Ticket(title="Efter", created_at="2025-05-09T08:00:00"))
        assert {"tickets", "label_history", "review_decisions"} <= tables
        assert later.id == 7 and later.external_id == "ELS-000007"
    finally:
        listener.close()


def _desk_with_incident(path, label: str, status: str, day: str) -> None:
    from elsdesk.storage.incidents import IncidentRepository

    with open_database(path) as source, source.write():
        repo = TicketRepository(source)
        ids = [repo.insert(_ticket(f"Armbandsskrivaren {n}", "Inga ID-band kommer ut", f"{day}T13:{10 * n:02d}:00")).id
               for n in range(3)]
        incidents = IncidentRepository(source)
        incident_id = incidents.create(label, f"{day}T13:00:00", f"{day}T13:20:00", f"{day}T14:00:00", ids)
        incidents.set_status(incident_id, status)


def test_incidents_come_along_with_their_status_or_join_the_targets_of_the_same_label_and_time(tmp_path, target):
    first, second = tmp_path / "forsta.db", tmp_path / "andra.db"
    _desk_with_incident(first, "Utskrift: armband", "confirmed", "2025-05-02")
    _desk_with_incident(second, "Utskrift: armband", "open", "2025-05-02")

    added = _merge(first, target)
    joined = _merge(second, target)

    assert (added.added["incidents"], added.added["incident_tickets"]) == (1, 3)
    assert (joined.added["incidents"], joined.incidents_joined, joined.added["incident_tickets"]) == (0, 1, 3)
    (incident_id, status), = target.query("SELECT id, status FROM incidents")
    assert status == "confirmed", "the person's decision stays"
    titles = {row[0] for row in target.query(
        "SELECT t.title FROM incident_tickets x JOIN tickets t ON t.id = x.ticket_id WHERE x.incident_id = ?",
        (incident_id,))}
    assert len(titles) == 3 and len(target.query("SELECT 1 FROM incident_tickets")) == 6


def test_a_missing_target_file_is_refused(source_path, tmp_path, capsys):
    assert main(["--db", str(source_path), "migrate", "--merge", "--to", str(tmp_path / "finns-inte.db")]) == 4  # no desk there (README: exit codes)
    assert "det finns ingen desk" in capsys.readouterr().err and not (tmp_path / "finns-inte.db").exists()


def test_links_taken_over_from_a_proposal_stay_marked_as_such(source_path, target):
    from elsdesk.storage.problems import ProblemRepository

    with open_database(source_path) as source:
        linked = TicketRepository(source).get_by_external_id("ELS-000003")
        problem_id = source.query("SELECT problem_id FROM tickets WHERE id = ?", (linked.id,))[0][0]
        with source.write() as conn:
            ProblemRepository(source).record_proposal_links(conn, "2025-W18", {linked.id: problem_id})

    _merge(source_path, target)

    copy = _by_title(target)["Provsvar syns inte"]
    target_problem = target.query("SELECT id FROM problems")[0][0]
    assert ProblemRepository(target).proposal_links(["2025-W18"]) == {"2025-W18": {copy.id: target_problem}}


def test_tickets_taken_out_of_a_known_problem_stay_out_after_a_merge(source_path, target):
    from elsdesk.storage.problems import ProblemRepository

    with open_database(source_path) as source:
        taken_out = TicketRepository(source).get_by_external_id("ELS-000003")
        with source.write() as conn:
            ProblemRepository(source).record_unlinked(conn, "2025-W18", [taken_out.id])

    _merge(source_path, target)

    copy = _by_title(target)["Provsvar syns inte"]
    assert ProblemRepository(target).unlinked_by_people(["2025-W18"]) == {copy.id}
