"""One outage written many ways is one possible incident (tester's finding 2: "Cosmic hänger sig",
"systemet svarar inte" and "timglaset snurrar" over the same hours were three incidents), while two
different problems at the same hour (a printer queue and an integration) stay two."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from conftest import first_seed_rows
from elsdesk.domain import Ticket
from elsdesk.services.incidents import all_incidents, incident_ticket_ids
from elsdesk.services.surges import Surge, detect_surges, record_surges, scan_for_incidents
from elsdesk.storage import TicketRepository

DAY = datetime(2025, 4, 29, 9, 0)
UNITS = [f"Enhet {n}" for n in range(1, 31)]
FROZEN = [("Cosmic hänger sig", "Cosmic hänger sig hela tiden, vi kommer inte vidare med något"),
          ("cosmic hänger sig", "Hela Cosmic har hängt sig på alla datorer här"),
          ("Cosmic hänger sig igen", "Cosmic hänger sig när vi öppnar journalen, alla datorer"),
          ("Csomic hanger sig", "Cosmic hanger sig, gar inte att klicka nagonstans"),
          ("Cosmic hänger sig", "Skärmen fryser, Cosmic har hängt sig för hela avdelningen"),
          ("cosmic hänger sig!!", "Cosmic hänger sig och vi kan inte jobba")]
NOT_RESPONDING = [("Systemet svarar inte", "Systemet svarar inte alls sedan nio, har startat om datorn två gånger"),
                  ("systemet svarar inte", "Systemet svarar inte, startat om datorn men inget händer"),
                  ("Systemet svarar inte alls", "Inget svar från systemet sedan nio, omstart hjälper inte"),
                  ("systemet svarar inte", "Systemet svarar inte för någon på mottagningen"),
                  ("Systemet svarar ej", "Systemet svarar inte alls, datorn startad om"),
                  ("systemet svarar inte?", "Svarar inte alls sedan nio, gäller alla datorer")]
HOURGLASS = [("Timglaset snurrar", "Timglaset snurrar hela tiden när vi byter patient"),
             ("timglaset snurrar", "Bara ett timglas som snurrar, kan inte dela läkemedel"),
             ("Timglas hela tiden", "Timglaset snurrar och snurrar, gäller alla datorer på avdelningen"),
             ("timglaset snurrar", "Timglas hela tiden, det snurrar bara"),
             ("Timglaset snurrar", "Timglaset snurrar i minuter när man byter patient"),
             ("timglas som snurrar", "Timglaset snurrar, vi kommer ingenstans")]
PRINTER = [("Utskriftskön står still", "Inga utskrifter kommer ut, utskriftskön på skrivaren står still"),
           ("Skrivaren skriver inte ut", "Utskriftskön står still, inget kommer ut på skrivaren"),
           ("Inga utskrifter kommer ut", "Skrivarkön är full och står still, inget skrivs ut"),
           ("Utskriftskön hänger", "Utskrifterna fastnar i kön, skrivaren skriver inte ut"),
           ("Kan inte skriva ut", "Skrivaren tar emot jobben men utskriftskön står still"),
           ("Utskriftskön står still", "Inget skrivs ut på någon skrivare, kön står still")]
INTEGRATION = [("NPÖ går inte att öppna", "NPÖ laddar inte, får fel när vi hämtar journal från andra vårdgivare"),
               ("NPÖ fungerar inte", "Kan inte se andra vårdgivares journal i NPÖ, felmeddelande"),
               ("Fel i NPÖ", "NPÖ ger felmeddelande och ingen journal från andra vårdgivare syns"),
               ("NPÖ laddar inte", "Journalen från andra vårdgivare i NPÖ går inte att hämta"),
               ("NPÖ nere?", "NPÖ visar fel när vi försöker se andra vårdgivares journal"),
               ("NPÖ går inte", "Får felmeddelande i NPÖ, inga uppgifter från andra vårdgivare")]


def insert(database, rows):
    repo = TicketRepository(database)
    with database.write():
        return [repo.insert(Ticket(title=t, description=d, created_at=c.isoformat(), unit=u)) for t, d, c, u in rows]


def background(database, count=90, seed=4):
    """Ordinary tickets about other things over the three days before and the day itself."""
    rng = random.Random(seed)
    rows = [r for r in first_seed_rows()
            if r["module"] not in ("utskrift_hardvara", "prestanda_driftstorning", "integrationer")]
    picked = rng.sample(rows, count)
    start = DAY - timedelta(days=3, hours=5)
    moments = sorted(start + timedelta(minutes=rng.randint(0, 3 * 24 * 60 + 8 * 60)) for _ in picked)
    return insert(database, [(r["title"], r["description"], m, rng.choice(UNITS)) for r, m in zip(picked, moments)])


def reports(database, groups, first_unit=0, start=DAY, spacing=timedelta(minutes=6)):
    """The groups' tickets interleaved over the same hours, each from a unit of its own."""
    rows, n = [], 0
    for position in range(max(len(g) for g in groups)):
        for group in groups:
            if position < len(group):
                title, description = group[position]
                rows.append((title, description, start + n * spacing, UNITS[first_unit + n]))
                n += 1
    return insert(database, rows)


def test_an_outage_in_three_wordings_is_one_incident(memory_db):
    background(memory_db)
    outage = reports(memory_db, [FROZEN, NOT_RESPONDING, HOURGLASS])
    surges = detect_surges(memory_db, start=DAY.isoformat(), end=(DAY + timedelta(hours=6)).isoformat())
    assert len(surges) == 1, [s.label for s in surges]
    assert set(surges[0].ticket_ids) == {t.id for t in outage}
    assert len(surges[0].units) == len(outage) and surges[0].system_wide
    assert surges[0].first_at == outage[0].created_at and surges[0].last_at == outage[-1].created_at


def test_a_printer_queue_and_an_integration_down_at_the_same_hour_stay_two(memory_db):
    background(memory_db)
    printer, integration = PRINTER, INTEGRATION
    tickets = reports(memory_db, [printer, integration])
    surges = detect_surges(memory_db, start=DAY.isoformat(), end=(DAY + timedelta(hours=6)).isoformat())
    assert len(surges) == 2
    by_text = {t.id: t.title for t in tickets}
    groups = sorted(sorted(by_text[i] for i in s.ticket_ids) for s in surges)
    assert groups == sorted([sorted(t for t, _d in printer), sorted(t for t, _d in integration)])
    assert not any(s.system_wide for s in surges)


def test_an_outage_does_not_swallow_a_printer_problem_of_the_same_hour(memory_db):
    background(memory_db)
    outage = reports(memory_db, [FROZEN, NOT_RESPONDING, HOURGLASS])
    printer = reports(memory_db, [PRINTER], first_unit=len(outage), start=DAY + timedelta(minutes=3))
    surges = detect_surges(memory_db, start=DAY.isoformat(), end=(DAY + timedelta(hours=6)).isoformat())
    assert sorted(len(s.ticket_ids) for s in surges) == [len(printer), len(outage)]
    assert {frozenset(s.ticket_ids) for s in surges} == {frozenset(t.id for t in outage), frozenset(t.id for t in printer)}


def test_outages_on_two_days_are_two_incidents(memory_db):
    background(memory_db)
    reports(memory_db, [FROZEN])
    reports(memory_db, [NOT_RESPONDING], first_unit=10, start=DAY + timedelta(days=1))
    surges = detect_surges(memory_db, start=DAY.isoformat(), end=(DAY + timedelta(days=1, hours=6)).isoformat())
    assert len(surges) == 2


def test_incidents_an_earlier_scan_found_apart_are_gathered_into_one(memory_db):
    """A desk scanned before this rule holds one outage as three incidents: the next scan makes them one."""
    background(memory_db)
    outage = reports(memory_db, [FROZEN, NOT_RESPONDING, HOURGLASS])
    apart = [Surge(tuple(t.id for t in outage[i::3]), outage[i].created_at, outage[i::3][-1].created_at,
                   tuple(t.unit for t in outage[i::3]), outage[i].title, outage[i].id) for i in range(3)]
    assert len(record_surges(memory_db, apart).created) == 3
    scan = scan_for_incidents(memory_db, start=DAY.isoformat(), end=(DAY + timedelta(hours=6)).isoformat())
    incidents = all_incidents(memory_db)
    assert len(incidents) == 1 and incidents[0].ticket_count == len(outage)
    assert set(incident_ticket_ids(memory_db, incidents[0].id)) == {t.id for t in outage}
    assert [i.id for i in scan.extended] == [incidents[0].id]


def test_a_second_wording_found_later_joins_the_open_outage(memory_db):
    """Intake scans: the first wording becomes an incident; a burst in other words an hour later joins it."""
    background(memory_db)
    first = reports(memory_db, [FROZEN])
    created = scan_for_incidents(memory_db, start=DAY.isoformat(), end=(DAY + timedelta(hours=1)).isoformat()).created
    assert len(created) == 1
    later = reports(memory_db, [HOURGLASS], first_unit=10, start=DAY + timedelta(minutes=40))
    scan = scan_for_incidents(memory_db, around=later[-1].created_at)
    assert scan.created == []
    assert set(incident_ticket_ids(memory_db, created[0].id)) == {t.id for t in first + later}


def test_a_surge_that_spans_two_incidents_of_the_same_scan_leaves_one(memory_db):
    """Found on a 20,000-ticket import: an incident gathered into another in the same scan was still
    reported as created ("incident 2 finns inte")."""
    tickets = reports(memory_db, [FROZEN, PRINTER])
    ids = [t.id for t in tickets]

    def surge(part):
        chosen = [t for t in tickets if t.id in part]
        return Surge(tuple(part), chosen[0].created_at, chosen[-1].created_at, tuple(t.unit for t in chosen), chosen[0].title, part[0])

    scan = record_surges(memory_db, [surge(ids[:5]), surge(ids[6:11]), surge(ids[3:8])])
    assert len(scan.created) == 1 and scan.extended == []
    assert [i.id for i in all_incidents(memory_db)] == [scan.created[0].id]
    assert set(incident_ticket_ids(memory_db, scan.created[0].id)) == set(ids[:11])
