"""Questions not in English: the search, the lexicon and the crisis classifier read English only.

A question in another language gets a calm note (``other_language`` in the resources file) that
says so and puts emergency and interpreted crisis lines one tap away: a reader in danger who
writes in Polish or Swahili may match none of the crisis wording, and this note does not depend
on it. It is not an alarm. The language is told by py3langid (langid.py's model, bundled in its
wheel: no download, no network), and only when it is sure.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import cache

from .resources import load_resources

ENGLISH = "en"
# Surely not English: langid gives English less than this share (its probabilities, normalised).
# Its top language alone is not enough: Spanish splits its share with Aragonese and Extremaduran, and
# langid does not know romanised Arabic or Hindi, which it calls Fulfulde or Latin, but with English
# always near 0. Of the 8,395 questions and posts of eval/'s English sets with three words or more, the
# only English ones under 1% were two that langid calls "zxx" (no linguistic content), left out below.
MAX_ENGLISH = 0.01
# Fewer words than this is too little to tell ("kms", "alexithymia").
MIN_WORDS = 3
# A question in the Latin alphabet shorter than this must also have one clear language: English drug
# lists and slang ("lorazepam ativan klonopin", "i wanna kms") leave English under 1% too, spread thin.
SHORT_WORDS = 6
MIN_SHORT_PROBABILITY = 0.5
# langid reads this much; it also keeps its long-text scores from collapsing to "zxx".
MAX_CHARS = 500
NOT_A_LANGUAGE = frozenset({"zxx"})
# Spanish, as far as the note goes: langid spreads short Spanish over its neighbours.
SAME_NOTE = {"an": "es", "ast": "es", "ext": "es"}
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}s?\b")  # "MDD GAD OCD": no language's words
_ASCII_WORD = re.compile(r"[a-z]{2,}")
# The note when a resources file has no other_language entry: the quiet line's links go with it.
DEFAULT_NOTE = "Verbatim reads questions in English only, so it may not understand this one."
log = logging.getLogger("verbatim.language")


@dataclass
class LanguageNote:
    """The question seems to be in another language: say so, with help that works in it."""

    language: str  # ISO 639 code, as langid gives it
    note: str
    links: list[dict]  # label and href, as in the resources file
    written_in: str = ENGLISH  # the note's own language: the question's, when the resources have one

    def to_dict(self) -> dict:
        return {"language": self.language, "note": self.note}


@cache
def _load():
    """The identifier, or None if it cannot load: then no question gets the note, and search goes on."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except Exception:  # noqa: BLE001 (a missing note must not take the answer, or the crisis banner, with it)
        log.exception("language check unavailable: questions not in English get no note")
        return None


_loading = threading.Lock()


def _identifier():
    # Once per process, under a lock: a question that comes while warm_up() is loading waits for it.
    with _loading:
        return _load()


@cache
def _english_words() -> frozenset[str]:
    # The embedding model's own vocabulary: English whole words (and a few foreign ones).
    from .embedding import load_tokenizer

    return frozenset(w for w in load_tokenizer().get_vocab() if w.isalpha())


def _may_not_be_english(text: str) -> bool:
    """False when every word is a whole word of the model's English vocabulary, in plain ASCII: then
    langid need not be asked (or loaded). Of the 4,600 texts of blind sets 2 to 125 that langid takes for
    another language, none is made only of such words; 165 of the 280 English questions of eval/dev,
    heldout and calibration are."""
    if not text.isascii():
        return True
    try:
        known = _english_words()
    except Exception:  # noqa: BLE001 (without the vocabulary, ask langid)
        return True
    return any(w not in known for w in _ASCII_WORD.findall(text.lower()))


def ready() -> bool:
    """Whether the language check is loaded (it decompresses its model: about a second)."""
    return _load.cache_info().currsize > 0


def warm_up() -> None:
    """Load the language check on a background thread (the page does once its model has loaded)."""
    if not ready():
        threading.Thread(target=_identifier, name="verbatim-langid", daemon=True).start()


def other_language(text: str) -> str | None:
    """Return the language code of ``text`` when it is surely not English, else None. Never raises."""
    text = _ACRONYM.sub(" ", text[:MAX_CHARS])
    letters = len(_LETTER.findall(text))
    latin = len(_LATIN.findall(text))
    words = len(_WORD.findall(text))
    if letters < 2 or (latin * 2 >= letters and words < MIN_WORDS) or not _may_not_be_english(text):
        return None
    identifier = _identifier()
    if identifier is None:
        return None
    ranked = identifier.rank(text)
    language, probability = ranked[0]
    if language == ENGLISH or language in NOT_A_LANGUAGE:
        return None
    # In the Latin alphabet, English is easily mistaken, so the bounds apply; in another script (Chinese,
    # Arabic, Cyrillic) there are no English words to mistake, and one word is enough ("死にたい").
    if latin * 2 >= letters and (dict(ranked).get(ENGLISH, 0.0) >= MAX_ENGLISH
                                 or (words < SHORT_WORDS and probability < MIN_SHORT_PROBABILITY)):
        return None
    return SAME_NOTE.get(language, language)


def language_note(text: str, config: dict | None = None) -> LanguageNote | None:
    """Return the note for a question in another language, or None. Reads the resources only then."""
    language = other_language(text)
    if language is None:
        return None
    config = load_resources() if config is None else config
    quiet = config.get("crisis", {}).get("quiet_line", {})
    entry = config.get("other_language") or {"note": DEFAULT_NOTE, "links": quiet.get("links", [])}
    translated = (entry.get("by_language") or {}).get(language)
    if translated:
        return LanguageNote(language, translated["note"], list(translated.get("links") or []), language)
    return LanguageNote(language, entry["note"], list(entry.get("links") or []))
