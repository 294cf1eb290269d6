"""Learning curve and before/after of the last training, from model cards (issues 4 and 11):
one measure throughout, the share right on new confirmed tickets the model was not trained on."""

from __future__ import annotations

from elsdesk.services.learning_curve import comparison_in_words, last_training, learning_curve

SHIPPED = {"version": "shipped", "created": "2025-04-01T10:00:00", "training": {"confirmed_rows": 0},
           "quality": {"method": "5-fold", "macro_f1": 0.81}}


def _evaluation(n, new, active, active_version, low=-0.05, high=0.1):
    return {"status": "measured", "n": n, "modules": 8, "near_duplicates": 3, "eligible": n + 3,
            "new": {"correct": new, "n": n, "accuracy": new / n, "low": new / n - 0.05, "high": new / n + 0.05},
            "active": {"version": active_version, "correct": active, "n": n, "accuracy": active / n,
                       "low": active / n - 0.05, "high": active / n + 0.05},
            "difference": (new - active) / n, "difference_low": low, "difference_high": high,
            "verdict": "better" if low > 0 else "same", "min_tickets": 30, "min_modules": 3}


FIRST = {"version": "20250502-100000", "created": "2025-05-02T10:00:00",
         "training": {"confirmed_rows": 60, "held_out_rows": 40},
         "quality": {"macro_f1": 0.78}, "evaluation": _evaluation(40, 32, 30, "shipped"),
         "previous": {"version": "shipped", "quality": {"macro_f1": 0.74}}}
SECOND = {"version": "20250509-100000", "created": "2025-05-09T10:00:00",
          "training": {"confirmed_rows": 180, "held_out_rows": 36},
          "quality": {"macro_f1": 0.86}, "evaluation": _evaluation(100, 90, 80, "20250502-100000", 0.03, 0.17),
          "previous": {"version": "20250502-100000", "quality": {"macro_f1": 0.80}}}
TOO_FEW = {"version": "20250503-100000", "created": "2025-05-01T09:00:00", "training": {"confirmed_rows": 5},
           "quality": {"method": "none"}, "previous": {"version": "shipped", "quality": None},
           "evaluation": {"status": "too_few", "reason": "few_tickets", "n": 4, "modules": 2, "near_duplicates": 1,
                          "min_tickets": 30, "min_modules": 3}}


def test_curve_shows_one_measure_the_shipped_model_from_the_first_retrain_not_its_cross_validation():
    points = learning_curve([SECOND, TOO_FEW, SHIPPED, FIRST])
    assert [(p.version, p.confirmed, round(p.accuracy, 3), p.n) for p in points] == [
        ("shipped", 0, 0.75, 40), ("20250502-100000", 60, 0.8, 40), ("20250509-100000", 180, 0.9, 100)]
    assert all(p.low <= p.accuracy <= p.high for p in points)


def test_last_training_gives_before_and_after_on_the_same_tickets_with_a_range():
    comparison = last_training([SHIPPED, FIRST, SECOND])
    assert (comparison.version, comparison.before_correct, comparison.after_correct, comparison.n) == ("20250509-100000", 80, 90, 100)
    assert comparison.measured and comparison.improved is True
    words = comparison_in_words(SECOND["evaluation"])
    assert "90 av 100" in words and "80 av 100" in words and "+3,0 till +17,0" in words and "skillnad +10,0" in words


def test_too_little_data_is_said_in_words_not_a_number():
    assert last_training([SHIPPED]) is None
    comparison = last_training([TOO_FEW])
    assert comparison.improved is None and not comparison.measured and comparison.reason == "few_tickets"
    words = comparison_in_words(TOO_FEW["evaluation"])
    assert "minst 30" in words and "Ingen siffra" in words and "%" not in words
