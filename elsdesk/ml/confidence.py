"""One confidence rule a person can read: Hög, Medel and Låg by the percentage the model gives.

The same two cut-offs hold for every module (and two for kind), so a band never contradicts the
percentage shown beside it: a higher percentage is never a lower band. The cut-offs are whole
percentages chosen on predictions the model did not train on (cross-validation or held-out
tickets): Hög from where the model was right at least 95 times in 100, Medel down to where the
tickets between the two cut-offs were right at least 7 times in 10. Beside the cut-offs the rule
keeps how often the model was right in each band on those tickets, which is what the model
dialog says in words ("när modellen säger Hög har den haft rätt 97 av 100 gånger").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy only where a rule is fitted: the GUI imports this module before its first paint
    import numpy as np

HIGH_TARGET = 0.95
MEDIUM_TARGET = 0.70
MIN_SUPPORT = 20  # predictions needed to place a cut-off at all
HIGH_BOUNDS = (0.50, 0.99)  # "Hög" below 50 % would read as a contradiction whatever it measured
MEDIUM_BOUNDS = (0.25, 0.99)
DEFAULT_CUTS = {"high": 0.80, "medium": 0.50}
BANDS = ("hog", "medel", "lag")
BAND_NAMES = {"hog": "Hög", "medel": "Medel", "lag": "Låg"}
# A module the model gives less than this is not offered after its first suggestion (the form's Ctrl+2/Ctrl+3, the
# review queue's 2 and 3): over the region's ~20 modules an unsure model spreads about 5 % on each, so under 2 % is
# less than half a blind guess, noise to read out to a caller on the phone ("Cosmic Nova (Låg 0 %)").
SUGGESTION_FLOOR = 0.02
SEED_CROSS_VALIDATION = "seed_cross_validation"  # measured on the seed corpus, each ticket by a model that did not see it
NEW_CONFIRMED = "new_confirmed"  # measured on the desk's newest confirmed tickets the model did not train on


def percent(probability: float) -> int:
    """The whole percentage shown for a probability; bands are decided on this same number."""
    return int(math.floor(float(probability) * 100 + 0.5))


@dataclass(frozen=True)
class ConfidenceRule:
    """Cut-offs in whole percent and, when measured, how often each band was right."""

    high: int = percent(DEFAULT_CUTS["high"])
    medium: int = percent(DEFAULT_CUTS["medium"])
    bands: dict = field(default_factory=dict)  # band -> {"count": n, "correct": k}
    measured_on: str = ""  # SEED_CROSS_VALIDATION or NEW_CONFIRMED ("" when not measured)

    def band(self, probability: float) -> str:
        shown = percent(probability)
        if shown >= self.high:
            return "hog"
        if shown >= self.medium:
            return "medel"
        return "lag"

    def band_name(self, probability: float) -> str:
        return BAND_NAMES[self.band(probability)]

    @property
    def measured(self) -> bool:
        return self.tickets > 0

    @property
    def tickets(self) -> int:
        """How many predictions the band figures were measured on."""
        return sum(int((self.bands.get(b) or {}).get("count") or 0) for b in BANDS)

    def right_per_100(self, band: str) -> int | None:
        """How many times in 100 the model was right in *band*, or None when not measured."""
        figures = self.bands.get(band) or {}
        if not figures.get("count"):
            return None
        return percent(figures["correct"] / figures["count"])

    def to_json(self) -> dict:
        return {"high": self.high, "medium": self.medium, "bands": self.bands, "measured_on": self.measured_on}

    @classmethod
    def from_json(cls, data: dict | None) -> "ConfidenceRule | None":
        if not isinstance(data, dict):
            return None
        try:
            high = int(data["high"])
            medium = min(int(data["medium"]), high)
        except (KeyError, TypeError, ValueError):
            return None
        bands = data.get("bands") if isinstance(data.get("bands"), dict) else {}
        return cls(high, medium, bands, str(data.get("measured_on") or ""))


def rule_from_card(card: dict | None, target: str = "module") -> ConfidenceRule:
    """The card's rule for *target* ("module" or "kind"). Cards written before the rule existed
    give their overall ('*') high cut-off, or the defaults; such a rule is not measured."""
    card = card or {}
    rule = ConfidenceRule.from_json((card.get("confidence_rule") or {}).get(target))
    if rule is not None:
        return rule
    overall = (card.get("thresholds") or {}).get("*") if target == "module" else None
    if isinstance(overall, dict) and isinstance(overall.get("high"), (int, float)):
        high = percent(min(max(overall["high"], HIGH_BOUNDS[0]), HIGH_BOUNDS[1]))
        return ConfidenceRule(high, min(percent(DEFAULT_CUTS["medium"]), high))
    return ConfidenceRule()


def fit_rule(correct, confidence, measured_on: str = "") -> ConfidenceRule:
    """The rule for predictions the model did not train on: *correct* (bools) and *confidence*."""
    import numpy as np

    right = np.asarray(correct, dtype=float)
    shown = np.array([percent(c) for c in confidence], dtype=int)
    high = _lowest_cut(shown, right, HIGH_TARGET, below=None)
    high = percent(DEFAULT_CUTS["high"]) if high is None else high
    high = min(max(high, percent(HIGH_BOUNDS[0])), percent(HIGH_BOUNDS[1]))
    medium = _lowest_cut(shown, right, MEDIUM_TARGET, below=high)
    medium = percent(DEFAULT_CUTS["medium"]) if medium is None else medium
    medium = min(max(medium, percent(MEDIUM_BOUNDS[0])), high)
    rule = ConfidenceRule(high, medium)
    return ConfidenceRule(high, medium, band_figures(rule, right, confidence), measured_on)


def band_figures(rule: ConfidenceRule, correct, confidence) -> dict:
    """How many predictions fell in each band and how many of them were right."""
    figures = {band: {"count": 0, "correct": 0} for band in BANDS}
    for ok, c in zip(correct, confidence):
        band = rule.band(c)
        figures[band]["count"] += 1
        figures[band]["correct"] += int(bool(ok))
    return figures


def _lowest_cut(shown: np.ndarray, right: np.ndarray, target: float, below: int | None) -> int | None:
    """Lowest whole percentage t such that predictions shown at t or more (and below *below*) were
    right at least *target* of the time, over at least MIN_SUPPORT predictions."""
    import numpy as np

    keep = shown < below if below is not None else np.ones(len(shown), dtype=bool)
    shown, right = shown[keep], right[keep]
    if len(shown) < MIN_SUPPORT:
        return None
    best = None
    for cut in sorted(set(shown.tolist()), reverse=True):
        inside = shown >= cut
        if inside.sum() >= MIN_SUPPORT and right[inside].mean() >= target:
            best = cut
        elif inside.sum() >= MIN_SUPPORT and best is not None:
            break  # precision only falls further from here on in practice; keep the first run
    return best


def offered(suggestions: list, probability_of=lambda suggestion: suggestion.probability) -> list:
    """The suggestions a person is offered, best first: the first, and those after it the model gives at least
    :data:`SUGGESTION_FLOOR`."""
    return suggestions[:1] + [s for s in suggestions[1:] if probability_of(s) >= SUGGESTION_FLOOR]
