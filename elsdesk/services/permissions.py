"""What each role may do at the desk, checked before a write so the refusal is a clear sentence.

On PostgreSQL the server grants the role (group roles, GRANTs and row-level security enforce
the same rules; this check only words the refusal first). On a local SQLite file the person
who owns the file may do everything from the CLI; the GUI disables actions outside the local
profile's role with :func:`allowed`.
"""

from __future__ import annotations

from elsdesk.domain import NotAllowedError
from elsdesk.services.profile import ELS_SUPPORT, OWNER, SUPER_USER, TRAINING_LEAD, role_name

CONFIRM_LABELS = "confirm_labels"
TRAIN_MODEL = "train_model"
SET_GO_LIVE = "set_go_live"
EDIT_TOPICS = "edit_topics"
LOAD_DEMO = "load_demo"
REMOVE_DEMO = "remove_demo"
CURATE_PROBLEMS = "curate_problems"
ADD_LABELS = "add_labels"
QUEUE_SETTINGS = "queue_settings"
CHECK_LABELS = "check_labels"
REMOVE_TICKETS = "remove_tickets"

_ACTION_TEXT = {
    CONFIRM_LABELS: "bekräfta etiketter i granskningen",
    TRAIN_MODEL: "träna om eller byta aktiv modell",
    SET_GO_LIVE: "ändra go-live-datumet",
    EDIT_TOPICS: "ändra ämnen och utbildningsagendan",
    LOAD_DEMO: "lägga in demodata",
    REMOVE_DEMO: "ta bort demodata",
    CURATE_PROBLEMS: ("skapa eller ändra kända problem (status, lösning), koppla ärenden till dem, eller godta, slå ihop och"
                      " avvisa förslag på dem"),
    ADD_LABELS: "lägga till egna moduler och typer",
    QUEUE_SETTINGS: "ändra var intagsetiketterna står i granskningskön",
    CHECK_LABELS: "söka troliga felmärkningar (superanvändare rättar dem)",
    REMOVE_TICKETS: "ta bort ärenden (ett felregistrerat ärende tas bort av en superanvändare)",
}
_NEEDED = {
    CONFIRM_LABELS: (SUPER_USER,),
    TRAIN_MODEL: (SUPER_USER,),
    SET_GO_LIVE: (TRAINING_LEAD,),
    EDIT_TOPICS: (TRAINING_LEAD,),
    LOAD_DEMO: (OWNER,),
    REMOVE_DEMO: (OWNER,),
    CURATE_PROBLEMS: (SUPER_USER, TRAINING_LEAD),
    ADD_LABELS: (SUPER_USER,),
    QUEUE_SETTINGS: (SUPER_USER,),
    CHECK_LABELS: (SUPER_USER,),
    REMOVE_TICKETS: (SUPER_USER,),
}


def allowed(role: str | None, action: str) -> bool:
    """True when *role* may do *action* (the owner may do everything)."""
    return role == OWNER or role in _NEEDED.get(action, (ELS_SUPPORT, SUPER_USER, TRAINING_LEAD))


def allowed_locally(role: str | None, action: str) -> bool:
    """True when a local profile of *role* may do *action* in the window (None: no profile chosen yet, the
    first start). The file's owner is whoever sits at it: any profile may load demo data (the first start offers
    it, also to the ELS-stöd an Esc at the profile question gives) and take it out again."""
    if action in (LOAD_DEMO, REMOVE_DEMO):
        return True
    return role is not None and allowed(role, action)


def allowed_any(roles, action: str) -> bool:
    """True when one of *roles* (a login in more than one group role) may do *action*."""
    return any(allowed(role, action) for role in roles)


def role_of(database) -> str | None:
    """The role the server gives this login, or None on a local file (the local profile rules)."""
    return database.server_role()


def roles_of(database) -> tuple[str, ...]:
    """Every role the server gives this login (a login may be in two group roles); none on a local file."""
    return database.server_roles()


def may(database, action: str) -> bool:
    """Whether this login may do *action*: on a local file its owner may do everything; on a server, one of the
    login's roles must."""
    roles = roles_of(database)
    return not roles or allowed_any(roles, action)


def require(database, action: str) -> None:
    """Raise NotAllowedError naming the role needed when this login may not do *action*."""
    if may(database, action):
        return
    roles = roles_of(database)
    needed = " eller ".join(role_name(r) for r in _NEEDED[action])
    which = (f"din roll ({role_name(roles[0])})" if len(roles) == 1
             else f"dina roller ({', '.join(role_name(r) for r in roles)})")
    raise NotAllowedError(f"{which} får inte {_ACTION_TEXT[action]}; det får bara {needed.lower()}")


def acting_as(database, actor: str) -> str:
    """Who a decision is recorded for: on a server, a person's login (row-level security checks
    it); the owner and a local file record the name given."""
    role = role_of(database)
    if role is None or role == OWNER:
        return actor
    return database.login_name() or actor
