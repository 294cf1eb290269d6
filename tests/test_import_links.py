"""An import's links judge a week only when the file held the week's other tickets too.

Issue (a first-day tester, 2026-12-06): a week of 15 tickets was imported, then a file of five ticket
numbers with their known problems. The links made the week one "people went through" (a tenth or
more linked), so its unlinked look-alikes of a linked problem were judged to be no known problem and
dropped out of the problem's topic. A file of the linked tickets alone says nothing of the others; a
ticket tool's export of the whole week with an empty "Känt problem" cell does.

Every text is invented for these tests.
"""

from __future__ import annotations

from conftest import stored_ticket, write_jsonl
from elsdesk.services.imports import import_tickets
from elsdesk.services.problems import link_ticket
from elsdesk.services.topics import weekly_topics
from elsdesk.storage.problems import ProblemRepository

WEEK = "2026-W48"
PROBLEM = "Kvittera given dos"
SIGNING = [  # one how-to problem, written by different people
    ("Var kvitterar jag given dos?", "Hittar inte var man bockar av att tabletterna är givna i utdelningen."),
    ("Kvittera utdelad medicin", "Nattsköterskan vet inte hur hon kvitterar morgonens doser."),
    ("Bekräfta given dos", "Hur bekräftar man att dosen är given? Knappen från utbildningen syns inte."),
    ("given dos - hur?", "usk undrar var man kvitterar att medicinen delats ut"),
    ("Kvittering av dos", "Vi hittar inte kvitteringen av given dos i läkemedelsvyn."),
    ("Signera utdelning", "Hur signerar jag att jag har gett dosen till patienten?"),
]
OTHERS = [  # the week's one-offs
    ("Skrivaren på avd 4", "Skriver ut tomma etiketter sedan i morse."),
    ("Remiss till ortopeden", "Remissen fastnar som ej skickad."),
    ("Tidbok dubbelbokad", "Samma tid visas två gånger i tidboken för mottagningen."),
    ("Behörighet journal", "Ny underläkare kommer inte åt journalen på akuten."),
    ("Provsvar saknas", "Blodstatus från i morse syns inte i svarslistan."),
    ("Vårdplan", "Hur startar man en ny vårdplan för en inskriven patient?"),
]


def _rows(with_problem_column: bool = False) -> list[dict]:
    rows = []
    for number, (title, description) in enumerate([*SIGNING, *OTHERS], start=1):
        row = {"id": f"LNK-{number:03d}", "created_at": f"2026-11-{23 + number % 5} {8 + number % 8:02d}:15",
               "title": title, "description": description, "unit": f"Avd {number % 6 + 1}",
               "module": "lakemedel" if number <= len(SIGNING) else "journal_dokumentation", "kind": "handhavande"}
        if with_problem_column:
            row["problem"] = PROBLEM if number <= 2 else ""
        rows.append(row)
    return rows


def _links_file(tmp_path, numbers: list[int]):
    return write_jsonl(tmp_path / "lankar.jsonl", [{"id": f"LNK-{n:03d}", "problem": PROBLEM} for n in numbers])


def test_a_file_of_linked_tickets_alone_does_not_judge_their_week(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "vecka.jsonl", _rows()), find_incidents=False)
    report = import_tickets(memory_db, _links_file(tmp_path, [1, 2]), find_incidents=False)
    assert report.linked == 2
    problems = ProblemRepository(memory_db)
    assert problems.weeks_gone_through("2026-12-01") == []  # 2 of 12 linked, but not by going through the week
    assert problems.unlinked_beside_links("2026-12-01", 100) == []


def test_the_look_alikes_of_a_linked_ticket_stay_in_its_topic(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "vecka.jsonl", _rows()), find_incidents=False)
    import_tickets(memory_db, _links_file(tmp_path, [1, 2]), find_incidents=False)
    topics = weekly_topics(memory_db, WEEK)["topics"]
    signing = {f"LNK-{n:03d}" for n in range(1, len(SIGNING) + 1)}
    problem_topic = next(t for t in topics if t["problem"] == PROBLEM)
    # before: the four look-alikes were judged no known problem and left the problem's topic of two
    assert len(signing & set(problem_topic["ticket_ids"])) >= 4


def test_a_whole_week_exported_with_its_problem_column_judges_the_week(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "vecka.jsonl", _rows(with_problem_column=True)),
                   find_incidents=False)
    problems = ProblemRepository(memory_db)
    assert problems.weeks_gone_through("2026-12-01") == [WEEK]  # the empty cells say "no known problem"
    assert len(problems.unlinked_beside_links("2026-12-01", 100)) == 10
    assert not problems.proposal_links([WEEK]).get(WEEK)  # nothing kept as links that judge their tickets alone


def test_the_whole_week_imported_after_its_links_judges_it_then(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "vecka.jsonl", _rows()), find_incidents=False)
    import_tickets(memory_db, _links_file(tmp_path, [1, 2]), find_incidents=False)
    assert ProblemRepository(memory_db).weeks_gone_through("2026-12-01") == []
    # the ticket tool's export of the whole week, the same links and empty cells, read later
    import_tickets(memory_db, write_jsonl(tmp_path / "hela.jsonl", _rows(with_problem_column=True)),
                   find_incidents=False)
    assert ProblemRepository(memory_db).weeks_gone_through("2026-12-01") == [WEEK]


def test_a_person_linking_in_the_app_still_goes_through_the_week(memory_db, tmp_path):
    import_tickets(memory_db, write_jsonl(tmp_path / "vecka.jsonl", _rows()), find_incidents=False)
    import_tickets(memory_db, _links_file(tmp_path, [1, 2]), find_incidents=False)
    for number in ("LNK-003", "LNK-004"):
        link_ticket(memory_db, stored_ticket(memory_db, number).id, PROBLEM, "anna")
    assert ProblemRepository(memory_db).weeks_gone_through("2026-12-01") == [WEEK]  # 2 of 12 by a person
