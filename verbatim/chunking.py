"""Cut documents into passages by heading, each a verbatim span within the model's window.

A passage is one or more consecutive blocks of one section. Blocks are packed up to
``SOFT_PASSAGE_CHARS``; a list stays with the sentence that introduces it while the whole
fits in ``MAX_TOKENS``. Anything too long is split at list-item, then sentence, then word
boundaries (a single overlong "word" is cut by characters, the only case that is not a
word boundary), so no passage with its heading context exceeds the model's window.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .config import MAX_TOKENS, SOFT_PASSAGE_CHARS
from .loading import Block, Document

TokenCounter = Callable[[str], int]

# Keep the heading context short enough that body text always has room in the window.
_MAX_CONTEXT_CHARS = 160
_LIST_MARKER = re.compile(r"(?:[-*+•●▪◦‣∙·]|\d{1,3}[.)])\s+")
# A sentence ends at . ! ? or … (with closing quotes or brackets) followed by whitespace.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")


@dataclass(frozen=True)
class Passage:
    """A verbatim span of a source file: ``source_text[start:end] == text``."""

    source: str
    start: int
    end: int
    text: str
    heading_path: tuple[str, ...]
    # Sentences and list items, as (start, end) offsets within ``text``.
    units: tuple[tuple[int, int], ...]
    lines: tuple[int, int] = (0, 0)  # first and last line in the source, counting from 1

    @property
    def context(self) -> str:
        """Return the heading context embedded with the passage."""
        return heading_context(self.heading_path)

    def embedding_text(self) -> str:
        """Return the text the model embeds: heading context, then the passage."""
        return f"{self.context}\n{self.text}" if self.context else self.text


def heading_context(heading_path: tuple[str, ...]) -> str:
    """Return the headings below the title, most specific last, capped in length."""
    parts = heading_path[1:] or heading_path
    context = " › ".join(parts)
    return context[-_MAX_CONTEXT_CHARS:]


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences and lines, dropping list markers."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\r\n]+", text[start:end]):
        ls, le = start + line.start(), start + line.end()
        while ls < le and text[ls].isspace():
            ls += 1
        marker = _LIST_MARKER.match(text, ls, le)
        if marker:
            ls = marker.end()
        cursor = ls
        for m in _SENTENCE_END.finditer(text, ls, le):
            spans.append((cursor, m.end()))
            cursor = m.end()
        spans.append((cursor, le))
    stripped = (_strip(text, s, e) for s, e in spans)
    return [(s, e) for s, e in stripped if s < e and any(c.isalnum() for c in text[s:e])]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    glue: bool  # prefer to stay in the same passage as the piece before


class Chunker:
    """Split documents into passages; ``count_tokens`` is the model's own tokenizer."""

    def __init__(
        self,
        count_tokens: TokenCounter,
        max_tokens: int = MAX_TOKENS,
        soft_chars: int = SOFT_PASSAGE_CHARS,
    ) -> None:
        self.count_tokens = count_tokens
        self.max_tokens = max_tokens
        self.soft_chars = soft_chars

    def chunk(self, doc: Document) -> list[Passage]:
        """Return the document's passages in document order."""
        passages: list[Passage] = []
        path: list[tuple[int, str]] = []
        section: list[Block] = []
        for block in doc.blocks:
            if block.kind == "heading":
                passages.extend(self._section(doc, section, path))
                section = []
                while path and path[-1][0] >= block.level:
                    path.pop()
                path.append((block.level, block.title))
            else:
                section.append(block)
        passages.extend(self._section(doc, section, path))
        return passages

    # -- internals --------------------------------------------------------------------

    def _fits(self, context: str, text: str) -> bool:
        # Every token costs at least one character, so short text needs no tokenizer call.
        if len(context) + len(text) + 3 <= self.max_tokens // 2:
            return True
        return self.count_tokens(f"{context}\n{text}" if context else text) <= self.max_tokens

    def _section(
        self, doc: Document, blocks: list[Block], path: list[tuple[int, str]]
    ) -> Iterator[Passage]:
        if not blocks:
            return
        heading_path = tuple(title for _, title in path)
        context = heading_context(heading_path)
        text = doc.text
        pieces = list(self._pieces(text, blocks, context))
        current: tuple[int, int] | None = None
        for piece in pieces:
            if current is not None and doc.mergeable:
                s, e = current[0], piece.end
                merged = text[s:e]
                if (piece.glue or len(merged) <= self.soft_chars) and self._fits(context, merged):
                    current = (s, e)
                    continue
            if current is not None:
                yield self._passage(doc, current, heading_path)
            current = (piece.start, piece.end)
        if current is not None:
            yield self._passage(doc, current, heading_path)

    def _pieces(self, text: str, blocks: list[Block], context: str) -> Iterator[_Piece]:
        previous: Block | None = None
        for block in blocks:
            glue = block.kind == "list_item" and previous is not None and (
                not block.starts_list
                or (previous.kind == "paragraph" and text[: previous.end].rstrip().endswith(":"))
            )
            previous = block
            if self._fits(context, text[block.start : block.end]):
                yield _Piece(block.start, block.end, glue)
                continue
            for k, (s, e) in enumerate(self._split_long(text, block.start, block.end, context)):
                yield _Piece(s, e, glue and k == 0)

    def _split_long(self, text: str, start: int, end: int, context: str) -> Iterator[tuple[int, int]]:
        """Split an overlong block at sentences, then words, then characters."""
        for s, e in _cover(text, start, end, sentence_spans(text, start, end)):
            if self._fits(context, text[s:e]):
                yield s, e
                continue
            words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[s:e])]
            cur: tuple[int, int] | None = None
            for ws, we in ((s + a, s + b) for a, b in words):
                if cur and self._fits(context, text[cur[0] : we]):
                    cur = (cur[0], we)
                    continue
                if cur:
                    yield cur
                if self._fits(context, text[ws:we]):
                    cur = (ws, we)
                else:
                    yield from self._split_chars(text, ws, we, context)
                    cur = None
            if cur:
                yield cur

    def _split_chars(self, text: str, start: int, end: int, context: str) -> Iterator[tuple[int, int]]:
        while start < end:
            lo, hi = start + 1, end  # largest cut that fits, by binary search
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if self._fits(context, text[start:mid]):
                    lo = mid
                else:
                    hi = mid - 1
            yield start, lo
            start = lo

    def _passage(self, doc: Document, span: tuple[int, int], heading_path: tuple[str, ...]) -> Passage:
        s, e = span
        units = tuple((a - s, b - s) for a, b in sentence_spans(doc.text, s, e)) or ((0, e - s),)
        starts = doc.line_starts()
        lines = (bisect_right(starts, s), bisect_right(starts, max(s, e - 1)))
        return Passage(doc.source, s, e, doc.text[s:e], heading_path, units, lines)


def _cover(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretch sentence spans so together they cover [start, end) with no gaps."""
    if not spans:
        return [(start, end)]
    out = []
    for i, (s, e) in enumerate(spans):
        s = start if i == 0 else out[-1][1]
        e = end if i == len(spans) - 1 else e
        out.append((s, e))
    stripped = (_strip(text, s, e) for s, e in out)
    return [(s, e) for s, e in stripped if s < e]
