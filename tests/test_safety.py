"""Crisis and physical-numbness detection, with the real model's similarity."""

import json

import pytest

from verbatim.errors import VerbatimError
from verbatim.safety import SafetyChecker, load_resources


@pytest.fixture(scope="module")
def checker(real_encoder):
    return SafetyChecker(real_encoder)


def category(checker, encoder, query):
    found = checker.crisis_category(query, encoder.encode([query])[0])
    return found and found[0]


@pytest.mark.parametrize("query, expected", [
    ("I want to kill myself", "suicide"),
    ("i dont want to wake up tomorrow", "suicide"),
    ("everyone would be better off without me", "suicide"),
    ("there's no reason to keep going", "suicide"),
    ("kms", "suicide"),
    ("thinking about how to unalive myself", "suicide"),
    ("I've saved up my pills", "suicide"),
    ("i feel sucidal", "suicide"),
    ("my friend told me she wants to end her life", "suicide"),
    ("how many sleeping pills is a lethal dose", "suicide"),
    ("I've been cutting myself again", "self_harm"),
    ("i burn my arms with a lighter to feel something", "self_harm"),
    ("my boyfriend chokes me when he is angry", "abuse"),
    ("my husband hits me", "abuse"),
    ("I'm scared to go home, my stepdad hurts my mom and me", "abuse"),
])
def test_crisis_categories_in_peoples_own_words(checker, real_encoder, query, expected):
    assert category(checker, real_encoder, query) == expected


@pytest.mark.parametrize("query", [
    "what are the five pillars of resilience", "is emotional numbness permanent", "effects of being numb",
    "can stress cause numbness", "online therapy for numbness", "i feel dead inside, is that numbness?",
    "does it hurt to feel nothing", "what drugs numb emotional pain",
])
def test_ordinary_questions_raise_no_alarm(checker, real_encoder, query):
    assert category(checker, real_encoder, query) is None


def test_crisis_alert_carries_the_configured_resources(checker, real_encoder):
    alert = checker.crisis("I want to die", real_encoder.encode(["I want to die"])[0])
    assert alert.to_dict() == {
        "category": "suicide",
        "resources": [
            {"name": "988 Suicide & Crisis Lifeline", "contact": "Call or text 988"},
            {"name": "Crisis Text Line", "contact": "Text HOME to 741741"},
            {"name": "Emergency services", "contact": "Call 911 if you are in immediate danger"},
        ],
    }
    abuse = checker.crisis("my dad beats me", None)
    assert abuse.category == "abuse" and "1-800-799-7233" in abuse.resources[0]["contact"]


@pytest.mark.parametrize("query, physical", [
    ("my left arm is numb and tingling", True),
    ("numbness in my toes after running", True),
    ("why does my foot fall asleep", True),
    ("pins and needles in my hands", True),
    ("i can't feel my lips after the dentist", True),
    ("I feel emotionally numb", False),
    ("can zoloft make me feel nothing?", False),
    ("I want my feelings back", False),
    ("how do I face my emotions when I'm numb", False),
])
def test_physical_numbness_is_told_apart_from_emotional(checker, real_encoder, query, physical):
    assert checker.is_physical(query, real_encoder.encode([query])[0]) is physical


def test_another_region_replaces_the_resources(tmp_path, monkeypatch, checker):
    config = json.loads(json.dumps(load_resources()))
    config["crisis"]["resources"]["suicide"] = [{"name": "Samaritans", "contact": "Call 116 123"}]
    path = tmp_path / "uk.json"
    path.write_text(json.dumps(config))
    monkeypatch.setenv("VERBATIM_RESOURCES", str(path))
    load_resources.cache_clear()
    try:
        assert checker.crisis("kms", None).resources == [{"name": "Samaritans", "contact": "Call 116 123"}]
        path.write_text("{}")
        load_resources.cache_clear()
        with pytest.raises(VerbatimError, match="not a valid resources file"):
            checker.crisis("kms", None)
    finally:
        monkeypatch.delenv("VERBATIM_RESOURCES")
        load_resources.cache_clear()
