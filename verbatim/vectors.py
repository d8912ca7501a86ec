"""The one stored copy of a build's vectors (``vectors.npy``), in one of four encodings.

- ``float32``: the vectors as embedded (small corpora: exact search reads them directly).
- ``float16``: half precision, 768 bytes a vector for 384 dimensions; cosines to within ~1e-4.
- ``q9``: each component as one of 512 levels, spaced per dimension like the quantiles of a
  normal distribution with that dimension's mean and twice its spread (dense where values
  are common, so the error is smaller than evenly spaced levels give: a compander);
  ``vectors-range.npy`` holds each dimension's mean and scale. Stored as the top 8 bits of
  every component, then the lowest bit packed eight to a byte: 432 bytes a vector. On the
  generated 4,000,000-vector corpus, re-scoring the exact top 256 with it keeps 0.992 of
  the exact top 10, where 8-bit evenly spaced levels keep 0.972-0.980 (docs/scale.md).
  Written by builds of the previous format; still read, so a rebuild reuses its vectors.
- ``r8``: what the candidate index's codes leave out, in 8 bits. ``vectors-codes.npy`` holds
  each row's FAISS standalone code (its list and its product-quantised residual, as
  ``sa_encode`` gives them: 2 + 96 bytes); the candidate index (``dense.faiss``, trained and
  empty) decodes it to an approximation, and ``vectors.npy`` holds the difference between the
  vector and that approximation, one of 256 companded levels a dimension (as ``q9``, with
  the residual's mean and scale in ``vectors-range.npy``): 384 bytes. The residual is about
  a quarter of the vector's spread (but heavy-tailed), so 8 bits of it keep about what 9 bits
  of the vector kept (docs/scale.md): 482 bytes a vector in all, where ``q9`` plus the index's
  own codes and ids took 536.

Which one a build uses is decided by ``dense.choose_form`` and recorded in the manifest.
Large files are read row by row, so only the rows a query re-scores are read. ``StoredVectors``
gives rows back as float32 whatever the encoding.
"""

from __future__ import annotations

import os
from pathlib import Path
from statistics import NormalDist

import numpy as np

from .config import RESIDUAL_SPREAD

ENCODINGS = ("float32", "float16", "q9", "r8")
_MMAP_ABOVE_BYTES = 256 * 2**20
_CHUNK = 100_000
_READ_BYTES = 2**30
_BITS = 9
_SPREAD = 2.0  # levels spaced as a normal distribution of twice the dimension's spread
_LEVELS = np.array([NormalDist().inv_cdf((j + 0.5) / 2**_BITS) for j in range(2**_BITS)], dtype=np.float32)
_EDGES = (_LEVELS[1:] + _LEVELS[:-1]) / 2  # a value goes to its nearest level
_R_LEVELS = np.array([NormalDist().inv_cdf((j + 0.5) / 256) for j in range(256)], dtype=np.float32)
_R_EDGES = (_R_LEVELS[1:] + _R_LEVELS[:-1]) / 2


class StoredVectors:
    """Rows of ``vectors.npy`` as float32 unit vectors, decoded on access."""

    def __init__(self, data: np.ndarray, encoding: str, ranges: np.ndarray | None = None,
                 codes=None, codec=None) -> None:
        self.data, self.encoding, self.ranges = data, encoding, ranges
        self.codes, self.codec = codes, codec  # r8: each row's standalone code, and its ``Codec``
        dim = data.shape[1] * 8 // 9 if encoding == "q9" else data.shape[1]
        self.shape = (data.shape[0], dim)
        self.dtype = np.dtype(np.float32)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows) -> np.ndarray:
        single = np.isscalar(rows)
        rows = [rows] if single else rows
        raw = np.asarray(self.data[rows])
        if self.encoding == "r8":
            out = decode_residual(np.asarray(self.codes[rows]), raw, self.codec, self.ranges)
        else:
            out = decode(raw, self.encoding, self.ranges)
        return out[0] if single else out

    def score_candidates(self, queries: np.ndarray, cand: np.ndarray):
        """Cosines of each query (a row of ``queries``) to its candidate rows (``cand``, -1 for
        none: scored as row 0), and ``read(rows)``: float32 rows among the candidates, decoded from
        the bytes already read. None if this encoding has no faster way than decoding.

        ``r8``: every candidate read once, then scored against its own query only by tables
        (``dot_residual``), not decoded.
        """
        if self.encoding != "r8" or not (cand >= 0).any():
            return None
        rows = np.unique(cand[cand >= 0])
        codes, levels = np.asarray(self.codes[rows]), np.asarray(self.data[rows])
        pos = np.searchsorted(rows, np.where(cand >= 0, cand, rows[0]))
        out = np.empty(cand.shape, np.float32)
        for i, query in enumerate(queries):
            out[i] = dot_residual(query, codes[pos[i]], levels[pos[i]], self.codec, self.ranges)

        def read(wanted: np.ndarray) -> np.ndarray:
            at = np.searchsorted(rows, wanted)
            return decode_residual(codes[at], levels[at], self.codec, self.ranges)
        return out, read

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        out = self[slice(None)]
        return out if dtype is None else out.astype(dtype)

    def chunks(self, size: int = _CHUNK):
        """Yield ``(start, float32 rows)`` over every row, a chunk at a time."""
        for start in range(0, len(self), size):
            yield start, self[slice(start, start + size)]


class MergedRows:
    """The float32 rows of a new build: embedded now (``fresh``), or, where ``source`` names a
    row of the previous build (not -1), that row decoded from ``previous`` when read.

    A build hands this to ``dense.write_dense``, which copies the stored bytes of reused rows
    where it can and so never decodes them; where it cannot (a new form), it reads them here.
    """

    def __init__(self, fresh: np.ndarray, previous, source: np.ndarray) -> None:
        self.fresh, self.previous, self.source = fresh, previous, source
        self.shape, self.dtype, self.ndim = fresh.shape, np.dtype(np.float32), 2

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows) -> np.ndarray:
        rows = np.arange(len(self))[rows] if isinstance(rows, slice) else np.asarray(rows)
        out = np.array(self.fresh[rows], dtype=np.float32)
        source = self.source[rows]
        kept = np.flatnonzero(source >= 0)
        if len(kept):
            order = np.argsort(source[kept], kind="stable")  # read the previous build in order
            out[kept[order]] = np.asarray(self.previous[source[kept][order]], dtype=np.float32)
        return out


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
            data = self._read(max(0, stop - start) * self.row_bytes, self.offset + start * self.row_bytes)
        else:  # runs of consecutive rows are read at once: a build copies rows mostly in order
            rows = np.asarray(rows, dtype=np.int64).ravel()
            if len(rows) and (rows.min() < -self.shape[0] or rows.max() >= self.shape[0]):
                raise IndexError(f"row out of range for {self.shape[0]} rows")
            rows = np.where(rows < 0, rows + self.shape[0], rows)
            starts = np.flatnonzero(np.diff(rows, prepend=-2) != 1)
            ends = np.append(starts[1:], len(rows))
            size, base = self.row_bytes, self.offset
            data = b"".join([self._read((e - b) * size, base + int(rows[b]) * size)
                             for b, e in zip(starts.tolist(), ends.tolist())])
        return np.frombuffer(data, self.dtype).reshape(-1, self.shape[1])

    def _read(self, size: int, offset: int) -> bytes:
        """``size`` bytes at ``offset``: one ``pread`` up to 1 GiB (Linux returns at most ~2 GiB)."""
        if size <= _READ_BYTES:
            data = os.pread(self.fd, size, offset)
        else:
            data = b"".join(os.pread(self.fd, min(_READ_BYTES, size - done), offset + done)
                            for done in range(0, size, _READ_BYTES))
        if len(data) != size:
            raise ValueError(f"short read: {len(data)} of {size} bytes at {offset}")
        return data

    def __del__(self) -> None:
        if getattr(self, "fd", None) is not None:
            os.close(self.fd)


def bounds(sample: np.ndarray, spread: float = _SPREAD) -> np.ndarray:
    """Each dimension's mean and level scale for ``q9`` (or ``r8``), from a sample of the vectors (residuals)."""
    return np.stack([sample.mean(axis=0), spread * np.maximum(sample.std(axis=0), 1e-6)]).astype(np.float32)


class Codec:
    """A trained IVF-PQ index's standalone codes (``sa_encode``): each row's list, then its PQ code.

    Decoded here (the list's centroid plus the PQ reconstruction of the offset from it)
    rather than with FAISS's ``sa_decode``, which crashes on a fast-scan index read from a
    file (FAISS 1.15).
    """

    def __init__(self, index) -> None:
        import faiss

        self.index = index
        ivf = faiss.downcast_index(faiss.extract_index_ivf(index))
        if not hasattr(ivf, "pq") or ivf.pq.nbits != 4:
            raise ValueError("r8 needs an IVF-PQ index of 4-bit codes")
        self.pq, self.list_bytes, self.d = ivf.pq, ivf.coarse_code_size(), ivf.d
        # Codes of offsets from the lists' centroids (by_residual), or of the vectors themselves.
        self.centroids = faiss.downcast_index(ivf.quantizer).reconstruct_n(0, ivf.nlist) if ivf.by_residual else None
        self.code_size = self.list_bytes + self.pq.code_size

        # Each sub-vector's 16 reconstructions, for scoring codes against a query without decoding them.
        self.tables = faiss.vector_to_array(self.pq.centroids).reshape(self.pq.M, self.pq.ksub, self.pq.dsub)
        self._table_at = (np.arange(self.pq.M) * self.pq.ksub).astype(np.intp)

    def encode(self, vectors: np.ndarray) -> np.ndarray:
        return self.index.sa_encode(np.ascontiguousarray(vectors, dtype=np.float32))

    def lists(self, codes: np.ndarray) -> np.ndarray:
        out = np.zeros(len(codes), np.intp)
        for b in range(self.list_bytes):  # little-endian, as FAISS writes the list number
            out |= codes[:, b].astype(np.intp) << (8 * b)
        return out

    def dot(self, query: np.ndarray, codes: np.ndarray) -> np.ndarray:
        """Each row's reconstruction (``decode``) dotted with ``query``, from per-query tables.

        The query against the 1,024 centroids and against the 16 reconstructions of each
        sub-vector, then one look-up per code: at 1,024 rows, a third of the time of
        decoding them (whose arrays are 384 floats a row).
        """
        table = np.einsum("mkd,md->mk", self.tables, query.reshape(self.pq.M, self.pq.dsub)).ravel()
        packed = codes[:, self.list_bytes :]
        sub = np.empty((len(codes), self.pq.M), np.intp)
        sub[:, 0::2], sub[:, 1::2] = packed & 15, packed >> 4  # 4-bit codes, the first in the low bits
        out = np.take(table, sub + self._table_at).sum(axis=1, dtype=np.float32)
        if self.centroids is not None:
            out += (self.centroids @ query)[self.lists(codes)]
        return out

    def decode(self, codes: np.ndarray) -> np.ndarray:
        out = self.pq.decode(np.ascontiguousarray(codes[:, self.list_bytes :]))
        if self.centroids is not None:
            out += self.centroids[self.lists(codes)]
        return out


def residual_bounds(residuals: np.ndarray) -> np.ndarray:
    """``r8``: each dimension's mean and level scale, from a sample of residuals.

    ``RESIDUAL_SPREAD`` times the spread, widened where the sample's largest residual would
    lie beyond the outermost level: residuals are heavy-tailed (a value far from every code
    of its dimension), and those are the values that decide the nearest neighbours.
    """
    ranges = bounds(residuals, RESIDUAL_SPREAD)
    reach = np.abs(residuals - ranges[0]).max(axis=0) / _R_LEVELS[-1]
    ranges[1] = np.maximum(ranges[1], reach)
    return ranges


def encode_residual(vectors: np.ndarray, codec: Codec, ranges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``r8``: each row's standalone code and its 8-bit residual."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    codes = codec.encode(vectors)
    residual = vectors - codec.decode(codes)
    levels = np.searchsorted(_R_EDGES, (residual - ranges[0]) / ranges[1]).astype(np.uint8)
    return codes, levels


def dot_residual(query: np.ndarray, codes: np.ndarray, levels: np.ndarray, codec: Codec, ranges: np.ndarray) -> np.ndarray:
    """``decode_residual(codes, levels, …) @ query``, without decoding the rows."""
    scaled = np.asarray(query * ranges[1], dtype=np.float32)
    return codec.dot(query, codes) + np.float32(query @ ranges[0]) + np.take(_R_LEVELS, levels) @ scaled


def decode_residual(codes: np.ndarray, levels: np.ndarray, codec: Codec, ranges: np.ndarray) -> np.ndarray:
    """float32 rows from their ``r8`` codes and residual levels."""
    if len(codes) == 0:
        return np.zeros((0, levels.shape[1]), np.float32)
    return (codec.decode(codes) + ranges[0] + _R_LEVELS[levels] * ranges[1]).astype(np.float32)


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


def write_vectors(folder: Path, vectors, encoding: str, ranges: np.ndarray | None = None, codec=None,
                  copy: tuple[Path, np.ndarray] | None = None) -> list[str]:
    """Write ``vectors`` (float32 rows; may be memory-mapped) as ``encoding``; return the files.

    ``ranges`` (q9, r8) are the previous build's, so that a vector decoded from it and
    stored again keeps its levels; without them they are taken from a sample. ``codec``
    (r8 only) is the trained candidate index whose codes the residuals complete.
    ``copy`` is a previous build stored with the same encoding, ranges and codec, and the
    row of it each row is (-1: none): those rows' bytes are copied, not encoded again (their
    rows of ``vectors`` are not read), so an edit costs what it changed plus a copy.
    """
    n, dim = vectors.shape
    if encoding in ("q9", "r8") and ranges is None:
        take = np.sort(np.random.default_rng(0).choice(n, min(n, 200_000), replace=False))
        sample = np.ascontiguousarray(vectors[take], dtype=np.float32)
        if encoding == "q9":
            ranges = bounds(sample)
        else:
            ranges = residual_bounds(sample - codec.decode(codec.encode(sample)))
    width = dim * 9 // 8 if encoding == "q9" else dim
    dtype = {"float32": np.float32, "float16": np.float16, "q9": np.uint8, "r8": np.uint8}[encoding]
    out = np.lib.format.open_memmap(folder / "vectors.npy", mode="w+", dtype=dtype, shape=(n, width))
    codes = None
    if encoding == "r8":
        codes = np.lib.format.open_memmap(folder / "vectors-codes.npy", mode="w+", dtype=np.uint8,
                                          shape=(n, codec.code_size))
    old = _stored_rows(copy[0], encoding, out.shape[1], codec) if copy is not None else None
    if old is not None:
        _check_source(copy[1], len(old[0]), copy[0])
    for fresh, at, rows in _plan(n, copy[1] if old is not None else None):
        if len(at):
            out[at] = old[0][rows]
            if codes is not None:
                codes[at] = old[1][rows]
        if len(fresh) == 0:
            continue
        chunk = np.asarray(vectors[fresh])
        if encoding == "r8":
            codes[fresh], out[fresh] = encode_residual(chunk, codec, ranges)
        else:
            out[fresh] = encode(chunk, encoding, ranges)
    out.flush()
    del out
    if codes is not None:
        codes.flush()
        del codes
    if encoding not in ("q9", "r8"):
        return ["vectors.npy"]
    np.save(folder / "vectors-range.npy", ranges, allow_pickle=False)
    return ["vectors.npy", "vectors-range.npy"] + (["vectors-codes.npy"] if encoding == "r8" else [])


def write_codes(folder: Path, vectors, codec: "Codec", copy: tuple[Path, np.ndarray] | None = None) -> list[str]:
    """Write each row's standalone candidate code (``vectors-codes.npy``) for an index filled at read.

    ``copy`` as for ``write_vectors``: the previous build (same trained index) and the row of it
    each row is (-1: none); those rows' codes are copied, the others encoded from ``vectors``.
    """
    n = len(vectors)
    codes = np.lib.format.open_memmap(folder / "vectors-codes.npy", mode="w+", dtype=np.uint8, shape=(n, codec.code_size))
    old = None
    if copy is not None:
        old = RowFile(copy[0] / "vectors-codes.npy")
        if old.shape[1] != codec.code_size or old.dtype != np.uint8:
            raise ValueError(f"{copy[0]}/vectors-codes.npy: not codes of {codec.code_size} bytes")
        _check_source(copy[1], len(old), copy[0])
    for fresh, at, rows in _plan(n, copy[1] if old is not None else None):
        if len(at):
            codes[at] = old[rows]
        if len(fresh):
            codes[fresh] = codec.encode(np.asarray(vectors[fresh]))
    codes.flush()
    del codes
    return ["vectors-codes.npy"]


def _plan(n: int, source: np.ndarray | None):
    """Per chunk of rows to write: the rows to encode, the rows copied, and their rows in the
    previous build (``source``: the previous row of each row, -1 for none; None: nothing copied)."""
    for start in range(0, n, _CHUNK):
        stop = min(n, start + _CHUNK)
        part = source[start:stop] if source is not None else np.full(stop - start, -1, np.int64)
        kept = part >= 0
        yield np.flatnonzero(~kept) + start, np.flatnonzero(kept) + start, part[kept]


def _stored_rows(folder: Path, encoding: str, width: int, codec) -> tuple:
    """A previous build's stored rows (and r8 codes), read in place, checked to have the
    shape this build writes."""
    data = RowFile(folder / "vectors.npy")
    codes = RowFile(folder / "vectors-codes.npy") if encoding == "r8" else None
    dtype = {"float32": np.float32, "float16": np.float16}.get(encoding, np.uint8)
    if data.shape[1] != width or data.dtype != dtype or (
            codes is not None and (codes.shape != (len(data), codec.code_size) or codes.dtype != np.uint8)):
        raise ValueError(f"{folder}/vectors.npy: not {encoding} rows of width {width}")
    return data, codes


def _check_source(source: np.ndarray, rows: int, folder: Path) -> None:
    if len(source) and int(source.max()) >= rows:
        raise ValueError(f"{folder}: {rows} rows, fewer than the rows to copy")


def read_codes(folder: Path, codec: "Codec", rows: int):
    """A build's ``vectors-codes.npy`` (read row by row if large), checked to hold ``rows`` codes of ``codec``."""
    path = folder / "vectors-codes.npy"
    codes = _rows(path, path.stat().st_size > _MMAP_ABOVE_BYTES)
    if codes.shape != (rows, codec.code_size) or codes.dtype != np.uint8:
        raise ValueError(f"{path}: not {rows} codes of {codec.code_size} bytes")
    return codes


def _rows(path: Path, by_row: bool):
    """A stored matrix: read row by row (``RowFile``), or into memory."""
    return RowFile(path) if by_row else np.load(path, allow_pickle=False)


def read_vectors(folder: Path, encoding: str):
    """The vectors of a build: a NumPy array (float32) or ``StoredVectors`` (float16, q9, r8).

    Above 256 MB, float32 is memory-mapped and the others read row by row (``RowFile``).
    ``r8`` also reads its codes (row by row if the vectors are) and the candidate index
    (``dense.faiss``, trained and empty) that decodes them.
    Raises OSError or ValueError (RuntimeError from FAISS) if a file is unreadable.
    """
    path = folder / "vectors.npy"
    big = path.stat().st_size > _MMAP_ABOVE_BYTES
    if big and encoding != "float32":  # re-scored a few rows at a time: read, not mapped
        data = RowFile(path)
    else:  # exact search reads every row: in memory, or mapped if large
        data = np.load(path, allow_pickle=False, mmap_mode="r" if big else None)
    if encoding == "r8" and data.dtype == np.uint8 and data.ndim == 2:
        import faiss

        codec = Codec(faiss.read_index(str(folder / "dense.faiss")))
        codes = _rows(folder / "vectors-codes.npy", big)
        ranges = np.load(folder / "vectors-range.npy", allow_pickle=False)
        if codec.d == data.shape[1] and codes.shape == (len(data), codec.code_size) and codes.dtype == np.uint8 \
                and ranges.shape == (2, data.shape[1]):
            return StoredVectors(data, encoding, ranges.astype(np.float32), codes, codec)
    if encoding == "float32" and data.dtype == np.float32:
        return data
    if encoding == "float16" and data.dtype == np.float16 and data.ndim == 2:
        return StoredVectors(data, encoding)
    if encoding == "q9" and data.dtype == np.uint8 and data.ndim == 2 and data.shape[1] % 9 == 0:
        ranges = np.load(folder / "vectors-range.npy", allow_pickle=False)
        if ranges.shape == (2, data.shape[1] * 8 // 9):
            return StoredVectors(data, encoding, ranges.astype(np.float32))
    raise ValueError(f"{path}: not {encoding} vectors")
