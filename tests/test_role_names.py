"""Reporter roles are read by their names: the exports' and the Utbildning tab's "Anmäls av:" showed
the stored ids ("lakare (2)", "usk", English "barnmorska (1)"), and a ticket imported with the role
"Sjuksköterska" was not recognised as `ssk`, so nurses were counted twice. Ids stay ids in the
database and in JSON; the taxonomy's synonyms recognise the common ways of writing each role."""

from __future__ import annotations

import html
import json
import re

import pytest

from conftest import write_jsonl
from elsdesk.cli import main
from elsdesk.export.tables import audience_text
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository, open_database
from elsdesk.taxonomy import load_taxonomy

DOSE = "Signera given dos i utdelningsvyn"
REPORTS = [  # (reporter_role as a desk writes it, title, description): one known problem, fake text
    ("Sjuksköterska", "Kan inte signera dos", "Utdelningsvyn låter mig inte signera given dos, pennan är grå."),
    ("ssk", "Signering av given dos", "Hittar inte var man signerar att dosen är given i utdelningsvyn."),
    ("Nurse", "Cannot sign given dose", "The administration view will not let me sign the dose."),
    ("lakare", "Given dos går ej att signera",
     "Vi har gett morgonmedicinen men utdelningsvyn vill inte ta signeringen."),
    ("AT-läkare", "utdelningsvyn signera??", "signera given dos utdelningsvyn hur"),
    ("usk", "Signera dos i utdelningsvy", "Hur signerar jag given dos i utdelningsvyn på eftermiddagen?"),
    ("Kurator", "Dos ej signerad", "Utdelningsvyn: kan inte signera att dosen är given, knappen saknas."),
]
ROLE_IDS = ("ssk", "usk", "lakare", "sekreterare", "barnmorska", "farmaceut", "rehab", "chef", "annan")


def _rows() -> list[dict]:
    return [{"id": f"ROLE-{number:03d}", "created_at": f"2025-05-0{6 + number % 3}T09:{number:02d}:00", "title": title,
             "description": description, "module": "lakemedel", "kind": "handhavande", "problem": DOSE,
             "reporter_role": role, "unit": "Avd 7"}
            for number, (role, title, description) in enumerate(REPORTS, start=1)]


@pytest.fixture
def desk(db_path, tmp_path):
    with open_database(db_path) as database:
        report = import_tickets(database, write_jsonl(tmp_path / "roles.jsonl", _rows()))
        assert not report.rejected
    return db_path


def _reported_by(text: str, heading: str) -> str:
    """The first "Anmäls av:"/"Reported by:" line of an export's text, tags and markup removed."""
    plain = re.sub(r"</p>|<br>", "\n", text)
    plain = re.sub(r"<[^>]+>|\*\*", "", plain)
    (line,) = [line for line in plain.splitlines() if heading in line][:1]
    return line


# -- the taxonomy recognises the ways people write a role -------------------------------------------
@pytest.mark.parametrize("written, role", [
    ("Sjuksköterska", "ssk"), ("sjukskoterska", "ssk"), ("  SSK ", "ssk"), ("nurse", "ssk"), ("RN", "ssk"),
    ("Sjuksköterska (ssk)", "ssk"), ("Undersköterska", "usk"), ("usk", "usk"), ("Assistant nurse", "usk"),
    ("Läkare", "lakare"), ("lakare", "lakare"), ("doktor", "lakare"), ("Physician", "lakare"), ("doctor", "lakare"),
    ("MD", "lakare"), ("AT-läkare", "lakare"), ("AT läkare", "lakare"), ("st-lakare", "lakare"),
    ("Hyrläkare", "lakare"),
    ("sekreterare", "sekreterare"), ("Medicinsk sekreterare", "sekreterare"), ("Vårdadministratör", "sekreterare"),
    ("Barnmorska", "barnmorska"), ("midwife", "barnmorska"), ("fysioterapeut", "rehab"), ("Sjukgymnast", "rehab"),
    ("physio", "rehab"), ("Arbetsterapeut", "rehab"), ("OT", "rehab"), ("chef", "chef"), ("Enhetschef", "chef"),
    ("vårdenhetschef", "chef"), ("Apotekare", "farmaceut"), ("annan", "annan"), ("Other", "annan"),
])
def test_common_ways_of_writing_a_role_are_recognised(written, role):
    assert load_taxonomy().normalise("reporter_roles", written) == role


@pytest.mark.parametrize("written", ["Kurator", "Psykolog", "ELS-stöd", "ssk avd 4", "Läkemedel", "", "  ", "-"])
def test_other_text_is_no_role(written):
    assert load_taxonomy().normalise("reporter_roles", written) is None


def test_the_roles_are_the_taxonomys_own_and_no_spelling_names_two_labels():
    from elsdesk.taxonomy import fold

    taxonomy = load_taxonomy()
    assert tuple(role.id for role in taxonomy.reporter_roles) == ROLE_IDS
    for group in ("modules", "kinds", "statuses", "priorities", "channels", "reporter_roles", "escalations"):
        owner: dict[str, str] = {}
        for label in getattr(taxonomy, group):
            for spelling in label.spellings():
                assert owner.setdefault(fold(spelling), label.id) == label.id, (group, spelling)


def test_names_still_normalise_as_before():
    taxonomy = load_taxonomy()
    assert taxonomy.normalise("modules", "Läkemedel") == "lakemedel"
    assert taxonomy.normalise("modules", "orders and results") == "bestallning_svar"
    assert taxonomy.normalise("kinds", "How-to") == "handhavande"
    assert taxonomy.normalise("statuses", "Löst") == "lost"
    assert taxonomy.normalise("modules", "nurse") is None


def test_a_role_is_shown_by_its_name_and_free_text_as_written():
    taxonomy = load_taxonomy()
    assert taxonomy.display_name("reporter_roles", "lakare") == "Läkare"
    assert taxonomy.display_name("reporter_roles", "lakare", "en") == "Physician"
    assert taxonomy.display_name("reporter_roles", "Sjuksköterska", "en") == "Nurse"   # stored before it was known
    assert taxonomy.display_name("reporter_roles", "Kurator", "en") == "Kurator"
    assert taxonomy.display_name("reporter_roles", None) == ""


def test_roles_that_read_the_same_are_counted_once_most_first():
    taxonomy = load_taxonomy()
    topic = {"audience": {"roles": {"lakare": 2, "Sjuksköterska": 2, "ssk": 1, "Kurator": 1, "barnmorska": 1},
                          "units": {"Avd 7": 7}}}
    names = taxonomy.display_names("reporter_roles", topic["audience"]["roles"], "sv")
    assert audience_text(topic, names) == \
        "Sjuksköterska (ssk) (3), Läkare (2), Kurator (1), Barnmorska (1) · Avd 7 (7)"
    names = taxonomy.display_names("reporter_roles", topic["audience"]["roles"], "en")
    assert audience_text(topic, names) == "Nurse (3), Physician (2), Kurator (1), Midwife (1) · Avd 7 (7)"


def test_roles_and_units_past_the_first_four_are_counted_not_left_out():
    """Tester (Region Ådalen): five tickets from five units read "Avd 1 (1), … Avd 4 (1)", the fifth unsaid."""
    topic = {"audience": {"roles": {"ssk": 5}, "units": {f"Avd {n}": 1 for n in range(1, 7)}}}
    assert audience_text(topic).endswith("· Avd 1 (1), Avd 2 (1), Avd 3 (1), Avd 4 (1) och 2 till")
    assert audience_text(topic, language="en").endswith("Avd 4 (1) and 2 more")


# -- import stores ids ----------------------------------------------------------------------------
def test_sjukskoterska_imports_as_ssk_and_free_text_stays_as_written(desk):
    with open_database(desk) as database:
        roles = {t.external_id: t.reporter_role for t in TicketRepository(database).iter_tickets()}
    assert [roles[f"ROLE-{n:03d}"] for n in range(1, len(REPORTS) + 1)] == \
        ["ssk", "ssk", "ssk", "lakare", "lakare", "usk", "Kurator"]


def test_the_topics_json_keeps_role_ids(desk, capsys):
    assert main(["--db", str(desk), "topics", "--week", "2025-W19", "--json"]) == 0
    (topic,) = [t for t in json.loads(capsys.readouterr().out)["topics"] if t["problem"] == DOSE]
    assert topic["audience"]["roles"] == {"ssk": 3, "lakare": 2, "usk": 1, "Kurator": 1}


# -- the exports show names in their language ----------------------------------------------------------
@pytest.mark.parametrize("language, heading, expected", [
    ("sv", "Anmäls av:", "Sjuksköterska (ssk) (3), Läkare (2), Undersköterska (usk) (1), Kurator (1) · Avd 7 (7)"),
    ("en", "Reported by:", "Nurse (3), Physician (2), Assistant nurse (1), Kurator (1) · Avd 7 (7)"),
])
def test_markdown_and_html_exports_show_role_names_in_their_language(desk, tmp_path, language, heading, expected):
    for fmt in ("md", "html"):
        out = tmp_path / f"week-{language}.{fmt}"
        assert main(["--db", str(desk), "export", "--week", "2025-W19", "--language", language, "--out", str(out)]) == 0
        line = html.unescape(_reported_by(out.read_text(encoding="utf-8-sig"), heading))
        assert line.split(heading, 1)[1].strip() == expected, fmt
        assert not re.search(r"\b(ssk|lakare|usk) \(", line), line


def test_the_pdf_export_shows_role_names(desk, tmp_path):
    pytest.importorskip("PySide6.QtPdf")
    from PySide6.QtPdf import QPdfDocument

    from elsdesk.gui.pdf_export import ensure_gui_application

    out = tmp_path / "week.pdf"
    assert main(["--db", str(desk), "export", "--week", "2025-W19", "--language", "en", "--out", str(out)]) == 0
    ensure_gui_application()
    document = QPdfDocument()
    document.load(str(out))
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    assert "Nurse (3), Physician (2)" in " ".join(text.split())
    assert "lakare" not in text and "ssk (" not in text


# -- the Utbildning tab ------------------------------------------------------------------------------
@pytest.mark.parametrize("language, expected", [("sv", "Sjuksköterska (ssk) (3), Läkare (2)"),
                                                ("en", "Nurse (3), Physician (2)")])
def test_the_training_pane_shows_role_names(qtbot, desk, language, expected):
    from elsdesk.gui.tasks import TaskRunner
    from elsdesk.gui.training_view import TrainingLeadView

    runner = TaskRunner()
    view = TrainingLeadView(load_taxonomy(), runner, desk, language=language)
    qtbot.addWidget(view, before_close_func=lambda w: qtbot.waitUntil(lambda: runner.running() == 0, timeout=30_000))
    with qtbot.waitSignal(view.overview_loaded, timeout=60_000):
        view.load("2025-W19")
    topics = view.overview.report["topics"]
    view.table.selectRow([t["problem"] for t in topics].index(DOSE))
    text = view.examples.toPlainText()
    assert expected in text
    assert "lakare" not in text and "ssk (" not in text


@pytest.mark.parametrize("written, role", [
    ("operationssjuksköterska", "ssk"), ("Ambulanssjuksköterska", "ssk"), ("IVA-ssk", "ssk"),
    ("Barnsjuksköterska", "ssk"),
    ("BVC-sjuksköterska", "ssk"), ("Anestesisjuksköterska", "ssk"), ("Barnsköterska", "usk"),
    ("Ambulanssjukvårdare", "usk"), ("Distriktsläkare", "lakare"), ("Narkosläkare", "lakare"), ("Kurator", None)])
def test_the_nurses_of_theatre_ambulance_and_childrens_care_are_nurses(written, role):
    """An emergency-department and a children's-care tester saw "operationssjuksköterska", "ambulanssjuksköterska"
    and "barnsjuksköterska" in the agenda's "Anmäls av" as written, apart from the nurses they are."""
    assert load_taxonomy().normalise("reporter_roles", written) == role


def test_a_role_the_taxonomy_does_not_know_is_named_with_a_capital_as_the_others():
    """A children's-care tester's "Anmäls av" read "Läkare (2), kurator (1), dietist (1)"."""
    taxonomy = load_taxonomy()
    topic = {"audience": {"roles": {"lakare": 2, "kurator": 1, "Dietist": 1, "distriktsläkare": 1}}}
    names = taxonomy.display_names("reporter_roles", list(topic["audience"]["roles"]))
    assert audience_text(topic, names) == "Läkare (3), Kurator (1), Dietist (1)"


@pytest.mark.parametrize("written, stored", [
    ("Ssk Zlatanovicz Qwertyson", "ssk"), ("Zlatanovicz Qwertyson, usk", "usk"), ("AT-läkare Qwertyson", "lakare"),
    ("Lisa Testsson", "annan"), ("dietist (Eva Testsson)", "annan"), ("19121212-1212", "annan"),
    ("kurator", "kurator"), ("Medicinsk fotograf", "Medicinsk fotograf")])
def test_a_name_typed_beside_a_role_is_not_stored_nor_shown(written, stored, memory_db, tmp_path):
    """A privacy officer's role column ("Ssk Zlatanovicz Qwertyson", "AT-läkare Qwertyson") reached every export's
    "Anmäls av": the role is read from one of its words, and a role that is no known one but holds a capitalised
    word after its first is "Annan". A desk that stored such a role before shows it the same way."""
    import_tickets(memory_db, write_jsonl(tmp_path / "r.jsonl", [dict(_rows()[0], reporter_role=written)]))
    (ticket,) = list(TicketRepository(memory_db).iter_tickets())
    assert ticket.reporter_role == stored
    taxonomy = load_taxonomy()
    assert "Testsson" not in taxonomy.display_name("reporter_roles", written)
    assert "Qwertyson" not in taxonomy.display_name("reporter_roles", written)
