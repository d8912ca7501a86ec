import faiss
import numpy as np

import verbatim.dense_scale as ds


def _vectors(n: int, dim: int = 384) -> np.ndarray:
    rng = np.random.default_rng(0)
    basis = rng.standard_normal((50, dim)).astype(np.float32)
    v = np.einsum("nk,nkd->nd", rng.dirichlet(np.ones(3), n).astype(np.float32), basis[rng.integers(0, 50, (n, 3))])
    v += 0.2 * rng.standard_normal(v.shape).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_corpora_are_exact_and_store_each_vector_once():
    v = _vectors(500)
    index, kind = ds.make_dense_index(v)
    assert kind == "flat" and index.ntotal == 500
    assert np.array_equal(ds.row_vectors(index, [3, 7]), v[[3, 7]])
    _, got = index.search(v[:5], 1)
    assert got[:, 0].tolist() == [0, 1, 2, 3, 4]


def test_large_corpora_are_compressed_mapped_and_rescored(tmp_path, monkeypatch):
    monkeypatch.setattr(ds, "EXACT_MAX_VECTORS", 1_000)
    v = _vectors(6_000)
    index, kind = ds.make_dense_index(v)
    assert kind == "ivf-pq-refine" and index.ntotal == len(v)
    faiss.write_index(index, str(tmp_path / "dense.faiss"))
    assert (tmp_path / "dense.faiss").stat().st_size < 0.6 * v.nbytes  # float16 copies + 4-bit codes
    loaded = ds.read_dense_index(tmp_path / "dense.faiss", kind)
    exact = faiss.IndexFlatIP(v.shape[1])
    exact.add(v)
    truth_d, truth = exact.search(v[:50], 10)
    got_d, got = loaded.search(v[:50], 10)
    assert np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)]) >= 0.8
    assert np.abs(got_d[:, 0] - truth_d[:, 0]).max() < 0.01  # scores are re-scored cosines
    assert np.abs(ds.row_vectors(loaded, [0, 9]) - v[[0, 9]]).max() < 0.01
