"""Text safe to store and to print: control characters (ESC, BEL, NUL, C1) removed.

A ticket title holding ``ESC [ 2 J`` would clear a support person's terminal in ``elsdesk
list`` and ``BEL`` would ring it; bidirectional overrides would make text read differently
from what it is. Tabs and, where wanted, line breaks stay; every line-end style becomes "\\n"
(:func:`unix_line_ends`).
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_AND_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str | None, keep_newlines: bool = True) -> str:
    """*text* without control characters; with ``keep_newlines=False`` tabs and line breaks become spaces."""
    if not text:
        return ""
    if keep_newlines:
        return _CONTROL.sub("", text)
    return _CONTROL_AND_BREAKS.sub(lambda m: " " if m.group(0) in "\t\n\r\u2028\u2029" else "", text)


_LINE_ENDS = ("\r\n", "\r", "\u2028", "\u2029")  # Windows, old Mac, Unicode line and paragraph separators


def unix_line_ends(text: str) -> str:
    """*text* with Windows ("\\r\\n"), old Mac ("\\r") and Unicode line ends as "\\n"."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    for line_end in _LINE_ENDS:
        text = text.replace(line_end, "\n")
    return text
