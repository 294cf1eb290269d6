"""Patterns compiled on first use (elsdesk.lazy_regex): they answer as the compiled pattern does, and
importing masking compiles none of its patterns (the window's start does not pay for them)."""

import os
import re
import subprocess
import sys

from elsdesk.lazy_regex import lazy_compile


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source = r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})"
    lazy, compiled = lazy_compile(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    text = "Möte 3.12 och 14.1, inte 2025"
    assert "compiled" not in vars(lazy)  # nothing compiled before its first use
    assert lazy.pattern == source
    assert lazy.sub("[datum]", text) == compiled.sub("[datum]", text)
    assert [m.groupdict() for m in lazy.finditer(text)] == [m.groupdict() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.split(text) == compiled.split(text)
    assert lazy.search(text).span() == compiled.search(text).span()
    assert lazy.fullmatch("3.12") and not lazy.match("x3.12")
    assert lazy.flags == compiled.flags and lazy.groupindex == compiled.groupindex
    assert lazy.search(text).re is lazy.compiled


def test_a_lazy_pattern_with_a_mistake_fails_at_its_first_use():
    broken = lazy_compile("(unclosed")
    try:
        broken.search("unclosed")
    except re.error:
        pass
    else:
        raise AssertionError("a broken pattern must fail when used")


def test_importing_masking_compiles_none_of_its_patterns():
    code = ("import elsdesk.masking as m, elsdesk.masking_names as n, elsdesk.taxonomy\n"
            "from elsdesk.lazy_regex import LazyPattern\n"
            "patterns = [p for mod in (m, n) for p in vars(mod).values() if isinstance(p, LazyPattern)]\n"
            "print(len(patterns), sum('compiled' in vars(p) for p in patterns))\n"
            "m.mask('Ring 070-123 45 67 om pat 19121212-1212, Lisa Testsson')\n"
            "print(sum('compiled' in vars(p) for p in patterns))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    patterns, compiled_at_import, compiled_after_masking = (int(word) for word in done.stdout.split())
    assert patterns >= 30
    assert compiled_at_import == 0
    assert compiled_after_masking >= 5  # those the text needs (the first look skips the rest)


def test_the_modules_of_the_window_compile_no_pattern_of_elsdesk_at_import():
    """Measured in instructions (callgrind, launch to the first rows' paint, 2026-12-07): the date and week patterns
    of elsdesk.domain (month names in three languages, case-blind) and the other modules' patterns cost 22 million of
    the start's 1,157 million; nothing before the first rows uses them. A pattern compiled at import is a
    re.Pattern at module level: none of elsdesk's modules imported by the window may hold one."""
    code = ("import re, sys\n"
            "import elsdesk.cli, elsdesk.gui.app, elsdesk.gui.main_window\n"
            "found = [f'{name}.{attr}' for name, mod in list(sys.modules.items()) if name.startswith('elsdesk')\n"
            "         for attr, value in vars(mod).items() if isinstance(value, re.Pattern)]\n"
            "print(len([n for n in sys.modules if n.startswith('elsdesk')]))\n"
            "print(' '.join(found))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    modules, compiled = done.stdout.split("\n", 1)
    assert int(modules) >= 40
    assert compiled.strip() == ""
