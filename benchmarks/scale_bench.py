"""The dense index at scale (verbatim/dense.py, as builds write it): disk, memory, latency, recall.

    python benchmarks/scale_bench.py [--passages 100000 1000000] [--work DIR] [--out FILE.json]
                                     [--threads 1] [--grid]

Vectors are generated the way benchmarks/bench.py generates them (four rows a passage:
the passage and its three sentences; each a mix of three real sentence vectors of the
article plus noise; the dev questions' neighbourhoods planted in the first rows) and written
to a float32 file, the build's input. ``dense.write_dense`` (what ``build_index`` calls)
writes the index files; a fresh process reads them with ``dense.read_dense`` (what
``load_index`` calls), as a searcher would, and times warm searches of one question vector
with k = 128 (what the searcher asks for): the candidate scan plus the exact re-scoring.
Add the question's ONNX encode (about 4 ms) and the lexical side for a whole search call.
Its resident memory is read after loading and the warm queries. Recall@10 is of the first
10 of that same k = 128 search, against exact float32 search over every row, for the 60
dev questions and 200 random rows. The one-row edit (``--edit``) rewrites the dense files of
a build whose one vector changed, as ``build_index`` does: the first build's trained index is
reused, its unchanged rows copied, the passage rows decoded for the centroid.
With ``--work DIR`` the generated vectors and exact answers are kept there and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def exact_top(vectors: np.ndarray, probes: np.ndarray, k: int = 10) -> np.ndarray:
    """Brute-force top ``k`` by inner product, a chunk at a time."""
    best_s = np.full((len(probes), k), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(probes), k), dtype=np.int64)
    for start in range(0, len(vectors), CHUNK):
        s = probes @ np.asarray(vectors[start : start + CHUNK]).T
        top = np.argpartition(-s, k - 1, axis=1)[:, :k]
        cand_s = np.concatenate([best_s, np.take_along_axis(s, top, 1)], axis=1)
        cand_i = np.concatenate([best_i, top + start], axis=1)
        keep = np.argsort(-cand_s, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(cand_s, keep, 1), np.take_along_axis(cand_i, keep, 1)
    return best_i


def question_and_article_vectors(encoder) -> tuple[np.ndarray, np.ndarray]:
    """The dev questions' vectors (planted as neighbourhoods) and the article's sentences' (the basis)."""
    queries = [json.loads(line)["query"] for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    return encoder.encode(queries), encoder.encode([s for s in ARTICLE.read_text("utf-8").split(". ") if s])


def _recall(truth: np.ndarray, got: np.ndarray) -> float:
    return float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)]))


def _memory() -> dict:
    status = dict(line.split(":", 1) for line in open("/proc/self/status") if ":" in line)
    mb = lambda key: round(int(status[key].split()[0]) / 1024, 1)  # noqa: E731
    # Private memory, and pages of the mapped vectors (page cache the kernel can drop).
    return {"rss_mb": mb("VmRSS"), "rss_anon_mb": mb("RssAnon"), "rss_file_mb": mb("RssFile"),
            "peak_rss_mb": mb("VmHWM")}


def search_phase(work: Path, index_dir: Path, threads: int, grid: bool) -> dict:
    """In a fresh process: read the index as a searcher would, then time queries."""
    import faiss

    import verbatim.dense as dense

    entry = json.loads((index_dir / "dense.json").read_text())
    t = time.perf_counter()
    index = dense.read_dense(index_dir, entry)
    load_s = time.perf_counter() - t
    faiss.omp_set_num_threads(threads)  # the searcher: 1 (one query at a time)
    queries = np.load(work / "queries.npy")
    probes = np.load(work / f"probes-{len(index.vectors)}.npy")
    truth = np.load(work / f"truth-{len(index.vectors)}.npy")[:, :10]
    for q in queries:  # warm: the first pass pages in the index and the rows it re-scores
        index.search(q[None, :], K_SEARCH)
    ms, cpu = [], []
    for _ in range(3):
        for q in queries:
            t, c = time.perf_counter(), time.process_time()
            index.search(q[None, :], K_SEARCH)
            ms.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)  # what a quiet core would take; wall waits on others
    memory = _memory()  # after loading and the warm queries; the recall probes below touch more rows
    recall = _recall(truth, np.vstack([index.search(p[None, :], K_SEARCH)[1][:, :10] for p in probes]))
    cpu_pct = {f"cpu_{k}": v for k, v in percentiles(cpu).items()}
    out = {"load_s": round(load_s, 2), **percentiles(ms), **cpu_pct, "recall_at_10": round(recall, 4), **memory,
           "threads": threads, "probes": dense.DENSE_PROBES, "rerank_pool": dense.DENSE_RERANK_POOL}
    out["grid"] = []
    if grid and index.candidates is not None:  # recall and latency against the search settings
        ivf = faiss.extract_index_ivf(index.candidates)
        for probes_n in (32, 64, 128):
            for pool in (512, 1024, 2048):
                ivf.nprobe, dense.DENSE_RERANK_POOL = probes_n, pool
                times, cpu = [], []
                for q in queries:
                    t, c = time.perf_counter(), time.process_time()
                    index.search(q[None, :], K_SEARCH)
                    times.append((time.perf_counter() - t) * 1000)
                    cpu.append((time.process_time() - c) * 1000)
                got = np.vstack([index.search(p[None, :], K_SEARCH)[1][:, :10] for p in probes])
                out["grid"].append({"probes": probes_n, "rerank_pool": pool, **percentiles(times),
                                    **{f"cpu_{k}": v for k, v in percentiles(cpu).items()},
                                    "recall_at_10": round(_recall(truth, got), 4)})
                print(json.dumps(out["grid"][-1]), file=sys.stderr, flush=True)
    return out


def _inputs(work: Path, rows: int, basis: np.ndarray, qvecs: np.ndarray) -> tuple[np.ndarray, float]:
    """The generated vectors, probes and exact answers for ``rows`` (reused if ``work`` has them)."""
    path, truth = work / f"vectors-{rows}.npy", work / f"truth-{rows}.npy"
    t = time.perf_counter()
    if path.exists() and truth.exists() and (work / f"probes-{rows}.npy").exists():
        return np.load(path, mmap_mode="r"), 0.0
    vectors = generate(path, rows, basis, qvecs)
    gen_s = time.perf_counter() - t
    rng = np.random.default_rng(0)
    probes = np.vstack([qvecs, np.asarray(vectors[np.sort(rng.integers(0, rows, 200))])]).astype(np.float32)
    np.save(work / "queries.npy", qvecs)
    np.save(work / f"probes-{rows}.npy", probes)
    np.save(truth, exact_top(vectors, probes))
    return vectors, gen_s


def run_one(passages: int, work: Path, basis: np.ndarray, qvecs: np.ndarray, threads: int, grid: bool,
            edit: bool) -> dict:
    import verbatim.dense as dense

    rows = 4 * passages
    vectors, gen_s = _inputs(work, rows, basis, qvecs)
    index_dir, edited_dir = work / f"index-{rows}", work / f"edited-{rows}"
    for d in (index_dir, edited_dir):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir()
    t = time.perf_counter()
    entry = dense.write_dense(index_dir, vectors)
    build_s = time.perf_counter() - t
    (index_dir / "dense.json").write_text(json.dumps(entry))
    size = sum((index_dir / f).stat().st_size for f in entry["files"])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, __file__, "--phase", "search", "--work", str(work), "--index", str(index_dir),
           "--threads", str(threads)] + (["--grid"] if grid else [])
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"Error: the search phase failed:\n{proc.stderr[-2000:]}")
    searched = json.loads(proc.stdout.strip().splitlines()[-1])
    print(json.dumps({"passages": passages, "build_s": round(build_s, 1), "index_mb": round(size / 2**20, 1),
                      **searched}), file=sys.stderr, flush=True)
    row = {"passages": passages, "vectors": rows, "form": entry["form"], "index_type": entry["index_type"],
           "stored_as": entry["vectors"], "generate_s": round(gen_s, 1), "build_s": round(build_s, 1),
           "one_row_edit_s": None, "index_mb": round(size / 2**20, 1), "index_bytes": size,
           "float32_vectors_mb": round(rows * basis.shape[1] * 4 / 2**20, 1), **searched}
    if not edit:
        return row
    # One vector edited, as ``build_index`` does it: the previous build's rows are reused where
    # their text is unchanged (copied, not decoded, when the form is the same), the new row is
    # encoded, and the passage rows (a quarter here) are decoded for the corpus centroid.
    from verbatim.vectors import MergedRows, read_vectors

    t = time.perf_counter()
    source = np.arange(rows, dtype=np.int64)
    source[rows // 2] = -1
    fresh = np.empty(vectors.shape, np.float32)  # only the edited row's pages are touched
    fresh[rows // 2] = vectors[rows // 3]
    merged = MergedRows(fresh, read_vectors(index_dir, entry["vectors"]), source)
    np.asarray(merged[np.arange(0, rows, 4)]).mean(axis=0)
    dense.write_dense(edited_dir, merged, previous=(index_dir, entry), reused=source)
    edit_s = time.perf_counter() - t
    shutil.rmtree(edited_dir, ignore_errors=True)
    return {**row, "one_row_edit_s": round(edit_s, 1)}


def to_markdown(f: dict) -> str:
    m = f["machine"]
    lines = [f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, load average "
             f"{m['load_average']} at the start, {f.get('load_average_end', '?')} at the end.", "",
             "| passages | vectors | form (index, stored vectors) | build (one-row edit) | on disk | searcher RSS: private + mapped | dense p50 / p95, k=128 (CPU) | recall@10 |",
             "|---|---|---|---|---|---|---|---|"]
    for r in f["rows"]:
        lines.append(f"| {r['passages']:,} | {r['vectors']:,} | {r['form']} (`{r['index_type']}`, {r['stored_as']}) | "
                     f"{r['build_s']} s ({r['one_row_edit_s'] or '-'} s) | {r['index_mb']} MB | {r['rss_anon_mb']} + "
                     f"{r['rss_file_mb']} MB | {r['p50_ms']} / {r['p95_ms']} ms (CPU {r['cpu_p50_ms']} / {r['cpu_p95_ms']}) | {r['recall_at_10']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Measure the dense index at scale.")
    ap.add_argument("--passages", type=int, nargs="+", default=[100_000, 1_000_000],
                    help="corpus sizes in passages, four vectors each (default: 100000 1000000)")
    ap.add_argument("--work", type=Path, default=None,
                    help="keep the generated vectors and exact answers here and reuse them (default: temporary)")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures as JSON here")
    ap.add_argument("--threads", type=int, default=1, help="FAISS threads while searching (the searcher: 1)")
    ap.add_argument("--grid", action="store_true", help="also try other probe counts and re-scoring pools")
    ap.add_argument("--edit", action="store_true", help="also time rewriting the index after a one-row edit")
    ap.add_argument("--phase", choices=["search"], help=argparse.SUPPRESS)
    ap.add_argument("--index", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        print(json.dumps(search_phase(args.work, args.index, args.threads, args.grid)))
        return
    from verbatim.embedding import load_encoder

    qvecs, basis = question_and_article_vectors(load_encoder())
    figures = {"machine": machine(), "rows": []}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for n in args.passages:
            figures["rows"].append(run_one(n, work, basis, qvecs, args.threads, args.grid, args.edit))
            print(to_markdown(figures).splitlines()[-1], flush=True)
    figures["load_average_end"] = round(os.getloadavg()[0], 2)
    print(to_markdown(figures))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2), "utf-8")


if __name__ == "__main__":
    main()
