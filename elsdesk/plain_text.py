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
# the control characters that break a line where other programs write them: a vertical tab (FileMaker's and Word's
# line break inside a field), a form feed, the file, group and record separators and "next line" (NEL). Deleted,
# they glued the words on both sides together ("Rad ettRad två", a contract tester)
_BREAKING_CONTROLS = "\x0b\x0c\x1c\x1d\x1e\x85"


def printable(text: str | None, keep_newlines: bool = True) -> str:
    """*text* without control characters (those that break a line in other programs as a line break, see
    _BREAKING_CONTROLS); with ``keep_newlines=False`` tabs and line breaks become spaces."""
    if not text:
        return ""
    if text.isprintable():  # most text: every character either pattern removes is unprintable (one scan in C)
        return text
    if keep_newlines:
        return _CONTROL.sub(lambda m: "\n" if m.group(0) in _BREAKING_CONTROLS else "", text)
    return _CONTROL_AND_BREAKS.sub(
        lambda m: " " if m.group(0) in "\t\n\r\u2028\u2029" + _BREAKING_CONTROLS else "", text)


_LINE_ENDS = ("\r\n", "\r", "\u2028", "\u2029")  # Windows, old Mac, Unicode line and paragraph separators


def unix_line_ends(text: str) -> str:
    """*text* with Windows ("\\r\\n"), old Mac ("\\r") and Unicode line ends as "\\n"."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    for line_end in _LINE_ENDS:
        text = text.replace(line_end, "\n")
    return text


# the tags a ticket system or a mail client leaves in exported text; "<" in "CRP <5" or "<3 dagar" is no tag
_MARKUP_TAG = re.compile(r"<\s*(/?)\s*(br|p|div|span|b|i|u|em|strong|font|a|li|ul|ol|table|tbody|thead|tr|td|th|"
                         r"h[1-6]|hr|html|head|body|meta|style|blockquote|pre|center|small|sup|sub|img)\b[^<>]*>",
                         re.IGNORECASE)
_BREAKING = frozenset(("br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote", "table"))
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")
_STYLE_BLOCK = re.compile(r"<\s*(style|script)\b[^>]*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


# Jira's wiki markup in an export's text: block markers, a table's header row, headings, links, monospace and bold
# (an import tester's Jira export put "fält värde" and "kod" among a week's topic words, and its agenda quoted "{code}")
_WIKI_BLOCK = re.compile(r"\{(?:code|noformat|quote|panel|color)(?::[^{}\n]*)?\}", re.IGNORECASE)
_WIKI_TABLE_HEAD = re.compile(r"(?m)^[ \t]*\|\|.*\|\|[ \t]*(?:\n|$)")
_WIKI_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|(.*)\|[ \t]*$")
_WIKI_HEADING = re.compile(r"(?m)^[ \t]*h[1-6]\.[ \t]+")
_WIKI_LINK = re.compile(r"\[([^\[\]|\n]+)\|[^\[\]\n]+\]")
_WIKI_MONOSPACE = re.compile(r"\{\{([^{}\n]+)\}\}")
_HEADINGS = ("h1.", "h2.", "h3.", "h4.", "h5.", "h6.")
_WIKI_BOLD = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


def without_wiki_markup(text: str) -> str:
    """*text* without Jira's wiki markup (see above): the markers go, the words they mark stay, a table's header
    row goes and its rows' cells are kept apart by spaces. Text without such markup comes back as it was."""
    if "{" not in text and "|" not in text and "*" not in text and not any(map(text.__contains__, _HEADINGS)):
        return text  # most text: a few scans in C
    plain = _WIKI_BLOCK.sub("", text)
    plain = _WIKI_MONOSPACE.sub(r"\1", plain)
    plain = _WIKI_LINK.sub(r"\1", plain)
    plain = _WIKI_TABLE_HEAD.sub("", plain)
    plain = _WIKI_TABLE_ROW.sub(lambda m: " ".join(cell.strip() for cell in m.group(1).split("|")), plain)
    plain = _WIKI_HEADING.sub("", plain)
    plain = _WIKI_BOLD.sub(r"\1", plain)
    return plain if plain == text else _BLANK_LINES.sub("\n\n", plain).strip()


def without_markup(text: str) -> str:
    """*text* as plain text when an export left HTML in it (Region Östanå's tool: "<br>", "&amp;", a signature
    in "<b>"): a line break for "<br>" and the end of a paragraph, other tags removed, entities as their
    letters ("&amp;" → "&", "&auml;" → "ä"); and Jira's wiki markup (:func:`without_wiki_markup`). Text without
    such tags, entities or markup comes back as it was."""
    text = without_wiki_markup(text)
    if "<" not in text and "&" not in text:
        return text
    tagged, entities = _MARKUP_TAG.search(text), _ENTITY.search(text)
    if not tagged and not entities:
        return text
    if tagged:
        text = _STYLE_BLOCK.sub("", text)
        text = _MARKUP_TAG.sub(lambda m: "\n" if m.group(2).lower() in _BREAKING and (m.group(1) or m.group(2).lower() in ("br", "hr"))
                               else "", text)
        text = _BLANK_LINES.sub("\n\n", text)
    if entities:
        import html  # only for text that has entities

        text = html.unescape(text)
    return text.strip()
