"""Masking keeps dates and times readable, also when a time or a phone number stands next to a date.

Regression tests for the ticket titled "sedan 06.05.2025 08:00" that was stored as "sedan [telefon]:00":
the phone pattern ran from the date into the hour, and the date could not be recovered.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_masking import written_phone_numbers

from elsdesk.masking import mask_text

DATES_AND_TIMES = [
    "sedan 06.05.2025 08:00",
    "sedan 06.05.2025 08.00",
    "2025-05-06 08:00",
    "2025-05-06 08.00",
    "2025-05-06T08:00:00",
    "6/5 2025 kl 08.00",
    "06.05.2025 kl. 14:30",
    "den 6.5.2025 08:15",
    "mellan 08.00-09.30",
    "mellan 08.00 - 09.30",
    "kl 08.00 09.30",
    "20250506 0800",
    "06-05-2025 08:00",
    "06/05/2025 08:00",
    "06.05.25 08:00",
    "06.05.2025 8:00",
    "06.05.2025 08:00:00",
    "06.05.2025 08:00-09:30",
    "06.05.2025 08.00 - 09.30",
    "den 01.02.2025 10.30",
    "0800 06.05.2025",
    "08.00 06.05.2025",
    "08:00 06.05.2025",
    "06.05.2025, 08:00",
]


@pytest.mark.parametrize("text", DATES_AND_TIMES)
def test_date_defect_a_date_with_a_time_stays_readable(text):
    assert mask_text(text).text == text


def test_date_defect_the_import_error_message_keeps_the_date():
    text = "created_at '06.05.2025 08:00' är inget ISO-datum"
    assert mask_text(text).text == text


_FORMS = ["{d:%d.%m.%Y} {t}", "{d:%d/%m/%Y} {t}", "{d:%d-%m-%Y} {t}", "{d:%Y-%m-%d} {t}", "{d:%d.%m.%y} {t}",
          "{d.day}.{d.month}.{d.year} {t}", "{d:%d.%m.%Y} kl {t}", "{t} {d:%d.%m.%Y}", "{d:%Y-%m-%d}T{t}"]


@st.composite
def written_dates_and_times(draw):
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    time = f"{hour:02d}{draw(st.sampled_from([':', '.']))}{minute:02d}"
    return draw(st.sampled_from(_FORMS)).format(d=day, t=time)


@settings(max_examples=400)
@given(written_dates_and_times())
def test_date_defect_any_date_with_a_time_stays_readable(text):
    assert mask_text(f"sedan {text} fungerar inget").text == f"sedan {text} fungerar inget"


def test_date_defect_identity_numbers_beside_a_date_are_still_masked():
    for number in ("19121212-1212", "20121212-1212", "121212-1212", "191212121212"):
        masked = mask_text(f"pat {number} sedan 06.05.2025 08:00").text
        assert masked == "pat [personnummer] sedan 06.05.2025 08:00", number
        masked = mask_text(f"06.05.2025 08:00 pat {number}").text
        assert masked == "06.05.2025 08:00 pat [personnummer]", number


def test_date_defect_phone_numbers_beside_a_date_or_time_are_still_masked():
    for text, kept in (("ring 070-123 45 67 sedan 06.05.2025 08:00", "06.05.2025 08:00"),
                       ("06.05.2025 08:00 ring 070-123 45 67", "06.05.2025 08:00"),
                       ("06.05.2025 08:00 070-123 45 67", "06.05.2025 08:00"),
                       ("06.05.2025 kl 08.00 070-123 45 67", "06.05.2025 kl 08.00"),
                       ("kl 08.00 070-123 45 67", "kl 08.00"),
                       ("2025-05-06 08-123 456 78", "2025-05-06"),
                       ("2025-05-06 08:00 +46 70 123 45 67", "2025-05-06 08:00"),
                       ("06.05.2025 0046 8 123 456", "06.05.2025"),
                       ("06.05.2025 0701234567", "06.05.2025"),
                       ("06.05.25 070-123 45 67", "06.05.25"),
                       ("(08) 123 45 06.05.2025", "06.05.2025"),
                       ("08-123 456 78 06.05.2025", "06.05.2025"),
                       ("031-12 34 56 den 6/5 2025 kl 08.00", "6/5 2025 kl 08.00"),
                       ("070 1234567 2025-05-06 08:00", "2025-05-06 08:00"),
                       ("+33 1 23 45 67 89 06.05.2025 08:00", "06.05.2025 08:00"),
                       ("0047 912 34 567 2025-05-06", "2025-05-06"),
                       ("01.01.2000 00:01 08-100 00 00", "01.01.2000 00:01"),  # found by the property below
                       ("06.05.2025 08:15 08-123 45 67", "06.05.2025 08:15")):
        masked = mask_text(text).text
        assert "[telefon]" in masked and kept in masked, (text, masked)
        rest = masked.replace(kept, "")
        assert not any(c.isdigit() for c in rest), (text, masked)


@settings(max_examples=400)
@example(when="08:00 01.01.2000", phone="08-24126585", layout="{p} {w}")  # a split serial took the hour (2026-12-06)
@given(written_dates_and_times(), written_phone_numbers(), st.sampled_from(["{w} {p}", "{p} {w}", "{w}, {p}", "{p} sedan {w}"]))
def test_date_defect_any_phone_number_beside_a_date_is_masked_and_the_date_kept(when, phone, layout):
    text = layout.format(w=when, p=phone)
    masked = mask_text(text).text
    assert when in masked, (text, masked)
    rest = masked.replace(when, "", 1)
    assert "[telefon]" in rest or "nummer]" in rest, (text, masked)  # 0704720499 is also a valid samordningsnummer
    assert "".join(c for c in phone if c.isdigit())[-6:] not in "".join(c for c in rest if c.isdigit()), (text, masked)


def test_date_defect_phone_numbers_that_resemble_a_date_or_a_time_are_still_masked():
    for phone in ("08.12.34 56", "070.123.45.67", "070-1234567/070-7654321", "08 12 34 56", "(08) 123 45 67"):
        masked = mask_text(f"ring {phone} kl 08.00").text
        assert masked.endswith(" kl 08.00") and not any(c.isdigit() for c in masked[:-len(" kl 08.00")]), (phone, masked)
    for text in ("kl 08.12 34 56", "06.05.2025 08.12 34 56"):
        assert "34 56" not in mask_text(text).text, text


def test_date_defect_a_phone_number_before_a_date_does_not_take_the_dates_year_as_a_serial():
    """Found by the property test above: "701123 2001" of "070-701123 2001-01-01 00:00" read as a personal
    identity number, and the phone number and the date were both broken."""
    assert mask_text("070-701123 2001-01-01 00:00").text == "[telefon] 2001-01-01 00:00"
    assert mask_text("19121212-1212-01-01").text == "[personnummer]-01-01"  # no year: still the serial
