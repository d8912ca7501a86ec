"""The whole-call bench builds what it says it measures: N passages, through the real build."""

import numpy as np

from benchmarks.whole_call_bench import SECTIONS_PER_FILE, SeededEncoder, write_corpus
from verbatim.index import build_index, load_index


def test_the_generated_corpus_builds_into_exactly_the_passages_asked_for(tmp_path):
    write_corpus(tmp_path / "corpus", 250)
    assert len(list((tmp_path / "corpus").glob("*.md"))) == -(-250 // SECTIONS_PER_FILE)
    report = build_index(tmp_path / "corpus", tmp_path / "index", SeededEncoder())
    assert report.passages == 250 and report.rows == 4 * 250  # each passage and its three sentences
    index = load_index(tmp_path / "index", SeededEncoder())
    assert all(p.text.count(".") == 3 for p in index.passages)


def test_the_seeded_stand_in_is_deterministic_and_unit_length():
    enc = SeededEncoder()
    a, b = enc.encode(["emotional numbness", "why can't i cry"]), enc.encode(["emotional numbness"])
    assert a.shape == (2, 384) and np.allclose(np.linalg.norm(a, axis=1), 1, atol=1e-5)
    assert np.array_equal(a[0], b[0]) and not np.allclose(a[0], a[1])
