"""Every state of the page, with streamlit.testing.v1.AppTest."""

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from conftest import CORPUS, ROOT

APP = str(ROOT / "app.py")


@pytest.fixture
def app(monkeypatch, real_index):
    monkeypatch.setenv("VERBATIM_INDEX", str(real_index))
    monkeypatch.setenv("VERBATIM_CORPUS", str(CORPUS))

    def start(query: str | None = None, url_query: str | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        if url_query is not None:
            at.query_params["q"] = url_query
        at.run()
        if query is not None:
            at.text_input(key="q").set_value(query)
            at.button(key="search").click()
            at.run()
        assert not at.exception
        return at

    return start


def html_bodies(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html") if "<style>" not in el.proto.body]


def test_start_page_explains_itself_and_offers_the_articles_questions(app):
    at = app()
    assert "ask the article" in at.title[0].value
    labels = [b.label for b in at.button]
    assert "What Are Drugs That Numb Emotional Pain?" in labels
    assert "How Long Does Emotional Numbing Last? Is It Permanent?" in labels
    assert at.text_input(key="q").value == ""
    assert "not medical advice" in at.caption[0].value


def test_results_are_cards_with_breadcrumb_highlight_and_source(app):
    at = app("why can't I cry anymore even when I want to")
    cards = "".join(html_bodies(at))
    assert "<mark>Inability to cry or laugh even when you want to</mark>" in cards
    assert "Emotional Numbness Overview › Signs of Emotional Numbness ›" in cards
    assert "emotional-numbness.md, lines" in cards
    assert at.query_params["q"] == "why can't I cry anymore even when I want to"


def test_a_q_link_runs_its_search(app):
    at = app(url_query="is emotional numbness permanent")
    assert at.text_input(key="q").value == "is emotional numbness permanent"
    assert "Permanent emotional numbness is rare." in "".join(html_bodies(at))


def test_abstention_offers_closest_topics_not_passages(app):
    at = app("how do I bake sourdough bread")
    assert at.subheader[0].value == "This article doesn't cover that"
    assert not [b for b in html_bodies(at) if "vb-card" in b]
    suggestions = [b for b in at.button if b.key and b.key.startswith("suggest-")]
    assert len(suggestions) == 3


def test_clicking_an_example_asks_it(app):
    at = app()
    next(b for b in at.button if b.label == "What Are Drugs That Numb Emotional Pain?").click()
    at.run()
    assert at.text_input(key="q").value == "What Are Drugs That Numb Emotional Pain?"
    assert "Antidepressants such as SSRIs" in "".join(html_bodies(at))


def test_crisis_banner_comes_first_and_passages_are_collapsed(app):
    at = app("I cut myself to feel something when I'm numb")
    bodies = html_bodies(at)
    assert "988" in bodies[0] and "741741" in bodies[0] and 'role="alert"' in bodies[0]
    order = [type(el).__name__ for el in at.main]
    assert order.index("Expander") > order.index("Html")
    expander = at.expander[0]
    assert expander.label == "Show what the article says" and expander.proto.expanded is False


def test_abuse_banner_names_the_domestic_violence_hotline(app):
    at = app("my boyfriend hits me when he drinks")
    assert "1-800-799-7233" in html_bodies(at)[0]


def test_physical_numbness_gets_the_medical_note_above_the_abstention(app):
    at = app("my left arm is numb and tingling")
    bodies = html_bodies(at)
    assert "911" in bodies[0] and "emotional numbness" in bodies[0]
    assert at.subheader[0].value == "This article doesn't cover that"


@pytest.mark.parametrize("query", [
    "<script>alert(1)</script> numb", "<img src=x onerror=alert(1)> why numb",
    "[click me](javascript:alert(1)) numb feelings", "x" * 20_000, "numb\x00\x07\x1b[31m feelings",
])
def test_hostile_queries_are_answered_and_shown_escaped(app, query):
    at = app(query)
    page = "".join(html_bodies(at))
    assert "<script>" not in page and "<img" not in page and "](javascript" not in page


def test_empty_query_waits(app):
    at = app("   ")
    assert not html_bodies(at)
    assert any(b.label == "What Is Emotional Numbing?" for b in at.button)


def test_stale_index_is_flagged_with_a_rebuild_button(app, monkeypatch, tmp_path, real_index):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "extra.md").write_text("# Extra\n\nMore words.\n", "utf-8")
    monkeypatch.setenv("VERBATIM_CORPUS", str(corpus))
    at = app()
    assert "changed since the index was built (+extra.md)" in at.sidebar.warning[0].value
    assert any(b.label == "Rebuild the index" for b in at.sidebar.button)


def test_missing_index_says_how_to_build_it(app, monkeypatch, tmp_path):
    monkeypatch.setenv("VERBATIM_INDEX", str(tmp_path / "none"))
    at = app()
    assert at.error[0].value == f"{tmp_path / 'none'}: no index found; build it: python -m verbatim build"
    assert any(b.label == "Build the index now" for b in at.button)


def test_damaged_index_is_refused_in_one_line(app, monkeypatch, tmp_path, real_index):
    from verbatim.index import current_build

    copy = tmp_path / "index"
    shutil.copytree(real_index, copy)
    vectors = current_build(copy) / "vectors.npy"
    vectors.write_bytes(vectors.read_bytes()[:100])
    monkeypatch.setenv("VERBATIM_INDEX", str(copy))
    at = app("why am I numb")
    assert at.error[0].value == (
        f"{vectors}: damaged (size or checksum differs from the manifest); rebuild: python -m verbatim build"
    )


def test_an_overlong_question_is_answered_and_the_reader_told(app):
    at = app("why do I feel so numb all the time " * 300)
    assert "cut to its first 254 word pieces" in at.info[0].value
    assert any("vb-card" in b for b in html_bodies(at))
