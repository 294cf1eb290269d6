"""A throwaway PostgreSQL server for the tests and benchmarks, started and stopped by them.

Finds the server binaries in Debian's versioned folder (``pg_config --bindir``), runs
``initdb`` and ``pg_ctl`` as the ``postgres`` user when we are root (initdb refuses root), on a
free loopback port with the socket in a private folder, ``fsync=off`` for speed. Nothing
outside that folder is touched; :meth:`PgServer.stop` removes it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class PgServerError(RuntimeError):
    pass


def server_bindir() -> Path:
    """The folder with initdb and pg_ctl, or PgServerError saying how to install them."""
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip()
        candidates.append(Path(out))
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise PgServerError("PostgreSQL server binaries not found; install them with: apt-get install postgresql")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgServer:
    """One PostgreSQL cluster in a temporary folder; connect as the superuser ``postgres``."""

    def __init__(self) -> None:
        self.bindir = server_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="elsdesk-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0
        self.started = False

    @property
    def admin_url(self) -> str:
        return self.url("postgres")

    def url(self, dbname: str, user: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise PgServerError(f"{' '.join(args[:2])} failed: {result.stderr.strip() or result.stdout.strip()}")

    def start(self) -> "PgServer":
        if self._as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions")
        # loopback logins need a password (roles tests log in as people); the superuser has one
        hba = self.data / "pg_hba.conf"
        hba_text = "local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
        self._write_as_postgres(hba, hba_text)
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
                  " -c full_page_writes=off -c max_connections=300", "start")
        self.started = True
        return self

    def _write_as_postgres(self, path: Path, text: str) -> None:
        path.write_text(text)
        if self._as_postgres:
            shutil.chown(path, "postgres", "postgres")

    def restart(self) -> None:
        """Stop at once (as a crash or a reboot would) and start again on the same port."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
                  " -c full_page_writes=off -c max_connections=300", "start")

    def stop(self) -> None:
        if self.started:
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            finally:
                self.started = False
        shutil.rmtree(self.root, ignore_errors=True)

    def admin(self, *statements: str, dbname: str = "postgres") -> list[tuple]:
        """Run statements as the superuser, outside a transaction; rows of the last one."""
        import psycopg

        with psycopg.connect(self.url(dbname), autocommit=True) as conn:
            rows: list[tuple] = []
            for statement in statements:
                cursor = conn.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
            return rows

    def create_database(self, name: str, template: str = "template0") -> str:
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING \'UTF8\'')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def create_login(self, name: str, password: str, group: str | None = None) -> None:
        """A person's login (in an app group role, when given)."""
        exists = self.admin(f"SELECT 1 FROM pg_roles WHERE rolname = '{name}'")
        if not exists:
            self.admin(f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}'")
        if group:
            self.admin(f'GRANT "{group}" TO "{name}"')
