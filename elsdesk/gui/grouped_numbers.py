"""Counts as the window writes them: thousands apart with a space in Swedish ("1 200"), a comma in English."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number(value: int, space: str = "\u00a0") -> str:
    """*value* with its thousands apart: "1 200" (*space* between them) in Swedish, "1,200" in the English UI (it
    said "1 200 made-up tickets" in English, an English-UI tester)."""
    if QLocale().language() == QLocale.English:
        return f"{value:,}"
    return f"{value:,}".replace(",", space)
