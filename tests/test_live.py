"""Quotes stay true to the files: LiveSearcher checks every passage, rebuilds after an edit, and
withholds what it cannot rebuild; the watcher keeps the index current by itself."""

import json
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest

from conftest import ROOT
from verbatim.freshness import SourceReader
from verbatim.index import build_index, current_build
from verbatim.live import LiveSearcher

QUESTION = "Cats sleep sixteen hours a day"


def sleep_edit(corpus, new="Cats sleep twenty hours a day."):
    path = corpus / "a.md"
    path.write_text(path.read_text("utf-8").replace("Cats sleep sixteen hours a day.", new), "utf-8")
    return path


def test_the_source_reader_reads_a_file_again_only_when_it_changes(tmp_path, monkeypatch):
    from verbatim import freshness

    path = tmp_path / "a.md"
    path.write_text("one two", "utf-8")
    reads = []
    real = freshness.read_source
    monkeypatch.setattr(freshness, "read_source", lambda p: reads.append(p) or real(p))
    reader = SourceReader()
    assert reader.holds(str(path), 4, 7, "two") and reader.holds(str(path), 0, 3, "one")
    assert len(reads) == 1
    path.write_text("one six", "utf-8")
    assert not reader.holds(str(path), 4, 7, "two") and len(reads) == 2
    path.unlink()
    assert reader.text(str(path)) is None


def test_an_edited_file_is_rebuilt_and_the_answer_quotes_the_new_text(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder)
    first = live.search(QUESTION, 1)
    assert first.passages[0].text.startswith("Cats sleep sixteen hours a day.")
    before = current_build(hash_index)
    path = sleep_edit(small_corpus)
    again = live.search(QUESTION, 1)
    assert current_build(hash_index) != before  # rebuilt, incrementally
    hit = again.passages[0]
    assert hit.text.startswith("Cats sleep twenty hours a day.") and again.withheld == []
    assert path.read_text("utf-8")[hit.start : hit.end] == hit.text


@pytest.mark.reliability
def test_when_it_cannot_rebuild_the_changed_files_passages_are_withheld(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder)
    live.search(QUESTION)
    path = sleep_edit(small_corpus)
    (small_corpus / "broken.md").write_bytes(b"\x00\x01binary")  # the rebuild will refuse the corpus
    result = live.search(QUESTION)
    assert result.withheld == [path.as_posix()]
    assert result.passages and all(h.source != path.as_posix() for h in result.passages)  # b.txt still answers
    assert live.rebuild_error == "broken.md: looks like a binary file; remove it from the corpus."


@pytest.mark.reliability
def test_without_rebuilding_the_changed_files_passages_are_withheld(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder, rebuild=False)
    before = current_build(hash_index)
    path = sleep_edit(small_corpus)
    result = live.search(QUESTION)
    assert result.withheld == [path.as_posix()] and current_build(hash_index) == before


def test_a_build_made_elsewhere_is_picked_up_by_the_next_search(hash_index, small_corpus, hash_encoder):
    live = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder, rebuild=False)
    live.search(QUESTION)
    sleep_edit(small_corpus)
    report = build_index(small_corpus, hash_index, hash_encoder)  # the watcher, say
    result = live.search(QUESTION, 1)
    assert live.searcher.index.folder.name == report.build
    assert result.passages[0].text.startswith("Cats sleep twenty hours a day.") and result.withheld == []


@contextmanager
def running_watcher(corpus, index, encoder):
    """A CorpusWatcher on its own thread, once it says it is watching; stopped on leaving."""
    from verbatim.watch import CorpusWatcher

    said = []
    watcher = CorpusWatcher(corpus, index, encoder, debounce=0.2, say=said.append)
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, kwargs={"stop": stop})
    thread.start()
    try:
        assert wait_for(lambda: any(m.startswith("watching") for m in said), 10)
        yield watcher, said
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def wait_for(condition, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.reliability
def test_the_watcher_rebuilds_after_an_edit_and_survives_a_bad_file(hash_index, small_corpus, hash_encoder):
    with running_watcher(small_corpus, hash_index, hash_encoder) as (watcher, said):
        first = current_build(hash_index)
        sleep_edit(small_corpus)
        assert wait_for(lambda: current_build(hash_index) != first, 10)
        second = current_build(hash_index)
        (small_corpus / "broken.md").write_bytes(b"\x00binary")
        assert wait_for(lambda: any("looks like a binary file" in m for m in said), 10)
        assert current_build(hash_index) == second  # the previous build keeps serving
        (small_corpus / "broken.md").unlink()
        (small_corpus / "b.txt").write_text("Dogs Overview\n\nWhat Do Dogs Eat?\n\nDogs eat rice.\n", "utf-8")
        assert wait_for(lambda: watcher.builds == 2, 10)
        assert all(not m.startswith("warning") for m in said[said.index(next(m for m in said if "binary" in m)) + 1:])


@pytest.mark.reliability
def test_the_watcher_rebuilds_when_an_owner_edits_the_readers_questions(hash_index, small_corpus, hash_encoder):
    from verbatim.index import load_index

    with running_watcher(small_corpus, hash_index, hash_encoder):
        first = current_build(hash_index)
        (small_corpus / "a.questions.toml").write_text('"Sleep" = ["how long do cats nap"]\n', "utf-8")
        assert wait_for(lambda: current_build(hash_index) != first, 10)
        assert load_index(hash_index, hash_encoder).manifest["reader_questions"]["filed"] == 1


def test_the_watch_command_rebuilds_and_the_cli_answers_from_the_new_build(
        tmp_path, real_index, corpus_copy):
    index = tmp_path / "index"
    shutil.copytree(real_index, index)
    watcher = subprocess.Popen([sys.executable, "-m", "verbatim", "watch", "--corpus", str(corpus_copy),
                                "--index", str(index), "--debounce", "0.2"],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        assert watcher.stderr.readline().startswith(f"watching {corpus_copy}")
        article = corpus_copy / "emotional-numbness.md"
        new = "Inability to cry or laugh even when you really want to"
        article.write_text(article.read_text("utf-8").replace("Inability to cry or laugh even when you want to", new),
                           "utf-8")
        search = [sys.executable, "-m", "verbatim", "search", "why can't I cry anymore even when I want to",
                  "--json", "--no-rebuild", "--top-k", "3", "--index", str(index), "--corpus", str(corpus_copy)]

        def answers_new_text():
            out = subprocess.run(search, cwd=ROOT, capture_output=True, text=True)
            return out.returncode == 0 and any(new in p["text"] for p in json.loads(out.stdout)["passages"])

        # How fast is the bench's business; here only that it happens (generous for a busy machine).
        assert wait_for(answers_new_text, 120)
        assert watcher.stderr.readline().startswith("1 files, 46 passages")
    finally:
        watcher.send_signal(signal.SIGTERM)
        _, err = watcher.communicate(timeout=20)
    assert watcher.returncode == 0 and err.splitlines()[-1] == f"stopped watching {corpus_copy}."


def test_a_build_this_version_cannot_read_is_built_anew_on_first_open(hash_index, small_corpus, hash_encoder, caplog):
    # After an upgrade that changes the index format the page used to say "unavailable" until someone
    # ran the build; now the first open builds it.
    from verbatim.store import INDEX_FORMAT

    old = current_build(hash_index)
    manifest = json.loads((old / "manifest.json").read_text("utf-8"))
    (old / "manifest.json").write_text(json.dumps({**manifest, "format": INDEX_FORMAT - 1}), "utf-8")
    result = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder).search(QUESTION, 1)
    assert current_build(hash_index) != old
    assert result.passages[0].text.startswith("Cats sleep sixteen hours a day.")
    assert "index format" in caplog.text and "building it anew" in caplog.text


def test_without_rebuilding_a_build_this_version_cannot_read_is_an_error(hash_index, small_corpus, hash_encoder):
    from verbatim.errors import IndexMismatchError
    from verbatim.store import INDEX_FORMAT

    old = current_build(hash_index)
    manifest = json.loads((old / "manifest.json").read_text("utf-8"))
    (old / "manifest.json").write_text(json.dumps({**manifest, "format": INDEX_FORMAT - 1}), "utf-8")
    with pytest.raises(IndexMismatchError, match=f"index format {INDEX_FORMAT - 1} is not {INDEX_FORMAT}"):
        LiveSearcher(hash_index, small_corpus, encoder=hash_encoder, rebuild=False).search(QUESTION, 1)


def test_a_search_on_another_thread_runs_faiss_and_blas_on_one_thread(hash_index, small_corpus, hash_encoder):
    # The page answers on Streamlit's script threads, not on the thread that opened the searcher;
    # OpenMP's thread count is per thread, and two threads made FAISS's small searches slower.
    import faiss

    from verbatim.search import Searcher

    searcher = Searcher.open(hash_index, small_corpus, encoder=hash_encoder)
    seen = []
    search = searcher.index.dense.search

    def recording(*args, **kwargs):
        seen.append(faiss.omp_get_max_threads())
        return search(*args, **kwargs)

    searcher.index.dense.search = recording

    def ask():
        faiss.omp_set_num_threads(2)  # what a new thread gets on this 2-core machine
        searcher.search(QUESTION)
        seen.append(faiss.omp_get_max_threads())

    worker = threading.Thread(target=ask)
    worker.start()
    worker.join()
    assert seen == [1, 2]  # one thread while answering; the thread's own setting restored after


def test_a_failed_rebuild_of_an_unreadable_build_is_not_retried_on_every_request(
    hash_index, small_corpus, hash_encoder, monkeypatch
):
    # The page makes a new LiveSearcher on each load until one opens: a build that fails (here another
    # file of the corpus is binary) must not be attempted again on every load, and the reader's error
    # stays the one that says what is wrong with the index.
    from verbatim import live
    from verbatim.errors import IndexMismatchError
    from verbatim.store import INDEX_FORMAT

    monkeypatch.setattr(live, "_failed_rebuilds", {})
    old = current_build(hash_index)
    manifest = json.loads((old / "manifest.json").read_text("utf-8"))
    (old / "manifest.json").write_text(json.dumps({**manifest, "format": INDEX_FORMAT - 1}), "utf-8")
    (small_corpus / "broken.md").write_bytes(b"\x00\x01binary")
    builds = []
    real_build = live.build_index
    monkeypatch.setattr(live, "build_index", lambda *a, **k: builds.append(1) or real_build(*a, **k))
    first = LiveSearcher(hash_index, small_corpus, encoder=hash_encoder)
    with pytest.raises(IndexMismatchError, match="index format"):
        first.search(QUESTION)
    assert first.rebuild_error == "broken.md: looks like a binary file; remove it from the corpus."
    with pytest.raises(IndexMismatchError, match="index format"):
        LiveSearcher(hash_index, small_corpus, encoder=hash_encoder).search(QUESTION)
    assert builds == [1]  # tried once, not again on the second request
