"""Build, save, check and load the search index.

Layout of an index folder::

    index/
      CURRENT            name of the live build (replaced atomically)
      .lock              held while a build runs
      build-…/           one complete build
        manifest.json    what built it, and the size and SHA-256 of every file below
        passages.json    passages: source, offsets, text, heading path, sentence spans
        rows.json        what each vector is: a passage, or one sentence of a passage
        vectors.npy      float32 unit vectors, one per row (allow_pickle=False)
        dense.faiss      FAISS inner-product index over vectors.npy
        lexical/         bm25s index over the same rows (JSON and .npy)

A build is written to a fresh folder and made live by replacing ``CURRENT``, so a crash
or kill -9 at any moment leaves the previous build serving. Every file is checked against
the manifest before FAISS or NumPy parses it.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from . import __version__
from .chunking import Chunker, Passage
from .config import (
    CHUNKER_VERSION,
    EXACT_SEARCH_MAX_VECTORS,
    INDEX_FORMAT,
    IVF_PROBE_SHARE,
    MAX_TOKENS,
    SOFT_PASSAGE_CHARS,
)
from .embedding import Encoder
from .errors import (
    BuildLockedError,
    IndexCorruptError,
    IndexMismatchError,
    IndexNotFoundError,
    StaleIndexError,
)
from .lexical import LexicalIndex
from .loading import Document, corpus_files, file_sha256, load_document

REBUILD_HINT = "python -m verbatim build"
_MMAP_ABOVE_BYTES = 256 * 2**20
_FILES = ("passages.json", "rows.json", "vectors.npy", "dense.faiss")


@dataclass(frozen=True)
class Row:
    """One vector: a whole passage (unit == -1) or one of its sentences."""

    passage: int
    unit: int


@dataclass
class BuildReport:
    """What a build did."""

    index: Path
    build: str
    passages: int
    rows: int
    embedded: int
    reused: int
    seconds: float
    index_type: str


@dataclass
class LoadedIndex:
    """A checked index, ready to search."""

    folder: Path
    manifest: dict
    passages: list[Passage]
    rows: list[Row]
    vectors: np.ndarray
    dense: object  # faiss.Index
    lexical: LexicalIndex
    unit_rows: dict[int, list[int]] = field(default_factory=dict)  # passage -> its sentence rows


def unit_embedding_text(passage: Passage, unit: int) -> str:
    """The text embedded for one sentence: the sentence alone.

    (Prefixing the heading was measured and lost: every sentence of a section then looks
    alike to the model, and the passage row already carries the heading.)
    """
    s, e = passage.units[unit]
    return passage.text[s:e]


def row_texts(passages: list[Passage]) -> tuple[list[Row], list[str]]:
    """Return every row and the text embedded for it."""
    rows: list[Row] = []
    texts: list[str] = []
    for pid, p in enumerate(passages):
        rows.append(Row(pid, -1))
        texts.append(p.embedding_text())
        if len(p.units) > 1:  # a one-sentence passage is its own sentence row
            for u in range(len(p.units)):
                rows.append(Row(pid, u))
                texts.append(unit_embedding_text(p, u))
    return rows, texts


def _text_key(fingerprint: str, text: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{text}".encode()).hexdigest()[:32]


def _describe(folder: Path, name: str) -> dict:
    path = folder / name
    if path.is_dir():
        return {n.name: _describe(path, n.name) for n in sorted(path.iterdir())}
    return {"bytes": path.stat().st_size, "sha256": file_sha256(path)}


def choose_index_type(n_vectors: int) -> str:
    """Exact search while it is fast enough; IVF-Flat beyond (recall checked by the benchmark)."""
    if n_vectors <= EXACT_SEARCH_MAX_VECTORS:
        return "flat"
    nlist = 1 << max(6, round(np.log2(1.6 * np.sqrt(n_vectors))))  # about 1.6 √n lists
    return f"ivf{nlist}"


def _nprobe(index_type: str) -> int:
    return max(1, int(int(index_type[3:]) * IVF_PROBE_SHARE))


def _make_faiss(vectors: np.ndarray, index_type: str):
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)  # building is batch work: use every core
    dim = vectors.shape[1]
    if index_type == "flat":
        index = faiss.IndexFlatIP(dim)
    else:
        nlist = int(index_type[3:])
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        rng = np.random.default_rng(0)  # a fixed sample: the same corpus builds the same index
        sample = vectors[rng.choice(len(vectors), min(len(vectors), 64 * nlist), replace=False)]
        index.train(sample)
        index.nprobe = _nprobe(index_type)
    index.add(vectors)
    return index


# --- build ---------------------------------------------------------------------------------


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


def load_documents(corpus: Path) -> tuple[list[Document], dict[str, dict]]:
    """Load every source file, with the hash of the bytes that were read."""
    docs, sources = [], {}
    for path in corpus_files(corpus):
        name = path.relative_to(corpus).as_posix()
        doc = load_document(path, name)
        data = doc.text.encode("utf-8")
        sources[name] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        docs.append(doc)
    return docs, sources


def build_index(
    corpus: Path,
    index_dir: Path,
    encoder: Encoder,
    *,
    soft_chars: int = SOFT_PASSAGE_CHARS,
    progress: Callable[[str], None] | None = None,
    index_type: str | None = None,
) -> BuildReport:
    """Chunk and embed ``corpus`` into a new build under ``index_dir`` and make it live.

    Vectors of texts embedded by the previous build are reused, so an edit re-embeds only
    the passages and sentences it changed. Raises CorpusError/SourceFileError on bad input
    (the previous build keeps serving) and BuildLockedError if another build is running.
    """
    t0 = time.perf_counter()
    say = progress or (lambda _msg: None)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = open(index_dir / ".lock", "a+")
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLockedError(
                f"{index_dir}: another build is running; wait for it to finish."
            ) from None
        docs, sources = load_documents(corpus)
        chunker = Chunker(encoder.count_tokens, MAX_TOKENS, soft_chars)
        passages = [p for d in docs for p in chunker.chunk(d)]
        rows, texts = row_texts(passages)
        keys = [_text_key(encoder.fingerprint, t) for t in texts]
        say(f"{len(docs)} files, {len(passages)} passages, {len(rows)} vectors")

        cached = _previous_vectors(index_dir)
        vectors = np.empty((len(rows), encoder.dim), dtype=np.float32)
        missing = [i for i, k in enumerate(keys) if k not in cached]
        for i, k in enumerate(keys):
            if k in cached:
                vectors[i] = cached[k]
        if missing:
            say(f"embedding {len(missing)} new texts")
            vectors[missing] = encoder.encode([texts[i] for i in missing])

        kind = index_type or choose_index_type(len(rows))
        name = f"build-{datetime.now(timezone.utc):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        tmp = index_dir / f".{name}.partial"
        tmp.mkdir()
        try:
            _write_build(tmp, passages, rows, keys, vectors, texts, kind)
            manifest = {
                "format": INDEX_FORMAT,
                "verbatim_version": __version__,
                "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "model": {"name": encoder.name, "fingerprint": encoder.fingerprint, "dim": encoder.dim},
                "chunker": {"version": CHUNKER_VERSION, "max_tokens": MAX_TOKENS, "soft_chars": soft_chars},
                "corpus": str(corpus),
                "sources": sources,
                "passages": len(passages),
                "rows": len(rows),
                "index_type": kind,
                "embedded": len(missing),
                "reused": len(rows) - len(missing),
                "files": {n: _describe(tmp, n) for n in (*_FILES, "keys.json", "lexical")},
            }
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), "utf-8")
            _fsync_tree(tmp)
            os.replace(tmp, index_dir / name)
            _write_current(index_dir, name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _remove_old_builds(index_dir, keep=name)
        return BuildReport(
            index_dir, name, len(passages), len(rows), len(missing), len(rows) - len(missing),
            time.perf_counter() - t0, kind,
        )
    finally:
        lock.close()


def _previous_vectors(index_dir: Path) -> dict[str, np.ndarray]:
    """Vectors of the live build by text key; empty if there is no usable build."""
    try:
        build = current_build(index_dir)
        if build is None:
            return {}
        keys = json.loads((build / "keys.json").read_text("utf-8"))
        vectors = np.load(build / "vectors.npy", allow_pickle=False)
        if not isinstance(keys, list) or len(keys) != len(vectors):
            return {}
        return dict(zip(keys, vectors))
    except (OSError, ValueError, IndexCorruptError):
        return {}  # nothing reusable: embed everything


def _write_build(folder, passages, rows, keys, vectors, texts, kind) -> None:
    import faiss

    records = [
        {
            "source": p.source,
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "heading_path": list(p.heading_path),
            "units": [list(u) for u in p.units],
            "lines": list(p.lines),
        }
        for p in passages
    ]
    (folder / "passages.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    (folder / "rows.json").write_text(json.dumps([[r.passage, r.unit] for r in rows]), "utf-8")
    (folder / "keys.json").write_text(json.dumps(keys), "utf-8")
    np.save(folder / "vectors.npy", vectors, allow_pickle=False)
    faiss.write_index(_make_faiss(vectors, kind), str(folder / "dense.faiss"))
    LexicalIndex.build(texts).save(folder / "lexical")


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as f:
                os.fsync(f.fileno())


def _write_current(index_dir: Path, name: str) -> None:
    tmp = index_dir / f".CURRENT.{os.getpid()}.tmp"
    with tmp.open("w", encoding="utf-8") as f:
        f.write(name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / "CURRENT")
    fd = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_old_builds(index_dir: Path, keep: str) -> None:
    """Delete builds other than the live one and the one before it (a reader may hold it)."""
    builds = sorted(
        (p for p in index_dir.iterdir() if p.is_dir() and p.name.startswith(("build-", ".build-"))),
        key=lambda p: p.stat().st_mtime,
    )
    finished = [p for p in builds if p.name.startswith("build-") and p.name != keep]
    for old in finished[:-1]:
        shutil.rmtree(old, ignore_errors=True)
    for partial in (p for p in builds if p.name.startswith(".") and time.time() - p.stat().st_mtime > 3600):
        shutil.rmtree(partial, ignore_errors=True)  # left behind by a killed build


# --- load ------------------------------------------------------------------------------------


def read_manifest(index_dir: Path) -> tuple[Path, dict]:
    """Return the live build folder and its manifest; raise if missing or damaged."""
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


def _check_files(build: Path, described: dict, prefix: str = "") -> None:
    for name, info in described.items():
        path = build / name
        if not isinstance(info, dict):
            raise IndexCorruptError(f"{build}/manifest.json: damaged; rebuild: {REBUILD_HINT}")
        if "sha256" not in info:  # a folder
            _check_files(path, info, f"{prefix}{name}/")
            continue
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise IndexCorruptError(f"{path}: missing; rebuild: {REBUILD_HINT}") from None
        if size != info.get("bytes") or file_sha256(path) != info.get("sha256"):
            raise IndexCorruptError(
                f"{path}: damaged (size or checksum differs from the manifest); rebuild: {REBUILD_HINT}"
            )


def check_compatible(manifest: dict, encoder: Encoder) -> None:
    """Raise IndexMismatchError if the index was built differently from this code."""
    model = manifest.get("model") or {}
    chunker = manifest.get("chunker") or {}
    if manifest.get("format") != INDEX_FORMAT:
        found = manifest.get("format")
        raise IndexMismatchError(
            f"index format {found} is not {INDEX_FORMAT} (this version); rebuild: {REBUILD_HINT}"
        )
    if model.get("fingerprint") != encoder.fingerprint or model.get("name") != encoder.name:
        raise IndexMismatchError(
            f"index was built with model {model.get('name')} ({str(model.get('fingerprint'))[:12]}), "
            f"not {encoder.name} ({encoder.fingerprint[:12]}); rebuild: {REBUILD_HINT}"
        )
    if chunker.get("version") != CHUNKER_VERSION:
        raise IndexMismatchError(
            f"index was built with chunker version {chunker.get('version')}, not {CHUNKER_VERSION}; "
            f"rebuild: {REBUILD_HINT}"
        )


def load_index(index_dir: Path, encoder: Encoder) -> LoadedIndex:
    """Check every file against the manifest, then load the live build."""
    import faiss

    build, manifest = read_manifest(index_dir)
    check_compatible(manifest, encoder)
    _check_files(build, manifest["files"])
    try:
        records = json.loads((build / "passages.json").read_text("utf-8"))
        passages = [
            Passage(r["source"], r["start"], r["end"], r["text"], tuple(r["heading_path"]),
                    tuple(tuple(u) for u in r["units"]), tuple(r["lines"]))
            for r in records
        ]
        rows = [Row(p, u) for p, u in json.loads((build / "rows.json").read_text("utf-8"))]
        # Small indexes are read into memory (faster row lookups); large ones are mapped.
        big = (build / "vectors.npy").stat().st_size > _MMAP_ABOVE_BYTES
        vectors = np.load(build / "vectors.npy", allow_pickle=False, mmap_mode="r" if big else None)
    except (OSError, ValueError, KeyError, TypeError):
        raise IndexCorruptError(f"{build}: index files are inconsistent; rebuild: {REBUILD_HINT}") from None
    if (
        len(passages) != manifest.get("passages")
        or len(rows) != manifest.get("rows")
        or vectors.shape != (len(rows), encoder.dim)
        or vectors.dtype != np.float32
        or any(not 0 <= r.passage < len(passages) for r in rows)
    ):
        raise IndexCorruptError(f"{build}: index files disagree in size; rebuild: {REBUILD_HINT}")
    dense = faiss.read_index(str(build / "dense.faiss"))
    if dense.ntotal != len(rows) or dense.d != encoder.dim:
        raise IndexCorruptError(f"{build}/dense.faiss: wrong size; rebuild: {REBUILD_HINT}")
    if manifest.get("index_type", "flat").startswith("ivf"):
        dense.nprobe = _nprobe(manifest["index_type"])
    lexical = LexicalIndex.load(build / "lexical")
    unit_rows: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        if r.unit >= 0:
            unit_rows.setdefault(r.passage, []).append(i)
    return LoadedIndex(build, manifest, passages, rows, vectors, dense, lexical, unit_rows)


def corpus_changes(manifest: dict, corpus: Path) -> list[str]:
    """Return what changed in ``corpus`` since the build: '+added', '-removed', '~edited'."""
    try:
        files = corpus_files(corpus)
    except Exception:
        files = []
    current = {p.relative_to(corpus).as_posix(): p for p in files}
    built = manifest.get("sources") or {}
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


def rebuild_reason(index_dir: Path, corpus: Path) -> str | None:
    """Return why the index must be rebuilt (missing, damaged, outdated, stale), or None."""
    try:
        _, manifest = read_manifest(index_dir)
    except (IndexNotFoundError, IndexCorruptError) as e:
        return str(e)
    if manifest.get("format") != INDEX_FORMAT or (manifest.get("chunker") or {}).get("version") != CHUNKER_VERSION:
        return "the index was built by another version of verbatim"
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
