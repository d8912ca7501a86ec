"""The dense index at any scale: each vector stored once, in a form chosen by corpus size.

Not wired into the build yet; ``docs/scale.md`` has the design and the measurements
(``benchmarks/scale_bench.py``). Every form is built from a ``faiss.index_factory`` string
and searched by inner product over L2-normalised vectors (so scores are cosines):

- ``flat`` (up to EXACT_MAX_VECTORS): exact search over float32 vectors held in the index.
- ``ivf-pq-refine`` (beyond): an inverted file of 4-bit product-quantised codes (FAISS
  "fast scan": 96 bytes a vector, scanned with SIMD lookups) proposes
  ``REFINE_FACTOR`` × k candidates, which are re-scored from float16 copies of the vectors
  (768 bytes each; up to FLOAT16_MAX_VECTORS) or 8-bit scalar-quantised ones (384 bytes,
  beyond), so the whole index stays under 2 GB. Read the index with ``read_dense_index``
  and those copies stay memory-mapped: only the rows a query re-scores are paged in.

Neither keeps a second copy of the vectors: ``row_vectors`` gives rows back from the index
(exactly for ``flat``, to within float16 or 8-bit rounding otherwise), which is all
the searcher's highlighting and topic centroid need.
"""

from __future__ import annotations

import os

import numpy as np

EXACT_MAX_VECTORS = 200_000
# Share of the inverted lists a query scans, and how many candidates per result the
# compressed codes propose for re-scoring; measured in docs/scale.md.
PROBE_SHARE = 1 / 8
REFINE_FACTOR = 16
# Re-scoring copies in float16 (768 bytes a vector, exact to ~1e-4) while the whole index
# stays under 2 GB; in 8 bits (384 bytes, ~1e-3) beyond. None: chosen by size.
FLOAT16_MAX_VECTORS = 2_000_000
REFINE_CODE: str | None = None
_TRAIN_PER_LIST = 64
_ADD_CHUNK = 100_000


def choose_storage(n: int) -> str:
    """Return the storage kind for ``n`` vectors."""
    return "flat" if n <= EXACT_MAX_VECTORS else "ivf-pq-refine"


def _nlist(n: int) -> int:
    return 1 << max(6, round(np.log2(np.sqrt(n) / 2)))  # about √n / 2 lists, a power of two


def factory_string(n: int, dim: int) -> str:
    """The ``faiss.index_factory`` description of the index for ``n`` vectors of ``dim``."""
    if choose_storage(n) == "flat":
        return "Flat"
    code = REFINE_CODE or ("SQfp16" if n <= FLOAT16_MAX_VECTORS else "SQ8")
    return f"IVF{_nlist(n)},PQ{dim // 2}x4fs,Refine({code})"


def make_dense_index(vectors, n: int | None = None):
    """Build the dense index over ``vectors`` (float32 unit rows, may be memory-mapped).

    ``n`` is how many rows to index (default: all). Returns ``(index, storage_kind)``; the
    kind goes into the manifest and decides how the index is read back. Deterministic: the
    training sample is drawn with a fixed seed.
    """
    import faiss

    n = len(vectors) if n is None else n
    dim = vectors.shape[1]
    kind = choose_storage(n)
    faiss.omp_set_num_threads(os.cpu_count() or 1)  # building is batch work: use every core
    index = faiss.index_factory(dim, factory_string(n, dim), faiss.METRIC_INNER_PRODUCT)
    if kind != "flat":
        nlist = _nlist(n)
        rng = np.random.default_rng(0)
        take = np.sort(rng.choice(n, min(n, _TRAIN_PER_LIST * nlist), replace=False))
        index.train(np.ascontiguousarray(vectors[take], dtype=np.float32))
    for start in range(0, n, _ADD_CHUNK):  # chunks: a mapped input is never read whole
        index.add(np.ascontiguousarray(vectors[start : min(n, start + _ADD_CHUNK)], dtype=np.float32))
    set_search_parameters(index, kind)
    return index, kind


def set_search_parameters(index, kind: str) -> None:
    """Set how much of the index a query scans (not stored in the file: set after reading)."""
    import faiss

    if kind == "flat":
        return
    ivf = faiss.extract_index_ivf(index)
    ivf.nprobe = max(1, int(ivf.nlist * PROBE_SHARE))
    faiss.downcast_index(index).k_factor = REFINE_FACTOR


def read_dense_index(path, kind: str):
    """Read an index written by ``faiss.write_index``; re-scoring codes stay memory-mapped."""
    import faiss

    flags = faiss.IO_FLAG_MMAP_IFC if kind != "flat" else 0
    index = faiss.read_index(str(path), flags)
    set_search_parameters(index, kind)
    return index


def row_vectors(index, rows) -> np.ndarray:
    """Return the stored vectors of ``rows`` (decoded from the re-scoring copies if compressed)."""
    import faiss

    rows = np.asarray(rows, dtype=np.int64)
    index = faiss.downcast_index(index)
    source = faiss.downcast_index(index.refine_index) if hasattr(index, "refine_index") else index
    out = np.vstack([source.reconstruct(int(r)) for r in rows]) if len(rows) else np.empty((0, index.d))
    return out.astype(np.float32)
