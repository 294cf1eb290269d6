"""What another workstation's change notice means for what a window shows, on a shared PostgreSQL desk.

The server sends a notice per changed table (``tickets``, ``topic_registry``, ...) and, for the settings
table, one per changed key (``settings:<key>``, migration 025). Most settings writes are bookkeeping no
screen shows: every review confirmation counts towards the retrain offer, and when a settings notice only
named its table, each Enter of any super-user on the desk made every training lead's Utbildning tab load
its week again. These functions say which notices a view has to follow; the window only asks them.
"""

from __future__ import annotations

from collections.abc import Iterable

SETTING_NOTICE = "settings:"

# Settings that nothing on the Utbildning tab shows: the review queue's counters, threshold and intake
# ("review."), the classifier's and the import's bookkeeping, the deletion watermark, merged desks' marks and
# the active model (the window follows that one itself: model_may_have_changed).
NOT_ON_THE_TRAINING_TAB = ("review.", "classification.", "tickets.", "import_id", "fulltext_deferred",
                           "merged_desk:", "active_model", "model_history")
TRAINING_TABLES = frozenset({"topic_registry", "problems"})
MODEL_SETTINGS = frozenset({"active_model"})


def setting_keys(notices: Iterable[str]) -> frozenset[str]:
    """The settings keys the notices name (a bare ``settings``, from a server before migration 025, names
    every key: ``""``)."""
    keys = set()
    for notice in notices:
        if notice == "settings":
            keys.add("")
        elif notice.startswith(SETTING_NOTICE):
            keys.add(notice[len(SETTING_NOTICE):])
    return frozenset(keys)


def training_may_have_changed(notices: Iterable[str]) -> bool:
    """Whether the notices may change what the Utbildning tab shows: the topics' registry (names, merges,
    acceptances), the known problems, or a setting it reads (go-live, agenda picks, links of proposals,
    weeks worked out)."""
    notices = frozenset(notices)
    return bool(notices & TRAINING_TABLES) or any(not key.startswith(NOT_ON_THE_TRAINING_TAB)
                                                  for key in setting_keys(notices))


def model_may_have_changed(notices: Iterable[str]) -> bool:
    """Whether the notices may mean another active model: a model stored, or the active one set."""
    notices = frozenset(notices)
    keys = setting_keys(notices)
    return "models" in notices or bool(keys & MODEL_SETTINGS) or "" in keys
