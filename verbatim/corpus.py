"""Find the corpus's source files: every file with a known suffix, hidden names aside.

Links are followed only inside the corpus: a link that leads outside it (to /etc/passwd,
say) is refused by name rather than indexed and served. A sub-folder that cannot be read is
skipped and named in a warning; the corpus folder itself must be readable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError, SourceFileError
from .loading import LOADERS, Document, load_document


@dataclass
class CorpusScan:
    """The source files found under a corpus folder, and what was skipped with why."""

    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def scan_corpus(corpus: Path) -> CorpusScan:
    """Return the corpus's source files, sorted, and warnings; raise if there are none."""
    if not corpus.exists():
        raise CorpusError(f"{corpus}: corpus folder not found; create it or pass --corpus DIR.")
    if not corpus.is_dir():
        raise CorpusError(f"{corpus}: is not a folder; pass --corpus DIR.")
    root = corpus.resolve()
    scan = CorpusScan()
    _walk(corpus, corpus, root, scan)
    if not scan.files:
        raise CorpusError(f"{corpus}: no source files ({', '.join(LOADERS)}); add an article to it.")
    scan.files.sort()
    return scan


def _walk(folder: Path, corpus: Path, root: Path, scan: CorpusScan) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        reason = (e.strerror or str(e)).lower()
        if folder == corpus:
            raise CorpusError(f"{corpus}: cannot read the corpus folder ({reason}); make it readable.") from None
        name = folder.relative_to(corpus).as_posix()
        scan.warnings.append(f"{name}/: cannot read this folder ({reason}); skipped, make it readable to index it.")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        name = path.relative_to(corpus).as_posix()
        is_source = path.suffix.lower() in LOADERS
        if entry.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root) and (is_source or target.is_dir()):
                raise SourceFileError(
                    f"{name}: is a link to {target}, outside the corpus; copy the file into {corpus} "
                    "or remove the link."
                )
            if target.is_dir():
                continue  # its files are indexed where they are, under their own names
        if entry.is_dir(follow_symlinks=False):
            _walk(path, corpus, root, scan)
        elif is_source and entry.is_file():
            scan.files.append(path)


def corpus_files(corpus: Path) -> list[Path]:
    """Return the corpus's source files, sorted; raise if there are none."""
    return scan_corpus(corpus).files


def load_corpus(corpus: Path) -> list[Document]:
    """Load every source file under ``corpus``; names are relative to it."""
    return [load_document(p, p.relative_to(corpus).as_posix()) for p in corpus_files(corpus)]
