"""PySide's import hook, made quick for the modules whose answer is known.

Once PySide6 is imported, each later import passes through shiboken's hook, which asks of every new module whether
it uses PySide6 by reading its whole source (``inspect.getsource``), so that ``from __feature__ import snake_case``
can apply to it. The answer only sets that module's default: "no feature" when it uses PySide6, "ignore" when it does
not; elsdesk uses no feature. Reading the sources took the CPU of importing the main window's modules after PySide6
from 87 to 103 ms (a quiet machine, ten runs each), and of scikit-learn's and SciPy's, which the model loads in the
background while the GUI thread waits for the GIL, from 1.31 to 1.49 s. In the app the command line imports most of
elsdesk before PySide6, and about 90 modules pass through the hook on the GUI thread before the model is ready; the
whole start moves by less than its noise (bench/bench_startup.py).

:func:`install` answers without reading for elsdesk's own modules (only ``elsdesk.gui`` imports PySide6, which
import-linter checks; a GUI module that does not is answered "no feature", which is what it runs with either way, and
a module outside the GUI that names PySide6 in a comment, as ``elsdesk.cli`` does, "ignore", which it is), the
standard library and the numerical, machine-learning and database packages, with the answer PySide's check gives
them, and leaves every other module to that check. (``elsdesk.cli`` already imports the desk's storage before Qt for
the same reason.)
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - loads shiboken's import hook, which install() speeds up

# packages that never use PySide6 (none holds the word "PySide6" in its sources)
_WITHOUT_QT = frozenset((
    "numpy", "scipy", "sklearn", "joblib", "threadpoolctl", "psycopg", "psycopg_binary", "psycopg_pool", "openpyxl",
    "et_xmlfile", "snowballstemmer", "platformdirs", "typing_extensions",
))
_QUICK = "_elsdesk_quick"


def known_use(name: str) -> bool | None:
    """Whether the module called *name* uses PySide6, when that is known without reading it; None otherwise."""
    if name == "elsdesk" or name.startswith("elsdesk."):
        return name == "elsdesk.gui" or name.startswith("elsdesk.gui.")
    top = name.partition(".")[0]
    if top in sys.stdlib_module_names or top in _WITHOUT_QT:
        return False
    return None


def install() -> bool:
    """Answer shiboken's question from :func:`known_use` where it can (once per process); False when this PySide has
    no such hook, which is then left as it is."""
    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None or getattr(check, _QUICK, False):
        return False

    def uses_pyside(module) -> bool:
        known = known_use(getattr(module, "__name__", None) or "")
        return check(module) if known is None else known

    setattr(uses_pyside, _QUICK, True)
    uses_pyside.__wrapped__ = check
    feature._mod_uses_pyside = uses_pyside
    return True
