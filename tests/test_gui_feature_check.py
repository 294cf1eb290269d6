"""Shiboken's import hook answered without reading sources (elsdesk.gui.feature_check): the answers are PySide's
own for every module it answers, unknown modules still go to PySide's check, and the GUI installs it before its
own modules are imported."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import elsdesk.cli  # noqa: F401 - names PySide6 in a comment: PySide's own check and the quick one answer differently
import elsdesk.gui  # noqa: F401 - installs the quick check
from elsdesk.gui.feature_check import install, known_use

feature = sys.modules.get("shibokensupport.feature")
pytestmark = pytest.mark.skipif(feature is None or not hasattr(feature, "_mod_uses_pyside"),
                                reason="this PySide has no feature hook to answer")


@pytest.mark.parametrize("name, uses", [
    ("elsdesk.gui.main_window", True), ("elsdesk.gui", True), ("elsdesk.services.topics", False), ("elsdesk", False),
    ("json", False), ("concurrent.futures.thread", False), ("sklearn.svm._classes", False), ("scipy.sparse", False),
    ("psycopg.pq", False), ("someones_plugin", None), ("elsdeskish", None),
])
def test_known_use(name, uses):
    assert known_use(name) is uses


def test_the_quick_check_is_installed_once_and_keeps_pysides_own_for_the_rest():
    check = feature._mod_uses_pyside
    assert getattr(check, "_elsdesk_quick", False), "elsdesk.gui installs it on import"
    assert install() is False, "a second install leaves it as it is"
    unknown = types.ModuleType("someones_plugin")  # no source: PySide's own check says it does not use PySide6
    assert check(unknown) is check.__wrapped__(unknown) is False
    sourceless = types.ModuleType("scipy.not_on_disk")
    assert check(sourceless) is False


def test_its_answers_are_pysides_own_for_the_modules_loaded():
    check = feature._mod_uses_pyside
    answered = [module for name, module in list(sys.modules.items())
                if isinstance(module, types.ModuleType) and known_use(name) is False]
    assert len(answered) > 100
    differ = [module for module in answered if check.__wrapped__(module) != check(module)]
    # PySide's check looks for the word in the source: an elsdesk module outside the GUI may name PySide6 in a comment
    # (elsdesk.cli does) without importing it, which import-linter checks
    assert all(module.__name__.startswith("elsdesk.") and not _imports_pyside(module) for module in differ), differ
    gui = [module for name, module in list(sys.modules.items()) if name.startswith("elsdesk.gui.")
           and "PySide6" in (getattr(module, "__file__", None) and open(module.__file__, encoding="utf-8").read() or "")]
    assert gui and all(check(module) and check.__wrapped__(module) for module in gui)


def _imports_pyside(module) -> bool:
    with open(module.__file__, encoding="utf-8") as source:
        return any(line.lstrip().startswith(("import PySide6", "from PySide6")) for line in source)


def test_the_gui_installs_it_before_its_own_modules():
    code = ("import sys, elsdesk.gui; f = sys.modules['shibokensupport.feature']; "
            "print(getattr(f._mod_uses_pyside, '_elsdesk_quick', False)); import elsdesk.gui.main_window; "
            "print(sorted({v for k, v in f.pyside_feature_dict.items() if k.startswith('elsdesk.gui.')}), "
            "sum(k.startswith('elsdesk.gui.') for k in f.pyside_feature_dict))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "True", "installed by the package, before any GUI module"
    values, count = out[1].rsplit(" ", 1)
    assert values == "[0]" and int(count) >= 5, out
