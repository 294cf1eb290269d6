"""Mask personal identifiers in free text before anything is stored, trained on or exported.

Invisible format characters (soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte order mark) are
dropped first, so "0\u200b70-123 45 67" and "anna.test\u200b@example.se" are masked as the numbers and addresses a
reader sees; only a zero-width joiner inside an emoji sequence stays. The masked text is what gets stored: it can be
shorter than the text given, and no caller uses offsets into it.

Swedish personal identity numbers (personnummer) and coordination numbers
(samordningsnummer) are recognised with or without century and separator (hyphen, plus, dot,
underscore, typographic dash, a no-break space, " - ", "--"), also with the date split by spaces
("19 12 12 12-1212", "1912 12 12-1212", "1912 1212 1212", "19 12 12 12 12 12") or hyphens ("1912-12-12-1212"), or
the hyphen or a space after the month ("191212-121212", "191212 121212"), or ":", "," or "/" between date and
serial ("19121212:1212", "121212/1212"), and checked with the Luhn digit and a plausible date, so dates and order
numbers stay readable ("20270308:1200"; an ISO date and a time, "2027-03-08/1200").
A 10- or 12-digit number right after a label that says what it is ("pnr", "p-nr", "pers.nr",
"personnummer", "samordningsnr", "sam.nr", "födelsenummer", "ID-nr", ...) is masked whatever
its check digit and date say, also with "/" between its groups ("pnr 19121212/1212"), and so is one with a digit
too few or too many (9 or 11 digits, "pnr 19121212-121"): a typo still identifies the patient. After a personal-number
label ("pnr", "p-nr", "pers nr", "personnr", "personnummer", "födelsenr") a birth date alone, 8 digits with the century
or 6 and a real date, is masked too ("pnr 19121212", "pnr 121212"; "pnr 12", "Pnr 12345678" stay). Without a label
such a number or date stays ("19121212", "2026-03-08"). A reserve number (reservnummer, given to a patient without a
personnummer) has no fixed shape: after its label ("reservnr", "reservnummer", "res.nr") digits maybe with letters
and dashes ("991212-1234", "20121212-R123", "12345678") are masked as ``[reservnummer]``, and after a samordnings-
label a number of any length as a samordningsnummer.

Phone numbers (Swedish in the usual written forms, "(08) 123 45 67", "070.123.45.67",
"070/1234567", "tel0701234567", international with "+", and mobiles whose leading 0 a
spreadsheet dropped) and e-mail addresses (Unicode names and domains too) are masked as well, also spelled out so
that a filter misses them ("anna.test(at)example.se", "anna.test at example.se", "anna punkt test snabel-a example
punkt se", "anna dot test at example dot se"; a bare "at" only with a dot or "_" in the name or a spelled-out dot, so
"look at webcert.se" stays).
Dates and times ("06.05.2025 08:00", "2025-05-06 08.00", "kl 08.00", "08.00 - 09.30", opening hours "0730-1600",
and the hours of a medication round, "kl 08 12 16 20 22") are recognised in the same pass as phone
numbers and kept readable, and a phone number never starts inside a time ("ringde 10:05 070-123 45 67").
A number written as a code (digits, maybe joined by "-", "/", ".") right after a label that says it is an order,
case, batch or staff number ("ordernr", "Remissnr", "LM-kod", "batch", "personalnr", "Cambio-ärende") or glued to an
upper-case ticket prefix of another system ("INC0012345678", "SR 0012345678") is no phone number and stays; the
labels are listed in one place (_CODE_SYSTEM_PREFIXES, _CODE_WORDS, _CODE_STEMS). An identity number is masked after
any label.

A patient's name is masked where a label announces it (elsdesk.masking_names): "pat", "pt", "patient",
"patientnamn", "namn", "förnamn", "efternamn" (and "name" before a colon) followed by up to three capitalised words
("pat Andersson", "pt Anna Test", "Pat. Anna Andersson"), with the particles of a family name ("pat Karl von Essen",
"pt Lars de Geer", "pat Eva van der Berg"), or after a colon any letters ("pat: kalle testsson"). Where a sentence may
start after the label ("pat.") or the word is in lower case after a colon, one word is a name only when it is a
common Swedish given name or surname ("Pat. Andersson ringde", "Pat. Kalle ringde", "Namn: anna"). The name stops at
a function word, an identity label, a place word or a Cosmic term ("Patient har fått fel dos", "patient Översikten
visar fel", "pat. Journalen", "Namn: saknas" stay). A name right before or after an identity number is masked too
("Anna Testsson 19121212-1212", "Anna Testsson (pnr 19121212-1212)", "19121212-1212 Anna Testsson"; two or three
capitalised words that are no Swedish function word, place word or Cosmic term, or one known given name or surname:
"Läkemedelslistan 19121212-1212" stays). A name masked once is masked wherever else it stands in the same text, and
mask_fields masks a ticket's fields together, so that a name masked in the title is masked in the description too
(the whole name, and a known given name or surname alone where it stands capitalised; see
elsdesk.masking_names.known_names_re). A name in running text without a label or an identity number beside it is not
looked for.

Each identifier becomes a placeholder such as ``[personnummer]``, ``[reservnummer]`` or ``[namn]``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Iterator

from elsdesk.lazy_regex import lazy_compile
from elsdesk.masking_names import (AFTER_NAME_START, NAME_PLACEHOLDER, UPPER_LETTERS, known_names_re,
                                   mask_announced_names, mask_known_names, mask_names_beside_identities)

PLACEHOLDERS = {
    "personnummer": "[personnummer]",
    "samordningsnummer": "[samordningsnummer]",
    "reservnummer": "[reservnummer]",
    "telefon": "[telefon]",
    "e-post": "[e-post]",
    "namn": NAME_PLACEHOLDER,
    "födelsedatum": "[födelsedatum]",
}
PLACEHOLDER_RE = lazy_compile(r"\[(?:personnummer|samordningsnummer|reservnummer|telefon|e-post|namn|födelsedatum)\]")

_SPACE = "[ \t\u00a0\u2007\u2009\u202f\u200b-\u200d\u2060\ufeff\u00ad]"  # space, tab, no-break, thin, zero-width, soft hyphen
_DASH = "\\-\u2010-\u2015\u2212"               # hyphen, typographic dashes, minus
# between date and serial: "-", "+", ".", "_", " - ", "--", a no-break space, nothing
_ID_SEP = rf"(?:{_SPACE}|\r?\n){{0,2}}[+._{_DASH}]{{0,2}}(?:{_SPACE}|\r?\n){{0,2}}"
_CENTURY = r"(?:18|19|20)"
_ID_RE = lazy_compile(  # the lookahead skips, in one step, every position where no number starts
    r"(?=[0-9])(?<![0-9])(?:"
    # 19121212-1212, 121212+1212, 19121212/1212; four digits that begin a date (19xx-MM-DD, 20xx-MM-DD) are
    # its year, no serial ("070-701123 2001-01-01 00:00": a phone number and a date)
    rf"{_CENTURY}?[0-9]{{6}}(?:{_ID_SEP}|[:,/])[0-9]{{4}}(?![0-9]|(?<={_CENTURY}[0-9]{{2}})[{_DASH}./][0-9]{{2}}[{_DASH}./][0-9]{{2}})"
    # the serial split in two by a space or a line break: "800101-23 87", "19800101-23\n87" (a privacy tester); not
    # the hour of a time after a phone number ("08-24126585 08:00", found by a property test)
    rf"|{_CENTURY}?[0-9]{{6}}{_ID_SEP}[0-9]{{2}}(?:{_SPACE}|\r?\n)[0-9]{{2}}(?![0-9]|{_SPACE}[0-9]|[:.][0-9])"
    # the date split by spaces: "19 12 12 12-1212", "1912 12 12-1212", "12 12 12-1212", "1912 1212 1212",
    # "19 12 12 12 12 12" (pairs only with a century: "12 12 12 12 12" is a row of numbers, and after "kl" the hours
    # of a medication round, "kl 18 00 01 01 00 08"); not a part of a longer row of numbers ("vecka 9 10 11 12 2025")
    rf"|(?<![0-9]{_SPACE})(?:(?:(?:{_CENTURY}{_SPACE}?)?[0-9]{{2}}{_SPACE}[0-9]{{2}}{_SPACE}[0-9]{{2}}"
    rf"|{_CENTURY}[0-9]{{2}}{_SPACE}[0-9]{{4}}){_ID_SEP}[0-9]{{4}}"
    rf"|(?P<pairs>{_CENTURY}(?:{_SPACE}[0-9]{{2}}){{5}}))(?![0-9]|{_SPACE}[0-9])"
    # 191212-121212, "191212 121212": the hyphen or a space after the month
    rf"|{_CENTURY}[0-9]{{4}}(?:{_SPACE}?[+_{_DASH}]{_SPACE}?|{_SPACE})[0-9]{{6}}(?![0-9])"
    # the date written with hyphens: "1912-12-12-1212", "12-12-12-1212"; with a space before the serial it is a date
    # and a time ("2025-05-06 1430", "2025-05-06 - 1430"), followed by a date a range ("2025-05-06-2025-05-14")
    rf"|{_CENTURY}?[0-9]{{2}}[{_DASH}][0-9]{{2}}[{_DASH}][0-9]{{2}}[+_{_DASH}][0-9]{{4}}(?![0-9]|[{_DASH}./][0-9])"
    # and with a space before four digits that are no time of day: "1980-01-01 2387" (the Luhn digit decides)
    rf"|{_CENTURY}[0-9]{{2}}[{_DASH}][0-9]{{2}}[{_DASH}][0-9]{{2}}{_SPACE}{{1,2}}(?!(?:[01][0-9]|2[0-3])[0-5][0-9])"
    rf"[0-9]{{4}}(?![0-9]|[{_DASH}./:][0-9])"
    r")"
)
# A label that says the number after it is an identity number, in the ways Swedish staff write it. Not "f.nr"
# (also faktura-, följesedels- and försäkringsnummer) and not a bare "ID" (ticket, order and HSA ids).
_LABEL_GAP = rf"[.\-]?{_SPACE}?"                        # "p-nr", "p.nr", "pers. nr", "person nr", "pnr"
_NUMBER_WORD = r"(?:nr|n?umm?er|numret)"  # and the label misspelt: "personummer", "personnumer"
_NORDIC_LABEL = (rf"cpr(?:{_LABEL_GAP}{_NUMBER_WORD})?|f[øo]dsels{_LABEL_GAP}{_NUMBER_WORD}"
                 r"|henkilötunnus|hetu|kennitala")
_LABEL = (
    r"(?=[pPsSfFiIcChHkK])(?<![^\W\d_])(?i:"             # a word of its own: "Lid-nr" is no "id-nr"
    rf"p(?:ers(?:on)?)?{_LABEL_GAP}{_NUMBER_WORD}"        # pnr, p-nr, pers.nr, personnr, person nr, personnummer
    rf"|samordnings{_LABEL_GAP}{_NUMBER_WORD}|sam{_LABEL_GAP}nr"  # samordningsnr, samordningsnummer, sam.nr
    rf"|födelse{_LABEL_GAP}{_NUMBER_WORD}"                # födelsenummer, födelsenr
    rf"|id{_LABEL_GAP}{_NUMBER_WORD}"                     # ID-nr, id nr, idnr, ID-nummer
    rf"|ssn|social{_SPACE}security{_SPACE}(?:number|no)|personal{_SPACE}id(?:entity)?{_SPACE}(?:number|no)"  # English
    # the neighbours' (a privacy officer's): Danish CPR, Norwegian fødselsnummer, Finnish henkilötunnus, Icelandic
    # kennitala; their numbers have ten or eleven digits as a Swedish one has
    rf"|{_NORDIC_LABEL}"
    r")"
)
_NORDIC_LABEL_RE = lazy_compile(rf"(?i:{_NORDIC_LABEL})")  # their numbers start with the day: no samordningsnummer
# what staff write between the label and the number: "pnr är …", "personnumret var …", "personnummer till pat …",
# "pnr nr …", "pnr -> …", and an opening bracket or quote ("pnr (…)", "pnr: ”…”")
_LABEL_FILLER = (rf"(?:(?i:är|var|is|was|nr|till{_SPACE}+pat(?:ienten)?|->|=>){_SPACE}+)?"
                 "[(\"'\u201c\u201d\u00ab\u00bb]?")
_PERSONAL_LABEL_STARTS = "pPfF"  # the labels of a personnummer (not "sam.nr", "ID-nr"): "pnr", "födelsenr"
_GROUP_SEP = rf"(?:(?:{_SPACE}|\r?\n){{1,2}}|(?:{_SPACE}|\r?\n){{0,2}}[+._/{_DASH}]{{1,2}}(?:{_SPACE}|\r?\n){{0,2}})"
_LABELLED_ID_RE = lazy_compile(
    rf"{_LABEL}{_SPACE}?[:.=]?(?:{_SPACE}|\r?\n){{0,3}}{_LABEL_FILLER}(?P<number>[0-9]+(?:{_GROUP_SEP}[0-9]+)*)"
)
# the next numbers of a list after a masked one: "pnr [personnummer] och 19800101-2389", "p-nr: … / 19800101-2388"
_LISTED_ID_RE = lazy_compile(
    rf"(?P<before>\[(?:personnummer|samordningsnummer)\]{_SPACE}*(?:[,/&;]|och|eller|samt|resp\.?|and|or){_SPACE}*)"
    rf"(?P<number>(?:18|19|20)?[0-9]{{6}}{_SPACE}?[{_DASH}+]?{_SPACE}?[0-9]{{4}})(?![0-9])"
)
# A birth date after its label: "född 121212", "födelsedatum 1912-12-12", "f. 12.12.1912", "DOB 1980-01-01", "date of
# birth 19800101" (with a name beside it, it tells who the patient is)
_BIRTH_LABEL = (rf"(?<![^\W\d_])(?i:född|fodd|födelsedatum|fodelsedatum|födelsedag|föd\.|f\.|dob|d\.o\.b\.?"
                rf"|date{_SPACE}of{_SPACE}birth|birth{_SPACE}?date|born)")
_BIRTH_DATE_RE = lazy_compile(
    rf"{_BIRTH_LABEL}{_SPACE}?[:=]?{_SPACE}*(?:(?i:den|on){_SPACE}+)?"
    rf"(?P<date>(?P<ymd>(?:18|19|20)?[0-9]{{2}}(?P<ymd_sep>[{_DASH}./]?)[0-9]{{2}}(?P=ymd_sep)[0-9]{{2}})"
    rf"|(?P<dmy>[0-9]{{1,2}}(?P<dmy_sep>[./{_DASH}])[0-9]{{1,2}}(?P=dmy_sep)(?:18|19|20)?[0-9]{{2}}))(?![0-9])"
)
# a line break too, before a group of two digits or more: "070-123\n45 67" in a pasted mail ("… 56\n7 patienter" stays)
_PHONE_SEP = rf"(?:{_SPACE}?[{_DASH}./]?(?:{_SPACE}|\r?\n(?=[0-9]{{2}}))?)"
_PHONE_END = r"(?![0-9]|[.:][0-9]|[/-](?:0?[1-9]|1[0-2])[/-][0-9])"  # ends before the date in "08-12 34 56 06.05.2025"
_PHONE_START = r"(?<![0-9+])(?<![0-9][.:])"  # not inside a number, nor in the minutes of a time ("10:05 070-...")
# "08.15 070-123 45 67" is a time and a phone number; "kl 08.12 34 56" a phone number
_NOT_A_TIME_BEFORE_A_PHONE = rf"(?!0[1-9]\.[0-5][0-9]{_SPACE}+(?:0|\+|\(0))"
_PHONE_RE = lazy_compile(
    _PHONE_START
    + r"(?:"
    rf"(?:(?:\+|00){_SPACE}?46{_PHONE_SEP}(?:\(0\){_PHONE_SEP})?"   # +46 70…, 0046 (0)70…
    rf"|{_NOT_A_TIME_BEFORE_A_PHONE}0)"                              # 070…
    rf"[1-9](?:{_PHONE_SEP}[0-9]){{6,8}}"
    rf"|\(0[1-9][0-9]{{0,3}}\){_PHONE_SEP}[1-9](?:{_PHONE_SEP}[0-9]){{4,7}}"  # (08) 123 45 67, (031) 12 34 56
    r")"
    + _PHONE_END
)
# Dates and times that the phone pattern would otherwise read as digit groups: "06.05.2025 08:00" (a 0, a
# non-zero digit and six more), "2025-05-06 08.00", "0800 06.05.2025", "kl 08.00 070-...", "08.00 - 09.30".
# They are matched in the same pass as phone numbers and kept, so that at any position a date wins over a
# phone number that would start there; a phone number that starts before the date still wins (leftmost).
_TIME = r"(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?:[:.][0-5][0-9])?"
_FOUR_DIGIT_TIME = r"(?:[01][0-9]|2[0-3])[0-5][0-9]"  # 0800
# "kl 08.12 34 56" is a phone number; "00:01 08-100 00 00" a time and a phone number that starts with its own area code
_TIME_END = rf"(?![0-9]|[.:][0-9]|{_SPACE}?[0-9]{{2}}(?![0-9]|[.:][0-9]|{_SPACE}?[{_DASH}]))"
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)[0-9]{2}"
_SHORT_YEAR_END = rf"(?!{_SPACE}?(?!{_TIME}{_TIME_END})[1-9])"  # "08.12.34 56" is a phone number; "06.05.25 10:00" a date
_DATE = (
    rf"(?:{_YEAR}(?P<iso_sep>[./-]){_MONTH}(?P=iso_sep){_DAY}"                         # 2025-05-06
    rf"|{_DAY}(?P<date_sep>[./-]){_MONTH}(?P=date_sep)(?:{_YEAR}|[0-9]{{2}}{_SHORT_YEAR_END})"  # 06.05.2025, 6/5/25
    rf"|{_DAY}/{_MONTH}(?:{_SPACE}|-){_YEAR})"                                            # 6/5 2025, 6/5-2025
    r"(?![0-9]|[./-][0-9])"  # "08.12.34.56" is a phone number, not 8 December 1934 and 56
)
_DATE_TIME = (
    rf"(?<![0-9])(?:(?:{_TIME}|{_FOUR_DIGIT_TIME}),?{_SPACE}+)?"              # 08:00 / 0800 06.05.2025
    rf"{_DATE}(?:(?:,?{_SPACE}+|T)(?:kl(?:\.|ockan)?{_SPACE}*)?{_TIME}{_TIME_END})?"       # 06.05.2025 kl 08:00
)
_CLOCK = rf"(?<![^\W\d_])[Kk]l(?:\.|ockan)?{_SPACE}*"  # "kl", "kl.", "klockan"
_CLOCK_TIME = rf"{_CLOCK}(?:{_TIME}|{_FOUR_DIGIT_TIME}){_TIME_END}"  # kl 08.00
# a medication round: whole hours after "kl", split by spaces or commas ("kl 08 12 16 20 22", "kl. 8, 12, 16"). The
# list takes every small number group that follows with a space, so "kl 08 12 34 56" (34 and 56 are no hours) stays
# a phone number; a comma ends a phone number, so "kl 08 12 16 20, 30 ml" is times and a dose
_HOUR = r"(?:[01]?[0-9]|2[0-3])"
_CLOCK_HOURS = rf"{_CLOCK}{_HOUR}(?:(?:,?{_SPACE}+|,){_HOUR})+(?![0-9]|[.:][0-9]|{_SPACE}+[0-9]{{1,2}}(?![0-9]))"
# opening hours: "08.00 - 09.30", "0730-1600", "0800 - 1630" (8 digits: no Swedish number that starts 07 or 08 is this
# short); "0730-1600 45 67" is a phone number (_TIME_END)
_RANGE_END = rf"(?:{_TIME}|{_FOUR_DIGIT_TIME})"
_TIME_RANGE = rf"(?<![0-9])(?<![0-9][.:]){_RANGE_END}{_SPACE}*[{_DASH}]{_SPACE}*{_RANGE_END}{_TIME_END}"
# a range of ISO dates written without spaces: "2027-03-08-2027-03-14" (its middle reads like a phone number)
_DATE_RANGE = rf"(?<![0-9]){_YEAR}-{_MONTH}-{_DAY}{_SPACE}*[{_DASH}]{_SPACE}*{_YEAR}-{_MONTH}-{_DAY}(?![0-9])"
# an ISO date and a time after a slash: "2027-03-08/1200", "2027-03-08/14:30" (its middle reads like a phone number)
_DATE_SLASH_TIME = rf"(?<![0-9]){_YEAR}-{_MONTH}-{_DAY}/(?:{_TIME}|{_FOUR_DIGIT_TIME})(?![0-9]|[.:][0-9])"
_PHONE_OR_DATE_RE = lazy_compile(  # the lookahead skips, in one step, every position where neither can start
    rf"(?=[0-9+(Kk])(?:(?P<date>{_DATE_RANGE}|{_DATE_SLASH_TIME}|{_DATE_TIME}|{_CLOCK_TIME}|{_CLOCK_HOURS}"
    rf"|{_TIME_RANGE})|{_PHONE_RE.pattern})"
)
_FOREIGN_PHONE_RE = lazy_compile(
    rf"(?=[+0]){_PHONE_START}(?:\+|00)(?!46)[1-9][0-9]{{0,2}}{_PHONE_SEP}(?:\(0\){_PHONE_SEP})?"
    rf"[0-9](?:{_PHONE_SEP}[0-9]){{6,11}}"
    + _PHONE_END
)
# a mobile number whose leading 0 a spreadsheet dropped: 701234567, 46701234567
_BARE_MOBILE_RE = lazy_compile(r"(?<![0-9+.,:/-])(?:46)?7[02369][0-9]{7}(?![0-9]|[.,:/-][0-9])")
# What a number right after these says it is: an order, case, batch or staff number, not a phone number
# ("ordernr 0812345678", "Remissnr 2027-0308-1234", "INC0012345678", "SR 0012345678", "personalnr 701234567").
# Upper-case prefixes of other systems' tickets (INC, RITM, CHG in ServiceNow) count with a number glued on; a
# lower-case "tel", "mobil", "ring" or "nås på" is no such label, so "tel0701234567" and "ordernr 1234, tel
# 0701234567" mask.
# Only a number written as a code is spared: digits, maybe joined by "-", "/" or "." ("070-123 45 67" with its
# spaces, "+46 70..." and "(08) ..." are written as phone numbers and mask after any label), and only from the phone
# patterns: a number that passes the identity checks is masked after any label.
_CODE_SYSTEM_PREFIXES = ("INC", "RITM", "REQ", "CHG", "SR", "PRB", "TASK", "SCTASK", "CS", "RFC", "WO")
_CODE_WORDS = ("order", "batch", "lot", "ärende")  # a label on their own: "Cambio-ärende 0012345678"
_CODE_STEMS = (  # a label with a number word after them: "ordernr", "lab-nr", "LM-kod", "art.nr", "ärende-id"
    "order", "beställning", "beställnings", "remiss", "lab", "prov", "batch", "lot", "sats", "LM", "artikel", "art",
    "personal", "anställning", "anställnings", "ärende", "faktura", "serie", "varu", "referens", "ref",
)
_CODE_NUMBER_WORD = r"(?:nr|nummer|numret|id|kod)"
_CODE_LABEL_BEFORE_RE = lazy_compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(_CODE_SYSTEM_PREFIXES)
    + rf"|(?i:(?:{'|'.join(_CODE_STEMS)}){_LABEL_GAP}{_CODE_NUMBER_WORD}|{'|'.join(_CODE_WORDS)})"
    + rf"){_SPACE}?[:.#=\-]?{_SPACE}*(?:[0-9]+[{_DASH}/.])*\Z"  # "Remissnr 2027-" before "0308-1234"
)
_CLOCK_BEFORE_RE = lazy_compile(rf"{_CLOCK}\Z")


def follows_clock_word(match: re.Match[str]) -> bool:
    """True when *match* comes right after "kl", "kl." or "klockan": a list of hours, not a number."""
    start = match.start()
    return _CLOCK_BEFORE_RE.search(match.string, max(0, start - _LABEL_LOOKBACK), start) is not None


_CODE_SHAPE_RE = lazy_compile(rf"[0-9]+(?:[{_DASH}/.][0-9]+)*")
_LABEL_LOOKBACK = 40  # characters before a number that can hold a label and the first groups of its code


def is_labelled_code(match: re.Match[str]) -> bool:
    """True when the phone-like *match* is written as a code right after a label that says it is an order, case,
    batch or staff number (see _CODE_LABEL_BEFORE_RE)."""
    if not _CODE_SHAPE_RE.fullmatch(match.group(0)):
        return False
    start = match.start()
    return _CODE_LABEL_BEFORE_RE.search(match.string, max(0, start - _LABEL_LOOKBACK), start) is not None


# "?" and U+FFFD: a Cyrillic or Chinese domain that a Windows-1252 export could not write. The name starts where its
# characters start: tried from inside a long word, an address that has no "@" after it read the word's rest each time.
_EMAIL_RE = lazy_compile(
    r"(?<![\w.!#$%&'*+/=?^`{|}~\-])"
    r"[\w.!#$%&'*+/=?^`{|}~\-]+(?: ?@ ?|\r?\n@ ?| ?@\r?\n|\s?[(\[{](?i:at)[)\]}]\s?)[\w\-?\ufffd]+(?:\.[\w\-?\ufffd]+)*\.(?:xn--[\w\-]+|[^\W\d_]{2,}|[?\ufffd]{2,})(?![\w\-])",
    re.UNICODE,
)
_GROUP_RE = lazy_compile(r"[0-9]+")
_DIGITS = "0123456789"
_DIGIT_BYTES = _DIGITS.encode("ascii")
# Arabic-Indic, Persian and Devanagari digits, and fullwidth digits, plus, hyphen, dot, @ and parentheses
_WIDE = "\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19\uff0b\uff0d\uff0e\uff20\uff08\uff09"
_WIDE_RE = lazy_compile(f"[{_WIDE}]")
# Invisible format characters (soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte order mark)
# show nothing, so a reader sees "0\u200b70-123 45 67" as a phone number and "anna\u200b@region.se" as an address.
# They are dropped everywhere, and only a zero-width joiner between two emoji stays: it draws a family or a job
# (U+1F468 U+200D U+1F4BB). A Persian word written with a non-joiner still reads without it; an address or a number
# with one kept inside would leak.
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"  # symbols, dingbats and emoji, with skin tones (U+1F3FB-U+1F3FF)
_INVISIBLE_RE = lazy_compile(rf"[\u00ad\u200b\u200c\u2060\ufeff]+|(?<![{_EMOJI}\ufe0f])\u200d|\u200d(?![{_EMOJI}])")
_UNUSUAL_RE = lazy_compile(f"[{_WIDE}{_INVISIBLE}]")  # one scan finds a text that needs either clean-up


# An address spelled out so that a filter misses it: "anna.test at example.se", "anna punkt test snabel-a example
# punkt se", "anna dot test at example dot se", "anna.test(at)example(dot)se". Only the shape name + at + domain + a
# dot + a 2-6 letter top-level domain counts, and a bare " at " (an English word) only when the name or the domain
# shows it is an address: a dot or "_" in the name, or a dot spelled out ("look at webcert.se" stays).
_SPELLED_DOT = r"(?:[ \t]+(?i:punkt|dot)[ \t]+|[ \t]?[(\[{](?i:punkt|dot)[)\]}][ \t]?)"
_MAIL_DOT = rf"(?:\.|{_SPELLED_DOT})"
_BARE_AT = r"[ \t]+(?i:at)[ \t]+"
_SPELLED_AT = rf"(?:[ \t]?[(\[{{](?i:at|snabel-?a)[)\]}}][ \t]?|[ \t]+(?i:snabel-?a)[ \t]+|{_BARE_AT}| ?@ ?)"
_MAIL_WORD = r"[\w!#$%&'*+=?^`|~\-]+"
_SPELLED_EMAIL_RE = lazy_compile(  # a bounded number of parts: a long row of "punkt" words costs no more than a short
    rf"(?<![\w.@])(?P<name>{_MAIL_WORD}(?:{_MAIL_DOT}{_MAIL_WORD}){{0,6}})(?P<at>{_SPELLED_AT})"
    rf"(?P<domain>[\w\-]+(?:{_MAIL_DOT}[\w\-]+){{0,6}}{_MAIL_DOT}[^\W\d_]{{2,6}})(?![\w\-])"
)
_SPELLED_DOT_RE = lazy_compile(_SPELLED_DOT)
_BARE_AT_RE = lazy_compile(_BARE_AT)


def is_spelled_address(match: re.Match[str]) -> bool:
    """Whether a _SPELLED_EMAIL_RE match is an address written so that a filter misses it (not one with a plain "@"
    and dots, which _EMAIL_RE masks, and not "look at webcert.se": a bare "at" needs a dot or "_" in the name or a
    dot spelled out)."""
    name, domain = match.group("name"), match.group("domain")
    spelled_dot = _SPELLED_DOT_RE.search(name) is not None or _SPELLED_DOT_RE.search(domain) is not None
    if "@" in match.group("at"):
        return spelled_dot
    if _BARE_AT_RE.fullmatch(match.group("at")):
        return spelled_dot or "." in name or "_" in name
    return True


# A reserve number (reservnummer): what a hospital gives a patient without a personnummer, in the region's own shape
# ("991212-1234", "20121212-R123", "Reservnr: 12345678"). Only a label says a number is one, and after it any
# digit groups, maybe with letters and joined by "-", "+", ".", "/", "_" or a space, are masked: at least five
# characters with three digits ("reservnummer 2 st", "reservnummer: välja rätt typ" stay). After a samordnings-
# label the same, for what the identity-number rule leaves: "samordningsnr 12345678" has no identity number's length.
_RESERVE_LABEL = (
    r"(?=[rRsS])(?<![^\W\d_])(?i:"
    rf"reserv{_LABEL_GAP}(?:{_NUMBER_WORD}|p{_LABEL_GAP}nr|id)|res{_LABEL_GAP}nr"    # reservnr, reserv-nr, res.nr
    rf"|(?P<coordination>samordnings{_LABEL_GAP}{_NUMBER_WORD}|sam{_LABEL_GAP}nr)"  # samordningsnr, sam.nr
    r")"
)
_RESERVE_GROUP = r"[A-Za-z]{0,4}[0-9][0-9A-Za-z]*"  # digits, maybe with letters: "R123", "K001"
_RESERVE_NUMBER_RE = lazy_compile(
    rf"{_RESERVE_LABEL}{_SPACE}?[:.=]?(?:{_SPACE}|\r?\n){{0,3}}"
    rf"(?P<number>{_RESERVE_GROUP}"
    rf"(?:(?:{_SPACE}?[+._/{_DASH}]{_SPACE}?|{_SPACE}(?=\w{{3}})){_RESERVE_GROUP}){{0,6}})(?!\w)"  # "19 970101-K001"
)


# The name rules (a patient's name a label announces) live in elsdesk.masking_names. Most text holds no character
# visible_text changes, no "(at)" and no place where a name may follow a label, and one scan for all three tells so
# (a scan is a tenth of the time most text takes); only after one is found do the others need a look of their own.
# The patterns start with a character class, so that the search skips to one in C.
_AT_IN_BRACKETS = r"(?<=[(\[{])(?i:at)[)\]}]"  # "(at)", "[at]", "{at}" after the bracket the class found
_AT_WORD_OR_NAME_RE = lazy_compile(rf"[(\[{{{UPPER_LETTERS}:](?:{_AT_IN_BRACKETS}|{AFTER_NAME_START})")
_FIRST_LOOK_RE = lazy_compile(
    rf"[(\[{{{UPPER_LETTERS}:{_WIDE}{_INVISIBLE}]"
    rf"(?:(?P<unusual>(?<=[{_WIDE}{_INVISIBLE}]))|{_AT_IN_BRACKETS}|{AFTER_NAME_START})"
)


def _narrow(match: re.Match[str]) -> str:
    char = match.group(0)
    return str(unicodedata.digit(char)) if char.isdigit() else unicodedata.normalize("NFKC", char)


def visible_text(text: str) -> str:
    """*text* as a reader sees it: invisible format characters dropped (all but a zero-width joiner inside an emoji
    sequence, see _INVISIBLE_RE), fullwidth and Arabic-Indic digits, @, plus, hyphen, dot and parentheses made ASCII."""
    if text.isascii() or not _UNUSUAL_RE.search(text):
        return text
    return _WIDE_RE.sub(_narrow, _INVISIBLE_RE.sub("", text))


_AT_WORD_RE = lazy_compile(r"[(\[{]at[)\]}]", re.IGNORECASE)
_DATE_LIKE_RE = lazy_compile(r"[0-3]?[0-9]([./-])[01]?[0-9]\1(?:19|20)?[0-9]{2}")
_LEADING_DATE_RE = lazy_compile(_DATE)  # "pnr 2025-05-06 08:00" starts with a date, not with an identity number


@dataclass(frozen=True)
class MaskResult:
    """Masked text and how many identifiers of each kind were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def luhn_ok(digits: str) -> bool:
    """The Luhn check used by Swedish identity numbers, on the 10-digit form."""
    total = 0
    for index, char in enumerate(digits):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def identity_kind(date_part: str, tail: str) -> str | None:
    """'personnummer', 'samordningsnummer' or None for a YYMMDD + NNNN candidate."""
    month, day = int(date_part[2:4]), int(date_part[4:6])
    if not 1 <= month <= 12:
        return None
    if 1 <= day <= 31:
        kind = "personnummer"
    elif 61 <= day <= 91:
        kind = "samordningsnummer"
    else:
        return None
    return kind if luhn_ok(date_part + tail) else None


def labelled_kind(ten: str) -> str:
    """The kind of a number a label calls an identity number: the day part 61-91 makes it a samordningsnummer,
    any other (a typo, an impossible date) a personnummer."""
    return "samordningsnummer" if 61 <= int(ten[4:6]) <= 91 else "personnummer"


_CENTURIES = ("18", "19", "20")
# the lengths a labelled number is read as, most likely first: with a century 12 digits or one short or over, else 10,
# 12 when no group ends at the 10th digit ("21121212-1212"), then a digit short ("121212-121") or over
_LABELLED_LENGTHS_WITH_CENTURY = (12, 11, 10, 9)
_LABELLED_LENGTHS = (10, 12, 9, 11)


def labelled_number_end(number: str) -> int | None:
    """Where the identity number ends in the digit groups after a label, or None when they hold none.

    The groups are taken while they add up to at most 12 digits, and the number ends at the end of a group. A number
    that starts with a century (18, 19, 20) ends at 12 digits, else 11 ("19121212-121", "1912121212 1"), 10, 9;
    any other at 10 ("121212-1213 12 st" keeps "12 st"), 12 ("21121212-1212"), 9 ("121212-121"), 11
    ("191212-12121"): staff mistype a digit, and the rest still identifies the patient. A row that starts with a
    written date ("2025-05-06 08:00") is no identity number.
    """
    ends: dict[int, int] = {}
    count = 0
    for group in _GROUP_RE.finditer(number):
        count += len(group.group(0))
        if count > 12:
            break
        ends[count] = group.end()
    if (dated := _LEADING_DATE_RE.match(number)) is not None:
        return _serial_after_date_end(number, dated)
    lengths = _LABELLED_LENGTHS_WITH_CENTURY if number[:2] in _CENTURIES else _LABELLED_LENGTHS
    return next((ends[length] for length in lengths if length in ends), None)


_SERIAL_AFTER_DATE_RE = lazy_compile(rf"{_GROUP_SEP}(?P<serial>[0-9]{{4}})(?![0-9])")


# a date after "pnr" from before this year is a birth date, not the day something happened at the desk: no ticket
# of a Cosmic go-live speaks of a day before it ("pnr 1912-12-12 1212" is the test number, "pnr 2025-05-06 0800" a time)
EVENTS_FROM_YEAR = 2015


def _serial_after_date_end(number: str, dated: re.Match[str]) -> int | None:
    """Where a labelled identity number written with its birth date as a date ends ("pnr 1980-01-01 2387",
    "personnummer 1980.01.01 2387", a privacy tester), or None: the date year first, then four digits that are no
    time of day, or any four after a date before :data:`EVENTS_FROM_YEAR` ("pnr 2025-05-06 0800" and "pnr
    2025-05-06" stay dates)."""
    if dated.group("iso_sep") is None or dated.group(0)[:2] not in _CENTURIES:
        return None
    serial = _SERIAL_AFTER_DATE_RE.match(number, dated.end())
    if serial is None or (is_time_of_day(serial.group("serial")) and int(dated.group(0)[:4]) >= EVENTS_FROM_YEAR):
        return None
    return serial.end()


def is_time_of_day(four: str) -> bool:
    """Whether four digits read as a time, HHMM ("0800", "2359")."""
    return int(four[:2]) <= 23 and int(four[2:]) <= 59


def labelled_birth_date_end(match: re.Match[str]) -> int | None:
    """Where a birth date written alone ends in the number of a _LABELLED_ID_RE *match* ("pnr 19121212", "pnr
    121212", "pnr 1980-01-01"), or None: the label must be a personnummer's (not "sam.nr", "ID-nr"), and the number's
    first group 8 digits that start with a century or 6 digits, a real date, and no letter glued on ("pnr 12", "Pnr
    12345678" and "pnr 121212abc" stay), or a date written year first before :data:`EVENTS_FROM_YEAR`."""
    if match.group(0)[0] not in _PERSONAL_LABEL_STARTS:
        return None
    dated = _LEADING_DATE_RE.match(match.group("number"))
    if dated is not None:  # "pnr 1980-01-01": a day before the desk's time is a birth date
        iso = dated.group("iso_sep") is not None and dated.group(0)[:2] in _CENTURIES
        return dated.end() if iso and int(dated.group(0)[:4]) < EVENTS_FROM_YEAR else None
    digits = _GROUP_RE.match(match.group("number")).group(0)
    if match.string[match.start("number") + len(digits):match.start("number") + len(digits) + 1].isalpha():
        return None
    if len(digits) == 8 and digits[:2] in _CENTURIES:
        years = (int(digits[:4]),)
    elif len(digits) == 6:
        years = (1900 + int(digits[:2]), 2000 + int(digits[:2]))  # "000229": 29 February 2000, not 1900
    else:
        return None
    month, day = int(digits[-4:-2]), int(digits[-2:])
    return len(digits) if _a_day_in_one_of(years, month, day) else None


def _a_day_in_one_of(years: tuple[int, ...], month: int, day: int) -> bool:
    """Whether *month* and *day* name a day in one of *years* ("000229": 29 February 2000, not 1900)."""
    for year in years:
        try:
            date(year, month, day)
        except ValueError:
            continue
        return True
    return False


def labelled_date_digits(number: str) -> str:
    """The digits of a labelled identity number from its date on: without the century of 12 digits, or of 11 that
    start with a century and an 8-digit date ("19121212-121", not "191212-12121")."""
    digits = "".join(_GROUP_RE.findall(number))
    if len(digits) == 12 or (len(digits) == 11 and digits[:2] in _CENTURIES and len(_GROUP_RE.match(number)[0]) != 6):
        return digits[2:]
    return digits


def mask_text(text: str | None) -> MaskResult:
    """Replace identifiers in *text* with placeholders."""
    return MaskResult(*masked_and_counts(text))


def mask_fields(*texts: str | None) -> list[MaskResult]:
    """The text fields of one ticket (title, description, resolution, ...) masked together, one result each: a name
    masked in one field ("pat Anna Testsson ringde") is masked wherever it stands in the others ("Anna Testsson
    undrar ...", "Testsson ringer igen"; see elsdesk.masking_names.known_names_re). None gives ""."""
    found: list[tuple[str, bool]] = []
    masked = [_masked_alone_remembered(text, found) for text in texts]
    if not found:
        return [MaskResult(text, counts) for text, counts in masked]
    pattern = known_names_re(found, [text for text, _counts in masked])
    return [MaskResult(*_with_known_names(text, counts, pattern)) for text, counts in masked]


def _with_known_names(text: str, counts: dict[str, int], pattern: re.Pattern[str] | None) -> tuple[str, dict[str, int]]:
    """*text* with the names *pattern* finds masked too, and *counts* with them."""
    text, names = mask_known_names(text, pattern)
    if names:
        counts = dict(counts, namn=counts.get("namn", 0) + names)
    return text, counts


def masked_and_counts(text: str | None) -> tuple[str, dict[str, int]]:
    """*text* with identifiers replaced by placeholders, and how many of each kind (see mask_text); a name masked
    once is masked wherever else it stands in *text*."""
    found: list[tuple[str, bool]] = []
    masked, counts = _masked_alone(text, found)
    if not found:
        return masked, counts
    return _with_known_names(masked, counts, known_names_re(found, (masked,)))


# A file's units, roles, titles and resolutions repeat row after row ("avd 31", "ssk"): within an import
# (masking_remembered) a ticket's short text is masked once and its result, with the names it found, reused;
# _masked_alone reads nothing but its text. Bounded, so memory stays flat, and let go when the import ends: the texts
# as written are not kept in a long-running window. (Ticket numbers, unique, are masked without it.)
_REMEMBERED_CHARS = 100
_REMEMBERED_TEXTS = 10_000
_remembered: dict[str, tuple[str, dict[str, int], tuple[tuple[str, bool], ...]]] | None = None


@contextmanager
def masking_remembered() -> Iterator[None]:
    """Within it, :func:`mask_fields` masks each short text once (an import of many rows)."""
    global _remembered
    outer = _remembered
    if outer is None:
        _remembered = {}
    try:
        yield
    finally:
        if outer is None:
            _remembered = None


def _masked_alone_remembered(text: str | None, found: list[tuple[str, bool]]) -> tuple[str, dict[str, int]]:
    """:func:`_masked_alone` of *text*, a short text's result remembered within :func:`masking_remembered`."""
    memory = _remembered
    if memory is None or not text or len(text) > _REMEMBERED_CHARS:
        return _masked_alone(text, found)
    known = memory.get(text)
    if known is None:
        names: list[tuple[str, bool]] = []
        masked, counts = _masked_alone(text, names)
        if len(memory) >= _REMEMBERED_TEXTS:
            memory.clear()
        known = memory[text] = (masked, counts, tuple(names))
    masked, counts, names = known
    found.extend(names)
    return masked, dict(counts)  # a caller's own counts: the remembered ones stay as they were


def _masked_alone(text: str | None, found: list[tuple[str, bool]]) -> tuple[str, dict[str, int]]:
    """*text* with identifiers replaced by placeholders, and how many of each kind; each name masked is added to
    *found* (as elsdesk.masking_names.mask_announced_names tells), for the caller to mask it elsewhere."""
    if not text:
        return text or "", {}
    first = _FIRST_LOOK_RE.search(text)  # None: no unusual character, no "(at)", no name a label announces
    if first is not None and not text.isascii() and (
            first.start("unusual") >= 0 or _UNUSUAL_RE.search(text, first.start()) is not None):
        text = visible_text(text)  # "0\u200b70-123 45 67" is the phone number a reader sees
        first = _AT_WORD_OR_NAME_RE.search(text)
    at_sign = "@" in text or (first is not None and _AT_WORD_RE.search(text, first.start()) is not None)
    mail_like = at_sign or " at " in text or "nabel" in text or " AT " in text  # "snabel-a", "Snabel-a"
    digits = digit_count(text)
    # a number identifier has 7 digits or more, and only "(08) 123 45" has as few: most text skips those patterns; a
    # birth date after its label has 6 or 8 ("pnr 121212", "pnr 19121212"), a reserve number 3 or more, a name none
    numbers = digits > 7 or (digits == 7 and "(" in text)
    birth_date = 6 <= digits <= 7 and may_hold_number_label(text)
    born = digits >= 6 and may_hold_birth_label(text)
    reserve = digits >= 3 and may_hold_reserve_label(text)
    if not (mail_like or numbers or birth_date or born or reserve):  # most text: a name is all it can hold
        if first is None and ("[" not in text or "nummer]" not in text):  # one "[" is found faster than a word
            return text, {}
        masked, names = mask_announced_names(text, first.start(), found) if first is not None else (text, 0)
        if "nummer]" in masked:  # masked before ("Anna Testsson [personnummer]", a desk of an older version)
            masked, beside = mask_names_beside_identities(masked, found)
            names += beside
        return masked, ({"namn": names} if names else {})
    counts: Counter[str] = Counter()

    def _identity(match: re.Match[str]) -> str:
        digits = "".join(_GROUP_RE.findall(match.group(0)))[-10:]
        kind = identity_kind(digits[:6], digits[6:])
        if kind is None or (match.group("pairs") and follows_clock_word(match)):
            return match.group(0)
        counts[kind] += 1
        return PLACEHOLDERS[kind]

    def _labelled_identity(match: re.Match[str]) -> str:
        number = match.group("number")
        end = labelled_number_end(number)
        if end is not None and _NORDIC_LABEL_RE.match(match.group(0)):
            kind = "personnummer"
        elif end is not None:
            kind = labelled_kind(labelled_date_digits(number[:end]))
        elif (end := labelled_birth_date_end(match)) is not None:
            kind = "personnummer"  # a birth date alone after "pnr" identifies the patient too ("pnr 121212")
        else:
            return match.group(0)
        counts[kind] += 1
        return match.group(0)[:match.start("number") - match.start()] + PLACEHOLDERS[kind] + number[end:]

    def _listed_identity(match: re.Match[str]) -> str:
        kind = labelled_kind("".join(_GROUP_RE.findall(match.group("number")))[-10:])
        counts[kind] += 1
        return match.group("before") + PLACEHOLDERS[kind]

    def _birth_date(match: re.Match[str]) -> str:
        if not is_real_birth_date(match):
            return match.group(0)
        counts["födelsedatum"] += 1
        return match.group(0)[:match.start("date") - match.start()] + PLACEHOLDERS["födelsedatum"]

    def _reserve_number(match: re.Match[str]) -> str:
        number = match.group("number")
        if len(number) < 5 or digit_count(number) < 3 or _LEADING_DATE_RE.match(number):
            return match.group(0)  # "reservnummer 2 st", "reservnummer 2025-05-06 skapat"
        kind = "samordningsnummer" if match.group("coordination") else "reservnummer"
        counts[kind] += 1
        return match.group(0)[:match.start("number") - match.start()] + PLACEHOLDERS[kind]

    def _replace(kind: str):
        def _sub(match: re.Match[str]) -> str:
            counts[kind] += 1
            return PLACEHOLDERS[kind]

        return _sub

    def _spelled_address(match: re.Match[str]) -> str:
        if not is_spelled_address(match):
            return match.group(0)
        counts["e-post"] += 1
        return PLACEHOLDERS["e-post"]

    def _phone(match: re.Match[str]) -> str:
        if match.re is _PHONE_OR_DATE_RE.compiled and match.group("date") is not None:
            return match.group(0)  # a date or time, kept as it is
        if not looks_like_phone(match.group(0)) or is_labelled_code(match):
            return match.group(0)
        counts["telefon"] += 1
        return PLACEHOLDERS["telefon"]

    masked = text
    if at_sign:  # only then: without an "@" to end it, _EMAIL_RE reads every word of a long text to its end
        masked = _EMAIL_RE.sub(_replace("e-post"), masked)
    if mail_like:  # an address needs "@", "(at)", " at " or "snabel-a"
        masked = _SPELLED_EMAIL_RE.sub(_spelled_address, masked)
    if numbers or birth_date:
        masked = _LABELLED_ID_RE.sub(_labelled_identity, masked)  # first: it knows where a typed-in number ends
        for _listed in range(3):  # "pnr X och Y, Z": each listed number after a masked one
            if "nummer]" not in masked or (listed := _LISTED_ID_RE.sub(_listed_identity, masked)) == masked:
                break
            masked = listed
    if reserve:  # before the unlabelled patterns: the label says what the number is
        masked = _RESERVE_NUMBER_RE.sub(_reserve_number, masked)
    if numbers:
        masked = _ID_RE.sub(_identity, masked)
    if born:  # after the identity numbers: "född 19121212-1212" is a personnummer
        masked = _BIRTH_DATE_RE.sub(_birth_date, masked)
    if numbers:
        masked = _PHONE_OR_DATE_RE.sub(_phone, masked)  # dates and times are matched too, and kept
        masked = _FOREIGN_PHONE_RE.sub(_phone, masked)
        masked = _BARE_MOBILE_RE.sub(_phone, masked)
    if first is not None:  # the placeholders put in hold no capital and no colon: they make no new place for a name
        masked, names = mask_announced_names(masked, 0, found)
        counts["namn"] += names
    if "nummer]" in masked:  # a name right beside an identity number: "Anna Testsson [personnummer]"
        masked, names = mask_names_beside_identities(masked, found)
        counts["namn"] += names
    return masked, {kind: n for kind, n in counts.items() if n}


def may_hold_number_label(text: str) -> bool:
    """A cheap look for a personal-number label ("pnr", "personnummer") before _LABELLED_ID_RE scans *text*."""
    low = text.lower()
    return "nr" in low or "num" in low or "ssn" in low or "security" in low or "identity" in low


def may_hold_birth_label(text: str) -> bool:
    """A cheap look for a birth date's label ("född", "födelsedatum", "f.", "DOB", "date of birth") before
    _BIRTH_DATE_RE scans *text*."""
    low = text.lower()
    return "föd" in low or "fodd" in low or "fodel" in low or "f." in low or "dob" in low or "d.o.b" in low \
        or "birth" in low or "born" in low


def is_real_birth_date(match: re.Match[str]) -> bool:
    """Whether the date of a _BIRTH_DATE_RE *match* is a day that was: "född 121212" (1912 or 2012), "f. 1.2.1980";
    not "född 131313" nor "f. 32.1.2000"."""
    if match.group("ymd") is not None:
        digits = "".join(_GROUP_RE.findall(match.group("ymd")))
        years = (int(digits[:4]),) if len(digits) == 8 else (1900 + int(digits[:2]), 2000 + int(digits[:2]))
        month, day = int(digits[-4:-2]), int(digits[-2:])
    else:
        day_text, month_text, year_text = _GROUP_RE.findall(match.group("dmy"))
        day, month = int(day_text), int(month_text)
        years = (int(year_text),) if len(year_text) == 4 else (1900 + int(year_text), 2000 + int(year_text))
    return _a_day_in_one_of(years, month, day)


def may_hold_reserve_label(text: str) -> bool:
    """A cheap look for a reserve or coordination number's label before _RESERVE_NUMBER_RE scans *text*."""
    low = text.lower()
    return "reserv" in low or (("nr" in low or "num" in low) and ("res" in low or "sam" in low))


def digit_count(text: str) -> int:
    """How many ASCII digits *text* holds (counted on its UTF-8 bytes: four times faster than str.count per digit)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _DIGIT_BYTES))


def looks_like_phone(candidate: str) -> bool:
    """False for digit groups that are something else: "08-13-17-21" (times), "01.05.2025" (a date)."""
    if _DATE_LIKE_RE.fullmatch(candidate):
        return False
    groups = _GROUP_RE.findall(candidate)
    if len(groups) >= 3 and all(len(g) == 2 for g in groups) and not re.search(_SPACE, candidate):
        return False  # times of day written 08-13-17-21 or 08.15-09.30
    return True


def mask(text: str | None) -> str:
    """Shorthand for the masked text alone."""
    return masked_and_counts(text)[0]


def describe_counts(counts: dict[str, int]) -> str:
    """A short Swedish summary such as '1 personnummer, 2 telefon'."""
    return ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()) if n)
