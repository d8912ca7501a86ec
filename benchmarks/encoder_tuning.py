"""CPU seconds per encoder configuration on the texts a build embeds (docs/build-profile.md).

    python benchmarks/encoder_tuning.py ../shared/data/scifact-corpus/corpus.jsonl [--docs 200] [--sample 400]

Texts are what a build embeds: every passage (heading context + text) and every sentence of a
multi-sentence passage of the first DOCS documents, written as Markdown as
``corpus_bench.py`` writes them; a fixed sample of SAMPLE of them is encoded by each
configuration, two rounds, one thread each. CPU seconds (not wall time) are printed, because
the machine may be shared; every configuration's vectors are compared with the first's.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus_bench import read_corpus, write_markdown  # noqa: E402


def build_texts(corpus: Path, docs: int) -> list[str]:
    from verbatim.chunking import Chunker
    from verbatim.embedding import count_model_tokens
    from verbatim.loading import load_document

    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        write_markdown(read_corpus(corpus, docs), Path(tmp))
        chunker = Chunker(count_model_tokens)
        for path in sorted(Path(tmp).glob("*.md")):
            for p in chunker.chunk(load_document(path, path.name)):
                texts.append(p.embedding_text())
                if len(p.units) > 1:
                    texts += [p.text[s:e] for s, e in p.units]
    return texts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Compare encoder configurations in CPU seconds.")
    ap.add_argument("corpus", type=Path, help="BEIR corpus.jsonl")
    ap.add_argument("--docs", type=int, default=200, help="documents to chunk (default 200)")
    ap.add_argument("--sample", type=int, default=400, help="texts encoded per configuration (default 400)")
    args = ap.parse_args(argv)
    import onnxruntime as ort
    import torch
    from sentence_transformers import SentenceTransformer

    import verbatim.embedding as embedding

    torch.set_num_threads(1)
    texts = random.Random(0).sample(build_texts(args.corpus, args.docs), args.sample)
    encoder = embedding.load_encoder()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    encoder._session = ort.InferenceSession(  # the cached (fused) export, one thread
        str(embedding.onnx_path(encoder.fingerprint)), options, providers=["CPUExecutionProvider"]
    )
    model = SentenceTransformer(str(embedding.model_dir()), device="cpu")
    embedding.BULK_MIN_TOKENS = 10**12  # keep ONNX Runtime on its own path

    def onnx(budget):
        def run():
            embedding._BATCH_TOKENS = budget
            return encoder.encode(texts)
        return run

    lengths = np.array([len(e.ids) for e in encoder._tokenizer.encode_batch(texts)])

    def bulk(budget):
        def run():
            embedding._BULK_BATCH_TOKENS = budget
            return embedding._bulk_encode(embedding.model_dir(), texts, lengths)
        return run

    configs = {
        "sentence-transformers, batch 32": lambda: model.encode(texts, batch_size=32, normalize_embeddings=True),
        "sentence-transformers, batch 64": lambda: model.encode(texts, batch_size=64, normalize_embeddings=True),
        "ONNX Runtime, 512-token batches": onnx(512),
        "ONNX Runtime, 1,024-token batches": onnx(1024),
        "ONNX Runtime, 4,096-token batches": onnx(4096),
        "ONNX Runtime, 16,384-token batches": onnx(16384),
        "sentence-transformers, 16,384-token batches": bulk(16384),
        "sentence-transformers, 4,096-token batches": bulk(4096),
    }
    model.encode(texts[:8])  # warm both up
    encoder.encode(texts[:8])
    reference = None
    for run in range(2):
        for name, fn in configs.items():
            cpu = time.process_time()
            vectors = fn()
            cpu = time.process_time() - cpu
            reference = vectors if reference is None else reference
            cosine = float(np.min(np.sum(reference * vectors, axis=1)))
            print(f"round {run + 1}  {name:40} {cpu:6.1f} CPU s   min cosine {cosine:.6f}", flush=True)


if __name__ == "__main__":
    main()
