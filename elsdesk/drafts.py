"""Half-written tickets kept on disk so that a crash loses nothing.

A draft is written (masked) to the user data folder while the user types and removed when
the ticket is saved or cancelled; the next start offers what is left. Each desk has its own
draft (a workstation that opens two desks, a SQLite file and the shared one, must not type one
desk's call into the other's half-written ticket); a draft written before drafts had a desk is
offered on whichever desk opens first.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from elsdesk.masking import mask_fields
from elsdesk.paths import drafts_dir
from elsdesk.region_time import region_now

logger = logging.getLogger(__name__)
DRAFT_FILE = "ticket_draft.json"  # the draft of a desk without a name, and of versions before drafts had a desk
SAVED_AT = "saved_at"  # when the draft was written (the region's time, minutes), to say so when it comes back


def _path(desk: str = "") -> Path:
    if not desk:
        return drafts_dir() / DRAFT_FILE
    return drafts_dir() / f"ticket_draft-{hashlib.sha256(desk.encode('utf-8')).hexdigest()[:16]}.json"


def save_draft(values: dict, desk: str = "") -> None:
    """Write the form's values atomically (identifiers masked) so a crash cannot corrupt it."""
    texts = [k for k, v in values.items() if isinstance(v, str)]  # every text the form holds, masked together
    data = dict(values, **{k: result.text for k, result in zip(texts, mask_fields(*(values[k] for k in texts)))})
    # the region's time, as the tickets are stamped: on a workstation whose clock runs UTC a draft kept a moment ago
    # read an hour old beside tickets saved in the same minute (a GUI tester)
    data[SAVED_AT] = region_now().isoformat(timespec="minutes")
    target = _path(desk)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, target)


def load_draft(desk: str = "") -> dict | None:
    """*desk*'s draft, else one written before drafts had a desk; None when there is none with text."""
    for path in dict.fromkeys((_path(desk), _path())):
        if path.exists():
            return _read(path)
    return None


def _read(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        logger.warning("the saved draft could not be read and is ignored")
        return None
    if not isinstance(data, dict) or not any(str(data.get(k) or "").strip() for k in ("title", "description")):
        return None
    return data


def clear_draft(desk: str = "") -> None:
    """Remove *desk*'s draft (and one written before drafts had a desk, which it was offered)."""
    for path in dict.fromkeys((_path(desk), _path())):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
