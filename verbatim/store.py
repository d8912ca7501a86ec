"""The build store: build folders, the ``CURRENT`` pointer, the build lock, the manifest,
file checks, compatibility, freshness and removal of old builds.

Layout of an index folder::

    index/
      CURRENT            name of the live build (replaced atomically)
      .lock              held while a build runs
      build-…/           one complete build
        manifest.json    what built it, and the size and SHA-256 of every file below
        …                the files written by ``index.build_index``

A build is written to ``.build-….partial`` and made live by renaming it and replacing
``CURRENT``, so a crash, kill -9 or full disk at any moment leaves the previous build
serving. The next build removes what a crash left behind (partial folders, ``.CURRENT.*.tmp``,
complete builds that never went live). Every file is checked against the manifest before
FAISS or NumPy parses it.
"""

from __future__ import annotations

import errno
import fcntl
import json
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .config import CHUNKER_VERSION, EMBEDDING_DIM, INDEX_FORMAT, MODEL_NAME
from .errors import (
    BuildLockedError,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    IndexWriteError,
    StaleIndexError,
    VerbatimError,
)
from .files import atomic_write, file_sha256, fsync_tree
from .lexical import lexical_config
from .corpus import corpus_files
from .reader_questions import questions_path

REBUILD_HINT = "python -m verbatim build"


@dataclass(frozen=True)
class ModelStamp:
    """What identifies an embedding model: enough to decide compatibility without loading it."""

    name: str
    fingerprint: str
    dim: int


def bundled_model() -> ModelStamp:
    """The stamp of the bundled model (hashing its weights once, memoised on disk)."""
    from .embedding import model_fingerprint

    return ModelStamp(MODEL_NAME, model_fingerprint(), EMBEDDING_DIM)


# --- reading ----------------------------------------------------------------------------------


def current_build(index_dir: Path) -> Path | None:
    """Return the live build folder, or None if there is none."""
    try:
        name = (index_dir / "CURRENT").read_text("utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, UnicodeDecodeError):
        raise IndexCorruptError(f"{index_dir / 'CURRENT'}: unreadable; rebuild: {REBUILD_HINT}") from None
    if not name or "/" in name or name.startswith("."):
        raise IndexCorruptError(f"{index_dir / 'CURRENT'}: damaged; rebuild: {REBUILD_HINT}")
    return index_dir / name


def read_manifest(index_dir: Path) -> tuple[Path, dict]:
    """Return the live build folder and its manifest; raise if missing or damaged.

    Read it once per open and pass both on: ``CURRENT`` may be replaced at any moment.
    """
    build = current_build(index_dir)
    if build is None:
        raise IndexNotFoundError(f"{index_dir}: no index found; build it: {REBUILD_HINT}")
    try:
        manifest = json.loads((build / "manifest.json").read_text("utf-8"))
    except FileNotFoundError:
        raise IndexCorruptError(f"{build}: manifest.json is missing; rebuild: {REBUILD_HINT}") from None
    except (OSError, ValueError):
        raise IndexCorruptError(f"{build}/manifest.json: damaged; rebuild: {REBUILD_HINT}") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise IndexCorruptError(f"{build}/manifest.json: damaged; rebuild: {REBUILD_HINT}")
    return build, manifest


def describe(folder: Path, name: str) -> dict:
    """Size and SHA-256 of a file, or of every file in a folder, for the manifest."""
    path = folder / name
    if path.is_dir():
        return {n.name: describe(path, n.name) for n in sorted(path.iterdir())}
    return {"bytes": path.stat().st_size, "sha256": file_sha256(path)}


def check_files(build: Path, described: dict) -> None:
    """Raise IndexCorruptError unless every file has the size and checksum the manifest gives."""
    for name, info in described.items():
        path = build / name
        if not isinstance(info, dict):
            raise IndexCorruptError(f"{build}/manifest.json: damaged; rebuild: {REBUILD_HINT}")
        if "sha256" not in info:  # a folder
            check_files(path, info)
            continue
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise IndexCorruptError(f"{path}: missing; rebuild: {REBUILD_HINT}") from None
        if size != info.get("bytes") or file_sha256(path) != info.get("sha256"):
            raise IndexCorruptError(
                f"{path}: damaged (size or checksum differs from the manifest); rebuild: {REBUILD_HINT}"
            )


# --- compatibility and freshness --------------------------------------------------------------


def build_settings(model: ModelStamp) -> dict:
    """What a build made now, by this code with ``model``, records about how it was made."""
    return {
        "format": INDEX_FORMAT,
        "model": {"name": model.name, "fingerprint": model.fingerprint, "dim": model.dim},
        "chunker_version": CHUNKER_VERSION,
        "lexical": lexical_config(),
    }


def incompatibility(manifest: dict, model: ModelStamp) -> str | None:
    """Why an index cannot be used by this code with ``model``, or None if it can.

    The one rule: ``build_index.py`` (and so ``make run``) and search both ask it.
    """
    want = build_settings(model)
    found_model = manifest.get("model") or {}
    if manifest.get("format") != want["format"]:
        return f"index format {manifest.get('format')} is not {INDEX_FORMAT} (this version)"
    if found_model != want["model"]:
        return (
            f"index was built with model {found_model.get('name')} ({str(found_model.get('fingerprint'))[:12]}), "
            f"not {model.name} ({model.fingerprint[:12]})"
        )
    version = (manifest.get("chunker") or {}).get("version")
    if version != want["chunker_version"]:
        return f"index was built with chunker version {version}, not {CHUNKER_VERSION}"
    lexical = manifest.get("lexical")
    if lexical != want["lexical"]:
        differ = sorted(k for k in want["lexical"] if not isinstance(lexical, dict) or lexical.get(k) != want["lexical"][k])
        return f"index was built with another lexical configuration ({', '.join(differ)} differ)"
    return None


def check_compatible(manifest: dict, model: ModelStamp) -> None:
    """Raise IndexMismatchError if the index was built differently from this code and model."""
    problem = incompatibility(manifest, model)
    if problem:
        raise IndexMismatchError(f"{problem}; rebuild: {REBUILD_HINT}")


def corpus_changes(manifest: dict, corpus: Path) -> list[str]:
    """Return what changed in ``corpus`` since the build: '+added', '-removed', '~edited'."""
    try:
        files = corpus_files(corpus)
    except VerbatimError:
        files = []
    current = {p.relative_to(corpus).as_posix(): p for p in files}
    # The owners' question files beside the documents: a build made before them recorded none.
    questions = {(q := questions_path(p)).relative_to(corpus).as_posix(): q for p in files}
    questions = {n: q for n, q in questions.items() if q.is_file()}
    return (_file_changes(current, manifest.get("sources") or {})
            + _file_changes(questions, (manifest.get("reader_questions") or {}).get("files") or {}))


def _file_changes(current: dict[str, Path], built: dict[str, dict]) -> list[str]:
    """Files added, removed or edited (size or SHA-256) against what a build recorded of them."""
    changes = [f"+{n}" for n in sorted(set(current) - set(built))]
    changes += [f"-{n}" for n in sorted(set(built) - set(current))]
    for name in sorted(set(current) & set(built)):
        path = current[name]
        try:
            if path.stat().st_size != built[name].get("bytes") or file_sha256(path) != built[name].get("sha256"):
                changes.append(f"~{name}")
        except OSError:
            changes.append(f"-{name}")
    return changes


def rebuild_reason(index_dir: Path, corpus: Path, model: ModelStamp | None = None) -> str | None:
    """Return why the index must be rebuilt (missing, damaged, built differently, stale), or None.

    ``model`` defaults to the bundled model; the same ``incompatibility`` rule as search decides.
    """
    try:
        _, manifest = read_manifest(index_dir)
    except (IndexNotFoundError, IndexCorruptError) as e:
        return str(e)
    problem = incompatibility(manifest, model or bundled_model())
    if problem:
        return problem
    changes = corpus_changes(manifest, corpus)
    return f"{corpus} changed: {', '.join(changes[:3])}" if changes else None


def ensure_fresh(manifest: dict, corpus: Path) -> None:
    """Raise StaleIndexError naming the changed files if the corpus changed since the build."""
    changes = corpus_changes(manifest, corpus)
    if changes:
        shown = ", ".join(changes[:3]) + (f" and {len(changes) - 3} more" if len(changes) > 3 else "")
        raise StaleIndexError(
            f"{corpus}: changed since the index was built ({shown}); rebuild: "
            f"python -m verbatim build --corpus {corpus}"
        )


# --- writing ----------------------------------------------------------------------------------


def write_error(index_dir: Path, error: OSError) -> IndexWriteError:
    """One line for an OSError met while writing a build; the previous build keeps serving."""
    keeps = "the previous build keeps serving"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return IndexWriteError(f"{index_dir}: the disk is full; free some space and build again ({keeps}).")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return IndexWriteError(
            f"{index_dir}: cannot write here ({error.strerror.lower()}); make the folder writable "
            f"or pass --index DIR ({keeps})."
        )
    return IndexWriteError(f"{index_dir}: cannot write the index ({error.strerror or error}); {keeps}.")


@contextmanager
def writing(index_dir: Path) -> Iterator[None]:
    """Turn an OSError raised while writing into one IndexWriteError line."""
    try:
        yield
    except OSError as e:
        raise write_error(index_dir, e) from None


@contextmanager
def build_lock(index_dir: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the index folder's build lock; raise BuildLockedError after ``wait`` seconds."""
    with writing(index_dir):
        index_dir.mkdir(parents=True, exist_ok=True)
        lock = open(index_dir / ".lock", "a+")
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BuildLockedError(f"{index_dir}: another build is running; wait for it to finish.") from None
                time.sleep(0.1)
        yield
    finally:
        lock.close()


def remove_leftovers(index_dir: Path) -> None:
    """Remove what killed or failed builds left behind. Call with the build lock held.

    Partial builds and ``.CURRENT.*.tmp`` files are never read, and no other build can be
    running while the lock is held, so they go at any age. Complete builds other than the
    live one and the one before it (a reader may still hold that) go too.
    """
    for path in index_dir.glob(".CURRENT.*.tmp"):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: the build itself will say so
    for path in index_dir.glob(".build-*.partial"):
        shutil.rmtree(path, ignore_errors=True)
    try:
        live = current_build(index_dir)
    except IndexCorruptError:
        live = None  # a damaged pointer: keep the newest build, the next one replaces it
    _remove_builds(index_dir, keep={live.name} if live else set(), keep_newest=1)


def _remove_builds(index_dir: Path, keep: set[str], keep_newest: int) -> None:
    """Delete complete builds not in ``keep`` except the ``keep_newest`` most recent of them."""
    builds = sorted(
        (p for p in index_dir.glob("build-*") if p.is_dir() and p.name not in keep),
        key=lambda p: p.stat().st_mtime,
    )
    for old in builds[: max(0, len(builds) - keep_newest)]:
        shutil.rmtree(old, ignore_errors=True)


@contextmanager
def new_build(index_dir: Path) -> Iterator[Path]:
    """Yield an empty partial build folder; it is removed if the block does not complete.

    Finish with ``publish``. Any OSError (read-only folder, full disk) becomes one
    IndexWriteError line.
    """
    name = f"build-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    tmp = index_dir / f".{name}.partial"
    with writing(index_dir):
        try:
            tmp.mkdir()
            yield tmp
        finally:
            shutil.rmtree(tmp, ignore_errors=True)  # gone by now if it was published


def publish(index_dir: Path, partial: Path, manifest: dict) -> str:
    """Write the manifest, make the partial build live and remove older builds; return its name."""
    name = partial.name[1:].removesuffix(".partial")
    previous = current_build(index_dir)
    atomic_write(partial / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False), durable=False)
    fsync_tree(partial)
    final = index_dir / name
    partial.rename(final)
    try:
        atomic_write(index_dir / "CURRENT", name + "\n")
    except BaseException:
        shutil.rmtree(final, ignore_errors=True)  # never went live: do not leave an orphan
        raise
    _remove_builds(index_dir, keep={name, previous.name} if previous else {name}, keep_newest=0)
    return name
