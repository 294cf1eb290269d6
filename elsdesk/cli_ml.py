"""CLI commands of the classifier, topics and exports (added as those capabilities land)."""

from __future__ import annotations

ML_HANDLERS: dict = {}


def add_ml_commands(command) -> None:
    """Register the ML commands on the CLI parser; *command* makes a subparser."""
