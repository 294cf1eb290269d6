"""The few SQL pieces that differ between SQLite and PostgreSQL, one small class per engine.

Everything else in the repositories is written once: ``?`` placeholders, ``RETURNING``,
``ON CONFLICT``, ``IS NOT DISTINCT FROM``. What is left here: full-text search, the text sort
order, two-argument min/max, string aggregation and where NULLs sort.

Text columns sort as a Swede expects, the same on both engines: case-free, Å, Ä, Ö after Z in that
order, É with E and Ü with Y. Neither engine has that order built in everywhere
(SQLite's NOCASE folds A–Z only and puts Ä before Å; a PostgreSQL database may have any collation),
so the sort key (:mod:`elsdesk.swedish_order`, the same as Python's) writes å, ä, ö as the three
characters that follow "z" in byte order and compares bytes. No index holds the key: a sort by
title or unit reads the matches, as before.
"""

from __future__ import annotations

from elsdesk.storage import search_text
from elsdesk.swedish_order import SWEDISH_SORT_LETTERS


def _replaced(expression: str, letters) -> str:
    for letter, sorts_as in letters:
        expression = f"replace({expression}, '{letter}', '{sorts_as}')"
    return expression


class Dialect:
    name = ""

    def text_match(self, text: str) -> tuple[str, str] | None:
        """(a WHERE clause over ``tickets`` with one ``?``, its parameter) for a free-text search."""
        raise NotImplementedError

    def sort_key(self, column: str) -> str:
        """The expression a text *column* (or a ``?``) sorts by: case-free, in Swedish alphabetical order."""
        raise NotImplementedError

    def greatest(self, a: str, b: str) -> str:
        raise NotImplementedError

    def least(self, a: str, b: str) -> str:
        raise NotImplementedError

    def string_agg(self, expression: str, separator_char: int) -> str:
        """Join *expression* over a group with the character *separator_char* (in the rows' order)."""
        raise NotImplementedError

    def order(self, expression: str, descending: bool, nullable: bool = True) -> str:
        """An ORDER BY term where NULLs sort as SQLite sorts them (first ascending, last descending).
        A NOT NULL column says so (*nullable* False), so PostgreSQL can read its index backwards."""
        raise NotImplementedError


class SQLiteDialect(Dialect):
    name = "sqlite"

    def text_match(self, text):
        query = search_text.fts5_query(text)
        if query is None:
            return None
        return "id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?)", query

    def sort_key(self, column):
        # lower() of SQLite folds A-Z only: both cases of each letter are replaced, NOCASE folds the rest
        letters = [(case(letter), sorts_as) for letter, sorts_as in SWEDISH_SORT_LETTERS for case in (str.lower, str.upper)]
        return f"{_replaced(column, letters)} COLLATE NOCASE"

    def greatest(self, a, b):
        return f"max({a}, {b})"

    def least(self, a, b):
        return f"min({a}, {b})"

    def string_agg(self, expression, separator_char):
        return f"group_concat({expression}, char({separator_char}))"

    def order(self, expression, descending, nullable=True):
        return f"{expression} {'DESC' if descending else 'ASC'}"


class PostgresDialect(Dialect):
    name = "postgres"

    def text_match(self, text):
        query = search_text.tsquery(text)
        if query is None:
            return None
        return "search_vector @@ to_tsquery('simple', ?)", query

    def sort_key(self, column):
        # lower() folds every letter under the database's character type (checked at open), "C" compares bytes
        return f'{_replaced(f"lower({column})", SWEDISH_SORT_LETTERS)} COLLATE "C"'

    def greatest(self, a, b):
        return f"greatest({a}, {b})"

    def least(self, a, b):
        return f"least({a}, {b})"

    def string_agg(self, expression, separator_char):
        return f"string_agg({expression}, chr({separator_char}))"

    def order(self, expression, descending, nullable=True):
        if not nullable:
            return f"{expression} {'DESC' if descending else 'ASC'}"
        return f"{expression} {'DESC NULLS LAST' if descending else 'ASC NULLS FIRST'}"


SQLITE_DIALECT = SQLiteDialect()
POSTGRES_DIALECT = PostgresDialect()
