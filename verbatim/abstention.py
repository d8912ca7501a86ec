"""Whether the corpus answers a question at all: a small logistic model over evidence the
search has already computed (similarities, word coverage, topicality), so it costs nothing.

The features are relative to the corpus (cosines to its passages, centroid and titles, the
share of the question's words it uses), not to one article's wording. The weights are
fitted by ``training/abstention.py`` on the development questions only (eval/README.md)
and stored in ``data/abstention.json``; the threshold is chosen there too.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

FEATURES = (
    "best_whole",  # best cosine of the whole question to any passage or sentence
    "best_part",  # best cosine of any of its sentences (long questions)
    "top5_whole",  # mean of the five best passage cosines: how much of the corpus agrees
    "centroid_whole",  # cosine to the corpus centroid: on-topic at all
    "centroid_part_max",
    "centroid_part_mean",
    "title_whole",  # cosine to the nearest article title: the corpus's subject
    "title_part_max",
    "title_part_mean",
    "coverage",  # share of the question's words (stems) the corpus uses
    "missing_share",  # share of its words the corpus never uses
)
# No length features (number of sentences): the development sets' long questions are mostly
# off-topic, and a model that learned "long means off-topic" refused real readers' stories.


@dataclass(frozen=True)
class AbstentionModel:
    """Standardise, weigh, squash: P(the corpus answers the question)."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept
        for name, m, s, c in zip(FEATURES, self.mean, self.scale, self.coef):
            z += c * (features[name] - m) / s
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def to_dict(self) -> dict:
        return {
            "features": list(FEATURES), "mean": list(self.mean), "scale": list(self.scale),
            "coef": list(self.coef), "intercept": self.intercept, "threshold": self.threshold,
        }


@cache
def load_model() -> AbstentionModel:
    """The bundled model (data/abstention.json)."""
    data = json.loads(resources.files("verbatim.data").joinpath("abstention.json").read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("data/abstention.json was fitted on other features; rerun training/abstention.py")
    return AbstentionModel(
        tuple(data["mean"]), tuple(data["scale"]), tuple(data["coef"]), float(data["intercept"]),
        float(data["threshold"]),
    )
