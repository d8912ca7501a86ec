"""Query vectors for training, from the encoder the search uses at query time, cached by text hash."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

CACHE = Path(__file__).resolve().parent / ".cache" / "vectors"


def _key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def encode_cached(texts: list[str], encoder=None, batch: int = 64) -> np.ndarray:
    """Return one vector per text; texts not in the cache are encoded (longest last) and stored."""
    from verbatim.embedding import load_encoder

    CACHE.mkdir(parents=True, exist_ok=True)
    store = CACHE / "store.npz"
    known: dict[str, np.ndarray] = {}
    if store.is_file():
        with np.load(store) as z:
            known = dict(zip(z["keys"].tolist(), z["vectors"]))
    missing = sorted({t for t in texts if _key(t) not in known}, key=len)
    if missing:
        encoder = encoder or load_encoder()
        for i in range(0, len(missing), batch):
            chunk = missing[i : i + batch]
            for t, v in zip(chunk, encoder.encode(chunk)):
                known[_key(t)] = v
            if (i // batch) % 10 == 9 or i + batch >= len(missing):
                keys = list(known)
                # Written beside and renamed into place: two training runs sharing the cache once wrote
                # into the same file at the same time and left keys and vectors out of step.
                partial = store.with_name(f"store.{os.getpid()}.tmp")
                with partial.open("wb") as f:
                    np.savez(f, keys=np.array(keys), vectors=np.stack([known[k] for k in keys]).astype(np.float32))
                os.replace(partial, store)
                print(f"encoded {min(i + batch, len(missing))}/{len(missing)}", flush=True)
    return np.stack([known[_key(t)] for t in texts]).astype(np.float32)
