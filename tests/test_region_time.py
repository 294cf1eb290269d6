"""Ticket times in the region's zone, whatever the machine's (issues M2 and M3).

Every test runs with the process in UTC (a cron host), so a pass does not depend on the machine."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta, timezone

import pytest

from conftest import write_jsonl
from elsdesk import region_time
from elsdesk.domain import now_iso, parse_datetime
from elsdesk.importer import same_creation
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository


@pytest.fixture(autouse=True)
def utc_machine(monkeypatch):
    """The process's own zone is UTC, as on a server; the desk's zone is the default."""
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv(region_time.ZONE_VARIABLE, raising=False)
    time.tzset()
    region_time._zone_named.cache_clear()
    yield
    monkeypatch.undo()
    time.tzset()
    region_time._zone_named.cache_clear()


def _row(created_at: str) -> dict:
    return {"id": "SN-1", "created_at": created_at, "title": "Kan inte signera dosen",
            "description": "Signeringen hänger sig i läkemedelslistan."}


@pytest.mark.parametrize("written, swedish", [
    ("2025-05-05T06:15:00Z", "2025-05-05T08:15:00"),        # summer: CEST, UTC+2
    ("2025-01-15T06:15:00Z", "2025-01-15T07:15:00"),        # winter: CET, UTC+1
    ("2025-05-05T08:15:00+02:00", "2025-05-05T08:15:00"),
    ("2025-01-15T09:15:00+03:00", "2025-01-15T07:15:00"),
    ("2025-03-30T00:30:00Z", "2025-03-30T01:30:00"),        # the night the clocks go forward
])
def test_m2_zoned_time_lands_in_swedish_local_time_on_a_utc_machine(written, swedish):
    assert parse_datetime(written).isoformat() == swedish


def test_m2_time_without_zone_is_kept_as_written():
    assert parse_datetime("2025-05-05T08:15:00").isoformat() == "2025-05-05T08:15:00"


def test_m2_desk_zone_can_be_configured(monkeypatch):
    monkeypatch.setenv(region_time.ZONE_VARIABLE, "Europe/Helsinki")
    assert parse_datetime("2025-05-05T06:15:00Z").isoformat() == "2025-05-05T09:15:00"


def test_m2_unknown_zone_falls_back_to_the_machine_with_a_warning(monkeypatch, caplog):
    monkeypatch.setenv(region_time.ZONE_VARIABLE, "Mars/Olympus_Mons")
    with caplog.at_level(logging.WARNING, logger="elsdesk.region_time"):
        assert parse_datetime("2025-05-05T06:15:00Z").isoformat() == "2025-05-05T06:15:00"  # the machine: UTC
    assert "Mars/Olympus_Mons" in caplog.text


def test_m2_now_is_the_regions_local_time():
    swedish = datetime.now(timezone.utc).astimezone(region_time.desk_zone()).replace(tzinfo=None)
    stored = datetime.fromisoformat(now_iso())
    assert abs((stored - swedish).total_seconds()) < 5
    assert datetime.fromisoformat(now_iso()).utcoffset() is None  # naive, like every stored time


def test_m2_zoned_row_after_the_same_swedish_row_is_the_same_ticket(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "local.jsonl", [_row("2025-05-05T08:15:00")]))
    report = import_tickets(memory_db, write_jsonl(tmp_path / "utc.jsonl", [_row("2025-05-05T06:15:00Z")]))
    assert (report.new, report.warnings) == (0, [])
    assert TicketRepository(memory_db).count() == 1
    assert TicketRepository(memory_db).get_by_external_id("SN-1").created_at == "2025-05-05T08:15:00"


def test_m2_same_creation_reads_a_zoned_time_in_the_region():
    assert same_creation("2025-01-15T07:15:00", "2025-01-15T06:15:00+00:00")


def test_m3_reimport_never_changes_the_creation_time(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "first.jsonl", [_row("2025-05-05T08:15:00")]))
    report = import_tickets(memory_db, write_jsonl(tmp_path / "again.jsonl", [_row("2025-05-05T08:15:42")]))
    assert (report.new, report.updated, report.unchanged) == (0, 0, 1)
    assert TicketRepository(memory_db).get_by_external_id("SN-1").created_at == "2025-05-05T08:15:00"


def test_m3_reimport_with_a_day_only_keeps_the_time(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "first.jsonl", [_row("2025-05-05T08:15:42")]))
    import_tickets(memory_db, write_jsonl(tmp_path / "again.jsonl", [_row("2025-05-05")]))
    assert TicketRepository(memory_db).get_by_external_id("SN-1").created_at == "2025-05-05T08:15:42"


@pytest.fixture
def just_after_midnight_in_the_region(monkeypatch):
    """The region is at 2031-01-02 00:30 while the machine (UTC) is still on the first of January."""
    monkeypatch.setattr(region_time, "region_now", lambda: datetime(2031, 1, 2, 0, 30))


def test_today_is_the_regions_day_in_a_zone_far_from_the_machines(monkeypatch):
    monkeypatch.setenv(region_time.ZONE_VARIABLE, "Pacific/Kiritimati")  # UTC+14: often a day ahead of UTC
    region_time._zone_named.cache_clear()
    from zoneinfo import ZoneInfo

    assert region_time.region_today() == datetime.now(ZoneInfo("Pacific/Kiritimati")).date()


def test_export_footers_carry_the_regions_day(just_after_midnight_in_the_region):
    from test_export import _data

    from elsdesk.export.html import render_html

    assert "2031-01-02" in render_html(_data())
    assert "2031-01-02" in render_html(_data(), for_print=True)


def test_plausible_creation_counts_from_the_regions_day(just_after_midnight_in_the_region):
    from elsdesk.importer import LATEST_DAYS_AHEAD, plausible_created_at

    latest = datetime(2031, 1, 2) + timedelta(days=LATEST_DAYS_AHEAD)
    assert plausible_created_at(latest) == latest  # a year ahead of the region's day, not the machine's


def test_a_kept_draft_says_when_in_the_regions_time(tmp_path, monkeypatch):
    """A GUI tester on a workstation whose clock ran UTC: the kept draft said 06:20 beside tickets saved at 07:20."""
    from datetime import datetime, timedelta, timezone

    from elsdesk.drafts import SAVED_AT, load_draft, save_draft

    save_draft({"title": "Kan inte signera"}, "desk.db")
    saved = datetime.fromisoformat(load_draft("desk.db")[SAVED_AT])
    assert abs(saved - region_time.region_now()) < timedelta(minutes=2)
    assert abs(saved - datetime.now(timezone.utc).replace(tzinfo=None)) >= timedelta(minutes=58), "not the machine's UTC clock"
