"""Command line: build, search, evaluate, bench. Library errors become one line on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .config import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_TOP_K, MAX_TOP_K
from .errors import VerbatimError

INDEX_OPTION = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), default=DEFAULT_INDEX, show_default=True,
    help="Index folder.",
)
CORPUS_OPTION = click.option(
    "--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True,
    help="Folder of .md, .txt and .html articles.",
)


def one_line_errors(func: Callable) -> Callable:
    """Turn library exceptions into a one-line message and exit status 1."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except VerbatimError as e:
            raise click.ClickException(str(e)) from None
        except KeyboardInterrupt:
            raise click.ClickException("interrupted.") from None

    return wrapper


@click.group()
@click.version_option(version=__version__)
def cli() -> None:
    """Verbatim: answers about an article, in the article's own words.

    \b
    python -m verbatim build
    python -m verbatim search "why can't I cry anymore?"
    python -m verbatim evaluate eval/dev.jsonl
    """


@cli.command()
@CORPUS_OPTION
@INDEX_OPTION
@one_line_errors
def build(corpus: Path, index_dir: Path) -> None:
    """Build the index from the corpus (only changed text is re-embedded).

    Example: python -m verbatim build --corpus corpus --index index
    """
    from .embedding import load_encoder
    from .index import build_index

    report = build_index(corpus, index_dir, load_encoder(), progress=lambda m: click.echo(m, err=True))
    click.echo(
        f"Built {report.passages} passages ({report.rows} vectors: {report.embedded} embedded, "
        f"{report.reused} reused) into {index_dir} in {report.seconds:.1f} s. "
        f'Next: python -m verbatim search "your question"'
    )


@cli.command()
@click.argument("query", required=False)
@click.option("--queries", type=click.Path(path_type=Path, dir_okay=False),
              help="JSONL file, one {\"query\": ...} per line; writes one result per line.")
@click.option("--top-k", type=click.IntRange(1, MAX_TOP_K), default=DEFAULT_TOP_K, show_default=True,
              help="Passages to return.")
@INDEX_OPTION
@CORPUS_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the JSON result object.")
@one_line_errors
def search(query: str | None, queries: Path | None, top_k: int, index_dir: Path, corpus: Path, as_json: bool) -> None:
    """Search the article for passages that answer QUERY.

    Example: python -m verbatim search "can zoloft make me feel nothing?" --json
    """
    from .search import Searcher

    if (query is None) == (queries is None):
        raise click.UsageError('give a QUERY or --queries FILE.jsonl, e.g. python -m verbatim search "why am I numb?"')
    if queries is not None:
        from .evaluate import read_questions

        items = read_questions(queries)
        searcher = Searcher.open(index_dir, corpus)
        for item in items:
            try:
                out = searcher.search(item["query"], top_k).to_dict()
            except VerbatimError as e:  # one bad line does not stop the batch
                out = {"query": item["query"], "error": str(e)}
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    searcher = Searcher.open(index_dir, corpus)
    result = searcher.search(query, top_k)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result, color=sys.stdout.isatty()))


def render_text(result, color: bool = False) -> str:
    """Return a search result as text for a terminal."""
    out: list[str] = []
    if result.crisis:
        out.append(f"HELP FIRST: {result.crisis.headline}")
        out += [f"  • {r['name']}: {r['contact']}" for r in result.crisis.resources]
        out.append("")
    if result.medical:
        out += [f"NOTE: {result.medical.note}", ""]
    if result.notice:
        out += [result.notice, ""]
    if result.no_answer:
        out.append("This article doesn't cover that.")
        if result.suggestions:
            out.append("Closest topics it does cover:")
            out += [f"  • {s}" for s in result.suggestions]
        return "\n".join(out)
    for n, hit in enumerate(result.passages, 1):
        where = f"{hit.source}:{hit.lines[0]}-{hit.lines[1]}"
        out.append(f"{n}. {' › '.join(hit.heading_path)}  ({where}, score {hit.score:.3f})")
        text, pos, parts = hit.text, 0, []
        for s, e in hit.highlights:
            parts.append(text[pos:s])
            parts.append(click.style(text[s:e], bold=True, fg="yellow") if color else f"[{text[s:e]}]")
            pos = e
        parts.append(text[pos:])
        out += ["   " + line for line in "".join(parts).splitlines()] + [""]
    return "\n".join(out).rstrip()


@cli.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@INDEX_OPTION
@CORPUS_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--calibrate", is_flag=True, help="Print the abstention threshold this set suggests instead.")
@one_line_errors
def evaluate(file: Path, index_dir: Path, corpus: Path, as_json: bool, calibrate: bool) -> None:
    """Score retrieval, abstention and safety on a JSONL question set.

    Example: python -m verbatim evaluate eval/dev.jsonl
    """
    from .evaluate import calibrate as suggest, evaluate as run, read_questions
    from .search import Searcher

    questions = read_questions(file)
    searcher = Searcher.open(index_dir, corpus)
    if calibrate:
        click.echo(json.dumps(suggest(searcher, questions), ensure_ascii=False, indent=2))
        return
    report = run(searcher, questions)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    rows = [
        ("questions", report.questions), ("answerable", report.answerable),
        ("hit@1", report.hit_at_1), ("hit@3", report.hit_at_3), ("hit@5", report.hit_at_5),
        ("MRR@10", report.mrr_at_10), ("none abstained", report.none_abstain),
        ("answerable abstained", report.answerable_abstain),
        ("mean passage chars", report.mean_passage_chars), ("crisis recall", report.crisis_recall),
        ("crisis false alarms", report.crisis_false_alarm),
        ("physical: medical note", report.physical_note),
        ("emotional: false medical note", report.emotional_false_note),
    ]
    for name, value in rows:
        click.echo(f"{name:32} {'n/a' if value is None else value}")
    for f in report.failures:
        click.echo(f"  miss {f['id']}: {f['query']!r} -> rank {f['rank']}: {f['top']}", err=True)


@cli.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def bench(ctx: click.Context) -> None:
    """Run the benchmarks: a pointer to benchmarks/bench.py, which lives outside the package.

    Options pass through (--quick, --out FILE.json).

    Example: python -m verbatim bench --quick   (the same as: python benchmarks/bench.py --quick)
    """
    import subprocess

    script = Path(__file__).resolve().parent.parent / "benchmarks" / "bench.py"
    if not script.is_file():
        raise click.ClickException(
            f"{script}: not found; the benchmarks ship with the source checkout, not the installed package."
        )
    raise SystemExit(subprocess.call([sys.executable, str(script), *ctx.args]))


def main() -> None:
    cli(prog_name="python -m verbatim")
