"""Build hook: copy the top-level resources/, ui/ and models/ folders into the wheel.

They live at the top of the checkout (editable by non-programmers) and are installed inside
the package as ``elsdesk/_data/<folder>``, where :mod:`elsdesk.paths` finds them.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("resources", "ui", "models")


class BuildWithData(build_py):
    def run(self):
        super().run()
        root = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "elsdesk" / "_data"
        for name in DATA_FOLDERS:
            source = root / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithData})
