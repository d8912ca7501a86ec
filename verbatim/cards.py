"""Section cards: the contiguous verbatim span a result shows, and the sentences it highlights.

A card shows its section's passages around the best one, joined only where blank space lies
between them in the source file as indexed, so the text is always one verbatim slice.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from .chunking import Passage
from .freshness import SourceReader
from .index import LoadedIndex
from .ranking import card_window, question_similarity
from .results import PassageHit

# A card shows its section's passages around the best one, up to this many characters and
# within this score of the best; the rest of the section opens in place.
CARD_CHARS = 1200
CARD_MARGIN = 1.0
# Sentences scoring within this margin of a passage's best sentence are highlighted too.
HIGHLIGHT_MARGIN = 0.04
MAX_HIGHLIGHTS = 2


@lru_cache(maxsize=4096)
def source_path(source_root: Path | None, source: str) -> str:
    """Return a passage's file as the user named the corpus folder."""
    if source_root is None:
        return source
    return (source_root / source).as_posix()


def section_card(
    index: LoadedIndex, members: list[int], scores: dict[int, float], score: float, query_vecs: np.ndarray,
    source_root: Path | None, question_part: float, texts: dict[str, str | None] | None = None,
) -> PassageHit:
    """One section's card: a contiguous verbatim span of its passages (``members``), in reading order.

    ``texts`` keeps the source files read for one answer, so its cards check one snapshot of each file.
    """
    # Each passage of the section made once: the index stores them by column (passage_store).
    passages = {p: index.passages[p] for p in members}
    run, source = mergeable_run(passages, members, scores, source_root, texts)
    pscores = [scores.get(p, float("-inf")) for p in run]
    spans = [(passages[p].start, passages[p].end) for p in run]
    lo, hi = card_window(spans, pscores, CARD_CHARS, CARD_MARGIN)
    first, last = passages[run[lo]], passages[run[-1]]
    text = source[first.start : last.end] if source is not None else first.text
    shown_end = passages[run[hi]].end - first.start
    marks = highlights(index, passages, run[lo : hi + 1], first.start, query_vecs, question_part)
    return PassageHit(
        text, source_path(source_root, first.source), first.start, last.end, list(first.heading_path), score,
        marks, (first.lines[0], last.lines[1]),
        fold=shown_end if shown_end < len(text) else None,
    )


def mergeable_run(
    passages: Mapping[int, Passage], members: list[int], scores: dict[int, float], source_root: Path | None,
    texts: dict[str, str | None] | None = None,
) -> tuple[list[int], str | None]:
    """The section's passages around its best one that can join into one verbatim span, and the
    source text they were checked against (None: the best passage alone). Two passages join only
    where each still reads as indexed and only blank space lies between them: never markup from
    an HTML file or skipped chrome. Only the joined passages are checked, not the whole file."""
    best = max(members, key=lambda p: scores.get(p, float("-inf")))
    if source_root is None or len(members) == 1:
        return [best], None
    source, texts = passages[best].source, {} if texts is None else texts
    if source not in texts:
        texts[source] = _READER.text(source_root / source)
    text = texts[source]

    def holds(p: int) -> bool:
        return text[passages[p].start : passages[p].end] == passages[p].text

    if text is None or not holds(best):
        return [best], None

    def joins(a: int, b: int) -> bool:
        return text[passages[a].end : passages[b].start].isspace() and holds(a) and holds(b)

    lo = hi = members.index(best)
    while lo > 0 and joins(members[lo - 1], members[lo]):
        lo -= 1
    while hi < len(members) - 1 and joins(members[hi], members[hi + 1]):
        hi += 1
    return members[lo : hi + 1], (text if hi > lo else None)


def highlights(
    index: LoadedIndex, passages: Mapping[int, Passage], pids: list[int], offset: int, query_vecs: np.ndarray,
    question_part: float,
) -> list[tuple[int, int]]:
    """The best-matching sentences of the shown passages, as offsets in the card."""
    # Each passage's sentence rows (or its own row, when it is one sentence), scored in one product.
    row_lists = [list(index.rows.sentence_rows(pid)) or [index.rows.own_row(pid)] for pid in pids]
    all_rows = [r for rows in row_lists for r in rows]
    all_scores = question_similarity(np.asarray(index.vectors[all_rows]) @ query_vecs.T, question_part)
    candidates: list[tuple[float, tuple[int, int]]] = []
    at = 0
    for pid, rows in zip(pids, row_lists):
        p = passages[pid]
        units = [p.units[index.rows.unit[r]] for r in rows] if len(rows) > 1 else list(p.units[:1])
        base = p.start - offset
        candidates += [(float(s), (base + a, base + b)) for s, (a, b) in zip(all_scores[at : at + len(rows)], units)]
        at += len(rows)
    if not candidates:
        return []
    candidates.sort(key=lambda c: -c[0])
    top = candidates[0][0]
    keep = [span for s, span in candidates[:MAX_HIGHLIGHTS] if s >= top - HIGHLIGHT_MARGIN]
    return sorted(keep)


# One cached reader for the process: a file is re-read only when it changes (freshness.py).
_READER = SourceReader()
