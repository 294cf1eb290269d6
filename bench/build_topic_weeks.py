"""Build bench/data/topic_weeks.jsonl from the hand-written batches in bench/data/topic_weeks_src/
(and, with ``--region alvdal``, ``sjobygd``, ``fjallmark`` or ``kustlanda``, topic_weeks_<region>.jsonl from topic_weeks_<region>_src/).

The batches hold eight go-live weeks of an imagined region (Region Norrvik, go-live Tuesday
2026-05-05, ISO weeks 2026-W19 to 2026-W26; Region Älvdal, go-live Tuesday 2026-09-08, ISO weeks
2026-W37 to 2026-W44, written later by other hands, after the English glossary, which has never
seen them; Region Sjöbygd, go-live Tuesday 2027-01-12, ISO weeks 2027-W02 to 2027-W09, written
last, after every setting of the finder and the matcher was fixed; Region Fjällmark, go-live
Tuesday 2027-03-02, ISO weeks 2027-W09 to 2027-W16, written by four more helpers after the model's
kind certainty entered the finder, to check that change on text nobody had measured; Region Kustlanda,
go-live Tuesday 2027-05-04, ISO weeks 2027-W18 to 2027-W25, written by four more helpers at the same time,
kept for checking once whatever is tuned on Fjällmark; Region Skogsbacka, go-live Tuesday 2027-09-07, ISO
weeks 2027-W36 to 2027-W43, written by three more helpers who saw no code and no data, where one problem's
reports may be of different kinds, as a desk's own labels are) written for the topic-quality
bench: recurring problems, each reported in different words by different people, and one-off
tickets. This script only adds what nobody writes by hand: the external id, a creation time
inside the ticket's week (office hours mostly; wards also evenings, nights and weekends; fewer
tickets on public holidays), and a status. It is deterministic, so the data file can be rebuilt exactly.

Batch format (UTF-8 text):

    # comment
    @problem SLUG | Trainer's name of the problem | module | kind
    > WEEK | reporter_role | unit [| kind]
    T: title
    D: description, continued on the following lines until the next '>' or '@' line

    @oneoffs
    > WEEK | reporter_role | unit | module | kind
    T: ...
    D: ...

Run: .venv/bin/python bench/build_topic_weeks.py [--region norrvik|alvdal|sjobygd|fjallmark|kustlanda|skogsbacka] [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "bench" / "data" / "topic_weeks_src"
OUT = ROOT / "bench" / "data" / "topic_weeks.jsonl"

@dataclass(frozen=True)
class Region:
    """One imagined region's data set: its batches, the file built from them, its go-live."""

    src: Path
    out: Path
    go_live: date
    prefix: str   # of the external ids
    seed: int

    @property
    def first_monday(self) -> date:
        return self.go_live - timedelta(days=self.go_live.weekday())


REGIONS = {
    "norrvik": Region(SRC, OUT, date(2026, 5, 5), "NV", 20260505),
    "alvdal": Region(ROOT / "bench" / "data" / "topic_weeks_alvdal_src", ROOT / "bench" / "data" / "topic_weeks_alvdal.jsonl",
                     date(2026, 9, 8), "AD", 20260908),
    "sjobygd": Region(ROOT / "bench" / "data" / "topic_weeks_sjobygd_src", ROOT / "bench" / "data" / "topic_weeks_sjobygd.jsonl",
                      date(2027, 1, 12), "SB", 20270112),
    "fjallmark": Region(ROOT / "bench" / "data" / "topic_weeks_fjallmark_src", ROOT / "bench" / "data" / "topic_weeks_fjallmark.jsonl",
                        date(2027, 3, 2), "FM", 20270302),
    "kustlanda": Region(ROOT / "bench" / "data" / "topic_weeks_kustlanda_src", ROOT / "bench" / "data" / "topic_weeks_kustlanda.jsonl",
                        date(2027, 5, 4), "KL", 20270504),
    "skogsbacka": Region(ROOT / "bench" / "data" / "topic_weeks_skogsbacka_src", ROOT / "bench" / "data" / "topic_weeks_skogsbacka.jsonl",
                         date(2027, 9, 7), "SK", 20270907),
}
# Kristi himmelfärd, klämdag, midsommarafton (alla helgons dag falls on a Saturday in 2026); Easter, Kristi himmelfärd, klämdag and midsommarafton 2027
HOLIDAYS = {date(2026, 5, 14): 0.15, date(2026, 5, 15): 0.6, date(2026, 6, 19): 0.15,
            date(2027, 3, 26): 0.15, date(2027, 3, 29): 0.15, date(2027, 5, 6): 0.15, date(2027, 5, 7): 0.6,
            date(2027, 6, 25): 0.15}
WARD_ROLES = {"ssk", "usk", "lakare", "barnmorska"}
MODULES = {"lakemedel", "bestallning_svar", "remiss", "journal_dokumentation", "omvardnad_matvarden",
           "tidbok_resursplanering", "vardadmin_inskrivning", "kassa_avgifter", "intyg_blanketter",
           "link_samordning", "inloggning_siths", "behorighet_roller", "utskrift_hardvara", "integrationer",
           "prestanda_driftstorning", "diktat_skanning", "navigering_installningar", "specialmoduler", "nova_mobil"}
KINDS = {"handhavande", "fel", "konfiguration", "driftstorning", "onskemal"}
ROLES = {"ssk", "usk", "lakare", "sekreterare", "barnmorska", "farmaceut", "rehab", "chef", "annan"}


def parse(path: Path) -> list[dict]:
    rows: list[dict] = []
    problem: dict | None = None
    current: dict | None = None
    in_description = False

    def close():
        nonlocal current
        if current is not None:
            current["description"] = "\n".join(current.pop("_lines")).strip()
            if not current.get("title") or not current["description"]:
                raise ValueError(f"{path.name}: entry without title or description near '{current.get('title')}'")
            rows.append(current)
        current = None

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{number}"
        if line.startswith("#") and not in_description:
            continue
        if line.startswith("@"):
            close()
            in_description = False
            if line.startswith("@problem "):
                slug, name, module, kind = (part.strip() for part in line[len("@problem "):].split("|"))
                if module not in MODULES or kind not in KINDS:
                    raise ValueError(f"{where}: unknown module or kind in {line!r}")
                problem = {"slug": slug, "name": name, "module": module, "kind": kind}
            elif line.strip() == "@oneoffs":
                problem = None
            else:
                raise ValueError(f"{where}: unknown directive {line!r}")
            continue
        if line.startswith("> "):
            close()
            in_description = False
            parts = [part.strip() for part in line[2:].split("|")]
            week, role, unit = int(parts[0]), parts[1], parts[2]
            if not 1 <= week <= 8 or role not in ROLES:
                raise ValueError(f"{where}: bad week or role in {line!r}")
            if problem is None:
                module, kind = parts[3], parts[4]
                if module not in MODULES or kind not in KINDS:
                    raise ValueError(f"{where}: unknown module or kind in {line!r}")
                current = {"week": week, "reporter_role": role, "unit": unit, "module": module, "kind": kind,
                           "truth_problem": None, "truth_problem_name": None, "_lines": [], "_src": where}
            else:
                kind = parts[3] if len(parts) > 3 else problem["kind"]  # one report of a problem may be another kind
                if kind not in KINDS:
                    raise ValueError(f"{where}: unknown kind in {line!r}")
                current = {"week": week, "reporter_role": role, "unit": unit, "module": problem["module"],
                           "kind": kind, "truth_problem": problem["slug"],
                           "truth_problem_name": problem["name"], "_lines": [], "_src": where}
            continue
        if current is None:
            if line.strip():
                raise ValueError(f"{where}: text outside an entry: {line!r}")
            continue
        if line.startswith("T: ") and "title" not in current:
            current["title"] = line[3:].strip()
        elif line.startswith("D: ") and not in_description:
            in_description = True
            current["_lines"].append(line[3:])
        elif in_description:
            current["_lines"].append(line)
        elif line.strip():
            raise ValueError(f"{where}: expected 'T: ' or 'D: ', got {line!r}")
    close()
    return rows


def created_at(rng: random.Random, week: int, role: str, region: Region) -> datetime:
    go_live = region.go_live
    monday = region.first_monday + timedelta(weeks=week - 1)
    days = [monday + timedelta(days=i) for i in range(7)]
    weights = []
    for day in days:
        if day < go_live:
            weights.append(0.0)
            continue
        weekday = day.weekday()
        weight = [1.3, 1.2, 1.05, 1.0, 0.8, 0.0, 0.0][weekday]
        if weekday >= 5 and role in WARD_ROLES:
            weight = 0.18
        if week == 1 and day <= go_live + timedelta(days=1):
            weight *= 1.6  # go-live day and the day after
        weights.append(weight * HOLIDAYS.get(day, 1.0))
    day = rng.choices(days, weights)[0]
    if role in WARD_ROLES and (day.weekday() >= 5 or rng.random() < 0.14):
        hour = rng.choice([6, 16, 17, 18, 19, 20, 21, 22, 23, 0, 2, 3, 5])
    else:
        hour = rng.choices(range(7, 17), [3, 8, 9, 8, 6, 6, 7, 6, 5, 3])[0]
    return datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=rng.randrange(60))


def status(rng: random.Random, week: int, kind: str) -> str:
    if week <= 6:
        options = {"lost": 80, "eskalerad": 8 if kind == "handhavande" else 25, "vantar": 6, "pagar": 4}
    elif week == 7:
        options = {"lost": 60, "pagar": 15, "vantar": 10, "eskalerad": 8 if kind == "handhavande" else 20, "ny": 5}
    else:
        options = {"ny": 30, "pagar": 25, "lost": 30, "vantar": 8, "eskalerad": 7}
    return rng.choices(list(options), list(options.values()))[0]


def build(region: Region) -> list[dict]:
    rows = [row for path in sorted(region.src.glob("*.txt")) for row in parse(path)]
    rng = random.Random(region.seed)
    for row in rows:
        row["created_at"] = created_at(rng, row["week"], row["reporter_role"], region)
        row["status"] = status(rng, row["week"], row["kind"])
    rows.sort(key=lambda r: (r["created_at"], r["_src"]))
    out = []
    for number, row in enumerate(rows, 1):
        out.append({
            "id": f"{region.prefix}-{number:04d}",
            "created_at": row["created_at"].isoformat(timespec="minutes"),
            "title": row["title"],
            "description": row["description"],
            "module": row["module"],
            "kind": row["kind"],
            "reporter_role": row["reporter_role"],
            "unit": row["unit"],
            "status": row["status"],
            "truth_problem": row["truth_problem"],
            "truth_problem_name": row["truth_problem_name"],
        })
    return out


def summary(rows: list[dict]) -> str:
    weeks = Counter(r["created_at"][:10] for r in rows)
    by_week = Counter(datetime.fromisoformat(r["created_at"]).isocalendar()[1] for r in rows)
    problems = Counter(r["truth_problem"] for r in rows if r["truth_problem"])
    names = {r["truth_problem"]: r["truth_problem_name"] for r in rows if r["truth_problem"]}
    if len(set(names.values())) != len(names):
        raise ValueError("two problems share a name")
    one_offs = sum(1 for r in rows if not r["truth_problem"])
    modules = {r["module"] for r in rows if r["truth_problem"]}
    lines = [f"tickets {len(rows)}, recurring problems {len(problems)}, one-offs {one_offs} ({one_offs / len(rows):.0%}),"
             f" modules with a recurring problem {len(modules)}, days {len(weeks)}",
             "tickets per ISO week: " + ", ".join(f"W{w}: {n}" for w, n in sorted(by_week.items())),
             "reports per problem: " + ", ".join(f"{k}×{v}" for k, v in sorted(Counter(problems.values()).items()))]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="parse and print statistics without writing")
    parser.add_argument("--region", choices=sorted(REGIONS), default="norrvik")
    args = parser.parse_args()
    region = REGIONS[args.region]
    rows = build(region)
    print(summary(rows))
    if not args.check:
        region.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote {region.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
