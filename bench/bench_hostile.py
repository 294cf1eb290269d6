"""Issue 10 under attack: plant identifiers, feed hostile files and inject faults; print what held.

    .venv/bin/python bench/bench_hostile.py [--seed N] [--identifiers N] [--bad-lines N]

Three figures, measured on a fresh desk in a temporary folder:

* identifiers planted / found anywhere: personnummer, samordningsnummer, phone numbers and
  e-mail addresses generated here at random (random separators, groupings, Unicode names and
  domains, spreadsheet numbers) and planted in every field of CSV (UTF-8, UTF-16, cp1252),
  JSONL and XLSX files; after import, list, topics, train, classify, a draft and every export
  format, the database files, drafts, log, stored models, exports and terminal output are
  scanned for the digits and names of each one.
* bad inputs tried / handled cleanly: each hostile input must end in a message and an exit code
  (no traceback), and where data was at stake, the data must be what it should be.
* faults injected / survived: a full disk, an I/O error, a refused rename, SIGKILL during an
  import and a training, concurrent trainings; afterwards the desk and the previous files
  must be sound.

The generators here are deliberately not the unit tests' (tests/test_masking.py,
tests/test_artefact_scan.py): different shapes, chosen at random with the seed.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import io
import json
import logging
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from elsdesk.cli import main  # noqa: E402
from elsdesk.masking import luhn_ok  # noqa: E402

SEPARATORS = ["-", "+", " ", "\u00a0", "\u202f", " - ", ".", "\u2013", "\u2014", "\u2212", "", " -", "- ", "\u2009"]
PHONE_JOINS = [" ", "-", ".", "/", "", "\u00a0", " - ", "\u2013"]
NAMES = ["åke", "örjan", "märta", "björk", "sjöberg", "lindqvist", "ängel", "zoë", "østergaard", "müller", "karl-åke", "li"]
DOMAINS = ["region.se", "vgregion.se", "sjukhus.nu", "exempel.xn--p1ai", "vården.se", "hälsa.org", "kommun.com",
           "пример.рф", "例え.jp", "mail.co.uk"]
_SEPARATOR_RUN = re.compile(r"(?<=[0-9])[\s\u00a0\u202f\u2009\-\u2010-\u2015\u2212./()+]{1,3}(?=[0-9])")


# -- identifiers, generated here -------------------------------------------------------------------
def personnummer(rng: random.Random) -> tuple[str, str]:
    born = date(1920, 1, 1) + timedelta(days=rng.randrange(0, 365 * 100))
    coordination = rng.random() < 0.25
    nine = f"{born:%y%m}{born.day + (60 if coordination else 0):02d}{rng.randrange(0, 1000):03d}"
    ten = next(nine + d for d in "0123456789" if luhn_ok(nine + d))
    century = str(born.year // 100) if rng.random() < 0.5 else ""
    return f"{century}{ten[:6]}{rng.choice(SEPARATORS)}{ten[6:]}", ten


def phone(rng: random.Random) -> tuple[str, str]:
    mobile = rng.random() < 0.6
    area = rng.choice(["70", "72", "73", "76", "79"]) if mobile else rng.choice(["8", "31", "40", "90", "18", "54", "611"])
    length = 7 if mobile or len(area) == 1 else (6 if len(area) == 2 else 5)
    subscriber = str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(length - 1))
    cuts = sorted(rng.sample(range(1, length), k=min(length - 1, rng.randrange(0, 4))))
    parts = [subscriber[a:b] for a, b in zip([0] + cuts, cuts + [length])]
    join = rng.choice(PHONE_JOINS)
    body = join.join(parts)
    style = rng.randrange(6)
    if style == 0:
        written = f"0{area}{rng.choice(['-', ' ', '/', '.', ''])}{body}"
    elif style == 1:
        written = f"(0{area}) {body}"
    elif style == 2:
        written = f"+46 {area} {body}"
    elif style == 3:
        written = f"+46(0){area}-{body}"
    elif style == 4:
        written = f"{rng.choice(['tel', 'Tel:', 'mob', 'tfn'])}0{area}{subscriber}"
    else:
        written = f"0046 {area}{join}{body}"
    return written, area + subscriber


def email(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(NAMES), rng.choice(NAMES)
    local = f"{first}{rng.choice(['.', '_', '-', '', '+'])}{last}{rng.choice(['', str(rng.randrange(10, 99))])}"
    return f"{local}@{rng.choice(DOMAINS)}", local


def spreadsheet_phone(rng: random.Random) -> tuple[int, str]:
    digits = rng.choice(["70", "72", "73", "76"]) + "".join(str(rng.randrange(10)) for _ in range(7))
    return int(digits), digits


# -- scanning ----------------------------------------------------------------------------------------
def texts_of(path: Path) -> list[str]:
    data = path.read_bytes()
    out = [data.decode("utf-8", "ignore"), data.decode("latin-1")]
    if path.suffix in (".xlsx", ".npz"):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                member = archive.read(name)
                out.append(member.decode("utf-8", "ignore"))
                if name.endswith(".npy"):
                    array = np.load(io.BytesIO(member), allow_pickle=False)
                    if array.dtype.kind == "U":
                        out.append(" ".join(array.ravel().tolist()))
                    elif array.dtype == np.uint8:
                        out.append(array.tobytes().decode("utf-8", "ignore"))
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        with contextlib.suppress(zlib.error):
            out.append(zlib.decompress(stream).decode("latin-1"))
    return out


def found(needle: str, texts: list[str]) -> bool:
    for text in texts:
        if needle.casefold() in text.casefold():
            return True
        if needle.isdigit() and needle in _SEPARATOR_RUN.sub("", text):
            return True
    return False


# -- running the CLI in this process ---------------------------------------------------------------------
def run(*argv: str) -> tuple[int | None, str, str, BaseException | None]:
    out, err = io.StringIO(), io.StringIO()
    code, raised = None, None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # noqa: BLE001 - an escaped exception is what we count
            raised = exc
    return code, out.getvalue(), err.getvalue(), raised


def clean(result, expect=(1, 2, 3, 4), words: tuple[str, ...] = ()) -> bool:
    code, _out, err, raised = result
    return raised is None and code in expect and "Traceback" not in err and all(w in err for w in words)


# -- part 1: identifiers ----------------------------------------------------------------------------------------
def plant_and_scan(work: Path, rng: random.Random, count: int) -> tuple[int, int, list]:
    planted: list[tuple[str, str]] = []
    makers = [personnummer, phone, email]
    for _ in range(count):
        planted.append(rng.choice(makers)(rng))
    fields = ["id", "title", "description", "unit", "reporter_role", "resolution", "status", "module"]
    rows = []
    for number, (written, _) in enumerate(planted):
        field = fields[number % len(fields)]
        row = {"id": f"B-{number:05d}", "created_at": f"2025-04-{28 + number % 3:02d}T{7 + number % 11:02d}:{number % 60:02d}:00",
               "title": "Utdelningsvyn visar inte dosen", "description": "Pennan är grå när jag ska signera.",
               "module": "lakemedel", "kind": "handhavande"}
        row[field] = (f"{row.get(field, '')} {written}".strip() if field not in ("id", "status", "module")
                      else (f"ärende {written}" if field == "id" and rng.random() < 0.5 else written))
        if rng.random() < 0.3:
            row["description"] += f" Ring {written} eller skriv till mig."
        rows.append(row)
    chunks = [rows[i::4] for i in range(4)]
    src = work / "src"
    src.mkdir()
    files = []
    (src / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in chunks[0]) + "\n", encoding="utf-8")
    files.append(src / "a.jsonl")
    header = ["id", "created_at", "title", "description", "unit", "reporter_role", "resolution", "status", "module", "kind"]

    def csv_text(chunk, delimiter):
        import csv

        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(header)
        for r in chunk:
            writer.writerow([r.get(h, "") for h in header])
        return buffer.getvalue()

    (src / "b.csv").write_bytes(csv_text(chunks[1], ";").encode("utf-16"))
    text_c = csv_text(chunks[2], ",")
    (src / "c.csv").write_bytes(text_c.encode("cp1252", errors="replace"))
    files += [src / "b.csv", src / "c.csv"]
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for r in chunks[3]:
        sheet.append([r.get(h, "") for h in header])
    for i in range(max(3, count // 20)):
        value, needle = spreadsheet_phone(rng)
        sheet.append([f"XL-{i}", "2025-04-29T10:00:00", "Ring tillbaka", value, value, None, None, None, None, None])
        planted.append((str(value), needle))
    workbook.save(src / "d.xlsx")
    files.append(src / "d.xlsx")

    db = str(work / "desk.db")
    home = Path(os.environ["ELSDESK_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    log_file = home / "elsdesk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    outputs = []
    try:
        for path in files:
            outputs.append(run("-v", "--db", db, "import", str(path)))
        for command in (["list"], ["list", "--json"], ["topics", "--week", "2025-W18", "--json"], ["train", "--json"], ["models"]):
            outputs.append(run("-v", "--db", db, *command))
        outputs.append(run("--db", db, "export", "--week", "2025-W18", "--format", "all", "--out", str(work / "exports")))
        from elsdesk.drafts import save_draft

        save_draft({"title": planted[0][0], "description": " ".join(w for w, _ in planted[:20]), "unit": planted[1][0]})
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    connection = sqlite3.connect(db)
    for version, data in connection.execute("SELECT version, data FROM models"):
        (work / f"model-{version}.npz").write_bytes(bytes(data))
    tickets = connection.execute("SELECT count(*) FROM tickets").fetchone()[0]
    connection.close()
    artefacts = list(work.glob("desk.db*")) + list((home / "drafts").glob("*")) + [log_file]
    artefacts += sorted((work / "exports").iterdir()) + list(work.glob("model-*.npz"))
    terminal = ["\n".join(o[1] + o[2] for o in outputs)]
    leaks = []
    scanned = {a: texts_of(a) for a in artefacts}
    for written, needle in planted:
        where = [a.name for a, texts in scanned.items() if found(needle, texts)]
        if found(needle, terminal):
            where.append("stdout/stderr")
        if where:
            leaks.append((written, where))
    escaped = [o[3] for o in outputs if o[3] is not None]
    if escaped:
        print(f"  (commands that raised: {escaped[:3]})")
    print(f"  {tickets} tickets stored from {len(files)} files; {len(artefacts)} artefacts scanned")
    return len(planted), len(leaks), leaks


# -- part 2: bad inputs ------------------------------------------------------------------------------------
def bad_inputs(work: Path, bad_lines: int) -> list[tuple[str, bool]]:
    work.mkdir()
    db = str(work / "desk.db")
    results: list[tuple[str, bool]] = []

    def case(name: str, ok: bool) -> None:
        results.append((name, bool(ok)))

    base = [{"id": f"K{i}", "created_at": "2025-04-28T09:00:00", "title": "Läkemedelslistan", "description": "Åtgärd krävs på avdelningen",
             "unit": "Avd 7", "status": "ny"} for i in range(6)]
    good = work / "good.jsonl"
    good.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in base) + "\n", encoding="utf-8")
    assert run("--db", db, "import", str(good), "--no-classify")[0] == 0

    def stored(external_id, column="description"):
        connection = sqlite3.connect(db)
        try:
            row = connection.execute(f"SELECT {column} FROM tickets WHERE external_id = ?", (external_id,)).fetchone()
        finally:
            connection.close()
        return row[0] if row else None

    def write(name, data: bytes | str) -> str:
        path = work / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return str(path)

    partial = write("status.csv", "id,status\nK0,lost\n")
    partial2 = write("status2.csv", "id,created_at,title,status\nK1,2025-04-28T09:00:00,Läkemedelslistan,lost\n")
    result = run("--db", db, "import", partial2, "--no-classify")
    case("re-import without the description column", result[0] == 0 and stored("K1") == "Åtgärd krävs på avdelningen"
         and stored("K1", "status") == "lost")
    case("re-import of id and status only", clean(run("--db", db, "import", partial, "--no-classify"), (0, 1))
         and stored("K0") == "Åtgärd krävs på avdelningen")
    mojibake = [dict(r, title=r["title"].encode().decode("cp1252"), description=r["description"].encode().decode("cp1252"))
                for r in base[2:3]]
    result = run("--db", db, "import", write("moji.jsonl", json.dumps(mojibake[0], ensure_ascii=False) + "\n"), "--no-classify")
    case("mojibake never overwrites good text", result[3] is None and stored("K2", "title") == "Läkemedelslistan")
    lines = [json.dumps(dict(r, id=f"U{i}"), ensure_ascii=False).encode() for i, r in enumerate(base)]
    lines[3] = lines[3].replace("Åtgärd".encode(), b"\xc5tg\xe4rd")
    result = run("--db", db, "import", write("onebyte.jsonl", b"\n".join(lines) + b"\n"), "--no-classify")
    case("one invalid UTF-8 byte: that line refused, the rest UTF-8", clean(result, (1,)) and stored("U0", "title") == "Läkemedelslistan"
         and stored("U3") is None)
    for encoding in ("utf-16", "utf-16-be", "utf-32", "utf-8-sig"):
        path = write(f"enc-{encoding}.csv", f"id;created_at;title\nE-{encoding};2025-04-28;Överföring på IVA\n".encode(encoding))
        result = run("--db", db, "import", path, "--no-classify")
        case(f"CSV in {encoding}", result[0] == 0 and stored(f"E-{encoding}", "title") == "Överföring på IVA")
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["id", "created_at", "title"])
    for i in range(12):
        sheet.append([f"DIM{i}", "2025-04-28T10:00:00", f"rad {i}"])
    plain = work / "dim-plain.xlsx"
    workbook.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(work / "dim.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="A1:C2"/>', data)
            target.writestr(item, data)
    run("--db", db, "import", str(work / "dim.xlsx"), "--no-classify")
    case("XLSX whose <dimension> understates the sheet", stored("DIM11", "title") == "rad 11")
    with zipfile.ZipFile(work / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as handle:
            chunk = b"<si><t>" + b"A" * (1 << 20) + b"</t></si>"
            for _ in range(600):
                handle.write(chunk)
    started = time.perf_counter()
    result = run("--db", db, "import", str(work / "bomb.xlsx"))
    case(f"XLSX bomb ({(work / 'bomb.xlsx').stat().st_size // 1024} kB packed, 600 MB unpacked)",
         clean(result, (1,)) and time.perf_counter() - started < 10)
    long_id = "L" * 201
    result = run("--db", db, "import", write("ids.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": long_id, "created_at": "2025-04-28", "title": "a"}, {"id": long_id[:200], "created_at": "2025-04-28", "title": "b"},
        {"id": "  K3  ", "created_at": "2025-04-28", "title": "Läkemedelslistan", "description": "Åtgärd krävs på avdelningen"},
        {"id": "D1", "created_at": "2025-04-28", "title": "first"}, {"id": "D1", "created_at": "2025-04-28", "title": "second"}])),
        "--no-classify")
    case("id over 200 characters refused", clean(result, (1,), ("200",)) and stored(long_id[:200], "title") == "b")
    case("whitespace-padded id reported", "blanksteg" in result[2])
    case("duplicate id in one file refused", "samma id" in result[2] and stored("D1", "title") == "first")
    quote_rows = ["id,created_at,title,description", 'Q0,2025-04-28,a,"öppet citat'] + [f"Q{i},2025-04-28,r{i},t" for i in range(1, 9)]
    result = run("--db", db, "import", write("quote.csv", "\n".join(quote_rows) + "\n"), "--no-classify")
    case("unterminated CSV quote reported", clean(result, (1,), ("citattecken",)))
    for value in ("19800101-0027", "198001010027", "9999-12-31", "0001-01-01", "2025-13-45", "1e9"):
        result = run("--db", db, "import", write("date.jsonl", json.dumps({"id": "DT", "created_at": value, "title": "x"}) + "\n"))
        case(f"created_at {value!r} refused", clean(result, (1,)) and stored("DT", "title") is None and "0027" not in result[2])
    (work / "dir.jsonl").mkdir()
    case("importing a directory", clean(run("--db", db, "import", str(work / "dir.jsonl")), (1,), ("mapp",)))
    for name, data in (("empty.jsonl", b""), ("blank.jsonl", b"\n \n"), ("header.csv", b"id,created_at,title\n")):
        case(f"empty file {name}", clean(run("--db", db, "import", write(name, data)), (1,), ("inga ärenden",)))
    bad = work / "many.jsonl"
    with open(bad, "w") as handle:
        for i in range(bad_lines):
            handle.write("{inte json\n" if i % 2 else "[1, 2]\n")
    result = run("--db", db, "import", str(bad))
    case(f"{bad_lines} bad lines summarised ({len(result[2].splitlines())} stderr lines)",
         clean(result, (1,)) and len(result[2].splitlines()) < 50)
    run("--db", db, "import", write("ctl.jsonl", json.dumps({"id": "CTL", "created_at": "2025-04-28", "title": "a\x1b[2J\x07b\x9b31m"}) + "\n"))
    result = run("--db", db, "list")
    case("list strips ESC, BEL and C1 controls", result[0] == 0 and not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", result[1]))
    (work / "outdir").mkdir()
    (work / "afile").write_text("x")
    texts = write("texts.jsonl", json.dumps({"id": "t", "title": "Skrivaren", "description": "skriver inte"}) + "\n")
    for label, argv in (("export --out an existing folder's file as folder", ["export", "--week", "2025-W18", "--format", "all", "--out", str(work / "afile")]),
                        ("export --out under a file", ["export", "--week", "2025-W18", "--format", "csv", "--out", str(work / "afile" / "x.csv")]),
                        ("export --format contradicting --out", ["export", "--week", "2025-W18", "--format", "md", "--out", str(work / "x.csv")]),
                        ("classify --out a folder", ["classify", texts, "--out", str(work / "outdir")]),
                        ("classify --out /dev/full", ["classify", texts, "--out", "/dev/full"]),
                        ("evaluate a folder", ["evaluate", str(work / "dir.jsonl")])):
        case(label, clean(run("--db", db, *argv)))
    case("models --activate ../planted", clean(run("--db", db, "models", "--activate", "../planted"), (1,), ("finns inte",)))
    case("models --activate /abs/path", clean(run("--db", db, "models", "--activate", str(work)), (1,), ("finns inte",)))
    from elsdesk.ml.store import parse_card, ModelError

    for card in ('[]', '{"file": "x"}', '{"quality": [1]}', '{"training": 5}', '"text"'):
        try:
            parse_card(card, "bench")
            case(f"card {card}", False)
        except ModelError:
            case(f"card {card}", True)
    ro = work / "ro.db"
    run("--db", str(ro), "import", str(good), "--no-classify")
    real_access = os.access
    os.access = lambda p, mode, *a, **k: False if str(p).startswith(str(ro)) and mode & os.W_OK else real_access(p, mode, *a, **k)
    try:
        listed = run("--db", str(ro), "list", "--json")
        case("read-only desk can be listed", listed[0] == 0 and len(listed[1].splitlines()) == len(base))
        case("read-only desk refuses a write with a message", clean(run("--db", str(ro), "import", str(good)), (4,), ("skrivskydd",)))
    finally:
        os.access = real_access
    newer = work / "newer.db"
    run("--db", str(newer), "import", str(good), "--no-classify")
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    before = newer.read_bytes()
    case("newer schema refused without writing", clean(run("--db", str(newer), "import", str(good)), (4,), ("nyare",))
         and newer.read_bytes() == before)
    return results


# -- part 3: faults ----------------------------------------------------------------------------------------------
def faults(work: Path) -> list[tuple[str, bool]]:
    work.mkdir()
    db = str(work / "desk.db")
    results = []
    rows = [{"id": f"F{i:06d}", "created_at": f"2025-04-{28 + i % 3:02d}T09:00:00", "title": f"Skrivaren skriver inte {i}",
             "description": "Etikettskrivaren på avdelningen", "module": "utskrift_hardvara", "kind": "fel"} for i in range(20)]
    source = work / "t.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    run("--db", db, "import", str(source), "--no-classify")
    out = work / "agenda.md"
    run("--db", db, "export", "--week", "2025-W18", "--format", "md", "--out", str(out))
    previous = out.read_bytes()
    import elsdesk.export as export_package
    import elsdesk.output_files as output_files

    real_writer_for = export_package.writer_for

    def failing(kind):
        def writer(data, path):
            with open(path, "w") as handle:
                handle.write("# halv")
            raise OSError(kind, os.strerror(kind), str(path))
        return writer

    for kind in (errno.ENOSPC, errno.EIO, errno.EDQUOT):
        export_package.writer_for = lambda fmt, kind=kind: failing(kind)
        try:
            result = run("--db", db, "export", "--week", "2025-W18", "--format", "md", "--out", str(out))
        finally:
            export_package.writer_for = real_writer_for
        leftovers = [p for p in work.iterdir() if ".tmp" in p.name]
        results.append((f"export hit by {errno.errorcode[kind]}: previous export kept", clean(result, (1,))
                        and out.read_bytes() == previous and not leftovers))
    real_replace = output_files.os.replace

    def refuse(a, b):
        raise PermissionError(errno.EACCES, "Permission denied", str(b))

    output_files.os.replace = refuse
    try:
        result = run("--db", db, "export", "--week", "2025-W18", "--format", "md", "--out", str(out))
    finally:
        output_files.os.replace = real_replace
    results.append(("rename refused: previous export kept", clean(result, (1,)) and out.read_bytes() == previous))
    real_fsync = output_files.os.fsync
    classified = work / "c.jsonl"
    classified.write_text("before\n")

    def eio(_fd):
        raise OSError(errno.EIO, "Input/output error")

    output_files.os.fsync = eio
    try:
        result = run("classify", str(source), "--out", str(classified))
    finally:
        output_files.os.fsync = real_fsync
    results.append(("classify hit by EIO: previous result kept", clean(result, (1,)) and classified.read_text() == "before\n"))

    big = work / "big.jsonl"
    with open(big, "w") as handle:
        for i in range(40_000):
            handle.write(json.dumps({"id": f"K{i:06d}", "created_at": "2025-04-29T10:00:00", "title": f"Kill {i}",
                                     "description": "Cosmic hänger sig"}) + "\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for attempt in range(3):
        process = subprocess.Popen([sys.executable, "-m", "elsdesk", "--db", db, "import", str(big), "--no-classify"],
                                   env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=str(ROOT))
        time.sleep(1.5 + attempt)
        process.send_signal(signal.SIGKILL)
        process.wait()
        connection = sqlite3.connect(db)
        sound = connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = connection.execute("SELECT count(*) FROM tickets WHERE external_id LIKE 'K%'").fetchone()[0]
        connection.close()
        results.append((f"SIGKILL during import #{attempt + 1}: sound, whole batches ({count} rows)", sound and count % 500 == 0))
    process = subprocess.Popen([sys.executable, "-m", "elsdesk", "--db", db, "train"], env=env, cwd=str(ROOT),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(4)
    process.send_signal(signal.SIGKILL)
    process.wait()
    result = run("--db", db, "models")
    results.append(("SIGKILL during training: next command quiet, desk sound", result[0] == 0 and result[2] == ""))
    from elsdesk.corpus import load_seed_corpus
    from elsdesk.ml.model import TicketModel
    from elsdesk.ml.store import DeskModelStore
    from elsdesk.storage import open_database

    model = TicketModel().fit(load_seed_corpus()[::15])
    errors, versions = [], []

    def train_save_activate():
        try:
            with open_database(db) as database:
                store = DeskModelStore(database)
                card = store.save(model, {"version": "20250501-120000"})
                store.activate(card["version"])
                versions.append(card["version"])
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=train_save_activate) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open_database(db) as database:
        store = DeskModelStore(database)
        loadable = all(store.load_version(v) for v in versions)
        active_ok = store.usable_active_version() == store.active_version() and store.active_version() in versions
    results.append((f"4 trainings saving the same second: {len(set(versions))} versions, all loadable",
                    not errors and len(set(versions)) == 4 and loadable and active_ok))
    with open_database(db) as database:
        with database.write() as conn:
            conn.execute("UPDATE models SET data = ? WHERE version = ?", (b"damaged", versions[-1]))
            DeskModelStore(database).repo.set_active(conn, versions[-1], [versions[-1]])
    from elsdesk.services.classification import forget_loaded_models

    forget_loaded_models()
    result = run("--db", db, "classify", str(source))
    listed = run("--db", db, "models", "--json")
    starred = [v["version"] for v in json.loads(listed[1]) if v["active"]] if listed[0] == 0 else None
    results.append(("damaged active model: shipped model used, said, not starred", result[0] == 0 and "levererade" in result[2]
                    and starred == ["shipped"]))
    return results


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    parser.add_argument("--identifiers", type=int, default=300)
    parser.add_argument("--bad-lines", type=int, default=200_000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="elsdesk-hostile-") as folder:
        work = Path(folder)
        os.environ["ELSDESK_HOME"] = str(work / "home")
        os.environ.pop("ELSDESK_DB", None)
        print(f"seed {args.seed}")
        started = time.perf_counter()
        (work / "plant").mkdir()
        planted, leaked, leaks = plant_and_scan(work / "plant", rng, args.identifiers)
        print(f"identifiers planted / found anywhere: {planted} / {leaked}   ({time.perf_counter() - started:.0f} s)")
        for written, where in leaks[:10]:
            print(f"  found {written!r} in {', '.join(where)}")
        started = time.perf_counter()
        tried = bad_inputs(work / "bad", args.bad_lines)
        print(f"bad inputs tried / handled cleanly: {len(tried)} / {sum(ok for _, ok in tried)}   ({time.perf_counter() - started:.0f} s)")
        for name, ok in tried:
            if not ok:
                print(f"  NOT handled: {name}")
        started = time.perf_counter()
        injected = faults(work / "faults")
        print(f"faults injected / survived: {len(injected)} / {sum(ok for _, ok in injected)}   ({time.perf_counter() - started:.0f} s)")
        for name, ok in injected:
            print(f"  {'ok ' if ok else 'FAILED'} {name}")


if __name__ == "__main__":
    main_bench()
