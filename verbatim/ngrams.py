"""Word and character n-gram TF-IDF features, in plain Python and numpy.

The crisis classifier weighs these beside the query vector: the vector carries the meaning of a
sentence, the n-grams carry the few words that decide it ("kms", "ctb", "took all my pills"), which
a sentence vector of a long story dilutes. The arithmetic is scikit-learn's ``TfidfVectorizer`` with
``sublinear_tf=True`` and the default smooth idf and l2 norm, for two analyzers ("word" with the
default token pattern, "char_wb"), so weights trained with scikit-learn apply at query time without
it (``tests/test_ngrams.py`` checks the two agree).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

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
    grams = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        word = f" {word} "
        for n in range(low, high + 1):
            grams += [word[i : i + n] for i in range(max(len(word) - n + 1, 1))]
            if n >= len(word):  # a word no longer than n counts once, whole
                break
    return grams


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
        counts = Counter(g for g in _ANALYZERS[self.analyzer](text, self.low, self.high) if g in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64, count=len(counts))
        values = tf * self.idf[idx]
        return idx, (values / np.linalg.norm(values)).astype(np.float32)
