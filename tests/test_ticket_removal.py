"""A ticket logged by mistake (twice, on the wrong desk, or holding a patient's details) can be removed:
by a super-user or the owner, with its label history, review decisions and incident links, its week's
topics worked out again without it; the CLI and the window name the ticket and ask first."""

from __future__ import annotations

import io
import os

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.domain import BadInputError, NotFoundError, TicketFilter
from elsdesk.gui.main_window import MainWindow
from elsdesk.services.imports import import_tickets
from elsdesk.services.profile import ELS_SUPPORT, SUPER_USER, Profile, save_profile
from elsdesk.services.review import confirm_labels
from elsdesk.services.ticket_removal import remove_logged_by_mistake, ticket_by_number
from elsdesk.storage import TicketRepository, open_database
from elsdesk.storage.incidents import IncidentRepository
from elsdesk.storage.topics import RegisteredTopic, TopicRepository, TopicWeek

TWICE = {"id": "ELS-000013", "created_at": "2025-04-29T09:00:00", "title": "Skrivaren på avd 12 skriver inte ut armband",
         "description": "Loggat två gånger av misstag.", "module": "utskrift_hardvara", "kind": "fel"}
OTHER = {"id": "ELS-000014", "created_at": "2025-04-29T09:05:00", "title": "Skrivaren på avd 12 skriver inte ut armband",
         "description": "Armbandsskrivaren ger felkod.", "module": "utskrift_hardvara", "kind": "fel"}


def _desk(database, tmp_path):
    import_tickets(database, write_jsonl(tmp_path / "t.jsonl", sample_rows(4) + [TWICE, OTHER]))
    repo = TicketRepository(database)
    return repo.get_by_external_id("ELS-000013"), repo.get_by_external_id("ELS-000014")


def test_a_removed_ticket_takes_what_hangs_on_it_and_leaves_the_rest(memory_db, tmp_path):
    twice, other = _desk(memory_db, tmp_path)
    confirm_labels(memory_db, twice.id, "utskrift_hardvara", "fel", "Siv")
    incidents, topics = IncidentRepository(memory_db), TopicRepository(memory_db)
    week = twice.iso_week
    with memory_db.write():
        alone = incidents.create("Bara den", twice.created_at, twice.created_at, twice.created_at, [twice.id])
        shared = incidents.create("Skrivarstopp", twice.created_at, twice.created_at, twice.created_at,
                                  [twice.id, other.id])
        topics.save_registered(RegisteredTopic("armband", "utskrift_hardvara", "Armbandsskrivare", {"armband": 1.0},
                                               week, week))
        topics.replace_week(week, [TopicWeek("armband", week, 2, [twice.id, other.id], {})])
    assert TicketRepository(memory_db).query_ids(TicketFilter(text="loggat"))

    assert remove_logged_by_mistake(memory_db, [twice.id]) == 1

    repo = TicketRepository(memory_db)
    assert repo.get_by_external_id("ELS-000013") is None and repo.count() == 5
    assert repo.label_history(other.id), "the other tickets keep their history"
    for table in ("label_history", "review_decisions", "incident_tickets"):
        assert memory_db.query(f"SELECT count(*) FROM {table} WHERE ticket_id = ?", (twice.id,)) == [(0,)]
    assert [i.id for i in incidents.list_incidents(None)] == [shared]
    assert incidents.ticket_ids(shared) == (other.id,) and alone != shared
    assert not topics.has_week(week), "the week's topics are worked out again without it"
    assert topics.get("armband") is not None, "a topic's registration (its name, agenda pick) stays"
    assert repo.query_ids(TicketFilter(text="loggat")) == [], "search no longer finds it"
    assert remove_logged_by_mistake(memory_db, [twice.id]) == 0, "a ticket already gone is no error"


def test_a_topic_made_of_removed_tickets_alone_goes_with_its_name(memory_db, tmp_path):
    """A privacy tester: a removed ticket's patient name stayed as the name of its topic (topic_registry)."""
    twice, other = _desk(memory_db, tmp_path)
    topics, week = TopicRepository(memory_db), twice.iso_week
    with memory_db.write():
        topics.save_registered(RegisteredTopic("namn", "utskrift_hardvara", "Patientens namn är Anna Testsson",
                                               {"ann_testsson": 1.0}, week, week))
        topics.replace_week(week, [TopicWeek("namn", week, 2, [twice.id, other.id], {})])

    assert remove_logged_by_mistake(memory_db, [twice.id, other.id]) == 2

    assert topics.get("namn") is None
    assert not memory_db.query("SELECT 1 FROM topic_registry WHERE label LIKE '%Testsson%'")


def test_a_known_problem_made_by_removed_tickets_alone_goes_unless_people_wrote_on_it(memory_db, tmp_path):
    """A privacy officer's import made the known problem "Signera dos för Leila Testsson" from one ticket's problem
    column; removing that ticket as logged by mistake left the problem with the name."""
    from elsdesk.storage.problems import ProblemRepository

    rows = [dict(TWICE, problem="Armband för Leila Testsson"), dict(OTHER, problem="Armbandsskrivaren ger felkod"),
            dict(sample_rows(1)[0], problem="Armbandsskrivaren ger felkod")]
    import_tickets(memory_db, write_jsonl(tmp_path / "p.jsonl", rows))
    repo, problems = TicketRepository(memory_db), ProblemRepository(memory_db)
    twice, other = repo.get_by_external_id("ELS-000013"), repo.get_by_external_id("ELS-000014")
    (lone,), (shared,) = (memory_db.query("SELECT problem_id FROM tickets WHERE id = ?", (t.id,))[0]
                          for t in (twice, other))
    with memory_db.write() as conn:  # a problem people wrote a workaround for stays, though its tickets go
        conn.execute("UPDATE problems SET workaround = 'Starta om skrivaren' WHERE id = ?", (shared,))

    assert remove_logged_by_mistake(memory_db, [twice.id]) == 1
    assert problems.get(lone) is None
    assert not memory_db.query("SELECT 1 FROM problems WHERE name LIKE '%Testsson%'")
    assert problems.get(shared) is not None, "a problem with other tickets stays"
    assert remove_logged_by_mistake(memory_db, [other.id, repo.get_by_external_id("T-00001").id]) == 2
    assert problems.get(shared) is not None, "a problem people wrote on stays without tickets"


def test_a_typed_number_names_one_ticket_or_says_why_not(memory_db, tmp_path):
    twice, _other = _desk(memory_db, tmp_path)
    assert ticket_by_number(memory_db, "els-000013").id == twice.id
    assert ticket_by_number(memory_db, " 13 ").id == twice.id, "the digits a single ticket's number ends in"
    with pytest.raises(NotFoundError, match="ELS-999"):
        ticket_by_number(memory_db, "ELS-999")
    import_tickets(memory_db, write_jsonl(tmp_path / "more.jsonl", [dict(OTHER, id="INC-13")]))
    with pytest.raises(BadInputError, match="flera ärenden.*ELS-000013.*INC-13|flera ärenden.*INC-13.*ELS-000013"):
        ticket_by_number(memory_db, "13")
    with pytest.raises(BadInputError, match="ärendenummer"):
        ticket_by_number(memory_db, "  ")


def test_cli_delete_shows_the_tickets_and_removes_them_only_when_confirmed(db_path, tmp_path, capsys, monkeypatch):
    with open_database(db_path) as database:
        _desk(database, tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # a script: no terminal to answer on
    with pytest.raises(SystemExit) as exit_info:  # usage: exit 2 (elsdesk.cli_errors)
        main(["--db", str(db_path), "delete", "ELS-000013"])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert "ELS-000013" in captured.out and "Skrivaren på avd 12" in captured.out and "--yes" in captured.err

    assert main(["--db", str(db_path), "delete", "ELS-000013", "els-000014", "--yes"]) == 0
    assert "2 ärenden borttagna" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--db", str(db_path), "delete", "ELS-000013", "--yes"])
    assert "inget ärende har numret ELS-000013" in capsys.readouterr().err
    with open_database(db_path) as database:
        assert TicketRepository(database).count() == 4


def test_cli_delete_asks_on_a_terminal_and_keeps_the_ticket_on_no(db_path, tmp_path, capsys, monkeypatch):
    with open_database(db_path) as database:
        _desk(database, tmp_path)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for answer, left in (("n\n", 6), ("j\n", 5)):
        monkeypatch.setattr("sys.stdin", Terminal(answer))
        assert main(["--db", str(db_path), "delete", "13"]) == 0
        with open_database(db_path) as database:
            assert TicketRepository(database).count() == left
    out = capsys.readouterr().out
    assert "inget togs bort" in out and "1 ärende borttaget" in out


# -- the window ----------------------------------------------------------------------------------
def open_window(qtbot, tmp_path, rows: list[dict], role: str) -> MainWindow:
    """The window, as Siv with *role*, over a new desk of *rows*, its list loaded."""
    path = tmp_path / "window.db"
    with open_database(path) as database:
        import_tickets(database, write_jsonl(tmp_path / "window.jsonl", rows))
    save_profile(Profile("Siv Test", role))
    window = MainWindow(path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(
        lambda: w.runner.running() == 0 and (w.review_view is None or w.review_view.is_idle()), timeout=60_000))
    with qtbot.waitActive(window):
        window.show()
    qtbot.waitUntil(lambda: not window.list_view.is_loading() and window.model.rowCount() == len(rows), timeout=30_000)
    return window


def _window(qtbot, tmp_path, role: str) -> MainWindow:
    return open_window(qtbot, tmp_path, sample_rows(4) + [TWICE, OTHER], role)


def _click(box, text):
    next(b for b in box.buttons() if b.text() == text).click()


def test_a_super_user_removes_the_marked_ticket_after_a_question(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, SUPER_USER)
    twice_id = window.repo.get_by_external_id("ELS-000013").id
    window.list_view.select_ticket(twice_id)
    box = window.remove_current_ticket()
    assert "ELS-000013" in box.text() and "Skrivaren på avd 12" in box.text()
    assert box.defaultButton().text() == "Avbryt", "Enter does not remove"
    _click(box, "Avbryt")
    assert window.progress.isHidden() and window.repo.count() == 6

    window.list_view.setFocus(Qt.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.list_view)
    qtbot.keyClick(window.list_view, Qt.Key_Delete)  # the list's Delete asks the same question
    qtbot.waitUntil(lambda: any("ELS-000013" in w.text() for w in _questions()))
    box = next(w for w in _questions() if "ELS-000013" in w.text())
    with qtbot.waitSignal(window.tickets_removed, timeout=30_000) as removed:
        _click(box, "Ta bort ärendet")
    assert removed.args[0] == [twice_id]
    qtbot.waitUntil(lambda: window.model.rowCount() == 5 and not window.list_view.is_loading(), timeout=30_000)
    assert window.repo.get_by_external_id("ELS-000013") is None
    assert "ELS-000014" in [window.model.ticket_at(r).external_id for r in range(5)]


def _questions():
    from PySide6.QtWidgets import QMessageBox

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_support_staff_are_not_offered_the_removal_and_delete_in_the_search_box_removes_nothing(qtbot, tmp_path):
    window = _window(qtbot, tmp_path, ELS_SUPPORT)
    window.list_view.selectRow(0)
    assert not window.remove_ticket_action.isEnabled()
    assert window.remove_current_ticket() is None
    search = window.filter_bar.search_edit
    search.setText("armband")
    search.setFocus(Qt.OtherFocusReason)
    search.setCursorPosition(0)
    qtbot.keyClick(search, Qt.Key_Delete)
    assert search.text() == "rmband" and not _questions()
    assert window.repo.count() == 6


# -- a shared desk: the server keeps removal to super-users ------------------------------------------
@pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                    reason="PostgreSQL not wanted in this run")
def test_on_a_shared_desk_only_a_super_user_removes_and_the_server_says_the_same(pg_server, new_pg_database, tmp_path):
    from elsdesk.domain import NotAllowedError
    from shared_desk_people import desk_with_people

    desk = desk_with_people(pg_server, new_pg_database(), tmp_path, {"stod_anna": "elsdesk_stod",
                            "super_sven": "elsdesk_superanvandare"}, "hemligt-1", tickets=3)
    with open_database(desk.url) as owner:
        twice, other = _desk(owner, tmp_path)
        with owner.write():
            IncidentRepository(owner).create("Skrivarstopp", twice.created_at, twice.created_at, twice.created_at,
                                             [twice.id])
    with desk("super_sven") as sven:
        confirm_labels(sven, other.id, "utskrift_hardvara", "fel", "super_sven")
    with desk("stod_anna") as anna:
        with pytest.raises(NotAllowedError, match="superanvändare"):
            remove_logged_by_mistake(anna, [twice.id])
        with pytest.raises(NotAllowedError):  # around the services, the server refuses too
            with anna.write() as conn:
                conn.execute("DELETE FROM tickets WHERE id = ?", (twice.id,))
    with desk("super_sven") as sven:
        assert remove_logged_by_mistake(sven, [twice.id, other.id]) == 2, "also a ticket another person confirmed"
        assert IncidentRepository(sven).list_incidents(None) == []
        assert sven.query("SELECT count(*) FROM review_decisions") == [(0,)]


# -- what a removal leaves: numbers not given again, incidents spanning what is left, no stale links ----------
def _log(database, title: str):
    from elsdesk.domain import Ticket
    from elsdesk.services.tickets import log_ticket

    return log_ticket(database, Ticket(title=title, description="", created_at="2025-04-29T10:00:00"))[0]


def test_a_removed_tickets_number_is_never_given_again(memory_db, tmp_path):
    """A tester on a local desk: ELS-000002 removed, and the next ticket logged was ELS-000002 again (an id
    and a number already quoted in a mail now named another ticket)."""
    first, second = _log(memory_db, "Första"), _log(memory_db, "Andra")
    assert remove_logged_by_mistake(memory_db, [second.id]) == 1
    third = _log(memory_db, "Tredje")
    assert third.external_id != second.external_id and third.id > second.id
    import_tickets(memory_db, write_jsonl(tmp_path / "more.jsonl", sample_rows(2, start=900)))
    assert min(t.id for t in TicketRepository(memory_db).iter_tickets() if t.external_id.startswith("T-")) > third.id
    assert remove_logged_by_mistake(memory_db, [third.id]) == 1
    rows = sample_rows(2, start=950)
    import_tickets(memory_db, write_jsonl(tmp_path / "again.jsonl", rows))
    repo = TicketRepository(memory_db)
    assert all(repo.get_by_external_id(row["id"]).id > third.id for row in rows), "an import too"
    assert repo.query_ids(TicketFilter(text=rows[0]["title"].split()[0])), "and its search index is filled"


def test_an_incident_spans_the_tickets_it_has_left_and_take_over_links_forget_a_removed_ticket(memory_db, tmp_path):
    import json as json_module

    from elsdesk.storage.problems import PROPOSAL_LINKS_KEY

    twice, other = _desk(memory_db, tmp_path)
    repo = TicketRepository(memory_db)
    later = repo.get_by_external_id("T-00003")
    incidents = IncidentRepository(memory_db)
    with memory_db.write() as conn:
        incident = incidents.create("Skrivarstopp", twice.created_at, later.created_at, twice.created_at,
                                    [twice.id, other.id, later.id])
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)",
                     (PROPOSAL_LINKS_KEY.format(week=twice.iso_week), json_module.dumps({str(twice.id): 1, str(other.id): 1})))
    remove_logged_by_mistake(memory_db, [twice.id])
    kept = incidents.get(incident)
    assert (kept.first_at, kept.last_at) == (min(other.created_at, later.created_at), max(other.created_at, later.created_at))
    links = memory_db.query("SELECT value FROM settings WHERE key = ?", (PROPOSAL_LINKS_KEY.format(week=twice.iso_week),))
    assert json_module.loads(links[0][0]) == {str(other.id): 1}


def test_cli_delete_calls_an_unclear_number_a_usage_error(db_path, tmp_path, capsys):
    with open_database(db_path) as database:
        _desk(database, tmp_path)
        import_tickets(database, write_jsonl(tmp_path / "more.jsonl", [dict(OTHER, id="INC-13")]))
    for number in ("13", " "):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", str(db_path), "delete", number, "--yes"])
        assert exit_info.value.code == 2
    assert "flera ärenden" in capsys.readouterr().err


def test_a_removed_ticket_is_not_brought_back_by_the_next_import(memory_db, tmp_path):
    """A nightly import of the service desk's export brought a ticket removed as logged by mistake back, with the
    patient's details it was removed for (a CLI tester)."""
    from elsdesk.services.imports import import_tickets
    from elsdesk.services.ticket_removal import remove_logged_by_mistake, ticket_by_number

    rows = [{"id": f"SD-{n}", "created_at": "2026-11-02 08:00", "title": f"Kan inte signera dos {n}"} for n in (1, 2)]
    nightly = write_jsonl(tmp_path / "nightly.jsonl", rows)
    import_tickets(memory_db, nightly)
    remove_logged_by_mistake(memory_db, [ticket_by_number(memory_db, "SD-2").id])
    again = import_tickets(memory_db, nightly)
    assert (again.new, again.unchanged, again.removed_before) == (0, 1, 1)
    (line, said), = again.warnings
    assert line == 2 and said.startswith("ärende SD-2 togs bort ur desken 20") and "läses inte in igen" in said
    assert TicketRepository(memory_db).get_by_external_id("SD-2") is None


def test_the_demo_s_removal_leaves_its_numbers_free(memory_db):
    from elsdesk.storage.removal import remove_tickets, removed_numbers

    with memory_db.write() as conn:
        conn.execute("INSERT INTO tickets (title, created_at, updated_at, external_id, iso_week, status, priority,"
                     " version) VALUES ('x', '2026-11-02T08:00:00', '2026-11-02T08:00:00', 'DEMO-1', '2026-W45', 'ny',"
                     " 'normal', 1)")
        ticket_id = conn.execute("SELECT id FROM tickets WHERE external_id = 'DEMO-1'").fetchone()[0]
        remove_tickets(conn, [ticket_id], numbers_stay_taken=False)
        assert removed_numbers(conn, ["DEMO-1"]) == {}
