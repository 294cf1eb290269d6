"""Keyset paging of the ticket list: the first screenful of a filter and sort without sorting the whole desk.

:meth:`TicketRepository.query_ids` fetches and sorts every matching id (255,000 of them for a two-letter
search at a million tickets) before the list can show a row. A :class:`TicketPager` answers the rows a
screen needs: ``page(flt, limit)`` returns the first *limit* tickets in exactly the order ``query_ids``
would give them, and ``page(flt, limit, after=ticket)`` the ones after *ticket* ("keyset" or "seek"
paging: a ``WHERE (sort value, id) < (…)`` condition the sort index can answer, never an OFFSET).

The common case, a free-text search shown newest first on SQLite, needs more than SQL: SQLite cannot walk
the date index and the FTS5 index together, so it would collect every match before sorting. Here the
FTS5 matches are read newest id first, a chunk at a time, until the page is full; because tickets are
mostly stored in the order they were created, those are nearly always the newest matches. A second,
cheap query on the date index then finds the tickets the id order could have hidden (stored earlier
but created later than the page's last row) and merges those that match, so the answer is exact for
any storage order. When that check would cost more than sorting (a desk imported in random order),
the pager falls back to the plain query.

PostgreSQL plans a search with ``ORDER BY … LIMIT`` itself, but for a word missing from its
statistics it guesses that a prefix matches 5,000 tickets, and then walks the whole date index
backwards testing every ticket when the word is rare or absent (two seconds at a million tickets).
So a newest-first search there first tests only the newest :data:`RECENT_WINDOW` tickets; when they
hold a full page, that page is the answer (no older ticket can come before them). When they hold
part of one, the share found says how many newest tickets a page needs; when that is more than
:data:`MAX_RECENT_WINDOW`, the matches are rare and are collected through the text index and sorted.
"""

from __future__ import annotations

import json
from dataclasses import replace

from elsdesk.domain import Ticket, TicketFilter
from elsdesk.storage import search_text
from elsdesk.storage.database import Database
from elsdesk.storage.tickets import _CASE_FREE, _NULLABLE, _SELECT, SORTABLE, TicketRepository, _row_to_ticket

FIRST_CHUNK = 400          # FTS5 matches read in the first round of the newest-first search; each round reads 4x more
MAX_STRAGGLERS = 5_000     # tickets stored out of date order that the newest-first search will check one range for
MAX_STRAGGLER_SPAN = 200_000  # the widest id range those may span before sorting all matches is cheaper
RECENT_WINDOW = 5_000      # PostgreSQL: the newest tickets a newest-first search tests first
MAX_RECENT_WINDOW = 60_000  # PostgreSQL: the most it tests before it asks the text index for every match
# the columns a filter can test (TicketRepository._where), so the newest tickets are read narrow
_FILTER_COLUMNS = ("id", "created_at", "search_vector", "status", "module", "kind", "iso_week", "label_source")


class TicketPager:
    """Pages of tickets for a :class:`TicketFilter`, in the same order as ``TicketRepository.query_ids``."""

    def __init__(self, database: Database):
        self.database = database
        self._repo = TicketRepository(database)

    def page(self, flt: TicketFilter = TicketFilter(), limit: int = 200, after: Ticket | None = None) -> list[Ticket]:
        """The first *limit* tickets matching *flt* in its sort order, after *after* when given."""
        if limit <= 0:
            return []
        if after is None and self._newest_first_search(flt):
            if self.database.sql.name == "postgres":
                return self._with_numbered(flt, self._postgres_newest_first(flt, limit), limit)
            ids = self._search_newest_first(flt, limit)
            if ids is not None:
                return self._with_numbered(flt, self._repo.fetch_many(ids), limit)
        where, params = self._repo._where(flt)
        column = self._sort_column(flt)
        if after is not None:
            seek, seek_params = self._after(flt, column, after)
            where = (where + " AND " if where else " WHERE ") + seek
            params = [*params, *seek_params]
        rows = self.database.query(f"{_SELECT}{where} ORDER BY {self._order(flt, column)} LIMIT ?", [*params, limit])
        return [_row_to_ticket(row) for row in rows]

    def _with_numbered(self, flt: TicketFilter, page: list[Ticket], limit: int) -> list[Ticket]:
        """*page* of a newest-first text search with the ticket whose number was typed in its place:
        the text index, which the fast paths read, holds no ticket numbers."""
        numbered = [i for i in self._repo.numbered_ids(flt.text) if flt.ids is None or i in flt.ids]
        if not numbered:
            return page
        shown = {ticket.id for ticket in page}
        extra = [ticket for ticket in self.page(replace(flt, text=None, ids=numbered), limit) if ticket.id not in shown]
        return sorted(page + extra, key=lambda ticket: (ticket.created_at, ticket.id), reverse=True)[:limit]

    # -- the plain keyset query -------------------------------------------------------------
    @staticmethod
    def _sort_column(flt: TicketFilter) -> str:
        return flt.sort if flt.sort in SORTABLE else "created_at"

    def _expression(self, column: str) -> str:
        return self.database.sql.sort_key(column) if column in _CASE_FREE else column

    def _order(self, flt: TicketFilter, column: str) -> str:
        dialect = self.database.sql
        direction = "DESC" if flt.descending else "ASC"
        return (dialect.order(self._expression(column), flt.descending, nullable=column in _NULLABLE)
                + f", id {direction}")

    def _after(self, flt: TicketFilter, column: str, after: Ticket) -> tuple[str, list]:
        """The condition 'comes after *after* in this order'. NULLs sort first ascending and last
        descending, on both engines (see the dialects)."""
        value = getattr(after, column)
        expression = self._expression(column)
        key = self.database.sql.sort_key("?") if column in _CASE_FREE else "?"
        before, tie = ("<", "<") if flt.descending else (">", ">")
        if value is None:
            if flt.descending:  # NULLs come last: only NULLs with a smaller id follow
                return f"({column} IS NULL AND id {tie} ?)", [after.id]
            return f"(({column} IS NULL AND id {tie} ?) OR {column} IS NOT NULL)", [after.id]
        condition = f"({expression} {before} {key} OR ({expression} = {key} AND id {tie} ?)"
        params = [value, value, after.id]
        if flt.descending and column in _NULLABLE:
            condition += f" OR {column} IS NULL"
        return condition + ")", params

    # -- the newest-first free-text search on SQLite ---------------------------------------
    def _newest_first_search(self, flt: TicketFilter) -> bool:
        """A free-text search shown newest first: the case each engine answers its own way."""
        return (flt.descending and self._sort_column(flt) == "created_at"
                and self.database.sql.text_match(flt.text) is not None)

    def _search_newest_first(self, flt: TicketFilter, limit: int) -> list[int] | None:
        """The ids of the *limit* newest tickets matching *flt*, or None when sorting every match is cheaper."""
        match = search_text.fts5_query(flt.text)
        others, other_params = self._repo._where(TicketFilter(
            status=flt.status, module=flt.module, kind=flt.kind, week=flt.week,
            unconfirmed_only=flt.unconfirmed_only, ids=flt.ids))
        others = others.replace(" WHERE ", " AND ", 1)
        candidates: list[tuple[str, int]] = []   # (created_at, id) of matching tickets read so far
        lowest_read: int | None = None           # every match with an id at or above this has been read
        chunk = FIRST_CHUNK
        while True:
            bound = "" if lowest_read is None else " AND rowid < ?"
            rowids = [row[0] for row in self.database.query(
                f"SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?{bound} ORDER BY rowid DESC LIMIT ?",
                [match, *([] if lowest_read is None else [lowest_read]), chunk])]
            if rowids:
                candidates.extend(self._created(rowids, others, other_params))
                lowest_read = rowids[-1]
            if len(rowids) < chunk:  # every match has been read
                return [ticket_id for _, ticket_id in sorted(candidates, reverse=True)[:limit]]
            if len(candidates) >= limit:
                candidates = sorted(candidates, reverse=True)[:limit]
                return self._merge_stragglers(candidates, lowest_read, match, others, other_params, limit)
            chunk *= 4

    def _created(self, ids: list[int], others: str, other_params: list) -> list[tuple[str, int]]:
        rows = self.database.query(
            f"SELECT created_at, id FROM tickets WHERE id IN (SELECT value FROM json_each(?)){others}",
            [json.dumps(ids), *other_params])
        return [(created, ticket_id) for created, ticket_id in rows]

    def _merge_stragglers(self, page: list[tuple[str, int]], lowest_read: int, match: str, others: str,
                          other_params: list, limit: int) -> list[int] | None:
        """Add the matching tickets stored before *lowest_read* but created after the page's last row."""
        last_created = page[-1][0]
        stragglers = self.database.query(
            f"SELECT created_at, id FROM tickets WHERE created_at > ? AND id < ?{others} LIMIT ?",
            [last_created, lowest_read, *other_params, MAX_STRAGGLERS + 1])
        if not stragglers:
            return [ticket_id for _, ticket_id in page]
        if len(stragglers) > MAX_STRAGGLERS:
            return None
        low, high = min(s[1] for s in stragglers), max(s[1] for s in stragglers)
        if high - low > MAX_STRAGGLER_SPAN:
            return None
        matching = {row[0] for row in self.database.query(
            "SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? AND rowid >= ? AND rowid <= ?", [match, low, high])}
        merged = page + [s for s in stragglers if s[1] in matching]
        return [ticket_id for _, ticket_id in sorted(merged, reverse=True)[:limit]]

    # -- the newest-first free-text search on PostgreSQL -----------------------------------
    def _postgres_newest_first(self, flt: TicketFilter, limit: int) -> list[Ticket]:
        """Test the newest tickets first (a few thousand, then as many as the share of matches found
        there says a page needs); when that would mean testing too many, the matches are rare:
        collect them through the text index and sort them."""
        ids = self._matches_among_newest(flt, RECENT_WINDOW, limit)
        if len(ids) < limit and ids:
            needed = int(RECENT_WINDOW * limit / len(ids) * 1.5)
            if needed <= MAX_RECENT_WINDOW:
                ids = self._matches_among_newest(flt, needed, limit)
        if len(ids) < limit:
            ids = self._every_match_sorted(flt, limit)
        return self._repo.fetch_many(ids)

    def _matches_among_newest(self, flt: TicketFilter, window: int, limit: int) -> list[int]:
        where, params = self._repo._where(flt)
        order = self._order(flt, "created_at")
        columns = ", ".join(_FILTER_COLUMNS)
        rows = self.database.query(
            f"SELECT id FROM (SELECT {columns} FROM tickets ORDER BY {order} LIMIT ?) AS tickets{where}"
            f" ORDER BY {order} LIMIT ?", [window, *params, limit])
        return [row[0] for row in rows]

    def _every_match_sorted(self, flt: TicketFilter, limit: int) -> list[int]:
        where, params = self._repo._where(flt)
        order = self._order(flt, "created_at")
        match, match_param = self.database.sql.text_match(flt.text)
        columns = ", ".join(_FILTER_COLUMNS)
        rows = self.database.query(  # OFFSET 0 keeps the planner from walking the date index instead
            f"SELECT id FROM (SELECT {columns} FROM tickets WHERE {match} OFFSET 0) AS tickets{where}"
            f" ORDER BY {order} LIMIT ?", [match_param, *params, limit])
        return [row[0] for row in rows]
