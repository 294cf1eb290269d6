"""Issue 9: roles the server enforces. Each app role is a PostgreSQL group role; each person a login.

The service layer words a refusal first; the server refuses the same writes on its own (GRANTs and
row-level security), which the raw-SQL tests below show by going around the services.
"""

from __future__ import annotations

import os

import pytest

from conftest import leave_a_step_behind, sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.domain import DatabaseUnavailableError, NotAllowedError
from elsdesk.services.imports import import_tickets
from elsdesk.services.review import confirm_labels, undo_last
from elsdesk.services.topic_edits import rename_topic
from elsdesk.services.topics import set_go_live, weekly_topics
from elsdesk.storage import TicketRepository, open_database
from elsdesk.storage.database import redacted
from shared_desk_people import desk_with_people

pytestmark = pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                                reason="PostgreSQL not wanted in this run")

PASSWORD = "hemligt-1"
PEOPLE = {
    "stod_anna": "elsdesk_stod",
    "super_sven": "elsdesk_superanvandare",
    "super_siv": "elsdesk_superanvandare",
    "lead_lena": "elsdesk_utbildning",
}


@pytest.fixture
def desk(pg_server, new_pg_database, tmp_path):
    """A desk with ten tickets, and a function that opens it as one of the people above."""
    return desk_with_people(pg_server, new_pg_database(), tmp_path, PEOPLE, PASSWORD, tickets=10)


def _first_id(database) -> int:
    return TicketRepository(database).query_ids()[0]


def test_the_role_comes_from_the_server_not_from_a_local_choice(desk):
    expected = {"stod_anna": "els_stod", "super_sven": "superanvandare", "lead_lena": "utbildningsansvarig"}
    for login, role in expected.items():
        with desk(login) as database:
            assert database.server_role() == role
            assert database.login_name() == login
    with open_database(desk.url) as owner:
        assert owner.server_role() == "agare"


def test_support_staff_log_and_import_but_cannot_confirm(desk, tmp_path):
    with desk("stod_anna") as database:
        report = import_tickets(database, write_jsonl(tmp_path / "more.jsonl", sample_rows(2, start=500)))
        assert report.new == 2
        with pytest.raises(NotAllowedError, match="superanvändare"):
            confirm_labels(database, _first_id(database), "lakemedel", "handhavande", "stod_anna")


def test_support_staffs_import_labels_are_intake_and_never_overwrite_a_confirmation(desk, tmp_path):
    """An ELS-stöd login's file may carry labels and problem names: its labels stand as intake
    labels (reviewed later), a super-user's confirmed labels stay, no known problem is made, and
    the history names the login, not "import"."""
    rows = sample_rows(2, start=700)
    with desk("super_sven") as database:
        import_tickets(database, write_jsonl(tmp_path / "confirmed.jsonl", rows))
    changed = [dict(row, module="kassa_avgifter", kind="onskemal", problem="Kassan strular") for row in rows]
    new = [dict(row, id=f"NY-{i}") for i, row in enumerate(sample_rows(2, start=800))]
    with desk("stod_anna") as database:
        report = import_tickets(database, write_jsonl(tmp_path / "relabel.jsonl", changed + new))
        repo = TicketRepository(database)
        kept = [repo.get_by_external_id(row["id"]) for row in rows]
        assert [(t.module, t.label_source) for t in kept] == [(row["module"], "human") for row in rows]
        fresh = [repo.get_by_external_id(row["id"]) for row in new]
        assert all(t.label_source == "intake" and t.module for t in fresh)
        assert database.query("SELECT count(*) FROM problems") == [(0,)]
        assert any("behölls" in w for _line, w in report.warnings) and any("kopplingen" in w for _line, w in report.warnings)
        actors = {row[0] for row in database.query(
            "SELECT actor FROM label_history WHERE ticket_id = ?", (fresh[0].id,))}
        assert actors == {"stod_anna"}


def test_the_server_refuses_a_confirmation_that_goes_around_the_services(desk):
    with desk("stod_anna") as database:
        ticket_id = _first_id(database)
        with pytest.raises(NotAllowedError, match="superanvändare"):
            with database.write() as conn:
                conn.execute("INSERT INTO review_decisions (ticket_id, actor, at, module) VALUES (?, ?, ?, ?)",
                             (ticket_id, "stod_anna", "2025-05-01T10:00:00", "lakemedel"))
        assert database.query("SELECT count(*) FROM review_decisions") == [(0,)]


def test_support_staff_cannot_store_or_activate_a_model(desk):
    with desk("stod_anna") as database:
        with pytest.raises(NotAllowedError):
            with database.write() as conn:
                conn.execute("INSERT INTO models (version, card, data, sha256, created_at) VALUES (?, ?, ?, ?, ?)",
                             ("x", "{}", b"\x00\x01", "0" * 64, "2025-05-01"))
        with pytest.raises(NotAllowedError):
            with database.write() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES ('active_model', 'x')"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value")


def test_cli_refuses_retraining_for_support_staff_with_exit_3(desk, capsys):
    url = desk.url.replace("postgres@", f"stod_anna:{PASSWORD}@")
    assert main(["--db", url, "train"]) == 3
    err = capsys.readouterr().err
    assert "superanvändare" in err.lower() and PASSWORD not in err
    assert main(["--db", url, "demo", "--tickets", "10"]) == 3


def test_super_user_confirms_and_undoes_only_their_own_decisions(desk):
    with desk("super_sven") as sven:
        ticket_id = _first_id(sven)
        decision = confirm_labels(sven, ticket_id, "lakemedel", "handhavande", "någon annan")
        assert decision.actor == "super_sven"  # the login, whatever name the screen passed
    with desk("super_siv") as siv:
        assert undo_last(siv, "super_siv") is None  # Siv has nothing of her own to undo
        with pytest.raises(NotAllowedError, match="ångra"):
            with siv.write() as conn:  # going around the service: row-level security hides Sven's row
                from elsdesk.storage.reviews import ReviewRepository

                ReviewRepository(siv).mark_undone(decision.id, "2025-05-01T11:00:00")
    with desk("super_sven") as sven:
        undone = undo_last(sven, "super_sven")
        assert undone is not None and undone.id == decision.id


def test_only_the_training_lead_sets_go_live_and_edits_topics(desk):
    with desk("stod_anna") as database:
        with pytest.raises(NotAllowedError, match="utbildningsansvarig"):
            set_go_live(database, "2025-04-23")
        with pytest.raises(NotAllowedError):
            with database.write() as conn:
                conn.execute("INSERT INTO settings (key, value) VALUES ('go_live', '2025-04-23')")
        report = weekly_topics(database, "2025-W18")  # reading the week's topics keeps its cache: allowed
    with desk("lead_lena") as lead:
        assert str(set_go_live(lead, "2025-04-23")) == "2025-04-23"
        for topic in report["topics"][:1]:
            rename_topic(lead, topic["id"], "Signera given dos")
    with desk("super_sven") as sven:
        with pytest.raises(NotAllowedError, match="utbildningsansvarig"):
            set_go_live(sven, "2025-04-24")


def test_a_normal_open_never_migrates_an_old_schema_and_db_upgrade_does(pg_server, capsys):
    from elsdesk.storage.migrations import MIGRATIONS

    name = "old_schema_desk"
    url = pg_server.create_database(name)
    try:
        with pytest.raises(DatabaseUnavailableError, match="db upgrade"):
            open_database(url)  # an empty database is not created by a normal start either
        leave_a_step_behind(url)
        with pytest.raises(DatabaseUnavailableError, match="db upgrade") as refused:
            open_database(url)
        advice = str(refused.value)  # a command IT can run as written: the owner's login, no password, no ***
        assert f"--db '{url.split('://')[0]}://postgres@" in advice and "***" not in advice
        assert main(["--db", url, "list"]) == 4
        assert main(["--db", url, "db", "upgrade"]) == 0
        with open_database(url) as database:
            assert database.schema_version() == len(MIGRATIONS)
    finally:
        pg_server.drop_database(name)


def test_a_schema_newer_than_this_version_is_refused(pg_server, new_pg_database):
    url = new_pg_database()
    with open_database(url) as owner:
        with owner.write() as conn:
            conn.execute("INSERT INTO schema_migrations (name, applied_at) VALUES ('999_from_the_future', 'x')")
    with pytest.raises(DatabaseUnavailableError, match="nyare"):
        open_database(url)


@pytest.mark.parametrize("encoding, why", [("SQL_ASCII", "teckenkodning SQL_ASCII, ska vara UTF8"),
                                           ("UTF8", "teckentyp (LC_CTYPE) C,")])
def test_a_database_that_cannot_fold_swedish_letters_is_refused_with_how_to_fix(pg_server, encoding, why):
    """The message names what is wrong (a UTF8 database with LC_CTYPE 'C' was told its encoding was) and
    the advice makes a database its owner can upgrade."""
    name = f"c_locale_desk_{encoding.lower()}"
    pg_server.admin(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING '{encoding}' LC_CTYPE 'C' LC_COLLATE 'C'")
    try:
        with pytest.raises(DatabaseUnavailableError, match="CREATE DATABASE elsdesk OWNER elsdesk_owner") as refused:
            open_database(pg_server.url(name), migrate_schema=True)
        assert why in str(refused.value) and "b'" not in str(refused.value)
    finally:
        pg_server.drop_database(name)


def test_passwords_never_reach_messages_or_logs():
    assert "s3cret" not in redacted("postgresql://anna:s3cret@db.region.se/elsdesk")
    assert "s3cret" not in redacted("host=db.region.se dbname=elsdesk password=s3cret")
    assert redacted("service=elsdesk") == "service=elsdesk"


def test_a_suggested_command_repeats_the_desk_without_its_password():
    """`train` told a super-user "gå tillbaka med: elsdesk --db postgresql://sven:svenpw@… models --rollback"."""
    from argparse import Namespace

    from elsdesk.cli import desk_option
    from elsdesk.storage.database import with_login, without_password

    assert without_password("postgresql://sven:s3cret@db.region.se:5432/elsdesk") == "postgresql://sven@db.region.se:5432/elsdesk"
    assert without_password("host=db dbname=elsdesk user=sven password=s3cret") == "host=db dbname=elsdesk user=sven"
    assert desk_option(Namespace(db="postgresql://sven:s3cret@db/elsdesk")) == " --db 'postgresql://sven@db/elsdesk'"
    assert desk_option(Namespace(db=None)) == ""
    assert with_login("postgresql://anna:s3cret@db/elsdesk", "elsdesk_owner") == "postgresql://elsdesk_owner@db/elsdesk"
    assert with_login("service=elsdesk user=anna", "elsdesk_owner") == "service=elsdesk user=elsdesk_owner"



def test_super_users_and_training_leads_curate_proposals_support_staff_do_not(desk):
    from elsdesk.services.problems import accept_proposal, reject_proposal

    with open_database(desk.url) as owner:
        proposals = [t for t in weekly_topics(owner, "2025-W18")["topics"] if t["status"] == "proposed"]
    assert proposals, "the sample week should hold a proposal"
    with desk("stod_anna") as database:
        with pytest.raises(NotAllowedError, match="superanvändare|utbildningsansvarig"):
            reject_proposal(database, proposals[0]["id"])
    with desk("super_sven") as database:  # the server lets a super-user link and close the proposal
        problem = accept_proposal(database, "2025-W18", proposals[0]["id"], "Signera given dos", "super_sven")
        assert problem.name == "Signera given dos"


@pytest.mark.parametrize("action, words", [("add_labels", "lägga till egna moduler och typer"), ("remove_demo", "ta bort demodata"),
                                           ("queue_settings", "granskningskön"),
                                           ("curate_problems", "koppla ärenden till dem")])  # a shared-desk tester's link
def test_a_refusal_names_the_action_that_was_refused(action, words):
    """labels --add said "får inte träna om", demo --remove "får inte lägga in demodata"."""
    from elsdesk.domain import NotAllowedError
    from elsdesk.services.permissions import require
    from elsdesk.services.profile import ELS_SUPPORT

    class SupportLogin:
        def server_roles(self):
            return (ELS_SUPPORT,)

    with pytest.raises(NotAllowedError, match=words):
        require(SupportLogin(), action)


def test_a_login_in_two_group_roles_may_do_what_either_may(desk, pg_server, capsys):
    """A shared-desk tester gave one login both elsdesk_superanvandare and elsdesk_utbildning, as a small region's
    super-user is often its training lead: it got the super-user's role alone, and setting go-live was refused."""
    from shared_desk_people import as_login

    pg_server.create_login("olle_dubbel", PASSWORD, "elsdesk_superanvandare")
    pg_server.admin("GRANT elsdesk_utbildning TO olle_dubbel")
    with desk("olle_dubbel") as olle:
        assert olle.server_roles() == ("superanvandare", "utbildningsansvarig")
        assert str(set_go_live(olle, "2025-04-23")) == "2025-04-23"  # the training lead's
        confirm_labels(olle, _first_id(olle), "lakemedel", "fel", "olle")  # the super-user's
    assert main(["--db", as_login(desk.url, "olle_dubbel", PASSWORD), "db", "status"]) == 0
    assert "inloggning: olle_dubbel, roller: Superanvändare, Utbildningsansvarig" in capsys.readouterr().out
    with desk("stod_anna") as anna:
        with pytest.raises(NotAllowedError, match=r"din roll \(ELS-stöd\) får inte ändra go-live-datumet"):
            set_go_live(anna, "2025-04-24")
