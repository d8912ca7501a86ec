"""How many bytes a vector the re-scoring needs at 1,000,000 passages (issue 15's 2 × 10⁹-byte disk target).

    python benchmarks/residual_bits.py [--passages 1000000] [--work DIR] [--out f.json]

Above 2,000,000 vectors a build stores each vector as its candidate code (IVF list + 96 bytes of
4-bit PQ) plus the residual in 8 bits (``r8``: 384 bytes; 482 bytes a vector in all). This measures
what smaller residual codes would keep, with the re-scoring itself isolated from the candidate scan:
each probe's exact top 512 (the re-scoring pool) is re-scored with the codes plus a residual coded

- as ``r8`` does (companded scalar levels, the spread ``r8`` uses), at 4 to 8 bits a dimension, and at
  smaller spreads (fewer bits want narrower levels);
- by product quantisation with 8-bit codes (FAISS ``ProductQuantizer``, trained on the residuals of
  a 200,000-vector sample), at 96, 128 and 192 bytes (at 384, one dimension a code, it is
  the scalar 8-bit code again);

and recall@10 is counted against exact float32 search, as ``scale_bench.py`` counts it. Vectors,
probes and exact answers are generated as ``scale_bench.py`` generates them (and reused from ``--work``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from statistics import NormalDist

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import scale_bench  # noqa: E402
from benchmarks.common import machine  # noqa: E402

POOL = 512


def scalar_levels(bits: int) -> tuple[np.ndarray, np.ndarray]:
    levels = np.array([NormalDist().inv_cdf((j + 0.5) / 2**bits) for j in range(2**bits)], np.float32)
    return levels, (levels[1:] + levels[:-1]) / 2


def main(argv: list[str] | None = None) -> None:
    from verbatim.config import EMBEDDING_DIM, RESIDUAL_SPREAD
    from verbatim.dense import _trained, choose_form
    from verbatim.embedding import load_encoder
    from verbatim.vectors import Codec, residual_bounds

    ap = argparse.ArgumentParser(description="Recall@10 of re-scoring with smaller residual codes.")
    ap.add_argument("--passages", type=int, default=1_000_000, help="four vectors a passage (default 1000000)")
    ap.add_argument("--work", type=Path, required=True, help="generated vectors and exact answers (kept, reused)")
    ap.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    import faiss

    rows = 4 * args.passages
    form = choose_form(rows, EMBEDDING_DIM)
    if form["vectors"] != "r8":
        raise SystemExit(f"Error: --passages {args.passages} gives {rows:,} vectors, stored as {form['vectors']}; "
                         "the residual exists from 2,000,001 vectors on: give --passages 500001 or more")
    qvecs, basis = scale_bench.question_and_article_vectors(load_encoder())
    args.work.mkdir(parents=True, exist_ok=True)
    vectors, _ = scale_bench._inputs(args.work, rows, basis, qvecs)
    probes = np.load(args.work / f"probes-{rows}.npy")
    truth = np.load(args.work / f"truth-{rows}.npy")[:, :10]
    pool = scale_bench.exact_top(vectors, probes, POOL)

    codec = Codec(_trained(vectors, form, None)[0])  # the candidate index a build trains, same sample
    take = np.sort(np.random.default_rng(0).choice(rows, min(rows, 200_000), replace=False))
    sample = np.ascontiguousarray(vectors[take], np.float32)
    sample_res = sample - codec.decode(codec.encode(sample))
    cand = np.unique(pool)
    exact = np.ascontiguousarray(vectors[cand], np.float32)
    approx = codec.decode(codec.encode(exact))
    residual = exact - approx
    at = np.searchsorted(cand, pool)

    def recall(rebuilt: np.ndarray) -> float:
        got = [pool[i][np.argsort(-(rebuilt[at[i]] @ p), kind="stable")[:10]] for i, p in enumerate(probes)]
        return round(scale_bench._recall(truth, np.array(got)), 4)

    results = [{"residual": "none (codes only)", "bytes": 0, "recall_at_10": recall(approx)}]
    mean, spread = sample_res.mean(axis=0), sample_res.std(axis=0)
    for bits in (4, 5, 6, 7, 8):
        levels, edges = scalar_levels(bits)
        for width in (1.0, 1.5, 2.0, 2.5, RESIDUAL_SPREAD):
            scale = residual_bounds(sample_res)[1] if width == RESIDUAL_SPREAD and bits == 8 else width * spread
            coded = levels[np.searchsorted(edges, (residual - mean) / scale)] * scale + mean
            name = f"r8 as builds store it (spread {RESIDUAL_SPREAD:g}, widened to the sample's largest residual)" \
                if width == RESIDUAL_SPREAD and bits == 8 else f"scalar {bits} bits, spread {width}"
            results.append({"residual": name, "bytes": bits * vectors.shape[1] // 8,
                            "recall_at_10": recall(approx + coded)})
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    for m in (96, 128, 192):
        t = time.perf_counter()
        pq = faiss.ProductQuantizer(vectors.shape[1], m, 8)
        pq.train(np.ascontiguousarray(sample_res))
        coded = pq.decode(pq.compute_codes(np.ascontiguousarray(residual)))
        results.append({"residual": f"PQ {m}x8", "bytes": m, "recall_at_10": recall(approx + coded),
                        "train_and_encode_s": round(time.perf_counter() - t, 1)})
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    code_bytes = codec.code_size
    out = {"machine": machine(), "vectors": rows, "index_type": form["index_type"], "pool": POOL,
           "code_bytes": code_bytes, "results": results}
    print(f"{rows:,} generated vectors, `{form['index_type']}` codes ({code_bytes} bytes), each probe's exact "
          f"top {POOL} re-scored; recall@10 against exact search ({len(probes)} probes)\n")
    print("| residual code | bytes a vector (with the codes) | dense part at this size | recall@10 |\n|---|---|---|---|")
    for r in results:
        total = code_bytes + r["bytes"]
        print(f"| {r['residual']} | {total} | {total * rows / 1e9:.2f} × 10⁹ | {r['recall_at_10']} |")
    if args.out:
        args.out.write_text(json.dumps(out, indent=2), "utf-8")


if __name__ == "__main__":
    main()
