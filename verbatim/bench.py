"""Benchmarks: latency, cold start, build, memory, scale, and reference points, in one run.

Timings live here, never in tests. ``python -m verbatim bench`` prints a Markdown report;
the README's figures come from it.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from .config import DEFAULT_CORPUS, DEFAULT_INDEX

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "eval" / "dev.jsonl"
PROBE = "why can't I cry anymore even when I want to"


def _percentiles(ms: list[float]) -> dict:
    ms = sorted(ms)
    return {"p50_ms": round(statistics.median(ms), 2), "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 2)}


def _dev_queries() -> list[str]:
    return [json.loads(line)["query"] for line in DEV.read_text("utf-8").splitlines() if line.strip()]


def _timed_process(code: str, runs: int = 3) -> dict:
    """Median wall time and peak RSS of a fresh Python process running ``code``."""
    walls, rss = [], []
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent across exec.
    wrapper = code + (
        "\nimport sys\nprint('RSS', next(l.split()[1] for l in open('/proc/self/status') "
        "if l.startswith('VmHWM')), file=sys.stderr)"
    )
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", wrapper], cwd=ROOT, capture_output=True, text=True)
        walls.append(time.perf_counter() - t)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-500:])
        rss.append(int(proc.stderr.split("RSS")[-1].split()[0]) / 1024)
    return {"seconds": round(statistics.median(walls), 2), "peak_rss_mb": round(max(rss), 1)}


def warm_latency(searcher, queries: list[str], rounds: int = 3) -> dict:
    for q in queries:
        searcher.search(q)
    ms = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            searcher.search(q)
            ms.append((time.perf_counter() - t) * 1000)
    return _percentiles(ms)


def txtai_reference(passages: list[str], queries: list[str]) -> dict:
    """txtai hybrid search (dense + BM25) with the same model and passages."""
    from txtai import Embeddings

    from .embedding import model_dir

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
    return {**_percentiles(ms), "build_s": round(build, 2)}


def plain_recipe(text: str, queries: list[str]) -> dict:
    """Fixed 1,000-character chunks (overlap 200), sentence-transformers, flat FAISS."""
    import faiss
    from sentence_transformers import SentenceTransformer

    from .embedding import model_dir

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
    return _percentiles(ms)


def synthetic_corpus(folder: Path, articles: int = 12) -> None:
    """Write ``articles`` distinct articles: the real one with its paragraphs' sentences rotated."""
    source = (ROOT / "corpus" / "emotional-numbness.md").read_text("utf-8")
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


def build_times(encoder) -> dict:
    from .index import build_index

    with tempfile.TemporaryDirectory() as tmp:
        corpus, index = Path(tmp) / "corpus", Path(tmp) / "index"
        synthetic_corpus(corpus)
        full = build_index(corpus, index, encoder)
        path = corpus / "article-05.md"
        text = path.read_text("utf-8")
        para = next(p for p in text.split("\n\n") if p.startswith("(Part 5)"))
        path.write_text(text.replace(para, para + " This sentence was added.", 1), "utf-8")
        edit = build_index(corpus, index, encoder)
    return {
        "articles": 12,
        "passages": full.passages,
        "full_build_s": round(full.seconds, 2),
        "one_paragraph_rebuild_s": round(edit.seconds, 2),
        "re_embedded": edit.embedded,
        "ratio": round(edit.seconds / full.seconds, 3),
    }


def scale(encoder, sizes=(1_000, 10_000, 100_000), queries: list[str] | None = None,
          real_vectors: np.ndarray | None = None) -> list[dict]:
    """Synthetic corpora: real query encoding, generated passages and text-like vectors.

    Embedding 100,000 real passages would take about an hour here; what scale changes is the
    index, so vectors are generated and the whole search call (encode, FAISS, BM25, fusion,
    highlights, crisis check) is timed on top. Each vector mixes three real sentence vectors
    of the article plus noise, so neighbourhoods have the low intrinsic dimension of text
    embeddings (isotropic Gaussian noise would have none, and no index could find its
    "neighbours" better than by chance).
    """
    import faiss

    from .chunking import Passage
    from .index import LoadedIndex, Row, _make_faiss, choose_index_type
    from .lexical import LexicalIndex
    from .safety import SafetyChecker
    from .search import Searcher

    rng = np.random.default_rng(7)
    vocab = sorted(set((ROOT / "corpus" / "emotional-numbness.md").read_text("utf-8").lower().split()))
    queries = queries or _dev_queries()
    qvecs = encoder.encode(queries)
    safety = SafetyChecker(encoder)
    if real_vectors is None:
        sentences = [s for s in (ROOT / "corpus" / "emotional-numbness.md").read_text("utf-8").split(". ") if s]
        real_vectors = encoder.encode(sentences)
    real_vectors = np.asarray(real_vectors, dtype=np.float32)
    out = []
    for n in sizes:
        rows, texts, passages = [], [], []
        for pid in range(n):
            sentences = [" ".join(rng.choice(vocab, 12)) + "." for _ in range(3)]
            text = " ".join(sentences)
            spans, pos = [], 0
            for s in sentences:
                spans.append((pos, pos + len(s)))
                pos += len(s) + 1
            passages.append(Passage("synthetic.md", 0, len(text), text, ("Synthetic", f"Section {pid // 5}"), tuple(spans)))
            rows.append(Row(pid, -1))
            texts.append(text)
            for u, s in enumerate(sentences):
                rows.append(Row(pid, u))
                texts.append(s)
        picks = rng.integers(0, len(real_vectors), (len(rows), 3))
        weights = rng.dirichlet(np.ones(3), len(rows)).astype(np.float32)
        vectors = np.einsum("nk,nkd->nd", weights, real_vectors[picks])
        vectors += 0.05 * rng.standard_normal(vectors.shape).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        # Plant the queries' own neighbourhoods so that recall is measured where answers are.
        vectors[: len(qvecs)] = qvecs + 0.05 * rng.standard_normal(qvecs.shape).astype(np.float32)
        vectors[: len(qvecs)] /= np.linalg.norm(vectors[: len(qvecs)], axis=1, keepdims=True)
        kind = choose_index_type(len(rows))
        t = time.perf_counter()
        dense = _make_faiss(vectors, kind)
        lexical = LexicalIndex.build(texts)
        build_s = time.perf_counter() - t
        with tempfile.TemporaryDirectory() as tmp:
            faiss.write_index(dense, f"{tmp}/d.faiss")
            np.save(f"{tmp}/v.npy", vectors)
            lexical.save(Path(tmp) / "lex")
            size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
        unit_rows: dict[int, list[int]] = {}
        for i, r in enumerate(rows):
            if r.unit >= 0:
                unit_rows.setdefault(r.passage, []).append(i)
        index = LoadedIndex(Path("synthetic"), {"index_type": kind}, passages, rows, vectors, dense, lexical, unit_rows)
        searcher = Searcher(index, encoder, safety=safety)
        latency = warm_latency(searcher, queries, rounds=2)
        exact = faiss.IndexFlatIP(encoder.dim)
        exact.add(vectors)
        probes = np.vstack([qvecs, vectors[rng.integers(0, len(rows), 200)]])
        _, truth = exact.search(probes, 10)
        _, got = dense.search(probes, 10)
        recall = float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, got)]))
        out.append({"passages": n, "vectors": len(rows), "index_type": kind, "index_build_s": round(build_s, 2),
                    "index_mb": round(size / 2**20, 1), **latency, "recall_at_10": round(recall, 4)})
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
            for q in ["is emotional numbness permanent", "what is anhedonia", "can stress cause numbness",
                      "online therapy for numbness", "what are the seven c's of resilience"]:
                box.fill(q)
                t = time.perf_counter()
                box.press("Enter")
                page.locator(".vb-about", has_text=q[:20]).wait_for(timeout=30_000)
                later.append((time.perf_counter() - t) * 1000)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    return {"first_answer_s": round(first, 2), "later_question_ms": _percentiles(later)}


def machine() -> dict:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "python": platform.python_version(),
            "os": platform.platform()}


def run_benchmarks(quick: bool = False) -> tuple[dict, str]:
    """Run every measurement; return the figures and a Markdown report."""
    from .embedding import load_encoder, model_dir
    from .search import Searcher

    encoder = load_encoder()
    searcher = Searcher.open(DEFAULT_INDEX, DEFAULT_CORPUS, encoder=encoder)
    queries = _dev_queries()
    figures: dict = {"machine": machine()}
    figures["warm"] = warm_latency(searcher, queries)
    figures["txtai_hybrid"] = txtai_reference([p.text for p in searcher.index.passages], queries)
    article = (ROOT / "corpus" / "emotional-numbness.md").read_text("utf-8")
    figures["plain_recipe"] = plain_recipe(article, queries)
    figures["cold_search"] = _timed_process(
        "import sys; sys.argv=['verbatim','search',%r,'--json']\nfrom verbatim.cli import cli\n"
        "try:\n    cli(prog_name='verbatim')\nexcept SystemExit:\n    pass" % PROBE
    )
    figures["bare_model_load"] = _timed_process(
        "from sentence_transformers import SentenceTransformer\nSentenceTransformer(%r, device='cpu').encode(['x'])"
        % str(model_dir())
    )
    figures["build"] = build_times(encoder)
    figures["build_memory"] = _timed_process(
        "import tempfile\nfrom pathlib import Path\nfrom verbatim.bench import synthetic_corpus\n"
        "from verbatim.embedding import load_encoder\nfrom verbatim.index import build_index\n"
        "d=Path(tempfile.mkdtemp()); synthetic_corpus(d/'c'); build_index(d/'c', d/'i', load_encoder())", runs=1
    )
    figures["scale"] = scale(encoder, (1_000, 10_000) if quick else (1_000, 10_000, 100_000), queries,
                             np.asarray(searcher.index.vectors))
    if not quick and Path("/usr/bin/chromium").exists():
        figures["page"] = page_first_answer()
    return figures, to_markdown(figures)


def to_markdown(f: dict) -> str:
    m = f["machine"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}.",
        "",
        "| measure | verbatim | reference | ratio (target) |",
        "|---|---|---|---|",
        f"| warm question, p50 / p95 | {f['warm']['p50_ms']} / {f['warm']['p95_ms']} ms | txtai hybrid {f['txtai_hybrid']['p50_ms']} / {f['txtai_hybrid']['p95_ms']} ms; plain recipe {f['plain_recipe']['p50_ms']} / {f['plain_recipe']['p95_ms']} ms | {f['warm']['p50_ms'] / f['txtai_hybrid']['p50_ms']:.2f} (≤ 0.25) |",
        f"| cold one-shot `search` | {f['cold_search']['seconds']} s, {f['cold_search']['peak_rss_mb']} MB peak | import sentence-transformers + load model {f['bare_model_load']['seconds']} s | {f['cold_search']['seconds'] / f['bare_model_load']['seconds']:.2f} (≤ 0.5) |",
        f"| 12-article build ({f['build']['passages']} passages) | full {f['build']['full_build_s']} s, one-paragraph edit {f['build']['one_paragraph_rebuild_s']} s ({f['build']['re_embedded']} texts re-embedded) | | {f['build']['ratio']} (≤ 0.35) |",
        f"| build peak memory | {f['build_memory']['peak_rss_mb']} MB | | |",
    ]
    if "page" in f:
        p = f["page"]
        lines.append(f"| page: `streamlit run` to first answer | {p['first_answer_s']} s | tutorial-style page ≈ 16 s | (≤ 6 s) |")
        lines.append(f"| page: later question, Enter to results, p50 / p95 | {p['later_question_ms']['p50_ms']} / {p['later_question_ms']['p95_ms']} ms | | (≤ 300 ms) |")
    lines += ["", "| passages | vectors | index | index build | size | warm p50 / p95 | recall@10 vs exact |", "|---|---|---|---|---|---|---|"]
    for s in f["scale"]:
        lines.append(f"| {s['passages']:,} | {s['vectors']:,} | {s['index_type']} | {s['index_build_s']} s | {s['index_mb']} MB | {s['p50_ms']} / {s['p95_ms']} ms | {s['recall_at_10']} |")
    return "\n".join(lines)
