"""A week already handed out keeps its proposals' names and identities when it is worked out again after a
ticket arrives (a tester re-imported a file with two new rows and saw "Kommer inte in, kortet läses inte"
renamed "SITHS-kortet hittas inte" over the same two tickets, in that week and the weeks after it: an
agenda already sent no longer matched what the tool showed)."""

from __future__ import annotations

from conftest import write_jsonl
from elsdesk.services.imports import import_tickets
from elsdesk.services.topics import weekly_topics
from elsdesk.storage import TicketRepository
from elsdesk.storage.topics import TopicRepository
from test_problems import DOSE_REPORTS, LABEL_REPORTS, _row

WEEK = "2025-W19"


def _week_rows() -> list[dict]:
    rows = [_row(i, "2025-05-06", t, d, "lakemedel") for i, (t, d) in enumerate(DOSE_REPORTS)]
    return rows + [_row(20 + i, "2025-05-07", t, d, "utskrift_hardvara") for i, (t, d) in enumerate(LABEL_REPORTS)]


def test_a_week_worked_out_again_keeps_the_names_it_showed(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "week.jsonl", _week_rows()))
    first = weekly_topics(memory_db, WEEK)
    proposals = [t for t in first["topics"] if t["status"] == "proposed"]
    assert proposals
    # the name the week showed: another of its tickets' titles than the one a new working-out would pick
    repo = TopicRepository(memory_db)
    results = repo.week_results(WEEK)
    shown = next(r for r in results if r.topic_id == proposals[0]["id"])
    titles = {t.title for t in TicketRepository(memory_db).fetch_many(shown.ticket_ids)}
    other = next(title for title in sorted(titles) if title != shown.detail["name"])
    shown.detail["name"] = other
    with memory_db.write():
        repo.replace_week(WEEK, results)

    import_tickets(memory_db, write_jsonl(tmp_path / "one_more.jsonl", [
        _row(90, "2025-05-08", "Kassan skriver inte ut kvitto", "Kvittoskrivaren i receptionen är tyst.", "kassa_avgifter")]))
    again = weekly_topics(memory_db, WEEK)

    assert again["tickets"] == first["tickets"] + 1, "the week was worked out again with the new ticket"
    kept = {t["id"]: t["label"] for t in again["topics"]}
    assert kept.get(proposals[0]["id"]) == other, "the name the week showed, for the same tickets"
    assert {p["id"] for p in proposals} <= set(kept), "each proposal keeps its identity"


def test_a_proposal_asked_every_week_keeps_its_kind_when_one_week_reads_as_faults(memory_db, tmp_path):
    """A tester's three weeks: "Signera given dos" (2, 3 and 3 reports) was on W47's how-to agenda and off
    W48's, as two of W48's three reports were read as faults; its kind is that of its reports over the
    weeks it was shown."""
    weeks = (("2025-05-06", ["handhavande"] * 3), ("2025-05-13", ["handhavande"] * 3),
             ("2025-05-20", ["fel", "fel", "handhavande"]))
    rows, number = [], 0
    for day, kinds in weeks:
        for (title, description), kind in zip(DOSE_REPORTS[number % 6:] + DOSE_REPORTS, kinds):
            rows.append(dict(_row(number, day, title, description, "lakemedel"), kind=kind))
            number += 1
    import_tickets(memory_db, write_jsonl(tmp_path / "weeks.jsonl", rows))
    kinds = []
    for week in ("2025-W19", "2025-W20", "2025-W21"):
        topics = weekly_topics(memory_db, week)["topics"]
        assert len(topics) == 1, topics
        kinds.append((topics[0]["kind"], topics[0]["kind_mix"]))
    assert [kind for kind, _mix in kinds] == ["handhavande"] * 3
    assert kinds[-1][1] == {"fel": 2, "handhavande": 1}, "the week's own kinds are still told"
