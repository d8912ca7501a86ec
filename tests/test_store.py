"""Builds that fail (bad corpus, read-only folder, full disk, SIGTERM) fail in one line, leave the
previous build serving and leave no temporary files; leftovers of a crash go with the next build."""

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from verbatim.cli import cli
from verbatim.errors import IndexWriteError, SourceFileError
from verbatim.index import build_index, current_build, load_index

ROOT_USER = os.geteuid() == 0


def leftovers(index: Path) -> list[str]:
    """Temporary files and folders a build may leave: there must be none."""
    return sorted(p.name for p in index.iterdir() if p.name.endswith((".tmp", ".partial")))


def edit(corpus: Path) -> None:
    path = corpus / "a.md"
    path.write_text(path.read_text("utf-8").replace("Kittens drink milk.", "Kittens drink water."), "utf-8")


@pytest.fixture
def cli_with_hash_encoder(monkeypatch, hash_encoder):
    """The CLI, in-process, with the fast stand-in model."""
    import verbatim.embedding

    monkeypatch.setattr(verbatim.embedding, "load_encoder", lambda *a, **k: hash_encoder)
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, [str(a) for a in args])


@pytest.fixture
def small_fs(tmp_path):
    """A 2 MB tmpfs (mounting needs root); yields its folder and the mount command."""
    folder = tmp_path / "fs"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.strip() or 'mount failed'}); "
                    "a full disk and a read-only folder need one when running as root")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def make_read_only(folder: Path) -> None:
    if ROOT_USER:  # root ignores permission bits: remount read-only instead
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    else:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                path.chmod(0o555)


@pytest.mark.reliability
def test_links_that_lead_outside_the_corpus_are_refused_by_name(tmp_path, small_corpus, hash_encoder):
    (small_corpus / "inside.md").symlink_to(small_corpus / "a.md")  # a link within the corpus is fine
    build_index(small_corpus, tmp_path / "i", hash_encoder)
    (small_corpus / "passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(SourceFileError) as e:
        build_index(small_corpus, tmp_path / "i", hash_encoder)
    assert str(e.value) == (
        f"passwd.txt: is a link to /etc/passwd, outside the corpus; copy the file into {small_corpus} "
        "or remove the link."
    )
    (small_corpus / "passwd.txt").unlink()
    (small_corpus / "etc").symlink_to("/etc")
    with pytest.raises(SourceFileError, match="^etc: is a link to /etc, outside the corpus"):
        build_index(small_corpus, tmp_path / "i", hash_encoder)


@pytest.mark.reliability
def test_unreadable_sub_folders_are_named_in_a_warning(tmp_path, small_corpus, hash_encoder, monkeypatch):
    locked = small_corpus / "private"
    locked.mkdir()
    (locked / "c.md").write_text("# Secret\n\nHidden text.\n", "utf-8")
    if ROOT_USER:  # root reads any folder: make this one fail as it would for anyone else
        real = os.scandir

        def scandir(path):
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    said = []
    try:
        report = build_index(small_corpus, tmp_path / "i", hash_encoder, progress=said.append)
    finally:
        locked.chmod(0o755)
    message = "private/: cannot read this folder (permission denied); skipped, make it readable to index it."
    assert report.warnings == [message]
    assert f"warning: {message}" in said
    assert set(load_index(tmp_path / "i", hash_encoder).manifest["sources"]) == {"a.md", "b.txt"}


@pytest.mark.reliability
def test_an_unreadable_corpus_folder_is_one_line_with_exit_1(tmp_path, small_corpus, cli_with_hash_encoder, monkeypatch):
    real = os.scandir

    def scandir(path):
        if Path(path) == small_corpus:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli_with_hash_encoder("build", "--corpus", small_corpus, "--index", tmp_path / "i")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {small_corpus}: cannot read the corpus folder (permission denied); make it readable.\n"
    )


@pytest.mark.reliability
def test_a_read_only_index_folder_gives_one_line_and_keeps_the_old_build(small_fs, small_corpus, hash_encoder,
                                                                         cli_with_hash_encoder):
    index = small_fs / "index"
    build_index(small_corpus, index, hash_encoder)
    before = current_build(index)
    edit(small_corpus)
    make_read_only(small_fs)
    result = cli_with_hash_encoder("build", "--corpus", small_corpus, "--index", index)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {index}: cannot write here (read-only file system); make the folder writable "
        "or pass --index DIR (the previous build keeps serving)."
    )
    assert "Traceback" not in result.output
    assert current_build(index) == before and load_index(index, hash_encoder).passages
    assert leftovers(index) == []


@pytest.mark.reliability
def test_a_full_disk_gives_one_line_keeps_the_old_build_and_leaves_no_temporary_files(
        small_fs, small_corpus, hash_encoder, cli_with_hash_encoder):
    index = small_fs / "index"
    build_index(small_corpus, index, hash_encoder)
    before = current_build(index)
    edit(small_corpus)
    filler = small_fs / "filler"
    # Fill the disk to the last byte: unbuffered, halving the step on each refusal, so no bytes are left in a
    # buffer for close() to fail on (with 64 KiB buffered writes, close failed unless the free space happened
    # to be a multiple of 64 KiB).
    with filler.open("wb", buffering=0) as f:
        step = 65536
        while step:
            try:
                f.write(b"\0" * step)
            except OSError as e:
                assert e.errno == errno.ENOSPC
                step //= 2
    result = cli_with_hash_encoder("build", "--corpus", small_corpus, "--index", index)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {index}: the disk is full; free some space and build again (the previous build keeps serving)."
    )
    assert current_build(index) == before and load_index(index, hash_encoder).passages
    assert leftovers(index) == []
    filler.unlink()
    assert build_index(small_corpus, index, hash_encoder).embedded > 0  # room again: builds


@pytest.mark.reliability
def test_a_disk_that_fills_while_current_is_written_leaves_no_orphan(tmp_path, small_corpus, hash_encoder, monkeypatch):
    from verbatim import store

    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    before = sorted(p.name for p in index.iterdir())
    edit(small_corpus)
    real = store.atomic_write

    def full_at_current(path, data, **kw):
        if path.name == "CURRENT":
            (path.parent / f".CURRENT.{os.getpid()}.tmp").write_text("half")  # what a full disk leaves
            (path.parent / f".CURRENT.{os.getpid()}.tmp").unlink()
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, **kw)

    monkeypatch.setattr(store, "atomic_write", full_at_current)
    with pytest.raises(IndexWriteError, match="the disk is full"):
        build_index(small_corpus, index, hash_encoder)
    assert sorted(p.name for p in index.iterdir()) == before  # no orphaned complete build, no temp file


@pytest.mark.reliability
def test_leftovers_of_a_crash_are_removed_by_the_next_build(tmp_path, small_corpus, hash_encoder):
    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    live = current_build(index)
    (index / ".CURRENT.4242.tmp").write_text("build-x\n")
    (index / ".build-20260101T000000-deadbeef.partial").mkdir()
    orphan = index / "build-20260101T000000-0rphan00"  # complete, never went live
    shutil.copytree(live, orphan)
    report = build_index(small_corpus, index, hash_encoder)
    names = sorted(p.name for p in index.iterdir())
    assert names == sorted([".lock", "CURRENT", live.name, report.build])


SIGTERM_SCRIPT = """
import signal, sys, time
# Ctrl-C as in a terminal: a job a non-interactive shell started with & inherits SIGINT ignored.
signal.signal(signal.SIGINT, signal.default_int_handler)
import verbatim.embedding
from verbatim.embedding import HashEncoder
class Slow(HashEncoder):
    def encode(self, texts):
        print("embedding", file=sys.stderr, flush=True)
        time.sleep(60)
        return super().encode(texts)
verbatim.embedding.load_encoder = lambda *a, **k: Slow()
from verbatim.cli import main
sys.argv = ["verbatim", "build", "--corpus", sys.argv[1], "--index", sys.argv[2]]
main()
"""


@pytest.mark.reliability
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_build_interrupted_by_a_signal_is_one_line_exit_1_and_cleans_up(hash_index, small_corpus, hash_encoder, sig):
    before = current_build(hash_index)
    (small_corpus / "a.md").write_text("# Fresh\n\nEntirely new words to embed.\n", "utf-8")
    proc = subprocess.Popen([sys.executable, "-c", SIGTERM_SCRIPT, str(small_corpus), str(hash_index)],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True)
    while (line := proc.stderr.readline()) and line.strip() != "embedding":
        pass
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 1
    assert err == (f"Error: interrupted by {sig.name}; the index was left as it was "
                   "(the previous build keeps serving).\n")
    assert current_build(hash_index) == before and load_index(hash_index, hash_encoder).passages
    assert leftovers(hash_index) == []


def test_a_build_shows_a_progress_bar_and_what_it_reuses(tmp_path, small_corpus, hash_encoder, capsys):
    said = []
    build_index(small_corpus, tmp_path / "i", hash_encoder, progress=said.append, progress_bar=True)
    assert "embedding: 100%|██████████| 9/9" in capsys.readouterr().err  # tqdm, on stderr
    edit(small_corpus)
    build_index(small_corpus, tmp_path / "i", hash_encoder, progress=said.append)
    assert said[-1] == "2 files, 3 passages, 9 vectors: 2 to embed, 7 reused"
