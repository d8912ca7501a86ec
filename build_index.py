"""Rebuild the search index when the articles in corpus/ change.

    python build_index.py [--corpus DIR] [--index DIR] [--force]
"""

from __future__ import annotations

import sys

import click

from verbatim.cli import CORPUS_OPTION, INDEX_OPTION, build, one_line_errors
from verbatim.index import rebuild_reason


@click.command()
@CORPUS_OPTION
@INDEX_OPTION
@click.option("--force", is_flag=True, help="Rebuild even if the corpus has not changed.")
@click.pass_context
@one_line_errors
def main(ctx: click.Context, corpus, index_dir, force: bool) -> None:
    """Build the index if it is missing, damaged or older than the corpus."""
    if not force and rebuild_reason(index_dir, corpus) is None:
        click.echo(f"{index_dir} is up to date with {corpus}; nothing to do (--force rebuilds).")
        return
    ctx.invoke(build, corpus=corpus, index_dir=index_dir)


if __name__ == "__main__":
    sys.exit(main())
