"""Cut construct-tracker's second Reddit file into batches of real posts for people to label.

    python training/real_posts.py OUT_DIR [--blind] [--record]

construct-tracker 1.0.16 also ships ``reddit_mental_health_srl_counts.csv``: 4,160 Reddit posts, 1,040 each
from r/anxiety, r/bpd, r/depression and r/SuicideWatch, of which the 27-subreddit file that ``build_data.py``
uses holds only 3. No model has seen them, and they are how real people write, so they make a fresh test of
real wording and a source of real training text. Their only label is the subreddit, too weak for levels, so
each batch is labelled by a helper who sees the posts, the article and the labelling rule, never the detector.

The cut is made once, with a fixed seed, before anyone labels or scores: per subreddit, the posts (clipped as
``build_data.clip`` does, deduplicated, minus any text that training or ``eval/`` already holds) are sorted,
shuffled, and dealt out in order: 75 to ``test`` (the locked real-wording set, ``eval/crisis-real-1``),
75 each to ``train_a`` and ``train_b`` (training, after labelling); then, appended the same day, 75 each to
``train_c``, ``train_d`` and ``train_e`` (training) and to ``test2`` (a second locked set, ``eval/crisis-real-2``);
then 75 each to ``test3`` and ``test4`` (``eval/crisis-real-3`` and ``-4``, labelled and locked unread, scored by
round 62); then (round 62) 75 each to ``train_f`` and ``train_g`` (training) and to ``test5`` and ``test6``
(``eval/crisis-real-5`` and ``-6``, locked unread, scored by round 63); then (round 64) every post left, 62 to 65 per
subreddit, to ``test7`` (``eval/crisis-real-7``, 256 posts, locked unread, scored by round 64). None is left. A scored
test set moves into training with the next round (``build_data.TRAINED_REAL_SETS``).
Each batch file is JSON lines of {"id", "subreddit", "text"}; with ``--blind``, {"id", "text"} only: the copy a
labeller gets, which must not show the forum. The cut depends on which texts training and ``eval/`` hold, so every
run checks each batch against ``training/data/real_posts_manifest.json`` (id and text hash of every post dealt) and
stops if one has moved; ``--record`` writes the manifest after batches are appended.

A second cut (round 65) deals from the 27-subreddit file (``rmhd_27subreddits_260posts_test.csv``, 260 posts from each
of 27 forums), of which ``build_data.py`` trains on every r/SuicideWatch post and 40 of each other forum's posts
without suicidal words (weak labels), and ``eval/reddit*`` scores about 430 (answers). What is left of ten
mental-health forums (``FORUMS_27``; r/SuicideWatch has nothing left) is dealt the same way with its own seed:
30 per forum to ``test8`` (``eval/crisis-real-8``), then 30 to ``test9`` (``eval/crisis-real-9``), both locked unread
while round 65 trained; then (round 66) 45 each to ``train_h`` and ``train_i`` (training, from round 66, each post
labelled once) and 30 to ``test10`` (``eval/crisis-real-10``; 298 posts, one forum had only 28 left), labelled twice
and locked unread while round 66 trained. It leaves out any text the first file holds, so that a post in
both files is never in a test set and a training batch at once.

A third cut (round 68) deals from ten forums of the same file that neither cut had touched (``FORUMS_27_C``:
anxiety, loneliness, neurodivergent, divorce and legal-advice forums, and everyday ones such as r/guns and
r/personalfinance), with its own seed, 30 per forum to ``test11`` and then to ``test12`` (``eval/crisis-real-11``
and ``-12``), then 30 each to ``train_j`` and ``train_k`` (training, each post labelled once), leaving out every
text of the first two cuts as well; then (appended after round 68 was scored) 30 to ``test13``
(``eval/crisis-real-13``, labelled twice, locked for round 69) and 30 to ``train_l`` (training); then (while round
69 trained) every post left, 17 to 38 per forum (310 in all), to ``test14`` (``eval/crisis-real-14``, labelled twice, locked for
round 70). The third cut has nothing left.

A fourth cut (while round 69 trained) deals from the six forums of the file that no cut had touched (``FORUMS_27_D``:
r/conspiracy, r/Mindfulness, r/Teaching, r/UKPersonalFinance, r/ukpolitics, r/unitedkingdom), with its own seed,
leaving out the whole pool of the second and third cuts: 30 per forum to ``test15`` (``eval/crisis-real-15``) and
then 30 to ``train_m`` (training); then (after round 70 was scored) 30 to ``test16`` (``eval/crisis-real-16``,
labelled twice, locked for round 71) and 30 to ``train_n`` (training); then (while round 71 trained) 30
to ``test17`` (``eval/crisis-real-17``, labelled twice, locked for the round after 71) and 30 to ``train_o``; then
(while round 72 trained) every post left to ``test18`` (``eval/crisis-real-18``, labelled twice, locked for the round
after 72). The fourth cut has nothing left.

A fifth cut (round 76) deals from a file no earlier cut read: the Reddit rows of construct-tracker's
``rallypoint_reddit_mentalhealth_*.csv`` (``build_data.RALLYPOINT_FILES``; ``build_data.py`` reads only its RallyPoint rows, because every
Reddit row carries the label 1 whatever it says). Of its twelve forums, r/anxiety and r/depression are almost all in
the first file already; the other ten (``FORUMS_RP``: r/addiction, r/adhd, r/alcoholism, r/bipolarreddit,
r/healthanxiety, r/lonely, r/mentalhealth, r/ptsd, r/schizophrenia, r/socialanxiety) hold about 2,800 posts that no
training data, cut or evaluation set holds. It leaves out the first file and the whole 27-subreddit file (a post in
both belongs to the earlier file), with its own seed: 30 per forum to ``test19`` and then to ``test20``
(``eval/crisis-real-19`` and ``-20``, labelled twice, locked unread while round 76 trained); then 30 each to ``train_p``,
``train_q`` and ``train_r`` (training, each post labelled once) and to ``test21`` (``eval/crisis-real-21``, labelled
twice, locked unread), appended the same day; then 20 per forum to ``test22`` (``eval/crisis-real-22``; eight forums
have 18 to 20 left, so this takes them all), 140 each of what is left (r/ptsd and r/mentalhealth only) to ``train_s``
and ``train_t`` (training), and every post left to ``test23`` (``eval/crisis-real-23``, those two forums). The fifth
cut has nothing left after it.

A sixth cut (while round 78 trained) deals from the RallyPoint comments themselves: the ones labelled 0 that
``build_data.py`` leaves out (``build_data.left_out_comment``, about 60% of them; the rest train as ``ct_rallypoint``).
RallyPoint is a forum of serving members and veterans; its comments speak of suicide, trauma and weapons in everyday
military words, and their dataset label 0 (no suicide risk) says nothing of abuse or urgency, so they are labelled
by the one rule like every other cut. Grouped by the comment's set in the file (eight of them), with its own seed:
35 per set to ``test24`` (``eval/crisis-real-24``, labelled twice, locked unread while round 78 trained); then, appended
the same day, 35 per set to ``test25`` (``eval/crisis-real-25``, labelled twice, locked unread for the round after 78)
and to ``train_u`` and ``train_v`` (training, each comment labelled once; trained on since round 79, as the source
``ct_rallypoint_labelled``). Appended while round 79 trained: 35 per set to ``test26`` (``eval/crisis-real-26``, labelled
twice, locked unread; set 3 has 30 left, so 275), then 35 per set to ``train_w`` and ``train_x`` (training, each
comment labelled once; 219 and 151, as sets run out; trained on since round 80). Appended while round 80 trained,
from the four sets with comments left: 35 per set to ``test27`` (``eval/crisis-real-27``), ``train_y`` and ``test28``
(``eval/crisis-real-28``), each 140, then the rest, 344, to ``train_z``; the cut is spent. ``train_y`` and ``train_z``
are trained on since round 81.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_data import (HERE, RALLYPOINT_COMMENTS, RALLYPOINT_FILES, REDDIT_POSTS, clip, fetch_wheel,  # noqa: E402
                        left_out_comment, read_csv)

SEED = 20261203
FILE = "construct_tracker/data/reddit_mental_health_srl_counts.csv"
# Posts per subreddit, dealt in this order (None: every post left). Batches are only ever appended, so earlier
# ones never change; test7 took the rest, so nothing is left to append.
BATCHES: dict[str, int | None] = {
    "test": 75, "train_a": 75, "train_b": 75, "train_c": 75, "train_d": 75, "train_e": 75, "test2": 75, "test3": 75,
    "test4": 75, "train_f": 75, "train_g": 75, "test5": 75, "test6": 75, "test7": None,
}
# The second cut: what is left of ten mental-health forums in the 27-subreddit file (187-214 each before test8).
FILE_27 = "construct_tracker/data/datasets/reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv"
SEED_27 = 20261204
FORUMS_27 = ("addiction", "alcoholism", "bipolarreddit", "bpd", "depression", "edanonymous", "lonely", "mentalhealth",
             "ptsd", "schizophrenia")
BATCHES_27: dict[str, int | None] = {"test8": 30, "test9": 30, "train_h": 45, "train_i": 45, "test10": 30}
# The third cut (round 68): ten forums of the same file that no cut has dealt from, chosen for the readers they
# bring that the first two cuts lacked: loneliness and anxiety forums, abuse told as a legal or divorce question,
# and everyday forums whose words (guns, debt, pills, school) look like crisis wording without being it.
FORUMS_27_C = ("adhd", "anxiety", "autism", "divorce", "foreveralone", "guns", "healthanxiety", "legaladvice",
               "personalfinance", "socialanxiety")
SEED_27_C = 20261205
BATCHES_27_C: dict[str, int | None] = {"test11": 30, "test12": 30, "train_j": 30, "train_k": 30, "test13": 30, "train_l": 30,
                                       "test14": None}
# The fourth cut (while round 69 trained): the six forums of the file no cut had dealt from, all everyday ones
# (r/SuicideWatch aside, whose every post trains). Their posts speak of crisis subjects from outside: a teacher's
# pupil who self-harms, knife crime and suicide figures in the news, a debt that feels like the end. They test and
# teach the line between `topic` and an alarm.
FORUMS_27_D = ("conspiracy", "mindfulness", "teaching", "ukpersonalfinance", "ukpolitics", "unitedkingdom")
SEED_27_D = 20261206
BATCHES_27_D: dict[str, int | None] = {"test15": 30, "train_m": 30, "test16": 30, "train_n": 30,
                                       "test17": 30, "train_o": 30, "test18": None}
# The fifth cut (round 76): the Reddit rows of the RallyPoint file, forums with posts left after the first file.
FORUMS_RP = ("addiction", "adhd", "alcoholism", "bipolarreddit", "healthanxiety", "lonely", "mentalhealth", "ptsd",
             "schizophrenia", "socialanxiety")
SEED_RP = 20261207
BATCHES_RP: dict[str, int | None] = {"test19": 30, "test20": 30, "train_p": 30, "train_q": 30, "train_r": 30,
                                     "test21": 30, "test22": 20, "train_s": 140, "train_t": 140, "test23": None}
# The sixth cut (while round 78 trained): the RallyPoint comments training leaves out, by their set in the file.
SEED_RC = 20261208
BATCHES_RC: dict[str, int | None] = {"test24": 35, "test25": 35, "train_u": 35, "train_v": 35,
                                     "test26": 35, "train_w": 35, "train_x": 35, "test27": 35, "train_y": 35,
                                     "test28": 35, "train_z": None}
PREFIX = 80  # characters compared, whitespace squeezed and lowercased, to find texts already used
MANIFEST = HERE / "data" / "real_posts_manifest.json"


def _key(text: str) -> str:
    return " ".join(text.split()).lower()[:PREFIX]


def used_texts() -> set[str]:
    """Texts the training data or any evaluation set already holds, except these batches' own (so the cut
    stays the same after its labelled batches join the training data and the test batch joins eval/)."""
    root = HERE.parent
    seen = set()
    for line in (HERE / "data" / "examples.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["source"] not in (REDDIT_POSTS, RALLYPOINT_COMMENTS):
            seen.add(_key(row["text"]))
    for path in (root / "eval").rglob("*.jsonl"):
        if path.parent.name.startswith("crisis-real"):
            continue
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            for field in ("text", "query", "question"):
                if isinstance(row.get(field), str):
                    seen.add(_key(row[field]))
    return seen


def batches(wheel: Path) -> dict[str, list[dict]]:
    """Every batch of the six cuts, by name."""
    with zipfile.ZipFile(wheel) as z:
        rows, rows_27 = read_csv(z, FILE), read_csv(z, FILE_27)
        rows_rp = [r for name in RALLYPOINT_FILES for r in read_csv(z, name)]
    used = used_texts()
    out = _deal(rows, "document", used, SEED, BATCHES)
    # Each cut of the 27-subreddit file leaves out the first file and the whole pool of every earlier cut's forums,
    # not only what that cut has dealt so far: a cross-posted post belongs to the earlier cut, and appending to an
    # earlier cut can never move a later cut's post.
    left_out = used | {_key(clip(r["document"])) for r in rows}
    for forums, seed, plan in ((FORUMS_27, SEED_27, BATCHES_27), (FORUMS_27_C, SEED_27_C, BATCHES_27_C),
                               (FORUMS_27_D, SEED_27_D, BATCHES_27_D)):
        pool = [r for r in rows_27 if r["subreddit"].lower() in forums]
        out |= _deal(pool, "post", left_out, seed, plan)
        left_out = left_out | {_key(clip(r["post"])) for r in pool}
    # The fifth cut leaves out the whole 27-subreddit file, not only the four cuts' pools: its other posts train.
    left_out = left_out | {_key(clip(r["post"])) for r in rows_27}
    pool = [{"subreddit": forum, "doc": r["doc"]} for r in rows_rp
            if r["source"].startswith("reddit ") and (forum := r["source"].removeprefix("reddit ")).lower() in FORUMS_RP]
    out |= _deal(pool, "doc", left_out, SEED_RP, BATCHES_RP)
    # The sixth cut: comments, not Reddit posts, so no earlier cut's pool can hold them; ``used`` keeps out any that
    # training (the kept 40%) or eval/ already holds word for word.
    comments = [{"subreddit": r["source"].removeprefix("rallypoint "), "doc": r["doc"]} for r in rows_rp
                if left_out_comment(r)]
    out |= _deal(comments, "doc", used, SEED_RC, BATCHES_RC)
    return out


def _deal(rows: list[dict], column: str, used: set[str], seed: int, plan: dict[str, int | None]) -> dict[str, list[dict]]:
    by_sub: dict[str, set[str]] = {}
    for r in rows:
        text = clip(r[column])
        if len(text) > 20 and _key(text) not in used:
            by_sub.setdefault(r["subreddit"].lower(), set()).add(text)
    # A post cross-posted to two forums of one cut is dealt once, from the first forum in sorted order: otherwise it
    # could sit in a test batch and a training batch at once.
    kept: set[str] = set()
    for sub in sorted(by_sub):
        mine = {t for t in by_sub[sub] if _key(t) not in kept}
        kept |= {_key(t) for t in mine}
        by_sub[sub] = mine
    out: dict[str, list[dict]] = {name: [] for name in plan}
    rng = random.Random(seed)
    for sub in sorted(by_sub):
        texts = sorted(by_sub[sub])
        rng.shuffle(texts)
        start = 0
        for name, take in plan.items():
            end = len(texts) if take is None else start + take
            out[name] += [{"subreddit": sub, "text": t} for t in texts[start:end]]
            start = end
    for name, items in out.items():
        random.Random(f"{seed}-{name}").shuffle(items)  # mix subreddits so a labeller can't read them in blocks
        for i, item in enumerate(items, 1):
            item["id"] = f"{name}-{i:03d}"
    return out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def check_manifest(cut: dict[str, list[dict]]) -> None:
    """Stop if any batch the manifest records no longer comes out the same (ids and texts)."""
    if not MANIFEST.is_file():
        return
    recorded = json.loads(MANIFEST.read_text("utf-8"))
    for name, pairs in recorded.items():
        now = [[item["id"], _digest(item["text"])] for item in cut.get(name, [])]
        if now != pairs:
            sys.exit(f"Error: batch {name} no longer matches {MANIFEST.name}: the texts that training or eval/ hold "
                     "have changed which posts are left out. Find the new text that shares an opening with one of "
                     "these posts and keep it out, or label new batches; never relabel these.")


def main() -> None:
    parser = argparse.ArgumentParser(description="Cut real Reddit posts into batches for labelling.")
    parser.add_argument("out", type=Path, help="folder for the batch files")
    parser.add_argument("--blind", action="store_true", help="write id and text only (the labellers' copies)")
    parser.add_argument("--record", action="store_true", help="write the manifest of every batch (after appending)")
    args = parser.parse_args()
    cut = batches(fetch_wheel())
    check_manifest(cut)  # before recording: appending batches must never change the recorded ones
    if args.record:
        MANIFEST.write_text(json.dumps({name: [[i["id"], _digest(i["text"])] for i in items]
                                        for name, items in cut.items()}, indent=0) + "\n", "utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    fields = ("id", "text") if args.blind else ("id", "subreddit", "text")
    for name, items in cut.items():
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
            for item in items:
                f.write(json.dumps({k: item[k] for k in fields}, ensure_ascii=False) + "\n")
        print(f"{args.out / name}.jsonl: {len(items)} posts")


if __name__ == "__main__":
    main()
