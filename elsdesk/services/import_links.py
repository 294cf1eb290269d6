"""Whether an import's links to known problems say anything of the tickets it did not link.

A week in which people linked a tenth or more of the tickets counts as gone through: what they left
unlinked they judged to be no known problem, and the topics neither place those tickets under a problem
nor join them to one (:meth:`~elsdesk.storage.problems.ProblemRepository.weeks_gone_through`). A file
can say that too: a ticket tool's export of the whole week with its "Känt problem" column, empty where
the ticket is none. But a file of the linked tickets alone (a training lead's list of numbers and
problems, an export filtered on the column) says nothing of the week's others; its links made a week
"gone through", and the unlinked look-alikes of a linked problem dropped out of every topic (a
first-day tester's week lost its only agenda item).

So each link an import makes is first recorded as one that judged its ticket, not the week (the record
of a proposal's take-over, :data:`~elsdesk.storage.problems.PROPOSAL_LINKS_KEY`), in the batch that
makes it: an import cancelled half-way has judged no week. When the whole file is read, the weeks whose
other tickets the file held too (at least :data:`HELD_SHARE` of them, with the problem column empty)
are weeks the file went through, and their links leave the record.
"""

from __future__ import annotations

from collections import Counter

from elsdesk.domain import iso_week_of
from elsdesk.storage import Database
from elsdesk.storage.problems import ProblemRepository, forget_proposal_links

# the share of a week's tickets that the file did not link which its rows must hold, for its links to
# judge the week (a whole week's export holds all of them; a list of the linked tickets none)
HELD_SHARE = 0.5


class ImportLinks:
    """The links one import made, by week, and how many of each week's tickets its rows held."""

    def __init__(self) -> None:
        # tickets the file's rows held by day ("2026-11-23"), without a problem / naming one (new links or not);
        # counted by day, not week, so that a row costs a slice, and summed by week at the end
        self.unlinked_by_day: Counter[str] = Counter()
        self.linking_by_day: Counter[str] = Counter()
        self.linked_by_week: dict[str, set[int]] = {}  # {week: the ticket ids the file linked, anew or as they were}

    def see(self, created_at: str, linking: bool) -> None:
        """A row of the file held a ticket created at *created_at*, naming a known problem (*linking*) or not."""
        (self.linking_by_day if linking else self.unlinked_by_day)[created_at[:10]] += 1

    def record(self, conn, problems: ProblemRepository, linked: dict[str, dict[int, int]],
               made: dict[str, dict[int, int]]) -> None:
        """Inside a batch's transaction: the tickets the batch linked (*linked*: {week: {ticket id: problem
        id}}), and its new links (*made*, of the same form) recorded as judging their tickets alone."""
        for week, links in linked.items():
            self.linked_by_week.setdefault(week, set()).update(links)
        for week, links in made.items():
            problems.record_proposal_links(conn, week, links)

    def judge_weeks(self, database: Database) -> list[str]:
        """After the whole file: the weeks the file went through (their links leave the record and judge the
        week, the links made before it as well), oldest first."""
        weeks = sorted(self.linked_by_week)
        if not weeks:
            return []
        totals = dict(database.query(
            f"SELECT iso_week, count(*) FROM tickets WHERE iso_week IN ({','.join('?' * len(weeks))}) GROUP BY iso_week",
            weeks))
        unlinked, linking = _by_week(self.unlinked_by_day), _by_week(self.linking_by_day)
        judged = [week for week in weeks
                  if totals.get(week, 0) - linking[week] <= 0
                  or unlinked[week] >= HELD_SHARE * (totals.get(week, 0) - linking[week])]
        if judged:
            with database.write() as conn:
                for week in judged:
                    forget_proposal_links(conn, week, self.linked_by_week[week])
        return judged


def _by_week(by_day: Counter[str]) -> Counter[str]:
    weeks: Counter[str] = Counter()
    for day, count in by_day.items():
        weeks[iso_week_of(day)] += count
    return weeks
