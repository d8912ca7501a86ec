"""Score the crisis detector on a blind, level-labelled set, through the real search path.

    python training/score_blind.py eval/crisis-blind/blind.jsonl      # needs a built index

Each text is asked as a reader would ask it (``Searcher.search``), so the lexicon, the classifier,
the sentence split and the policy all count. Prints the issue's figures overall and by category,
computed by ``train.scores`` exactly as for the detector's locked test part. Also says which texts got
the note for a question not in English (``verbatim.language``), which is not an alarm and is not
counted as one.
A blind set is scored once, after the detector is final (eval/crisis-blind/README.md).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

from train import scores  # noqa: E402  (the same figures as the locked test part's)
from verbatim.search import Searcher  # noqa: E402

ALARM = ("risk", "urgent")


def main() -> None:
    path = Path(sys.argv[1])
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    searcher = Searcher.open(ROOT / "index", ROOT / "corpus")
    predicted, noted = [], []
    for r in rows:
        result = searcher.search(r["text"])
        crisis = result.crisis
        predicted.append((crisis.level, crisis.category) if crisis else ("none", "-"))
        noted.append(result.language is not None)
    out = {"all": scores(rows, predicted)}
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_category[r.get("category") if r.get("category") not in (None, "null") else "none"].append(i)
    for category, idx in sorted(by_category.items()):
        out[category] = scores([rows[i] for i in idx], [predicted[i] for i in idx])
    missed = [{"id": r["id"], "level": r["level"], "got": p, "language_note": n}
              for r, (p, _), n in zip(rows, predicted, noted)
              if (r["level"] in ALARM) != (p in ALARM) or (r["level"] == "urgent") != (p == "urgent")]
    language = {"notes": sum(noted),
                "alarms_missed_with_the_note": sum(1 for r, (p, _), n in zip(rows, predicted, noted)
                                                   if r["level"] in ALARM and p not in ALARM and n)}
    print(json.dumps({"set": str(path), "figures": out, "language": language, "errors": missed}, indent=1))


if __name__ == "__main__":
    main()
