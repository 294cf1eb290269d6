"""Pasted error messages, stack traces and log lines in ticket text, found and left out.

Busy staff paste what the screen said ("felmeddelande: NullReferenceException i modul …",
"Timeout after 30000 ms", "at Cambio.Cosmic.Client.Save(…)", "fel 0x80100066"). Those words name no
problem: unrelated reports quoting the same kind of message became one topic named by it (a held-out
tester's region, week 46). The topic finder, the known-problem matcher and topic names read ticket
text without them (:func:`without_pasted_errors`); the reporter's own words around them stay.
"""

from __future__ import annotations

import re

# What marks a pasted error message, stack trace or log line. Its words name no problem: unrelated
# reports quoting "felmeddelande: NullReferenceException i modul" became one topic named by it
# (Granlunda, week 46). Such a marker and the rest of its sentence are no text for topics.
_DUMP_MARK = (
    r"\[(?:error|fel|fatal|warn(?:ing)?|exception|info|debug|trace)\]"     # a log line's level
    r"|\b(?:\w+\.)*(?:\w*exception|[^\W\d_]{3,}error)\b"                   # an exception's class
    r"|(?-i:\b[A-Z]\w+(?:\.[A-Z]\w*){2,})"                                 # a namespace: Cambio.Cosmic.Client
    r"|\bat\s+[\w$`<>]+(?:\.[\w$`<>]+)+\s*\("                             # a stack frame: at X.Y(
    r"|\b\w+\.(?:cs|java|dll|exe|js|py)\b"                                   # a source or binary file
    r"|\bstack\s*trace\b|\btraceback\b"                                     # a trace's header
    r"|\b(?:ora|tns|sql|err)-\d{3,}\b"                                        # a database's error and its message
)
# A code alone (a hex code, a GUID, a time in ms, a web server's status) goes with the words leading
# into it, and the reporter's sentence around it stays ("NPÖ ger HTTP 503 när jag öppnar journalen":
# "NPÖ ger när jag öppnar journalen"); inside a quoted message the whole quote goes.
_CODE_MARK = (
    r"\b0x[0-9a-f]{4,}\b|\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b|\b\d+\s?ms\b"
    r"|\bhttp\s?(?:error\s)?[45]\d\d\b"
)
# words that lead into a pasted message ("felmeddelande: ...", "Timeout after 30000 ms"), and an opening quote
_DUMP_LEAD = r"(?:(?:felmeddelande[nt]?|error(?:\s*message)?|fel(?:kod(?:en)?)?|meddelande[t]?|timeout(?:\s+(?:after|efter))?)\s*[:=-]?\s*)+"
_DUMP_RE = re.compile(rf"(?:{_DUMP_LEAD})?(?:(?P<dump>{_DUMP_MARK})|(?P<code>{_CODE_MARK}))", re.IGNORECASE)
# what every marker holds, looked for first in the case-folded text (plain substrings, then the few
# patterns a substring lets through, and a namespace in the text as written): most texts hold none,
# and the full search costs several times as much
_HINT_WORDS = ("exception", "error", "0x", "trace", "]", ".cs", ".java", ".dll", ".exe", ".js", ".py", "ora-", "tns-",
               "sql-", "err-", "http")
_MS_HINT_RE = re.compile(r"\d\s?ms\b")
_GUID_HINT_RE = re.compile(r"[0-9a-f]{8}-")
_FRAME_HINT_RE = re.compile(r"\bat\s+[\w$`<>]+\.")
_NAMESPACE_HINT_RE = re.compile(r"[A-Z]\w*\.[A-Z]\w*\.[A-Z]")
_DOT_CAPITAL_RE = re.compile(r"\.[A-Z]")  # what a namespace holds: a plain scan, a fifth of the namespace pattern's
# a quotation mark (an apostrophe only at a word's edge: "doesn't" opens no quote)
_QUOTE_RE = re.compile(r"[\"“”„«»]|(?<!\w)'|'(?!\w)")
# a dump ends with its line or where a sentence of prose begins again ("... of an object. Pat väntar.")
_DUMP_END_RE = re.compile(r"\n|[.!?](?=\s+[A-ZÅÄÖ](?![\w]*\.\w))")


def without_pasted_errors(text: str) -> str:
    """*text* without what a pasted error message, stack trace or log line holds: from its marker (an
    exception's class, a namespace, a stack frame, a log level, a database's error number), with the
    words leading into it ("felmeddelande:") or the quote it opens, to the end of its line or sentence;
    a code alone (a hex code, a GUID, a time in ms, an HTTP status) with its lead words only, unless a
    quote holds it. The reporter's own words around them stay."""
    if not text or not _may_hold_dump(text) or not _DUMP_RE.search(text):
        return text or ""
    parts, position = [], 0
    while (match := _DUMP_RE.search(text, position)) is not None:
        start = _opening_quote(text, max(position, text.rfind("\n", 0, match.start()) + 1), match.start())
        if match.group("code") and start == match.start():  # a code in the reporter's own sentence: the code only
            parts.extend((text[position:start], " "))
            position = match.end()
            continue
        end = _DUMP_END_RE.search(text, match.end())
        parts.append(text[position:start])
        position = end.end() if end else len(text)
        parts.append("\n" if end and end.group(0) == "\n" else " ")
    parts.append(text[position:])
    return "".join(parts)


def _may_hold_dump(text: str) -> bool:
    """Whether *text* holds what every marker of :data:`_DUMP_RE` holds (a quick test before the full one)."""
    folded = text.casefold()
    return (any(map(folded.__contains__, _HINT_WORDS))  # map: no generator frame per word
            or ("ms" in folded and _MS_HINT_RE.search(folded) is not None)
            or ("-" in folded and _GUID_HINT_RE.search(folded) is not None)
            or ("at " in folded and _FRAME_HINT_RE.search(folded) is not None)
            or (_DOT_CAPITAL_RE.search(text) is not None and _NAMESPACE_HINT_RE.search(text) is not None))


def _opening_quote(text: str, line_start: int, start: int) -> int:
    """Where a quote still open at *start* opens ("Åtgärden kunde inte slutföras. Felkod 0x80070005"
    quotes one message), else *start*."""
    quotes = list(_QUOTE_RE.finditer(text, line_start, start))
    return quotes[-1].start() if len(quotes) % 2 else start
