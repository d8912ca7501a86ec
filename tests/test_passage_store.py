"""Passages and rows stored by column read back as the passages and rows that were written."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verbatim.chunking import Passage
from verbatim.index import Row, RowLayout, row_texts
from verbatim.passage_store import PassageTable

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def passages(draw) -> list[Passage]:
    out, sources, headings = [], draw(st.lists(words, min_size=1, max_size=3)), draw(
        st.lists(st.lists(words, max_size=3).map(tuple), min_size=1, max_size=4))
    for _ in range(draw(st.integers(0, 12))):
        text = draw(st.text(min_size=1, max_size=40))
        cuts = sorted(draw(st.sets(st.integers(1, len(text)), max_size=3)) | {len(text)})
        units = tuple(zip([0, *cuts[:-1]], cuts))
        start = draw(st.integers(0, 10_000))
        line = draw(st.integers(1, 500))
        out.append(Passage(draw(st.sampled_from(sources)), start, start + len(text), text,
                           draw(st.sampled_from(headings)), units, (line, line + draw(st.integers(0, 9)))))
    return out


@settings(max_examples=60, deadline=None)
@given(passages())
def test_a_table_reads_back_the_passages_written(tmp_path_factory, written):
    folder = tmp_path_factory.mktemp("table")
    PassageTable.from_passages(written).write(folder)
    table = PassageTable.read(folder)
    assert list(table) == written
    assert len(table) == len(written)
    if written:
        assert table[-1] == written[-1] and table[1:3] == written[1:3]
    # Sections: runs of the same file and headings, as the searcher groups cards.
    starts = table.sections()
    runs = [i for i in range(len(written))
            if i == 0 or (written[i].source, written[i].heading_path) != (written[i - 1].source, written[i - 1].heading_path)]
    assert starts.tolist() == [*runs, len(written)] if written else starts.tolist() == [0]
    # Heading paths in order of first use (the searcher's titles and question headings).
    assert list(table.headings) == list(dict.fromkeys(p.heading_path for p in written))


def test_an_index_past_the_end_is_an_index_error(tmp_path):
    table = PassageTable.from_passages([Passage("a.md", 0, 2, "hi", ("T",), ((0, 2),), (1, 1))])
    with pytest.raises(IndexError, match="passage 1 of 1"):
        table[1]


def test_passages_made_are_kept_but_never_more_than_the_limit(monkeypatch):
    import verbatim.passage_store as store

    monkeypatch.setattr(store, "_MADE_LIMIT", 3)
    written = [Passage("a.md", 10 * i, 10 * i + 2, "hi", ("T",), ((0, 2),), (i + 1, i + 1)) for i in range(5)]
    table = PassageTable.from_passages(written)
    assert table[1] is table[1] and table[-4] is table[1]  # one object per passage, however it is named
    for i in range(5):
        assert table[i] == written[i]
        assert len(table._made) <= 3


@pytest.mark.parametrize("damage", ["short text", "column lengths", "unknown source"])
def test_a_table_whose_files_disagree_is_refused(tmp_path, damage):
    written = [Passage("a.md", 0, 5, "hello", ("T",), ((0, 5),), (1, 1)),
               Passage("b.md", 0, 3, "bye", ("U",), ((0, 3),), (1, 1))]
    PassageTable.from_passages(written).write(tmp_path)
    if damage == "short text":
        (tmp_path / "passages.txt").write_bytes(b"hell")
    else:
        with np.load(tmp_path / "passages.npz") as arrays:
            columns = dict(arrays)
        if damage == "column lengths":
            columns["start"] = columns["start"][:1]
        else:
            columns["source"] = np.array([0, 7], np.int32)
        np.savez(tmp_path / "passages.npz", **columns)
    with pytest.raises(ValueError):
        PassageTable.read(tmp_path)


@settings(max_examples=60, deadline=None)
@given(passages())
def test_the_row_layout_is_the_rows_of_row_texts(written):
    rows, _ = row_texts(written)
    layout = RowLayout.of(rows, len(written))
    assert list(layout) == rows
    for pid, p in enumerate(written):
        assert layout[layout.own_row(pid)] == Row(pid, -1)
        sentences = layout.sentence_rows(pid)
        assert [layout[r] for r in sentences] == ([Row(pid, u) for u in range(len(p.units))] if len(p.units) > 1 else [])
        assert (pid in layout.with_sentences) == (len(p.units) > 1)
    assert len(written) not in layout.with_sentences and -1 not in layout.with_sentences


@pytest.mark.parametrize("pairs, n", [
    ([[0, -1], [1, -1], [1, 0]], 2),  # a single sentence row: one sentence is the passage's own row
    ([[1, -1], [0, -1]], 2),  # passages out of order
    ([[0, -1], [0, 1], [0, 0]], 1),  # sentences out of order
    ([[0, -1], [0, 0], [0, 1]], 2),  # one passage short
    ([[0, -1], [1, 0], [1, 1], [1, -1]], 2),  # sentence rows before their passage's own row
])
def test_rows_not_laid_out_as_built_are_refused(pairs, n):
    with pytest.raises(ValueError):
        RowLayout.from_pairs(np.array(pairs, np.int32), n)

