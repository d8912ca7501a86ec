"""The dense index's forms: exact when small, compressed and re-scored when large (random vectors)."""

import json

import faiss
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import verbatim.dense as dense
from verbatim.vectors import Codec, MergedRows, RowFile, StoredVectors, decode, encode, encode_residual, read_vectors, write_vectors


def _vectors(n: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    """Text-like unit vectors: mixes of a few directions plus noise."""
    rng = np.random.default_rng(seed)
    basis = rng.standard_normal((50, dim)).astype(np.float32)
    v = np.einsum("nk,nkd->nd", rng.dirichlet(np.ones(3), n).astype(np.float32), basis[rng.integers(0, 50, (n, 3))])
    v += 0.3 * rng.standard_normal(v.shape).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _recall(truth: np.ndarray, got: np.ndarray) -> float:
    return float(np.mean([len(set(a) & set(b)) / truth.shape[1] for a, b in zip(truth, got)]))


def test_the_form_is_chosen_by_size():
    assert dense.choose_form(3_240, 384) == {"form": "flat", "index_type": "Flat", "vectors": "float32"}
    assert dense.choose_form(200_000, 384)["form"] == "flat"
    mid = dense.choose_form(400_000, 384)
    assert mid["form"] == "ivf-pq" and mid["vectors"] == "float16" and mid["index_type"].endswith("x4fs")
    top = dense.choose_form(4_000_000, 384)
    assert top["form"] == "ivf-pq" and top["vectors"] == "r8" and top["index_type"].endswith("x4fsr")
    nlist = int(top["index_type"].split(",")[0][3:])
    assert nlist & (nlist - 1) == 0 and nlist > int(mid["index_type"].split(",")[0][3:])


def test_a_small_corpus_is_searched_exactly_and_stored_once(tmp_path):
    v = _vectors(2_000)
    entry = dense.write_dense(tmp_path, v)
    assert entry["form"] == "flat" and sorted(entry["files"]) == ["dense.faiss", "vectors.npy"]
    assert faiss.read_index(str(tmp_path / "dense.faiss")).ntotal == 0  # the vectors live in vectors.npy only
    loaded = dense.read_dense(tmp_path, entry)
    exact = faiss.IndexFlatIP(v.shape[1])
    exact.add(v)
    want_d, want_i = exact.search(v[:20] + 0.01, 10)
    got_d, got_i = loaded.search(v[:20] + 0.01, 10)
    assert np.array_equal(got_i, want_i) and np.array_equal(got_d, want_d)
    assert np.array_equal(loaded.vectors, v)


@pytest.mark.parametrize("read_by_row", [False, True])
@pytest.mark.parametrize("encoding,tolerance", [("float16", 1e-3), ("q9", 3e-3)])
def test_stored_encodings_round_trip(tmp_path, monkeypatch, encoding, tolerance, read_by_row):
    import verbatim.vectors

    if read_by_row:  # how large files are read: pread, nothing mapped
        monkeypatch.setattr(verbatim.vectors, "_MMAP_ABOVE_BYTES", 0)
    v = _vectors(3_000, dim=384)
    files = write_vectors(tmp_path, v, encoding)
    stored = read_vectors(tmp_path, encoding)
    assert isinstance(stored, StoredVectors) and stored.shape == v.shape
    assert isinstance(stored.data, RowFile) == read_by_row
    assert (tmp_path / "vectors.npy").stat().st_size < v.nbytes * (0.51 if encoding == "float16" else 0.33)
    assert np.abs(stored[[5, 2, 9]] - v[[5, 2, 9]]).max() < tolerance
    assert np.abs(stored[7] - v[7]).max() < tolerance and stored[7].dtype == np.float32
    back = np.asarray(stored)
    cos = np.sum(back * v, axis=1) / np.linalg.norm(back, axis=1)
    assert cos.min() > 0.9999  # the build's own tolerance for vectors it reuses
    assert np.abs(back @ v[:10].T - v @ v[:10].T).max() < tolerance  # cosines to a query
    if encoding == "q9":  # stored again with the same ranges, a decoded row keeps its levels
        ranges = np.load(tmp_path / "vectors-range.npy")
        again = encode(stored[:100], encoding, ranges)
        assert np.array_equal(again, np.asarray(np.load(tmp_path / "vectors.npy")[:100]))
        assert np.array_equal(decode(again, encoding, ranges), stored[:100])
        assert files == ["vectors.npy", "vectors-range.npy"]


@pytest.mark.parametrize("read_by_row", [False, True])
def test_residual_encoding_round_trips_and_keeps_its_bytes(tmp_path, monkeypatch, read_by_row):
    import verbatim.vectors

    if read_by_row:
        monkeypatch.setattr(verbatim.vectors, "_MMAP_ABOVE_BYTES", 0)
    v = _vectors(6_000, dim=384)
    index = faiss.index_factory(384, "IVF32,PQ192x4fsr", faiss.METRIC_L2)
    index.train(v[:3_000])
    (tmp_path / "dense.faiss").write_bytes(faiss.serialize_index(index).tobytes())
    codec = Codec(index)
    codes = index.sa_encode(v[:50])
    assert np.array_equal(codec.decode(codes), index.sa_decode(codes))  # FAISS's own decoding
    files = write_vectors(tmp_path, v, "r8", codec=codec)
    assert files == ["vectors.npy", "vectors-range.npy", "vectors-codes.npy"]
    assert (tmp_path / "vectors.npy").stat().st_size < v.nbytes * 0.26  # 8 bits a dimension
    assert np.load(tmp_path / "vectors-codes.npy").shape == (6_000, 1 + 96)  # list, then 4 bits a code
    stored = read_vectors(tmp_path, "r8")
    assert isinstance(stored, StoredVectors) and stored.shape == v.shape
    assert isinstance(stored.data, RowFile) == read_by_row and isinstance(stored.codes, RowFile) == read_by_row
    back = np.asarray(stored)
    assert np.abs(back - v).max() < 1e-2 and np.abs(stored[[5, 2]] - v[[5, 2]]).max() < 1e-2  # levels wide in the tails
    assert stored[7].shape == (384,) and stored[7].dtype == np.float32
    assert np.abs(back @ v[:10].T - v @ v[:10].T).max() < 2e-3  # cosines to a query
    assert (np.sum(back * v, axis=1) / np.linalg.norm(back, axis=1)).min() > 0.9999
    # Re-scoring reads each candidate once and scores it by tables, as if decoded.
    cand = np.array([[3, 9, -1, 3], [9, 0, 5999, 2]])
    scored, read = stored.score_candidates(v[:2] + 0.01, cand)
    want = np.einsum("qcd,qd->qc", back[np.maximum(cand, 0)], v[:2] + 0.01)
    assert np.allclose(scored[cand >= 0], want[cand >= 0], atol=1e-5)
    assert np.array_equal(read(np.array([2, 9])), back[[2, 9]])  # decoded from the bytes read, as a read would
    # Finer than 9 bits of the vector: the residual is a fraction of its spread.
    q9 = decode(encode(v, "q9", verbatim.vectors.bounds(v)), "q9", verbatim.vectors.bounds(v))
    assert np.abs(back - v).mean() < np.abs(q9 - v).mean()
    # Stored again with the same index and ranges, a row keeps its bytes unless one of its 192
    # codes changes (about half the rows here, mostly one code each), and no row drifts: one
    # whose code changes is rounded once more, then settles.
    ranges = np.load(tmp_path / "vectors-range.npy")
    again_codes, again = encode_residual(back, codec, ranges)
    same = np.all(again_codes == np.load(tmp_path / "vectors-codes.npy"), axis=1)
    assert same.mean() > 0.3 and np.array_equal(again[same], np.load(tmp_path / "vectors.npy")[same])
    twice = verbatim.vectors.decode_residual(again_codes, again, codec, ranges)
    for _ in range(3):
        twice = verbatim.vectors.decode_residual(*encode_residual(twice, codec, ranges), codec, ranges)
    assert np.abs(twice - v).mean() < 1.01 * np.abs(back - v).mean()


@pytest.mark.parametrize("encoding", ["float16", "r8"])
def test_a_large_corpus_is_compressed_and_re_scored_exactly(tmp_path, monkeypatch, encoding):
    monkeypatch.setattr(dense, "EXACT_SEARCH_MAX_VECTORS", 1_000)
    monkeypatch.setattr(dense, "FLOAT16_MAX_VECTORS", 10_000 if encoding == "float16" else 1_000)
    monkeypatch.setattr(dense, "DENSE_PROBES", 16)
    monkeypatch.setattr(dense, "DENSE_RERANK_POOL", 200)
    v, queries = np.split(_vectors(8_100), [8_000])  # queries from the same distribution
    entry = dense.write_dense(tmp_path, v)
    assert entry["form"] == "ivf-pq" and entry["vectors"] == encoding
    assert sum((tmp_path / f).stat().st_size for f in entry["files"]) < 0.75 * v.nbytes  # less than one float32 copy
    loaded = dense.read_dense(tmp_path, entry)
    if encoding == "r8":  # the codes are stored once, beside the vectors; dense.faiss is the trained index
        assert faiss.read_index(str(tmp_path / "dense.faiss")).ntotal == 0
        assert (tmp_path / "dense.faiss").stat().st_size < 0.05 * v.nbytes
        added = faiss.read_index(str(tmp_path / "dense.faiss"))  # what adding the vectors gives
        added.add(v)
        faiss.extract_index_ivf(added).nprobe = 16
        assert np.array_equal(added.search(queries, 50)[1], loaded.candidates.search(queries, 50)[1])
    exact = faiss.IndexFlatIP(v.shape[1])
    exact.add(v)
    truth_d, truth = exact.search(queries, 10)
    got_d, got = loaded.search(queries, 10)
    assert _recall(truth, got) >= 0.95
    # The scores are the stored vectors' cosines, in order, not the codes' estimates.
    again = np.sum(np.asarray(loaded.vectors[got.ravel()]).reshape(*got.shape, -1) * queries[:, None, :], axis=2)
    assert np.allclose(got_d, again, atol=1e-5) and np.all(np.diff(got_d, axis=1) <= 0)
    assert np.abs(got_d - truth_d).max() < 5e-3
    # What the searcher asks for: the same rows, with the vectors the re-scoring read, not read again.
    rows, vectors = loaded.search_rows(queries, 10)
    assert np.array_equal(rows, np.unique(got)) and np.array_equal(vectors, np.asarray(loaded.vectors[rows]))


def test_re_scoring_is_exact_over_the_candidates():
    v = _vectors(500)
    queries = v[:3] + 0.05
    cand = np.array([[4, 9, 1, -1], [7, 7, 3, 2], [0, -1, -1, -1]])
    d, i = dense.rescore(v, queries, cand, 3)
    for q in range(3):
        rows = [r for r in dict.fromkeys(cand[q].tolist()) if r >= 0]
        want = sorted(rows, key=lambda r: -float(v[r] @ queries[q]))[:3]
        assert i[q][: len(want)].tolist() == want
    assert i[2].tolist() == [0, -1, -1] and np.isneginf(d[2, 1:]).all()


def _r8_build(tmp_path, monkeypatch):
    """5,000 vectors built in the r8 form into ``a``, and an empty ``b`` for the next build."""
    monkeypatch.setattr(dense, "EXACT_SEARCH_MAX_VECTORS", 1_000)
    monkeypatch.setattr(dense, "FLOAT16_MAX_VECTORS", 1_000)
    v = _vectors(5_000)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    return v, first, second, dense.write_dense(first, v)


def test_an_edit_reuses_the_trained_index_and_its_ranges(tmp_path, monkeypatch):
    v, first, second, entry = _r8_build(tmp_path, monkeypatch)
    edited = v.copy()
    edited[10] = _vectors(1, seed=5)[0]
    entry2 = dense.write_dense(second, edited, previous=(first, entry))
    assert entry2 == entry
    old_index, new_index = (faiss.read_index(str(f / "dense.faiss")) for f in (first, second))
    old, new = faiss.extract_index_ivf(old_index), faiss.extract_index_ivf(new_index)
    assert np.array_equal(old.quantizer.reconstruct_n(0, old.quantizer.ntotal), new.quantizer.reconstruct_n(0, new.quantizer.ntotal))
    assert np.array_equal(np.load(first / "vectors-range.npy"), np.load(second / "vectors-range.npy"))
    got = dense.read_dense(second, entry2).search(edited[10:11], 1)[1]
    assert got[0, 0] == 10


_MATRIX = np.arange(60 * 3, dtype=np.float32).reshape(60, 3)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-60, 59), max_size=80))
def test_row_file_reads_any_rows_as_numpy_indexes_them(tmp_path_factory, rows):
    path = tmp_path_factory.getbasetemp() / "rows.npy"
    if not path.exists():
        np.save(path, _MATRIX)
    got = RowFile(path)[np.array(rows, dtype=np.int64)]
    assert np.array_equal(got, _MATRIX[np.array(rows, dtype=np.int64)])


def test_row_file_refuses_a_row_beyond_its_end(tmp_path):
    np.save(tmp_path / "m.npy", _MATRIX)
    with pytest.raises(IndexError):
        RowFile(tmp_path / "m.npy")[[0, 60]]


class _Unreadable:
    """Stands in for the previous build's decoded rows: reading any of them fails the test."""

    def __getitem__(self, rows):
        raise AssertionError("a reused row was decoded instead of copied")


@pytest.mark.parametrize("encoding", ["float16", "r8"])
def test_an_edit_copies_reused_rows_byte_for_byte_and_encodes_only_the_new(tmp_path, monkeypatch, encoding):
    monkeypatch.setattr(dense, "EXACT_SEARCH_MAX_VECTORS", 1_000)
    monkeypatch.setattr(dense, "FLOAT16_MAX_VECTORS", 100_000 if encoding == "float16" else 1_000)
    v = _vectors(5_000)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    entry = dense.write_dense(first, v)
    # The edit: row 10 replaced, a row inserted at 100 (later rows shift by one), the last removed.
    new_rows = _vectors(2, seed=7)
    edited = np.concatenate([v[:10], new_rows[:1], v[11:100], new_rows[1:], v[100:-1]])
    source = np.concatenate([np.arange(10), [-1], np.arange(11, 100), [-1], np.arange(100, len(v) - 1)])
    fresh = np.where((source < 0)[:, None], edited, np.nan).astype(np.float32)  # only the new rows are known
    # Both forms keep their codes by row and fill the index at read: nothing reads the reused rows.
    entry2 = dense.write_dense(second, MergedRows(fresh, _Unreadable(), source), previous=(first, entry), reused=source)
    assert entry2 == entry and "vectors-codes.npy" in entry2["files"]
    assert faiss.read_index(str(second / "dense.faiss")).ntotal == 0  # FAISS's ids are never written
    kept = source >= 0
    for name in ["vectors.npy", "vectors-codes.npy"]:
        old, new = np.load(first / name), np.load(second / name)
        assert np.array_equal(new[kept], old[source[kept]]), name
    got = read_vectors(second, encoding)
    assert np.abs(np.asarray(got[[10, 100]]) - new_rows).max() < 3e-3
    d, i = dense.read_dense(second, entry2).search(new_rows, 1)
    assert i[:, 0].tolist() == [10, 100] and (d[:, 0] > 0.99).all()


def test_a_float16_build_of_the_earlier_form_is_still_read_and_edited(tmp_path, monkeypatch):
    # Builds written before the codes were stored by row keep codes and ids inside dense.faiss.
    monkeypatch.setattr(dense, "EXACT_SEARCH_MAX_VECTORS", 1_000)
    v = _vectors(5_000)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    earlier = {k: val for k, val in dense.choose_form(len(v), v.shape[1]).items() if k != "codes"}
    entry = dense.write_dense(first, v, earlier)
    assert "vectors-codes.npy" not in entry["files"] and faiss.read_index(str(first / "dense.faiss")).ntotal == len(v)
    assert dense.read_dense(first, entry).search(v[:5], 1)[1][:, 0].tolist() == list(range(5))
    # An edit to the current form cannot copy codes the earlier build never wrote: it encodes them.
    source = np.arange(len(v))
    entry2 = dense.write_dense(second, MergedRows(np.zeros_like(v), read_vectors(first, "float16"), source),
                               dense.choose_form(len(v), v.shape[1]), previous=(first, entry), reused=source)
    assert "vectors-codes.npy" in entry2["files"]
    assert dense.read_dense(second, entry2).search(v[:5], 1)[1][:, 0].tolist() == list(range(5))


@pytest.mark.parametrize("broken", ["vectors.npy", "vectors-range.npy"])
def test_an_unreadable_previous_build_is_encoded_anew_not_copied(tmp_path, monkeypatch, broken):
    v, first, second, entry = _r8_build(tmp_path, monkeypatch)
    previous = read_vectors(first, "r8")
    decoded = np.asarray(previous[np.arange(len(v))])
    (first / broken).write_bytes(b"not a matrix")
    source = np.arange(len(v))
    entry2 = dense.write_dense(second, MergedRows(np.zeros_like(v), decoded, source), previous=(first, entry), reused=source)
    got = read_vectors(second, "r8")
    assert np.abs(np.asarray(got[np.arange(0, len(v), 97)]) - v[::97]).max() < 3e-3
    assert dense.read_dense(second, entry2).search(v[:5], 1)[1][:, 0].tolist() == list(range(5))


def test_manifest_records_the_dense_form(hash_index):
    from verbatim.index import current_build

    manifest = json.loads((current_build(hash_index) / "manifest.json").read_text())
    assert manifest["dense"] == {"form": "flat", "index_type": "Flat", "vectors": "float32"}
    assert {"vectors.npy", "dense.faiss", "centroid.npy"} <= set(manifest["files"])


def _word_corpus(folder, files: int = 40, paragraphs: int = 8) -> None:
    rng = np.random.default_rng(2)
    words = [f"w{i}" for i in range(400)]
    folder.mkdir()
    for f in range(files):
        text = [f"# File {f}"]
        for p in range(paragraphs):
            text.append(" ".join(" ".join(rng.choice(words, 6)).capitalize() + "." for _ in range(3)))
        (folder / f"f{f:03d}.md").write_text("\n\n".join(text) + "\n", "utf-8")


@pytest.mark.parametrize("encoding", ["float16", "r8"])
def test_a_compressed_build_serves_search_and_an_edit_rebuilds_it(tmp_path, monkeypatch, hash_encoder, encoding):
    from verbatim.index import Row, build_index, load_index
    from verbatim.search import Searcher

    monkeypatch.setattr(dense, "EXACT_SEARCH_MAX_VECTORS", 100)
    monkeypatch.setattr(dense, "FLOAT16_MAX_VECTORS", 10_000 if encoding == "float16" else 100)
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    _word_corpus(corpus)
    first = build_index(corpus, index_dir, hash_encoder)
    assert first.rows > 1_000 and first.index_type.startswith("IVF")
    loaded = load_index(index_dir, hash_encoder)
    assert loaded.manifest["dense"]["vectors"] == encoding and "vectors.npy" in loaded.manifest["files"]
    pid = len(loaded.passages) // 2
    passage = loaded.passages[pid]
    Searcher(loaded, hash_encoder).search(passage.text)  # the searcher runs unchanged on top
    _, got = loaded.dense.search(hash_encoder.encode([passage.embedding_text()]), 128)
    assert loaded.rows[got[0, 0]] == Row(pid, -1)

    path = corpus / passage.source
    path.write_text(path.read_text("utf-8").replace(passage.text, "Entirely new words here. And more of them."), "utf-8")
    second = build_index(corpus, index_dir, hash_encoder)
    assert 0 < second.embedded <= 3 and second.reused == second.rows - second.embedded
    edited = load_index(index_dir, hash_encoder)
    Searcher(edited, hash_encoder).search("Entirely new words here")
    _, got = edited.dense.search(hash_encoder.encode(["Entirely new words here."]), 10)
    assert any(edited.rows[r].unit >= 0 and "Entirely new words" in edited.passages[edited.rows[r].passage].text
               for r in got[0, :1])
    fresh = hash_encoder.encode([p.embedding_text() for p in edited.passages[:5]])
    assert np.abs(np.asarray(edited.vectors[[r for r, row in enumerate(edited.rows) if row.unit < 0][:5]]) - fresh).max() < 3e-3


def test_a_rebuild_repairs_damaged_codes_instead_of_copying_them(tmp_path, monkeypatch, hash_encoder):
    from verbatim.errors import IndexCorruptError
    from verbatim.index import Row, build_index, current_build, load_index

    monkeypatch.setattr(dense, "EXACT_SEARCH_MAX_VECTORS", 100)
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    _word_corpus(corpus)
    first = build_index(corpus, index_dir, hash_encoder)
    codes = current_build(index_dir) / "vectors-codes.npy"
    data = bytearray(codes.read_bytes())
    data[-5000:] = bytes(5000)  # same size, wrong bytes
    codes.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="damaged"):
        load_index(index_dir, hash_encoder)
    second = build_index(corpus, index_dir, hash_encoder)  # what the error tells the reader to do
    assert second.reused == 0 and second.embedded == first.rows
    loaded = load_index(index_dir, hash_encoder)
    last = len(loaded.passages) - 1
    _, got = loaded.dense.search(hash_encoder.encode([loaded.passages[last].embedding_text()]), 10)
    assert loaded.rows[got[0, 0]] == Row(last, -1)


@pytest.mark.parametrize("index_type", ["IVF16,PQ16x4", "IVF16,PQ16x4fs"])
def test_a_forced_candidate_index_builds_and_loads(tmp_path, hash_encoder, index_type):
    from verbatim.index import Row, build_index, load_index

    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    _word_corpus(corpus, files=10)
    build_index(corpus, index_dir, hash_encoder, index_type=index_type)
    loaded = load_index(index_dir, hash_encoder)
    assert loaded.manifest["dense"]["index_type"] == index_type
    assert ("codes" in loaded.manifest["dense"]) == index_type.endswith("x4fs")
    _, got = loaded.dense.search(hash_encoder.encode([loaded.passages[3].embedding_text()]), 10)
    assert loaded.rows[got[0, 0]] == Row(3, -1)


def test_row_file_reads_past_its_read_size_in_pieces(tmp_path, monkeypatch):
    import verbatim.vectors as vectors

    np.save(tmp_path / "m.npy", _MATRIX)
    monkeypatch.setattr(vectors, "_READ_BYTES", 7)  # a row is 12 bytes: every read is cut in pieces
    rows = RowFile(tmp_path / "m.npy")
    assert np.array_equal(rows[5:50], _MATRIX[5:50])
    assert np.array_equal(rows[np.array([3, 4, 5, 9, 10, 59])], _MATRIX[[3, 4, 5, 9, 10, 59]])


def test_an_index_of_the_previous_format_is_refused_until_rebuilt(hash_index, small_corpus, hash_encoder):
    from verbatim.config import INDEX_FORMAT
    from verbatim.errors import IndexMismatchError
    from verbatim.index import build_index, current_build, load_index, rebuild_reason

    path = current_build(hash_index) / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["format"] = INDEX_FORMAT - 1
    path.write_text(json.dumps(manifest))
    assert rebuild_reason(hash_index, small_corpus, hash_encoder).startswith(
        f"index format {INDEX_FORMAT - 1} is not {INDEX_FORMAT}")
    with pytest.raises(IndexMismatchError, match="rebuild: python -m verbatim build$"):
        load_index(hash_index, hash_encoder)
    report = build_index(small_corpus, hash_index, hash_encoder)
    assert report.reused == report.rows  # the old build's vectors are still reused
    assert load_index(hash_index, hash_encoder).manifest["format"] == INDEX_FORMAT
