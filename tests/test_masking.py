"""Masking of personnummer, samordningsnummer, phone numbers and e-mail (property-based)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from elsdesk.masking import luhn_ok, mask_text


def _with_check_digit(nine: str) -> str:
    for digit in "0123456789":
        if luhn_ok(nine + digit):
            return nine + digit
    raise AssertionError("no Luhn digit")


@st.composite
def identity_numbers(draw, coordination=False):
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2024, 12, 31)))
    day = born.day + (60 if coordination else 0)
    serial = draw(st.integers(min_value=0, max_value=999))
    ten = _with_check_digit(f"{born:%y%m}{day:02d}{serial:03d}")
    style = draw(st.sampled_from(["yymmdd-nnnn", "yyyymmdd-nnnn", "yymmddnnnn", "yyyymmddnnnn", "yymmdd+nnnn"]))
    century = f"{born.year // 100}"
    if style == "yymmdd-nnnn":
        return f"{ten[:6]}-{ten[6:]}"
    if style == "yyyymmdd-nnnn":
        return f"{century}{ten[:6]}-{ten[6:]}"
    if style == "yymmddnnnn":
        return ten
    if style == "yymmdd+nnnn":
        return f"{ten[:6]}+{ten[6:]}"
    return century + ten


safe_text = st.text(alphabet=st.characters(whitelist_categories=("Ll", "Lu", "Zs"), whitelist_characters="åäöÅÄÖ.,!?"), max_size=40)


@settings(max_examples=300)
@given(safe_text, identity_numbers(), safe_text)
def test_any_personnummer_is_masked(before, number, after):
    result = mask_text(f"{before} {number} {after}")
    assert number not in result.text
    assert "[personnummer]" in result.text
    assert result.counts.get("personnummer") == 1


@settings(max_examples=200)
@given(safe_text, identity_numbers(coordination=True))
def test_any_samordningsnummer_is_masked(before, number):
    result = mask_text(f"{before} pat {number}")
    assert number not in result.text
    assert "[samordningsnummer]" in result.text


@settings(max_examples=200)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 23), st.integers(0, 59))
def test_dates_and_times_stay_readable(day, hour, minute):
    for text in (f"{day.isoformat()} kl {hour:02d}:{minute:02d}", f"{day:%Y%m%d}", f"{day:%d/%m}", f"vecka {day.isocalendar()[1]}"):
        assert mask_text(text).text == text


@settings(max_examples=300)
@given(st.integers(min_value=10**9, max_value=10**10 - 1))
def test_ten_digit_numbers_failing_luhn_are_kept(number):
    text = f"order {number}"
    if not luhn_ok(str(number)):
        assert mask_text(text).text == text


@given(st.integers(min_value=0, max_value=10**9 - 1))
def test_short_numbers_are_kept(number):
    text = f"Lid-nr {number} och beställning {number % 100000}"
    if len(str(number)) < 8:
        assert mask_text(text).text == text


def test_official_test_number_in_every_common_form():
    for number in ("19121212-1212", "191212121212", "121212-1212", "1212121212", "19121212 1212", "121212+1212"):
        assert mask_text(f"pat {number} ringde").text == "pat [personnummer] ringde", number


def test_phone_numbers_are_masked():
    for phone in ("070-123 45 67", "0701234567", "+46 70 123 45 67", "+46701234567", "08-123 456 78", "090-785 00 00", "0046 70 123 45 67"):
        result = mask_text(f"ring {phone} tack")
        assert result.text == "ring [telefon] tack", phone


def test_email_is_masked():
    result = mask_text("skicka till anna.test@example.se eller kalle+els@region.example.com")
    assert result.text == "skicka till [e-post] eller [e-post]"
    assert result.counts == {"e-post": 2}


def test_invalid_dates_are_not_personnummer():
    # month 13 and day 45 cannot be identity numbers even when the Luhn digit fits
    for candidate in ("131345-0000", "991345-1234"):
        assert mask_text(candidate).text == candidate


def test_placeholders_survive_masking_twice():
    once = mask_text("pat 19121212-1212, tel 070-123 45 67").text
    assert mask_text(once).text == once


def test_empty_and_none():
    assert mask_text("").text == ""
    assert mask_text(None).text == ""


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_masking_never_crashes_and_is_idempotent(text):
    once = mask_text(text).text
    assert mask_text(once).text == once


def test_lists_of_times_are_not_phone_numbers():
    text = "dosering kl 08-13-17-21 varje dag"
    assert mask_text(text).text == text


def test_typographic_dashes_are_separators_too():
    for number in ("19121212\u20131212", "121212\u22121212"):
        assert mask_text(f"pat {number}").text == "pat [personnummer]", number
    assert mask_text("ring 070\u2013123 45 67").text == "ring [telefon]"
