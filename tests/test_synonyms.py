"""Words read as colleagues mean them (elsdesk.ml.synonyms): Swedish variants and English words."""

from elsdesk.ml.english import glossary
from elsdesk.ml.similarity import SimilarityIndex
from elsdesk.ml.synonyms import SYNONYMS_FILE, read_as, synonyms
from elsdesk.paths import resources_dir


def test_variants_of_one_thing_are_read_as_one_word():
    assert read_as("stafettläkare") == read_as("hyrläkare") == ("inhyrd", "läkare")
    assert read_as("hyrsjuksköterskor") == ("inhyrd", "sjuksköterska")  # a hired nurse is no hired doctor
    assert read_as("labbsvaret") == ("provsvar",)
    assert read_as("medicinlistan") == ("läkemedelslistan",)


def test_a_night_shifts_abbreviations_are_read_as_their_words():
    """An emergency-department tester's weeks split one problem in two where one ward wrote "lkm", "rtg", "amb" or
    "RETTS" and another the word ("RETTS nivå kommer ej över" apart from the triage topic, shown as new)."""
    assert read_as("lkm") == read_as("läkemedel") == ("läkemedel",)
    assert read_as("rtg") == ("röntgen",) and read_as("amb") == ("ambulans",) and read_as("anest") == ("anestesi",)
    assert read_as("retts") == ("triage",) and read_as("ordn") == ("ordination",)
    assert read_as("dia") == ("dia",)  # dialys, diabetes or diagnos: left as written


def test_a_theatre_planners_shorthand_is_read_as_its_words():
    """A surgical desk's "Opanm fastnar" stood apart from "Op-anmälan går inte att skicka"."""
    from elsdesk.topics.vectors import analyse

    assert read_as("opanm") == read_as("opanmälan") == ("op", "anmälan")
    assert read_as("dagkir") == ("dagkirurgi",) and read_as("op") == ("op",)
    assert set(analyse("Opanm fastnar")) & set(analyse("Op-anmälan går inte att skicka")) - {"op"}


def test_the_notification_system_is_read_as_the_notification():
    """An infection clinic's week split "Smittskyddsanmälan går inte iväg" from "SmiNet-överföring"."""
    from elsdesk.topics.vectors import analyse

    assert read_as("sminet") == read_as("smittskyddsanmälningar") == ("smittskyddsanmälan",)
    assert set(analyse("SmiNet-överföringen stoppar")) & set(analyse("Smittskyddsanmälan går inte iväg"))


def test_an_english_word_is_read_through_its_swedish_counterpart():
    assert read_as("locum") == ("inhyrd", "läkare")  # the glossary says hyrläkare, which is read in turn
    assert read_as("printer") == ("skrivare",)


def test_other_words_are_themselves():
    assert read_as("armband") == ("armband",)
    assert read_as("") == ("",)


def test_the_file_maps_each_written_form_once_and_never_a_glossary_word():
    text = (resources_dir() / SYNONYMS_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    written = [line.split("\t")[0] for line in lines]
    assert len(written) == len(set(written)) == len(synonyms())
    assert not set(written) & set(glossary()), "an English word belongs in the glossary"
    assert all(word == word.lower() and " " not in word for word in written)


def test_similar_tickets_meet_across_the_words_staff_use():
    index = SimilarityIndex.build([
        (1, "2026-11-02T08:00:00", "Hyrläkare saknar roll", "Vår hyrläkare kan inte öppna journalen, rollen saknas"),
        (2, "2026-11-02T09:00:00", "Armbandsskrivaren strular", "Skriver inte ut armband"),
        (3, "2026-11-02T10:00:00", "Provsvar syns inte", "Inga provsvar i översikten"),
    ])
    first = index.similar("Stafettläkaren saknar roll", "Kan inte öppna journalen", k=1)
    assert [m.ticket_id for m in first] == [1]
    assert [m.ticket_id for m in index.similar("Labbsvaren syns inte", "", k=1)] == [3]


def test_a_slow_login_is_one_complaint_however_it_is_written():
    """A new training lead's week: "trögt att logga in", "seg inloggning kl 7" and "slow login morning" were three
    topics, and the export listed the largest as not back the week after while the others went on."""
    from elsdesk.ml.synonyms import derived_stem, particles_as_nouns
    from elsdesk.topics.finder import TopicFinder, Ticketish
    from elsdesk.topics.vectors import analyse

    assert particles_as_nouns("kan inte logga in, loggade ut igår") == "kan inte inloggning, utloggning igår"
    assert particles_as_nouns("loggboken") == "loggboken"
    assert read_as("trögt") == read_as("segt") == read_as("långsamma") == ("långsam",)
    assert derived_stem("signering") == "signer" and derived_stem("ering") == "ering"
    assert analyse("signering av given dos") == analyse("signera given dos")
    assert set(analyse("Trögt att logga in")) == set(analyse("seg inloggning")) == {
        "langsam", "inloggning", "langsam_inloggning"}
    said = ["trögt att logga in", "Trögt att logga in", "seg inloggning kl 7", "Seg inloggning på morgonen",
            "slow login morning", "trögt att logga in på morgonen"]
    others = ["Remissen går inte att skicka", "Hur signerar jag given dos", "Skrivaren skriver inte ut armband",
              "Provsvar syns inte i journalen", "Kan inte boka tolk", "Sjukintyget går inte till FK"]
    tickets = [Ticketish(str(i), text, "", "inloggning_siths", "fel") for i, text in enumerate(said)]
    tickets += [Ticketish(str(100 + i), text, "", None, None) for i, text in enumerate(others)]
    found = TopicFinder().find(tickets)
    slow = [t for t in found if set(t.members) & set(range(len(said)))]
    assert len(slow) == 1 and set(range(len(said))) <= set(slow[0].members)
