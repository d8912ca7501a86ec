"""Shared fixtures: a deterministic stand-in encoder for fast tests, the real model for quality."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ARTICLE = CORPUS / "emotional-numbness.md"
RAW_SEED = ROOT / "tests" / "data" / "emotional-numbness-raw.txt"
DEV_SET = ROOT / "eval" / "dev.jsonl"


@pytest.fixture
def hash_encoder():
    from verbatim.embedding import HashEncoder

    return HashEncoder()


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A private copy of the real corpus, safe to edit."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "a.md").write_text(
        "# Cats\n\n## Feeding\n\nCats eat fish and chicken. Kittens drink milk.\n\n"
        "## Sleep\n\nCats sleep sixteen hours a day.\n\nSome signs of a tired cat include:\n\n"
        "- Yawning often\n- Hiding under the bed\n",
        "utf-8",
    )
    (folder / "b.txt").write_text(
        "Dogs Overview\n\nWhat Do Dogs Eat?\n\nDogs eat meat and vegetables.\n", "utf-8"
    )
    return folder


@pytest.fixture
def hash_index(tmp_path, small_corpus, hash_encoder) -> Path:
    from verbatim.index import build_index

    index = tmp_path / "index"
    build_index(small_corpus, index, hash_encoder)
    return index


@pytest.fixture(scope="session")
def real_encoder():
    from verbatim.embedding import load_encoder

    return load_encoder()


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, real_encoder) -> Path:
    from verbatim.index import build_index

    index = tmp_path_factory.mktemp("real") / "index"
    build_index(CORPUS, index, real_encoder)
    return index


@pytest.fixture(scope="session")
def searcher(real_index, real_encoder):
    from verbatim.search import Searcher

    return Searcher.open(real_index, CORPUS, encoder=real_encoder)
