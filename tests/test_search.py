"""Retrieval quality with the real bundled model."""

import json
import threading

import pytest

from conftest import ARTICLE, CORPUS, DEV_SET
from verbatim.errors import QueryError
from verbatim.evaluate import evaluate, read_questions
from verbatim.safety import mentions_means


def assert_card(searcher, hit):
    """A card is whole passages of one section, consecutive in the file, quoted verbatim;
    its fold falls between two of them and its highlights in the part shown."""
    text = ARTICLE.read_text("utf-8")
    assert hit.source == ARTICLE.as_posix() and text[hit.start : hit.end] == hit.text
    members = [p for p in searcher.index.passages
               if (CORPUS / p.source) == ARTICLE and p.start < hit.end and p.end > hit.start]
    assert members and members[0].start == hit.start and members[-1].end == hit.end
    for a, b in zip(members, members[1:]):
        assert a.end < b.start and text[a.end : b.start].isspace()  # reading order, nothing skipped
    assert {tuple(p.heading_path) for p in members} == {tuple(hit.heading_path)}
    if hit.fold is not None:
        assert 0 < hit.fold < len(hit.text) and hit.start + hit.fold in {p.end for p in members[:-1]}
    assert hit.highlights == sorted(hit.highlights)
    for s, e in hit.highlights:
        assert 0 <= s < e <= len(hit.visible_text) and hit.visible_text[s:e].strip()


def assert_valid(searcher, result):
    assert 0.0 <= result.confidence <= 1.0
    assert result.no_answer is (result.passages == [])
    for hit in result.passages:
        assert_card(searcher, hit)
    sections = [tuple(h.heading_path) for h in result.passages]
    assert len(sections) == len(set(sections))  # one card a section


def test_dev_set_meets_the_targets(searcher):
    report = evaluate(searcher, read_questions(DEV_SET))
    assert report.hit_at_1 >= 0.92, report.failures
    # The issue's 0.98 is for its unseen set; here it allows no miss in 40. Since the readers' questions
    # (2026-12-05) one is missed, d39 "how to support a loved one showing signs of numbness" (its section's
    # questions never say "numb"), traded knowingly for Reddit dev's hit@3 0.82 -> 0.97 (README): a second
    # miss fails.
    assert report.hit_at_3 >= 0.975, report.failures
    assert report.mrr_at_10 >= 0.95, report.failures
    assert report.none_abstain == 1.0, report.failures
    assert report.answerable_abstain <= 0.02
    assert report.mean_passage_chars <= 700
    assert report.crisis_recall == 1.0, report.failures
    assert report.crisis_false_alarm <= 0.03
    assert report.physical_note == 1.0
    assert report.emotional_false_note == 0.0


def test_a_question_about_one_bullet_finds_its_list_and_highlights_the_bullet(searcher):
    result = searcher.search("why can't I cry anymore even when I want to")
    top = result.passages[0]
    assert "Inability to cry or laugh even when you want to" in top.text
    highlighted = [top.text[s:e] for s, e in top.highlights]
    assert "Inability to cry or laugh even when you want to" in highlighted


@pytest.mark.parametrize("query", ["can medication make me feel nothing?", "is numbness permanent",
                                   "what are the signs of emotional numbness",
                                   "how does trauma cause numbness"])
def test_cards_are_whole_passages_of_one_section_quoted_in_reading_order(searcher, query):
    result = searcher.search(query, top_k=10)
    assert len(result.passages) == 10
    assert_valid(searcher, result)


def test_a_long_section_folds_after_the_passages_that_answer(searcher):
    folded = [h for h in searcher.search("is numbness permanent", top_k=10).passages if h.fold is not None]
    assert folded  # so the fold checks of assert_card are not vacuous
    for hit in folded:
        assert_card(searcher, hit)
        assert hit.visible_text == hit.text[: hit.fold] and len(hit.visible_text) < len(hit.text)


def test_scores_are_in_descending_order(searcher):
    scores = [h.score for h in searcher.search("is numbness permanent", top_k=10).passages]
    assert scores == sorted(scores, reverse=True) and len(scores) == 10


@pytest.mark.parametrize("query", ["how do I bake sourdough bread", "best pizza toppings in naples",
                                   "how to change a car tyre", "what is the capital of australia"])
def test_off_topic_questions_abstain(searcher, query):
    result = searcher.search(query)
    assert result.no_answer and result.passages == []
    assert result.suggestions  # closest topics offered instead


@pytest.mark.parametrize("query", ["tingling and numbness in my fingers at night", "my left arm is numb",
                                   "numbness in my toes after running", "half my face went numb"])
def test_physical_numbness_abstains_with_a_medical_note(searcher, query):
    result = searcher.search(query)
    assert result.no_answer
    assert result.medical is not None and "911" in result.medical.note


def test_mixed_emotional_and_physical_question_is_answered_with_the_note(searcher):
    result = searcher.search("I feel numb inside and my hands tingle when I panic")
    assert not result.no_answer and result.passages
    assert result.medical is not None


def test_a_question_in_another_language_gets_the_note_whatever_the_detector_says(searcher):
    # The lexicon and the model read English: this urgent Polish question raises no crisis level.
    data = searcher.search("Mój mąż jest pijany, rzuca rzeczami i krzyczy, że dziś mnie zabije").to_dict()
    assert data["language"]["language"] == "pl" and "call 911" in data["language"]["note"]


def test_a_failing_language_note_costs_neither_the_answer_nor_the_banner(searcher, monkeypatch):
    import verbatim.search

    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(verbatim.search, "language_note", broken)
    assert searcher.search("what is anhedonia").passages
    result = searcher.search("I want to kill myself tonight")
    assert result.crisis is not None and result.crisis.policy.alarm and result.language is None


def test_the_page_can_leave_the_language_check_to_itself(searcher, monkeypatch):
    # The page checks the language itself (once loaded, before the model is needed), so a one-shot search
    # never loads langid for it.
    import verbatim.search

    asked = []
    monkeypatch.setattr(verbatim.search, "language_note", lambda text: asked.append(text))
    result = searcher.search("Mój mąż jest pijany, rzuca rzeczami i krzyczy, że dziś mnie zabije", check_language=False)
    assert asked == [] and result.language is None
    searcher.search("what is anhedonia")
    assert asked == ["what is anhedonia"]


def means_shown(result) -> list[str]:
    return [h.heading_path[-1] for h in result.passages if mentions_means(" ".join(h.heading_path) + " " + h.text)] + [
        q for q in result.suggestions if mentions_means(q)]


# Questions this article's drug passages or its "What Are Drugs…?" suggestion would answer, were they in English.
OTHER_LANGUAGE = ["¿por qué no siento nada cuando escucho canciones tristes?",
                  "engourdissement émotionnel: causes et symptômes ?",
                  "Est-ce que la thérapie marche contre l'anhédonie ?"]


@pytest.mark.parametrize("query", OTHER_LANGUAGE)
def test_a_question_in_another_language_is_shown_nothing_about_drugs_or_means(searcher, query):
    # The detector cannot read it, so what it shows is what a risk signal would leave: nothing that names
    # drugs or means, as a passage or as a suggestion one tap away.
    result = searcher.search(query)
    assert result.language is not None and result.crisis is None
    assert means_shown(result) == []
    assert means_shown(searcher.search(query, check_language=False, other_language=True)) == []


def test_the_other_language_rule_is_what_removes_the_drug_content(searcher):
    # Without it, the same questions are shown drug passages or the drug suggestion: the test above can fail.
    assert all(means_shown(searcher.search(q, check_language=False)) for q in OTHER_LANGUAGE)
    english = "What are drugs that numb emotional pain?"
    assert means_shown(searcher.search(english))
    assert means_shown(searcher.search(english, check_language=False, other_language=True)) == []


@pytest.fixture
def crisis_policy(monkeypatch):
    """Serve data/crisis_policy.json through a function the test chooses (the rule's cache cleared around it)."""
    import verbatim.crisis

    rule = verbatim.crisis.other_language_hides_means
    rule.cache_clear()
    yield lambda serve: monkeypatch.setattr(verbatim.crisis, "_data", serve)
    rule.cache_clear()


def test_the_policy_file_decides_whether_another_language_hides_means(searcher, crisis_policy):
    import verbatim.crisis

    policy = verbatim.crisis._data("crisis_policy.json")
    crisis_policy(lambda name: {**policy, "other_language": {"hide_means": False}})
    assert means_shown(searcher.search(OTHER_LANGUAGE[0]))


def test_an_unreadable_policy_file_hides_means_from_another_language(crisis_policy):
    from verbatim.crisis import other_language_hides_means

    def broken(name):
        raise ValueError(f"{name}: Expecting ',' delimiter: line 3 column 5")

    crisis_policy(broken)
    assert other_language_hides_means() is True


def test_json_contract(searcher):
    data = json.loads(json.dumps(searcher.search("what is anhedonia", top_k=3).to_dict()))
    assert set(data) == {"query", "no_answer", "crisis", "medical", "language", "passages", "notice", "suggestions",
                         "missing_terms", "withheld"}
    assert data["query"] == "what is anhedonia" and data["no_answer"] is False and data["crisis"] is None
    assert data["language"] is None
    for p in data["passages"]:
        assert set(p) == {"text", "source", "start", "end", "heading_path", "score", "highlights"}
        assert isinstance(p["heading_path"], list) and all(len(h) == 2 for h in p["highlights"])


@pytest.mark.reliability
@pytest.mark.parametrize("query", ["", "   ", "\x00\x01\n\t", "\u200f\u200e"])
def test_empty_queries_are_refused(searcher, query):
    with pytest.raises(QueryError, match=r"^query is empty; type a question"):
        searcher.search(query)


@pytest.mark.reliability
@pytest.mark.parametrize("query, answered", [
    ("<script>alert(1)</script>", False), ("<img src=x onerror=alert(1)>", False),
    ("[click](javascript:alert(1)) ![x](http://e/x.png)", False), ("😶 why so numb 😶", True),
    ("\u202eright to left\u202c numbness", None),  # "left" may read as a body part: either is fair
    ("numb\x00ness", True),
])
def test_hostile_queries_return_valid_results(searcher, query, answered):
    result = searcher.search(query)
    assert result.query == query
    assert_valid(searcher, result)
    if answered is not None:
        assert result.no_answer is not answered


@pytest.mark.reliability
def test_a_25000_character_query_is_cut_to_the_window_and_the_user_told(searcher):
    result = searcher.search("why do I feel numb " * 1400)
    assert result.notice and "cut to its first 254 word pieces" in result.notice


@pytest.mark.reliability
def test_top_k_out_of_range_is_refused(searcher):
    with pytest.raises(QueryError, match="top-k of 0 is outside 1–50; pass a value in that range."):
        searcher.search("numb", top_k=0)


@pytest.mark.reliability
def test_one_searcher_shared_by_8_threads_returns_what_sequential_search_returns(searcher):
    queries = [q["query"] for q in read_questions(DEV_SET)]
    expected = {q: searcher.search(q).to_dict() for q in queries}
    errors: list[str] = []

    def worker(offset: int) -> None:
        for i in range(120):  # every dev question 16 times across the threads
            q = queries[(i + offset) % len(queries)]
            if searcher.search(q).to_dict() != expected[q]:
                errors.append(q)

    threads = [threading.Thread(target=worker, args=(n * 7,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []



def test_bm25_on_its_own_thread_answers_as_inline(searcher, monkeypatch):
    """Large indexes score BM25 on a second thread (PARALLEL_LEXICAL_ROWS); the answers are the same,
    also with the searcher shared by several threads."""
    import verbatim.search

    from verbatim.search import Searcher

    monkeypatch.setattr(verbatim.search, "PARALLEL_LEXICAL_ROWS", 1)
    threaded = Searcher(searcher.index, searcher.encoder, source_root=searcher.source_root, safety=searcher.safety)
    assert threaded._lexical_thread is not None and searcher._lexical_thread is None
    queries = [q["query"] for q in read_questions(DEV_SET)][:20]
    expected = {q: searcher.search(q).to_dict() for q in queries}
    results: dict[str, list] = {q: [] for q in queries}

    def worker(offset: int) -> None:
        for i in range(len(queries)):
            q = queries[(i + offset) % len(queries)]
            results[q].append(threaded.search(q).to_dict())

    threads = [threading.Thread(target=worker, args=(n * 3,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(len(r) == 3 and all(x == expected[q] for x in r) for q, r in results.items())

@pytest.mark.reliability
def test_crisis_words_after_the_model_window_still_bring_help(searcher):
    result = searcher.search("I have been feeling numb for a long time " * 60 + "and tonight I want to kill myself")
    assert result.notice and result.crisis is not None and result.crisis.category == "suicide"


# --- what the article does not cover, and stories ------------------------------------------

@pytest.mark.parametrize("query", ["what are the symptoms of ocd", "what is ocd", "how is ocd treated"])
def test_a_question_about_ocd_abstains_or_says_the_article_never_mentions_ocd(searcher, query):
    result = searcher.search(query)
    assert result.no_answer or "ocd" in [w.lower() for w in result.missing_terms]


def test_an_everyday_drug_name_is_not_a_missing_term_the_synonym_covers_it(searcher):
    result = searcher.search("can zoloft make me feel nothing")
    assert not result.no_answer
    assert "zoloft" not in [w.lower() for w in result.missing_terms]
    assert "What Are Drugs That Numb Emotional Pain?" in [h.heading_path[-1] for h in result.passages[:3]]


def test_a_plain_question_with_an_everyday_drug_name_has_no_missing_terms(searcher):
    assert searcher.search("can zoloft make me feel nothing").missing_terms == []


@pytest.mark.parametrize("query", [
    "why can't I cry anymore?", "lately i basically feel nothing, is that normal",
    "hi, my therapist told me i seem flat recently. thanks for any advice",
])
def test_everyday_words_are_never_named_as_missing(searcher, query):
    # "The article doesn't mention: anymore" would tell the reader nothing.
    assert searcher.search(query).missing_terms == []


STORY = ("I don't know what is wrong with me. For the past few months I feel nothing at all. "
         "My girlfriend tells me she loves me and I feel empty. I used to cry at movies and now I can't "
         "cry even at my grandmother's funeral. Why do I feel so numb and what can I do about it?")


def test_a_long_story_about_feeling_nothing_gets_an_answer_from_the_article(searcher):
    result = searcher.search(STORY)
    assert not result.no_answer and result.crisis is None and result.medical is None
    assert_valid(searcher, result)
    top = result.passages[0]
    assert "Numb" in top.heading_path[-1], top.heading_path
