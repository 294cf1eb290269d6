"""The desktop GUI: the only package that imports PySide6. Widgets call services, never SQL."""
