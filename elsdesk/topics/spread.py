"""Problems reported a little every week: proposals from the tickets no weekly topic took.

A problem reported once or twice a week for a month never makes a weekly topic, yet it is exactly
what a training lead should see. So the tickets left over this week (in no topic, under no known
problem) are grouped again together with those left over in the weeks before; a group that holds
tickets of this week and of at least :data:`MIN_WEEKS` different weeks, :data:`MIN_TICKETS` in
all, is proposed this week (the finder keeps no group whose tickets share no word but their module's
own name: three short questions about different things in "Nova" are no problem recurring). Its name and key words
come from the whole group; this week's tickets are its members this week.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from elsdesk.topics.finder import FoundTopic, Ticketish, TopicFinder

BACK_WEEKS = 4     # earlier weeks whose left-over tickets are looked at again
MIN_WEEKS = 3      # distinct weeks a spread group needs, this one included
MIN_TICKETS = 3
MAX_EARLIER = 6000  # left-over tickets of earlier weeks at most (the newest)


@dataclass
class SpreadTopic:
    topic: FoundTopic  # members and examples: positions in this week's left-over tickets
    weeks: int         # distinct weeks its tickets come from
    earlier_by_week: dict[str, int]  # its tickets from earlier weeks, by ISO week (none of them in a topic there)


def spread_topics(finder: TopicFinder, left_over: list[Ticketish], earlier: list[tuple[str, Ticketish]],
                  is_cancelled=None) -> list[SpreadTopic]:
    """Groups of *left_over* (this week's) and *earlier* ((week, ticket) left over before) tickets
    that recur over the weeks, as proposals for this week."""
    if not left_over or not earlier:
        return []
    pool = list(left_over) + [ticket for _week, ticket in earlier]
    week_of = ["this"] * len(left_over) + [week for week, _ticket in earlier]
    grouper = TopicFinder(distance_threshold=finder.distance_threshold, min_size=MIN_TICKETS,
                          random_state=finder.random_state, reference_texts=finder.reference_texts,
                          char_weight=finder.char_weight, lsa_weight=finder.lsa_weight, kind_penalty=finder.kind_penalty)
    found = []
    for topic in grouper.find(pool, is_cancelled):
        mine = [m for m in topic.members if m < len(left_over)]
        weeks = {week_of[m] for m in topic.members}
        if mine and len(weeks) >= MIN_WEEKS:
            earlier_by_week = Counter(week_of[m] for m in topic.members if m >= len(left_over))
            topic.examples = [m for m in topic.examples if m < len(left_over)] or mine[:1]
            topic.members = mine
            found.append(SpreadTopic(topic, len(weeks), dict(earlier_by_week)))
    return found
