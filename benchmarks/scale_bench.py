"""The dense index at scale (verbatim/dense_scale.py): size on disk, memory, latency, recall.

    python benchmarks/scale_bench.py [--passages 100000 1000000] [--work DIR] [--out FILE.json]

Vectors are generated the way benchmarks/bench.py generates them (four rows a passage:
the passage and its three sentences; each a mix of three real sentence vectors of the
article plus noise; the dev questions' neighbourhoods planted in the first rows), written
to a float32 file, indexed with ``make_dense_index``, written with ``faiss.write_index``,
and then searched by a fresh process that reads it with ``read_dense_index`` (so resident
memory is what a searcher would hold). Latency is the FAISS search alone with k = 128
(what the searcher asks for); add the query's ONNX encode (about 4 ms) and the lexical
side for the whole search call. Recall@10 is of the first 10 of that same k = 128 search
(what the searcher ranks), against exact search over the float32 rows.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, percentiles  # noqa: E402

ARTICLE = ROOT / "corpus" / "emotional-numbness.md"
DEV = ROOT / "eval" / "dev.jsonl"
CHUNK = 200_000
K_SEARCH = 128


def generate(path: Path, rows: int, basis: np.ndarray, planted: np.ndarray, seed: int = 7) -> np.memmap:
    """Write ``rows`` generated unit vectors to ``path`` (float32, row-major), chunk by chunk."""
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(rows, basis.shape[1]))
    for c, start in enumerate(range(0, rows, CHUNK)):
        rng = np.random.default_rng([seed, c])
        m = min(CHUNK, rows - start)
        picks = rng.integers(0, len(basis), (m, 3))
        weights = rng.dirichlet(np.ones(3), m).astype(np.float32)
        v = np.einsum("nk,nkd->nd", weights, basis[picks])
        v += 0.05 * rng.standard_normal(v.shape, dtype=np.float32)
        if start == 0:
            v[: len(planted)] = planted + 0.05 * rng.standard_normal(planted.shape, dtype=np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        out[start : start + m] = v
    out.flush()
    return out


def exact_top10(vectors: np.ndarray, probes: np.ndarray) -> np.ndarray:
    """Brute-force top 10 by inner product, a chunk at a time."""
    best_s = np.full((len(probes), 10), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(probes), 10), dtype=np.int64)
    for start in range(0, len(vectors), CHUNK):
        s = probes @ np.asarray(vectors[start : start + CHUNK]).T
        top = np.argpartition(-s, 9, axis=1)[:, :10]
        cand_s = np.concatenate([best_s, np.take_along_axis(s, top, 1)], axis=1)
        cand_i = np.concatenate([best_i, top + start], axis=1)
        keep = np.argsort(-cand_s, axis=1)[:, :10]
        best_s, best_i = np.take_along_axis(cand_s, keep, 1), np.take_along_axis(cand_i, keep, 1)
    return best_i


def search_phase(work: Path) -> dict:
    """In a fresh process: read the index as a searcher would, then time queries."""
    from verbatim.dense_scale import read_dense_index

    meta = json.loads((work / "meta.json").read_text())
    t = time.perf_counter()
    index = read_dense_index(work / "dense.faiss", meta["kind"])
    load_s = time.perf_counter() - t
    import faiss

    faiss.omp_set_num_threads(1)  # as the searcher: one query at a time
    queries = np.load(work / "queries.npy")
    probes = np.load(work / "probes.npy")
    truth = np.load(work / "truth.npy")
    for q in queries:
        index.search(q[None, :], K_SEARCH)
    ms = []
    for _ in range(3):
        for q in queries:
            t = time.perf_counter()
            index.search(q[None, :], K_SEARCH)
            ms.append((time.perf_counter() - t) * 1000)
    got = index.search(probes, K_SEARCH)[1][:, :10]
    recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)]))
    grid = []
    if meta["kind"] != "flat":  # how recall and latency trade against the search parameters
        import verbatim.dense_scale as ds

        for share in (1 / 32, 1 / 16, 1 / 8, 1 / 4):
            for factor in (16, 32, 64):
                ds.PROBE_SHARE, ds.REFINE_FACTOR = share, factor
                ds.set_search_parameters(index, meta["kind"])
                t = time.perf_counter()
                for q in queries:
                    index.search(q[None, :], K_SEARCH)
                p50 = (time.perf_counter() - t) / len(queries) * 1000
                got = index.search(probes, K_SEARCH)[1][:, :10]
                r = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)]))
                grid.append({"probe_share": share, "refine_factor": factor, "mean_ms": round(p50, 2),
                             "recall_at_10": round(r, 4)})
                print(json.dumps(grid[-1]), file=sys.stderr, flush=True)
    status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
    return {"load_s": round(load_s, 2), **percentiles(ms), "recall_at_10": round(recall, 4),
            "rss_mb": round(int(status["VmRSS"].split()[0]) / 1024, 1),
            # Private memory, and pages of the mapped file (page cache the kernel can drop).
            "rss_anon_mb": round(int(status["RssAnon"].split()[0]) / 1024, 1),
            "rss_file_mb": round(int(status["RssFile"].split()[0]) / 1024, 1),
            "peak_rss_mb": round(int(status["VmHWM"].split()[0]) / 1024, 1), "grid": grid}


def run_one(passages: int, work: Path, basis: np.ndarray, qvecs: np.ndarray) -> dict:
    import faiss

    from verbatim.dense_scale import factory_string, make_dense_index

    rows = 4 * passages
    t = time.perf_counter()
    vectors = generate(work / "vectors.npy", rows, basis, qvecs)
    gen_s = time.perf_counter() - t
    rng = np.random.default_rng(0)
    probes = np.vstack([qvecs, np.asarray(vectors[np.sort(rng.integers(0, rows, 200))])]).astype(np.float32)
    np.save(work / "queries.npy", qvecs)
    np.save(work / "probes.npy", probes)
    np.save(work / "truth.npy", exact_top10(vectors, probes))
    t = time.perf_counter()
    index, kind = make_dense_index(vectors, rows)
    build_s = time.perf_counter() - t
    faiss.write_index(index, str(work / "dense.faiss"))
    del index
    (work / "meta.json").write_text(json.dumps({"kind": kind}))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, __file__, "--phase", "search", "--work", str(work)],
                          env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"Error: the search phase failed:\n{proc.stderr[-2000:]}")
    searched = json.loads(proc.stdout.strip().splitlines()[-1])
    size = (work / "dense.faiss").stat().st_size
    return {"passages": passages, "vectors": rows, "kind": kind, "factory": factory_string(rows, basis.shape[1]),
            "generate_s": round(gen_s, 1), "build_s": round(build_s, 1), "index_mb": round(size / 2**20, 1),
            "float32_vectors_mb": round(rows * basis.shape[1] * 4 / 2**20, 1), **searched}


def to_markdown(f: dict) -> str:
    m = f["machine"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, load average "
             f"{m['load_average']} at the start.", "",
             "| passages | vectors | index (factory) | build | on disk | searcher RSS: private + mapped file | FAISS p50 / p95, k=128 | recall@10 |",
             "|---|---|---|---|---|---|---|---|"]
    for r in f["rows"]:
        lines.append(f"| {r['passages']:,} | {r['vectors']:,} | {r['kind']} (`{r['factory']}`) | {r['build_s']} s | "
                     f"{r['index_mb']} MB | {r.get('rss_anon_mb', '?')} + {r.get('rss_file_mb', '?')} MB | {r['p50_ms']} / {r['p95_ms']} ms | "
                     f"{r['recall_at_10']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Measure the dense index at scale.")
    ap.add_argument("--passages", type=int, nargs="+", default=[100_000, 1_000_000],
                    help="corpus sizes in passages, four vectors each (default: 100000 1000000)")
    ap.add_argument("--work", type=Path, default=None, help="folder for the generated files (default: temporary)")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures as JSON here")
    ap.add_argument("--refine", choices=["SQ8", "SQfp16"], default=None,
                    help="how re-scoring copies are stored (default: dense_scale.REFINE_CODE)")
    ap.add_argument("--phase", choices=["search"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        print(json.dumps(search_phase(args.work)))
        return
    from verbatim.embedding import load_encoder

    if args.refine:
        import verbatim.dense_scale as ds

        ds.REFINE_CODE = args.refine
    encoder = load_encoder()
    queries = [json.loads(line)["query"] for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    qvecs = encoder.encode(queries)
    basis = encoder.encode([s for s in ARTICLE.read_text("utf-8").split(". ") if s])
    figures = {"machine": machine(), "rows": []}
    for n in args.passages:
        with tempfile.TemporaryDirectory(dir=args.work) as tmp:
            figures["rows"].append(run_one(n, Path(tmp), basis, qvecs))
            print(to_markdown(figures).splitlines()[-1], flush=True)
    print(to_markdown(figures))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2), "utf-8")


if __name__ == "__main__":
    main()
