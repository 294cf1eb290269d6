"""Storage: the desk database (SQLite or PostgreSQL), its migrations and the repositories that return domain objects."""

from elsdesk.storage.database import Database, backend_of, open_database
from elsdesk.storage.tickets import TicketRepository

__all__ = ["Database", "backend_of", "open_database", "TicketRepository"]
