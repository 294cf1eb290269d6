"""The training lead's weekly export: one data structure, written in five formats.

``build_export`` gathers what a training agenda needs (the week, days since go-live, the
agenda, all topics with trends, masked examples without signatures, tickets per module per
week since go-live). Writers in :mod:`elsdesk.export` turn it into XLSX, CSV, Markdown, HTML
and PDF; ``export_week`` is the use case the CLI and the GUI call. A file is written beside its
target and renamed over it when complete.

File names: a file always gets its format's extension unless it already has it (``agenda`` and
``Agenda 2026.11.09`` become ``agenda.pdf`` and ``Agenda 2026.11.09.xlsx``); ``export_all``
writes into a folder, or, given a file name with a format's extension (``out/agenda.xlsx``), the
five files ``out/agenda.xlsx``, ``out/agenda.csv``, … beside each other.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from elsdesk.domain import BadInputError, day_label, normalise_week, parse_week, week_day_number
from elsdesk.masking import mask, mask_fields
from elsdesk.export.quotes import Quote, quote_of
from elsdesk.output_files import atomic_path, ensure_folder, is_stream, stream_path
from elsdesk.services.labels import desk_taxonomy
from elsdesk.region_time import region_today
from elsdesk.services.agenda_rules import AGENDA_MIN_TICKETS, agenda
from elsdesk.services.topics import (
    alike_this_week, go_live_date, go_live_is_set, module_volumes, previous_week, weekly_topics)
from elsdesk.storage import Database

logger = logging.getLogger(__name__)
FORMATS = ("xlsx", "csv", "md", "html", "pdf")
EXTENSIONS = {".xlsx": "xlsx", ".csv": "csv", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
              ".pdf": "pdf"}


def format_of_path(out: str | Path) -> str | None:
    """The export format a file name asks for by its extension, or None (no or unknown extension)."""
    return EXTENSIONS.get(Path(str(out)).suffix.lower())


def path_with_format(out: str | Path, fmt: str) -> Path:
    """*out* with the extension of *fmt* (a save dialog's chosen type wins over a mistyped ending); a
    stream (``-``, ``/dev/stdout``) as it is."""
    if is_stream(out):
        return stream_path(out)
    path = Path(str(out))
    if format_of_path(path) == fmt:
        return path
    if path.suffix.lower() in EXTENSIONS:
        path = path.with_suffix("")
    return path.with_name(f"{path.name}.{fmt}")


@dataclass
class ExportData:
    week: str
    first_day: date
    last_day: date
    day_number: int | None          # D+N of the week's Monday, None without a go-live date
    go_live: date | None
    tickets: int
    agenda: list[dict]
    topics: list[dict]
    module_names: dict[str, str]
    kind_names: dict[str, str]
    volumes: dict[str, dict[str, int]] = field(default_factory=dict)   # week -> module -> count
    language: str = "sv"
    role_names: dict[str, str] = field(default_factory=dict)  # stored reporter role (id or free text) -> name shown
    go_live_assumed: bool = False  # nobody set go-live: it is the desk's oldest ticket's day
    ended: list[dict] = field(default_factory=list)  # last week's larger topics that no topic of this week goes on from
    ended_minimum: int = AGENDA_MIN_TICKETS  # the fewest tickets last week of a topic in *ended*

    is_range: ClassVar[bool] = False  # a period's overview (RangeExportData) rather than one week

    @property
    def day_label(self) -> str:
        return day_label(self.day_number)

    @property
    def title(self) -> str:
        day = f" ({self.day_label})" if self.day_label else ""
        if self.language == "en":
            return f"Stabilisation training week {self.week}{day}"
        return f"Stabiliseringsutbildning vecka {self.week}{day}"


def _clean_example(example: dict, quote: Quote | None = None) -> dict:
    """Examples carry masked text only and no names in signatures; *quote*: the description's
    :func:`~elsdesk.export.quotes.quote_of` when already made."""
    quote = quote or quote_of(example["description"])
    title, description = (result.text for result in mask_fields(example["title"], quote.text))
    return {"id": example["id"], "title": title, "description": description[:400]}


def signature_words(examples: list[dict]) -> set[str]:
    """The words the quotes of *examples* leave out (greetings, sign-offs, names), case-folded."""
    return _dropped_by([quote_of(example.get("description")) for example in examples])


def _dropped_by(quotes: list[Quote]) -> set[str]:
    """Every word that one of *quotes* left out."""
    return set().union(*(quote.dropped for quote in quotes))


def without_signature_keywords(topic: dict, dropped: set[str] | None = None) -> dict:
    """*topic* without keywords that came from its examples' signatures ("karin", "tom student"),
    and, when its label was made of its keywords, with the label made again from those left.
    *dropped*: the words its examples' quotes leave out, when already known (:func:`signature_words`).

    The topic finder reads the whole ticket text, so a signature that a group of tickets share
    (one reporter's "Hälsningar Olle") can become a keyword; the export promises no names, so it
    checks every keyword against the words its example quotes drop."""
    from elsdesk.topics.finder import label_from_keywords

    if dropped is None:
        dropped = signature_words(topic.get("examples") or [])
    keywords = list(topic.get("keywords") or [])
    if not dropped or not keywords:
        return topic
    kept = [k for k in keywords if not any(word in dropped for word in str(k).casefold().split())]
    if kept == keywords:
        return topic
    label = topic.get("label")
    if label == label_from_keywords(keywords):
        label = label_from_keywords(kept)
    return dict(topic, keywords=kept, label=label)


def build_export(database: Database, week: str, language: str = "sv") -> ExportData:
    week = normalise_week(week)
    monday, sunday = parse_week(week)
    report = weekly_topics(database, week)
    go_live = go_live_date(database)
    taxonomy = desk_taxonomy(database)  # the desk's own labels (added with labels --add) by their names too
    topics = [shown_topic(topic) for topic in report["topics"]]
    chosen = {t["id"] for t in agenda({"week": week, "topics": topics})}
    return ExportData(
        week=week, first_day=monday, last_day=sunday, day_number=week_day_number(monday, go_live),
        go_live=go_live, go_live_assumed=go_live is not None and not go_live_is_set(database), tickets=report["tickets"],
        agenda=[t for t in topics if t["id"] in chosen], topics=topics,
        module_names={m.id: m.name(language) for m in taxonomy.modules},
        kind_names={k.id: k.name(language) for k in taxonomy.kinds},
        volumes={w: v for w, v in module_volumes(database).items() if w <= week},
        language=language,
        role_names=role_names(taxonomy, topics, language),
        ended=ended_topics(database, week, report["topics"]),
    )


def ended_topics(database: Database, week: str, topics: list[dict]) -> list[dict]:
    """Last week's topics of :data:`AGENDA_MIN_TICKETS` tickets or more that none of this week's *topics* goes on
    from (by id, as the proposal an incident's topic became, or as the known problem a proposal became) and that fewer than :data:`AGENDA_MIN_TICKETS` of this
    week's tickets are like (:func:`~elsdesk.services.topics.alike_this_week`: a problem cut into pairs this week, or
    spread over other modules, is back all the same), largest first, as an export shows them: what stopped coming, or
    fell to a ticket or two, which a training lead reads as much as what is new."""
    going_on = {t["id"] for t in topics} | {t["after_topic"] for t in topics if t.get("after_topic")}
    before = [t for t in weekly_topics(database, previous_week(week))["topics"]
              if t["count"] >= AGENDA_MIN_TICKETS and t["id"] not in going_on]
    alike = alike_this_week(database, week, [t["id"] for t in before])
    return [dict(id=t["id"], label=mask(t["label"]), module=t.get("module"), kind=t.get("kind"), count=int(t["count"]),
                 weeks_recurring=int(t.get("weeks_recurring") or 1))
            for t in before if alike.get(t["id"], 0) < AGENDA_MIN_TICKETS]


def shown_topic(topic: dict) -> dict:
    """*topic* as an export shows it: keywords from signatures left out, label and examples masked."""
    quotes = [quote_of(e.get("description")) for e in topic["examples"]]  # each example quoted once
    topic = without_signature_keywords(topic, _dropped_by(quotes))
    return dict(topic, label=mask(topic["label"]),
                examples=[_clean_example(e, q) for e, q in zip(topic["examples"], quotes)])


def role_names(taxonomy, topics: list[dict], language: str = "sv") -> dict[str, str]:
    """The name shown for every reporter role in the taxonomy and in *topics*' audiences, in
    *language*: a role id (or free text a synonym now recognises) by its name, other free text as
    written. Ids stay ids in the topics; only what a person reads shows names."""
    values = [role.id for role in taxonomy.reporter_roles]
    values += [value for topic in topics for value in ((topic.get("audience") or {}).get("roles") or {})]
    return taxonomy.display_names("reporter_roles", values, language)


def _is_folder_name(out: str | Path) -> bool:
    return str(out).endswith(("/", "\\")) or Path(out).is_dir()


def export_path(out: str | Path, fmt: str, week: str) -> Path:
    """The file an export of *week* in *fmt* to *out* is written to: ``elsdesk-<week>.<fmt>`` in a
    folder (an existing one, or a name ending in a slash), else *out* with the format's extension
    added unless it already ends in it (``Agenda 2026.11.09`` and ``agenda.v2`` were
    written without one)."""
    if _is_folder_name(out):
        return Path(out) / f"elsdesk-{week}.{fmt}"
    return path_with_format(out, fmt)


def export_week(database: Database, week: str, fmt: str, out: str | Path, language: str = "sv",
                data: ExportData | None = None) -> Path:
    """Write the week's export in *fmt* to *out*; return the path written. *data*, when given, is
    the week's :func:`build_export` (built once for several formats)."""
    _checked_format(fmt)
    data = data or build_export(database, week, language)
    return write_export(data, fmt, out)


def _checked_format(fmt: str) -> str:
    """*fmt* as a format id ('.PDF' -> 'pdf'); BadInputError for one the export does not write."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise BadInputError(f"okänt format '{fmt}'; välj bland {', '.join(FORMATS)}")
    return fmt


def write_export(data: ExportData, fmt: str, out: str | Path) -> Path:
    """Write *data* (a week's :func:`build_export` or a period's :func:`build_range_export`) in *fmt*
    to *out* (see :func:`export_path`); return the path written."""
    from elsdesk.export import writer_for

    fmt = _checked_format(fmt)
    out = export_path(out, fmt, data.week)
    with atomic_path(out) as temporary:  # a crash or a full disk never leaves a cut export behind
        writer_for(fmt)(data, temporary)
    return out


def all_formats_target(out: str | Path) -> tuple[Path, str | None]:
    """Where ``--format all`` writes: (folder, base name of the files, None for ``elsdesk-<week>``).

    A folder (existing, or a name ending in a slash, or a name without a format's extension) holds
    ``elsdesk-<week>.<fmt>``; a file name with a format's extension (``out/agenda_all.xlsx``) is
    the base name of the five files in its folder (it became a folder named
    ``agenda_all.xlsx``)."""
    path = Path(str(out))
    if _is_folder_name(out) or format_of_path(path) is None:
        return path, None
    return path.parent, path.stem


def export_all(database: Database, week: str, folder: str | Path, formats=FORMATS, language: str = "sv",
               data: ExportData | None = None) -> list[Path]:
    """Every format of one week into *folder* (for a scheduled weekly task); see :func:`all_formats_target`."""
    target, _base = all_formats_target(folder)
    if target.exists() and not target.is_dir():  # before the week is built
        raise BadInputError(f"{target}: finns redan och är en fil; --format all skriver till en mapp")
    data = data or build_export(database, week, language)
    return write_all_formats(data, folder, formats)


def write_all_formats(data: ExportData, out: str | Path, formats=FORMATS) -> list[Path]:
    """Every format of *data* (a week's or a period's) into the folder that *out* names (see
    :func:`all_formats_target`)."""
    folder, base = all_formats_target(out)
    if folder.exists() and not folder.is_dir():
        raise BadInputError(f"{folder}: finns redan och är en fil; --format all skriver till en mapp")
    ensure_folder(folder)
    name = base or f"elsdesk-{data.week}"
    return [write_export(data, fmt, folder / f"{name}.{fmt}") for fmt in formats]


def empty_week_note(data: ExportData, today: date | None = None, newest: str | None = None) -> str | None:
    """A Swedish sentence for an export of a week without tickets (and why, when it can tell), or
    None when the week has tickets (such a week was exported without a word). *newest*: the newest week with
    tickets, named when the empty week comes after it: a training lead asked for "next week's agenda" as the
    week it is held (v49) and got an empty one; an agenda is built from the tickets of the weeks before it."""
    if data.tickets:
        return None
    today = today or region_today()
    if data.first_day > today:
        why = " (veckan har inte börjat än)"
    elif data.go_live and data.last_day < data.go_live:
        why = f" (veckan ligger före go-live {data.go_live.isoformat()})"
    else:
        why = ""
    hint = (f"; agendan byggs av veckans ärenden, så utbildningen efter vecka {newest} tar dess agenda:"
            f" --week {newest}" if newest and newest < data.week else "")
    return f"vecka {data.week} har inga ärenden{why}; exporten innehåller inga ämnen{hint}"
