"""HTML for help: the crisis banner, help strip, quiet line, topic line, medical and language notes.

Help never fails: every function that shows help falls back to a fixed 988/911 line
rather than raise, whatever the resources file holds. Contact links are made only from
``tel:``/``sms:`` addresses that pass a strict check; all text is escaped.
"""

from __future__ import annotations

import logging
import re

from .escaping import escape
from .language import LanguageNote
from .resources import MAX_NOTE_CHARS
from .safety import CrisisAlert, LevelPolicy, MedicalNote
from .site import plain

log = logging.getLogger("verbatim.render")  # the logger name from before this module was split out

# What the page does when the level's policy cannot be read: the most protective.
PROTECTIVE = LevelPolicy(alarm=True, collapse_passages=True, suggestions=False, hide_means=True, persist_strip=True)
_SEVERITY = {"topic": 1, "risk": 2, "urgent": 3}


def policy_of(alert: CrisisAlert) -> LevelPolicy:
    """The alert's level policy (data/crisis_policy.json), or the most protective one."""
    try:
        return alert.policy
    except Exception:  # noqa: BLE001
        return PROTECTIVE


def strongest(*alerts: CrisisAlert | None) -> CrisisAlert | None:
    """The most severe alert (the lexicon may see what the model missed, or the reverse)."""
    found = [a for a in alerts if a is not None]
    return max(found, key=lambda a: _SEVERITY.get(getattr(a, "level", None), 3), default=None)


_CONTACT_HREF = re.compile(r"\A(?:tel:\+?[0-9]{2,15}|sms:\+?[0-9]{2,15}(?:\?body=[A-Za-z0-9%+]{1,40})?)\Z")
FALLBACK_LINKS = [("Call or text 988", "tel:988"), ("Text 988", "sms:988"), ("Call 911", "tel:911")]
FALLBACK_HEADLINE = "Free, confidential help is available right now, 24/7."


def _links(resource: dict) -> list[tuple[str, str]]:
    out = []
    for link in resource.get("links") or []:
        if isinstance(link, dict):
            label, href = link.get("label"), link.get("href")
            if isinstance(label, str) and isinstance(href, str) and _CONTACT_HREF.match(href.strip()):
                out.append((plain(label, 60), href.strip()))
    return out


def _buttons(links: list[tuple[str, str]], cls: str = "vb-call") -> str:
    return "".join(f'<a class="{cls}" href="{escape(h)}">{escape(label)}</a>' for label, h in links)


def _resource_items(resources: list) -> str:
    items = []
    for r in resources:
        if not isinstance(r, dict) or not isinstance(r.get("name"), str):
            continue
        links = _links(r)
        contact = r.get("contact") if isinstance(r.get("contact"), str) else ""
        items.append(
            f"<li><strong>{escape(plain(r['name']))}</strong>"
            + (f": {escape(plain(contact))}" if contact else "")
            + (f'<span class="vb-links">{_buttons(links)}</span>' if links else "")
            + "</li>"
        )
    return "".join(items)


def banner_resources(alert: CrisisAlert, config: dict) -> tuple[str, list]:
    """Headline and services for an alert; ``urgent`` puts the emergency numbers first."""
    crisis = config.get("crisis") if isinstance(config, dict) else None
    crisis = crisis if isinstance(crisis, dict) else {}
    resources = list(alert.resources or [])
    headline = alert.headline or crisis.get("headline") or ""
    if alert.level == "urgent":
        urgent = (crisis.get("resources") or {}).get("urgent") or []
        names = {r.get("name") for r in urgent if isinstance(r, dict)}
        resources = list(urgent) + [r for r in resources if isinstance(r, dict) and r.get("name") not in names]
        headline = crisis.get("urgent_headline") or headline
    return (headline if isinstance(headline, str) else ""), resources


def crisis_banner(alert: CrisisAlert, config: dict | None = None) -> str:
    """Return the help-first banner for a crisis alert (may raise on a malformed config)."""
    headline, resources = banner_resources(alert, config or {})
    items = _resource_items(resources)
    if not items:
        raise ValueError("no usable resources")
    return (
        '<section class="vb-crisis" id="vb-help" tabindex="-1" role="alert" aria-label="Help now">'
        f'<p class="vb-headline"><strong>{escape(plain(headline, 400) or FALLBACK_HEADLINE)}</strong></p>'
        f"<ul>{items}</ul></section>"
    )


def fallback_banner() -> str:
    """The banner when nothing else can be shown: fixed US numbers that always work."""
    return (
        '<section class="vb-crisis" id="vb-help" tabindex="-1" role="alert" aria-label="Help now">'
        f'<p class="vb-headline"><strong>{FALLBACK_HEADLINE}</strong></p>'
        "<ul><li><strong>988 Suicide &amp; Crisis Lifeline</strong>: call or text 988"
        f'<span class="vb-links">{_buttons(FALLBACK_LINKS[:2])}</span></li>'
        f'<li><strong>Emergency services</strong>: call 911<span class="vb-links">{_buttons(FALLBACK_LINKS[2:])}</span></li>'
        "</ul></section>"
    )


def safe_crisis_banner(alert: CrisisAlert, config: dict | None) -> str:
    """The crisis banner, or the fixed one if anything about the config is wrong. Never raises."""
    try:
        return crisis_banner(alert, config)
    except Exception:  # noqa: BLE001 (help must show whatever went wrong)
        log.exception("crisis banner: falling back to the built-in help line")
        return fallback_banner()


def help_strip(alert: CrisisAlert | None, config: dict | None) -> str:
    """A compact line of help that stays at the top after a crisis signal. Never raises."""
    try:
        _, resources = banner_resources(alert, config or {}) if alert else ("", [])
        # Each service's first link, then their second ones, up to four: a fourth service (Poison Control
        # after a risk question naming pills) is not crowded out by another service's "Text 988".
        per_service = [_links(r) for r in resources if isinstance(r, dict)]
        by_href: dict[str, str] = {}
        for label, href in [ls[0] for ls in per_service if ls] + [x for ls in per_service for x in ls[1:]]:
            by_href.setdefault(href, label)
        links = [(label, href) for href, label in by_href.items()][:4]
        if not links:
            raise ValueError("no links")
    except Exception:  # noqa: BLE001
        links = FALLBACK_LINKS
    return (
        '<aside class="vb-strip" aria-label="Help">'
        f'<span class="vb-strip-text">Help is here, free and confidential:</span> {_buttons(links, "vb-call vb-small")}'
        "</aside>"
    )


def quiet_line(config: dict | None) -> str:
    """ "In crisis? Call or text 988", on every page, whatever the question. Never raises."""
    try:
        quiet = config["crisis"]["quiet_line"]
        text = plain(quiet["text"], 120)
        links = _links(quiet)
        if not text or not links:
            raise ValueError("incomplete quiet line")
    except Exception:  # noqa: BLE001
        text, links = "In crisis? Call or text 988", FALLBACK_LINKS[:2]
    return f'<p class="vb-quiet">{escape(text)} {_buttons(links, "vb-quiet-link")}</p>'


def topic_line(alert: CrisisAlert, config: dict | None) -> str:
    """The calm line above normal results for a question about a hard subject. Never raises."""
    try:
        text = plain(config["crisis"]["topic_line"], 300)
        links = [link for r in alert.resources if isinstance(r, dict) for link in _links(r)][:3]
    except Exception:  # noqa: BLE001
        text, links = FALLBACK_HEADLINE, []
    links = links or FALLBACK_LINKS[:2]
    return f'<p class="vb-topic" role="note">{escape(text)} {_buttons(links, "vb-quiet-link")}</p>'


def medical_note(note: MedicalNote, config: dict | None = None) -> str:
    """Return the note shown for questions about numbness in the body."""
    try:
        links = _links(config["medical"]) if config else []
    except Exception:  # noqa: BLE001
        links = []
    return (
        f'<section class="vb-medical" role="note" aria-label="A question for a doctor"><p>{escape(note.note)}</p>'
        f'{_buttons(links) if links else ""}</section>'
    )



FALLBACK_LANGUAGE = "Verbatim reads questions in English only. If someone is in danger now, call 911 or call 988."


def language_note_html(note: LanguageNote) -> str:
    """The note for a question not in English (in its language when the resources have one). Never raises."""
    try:
        text = plain(note.note, MAX_NOTE_CHARS)
        links = _links({"links": note.links})
        written_in = note.written_in if re.fullmatch(r"[a-z]{2,3}", note.written_in) else "en"
    except Exception:  # noqa: BLE001 (a fixed line beats no help)
        text, links, written_in = "", [], "en"
    if not text:
        text, written_in = FALLBACK_LANGUAGE, "en"
    links = links or [FALLBACK_LINKS[2], FALLBACK_LINKS[0]]
    # The page is in English; a note in the reader's language says which, for screen readers.
    lang = f' lang="{written_in}"' if written_in != "en" else ""
    return (
        f'<section class="vb-language" role="note" aria-label="Language"><div{lang}>'
        f"<p>{escape(text)}</p>{_buttons(links)}</div></section>"
    )
