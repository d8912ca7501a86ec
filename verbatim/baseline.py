"""The tutorial-page recipe, scored beside Verbatim in the same run: each file cut into fixed
1,000-character chunks, embedded with the same model, nearest chunks by cosine, never abstains.
It is the yardstick the issue tracker compares against, not something the page uses."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .loading import LOADERS
from .embedding import Encoder
from .search import PassageHit, SearchResult, clean_query

CHUNK_CHARS = 1000


class TutorialBaseline:
    """Fixed-size chunks, dense only: ``search`` has the Searcher's signature."""

    def __init__(self, corpus: Path, encoder: Encoder, chunk_chars: int = CHUNK_CHARS) -> None:
        self.encoder = encoder
        self.chunks: list[tuple[str, int, str]] = []  # (file, start, text)
        for path in sorted(p for p in corpus.rglob("*") if p.suffix.lower() in LOADERS):
            text = path.read_text("utf-8")
            for start in range(0, len(text), chunk_chars):
                self.chunks.append((path.name, start, text[start : start + chunk_chars]))
        self.vectors = encoder.encode([c[2] for c in self.chunks])

    def search(self, query: str, top_k: int = 5) -> SearchResult:
        qvec = self.encoder.encode([clean_query(query)])[0]
        order = np.argsort(-(self.vectors @ qvec))[:top_k]
        hits = [
            PassageHit(text, source, start, start + len(text), [], float(self.vectors[i] @ qvec), [])
            for i in order.tolist()
            for source, start, text in [self.chunks[i]]
        ]
        return SearchResult(query, False, hits)
