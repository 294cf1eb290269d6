"""./run.sh (issue 13): options after it go to the app, and a package lock held by another apt (a fresh
Debian's automatic upgrades) is waited for with a message instead of a bare apt error.

run.sh is copied into a temporary folder with a fake .venv (an `elsdesk` that prints its arguments)
and fake `dpkg-query`/`apt-get` on PATH, so nothing is installed or started."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("bash") is None or sys.platform == "win32", reason="needs bash")


def _script(path: Path, text: str) -> None:
    path.write_text("#!/usr/bin/env bash\n" + text)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


@pytest.fixture
def checkout(tmp_path):
    """A copy of run.sh beside a fake, already installed .venv; fake Debian tools on PATH."""
    home = tmp_path / "checkout"
    (home / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "run.sh", home / "run.sh")
    _script(home / ".venv" / "bin" / "elsdesk", 'echo "elsdesk called with: $*"\n')
    _script(home / ".venv" / "bin" / "python", 'exec python3 "$@"\n')
    (home / ".venv" / ".elsdesk-installed").touch()
    tools = tmp_path / "bin"
    tools.mkdir()
    _script(tools / "dpkg-query", 'case "$*" in *libxcb-cursor0*) exit 1;; *) echo "install ok installed";; esac\n')
    _script(tools / "sudo", 'exec "$@"\n')
    return home, tools


def _run(home: Path, tools: Path, *args, **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PATH": f"{tools}:{os.environ['PATH']}", "ELSDESK_APT_POLL": "0.1", **env}
    return subprocess.run(["bash", str(home / "run.sh"), *args], capture_output=True, text=True, env=environment,
                          timeout=60)


def test_options_after_run_sh_go_to_the_app(checkout):
    home, tools = checkout
    _script(tools / "apt-get", "exit 0\n")
    done = _run(home, tools, "--db", "x.db")
    assert done.returncode == 0, done.stderr
    assert "elsdesk called with: gui --db x.db" in done.stdout
    assert "usage" not in done.stderr
    assert "starting elsdesk (database: x.db)" in done.stdout, "it named the user data folder's desk (a new user)"
    named = _run(home, tools, "--db=y.db", ELSDESK_DB="z.db")
    assert "starting elsdesk (database: y.db)" in named.stdout
    assert "starting elsdesk (database: z.db)" in _run(home, tools, ELSDESK_DB="z.db").stdout


def test_a_held_package_lock_is_waited_for_with_a_message(checkout, tmp_path):
    home, tools = checkout
    tries = tmp_path / "tries"
    _script(tools / "apt-get", f"""echo x >> {tries}
if [ "$(wc -l < {tries})" -le 3 ]; then
  echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 (unattended-upgr)" >&2
  exit 100
fi
exit 0
""")
    done = _run(home, tools, "app")
    assert done.returncode == 0, done.stderr
    assert "waiting for it to finish" in done.stdout
    assert "elsdesk called with: gui" in done.stdout
    assert len(tries.read_text().split()) == 5  # three refusals, then update and install


def test_a_lock_held_too_long_says_what_to_do(checkout):
    home, tools = checkout
    _script(tools / "apt-get", 'echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 812 (apt)" >&2; exit 100\n')
    done = _run(home, tools, ELSDESK_APT_WAIT="0")
    assert done.returncode == 1
    assert "run ./run.sh again" in done.stdout and "sudo apt-get install -y --no-install-recommends" in done.stdout
    assert "libxcb-cursor0" in done.stdout
    assert "elsdesk called with" not in done.stdout
