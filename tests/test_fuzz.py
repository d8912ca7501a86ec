"""Hypothesis: any input to the loaders, chunker and search path gives a documented outcome."""

import string
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verbatim.chunking import Chunker
from verbatim.config import MAX_TOKENS
from verbatim.embedding import count_model_tokens
from verbatim.errors import QueryError, SourceFileError
from verbatim.loading import load_document, parse_html, parse_markdown, parse_plain_text
from verbatim.search import clean_query

CHUNKER = Chunker(count_model_tokens)
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

lines = st.lists(
    st.one_of(
        st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=60).map(str.title),
        st.text(min_size=0, max_size=200),
        st.text(alphabet=string.ascii_letters + " ?", min_size=3, max_size=80),
        st.builds(lambda t: "  • " + t, st.text(min_size=1, max_size=80)),
        st.just(""),
    ),
    max_size=40,
)


def check_passages(doc):
    passages = CHUNKER.chunk(doc)
    previous = -1
    for p in passages:
        assert doc.text[p.start : p.end] == p.text
        assert p.start >= previous
        previous = p.end
        assert count_model_tokens(p.embedding_text()) <= MAX_TOKENS
    # every character of every body block (so every sentence) is in exactly one passage
    covered = [0] * len(doc.text)
    for p in passages:
        for i in range(p.start, p.end):
            covered[i] += 1
    for b in doc.blocks:
        for i in range(b.start, b.end):
            if not doc.text[i].isspace():
                assert covered[i] == (0 if b.kind == "heading" else 1)
    return passages


@pytest.mark.reliability
@FAST
@given(lines, st.sampled_from(["\n", "\r\n"]))
def test_plain_text_loader_and_chunker_take_anything(parts, newline):
    check_passages(parse_plain_text(newline.join(parts), "x.txt"))


@pytest.mark.reliability
@FAST
@given(st.text(max_size=3000))
def test_markdown_loader_and_chunker_take_any_text(text):
    check_passages(parse_markdown(text, "x.md"))


@FAST
@given(st.lists(st.sampled_from(["<h1>", "</h1>", "<h2>", "<p>", "</p>", "<ul>", "<li>", "</li>", "</ul>",
                                 "<script>", "</script>", "<b>", "</b>", "&amp;", "text ", "more words. ", "<!--", "-->",
                                 "<", ">", "\n"]), max_size=60))
@pytest.mark.reliability
def test_html_loader_and_chunker_take_any_markup(parts):
    check_passages(parse_html("".join(parts), "x.html"))


@pytest.mark.reliability
@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_load_or_fail_with_a_documented_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "f.md"
    path.write_bytes(data)
    try:
        doc = load_document(path)
    except SourceFileError as e:
        assert str(e).startswith("f.md: ")
    else:
        check_passages(doc)


@pytest.mark.reliability
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_query_gives_a_valid_result_or_a_clear_refusal(searcher, query):
    try:
        data = searcher.search(query).to_dict()
    except QueryError as e:
        assert str(e).startswith("query is empty")
        assert clean_query(query) == ""
        return
    assert data["query"] == query
    assert data["no_answer"] == (data["passages"] == [])
    for p in data["passages"]:
        assert _source_text(p["source"])[p["start"] : p["end"]] == p["text"]  # verbatim, always
        assert all(0 <= s < e <= len(p["text"]) for s, e in p["highlights"])
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)


@cache
def _source_text(source: str) -> str:
    return Path(source).read_text("utf-8")


@pytest.mark.reliability
def test_a_file_that_disappears_during_the_build_is_named(tmp_path, monkeypatch, hash_encoder):
    from verbatim import index as index_module

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text("# A\n\nText.\n")
    (corpus / "gone.md").write_text("# B\n\nText.\n")
    real = index_module.scan_corpus

    def listing_then_delete(folder):
        scan = real(folder)
        (folder / "gone.md").unlink()
        return scan

    monkeypatch.setattr(index_module, "scan_corpus", listing_then_delete)
    with pytest.raises(SourceFileError, match="^gone.md: file disappeared while reading; run the build again.$"):
        index_module.build_index(corpus, tmp_path / "i", hash_encoder)


@pytest.mark.reliability
def test_a_very_large_file_is_refused_by_name(tmp_path):
    path = tmp_path / "huge.md"
    path.write_bytes(b"# H\n\n" + b"word " * 1_100_000)
    with pytest.raises(SourceFileError) as e:
        load_document(path, "huge.md")
    assert str(e.value) == (
        "huge.md: 5,500,005 bytes is larger than the 300,000-byte limit for one source file "
        "(embedding it would take about 37 minutes); split it into articles."
    )
