import json
import os
import re
import signal
import subprocess
import sys

import numpy as np
import pytest

from conftest import CORPUS, ROOT
from verbatim.config import CHUNKER_VERSION
from verbatim.errors import (
    BuildLockedError, IndexCorruptError, IndexMismatchError, IndexNotFoundError, SourceFileError, StaleIndexError,
)
from verbatim.index import build_index, current_build, load_index, read_manifest, rebuild_reason
from verbatim.lexical import lexical_config
from verbatim.passage_store import PassageTable
from verbatim.search import Searcher


def test_manifest_records_what_built_the_index(hash_index, hash_encoder):
    build, manifest = read_manifest(hash_index)
    assert manifest["model"] == {"name": "test/hash-encoder", "fingerprint": "hash-encoder-v1", "dim": 64}
    assert manifest["chunker"]["version"] == CHUNKER_VERSION
    assert set(manifest["sources"]) == {"a.md", "b.txt"}
    assert all(len(s["sha256"]) == 64 for s in manifest["sources"].values())
    assert manifest["passages"] == len(PassageTable.read(build)) > 0
    assert manifest["index_type"] == "Flat"
    assert manifest["lexical"] == lexical_config() and manifest["lexical"]["bm25s"]
    assert not any(p.suffix in (".pkl", ".pickle") for p in build.rglob("*"))


def test_a_one_paragraph_edit_re_embeds_only_what_changed(tmp_path, small_corpus, hash_encoder):
    index = tmp_path / "index"
    first = build_index(small_corpus, index, hash_encoder)
    assert first.reused == 0
    path = small_corpus / "a.md"
    path.write_text(path.read_text().replace("Kittens drink milk.", "Kittens drink water."), "utf-8")
    second = build_index(small_corpus, index, hash_encoder)
    assert 0 < second.embedded <= 3  # the passage and its changed sentence
    assert second.reused == second.rows - second.embedded
    loaded = load_index(index, hash_encoder)
    fresh = hash_encoder.encode([t for t in [loaded.passages[0].embedding_text()]])
    assert np.allclose(loaded.vectors[0], fresh[0])


def test_passages_carry_source_offsets(hash_index, hash_encoder, small_corpus):
    loaded = load_index(hash_index, hash_encoder)
    for p in loaded.passages:
        assert (small_corpus / p.source).read_text("utf-8")[p.start : p.end] == p.text


@pytest.mark.reliability
def test_missing_index_message(tmp_path, hash_encoder):
    with pytest.raises(IndexNotFoundError) as e:
        load_index(tmp_path / "none", hash_encoder)
    assert str(e.value) == f"{tmp_path / 'none'}: no index found; build it: python -m verbatim build"


@pytest.mark.reliability
def test_index_built_with_another_model_is_refused(hash_index, real_encoder):
    with pytest.raises(IndexMismatchError, match=r"index was built with model test/hash-encoder .* rebuild: python -m verbatim build"):
        load_index(hash_index, real_encoder)


@pytest.mark.reliability
def test_index_built_by_another_chunker_version_is_refused(hash_index, small_corpus, hash_encoder):
    build, manifest = read_manifest(hash_index)
    manifest["chunker"]["version"] = "0"
    (build / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match=f"chunker version 0, not {CHUNKER_VERSION}; rebuild"):
        load_index(hash_index, hash_encoder)
    # the corpus is unchanged, so only the chunker version can make a rebuild due
    assert rebuild_reason(hash_index, small_corpus, hash_encoder) == (
        f"index was built with chunker version 0, not {CHUNKER_VERSION}"
    )


@pytest.mark.reliability
def test_index_built_with_another_lexical_configuration_is_refused(hash_index, small_corpus, hash_encoder):
    build, manifest = read_manifest(hash_index)
    manifest["lexical"]["stopwords"]["count"] += 1
    (build / "manifest.json").write_text(json.dumps(manifest))
    message = "index was built with another lexical configuration (stopwords differ)"
    with pytest.raises(IndexMismatchError, match=rf"^{re.escape(message)}; rebuild: python -m verbatim build$"):
        load_index(hash_index, hash_encoder)
    assert rebuild_reason(hash_index, small_corpus, hash_encoder) == message


@pytest.mark.reliability
def test_a_bm25s_upgrade_in_the_code_is_noticed(hash_index, small_corpus, hash_encoder, monkeypatch):
    from verbatim import store

    assert rebuild_reason(hash_index, small_corpus, hash_encoder) is None
    upgraded = {**lexical_config(), "bm25s": "99.0"}
    monkeypatch.setattr(store, "lexical_config", lambda: upgraded)
    assert rebuild_reason(hash_index, small_corpus, hash_encoder) == (
        "index was built with another lexical configuration (bm25s differ)"
    )
    with pytest.raises(IndexMismatchError, match="bm25s differ"):
        Searcher.open(hash_index, small_corpus, encoder=hash_encoder)


@pytest.mark.reliability
def test_build_index_script_and_search_agree_after_a_model_fingerprint_change(tmp_path, real_index, real_encoder):
    import shutil

    copy = tmp_path / "index"
    shutil.copytree(real_index, copy)
    assert rebuild_reason(copy, CORPUS) is None  # what build_index.py and make run ask
    Searcher.open(copy, CORPUS, encoder=real_encoder)  # and search agrees: usable
    build, manifest = read_manifest(copy)
    manifest["model"]["fingerprint"] = "0" * 64  # as after an upgrade of the model package
    (build / "manifest.json").write_text(json.dumps(manifest))
    assert rebuild_reason(copy, CORPUS).startswith("index was built with model sentence-transformers/all-MiniLM-L6-v2 (000000000000)")
    with pytest.raises(IndexMismatchError, match=r"\(000000000000\)"):
        Searcher.open(copy, CORPUS, encoder=real_encoder)
    proc = subprocess.run([sys.executable, "build_index.py", "--index", str(copy)], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("Built "), proc.stderr
    assert rebuild_reason(copy, CORPUS) is None
    assert Searcher.open(copy, CORPUS, encoder=real_encoder).search("why can't I cry").passages


@pytest.mark.parametrize("victim", ["passages.json", "passages.npz", "passages.txt", "rows.npy", "vectors.npy",
                                    "dense.faiss", "keys.json",
                                    "lexical/vocab.index.json", "lexical/data.csc.index.npy", "manifest.json"])
@pytest.mark.reliability
@pytest.mark.parametrize("damage", ["truncate", "flip", "delete"])
def test_every_damaged_index_file_is_refused_before_it_is_parsed(hash_index, hash_encoder, victim, damage):
    path = current_build(hash_index) / victim
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
    else:
        path.unlink()
    with pytest.raises(IndexCorruptError, match=r"rebuild: python -m verbatim build$"):
        load_index(hash_index, hash_encoder)


@pytest.mark.reliability
def test_damaged_current_pointer(hash_index, hash_encoder):
    (hash_index / "CURRENT").write_text("../../etc")
    with pytest.raises(IndexCorruptError, match="CURRENT: damaged; rebuild"):
        load_index(hash_index, hash_encoder)


@pytest.mark.reliability
def test_stale_corpus_is_noticed_with_the_rebuild_command(hash_index, small_corpus, hash_encoder):
    (small_corpus / "a.md").write_text("# Changed\n\nNew text.\n", "utf-8")
    (small_corpus / "c.md").write_text("# New\n\nMore.\n", "utf-8")
    with pytest.raises(StaleIndexError) as e:
        Searcher.open(hash_index, small_corpus, encoder=hash_encoder)
    assert str(e.value) == (
        f"{small_corpus}: changed since the index was built (+c.md, ~a.md); "
        f"rebuild: python -m verbatim build --corpus {small_corpus}"
    )


@pytest.mark.reliability
def test_a_failed_build_leaves_the_previous_index_serving(hash_index, small_corpus, hash_encoder):
    before = current_build(hash_index)
    (small_corpus / "broken.md").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(SourceFileError, match="broken.md: looks like a binary file"):
        build_index(small_corpus, hash_index, hash_encoder)
    assert current_build(hash_index) == before
    assert load_index(hash_index, hash_encoder).passages


@pytest.mark.reliability
def test_two_builds_at_once_are_refused_not_interleaved(hash_index, small_corpus, hash_encoder):
    import fcntl

    with open(hash_index / ".lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(BuildLockedError, match="another build is running; wait for it to finish."):
            build_index(small_corpus, hash_index, hash_encoder)


KILL_SCRIPT = """
import sys, time
from pathlib import Path
from verbatim.embedding import HashEncoder
from verbatim.index import build_index
class Slow(HashEncoder):
    def encode(self, texts):
        print("embedding", flush=True)
        time.sleep(60)
        return super().encode(texts)
build_index(Path(sys.argv[1]), Path(sys.argv[2]), Slow())
"""


@pytest.mark.reliability
def test_kill_9_mid_build_leaves_the_previous_index_and_the_next_build_succeeds(hash_index, small_corpus, hash_encoder):
    before = current_build(hash_index)
    (small_corpus / "a.md").write_text("# Fresh\n\nEntirely new words to embed.\n", "utf-8")
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(small_corpus), str(hash_index)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "embedding"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert current_build(hash_index) == before
    assert load_index(hash_index, hash_encoder).passages  # still serves
    report = build_index(small_corpus, hash_index, hash_encoder)
    assert current_build(hash_index).name == report.build
    assert any("Entirely new words" in p.text for p in load_index(hash_index, hash_encoder).passages)


@pytest.mark.reliability
def test_the_build_whose_manifest_was_read_is_the_build_loaded(hash_index, small_corpus, hash_encoder):
    live = read_manifest(hash_index)
    (small_corpus / "c.md").write_text("# New\n\nA new article arrives.\n", "utf-8")
    build_index(small_corpus, hash_index, hash_encoder)  # CURRENT moves between reading and loading
    loaded = load_index(hash_index, hash_encoder, live=live)
    assert loaded.folder == live[0] != current_build(hash_index)
    assert set(loaded.manifest["sources"]) == {"a.md", "b.txt"}
