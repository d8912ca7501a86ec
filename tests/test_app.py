"""Every state of the page, with streamlit.testing.v1.AppTest."""

import html
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from conftest import CORPUS, ROOT

APP = str(ROOT / "app.py")
PILLS = "I have pills saved up and I'm going to take them all tonight"


@pytest.fixture
def app(monkeypatch, real_index):
    monkeypatch.setenv("VERBATIM_INDEX", str(real_index))
    monkeypatch.setenv("VERBATIM_CORPUS", str(CORPUS))
    monkeypatch.delenv("VERBATIM_ADMIN", raising=False)

    def start(query: str | None = None, url_query: str | None = None, k: str | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        if url_query is not None:
            at.query_params["q"] = url_query
        if k is not None:
            at.query_params["k"] = k
        at.run()
        if query is not None:
            ask(at, query)
        assert not at.exception
        return at

    return start


def ask(at: AppTest, query: str) -> AppTest:
    at.text_input(key="q").set_value(query)
    at.button(key="search").click()
    at.run()
    assert not at.exception
    return at


def html_bodies(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html") if "<style>" not in el.proto.body and "<script>" not in el.proto.body]


def page_text(at: AppTest) -> str:
    """Everything the page shows, as a reader would read it (tags dropped, entities decoded)."""
    parts = html_bodies(at) + [getattr(el, "value", "") or "" for el in at.main if type(el).__name__ != "Html"]
    parts += [b.label for b in at.button] + [e.label for e in at.expander]
    return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(map(str, parts))))


def label(text: str) -> str:
    """A button label as the reader sees it (Markdown escapes removed)."""
    return re.sub(r"\\(.)", r"\1", text)


def labels(at: AppTest) -> list[str]:
    return [label(b.label) for b in at.button]


def patch_search(monkeypatch, change) -> None:
    """Make every search's result pass through ``change`` (on whichever searcher the page uses)."""
    from verbatim.live import LiveSearcher as cls  # the page's searcher

    real = cls.search

    def search(self, query, top_k=5, **options):
        result = real(self, query, top_k, **options)
        change(result)
        return result

    monkeypatch.setattr(cls, "search", search)


def cards(at: AppTest) -> str:
    return "".join(b for b in html_bodies(at) if "vb-card" in b)


# --- start ------------------------------------------------------------------------------------

def test_start_page_explains_itself_and_offers_at_most_eight_questions(app):
    at = app()
    assert label(at.title[0].value) == "Emotional numbness: ask the article"
    examples = [b for b in at.button if b.key and b.key.startswith("example-")]
    assert 1 <= len(examples) <= 8
    assert "What Is Emotional Numbing?" in labels(at)
    assert at.text_input(key="q").value == ""
    text = page_text(at)
    assert "not medical advice" in text
    assert "In crisis? Call or text 988" in text and 'href="tel:988"' in "".join(html_bodies(at))
    at.toggle(key="all_examples").set_value(True).run()
    assert "What Are Drugs That Numb Emotional Pain?" in labels(at)
    assert len([b for b in at.button if b.key.startswith("example-")]) > 8


def test_readers_see_no_maintenance_model_or_paths(app):
    at = app("why can't I cry anymore even when I want to")
    text = page_text(at)
    assert not at.sidebar.children or not list(at.sidebar)
    for hidden in ("Rebuild", "Build the index", "MiniLM", "sentence-transformers", "Loading the model", str(CORPUS), "emotional-numbness.md", "lines ",
                   "relevance"):
        assert hidden not in text


# --- results ----------------------------------------------------------------------------------

def test_results_are_cards_with_article_section_and_highlight(app):
    at = app("why can't I cry anymore even when I want to")
    page = cards(at)
    assert "<mark>Inability to cry or laugh even when you want to</mark></li>" in page
    assert '<h3 class="vb-section" id="vb-card-1">What Are the Signs and Symptoms of Emotional Numbness?</h3>' in page
    assert "From Emotional Numbness Overview › Signs of Emotional Numbness" in page
    assert page.count('<section class="vb-results"') == 1 and 'id="vb-results-heading"' in page
    assert "<ul>" in page and "\n- " not in page
    assert at.query_params["q"] == "why can't I cry anymore even when I want to"
    assert page.count('class="vb-card"') == 5
    assert "In crisis? Call or text 988" in page_text(at)


def test_a_q_link_runs_its_search_and_k_sets_the_number_of_passages(app):
    at = app(url_query="is emotional numbness permanent", k="3")
    assert at.text_input(key="q").value == "is emotional numbness permanent"
    assert "Permanent emotional numbness is rare." in cards(at)
    assert cards(at).count('class="vb-card"') == 3
    assert at.radio(key="k").value == 3


def test_changing_the_number_of_passages_applies_at_once_and_goes_in_the_url(app):
    at = app("is emotional numbness permanent")
    at.radio(key="k").set_value(10).run()
    assert cards(at).count('class="vb-card"') == 10
    assert at.query_params["k"] == "10"


def test_back_and_forward_restore_question_and_results(app):
    at = app("is emotional numbness permanent")
    ask(at, "what is anhedonia")
    assert "Anhedonia" in cards(at)
    at.query_params["q"] = "is emotional numbness permanent"  # what the browser's back button does
    at.run()
    assert at.text_input(key="q").value == "is emotional numbness permanent"
    assert "Permanent emotional numbness is rare." in cards(at)
    at.query_params.clear()  # back to the start page
    at.run()
    assert at.text_input(key="q").value == ""
    assert not cards(at) and "What Is Emotional Numbing?" in labels(at)


def test_after_a_search_the_results_heading_is_focused_and_the_count_announced(app):
    at = app("is emotional numbness permanent")
    script = next(el.proto for el in at.get("html") if "<script>" in el.proto.body)
    assert script.unsafe_allow_javascript
    assert '"vb-results-heading"' in script.body and '"5 passages found."' in script.body


def test_abstention_offers_closest_topics_not_passages(app):
    at = app("how do I bake sourdough bread")
    assert "This article doesn't cover that" in page_text(at)
    assert "It is about emotional numbness." in page_text(at)
    assert not cards(at)
    assert len([b for b in at.button if b.key and b.key.startswith("suggest-")]) == 3


def test_clicking_an_example_asks_it(app):
    at = app()
    next(b for b in at.button if label(b.label) == "What Is Emotional Numbing?").click()
    at.run()
    assert at.text_input(key="q").value == "What Is Emotional Numbing?"
    assert at.query_params["q"] == "What Is Emotional Numbing?"
    assert "emotionally “blank” or “distant.”" in html.unescape(cards(at))


def test_missing_terms_and_withheld_articles_are_said_in_the_main_column(app, monkeypatch):
    def change(result):
        result.missing_terms, result.withheld = ["sourdough", "<b>yeast</b>"], ["emotional-numbness.md"]

    patch_search(monkeypatch, change)
    at = app("is emotional numbness permanent")
    text = page_text(at)
    assert "The article doesn’t mention: sourdough, <b>yeast</b>" in text
    assert "Passages from “Emotional Numbness Overview” were left out" in text
    assert "<b>yeast" not in "".join(html_bodies(at))


# --- help first -------------------------------------------------------------------------------

def test_crisis_banner_with_links_comes_first_and_passages_are_collapsed(app):
    at = app("I cut myself to feel something when I'm numb")
    bodies = html_bodies(at)
    assert 'role="alert"' in bodies[0]
    for href in ('href="tel:988"', 'href="sms:988"', 'href="sms:741741?body=HOME"', 'href="tel:911"'):
        assert href in bodies[0]
    order = [type(el).__name__ for el in at.main]
    assert order.index("Expander") > order.index("Html")
    assert at.expander[0].proto.expanded is False
    assert not [b for b in at.button if b.key and b.key.startswith("suggest-")]


def test_no_suggestion_or_drug_passage_is_reachable_after_a_risk_question(app):
    at = app(PILLS)
    assert 'role="alert"' in html_bodies(at)[0] and 'href="tel:988"' in html_bodies(at)[0]
    assert not [b for b in at.button if b.key and (b.key.startswith("suggest-") or b.key.startswith("example-"))]
    everything = page_text(at) + html.unescape(cards(at))
    for drug in ("Drugs That Numb", "opioid", "Opioid", "benzodiazepine", "Benzodiazepine"):
        assert drug not in everything


def test_help_strip_persists_across_follow_up_questions_until_dismissed(app):
    at = app(PILLS)
    ask(at, "is emotional numbness permanent")
    strip = [b for b in html_bodies(at) if 'class="vb-strip"' in b]
    assert strip and 'href="tel:988"' in strip[0]
    assert html_bodies(at)[0] == strip[0]  # still before anything else
    ask(at, "what is anhedonia")
    assert any('class="vb-strip"' in b for b in html_bodies(at))
    at.button(key="hide_help").click().run()
    assert not any('class="vb-strip"' in b for b in html_bodies(at))
    assert "In crisis? Call or text 988" in page_text(at)  # the quiet line stays


def test_urgent_puts_emergency_numbers_first(app, monkeypatch):
    def change(result):
        result.crisis.level = "urgent"

    patch_search(monkeypatch, change)
    at = app(PILLS)
    banner = html_bodies(at)[0]
    assert "call 911" in banner.lower() and "Poison Control" in banner
    assert banner.index('href="tel:911"') < banner.index('href="tel:18002221222"') < banner.index('href="tel:988"')


def test_a_question_about_a_hard_subject_gets_a_calm_line_and_normal_results(app, monkeypatch):
    from verbatim.safety import CrisisAlert, load_resources

    def change(result):
        resources = load_resources()["crisis"]["resources"]["suicide"]
        result.crisis = CrisisAlert("suicide", resources, "", "classifier", "topic")

    patch_search(monkeypatch, change)
    at = app("is emotional numbness permanent")
    bodies = html_bodies(at)
    assert not any('role="alert"' in b for b in bodies)
    assert any('class="vb-topic"' in b and 'href="tel:988"' in b for b in bodies)
    assert not at.expander and "Permanent emotional numbness is rare." in cards(at)
    assert not any('class="vb-strip"' in b for b in bodies)


def test_abuse_banner_calls_the_domestic_violence_hotline(app):
    at = app("my boyfriend hits me when he drinks")
    assert 'href="tel:18007997233"' in html_bodies(at)[0]


def test_physical_numbness_gets_the_medical_note_above_the_abstention(app):
    at = app("my left arm is numb and tingling")
    note = next(b for b in html_bodies(at) if "vb-medical" in b)
    assert "emotional numbness" in note and 'href="tel:911"' in note
    text = page_text(at)
    assert text.index("a question for a doctor") < text.index("This article doesn't cover that")


POLISH = "Mój mąż jest pijany, rzuca rzeczami i krzyczy, że dziś mnie zabije"


@pytest.mark.parametrize("loaded", [True, False])  # once loaded it shows at once; cold, with the answer
def test_a_question_in_another_language_gets_a_note_with_911_and_988_above_the_results(app, monkeypatch, loaded):
    from verbatim import language

    monkeypatch.setattr(language, "ready", lambda: loaded)
    at = app(POLISH)
    notes = [b for b in html_bodies(at) if "vb-language" in b]
    assert len(notes) == 1
    note = notes[0]
    assert "English only" in note and 'href="tel:911"' in note and 'href="tel:988"' in note
    text = page_text(at)
    assert text.index("English only") < text.index("This article doesn't cover that")
    spanish = [b for b in html_bodies(app("me tomé todas las pastillas de mi mamá hace un rato")) if "vb-language" in b]
    assert len(spanish) == 1 and 'lang="es"' in spanish[0] and 'href="sms:988?body=AYUDA"' in spanish[0]
    assert not any("vb-language" in b for b in html_bodies(app("why can't I cry anymore even when I want to")))


@pytest.mark.parametrize("loaded", [True, False])  # cold, the page waits for the check before the answer
def test_a_question_in_another_language_is_offered_nothing_about_drugs(app, monkeypatch, loaded):
    # In English this question is offered "What Are Drugs That Numb Emotional Pain?" (tests/test_search.py).
    from verbatim import language

    monkeypatch.setattr(language, "ready", lambda: loaded)
    at = app("¿por qué no siento nada cuando escucho canciones tristes?")
    assert any("vb-language" in b for b in html_bodies(at))
    offered = [label(b.label) for b in at.button if b.key and b.key.startswith("suggest-")]
    assert offered and not any("Drugs" in q for q in offered)
    assert "Drugs That Numb" not in page_text(at) + html.unescape(cards(at))


def test_the_language_note_needs_no_model_or_index(app, monkeypatch, tmp_path):
    monkeypatch.setenv("VERBATIM_INDEX", str(tmp_path / "none"))
    at = app(POLISH)
    assert at.info[0].value == "Search isn't available right now. Please try again in a few minutes."
    assert any("vb-language" in b and 'href="tel:911"' in b for b in html_bodies(at))


def test_broken_resources_file_still_shows_help(app, monkeypatch, tmp_path):
    from verbatim.safety import load_resources

    broken = tmp_path / "broken.json"
    broken.write_text('{"crisis": {"headline": 7, "resources": {"suicide": [{"name": 1}]}}}', "utf-8")
    monkeypatch.setenv("VERBATIM_RESOURCES", str(broken))
    load_resources.cache_clear()
    try:
        at = app("I want to kill myself")
        banner = html_bodies(at)[0]
        assert 'role="alert"' in banner and 'href="tel:988"' in banner and 'href="tel:911"' in banner
        assert "Traceback" not in page_text(at) and str(tmp_path) not in page_text(at)
    finally:
        monkeypatch.delenv("VERBATIM_RESOURCES")
        load_resources.cache_clear()


# --- hostile input, labels, two articles ----------------------------------------------------

@pytest.mark.parametrize("query", [
    "<script>alert(1)</script> numb", "<img src=x onerror=alert(1)> why numb",
    "[click me](javascript:alert(1)) numb feelings", "x" * 20_000, "numb\x00\x07\x1b[31m feelings",
])
@pytest.mark.reliability
def test_hostile_queries_are_answered_and_shown_escaped(app, query):
    at = app(query)
    page = "".join(html_bodies(at))
    assert "<script>" not in page and "<img" not in page and "](javascript" not in page


@pytest.mark.reliability
def test_empty_query_waits(app):
    at = app("   ")
    assert not cards(at)
    assert "What Is Emotional Numbing?" in labels(at)


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory, real_encoder):
    from verbatim.index import build_index

    root = tmp_path_factory.mktemp("two")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "emotional-numbness.md", corpus)
    (corpus / "panic.md").write_text(
        "# Panic Attacks\n\n## What Is a Panic Attack ![t](http://127.0.0.9/track.png) $x^2$?\n\n"
        "A panic attack is a sudden rush of intense fear with a racing heart, shaking and short breath.\n\n"
        "## How Long Does a Panic Attack Last?\n\nMost panic attacks peak within ten minutes and pass within half an hour.\n",
        "utf-8",
    )
    build_index(corpus, root / "index", real_encoder)
    return corpus, root / "index"


def test_two_articles_name_the_site_group_examples_and_cite_each_article(app, monkeypatch, two_articles):
    corpus, index = two_articles
    monkeypatch.setenv("VERBATIM_CORPUS", str(corpus))
    monkeypatch.setenv("VERBATIM_INDEX", str(index))
    at = app()
    assert label(at.title[0].value) == "Articles: ask the articles"
    groups = [b for b in html_bodies(at) if 'class="vb-group"' in b]
    assert [re.sub("<[^>]+>", "", g) for g in groups] == ["Emotional Numbness Overview", "Panic Attacks"]
    tracked = next(b for b in at.button if "track.png" in label(b.label))
    assert "\\!\\[t\\]\\(http" in tracked.label and "\\$x^2\\$" in tracked.label  # shown as text, never fetched
    ask(at, "how long does a panic attack last")
    assert "From Panic Attacks" in cards(at)
    ask(at, "how do I bake sourdough bread")
    assert "The articles here are about Emotional Numbness Overview and Panic Attacks." in page_text(at)


# --- reader and owner -----------------------------------------------------------------------

@pytest.mark.reliability
def test_stale_index_is_flagged_with_a_rebuild_button_for_the_owner_only(app, monkeypatch, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "extra.md").write_text("# Extra\n\nMore words.\n", "utf-8")
    monkeypatch.setenv("VERBATIM_CORPUS", str(corpus))
    at = app()
    assert not at.sidebar.warning and not any("Rebuild" in b.label for b in at.button)
    monkeypatch.setenv("VERBATIM_ADMIN", "1")
    at = app()
    assert "changed since the index was built: +extra.md" in label(at.sidebar.warning[0].value)
    assert any(b.label == "Rebuild the index" for b in at.sidebar.button)


@pytest.mark.reliability
def test_missing_index_tells_readers_to_come_back_and_the_owner_how_to_build(app, monkeypatch, tmp_path):
    monkeypatch.setenv("VERBATIM_INDEX", str(tmp_path / "none"))
    at = app()
    assert at.info[0].value == "Search isn't available right now. Please try again in a few minutes."
    assert str(tmp_path) not in page_text(at) and not at.sidebar.button
    assert "In crisis? Call or text 988" in page_text(at)
    monkeypatch.setenv("VERBATIM_ADMIN", "1")
    at = app()
    assert label(at.error[0].value) == f"{tmp_path / 'none'}: no index found; build it: python -m verbatim build"
    assert any(b.label == "Build the index now" for b in at.sidebar.button)


@pytest.mark.reliability
def test_damaged_index_is_refused_in_one_line(app, monkeypatch, tmp_path, real_index):
    from verbatim.index import current_build

    copy = tmp_path / "index"
    shutil.copytree(real_index, copy)
    vectors = current_build(copy) / "vectors.npy"
    vectors.write_bytes(vectors.read_bytes()[:100])
    monkeypatch.setenv("VERBATIM_INDEX", str(copy))
    monkeypatch.setenv("VERBATIM_ADMIN", "1")
    at = app("why am I numb")
    assert label(at.error[0].value) == (
        f"{vectors}: damaged (size or checksum differs from the manifest); rebuild: python -m verbatim build"
    )
    monkeypatch.delenv("VERBATIM_ADMIN")
    at = app("I want to kill myself")  # a reader in crisis still gets help from the lexicon
    assert 'href="tel:988"' in html_bodies(at)[0] and str(tmp_path) not in page_text(at)


@pytest.mark.reliability
def test_an_overlong_question_is_answered_and_the_reader_told(app):
    at = app("why do I feel so numb all the time " * 300)
    assert "cut to its first 254 word pieces" in label(at.info[0].value)
    assert cards(at)


def test_site_toml_names_the_page_and_the_help_for_its_region(app, monkeypatch, tmp_path):
    import json
    import os

    from verbatim.safety import _data, load_resources

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    region = _data("resources.json")
    region["crisis"]["headline"] = "Help for Elsewhere, day and night."
    (corpus / "elsewhere.json").write_text(json.dumps(region), "utf-8")
    (corpus / "site.toml").write_text('name = "Numb"\ndescription = "Ask it."\nresources = "elsewhere.json"\n', "utf-8")
    monkeypatch.setenv("VERBATIM_CORPUS", str(corpus))
    monkeypatch.delenv("VERBATIM_RESOURCES", raising=False)
    load_resources.cache_clear()
    try:
        at = app("I want to kill myself")
        assert label(at.title[0].value) == "Numb: ask the article"
        assert "Ask it." in page_text(at)
        assert "Help for Elsewhere, day and night." in html_bodies(at)[0]
    finally:
        os.environ.pop("VERBATIM_RESOURCES", None)
        load_resources.cache_clear()


def test_when_every_passage_was_withheld_the_page_says_so_rather_than_show_nothing(app, monkeypatch):
    def change(result):
        result.passages, result.withheld = [], ["emotional-numbness.md"]

    patch_search(monkeypatch, change)
    at = app("is emotional numbness permanent")
    text = page_text(at)
    assert "were left out" in text and "No passages can be shown for this question right now." in text


# --- private by default -------------------------------------------------------------------------

def test_streamlit_config_is_private_by_default():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["fileWatcherType"] == "none"


def test_make_run_takes_port_and_address():
    import subprocess

    dry = subprocess.run(["make", "-n", "run", "PORT=9999", "ADDRESS=0.0.0.0"], cwd=ROOT, capture_output=True, text=True)
    assert "streamlit run app.py --server.port 9999 --server.address 0.0.0.0" in dry.stdout
    dry = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True)
    assert "--server.port 8501 --server.address localhost" in dry.stdout


# --- the content changes while the page is open ------------------------------------------------

OLD_LINE = "Inability to cry or laugh even when you want to"
NEW_LINE = "Inability to cry or laugh even when you truly want to"


@pytest.mark.reliability
def test_a_paragraph_edited_while_the_page_is_open_is_quoted_as_the_file_is_now(
        monkeypatch, tmp_path, real_index, corpus_copy):
    index = tmp_path / "index"
    shutil.copytree(real_index, index)
    monkeypatch.setenv("VERBATIM_INDEX", str(index))
    monkeypatch.setenv("VERBATIM_CORPUS", str(corpus_copy))
    monkeypatch.delenv("VERBATIM_ADMIN", raising=False)
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    ask(at, "why can't I cry anymore even when I want to")
    assert OLD_LINE in page_text(at)

    article = corpus_copy / "emotional-numbness.md"
    article.write_text(article.read_text("utf-8").replace(OLD_LINE, NEW_LINE), "utf-8")
    ask(at, "why can't I cry anymore even when I want to")
    text = page_text(at)
    assert NEW_LINE in text and OLD_LINE not in text
    assert "left out" not in text  # rebuilt, not withheld
