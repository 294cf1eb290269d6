"""Read JSON ticket files into numbered raw rows (see :mod:`elsdesk.ticket_files`).

JSON Lines (one ticket object a line, ``.jsonl``, and a ``.json`` file written so) is streamed line by line:
memory stays flat however large the file. A ``.json`` file that is one JSON document, on one line or pretty-printed
over many, is parsed whole: an array of tickets, or an object holding them in one list under any key (a ticket
system's ``{"count": 42, "tickets": [...]}``, ``"issues"``, ``"items"``, ``"data"``, ``"value"`` …). Which of the
two a ``.json`` file is, its first line tells (:func:`is_json_lines`). A ticket's nested objects become dotted
column names (``{"fields": {"summary": …}}``: ``fields.summary``), which :mod:`elsdesk.importer` reads by their
last part; a list of plain values is joined as text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from elsdesk.domain import BadInputError
from elsdesk.file_text import TextFile, decode_file_bytes

NESTED_DEPTH = 6  # how deep nested objects are read into dotted names; deeper ones are left unread
LIST_SEPARATOR = ", "


def read_json(path: Path, source: TextFile) -> Iterator:
    """The rows of a ``.json`` file: JSON Lines streamed, or one document parsed whole (see the module)."""
    if is_json_lines(source):
        yield from read_json_lines(source)
    else:
        yield from _read_json_document(path)


def is_json_lines(source: TextFile) -> bool:
    """Whether a ``.json`` file is JSON Lines: its first line with text is a whole object and more lines follow,
    or it is broken in the middle of that line (a bad line of JSON Lines is rejected as the others are). A first
    line that starts an array, or an object that goes on over the next lines, begins one document; so does a
    file of one line (a compact export). Two lines are read at most."""
    first = None
    for _number, line, _bad in source.lines():
        if not line.strip():
            continue
        if first is not None:
            return _one_value(first) is not None
        first = line.strip()
        if first.startswith("["):
            return False
    return False


def _one_value(line: str) -> object | None:
    """True when *line* is a whole JSON object, or broken before its end; None when it stops short of its
    end (the first line of a pretty-printed document) or is no object."""
    try:
        return isinstance(json.loads(line), dict) or None
    except json.JSONDecodeError as exc:
        return None if exc.pos >= len(line) else True


def read_json_lines(source: TextFile) -> Iterator:
    """The rows of a JSON Lines file, line by line, each numbered by its line."""
    from elsdesk.ticket_files import RawRow

    loads, decode_error = json.loads, json.JSONDecodeError
    for number, line, bad in source.lines():
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip():
            continue
        if bad:
            yield RawRow(number, None, source.bad_line_reason())
            continue
        try:
            value = loads(line)
        except decode_error as exc:
            yield RawRow(number, None, f"ogiltig JSON ({exc.msg}, kolumn {exc.colno})")
            continue
        if not isinstance(value, dict):
            yield RawRow(number, None, "raden är inte ett JSON-objekt")
            continue
        yield RawRow(number, flat_fields(value))


def _read_json_document(path: Path) -> Iterator:
    """The tickets of a file that is one JSON document, parsed whole (the json module has no incremental
    parser; such exports are small), each numbered by its place in the list."""
    from elsdesk.ticket_files import RawRow

    decoded = decode_file_bytes(path.read_bytes())
    if decoded.bad_lines:
        raise BadInputError(f"{path}:{min(decoded.bad_lines)}: {decoded.bad_line_reason()}")
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        yield RawRow(exc.lineno, None, f"ogiltig JSON ({exc.msg})")
        return
    except RecursionError:
        raise BadInputError(f"{path}: JSON-filen är nästlad för djupt för att vara en ärendeexport") from None
    for number, value in enumerate(ticket_list(document, path), start=1):
        yield RawRow(number, flat_fields(value) if isinstance(value, dict) else None,
                     None if isinstance(value, dict) else "posten är inte ett JSON-objekt")


def ticket_list(document, path: Path | str = "") -> list:
    """The tickets of a JSON document: the document itself when it is an array; the one list of objects
    an object holds (under any key, or one level further in: ``{"result": {"records": [...]}}``); an object
    that names ticket columns and holds no such list is one ticket. BadInputError naming the keys found when
    an object holds several such lists, or none and is no ticket."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise BadInputError(f"{path}: JSON-filen är varken en lista med ärenden eller ett objekt som har en")
    lists = _object_lists(document)
    if not lists:
        lists = [found for value in document.values() if isinstance(value, dict) for found in _object_lists(value)]
    if len(lists) == 1:
        return lists[0][1]
    keys = ", ".join(f"'{str(key)[:40]}'" for key in list(document)[:20])
    if len(lists) > 1:
        names = ", ".join(f"'{str(key)[:40]}'" for key, _items in lists[:10])
        raise BadInputError(f"{path}: JSON-filen har flera listor med objekt ({names}) och vilken som är ärendena"
                            " går inte att avgöra; spara bara ärendena, som en lista [{…}, …] eller ett objekt"
                            " per rad (JSON Lines), och importera igen")
    if _names_ticket_columns(document):
        return [document]
    raise BadInputError(f"{path}: JSON-filen har ingen lista med ärenden; objektet har nycklarna {keys or 'inga'}"
                        " (ärendena ska stå i en lista, t.ex. {\"tickets\": [{…}, …]} eller [{…}, …])")


def _object_lists(value: dict) -> list[tuple[str, list]]:
    """(key, list) for each of *value*'s lists that hold objects (an empty list is no list of tickets)."""
    return [(key, items) for key, items in value.items()
            if isinstance(items, list) and items and all(isinstance(item, dict) for item in items[:100])]


def _names_ticket_columns(value: dict) -> bool:
    """Whether an object's (flattened) keys name a title or a description: one ticket, written as a document."""
    from elsdesk.importer import ticket_fields  # the column names are the importer's

    found = ticket_fields(flat_fields(value))
    return "title" in found or "description" in found


def flat_fields(value: dict, prefix: str = "", depth: int = 0) -> dict:
    """A ticket's fields with its nested objects as dotted names (``{"requester": {"department": "IVA"}}``:
    ``requester.department``), a list of plain values joined as text ("SITHS, Inloggning"), a list holding
    objects or lists, an empty object and objects deeper than :data:`NESTED_DEPTH` left unread (None: the
    import names such a column among those it did not read). A flat ticket comes back as it is."""
    if not prefix and not any(isinstance(item, (dict, list)) for item in value.values()):
        return value
    fields: dict = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, dict) and item and depth < NESTED_DEPTH:
            fields.update(flat_fields(item, name + ".", depth + 1))
        elif isinstance(item, (dict, list)):
            fields[name] = _list_text(item) if isinstance(item, list) else None
        else:
            fields[name] = item
    return fields


def _list_text(items: list) -> str | None:
    """A list of plain values as one text ("a, b"); None when it holds objects or lists."""
    if any(isinstance(item, (dict, list)) for item in items):
        return None
    return LIST_SEPARATOR.join(str(item) for item in items if item not in (None, ""))
