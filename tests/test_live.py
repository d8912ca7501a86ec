"""Quotes stay true to the files: LiveSearcher checks every passage, rebuilds after an edit, and
withholds what it cannot rebuild."""


import pytest

from conftest import ROOT
from verbatim.freshness import SourceReader
from verbatim.index import build_index, current_build
from verbatim.live import LiveSearcher

QUESTION = "Cats sleep sixteen hours a day"


def sleep_edit(corpus, new="Cats sleep twenty hours a day."):
    path = corpus / "a.md"
    path.write_text(path.read_text("utf-8").replace("Cats sleep sixteen hours a day.", new), "utf-8")
    return path


def test_the_source_reader_reads_a_file_again_only_when_it_changes(tmp_path, monkeypatch):
    from verbatim import freshness

    path = tmp_path / "a.md"
    path.write_text("one two", "utf-8")
    reads = []
    real = freshness.read_source
    monkeypatch.setattr(freshness, "read_source", lambda p: reads.append(p) or real(p))
    reader = SourceReader()
    assert reader.holds(str(path), 4, 7, "two") and reader.holds(str(path), 0, 3, "one")
    assert len(reads) == 1
    path.write_text("one six", "utf-8")
    assert not reader.holds(str(path), 4, 7, "two") and len(reads) == 2
    path.unlink()
    assert reader.text(str(path)) is None


def test_an_edited_file_is_rebuilt_and_the_answer_quotes_the_new_text(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder)
    first = live.search(QUESTION, 1)
    assert first.passages[0].text.startswith("Cats sleep sixteen hours a day.")
    before = current_build(hash_index)
    path = sleep_edit(small_corpus)
    again = live.search(QUESTION, 1)
    assert current_build(hash_index) != before  # rebuilt, incrementally
    hit = again.passages[0]
    assert hit.text.startswith("Cats sleep twenty hours a day.") and again.withheld == []
    assert path.read_text("utf-8")[hit.start : hit.end] == hit.text


def test_when_it_cannot_rebuild_the_changed_files_passages_are_withheld(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder)
    live.search(QUESTION)
    path = sleep_edit(small_corpus)
    (small_corpus / "broken.md").write_bytes(b"\x00\x01binary")  # the rebuild will refuse the corpus
    result = live.search(QUESTION)
    assert result.withheld == [path.as_posix()]
    assert result.passages and all(h.source != path.as_posix() for h in result.passages)  # b.txt still answers
    assert live.rebuild_error == "broken.md: looks like a binary file; remove it from the corpus."


def test_without_rebuilding_the_changed_files_passages_are_withheld(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder, rebuild=False)
    before = current_build(hash_index)
    path = sleep_edit(small_corpus)
    result = live.search(QUESTION)
    assert result.withheld == [path.as_posix()] and current_build(hash_index) == before


def test_a_build_made_elsewhere_is_picked_up_by_the_next_search(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder, rebuild=False)
    live.search(QUESTION)
    sleep_edit(small_corpus)
    report = build_index(small_corpus, hash_index, hash_encoder)  # the watcher, say
    result = live.search(QUESTION, 1)
    assert live.searcher.index.folder.name == report.build
    assert result.passages[0].text.startswith("Cats sleep twenty hours a day.") and result.withheld == []
