"""Questions readers ask, written by an article's owner beside it, each filed under the section that answers it.

An article ``corpus/foo.md`` may have ``corpus/foo.questions.toml``::

    # Questions readers ask, by the heading of the section that answers them. Used only to find the
    # section: never shown, never quoted.
    "What Is Emotional Numbing?" = [
      "what does emotionally numb mean",
      "Ever since the funeral I feel nothing. Is that what numbing is?",
    ]

Real questions are worded like questions and stories, the article like an article; a question is often
nearer another reader's question than any sentence the section holds (eval/README.md). The file is the
owner's to edit: a heading it names that the article no longer has is a warning, not a failed build, so
renaming a heading never takes the search down.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import SourceFileError

SUFFIX = ".questions.toml"
# A question is a search box's worth; longer text is a mistake in the file, not a question.
MAX_QUESTION_CHARS = 1_000


@dataclass(frozen=True)
class ReaderQuestion:
    """One question, and the section (by its source and heading) that answers it."""

    source: str
    heading: str
    text: str


def questions_path(document: Path) -> Path:
    """Where a document's questions live: beside it, its suffix replaced by ``.questions.toml``."""
    return document.with_name(document.stem + SUFFIX)


def read_questions_file(path: Path, source: str, label: str) -> list[ReaderQuestion]:
    """Read one questions file for the document named ``source``; ``label`` names the file in messages.

    Raises SourceFileError, naming the file and the fix, if it is not TOML of heading = [strings].
    """
    return parse_questions(_read_bytes(path, label), source, label)


def _read_bytes(path: Path, label: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise SourceFileError(f"{label}: cannot be read ({(e.strerror or str(e)).lower()}); make it readable.") from None


def parse_questions(raw: bytes, source: str, label: str) -> list[ReaderQuestion]:
    """The questions of one file's bytes (see read_questions_file)."""
    fix = 'write one line per section: "Heading as in the article" = ["a question", …]'
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SourceFileError(f"{label}: is not UTF-8 text; save it as UTF-8.") from None
    except tomllib.TOMLDecodeError as e:
        raise SourceFileError(f"{label}: is not valid TOML ({e}); {fix}.") from None
    out = []
    for heading, questions in data.items():
        if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
            raise SourceFileError(f'{label}: "{heading}" is not a list of strings; {fix}.')
        for q in questions:
            q = " ".join(q.split())
            if len(q) > MAX_QUESTION_CHARS:
                raise SourceFileError(
                    f'{label}: a question under "{heading}" has {len(q):,} characters, over '
                    f"{MAX_QUESTION_CHARS:,}; shorten it to what a reader would type."
                )
            if q:
                out.append(ReaderQuestion(source, heading.strip(), q))
    return out


def find_questions(corpus: Path, sources: list[str]) -> tuple[list[ReaderQuestion], dict[str, dict]]:
    """The questions files beside the corpus's documents: their questions, and per file its name and hash."""
    questions: list[ReaderQuestion] = []
    files: dict[str, dict] = {}
    for source in sources:
        path = questions_path(corpus / source)
        if not path.is_file():
            continue
        name = path.relative_to(corpus).as_posix()
        data = _read_bytes(path, name)
        questions += parse_questions(data, source, name)
        files[name] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return questions, files


def attach(questions: list[ReaderQuestion], sections: dict[tuple[str, str], int]) -> tuple[list[int], list[str]]:
    """Each question's section (by ``(source, heading)`` -> its first passage), and a warning per heading
    no section has. Questions under such a heading are left out."""
    passages, warnings, unknown = [], [], []
    for q in questions:
        pid = sections.get((q.source, q.heading))
        passages.append(-1 if pid is None else pid)
        if pid is None and (q.source, q.heading) not in unknown:
            unknown.append((q.source, q.heading))
    for source, heading in unknown:
        warnings.append(
            f'{questions_path(Path(source)).as_posix()}: the article has no heading "{heading}"; its questions are left out '
            "until the heading is written as in the article."
        )
    return passages, warnings
