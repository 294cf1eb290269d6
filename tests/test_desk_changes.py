"""Which change notices of a shared desk each view follows (elsdesk.services.desk_changes, migration 025)."""

from __future__ import annotations

import pytest

from elsdesk.services.agenda_rules import AGENDA_KEY
from elsdesk.services.classification import KIND_GUESSES_KEY
from elsdesk.services.desk_changes import model_may_have_changed, setting_keys, training_may_have_changed
from elsdesk.services.import_numbers import ID_CLASH_SETTING_PREFIX
from elsdesk.services.masked_ids import ID_KEY_SETTING
from elsdesk.services.merge_desk import MERGED_SETTING_PREFIX
from elsdesk.services.review import CONFIRMATIONS_KEY, INTAKE_KEY, LAST_TRAINED_KEY, THRESHOLD_KEY
from elsdesk.storage.models import ACTIVE_KEY, HISTORY_KEY
from elsdesk.storage.problems import PROPOSAL_LINKS_KEY, UNLINKED_KEY
from elsdesk.storage.removal import REMOVED_UP_TO
from elsdesk.storage.tickets import FULLTEXT_DEFERRED

BOOKKEEPING = [CONFIRMATIONS_KEY, INTAKE_KEY, LAST_TRAINED_KEY, THRESHOLD_KEY, KIND_GUESSES_KEY, ID_KEY_SETTING,
               ID_CLASH_SETTING_PREFIX + "export.csv", MERGED_SETTING_PREFIX + "desk-a", REMOVED_UP_TO, FULLTEXT_DEFERRED,
               ACTIVE_KEY, HISTORY_KEY]
SHOWN_ON_THE_TRAINING_TAB = ["go_live", AGENDA_KEY.format(week="2025-W18"), PROPOSAL_LINKS_KEY.format(week="2025-W18"),
                             UNLINKED_KEY.format(week="2025-W18"), "topics_computed:2025-W18", "taxonomy.additions"]


def test_a_settings_notice_names_its_key():
    assert setting_keys({"tickets", "settings:go_live", "settings:agenda_picks:2025-W18"}) == {
        "go_live", "agenda_picks:2025-W18"}
    assert setting_keys({"settings"}) == {""}, "a notice without a key (a server before 025) names every key"


@pytest.mark.parametrize("key", BOOKKEEPING)
def test_bookkeeping_settings_leave_the_training_tab_alone(key):
    assert not training_may_have_changed({"settings:" + key, "label_history", "review_decisions", "tickets"})


@pytest.mark.parametrize("key", SHOWN_ON_THE_TRAINING_TAB)
def test_settings_the_training_tab_reads_reload_it(key):
    assert training_may_have_changed({"settings:" + key})


@pytest.mark.parametrize("notices", [{"topic_registry"}, {"problems"}, {"settings"}])
def test_topics_problems_and_an_unnamed_setting_reload_the_training_tab(notices):
    assert training_may_have_changed(notices)


def test_only_a_stored_model_or_the_active_one_may_mean_another_model():
    assert model_may_have_changed({"models"})
    assert model_may_have_changed({"settings:" + ACTIVE_KEY})
    assert model_may_have_changed({"settings"})
    assert not model_may_have_changed({"settings:" + CONFIRMATIONS_KEY, "label_history", "tickets"})
    assert not model_may_have_changed({"settings:go_live", "topic_registry"})
