"""Escaping: text made inert for HTML, Markdown and LaTeX before any markup goes around it."""

from __future__ import annotations

from .site import plain

# One pass over the text: HTML's special characters plus those Markdown, tables and LaTeX
# (KaTeX) act on, each replaced by a numeric entity. A single str.translate cannot escape
# its own output twice.
_INERT = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'[]()*_`#!~|$\\{}"})


def escape(text: str) -> str:
    """Escape text for HTML and neutralise Markdown and LaTeX syntax."""
    return str(text).translate(_INERT)


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#!|~$<>:-+=.&"})


def markdown_text(text: str) -> str:
    """Backslash-escape text for Streamlit's Markdown elements (st.warning, st.caption…)."""
    return str(text).translate(_MARKDOWN)


def label_text(text: str, limit: int = 200) -> str:
    """A heading or file name as a button label: one line of plain text, Markdown escaped."""
    return markdown_text(plain(text, limit))
