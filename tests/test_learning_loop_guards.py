"""The learning loop as an exploratory tester found it (stop 21):
activation without a comparison, retraining with nothing new, rollback, label ids, content-less
text, classify's output, evaluate's summary, Swedish grammar, the dialogs' Close button, and a
default desk that does not exist."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.cli import main
from elsdesk.domain import BadInputError
from elsdesk.ml.comparison import TOO_FEW, compare
from elsdesk.ml.confidence import ConfidenceRule
from elsdesk.ml.evaluation import plain_summary
from elsdesk.ml.model import NO_KNOWN_WORDS_CONFIDENCE
from elsdesk.ml.store import SHIPPED, DeskModelStore
from elsdesk.services.imports import import_tickets
from elsdesk.services.labels import add_label
from elsdesk.services.learning_curve import comparison_in_words, confirmed_tickets, labels_new_to_active
from elsdesk.storage import open_database
from elsdesk.taxonomy import load_taxonomy

from model_fixtures import _fresh_model_cache, small_model  # noqa: F401 - shared fixtures

# texts about many modules that the shipped model reads with confidence (written for these tests)
TEXTS = [
    ("läk lista uppdateras ej", "ssk på 34 säger att läkemedelslistan inte visar nya ordinationen från jouren, ser gamla dosen"),
    ("hur sätter jag ut ett läkemedel?", "ny ST-läk undrar var man sätter ut ett lm i läkemedelslistan, hittar inte knappen"),
    ("vid behovs ordination", "går ej att ordinera vid behov paracetamol, fältet för maxdos är grått"),
    ("admin av insulin", "ssk kan inte registrera administrering av insulin, dosen syns inte i administreringslistan"),
    ("dosdispens", "pat har apodos, listan visar inte dosdispenserade läkemedel efter inskrivning"),
    ("provsvar syns inte", "labbsvar på CRP från igår kväll har inte kommit in i provsvarsvyn"),
    ("beställa blodprover", "hur beställer man blodstatus + elstatus som akut prov? hittar bara rutin"),
    ("röntgen remiss", "skickade röntgenremiss till rtg men de säger att de inte fått den"),
    ("remiss till annan region", "kan man skicka remiss till Region Skåne via Cosmic eller måste det faxas fortf?"),
    ("inkommande remisser", "var hittar jag inkomna remisser för vår enhet? remissinkorgen tom"),
    ("kan ej signera anteckning", "får felmeddelande 'Signering misslyckades' när jag signerar journalanteckning, har provat 3 ggr"),
    ("mall saknas", "vår mall för inskrivningsanteckning finns inte i listan över mallar, fanns i testmiljön"),
    ("läsa gamla journalen", "hur ser man anteckningar från gamla systemet? pat journal bara tom före go-live"),
    ("vårdplan omvårdnad", "hur lägger jag till en omvårdnadsåtgärd i vårdplanen? ssk elev frågar"),
    ("NEWS räknas fel", "mätvärden puls och andning registrerade men NEWS-poängen blir fel, visar 0"),
    ("vätskelista", "vätskebalans summeras inte på dygnet, in och ut står men totalen saknas"),
    ("tidbok dubbelbokning", "tidboken tillåter dubbelbokning på samma tid för dr Berg, två pat samma kl"),
    ("boka om tid", "hur flyttar jag en bokad tid till annan dag utan att avboka och skicka ny kallelse"),
    ("schema för läk saknas", "läkarnas scheman för v 5 syns inte i resursplaneringen"),
    ("skriva in pat", "hur skriver jag in en pat på avdelningen från akuten? ser inte inskrivningsknappen"),
    ("vårdåtagande", "pat har fel vårdåtagande, står kvar på akuten fast flyttad till avd 7"),
    ("utskrivning", "kan inte skriva ut pat, knappen utskrivning är utgråad"),
    ("läkarintyg FK", "hur skapar man läkarintyg till försäkringskassan? hittar inte blanketten"),
    ("dödsbevis", "blanketten dödsbevis går ej att skicka till skatteverket, felkod"),
    ("meddelande till kollega", "hur skickar man meddelande i Messenger till en annan enhet?"),
    ("samordning kommun", "Cosmic Link: kommunen ser inte vårt inskrivningsmeddelande"),
    ("SITHS kortet funkar inte", "kortet läses inte, datorn säger att certifikatet är ogiltigt. kan inte logga in alls"),
    ("glömt pinkod", "har glömt min pinkod till siths kortet, vad gör jag"),
    ("utloggad hela tiden", "blir utloggad ur cosmic var 5e minut mitt i arbete"),
    ("behörighet saknas", "ny ssk har ingen behörighet till avd 12 i cosmic, ser bara tomt"),
    ("fel roll", "jag har fått rollen undersköterska men är ssk, kan inte ordinationsdela"),
    ("vikarie behöver åtkomst", "sommarvik läk börjar imorgon behöver behörighet till ortopedmott"),
    ("skrivaren skriver inte", "etikettskrivaren för provrör skriver ingenting sedan i morse"),
    ("streckkodsläsare", "handscannern piper men inget händer i cosmic vid armbandsscanning"),
]


def _desk_with(tmp_path, rows) -> str:
    """A desk file holding *rows* (labelled rows arrive as confirmed labels)."""
    path = str(tmp_path / "desk.db")
    with open_database(path) as database:
        if rows:
            import_tickets(database, write_jsonl(tmp_path / "in.jsonl", rows))
    return path


def _poisoned_rows() -> list[dict]:
    """Every text confirmed as Kassa och avgifter, which none of them is about."""
    return [{"id": f"P-{i:03d}", "title": title, "description": description, "module": "kassa_avgifter", "kind": "fel",
             "created_at": f"2026-01-{1 + i % 28:02d}T{8 + i % 9:02d}:00:00"} for i, (title, description) in enumerate(TEXTS)]


# -- a retrain that could not be compared -----------------------------------------
@dataclass
class _Guess:
    module: str
    confidence: float


class _SureModel:
    """An active model that is sure every ticket is about *module*."""

    module_labels = ["kassa_avgifter", "lakemedel", "remiss"]

    def __init__(self, module: str):
        self.module = module

    def predict(self, rows, matrices=None):
        return [_Guess(self.module, 0.97) for _row in rows]


def _rows(module: str, n: int) -> list[dict]:
    return [{"title": f"ärende {i}", "description": f"text nummer {i} om något", "module": module} for i in range(n)]


def test_labels_that_contradict_a_sure_active_model_hold_back_an_uncompared_model():
    comparison = compare(_SureModel("lakemedel"), _SureModel("lakemedel"), _rows("kassa_avgifter", 12), [])
    assert comparison.status == TOO_FEW and comparison.contradicted == 12
    assert comparison.contradicts_active and not comparison.not_worse
    assert comparison.to_json()["contradicts_active"] is True


def test_a_desks_own_new_module_contradicts_nothing_so_a_new_desk_still_learns():
    comparison = compare(_SureModel("lakemedel"), _SureModel("lakemedel"), _rows("vaccination", 12), [])
    assert comparison.status == TOO_FEW and comparison.contradicted == 0 and comparison.not_worse
    agreeing = compare(_SureModel("lakemedel"), _SureModel("lakemedel"), _rows("lakemedel", 12), [])
    assert agreeing.not_worse


def test_train_does_not_activate_a_model_trained_on_labels_that_contradict_the_active_one(tmp_path, capsys):
    path = _desk_with(tmp_path, _poisoned_rows())
    assert main(["--db", path, "train"]) == 0
    out = capsys.readouterr().out
    with open_database(path) as database:
        store = DeskModelStore(database)
        assert store.active_version() == SHIPPED
        version = [v.version for v in store.repo.all_versions()][-1]
    assert "inte aktiverad" in out and f"models --activate {version}" in out and "mistakes" in out


def test_an_uncompared_activation_says_so_and_how_to_go_back(tmp_path, capsys):
    path = _desk_with(tmp_path, [dict(r, id=f"R{i}") for i, r in enumerate(sample_rows(12))])
    assert main(["--db", path, "train"]) == 0
    out = capsys.readouterr().out
    assert "aktiverad utan jämförelse" in out and f"elsdesk --db '{path}' models --rollback" in out
    assert "får den nya versionens förslag nästa gång desken klassar" in out  # not a surprise at the next import


# -- nothing new to learn -----------------------------------------------------------
def test_train_with_no_confirmed_tickets_makes_no_version(tmp_path, capsys):
    path = _desk_with(tmp_path, [])
    assert main(["--db", path, "train"]) == 0
    assert "inget nytt att lära" in capsys.readouterr().out
    with open_database(path) as database:
        assert DeskModelStore(database).repo.all_versions() == []


def test_train_again_with_nothing_new_since_the_active_version_makes_no_version(tmp_path, capsys):
    path = _desk_with(tmp_path, [dict(r, id=f"R{i}") for i, r in enumerate(sample_rows(12))])
    assert main(["--db", path, "train"]) == 0
    with open_database(path) as database:
        assert labels_new_to_active(database) == 0
        count = len(DeskModelStore(database).repo.all_versions())
    capsys.readouterr()
    assert main(["--db", path, "train", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["nothing_new"] is True
    with open_database(path) as database:
        assert len(DeskModelStore(database).repo.all_versions()) == count


def test_a_retrain_that_another_super_user_finished_first_on_the_same_labels_makes_no_twin(tmp_path):
    """Two super-users trained at once on a shared desk and got two identical versions, both told to roll
    back to the version before both; the one that finishes second now makes no version."""
    from elsdesk.services.classification import train_model

    path = _desk_with(tmp_path, [dict(r, id=f"R{i}") for i, r in enumerate(sample_rows(12))])
    with open_database(path) as database:
        before = len(DeskModelStore(database).repo.all_versions())
        other: list = []

        def meanwhile(done, total):  # the other super-user's retrain ends while this one compares
            if done == 3 and not other:
                other.append(train_model(database))

        result = train_model(database, progress=meanwhile)
        assert other[0].activated and not other[0].nothing_new
        assert result.nothing_new and result.previous_version == other[0].card["version"]
        assert len(DeskModelStore(database).repo.all_versions()) == before + 1


# -- rollback steps back ------------------------------------------------------------
def test_rollback_twice_goes_two_versions_back_and_passes_over_a_never_active_one(memory_db, small_model):
    store = DeskModelStore(memory_db)
    first, unused, second = (store.save(small_model, {}, None)["version"] for _ in range(3))
    store.activate(first)
    store.activate(second)  # *unused* was never active (a retrain held it back)
    assert store.rollback() == first
    assert store.rollback() == SHIPPED
    assert store.active_version() == SHIPPED
    assert store.rollback() == SHIPPED  # nothing older than the shipped model


# -- label ids and names ------------------------------------------------------------
def test_an_id_used_by_any_label_is_refused(memory_db):
    with pytest.raises(BadInputError, match="används redan av en typ"):
        add_label(memory_db, "module", "handhavande", "Handhavande x")
    add_label(memory_db, "module", "vaccination", "Vaccination")
    with pytest.raises(BadInputError, match="används redan av en modul"):
        add_label(memory_db, "kind", "vaccination", "Vaccinationsfråga")


def test_a_name_longer_than_60_characters_is_refused(memory_db):
    with pytest.raises(BadInputError, match="högst 60"):
        add_label(memory_db, "kind", "lang_typ", "x" * 300)
    assert add_label(memory_db, "kind", "lagom_typ", "y" * 60).kind_name("lagom_typ") == "y" * 60


# -- content-less text --------------------------------------------------------------
def test_a_text_with_no_known_word_gets_low_confidence_for_module_and_kind(small_model):
    rule = ConfidenceRule(high=65, medium=25)  # the lowest Medel cut-off a rule may have
    for title, description in (("?", "."), ("19121212-1212", ""), ("🙈", "🔥🔥")):
        prediction = small_model.predict_one(title, description)
        assert max(prediction.confidence, prediction.kind_confidence) <= NO_KNOWN_WORDS_CONFIDENCE + 1e-9
        assert rule.band(prediction.confidence) == "lag" and rule.band(prediction.kind_confidence) == "lag"
    sure = small_model.predict_one("Kan inte signera dos", "Pennan är grå när jag ska signera given dos i läkemedelslistan")
    assert sure.module == "lakemedel" and sure.confidence > NO_KNOWN_WORDS_CONFIDENCE


# -- classify's output --------------------------------------------------------------
def _ident_file(tmp_path):
    path = tmp_path / "ident.csv"
    path.write_text("id;Rubrik;Beskrivning\nID-1;Skrivaren;skriver inte ut etiketter\n"
                    "19121212-1212;id är pnr;Någon la personnumret som ärendenummer\n", encoding="utf-8")
    return path


def test_classify_masks_an_identity_number_used_as_id(tmp_path, capsys):
    assert main(["classify", str(_ident_file(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "19121212-1212" not in out and [json.loads(line)["id"] for line in out.splitlines()][0] == "ID-1"


def test_classify_out_csv_writes_semicolon_csv_with_bom(tmp_path, capsys):
    target = tmp_path / "labels.csv"
    assert main(["classify", str(_ident_file(tmp_path)), "--out", str(target)]) == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"19121212-1212" not in data
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0]["id"] == "ID-1" and rows[0]["module"] == "utskrift_hardvara" and "," in rows[0]["confidence"]
    # a new user's finding: without ids the rows could not be told apart (the line is the sheet's row, as messages
    # name it), and how sure was a decimal only
    assert rows[0]["line"] == "2" and rows[0]["title"] and "19121212" not in rows[0]["title"]
    assert rows[0]["certainty"] in ("Hög", "Medel", "Låg") and rows[0]["kind_certainty"] in ("Hög", "Medel", "Låg")


def test_classify_out_refuses_other_endings(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:  # an --out whose name promises another format: usage, exit 2 (elsdesk.cli_errors)
        main(["classify", str(_ident_file(tmp_path)), "--out", str(tmp_path / "x.txt")])
    assert exit_info.value.code == 2
    assert ".jsonl" in capsys.readouterr().err and not (tmp_path / "x.txt").exists()


# -- evaluate names a desk's own label ----------------------------------------------
def test_evaluate_names_a_desks_own_label_and_explains_kind(tmp_path, capsys):
    path = _desk_with(tmp_path, [])
    with open_database(path) as database:
        add_label(database, "module", "vaccination", "Vaccination")
    rows = [{"id": f"V{i}", "title": "vaccination registrering", "description": f"influensavaccin dos {i} går inte att registrera",
             "module": "vaccination", "kind": "fel"} for i in range(4)]
    assert main(["--db", path, "evaluate", str(write_jsonl(tmp_path / "v.jsonl", rows))]) == 0
    out = capsys.readouterr().out
    assert "Vanligaste förväxlingen: Vaccination som" in out and "Typen (t.ex. fel eller handhavande) var rätt på" in out


def test_kind_macro_f1_well_below_the_share_right_is_explained():
    report = {"n": 10, "accuracy": 0.9, "top_confusions": [], "kind_n": 10, "kind_accuracy": 0.7, "kind_macro_f1": 0.275}
    assert "väger varje typ lika" in plain_summary(report, load_taxonomy())


# -- Swedish singular -----------------------------------------------------------------
def test_singular_forms():
    assert confirmed_tickets(1) == "1 bekräftat ärende" and confirmed_tickets(70) == "70 bekräftade ärenden"
    one_module = comparison_in_words({"status": "too_few", "reason": "few_modules", "n": 30, "modules": 1})
    assert "från bara 1 modul (" in one_module
    one_ticket = comparison_in_words({"status": "too_few", "reason": "few_tickets", "n": 1, "modules": 1})
    assert "1 nytt bekräftat ärende som" in one_ticket


# -- the default desk must exist -------------------------------------------------------
@pytest.mark.parametrize("command", [["models"], ["train"], ["mistakes"], ["labels"]])
def test_commands_refuse_a_default_desk_that_does_not_exist(user_home, capsys, command):
    from elsdesk.paths import default_db_path

    assert main(command) == 4  # the desk is not there: exit 4
    assert "det finns ingen desk" in capsys.readouterr().err
    assert not default_db_path().exists()
