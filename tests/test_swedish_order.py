"""Swedish alphabetical order in Python (names a person picks from) agrees with the SQL sort key."""

from __future__ import annotations

from elsdesk.swedish_order import swedish_key

NAMES = ["Översikt", "Zebra", "ärende", "Åtgärd", "apa", "Éva", "öga", "åtta", "Bana", "Über", "yxa"]


def test_names_sort_case_free_with_a_ring_a_umlaut_o_umlaut_last():
    assert sorted(NAMES, key=swedish_key) == ["apa", "Bana", "Éva", "Über", "yxa", "Zebra", "Åtgärd", "åtta",
                                               "ärende", "öga", "Översikt"]
    assert swedish_key(None) == ""
