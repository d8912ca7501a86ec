import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, DEV_SET, ROOT
from verbatim.cli import cli


@pytest.fixture
def run(real_index):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, [*args], catch_exceptions=False)

    return invoke


def test_search_json_contract(run, real_index):
    result = run("search", "can zoloft make me feel nothing?", "--json", "--index", str(real_index), "--corpus", str(CORPUS))
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["no_answer"] is False and data["crisis"] is None and len(data["passages"]) == 5
    top = data["passages"][0]
    assert top["source"] == f"{CORPUS.as_posix()}/emotional-numbness.md"
    assert Path(top["source"]).read_text("utf-8")[top["start"] : top["end"]] == top["text"]


def test_search_says_when_a_question_is_not_in_english(run, real_index):
    result = run("search", "Mój mąż jest pijany i krzyczy, że dziś mnie zabije", "--index", str(real_index), "--corpus", str(CORPUS))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("NOTE: Verbatim reads questions in English only") and "call 911" in result.output


def test_search_human_readable_marks_highlights(run, real_index):
    result = run("search", "why can't I cry anymore even when I want to", "--index", str(real_index), "--corpus", str(CORPUS), "--top-k", "1")
    assert result.exit_code == 0
    assert "[Inability to cry or laugh even when you want to]" in result.output
    assert "Signs of Emotional Numbness" in result.output


def test_abstention_in_text_and_json(run, real_index):
    args = ("search", "how do I bake sourdough bread", "--index", str(real_index), "--corpus", str(CORPUS))
    result = run(*args, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["no_answer"] is True and data["passages"] == []
    text = run(*args)
    assert text.exit_code == 0
    assert text.output.startswith("This article doesn't cover that.\nClosest topics it does cover:\n  • ")


def test_crisis_in_json(run, real_index):
    data = json.loads(run("search", "I want to end my life", "--json", "--index", str(real_index), "--corpus", str(CORPUS)).output)
    assert data["crisis"]["category"] == "suicide" and data["crisis"]["level"] in ("risk", "urgent")
    lifeline = next(r for r in data["crisis"]["resources"] if r["name"] == "988 Suicide & Crisis Lifeline")
    assert lifeline["contact"] == "Call or text 988"
    assert {link["href"] for link in lifeline["links"]} == {"tel:988", "sms:988"}


BAD_LINES = [
    (b"{not json", "not valid JSON; each line must be one object like {\"query\": \"why am I numb?\"}."),
    (b'["a", "list"]', "a JSON array, not an object; write {\"query\": \"why am I numb?\"}."),
    (b'{"question": "why"}', 'needs a "query" string, e.g. {"query": "why am I numb?"}.'),
    (b'{"query": 42}', '"query" must be a string, not a JSON number; e.g. {"query": "why am I numb?"}.'),
    (b'{"query": "caf\xe9"}', "not UTF-8 (byte 14 of the line); save the file as UTF-8."),
    (b"[" * 100_000, "JSON nested too deeply; each line must be one object like {\"query\": \"why am I numb?\"}."),
    (b'{"query": "   "}', "query is empty; type a question, e.g. \"why can't I cry anymore?\""),
    (b'{"query": "' + b"numb " * 5001 + b'"}', "query is 25,005 characters; the limit is 25,000, shorten it."),
]


@pytest.mark.reliability
def test_a_batch_with_bad_lines_answers_all_the_good_ones(run, real_index, tmp_path):
    good = [b'\xef\xbb\xbf{"query": "what is anhedonia"}', b'{"query": "kms"}', b'{"query": "why can\'t I cry"}']
    lines = [good[0], *[bad for bad, _ in BAD_LINES[:4]], good[1], b"", *[bad for bad, _ in BAD_LINES[4:]], good[2]]
    queries = tmp_path / "q.jsonl"
    queries.write_bytes(b"\n".join(lines) + b"\n")
    result = run("search", "--queries", str(queries), "--index", str(real_index), "--corpus", str(CORPUS))
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["line"] for o in out] == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]  # line 7 is blank
    errors = [o for o in out if "error" in o]
    assert [(o["line"], o["error"]) for o in errors] == list(zip([2, 3, 4, 5, 8, 9, 10, 11], [m for _, m in BAD_LINES]))
    answered = [o for o in out if "error" not in o]
    assert [o["query"] for o in answered] == ["what is anhedonia", "kms", "why can't I cry"]
    assert answered[1]["crisis"]["category"] == "suicide" and answered[2]["passages"]
    assert result.exit_code == 1
    assert result.stderr == 'Error: 8 of 11 lines failed; see the output lines with "error".\n'


def test_a_batch_can_come_from_standard_input(run, real_index):
    runner = CliRunner()
    result = runner.invoke(cli, ["search", "--queries", "-", "--index", str(real_index), "--corpus", str(CORPUS)],
                           input=b'{"query": "what is anhedonia"}\n{"query": "why am I numb"}\n')
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["line"] for line in result.stdout.splitlines()] == [1, 2]


def test_evaluate_prints_every_figure(run, real_index):
    result = run("evaluate", str(DEV_SET), "--json", "--index", str(real_index), "--corpus", str(CORPUS))
    report = json.loads(result.output)
    for key in ("hit_at_1", "hit_at_3", "hit_at_5", "mrr_at_10", "none_abstain", "answerable_abstain",
                "mean_passage_chars", "crisis_recall", "crisis_false_alarm", "physical_note", "emotional_false_note"):
        assert report[key] is not None


@pytest.mark.parametrize("args, message", [
    (["search", "x", "--index", "{tmp}/nowhere"], "Error: {tmp}/nowhere: no index found; build it: python -m verbatim build"),
    (["search", "   ", "--index", "{index}", "--corpus", str(CORPUS)], "Error: query is empty; type a question, e.g. \"why can't I cry anymore?\""),
    (["search", "--index", "{index}"], "Error: give a QUERY or --queries FILE.jsonl, e.g. python -m verbatim search \"why am I numb?\""),
    (["build", "--corpus", "{tmp}/missing", "--index", "{tmp}/i"], "Error: {tmp}/missing: corpus folder not found; create it or pass --corpus DIR."),
    (["watch", "--corpus", "{tmp}/missing", "--index", "{tmp}/i"], "Error: {tmp}/missing: corpus folder not found; create it or pass --corpus DIR."),
    (["evaluate", "{tmp}/none.jsonl", "--index", "{index}", "--corpus", str(CORPUS)], "Error: {tmp}/none.jsonl: file not found; pass a JSONL file of questions."),
    (["search", "numb", "--top-k", "0", "--index", "{index}"], "Error: Invalid value for '--top-k': 0 is not in the range 1<=x<=50."),
    (["search", "numb " * 5001, "--index", "{index}"], "Error: query is 25,005 characters; the limit is 25,000, shorten it."),
    (["search", "--queries", "{tmp}/none.jsonl", "--index", "{index}", "--corpus", str(CORPUS)], "Error: {tmp}/none.jsonl: file not found; pass a JSONL file of questions."),
])
@pytest.mark.reliability
def test_errors_are_one_line_naming_the_fix(tmp_path, real_index, args, message):
    args = [a.format(tmp=tmp_path, index=real_index) for a in args]
    proc = subprocess.run([sys.executable, "-m", "verbatim", *args], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert last == message.format(tmp=tmp_path, index=real_index)
    assert "Traceback" not in proc.stderr


@pytest.mark.reliability
def test_a_changed_corpus_is_rebuilt_and_the_answer_quotes_the_new_text(tmp_path, real_index, corpus_copy):
    index = tmp_path / "index"
    shutil.copytree(real_index, index)
    article = corpus_copy / "emotional-numbness.md"
    article.write_text(article.read_text("utf-8").replace(
        "Inability to cry or laugh even when you want to", "Inability to cry or laugh even when you really want to"), "utf-8")
    search = [sys.executable, "-m", "verbatim", "search", "why can't I cry anymore even when I want to", "--json",
              "--top-k", "1", "--index", str(index), "--corpus", str(corpus_copy)]
    stale = subprocess.run([*search, "--no-rebuild"], cwd=ROOT, capture_output=True, text=True)
    assert stale.returncode == 0, stale.stderr
    data = json.loads(stale.stdout)
    assert data["withheld"] == [article.as_posix()] and data["passages"] == []
    proc = subprocess.run(search, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith(f"{corpus_copy} changed: rebuilt (")
    data = json.loads(proc.stdout)
    top = data["passages"][0]
    assert "Inability to cry or laugh even when you really want to" in top["text"] and data["withheld"] == []
    assert article.read_text("utf-8")[top["start"] : top["end"]] == top["text"]


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for command in ("build", "search", "watch", "evaluate", "bench"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example: python -m verbatim" in result.output


@pytest.mark.model  # loads the model in a child process, which no fixture shows
def test_build_index_script_skips_when_up_to_date(tmp_path):
    index = tmp_path / "index"
    first = subprocess.run([sys.executable, "build_index.py", "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0 and "Built " in first.stdout
    second = subprocess.run([sys.executable, "build_index.py", "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
    assert second.stdout.strip() == f"{index} is up to date with corpus; nothing to do (--force rebuilds)."
