"""Topic quality on held-out go-live weeks, measured through the CLI contract only.

The data (bench/data/topic_weeks.jsonl, built by bench/build_topic_weeks.py; or with --data the second
region, bench/data/topic_weeks_alvdal.jsonl, written later by other hands) is eight ISO weeks of an
imagined region written for this bench and nothing else: neither the seed corpus nor the topic
finder's reference texts contain it. Each line carries two answer fields, ``truth_problem`` (a slug,
null for a one-off) and ``truth_problem_name`` (the trainer's name of the problem); they are removed
before anything reaches the app.

Day one, nothing linked: a fresh desk imports all weeks (module and kind as written, the import
classifying whatever is unlabelled), then ``topics --week W --json`` runs for each week. Per week, a
problem with at least 2 tickets that week counts as found when one topic holds >= 60% of its tickets
and is made >= 60% of them (recall); a topic is pure when >= 60% of it is one problem (purity).
Continuity: a topic that keeps the id of a topic of the week before (its name and "weeks in a row")
is right when both are >= 60% the same problem; missed when both weeks had a pure topic of a
problem under two ids.
With ``--labels model`` (or ``both``) a second fresh desk imports the same tickets without module
and kind, so the topics rest on the model's labels as on a desk where nobody has labelled yet.

Assisted: a fresh desk imports weeks 1-2 with ``problem`` set to the truth name (a super-user's
links), then weeks 3-8 without; for each later week the topic a ticket lands in is read. Recall: of
the later tickets whose problem was linked in weeks 1-2, the share in the topic whose ``problem`` is
their problem. Precision: of the later tickets in a topic with a non-null ``problem``, the share whose
problem that is. The same two figures for a plain peer computed here (TF-IDF char_wb 3-5 + word 1-2,
cosine to each linked problem's centroid), once assigning every later ticket, once only above a
similarity threshold chosen for 0.80 precision on weeks 1-2 by leave-one-out. ``--assisted-labels``
chooses the labels: as written (``given``), the model's in every week (``model``: people link but
label nothing), or as written in the linked weeks and the model's later (``mixed``: people confirmed
what they linked, the new weeks are as the model read them, as on a desk in its third week).

Every app call runs as ``.venv/bin/python -m elsdesk --db <tmp>/desk.db ...`` with HOME,
XDG_DATA_HOME and ELSDESK_HOME in a temporary folder, so no user state is read or changed.

Run: .venv/bin/python bench/bench_topic_quality.py [--data FILE] [--labels given|model|both] [--assisted-labels given|model|mixed|both|all]
     [--skip-day-one] [--skip-assisted] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "topic_weeks.jsonl"
PYTHON = ROOT / ".venv" / "bin" / "python"
SHARE = 0.6  # "holds >= 60% of the problem's tickets and is made >= 60% of them"
PEER_PRECISION = 0.80
TRUTH = ("truth_problem", "truth_problem_name")


def read_rows(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        year, week, _ = datetime.fromisoformat(row["created_at"]).isocalendar()
        row["_week"] = f"{year}-W{week:02d}"
    return rows


class Desk:
    """One fresh desk in a temporary folder, driven through the CLI."""

    def __init__(self, root: Path, name: str):
        self.folder = root / name
        self.folder.mkdir(parents=True)
        self.db = self.folder / "desk.db"
        self.env = dict(os.environ, HOME=str(self.folder), XDG_DATA_HOME=str(self.folder / "data"),
                        XDG_CONFIG_HOME=str(self.folder / "config"), XDG_CACHE_HOME=str(self.folder / "cache"),
                        ELSDESK_HOME=str(self.folder / "elsdesk"), QT_QPA_PLATFORM="offscreen")
        self.env.pop("ELSDESK_DB", None)
        # the checkout this bench lives in, not whichever elsdesk the virtualenv has installed: the CLI runs in the
        # desk's folder, so `python -m elsdesk` found the installed one, and a copy of older code measured the newer
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))

    def run(self, *args: str) -> tuple[subprocess.CompletedProcess, float]:
        start = time.perf_counter()
        done = subprocess.run([str(PYTHON), "-m", "elsdesk", "--db", str(self.db), *args], cwd=self.folder,
                              env=self.env, capture_output=True, text=True, encoding="utf-8")
        return done, time.perf_counter() - start

    def import_rows(self, rows: list[dict], name: str, drop: tuple = ()) -> str:
        path = self.folder / name
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                clean = {k: v for k, v in row.items() if not k.startswith("_") and k not in TRUTH and k not in drop}
                out.write(json.dumps(clean, ensure_ascii=False) + "\n")
        done, seconds = self.run("import", str(path))
        if done.returncode != 0:
            raise SystemExit(f"import {name} failed (exit {done.returncode}): {done.stderr.strip()}")
        return f"{done.stdout.strip()} ({seconds:.1f} s)"

    def topics(self, *args: str) -> tuple[dict, float]:
        done, seconds = self.run("topics", *args, "--json")
        if done.returncode != 0:
            raise SystemExit(f"topics {' '.join(args)} failed (exit {done.returncode}): {done.stderr.strip()}")
        return json.loads(done.stdout), seconds


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def fmt(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "– (0/0)"


def score_week(rows: list[dict], topics: list[dict]) -> dict:
    """Recall, purity and coverage of one week's topics against the planted problems."""
    truth = {r["id"]: r["truth_problem"] for r in rows}
    members = defaultdict(set)
    for r in rows:
        if r["truth_problem"]:
            members[r["truth_problem"]].add(r["id"])
    recurring = {p: ids for p, ids in members.items() if len(ids) >= 2}
    topic_sets = [set(t["ticket_ids"]) & set(truth) for t in topics]
    found = 0
    for ids in recurring.values():
        if any(len(ids & t) >= SHARE * len(ids) and len(ids & t) >= SHARE * len(t) for t in topic_sets if t):
            found += 1
    pure = 0
    for t in topic_sets:
        counts = Counter(truth[i] for i in t)
        top = max((n for p, n in counts.items() if p), default=0)
        pure += bool(t) and top >= SHARE * len(t)
    in_topic = set().union(*topic_sets) if topic_sets else set()
    recurring_ids = set().union(*recurring.values()) if recurring else set()
    one_offs = {i for i, p in truth.items() if p is None}
    return {"tickets": len(rows), "problems": len(recurring), "found": found, "topics": len(topics), "pure": pure,
            "recurring_tickets": len(recurring_ids), "recurring_unplaced": len(recurring_ids - in_topic),
            "topic_tickets": sum(len(t) for t in topic_sets), "one_offs": len(one_offs),
            "one_offs_in_topics": len(one_offs & in_topic)}


def main_problem(truth: dict, topic: dict, share: float = SHARE) -> str | None:
    """The planted problem a topic is >= *share* of, or None (a mixed topic, or mostly one-offs)."""
    counts = Counter(truth.get(i) for i in topic["ticket_ids"])
    problem, n = max(((p, n) for p, n in counts.items() if p), key=lambda pn: pn[1], default=(None, 0))
    return problem if n and n >= share * len(topic["ticket_ids"]) else None


def score_continuity(rows: list[dict], examples: dict) -> dict:
    """Whether a topic that says it goes on from last week really does: of the topics of weeks 2.. that
    keep the id of an earlier week's topic (the "weeks in a row" and the name a training lead sees), those
    whose problem is the earlier topic's (right) or another, or one-offs on either side (wrong); and the
    problems that had a pure topic in two weeks in a row under two ids (missed). Of the right and the wrong,
    those whose name changed (a wrong one should lose the earlier topic's name). A topic's problem here is the
    planted problem most of its tickets have (one-offs aside), so a topic that is one problem with a
    stray one-off continues it rightly."""
    truth = {r["id"]: r["truth_problem"] for r in rows}
    right = wrong = missed = right_renamed = wrong_renamed = 0
    wrong_examples = []
    seen: dict[str, dict] = {}  # topic id -> the topic in the latest week that had it
    pure_before: set = set()
    for week, topics in examples.items():
        continued, pure_now = set(), set()
        for topic in topics:
            problem = main_problem(truth, topic, 0.0)
            pure_now.add(main_problem(truth, topic))
            if topic["id"] in seen:
                earlier = seen[topic["id"]]
                renamed = topic["label"] != earlier["label"]
                if problem and problem == main_problem(truth, earlier, 0.0):
                    right += 1
                    right_renamed += renamed
                    continued.add(problem)
                else:
                    wrong += 1
                    wrong_renamed += renamed
                    wrong_examples.append(f"{week} {topic['label'][:40]!r} ({problem or 'one-offs'}) continues"
                                          f" {earlier['label'][:40]!r} ({main_problem(truth, earlier, 0.0) or 'one-offs'})")
        missed += len((pure_now & pure_before) - continued - {None})
        seen.update({t["id"]: t for t in topics})
        pure_before = pure_now
    print(f"continuity (a topic keeping last week's id): right {right} (renamed {right_renamed}),"
          f" wrong {wrong} (renamed {wrong_renamed}), missed {missed}")
    for line in wrong_examples[:8]:
        print("  wrong:", line)
    return {"right": right, "right_renamed": right_renamed, "wrong": wrong, "wrong_renamed": wrong_renamed,
            "missed": missed}


def day_one(root: Path, rows: list[dict], weeks: list[str], labels: str) -> dict:
    desk = Desk(root, f"day_one_{labels}")
    drop = ("module", "kind") if labels == "model" else ()
    print(f"\n== Day one, nothing linked: module/kind {'from the model (stripped before import)' if drop else 'as written (a person set them)'};"
          " import with classification ==")
    print("import:", desk.import_rows(rows, "all_weeks.jsonl", drop))
    header = f"{'week':9} {'tickets':>7} {'recall (found/problems)':>24} {'purity (pure/topics)':>21} {'unplaced':>16} {'tickets/topic':>13} {'one-offs in topics':>19} {'topics s':>8}"
    print(header)
    total = Counter()
    per_week = {}
    timings = []
    examples = {}
    for week in weeks:
        week_rows = [r for r in rows if r["_week"] == week]
        report, seconds = desk.topics("--week", week)
        timings.append(seconds)
        s = score_week(week_rows, report["topics"])
        total.update(s)
        per_week[week] = {"recall": ratio(s["found"], s["problems"]), "problems": s["problems"],
                          "purity": ratio(s["pure"], s["topics"]), "topics": s["topics"],
                          "unplaced": ratio(s["recurring_unplaced"], s["recurring_tickets"]), "seconds": round(seconds, 2)}
        examples[week] = report["topics"]
        print(f"{week:9} {s['tickets']:7d} {fmt(s['found'], s['problems']):>24} {fmt(s['pure'], s['topics']):>21}"
              f" {fmt(s['recurring_unplaced'], s['recurring_tickets']):>16} {(s['topic_tickets'] / s['topics'] if s['topics'] else 0):13.1f}"
              f" {fmt(s['one_offs_in_topics'], s['one_offs']):>19} {seconds:8.1f}")
    print(f"{'all':9} {total['tickets']:7d} {fmt(total['found'], total['problems']):>24} {fmt(total['pure'], total['topics']):>21}"
          f" {fmt(total['recurring_unplaced'], total['recurring_tickets']):>16} {(total['topic_tickets'] / total['topics'] if total['topics'] else 0):13.1f}"
          f" {fmt(total['one_offs_in_topics'], total['one_offs']):>19} {sum(timings):8.1f}")
    print(f"targets (issue 12): recall >= 0.60, purity >= 0.75; topics per week {total['topics'] / len(weeks):.1f},"
          f" topics calls {min(timings):.1f}–{max(timings):.1f} s (mean {np.mean(timings):.1f} s)")
    start, end = (min(r["created_at"][:10] for r in rows), max(r["created_at"][:10] for r in rows))
    report, seconds = desk.topics("--from", start, "--to", end)
    whole = score_week(rows, report["topics"])
    print(f"whole period ({start} – {end}, topics --from --to, {seconds:.1f} s): recall {fmt(whole['found'], whole['problems'])},"
          f" purity {fmt(whole['pure'], whole['topics'])}, unplaced {fmt(whole['recurring_unplaced'], whole['recurring_tickets'])}")
    show_failures(rows, examples)
    continuity = score_continuity(rows, examples)
    return {"labels": labels, "continuity": continuity, "recall": ratio(total["found"], total["problems"]), "problems": total["problems"],
            "purity": ratio(total["pure"], total["topics"]), "topics": total["topics"],
            "unplaced": ratio(total["recurring_unplaced"], total["recurring_tickets"]),
            "recurring_tickets": total["recurring_tickets"],
            "tickets_per_topic": round(total["topic_tickets"] / total["topics"], 2) if total["topics"] else None,
            "one_offs_in_topics": ratio(total["one_offs_in_topics"], total["one_offs"]),
            "whole_period": {"recall": ratio(whole["found"], whole["problems"]), "problems": whole["problems"],
                             "purity": ratio(whole["pure"], whole["topics"]), "topics": whole["topics"]},
            "topics_seconds_mean": round(float(np.mean(timings)), 2), "topics_seconds_max": round(max(timings), 2),
            "per_week": per_week}


def show_failures(rows: list[dict], examples: dict, limit: int = 6) -> None:
    """The first week's largest topics beside what they really hold: how the finder fails."""
    truth = {r["id"]: r["truth_problem"] or "(one-off)" for r in rows}
    week = next(iter(examples))
    print(f"largest topics of {week} and what they hold:")
    for topic in examples[week][:limit]:
        held = Counter(truth.get(i, "?") for i in topic["ticket_ids"]).most_common(3)
        print(f"  {topic['count']:3d} {topic['label'][:48]!r:50} -> " + ", ".join(f"{p} ×{n}" for p, n in held))


ASSISTED_LABELS = {"given": "as written", "model": "from the model",
                   "mixed": "as written in weeks 1-2, from the model later"}


def assisted(root: Path, rows: list[dict], weeks: list[str], labels: str = "given") -> dict:
    """Weeks 1-2 linked to their problems by people, the later weeks not; with *labels* "model" every
    week's module and kind are left to the model (a desk where people link problems but label nothing),
    with "mixed" those of the later weeks only (people confirmed the labels of what they linked, the
    later weeks are as the model read them: a desk in its third week)."""
    desk = Desk(root, f"assisted_{labels}")
    drop = ("module", "kind") if labels == "model" else ()
    later_drop = ("module", "kind") if labels in ("model", "mixed") else ()
    early, later_weeks = weeks[:2], weeks[2:]
    linked_rows = []
    for r in rows:
        if r["_week"] in early:
            row = dict(r)
            if r["truth_problem_name"]:
                row["problem"] = r["truth_problem_name"]
            linked_rows.append(row)
    later = [r for r in rows if r["_week"] in later_weeks]
    linked_names = {r["truth_problem_name"] for r in linked_rows if r.get("problem")}
    print(f"\n== Assisted: weeks {early[0]}–{early[-1]} imported with 'problem' links ({sum(1 for r in linked_rows if r.get('problem'))}"
          f" tickets, {len(linked_names)} problems), weeks {later_weeks[0]}–{later_weeks[-1]} without;"
          f" module/kind {ASSISTED_LABELS[labels]} ==")
    print("import weeks 1-2:", desk.import_rows(linked_rows, "weeks_1_2_linked.jsonl", drop))
    print("import later weeks:", desk.import_rows(later, "later_weeks.jsonl", later_drop))
    placed: dict[str, str | None] = {}
    missing_field = False
    timings = []
    statuses = Counter()
    for week in later_weeks:
        report, seconds = desk.topics("--week", week)
        timings.append(seconds)
        for topic in report["topics"]:
            if "problem" not in topic or "status" not in topic:
                missing_field = True
                continue
            statuses[topic["status"]] += 1
            for ticket in topic["ticket_ids"]:
                placed[ticket] = topic["problem"]
    print(f"topics calls {min(timings):.1f}–{max(timings):.1f} s (mean {np.mean(timings):.1f} s); topics by status: {dict(statuses)}")
    eligible = [r for r in later if r["truth_problem_name"] in linked_names]
    if missing_field:
        print("topics --json has no 'problem' field: assisted case not measurable")
        app = None
    else:
        hit = sum(1 for r in eligible if placed.get(r["id"]) == r["truth_problem_name"])
        named = [r for r in later if placed.get(r["id"])]
        right = sum(1 for r in named if placed[r["id"]] == r["truth_problem_name"])
        print(f"app:  recall {fmt(hit, len(eligible))} (target >= 0.60)   precision {fmt(right, len(named))} (target >= 0.80)"
              f"   later tickets under a named problem {len(named)}/{len(later)}")
        app = {"recall": ratio(hit, len(eligible)), "eligible": len(eligible), "precision": ratio(right, len(named)),
               "named": len(named), "topics_seconds_mean": round(float(np.mean(timings)), 2)}
    peer = nearest_problem_peer(linked_rows, later, linked_names)
    return {"app": app, "peer": peer, "later_tickets": len(later), "linked_problems": len(linked_names)}


def _texts(rows: list[dict]) -> list[str]:
    return [f"{r.get('title') or ''} {r.get('description') or ''}" for r in rows]


def nearest_problem_peer(train_rows: list[dict], later: list[dict], linked_names: set) -> dict:
    """TF-IDF (char_wb 3-5 + word 1-2) and cosine to each linked problem's centroid, fitted on weeks 1-2."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    linked = [r for r in train_rows if r.get("problem")]
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit(_texts(linked))
    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(_texts(linked))

    def vectors(rs):
        return normalize(hstack([chars.transform(_texts(rs)), words.transform(_texts(rs))]).tocsr())

    names = sorted(linked_names)
    index = {n: i for i, n in enumerate(names)}
    labels = np.array([index[r["problem"]] for r in linked])
    train = vectors(linked)
    sums = np.vstack([np.asarray(train[labels == i].sum(axis=0)).ravel() for i in range(len(names))])
    counts = np.bincount(labels, minlength=len(names)).astype(float)

    def nearest(matrix, exclude_row=None):
        """Best problem and cosine per row; exclude_row[i] leaves row i's own vector out of its centroid."""
        x = matrix.toarray()
        best, sims = [], []
        for i, row in enumerate(x):
            centroids = sums.copy()
            if exclude_row is not None and exclude_row[i] >= 0:
                centroids[exclude_row[i]] -= row
            norms = np.linalg.norm(centroids, axis=1)
            scores = np.where(norms > 1e-9, centroids @ row / np.maximum(norms, 1e-9), -1.0)
            best.append(int(scores.argmax()))
            sims.append(float(scores.max()))
        return np.array(best), np.array(sims)

    # leave-one-out on weeks 1-2: linked tickets without themselves in their centroid, one-offs as they are
    early = train_rows
    own = np.array([index[r["problem"]] if r.get("problem") else -1 for r in early])
    loo_best, loo_sim = nearest(vectors(early), exclude_row=own)
    loo_right = np.array([own[i] >= 0 and loo_best[i] == own[i] for i in range(len(early))])
    threshold = None
    for t in np.unique(loo_sim):
        kept = loo_sim >= t
        if kept.sum() and loo_right[kept].mean() >= PEER_PRECISION:
            threshold = float(t)
            break
    if threshold is None:
        threshold = float(loo_sim.max()) + 1e-9

    best, sim = nearest(vectors(later))
    truth = np.array([index.get(r["truth_problem_name"], -1) if r["truth_problem_name"] else -1 for r in later])
    eligible = truth >= 0
    right = best == truth
    out = {}
    for name, kept in (("all", np.ones(len(later), dtype=bool)), ("threshold", sim >= threshold)):
        hit = int((right & kept & eligible).sum())
        assigned = int(kept.sum())
        correct = int((right & kept).sum())
        out[name] = {"recall": ratio(hit, int(eligible.sum())), "precision": ratio(correct, assigned), "assigned": assigned}
        label = "peer, every ticket to its nearest problem" if name == "all" else f"peer, only cosine >= {threshold:.3f} (LOO precision {PEER_PRECISION} on weeks 1-2)"
        print(f"{label}: recall {fmt(hit, int(eligible.sum()))}   precision {fmt(correct, assigned)}")
    out["threshold"] = round(threshold, 4)
    return out


def describe(rows: list[dict], weeks: list[str]) -> dict:
    problems = Counter(r["truth_problem"] for r in rows if r["truth_problem"])
    one_offs = sum(1 for r in rows if not r["truth_problem"])
    modules = {r["module"] for r in rows if r["truth_problem"]}
    per_week = Counter(r["_week"] for r in rows)
    print(f"data: {len(rows)} tickets, {len(problems)} recurring problems in {len(modules)} modules, reports per problem"
          f" {min(problems.values())}–{max(problems.values())} (mean {np.mean(list(problems.values())):.1f}),"
          f" one-offs {one_offs} ({one_offs / len(rows):.0%})")
    print("tickets per week: " + ", ".join(f"{w} {per_week[w]}" for w in weeks))
    return {"tickets": len(rows), "problems": len(problems), "one_offs": one_offs, "modules": len(modules),
            "weeks": {w: per_week[w] for w in weeks}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--labels", choices=("given", "model", "both"), default="both",
                        help="day one with module/kind as written, from the model, or both (default)")
    parser.add_argument("--skip-assisted", action="store_true")
    parser.add_argument("--skip-day-one", action="store_true")
    parser.add_argument("--assisted-labels", choices=("given", "model", "mixed", "both", "all"), default="given",
                        help="the assisted case with module/kind as written (default), from the model, as written in"
                             " the linked weeks and from the model later (mixed), given and model (both), or all three")
    parser.add_argument("--keep", action="store_true", help="keep the temporary desks and print where")
    args = parser.parse_args()
    rows = read_rows(args.data)
    weeks = sorted({r["_week"] for r in rows})
    version = subprocess.run([str(PYTHON), "-m", "elsdesk", "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{version}; data {args.data.name}; CLI: {PYTHON.relative_to(ROOT)} -m elsdesk --db <tmp>/desk.db …")
    result = {"data": describe(rows, weeks)}
    root = Path(tempfile.mkdtemp(prefix="elsdesk_topic_quality_"))
    try:
        if not args.skip_day_one:
            result["day_one"] = [day_one(root, rows, weeks, labels)
                                 for labels in (("given", "model") if args.labels == "both" else (args.labels,))]
        if not args.skip_assisted:
            chosen = {"both": ("given", "model"), "all": ("given", "model", "mixed")}.get(
                args.assisted_labels, (args.assisted_labels,))
            for labels in chosen:
                key = {"given": "assisted", "model": "assisted_model_labels", "mixed": "assisted_mixed_labels"}[labels]
                result[key] = assisted(root, rows, weeks, labels)
    finally:
        if args.keep:
            print(f"desks kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print("RESULT " + json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
