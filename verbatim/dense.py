"""The dense index: which FAISS index suits how many vectors, and making one.

Vectors are L2-normalised, so inner product is cosine similarity: every index here uses
``METRIC_INNER_PRODUCT``. The kind is a FAISS factory string ("Flat", "IVF1024,Flat"),
recorded in the manifest and passed to ``faiss.index_factory`` as is.
"""

from __future__ import annotations

import os

import numpy as np

from .config import EXACT_SEARCH_MAX_VECTORS, IVF_PROBE_SHARE


def choose_index_type(n_vectors: int) -> str:
    """Exact search while it is fast enough; IVF-Flat beyond (recall checked by the benchmark)."""
    if n_vectors <= EXACT_SEARCH_MAX_VECTORS:
        return "Flat"
    nlist = 1 << max(6, round(np.log2(1.6 * np.sqrt(n_vectors))))  # about 1.6 √n lists
    return f"IVF{nlist},Flat"


def make_dense(vectors: np.ndarray, index_type: str):
    """Return a FAISS inner-product index of kind ``index_type`` holding ``vectors``."""
    import faiss

    faiss.omp_set_num_threads(os.cpu_count() or 1)  # building is batch work: use every core
    index = faiss.index_factory(vectors.shape[1], index_type, faiss.METRIC_INNER_PRODUCT)
    if not index.is_trained:
        ivf = faiss.extract_index_ivf(index)
        rng = np.random.default_rng(0)  # a fixed sample: the same corpus builds the same index
        sample = vectors[rng.choice(len(vectors), min(len(vectors), 64 * ivf.nlist), replace=False)]
        index.train(sample)
    set_probes(index)
    index.add(vectors)
    return index


def set_probes(index) -> None:
    """Make an inverted-file index scan IVF_PROBE_SHARE of its lists per query (no-op if flat)."""
    import faiss

    ivf = faiss.try_extract_index_ivf(index)
    if ivf is not None:
        ivf.nprobe = max(1, int(ivf.nlist * IVF_PROBE_SHARE))


def dense_bytes(index) -> bytes:
    """Serialise an index (written by Python, so a full disk is an OSError, not a FAISS abort)."""
    import faiss

    return faiss.serialize_index(index).tobytes()


def read_dense(path) -> object:
    """Read an index written by ``dense_bytes``, with its probe count set."""
    import faiss

    index = faiss.read_index(str(path))
    set_probes(index)
    return index
