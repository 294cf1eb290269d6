"""A topic's kind decides whether the agenda proposes it (only how-to topics). A topics tester's empty referral
inbox held four how-to questions ("var ser jag remisserna som kommit?") beside four fault reports, was read as
a fault topic and was on no agenda; as many how-to questions as reports of another kind make a how-to topic."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

from elsdesk.services.agenda_rules import agenda, topic_kind


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
