"""Help first: recognise crisis and physical-numbness questions.

Both checks combine a lexicon a person can read (``data/*.json``) with semantic
similarity to example phrasings, using the query vector the search already computed,
so they cost a matrix product, not another model call. The lexicon catches direct and
slang wording; the examples catch indirect wording no list anticipates.

The resources shown live in ``data/resources.json``; set ``VERBATIM_RESOURCES`` to a
file of the same shape to serve another region.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import VerbatimError

CRISIS_CATEGORIES = ("suicide", "self_harm", "abuse")
# urgent: danger now; risk: the reader's own suicidal thoughts, self-harm or abuse;
# topic: a question about these subjects. What each level does lives in data/crisis_policy.json.
CRISIS_LEVELS = ("urgent", "risk", "topic")
log = logging.getLogger(__name__)
# Cosine to the nearest crisis example at or above which help is shown. Calibrated so that
# no answerable calibration question reaches it while every crisis phrasing does (README).
CRISIS_MIN_SIMILARITY = 0.62
# Physical if this close to a physical example and closer to it than to any emotional one.
PHYSICAL_MIN_SIMILARITY = 0.6
PHYSICAL_MARGIN = 0.1


@dataclass
class CrisisAlert:
    """Detected risk: its category and the services to show before anything else."""

    category: str
    resources: list[dict]
    headline: str = field(default="", compare=False)
    matched: str = field(default="", compare=False)  # "lexicon", "similarity" or "classifier"
    level: str = "risk"  # one of CRISIS_LEVELS

    @property
    def policy(self) -> "LevelPolicy":
        return level_policy(self.level)

    def to_dict(self) -> dict:
        return {"category": self.category, "level": self.level, "resources": self.resources}


@dataclass(frozen=True)
class LevelPolicy:
    """What the page and the engine do for one crisis level (data/crisis_policy.json)."""

    alarm: bool  # the full help banner, before anything else
    collapse_passages: bool  # the article's passages sit below the banner, collapsed
    suggestions: bool  # whether "not covered" may offer other article questions
    hide_means: bool  # passages about drugs or means are left out
    persist_strip: bool  # a compact help strip stays for the rest of the browser session


@cache
def level_policy(level: str) -> LevelPolicy:
    """Return the policy of a crisis level; an unknown level gets the most protective one."""
    levels = _data("crisis_policy.json")["levels"]
    return LevelPolicy(**levels.get(level, levels["urgent"]))


@dataclass
class MedicalNote:
    """The query is about numbness in the body: a doctor's question, maybe urgent."""

    note: str
    also_emotional: bool = False

    def to_dict(self) -> dict:
        return {"note": self.note}


def _data(name: str) -> dict:
    return json.loads(resources.files("verbatim.data").joinpath(name).read_text("utf-8"))


@cache
def load_resources(path: str | None = None) -> dict:
    """Return the crisis and medical resources (``VERBATIM_RESOURCES`` overrides)."""
    path = path or os.environ.get("VERBATIM_RESOURCES")
    if not path:
        return _data("resources.json")
    try:
        config = json.loads(Path(path).read_text("utf-8"))
        for category in CRISIS_CATEGORIES:
            for r in config["crisis"]["resources"][category]:
                if not (isinstance(r["name"], str) and isinstance(r["contact"], str)):
                    raise TypeError
        if not isinstance(config["medical"]["note"], str):
            raise TypeError
    except (OSError, ValueError, KeyError, TypeError):
        raise VerbatimError(
            f"{path}: not a valid resources file (VERBATIM_RESOURCES); copy verbatim/data/resources.json and edit it."
        ) from None
    return config


def normalise_text(text: str) -> str:
    """Lower-case, straighten quotes, squeeze repeated letters ("diiie" -> "diie")."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)
    return " ".join(text.split())


@cache
def _crisis_patterns() -> dict[str, re.Pattern[str]]:
    lexicon = _data("crisis_lexicon.json")
    return {c: re.compile("|".join(f"(?:{p})" for p in lexicon[c]), re.IGNORECASE) for c in CRISIS_CATEGORIES}


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


def crisis_from_lexicon(query: str) -> CrisisAlert | None:
    """The crisis check that needs no model: the page runs it before the model has loaded."""
    text = normalise_text(query)
    for category, pattern in _crisis_patterns().items():
        if pattern.search(text):
            config = load_resources()["crisis"]
            return CrisisAlert(category, list(config["resources"][category]), config.get("headline", ""), "lexicon")
    return None


def mentions_means(text: str) -> bool:
    """True if text names drugs or means of harm (left out after a risk signal)."""
    return bool(re.search(r"\b(?:drugs?|opioids?|benzodiazepines?|alcohol|overdos\w*|pills?)\b", text, re.I))


class SafetyChecker:
    """Crisis and physical-numbness detection for one encoder."""

    def __init__(self, encoder) -> None:
        examples = _data("crisis_examples.json")
        self._crisis_labels = [c for c in CRISIS_CATEGORIES for _ in examples[c]]
        self._crisis_vectors = encoder.encode([e for c in CRISIS_CATEGORIES for e in examples[c]])
        lex = _physical_lexicon()
        self._physical_vectors = encoder.encode(lex["physical_examples"])
        self._emotional_vectors = encoder.encode(lex["emotional_examples"])

    def crisis_category(self, query: str, qvec: np.ndarray | None) -> tuple[str, str] | None:
        """Return (category, how it matched) or None."""
        text = normalise_text(query)
        for category, pattern in _crisis_patterns().items():
            if pattern.search(text):
                return category, "lexicon"
        if qvec is not None:
            sims = self._crisis_vectors @ qvec
            best = int(np.argmax(sims))
            if sims[best] >= CRISIS_MIN_SIMILARITY:
                return self._crisis_labels[best], "similarity"
        return None

    def crisis(self, query: str, qvec: np.ndarray | None, parts=()) -> CrisisAlert | None:
        """Return the crisis alert for ``query``, or None."""
        found = self.crisis_category(query, qvec)
        if found is None:
            return None
        category, how = found
        config = load_resources()["crisis"]
        return CrisisAlert(category, list(config["resources"][category]), config.get("headline", ""), how)

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
