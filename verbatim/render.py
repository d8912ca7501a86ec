"""HTML for the page, built only from escaped text.

Corpus text, queries and even the resources config are escaped before any markup is put
around them, and characters that Markdown or LaTeX would act on are turned into entities,
so no text can become a tag, a link, an image or a formula.
"""

from __future__ import annotations

from .safety import CrisisAlert, MedicalNote
from .search import PassageHit

# One pass over the text: HTML's special characters plus those Markdown, tables and LaTeX
# (KaTeX) act on, each replaced by a numeric entity. A single str.translate cannot escape
# its own output twice.
_INERT = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'[]()*_`#!~|$\\{}"})


def escape(text: str) -> str:
    """Escape text for HTML and neutralise Markdown and LaTeX syntax."""
    return text.translate(_INERT)


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#!|~$<>"})


def markdown_text(text: str) -> str:
    """Backslash-escape text for Streamlit's Markdown elements (st.warning, st.caption…)."""
    return text.translate(_MARKDOWN)


def _multiline(text: str) -> str:
    # No blank line may reach the output: it would end the HTML block in a Markdown renderer.
    return "<br>".join(escape(line) for line in text.split("\n"))


def highlighted_html(text: str, highlights: list[tuple[int, int]]) -> str:
    """Return text escaped, with each highlight span wrapped in <mark>."""
    parts, pos = [], 0
    for s, e in sorted(highlights):
        if s < pos or e > len(text) or s >= e:
            continue  # ignore malformed or overlapping spans rather than break the card
        parts.append(_multiline(text[pos:s]))
        parts.append(f"<mark>{_multiline(text[s:e])}</mark>")
        pos = e
    parts.append(_multiline(text[pos:]))
    return "".join(parts)


def passage_card(hit: PassageHit, rank: int) -> str:
    """Return one result card: breadcrumb, verbatim passage, where it comes from."""
    crumbs = " › ".join(escape(h) for h in hit.heading_path) or escape(hit.source)
    lines = f"lines {hit.lines[0]}–{hit.lines[1]}" if hit.lines[0] else f"characters {hit.start}–{hit.end}"
    return (
        f'<article class="vb-card" aria-label="Result {rank}">'
        f'<nav class="vb-crumbs" aria-label="Section">{crumbs}</nav>'
        f'<blockquote class="vb-text">{highlighted_html(hit.text, hit.highlights)}</blockquote>'
        f'<p class="vb-source">From {escape(hit.source)}, {lines} · relevance {hit.score:.2f}</p>'
        "</article>"
    )


def crisis_banner(alert: CrisisAlert) -> str:
    """Return the help-first banner for a crisis alert."""
    items = "".join(
        f"<li><strong>{escape(r['name'])}</strong>: {escape(r['contact'])}</li>" for r in alert.resources
    )
    return (
        '<section class="vb-crisis" role="alert" aria-live="assertive">'
        f"<p><strong>{escape(alert.headline)}</strong></p><ul>{items}</ul></section>"
    )


def medical_note(note: MedicalNote) -> str:
    """Return the note shown for questions about numbness in the body."""
    return f'<section class="vb-medical" role="note"><p>{escape(note.note)}</p></section>'


PAGE_CSS = """
<style>
.vb-card{border:1px solid #c9ccd1;border-radius:8px;padding:0.9rem 1rem;margin:0 0 1rem 0;background:#ffffff;color:#1b1d21}
.vb-crumbs{font-size:0.85rem;color:#3d4450;margin-bottom:0.4rem}
.vb-text{margin:0;border-left:3px solid #5b6b80;padding-left:0.8rem;line-height:1.55;overflow-wrap:anywhere}
.vb-text mark{background:#ffe08a;color:#1b1d21;padding:0 2px;border-radius:2px}
.vb-about{font-size:0.9rem;color:#3d4450;overflow-wrap:anywhere}
.vb-source{font-size:0.8rem;color:#3d4450;margin:0.5rem 0 0 0}
.vb-crisis{border:2px solid #a4262c;background:#fff4f4;color:#3b0a0c;border-radius:8px;padding:0.8rem 1rem;margin-bottom:1rem}
.vb-crisis ul{margin:0.3rem 0 0 1.1rem}
.vb-medical{border:2px solid #8a5a00;background:#fff8e6;color:#2e1f00;border-radius:8px;padding:0.8rem 1rem;margin-bottom:1rem}
</style>
"""
