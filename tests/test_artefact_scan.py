"""Issue 10: plant identifiers in every field of an import in the hard forms, run the whole desk over
them (import, list, topics, train, classify, drafts, logs, every export format), then scan every
artefact for them: the database files, drafts, the log, the models, the exports, stdout and stderr.

Personnummer are made-up numbers that pass Luhn (test data only); phone numbers and e-mail
addresses are invented.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zipfile
import zlib
from datetime import date, timedelta

import numpy as np
import pytest
from openpyxl import Workbook

from elsdesk.cli import main
from elsdesk.masking import luhn_ok
from elsdesk.services.classification import forget_loaded_models
from elsdesk.storage import open_database

_SEPARATOR_RUN = re.compile(r"(?<=[0-9])[\s\u00a0\u202f\u2009\-\u2010-\u2015\u2212./()+]{1,3}(?=[0-9])")


def _personnummer(born: date, serial: int, coordination: bool = False) -> str:
    nine = f"{born:%y%m}{born.day + (60 if coordination else 0):02d}{serial:03d}"
    return next(nine + d for d in "0123456789" if luhn_ok(nine + d))


def planted_identifiers() -> list[tuple[str, str]]:
    """(written form, what must never be found) pairs in the forms issue 10 lists."""
    out = []
    forms = ["{c}{d}\u00a0{t}", "{d} - {t}", "{c}{d}.{t}", "{d}\u2013{t}", "{c}{d}-{t}", "{d}+{t}", "{c}{d}{t}"]
    for number, form in enumerate(forms):
        ten = _personnummer(date(1962, 3, 4) + timedelta(days=97 * number), 100 + number, coordination=number % 3 == 2)
        out.append((form.format(c="19", d=ten[:6], t=ten[6:]), ten))
    phones = ["070-{a}-{b}-{c}", "(08) {a} {b} {c}", "070.{a}.{b}.{c}", "070/{a}{b}{c}", "tel070{a}{b}{c}", "+46 70 {a} {b} {c}",
              "0046-73-{a}{b}{c}"]
    for number, form in enumerate(phones):
        a, b, c = f"{3 + number}{number}8", f"{41 + number}", f"{17 + 3 * number}"
        written = form.format(a=a, b=b, c=c)
        out.append((written, a + b + c))
    for local, domain in (("åsa.öberg", "vården.se"), ("björn-östlund", "example.xn--p1ai"), ("nils.ärlig", "region.рф")):
        out.append((f"{local}@{domain}", local))
    return out


def _rows(planted):
    rows = []
    for number, (written, _) in enumerate(planted):
        rows.append({
            "id": f"{written}" if number % 4 == 0 else f"ELS-{number:04d} {written}",
            "created_at": f"2025-04-{28 + number % 3:02d}T{8 + number % 9:02d}:00:00",
            "title": f"Kan inte signera dos för pat {written}",
            "description": f"Ring {written} om utdelningsvyn, pennan är grå. Mvh Åsa {written}",
            "unit": f"Avd 12 {written}", "reporter_role": f"ssk {written}", "resolution": f"Löst via {written}",
            "status": written, "module": "lakemedel", "kind": "handhavande",
        })
    rows.append({"id": "X-1", "created_at": planted[0][0], "title": "datum som är ett personnummer"})
    return rows


def _texts_of(path) -> list[str]:
    """What a person or a tool could read out of one artefact."""
    data = path.read_bytes()
    texts = [data.decode("utf-8", errors="ignore"), data.decode("latin-1")]
    if path.suffix in (".xlsx", ".npz"):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                member = archive.read(name)
                texts.append(member.decode("utf-8", errors="ignore"))
                if name.endswith(".npy"):
                    array = np.load(io.BytesIO(member), allow_pickle=False)
                    texts.append(" ".join(map(str, array.ravel().tolist())) if array.dtype.kind == "U" else
                                 array.tobytes().decode("utf-8", errors="ignore") if array.dtype == np.uint8 else "")
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):  # PDF content, best effort
        try:
            texts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            pass
    return texts


def _found(needle: str, texts: list[str]) -> bool:
    for text in texts:
        folded = text.casefold()
        if needle.casefold() in folded:
            return True
        if needle.isdigit() and needle in _SEPARATOR_RUN.sub("", text):
            return True
    return False


def test_issue_10_no_planted_identifier_is_found_in_any_artefact(tmp_path, user_home, capsys, monkeypatch):
    forget_loaded_models()
    planted = planted_identifiers()
    db = str(tmp_path / "desk.db")
    log_file = user_home / "elsdesk.log"
    user_home.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    outputs = []
    try:
        source = tmp_path / "in"
        source.mkdir()
        jsonl = source / "tickets.jsonl"
        jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in _rows(planted)) + "\n", encoding="utf-8")
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(["id", "created_at", "title", "description", "unit"])
        sheet.append(["XL-1", "2025-04-29T10:00:00", "Ring tillbaka", 701238845, 46762208811])
        workbook.save(source / "numbers.xlsx")
        main(["-v", "--db", db, "import", str(jsonl)])
        main(["-v", "--db", db, "import", str(source / "numbers.xlsx")])
        planted += [("701238845", "701238845"), ("46762208811", "762208811")]
        for command in (["list"], ["list", "--json"], ["topics", "--week", "2025-W18", "--json"],
                        ["train", "--json"], ["models"]):
            main(["-v", "--db", db, *command])
            captured = capsys.readouterr()
            outputs += [captured.out, captured.err]
        exports = tmp_path / "exports"
        assert main(["--db", db, "export", "--week", "2025-W18", "--format", "all", "--out", str(exports)]) == 0
        classified = tmp_path / "classified.jsonl"
        texts = tmp_path / "texts.jsonl"
        texts.write_text("\n".join(json.dumps({"id": f"c{i}", "title": w, "description": f"pat {w}"}) for i, (w, _) in enumerate(planted)))
        assert main(["--db", db, "classify", str(texts), "--out", str(classified)]) == 0
        from elsdesk.drafts import save_draft

        save_draft({"title": f"pat {planted[0][0]}", "description": " ".join(w for w, _ in planted), "unit": planted[-3][0]})
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err]
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    with open_database(db) as database:
        rows = database.query("SELECT version, data FROM models")
        assert database.query("SELECT count(*) FROM tickets")[0][0] == len(planted) - 2 + 1  # every row but the bad date
    assert rows, "a desk model was trained and stored"
    model_files = []
    for version, data in rows:
        model_files.append(tmp_path / f"model-{version}.npz")
        model_files[-1].write_bytes(bytes(data))

    artefacts = [p for p in tmp_path.glob("desk.db*")] + list((user_home / "drafts").glob("*")) + [log_file]
    artefacts += sorted(exports.iterdir()) + model_files
    assert {p.suffix for p in exports.iterdir()} == {".xlsx", ".csv", ".md", ".html", ".pdf"}
    output_texts = ["\n".join(outputs)]
    leaks = []
    for written, needle in planted:
        for artefact in artefacts:
            if _found(needle, _texts_of(artefact)):
                leaks.append((written, artefact.name))
        if _found(needle, output_texts):
            leaks.append((written, "stdout/stderr"))
    assert leaks == [], leaks
