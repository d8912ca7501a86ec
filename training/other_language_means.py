"""What a question in another language is shown about drugs or means, with and without the page's rule.

    python training/other_language_means.py [--last 141] > training/other_language_means.json

Over the texts the writers of blind sets 3 to ``--last`` tagged as another language (a ``lang_…`` tag in
``style``), counts those that raise no alarm and are still shown, among their top five passages, one that names
drugs or means, or such a suggested question; once with the rule (``other_language`` in
data/crisis_policy.json) and once without it. Run it only on sets already scored: it reads their texts. Not
blind: the sets it reads are trained on. The committed output is round 97's, over sets 3 to 141.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import verbatim.search  # noqa: E402
from regression import fresh_searcher  # noqa: E402
from verbatim.safety import mentions_means  # noqa: E402


def other_language_texts(last: int) -> list[dict]:
    rows = []
    for n in range(3, last + 1):
        path = ROOT / "eval" / f"crisis-blind-{n}" / "blind.jsonl"
        if not path.exists():
            continue
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            tags = [t for t in str(row.get("style") or "").split(",") if t.startswith("lang_")]
            if tags:
                rows.append({**row, "language_tag": tags[0]})
    return rows


def count(searcher, rows: list[dict], rule: bool) -> dict:
    # The rule is switched by the same function the search asks, so nothing else differs between the two runs.
    verbatim.search.other_language_hides_means = lambda: rule
    counts: Counter = Counter()
    for row in rows:
        result = searcher.search(row["text"], 5)
        counts["texts"] += 1
        if result.crisis is not None and result.crisis.policy.alarm:
            continue  # an alarm hides them anyway
        noted = "with_note" if result.language is not None else "without_note"
        passage = any(mentions_means(" ".join(h.heading_path) + " " + h.text) for h in result.passages)
        suggestion = any(mentions_means(q) for q in result.suggestions)
        for shown, what in ((passage, "passage"), (suggestion, "suggestion")):
            if shown:
                counts[what] += 1
                counts[f"{what}:{row['level']}"] += 1
                counts[f"{what}:{noted}"] += 1
        if passage or suggestion:
            counts[f"either:{row['language_tag']}"] += 1
    return dict(sorted(counts.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--last", type=int, default=141, help="the last blind set to read (scored ones only)")
    args = parser.parse_args()
    searcher = fresh_searcher()
    rows = other_language_texts(args.last)
    print(json.dumps({"without_rule": count(searcher, rows, False), "with_rule": count(searcher, rows, True)}, indent=1))


if __name__ == "__main__":
    main()
