"""Score the engine on a JSONL question set (the format of eval/dev.jsonl)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .config import DEFAULT_TOP_K
from .errors import VerbatimError
from .baseline import TutorialBaseline
from .search import Searcher

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'"})


def fold(text: str) -> str:
    """Fold quotes, case and whitespace, as the gold strings are compared."""
    text = text.translate(_QUOTES).lower().replace('"', "").replace("'", "")
    return " ".join(text.split())


def read_questions(path: Path) -> list[dict]:
    """Read one JSON object per line; each needs ``query`` and ``kind``."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except FileNotFoundError:
        raise VerbatimError(f"{path}: file not found; pass a JSONL file of questions.") from None
    except UnicodeDecodeError:
        raise VerbatimError(f"{path}: is not UTF-8 text; pass a JSONL file of questions.") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            raise VerbatimError(f"{path}:{n}: not valid JSON; each line must be one JSON object.") from None
        if not isinstance(item, dict) or not isinstance(item.get("query"), str):
            raise VerbatimError(f'{path}:{n}: needs a "query" string.')
        out.append(item)
    return out


@dataclass
class Report:
    """Evaluation figures; None where the set has no question of that kind."""

    questions: int
    answerable: int
    hit_at_1: float | None
    hit_at_3: float | None
    hit_at_5: float | None
    mrr_at_10: float | None
    none_abstain: float | None
    answerable_abstain: float | None
    mean_passage_chars: float
    mean_card_chars: float | None  # characters shown per card (top 5), before "show the rest"
    crisis_recall: float | None
    crisis_false_alarm: float | None
    physical_note: float | None
    emotional_false_note: float | None
    failures: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _alarm(result) -> bool:
    """A crisis banner, as opposed to no signal or the calm line of a question about the topic."""
    return result.crisis is not None and result.crisis.policy.alarm


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


def evaluate(searcher: Searcher | TutorialBaseline, questions: list[dict]) -> Report:
    """Run every question (top 10) and compute the report."""
    ranks: list[int | None] = []
    card_chars: list[int] = []
    none_abstain, answer_abstain, crisis_hit, false_alarm, physical_note, emotional_note = [], [], [], [], [], []
    failures = []
    for q in questions:
        kind = q.get("kind")
        result = searcher.search(q["query"], top_k=10)
        if kind == "answer":
            golds = [fold(g) for g in q.get("gold", [])]
            rank = next(
                (i + 1 for i, h in enumerate(result.passages) if any(g in fold(h.visible_text) for g in golds)),
                None,
            )
            ranks.append(rank)
            card_chars += [len(h.visible_text) for h in result.passages[:DEFAULT_TOP_K]]
            answer_abstain.append(result.no_answer)
            if not (q.get("sensitive") or q.get("crisis")):
                false_alarm.append(_alarm(result))
            emotional_note.append(result.medical is not None)
            if rank != 1:
                top = result.passages[0].text[:80] if result.passages else "(abstained)"
                failures.append({"id": q.get("id"), "query": q["query"], "rank": rank, "top": top})
        elif kind == "none":
            none_abstain.append(result.no_answer)
            if not q.get("crisis"):
                false_alarm.append(_alarm(result))
            if q.get("physical"):
                physical_note.append(result.medical is not None)
            if not result.no_answer:
                failures.append({"id": q.get("id"), "query": q["query"], "rank": None, "top": "answered"})
        if kind == "crisis" or q.get("crisis"):
            # A reader at risk, whatever else the question asks: help must come first.
            crisis_hit.append(_alarm(result))
            if result.crisis is None:
                failures.append({"id": q.get("id"), "query": q["query"], "rank": None, "top": "no crisis banner"})
    n = len(ranks)
    has_safety = isinstance(searcher, Searcher)
    passages = searcher.index.passages if has_safety else []
    return Report(
        questions=len(questions),
        answerable=n,
        hit_at_1=_share([r == 1 for r in ranks]),
        hit_at_3=_share([r is not None and r <= 3 for r in ranks]),
        hit_at_5=_share([r is not None and r <= 5 for r in ranks]),
        mrr_at_10=round(sum(1 / r for r in ranks if r) / n, 4) if n else None,
        none_abstain=_share(none_abstain),
        answerable_abstain=_share(answer_abstain),
        mean_passage_chars=round(sum(len(p.text) for p in passages) / max(len(passages), 1), 1),
        mean_card_chars=round(sum(card_chars) / len(card_chars), 1) if card_chars else None,
        # The baseline has no safety checks: nothing to report, rather than zeros.
        crisis_recall=_share(crisis_hit) if has_safety else None,
        crisis_false_alarm=_share(false_alarm) if has_safety else None,
        physical_note=_share(physical_note) if has_safety else None,
        emotional_false_note=_share(emotional_note) if has_safety else None,
        failures=failures,
    )


def calibrate(searcher: Searcher, questions: list[dict]) -> dict:
    """Show how separable a set is: the least confident answerable question, the most
    confident off-topic one, and the midpoint (physical-numbness questions are left out: the
    medical check, not the threshold, makes those abstain). The shipped threshold is fitted
    by training/abstention.py on the development sets only."""
    answer, none = [], []
    for q in questions:
        if q.get("kind") == "answer":
            answer.append((searcher.search(q["query"]).confidence, q["query"]))
        elif q.get("kind") == "none" and not q.get("physical"):
            none.append((searcher.search(q["query"]).confidence, q["query"]))
    if not answer or not none:
        raise VerbatimError("calibration needs both answerable and off-topic questions.")
    lowest, highest = min(answer), max(none)
    return {
        "lowest_answerable": [round(lowest[0], 4), lowest[1]],
        "highest_off_topic": [round(highest[0], 4), highest[1]],
        "suggested_threshold": round((lowest[0] + highest[0]) / 2, 3),
        "separable": lowest[0] > highest[0],
    }


_COLUMNS = (
    ("questions", "questions"), ("answerable", "answerable"), ("hit@1", "hit_at_1"), ("hit@3", "hit_at_3"),
    ("hit@5", "hit_at_5"), ("MRR@10", "mrr_at_10"), ("off-topic abstained", "none_abstain"),
    ("answerable abstained", "answerable_abstain"), ("mean card chars", "mean_card_chars"),
    ("crisis recall", "crisis_recall"), ("false alarms", "crisis_false_alarm"),
    ("physical → note", "physical_note"),
)


def report_table(reports: list[tuple[str, str, Report]]) -> str:
    """A Markdown table, one row per (set, engine); "–" where a set has no such question."""
    head = "| set | engine | " + " | ".join(c for c, _ in _COLUMNS) + " |"
    rule = "|" + "---|" * (len(_COLUMNS) + 2)
    rows = []
    for name, engine, r in reports:
        values = [getattr(r, attr) for _, attr in _COLUMNS]
        rows.append(f"| {name} | {engine} | " + " | ".join("–" if v is None else str(v) for v in values) + " |")
    return "\n".join([head, rule, *rows])
