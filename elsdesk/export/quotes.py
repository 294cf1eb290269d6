"""Ticket text fit to quote in an agenda: the problem in the caller's words, without greeting or
signature. The rules live in :mod:`elsdesk.sign_offs`, which the topic finder uses too (keywords
without a reporter's name); the export's writers and the Utbildning tab quote through here."""

from __future__ import annotations

from elsdesk.sign_offs import Quote, dropped_words, quotable, quote_of

__all__ = ["Quote", "dropped_words", "quotable", "quote_of"]
