"""training/weak_posts.py: the forum-labelled posts are cut once into batches, and each gets its labeller's label."""

from __future__ import annotations

import importlib.util
import json

import pytest

from conftest import ROOT

SCRIPT = ROOT / "training" / "weak_posts.py"
_spec = importlib.util.spec_from_file_location("weak_posts", SCRIPT)
weak_posts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(weak_posts)


@pytest.fixture
def examples(tmp_path, monkeypatch):
    rows = [{"text": f"post number {i}", "level": "none", "source": "ct_reddit27"} for i in range(10)]
    rows.append({"text": "a written question", "level": "risk", "source": "written"})
    path = tmp_path / "examples.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    monkeypatch.setattr(weak_posts, "EXAMPLES", path)
    return rows


def _labels(tmp_path, items, level="none"):
    path = tmp_path / f"labels-{items[0]['id']}.jsonl"
    path.write_text("".join(json.dumps({"id": i["id"], "level": level, "category": None}) + "\n" for i in items))
    return path


def test_the_cut_deals_every_forum_post_once_and_the_same_way_each_time(examples):
    cut = weak_posts.cut()
    dealt = [p["text"] for batch in cut.values() for p in batch]
    assert sorted(dealt) == sorted(r["text"] for r in examples if r["source"] == "ct_reddit27")
    assert len(cut) == weak_posts.BATCHES and weak_posts.cut() == cut


def test_merge_gives_each_post_its_label_and_refuses_gaps_and_strangers(examples, tmp_path):
    batches = list(weak_posts.cut().values())
    files = [_labels(tmp_path, b, level) for b, level in zip(batches, ("risk", "none", "none", "none"))]
    rows = weak_posts.merge(files)
    assert {r["text"] for r in rows if r["level"] == "risk"} == {p["text"] for p in batches[0]}
    with pytest.raises(SystemExit, match="posts have no label"):
        weak_posts.merge(files[1:])
    stranger = tmp_path / "stranger.jsonl"
    stranger.write_text(json.dumps({"id": "weak_z-001", "level": "none", "category": None}) + "\n")
    with pytest.raises(SystemExit, match="weak_z-001 is not in the cut"):
        weak_posts.merge([*files, stranger])


def test_every_forum_post_in_the_committed_training_data_carries_its_committed_label():
    """The committed examples were rebuilt after the relabelling: no forum-only label is left in training."""
    labels = {r["text"]: (r["level"], r["category"] or "-")
              for r in map(json.loads, weak_posts.LABELS.read_text("utf-8").splitlines())}
    rows = [r for r in map(json.loads, weak_posts.EXAMPLES.read_text("utf-8").splitlines())
            if r["source"] == weak_posts.SOURCE]
    assert len(rows) == len(labels) == 1210
    wrong = [r["text"][:60] for r in rows if (r["level"], r["category"]) != labels[r["text"]]]
    assert not wrong, f"{len(wrong)} forum posts keep a label other than their committed one, e.g. {wrong[:3]}"
