"""Start-up of the desktop app as a whole process, paired with a plain Qt peer on the same database.

Each app run starts a fresh ``python -m elsdesk gui`` on a prepared desk (a local SQLite file with a
profile, so no first-start questions, or a PostgreSQL desk) with ``ELSDESK_STARTUP_REPORT`` set:
the app writes when each step happened and quits by itself (elsdesk/gui/startup_probe.py). Each
peer run starts a fresh process of a tiny script (written to a temp file): a QApplication, the
same database opened with QSqlDatabase (QSQLITE, or QPSQL for PostgreSQL), a QSqlQueryModel
``SELECT … FROM tickets ORDER BY created_at DESC LIMIT 200`` in a QTableView; it reports when the
window and its rows were painted. App and peer runs alternate (the order flips every round), so
the ratio holds on a noisy machine. Times are seconds from the launch:

  shown       the window's first paint
  first_rows  the list's first paint with rows in it
  list_loaded the app's full list result with its counts (the peer has none)
  model_ready the app's classifier loaded (suggestions available)
  settled     (--until settled) every background task started at start-up has finished
  stall       the longest the app's GUI thread was busy between the first paint and the model
  cpu         CPU seconds the process had used when its first rows were painted (all threads; a busy
              machine disturbs this less than the wall clock)
  rss         resident memory (MB) at the end of the run; peak = high-water mark

  cold   the operating system's file cache dropped first (needs root on Linux; otherwise said so)
  warm   --runs rounds, caches warm (median and minimum)
  --load busy processes (e.g. one per core) spin during all runs

    .venv/bin/python bench/bench_startup.py [--tickets 1200] [--runs 5] [--load N]
    .venv/bin/python bench/bench_startup.py --desk /tmp/desk-1m-copy.db [--backend postgres]

``--instructions`` counts instead the instructions (valgrind's callgrind, all threads) each side runs from
its launch to its first rows' paint, once each (the app leaves there: ``ELSDESK_STARTUP_UNTIL=rows``; the
peer as well); a count does not change with the machine's load, so a change of a few per cent shows
where the clock's noise hides it. It needs valgrind (``apt-get install valgrind``).

``--desk`` starts on an existing SQLite desk (copied into the bench's temp folder first, because a
start writes to its desk: model labels, migrations) or on a PostgreSQL desk (``postgresql://…``);
``--backend postgres`` with an SQLite ``--desk`` (or ``--tickets``) starts a throwaway PostgreSQL
server and moves the desk into it with ``elsdesk migrate`` first.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_STEPS = ("qapp", "window_built", "shown", "first_rows", "list_loaded", "model_ready", "settled")
PEER_STEPS = ("qapp", "shown", "first_rows")
COLUMNS = ("qapp", "shown", "first_rows", "list_loaded", "model_ready", "settled", "exit", "stall", "cpu", "rss", "peak")
PEER_LIMIT = 200

PEER_SCRIPT = r'''
"""Plain peer: QTableView over QSqlQueryModel, newest 200 tickets; reports when they are painted."""
import json, os, sys, time
from pathlib import Path
from urllib.parse import unquote, urlparse

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
from PySide6.QtWidgets import QApplication, QTableView

target, report, limit = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
events = {}


def memory():
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = round(int(value.split()[0]) / 1024, 1)
    return found


app = QApplication(sys.argv)
events["qapp"] = time.time()
cpu = {"qapp": time.process_time()}
if target.startswith(("postgresql://", "postgres://")):
    url = urlparse(target)
    db = QSqlDatabase.addDatabase("QPSQL")
    db.setHostName(url.hostname or "localhost")
    db.setPort(url.port or 5432)
    db.setDatabaseName(url.path.lstrip("/"))
    db.setUserName(unquote(url.username or ""))
    db.setPassword(unquote(url.password or ""))
else:
    db = QSqlDatabase.addDatabase("QSQLITE")
    db.setDatabaseName(target)
if not db.open():
    sys.exit("peer: cannot open the database: " + db.lastError().text())
model = QSqlQueryModel()
model.setQuery("SELECT external_id, created_at, title, module, kind, status, priority, unit FROM tickets "
               f"ORDER BY created_at DESC LIMIT {limit}", db)
if model.lastError().isValid():
    sys.exit("peer: query failed: " + model.lastError().text())
view = QTableView()
view.setModel(model)
view.setWindowTitle("peer")
view.resize(1600, 940)


class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if "shown" not in events:
                events["shown"], cpu["shown"] = time.time(), time.process_time()
            if watched is view.viewport() and model.rowCount() > 0 and "first_rows" not in events:
                events["first_rows"], cpu["first_rows"] = time.time(), time.process_time()
                if os.environ.get("PEER_UNTIL") == "rows":  # an instruction count ends here, as the app's does
                    finish()
                    os._exit(0)
                QTimer.singleShot(0, finish)
        return False


def finish():
    found = memory()
    report.write_text(json.dumps({"events": events, "rows": model.rowCount(), "driver": db.driverName(),
                                  "rss_mb": found.get("VmRSS"), "peak_rss_mb": found.get("VmHWM"), "cpu_s": cpu}))
    app.quit()


painted = Painted()
view.installEventFilter(painted)
view.viewport().installEventFilter(painted)
view.show()
QTimer.singleShot(120_000, finish)
sys.exit(app.exec())
'''


def prepare(home: Path, tickets: int, role: str, root: Path = ROOT) -> Path:
    """A desk with *tickets* demo tickets (classified) and a saved profile, in its own user folder."""
    env = {**os.environ, "ELSDESK_HOME": str(home)}
    desk = home / "desk.db"
    subprocess.run([sys.executable, "-m", "elsdesk", "--db", str(desk), "demo", "--tickets", str(tickets)],
                   check=True, env=env, cwd=root, capture_output=True)
    save_profile(home, role)
    return desk


def save_profile(home: Path, role: str) -> None:
    (home / "profile.json").write_text(json.dumps({"name": "Bench Bänk", "role": role}), encoding="utf-8")


def copy_desk(source: Path, home: Path) -> Path:
    """A copy of an SQLite desk (with its WAL, if any) in the bench's folder."""
    desk = home / "desk.db"
    shutil.copyfile(source, desk)
    for suffix in ("-wal",):
        if Path(str(source) + suffix).exists():
            shutil.copyfile(str(source) + suffix, str(desk) + suffix)
    return desk


def move_to_postgres(desk: Path, home: Path, root: Path):
    """Start a throwaway PostgreSQL server and move *desk* into it; (server, url, seconds it took)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from pg_server import PgServer

    server = PgServer().start()
    url = server.create_database("elsdesk_startup")
    env = {**os.environ, "ELSDESK_HOME": str(home)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "elsdesk", "--db", str(desk), "migrate", "--to", url], env=env,
                          cwd=root, capture_output=True, text=True)
    if done.returncode != 0:
        server.stop()
        raise RuntimeError(f"elsdesk migrate failed: {done.stderr[-2000:]}")
    server.admin("ANALYZE", dbname="elsdesk_startup")
    return server, url, time.perf_counter() - started


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def child_environment(**extra: str) -> dict:
    """The environment of a measured process: bytecode cached as an installed app has it (this machine's
    PYTHONDONTWRITEBYTECODE would make every start compile elsdesk's sources again)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def compile_sources(root: Path) -> None:
    """Byte-compile the checkout's elsdesk package, as installing it would."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "elsdesk")], check=True, capture_output=True,
                   env=child_environment())


def _times(data: dict, launched: float, ended: float, steps: tuple[str, ...]) -> dict:
    times = {step: data["events"][step] - launched for step in steps if step in data["events"]}
    times["exit"] = ended - launched
    return times


def _run_reported(command: list[str], env: dict, report: Path, failure: str, timeout: int,
                  cwd: Path | None = None) -> tuple[dict, float, float]:
    """Run a measured process that writes a JSON report; (the report, launch time, end time)."""
    launched = time.time()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    ended = time.time()
    if done.returncode != 0 or not report.exists():
        raise RuntimeError(f"{failure} (exit {done.returncode}): {done.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8")), launched, ended


def start_app(home: Path, desk: str, platform: str, until: str, root: Path = ROOT) -> dict:
    report = home / "startup.json"
    report.unlink(missing_ok=True)
    env = child_environment(ELSDESK_HOME=str(home), ELSDESK_STARTUP_REPORT=str(report), ELSDESK_STARTUP_UNTIL=until,
                            QT_QPA_PLATFORM=platform)
    data, launched, ended = _run_reported([sys.executable, "-m", "elsdesk", "--db", desk, "gui"], env, report,
                                          "the app did not report its start", timeout=900, cwd=root)
    times = _times(data, launched, ended, APP_STEPS)
    times.update(heavy_at_paint=data.get("heavy_at_paint", []), heavy_at_rows=data.get("heavy_at_rows", []),
                 stall=data.get("longest_stall", float("nan")), rss=data.get("rss_mb", {}).get(until_event(until)),
                 peak=data.get("peak_rss_mb"), missing=data.get("missing", []),
                 cpu=data.get("cpu_s", {}).get("first_rows"))
    return times


def until_event(until: str) -> str:
    return "settled" if until == "settled" else "model_ready"


def start_peer(home: Path, desk: str, platform: str) -> dict:
    script, report = home / "peer.py", home / "peer.json"
    script.write_text(PEER_SCRIPT, encoding="utf-8")
    report.unlink(missing_ok=True)
    env = child_environment(QT_QPA_PLATFORM=platform)
    data, launched, ended = _run_reported([sys.executable, str(script), desk, str(report), str(PEER_LIMIT)], env, report,
                                          "the peer did not report", timeout=300)
    times = _times(data, launched, ended, PEER_STEPS)
    times.update(rss=data.get("rss_mb"), peak=data.get("peak_rss_mb"), rows=data.get("rows"), driver=data.get("driver"),
                 cpu=data.get("cpu_s", {}).get("first_rows"))
    return times


def instructions(command: list[str], env: dict, cwd: Path | None = None) -> int:
    """The instructions (callgrind's count, every thread) of one run of *command* under valgrind."""
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                          env={**env, "PYTHONHASHSEED": "0"}, cwd=cwd, capture_output=True, text=True, timeout=1800)
    counted = [line for line in done.stderr.splitlines() if "Collected :" in line]
    if done.returncode != 0 or not counted:
        raise RuntimeError(f"the counted run failed (exit {done.returncode}): {done.stderr[-2000:]}")
    return int(counted[-1].split(":")[-1].strip())


def count_instructions(args, home: Path, desk: str, root: Path) -> dict:
    """Instructions from launch to the first rows of the app and of the peer, after one plain start of the app
    (its first start on a desk writes to it)."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    start_app(home, desk, args.platform, "rows", root)
    report = home / "startup.json"
    app_env = child_environment(ELSDESK_HOME=str(home), ELSDESK_STARTUP_REPORT=str(report), ELSDESK_STARTUP_UNTIL="rows",
                                QT_QPA_PLATFORM=args.platform)
    app = instructions([sys.executable, "-m", "elsdesk", "--db", desk, "gui"], app_env, cwd=root)
    script = home / "peer.py"
    script.write_text(PEER_SCRIPT, encoding="utf-8")
    peer = instructions([sys.executable, str(script), desk, str(home / "peer.json"), str(PEER_LIMIT)],
                        child_environment(QT_QPA_PLATFORM=args.platform, PEER_UNTIL="rows"))
    return {"instructions": {"app": app, "peer": peer, "ratio": app / peer}}


def _spin(stop) -> None:
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def _summary(runs: list[dict], how) -> dict:
    return {step: how(r[step] for r in runs) for step in COLUMNS
            if runs and all(isinstance(r.get(step), (int, float)) for r in runs)}


def _ratios(pairs: list[tuple[dict, dict]], step: str) -> list[float]:
    return [app[step] / peer[step] for app, peer in pairs if step in app and step in peer and peer[step] > 0]


def measure(args, home: Path, desk: str, root: Path) -> dict:
    results: dict = {"desk": desk if desk.startswith("postgres") else "sqlite file"}
    stop = multiprocessing.Event()
    spinners = [multiprocessing.Process(target=_spin, args=(stop,), daemon=True) for _ in range(args.load)]
    for spinner in spinners:
        spinner.start()
    try:
        caches_dropped = drop_caches()
        results["cold"] = {"app": start_app(home, desk, args.platform, args.until, root), "caches_dropped": caches_dropped}
        if not args.no_peer:
            drop_caches()
            results["cold"]["peer"] = start_peer(home, desk, args.platform)
        pairs = []
        for round_number in range(args.runs):
            if args.no_peer:
                pairs.append((start_app(home, desk, args.platform, args.until, root), {}))
            elif round_number % 2 == 0:
                app = start_app(home, desk, args.platform, args.until, root)
                pairs.append((app, start_peer(home, desk, args.platform)))
            else:
                peer = start_peer(home, desk, args.platform)
                pairs.append((start_app(home, desk, args.platform, args.until, root), peer))
            print(f"round {round_number + 1}/{args.runs} done", file=sys.stderr, flush=True)
    finally:
        stop.set()
        for spinner in spinners:
            spinner.join()
    apps, peers = [a for a, _ in pairs], [p for _, p in pairs if p]
    results["warm_runs"] = [{"app": a, "peer": p} for a, p in pairs]
    results["app"] = {"median": _summary(apps, statistics.median), "min": _summary(apps, min), "max": _summary(apps, max)}
    if peers:
        results["peer"] = {"median": _summary(peers, statistics.median), "min": _summary(peers, min),
                           "driver": peers[0]["driver"], "rows": peers[0]["rows"]}
        results["ratio"] = {step: {"of_medians": results["app"]["median"][step] / results["peer"]["median"][step],
                                   "median_of_pairs": statistics.median(_ratios(pairs, step))}
                            for step in ("shown", "first_rows", "cpu", "rss", "peak")
                            if step in results["app"]["median"] and step in results["peer"]["median"]}
    return results


def run(args) -> dict:
    root = Path(args.root).resolve()
    with tempfile.TemporaryDirectory(prefix="elsdesk-startup-") as folder:
        home = Path(folder)
        server = None
        moved_s = None
        if args.desk and args.desk.startswith(("postgresql://", "postgres://")):
            desk = args.desk
        else:
            if args.desk:
                print(f"copying {args.desk} ...", file=sys.stderr, flush=True)
                desk = str(copy_desk(Path(args.desk), home))
                save_profile(home, args.role)
            else:
                print(f"preparing a demo desk of {args.tickets} tickets ...", file=sys.stderr, flush=True)
                desk = str(prepare(home, args.tickets, args.role, root))
            if args.backend == "postgres":
                print("moving the desk to a throwaway PostgreSQL server ...", file=sys.stderr, flush=True)
                server, desk, moved_s = move_to_postgres(Path(desk), home, root)
        compile_sources(root)
        try:
            results = (count_instructions if args.instructions else measure)(args, home, desk, root)
        finally:
            if server is not None:
                server.stop()
    results["backend"] = "postgres" if desk.startswith("postgres") else "sqlite"
    if moved_s is not None:
        results["migrate_s"] = moved_s
    return results


def _row(label: str, values: dict) -> str:
    def cell(step):
        value = values.get(step)
        if not isinstance(value, (int, float)):
            return f"{'-':>12}"
        return f"{value:12.0f}" if step in ("rss", "peak") else f"{value:12.3f}" if step == "cpu" else f"{value:12.2f}"

    return f"{label:22}" + "".join(cell(step) for step in COLUMNS)


def report(args, results: dict) -> None:
    if "instructions" in results:
        counted = results["instructions"]
        print(f"elsdesk start-up, instructions from launch to the first rows' paint (callgrind, every thread), "
              f"{args.desk or f'{args.tickets} demo tickets'} on {results['backend']}, role {args.role}")
        print(f"app {counted['app'] / 1e6:,.0f} million, peer {counted['peer'] / 1e6:,.0f} million: "
              f"ratio app/peer {counted['ratio']:.2f}x")
        return
    print(f"elsdesk start-up, whole process, {args.desk or f'{args.tickets} demo tickets'} on {results['backend']}, "
          f"role {args.role}, platform {args.platform}, {args.load} busy processes, {os.cpu_count()} cores, "
          f"{args.runs} paired rounds, until {args.until}")
    print(f"{'':22}" + "".join(f"{step:>12}" for step in COLUMNS))
    cold = results["cold"]
    label = "cold" if cold["caches_dropped"] else "cold (cache kept)"
    print(_row(f"app {label}", cold["app"]))
    if "peer" in cold:
        print(_row(f"peer {label}", cold["peer"]))
    for side in ("app", "peer"):
        if side in results:
            print(_row(f"{side} warm median", results[side]["median"]))
            print(_row(f"{side} warm min", results[side]["min"]))
    if "peer" in results:
        print(f"peer: {results['peer']['driver']}, {results['peer']['rows']} rows")
        for step, ratio in results["ratio"].items():
            print(f"ratio app/peer {step:11} {ratio['of_medians']:6.2f}x of the medians, "
                  f"{ratio['median_of_pairs']:6.2f}x median of the paired rounds")
    app_max = results["app"]["max"]
    print(f"app: window shown at most {app_max.get('shown', float('nan')):.2f} s, first rows at most "
          f"{app_max.get('first_rows', float('nan')):.2f} s over {args.runs} runs; heavy modules imported at the "
          f"first paint: {', '.join(cold['app']['heavy_at_paint']) or 'none'}; at the first rows: "
          f"{', '.join(cold['app']['heavy_at_rows']) or 'none'}")
    missing = sorted({step for run in results["warm_runs"] for step in run["app"].get("missing", [])})
    if missing:
        print(f"app: some runs ended at the time limit before: {', '.join(missing)}")
    if "migrate_s" in results:
        print(f"(the desk was moved to PostgreSQL with elsdesk migrate in {results['migrate_s']:.1f} s before the runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1200, help="demo tickets in the prepared desk")
    parser.add_argument("--desk", help="an existing desk instead: an SQLite file (copied first) or postgresql://…")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite",
                        help="postgres: move the (prepared or --desk) SQLite desk to a throwaway server first")
    parser.add_argument("--role", default="superanvandare", choices=("els_stod", "superanvandare", "utbildningsansvarig"))
    parser.add_argument("--runs", type=int, default=5, help="paired rounds after the cold one")
    parser.add_argument("--load", type=int, default=0, help="busy processes during the runs (e.g. the number of cores)")
    parser.add_argument("--until", choices=("model", "settled"), default="model",
                        help="an app run ends when the model is ready, or when all start-up work has settled")
    parser.add_argument("--no-peer", action="store_true", help="only the app (e.g. to compare checkouts with --root)")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--root", default=str(ROOT),
                        help="the checkout to start (python -m elsdesk runs there), e.g. an older commit to compare with")
    parser.add_argument("--instructions", action="store_true",
                        help="count the instructions to the first rows under valgrind instead of timing rounds")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args)
    if args.json:
        print(json.dumps(results))
        return
    report(args, results)


if __name__ == "__main__":
    main()
