"""Benchmark elsdesk's storage and ticket list at a realistic size (default 200,000 tickets).

What it measures, in order:

1. **Generate** N synthetic but varied Swedish support tickets about Cambio Cosmic as a JSON Lines
   file in a temporary folder: titles and descriptions combined from fragments per module
   (läkemedel, provsvar, remisser, SITHS, skrivare, tidbok ...), random units, roles, drugs and
   lab tests, creation times spread over 8 weeks from 2025-04-23 (in creation order, like a real
   export), weighted statuses, module/kind ids from ``resources/taxonomy.json`` (about 10% left
   unlabelled) and the test personnummer 19121212-1212 in about 2% of the tickets. The random
   seed is fixed, so every run imports the same file.
2. **Import** the file with :func:`elsdesk.services.imports.import_tickets` into a fresh desk
   (masking, label history, the search index and all) and report tickets/s and elapsed time. The
   desk is a SQLite file (``--backend sqlite``, the default) or a PostgreSQL database
   (``--backend postgres``: a throwaway server started for the run, or ``--url`` to an empty,
   migrated-on-open desk); every step below goes through the same ``open_database`` interface,
   so the search uses each engine's own full-text index (FTS5 or tsvector).
3. **Query**: the list's first page of 200 rows (:class:`TicketPager`, what a person waits for)
   for ~200 free-text searches with realistic Swedish words and prefixes (including the two-letter
   partial words a debounced search box sends while someone types) and for the unfiltered
   newest-first list, each paired with the plain peer query on the same connection, alternating
   (SQLite: ``tickets_fts MATCH … ORDER BY rowid DESC LIMIT 200`` joined to the rows; PostgreSQL:
   ``search_vector @@ … ORDER BY id DESC LIMIT 200``; newest: ``ORDER BY created_at DESC LIMIT 200``),
   with p50/p95 and their ratio; module + ISO-week first pages; then the full id lists
   (:meth:`TicketRepository.query_ids`) that the list loads in the background after its first page.
4. **Time to first rows** in the ticket list, offscreen: a ``TicketTableModel`` over the database,
   the first page (``TicketPager.page`` + ``show_first_page``) and ``data()`` for every column of the
   first 40 rows, unfiltered and with a search text. Then the real ``TicketListView``: ``refresh()``
   until its ``first_rows`` signal and their paint, and until ``loaded`` (every id and the counts per
   status and week, on a worker), a repaint of the same rows (the cost of every scroll step) and a
   jump to the middle of the list (a page not yet cached).
5. **Memory and size**: peak RSS (``ru_maxrss``) of this process after each phase (on PostgreSQL
   the server's memory is not in it) and the database size: the file (+ WAL) on SQLite,
   ``pg_database_size`` and the tickets table with its indexes on PostgreSQL.

It prints a human-readable table and, last, one line ``RESULT {json}`` with every number.

Run from the repository root::

    .venv/bin/python bench/bench_storage.py [--tickets 200000] [--keep DB] [--seed 20250423]
    .venv/bin/python bench/bench_storage.py --backend postgres [--url postgresql://…] [--tickets 200000] [--analyze]
    .venv/bin/python bench/bench_storage.py --desk DESK [--analyze]

``--desk`` measures a desk that already holds tickets (a file or ``postgresql://…``; for a million
tickets import once with ``--keep``, or copy a SQLite desk to PostgreSQL with ``elsdesk migrate --to``)
and skips generating and importing.

``--keep DB`` (SQLite) writes the database to DB (which must not exist yet) and leaves it there for
inspection; without it everything lives in a temporary folder that is removed at the end. On
PostgreSQL the throwaway server is stopped and removed at the end; a desk given with ``--url`` stays.
``--analyze`` runs ANALYZE on PostgreSQL after the import (otherwise the queries see whatever
statistics autovacuum has gathered by then; the table says which).
A full run at 200,000 tickets takes a few minutes and needs about 1 GB of disk.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from elsdesk.domain import TicketFilter  # noqa: E402
from elsdesk.services.imports import import_tickets  # noqa: E402
from elsdesk.storage import open_database, TicketRepository  # noqa: E402
from elsdesk.storage import search_text  # noqa: E402
from elsdesk.storage.database import SQLITE, backend_of, redacted  # noqa: E402
from elsdesk.storage.ticket_pages import TicketPager  # noqa: E402
from elsdesk.taxonomy import load_taxonomy  # noqa: E402

DEFAULT_TICKETS = 200_000
DEFAULT_SEED = 20250423
START_DATE = datetime(2025, 4, 23)
SPAN_DAYS = 56  # 8 weeks
PERSONNUMMER = "19121212-1212"
PERSONNUMMER_SHARE = 0.02
UNLABELLED_SHARE = 0.10
FTS_QUERY_COUNT = 200
MODULE_WEEK_QUERY_COUNT = 100
UNFILTERED_REPEATS = 20
FIRST_ROWS = 40
PAGE = 200  # rows in a first page, app and peer alike
FULL_LIST_QUERIES = 40  # searches timed for the full id list the list loads after its first page
FIRST_ROWS_REPEATS = 5
SEARCH_FOR_FIRST_ROWS = "läkem"
VIEW_TIMEOUT_MS = 120_000
REPAINT_REPEATS = 10

STATUS_WEIGHTS = {"lost": 58, "ny": 12, "pagar": 12, "vantar": 10, "eskalerad": 8}
KIND_WEIGHTS = {"handhavande": 45, "fel": 25, "konfiguration": 12, "driftstorning": 8, "onskemal": 10}
ROLES = ["ssk", "usk", "lakare", "sekreterare", "barnmorska", "farmaceut", "rehab", "chef", "annan"]
ROLE_WEIGHTS = [34, 14, 22, 14, 4, 3, 4, 2, 3]
ROLE_SIGNATURES = {
    "ssk": "ssk", "usk": "usk", "lakare": "läk", "sekreterare": "sekr", "barnmorska": "bm",
    "farmaceut": "farm", "rehab": "sjukgymnast", "chef": "avd chef", "annan": "",
}
NAMES = ["Lina", "Erik", "Sara", "Ahmed", "Maria", "Johan", "Fatima", "Anna", "Per", "Elin",
         "Mohammed", "Karin", "Oskar", "Ida", "Lars", "Emma", "Nils", "Sofia", "Ali", "Ulla"]
UNITS = [
    "avd 3", "avd 7", "avd 12", "avd 14", "avd 22", "avd 31", "avd 40", "Avd 15", "akutmottagningen",
    "IVA", "BB", "förlossningen", "neonatal", "ortopedmottagningen", "hudmottagningen",
    "kirurgmottagningen", "medicinmottagningen", "geriatriken", "infektion", "onkologen",
    "dagkirurgen", "röntgen", "vc Centrum", "vc Norr", "vc Älvdalen", "barnakuten",
    "psykiatrimottagningen", "rehab", "operation", "hjärtavdelningen", "strokeenheten", "dialysen",
]
DRUGS = ["Alvedon", "Waran", "Eliquis", "Novorapid", "Morfin", "Furix", "Kåvepenin", "Heparin",
         "OxyNorm", "Cefotaxim", "Metformin", "Behepan", "Stesolid", "Fragmin", "Zopiklon"]
TESTS = ["CRP", "Hb", "elektrolyter", "blododling", "troponin", "PK(INR)", "glukos", "kreatinin",
         "urinodling", "TSH", "laktat", "blodgas"]
WHEN = ["i morse", "i natt", "i går kväll", "kl 14", "under ronden", "vid skiftbytet", "nyss",
        "efter lunch", "i förmiddags", "vid inskrivningen"]

# Per taxonomy module: (weight, title templates, problem sentences). Slots: {unit}, {unit2},
# {drug}, {test}, {when}, {n}.
MODULE_TEXT: dict[str, tuple[int, list[str], list[str]]] = {
    "lakemedel": (16, [
        "Kan inte signera given dos", "Läkemedelslistan inte godkänd", "Utdelningsvyn tom efter kl 18",
        "{drug} syns inte i utdelningsvyn", "Vid behov-läkemedel", "Pausa ordination av {drug}",
        "E-recept går inte iväg", "Dosdispensering saknas", "Läkemedel från akuten följer inte med",
    ], [
        "Utdelningsvyn låter mig inte signera given dos av {drug}, knappen är grå.",
        "Ordinationen av {drug} syns i läkemedelslistan men inte i utdelningsvyn.",
        "Läkaren har ordinerat {drug} {when} men läkemedelslistan är inte godkänd för administrering.",
        "E-receptet på {drug} fastnar med ett felmeddelande när läkaren signerar.",
        "Hur registrerar jag att pat fått {drug} vid behov?",
        "Vill göra ett tillfälligt uppehåll i {drug} inför operationen utan att sätta ut det.",
        "Pat har dosdispensering men läkemedlen från Pascal syns inte i listan.",
    ]),
    "bestallning_svar": (14, [
        "Provsvar syns inte", "Röntgensvar saknas", "Etikett saknar Lid-nr", "Kan inte vidimera provsvar",
        "Beställning av {test} fastnar", "Provsvar på fel patient?", "Svar från klinfys saknas",
    ], [
        "Proverna togs {when} men provsvaren för {test} syns inte i BoS.",
        "Provsvaret för {test} ligger kvar som ovidimerat fast läkaren har signerat.",
        "Etiketterna till provrören skrivs ut utan Lid-nr så labbet skickar tillbaka rören.",
        "Beställningen av {test} går inte att skicka, det står att beställaren saknas.",
        "Röntgensvaret från {unit2} har kommit men syns inte under svar.",
        "Hur vidimerar man flera provsvar på en gång?",
    ]),
    "remiss": (7, [
        "Remissen kommer inte fram", "Besvara remiss", "Egen vårdbegäran", "Remiss till {unit2}",
        "Remissbedömning går inte att spara", "Pappersremiss från privatläkare",
    ], [
        "Skickade remiss till {unit2} {when} men de säger att den inte har kommit fram.",
        "Hur gör jag en egen vårdbegäran när pat söker direkt?",
        "Remissbedömningen går inte att spara, Spara-knappen gör ingenting.",
        "Fick en pappersremiss med posten, ska den skannas eller registreras som remiss?",
        "Vill bifoga röntgensvar i remissen till {unit2}, hur gör man?",
    ]),
    "journal_dokumentation": (9, [
        "Kan inte signera anteckning", "Makulera anteckning", "Journalmall saknas",
        "Sökord saknas i mallen", "Dubbletter av anteckningar", "Osignerade anteckningar",
    ], [
        "Anteckningen från {when} går inte att signera, det står att den är låst av annan användare.",
        "Skrev anteckningen på fel patient, hur makulerar jag den?",
        "Vi saknar vår inskrivningsmall för {unit}, den fanns i gamla systemet.",
        "Sökordet Status saknas i läkarmallen.",
        "Anteckningar dyker upp två gånger efter signering.",
        "Läkaren har {n} osignerade anteckningar som inte syns i arbetslistan.",
    ]),
    "omvardnad_matvarden": (6, [
        "NEWS2 räknas fel", "Mätvärden försvinner", "Vårdplanen går inte att öppna",
        "Journaltabellen visar fel tid", "Patientöversikten saknar vikt",
    ], [
        "NEWS2 blir {n} fast alla värden är normala.",
        "Mätvärden som registrerades {when} syns inte i journaltabellen.",
        "Vårdplanen för pat går inte att öppna, det snurrar bara.",
        "Vikten registrerades i mätvärden men syns inte i patientöversikten.",
    ]),
    "tidbok_resursplanering": (9, [
        "Tidboken visar fel", "Kallelse skrivs inte ut", "Kan inte boka i tidbok",
        "Webbtidbok 1177", "Väntelistan tom", "Schemat för {unit} saknas",
    ], [
        "Tidboken för {unit} visar inga lediga tider fast schemat är lagt.",
        "Kallelsen skrivs inte ut när jag bokar, den hamnar i kön.",
        "Kan inte boka i tidboken, det står att resursen saknar schema.",
        "Patienter kan inte boka om sina tider via 1177.",
        "Väntelistan för {unit} är tom sedan {when}.",
        "Hur flyttar man flera bokningar till en annan läkare på en gång?",
    ]),
    "vardadmin_inskrivning": (7, [
        "Kan inte skriva in pat", "Reservnummer", "Förflyttning till {unit2}", "Utskrivning fastnar",
        "Ankomst försvinner", "Ändra närstående",
    ], [
        "Försöker skriva in pat på {unit} men vårdtillfället går inte att skapa.",
        "Pat saknar personnummer, hur skapar jag ett reservnummer?",
        "Förflyttningen till {unit2} går inte igenom, pat står kvar hos oss.",
        "Utskrivningen fastnar på steget med utskrivningsdatum.",
        "Ankomstregistreringen försvinner efter någon minut.",
    ]),
    "kassa_avgifter": (3, [
        "Frikort registreras inte", "Kassan låst", "Patientavgift fel", "Dubbeldebitering",
    ], [
        "Pat har frikort men kassan tar ändå ut patientavgift.",
        "Kassan är låst sedan {when} och vi kan inte ta betalt.",
        "Patientavgiften blir fel för besök hos sjukgymnast.",
        "Betalningen registreras två gånger om man klickar Spara medan systemet tänker.",
    ]),
    "intyg_blanketter": (4, [
        "Intyg till Försäkringskassan", "Läkarintyg skickas inte", "Blankett saknas", "Dödsbevis",
    ], [
        "Läkarintyget till Försäkringskassan skickas inte, status står som ej skickat.",
        "Blanketten för {unit} saknas i listan.",
        "Hur skriver man ut ett intyg som pat kan ta med sig?",
        "Dödsbeviset går inte att signera.",
    ]),
    "link_samordning": (3, [
        "SIP-kallelse", "Utskrivningsklar i Link", "Meddelande till kommunen",
    ], [
        "Kan inte skicka SIP-kallelse till kommunen.",
        "Pat är utskrivningsklar men kommunen ser inget i Link.",
        "Meddelandet till hemtjänsten har inte kommit fram.",
    ]),
    "inloggning_siths": (11, [
        "SITHS-kortet låst", "Glömt PIN-kod", "Kommer inte in i Cosmic", "Inloggning hemifrån",
        "SITHS-kortet fungerar inte i kortläsaren", "Fel vårdenhet vid inloggning",
    ], [
        "Har skrivit fel PIN tre gånger och SITHS-kortet är låst.",
        "Glömt PIN-koden till SITHS-kortet, hur får jag en ny?",
        "Kommer inte in i Cosmic, det står att certifikatet inte är giltigt.",
        "Hur loggar man in i Cosmic hemifrån under jouren?",
        "Kortläsaren blinkar men inloggningen fortsätter inte.",
        "Vid inloggning får jag bara välja {unit2} som vårdenhet.",
    ]),
    "behorighet_roller": (6, [
        "Saknar behörighet till {unit}", "Ny vikarie saknar enhet", "Nödåtkomst", "Spärrad journal",
    ], [
        "Ny vikarie kommer in {when} men saknar {unit} i listan över enheter.",
        "Jag saknar behörighet att se journalen från {unit2}.",
        "Hur gör man nödåtkomst när pat inte kan svara?",
        "Journalen är spärrad och vi behöver se tidigare vårdgivares läkemedel.",
    ]),
    "utskrift_hardvara": (9, [
        "Skrivaren skriver inte ut", "Etikettskrivaren matar bara", "Armbandsskrivaren",
        "Skrivare etiketter fel storlek", "Kortläsare fungerar inte", "Skrivare saknas i listan",
    ], [
        "Etikettskrivaren på expeditionen skriver inte ut armband.",
        "Skrivaren på {unit} matar bara ut tomma etiketter.",
        "Armbandet kom ut på skrivaren på {unit2}, vi står på {unit}.",
        "Etiketterna blir för stora och texten hamnar utanför.",
        "Vår skrivare saknas i listan över skrivare i Cosmic.",
        "Kortläsaren vid datorn i medicinrummet fungerar inte.",
    ]),
    "integrationer": (4, [
        "Pascal startar inte", "Svar från lab kommer inte över", "NPÖ visar inget",
    ], [
        "Pascal startar inte från Cosmic, inget händer när man klickar.",
        "Labbsvaren kommer inte över till Cosmic sedan {when}.",
        "NPÖ visar ingen information från andra regioner.",
    ]),
    "prestanda_driftstorning": (6, [
        "Cosmic jättelångsamt", "Cosmic hänger sig", "Driftstörning?", "Systemet fryser vid sparning",
    ], [
        "Cosmic är jättelångsamt på hela {unit} sedan {when}.",
        "Cosmic hänger sig när man öppnar journalen.",
        "Ingen på {unit} kommer in, är det en driftstörning?",
        "Det tar {n} minuter att spara en anteckning.",
    ]),
    "diktat_skanning": (3, [
        "Diktat försvinner", "Skannat dokument fel datum", "Diktafon fungerar inte",
    ], [
        "Diktat från {when} har försvunnit ur listan.",
        "Inskannade dokument får dagens datum, inte datumet på dokumentet.",
        "Diktafonen kopplar inte upp mot Cosmic.",
    ]),
    "navigering_installningar": (4, [
        "Öppna flera patienter", "Ändra startvy", "Favoriter försvunna", "Typsnittet för litet",
    ], [
        "Hur öppnar man en andra patient utan att stänga den första?",
        "Vill ändra startvyn så att arbetslistan för {unit} kommer först.",
        "Mina favoriter har försvunnit efter uppdateringen.",
        "Texten är för liten, går det att förstora?",
    ]),
    "specialmoduler": (2, [
        "Cytostatika beredning", "Kroppsyta blir fel", "Dialysmodulen", "Partogram",
    ], [
        "Kroppsytan blir fel och cytostatikaberedningen stoppas.",
        "Dialysmodulen visar inte dagens behandlingar.",
        "Partogrammet på förlossningen uppdateras inte.",
    ]),
    "nova_mobil": (2, [
        "Appen vit skärm", "Nova visar inte mätvärden", "Mobilen loggar ut",
    ], [
        "Appen visar vit skärm och stängs sedan.",
        "Mätvärden registrerade i mobilen syns inte i Cosmic.",
        "Mobilen loggar ut efter {n} minuter.",
    ]),
}
OPENERS = ["", "", "Hej! ", "Hej ELS! ", "Ringer från {unit}. ", "Ssk på {unit} ringer. ", "Mail från {unit}: ",
           "Hej ELS, ", "Fråga på ronden: "]
DETAILS = [
    "Har hänt {n} gånger i dag.", "Gäller flera patienter.", "Provat att logga ut och in igen.",
    "Startat om datorn utan att det hjälper.", "Brådskande, pat ska opereras i eftermiddag.",
    "Skärmdump bifogad.", "Kollegan har samma problem.", "Det fungerade i går.",
    "Händer bara på datorn vid expeditionen.", "Nattpersonalen har samma fel.",
]
RESOLUTIONS = [
    "Visade hur man gör, löst under samtalet.", "Löst under samtalet.",
    "Återställt PIN via SITHS-administratören.", "Eskalerat till Cambio, löst i senaste release.",
    "Användaren startade om klienten, fungerar nu.", "Behörighet tillagd av lokal administratör.",
    "Skrivaren omkopplad av IT.", "Mall tillagd av förvaltningen.",
]
FTS_QUERIES = [
    "sign", "signera", "läkem", "läkemedel", "läkemedelslistan", "provsvar", "provs", "skrivare",
    "skrivare etikett", "etikett", "etikettskrivaren", "siths", "siths pin", "pin", "inlogg",
    "remiss", "remiss röntgen", "vårdbegäran", "tidbok", "tidboken", "kallelse", "armband",
    "utdelningsvy", "ordination", "behörighet", "vikarie", "frikort", "kassan", "NEWS2", "mätvärden",
    "diktat", "skannat", "Pascal", "e-recept", "Waran", "alvedon", "insulin", "CRP", "Lid",
    "vidimera", "Cosmic långsamt", "hänger", "driftstörning", "avd 12", "akutmottagningen",
    "reservnummer", "utskrivning", "Link kommunen", "intyg försäkringskassan", "makulera",
    "journalmall", "nödåtkomst", "1177", "kortläsare", "appen", "cytostatika", "förflyttning",
    "blodgas", "covid", "blodsocker",
]
# Prefixes a search box sends while someone types (a debounce lets some of them through).
TYPING_SEQUENCES = ["signera", "läkemedel", "provsvar", "skrivare", "remiss", "tidbok", "siths"]


# -- generation ---------------------------------------------------------------------------
def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _creation_times(rng: random.Random, n: int) -> list[datetime]:
    """*n* creation times over 8 weeks, mostly weekdays and office hours, in order."""
    hours = list(range(24))
    hour_weights = [1, 1, 1, 1, 1, 1, 2, 8, 14, 14, 12, 10, 8, 11, 12, 10, 7, 4, 3, 3, 2, 2, 1, 1]
    times = []
    while len(times) < n:
        day = START_DATE + timedelta(days=rng.randrange(SPAN_DAYS))
        if day.weekday() >= 5 and rng.random() < 0.7:
            continue
        hour = rng.choices(hours, weights=hour_weights)[0]
        times.append(day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60)))
    times.sort()
    return times


def _fill(rng: random.Random, template: str, unit: str) -> str:
    if "{" not in template:
        return template
    return template.format(
        unit=unit, unit2=rng.choice(UNITS), drug=rng.choice(DRUGS), test=rng.choice(TESTS),
        when=rng.choice(WHEN), n=rng.randint(2, 12),
    )


def _ticket_row(rng: random.Random, number: int, created: datetime, module_ids: list[str]) -> dict:
    module = rng.choices(module_ids, weights=[MODULE_TEXT[m][0] for m in module_ids])[0]
    _, titles, problems = MODULE_TEXT[module]
    unit = rng.choice(UNITS)
    role = rng.choices(ROLES, weights=ROLE_WEIGHTS)[0]
    title = _fill(rng, rng.choice(titles), unit)
    if rng.random() < 0.15:
        title = title.lower()
    parts = [_fill(rng, rng.choice(OPENERS), unit) + _fill(rng, rng.choice(problems), unit)]
    if rng.random() < 0.5:
        parts.append(_fill(rng, rng.choice(problems), unit))
    for _ in range(rng.choice((0, 1, 1, 2))):
        parts.append(_fill(rng, rng.choice(DETAILS), unit))
    if rng.random() < PERSONNUMMER_SHARE:
        parts.append(f"Gäller pat {PERSONNUMMER}.")
    if rng.random() < 0.4:
        signature = " ".join(filter(None, [rng.choice(NAMES), ROLE_SIGNATURES[role], unit]))
        parts.append("Mvh " + signature)
    status = _weighted(rng, STATUS_WEIGHTS)
    row = {
        "id": f"ELS-B{number:07d}",
        "created_at": created.isoformat(),
        "title": title,
        "description": " ".join(parts),
        "status": status,
        "reporter_role": role,
        "unit": unit,
    }
    if rng.random() >= UNLABELLED_SHARE:
        row["module"] = module
        row["kind"] = _weighted(rng, KIND_WEIGHTS)
    if status == "lost":
        row["resolution"] = rng.choice(RESOLUTIONS)
    return row


def generate_tickets(path: Path, n: int, seed: int) -> dict:
    """Write *n* synthetic tickets to *path* as JSON Lines; return what was written."""
    rng = random.Random(seed)
    module_ids = [m for m in load_taxonomy().module_ids if m in MODULE_TEXT]
    missing = set(load_taxonomy().module_ids) - set(MODULE_TEXT)
    if missing:
        print(f"warning: no text fragments for modules {sorted(missing)}", file=sys.stderr)
    with_personnummer = 0
    with open(path, "w", encoding="utf-8") as handle:
        for number, created in enumerate(_creation_times(rng, n), start=1):
            row = _ticket_row(rng, number, created, module_ids)
            with_personnummer += PERSONNUMMER in row["description"]
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return {"tickets": n, "jsonl_mb": path.stat().st_size / 1e6, "with_personnummer": with_personnummer}


# -- measuring ----------------------------------------------------------------------------
def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)
    if len(ordered) == 1:
        return {"p50": ordered[0], "p95": ordered[0], "max": ordered[0], "n": 1}
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "max": ordered[-1], "n": len(ordered)}


def timed_ms(action) -> tuple[float, object]:
    start = time.perf_counter()
    value = action()
    return (time.perf_counter() - start) * 1000, value


def run_import(target: str, jsonl: Path) -> dict:
    """Import *jsonl* into the fresh desk at *target* and time it."""
    marks: list[float] = []
    reported: set[int] = set()

    def progress(done: int, total: int) -> None:
        marks.append(time.perf_counter())
        decile = done * 10 // max(total, 1)
        if decile not in reported:
            reported.add(decile)
            print(f"  imported {done:,}/{total:,}", file=sys.stderr, flush=True)

    database = open_database(target)
    try:
        start = time.perf_counter()
        report = import_tickets(database, jsonl, progress=progress)
        elapsed = time.perf_counter() - start
    finally:
        database.close()
    # Before the first batch commits, import_tickets reads and validates the whole file.
    batch = (marks[1] - marks[0]) if len(marks) > 1 else 0.0
    prepare = (marks[0] - start - batch) if marks else 0.0
    return {
        "elapsed_s": elapsed,
        "rate_per_s": report.new / elapsed if elapsed else 0.0,
        "new": report.new,
        "rejected": len(report.rejected),
        "masked": report.masked,
        "prepare_s_estimate": max(prepare, 0.0),
        "write_rate_per_s": report.new / (elapsed - prepare) if elapsed > prepare > 0 else 0.0,
    }


def fts_query_texts(seed: int, count: int = FTS_QUERY_COUNT) -> list[str]:
    """*count* search texts: whole words and phrases plus the prefixes of words being typed."""
    rng = random.Random(seed + 1)
    typed = [word[:k] for word in TYPING_SEQUENCES for k in range(2, len(word) + 1)]
    pool = FTS_QUERIES + typed
    texts = list(pool)
    while len(texts) < count:
        texts.append(rng.choice(pool))
    rng.shuffle(texts)
    return texts[:count]


def peer_search_sql(target: str) -> str:
    """The plain first-page full-text query the list's search is compared with (issue 14's peer): the
    newest-stored matches by the index's own order, with the rows a list would show."""
    if backend_of(target) == SQLITE:
        return ("SELECT tickets.* FROM tickets_fts JOIN tickets ON tickets.id = tickets_fts.rowid"
                " WHERE tickets_fts MATCH ? ORDER BY tickets_fts.rowid DESC LIMIT ?")
    return "SELECT * FROM tickets WHERE search_vector @@ to_tsquery('simple', ?) ORDER BY id DESC LIMIT ?"


PEER_NEWEST_SQL = "SELECT * FROM tickets ORDER BY created_at DESC LIMIT ?"


def _peer_query(target: str, text: str) -> str | None:
    return search_text.fts5_query(text) if backend_of(target) == SQLITE else search_text.tsquery(text)


def _ratio(app: dict, peer: dict) -> dict:
    return {key: app[key] / peer[key] if peer[key] else None for key in ("p50", "p95")}


def bench_queries(target: str, seed: int) -> dict:
    """The list's first page (TicketPager, what a person waits for) paired query by query with the plain
    peer query on the same connection; then the full id lists the list loads in the background."""
    database = open_database(target)
    try:
        repo, pager = TicketRepository(database), TicketPager(database)
        peer_sql = peer_search_sql(target)
        page_ms, peer_ms, slowest = [], [], []
        for text in fts_query_texts(seed):
            query = _peer_query(target, text)
            ms_peer, _ = timed_ms(lambda: database.query(peer_sql, (query, PAGE)))
            ms, rows = timed_ms(lambda: pager.page(TicketFilter(text=text), limit=PAGE))
            page_ms.append(ms)
            peer_ms.append(ms_peer)
            slowest.append((ms, text, ms_peer))
        slowest.sort(reverse=True)

        newest_ms, newest_peer_ms = [], []
        for _ in range(UNFILTERED_REPEATS):
            newest_peer_ms.append(timed_ms(lambda: database.query(PEER_NEWEST_SQL, (PAGE,)))[0])
            newest_ms.append(timed_ms(lambda: pager.page(TicketFilter(), limit=PAGE))[0])

        fts_ms, fts_hits = [], []
        for text in fts_query_texts(seed)[:FULL_LIST_QUERIES]:
            ms, ids = timed_ms(lambda: repo.query_ids(TicketFilter(text=text)))
            fts_ms.append(ms)
            fts_hits.append(len(ids))

        unfiltered_ms = []
        for _ in range(UNFILTERED_REPEATS // 4):
            ms, ids = timed_ms(lambda: repo.query_ids(TicketFilter()))
            unfiltered_ms.append(ms)
        total = len(ids)

        rng = random.Random(seed + 2)
        modules, weeks = list(load_taxonomy().module_ids), repo.weeks()
        module_week_ms = []
        for _ in range(MODULE_WEEK_QUERY_COUNT):
            flt = TicketFilter(module=rng.choice(modules), week=rng.choice(weeks))
            module_week_ms.append(timed_ms(lambda: pager.page(flt, limit=PAGE))[0])
    finally:
        database.close()
    search, search_peer = percentiles(page_ms), percentiles(peer_ms)
    newest, newest_peer = percentiles(newest_ms), percentiles(newest_peer_ms)
    return {
        "search_page": {**search, "peer": search_peer, "ratio": _ratio(search, search_peer),
                        "slowest": [{"text": t, "ms": round(ms, 2), "peer_ms": round(p, 2)} for ms, t, p in slowest[:5]]},
        "newest_page": {**newest, "peer": newest_peer, "ratio": _ratio(newest, newest_peer)},
        "module_week_page": {**percentiles(module_week_ms), "weeks": len(weeks)},
        "fts": {**percentiles(fts_ms), "median_hits": statistics.median(fts_hits), "max_hits": max(fts_hits)},
        "unfiltered": {**percentiles(unfiltered_ms), "hits": total},
    }


def _qt_app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _first_rows_ms(pager: TicketPager, model, flt: TicketFilter) -> tuple[float, int]:
    """From the start of the list's first-page query to display data for the first rows; rows shown."""
    from PySide6.QtCore import Qt

    start = time.perf_counter()
    model.show_first_page(pager.page(flt, limit=PAGE))
    rows = min(FIRST_ROWS, model.rowCount())
    for row in range(rows):
        for column in range(model.columnCount()):
            model.data(model.index(row, column), Qt.DisplayRole)
    return (time.perf_counter() - start) * 1000, rows


def bench_first_rows(target: str) -> dict:
    """Time to the first 40 rows of the model, unfiltered and with a search text."""
    _qt_app()
    from elsdesk.gui.ticket_table_model import TicketTableModel

    database = open_database(target)
    try:
        pager = TicketPager(database)
        model = TicketTableModel(database, load_taxonomy(), "sv")
        results = {}
        for name, flt in (("unfiltered", TicketFilter()), ("search", TicketFilter(text=SEARCH_FOR_FIRST_ROWS))):
            runs = [_first_rows_ms(pager, model, flt)[0] for _ in range(FIRST_ROWS_REPEATS)]
            results[name] = {"first_ms": runs[0], "median_ms": statistics.median(runs), "rows": model.rowCount()}
        results["search"]["text"] = SEARCH_FOR_FIRST_ROWS
    finally:
        database.close()
    return results


def bench_list_view(target: str) -> dict:
    """The real TicketListView: refresh() until ``loaded``, then its first paint."""
    _qt_app()
    from PySide6.QtCore import QEventLoop, QTimer

    from elsdesk.gui.tasks import TaskRunner
    from elsdesk.gui.ticket_list_view import TicketListView
    from elsdesk.gui.ticket_table_model import TicketTableModel

    database = open_database(target)
    runner = TaskRunner()
    try:
        model = TicketTableModel(database, load_taxonomy(), "sv")
        view = TicketListView(model, runner, target)
        view.resize(1400, 24 * (FIRST_ROWS + 2))
        loop = QEventLoop()
        outcome: dict = {}
        view.first_rows.connect(lambda _n: (outcome.setdefault("first_rows", time.perf_counter()),
                                            outcome.setdefault("first_paint", (view.grab(), time.perf_counter())[1])))
        view.loaded.connect(lambda result: (outcome.setdefault("loaded", time.perf_counter()), loop.quit()))
        view.query_failed.connect(lambda exc: (outcome.setdefault("error", repr(exc)), loop.quit()))
        QTimer.singleShot(VIEW_TIMEOUT_MS, loop.quit)
        start = time.perf_counter()
        view.refresh()
        loop.exec()
        if "loaded" not in outcome:
            raise RuntimeError(outcome.get("error", f"list view did not load within {VIEW_TIMEOUT_MS} ms"))
        view.grab()  # paints the visible rows, i.e. calls data() for them
        painted = time.perf_counter()
        # A repaint of the same rows (page cached): what every scroll step or hover costs.
        repaint_ms = [timed_ms(view.grab)[0] for _ in range(REPAINT_REPEATS)]
        # Jump to the middle of the list: a page that is not cached yet.
        view.scrollTo(model.index(model.rowCount() // 2, 0))
        jump_ms, _ = timed_ms(view.grab)
        result = {
            "first_rows_ms": (outcome["first_rows"] - start) * 1000,
            "first_rows_paint_ms": (outcome["first_paint"] - start) * 1000,
            "loaded_ms": (outcome["loaded"] - start) * 1000,
            "first_paint_ms": (painted - start) * 1000,
            "repaint_ms": statistics.median(repaint_ms),
            "scroll_jump_paint_ms": jump_ms,
            "rows": model.rowCount(),
        }
        view.deleteLater()
    finally:
        runner.wait()
        database.close()
    return result


def database_size_mb(target: str) -> dict:
    """The SQLite file and its WAL, or the PostgreSQL database and its tickets table (with indexes)."""
    if backend_of(target) == SQLITE:
        db_path = Path(target)
        wal = Path(target + "-wal")
        return {"db_mb": db_path.stat().st_size / 1e6, "wal_mb": wal.stat().st_size / 1e6 if wal.exists() else 0.0}
    with open_database(target) as database:
        db_bytes, tickets_bytes = database.query(
            "SELECT pg_database_size(current_database()), pg_total_relation_size('tickets')")[0]
    return {"db_mb": db_bytes / 1e6, "tickets_mb": tickets_bytes / 1e6}


def postgres_statistics(target: str, analyze: bool) -> dict:
    """Run ANALYZE when asked; say whether the tickets table had planner statistics before the queries."""
    with open_database(target) as database:
        ms = timed_ms(lambda: database.conn.execute("ANALYZE tickets"))[0] if analyze else None
        row = database.query("SELECT last_analyze IS NOT NULL, last_autoanalyze IS NOT NULL, n_live_tup"
                             " FROM pg_stat_user_tables WHERE relname = 'tickets'")[0]
    return {"analyze_ms": ms, "analyzed": bool(row[0]), "autoanalyzed": bool(row[1]), "live_tuples": row[2]}


# -- reporting ----------------------------------------------------------------------------
def print_table(results: dict) -> None:
    gen, imp, q, fr, view, mem, size = (results.get(k) for k in
                                        ("generate", "import", "queries", "first_rows", "list_view", "memory", "size"))

    def line(label: str, value: str) -> None:
        print(f"  {label:<44} {value}")

    def dist(stats: dict) -> str:
        return f"p50 {stats['p50']:8.2f} ms   p95 {stats['p95']:8.2f} ms   max {stats['max']:8.2f} ms  (n={stats['n']})"

    print()
    print(f"elsdesk storage benchmark — {results['tickets']:,} tickets, seed {results['seed']}, "
          f"{results['engine']}, Python {results['python']}")
    print("=" * 100)
    if gen:
        print("Generate")
        line("JSONL file", f"{gen['jsonl_mb']:.1f} MB in {gen['elapsed_s']:.1f} s")
        line("tickets with personnummer", f"{gen['with_personnummer']:,}")
    if imp:
        print("Import (import_tickets)")
        line("elapsed", f"{imp['elapsed_s']:.1f} s")
        line("rate", f"{imp['rate_per_s']:,.0f} tickets/s")
        line("  read + validate before first batch (est.)", f"{imp['prepare_s_estimate']:.1f} s")
        line("  write phase rate (est.)", f"{imp['write_rate_per_s']:,.0f} tickets/s")
        line("new / rejected / identifiers masked", f"{imp['new']:,} / {imp['rejected']:,} / {imp['masked']:,}")
    else:
        print(f"An existing desk: {results['desk']} ({results['tickets']:,} tickets; not generated or imported here)")
    stats = results.get("statistics")
    if stats:
        line("planner statistics before the queries",
             f"ANALYZE run ({stats['analyze_ms']:.0f} ms)" if stats["analyze_ms"] is not None
             else "from an earlier ANALYZE" if stats["analyzed"]
             else "from autovacuum" if stats["autoanalyzed"] else "none yet (autovacuum had not analysed tickets)")
    print(f"First page of {PAGE} rows (TicketPager, what the list waits for) vs the plain peer query, paired")
    for label, key in ((f"search, {q['search_page']['n']} texts", "search_page"), ("newest first, no filter", "newest_page")):
        row = q[key]
        line(label, dist(row))
        line("  peer", dist(row["peer"]))
        line("  ratio p50 / p95", f"{row['ratio']['p50']:.2f}x / {row['ratio']['p95']:.2f}x")
    for slow in q["search_page"]["slowest"]:
        line(f"  slow: {slow['text']!r}", f"{slow['ms']:.1f} ms (peer {slow['peer_ms']:.1f} ms)")
    line(f"module + week ({q['module_week_page']['weeks']} weeks)", dist(q["module_week_page"]))
    print("Full id lists (query_ids; loaded after the first page, with the counts)")
    line(f"free text, {q['fts']['n']} queries", dist(q["fts"]))
    line("  hits per query median / max", f"{q['fts']['median_hits']:,.0f} / {q['fts']['max_hits']:,}")
    line(f"unfiltered newest first ({q['unfiltered']['hits']:,} ids)", dist(q["unfiltered"]))
    print(f"Time to first {FIRST_ROWS} rows (first page + show_first_page + data(), model on GUI thread)")
    line(f"unfiltered, {fr['unfiltered']['rows']:,} rows", f"first {fr['unfiltered']['first_ms']:.1f} ms, "
         f"median of {FIRST_ROWS_REPEATS} {fr['unfiltered']['median_ms']:.1f} ms")
    line(f"search {fr['search']['text']!r}, {fr['search']['rows']:,} rows", f"first {fr['search']['first_ms']:.1f} ms, "
         f"median of {FIRST_ROWS_REPEATS} {fr['search']['median_ms']:.1f} ms")
    print("TicketListView (worker queries, offscreen)")
    line("refresh() -> first rows / painted", f"{view['first_rows_ms']:.1f} ms / {view['first_rows_paint_ms']:.1f} ms")
    line("refresh() -> every id and the counts (loaded)", f"{view['loaded_ms']:.1f} ms")
    line(f"repaint of {FIRST_ROWS} visible rows (median of {REPAINT_REPEATS})", f"{view['repaint_ms']:.1f} ms")
    line("jump to middle of list + paint (page miss)", f"{view['scroll_jump_paint_ms']:.1f} ms")
    print("Memory and size")
    if gen:
        line("peak RSS after generate / import / queries", f"{mem['after_generate_mb']:.0f} / {mem['after_import_mb']:.0f} / "
             f"{mem['after_queries_mb']:.0f} MB")
    line("peak RSS at end" + (" (client only)" if "wal_mb" not in size else ""),
         f"{mem['peak_mb']:.0f} MB")
    if "wal_mb" in size:
        line("database file (+ WAL)", f"{size['db_mb']:.1f} MB (+ {size['wal_mb']:.1f} MB)")
    else:
        line("pg_database_size / tickets with indexes", f"{size['db_mb']:.1f} MB / {size['tickets_mb']:.1f} MB")
    line("total runtime", f"{results['runtime_s']:.1f} s")
    print("=" * 100)


def _rounded(value):
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _engine(target: str) -> str:
    if backend_of(target) == SQLITE:
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    with open_database(target) as database:
        return "PostgreSQL " + database.query("SHOW server_version")[0][0].split()[0]


def run(tickets: int, seed: int, keep: Path | None, backend: str = SQLITE, url: str | None = None,
        analyze: bool = False) -> dict:
    started = time.perf_counter()
    results: dict = {"tickets": tickets, "seed": seed, "backend": backend, "python": sys.version.split()[0]}
    server = None
    with tempfile.TemporaryDirectory(prefix="elsdesk-bench-") as tmp:
        workdir = Path(tmp)
        try:
            if backend == SQLITE:
                target = str(keep or workdir / "bench.db")
            elif url:
                target = url
            else:
                sys.path.insert(0, str(REPO_ROOT / "tests"))
                from pg_server import PgServer

                print("starting a throwaway PostgreSQL server ...", file=sys.stderr, flush=True)
                server = PgServer().start()
                target = server.create_database("elsdesk_bench")
            with open_database(target, migrate_schema=True) as database:
                if TicketRepository(database).count():
                    raise SystemExit(f"{database.describe()} already holds tickets; the benchmark needs an empty desk")
            results["engine"] = _engine(target)
            results.update(_measure(target, workdir / "tickets.jsonl", tickets, seed, analyze))
        finally:
            if server is not None:
                server.stop()
    results["runtime_s"] = time.perf_counter() - started
    return results


def _measure(target: str, jsonl: Path, tickets: int, seed: int, analyze: bool) -> dict:
    results: dict = {}
    memory = {}
    print(f"generating {tickets:,} tickets ...", file=sys.stderr, flush=True)
    ms, generated = timed_ms(lambda: generate_tickets(jsonl, tickets, seed))
    results["generate"] = {**generated, "elapsed_s": ms / 1000}
    memory["after_generate_mb"] = peak_rss_mb()

    print(f"importing into {redacted(target)} ...", file=sys.stderr, flush=True)
    results["import"] = run_import(target, jsonl)
    memory["after_import_mb"] = peak_rss_mb()
    results["size"] = database_size_mb(target)
    if backend_of(target) != SQLITE:
        results["statistics"] = postgres_statistics(target, analyze)

    print("querying ...", file=sys.stderr, flush=True)
    results["queries"] = bench_queries(target, seed)
    memory["after_queries_mb"] = peak_rss_mb()

    print("ticket list ...", file=sys.stderr, flush=True)
    results["first_rows"] = bench_first_rows(target)
    results["list_view"] = bench_list_view(target)
    memory["peak_mb"] = peak_rss_mb()
    results["memory"] = memory
    return results


def run_on_desk(target: str, seed: int, analyze: bool) -> dict:
    """Measure the queries, the list and the size on a desk that already holds tickets (no import)."""
    started = time.perf_counter()
    with open_database(target) as database:
        tickets = TicketRepository(database).count()
    results: dict = {"tickets": tickets, "seed": seed, "desk": redacted(target), "engine": _engine(target),
                     "backend": backend_of(target), "python": sys.version.split()[0],
                     "size": database_size_mb(target)}
    if backend_of(target) != SQLITE:
        results["statistics"] = postgres_statistics(target, analyze)
    print("querying ...", file=sys.stderr, flush=True)
    results["queries"] = bench_queries(target, seed)
    print("ticket list ...", file=sys.stderr, flush=True)
    results["first_rows"] = bench_first_rows(target)
    results["list_view"] = bench_list_view(target)
    results["memory"] = {"peak_mb": peak_rss_mb()}
    results["runtime_s"] = time.perf_counter() - started
    return results


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tickets", type=int, default=DEFAULT_TICKETS, help="tickets to generate (default %(default)s)")
    parser.add_argument("--keep", type=Path, metavar="DB", help="write the database here and keep it (must not exist)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite",
                        help="desk engine (default %(default)s); postgres starts a throwaway server unless --url")
    parser.add_argument("--url", help="an empty PostgreSQL desk (postgresql://…) instead of a throwaway server")
    parser.add_argument("--analyze", action="store_true", help="PostgreSQL: ANALYZE tickets after the import")
    parser.add_argument("--desk", help="measure this existing desk (a file or postgresql://…) instead of generating "
                        "and importing; it is only read")
    args = parser.parse_args(argv)
    if args.url and args.backend != "postgres":
        parser.error("--url is for --backend postgres")
    if args.keep is not None and args.backend != "sqlite":
        parser.error("--keep is for --backend sqlite (a desk given with --url stays anyway)")
    if args.tickets < 1:
        parser.error("--tickets must be at least 1")
    if args.keep is not None:
        args.keep = args.keep.resolve()
        if args.keep.exists():
            parser.error(f"{args.keep} already exists; the benchmark needs a fresh database")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="elsdesk-bench-home-") as home:
        os.environ["ELSDESK_HOME"] = home  # settings, caches and models of the run never reach the user's folder
        os.environ["XDG_DATA_HOME"] = home
        if args.desk:
            results = run_on_desk(args.desk, args.seed, args.analyze)
        else:
            results = run(args.tickets, args.seed, args.keep, args.backend, args.url, args.analyze)
    print_table(results)
    print("RESULT " + json.dumps(_rounded(results), ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
