"""Quotes stay true to the file: before a passage is shown, check it against the file as it is now.

A passage is ``source[start:end]`` of the file when the index was built. If the file was
edited since, that slice may say something else, or nothing: such passages must not be
shown as the article's words. Reading a file per query would be slow, so each file's text
is cached and read again only when its size, modification time or inode changes.
"""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from pathlib import Path

from .errors import SourceFileError
from .loading import read_source


class SourceReader:
    """The current text of source files, re-read only when a file changes; thread-safe."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[int, int, int, int], str | None]] = {}
        self._lock = threading.Lock()

    def text(self, path: str | Path) -> str | None:
        """Return the file's text now, or None if it is gone or no longer a readable source."""
        path = str(path)
        try:
            st = os.stat(path)
        except OSError:
            return None
        key = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        with self._lock:
            cached = self._cache.get(path)
        if cached and cached[0] == key:
            return cached[1]
        try:
            text: str | None = read_source(Path(path))
        except SourceFileError:
            text = None  # deleted, unreadable, binary, not UTF-8 or over the size limit now
        with self._lock:
            self._cache[path] = (key, text)
        return text

    def holds(self, source: str, start: int, end: int, text: str) -> bool:
        """True if the file at ``source`` still has ``text`` at ``start:end``."""
        current = self.text(source)
        return current is not None and current[start:end] == text


def changed_sources(result, reader: SourceReader) -> list[str]:
    """The files of ``result``'s passages that no longer hold them, sorted."""
    return sorted({h.source for h in result.passages if not reader.holds(h.source, h.start, h.end, h.text)})


def withhold(result, sources: list[str]):
    """Return ``result`` without the passages of ``sources``, naming those files in ``withheld``."""
    if not sources:
        return result
    gone = set(sources)
    return replace(
        result,
        passages=[h for h in result.passages if h.source not in gone],
        withheld=sorted(gone | set(result.withheld)),
    )


def verified(result, reader: SourceReader):
    """Return ``result`` with only passages that are in their files now (see ``withhold``)."""
    return withhold(result, changed_sources(result, reader))
