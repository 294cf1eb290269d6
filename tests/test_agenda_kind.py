"""A topic's kind decides whether the agenda proposes it (only how-to topics). A topics tester's empty referral
inbox held four how-to questions ("var ser jag remisserna som kommit?") beside four fault reports, was read as
a fault topic and was on no agenda; as many how-to questions as reports of another kind make a how-to topic."""

from __future__ import annotations

from collections import Counter
from datetime import date
from types import SimpleNamespace

from elsdesk.services.agenda_rules import agenda, asks_training_day, topic_kind


def test_a_tie_with_how_to_questions_is_a_how_to_topic():
    assert topic_kind(None, Counter(fel=4, handhavande=4, konfiguration=1)) == "handhavande"
    assert topic_kind(None, Counter(fel=5, handhavande=4)) == "fel", "more faults: a fault topic"
    assert topic_kind(None, Counter(konfiguration=3, fel=3)) in ("konfiguration", "fel")
    assert topic_kind(None, Counter()) is None
    known = SimpleNamespace(kind="fel")
    assert topic_kind(known, Counter(handhavande=9)) == "fel", "a known problem's own kind stands"


def test_the_tied_topic_is_proposed_for_the_agenda():
    kinds = Counter(fel=4, handhavande=4)
    topic = {"id": "T1", "kind": topic_kind(None, kinds), "count": 8, "on_agenda": False, "problem": None}
    assert agenda({"week": "2026-W47", "topics": [topic]}) == [topic]


def test_marking_an_older_weeks_topics_gone_through_asks_for_the_training_day():
    wednesday = date(2026, 12, 9)  # 2026-W50
    assert not asks_training_day("2026-W50", wednesday), "this week's agenda is gone through about now"
    assert not asks_training_day("2026-W49", wednesday), "and last week's"
    assert asks_training_day("2026-W48", wednesday)
    assert asks_training_day("2025-W19", wednesday)
    assert not asks_training_day("2026-W49", date(2026, 12, 7)), "a Monday: last week is still last week"
    assert asks_training_day("2026-W48", date(2026, 12, 13))
