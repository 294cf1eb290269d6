"""Issue 10: output files are written whole or not at all, and a file system that says no gives a
message, never a traceback (export, classify, evaluate, train). Named after the items they guard."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.output_files import atomic_text_file

TEXTS = [{"id": "a", "title": "Skrivaren", "description": "Etikettskrivaren skriver inte ut armband"}]


@pytest.fixture
def desk(tmp_path, capsys):
    db = str(tmp_path / "desk.db")
    assert main(["--db", db, "import", str(write_jsonl(tmp_path / "t.jsonl", sample_rows(10))), "--no-classify"]) == 0
    capsys.readouterr()
    return db


def _no_temporary_files(folder):
    return [p.name for p in folder.iterdir() if ".tmp" in p.name] == []


def test_issue_10_a_full_disk_mid_export_keeps_the_previous_export(desk, tmp_path, capsys, monkeypatch):
    out = tmp_path / "agenda.md"
    assert main(["--db", desk, "export", "--week", "2025-W18", "--format", "md", "--out", str(out)]) == 0
    previous = out.read_bytes()
    capsys.readouterr()

    def half_then_full(data, path):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("# Halv export")
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("elsdesk.export.writer_for", lambda fmt: half_then_full)
    assert main(["--db", desk, "export", "--week", "2025-W18", "--format", "md", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "disken är full" in err and "Traceback" not in err
    assert out.read_bytes() == previous and _no_temporary_files(tmp_path)


def test_issue_10_exports_are_renamed_into_place_complete(desk, tmp_path, monkeypatch, capsys):
    formats = ("xlsx", "csv", "md", "html", "pdf")
    for fmt in formats:
        (tmp_path / f"elsdesk-2025-W18.{fmt}").write_text("gammal")
    replaced = []
    real_replace = os.replace
    monkeypatch.setattr("elsdesk.output_files.os.replace", lambda a, b: (replaced.append((a, b)), real_replace(a, b)))
    assert main(["--db", desk, "export", "--week", "2025-W18", "--format", "all", "--out", str(tmp_path)]) == 0, capsys.readouterr().err
    assert sorted(b.suffix for _, b in replaced) == sorted(f".{fmt}" for fmt in formats)
    assert all(os.path.dirname(a) == str(tmp_path) and a != b for a, b in replaced)
    for fmt in formats:
        assert (tmp_path / f"elsdesk-2025-W18.{fmt}").read_bytes() != b"gammal"
    assert _no_temporary_files(tmp_path)


def test_issue_10_no_permission_for_the_export_is_a_message(desk, tmp_path, capsys, monkeypatch):
    def refuse(source, target):
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr("elsdesk.output_files.os.replace", refuse)
    assert main(["--db", desk, "export", "--week", "2025-W18", "--format", "csv", "--out", str(tmp_path / "a.csv")]) == 1
    assert "behörighet saknas" in capsys.readouterr().err and _no_temporary_files(tmp_path)


def test_issue_10_an_existing_file_or_a_file_as_folder_for_the_export_is_a_message(desk, tmp_path, capsys):
    existing = tmp_path / "weekly"
    existing.write_text("en fil")
    for fmt, out in (("all", existing), ("csv", existing / "a.csv")):  # an --out that can be no file: usage, exit 2
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", desk, "export", "--week", "2025-W18", "--format", fmt, "--out", str(out)])
        assert exit_info.value.code == 2
        err = capsys.readouterr().err
        assert "är en fil" in err
    assert "fil" in err and "Traceback" not in err
    assert existing.read_text() == "en fil"


def test_issue_10_classify_out_a_directory_is_a_message(tmp_path, capsys):
    texts = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    (tmp_path / "ut").mkdir()
    with pytest.raises(SystemExit) as exit_info:  # an --out that can be no file: usage, exit 2
        main(["classify", str(texts), "--out", str(tmp_path / "ut")])
    assert exit_info.value.code == 2
    assert "mapp" in capsys.readouterr().err


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_issue_10_classify_out_a_full_disk_is_a_message_and_the_device_stays(tmp_path, capsys):
    texts = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    assert main(["classify", str(texts), "--out", "/dev/full"]) == 1
    assert "disken är full" in capsys.readouterr().err
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_issue_10_classify_io_error_keeps_the_previous_result(tmp_path, capsys, monkeypatch):
    texts = write_jsonl(tmp_path / "in.jsonl", TEXTS)
    out = tmp_path / "out.jsonl"
    out.write_text("tidigare resultat\n")

    def broken_fsync(_fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("elsdesk.output_files.os.fsync", broken_fsync)
    assert main(["classify", str(texts), "--out", str(out)]) == 1
    assert "in/ut-fel" in capsys.readouterr().err
    assert out.read_text() == "tidigare resultat\n" and _no_temporary_files(tmp_path)


def test_issue_10_evaluate_and_classify_of_a_directory_are_messages(tmp_path, capsys):
    (tmp_path / "x.jsonl").mkdir()
    for command in (["classify", str(tmp_path / "x.jsonl")], ["evaluate", str(tmp_path / "x.jsonl")]):
        with pytest.raises(SystemExit) as exit_info:  # an input file that cannot be opened: usage, exit 2
            main(command)
        assert exit_info.value.code == 2
        assert "mapp" in capsys.readouterr().err


def test_issue_10_train_shipped_into_a_file_is_a_message(tmp_path, capsys, monkeypatch):
    target = tmp_path / "models"
    target.write_text("en fil")
    from elsdesk.ml.model import TicketModel
    from elsdesk.corpus import load_seed_corpus
    from elsdesk.ml.store import save_model

    small = TicketModel().fit(load_seed_corpus()[::20])
    monkeypatch.setattr("elsdesk.services.classification.train_shipped_model",
                        lambda folder, **_: save_model(small, {"quality": {"macro_f1": 0, "accuracy": 0, "method": "-"}}, folder))
    assert main(["train", "--shipped", str(target)]) == 1
    err = capsys.readouterr().err
    assert "elsdesk:" in err and "Traceback" not in err and target.read_text() == "en fil"


def test_issue_10_an_interrupted_atomic_write_leaves_nothing(tmp_path):
    target = tmp_path / "r.jsonl"
    with pytest.raises(RuntimeError):
        with atomic_text_file(target) as handle:
            handle.write("halv")
            raise RuntimeError("avbruten")
    assert not target.exists() and list(tmp_path.iterdir()) == []
