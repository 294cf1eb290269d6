"""A period (a month, any date range) as one training overview (QA finding 1: no export for a
month; the lead stitched four weekly files by topic name), and the weekly Modultrend without the
empty go-live week before the first ticket (QA finding 2: a row '2027-W09 D+0' of zeros)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from elsdesk.cli import main
from elsdesk.services.export import build_export, write_export
from elsdesk.services.range_export import build_range_export, compared_weeks, period_trend
from elsdesk.services.imports import import_tickets
from elsdesk.services.topics import set_go_live
from elsdesk.storage import open_database

from conftest import imported_desk, write_jsonl

FORMATS = ("xlsx", "csv", "md", "html", "pdf")
FADING = ("Signera given dos i utdelningsvyn", "lakemedel",
          "Jag kan inte signera given dos i utdelningsvyn, knappen är grå. Hur gör jag?")
PERSISTING = ("Etikettskrivaren ger tomma provetiketter", "utskrift_hardvara",
              "Etikettskrivaren på avdelningen skriver ut helt tomma provetiketter. Vad gör vi?")
NEW = ("Allergifält saknas i inskrivningsmallen", "journal_dokumentation",
       "Efter uppdateringen saknar inskrivningsmallen fältet för allergier och överkänslighet.")
# tickets per week 2027-W10, W11, W12 (go-live Saturday 2027-03-06, first ticket Monday 2027-03-08)
PLAN = {FADING: (8, 4, 2), PERSISTING: (4, 4, 4), NEW: (0, 0, 5)}
MONDAYS = ("2027-03-08", "2027-03-15", "2027-03-22")


def _rows() -> list[dict]:
    rows = []
    for (name, module, description), counts in PLAN.items():
        for monday, count in zip(MONDAYS, counts):
            for i in range(count):
                day = date.fromisoformat(monday).replace(day=int(monday[-2:]) + i % 5)  # Monday to Friday
                rows.append({"id": f"R-{len(rows) + 1:04d}", "created_at": f"{day.isoformat()}T{8 + i % 8:02d}:15:00",
                             "title": name if i % 2 else f"{name}?", "description": description, "module": module,
                             "kind": "handhavande", "problem": name, "reporter_role": "ssk", "unit": "Avd 7"})
    return rows


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    with imported_desk(tmp_path_factory, "range", _rows()) as (database, folder):
        set_go_live(database, "2027-03-06")
        database.close()  # the tests open the desk themselves
        yield folder / "desk.db"


def test_a_period_has_every_topic_with_its_tickets_per_week_and_its_trend(desk):
    with open_database(desk) as database:
        data = build_range_export(database, "2027-03-08", "2027-03-28")
    assert data.weeks == ["2027-W10", "2027-W11", "2027-W12"] and data.tickets == sum(map(sum, PLAN.values()))
    by_name = {t["label"]: t for t in data.topics}
    assert [by_name[p[0]]["week_counts"] for p in PLAN] == [dict(zip(data.weeks, c)) for c in PLAN.values()]
    assert [by_name[p[0]]["trend"] for p in PLAN] == ["falling", "steady", "new"]
    assert data.topics[0]["label"] == FADING[0]  # the period's largest first


def test_a_partial_last_week_counts_only_its_days_and_is_not_compared(desk):
    """Ending on a Wednesday: W12 counts Monday to Wednesday, the trend compares W10 with W11."""
    with open_database(desk) as database:
        data = build_range_export(database, "2027-03-08", "2027-03-24")
    fading = next(t for t in data.topics if t["label"] == FADING[0])
    assert fading["week_counts"] == {"2027-W10": 8, "2027-W11": 4, "2027-W12": 2}  # its W12 tickets: Mon, Tue
    new = next(t for t in data.topics if t["label"] == NEW[0])
    assert new["week_counts"]["2027-W12"] == 3 and data.compared_weeks == ("2027-W10", "2027-W11")
    assert data.partial_weeks == {"2027-W12": (date(2027, 3, 22), date(2027, 3, 24))}


@pytest.mark.parametrize("counts, seen_before, expected", [
    ({"a": 8, "b": 4, "c": 2}, False, "falling"), ({"a": 4, "b": 5, "c": 4}, False, "steady"),
    ({"a": 0, "b": 0, "c": 5}, False, "new"), ({"a": 0, "b": 0, "c": 5}, True, "rising"),
    ({"a": 0, "b": 6, "c": 0}, False, "passing"), ({"a": 3, "b": 2, "c": 1}, False, "steady"),  # 2 fewer: noise
    ({"a": 2, "b": 4, "c": 6}, False, "rising"), ({"a": 2, "b": 0, "c": 0}, False, "falling")])  # gone
def test_the_trend_over_a_period_compares_its_first_and_last_week(counts, seen_before, expected):
    assert period_trend(counts, ("a", "c"), seen_before) == expected


def test_a_period_within_one_week_has_no_trend():
    assert compared_weeks(["2027-W10"], {}) is None and period_trend({"2027-W10": 4}, None, False) == ""


def test_every_format_keeps_swedish_text_and_the_week_columns(desk, tmp_path):
    from openpyxl import load_workbook

    with open_database(desk) as database:
        data = build_range_export(database, date(2027, 3, 8), date(2027, 3, 28))
    paths = {fmt: write_export(data, fmt, tmp_path / "månad") for fmt in FORMATS}
    book = load_workbook(paths["xlsx"])
    assert book.sheetnames == ["Översikt", "Modultrend", "Exempel"]
    sheet = book["Översikt"]
    header = [c.value for c in sheet[5]]
    assert header[:9] == ["Nr", "Ämne", "Modul", "Typ", "Status", "Ärenden under perioden", "2027-W10", "2027-W11", "2027-W12"]
    first = [c.value for c in sheet[6]]
    assert first[1] == FADING[0] and first[5:10] == [14, 8, 4, 2, "avtagande"]
    raw = paths["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Från", "Till", "Nr"] and "Trend under perioden" in rows[0]
    assert ["2027-03-08", "2027-03-28", "3", NEW[0]] == rows[3][:4] and "ny under perioden" in rows[3]
    for fmt in ("md", "html"):
        text = paths[fmt].read_text(encoding="utf-8")
        assert NEW[0] in text and "ny under perioden" in text and "Översikt" in text and "2027-W11" in text
    assert paths["pdf"].read_bytes().startswith(b"%PDF")


def test_the_cli_exports_a_period_in_every_format_and_by_whole_weeks(desk, tmp_path, capsys):
    assert main(["--db", str(desk), "export", "--from", "2027-03-08", "--to", "28.03.2027", "--format", "all",
                 "--out", str(tmp_path / "all/")]) == 0
    names = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert names == sorted(f"elsdesk-2027-03-08_2027-03-28.{fmt}" for fmt in FORMATS)
    assert main(["--db", str(desk), "export", "--weeks", "2027-W10..2027-W12", "--out", str(tmp_path / "v.csv")]) == 0
    assert (tmp_path / "v.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith("2027-03-08;2027-03-28;1;")


@pytest.mark.parametrize("options", [[], ["--from", "2027-03-08"], ["--week", "2027-W10", "--weeks", "2027-W10..2027-W11"]])
def test_the_cli_asks_for_one_period(desk, tmp_path, options, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(desk), "export", *options, "--out", str(tmp_path / "x.xlsx")])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "ange " in err and "saknas: --week" not in err


def test_the_weekly_module_trend_starts_with_the_first_week_that_has_tickets(desk):
    """QA finding 2: go-live on Saturday 2027-03-06 (in W09), first ticket Monday: no W09 row of zeros."""
    from elsdesk.export import tables

    with open_database(desk) as database:
        data = build_export(database, "2027-W11")
    trend = tables.module_trend(data)
    assert trend.weeks == ["2027-W10", "2027-W11"] and trend.days == ["D+2", "D+9"]


def test_the_weekly_export_still_writes_its_own_sheets(desk, tmp_path):
    from openpyxl import load_workbook

    with open_database(desk) as database:
        path = write_export(build_export(database, "2027-W12"), "xlsx", tmp_path / "vecka")
    assert load_workbook(path).sheetnames == ["Agenda", "Ämnen", "Modultrend", "Exempel"]


def test_a_period_on_either_backend(memory_db, tmp_path):
    """The period's own SQL (tickets per week and module of the period, a partial week's tickets)."""
    rows = _rows()
    import_tickets(memory_db, write_jsonl(tmp_path / "rows.jsonl", rows))
    data = build_range_export(memory_db, "2027-03-09", "2027-03-28")
    assert data.tickets == sum(map(sum, PLAN.values())) - sum(1 for r in rows if r["created_at"].startswith("2027-03-08"))
    assert data.partial_weeks == {"2027-W10": (date(2027, 3, 9), date(2027, 3, 14))}



def test_a_period_reports_progress_per_week_and_stops_when_cancelled(desk):
    from elsdesk.domain import Cancelled

    steps = []
    with open_database(desk) as database:
        build_range_export(database, "2027-03-08", "2027-03-28", progress=lambda done, total: steps.append((done, total)))
        with pytest.raises(Cancelled):
            build_range_export(database, "2027-03-08", "2027-03-28", is_cancelled=lambda: len(steps) >= 4,
                               progress=lambda done, total: steps.append((done, total)))
    assert steps == [(1, 3), (2, 3), (3, 3), (1, 3)]


def test_one_new_topic_in_a_period_is_said_in_the_singular():
    """A training lead's period export read "6 (1 nya under perioden)"."""
    from types import SimpleNamespace

    from elsdesk.export.range_tables import _new_in_period

    assert _new_in_period(SimpleNamespace(language="sv"), 1) == "1 ny under perioden"
    assert _new_in_period(SimpleNamespace(language="sv"), 3) == "3 nya under perioden"
    assert _new_in_period(SimpleNamespace(language="en"), 1) == "1 new in the period"
