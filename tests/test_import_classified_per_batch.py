"""An import classifies each batch before it commits (a tester on a shared desk: a training lead's export
taken during another workstation's import showed its tickets "Ej klassad", with wrong trends and agenda, and
a server that stopped between the save and the classification left every ticket unclassified while the
message said nothing was stored). Whatever another connection reads while the import runs is classified."""

from __future__ import annotations

import os

import pytest

from conftest import sample_rows, write_jsonl
from elsdesk.services.classification import active_model
from elsdesk.services.imports import import_tickets
from elsdesk.storage import open_database


def test_every_committed_batch_is_already_classified(db_target, tmp_path):
    rows = [{k: v for k, v in row.items() if k not in ("module", "kind")} for row in sample_rows(9)]
    seen = []
    with open_database(db_target) as database, open_database(db_target) as reader:
        classifier = active_model(database)

        def after_each_batch(done, _total):  # called once the batch has committed
            seen.append((done, reader.query("SELECT count(*), count(module), count(kind) FROM tickets")[0]))

        report = import_tickets(database, write_jsonl(tmp_path / "t.jsonl", rows), batch_size=4,
                                progress=after_each_batch, classifier=classifier, find_incidents=False)
    assert report.new == 9 and report.classified == 9
    assert [done for done, _counts in seen] == [4, 8, 9]
    assert all(tickets == modules == kinds for _done, (tickets, modules, kinds) in seen), seen


@pytest.mark.skipif("postgres" not in os.environ.get("ELSDESK_TEST_BACKENDS", "postgres"),
                    reason="PostgreSQL not wanted in this run")
def test_an_els_support_login_imports_classified_batches_on_a_shared_desk(pg_server, new_pg_database, tmp_path):
    """The server lets an ELS-stöd login write the model's labels and their history (actor 'model') inside the
    import's batches; its own labels stay intake labels."""
    from shared_desk_people import desk_with_people

    desk = desk_with_people(pg_server, new_pg_database(), tmp_path, {"stod_anna": "elsdesk_stod"}, "hemligt-1", tickets=1)
    rows = [{k: v for k, v in row.items() if k not in ("module", "kind")} for row in sample_rows(5, start=300)]
    rows[0].update(module="lakemedel", kind="fel")
    with desk("stod_anna") as anna:
        report = import_tickets(anna, write_jsonl(tmp_path / "anna.jsonl", rows), classifier=active_model(anna),
                                find_incidents=False)
        sources = dict(anna.query("SELECT external_id, label_source FROM tickets"))
    assert report.new == 5 and report.classified == 4
    assert sorted(sources[row["id"]] for row in rows) == ["intake", "model", "model", "model", "model"]
