"""The rows a period's training overview shows (``export --from --to``), built once so XLSX, CSV,
Markdown, HTML and PDF agree: every topic of the period, largest first, with its tickets per ISO
week and its trend over the period (the rule is
:func:`elsdesk.services.range_export.period_trend`; its words are :data:`PERIOD_TRENDS`).

Like :mod:`elsdesk.export.tables`, numbers stay numbers and text stays as written; each writer
guards or escapes for its own syntax. Only what the overview data carries is used.
"""

from __future__ import annotations

import logging

from elsdesk.export import tables

logger = logging.getLogger(__name__)

TOP_CARDS = 10  # topics the printed formats describe in full (workaround, examples)

PERIOD_TRENDS = {
    "sv": {"new": "ny under perioden", "rising": "ökande", "steady": "kvarstår", "falling": "avtagande",
           "passing": "tillfällig"},
    "en": {"new": "new in the period", "rising": "rising", "steady": "persisting", "falling": "fading",
           "passing": "passing"},
}
TEXTS = {
    "sv": {
        "overview": "Översikt", "period_count": "Ärenden under perioden", "period_trend": "Trend under perioden",
        "from": "Från", "to": "Till", "weeks_label": "Veckor", "largest": "Största problemen under perioden",
        "no_topics": "Inga återkommande ämnen under perioden.", "new_in_period": "nya under perioden",
        "new_in_period_one": "ny under perioden",
        "trends": "Ämnenas trend", "fading": "Avtagande", "persisting": "kvarstår", "rising": "ökande", "tickets_period": "Ärenden under perioden",
        "subtitle": "Underlag för utbildningen: perioden i en översikt",
        "trend_rule": ("Trend under perioden jämför varje ämnes ärenden veckan {first} med veckan {last}: "
                       "avtagande = minst 3 färre och högst 75 % av första veckans, eller inga alls den sista veckan, ökande = minst 3 fler och "
                       "minst 125 %, kvarstår = däremellan; ny under perioden = inga ärenden till och med veckan {first}, "
                       "inte heller före perioden, men några veckan {last}; tillfällig = ärenden bara veckorna däremellan. En vecka med färre än "
                       "5 dagar i perioden jämförs inte när perioden har två hela veckor."),
        "one_week": "Perioden ligger inom en vecka: ingen trend under perioden.",
        "partial": "del av veckan", "week": "vecka", "weeks": "veckor",
    },
    "en": {
        "overview": "Overview", "period_count": "Tickets in the period", "period_trend": "Trend over the period",
        "from": "From", "to": "To", "weeks_label": "Weeks", "largest": "Largest problems of the period",
        "no_topics": "No recurring topics in the period.", "new_in_period": "new in the period",
        "new_in_period_one": "new in the period",
        "trends": "Topic trends", "fading": "Fading", "persisting": "persisting", "rising": "rising", "tickets_period": "Tickets in the period",
        "subtitle": "Input for training: the period at a glance",
        "trend_rule": ("The trend over the period compares each topic's tickets in week {first} with week {last}: "
                       "fading = at least 3 fewer and at most 75 % of the first week's, or none in the last week, rising = at least 3 more "
                       "and at least 125 %, persisting = in between; new in the period = no tickets up to and "
                       "including week {first}, nor before the period, but some in week {last}; passing = tickets only in the weeks between. A week "
                       "with fewer than 5 days in the period is not compared when the period has two whole weeks."),
        "one_week": "The period lies within one week: no trend over the period.",
        "partial": "part of the week", "week": "week", "weeks": "weeks",
    },
}


def text(data, key: str) -> str:
    """A fixed string of the overview in the export's language (others: :func:`tables.text`)."""
    own = TEXTS.get(data.language, TEXTS["sv"])
    return own.get(key) or TEXTS["sv"].get(key) or tables.text(data, key)


def _new_in_period(data, count: int) -> str:
    """"1 ny under perioden", "3 nya under perioden" (a training lead's period export read "1 nya")."""
    return f"{count} {text(data, 'new_in_period_one' if count == 1 else 'new_in_period')}"


def trend_name(data, trend: str | None) -> str:
    """A period trend id in words ('avtagande'); '' for none."""
    return PERIOD_TRENDS.get(data.language, PERIOD_TRENDS["sv"]).get(trend or "", trend or "")


def trend_rule(data) -> str:
    """How the trend over the period is read, in a sentence for the reader of the export."""
    if not data.compared_weeks:
        return text(data, "one_week")
    first, last = data.compared_weeks
    return text(data, "trend_rule").format(first=first, last=last)


def week_header(data, week: str) -> str:
    """A week's column name: the ISO week, and for a week the period covers in part the days it covers
    ('2027-W13 (29/3–31/3)')."""
    if week not in data.partial_weeks:
        return week
    first, last = data.partial_weeks[week]
    return f"{week} ({first.day}/{first.month}–{last.day}/{last.month})"


def week_cells(data, topic: dict) -> list[int]:
    counts = topic.get("week_counts") or {}
    return [int(counts.get(week, 0)) for week in data.weeks]


def overview_headers(data) -> list[str]:
    """The overview as a spreadsheet (Excel, CSV) shows it."""
    return ([tables.text(data, k) for k in ("rank", "topic", "module", "kind", "status")] + [text(data, "period_count")]
            + [week_header(data, w) for w in data.weeks]
            + [text(data, "period_trend"), tables.text(data, "first_week"), tables.text(data, "covered"),
               tables.text(data, "workaround"), tables.text(data, "keywords")])


def overview_rows(data) -> list[list]:
    """All topics of the period, largest first: numbers as numbers, text as written."""
    return [[rank, tables.plain(t["label"]), tables.module_name(data, t.get("module")), tables.kind_name(data, t.get("kind")),
             tables.status_name(data, t), int(t.get("count") or 0), *week_cells(data, t), trend_name(data, t.get("trend")),
             tables.plain(t.get("first_week") or ""), tables.plain(t.get("covered_on") or ""),
             tables.plain(t.get("workaround") or ""), tables.plain(", ".join(t.get("keywords") or []))]
            for rank, t in enumerate(data.topics, start=1)]


def csv_headers(data) -> list[str]:
    """The CSV file's header: the period's first and last day, then :func:`overview_headers`."""
    return [text(data, "from"), text(data, "to"), *overview_headers(data)]


def csv_rows(data) -> list[list]:
    period = [data.first_day.isoformat(), data.last_day.isoformat()]
    return [period + row for row in overview_rows(data)]


def page_headers(data) -> list[str]:
    """The overview as a page shows it (Markdown, HTML, PDF): narrower, the workaround goes in the cards."""
    return ([tables.text(data, k) for k in ("rank", "topic", "module", "status")] + [text(data, "period_count")]
            + [week_header(data, w) for w in data.weeks] + [text(data, "period_trend")])


def page_rows(data) -> list[list]:
    return [[rank, tables.plain(t["label"]), tables.module_name(data, t.get("module")), tables.status_name(data, t),
             int(t.get("count") or 0), *week_cells(data, t), trend_name(data, t.get("trend"))]
            for rank, t in enumerate(data.topics, start=1)]


def page_numeric(data) -> set[int]:
    """The columns of :func:`page_rows` that hold numbers."""
    return set(range(4, 5 + len(data.weeks))) | {0}


def page_trend_column(data) -> int:
    return 5 + len(data.weeks)


def top_topics(data, limit: int = TOP_CARDS) -> list[dict]:
    return data.topics[:limit]


def week_line(data, topic: dict) -> str:
    """'2027-W10: 9 · 2027-W11: 7 · …' for a topic card."""
    return " · ".join(f"{week}: {n}" for week, n in zip(data.weeks, week_cells(data, topic)))


def key_figures(data) -> list[tuple[str, str, str]]:
    """(label, value, note) of the period for the summary line or boxes."""
    trends = [t.get("trend") for t in data.topics]
    weeks = f"{len(data.weeks)} {text(data, 'week' if len(data.weeks) == 1 else 'weeks')}: {data.weeks[0]} – {data.weeks[-1]}" \
        if data.weeks else ""
    figures = [(text(data, "tickets_period"), str(data.tickets), weeks)]
    if data.go_live is not None:
        figures.append((tables.text(data, "since_go_live").capitalize(), data.day_label, tables.go_live_text(data)))
    figures.append((tables.text(data, "topics_found"), str(len(data.topics)),
                    _new_in_period(data, trends.count("new"))))
    if data.compared_weeks:
        # three counts side by side ("9 avtagande, 9 kvarstår, 1 ökande"), not one count and a breakdown of it
        figures.append((text(data, "trends"), f"{trends.count('falling')} {text(data, 'fading').lower()},"
                        f" {trends.count('steady')} {text(data, 'persisting')}, {trends.count('rising')} {text(data, 'rising')}",
                        ""))
    return [(tables.plain(a), tables.plain(b), tables.plain(c)) for a, b, c in figures]
