"""Benchmarks: latency, cold start, build, memory, scale and reference points, in one run.

    python benchmarks/bench.py [--quick] [--out bench.json]

Timings live here, never in tests. Everything goes through the package's public API
(``build_index``, ``Searcher``, ``load_encoder``, the CLI): the article is built into a
temporary index, and the scale rows are real builds on disk whose passage vectors come from
a generator (see ``GeneratedEncoder``). Prints a Markdown report; the README's figures come
from it. ``--quick`` (for CI, about two minutes on a quiet machine) skips the reference systems,
the page, the build-memory process and the 10,000- and 100,000-passage rows, builds 6
articles rather than 12, and checks what does not depend on the machine's speed: exact
search finds exactly what brute force finds, and a one-paragraph edit re-embeds two texts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
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
PROBE = "why can't I cry anymore even when I want to"


def dev_queries(kind: str | None = None) -> list[str]:
    rows = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    return [r["query"] for r in rows if kind is None or r["kind"] == kind]


# The page's later questions: answerable ones, so each ends in the heading the timer waits for. Twenty, not five:
# with five, the p95 was one question's time (2026-12-07, a single slow question decided it).
LATER_QUESTIONS = 20


def timed_process(code: str, runs: int = 3) -> dict:
    """Median wall time and peak RSS of a fresh Python process running ``code``."""
    walls, rss = [], []
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec.
    wrapper = code + (
        "\nimport sys\nprint('RSS', next(l.split()[1] for l in open('/proc/self/status') "
        "if l.startswith('VmHWM')), file=sys.stderr)"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", wrapper], cwd=ROOT, env=env, capture_output=True, text=True)
        walls.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-500:])
        rss.append(int(proc.stderr.split("RSS")[-1].split()[0]) / 1024)
    return {"seconds": round(float(np.median(walls)), 2), "peak_rss_mb": round(max(rss), 1)}


def warm_latency(searcher, queries: list[str], rounds: int = 3) -> dict:
    for q in queries:
        searcher.search(q)
    ms = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            searcher.search(q)
            ms.append((time.perf_counter() - t) * 1000)
    return percentiles(ms)


def txtai_reference(passages: list[str], queries: list[str]) -> dict:
    """txtai hybrid search (dense + BM25) with the same model and passages."""
    from txtai import Embeddings

    from verbatim.embedding import model_dir

    emb = Embeddings(path=str(model_dir()), content=True, hybrid=True)
    t = time.perf_counter()
    emb.index([(i, text, None) for i, text in enumerate(passages)])
    build = time.perf_counter() - t
    for q in queries:
        emb.search(q, 5)
    ms = []
    for _ in range(3):
        for q in queries:
            t = time.perf_counter()
            emb.search(q, 5)
            ms.append((time.perf_counter() - t) * 1000)
    return {**percentiles(ms), "build_s": round(build, 2)}


def plain_recipe(text: str, queries: list[str]) -> dict:
    """Fixed 1,000-character chunks (overlap 200), sentence-transformers, flat FAISS."""
    import faiss
    from sentence_transformers import SentenceTransformer

    from verbatim.embedding import model_dir

    chunks = [text[i : i + 1000] for i in range(0, len(text), 800)]
    model = SentenceTransformer(str(model_dir()), device="cpu")
    vectors = model.encode(chunks, normalize_embeddings=True)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    ms = []
    for _ in range(3):
        for q in queries:
            t = time.perf_counter()
            index.search(model.encode([q], normalize_embeddings=True), 5)
            ms.append((time.perf_counter() - t) * 1000)
    return percentiles(ms)


def synthetic_corpus(folder: Path, articles: int = 12) -> None:
    """Write ``articles`` distinct articles: the real one with its paragraphs' sentences rotated."""
    source = ARTICLE.read_text("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(articles):
        out = []
        for para in source.split("\n\n"):
            if para.startswith(("#", "-")):
                out.append(para)
                continue
            sentences = para.split(". ")
            k = n % max(len(sentences), 1)
            out.append(f"(Part {n}) " + ". ".join(sentences[k:] + sentences[:k]))
        (folder / f"article-{n:02d}.md").write_text("\n\n".join(out), "utf-8")


def build_times(encoder, articles: int = 12) -> dict:
    from verbatim.index import build_index

    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        synthetic_corpus(corpus, articles)
        full = build_index(corpus, index, encoder)
        path = corpus / "article-05.md"
        text = path.read_text("utf-8")
        para = next(p for p in text.split("\n\n") if p.startswith("(Part 5)"))
        path.write_text(text.replace(para, para + " This sentence was added.", 1), "utf-8")
        edit = build_index(corpus, index, encoder)
    return {
        "articles": articles,
        "passages": full.passages,
        "vectors": full.rows,
        "full_build_s": round(full.seconds, 2),
        "one_paragraph_rebuild_s": round(edit.seconds, 2),
        "re_embedded": edit.embedded,
        "ratio": round(edit.seconds / full.seconds, 3),
    }


# --- scale -----------------------------------------------------------------------------------


_MARK = "zq "  # begins every generated sentence; no question contains it


class GeneratedEncoder:
    """The real model for queries; generated text-like vectors for the generated passages.

    Embedding 100,000 real passages would take about an hour here; what scale changes is the
    index, so passages are generated and so are their vectors, and the whole search call
    (encode, FAISS, BM25, fusion, highlights, crisis check) is timed on top. A generated
    vector mixes three real sentence vectors of the article plus noise, so neighbourhoods
    have the low intrinsic dimension of text embeddings (isotropic noise would have none,
    and no index could find its "neighbours" better than by chance). It is a function of the
    text alone, so the build's own caching and checks work unchanged. Generated sentences
    start with a marker word; those of passages ``planted-N`` lie next to dev question N, so
    recall is measured where the answers are.
    """

    name = "bench/generated"
    fingerprint = "bench-generated-v1"

    def __init__(self, real, basis: np.ndarray, planted: np.ndarray) -> None:
        self.real, self.basis, self.planted = real, basis, planted
        self.dim = real.dim

    def count_tokens(self, text: str) -> int:
        return self.real.count_tokens(text)

    def encode(self, texts) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        real = []
        for i, t in enumerate(texts):
            if _MARK not in t:  # a question, a crisis example: the real model
                real.append(i)
                continue
            rng = np.random.default_rng(zlib.crc32(t.encode()))
            m = re.search(r"planted-(\d+)", t)
            if m:
                v = self.planted[int(m.group(1)) % len(self.planted)]
            else:
                v = rng.dirichlet(np.ones(3)).astype(np.float32) @ self.basis[rng.integers(0, len(self.basis), 3)]
            out[i] = v + 0.05 * rng.standard_normal(self.dim).astype(np.float32)
        if real:
            out[real] = self.real.encode([texts[i] for i in real])
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def generated_corpus(folder: Path, n: int, planted: int, seed: int = 7) -> None:
    """``n`` passages of three generated sentences, 100 a file, one heading each."""
    rng = np.random.default_rng(seed)
    vocab = sorted(set(re.findall(r"[a-z]+", ARTICLE.read_text("utf-8").lower())))
    folder.mkdir(parents=True, exist_ok=True)
    for f in range(0, n, 100):
        parts = ["# Synthetic"]
        for pid in range(f, min(n, f + 100)):
            words = rng.choice(vocab, (3, 12))
            tag = f"planted-{pid} " if pid < planted else ""
            sentences = [_MARK + (tag if k == 0 else "") + " ".join(w) + "." for k, w in enumerate(words)]
            parts.append(f"## Section {pid}\n\n" + " ".join(sentences))
        (folder / f"part-{f // 100:05d}.md").write_text("\n\n".join(parts) + "\n", "utf-8")


def scale(encoder, sizes, queries: list[str]) -> list[dict]:
    import faiss

    from verbatim.index import build_index
    from verbatim.search import Searcher

    qvecs = encoder.encode(queries)
    sentences = [s for s in ARTICLE.read_text("utf-8").split(". ") if s]
    gen = GeneratedEncoder(encoder, encoder.encode(sentences), qvecs)
    out = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus, index_dir = Path(tmp) / "corpus", Path(tmp) / "index"
            generated_corpus(corpus, n, planted=len(queries))
            report = build_index(corpus, index_dir, gen)
            folder = index_dir / report.build
            size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
            searcher = Searcher.open(index_dir, corpus, encoder=gen)
            latency = warm_latency(searcher, queries, rounds=2)
            vectors = np.asarray(searcher.index.vectors)
            exact = faiss.IndexFlatIP(vectors.shape[1])
            exact.add(vectors)
            rng = np.random.default_rng(0)
            probes = np.vstack([qvecs, vectors[rng.integers(0, len(vectors), 200)]])
            _, truth = exact.search(probes, 10)
            _, got = searcher.index.dense.search(probes, 10)
            recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)]))
        out.append({"passages": report.passages, "vectors": report.rows, "index_type": report.index_type,
                    "build_s": round(report.seconds, 2), "index_mb": round(size / 2**20, 1), **latency,
                    "recall_at_10": round(recall, 4)})
    return out


def page_first_answer(port: int = 8599) -> dict:
    """From `streamlit run app.py` to the first answer visible in headless Chromium."""
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.address",
         "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
            page = browser.new_page()
            while True:
                try:
                    page.goto(f"http://127.0.0.1:{port}/?q=" + PROBE.replace(" ", "%20"))
                    break
                except Exception:
                    if time.perf_counter() - t0 > 60:
                        raise
                    time.sleep(0.1)
            page.locator("mark").first.wait_for(timeout=60_000)
            first = time.perf_counter() - t0
            box = page.get_by_label("Your question")
            later = []
            for q in dev_queries("answer")[:LATER_QUESTIONS]:
                box.fill(q)
                t = time.perf_counter()
                box.press("Enter")
                page.locator(".vb-about", has_text=q[:20]).wait_for(timeout=30_000)
                later.append((time.perf_counter() - t) * 1000)
                # Results show before the run ends. Wait for the end (not timed) before typing the next question,
                # as the browser tests' settle() does: one bench run of 2026-12-06 typed mid-run and never
                # saw the next results, and one of 2026-12-07, which waited for the running indicator only,
                # timed out the same way. The indicator can be absent while elements are still stale, hence
                # the stale check and the pause.
                page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                                       " && !document.querySelector('[data-stale=\"true\"]')", timeout=30_000)
                page.wait_for_timeout(300)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    return {"first_answer_s": round(first, 2), "later_question_ms": percentiles(later)}


def run_benchmarks(quick: bool = False) -> dict:
    """Run every measurement (fewer with ``quick``); return the figures."""
    from verbatim.embedding import load_encoder, model_dir
    from verbatim.index import build_index
    from verbatim.search import Searcher

    encoder = load_encoder()
    queries = dev_queries()
    figures: dict = {"machine": machine(), "quick": quick}
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        build_index(ROOT / "corpus", index_dir, encoder)
        searcher = Searcher.open(index_dir, ROOT / "corpus", encoder=encoder)
        figures["warm"] = warm_latency(searcher, queries, rounds=1 if quick else 3)
        figures["cold_search"] = timed_process(
            "import sys; sys.argv=['verbatim','search',%r,'--json','--index',%r]\nfrom verbatim.cli import cli\n"
            "try:\n    cli(prog_name='verbatim')\nexcept SystemExit:\n    pass" % (PROBE, str(index_dir)),
            runs=1 if quick else 3,
        )
        if not quick:
            figures["txtai_hybrid"] = txtai_reference([p.text for p in searcher.index.passages], queries)
            figures["plain_recipe"] = plain_recipe(ARTICLE.read_text("utf-8"), queries)
            figures["bare_model_load"] = timed_process(
                "from sentence_transformers import SentenceTransformer\n"
                "SentenceTransformer(%r, device='cpu').encode(['x'])" % str(model_dir())
            )
    # The page runs in its own server process; measure it before the build and scale rows, whose
    # 100,000-passage run leaves this machine's caches and memory in a state no fresh server starts in.
    if not quick and Path("/usr/bin/chromium").exists():
        figures["page"] = page_first_answer()
    figures["build"] = build_times(encoder, 6 if quick else 12)
    if not quick:
        figures["build_memory"] = timed_process(
            "import tempfile\nfrom pathlib import Path\nfrom benchmarks.bench import synthetic_corpus\n"
            "from verbatim.embedding import load_encoder\nfrom verbatim.index import build_index\n"
            "d=Path(tempfile.mkdtemp()); synthetic_corpus(d/'c'); build_index(d/'c', d/'i', load_encoder())", runs=1
        )
    figures["scale"] = scale(encoder, (1_000,) if quick else (1_000, 10_000, 100_000), queries)
    return figures


def check(f: dict) -> list[str]:
    """What must hold whatever the machine's speed; returns the failures."""
    problems = []
    if f["build"]["re_embedded"] != 2:
        problems.append(f"a one-paragraph edit re-embedded {f['build']['re_embedded']} texts, not 2")
    for s in f["scale"]:
        if s["index_type"] == "flat" and s["recall_at_10"] != 1.0:
            problems.append(f"exact search at {s['passages']} passages has recall@10 {s['recall_at_10']}, not 1.0")
        if s["vectors"] != 4 * s["passages"]:
            problems.append(f"{s['passages']} generated passages gave {s['vectors']} vectors, not 4 each")
    return problems


def to_markdown(f: dict) -> str:
    m = f["machine"]
    w, b = f["warm"], f["build"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, load average {m['load_average']} at the start.",
        "",
        "| measure | verbatim | reference | ratio (target) |",
        "|---|---|---|---|",
    ]
    if "txtai_hybrid" in f:
        t, p = f["txtai_hybrid"], f["plain_recipe"]
        lines.append(f"| warm question, p50 / p95 | {w['p50_ms']} / {w['p95_ms']} ms | txtai hybrid {t['p50_ms']} / {t['p95_ms']} ms; plain recipe {p['p50_ms']} / {p['p95_ms']} ms | {w['p50_ms'] / t['p50_ms']:.2f} (≤ 0.25) |")
        c, bare = f["cold_search"], f["bare_model_load"]
        lines.append(f"| cold one-shot `search` | {c['seconds']} s, {c['peak_rss_mb']} MB peak | import sentence-transformers + load model {bare['seconds']} s | {c['seconds'] / bare['seconds']:.2f} (≤ 0.5) |")
    else:
        lines.append(f"| warm question, p50 / p95 | {w['p50_ms']} / {w['p95_ms']} ms | | |")
        c = f["cold_search"]
        lines.append(f"| cold one-shot `search` | {c['seconds']} s, {c['peak_rss_mb']} MB peak | | |")
    lines += [
        f"| {b['articles']}-article build ({b['passages']} passages, {b['vectors']} vectors) | full {b['full_build_s']} s, one-paragraph edit {b['one_paragraph_rebuild_s']} s ({b['re_embedded']} texts re-embedded) | | {b['ratio']} (≤ 0.35) |",
    ]
    if "build_memory" in f:
        lines.append(f"| build peak memory | {f['build_memory']['peak_rss_mb']} MB | | |")
    if "page" in f:
        p = f["page"]
        lines.append(f"| page: `streamlit run` to first answer | {p['first_answer_s']} s | tutorial-style page ≈ 16 s | (≤ 6 s) |")
        lines.append(f"| page: later question, Enter to results, p50 / p95 | {p['later_question_ms']['p50_ms']} / {p['later_question_ms']['p95_ms']} ms | | (≤ 300 ms) |")
    lines += ["", "| passages | vectors | index | build | size | warm p50 / p95 | recall@10 vs exact |", "|---|---|---|---|---|---|---|"]
    for s in f["scale"]:
        lines.append(f"| {s['passages']:,} | {s['vectors']:,} | {s['index_type']} | {s['build_s']} s | {s['index_mb']} MB | {s['p50_ms']} / {s['p95_ms']} ms | {s['recall_at_10']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Measure latency, cold start, build time, memory and scale.")
    ap.add_argument("--quick", action="store_true",
                    help="CI mode: skip the reference systems, the page and the 100,000-passage row")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    figures = run_benchmarks(quick=args.quick)
    print(to_markdown(figures))
    if args.out:
        args.out.write_text(json.dumps(figures, indent=2), "utf-8")
    problems = check(figures)
    for p in problems:
        print(f"Error: {p}", file=sys.stderr)
    if problems:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
