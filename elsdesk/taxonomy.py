"""The label sets (modules, kinds) and the small code lists, loaded from resources/taxonomy.json.

The taxonomy is data, not code: a region may rename, add or retire labels. Ids are stable
ASCII strings; names are shown in Swedish or English. A label may list ``synonyms``: other ways
people write it (reporter roles: "Sjuksköterska", "ssk", "nurse", "RN"; statuses as other ticket
systems export them: "Väntar på kund", "Under arbete", "Closed"), which :meth:`Taxonomy.normalise`
recognises as well as the id and the names, in any case, spacing, punctuation and with or without
å/ä/ö ("Eskalerad (till Cambio)" is "Eskalerad till Cambio").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, fields, replace
from functools import cached_property, lru_cache

from elsdesk.lazy_regex import lazy_compile
from elsdesk.masking import PLACEHOLDER_RE, mask_text
from elsdesk.masking_names import UPPER_LETTERS
from elsdesk.paths import resources_dir


# how loosely an import reads a module or a kind (Taxonomy.read_loosely)
LOOSE_GROUPS = ("modules", "kinds")
LOOSE_ABBREVIATION = 4    # "Vårdadm" of "Vårdadministration"; three letters could be anything
LOOSE_COMPOUND_HEAD = 5   # "Remiss" in "Remisshantering"; "Link" would take "Linköping"
PRODUCT_WORDS = ("cosmic",)
MODULE_WORDS = ("modulen", "modul", "module")
_PARTS = lazy_compile(r"\s*[/|;]\s*|\s+(?:och|and|&)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Label:
    id: str
    sv: str
    en: str
    covers: str = ""
    on_agenda: bool = False
    retired: bool = False
    synonyms: tuple[str, ...] = ()  # other ways people write it; recognised, never shown

    def name(self, language: str = "sv") -> str:
        return self.en if language == "en" else self.sv

    def spellings(self) -> tuple[str, ...]:
        """Everything that names this label: its id, both names and its synonyms."""
        return (self.id, self.sv, self.en, *self.synonyms)


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
        """Map an id, a display name (sv or en) or a synonym of *group* to its id, or None.

        Case and surrounding space never matter; when nothing matches as written, the value is
        compared folded (spacing and punctuation as one space, å/ä/ö as a/a/o), so "AT-läkare",
        "at lakare" and "Sjukskoterska" are recognised too. The first label in the file wins.
        """
        if value is None:
            return None
        text = str(value).strip().casefold()
        if not text:
            return None
        exact, folded = self._spellings[group]
        found = exact.get(text)
        if found is None:
            key = fold(text)
            found = folded.get(key) if key else None
        return found

    def read_loosely(self, group: str, value: str | None) -> str | None:
        """:meth:`normalise`, and for modules and kinds the ways other ticket tools write them (a tester's old
        tool's "Remisshantering", "Vårdadm", "Mätvärden/NEWS", a service desk's "Cosmic - Läkemedel"): two
        names with a slash or "och" (the first that is a label), the product's name before it, "-modulen"
        after it, an abbreviation of one label's spelling only (at least :data:`LOOSE_ABBREVIATION` letters),
        or a compound that begins with a spelling of at least :data:`LOOSE_COMPOUND_HEAD` letters (the longest).
        For an import's module and kind columns; a person's own typing keeps :meth:`normalise`."""
        found = self.normalise(group, value)
        if found or group not in LOOSE_GROUPS or not value:
            return found
        for part in _PARTS.split(str(value)):
            found = self.normalise(group, part) or self._loose_part(group, fold(part))
            if found:
                return found
        return None

    def _loose_part(self, group: str, key: str) -> str | None:
        words = key.split()
        if len(words) > 1 and words[0] in PRODUCT_WORDS:  # "Cosmic Journal", "Cosmic - Läkemedel"
            words = words[1:]
        if len(words) > 1 and words[-1] in MODULE_WORDS:  # "Journal modul"
            words = words[:-1]
        if not words:
            return None
        key = " ".join(words)
        key = next((key[:-len(end)] for end in MODULE_WORDS if key.endswith(end) and len(key) > len(end) + 3), key)
        folded = self._spellings[group][1]
        if key in folded:
            return folded[key]
        if len(key) >= LOOSE_ABBREVIATION:
            named = {label for spelling, label in folded.items() if spelling.startswith(key)}
            if len(named) == 1:
                return named.pop()
        heads = [spelling for spelling in folded if len(spelling) >= LOOSE_COMPOUND_HEAD and " " not in spelling
                 and key.startswith(spelling)]
        return folded[max(heads, key=len)] if heads else None

    def display_name(self, group: str, value: str | None, language: str = "sv") -> str:
        """What a person reads for a stored *value* of *group*: the label's name when the value is an
        id or is recognised by :meth:`normalise` (free text stored before a synonym was known),
        otherwise the value as written (a reporter role as :meth:`written_role` reads it: a name stored beside
        a role before it did is not shown)."""
        if not value:
            return ""
        labels = getattr(self, group)
        label_id = value if any(label.id == value for label in labels) else self.normalise(group, value)
        if label_id is None and group == "reporter_roles":
            written = self.written_role(value)[0]
            label_id = written if any(label.id == written for label in labels) else None
            value = written
        return _name_in(labels, label_id, language) if label_id else str(value)

    def written_role(self, written: str) -> tuple[str, int]:
        """(the reporter role stored for a *written* role, identifiers masked in it): the id of the role or of
        one of its words ("Ssk Lisa Testsson", "Testsson, usk", "AT-läkare Testsson": a name typed beside the role,
        which no export may carry, a privacy officer found in the agenda's "Anmäls av"), else the text as written
        (masked, at most 60 characters) when it reads as a role, with no capitalised word after its first
        ("kurator", "Medicinsk fotograf"); else :data:`OTHER_ROLE`."""
        role = self.normalise("reporter_roles", written)
        if role is None:
            role = next((found for part in _ROLE_PARTS_RE.split(written)
                         if part and (found := self.normalise("reporter_roles", part))), None)
        if role is not None:
            return role, 0
        masked = mask_text(written)
        if _NAME_AFTER_FIRST_WORD_RE.search(masked.text.strip()) or PLACEHOLDER_RE.search(masked.text):
            return OTHER_ROLE, masked.total
        return masked.text[:60], masked.total

    def display_names(self, group: str, values, language: str = "sv") -> dict[str, str]:
        """{value: :meth:`display_name`} for stored *values* of *group* (for a view or an export that
        shows many, e.g. the reporter roles of a week's topics)."""
        return {value: self.display_name(group, value, language) for value in values if value}

    @cached_property
    def _spellings(self) -> dict[str, tuple[dict[str, str], dict[str, str]]]:
        """Per group: every spelling casefolded, and folded (see :func:`fold`), to its label's id. A label's
        id and names come before every synonym: a desk's own kind "Utbildningsbehov" is that kind, not the
        shipped kind that lists "utbildningsbehov" among its synonyms (a tester's finding)."""
        index = {}
        for group in (f.name for f in fields(self)):
            exact: dict[str, str] = {}
            folded: dict[str, str] = {}
            labels = getattr(self, group)
            named = [(label, (label.id, label.sv, label.en)) for label in labels]
            for label, spellings in named + [(label, label.synonyms) for label in labels]:
                for spelling in spellings:
                    exact.setdefault(spelling.strip().casefold(), label.id)
                    key = fold(spelling)
                    if key:
                        folded.setdefault(key, label.id)
            index[group] = (exact, folded)
        return index


_NOT_A_LETTER = lazy_compile(r"[\W_]+")


def fold(text: str) -> str:
    """*text* as compared loosely: casefolded, accents dropped (å, ä → a; ö → o), every run of
    spaces, punctuation and underscores one space."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_A_LETTER.sub(" ", plain).strip()


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
            synonyms=tuple(str(synonym) for synonym in item.get("synonyms") or ()),
        )
        for item in raw
    )


OTHER_ROLE = "annan"  # the taxonomy's role for everyone else ("Annan")
_ROLE_PARTS_RE = lazy_compile(r"[,;/()]|\s+")
_NAME_AFTER_FIRST_WORD_RE = lazy_compile(rf"\s[{UPPER_LETTERS}]")  # a capital after the first word: a name


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
