"""Result types: the passages a search returns and the answer to one query (``search --json``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .language import LanguageNote
from .safety import CrisisAlert, MedicalNote


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

    @property
    def visible_text(self) -> str:
        """The part of the card shown before the reader opens the rest."""
        return self.text if self.fold is None else self.text[: self.fold]


@dataclass
class SearchResult:
    """The answer to one query; ``passages`` is empty when ``no_answer`` is true."""

    query: str
    no_answer: bool
    passages: list[PassageHit]
    crisis: CrisisAlert | None = None
    medical: MedicalNote | None = None
    notice: str | None = None  # e.g. the query was cut to the model's window
    confidence: float = 0.0  # P(the corpus answers it), from abstention.py
    suggestions: list[str] = field(default_factory=list)  # closest topics when abstaining
    missing_terms: list[str] = field(default_factory=list)  # distinctive words the corpus never uses
    withheld: list[str] = field(default_factory=list)  # files changed since the build: passages left out
    evidence: dict[str, float] = field(default_factory=dict, repr=False)  # what abstention weighed
    language: LanguageNote | None = None  # the question is surely not in English

    def to_dict(self) -> dict:
        """Return the JSON contract of ``search --json``."""
        return {
            "query": self.query,
            "no_answer": self.no_answer,
            "crisis": self.crisis.to_dict() if self.crisis else None,
            "medical": self.medical.to_dict() if self.medical else None,
            "language": self.language.to_dict() if self.language else None,
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
            "withheld": self.withheld,
        }
