"""The label sets (modules, kinds) and the small code lists, loaded from resources/taxonomy.json.

The taxonomy is data, not code: a region may rename, add or retire labels. Ids are stable
ASCII strings; names are shown in Swedish or English.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache

from elsdesk.paths import resources_dir


@dataclass(frozen=True)
class Label:
    id: str
    sv: str
    en: str
    covers: str = ""
    on_agenda: bool = False
    retired: bool = False

    def name(self, language: str = "sv") -> str:
        return self.en if language == "en" else self.sv


@dataclass(frozen=True)
class Taxonomy:
    modules: tuple[Label, ...]
    kinds: tuple[Label, ...]
    statuses: tuple[Label, ...]
    priorities: tuple[Label, ...]
    channels: tuple[Label, ...]
    reporter_roles: tuple[Label, ...]
    escalations: tuple[Label, ...]

    @property
    def module_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.modules if not m.retired)

    @property
    def kind_ids(self) -> tuple[str, ...]:
        return tuple(k.id for k in self.kinds if not k.retired)

    def name_of(self, group: str, label_id: str | None, language: str = "sv") -> str:
        """Display name of *label_id* in *group* ("modules", "channels", ...); the id if unknown."""
        return _name_in(getattr(self, group), label_id, language)

    def module_name(self, module_id: str | None, language: str = "sv") -> str:
        return _name_in(self.modules, module_id, language)

    def kind_name(self, kind_id: str | None, language: str = "sv") -> str:
        return _name_in(self.kinds, kind_id, language)

    def status_name(self, status_id: str | None, language: str = "sv") -> str:
        return _name_in(self.statuses, status_id, language)

    def with_additions(self, additions: dict | None) -> "Taxonomy":
        """This taxonomy plus a desk's own module and kind labels ({"modules": [...], "kinds": [...]},
        each item like the JSON file's); an addition with a known id is ignored."""
        if not additions:
            return self
        changes = {}
        for group in ("modules", "kinds"):
            known = {label.id for label in getattr(self, group)}
            extra = [label for label in _labels(additions.get(group) or []) if label.id not in known]
            if extra:
                changes[group] = getattr(self, group) + tuple(extra)
        return replace(self, **changes) if changes else self

    def normalise(self, group: str, value: str | None) -> str | None:
        """Map an id or a display name (any case, sv or en) of *group* to its id, or None."""
        if value is None:
            return None
        text = str(value).strip().casefold()
        if not text:
            return None
        for label in getattr(self, group):
            if text in (label.id.casefold(), label.sv.casefold(), label.en.casefold()):
                return label.id
        return None


def _name_in(labels: tuple[Label, ...], label_id: str | None, language: str) -> str:
    if not label_id:
        return ""
    for label in labels:
        if label.id == label_id:
            return label.name(language)
    return label_id


def _labels(raw: list[dict]) -> tuple[Label, ...]:
    return tuple(
        Label(
            id=item["id"],
            sv=item["sv"],
            en=item.get("en", item["sv"]),
            covers=item.get("covers", ""),
            on_agenda=bool(item.get("on_agenda", False)),
            retired=bool(item.get("retired", False)),
        )
        for item in raw
    )


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    data = json.loads((resources_dir() / "taxonomy.json").read_text(encoding="utf-8"))
    return Taxonomy(
        modules=_labels(data["modules"]),
        kinds=_labels(data["kinds"]),
        statuses=_labels(data["statuses"]),
        priorities=_labels(data["priorities"]),
        channels=_labels(data["channels"]),
        reporter_roles=_labels(data["reporter_roles"]),
        escalations=_labels(data["escalations"]),
    )
