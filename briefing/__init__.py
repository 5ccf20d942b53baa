"""Briefing: read, print and present briefing decks of flip cards."""

__version__ = "0.1.0"
