"""CLI command ``incidents``: list possible, confirmed and dismissed incidents (bursts of similar
tickets from several units), and scan a span of days for new ones."""

from __future__ import annotations

import json
import sys

STATUS_HEADINGS = (("open", "Möjliga incidenter"), ("confirmed", "Bekräftade incidenter"), ("dismissed", "Avfärdade incidenter"))


def add_incident_commands(command) -> None:
    from elsdesk.cli_errors import day_value

    incidents = command("incidents", "visa möjliga, bekräftade och avfärdade incidenter (många liknande ärenden"
                                     " från flera enheter inom några timmar), eller leta efter nya")
    incidents.add_argument("--scan", action="store_true",
                           help="leta efter nya möjliga incidenter först (hela desken, eller dagarna --from till --to)")
    incidents.add_argument("--from", dest="start", metavar="DATUM", type=day_value,
                           help="med --scan: första dagen, t.ex. 2027-03-15 eller 15.03.2027 (standard: deskens äldsta ärende)")
    incidents.add_argument("--to", dest="end", metavar="DATUM", type=day_value,
                           help="med --scan: sista dagen, med hela dagen (standard: deskens nyaste ärende)")
    incidents.add_argument("--json", action="store_true",
                           help="en JSON-rad per incident för andra program (status: open = möjlig, confirmed = bekräftad,"
                                " dismissed = avfärdad; tickets: ärendenas id)")


def cmd_incidents(args) -> int:
    from elsdesk.cli import _database
    from elsdesk.cli_errors import UsageError, check_span
    from elsdesk.services.incidents import all_incidents, scan_summary
    from elsdesk.services.surges import scan_days

    if (args.start or args.end) and not args.scan:
        raise UsageError("--from och --to hör till --scan: elsdesk incidents --scan --from DATUM --to DATUM")
    first, last = args.start, args.end  # days (argparse read them)
    if first and last:
        check_span(first, last)
    with _database(args, existing=True) as database:
        summary = None
        if args.scan:
            summary = scan_summary(scan_days(database, first, last)) or "inga nya möjliga incidenter"
        incidents = all_incidents(database)
        tickets = _external_ids(database, incidents) if args.json else {}
    if summary:
        print(f"sökning: {summary}", file=sys.stderr if args.json else sys.stdout)
    if args.json:
        for incident in incidents:
            print(json.dumps(_incident_json(incident, tickets[incident.id]), ensure_ascii=False))
    else:
        _print_incidents(incidents, scanned=args.scan)
    return 0


def _external_ids(database, incidents) -> dict[int, list[str]]:
    """incident id -> the ids (external) of its tickets, oldest first."""
    from elsdesk.services.incidents import incident_ticket_ids
    from elsdesk.storage import TicketRepository

    repo = TicketRepository(database)
    return {incident.id: [t.external_id for t in repo.fetch_many(incident_ticket_ids(database, incident.id))]
            for incident in incidents}


def _incident_json(incident, tickets: list[str]) -> dict:
    return {"id": incident.id, "status": incident.status, "label": incident.label, "first_at": incident.first_at,
            "last_at": incident.last_at, "detected_at": incident.detected_at, "ticket_count": incident.ticket_count,
            "units": list(incident.units), "tickets": tickets}


def _print_incidents(incidents, scanned: bool = False) -> None:
    """Each status under its heading, one incident a line (its number is what to name to a colleague),
    its units on the line below; nothing from a ticket may steer the terminal. After a scan (*scanned*)
    an empty desk is not told to scan."""
    from elsdesk.plain_text import printable
    from elsdesk.services.incidents import time_span_text

    if not incidents:
        from elsdesk.cli import say_none

        say_none("inga incidenter än" if scanned else "inga incidenter än (leta med: elsdesk incidents --scan)")
        return
    for status, heading in STATUS_HEADINGS:
        listed = [i for i in incidents if i.status == status]
        if not listed:
            continue
        print(f"{heading} ({len(listed)})")
        for incident in listed:
            units = len(incident.units)
            print(f"{incident.id:5d}  {time_span_text(incident.first_at, incident.last_at)}  "
                  f"{incident.ticket_count} ärenden från {units} {'enhet' if units == 1 else 'enheter'}  "
                  f"{printable(incident.label, keep_newlines=False)}")
            print(f"       enheter: {printable(', '.join(incident.units), keep_newlines=False)}")


INCIDENT_HANDLERS = {"incidents": cmd_incidents}
