"""How evidence becomes a ranking: pure functions over similarity scores, no model needed.

Every weight of the ranking lives in ``RankingWeights``; a new signal is one function and
one weight here, tested without the model (tests/test_ranking.py).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RankingWeights:
    """The ranking's policy. Chosen on development questions only (eval/README.md);
    whether to answer at all is abstention.py's."""

    # A passage's dense score: this share of its own cosine, the rest from its best sentence
    # ("small-to-big": a question about one bullet of a long list finds the list).
    passage: float = 0.6
    # BM25, scaled to the query's best row, adds this much.
    lexical: float = 0.15
    # A long question is also searched sentence by sentence; the sentences' mean similarity
    # counts this share, the whole question the rest. On the development questions any share
    # above 0 ranked worse (eval/README.md), so sentences inform abstention and the crisis
    # check, not the ranking; the weight stays so the trial can be repeated.
    question_part: float = 0.0
    # A section's score adds this much of the question's cosine to the nearest of the readers' questions
    # filed under it (reader_questions.py): chosen on the development questions (eval/README.md), where
    # Reddit dev's hit@3 rose from 0.82 to 0.97 and 0.6-1.0 ranked alike.
    reader_questions: float = 0.7


WEIGHTS = RankingWeights()


def question_similarity(sims: np.ndarray, part_share: float) -> np.ndarray:
    """Combine each row's similarity to the whole question (column 0) and to its sentences
    (the other columns): the whole question counts ``1 - part_share``, the sentences' mean the rest.
    A story's sentences each say a little; their mean keeps one stray sentence from deciding."""
    if sims.shape[1] == 1 or part_share <= 0:
        return sims[:, 0]
    return (1 - part_share) * sims[:, 0] + part_share * sims[:, 1:].mean(axis=1)


def best_per_passage(
    sims: np.ndarray, rows: np.ndarray, row_passage: np.ndarray | list[int], row_unit: np.ndarray | list[int]
) -> tuple[dict[int, float], dict[int, float]]:
    """Best similarity of each passage's own row and of its best sentence row."""
    return (best_by_key(sims, np.asarray(row_passage)[rows], np.asarray(row_unit)[rows] < 0),
            best_by_key(sims, np.asarray(row_passage)[rows], np.asarray(row_unit)[rows] >= 0))


def best_by_key(values: np.ndarray, keys: np.ndarray, where: np.ndarray | None = None) -> dict[int, float]:
    """The largest value of each key (among ``where``), as a dict."""
    values, keys = np.asarray(values, dtype=np.float64), np.asarray(keys)
    if where is not None:
        values, keys = values[where], keys[where]
    order = np.argsort(values, kind="stable")  # ascending: a key's last, largest value is what dict() keeps
    return dict(zip(keys[order].tolist(), values[order].tolist()))


# Below this many rows the lexical candidates are every row with a positive score, as always; above
# it, only rows at or above a cut taken from a sample (see top_positive).
EXACT_SCAN_ROWS = 200_000


def top_positive(scores: np.ndarray, k: int) -> np.ndarray:
    """The rows of the ``k`` highest positive scores (every positive row if there are fewer).

    Up to EXACT_SCAN_ROWS rows: every positive row, then the best ``k`` of them. Beyond, listing every
    positive row was most of a search (27 ms of 60 at four million rows, when common words score nearly
    every row), so a cut is read from a strided sample (its 4th largest positive score, about 4 x stride
    rows above it) and only rows at or above the cut are listed. The cut is kept only if at least ``k``
    rows reach it, so it is never above the k-th largest score: the same top ``k`` scores, and among rows
    tied at the k-th score possibly other rows. Otherwise every positive row is listed, as below the size.
    """
    if len(scores) > EXACT_SCAN_ROWS:
        sample = scores[:: max(len(scores) // (32 * k), 1)]
        positive = sample[sample > 0]
        if len(positive) >= 4:
            cut = np.partition(positive, len(positive) - 4)[len(positive) - 4]
            rows = np.flatnonzero(scores >= cut)
            if len(rows) >= k:
                return rows[np.argpartition(-scores[rows], k - 1)[:k]]
    rows = np.flatnonzero(scores > 0)
    if len(rows) > k:
        rows = rows[np.argpartition(-scores[rows], k - 1)[:k]]
    return rows


def fuse(
    whole: Mapping[int, float],
    part: Mapping[int, float],
    lexical: Mapping[int, float],
    floor: float,
    has_sentences: Container[int],
    weights: RankingWeights = WEIGHTS,
) -> dict[int, float]:
    """Each candidate passage's score from its dense and lexical evidence.

    A passage outside a retriever's candidates scores at most ``floor`` there (the last
    candidate's similarity). A passage without sentence rows is its own sentence.
    ``has_sentences`` is only asked about the candidates (a set or a dict's keys: not copied,
    which at a million passages cost more than the rest of the ranking).
    """
    scores: dict[int, float] = {}
    for p in set(whole) | set(part) | set(lexical):
        w = whole.get(p, floor)
        u = part.get(p, w if p not in has_sentences else floor)
        dense = weights.passage * w + (1 - weights.passage) * u
        scores[p] = dense + weights.lexical * lexical.get(p, 0.0)
    return scores


def rank_sections(
    scores: Mapping[int, float], section_of: Sequence[int], asked: Mapping[int, float] | None = None,
    weight: float = 0.0,
) -> list[tuple[int, float]]:
    """Sections by their best passage's score, plus ``weight`` × ``asked`` (a section's best cosine to the
    readers' questions filed under it, if any), best first: (section, score)."""
    best: dict[int, float] = {}
    for p, s in scores.items():
        sec = section_of[p]
        if s > best.get(sec, float("-inf")):
            best[sec] = s
    if asked and weight:
        best = {sec: s + weight * asked.get(sec, 0.0) for sec, s in best.items()}
    return sorted(best.items(), key=lambda item: (-item[1], item[0]))


def card_window(
    lengths: list[tuple[int, int]], scores: list[float], cap: int, margin: float
) -> tuple[int, int]:
    """Which of a section's passages (in document order) a card shows before its fold.

    ``lengths`` are the passages' (start, end) offsets. The window starts at the best passage
    and grows to a neighbour, the better-scoring first, while the shown span stays within
    ``cap`` characters and the neighbour scores within ``margin`` of the best. Returns the
    first and last passage index shown (inclusive).
    """
    best = max(range(len(scores)), key=lambda i: (scores[i], -i))
    lo = hi = best
    top = scores[best]
    while True:
        options = []
        if lo > 0:
            options.append((scores[lo - 1], lo - 1))
        if hi < len(scores) - 1:
            options.append((scores[hi + 1], hi + 1))
        options = [
            (s, i) for s, i in options
            if s >= top - margin and max(lengths[hi][1], lengths[i][1]) - min(lengths[lo][0], lengths[i][0]) <= cap
        ]
        if not options:
            return lo, hi
        _, i = max(options)
        lo, hi = min(lo, i), max(hi, i)
