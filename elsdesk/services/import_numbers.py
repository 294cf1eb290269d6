"""Rows of an import whose ticket number a different stored ticket has.

Every fresh desk numbers its tickets from ELS-000001, so a workstation's local tickets carry the
numbers of other tickets on the shared desk. A row whose id is stored for a ticket created at
another time is another ticket: it is stored under the desk's next free number, with a warning,
and the number it got is remembered in the desk's settings (by the file's id and the row's
creation time), so that importing the file again updates the ticket the row became.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from elsdesk.domain import Ticket
from elsdesk.importer import same_creation
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.settings import upsert_setting
from elsdesk.storage.tickets import TICKET_NUMBER

if TYPE_CHECKING:
    from elsdesk.services.imports import _LinesByTicket, _Row

logger = logging.getLogger(__name__)
ID_CLASH_SETTING_PREFIX = "import_id_clash:"


@dataclass
class Clash:
    """A row whose id a different stored ticket has (created at another time than the row)."""

    other: Ticket  # the stored ticket with the row's id
    became: Ticket | None  # the ticket an earlier import stored the row as; None: the row is a new ticket
    earlier_line: int = 0  # an earlier row of this file with the same id, stored under a new number (the row is refused)


SAME_REPORT_HOURS = 14  # the furthest two clocks' zones are apart: a time written in UTC without its zone, or local


def same_report(stored: Ticket, row: Ticket) -> bool:
    """Whether a row whose creation time differs from the stored ticket with its id is that ticket all the same: the
    same title and description (both masked) within :data:`SAME_REPORT_HOURS`, as when an export moved every time
    by an hour, written in UTC without its zone, or the desk corrected a time (a contract tester's re-import made
    ten new tickets under numbers the service desk never gave). Another desk's ticket under the same number (every
    desk numbers from ELS-000001) is another report, or one of another day."""
    if not (stored.title or stored.description) or (stored.title, stored.description) != (row.title, row.description):
        return False
    try:
        apart = abs(datetime.fromisoformat(stored.created_at) - datetime.fromisoformat(row.created_at))
    except (TypeError, ValueError):
        return False
    return apart <= timedelta(hours=SAME_REPORT_HOURS)


class IdClashes:
    """The rows of one import whose id is stored for another ticket, and the numbers they are stored
    under instead: remembered in the desk's settings (by the file's id and the row's creation time), so
    that importing the file again updates the ticket each row became rather than making it again."""

    def __init__(self, database: Database, repo: TicketRepository):
        self.database = database
        self.repo = repo
        self._remembered: dict[str, dict[str, str]] = {}  # this batch's: file id -> {creation time: number}
        self._batch_ids: set[str] = set()  # this batch's ids, and the numbers given in it: not given again
        self._highest: int | None = None  # the desk's highest row id before this batch (read when first needed)
        self._last_number = 0

    def find(self, batch: list[_Row], known: dict[str, Ticket], written: _LinesByTicket) -> dict[int, Clash]:
        """{line: clash} for the rows of *batch* whose id *known* holds for a ticket created at another time.
        A ticket this import wrote itself under the id is no clash (the same id twice in a file is refused)."""
        self._batch_ids = {row.ticket.external_id for row in batch}
        self._highest, self._last_number = None, 0
        clashing: dict[int, tuple[_Row, Ticket]] = {}
        for row in batch:
            other = None if row.automatic_id else known.get(row.ticket.external_id)
            if other is None or same_creation(other.created_at, row.ticket.created_at) \
                    or same_report(other, row.ticket):
                continue
            if written.get(other.id) and not written.renumbered(other.id):
                continue  # written by an earlier row of this file under its own id: the same id twice, refused
            # (a ticket this import stored under a new number is no duplicate of a later row carrying that number)
            clashing[row.line] = (row, other)
        self._remembered = self._read_remembered({row.ticket.external_id for row, _other in clashing.values()})
        numbers = {line: self._remembered_number(row) for line, (row, _other) in clashing.items()}
        given = self.repo.external_ids([number for numbers_of in self._remembered.values() for number in numbers_of.values()])
        found = {}
        for line, (row, other) in clashing.items():
            earlier = given.get(numbers[line])
            if earlier is not None and not same_creation(earlier.created_at, row.ticket.created_at):
                earlier = None
            found[line] = Clash(other, earlier, self._earlier_line(row, given, written))
        return found

    def _earlier_line(self, row: _Row, given: dict[str, Ticket], written: _LinesByTicket) -> int:
        """The line of an earlier batch of this import that carried *row*'s id and was stored under a new
        number, 0 if none (within one batch the same id twice is found by the batch itself)."""
        for number in self._remembered.get(row.ticket.external_id, {}).values():
            ticket = given.get(number)
            if ticket is not None and written.renumbered(ticket.id):
                return written.get(ticket.id)
        return 0

    def _read_remembered(self, file_ids: set[str]) -> dict[str, dict[str, str]]:
        """{file id: {creation time: number}} remembered by earlier imports for *file_ids*."""
        keys = sorted(ID_CLASH_SETTING_PREFIX + file_id for file_id in file_ids)
        remembered: dict[str, dict[str, str]] = {}
        for start in range(0, len(keys), 900):
            chunk = keys[start:start + 900]
            sql = f"SELECT key, value FROM settings WHERE key IN ({','.join('?' * len(chunk))})"
            for key, value in self.database.query(sql, chunk):
                try:
                    numbers = json.loads(value)
                except ValueError:
                    logger.warning("setting %s is not JSON; its numbers are forgotten", key)
                    continue
                if isinstance(numbers, dict):
                    remembered[key[len(ID_CLASH_SETTING_PREFIX):]] = numbers
        return remembered

    def _remembered_number(self, row: _Row) -> str | None:
        """The number an earlier import stored *row* under, None if none did."""
        numbers = self._remembered.get(row.ticket.external_id, {})
        exact = numbers.get(row.ticket.created_at)
        if exact:
            return exact
        return next((number for created_at, number in numbers.items()
                     if same_creation(created_at, row.ticket.created_at)), None)

    def renumber(self, conn, row: _Row, position: int, other: Ticket) -> str:
        """Give the new ticket of clashing *row* the desk's next free number, in place, and remember it;
        return the warning. Its number is its row id when free (the batch's new tickets get the row ids
        after the desk's highest, in order: *position* is its place among them), else the next free one."""
        if self._highest is None:
            self._highest = self.database.query("SELECT coalesce(max(id), 0) FROM tickets")[0][0]
        number = max(self._last_number + 1, self._highest + position + 1)
        while TICKET_NUMBER.format(number) in self._batch_ids or self._stored(TICKET_NUMBER.format(number)):
            number += 1
        self._last_number = number
        file_id, created_at = row.ticket.external_id, row.ticket.created_at
        row.ticket.external_id = TICKET_NUMBER.format(number)
        self._batch_ids.add(row.ticket.external_id)
        self._remembered.setdefault(file_id, {})[created_at] = row.ticket.external_id
        upsert_setting(conn, ID_CLASH_SETTING_PREFIX + file_id, json.dumps(self._remembered[file_id], sort_keys=True))
        return _clash_warning(file_id, other, row.ticket.external_id)

    def _stored(self, external_id: str) -> bool:
        return bool(self.database.query("SELECT 1 FROM tickets WHERE external_id = ?", (external_id,)))


def _clash_warning(file_id: str, other: Ticket, number: str) -> str:
    """What the import says about a row stored under a new number because *other* has its id."""
    created = (other.created_at or "okänd tid")[:16].replace("T", " ")
    return f"ärendenummer {file_id} finns redan för ett annat ärende (skapat {created}); raden sparades som nytt ärende {number}"
