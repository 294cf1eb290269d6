"""Learning curve from the model cards, with one measure throughout: the share of tickets whose
module the model got right, on the newest confirmed tickets it was not trained on (near-duplicates
of its training tickets removed), with a 95% range. The shipped model's cross-validation on the
seed corpus is another measure and is not on the curve; the shipped model appears where a
retrain measured it on the desk's own tickets. Pure functions over cards (dicts), plus
:func:`labels_new_to_active`, the one read of a desk: whether a retrain has anything to learn
(``train_model`` makes the same check with :func:`new_labels` on the labels it reads anyway).
No files, no Qt."""

from __future__ import annotations

from dataclasses import dataclass

from elsdesk.swedish_count import count_of

MEASURED_STATUSES = ("measured", "no_active_model")


@dataclass(frozen=True)
class CurvePoint:
    version: str
    confirmed: int  # confirmed labels the version learnt from
    accuracy: float  # share right on the newest confirmed tickets it was not trained on
    low: float
    high: float
    n: int
    created: str


@dataclass(frozen=True)
class TrainingComparison:
    """The last training: the new and the active model on the same new confirmed tickets, or why
    there was too little to compare."""

    version: str
    previous_version: str | None
    status: str  # "measured", "too_few", "no_active_model" or "" (a card from before this measure)
    reason: str | None  # "few_tickets" / "few_modules" when too few
    n: int
    modules: int
    near_duplicates: int
    after_correct: int | None
    before_correct: int | None
    difference: float | None
    difference_low: float | None
    difference_high: float | None
    verdict: str | None  # "better", "same", "worse"
    confirmed: int
    min_tickets: int = 30
    min_modules: int = 3
    eligible: int | None = None  # confirmed tickets the previous model was not trained on (None: a card from before)

    @property
    def measured(self) -> bool:
        return self.status == "measured" and self.after_correct is not None and self.before_correct is not None

    @property
    def set_aside(self) -> int:
        """The newest confirmed tickets held out of training to compare on (near-duplicates of training
        tickets, dropped afterwards, included)."""
        return self.n + self.near_duplicates

    @property
    def funnel_known(self) -> bool:
        """Whether the card tells how the tickets to compare on were chosen (:func:`set_aside_told`)."""
        return set_aside_told(self.eligible, self.set_aside)

    @property
    def improved(self) -> bool | None:
        return None if not self.measured else self.verdict == "better"


def _evaluation(card: dict) -> dict:
    value = card.get("evaluation")
    return value if isinstance(value, dict) else {}


def _confirmed(card: dict) -> int:
    return int((card.get("training") or {}).get("confirmed_rows") or 0)


def learning_curve(cards: list[dict]) -> list[CurvePoint]:
    """One point per version measured on new confirmed tickets, ordered by confirmed labels then
    date; a version first measured as the active model of a retrain (the shipped model) gets its
    point from there."""
    by_version = {str(c.get("version")): c for c in cards}
    points: dict[str, CurvePoint] = {}
    for card in sorted(cards, key=lambda c: str(c.get("created", ""))):
        evaluation = _evaluation(card)
        if evaluation.get("status") not in MEASURED_STATUSES or not evaluation.get("new"):
            continue
        version = str(card.get("version", "?"))
        points[version] = _point(version, _confirmed(card), evaluation["new"], str(card.get("created", "")))
        active = evaluation.get("active") or {}
        active_version = str(active.get("version") or (card.get("previous") or {}).get("version") or "")
        if active and active_version and active_version not in points:
            active_card = by_version.get(active_version, {})
            points[active_version] = _point(active_version, _confirmed(active_card), active,
                                            str(active_card.get("created", "")))
    return sorted(points.values(), key=lambda p: (p.confirmed, p.created))


def _point(version: str, confirmed: int, score: dict, created: str) -> CurvePoint:
    n = int(score.get("n") or 0)
    accuracy = float(score.get("accuracy") if score.get("accuracy") is not None else (score.get("correct") or 0) / max(n, 1))
    return CurvePoint(version, confirmed, accuracy, float(score.get("low") or 0.0), float(score.get("high") or 1.0), n, created)


def last_training(cards: list[dict]) -> TrainingComparison | None:
    """The newest site-trained model (one whose card names the previous model) and its comparison."""
    trained = [c for c in cards if "previous" in c]
    if not trained:
        return None
    card = max(trained, key=lambda c: str(c.get("created", "")))
    evaluation = _evaluation(card)
    new, active = evaluation.get("new") or {}, evaluation.get("active") or {}
    return TrainingComparison(
        version=str(card.get("version", "?")), previous_version=(card.get("previous") or {}).get("version"),
        status=str(evaluation.get("status") or ""), reason=evaluation.get("reason"), n=int(evaluation.get("n") or 0),
        modules=int(evaluation.get("modules") or 0), near_duplicates=int(evaluation.get("near_duplicates") or 0),
        after_correct=new.get("correct"), before_correct=active.get("correct"),
        difference=evaluation.get("difference"), difference_low=evaluation.get("difference_low"),
        difference_high=evaluation.get("difference_high"), verdict=evaluation.get("verdict"),
        confirmed=_confirmed(card), min_tickets=int(evaluation.get("min_tickets") or 30),
        min_modules=int(evaluation.get("min_modules") or 3),
        eligible=None if evaluation.get("eligible") is None else int(evaluation["eligible"]),
    )


def comparison_in_words(evaluation: dict) -> str:
    """The comparison as a Swedish sentence for the command line (the GUI words it in its language)."""
    n, modules = int(evaluation.get("n") or 0), int(evaluation.get("modules") or 0)
    if evaluation.get("status") == "too_few":
        need_n, need_m = int(evaluation.get("min_tickets") or 30), int(evaluation.get("min_modules") or 3)
        dropped = int(evaluation.get("near_duplicates") or 0)
        eligible = evaluation.get("eligible")
        if evaluation.get("reason") == "few_tickets" and set_aside_told(eligible, n + dropped):
            return f"för lite att jämföra på: {_set_aside_in_words(int(eligible), n + dropped, dropped, need_n)}. Ingen siffra visas."
        what = (f"{confirmed_tickets(n, 'nytt', 'nya')} som ingen av modellerna tränats på (minst {need_n} behövs)"
                if evaluation.get("reason") == "few_tickets" else
                f"ärenden från bara {count_of(modules, 'modul', 'moduler')} (minst {need_m} behövs)")
        note = (f"; {count_of(dropped, 'nästan likadant', 'nästan likadana')} som träningsärenden räknades bort"
                if dropped else "")
        return f"för lite att jämföra på: {what}{note}. Ingen siffra visas."
    new, active = evaluation.get("new") or {}, evaluation.get("active") or {}
    if not new:
        return "ingen jämförelse gjordes"
    text = (f"på {confirmed_tickets(n, 'nytt', 'nya')} från {count_of(modules, 'modul', 'moduler')}:"
            f" ny modell rätt modul på {new['correct']} av {n}")
    if active:
        low, high = evaluation.get("difference_low"), evaluation.get("difference_high")
        text += (f", aktiv modell på {active['correct']} av {n}; skillnad {_points(evaluation['difference'])}"
                 f" procentenheter (95 % osäkerhetsintervall {_points(low)} till {_points(high)})")
    return text


def set_aside_told(eligible, set_aside: int) -> bool:
    """Whether a retrain's card tells how the tickets to compare on were chosen (*eligible*: confirmed tickets the
    previous model was not trained on, None on a card from before; *set_aside*: those held out), with two or more at
    each step: the window and the command line then say it in numbers that add up."""
    return eligible is not None and int(eligible) >= 2 and set_aside >= 2


def _set_aside_in_words(eligible: int, set_aside: int, dropped: int, needed: int) -> str:
    """How the tickets to compare on were chosen, in numbers that add up: a tester confirmed 50 tickets and read
    "16 nya … (minst 30 behövs: 14 till) … 14 st" after a retrain of 111 and could not tell how they related."""
    text = (f"av de {eligible} bekräftade ärenden som den förra modellen inte tränats på sparades de {set_aside}"
            f" nyaste till jämförelsen" if set_aside < eligible else
            f"de {eligible} bekräftade ärenden som den förra modellen inte tränats på sparades till jämförelsen")
    if dropped:
        left = set_aside - dropped
        text += (f"; {'1 av dem var nästan en kopia' if dropped == 1 else f'{dropped} av dem var nästan kopior'}"
                 f" av ärenden som modellen lärde sig av, så {left} återstod")
    return f"{text} (minst {needed} behövs)"


def labels_new_to_active(database) -> int:
    """How many of the desk's labelled tickets the active version has not learnt from (0: a
    retrain has nothing new to learn)."""
    from elsdesk.ml.store import DeskModelStore
    from elsdesk.services.training_data import labelled_rows

    return new_labels(labelled_rows(database), DeskModelStore(database).labels_until())


def new_labels(rows: list[dict], labels_until: str | None) -> int:
    """How many of the desk's labelled rows (with ``labelled_at``) were labelled after the active
    version read the labels (*labels_until*; None: it read none, all are new). None new: a retrain
    has nothing to learn and would only make a copy of the active version."""
    return sum(1 for row in rows if labels_until is None or str(row.get("labelled_at") or "") > labels_until)


def confirmed_tickets(count: int, new_one: str = "", new_many: str = "") -> str:
    """'1 bekräftat ärende', '70 bekräftade ärenden' (with *new_one*/*new_many* before: '1 nytt bekräftat ärende')."""
    words = ("bekräftat ärende", "bekräftade ärenden")[count != 1]
    new = (new_one, new_many)[count != 1]
    return f"{count} {new + ' ' if new else ''}{words}"


def _points(share: float) -> str:
    """A difference of shares in percentage points, written the Swedish way: '+4,5', '−12,2'."""
    return f"{share * 100:+.1f}".replace(".", ",").replace("-", "−")
