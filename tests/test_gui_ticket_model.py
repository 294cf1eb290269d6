"""TicketTableModel over a file database of 600 tickets: Qt model contract, paging, display, sort.

The model only holds ticket ids and pages the rows in from storage, so these tests check that
the right ticket sits at either end of the list, that the page cache stays bounded, that
labels are shown with their Swedish names, and that sorting is handed back to the view as
a ``sort_requested`` signal instead of being done in memory.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from conftest import sample_rows, write_jsonl
from elsdesk.domain import Ticket, TicketFilter
from elsdesk.gui import ticket_table_model
from elsdesk.gui.ticket_table_model import COLUMNS, TicketTableModel
from elsdesk.services.imports import import_tickets
from elsdesk.storage import TicketRepository
from elsdesk.taxonomy import load_taxonomy

N_TICKETS = 600
TITLE, MODULE, KIND, STATUS = (COLUMNS.index(name) for name in ("title", "module", "kind", "status"))
EXTERNAL_ID = COLUMNS.index("external_id")


@pytest.fixture
def filled_db(file_db, tmp_path):
    report = import_tickets(file_db, write_jsonl(tmp_path / "many.jsonl", sample_rows(N_TICKETS)))
    assert report.new == N_TICKETS
    return file_db


@pytest.fixture
def ids_by_external_id(filled_db):
    """Ticket ids ordered T-00001 … T-00600."""
    return TicketRepository(filled_db).query_ids(TicketFilter(sort="external_id", descending=False))


@pytest.fixture
def model(filled_db, ids_by_external_id):
    model = TicketTableModel(filled_db, load_taxonomy(), "sv")
    model.set_ids(ids_by_external_id)
    return model


def test_model_passes_qt_model_tester(model, qtmodeltester):
    assert model.rowCount() == N_TICKETS
    assert model.columnCount() == len(COLUMNS)
    qtmodeltester.check(model)


def test_empty_model_passes_qt_model_tester(file_db, qtmodeltester):
    model = TicketTableModel(file_db, load_taxonomy(), "sv")
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert model.ticket_at(0) is None


def test_first_and_last_rows_are_paged_in_from_storage(model, ids_by_external_id):
    first, last = model.ticket_at(0), model.ticket_at(N_TICKETS - 1)

    assert (first.external_id, first.id) == ("T-00001", ids_by_external_id[0])
    assert (last.external_id, last.id) == ("T-00600", ids_by_external_id[-1])
    assert model.data(model.index(N_TICKETS - 1, EXTERNAL_ID)) == "T-00600"
    assert model.data(model.index(0, 0), Qt.UserRole) == ids_by_external_id[0]
    assert model.ticket_at(N_TICKETS) is None
    assert model.data(model.index(N_TICKETS, 0)) is None


def test_rows_follow_the_order_given_to_set_ids(model, ids_by_external_id):
    model.set_ids(list(reversed(ids_by_external_id)))

    assert model.ticket_at(0).external_id == "T-00600"
    assert model.ticket_at(N_TICKETS - 1).external_id == "T-00001"
    assert model.row_of(ids_by_external_id[0]) == N_TICKETS - 1
    assert model.row_of(-1) == -1


def test_pages_are_fetched_once_and_the_cache_stays_bounded(model, monkeypatch):
    monkeypatch.setattr(ticket_table_model, "PAGE_SIZE", 50)
    monkeypatch.setattr(ticket_table_model, "MAX_PAGES", 3)
    model.set_ids(model.ids())  # drop pages cached with the old page size
    fetched: list[int] = []
    original = model._repo.fetch_many
    monkeypatch.setattr(model._repo, "fetch_many", lambda ids: fetched.append(len(ids)) or original(ids))

    for row in range(10):
        assert model.ticket_at(row).external_id == f"T-{row + 1:05d}"
    assert fetched == [50], "ten rows of one page cost one query"

    for row in range(N_TICKETS):
        assert model.ticket_at(row).external_id == f"T-{row + 1:05d}"
    assert len(fetched) == N_TICKETS // 50
    assert len(model._pages) <= 3

    model.ticket_at(0)
    assert len(fetched) == N_TICKETS // 50 + 1, "the first page was evicted and is read again"


def test_refresh_rows_drops_cached_tickets_after_a_write(model, filled_db, qtbot):
    first = model.ticket_at(0)
    with filled_db.write():
        TicketRepository(filled_db).update(first.with_changes(title="Ändrad rubrik"))

    assert model.ticket_at(0).title == first.title  # still the cached page
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_rows()
    assert model.data(model.index(0, TITLE)) == "Ändrad rubrik"


def test_labels_are_shown_with_swedish_names(model):
    # sample_rows cycles the topics, so row 1 is T-00002 ("SITHS-kortet låst", inloggning_siths / fel).
    assert model.data(model.index(0, MODULE)) == "Läkemedel"
    assert model.data(model.index(1, MODULE)) == "Inloggning och SITHS"
    assert model.data(model.index(3, MODULE)) == "Behörighet och roller"
    assert model.data(model.index(0, KIND)) == "Handhavande"
    assert model.data(model.index(0, STATUS)) == "Ny"
    assert model.data(model.index(0, TITLE)) == "Kan inte signera dos"
    assert model.data(model.index(0, TITLE), Qt.ToolTipRole).startswith("Utdelningsvyn låter mig inte")
    assert model.headerData(MODULE, Qt.Horizontal) == "Modul"


def test_english_model_shows_english_names(filled_db, ids_by_external_id):
    model = TicketTableModel(filled_db, load_taxonomy(), "en")
    model.set_ids(ids_by_external_id[:2])

    assert model.data(model.index(0, MODULE)) == load_taxonomy().module_name("lakemedel", "en")
    assert model.data(model.index(0, MODULE)) != "Läkemedel"


def test_unconfirmed_model_label_is_marked_and_patient_safety_flagged(file_db):
    with file_db.write():
        stored = TicketRepository(file_db).insert(Ticket(
            title="Dosen försvann ur listan", created_at="2025-04-28T09:00:00", module="lakemedel",
            label_source="model", module_confidence=0.7, patient_safety=True,
        ))
    model = TicketTableModel(file_db, load_taxonomy(), "sv")
    model.set_ids([stored.id])

    assert model.data(model.index(0, MODULE)) == "Läkemedel ?"
    assert model.data(model.index(0, TITLE)) == "⚠ Dosen försvann ur listan"


def test_sort_is_requested_not_done_in_memory(model, qtbot):
    before = list(model.ids())

    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(MODULE, Qt.DescendingOrder)
    assert blocker.args == ["module", True]

    with qtbot.waitSignal(model.sort_requested) as blocker:
        model.sort(TITLE, Qt.AscendingOrder)
    assert blocker.args == ["title", False]

    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(len(COLUMNS))
    assert model.ids() == before


def test_no_children_below_a_row(model):
    parent = model.index(0, 0)
    assert parent.isValid()
    assert model.rowCount(parent) == 0
    assert model.columnCount(parent) == 0
    assert model.rowCount(QModelIndex()) == N_TICKETS


def test_first_page_shows_whole_rows_before_the_ids_arrive(filled_db, ids_by_external_id, qtmodeltester):
    from elsdesk.storage.ticket_pages import TicketPager

    flt = TicketFilter(sort="external_id", descending=False)
    page = TicketPager(filled_db).page(flt, limit=ticket_table_model.PAGE_SIZE)
    model = TicketTableModel(filled_db, load_taxonomy(), "sv")
    model.show_first_page(page)
    assert model.rowCount() == ticket_table_model.PAGE_SIZE
    fetched = []
    model._repo.fetch_many = lambda ids: fetched.append(ids) or []  # the shown rows need no query
    assert model.data(model.index(0, EXTERNAL_ID)) == "T-00001"
    assert fetched == []
    qtmodeltester.check(model)


def test_ids_extend_the_first_page_without_a_reset(filled_db, ids_by_external_id, qtbot):
    from elsdesk.storage.ticket_pages import TicketPager

    page = TicketPager(filled_db).page(TicketFilter(sort="external_id", descending=False), limit=100)
    model = TicketTableModel(filled_db, load_taxonomy(), "sv")
    model.show_first_page(page)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        assert model.extend_ids(ids_by_external_id)
    assert inserted.args[1:] == [100, N_TICKETS - 1]
    assert resets == [] and model.rowCount() == N_TICKETS
    assert model.data(model.index(150, EXTERNAL_ID)) == "T-00151"  # the partly filled page is read again whole
    assert model.data(model.index(N_TICKETS - 1, EXTERNAL_ID)) == "T-00600"


def test_ids_that_do_not_start_with_the_shown_rows_are_refused(filled_db, ids_by_external_id):
    from elsdesk.storage.ticket_pages import TicketPager

    page = TicketPager(filled_db).page(TicketFilter(sort="external_id", descending=False), limit=10)
    model = TicketTableModel(filled_db, load_taxonomy(), "sv")
    model.show_first_page(page)
    assert not model.extend_ids(ids_by_external_id[1:])
    assert not model.extend_ids(ids_by_external_id[:5])
    assert model.ids() == ids_by_external_id[:10]
