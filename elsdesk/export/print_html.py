"""The weekly export as simple HTML that Qt's QTextDocument lays out for the PDF: tables and
bgcolor only (no SVG, little CSS); bars are coloured table cells.

Two quirks of QTextDocument decide how headings are spaced: a table whose last cell is empty
swallows the top margin of the heading after it (the heading sat right against the agenda), and
a heading's bottom margin is ignored before a table. So no cell is left empty (a non-breaking
space fills it) and a table keeps its own distance from the heading above it.
"""

from __future__ import annotations

from elsdesk.export import range_tables, tables
from elsdesk.region_time import region_today
from elsdesk.export.html import BADGES, LAST_WEEK, THIS_WEEK, TOP_TOPICS, colours, esc, shorten

PRINT_HEAD, PRINT_STRIPE, PRINT_TREND_COLUMNS = "#dce6f0", "#f5f7fa", 12
TABLE_GAP_PX = 6  # between a heading (or the text above) and a table
TABLE = ('<table width="100%" cellspacing="0" cellpadding="{pad}" border="0" '
         f'style="font-size:{{size}}pt; margin-top:{TABLE_GAP_PX}px">')
EMPTY_CELL = "&nbsp;"
H2_STYLE = "font-size:13pt; color:#1f3a5f"
SECTION_GAP_PX = 18  # above a section's heading (Qt scales px to the 300 dpi page: ~4.8 mm)


def _heading(text: str, page_break: bool = False) -> str:
    """A section heading (already escaped *text*), :data:`SECTION_GAP_PX` below what comes before it."""
    brk = "; page-break-before:always" if page_break else ""
    return f'<h2 style="{H2_STYLE}; margin-top:{SECTION_GAP_PX}px{brk}">{text}</h2>'


def _print_table(headers: list[str], rows: list[list], numeric: set[int], trend_column: int | None = None,
                 data=None, size: float = 8, widths: list | None = None, raw: set[int] = frozenset(),
                 nowrap: set[int] = frozenset()) -> str:
    """A striped table. Columns without a width in *widths* take what their (unbroken) content
    needs; columns in *raw* already hold escaped HTML; cells in *nowrap* never wrap."""
    align = lambda i: ' align="right"' if i in numeric else ' align="left"'  # noqa: E731
    width = lambda i: f' width="{widths[i]}%"' if widths and i < len(widths) and widths[i] else ""  # noqa: E731
    keep = lambda i: ' style="white-space:nowrap"' if i in nowrap or i in numeric else ""  # noqa: E731
    head = "".join(f'<th{align(i)}{width(i)} bgcolor="{PRINT_HEAD}"><font color="#1f3a5f">'
                   f'{"<br>".join(esc(w) for w in h.split()) if not (widths and i < len(widths) and widths[i]) else esc(h)}'
                   f'</font></th>' for i, h in enumerate(headers))
    body = []
    names = {tables.trend_name(data, key): key for key in BADGES} if data is not None else {}
    for number, row in enumerate(rows):
        stripe = f' bgcolor="{PRINT_STRIPE}"' if number % 2 else ""
        cells = []
        for i, value in enumerate(row):
            content = (value if i in raw else esc(value)) or EMPTY_CELL
            if i == trend_column and value:
                content = f'<font color="{BADGES.get(names.get(value, "steady"), BADGES["steady"])[1]}"><b>{content}</b></font>'
            cells.append(f"<td{align(i)}{stripe}{keep(i)}>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return TABLE.format(pad=3, size=size) + f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"


def _print_bar(parts: list[tuple[int, str]], total: int, maximum: int) -> str:
    """A horizontal (stacked) bar: a full-width table of coloured cells and one empty remainder
    (QTextDocument honours cell widths but not a nested table's percentage width)."""
    if not total:
        return ""
    filled = max(1, round(total / max(1, maximum) * 100))
    cells = "".join(f'<td width="{max(1, round(v / maximum * 100))}%" bgcolor="{c}" style="font-size:5pt">&nbsp;</td>'
                    for v, c in parts if v)
    if filled < 100:
        cells += f'<td width="{100 - filled}%" style="font-size:5pt"></td>'
    return f'<table width="100%" cellspacing="0" cellpadding="0" border="0"><tr>{cells}</tr></table>'


def _print_all_topics(data) -> str:
    """All topics; the keywords go under the topic's name (a column of their own is too narrow on A4)."""
    headers = tables.topic_headers(data)
    keywords = headers.pop()
    headers[1] = f"{headers[1]} / {keywords.lower()}"
    rows = []
    for row in tables.topic_rows(data, with_status=True):
        *row, words = row
        row[1] = f'{esc(row[1])}<br><font color="#98a2b3">{esc(words)}</font>' if words else esc(row[1])
        rows.append(row)
    return _print_table(headers, rows, {0, 4, 5, 7}, 6, data, size=7, widths=[7, 26, 15, 11, 7, 6, 7, 6, 7, 8], raw={1}, nowrap={6, 8, 9})


def _print_workarounds(data) -> str:
    """The week's known problems off the agenda with their workaround (none: nothing)."""
    rows = tables.workaround_rows(data)
    if not rows:
        return ""
    note = f'<p><font color="#475467">{esc(tables.text(data, "workarounds_note"))}</font></p>'
    return _heading(esc(tables.text(data, "workarounds"))) + note + _print_table(
        tables.workaround_headers(data), rows, {2}, None, data, widths=[26, 17, 8, 14, 35])


def _print_ended(data) -> str:
    """Last week's larger topics that did not go on this week (none: nothing)."""
    if not data.ended:
        return ""
    note = f'<p><font color="#475467">{esc(tables.ended_note(data))}</font></p>'
    return _heading(esc(tables.text(data, "ended"))) + note + _print_table(
        tables.ended_headers(data), tables.ended_rows(data), {3, 4}, None, data, widths=[40, 22, 14, 12, 12])


def _print_module_chart(data, trend: tables.ModuleTrend) -> str:
    fills = colours(trend)
    maximum = max(trend.totals() or [1])
    rows = []
    for week, day, row in zip(trend.weeks, trend.days, trend.counts):
        bold = ("<b>", "</b>") if week == data.week else ("", "")
        rows.append(f'<tr><td width="11%">{bold[0]}{esc(week)}{bold[1]}</td><td width="7%"><font color="#98a2b3">{esc(day)}</font></td>'
                    f'<td width="74%">{_print_bar(list(zip(row, fills)), sum(row), maximum) or EMPTY_CELL}</td>'
                    f'<td width="8%" align="right">{bold[0]}{sum(row)}{bold[1]}</td></tr>')
    legend = " &nbsp; ".join(f'<font color="{c}">&#9632;</font>&nbsp;{esc(n)}' for c, n in zip(fills, trend.names))
    return TABLE.format(pad=2, size=8) + "".join(rows) + f'</table><p style="font-size:7.5pt">{legend}</p>'


def _print_topic_chart(data, cards: list[tables.TopicCard]) -> str:
    maximum = max([c.count for c in cards] + [c.previous for c in cards] + [1])
    rows = []
    for card in cards:
        rows.append(f'<tr><td width="44%" rowspan="2">{esc(shorten(card.label, 70))}</td>'
                    f'<td width="50%">{_print_bar([(card.count, THIS_WEEK)], card.count, maximum) or EMPTY_CELL}</td>'
                    f'<td width="6%" align="right">{card.count}</td></tr>'
                    f'<tr><td>{_print_bar([(card.previous, LAST_WEEK)], card.previous, maximum) or EMPTY_CELL}</td>'
                    f'<td align="right"><font color="#667085">{card.previous}</font></td></tr>')
    legend = (f'<font color="{THIS_WEEK}">&#9632;</font>&nbsp;{esc(tables.text(data, "this_week"))} &nbsp; '
              f'<font color="{LAST_WEEK}">&#9632;</font>&nbsp;{esc(tables.text(data, "last_week"))}')
    return TABLE.format(pad=1, size=8) + "".join(rows) + f'</table><p style="font-size:7.5pt">{legend}</p>'


def _print_topic(data, card: tables.TopicCard) -> str:
    t = lambda key: tables.text(data, key)  # noqa: E731
    colour = BADGES.get(card.trend, BADGES["steady"])[1]
    weeks = f"{card.weeks} {t('weeks_running') if card.weeks == 1 else t('weeks_running_plural')}"
    facts = " · ".join(esc(f) for f in [card.module, card.kind, tables.ticket_count(data, card.count),
                                         f"{t('vs_previous')} {card.previous}", weeks]
                       + ([f"{t('covered').lower()} {card.covered_on}"] if card.covered_on else []))
    quotes = "".join(
        f'<table width="100%" cellspacing="0" cellpadding="4" border="0" style="margin-top:4px"><tr>'
        f'<td width="1%" bgcolor="#9fb3c8"></td><td bgcolor="#f5f7fa" style="font-size:8pt"><b>{esc(e["title"])}</b> '
        f'<font color="#98a2b3">{esc(e["id"])}</font><br>{esc(shorten(" ".join(e["description"].split()), 300))}</td></tr></table>'
        for e in card.examples)
    keywords = f'<p style="font-size:8pt"><font color="#667085">{esc(t("keywords"))}: {esc(", ".join(card.keywords))}</font></p>' \
        if card.keywords else ""
    extra = "".join(f'<p style="font-size:8.5pt"><b>{esc(t(key))}:</b> {esc(value)}</p>'
                    for key, value in (("audience", card.audience), ("workaround", card.workaround)) if value)
    proposed = f' <font color="#667085" size="2">({esc(t("proposal"))})</font>' if card.proposed else ""
    return (f'<h3 style="font-size:11pt; color:#1f3a5f">{card.rank}. {esc(card.label)}{proposed}</h3>'
            f'<p style="font-size:8.5pt"><font color="{colour}"><b>{esc(card.trend_name)}</b></font> · {facts}</p>'
            f"{extra}{keywords}{quotes}")


def _print_trend_tables(data, trend: tables.ModuleTrend) -> str:
    """Weeks as rows; with many modules (too wide for A4) modules as rows, a dozen weeks a table."""
    headers, rows = tables.module_trend_headers(data, trend), tables.module_trend_rows(trend)
    if len(trend.modules) <= 8:
        return _print_table(headers, rows, set(range(2, len(headers))), size=7.5)
    parts = []
    for start in range(0, len(trend.weeks), PRINT_TREND_COLUMNS):
        weeks = range(start, min(start + PRINT_TREND_COLUMNS, len(trend.weeks)))
        head = [tables.text(data, "module")] + [f"{trend.weeks[w]} {trend.days[w]}".strip() for w in weeks]
        body = [[name] + [trend.counts[w][m] for w in weeks] for m, name in enumerate(trend.names)]
        body.append([tables.text(data, "total")] + [sum(trend.counts[w]) for w in weeks])
        parts.append(_print_table(head, body, set(range(1, len(head))), size=7.5))
    return "<p></p>".join(parts)  # nothing after the last table: an empty paragraph could open a blank page


def _print(data) -> str:
    t = lambda key: tables.text(data, key)  # noqa: E731
    trend = tables.module_trend(data)
    figures = _print_figures(tables.key_figures(data))
    agenda = (_print_table(tables.agenda_headers(data), tables.agenda_rows(data), {0, 4, 5, 7}, 6, data,
                           widths=[4, 27, 17, 12, 8, 7, 7, 7, 11], nowrap={6, 8})
              if data.agenda else f"<p>{esc(t('no_agenda'))}</p>")
    top_cards = tables.topic_cards(data, data.topics[:TOP_TOPICS])
    # the topic chart opens page 2 (when there are topics) and everything after it flows on: a forced
    # break before the list of all topics left a page with one overflowing example on it
    chart_topics = _heading(esc(t("chart_topics")), page_break=bool(data.topics))
    topics = "".join(_print_topic(data, c) for c in tables.topic_cards(data))
    all_topics = (_print_all_topics(data)
                  if data.topics else f"<p>{esc(t('no_topics'))}</p>")
    subtitle = " · ".join(filter(None, [tables.period(data), tables.ticket_count(data, data.tickets),
                                        f"{tables.week_day_label(data)} {t('since_go_live')}" if data.day_number is not None else ""]))
    return f"""<html lang="{esc(data.language)}"><head><meta charset="utf-8"><title>{esc(data.title)}</title></head>
<body style="font-size:9pt; color:#1f2933">
<p style="font-size:7.5pt"><font color="#667085">{esc(t('subtitle').upper())}</font></p>
<h1 style="font-size:18pt; color:#1f3a5f">{esc(data.title)}</h1>
<p><font color="#475467">{esc(subtitle)}</font><br><font color="#98a2b3" style="font-size:7.5pt">{esc(t('generated'))} {region_today().isoformat()}. {esc(t('privacy'))}</font></p>
<table width="100%" cellspacing="6" cellpadding="6" border="0"><tr>{figures}</tr></table>
{_heading(esc(t('agenda')))}{agenda}
{_heading(esc(t('chart_modules')))}{_print_module_chart(data, tables.grouped_trend(trend, data))}
{chart_topics}{_print_topic_chart(data, top_cards) if top_cards else esc(t('no_topics'))}
{_heading(esc(t("agenda_topics"))) + topics if topics else ""}
{_heading(esc(t('all_topics')))}{all_topics}
{_print_workarounds(data)}
{_print_ended(data)}
{_heading(esc(t('module_trend')))}{_print_trend_tables(data, trend)}
</body></html>
"""


def _print_overview(data) -> str:
    """The period's topics with their tickets per week; the trend coloured as on the web page."""
    headers, rows = range_tables.page_headers(data), range_tables.page_rows(data)
    trend_column = range_tables.page_trend_column(data)
    coloured = []
    for row, topic in zip(rows, data.topics):
        row = [esc(v) for v in row]
        if row[trend_column]:
            colour = BADGES.get(topic.get("trend") or "steady", BADGES["steady"])[1]
            row[trend_column] = f'<font color="{colour}"><b>{row[trend_column]}</b></font>'
        coloured.append(row)
    week_width = max(5, min(8, 40 // max(1, len(data.weeks))))
    widths = [4, 0, 14, 9, 7] + [week_width] * len(data.weeks) + [10]
    return _print_table(headers, coloured, range_tables.page_numeric(data), size=7, widths=widths,
                        raw=set(range(len(headers))), nowrap={trend_column})


def _print_range_card(data, rank: int, topic: dict) -> str:
    card = tables.topic_cards(data, [topic])[0]
    colour = BADGES.get(topic.get("trend") or "steady", BADGES["steady"])[1]
    facts = " · ".join(esc(f) for f in [card.module, card.kind, tables.ticket_count(data, card.count),
                                         range_tables.week_line(data, topic)])
    extra = "".join(f'<p style="font-size:8.5pt"><b>{esc(tables.text(data, key))}:</b> {esc(value)}</p>'
                    for key, value in (("audience", card.audience), ("workaround", card.workaround)) if value)
    quotes = "".join(
        f'<table width="100%" cellspacing="0" cellpadding="4" border="0" style="margin-top:4px"><tr>'
        f'<td width="1%" bgcolor="#9fb3c8"></td><td bgcolor="#f5f7fa" style="font-size:8pt"><b>{esc(e["title"])}</b> '
        f'<font color="#98a2b3">{esc(e["id"])}</font><br>{esc(shorten(" ".join(e["description"].split()), 300))}</td></tr></table>'
        for e in card.examples)
    proposed = f' <font color="#667085" size="2">({esc(tables.text(data, "proposal"))})</font>' if card.proposed else ""
    return (f'<h3 style="font-size:11pt; color:#1f3a5f">{rank}. {esc(card.label)}{proposed}</h3>'
            f'<p style="font-size:8.5pt"><font color="{colour}"><b>{esc(range_tables.trend_name(data, topic.get("trend")))}</b></font>'
            f' · {facts}</p>{extra}{quotes}')


def _print_range(data) -> str:
    """A period's overview for the PDF."""
    r = lambda key: range_tables.text(data, key)  # noqa: E731
    trend = tables.module_trend(data)
    figures = _print_figures(range_tables.key_figures(data))
    overview = _print_overview(data) if data.topics else f"<p>{esc(r('no_topics'))}</p>"
    top = range_tables.top_topics(data)
    cards = "".join(_print_range_card(data, rank, topic) for rank, topic in enumerate(top, start=1))
    subtitle = " · ".join(filter(None, [tables.period(data), tables.ticket_count(data, data.tickets), data.day_label]))
    return f"""<html lang="{esc(data.language)}"><head><meta charset="utf-8"><title>{esc(data.title)}</title></head>
<body style="font-size:9pt; color:#1f2933">
<p style="font-size:7.5pt"><font color="#667085">{esc(r('subtitle').upper())}</font></p>
<h1 style="font-size:18pt; color:#1f3a5f">{esc(data.title)}</h1>
<p><font color="#475467">{esc(subtitle)}</font><br><font color="#98a2b3" style="font-size:7.5pt">{esc(tables.text(data, 'generated'))} {region_today().isoformat()}. {esc(tables.text(data, 'privacy'))}</font></p>
<table width="100%" cellspacing="6" cellpadding="6" border="0"><tr>{figures}</tr></table>
{_heading(esc(r('overview')))}<p style="font-size:7.5pt"><font color="#667085">{esc(range_tables.trend_rule(data))}</font></p>{overview}
{_heading(esc(tables.text(data, 'chart_modules')))}{_print_module_chart(data, tables.grouped_trend(trend, data))}
{_heading(esc(r('largest')), page_break=True) + cards if cards else ""}
{_heading(esc(tables.text(data, 'module_trend')))}{_print_trend_tables(data, trend)}
</body></html>
"""


def render_print_html(data) -> str:
    """The print variant of the weekly export page (or of a period's overview)."""
    return _print_range(data) if getattr(data, "is_range", False) else _print(data)


FIGURE_PT, LONG_FIGURE_PT, LONG_FIGURE_CHARS = 15, 10, 12


def _print_figures(rows) -> str:
    """The key-figure cells of (label, value, note) rows, for the PDF's first table row; a value in words
    ("3 avtagande, 7 kvarstår, 0 ökande") in a smaller size than a number (it filled a card in four lines)."""
    size = lambda value: LONG_FIGURE_PT if len(str(value)) > LONG_FIGURE_CHARS else FIGURE_PT  # noqa: E731
    return "".join(f'<td bgcolor="#eef3f8" width="{100 // 4}%"><font color="#667085" style="font-size:7pt">{esc(label.upper())}</font><br>'
                   f'<span style="font-size:{size(value)}pt; color:#1f3a5f"><b>{esc(value)}</b></span><br>'
                   f'<font color="#667085" style="font-size:7.5pt">{esc(note)}</font></td>' for label, value, note in rows)
