"""Word and character n-gram TF-IDF features, in plain Python and numpy.

The crisis classifier weighs these beside the query vector: the vector carries the meaning of a
sentence, the n-grams carry the few words that decide it ("kms", "ctb", "took all my pills"), which
a sentence vector of a long story dilutes. The arithmetic is scikit-learn's ``TfidfVectorizer`` with
``sublinear_tf=True`` and the default smooth idf and l2 norm, for two analyzers ("word" with the
default token pattern, "char_wb"), so weights trained with scikit-learn apply at query time without
it (``tests/test_ngrams.py`` checks the two agree).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_WHITE_SPACES = re.compile(r"\s\s+")


def word_ngrams(text: str, low: int, high: int) -> list[str]:
    """Word n-grams of length low..high, as scikit-learn's "word" analyzer makes them."""
    tokens = _TOKEN.findall(text.lower())
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams within words padded by a space, as scikit-learn's "char_wb" makes them."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        grams += _word_char_ngrams(word, low, high)
    return grams


@lru_cache(maxsize=1 << 16)
def _word_char_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    # Questions reuse a small vocabulary: a word's grams are worked out once, not per question.
    word = f" {word} "
    grams: list[str] = []
    for n in range(low, high + 1):
        grams += [word[i : i + n] for i in range(max(len(word) - n + 1, 1))]
        if n >= len(word):  # a word no longer than n counts once, whole
            break
    return tuple(grams)


_ANALYZERS = {"word": word_ngrams, "char_wb": char_wb_ngrams}


@dataclass(frozen=True)
class NgramTfidf:
    """One analyzer's vocabulary and idf: text -> (feature indices, l2-normalised tf-idf values)."""

    analyzer: str
    low: int
    high: int
    vocabulary: dict[str, int]
    idf: np.ndarray

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        vocabulary = self.vocabulary
        known = [(vocabulary[g], c) for g, c in Counter(_ANALYZERS[self.analyzer](text, self.low, self.high)).items()
                 if g in vocabulary]
        if not known:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.array([i for i, _ in known], dtype=np.int64)
        tf = 1.0 + np.log(np.array([c for _, c in known], dtype=np.float64))
        values = tf * self.idf[idx]
        return idx, (values / np.linalg.norm(values)).astype(np.float32)
