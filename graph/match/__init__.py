"""Match: run the rules over one article's text and yield its mentions, relations, events, dates and quotations (an Extraction)."""

from graph.match.extract import extract

__all__ = ["extract"]
