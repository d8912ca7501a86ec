"""Ranking and abstention as pure functions over scores: no model, no index."""

import json
import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verbatim import abstention
from verbatim.abstention import FEATURES, AbstentionModel, load_model
from verbatim import ranking
from verbatim.ranking import (
    WEIGHTS, RankingWeights, best_per_passage, card_window, fuse, question_similarity, rank_sections, top_positive,
)

ABSTENTION_JSON = Path(abstention.__file__).parent / "data" / "abstention.json"
score = st.floats(-1.0, 1.0, allow_nan=False)


# --- the lexical candidates ----------------------------------------------------------------

# BM25 scores as a big corpus gives them: mostly zeros or mostly positive, with many ties.
bm25_scores = st.builds(
    lambda n, zeros, levels, seed: (lambda rng: np.where(rng.random(n) < zeros, 0.0,
                                                         rng.integers(1, levels + 1, n) / levels).astype(np.float32))(
        np.random.default_rng(seed)),
    st.integers(0, 3000), st.floats(0.0, 1.0), st.integers(1, 50), st.integers(0, 2**32 - 1),
)


def _old_top_rows(scores, k):
    rows = np.flatnonzero(scores)
    return rows[np.argpartition(-scores[rows], k - 1)[:k]] if len(rows) > k else rows


@settings(max_examples=300, deadline=None)
@given(bm25_scores, st.integers(1, 200))
def test_top_positive_reads_every_positive_row_below_the_size(scores, k):
    assert np.array_equal(top_positive(scores, k), _old_top_rows(scores, k))  # the same rows, in the same order


@settings(max_examples=300, deadline=None)
@given(bm25_scores, st.integers(1, 200))
def test_top_positive_above_the_size_keeps_the_same_top_scores(scores, k):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ranking, "EXACT_SCAN_ROWS", 10)  # every array here takes the sampled cut
        rows = top_positive(scores, k)
    expected = _old_top_rows(scores, k)
    assert len(set(rows.tolist())) == len(rows) and np.all(scores[rows] > 0)
    assert sorted(scores[rows].tolist()) == sorted(scores[expected].tolist())  # only tied rows may differ


@pytest.mark.parametrize("zeros, levels", [(0.0, 1000), (0.3, 40), (0.9, 5), (0.999, 3)])
def test_top_positive_at_a_million_rows_keeps_the_same_top_scores(zeros, levels):
    # 1,000,000 rows and k = 128 take the sampled cut (more than EXACT_SCAN_ROWS; about 4 x 244 rows
    # reach the cut when most rows score); mostly-zero arrays fall back to every positive row.
    rng = np.random.default_rng(levels)
    scores = np.where(rng.random(1_000_000) < zeros, 0.0, rng.integers(1, levels + 1, 1_000_000) / levels)
    scores = scores.astype(np.float32)
    rows, expected = top_positive(scores, 128), _old_top_rows(scores, 128)
    assert sorted(scores[rows].tolist()) == sorted(scores[expected].tolist())


# --- fuse --------------------------------------------------------------------------------

def test_fuse_weighs_passage_sentence_and_lexical_evidence():
    scores = fuse({0: 0.8}, {0: 0.5}, {0: 1.0}, floor=0.1, has_sentences={0})
    expected = WEIGHTS.passage * 0.8 + (1 - WEIGHTS.passage) * 0.5 + WEIGHTS.lexical * 1.0
    assert scores[0] == pytest.approx(expected)


def test_a_passage_without_sentence_rows_is_its_own_sentence():
    assert fuse({0: 0.8}, {}, {}, floor=0.1, has_sentences=set()) == {0: pytest.approx(0.8)}


def test_a_passage_whose_sentences_were_not_retrieved_gets_the_floor_for_them():
    scores = fuse({0: 0.8}, {}, {}, floor=0.1, has_sentences={0})
    assert scores[0] == pytest.approx(WEIGHTS.passage * 0.8 + (1 - WEIGHTS.passage) * 0.1)


def test_a_passage_found_only_by_bm25_scores_the_floor_plus_its_lexical_share():
    scores = fuse({}, {}, {3: 0.5}, floor=0.2, has_sentences={3})
    assert scores == {3: pytest.approx(0.2 + WEIGHTS.lexical * 0.5)}


def test_fuse_scores_every_candidate_of_every_retriever_once():
    scores = fuse({0: 0.5}, {1: 0.6}, {2: 0.3}, floor=0.0, has_sentences={1, 2})
    assert sorted(scores) == [0, 1, 2]


def test_fuse_takes_its_weights_as_policy():
    only_passage = RankingWeights(passage=1.0, lexical=0.0)
    assert fuse({0: 0.7}, {0: 0.1}, {0: 1.0}, 0.0, {0}, only_passage) == {0: pytest.approx(0.7)}


@given(whole=score, part=score, lex=st.floats(0, 1), more=st.floats(0.001, 1), floor=score)
def test_more_evidence_of_any_kind_never_lowers_a_score(whole, part, lex, more, floor):
    base = fuse({0: whole}, {0: part}, {0: lex}, floor, {0})[0]
    assert fuse({0: whole + more}, {0: part}, {0: lex}, floor, {0})[0] > base
    assert fuse({0: whole}, {0: part + more}, {0: lex}, floor, {0})[0] > base
    assert fuse({0: whole}, {0: part}, {0: lex + more}, floor, {0})[0] > base


# --- question_similarity and best_per_passage -----------------------------------------------

def test_one_column_or_no_share_is_the_whole_question():
    sims = np.array([[0.3, 0.9, 0.1], [0.5, 0.0, 0.0]])
    assert question_similarity(sims[:, :1], 0.5).tolist() == [0.3, 0.5]
    assert question_similarity(sims, 0.0).tolist() == [0.3, 0.5]


def test_the_sentences_mean_counts_its_share():
    sims = np.array([[0.2, 0.9, 0.1]])
    assert question_similarity(sims, 0.25)[0] == pytest.approx(0.75 * 0.2 + 0.25 * 0.5)
    assert question_similarity(sims, 1.0)[0] == pytest.approx(0.5)


@given(st.lists(st.lists(score, min_size=3, max_size=3), min_size=1, max_size=8), st.floats(0, 1))
def test_the_combined_similarity_lies_between_the_whole_and_the_sentences_mean(rows, share):
    sims = np.array(rows)
    combined = question_similarity(sims, share)
    low = np.minimum(sims[:, 0], sims[:, 1:].mean(axis=1))
    high = np.maximum(sims[:, 0], sims[:, 1:].mean(axis=1))
    assert np.all(low - 1e-9 <= combined) and np.all(combined <= high + 1e-9)


def test_best_per_passage_splits_passage_rows_from_sentence_rows():
    # rows: 0 = passage 0 itself, 1-2 = its sentences, 3 = passage 1 itself
    row_passage, row_unit = [0, 0, 0, 1], [-1, 0, 1, -1]
    sims, rows = np.array([0.4, 0.7, 0.9, 0.2]), np.array([0, 1, 2, 3])
    whole, part = best_per_passage(sims, rows, row_passage, row_unit)
    assert whole == {0: pytest.approx(0.4), 1: pytest.approx(0.2)}
    assert part == {0: pytest.approx(0.9)}


@given(st.data())
def test_best_per_passage_is_the_maximum_of_each_kind(data):
    n_rows = data.draw(st.integers(1, 30))
    row_passage = data.draw(st.lists(st.integers(0, 5), min_size=n_rows, max_size=n_rows))
    row_unit = data.draw(st.lists(st.integers(-1, 3), min_size=n_rows, max_size=n_rows))
    rows = sorted(data.draw(st.sets(st.integers(0, n_rows - 1), min_size=1)))
    cosine = st.floats(-1.0, 1.0)
    sims = data.draw(st.lists(cosine, min_size=len(rows), max_size=len(rows)))
    whole, part = best_per_passage(np.array(sims), np.array(rows), row_passage, row_unit)
    for kind, is_kind in ((whole, lambda u: u < 0), (part, lambda u: u >= 0)):
        expected: dict[int, float] = {}
        for sim, row in zip(sims, rows):
            if is_kind(row_unit[row]):
                expected[row_passage[row]] = max(expected.get(row_passage[row], -math.inf), sim)
        assert kind == pytest.approx(expected)


# --- rank_sections -----------------------------------------------------------------------

def test_sections_rank_by_their_best_passage_ties_in_reading_order():
    scores = {0: 0.2, 1: 0.9, 2: 0.5, 3: 0.5, 4: 0.1}
    section_of = [0, 0, 1, 2, 2]
    assert rank_sections(scores, section_of) == [(0, 0.9), (1, 0.5), (2, 0.5)]


@given(st.dictionaries(st.integers(0, 19), score, min_size=1),
       st.lists(st.integers(0, 6), min_size=20, max_size=20))
def test_every_scored_section_appears_once_with_its_best_score_best_first(scores, section_of):
    ranked = rank_sections(scores, section_of)
    sections = [s for s, _ in ranked]
    assert sorted(sections) == sorted({section_of[p] for p in scores})
    for sec, best in ranked:
        assert best == max(s for p, s in scores.items() if section_of[p] == sec)
    assert [b for _, b in ranked] == sorted((b for _, b in ranked), reverse=True)


def test_a_readers_question_filed_under_a_section_adds_its_weighted_cosine():
    scores = {0: 0.6, 1: 0.5, 2: 0.4}
    section_of = [0, 1, 2]
    # Section 2's passage is weakest, but a reader's question filed under it is near the question.
    ranked = rank_sections(scores, section_of, {2: 0.8, 1: 0.1}, weight=0.5)
    assert [s for s, _ in ranked] == [2, 0, 1]
    assert ranked[0][1] == pytest.approx(0.8) and ranked[1][1] == pytest.approx(0.6)
    assert rank_sections(scores, section_of, {2: 0.8}, weight=0.0) == rank_sections(scores, section_of)


@given(st.dictionaries(st.integers(0, 19), score, min_size=1),
       st.lists(st.integers(0, 6), min_size=20, max_size=20),
       st.dictionaries(st.integers(0, 6), score), st.floats(0.0, 2.0))
def test_readers_questions_move_a_section_by_its_own_evidence_only(scores, section_of, asked, weight):
    plain = dict(rank_sections(scores, section_of))
    ranked = rank_sections(scores, section_of, asked, weight)
    assert {s for s, _ in ranked} == set(plain)  # no section appears from its questions alone
    for sec, total in ranked:
        assert total == pytest.approx(plain[sec] + weight * asked.get(sec, 0.0))
    assert [b for _, b in ranked] == sorted((b for _, b in ranked), reverse=True)


# --- card_window -------------------------------------------------------------------------

@st.composite
def sections(draw):
    """A section's passages as increasing (start, end) spans, with scores."""
    n = draw(st.integers(1, 8))
    spans, at = [], draw(st.integers(0, 100))
    for _ in range(n):
        at += draw(st.integers(0, 5))  # blank lines between passages
        length = draw(st.integers(1, 900))
        spans.append((at, at + length))
        at += length
    scores = draw(st.lists(st.floats(-1, 2, allow_nan=False), min_size=n, max_size=n))
    return spans, scores


@given(sections(), st.integers(1, 3000), st.floats(0, 2))
def test_the_card_is_a_contiguous_run_around_the_best_passage_within_the_cap(section, cap, margin):
    spans, scores = section
    lo, hi = card_window(spans, scores, cap, margin)
    best = scores.index(max(scores))  # the first of equals
    assert 0 <= lo <= best <= hi < len(spans)
    width = spans[hi][1] - spans[lo][0]
    assert width <= cap or lo == hi == best  # only the best passage alone may exceed the cap
    assert all(scores[i] >= scores[best] - margin for i in range(lo, hi + 1))
    # and it grew as far as it could: each next neighbour is too weak or too long
    for i in (lo - 1, hi + 1):
        if 0 <= i < len(spans):
            too_weak = scores[i] < scores[best] - margin
            too_long = max(spans[hi][1], spans[i][1]) - min(spans[lo][0], spans[i][0]) > cap
            assert too_weak or too_long


def test_a_best_passage_longer_than_the_cap_is_shown_alone():
    assert card_window([(0, 100), (102, 2000), (2002, 2100)], [0.5, 0.9, 0.8], cap=500, margin=1.0) == (1, 1)


def test_the_better_neighbour_joins_first():
    spans = [(0, 100), (100, 200), (200, 300)]
    assert card_window(spans, [0.6, 0.9, 0.8], cap=200, margin=1.0) == (1, 2)
    assert card_window(spans, [0.8, 0.9, 0.6], cap=200, margin=1.0) == (0, 1)


def test_a_neighbour_outside_the_margin_stays_behind_the_fold():
    assert card_window([(0, 100), (100, 200)], [0.9, 0.2], cap=1000, margin=0.5) == (0, 0)


# --- abstention ----------------------------------------------------------------------------

def test_the_bundled_model_was_fitted_on_the_features_the_search_computes():
    data = json.loads(ABSTENTION_JSON.read_text("utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert len(data["mean"]) == len(data["scale"]) == len(data["coef"]) == len(FEATURES)
    assert all(s > 0 for s in data["scale"])
    assert 0 < data["threshold"] < 1
    assert load_model().to_dict() == {k: data[k] for k in load_model().to_dict()}


@pytest.mark.reliability
def test_a_model_fitted_on_other_features_is_refused(tmp_path, monkeypatch):
    data = json.loads(ABSTENTION_JSON.read_text("utf-8"))
    data["features"] = data["features"][::-1]
    (tmp_path / "abstention.json").write_text(json.dumps(data), "utf-8")
    monkeypatch.setattr(abstention, "resources", SimpleNamespace(files=lambda _: tmp_path))
    load_model.cache_clear()
    try:
        with pytest.raises(ValueError, match="fitted on other features; rerun training/abstention.py"):
            load_model()
    finally:
        load_model.cache_clear()


def features_at_mean(model: AbstentionModel) -> dict[str, float]:
    return dict(zip(FEATURES, model.mean))


def test_at_the_mean_of_every_feature_the_probability_is_the_intercepts():
    model = load_model()
    assert model.probability(features_at_mean(model)) == pytest.approx(1 / (1 + math.exp(-model.intercept)))


@pytest.mark.parametrize("name", FEATURES)
def test_one_more_standard_deviation_moves_the_probability_the_way_its_weight_says(name):
    model = load_model()
    i = FEATURES.index(name)
    base = features_at_mean(model)
    p = model.probability(base)
    q = model.probability({**base, name: base[name] + model.scale[i]})
    assert math.copysign(1, q - p) == math.copysign(1, model.coef[i]) and q != p


@given(st.data())
def test_the_probability_is_monotone_in_each_feature(data):
    model = load_model()
    features = {n: data.draw(st.floats(-2, 3, allow_nan=False), label=n) for n in FEATURES}
    i = data.draw(st.integers(0, len(FEATURES) - 1), label="feature")
    step = data.draw(st.floats(0.001, 2), label="step")
    p = model.probability(features)
    q = model.probability({**features, FEATURES[i]: features[FEATURES[i]] + step})
    assert 0.0 <= p <= 1.0
    assert (q >= p) if model.coef[i] > 0 else (q <= p)


def test_extreme_evidence_saturates_instead_of_overflowing():
    model = load_model()
    sign = {n: (1 if c > 0 else -1) for n, c in zip(FEATURES, model.coef)}
    assert model.probability({n: 1e6 * s for n, s in sign.items()}) == pytest.approx(1.0)
    assert model.probability({n: -1e6 * s for n, s in sign.items()}) == pytest.approx(0.0)
