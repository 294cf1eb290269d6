"""The weekly export as one self-contained web page for the intranet (and, simpler, for print).

``render_html(data)`` gives a page with inline CSS and inline SVG charts, no external files and
no JavaScript; for a period's overview (``export --from --to``) a page with every topic's tickets
per week (shaded by count) and trend over the period. ``render_html(data, for_print=True)`` gives plain tables that Qt's
``QTextDocument`` lays out (bars are table cells), which the PDF writer prints.
All text is escaped with :func:`html.escape` and shown as written (no formula guard: a page runs no formulas).
"""

from __future__ import annotations

import html
import logging
import math
from pathlib import Path
from typing import Callable

from elsdesk.export import range_tables, tables
from elsdesk.region_time import region_today

logger = logging.getLogger(__name__)

PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]
OTHER_COLOUR, UNCLASSIFIED_COLOUR = "#bab0ac", "#dde1e6"
THIS_WEEK, LAST_WEEK = "#2f5d8a", "#b9c9da"
BADGES = {"new": ("#e3edfb", "#1d4f91"), "rising": ("#fdeceb", "#a4262c"),
          "steady": ("#eef1f4", "#475467"), "falling": ("#e6f4ea", "#1e6b3a"), "passing": ("#eef1f4", "#475467")}
TOP_TOPICS = 8

CSS = """
*{box-sizing:border-box}
body{margin:0;background:#f4f6f9;color:#1f2933;font:15px/1.5 "Segoe UI",system-ui,-apple-system,Roboto,"Helvetica Neue",Arial,sans-serif}
header{background:#1f3a5f;color:#fff;padding:28px 0 24px}
.wrap{max-width:1120px;margin:0 auto;padding:0 28px}
header .kicker{text-transform:uppercase;letter-spacing:.08em;font-size:12px;opacity:.75;margin:0}
header h1{margin:4px 0 4px;font-size:28px;font-weight:600;letter-spacing:-.01em}
header p{margin:0;opacity:.85}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:14px;margin:-2px 0 0;padding-top:20px}
.figure{background:#fff;border-radius:10px;padding:14px 16px;box-shadow:0 1px 2px rgba(16,24,40,.08);border:1px solid #e4e7ec}
.figure .label{font-size:12px;color:#667085;text-transform:uppercase;letter-spacing:.05em}
.figure .value{font-size:28px;font-weight:600;color:#1f3a5f;line-height:1.2}
.figure .note{font-size:13px;color:#667085}
section{margin:26px 0}
h2{font-size:19px;font-weight:600;margin:0 0 12px;color:#1f3a5f}
.card{background:#fff;border:1px solid #e4e7ec;border-radius:10px;padding:18px 20px;box-shadow:0 1px 2px rgba(16,24,40,.06)}
.charts{display:grid;grid-template-columns:3fr 2fr;gap:18px}
@media (max-width:900px){.charts,.topics{grid-template-columns:1fr}}
.charts h3{font-size:15px;margin:0 0 8px;font-weight:600}
svg{display:block;width:100%;height:auto}
svg text{font-family:inherit}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin-top:8px;font-size:12.5px;color:#475467}
.legend span{display:inline-flex;align-items:center;gap:6px}
.legend i{width:11px;height:11px;border-radius:2px;display:inline-block}
table{border-collapse:collapse;width:100%;font-size:14px}
th{text-align:left;font-weight:600;color:#475467;font-size:12.5px;text-transform:uppercase;letter-spacing:.03em;border-bottom:2px solid #d0d5dd;padding:8px 10px;vertical-align:bottom}
td{padding:8px 10px;border-bottom:1px solid #eaecf0;vertical-align:top}
tbody tr:nth-child(even) td{background:#fafbfc}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.topic{font-weight:600}
td.label{width:34%}
td.label .kw{display:block;color:#98a2b3;font-size:12.5px}
td.nowrap{white-space:nowrap}
.all td{padding:6px 7px;font-size:13.5px}
.all th{text-transform:none;letter-spacing:0;font-size:12.5px;padding:6px 7px}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap}
.chip{display:inline-block;background:#f2f4f7;color:#475467;border-radius:6px;padding:0 7px;margin:0 4px 4px 0;font-size:12.5px}
.topics{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.topic-card h3{margin:0 0 6px;font-size:16.5px;line-height:1.35;display:flex;gap:10px;align-items:flex-start}
.rank{flex:none;width:26px;height:26px;border-radius:50%;background:#1f3a5f;color:#fff;font-size:13px;display:inline-flex;align-items:center;justify-content:center}
.meta{color:#667085;font-size:13px;margin:0 0 8px}
.meta b{color:#1f2933}
blockquote{margin:10px 0 0;padding:8px 12px;border-left:3px solid #9fb3c8;background:#f8fafc;border-radius:0 6px 6px 0;font-size:13.5px;color:#344054}
blockquote strong{display:block;color:#1f2933}
blockquote small{color:#98a2b3;font-weight:400}
.scroll{overflow-x:auto}
table.heat th{font-size:11.5px;text-transform:none;letter-spacing:0;padding:6px 4px}
table.heat th.mod{vertical-align:bottom;text-align:center}
table.heat th.mod span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block}
table.heat td{text-align:center;font-size:13px;border-bottom:1px solid #fff;font-variant-numeric:tabular-nums;padding:7px 4px;min-width:34px}
table.heat td.week{text-align:left;white-space:nowrap;font-weight:600}
footer{color:#98a2b3;font-size:12.5px;padding:10px 0 40px}
"""


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def badge(card_trend: str, name: str) -> str:
    background, colour = BADGES.get(card_trend, BADGES["steady"])
    return f'<span class="badge" style="background:{background};color:{colour}">{esc(name)}</span>'


def colours(trend: tables.ModuleTrend) -> list[str]:
    return [OTHER_COLOUR if m == tables.OTHER else UNCLASSIFIED_COLOUR if m == "" else PALETTE[i % len(PALETTE)]
            for i, m in enumerate(trend.modules)]


def nice_step(maximum: int, ticks: int = 4) -> int:
    raw = max(1, maximum) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw)) or 1


def shorten(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


# -- SVG charts -----------------------------------------------------------------------------------
def svg_module_chart(data, trend: tables.ModuleTrend) -> str:
    """Stacked columns: tickets per module (largest modules named) per week since go-live."""
    width, height, left, right, top, bottom = 640, 300, 44, 12, 18, 46
    totals = trend.totals()
    step = nice_step(max(totals or [1]))
    top_value = step * max(1, math.ceil(max(totals or [1]) / step))
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(1, len(trend.weeks))
    bar = min(64.0, slot * 0.62)
    y = lambda v: top + plot_h - v / top_value * plot_h  # noqa: E731
    fills = colours(trend)
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{esc(tables.text(data, "chart_modules"))}">']
    for value in range(0, top_value + 1, step):
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#eaecf0"/>'
                     f'<text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11" fill="#667085">{value}</text>')
    label_every = max(1, math.ceil(len(trend.weeks) / 12))
    for index, (week, day, row) in enumerate(zip(trend.weeks, trend.days, trend.counts)):
        x = left + slot * index + (slot - bar) / 2
        base = 0
        for module_index, count in enumerate(row):
            if count:
                parts.append(f'<rect x="{x:.1f}" y="{y(base + count):.1f}" width="{bar:.1f}" height="{count / top_value * plot_h:.1f}" '
                             f'fill="{fills[module_index]}"><title>{esc(week)} · {esc(trend.names[module_index])}: {count}</title></rect>')
                base += count
        centre = x + bar / 2
        current = ' font-weight="700" fill="#1f3a5f"' if week == data.week else ' fill="#475467"'
        if base:
            parts.append(f'<text x="{centre:.1f}" y="{y(base) - 5:.1f}" text-anchor="middle" font-size="11"{current}>{base}</text>')
        if index % label_every == 0 or week == data.week:
            parts.append(f'<text x="{centre:.1f}" y="{height - bottom + 17}" text-anchor="middle" font-size="11.5"{current}>{esc(week[-3:])}</text>')
            if day:
                parts.append(f'<text x="{centre:.1f}" y="{height - bottom + 32}" text-anchor="middle" font-size="10.5" fill="#98a2b3">{esc(day)}</text>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(0):.1f}" y2="{y(0):.1f}" stroke="#98a2b3"/></svg>')
    legend = "".join(f'<span><i style="background:{c}"></i>{esc(n)}</span>' for c, n in zip(fills, trend.names))
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def svg_topic_chart(data, cards: list[tables.TopicCard]) -> str:
    """Horizontal bars: the largest topics this week against the week before."""
    width, row_h, label_h = 420, 46, 16
    maximum = max([c.count for c in cards] + [c.previous for c in cards] + [1])
    bar_w = width - 40
    height = max(row_h, len(cards) * row_h) + 4
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{esc(tables.text(data, "chart_topics"))}">']
    for index, card in enumerate(cards):
        top = index * row_h
        parts.append(f'<text x="0" y="{top + 12}" font-size="12" fill="#1f2933">{esc(shorten(card.label, 62))}</text>')
        for offset, (value, fill) in enumerate(((card.count, THIS_WEEK), (card.previous, LAST_WEEK))):
            y = top + label_h + offset * 12
            length = max(1.5, value / maximum * bar_w) if value else 0
            parts.append(f'<rect x="0" y="{y}" width="{length:.1f}" height="10" rx="2" fill="{fill}"/>'
                         f'<text x="{length + 5:.1f}" y="{y + 9}" font-size="10.5" fill="#475467">{value}</text>')
    parts.append("</svg>")
    legend = (f'<div class="legend"><span><i style="background:{THIS_WEEK}"></i>{esc(tables.text(data, "this_week"))}</span>'
              f'<span><i style="background:{LAST_WEEK}"></i>{esc(tables.text(data, "last_week"))}</span></div>')
    return "".join(parts) + legend


# -- screen page ------------------------------------------------------------------------------------
def _table(headers: list[str], rows: list[list], numeric: set[int], classes: dict[int, str] | None = None,
           cell_html: dict[int, Callable[[object], str]] | None = None) -> str:
    head = "".join(f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>" for i, h in enumerate(headers))
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            css = " ".join(filter(None, ["num" if i in numeric else "", (classes or {}).get(i, "")]))
            content = cell_html[i](value) if cell_html and i in cell_html else esc(value)
            cells.append(f'<td class="{css}">{content}</td>' if css else f"<td>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _trend_cell(data):
    """A cell renderer turning a trend name in a table back into a coloured badge."""
    names = {tables.trend_name(data, key): key for key in BADGES}
    return lambda value: badge(names.get(value, "steady"), value) if value else ""


def _topic_card_html(data, card: tables.TopicCard) -> str:
    t = lambda key: tables.text(data, key)  # noqa: E731
    weeks = f"{card.weeks} {t('weeks_running') if card.weeks == 1 else t('weeks_running_plural')}"
    meta = (f"<b>{card.count}</b> {esc(t('ticket' if card.count == 1 else 'tickets'))} · {esc(t('vs_previous'))} {card.previous} · {esc(weeks)}"
            + (f" · {esc(t('covered').lower())} {esc(card.covered_on)}" if card.covered_on else ""))
    chips = "".join(f'<span class="chip">{esc(k)}</span>' for k in card.keywords)
    quotes = "".join(f"<blockquote><strong>{esc(e['title'])} <small>{esc(e['id'])}</small></strong>"
                     f"{esc(shorten(' '.join(e['description'].split()), 280))}</blockquote>" for e in card.examples)
    extra = "".join(f'<p class="meta"><b>{esc(t(key))}:</b> {esc(value)}</p>'
                    for key, value in (("audience", card.audience), ("workaround", card.workaround)) if value)
    proposed = f' <small>({esc(t("proposal"))})</small>' if card.proposed else ""
    return (f'<article class="card topic-card"><h3><span class="rank">{card.rank or ""}</span><span>{esc(card.label)}</span>'
            f'{proposed}</h3>'
            f'<p class="meta">{badge(card.trend, card.trend_name)} &nbsp;{esc(card.module)} · {esc(card.kind)}</p>'
            f'<p class="meta">{meta}</p>{extra}<div>{chips}</div>{quotes}</article>')


def _heat_table(data, trend: tables.ModuleTrend) -> str:
    maximum = max([c for row in trend.counts for c in row] + [1])
    headers = tables.module_trend_headers(data, trend)
    head = "".join(f'<th class="mod"><span>{esc(h)}</span></th>' if 1 < i < len(headers) - 1 else f"<th>{esc(h)}</th>"
                   for i, h in enumerate(headers))
    body = []
    for week, day, row in zip(trend.weeks, trend.days, trend.counts):
        cells = []
        for count in row:
            share = count / maximum
            background = f"rgba(47,93,138,{0.08 + share * 0.72:.2f})" if count else "#fff"
            colour = "#fff" if share > 0.55 else "#1f2933"
            cells.append(f'<td style="background:{background};color:{colour}">{count or "·"}</td>')
        body.append(f'<tr><td class="week">{esc(week)}</td><td>{esc(day)}</td>{"".join(cells)}<td><b>{sum(row)}</b></td></tr>')
    return f'<div class="scroll"><table class="heat"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _all_topics_table(data, table) -> str:
    """All topics; the keywords go under the topic's name (a column of their own makes the table too wide)."""
    headers = tables.topic_headers(data)
    keywords = headers.pop()
    headers[1] = f"{headers[1]} / {keywords.lower()}"
    rows = []
    for row in tables.topic_rows(data, with_status=True):
        *row, words = row
        row[1] = esc(row[1]) + (f'<span class="kw">{esc(words)}</span>' if words else "")
        rows.append(row)
    return table(headers, rows, {0, 4, 5, 7}, {1: "label", 8: "nowrap"}, {1: lambda v: v, 6: _trend_cell(data)})


def _ended_section(data) -> str:
    """Last week's larger topics that did not go on this week (none: no section)."""
    if not data.ended:
        return ""
    table = _table(tables.ended_headers(data), tables.ended_rows(data), {3, 4}, {0: "label"})
    return (f'<section><h2>{esc(tables.text(data, "ended"))}</h2><p class="meta">{esc(tables.ended_note(data))}</p>'
            f'<div class="card">{table}</div></section>')


def _workarounds_section(data) -> str:
    """The week's known problems off the agenda with their workaround (none: no section)."""
    rows = tables.workaround_rows(data)
    if not rows:
        return ""
    table = _table(tables.workaround_headers(data), rows, {2}, {0: "label"})
    return (f'<section><h2>{esc(tables.text(data, "workarounds"))}</h2>'
            f'<p class="meta">{esc(tables.text(data, "workarounds_note"))}</p><div class="card">{table}</div></section>')


def _screen(data) -> str:
    t = lambda key: tables.text(data, key)  # noqa: E731
    trend = tables.module_trend(data)
    top_cards = tables.topic_cards(data, data.topics[:TOP_TOPICS])
    figures = _figures(tables.key_figures(data))
    trend_badges = {6: _trend_cell(data)}
    agenda = (_table(tables.agenda_headers(data), tables.agenda_rows(data), {0, 4, 5, 7}, {1: "topic"}, trend_badges)
              if data.agenda else f"<p>{esc(t('no_agenda'))}</p>")
    cards = "".join(_topic_card_html(data, c) for c in tables.topic_cards(data))
    all_topics = _all_topics_table(data, _table) if data.topics else f"<p>{esc(t('no_topics'))}</p>"
    subtitle = " · ".join(filter(None, [tables.period(data), tables.ticket_count(data, data.tickets),
                                        f"{tables.week_day_label(data)} {t('since_go_live')}" if data.day_number is not None else ""]))
    return _page_start(data, t('subtitle'), subtitle, figures) + f"""<section><h2>{esc(t('agenda'))}</h2><div class="card">{agenda}</div></section>
<section class="charts">
<div class="card"><h3>{esc(t('chart_modules'))}</h3>{svg_module_chart(data, tables.grouped_trend(trend, data))}</div>
<div class="card"><h3>{esc(t('chart_topics'))}</h3>{svg_topic_chart(data, top_cards) if top_cards else esc(t('no_topics'))}</div>
</section>
{f'<section><h2>{esc(t("agenda_topics"))}</h2><div class="topics">{cards}</div></section>' if cards else ""}
<section><h2>{esc(t('all_topics'))}</h2><div class="card scroll all">{all_topics}</div></section>
{_workarounds_section(data)}
{_ended_section(data)}
<section><h2>{esc(t('module_trend'))}</h2><div class="card">{_heat_table(data, trend)}</div></section>
</main>
<footer><div class="wrap">{esc(t('generated'))} {region_today().isoformat()}. {esc(t('privacy'))}</div></footer>
</body>
</html>
"""


def heat_colours(count: int, maximum: int) -> tuple[str, str]:
    """(background, text colour) of a count in a table shaded by count."""
    share = count / max(1, maximum)
    return (f"rgba(47,93,138,{0.08 + share * 0.72:.2f})" if count else "#fff"), ("#fff" if share > 0.55 else "#1f2933")


def _overview_table(data) -> str:
    """The period's topics: tickets per week shaded by count, the trend over the period as a badge."""
    headers, rows = range_tables.page_headers(data), range_tables.page_rows(data)
    numeric, trend_column = range_tables.page_numeric(data), range_tables.page_trend_column(data)
    weeks = range(5, 5 + len(data.weeks))
    maximum = max([row[i] for row in rows for i in weeks] + [1])
    trends = [t.get("trend") for t in data.topics]
    head = "".join(f'<th class="num">{esc(h)}</th>' if i in numeric else f"<th>{esc(h)}</th>" for i, h in enumerate(headers))
    body = []
    for row, trend in zip(rows, trends):
        cells = []
        for i, value in enumerate(row):
            if i in weeks:
                background, colour = heat_colours(value, maximum)
                cells.append(f'<td class="num" style="background:{background};color:{colour}">{value or "·"}</td>')
            elif i == trend_column:
                cells.append(f"<td>{badge(trend or 'steady', value) if value else ''}</td>")
            else:
                cells.append(f'<td class="{"num" if i in numeric else "topic" if i == 1 else ""}">{esc(value)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _range_card_html(data, rank: int, topic: dict) -> str:
    """One of the period's largest problems, as a card."""
    card = tables.topic_cards(data, [topic])[0]
    quotes = "".join(f"<blockquote><strong>{esc(e['title'])} <small>{esc(e['id'])}</small></strong>"
                     f"{esc(shorten(' '.join(e['description'].split()), 280))}</blockquote>" for e in card.examples)
    extra = "".join(f'<p class="meta"><b>{esc(tables.text(data, key))}:</b> {esc(value)}</p>'
                    for key, value in (("audience", card.audience), ("workaround", card.workaround)) if value)
    proposed = f' <small>({esc(tables.text(data, "proposal"))})</small>' if card.proposed else ""
    trend = range_tables.trend_name(data, topic.get("trend"))
    return (f'<article class="card topic-card"><h3><span class="rank">{rank}</span><span>{esc(card.label)}</span>{proposed}</h3>'
            f'<p class="meta">{badge(topic.get("trend") or "steady", trend) if trend else ""} &nbsp;{esc(card.module)} · {esc(card.kind)}'
            f' · <b>{card.count}</b> {esc(tables.text(data, "ticket" if card.count == 1 else "tickets"))}</p>'
            f'<p class="meta">{esc(range_tables.week_line(data, topic))}</p>{extra}{quotes}</article>')


def _range_screen(data) -> str:
    """A period's overview as a web page."""
    r = lambda key: range_tables.text(data, key)  # noqa: E731
    trend = tables.module_trend(data)
    figures = _figures(range_tables.key_figures(data))
    overview = _overview_table(data) if data.topics else f"<p>{esc(r('no_topics'))}</p>"
    cards = "".join(_range_card_html(data, rank, topic) for rank, topic in enumerate(range_tables.top_topics(data), start=1))
    subtitle = " · ".join(filter(None, [tables.period(data), tables.ticket_count(data, data.tickets), data.day_label]))
    return _page_start(data, r('subtitle'), subtitle, figures) + f"""<section><h2>{esc(r('overview'))}</h2><p class="meta">{esc(range_tables.trend_rule(data))}</p><div class="card scroll all">{overview}</div></section>
<section><div class="card"><h3>{esc(tables.text(data, 'chart_modules'))}</h3>{svg_module_chart(data, tables.grouped_trend(trend, data))}</div></section>
{f'<section><h2>{esc(r("largest"))}</h2><div class="topics">{cards}</div></section>' if cards else ""}
<section><h2>{esc(tables.text(data, 'module_trend'))}</h2><div class="card">{_heat_table(data, trend)}</div></section>
</main>
<footer><div class="wrap">{esc(tables.text(data, 'generated'))} {region_today().isoformat()}. {esc(tables.text(data, 'privacy'))}</div></footer>
</body>
</html>
"""


def render_html(data, for_print: bool = False) -> str:
    """The export as an HTML page; *for_print* gives the QTextDocument-friendly variant."""
    if for_print:
        from elsdesk.export.print_html import render_print_html

        return render_print_html(data)
    return _range_screen(data) if getattr(data, "is_range", False) else _screen(data)


def write_html(data, path) -> None:
    """Write *data* as a self-contained HTML page at *path* (UTF-8)."""
    Path(path).write_text(render_html(data), encoding="utf-8")
    logger.info("wrote %s", path)


def _figures(rows) -> str:
    """The key-figure boxes of (label, value, note) rows."""
    return "".join(f'<div class="figure"><div class="label">{esc(label)}</div><div class="value">{esc(value)}</div>'
                   f'<div class="note">{esc(note) or "&nbsp;"}</div></div>' for label, value, note in rows)


def _page_start(data, kicker: str, subtitle: str, figures: str) -> str:
    """A page's head, header and key figures: the same for a week's agenda and a period's overview."""
    return f"""<!DOCTYPE html>
<html lang="{esc(data.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="elsdesk">
<title>{esc(data.title)}</title>
<style>{CSS}</style>
</head>
<body>
<header><div class="wrap"><p class="kicker">{esc(kicker)}</p><h1>{esc(data.title)}</h1><p>{esc(subtitle)}</p></div></header>
<main class="wrap">
<div class="figures">{figures}</div>
"""
