"""training/weak_posts.py: the weakly labelled posts are cut once into batches, and each gets its labeller's label."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from conftest import ROOT

SCRIPT = ROOT / "training" / "weak_posts.py"
_spec = importlib.util.spec_from_file_location("weak_posts", SCRIPT)
weak_posts = importlib.util.module_from_spec(_spec)
sys.modules["weak_posts"] = weak_posts  # dataclasses look their module up there
_spec.loader.exec_module(weak_posts)


@pytest.fixture
def examples(tmp_path, monkeypatch):
    rows = [{"text": f"post number {i}", "level": "none", "source": "ct_reddit27"} for i in range(10)]
    rows += [{"text": f"comment number {i}", "level": "risk", "source": "ct_rallypoint"} for i in range(13)]
    rows.append({"text": "a written question", "level": "risk", "source": "written"})
    path = tmp_path / "examples.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    monkeypatch.setattr(weak_posts, "EXAMPLES", path)
    return rows


def _labels(tmp_path, items, level="none"):
    path = tmp_path / f"labels-{items[0]['id']}.jsonl"
    path.write_text("".join(json.dumps({"id": i["id"], "level": level, "category": None}) + "\n" for i in items))
    return path


@pytest.mark.parametrize("name", sorted(weak_posts.SOURCES))
def test_the_cut_deals_every_post_of_its_source_once_and_the_same_way_each_time(examples, name):
    source = weak_posts.SOURCES[name]
    cut = weak_posts.cut(source)
    dealt = [p["text"] for batch in cut.values() for p in batch]
    assert sorted(dealt) == sorted(r["text"] for r in examples if r["source"] == name)
    assert len(cut) == source.batches and weak_posts.cut(source) == cut
    assert all(batch.startswith(source.prefix) for batch in cut)


def test_merge_gives_each_post_its_label_and_refuses_gaps_and_strangers(examples, tmp_path):
    batches = list(weak_posts.cut().values())
    files = [_labels(tmp_path, b, level) for b, level in zip(batches, ("risk", "none", "none", "none"), strict=True)]
    rows = weak_posts.merge(files)
    assert {r["text"] for r in rows if r["level"] == "risk"} == {p["text"] for p in batches[0]}
    with pytest.raises(SystemExit, match="posts have no label"):
        weak_posts.merge(files[1:])
    stranger = tmp_path / "stranger.jsonl"
    stranger.write_text(json.dumps({"id": "weak_z-001", "level": "none", "category": None}) + "\n")
    with pytest.raises(SystemExit, match="weak_z-001 is not in the cut"):
        weak_posts.merge([*files, stranger])


@pytest.mark.parametrize(("name", "n"), [("ct_reddit27", 1210), ("ct_rallypoint", 2031)])
def test_every_weak_post_in_the_committed_training_data_carries_its_committed_label(name, n):
    """The committed examples were rebuilt after the relabelling: no dataset-only label is left in training."""
    source = weak_posts.SOURCES[name]
    labels = {r["text"]: (r["level"], r["category"] or "-")
              for r in map(json.loads, source.labels.read_text("utf-8").splitlines())}
    rows = [r for r in map(json.loads, weak_posts.EXAMPLES.read_text("utf-8").splitlines()) if r["source"] == name]
    assert len(rows) == len(labels) == n
    wrong = [r["text"][:60] for r in rows if (r["level"], r["category"]) != labels[r["text"]]]
    assert not wrong, f"{len(wrong)} posts keep a label other than their committed one, e.g. {wrong[:3]}"
