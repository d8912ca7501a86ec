import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ARTICLE, RAW_SEED
from verbatim.chunking import Chunker, sentence_spans
from verbatim.config import MAX_TOKENS
from verbatim.embedding import count_model_tokens
from verbatim.loading import load_document, parse_markdown

CHUNKER = Chunker(count_model_tokens)


def article_passages(path=ARTICLE):
    doc = load_document(path)
    return doc, CHUNKER.chunk(doc)


def test_every_passage_is_a_verbatim_slice_with_its_heading_path():
    doc, passages = article_passages()
    assert passages
    for p in passages:
        assert doc.text[p.start : p.end] == p.text
        assert p.heading_path[0] == "Emotional Numbness Overview"
        assert p.source == "emotional-numbness.md"


def test_no_passage_with_its_heading_exceeds_the_model_window():
    for path in (ARTICLE, RAW_SEED):
        _, passages = article_passages(path)
        for p in passages:
            assert count_model_tokens(p.embedding_text()) <= MAX_TOKENS


def test_long_sections_split_at_block_boundaries_never_mid_sentence():
    doc, passages = article_passages()
    block_ends = {b.end for b in doc.blocks}
    block_starts = {b.start for b in doc.blocks}
    for p in passages:
        assert p.start in block_starts and p.end in block_ends
    pillars = [p for p in passages if p.heading_path[-1] == "What Are the Five Pillars of Emotional Resilience?"]
    assert len(pillars) >= 2


def test_a_list_stays_with_the_sentence_that_introduces_it():
    _, passages = article_passages()
    signs = next(p for p in passages if "Some signs and symptoms of emotional numbness include:" in p.text)
    assert "Inability to cry or laugh even when you want to" in signs.text
    assert "Lack of excitement for the future" in signs.text


def test_mean_passage_is_short():
    _, passages = article_passages()
    assert sum(len(p.text) for p in passages) / len(passages) <= 700


def test_units_are_sentences_and_list_items_without_markers():
    text = "- First item here\n- Second one. With two sentences!\n"
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == [
        "First item here", "Second one.", "With two sentences!",
    ]


@pytest.mark.reliability
def test_a_single_overlong_word_is_cut_to_fit():
    doc = parse_markdown("# T\n\n" + "x" * 5000 + "\n")
    passages = CHUNKER.chunk(doc)
    assert "".join(p.text for p in passages) == "x" * 5000
    assert all(count_model_tokens(p.embedding_text()) <= MAX_TOKENS for p in passages)


# --- properties over generated Markdown ------------------------------------------------

words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=12)
sentence = st.builds(lambda ws, end: " ".join(ws) + end, st.lists(words, min_size=1, max_size=30),
                     st.sampled_from([".", "!", "?", "", "…", ":"]))
paragraph = st.builds(" ".join, st.lists(sentence, min_size=1, max_size=12))
heading = st.builds(lambda lvl, t: "#" * lvl + " " + t, st.integers(1, 4), sentence)
bullets = st.builds(lambda items: "\n".join(f"- {i}" for i in items), st.lists(sentence, min_size=1, max_size=15))
block = st.one_of(heading, paragraph, bullets, st.just("```\ncode = 1\n```"), st.just("> quoted text"))
markdown = st.builds(lambda blocks, nl: nl.join(blocks), st.lists(block, min_size=1, max_size=12),
                     st.sampled_from(["\n\n", "\r\n\r\n", "\n\n\n"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown)
def test_passages_are_verbatim_ordered_in_window_and_cover_every_block_once(text):
    doc = parse_markdown(text, "gen.md")
    passages = CHUNKER.chunk(doc)
    covered = [0] * len(text)
    previous_end = -1
    for p in passages:
        assert text[p.start : p.end] == p.text
        assert p.start >= previous_end  # document order, no overlap
        previous_end = p.end
        assert count_model_tokens(p.embedding_text()) <= MAX_TOKENS
        for s, e in p.units:
            assert 0 <= s < e <= len(p.text)
        for i in range(p.start, p.end):
            covered[i] += 1
    for b in doc.blocks:
        for i in range(b.start, b.end):
            if not text[i].isspace():
                assert covered[i] == (0 if b.kind == "heading" else 1), (b, text[i])
