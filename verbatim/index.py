"""Build and load the search index: passages, their vectors, a FAISS index and BM25.

Files of one build (see ``store`` for the folder layout, the lock and ``CURRENT``)::

    manifest.json    what built it, and the size and SHA-256 of every file below
    passages.*       passages by column: source, offsets, text, heading path, sentence spans
                     (see ``passage_store``)
    rows.npy         what each vector is: a passage (-1), or one sentence of a passage
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
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
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
from .passage_store import FILES as PASSAGE_FILES, PassageTable
from .reader_questions import attach, find_questions
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
    "BuildReport", "LoadedIndex", "Row", "RowLayout", "build_index", "load_index", "read_manifest", "corpus_changes",
    "ensure_fresh", "rebuild_reason", "current_build", "check_compatible", "incompatibility",
    "choose_form", "REBUILD_HINT",
]

_FILES = (*PASSAGE_FILES, "rows.npy", "keys.json", "centroid.npy", "lexical", "questions.npy", "questions.json")
# What a rebuild reads of the live build to reuse its vectors (checked against its manifest first).
_REUSED_FILES = ("keys.json", "vectors.npy", "vectors-codes.npy", "vectors-range.npy", "dense.faiss")
_EMBED_STEP = 256  # texts per progress-bar step
_CENTROID_STEP = 100_000


@dataclass(frozen=True)
class Row:
    """One vector: a whole passage (unit == -1) or one of its sentences."""

    passage: int
    unit: int


@dataclass(frozen=True, eq=False)
class RowLayout(Sequence[Row]):
    """What each vector is, by column. A passage's own row comes first, then its sentence rows
    (none when the passage is one sentence), passage after passage, as ``row_texts`` lays them out."""

    passage: np.ndarray  # row -> passage
    unit: np.ndarray  # row -> sentence of the passage, -1 for the passage itself
    first: np.ndarray  # passage -> its own row, and last the number of rows

    @classmethod
    def of(cls, rows: Sequence[Row], n_passages: int) -> RowLayout:
        pairs = np.array([(r.passage, r.unit) for r in rows], dtype=np.int32).reshape(-1, 2)
        return cls.from_pairs(pairs, n_passages)

    @classmethod
    def from_pairs(cls, pairs: np.ndarray, n_passages: int) -> RowLayout:
        """The layout of (passage, unit) pairs; ValueError unless they are laid out as ``row_texts`` does."""
        passage, unit = pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)
        own = np.flatnonzero(unit < 0)
        first = np.concatenate([own, [len(unit)]]).astype(np.int64)
        if len(own) != n_passages or (passage[own] != np.arange(n_passages)).any():
            raise ValueError("rows do not hold each passage once, in order")
        owner = np.repeat(np.arange(n_passages), np.diff(first))
        expected = np.arange(len(unit)) - first[owner] - 1  # the sentence number of each row after the own one
        if (passage != owner).any() or (unit[unit >= 0] != expected[unit >= 0]).any() or \
                (np.diff(first) == 2).any():  # one sentence is the passage's own row, never a row of its own
            raise ValueError("a passage's sentence rows do not follow its own row")
        return cls(passage, unit, first)

    def __len__(self) -> int:
        return len(self.passage)

    def __getitem__(self, r):  # type: ignore[override]
        if isinstance(r, slice):
            return [self[i] for i in range(*r.indices(len(self)))]
        return Row(int(self.passage[r]), int(self.unit[r]))

    def own_row(self, pid: int) -> int:
        """The row of the passage itself."""
        return int(self.first[pid])

    def sentence_rows(self, pid: int) -> range:
        """The rows of the passage's sentences (empty when the passage is one sentence)."""
        return range(int(self.first[pid]) + 1, int(self.first[pid + 1]))

    @cached_property
    def with_sentences(self) -> Container[int]:
        """The passages that have sentence rows (asked only about the few that rank)."""
        return _WithSentences(self.first)

    def pairs(self) -> np.ndarray:
        return np.stack([self.passage, self.unit], axis=1).astype(np.int32)


class _WithSentences:
    """One byte a passage: ``in`` is asked of every ranked passage, and indexing a NumPy array costs
    about ten times as much as indexing bytes."""

    def __init__(self, first: np.ndarray) -> None:
        self._flags = (np.diff(first) > 1).tobytes()

    def __contains__(self, pid: object) -> bool:
        try:
            return 0 <= pid < len(self._flags) and self._flags[pid] == 1  # type: ignore[operator, index]
        except TypeError:
            return False


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
    passages: PassageTable
    rows: RowLayout
    vectors: np.ndarray  # or vectors.StoredVectors: float32 rows either way
    dense: DenseIndex
    lexical: LexicalIndex
    centroid: np.ndarray  # the passage rows' mean, normalised
    # Readers' questions from the owners' files (reader_questions.py): one vector each, and the first
    # passage of the section it is filed under. Empty for a corpus without such files.
    questions: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    question_passage: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))


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
        questions, question_files = find_questions(corpus, [d.source for d in docs])
        question_passage, question_warnings = attach(questions, section_starts(passages))
        for warning in question_warnings:
            say(f"warning: {warning}")
        scan.warnings.extend(question_warnings)
        filed = [(q.text, pid) for q, pid in zip(questions, question_passage) if pid >= 0]

        previous = _previous_build(index_dir)
        source = np.full(len(keys), -1, np.int64)
        if previous is not None:
            source[:] = [previous.rows.get(k, -1) for k in keys]
        missing = np.flatnonzero(source < 0)
        say(
            f"{len(docs)} files, {len(passages)} passages, {len(rows)} vectors: "
            f"{len(missing)} to embed, {len(rows) - len(missing)} reused"
        )
        if filed:
            sections = len({pid for _, pid in filed})
            under = f"{sections} section" + ("s" if sections != 1 else "")
            say(f"{len(filed)} readers' questions filed under {under} ({', '.join(question_files)})")
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
            _write_questions(partial, filed, encoder, previous.questions if previous is not None else {})
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
                "reader_questions": {"files": question_files, "filed": len(filed)},
                "embedded": int(len(missing)),
                "reused": len(rows) - len(missing),
                "files": {n: describe(partial, n) for n in (*_FILES, *dense["files"])},
            }
            name = publish(index_dir, partial, manifest)
        return BuildReport(
            index_dir, name, len(passages), len(rows), len(missing), len(rows) - len(missing),
            time.perf_counter() - t0, kind, scan.warnings,
        )


def section_starts(passages: Sequence[Passage]) -> dict[tuple[str, str], int]:
    """(source, heading) -> the first passage of the first section under that heading."""
    out: dict[tuple[str, str], int] = {}
    for pid, p in enumerate(passages):
        if p.heading_path:
            out.setdefault((p.source, p.heading_path[-1]), pid)
    return out


def _write_questions(folder: Path, filed: list[tuple[str, int]], encoder: Encoder,
                     known: Mapping[str, np.ndarray]) -> None:
    """Embed the readers' questions (``known``: vectors the live build embedded, by key) and write them."""
    keys = [_text_key(encoder.fingerprint, text) for text, _ in filed]
    vectors = np.zeros((len(filed), encoder.dim), np.float32)
    fresh = [i for i, k in enumerate(keys) if k not in known]
    for i, k in enumerate(keys):
        if k in known:
            vectors[i] = known[k]
    if fresh:
        vectors[fresh] = encoder.encode([filed[i][0] for i in fresh])
    np.save(folder / "questions.npy", vectors, allow_pickle=False)
    (folder / "questions.json").write_text(json.dumps(
        {"passage": [pid for _, pid in filed], "keys": keys, "text": [text for text, _ in filed]}), "utf-8")


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
    questions: dict[str, np.ndarray]  # its readers' questions' vectors by text key (empty: none reusable)


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
        return _PreviousBuild({k: i for i, k in enumerate(keys)}, vectors, live, _previous_questions(build, files))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RuntimeError, IndexNotFoundError,
            IndexCorruptError):
        return None  # nothing reusable: embed everything


def _previous_questions(build: Path, files: dict) -> dict[str, np.ndarray]:
    """The live build's readers' questions' vectors by text key; empty if it has none or they are damaged."""
    try:
        check_files(build, {n: files[n] for n in ("questions.json", "questions.npy")})
        keys = json.loads((build / "questions.json").read_text("utf-8"))["keys"]
        vectors = np.load(build / "questions.npy", allow_pickle=False)
        if not isinstance(keys, list) or vectors.ndim != 2 or len(vectors) != len(keys):
            return {}
        return {k: vectors[i] for i, k in enumerate(keys)}
    except (OSError, ValueError, KeyError, TypeError, IndexCorruptError):
        return {}  # an older build without them, or damaged ones: embed them all (a few hundred short texts)


def _write_build(folder, passages, rows, keys, vectors, texts, form, previous, source) -> dict:
    PassageTable.from_passages(passages).write(folder)
    np.save(folder / "rows.npy", RowLayout.of(rows, len(passages)).pairs(), allow_pickle=False)
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
        passages = PassageTable.read(build)
        rows = RowLayout.from_pairs(np.load(build / "rows.npy", allow_pickle=False), len(passages))
        centroid = np.load(build / "centroid.npy", allow_pickle=False)
        # Vectors are read into memory when small, memory-mapped when large.
        dense = read_dense(build, manifest["dense"])
        questions, question_passage = _read_questions(build, encoder.dim, len(passages))
    except (OSError, ValueError, KeyError, TypeError, IndexError, RuntimeError):
        raise IndexCorruptError(f"{build}: index files are inconsistent; rebuild: {REBUILD_HINT}") from None
    if (
        len(passages) != manifest.get("passages")
        or len(rows) != manifest.get("rows")
        or dense.ntotal != len(rows)
        or dense.d != encoder.dim
        or centroid.shape != (encoder.dim,)
    ):
        raise IndexCorruptError(f"{build}: index files disagree in size; rebuild: {REBUILD_HINT}")
    lexical = LexicalIndex.load(build / "lexical")
    return LoadedIndex(build, manifest, passages, rows, dense.vectors, dense, lexical, centroid.astype(np.float32),
                       questions, question_passage)


def _read_questions(build: Path, dim: int, n_passages: int) -> tuple[np.ndarray, np.ndarray]:
    """The build's question vectors and their sections' first passages (none in a build made before them)."""
    if not (build / "questions.npy").exists():
        return np.zeros((0, dim), np.float32), np.zeros(0, np.int64)
    vectors = np.load(build / "questions.npy", allow_pickle=False).astype(np.float32, copy=False)
    passage = np.asarray(json.loads((build / "questions.json").read_text("utf-8"))["passage"], dtype=np.int64)
    if vectors.shape != (len(passage), dim) or (len(passage) and not 0 <= passage.min() <= passage.max() < n_passages):
        raise ValueError("questions.npy and questions.json disagree")
    return vectors, passage
