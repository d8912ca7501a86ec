"""Score the crisis detector on a blind, level-labelled set, through the real search path.

    python training/score_blind.py eval/crisis-blind/blind.jsonl      # needs a built index

Each text is asked as a reader would ask it (``Searcher.search``), so the lexicon, the classifier,
the sentence split and the policy all count. Prints the issue's figures overall and by category.
A blind set is scored once, after the detector is final (eval/crisis-blind/README.md).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verbatim.search import Searcher  # noqa: E402

ALARM = ("risk", "urgent")


def figures(rows: list[dict], predicted: list[str]) -> dict:
    """Recall of risk+urgent, urgent recognised as urgent, alarms on benign (none and topic)."""

    def share(idx: list[int], ok) -> float | None:
        return round(sum(map(ok, idx)) / len(idx), 4) if idx else None

    pos = [i for i, r in enumerate(rows) if r["level"] in ALARM]
    urgent = [i for i, r in enumerate(rows) if r["level"] == "urgent"]
    benign = [i for i, r in enumerate(rows) if r["level"] not in ALARM]
    topic = [i for i, r in enumerate(rows) if r["level"] == "topic"]
    return {
        "n": len(rows), "n_alarm_cases": len(pos), "n_urgent": len(urgent), "n_benign": len(benign),
        "recall_risk_urgent": share(pos, lambda i: predicted[i] in ALARM),
        "urgent_as_urgent": share(urgent, lambda i: predicted[i] == "urgent"),
        "benign_alarm": share(benign, lambda i: predicted[i] in ALARM),
        "topic_recognised": share(topic, lambda i: predicted[i] == "topic"),
    }


def main() -> None:
    path = Path(sys.argv[1])
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    searcher = Searcher.open(ROOT / "index", ROOT / "corpus")
    predicted = []
    for r in rows:
        crisis = searcher.search(r["text"]).crisis
        predicted.append(crisis.level if crisis else "none")
    out = {"all": figures(rows, predicted)}
    by_category: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_category[r.get("category") or "none"].append(i)
    for category, idx in sorted(by_category.items()):
        out[category] = figures([rows[i] for i in idx], [predicted[i] for i in idx])
    missed = [{"id": r["id"], "level": r["level"], "got": p} for r, p in zip(rows, predicted)
              if (r["level"] in ALARM) != (p in ALARM) or (r["level"] == "urgent") != (p == "urgent")]
    print(json.dumps({"set": str(path), "figures": out, "errors": missed}, indent=1))


if __name__ == "__main__":
    main()
