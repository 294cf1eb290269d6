"""Proposals of problems reported a little every week (topics/spread.py): a group of left-over tickets
over three weeks is proposed only when its tickets share more than their module's own name."""

from __future__ import annotations

from elsdesk.services.topics import _reference_texts
from elsdesk.topics.finder import Ticketish, TopicFinder
from elsdesk.topics.spread import spread_topics


def _ticket(number: int, title: str, description: str, module: str, kind: str = "handhavande") -> Ticketish:
    return Ticketish(str(number), title, description, module, kind, "Avd 12")


def _proposals(this_week: Ticketish, earlier: list[tuple[str, Ticketish]]):
    return spread_topics(TopicFinder(reference_texts=_reference_texts()), [this_week], earlier)


def test_three_questions_that_share_only_their_modules_name_are_no_recurring_problem():
    """Tester (a desk in its third week): "Nova app" was proposed as recurring for three weeks, made of
    "Nova-appen loggar ut", "Kan man ge läkemedel via Nova?" and "Kan man fota sår med Nova"."""
    earlier = [("2026-W45", _ticket(1, "Nova app", "Nova-appen loggar ut hela tiden på mobilen", "nova_mobil", "fel")),
               ("2026-W46", _ticket(2, "Nova", "Kan man ge läkemedel via Nova?", "nova_mobil"))]
    assert _proposals(_ticket(3, "Nova kamera", "Kan man fota sår med Nova och lägga i journalen?", "nova_mobil"),
                      earlier) == []


def test_a_problem_reported_once_a_week_in_its_own_words_is_still_proposed():
    earlier = [("2026-W45", _ticket(1, "Nova loggar ut", "Nova-appen loggar ut mig hela tiden på mobilen", "nova_mobil", "fel")),
               ("2026-W46", _ticket(2, "utloggad ur Nova", "Blir utloggad ur Nova-appen hela tiden, mobilen", "nova_mobil", "fel"))]
    (proposal,) = _proposals(_ticket(3, "Nova loggar ut igen", "Appen Nova loggar ut hela tiden på mobilen", "nova_mobil", "fel"),
                             earlier)
    assert proposal.weeks == 3 and proposal.topic.members == [0]
