"""Which of many regular expressions can match a text, in one linear-time pass (RE2).

The crisis lexicon is a few hundred alternations. Python's backtracking ``re`` tries each of them at
every position of the question: about 0.4 ms for a 30-character question and 1 ms per 100 characters
beyond, most of a warm question's time after the encoder. RE2 (``google-re2``) checks all of them at
once in microseconds, but it has no lookarounds and its ``\\w`` and ``\\b`` are ASCII only. So RE2 is
used here only to say which patterns *may* match, and Python's ``re`` decides, with its own
semantics, among those alone:

- lookarounds are removed before RE2 sees a pattern, and ``$`` is widened to a newline or the end: each
  only widens what matches; a form RE2 might read differently (``{,n}``, inline flags, escapes that name
  a character…) is not given to RE2 at all, and that pattern is always a candidate;
- non-ASCII characters are replaced one for one before RE2 sees the text: a digit by ``0``, a letter
  by ``a`` (or the ASCII letter Python's case folding matches it to), a space by a space, anything
  else by ``#``, so ``\\d``, ``\\w``, ``\\b``, ``\\s`` and ``.`` agree with Python's at every position,
  and a literal can only match more, never less.

Without ``google-re2`` installed every pattern is a candidate: slower, never different
(``tests/test_prefilter.py`` checks the two agree, property-based).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

try:
    import re2
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    re2 = None


def widened(pattern: str) -> str:
    """The pattern RE2 is given: every lookahead and lookbehind ``(?=…)``, ``(?!…)``, ``(?<=…)``,
    ``(?<!…)`` removed, ``$`` widened to ``(?:\\n|$)`` (Python's ``$`` also matches before a final
    newline; RE2's only at the end), and a counted repeat of 30 or more opened (``{0,300}`` to ``*``).
    Each change only lets more texts match."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern[i] not in _WIDENED_SPECIAL:  # copy a run of ordinary characters at once
            j = _next(_WIDENED_SPECIAL_RUN, pattern, i)
            out.append(pattern[i:j])
            i = j
        elif pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif pattern[i] == "[":
            end = _class_end(pattern, i)
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            i = _group_end(pattern, i)
        elif pattern[i] == "$":
            out.append("(?:\\n|$)")
            i += 1
        elif (m := _LONG_REPEAT.match(pattern, i)):
            # "[^.!?]{0,300}": a long counted repeat multiplies RE2's DFA states until the whole set falls back
            # to its slow NFA (64 ms a text instead of 15); an open-ended repeat only lets more texts match.
            out.append("*" if m[1] in ("", "0") else "{" + m[1] + ",}")
            i = m.end()
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def _class_end(pattern: str, i: int) -> int:
    """Index just past the character class that opens at ``i``."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):  # a leading ] is a literal
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _group_end(pattern: str, i: int) -> int:
    """Index just past the group that opens at ``i``."""
    depth, j = 0, i
    while j < len(pattern):
        c = pattern[j]
        if c not in _GROUP_SPECIAL:
            j = _next(_GROUP_SPECIAL_RUN, pattern, j)
            continue
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError(f"unbalanced group in pattern: {pattern!r}")


# Characters the scanners here must look at; runs of any others are skipped in one step (the
# lexicon is ~150,000 characters, and a character-by-character loop was most of its load time).
_LONG_REPEAT = re.compile(r"\{(\d*),(\d{3,}|[3-9]\d)\}")
_WIDENED_SPECIAL = frozenset("\\[(${")
_WIDENED_SPECIAL_RUN = re.compile(r"[\\\[(${]")
_STANDS_IN_SPECIAL = frozenset("\\[{(*+?}")
_STANDS_IN_SPECIAL_RUN = re.compile(r"[\\\[{(*+?}]")
_GROUP_SPECIAL = frozenset("\\[()")
_GROUP_SPECIAL_RUN = re.compile(r"[\\\[()]")


def _next(special: re.Pattern[str], pattern: str, i: int) -> int:
    found = special.search(pattern, i)
    return found.start() if found else len(pattern)


# Non-ASCII letters that Python's re.IGNORECASE matches to an ASCII letter: they stand in as it.
_CASE_FOLDS = {"ı": "i", "İ": "i", "ſ": "s", "\u212a": "k"}


def ascii_stand_in(text: str) -> str:
    """The text with each non-ASCII character replaced by one that ``\\w``/``\\b``/``\\s`` treat alike."""
    return text if text.isascii() else text.translate(_STAND_INS)


class _StandIns(dict):
    """str.translate table: ASCII maps to itself; any other character to its stand-in, worked out once."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        # Python's \d is str.isdecimal(), \w is str.isalnum() (or _), \s is str.isspace().
        if c in _CASE_FOLDS:
            out = _CASE_FOLDS[c]
        elif c.isdecimal():
            out = "0"
        elif c.isalnum():
            out = "a"
        else:
            out = " " if c.isspace() else "#"
        self[code] = out
        return out


_STAND_INS = _StandIns({i: chr(i) for i in range(128)})


# A non-ASCII character of each kind (and the ones case folding ties to ASCII), and its stand-in.
_KINDS = {"é": "a", "\u0663": "0", "\u2003": " ", "—": "#", "🎉": "#", **_CASE_FOLDS}
_GROUP_OPENERS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<")


def stands_in_exactly(pattern: str) -> bool:
    """True if RE2, on the stand-in text and without lookarounds, can only match more than Python.

    Conservative: anything whose meaning could differ is refused, and a refused pattern is always a
    candidate. Refused: a non-ASCII character; an escape other than ``\\b \\B \\w \\W \\s \\S \\d \\D``
    or an escaped symbol (``\\x..``, ``\\u....``, ``\\N{…}``, back-references, ``\\Z`` …); ``{,n}``; inline flags, atomic groups, comments and other
    ``(?`` forms; possessive quantifiers; a quantifier right after a lookaround; a character class
    that accepts a non-ASCII character but not its stand-in (``[^a-z]`` accepts "é" but not "a"), or
    that Python cannot compile on its own.
    """
    if not pattern.isascii():
        return False
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c not in _STANDS_IN_SPECIAL:  # skip a run of ordinary characters at once
            i = _next(_STANDS_IN_SPECIAL_RUN, pattern, i)
        elif c == "\\":
            escaped = pattern[i + 1 : i + 2]
            if not escaped or (escaped.isalnum() and escaped not in "bBwWsSdD"):
                return False
            i += 2
        elif c == "[":
            end = _class_end(pattern, i)
            if not _class_stands_in(pattern[i:end]):
                return False
            i = end
        elif pattern.startswith("{,", i) or (c in "*+?}" and pattern.startswith("+", i + 1)):
            return False
        elif pattern.startswith("(?", i):
            if not pattern.startswith(_GROUP_OPENERS, i):
                return False
            if pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                end = _group_end(pattern, i)
                if pattern[end : end + 1] in ("*", "+", "?", "{"):
                    return False
            i += 2
        else:
            i += 1
    return True


@cache  # the lexicon repeats a few classes ("[^.!?]") hundreds of times
def _class_stands_in(cls: str) -> bool:
    if re.search(r"\\[^wWsSdD\W_]", cls):  # \x.., \u...., \N{…}, octal, \b (backspace here) …
        return False
    try:
        plain, folded = re.compile(cls), re.compile(cls, re.IGNORECASE)
    except re.error:
        return False
    return not any((plain.fullmatch(c) or folded.fullmatch(c)) and not folded.fullmatch(s) for c, s in _KINDS.items())


def _set_form(pattern: str) -> str:
    """The form RE2 is given, or "" (always a candidate) where it cannot stand in exactly. Whether RE2
    can read it ``PatternSet`` learns from ``Set.Add``: compiling each group on its own first took a
    fifth of the lexicon's load."""
    try:
        return widened(pattern) if stands_in_exactly(pattern) else ""
    except ValueError:
        return ""


def _re2_form(pattern: str) -> str:
    """``_set_form``, and "" also where RE2 cannot read it."""
    form = _set_form(pattern)
    try:
        if form:
            re2.compile(form)
    except re2.error:
        return ""
    return form


class PatternSet:
    """Patterns (Python ``re`` syntax) and a fast superset test of which of them can match a text."""

    def __init__(self, patterns: Sequence[str]):
        self.size = len(patterns)
        self._set = None
        if re2 is None or not patterns:
            return
        options = re2.Options()
        options.case_sensitive = False
        options.max_mem = 64 << 20  # a few hundred alternations need more than RE2's 8 MB default
        candidates = re2.Set.SearchSet(options)
        for pattern in patterns:
            # A pattern RE2 cannot stand in for exactly, or cannot read, is added as the empty pattern:
            # always a candidate.
            try:
                candidates.Add(_set_form(pattern))
            except re2.error:
                candidates.Add("")
        candidates.Compile()
        self._set = candidates

    @property
    def fast(self) -> bool:
        return self._set is not None

    def candidates(self, text: str) -> set[int]:
        """Indices of the patterns that may match ``text`` (all of them without RE2)."""
        if self._set is None:
            return set(range(self.size))
        return set(self._set.Match(ascii_stand_in(text)) or ())
