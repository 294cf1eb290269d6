"""Where this workstation's desk lives: the choice at first start, kept without any password.

A desk is "den här datorn" (the default SQLite file in the user data folder) or "regionens
server": a ``postgresql://…`` URL or a libpq ``service=NAME`` that IT deploys. What is kept in
the settings is the location alone; a password typed into a URL is split off so the caller can
put it in the OS keyring, and never reaches the settings file or the log.
"""

from __future__ import annotations

import re

from elsdesk.domain import BadInputError
from elsdesk.storage.database import POSTGRES, backend_of

THIS_COMPUTER = ""  # the saved value that means the default local file
_URL_PASSWORD_RE = re.compile(r"^(postgres(?:ql)?://[^:/@]*):([^@]*)@")
_CONNINFO_PASSWORD_RE = re.compile(r"\s*password\s*=\s*\S+", re.IGNORECASE)


def server_location(text: str) -> tuple[str, str | None]:
    """(the location to keep, a password that was typed in it) for a server the user typed."""
    text = (text or "").strip()
    if not text:
        raise BadInputError("skriv serverns adress, t.ex. service=elsdesk eller postgresql://server.region.se/elsdesk")
    if re.fullmatch(r"[\w.-]+", text):
        text = f"service={text}"  # a bare name is the service IT deployed
    if backend_of(text) != POSTGRES:
        raise BadInputError(f"'{text}' är ingen serveradress; skriv service=NAMN eller postgresql://server/databas")
    password = None
    match = _URL_PASSWORD_RE.match(text)
    if match:
        password = match.group(2)
        text = _URL_PASSWORD_RE.sub(r"\1@", text, count=1)
    found = re.search(r"password\s*=\s*(\S+)", text, re.IGNORECASE)
    if found:
        password = found.group(1)
        text = _CONNINFO_PASSWORD_RE.sub("", text).strip()
    return text, password or None


def chosen_target(saved: str | None) -> str | None:
    """The desk to open from a saved choice: None for this computer's default file."""
    return saved or None
