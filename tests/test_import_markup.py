"""HTML an international ticket tool leaves in its export (tester, Region Östanå): "<br>", "&amp;" and a mail
footer in "<b>" were stored as written, and the footer ("--", the region's name, its switchboard, a
disclaimer) made unrelated tickets alike enough to join an outage incident and a made-up topic, and
was quoted as a ticket's text in the period export."""

from __future__ import annotations

import pytest

from elsdesk.ml.text import clean
from elsdesk.plain_text import without_markup
from elsdesk.services.imports import import_tickets
from elsdesk.sign_offs import quotable
from elsdesk.storage import TicketRepository

FOOTER = ("<br><br>--<br><b>Region Östanå</b><br>Hälso- &amp; sjukvården<br>Växel 010-123 45 67<br>"
          "Detta e-postmeddelande kan innehålla sekretessbelagd information.")


@pytest.mark.parametrize("written, plain", [
    ("Etiketterna &amp; armbanden<br>skrivs inte ut", "Etiketterna & armbanden\nskrivs inte ut"),
    ("<p>Ser inte listan</p><p>Avd 4</p>", "Ser inte listan\nAvd 4"),
    ("Kan inte signera <b>given dos</b> p&aring; avd 7", "Kan inte signera given dos på avd 7"),
    ("CRP <5 och Hb <100 hos pat <3 år", "CRP <5 och Hb <100 hos pat <3 år"),  # no tag: as written
    ("Tom & Jerry-rummet, A&O", "Tom & Jerry-rummet, A&O"),
])
def test_markup_becomes_plain_text_and_other_text_stays_as_written(written, plain):
    assert without_markup(written) == plain


def test_a_mail_footer_after_its_dashes_is_a_signature_to_the_model_and_to_quotes():
    text = without_markup("Cosmic fryser när jag öppnar journalen." + FOOTER)
    assert "östanå" not in clean(text) and "växel" not in clean(text)
    assert quotable(text) == "Cosmic fryser när jag öppnar journalen."
    assert clean("Dosen 5 mg -- inte 10 mg") == "dosen 5 mg -- inte 10 mg", "dashes inside a line are text"


def test_an_import_stores_an_exports_html_as_plain_text(memory_db, tmp_path):
    path = tmp_path / "tool.csv"
    path.write_text("Ticket ID,Created,Subject,Body\n"
                    f"OST-7,2027-03-23T08:10:00+01:00,Cosmic fryser&amp;hänger,\"Hela avd 4:<br>Cosmic fryser.{FOOTER}\"\n",
                    encoding="utf-8")
    report = import_tickets(memory_db, path)
    (ticket,) = TicketRepository(memory_db).external_ids(["OST-7"]).values()
    assert report.new == 1 and ticket.title == "Cosmic fryser&hänger"
    assert ticket.description.startswith("Hela avd 4:\nCosmic fryser.\n\n--\nRegion Östanå\nHälso- & sjukvården")
    assert "<br>" not in ticket.description and "&amp;" not in ticket.description
