"""Benchmark the import against sqlite-utils on the same JSON Lines file (issue 14), paired.

What it measures, each side as a whole command in its own process (start-up included), the two
sides alternating in the same run so that a loaded machine slows both alike:

1. **Import speed, SQLite.** N rounds of (a) ``elsdesk --db NEW.db import FILE --no-classify
   --no-incidents`` into a fresh desk (masking, validation, label history, committed batches, the
   full-text index with its prefix indexes and compound parts) and (b) the peer: ``sqlite-utils insert NEW.db
   tickets FILE --nl`` followed by ``sqlite-utils enable-fts NEW.db tickets title description
   --create-triggers``, timed together. It prints tickets/s of each round, min and median per
   side and the ratio of the medians (elsdesk time / peer time; 1.5 is issue 14's target). Each
   round also times (c) the import as it runs by default, with the scan for possible incidents over
   the file's newest 14 days: what that scan adds is printed on its own.
2. **Memory.** Peak RSS (``ru_maxrss`` of the child process) of the elsdesk import at two file
   sizes; a streaming import stays flat while the file grows.
3. **PostgreSQL** (``--postgres``): the same import into a fresh database on a throwaway server
   (``tests/pg_server.py``), alternating with the code in ``--before DIR`` when given, with the ratio.

``--before DIR`` is another checkout of ``elsdesk/``, ``resources/`` and ``models/`` (e.g. ``git
archive <commit> elsdesk resources models | tar -x -C DIR``); its import then also runs in every
SQLite round, so "before" and "after" are measured in the same run.

Without ``--file`` a file of ``--tickets`` (default 50,000) tickets is generated with
``bench.bench_storage.generate_tickets`` (seed 20250423); the memory sizes are generated the same way
unless ``--rss-files`` names files. Everything else lives in a temporary folder. It prints a table
and, last, one line ``RESULT {json}``. Other benches call :func:`measure_import_pair`.

Run from the repository root::

    .venv/bin/python bench/bench_import.py [--file F.jsonl | --tickets 50000] [--rounds 3]
        [--rss-tickets 50000,200000 | --rss-files A.jsonl,B.jsonl] [--postgres --before DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DEFAULT_TICKETS = 50_000
DEFAULT_SEED = 20250423


def _environment(workdir: Path, code_dir: Path | None = None) -> dict:
    """A child's environment: its own data folders (no model or settings shared with the machine)
    and, with *code_dir*, that checkout's ``elsdesk`` package first on the path."""
    env = dict(os.environ)
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               QT_QPA_PLATFORM="offscreen")
    env.pop("ELSDESK_DB", None)
    if code_dir is not None:
        env["PYTHONPATH"] = str(code_dir)
    return env


def run_child(command: list[str], env: dict, cwd: Path | None = None) -> tuple[float, float, float]:
    """Run *command* to the end; its wall time and CPU time (user + system) in seconds and its peak
    RSS in MB. Fails loudly."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {stderr[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def elsdesk_import(target: str, jsonl: Path, workdir: Path, code_dir: Path | None = None,
                   incidents: bool = False) -> tuple[float, float, float]:
    """``elsdesk --db TARGET import FILE --no-classify`` (and ``--no-incidents`` unless *incidents*,
    where the code knows the option): wall and CPU seconds and peak RSS (MB)."""
    command = [sys.executable, "-m", "elsdesk", "--db", target, "import", str(jsonl), "--no-classify"]
    if not incidents and "--no-incidents" in ((code_dir or REPO_ROOT) / "elsdesk" / "cli.py").read_text(encoding="utf-8"):
        command.append("--no-incidents")
    return run_child(command, _environment(workdir, code_dir), cwd=code_dir or REPO_ROOT)


def peer_import(db: Path, jsonl: Path, workdir: Path) -> tuple[float, float]:
    """sqlite-utils insert + enable-fts, timed together: wall and CPU seconds."""
    env = _environment(workdir)
    sqlite_utils = str(BIN / "sqlite-utils")
    insert_s, insert_cpu, _ = run_child([sqlite_utils, "insert", str(db), "tickets", str(jsonl), "--nl"], env)
    fts_s, fts_cpu, _ = run_child([sqlite_utils, "enable-fts", str(db), "tickets", "title", "description",
                                   "--create-triggers"], env)
    return insert_s + fts_s, insert_cpu + fts_cpu


def _count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


def _fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def _check_desk(db: Path, expected: int) -> None:
    """The import really stored every ticket and indexed it (a fast run that did nothing is no result)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        tickets = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        # raises unless the full-text index holds exactly the stored rows' words
        conn.execute("INSERT INTO tickets_fts (tickets_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
    if tickets != expected:
        raise RuntimeError(f"{db}: {tickets} tickets, expected {expected}")


def _summary(seconds: list[float], tickets: int) -> dict:
    return {"seconds": seconds, "rates": [tickets / s for s in seconds], "min_s": min(seconds),
            "median_s": statistics.median(seconds), "best_rate": tickets / min(seconds),
            "median_rate": tickets / statistics.median(seconds)}


def measure_import_pair(jsonl_path: str | Path, rounds: int = 3, workdir: str | Path | None = None,
                        before: Path | None = None) -> dict:
    """elsdesk's import (no classification) and sqlite-utils insert + enable-fts on *jsonl_path*,
    alternating *rounds* times; seconds and tickets/s per side, and the ratio of medians and minima.
    With *before* (another checkout), its import runs in each round too."""
    jsonl = Path(jsonl_path)
    tickets = _count_lines(jsonl)
    with tempfile.TemporaryDirectory(prefix="elsdesk-bench-import-", dir=workdir) as tmp:
        folder = Path(tmp)
        ours, peer, ours_cpu, peer_cpu, older, scanned = [], [], [], [], [], []
        for number in range(1, rounds + 1):
            if before is not None:
                db = _fresh(folder / "before.db")
                seconds, _cpu, _rss = elsdesk_import(str(db), jsonl, folder, before)
                _check_desk(db, tickets)
                older.append(seconds)
                _fresh(db)
                print(f"  round {number}: elsdesk before {tickets / seconds:,.0f}/s ({seconds:.2f} s)", file=sys.stderr, flush=True)
            db = _fresh(folder / "elsdesk.db")
            seconds, cpu, rss = elsdesk_import(str(db), jsonl, folder)
            _check_desk(db, tickets)
            ours.append(seconds)
            ours_cpu.append(cpu)
            _fresh(db)
            db = _fresh(folder / "scanned.db")
            seconds, _cpu, _rss = elsdesk_import(str(db), jsonl, folder, incidents=True)
            scanned.append(seconds)
            _fresh(db)
            peer_db = _fresh(folder / "peer.db")
            seconds, cpu = peer_import(peer_db, jsonl, folder)
            peer.append(seconds)
            peer_cpu.append(cpu)
            _fresh(peer_db)
            print(f"  round {number}: elsdesk {tickets / ours[-1]:,.0f}/s ({ours[-1]:.2f} s, CPU {ours_cpu[-1]:.2f} s, "
                  f"{rss:.0f} MB; with the incident scan {scanned[-1]:.2f} s), sqlite-utils {tickets / peer[-1]:,.0f}/s"
                  f" ({peer[-1]:.2f} s, CPU {peer_cpu[-1]:.2f} s)",
                  file=sys.stderr, flush=True)
    result = {"file": str(jsonl), "tickets": tickets, "rounds": rounds, "elsdesk": _summary(ours, tickets),
              "peer": _summary(peer, tickets), "ratio_median": statistics.median(ours) / statistics.median(peer),
              "ratio_min": min(ours) / min(peer), "elsdesk_cpu_s": ours_cpu, "peer_cpu_s": peer_cpu,
              "cpu_ratio_median": statistics.median(ours_cpu) / statistics.median(peer_cpu),
              "with_incident_scan": _summary(scanned, tickets)}
    if older:
        result["before"] = _summary(older, tickets)
        result["before_ratio_median"] = statistics.median(older) / statistics.median(peer)
    return result


def measure_memory(files: list[Path], workdir: Path) -> list[dict]:
    """Peak RSS of the elsdesk import of each file into a fresh desk."""
    rows = []
    for jsonl in files:
        tickets = _count_lines(jsonl)
        db = _fresh(workdir / "memory.db")
        seconds, _cpu, rss = elsdesk_import(str(db), jsonl, workdir)
        _check_desk(db, tickets)
        _fresh(db)
        rows.append({"file": str(jsonl), "tickets": tickets, "file_mb": jsonl.stat().st_size / 1e6,
                     "peak_rss_mb": rss, "seconds": seconds, "rate": tickets / seconds})
        print(f"  {tickets:,} tickets ({rows[-1]['file_mb']:.0f} MB): peak RSS {rss:.0f} MB", file=sys.stderr, flush=True)
    return rows


def measure_postgres(jsonl: Path, rounds: int, before: Path | None, workdir: Path) -> dict:
    """Import into a fresh PostgreSQL database on a throwaway server: this checkout (and *before*), alternating."""
    sys.path.insert(0, str(REPO_ROOT / "tests"))
    from pg_server import PgServer

    tickets = _count_lines(jsonl)
    sides = {"after": None} | ({"before": before} if before else {})
    seconds: dict[str, list[float]] = {name: [] for name in sides}
    server = PgServer().start()
    try:
        for number in range(1, rounds + 1):
            for name, code_dir in sides.items():
                dbname = f"import_{name}_{number}"
                url = server.create_database(dbname)
                upgrade = [sys.executable, "-m", "elsdesk", "--db", url, "db", "upgrade"]
                run_child(upgrade, _environment(workdir, code_dir), cwd=code_dir or REPO_ROOT)
                elapsed, _cpu, _rss = elsdesk_import(url, jsonl, workdir, code_dir)
                stored = server.admin("SELECT count(*) FROM tickets", dbname=dbname)[0][0]
                if stored != tickets:
                    raise RuntimeError(f"{name}: {stored} tickets stored in PostgreSQL, expected {tickets}")
                server.drop_database(dbname)
                seconds[name].append(elapsed)
                print(f"  round {number}: PostgreSQL {name} {tickets / elapsed:,.0f}/s ({elapsed:.2f} s)",
                      file=sys.stderr, flush=True)
    finally:
        server.stop()
    result = {"tickets": tickets, "rounds": rounds, **{name: _summary(s, tickets) for name, s in seconds.items()}}
    if before:
        result["ratio_after_to_before"] = statistics.median(seconds["after"]) / statistics.median(seconds["before"])
    return result


def _generated(folder: Path, tickets: int, seed: int) -> Path:
    sys.path.insert(0, str(REPO_ROOT))
    from bench.bench_storage import generate_tickets

    path = folder / f"tickets-{tickets}.jsonl"
    print(f"generating {tickets:,} tickets ...", file=sys.stderr, flush=True)
    generate_tickets(path, tickets, seed)
    return path


def _print_table(results: dict) -> None:
    pair = results["sqlite"]
    print("=" * 90)
    print(f"Import of {pair['tickets']:,} tickets, no classification, {pair['rounds']} rounds alternating ({pair['file']})")
    for name, label in (("elsdesk", "elsdesk import --no-classify --no-incidents"),
                        ("with_incident_scan", "the same with the incident scan"), ("peer", "sqlite-utils insert + enable-fts"),
                        ("before", "elsdesk before (--before)")):
        if name not in pair:
            continue
        side = pair[name]
        rates = ", ".join(f"{r:,.0f}" for r in side["rates"])
        print(f"  {label:<44} tickets/s per round: {rates}; best {side['best_rate']:,.0f}, median {side['median_rate']:,.0f}")
    print(f"  ratio elsdesk / peer time: median {pair['ratio_median']:.2f}x, best {pair['ratio_min']:.2f}x (target <= 1.5x)")
    if "before" in pair:
        print(f"  ratio elsdesk before / peer time: median {pair['before_ratio_median']:.2f}x")
    print(f"  CPU time (user + system) median: elsdesk {statistics.median(pair['elsdesk_cpu_s']):.2f} s, peer "
          f"{statistics.median(pair['peer_cpu_s']):.2f} s, ratio {pair['cpu_ratio_median']:.2f}x (the peer commits every"
          " 100 rows with fsync, elsdesk every batch in WAL: wall time is what a user waits, CPU what each does)")
    if results.get("memory"):
        print("Peak RSS of the elsdesk import")
        for row in results["memory"]:
            print(f"  {row['tickets']:>9,} tickets, {row['file_mb']:6.0f} MB file: {row['peak_rss_mb']:6.0f} MB "
                  f"({row['rate']:,.0f} tickets/s)")
    if results.get("postgres"):
        pg = results["postgres"]
        print(f"PostgreSQL import of {pg['tickets']:,} tickets, {pg['rounds']} rounds")
        for name in ("before", "after"):
            if name in pg:
                print(f"  {name:<7} median {pg[name]['median_rate']:,.0f} tickets/s, best {pg[name]['best_rate']:,.0f}")
        if "ratio_after_to_before" in pg:
            print(f"  ratio after / before time (median): {pg['ratio_after_to_before']:.2f}x")
    print("=" * 90)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, help="a JSON Lines ticket file (default: generate --tickets)")
    parser.add_argument("--tickets", type=int, default=DEFAULT_TICKETS)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rss-tickets", default="50000,200000", help="sizes to generate for the memory figure ('' skips)")
    parser.add_argument("--rss-files", help="comma-separated files for the memory figure instead of generating")
    parser.add_argument("--postgres", action="store_true", help="also time the import on a throwaway PostgreSQL server")
    parser.add_argument("--pg-rounds", type=int, default=2)
    parser.add_argument("--before", type=Path, help="a checkout of the code before (elsdesk/, resources/, models/):"
                                                     " its import runs in every round too, on SQLite and PostgreSQL")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    results: dict = {"python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="elsdesk-bench-import-") as tmp:
        folder = Path(tmp)
        jsonl = args.file or _generated(folder, args.tickets, args.seed)
        print(f"paired import, {args.rounds} rounds ...", file=sys.stderr, flush=True)
        results["sqlite"] = measure_import_pair(jsonl, args.rounds, folder, args.before)
        if args.rss_files:
            memory_files = [Path(p) for p in args.rss_files.split(",") if p]
        else:
            sizes = [int(n) for n in args.rss_tickets.split(",") if n]
            memory_files = [jsonl if n == results["sqlite"]["tickets"] else _generated(folder, n, args.seed) for n in sizes]
        if memory_files:
            print("peak RSS ...", file=sys.stderr, flush=True)
            results["memory"] = measure_memory(memory_files, folder)
        if args.postgres:
            print("PostgreSQL ...", file=sys.stderr, flush=True)
            results["postgres"] = measure_postgres(jsonl, args.pg_rounds, args.before, folder)
        shutil.rmtree(folder / "home", ignore_errors=True)
    results["runtime_s"] = time.perf_counter() - started
    _print_table(results)
    print("RESULT " + json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
