"""CLI commands of the classifier: classify, train, evaluate, models."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ML_HANDLERS: dict = {}


def add_ml_commands(command) -> None:
    """Register the classifier commands; *command(name, help)* makes a subparser."""
    from elsdesk.cli_errors import count_value

    classify = command("classify", "klassa ärenden i en JSONL-, CSV- eller Excel-fil, med samma kolumnnamn som import"
                                   " (ingen databas behövs; med --db används databasens aktiva modell, annars den levererade)")
    classify.add_argument("file")
    classify.add_argument("--out", help="skriv resultatet till FIL: .jsonl (eller ingen filändelse) ger JSON-rader,"
                                        " .csv semikolonseparerad CSV i UTF-8 med BOM som exporten (för Excel);"
                                        " andra filändelser vägras"
                                        " (standard, och med --out -: JSON-rader på stdout). Id:n och texter maskeras som vid import")

    train = command("train", "träna om modellen på bekräftade etiketter och grundkorpusen")
    train.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    train.add_argument("--shipped", metavar="DIR", help="(utvecklare) bygg den levererade modellen i MAPP från grundkorpusen")

    evaluate = command("evaluate", "mät modellen (databasens aktiva med --db, annars den levererade) på etiketterade ärenden i en JSONL-fil")
    evaluate.add_argument("file")
    evaluate.add_argument("--json", action="store_true")

    models = command("models", "visa modellversioner, aktivera eller rulla tillbaka")
    models.add_argument("--activate", metavar="VERSION")
    models.add_argument("--rollback", action="store_true")
    models.add_argument("--json", action="store_true")

    labels = command("labels", "visa deskens modul- och typetiketter, eller lägg till en egen (superanvändare)")
    labels.add_argument("--add", choices=("module", "kind"), help="lägg till en modul eller en typ")
    labels.add_argument("--id", help="etikettens id: små bokstäver a–z, siffror och _, t.ex. vaccination")
    labels.add_argument("--sv", help="namnet på svenska")
    labels.add_argument("--en", help="namnet på engelska (standard: det svenska)")
    labels.add_argument("--covers", default="", help="vad etiketten omfattar, i ord")
    labels.add_argument("--json", action="store_true", help="skriv etiketterna som JSON")

    mistakes = command("mistakes", "troliga felmärkningar: etiketter som modellen starkt tror är fel när den tränats utan just dem (värst först)")
    mistakes.add_argument("--limit", type=count_value, default=50, metavar="ANTAL", help="högst så många (standard: 50)")
    mistakes.add_argument("--json", action="store_true", help="en JSON-rad per trolig felmärkning")

    ML_HANDLERS.update({"classify": cmd_classify, "train": cmd_train, "evaluate": cmd_evaluate, "models": cmd_models,
                        "labels": cmd_labels, "mistakes": cmd_mistakes})


def cmd_labels(args) -> int:
    from elsdesk.cli import _database
    from elsdesk.cli_errors import UsageError, command_line_values
    from elsdesk.services.labels import add_label, desk_additions, desk_taxonomy

    if args.add and not (args.id and args.sv):
        raise UsageError(f"--add behöver --id och --sv, t.ex. elsdesk labels --add {args.add} --id vaccination --sv Vaccination")
    with _database(args, existing=not args.add) as database:  # adding a label may start a desk
        if args.add:
            with command_line_values():  # every value it checks was typed on the command line
                add_label(database, args.add, args.id, args.sv, args.en, args.covers)
        taxonomy, own = desk_taxonomy(database), desk_additions(database)
    added = {item.get("id") for group in own.values() for item in group if isinstance(item, dict)}
    groups = {"module": [m for m in taxonomy.modules if not m.retired], "kind": [k for k in taxonomy.kinds if not k.retired]}
    if args.json:
        print(json.dumps({group: [{"id": label.id, "sv": label.sv, "en": label.en, "desk": label.id in added}
                                  for label in labels] for group, labels in groups.items()}, ensure_ascii=False))
        return 0
    for group, heading in (("module", "moduler"), ("kind", "typer")):
        print(f"{heading}:")
        for label in groups[group]:
            print(f"  {label.id:28} {label.sv}" + ("  (deskens egen)" if label.id in added else ""))
    return 0


def cmd_mistakes(args) -> int:
    from elsdesk.cli import _database
    from elsdesk.services.label_check import MIN_TICKETS, checkable_count, likely_mistakes

    from elsdesk.services.labels import desk_taxonomy

    with _database(args, existing=True) as database:
        found = likely_mistakes(database, limit=args.limit)
        taxonomy = desk_taxonomy(database)
        checked = checkable_count(database) if not found else 0
    fields = {"module": ("modul", taxonomy.module_name), "kind": ("typ", taxonomy.kind_name)}
    for mistake in found:
        if args.json:
            print(json.dumps({"id": mistake.external_id, "title": mistake.title, "field": mistake.field, "given": mistake.given,
                              "suggested": mistake.suggested, "given_probability": mistake.given_probability,
                              "suggested_probability": mistake.suggested_probability, "source": mistake.source},
                             ensure_ascii=False))
        else:
            field, name = fields.get(mistake.field, (mistake.field, lambda label: label))
            print(f"{mistake.external_id:14} {field:5} {name(mistake.given) or mistake.given} → {name(mistake.suggested) or mistake.suggested} "
                  f"(modellen: {mistake.given_probability:.0%} för den satta, {mistake.suggested_probability:.0%} för förslaget)"
                  f"  {mistake.title}")
    if not found and not args.json:
        from elsdesk.cli import say_none

        if checked < MIN_TICKETS:
            say_none(f"för få märkta ärenden att kontrollera: {checked} (minst {MIN_TICKETS} behövs)")
        else:
            say_none(f"inga troliga felmärkningar: modellen håller med om etiketterna på de {checked} märkta ärendena")
    return 0


def cmd_classify(args) -> int:
    from elsdesk.services.classification import classify_rows, rows_to_classify

    from elsdesk.cli import check_input_file
    from elsdesk.output_files import atomic_text_file, check_target

    if args.out == "-":
        args.out = None  # standard output, as without --out
    if args.out:
        check_target(Path(args.out))  # before any work: a folder is no place for the result
        out_format = _classify_out_format(args.out)  # nor a file whose name promises another format
    check_input_file(args.file)  # missing, a folder, unreadable: exit 2; an old .xls: exit 1
    rows = rows_to_classify(args.file)  # no row with text at all: exit 1
    model, card = _desk_or_shipped_model(args)
    _say_fallback(card)
    masked_ids: list[str] = []
    results = _with_masked_ids(classify_rows(rows, model), masked_ids)
    if not args.out:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    elif out_format == "csv":
        with atomic_text_file(args.out, encoding="utf-8-sig", newline="") as out:  # as the export: Swedish Excel
            _write_classified_csv(out, zip(rows, results), card)
    else:
        with atomic_text_file(args.out) as out:  # written whole or not at all
            for result in results:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
    _say_unclassified(args.file, [row["_line"] for row in rows if row.get("_error")])
    if masked_ids:
        print(f"{args.file}: {len(masked_ids)} id innehöll identifierare och skrivs maskerade med en kort kod"
              f" som skiljer dem åt i denna körning (t.ex. '{masked_ids[0]}'); matcha dem mot filen med radordningen",
              file=sys.stderr)
    return 0


# the line and the title (masked) name each row for a reader whose file has no ids (a new user's finding: a column
# of empty ids and decimals); certainty in the app's words beside each confidence. The JSON lines stay DESIGN.md's.
CLASSIFIED_COLUMNS = ("id", "line", "title", "module", "confidence", "certainty", "kind", "kind_confidence",
                      "kind_certainty", "module_2", "confidence_2", "module_3", "confidence_3", "error")


def _classify_out_format(path: str) -> str:
    """"csv" for a name ending in .csv, "jsonl" for .jsonl or no ending at all (a device such as
    /dev/stdout too); a usage error for any other ending (.txt, .json, .xlsx would be a lie)."""
    from elsdesk.cli_errors import UsageError

    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".jsonl", ""):
        return suffix[1:] or "jsonl"
    raise UsageError(f"{path}: classify --out skriver JSON-rader (.jsonl) eller CSV (.csv); ge filen ett av"
                     " de namnen, t.ex. etiketter.csv")


def _with_masked_ids(results, masked: list[str]):
    """*results* with ids masked as import masks them (a person's identity number may be the id), each with a
    digest keyed for this run so that two ids stay two ("[personnummer]~4d38"); the masked ids go to *masked*."""
    import secrets

    from elsdesk.services.masked_ids import masked_external_id

    key = secrets.token_bytes(32)
    for result in results:
        if isinstance(result.get("id"), str):
            shown, changed = masked_external_id(result["id"], key)
            if changed:
                result = dict(result, id=shown)
                masked.append(shown)
        yield result


def _write_classified_csv(out, classified, card: dict) -> None:
    """The (row, result) pairs of *classified* as semicolon-separated CSV, as the weekly export writes it (decimal
    commas, every text cell safe from formula injection): each row's line and masked title, so that a file without
    ids can be read beside it, how sure the model is in the app's words by *card*'s cut-offs (Hög, Medel, Låg)
    beside each confidence, and the second and third module from ``top``."""
    import csv

    from elsdesk.export import safe_cell
    from elsdesk.masking import mask
    from elsdesk.ml.confidence import rule_from_card

    modules, kinds = rule_from_card(card, "module"), rule_from_card(card, "kind")

    def certainty(rule, value):
        return "" if value is None else rule.band_name(value)

    def number(value):
        return "" if value is None else f"{value:.4f}".replace(".", ",")

    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CLASSIFIED_COLUMNS)
    for source, result in classified:
        top = (result.get("top") or [])[1:3]
        others = [cell for label, probability in top for cell in (label, number(probability))]
        others += [""] * (4 - len(others))
        confidence, kind_confidence = result.get("confidence"), result.get("kind_confidence")
        row = [result.get("id") or "", source.get("_line") or "", mask(source.get("title") or ""), result.get("module") or "",
               number(confidence), certainty(modules, confidence), result.get("kind") or "", number(kind_confidence),
               certainty(kinds, kind_confidence), *others, result.get("error") or ""]
        writer.writerow([safe_cell(cell) if isinstance(cell, str) else cell for cell in row])


def _say_unclassified(file: str, lines: list[int]) -> None:
    """Tell the person which rows had no text and were not classified (their output lines carry ``error``)."""
    if not lines:
        return
    where = ", ".join(str(line) for line in lines[:10]) + (" …" if len(lines) > 10 else "")
    rows, they = ("1 rad", "den") if len(lines) == 1 else (f"{len(lines)} rader", "de")
    print(f"elsdesk: varning: {file}: {rows} utan text klassades inte (rad {where});"
          f" i resultatet har {they} fältet error i stället för en modul", file=sys.stderr)


def _say_broken_active(database) -> None:
    """Tell the person when the desk's active version does not load (it is then not starred)."""
    from elsdesk.ml.store import SHIPPED, DeskModelStore

    store = DeskModelStore(database)
    version = store.active_version()
    if version != SHIPPED and store.usable_active_version() == SHIPPED:
        print(f"elsdesk: varning: den aktiva modellen {version} kan inte laddas ({store.broken_reason(version)});"
              " den levererade modellen används tills en annan version aktiveras", file=sys.stderr)


def _say_fallback(card: dict) -> None:
    """Tell the person when the desk's active model could not be used and the shipped one stood in."""
    if card.get("fallback_from"):
        print(f"elsdesk: varning: den aktiva modellen {card['fallback_from']} kan inte användas "
              f"({card.get('fallback_reason')}); den levererade modellen används i stället", file=sys.stderr)


def _require_desk_or_say_none_needed(args, target) -> None:
    """DeskMissingError for a desk *target* that does not exist, saying that the command (classify, evaluate) needs
    none: a tester's wrapper always gave --db, and classify was refused before any desk existed."""
    from elsdesk.cli import require_existing
    from elsdesk.cli_errors import DeskMissingError

    try:
        require_existing(target)
    except DeskMissingError as exc:
        raise DeskMissingError(f"{exc}. {args.command} behöver ingen desk: utan --db (och ELSDESK_DB) används"
                               " den levererade modellen") from exc


def _desk_or_shipped_model(args):
    """The active model of the desk given by --db or ELSDESK_DB; the shipped model when none is given."""
    from elsdesk.cli import _target
    from elsdesk.services.classification import active_model
    from elsdesk.storage import open_database

    target = _target(args)
    if target is None:
        return active_model()
    _require_desk_or_say_none_needed(args, target)
    with open_database(target) as database:
        return active_model(database)


def cmd_train(args) -> int:
    from elsdesk.cli import _database
    from elsdesk.services.classification import train_model, train_shipped_model
    from elsdesk.services.learning_curve import comparison_in_words, confirmed_tickets
    from elsdesk.swedish_count import count_of
    from elsdesk.services.permissions import TRAIN_MODEL, require

    if args.shipped:
        card = train_shipped_model(Path(args.shipped))
        quality = card["quality"]
        print(f"levererad modell {card['version']}: macro-F1 {quality['macro_f1']:.3f}, träffsäkerhet {quality['accuracy']:.3f} ({quality['method']})")
        return 0
    with _database(args, existing=True) as database:
        require(database, TRAIN_MODEL)
        result = train_model(database)
    if result.nothing_new:  # a retrain would only have copied the active version
        return _say_nothing_new(args, result.previous_version)
    evaluation = result.card.get("evaluation") or {}
    if args.json:
        print(json.dumps({"version": result.card["version"], "activated": result.activated, "previous_version": result.previous_version,
                          "confirmed": result.confirmed, "intake": result.intake, "demo": result.demo, "held_out": result.held_out,
                          "compared": evaluation.get("status") == "measured",
                          "contradicts_active": bool(evaluation.get("contradicts_active")),
                          "previous_quality": _brief(result.previous_quality), "new_quality": _brief(result.new_quality),
                          "evaluation": result.card.get("evaluation")}, ensure_ascii=False))
        return 0
    print(f"tränade version {result.card['version']} på {confirmed_tickets(result.confirmed)}"
          + (f" och {count_of(result.intake, 'etikett satt', 'etiketter satta')} vid registreringen" if result.intake else "")
          + (f" och {count_of(result.demo, 'demoärende', 'demoärenden')} med påhittade etiketter" if result.demo else "")
          + " plus grundkorpusen")
    print(comparison_in_words(evaluation))
    print(_activation_in_words(args, result, evaluation))
    if result.activated:  # a tester saw the next, unrelated import re-classify 169 older tickets without warning
        print("ärenden som bara modellen har märkt får den nya versionens förslag nästa gång desken klassar"
              " (nästa import, eller när appen startar eller byter modell)")
    return 0


def _say_nothing_new(args, active: str) -> int:
    """Tell the person that there is nothing new to learn since the *active* version, so no version was made."""
    from elsdesk.ml.store import SHIPPED

    if args.json:
        print(json.dumps({"version": None, "activated": False, "nothing_new": True, "active_version": active}, ensure_ascii=False))
        return 0
    if active == SHIPPED:
        print("inget nytt att lära: desken har inga bekräftade etiketter ännu; bekräfta etiketter i granskningskön"
              " och träna sedan. Ingen ny version skapades.")
    else:
        print(f"inget nytt att lära: inga etiketter har bekräftats sedan den aktiva versionen {active} tränades."
              " Ingen ny version skapades.")
    return 0


def _activation_in_words(args, result, evaluation: dict) -> str:
    """Whether the new version was activated and why, and how to undo or override that."""
    from elsdesk.cli import desk_option

    version, desk = result.card["version"], desk_option(args)
    compared = evaluation.get("status") == "measured"
    if result.activated and compared:
        return "aktiverad"
    if result.activated:
        return (f"aktiverad utan jämförelse, eftersom det fanns för lite att jämföra på; klassar den sämre, gå tillbaka"
                f" till {_version_words(result.previous_version)} med: elsdesk{desk} models --rollback")
    if evaluation.get("contradicts_active"):
        return (f"inte aktiverad: modellerna gick inte att jämföra, och de bekräftade etiketterna säger emot den aktiva"
                f" modellen {_version_words(result.previous_version)} på {evaluation.get('contradicted')} av {evaluation.get('n')} ärenden"
                f" där den var säker. Kontrollera etiketterna (elsdesk{desk} mistakes); stämmer de, aktivera den nya"
                f" versionen med: elsdesk{desk} models --activate {version}")
    new, active = evaluation.get("new") or {}, evaluation.get("active") or {}
    figures = (f" ({new['correct']} mot {active['correct']} av {evaluation.get('n')} rätt)"
               if "correct" in new and "correct" in active else "")
    return (f"inte aktiverad: den fick färre rätt än {_version_words(result.previous_version)}{figures}; aktiv modell"
            f" oförändrad. Aktivera den ändå med: elsdesk{desk} models --activate {version}")


def _version_words(version: str) -> str:
    """A version as a sentence names it: the shipped model by what it is, with the id `models` takes."""
    from elsdesk.domain import SHIPPED_MODEL

    return f"den levererade modellen ({SHIPPED_MODEL})" if version == SHIPPED_MODEL else str(version)


def _brief(quality):
    if not quality:
        return None
    return {k: quality.get(k) for k in ("n", "accuracy", "macro_f1", "kind_accuracy", "kind_macro_f1")}


def cmd_evaluate(args) -> int:
    from elsdesk.cli import _target, check_input_file
    from elsdesk.ml.confidence import percent
    from elsdesk.ml.evaluation import plain_summary
    from elsdesk.services.classification import evaluate_file
    from elsdesk.services.labels import desk_taxonomy
    from elsdesk.storage import open_database
    from elsdesk.taxonomy import load_taxonomy

    check_input_file(args.file)  # missing, a folder, unreadable: exit 2; an old .xls: exit 1
    target = _target(args)
    if target is None:
        report = evaluate_file(args.file)  # no desk given: the shipped model
        taxonomy = load_taxonomy()
    else:
        _require_desk_or_say_none_needed(args, target)
        with open_database(target) as database:
            report = evaluate_file(args.file, database)
            taxonomy = desk_taxonomy(database)  # a desk's own labels by their names too
    report["summary"] = plain_summary(report, taxonomy)  # a desk's own labels by their names, as in the table
    _say_unknown_labels(args.file, report["unknown_labels"], desk_given=target is not None)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    model = "den levererade modellen" if report["model_version"] == "shipped" else f"modell {report['model_version']}"
    print(f"{model}: {report['n']} ärenden, rätt modul på {percent(report['accuracy'])} %,"
          f" macro-F1 {report['macro_f1']:.3f} (medel av modulernas F1, 1 = alla rätt)")
    if report.get("kind_n"):
        print(f"typ: {report['kind_n']} ärenden med typ, rätt typ på {percent(report['kind_accuracy'])} %,"
              f" macro-F1 {report['kind_macro_f1']:.3f}")
    else:
        print("typ: inget av ärendena har en typ (kind), så typen utvärderades inte")
    print(report.get("summary", ""))
    print(f"{'modul':32} {'precision':>9} {'recall':>7} {'antal':>6}")
    for module, values in sorted(report["per_module"].items()):  # names for a person; --json keeps the ids
        print(f"{taxonomy.module_name(module) or module:32} {values['precision']:9.2f} {values['recall']:7.2f} {values['support']:6d}")
    if report.get("per_kind"):
        print(f"{'typ':32} {'precision':>9} {'recall':>7} {'antal':>6}")
        for kind, values in sorted(report["per_kind"].items()):
            print(f"{taxonomy.kind_name(kind) or kind:32} {values['precision']:9.2f} {values['recall']:7.2f} {values['support']:6d}")
    return 0


def _say_unknown_labels(path: str, unknown: list[dict], desk_given: bool) -> None:
    """On stderr, once per value: the labels evaluate left out of the scores, and where a desk's own are read."""
    by_value: dict[tuple[str, str], list[int]] = {}
    for entry in unknown:
        by_value.setdefault((entry["field"], entry["value"]), []).append(entry["line"])
    for (field, value), lines in by_value.items():
        where = f"rad {lines[0]}" if len(lines) == 1 else f"{len(lines)} rader, första rad {lines[0]}"
        left_out = "raden utvärderades inte" if field == "module" else "typen utvärderades inte för raden"
        print(f"{path}: okänd {'modul' if field == 'module' else 'typ'} '{value}' ({where}); {left_out}", file=sys.stderr)
    if by_value and not desk_given:
        print("en desks egna moduler och typer utvärderas med deskens modell: elsdesk --db DESK evaluate FIL",
              file=sys.stderr)


def cmd_models(args) -> int:
    from elsdesk.cli import _database
    from elsdesk.ml.store import SHIPPED, DeskModelStore
    from elsdesk.services.classification import activate_model, model_versions, rollback_model

    with _database(args, existing=True) as database:
        if args.activate:
            _check_version_named(database, args.activate)
            activate_model(database, args.activate)
        if args.rollback:
            before = DeskModelStore(database).active_version()
            after = rollback_model(database)
            print(f"aktiv modell: {after}" if after != before else
                  "den levererade modellen är redan aktiv; det finns ingen äldre version att gå tillbaka till")
        versions = model_versions(database)
        _say_broken_active(database)
    if args.json:
        print(json.dumps(versions, ensure_ascii=False))
        return 0
    # the id is what --activate takes ("shipped": the model that comes with the app); macro-F1 is the mean over
    # the modules of each one's F1 (not the share right: a small module weighs as much as a large one), 0-1
    print(f"  {'version (för --activate)':28} {'skapad':20} {'macro-F1':14}  tränad på")
    for v in versions:
        f1 = f"{v['macro_f1']:.3f}" if v["macro_f1"] is not None else "  –  "
        print(f"{'*' if v['active'] else ' '} {v['version']:28} {v['created'] or '':20} macro-F1 {f1}  bekräftade {v['confirmed_rows'] or 0}"
              f"{_measured_on(v)}")
    print("* = aktiv; shipped = modellen som följer med appen; macro-F1 = hur väl modulen träffas, räknat per modul och sedan i snitt, så att en liten modul väger lika mycket som en stor (0–1, 1 = alltid rätt)")
    if any(v["macro_f1"] is not None and v["version"] != SHIPPED for v in versions):
        print("macro-F1 mäts olika: den levererade modellens på grundkorpusen (korsvalidering), en omtränad modells på de"
              " nyaste bekräftade ärendena den inte tränats på; jämför två modeller med det som elsdesk train skriver.")
    return 0


def _check_version_named(database, version: str) -> None:
    """A usage error naming the desk's versions when *version* is none of them (after the role check:
    a login that may not activate hears that first)."""
    from elsdesk.cli_errors import UsageError
    from elsdesk.services.classification import model_versions
    from elsdesk.services.permissions import TRAIN_MODEL, require

    require(database, TRAIN_MODEL)
    known = [v["version"] for v in model_versions(database)]
    if version not in known:
        raise UsageError(f"--activate: modellversion {version} finns inte; deskens versioner: {', '.join(known)}")


def _measured_on(version: dict) -> str:
    """Which tickets a version's macro-F1 was measured on: the two kinds of figure are not comparable."""
    from elsdesk.ml.store import SHIPPED

    if version["macro_f1"] is None:
        return ""
    if version["version"] == SHIPPED:
        return "  (grundkorpusen)"
    return f"  (på {version['quality_n']} nya bekräftade)" if version.get("quality_n") else ""
