"""Held-out scenarios for incident detection (exploratory testers' findings: an outage written many
ways was missed, a whole unit frozen was missed, how-to waves on go-live day were flagged).

Every text here was written for these tests, in voices the seed corpus, the bench data and the other
tests do not have. A scenario is a day's file imported with its scan, on a desk that already holds the
days before it (imported without a scan) or, on go-live day, nothing. Module/kind columns are a
person's labels; rows without them are left to the desk's model. An outage is found when one incident
holds at least half of its tickets and few others (at most a fifth as many); a day without an outage
is right when its scan flags nothing. The second batch was written after the rules were settled and
is kept as it came out, misses included (strict xfail: a fix makes them fail until they are moved).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from conftest import write_jsonl

from elsdesk.domain import Ticket
from elsdesk.services.imports import import_tickets
from elsdesk.services.incidents import incident_ticket_ids
from elsdesk.storage import TicketRepository

UNITS = ["Avd 21 Ortopedi", "Barnmottagningen", "Vårdcentralen Norrby", "Avd 7 Geriatrik", "Hjärtintensiven",
         "Röntgen", "Dialysen", "Operation C", "Avd 33 Kirurgi", "Vårdcentralen Åsen", "Psykiatrisk akutmottagning",
         "Förlossningen", "Neonatal", "Medicinmottagningen", "Infektion avd 4", "Ögonmottagningen",
         "Hudmottagningen", "Onkologen dagvård", "Avd 12 Lungmedicin", "Rehab avd 2", "Smärtmottagningen",
         "Kvinnokliniken", "Urologmottagningen", "Avd 40 Neurologi"]
EMERGENCY = "Akutmottagningen"
GO_LIVE = datetime(2025, 9, 8, 7, 0)  # a Monday: the desk's first day
DAY = datetime(2025, 9, 22, 7, 0)  # a Monday two weeks later, with three days of history before it

# Everyday tickets about one thing each, no two about the same problem.
ORDINARY = [
    ("Vikt saknas i kurvan", "Patientens vikt från i går syns inte i mätvärdeskurvan, bara längden"),
    ("Fel enhet på remissen", "Remissen till kardiologen fick vår gamla mottagning som avsändare"),
    ("Hur lägger jag till en diagnos", "Vill sätta en bidiagnos på besöket men hittar inte fältet för det"),
    ("Kallelsen blev på engelska", "Patienten fick sin kallelse på engelska fast svenska är valt"),
    ("Kan inte avsluta vårdtillfället", "Knappen för utskrivning är grå för en patient som ska hem i dag"),
    ("Frikortet syns inte", "Patienten visar frikort på papper men kassan tar ut avgift ändå"),
    ("Webcert öppnas inte från journalen", "När jag väljer nytt sjukintyg händer ingenting, bara ett tomt fönster"),
    ("SIP-kallelse till kommunen", "Hur bjuder jag in hemtjänsten till en samordnad plan för en patient?"),
    ("PIN-koden spärrad", "Skrev fel kod för många gånger i morse och kortet är nu låst"),
    ("Saknar min mottagning i listan", "Jag kan bara välja avdelningen jag jobbade på förut när jag loggar in"),
    ("Scannern lägger pappret i fel journal", "Inskannade remissvar hamnar på föregående patient"),
    ("Diktatet försvann", "Spelade in en lång epikris men den finns inte kvar i listan efter lunch"),
    ("Kolumnen för ansvarig läkare", "Kan man få fram en kolumn med ansvarig läkare i patientöversikten?"),
    ("Operationsanmälan hittar inte salen", "Sal fyra finns inte att välja när jag planerar nästa vecka"),
    ("Nova visar gammal lista", "I mobilen ser jag patienter som skrevs ut i förrgår"),
    ("Röntgensvar utan bilder", "Svaret på lungröntgen kom men länken till bilderna ger felruta"),
    ("Mall för inskrivningsanteckning", "Vår egen mall för inskrivningssamtal har försvunnit ur listan"),
    ("Kan inte makulera anteckning", "Skrev på fel patient och vill ta bort anteckningen, hur gör jag?"),
    ("Ordinationen syns inte i utdelningen", "Läkaren har ordinerat antibiotika men den dyker inte upp att dela"),
    ("Dosdispensen ändrad", "Apoteket har ändrat dospåsen men listan hos oss visar den gamla"),
    ("Vätskelistan räknar fel", "Summan av intag blir dubbelt så stor som det vi faktiskt fört in"),
    ("NEWS-poängen räknas inte", "Jag för in alla värden men totalpoängen blir aldrig uträknad"),
    ("Tidboken visar fel veckodagar", "Alla tider på fredagar syns på torsdagar i min tidbok"),
    ("Väntelistan sorteras konstigt", "Patienter med äldst remiss hamnar längst ner, borde vara tvärtom"),
    ("Patientavgift för barn", "Systemet tar ut avgift för ett barn på sju år, ska vara gratis"),
    ("Kvitto skrivs inte ut", "Betalningen gick igenom men inget kvitto kommer ut i kassan"),
    ("Hur förnyar jag ett recept", "Patienten ringer om förnyelse, var i läkemedelslistan gör jag det?"),
    ("Blankett för färdtjänst", "Vi hittar inte intyget för färdtjänst bland blanketterna"),
    ("Meddelande till kommunen kom inte fram",
     "Inskrivningsmeddelandet skickades i går men kommunen säger att de inte fått något"),
    ("Vill ha större text", "Går det att förstora texten i journalen? Jag ser dåligt på skärmen"),
    ("Anestesijournalen saknar fält", "Det finns inget fält för blodförlust i vår anestesijournal"),
    ("Cytostatikaschemat förskjuts", "När jag flyttar första kuren flyttas inte resten av cyklerna med"),
    ("Barnmorskans anteckning försvann", "Anteckningen från förlossningen i natt går inte att hitta"),
    ("Reservnummer till okänd patient",
     "Hur skapar jag ett reservnummer till en medvetslös patient utan legitimation?"),
    ("Förflyttning till annan avdelning", "Patienten flyttades till oss men står kvar på akuten i systemet"),
    ("Provsvar utan referensvärden", "Kaliumsvaret saknar referensintervall, ser ut som ett fel"),
    ("Etiketten har fel namn", "Etiketten till provröret har en annan patients namn, vi slängde röret"),
    ("Sökordet finns inte", "Sökordet Aktuellt saknas i vår journalmall sedan i måndags"),
    ("Filter på min lista", "Hur sparar jag ett filter så att jag bara ser mina egna patienter?"),
    ("Skrivaren på expeditionen", "Den stora skrivaren på expeditionen skriver bara ut tomma sidor"),
    ("Headset till diktering", "Vårt headset fungerar inte med dikteringen, hörs inget"),
    ("Läkemedelsgenomgång", "Var dokumenterar man en läkemedelsgenomgång så att den syns för nästa läkare?"),
    ("Behöver roll som handledare", "Jag ska handleda studenter men kan inte signera deras anteckningar"),
    ("Bildvisaren startar inte", "När jag klickar på bilder i röntgensvaret kommer bara ett grått fönster"),
    ("1177-bokningen syns inte", "En patient har bokat tid via 1177 men bokningen finns inte hos oss"),
    ("Kan inte vidimera svar", "Knappen för vidimering saknas på svaren från klinisk kemi"),
    ("Önskar snabbknapp", "Det vore bra med en snabbknapp för att skriva ut patientens läkemedelslista"),
    ("Fel telefonnummer i kallelsen", "Kallelserna visar mottagningens gamla nummer som ingen svarar på"),
    ("Arbetsstationen startar om", "Datorn i läkarexpeditionen startar om sig själv flera gånger per dag"),
    ("Hitta lathunden", "Var ligger lathunden för att boka tolk?"),
    ("Vårdplanen går inte att spara", "Får ett felmeddelande när jag sparar vårdplanen för trycksår"),
    ("Journaltabellen tom", "Journaltabellen visar inga värden alls för en patient som legat här en vecka"),
    ("Kassan stänger inte dagen", "Dagsavslutet i kassan går inte igenom, det står att en betalning saknas"),
    ("Remissvaret kom inte", "Ortopeden säger att de svarat på remissen, men inget syns hos oss"),
    ("Nattens anteckningar saknas", "Nattpersonalens omvårdnadsanteckningar syns inte i översikten"),
    ("Önskar färgmarkering", "Kan allergier få röd färg i patientlistan så att de syns bättre?"),
    ("Läkemedel utan styrka", "Ett läkemedel i listan saknar styrka och går inte att dela"),
    ("Signera provsvar i klump", "Går det att signera flera provsvar på en gång?"),
    ("Mobilen loggar ut", "Nova loggar ut mig var femte minut när jag står vid patienten"),
    ("Övertid i schemat", "Hur registrerar jag att jag jobbat över i resursplaneringen?"),
]

# An outage of the whole system in many words (no wording alone is a burst).
WHOLE_SYSTEM = [
    ("Allt står still", "Ingenting händer när jag klickar, det gäller alla datorer på avdelningen"),
    ("Cosmic låser sig", "Programmet låser sig så fort man väljer en patient, alla här har samma"),
    ("Det bara laddar", "Cosmic laddar och laddar på alla skärmar hos oss, inget blir klart"),
    ("Ingen kontakt med Cosmic", "Vi får ingen kontakt med systemet sedan en stund, alla datorer"),
    ("Vit ruta i Cosmic", "Cosmic blir helt vitt och slutar svara, flera kollegor har samma problem"),
    ("Går i slow motion", "Varje klick i Cosmic tar en halv minut, vi kan inte jobba"),
    ("Är systemet nere?", "Är Cosmic nere? Ingen av oss kan öppna någon journal"),
]
# A unit whose every workstation freezes (four wordings).
UNIT_FROZEN = [
    ("Cosmic fryser", "Cosmic fryser på alla datorer i akuten, vi får inte fram några patienter"),
    ("Hänger på triagen", "Triagevyn hänger sig, timglaset snurrar och inget händer"),
    ("Timglas överallt", "Timglaset snurrar på varje dator här, vi har gått över till papper"),
    ("Cosmic svarar inte", "Cosmic svarar inte alls, vi har startat om två datorer utan att det hjälpt"),
]
LOGIN_DOWN = [
    ("Kommer inte in i Cosmic", "Ingen på avdelningen kommer in, inloggningen står och snurrar efter PIN"),
    ("Inloggningen fungerar inte", "Efter att jag tryckt in pinkoden händer ingenting, kollegorna har samma"),
    ("Går inte att logga in", "Inloggningen till Cosmic går inte, kortet läses men sedan blir det stopp"),
]
NLL_DOWN = [
    ("NLL svarar inte", "Nationella läkemedelslistan går inte att nå från ordinationen, felmeddelande om timeout"),
    ("Läkemedelslistan från NLL saknas", "Kan inte hämta patientens uttag från NLL, tjänsten svarar inte"),
    ("Timeout mot NLL", "Varje gång vi öppnar NLL-fliken blir det timeout och inga uttag visas"),
]
LAB_LABELS = [
    ("Provrörsetiketter skrivs inte ut", "Etiketterna till proverna kommer inte ut på labbskrivaren, kön växer"),
    ("Labbetiketter fastnar i kön", "Etiketterna för blodproverna ligger kvar i utskriftskön och inget kommer ut"),
    ("Inga etiketter till proverna", "Etikettskrivaren för provrör skriver inte ut, kön står still"),
]
DOSE_HOWTO = [
    ("Hur signerar jag given dos", "Jag har gett tabletterna men hittar inte var jag kvitterar att de är givna"),
    ("Signera dos", "Var klickar man för att signera att patienten fått sin dos? Ny i Cosmic"),
    ("Kvittera läkemedel", "Hur bekräftar jag att en dos är given i utdelningsvyn?"),
]
NEW_STAFF_ACCESS = [
    ("Nyanställd saknar behörighet", "Vår nya undersköterska kommer inte åt patientlistan, hon började i dag"),
    ("Ny kollega ser inga patienter", "En nyanställd sjuksköterska får en tom lista när hon loggar in hos oss"),
    ("Behörighet till ny personal", "Två nya kollegor saknar rätt att läsa journalen på vår enhet"),
]
RESERVE_HOWTO = [
    ("Var hittar jag läskopian", "Inför nattens stopp, hur kommer vi åt läskopian på reservdatorn?"),
    ("Läskopia vid stoppet", "Hur skriver man ut patientlistan från läskopian under det planerade stoppet?"),
    ("Reservrutin i natt", "Vad ska vi skriva ut innan Cosmic stängs i natt, finns det en lista?"),
]
DICTATION = [
    ("Dikteringen spelar inte in", "Inspelningsknappen reagerar inte i dikteringen, inget ljud sparas"),
    ("Diktat går inte att spara", "Får fel när jag ska spara diktatet, det försvinner"),
]
PRINTER_ROOM = [
    ("Skrivaren på läkarexpeditionen", "Skrivaren skriver ut konstiga tecken i stället för text"),
    ("Utskrift blir sned", "Allt vi skriver ut på avdelningens skrivare blir snett och halvt"),
]
SLOW_NOW_AND_THEN = ("Segt i eftermiddag", "Lite segt att öppna journalen, tar några sekunder extra")
RECURRING = ("Etiketten hamnar på fel skrivare", "Provetiketterna kommer ut på grannavdelningens skrivare igen")


@dataclass
class Scenario:
    """The day's rows, the desk's earlier rows and the ids of each outage of the day (none: nothing
    may be flagged)."""

    name: str
    rows: list[dict] = field(default_factory=list)
    outages: list[list[str]] = field(default_factory=list)
    earlier: list[dict] = field(default_factory=list)


def _row(key: str, text: tuple[str, str], at: datetime, unit: str, labels: tuple[str, str] | None = None) -> dict:
    row = {"id": key, "created_at": at.isoformat(timespec="seconds"), "title": text[0], "description": text[1],
           "unit": unit}
    if labels:
        row["module"], row["kind"] = labels
    return row


def everyday(rng: random.Random, first: datetime, days: int, per_day: int, prefix: str = "B") -> list[dict]:
    """*per_day* ordinary tickets a day from many units in office hours, each text at most
    once a day while there are texts enough (a busy day repeats each about as often)."""
    rows = []
    for day in range(days):
        texts = ORDINARY * (per_day // len(ORDINARY)) + rng.sample(ORDINARY, per_day % len(ORDINARY))
        for n, text in enumerate(texts):
            at = first + timedelta(days=day, minutes=rng.randint(0, 10 * 60))
            rows.append(_row(f"{prefix}-{day}-{n:03d}", text, at, rng.choice(UNITS)))
    return rows


def history(rng: random.Random, per_day: int = 40) -> list[dict]:
    """Three ordinary days before DAY."""
    return everyday(rng, DAY - timedelta(days=3), 3, per_day, prefix="E")


def ordinary_day(rng: random.Random, per_day: int = 40) -> list[dict]:
    return everyday(rng, DAY, 1, per_day)


def burst(prefix: str, texts: list[tuple[str, str]], count: int, start: datetime, minutes: int, units: list[str],
          labels: tuple[str, str] | None = None, labelled_every: int = 1) -> list[dict]:
    """*count* tickets cycling through *texts* and *units*, evenly over *minutes*; every
    *labelled_every*-th with a person's *labels* (0: none)."""
    step = minutes / max(count - 1, 1)
    return [_row(f"{prefix}-{n:02d}", texts[n % len(texts)], start + timedelta(minutes=round(n * step)),
                 units[n % len(units)], labels if labels and labelled_every and n % labelled_every == 0 else None)
            for n in range(count)]


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def scenario(name: str, seed: int, rows: list[dict], outages: list[list[str]] | None = None) -> Scenario:
    """*rows* on an ordinary DAY of a desk with three ordinary days before it."""
    rng = random.Random(seed)
    return Scenario(name, ordinary_day(rng) + rows, outages or [], earlier=history(rng))


# -- outages ---------------------------------------------------------------------------------------
def outage_in_many_words() -> Scenario:
    outage = burst("O", WHOLE_SYSTEM, 12, DAY + timedelta(hours=3), 44, UNITS[:6])
    return scenario("outage_in_many_words", 1, outage, [ids(outage)])


def outage_labelled_in_seven_words() -> Scenario:
    outage = burst("O", WHOLE_SYSTEM, 14, DAY + timedelta(hours=2), 91, UNITS[3:10],
                   labels=("prestanda_driftstorning", "driftstorning"))
    return scenario("outage_labelled_in_seven_words", 2, outage, [ids(outage)])


def one_unit_frozen() -> Scenario:
    outage = burst("O", UNIT_FROZEN, 16, DAY + timedelta(hours=4), 50, [EMERGENCY])
    return scenario("one_unit_frozen", 3, outage, [ids(outage)])


def login_down_on_go_live_day() -> Scenario:
    rng = random.Random(4)
    morning = everyday(rng, GO_LIVE, 1, 30)
    outage = burst("O", LOGIN_DOWN, 9, GO_LIVE + timedelta(hours=3, minutes=15), 35, UNITS[5:12])
    return Scenario("login_down_on_go_live_day", morning + outage, [ids(outage)])


def whole_system_down_on_go_live_day() -> Scenario:
    rng = random.Random(5)
    day = everyday(rng, GO_LIVE, 1, 40) + burst("H", DOSE_HOWTO, 6, GO_LIVE + timedelta(hours=1), 90, UNITS[10:15])
    outage = burst("O", WHOLE_SYSTEM, 11, GO_LIVE + timedelta(hours=5), 40, UNITS[:6],
                   labels=("prestanda_driftstorning", "driftstorning"), labelled_every=2)
    return Scenario("whole_system_down_on_go_live_day", day + outage, [ids(outage)])


def integration_down_for_several_units() -> Scenario:
    outage = burst("O", NLL_DOWN, 7, DAY + timedelta(hours=2), 100, UNITS[8:13],
                   labels=("integrationer", "fel"), labelled_every=2)
    slow = burst("S", [SLOW_NOW_AND_THEN], 3, DAY + timedelta(hours=2, minutes=10), 60, UNITS[14:17])
    return scenario("integration_down_for_several_units", 6, outage + slow, [ids(outage)])


def printer_queue() -> Scenario:
    outage = burst("O", LAB_LABELS, 6, DAY + timedelta(hours=6), 60, UNITS[1:5])
    return scenario("printer_queue", 7, outage, [ids(outage)])


def outage_and_printer_queue_at_the_same_hour() -> Scenario:
    outage = burst("O", WHOLE_SYSTEM, 10, DAY + timedelta(hours=3), 40, UNITS[:5])
    printer = burst("P", LAB_LABELS, 6, DAY + timedelta(hours=3, minutes=5), 50, UNITS[10:14])
    return scenario("outage_and_printer_queue_at_the_same_hour", 8, outage + printer, [ids(outage), ids(printer)])


OUTAGES = [outage_in_many_words, outage_labelled_in_seven_words, one_unit_frozen, login_down_on_go_live_day,
           whole_system_down_on_go_live_day, integration_down_for_several_units, printer_queue,
           outage_and_printer_queue_at_the_same_hour]


# -- not incidents -----------------------------------------------------------------------------------
def signing_questions_on_go_live_day() -> Scenario:
    rng = random.Random(11)
    wave = burst("H", DOSE_HOWTO, 6, GO_LIVE + timedelta(hours=2), 100, UNITS[:5], labels=("lakemedel", "handhavande"))
    return Scenario("signing_questions_on_go_live_day", everyday(rng, GO_LIVE, 1, 30) + wave)


def new_staff_access_on_go_live_day() -> Scenario:
    rng = random.Random(12)
    wave = burst("H", NEW_STAFF_ACCESS, 6, GO_LIVE + timedelta(hours=1), 120, UNITS[6:10])
    return Scenario("new_staff_access_on_go_live_day", everyday(rng, GO_LIVE, 1, 30) + wave)


def two_how_to_waves_on_go_live_day() -> Scenario:
    rng = random.Random(13)
    waves = (burst("H", DOSE_HOWTO, 5, GO_LIVE + timedelta(hours=2), 80, UNITS[:4])
             + burst("A", NEW_STAFF_ACCESS, 5, GO_LIVE + timedelta(hours=2, minutes=20), 80, UNITS[8:12]))
    return Scenario("two_how_to_waves_on_go_live_day", everyday(rng, GO_LIVE, 1, 60) + waves)


def busy_normal_monday() -> Scenario:
    rng = random.Random(14)
    return Scenario("busy_normal_monday", everyday(rng, DAY, 1, 2 * len(ORDINARY), prefix="M"),
                    earlier=everyday(rng, DAY - timedelta(days=3), 3, len(ORDINARY), prefix="E"))


def every_day(rng: random.Random, name: str, days: list[list[dict]]) -> Scenario:
    """The last of *days* on an ordinary DAY; the others, with ordinary days, before it."""
    return Scenario(name, ordinary_day(rng) + days[-1], earlier=history(rng) + [r for day in days[:-1] for r in day])


def recurring_daily_problem() -> Scenario:
    """The same fault reported from four units every morning, today too."""
    return every_day(random.Random(15), "recurring_daily_problem",
                     [burst(f"R{day}", [RECURRING], 6, DAY - timedelta(days=3 - day, hours=-1), 150, UNITS[day:day + 4])
                      for day in range(4)])


def recurring_daily_question() -> Scenario:
    """A how-to question asked all day, every day."""
    question = ("Förnya recept", "Hur förnyar jag ett recept som har gått ut? Patienten väntar i telefon")
    return every_day(random.Random(19), "recurring_daily_question",
                     [burst(f"Q{day}", [question], 8, DAY - timedelta(days=3 - day), 600, UNITS[day:day + 8])
                      for day in range(4)])


def two_unrelated_problems_at_the_same_hour() -> Scenario:
    rows = (burst("D", DICTATION, 4, DAY + timedelta(hours=3), 50, UNITS[:4])
            + burst("P", PRINTER_ROOM, 4, DAY + timedelta(hours=3, minutes=5), 50, UNITS[6:10]))
    return scenario("two_unrelated_problems_at_the_same_hour", 16, rows)


def questions_before_a_planned_stop() -> Scenario:
    wave = burst("H", RESERVE_HOWTO, 7, DAY + timedelta(hours=6), 110, UNITS[12:18])
    return scenario("questions_before_a_planned_stop", 17, wave)


def slowness_now_and_then() -> Scenario:
    slow = burst("S", [SLOW_NOW_AND_THEN], 6, DAY + timedelta(hours=1), 600, UNITS[2:8])
    return scenario("slowness_now_and_then", 18, slow)


def one_unit_freezing_a_few_times() -> Scenario:
    frozen = burst("U", UNIT_FROZEN, 6, DAY + timedelta(hours=3), 150, [EMERGENCY])
    return scenario("one_unit_freezing_a_few_times", 20, frozen)


NOT_INCIDENTS = [signing_questions_on_go_live_day, new_staff_access_on_go_live_day, two_how_to_waves_on_go_live_day,
                 busy_normal_monday, recurring_daily_problem, recurring_daily_question,
                 two_unrelated_problems_at_the_same_hour, questions_before_a_planned_stop, slowness_now_and_then,
                 one_unit_freezing_a_few_times]


# -- second batch, written after the rules were settled ------------------------------------------------
CRASHED = [("Cosmic har dött", "Hela Cosmic dog för en minut sedan, ingen här kan göra något"),
           ("Allt hänger", "Varenda dator hos oss hänger sig i Cosmic"),
           ("Vi kör på papper nu", "Cosmic går inte att använda, vi har tagit fram reservblanketterna"),
           ("Servern svarar inte", "Meddelande om att servern inte svarar när vi öppnar Cosmic"),
           ("Får inte upp någonting", "Inga journaler eller listor går att öppna, allt står och tuggar"),
           ("Rullande cirkel", "Bara en cirkel som rullar i Cosmic, oavsett vad vi klickar på")]
LAB_RESULTS_MISSING = [("Provsvaren kommer inte in", "Inga provsvar från labbet har kommit in sedan halv nio"),
                       ("Labbsvar saknas",
                        "Prover som analyserades i morse syns inte, labbet säger att de skickat svaren")]
NOVA_CRASH = [("Nova kraschar vid skanning", "Appen stänger sig när vi skannar patientens armband"),
              ("Nova stängs ner", "Nova-appen kraschar varje gång vi ska läsa av ID-bandet")]
SLOW_EVERYWHERE = [("Extremt långsamt", "Allt i Cosmic tar evigheter för oss alla"),
                   ("Cosmic seg för hela huset", "Alla avdelningar vi pratat med har det jättesegt")]
FIND_THE_LIST = [("Hittar inte patientlistan", "Var ser jag vilka patienter som ligger på min avdelning?"),
                 ("Var är mina patienter", "Hur får jag fram listan över inneliggande?")]
ORDER_LAB_TESTS = [("Beställa blodprover", "Hur beställer jag ett blodstatus och CRP till i morgon bitti?"),
                   ("Labbeställning", "Hur gör man en beställning av prover till labbet i Cosmic?")]
WISHES = [("Önskar gamla layouten", "Den nya layouten är rörig, kan vi få tillbaka den gamla?"),
          ("Större knappar önskas", "Efter uppdateringen blev knapparna små, önskar större")]
STILL_SLOW = [("Fortfarande segt", "Det är fortfarande segt på min dator när jag öppnar journalen")]


def outage_on_a_busy_day() -> Scenario:
    rng = random.Random(31)
    outage = burst("O", CRASHED, 11, DAY + timedelta(hours=4), 30, UNITS[10:17])
    return Scenario("outage_on_a_busy_day", everyday(rng, DAY, 1, 120) + outage, [ids(outage)], earlier=history(rng))


def nova_crash_on_go_live_day() -> Scenario:
    rng = random.Random(34)
    outage = burst("O", NOVA_CRASH, 7, GO_LIVE + timedelta(hours=9), 90, UNITS[2:8])
    return Scenario("nova_crash_on_go_live_day", everyday(rng, GO_LIVE, 1, 50) + outage, [ids(outage)])


def slowness_labelled_with_a_module_only() -> Scenario:
    outage = [dict(row, module="prestanda_driftstorning")
              for row in burst("O", SLOW_EVERYWHERE, 8, DAY + timedelta(hours=5), 70, UNITS[12:17])]
    return scenario("slowness_labelled_with_a_module_only", 35, outage, [ids(outage)])


def outage_in_waves_for_five_hours() -> Scenario:
    outage = burst("O", CRASHED, 20, DAY + timedelta(hours=2), 300, UNITS[:10])
    return scenario("outage_in_waves_for_five_hours", 36, outage, [ids(outage)])


def lab_results_not_arriving() -> Scenario:
    """Two wordings of four tickets each: neither is a burst, and a narrower problem is not pooled."""
    outage = burst("O", LAB_RESULTS_MISSING, 8, DAY + timedelta(hours=2), 150, UNITS[4:10])
    return scenario("lab_results_not_arriving", 32, outage, [ids(outage)])


def two_units_frozen() -> Scenario:
    """The model read 8 of the 12 as system-wide outage reports, fewer than the 10 two units need (a known miss
    until the shipped model of 2026-12-06 with seed_10 read enough of them so)."""
    outage = burst("O", CRASHED, 12, DAY + timedelta(hours=3), 60, [UNITS[8], UNITS[7]])
    return scenario("two_units_frozen", 33, outage, [ids(outage)])


def patient_list_questions_on_go_live_day() -> Scenario:
    rng = random.Random(41)
    wave = burst("H", FIND_THE_LIST, 8, GO_LIVE + timedelta(hours=1), 120, UNITS[:7],
                 labels=("navigering_installningar", "handhavande"), labelled_every=2)
    return Scenario("patient_list_questions_on_go_live_day", everyday(rng, GO_LIVE, 1, 40) + wave)


def lab_ordering_questions() -> Scenario:
    wave = burst("H", ORDER_LAB_TESTS, 7, DAY + timedelta(hours=2), 120, UNITS[3:8])
    return scenario("lab_ordering_questions", 42, wave)


def wishes_after_an_update() -> Scenario:
    return scenario("wishes_after_an_update", 43, burst("W", WISHES, 6, DAY + timedelta(hours=1), 180, UNITS[5:10]))


def quiet_sunday() -> Scenario:
    rng = random.Random(44)
    return Scenario("quiet_sunday", everyday(rng, DAY, 1, 15), earlier=history(rng))


def one_person_still_slow() -> Scenario:
    return scenario("one_person_still_slow", 46, burst("S", STILL_SLOW, 5, DAY + timedelta(hours=2), 60, [UNITS[3]]))


def go_live_day_busy_with_everything() -> Scenario:
    """150 tickets on day one, each text two or three times: nine units writing of notes gone missing in
    four ways look like one problem when there are no earlier days to say it is ordinary."""
    return Scenario("go_live_day_busy_with_everything", everyday(random.Random(45), GO_LIVE, 1, 150))


MISSED = pytest.mark.xfail(strict=True, reason="a known miss of the second batch (see the scenario's docstring)")
SECOND_BATCH = [outage_on_a_busy_day, nova_crash_on_go_live_day, slowness_labelled_with_a_module_only,
                outage_in_waves_for_five_hours, pytest.param(lab_results_not_arriving, marks=MISSED),
                two_units_frozen, patient_list_questions_on_go_live_day,
                lab_ordering_questions, wishes_after_an_update, quiet_sunday, one_person_still_slow,
                pytest.param(go_live_day_busy_with_everything, marks=MISSED)]


# -- judging -----------------------------------------------------------------------------------------
def flagged(database, tmp_path, scenario: Scenario) -> list[set[str]]:
    """Import the scenario's earlier days without a scan, then its day; the external ids of each
    incident the day's scan created."""
    if scenario.earlier:
        earlier = sorted(scenario.earlier, key=lambda r: r["created_at"])
        path = write_jsonl(tmp_path / f"{scenario.name}-earlier.jsonl", earlier)
        import_tickets(database, path, find_incidents=False)
    rows = sorted(scenario.rows, key=lambda r: r["created_at"])
    report = import_tickets(database, write_jsonl(tmp_path / f"{scenario.name}.jsonl", rows))
    repo = TicketRepository(database)
    found = report.incidents.created if report.incidents else []
    return [{t.external_id for t in repo.fetch_many(incident_ticket_ids(database, i.id))} for i in found]


def judged(scenario: Scenario, incidents: list[set[str]]) -> tuple[bool, str]:
    """(whether the scan got the scenario right, what it found)."""
    said = f"{scenario.name}: {[sorted(i)[:4] + (['...'] if len(i) > 4 else []) for i in incidents]}"
    if not scenario.outages:
        return not incidents, said
    if len(incidents) != len(scenario.outages):
        return False, said
    for outage in scenario.outages:
        holder = max(incidents, key=lambda i: len(i & set(outage)))
        if len(holder & set(outage)) < 0.5 * len(outage) or len(holder - set(outage)) > 0.2 * len(outage):
            return False, said
    return True, said


@pytest.mark.parametrize("make", OUTAGES, ids=lambda f: f.__name__)
def test_an_outage_is_one_possible_incident(memory_db, tmp_path, make):
    scenario = make()
    right, said = judged(scenario, flagged(memory_db, tmp_path, scenario))
    assert right, said


@pytest.mark.parametrize("make", NOT_INCIDENTS, ids=lambda f: f.__name__)
def test_no_incident_where_there_is_none(memory_db, tmp_path, make):
    scenario = make()
    right, said = judged(scenario, flagged(memory_db, tmp_path, scenario))
    assert right, said


@pytest.mark.parametrize("make", SECOND_BATCH, ids=lambda f: f.__name__)
def test_second_batch_as_it_came_out(memory_db, tmp_path, make):
    scenario = make()
    right, said = judged(scenario, flagged(memory_db, tmp_path, scenario))
    assert right, said


# -- the rules themselves, on a person's labels (no model) ---------------------------------------------
FROZEN_LABELS = ("prestanda_driftstorning", "driftstorning")


@pytest.mark.parametrize("count, flagged_too", [(9, False), (10, True)])
def test_one_unit_needs_ten_outage_reports_in_a_window(memory_db, tmp_path, count, flagged_too):
    """Tester's finding 2: the emergency department frozen, from one unit only."""
    outage = burst("O", UNIT_FROZEN, count, DAY + timedelta(hours=4), 200, [EMERGENCY], labels=FROZEN_LABELS)
    incidents = flagged(memory_db, tmp_path, scenario("one_unit", 50, outage))
    assert (incidents == [set(ids(outage))]) if flagged_too else incidents == []


def test_five_outage_reports_from_three_units_in_five_words_are_one_incident(memory_db, tmp_path):
    """Tester's finding 1: no wording is a burst alone, together they meet the rule."""
    outage = burst("O", WHOLE_SYSTEM[:5], 5, DAY + timedelta(hours=2), 120, UNITS[:3], labels=FROZEN_LABELS)
    assert flagged(memory_db, tmp_path, scenario("five_words", 51, outage)) == [set(ids(outage))]


def test_how_to_questions_about_the_whole_system_are_not_pooled(memory_db, tmp_path):
    wave = burst("H", RESERVE_HOWTO, 8, DAY + timedelta(hours=2), 90, UNITS[:6],
                 labels=("prestanda_driftstorning", "handhavande"))
    assert flagged(memory_db, tmp_path, scenario("reserve_questions", 52, wave)) == []


def test_kinds_rule():
    from elsdesk.services.surge_rules import kinds_allow_incident

    assert not kinds_allow_incident(["handhavande"] * 3 + ["fel"] * 2, first_day=False, share=0.5)
    assert kinds_allow_incident(["konfiguration"] * 5, first_day=False, share=0.5), "a set-up fault after go-live"
    assert not kinds_allow_incident(["konfiguration"] * 3 + ["fel"] * 2, first_day=True, share=0.5)
    assert kinds_allow_incident(["fel"] * 3 + ["handhavande"] * 2, first_day=True, share=0.5)
    assert kinds_allow_incident([None, None], first_day=True, share=0.5), "no kind known: nothing to go on"


def test_an_outage_whose_titles_are_all_said_twice_is_named_by_what_its_reports_say():
    """A new user's finding: an outage of nine reports, "Segt", "Systemet svarar inte", "Cosmic fryser" and "Cosmic
    hänger sig" twice each, was named "Segt", the first of them, where nearly every report says "Cosmic"."""
    from elsdesk.services.surge_joins import _most_said

    said = [("Segt", "Cosmic väldigt segt, timglaset."), ("Systemet svarar inte", "Inget svar från Cosmic sedan 09:10."),
            ("Cosmic nere?", "Cosmic svarar inte alls."), ("Cosmic hänger sig", "Hela systemet hänger sig, kan inte dokumentera."),
            ("Cosmic fryser", "Cosmic fryser helt, timglaset snurrar.")]
    order = [0, 1, 0, 2, 3, 4, 4, 1, 3]
    tickets = [Ticket(title=said[i][0], description=said[i][1], id=n) for n, i in enumerate(order)]
    assert _most_said(tickets).title == "Cosmic hänger sig"  # "Cosmic" and a word of two reports, as "Cosmic fryser": the first
    tickets[5] = Ticket(title="Segt", description="Allt går segt", id=5)  # said three times: the most said names it
    assert _most_said(tickets).title == "Segt"
