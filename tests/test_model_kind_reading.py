"""Kind's features read English words in Swedish, and tickets that teach kind only leave the module
classifier alone (resources/seed_kind/): what the kind accuracy on locums' English tickets, on
configuration requests and on outages rests on."""

from __future__ import annotations

import numpy as np

from elsdesk.corpus import load_kind_corpus, load_seed_corpus
from elsdesk.ml.model import KIND_ONLY_WEIGHT, PreparedTexts, TicketModel, build_kind_features
from elsdesk.ml.model_format import dumps, loads
from elsdesk.ml.text import char_text, kind_text

ROWS = [
    {"title": "Hur skriver jag ut armband", "description": "var hittar jag knappen", "module": "utskrift", "kind": "handhavande"},
    {"title": "Hur signerar jag anteckning", "description": "vet inte hur", "module": "journal", "kind": "handhavande"},
    {"title": "Skrivaren skriver inte ut", "description": "felmeddelande efter uppdatering", "module": "utskrift", "kind": "fel"},
    {"title": "Journalen kraschar", "description": "fel när jag sparar", "module": "journal", "kind": "fel"},
    {"title": "Behörighet saknas", "description": "behöver behörighet till enheten", "module": "journal", "kind": "konfiguration"},
    {"title": "Ny skrivare ska läggas upp", "description": "behörighet och koppling behövs", "module": "utskrift", "kind": "konfiguration"},
] * 2


def test_english_words_are_read_as_their_swedish_words_for_kind():
    assert "behorighet" in kind_text("I have no access to the ward").split()
    assert "skrivare" in kind_text("The printer prints nothing").split()
    assert kind_text("Läkemedelslistan uppdateras inte") == char_text("Läkemedelslistan uppdateras inte"), \
        "Swedish text reads as it is written"


def test_the_fast_feature_path_gives_what_the_vectorizer_gives():
    texts = ["I can't access the printer", "Hur gör jag? Behörighet saknas", "The template is missing a field"]
    vectorizer = build_kind_features().fit(texts * 2)
    fast = PreparedTexts.of(texts).features(vectorizer)
    assert np.allclose(fast.toarray(), vectorizer.transform(texts).toarray())


def test_kind_only_tickets_teach_kind_and_not_module():
    kind_only = [{"title": "Önskar nytt fält i mallen", "description": "förslag", "module": "vaccination", "kind": "onskemal"}] * 3
    model = TicketModel().fit(ROWS, kind_rows=kind_only)
    assert "onskemal" in model.kind_labels
    assert "vaccination" not in model.module_labels, "their modules never reach the module classifier"
    assert model.module_labels == TicketModel().fit(ROWS).module_labels


def test_a_model_with_the_english_reading_survives_the_model_file():
    model = TicketModel().fit(ROWS)
    again = loads(dumps(model))
    assert again.kind_features.preprocessor is kind_text
    row = {"title": "No access to the ward", "description": "I need access"}
    assert again.predict([row])[0].kind == model.predict([row])[0].kind


def test_the_kind_only_corpus_is_read_masked_and_labelled():
    rows = load_kind_corpus()
    seed_titles = {r["title"] for r in load_seed_corpus()}
    assert rows and all(r["kind"] and r["title"] for r in rows)
    assert sum(r["kind"] in ("konfiguration", "driftstorning") for r in rows) > len(rows) / 2, \
        "mostly the kinds the seed taught worst; the rest are their contrasts"
    assert not any("19121212" in (r.get("description") or "") for r in rows)
    assert len({r["title"] for r in rows} & seed_titles) < len(rows) / 10
    assert 0 < KIND_ONLY_WEIGHT < 1


# A stop for a whole unit or house, written as people write it: the shipped model before seed_10 read
# four of these as driftstörning, faults or how-to the rest.
OUTAGES = [
    ("Allt står still", "Ingen på barnkliniken kan jobba i Cosmic sedan kvart i tio, allt laddar bara. Telefonen och mejlen går bra."),
    ("Remissvar kommer inte in", "Sedan i förmiddags har inga röntgensvar kommit in till någon av mottagningarna i huset."),
    ("Cosmic jättelångsamt för alla", "Varje klick tar en halv minut på hela akuten sedan lunch."),
    ("Utloggade hela tiden", "Hela tredje våningen blir utkastad ur Cosmic var tionde minut sedan i morse."),
    ("When will Cosmic be back?", "The whole ward has been without Cosmic for an hour, is there a backup copy we can read?"),
    ("Labbsvaren har slutat komma", "Inga provsvar har kommit till någon avdelning på hela sjukhuset sedan klockan åtta."),
    ("Segt överallt", "Alla datorer på mottagningen hänger sig när vi öppnar journalen, sedan uppdateringen i natt."),
    ("Nere?", "Är Cosmic nere? Ingen av oss på IVA kommer in."),
]


def test_the_shipped_model_reads_a_whole_units_stop_as_an_outage():
    from elsdesk.ml.store import load_shipped

    model, _card = load_shipped()
    kinds = [p.kind for p in model.predict([{"title": t, "description": d} for t, d in OUTAGES])]
    assert sum(kind == "driftstorning" for kind in kinds) >= 6, kinds
    assert model.predict([{"title": "Skrivaren på mitt rum", "description": "Min skrivare skriver ut tomma papper,"
                                                                           " kollegornas fungerar."}])[0].kind == "fel"
