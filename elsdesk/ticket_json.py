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

import itertools
import json
import re
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
    parser; such exports are small), each numbered by the line it starts on (:func:`item_lines`)."""
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
    tickets = ticket_list(document, path)
    for number, value in zip(item_lines(decoded.text, tickets), tickets):
        yield RawRow(number, flat_fields(value) if isinstance(value, dict) else None,
                     None if isinstance(value, dict) else "posten är inte ett JSON-objekt")


def item_lines(text: str, items: list) -> list[int]:
    """The line each of *items* (a list parsed from the JSON document *text*) starts on, so that a message names
    the line a person finds it on ("rad 2" of a Jira export was its "startAt", the second ticket on line 34); the
    items' places in the list (1, 2, …) when the list is not found in the text again or two items share a line
    (a compact export on one line)."""
    places = list(range(1, len(items) + 1))
    start = _list_start(text, items)
    if start is None:
        return places
    decoder, lines, counted, position = json.JSONDecoder(), [], 0, start + 1
    for item in items:
        position = _past_blanks(text, position)
        lines.append((lines[-1] if lines else 1) + text.count("\n", counted, position))
        counted = position
        value, position = decoder.raw_decode(text, position)
        if value != item:  # not the list it seemed to be after all
            return places
        position = _past_blanks(text, position) + 1  # past the comma
    return lines if len(set(lines)) == len(lines) else places


_BLANKS = re.compile(r"[ \t\r\n]*")
_KEY_OF_LIST = re.compile(r'"(?:[^"\\]|\\.)*"\s*:\s*\[')  # "key": [ (a key may hold escaped quotes)


def _past_blanks(text: str, position: int) -> int:
    return _BLANKS.match(text, position).end()


def _list_start(text: str, items: list) -> int | None:
    """Where the list *items* seems to start in *text* (its "["): the document itself, or the first list under a
    key whose first item is the list's (a key of that name may also stand deeper in, inside a ticket)."""
    if not items:
        return None
    decoder = json.JSONDecoder()
    first = _past_blanks(text, 0)
    candidates = [first] if text.startswith("[", first) else (
        match.end() - 1 for match in itertools.islice(_KEY_OF_LIST.finditer(text), 1000))
    for start in candidates:
        try:
            value, _end = decoder.raw_decode(text, _past_blanks(text, start + 1))
        except json.JSONDecodeError:
            continue
        if value == items[0]:
            return start
    return None


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
    if not prefix:
        for item in value.values():  # a loop, not any() over a generator: this runs for every row of a file
            if isinstance(item, (dict, list)):
                break
        else:
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
