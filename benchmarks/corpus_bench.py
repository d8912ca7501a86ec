"""Build a BEIR-format corpus with Verbatim, beside a plain sentence-transformers encode.

    python benchmarks/corpus_bench.py ../shared/data/scifact-corpus [--limit N] [--out FILE.json]

CORPUS is a BEIR ``corpus.jsonl`` (``_id``, ``title``, ``text`` a line) or a folder holding
one. Each document is written as one Markdown file (``# title``, then the text) and built
with the public build API into a fresh index; in the same run sentence-transformers encodes
the same documents whole (title + text, as BEIR does; batch 64), so the ratio of the two
compares like with like on whatever machine runs it. Each side runs in a fresh process,
so peak memory (VmHWM) is its own. Printed: wall and CPU seconds, texts embedded per
second, peak memory, index size.

With ``--queries queries.jsonl --qrels qrels.tsv`` (BEIR format; found automatically as
``queries.jsonl`` and ``qrels/test.tsv`` next to the corpus) both sides are also scored by
nDCG@10: Verbatim through ``Searcher.search`` (passages mapped back to their document,
first occurrence counts; an abstention returns nothing), the plain encode by cosine.

The corpus is the user's: nothing here ships or commits it (SciFact is CC BY-NC).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAIN_BATCH = 64


# --- the corpus ----------------------------------------------------------------------------


def read_corpus(path: Path, limit: int | None = None) -> list[dict]:
    """Return the first ``limit`` documents of a BEIR corpus.jsonl, in file order."""
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs.append(json.loads(line))
                if limit and len(docs) >= limit:
                    break
    return docs


def file_name(doc_id: str) -> str:
    """A file name that maps back to the document id (unsafe characters as _xx hex)."""
    return re.sub(r"[^A-Za-z0-9.-]", lambda m: f"_{ord(m.group()):02x}", str(doc_id)) + ".md"


def doc_id_of(source: str) -> str:
    name = Path(source).name[: -len(".md")]
    return re.sub(r"_([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), name)


def write_markdown(docs: list[dict], folder: Path) -> None:
    """Write one Markdown file per document: the title as a heading, then the text."""
    folder.mkdir(parents=True, exist_ok=True)
    for d in docs:
        title = " ".join(str(d.get("title") or "").split())
        body = str(d.get("text") or "").strip()
        (folder / file_name(d["_id"])).write_text(f"# {title}\n\n{body}\n" if title else f"{body}\n", "utf-8")


def read_queries(queries: Path, qrels: Path) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    """BEIR queries.jsonl and qrels TSV (query-id, corpus-id, score; header line)."""
    judged: dict[str, dict[str, int]] = {}
    for n, line in enumerate(qrels.read_text("utf-8").splitlines()):
        parts = line.split("\t")
        if len(parts) < 3 or (n == 0 and not parts[2].strip().lstrip("-").isdigit()):
            continue
        judged.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    texts = {}
    for line in queries.read_text("utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            if str(q["_id"]) in judged:
                texts[str(q["_id"])] = q["text"]
    return texts, {q: judged[q] for q in texts}


def ndcg_at_10(ranked: dict[str, list[str]], judged: dict[str, dict[str, int]]) -> float:
    """Mean nDCG@10 over the judged queries (graded gains, log2 discount, as BEIR)."""
    scores = []
    for q, rels in judged.items():
        docs = list(dict.fromkeys(ranked.get(q, [])))[:10]
        dcg = sum(rels.get(d, 0) / math.log2(i + 2) for i, d in enumerate(docs))
        ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(rels.values(), reverse=True)[:10]))
        scores.append(dcg / ideal if ideal > 0 else 0.0)
    return round(sum(scores) / max(len(scores), 1), 4)


# --- the two sides, each in its own process ----------------------------------------------


def _peak_rss_mb() -> float:
    with open("/proc/self/status") as f:  # VmHWM: ru_maxrss would carry over the parent's
        return round(int(next(line.split()[1] for line in f if line.startswith("VmHWM"))) / 1024, 1)


def _cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


def phase_build(work: Path, queries: dict[str, str] | None) -> dict:
    """Build the Markdown corpus with Verbatim's public API; optionally search every query."""
    from verbatim.embedding import load_encoder
    from verbatim.index import build_index

    t, cpu = time.perf_counter(), _cpu_seconds()
    encoder = load_encoder()
    report = build_index(work / "corpus", work / "index", encoder)
    seconds, cpu = time.perf_counter() - t, _cpu_seconds() - cpu
    folder = work / "index" / report.build
    out = {
        "build_s": round(seconds, 1),
        "build_cpu_s": round(cpu, 1),
        "passages": report.passages,
        "vectors": report.rows,
        "embedded": report.embedded,
        "texts_per_s": round(report.embedded / seconds, 1),
        "index_type": report.index_type,
        "index_mb": round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1),
        "peak_rss_mb": _peak_rss_mb(),
    }
    if queries:
        from verbatim.search import Searcher

        searcher = Searcher.open(work / "index", work / "corpus", encoder=encoder)
        ranked, abstained = {}, 0
        for qid, text in queries.items():
            result = searcher.search(text, top_k=50)
            abstained += result.no_answer
            ranked[qid] = [doc_id_of(h.source) for h in result.passages]
        out["ranked"], out["abstained"] = ranked, abstained
    return out


def phase_plain(work: Path, queries: dict[str, str] | None) -> dict:
    """sentence-transformers encodes each document whole (title + text), batch 64."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from verbatim.embedding import model_dir

    docs = json.loads((work / "docs.json").read_text("utf-8"))
    t, cpu = time.perf_counter(), _cpu_seconds()
    model = SentenceTransformer(str(model_dir()), device="cpu")
    vectors = model.encode(
        [f"{d.get('title') or ''} {d.get('text') or ''}".strip() for d in docs],
        batch_size=PLAIN_BATCH, normalize_embeddings=True, show_progress_bar=False,
    )
    seconds, cpu = time.perf_counter() - t, _cpu_seconds() - cpu
    out = {"encode_s": round(seconds, 1), "encode_cpu_s": round(cpu, 1), "documents": len(docs),
           "texts_per_s": round(len(docs) / seconds, 1), "peak_rss_mb": _peak_rss_mb()}
    if queries:
        ids = [str(d["_id"]) for d in docs]
        qv = model.encode(list(queries.values()), batch_size=PLAIN_BATCH, normalize_embeddings=True)
        top = np.argsort(-(qv @ vectors.T), axis=1)[:, :10]
        out["ranked"] = {q: [ids[j] for j in row] for q, row in zip(queries, top)}
    return out


def _run_phase(name: str, work: Path) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--work", str(work)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise SystemExit(f"Error: the {name} phase failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- report --------------------------------------------------------------------------------


def run(corpus_path: Path, limit: int | None, work: Path, queries_path: Path | None,
        qrels_path: Path | None, plain: bool = True) -> dict:
    docs = read_corpus(corpus_path, limit)
    write_markdown(docs, work / "corpus")
    (work / "docs.json").write_text(json.dumps(docs, ensure_ascii=False), "utf-8")
    queries = judged = None
    if queries_path and qrels_path:
        queries, judged = read_queries(queries_path, qrels_path)
        (work / "queries.json").write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
    from benchmarks.common import machine

    figures = {"machine": machine(), "corpus": str(corpus_path), "documents": len(docs),
               "load_average_before": round(os.getloadavg()[0], 2)}
    if plain:
        figures["plain"] = _run_phase("plain", work)
    figures["verbatim"] = _run_phase("build", work)
    figures["load_average_after"] = round(os.getloadavg()[0], 2)
    if plain:
        figures["ratio_wall"] = round(figures["verbatim"]["build_s"] / figures["plain"]["encode_s"], 2)
        figures["ratio_cpu"] = round(figures["verbatim"]["build_cpu_s"] / figures["plain"]["encode_cpu_s"], 2)
    if judged:
        figures["queries"] = len(judged)
        figures["verbatim"]["ndcg_at_10"] = ndcg_at_10(figures["verbatim"].pop("ranked"), judged)
        if plain:
            figures["plain"]["ndcg_at_10"] = ndcg_at_10(figures["plain"].pop("ranked"), judged)
    return figures


def to_markdown(f: dict) -> str:
    v, m = f["verbatim"], f["machine"]
    lines = [
        f"Corpus: {f['corpus']} ({f['documents']:,} documents). Machine: {m['cpu']}, {m['cores']} cores, "
        f"Python {m['python']}; load average {f['load_average_before']} before, {f['load_average_after']} after.",
        "",
        "| | wall | CPU | texts | texts/s | peak memory | index | nDCG@10 |",
        "|---|---|---|---|---|---|---|---|",
        f"| Verbatim build ({v['passages']:,} passages) | {v['build_s']} s | {v['build_cpu_s']} s | "
        f"{v['embedded']:,} | {v['texts_per_s']} | {v['peak_rss_mb']} MB | {v['index_mb']} MB ({v['index_type']}) | "
        f"{v.get('ndcg_at_10', '–')} |",
    ]
    if "plain" in f:
        p = f["plain"]
        lines.append(
            f"| sentence-transformers, documents whole (batch {PLAIN_BATCH}) | {p['encode_s']} s | {p['encode_cpu_s']} s | "
            f"{p['documents']:,} | {p['texts_per_s']} | {p['peak_rss_mb']} MB | | {p.get('ndcg_at_10', '–')} |"
        )
        lines += ["", f"Build / plain encode: {f['ratio_wall']}× wall, {f['ratio_cpu']}× CPU (target ≤ 1.5×)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, help="BEIR corpus.jsonl, or a folder holding one")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents (default: all)")
    ap.add_argument("--queries", type=Path, default=None, help="BEIR queries.jsonl (default: beside the corpus)")
    ap.add_argument("--qrels", type=Path, default=None, help="BEIR qrels TSV (default: qrels/test.tsv beside it)")
    ap.add_argument("--no-plain", action="store_true", help="skip the sentence-transformers reference")
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one, removed)")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures as JSON here")
    ap.add_argument("--phase", choices=["build", "plain"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        qfile = args.work / "queries.json"
        queries = json.loads(qfile.read_text("utf-8")) if qfile.exists() else None
        print(json.dumps((phase_build if args.phase == "build" else phase_plain)(args.work, queries)))
        return
    if args.corpus is None:
        ap.error("give a BEIR corpus.jsonl, e.g. python benchmarks/corpus_bench.py ../shared/data/scifact-corpus")
    folder = args.corpus if args.corpus.is_dir() else args.corpus.parent
    corpus = args.corpus / "corpus.jsonl" if args.corpus.is_dir() else args.corpus
    if not corpus.is_file():
        raise SystemExit(f"Error: {corpus}: no such file; give a BEIR corpus.jsonl.")
    queries = args.queries or (folder / "queries.jsonl" if (folder / "queries.jsonl").is_file() else None)
    qrels = args.qrels or (folder / "qrels" / "test.tsv" if (folder / "qrels" / "test.tsv").is_file() else None)
    from benchmarks.common import report, work_folder

    with work_folder(args.work, "verbatim-corpus-bench-") as work:
        figures = run(corpus, args.limit, work, queries, qrels, plain=not args.no_plain)
    report(figures, to_markdown(figures), args.out)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
