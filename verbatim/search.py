"""Hybrid search: dense (FAISS) and lexical (BM25) evidence at passage and sentence level.

A passage's score is its best dense match, as a whole or through one of its sentences
("small-to-big": a question about one bullet of a long list finds the list), plus a
weighted share of its best BM25 match. The engine abstains when the best dense match is
below a threshold calibrated on held-out questions (see ``calibration`` in the README),
or when the question is about physical numbness, which the article does not cover.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from .config import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_TOP_K, MAX_TOKENS, MAX_TOP_K
from .embedding import Encoder, load_encoder, load_tokenizer
from .errors import QueryError
from .index import LoadedIndex, ensure_fresh, load_index, read_manifest
from .safety import CrisisAlert, MedicalNote, SafetyChecker

# Confidence = best cosine of any passage or sentence
#   + COVERAGE_WEIGHT x the share of the question's words the corpus uses
#   + TOPIC_WEIGHT x the question's cosine to the corpus centroid (how on-topic it is at all).
# The threshold sits between the most confident off-topic and the least confident answerable
# questions of eval/dev.jsonl, eval/calibration.jsonl and eval/heldout.jsonl together
# (`python -m verbatim evaluate FILE --calibrate`); see the README for the figures.
COVERAGE_WEIGHT = 0.15
TOPIC_WEIGHT = 0.2
ABSTAIN_BELOW = 0.50
# A passage's dense score is this share of its own similarity plus the rest from its best
# sentence; lexical evidence (BM25, scaled to the query's best row) adds LEXICAL_WEIGHT.
PASSAGE_WEIGHT = 0.6
LEXICAL_WEIGHT = 0.15
# Sentences scoring within this margin of a passage's best sentence are highlighted too.
HIGHLIGHT_MARGIN = 0.04
MAX_HIGHLIGHTS = 2
# Rows fetched from each retriever; passages outside them score at most the last one.
_DENSE_CANDIDATES = 128
_MAX_LEXICAL_QUERY_CHARS = 2000


@dataclass
class PassageHit:
    """One returned passage: a verbatim slice ``source[start:end]`` and why it matched."""

    text: str
    source: str
    start: int
    end: int
    heading_path: list[str]
    score: float
    highlights: list[tuple[int, int]]  # offsets within text
    lines: tuple[int, int] = (0, 0)  # first and last line in the source file, from 1
    title: str = ""  # the article's title (its first heading or front matter)
    url: str | None = None  # the original article's address, when its front matter gives one
    fold: int | None = None  # offset in text after which the page shows the rest on request


@dataclass
class SearchResult:
    """The answer to one query; ``passages`` is empty when ``no_answer`` is true."""

    query: str
    no_answer: bool
    passages: list[PassageHit]
    crisis: CrisisAlert | None = None
    medical: MedicalNote | None = None
    notice: str | None = None  # e.g. the query was cut to the model's window
    confidence: float = 0.0
    suggestions: list[str] = field(default_factory=list)  # closest topics when abstaining
    missing_terms: list[str] = field(default_factory=list)  # distinctive words the corpus never uses
    withheld: list[str] = field(default_factory=list)  # files changed since the build: passages left out

    def to_dict(self) -> dict:
        """Return the JSON contract of ``search --json``."""
        return {
            "query": self.query,
            "no_answer": self.no_answer,
            "crisis": self.crisis.to_dict() if self.crisis else None,
            "medical": self.medical.to_dict() if self.medical else None,
            "passages": [
                {
                    "text": h.text,
                    "source": h.source,
                    "start": h.start,
                    "end": h.end,
                    "heading_path": h.heading_path,
                    "score": round(h.score, 4),
                    "highlights": [list(s) for s in h.highlights],
                }
                for h in self.passages
            ],
            "notice": self.notice,
            "suggestions": self.suggestions,
            "missing_terms": self.missing_terms,
        }


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@cache
def _synonyms() -> dict[str, str]:
    return json.loads(resources.files("verbatim.data").joinpath("synonyms.json").read_text("utf-8"))["terms"]


def known_names(text: str) -> list[str]:
    """The words of ``text`` that the synonym table knows."""
    table = _synonyms()
    return [w for w in dict.fromkeys(re.findall(r"\w+", text.lower())) if w in table]


def expand_query(text: str, names: list[str] | None = None) -> str:
    """Append the article's own words for everyday names ("zoloft" -> SSRI antidepressant)."""
    extra = [_synonyms()[w] for w in (known_names(text) if names is None else names)]
    return f"{text} ({'; '.join(extra)})" if extra else text


def clean_query(query: str) -> str:
    """Replace control and direction characters with spaces and collapse whitespace."""
    if not isinstance(query, str):
        raise QueryError(f"query must be text, not {type(query).__name__}.")
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", query))
    return " ".join(text.split())


class Searcher:
    """Answers queries from one loaded index; safe to share between threads."""

    def __init__(
        self,
        index: LoadedIndex,
        encoder: Encoder,
        *,
        source_root: Path | None = None,
        safety: SafetyChecker | None = None,
    ) -> None:
        self.index = index
        self.encoder = encoder
        self.source_root = source_root
        self.safety = safety
        self._lock = threading.Lock()  # bm25s keeps per-call scratch state
        import faiss

        # One query at a time: OpenMP's thread start-up costs more than the search itself.
        faiss.omp_set_num_threads(1)
        self._questions: list[str] | None = None
        whole_rows = [i for i, r in enumerate(index.rows) if r.unit < 0]
        centroid = np.asarray(index.vectors[whole_rows]).mean(axis=0) if whole_rows else np.zeros(encoder.dim)
        self._centroid = (centroid / max(float(np.linalg.norm(centroid)), 1e-12)).astype(np.float32)
        self._heading_vectors: np.ndarray | None = None

    @classmethod
    def open(
        cls,
        index_dir: Path = DEFAULT_INDEX,
        corpus: Path | None = DEFAULT_CORPUS,
        *,
        encoder: Encoder | None = None,
        check_fresh: bool = True,
    ) -> "Searcher":
        """Load the index (checking it) and the model; raise if the corpus changed."""
        live = read_manifest(index_dir)  # once: the build checked for freshness is the one loaded
        if check_fresh and corpus is not None:
            ensure_fresh(live[1], corpus)
        encoder = encoder or load_encoder()
        index = load_index(index_dir, encoder, live=live)
        return cls(index, encoder, source_root=corpus, safety=SafetyChecker(encoder))

    @property
    def manifest(self) -> dict:
        return self.index.manifest

    def source_path(self, source: str) -> str:
        """Return a passage's file as the user named the corpus folder."""
        if self.source_root is None:
            return source
        return (self.source_root / source).as_posix()

    def question_headings(self) -> list[str]:
        """Return the corpus's question headings, in order, without repeats."""
        if self._questions is None:
            seen: dict[str, None] = {}
            for p in self.index.passages:
                for h in p.heading_path:
                    if h.endswith("?"):
                        seen.setdefault(h, None)
            self._questions = list(seen)
        return self._questions

    def search(self, query: str, top_k: int = DEFAULT_TOP_K) -> SearchResult:
        """Return the passages that answer ``query``, best first, or an abstention."""
        full = text = clean_query(query)
        if not text:
            raise QueryError("query is empty; type a question, e.g. \"why can't I cry anymore?\"")
        if not 1 <= top_k <= MAX_TOP_K:
            raise QueryError(f"top-k of {top_k} is outside 1–{MAX_TOP_K}; pass a value in that range.")
        text, notice = _fit_to_window(text)
        names = known_names(text)
        expanded = expand_query(text, names)
        qvec = self.encoder.encode([expanded])[0]
        idx = self.index
        n_rows = len(idx.rows)

        k = min(n_rows, _DENSE_CANDIDATES)
        sims, ids = idx.dense.search(qvec[None, :], k)
        whole: dict[int, float] = {}  # similarity of the passage row
        part: dict[int, float] = {}  # similarity of its best sentence row
        for sim, row in zip(sims[0].tolist(), ids[0].tolist()):
            if row < 0:
                continue
            r = idx.rows[row]
            best = whole if r.unit < 0 else part
            if sim > best.get(r.passage, -1.0):
                best[r.passage] = sim
        floor = float(sims[0][-1]) if k else 0.0  # rows beyond the candidates score at most this

        with self._lock:
            lex = idx.lexical.scores(expanded[:_MAX_LEXICAL_QUERY_CHARS], n_rows)
        lexical: dict[int, float] = {}
        top_lex = float(lex.max()) if n_rows else 0.0
        if top_lex > 0:
            top_rows = np.flatnonzero(lex)
            if len(top_rows) > _DENSE_CANDIDATES:
                top_rows = top_rows[np.argpartition(-lex[top_rows], _DENSE_CANDIDATES - 1)[:_DENSE_CANDIDATES]]
            for row in top_rows.tolist():
                p = idx.rows[row].passage
                lexical[p] = max(lexical.get(p, 0.0), float(lex[row]) / top_lex)

        dense: dict[int, float] = {}
        for p in set(whole) | set(part) | set(lexical):
            w = whole.get(p, floor)
            u = part.get(p, w if p not in idx.unit_rows else floor)
            dense[p] = PASSAGE_WEIGHT * w + (1 - PASSAGE_WEIGHT) * u

        coverage = idx.lexical.coverage(text[:_MAX_LEXICAL_QUERY_CHARS], set(names))
        best = max(max(whole.values(), default=0.0), max(part.values(), default=0.0))
        confidence = best + COVERAGE_WEIGHT * coverage + TOPIC_WEIGHT * float(self._centroid @ qvec)
        medical = crisis = None
        if self.safety is not None:
            # The whole question, not just the part the model sees: help must not be cut off.
            crisis = self.safety.crisis(full, qvec)
            medical = self.safety.medical(full, qvec)
        scored = sorted(
            ((d + LEXICAL_WEIGHT * lexical.get(p, 0.0), p) for p, d in dense.items()),
            reverse=True,
        )
        no_answer = confidence < ABSTAIN_BELOW or (medical is not None and not medical.also_emotional)
        if no_answer:
            suggestions = self._suggest(qvec)
            return SearchResult(query, True, [], crisis, medical, notice, confidence, suggestions)
        hits = [self._hit(p, score, qvec) for score, p in scored[:top_k]]
        return SearchResult(query, False, hits, crisis, medical, notice, confidence)

    def _hit(self, pid: int, score: float, qvec: np.ndarray) -> PassageHit:
        p = self.index.passages[pid]
        rows = self.index.unit_rows.get(pid)
        if not rows:
            spans = list(p.units[:1])
        else:
            unit_scores = np.asarray(self.index.vectors[rows]) @ qvec
            best = float(unit_scores.max())
            order = np.argsort(-unit_scores)[:MAX_HIGHLIGHTS]
            keep = [i for i in order if unit_scores[i] >= best - HIGHLIGHT_MARGIN]
            spans = sorted(p.units[self.index.rows[rows[i]].unit] for i in keep)
        return PassageHit(
            p.text, self.source_path(p.source), p.start, p.end, list(p.heading_path), score,
            [tuple(s) for s in spans], p.lines,
        )

    def _suggest(self, qvec: np.ndarray, n: int = 3) -> list[str]:
        """The question headings closest to the query, offered when abstaining."""
        headings = self.question_headings()
        if not headings:
            return []
        if self._heading_vectors is None:
            self._heading_vectors = self.encoder.encode(headings)
        order = np.argsort(-(self._heading_vectors @ qvec))[:n]
        return [headings[i] for i in order]


def _fit_to_window(text: str) -> tuple[str, str | None]:
    """Cut a query longer than the model's window at a token boundary, and say so."""
    if len(text) < MAX_TOKENS:  # fewer characters than tokens allowed: always fits
        return text, None
    enc = load_tokenizer().encode(text)
    if len(enc.ids) <= MAX_TOKENS:
        return text, None
    cut = enc.offsets[MAX_TOKENS - 2][1]  # leave room for [CLS] and [SEP]
    return text[:cut], f"Your question was cut to its first {MAX_TOKENS - 2} word pieces ({cut} characters) to fit the model."
