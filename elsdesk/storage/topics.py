"""The topic repository: topics keep an identity across weeks (registry) and a result per week."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from elsdesk.storage.database import Database


@dataclass
class RegisteredTopic:
    id: str
    module: str | None
    label: str
    stems: dict[str, float]
    first_week: str
    last_week: str
    custom_label: str | None = None
    covered_on: str | None = None
    on_agenda: bool = False
    merged_into: str | None = None
    rejected_on: str | None = None  # a proposal people said is no problem

    @property
    def display_label(self) -> str:
        return self.custom_label or self.label


@dataclass
class TopicWeek:
    topic_id: str
    week: str
    count: int
    ticket_ids: list[int]
    detail: dict = field(default_factory=dict)


_REGISTRY_COLUMNS = ("id, module, label, stems, first_week, last_week, custom_label, covered_on, on_agenda, merged_into,"
                     " rejected_on")


def _registered(row) -> RegisteredTopic:
    topic = RegisteredTopic(*row)
    topic.stems = json.loads(topic.stems)
    topic.on_agenda = bool(topic.on_agenda)
    return topic


class TopicRepository:
    def __init__(self, database: Database):
        self.database = database
        self.conn = database.conn

    def registry(self, module: str | None = None) -> list[RegisteredTopic]:
        if module is None:
            rows = self.database.query(f"SELECT {_REGISTRY_COLUMNS} FROM topic_registry")
        else:
            rows = self.database.query(f"SELECT {_REGISTRY_COLUMNS} FROM topic_registry WHERE module IS NOT DISTINCT FROM ?", (module,))
        return [_registered(r) for r in rows]

    def get(self, topic_id: str) -> RegisteredTopic | None:
        rows = self.database.query(f"SELECT {_REGISTRY_COLUMNS} FROM topic_registry WHERE id = ?", (topic_id,))
        return _registered(rows[0]) if rows else None

    def resolve(self, topic_id: str) -> str:
        """Follow merges to the topic that lives on."""
        seen = set()
        while topic_id not in seen:
            seen.add(topic_id)
            rows = self.database.query("SELECT merged_into FROM topic_registry WHERE id = ?", (topic_id,))
            if not rows or not rows[0][0]:
                return topic_id
            topic_id = rows[0][0]
        return topic_id

    # writes: callers hold Database.write()
    def save_registered(self, topic: RegisteredTopic) -> None:
        # an upsert, not INSERT OR REPLACE: a replace deletes the row and cascades to its weeks. A
        # known topic gets the machine's fields only; what people curated (name, agenda, covered,
        # merges) is changed by update_fields alone, so a recompute never undoes an edit.
        self.conn.execute(
            f"INSERT INTO topic_registry ({_REGISTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET module = excluded.module, label = excluded.label, stems = excluded.stems,"
            " first_week = excluded.first_week, last_week = excluded.last_week",
            (topic.id, topic.module, topic.label, json.dumps(topic.stems, ensure_ascii=False), topic.first_week,
             topic.last_week, topic.custom_label, topic.covered_on, int(topic.on_agenda), topic.merged_into,
             topic.rejected_on),
        )

    def update_fields(self, topic_id: str, **values) -> None:
        allowed = {"custom_label", "covered_on", "on_agenda", "merged_into", "label", "rejected_on"}
        columns = [k for k in values if k in allowed]
        if columns:
            self.conn.execute(
                f"UPDATE topic_registry SET {', '.join(c + ' = ?' for c in columns)} WHERE id = ?",
                [values[c] for c in columns] + [topic_id],
            )

    def replace_week(self, week: str, results: list[TopicWeek]) -> None:
        self.conn.execute("DELETE FROM topic_weeks WHERE week = ?", (week,))
        for result in results:
            self.conn.execute(
                "INSERT INTO topic_weeks (topic_id, week, count, ticket_ids, detail) VALUES (?, ?, ?, ?, ?)",
                (result.topic_id, week, result.count, json.dumps(result.ticket_ids),
                 json.dumps(result.detail, ensure_ascii=False)),
            )

    def week_results(self, week: str) -> list[TopicWeek]:
        rows = self.database.query(
            "SELECT topic_id, week, count, ticket_ids, detail FROM topic_weeks WHERE week = ? ORDER BY count DESC", (week,))
        return [TopicWeek(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4])) for r in rows]

    def has_week(self, week: str) -> bool:
        return bool(self.database.query("SELECT 1 FROM topic_weeks WHERE week = ? LIMIT 1", (week,)))

    def counts_by_week(self, topic_id: str) -> dict[str, int]:
        """The topic's tickets per week; in a week it has none stored, those of the topics merged into
        it (a proposal accepted as a known problem, or merged into one, brings its history along)."""
        return self.counts_by_week_of_many([topic_id])[topic_id]

    def counts_by_week_of_many(self, topic_ids) -> dict[str, dict[str, int]]:
        """:meth:`counts_by_week` of each of *topic_ids*, in a fixed number of queries however many
        topics a report shows: the registry's merges once, then the stored weeks of all of them and
        of the topics merged into them."""
        topic_ids = list(dict.fromkeys(topic_ids))
        if not topic_ids:
            return {}
        merged = self._merged_children()
        families = {topic_id: _merged_into(topic_id, merged) for topic_id in topic_ids}
        rows = self._weeks_of({i for family in families.values() for i in family} | set(topic_ids))
        return {topic_id: _with_merged_history(topic_id, families[topic_id], rows) for topic_id in topic_ids}

    def merged_into_it(self, topic_id: str) -> list[str]:
        """Every topic merged into *topic_id*, directly or through another merge."""
        return _merged_into(topic_id, self._merged_children())

    def _merged_children(self) -> dict[str, list[str]]:
        """For each topic that others were merged into, the topics merged directly into it (one query)."""
        children: dict[str, list[str]] = {}
        for topic_id, into in self.database.query(
                "SELECT id, merged_into FROM topic_registry WHERE merged_into IS NOT NULL"):
            children.setdefault(into, []).append(topic_id)
        return children

    def _weeks_of(self, topic_ids: set[str]) -> dict[str, list[tuple[str, int]]]:
        """The stored (week, count) of each of *topic_ids* (a query per 900 topics, below SQLite's variable limit)."""
        ordered, found = sorted(topic_ids), {}
        for start in range(0, len(ordered), 900):
            chunk = ordered[start : start + 900]
            for topic_id, week, count in self.database.query(
                    f"SELECT topic_id, week, count FROM topic_weeks WHERE topic_id IN ({','.join('?' * len(chunk))})", chunk):
                found.setdefault(topic_id, []).append((week, count))
        return found

    def computed_weeks(self) -> list[str]:
        """The weeks whose topics have been worked out, oldest first."""
        return [row[0] for row in self.database.query("SELECT DISTINCT week FROM topic_weeks ORDER BY week")]


def _merged_into(topic_id: str, children: dict[str, list[str]]) -> list[str]:
    """Every topic merged into *topic_id*, directly or through another merge, nearest first
    (*children*: the direct merges, as :meth:`TopicRepository._merged_children` reads them)."""
    found: list[str] = []
    frontier = [topic_id]
    while frontier:
        frontier = [child for parent in frontier for child in children.get(parent, ())
                    if child not in found and child != topic_id]
        frontier = list(dict.fromkeys(frontier))
        found.extend(frontier)
    return found


def _with_merged_history(topic_id: str, family: list[str], weeks: dict[str, list[tuple[str, int]]]) -> dict[str, int]:
    """The topic's own count per week and, in a week it has none stored, the sum of its *family*'s."""
    own = dict(weeks.get(topic_id, ()))
    earlier: dict[str, int] = {}
    for source in family:
        for week, count in weeks.get(source, ()):
            if week not in own:
                earlier[week] = earlier.get(week, 0) + count
    return {**earlier, **own}
