import re

import pytest

from conftest import ARTICLE, RAW_SEED
from verbatim.errors import CorpusError, SourceFileError
from verbatim.corpus import load_corpus
from verbatim.loading import load_document, parse_html, parse_markdown, parse_plain_text


def test_raw_seed_and_markdown_have_the_same_heading_structure():
    md = load_document(ARTICLE)
    txt = load_document(RAW_SEED)
    assert md.headings() == txt.headings()
    assert md.headings()[0] == (1, "Emotional Numbness Overview")
    assert (2, "Signs of Emotional Numbness") in md.headings()
    assert (3, "What Are Drugs That Numb Emotional Pain?") in md.headings()


def test_raw_seed_and_markdown_have_the_same_body_blocks():
    md, txt = load_document(ARTICLE), load_document(RAW_SEED)
    strip = lambda d: [
        re.sub(r"\s+", " ", re.sub(r"^\s*[-•]\s*", "", d.text[b.start : b.end]))
        for b in d.blocks
        if b.kind != "heading"
    ]
    assert strip(md) == strip(txt)


CHROME = ("Skip to Main Content", "Inline Image", "Thumbnail", "Background Image", "Take the Quiz",
          "Young black man standing", "Developed by Chief Clinical Officer", "Working Through Trauma")


def test_markdown_keeps_every_sentence_of_the_article_and_drops_page_chrome():
    raw = RAW_SEED.read_text("utf-8")
    md = ARTICLE.read_text("utf-8")
    for line in raw.splitlines():
        line = line.strip().lstrip("•").strip()
        if not line or any(c in line for c in CHROME) or line.startswith("See if you or a loved one"):
            continue
        if line == "Anxiety Signs and Symptoms":  # a related-article link, not a heading
            continue
        assert line in md, line
    for chrome in CHROME:
        assert chrome not in md


def test_markdown_blocks_are_verbatim_spans():
    doc = parse_markdown("# T\n\nPara one.\r\nStill one.\n\n- a\n- b\n  more b\n\n## S\n\ntext\n")
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert kinds == [
        ("heading", "# T"),
        ("paragraph", "Para one.\r\nStill one."),
        ("list_item", "- a"),
        ("list_item", "- b\n  more b"),
        ("heading", "## S"),
        ("paragraph", "text"),
    ]
    assert doc.headings() == [(1, "T"), (2, "S")]


def test_plain_text_headings_bullets_and_continuations():
    doc = parse_plain_text(
        "Big Title Here\n\nWhat Is It?\n\nIt is a thing. Really.\n\n  • First item\n    more of it\n  • Second\n"
    )
    assert doc.headings() == [(1, "Big Title Here"), (3, "What Is It?")]
    items = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "list_item"]
    assert items == ["• First item\n    more of it", "• Second"]


def test_html_uses_heading_tags_and_offsets_point_into_the_file():
    html = "<html><body><h1>Title</h1><p>First <b>bold</b> para.</p><h2>Sec</h2><ul><li>one</li><li>two</li></ul>" \
           "<script>var x = '<p>not content</p>';</script></body></html>"
    doc = parse_html(html, "page.html")
    assert doc.headings() == [(1, "Title"), (2, "Sec")]
    spans = [html[b.start : b.end] for b in doc.blocks if b.kind != "heading"]
    assert spans == ["First <b>bold</b> para.", "one", "two"]


def test_corpus_mixes_formats_and_names_each_file(small_corpus):
    (small_corpus / "c.html").write_text("<h1>Birds</h1><p>Birds fly.</p>", "utf-8")
    docs = load_corpus(small_corpus)
    assert [d.source for d in docs] == ["a.md", "b.txt", "c.html"]


@pytest.mark.reliability
@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bin.md", b"\x00\x01\x02binary", "bin.md: looks like a binary file; remove it from the corpus."),
        ("latin.md", "caf\xe9".encode("latin-1"), "latin.md: is not valid UTF-8 (byte 3); re-save it as UTF-8."),
        ("empty.md", b"", "empty.md: has no text to index; add content or remove the file."),
        ("heads.md", b"# Only\n\n## Headings\n", "heads.md: has no text to index; add content or remove the file."),
    ],
)
def test_bad_files_raise_one_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceFileError) as e:
        load_document(path)
    assert str(e.value) == message


def test_file_without_headings_is_indexed_as_one_section(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("Just a paragraph.\n\nAnd another.\n", "utf-8")
    doc = load_document(path)
    assert doc.headings() == [] and len(doc.blocks) == 2


@pytest.mark.reliability
def test_missing_and_empty_corpus_folders(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found; create it or pass --corpus DIR."):
        load_corpus(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CorpusError, match=r"no source files \(.md, .markdown, .txt, .html, .htm\); add an article to it."):
        load_corpus(tmp_path / "empty")
