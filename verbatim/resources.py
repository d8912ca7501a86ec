"""Help config: the crisis, medical and other-language notes the page shows, and their validation.

The resources live in ``data/resources.json``; set ``VERBATIM_RESOURCES`` to a file of the same
shape to serve another region. A file that does not validate is named in one log line and the
bundled resources are served instead: help never fails.
"""

from __future__ import annotations

import json
import logging
import os
import re
from functools import cache
from importlib import resources
from pathlib import Path

# The categories a resources file must list services for (the crisis check names one of these).
CRISIS_CATEGORIES = ("suicide", "self_harm", "abuse")
log = logging.getLogger("verbatim.safety")  # the logger name from before this module was split out
_LINK_SCHEMES = ("tel:", "sms:", "https:")
MAX_NOTE_CHARS = 400  # what the page shows of a note (render_help.language_note_html)


def _data(name: str) -> dict:
    return json.loads(resources.files("verbatim.data").joinpath(name).read_text("utf-8"))


def _strings(d: dict, *keys: str) -> bool:
    return all(isinstance(d.get(k), str) for k in keys)


def resources_problem(config: object) -> str | None:
    """Return what is wrong with a resources file's content, or None if it is complete."""

    def links_problem(links: object, where: str) -> str | None:
        if not isinstance(links, list):
            return f"{where}.links is not a list"
        for i, link in enumerate(links):
            if not (isinstance(link, dict) and _strings(link, "label", "href")):
                return f"{where}.links[{i}] needs a label and an href string"
            if not link["href"].startswith(_LINK_SCHEMES):
                return f"{where}.links[{i}].href {link['href']!r} is not a tel:, sms: or https: link"
        return None

    if not isinstance(config, dict):
        return "the file is not a JSON object"
    crisis = config.get("crisis")
    if not isinstance(crisis, dict):
        return "'crisis' is missing or not an object"
    for key in ("headline", "urgent_headline", "topic_line"):
        if not isinstance(crisis.get(key), str) or not crisis[key].strip():
            return f"crisis.{key} is missing or not a string"
    quiet = crisis.get("quiet_line")
    if not (isinstance(quiet, dict) and isinstance(quiet.get("text"), str) and quiet["text"].strip()):
        return "crisis.quiet_line needs a text string"
    if "links" in quiet and (problem := links_problem(quiet["links"], "crisis.quiet_line")):
        return problem
    services = crisis.get("resources")
    if not isinstance(services, dict):
        return "crisis.resources is missing or not an object"
    for category in ("urgent", *CRISIS_CATEGORIES):
        listed = services.get(category)
        if not isinstance(listed, list) or not listed:
            return f"crisis.resources.{category} is missing or empty"
        for i, r in enumerate(listed):
            where = f"crisis.resources.{category}[{i}]"
            if not (isinstance(r, dict) and _strings(r, "name", "contact")):
                return f"{where} needs name and contact strings"
            if "links" in r and (problem := links_problem(r["links"], where)):
                return problem
    medical = config.get("medical")
    if not (isinstance(medical, dict) and isinstance(medical.get("note"), str)):
        return "medical.note is missing or not a string"
    if "links" in medical and (problem := links_problem(medical["links"], "medical")):
        return problem
    if "other_language" in config:  # optional: without it, a default line and the quiet line's links
        other = config["other_language"]
        by_language = other.get("by_language", {}) if isinstance(other, dict) else None
        if not isinstance(by_language, dict):
            return "other_language needs a note string (and by_language, if given, an object)"
        for code in by_language:
            if not re.fullmatch(r"[a-z]{2,3}", code):
                return f"other_language.by_language key {code!r} is not a language code such as 'es'"
        for where, entry in [("other_language", other)] + [(f"other_language.by_language.{k}", v)
                                                          for k, v in by_language.items()]:
            if not (isinstance(entry, dict) and isinstance(entry.get("note"), str) and entry["note"].strip()):
                return f"{where}.note is missing or not a string"
            if len(entry["note"]) > MAX_NOTE_CHARS:
                return f"{where}.note is longer than {MAX_NOTE_CHARS} characters"
            if "links" in entry and (problem := links_problem(entry["links"], where)):
                return problem
    return None


@cache
def load_resources(path: str | None = None) -> dict:
    """Return the crisis and medical resources (``VERBATIM_RESOURCES`` overrides); never raises.

    A file that is missing, not JSON or incomplete is named in one log line with its fault, and the
    bundled resources are returned instead.
    """
    bundled = _data("resources.json")
    path = path or os.environ.get("VERBATIM_RESOURCES")
    if not path:
        return bundled
    try:
        config = json.loads(Path(path).read_text("utf-8"))
    except OSError as e:
        problem = f"cannot be read ({e.strerror or e.__class__.__name__})"
    except ValueError as e:
        problem = f"is not valid JSON ({e})"
    else:
        problem = resources_problem(config)
        if problem is None:
            return config
    log.error("%s: %s; serving the bundled resources (VERBATIM_RESOURCES)", path, problem)
    return bundled
