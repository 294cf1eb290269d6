"""A topic named from a title that is a question only by its "?" keeps the mark: a training lead read the new topic
"Inskrivningsmeddelandet skickat" as a status, while eight of its nine tickets asked how to send it. A title that reads
as a question without it, or ends in a noun, is named as before."""

from __future__ import annotations

import pytest

from elsdesk.topics.names import provisional_name


@pytest.mark.parametrize("title, name", [
    ("Provsvaret vidimerat?", "Provsvaret vidimerat?"),
    ("Remissen skickad ??", "Remissen skickad?"),
    ("Blodprovet taget?", "Blodprovet taget?"),
    ("Provsvar vidimering?", "Provsvar vidimering"),  # a noun: a question's subject either way
    ("Hur vidimerar man provsvar?", "Hur vidimerar man provsvar"),  # a question by its first word
    ("Okänd pat, var skapar man reservnummer?", "Okänd pat, var skapar man reservnummer"),
    ("Går det att vidimera flera svar?", "Går det att vidimera flera svar"),
    ("Labbet har inte svarat", "Labbet har inte svarat"),  # no mark, no question
])
def test_a_question_by_its_mark_only_keeps_the_mark(title, name):
    assert provisional_name([title], []) == name
