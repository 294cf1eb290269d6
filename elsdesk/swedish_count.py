"""A number with its Swedish noun in the singular or the plural ("1 ärende", "3 ärenden"), for every
message and listing that counts something."""

from __future__ import annotations


def count_of(count: int, one: str, many: str) -> str:
    """'1 modul', '3 moduler': the number with the Swedish singular or plural."""
    return f"{count} {one if count == 1 else many}"
