"""Use-case functions called the same way by the CLI and the GUI (one function per use case)."""
