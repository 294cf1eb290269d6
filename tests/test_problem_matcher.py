"""The known-problem matcher: learns per desk when its nearest problem is right, and places a new
ticket only when that is likely (a wrong link costs a trainer more than a missing one)."""

from __future__ import annotations

import numpy as np
import pytest

from elsdesk.topics import problem_matcher
from elsdesk.topics.problem_matcher import ProblemMatcher

# Three problems in two modules, each reported in several voices, and one-offs that share their words.
PROBLEMS = {
    1: ("Registrera dos som given i utdelningsvyn", "lakemedel", "handhavande", [
        "Hur markerar jag att morgondosen är given? Hittar inte knappen i utdelningen.",
        "Given dos – var kvitterar man att tabletterna är utdelade till patienten?",
        "Utdelningsvyn: kan inte bocka av att medicinen är given, vad gör jag fel?",
        "Ny på avdelningen, hur signerar man given dos i utdelningslistan?",
        "Var registrerar jag att insulinet är givet? Utdelningsvyn visar det som ej givet.",
        "Kvittera utdelade läkemedel – hittar inte var man sätter given",
    ]),
    2: ("Ordination kräver indikation innan den kan sparas", "lakemedel", "handhavande", [
        "Kan inte spara ordinationen, rött fält om indikation.",
        "Varför måste man fylla i indikation för paracetamol? Går inte att spara annars.",
        "Ordinationen sparas inte – fältet indikation är obligatoriskt?",
        "Indikation saknas står det när jag försöker spara en ny ordination",
        "Rött kryss vid indikation, ordinationen går inte att spara",
    ]),
    3: ("Diktat hamnar hos fel sekreterargrupp", "journal_dokumentation", "fel", [
        "Mina diktat går till ortopedens sekreterare fast jag jobbar på medicin.",
        "Diktatet skickades till fel grupp, sekreterarna hittar det inte.",
        "Diktaten hamnar i fel sekreterarkö efter bytet till Cosmic",
        "Sekreterargruppen som får mina diktat är fel, hur ändrar jag?",
        "Diktat till fel mottagare – de hamnar hos kirurgens sekreterare",
    ]),
}
ONE_OFFS = [
    ("Kan jag ändra en ordination som en kollega har gjort?", "lakemedel", "handhavande"),
    ("Dosetten från apoteket stämmer inte med listan", "lakemedel", "fel"),
    ("Hur dikterar man med mobilen?", "journal_dokumentation", "handhavande"),
    ("Diktafonen laddar inte", "journal_dokumentation", "fel"),
    ("Läkemedelslistan skrivs ut med små bokstäver", "lakemedel", "fel"),
    ("Var ser jag patientens allergier?", "lakemedel", "handhavande"),
    ("Mallen för inskrivningsanteckning saknar rubrik", "journal_dokumentation", "fel"),
    ("Hur makulerar jag ett diktat som är fel?", "journal_dokumentation", "handhavande"),
    ("Kan man få större text i läkemedelslistan?", "lakemedel", "handhavande"),
    ("Ordinationsverktyget är långsamt på morgonen", "lakemedel", "fel"),
]


def _fitted(**kwargs) -> ProblemMatcher:
    texts, ids, modules, kinds = [], [], [], []
    for problem_id, (_name, module, kind, reports) in PROBLEMS.items():
        for text in reports:
            texts.append(text)
            ids.append(problem_id)
            modules.append(module)
            kinds.append(kind)
    names = {p: name for p, (name, *_rest) in PROBLEMS.items()}
    return ProblemMatcher(**kwargs).fit(texts, ids, modules, kinds, names, unlinked=ONE_OFFS)


def test_a_desk_with_enough_links_learns_its_own_model_of_when_the_nearest_problem_is_right():
    matcher = _fitted()
    assert matcher._model is not None
    placed = matcher.match(
        ["Hur visar jag att kvällsdosen är given i utdelningsvyn?", "Diktaten kommer till fel sekreterare hos oss"],
        ["lakemedel", "journal_dokumentation"], ["handhavande", "fel"])
    assert placed == [1, 3]


def test_a_problem_in_another_module_is_never_the_match():
    placed = _fitted().placements(["Diktat hamnar hos fel sekreterargrupp"], ["lakemedel"], ["fel"])[0]
    assert placed.problem_id != 3


def test_a_module_without_known_problems_places_nothing():
    placed = _fitted().placements(["Tidboken visar fel dag"], ["tidbok"], ["fel"])[0]
    assert placed.problem_id is None and placed.probability == 0.0


def test_placement_probabilities_follow_how_close_the_ticket_is():
    matcher = _fitted()
    close, far = matcher.placements(
        ["Registrera given dos i utdelningsvyn – hur gör jag?", "Skrivaren i expeditionen är offline"],
        ["lakemedel", "lakemedel"], ["handhavande", "handhavande"])
    assert close.problem_id == 1 and close.probability > far.probability
    assert matcher.match(["Skrivaren i expeditionen är offline"], ["lakemedel"], ["handhavande"]) == [None]


def test_each_linked_ticket_is_compared_with_its_problem_as_it_would_be_without_it():
    matcher = _fitted()
    rows = np.arange(len(matcher._labels))
    modules = [matcher.modules[label] for label in matcher._labels]
    found = matcher._features(matcher._members, modules, [None] * len(rows), own_rows=rows)
    for row, (best, values) in zip(rows, found):
        own = matcher._labels[row]
        others = matcher._members.joined()[(matcher._labels == own) & (rows != row)]
        centroid = np.asarray(others.sum(axis=0)).ravel()
        expected = float(matcher._members.joined()[row].toarray().ravel() @ centroid / np.linalg.norm(centroid))
        if best == own:
            assert values[0] == pytest.approx(expected, abs=1e-4)
        else:
            assert values[0] >= expected - 1e-4  # another problem came out nearer


def test_leaving_its_problem_out_never_finds_the_tickets_own_problem():
    matcher = _fitted()
    rows = np.arange(len(matcher._labels))
    modules = [matcher.modules[label] for label in matcher._labels]
    found = matcher._features(matcher._members, modules, [None] * len(rows), own_rows=rows, leave_problem_out=True)
    assert all(best != matcher._labels[row] for row, (best, _values) in zip(rows, found))


def test_with_too_few_links_a_plain_similarity_rule_decides(monkeypatch):
    matcher = ProblemMatcher().fit(["Given dos syns inte i utdelningsvyn", "Diktat till fel sekreterargrupp"],
                                   [1, 3], ["lakemedel", "journal_dokumentation"])
    assert matcher._model is None
    assert matcher.match(["Given dos syns inte i utdelningsvyn idag"], ["lakemedel"]) == [1]
    assert matcher.match(["Var ser jag allergier?"], ["lakemedel"]) == [None]
    monkeypatch.setattr(problem_matcher, "MIN_EXAMPLES", 1000)
    assert _fitted()._model is None  # the same rule when a desk's examples are too one-sided


def test_a_linked_ticket_the_model_put_in_another_module_still_teaches_its_problem():
    """On a desk where the model sets the modules, a third of a problem's linked tickets may carry another
    module. Learning compared each with the problems of that other module, where its own problem is not, and
    learnt close matches as wrong: placements dropped (a bench region's recall with the model's labels 0.27
    against 0.92 with people's). A linked ticket is compared as one of its problem's."""
    texts, ids, modules, kinds = [], [], [], []
    for problem_id, (_name, module, kind, reports) in PROBLEMS.items():
        for n, text in enumerate(reports):
            texts.append(text)
            ids.append(problem_id)
            modules.append(module if n % 3 else "navigering_installningar")  # the model's slip
            kinds.append(kind)
    names = {p: name for p, (name, *_rest) in PROBLEMS.items()}
    slipped = ProblemMatcher().fit(texts, ids, modules, kinds, names, unlinked=ONE_OFFS)
    clean = _fitted()
    ticket = (["Utdelningsvyn: hur markerar jag dosen som given?"], ["lakemedel"], ["handhavande"])
    assert slipped.placements(*ticket)[0].problem_id == 1
    assert slipped.placements(*ticket)[0].probability >= clean.placements(*ticket)[0].probability - 0.05


def test_a_close_report_of_another_kind_than_its_problems_is_still_placed():
    """One problem's reports come in several kinds (one nurse asks how, another calls it a fault), and on a
    desk in its third week the new tickets' kinds are the model's guesses. The learnt model put the
    similarities and the kind's 0/1 under one penalty unscaled, so it leaned on the kind alone: these two
    reports of problem 1 scored 0.40 and 0.44 and stayed unplaced. Put on one scale, the similarities count."""
    matcher = _fitted()
    reports = ["Utdelningsvyn visar inte att dosen är given fast jag kvitterat, fel i systemet?",
               "Given dos går inte att kvittera i utdelningsvyn, knappen gör inget"]
    assert matcher.match(reports, ["lakemedel"] * 2, ["fel"] * 2) == [1, 1]
    assert matcher.match(["Var ser jag patientens allergier?"], ["lakemedel"], ["fel"]) == [None]
