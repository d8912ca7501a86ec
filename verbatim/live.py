"""A searcher that follows the corpus: it answers only with text that is in the files now.

``LiveSearcher`` holds the Searcher of the live build. Before each search it reopens the
index if ``CURRENT`` names a new build (made by ``python -m verbatim watch``, the page or
``build_index.py``). After it, every passage is checked against its file as it is now
(``freshness``); if a file changed, the index is rebuilt incrementally (about half a
second for a one-paragraph edit) and the question asked again of the new build. When that
cannot happen (a read-only folder, a full disk, a file that no longer loads), the
passages of the changed files are left out and the files named in ``SearchResult.withheld``.
A build this version cannot read (an upgrade changed the index format, the model or the
chunker) is built anew from the corpus when it is first opened, rather than leaving readers
with "unavailable" until someone runs the build.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from .config import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_TOP_K
from .embedding import Encoder, load_encoder
from .errors import IndexMismatchError, VerbatimError
from .freshness import SourceReader, changed_sources, withhold
from .index import BuildReport, build_index, current_build, rebuild_reason
from .search import Searcher, SearchResult

log = logging.getLogger(__name__)

# After a failed attempt to build anew a build this version cannot read, requests within this many
# seconds get the original error at once instead of another full build each. Kept per index folder for
# the process: the page makes a new LiveSearcher on each load until one opens.
REBUILD_RETRY_SECONDS = 60.0
_failed_rebuilds: dict[Path, float] = {}


class LiveSearcher:
    """Search that reopens new builds and never shows a passage its file no longer holds.

    Safe to share between threads (one per process, like a Searcher). ``rebuild=False``
    only leaves out changed files' passages; ``wait`` is how long a rebuild waits for a
    build already running (the watcher's, say) before giving up.
    """

    def __init__(
        self,
        index_dir: Path = DEFAULT_INDEX,
        corpus: Path = DEFAULT_CORPUS,
        *,
        encoder: Encoder | None = None,
        rebuild: bool = True,
        wait: float = 30.0,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.corpus = Path(corpus)
        self.rebuild = rebuild
        self.wait = wait
        self.rebuild_error: str | None = None  # why the last rebuild failed, for the page to show
        self._encoder = encoder
        self._reader = SourceReader()
        self._lock = threading.RLock()
        self._searcher: Searcher | None = None

    @property
    def searcher(self) -> Searcher:
        """The Searcher of the live build, reopened when ``CURRENT`` names another build."""
        with self._lock:
            live = current_build(self.index_dir)
            if self._searcher is None or live is None or live != self._searcher.index.folder:
                self._searcher = self._open()
                self._encoder = self._searcher.encoder
            return self._searcher

    def _open(self) -> Searcher:
        try:
            return Searcher.open(self.index_dir, self.corpus, encoder=self._encoder, check_fresh=False)
        except IndexMismatchError as e:
            failed = _failed_rebuilds.get(self.index_dir.resolve())
            if not self.rebuild or not self.corpus.is_dir():
                raise
            if failed is not None and time.monotonic() - failed < REBUILD_RETRY_SECONDS:
                raise  # the last attempt failed moments ago: say so, do not build on every request
            log.warning("index: %s; building it anew from %s", e, self.corpus)
            try:
                self._encoder = self._encoder or load_encoder()
                build_index(self.corpus, self.index_dir, self._encoder, wait=self.wait)
            except (VerbatimError, OSError) as build_error:
                _failed_rebuilds[self.index_dir.resolve()] = time.monotonic()
                self.rebuild_error = str(build_error)
                log.error("index: could not build it anew: %s", build_error)
                raise e from build_error
            _failed_rebuilds.pop(self.index_dir.resolve(), None)
            return Searcher.open(self.index_dir, self.corpus, encoder=self._encoder, check_fresh=False)

    def refresh(self) -> BuildReport | None:
        """Rebuild incrementally if the corpus or the code changed since the live build.

        Returns the build's report, or None if the live build is current. Raises what
        ``build_index`` raises; the previous build keeps serving.
        """
        with self._lock:
            encoder = self.searcher.encoder if self._encoder is None else self._encoder
            if rebuild_reason(self.index_dir, self.corpus, encoder) is None:
                return None
            report = build_index(self.corpus, self.index_dir, encoder, wait=self.wait)
            self.rebuild_error = None
            return report

    def search(
        self, query: str, top_k: int = DEFAULT_TOP_K, *, check_language: bool = True, other_language: bool = False,
    ) -> SearchResult:
        """Search the live build; every passage returned is in its file now (see the module)."""
        asked = {"check_language": check_language, "other_language": other_language}
        result = self.searcher.search(query, top_k, **asked)
        changed = changed_sources(result, self._reader)
        if changed and self.rebuild:
            try:
                self.refresh()
            except VerbatimError as e:
                self.rebuild_error = str(e)
            else:
                result = self.searcher.search(query, top_k, **asked)
                changed = changed_sources(result, self._reader)
        return withhold(result, changed)
