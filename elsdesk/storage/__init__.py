"""Storage: the SQLite database, its migrations and the repositories that return domain objects."""

from elsdesk.storage.database import Database, open_database
from elsdesk.storage.tickets import TicketRepository

__all__ = ["Database", "open_database", "TicketRepository"]
