"""The weekly export as Markdown: agenda table, one section per agenda topic with example
quotes, all topics, and tickets per module per week since go-live; a period's overview
(``export --from --to``) as every topic with its tickets per week and trend over the period, the
largest problems described in full, and tickets per module per week of the period."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from elsdesk.export import range_tables, tables

logger = logging.getLogger(__name__)
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
QUOTE_LENGTH = 300


def md(value) -> str:
    """A cell or inline text: one line, Markdown and table syntax escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def md_table(headers: list[str], rows: list[list], numeric: set[int] = frozenset()) -> list[str]:
    lines = ["| " + " | ".join(md(h) for h in headers) + " |",
             "|" + "|".join("---:" if i in numeric else "---" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return lines


def _quote(example: dict) -> list[str]:
    description = " ".join(example["description"].split())
    if len(description) > QUOTE_LENGTH:
        description = description[:QUOTE_LENGTH].rsplit(" ", 1)[0] + " …"
    lines = [f"> **{md(example['title'])}** ({md(example['id'])})"]
    if description:
        lines += [">", f"> {md(description)}"]
    return lines + [""]


def _range_card(data, rank: int, topic: dict) -> list[str]:
    """One of the period's largest problems: facts, tickets per week, workaround and examples."""
    card = tables.topic_cards(data, [topic])[0]
    facts = [card.module, card.kind, tables.ticket_count(data, card.count),
             f"{range_tables.text(data, 'period_trend').lower()}: {range_tables.trend_name(data, topic.get('trend'))}"]
    lines = ["", f"### {rank}. {md(card.label)}", "", " · ".join(md(f) for f in facts if f), "",
             md(range_tables.week_line(data, topic)), ""]
    if card.proposed:
        lines += [f"_{md(tables.text(data, 'proposal'))}_", ""]
    for key, value in (("audience", card.audience), ("workaround", card.workaround)):
        if value:
            lines += [f"**{md(tables.text(data, key))}:** {md(value)}", ""]
    for example in card.examples:
        lines += _quote(example)
    return lines


def render_range_markdown(data) -> str:
    """A period's overview as Markdown."""
    r = lambda key: range_tables.text(data, key)  # noqa: E731
    lines = [f"# {md(data.title)}", "", f"*{md(tables.period(data))}*", ""]
    lines += [f"- **{md(label)}:** {md(value)}" + (f" ({md(note)})" if note else "")
              for label, value, note in range_tables.key_figures(data)]
    lines += ["", f"## {md(r('overview'))}", "", f"_{md(range_tables.trend_rule(data))}_", ""]
    rows = range_tables.page_rows(data)
    lines += (md_table(range_tables.page_headers(data), rows, numeric=range_tables.page_numeric(data))
              if rows else [md(r("no_topics"))])
    top = range_tables.top_topics(data)
    if top:
        lines += ["", f"## {md(r('largest'))}"]
        for rank, topic in enumerate(top, start=1):
            lines += _range_card(data, rank, topic)
    trend = tables.module_trend(data)
    lines += ["", f"## {md(tables.text(data, 'module_trend'))}", ""]
    lines += md_table(tables.module_trend_headers(data, trend), tables.module_trend_rows(trend),
                      numeric=set(range(2, len(trend.modules) + 3)))
    lines += ["", f"*{md(tables.text(data, 'generated'))}. {md(tables.text(data, 'privacy'))}*", ""]
    return "\n".join(lines)


def render_markdown(data) -> str:
    if getattr(data, "is_range", False):
        return render_range_markdown(data)
    t = lambda key: tables.text(data, key)  # noqa: E731
    lines = [f"# {md(data.title)}", "", f"*{md(tables.period(data))}*", ""]
    lines += [f"- **{md(label)}:** {md(value)}" + (f" ({md(note)})" if note else "")
              for label, value, note in tables.key_figures(data)]
    lines += ["", f"## {md(t('agenda'))}", ""]
    rows = tables.agenda_rows(data)
    lines += md_table(tables.agenda_headers(data), rows, numeric={0, 4, 5, 7}) if rows else [md(t("no_agenda"))]
    for card in tables.topic_cards(data):
        lines += ["", f"### {card.rank}. {md(card.label)}", ""]
        facts = [card.module, card.kind, f"{tables.ticket_count(data, card.count)} ({t('vs_previous')}: {card.previous})",
                 f"{t('trend').lower()}: {card.trend_name}",
                 f"{card.weeks} {t('weeks_running') if card.weeks == 1 else t('weeks_running_plural')}"]
        if card.covered_on:
            facts.append(f"{t('covered').lower()} {card.covered_on}")
        lines += [" · ".join(md(f) for f in facts), ""]
        if card.proposed:
            lines += [f"_{md(t('proposal'))}_", ""]
        for key, value in (("audience", card.audience), ("workaround", card.workaround)):
            if value:
                lines += [f"**{md(t(key))}:** {md(value)}", ""]
        if card.keywords:
            lines += [f"{md(t('keywords'))}: {md(', '.join(card.keywords))}", ""]
        for example in card.examples:
            lines += _quote(example)
    lines += ["", f"## {md(t('all_topics'))}", ""]
    rows = tables.topic_rows(data, with_status=True)
    lines += md_table(tables.topic_headers(data), rows, numeric={0, 4, 5, 7}) if rows else [md(t("no_topics"))]
    workarounds = tables.workaround_rows(data)
    if workarounds:
        lines += ["", f"## {md(t('workarounds'))}", "", md(t("workarounds_note")), ""]
        lines += md_table(tables.workaround_headers(data), workarounds, numeric={2})
    if data.ended:
        lines += ["", f"## {md(t('ended'))}", "", md(tables.ended_note(data)), ""]
        lines += md_table(tables.ended_headers(data), tables.ended_rows(data), numeric={3, 4})
    trend = tables.module_trend(data)
    lines += ["", f"## {md(t('module_trend'))}", ""]
    width = len(trend.modules)
    lines += md_table(tables.module_trend_headers(data, trend), tables.module_trend_rows(trend),
                      numeric=set(range(2, width + 3)))
    lines += ["", f"*{md(t('generated'))}. {md(t('privacy'))}*", ""]
    return "\n".join(lines)


def write_markdown(data, path) -> None:
    """Write *data* as a Markdown document at *path* (UTF-8)."""
    Path(path).write_text(render_markdown(data), encoding="utf-8")
    logger.info("wrote %s", path)
