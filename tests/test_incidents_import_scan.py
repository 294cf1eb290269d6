"""An import scans the whole time span of the tickets it stored for possible incidents and says so
(tester's finding 1: a week imported on Friday never had Tuesday's outage checked)."""

from __future__ import annotations

from datetime import datetime, timedelta

from conftest import write_jsonl
from test_incidents_import_outage import FROZEN, HOURGLASS, NOT_RESPONDING

from elsdesk.corpus import load_seed_corpus
from elsdesk.services.imports import import_tickets
from elsdesk.services.incidents import all_incidents, incident_ticket_ids
from elsdesk.storage import TicketRepository

MONDAY = datetime(2025, 4, 28, 7, 0)
OUTAGE_AT = datetime(2025, 4, 29, 9, 10)  # Tuesday


def week_rows():
    """A week of ordinary tickets, Monday to Friday evening, with Tuesday's outage in three wordings."""
    seed = [r for r in load_seed_corpus() if r["module"] != "prestanda_driftstorning"][:150]
    rows = [{"id": f"W-{n:04d}", "created_at": (MONDAY + timedelta(hours=n * 0.75)).isoformat(),
             "title": r["title"], "description": r["description"], "unit": f"Avd {n % 9}"} for n, r in enumerate(seed)]
    wordings = [g for trio in zip(FROZEN, NOT_RESPONDING, HOURGLASS) for g in trio]
    rows += [{"id": f"O-{n:03d}", "created_at": (OUTAGE_AT + timedelta(minutes=5 * n)).isoformat(),
              "title": title, "description": description, "unit": f"Enhet {n}"} for n, (title, description) in enumerate(wordings)]
    return sorted(rows, key=lambda r: r["created_at"])


def test_import_of_a_week_finds_tuesdays_outage_and_says_so(memory_db, tmp_path):
    rows = week_rows()
    assert rows[-1]["created_at"] > (OUTAGE_AT + timedelta(days=3)).isoformat(), "the newest ticket is days after the outage"
    report = import_tickets(memory_db, write_jsonl(tmp_path / "week.jsonl", rows))
    assert len(report.incidents.created) == 1
    incident = report.incidents.created[0]
    outage_ids = {t.external_id for t in TicketRepository(memory_db).fetch_many(incident_ticket_ids(memory_db, incident.id))}
    assert outage_ids == {r["id"] for r in rows if r["id"].startswith("O-")}
    assert report.incident_summary == ("1 möjlig incident: 18 ärenden från 18 enheter 2025-04-29 09:10–10:35;"
                                       " se Incidenter-menyn eller 'elsdesk incidents'")


def test_importing_the_same_file_again_finds_nothing_new(memory_db, tmp_path):
    path = write_jsonl(tmp_path / "week.jsonl", week_rows())
    import_tickets(memory_db, path)
    again = import_tickets(memory_db, path)
    assert again.incidents.created == [] and again.incidents.extended == [] and again.incident_summary == ""
    assert len(all_incidents(memory_db)) == 1


def test_an_import_without_an_outage_says_nothing_about_incidents(memory_db, tmp_path):
    rows = [r for r in week_rows() if not r["id"].startswith("O-")]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "quiet.jsonl", rows))
    assert report.incidents.created == [] and report.incident_summary == ""


def test_an_import_may_leave_the_scan_out(memory_db, tmp_path):
    report = import_tickets(memory_db, write_jsonl(tmp_path / "week.jsonl", week_rows()), find_incidents=False)
    assert report.incidents is None and report.incident_summary == "" and all_incidents(memory_db) == []


def test_a_history_file_is_scanned_over_its_newest_two_weeks_and_says_so(memory_db, tmp_path):
    rows = week_rows()
    old_outage = [dict(r, id="OLD" + r["id"], created_at=(datetime.fromisoformat(r["created_at"]) - timedelta(days=30)).isoformat())
                  for r in rows if r["id"].startswith("O-")]
    report = import_tickets(memory_db, write_jsonl(tmp_path / "history.jsonl", old_outage + rows))
    assert len(report.incidents.created) == 1, "the outage a month before the newest ticket is not scanned"
    outage = {t.external_id for t in TicketRepository(memory_db).fetch_many(
        incident_ticket_ids(memory_db, report.incidents.created[0].id))}
    assert all(i.startswith("O-") for i in outage)
    last = datetime.fromisoformat(rows[-1]["created_at"])
    assert report.scanned_from == (last - timedelta(days=14)).date().isoformat()
    assert report.incident_summary.endswith(
        f"ärenden före {report.scanned_from} söktes inte igenom efter incidenter ('elsdesk incidents --scan --from DAG' gör det)")
