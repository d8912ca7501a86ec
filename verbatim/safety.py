"""Help first: the safety checker, which recognises crisis and physical-numbness questions.

The crisis check itself lives in :mod:`verbatim.crisis` (levels, lexicon, classifier) and the help
config in :mod:`verbatim.resources` (help never fails); this module adds the physical-numbness note
and re-exports both, so ``from verbatim.safety import ...`` keeps working.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

# Re-exported: callers (app, render, search, training, tests) import these from here.
from .crisis import (  # noqa: F401
    _RANK, CRISIS_LEVELS, MAX_PARTS, CrisisAlert, CrisisClassifier, LevelPolicy, crisis_from_lexicon, detect,
    level_policy, lexicon_denies, lexicon_level, load_classifier, mentions_means, names_substance, normalise_text,
    other_language_hides_means, split_parts,
)
from .resources import CRISIS_CATEGORIES, _data, load_resources, resources_problem  # noqa: F401

# Physical if this close to a physical example and closer to it than to any emotional one.
PHYSICAL_MIN_SIMILARITY = 0.6
PHYSICAL_MARGIN = 0.1


@dataclass
class MedicalNote:
    """The query is about numbness in the body: a doctor's question, maybe urgent."""

    note: str
    also_emotional: bool = False

    def to_dict(self) -> dict:
        return {"note": self.note}


# ---------------------------------------------------------------- physical numbness


@cache
def _physical_lexicon() -> dict:
    data = _data("physical_numbness.json")

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    determiner = r"(?:my|your|his|her|their|the|one|both|left|right|a|in|on)\s+(?:(?:left|right|upper|lower|whole)\s+)?"
    sensation = alternation(data["sensations"])
    part = alternation(data["body_parts"])
    return {
        "sensation": re.compile(rf"(?:{sensation})"),
        # "my left hand", or a body part right next to the sensation: "tingling toes", "fingers go numb"
        "body_part": re.compile(
            rf"\b{determiner}(?:{part})\b|(?:{sensation})\w*\s+(?:\w+\s+)?(?:{part})\b|\b(?:{part})\s+(?:\w+\s+)?(?:{sensation})"
        ),
        "strong": re.compile(rf"(?:{alternation(data['strong_sensations'])})"),
        "any_part": re.compile(rf"\b(?:{part}|{alternation(data['idiom_body_parts'])})\b"),
        "medical": re.compile(rf"\b(?:{alternation(data['medical_terms'])})"),
        "emotional": re.compile(rf"(?:{alternation(data['emotional_cues'])})"),
        "physical_examples": data["physical_examples"],
        "emotional_examples": data["emotional_examples"],
    }



class SafetyChecker:
    """Crisis and physical-numbness detection for one encoder."""

    def __init__(self, encoder) -> None:
        self.encoder = encoder
        clf = load_classifier()
        # The weights were trained on one model's vectors; any other encoder (the tests' hash
        # encoder) gets the lexicon alone rather than a classifier reading vectors it never saw.
        same = getattr(encoder, "name", None) == clf.model and getattr(encoder, "dim", clf.dim) == clf.dim
        self.classifier = clf if same else None
        lex = _physical_lexicon()
        self._physical_vectors = encoder.encode(lex["physical_examples"])
        self._emotional_vectors = encoder.encode(lex["emotional_examples"])

    def crisis(
        self, query: str, qvec: np.ndarray | None, parts: Sequence[tuple[str, np.ndarray]] = ()
    ) -> CrisisAlert | None:
        """Return the crisis alert for ``query`` (any level), or None.

        ``qvec`` is the question's vector; ``parts`` are (sentence, vector) pairs of its sentences if
        the caller has them. With no parts and several sentences, they are encoded here, in one call.
        The highest level found by the lexicon or the classifier, on the whole or on any part, wins.
        """
        if not parts and self.classifier is not None and qvec is not None:
            texts = split_parts(query)
            if texts:
                parts = list(zip(texts, self.encoder.encode(texts)))
        return detect(query, qvec, parts, self.classifier)

    def crisis_category(self, query: str, qvec: np.ndarray | None) -> tuple[str, str] | None:
        """Return (category, how it matched) for an alarm (risk or urgent), or None."""
        alert = self.crisis(query, qvec)
        return (alert.category, alert.matched) if alert and alert.policy.alarm else None

    def is_physical(self, query: str, qvec: np.ndarray | None) -> bool:
        """True if the query is about numbness or tingling in the body."""
        text = normalise_text(query)
        lex = _physical_lexicon()
        if lex["medical"].search(text):
            return True
        if lex["sensation"].search(text) and lex["body_part"].search(text):
            return True
        if lex["strong"].search(text) and lex["any_part"].search(text):
            return True
        if qvec is None:
            return False
        physical = float(np.max(self._physical_vectors @ qvec))
        emotional = float(np.max(self._emotional_vectors @ qvec))
        return physical >= PHYSICAL_MIN_SIMILARITY and physical >= emotional + PHYSICAL_MARGIN

    def medical(self, query: str, qvec: np.ndarray | None) -> MedicalNote | None:
        """Return the medical note if the query is about physical numbness, else None."""
        text = normalise_text(query)
        if not self.is_physical(text, qvec):
            return None
        also_emotional = bool(_physical_lexicon()["emotional"].search(text))
        return MedicalNote(load_resources()["medical"]["note"], also_emotional)
