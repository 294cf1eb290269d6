"""A learning loop super-users can trust (issue 11): where every label came from, the queue,
training weights, honest evaluation, the confidence rule, labels a region adds, likely mistakes."""

from __future__ import annotations

import numpy as np
import pytest

from elsdesk.corpus import load_kind_corpus
from elsdesk.domain import HUMAN, INTAKE, MODEL, BadInputError, Ticket
from elsdesk.ml.comparison import MIN_TICKETS, TOO_FEW, compare
from elsdesk.ml.confidence import ConfidenceRule, fit_rule, percent, rule_from_card
from elsdesk.ml.label_issues import label_issues
from elsdesk.ml.model import Prediction
from elsdesk.services import classification, review
from elsdesk.services.classification import forget_loaded_models, suggest
from elsdesk.services.labels import add_label, desk_taxonomy
from elsdesk.services.tickets import log_ticket, save_ticket
from elsdesk.services.training_data import WEIGHTS, labelled_rows, split_for_training
from elsdesk.storage import TicketRepository


@pytest.fixture(autouse=True)
def _fresh_model_cache():
    forget_loaded_models()
    yield
    forget_loaded_models()


def insert(database, title, *, module=None, kind=None, source=None, confidence=None, created="2025-04-28T09:00:00"):
    repo = TicketRepository(database)
    with database.write():
        stored = repo.insert(Ticket(title=title, description=f"{title} beskrivning", created_at=created, module=module,
                                    kind=kind, label_source=source, module_confidence=confidence,
                                    model_version="v1" if source == MODEL else None))
        repo.record_label_diff(None, stored, "test", source or "model")
    return stored


# -- where every label came from ----------------------------------------------------------
def test_a_label_accepted_in_the_form_is_intake_not_a_confirmation(memory_db):
    """Ctrl+1 in the form keeps the suggestion's confidence and model version: the person took it."""
    taken, _ = log_ticket(memory_db, Ticket(title="Kan inte signera dos", created_at="2025-04-28T10:00:00",
                                            module="lakemedel", module_confidence=0.93, model_version="v7"), actor="Anna")
    chosen, _ = log_ticket(memory_db, Ticket(title="Saknar enhet", created_at="2025-04-28T10:05:00",
                                             module="behorighet_roller"), actor="Anna")
    assert taken.label_source == INTAKE and chosen.label_source == INTAKE
    assert not taken.labels_confirmed
    history = TicketRepository(memory_db).label_history(taken.id)
    assert [(h.field, h.new, h.actor, h.source, h.suggested_by) for h in history] == [
        ("module", "lakemedel", "Anna", INTAKE, "v7")]
    assert TicketRepository(memory_db).label_history(chosen.id)[0].suggested_by is None


def test_a_queue_confirmation_is_human_and_written_as_a_decision(memory_db):
    ticket, _ = log_ticket(memory_db, Ticket(title="Kan inte signera dos", created_at="2025-04-28T10:00:00",
                                             module="lakemedel"), actor="Anna")
    review.confirm_labels(memory_db, ticket.id, "lakemedel", "handhavande", "Sven")
    repo = TicketRepository(memory_db)
    assert repo.get(ticket.id).label_source == HUMAN
    last = repo.label_history(ticket.id)[-1]
    assert last.source == HUMAN and last.actor == "Sven" and last.decision_id is not None


def test_editing_labels_in_the_form_makes_them_the_editors_and_drops_the_old_confidence(memory_db):
    ticket = insert(memory_db, "Hittar inte listan", module="navigering_installningar", source=MODEL, confidence=0.4)
    stored, _ = save_ticket(memory_db, ticket.with_changes(module="lakemedel"), actor="Anna")
    assert stored.label_source == INTAKE and stored.module_confidence is None
    assert TicketRepository(memory_db).label_history(ticket.id)[-1].suggested_by is None


def test_the_model_never_overwrites_an_intake_label(memory_db):
    ticket, _ = log_ticket(memory_db, Ticket(title="Skrivaren skriver inte ut", created_at="2025-04-28T10:00:00",
                                             module="lakemedel"), actor="Anna")
    model, card = classification.active_model()
    classification.apply_predictions(memory_db, model, card)
    assert TicketRepository(memory_db).get(ticket.id).module == "lakemedel"


def test_intake_tickets_reach_the_queue_after_the_model_only_ones(memory_db):
    sure_model = insert(memory_db, "Skrivaren", module="utskrift_hardvara", source=MODEL, confidence=0.95)
    intake, _ = log_ticket(memory_db, Ticket(title="Kan inte signera", created_at="2025-04-28T10:00:00",
                                             module="lakemedel"), actor="Anna")
    unsure_model = insert(memory_db, "Listan", module="navigering_installningar", source=MODEL, confidence=0.3)
    confirmed = insert(memory_db, "SITHS", module="inloggning_siths", source=HUMAN)
    queue = review.review_queue(memory_db)
    assert queue == [unsure_model.id, sure_model.id, intake.id] and confirmed.id not in queue
    review.set_intake_placement(memory_db, review.INTAKE_MIXED)
    assert review.review_queue(memory_db)[0] == intake.id  # no confidence sorts first among the uncertain
    with pytest.raises(BadInputError):
        review.set_intake_placement(memory_db, "never")


def test_training_weighs_labels_by_source_and_never_uses_the_models_guess(memory_db):
    insert(memory_db, "Bekräftad", module="lakemedel", source=HUMAN)
    log_ticket(memory_db, Ticket(title="Vid registreringen", created_at="2025-04-28T10:00:00", module="remiss"), actor="Anna")
    insert(memory_db, "Modellens gissning", module="kassa_avgifter", source=MODEL, confidence=0.99)
    rows = {r["title"]: r for r in labelled_rows(memory_db)}
    assert set(rows) == {"Bekräftad", "Vid registreringen"}
    assert rows["Bekräftad"]["weight"] == WEIGHTS[HUMAN] > rows["Vid registreringen"]["weight"] == WEIGHTS[INTAKE] == 1.0


def test_train_passes_the_source_weights_to_the_model(memory_db, monkeypatch):
    seen = {}

    class Recorder(FakeModel):
        def fit_with_features(self, rows, sample_weight=None, meanwhile=None, kind_rows=()):
            seen.update({r["title"]: w for r, w in zip(rows, sample_weight) if r["title"].startswith("Desk")})
            seen["kind-only tickets"] = len(kind_rows)

    monkeypatch.setattr(classification, "TicketModel", Recorder)
    monkeypatch.setattr(classification, "load_seed_corpus", lambda: [{"title": "seed", "description": "", "module": "remiss", "kind": "fel"}])
    insert(memory_db, "Desk bekräftad", module="lakemedel", source=HUMAN)
    log_ticket(memory_db, Ticket(title="Desk intake", created_at="2025-04-28T10:00:00", module="remiss"), actor="Anna")
    insert(memory_db, "Desk modell", module="remiss", source=MODEL, confidence=0.9)
    monkeypatch.setattr(classification.DeskModelStore, "save", lambda self, model, card, created_by=None: dict(card, version="x"))
    monkeypatch.setattr(classification.DeskModelStore, "activate", lambda self, version: None)
    classification.train_model(memory_db)
    assert seen == {"Desk bekräftad": WEIGHTS[HUMAN], "Desk intake": WEIGHTS[INTAKE],
                    "kind-only tickets": len(load_kind_corpus())}
    assert len(load_kind_corpus()) > 0, "a retrain's kind learns from the kind-only tickets too"


# -- honest evaluation ---------------------------------------------------------------------
class FakeModel:
    """Predicts from a lookup by title; anything unknown is 'remiss' at 40%."""

    def __init__(self, answers=None):
        self.answers = answers or {}

    def predict(self, rows):
        out = []
        for r in rows:
            module = self.answers.get(r["title"], "remiss")
            out.append(Prediction(module, 0.9 if module != "remiss" else 0.4, "fel", 0.8, [(module, 0.9)]))
        return out


def varied_rows(n, modules=("lakemedel", "remiss", "kassa_avgifter", "behorighet_roller")):
    words = ["zebra", "kvark", "lingon", "oktav", "fjord", "tulpan", "kompass", "vulkan", "safir", "ekorre", "bastu",
             "citron", "glaciär", "harpa", "iris", "jaguar", "kanot", "labyrint", "mango", "nebulosa"]
    rows = []
    for i in range(n):
        picked = [words[(i * k + k) % len(words)] for k in (1, 3, 7)]
        rows.append({"title": f"Ärende {i} {' '.join(picked)}", "description": f"{i * 7919} {picked[0]} {i}",
                     "module": modules[i % len(modules)], "kind": "fel"})
    return rows


def test_comparison_gives_n_and_an_uncertainty_range():
    rows = varied_rows(80)
    good = FakeModel({r["title"]: r["module"] for r in rows})
    half = FakeModel({r["title"]: r["module"] for r in rows[::2]})
    result = compare(good, half, rows, training=[{"title": "något helt annat", "description": "", "module": "remiss"}])
    assert result.status == "measured" and result.n == 80 and result.modules == 4
    assert result.new.correct == 80 and result.active.correct < 80
    assert result.difference_low <= result.difference <= result.difference_high
    assert result.difference_low > 0 and result.verdict == "better" and result.not_worse


def test_comparison_refuses_a_number_on_too_few_tickets_or_modules():
    few = compare(FakeModel(), FakeModel(), varied_rows(MIN_TICKETS - 1), training=[])
    assert few.status == TOO_FEW and few.reason == "few_tickets" and few.new is None and few.difference is None
    narrow = compare(FakeModel(), FakeModel(), varied_rows(60, modules=("lakemedel", "remiss")), training=[])
    assert narrow.status == TOO_FEW and narrow.reason == "few_modules" and narrow.verdict is None
    assert "accuracy" not in str(few.to_json()) and few.not_worse


def test_near_duplicates_of_training_tickets_do_not_count():
    rows = varied_rows(40)
    result = compare(FakeModel(), FakeModel(), rows, training=rows[:15])
    assert result.near_duplicates == 15 and result.n == 25 and result.status == TOO_FEW


def test_retraining_on_tickets_it_already_knows_says_so_in_words(memory_db, tmp_path):
    """The issue's 'macro-F1 1.000 → 1.000 på 173': confirmed copies of training tickets are no evidence."""
    from conftest import sample_rows, write_jsonl
    from elsdesk.services.imports import import_tickets
    from elsdesk.services.learning_curve import comparison_in_words

    import_tickets(memory_db, write_jsonl(tmp_path / "t.jsonl", [dict(r, id=f"R{i}") for i, r in enumerate(sample_rows(60))]))
    result = classification.train_model(memory_db)
    evaluation = result.card["evaluation"]
    assert evaluation["status"] == TOO_FEW and evaluation["near_duplicates"] > 0
    assert result.new_quality is None and "macro_f1" not in result.card["quality"]
    assert "Ingen siffra" in comparison_in_words(evaluation)


def test_evaluation_holds_out_only_confirmed_tickets_the_active_model_never_saw():
    rows = [{"id": i, "external_id": f"E{i}", "source": HUMAN if i % 4 else INTAKE, "created_at": f"2025-05-{1 + i % 28:02d}",
             "labelled_at": f"2025-06-{1 + i % 28:02d}T10:00:00", "module": "remiss", "title": str(i), "description": ""}
            for i in range(200)]
    data = split_for_training(rows, active_trained_until="2025-06-15T00:00:00")
    assert data.evaluation and all(r["source"] == HUMAN and r["labelled_at"] > "2025-06-15" for r in data.evaluation)
    assert not {r["id"] for r in data.evaluation} & {r["id"] for r in data.train}
    newest = max(r["created_at"] for r in data.evaluation)
    assert newest == max(r["created_at"] for r in rows if r["source"] == HUMAN and r["labelled_at"] > "2025-06-15")


# -- one confidence rule -------------------------------------------------------------------
def test_the_band_never_contradicts_the_percentage_beside_it():
    rng = np.random.default_rng(1)
    confidence = rng.uniform(0.05, 1.0, 2000)
    correct = rng.uniform(size=2000) < confidence  # calibrated
    rule = fit_rule(correct, confidence, "test")
    order = {"lag": 0, "medel": 1, "hog": 2}
    shown = sorted(set(percent(c) for c in confidence))
    bands = [order[rule.band(p / 100)] for p in shown]
    assert bands == sorted(bands)  # a higher percentage is never a lower band
    assert rule.band(rule.high / 100) == "hog" and rule.band((rule.high - 1) / 100) != "hog"
    assert rule.right_per_100("hog") >= 95 and 50 <= rule.high <= 99 and rule.medium <= rule.high


def test_the_same_cut_offs_hold_for_every_module_even_on_old_cards():
    card = {"thresholds": {"*": {"high": 0.8, "medium": 0.17}, "lakemedel": {"high": 0.3}, "remiss": {"high": 0.95}}}
    rule = rule_from_card(card)
    assert rule.band(0.39) == "lag" and rule.band(0.85) == "hog" and not rule.measured
    assert rule_from_card({}) == ConfidenceRule()


def test_suggestions_use_one_rule_for_module_and_kind():
    model, card = classification.active_model()
    card = dict(card, confidence_rule={"module": {"high": 90, "medium": 40}, "kind": {"high": 60, "medium": 30}})
    found = suggest(model, card, "Skrivaren skriver inte ut", "Etikettskrivaren på avdelningen skriver inte ut armband")
    assert found.kind is not None and found.kind.label in desk_taxonomy_ids("kind")
    for s in found.modules:
        assert s.band == ("hog" if s.percent >= 90 else "medel" if s.percent >= 40 else "lag")
    assert found.kind.band == ("hog" if found.kind.percent >= 60 else "medel" if found.kind.percent >= 30 else "lag")


def desk_taxonomy_ids(group):
    from elsdesk.taxonomy import load_taxonomy

    return load_taxonomy().kind_ids if group == "kind" else load_taxonomy().module_ids


# -- likely mistakes ---------------------------------------------------------------------
def test_likely_mistakes_are_strong_disagreements_worst_first():
    classes = ["a", "b", "c"]
    given = ["a"] * 6 + ["b"] * 6 + ["a", "b"]
    probabilities = [[0.9, 0.05, 0.05]] * 6 + [[0.05, 0.9, 0.05]] * 6 + [[0.02, 0.95, 0.03], [0.3, 0.55, 0.15]]
    issues = label_issues(given, np.array(probabilities), classes)
    assert [(i.index, i.given, i.suggested) for i in issues] == [(12, "a", "b")]
    assert label_issues(["a", "b"], np.array([[0.9, 0.1, 0], [0.2, 0.8, 0]]), classes) == []


@pytest.mark.sqlite_only
def test_likely_mistake_list_finds_a_slip_of_the_key(memory_db, monkeypatch):
    from elsdesk.services.label_check import likely_mistakes

    rows = varied_rows(40)
    slip = rows[5]
    for i, row in enumerate(rows):
        ticket = insert(memory_db, row["title"], module=row["module"], kind="fel", source=HUMAN, created=f"2025-04-28T{8 + i % 9:02d}:00:00")
        if row is slip:
            slip_id = ticket.id
    with memory_db.write():  # the slip: a person pressed the wrong key
        memory_db.conn.execute("UPDATE tickets SET module = 'kassa_avgifter' WHERE id = ?", (slip_id,))

    class Oracle:
        """Knows each title's true module, as a good cross-validated model would."""

        module_labels = ["behorighet_roller", "kassa_avgifter", "lakemedel", "remiss"]
        kind_labels = ["fel", "handhavande"]

        def probabilities(self, test):
            truth = {r["title"]: r["module"] for r in rows}
            modules = np.array([[0.91 if m == truth[r["title"]] else 0.03 for m in self.module_labels] for r in test])
            return modules, np.array([[0.9, 0.1] for _ in test])

    monkeypatch.setattr(classification, "fit_model", lambda seed, train: Oracle())
    found = likely_mistakes(memory_db, folds=4)
    assert [(m.ticket_id, m.field, m.given, m.suggested) for m in found] == [(slip_id, "module", "kassa_avgifter", slip["module"])]
    assert found[0].suggested_probability > 0.9 > found[0].given_probability


# -- labels the region adds ----------------------------------------------------------------
def test_a_desk_adds_a_label_and_only_valid_ids(memory_db):
    taxonomy = add_label(memory_db, "module", "vaccination", "Vaccination", "Vaccination")
    assert "vaccination" in taxonomy.module_ids and taxonomy.module_name("vaccination") == "Vaccination"
    assert "vaccination" in desk_taxonomy(memory_db).module_ids and "lakemedel" in desk_taxonomy(memory_db).module_ids
    for bad in ("Vaccin ation", "lakemedel", "x"):
        with pytest.raises(BadInputError):
            add_label(memory_db, "module", bad, "Namn")


def test_a_desks_own_label_named_like_a_shipped_synonym_is_its_own_label(memory_db):
    """A tester's own kind "Utbildningsbehov" was stored as handhavande, which lists the word among its synonyms."""
    assert desk_taxonomy(memory_db).normalise("kinds", "Utbildningsbehov") == "handhavande"
    taxonomy = add_label(memory_db, "kind", "utbildningsbehov", "Utbildningsbehov", "Training need")
    for written in ("Utbildningsbehov", "utbildningsbehov", "Training need"):
        assert taxonomy.normalise("kinds", written) == "utbildningsbehov"
    assert taxonomy.normalise("kinds", "Handhavandefråga") == "handhavande"  # its other synonyms stay


def test_a_desk_label_needs_a_name_of_its_own_and_holds_no_identifier(memory_db):
    for name in ("Läkemedel", "lakemedel", "LÄKEMEDEL"):  # a second "Läkemedel" could not be told apart
        with pytest.raises(BadInputError, match="har redan etiketten 'lakemedel'"):
            add_label(memory_db, "module", "lm2", name)
    taxonomy = add_label(memory_db, "module", "pat_lista", "Pat 19121212-1212 lista", covers="ring 070-123 45 67")
    assert taxonomy.module_name("pat_lista") == "Pat [personnummer] lista"
    assert "19121212" not in str(desk_taxonomy(memory_db).modules) and "45 67" not in memory_db.query(
        "SELECT value FROM settings WHERE key = 'taxonomy.additions'")[0][0]


VACCINATION = [
    ("Vaccinationsmodulen visar inte dos två", "Ska registrera andra dosen covidvaccin men vaccinationsmodulen visar bara dos ett."),
    ("Var registrerar jag influensavaccin?", "Vi ger influensavaccin på mottagningen, hittar inte vaccinationsregistreringen."),
    ("Vaccinationskortet är tomt", "Patientens vaccinationskort visar inga vacciner trots att hen fått tre doser."),
    ("Kan inte välja vaccin", "Listan med vacciner i vaccinationsmodulen är tom när jag ska vaccinera."),
    ("Batchnummer för vaccin", "Var anger man batchnummer och injektionsställe för vaccinet?"),
    ("Pneumokockvaccin saknas", "Pneumokockvaccinet finns inte att välja i vaccinationsvyn."),
    ("Vaccinationen hamnar fel", "Registrerad vaccination syns på fel datum i vaccinationshistoriken."),
    ("Vaccinationsregistret synkar inte", "Givna vaccinationer kommer inte över till det nationella vaccinationsregistret."),
    ("Hur makulerar jag en vaccination?", "Råkade registrera vaccination på fel patient, hur tar jag bort den?"),
    ("Vaccinationsplan för barn", "Var ser jag barnets vaccinationsplan och nästa vaccin?"),
    ("Resevaccin kan inte registreras", "Hepatitvaccin inför resa går inte att registrera i vaccinationsmodulen."),
    ("TBE-vaccin dos tre", "Vaccinationsmodulen föreslår fel intervall till tredje dosen TBE-vaccin."),
    ("Vaccinationsintyg", "Patienten vill ha vaccinationsintyg, var skriver jag ut vaccinationerna?"),
    ("Covidvaccin på äldreboende", "Vi vaccinerar på boendet, hur registrerar vi vaccinationerna i efterhand?"),
    ("Vaccinationsvyn laddar inte", "Vaccinationsvyn är tom för alla patienter i dag."),
    ("Samtycke till vaccination", "Var dokumenterar jag samtycke innan vaccinationen?"),
    ("Fel vaccin valt", "Valde fel vaccin i vaccinationsregistreringen, kan jag ändra vaccinet?"),
    ("Vaccinationsstatistik", "Hur tar vi fram antal givna vaccinationer per vecka?"),
    ("Kikhostevaccin gravid", "Registrera kikhostevaccin till gravid, vaccinet finns inte i listan."),
    ("Vaccinationsmodulen hittar inte patienten", "Söker patient för vaccination men vaccinationsmodulen hittar inte personnumret."),
    ("Mässlingsvaccin dos två", "Andra dosen mässlingsvaccin går inte att registrera som vaccination."),
    ("Vaccinationstillfälle saknas", "Kan inte skapa nytt vaccinationstillfälle för influensavaccination."),
]


@pytest.mark.sqlite_only
def test_a_label_the_region_adds_is_predicted_after_the_next_retrain(memory_db):
    add_label(memory_db, "module", "vaccination", "Vaccination", "Vaccination")
    for i, (title, description) in enumerate(VACCINATION):
        ticket, _ = log_ticket(memory_db, Ticket(title=title, description=description, created_at=f"2025-05-{1 + i:02d}T09:00:00"),
                               actor="Anna")
        review.confirm_labels(memory_db, ticket.id, "vaccination", "handhavande", "Sven")
    result = classification.train_model(memory_db)
    assert result.activated and "vaccination" in result.card["labels"]["module"]
    model, card = classification.active_model(memory_db)
    assert card["version"] == result.card["version"]
    found = suggest(model, card, "Vaccinationen syns inte", "Gav influensavaccin i går men vaccinationen syns inte i vaccinationsmodulen")
    assert found.modules[0].label == "vaccination"


# -- the command line ----------------------------------------------------------------------
def test_cli_adds_a_desk_label_that_import_then_accepts(db_path, tmp_path, capsys):
    import json

    from conftest import write_jsonl
    from elsdesk.cli import main

    assert main(["--db", str(db_path), "labels", "--add", "module", "--id", "vaccination", "--sv", "Vaccination"]) == 0
    with pytest.raises(SystemExit) as refused:  # a label id typed wrong is a usage error (README: exit codes)
        main(["--db", str(db_path), "labels", "--add", "module", "--id", "Bad id", "--sv", "x"])
    assert refused.value.code == 2
    capsys.readouterr()
    assert main(["--db", str(db_path), "labels", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"id": "vaccination", "sv": "Vaccination", "en": "Vaccination", "desk": True} in listed["module"]
    path = write_jsonl(tmp_path / "v.jsonl", [{"id": "V1", "created_at": "2025-05-02T10:00:00", "title": "Dos två",
                                               "description": "vaccinationsmodulen", "module": "vaccination", "kind": "fel"}])
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    from elsdesk.storage import open_database

    with open_database(db_path) as database:
        ticket = TicketRepository(database).get_by_external_id("V1")
        assert (ticket.module, ticket.label_source) == ("vaccination", HUMAN)
    capsys.readouterr()
    assert main(["--db", str(db_path), "list"]) == 0  # what a person reads shows the desk's own label by its name
    assert capsys.readouterr().out.split("\t")[3] == "Vaccination"
    assert main(["--db", str(db_path), "topics", "--week", "2025-W18"]) == 0
    assert "vaccination" not in capsys.readouterr().out


def test_cli_sets_where_intake_tickets_stand_and_lists_likely_mistakes(db_path, capsys):
    from elsdesk.cli import main

    assert main(["--db", str(db_path), "config", "--intake-in-queue", "mixed"]) == 0
    assert "blandat med ärendena som bara modellen har märkt" in capsys.readouterr().out
    assert main(["--db", str(db_path), "mistakes"]) == 0
    assert "minst 20" in capsys.readouterr().err  # the note that nothing is listed goes to stderr


def test_measured_bands_follow_the_same_rule_as_the_suggestions():
    rows = varied_rows(40)
    model = FakeModel({r["title"]: r["module"] for r in rows[:20]})  # the rest: 'remiss' at 40%
    report = classification.measure(model, rows, card={"confidence_rule": {"module": {"high": 85, "medium": 30}}})
    # the fake model gives 90% to the 15 it knows that are not 'remiss', and 40% to 'remiss' (right 10 times)
    assert report["bands"]["hog"] == {"count": 15, "correct": 15, "precision": 1.0}
    assert report["bands"]["medel"]["count"] == 25 and report["bands"]["medel"]["correct"] == 10
    assert report["confidence_rule"] == {"high": 85, "medium": 30}
    assert "Remisser och vårdbegäran" in report["summary"] or "förväxlingen" not in report["summary"]


def test_a_new_model_is_kept_out_only_when_clearly_worse():
    rows = varied_rows(100)
    truth = {r["title"]: r["module"] for r in rows}
    one_less = FakeModel({t: m for i, (t, m) in enumerate(truth.items()) if i != 0})
    assert compare(one_less, FakeModel(truth), rows, training=[]).not_worse  # one ticket in a hundred is noise
    much_less = FakeModel({t: m for i, (t, m) in enumerate(truth.items()) if i % 10})
    worse = compare(much_less, FakeModel(truth), rows, training=[])
    assert worse.verdict == "worse" and not worse.not_worse


def test_one_ticket_behind_on_thirty_is_noise_and_two_are_not():
    """A tester's 30 held-out tickets: the new model one behind (3.3 points, "same" by the range) was kept out
    as worse, and the command line said "sämre" beside the verdict "same"."""
    rows = varied_rows(30)
    truth = {r["title"]: r["module"] for r in rows}
    missed = [t for t, m in truth.items() if m != "remiss"]  # the fake model says "remiss" for a title it does not know

    def without(count):
        return compare(FakeModel({t: m for t, m in truth.items() if t not in missed[:count]}), FakeModel(truth), rows,
                       training=[])

    one_less = without(1)
    assert one_less.n == 30 and one_less.verdict == "same" and one_less.not_worse
    assert not without(2).not_worse


def test_the_range_stays_honest_when_both_models_err_on_the_same_tickets():
    from elsdesk.ml.comparison import paired_interval

    same = np.array([True] * 32 + [False] * 3)
    low, high = paired_interval(same, same)
    assert low < -0.05 and high > 0.05  # 35 tickets cannot prove two models equal


def test_a_desk_label_is_read_by_its_name_in_the_week_export(db_path, tmp_path):
    from conftest import write_jsonl
    from elsdesk.cli import main
    from elsdesk.storage import open_database
    from elsdesk.services.export import build_export

    assert main(["--db", str(db_path), "labels", "--add", "module", "--id", "vaccination", "--sv", "Vaccinationer",
                 "--en", "Vaccinations"]) == 0
    rows = [{"id": f"V{i}", "created_at": f"2025-05-0{i + 1}T10:00:00", "title": "Vaccinet syns inte",
             "description": "Given vaccination syns inte i vaccinationsmodulen", "module": "vaccination", "kind": "fel"}
            for i in range(3)]
    assert main(["--db", str(db_path), "import", str(write_jsonl(tmp_path / "v.jsonl", rows)), "--no-classify"]) == 0
    with open_database(db_path) as database:
        assert build_export(database, "2025-W18").module_names["vaccination"] == "Vaccinationer"
        assert build_export(database, "2025-W18", "en").module_names["vaccination"] == "Vaccinations"


def test_the_command_line_says_how_many_fewer_the_held_back_model_got_right_and_how_to_activate_it():
    from types import SimpleNamespace

    from elsdesk.cli_ml import _activation_in_words

    result = SimpleNamespace(activated=False, card={"version": "20261207-104540"}, previous_version="shipped")
    evaluation = {"status": "measured", "n": 60, "new": {"correct": 55}, "active": {"correct": 58}}
    said = _activation_in_words(SimpleNamespace(db="desk.db"), result, evaluation)
    assert "färre rätt" in said and "(55 mot 58 av 60 rätt)" in said and "sämre" not in said
    assert "elsdesk --db 'desk.db' models --activate 20261207-104540" in said
