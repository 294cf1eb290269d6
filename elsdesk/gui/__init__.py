"""The desktop GUI: the only package that imports PySide6. Widgets call services, never SQL."""

from elsdesk.gui.feature_check import install as _quick_feature_check

_quick_feature_check()  # before the GUI's own modules are imported (elsdesk.gui.feature_check)
