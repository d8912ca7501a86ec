"""Exceptions the library raises. Each message names the value at fault and the fix."""

from __future__ import annotations


class VerbatimError(Exception):
    """Base class: the CLI and the page show str(error) as one line."""


class CorpusError(VerbatimError):
    """The corpus folder or one of its files cannot be indexed."""


class SourceFileError(CorpusError):
    """One source file cannot be read (missing, binary, not UTF-8, too large)."""


class IndexUnusableError(VerbatimError):
    """Base for problems with the index on disk."""


class IndexNotFoundError(IndexUnusableError):
    """No index has been built at the given path."""


class IndexCorruptError(IndexUnusableError):
    """An index file is truncated, damaged or inconsistent with the manifest."""


class IndexMismatchError(IndexUnusableError):
    """The index was built with another model, chunker version or format."""


class StaleIndexError(IndexUnusableError):
    """The corpus changed since the index was built."""


class QueryError(VerbatimError):
    """The query cannot be searched (empty, or only whitespace/control characters)."""


class ModelError(VerbatimError):
    """The bundled embedding model cannot be found or loaded."""


class BuildLockedError(VerbatimError):
    """Another build of the same index is running."""


class IndexWriteError(VerbatimError):
    """The index folder cannot be written (read-only, permission denied, disk full)."""
