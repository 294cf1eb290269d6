"""The smaller widgets of issue 4: similar tickets list, learning curve, agreement, incident flag, form."""

from __future__ import annotations

from PySide6.QtCore import Qt

from elsdesk.domain import Ticket
from elsdesk.gui.agreement_view import AgreementView
from elsdesk.gui.learning_curve_view import LearningCurveView
from elsdesk.gui.similar_tickets_view import SimilarTicketsView
from elsdesk.services.agreement import compute_agreement
from elsdesk.services.learning_curve import last_training, learning_curve
from elsdesk.services.similar import SimilarTicket
from elsdesk.taxonomy import load_taxonomy
from tests.test_learning_curve import FIRST, SECOND, SHIPPED


def similar():
    return [SimilarTicket(Ticket(id=7, external_id="ELS-000007", title="Skrivaren skriver inte ut", status="lost",
                                 resolution="Startade om skrivaren"), 0.82),
            SimilarTicket(Ticket(id=3, external_id="ELS-000003", title="Armband", status="ny"), 0.41)]


def test_similar_tickets_view_lists_score_status_and_resolution(qtbot):
    view = SimilarTicketsView(load_taxonomy())
    qtbot.addWidget(view)
    view.show_similar(similar())
    assert view.ticket_ids() == [7, 3]
    first = view.tree.topLevelItem(0)
    assert [first.text(c) for c in range(6)] == ["82%", "ELS-000007", "Skrivaren skriver inte ut", "–", "Löst",
                                                 "Startade om skrivaren"]  # issue 13: a Modul column
    assert view.tree.topLevelItem(1).text(5) == "–"
    with qtbot.waitSignal(view.ticket_activated) as activated:
        view.tree.setCurrentItem(first)
        qtbot.keyClick(view.tree, Qt.Key_Return)
    assert activated.args == [7]
    view.show_similar([], "Inga liknande")
    assert view.ticket_ids() == [] and view.empty.text() == "Inga liknande"


def test_learning_curve_view_draws_points_and_before_after(qtbot):
    view = LearningCurveView()
    qtbot.addWidget(view)
    view.set_cards([SHIPPED, FIRST, SECOND])
    assert [(p.x(), round(p.y())) for p in view.dots.points()] == [(0, 75), (60, 80), (180, 90)]
    assert len(view.ranges) == 3  # each point with its 95% range
    text = view.summary.text()
    assert "100" in text and "90" in text and "80" in text and "bättre" in text
    view.show_curve(learning_curve([SHIPPED]), last_training([SHIPPED]))
    assert "Ingen modell tränad" in view.summary.text() and not view.ranges


def test_agreement_view_shows_rates_per_module_and_disagreements(qtbot):
    from elsdesk.domain import ReviewDecision
    from elsdesk.services.agreement import Disagreement

    decisions = [ReviewDecision(1, 5, "Anna", "2025-05-01T10:00:00", "remiss", "fel", None, None, None, "remiss", "fel", "v1"),
                 ReviewDecision(2, 5, "Bertil", "2025-05-01T11:00:00", "bestallning_svar", "fel", None, None, None, "remiss", "fel", "v1")]
    view = AgreementView(load_taxonomy())
    qtbot.addWidget(view)
    ticket = Ticket(id=5, external_id="ELS-000005", title="Remiss till labb")
    view.show_report(compute_agreement(decisions), [Disagreement(5, {"Anna": "remiss", "Bertil": "bestallning_svar"}, tuple(decisions), ticket)])
    assert view.table.rowCount() == 2
    assert "ELS-000005" in view.disagreement_list.item(0).text() and "Bertil" in view.disagreement_list.item(0).text()
    assert "0\u00a0% av 1" in view.summary.text() and "50\u00a0% av 2" in view.summary.text()


def test_ticket_list_marks_tickets_of_an_open_incident(qtbot, memory_db):
    from elsdesk.gui.ticket_table_model import COLUMNS, TicketTableModel
    from elsdesk.storage import TicketRepository

    repo = TicketRepository(memory_db)
    with memory_db.write():
        ids = [repo.insert(Ticket(title=f"Skrivaren {i}", created_at="2025-04-28T10:00:00")).id for i in range(2)]
    model = TicketTableModel(memory_db, load_taxonomy())
    model.set_ids(ids)
    with qtbot.waitSignal(model.dataChanged):
        model.set_incident_tickets({ids[0]: "Möjlig incident: Skrivaren skriver inte ut (6 ärenden från 3 enheter)."})
    column = COLUMNS.index("title")
    assert model.data(model.index(0, column)).startswith("⚡ ")
    assert "Möjlig incident: Skrivaren skriver inte ut" in model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert not model.data(model.index(1, column)).startswith("⚡")


def test_ticket_form_shows_similar_earlier_tickets(qtbot):
    from elsdesk.gui.ticket_form import TicketFormDialog

    form = TicketFormDialog(load_taxonomy())
    qtbot.addWidget(form)
    form.show_similar(similar())
    assert form.similar_view.ticket_ids() == [7, 3]
    with qtbot.waitSignal(form.similar_ticket_activated):
        form.similar_view.ticket_activated.emit(7)
