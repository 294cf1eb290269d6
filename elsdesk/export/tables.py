"""The rows every export format shows, built once so XLSX, CSV, Markdown, HTML and PDF agree.

Numbers stay numbers; text stays as written (:func:`plain`): the spreadsheet writers add their
own formula guard (see :mod:`elsdesk.export`), the Markdown, HTML and PDF writers escape for
their own syntax, and no format shows a guard's apostrophe. Only what :class:`~elsdesk.services.export.ExportData` carries is used (masked text, no
reporter names).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from elsdesk.domain import day_label, unit_counts, week_day_number
from elsdesk.export import TREND_NAMES, TREND_NAMES_EN
from elsdesk.export.quotes import quotable
from elsdesk.sign_offs import quote_key

logger = logging.getLogger(__name__)

EXAMPLES_PER_TOPIC = 3
LARGER_TOPIC = 3  # tickets in a week that make a topic count among the larger ones in the key figures
CHART_MODULES = 9          # modules shown by name in charts; the rest become "Övriga"
OTHER = "__other__"

TEXTS = {
    "sv": {
        "rank": "Nr", "topic": "Ämne", "module": "Modul", "kind": "Typ", "count": "Ärenden",
        "previous": "Föreg. vecka", "trend": "Trend", "weeks": "Veckor i rad", "covered": "Genomgånget",
        "on_agenda": "På agendan (nr)", "first_week": "Först sedd", "keywords": "Nyckelord",
        "example_id": "Ärende", "title": "Rubrik", "description": "Beskrivning", "week": "Vecka",
        "day": "Dag", "total": "Totalt", "unclassified": "Ej klassad", "other": "Övriga",
        "agenda": "Agenda", "topics": "Ämnen", "module_trend": "Modultrend", "examples": "Exempel",
        "all_topics": "Alla ämnen", "ticket": "ärende", "tickets": "ärenden", "tickets_week": "Ärenden denna vecka",
        "topics_found": "Återkommande ämnen", "larger_topics": "med minst {} ärenden", "new_topics": "Nya ämnen", "new_topic": "nytt ämne", "agenda_items": "På agendan",
        "since_go_live": "sedan go-live", "go_live": "Go-live", "no_agenda": "Inga ämnen på agendan denna vecka.",
        "go_live_assumed": "antaget: äldsta ärendets dag; ställ in Go-live i fliken Utbildning",
        "no_topics": "Inga återkommande ämnen denna vecka.", "period": "Period",
        "chart_modules": "Ärenden per modul och vecka", "chart_topics": "Största ämnena: denna vecka och förra",
        "this_week": "Denna vecka", "last_week": "Förra veckan", "yes": "ja", "no": "nej",
        "generated": "Skapad av elsdesk", "privacy": "Personnummer, telefonnummer, e-post och patientnamn efter pat/namn är maskerade;"
                   " anmälarnas namn tas inte med.",
        "vs_previous": "förra veckan", "page": "Sida", "of": "av", "subtitle": "Underlag för veckans utbildning",
        "weeks_running": "vecka i rad", "weeks_running_plural": "veckor i rad", "agenda_topics": "Ämnen på agendan",
        "workaround": "Så gör man / lösning", "audience": "Anmäls av", "proposal": "förslag, ännu inget känt problem",
        "status": "Status", "status_oppet": "öppet", "status_workaround": "tillfällig lösning finns", "status_rattat": "rättat",
        "status_genomganget": "genomgånget på utbildning", "status_proposal": "förslag", "more": "och {} till",
        "status_incident_open": "möjlig incident", "status_incident_confirmed": "bekräftad incident",
        "ended": "Inte tillbaka denna vecka", "last_week_count": "Ärenden förra veckan",
        "ended_note": "Förra veckans ämnen med minst {} ärenden som inget av veckans ämnen fortsätter: de kom inte"
                      " tillbaka, eller bara som enstaka ärenden.",
        "workarounds": "Så gör man under tiden", "workarounds_note": "Veckans kända problem utanför agendan som har"
                       " en lösning eller ett arbetssätt: det personalen kan göra tills de är rättade.",
    },
    "en": {
        "rank": "No.", "topic": "Topic", "module": "Module", "kind": "Type", "count": "Tickets",
        "previous": "Prev. week", "trend": "Trend", "weeks": "Weeks running", "covered": "Covered",
        "on_agenda": "On agenda (no.)", "first_week": "First seen", "keywords": "Keywords",
        "example_id": "Ticket", "title": "Title", "description": "Description", "week": "Week",
        "day": "Day", "total": "Total", "unclassified": "Unclassified", "other": "Other",
        "agenda": "Agenda", "topics": "Topics", "module_trend": "Module trend", "examples": "Examples",
        "all_topics": "All topics", "ticket": "ticket", "tickets": "tickets", "tickets_week": "Tickets this week",
        "topics_found": "Recurring topics", "larger_topics": "with {} tickets or more", "new_topics": "New topics", "new_topic": "new topic", "agenda_items": "On the agenda",
        "since_go_live": "since go-live", "go_live": "Go-live", "no_agenda": "No topics on the agenda this week.",
        "go_live_assumed": "assumed: the oldest ticket's day; set Go-live on the Utbildning tab",
        "no_topics": "No recurring topics this week.", "period": "Period",
        "chart_modules": "Tickets per module and week", "chart_topics": "Largest topics: this week and last",
        "this_week": "This week", "last_week": "Last week", "yes": "yes", "no": "no",
        "generated": "Made with elsdesk", "privacy": "Identity numbers, phone numbers, e-mail and patient names after pat/name are masked;"
                   " reporters' names are left out.",
        "vs_previous": "last week", "page": "Page", "of": "of", "subtitle": "Input for this week's training",
        "weeks_running": "week running", "weeks_running_plural": "weeks running", "agenda_topics": "Topics on the agenda",
        "workaround": "How to / solution", "audience": "Reported by", "proposal": "proposal, not yet a known problem",
        "status": "Status", "status_oppet": "open", "status_workaround": "workaround available", "status_rattat": "fixed",
        "status_genomganget": "covered in training", "status_proposal": "proposal", "more": "and {} more",
        "status_incident_open": "possible incident", "status_incident_confirmed": "confirmed incident",
        "ended": "Not back this week", "last_week_count": "Tickets last week",
        "ended_note": "Last week's topics with {} tickets or more that none of this week's topics goes on from: they did"
                      " not come back, or only as single tickets.",
        "workarounds": "What to do meanwhile", "workarounds_note": "This week's known problems off the agenda that have"
                       " a workaround: what staff can do until they are fixed.",
    },
}
MONTHS = {
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}


def plain(value) -> str:
    """*value* as the text a cell shows: ``None`` is empty, anything else its ``str``."""
    return "" if value is None else str(value)


def text(data, key: str) -> str:
    """A fixed string (heading, column name) in the export's language."""
    return TEXTS.get(data.language, TEXTS["sv"]).get(key) or TEXTS["sv"][key]


def ticket_count(data, count: int) -> str:
    """'1 ärende', '3 ärenden' (in the export's language)."""
    return f"{count} {text(data, 'ticket' if count == 1 else 'tickets')}"


def module_name(data, module: str | None) -> str:
    if not module:
        return plain(text(data, "unclassified"))
    if module == OTHER:
        return plain(text(data, "other"))
    return plain(data.module_names.get(module, module))


def kind_name(data, kind: str | None) -> str:
    return plain(data.kind_names.get(kind, kind) if kind else "–")


def trend_name(data, trend: str | None) -> str:
    names = TREND_NAMES_EN if data.language == "en" else TREND_NAMES
    return plain(names.get(trend or "", trend or ""))


def week_day_label(data) -> str:
    """The export week's D+N ('D-N' for a week wholly before go-live)."""
    return day_label(data.day_number)


def long_date(data, day: date) -> str:
    month = MONTHS.get(data.language, MONTHS["sv"])[day.month - 1]
    return f"{month} {day.day}, {day.year}" if data.language == "en" else f"{day.day} {month} {day.year}"


def period(data) -> str:
    """'5–11 maj 2025' (or across months '28 april–4 maj 2025', across years '28 december 2026–3 januari 2027';
    in English 'May 5–11, 2025', 'December 28, 2026–January 3, 2027')."""
    first, last = data.first_day, data.last_day
    months = MONTHS.get(data.language, MONTHS["sv"])
    same_year = first.year == last.year
    if data.language == "en":
        if same_year and first.month == last.month:
            return f"{months[first.month - 1]} {first.day}–{last.day}, {last.year}"
        start = f"{months[first.month - 1]} {first.day}" + ("" if same_year else f", {first.year}")
        return f"{start}–{months[last.month - 1]} {last.day}, {last.year}"
    if same_year and first.month == last.month:
        return f"{first.day}–{last.day} {months[last.month - 1]} {last.year}"
    start = f"{first.day} {months[first.month - 1]}" + ("" if same_year else f" {first.year}")
    return f"{start}–{last.day} {months[last.month - 1]} {last.year}"


# -- topics ---------------------------------------------------------------------------------
def agenda_numbers(data) -> dict[str, int]:
    return {topic["id"]: index for index, topic in enumerate(data.agenda, start=1)}


def agenda_headers(data) -> list[str]:
    return [text(data, k) for k in ("rank", "topic", "module", "kind", "count", "previous", "trend", "weeks", "covered")]


def agenda_rows(data) -> list[list]:
    return [[rank, plain(t["label"]), module_name(data, t.get("module")), kind_name(data, t.get("kind")),
             int(t.get("count") or 0), int(t.get("previous_count") or 0), trend_name(data, t.get("trend")),
             int(t.get("weeks_recurring") or 1), plain(t.get("covered_on") or "")]
            for rank, t in enumerate(data.agenda, start=1)]


def topic_headers(data) -> list[str]:
    return [text(data, k) for k in ("on_agenda", "topic", "module", "kind", "count", "previous", "trend",
                                    "weeks", "first_week", "covered", "keywords")]


def topic_rows(data, with_status: bool = False) -> list[list]:
    """All topics, largest first, with their place on the agenda (blank when not on it). *with_status*: a known
    problem's name followed by its status when it is not open, for the printed formats, which have no status column
    (a training lead's fixed problem read as an open one in the PDF)."""
    numbers = agenda_numbers(data)
    return [[numbers.get(t["id"], ""), _named_with_status(data, t) if with_status else plain(t["label"]),
             module_name(data, t.get("module")),
             kind_name(data, t.get("kind")), int(t.get("count") or 0), int(t.get("previous_count") or 0),
             trend_name(data, t.get("trend")), int(t.get("weeks_recurring") or 1), plain(t.get("first_week") or ""),
             plain(t.get("covered_on") or ""), plain(", ".join(t.get("keywords") or []))]
            for t in data.topics]


def _named_with_status(data, topic: dict) -> str:
    """A topic's name, with its known problem's status after it when that is not open ("Armband skrivs inte ut
    (rättat)")."""
    if not topic.get("problem") or topic.get("problem_status") in (None, "oppet"):
        return plain(topic["label"])
    return f"{plain(topic['label'])} ({status_name(data, topic)})"


def ended_headers(data) -> list[str]:
    return [text(data, k) for k in ("topic", "module", "kind", "last_week_count", "weeks")]


def ended_rows(data) -> list[list]:
    """Last week's larger topics that did not go on this week (:attr:`ExportData.ended`)."""
    return [[plain(t["label"]), module_name(data, t.get("module")), kind_name(data, t.get("kind")), int(t["count"]),
             int(t.get("weeks_recurring") or 1)] for t in data.ended]


def ended_note(data) -> str:
    return text(data, "ended_note").format(data.ended_minimum)


def workaround_topics(data) -> list[dict]:
    """The week's known problems off the agenda that have a workaround, largest first: the printed formats quote
    the workaround only under an agenda topic, so a fault's "what to do meanwhile" (a new user's "Signering av
    given dos", eight reports a week, of kind fel) reached only the spreadsheet's column."""
    on_agenda = set(agenda_numbers(data))
    return [t for t in data.topics if t.get("problem") and (t.get("workaround") or "").strip() and t["id"] not in on_agenda]


def workaround_headers(data) -> list[str]:
    return [text(data, k) for k in ("topic", "module", "count", "status", "workaround")]


def workaround_rows(data) -> list[list]:
    return [[plain(t["label"]), module_name(data, t.get("module")), int(t.get("count") or 0), status_name(data, t),
             plain(t["workaround"].strip())] for t in workaround_topics(data)]


def status_name(data, topic: dict) -> str:
    """A known problem's status in words ('rättat'), 'förslag' for a proposal, 'möjlig incident' or 'bekräftad incident'
    for an incident's tickets (an outage showed as 'förslag', also when people had confirmed it)."""
    if topic.get("incident_id") and not topic.get("problem"):
        status = "incident_confirmed" if topic.get("incident_status") == "confirmed" else "incident_open"
    else:
        status = topic.get("problem_status") if topic.get("problem") else "proposal"
    return text(data, f"status_{status}") if f"status_{status}" in TEXTS["sv"] else plain(status or "")


def _problem_cells(data, topic: dict) -> list:
    return [status_name(data, topic), plain(topic.get("workaround") or "")]


def sheet_agenda_headers(data) -> list[str]:
    """The agenda as a spreadsheet shows it: :func:`agenda_headers` with the problem's status and
    workaround (the printed formats put the workaround under each agenda topic instead)."""
    return agenda_headers(data) + [text(data, "status"), text(data, "workaround")]


def sheet_agenda_rows(data) -> list[list]:
    return [row + _problem_cells(data, topic) for row, topic in zip(agenda_rows(data), data.agenda)]


def sheet_topic_headers(data) -> list[str]:
    """All topics as a spreadsheet (Excel, CSV) shows them: :func:`topic_headers` with each known
    problem's status and workaround."""
    return topic_headers(data) + [text(data, "status"), text(data, "workaround")]


def sheet_topic_rows(data) -> list[list]:
    return [row + _problem_cells(data, topic) for row, topic in zip(topic_rows(data), data.topics)]


def topic_examples(topic: dict, limit: int = EXAMPLES_PER_TOPIC) -> list[dict]:
    """Up to *limit* examples of a topic, without greetings and signatures, one text shown once: the same
    description under other titles, or written with and without å/ä/ö, is one example (an export quoted
    one English description three times)."""
    seen: set[tuple[str, str]] = set()
    examples = []
    for example in topic.get("examples") or []:
        title = " ".join(str(example.get("title") or "").split())
        description = quotable(str(example.get("description") or ""))
        key = quote_key(title, description)
        if key in seen:
            continue
        seen.add(key)
        examples.append({"id": plain(example.get("id")), "title": plain(title), "description": plain(description)})
        if len(examples) >= limit:
            break
    return examples


def example_headers(data) -> list[str]:
    return [text(data, k) for k in ("topic", "example_id", "title", "description")]


def example_rows(data, limit: int = EXAMPLES_PER_TOPIC) -> list[list]:
    return [[plain(t["label"]), e["id"], e["title"], e["description"]]
            for t in data.topics for e in topic_examples(t, limit)]


@dataclass
class TopicCard:
    """One topic as the Markdown and HTML exports show it."""
    id: str
    rank: int | None
    label: str
    module: str
    kind: str
    count: int
    previous: int
    trend: str          # the trend id (new, rising, steady, falling): for styling
    trend_name: str
    weeks: int
    first_week: str
    covered_on: str
    keywords: list[str]
    examples: list[dict]
    workaround: str = ""
    audience: str = ""      # "Sjuksköterska (ssk) (4), Läkare (1) · Avd 12 (3)": who the training is for
    since_go_live: int = 0
    proposed: bool = False  # the machine's grouping nobody has named as a known problem yet


def audience_text(topic: dict, role_names: dict[str, str] | None = None, limit: int = 4, language: str = "sv") -> str:
    """Who reports a topic: roles (by their names in *role_names*, a stored role id or free text to
    what a person reads; entries that read the same are counted together) and units (spellings of one
    unit together) with their counts, most first; past *limit* of either, how many more ("… Avd 4 (1)
    och 1 till": a tester counted four units for five tickets)."""
    audience = topic.get("audience") or {}
    parts = []
    for key in ("roles", "units"):
        counts = dict(audience.get(key) or {})
        if key == "roles" and role_names:
            counts = named_counts(counts, role_names)
        if key == "units":  # "avd 14 medicin" and "Avd 14 Medicin" are one unit (as incidents count them)
            counts = unit_counts(counts)
        items = list(counts.items())
        if items:
            shown = ", ".join(f"{name} ({count})" for name, count in items[:limit])
            more = len(items) - limit
            said = TEXTS.get(language, TEXTS["sv"])["more"].format(more)  # none left out unsaid
            parts.append(f"{shown} {said}" if more > 0 else shown)
    return " · ".join(parts)


def named_counts(counts: dict[str, int], names: dict[str, str]) -> dict[str, int]:
    """*counts* keyed by ``names.get(key, key)`` (free text with a capital first, as the names have it:
    "Medicinsekreterare" beside "Sjuksköterska (ssk)"), equal names summed, most first (ties keep their order)."""
    merged: dict[str, int] = {}
    for key, count in counts.items():
        name = names.get(key) or key  # free text is named as written ("kurator"): with a capital, as the names are
        name = name[:1].upper() + name[1:]
        merged[name] = merged.get(name, 0) + int(count or 0)
    return dict(sorted(merged.items(), key=lambda item: -item[1]))


def topic_cards(data, topics: list[dict] | None = None) -> list[TopicCard]:
    numbers = agenda_numbers(data)
    return [TopicCard(
        id=plain(t["id"]), rank=numbers.get(t["id"]), label=plain(t["label"]),
        module=module_name(data, t.get("module")), kind=kind_name(data, t.get("kind")),
        count=int(t.get("count") or 0), previous=int(t.get("previous_count") or 0),
        trend=str(t.get("trend") or ""), trend_name=trend_name(data, t.get("trend")),
        weeks=int(t.get("weeks_recurring") or 1), first_week=plain(t.get("first_week") or ""),
        covered_on=plain(t.get("covered_on") or ""), keywords=[plain(k) for k in t.get("keywords") or []],
        examples=topic_examples(t), workaround=plain(t.get("workaround") or ""),
        audience=plain(audience_text(t, data.role_names, language=data.language)), since_go_live=int(t.get("since_go_live") or 0),
        proposed=t.get("status") == "proposed") for t in (data.agenda if topics is None else topics)]


# -- tickets per module per week ----------------------------------------------------------------
@dataclass
class ModuleTrend:
    """Weeks as rows (oldest first), modules as columns."""
    weeks: list[str]
    days: list[str]                 # 'D+N' of each week's Monday ('' without a go-live date)
    modules: list[str]              # module ids ('' = unclassified, OTHER = the rest)
    names: list[str]
    counts: list[list[int]] = field(default_factory=list)   # counts[week][module]

    def totals(self) -> list[int]:
        return [sum(row) for row in self.counts]

    def module_totals(self) -> list[int]:
        return [sum(row[i] for row in self.counts) for i in range(len(self.modules))]


def _weeks_between(first: date, last: date) -> list[tuple[str, date]]:
    weeks = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        year, number, _ = monday.isocalendar()
        weeks.append((f"{year}-W{number:02d}", monday))
        monday += timedelta(days=7)
    return weeks


def _weeks_to_show(data) -> list[tuple[str, date]]:
    """The weeks of a week's module trend: from the later of go-live and the first week with tickets
    up to the export week (the export week alone when neither is known)."""
    from elsdesk.domain import parse_week

    known = sorted(w for w in data.volumes if w <= data.week and any(data.volumes[w].values()))
    starts = [parse_week(known[0])[0]] if known else []
    if data.go_live and data.go_live <= data.last_day:
        starts.append(data.go_live)
    if not starts:
        return [(data.week, data.first_day)]
    return _weeks_between(max(starts), data.first_day)


def module_trend(data, max_weeks: int | None = None) -> ModuleTrend:
    """Tickets per module per ISO week from go-live (or the first ticket) to the export week; for a
    period's overview, its weeks. Weeks before the desk's first ticket are left out: a go-live on a
    Saturday with the first ticket on Monday showed a row of zeros (the QA finding '2027-W09 D+0')."""
    from elsdesk.domain import parse_week

    if getattr(data, "is_range", False):
        weeks = [(week, parse_week(week)[0]) for week in data.weeks]
    else:
        weeks = _weeks_to_show(data)
    if max_weeks:
        weeks = weeks[-max_weeks:]
    totals: dict[str, int] = {}
    for week, _monday in weeks:
        for module, count in data.volumes.get(week, {}).items():
            totals[module or ""] = totals.get(module or "", 0) + int(count)
    order = [m for m in data.module_names if totals.get(m)]
    order += sorted(m for m in totals if m and m not in data.module_names and totals[m])
    if totals.get(""):
        order.append("")
    days = []
    for _week, monday in weeks:
        days.append(day_label(week_day_number(monday, data.go_live)))
    counts = [[int(data.volumes.get(week, {}).get(m, 0)) for m in order] for week, _ in weeks]
    return ModuleTrend([plain(w) for w, _ in weeks], days, order, [module_name(data, m) for m in order], counts)


def grouped_trend(trend: ModuleTrend, data, keep: int = CHART_MODULES) -> ModuleTrend:
    """The same trend for a chart: the *keep* largest modules by name, the rest summed as 'Övriga',
    unclassified tickets kept apart (last)."""
    named = [i for i, m in enumerate(trend.modules) if m != ""]
    if len(named) <= keep + 1:
        return trend
    totals = trend.module_totals()
    kept = sorted(sorted(named, key=lambda i: (-totals[i], i))[:keep])
    rest = [i for i in named if i not in kept]
    unclassified = [i for i, m in enumerate(trend.modules) if m == ""]
    counts = [[row[i] for i in kept] + [sum(row[i] for i in rest)] + [row[i] for i in unclassified] for row in trend.counts]
    modules = [trend.modules[i] for i in kept] + [OTHER] + ["" for _ in unclassified]
    return ModuleTrend(trend.weeks, trend.days, modules, [module_name(data, m) for m in modules], counts)


def module_trend_headers(data, trend: ModuleTrend) -> list[str]:
    return [text(data, "week"), text(data, "day"), *trend.names, text(data, "total")]


def module_trend_rows(trend: ModuleTrend) -> list[list]:
    return [[week, day, *row, sum(row)] for week, day, row in zip(trend.weeks, trend.days, trend.counts)]


# -- key figures ----------------------------------------------------------------------------------
def previous_week_tickets(data) -> int | None:
    from elsdesk.domain import parse_week

    monday = parse_week(data.week)[0] - timedelta(days=7)
    year, number, _ = monday.isocalendar()
    week = f"{year}-W{number:02d}"
    return sum(data.volumes[week].values()) if week in data.volumes else None


def key_figures(data) -> list[tuple[str, str, str]]:
    """(label, value, note) for the summary line or boxes."""
    previous = previous_week_tickets(data)
    new = sum(1 for t in data.topics if t.get("trend") == "new")
    larger = sum(1 for t in data.topics if int(t.get("count") or 0) >= LARGER_TOPIC)  # most topics are one or two tickets
    figures = [(text(data, "tickets_week"), str(data.tickets),
                f"{previous} {text(data, 'vs_previous')}" if previous is not None else ""),
               (text(data, "topics_found"), str(len(data.topics)),
                f"{new} {text(data, 'new_topic') if new == 1 else text(data, 'new_topics').lower()};"
                f" {larger} {text(data, 'larger_topics').format(LARGER_TOPIC)}"),
               (text(data, "agenda_items"), str(len(data.agenda)), "")]
    if data.day_number is not None:
        figures.insert(0, (text(data, "since_go_live").capitalize(), week_day_label(data), go_live_text(data)))
    return [(plain(a), plain(b), plain(c)) for a, b, c in figures]


def go_live_text(data) -> str:
    """"Go-live 16 november 2026", and that it is assumed when nobody set it (the oldest ticket's day)."""
    if not data.go_live:
        return ""
    said = f"{text(data, 'go_live')} {long_date(data, data.go_live)}"
    return f"{said} ({text(data, 'go_live_assumed')})" if data.go_live_assumed else said
