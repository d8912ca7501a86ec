"""Hybrid search: dense (FAISS) and lexical (BM25) evidence at passage and sentence level.

A passage's score is its best dense match, as a whole or through one of its sentences
("small-to-big": a question about one bullet of a long list finds the list), plus a
weighted share of its best BM25 match. The engine abstains when the best dense match is
below a threshold calibrated on held-out questions (see ``calibration`` in the README),
or when the question is about physical numbness, which the article does not cover.

Section cards and their highlights are built in :mod:`verbatim.cards`; the result types live in
:mod:`verbatim.results`. Both are re-exported here, so ``from verbatim.search import ...`` keeps working.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

# Re-exported: the card constants were part of this module before the split.
from .cards import (  # noqa: F401
    CARD_CHARS, CARD_MARGIN, HIGHLIGHT_MARGIN, MAX_HIGHLIGHTS, section_card, source_path,
)
from .config import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_TOP_K, MAX_TOKENS, MAX_TOP_K, PARALLEL_LEXICAL_ROWS
from .embedding import Encoder, load_encoder, load_tokenizer
from .errors import QueryError
from .index import LoadedIndex, ensure_fresh, load_index, read_manifest
from .language import language_note
from .abstention import load_model as load_abstention_model
from .lexical import tokenize
from .ranking import (
    WEIGHTS, RankingWeights, best_by_key, best_per_passage, fuse, question_similarity, rank_sections, top_positive,
)
from .results import PassageHit, SearchResult  # noqa: F401 (re-exported)
from .safety import (  # noqa: F401
    CrisisAlert, MedicalNote, SafetyChecker, mentions_means, other_language_hides_means, split_parts,
)

log = logging.getLogger("verbatim.search")

# Ranking and abstention weights live in ranking.RankingWeights; card sizes in cards.py.
# Rows fetched from each retriever; passages outside them score at most the last one.
_DENSE_CANDIDATES = 128
_MAX_LEXICAL_QUERY_CHARS = 2000


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
        weights: RankingWeights = WEIGHTS,
    ) -> None:
        self.index = index
        self.encoder = encoder
        self.source_root = source_root
        self.safety = safety
        self.weights = weights
        self._lock = threading.Lock()  # bm25s keeps per-call scratch state
        # Large indexes score BM25 on this thread while the question is encoded (PARALLEL_LEXICAL_ROWS).
        self._lexical_thread = (ThreadPoolExecutor(1, thread_name_prefix="verbatim-bm25")
                                if len(index.rows) >= PARALLEL_LEXICAL_ROWS else None)
        import faiss

        # One query at a time: OpenMP's thread start-up costs more than the search itself. (This thread
        # only; search() limits the thread it runs on.)
        faiss.omp_set_num_threads(1)
        self._questions: list[str] | None = None
        self._centroid = index.centroid  # computed by the build: no pass over every vector here
        self._heading_vectors: np.ndarray | None = None
        # Heading paths are listed in order of first use, so titles come in the order the corpus reads.
        titles = list(dict.fromkeys(h[0] for h in index.passages.headings if h))
        self._title_vectors = encoder.encode(titles) if titles else np.zeros((0, encoder.dim), np.float32)
        self._row_passage = index.rows.passage
        self._row_unit = index.rows.unit
        # Passages of one section (same file, same headings) are consecutive in the index.
        self._section_start = index.passages.sections()
        self._section_of = np.repeat(np.arange(len(self._section_start) - 1), np.diff(self._section_start))
        self._reader_question_vectors = index.questions
        self._reader_question_section = self._section_of[index.question_passage]

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
        encoder = encoder or load_encoder(spin=live[1].get("rows", 0) < PARALLEL_LEXICAL_ROWS)
        index = load_index(index_dir, encoder, live=live)
        return cls(index, encoder, source_root=corpus, safety=SafetyChecker(encoder))

    @property
    def manifest(self) -> dict:
        return self.index.manifest

    def source_path(self, source: str) -> str:
        """Return a passage's file as the user named the corpus folder."""
        return source_path(self.source_root, source)

    def question_headings(self) -> list[str]:
        """Return the corpus's question headings, in order, without repeats."""
        if self._questions is None:
            seen: dict[str, None] = {}
            for path in self.index.passages.headings:  # in order of first use, as the passages read
                for h in path:
                    if h.endswith("?"):
                        seen.setdefault(h, None)
            self._questions = list(seen)
        return self._questions

    def missing_terms(self, text: str) -> list[str]:
        """Words of the question (stop words aside) that the corpus never uses, as typed."""
        return self.index.lexical.unknown_words(text, set(_synonyms()))

    def search(
        self, query: str, top_k: int = DEFAULT_TOP_K, *, check_language: bool = True, other_language: bool = False,
    ) -> SearchResult:
        """Return the sections that answer ``query``, best first, or an abstention.

        A question in another language gets no passage or suggestion about drugs or means (the detector
        cannot read it; ``other_language`` in data/crisis_policy.json). ``check_language=False`` leaves
        ``language`` unset: the page checks the language itself, when it chooses (at once if langid is loaded,
        before the model is needed), and passes what it found as ``other_language``."""
        # A question's products are small (a few vectors against at most a few thousand rows). With
        # two threads, OpenBLAS waits for the second core: on a busy 2-core machine (load 5) the crisis
        # prototypes took 12 ms instead of 0.2 ms, and a whole search 44-56 ms instead of 21-26 ms.
        # Concurrent searches may leave BLAS at one thread, which is what answering wants anyway.
        # OpenMP (FAISS) too: its thread count is per calling thread, and the page answers on
        # Streamlit's script threads, not on the thread that opened the searcher. (Limiting BLAS alone
        # did that only because FAISS's bundled OpenBLAS is built on OpenMP; now it is said.)
        with _threadpools().limit(limits=1):
            return self._search(query, top_k, check_language, other_language)

    def _search(self, query: str, top_k: int, check_language: bool, other_language: bool) -> SearchResult:
        w = self.weights
        full = text = clean_query(query)
        if not text:
            raise QueryError("query is empty; type a question, e.g. \"why can't I cry anymore?\"")
        if not 1 <= top_k <= MAX_TOP_K:
            raise QueryError(f"top-k of {top_k} is outside 1–{MAX_TOP_K}; pass a value in that range.")
        text, notice = _fit_to_window(text)
        names = known_names(full)
        missing = self.missing_terms(full)
        # The same sentences (clauses of a run-on one) the crisis check reads, so one encode serves both.
        parts = split_parts(full)
        # One batched call: the whole question and each of its sentences.
        texts = [expand_query(text, names)] + [expand_query(p) for p in parts]
        idx = self.index
        n_rows = len(idx.rows)
        # Started before the encoder: ONNX Runtime lets other threads run while it works, FAISS's search
        # does not (it holds the GIL), so BM25 beside the dense search alone would wait for it.
        lexical_job: Future | None = None
        if self._lexical_thread is not None:
            lexical_job = self._lexical_thread.submit(self._lexical_scores, texts[0], n_rows)
        vecs = self.encoder.encode(texts)
        qvec = vecs[0]
        part_vecs = vecs[1 : 1 + len(parts)]
        query_vecs = vecs[: 1 + len(parts)]

        k = min(n_rows, _DENSE_CANDIDATES)
        # Candidates from every question vector, then exact similarities to all of them.
        rows, row_vectors = idx.dense.search_rows(query_vecs, k)
        row_sims = row_vectors @ query_vecs.T
        combined = question_similarity(row_sims, w.question_part)
        whole, part = best_per_passage(combined, rows, self._row_passage, self._row_unit)
        # Rows beyond the candidates score at most the weakest candidate.
        floor = float(combined.min()) if len(rows) else 0.0

        lexical = lexical_job.result() if lexical_job is not None else self._lexical_scores(texts[0], n_rows)
        scores = fuse(whole, part, lexical, floor, idx.rows.with_sentences, w)

        evidence = self._evidence(text, full, names, missing, vecs, len(parts), row_sims, rows)
        model = load_abstention_model()
        conf = model.probability(evidence)
        medical = crisis = None
        if self.safety is not None:
            # The whole question, not just the part the model sees: help must not be cut off.
            crisis = self.safety.crisis(full, qvec, list(zip(parts, part_vecs)))
            medical = self.safety.medical(full, qvec)
        language = None
        try:
            if check_language:
                language = language_note(full)
        except Exception:  # noqa: BLE001 (a note is not worth the answer, or the crisis banner, it comes with)
            log.exception("language note")
        unreadable = other_language or language is not None
        hide_means = (crisis is not None and crisis.policy.hide_means) or (unreadable and other_language_hides_means())
        no_answer = conf < model.threshold or (medical is not None and not medical.also_emotional)
        if no_answer:
            offer = crisis is None or crisis.policy.suggestions
            suggestions = self._suggest(qvec, hide_means) if offer else []
            return SearchResult(query, True, [], crisis, medical, notice, conf, suggestions, missing,
                                evidence=evidence, language=language)
        hits = []
        texts: dict[str, str | None] = {}
        asked = (best_by_key(self._reader_question_vectors @ qvec, self._reader_question_section)
                 if len(self._reader_question_vectors) else None)
        for section, score in rank_sections(scores, self._section_of, asked, w.reader_questions):
            members = list(range(self._section_start[section], self._section_start[section + 1]))
            hit = section_card(idx, members, scores, score, query_vecs, self.source_root, w.question_part, texts)
            if hide_means and mentions_means(" ".join(hit.heading_path) + " " + hit.text):
                continue  # after a risk signal, nothing about drugs or means
            hits.append(hit)
            if len(hits) == top_k:
                break
        return SearchResult(query, False, hits, crisis, medical, notice, conf, [], missing, evidence=evidence,
                            language=language)

    def _lexical_scores(self, expanded: str, n_rows: int) -> dict[int, float]:
        """Each passage's best BM25 score among the best rows, as a share of the best row's."""
        with self._lock:  # no BLAS here: bm25s adds postings with NumPy
            lex = self.index.lexical.scores(expanded[:_MAX_LEXICAL_QUERY_CHARS], n_rows)
        top_rows = top_positive(lex, _DENSE_CANDIDATES)
        if not len(top_rows):
            return {}
        top_lex = float(lex[top_rows].max())  # the best row is among them: no second pass over every row
        return best_by_key(lex[top_rows] / top_lex, self._row_passage[top_rows])

    def _evidence(
        self, text: str, full: str, names: list[str], missing: list[str], vecs: np.ndarray, n_parts: int,
        row_sims: np.ndarray, rows: np.ndarray,
    ) -> dict[str, float]:
        """What the abstention model weighs (abstention.FEATURES), from vectors already computed."""
        qvecs = vecs[: 1 + n_parts]
        whole_row = self._row_unit[rows] < 0
        per_vector_best = row_sims.max(axis=0) if len(rows) else np.zeros(len(qvecs))
        passage_sims = np.sort(row_sims[whole_row, 0])[::-1] if whole_row.any() else np.zeros(1)
        centroid = qvecs @ self._centroid
        titles = (qvecs @ self._title_vectors.T).max(axis=1) if len(self._title_vectors) else np.zeros(len(qvecs))
        words = max(len(tokenize([full])[0]), 1)
        parts = slice(1, None) if n_parts else slice(0, 1)
        return {
            "best_whole": float(per_vector_best[0]),
            "best_part": float(per_vector_best.max()),
            "top5_whole": float(passage_sims[:5].mean()),
            "centroid_whole": float(centroid[0]),
            "centroid_part_max": float(centroid.max()),
            "centroid_part_mean": float(centroid[parts].mean()),
            "title_whole": float(titles[0]),
            "title_part_max": float(titles.max()),
            "title_part_mean": float(titles[parts].mean()),
            "coverage": self.index.lexical.coverage(text[:_MAX_LEXICAL_QUERY_CHARS], set(names)),
            "missing_share": min(len(missing) / words, 1.0),
        }

    def _suggest(self, qvec: np.ndarray, hide_means: bool, n: int = 3) -> list[str]:
        """The question headings closest to the query, offered when abstaining (none about drugs or
        means when ``hide_means``: one tap must not lead there)."""
        headings = self.question_headings()
        if not headings:
            return []
        if self._heading_vectors is None:
            self._heading_vectors = self.encoder.encode(headings)
        order = np.argsort(-(self._heading_vectors @ qvec))
        # Stops at the n-th heading kept: the means check runs on as few headings as it must.
        return list(islice((headings[i] for i in order if not (hide_means and mentions_means(headings[i]))), n))


@cache
def _threadpools() -> ThreadpoolController:
    return ThreadpoolController()


def _fit_to_window(text: str) -> tuple[str, str | None]:
    """Cut a query longer than the model's window at a token boundary, and say so."""
    if len(text) < MAX_TOKENS:  # fewer characters than tokens allowed: always fits
        return text, None
    enc = load_tokenizer().encode(text)
    if len(enc.ids) <= MAX_TOKENS:
        return text, None
    cut = enc.offsets[MAX_TOKENS - 2][1]  # leave room for [CLS] and [SEP]
    return text[:cut], f"Your question was cut to its first {MAX_TOKENS - 2} word pieces ({cut} characters) to fit the model."
