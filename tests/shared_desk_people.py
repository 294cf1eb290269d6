"""A shared desk on the test PostgreSQL server with logins for people in the app's roles (tests of
what the server lets each role do)."""

from __future__ import annotations

from conftest import sample_rows, write_jsonl
from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database


def as_login(url: str, login: str, password: str) -> str:
    """*url* (the owner's, ``postgres@``) as *login* with *password*."""
    return url.replace("postgres@", f"{login}:{password}@")


def desk_with_people(pg_server, url: str, folder, people: dict[str, str], password: str, tickets: int):
    """Create a login per person (login -> group role) on the desk at *url*, import *tickets* unlabelled
    sample tickets as the owner, and return a function that opens the desk as one of them (its
    ``url`` attribute is the owner's)."""
    for login, group in people.items():
        pg_server.create_login(login, password, group)
    with open_database(url) as owner:
        import_tickets(owner, write_jsonl(folder / "t.jsonl", [
            {k: v for k, v in row.items() if k not in ("module", "kind")} for row in sample_rows(tickets)]))

    def as_person(login: str):
        return open_database(as_login(url, login, password))

    as_person.url = url
    return as_person
