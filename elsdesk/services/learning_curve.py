"""Learning curve from the model cards: confirmed labels used vs measured macro-F1, and the
before/after numbers of the last training. Pure functions over cards (dicts); no files, no Qt."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CurvePoint:
    version: str
    confirmed: int
    macro_f1: float
    created: str
    method: str


@dataclass(frozen=True)
class TrainingComparison:
    """The last training: macro-F1 of the previous and the new model on the same held-out confirmed tickets."""

    version: str
    previous_version: str | None
    before: float | None
    after: float | None
    held_out: int
    confirmed: int

    @property
    def improved(self) -> bool | None:
        if self.before is None or self.after is None:
            return None
        return self.after > self.before


def learning_curve(cards: list[dict]) -> list[CurvePoint]:
    """One point per model version with a measured macro-F1, ordered by confirmed labels then date."""
    points = []
    for card in cards:
        quality = card.get("quality") or {}
        f1 = quality.get("macro_f1")
        if f1 is None:
            continue
        training = card.get("training") or {}
        points.append(CurvePoint(str(card.get("version", "?")), int(training.get("confirmed_rows") or 0), float(f1),
                                 str(card.get("created", "")), str(quality.get("method", ""))))
    return sorted(points, key=lambda p: (p.confirmed, p.created))


def last_training(cards: list[dict]) -> TrainingComparison | None:
    """Before/after of the newest site-trained model (one whose card names the previous model)."""
    trained = [c for c in cards if "previous" in c]
    if not trained:
        return None
    card = max(trained, key=lambda c: str(c.get("created", "")))
    previous = card.get("previous") or {}
    before = (previous.get("quality") or {}).get("macro_f1")
    after = (card.get("quality") or {}).get("macro_f1")
    training = card.get("training") or {}
    return TrainingComparison(str(card.get("version", "?")), previous.get("version"), before, after,
                              int(training.get("held_out_rows") or 0), int(training.get("confirmed_rows") or 0))
