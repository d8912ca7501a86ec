"""Find the corpus's source files: every file with a known suffix, hidden names aside."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError
from .loading import LOADERS, Document, load_document


@dataclass
class CorpusScan:
    """The source files found under a corpus folder, and what was skipped with why."""

    files: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def scan_corpus(corpus: Path) -> CorpusScan:
    """Return the corpus's source files, sorted; raise if there are none."""
    if not corpus.exists():
        raise CorpusError(f"{corpus}: corpus folder not found; create it or pass --corpus DIR.")
    if not corpus.is_dir():
        raise CorpusError(f"{corpus}: is not a folder; pass --corpus DIR.")
    files = sorted(
        p
        for p in corpus.rglob("*")
        if p.suffix.lower() in LOADERS
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(corpus).parts)
    )
    if not files:
        raise CorpusError(f"{corpus}: no source files ({', '.join(LOADERS)}); add an article to it.")
    return CorpusScan(files)


def corpus_files(corpus: Path) -> list[Path]:
    """Return the corpus's source files, sorted; raise if there are none."""
    return scan_corpus(corpus).files


def load_corpus(corpus: Path) -> list[Document]:
    """Load every source file under ``corpus``; names are relative to it."""
    return [load_document(p, p.relative_to(corpus).as_posix()) for p in corpus_files(corpus)]
