"""training/merge_labels.py: two labellers' labels become one set, disagreements only through adjudication."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import ROOT

SCRIPT = ROOT / "training" / "merge_labels.py"
_spec = importlib.util.spec_from_file_location("merge_labels", SCRIPT)
merge_labels = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(merge_labels)

BATCH = {
    "b-001": {"id": "b-001", "subreddit": "anxiety", "text": "my haircut went wrong"},
    "b-002": {"id": "b-002", "subreddit": "suicidewatch", "text": "is today the day"},
    "b-003": {"id": "b-003", "subreddit": "bpd", "text": "he took my keys again"},
}


def lab(level2, cat2, borderline=False):
    return {
        "b-001": {"id": "b-001", "level": "none", "category": None, "reason": "", "borderline": False},
        "b-002": {"id": "b-002", "level": level2, "category": cat2, "reason": "", "borderline": borderline},
        "b-003": {"id": "b-003", "level": "risk", "category": "abuse", "reason": "", "borderline": False},
    }


def test_agreed_labels_pass_and_a_disagreement_needs_adjudication():
    first, second = lab("urgent", "suicide"), lab("risk", "suicide", borderline=True)
    disputed = merge_labels.disputes(BATCH, first, second)
    assert [d["id"] for d in disputed] == ["b-002"]
    with pytest.raises(SystemExit, match="b-002: the labellers disagree"):
        merge_labels.merge(BATCH, [first, second], {})
    # An adjudicated post is borderline even when the adjudicator finds it clear: the labellers differed.
    rows = merge_labels.merge(BATCH, [first, second], {"b-002": {"level": "urgent", "category": "suicide", "borderline": False}})
    by_id = {r["id"]: r for r in rows}
    assert (by_id["b-002"]["level"], by_id["b-002"]["labels"], by_id["b-002"]["borderline"]) == ("urgent", "adjudicated", True)
    assert (by_id["b-003"]["level"], by_id["b-003"]["category"], by_id["b-003"]["labels"]) == ("risk", "abuse", "agreed")
    assert by_id["b-001"]["category"] is None and not by_id["b-001"]["borderline"]


def test_a_category_disagreement_is_a_dispute_too():
    assert [d["id"] for d in merge_labels.disputes(BATCH, lab("risk", "suicide"), lab("risk", "self_harm"))] == ["b-002"]


def test_a_labels_file_that_misses_a_post_is_refused_with_the_counts(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(p) + "\n" for p in BATCH.values()))
    partial = tmp_path / "labels.jsonl"
    partial.write_text("".join(json.dumps(r) + "\n" for r in list(lab("risk", "suicide").values())[:2]))
    done = subprocess.run([sys.executable, str(SCRIPT), "merge", str(batch), str(partial), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "labels 0 posts the batch lacks and misses 1 of its 3" in done.stderr
