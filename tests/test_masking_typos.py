"""Masking leftovers: a mistyped identity number after a label, and the hours of a medication round.

Regression tests for two reports:

* "pnr 19121212-121", "personnummer 1912121212 1" and "pnr 191212-12121" were stored as typed: after a label
  only 10 or 12 digits were masked, but a number with a digit too few or too many still identifies the patient
  (the Luhn digit even restores a missing last digit). Without a label such a run is an order or phone number
  and stays.
* "kl 08 12 16 20 22" was stored as "kl [telefon]": whole hours after "kl" are times, not a phone number.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_masking import safe_text, written_phone_numbers

from elsdesk.masking import mask_text


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


# -- 1. 9 and 11 digits after a label ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, masked", [
    ("pnr 19121212-121", "pnr [personnummer]"),                  # the century form, a digit short
    ("personnummer 1912121212 1", "personnummer [personnummer]"),  # the last digit typed after a space
    ("pnr 191212-12121", "pnr [personnummer]"),                  # a digit too many after the hyphen
    ("pnr 121212-121", "pnr [personnummer]"),                    # the short form, a digit short
    ("Pnr: 1912121212 1 ringde", "Pnr: [personnummer] ringde"),
    ("p-nr 12121212121", "p-nr [personnummer]"),
    ("pers.nr 121212121", "pers.nr [personnummer]"),
    ("ID-nr 19 12 12 12-121", "ID-nr [personnummer]"),
    ("födelsenummer 121212+12121", "födelsenummer [personnummer]"),
    ("Personnummer:\n19121212 121", "Personnummer:\n[personnummer]"),
    ("samordningsnr 19121275-121", "samordningsnr [samordningsnummer]"),  # the day 61-91 decides, as for 10 digits
    ("sam.nr 121275-12121", "sam.nr [samordningsnummer]"),
    ("pnr 121275-121", "pnr [samordningsnummer]"),
])
def test_typo_a_labelled_number_a_digit_short_or_over_is_masked(text, masked):
    result = mask_text(text)
    assert result.text == masked
    assert result.total == 1


@pytest.mark.parametrize("text, masked", [
    ("pnr 121212-121 12 st", "pnr [personnummer] 12 st"),          # a 9-digit number keeps the count after it
    ("pnr 121212-1213 1 st", "pnr [personnummer] 1 st"),           # 10 digits still win over 11 without a century
    ("pnr 19121212-121, tel 070-123 45 67", "pnr [personnummer], tel [telefon]"),
    ("pnr 191212-12121 sedan 06.05.2025 08:00", "pnr [personnummer] sedan 06.05.2025 08:00"),
    ("pnr 19121212-1213 5 st", "pnr [personnummer] 5 st"),         # 12 digits still win over 13
])
def test_typo_a_labelled_number_ends_where_the_typed_number_ends(text, masked):
    assert mask_text(text).text == masked


@pytest.mark.parametrize("text", [
    # the same digit runs without a label: order, article and reference numbers
    "order 19121212-121", "ordernr 1912121212 1", "ring 191212-12121", "artikel 121212-121",
    "Lid-nr 19121212-121", "fakturanr 121212121", "Kontaktperson nr 12121212121",
    # a label with fewer than 9 digits, or more than 12, or a date and time
    "pnr 1212-1212", "Pnr 12345678", "personnummer 1212121213456", "pnr 2025-05-06 0800",
])
def test_typo_a_digit_run_without_a_label_stays_readable(text):
    assert mask_text(text).text == text


_LABELS = st.sampled_from(["pnr", "Pnr", "p-nr", "pers.nr", "personnummer", "Personnumret", "samordningsnr",
                           "sam.nr", "födelsenr", "ID-nr", "id nr"])
_GAPS = st.sampled_from([" ", ": ", ":", " : ", "\u00a0", ":\n"])
_SEPARATORS = st.sampled_from(["-", "+", " ", "\u00a0", " - ", ".", "\u2013", "_", ""])


@st.composite
def mistyped_numbers(draw):
    """9 or 11 digits (10 or 12 with one dropped or one added) in the groupings people type."""
    length = draw(st.sampled_from([9, 11]))
    digits = draw(st.text(alphabet="0123456789", min_size=length, max_size=length))
    if length == 11 and draw(st.booleans()):
        digits = draw(st.sampled_from(["18", "19", "20"])) + digits[2:]
    cut = draw(st.sampled_from([len(digits) - 3, len(digits) - 4, len(digits) - 5, len(digits) - 1]))
    return digits[:cut] + draw(_SEPARATORS) + digits[cut:], digits


@settings(max_examples=400)
@given(safe_text, _LABELS, _GAPS, mistyped_numbers(), safe_text)
def test_typo_any_mistyped_labelled_number_is_masked(before, label, gap, typed, after):
    number, digits = typed
    masked = mask_text(f"{before} {label}{gap}{number} {after}").text
    assert "[personnummer]" in masked or "[samordningsnummer]" in masked, (number, masked)
    assert digits not in _digits(masked), (number, masked)


# -- 2. the hours of a medication round after "kl" -------------------------------------------------------------------
MEDICATION_ROUNDS = [
    "kl 08 12 16 20 22", "kl. 8 12 16 20", "kl 08, 12, 16", "Klockan 08 12 16 20 22 tabl Alvedon",
    "Waran kl 08 12 16 20 22, 30 ml", "kl 08,12,16,20 och 22", "ges kl 06 14 22.", "kl 00 04 08 12 16 20",
    "dosering kl 08-13-17-21", "kl 08.00 09.30",
]


@pytest.mark.parametrize("text", MEDICATION_ROUNDS)
def test_clock_list_hours_after_kl_stay_readable(text):
    assert mask_text(text).text == text


@pytest.mark.parametrize("text, masked", [
    ("ring 08 12 34 56", "ring [telefon]"),
    ("tel 070 123 45 67", "tel [telefon]"),
    ("kl 08.00 ring 070-123 45 67", "kl 08.00 ring [telefon]"),
    ("kl 08 12 34 56", "kl [telefon]"),                     # 34 and 56 are no hours: a phone number after "kl"
    ("kl 08 12 16 20 22 070-123 45 67", "kl 08 12 16 20 22 [telefon]"),
    ("kl 08 12 16 20 22 ring 08 12 34 56", "kl 08 12 16 20 22 ring [telefon]"),
    ("skal 08 12 16 20 22", "skal [telefon]"),              # no "kl" of its own
])
def test_clock_list_phone_numbers_are_still_masked(text, masked):
    assert mask_text(text).text == masked


_HOURS = st.lists(st.integers(0, 23), min_size=2, max_size=8)


@settings(max_examples=300)
@given(st.sampled_from(["kl ", "kl. ", "Kl ", "klockan "]), _HOURS, st.booleans(), st.sampled_from([" ", ", ", ","]))
def test_clock_list_any_list_of_hours_after_kl_stays_readable(clock, hours, padded, gap):
    text = f"ges {clock}{gap.join(f'{h:02d}' if padded else str(h) for h in hours)} dagligen"
    assert mask_text(text).text == text


@settings(max_examples=300)
@given(_HOURS, written_phone_numbers(), st.sampled_from(["{kl}, ring {p}", "ring {p} {kl}", "{kl} tel {p}"]))
def test_clock_list_a_phone_number_beside_the_hours_is_masked_and_the_hours_kept(hours, phone, layout):
    clock = "kl " + " ".join(f"{h:02d}" for h in hours)
    masked = mask_text(layout.format(kl=clock, p=phone)).text
    assert clock in masked, (phone, masked)
    rest = masked.replace(clock, "", 1)
    assert "[telefon]" in rest or "nummer]" in rest, (phone, masked)  # 0704720499 is also a valid samordningsnummer
    assert _digits(phone)[-6:] not in _digits(rest), (phone, masked)
