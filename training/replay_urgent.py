"""Replay the urgent threshold on the dev part with the shipped classifier (dev only; no test part is read).

    python training/replay_urgent.py

For each urgent threshold from 0.10 to 0.40, with the shipped alarm thresholds, prints urgent as urgent, risk as
urgent and benign as urgent on the dev part of the target sources, and on its real posts (``ct_reddit4``) alone.
Round 64 used it to see whether the grid's old floor of 0.30 was what held the urgent threshold (train.py,
``URGENT_GRID``). Urgent only changes which help comes first on a text that already alarms.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import train  # noqa: E402
from verbatim.crisis import load_classifier  # noqa: E402


def main() -> None:
    clf = load_classifier()
    rows = [r for r in train.load_examples() if r["split"] == "dev" and r["source"] in train.TARGET_SOURCES]
    X, parts = train.featurise(rows)
    replay = train._Replay(rows, X, parts, clf)
    th = clf.thresholds
    whole, _ = replay.alarm_rank(th["whole"]["alarm"], th["part"]["alarm"], th["joint"]["alarm"])
    real = np.array([r["source"] == "ct_reddit4" for r in rows])
    truth = replay.truth
    for u in np.round(np.arange(0.10, 0.42, 0.02), 2):
        is_urgent = replay.urgent(whole, th["part"]["alarm"], u)
        out = []
        for name, m in (("dev", np.ones(len(rows), bool)), ("real posts", real)):
            urg, risk, ben = (truth == 3) & m, (truth == 2) & m, (truth <= 1) & m
            out.append(f"{name}: urgent {is_urgent[urg].mean():.3f} of {urg.sum()}, risk as urgent "
                       f"{is_urgent[risk].mean():.3f}, benign as urgent {is_urgent[ben].mean():.4f} of {ben.sum()}")
        print(f"{u:.2f}  " + " | ".join(out), flush=True)


if __name__ == "__main__":
    main()
