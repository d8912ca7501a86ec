"""The dense index: exact search for small corpora, compressed candidates re-scored beyond.

Every vector is stored once, in ``vectors.npy`` (``verbatim.vectors``); ``dense.faiss``
holds only what finds candidates. The form is chosen by corpus size (``choose_form``, with
the thresholds in ``config``) and recorded in the manifest's ``dense`` entry:

- ``flat``: exact search, brute force over the float32 vectors (``faiss.knn``, the code
  ``IndexFlatIP`` runs). ``dense.faiss`` is an empty ``IndexFlatIP``: metric and dimension.
- ``ivf-pq``: an inverted file of 4-bit product-quantised codes scanned with SIMD ("fast
  scan"), an L2 index over unit vectors (the same order as cosine). A query scans
  ``DENSE_PROBES`` lists, keeps the ``DENSE_RERANK_POOL`` best rows by their codes and
  re-scores them against the stored vectors; those cosines, not the codes' estimates, are
  what ``search`` returns. Up to ``FLOAT16_MAX_VECTORS`` the stored vectors are float16;
  beyond, ``r8`` (``verbatim.vectors``): the codes plus an 8-bit residual. In both, each row's
  code is kept once, by row, in ``vectors-codes.npy``; ``dense.faiss`` is the trained index,
  empty, and reading fills it from those codes (``_filled``), so FAISS's 8-byte ids are never
  written, and an edit copies the codes of unchanged rows instead of encoding every row again.
  (Builds of the earlier float16 form, without ``"codes": "rows"``, kept the codes and ids in
  ``dense.faiss``; they are still read.)

Vectors are L2-normalised, so inner product is cosine similarity.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .config import (
    DENSE_LISTS_PER_SQRT,
    DENSE_PQ_DIMS_PER_CODE,
    DENSE_PROBES,
    DENSE_RERANK_POOL,
    DENSE_TRAIN_ITERATIONS,
    DENSE_TRAIN_PER_LIST,
    DENSE_TRAIN_SAMPLE,
    EXACT_SEARCH_MAX_VECTORS,
    FLOAT16_MAX_VECTORS,
)
from .vectors import Codec, read_codes, read_vectors, write_codes, write_vectors

_ADD_CHUNK = 100_000


def choose_form(n_vectors: int, dim: int) -> dict:
    """The dense form for ``n_vectors`` of ``dim``: what the manifest's ``dense`` entry records."""
    if n_vectors <= EXACT_SEARCH_MAX_VECTORS:
        return {"form": "flat", "index_type": "Flat", "vectors": "float32"}
    nlist = 1 << max(6, round(np.log2(DENSE_LISTS_PER_SQRT * np.sqrt(n_vectors))))
    m = dim // DENSE_PQ_DIMS_PER_CODE  # 4-bit codes: two a byte
    if n_vectors <= FLOAT16_MAX_VECTORS:
        # "codes": "rows": the codes are stored by row (vectors-codes.npy), the index filled at read
        return {"form": "ivf-pq", "index_type": f"IVF{nlist},PQ{m}x4fs", "vectors": "float16", "codes": "rows"}
    # "fsr": the codes encode each vector's offset from its list's centroid (FAISS's by_residual)
    return {"form": "ivf-pq", "index_type": f"IVF{nlist},PQ{m}x4fsr", "vectors": "r8"}


class DenseIndex:
    """Search over one build's vectors: ``search(queries, k) -> (cosines, rows)`` like FAISS."""

    def __init__(self, form: dict, vectors, candidates=None) -> None:
        self.form, self.vectors, self.candidates = form, vectors, candidates
        self.ntotal, self.d = vectors.shape

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        import faiss

        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if self.candidates is None:
            return faiss.knn(queries, self.vectors, k, metric=faiss.METRIC_INNER_PRODUCT)
        return self._rescored(queries, k)[:2]

    def search_rows(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The rows among each query's ``k`` best (ascending, each once) and their vectors (float32).

        What ``search`` finds; the vectors come from the bytes its re-scoring read, not read again
        (at 4,000,000 rows, reading and decoding the best rows a second time took ~1.3 ms a question).
        """
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if self.candidates is None:
            _, ids = self.search(queries, k)
            rows = np.unique(ids[ids >= 0])
            return rows, np.asarray(self.vectors[rows], dtype=np.float32)
        _, ids, read = self._rescored(queries, k)
        rows = np.unique(ids[ids >= 0])
        return rows, read(rows)

    def _rescored(self, queries: np.ndarray, k: int):
        pool = min(self.ntotal, max(k, DENSE_RERANK_POOL))
        _, cand = self.candidates.search(queries, pool)
        return _rescore(self.vectors, queries, cand, k)


def rescore(vectors, queries: np.ndarray, cand: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` best of each query's candidate rows by their cosine to the stored vectors."""
    return _rescore(vectors, queries, cand, k)[:2]


def _rescore(vectors, queries: np.ndarray, cand: np.ndarray, k: int):
    """``rescore``, and ``read(rows)``: float32 vectors of candidate rows from the bytes it read."""
    found = cand >= 0
    scored = getattr(vectors, "score_candidates", lambda q, c: None)(queries, cand)  # r8: without decoding
    if scored is not None:
        scored, read = scored
        scores = np.where(found, scored, -np.inf)
    else:
        rows = np.unique(cand[found])  # every query's candidates, read once and in file order
        block = np.asarray(vectors[rows], dtype=np.float32)
        sims = block @ queries.T
        pos = np.searchsorted(rows, np.where(found, cand, rows[0] if len(rows) else 0))
        scores = np.where(found, sims[pos, np.arange(len(queries))[:, None]] if len(rows) else 0, -np.inf)

        def read(wanted: np.ndarray) -> np.ndarray:
            return block[np.searchsorted(rows, wanted)]
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    dist = np.take_along_axis(scores, top, 1).astype(np.float32)
    ids = np.where(np.isfinite(dist), np.take_along_axis(cand, top, 1), -1)
    if dist.shape[1] < k:  # fewer candidates than asked for: pad as FAISS does
        pad = k - dist.shape[1]
        dist = np.hstack([dist, np.full((len(dist), pad), -np.inf, np.float32)])
        ids = np.hstack([ids, np.full((len(ids), pad), -1, ids.dtype)])
    return dist, ids, read


def write_dense(folder: Path, vectors, form: dict | None = None, previous: tuple[Path, dict] | None = None,
                reused: np.ndarray | None = None) -> dict:
    """Write ``vectors`` (float32 rows, may be memory-mapped) and their index into ``folder``.

    Returns the manifest's ``dense`` entry (the form, and the files written). ``previous`` is
    the live build and its entry: if it has the same form, its trained quantisers (and 9-bit
    ranges) are reused, so an edit does not retrain them. ``reused`` gives, for each row, the
    previous build's row with the same text (-1: none): with the same form, those rows' stored
    bytes (and ``r8`` codes) are copied rather than encoded again, so an edit of a large
    build costs about what it changed plus a copy. ``vectors`` may then be a ``MergedRows``
    that decodes reused rows only if read (a float16 candidate index still reads every row).
    """
    import faiss

    n, dim = vectors.shape
    form = form or choose_form(n, dim)
    old = previous if previous and previous[1].get("index_type") == form["index_type"] \
        and previous[1].get("vectors") == form["vectors"] else None
    ranges = None
    if old and form["vectors"] in ("q9", "r8"):
        try:
            ranges = np.load(old[0] / "vectors-range.npy", allow_pickle=False)
        except (OSError, ValueError):
            ranges = None  # unreadable: take them from a sample
    copy = (old[0], reused) if old and reused is not None and (ranges is not None or form["vectors"] in ("float32", "float16")) else None
    def stored(codec=None, copy_from=copy) -> list[str]:
        return _copied_or_encoded(lambda c: write_vectors(folder, vectors, form["vectors"], ranges, codec, c), copy_from)

    if form["form"] == "flat":
        files = stored()
        index = faiss.IndexFlatIP(dim)
    elif form["vectors"] == "r8":  # the codes go to vectors-codes.npy; dense.faiss stays empty
        faiss.omp_set_num_threads(build_threads())
        index, retrained = _trained(vectors, form, old)
        files = stored(Codec(index), None if retrained else copy)
    elif form.get("codes") == "rows":  # float16 rows, their codes by row; dense.faiss stays empty
        files = stored()
        faiss.omp_set_num_threads(build_threads())
        index, retrained = _trained(vectors, form, old)
        codec = Codec(index)
        files += _copied_or_encoded(lambda c: write_codes(folder, vectors, codec, c), None if retrained else copy)
    else:  # the older float16 form: the codes and ids inside dense.faiss (still written for a forced form)
        files = stored()
        faiss.omp_set_num_threads(build_threads())
        index, _ = _trained(vectors, form, old)
        for start in range(0, n, _ADD_CHUNK):  # chunks: a mapped input is never read whole
            index.add(np.ascontiguousarray(vectors[start : start + _ADD_CHUNK], dtype=np.float32))
    (folder / "dense.faiss").write_bytes(faiss.serialize_index(index).tobytes())  # OSError, not an abort
    return {**form, "files": ["dense.faiss", *files]}


def _copied_or_encoded(write, copy) -> list[str]:
    """``write(copy)``, copying the previous build's rows; if they cannot be read as this form's
    rows (unreadable, or of an older form), ``write(None)``: every row encoded from the vectors."""
    if copy is not None:
        try:
            return write(copy)
        except (OSError, ValueError):
            pass
    return write(None)


def build_threads() -> int:
    """FAISS threads for building: every core that is idle, at least one.

    OpenMP threads spin while they wait for each other: on this 2-core machine with a load of
    12, training with two threads took 46 s where one took 2.4 s.
    """
    cores = os.cpu_count() or 1
    return max(1, min(cores, round(cores - os.getloadavg()[0])))


def _trained(vectors, form: dict, old: tuple[Path, dict] | None) -> tuple[object, bool]:
    """An empty trained candidate index: the previous build's, or trained on a fixed sample
    (then ``True``: codes of the previous build do not apply to it)."""
    import faiss

    if old is not None:
        try:
            index = faiss.read_index(str(old[0] / "dense.faiss"))
            index.reset()
            return index, False
        except RuntimeError:
            pass  # unreadable: train afresh
    index = faiss.index_factory(vectors.shape[1], form["index_type"], faiss.METRIC_L2)
    ivf = faiss.extract_index_ivf(index)
    ivf.cp.niter = DENSE_TRAIN_ITERATIONS
    nlist = ivf.nlist
    n = len(vectors)
    rng = np.random.default_rng(0)  # a fixed sample: the same corpus builds the same index
    take = np.sort(rng.choice(n, min(n, max(DENSE_TRAIN_SAMPLE, DENSE_TRAIN_PER_LIST * nlist)), replace=False))
    index.train(np.ascontiguousarray(vectors[take], dtype=np.float32))
    return index, True


def read_dense(folder: Path, form: dict) -> DenseIndex:
    """Read a build's vectors and index (written by ``write_dense``) with its search settings.

    Raises OSError, ValueError or RuntimeError (FAISS) if a file is unreadable.
    """
    import faiss

    vectors = read_vectors(folder, form["vectors"])
    if form["vectors"] == "r8":
        index = _filled(vectors.codes, vectors.codec)
    elif form.get("codes") == "rows":
        codec = Codec(faiss.read_index(str(folder / "dense.faiss")))
        index = _filled(read_codes(folder, codec, len(vectors)), codec)
    else:
        index = faiss.read_index(str(folder / "dense.faiss"))
    if index.d != vectors.shape[1]:
        raise ValueError(f"{folder}/dense.faiss: {index.d} dimensions, not {vectors.shape[1]}")
    if form["form"] == "flat":
        return DenseIndex(form, vectors)
    if index.ntotal != len(vectors):
        raise ValueError(f"{folder}/dense.faiss: {index.ntotal} vectors, not {len(vectors)}")
    faiss.extract_index_ivf(index).nprobe = DENSE_PROBES
    return DenseIndex(form, vectors, index)


def _filled(codes, codec: Codec):
    """A candidate index filled from codes stored by row (``r8``, or float16 with ``"codes": "rows"``).

    FAISS's fast-scan lists take codes in blocks, so they are added to a plain IVF-PQ index
    of the same quantisers, a chunk at a time, which is then converted (and freed). Each
    row's id is its row number: nothing but the codes is read.
    """
    import faiss

    ivf = faiss.downcast_index(codec.index)
    if not isinstance(ivf, faiss.IndexIVFPQFastScan) or ivf.ntotal:
        raise ValueError("dense.faiss: not an empty IVF-PQ fast-scan index")
    quantizer = faiss.clone_index(faiss.downcast_index(ivf.quantizer))
    plain = faiss.IndexIVFPQ(quantizer, ivf.d, ivf.nlist, ivf.pq.M, ivf.pq.nbits, ivf.metric_type)
    plain.pq, plain.by_residual, plain.is_trained = ivf.pq, ivf.by_residual, True
    for start in range(0, len(codes), _ADD_CHUNK):
        chunk = np.ascontiguousarray(codes[start : start + _ADD_CHUNK])
        plain.add_sa_codes(chunk, np.arange(start, start + len(chunk), dtype=np.int64))
    index = faiss.IndexIVFPQFastScan(plain, ivf.bbs)
    index.precompute_table()  # as training does: each list's part of the distance tables (12.6 MB at 1,024 lists), ~1 ms a query
    # Free its codes and ids, now copied (the new index keeps a reference to it, and a reset
    # would keep the lists' capacity): replaced by empty lists, the old ones are deleted.
    empty = faiss.ArrayInvertedLists(ivf.nlist, plain.code_size)
    empty.this.disown()
    plain.replace_invlists(empty, True)
    _return_freed_memory()
    quantizer.this.disown()  # now the fast-scan index's, freed with it
    index.own_fields = True
    return index


def _return_freed_memory() -> None:
    """Give freed heap pages back to the system (glibc): the plain index's lists, grown by
    doubling, are freed between blocks still in use and would stay in the searcher's RSS
    (1,045 MB rather than 488 MB at 4,000,000 vectors)."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: the memory stays with the process
