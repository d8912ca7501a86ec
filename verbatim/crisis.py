"""Crisis detection: levels, the lexicon, the classifier and what each level does.

Crisis detection has two parts. A readable lexicon (``data/crisis_lexicon.json``) holds wording
that is certain; it needs no model, so the page can run it before the model has loaded
(:func:`crisis_from_lexicon`). A small classifier (``data/crisis_classifier.npz`` and ``.json``,
trained by ``training/train.py`` on labelled real text) reads the query vector the search already
computed, and the vector of each sentence of a long question, since risk often sits in one sentence
of a long story: a few matrix products, no second model. Each says a level:

- ``urgent``: danger now, to the reader or someone they speak of (an overdose taken, bleeding, a
  weapon at the door); emergency numbers first, then 988.
- ``risk``: the reader's own suicidal thoughts, self-harm or abuse; the full help banner.
- ``topic``: a question about these subjects (statistics, side effects, helping a friend, old
  scars); a calm help line, no alarm.

What the page and the engine do at each level lives in ``data/crisis_policy.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

import numpy as np

from .ngrams import NgramTfidf
from .prefilter import PatternSet
from .resources import CRISIS_CATEGORIES, _data, load_resources

# urgent: danger now; risk: the reader's own suicidal thoughts, self-harm or abuse;
# topic: a question about these subjects. What each level does lives in data/crisis_policy.json.
CRISIS_LEVELS = ("urgent", "risk", "topic")
_RANK = {None: 0, "topic": 1, "risk": 2, "urgent": 3}
# A long question is also checked sentence by sentence (clause by clause when a sentence runs on);
# at most this many parts, so the cost stays bounded.
MAX_PARTS = 16
# The joint rule (``CrisisClassifier.decide_question``) needs a question of at least this many sentences:
# a lone sentence is the question itself, which would count twice (``split_parts`` gives none then).
JOINT_MIN_PARTS = 2
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s*\n+\s*")
_CLAUSE = re.compile(r",\s+|\s+(?:but|and then|so|because|though|although)\s+")


@dataclass
class CrisisAlert:
    """Detected risk: its level, category and the services to show before anything else."""

    category: str
    resources: list[dict]
    headline: str = field(default="", compare=False)
    matched: str = field(default="", compare=False)  # "lexicon" or "classifier"
    level: str = "risk"  # one of CRISIS_LEVELS
    sentence: str = field(default="", compare=False)  # the part of the question that raised it

    @property
    def policy(self) -> "LevelPolicy":
        return level_policy(self.level)

    def to_dict(self) -> dict:
        return {"category": self.category, "level": self.level, "resources": self.resources}


@dataclass(frozen=True)
class LevelPolicy:
    """What the page and the engine do for one crisis level (data/crisis_policy.json)."""

    alarm: bool  # the full help banner, before anything else
    collapse_passages: bool  # the article's passages sit below the banner, collapsed
    suggestions: bool  # whether "not covered" may offer other article questions
    hide_means: bool  # passages about drugs or means are left out
    persist_strip: bool  # a compact help strip stays for the rest of the browser session
    # In these categories, a question naming a drug, medicine, alcohol or poison lists the urgent services too
    urgent_services_for_substances: tuple[str, ...] = ("suicide", "self_harm")


@cache
def level_policy(level: str) -> LevelPolicy:
    """Return the policy of a crisis level; an unknown level gets the most protective one."""
    levels = _data("crisis_policy.json")["levels"]
    fields = dict(levels.get(level, levels["urgent"]))
    fields["urgent_services_for_substances"] = tuple(fields.get("urgent_services_for_substances", ()))
    return LevelPolicy(**fields)


@cache
def other_language_hides_means() -> bool:
    """Whether a question in another language loses passages and suggestions about drugs or means
    (``other_language`` in data/crisis_policy.json). The detector cannot read it, so unless the policy
    file says otherwise, it is treated as a risk signal would be for what it shows."""
    try:
        return bool(_data("crisis_policy.json").get("other_language", {}).get("hide_means", True))
    except Exception:  # noqa: BLE001 (an unreadable policy is the protective one)
        return True


def normalise_text(text: str) -> str:
    """Lower-case, straighten quotes and ellipses, squeeze repeated letters ("diiie" -> "diie")."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'").replace("“", '"').replace("”", '"')
    text = text.replace("…", "...")
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)
    return " ".join(text.split())


def split_parts(query: str) -> list[str]:
    """Return the sentences of a question (clauses of a run-on one), or [] if it is one sentence."""
    parts: list[str] = []
    for sentence in _SENTENCE_END.split(query.strip()):
        if len(sentence.split()) > 25:
            parts += [c for c in _CLAUSE.split(sentence) if c]
        elif sentence:
            parts.append(sentence)
    parts = [p.strip() for p in parts if len(p.split()) >= 2]
    return parts[:MAX_PARTS] if len(parts) > 1 else []


# ---------------------------------------------------------------- lexicon


class _LazyPattern:
    """An alternation compiled by Python's ``re`` the first time it is used.

    Compiling the whole lexicon takes over a second, and it sat on the page's cold path before its
    first answer; most questions need none of it, since the RE2 prefilter names the few groups a
    question may match. A race compiles twice, harmlessly."""

    def __init__(self, patterns: list[str]):
        self.source = "|".join(f"(?:{p})" for p in patterns)

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)

    def finditer(self, text: str):
        return self.compiled.finditer(text)

    def sub(self, replacement: str, text: str) -> str:
        return self.compiled.sub(replacement, text)


@cache
def _lexicon() -> dict:
    data = _data("crisis_lexicon.json")

    levels = [
        (level, [(c, _LazyPattern(data[level][c])) for c in CRISIS_CATEGORIES if data[level].get(c)])
        for level in ("urgent", "risk", "topic")
    ]
    # Every (level, category) pattern, and the ignore and denial ones, in one RE2 pass: only the few a
    # question may match are then run by Python's re (see prefilter.py).
    pairs = [(level, c) for level, patterns in levels for c, _ in patterns]
    sources = ["|".join(data[level][c]) for level, c in pairs]
    return {
        "ignore": _LazyPattern(data["ignore"]),
        "denial": {c: _LazyPattern(data["denial"][c]) for c in CRISIS_CATEGORIES if data["denial"].get(c)},
        "levels": levels,
        "prefilter": PatternSet(sources + ["|".join(data["ignore"]), "|".join(p for ps in data["denial"].values() for p in ps)]),
        "pairs": pairs,
    }


def _may_match(text: str) -> tuple[frozenset[tuple[str, str]], bool, bool]:
    """(level, category) pairs the text may match, and whether it may match the ignore and denial lists."""
    lex = _lexicon()
    found = lex["prefilter"].candidates(text)
    pairs = lex["pairs"]
    return frozenset(pairs[i] for i in found if i < len(pairs)), len(pairs) in found, len(pairs) + 1 in found


def _without_ignored(text: str) -> str:
    """The normalised text with the lexicon's ``ignore`` phrases ("kill time") blanked out."""
    return _lexicon()["ignore"].sub(" ", text) if _may_match(text)[1] else text


# A match preceded, within its clause, by one of these words is denied ("I'm not going to kill
# myself", "I don't think about ending it"); wording that carries its own negation ("I don't want
# to live") starts its match at the negation, so it is not affected.
_NEGATION = re.compile(
    r"\b(not|never|don'?t|do not|didn'?t|did not|doesn'?t|won'?t|wouldn'?t|shouldn'?t|haven'?t|hasn'?t|isn'?t"
    r"|aren'?t|wasn'?t|no one said|if you'?re|if your|if you are|if anyone is"
    r"|(?:asked|ask|asks|asking|wonder|wondering|know)(?: me)? (?:if|whether))\b"
)
_NEGATION_WORDS = 5
# A negated telling negates the telling, not what is told: "what i haven't told her is that i've started
# cutting", "i never told anyone i want to die". ("I never said I wanted to die" stays a denial.)
_NOT_TELLING = re.compile(
    r"\b(not|never|don'?t|do not|didn'?t|did not|haven'?t|have not|hasn'?t|can'?t|cannot)\s+(\w+\s+)?"
    r"(told|tell|telling|mentioned|mention|admitted|admit|shown|show|showed)\b"
)


# Suicide or self-harm wording right after a third person ("if my friend tells me she's thinking about
# suicide") is about them, not the reader's own risk; the lexicon's third-person patterns say so where they
# mean it. Not for abuse, where the third person is the one doing harm ("they are beating me").
_THIRD_PERSON = re.compile(r"\b(she|he|they|someone|somebody)(?:'?s|'?re|'?ve| is| are| was| were| has| have)\s*$")


# How far around a match the clause and sentence rules look. A clause or sentence longer than this is
# read in part; without a bound, every match re-read the text from its start, and a pasted 25,000-character
# text of repeated risk wording took 8 s.
_WINDOW = 300


# "I'm not suicidal or anything, I just want to sleep and not wake up": the denial is a preface, and what
# follows "or anything" is what the reader tells; it starts a clause as "but" does.
_DENIAL_CLAUSE_BREAK = re.compile(r"[.!?;,]|\bbut\b|\bor\s+(?:anything|whatever|something)\b")


def _denied(text: str, start: int, category: str = "") -> bool:
    clause = _DENIAL_CLAUSE_BREAK.split(text[max(0, start - _WINDOW) : start])[-1]
    if _NEGATION.search(_NOT_TELLING.sub(" ", " ".join(clause.split()[-_NEGATION_WORDS:]))):
        return True
    return category != "abuse" and bool(_THIRD_PERSON.search(clause))


# Risk wording in a clause set years back ("I stopped self harming five years ago", "I was suicidal as
# a teen") is the subject, not a present risk: topic, unless the same clause brings it back to now
# ("...and it started again"). The clause, not the sentence: in "two years ago my dad died and now I want
# to die" the wish is today's. Days and weeks are not distant ("two weeks ago" stays risk), and "stopped"
# dates nothing ("I stopped eating, I want to die").
_DISTANT_PAST = re.compile(
    r"\b((\d+|a\s+few|few|many|several|some|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)\s+)?years?\s+(ago|back)\b"
    r"|\b(when|while)\s+i\s+was\s+(younger|little|a\s+(kid|teen|teenager|child|student)|in\s+(high\s+)?school|at\s+(uni|school|college)|\d+)\b"
    r"|\bas\s+a\s+(kid|teen|teenager|child)\b|\b(in|through)\s+(most\s+of\s+)?(high\s+school|my\s+((early|mid|late)[\s-]+)?(teens|twenties|thirties))\b"
    r"|\bthrough\s+(most\s+of\s+)?((secondary|high|middle|grammar|boarding|primary)\s+)?(uni|university|college|school|sixth\s+form|my\s+degree)\b"
    r"|\bback\s+(then|in\s+(the\s+day|high\s+school|school|college|\d{4}))\b|\bused\s+to\b|\blast\s+year\b"
)
# Recovery told in time ("3 years clean now", "self-harm free for two years", "2 years since the last time I
# thought about ending it") is the past too, unless a
# relapse or a return is in the same clause.
_RECOVERED = re.compile(
    r"\b(\d+|a|one|a\s+few|few|many|several|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)\s+(years?|months?)\s+"
    r"((self[\s-]?harm|sh|cutting|suicide[\s-]?attempt|attempt)\s+)?(clean|free|sober)\b"
    r"|\b(clean|free)\s+((of|from)\s+it\s+)?(for|since)\s+(\d+|a\s+few|few|many|several|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)\s+(years?|months?)\b"
    r"|\b(\d+|a|one|a\s+few|few|many|several|two|three|four|five|six|seven|eight|nine|ten|a\s+couple\s+of)\s+(years?|months?)\s+since\s+(the\s+last\s+time|i\s+last|my\s+last)\b"
)
_URGE = re.compile(r"\b(want(s|ing)?\s+to|wanna|urges?|tempted|craving|close\s+to|about\s+to|going\s+to|gonna|plan(s|ning)?|need\s+to|have\s+to|until\s+(today|tonight|now))\b")
_PRESENT = re.compile(
    r"\b(now|again|still|lately|recently|these\s+days|currently|tonight|today|this\s+(week|month|morning|evening|year)"
    r"|relaps\w*|back\s+to|started|want(s|ing)?\s+to|i'?m|i\s+am)\b"
)
_CLAUSE_BREAK = re.compile(r"[.!?;,\n]|\b(and|but|so|now|though|although)\b")
# A clause told in the past tense carries the time of an earlier clause in its sentence ("a few years
# back I was in a dark place and thought about ending it"); one in the present does not ("years ago my
# dad died and I keep thinking about ending it").
_PAST_VERB = re.compile(r"\b(thought|felt|wanted|tried|considered|planned|attempted|was|were|had|did|went|took)\b")
_PRESENT_VERB = re.compile(r"\b(keep|keeps|am|is|are|do|does|want|wants|feel|feels|think|thinks|have|has)\b")
# An age told with a past verb ("I tried to take my own life at 19") is years back; a clock time is not
# ("at 11 tonight", "at 10:30").
_AGE_THEN = re.compile(r"\bat\s+(the\s+age\s+of\s+)?(1[0-9]|[2-9][0-9])\b(?!\s*(:|\.\d|am\b|pm\b|a\.m|p\.m|o'?clock|tonight|today|tomorrow|this|in\s+the|on\b|hours|mins?|minutes|mg|ml|%|percent))")
# ...and a return anywhere in the sentence undoes it ("I used to cut in high school and now I've started again",
# "since my attempt last year the thoughts are back").
_RETURNED = re.compile(r"\b(again|relaps\w*|started|back\s+to|still|(thoughts|urges|feelings|voices|ideation|it|they)\s+(are|is|'re|'s|came|come|coming|have\s+come|has\s+come)\s+back|(thoughts|urges|feelings|voices|ideation|it|they)\s+(have\s+|has\s+)?returned)\b")


def _clause_start(text: str, start: int) -> int:
    """Where the clause that holds text[start] begins (reading at most _WINDOW characters back)."""
    lo = max(0, start - _WINDOW)
    return max((m.end() for m in _CLAUSE_BREAK.finditer(text, lo, start)), default=lo)


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around text[start:end] begins and ends (reading at most _WINDOW either side)."""
    lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    s_left = max(max(text.rfind(c, lo, start) for c in ".!?;\n") + 1, lo)
    s_ends = [i for i in (text.find(c, end, hi) for c in ".!?;\n") if i >= 0]
    return s_left, min(s_ends) if s_ends else hi


def _distant_past(text: str, start: int, end: int) -> bool:
    """True if the clause around text[start:end] is set years back, nothing in it says now and nothing
    in its sentence says it came back."""
    hi = min(len(text), end + _WINDOW)
    left = _clause_start(text, start)
    after = _CLAUSE_BREAK.search(text, end, hi)
    clause = text[left : after.start() if after else hi]
    s_left, s_right = _sentence_span(text, start, end)
    sentence = text[s_left:s_right]
    if _RETURNED.search(sentence):
        return False
    # A recovery told in time is the past even when it is today's news ("1 year self harm free today"),
    # unless its sentence tells of an urge ("3 months sh free today but i want to cut so bad").
    if _RECOVERED.search(clause) and not _URGE.search(sentence):
        return True
    if _PRESENT.search(clause):
        return False
    if _DISTANT_PAST.search(clause):
        return True
    return bool(_PAST_VERB.search(clause) and not _PRESENT_VERB.search(clause)
                and (_DISTANT_PAST.search(text, s_left, left) or _AGE_THEN.search(clause)))


# A question that asks how to help someone unnamed ("how should a teacher respond if a student shows you fresh
# cuts", "how do I support a friend who tells me they're having suicidal thoughts") is about the subject (issue 10:
# "how to help a friend" is `topic`), when the suicide or self-harm wording it matched is that person's, not the
# reader's: the clause names a third person, or no one. A named person's signs now ("my daughter has fresh cuts on
# her arms, how do I bring it up") stay risk, as the blind sets label them: round 31 tried "my friend" too, and 14
# of the training and blind texts labelled risk fell to topic against 10 benign ones fixed. Abuse is exempt, as in
# the third-person rule ("what do I do if he's hitting me" is the reader's own).
_PERSON = (r"(?:(?:a|an|any)\s+(?:\w+\s+)?(?:student|pupil|friend|mate|child|kid|son|daughter|teen|teenager|cousin|brother"
           r"|sister|partner|colleague|coworker|patient|client|loved\s+one|young\s+person|person)|someone|somebody|anyone|anybody)")
_HELPER = re.compile(
    r"\bhow\s+(?:do|can|should|would|could)\s+(?:i|we|you|a\s+\w+|parents|teachers)\s+(?:best\s+)?(?:help|support|talk\s+to"
    r"|speak\s+to|approach|ask|reach\s+out\s+to|respond\s+to|react\s+to|handle|check\s+on|look\s+after|protect)\s+" + _PERSON + r"\b"
    r"|\bhow\s+should\s+(?:a|the)\s+(?:\w+\s+)?(?:respond|react|handle\s+it)\b"
    r"|\bwhat\s+(?:should|do|can|could)\s+(?:i|we|you|a\s+\w+|parents|teachers)\s+do\s+(?:if|when|about)\s+" + _PERSON + r"\b"
    # "what are the warning signs that someone is thinking of suicide" asks how to tell, about no one in particular.
    r"|\b(?:warning\s+)?signs?\s+(?:that\s+|say\s+|of\s+|if\s+|when\s+)?(?:someone|somebody|a\s+person|person|people"
    r"|a\s+(?:friend|teen|teenager|child|kid|student|loved\s+one))\b"
)
_FIRST_PERSON = re.compile(r"\b(i|i'?m|im|i'?ve|ive|i'?d|me|my|myself|mine)\b")
_THIRD = re.compile(r"\b(she|he|her|his|him|herself|himself|they|them|their|themselves|student|pupil|friend|mate|son|daughter"
                    r"|kid|child|cousin|brother|sister|partner|boyfriend|girlfriend|wife|husband|patient|client)\b|\b(she|he)'s\b")


def asks_how_to_help(query: str) -> bool:
    """True if the question asks how to help, support or talk to someone else."""
    return bool(_HELPER.search(normalise_text(query)))


def _someone_elses(text: str, match: re.Match) -> bool:
    """True if the clause that ends with the match names a third person, or no one ("i also want to die" is not)."""
    left = _clause_start(text, match.start())
    clause = text[left : match.end()]
    # "...a friend who is self harming when i want to die too": the words just before the match say whose it is.
    just_before = " ".join(text[left : match.start()].split()[-3:])
    if _FIRST_PERSON.search(just_before) and not _THIRD.search(just_before):
        return False
    return bool(_THIRD.search(clause)) or not _FIRST_PERSON.search(clause)


# Since round 40 the training data and the blind sets follow one rule (training/build_data.py, RELABELS): a
# report of someone else's suicidal talk, self-harm or abuse is `topic` unless they are in danger now (the
# urgent patterns say so) or the reader is at risk too. So risk wording in a clause that names another person,
# in a sentence that does not name the reader ("found fresh cuts on my daughter's arm", "my wife keeps saying
# she wishes she could go to sleep and never wake up", "my sister's husband hits her"), is theirs; "since my
# brother died i want to die", "my mum found fresh cuts on my arm" and "my dad hits my mum and then me" are
# the reader's. The reader telling what they saw or asking what to do ("i think", "how do i") does not count.
_RELATION = (r"(?:friend|mate|bestie|son|daughter|kid|child|teen|teenager|cousin|brother|sister|partner|boyfriend|girlfriend|bf"
             r"|gf|wife|husband|fiancee?|mum|mom|mother|dad|father|gran|granny|grandma|grandmother|grandad|grandpa"
             r"|grandfather|grandson|granddaughter|niece|nephew|aunt|uncle|flatmate|roommate|housemate|coworker|colleague"
             r"|student|pupil|patient|client|neighbou?r|stepson|stepdaughter)s?")
_PERSON_WORD = re.compile(
    r"\b(?:(?P<third>(?:my|our|a|his|her|their)\s+(?:(?:little|big|older|younger|best|oldest|youngest|eldest|step|twin"
    r"|baby|new|ex|teenage|teen|elderly|grown|adult|close|good|dear|\d+|\d+yo|year|years|yr|old|year-old)[\s-]+){0,4}"
    + _RELATION + r"(?:'?s)?|she|he(?!\s+\w+(?:ado|ido)\b)|her|him|his|she'?s|he'?s|herself|himself"
    r"|(?:main\s+)?(?:character|protagonist|narrator)s?)"
    r"|(?P<first>i|i'?m|im|i'?ve|ive|i'?d|i'?ll|me|my(?!\s+\w+'s\b)|myself|mine|we|us|our|ours|mi|anyone\s+else"
    r"|anybody\s+else"
    # The reader in other languages: Tagalog "ako", Polish "mnie", Hindi "mujhe", French "moi", and the "ni"
    # (me) inside a Swahili verb of harm ("ananichapa", he beats me), which has no word of its own.
    r"|ako|akong|mnie|mujhe|mujhko|mera|meri|moi|(?:ana|ali|ame|hu|ata)ni(?:piga|chapa|tandika|tukana|umiza"
    r"|kaba|sukuma|tishia|lazimisha|dhulumu|nyanyasa)\w*))\b")
_TELLING = re.compile(
    r"\b(?:i|we)\s+(?:just\s+)?(?:think|thought|found|saw|noticed|suspect|know|knew|believe|heard|caught|discovered|realised"
    r"|realized|learned|learnt|worry|want\s+to\s+(?:help|support)|don'?t\s+(?:know|think|believe))\b"
    r"|\bi'?m\s+(?:worried|concerned|pretty\s+sure|sure|not\s+sure)\b"
    r"|\b(?:i|we)'?ve\s+(?:just\s+)?(?:noticed|found|seen|heard|realised|realized)\b|\b(?:told|showed|texted|messaged|asked)\s+(?:me|us)\b"
    r"|\b(?:made|makes|making|begged|begs|begging|asked|asks)\s+(?:me|us)\s+(?:to\s+)?(?:promise|swear|not\s+to)\b"
    r"|\b(?:how|what|who|where|why)\s+(?:\w+\s+)?(?:do|can|should|would|could|shall|must)\s+(?:i|we)\b|\bshould\s+(?:i|we)\b")
# Danger now, anywhere in the question, keeps someone else's risk wording an alarm: the urgent patterns do not
# read every way of saying it ("a couple look deep", "he's at his desk right now", "went offline"); "she's doing
# okay right now" says the opposite.
_ACUTE = re.compile(
    r"\b(?:(?<!okay\s)(?<!ok\s)(?<!fine\s)(?<!well\s)(?<!better\s)(?<!stable\s)(?<!good\s)right\s+now"
    r"|just\s+now|rn|at\s+the\s+moment|this\s+(?:minute|second)|won'?t\s+stop|bleed\w*|blood\w*"
    r"|spurting|deep|minutes?|offline|goodbye|said\s+bye|police|ambulance|999|911|112|a&e|hospital|overdos\w*|unconscious"
    r"|not\s+(?:answering|responding|breathing|picking\s+up)|picking\s+(?:her|him)\s+up|on\s+(?:the\s+)?(?:roof|bridge|ledge)"
    r"|trying\s+to\s+kill|going\s+to\s+(?:kill|jump|do\s+it|end\s+it)|(?:has|have|had|made|got)\s+a\s+plan|thought\s+about\s+how"
    r"|knows\s+how|swallow\w*|passed\s+out|locked\s+(?:in|herself|himself)|breathing)\b")
# Wording that makes the reader the one at risk though a third person speaks: "my kids would be better off
# with another mum", "my mum said she'd rather have a dead daughter... maybe they're right".
_READERS = re.compile(r"\bbetter\s+off\s+with(?:out)?\s+(?:me|another|a\s+(?:new|different|better))\b|\bwith(?:out)?\s+me\b"
                      r"|\b(?:maybe|perhaps|probably)\s+(?:they|she|he)(?:'re|'s|\s+(?:are|is))\s+right\b"
                      r"|\b(?:another|a\s+new|a\s+different|a\s+better)\s+(?:mum|mom|mother|dad|father|wife|husband|daughter|son)\b")
# A story's people, in a sentence that does not name the reader, are not the reader.
_FICTION = re.compile(r"\b(?:novel|short\s+story|screenplay|script|fan\s*fic\w*|character|protagonist|narrator|plot)\b")
_OWNER = re.compile(r"his|her|.*\b(?!(?:she|he)'s)\w+'s")  # "my dad's (rifle)": whose, not who
_CONTRACTED = re.compile(r"\s+(?:been|got|gone|just|always|never|not|going|gonna|saying|talking|tried|trying|had|done"
                         r"|started|said|told|threatening|cutting|hurting)\b")  # "my son's (been)": who
# Whose body the match is on ("fresh cuts on my daughter's arm").
_THEIR_BODY = re.compile(r"\s+(?:all\s+)?(?:on|over|up|along|across|down|in|into)\s+(?:her|his|(?:my|our)\s+" + _RELATION + r"'?s)\b")


# An abuse match that ends on someone else names who is harmed, whoever it starts with.
_THEIR_OBJECT = re.compile(r"\b(?:her|him|them)\s*$")


# "Has a plan" in _ACUTE is danger now, except after the sentence has put the person in care: "she's under CAMHS
# now and has a plan" is a care plan. A plan of something ("a plan to end it"), one told by the carer ("her
# therapist says she has a plan") or one told before the care ("has a plan, should I call her therapist") is not.
_IN_CARE = re.compile(r"\b(?:under|seeing|sees|with|referred\s+to|working\s+with|in\s+touch\s+with)\s+(?:(?:the|a|her|his"
                      r"|their|our|my)\s+)?(?:camhs|therap\w*|counsell?or\w*|psychiatr\w*|psycholog\w*|gp|doctor|nurse"
                      r"|social\s+worker|care\s+(?:team|coordinator)|mental\s+health\s+team|treatment)\b")
_PLAN_OF_WHAT = re.compile(r"\s+(?:to|for|of|on\s+how)\b")
_TOLD = re.compile(r"\b(?:says?|said|told|tells|thinks?|thought|worried|warned|asked)\b")


def _acute(text: str, match: re.Match) -> bool:
    """True if an _ACUTE match says danger now: every one does but a care plan."""
    if not match.group(0).endswith("plan") or _PLAN_OF_WHAT.match(text, match.end()):
        return True
    start, _ = _sentence_span(text, match.start(), match.end())
    cares = list(_IN_CARE.finditer(text, start, match.start()))
    return not cares or bool(_TOLD.search(text, cares[-1].end(), match.start()))


def _may_be_theirs(text: str) -> bool:
    """False if anything in the question says danger now or makes the reader the one at risk."""
    return not (any(_acute(text, m) for m in _ACUTE.finditer(text)) or _READERS.search(text))


def _theirs(text: str, match: re.Match, category: str) -> bool:
    """True if someone else's risk is told, not the reader's: a third person comes before the match in its
    clause (or the match is on their body) and the sentence does not name the reader ("my dad hits my mum
    and then me" is the reader's). The caller asks :func:`_may_be_theirs` of the whole question first."""
    left = _clause_start(text, match.start())
    s_left, s_right = _sentence_span(text, match.start(), match.end())
    sentence = _TELLING.sub(" ", text[s_left:s_right])
    if any(m.group("first") for m in _PERSON_WORD.finditer(sentence)):
        return False
    if _FICTION.search(sentence):  # "writing a novel where the main character is thinking about suicide"
        return True
    if category == "abuse" and _THEIR_OBJECT.search(match.group(0)):  # "my sister's husband hits her"
        return True
    before = _TELLING.sub(" ", text[left : match.start()])
    # Suicide and self-harm wording may hold its own subject ("my best friend keeps saying she wants to die",
    # "hurts herself"), not an owner ("have my dad's old rifle") or a body ("cut her wrist": see below); an
    # abuse match's person is the one who harms, so only the words before it count.
    inside = "" if category == "abuse" else _TELLING.sub(" ", match.group(0))
    return (any(m.group("third") for m in _PERSON_WORD.finditer(before))
            or any(m.group("third") and not (_OWNER.fullmatch(m.group("third")) and not _CONTRACTED.match(inside, m.end()))
                   for m in _PERSON_WORD.finditer(inside))
            or bool(_THEIR_BODY.search(match.group(0)) or _THEIR_BODY.match(text, match.end())))


def _abuse_ends(text: str, possible: frozenset[tuple[str, str]]) -> set[int]:
    """Where the urgent and risk abuse matches of the text end."""
    return {m.end() for level, patterns in _lexicon()["levels"] if level != "topic"
            for category, pattern in patterns if category == "abuse" and (level, category) in possible
            for m in pattern.finditer(text)}


def lexicon_level(
    query: str, only: frozenset[tuple[str, str]] | None = None, helper: bool | None = None,
) -> tuple[str, str] | None:
    """Return (level, category) from the lexicon's certain wording, or None.

    ``only`` limits the check to those (level, category) patterns (see :func:`lexicon_candidates`).
    ``helper`` says whether the whole question asks how to help someone else (a sentence of it does
    not say so itself); by default the text is asked.
    """
    text = _without_ignored(normalise_text(query))
    possible = _may_match(text)[0]
    if only is not None:
        possible &= only
    past: str | None = None  # the category of risk or urgent wording found only years back, or of a helper's question
    ends_of_abuse: set[int] | None = None
    may_be_theirs: bool | None = None  # asked once, when risk wording is first found
    for level, patterns in _lexicon()["levels"]:
        for category, pattern in patterns:
            if (level, category) not in possible:
                continue
            # A denial removes a risk, not the subject: "asked if i'm suicidal, i'm not" is still topic.
            found = [m for m in pattern.finditer(text) if level == "topic" or not _denied(text, m.start(), category)]
            if found and level != "topic" and category != "abuse":
                # "he put a gun to my head": the suicide wording "gun to my head" ends an abuse match, so it
                # is the other person's act on the reader, and the abuse wording decides.
                if ends_of_abuse is None:
                    ends_of_abuse = _abuse_ends(text, possible)
                found = [m for m in found if m.end() not in ends_of_abuse]
            if level != "topic" and found and all(_distant_past(text, m.start(), m.end()) for m in found):
                past = past or category
                continue
            if found and level == "risk" and may_be_theirs is None:
                may_be_theirs = _may_be_theirs(text)
            if found and level == "risk" and (
                    (may_be_theirs and all(_theirs(text, m, category) for m in found))
                    or (category != "abuse" and (helper if helper is not None else bool(_HELPER.search(text)))
                        and all(_someone_elses(text, m) for m in found))):
                past = past or category
                continue
            if found:
                return level, category
    return ("topic", past) if past else None


def sentence_reader(query: str) -> Callable[[str], str]:
    """A function that gives a sentence of the question with the phrases the lexicon ignores in the whole
    question blanked: a sentence cut at an ellipsis ("about to end it all... with three large pizzas") is
    read as the whole question reads it, not as "about to end it all..." alone."""
    whole = normalise_text(query)
    spans = [m.span() for m in _lexicon()["ignore"].finditer(whole)] if _may_match(whole)[1] else []

    def read(part: str) -> str:
        text = normalise_text(part)
        at = whole.find(text) if spans else -1
        if at < 0:
            return part
        end = at + len(text)
        for start, stop in reversed([(max(s, at) - at, min(e, end) - at) for s, e in spans if s < end and e > at]):
            text = text[:start] + " " + text[stop:]
        return text

    return read


def lexicon_candidates(query: str) -> frozenset[tuple[str, str]]:
    """The (level, category) patterns that match anywhere in the question, denials aside.

    A sentence of the question is a slice of it, cut at punctuation or a joining word, so it can only
    match a pattern the whole question matches; its sentences are checked against these alone. The
    lexicon's alternations cost about 1 ms per 100 characters: a six-sentence story was scanned twice
    (whole, then sentence by sentence), now once, and again only where something matched. When the
    ``ignore`` phrases changed the text, the question is also matched without them taken out, so that
    neither form hides a match a sentence would have.
    """
    plain = normalise_text(query)
    ignored = _without_ignored(plain)
    forms = (ignored,) if ignored == plain else (ignored, plain)
    possible = frozenset().union(*(_may_match(form)[0] for form in forms))
    return frozenset(
        (level, category)
        for level, patterns in _lexicon()["levels"]
        for category, pattern in patterns
        if (level, category) in possible and any(pattern.search(form) for form in forms)
    )


# A denial that is itself negated, doubted or a purpose denies nothing: "not sure I want to live", "I
# don't know if I want to live", "so I won't cut myself", "one reason not to end it". Read in the denial's
# own clause: "Honestly no, I don't want to die" is a denial.
_DOUBTED = re.compile(r"\b(not|never|don'?t|dont|can'?t|cant|cannot|won'?t|wont|no\s+longer|if|whether|why|so|reasons?)\b")
# A contrast after a denial, in the same sentence, leaves what follows to the classifier: "I'm not going
# to kill myself but I've started giving my things away".
_CONTRAST = re.compile(r"\b(but|though|although|however|except|or\s+maybe|maybe\s+i\s+do)\b")


def lexicon_denies(text: str) -> frozenset[str]:
    """The categories the text explicitly denies, as intent now: "I want to live" and "I'm not going
    to kill myself" deny suicide, "I'd never hurt myself" denies self-harm. What happened is not
    denied ("I wasn't trying to die"), and a denial of dying says nothing of self-harm or abuse:
    "I wasn't trying to die, the cut on my wrist won't stop bleeding" is still self-harm, and urgent."""
    text = _without_ignored(normalise_text(text))
    if not _may_match(text)[2]:
        return frozenset()
    return frozenset(category for category, pattern in _lexicon()["denial"].items()
                     if any(_stands(text, m) for m in pattern.finditer(text)))


def _stands(text: str, denial: re.Match) -> bool:
    before = re.split(r"[.!?;,]", text[max(0, denial.start() - _WINDOW) : denial.start()])[-1]
    after = re.split(r"[.!?;]", text[denial.end() : denial.end() + _WINDOW])[0]
    return not _DOUBTED.search(" ".join(before.split()[-3:])) and not _CONTRAST.search(after)


def _alert(level: str, category: str, how: str, query: str, sentence: str = "") -> CrisisAlert:
    config = load_resources()["crisis"]
    services = list(config["resources"][category])
    urgent = list(config["resources"]["urgent"])
    headline = config.get("headline", "")
    if level == "urgent":
        # Emergency numbers first, then the category's own services that are not already listed.
        services = _merged(urgent, services)
        headline = config.get("urgent_headline", headline)
    elif level == "topic":
        headline = config.get("topic_line", headline)
    if category in level_policy(level).urgent_services_for_substances and names_substance(query):
        # A risk reading of "took a load of my mum's pills" may be an overdose taken: Poison Control is
        # listed too, after the level's own services, whose order and headline stay.
        services = _merged(services, urgent)
    return CrisisAlert(category, services, headline, how, level, sentence)


def _merged(first: list[dict], then: list[dict]) -> list[dict]:
    """``first``, then the services of ``then`` not already listed, by name or by any of their links.

    A region's file may name one service differently in two categories ("Emergency services" and "Call 911");
    its number is the same, so it is listed once.
    """
    def keys(r: dict) -> set[str]:
        return {r["name"]} | {link["href"] for link in r.get("links") or []}

    listed = set().union(*(keys(r) for r in first))
    return first + [r for r in then if not keys(r) & listed]


def crisis_from_lexicon(query: str) -> CrisisAlert | None:
    """The crisis check that needs no model: the page runs it before the model has loaded."""
    found = lexicon_level(query)
    return _alert(found[0], found[1], "lexicon", query) if found else None


# ---------------------------------------------------------------- classifier


@dataclass(frozen=True)
class CrisisClassifier:
    """Levels (none/topic/risk/urgent) and categories from the query vector.

    Level probabilities blend a logistic regression with a nearest-prototype vote: the cosine
    similarity of the vector to the training examples of each level (the mean of the ``knn_k`` most
    similar), turned into probabilities by a softmax at temperature ``1/knn_beta``. Without prototypes,
    the logistic regression alone. The regression reads the vector and, when ``ngrams`` are given and
    the text is passed, the text's word and character n-grams (TF-IDF, ``ngram_w``): the few words
    that decide a sentence weigh there even when the vector of a long story dilutes them.
    """

    levels: tuple[str, ...]
    categories: tuple[str, ...]
    level_w: np.ndarray  # (len(levels), dim)
    level_b: np.ndarray
    category_w: np.ndarray  # (len(categories), dim)
    category_b: np.ndarray
    thresholds: dict
    model: str
    prototypes: np.ndarray | None = None  # (n, dim), unit length: training examples' vectors
    prototype_levels: np.ndarray | None = None  # (n,) index into levels
    knn_k: int = 10
    knn_beta: float = 20.0
    blend: float = 1.0  # weight of the logistic regression; 1 - blend for the prototypes
    ngrams: tuple[NgramTfidf, ...] = ()  # analyzers whose features follow one another in ngram_w
    ngram_w: np.ndarray | None = None  # (len(levels), total n-gram features)

    @property
    def dim(self) -> int:
        return int(self.level_w.shape[1])

    def probabilities(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """Return one row of level probabilities per vector (and its text, for the n-grams)."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        p = self.regression_probabilities(vectors, texts)
        if self.prototypes is None or self.blend >= 1.0 or not len(vectors):
            return p
        return self.blend * p + (1.0 - self.blend) * self.prototype_probabilities(vectors)

    def regression_probabilities(self, vectors: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """The logistic regression's level probabilities alone (before the prototype vote)."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if not len(vectors):
            return np.zeros((0, len(self.levels)), dtype=np.float32)
        logits = vectors @ self.level_w.T + self.level_b
        if self.ngrams and texts is not None:
            logits += self.ngram_logits(texts)
        return _softmax(logits)

    def ngram_logits(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's n-gram contribution to the level logits (a sparse dot product per analyzer)."""
        out = np.zeros((len(texts), len(self.levels)), dtype=np.float32)
        for row, text in enumerate(texts):
            text = normalise_text(text)
            offset = 0
            for analyzer in self.ngrams:
                idx, values = analyzer.features(text)
                if len(idx):
                    out[row] += self.ngram_w[:, offset + idx] @ values
                offset += len(analyzer.idf)
        return out

    def prototype_probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """Per level, the mean cosine similarity of the knn_k most similar prototypes; softmax."""
        unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        unit = np.ascontiguousarray(unit, dtype=np.float32)
        scores = np.full((len(vectors), len(self.levels)), -1.0, dtype=np.float32)
        for i, ((start, end), index) in enumerate(zip(self._level_blocks, self._prototype_indexes)):
            k = min(self.knn_k, end - start)
            if k:
                scores[:, i] = index.search(unit, k)[0].mean(axis=1)
        return _softmax(self.knn_beta * scores)

    @cached_property
    def _prototype_indexes(self) -> list:
        """Each level's prototypes in a FAISS index that stores them as float16, as they are on disk.

        A question's product with all prototypes in float32 (2.7 MB) ran at memory speed just after
        the encoder had filled the cache: 0.3-0.5 ms. Half the bytes, and FAISS's SIMD top-k, halve that;
        the similarities are the same numbers (the prototypes are float16 values to begin with).
        """
        import faiss

        indexes = []
        for start, end in self._level_blocks:
            index = faiss.IndexScalarQuantizer(self.dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
            block = np.ascontiguousarray(self.prototypes[start:end], dtype=np.float32)
            index.train(block)
            index.add(block)
            indexes.append(index)
        return indexes

    @cached_property  # written to the instance's __dict__, which a frozen dataclass allows
    def _level_blocks(self) -> list[tuple[int, int]]:
        """The prototypes are stored grouped by level: each level's [start, end) rows."""
        levels = self.prototype_levels
        return [(int(np.searchsorted(levels, i, "left")), int(np.searchsorted(levels, i, "right")))
                for i in range(len(self.levels))]

    def decide(self, vectors: np.ndarray, whole: bool, texts: Sequence[str] | None = None) -> list[str | None]:
        """Return the level of each vector (and its text): None, "topic", "risk" or "urgent"."""
        return self.decide_question(vectors, texts, wholes=len(vectors) if whole else 0)

    def decide_question(self, vectors: np.ndarray, texts: Sequence[str] | None = None,
                        wholes: int = 1) -> list[str | None]:
        """``decide`` for a question's vectors in one pass: the first ``wholes`` rows are whole
        questions (their thresholds), the rest its sentences (theirs). One call, not two: the
        prototype search and the n-grams cost per call as much as per row at this size. (A batch's
        products may round differently from one row's in the last bit; the thresholds of round 6
        were chosen through this path.)

        One question with its sentences (``wholes`` 1, and at least ``JOINT_MIN_PARTS`` sentences, as
        ``split_parts`` gives) may also alarm jointly: when the whole question's alarm probability plus
        its most alarming sentence's reaches ``thresholds["joint"]["alarm"]``, the whole question alarms,
        though neither reaches its own threshold. Risk told in one sentence of a long question can leave
        both short ("I think about eating my gun more than I'd ever admit to the VA": 0.81 for the
        sentence, 0.71 for its question about EMDR, against 0.82 each, round 55)."""
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        ix = {name: i for i, name in enumerate(self.levels)}
        joint = (self.thresholds.get("joint", {}).get("alarm")
                 if wholes == 1 and len(vectors) - wholes >= JOINT_MIN_PARTS else None)
        p = self.regression_probabilities(vectors, texts)
        if self.prototypes is not None and self.blend < 1.0 and len(vectors):
            # The vote adds at most (1 - blend) to any level. When even that cannot lift a row to a
            # threshold (an ordinary question: most of them), its decision is None either way, and
            # the prototype search, a third of the check, is skipped. Same decisions, by the bound.
            bound = self._alarm_bound(p, ix)
            may_decide = self._vote_may_decide(p, bound, wholes, ix)
            if joint is not None:
                # ...and when it cannot lift the question and a sentence together to the joint threshold:
                # a row skipped here has an alarm below what the joint needs, whatever the other's is.
                # The question's partner is its best sentence; a sentence's is the question.
                partner = np.r_[bound[1:].max(), np.full(len(p) - 1, bound[0])]
                may_decide |= bound + partner >= joint
            rows = np.flatnonzero(may_decide).tolist()
            p = self.blend * p
            if rows:
                p[rows] += (1.0 - self.blend) * self.prototype_probabilities(vectors[rows])
        alarm = p[:, ix["risk"]] + p[:, ix["urgent"]]
        out: list[str | None] = []
        for i, (row, a) in enumerate(zip(p, alarm)):
            t = self.thresholds["whole" if i < wholes else "part"]
            if a >= t["alarm"] or (i == 0 and joint is not None and a + alarm[1:].max() >= joint):
                out.append("urgent" if row[ix["urgent"]] >= t["urgent"] else "risk")
            elif row[ix["topic"]] >= t["topic"]:
                out.append("topic")
            else:
                out.append(None)
        return out

    def _alarm_bound(self, regression: np.ndarray, ix: dict[str, int]) -> np.ndarray:
        """Each row's largest possible alarm probability, whatever the prototype vote says."""
        return self.blend * (regression[:, ix["risk"]] + regression[:, ix["urgent"]]) + self._most_vote()

    def _vote_may_decide(self, regression: np.ndarray, alarm_bound: np.ndarray, wholes: int,
                         ix: dict[str, int]) -> np.ndarray:
        """Per row: True unless it stays below every threshold whatever the prototype vote says."""
        whole = np.arange(len(regression)) < wholes
        alarm_t = np.where(whole, self.thresholds["whole"]["alarm"], self.thresholds["part"]["alarm"])
        topic_t = np.where(whole, self.thresholds["whole"]["topic"], self.thresholds["part"]["topic"])
        topic_bound = self.blend * regression[:, ix["topic"]] + self._most_vote()
        return (alarm_bound >= alarm_t) | (topic_bound >= topic_t)

    def _most_vote(self) -> float:
        """The vote's largest share of any level, and room for rounding."""
        return 1.0 - self.blend + 1e-6

    def category(self, vector: np.ndarray) -> str:
        return self.categories[int(np.argmax(self.category_w @ vector + self.category_b))]


_WEIGHTS = ("level_w", "level_b", "category_w", "category_b")


def _softmax(z: np.ndarray) -> np.ndarray:
    z = np.exp(z - z.max(axis=1, keepdims=True))
    return z / z.sum(axis=1, keepdims=True)


@cache
def load_classifier() -> CrisisClassifier:
    """Load the bundled classifier weights (plain arrays; no pickle, no scikit-learn)."""
    meta = _data("crisis_classifier.json")
    with resources.files("verbatim.data").joinpath("crisis_classifier.npz").open("rb") as f:
        with np.load(f, allow_pickle=False) as z:
            arrays = {k: np.asarray(z[k], dtype=np.float32) for k in _WEIGHTS}
            if "prototypes" in z.files:
                # float16 on disk (small); float32 here, from which each level's FAISS index is built.
                arrays["prototypes"] = np.asarray(z["prototypes"], dtype=np.float32)
                arrays["prototype_levels"] = np.asarray(z["prototype_levels"], dtype=np.int64)
                if np.any(np.diff(arrays["prototype_levels"]) < 0):
                    raise ValueError("crisis_classifier.npz: prototypes must be grouped by level")
            ngrams = []
            for spec in meta.get("ngrams", []):
                name = spec["analyzer"]
                vocabulary = {g: i for i, g in enumerate(z[f"{name}_vocabulary"].tolist())}
                ngrams.append(NgramTfidf(name, spec["low"], spec["high"], vocabulary, np.asarray(z[f"{name}_idf"], dtype=np.float64)))
            if ngrams:
                arrays["ngrams"] = tuple(ngrams)
                arrays["ngram_w"] = np.asarray(z["ngram_w"], dtype=np.float32)
    knn = meta.get("prototypes", {})
    clf = CrisisClassifier(
        tuple(meta["levels"]), tuple(meta["categories"]), thresholds=meta["thresholds"], model=meta["model"],
        knn_k=int(knn.get("k", 10)), knn_beta=float(knn.get("beta", 20.0)), blend=float(knn.get("blend", 1.0)),
        **arrays,
    )
    shapes = (clf.level_w.shape, clf.category_w.shape)
    if shapes != ((len(clf.levels), meta["dim"]), (len(clf.categories), meta["dim"])):
        raise ValueError("crisis_classifier.npz does not match crisis_classifier.json")
    if clf.prototypes is not None and (clf.prototypes.shape[1] != meta["dim"] or len(clf.prototype_levels) != len(clf.prototypes)):
        raise ValueError("crisis_classifier.npz: prototypes do not match")
    if clf.ngrams and clf.ngram_w.shape != (len(clf.levels), sum(len(a.idf) for a in clf.ngrams)):
        raise ValueError("crisis_classifier.npz: n-gram weights do not match their vocabularies")
    return clf



# ---------------------------------------------------------------- means


@cache
def _means_pattern(substances_only: bool = False) -> tuple[re.Pattern[str], PatternSet]:
    data = _data("crisis_means.json")
    groups = data["_substance_groups"] if substances_only else [g for g in data if not g.startswith("_")]
    terms = sorted({t for group in groups for t in data[group]}, key=len, reverse=True)
    # A term, optionally plural; whole words only ("gun" but not "begun").
    pattern = r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")(?:e?s)?\b"
    return re.compile(pattern, re.IGNORECASE), PatternSet([pattern])


def mentions_means(text: str) -> bool:
    """True if the text names drugs, medicines, overdose, alcohol amounts, weapons or methods.

    After a risk or urgent signal the search leaves such passages out (``LevelPolicy.hide_means``).
    The terms live in ``data/crisis_means.json``.
    """
    return _names(text, substances_only=False)


def names_substance(text: str) -> bool:
    """True if the text names a drug, medicine, alcohol or poison (``_substance_groups`` of the means)."""
    return _names(text, substances_only=True)


def _names(text: str, substances_only: bool) -> bool:
    text = normalise_text(text)
    pattern, prefilter = _means_pattern(substances_only)
    return bool(prefilter.candidates(text)) and bool(pattern.search(text))


# ---------------------------------------------------------------- the checker


# A sentence the classifier finds more likely at risk than not is not spoken for by a denial elsewhere.
DENIAL_SENTENCE_BAR = 0.5


def urgent_outweighs_risk(classifier: CrisisClassifier, vector: np.ndarray, text: str) -> bool:
    """Whether the classifier finds urgent at least as likely as risk for this unit (every vote counted)."""
    p = classifier.probabilities(vector, [text])[0]
    return bool(p[classifier.levels.index("urgent")] >= p[classifier.levels.index("risk")])


def denial_holds(category: str, part_denials: Sequence[frozenset[str]], part_alarm: Sequence[float]) -> bool:
    """Whether a denial found in a question speaks for the whole of it: not when one of its sentences
    that does not deny is more likely at risk than not ("I don't want to die. I keep ending up at the top
    of the car park at night, looking over.")."""
    return all(category in d or a < DENIAL_SENTENCE_BAR for d, a in zip(part_denials, part_alarm))


def detect(
    query: str,
    qvec: np.ndarray | None,
    parts: Sequence[tuple[str, np.ndarray]] = (),
    classifier: CrisisClassifier | None = None,
) -> CrisisAlert | None:
    """Return the highest level the lexicon or the classifier finds in the question or any part.

    Parts are the question's sentences with their vectors; without a classifier or vector, only the
    lexicon speaks (on the whole question and on each sentence).
    """
    best: tuple[int, str, str, str, str] = (0, "", "", "", "")  # rank, level, category, how, sentence
    texts = [p for p, _ in parts] if parts else split_parts(query)
    candidates = lexicon_candidates(query) if texts else None
    checked = [] if candidates == frozenset() else [*texts, query]  # nothing matched: nothing to check
    read = sentence_reader(query) if len(checked) > 1 else None
    helper = asks_how_to_help(query) if checked else False
    # Sentences first, so that an alert names the sentence that raised it when there is one.
    for text in checked:
        found = lexicon_level(text if text is query else read(text), candidates, helper)
        if found and _RANK[found[0]] > best[0]:
            best = (_RANK[found[0]], found[0], found[1], "lexicon", "" if text is query else text)
    if classifier is not None and qvec is not None and best[0] < _RANK["urgent"]:
        units = [(np.asarray(qvec, dtype=np.float32), "")]
        units += [(np.asarray(v, dtype=np.float32), t) for t, v in parts]
        vectors = np.stack([v for v, _ in units])
        texts = [query] + [t for t, _ in parts]
        levels = classifier.decide_question(vectors, texts)
        denials: dict[int, frozenset[str]] = {}

        def denied(i: int) -> frozenset[str]:  # read only for a unit the classifier raises to an alarm
            if i not in denials:
                denials[i] = lexicon_denies(texts[i])
            return denials[i]

        def part_alarm() -> np.ndarray:  # exact (every vote counted), only when a whole denial is weighed
            p = classifier.probabilities(vectors[1:], texts[1:]) if len(units) > 1 else np.zeros((0, 4))
            return p[:, classifier.levels.index("risk")] + p[:, classifier.levels.index("urgent")]

        # Sentences before the whole question, as for the lexicon: when a sentence alarms on its own, the alert names
        # it, even if the whole question alarms at the same level (by the joint rule, which counts that sentence).
        for i in [*range(1, len(units)), 0]:
            level, (vector, text) = levels[i], units[i]
            if _RANK[level] <= best[0]:
                continue
            if level == "urgent" and best[1] == "risk" and best[3] == "lexicon" and not urgent_outweighs_risk(
                    classifier, vector, texts[i]):
                # The lexicon's risk wording is certain; the classifier's urgent, at a threshold far below one
                # half, is a guess. It overrides the certain reading only when it is the likelier alarm:
                # "gonna drink myself to death" (lexicon risk) read p(urgent) 0.24 against p(risk) 0.53 in
                # round 66, from the drunk assailants and swallowed bleach of the urgent examples.
                continue
            # A lexicon risk keeps its category when the classifier only raises it to urgent.
            category = best[2] if best[1] == "risk" and best[3] == "lexicon" else classifier.category(vector)
            if _RANK[level] >= _RANK["risk"] and category in denied(i) and (
                i or denial_holds(category, [denied(j) for j in range(1, len(units))], part_alarm())
            ):
                # Vectors barely tell a sentence from its negation: an explicit denial of this category
                # lowers the classifier's level one step (the lexicon's own risk wording has already been
                # counted). Never below an alarm for urgent: "I'm not going to kill myself tonight, I
                # just wanted to count my pills" still calls for help.
                level = "risk" if level == "urgent" else "topic"
            if _RANK[level] > best[0]:
                best = (_RANK[level], level, category, "classifier", text)
    if not best[0]:
        return None
    return _alert(best[1], best[2], best[3], query, best[4])
