"""Merge helpers' labels of a batch of real posts (training/real_posts.py) into one file.

    python training/merge_labels.py disputes BATCH.jsonl L1.jsonl L2.jsonl --out disputes.jsonl
    python training/merge_labels.py merge BATCH.jsonl L1.jsonl [L2.jsonl] [--adjudicated ADJ.jsonl] --out OUT.jsonl

BATCH is the batch as ``real_posts.py`` writes it without ``--blind`` (id, subreddit, text); each L is one
labeller's ``labels.jsonl`` (id, level, category, reason, borderline). A test set is labelled twice: ``disputes``
writes the posts whose level or category differ, with both labels, for a third session to decide; ``merge`` then
takes the agreed label, else the adjudicated one, and marks a post borderline when any labeller found it so or the
labellers disagreed on it (an adjudicated post is borderline whatever the adjudicator says: two careful readers
differed; this is how crisis-real-1 to -4 were merged). A training batch has one labeller: its labels are taken as they are.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def read(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


def _label(row: dict) -> tuple[str, str | None]:
    category = row.get("category")
    return row["level"], None if category in (None, "null", "-") else category


def disputes(batch: dict[str, dict], first: dict[str, dict], second: dict[str, dict]) -> list[dict]:
    """Posts the two labellers label differently (level or category), with both labels."""
    return [{"id": i, "text": post["text"],
             "labels": [{k: lab[i].get(k) for k in ("level", "category", "reason")} for lab in (first, second)]}
            for i, post in batch.items() if _label(first[i]) != _label(second[i])]


def merge(batch: dict[str, dict], labels: list[dict[str, dict]], adjudicated: dict[str, dict]) -> list[dict]:
    """One row per post: the agreed label, else the adjudicated one."""
    out = []
    for i, post in batch.items():
        agreed = len({_label(lab[i]) for lab in labels}) == 1
        if not agreed and i not in adjudicated:
            sys.exit(f"Error: {i}: the labellers disagree and no adjudicated label is given; run `disputes` first.")
        level, category = _label(labels[0][i] if agreed else adjudicated[i])
        borderline = any(lab[i].get("borderline") for lab in labels) or i in adjudicated
        how = "single" if len(labels) == 1 else "agreed" if agreed else "adjudicated"
        out.append({"id": i, "text": post["text"], "level": level, "category": category,
                    "subreddit": post["subreddit"], "borderline": bool(borderline), "labels": how,
                    "reason": (labels[0][i] if agreed else adjudicated[i]).get("reason", "")})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("disputes", "merge"))
    parser.add_argument("batch", type=Path)
    parser.add_argument("labels", type=Path, nargs="+", help="one or two labellers' labels.jsonl")
    parser.add_argument("--adjudicated", type=Path, help="the third session's labels of the disputed posts")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    batch = read(args.batch)
    labels = [read(p) for p in args.labels]
    for path, lab in zip(args.labels, labels):
        if set(lab) != set(batch):
            sys.exit(f"Error: {path} labels {len(set(lab) - set(batch))} posts the batch lacks and misses "
                     f"{len(set(batch) - set(lab))} of its {len(batch)}; it must label each post of the batch once.")
    if args.command == "disputes":
        if len(labels) != 2:
            sys.exit("Error: disputes needs two labellers' files.")
        rows = disputes(batch, *labels)
    else:
        rows = merge(batch, labels, read(args.adjudicated) if args.adjudicated else {})
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(f"{len(rows)} posts -> {args.out}")


if __name__ == "__main__":
    main()
