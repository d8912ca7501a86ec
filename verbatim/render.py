"""HTML for the results: passage cards, the results landmark, and what a search announces.

Corpus text, queries and titles are escaped (:mod:`verbatim.escaping`) before any markup
is put around them, and characters that Markdown or LaTeX would act on are turned into
entities, so no text can become a tag, a link, an image or a formula. Article links are
made only from ``http(s)`` addresses that pass a strict check.

Help (banner, strip, quiet line, topic line, medical note) lives in :mod:`verbatim.render_help`
and escaping in :mod:`verbatim.escaping`; both are re-exported here, so ``render.<name>`` keeps working.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from .escaping import _INERT, _MARKDOWN, escape, label_text, markdown_text  # noqa: F401 (re-exported)

# Re-exported: the page (app.py) and the tests call these as render.<name>.
from .render_help import (  # noqa: F401
    _CONTACT_HREF, _SEVERITY, FALLBACK_HEADLINE, FALLBACK_LINKS, PROTECTIVE, banner_resources, crisis_banner,
    fallback_banner, help_strip, language_note_html, medical_note, policy_of, quiet_line, safe_crisis_banner, strongest,
    topic_line,
)
from .safety import CrisisAlert, LevelPolicy, MedicalNote  # noqa: F401 (re-exported)
from .search import PassageHit
from .site import Article, plain


def _multiline(text: str) -> str:
    # No blank line may reach the output: it would end the HTML block in a Markdown renderer.
    return "<br>".join(escape(line) for line in text.split("\n"))


def highlighted_html(text: str, highlights: list[tuple[int, int]]) -> str:
    """Return text escaped, with each highlight span wrapped in <mark>."""
    return _inline(text, 0, len(text), _clean_spans(text, highlights))


def _clean_spans(text: str, highlights) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for s, e in sorted(tuple(h) for h in highlights or []):
        if s < pos or e > len(text) or s >= e or s < 0:
            continue  # ignore malformed or overlapping spans rather than break the card
        spans.append((s, e))
        pos = e
    return spans


def _inline(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> str:
    """text[a:b] escaped, with the parts inside highlight spans marked."""
    parts, pos = [], a
    for s, e in spans:
        s, e = max(s, a), min(e, b)
        if s >= e:
            continue
        parts.append(_multiline(text[pos:s]))
        parts.append(f"<mark>{_multiline(text[s:e])}</mark>")
        pos = e
    parts.append(_multiline(text[pos:b]))
    return "".join(parts)


# Presentation only: a list item's marker ("- ", "2. ") and a heading's "#"s are not shown,
# the words are. The text itself stays the verbatim slice.
_BULLET = re.compile(r"[ \t]*(?:([-*+•])|(\d{1,3})[.)])[ \t]+")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")


def _lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, pos = [], a
    while pos < b:
        nl = text.find("\n", pos, b)
        end = b if nl == -1 else nl
        out.append((pos, end))
        pos = end + 1
    return out


def passage_html(text: str, highlights=(), a: int = 0, b: int | None = None) -> str:
    """text[a:b] as paragraphs and lists, highlights marked, every character escaped."""
    b = len(text) if b is None else b
    spans = _clean_spans(text, highlights)
    blocks: list[str] = []
    para: list[str] = []
    items: list[list[str]] = []
    ordered = False

    def close_para():
        if para:
            blocks.append("<p>" + "<br>".join(para) + "</p>")
            para.clear()

    def close_list():
        if items:
            tag = "ol" if ordered else "ul"
            blocks.append(f"<{tag}>" + "".join("<li>" + "<br>".join(i) + "</li>" for i in items) + f"</{tag}>")
            items.clear()

    for ls, le in _lines(text, a, b):
        line = text[ls:le]
        if not line.strip():
            close_para()
            continue  # a blank line inside a list keeps the list open (a loose list)
        bullet = _BULLET.match(line)
        if bullet:
            close_para()
            is_ordered = bullet.group(2) is not None
            if items and is_ordered != ordered:
                close_list()
            ordered = is_ordered
            items.append([_inline(text, ls + bullet.end(), le, spans)])
            continue
        if items and line[:1] in " \t":  # an indented line continues the list item
            items[-1].append(_inline(text, ls + len(line) - len(line.lstrip()), le, spans))
            continue
        close_list()
        heading = _HEADING.match(line)
        if heading:
            close_para()
            blocks.append(f'<p class="vb-subhead">{_inline(text, ls + heading.end(), le, spans)}</p>')
            continue
        para.append(_inline(text, ls, le, spans))
    close_para()
    close_list()
    return "".join(blocks)


def _fold_at(text: str, fold: int | None) -> int | None:
    """The start of the first line at or after ``fold`` (a card never folds mid-line)."""
    if fold is None or fold <= 0 or fold >= len(text):
        return None
    nl = text.find("\n", fold - 1) if text[fold - 1] != "\n" else fold - 1
    if nl == -1 or not text[nl + 1:].strip():
        return None
    return nl + 1


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SAFE_URL = re.compile(r"\Ahttps?://[^\s<>\"'`\\]+\Z")


def _phrase(line: str, words: int, last: bool) -> str:
    """The first (or last) few words of a line, exactly as written (punctuation included)."""
    found = list(_WORD.finditer(line))[-words:] if last else list(_WORD.finditer(line))[:words]
    return " ".join(line[found[0].start():found[-1].end()].split()) if found else ""


def text_fragment_url(url: str, text: str, words: int = 4) -> str | None:
    """``url#:~:text=start,end``: a link that scrolls the original to this passage.

    The start and end phrases are taken from the passage's first and last lines as written
    (list markers and heading hashes left out, as the original page does not show them).
    """
    if not url or not _SAFE_URL.match(url):
        return None
    lines = [line[m.end():] if (m := (_BULLET.match(line) or _HEADING.match(line))) else line
             for line in text.split("\n") if line.strip()]
    if not lines:
        return url
    encode = lambda phrase: quote(phrase, safe="")  # noqa: E731 (commas and dashes encoded too)
    first, last = _phrase(lines[0], words, False), _phrase(lines[-1], words, True)
    base = url.split("#", 1)[0]
    if not first:
        return url
    if len(lines) == 1 and len(_WORD.findall(lines[0])) <= 2 * words:
        return f"{base}#:~:text={encode(' '.join(lines[0].split()))}"
    return f"{base}#:~:text={encode(first)},{encode(last)}"


def passage_card(hit: PassageHit, rank: int, article: Article | None = None) -> str:
    """Return one result card: section heading, the article it quotes, the verbatim passage."""
    title = plain(hit.title or (article.title if article else "") or "")
    path = [plain(h) for h in hit.heading_path if plain(h)]
    section = path[-1] if path else (title or "Passage")
    crumbs = [h for h in path[:-1] if h != title]
    where = " › ".join(escape(c) for c in [title, *crumbs] if c)
    fold = _fold_at(hit.text, hit.fold)
    body = passage_html(hit.text, hit.highlights, 0, fold)
    if fold is not None:
        body += (
            '<details class="vb-more"><summary>Show the rest of this section</summary>'
            f"{passage_html(hit.text, hit.highlights, fold)}</details>"
        )
    url = hit.url or (article.url if article else None)
    link = text_fragment_url(url, hit.text) if url else None
    original = (
        f' · <a href="{escape(link)}" target="_blank" rel="noopener noreferrer">Read in the original</a>'
        if link else ""
    )
    return (
        f'<article class="vb-card" aria-labelledby="vb-card-{rank}">'
        f'<h3 class="vb-section" id="vb-card-{rank}">{escape(section)}</h3>'
        f'<div class="vb-text">{body}</div>'
        f'<p class="vb-source">From {where or "the article"}{original}</p>'
        "</article>"
    )


def results_html(heading: str, cards: list[str], note: str = "") -> str:
    """The one results landmark: its heading (focused after a search), then the cards."""
    return (
        '<section class="vb-results" aria-labelledby="vb-results-heading">'
        f'<h2 id="vb-results-heading" class="vb-results-heading vb-about" tabindex="-1">{escape(heading)}</h2>'
        f"{note}{''.join(cards)}</section>"
    )


def missing_terms_html(terms: list[str], many: bool = False) -> str:
    """ "The article doesn't mention: X, Y" (words of the question the corpus never uses)."""
    shown = [plain(t, 60) for t in terms if plain(t, 60)]
    if not shown:
        return ""
    subject = "The articles don’t" if many else "The article doesn’t"
    return f'<p class="vb-missing">{subject} mention: {escape(", ".join(shown))}</p>'


def withheld_html(titles: list[str]) -> str:
    """Said in the main column when passages were left out because their article changed."""
    names = ", ".join(f"“{plain(t)}”" for t in titles if plain(t)) or "one article"
    return (
        '<p class="vb-withheld" role="status">Passages from '
        f"{escape(names)} were left out: the article changed since this search index was built, "
        "so its passages could no longer be quoted word for word.</p>"
    )



# --- what a result shows (decisions the page renders; no Streamlit here) -------------------


def parse_k(value, choices: tuple[int, ...], default: int) -> int:
    """``?k=`` from the URL as one of the offered counts (the next one up), else the default."""
    try:
        k = int(str(value))
    except (TypeError, ValueError):
        return default
    if k < 1:
        return default
    return next((c for c in choices if c >= k), choices[-1])


def results_heading(query: str, many: bool, no_answer: bool) -> str:
    """The results' heading, which is focused after each search."""
    if no_answer:
        return "The articles here don't cover that" if many else "This article doesn't cover that"
    return f"What the {'articles say' if many else 'article says'} about “{plain(query, 200)}”"


def announcement(passages: int, no_answer: bool, alarm: bool, collapsed: bool) -> str:
    """What the live region says when a search is done."""
    if no_answer:
        message = "Not covered: no passages found."
    else:
        count = f"{passages} passage{'s' if passages != 1 else ''}"
        message = f"{count} below, collapsed." if collapsed else f"{count} found."
    return f"Help is shown first. {message}" if alarm else message


def after_search_script(target: str, message: str, run: int) -> str:
    """Scroll to and focus ``target`` and announce ``message`` in a polite live region.

    Only fixed ids and our own message go in (json-encoded); never reader or corpus text.
    ``run`` makes each search's script new, so it runs once per search and not on other reruns.
    """
    return (
        f'<span hidden data-run="{int(run)}"></span><script>(function(){{'
        "var d=document,live=d.getElementById('vb-live');"
        "if(!live){live=d.createElement('div');live.id='vb-live';live.className='vb-sr';"
        "live.setAttribute('role','status');live.setAttribute('aria-live','polite');d.body.appendChild(live);}"
        f"var msg={json.dumps(message)},id={json.dumps(target)};"
        "live.textContent='';"
        "setTimeout(function(){live.textContent=msg;var t=d.getElementById(id);"
        "if(t){t.scrollIntoView({block:'start'});t.focus({preventScroll:true});}},120);"
        "})();</script>"
    )


# Colours meet WCAG AA (4.5:1) on their own backgrounds; text outside a box inherits the
# theme's colour, so it reads in light and dark themes alike.
PAGE_CSS = """
<style>
.vb-intro{margin:0 0 0.4rem 0;line-height:1.5}
/* The quiet help line sits in the page's top bar, so it stays one tap away however far the reader scrolls. */
.vb-quiet{position:fixed;top:0.45rem;left:1rem;right:3.5rem;z-index:1000000;margin:0;font-size:0.95rem;line-height:2.4rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.vb-quiet-link{display:inline-block;margin:0 0.5rem 0 0.25rem;padding:0.35rem 0.1rem;font-weight:600;color:inherit;text-decoration:underline}
.vb-results-heading{font-size:1.25rem;font-weight:600;margin:0.5rem 0 0.8rem 0;padding:0;overflow-wrap:anywhere;color:inherit;scroll-margin-top:4.5rem}
.vb-results-heading:focus{outline:2px solid currentColor;outline-offset:3px}
.vb-card{border:1px solid #8c939d;border-radius:8px;padding:0.9rem 1rem;margin:0 0 1rem 0;background:#ffffff;color:#1b1d21}
.vb-card .vb-section{font-size:1.05rem;font-weight:600;margin:0 0 0.5rem 0;padding:0;color:#1b1d21;line-height:1.35}
.vb-text{margin:0;border-left:3px solid #5b6b80;padding-left:0.8rem;line-height:1.55;overflow-wrap:anywhere}
.vb-text p{margin:0 0 0.6rem 0}.vb-text ul,.vb-text ol{margin:0 0 0.6rem 0;padding-left:1.3rem}
.vb-text li{margin:0.15rem 0}.vb-subhead{font-weight:600}
.vb-text mark{background:#ffe08a;color:#1b1d21;padding:0 2px;border-radius:2px}
.vb-more summary{cursor:pointer;color:#1f4f8a;font-weight:600;padding:0.3rem 0;text-decoration:underline}
.vb-source{font-size:0.85rem;color:#3d4450;margin:0.5rem 0 0 0;overflow-wrap:anywhere}
.vb-source a{color:#1f4f8a}
.vb-missing,.vb-withheld{margin:0.5rem 0 1rem 0;overflow-wrap:anywhere}
.vb-withheld{border:2px solid #8a5a00;background:#fff8e6;color:#2e1f00;border-radius:8px;padding:0.6rem 0.9rem}
.vb-crisis{border:2px solid #a4262c;background:#fff4f4;color:#3b0a0c;border-radius:8px;padding:0.7rem 0.9rem;margin-bottom:0.5rem}
[data-testid="stMainBlockContainer"]{padding-top:3.75rem}
.vb-crisis{scroll-margin-top:4.5rem}
.vb-crisis:focus{outline:3px solid #a4262c;outline-offset:2px}
.vb-crisis .vb-headline{margin:0 0 0.3rem 0;line-height:1.4}
.vb-crisis ul{margin:0;padding:0;list-style:none}.vb-crisis li{margin:0.35rem 0;line-height:1.35}
.vb-links{display:block}
.vb-call{display:inline-flex;align-items:center;min-height:44px;padding:0 0.85rem;margin:0.25rem 0.4rem 0 0;border-radius:6px;background:#a4262c;color:#ffffff !important;font-weight:600;text-decoration:none}
.vb-call:focus{outline:3px solid #1b1d21;outline-offset:2px}
.vb-small{min-height:36px;padding:0 0.6rem;margin:0.15rem 0.3rem 0.15rem 0;font-size:0.9rem}
.vb-strip{border:1px solid #a4262c;background:#fff4f4;color:#3b0a0c;border-radius:8px;padding:0.3rem 0.6rem;margin:0}
.vb-strip-text{font-weight:600;margin-right:0.3rem}
.vb-topic{border-left:4px solid #5b6b80;padding:0.3rem 0.7rem;margin:0 0 1rem 0}
.vb-medical{border:2px solid #8a5a00;background:#fff8e6;color:#2e1f00;border-radius:8px;padding:0.8rem 1rem;margin-bottom:1rem}
.vb-medical p{margin:0 0 0.3rem 0}
.vb-medical .vb-call{background:#8a1c1c}
.vb-language{border:2px solid #5b6b80;border-radius:8px;padding:0.8rem 1rem;margin-bottom:1rem}
.vb-language p{margin:0 0 0.3rem 0}
.vb-sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.vb-group{font-size:1rem;font-weight:600;margin:0.8rem 0 0.2rem 0;color:inherit}
/* On a phone the title takes two lines, not three, so help and the question box come sooner. */
@media (max-width: 640px){[data-testid="stMainBlockContainer"] h1{font-size:2rem !important;line-height:1.2 !important}}
</style>
"""
