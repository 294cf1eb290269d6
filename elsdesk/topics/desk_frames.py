"""The frame an ELS agent writes around a caller's problem, left out of the text the topic finder compares.

An agent logging a call writes how it came and how it ended around the caller's words: "Tel.samtal: hur ger man
…? Visat hur, användaren nöjd.", "Chatt: …. Lämnat över till förvaltningen.", "Ringt upp, …. Ej löst, återkommer."
Those words name no problem, but in a week where one agent logs many calls they are shared by unrelated tickets:
a tester's week 41 proposed "Behovsläkemedel går inte att signera" for three unrelated questions glued by
"Tel.samtal" and "Visat hur, användaren nöjd", and "användaren nöjd" and "lämnat förvaltningen" were keywords in
every export. :func:`without_desk_frame` takes off a leading channel ("Tel.samtal:", "Chatt:", "Samtal från avd,",
"Besök på enheten.") and the closing sentences that only say how the call ended; the caller's words stay, and so
does a sentence that says more ("Visat hur man byter skrivare i Cosmic" keeps its skrivare).
"""

from __future__ import annotations

import re

# how the report came, at the start of the text (or of a line), followed by ":" "," "." or a dash
_PLACE = r"(?:\s+(?:från|fr|på|till|av|med)\s+[^\s,:.;]+(?:\s+[^\s,:.;]+)?)?"
_CHANNEL = (
    r"(?:tel(?:efon)?\.?\s*-?\s*samtal|telefon|tel|samtal|chatt?|chat|mejl|mail|e-?post|besök|rond|ringt(?:\s+upp)?"
    r"|ringde(?:\s+upp)?|uppringd|ringer|ring|inkommande\s+samtal|phone(?:\s+call)?|call)" + _PLACE
)
# followed by two words more on its line: a title "Telefon." or "Mejl: trasig" is what the ticket is about
_LEADING_CHANNEL_RE = re.compile(rf"(?im)^[ \t]*{_CHANNEL}[ \t]*(?:[:,.]|\s-|–)[ \t]*(?=[^\s.]+[ \t]+[^\s.]+)")

# a closing sentence made only of how the call ended: shown how, works now, handed over, not solved, will call back
_OUTCOME = (
    r"visat?\s+hur|visade\s+(?:hur|på\s+skärmen)|visat\s+på\s+skärmen|gått\s+igenom|förklarat"
    r"|(?:användaren|anv|kunden|hen|hon|han)\s+(?:är\s+)?nöjd|nöjd(?:\s+användare)?"
    r"|(?:det\s+)?(?:funkar|fungerar)\s+nu|löst(?:\s+i\s+samtalet)?|åtgärdat|klart"
    r"|(?:ej|inte)\s+löst|återkommer|återkoppling\s+(?:utlovad|senare)"
    r"|(?:lämnat|lämnas|skickat|skickas|eskalerat|eskaleras|hänvisat|hänvisas|överlämnat|vidarebefordrat)"
    r"(?:\s+(?:över|vidare))?(?:\s+till\s+[^\s,.;]+(?:\s+[^\s,.;]+)?)?"
    r"|ärendet\s+(?:avslutat|avslutas|stängt|stängs)|avslutat|stängt"
)
_CLOSING_RE = re.compile(rf"(?i)(?:^|(?<=[.!?\n]))[ \t]*(?:{_OUTCOME})"
                         rf"(?:[ \t]*[,;&]?[ \t]*(?:och[ \t]+)?(?:{_OUTCOME}))*[ \t]*[.!]*[ \t]*\Z")
# what every leading channel holds, and what every closing outcome holds, looked for first in the case-folded text:
# most tickets have none. Each pattern is tried only on a text holding its own words: "ring" alone is in one text in
# six ("beställning", "signering"), and of 1,923 held-out texts the closing pattern, tried at every position, ran on
# 778 and now on 405, the leading one on 520. "gått", not "gått igenom": the pattern takes any spacing between them
_CHANNEL_HINTS = ("tel", "samtal", "chat", "mejl", "mail", "post", "besök", "rond", "ring", "phone", "call")
_OUTCOME_HINTS = ("visa", "nöjd", "funkar", "fungerar", "löst", "åtgärdat", "klart", "återk", "lämna", "skicka",
                  "eskaler", "hänvis", "vidarebefordr", "avslut", "stäng", "gått", "förklarat")


def without_desk_frame(text: str) -> str:
    """*text* without an agent's leading channel and closing outcome sentences (see the module); the text as it
    was when that would leave nothing (a ticket that is only "Samtal från avd. Löst.")."""
    folded = text.casefold()
    channel = any(map(folded.__contains__, _CHANNEL_HINTS))  # map: no generator frame per hint
    outcome = any(map(folded.__contains__, _OUTCOME_HINTS))
    if not (channel or outcome):
        return text
    body = _LEADING_CHANNEL_RE.sub("", text) if channel else text
    # taking off a leading channel joins no new outcome word (no hint holds a line break): without one, the loop
    # below would leave the body as it is
    while outcome:
        shorter = _CLOSING_RE.sub("", body).rstrip()
        if shorter == body.rstrip():
            break
        body = shorter
    return body if body.strip() else text
