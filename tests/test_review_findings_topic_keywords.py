"""Review finding 4 (signature stripping in two homes): the topic finder's keywords, which the
Utbildning tab and ``elsdesk topics`` show, carry no reporter's name from a sign-off; the sign-off
rules are one module (:mod:`elsdesk.sign_offs`) that the export and the topic finder share."""

from __future__ import annotations

import ast
from pathlib import Path

from elsdesk.topics.finder import Ticketish, TopicFinder

# one ward's reports of one problem, most signed off by Karin in ways the classifier's cleaning keeps
SIGNED_BY_KARIN = [
    ("Etikettskrivaren skriver inte", "Etikettskrivaren skriver inte ut armband sedan i morse. Tack, Karin"),
    ("Armband skrivs inte ut", "Inga armband kommer ut ur etikettskrivaren. Tack på förhand\nKarin"),
    ("Etikettskrivaren står still", "Etikettskrivaren tar inte emot några armband alls. Karin"),
    ("Armbandsskrivaren", "Armband fastnar i etikettskrivaren hela tiden.\n\nKarin\nSjuksköterska avd 5"),
    ("Skrivaren för armband", "Etikettskrivaren skriver inte armband till nya patienter. - Karin"),
    ("Etikettskrivare armband", "Etikettskrivaren ger inga armband, lampan blinkar. Tack, Karin"),
]
# Karin is the problem itself here: a colleague whose account is locked
KARIN_LOCKED = [
    ("Karins konto låst", "Karin i receptionen har låst konto i kassan och kommer inte in"),
    ("Låst konto Karin", "Receptionist Karin har låst konto, kassan säger behörighet saknas"),
    ("Karin kommer inte in", "Karin i receptionen: kontot låst i kassan sedan i går"),
    ("Kassan låst för Karin", "Kontot för Karin i receptionen är låst, kassan går inte att öppna"),
]


def _tickets(rows, module: str) -> list[Ticketish]:
    return [Ticketish(f"{module}-{i}", title, description, module, "fel") for i, (title, description) in enumerate(rows)]


def _topic_words(topics) -> set[str]:
    return {word for topic in topics for keyword in topic.keywords for word in keyword.split()}


def test_a_reporters_sign_off_name_is_no_keyword():
    topics = TopicFinder(min_size=2).find(_tickets(SIGNED_BY_KARIN, "utskrift_hardvara"))
    assert topics and sum(len(t.members) for t in topics) >= 4
    assert "karin" not in _topic_words(topics) and "karin" not in " ".join(t.label.casefold() for t in topics)
    assert _topic_words(topics) & {"etikettskrivaren", "armband"}


def test_a_name_that_is_the_problem_stays_a_keyword():
    topics = TopicFinder(min_size=2).find(_tickets(KARIN_LOCKED, "kassa_avgifter"))
    assert "karin" in _topic_words(topics)


def _imports(module) -> set[str]:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module} | \
        {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}


def test_the_sign_off_rules_are_one_module_that_export_and_topics_share():
    import elsdesk.export.quotes as quotes
    import elsdesk.ml.text as text
    import elsdesk.sign_offs as sign_offs
    import elsdesk.topics.finder as finder

    assert quotes.quotable is sign_offs.quotable and finder.quotable is sign_offs.quotable
    assert not {m for m in _imports(sign_offs) if m.startswith(("elsdesk.export", "elsdesk.topics", "elsdesk.gui"))}
    assert not {m for m in _imports(text) if m.startswith(("elsdesk.export", "elsdesk.sign_offs"))}  # no cycle
