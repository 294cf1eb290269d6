"""Demo data: a synthetic go-live month built from the seed corpus, so a newcomer sees a working desk.

Demo data is offered on an empty desk; on a desk with real tickets :func:`load_demo_data` refuses
unless asked to mix them (the GUI and the CLI ask first). Demo tickets are marked by their
external ids (``DEMO-00001`` …) and :func:`remove_demo_data` takes them out in one step.

Volumes follow the go-live curve (hundreds in week one, then decaying, quieter weekends);
each week some problems are "hot" and recur across units; older tickets are mostly resolved
and labelled, the newest are unlabelled and waiting for the classifier and super-users.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable

from elsdesk.corpus import load_seed_corpus
from elsdesk.domain import HUMAN, BadInputError, Ticket
from elsdesk.domain import Cancelled
from elsdesk.services.tickets import mask_ticket
from elsdesk.services.permissions import LOAD_DEMO, REMOVE_DEMO, require
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.demo import DEMO_PREFIX, DemoRepository
from elsdesk.taxonomy import load_taxonomy

GO_LIVE = date(2025, 4, 23)
DAYS = 33
UNITS = (
    "Avd 12 Medicin", "Avd 14 Kirurgi", "Avd 3 Ortopedi", "Akutmottagningen", "IVA", "Förlossningen",
    "BB-avdelningen", "Barnavdelningen", "Geriatriken", "Strokeenheten", "Hjärtavdelningen", "Onkologmottagningen",
    "Ortopedmottagningen", "Vårdcentralen Norr", "Vårdcentralen Centrum", "Vårdcentralen Älvdalen",
    "Röntgenavdelningen", "Klinisk kemi", "Operationsavdelningen", "Psykiatriska mottagningen", "Dialysen",
    "Infektionsavdelningen", "Rehabenheten", "Ögonmottagningen", "Hudmottagningen",
)
RESOLUTIONS = {
    "handhavande": ("Visade arbetsflödet steg för steg, användaren klarade det själv efteråt.",
                    "Hänvisade till lathunden på intranätet och gick igenom den i telefon.",
                    "Superanvändare på enheten visade på plats.", "Förklarade var funktionen finns; fungerar nu."),
    "fel": ("Felanmält till Cambio, tillfällig lösning beskriven för enheten.", "Rättat i samband med uppdatering.",
            "Felet kunde återskapas och har eskalerats.", "Omstart av klienten löste problemet."),
    "konfiguration": ("Regional förvaltning har lagt upp det som saknades.", "Mallen justerad av förvaltningen.",
                      "Behörighet tilldelad av lokal administratör."),
    "driftstorning": ("Driftstörningen åtgärdad, systemet fungerar igen.", "Reservrutin användes tills systemet var uppe."),
    "onskemal": ("Önskemålet registrerat till förvaltningens förbättringslista.", "Vidarebefordrat till Cambio som önskemål."),
}
CHANNELS = ("telefon", "telefon", "telefon", "besok", "els_rond", "epost")


def _daily_counts(total: int) -> list[int]:
    weights = []
    for day in range(DAYS):
        weekday = (GO_LIVE + timedelta(days=day)).weekday()
        weight = 8.0 * math.exp(-day / 9.0) + 1.0
        weights.append(weight * (0.3 if weekday >= 5 else 1.0))
    scale = total / sum(weights)
    counts = [int(round(w * scale)) for w in weights]
    counts[0] += total - sum(counts)
    return counts


def build_demo_tickets(total: int = 1200, seed: int = 2025) -> list[Ticket]:
    rng = random.Random(seed)
    corpus = load_seed_corpus()
    if not corpus:
        return []
    by_problem: dict[str, list[dict]] = defaultdict(list)
    for row in corpus:
        by_problem[row.get("problem") or row["title"]].append(row)
    problems = sorted(by_problem)
    taxonomy = load_taxonomy()
    tickets = []
    number = 0
    hot: list[str] = []
    for day, count in enumerate(_daily_counts(total)):
        if day % 7 == 0:  # some problems stay hot for weeks, others fade and new ones appear
            kept = rng.sample(hot, k=min(8, len(hot))) if hot else []
            fresh = rng.sample([p for p in problems if p not in kept], k=min(14, len(problems)) - len(kept))
            hot = kept + fresh
        for _ in range(count):
            number += 1
            problem = rng.choice(hot) if rng.random() < 0.45 else rng.choice(problems)
            row = rng.choice(by_problem[problem])
            moment = datetime.combine(GO_LIVE + timedelta(days=day), datetime.min.time()) + timedelta(
                minutes=rng.randint(7 * 60, 17 * 60) if rng.random() < 0.9 else rng.randint(0, 24 * 60 - 1))
            age = DAYS - day
            status = _status(rng, age)
            labelled = age > 9 and rng.random() < 0.8
            kind = row.get("kind")
            tickets.append(Ticket(
                external_id=f"{DEMO_PREFIX}{number:05d}",
                created_at=moment.isoformat(),
                title=row["title"],
                description=row.get("description", ""),
                reporter_role=taxonomy.normalise("reporter_roles", row.get("reporter_role")) or None,
                unit=rng.choice(UNITS),
                channel=rng.choice(CHANNELS),
                priority="hog" if kind == "driftstorning" else rng.choice(("normal",) * 8 + ("hog", "lag")),
                patient_safety=row.get("module") == "lakemedel" and rng.random() < 0.08,
                status=status,
                module=row["module"] if labelled else None,
                kind=kind if labelled else None,
                label_source=HUMAN if labelled else None,
                resolution=rng.choice(RESOLUTIONS.get(kind, RESOLUTIONS["handhavande"])) if status == "lost" else "",
                escalation=rng.choice(("cambio", "regional", "it")) if status == "eskalerad" else None,
            ))
    return tickets


def _status(rng: random.Random, age_days: int) -> str:
    if age_days > 14:
        return rng.choices(("lost", "eskalerad", "vantar"), (90, 6, 4))[0]
    if age_days > 4:
        return rng.choices(("lost", "pagar", "eskalerad", "vantar"), (65, 15, 10, 10))[0]
    return rng.choices(("ny", "pagar", "vantar", "lost"), (45, 25, 10, 20))[0]


@dataclass(frozen=True)
class DemoSummary:
    """How many demo tickets and how many other (real) tickets the desk holds."""

    demo: int
    other: int

    @property
    def empty(self) -> bool:
        return self.demo == 0 and self.other == 0


def demo_summary(database: Database) -> DemoSummary:
    demo, total = DemoRepository(database).counts()
    return DemoSummary(demo, total - demo)


def load_demo_data(
    database: Database,
    tickets: int = 1200,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    mix_with_real: bool = False,
) -> int:
    """Insert the demo month (skipping demo tickets already present); return how many were added.

    A desk that holds real tickets gets demo data only with *mix_with_real* (the person was asked)."""
    require(database, LOAD_DEMO)
    summary = demo_summary(database)
    if summary.other and not mix_with_real:
        raise BadInputError(
            f"desken har redan {summary.other} riktiga ärenden; demodata läggs bara in i en tom desk "
            "(den går att blanda in ändå, och tas bort igen i ett steg)")
    repo = TicketRepository(database)
    demo = build_demo_tickets(tickets)
    added = 0
    for start in range(0, len(demo), 400):
        if is_cancelled and is_cancelled():
            raise Cancelled(f"demodata avbröts efter {added} ärenden")
        with database.write():
            batch = demo[start : start + 400]
            known = repo.external_ids([t.external_id for t in batch])
            for ticket in batch:
                if ticket.external_id in known:
                    continue
                stored = repo.insert(mask_ticket(ticket)[0])
                repo.record_label_diff(None, stored, "demo", "import")
                added += 1
        if progress:
            progress(min(start + 400, len(demo)), len(demo))
    return added


def remove_demo_data(database: Database) -> int:
    """Remove every demo ticket with its label history, review decisions and incident links, the
    incidents and stored topic weeks they made; real tickets are untouched. Returns how many went."""
    require(database, REMOVE_DEMO)
    with database.write():
        return DemoRepository(database).delete_demo_tickets()
