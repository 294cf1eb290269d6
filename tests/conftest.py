"""Shared fixtures: offscreen Qt, user data in tmp_path, fresh databases, sample tickets."""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from elsdesk.storage import open_database


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    """Point the user data folder (database, settings, drafts, models) into tmp_path."""
    home = tmp_path / "home"
    monkeypatch.setenv("ELSDESK_HOME", str(home))
    monkeypatch.delenv("ELSDESK_DB", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_worker_left():
    """Fail a test that leaves a Qt worker running (only where the test used Qt at all)."""
    yield
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QThreadPool

        pool = QThreadPool.globalInstance()
        assert pool.waitForDone(10_000) and pool.activeThreadCount() == 0, "a worker was left running"


@pytest.fixture
def memory_db():
    database = open_database(":memory:")
    yield database
    database.close()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "desk.db"


@pytest.fixture
def file_db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


def write_jsonl(path, rows, encoding="utf-8"):
    with open(path, "w", encoding=encoding) as handle:
        for row in rows:
            handle.write((row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)) + "\n")
    return path


def sample_rows(n=5, start=1, week_day="2025-04-28"):
    topics = [
        ("Kan inte signera dos", "Utdelningsvyn låter mig inte signera given dos, pennan är grå.", "lakemedel", "handhavande"),
        ("SITHS-kortet låst", "Har skrivit fel PIN tre gånger och kommer inte in i Cosmic.", "inloggning_siths", "fel"),
        ("Provsvar syns inte", "Blodprover tagna i morse men svaren syns inte i BoS.", "bestallning_svar", "fel"),
        ("Saknar enhet", "Ny vikarie kommer in men saknar avd 12 i listan över enheter.", "behorighet_roller", "konfiguration"),
        ("Skrivaren skriver inte ut", "Etikettskrivaren på expeditionen skriver inte ut armband.", "utskrift_hardvara", "fel"),
    ]
    rows = []
    for i in range(n):
        title, description, module, kind = topics[i % len(topics)]
        rows.append({
            "id": f"T-{start + i:05d}", "created_at": f"{week_day}T{8 + i % 9:02d}:15:00",
            "title": title, "description": description, "module": module, "kind": kind,
            "status": "ny", "reporter_role": "ssk", "unit": "Avd 12",
        })
    return rows


@pytest.fixture
def rows_file(tmp_path):
    return write_jsonl(tmp_path / "tickets.jsonl", sample_rows(5))
