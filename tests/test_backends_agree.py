"""Issue 9: the same desk on SQLite and on PostgreSQL gives the same topics, lists and exports."""

from __future__ import annotations

import json
import os

import pytest

from conftest import write_jsonl
from elsdesk.cli import main
from elsdesk.services.export import export_week
from elsdesk.services.imports import import_tickets
from elsdesk.services.topics import set_go_live, weekly_topics
from elsdesk.storage import open_database
from test_export import _rows

pytestmark = pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                                reason="PostgreSQL not wanted in this run")


@pytest.fixture
def two_desks(tmp_path, new_pg_database):
    """The same tickets imported into a local file and into a server database."""
    rows = write_jsonl(tmp_path / "tickets.jsonl", _rows())
    targets = [tmp_path / "desk.db", new_pg_database()]
    for target in targets:
        with open_database(target) as database:
            report = import_tickets(database, rows)
            assert not report.rejected
            set_go_live(database, "2025-04-23")
    return targets


def test_topics_are_the_same_on_both_backends(two_desks):
    reports = []
    for target in two_desks:
        with open_database(target) as database:
            reports.append(weekly_topics(database, "2025-W19"))
    assert reports[0]["topics"], "the week should have recurring topics"
    assert reports[0] == reports[1]


def test_list_json_is_the_same_on_both_backends(two_desks, capsys):
    outputs = []
    for target in two_desks:
        assert main(["--db", str(target), "list", "--json"]) == 0
        outputs.append([json.loads(line) for line in capsys.readouterr().out.splitlines()])
    assert outputs[0] == outputs[1] and len(outputs[0]) == len(_rows())


@pytest.mark.parametrize("fmt", ["csv", "md", "html"])
def test_exports_are_the_same_on_both_backends(two_desks, tmp_path, fmt):
    texts = []
    for number, target in enumerate(two_desks):
        with open_database(target) as database:
            path = export_week(database, "2025-W19", fmt, tmp_path / f"week{number}.{fmt}")
        texts.append(path.read_text(encoding="utf-8-sig"))
    assert texts[0] == texts[1]
