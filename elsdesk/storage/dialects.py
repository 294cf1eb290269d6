"""The few SQL pieces that differ between SQLite and PostgreSQL, one small class per engine.

Everything else in the repositories is written once: ``?`` placeholders, ``RETURNING``,
``ON CONFLICT``, ``IS NOT DISTINCT FROM``. What is left here: full-text search, case-free
sort, two-argument min/max, string aggregation and where NULLs sort.
"""

from __future__ import annotations

from elsdesk.storage import search_text


class Dialect:
    name = ""

    def text_match(self, text: str) -> tuple[str, str] | None:
        """(a WHERE clause over ``tickets`` with one ``?``, its parameter) for a free-text search."""
        raise NotImplementedError

    def nocase(self, column: str) -> str:
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

    def nocase(self, column):
        return f"{column} COLLATE NOCASE"

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

    def nocase(self, column):
        return f"lower({column})"

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
