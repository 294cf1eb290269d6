"""An ELS agent's frame around the caller's words ("Tel.samtal: … Visat hur, användaren nöjd.") is no evidence that
two tickets are one problem and names no topic (a training lead's region, week 41: three unrelated questions glued
by the frame were an agenda item, and "användaren nöjd" and "lämnat förvaltningen" were keywords in every export)."""

import pytest

from elsdesk.services.topics import _reference_texts
from elsdesk.topics.desk_frames import without_desk_frame
from elsdesk.topics.finder import Ticketish, TopicFinder
from elsdesk.topics.names import provisional_name
from elsdesk.topics.vectors import analyse


@pytest.mark.parametrize("framed, words", [
    ("Tel.samtal: hur ger man Stesolid vid behov? Visat hur, användaren nöjd.", "hur ger man Stesolid vid behov?"),
    ("Chatt: etiketterna hamnar på fel skrivare. Lämnat över till förvaltningen.",
     "etiketterna hamnar på fel skrivare."),
    ("Samtal från avd, kommer inte in i Cosmic. Visade på skärmen, funkar nu.", "kommer inte in i Cosmic."),
    ("Ringt upp, vår mottagning finns inte vid inloggning. Ej löst, återkommer.",
     "vår mottagning finns inte vid inloggning."),
    ("Besök på enheten. Ny ssk ser inga patienter. Hänvisat till superanvändare.", "Ny ssk ser inga patienter."),
    ("Rond på avdelningen: hur ändrar man adressen? Eskalerat till Cambio.", "hur ändrar man adressen?"),
])
def test_the_agents_frame_goes_and_the_callers_words_stay(framed, words):
    assert without_desk_frame(framed) == words


@pytest.mark.parametrize("text", [
    "Telefon. Telefon.\nTelefonen på expeditionen ringer inte.",  # a title that is what the ticket is about
    "Ring mig på ankn 1234 när ni kan",
    "Visat hur man byter skrivare i Cosmic men det hjälpte inte",  # a sentence that says more than how it ended
    "Receptet är skickat till apoteket men syns inte där.",
    "Löst.",  # nothing but the frame: left as it is
])
def test_text_that_is_no_frame_is_left_as_written(text):
    assert without_desk_frame(text) == text


def test_the_frame_adds_no_term():
    plain = "hur anger man infusionshastighet i ml/h vid ordination av dropp?"
    assert set(analyse(f"Tel.samtal: {plain} Visat hur, användaren nöjd.")) == set(analyse(plain))


def _ticket(key, title, description, kind="handhavande"):
    return Ticketish(key=key, title=title, description=description, module="lakemedel", kind=kind)


def test_unrelated_calls_logged_in_one_agents_frame_are_no_topic():
    frame = "Tel.samtal: {} Visat hur, användaren nöjd."
    tickets = [
        _ticket("vb", "Behovsläkemedel", frame.format("hur gör man när man ger Stesolid vb? Måste läkaren ordinera om?")),
        _ticket("inf", "Infusion hastighet", frame.format("hur anger man infusionshastighet i ml/h vid dropp?")),
        _ticket("dia", "Dialys", frame.format("hur ordinerar man dialys i Cosmic?")),
        _ticket("dos-1", "Kan inte signera given dos", "Signeringen av given dos går inte i utdelningsvyn", "fel"),
        _ticket("dos-2", "Given dos går inte att signera", "Utdelningsvyn låter mig inte signera dosen som given",
                "fel"),
        _ticket("dos-3", "Signera dos fungerar inte", "Knappen för att signera given dos gör ingenting", "fel"),
    ]
    topics = TopicFinder(reference_texts=_reference_texts(), min_size=2).find(tickets)
    assert not [t for t in topics if {0, 1, 2} <= set(t.members)]
    for topic in topics:
        named = " ".join([topic.label] + topic.keywords).casefold()
        assert not any(word in named for word in ("samtal", "nöjd", "visat", "användaren"))


def test_a_name_from_a_description_leaves_the_agents_frame_out():
    description = "Tel.samtal: hur vidimerar man flera provsvar på en gång? Ej löst, återkommer."
    assert provisional_name(["Fråga"], [""], descriptions=[description]) == "Hur vidimerar man flera provsvar på en gång"


def test_little_words_are_no_keywords():
    """The same region's exports: "vår", "inga" and "istället sjuksköterska" were keywords of its topics."""
    rows = [("Ny kollega saknar behörighet", "Vår nya kollega har inga behörigheter på vår enhet, istället får hon fel"),
            ("Behörighet saknas för ny kollega", "Inga behörigheter till vår mottagning för vår nya kollega"),
            ("Kollega utan behörighet", "Vår nyanställda kollega saknar behörighet, inga patienter syns på vår enhet"),
            ("Behörighet ny kollega", "Ny kollega på vår avdelning har inga behörigheter, istället ett felmeddelande")]
    tickets = [Ticketish(f"b-{i}", title, description, "behorighet_roller", "konfiguration")
               for i, (title, description) in enumerate(rows)]
    topics = TopicFinder(reference_texts=_reference_texts(), min_size=2).find(tickets)
    assert topics
    words = {word.casefold() for topic in topics for keyword in topic.keywords for word in keyword.split()}
    assert words and not words & {"vår", "inga", "istället"}
    assert "behörighet" in words or "kollega" in words


def test_a_keyword_typed_without_its_letters_stays_where_colleagues_write_it_so():
    """The README's promise for names held for keywords too: "vid behovs" gave the vid-behov topic the keyword
    "behövs", the commoner word of the week."""
    doses = [("Vid behovs dos", "Hur ger man en vid behovs dos i utdelningsvyn?"),
             ("Ge vid behovs", "Var kvitterar man given vid behovs dos i Cosmic?"),
             ("Vid behovs läkemedel", "Hittar inte vid behovs dosen i utdelningsvyn"),
             ("Vid behovs dos saknas", "Vid behovs dos syns inte i utdelningsvyn, hur ger man den?")]
    others = [("Skrivare", "Det behövs en ny skrivare på avd 4"), ("Behörighet", "Det behövs behörighet för ny kollega"),
              ("Mall", "Det behövs en mall för inskrivning"), ("Tidbok", "Det behövs fler tider i tidboken"),
              ("Remiss", "Behövs det en remiss för röntgen?"), ("Kassa", "Det behövs ett kvitto i kassan")]
    tickets = [Ticketish(f"d-{i}", title, description, "lakemedel", "handhavande") for i, (title, description)
               in enumerate(doses)] + [Ticketish(f"o-{i}", title, description, f"m{i}", "handhavande")
                                       for i, (title, description) in enumerate(others)]
    topics = TopicFinder(reference_texts=_reference_texts(), min_size=2).find(tickets)
    dose = next(topic for topic in topics if set(topic.members) >= {0, 1, 2})
    words = {word for keyword in dose.keywords for word in keyword.split()}
    assert "behövs" not in words, dose.keywords
