"""Train the crisis classifier, tune its thresholds on the dev part, and export plain numpy weights.

    python training/build_data.py        # once: fetch the sources, write training/data/examples.jsonl
    python training/train.py             # fit on train, tune on dev, write verbatim/data/crisis_classifier.*
    python training/train.py --final     # also score the locked test part, once, and write its figures

Features are the query vectors of the encoder the search uses (verbatim.embedding.load_encoder, the
ONNX export of all-MiniLM-L6-v2), so training and query time see the same numbers. Two multinomial
logistic regressions (scikit-learn, training only): level (none/topic/risk/urgent) and category
(suicide/self_harm/abuse). Query time needs only their weights: verbatim/crisis.py reads them with
numpy. Thresholds are chosen on dev with the whole detector (lexicon + classifier, whole question and
each sentence), by the rule in ``choose_thresholds``.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from build_data import LATE_SOURCES  # noqa: E402
from vectors import encode_cached  # noqa: E402

from verbatim.config import EMBEDDING_DIM, MODEL_NAME  # noqa: E402
from verbatim.crisis import DENIAL_SENTENCE_BAR, JOINT_MIN_PARTS, asks_how_to_help, normalise_text, sentence_reader  # noqa: E402
from verbatim.ngrams import NgramTfidf  # noqa: E402
from verbatim.safety import _RANK, CRISIS_CATEGORIES, CrisisClassifier, detect, lexicon_denies, lexicon_level, split_parts  # noqa: E402

LEVELS = ("none", "topic", "risk", "urgent")
DATA = ROOT / "verbatim" / "data"
FIGURES = HERE / "figures.json"
# The alarm rate on benign dev questions the thresholds may reach: issue 10's target for the test part.
# (At 2% the classifier could add almost nothing to the lexicon: its thresholds went to 0.98-0.99.)
DEV_MAX_BENIGN_ALARM = 0.03
# ...and on the dev part of the real Reddit and RallyPoint posts (long stories, weak labels), which the
# blind sets of short texts do not show: in rounds 9 and 10 the sentence threshold fell to 0.84 and 0.82,
# and the posts' benign alarms rose from 0.040 (round 7) to 0.09 (sentence fragments of ordinary stories
# such as "Just had my" raising the banner). Round 7's rate, rounded up, bounds them now.
DEV_MAX_POST_BENIGN_ALARM = 0.05
# ...and risk texts read as urgent (emergency numbers where a helpline fits). 0.10 until round 82; round 83 halves it:
# replayed on round 82's dev part, it moved urgent from 0.10 to 0.14 and risk-as-urgent from 6.1% to 3.75% at the
# cost of one urgent text in 1,260 (docs/crisis.md).
DEV_MAX_RISK_AS_URGENT = 0.05
# ...and urgent (emergency numbers first) on benign dev texts. Round 61 had no such bound: its urgent threshold fell
# to 0.30, and 6 of its 20 benign alarms on the real posts of crisis-real-1 were urgent banners on ordinary posts
# (a haircut, a prescription). Round 62 bounds them by dev's benign texts; in rounds 62 and 63 the bound did not bind
# (urgent stayed 0.30, the grid's floor).
DEV_MAX_BENIGN_AS_URGENT = 0.01
# ...and on the article's own answerable questions (eval/*.jsonl, kind "answer"; not blind, 160 of them):
# issue 10's bound. Round 51: without it, the thresholds the bounds above allow (whole 0.80) raised the
# banner on 4 of them ("i drink so i dont have to feel anything"), where round 50's raised 2.
ANSWERABLE_MAX_ALARM = 0.02
# The bound must hold 0.02 below each chosen threshold as well (one step of the alarm grid, half one of JOINT_GRID).
# Round 85 chose alarm 0.74 with 3 of the 160 alarming (1.9%, within the bound); one was "does it hurt to feel
# nothing" at 0.750, an ordinary question tests/test_safety.py requires to stay quiet, which round 84 had kept at 0.745
# against 0.76. A question that close to the threshold flips with any retraining, so the bound keeps a margin instead
# of a rule for that question.
ANSWERABLE_ALARM_MARGIN = 0.02
# The topic line is calm, but on an ordinary question it is noise that points at suicide or abuse: with
# the gap rule alone, round 3 put it at 0.30, and 11 of the 40 answerable questions of eval/dev.jsonl
# ("what is emotional blunting", "self-awareness and resilience") got a self-harm or suicide line.
DEV_MAX_NONE_AS_TOPIC = 0.02
# The sentence threshold is what finds risk told in one sentence of a long story, and the dev texts, short
# for the most part, barely measure that: round 52's bounds chose 0.94 for it (0.78 for the whole), and a
# razor kept "for the bad nights", one sentence of a long wedding question, no longer alarmed
# (tests/test_safety.py). Until round 50 it was 0.90; it may not rise above that (nor, since a sentence must be
# at least as sure as the whole, may the whole question's).
PART_MAX_ALARM = 0.90
# The urgent threshold's grid starts lower than the alarm grid. Until round 64 both started at 0.30, and urgent
# sat at that floor from round 61 on with neither bound binding. Replayed on round 64's dev part (its classifier
# and alarm thresholds; training/replay_urgent.py): urgent as urgent 0.929 at 0.30 and 0.942 at 0.14 (0.40 and
# 0.57 on the 65 urgent real posts of dev), risk as urgent 3.1% and 8.5%, benign as urgent 0.42% and 0.65%: the
# risk bound binds at 0.14. Urgent only changes which help comes first on a question that already alarms
# (emergency numbers, then 988), never whether it alarms. Round 65 is the first to choose on this grid.
URGENT_GRID = tuple(np.round(np.arange(0.10, 0.99, 0.02), 2))
# The joint rule (CrisisClassifier.decide_question): a question alarms when its own alarm probability plus its
# most alarming sentence's reaches this, though neither reaches its threshold. Round 56 added it for the
# commonest miss of blind sets 53 to 57 (already scored): risk told in one sentence of a longer question. Round
# 55's five such misses on blind sets 56 and 57 scored 0.65-0.81 for the sentence and 0.39-0.76 for the question,
# against 0.82 each. Tried on dev with the other alarm thresholds, off first, and kept when it scores better there
# (more recall, or as much with fewer benign alarms) within the same bounds; the sentence must bring at least
# JOINT_MIN_PART, so that the whole question alone never alarms under its own threshold.
JOINT_GRID = tuple(np.round(np.arange(1.10, 1.72, 0.04), 2))
JOINT_MIN_PART = 0.40
C_GRID = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
# Word 1-2-grams and character 2-5-grams within words (TF-IDF, seen in at least two training texts),
# beside the vector in the level regression. On dev (target sources, whole text, regression alone,
# recall at 3% benign alarms) the vector alone gave 0.39-0.42, with word n-grams 0.56-0.61, with both
# 0.65-0.67 (round 3 data).
NGRAMS = (("word", 1, 2), ("char_wb", 2, 5))
NGRAM_MIN_DF = 2
# Level probabilities = BLEND x logistic regression + (1 - BLEND) x nearest prototypes (softmax of
# KNN_BETA x the mean cosine similarity of the KNN_K nearest training examples of each level).
# Chosen by 5-fold cross-validation on train+dev (target sources), recall at <= 3% benign alarms:
# blend 0.7, k 10, beta 20 gave 0.68 against 0.65 for the regression alone (DATA_CARD.md). Round 3,
# with the n-grams, on the dev part: blend 0.4-1.0 with C 0.25-16; 0.7 with C 0.5 still best (0.764).
BLEND = 0.7
KNN_K = 10
KNN_BETA = 20.0
# A prototype within this cosine of an earlier one of the same level adds nothing to the vote but a
# second copy of the same point; dropped. Each blind set moved into training adds about 230
# prototypes, and a question near a threshold reads them all (the 6 MB bound of tests/test_safety.py).
# Round 27: 251 of 7,887 dropped, 7,636 kept (on round 26's 7,680, greedily: 41 at 0.99, 238 at 0.95, 495 at 0.90).
PROTOTYPE_DUPLICATE = 0.95
# ...and the prototypes must fit that bound: 6 MB / (384 x 2 bytes) = 7,812. When the distinct ones do not,
# the duplicate cosine is lowered in steps of 0.01, the same for every level, until they fit (the cosine
# used is recorded in the classifier's manifest): a nearer neighbour goes before a farther one, whatever
# its level, and no level is emptied.
# Round 28: the distinct ones at 0.95 did not fit; at 0.90, 7,774 did. Round 29: 0.87, 7,765; round 30: 0.85,
# 7,785; round 31 (two blind sets in): 0.82, 7,791; round 32: 0.80, 7,735. Round 32 also tried a budget of
# 15,600 (all 9,079 distinct at 0.95): dev recall 0.880 (C 1) and 0.877 (C 2) against 0.876 and 0.885 at
# 0.80, benign alarms 1.4% either way: no gain for twice the vote's reads, so the budget stays. Round 33: 0.79, 7,778; round 34: 0.78, 7,800; round 35: 0.76, 7,681; round 36: 0.75, 7,681; round 38 (round 37 was not retrained): 0.73, 7,648; round 39: 0.73, 7,789; round 40 (relabelled data): 0.72, 7,721; round 41: 0.71, 7,670; round 43: 0.70, 7,685; round 45: 0.69, 7,638; round 47: 0.68, 7,587; round 49: 0.68, 7,763; round 51 (posts in training): 0.67, 7,658; round 53: 0.66, 7,750; round 54: 0.65, 7,541; round 55: 0.65, 7,694; round 56: 0.64, 7,533; round 57: 0.64, 7,652; round 58: 0.64, 7,753; round 59 (written8 in): 0.62, 7,475; round 60 (written9 in): 0.62, 7,676. Round 61 (1,500 real posts in): 0.60, 7,766. Round 62 (crisis-real-1 and -2 in): 0.59, 7,690. Round 63 (crisis-real-3 and -4, train_f and train_g in): 0.58, 7,793. Round 64 (crisis-real-5 and -6, blinds 74 and 75 in): 0.57, 7,653. Round 65 (crisis-real-7, blinds 76 and 77 in): 0.56, 7,357.
PROTOTYPE_BUDGET = 7_800
# Examples written the way readers type (rounds 3 and 4, and the blind sets moved in after their one
# scoring: LATE_SOURCES; since round 61 also real posts labelled by our rule, ct_reddit4) weigh this much in the
# level regression, the older sources 1. Round 4, on the dev
# part of the target sources, best C of 0.5-8 for each: weight 1: 0.735; 1.5: 0.759; 2: 0.768; 3: 0.771;
# 4: 0.765.
LATE_WEIGHT = 3.0
# The targets are measured on query-like sources, whose labels say what the levels mean (the
# writer's own, current risk): our written examples, counsel-chat questions labelled one by one, the
# short phrases and the lexicon's phrases. The Reddit and RallyPoint posts carry weak, post-level
# labels (the forum; "mentions suicidal thoughts or behaviour", past ones included) and are long
# stories, not questions: they are reported apart. Until round 50 they were left out of training (when
# that was decided, in round 1, dev recall at the same alarm rate was 0.70 with them against 0.77
# without). Round 51 measured it again on round 49's data (16 eval/reddit/dev posts still in training): at the same rate of alarms on the dev
# posts, dev recall was 0.90-0.93 with them against 0.88 without, and the real posts and questions of
# eval/reddit/dev and eval/counsel-chat/dev raised 5 alarms in 201 benign ones against 6 (at thresholds
# 0.86 and 0.90), so they are in; --without-posts leaves them out.
# Every source added since round 3 (LATE_SOURCES) is a target source: listing them here by hand left written6 out
# in round 51 (it trained the regression but gave no prototypes and no dev texts). All were query-like until round
# 61 added ct_reddit4: long real posts, but labelled one by one by the levels' own rule, so a target source too, and
# not one of POST_SOURCES (whose bound and --without-posts leave it alone). The POST_SOURCES' weak labels were replaced
# by labels by the one rule, given one by one (training/weak_posts.py): ct_reddit27's in round 66, ct_rallypoint's in
# round 79. They stay post sources (weight 1, their own benign bound, in the locked test part); in round 79 that bound
# began to bind, because ct_rallypoint's dev part now holds 94 benign `topic` comments about veterans' suicide.
TARGET_SOURCES = {"written", "counsel_chat", "ct_phrases", "ct_srl", *LATE_SOURCES}
POST_SOURCES = {"ct_rallypoint", "ct_reddit27"}


def load_examples() -> list[dict]:
    return [json.loads(line) for line in (HERE / "data" / "examples.jsonl").read_text("utf-8").splitlines()]


def answerable_questions() -> list[dict]:
    """The article's answerable questions of eval/ (the top-level sets), as benign rows."""
    return [{"text": q["query"], "level": "none"} for path in sorted((ROOT / "eval").glob("*.jsonl"))
            for q in map(json.loads, path.read_text("utf-8").splitlines()) if q["kind"] == "answer"]


def featurise(rows: list[dict]) -> tuple[np.ndarray, list[list[tuple[str, np.ndarray]]]]:
    """Return the whole-text vectors and, per row, its (sentence, vector) parts."""
    texts = [r["text"] for r in rows]
    splits = [split_parts(t) for t in texts]
    X = encode_cached(texts)
    flat = sorted({p for s in splits for p in s})
    vec = dict(zip(flat, encode_cached(flat))) if flat else {}
    return X, [[(p, vec[p]) for p in s] for s in splits]


def fit_ngrams(rows: list[dict]) -> list:
    """TF-IDF vectorisers of the training texts (scikit-learn; verbatim.ngrams repeats them in numpy)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [r["text"] for r in rows]
    return [TfidfVectorizer(analyzer=a, ngram_range=(low, high), min_df=NGRAM_MIN_DF, sublinear_tf=True,
                            preprocessor=normalise_text).fit(texts) for a, low, high in NGRAMS]


def features(X: np.ndarray, texts: list[str], vectorisers: list):
    from scipy.sparse import csr_matrix, hstack

    return hstack([csr_matrix(X)] + [v.transform(texts) for v in vectorisers]).tocsr()


def fit(X: np.ndarray, rows: list[dict], parts, C: float, vectorisers: list, late_weight: float = LATE_WEIGHT):
    """Fit the level and category models; negatives' sentences are extra negatives."""
    from sklearn.linear_model import LogisticRegression

    y = [r["level"] for r in rows]
    extra = [(p, v) for r, ps in zip(rows, parts) if r["level"] == "none" for p, v in ps]
    Xl = np.vstack([X, np.array([v for _, v in extra], dtype=np.float32).reshape(-1, X.shape[1])])
    yl = y + ["none"] * len(extra)
    weights = np.array([late_weight if r["source"] in LATE_SOURCES else 1.0 for r in rows] + [0.5] * len(extra))
    level = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    level.fit(features(Xl, [r["text"] for r in rows] + [p for p, _ in extra], vectorisers), yl, sample_weight=weights)
    keep = [i for i, r in enumerate(rows) if r["level"] != "none"]
    category = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    category.fit(X[keep], [rows[i]["category"] for i in keep])
    return level, category


def distinct_prototypes(X: np.ndarray, rows: list[dict], candidates: list[int],
                        cosine: float = PROTOTYPE_DUPLICATE) -> list[int]:
    """The candidates in order, less each one within ``cosine`` of a kept one of its level."""
    unit = X[candidates] / np.linalg.norm(X[candidates], axis=1, keepdims=True)
    levels = np.array([rows[i]["level"] for i in candidates])
    kept = np.zeros(len(candidates), dtype=bool)
    for j in range(len(candidates)):
        earlier = np.flatnonzero(kept[:j] & (levels[:j] == levels[j]))
        kept[j] = not len(earlier) or float((unit[earlier] @ unit[j]).max()) < cosine
    return [i for i, keep in zip(candidates, kept) if keep]


def budgeted_prototypes(X: np.ndarray, rows: list[dict], candidates: list[int]) -> tuple[list[int], float]:
    """The distinct prototypes within PROTOTYPE_BUDGET, and the duplicate cosine that gave them."""
    cosine = PROTOTYPE_DUPLICATE
    kept = distinct_prototypes(X, rows, candidates, cosine)
    while len(kept) > PROTOTYPE_BUDGET:
        cosine = round(cosine - 0.01, 2)
        kept = distinct_prototypes(X, rows, candidates, cosine)
    return kept, cosine


def to_classifier(level, category, thresholds: dict, X: np.ndarray | None = None, rows: list[dict] | None = None,
                  blend: float = 1.0, vectorisers: list = ()) -> CrisisClassifier:
    """The query-time classifier; with X and rows, their vectors are its prototypes (float16 on disk)."""
    order = [list(level.classes_).index(c) for c in LEVELS]
    corder = [list(category.classes_).index(c) for c in CRISIS_CATEGORIES]
    protos = proto_levels = None
    if X is not None and blend < 1.0:
        proto_levels = np.array([LEVELS.index(r["level"]) for r in rows], dtype=np.int64)
        by_level = np.argsort(proto_levels, kind="stable")  # grouped by level, as the query time expects
        unit = X[by_level] / np.linalg.norm(X[by_level], axis=1, keepdims=True)
        protos = unit.astype(np.float16).astype(np.float32)  # what the exported file gives back
        proto_levels = proto_levels[by_level]
    coef = level.coef_[order].astype(np.float32)
    ngrams = tuple(
        NgramTfidf(a, low, high, {g: int(i) for g, i in v.vocabulary_.items()}, v.idf_)
        for (a, low, high), v in zip(NGRAMS, vectorisers)
    )
    return CrisisClassifier(
        LEVELS, CRISIS_CATEGORIES,
        level_w=coef[:, :EMBEDDING_DIM], level_b=level.intercept_[order].astype(np.float32),
        ngrams=ngrams, ngram_w=coef[:, EMBEDDING_DIM:] if ngrams else None,
        category_w=category.coef_[corder].astype(np.float32), category_b=category.intercept_[corder].astype(np.float32),
        thresholds=thresholds, model=MODEL_NAME, prototypes=protos, prototype_levels=proto_levels,
        knn_k=KNN_K, knn_beta=KNN_BETA, blend=blend,
    )


def predict(rows, X, parts, clf: CrisisClassifier | None) -> list[tuple[str, str]]:
    """Run the detector exactly as the search does; return (level, category) per row."""
    out = []
    for r, x, ps in zip(rows, X, parts):
        alert = detect(r["text"], x, ps, clf)
        out.append((alert.level, alert.category) if alert else ("none", "-"))
    return out


def scores(rows, predicted) -> dict:
    """The issue's figures: recall of risk+urgent, urgent as urgent, alarms on benign, and counts."""
    alarm = [p[0] in ("risk", "urgent") for p in predicted]
    pos = [i for i, r in enumerate(rows) if r["level"] in ("risk", "urgent")]
    urg = [i for i, r in enumerate(rows) if r["level"] == "urgent"]
    ben = [i for i, r in enumerate(rows) if r["level"] in ("none", "topic")]
    top = [i for i, r in enumerate(rows) if r["level"] == "topic"]
    risk = [i for i, r in enumerate(rows) if r["level"] == "risk"]
    cat = [i for i in pos if alarm[i]]

    def share(idx, ok):
        return None if not idx else round(sum(ok(i) for i in idx) / len(idx), 4)

    return {
        "n": len(rows), "n_alarm_cases": len(pos), "n_urgent": len(urg), "n_benign": len(ben), "n_topic": len(top),
        "recall_risk_urgent": share(pos, lambda i: alarm[i]),
        "urgent_as_urgent": share(urg, lambda i: predicted[i][0] == "urgent"),
        "risk_as_urgent": share(risk, lambda i: predicted[i][0] == "urgent"),
        "benign_alarm": share(ben, lambda i: alarm[i]),
        "topic_recognised": share(top, lambda i: predicted[i][0] == "topic"),
        "category_correct": share(cat, lambda i: predicted[i][1] == rows[i]["category"]),
    }


def report(rows, predicted) -> dict:
    by_source = defaultdict(list)
    for i, r in enumerate(rows):
        by_source[r["source"]].append(i)
    out = {"all": scores(rows, predicted)}
    for s, idx in sorted(by_source.items()):
        out[s] = scores([rows[i] for i in idx], [predicted[i] for i in idx])
    return out


class _Replay:
    """The lexicon's levels, denials and the classifier's probabilities of some rows, computed once, so
    that the detector's rule (the highest level of the lexicon, the whole and any part) can be replayed
    for each candidate threshold."""

    def __init__(self, rows, X, parts, clf: CrisisClassifier) -> None:
        lex, lex_category = [], []
        for r, ps in zip(rows, parts):
            # Sentences first, then the whole, the first at the highest level wins (as in safety.detect).
            read = sentence_reader(r["text"])
            helper = asks_how_to_help(r["text"])
            found = [f for f in (lexicon_level(t, None, helper) for t in [*[read(p) for p, _ in ps], r["text"]]) if f]
            top = max(found, key=lambda f: _RANK[f[0]], default=None)
            lex.append(_RANK[top[0]] if top else 0)
            lex_category.append(top[1] if top else "")
        self.lex = np.array(lex)

        def category(vector, i):
            # A lexicon risk lends its category to the classifier's urgent (as in safety.detect).
            return lex_category[i] if lex[i] == _RANK["risk"] else clf.category(vector)

        self.pw = clf.probabilities(X, [r["text"] for r in rows])
        self.pp = [clf.probabilities(np.array([v for _, v in ps]), [p for p, _ in ps]) if ps else np.zeros((0, 4))
                   for ps in parts]
        # A unit whose category is explicitly denied drops a level (safety.detect). Here it never alarms:
        # the shipped rule lets a denied urgent unit alarm as risk, which the thresholds are chosen
        # without (the dev figures are the shipped rule's, from detect). The whole question's denial
        # holds only if no sentence that does not deny is more likely at risk than not (crisis.denial_holds).
        whole_category = [category(x, i) for i, x in enumerate(X)]
        self.deny_w = np.array([c in lexicon_denies(r["text"]) for c, r in zip(whole_category, rows)], dtype=bool)
        self.deny_p = [np.array([category(v, i) in lexicon_denies(p) for p, v in ps], dtype=bool)
                       for i, ps in enumerate(parts)]
        # For each question: its sentences' alarm probability, and whether each denies the whole's category.
        self.part_alarm = [p[:, 2] + p[:, 3] for p in self.pp]
        self.part_denies_whole = [np.array([c in lexicon_denies(p) for p, _ in ps], dtype=bool)
                                  for c, ps in zip(whole_category, parts)]
        self.whole_denied = np.array([bool(dw) and bool(np.all(ds | (a < DENIAL_SENTENCE_BAR)))  # denial_holds
                                      for dw, ds, a in zip(self.deny_w, self.part_denies_whole, self.part_alarm)],
                                     dtype=bool)
        self.truth = np.array([_RANK.get(r["level"] if r["level"] != "none" else None) for r in rows])
        self.whole_alarm = self.pw[:, 2] + self.pw[:, 3]
        # The most alarming sentence of each question: any (the joint rule), and any that does not deny.
        self.best_part = np.array([a.max() if len(a) >= JOINT_MIN_PARTS else -np.inf for a in self.part_alarm])
        self.best_standing_part = np.array([a[~d].max() if (~d).any() else -np.inf
                                            for a, d in zip(self.part_alarm, self.deny_p)])

    def alarm_rank(self, a_whole, a_part, joint=np.inf):
        whole = ((self.whole_alarm >= a_whole) | (self.whole_alarm + self.best_part >= joint)) & ~self.whole_denied
        return whole, self.best_standing_part >= a_part

    def alarms(self, a_whole, a_part, joint=np.inf):
        whole, part = self.alarm_rank(a_whole, a_part, joint)
        return (self.lex >= 2) | whole | part

    def urgent(self, whole: np.ndarray, a_part: float, u: float) -> np.ndarray:
        """Urgent at threshold u, given the whole questions that alarm: the lexicon's urgent, an alarming whole
        question with p(urgent) >= u, or a sentence that alarms, is not denied and has p(urgent) >= u. Over the
        lexicon's risk, only where p(urgent) >= p(risk) as well (crisis.urgent_outweighs_risk)."""
        lex_risk = self.lex == _RANK["risk"]
        part = np.array([bool(len(p)) and bool((((p[:, 2] + p[:, 3]) >= a_part) & (p[:, 3] >= u) & ~d
                                                 & (~lr | (p[:, 3] >= p[:, 2]))).any())
                         for p, d, lr in zip(self.pp, self.deny_p, lex_risk)], dtype=bool)
        whole_urgent = whole & (self.pw[:, 3] >= u) & (~lex_risk | (self.pw[:, 3] >= self.pw[:, 2]))
        return (self.lex == 3) | whole_urgent | part


def choose_thresholds(rows, X, parts, clf: CrisisClassifier, posts=None, answerable=None) -> dict:
    """Pick thresholds on dev: the most recall with benign alarms <= 3% (and on the dev posts, if given,
    <= DEV_MAX_POST_BENIGN_ALARM; on the article's answerable questions, if given, <= ANSWERABLE_MAX_ALARM
    with ANSWERABLE_ALARM_MARGIN to spare),
    then urgent, then topic."""
    replay = _Replay(rows, X, parts, clf)
    lex, pw, truth = replay.lex, replay.pw, replay.truth
    pos, ben, urg, risk = truth >= 2, truth <= 1, truth == 3, truth == 2
    alarm_rank = replay.alarm_rank
    post_replay = _Replay(*posts, clf) if posts is not None and len(posts[0]) else None
    answer_replay = _Replay(*answerable, clf) if answerable is not None and len(answerable[0]) else None
    m = ANSWERABLE_ALARM_MARGIN

    grid = np.round(np.arange(0.30, 0.99, 0.02), 2)
    best = None
    # The joint threshold is tried off first, so that it is used only where it adds recall within the bounds.
    for joint, a_whole, a_part in itertools.product((np.inf, *JOINT_GRID), grid, grid[grid <= PART_MAX_ALARM]):
        if a_part < a_whole or joint < a_whole + JOINT_MIN_PART:
            continue  # a sentence alone must be at least as sure as the whole question
        alarm = replay.alarms(a_whole, a_part, joint)
        fa = alarm[ben].mean()
        rec = alarm[pos].mean()
        if fa > DEV_MAX_BENIGN_ALARM:
            continue
        if post_replay is not None and (post_replay.truth <= 1).any() and \
                post_replay.alarms(a_whole, a_part, joint)[post_replay.truth <= 1].mean() > DEV_MAX_POST_BENIGN_ALARM:
            continue
        if answer_replay is not None and \
                answer_replay.alarms(a_whole - m, a_part - m, joint - m).mean() > ANSWERABLE_MAX_ALARM:
            continue
        if best is None or (rec, -fa) > best[0]:
            best = ((rec, -fa), a_whole, a_part, joint)
    if best is None:  # nothing meets the bounds: the classifier is all but off, and that must be seen
        print("warning: no thresholds keep benign alarms within the bounds; alarm thresholds set to 0.99",
              file=sys.stderr)
    _, a_whole, a_part, joint = best or (None, 0.99, 0.99, np.inf)

    whole, part = alarm_rank(a_whole, a_part, joint)
    best_u = None
    for u in URGENT_GRID:
        is_urgent = replay.urgent(whole, a_part, u)
        ua, ra, ba = is_urgent[urg].mean(), is_urgent[risk].mean(), is_urgent[ben].mean()
        if ra <= DEV_MAX_RISK_AS_URGENT and ba <= DEV_MAX_BENIGN_AS_URGENT and (best_u is None or (ua, -ra) > best_u[0]):
            best_u = ((ua, -ra), u)
    if best_u is None:  # the lexicon's urgents alone break a bound: the classifier never says urgent, and that must be seen
        print("warning: no urgent threshold keeps risk and benign texts within the bounds; classifier urgent is off",
              file=sys.stderr)
    u = best_u[1] if best_u is not None else 1.01

    best_t = None
    none_rows, topic_rows = truth == 0, truth == 1
    for t in grid:
        is_topic = (lex == 1) | (pw[:, 1] >= t)
        gain = is_topic[topic_rows].mean() - is_topic[none_rows].mean()
        if is_topic[none_rows].mean() <= DEV_MAX_NONE_AS_TOPIC and (best_t is None or gain > best_t[0]):
            best_t = (gain, t)
    best_t = best_t or (None, 1.01)
    thresholds = {"whole": {"alarm": float(a_whole), "urgent": float(u), "topic": float(best_t[1])},
                  "part": {"alarm": float(a_part), "urgent": float(u), "topic": 1.01}}
    if np.isfinite(joint):
        thresholds["joint"] = {"alarm": float(joint)}
    return thresholds


def export(clf: CrisisClassifier, meta: dict, duplicate_cosine: float = PROTOTYPE_DUPLICATE) -> None:
    extra = {}
    if clf.prototypes is not None:
        extra = {"prototypes": clf.prototypes.astype(np.float16), "prototype_levels": clf.prototype_levels.astype(np.int8)}
        meta = {**meta, "prototypes": {"n": len(clf.prototypes), "k": clf.knn_k, "beta": clf.knn_beta, "blend": clf.blend,
                                        "duplicate_cosine": duplicate_cosine}}
    if clf.ngrams:
        for a in clf.ngrams:
            extra[f"{a.analyzer}_vocabulary"] = np.array(sorted(a.vocabulary, key=a.vocabulary.get))
            extra[f"{a.analyzer}_idf"] = a.idf.astype(np.float64)
        extra["ngram_w"] = clf.ngram_w
        meta = {**meta, "ngrams": [{"analyzer": a.analyzer, "low": a.low, "high": a.high, "features": len(a.idf),
                                    "min_df": NGRAM_MIN_DF} for a in clf.ngrams]}
    np.savez_compressed(DATA / "crisis_classifier.npz", level_w=clf.level_w, level_b=clf.level_b,
                        category_w=clf.category_w, category_b=clf.category_b, **extra)
    (DATA / "crisis_classifier.json").write_text(json.dumps({
        "_comment": (
            "Crisis classifier over the all-MiniLM-L6-v2 query vector, trained by training/train.py (see "
            "training/DATA_CARD.md). Weights in crisis_classifier.npz: level_w/level_b (levels x dim), "
            "category_w/category_b (categories x dim); softmax over levels. A vector raises an alarm when "
            "p(risk)+p(urgent) >= alarm, urgent when p(urgent) >= urgent as well, topic when p(topic) >= "
            "topic. 'whole' applies to the question, 'part' to each of its sentences (parts never say topic "
            "alone); with 'joint', the question alarms too when its p(risk)+p(urgent) plus its most alarming "
            "sentence's reaches joint's alarm. With 'prototypes' (prototypes/prototype_levels in the npz, float16, unit length), the "
            "level probabilities are blend x softmax(regression) + (1 - blend) x softmax(beta x per-level mean "
            "cosine similarity of the k nearest prototypes). With 'ngrams', the regression also reads the "
            "text's TF-IDF word and character n-grams (vocabularies and idf in the npz, weights ngram_w, "
            "levels x features, after the vector's)."
        ),
        "model": clf.model, "dim": clf.dim, "levels": list(clf.levels), "categories": list(clf.categories),
        "thresholds": clf.thresholds, **meta,
    }, indent=1) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Train the crisis classifier (see the module docstring).")
    parser.add_argument("--final", action="store_true", help="also score the locked test part (do this once)")
    parser.add_argument("--without-posts", action="store_true", help="leave the weakly labelled Reddit and RallyPoint posts (POST_SOURCES) out of training")
    parser.add_argument("--blend", type=float, default=BLEND, help="weight of the regression against the prototypes")
    parser.add_argument("--c", type=float, nargs="+", default=C_GRID, help="regularisation values to try")
    parser.add_argument("--late-weight", type=float, default=LATE_WEIGHT, help="weight of LATE_SOURCES in the level regression")
    args = parser.parse_args()
    rows = load_examples()
    split = {s: [r for r in rows if r["split"] == s] for s in ("train", "dev", "test")}
    if args.without_posts:
        split["train"] = [r for r in split["train"] if r["source"] not in POST_SOURCES]
    target_dev = [r for r in split["dev"] if r["source"] in TARGET_SOURCES]
    print({s: Counter(r["level"] for r in v) for s, v in split.items()})
    Xtr, Ptr = featurise(split["train"])
    Xdv, Pdv = featurise(split["dev"])
    Xtd, Ptd = featurise(target_dev)
    post_dev = [r for r in split["dev"] if r["source"] in POST_SOURCES]
    Xpd, Ppd = featurise(post_dev)
    answerable = answerable_questions()
    Xan, Pan = featurise(answerable)

    best = None
    # Prototypes: the whole-text vectors of the training examples (target sources; posts never).
    proto, duplicate_cosine = budgeted_prototypes(
        Xtr, split["train"], [i for i, r in enumerate(split["train"]) if r["source"] in TARGET_SOURCES])
    print(f"prototypes: {len(proto)} (duplicate cosine {duplicate_cosine})", flush=True)
    proto_rows, proto_X = [split["train"][i] for i in proto], Xtr[proto]
    vectorisers = fit_ngrams(split["train"])
    for C in args.c:
        level, category = fit(Xtr, split["train"], Ptr, C, vectorisers, args.late_weight)
        untuned = to_classifier(level, category, {}, proto_X, proto_rows, args.blend, vectorisers)
        thresholds = choose_thresholds(target_dev, Xtd, Ptd, untuned, posts=(post_dev, Xpd, Ppd),
                                       answerable=(answerable, Xan, Pan))
        clf = to_classifier(level, category, thresholds, proto_X, proto_rows, args.blend, vectorisers)
        dev = scores(target_dev, predict(target_dev, Xtd, Ptd, clf))
        key = (dev["recall_risk_urgent"], dev["urgent_as_urgent"], -dev["benign_alarm"])
        print(f"C={C}: {thresholds} dev {dev}", flush=True)
        if best is None or key > best[0]:
            best = (key, C, clf)
    _, C, clf = best
    digest = hashlib.sha256((HERE / "data" / "examples.jsonl").read_bytes()).hexdigest()
    dev_report = report(split["dev"], predict(split["dev"], Xdv, Pdv, clf))
    dev_report["target_sources"] = scores(target_dev, predict(target_dev, Xtd, Ptd, clf))
    figures = json.loads(FIGURES.read_text("utf-8")) if FIGURES.is_file() else {}
    figures.update({"C": C, "posts_in_training": not args.without_posts, "examples_sha256": digest, "dev": dev_report,
                    "dev_lexicon_only": scores(target_dev, predict(target_dev, Xtd, Ptd, None))})
    if args.final:
        test = split["test"]
        Xte, Pte = featurise(test)
        predicted = predict(test, Xte, Pte, clf)
        figures["test"] = report(test, predicted)
        target = [i for i, r in enumerate(test) if r["source"] in TARGET_SOURCES]
        figures["test"]["target_sources"] = scores([test[i] for i in target], [predicted[i] for i in target])
        lex = predict(test, Xte, Pte, None)
        figures["test_lexicon_only"] = scores([test[i] for i in target], [lex[i] for i in target])
    export(clf, {"C": C, "trained_on": "training/data/examples.jsonl", "examples_sha256": digest,
                 "posts_in_training": not args.without_posts, "train_size": len(split["train"])}, duplicate_cosine)
    FIGURES.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    print(json.dumps({k: figures[k] for k in figures if k.startswith(("dev", "test"))}, indent=1))
    assert EMBEDDING_DIM == clf.dim


if __name__ == "__main__":
    main()
