"""Label the weakly labelled real posts one by one: cut them into batches, then merge the labels.

    python training/weak_posts.py cut OUT_DIR [--source S]            # batches of {"id", "text"} for labellers
    python training/weak_posts.py merge L1.jsonl [L2 …] [--source S]  # labellers' files -> the source's labels file

Two sources of ``build_data.py`` carry a weak label, one for the whole text, from the dataset rather than from the
levels' rule (``SOURCES``):

- ``ct_reddit27``: 1,210 posts of construct-tracker's 27-subreddit file with the forum as their only label: every
  r/SuicideWatch post `risk`, and 40 posts of each other forum without suicidal words (``SUICIDAL_WORDS``) `none`.
  Round 65's first real set from ten of those other forums (``eval/crisis-real-8``) showed what such labels teach: of
  its 28 alarm posts the detector caught 7, and most misses were posts of the kind those `none` labels hold
  (self-harm, abuse, or suicidal thoughts in words the regular expression does not know). Labelled one by one since
  round 66 (``training/data/weak_post_labels.jsonl``).
- ``ct_rallypoint``: 2,031 RallyPoint comments (US service members and veterans) with the dataset's label, "mentions
  suicidal thoughts or behaviour" (`risk`) or not (`none`). Suicide among veterans is a common subject there, told
  from outside; the levels call that `topic`, the weak label `risk`. Round 78's first set of such comments
  (``eval/crisis-real-24``) raised alarms on 12 of 279 benign comments, 6 of them `topic`. Labelled one by one since
  round 79 (``training/data/weak_comment_labels.jsonl``).

Each label is given by a helper who saw only the posts, the article and ``docs/real-labelling-brief.md``, as the other
real posts are; ``build_data.py`` applies them (level and category) and the source keeps its name and its splits.

The cut is a fixed function of the posts (sorted, shuffled with the source's seed, dealt into its number of batches),
so it comes out the same from any checkout whose ``examples.jsonl`` holds the same posts of that source.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "data" / "examples.jsonl"


@dataclass(frozen=True)
class WeakSource:
    """A source whose labels come from its dataset, and where its labels by the one rule are kept."""

    name: str
    labels: Path
    seed: int
    batches: int
    prefix: str  # batch names: prefix + a, b, c, …


SOURCES = {s.name: s for s in (
    WeakSource("ct_reddit27", HERE / "data" / "weak_post_labels.jsonl", 20261205, 4, "weak_"),
    WeakSource("ct_rallypoint", HERE / "data" / "weak_comment_labels.jsonl", 20261209, 6, "weak_rp_"),
)}
DEFAULT = "ct_reddit27"


def posts(source: WeakSource) -> list[str]:
    rows = [json.loads(line) for line in EXAMPLES.read_text("utf-8").splitlines() if line.strip()]
    return sorted({r["text"] for r in rows if r["source"] == source.name})


def cut(source: WeakSource = SOURCES[DEFAULT]) -> dict[str, list[dict]]:
    """Batch name -> its posts, each {"id", "text"}."""
    texts = posts(source)
    random.Random(source.seed).shuffle(texts)
    out = {}
    for b in range(source.batches):
        name = f"{source.prefix}{'abcdefgh'[b]}"
        out[name] = [{"id": f"{name}-{i:03d}", "text": t} for i, t in enumerate(texts[b::source.batches], 1)]
    return out


def merge(label_files: list[Path], source: WeakSource = SOURCES[DEFAULT]) -> list[dict]:
    """One row per post: its text and the label its labeller gave (ids checked against the cut)."""
    by_id = {p["id"]: p for batch in cut(source).values() for p in batch}
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
    for command in sub.choices.values():
        command.add_argument("--source", choices=sorted(SOURCES), default=DEFAULT, help=f"default {DEFAULT}")
    args = parser.parse_args()
    source = SOURCES[args.source]
    if args.command == "cut":
        args.out.mkdir(parents=True, exist_ok=True)
        for name, items in cut(source).items():
            (args.out / f"{name}.jsonl").write_text(
                "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8")
            print(f"{args.out / name}.jsonl: {len(items)} posts")
    else:
        rows = merge(args.labels, source)
        source.labels.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
        print(f"{len(rows)} labels -> {source.labels}")


if __name__ == "__main__":
    main()
