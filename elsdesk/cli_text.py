"""Swedish for argparse's own texts ("usage:", "options", "show this help message and exit", its
error messages), and Swedish help for options that were added without any.

argparse looks its texts up through the module-level ``gettext`` functions ``argparse._`` and
``argparse.ngettext`` at the moment it builds a parser, formats help or reports an error, so
:func:`swedish_argparse` swaps them for the duration of a ``with`` block and restores them after.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from typing import Iterator

SWEDISH = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "optional arguments": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "the following arguments are required: %s": "det här saknas: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj bland %(choices)s)",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "expected one argument": "ett värde behövs",
    "expected at most one argument": "högst ett värde",
    "expected at least one argument": "minst ett värde behövs",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "tvetydig flagga: %(option)s kan vara %(matches)s",
    "not allowed with argument %s": "går inte tillsammans med %s",
    "ignored explicit argument %r": "värdet %r tas inte emot här",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "okänt kommando %(parser_name)r (välj bland %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan inte öppna '%(filename)s': %(error)s",
    "unexpected option string: %s": "oväntad flagga: %s",
    "show program's version number and exit": "visa versionen och avsluta",
}
SWEDISH_PLURAL = {
    ("expected %s argument", "expected %s arguments"): ("%s värde behövs", "%s värden behövs"),
    ("conflicting option string: %s", "conflicting option strings: %s"): ("flaggan finns redan: %s", "flaggorna finns redan: %s"),
}
# Help for options that are added without any (the same flag means the same in every command).
DEFAULT_HELP = {
    "--json": "skriv resultatet som JSON",
    "--rollback": "återaktivera den föregående modellversionen",
    "--activate": "aktivera den här modellversionen",
    "--week": "ISO-vecka, t.ex. 2025-W18 eller v18 (den senaste v18)",
    "--format": "filformat (annars efter filändelsen i --out)",
    "--language": "språk i exporten: sv eller en",
}
POSITIONAL_METAVARS = {"file": ("FIL", "filen som läses")}
# What help shows as an option's value: Swedish instead of the English dest or an English word.
METAVARS = {"week": "VECKA", "module": "MODUL", "out": "FIL", "DIR": "MAPP", "ACTION": "ÅTGÄRD", "COMMAND": "KOMMANDO"}


def _swedish(text: str) -> str:
    return SWEDISH.get(text, text)


def _swedish_plural(singular: str, plural: str, n: int) -> str:
    one, many = SWEDISH_PLURAL.get((singular, plural), (singular, plural))
    return one if n == 1 else many


@contextmanager
def swedish_argparse() -> Iterator[None]:
    """argparse speaks Swedish inside the block (building a parser, printing help, parsing)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _swedish, _swedish_plural
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def fill_missing_help(parser: argparse.ArgumentParser) -> None:
    """Give every option without help the Swedish default, and positionals named in English a Swedish name."""
    for action in parser._actions:
        if isinstance(action.metavar, str) and action.metavar in METAVARS:
            action.metavar = METAVARS[action.metavar]
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                fill_missing_help(sub)
            continue
        if action.option_strings and action.metavar is None and action.choices is None and action.dest in METAVARS \
                and action.nargs != 0:
            action.metavar = METAVARS[action.dest]
        if not action.option_strings and action.dest in POSITIONAL_METAVARS and action.metavar is None:
            action.metavar, default_help = POSITIONAL_METAVARS[action.dest]
            action.help = action.help or default_help
        elif action.help is None:
            action.help = next((DEFAULT_HELP[o] for o in action.option_strings if o in DEFAULT_HELP), None)


# One or two command lines per command, shown under its --help (the README has the full list).
EXAMPLES = {
    "gui": ["elsdesk --db desk.db gui"],
    "import": ["elsdesk --db desk.db import veckans-arenden.xlsx",
               "elsdesk --db desk.db import export.csv --no-classify --no-incidents"],
    "list": ["elsdesk --db desk.db list --json --week 2025-W18 --module lakemedel"],
    "demo": ["elsdesk --db demo.db demo", "elsdesk --db desk.db demo --remove"],
    "delete": ["elsdesk --db desk.db delete ELS-000013", "elsdesk --db desk.db delete ELS-000013 ELS-000014 --yes"],
    "classify": ["elsdesk classify nya.jsonl --out etiketter.csv"],
    "train": ["elsdesk --db desk.db train"],
    "evaluate": ["elsdesk evaluate etiketterade.jsonl --json"],
    "models": ["elsdesk --db desk.db models", "elsdesk --db desk.db models --rollback"],
    "labels": ["elsdesk --db desk.db labels --add module --id vaccination --sv Vaccination"],
    "mistakes": ["elsdesk --db desk.db mistakes --json"],
    "topics": ["elsdesk --db desk.db topics --week 2025-W18 --json",
               "elsdesk --db desk.db topics --from 2025-04-28 --to 2025-05-25"],
    "export": ["elsdesk --db desk.db export --week 2025-W18 --out agenda.xlsx",
               "elsdesk --db desk.db export --week 2025-W18 --format all --out veckorapporter/",
               "elsdesk --db desk.db export --from 2025-04-28 --to 2025-05-25 --out manad.pdf",
               "elsdesk --db desk.db export --week 2025-W18 --format csv --out -"],
    "config": ["elsdesk --db desk.db config --go-live 2025-04-23"],
    "problems": ["elsdesk --db desk.db problems --json",
                 'elsdesk --db desk.db problems --id 3 --status workaround --workaround "Markera dosen och välj Signera"',
                 "elsdesk --db desk.db problems --unlink ELS-000034", "elsdesk --db desk.db problems --id 3 --link ELS-000035"],
    "incidents": ["elsdesk --db desk.db incidents --json", "elsdesk --db desk.db incidents --scan --from 2025-04-01"],
    "db": ["elsdesk --db service=elsdesk db upgrade", "elsdesk --db service=elsdesk db status --json"],
    "migrate": ["elsdesk --db desk.db migrate --to service=elsdesk --dry-run",
                "elsdesk --db avd12.db migrate --merge --to service=elsdesk"],
}


EXAMPLES_HEADING = "exempel:"


class _ExamplesAsWritten(argparse.HelpFormatter):
    """argparse's formatter, but the examples keep their lines (the description is wrapped as before)."""

    def _fill_text(self, text, width, indent):
        if text.startswith(EXAMPLES_HEADING) or f"\n{EXAMPLES_HEADING}\n" in text:  # an epilog, written as shown
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def add_examples(parser: argparse.ArgumentParser) -> None:
    """Show each command's :data:`EXAMPLES` under its --help, one command per line."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                lines = EXAMPLES.get(name)
                if lines:
                    sub.formatter_class = _ExamplesAsWritten
                    examples = EXAMPLES_HEADING + "\n" + "\n".join(f"  {line}" for line in lines)
                    # after what the command's own epilog says (import: the columns it reads), not instead of it
                    sub.epilog = f"{sub.epilog}\n\n{examples}" if sub.epilog else examples
