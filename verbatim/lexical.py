"""Lexical ranking with bm25s (BM25, Lucene variant) over English stems."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib.metadata import version
from pathlib import Path

import numpy as np

from .errors import IndexCorruptError


@cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english").stemWords


@cache
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN)


_WORD = re.compile(r"(?u)\b\w\w+\b")  # bm25s's default token pattern


@cache
def _function_words() -> frozenset[str]:
    """A fuller stop-word list (data/stopwords.txt), for telling which words a corpus lacks."""
    from importlib import resources

    text = resources.files("verbatim.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@cache
def lexical_config() -> dict:
    """Everything that shapes the stored vocabulary and scores, as recorded in the manifest.

    A different stop-word list, token pattern, stemmer or bm25s version would make the saved
    vocabulary disagree with how queries are tokenised now, so an index built with other
    values is refused (see ``store.incompatibility``).
    """
    import bm25s

    stop = sorted(_stopwords())
    params = bm25s.BM25()
    return {
        "token_pattern": _WORD.pattern,
        "lowercase": True,
        "stopwords": {"count": len(stop), "sha256": hashlib.sha256("\n".join(stop).encode()).hexdigest()},
        "stemmer": f"snowball english (PyStemmer {version('PyStemmer')})",
        "bm25s": version("bm25s"),
        "scoring": {"method": params.method, "k1": params.k1, "b": params.b},
    }


def tokenize(texts: list[str]) -> list[list[str]]:
    """Lower-case, split into words, drop English stop words, stem (as bm25s.tokenize does,
    without its progress-bar machinery, which costs more than the work for one query)."""
    stop, stem = _stopwords(), _stemmer()
    return [stem([w for w in _WORD.findall(t.lower()) if w not in stop]) for t in texts]


class LexicalIndex:
    """BM25 scores for every row of the index, saved without pickle (JSON and .npy)."""

    def __init__(self, retriever) -> None:
        self._retriever = retriever
        self._vocab = retriever.vocab_dict

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        import bm25s

        retriever = bm25s.BM25()
        # A row with no indexable words still needs a token, or bm25s drops it.
        retriever.index([t or ["_"] for t in tokenize(texts)], show_progress=False)
        return cls(retriever)

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder), allow_pickle=False, show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        import bm25s

        try:
            retriever = bm25s.BM25.load(str(folder), allow_pickle=False, show_progress=False)
        except (OSError, ValueError, KeyError) as e:
            raise IndexCorruptError(
                f"{folder}: lexical index unreadable ({type(e).__name__}); rebuild: python -m verbatim build"
            ) from None
        return cls(retriever)

    def coverage(self, query: str, also_known: set[str] = frozenset()) -> float:
        """Share of the query's words (stems, stop words aside) that occur in the corpus.

        ``also_known`` are query words the corpus knows by another name (synonyms).
        """
        words = tokenize([query])[0]
        if not words:
            return 0.0
        known = set(tokenize([" ".join(also_known)])[0]) if also_known else set()
        return sum(w in self._vocab or w in known for w in words) / len(words)

    def scores(self, query: str, n_rows: int) -> np.ndarray:
        """Return the BM25 score of every row for ``query`` (zeros if no word is known)."""
        terms = [t for t in tokenize([query])[0] if t in self._vocab]
        if not terms:
            return np.zeros(n_rows, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(terms), dtype=np.float32)

    def unknown_words(self, query: str, also_known: set[str] = frozenset()) -> list[str]:
        """The query's words (stop words and numbers aside) whose stems never occur in the
        corpus, as typed, first occurrence first. ``also_known`` are words the corpus knows
        by another name (synonyms)."""
        stop, stem = _stopwords() | _function_words(), _stemmer()
        seen: dict[str, str] = {}
        for word in _WORD.findall(query):
            low = word.lower().replace("’", "'")
            if low in stop or low.isdigit() or low in also_known:
                continue
            s = stem([low])[0]
            if s not in self._vocab and s not in seen:
                seen[s] = word
        return list(seen.values())
