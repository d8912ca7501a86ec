import html
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verbatim.render import escape, highlighted_html, passage_card
from verbatim.search import PassageHit


@given(st.text())
def test_escaped_text_reads_back_exactly_and_holds_no_markup(text):
    out = escape(text)
    assert html.unescape(out) == text
    assert not set(out) & set("<>\"'[]()*_`!$")


@given(st.text(min_size=1), st.data())
def test_highlights_wrap_exact_spans(text, data):
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    out = highlighted_html(text, [(s, e)])
    assert out.count("<mark>") == 1
    assert html.unescape(out.replace("<br>", "\n").replace("<mark>", "").replace("</mark>", "")) == text


def test_card_never_contains_a_blank_line_or_raw_tag_from_the_text():
    hit = PassageHit("a\n\n<script>x</script>\n\n[l](javascript:1)", "c/a.md", 0, 30, ["T", "<b>S</b>"], 0.5, [(0, 1)], (1, 5))
    card = passage_card(hit, 1)
    assert "\n" not in card and "<script>" not in card and "<b>" not in card
    assert "lines" not in card and "c/a.md" not in card  # line numbers and paths stay in the CLI


# --- cards: lists, folds, citations -------------------------------------------------------

from verbatim.render import (  # noqa: E402
    crisis_banner, fallback_banner, help_strip, label_text, medical_note, passage_html, quiet_line,
    safe_crisis_banner, text_fragment_url, topic_line, withheld_html,
)
from verbatim.safety import CrisisAlert, MedicalNote, _data  # noqa: E402
from verbatim.site import Article, example_questions, front_matter, load_site, pick_examples  # noqa: E402


def visible_text(fragment: str) -> str:
    import re

    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_lists_render_as_lists_and_every_word_stays():
    text = "Some signs include:\n\n- Feeling flat\n- Not crying\n\n1. First\n2. Second\n\nAfter the list."
    out = passage_html(text, [(text.index("Not crying"), text.index("Not crying") + 10)])
    assert out.count("<ul>") == 1 and out.count("<ol>") == 1 and out.count("<li>") == 4
    assert "<li><mark>Not crying</mark></li>" in out
    assert "- Feeling" not in out and "<p>After the list.</p>" in out
    words = lambda s: s.replace("-", " ").replace("1.", " ").replace("2.", " ").split()  # noqa: E731
    assert words(visible_text(out)) == words(text)


def test_the_rest_of_a_long_section_is_folded_in_native_details():
    text = "First paragraph answers.\n\nSecond paragraph.\n\n- item one\n- item two"
    hit = PassageHit(text, "corpus/a.md", 0, len(text), ["A", "Why?"], 0.9, [(0, 5)], (1, 6), "A", None,
                     text.index("Second"))
    card = passage_card(hit, 1)
    assert card.index("paragraph answers") < card.index("<details") < card.index("Second paragraph")
    assert "<summary>Show the rest of this section</summary>" in card
    assert "item two</li></ul></details>" in card


def test_card_names_article_and_section_without_path_or_score():
    hit = PassageHit("Numbness fades.", "/srv/secret/corpus/panic.md", 0, 15, ["Panic Attacks", "Help", "Does it last?"],
                     1.01, [], (57, 67))
    card = passage_card(hit, 2, Article("panic.md", "Panic Attacks"))
    assert '<h3 class="vb-section" id="vb-card-2">Does it last?</h3>' in card
    assert "From Panic Attacks › Help" in card
    assert "/srv" not in card and "panic.md" not in card and "1.01" not in card and "lines" not in card
    assert "Read in the original" not in card


def test_read_in_the_original_links_to_the_passage_with_a_text_fragment():
    text = "Permanent emotional numbness is rare. Most people, with help, feel again within months, or sooner."
    hit = PassageHit(text, "corpus/a.md", 0, len(text), ["T", "S"], 0.8, [])
    card = passage_card(hit, 1, Article("a.md", "T", "https://example.org/numb?x=1#top"))
    link = text_fragment_url("https://example.org/numb", text)
    assert link == "https://example.org/numb#:~:text=Permanent%20emotional%20numbness%20is,within%20months%2C%20or%20sooner"
    listed = "Signs include:\n\n- Feeling flat\n- Not crying, not laughing at all"
    assert text_fragment_url("https://e.org/a", listed) == "https://e.org/a#:~:text=Signs%20include,not%20laughing%20at%20all"
    assert 'target="_blank"' in card and "numb?x=1#:~:text=Permanent" in html.unescape(card)
    assert text_fragment_url("javascript:alert(1)", text) is None
    assert text_fragment_url('https://x.org/"><script>', text) is None


def test_labels_are_plain_text_not_markdown_html_or_latex():
    heading = "Tracked ![t](http://host/x.png) $x^2$ <b>bold</b> [link](http://e) :red[hi]\n===\n- item"
    label = label_text(heading)
    assert "\n" not in label
    assert "\\!\\[t\\]\\(http\\:" in label and "\\$x^2\\$" in label and "\\<b\\>" in label


# --- help ---------------------------------------------------------------------------------

RESOURCES = _data("resources.json")


def alert(category="suicide", level="risk") -> CrisisAlert:
    crisis = RESOURCES["crisis"]
    return CrisisAlert(category, crisis["resources"][category], crisis["headline"], "lexicon", level)


@pytest.mark.parametrize("category,hrefs", [
    ("suicide", ['href="tel:988"', 'href="sms:988"', 'href="sms:741741?body=HOME"', 'href="tel:911"']),
    ("self_harm", ['href="tel:988"', 'href="sms:741741?body=HOME"']),
    ("abuse", ['href="tel:18007997233"', 'href="tel:911"']),
])
def test_banner_contacts_are_links(category, hrefs):
    banner = crisis_banner(alert(category), RESOURCES)
    assert 'role="alert"' in banner
    for href in hrefs:
        assert href in banner


def test_urgent_banner_puts_emergency_numbers_and_poison_control_first():
    banner = crisis_banner(alert("suicide", "urgent"), RESOURCES)
    assert RESOURCES["crisis"]["urgent_headline"].replace("'", "&#39;") in banner
    assert banner.index('href="tel:911"') < banner.index('href="tel:18002221222"') < banner.index('href="tel:988"')
    assert banner.count("988 Suicide") == 1


@pytest.mark.parametrize("config", [
    {}, {"crisis": 7}, {"crisis": {"headline": 5, "resources": {"suicide": "x"}}}, None,
])
def test_broken_resources_still_give_help_and_never_raise(config):
    broken = CrisisAlert("suicide", [{"name": 3}], 42, "lexicon", "risk")  # type: ignore[arg-type]
    for out in (safe_crisis_banner(broken, config), help_strip(broken, config), quiet_line(config),
                topic_line(broken, config)):
        assert 'href="tel:988"' in out or 'href="sms:988"' in out
    assert 'href="tel:988"' in fallback_banner() and 'href="tel:911"' in fallback_banner()


def test_the_help_strip_keeps_one_link_of_each_service_before_second_links():
    from verbatim.safety import crisis_from_lexicon

    # Risk, naming pills: 988, the Crisis Text Line, 911, then Poison Control; "Text 988" must not crowd it
    # out.
    alert = crisis_from_lexicon("I want to kill myself with my sleeping pills")
    hrefs = re.findall(r'href="([^"]+)"', help_strip(alert, RESOURCES))
    assert hrefs == ["tel:988", "sms:741741?body=HOME", "tel:911", "tel:18002221222"]
    # Without a fourth service the strip fills up with second links, as before.
    hrefs = re.findall(r'href="([^"]+)"', help_strip(crisis_from_lexicon("I want to kill myself"), RESOURCES))
    assert hrefs == ["tel:988", "sms:741741?body=HOME", "tel:911", "sms:988"]


def test_unsafe_contact_links_are_dropped():
    bad = CrisisAlert("suicide", [{"name": "X", "contact": "call", "links": [
        {"label": "a", "href": "javascript:alert(1)"}, {"label": "b", "href": "https://track.example/"},
        {"label": "c", "href": "tel:988"}]}], "Help", "lexicon")
    banner = crisis_banner(bad, RESOURCES)
    assert "javascript" not in banner and "track.example" not in banner and 'href="tel:988"' in banner


def test_quiet_line_topic_line_and_medical_note_come_from_the_resources():
    assert "In crisis? Call or text 988" in quiet_line(RESOURCES) and 'href="tel:988"' in quiet_line(RESOURCES)
    assert "free, confidential help" in topic_line(alert(level="topic"), RESOURCES)
    note = medical_note(MedicalNote(RESOURCES["medical"]["note"]), RESOURCES)
    assert 'href="tel:911"' in note


def test_withheld_articles_are_named_as_text():
    out = withheld_html(["Panic <b>attacks</b>"])
    assert "<b>" not in out and "were left out" in out


# --- the corpus's identity (verbatim/site.py) ---------------------------------------------------

def test_titles_come_from_front_matter_or_first_heading(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: \"Panic: a guide\"\nurl: https://example.org/panic\n---\n# Other\n\nText.\n")
    (tmp_path / "b.md").write_text("Intro line\n\n## Grief and loss ##\n\nText.\n")
    (tmp_path / "c.html").write_text("<html><head><title>Sleep &amp; you</title></head><body><p>x</p></body></html>")
    (tmp_path / "d.md").write_text("---\nurl: javascript:alert(1)\n---\nno heading here\n")
    site = load_site(tmp_path)
    assert site.article("a.md") == Article("a.md", "Panic: a guide", "https://example.org/panic")
    assert site.article("b.md").title == "Grief and loss"
    assert site.article("c.html").title == "Sleep & you"
    assert site.article("d.md") == Article("d.md", "D", None)
    assert site.article(str(tmp_path / "a.md")).title == "Panic: a guide"  # a full path finds it too
    assert site.many and site.heading == "Articles: ask the articles"
    assert front_matter("no front matter") == {}


def test_one_article_names_the_page_after_it_and_site_toml_overrides(tmp_path):
    (tmp_path / "a.md").write_text("# Panic Attacks\n\nText.\n")
    assert load_site(tmp_path).heading == "Panic Attacks: ask the article"
    (tmp_path / "site.toml").write_text('name = "Calm"\ndescription = "Ask us."\ntopic = "panic"\n')
    site = load_site(tmp_path)
    assert (site.heading, site.description, site.about) == ("Calm: ask the article", "Ask us.", "It is about panic.")
    (tmp_path / "site.toml").write_text("not = [toml")
    assert load_site(tmp_path).name == "Panic Attacks"  # a broken site.toml is ignored, not fatal


def test_the_real_corpus_looks_as_it_did():
    from conftest import CORPUS

    site = load_site(CORPUS)
    assert site.heading == "Emotional numbness: ask the article"
    assert site.about == "It is about emotional numbness."


def test_examples_are_grouped_by_article_and_capped():
    class P:
        def __init__(self, source, path):
            self.source, self.heading_path = source, path

    passages = [P("a.md", ["A", f"Qa{i}?"]) for i in range(10)] + [P("b.md", ["B", f"Qb{i}?"]) for i in range(3)]
    site = load_site(Path("/nonexistent"), [])
    groups = example_questions(passages, site)
    assert list(groups) == ["A", "B"] and len(groups["A"]) == 10
    picked = pick_examples(groups, 8)
    assert sum(map(len, picked.values())) == 8 and picked["B"] == ["Qb0?", "Qb1?", "Qb2?"]


# --- what a result shows ------------------------------------------------------------------------

def test_the_more_severe_alert_wins_and_an_unknown_level_protects_most():
    from verbatim.render import PROTECTIVE, policy_of, strongest

    risk, urgent, topic = alert(level="risk"), alert(level="urgent"), alert(level="topic")
    assert strongest(topic, None, risk) is risk and strongest(risk, urgent) is urgent and strongest(None) is None
    odd = alert(level="something new")
    assert strongest(urgent, odd) in (urgent, odd) and policy_of(odd).alarm
    assert policy_of(topic).alarm is False and policy_of(risk).collapse_passages
    assert PROTECTIVE.alarm and not PROTECTIVE.suggestions


@pytest.mark.parametrize("value,expected", [("3", 3), ("4", 5), ("50", 10), ("0", 5), ("x", 5), (None, 5), ("-2", 5)])
def test_k_from_the_url_is_one_of_the_offered_counts(value, expected):
    from verbatim.render import parse_k

    assert parse_k(value, (3, 5, 10), 5) == expected


def test_results_heading_and_announcement():
    from verbatim.render import announcement, results_heading

    assert results_heading("why\nnumb", False, False) == "What the article says about “why numb”"
    assert results_heading("x", True, True) == "The articles here don't cover that"
    assert announcement(1, False, False, False) == "1 passage found."
    assert announcement(5, False, True, True) == "Help is shown first. 5 passages below, collapsed."
    assert announcement(0, True, True, False) == "Help is shown first. Not covered: no passages found."


@given(st.lists(st.sampled_from(list("ab <>&-*1.#\n \t[]()!$") + ["\n- ", "\n1. ", "\n\n", "\n### "]), max_size=40).map("".join),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=3), st.integers(0, 80))
def test_any_passage_renders_as_inert_html_that_keeps_every_word(text, spans, fold):
    import re

    hit = PassageHit(text, "a.md", 0, len(text), ["H"], 0.5, spans, (1, 1), "T", None, fold)
    card = passage_card(hit, 1)
    assert "\n" not in card and "<script" not in card and "<img" not in card
    shown = html.unescape(re.sub(r"<[^>]+>", " ", card))
    for word in re.findall(r"[ab]+", text):
        assert word in shown


def test_missing_terms_name_the_article_or_articles():
    from verbatim.render import missing_terms_html

    assert missing_terms_html([]) == ""
    assert "The article doesn’t mention: sourdough, yeast" in missing_terms_html(["sourdough", "yeast"])
    assert "The articles don’t mention: x" in missing_terms_html(["x"], many=True)
