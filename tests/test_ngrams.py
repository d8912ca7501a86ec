"""The n-gram TF-IDF features the crisis classifier reads: the same numbers as scikit-learn's.

The weights are trained with scikit-learn's TfidfVectorizer and applied at query time by
verbatim.ngrams; if the two disagreed, the classifier would silently score other features.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verbatim.crisis import load_classifier, normalise_text
from verbatim.ngrams import NgramTfidf, char_wb_ngrams, word_ngrams

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")

CORPUS = [
    "I can't take it anymore!!  kms",
    "a b",
    "took ALL my pills an hour ago",
    "é café naïve x",
    "ok ok ok ok",
    "why cant i cry anymore",
    "unalive    tonight\tmaybe",
]


def ours(vectoriser, analyzer: str, low: int, high: int) -> NgramTfidf:
    return NgramTfidf(analyzer, low, high, {g: int(i) for g, i in vectoriser.vocabulary_.items()}, vectoriser.idf_)


def dense(features: NgramTfidf, text: str) -> np.ndarray:
    row = np.zeros(len(features.idf))
    idx, values = features.features(text)
    row[idx] = values
    return row


@pytest.mark.parametrize("analyzer, low, high", [("word", 1, 2), ("char_wb", 2, 5), ("word", 2, 3), ("char_wb", 1, 3)])
@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("abcdeé  '!.kmsKMS\t")), max_size=40))
def test_features_match_scikit_learn(analyzer, low, high, text):
    vectoriser = sklearn_text.TfidfVectorizer(analyzer=analyzer, ngram_range=(low, high), sublinear_tf=True)
    vectoriser.fit(CORPUS + [text or "x"])
    expected = vectoriser.transform([text]).toarray()[0]
    assert np.allclose(dense(ours(vectoriser, analyzer, low, high), text), expected, atol=1e-6)


def test_short_words_count_once_whole_in_character_ngrams():
    assert char_wb_ngrams("a", 2, 5) == [" a", "a ", " a "]
    assert word_ngrams("I took it", 1, 2) == ["took", "it", "took it"]  # one-letter words are not tokens


def test_text_without_known_ngrams_has_no_features():
    vectoriser = sklearn_text.TfidfVectorizer(analyzer="word", sublinear_tf=True).fit(CORPUS)
    idx, values = ours(vectoriser, "word", 1, 1).features("zzz qqq")
    assert len(idx) == 0 and len(values) == 0


def test_bundled_classifier_reads_ngrams_that_move_its_levels():
    clf = load_classifier()
    assert [a.analyzer for a in clf.ngrams] == ["word", "char_wb"]
    assert clf.ngram_w.shape == (4, sum(len(a.idf) for a in clf.ngrams))
    assert all(len(a.vocabulary) == len(a.idf) for a in clf.ngrams)
    text = normalise_text("kms tonight")
    vector = np.zeros((1, clf.dim), dtype=np.float32)
    with_words = clf.probabilities(vector, [text])
    without = clf.probabilities(vector)
    alarm = [clf.levels.index("risk"), clf.levels.index("urgent")]
    assert with_words[0, alarm].sum() > without[0, alarm].sum()
