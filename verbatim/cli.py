"""Command line: build, search, evaluate, bench. Library errors become one line on stderr."""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Callable
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .config import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_TOP_K, MAX_TOP_K
from .errors import BuildLockedError, CorpusError, IndexWriteError, VerbatimError

INDEX_OPTION = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), default=DEFAULT_INDEX, show_default=True,
    help="Index folder.",
)
CORPUS_OPTION = click.option(
    "--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True,
    help="Folder of .md, .txt and .html articles.",
)


class Interrupted(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that a running build removes its partial files."""


@contextmanager
def _sigterm_interrupts():
    def handler(signum, frame):
        raise Interrupted(signal.Signals(signum).name)

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def one_line_errors(func: Callable) -> Callable:
    """Turn library exceptions, Ctrl-C and SIGTERM into a one-line message and exit status 1."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with _sigterm_interrupts():
                return func(*args, **kwargs)
        except VerbatimError as e:
            raise click.ClickException(str(e)) from None
        except KeyboardInterrupt as e:
            name = e.args[0] if isinstance(e, Interrupted) else "SIGINT"
            raise click.ClickException(
                f"interrupted by {name}; the index was left as it was (the previous build keeps serving)."
            ) from None

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

    Progress goes to stderr, with a bar while embedding on a terminal. Ctrl-C or SIGTERM
    stops it cleanly: the previous build keeps serving.

    Example: python -m verbatim build --corpus corpus --index index
    """
    from .embedding import load_encoder
    from .index import build_index

    report = build_index(corpus, index_dir, load_encoder(), progress=lambda m: click.echo(m, err=True),
                         progress_bar=None)
    click.echo(
        f"Built {report.passages} passages ({report.rows} vectors: {report.embedded} embedded, "
        f"{report.reused} reused) into {index_dir} in {report.seconds:.1f} s. "
        f'Next: python -m verbatim search "your question"'
    )


@cli.command()
@CORPUS_OPTION
@INDEX_OPTION
@click.option("--debounce", type=click.FloatRange(0, 60), default=0.5, show_default=True,
              help="Seconds without further changes before rebuilding.")
@click.option("--while-pid", type=int, default=None, help="Stop when this process exits (make run passes its own).")
@one_line_errors
def watch(corpus: Path, index_dir: Path, debounce: float, while_pid: int | None) -> None:
    """Rebuild the index incrementally whenever the corpus changes, until stopped.

    Builds run one at a time; the page and search pick up each new build. A file that
    cannot be indexed is reported and the previous build keeps serving.

    Example: python -m verbatim watch --corpus corpus --index index
    """
    from .embedding import load_encoder
    from .watch import CorpusWatcher

    watcher = CorpusWatcher(corpus, index_dir, load_encoder(), debounce=debounce,
                            say=lambda m: click.echo(m, err=True))
    try:
        watcher.run(parent_pid=while_pid)
    except KeyboardInterrupt:
        if watcher.building:
            raise  # a build was cut short: one line, exit 1
        click.echo(f"stopped watching {corpus}.", err=True)


@cli.command()
@click.argument("query", required=False)
@click.option("--queries", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
              help="JSONL file (- for stdin), one {\"query\": ...} per line; writes one JSON result per line, "
                   "or {\"line\": N, \"error\": ...} for a bad line, and exits 1 if any line failed.")
@click.option("--top-k", type=click.IntRange(1, MAX_TOP_K), default=DEFAULT_TOP_K, show_default=True,
              help="Passages to return.")
@INDEX_OPTION
@CORPUS_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the JSON result object.")
@click.option("--no-rebuild", is_flag=True,
              help="If the corpus changed since the build, leave out passages of changed files instead of rebuilding.")
@one_line_errors
def search(query: str | None, queries: Path | None, top_k: int, index_dir: Path, corpus: Path, as_json: bool,
           no_rebuild: bool) -> None:
    """Search the article for passages that answer QUERY.

    Every passage is checked against its file first: if the corpus changed since the index
    was built, the index is rebuilt (only changed text is re-embedded) and answered from.

    Example: python -m verbatim search "can zoloft make me feel nothing?" --json
    """
    from .batch import query_too_long
    from .live import LiveSearcher

    if (query is None) == (queries is None):
        raise click.UsageError('give a QUERY or --queries FILE.jsonl, e.g. python -m verbatim search "why am I numb?"')
    if query is not None and query_too_long(query):
        raise click.ClickException(query_too_long(query))
    live = LiveSearcher(index_dir, corpus, rebuild=not no_rebuild)
    if not no_rebuild:
        try:
            report = live.refresh()
        except (CorpusError, IndexWriteError, BuildLockedError) as e:
            # answer from the previous build; passages of changed files are left out
            click.echo(f"warning: could not rebuild: {e}", err=True)
        else:
            if report is not None:
                click.echo(f"{corpus} changed: rebuilt ({report.embedded} embedded, {report.reused} reused).", err=True)
    if queries is not None:
        _search_batch(live, queries, top_k)
        return
    result = live.search(query, top_k)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result, color=sys.stdout.isatty()))


def _search_batch(live, queries: Path, top_k: int) -> None:
    """Answer every good line of a batch; a bad line gets its own error line. Exit 1 if any failed."""
    from .batch import read_batch

    if str(queries) == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = queries.open("rb")
        except FileNotFoundError:
            raise VerbatimError(f"{queries}: file not found; pass a JSONL file of questions.") from None
        except OSError as e:
            raise VerbatimError(f"{queries}: cannot read it ({e.strerror}); pass a readable JSONL file.") from None
    failed = total = 0
    with stream:
        for item in read_batch(stream):
            total += 1
            error = item.error
            if error is None:
                try:
                    out = {"line": item.line, **live.search(item.query, top_k).to_dict()}
                except VerbatimError as e:
                    error = str(e)
            if error is not None:
                failed += 1
                out = {"line": item.line, "error": error}
            click.echo(json.dumps(out, ensure_ascii=False))
    if failed:
        raise click.ClickException(f'{failed} of {total} lines failed; see the output lines with "error".')


def render_text(result, color: bool = False) -> str:
    """Return a search result as text for a terminal."""
    out: list[str] = []
    if result.crisis:
        # An alarm comes first in capitals; a question about the subject gets a calm line.
        label = "HELP FIRST" if result.crisis.policy.alarm else "Help"
        out.append(f"{label}: {result.crisis.headline}")
        out += [f"  • {r['name']}: {r['contact']}" for r in result.crisis.resources]
        out.append("")
    if result.medical:
        out += [f"NOTE: {result.medical.note}", ""]
    if result.language:
        out += [f"NOTE: {result.language.note}", ""]
    if result.notice:
        out += [result.notice, ""]
    if result.withheld:
        out += [f"Left out: passages from {', '.join(result.withheld)}, which changed since the index was built; "
                "rebuild: python -m verbatim build", ""]
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
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@INDEX_OPTION
@CORPUS_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the reports as JSON, one object per set.")
@click.option("--baseline", is_flag=True, help="Also score the tutorial-page recipe (1,000-character chunks, dense only).")
@click.option("--calibrate", is_flag=True, help="Print how separable each set is for abstention instead.")
@click.option("--failures", is_flag=True, help="List every question not answered at rank 1 (stderr).")
@one_line_errors
def evaluate(
    files: tuple[Path, ...], index_dir: Path, corpus: Path, as_json: bool, baseline: bool, calibrate: bool,
    failures: bool,
) -> None:
    """Score retrieval, abstention and safety on JSONL question sets, one table row per set.

    Example: python -m verbatim evaluate eval/counsel-chat/dev.jsonl eval/dev.jsonl --baseline
    """
    from .evaluate import calibrate as suggest, evaluate as run, read_questions, report_table
    from .search import Searcher

    sets = [(f, read_questions(f)) for f in files]
    searcher = Searcher.open(index_dir, corpus)
    if calibrate:
        out = {str(f): suggest(searcher, qs) for f, qs in sets}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    engines = [("verbatim", searcher)]
    if baseline:
        from .baseline import TutorialBaseline

        engines.append(("tutorial page", TutorialBaseline(corpus, searcher.encoder)))
    reports = []
    for f, qs in sets:
        for name, engine in engines:
            reports.append((f.as_posix(), name, run(engine, qs)))
    if as_json:
        for f, name, r in reports:
            click.echo(json.dumps({"set": f, "engine": name, **r.to_dict()}, ensure_ascii=False))
        return
    click.echo(report_table(reports))
    if failures:
        for f, name, r in reports:
            for miss in r.failures:
                click.echo(f"  {f} [{name}] {miss['id']}: {miss['query'][:100]!r} -> rank {miss['rank']}: {miss['top']}", err=True)


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
