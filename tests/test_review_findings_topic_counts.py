"""Review finding 2 (work done twice): the week report and the Utbildning chart read the tickets per
week of all their topics in a fixed number of queries, with the same counts as ``counts_by_week``
topic by topic (merged topics' history included, a topic's own weeks first)."""

from __future__ import annotations

import pytest

from conftest import write_jsonl
from elsdesk.services.imports import import_tickets
from elsdesk.services.topics import weekly_topics
from elsdesk.services.training import training_overview
from elsdesk.storage.topics import RegisteredTopic, TopicRepository, TopicWeek

# topic -> {week: count}; A was merged into B and B into C (a chain), D stands alone, E merged into D
WEEKS = {
    "A": {"2025-W17": 2, "2025-W18": 4},
    "B": {"2025-W18": 1, "2025-W19": 3},
    "C": {"2025-W19": 7, "2025-W20": 5},  # its own W19 wins over B's
    "D": {"2025-W20": 1},
    "E": {"2025-W20": 9, "2025-W21": 2},  # D's own W20 wins over E's
    "F": {},
}
MERGES = {"A": "B", "B": "C", "E": "D"}


@pytest.fixture
def topics(memory_db) -> TopicRepository:
    repo = TopicRepository(memory_db)
    with memory_db.write():
        for topic_id in WEEKS:
            repo.save_registered(RegisteredTopic(topic_id, "lakemedel", f"Ämne {topic_id}", {"dos": 1.0},
                                                 "2025-W17", "2025-W21"))
        for topic_id, into in MERGES.items():
            repo.update_fields(topic_id, merged_into=into)
        for week in sorted({w for counts in WEEKS.values() for w in counts}):
            repo.replace_week(week, [TopicWeek(t, week, counts[week], []) for t, counts in WEEKS.items() if week in counts])
    return repo


def test_a_chain_of_merges_brings_all_history_and_own_weeks_win(topics):
    counts = topics.counts_by_week_of_many(["C", "B", "A", "D", "E", "F"])
    assert counts["C"] == {"2025-W17": 2, "2025-W18": 5, "2025-W19": 7, "2025-W20": 5}
    assert counts["B"] == {"2025-W17": 2, "2025-W18": 1, "2025-W19": 3}
    assert counts["A"] == WEEKS["A"]
    assert counts["D"] == {"2025-W20": 1, "2025-W21": 2}
    assert counts["F"] == {}


def test_many_at_once_equals_one_at_a_time(topics):
    many = topics.counts_by_week_of_many(list(WEEKS) + ["not-a-topic"])
    assert many == {topic_id: topics.counts_by_week(topic_id) for topic_id in list(WEEKS) + ["not-a-topic"]}
    assert topics.merged_into_it("C") == ["B", "A"] and topics.merged_into_it("F") == []


def test_a_merge_cycle_ends(topics, memory_db):
    with memory_db.write():
        topics.update_fields("C", merged_into="A")  # A -> B -> C -> A: C (and B through it) merged into A
    assert sorted(topics.merged_into_it("A")) == ["B", "C"]
    assert topics.counts_by_week_of_many(["A"])["A"] == {"2025-W17": 2, "2025-W18": 4, "2025-W19": 10, "2025-W20": 5}


def test_the_queries_do_not_grow_with_the_number_of_topics(topics, memory_db, monkeypatch):
    queries = []
    original = memory_db.query
    monkeypatch.setattr(memory_db, "query", lambda sql, *args: queries.append(sql) or original(sql, *args))
    topics.counts_by_week_of_many(["F"])
    one = len(queries)
    queries.clear()
    topics.counts_by_week_of_many(list(WEEKS))
    assert len(queries) == one == 2


DOSE_TEXT = [("Kan inte signera dos", "Utdelningsvyn låter mig inte signera given dos, pennan är grå."),
             ("Signering av given dos", "Hittar inte var man signerar att dosen är given i utdelningsvyn."),
             ("Given dos går ej att signera", "Utdelningsvyn vill inte ta signeringen av given dos.")]
KASSA_TEXT = [("Kassan stänger inte", "Dagsavslut i kassan går inte att göra."),
              ("Dagsavslut kassa", "Kassan vill inte göra dagsavslut, knappen är grå."),
              ("Kassarapport dagsavslut", "Dagsavslutet i kassan fastnar varje kväll.")]


def test_the_week_report_and_the_training_overview_read_counts_once_not_per_topic(memory_db, tmp_path, monkeypatch):
    rows = []
    for week, day in (("2025-W18", "2025-04-29"), ("2025-W19", "2025-05-06")):
        for n, (title, description) in enumerate(DOSE_TEXT + KASSA_TEXT):
            rows.append({"id": f"{week}-{n}", "created_at": f"{day}T09:{n:02d}:00", "title": title,
                         "description": description, "module": "lakemedel" if n < 3 else "kassa_avgifter"})
    import_tickets(memory_db, write_jsonl(tmp_path / "weeks.jsonl", rows))
    expected = weekly_topics(memory_db, "2025-W18") and weekly_topics(memory_db, "2025-W19")
    assert len(expected["topics"]) >= 2
    monkeypatch.setattr(TopicRepository, "counts_by_week", lambda self, topic_id: pytest.fail("one query set per topic"))
    assert weekly_topics(memory_db, "2025-W19") == expected
    overview = training_overview(memory_db, "2025-W19")
    assert set(overview.topic_history) == {t["id"] for t in expected["topics"]}
    assert all(history.get("2025-W19") for history in overview.topic_history.values())


def test_a_period_counts_the_earlier_reports_of_a_proposal_of_a_few_reports_a_week(memory_db):
    """A question asked once a week is proposed in its third week with its reports of the two weeks
    before, which were in no topic there; the period's table showed it 0, 0, 1, 1 and "ny under perioden"
    (a training lead's month export) while the weekly view said last week had one."""
    from elsdesk.services.range_export import add_reports_in_no_topic

    repo = TopicRepository(memory_db)
    with memory_db.write():
        repo.save_registered(RegisteredTopic("S", "adt", "Flytta pat mellan avd", {"flytt": 1.0}, "2025-W19", "2025-W20"))
        repo.replace_week("2025-W19", [TopicWeek("S", "2025-W19", 1, [], {"spread_earlier": {"2025-W17": 1, "2025-W18": 1}})])
        repo.replace_week("2025-W20", [TopicWeek("S", "2025-W20", 1, [], {"spread_earlier": {"2025-W18": 1, "2025-W19": 1}})])
    weeks = ["2025-W17", "2025-W18", "2025-W19", "2025-W20"]
    stored = repo.counts_by_week_of_many(["S"])
    assert stored["S"] == {"2025-W19": 1, "2025-W20": 1}
    add_reports_in_no_topic(repo, weeks, {}, {"S": "S"}, stored)
    assert stored["S"] == {"2025-W17": 1, "2025-W18": 1, "2025-W19": 1, "2025-W20": 1}, "each earlier report once"
    partial = repo.counts_by_week_of_many(["S"])
    add_reports_in_no_topic(repo, weeks, {"2025-W17": (None, None)}, {"S": "S"}, partial)
    assert "2025-W17" not in partial["S"], "a week the period covers in part is counted from its own tickets"


def test_a_later_week_reads_an_earlier_weeks_count_as_that_week_showed_it():
    """A tester's three weeks: W47's agenda said "Boka tid i annan tidbok" had 2 tickets, W48's "previous
    week" said 3, as a W47 report left out of the topic there was added to its stored count."""
    from elsdesk.services.topics import counts_by_week

    counts = counts_by_week({"2026-W47": 2, "2026-W48": 3}, {"2026-W46": 1, "2026-W47": 1})
    assert counts == {"2026-W46": 1, "2026-W47": 2, "2026-W48": 3}
