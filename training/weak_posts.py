"""Label the weakly labelled Reddit posts one by one: cut them into batches, then merge the labels.

    python training/weak_posts.py cut OUT_DIR            # batches of {"id", "text"} for labellers
    python training/weak_posts.py merge L1.jsonl [L2 …]  # labellers' files -> training/data/weak_post_labels.jsonl

``build_data.py`` trains on 1,210 posts of construct-tracker's 27-subreddit file (``ct_reddit27``) with the
forum as their only label: every r/SuicideWatch post `risk`, and 40 posts of each other forum without suicidal
words (``SUICIDAL_WORDS``) `none`. Round 65's first real set from ten of those other forums (``eval/crisis-real-8``)
showed what such labels teach: of its 28 alarm posts the detector caught 7, and most misses were posts of the kind
those `none` labels hold (self-harm, abuse, or suicidal thoughts in words the regular expression does not know).
So since round 66 each of these posts carries a label by the one labelling rule, given by a helper who saw only the
posts, the article and ``docs/real-labelling-brief.md``, as the other real posts are; ``build_data.py`` applies them
(level and category) and the source keeps its name and its splits.

The cut is a fixed function of the posts (sorted, shuffled with ``SEED``, dealt into ``BATCHES`` batches), so it
comes out the same from any checkout whose ``examples.jsonl`` holds the same ``ct_reddit27`` posts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "data" / "examples.jsonl"
LABELS = HERE / "data" / "weak_post_labels.jsonl"
SOURCE = "ct_reddit27"
SEED = 20261205
BATCHES = 4


def posts() -> list[str]:
    rows = [json.loads(line) for line in EXAMPLES.read_text("utf-8").splitlines() if line.strip()]
    return sorted({r["text"] for r in rows if r["source"] == SOURCE})


def cut() -> dict[str, list[dict]]:
    """Batch name -> its posts, each {"id", "text"}."""
    texts = posts()
    random.Random(SEED).shuffle(texts)
    out = {}
    for b in range(BATCHES):
        name = f"weak_{'abcdefgh'[b]}"
        out[name] = [{"id": f"{name}-{i:03d}", "text": t} for i, t in enumerate(texts[b::BATCHES], 1)]
    return out


def merge(label_files: list[Path]) -> list[dict]:
    """One row per post: its text and the label its labeller gave (ids checked against the cut)."""
    by_id = {p["id"]: p for batch in cut().values() for p in batch}
    out = []
    for path in label_files:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            lab = json.loads(line)
            post = by_id.pop(lab["id"], None)
            if post is None:
                sys.exit(f"Error: {path}: id {lab['id']} is not in the cut, or labelled twice.")
            category = None if lab.get("category") in (None, "null", "-") else lab["category"]
            out.append({"id": lab["id"], "text": post["text"], "level": lab["level"], "category": category,
                        "reason": lab.get("reason", ""), "borderline": bool(lab.get("borderline"))})
    if by_id:
        sys.exit(f"Error: {len(by_id)} posts have no label (first: {next(iter(by_id))}).")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Cut the weakly labelled posts into batches, or merge their labels.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("cut").add_argument("out", type=Path, help="folder for the batch files")
    sub.add_parser("merge").add_argument("labels", type=Path, nargs="+", help="labellers' labels.jsonl files")
    args = parser.parse_args()
    if args.command == "cut":
        args.out.mkdir(parents=True, exist_ok=True)
        for name, items in cut().items():
            (args.out / f"{name}.jsonl").write_text(
                "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8")
            print(f"{args.out / name}.jsonl: {len(items)} posts")
    else:
        rows = merge(args.labels)
        LABELS.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        print(f"{len(rows)} labels -> {LABELS}")


if __name__ == "__main__":
    main()
