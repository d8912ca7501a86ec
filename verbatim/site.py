"""What the corpus is called: article titles and addresses, and the site's own name.

Each article's title comes from its front matter (``title:``) or its first heading; its
original address from front matter (``url:``). An optional ``site.toml`` in the corpus
folder names the site, describes it in one line and points at a resources file for
another region. With one article and no ``site.toml`` the page is named after the article.

The page shows these names as plain text only; nothing here is Markdown or HTML.
"""

from __future__ import annotations

import html
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .loading import LOADERS

log = logging.getLogger(__name__)

SITE_FILE = "site.toml"
# Titles come from the top of a file; no need to read an article whole to name it.
_HEAD_BYTES = 16_384
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_SETEXT = re.compile(r"^ {0,3}(\S[^\n]*)\r?\n {0,3}=+[ \t]*$", re.MULTILINE)
_HTML_TITLE = re.compile(r"<(title|h1)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_URL = re.compile(r"\Ahttps?://[^\s<>\"']+\Z")
DEFAULT_DESCRIPTION = (
    "Type a question in your own words. The answers are passages of the article, word for word, "
    "most relevant first, with the sentences that answer highlighted."
)
DEFAULT_DESCRIPTION_MANY = DEFAULT_DESCRIPTION.replace("of the article", "of the articles")


@dataclass(frozen=True)
class Article:
    """One source file as readers know it: its title and, if known, where it is published."""

    source: str  # file name relative to the corpus folder
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Site:
    """The corpus as a whole: its name, a one-line description and its articles."""

    name: str
    description: str
    articles: dict[str, Article] = field(default_factory=dict)
    resources: str | None = None  # a resources file for another region, from site.toml
    topic: str = ""  # what the articles are about, for "It is about …"

    @property
    def many(self) -> bool:
        return len(self.articles) > 1

    @property
    def heading(self) -> str:
        """The page's title: "Emotional numbness: ask the article"."""
        return f"{self.name}: ask the {'articles' if self.many else 'article'}"

    @property
    def about(self) -> str:
        """One sentence for "not covered": what the corpus does answer."""
        if self.many:
            return f"The articles here are about {self.topic}."
        return f"It is about {self.topic}."

    def article(self, source: str) -> Article:
        """Return the article a passage comes from (by corpus-relative name or any path to it)."""
        if source in self.articles:
            return self.articles[source]
        path = Path(source).as_posix()
        for name, article in self.articles.items():
            if path.endswith("/" + name):
                return article
        name = Path(source).name
        return Article(name, title_from_name(name))


def title_from_name(name: str) -> str:
    """ "emotional-numbness.md" -> "Emotional numbness" (when a file has no heading)."""
    stem = Path(name).stem.replace("-", " ").replace("_", " ").strip()
    return (stem[:1].upper() + stem[1:]) or name


def plain(text: str, limit: int = 200) -> str:
    """One line of plain text: no control characters, whitespace squeezed, cut to ``limit``."""
    text = "".join(" " if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0) else c for c in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def front_matter(text: str) -> dict[str, str]:
    """The ``key: value`` lines of a YAML front matter block at the top of a file."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}
    out: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "#")):
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            out[key.strip().lower()] = value
    return out


def read_article(path: Path, name: str) -> Article:
    """Name one source file from its first few kilobytes."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return Article(name, title_from_name(name))
    meta = front_matter(head)
    url = meta.get("url", "").strip() or None
    if url and not _URL.match(url):
        url = None  # only web addresses become links
    title = meta.get("title", "")
    if not title:
        body = head[_FRONT_MATTER.match(head).end():] if _FRONT_MATTER.match(head) else head
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            m = _HTML_TITLE.search(body)
            title = html.unescape(_TAG.sub(" ", m.group(2))) if m else ""
        elif suffix == ".txt":
            title = next((line for line in body.splitlines() if line.strip()), "")
        else:
            atx, setext = _ATX.search(body), _SETEXT.search(body)
            found = sorted((m for m in (atx, setext) if m), key=lambda m: m.start())
            title = found[0].group(1) if found else ""
    return Article(name, plain(title) or title_from_name(name), url)


def _read_site_file(corpus: Path) -> dict:
    path = corpus / SITE_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as e:
        log.warning("%s: not read (%s); using names from the articles", SITE_FILE, e)
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def load_site(corpus: Path, sources: Iterable[str] | None = None) -> Site:
    """Name the corpus: ``sources`` are the indexed files (default: every source file in it)."""
    corpus = Path(corpus)
    if sources is None:
        sources = sorted(
            p.relative_to(corpus).as_posix()
            for p in corpus.rglob("*")
            if p.suffix.lower() in LOADERS and p.is_file()
        ) if corpus.is_dir() else []
    articles = {name: read_article(corpus / name, name) for name in sources}
    config = _read_site_file(corpus)
    titles = [a.title for a in articles.values()]
    if len(titles) == 1:
        default_name = titles[0]
    elif titles:
        default_name = "Articles"
    else:
        default_name = "Verbatim"
    name = plain(config.get("name", "")) or default_name
    topic = plain(config.get("topic", ""))
    if not topic:
        shown = titles[:3] + ([f"{len(titles) - 3} more"] if len(titles) > 3 else [])
        topic = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1] if shown else name
    description = plain(config.get("description", ""), 400) or (
        DEFAULT_DESCRIPTION_MANY if len(titles) > 1 else DEFAULT_DESCRIPTION
    )
    resources = config.get("resources")
    if resources:
        resources = str((corpus / resources).resolve()) if not Path(resources).is_absolute() else resources
    return Site(name, description, articles, resources or None, topic)


def example_questions(passages: Iterable, site: Site) -> dict[str, list[str]]:
    """The question headings of each article, in order: {article title: [question, …]}.

    ``passages`` are the index's passages (anything with ``source`` and ``heading_path``).
    Articles that share a title are told apart by their file name.
    """
    by_source: dict[str, dict[str, None]] = {}
    for p in passages:
        for h in p.heading_path:
            if h.rstrip().endswith("?"):
                by_source.setdefault(p.source, {}).setdefault(plain(h), None)
    groups: dict[str, list[str]] = {}
    for source, questions in by_source.items():
        title = site.article(source).title
        if title in groups:
            title = f"{title} ({Path(source).name})"
        groups[title] = list(questions)
    return groups


def pick_examples(groups: dict[str, list[str]], limit: int = 8) -> dict[str, list[str]]:
    """At most ``limit`` questions, taken in turn from each article so every article is seen."""
    picked: dict[str, list[str]] = {t: [] for t in groups}
    taken, depth = 0, 0
    while taken < limit and any(depth < len(q) for q in groups.values()):
        for title, questions in groups.items():
            if taken < limit and depth < len(questions):
                picked[title].append(questions[depth])
                taken += 1
        depth += 1
    return {t: q for t, q in picked.items() if q}
