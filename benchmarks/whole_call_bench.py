"""A whole search call at scale: every stage of ``Searcher.search`` over a corpus of N passages.

    python benchmarks/whole_call_bench.py --passages 100000 [--work DIR] [--out FILE.json]

scale_bench.py measures the dense index alone. This builds a real index (``build_index``: files,
chunker, manifest, BM25, the dense form chosen by size) from a generated Markdown corpus: files of
100 sections, each section one paragraph of three sentences made of the article's own words, so
that BM25 sees a realistic vocabulary. Embedding four million texts with the model would take
hours on this machine, so the build's vectors come from ``SeededEncoder``: a unit vector seeded by
each text's hash (384 dimensions, the model's). A fresh process then loads the index as the page
does and answers the 60 dev questions with the real model encoding them (vectors of another space
than the index's: the timings and the memory are the point, not the answers). It reports the
searcher's resident memory after loading and after the warm questions, the load time, and the
whole call's warm p50 / p95 beside the encoder's own share.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.common import machine, percentiles  # noqa: E402

ARTICLE = ROOT / "corpus" / "emotional-numbness.md"
DEV = ROOT / "eval" / "dev.jsonl"
SECTIONS_PER_FILE = 100
CORPUS_VERSION = 1  # bump when write_corpus changes: kept corpora and builds are named by it


class SeededEncoder:
    """384-d unit vectors seeded by a text's CRC32: a stand-in for building, never for answers."""

    name = "bench/seeded-384"
    fingerprint = "seeded-384-v1"
    dim = 384

    def count_tokens(self, text: str) -> int:
        return len(text.split()) + 2

    def encode(self, texts) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = np.random.default_rng(zlib.crc32(t.encode())).standard_normal(self.dim, dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def write_corpus(folder: Path, passages: int, seed: int = 11) -> None:
    """Markdown files of SECTIONS_PER_FILE sections, one three-sentence paragraph each."""
    words = re.findall(r"[a-z]+", ARTICLE.read_text("utf-8").lower())
    vocab = np.array(sorted(set(words)))
    freq = np.array([words.count(w) for w in vocab], dtype=np.float64)
    p = freq / freq.sum()
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(-(-passages // SECTIONS_PER_FILE)):
        n = min(SECTIONS_PER_FILE, passages - f * SECTIONS_PER_FILE)
        picks = vocab[rng.choice(len(vocab), size=(n, 3, 12), p=p)]
        parts = [f"# Article {f}\n"]
        for s in range(n):
            sentences = " ".join(" ".join(w).capitalize() + "." for w in picks[s])
            parts.append(f"## Section {f}.{s}\n\n{sentences}\n")
        (folder / f"a{f:06d}.md").write_text("\n".join(parts), "utf-8")


SEARCH = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
import numpy as np
from benchmarks.whole_call_bench import SeededEncoder
from verbatim.config import PARALLEL_LEXICAL_ROWS
from verbatim.embedding import load_encoder
from verbatim.index import load_index, read_manifest
from verbatim.safety import SafetyChecker
from verbatim.search import Searcher

def rss(field="VmRSS"):
    # VmHWM for the peak, not ru_maxrss: Linux carries ru_maxrss over from the forking parent (the build).
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) / 1024

rows = read_manifest(Path({index!r}))[1]["rows"]
real = load_encoder(spin=rows < PARALLEL_LEXICAL_ROWS)  # as Searcher.open loads it for an index of this size
real.encode(["warm up"])
before = rss()
t = time.perf_counter()
index = load_index(Path({index!r}), SeededEncoder())
load_s = time.perf_counter() - t
searcher = Searcher(index, real, source_root=Path({corpus!r}), safety=SafetyChecker(real))
loaded = rss()
queries = [json.loads(l)["query"] for l in open({dev!r}) if l.strip()]
for q in queries:
    searcher.search(q)
calls, enc = [], []
for _ in range(3):
    for q in queries:
        t = time.perf_counter(); searcher.search(q); calls.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter(); real.encode([q]); enc.append((time.perf_counter() - t) * 1000)
peak = rss("VmHWM")
print(json.dumps({{"load_s": round(load_s, 1), "rss_model_mb": round(before), "rss_loaded_mb": round(loaded),
                  "rss_after_queries_mb": round(rss()), "peak_rss_mb": round(peak),
                  "call_ms": [round(float(np.percentile(calls, 50)), 2), round(float(np.percentile(calls, 95)), 2)],
                  "encode_ms": [round(float(np.percentile(enc, 50)), 2), round(float(np.percentile(enc, 95)), 2)]}}))
"""


def run(passages: int, work: Path) -> dict:
    from verbatim.index import build_index, rebuild_reason

    corpus, index_dir = work / f"corpus-{passages}-v{CORPUS_VERSION}", work / f"index-{passages}-v{CORPUS_VERSION}"
    if not corpus.is_dir():
        t = time.perf_counter()
        write_corpus(corpus, passages)
        print(f"corpus written in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    built = work / f"build-{passages}-v{CORPUS_VERSION}.json"  # kept and reused: a build takes minutes at 1M
    # A kept build of an older index format is rebuilt; its vectors are reused, so the time is not a build's.
    if not built.is_file() or rebuild_reason(index_dir, corpus, SeededEncoder()):
        t = time.perf_counter()
        report = build_index(corpus, index_dir, SeededEncoder(), progress=lambda m: print(m, file=sys.stderr))
        built.write_text(json.dumps({"build_s": round(time.perf_counter() - t, 1), "build": report.build,
                                     "passages": report.passages, "rows": report.rows, "index_type": report.index_type,
                                     "reused": report.reused}))
    b = json.loads(built.read_text())
    code = SEARCH.format(root=str(ROOT), index=str(index_dir), corpus=str(corpus), dev=str(DEV))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    size = sum(f.stat().st_size for f in (index_dir / b["build"]).rglob("*") if f.is_file())
    return {"passages": b["passages"], "vectors": b["rows"], "index_type": b["index_type"],
            "build_s": b["build_s"], "index_mb": round(size / 2**20, 1),
            **json.loads(proc.stdout.strip().splitlines()[-1])}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, nargs="+", default=[100_000])
    parser.add_argument("--work", type=Path, required=True, help="folder for the corpora and indexes (kept)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    figures = {"machine": machine(), "runs": [run(n, args.work) for n in args.passages]}
    if args.out:
        args.out.write_text(json.dumps(figures, indent=1) + "\n", "utf-8")
    print("| passages | vectors | index | build | on disk | load | searcher RSS after questions (peak) | call p50 / p95 | encoder p50 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in figures["runs"]:
        print(f"| {r['passages']:,} | {r['vectors']:,} | {r['index_type']} | {r['build_s']} s | {r['index_mb']} MB | "
              f"{r['load_s']} s | {r['rss_after_queries_mb']} MB ({r['peak_rss_mb']} MB) | "
              f"{r['call_ms'][0]} / {r['call_ms'][1]} ms | {r['encode_ms'][0]} ms |")


if __name__ == "__main__":
    main()
