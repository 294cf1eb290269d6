"""Benchmark many workstations writing to one desk at once, and how fast the others hear of it.

N writer processes (one connection each, like N workstations) share one desk for S seconds.
Each loops over a mix of writes, timing only the service call (not the read before an edit):

- **log**: :func:`log_ticket` of a new ticket, numbered by the desk (``ELS-nnnnnn``);
- **edit**: :func:`repo.get` of a random ticket from a shared pool, then :func:`save_ticket` with
  the version check; a :class:`ConflictError` (someone saved it first) is a *conflict*, expected;
- **confirm**: :func:`confirm_labels` on a random pool ticket, as this writer's actor name;
- **import**: :func:`import_tickets` of a JSONL file of 20 rows with external ids unique per writer.

Every writer reports what it believes it committed. The parent then checks that every logged
ticket (external id and title) and every imported external id is in the desk (*rows lost*), that
the desk holds one review decision per confirmation per actor, and that the pool tickets' versions
add up to the edits and confirmations that succeeded (*updates lost*). Any exception other than a
conflict is an *unexpected error*.

On PostgreSQL, a thread in the parent measures the **notify delay**: it commits a write that
touches no row of ``topic_registry`` (the statement trigger still fires ``pg_notify``; no writer
touches that table) and a second thread on a ``LISTEN elsdesk_changes`` connection stamps the
notice's arrival. The delay runs from just before COMMIT to receipt; measured idle before the run
and every 0.2 s under load. SQLite has no notifications (the GUI polls ``data_version``).

Run from the repository root (PostgreSQL starts a throwaway server unless ``--url`` is given)::

    .venv/bin/python bench/bench_concurrency.py [--writers 10] [--seconds 60] [--backend postgres|sqlite] [--url URL]

With ``--url`` the desk is migrated if needed and the run's rows (external ids ``BENCH-<run>-…``)
stay in it. Prints a table and, last, one line ``RESULT {json}``. Exits 1 if rows or updates were
lost or unexpected errors occurred.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import queue
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from elsdesk.domain import ConflictError, Ticket  # noqa: E402
from elsdesk.services.imports import import_tickets  # noqa: E402
from elsdesk.services.review import confirm_labels  # noqa: E402
from elsdesk.services.tickets import log_ticket, save_ticket  # noqa: E402
from elsdesk.storage import TicketRepository, open_database  # noqa: E402
from elsdesk.taxonomy import load_taxonomy  # noqa: E402

KINDS = ("log", "edit", "confirm", "import")
MIX = {"log": 40, "edit": 25, "confirm": 20, "import": 15}
IMPORT_ROWS = 20
POOL_SIZE = 100
NOTIFY_IDLE_PROBES = 30
NOTIFY_INTERVAL_S = 0.2
NOTIFY_TIMEOUT_S = 2.0
PROBE_ID = "__bench_notify_probe__"  # no such topic: the UPDATE touches no row, the trigger still fires
START_TIMEOUT_S = 60.0
FINISH_GRACE_S = 60.0
TITLES = ["Kan inte signera given dos", "Provsvar syns inte", "SITHS-kortet låst", "Skrivaren skriver inte ut",
          "Tidboken visar fel", "Remissen kommer inte fram", "Cosmic hänger sig", "Läkemedelslistan inte godkänd"]
STATUSES = ("ny", "pagar", "vantar", "lost")


# -- one writer (runs in its own process) ----------------------------------------------------
def _import_file(folder: Path, prefix: str, batch: int, rng: random.Random, modules, kinds) -> tuple[Path, list[str]]:
    path = folder / f"{prefix}-{batch:05d}.jsonl"
    ids = [f"{prefix}-I{batch:05d}-R{row:02d}" for row in range(IMPORT_ROWS)]
    now = datetime.now().replace(microsecond=0).isoformat()
    with open(path, "w", encoding="utf-8") as handle:
        for external_id in ids:
            handle.write(json.dumps({
                "id": external_id, "created_at": now, "title": rng.choice(TITLES),
                "description": f"Importerad rad {external_id}. Gäller flera patienter på avd {rng.randint(1, 40)}.",
                "status": "ny", "module": rng.choice(modules), "kind": rng.choice(kinds),
            }, ensure_ascii=False) + "\n")
    return path, ids


def writer_main(number: int, target: str, run_tag: str, pool_ids: list[int], seconds: float,
                ready, start, results) -> None:
    """Connect, wait for the start signal, write for *seconds*, put one result dict on *results*."""
    rng = random.Random(f"{run_tag}-{number}")
    taxonomy = load_taxonomy()
    modules, kinds = list(taxonomy.module_ids), list(taxonomy.kind_ids)
    actor = f"bench-{run_tag}-w{number:02d}"
    prefix = f"BENCH-{run_tag}-W{number:02d}"
    out = {"writer": number, "actor": actor, "latency_ms": {k: [] for k in KINDS}, "conflicts": 0,
           "errors": Counter(), "error_examples": [], "logged": [], "imported": [], "edits_ok": 0,
           "confirms_ok": 0, "ops": 0}
    database = open_database(target)
    repo = TicketRepository(database)
    ready.put(number)
    start.wait()
    deadline = time.monotonic() + seconds
    folder = Path(tempfile.mkdtemp(prefix=f"elsdesk-bench-w{number:02d}-"))
    batch = 0
    try:
        while time.monotonic() < deadline:
            kind = rng.choices(KINDS, weights=[MIX[k] for k in KINDS])[0]
            try:
                if kind == "log":
                    title = f"{rng.choice(TITLES)} {prefix}-L{out['ops']:06d}"
                    ticket = Ticket(title=title, description="Loggad under bänktest. Provat att logga ut och in igen.",
                                    module=rng.choice(modules), kind=rng.choice(kinds))
                    t0 = time.perf_counter()
                    stored, _ = log_ticket(database, ticket, actor)
                    elapsed = time.perf_counter() - t0
                    out["logged"].append((stored.external_id, title))
                elif kind == "edit":
                    ticket = repo.get(rng.choice(pool_ids))
                    changed = ticket.with_changes(status=rng.choice(STATUSES), priority=rng.choice(("normal", "hog")),
                                                  description=f"Redigerad av {actor} ({out['ops']}).")
                    t0 = time.perf_counter()
                    try:
                        save_ticket(database, changed, actor)
                    except ConflictError:
                        out["conflicts"] += 1
                        out["latency_ms"][kind].append((time.perf_counter() - t0) * 1000)
                        out["ops"] += 1
                        continue
                    elapsed = time.perf_counter() - t0
                    out["edits_ok"] += 1
                elif kind == "confirm":
                    ticket_id = rng.choice(pool_ids)
                    t0 = time.perf_counter()
                    confirm_labels(database, ticket_id, rng.choice(modules), rng.choice(kinds), actor)
                    elapsed = time.perf_counter() - t0
                    out["confirms_ok"] += 1
                else:
                    path, ids = _import_file(folder, prefix, batch, rng, modules, kinds)
                    batch += 1
                    t0 = time.perf_counter()
                    report = import_tickets(database, path)
                    elapsed = time.perf_counter() - t0
                    if report.new != IMPORT_ROWS or report.rejected:
                        raise RuntimeError(f"import: {report.new} new, rejected {report.rejected[:2]}")
                    out["imported"].extend(ids)
                out["latency_ms"][kind].append(elapsed * 1000)
                out["ops"] += 1
            except Exception as exc:  # noqa: BLE001 - every other failure is what we count
                out["errors"][f"{kind}: {type(exc).__name__}"] += 1
                if len(out["error_examples"]) < 5:
                    out["error_examples"].append(f"{kind}: {type(exc).__name__}: {str(exc)[:200]}")
                time.sleep(0.05)
    finally:
        out["ended"] = time.monotonic()
        database.close()
        for path in folder.glob("*.jsonl"):
            path.unlink()
        folder.rmdir()
    out["errors"] = dict(out["errors"])
    results.put(out)


# -- notify delay (PostgreSQL) ---------------------------------------------------------------
class NotifyProbe:
    """Commits no-row writes to ``topic_registry`` and times until a LISTEN connection hears of them."""

    def __init__(self, target: str):
        self.database = open_database(target)
        self.listener = self.database.listen_connection()
        self.listener.execute("LISTEN elsdesk_changes")
        self.arrivals: queue.Queue[float] = queue.Queue()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._listen, name="notify-listener", daemon=True)
        self.thread.start()
        self.missed = 0

    def _listen(self) -> None:
        while not self.stop.is_set():
            for notice in self.listener.notifies(timeout=0.2):
                if notice.payload == "topic_registry":
                    self.arrivals.put(time.perf_counter())

    def probe(self) -> float | None:
        """One notice's delay in ms, or None when none arrived within NOTIFY_TIMEOUT_S."""
        while not self.arrivals.empty():
            self.arrivals.get_nowait()
        with self.database.write() as conn:
            conn.execute("UPDATE topic_registry SET label = label WHERE id = ?", (PROBE_ID,))
            before_commit = time.perf_counter()
        try:
            return (self.arrivals.get(timeout=NOTIFY_TIMEOUT_S) - before_commit) * 1000
        except queue.Empty:
            self.missed += 1
            return None

    def run_until(self, done: threading.Event, samples: list[float]) -> None:
        while not done.is_set():
            delay = self.probe()
            if delay is not None:
                samples.append(delay)
            done.wait(NOTIFY_INTERVAL_S)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=2)
        self.listener.close()
        self.database.close()


# -- the run ---------------------------------------------------------------------------------
def percentiles(samples: list[float]) -> dict:
    if not samples:
        return {"p50": None, "p95": None, "max": None, "n": 0}
    ordered = sorted(samples)
    if len(ordered) == 1:
        return {"p50": ordered[0], "p95": ordered[0], "max": ordered[0], "n": 1}
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "max": ordered[-1], "n": len(ordered)}


def seed_pool(target: str, run_tag: str, folder: Path) -> list[int]:
    """POOL_SIZE labelled tickets that every writer edits and confirms; their ids."""
    path = folder / "pool.jsonl"
    rng = random.Random(run_tag)
    taxonomy = load_taxonomy()
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(POOL_SIZE):
            handle.write(json.dumps({
                "id": f"BENCH-{run_tag}-POOL-{i:04d}", "created_at": "2025-05-05T09:00:00",
                "title": rng.choice(TITLES), "description": "Delat ärende som alla skrivare ändrar.",
                "module": rng.choice(taxonomy.module_ids), "kind": rng.choice(taxonomy.kind_ids),
            }, ensure_ascii=False) + "\n")
    database = open_database(target)
    try:
        import_tickets(database, path)
        found = TicketRepository(database).external_ids([f"BENCH-{run_tag}-POOL-{i:04d}" for i in range(POOL_SIZE)])
    finally:
        database.close()
    return sorted(t.id for t in found.values())


def verify(target: str, run_tag: str, outs: list[dict], pool_ids: list[int]) -> dict:
    """What the writers believe they committed against what the desk holds."""
    database = open_database(target)
    try:
        logged = [pair for out in outs for pair in out["logged"]]
        imported = [eid for out in outs for eid in out["imported"]]
        stored: dict[str, str] = {}
        wanted = [eid for eid, _ in logged] + imported
        for i in range(0, len(wanted), 900):
            chunk = wanted[i:i + 900]
            marks = ",".join("?" * len(chunk))
            stored.update(database.query(f"SELECT external_id, title FROM tickets WHERE external_id IN ({marks})", chunk))
        logged_lost = sum(1 for eid, title in logged if stored.get(eid) != title)
        imported_lost = sum(1 for eid in imported if eid not in stored)
        decisions = dict(database.query("SELECT actor, count(*) FROM review_decisions WHERE actor LIKE ?"
                                        " GROUP BY actor", (f"bench-{run_tag}-w%",)))
        decisions_lost = sum(max(0, out["confirms_ok"] - decisions.get(out["actor"], 0)) for out in outs)
        decisions_extra = sum(max(0, decisions.get(out["actor"], 0) - out["confirms_ok"]) for out in outs)
        marks = ",".join("?" * len(pool_ids))
        version_sum = database.query(f"SELECT coalesce(sum(version - 1), 0) FROM tickets WHERE id IN ({marks})",
                                     pool_ids)[0][0]
        expected_updates = sum(out["edits_ok"] + out["confirms_ok"] for out in outs)
        tickets_total = TicketRepository(database).count()
    finally:
        database.close()
    return {
        "logged": len(logged), "imported": len(imported), "logged_lost": logged_lost, "imported_lost": imported_lost,
        "rows_lost": logged_lost + imported_lost, "decisions_lost": decisions_lost, "decisions_extra": decisions_extra,
        "updates_expected": expected_updates, "updates_found": int(version_sum),
        "updates_lost": max(0, expected_updates - int(version_sum)), "tickets_in_desk": tickets_total,
    }


def _say(message: str, since: float) -> None:
    print(f"[{time.monotonic() - since:6.1f} s] {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> dict:
    t_start = time.monotonic()
    run_tag = datetime.now().strftime("%H%M%S")
    server = None
    folder = Path(tempfile.mkdtemp(prefix="elsdesk-bench-conc-"))
    result: dict = {"backend": args.backend, "writers": args.writers, "seconds": args.seconds, "run": run_tag}
    try:
        if args.backend == "postgres" and not args.url:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg_server import PgServer

            _say("starting a throwaway PostgreSQL server ...", t_start)
            server = PgServer().start()
            target = server.create_database("elsdesk_bench")
        else:
            target = args.url or str(folder / "desk.db")
        open_database(target, migrate_schema=True).close()
        pool_ids = seed_pool(target, run_tag, folder)
        if args.backend == "postgres":
            with open_database(target) as db:
                result["server"] = db.query("SHOW server_version")[0][0]
        else:
            import sqlite3

            result["server"] = sqlite3.sqlite_version

        # fork: the writers start at once with everything imported (spawn re-imports scikit-learn and
        # the rest per writer, ~30 s for 10 writers on 2 cores); no connection or thread is open here yet
        ctx = mp.get_context("fork")
        ready, start, results = ctx.Queue(), ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=writer_main, name=f"writer-{n}", daemon=True,
                             args=(n, target, run_tag, pool_ids, args.seconds, ready, start, results))
                 for n in range(args.writers)]
        _say(f"seeded {POOL_SIZE} pool tickets; starting {args.writers} writers ...", t_start)
        for proc in procs:
            proc.start()
        for _ in procs:
            ready.get(timeout=START_TIMEOUT_S)
        probe = NotifyProbe(target) if args.backend == "postgres" else None
        idle: list[float] = []
        if probe:  # the writers are connected and waiting: the desk is idle
            for _ in range(NOTIFY_IDLE_PROBES):
                delay = probe.probe()
                if delay is not None:
                    idle.append(delay)
                time.sleep(0.02)
        loaded: list[float] = []
        done = threading.Event()
        prober = threading.Thread(target=probe.run_until, args=(done, loaded), daemon=True) if probe else None
        began = time.monotonic()
        start.set()
        if prober:
            prober.start()
        _say(f"writers connected; writing for {args.seconds:g} s ...", t_start)
        outs, missing = [], 0
        for _ in procs:
            try:
                outs.append(results.get(timeout=max(1.0, began + args.seconds + FINISH_GRACE_S - time.monotonic())))
            except queue.Empty:
                missing += 1
        done.set()
        _say("writers reported", t_start)
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        if prober:
            prober.join(timeout=NOTIFY_TIMEOUT_S + 1)
            probe.close()
        wall = max([out["ended"] for out in outs], default=time.monotonic()) - began

        latency = {k: [ms for out in outs for ms in out["latency_ms"][k]] for k in KINDS}
        errors = Counter()
        for out in outs:
            errors.update(out["errors"])
        if missing:
            errors["writer did not report"] += missing
        total_ops = sum(out["ops"] for out in outs)
        result.update({
            "wall_s": wall, "total_ops": total_ops, "ops_per_s": total_ops / wall if wall > 0 else 0.0,
            "latency_ms": {**{k: percentiles(v) for k, v in latency.items()},
                           "all": percentiles([ms for v in latency.values() for ms in v])},
            "conflicts": sum(out["conflicts"] for out in outs),
            "edits_ok": sum(out["edits_ok"] for out in outs), "confirms_ok": sum(out["confirms_ok"] for out in outs),
            "unexpected_errors": sum(errors.values()), "errors_by_kind": dict(errors),
            "error_examples": [e for out in outs for e in out["error_examples"]][:10],
            "notify_idle_ms": percentiles(idle) if probe else None,
            "notify_load_ms": percentiles(loaded) if probe else None,
            "notify_missed": probe.missed if probe else None,
        })
        _say("verifying ...", t_start)
        result["verify"] = verify(target, run_tag, outs, pool_ids)
    finally:
        if server is not None:
            server.stop()
        _say("done", t_start)
        for path in folder.glob("*"):
            path.unlink()
        folder.rmdir()
    return result


def print_table(r: dict) -> None:
    def line(label: str, value: str) -> None:
        print(f"  {label:<34} {value}")

    def dist(s: dict | None) -> str:
        if not s or not s["n"]:
            return "n/a"
        return f"p50 {s['p50']:8.2f} ms   p95 {s['p95']:8.2f} ms   max {s['max']:8.2f} ms  (n={s['n']})"

    v = r["verify"]
    print()
    print(f"elsdesk concurrency benchmark — backend {r['backend']} {r['server']}, {r['writers']} writers, "
          f"{r['seconds']:g} s (wall {r['wall_s']:.1f} s)")
    print("=" * 100)
    line("total ops", f"{r['total_ops']:,}  ({r['ops_per_s']:.1f} ops/s)")
    for kind in (*KINDS, "all"):
        label = f"latency {kind}" + (f" ({IMPORT_ROWS} rows)" if kind == "import" else "")
        line(label, dist(r["latency_ms"][kind]))
    line("edits saved / conflicts", f"{r['edits_ok']:,} / {r['conflicts']:,}")
    line("confirmations", f"{r['confirms_ok']:,}")
    line("unexpected errors", f"{r['unexpected_errors']}" + (f"  {r['errors_by_kind']}" if r["errors_by_kind"] else ""))
    for example in r["error_examples"]:
        line("  e.g.", example)
    line("rows lost", f"{v['rows_lost']}  (logged {v['logged_lost']}/{v['logged']:,}, "
                      f"imported {v['imported_lost']}/{v['imported']:,})")
    line("updates lost", f"{v['updates_lost']}  (pool versions +{v['updates_found']:,}, "
                         f"expected +{v['updates_expected']:,})")
    line("review decisions lost / extra", f"{v['decisions_lost']} / {v['decisions_extra']}")
    line("tickets in desk", f"{v['tickets_in_desk']:,}")
    if r["notify_load_ms"] is not None:
        line("notify delay idle", dist(r["notify_idle_ms"]))
        line("notify delay under load", dist(r["notify_load_ms"]) + f"  missed {r['notify_missed']}")
    else:
        line("notify delay", "n/a (SQLite has no notifications)")
    print("=" * 100)


def failed(r: dict) -> bool:
    v = r["verify"]
    return bool(v["rows_lost"] or v["updates_lost"] or v["decisions_lost"] or r["unexpected_errors"])


def _rounded(value):
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writers", type=int, default=10, help="writer processes (default %(default)s)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long they write (default %(default)s)")
    parser.add_argument("--backend", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--url", help="an existing PostgreSQL desk (postgresql://…) instead of a throwaway server")
    args = parser.parse_args(argv)
    if args.writers < 1 or args.seconds <= 0:
        parser.error("--writers and --seconds must be positive")
    if args.url and args.backend != "postgres":
        parser.error("--url is for --backend postgres")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    result = run(args)
    print_table(result)
    print("RESULT " + json.dumps(_rounded(result), ensure_ascii=False, sort_keys=True))
    return 1 if failed(result) else 0


if __name__ == "__main__":
    sys.exit(main())
