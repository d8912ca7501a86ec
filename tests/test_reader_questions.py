"""The owners' question files: read, filed under sections, embedded, watched, and weighed in the ranking."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from verbatim.errors import SourceFileError
from verbatim.index import build_index, corpus_changes, load_index, read_manifest, section_starts
from verbatim.reader_questions import ReaderQuestion, attach, questions_path, read_questions_file
from verbatim.search import Searcher

from conftest import CORPUS


def _write(folder: Path, text: str) -> Path:
    path = folder / "a.questions.toml"
    path.write_text(text, "utf-8")
    return path


def test_a_questions_file_sits_beside_its_document():
    assert questions_path(Path("corpus/sub/foo.md")) == Path("corpus/sub/foo.questions.toml")


def test_questions_are_read_per_heading_with_whitespace_folded(tmp_path):
    path = _write(tmp_path, '"Feeding" = ["what do cats\\n  eat", "  "]\n"Sleep" = ["how long do cats sleep"]\n')
    assert read_questions_file(path, "a.md", "a.questions.toml") == [
        ReaderQuestion("a.md", "Feeding", "what do cats eat"),
        ReaderQuestion("a.md", "Sleep", "how long do cats sleep"),
    ]


@pytest.mark.parametrize(("text", "message"), [
    ('"Feeding" = ["unclosed]\n', "a.questions.toml: is not valid TOML ("),
    ('"Feeding" = "what do cats eat"\n', 'a.questions.toml: "Feeding" is not a list of strings; write one line per'),
    ('"Feeding" = [1, 2]\n', 'a.questions.toml: "Feeding" is not a list of strings;'),
    ('"Feeding" = ["' + "why " * 300 + '"]\n', 'a.questions.toml: a question under "Feeding" has 1,199 characters, '
                                               "over 1,000; shorten it to what a reader would type."),
])
def test_a_broken_questions_file_is_named_with_the_fix(tmp_path, text, message):
    with pytest.raises(SourceFileError) as e:
        read_questions_file(_write(tmp_path, text), "a.md", "a.questions.toml")
    assert str(e.value).startswith(message)


def test_a_questions_file_that_is_not_text_is_named_with_the_fix(tmp_path):
    path = tmp_path / "a.questions.toml"
    path.write_bytes(b'"Feeding" = ["\xff"]\n')
    with pytest.raises(SourceFileError, match=r"^a.questions.toml: is not UTF-8 text; save it as UTF-8.$"):
        read_questions_file(path, "a.md", "a.questions.toml")


def test_a_broken_questions_file_fails_the_build_by_name_and_the_previous_build_serves(
        small_corpus, tmp_path, hash_encoder):
    from verbatim.index import current_build

    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    before = current_build(index)
    _write(small_corpus, '"Sleep" = "not a list"\n')
    with pytest.raises(SourceFileError, match='^a.questions.toml: "Sleep" is not a list of strings'):
        build_index(small_corpus, index, hash_encoder)
    assert current_build(index) == before


def test_a_heading_the_article_lacks_is_one_warning_and_its_questions_are_left_out():
    questions = [ReaderQuestion("a.md", "Feeding", "q1"), ReaderQuestion("a.md", "Grooming", "q2"),
                 ReaderQuestion("a.md", "Grooming", "q3")]
    passages, warnings = attach(questions, {("a.md", "Feeding"): 0})
    assert passages == [0, -1, -1]
    assert warnings == ['a.questions.toml: the article has no heading "Grooming"; its questions are left out until '
                        "the heading is written as in the article."]


def test_the_build_files_questions_under_their_sections_and_records_the_file(small_corpus, tmp_path, hash_encoder):
    _write(small_corpus, '"Sleep" = ["how long do cats nap", "tired kitty"]\n"Grooming" = ["brushing"]\n')
    index = tmp_path / "index"
    said = []
    report = build_index(small_corpus, index, hash_encoder, progress=said.append)
    assert any('no heading "Grooming"' in w for w in report.warnings)
    assert "2 readers' questions filed under 1 section (a.questions.toml)" in said
    loaded = load_index(index, hash_encoder)
    assert loaded.questions.shape == (2, hash_encoder.dim)
    sleep = {i for i, p in enumerate(loaded.passages) if p.heading_path[-1:] == ("Sleep",)}
    assert set(loaded.question_passage.tolist()) == {min(sleep)}
    assert np.allclose(loaded.questions[0], hash_encoder.encode(["how long do cats nap"])[0], atol=1e-6)
    recorded = loaded.manifest["reader_questions"]
    assert recorded["filed"] == 2 and set(recorded["files"]) == {"a.questions.toml"}
    assert corpus_changes(loaded.manifest, small_corpus) == []


@pytest.mark.parametrize("edit", ["add", "change", "remove"])
def test_editing_a_questions_file_makes_the_index_stale(small_corpus, tmp_path, hash_encoder, edit):
    if edit != "add":
        _write(small_corpus, '"Sleep" = ["how long do cats nap"]\n')
    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    path = small_corpus / "a.questions.toml"
    if edit == "remove":
        path.unlink()
    else:
        _write(small_corpus, '"Sleep" = ["why is my cat always asleep"]\n')
    sign = {"add": "+", "change": "~", "remove": "-"}[edit]
    assert corpus_changes(read_manifest(index)[1], small_corpus) == [f"{sign}a.questions.toml"]


class _CountingEncoder:
    """The stand-in encoder, counting the texts it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.texts = inner, []
        self.name, self.fingerprint, self.dim = inner.name, inner.fingerprint, inner.dim

    def count_tokens(self, text):
        return self.inner.count_tokens(text)

    def encode(self, texts):
        self.texts += list(texts)
        return self.inner.encode(texts)


def test_a_rebuild_embeds_only_the_questions_that_changed(small_corpus, tmp_path, hash_encoder):
    _write(small_corpus, '"Sleep" = ["how long do cats nap", "tired kitty"]\n')
    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    _write(small_corpus, '"Sleep" = ["how long do cats nap", "sleepy kitty"]\n')
    counting = _CountingEncoder(hash_encoder)
    build_index(small_corpus, index, counting)
    assert counting.texts == ["sleepy kitty"]
    assert load_index(index, hash_encoder).questions.shape == (2, hash_encoder.dim)


def test_a_rebuild_reembeds_questions_whose_stored_vectors_are_damaged(small_corpus, tmp_path, hash_encoder):
    import numpy as np

    from verbatim.index import current_build

    _write(small_corpus, '"Sleep" = ["how long do cats nap", "tired kitty"]\n')
    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    np.save(current_build(index) / "questions.npy", np.zeros((2, hash_encoder.dim), np.float32))
    counting = _CountingEncoder(hash_encoder)
    build_index(small_corpus, index, counting)
    assert sorted(counting.texts) == ["how long do cats nap", "tired kitty"]
    stored = load_index(index, hash_encoder).questions
    assert np.allclose(stored, hash_encoder.encode(["how long do cats nap", "tired kitty"]))


def test_a_damaged_questions_file_in_the_build_is_caught(hash_index, hash_encoder):
    from verbatim.errors import IndexCorruptError
    from verbatim.index import current_build

    build = current_build(hash_index)
    (build / "questions.json").write_text(json.dumps({"passage": [999], "keys": ["x"], "text": ["x"]}), "utf-8")
    with pytest.raises(IndexCorruptError, match="questions.json: damaged"):
        load_index(hash_index, hash_encoder)


def test_a_question_filed_under_a_section_lifts_that_section(small_corpus, tmp_path, hash_encoder, monkeypatch):
    """The stand-in encoder shares words: a question worded like the one filed under "Feeding" ranks it first.
    (Ranking alone: the abstention model is fitted to the real model's similarities, not the stand-in's.)"""
    import verbatim.search

    monkeypatch.setattr(verbatim.search, "load_abstention_model",
                        lambda: SimpleNamespace(threshold=float("-inf"), probability=lambda _evidence: 0.5))
    query = "my kitten yawns all day is that normal"
    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    plain = Searcher.open(index, small_corpus, encoder=hash_encoder).search(query).passages
    _write(small_corpus, '"Feeding" = ["my kitten yawns all day, is that normal?"]\n')
    build_index(small_corpus, index, hash_encoder)
    lifted = Searcher.open(index, small_corpus, encoder=hash_encoder).search(query).passages
    assert plain[0].heading_path[-1] != "Feeding"
    assert lifted[0].heading_path[-1] == "Feeding"
    assert all("is that normal" not in h.text for h in lifted)  # used to find, never shown


def test_the_articles_questions_file_names_only_headings_it_has(real_index, real_encoder):
    """The bundled questions file is whole: every heading it names is in the article, none left out."""
    loaded = load_index(real_index, real_encoder)
    questions = read_questions_file(CORPUS / "emotional-numbness.questions.toml", "emotional-numbness.md", "q")
    assert attach(questions, section_starts(list(loaded.passages)))[1] == []
    assert loaded.manifest["reader_questions"]["filed"] == len(questions) == len(loaded.questions) > 200
