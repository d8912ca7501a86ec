"""The RE2 prefilter only ever narrows what Python's re checks: it never hides a match."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from verbatim import crisis
from verbatim.prefilter import PatternSet, ascii_stand_in, stands_in_exactly, widened


def test_lookarounds_are_removed_whole_and_dollar_widened():
    assert widened(r"\bend it\b(?!\s+(with|for\s+(us|them)))") == r"\bend it\b"
    assert widened(r"(?<!not\s)(?<!don't\s)\bwant to die") == r"\bwant to die"
    assert widened(r"a(?=[)(])b") == "ab"
    assert widened(r"\(?=x\)") == r"\(?=x\)"  # escaped parentheses are literals
    assert widened(r"[(?=]x") == r"[(?=]x"  # so is a group opener inside a class
    assert widened(r"(?:a|b)(?P<n>c)") == r"(?:a|b)(?P<n>c)"  # other groups stay
    assert widened(r"end\s*($|[.$])") == r"end\s*((?:\n|$)|[.$])"  # $ widened, not inside a class


def test_long_counted_repeats_are_opened_short_ones_kept():
    # A long counted repeat blows up RE2's DFA for the whole set; an open one only lets more texts match.
    assert widened(r"[^.!?]{0,300}?\bx") == r"[^.!?]*?\bx"
    assert widened(r".{5,600}x") == r".{5,}x"
    assert widened(r"\w{1,2}ing{2}") == r"\w{1,2}ing{2}"
    assert widened(r"[{]{0,300}") == r"[{]*"
    assert PatternSet(["zzz", r"^(?!.{0,800}\bmoving\b)(?=.{0,800}\bwill\b).{0,800}?\bdog\b"]).candidates("cat") == set()


def test_an_unbalanced_pattern_is_refused():
    with pytest.raises(ValueError, match="unbalanced"):
        widened(r"x(?!abc")


def test_non_ascii_characters_stand_in_one_for_one_by_kind():
    assert ascii_stand_in("plain ascii") == "plain ascii"
    assert ascii_stand_in("café\u2003٣🎉ſ") == "cafa 0#s"
    assert len(ascii_stand_in("naïve — 🎉🎉")) == len("naïve — 🎉🎉")


def test_patterns_that_cannot_stand_in_exactly_are_always_candidates():
    assert stands_in_exactly(r"\b(took|swallowed)[^.!?]{0,40}pills\b")
    assert not stands_in_exactly("naïve")  # a literal non-ASCII letter
    assert not stands_in_exactly(r"[^a-z]kill")  # accepts "é" but not its stand-in "a"
    patterns = PatternSet([r"\bkill\b", "naïve", r"[^a-z]x"])
    assert patterns.fast
    assert patterns.candidates("nothing here") == {1, 2}
    assert patterns.candidates("kill") == {0, 1, 2}


def test_every_lexicon_pattern_stands_in_exactly():
    # A pattern RE2 cannot stand in for is a candidate for every question, so its whole (level, category)
    # group runs in Python's re on each one: one "m[aą][zż]" made every question's check 20 times slower on
    # long texts (round 43). Write a non-ASCII letter as \w, with a lookbehind if it must be narrowed.
    lexicon = json.loads((ROOT / "verbatim/data/crisis_lexicon.json").read_text("utf-8"))
    patterns = [*lexicon["ignore"], *(p for c in lexicon["denial"].values() for p in c),
                *(p for level in ("urgent", "risk", "topic") for c in lexicon[level].values() for p in c)]
    assert [p[:60] for p in patterns if not stands_in_exactly(p)] == []


@pytest.mark.parametrize("pattern, text", [
    (r"\btook\b[^.!?]{,40}\bpills\b", "i took all my pills"),  # {,n} is a quantifier to Python only
    (r"caf\xe9", "café"),  # escapes that name a non-ASCII character
    (r"[\xe8]t", "èt"),
    (r"\[[^a]", "[é"),  # a class after an escaped bracket is still checked
    (r"x(?!y){2}", "x"),  # a quantified lookaround
    (r"(?-i:[^s])", "ſ"),  # inline flags
    (r"(a)\1", "aa"),  # patterns RE2 cannot read: back-references, \Z, atomic groups, possessives, comments
    (r"a\Z", "a"),
    (r"(?>a)", "a"),
    (r"a*+", "a"),
    (r"(?#c)a", "a"),
    (r"[^]a-z]x", "éx"),
])
def test_what_re2_reads_differently_is_always_a_candidate(pattern, text):
    assert re.search(pattern, text, re.IGNORECASE)
    patterns = PatternSet(["zzz", pattern])
    assert patterns.candidates(text) == {1}


def _lexicon_patterns() -> list[str]:
    data = json.loads((ROOT / "verbatim" / "data" / "crisis_lexicon.json").read_text("utf-8"))
    patterns = list(data["ignore"]) + [p for group in data["denial"].values() for p in group]
    for level in ("urgent", "risk", "topic"):
        for group in data[level].values():
            patterns += group
    return patterns


LEXICON = _lexicon_patterns()
COMPILED = [re.compile(p, re.IGNORECASE) for p in LEXICON]
PREFILTER = PatternSet(LEXICON)
# Words the patterns are made of, so that generated texts often come close to matching.
WORDS = sorted({w for p in LEXICON for w in re.findall(r"[a-z']{2,}", p)})


def _missed(text: str) -> list[str]:
    found = PREFILTER.candidates(text)
    return [LEXICON[i] for i, c in enumerate(COMPILED) if c.search(text) and i not in found]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=4), min_size=1, max_size=12),
       st.sampled_from([" ", "  ", "-", "\u00a0", "é", "🎉 "]))
def test_the_prefilter_never_misses_a_match_of_generated_text(words, joint):
    for text in (joint.join(words), crisis.normalise_text(joint.join(words))):
        assert _missed(text) == []


def _missed_in(texts: list[str]) -> list[tuple[str, str]]:
    return [(t, m) for t in texts for m in _missed(t)]


def missed_in_parallel(texts: list[str]) -> list[tuple[str, str]]:
    """``_missed_in`` over every text, one process per core: Python's re, pattern by pattern, is the work."""
    workers = os.cpu_count() or 1
    # Interleaved slices, several per worker, so that no process is left with the long posts alone.
    slices = [texts[i :: workers * 8] for i in range(workers * 8)]
    # Forked, the workers share the compiled patterns; they run only re and RE2, no thread pool of ours.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [m for part in pool.map(_missed_in, slices) for m in part]


def test_a_missed_match_is_reported_from_the_worker_processes(monkeypatch):
    # The parallel check must be able to fail: a prefilter that lost a pattern shows up in its result.
    text = "i want to kill myself"
    found = PREFILTER.candidates(text)
    assert found
    monkeypatch.setattr(PREFILTER, "candidates", lambda t: found - {min(found)})
    assert missed_in_parallel(["why can't i cry anymore", text]) == [(text, LEXICON[min(found)])]


# Every pattern over 55,000 texts, long posts among them: about 25 minutes in one process on this 2-core machine,
# more when the machine is busy, so it runs on every core. Correctness, not speed, is checked here, so the suite's
# 600 s limit is lifted for it.
@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_the_prefilter_never_misses_a_match_of_the_training_texts():
    # Every labelled text, real and written: every pattern Python's re matches is a candidate.
    lines = (ROOT / "training" / "data" / "examples.jsonl").read_text("utf-8").splitlines()
    texts = [crisis.normalise_text(json.loads(line)["text"]) for line in lines if line.strip()]
    assert len(texts) > 5000
    assert missed_in_parallel(texts) == []


def test_a_question_the_prefilter_rules_out_compiles_no_pattern_group():
    # Compiling every group took over a second on the page's cold path, before its first answer;
    # a question RE2 rules out needs none of them, and a crisis question only the groups it names.
    crisis._lexicon.cache_clear()
    groups = [pattern for _, patterns in crisis._lexicon()["levels"] for _, pattern in patterns]
    assert crisis.lexicon_level("why can't I cry anymore even when I want to") is None
    assert groups and not any("compiled" in vars(pattern) for pattern in groups)
    assert crisis.lexicon_level("i want to kill myself") == ("risk", "suicide")
    compiled = [pattern for pattern in groups if "compiled" in vars(pattern)]
    assert compiled and len(compiled) < len(groups)


def test_the_lexicon_without_re2_says_the_same(monkeypatch):
    # Where the wheel is missing every pattern is a candidate: slower, never different.
    texts = ["i took all my pills an hour ago", "kms i left my keys again", "I'm not going to kill myself",
             "old self harm scars, best laser treatment", "why can't I cry anymore?", "my dad hits me"]
    fast = [(crisis.lexicon_level(t), crisis.lexicon_candidates(t), crisis.lexicon_denies(t),
             crisis.mentions_means(t)) for t in texts]
    lexicon, means = crisis._lexicon(), crisis._means_pattern()
    monkeypatch.setattr(lexicon["prefilter"], "_set", None)
    monkeypatch.setattr(means[1], "_set", None)
    slow = [(crisis.lexicon_level(t), crisis.lexicon_candidates(t), crisis.lexicon_denies(t),
             crisis.mentions_means(t)) for t in texts]
    assert slow == fast
    assert any(level for level, *_ in fast) and any(m for *_, m in fast)


def test_a_dollar_matches_before_a_final_newline_as_in_python():
    patterns = PatternSet([r"wake up\s*($|[.,!?])"])
    assert patterns.fast and patterns.candidates("i hope i don't wake up\n") == {0}
    assert patterns.candidates("i hope i don't wake up tomorrow morning") == set()


def test_every_lexicon_pattern_is_read_by_re2():
    # A pattern RE2 cannot read exactly falls back to Python's re every time: still right, but its whole
    # category then costs the 0.4 ms the prefilter saves. Rewrite such a pattern rather than accept it.
    from verbatim.prefilter import _re2_form

    assert [p for p in LEXICON if not _re2_form(p)] == []
