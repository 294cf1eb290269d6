"""The local user profile (name and role) and which views each role is offered.

Roles: ELS-stöd (support staff), superanvändare (super-user) and utbildningsansvarig (training
lead). The profile is chosen at first start and can be changed; the name is the actor recorded
in label history and review decisions.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from elsdesk.domain import BadInputError
from elsdesk.storage.profiles import read_profile_file, write_profile_file

ELS_SUPPORT = "els_stod"
SUPER_USER = "superanvandare"
TRAINING_LEAD = "utbildningsansvarig"
OWNER = "agare"  # the role that owns a server desk (IT): every view and action, never chosen locally
ROLES = (ELS_SUPPORT, SUPER_USER, TRAINING_LEAD)
ROLE_NAMES = {
    ELS_SUPPORT: {"sv": "ELS-stöd", "en": "ELS support"},
    SUPER_USER: {"sv": "Superanvändare", "en": "Super-user"},
    TRAINING_LEAD: {"sv": "Utbildningsansvarig", "en": "Training lead"},
    OWNER: {"sv": "Databasägare", "en": "Desk owner"},
}
TICKETS, REVIEW, TRAINING = "tickets", "review", "training"
_VIEWS = {
    ELS_SUPPORT: (TICKETS,),
    SUPER_USER: (TICKETS, REVIEW),
    TRAINING_LEAD: (TICKETS, TRAINING),
    OWNER: (TICKETS, REVIEW, TRAINING),
}


@dataclass(frozen=True)
class Profile:
    name: str
    role: str = ELS_SUPPORT

    @property
    def actor(self) -> str:
        """The name written into label history."""
        return self.name


def role_name(role: str, language: str = "sv") -> str:
    return ROLE_NAMES.get(role, {}).get(language) or ROLE_NAMES.get(role, {}).get("sv") or role


def normalise_role(value: str | None) -> str | None:
    """A role id from an id or a display name in either language (any case), else None."""
    text = (value or "").strip().casefold()
    for role in ROLES:
        if text in (role, *(name.casefold() for name in ROLE_NAMES[role].values())):
            return role
    return None


def views_for(role: str) -> tuple[str, ...]:
    """The views a role is offered, in menu order: 'tickets', 'review', 'training'."""
    return _VIEWS.get(OWNER if role == OWNER else normalise_role(role) or "", (TICKETS,))


MAX_PROFILE_NAME = 80


def make_profile(name: str, role: str) -> Profile:
    """Validate a profile chosen in the dialog; raise BadInputError."""
    name = " ".join((name or "").split())
    if not name:
        raise BadInputError("skriv ditt namn")
    if len(name) > MAX_PROFILE_NAME:
        raise BadInputError(f"namnet får vara högst {MAX_PROFILE_NAME} tecken")
    known = normalise_role(role)
    if known is None:
        raise BadInputError(f"okänd roll '{role}'")
    return Profile(name, known)


def load_profile() -> Profile | None:
    """The saved profile, or None at first start (or when the file is unusable)."""
    data = read_profile_file()
    if not data:
        return None
    try:
        return make_profile(str(data.get("name", "")), str(data.get("role", "")))
    except BadInputError:
        return None


def save_profile(profile: Profile) -> Profile:
    profile = make_profile(profile.name, profile.role)
    write_profile_file(asdict(profile))
    return profile
