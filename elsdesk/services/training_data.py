"""What a retrain learns from and what it is judged on: the desk's labelled tickets by source.

Training weighs a label by where it came from: a super-user's confirmation in the review queue
(or an import of confirmed labels) counts most, a label the logging person set or accepted at
intake counts as much as a seed ticket, and the model's own guess never counts. The new model is
judged on the newest confirmed tickets that the active model was not trained on (labelled after
it was trained), held out of the new model's training too.

The demo desk's made-up tickets (external ids ``DEMO-…``) carry labels as if confirmed; the model
learns from them, but they are counted apart, never as tickets people confirmed or labelled here.
"""

from __future__ import annotations

from dataclasses import dataclass

from elsdesk.domain import HUMAN, INTAKE, MODEL
from elsdesk.storage import Database, TicketRepository
from elsdesk.storage.demo import DEMO_PREFIX

WEIGHTS = {HUMAN: 2.0, INTAKE: 1.0}  # the seed corpus weighs 1.0; the model's own labels are never used
EVALUATION_SHARE = 0.2
MIN_EVALUATION = 30
MAX_EVALUATION = 2000


@dataclass
class TrainingData:
    rows: list[dict]  # every labelled row the final model learns from
    train: list[dict]  # the rows the candidate learns from (rows minus evaluation)
    evaluation: list[dict]  # the newest confirmed tickets neither model was trained on
    eligible: int  # confirmed tickets the active model was not trained on

    @property
    def confirmed(self) -> int:
        """Tickets of the desk's own that a super-user confirmed (or an import of confirmed labels), demo tickets not counted."""
        return sum(1 for r in self.rows if r["source"] == HUMAN and not is_demo_row(r))

    @property
    def intake(self) -> int:
        """Tickets of the desk's own labelled by the person logging them, demo tickets not counted."""
        return sum(1 for r in self.rows if r["source"] == INTAKE and not is_demo_row(r))

    @property
    def demo(self) -> int:
        """Labelled demo tickets the model learnt from: made-up labels, nobody's confirmation."""
        return sum(1 for r in self.rows if is_demo_row(r))


def is_demo_row(row: dict) -> bool:
    return str(row.get("external_id") or "").startswith(DEMO_PREFIX)


def labelled_rows(database: Database) -> list[dict]:
    """Tickets a person labelled (confirmed or at intake), oldest first, with source, weight and
    when their labels were last set. A kind the model guessed beside a person's module (see
    :func:`elsdesk.services.classification.apply_predictions`) is left out: the model would learn
    its own guess at a person's weight."""
    labelled_at = {ticket_id: at for ticket_id, at in database.query(
        "SELECT ticket_id, max(at) FROM label_history WHERE undone_at IS NULL GROUP BY ticket_id")}
    repo = TicketRepository(database)
    tickets = [row for row in repo.labelled_fields(WEIGHTS) if row[4]]  # LABELLED_FIELDS, a module ("" is none)
    # a person's kind carries no model confidence unless it was first the model's suggestion: only
    # those kinds need the history's word on who set them last
    maybe_guessed = [row[0] for row in tickets if row[5] is not None and row[6] is not None]
    guessed = {ticket_id for ticket_id, source in repo.last_kind_sources(maybe_guessed).items()
               if source.startswith(MODEL)}
    rows = []
    for ticket_id, external_id, title, description, module, kind, _kind_confidence, created_at, source, updated_at \
            in tickets:
        rows.append({"id": ticket_id, "external_id": external_id, "title": title,
                     "description": description, "module": module,
                     "kind": None if ticket_id in guessed else kind,
                     "created_at": created_at, "source": source,
                     "weight": WEIGHTS[source],
                     "labelled_at": labelled_at.get(ticket_id) or updated_at or created_at})
    return rows


def split_for_training(rows: list[dict], active_trained_until: str | None) -> TrainingData:
    """Hold out the newest confirmed tickets (by creation) labelled after *active_trained_until*
    (None: the active model saw none of the desk's tickets): a fifth of the confirmed tickets,
    at least MIN_EVALUATION when there are that many, never more than half of them."""
    confirmed = [r for r in rows if r["source"] == HUMAN]
    eligible = [r for r in confirmed if active_trained_until is None or r["labelled_at"] > active_trained_until]
    size = max(MIN_EVALUATION, round(EVALUATION_SHARE * len(confirmed)))
    size = min(size, len(eligible), len(confirmed) // 2, MAX_EVALUATION)
    newest = sorted(eligible, key=lambda r: (r["created_at"] or "", r["external_id"] or ""), reverse=True)[:size]
    held = {r["id"] for r in newest}
    return TrainingData(rows, [r for r in rows if r["id"] not in held], newest, len(eligible))
