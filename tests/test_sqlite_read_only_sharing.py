"""A desk that some logins only read must never lock out the login that writes it (QA H2, M1).

The tests that need a second login run the reader or the writer in a subprocess with ``setpriv``
and are skipped unless the suite runs as root (as it does in CI)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from elsdesk.domain import DatabaseUnavailableError
from elsdesk.storage import sqlite_sidecars
from elsdesk.storage.sqlite_backend import SQLiteDatabase

OWNER_UID = 1000
NOBODY_UID = 65534
REPO = Path(__file__).resolve().parent.parent
needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
                                reason="needs root and setpriv to act as two logins")

READ = """
from elsdesk.storage.sqlite_backend import SQLiteDatabase
db = SQLiteDatabase(DESK)
print(db.query("SELECT count(*) FROM tickets")[0][0], db.read_only, db.immutable)
db.close()
"""

WRITE = """
from elsdesk.domain import DatabaseUnavailableError
from elsdesk.storage.sqlite_backend import SQLiteDatabase
try:
    db = SQLiteDatabase(DESK)
    with db.write() as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS probe (x)")
        conn.execute("INSERT INTO probe VALUES (1)")
    db.close()
    print("written")
except DatabaseUnavailableError as exc:
    print("unavailable:", exc)
"""

HOLD_OPEN = """
import sys
from elsdesk.storage.sqlite_backend import SQLiteDatabase
db = SQLiteDatabase(DESK)
db.query("SELECT count(*) FROM tickets")
print("open", flush=True)
sys.stdin.readline()
db.close()
"""


def as_user(uid: int, script: str, desk: Path, *, groups: str = "--clear-groups", **popen) -> subprocess.Popen:
    """Run *script* (with DESK set) as *uid* in a subprocess."""
    code = f"DESK = {str(desk)!r}\n" + script
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO), "HOME": str(desk.parent),
           "ELSDESK_HOME": str(desk.parent)}
    group_args = [groups] if groups == "--clear-groups" else [f"--groups={groups}"]
    command = ["setpriv", f"--reuid={uid}", f"--regid={uid}", *group_args, sys.executable, "-c", code]
    return subprocess.Popen(command, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd="/", **popen)


def run_as(uid: int, script: str, desk: Path, **kwargs) -> str:
    process = as_user(uid, script, desk, **kwargs)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return out.strip()


@pytest.fixture
def shared_folder():
    """A folder outside root's private tmp_path that every login can reach."""
    folder = Path(tempfile.mkdtemp(prefix="elsdesk-shared-", dir="/tmp"))
    yield folder
    folder.chmod(0o700)
    shutil.rmtree(folder)


def make_desk(folder: Path, *, folder_mode: int, file_mode: int, uid: int = OWNER_UID) -> Path:
    """A migrated desk owned by *uid* (the tester's setup: uid 1000, 664, a 777 or 1777 folder)."""
    desk = folder / "desk.db"
    db = SQLiteDatabase(desk)
    with db.write() as conn:
        conn.execute("CREATE TABLE probe (x)")
    db.close()
    assert not any(folder.glob("desk.db-*"))
    os.chown(desk, uid, uid)
    desk.chmod(file_mode)
    folder.chmod(folder_mode)
    return desk


def sidecars(desk: Path) -> list[Path]:
    return [p for p in (Path(f"{desk}-wal"), Path(f"{desk}-shm")) if p.exists()]


@needs_root
@pytest.mark.parametrize("folder_mode", [0o777, 0o1777])
def test_h2_after_a_reader_the_owner_writes_or_is_told_why(shared_folder, folder_mode):
    desk = make_desk(shared_folder, folder_mode=folder_mode, file_mode=0o664)
    assert run_as(NOBODY_UID, READ, desk) == "0 True False"
    out = run_as(OWNER_UID, WRITE, desk)
    if folder_mode == 0o777:  # the owner may remove the reader's unused files
        assert out == "written"
    else:  # a sticky folder: only the reader (or IT) may remove them; the owner is told which
        assert out.startswith("unavailable:") and "desk.db-shm" in out


@needs_root
def test_h2_the_owner_removes_unused_leftovers_of_an_older_reader(shared_folder):
    desk = make_desk(shared_folder, folder_mode=0o777, file_mode=0o664)
    # what an older elsdesk left: a read-only connection made the two files as nobody
    run_as(NOBODY_UID, f"import sqlite3\nc = sqlite3.connect({desk.as_uri() + '?mode=ro'!r}, uri=True)\n"
                       "c.execute('SELECT count(*) FROM tickets').fetchall()\nc.close()\n", desk)
    assert {p.stat().st_uid for p in sidecars(desk)} == {NOBODY_UID}
    assert run_as(OWNER_UID, WRITE, desk) == "written"


@needs_root
def test_h2_leftovers_the_owner_cannot_remove_give_a_swedish_message_not_a_traceback(shared_folder):
    desk = make_desk(shared_folder, folder_mode=0o1777, file_mode=0o664)  # sticky: only nobody may remove them
    run_as(NOBODY_UID, f"import sqlite3\nc = sqlite3.connect({desk.as_uri() + '?mode=ro'!r}, uri=True)\n"
                       "c.execute('SELECT count(*) FROM tickets').fetchall()\nc.close()\n", desk)
    out = run_as(OWNER_UID, WRITE, desk)
    assert out.startswith("unavailable:")
    assert "desk.db-wal" in out and "desk.db-shm" in out and "nobody" in out


@needs_root
def test_h2_while_a_reader_has_it_open_the_owner_is_told_why_and_can_write_afterwards(shared_folder):
    desk = make_desk(shared_folder, folder_mode=0o1777, file_mode=0o664)
    reader = as_user(NOBODY_UID, HOLD_OPEN, desk, stdin=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "open"
        out = run_as(OWNER_UID, WRITE, desk)
        assert out.startswith("unavailable:") and "desk.db-shm" in out
        assert sidecars(desk), "the reader's files must stay while it reads"
    finally:
        reader.communicate("\n", timeout=60)
    assert reader.returncode == 0


@needs_root
def test_h2_a_colleague_in_the_desks_group_hands_its_sidecars_to_that_group(shared_folder):
    """A 664 desk's group may write it: the -wal/-shm a group member makes get the desk's group
    and mode, so the owner writes while the colleague has the desk open. (A 644 desk's group may
    not write: its -wal is never made writable for the group, see the hold-open test.)"""
    file_mode = 0o664
    desk = make_desk(shared_folder, folder_mode=0o1777, file_mode=file_mode)
    reader = as_user(NOBODY_UID, HOLD_OPEN, desk, groups=str(OWNER_UID), stdin=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "open"
        for sidecar in sidecars(desk):
            assert sidecar.stat().st_gid == OWNER_UID and sidecar.stat().st_mode & 0o777 == file_mode
        assert run_as(OWNER_UID, WRITE, desk) == "written"  # while the reader still reads
    finally:
        reader.communicate("\n", timeout=60)
    assert reader.returncode == 0


@needs_root
@pytest.mark.parametrize(("folder_mode", "file_mode", "folder_uid"), [(0o555, 0o666, OWNER_UID), (0o755, 0o444, 0)])
def test_m1_a_write_protected_folder_with_a_desk_nobody_can_write_is_read(shared_folder, folder_mode, file_mode,
                                                                         folder_uid):
    desk = make_desk(shared_folder, folder_mode=folder_mode, file_mode=file_mode)
    os.chown(shared_folder, folder_uid, folder_uid)
    assert run_as(NOBODY_UID, READ, desk) == "0 True True"
    assert sidecars(desk) == []


@needs_root
def test_m1_a_write_protected_folder_someone_may_write_says_so_and_never_damaged(shared_folder):
    desk = make_desk(shared_folder, folder_mode=0o755, file_mode=0o666)
    os.chown(shared_folder, OWNER_UID, OWNER_UID)  # the owner could start writing while nobody reads
    out = run_as(NOBODY_UID, "from elsdesk.domain import DatabaseUnavailableError\n"
                             f"try:\n    exec({READ!r})\nexcept DatabaseUnavailableError as exc:\n    print(exc)\n",
                 desk).replace("\n", " ")
    assert "kan bara läsas och mappen är skrivskyddad" in out
    assert "skrivrätt till mappen" in out and "skadad" not in out


def test_m1_immutable_only_when_nobody_can_be_writing(tmp_path):
    desk = tmp_path / "desk.db"
    SQLiteDatabase(desk).close()
    desk.chmod(0o664)
    tmp_path.chmod(0o755)
    assert not sqlite_sidecars.nobody_can_write(desk)
    tmp_path.chmod(0o555)
    assert sqlite_sidecars.nobody_can_write(desk)
    Path(f"{desk}-wal").write_bytes(b"x")  # a writer's frames: the immutable file would be stale
    try:
        assert not sqlite_sidecars.nobody_can_write(desk)
    finally:
        tmp_path.chmod(0o755)
    Path(f"{desk}-wal").unlink()
    desk.chmod(0o444)
    assert sqlite_sidecars.nobody_can_write(desk)
    desk.chmod(0o644)


def test_a_write_sqlite_refuses_as_read_only_is_a_swedish_unavailable_error(tmp_path):
    desk = tmp_path / "desk.db"
    db = SQLiteDatabase(desk)
    db.conn.close()
    db.conn = sqlite3.connect(desk.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(DatabaseUnavailableError, match="desk.db-wal och desk.db-shm"):
        with db.write() as conn:
            conn.execute("CREATE TABLE probe (x)")
    assert not db.conn.in_transaction
    db.close()


@needs_root
def test_a_desk_this_login_may_not_read_says_so_and_never_damaged(shared_folder):
    desk = make_desk(shared_folder, folder_mode=0o777, file_mode=0o600)  # the owner's alone
    out = run_as(NOBODY_UID, "from elsdesk.domain import DatabaseUnavailableError\n"
                             f"try:\n    exec({READ!r})\nexcept DatabaseUnavailableError as exc:\n    print(exc)\n",
                 desk).replace("\n", " ")
    assert "saknar läsrätt till filen" in out and "skadad" not in out
    assert sidecars(desk) == []
