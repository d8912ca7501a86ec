"""Trial builds that embed fewer tokens (issue 15), scored without changing the library.

    python benchmarks/build_variants.py tokens CORPUS.jsonl [--limit 1000]
    python benchmarks/build_variants.py evaluate VARIANT
    python benchmarks/build_variants.py known-item VARIANT CORPUS.jsonl [--mode title|held-out] [--limit 1000] [--out F]

Each VARIANT patches ``verbatim.index`` in this process only (the library is untouched):

- ``base``: the build as it is (each passage with its heading context, each sentence of a
  multi-sentence passage alone).
- ``L``: late chunking. The model runs once over each passage; a sentence's vector is the mean
  of the passage's last-layer token states over the sentence's tokens (special tokens aside).
  Passage vectors stay the model's own.
- ``D``: the reverse. Sentences are embedded alone as now; a multi-sentence passage's vector is
  the token-count-weighted sum of its sentences' and its heading context's mean-pooled
  (unnormalised) vectors, normalised: no model run over the passage.
- ``B0``: no sentence rows. ``Bmin4``: sentence rows only for passages of 4+ sentences.
- ``C``: the heading context only in the first passage of a section. ``Ct``: the same, only
  where the context is the document's title (passages directly under the top heading).
- Combinations with ``+`` (``L+C``).

``tokens`` counts the model tokens each variant embeds (identical texts once) beside the plain
encode (title + text, truncated at 256). ``evaluate`` builds corpus/ into a temporary index and
runs ``python -m verbatim evaluate`` on the development sets (never the locked test).
``known-item`` runs benchmarks/known_item.py's task with the variant. Results: docs/build-profile.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
EVAL_SETS = ["eval/dev.jsonl", "eval/calibration.jsonl", "eval/heldout.jsonl", "eval/counsel-chat/dev.jsonl"]


def _states(encoder, texts):
    """Yield (text index, its encoding, its last-layer token states), batched as the encoder does."""
    from verbatim.embedding import _BATCH_TOKENS, _batches

    encs = encoder._tokenizer.encode_batch(list(texts))
    lengths = np.array([len(e.ids) for e in encs])
    for idx in _batches(np.argsort(lengths, kind="stable"), lengths, _BATCH_TOKENS):
        width = int(lengths[idx].max())
        ids = np.zeros((len(idx), width), np.int64)
        mask = np.zeros_like(ids)
        for row, i in enumerate(idx):
            ids[row, : lengths[i]] = encs[i].ids
            mask[row, : lengths[i]] = 1
        hidden = encoder._session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        for row, i in enumerate(idx.tolist()):
            yield i, encs[i], hidden[row, : lengths[i]]


def late_vectors(encoder, texts, spans):
    """Each text's own vector and, per character span, the mean of its tokens' states."""
    from verbatim.embedding import normalise

    whole = np.empty((len(texts), encoder.dim), np.float32)
    parts = [None] * len(texts)
    for i, enc, h in _states(encoder, texts):
        whole[i] = h.mean(axis=0)
        offs, special = np.array(enc.offsets), np.array(enc.special_tokens_mask, bool)
        vs = []
        for s, e in spans[i]:
            take = ~special & (offs[:, 0] < e) & (offs[:, 1] > s)
            vs.append(h[take].mean(axis=0) if take.any() else h.mean(axis=0))
        parts[i] = normalise(np.array(vs, np.float32)) if vs else np.zeros((0, encoder.dim), np.float32)
    return normalise(whole), parts


def patch(variant: str) -> None:
    """Patch verbatim.index's row texts, keys and embedding for ``variant``."""
    import verbatim.index as vi
    from verbatim.embedding import normalise

    parts = set(variant.split("+"))
    late: dict[str, tuple[str, int, int]] = {}  # sentence text -> (passage text, span in it)
    summed: dict[str, tuple[str, list[str]]] = {}  # passage text -> (context, its sentences)
    min_units = next((int(p[4:]) for p in parts if p.startswith("Bmin")), 2)

    def row_texts(passages):
        rows, texts, previous = [], [], None
        for pid, p in enumerate(passages):
            first = (p.source, p.heading_path) != previous
            previous = (p.source, p.heading_path)
            drop = not first and ("C" in parts or ("Ct" in parts and len(p.heading_path) <= 1))
            text = p.text if drop else p.embedding_text()
            rows.append(vi.Row(pid, -1))
            texts.append(text)
            if len(p.units) < min_units or "B0" in parts:
                continue
            if "D" in parts:
                summed[text] = (p.context if text != p.text else "", [vi.unit_embedding_text(p, u) for u in range(len(p.units))])
            offset = len(text) - len(p.text)
            for u, (s, e) in enumerate(p.units):
                rows.append(vi.Row(pid, u))
                texts.append(vi.unit_embedding_text(p, u))
                late.setdefault(texts[-1], (text, offset + s, offset + e))
        return rows, texts

    vi.row_texts = row_texts
    key = vi._text_key
    if "L" in parts:
        vi._text_key = lambda fp, t: key(fp + ("late" if t in late else ""), t)
    elif "D" in parts:
        vi._text_key = lambda fp, t: key(fp + ("summed" if t in summed else ""), t)

    def embed_late(encoder, texts, bar):
        out = np.empty((len(texts), encoder.dim), np.float32)
        where = {t: i for i, t in enumerate(texts)}
        runs: dict[str, list[tuple[int, int, str]]] = {}
        for t in texts:
            if t in late:
                p, s, e = late[t]
                runs.setdefault(p, []).append((s, e, t))
            else:
                runs.setdefault(t, [])
        order = list(runs)
        whole, spans = late_vectors(encoder, order, [[(s, e) for s, e, _ in runs[t]] for t in order])
        for j, t in enumerate(order):
            if t in where:
                out[where[t]] = whole[j]
            for k, (_, _, sentence) in enumerate(runs[t]):
                out[where[sentence]] = spans[j][k]
        return out

    def embed_summed(encoder, texts, bar):
        need = list(dict.fromkeys(x for t in texts for x in ([c for c in [summed[t][0]] if c] + summed[t][1] if t in summed else [t])))
        raw = np.empty((len(need), encoder.dim), np.float32)
        for i, enc, h in _states(encoder, need):
            raw[i] = h.sum(axis=0)  # mean x token count
        where = {t: i for i, t in enumerate(need)}
        out = np.empty((len(texts), encoder.dim), np.float32)
        for i, t in enumerate(texts):
            if t in summed:
                context, sentences = summed[t]
                out[i] = sum(raw[where[x]] for x in sentences + ([context] if context else []))
            else:
                out[i] = raw[where[t]]
        return normalise(out)

    if "L" in parts:
        vi._embed = embed_late
    elif "D" in parts:
        vi._embed = embed_summed


def count_tokens(corpus_jsonl: Path, limit: int, variants: list[str]) -> dict:
    """Model tokens each variant embeds (identical texts once), on corpus_bench's Markdown files."""
    import verbatim.index as vi
    from benchmarks.corpus_bench import read_corpus, write_markdown
    from verbatim.chunking import Chunker
    from verbatim.config import MAX_TOKENS
    from verbatim.embedding import load_tokenizer
    from verbatim.loading import load_document

    tok = load_tokenizer()
    n = lambda t: min(len(tok.encode(t).ids), MAX_TOKENS)  # noqa: E731
    docs = read_corpus(corpus_jsonl, limit)
    out = {"documents": len(docs), "plain": sum(n(f"{d.get('title') or ''} {d.get('text') or ''}".strip()) for d in docs)}
    with tempfile.TemporaryDirectory() as tmp:
        write_markdown(docs, Path(tmp))
        chunker = Chunker(lambda t: len(tok.encode(t).ids), MAX_TOKENS)
        passages = [p for f in sorted(Path(tmp).glob("*.md")) for p in chunker.chunk(load_document(f, f.name))]
    original = vi.row_texts
    for v in variants:
        vi.row_texts = original
        patch(v)
        rows, texts = vi.row_texts(passages)
        if "L" in v.split("+"):  # sentences come from the passage's run
            texts = [t for r, t in zip(rows, texts) if r.unit < 0]
        if "D" in v.split("+"):  # passages of several sentences come from their sentences and context
            texts = [t for t in texts if t not in {p.embedding_text() for p in passages if len(p.units) > 1}]
            texts += [p.context for p in passages if len(p.units) > 1 and p.context]
        out[v] = sum(n(t) for t in set(texts))
    vi.row_texts = original
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    t = sub.add_parser("tokens")
    t.add_argument("corpus", type=Path)
    t.add_argument("--limit", type=int, default=1000)
    e = sub.add_parser("evaluate")
    e.add_argument("variant")
    k = sub.add_parser("known-item")
    k.add_argument("variant")
    k.add_argument("corpus", type=Path)
    k.add_argument("--mode", choices=["title", "held-out"], default="title")
    k.add_argument("--limit", type=int, default=1000)
    k.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    if args.command == "tokens":
        counts = count_tokens(args.corpus, args.limit, ["base", "C", "Ct", "B0", "Bmin4", "L", "L+C", "D"])
        for v, c in counts.items():
            print(f"{v:8s} {c:8,d}" + (f"  {c / counts['plain']:.2f}x plain" if v not in ("documents", "plain") else ""))
        return
    patch(args.variant)
    if args.command == "evaluate":
        from verbatim.cli import cli

        with tempfile.TemporaryDirectory() as tmp:
            cli(["build", "--index", tmp], standalone_mode=False)
            cli(["evaluate", "--index", tmp, *EVAL_SETS], standalone_mode=False)
        return
    from benchmarks import known_item
    from benchmarks.common import report

    with tempfile.TemporaryDirectory() as tmp:
        figures = known_item.run(args.corpus, args.limit or None, args.mode, Path(tmp))
    figures["variant"] = args.variant
    report(figures, known_item.to_markdown(figures), args.out)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
