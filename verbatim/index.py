"""Build and load the search index: passages, their vectors, a FAISS index and BM25.

Files of one build (see ``store`` for the folder layout, the lock and ``CURRENT``)::

    manifest.json    what built it, and the size and SHA-256 of every file below
    passages.json    passages: source, offsets, text, heading path, sentence spans
    rows.json        what each vector is: a passage, or one sentence of a passage
    keys.json        a hash of each row's embedded text, to reuse its vector next build
    vectors.npy      the unit vectors, one per row, stored once: float32 for small corpora,
                     float16 for large ones, and at the largest what the candidate codes
                     leave out, in 8 bits (with vectors-codes.npy and vectors-range.npy;
                     see ``vectors``)
    dense.faiss      what finds candidates among them (see ``dense``; the manifest's ``dense``
                     entry records the form)
    centroid.npy     the mean of the passage rows, normalised (the searcher's topic score)
    lexical/         bm25s index over the same rows (JSON and .npy)

Only text whose hash changed since the live build is re-embedded.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from . import __version__
from .chunking import Chunker, Passage
from .config import CHUNKER_VERSION, MAX_TOKENS, SOFT_PASSAGE_CHARS
from .corpus import corpus_files, scan_corpus
from .dense import DenseIndex, choose_form, read_dense, write_dense
from .embedding import Encoder
from .errors import IndexCorruptError, IndexNotFoundError
from .lexical import LexicalIndex
from .vectors import MergedRows, read_vectors
from .loading import Document, load_document
from .store import (  # re-exported: callers import these from verbatim.index
    REBUILD_HINT,
    build_lock,
    build_settings,
    check_compatible,
    check_files,
    corpus_changes,
    current_build,
    describe,
    ensure_fresh,
    incompatibility,
    new_build,
    publish,
    read_manifest,
    rebuild_reason,
    remove_leftovers,
)

__all__ = [
    "BuildReport", "LoadedIndex", "Row", "build_index", "load_index", "read_manifest", "corpus_changes",
    "ensure_fresh", "rebuild_reason", "current_build", "check_compatible", "incompatibility",
    "choose_form", "REBUILD_HINT",
]

_FILES = ("passages.json", "rows.json", "keys.json", "centroid.npy", "lexical")
# What a rebuild reads of the live build to reuse its vectors (checked against its manifest first).
_REUSED_FILES = ("keys.json", "vectors.npy", "vectors-codes.npy", "vectors-range.npy", "dense.faiss")
_EMBED_STEP = 256  # texts per progress-bar step
_CENTROID_STEP = 100_000


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
    warnings: list[str] = field(default_factory=list)  # e.g. an unreadable sub-folder was skipped


@dataclass
class LoadedIndex:
    """A checked index, ready to search."""

    folder: Path
    manifest: dict
    passages: list[Passage]
    rows: list[Row]
    vectors: np.ndarray  # or vectors.StoredVectors: float32 rows either way
    dense: DenseIndex
    lexical: LexicalIndex
    centroid: np.ndarray  # the passage rows' mean, normalised
    unit_rows: dict[int, list[int]] = field(default_factory=dict)  # passage -> its sentence rows
    passage_rows: dict[int, int] = field(default_factory=dict)  # passage -> its own (whole-passage) row


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


def load_documents(corpus: Path, files: list[Path] | None = None) -> tuple[list[Document], dict[str, dict]]:
    """Load every source file, with the hash of the bytes that were read."""
    docs, sources = [], {}
    for path in corpus_files(corpus) if files is None else files:
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
    progress_bar: bool | None = False,
    index_type: str | None = None,
    wait: float = 0.0,
) -> BuildReport:
    """Chunk and embed ``corpus`` into a new build under ``index_dir`` and make it live.

    Vectors of texts embedded by the previous build are reused, so an edit re-embeds only
    the passages and sentences it changed. ``progress`` receives one-line messages;
    ``progress_bar`` shows a tqdm bar on stderr while embedding (None: only on a terminal).
    ``wait`` is how long to wait for another build's lock. Raises CorpusError or
    SourceFileError on bad input, IndexWriteError if the folder cannot be written (full
    disk, read-only) and BuildLockedError if another build holds the lock; in every case,
    and when interrupted, the previous build keeps serving and no temporary file is left.
    """
    t0 = time.perf_counter()
    say = progress or (lambda _msg: None)
    with build_lock(index_dir, wait):
        remove_leftovers(index_dir)
        scan = scan_corpus(corpus)
        for warning in scan.warnings:
            say(f"warning: {warning}")
        docs, sources = load_documents(corpus, scan.files)
        chunker = Chunker(encoder.count_tokens, MAX_TOKENS, soft_chars)
        passages = [p for d in docs for p in chunker.chunk(d)]
        rows, texts = row_texts(passages)
        keys = [_text_key(encoder.fingerprint, t) for t in texts]

        previous = _previous_build(index_dir)
        source = np.full(len(keys), -1, np.int64)
        if previous is not None:
            source[:] = [previous.rows.get(k, -1) for k in keys]
        missing = np.flatnonzero(source < 0)
        say(
            f"{len(docs)} files, {len(passages)} passages, {len(rows)} vectors: "
            f"{len(missing)} to embed, {len(rows) - len(missing)} reused"
        )
        fresh = np.empty((len(rows), encoder.dim), dtype=np.float32)  # pages of reused rows never touched
        if len(missing):
            fresh[missing] = _embed(encoder, [texts[i] for i in missing], progress_bar)
        vectors = MergedRows(fresh, previous.vectors, source) if previous is not None else fresh

        form = choose_form(len(rows), encoder.dim)
        if index_type:  # a forced form (tests, benchmarks): "Flat" or an "IVF…,PQ…x4fs" string
            form = {"form": "flat" if index_type == "Flat" else "ivf-pq", "index_type": index_type}
            form["vectors"] = "float32" if index_type == "Flat" else "float16"
            if index_type.endswith("x4fs"):  # codes by row need 4-bit fast-scan codes; others keep them in dense.faiss
                form["codes"] = "rows"
        kind = form["index_type"]
        with new_build(index_dir) as partial:
            dense = _write_build(partial, passages, rows, keys, vectors, texts, form,
                                 previous.dense if previous is not None else None, source)
            manifest = {
                **{k: v for k, v in build_settings(encoder).items() if k != "chunker_version"},
                "verbatim_version": __version__,
                "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "chunker": {"version": CHUNKER_VERSION, "max_tokens": MAX_TOKENS, "soft_chars": soft_chars},
                "corpus": str(corpus),
                "sources": sources,
                "passages": len(passages),
                "rows": len(rows),
                "index_type": kind,
                "dense": {k: v for k, v in dense.items() if k != "files"},
                "embedded": int(len(missing)),
                "reused": len(rows) - len(missing),
                "files": {n: describe(partial, n) for n in (*_FILES, *dense["files"])},
            }
            name = publish(index_dir, partial, manifest)
        return BuildReport(
            index_dir, name, len(passages), len(rows), len(missing), len(rows) - len(missing),
            time.perf_counter() - t0, kind, scan.warnings,
        )


def _embed(encoder: Encoder, texts: list[str], bar: bool | None) -> np.ndarray:
    """Embed ``texts`` in steps, shortest first (little padding), showing a bar if asked."""
    from tqdm import tqdm

    out = np.empty((len(texts), encoder.dim), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    disable = None if bar is None else not bar  # tqdm's None: show only on a terminal
    with tqdm(total=len(texts), desc="embedding", unit="text", file=sys.stderr, disable=disable,
              mininterval=0.5) as shown:
        for s in range(0, len(order), _EMBED_STEP):
            step = order[s : s + _EMBED_STEP]
            out[step] = encoder.encode([texts[i] for i in step])
            shown.update(len(step))
    return out


@dataclass
class _PreviousBuild:
    """What a new build can reuse of the live one: its row for each text key, and its vectors."""

    rows: dict[str, int]
    vectors: object  # float32 array or StoredVectors: rows decoded when read
    dense: tuple[Path, dict] | None  # the build and its manifest's dense entry (None: an old format)


def _previous_build(index_dir: Path) -> _PreviousBuild | None:
    """The live build's rows by text key and its stored vectors; None if nothing is reusable.

    Nothing is decoded here: the new build copies the stored bytes of reused rows when its
    form is the same (``dense.write_dense``) and decodes them only otherwise. float16 rows are
    within cosine 0.9999 of the model's; r8 rows are copied, or stored again with the same
    ranges and trained index, so reuse adds no rounding. The files read are checked against
    the manifest first: rebuilding is how a damaged build is repaired, and copied bytes would
    carry the damage into the new one (a build whose files do not match reuses nothing).
    """
    try:
        build, manifest = read_manifest(index_dir)
        files = manifest.get("files", {})
        check_files(build, {n: files[n] for n in _REUSED_FILES if n in files})
        dense = manifest.get("dense")
        live = (build, dense) if isinstance(dense, dict) else None
        keys = json.loads((build / "keys.json").read_text("utf-8"))
        vectors = read_vectors(build, dense["vectors"] if live else "float32")
        if not isinstance(keys, list) or len(keys) != len(vectors):
            return None
        return _PreviousBuild({k: i for i, k in enumerate(keys)}, vectors, live)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RuntimeError, IndexNotFoundError,
            IndexCorruptError):
        return None  # nothing reusable: embed everything


def _write_build(folder, passages, rows, keys, vectors, texts, form, previous, source) -> dict:
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
    whole = np.array([i for i, r in enumerate(rows) if r.unit < 0], dtype=np.int64)
    centroid = np.zeros(vectors.shape[1], np.float64)
    for start in range(0, len(whole), _CENTROID_STEP):  # in steps: reused rows are decoded as they are read
        centroid += np.asarray(vectors[whole[start : start + _CENTROID_STEP]]).sum(axis=0, dtype=np.float64)
    centroid = (centroid / max(float(np.linalg.norm(centroid)), 1e-12)).astype(np.float32)
    np.save(folder / "centroid.npy", centroid, allow_pickle=False)
    dense = write_dense(folder, vectors, form, previous, reused=source)
    LexicalIndex.build(texts).save(folder / "lexical")
    return dense


def load_index(index_dir: Path, encoder: Encoder, *, live: tuple[Path, dict] | None = None) -> LoadedIndex:
    """Check every file against the manifest, then load the live build.

    ``live`` is ``read_manifest(index_dir)`` when the caller has read it already: pass it
    on so that the build checked is the build loaded, even if ``CURRENT`` moves meanwhile.
    """
    build, manifest = live or read_manifest(index_dir)
    check_compatible(manifest, encoder)
    check_files(build, manifest["files"])
    try:
        records = json.loads((build / "passages.json").read_text("utf-8"))
        passages = [
            Passage(r["source"], r["start"], r["end"], r["text"], tuple(r["heading_path"]),
                    tuple(tuple(u) for u in r["units"]), tuple(r["lines"]))
            for r in records
        ]
        rows = [Row(p, u) for p, u in json.loads((build / "rows.json").read_text("utf-8"))]
        centroid = np.load(build / "centroid.npy", allow_pickle=False)
        # Vectors are read into memory when small, memory-mapped when large.
        dense = read_dense(build, manifest["dense"])
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):
        raise IndexCorruptError(f"{build}: index files are inconsistent; rebuild: {REBUILD_HINT}") from None
    if (
        len(passages) != manifest.get("passages")
        or len(rows) != manifest.get("rows")
        or dense.ntotal != len(rows)
        or dense.d != encoder.dim
        or centroid.shape != (encoder.dim,)
        or any(not 0 <= r.passage < len(passages) for r in rows)
    ):
        raise IndexCorruptError(f"{build}: index files disagree in size; rebuild: {REBUILD_HINT}")
    lexical = LexicalIndex.load(build / "lexical")
    unit_rows: dict[int, list[int]] = {}
    passage_rows: dict[int, int] = {}
    for i, r in enumerate(rows):
        if r.unit >= 0:
            unit_rows.setdefault(r.passage, []).append(i)
        else:
            passage_rows[r.passage] = i
    return LoadedIndex(build, manifest, passages, rows, dense.vectors, dense, lexical, centroid.astype(np.float32),
                       unit_rows, passage_rows)
