"""Batches of questions (JSONL, one ``{"query": "…"}`` a line) that keep going past bad lines.

Each line is judged on its own: a line that is not UTF-8, not JSON, nested too deeply,
not an object, without a ``query`` string or longer than the page accepts becomes a
``BatchLine`` with an error naming the fix, and the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .config import MAX_QUERY_CHARS

_EXAMPLE = '{"query": "why am I numb?"}'
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "true/false"}


@dataclass
class BatchLine:
    """One line of a batch: its number from 1, and its query or why it has none."""

    line: int
    query: str | None = None
    error: str | None = None


def query_too_long(query: str) -> str | None:
    """The error for a query over MAX_QUERY_CHARS (the page's limit too), or None."""
    if len(query) > MAX_QUERY_CHARS:
        return f"query is {len(query):,} characters; the limit is {MAX_QUERY_CHARS:,}, shorten it."
    return None


def read_batch(lines: Iterable[bytes]) -> Iterator[BatchLine]:
    """Yield every non-blank line of a JSONL batch read as bytes (a file or stdin).

    The first line may start with a UTF-8 byte-order mark (``utf-8-sig``).
    """
    for n, raw in enumerate(lines, 1):
        try:
            text = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield BatchLine(n, error=f"not UTF-8 (byte {e.start} of the line); save the file as UTF-8.")
            continue
        if not text.strip():
            continue
        yield _parse(n, text)


def _parse(n: int, text: str) -> BatchLine:
    try:
        item = json.loads(text)
    except RecursionError:
        return BatchLine(n, error=f"JSON nested too deeply; each line must be one object like {_EXAMPLE}.")
    except ValueError:
        return BatchLine(n, error=f"not valid JSON; each line must be one object like {_EXAMPLE}.")
    if not isinstance(item, dict):
        kind = _JSON_TYPES.get(type(item), "null")
        return BatchLine(n, error=f"a JSON {kind}, not an object; write {_EXAMPLE}.")
    query = item.get("query")
    if "query" not in item:
        return BatchLine(n, error=f'needs a "query" string, e.g. {_EXAMPLE}.')
    if not isinstance(query, str):
        kind = _JSON_TYPES.get(type(query), "null")
        return BatchLine(n, error=f'"query" must be a string, not a JSON {kind}; e.g. {_EXAMPLE}.')
    too_long = query_too_long(query)
    return BatchLine(n, error=too_long) if too_long else BatchLine(n, query=query)
