import json
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
    assert data["crisis"]["category"] == "suicide"
    assert {"name": "988 Suicide & Crisis Lifeline", "contact": "Call or text 988"} in data["crisis"]["resources"]


def test_batch_mode_keeps_order_and_reports_bad_lines(run, real_index, tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"query": "what is anhedonia"}\n{"query": "   "}\n{"query": "kms"}\n', "utf-8")
    result = run("search", "--queries", str(queries), "--json", "--index", str(real_index), "--corpus", str(CORPUS))
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["query"] for line in lines] == ["what is anhedonia", "   ", "kms"]
    assert lines[1]["error"].startswith("query is empty")
    assert lines[2]["crisis"]["category"] == "suicide"


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
    (["evaluate", "{tmp}/none.jsonl", "--index", "{index}", "--corpus", str(CORPUS)], "Error: {tmp}/none.jsonl: file not found; pass a JSONL file of questions."),
    (["search", "numb", "--top-k", "0", "--index", "{index}"], "Error: Invalid value for '--top-k': 0 is not in the range 1<=x<=50."),
])
def test_errors_are_one_line_naming_the_fix(tmp_path, real_index, args, message):
    args = [a.format(tmp=tmp_path, index=real_index) for a in args]
    proc = subprocess.run([sys.executable, "-m", "verbatim", *args], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode != 0
    last = proc.stderr.strip().splitlines()[-1]
    assert last == message.format(tmp=tmp_path, index=real_index)
    assert "Traceback" not in proc.stderr


def test_stale_corpus_is_reported_with_the_command_that_rebuilds(tmp_path, real_index, corpus_copy):
    (corpus_copy / "emotional-numbness.md").write_text("# Changed\n\nSomething else.\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "verbatim", "search", "numb", "--index", str(real_index),
                           "--corpus", str(corpus_copy)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip() == (
        f"Error: {corpus_copy}: changed since the index was built (~emotional-numbness.md); "
        f"rebuild: python -m verbatim build --corpus {corpus_copy}"
    )


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for command in ("build", "search", "evaluate", "bench"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example: python -m verbatim" in result.output


def test_build_index_script_skips_when_up_to_date(tmp_path):
    index = tmp_path / "index"
    first = subprocess.run([sys.executable, "build_index.py", "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0 and "Built " in first.stdout
    second = subprocess.run([sys.executable, "build_index.py", "--index", str(index)], cwd=ROOT, capture_output=True, text=True)
    assert second.stdout.strip() == f"{index} is up to date with corpus; nothing to do (--force rebuilds)."
