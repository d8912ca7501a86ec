"""Verbatim: semantic search over an article that answers only in the article's own words."""

__version__ = "0.1.0"
