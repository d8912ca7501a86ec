"""Read source files into documents: text plus heading, paragraph and list-item blocks.

Every block is a span of the file's own text (``text[start:end]``), so everything built
from blocks can be traced back to the exact characters of the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from .config import EMBED_BYTES_PER_SECOND, MAX_SOURCE_BYTES
from .errors import SourceFileError

BlockKind = Literal["heading", "paragraph", "list_item"]


@dataclass(frozen=True)
class Block:
    """A heading, paragraph or list item: ``text[start:end]`` of its document."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0  # heading level (1 = title); 0 for other blocks
    title: str = ""  # heading text without its Markdown markers
    starts_list: bool = False  # first item of a list


@dataclass
class Document:
    """One source file: its name relative to the corpus, its text and its blocks."""

    source: str
    text: str
    blocks: list[Block] = field(default_factory=list)
    # HTML blocks are separated by markup, so a passage never spans two of them.
    mergeable: bool = True
    _line_starts: list[int] | None = field(default=None, repr=False, compare=False)

    def line_starts(self) -> list[int]:
        """Return the offset at which each line begins."""
        if self._line_starts is None:
            self._line_starts = _line_starts(self.text)
        return self._line_starts

    def headings(self) -> list[tuple[int, str]]:
        """Return (level, title) for every heading, in order."""
        return [(b.level, b.title) for b in self.blocks if b.kind == "heading"]


def read_source(path: Path, name: str | None = None) -> str:
    """Return a source file's text exactly as stored (no newline translation)."""
    label = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            minutes = max(1, round(size / EMBED_BYTES_PER_SECOND / 60))
            raise SourceFileError(
                f"{label}: {size:,} bytes is larger than the {MAX_SOURCE_BYTES:,}-byte limit for one "
                f"source file (embedding it would take about {minutes} minutes); split it into articles."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceFileError(f"{label}: file disappeared while reading; run the build again.") from None
    except IsADirectoryError:
        raise SourceFileError(f"{label}: is a directory, not a file.") from None
    except PermissionError:
        raise SourceFileError(f"{label}: permission denied; make it readable.") from None
    if b"\x00" in data[:8192]:
        raise SourceFileError(f"{label}: looks like a binary file; remove it from the corpus.")
    try:
        # newline="" semantics: offsets must index the file's own characters, \r\n included.
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise SourceFileError(
            f"{label}: is not valid UTF-8 (byte {e.start}); re-save it as UTF-8."
        ) from None


def load_document(path: Path, name: str | None = None) -> Document:
    """Load one source file (any suffix in LOADERS) into a Document."""
    label = name or path.name
    suffix = path.suffix.lower()
    parse = LOADERS.get(suffix)
    if parse is None:
        raise SourceFileError(f"{label}: unsupported file type {suffix!r}; use one of {', '.join(LOADERS)}.")
    doc = parse(read_source(path, label), label)
    if not any(b.kind != "heading" for b in doc.blocks):
        raise SourceFileError(f"{label}: has no text to index; add content or remove the file.")
    return doc


# --- helpers shared by the parsers -------------------------------------------------

_WORD = re.compile(r"\w")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink [start, end) to exclude surrounding whitespace; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not _WORD.search(text, start, end):
        return None
    return start, end


def _line_starts(text: str) -> list[int]:
    """Offsets where each line begins, splitting on \\r\\n, \\r or \\n as parsers do."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return starts


# --- Markdown -------------------------------------------------------------------------


@cache
def _markdown_parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


def _without_front_matter(text: str) -> str:
    """The text with a YAML front matter block (title:, url: …) blanked, lines kept, so it is
    never a passage or a heading while every offset still points into the file."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    return re.sub(r"[^\n]", " ", m.group()) + text[m.end():]


def parse_markdown(text: str, source: str = "<text>") -> Document:
    """Parse Markdown with markdown-it-py; blocks come from its source line maps."""
    tokens = _markdown_parser().parse(_without_front_matter(text))
    starts = _line_starts(text) + [len(text)]

    def span(line_from: int, line_to: int) -> tuple[int, int] | None:
        return _trimmed(text, starts[line_from], starts[min(line_to, len(starts) - 1)])

    blocks: list[Block] = []
    for i, tok in enumerate(tokens):
        if tok.level != 0 or tok.nesting == -1 or tok.map is None:
            continue
        if tok.type == "heading_open":
            s = span(*tok.map)
            title = tokens[i + 1].content.strip() if i + 1 < len(tokens) else ""
            if s and title:
                blocks.append(Block("heading", *s, level=int(tok.tag[1]), title=title))
            elif s:  # an empty heading ("#") is not a heading a reader could follow
                continue
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            first = True
            depth = 0
            for item in tokens[i + 1 :]:
                depth += item.nesting
                if depth < 0:
                    break
                if item.type == "list_item_open" and item.level == 1 and item.map:
                    s = span(*item.map)
                    if s:
                        blocks.append(Block("list_item", *s, starts_list=first))
                        first = False
        elif tok.type == "hr":
            continue
        else:  # paragraph, blockquote, fenced or indented code, HTML block, table
            s = span(*tok.map)
            if s:
                blocks.append(Block("paragraph", *s))
    return Document(source, text, blocks)


# --- plain text -----------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·*-]|\d{1,3}[.)])\s+\S")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into is it of on or the to with vs via if so".split()
)
_GLUE_MARKERS = re.compile(r".*\b(?:Thumbnail|Background Image)$")


@cache
def _boilerplate() -> re.Pattern[str]:
    lines = resources.files("verbatim.data").joinpath("boilerplate.txt").read_text("utf-8")
    patterns = [ln.strip() for ln in lines.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def _is_title_case(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    if not words or not words[0][0].isupper():
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() for w in significant)


def _heading_level(line: str, seen_title: bool) -> int:
    """0 if ``line`` (a standalone line) is not a heading, else its level."""
    if len(line) > 120 or len(line.split()) > 16 or _BULLET.match(line):
        return 0
    if line.endswith("?") and line[0].isupper():
        return 3  # question headings: "What Causes Emotional Numbness?"
    if line[-1] in ".,;:!" and not _is_title_case(line):
        return 0
    if not _is_title_case(line) or len(line.split()) < 2 and seen_title:
        return 0
    return 2 if seen_title else 1


def parse_plain_text(text: str, source: str = "<text>") -> Document:
    """Parse plain text scraped from a page.

    Headings are standalone short lines: the first title-case line is the title (level 1),
    question lines are level 3, other title-case lines are sections (level 2). Bulleted
    lines are list items; an indented line under an item continues it. Page chrome listed
    in ``data/boilerplate.txt`` is skipped.
    """
    starts = _line_starts(text)
    ends = [starts[i + 1] if i + 1 < len(starts) else len(text) for i in range(len(starts))]
    lines = [text[s:e].rstrip("\r\n") for s, e in zip(starts, ends)]
    chrome = _boilerplate()
    blank = [not ln.strip() for ln in lines]

    blocks: list[Block] = []
    seen_title = False
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i].strip()
        if blank[i]:
            i += 1
            continue
        if chrome.fullmatch(line):
            i += 1
            if _GLUE_MARKERS.fullmatch(line):
                while i < n and not blank[i] and not _BULLET.match(lines[i]):
                    i += 1
            continue
        standalone = (i + 1 >= n or blank[i + 1]) and (i == 0 or blank[i - 1] or chrome.fullmatch(lines[i - 1].strip()))
        level = _heading_level(line, seen_title) if standalone else 0
        if level:
            s = _trimmed(text, starts[i], ends[i])
            if s:
                blocks.append(Block("heading", *s, level=level, title=line))
                seen_title = True
            i += 1
            continue
        if _BULLET.match(lines[i]):
            first = not blocks or blocks[-1].kind != "list_item" or blank[i - 1]
            indent = len(lines[i]) - len(lines[i].lstrip())
            j = i + 1
            # An item runs on over lines indented deeper than its bullet.
            while j < n and not blank[j] and not _BULLET.match(lines[j]) and (
                len(lines[j]) - len(lines[j].lstrip()) > indent
            ):
                j += 1
            s = _trimmed(text, starts[i], ends[j - 1])
            if s:
                blocks.append(Block("list_item", *s, starts_list=first))
            i = j
            continue
        j = i + 1
        while j < n and not blank[j] and not _BULLET.match(lines[j]) and not chrome.fullmatch(lines[j].strip()):
            j += 1
        s = _trimmed(text, starts[i], ends[j - 1])
        if s:
            blocks.append(Block("paragraph", *s))
        i = j
    return Document(source, text, blocks)


# --- HTML -----------------------------------------------------------------------------

_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "dd", "dt")


def parse_html(text: str, source: str = "<text>") -> Document:
    """Parse HTML with BeautifulSoup (html.parser keeps each tag's source position).

    A block is the inner source of a leaf block element (h1–h6, p, li, …); its offsets
    point into the HTML file itself.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    starts = _line_starts(text)
    blocks: list[Block] = []
    for el in soup.find_all(_HTML_BLOCKS):
        if el.find(_HTML_BLOCKS) is not None or el.sourceline is None:
            continue  # only leaf blocks: a <li> holding <p>s is represented by the <p>s
        if el.find_parent(("script", "style", "nav", "header", "footer", "template")):
            continue
        open_at = starts[el.sourceline - 1] + el.sourcepos
        inner_start = text.find(">", open_at) + 1
        close = re.compile(rf"</{el.name}\s*>", re.IGNORECASE).search(text, inner_start)
        inner_end = close.start() if close else len(text)
        s = _trimmed(text, inner_start, inner_end)
        if not s:
            continue
        name = el.name
        if name[0] == "h" and name[1:].isdigit():
            title = " ".join(el.get_text(" ").split())
            blocks.append(Block("heading", *s, level=int(name[1]), title=title))
        elif name == "li":
            prev = el.find_previous_sibling("li")
            blocks.append(Block("list_item", *s, starts_list=prev is None))
        else:
            blocks.append(Block("paragraph", *s))
    blocks.sort(key=lambda b: b.start)
    # Unclosed tags in broken HTML would run to the end of the file: stop each block where
    # the next one starts, so no character belongs to two blocks.
    clipped: list[Block] = []
    for i, b in enumerate(blocks):
        end = min(b.end, blocks[i + 1].start) if i + 1 < len(blocks) else b.end
        if clipped and b.start < clipped[-1].end:
            continue
        s = _trimmed(text, b.start, end)
        if s:
            clipped.append(Block(b.kind, *s, level=b.level, title=b.title, starts_list=b.starts_list))
    return Document(source, text, clipped, mergeable=False)


# --- formats ----------------------------------------------------------------------------
# A new format is one parser (text, source name) -> Document and one row here.
LOADERS: dict[str, Callable[[str, str], Document]] = {
    ".md": parse_markdown,
    ".markdown": parse_markdown,
    ".txt": parse_plain_text,
    ".html": parse_html,
    ".htm": parse_html,
}
