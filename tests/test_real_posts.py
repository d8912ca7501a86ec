"""training/real_posts.py: real posts are dealt once, by seed, and a batch once dealt never changes."""

from __future__ import annotations

import csv
import importlib.util
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("real_posts", ROOT / "training" / "real_posts.py")
real_posts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(real_posts)


def _rows(forums: dict[str, int], column: str = "post") -> list[dict]:
    return [{"subreddit": f, column: f"post {i} of r/{f}, long enough to be kept as a real post"}
            for f, n in forums.items() for i in range(n)]


@settings(max_examples=40, deadline=None)
@given(sizes=st.lists(st.integers(0, 12), min_size=1, max_size=4), seed=st.integers(0, 10**6))
def test_appending_a_batch_leaves_every_earlier_batch_as_it_was(sizes, seed):
    cross_post = {"subreddit": "beta", "post": "post 3 of r/alpha, long enough to be kept as a real post"}
    rows = [*_rows({"alpha": 30, "beta": 17}), cross_post]
    plan = {f"b{i}": n for i, n in enumerate(sizes)}
    before = real_posts._deal(rows, "post", set(), seed, plan)
    after = real_posts._deal(rows, "post", set(), seed, plan | {"appended": 5})
    assert all(after[name] == before[name] for name in plan)
    dealt = [item["text"] for items in after.values() for item in items]
    assert len(dealt) == len(set(dealt))  # no post in two batches, the cross-post included


def test_texts_already_used_are_never_dealt():
    rows = _rows({"alpha": 10})
    used = {real_posts._key(rows[3]["post"])}
    cut = real_posts._deal(rows, "post", used, 1, {"test": None})
    assert rows[3]["post"] not in {item["text"] for item in cut["test"]}
    assert len(cut["test"]) == 9


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _rallypoint_rows(*extra_reddit: str) -> list[dict]:
    """The RallyPoint file's shape: RallyPoint comments and Reddit posts, each with a source and a label."""
    rows = [{"source": f"reddit {f}", "doc": f"post {i} of the other file's r/{f}, long enough to be kept", "label": "1.0"}
            for f in real_posts.FORUMS_RP for i in range(8)]
    rows += [{"source": "rallypoint Set 1", "doc": f"comment {i} from a veterans' forum, long enough", "label": "0.0"}
             for i in range(5)]
    rows += [{"source": "reddit ptsd", "doc": text, "label": "1.0"} for text in extra_reddit]
    return rows


def _cut(tmp_path, monkeypatch, rows_27: list[dict], rows_rp: list[dict]) -> dict[str, list[dict]]:
    wheel = tmp_path / "wheel.zip"
    with zipfile.ZipFile(wheel, "w") as z:
        z.writestr(real_posts.FILE, _csv(_rows({"depression": 4}, column="document")))
        z.writestr(real_posts.FILE_27, _csv(rows_27))
        half = len(rows_rp) // 2
        for name, part in zip(real_posts.RALLYPOINT_FILES, (rows_rp[:half], rows_rp[half:])):
            z.writestr(name, _csv(part))
    monkeypatch.setattr(real_posts, "used_texts", set)
    return real_posts.batches(wheel)


@pytest.mark.parametrize("forums, earlier", [
    (("depression", "anxiety"), "BATCHES_27"),  # second and third cut
    (("depression", "teaching"), "BATCHES_27"),  # second and fourth
    (("adhd", "teaching"), "BATCHES_27_C"),  # third and fourth
])
def test_a_post_in_a_forum_of_two_cuts_is_dealt_by_the_earlier_cut_only(tmp_path, monkeypatch, forums, earlier):
    # Cross-posts exist: the same text under forums of two cuts must not land in a test batch of one cut and a
    # training batch of the other.
    shared = "the same post, cross-posted to two forums, long enough to be kept"
    rows_27 = _rows({f: 10 for f in (*real_posts.FORUMS_27, *real_posts.FORUMS_27_C, *real_posts.FORUMS_27_D)})
    rows_27 += [{"subreddit": forum, "post": shared} for forum in forums]
    cut = _cut(tmp_path, monkeypatch, rows_27, _rallypoint_rows(shared))
    holding = [name for name, items in cut.items() if any(i["text"] == shared for i in items)]
    assert len(holding) == 1 and holding[0] in getattr(real_posts, earlier)
    for plan, cut_forums in ((real_posts.BATCHES_27_C, real_posts.FORUMS_27_C),
                             (real_posts.BATCHES_27_D, real_posts.FORUMS_27_D)):
        dealt = [i for name in plan for i in cut[name]]
        assert dealt and {i["subreddit"] for i in dealt} <= set(cut_forums)


def test_the_fifth_cut_deals_only_reddit_posts_that_no_earlier_file_holds(tmp_path, monkeypatch):
    # A post in the 27-subreddit file (any forum, dealt by a cut or trained on) is never dealt again from the
    # RallyPoint file's Reddit rows; the RallyPoint comments themselves are never dealt by this cut.
    in_both = "a post both files hold, long enough to be kept as a real post"
    rows_27 = _rows({f: 10 for f in (*real_posts.FORUMS_27, *real_posts.FORUMS_27_C, *real_posts.FORUMS_27_D)})
    rows_27.append({"subreddit": "suicidewatch", "post": in_both})
    cut = _cut(tmp_path, monkeypatch, rows_27, _rallypoint_rows(in_both))
    dealt = [i for name in real_posts.BATCHES_RP for i in cut[name]]
    assert dealt and {i["subreddit"].lower() for i in dealt} <= set(real_posts.FORUMS_RP)
    assert in_both not in {i["text"] for i in dealt}
    assert not any(i["text"].startswith("comment") for i in dealt)
    assert len(dealt) == len({i["text"] for i in dealt})


def test_the_sixth_cut_deals_only_rallypoint_comments_that_training_leaves_out(tmp_path, monkeypatch):
    # Training keeps about 40% of the RallyPoint comments labelled 0; a comment it keeps, one labelled 1 or a Reddit
    # post must never reach the sixth cut's test batch.
    rows_27 = _rows({f: 10 for f in (*real_posts.FORUMS_27, *real_posts.FORUMS_27_C, *real_posts.FORUMS_27_D)})
    rows_rp = _rallypoint_rows()
    rows_rp += [{"source": f"rallypoint Set {s}", "doc": f"comment {i} of set {s}, a veteran writing at length",
                 "label": label} for s in (2, 6) for i in range(60) for label in ("0.0", "1.0")]
    cut = _cut(tmp_path, monkeypatch, rows_27, rows_rp)
    dealt = {i["text"]: i for name in real_posts.BATCHES_RC for i in cut[name]}
    by_text = {r["doc"]: r for r in rows_rp if r["label"] == "0.0"}
    assert dealt and all(text in by_text and real_posts.left_out_comment(by_text[text]) for text in dealt)
    kept = [r for r in by_text.values() if r["source"].startswith("rallypoint") and not real_posts.left_out_comment(r)]
    assert kept  # the fixture holds comments training keeps, and none of them was dealt
    assert {i["subreddit"] for i in dealt.values()} <= {"set 1", "set 2", "set 6"}
