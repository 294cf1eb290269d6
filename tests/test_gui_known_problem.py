"""Issue 12: while a ticket is typed, the form shows the known problem it most likely describes, with
its status and workaround, so ELS staff can answer the caller at once."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from conftest import write_jsonl
from elsdesk.gui.main_window import MainWindow
from elsdesk.services.imports import import_tickets
from elsdesk.services.problems import known_problems, update_problem
from elsdesk.services.profile import ELS_SUPPORT, Profile, save_profile
from elsdesk.storage import open_database
from test_problems import DOSE, DOSE_REPORTS

REPORTS = [DOSE_REPORTS[i] for i in (0, 1, 2, 5)]
OTHER = [("Kassan stänger inte dagen", "Dagsavslut i kassan går inte att göra."),
         ("Kallelsen skrivs inte ut", "När jag bokar en tid kommer ingen kallelse ut på skrivaren.")]


def _desk(db_path, tmp_path):
    rows = [{"id": f"K-{i}", "created_at": f"2025-04-29T09:{i:02d}:00", "title": t, "description": d,
             "module": "lakemedel", "problem": DOSE} for i, (t, d) in enumerate(REPORTS)]
    rows += [{"id": f"O-{i}", "created_at": f"2025-04-29T10:{i:02d}:00", "title": t, "description": d}
             for i, (t, d) in enumerate(OTHER)]
    database = open_database(db_path)
    try:
        assert not import_tickets(database, write_jsonl(tmp_path / "linked.jsonl", rows)).rejected
        problem = next(p for p in known_problems(database) if p.name == DOSE)
        update_problem(database, problem.id, workaround="Högerklicka på dosen och välj Signera given.",
                       status="workaround")
    finally:
        database.close()


def _type(qtbot, form, title, description):
    form.title_edit.setText(title)
    form.description_edit.setPlainText(description)


def test_typing_a_known_problem_shows_it_with_its_workaround(qtbot, db_path, tmp_path):
    _desk(db_path, tmp_path)
    save_profile(Profile("Eva", ELS_SUPPORT))
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    form = window.new_ticket()
    assert not form.problem_view.isVisible()
    _type(qtbot, form, "signera dos", "Kan inte signera given dos i utdelningsvyn, knappen är grå")
    qtbot.waitUntil(lambda: form.known_problem is not None, timeout=20_000)
    text = form.problem_view.text()
    assert DOSE in text and "Högerklicka på dosen" in text and "tillfällig lösning finns" in text
    assert "Så gör man:" in text and "orkaround" not in text  # a GUI tester: "Workaround:" in the Swedish form
    assert form.problem_view.isVisibleTo(form)

    _type(qtbot, form, "", "")
    qtbot.waitUntil(lambda: form.known_problem is None and not form.problem_view.isVisibleTo(form), timeout=20_000)
    _type(qtbot, form, "Kassan", "Dagsavslutet i kassan fungerar inte")
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20_000)
    assert form.known_problem is None  # nothing like a known problem: nothing shown
    form.mark_unchanged()
    form.reject()
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20_000)
    window.close()


def test_an_open_ticket_linked_to_a_known_problem_says_it_is_linked(qtbot, db_path, tmp_path):
    """Tester (two windows on one desk): a ticket already linked read "Liknar ett känt problem: …" when opened."""
    _desk(db_path, tmp_path)
    save_profile(Profile("Eva", ELS_SUPPORT))
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    with open_database(db_path) as database:
        from elsdesk.storage import TicketRepository

        linked_id = TicketRepository(database).get_by_external_id("K-0").id
    form = window.edit_ticket(linked_id)
    qtbot.waitUntil(lambda: form.known_problem is not None, timeout=20_000)
    assert form.known_problem.linked and form.problem_view.text().startswith("Känt problem:")
    form.mark_unchanged()
    form.reject()
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20_000)
    window.close()


WRISTBAND = "Armbandsskrivaren skriver blanka armband"
WRISTBAND_REPORTS = [
    ("Armband blir blanka", "Armbandsskrivaren på akuten skriver ut tomma armband sedan i morse."),
    ("Tomma id-band", "Skrivaren för patientarmband matar ut armband utan text."),
    ("armbandsskrivare", "skriver blanka armband, har bytt rulle men samma sak"),
    ("ID-armband utan tryck", "När vi skriver ut armband blir de vita, inget namn eller streckkod."),
]


def test_one_shared_word_is_no_known_problem_hint(qtbot, db_path, tmp_path):
    """A keyboard tester linked wristband reports to a printer fault; "Hur skriver man ut en patient till kommunen",
    "Hur skriver man ut en remiss" and "Patienten skrivs ut i morgon" were then each shown the printer's workaround
    ("skriv" was all they shared), which ELS staff would have read to the caller."""
    rows = [{"id": f"A-{i}", "created_at": f"2026-11-03T09:{i:02d}:00", "title": t, "description": d,
             "module": "utskrift_hardvara", "problem": WRISTBAND} for i, (t, d) in enumerate(WRISTBAND_REPORTS)]
    with open_database(db_path) as database:
        assert not import_tickets(database, write_jsonl(tmp_path / "band.jsonl", rows)).rejected
    save_profile(Profile("Eva", ELS_SUPPORT))
    window = MainWindow(db_path, QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.classifier is not None, timeout=30_000)
    form = window.new_ticket()
    for title in ("Hur skriver man ut en patient till kommunen", "Hur skriver man ut en remiss",
                  "Patienten skrivs ut i morgon"):
        with qtbot.waitSignal(form.text_edited, timeout=20_000):  # the form's own pause after typing
            _type(qtbot, form, title, "")
        qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20_000)  # the look-up it started has answered
        assert form.known_problem is None, title
    _type(qtbot, form, "Armbanden kommer ut tomma", "")  # the fault itself, in other words
    qtbot.waitUntil(lambda: form.known_problem is not None, timeout=20_000)
    assert WRISTBAND in form.problem_view.text()
    form.mark_unchanged()
    form.reject()
    qtbot.waitUntil(lambda: window.runner.running() == 0, timeout=20_000)
    window.close()
