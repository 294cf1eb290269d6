"""A model version as people read it: the id "20261204-221305" (when it was trained, region time) shown as
"2026-12-04 22:13", the way the window writes a date and time everywhere. No Qt: the ticket list's label
history uses it before scikit-learn or Qt Charts are loaded."""

from __future__ import annotations

from elsdesk.lazy_regex import lazy_compile

# new_version() in elsdesk.ml.store: "%Y%m%d-%H%M%S", plus "b" for every version already made that second
_VERSION_ID = lazy_compile(r"(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(b*)")


def version_moment(version) -> str:
    """*version* as a date and time ("2026-12-04 22:13"); any other id (the shipped model's, an imported
    one) unchanged. A second version of the same second keeps its mark ("2026-12-04 22:13 b")."""
    text = str(version or "")
    found = _VERSION_ID.fullmatch(text)
    if not found:
        return text
    year, month, day, hour, minute, _second, again = found.groups()
    moment = f"{year}-{month}-{day} {hour}:{minute}"
    return f"{moment} {again}" if again else moment
