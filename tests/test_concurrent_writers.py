"""Issue 9: ten workstations writing to one server for a minute lose nothing and surface no error.

The writers are the concurrency benchmark's own (bench/bench_concurrency.py): each of 10
processes logs tickets, edits with the version check, confirms labels and imports small files
for 60 s; afterwards every ticket a writer believes it committed must be in the desk, every
confirmation recorded, every successful edit counted in the tickets' versions. A version
conflict (someone saved first) is expected and not an error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                       reason="PostgreSQL not wanted in this run"),
]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


def test_ten_processes_writing_for_sixty_seconds_lose_nothing(new_pg_database):
    from bench_concurrency import failed, parse_args, run

    result = run(parse_args(["--writers", "10", "--seconds", "60", "--backend", "postgres", "--url", new_pg_database()]))
    verified = result["verify"]
    assert verified["rows_lost"] == 0 and verified["updates_lost"] == 0 and verified["decisions_lost"] == 0
    assert result["unexpected_errors"] == 0, result["error_examples"]
    assert result["total_ops"] > 100 and result["edits_ok"] > 0 and result["confirms_ok"] > 0
    assert not failed(result)
