"""The desk's own labels: module and kind labels a region adds to the shipped taxonomy.

The shipped taxonomy (resources/taxonomy.json) is the same at every desk; a region's additions
belong to its desk and live in the desk's settings (key ``taxonomy.additions``, JSON), so every
workstation of a shared desk offers them and confirmed tickets carrying them train the next model.
"""

from __future__ import annotations

import json
import logging

from elsdesk.domain import BadInputError
from elsdesk.lazy_regex import lazy_compile
from elsdesk.masking import mask
from elsdesk.services.permissions import ADD_LABELS, require
from elsdesk.storage import Database
from elsdesk.storage.settings import SettingsRepository, upsert_setting
from elsdesk.taxonomy import Taxonomy, fold, load_taxonomy

logger = logging.getLogger(__name__)
ADDITIONS_KEY = "taxonomy.additions"
GROUPS = {"module": "modules", "kind": "kinds"}
_ID_RE = lazy_compile(r"[a-z][a-z0-9_]{1,39}")
MAX_NAME = 60  # characters of a label's name: it must fit a picker, a chart's legend and an export column
MAX_COVERS = 300
GROUP_WORDS = {"modules": "en modul", "kinds": "en typ"}


def desk_additions(database: Database) -> dict:
    """The desk's added labels ({"modules": [...], "kinds": [...]}); an unreadable setting counts as none."""
    text = SettingsRepository(database).get(ADDITIONS_KEY)
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        logger.warning("setting %s is not JSON; the desk's own labels are ignored", ADDITIONS_KEY)
        return {}
    return value if isinstance(value, dict) else {}


def desk_taxonomy(database: Database) -> Taxonomy:
    """The shipped taxonomy with the desk's own labels added."""
    return load_taxonomy().with_additions(desk_additions(database))


def check_lengths(sv: str, en: str | None, covers: str) -> None:
    """BadInputError for a name longer than MAX_NAME characters or a description longer than MAX_COVERS."""
    for name, language in ((sv, "svenska"), (en or "", "engelska")):
        if len(name) > MAX_NAME:
            raise BadInputError(f"namnet på {language} är {len(name)} tecken; högst {MAX_NAME} får plats i listor"
                                " och diagram, så välj ett kortare namn och beskriv resten med --covers")
    if len(covers) > MAX_COVERS:
        raise BadInputError(f"beskrivningen (--covers) är {len(covers)} tecken; högst {MAX_COVERS} ryms")


def refuse_used_id(taxonomy: Taxonomy, label_id: str) -> None:
    """BadInputError when *label_id* is the id of any label, module or kind, shipped or the desk's
    own (retired ones too): a ticket, an export or a model names its labels by id alone."""
    for key, word in GROUP_WORDS.items():
        for label in getattr(taxonomy, key):
            if label.id == label_id:
                raise BadInputError(f"id:t '{label_id}' används redan av {word} ({label.name('sv')});"
                                    " välj ett annat id")


def add_label(database: Database, group: str, label_id: str, sv: str, en: str | None = None, covers: str = "") -> Taxonomy:
    """Add a module or kind label (*group* "module" or "kind") to the desk; a super-user's decision.

    The id is stable ASCII (lower-case letters, digits, _); the names are shown in the lists."""
    require(database, ADD_LABELS)
    if group not in GROUPS:
        raise BadInputError(f"okänd etikettgrupp '{group}'; välj module eller kind")
    label_id = (label_id or "").strip()
    if not _ID_RE.fullmatch(label_id):
        raise BadInputError(f"'{label_id}' duger inte som id: använd 2–40 små bokstäver a–z, siffror och _")
    sv, en, covers = (mask(text.strip()) if text else "" for text in (sv, en, covers))  # stored and shown: no identifiers
    if not sv:
        raise BadInputError("etiketten behöver ett svenskt namn")
    check_lengths(sv, en, covers)
    refuse_used_id(desk_taxonomy(database), label_id)
    key = GROUPS[group]
    existing = getattr(desk_taxonomy(database), key)
    for label in existing:  # two labels of one name cannot be told apart in a picker, a chart or an export
        if {fold(sv), fold(en or sv)} & {fold(label.name("sv")), fold(label.name("en"))}:
            raise BadInputError(f"namnet '{sv}' har redan etiketten '{label.id}' ({label.name('sv')}); välj ett annat namn")
    with database.write() as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (ADDITIONS_KEY,)).fetchone()
        try:
            additions = json.loads(row[0]) if row else {}
        except ValueError:
            additions = {}
        item = {"id": label_id, "sv": sv, "en": en or sv}
        if covers:
            item["covers"] = covers
        additions.setdefault(key, []).append(item)
        upsert_setting(conn, ADDITIONS_KEY, json.dumps(additions, ensure_ascii=False))
    return desk_taxonomy(database)
