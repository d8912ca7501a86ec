"""Passages stored by column, so that a searcher holds a million of them in a few arrays.

As Python objects, a million passages (offsets, text, headings, sentence spans) took about
2 GB of the searcher's memory and most of its load time. Here a build keeps each field as one
array and every text in one UTF-8 file, and a :class:`Passage` is made only for the passages
an answer shows. Files of a build::

    passages.json    the distinct source files and heading paths, in order of first use
    passages.npz     per passage: its source and heading path (by number), offsets, lines, and
                     where its text and its sentence spans start
    passages.txt     every passage's text, one after another (memory-mapped: only the pages of
                     the passages shown are read)
"""

from __future__ import annotations

import json
import mmap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .chunking import Passage

FILES = ("passages.json", "passages.npz", "passages.txt")
_MADE_LIMIT = 4096
_ARRAYS = ("source", "heading", "start", "end", "lines", "text_at", "units_at", "units")


@dataclass(frozen=True, eq=False)
class PassageTable(Sequence[Passage]):
    """The passages of a build, by column; ``table[i]`` is passage ``i`` as a :class:`Passage`."""

    sources: tuple[str, ...]
    headings: tuple[tuple[str, ...], ...]
    source: np.ndarray  # passage -> index into sources
    heading: np.ndarray  # passage -> index into headings
    start: np.ndarray  # offsets in the source file
    end: np.ndarray
    lines: np.ndarray  # (n, 2): first and last line (int32)
    text_at: np.ndarray  # (n + 1,): byte offsets of each text in ``text``
    units_at: np.ndarray  # (n + 1,): where each passage's sentence spans start in ``units``
    units: np.ndarray  # (m, 2): sentence spans, offsets within the passage's text (int32)
    text: bytes | mmap.mmap
    # Passages already made, by number: one answer asks for the same few several times (ranking,
    # cards, highlights). Bounded, so that a page left running over a million passages never comes
    # to hold them all as objects again.
    _made: dict[int, Passage] = field(default_factory=dict, repr=False)

    @classmethod
    def from_passages(cls, passages: Iterable[Passage]) -> PassageTable:
        passages = list(passages)
        n = len(passages)
        sources: dict[str, int] = {}
        headings: dict[tuple[str, ...], int] = {}
        source = np.fromiter((sources.setdefault(p.source, len(sources)) for p in passages), np.int32, n)
        heading = np.fromiter((headings.setdefault(tuple(p.heading_path), len(headings)) for p in passages),
                              np.int32, n)
        encoded = [p.text.encode("utf-8") for p in passages]
        return cls(
            tuple(sources),
            tuple(headings),
            source,
            heading,
            np.fromiter((p.start for p in passages), np.int64, n),
            np.fromiter((p.end for p in passages), np.int64, n),
            np.array([p.lines for p in passages], dtype=np.int32).reshape(-1, 2),
            _offsets(len(t) for t in encoded),
            _offsets(len(p.units) for p in passages),
            np.array([u for p in passages for u in p.units], dtype=np.int32).reshape(-1, 2),  # within a passage
            b"".join(encoded),
        )

    def __len__(self) -> int:
        return len(self.start)

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        n = len(self)
        i = int(i)
        if not -n <= i < n:
            raise IndexError(f"passage {i} of {n}")
        i %= n
        made = self._made.get(i)
        if made is None:
            if len(self._made) >= _MADE_LIMIT:
                self._made.clear()
            made = self._made[i] = self._make(i)
        return made

    def _make(self, i: int) -> Passage:
        a, b = int(self.units_at[i]), int(self.units_at[i + 1])
        return Passage(
            self.sources[self.source[i]],
            int(self.start[i]),
            int(self.end[i]),
            self.text_of(i),
            self.headings[self.heading[i]],
            tuple((int(s), int(e)) for s, e in self.units[a:b]),
            (int(self.lines[i, 0]), int(self.lines[i, 1])),
        )

    def __iter__(self) -> Iterator[Passage]:
        return (self[i] for i in range(len(self)))

    def text_of(self, i: int) -> str:
        return self.text[int(self.text_at[i]) : int(self.text_at[i + 1])].decode("utf-8")

    def sections(self) -> np.ndarray:
        """Where each section starts (and, last, the number of passages): passages of one section
        (same file, same headings) are consecutive."""
        n = len(self)
        if not n:
            return np.zeros(1, np.int64)
        change = (self.source[1:] != self.source[:-1]) | (self.heading[1:] != self.heading[:-1])
        return np.concatenate([[0], np.flatnonzero(change) + 1, [n]]).astype(np.int64)

    def write(self, folder: Path) -> tuple[str, ...]:
        """Write the table's files into ``folder``; return their names."""
        names = {"sources": list(self.sources), "headings": [list(h) for h in self.headings]}
        (folder / "passages.json").write_text(json.dumps(names, ensure_ascii=False), "utf-8")
        with open(folder / "passages.npz", "wb") as f:
            np.savez(f, **{name: getattr(self, name) for name in _ARRAYS})
        (folder / "passages.txt").write_bytes(bytes(self.text))
        return FILES

    @classmethod
    def read(cls, folder: Path) -> PassageTable:
        """Read a table written by :meth:`write`; ValueError if its files disagree."""
        names = json.loads((folder / "passages.json").read_text("utf-8"))
        with np.load(folder / "passages.npz", allow_pickle=False) as arrays:
            columns = {name: arrays[name] for name in _ARRAYS}
        path = folder / "passages.txt"
        size = path.stat().st_size
        if size:
            with open(path, "rb") as f:  # the map keeps its own handle
                text: bytes | mmap.mmap = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        else:
            text = b""
        table = cls(tuple(names["sources"]), tuple(tuple(h) for h in names["headings"]), text=text, **columns)
        table._check(size)
        return table

    def _check(self, text_bytes: int) -> None:
        n = len(self.start)
        shapes_agree = (
            all(len(getattr(self, a)) == n for a in ("source", "heading", "end", "lines"))
            and self.lines.shape == (n, 2) and self.units.ndim == 2 and self.units.shape[1] == 2
            and len(self.text_at) == n + 1 and len(self.units_at) == n + 1
        )
        if not shapes_agree:
            raise ValueError("passage columns differ in length")
        for at, total in ((self.text_at, text_bytes), (self.units_at, len(self.units))):
            if at[0] != 0 or at[-1] != total or (np.diff(at) < 0).any():
                raise ValueError("passage offsets are out of order")
        if n and (self.source.min() < 0 or self.source.max() >= len(self.sources)
                  or self.heading.min() < 0 or self.heading.max() >= len(self.headings)):
            raise ValueError("a passage names a source or heading that is not listed")


def _offsets(lengths: Iterable[int]) -> np.ndarray:
    """Where each of a run of items starts, and (last) where the run ends."""
    return np.concatenate([[0], np.cumsum(np.fromiter(lengths, np.int64))]).astype(np.int64)
