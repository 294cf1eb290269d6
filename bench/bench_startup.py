"""Start-up of the desktop app as a whole process: from launching ``python -m elsdesk gui`` until the
main window has painted, its list has loaded and the model is ready.

Each run starts a fresh process on a prepared desk (a local SQLite file with demo tickets and a
profile, so no first-start questions) with ``ELSDESK_STARTUP_REPORT`` set: the app writes when each
step happened and quits by itself (elsdesk/gui/startup_probe.py). Times are seconds from the
launch; "stall" is the longest the GUI thread was busy (no event loop) between the first paint and
the model being ready, i.e. how long the visible window could not react.

  cold   the operating system's file cache dropped first (needs root on Linux; otherwise said so)
  warm   the same run again, caches warm (median of --runs)
  loaded --load busy processes (default: one per core) spin on every core during the runs

    .venv/bin/python bench/bench_startup.py [--tickets 1200] [--role superanvandare] [--runs 5] [--load N]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STEPS = ("qapp", "window_built", "shown", "list_loaded", "model_ready")
COLUMNS = (*STEPS, "exit", "stall")


def prepare(home: Path, tickets: int, role: str, root: Path = ROOT) -> Path:
    """A desk with *tickets* demo tickets (classified) and a saved profile, in its own user folder."""
    env = {**os.environ, "ELSDESK_HOME": str(home)}
    desk = home / "desk.db"
    subprocess.run([sys.executable, "-m", "elsdesk", "--db", str(desk), "demo", "--tickets", str(tickets)],
                   check=True, env=env, cwd=root, capture_output=True)
    (home / "profile.json").write_text(json.dumps({"name": "Bench Bänk", "role": role}), encoding="utf-8")
    return desk


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def start_once(home: Path, desk: Path, platform: str, root: Path = ROOT) -> dict:
    report = home / "startup.json"
    report.unlink(missing_ok=True)
    env = {**os.environ, "ELSDESK_HOME": str(home), "ELSDESK_STARTUP_REPORT": str(report), "QT_QPA_PLATFORM": platform}
    launched = time.time()
    done = subprocess.run([sys.executable, "-m", "elsdesk", "--db", str(desk), "gui"], env=env, cwd=root,
                          capture_output=True, text=True, timeout=300)
    ended = time.time()
    if done.returncode != 0 or not report.exists():
        raise RuntimeError(f"the app did not report its start (exit {done.returncode}): {done.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    times = {step: data["events"][step] - launched for step in STEPS if step in data["events"]}
    times["exit"] = ended - launched
    times["heavy_at_paint"] = data.get("heavy_at_paint", [])
    times["stall"] = data.get("longest_stall", float("nan"))
    return times


def _spin(stop) -> None:
    while not stop.is_set():
        sum(i * i for i in range(10_000))


def run(args) -> dict:
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="elsdesk-startup-") as folder:
        home = Path(folder)
        root = Path(args.root).resolve()
        desk = prepare(home, args.tickets, args.role, root)
        stop = multiprocessing.Event()
        spinners = [multiprocessing.Process(target=_spin, args=(stop,), daemon=True) for _ in range(args.load)]
        for spinner in spinners:
            spinner.start()
        try:
            cold_possible = drop_caches()
            results["cold"] = start_once(home, desk, args.platform, root)
            results["cold"]["caches_dropped"] = cold_possible
            warm = [start_once(home, desk, args.platform, root) for _ in range(args.runs)]
        finally:
            stop.set()
            for spinner in spinners:
                spinner.join()
        results["warm_runs"] = warm
        results["warm_median"] = {step: statistics.median(r[step] for r in warm) for step in COLUMNS
                                  if all(step in r for r in warm)}
        results["warm_max"] = {step: max(r[step] for r in warm) for step in ("shown",) if all(step in r for r in warm)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=1200)
    parser.add_argument("--role", default="superanvandare", choices=("els_stod", "superanvandare", "utbildningsansvarig"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--load", type=int, default=0, help="busy processes during the runs (e.g. the number of cores)")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    parser.add_argument("--root", default=str(ROOT),
                        help="the checkout to start (python -m elsdesk runs there), e.g. an older commit to compare with")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = run(args)
    if args.json:
        print(json.dumps(results))
        return
    print(f"elsdesk start-up, whole process, {args.tickets} tickets, role {args.role}, platform {args.platform}, "
          f"{args.load} busy processes, {os.cpu_count()} cores")
    print(f"{'':14}" + "".join(f"{step:>13}" for step in COLUMNS))
    cold = results["cold"]
    label = "cold" if cold["caches_dropped"] else "cold (cache not dropped)"
    print(f"{label:14}" + "".join(f"{cold.get(step, float('nan')):13.2f}" for step in COLUMNS))
    median = results["warm_median"]
    print(f"{'warm median':14}" + "".join(f"{median.get(step, float('nan')):13.2f}" for step in COLUMNS))
    print(f"warm: window shown at most {results['warm_max']['shown']:.2f} s over {args.runs} runs; "
          f"heavy modules already imported at first paint: {', '.join(cold['heavy_at_paint']) or 'none'}")


if __name__ == "__main__":
    main()
