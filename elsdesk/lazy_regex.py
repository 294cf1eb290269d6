"""Regular expressions compiled on their first use, not when their module is imported.

Masking's patterns are long: compiling them took the window's start about 50 ms, on the GUI thread,
although nothing is masked before the first rows are painted (a form, an import or the classifier
masks later, often on a worker thread). A :class:`LazyPattern` stands where the compiled pattern
stood and behaves as it does for the methods a module calls on it; after its first use each of
them is the compiled pattern's own bound method, so a call costs what it did before. A match's ``re`` is
the compiled pattern, ``.compiled`` (compare with ``is``)."""

from __future__ import annotations

import re

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split")


class LazyPattern:
    """``re.compile(pattern, flags)``, done the first time one of its methods is looked up."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern  # the source, as a compiled pattern has it (composing a larger pattern needs no compile)
        self.flags_given = flags

    def __getattr__(self, name: str):
        """Only called for what the instance does not hold yet: compile, keep the methods, answer."""
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags_given)
        self.__dict__.update({method: getattr(compiled, method) for method in _METHODS}, compiled=compiled)
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern compiled when first used (see :class:`LazyPattern`)."""
    return LazyPattern(pattern, flags)
