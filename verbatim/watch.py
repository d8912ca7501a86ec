"""Keep the index current: watch the corpus and rebuild incrementally after each change.

Changes are debounced (an editor's save is often several events: write, rename, chmod),
and builds run one at a time on the watching thread; events during a build just mark the
corpus changed again. A file that cannot be indexed (half-saved, binary) is reported and
the previous build keeps serving until the next change fixes it. A folder that cannot be
written (read-only, full disk) ends the watch: that will not fix itself.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .embedding import Encoder
from .errors import BuildLockedError, CorpusError
from .index import BuildReport, build_index, rebuild_reason
from .loading import LOADERS
from .reader_questions import SUFFIX as QUESTIONS_SUFFIX


class CorpusWatcher:
    """Rebuilds ``index_dir`` from ``corpus`` after changes, ``debounce`` seconds after the last."""

    def __init__(
        self,
        corpus: Path,
        index_dir: Path,
        encoder: Encoder,
        *,
        debounce: float = 0.5,
        say: Callable[[str], None] = print,
        progress_bar: bool | None = None,
    ) -> None:
        self.corpus = Path(corpus)
        self.index_dir = Path(index_dir)
        self.encoder = encoder
        self.debounce = debounce
        self.say = say
        self.progress_bar = progress_bar
        self.building = False  # True while a build runs (an interruption then is a failure)
        self.builds = 0
        self._changed = threading.Event()

    def rebuild_if_needed(self) -> BuildReport | None:
        """Build if the corpus (or the code) changed since the live build; report bad files."""
        reason = rebuild_reason(self.index_dir, self.corpus, self.encoder)
        if reason is None:
            return None
        self.building = True  # stays True if the build is interrupted
        try:
            report = build_index(self.corpus, self.index_dir, self.encoder, progress=self.say,
                                 progress_bar=self.progress_bar, wait=60)
        except (CorpusError, BuildLockedError) as e:  # bad input: wait for the next edit
            self.building = False
            self.say(f"warning: {e} (the previous build keeps serving)")
            return None
        self.building = False
        self.builds += 1
        self.say(
            f"rebuilt {self.index_dir} ({reason}): {report.embedded} embedded, {report.reused} reused, "
            f"{report.seconds:.1f} s"
        )
        return report

    def run(self, stop: threading.Event | None = None, parent_pid: int | None = None) -> None:
        """Build if needed, then watch until ``stop`` is set or process ``parent_pid`` exits."""
        from watchdog.observers import Observer

        stop = stop or threading.Event()
        if not self.corpus.is_dir():
            raise CorpusError(f"{self.corpus}: corpus folder not found; create it or pass --corpus DIR.")
        observer = Observer()
        try:
            observer.schedule(_Handler(self._changed, self.corpus, self.index_dir), str(self.corpus), recursive=True)
            observer.start()
        except OSError as e:  # e.g. the system's limit on watched folders
            raise CorpusError(
                f"{self.corpus}: cannot watch it ({e.strerror or e}); run python -m verbatim build after edits."
            ) from None
        try:
            self.rebuild_if_needed()
            self.say(f"watching {self.corpus} (rebuilding {self.index_dir} after each change)")
            while not stop.is_set():
                if parent_pid is not None and not _alive(parent_pid):
                    return
                if not self._changed.wait(0.25):
                    continue
                while self._changed.is_set():  # quiet for `debounce` seconds: the save is over
                    self._changed.clear()
                    time.sleep(self.debounce)
                self.rebuild_if_needed()
        finally:
            observer.stop()
            observer.join(5)


class _Handler:
    """Marks the corpus changed on any event about a source file or a folder in it."""

    def __init__(self, changed: threading.Event, corpus: Path, index_dir: Path) -> None:
        self._changed = changed
        self._corpus = corpus.resolve()
        self._index = index_dir.resolve()

    def dispatch(self, event) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reads, not changes
        for name in (event.src_path, getattr(event, "dest_path", "")):
            if not name:
                continue
            path = Path(os.path.realpath(name))
            if path.is_relative_to(self._index) or not path.is_relative_to(self._corpus):
                continue
            if any(part.startswith(".") for part in path.relative_to(self._corpus).parts):
                continue  # editors' swap files, .git: hidden names the corpus skips too
            if event.is_directory or path.suffix.lower() in LOADERS or path.name.endswith(QUESTIONS_SUFFIX):
                self._changed.set()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
