import html

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
    assert "lines 1–5" in card
