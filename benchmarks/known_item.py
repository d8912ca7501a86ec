"""A known-item retrieval proxy on a BEIR corpus, through Verbatim's real build and search.

    python benchmarks/known_item.py ../shared/data/scifact-corpus/corpus.jsonl [--limit 1000]
        [--mode title|held-out] [--work DIR] [--out FILE.json]

For corpora whose judged queries we do not have. Each document becomes one Markdown file and
one query whose right answer is that document:

- ``title`` (default): the file holds the body only, under a neutral heading (``# Abstract``),
  and the query is the document's title. Tests how well passages and their sentences carry
  what a document is about.
- ``held-out``: the file holds ``# title`` and the body without its last sentence; the query is
  that last sentence (in abstracts, usually the conclusion: the closest thing to a claim).
  Tests how the heading context (the title) helps find a document from a statement about it.
  Documents of fewer than three sentences are skipped.

The corpus is built with ``build_index`` and searched with ``Searcher.search`` (top 10
sections; each file is one section). Abstention and the safety notes are turned off so that
the ranking itself is scored; how many queries the real threshold would have abstained on
is reported beside it. Printed: MRR@10, nDCG@10 (one relevant document), recall@1 and @10,
and per-query reciprocal ranks in the JSON so that two runs can be compared pairwise
(``--compare A.json B.json``: mean difference and its standard error).

The corpus is the user's: nothing here ships or commits it (SciFact is CC BY-NC).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEUTRAL_HEADING = "Abstract"
TOP_K = 10


def make_task(docs: list[dict], mode: str) -> tuple[dict[str, str], dict[str, str]]:
    """Return (file name -> Markdown, query id -> query text); query ids are document ids."""
    from benchmarks.corpus_bench import file_name
    from verbatim.chunking import sentence_spans

    files, queries = {}, {}
    for d in docs:
        title = " ".join(str(d.get("title") or "").split())
        body = str(d.get("text") or "").strip()
        if not title or not body:
            continue
        if mode == "title":
            files[file_name(d["_id"])] = f"# {NEUTRAL_HEADING}\n\n{body}\n"
            queries[str(d["_id"])] = title
        else:
            spans = sentence_spans(body, 0, len(body))
            if len(spans) < 3:
                continue
            kept = body[: spans[-2][1]]
            files[file_name(d["_id"])] = f"# {title}\n\n{kept}\n"
            queries[str(d["_id"])] = body[spans[-1][0] : spans[-1][1]]
    return files, queries


def write_files(files: dict[str, str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")


def build(corpus: Path, index_dir: Path) -> dict:
    """Build with the library as it is; return the build's figures."""
    from verbatim.embedding import load_encoder
    from verbatim.index import build_index

    t, cpu = time.perf_counter(), _cpu()
    report = build_index(corpus, index_dir, load_encoder())
    return {"build_s": round(time.perf_counter() - t, 1), "build_cpu_s": round(_cpu() - cpu, 1),
            "passages": report.passages, "vectors": report.rows, "embedded": report.embedded}


def score(corpus: Path, index_dir: Path, queries: dict[str, str]) -> dict:
    """Search every query through Searcher.search; rank of its own document in the top 10."""
    from benchmarks.corpus_bench import doc_id_of
    from verbatim import search as search_module
    from verbatim.abstention import load_model
    from verbatim.embedding import load_encoder
    from verbatim.index import load_index, read_manifest

    real = load_model()

    class _NeverAbstain:  # score the ranking; count what the real threshold would do
        threshold = float("-inf")

        def probability(self, evidence):
            return real.probability(evidence)

    search_module.load_abstention_model = lambda: _NeverAbstain()
    encoder = load_encoder()
    live = read_manifest(index_dir)
    searcher = search_module.Searcher(load_index(index_dir, encoder, live=live), encoder, source_root=corpus)
    ranks: dict[str, int] = {}
    would_abstain = 0
    for qid, text in queries.items():
        result = searcher.search(text, top_k=TOP_K)
        would_abstain += result.confidence < real.threshold
        found = list(dict.fromkeys(doc_id_of(h.source) for h in result.passages))
        ranks[qid] = found.index(qid) + 1 if qid in found else 0
    return {**metrics(ranks), "would_abstain": would_abstain, "ranks": ranks}


def metrics(ranks: dict[str, int]) -> dict:
    n = max(len(ranks), 1)
    rr = [1 / r if r else 0.0 for r in ranks.values()]
    return {
        "queries": len(ranks),
        "mrr_at_10": round(sum(rr) / n, 4),
        "ndcg_at_10": round(sum(1 / math.log2(r + 1) if r else 0.0 for r in ranks.values()) / n, 4),
        "recall_at_1": round(sum(r == 1 for r in ranks.values()) / n, 4),
        "recall_at_10": round(sum(r > 0 for r in ranks.values()) / n, 4),
    }


def compare(a: dict, b: dict) -> dict:
    """Paired difference of reciprocal rank (b - a) over the queries both scored."""
    common = sorted(set(a["ranks"]) & set(b["ranks"]))
    d = [(1 / b["ranks"][q] if b["ranks"][q] else 0.0) - (1 / a["ranks"][q] if a["ranks"][q] else 0.0) for q in common]
    mean = sum(d) / max(len(d), 1)
    var = sum((x - mean) ** 2 for x in d) / max(len(d) - 1, 1)
    return {"queries": len(d), "mrr_diff": round(mean, 4), "stderr": round(math.sqrt(var / max(len(d), 1)), 4),
            "better": sum(x > 0 for x in d), "worse": sum(x < 0 for x in d)}


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def run(corpus_jsonl: Path, limit: int | None, mode: str, work: Path) -> dict:
    from benchmarks.common import machine
    from benchmarks.corpus_bench import read_corpus

    files, queries = make_task(read_corpus(corpus_jsonl, limit), mode)
    write_files(files, work / "corpus")
    figures = {"machine": machine(), "corpus": str(corpus_jsonl), "mode": mode, "documents": len(files)}
    figures["build"] = build(work / "corpus", work / "index")
    figures.update(score(work / "corpus", work / "index", queries))
    figures["load_average_after"] = round(os.getloadavg()[0], 2)
    return figures


def to_markdown(f: dict) -> str:
    b = f["build"]
    return "\n".join([
        f"Known-item proxy ({f['mode']}): {f['corpus']}, {f['documents']:,} documents, {f['queries']:,} queries; "
        f"load average {f['machine']['load_average']} before, {f['load_average_after']} after.",
        "",
        "| MRR@10 | nDCG@10 | recall@1 | recall@10 | would abstain | vectors | build wall | build CPU |",
        "|---|---|---|---|---|---|---|---|",
        f"| {f['mrr_at_10']} | {f['ndcg_at_10']} | {f['recall_at_1']} | {f['recall_at_10']} | {f['would_abstain']} | "
        f"{b['vectors']:,} | {b['build_s']} s | {b['build_cpu_s']} s |",
    ])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, help="BEIR corpus.jsonl")
    ap.add_argument("--limit", type=int, default=1000, help="the first N documents (default 1000; 0: all)")
    ap.add_argument("--mode", choices=["title", "held-out"], default="title")
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one, removed)")
    ap.add_argument("--out", type=Path, default=None, help="also write the figures (with per-query ranks) as JSON")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A.json", "B.json"),
                    help="compare two earlier --out files pairwise instead")
    args = ap.parse_args(argv)
    if args.compare:
        a, b = (json.loads(p.read_text("utf-8")) for p in args.compare)
        print(json.dumps(compare(a, b)))
        return
    if args.corpus is None or not args.corpus.is_file():
        ap.error("give a BEIR corpus.jsonl, e.g. ../shared/data/scifact-corpus/corpus.jsonl")
    from benchmarks.common import report, work_folder

    with work_folder(args.work, "verbatim-known-item-") as work:
        figures = run(args.corpus, args.limit or None, args.mode, work)
    report(figures, to_markdown(figures), args.out)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
