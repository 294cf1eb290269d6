"""Issue 12: after a topic is covered in training, the Utbildning tab shows its tickets per week before
and after, so a training lead sees whether the training helped."""

from __future__ import annotations

from conftest import write_jsonl
from elsdesk.services.imports import import_tickets
from elsdesk.services.topic_edits import mark_covered
from elsdesk.services.topics import weekly_topics
from elsdesk.services.training import covered_effect, training_overview

DOSE = "Signera given dos i utdelningsvyn"
DOSE_TEXT = [("Kan inte signera dos", "Utdelningsvyn låter mig inte signera given dos, pennan är grå."),
             ("Signering av given dos", "Hittar inte var man signerar att dosen är given i utdelningsvyn."),
             ("Given dos går ej att signera", "Utdelningsvyn vill inte ta signeringen av given dos.")]
DAYS = {"2025-W18": "2025-04-29", "2025-W19": "2025-05-06", "2025-W20": "2025-05-13", "2025-W21": "2025-05-20"}


def test_counts_split_around_the_covered_week():
    counts = {"2025-W16": 2, "2025-W17": 6, "2025-W18": 8, "2025-W19": 5, "2025-W21": 1}
    computed = ["2025-W15", "2025-W16", "2025-W17", "2025-W18", "2025-W19", "2025-W20", "2025-W21"]
    effect = covered_effect(counts, "2025-05-07", computed)  # a Wednesday in week 19
    assert effect.covered_week == "2025-W19"
    assert effect.before == [("2025-W15", 0), ("2025-W16", 2), ("2025-W17", 6), ("2025-W18", 8)]
    assert effect.after == [("2025-W20", 0), ("2025-W21", 1)]  # worked out without the topic: 0
    assert effect.mean_before == 4.0 and effect.mean_after == 0.5


def test_a_training_on_the_weeks_monday_has_the_whole_week_after_it_and_on_its_sunday_before_it():
    """A training lead's Monday session (2026-11-16, W47) showed "Efter: inga veckor uträknade än" with W47 worked out."""
    counts = {"2026-W45": 8, "2026-W46": 10, "2026-W47": 2}
    computed = ["2026-W45", "2026-W46", "2026-W47"]
    monday = covered_effect(counts, "2026-11-16", computed)
    assert monday.before == [("2026-W45", 8), ("2026-W46", 10)] and monday.after == [("2026-W47", 2)]
    sunday = covered_effect(counts, "2026-11-15", computed)  # the last day of W46
    assert sunday.before == [("2026-W45", 8), ("2026-W46", 10)] and sunday.after == [("2026-W47", 2)]
    wednesday = covered_effect(counts, "2026-11-18", computed)
    assert wednesday.after == [] and wednesday.before == [("2026-W45", 8), ("2026-W46", 10)]


def test_weeks_never_worked_out_are_left_out():
    effect = covered_effect({"2025-W18": 4}, "2025-05-07", ["2025-W18"])
    assert effect.before == [("2025-W18", 4)] and effect.after == [] and effect.mean_after is None


def test_training_overview_shows_the_effect_of_a_covered_problem(memory_db, tmp_path):
    per_week = {"2025-W18": 3, "2025-W19": 3, "2025-W20": 1, "2025-W21": 1}
    rows, number = [], 0
    for week, count in per_week.items():
        for title, description in DOSE_TEXT[:count]:
            number += 1
            rows.append({"id": f"D-{number}", "created_at": f"{DAYS[week]}T09:{number:02d}:00", "title": title,
                         "description": description, "module": "lakemedel", "problem": DOSE})
        number += 1
        rows.append({"id": f"X-{number}", "created_at": f"{DAYS[week]}T11:00:00", "title": "Kassan stänger inte",
                     "description": "Dagsavslut i kassan går inte att göra.", "module": "kassa_avgifter"})
    assert not import_tickets(memory_db, write_jsonl(tmp_path / "weeks.jsonl", rows)).rejected
    for week in per_week:
        report = weekly_topics(memory_db, week)
    dose = next(t for t in report["topics"] if t.get("problem") == DOSE)
    mark_covered(memory_db, dose["id"], "2025-05-07")

    overview = training_overview(memory_db, "2025-W21")
    effect = overview.effects[dose["id"]]
    assert effect.covered_week == "2025-W19"
    assert effect.before == [("2025-W18", 3)]
    assert effect.after == [("2025-W20", 1), ("2025-W21", 1)]
