"""Help first: recognise crisis and physical-numbness questions.

Crisis detection has two parts. A readable lexicon (``data/crisis_lexicon.json``) holds wording
that is certain; it needs no model, so the page can run it before the model has loaded
(:func:`crisis_from_lexicon`). A small classifier (``data/crisis_classifier.npz`` and ``.json``,
trained by ``training/train.py`` on labelled real text) reads the query vector the search already
computed, and the vector of each sentence of a long question, since risk often sits in one sentence
of a long story: a few matrix products, no second model. Each says a level:

- ``urgent``: danger now, to the reader or someone they speak of (an overdose taken, bleeding, a
  weapon at the door); emergency numbers first, then 988.
- ``risk``: the reader's own suicidal thoughts, self-harm or abuse; the full help banner.
- ``topic``: a question about these subjects (statistics, side effects, helping a friend, old
  scars); a calm help line, no alarm.

What the page and the engine do at each level lives in ``data/crisis_policy.json``. The resources
shown live in ``data/resources.json``; set ``VERBATIM_RESOURCES`` to a file of the same shape to
serve another region. A file that does not validate is named in one log line and the bundled
resources are served instead: help never fails.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

CRISIS_CATEGORIES = ("suicide", "self_harm", "abuse")
# urgent: danger now; risk: the reader's own suicidal thoughts, self-harm or abuse;
# topic: a question about these subjects. What each level does lives in data/crisis_policy.json.
CRISIS_LEVELS = ("urgent", "risk", "topic")
_RANK = {None: 0, "topic": 1, "risk": 2, "urgent": 3}
log = logging.getLogger(__name__)
# Physical if this close to a physical example and closer to it than to any emotional one.
PHYSICAL_MIN_SIMILARITY = 0.6
PHYSICAL_MARGIN = 0.1
# A long question is also checked sentence by sentence (clause by clause when a sentence runs on);
# at most this many parts, so the cost stays bounded.
MAX_PARTS = 16
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s*\n+\s*")
_CLAUSE = re.compile(r",\s+|\s+(?:but|and then|so|because|though|although)\s+")
_LINK_SCHEMES = ("tel:", "sms:", "https:")


@dataclass
class CrisisAlert:
    """Detected risk: its level, category and the services to show before anything else."""

    category: str
    resources: list[dict]
    headline: str = field(default="", compare=False)
    matched: str = field(default="", compare=False)  # "lexicon" or "classifier"
    level: str = "risk"  # one of CRISIS_LEVELS
    sentence: str = field(default="", compare=False)  # the part of the question that raised it

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


# ---------------------------------------------------------------- resources: help never fails


def _strings(d: dict, *keys: str) -> bool:
    return all(isinstance(d.get(k), str) for k in keys)


def resources_problem(config: object) -> str | None:
    """Return what is wrong with a resources file's content, or None if it is complete."""

    def links_problem(links: object, where: str) -> str | None:
        if not isinstance(links, list):
            return f"{where}.links is not a list"
        for i, link in enumerate(links):
            if not (isinstance(link, dict) and _strings(link, "label", "href")):
                return f"{where}.links[{i}] needs a label and an href string"
            if not link["href"].startswith(_LINK_SCHEMES):
                return f"{where}.links[{i}].href {link['href']!r} is not a tel:, sms: or https: link"
        return None

    if not isinstance(config, dict):
        return "the file is not a JSON object"
    crisis = config.get("crisis")
    if not isinstance(crisis, dict):
        return "'crisis' is missing or not an object"
    for key in ("headline", "urgent_headline", "topic_line"):
        if not isinstance(crisis.get(key), str) or not crisis[key].strip():
            return f"crisis.{key} is missing or not a string"
    quiet = crisis.get("quiet_line")
    if not (isinstance(quiet, dict) and isinstance(quiet.get("text"), str) and quiet["text"].strip()):
        return "crisis.quiet_line needs a text string"
    if "links" in quiet and (problem := links_problem(quiet["links"], "crisis.quiet_line")):
        return problem
    services = crisis.get("resources")
    if not isinstance(services, dict):
        return "crisis.resources is missing or not an object"
    for category in ("urgent", *CRISIS_CATEGORIES):
        listed = services.get(category)
        if not isinstance(listed, list) or not listed:
            return f"crisis.resources.{category} is missing or empty"
        for i, r in enumerate(listed):
            where = f"crisis.resources.{category}[{i}]"
            if not (isinstance(r, dict) and _strings(r, "name", "contact")):
                return f"{where} needs name and contact strings"
            if "links" in r and (problem := links_problem(r["links"], where)):
                return problem
    medical = config.get("medical")
    if not (isinstance(medical, dict) and isinstance(medical.get("note"), str)):
        return "medical.note is missing or not a string"
    if "links" in medical and (problem := links_problem(medical["links"], "medical")):
        return problem
    return None


@cache
def load_resources(path: str | None = None) -> dict:
    """Return the crisis and medical resources (``VERBATIM_RESOURCES`` overrides); never raises.

    A file that is missing, not JSON or incomplete is named in one log line with its fault, and the
    bundled resources are returned instead.
    """
    bundled = _data("resources.json")
    path = path or os.environ.get("VERBATIM_RESOURCES")
    if not path:
        return bundled
    try:
        config = json.loads(Path(path).read_text("utf-8"))
    except OSError as e:
        problem = f"cannot be read ({e.strerror or e.__class__.__name__})"
    except ValueError as e:
        problem = f"is not valid JSON ({e})"
    else:
        problem = resources_problem(config)
        if problem is None:
            return config
    log.error("%s: %s; serving the bundled resources (VERBATIM_RESOURCES)", path, problem)
    return bundled


def normalise_text(text: str) -> str:
    """Lower-case, straighten quotes, squeeze repeated letters ("diiie" -> "diie")."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)
    return " ".join(text.split())


def split_parts(query: str) -> list[str]:
    """Return the sentences of a question (clauses of a run-on one), or [] if it is one sentence."""
    parts: list[str] = []
    for sentence in _SENTENCE_END.split(query.strip()):
        if len(sentence.split()) > 25:
            parts += [c for c in _CLAUSE.split(sentence) if c]
        elif sentence:
            parts.append(sentence)
    parts = [p.strip() for p in parts if len(p.split()) >= 2]
    return parts[:MAX_PARTS] if len(parts) > 1 else []


# ---------------------------------------------------------------- lexicon


@cache
def _lexicon() -> dict:
    data = _data("crisis_lexicon.json")

    def compiled(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    return {
        "ignore": compiled(data["ignore"]),
        "denial": compiled(data["denial"]),
        "levels": [
            (level, [(c, compiled(data[level][c])) for c in CRISIS_CATEGORIES if data[level].get(c)])
            for level in ("urgent", "risk", "topic")
        ],
    }


# A match preceded, within its clause, by one of these words is denied ("I'm not going to kill
# myself", "I don't think about ending it"); wording that carries its own negation ("I don't want
# to live") starts its match at the negation, so it is not affected.
_NEGATION = re.compile(
    r"\b(not|never|don'?t|do not|didn'?t|did not|doesn'?t|won'?t|wouldn'?t|shouldn'?t|haven'?t|hasn'?t|isn'?t"
    r"|aren'?t|wasn'?t|no one said|if you'?re|if your|if you are|if anyone is"
    r"|(?:asked|ask|asks|asking|wonder|wondering|know)(?: me)? (?:if|whether))\b"
)
_NEGATION_WORDS = 5


def _denied(text: str, start: int) -> bool:
    clause = re.split(r"[.!?;,]|\bbut\b", text[:start])[-1]
    return bool(_NEGATION.search(" ".join(clause.split()[-_NEGATION_WORDS:])))


def lexicon_level(query: str) -> tuple[str, str] | None:
    """Return (level, category) from the lexicon's certain wording, or None."""
    lex = _lexicon()
    text = lex["ignore"].sub(" ", normalise_text(query))
    for level, patterns in lex["levels"]:
        for category, pattern in patterns:
            # A denial removes a risk, not the subject: "asked if i'm suicidal, i'm not" is still topic.
            if any(level == "topic" or not _denied(text, m.start()) for m in pattern.finditer(text)):
                return level, category
    return None


def lexicon_denies(text: str) -> bool:
    """True if the text explicitly denies risk ("I want to live", "I'm not going to kill myself")."""
    lex = _lexicon()
    return bool(lex["denial"].search(lex["ignore"].sub(" ", normalise_text(text))))


def _alert(level: str, category: str, how: str, sentence: str = "") -> CrisisAlert:
    config = load_resources()["crisis"]
    services = list(config["resources"][category])
    headline = config.get("headline", "")
    if level == "urgent":
        # Emergency numbers first, then the category's own services that are not already listed.
        urgent = list(config["resources"]["urgent"])
        names = {r["name"] for r in urgent}
        services = urgent + [r for r in services if r["name"] not in names]
        headline = config.get("urgent_headline", headline)
    elif level == "topic":
        headline = config.get("topic_line", headline)
    return CrisisAlert(category, services, headline, how, level, sentence)


def crisis_from_lexicon(query: str) -> CrisisAlert | None:
    """The crisis check that needs no model: the page runs it before the model has loaded."""
    found = lexicon_level(query)
    return _alert(found[0], found[1], "lexicon") if found else None


# ---------------------------------------------------------------- classifier


@dataclass(frozen=True)
class CrisisClassifier:
    """Logistic regression over the query vector: levels (none/topic/risk/urgent) and categories."""

    levels: tuple[str, ...]
    categories: tuple[str, ...]
    level_w: np.ndarray  # (len(levels), dim)
    level_b: np.ndarray
    category_w: np.ndarray  # (len(categories), dim)
    category_b: np.ndarray
    thresholds: dict
    model: str

    @property
    def dim(self) -> int:
        return int(self.level_w.shape[1])

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Return one row of level probabilities per vector (softmax)."""
        z = vectors @ self.level_w.T + self.level_b
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def decide(self, vectors: np.ndarray, whole: bool) -> list[str | None]:
        """Return the level of each vector: None, "topic", "risk" or "urgent"."""
        t = self.thresholds["whole" if whole else "part"]
        p = self.probabilities(vectors)
        ix = {name: i for i, name in enumerate(self.levels)}
        alarm = p[:, ix["risk"]] + p[:, ix["urgent"]]
        out: list[str | None] = []
        for row, a in zip(p, alarm):
            if a >= t["alarm"]:
                out.append("urgent" if row[ix["urgent"]] >= t["urgent"] else "risk")
            elif row[ix["topic"]] >= t["topic"]:
                out.append("topic")
            else:
                out.append(None)
        return out

    def category(self, vector: np.ndarray) -> str:
        return self.categories[int(np.argmax(self.category_w @ vector + self.category_b))]


_WEIGHTS = ("level_w", "level_b", "category_w", "category_b")


@cache
def load_classifier() -> CrisisClassifier:
    """Load the bundled classifier weights (plain arrays; no pickle, no scikit-learn)."""
    meta = _data("crisis_classifier.json")
    with resources.files("verbatim.data").joinpath("crisis_classifier.npz").open("rb") as f:
        with np.load(f, allow_pickle=False) as z:
            arrays = {k: np.asarray(z[k], dtype=np.float32) for k in _WEIGHTS}
    clf = CrisisClassifier(
        tuple(meta["levels"]), tuple(meta["categories"]), thresholds=meta["thresholds"], model=meta["model"],
        **arrays,
    )
    shapes = (clf.level_w.shape, clf.category_w.shape)
    if shapes != ((len(clf.levels), meta["dim"]), (len(clf.categories), meta["dim"])):
        raise ValueError("crisis_classifier.npz does not match crisis_classifier.json")
    return clf


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


# ---------------------------------------------------------------- means


@cache
def _means_pattern() -> re.Pattern[str]:
    data = _data("crisis_means.json")
    terms = {t for group, words in data.items() if not group.startswith("_") for t in words}
    terms = sorted(terms, key=len, reverse=True)
    # A term, optionally plural; whole words only ("gun" but not "begun").
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")(?:e?s)?\b", re.IGNORECASE)


def mentions_means(text: str) -> bool:
    """True if the text names drugs, medicines, overdose, alcohol amounts, weapons or methods.

    After a risk or urgent signal the search leaves such passages out (``LevelPolicy.hide_means``).
    The terms live in ``data/crisis_means.json``.
    """
    return bool(_means_pattern().search(normalise_text(text)))


# ---------------------------------------------------------------- the checker


def detect(
    query: str,
    qvec: np.ndarray | None,
    parts: Sequence[tuple[str, np.ndarray]] = (),
    classifier: CrisisClassifier | None = None,
) -> CrisisAlert | None:
    """Return the highest level the lexicon or the classifier finds in the question or any part.

    Parts are the question's sentences with their vectors; without a classifier or vector, only the
    lexicon speaks (on the whole question and on each sentence).
    """
    best: tuple[int, str, str, str, str] = (0, "", "", "", "")  # rank, level, category, how, sentence
    texts = [p for p, _ in parts] if parts else split_parts(query)
    # Sentences first, so that an alert names the sentence that raised it when there is one.
    for text in [*texts, query]:
        found = lexicon_level(text)
        if found and _RANK[found[0]] > best[0]:
            best = (_RANK[found[0]], found[0], found[1], "lexicon", "" if text is query else text)
    if classifier is not None and qvec is not None and best[0] < _RANK["urgent"]:
        units = [(np.asarray(qvec, dtype=np.float32), "")]
        units += [(np.asarray(v, dtype=np.float32), t) for t, v in parts]
        vectors = np.stack([v for v, _ in units])
        levels = classifier.decide(vectors[:1], whole=True) + classifier.decide(vectors[1:], whole=False)
        for level, (vector, text) in zip(levels, units):
            if _RANK[level] >= _RANK["risk"] and lexicon_denies(text or query):
                # Vectors barely tell a sentence from its negation; an explicit denial caps the
                # classifier at topic (the lexicon's own risk wording has already been counted).
                level = "topic"
            if _RANK[level] > best[0]:
                # A lexicon risk keeps its category when the classifier only raises it to urgent.
                category = best[2] if best[1] == "risk" else classifier.category(vector)
                best = (_RANK[level], level, category, "classifier", text)
    if not best[0]:
        return None
    return _alert(best[1], best[2], best[3], best[4])




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
