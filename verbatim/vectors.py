"""The one stored copy of a build's vectors (``vectors.npy``), in one of three encodings.

- ``float32``: the vectors as embedded (small corpora: exact search reads them directly).
- ``float16``: half precision, 768 bytes a vector for 384 dimensions; cosines to within ~1e-4.
- ``q9``: each component as one of 512 levels, spaced per dimension like the quantiles of a
  normal distribution with that dimension's mean and twice its spread (dense where values
  are common, so the error is smaller than evenly spaced levels give: a compander);
  ``vectors-range.npy`` holds each dimension's mean and scale. Stored as the top 8 bits of
  every component, then the lowest bit packed eight to a byte: 432 bytes a vector. On the
  generated 4,000,000-vector corpus, re-scoring the exact top 256 with it keeps 0.992 of
  the exact top 10, where 8-bit evenly spaced levels keep 0.972-0.980 (docs/scale.md).

Which one a build uses is decided by ``dense.choose_form`` and recorded in the manifest.
Large files are read row by row, so only the rows a query re-scores are read. ``StoredVectors``
gives rows back as float32 whatever the encoding.
"""

from __future__ import annotations

import os
from pathlib import Path
from statistics import NormalDist

import numpy as np

ENCODINGS = ("float32", "float16", "q9")
_MMAP_ABOVE_BYTES = 256 * 2**20
_CHUNK = 100_000
_BITS = 9
_SPREAD = 2.0  # levels spaced as a normal distribution of twice the dimension's spread
_LEVELS = np.array([NormalDist().inv_cdf((j + 0.5) / 2**_BITS) for j in range(2**_BITS)], dtype=np.float32)
_EDGES = (_LEVELS[1:] + _LEVELS[:-1]) / 2  # a value goes to its nearest level


class StoredVectors:
    """Rows of ``vectors.npy`` as float32 unit vectors, decoded on access."""

    def __init__(self, data: np.ndarray, encoding: str, ranges: np.ndarray | None = None) -> None:
        self.data, self.encoding, self.ranges = data, encoding, ranges
        dim = data.shape[1] * 8 // 9 if encoding == "q9" else data.shape[1]
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


class RowFile:
    """Rows of a large ``.npy`` file, read with ``pread``: only the bytes asked for.

    Nothing is mapped, so the searcher's resident memory stays its own: with a memory map,
    the kernel maps 64 KB around every row touched ("fault-around"), and re-scoring a few
    hundred queries' candidates had the whole 1.7 GB file counted in the process's RSS.
    The page cache keeps recently read rows either way.
    """

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as f:
            major, _ = np.lib.format.read_magic(f)
            read = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read(f)
            self.offset = f.tell()
        if fortran or len(shape) != 2 or self.offset + shape[0] * shape[1] * dtype.itemsize != path.stat().st_size:
            raise ValueError(f"{path}: not a row-major matrix")
        self.shape, self.dtype, self.ndim = shape, dtype, 2
        self.row_bytes = shape[1] * dtype.itemsize
        self.fd = os.open(path, os.O_RDONLY)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows) -> np.ndarray:
        if isinstance(rows, slice):
            start, stop, _ = rows.indices(self.shape[0])
            data = os.pread(self.fd, max(0, stop - start) * self.row_bytes, self.offset + start * self.row_bytes)
        else:
            size, base = self.row_bytes, self.offset
            data = b"".join([os.pread(self.fd, size, base + r * size) for r in np.asarray(rows).ravel().tolist()])
        return np.frombuffer(data, self.dtype).reshape(-1, self.shape[1])

    def __del__(self) -> None:
        if getattr(self, "fd", None) is not None:
            os.close(self.fd)


def bounds(sample: np.ndarray) -> np.ndarray:
    """Each dimension's mean and level scale for ``q9``, from a sample of the vectors."""
    return np.stack([sample.mean(axis=0), _SPREAD * np.maximum(sample.std(axis=0), 1e-6)]).astype(np.float32)


def encode(vectors: np.ndarray, encoding: str, ranges: np.ndarray | None = None) -> np.ndarray:
    """The stored form of float32 ``vectors`` (a chunk of rows)."""
    if encoding == "float32":
        return np.ascontiguousarray(vectors, dtype=np.float32)
    if encoding == "float16":
        return vectors.astype(np.float16)
    levels = np.searchsorted(_EDGES, (vectors - ranges[0]) / ranges[1]).astype(np.uint16)
    return np.hstack([(levels >> 1).astype(np.uint8), np.packbits((levels & 1).astype(np.uint8), axis=1)])


def decode(raw: np.ndarray, encoding: str, ranges: np.ndarray | None = None) -> np.ndarray:
    """float32 rows from their stored form."""
    if encoding != "q9":
        return raw.astype(np.float32, copy=encoding != "float32")
    dim = raw.shape[1] * 8 // 9
    low = np.unpackbits(raw[:, dim:], axis=1, count=dim)
    levels = (raw[:, :dim].astype(np.uint16) << 1) | low
    return (ranges[0] + _LEVELS[levels] * ranges[1]).astype(np.float32)


def write_vectors(folder: Path, vectors, encoding: str, ranges: np.ndarray | None = None) -> list[str]:
    """Write ``vectors`` (float32 rows; may be memory-mapped) as ``encoding``; return the files.

    ``ranges`` (q9 only) are the previous build's, so that a vector decoded from it and
    stored again keeps its levels; without them they are taken from a sample.
    """
    n, dim = vectors.shape
    if encoding == "q9" and ranges is None:
        take = np.sort(np.random.default_rng(0).choice(n, min(n, 200_000), replace=False))
        ranges = bounds(np.asarray(vectors[take], dtype=np.float32))
    width = dim * 9 // 8 if encoding == "q9" else dim
    dtype = {"float32": np.float32, "float16": np.float16, "q9": np.uint8}[encoding]
    out = np.lib.format.open_memmap(folder / "vectors.npy", mode="w+", dtype=dtype, shape=(n, width))
    for start in range(0, n, _CHUNK):
        out[start : start + _CHUNK] = encode(np.asarray(vectors[start : start + _CHUNK]), encoding, ranges)
    out.flush()
    del out
    if encoding != "q9":
        return ["vectors.npy"]
    np.save(folder / "vectors-range.npy", ranges, allow_pickle=False)
    return ["vectors.npy", "vectors-range.npy"]


def read_vectors(folder: Path, encoding: str):
    """The vectors of a build: a NumPy array (float32) or ``StoredVectors`` (float16, q9).

    Above 256 MB, float32 is memory-mapped and the others read row by row (``RowFile``).
    Raises OSError or ValueError if a file is unreadable.
    """
    path = folder / "vectors.npy"
    big = path.stat().st_size > _MMAP_ABOVE_BYTES
    if big and encoding != "float32":  # re-scored a few rows at a time: read, not mapped
        data = RowFile(path)
    else:  # exact search reads every row: in memory, or mapped if large
        data = np.load(path, allow_pickle=False, mmap_mode="r" if big else None)
    if encoding == "float32" and data.dtype == np.float32:
        return data
    if encoding == "float16" and data.dtype == np.float16 and data.ndim == 2:
        return StoredVectors(data, encoding)
    if encoding == "q9" and data.dtype == np.uint8 and data.ndim == 2 and data.shape[1] % 9 == 0:
        ranges = np.load(folder / "vectors-range.npy", allow_pickle=False)
        if ranges.shape == (2, data.shape[1] * 8 // 9):
            return StoredVectors(data, encoding, ranges.astype(np.float32))
    raise ValueError(f"{path}: not {encoding} vectors")
