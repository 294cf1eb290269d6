"""A possible incident is named by its central report's title without the units and places it names (a keyboard
tester's eight outage reports from six units were listed as "Hela Cosmic står still på avd 4")."""

from __future__ import annotations

import pytest

from elsdesk.services.surge_rules import incident_label

UNITS = ("Avd 4 medicin", "Akuten", "Ortopeden")


@pytest.mark.parametrize("title, named", [
    ("Hela Cosmic står still på avd 4", "Hela Cosmic står still"),
    ("Cosmic fryser på akuten", "Cosmic fryser"),
    ("Systemet svarar inte på Ortopeden", "Systemet svarar inte"),
    ("Skrivaren på 32:an skriver inte", "Skrivaren skriver inte"),
    ("Timglaset snurrar, Vårdcentralen Åsen", "Timglaset snurrar"),
    ("Etikettskrivaren skriver inte", "Etikettskrivaren skriver inte"),  # nothing to take out
    ("NPÖ nere", "NPÖ nere"),
    ("Avd 4", "Avd 4"),  # nothing would be left: as written
    ("Akuten: allt står", "allt står"),
    ("Akuten: nere", "Akuten: nere"),  # one word would be left: as written
])
def test_an_incident_is_named_without_its_units_and_places(title, named):
    assert incident_label(title, UNITS) == named
