"""Learning curve and before/after of the last training, from model cards (issue 4)."""

from __future__ import annotations

from elsdesk.services.learning_curve import last_training, learning_curve

SHIPPED = {"version": "shipped", "created": "2025-04-01T10:00:00", "training": {"confirmed_rows": 0},
           "quality": {"method": "5-fold", "macro_f1": 0.81}}
FIRST = {"version": "20250502-100000", "created": "2025-05-02T10:00:00",
         "training": {"confirmed_rows": 60, "held_out_rows": 12},
         "quality": {"macro_f1": 0.78}, "previous": {"version": "shipped", "quality": {"macro_f1": 0.74}}}
SECOND = {"version": "20250509-100000", "created": "2025-05-09T10:00:00",
          "training": {"confirmed_rows": 180, "held_out_rows": 36},
          "quality": {"macro_f1": 0.86}, "previous": {"version": "20250502-100000", "quality": {"macro_f1": 0.80}}}
TOO_FEW = {"version": "20250503-100000", "created": "2025-05-01T09:00:00", "training": {"confirmed_rows": 5},
           "quality": {"method": "none"}, "previous": {"version": "shipped", "quality": None}}


def test_curve_has_one_point_per_measured_version_by_confirmed_labels():
    points = learning_curve([SECOND, TOO_FEW, SHIPPED, FIRST])
    assert [(p.version, p.confirmed, p.macro_f1) for p in points] == [
        ("shipped", 0, 0.81), ("20250502-100000", 60, 0.78), ("20250509-100000", 180, 0.86)]


def test_last_training_gives_before_and_after_on_the_same_held_out_tickets():
    comparison = last_training([SHIPPED, FIRST, SECOND])
    assert (comparison.version, comparison.before, comparison.after, comparison.held_out) == ("20250509-100000", 0.80, 0.86, 36)
    assert comparison.improved is True


def test_no_site_training_means_no_comparison():
    assert last_training([SHIPPED]) is None
    assert last_training([TOO_FEW]).improved is None
