"""The one stored copy of a build's vectors (``vectors.npy``), in one of three encodings.

- ``float32``: the vectors as embedded (small corpora: exact search reads them directly).
- ``float16``: half precision, 768 bytes a vector for 384 dimensions; cosines to within ~1e-4.
- ``uint10``: each component as one of 1,024 evenly spaced levels between its dimension's
  bounds (``vectors-range.npy``: each dimension's lowest level and step); the top 8 bits of
  every component, then the low 2 bits packed four to a byte, 480 bytes a vector. Cosines to
  within ~3e-4: a quarter of the error of 8-bit scalar quantisation, which at 4,000,000
  vectors cost 0.6 points of recall@10 (docs/scale.md).

Which one a build uses is decided by ``dense.choose_form`` and recorded in the manifest.
Large files are memory-mapped, so only the rows a query re-scores are read. ``StoredVectors``
gives rows back as float32 whatever the encoding.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

ENCODINGS = ("float32", "float16", "uint10")
_MMAP_ABOVE_BYTES = 256 * 2**20
_CHUNK = 100_000
_LEVELS = 1023
_BOUND_QUANTILE = 1e-5  # bounds of each dimension, from a sample: outliers beyond are clipped


class StoredVectors:
    """Rows of ``vectors.npy`` as float32 unit vectors, decoded on access."""

    def __init__(self, data: np.ndarray, encoding: str, ranges: np.ndarray | None = None) -> None:
        self.data, self.encoding, self.ranges = data, encoding, ranges
        dim = data.shape[1] * 4 // 5 if encoding == "uint10" else data.shape[1]
        self.shape = (data.shape[0], dim)
        self.dtype = np.dtype(np.float32)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows) -> np.ndarray:
        single = np.isscalar(rows)
        raw = np.asarray(self.data[[rows] if single else rows])
        out = decode(raw, self.encoding, self.ranges)
        return out[0] if single else out

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        out = self[slice(None)]
        return out if dtype is None else out.astype(dtype)

    def chunks(self, size: int = _CHUNK):
        """Yield ``(start, float32 rows)`` over every row, a chunk at a time."""
        for start in range(0, len(self), size):
            yield start, self[slice(start, start + size)]


def bounds(sample: np.ndarray) -> np.ndarray:
    """Each dimension's lowest level and step for ``uint10``, from a sample of the vectors."""
    lo = np.quantile(sample, _BOUND_QUANTILE, axis=0)
    hi = np.quantile(sample, 1 - _BOUND_QUANTILE, axis=0)
    return np.stack([lo, np.maximum(hi - lo, 1e-6) / _LEVELS]).astype(np.float32)


def encode(vectors: np.ndarray, encoding: str, ranges: np.ndarray | None = None) -> np.ndarray:
    """The stored form of float32 ``vectors`` (a chunk of rows)."""
    if encoding == "float32":
        return np.ascontiguousarray(vectors, dtype=np.float32)
    if encoding == "float16":
        return vectors.astype(np.float16)
    levels = np.clip(np.rint((vectors - ranges[0]) / ranges[1]), 0, _LEVELS).astype(np.uint16)
    low = (levels & 3).astype(np.uint8).reshape(len(levels), -1, 4)
    packed = low[:, :, 0] | (low[:, :, 1] << 2) | (low[:, :, 2] << 4) | (low[:, :, 3] << 6)
    return np.hstack([(levels >> 2).astype(np.uint8), packed])


def decode(raw: np.ndarray, encoding: str, ranges: np.ndarray | None = None) -> np.ndarray:
    """float32 rows from their stored form."""
    if encoding != "uint10":
        return raw.astype(np.float32, copy=encoding != "float32")
    dim = raw.shape[1] * 4 // 5
    high, packed = raw[:, :dim].astype(np.uint16), raw[:, dim:]
    low = np.stack([(packed >> s) & 3 for s in (0, 2, 4, 6)], axis=2).reshape(len(raw), dim)
    return (ranges[0] + ((high << 2) | low) * ranges[1]).astype(np.float32)


def write_vectors(folder: Path, vectors, encoding: str, ranges: np.ndarray | None = None) -> list[str]:
    """Write ``vectors`` (float32 rows; may be memory-mapped) as ``encoding``; return the files.

    ``ranges`` (uint10 only) are the previous build's, so that a vector decoded from it and
    stored again keeps its levels; without them they are taken from a sample.
    """
    n, dim = vectors.shape
    if encoding == "uint10" and ranges is None:
        take = np.sort(np.random.default_rng(0).choice(n, min(n, 200_000), replace=False))
        ranges = bounds(np.asarray(vectors[take], dtype=np.float32))
    width = dim * 5 // 4 if encoding == "uint10" else dim
    dtype = {"float32": np.float32, "float16": np.float16, "uint10": np.uint8}[encoding]
    out = np.lib.format.open_memmap(folder / "vectors.npy", mode="w+", dtype=dtype, shape=(n, width))
    for start in range(0, n, _CHUNK):
        out[start : start + _CHUNK] = encode(np.asarray(vectors[start : start + _CHUNK]), encoding, ranges)
    out.flush()
    del out
    if encoding != "uint10":
        return ["vectors.npy"]
    np.save(folder / "vectors-range.npy", ranges, allow_pickle=False)
    return ["vectors.npy", "vectors-range.npy"]


def read_vectors(folder: Path, encoding: str):
    """The vectors of a build: a NumPy array (float32) or ``StoredVectors`` (float16, uint10).

    Memory-mapped above 256 MB. Raises OSError or ValueError if a file is unreadable.
    """
    path = folder / "vectors.npy"
    big = path.stat().st_size > _MMAP_ABOVE_BYTES
    data = np.load(path, allow_pickle=False, mmap_mode="r" if big else None)
    if encoding == "float32" and data.dtype == np.float32:
        return data
    if encoding == "float16" and data.dtype == np.float16 and data.ndim == 2:
        return StoredVectors(data, encoding)
    if encoding == "uint10" and data.dtype == np.uint8 and data.ndim == 2 and data.shape[1] % 5 == 0:
        ranges = np.load(folder / "vectors-range.npy", allow_pickle=False)
        if ranges.shape == (2, data.shape[1] * 4 // 5):
            return StoredVectors(data, encoding, ranges.astype(np.float32))
    raise ValueError(f"{path}: not {encoding} vectors")
