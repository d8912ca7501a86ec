"""Regression check of the crisis detector on the project's own question sets (eval/*.jsonl).

    python training/regression.py [--out training/regression.json]

Runs every question through the real search (index built from corpus/ into training/.cache/index),
and counts, per set and kind: alarms (a risk or urgent level: the full banner) and any crisis level; and, over the
real-wording sets (eval/reddit*, eval/counsel-chat), alarms on the answerable posts no labeller flagged as a crisis.
Not blind: these sets were seen while the lexicon was written (README, "Measured"); the detector's
blind figures are the locked test part in training/figures.json.
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

from verbatim.embedding import load_encoder  # noqa: E402
from verbatim.index import build_index  # noqa: E402
from verbatim.search import Searcher  # noqa: E402


def fresh_searcher() -> Searcher:
    """A searcher over an index built now from corpus/ (training/.cache/index), not the served one."""
    encoder = load_encoder()
    index = HERE / ".cache" / "index"
    build_index(ROOT / "corpus", index, encoder)
    return Searcher.open(index, ROOT / "corpus", encoder=encoder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "regression.json", help="where to write the figures")
    args = parser.parse_args()
    searcher = fresh_searcher()
    figures, misses = {}, []
    for path in sorted((ROOT / "eval").glob("*.jsonl")):
        counts: Counter = Counter()
        for line in path.read_text("utf-8").splitlines():
            q = json.loads(line)
            result = searcher.search(q["query"])
            alert = result.crisis
            kind = q["kind"]
            counts[(kind, "n")] += 1
            counts[(kind, "alarm")] += bool(alert and alert.policy.alarm)
            counts[(kind, alert.level if alert else "none")] += 1
            if (kind == "crisis") != bool(alert and alert.policy.alarm):
                misses.append({"set": path.name, "kind": kind, "query": q["query"], "level": alert and alert.level})
        figures[path.name] = {f"{k}:{what}": v for (k, what), v in sorted(counts.items())}
    answerable = [(s[f"answer:alarm"], s[f"answer:n"]) for s in figures.values()]
    real = real_answerable_alarms(searcher)
    crisis = [(s.get("crisis:alarm", 0), s.get("crisis:n", 0)) for s in figures.values()]
    figures["all"] = {
        "answerable_alarm_rate": round(sum(a for a, _ in answerable) / sum(n for _, n in answerable), 4),
        "answerable_n": sum(n for _, n in answerable),
        "crisis_alarm_rate": round(sum(a for a, _ in crisis) / sum(n for _, n in crisis), 4),
        "crisis_n": sum(n for _, n in crisis),
        # Real posts and questions the article answers (eval/reddit*, eval/counsel-chat), less those whose labeller
        # flagged a crisis: alarms there hold back passages a reader about numbness came for.
        "real_answerable_alarm_rate": round(sum(a for a, _ in real.values()) / max(1, sum(n for _, n in real.values())), 4),
        "real_answerable_n": sum(n for _, n in real.values()),
        "real_answerable_by_set": {name: {"alarm": a, "n": n} for name, (a, n) in real.items()},
    }
    figures["disagreements"] = misses
    args.out.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    print(json.dumps(figures, indent=1))


def real_answerable_alarms(searcher: Searcher) -> dict[str, tuple[int, int]]:
    """Per real-wording set of eval/ (its dev and test parts): alarms on the answerable posts no labeller flagged
    as a crisis, and how many there are."""
    out = {}
    for path in sorted((ROOT / "eval").glob("*/*.jsonl")):
        # Only the real-wording answer sets: a written blind set (eval/answers-blind-N) is scored once, by evaluate.
        if not path.parent.name.startswith(("reddit", "counsel-chat")):
            continue
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        benign = [q for q in rows if q["kind"] == "answer" and not q.get("crisis")]
        alarms = sum(bool((a := searcher.search(q["query"]).crisis) and a.policy.alarm) for q in benign)
        out[f"{path.parent.name}/{path.name}"] = (alarms, len(benign))
    return out


if __name__ == "__main__":
    main()
