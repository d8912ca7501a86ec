"""Crisis levels, the classifier's weights, help that never fails, means and physical numbness.

Level tests use the real model, as the search does. The held-out figures of the detector are in
docs/crisis.md; these tests pin clear cases and the contracts the search and the page rely on.
"""

import json
import logging
import re
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ARTICLE, ROOT
from verbatim.crisis import asks_how_to_help
from verbatim.safety import (
    CRISIS_CATEGORIES,
    SafetyChecker,
    crisis_from_lexicon,
    level_policy,
    load_classifier,
    load_resources,
    mentions_means,
    split_parts,
)


@pytest.fixture(scope="module")
def checker(real_encoder):
    return SafetyChecker(real_encoder)


@pytest.fixture
def bundled():
    return json.loads((ROOT / "verbatim" / "data" / "resources.json").read_text("utf-8"))


def level(checker, encoder, query):
    alert = checker.crisis(query, encoder.encode([query])[0])
    return alert and alert.level


@pytest.mark.parametrize("query, expected", [
    # urgent: danger now
    ("i took a bunch of my mom's sleeping pills an hour ago", "urgent"),
    ("hes outside banging on the door right now and said hes going to kill me", "urgent"),
    ("cut too deep just now and it wont stop bleeding", "urgent"),
    ("blood wont stop been pressing on it 20 mins its the wrist", "urgent"),  # no pattern: the classifier
    ("i wasnt trying to die, it just wont stop bleeding", "urgent"),  # what happened is no denial
    ("my girlfriend just texted me she took a whole bottle of pills", "urgent"),
    ("im going to end it tonight", "urgent"),
    # risk: the reader's own suicidal thoughts, self-harm, abuse
    ("I want to kill myself", "risk"),
    ("no one will miss me", "risk"),
    ("gonna drink myself to death", "risk"),
    ("I've been cutting myself again", "risk"),
    ("my husband hits me", "risk"),
    ("my boyfriend chokes me when he is angry", "risk"),
    ("i feel so numb i just want to die", "risk"),
    # topic: about these subjects
    ("why are fentanyl overdoses going up so much", "topic"),
    ("old self harm scars from high school, best laser treatment to fade them", "topic"),
    ("what are the suicide rates among teenagers", "topic"),
    ("what are the signs of domestic violence", "topic"),
    # nothing
    ("i could die of boredom in lectures", None),
    ("killing it at work lately, got promoted", None),
    ("why can't I cry anymore?", None),
    ("what drugs numb emotional pain", None),
    ("i feel dead inside, is that numbness?", None),
])
def test_levels_of_clear_cases(checker, real_encoder, query, expected):
    assert level(checker, real_encoder, query) == expected


@pytest.mark.parametrize("query", [
    "what are the five pillars of resilience", "is emotional numbness permanent", "effects of being numb",
    "can stress cause numbness", "online therapy for numbness", "does it hurt to feel nothing",
    "this homework is killing me", "my phone battery is dying", "i burned the toast again",
])
def test_ordinary_questions_raise_no_alarm(checker, real_encoder, query):
    alert = checker.crisis(query, real_encoder.encode([query])[0])
    assert alert is None or not alert.policy.alarm


STORY = (
    "I started a new job in March and at first it was fine. My manager is nice and the commute is short. "
    "We went hiking with friends last weekend and the weather was lovely. "
    "Sometimes I think everyone would be better off without me. "
    "Is it normal to feel flat after a big change?"
)


def test_risk_in_one_sentence_of_a_long_question_is_found(checker, real_encoder):
    qvec = real_encoder.encode([STORY])[0]
    alert = checker.crisis(STORY, qvec)
    assert alert is not None and alert.level == "risk" and alert.category == "suicide"
    assert "better off without me" in alert.sentence
    # The search may pass the sentences it already encoded: same answer, no encoding here.
    texts = split_parts(STORY)
    parts = list(zip(texts, real_encoder.encode(texts)))
    given = checker.crisis(STORY, qvec, parts)
    assert (given.level, given.category) == (alert.level, alert.category)


WEDDING = (
    "My sister got married in June and the wedding was beautiful. Everyone danced and cried and I just "
    "stood there. Lately I have been picturing my own death. Why do I feel nothing at happy events?"
)
RAZOR = (
    "My sister got married in June and the wedding was beautiful. Everyone danced and cried and I just "
    "stood there. I keep a razor hidden in my room for the bad nights. Why do I feel nothing at happy events?"
)


def test_the_classifier_reads_each_sentence_of_a_long_question(checker, real_encoder):
    # No pattern matches and the whole question's vector is calm; one sentence is not.
    assert crisis_from_lexicon(RAZOR) is None
    qvec = real_encoder.encode([RAZOR])[0]
    assert checker.classifier.decide(qvec[None, :], whole=True, texts=[RAZOR]) == [None]
    alert = checker.crisis(RAZOR, qvec)
    assert alert.level == "risk" and alert.matched == "classifier"
    assert alert.sentence == "I keep a razor hidden in my room for the bad nights."


@pytest.mark.xfail(strict=True, reason="rounds 18 to 31 score this sentence 0.69-0.73 against the sentence threshold 0.90-0.92 "
                                        "chosen on dev; thresholds are not moved for a test (DATA_CARD.md)")
def test_a_passive_wish_inside_a_story_raises_an_alarm(checker, real_encoder):
    alert = checker.crisis(WEDDING, real_encoder.encode([WEDDING])[0])
    assert alert is not None and alert.level == "risk"


@pytest.mark.parametrize("query", [
    "been hiding the cuts on my wrists",
    pytest.param("i keep picturing my own funeral and it feels like relief", marks=pytest.mark.xfail(
        strict=True, reason="rounds 14 and 18 to 31 miss it: round 31 scores 0.811 against the whole-question threshold 0.88")),
    # (round 31's lexicon reads "i think about driving into the river on the way home most nights" itself)
    "i lie awake planning how i would do it so nobody finds me",
])
def test_the_classifier_reads_wording_no_pattern_lists(checker, real_encoder, query):
    # No lexicon pattern matches these; the classifier must.
    assert crisis_from_lexicon(query) is None
    alert = checker.crisis(query, real_encoder.encode([query])[0])
    assert alert is not None and alert.policy.alarm and alert.matched == "classifier", query


def test_classifier_weights_load_with_the_right_shape():
    clf = load_classifier()
    assert clf.levels == ("none", "topic", "risk", "urgent")
    assert clf.categories == CRISIS_CATEGORIES
    assert clf.level_w.shape == (4, 384) and clf.level_b.shape == (4,)
    assert clf.category_w.shape == (3, 384) and clf.category_b.shape == (3,)
    assert clf.model == "sentence-transformers/all-MiniLM-L6-v2"
    assert np.all(np.isfinite(clf.level_w)) and np.all(np.isfinite(clf.category_w))
    for part in ("whole", "part"):
        assert set(clf.thresholds[part]) == {"alarm", "urgent", "topic"}
    p = clf.probabilities(np.ones((2, 384), dtype=np.float32) / np.sqrt(384))
    assert p.shape == (2, 4) and np.allclose(p.sum(axis=1), 1)
    # Prototypes: small (a question near a threshold reads them all: at most 6 MB as the float16 FAISS
    # indexes hold them; round 9's 3,963 took 3.04 MB, about 0.2 ms for such a question, round 17's 5,676
    # 4.36 MB, round 21's 6,549 5.03 MB, its vote 0.56 ms warm, round 23's 7,007 5.38 MB, round 24's
    # 7,234 5.56 MB, round 25's 7,448 5.72 MB, round 26's 7,680 5.90 MB: each blind set moved into training adds about 230, so the bound, 4, 4.5, 5 and
    # 5.5 MB before, has been raised four times; from round 27 training drops near-duplicates of a level
    # (cosine >= 0.95) instead: 7,636, 5.86 MB; from round 28 it lowers that cosine until they fit 7,800: 0.90,
    # 7,774, 5.97 MB; round 29: 0.87, 7,765, 5.96 MB; round 30: 0.85, 7,785, 5.98 MB; round 31: 0.82, 7,791, 5.98 MB; the rest skip the vote), unit length, grouped by level,
    # every level present.
    assert clf.prototypes is not None and clf.prototypes.shape[1] == 384 and clf.prototypes.size * 2 <= 6_000_000
    assert np.allclose(np.linalg.norm(clf.prototypes, axis=1), 1, atol=1e-2)
    assert np.all(np.diff(clf.prototype_levels) >= 0) and set(clf.prototype_levels.tolist()) == {0, 1, 2, 3}
    assert 0 < clf.blend <= 1


def test_no_two_prototypes_of_a_level_are_near_duplicates():
    # training/train.py keeps a prototype only if no earlier one of its level is within the recorded cosine
    # (float16 storage may move a cosine by about 1e-3).
    clf = load_classifier()
    meta = json.loads((ROOT / "verbatim" / "data" / "crisis_classifier.json").read_text("utf-8"))
    bound = meta["prototypes"]["duplicate_cosine"]
    for level in range(len(clf.levels)):
        block = clf.prototypes[clf.prototype_levels == level]
        sims = block @ block.T
        np.fill_diagonal(sims, -1)
        assert sims.max() < bound + 2e-3, (clf.levels[level], float(sims.max()))


def test_prototype_votes_are_the_mean_of_each_levels_nearest_prototypes():
    # Query time searches float16 FAISS indexes; the vote must be the plain numpy arithmetic.
    clf = load_classifier()
    vectors = np.random.default_rng(7).normal(size=(5, 384)).astype(np.float32)
    vectors[0] = clf.prototypes[3]  # a vector that is a prototype itself
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = unit @ clf.prototypes.T
    expected = np.stack([
        [np.sort(sims[row, start:end])[-min(clf.knn_k, end - start):].mean() for start, end in clf._level_blocks]
        for row in range(len(unit))
    ])
    z = np.exp(clf.knn_beta * expected - (clf.knn_beta * expected).max(axis=1, keepdims=True))
    assert np.allclose(clf.prototype_probabilities(vectors), z / z.sum(axis=1, keepdims=True), atol=1e-5)


def _decisions_from_blend(clf, vectors, texts, wholes):
    """The levels as the full blend decides them: every row's prototype vote computed."""
    p = clf.probabilities(vectors, texts)
    out = []
    for i, row in enumerate(p):
        t = clf.thresholds["whole" if i < wholes else "part"]
        if row[2] + row[3] >= t["alarm"]:
            out.append("urgent" if row[3] >= t["urgent"] else "risk")
        else:
            out.append("topic" if row[1] >= t["topic"] else None)
    return out


def test_skipping_the_prototype_vote_never_changes_a_decision(real_encoder):
    # decide_question skips the vote for rows it cannot lift to any threshold; the levels must be
    # those of the full blend, for ordinary questions, look-alikes, topics and alarms alike, and for
    # vectors that sit right on the prototypes (where the vote decides most).
    clf = load_classifier()
    texts = [
        "why can't I cry anymore", "can zoloft make me feel nothing", "what is emotional numbness",
        "i could die of boredom in lectures", "suicide hotline number", "how to cover old self harm scars",
        "I want to kill myself", "i already took the pills", "my dad beats me", "he hits me when he drinks",
        "i feel numb and i don't see the point of anything", "tonight is the night", "i cut again last night",
    ]
    vectors = real_encoder.encode(texts)
    seen = set()
    for wholes in (len(texts), 0):
        decided = clf.decide_question(vectors, texts, wholes=wholes)
        assert decided == _decisions_from_blend(clf, vectors, texts, wholes)
        seen |= set(decided)
    near = clf.prototypes[:: max(len(clf.prototypes) // 400, 1)]
    for wholes in (len(near), 0):
        decided = clf.decide_question(near, None, wholes=wholes)
        assert decided == _decisions_from_blend(clf, near, None, wholes)
        seen |= set(decided)
    assert seen == {None, "topic", "risk", "urgent"}  # the cases reach every decision


def test_query_time_needs_no_scikit_learn():
    code = "import sys; from verbatim.safety import load_classifier; load_classifier(); assert 'sklearn' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.parametrize("query, expected", [
    ("i already took the pills", ("urgent", "suicide")),
    ("my ex broke in and he's threatening to kill the kids", ("urgent", "abuse")),
    ("I want to kill myself", ("risk", "suicide")),
    ("I'm not going to kill myself, I just feel numb", None),
    ("i burn myself with a lighter when i feel numb", ("risk", "self_harm")),
    ("my dad beats me", ("risk", "abuse")),
    ("suicide hotline number", ("topic", "suicide")),
    ("how to cover old self harm scars", ("topic", "self_harm")),
    ("suicide squad movie review", None),
    ("bungee jumping off a bridge in new zealand", None),
    ("Every night I think about how to die.", ("risk", "suicide")),
    ("some nights i lie awake wishing i would not wake up", ("risk", "suicide")),
    ("i wish i didnt wake up so early every day", None),
    # Being a burden, others better off, planning, looking up amounts: public warning signs.
    ("my family would be better if i died", ("risk", "suicide")),
    ("the world would be better without me", ("risk", "suicide")),
    ("i'm just a burden to everyone", ("risk", "suicide")),
    ("nobody would care if i disappeared", ("risk", "suicide")),
    ("lately i have been planning my own death", ("risk", "suicide")),
    ("i looked up how many pills it takes", ("risk", "suicide")),
    ("the team would be better if i was gone on vacation", None),
    ("am i a burden on my parents if i move back home for college", None),
    ("planning my funeral arrangements with my lawyer at 80", None),
    ("how many pills of melatonin should i take", None),
    ("most nights i lie awake wishing i could stop existing", ("risk", "suicide")),
    ("i wish i could stop existing for a weekend and sleep", ("risk", "suicide")),
    ("i wish this headache would stop existing", None),
    ("i don't wish i could stop existing anymore, therapy helped", None),
    # Round 8: wording certain enough for the lexicon, each beside a look-alike that must stay quiet.
    ("I think they will be relieved if I am gone, at least they can save money", ("risk", "suicide")),
    ("sometimes i think it is better if i am not living anymore", ("risk", "suicide")),
    ("my boss will be relieved when i'm not here on fridays", None),
    ("i dont want to die exactly i just want to stop being. every day is static", ("risk", "suicide")),
    ("i want to stop being so anxious all the time", None),
    ("does anyone else feel like theyre just waiting to die", ("risk", "suicide")),
    ("my son searched how to hang yourself on the family ipad", ("risk", "suicide")),
    ("how to hang a picture frame by myself", None),
    ("i've quietly saved enough of my tramadol to end it whenever i decide", ("risk", "suicide")),
    ("i don't trust myself with a full box of tablets", ("risk", "suicide")),
    ("i don't trust myself around chocolate", None),
    ("does numbness make it easier to go through with ending things", ("risk", "suicide")),
    ("after gigs i've been stubbing cigs out on my forearm", ("risk", "self_harm")),
    ("what's the best thing to cut with that won't get infected", ("risk", "self_harm")),
    ("whats the best knife to cut with for a beginner chef", None),
    # Idioms, pets, denials inside the match, and risk set years back (topic, unless brought to now).
    ("i could just die, i called my teacher mum in front of everyone", None),
    ("my cat scratches me till i bleed whenever i rub her belly", None),
    ("i pick at my skin till it bleeds", ("risk", "self_harm")),
    ("I'm not hurting myself and never have, but I get why people do it", None),
    ("I stopped self harming five years ago. People ask about my scars", ("topic", "self_harm")),
    ("i was suicidal a few years ago when i was really numb", ("topic", "suicide")),
    ("my dad used to beat me when i was a kid", ("topic", "abuse")),
    ("I used to cut myself in high school and now I've started again", ("risk", "self_harm")),
    ("my dad used to beat me as a kid and now i feel basically nothing", ("topic", "abuse")),
    ("i used to self harm as a teen but i don't anymore", ("topic", "self_harm")),
    ("i self harmed two weeks ago", ("risk", "self_harm")),
    ("I tried to kill myself 3 years ago and I still want to die", ("risk", "suicide")),
    # Round 9, the same way.
    ("sometimes i think i should have died with them", ("risk", "suicide")),
    ("i nearly died, i should have died in that crash honestly, lucky", None),
    ("then i'll be done with everything for good", ("risk", "suicide")),
    ("i keep old prescriptions in the closet in case i decide to end things", ("risk", "suicide")),
    ("should i just stop waiting and end it", ("risk", "suicide")),
    ("should i end it with my boyfriend he never texts back", None),
    ("which bridge in town has no barriers", ("risk", "suicide")),
    ("which bridge has the best view for photos", None),
    ("what height is a fall guaranteed to be fatal from", ("risk", "suicide")),
    ("i need to know my family will be ok after", ("risk", "suicide")),
    ("my kids will be fine after the divorce right", None),
    ("i think about being dead constantly but i dont feel sad", ("risk", "suicide")),
    ("after rehearsals i've been burning my palms with the soldering iron", ("risk", "self_harm")),
    ("i burned my hand on the stove making dinner", None),
    ("i carve little lines into my ankle with a craft knife", ("risk", "self_harm")),
    ("i carved our initials into the tree", None),
    ("relapsed after 8 months clean from self harm", ("risk", "self_harm")),
    ("my wife takes my wages and i have to ask her for bus fare", ("risk", "abuse")),
    ("how do you ask someone if they're thinking about suicide", ("topic", "suicide")),
    # Round 10, the same way.
    ("gonna hurt myself laughing at this meme", None),
    ("my toddler ate a small lump of playdough, is it toxic", None),
    ("my toddler just swallowed some of my blood pressure pills", ("urgent", "suicide")),
    ("my son got into the bleach under the sink", ("urgent", "suicide")),
    ("i used to burn myself when i felt nothing, 3 years clean now", ("topic", "self_harm")),
    ("i was 2 years clean and i started cutting again last week", ("risk", "self_harm")),
    ("my self harm scars are about 8 years old and long healed", ("topic", "self_harm")),
    ("what do i say if my friend ever tells me she's thinking about suicide", ("topic", "suicide")),
    ("she's worried because i'm thinking about suicide", ("risk", "suicide")),
    ("last week my mother-in-law pressed my hand on the hot tawa", ("risk", "abuse")),
    ("i've gone back to burning my ankles with a lighter", ("risk", "self_harm")),
    ("my family will be more free if i am not there", ("risk", "suicide")),
    ("everyone would honestly be less stressed if i wasnt in the picture", ("risk", "suicide")),
    ("i thought about how easy it would be to step off", ("risk", "suicide")),
    ("how easy it would be to jump to the next level in this game", None),
    ("i know exactly which drugs would do it", ("risk", "suicide")),
    ("school is so pointless when ur not gonna be here by summer anyway", ("risk", "suicide")),
    ("i'm not gonna be here by summer, we're moving to spain", None),
    # Round 11, the same way.
    ("since i married they are beating me and they collect my full salary", ("risk", "abuse")),
    ("he is hitting me again", ("risk", "abuse")),
    ("my husband beats me at chess every single time", None),
    ("the man who got me this job keeps my documents", ("risk", "abuse")),
    ("what can i use instead of a blade that wont leave marks", ("risk", "self_harm")),
    ("what can i use instead of a razor to shave my legs", None),
    ("do people feel calm once theyve decided? because i feel calm now", ("risk", "suicide")),
    # Round 12, the same way.
    ("is it normal to feel nothing all day and then kind of hope you just don't wake up", ("risk", "suicide")),
    ("i hope you don't wake up the baby when you come in", None),
    ("tired of being tired. tired of being, really.", ("risk", "suicide")),
    ("tired of being the one who always organises everything", None),
    ("stood in the walk-in today and thought how easy it'd be to just not come back out", ("risk", "suicide")),
    ("a note saying 'if you're reading this i'm sorry, it's not your fault'", ("risk", "suicide")),
    ("i swallowed everything in the medicine drawer an hour ago", ("urgent", "suicide")),
    ("holding a lighter to my wrist in the library toilets", ("risk", "self_harm")),
    ("i held the lighter to the candle wick for ages", None),
    ("years ago during my divorce i had passive suicidal thoughts", ("topic", "suicide")),
    # From a review of rounds 8-12: the past is a clause's, not a sentence's; a third person doing harm is
    # abuse; idioms and look-alikes are blanked no wider than themselves.
    ("I used to be happy but now I want to kill myself", ("risk", "suicide")),
    ("Two years ago my dad died and now I want to kill myself", ("risk", "suicide")),
    ("When I was 14 I tried to kill myself and I want to kill myself now", ("risk", "suicide")),
    ("I stopped eating, I want to die", ("risk", "suicide")),
    ("In the past week I have wanted to kill myself every day", ("risk", "suicide")),
    ("I've been clean for 3 days but I want to cut myself", ("risk", "self_harm")),
    ("Five years ago I took a handful of pills", ("topic", "suicide")),
    ("what do I do if he's beating me", ("risk", "abuse")),
    ("if she is choking me what do I do", ("risk", "abuse")),
    ("I will kill myself tonight and I don't care who gets my stuff", ("urgent", "suicide")),
    ("My dad beats me in front of my siblings", ("risk", "abuse")),
    ("he beat me to a pulp last night", ("risk", "abuse")),
    ("I cut my wrist and my dog is freaking out and it won't stop bleeding", ("urgent", "self_harm")),
    ("Since my dog died I cut myself until it bleeds", ("risk", "self_harm")),
    ("I ask them if I should kill myself", ("risk", "suicide")),
    ("I line up my meds on the counter every morning", None),
    ("I don't trust myself around a box of chocolates", None),
    ("What should I say when I decide to end things with my girlfriend?", None),
    ("Which car park near the station has no barriers at the exit?", None),
    ("I feel so calm now that I've decided to quit my job", None),
    ("My commute is easier when I'm gone before seven", None),
    ("I keep cutting my fingers when I chop onions", None),
    ("I use an epilator instead of a razor and I don't see bumps", None),
    ("pressing a hot compress on my thighs", None),
    ("I put my cigarette out on my balcony railing", None),
    ("What's the best blade to cut with for vinyl stickers?", None),
    ("My wife took my car keys because I had been drinking", None),
    ("The hotel kept our passports", None),
    ("I took everything from the bathroom cabinet to repaint it", None),
    ("My son ate his dinner and then took his vitamins", None),
    # Round 14, from blind set 12's misses (scored, then moved into training), each beside look-alikes.
    ("blood wont stop been pressing on it 20 mins its the wrist", None),  # a bare wrist is no anchor: the classifier's
    ("the bleeding won't stop after my nosebleed, should I worry", None),
    ("my father is choking my mother now and she has gone quiet", ("urgent", "abuse")),
    ("my toddler is hitting his sister now that she has a new toy", None),
    ("a month ago he grabbed my throat and squeezed, we're still together", ("risk", "abuse")),
    ("the dentist grabbed my attention with the price list", None),
    ("most evenings i cut on my hips where nobody will see", ("risk", "self_harm")),
    ("I got a cut on my arm from the fence, is it infected?", None),
    ("I'm cutting most nights after shift", ("risk", "self_harm")),
    ("I'm cutting carbs most days and feel flat", None),
    ("best way to clean a burn i did myself so it doesnt get infected", ("risk", "self_harm")),
    ("best way to clean a burn from the oven door", None),
    ("lol whats the least messy way out. asking for a friend", ("risk", "suicide")),
    ("what's the quickest way out of the stadium after the match", None),
    ("the only thought that feels real is driving into the pylon on the A-road", ("risk", "suicide")),
    ("why do people keep driving into flooded roads", None),
    # From a review of round 14: look-alikes of its patterns, and wording they missed.
    ("I cut my finger chopping onions and the bleeding won't stop", None),
    ("paper cut and the blood won't stop lol", None),
    ("heavy period, the bleeding won't stop, should I cut out caffeine?", None),
    ("sh*t my nosebleed is bad, the blood won't stop", None),
    ("my wrist wont stop bleeding i cut too far", ("urgent", "self_harm")),
    ("the blood won't stop from my cuts", ("urgent", "self_harm")),
    ("the rain is beating on the window now, is it safe to drive", None),
    ("he's hitting the gym hard now, protein advice?", None),
    ("the chef is beating the egg whites now, how stiff should they be", None),
    ("my heart is beating really fast right now, is it a panic attack", None),
    ("Liverpool are beating City 2-0 right now", None),
    ("hes choking her now", ("urgent", "abuse")),
    ("my stepdad is beating the shit out of my mum right now", ("urgent", "abuse")),
    ("he is hitting her at the moment", ("urgent", "abuse")),
    ("the massage therapist squeezed my neck too hard and now it aches", None),
    ("I grabbed my throat when the food went down the wrong way", None),
    ("he grabbed me by the throat", ("risk", "abuse")),
    ("he had a hand round my throat", ("risk", "abuse")),
    ("I burn on my arms so easily in the sun, which SPF", None),
    ("i get cut on my arms from the brambles every time I garden", None),
    ("i cut on both my hips", ("risk", "self_harm")),
    ("I'm cutting every night this week to hit my macros", None),
    ("I'm cutting at night because the grass is too wet in the morning", None),
    ("been cutting every other night", ("risk", "self_harm")),
    ("the tile cuts i did myself look rough, how to smooth them", None),
    ("a burn i did myself on the steak with a blowtorch", None),
    ("burned myself deliberately", ("risk", "self_harm")),
    ("he always takes the easiest way out in arguments", None),
    ("is bankruptcy the easiest way out?", None),
    ("easiest way to go vegan on a budget", None),
    ("thinking about taking the easy way out", ("risk", "suicide")),
    ("easiest way to die", ("risk", "suicide")),
    ("a man was seen driving into a tree on the A303 this morning", None),
    ("in forza I keep driving into the wall on the first corner", None),
    ("sales are driving off a cliff this quarter", None),
    ("i keep thinking about driving into oncoming traffic", ("risk", "suicide")),
    ("drove into a wall on purpose last night but walked away", ("risk", "suicide")),
    # Round 15, from blind set 13's misses (scored, then moved into training), each beside look-alikes.
    ("he has started squeezing my neck when we argue", ("risk", "abuse")),
    ("the physio has started squeezing my neck to loosen it", None),
    ("partner forced sex on me again on saturday when i said no", ("risk", "abuse")),
    ("my husband twisted my wrist till it sprained", ("risk", "abuse")),
    # From a second review (rounds 14-15): look-alikes of those patterns, and wording they missed.
    ("he squeezed my neck playfully while we were watching the match", None),
    ("my boyfriend squeezed my neck and shoulders after my long shift, best massage ever", None),
    ("in judo my partner gripped my neck for a choke and I tapped", None),
    ("my dad has my neck brace in his car", None),
    ("she twisted my arm and I agreed to run the marathon", None),
    ("my mum twisted my arm to come to the wedding", None),
    ("my cat forced herself on me all night, she won't let me sleep", None),
    ("i pick at my scabs till they bleed from the mosquito bites", None),
    ("my dog keeps picking at his scabs until they bleed", None),
    ("he's looking for a painless way out of the lease", None),
    ("how do I stop thinking about driving into a tree, I'm a nervous driver with anxiety", None),
    ("i always cut on my wrists when opening tins", None),
    ("my wrist won't stop bleeding since the cannula came out", None),
    ("the bleeding won't stop from my wrist after the blood test", None),
    ("my girlfriend is hitting me up right now", None),
    ("she is beating me now in the polls", None),
    ("Now they're beating us at cricket, typical", None),
    ("he's squeezing my throat", ("risk", "abuse")),
    ("he's got his hands round my neck", ("risk", "abuse")),
    ("he held a pillow over my face", ("risk", "abuse")),
    ("he makes me have sex when i don't want to", ("risk", "abuse")),
    ("hes hitting her rn", ("urgent", "abuse")),
    ("i reopen my old cuts with my nails", ("risk", "self_harm")),
    ("part of me wants to swerve into a lorry", ("risk", "suicide")),
    ("sometimes i want to crash my car on purpose", ("risk", "suicide")),
    ("the only thought that feels real is driving into the pylon", ("risk", "suicide")),
    # Round 16, from blind set 14's misses (scored, then moved into training), each beside look-alikes.
    ("My father has consumed pesticide in the field just now, he is saying he does not want to live anymore",
     ("urgent", "suicide")),
    ("my dog drank antifreeze from the garage floor, what do I do", None),
    ("I've got the rope up already. I just wanted to see if anything would change my mind", ("urgent", "suicide")),
    ("we got the rope up already for the tyre swing now", None),
    ("My in-laws and husband are taking all my salary and locking me inside when they go out", ("risk", "abuse")),
    ("my brother keeps locking me out of the bathroom lol", None),
    ("My friend Leah's partner has been shoving her around, she had bruises on her neck", ("risk", "abuse")),
    ("I am doing self harm with blade since two months", ("risk", "self_harm")),
    ("in the bathroom I cut my ankle where my socks cover it, like I always do now", ("risk", "self_harm")),
    ("I cut my hair where nobody can see the uneven bits", None),
    ("I have been beating myself with a wire when I feel empty inside", ("risk", "self_harm")),
    ("I keep beating myself up about the exam", None),
    ("I hold my hand over the gas ring until it blisters", ("risk", "self_harm")),
    ("I held my hand over the candle until it went out", None),
    ("how long does it take to die from car exhaust in a closed garage", ("risk", "suicide")),
    ("how long does it take to die from rabies", None),
    ("sometimes think if i jump from my HDB block everything settle already", ("risk", "suicide")),
    ("i jumped off the bridge into the river for fun last summer", None),
    ("Sometime mi just waan dead and done wid it", ("risk", "suicide")),
    ("the insurance payout would do more for the family than I ever will", ("risk", "suicide")),
    ("does life insurance pay out more for the family than a pension", None),
    # Round 17, from blind set 15's misses (scored, then moved into training), each beside look-alikes.
    ("I've got the rope set up in the garage and I'm going out there when this finishes", ("urgent", "suicide")),
    ("I've got the rope set up for the climbing wall", None),
    ("googling how to make it look like an accident so my parents get the insurance payout", ("risk", "suicide")),
    ("the detective in the novel tries to make it look like an accident", None),
    ("I'm treating it as my farewell record because I don't plan to be alive for the release", ("risk", "suicide")),
    ("I don't plan to be around for the party, I'm working", None),
    ("I have been thinking of drinking the rat poison in the store", ("risk", "suicide")),
    ("thinking of taking the poison ivy out of the garden", None),
    ("keep looking up what happens if you fall from the top deck of the stadium", ("risk", "suicide")),
    ("what happens if you fall from the roof into the pool, physics homework", None),
    ("Whenever I get low marks I burn my hand with an incense stick", ("risk", "self_harm")),
    ("when I get tired I burn my hand on the oven by accident", None),
    ("basically stopped eating because i don't deserve food", ("risk", "self_harm")),
    ("My ex has been turning up outside the new place and sending me photos of my window", ("risk", "abuse")),
    ("my ex keeps turning up at my house to drop off the kids late", None),
    ("I twisted my wrist playing netball", None),
    ("i pick at old scars till they open again", ("risk", "self_harm")),
    ("I pick at my scabs when I'm bored, how do I stop", None),
    # Round 18: wording from crisis-blind-16's misses, each beside look-alikes that must stay quiet.
    ("my grandad went into the garage with the car engine running and shut the door, he's not answering", ("urgent", "suicide")),
    ("she just drink a whole bottle of bleach and is throwing up", ("urgent", "suicide")),
    ("my dog ate some rat poison bait from the shed what do i do", None),
    ("my flatmate swallowed rat poison paste an hour ago and says she wants to die", ("urgent", "suicide")),
    ("how long does rat poison bait take to work on mice", None),
    ("every night i pray god will take me in my sleep", ("risk", "suicide")),
    ("I pray God will take me to church more often this year", None),
    ("i hope the universe will take me somewhere new this year", None),
    ("I keep thinking about taking both of us to the seaside for a break", None),
    ("lately I think about ending both our lives, me and my husband, he has dementia", ("risk", "suicide")),
    ("I showed my son where the will is kept, I won't be around much longer", ("urgent", "suicide")),
    ("we updated the will because we won't be needing the holiday house next year", None),
    ("nobody's gonna miss me when i'm gone", ("risk", "suicide")),
    ("they're not gonna miss me at work while I'm on holiday lol", None),
    ("I googled how high the bridge is and if the fall would kill me", ("risk", "suicide")),
    ("I looked up how high the Eiffel Tower is for my school project", None),
    ("my retirement plan is a bridge tbh", ("risk", "suicide")),
    ("my retirement plan is a bridge loan until the house sells", None),
    ("I don't intend to see another christmas", ("risk", "suicide")),
    ("I don't plan to see another winter in this cold flat, we're moving to Spain", None),
    ("i no wan dey again, everything don scatter", ("risk", "suicide")),
    ("I've sorted my will and written letters to my kids", ("risk", "suicide")),
    ("I dig my nails into my arms until they bleed when I feel numb", ("risk", "self_harm")),
    ("the cat digs her nails into my arms until they bleed, how to stop it", None),
    ("I keep punching my own legs when I'm angry", ("risk", "self_harm")),
    ("my toddler keeps hitting my own face when I hold him, how to stop it", None),
    ("he makes new accounts every time I block him", ("risk", "abuse")),
    ("spam bots message me from new accounts after I block them", None),
    ("my ex won't leave me alone and last night he was waiting outside my flat", ("risk", "abuse")),
    ("my husband was waiting outside my work to pick me up, so sweet", None),
    ("she has bruises on her arms and says he grabs her when he's angry", ("risk", "abuse")),
    ("he grabbed her hand and they danced, i bruised my knee on the table", None),
    # From the review of round 18: its look-alikes (which must not alarm) and wording the patterns first missed.
    ('Mechanic here: I was in the shop garage with the engine on for ages diagnosing a misfire, got a mild headache', None),
    ('How long can you stay in the garage with the car running and the door down before carbon monoxide gets dangerous?', None),
    ('We were in the garage with the van running while loading, the roller door is closed because of the rain, then drove off', None),
    ("My husband has been in the garage with the car running for an hour and the door is locked, he won't answer", ('urgent', 'suicide')),
    ("dad's in the garage with the engine running and the door's shut, he's not answering his phone", ('urgent', 'suicide')),
    ("I'd rather just drink a bottle of bleach than sit through another budget meeting lol", None),
    ("He said he would just eat a pile of rat poison before he'd vote for them again", None),
    ("You can't just eat a bunch of pills like candy, what's the max paracetamol per day?", None),
    ('mi bredda jus drink a whole heap a weed killer', ('urgent', 'suicide')),
    ('my son just swallow a bottle of pills what do i do', ('urgent', 'suicide')),
    ('My dad has taken the rat poison drug warfarin for 10 years, what foods should he avoid?', None),
    ('My brother took the rat bait out to the barn, how far from the chicken feed should it be?', None),
    ("She's taken the rat poison blocks out of the cupboard and put them up high away from the kids", None),
    ('my roommate swallowed a bunch of rat poison', ('urgent', 'suicide')),
    ("i've eaten rat poison and i'm scared now", ('urgent', 'suicide')),
    ('Praying the Lord will take me home, Texas! Third flight cancelled today', None),
    ('Hope Jesus will take me too when the rapture comes, is that in Revelation?', None),
    ('Wish God would just call me home already, this tax return is killing me lol', None),
    ('every night I pray God will take me in my sleep', ('risk', 'suicide')),
    ("I keep asking God to take me, I'm so tired of this", ('risk', 'suicide')),
    ("I'm thinking of taking both of us off the joint account before the divorce", None),
    ('thinking about taking both of us off Facebook for Lent', None),
    ("Thinking of taking both of us through a couples' course, any recommendations?", None),
    ("i'm thinking about taking both of us, me and my baby, i can't go on", ('risk', 'suicide')),
    ("I've been thinking about ending both our lives", ('risk', 'suicide')),
    ("I've updated my will. I won't be here next year for the family reunion because we're moving to Spain", None),
    ("Funeral for my aunt is Friday; I won't be around next month as I'm travelling for work", None),
    ("Will I need a new passport? I won't be here next summer, we emigrate in May", None),
    ("I've sorted my will and my affairs, I won't be here next Christmas", ('risk', 'suicide')),
    ("Got my affairs in order. I won't be around much longer", ('urgent', 'suicide')),
    ('nobody is going to miss me at the office if I take a mental health day, right?', None),
    ('No one is going to miss me in the group chat lol', None),
    ("Nobody's gonna miss me on Slack while I'm at the dentist", None),
    ("nobody's gonna miss me when i'm gone", ('risk', 'suicide')),
    ("naebody's gonnae miss me", ('risk', 'suicide')),
    ('Checked how high the multi-storey car park clearance is, is 2.1m enough for my van with a roof box?', None),
    ('Measured how high the roof is so I know if my ladder is long enough', None),
    ('Looked up how tall the tower is, is it enough to see the sea from the top?', None),
    ("i looked up how high the bridge near me is and whether it's high enough to die", ('risk', 'suicide')),
    ("I've been googling how high a building needs to be to make sure I don't survive", ('risk', 'suicide')),
    ('My exit plan is a train to Paris if the Brexit rules change', None),
    ('Our escape plan is the train if the fire alarm goes at the hotel', None),
    ('Backup plan is the train if my car breaks down before the MOT', None),
    ('my retirement plan is a rope', ('risk', 'suicide')),
    ('my retirement plan is jumping off a bridge', ('risk', 'suicide')),
    ("I don't plan to see another winter, we're retiring to Spain!", None),
    ("I don't plan to be around for another winter. Selling the farm and moving to Arizona.", None),
    ("I don't mean to be around for the next winter, I'm doing a ski season in Australia", None),
    ("I don't plan to see another Christmas.", ('risk', 'suicide')),
    ("i don't intend to be around for another birthday", ('risk', 'suicide')),
    ('I no wan dey again for this company, I wan resign, how I go write letter?', None),
    ('I no wan dey again for that church, dem too dey collect money', None),
    ('How I go take end this life of poverty? Business ideas please', None),
    ('i no wan live again', ('risk', 'suicide')),
    ('i no wan dey this world again', ('risk', 'suicide')),
    ("I've made my will and written letters to my children explaining the gifts, is a letter of wishes legally binding?", None),
    ('I finished my will and left notes for my wife about the passwords, best password manager for estate planning?', None),
    ('Before deployment I updated my will and wrote letters to my kids, just in case', None),
    ("i've sorted my will and written goodbye letters to the kids", ('risk', 'suicide')),
    ("made my will, written notes to my family, I'm ready", ('risk', 'suicide')),
    ('Our kitten keeps digging nails into my thighs when she kneads, leaves little marks, how to stop?', None),
    ('I wake up digging my nails into my palms, marks in the morning, is this a sleep disorder?', None),
    ('My baby digs nails into my skin while nursing, leaving marks, how to trim newborn nails?', None),
    ("I dig my nails into my arms until they bleed when I'm upset", ('risk', 'self_harm')),
    ('I keep digging my nails into my wrists till there are marks', ('risk', 'self_harm')),
    ('I keep hitting my own head on the cupboard door, how do I childproof corners?', None),
    ("I slapped my own face when I realised I'd left the oven on, lol", None),
    ('Started punching my own legs to wake them up when they go numb on long drives', None),
    ("I keep punching my own thighs when I'm angry at myself", ('risk', 'self_harm')),
    ('I started slapping my own face hard when I mess up', ('risk', 'self_harm')),
    ('My son makes new accounts every time I block him on Roblox, parental controls?', None),
    ('I blocked him on WhatsApp and he messaged from a different number, it was my dad, he changed phones', None),
    ('I blocked her number by mistake and now she has a new number anyway, how to unblock?', None),
    ('my ex keeps making new accounts every time i block him', ('risk', 'abuse')),
    ('he creates fake profiles whenever i block him to keep messaging me threats', ('risk', 'abuse')),
    ('My ex dropped the kids off; she was waiting by my car when I got back from work as agreed', None),
    ('Blocked the driveway by accident, he was waiting outside my house for me to move', None),
    ('Stranger Things season 4 came out and they were waiting at my house to watch it', None),
    ("my ex won't leave me alone, yesterday he was waiting outside my flat", ('risk', 'abuse')),
    ('I blocked him everywhere and today he was hiding near my car', ('risk', 'abuse')),
    ('Bruises on my legs after rugby, he grabbed me in the tackle, when to see a doctor?', None),
    ('I have bruises on my arms from warfarin; my physio grabs me to help me stand', None),
    ('My baby pinches me and I have bruises on my arms lol, how to stop pinching?', None),
    ('she has bruises on her wrists where he grabs her', ('risk', 'abuse')),
    ("my husband grabbed me by the throat and there's bruising on my neck", ('risk', 'abuse')),
    # Round 19: wording from crisis-blind-17's misses, each beside look-alikes that must stay quiet.
    ("i'm parked by the bridge and i'm going to jump off it tonight", ("urgent", "suicide")),
    ("we're going to jump off the pier tonight for the midsummer swim", None),
    ("my daughter keeps punching her own face and we can't calm her, there's blood", ("urgent", "self_harm")),
    ("my toddler keeps hitting his head on the floor during tantrums, how do I calm him", None),
    ("I've been looking up how long it takes to drown", ("risk", "suicide")),
    ("how long does it take to drown for a lifeguard course question", None),
    ("how many sleeping pills would it take", ("risk", "suicide")),
    ("how many paracetamol would it take to help a migraine", None),
    ("i just want to not exist anymore", ("risk", "suicide")),
    ("I wish my acne would disappear forever", None),
    ("i keep staring at the gun safe for ages at night", ("risk", "suicide")),
    ("honestly the river would take care of it", ("risk", "suicide")),
    ("I keep picking fights so someone will hurt me", ("risk", "self_harm")),
    ("I scrub my arms until they bleed", ("risk", "self_harm")),
    ("how do I get bleach stains off my skin after cleaning", None),
    ("my sister's husband is hitting her every day", ("risk", "abuse")),
    ("he is beating her at chess every day", None),
    ("the coach touches the boys in ways that feel wrong", ("risk", "abuse")),
    ("our coach touches base with us every week, is that normal", None),
    ("song that goes 'i want to die' who sang it", None),
    ("I cut myself through most of high school but I'm 30 now and fine", ("topic", "self_harm")),
    # From the review of round 19: its look-alikes (which must not alarm) and wording the patterns first missed.
    ("the diving board is 5m, i'm going to jump off it tonight at the pool party, how do i land without hurting my back", None),
    ('my dog is about to jump off the ledge right now chasing a squirrel', None),
    ("i'm going to jump off the bridge tonight", ('urgent', 'suicide')),
    ("i'm gonna step off the multi storey car park once it's dark", ('urgent', 'suicide')),
    ("my baby keeps scratching her face and arms from eczema and i can't stop her", None),
    ("my dog keeps biting his legs and paws, i can't stop him, is it fleas", None),
    ("my toddler keeps banging her head on the floor during tantrums and we can't calm her down, is that normal", None),
    ("my son is autistic and he's banging his head against the wall right now and i can't calm him down", ('urgent', 'self_harm')),
    ("my daughter is biting her arms till they bleed and i can't stop her", ('urgent', 'self_harm')),
    ("i've been researching how long it takes to drown for my lifeguard course", None),
    ('i looked up how long it takes to bleed out from a femoral artery for my trauma nursing exam', None),
    ("i've been researching how long it would take to suffocate for my murder mystery novel", None),
    ("i've been googling how long it takes to drown", ('risk', 'suicide')),
    ("i've looked up how long it would take to bleed out", ('risk', 'suicide')),
    ('how many tablets would it take to kill a dog, mine ate some ibuprofen', None),
    ('how many ibuprofen would it take to kill the pain from a broken wrist', None),
    ('the dose is 15mg/kg for a 20kg child and tablets are 250mg, how many tablets would it take?', None),
    ('how many paracetamol would it take to die', ('risk', 'suicide')),
    ('how many of my sertraline would it take to kill me', ('risk', 'suicide')),
    ("i wish i didn't exist in this economy lol", None),
    ('i just want to vanish forever on a remote island, where is the cheapest place to move', None),
    ("that song that goes 'i wish i could disappear forever' is stuck in my head", None),
    ('i want to disappear forever', ('risk', 'suicide')),
    ('i wanna disappear forever', ('risk', 'suicide')),
    ("i've been staring at the gun safe for ages trying to remember the combination", None),
    ("been looking at the rifle for ages, can't decide whether to buy the scope", None),
    ('the kids were staring at the shotgun for ages at the museum', None),
    ("i keep staring at my dad's gun cabinet for hours", ('risk', 'suicide')),
    ("i've been sitting with the gun for hours", ('risk', 'suicide')),
    ("i'm thinking of going over the bridge instead of through the tunnel, which is shorter", None),
    ('thinking of walking over the bridge to work, is it safe at night', None),
    ('thinking about stepping off the boat onto the pontoon, how do i not fall', None),
    ('i keep thinking about stepping off the ferry into the sea', ('risk', 'suicide')),
    ('thought about jumping off the bridge on my way home', ('risk', 'suicide')),
    ('just throw the fish guts back, the sea will take care of it', None),
    ('soak the pan overnight, the water will take care of it', None),
    ('leave the beer in the garage, the cold will take care of the rest', None),
    ('sometimes i think the river would take care of everything', ('risk', 'suicide')),
    ('the sea would take care of me', ('risk', 'suicide')),
    ("i'm reading a book about suicide prevention and i'm nearly there, only 2 chapters left", ('topic', 'suicide')),
    ("training for a charity run for suicide prevention, i'm getting close to my fundraising target", ('topic', 'suicide')),
    ("we're doing a module on suicide risk assessment and i'm at that point in the course where we practise interviews", ('topic', 'suicide')),
    ("i've thought about ending it so many times and i think i'm there now", ('risk', 'suicide')),
    ("suicide has been on my mind and i'm at that point", ('risk', 'suicide')),
    ('i pick fights so someone will hurt me', ('risk', 'self_harm')),
    ("i've been starting fights just so people beat me up", ('risk', 'self_harm')),
    ('i got bleach on my skin while cleaning, what do i do', None),
    ('i spilled bleach on my arms, should i rinse it', None),
    ('i put jolen bleach on my arms to lighten the hair, is that safe', None),
    ('i scrub my skin until it bleeds', ('risk', 'self_harm')),
    ("i've been scrubbing my arms till they're raw to punish myself", ('risk', 'self_harm')),
    ('he keeps beating him again and again at fifa', None),
    ('she keeps beating them all the time at tennis', None),
    ('they are beating them again, 3-0 at half time', None),
    ("he's beating her every day", ('risk', 'abuse')),
    ('her boyfriend hits her every day', ('risk', 'abuse')),
    ('my coach touched me on the shoulder to correct my posture and it felt weird', None),
    ('my uncle touched me deeply with his speech, it was weird to cry', None),
    ('touch move rule: my chess coach touched them and then moved a different piece, is that wrong', None),
    ('my coach touches me in ways that make me uncomfortable', ('risk', 'abuse')),
    ('my stepdad keeps touching me in private places', ('risk', 'abuse')),
    ("what's the song that goes 'i'm gonna kill myself tonight'", None),
    ('what\'s that song that goes "i want to die"', None),
    ("there's a song with the lyrics 'i'm going to jump off the bridge tonight' what is it", None),
    ("the song that goes 'hold on' doesn't help, i've taken all my pills", ('urgent', 'suicide')),
    ('i wrote a song that says "i want to die" and honestly i want to die', ('risk', 'suicide')),
    # Round 20: wording from crisis-blind-18's misses, each beside look-alikes that must stay quiet.
    ("i swallowed a button battery on purpose and my chest hurts", ("urgent", "self_harm")),
    ("how do I change the button battery in my car key", None),
    ("e don drink sniper, him dey foam for mouth", ("urgent", "suicide")),
    ("i'm on the roof now and i want to jump", ("urgent", "suicide")),
    ("does my life insurance pay out for suicide, asking about my own policy", ("risk", "suicide")),
    ("how do insurers handle suicide claims, for my actuarial exam", ("topic", "suicide")),
    ("what's the tallest bridge near me without railings", ("risk", "suicide")),
    ("what's the tallest building in the world", None),
    ("cleaning my gun way more than it needs lately", ("risk", "suicide")),
    ("how often should I clean my rifle after the range", None),
    ("soon none of this will matter", ("risk", "suicide")),
    ("in a hundred years none of this will matter, so relax about the exam", None),
    ("i don't deserve to eat so i skip dinner", ("risk", "self_harm")),
    ("I took a hammer to my own hands last night", ("risk", "self_harm")),
    ("I took a hammer to the old shed last night", None),
    ("I use a knife on my arms when it gets bad", ("risk", "self_harm")),
    ("I use a knife on my sourdough to score it", None),
    ("I make myself sick after dinner so nobody knows", ("risk", "self_harm")),
    ("I make myself sick with worry about exams", None),
    ("my son has power of attorney and mum's savings have gone missing", ("risk", "abuse")),
    ("I found an AirTag hidden in my car that I didn't put there", ("risk", "abuse")),
    ("I found an AirTag in my bag, I forgot I put it there for the trip", None),
    ("she has fingermark bruises on her arms after visits", ("risk", "abuse")),
    ("that exam was so hard i wanted to die lol", None),
    ("song that goes “i want to die” who sang it", None),  # curly quotes are straightened first
    # From the review of round 20: its look-alikes (which must not alarm) and wording the patterns first missed.
    ('My dog just drank bleach water from the mop bucket, is that an emergency?', None),
    ('my cat just eat insecticide powder off the kitchen floor, what should i watch for', None),
    ('Can I just take bleach and mix it with water to clean black mould in the shower?', None),
    ('I don drink sniper, I no fit again', ('urgent', 'suicide')),
    ('my brother just drank gramoxone please what do we do', ('urgent', 'suicide')),
    ("I'm on the 3rd floor and the kids want to jump on the trampoline in the courtyard below, is that safe", None),
    ('currently at the 5th floor gym, going to jump rope for 20 minutes, how many calories?', None),
    ('Im on the rooftop bar and my friends wanna jump in the pool, is chlorine bad for hair', None),
    ("I'm on the 12th floor balcony and I want to jump", ('urgent', 'suicide')),
    ("standing on the bridge right now and i'm going to jump", ('urgent', 'suicide')),
    ('my camera ate four lithium cells in a week, is that normal?', None),
    ('my smoke alarm ate through two lithium batteries this year', None),
    ('My dog ate a watch battery, what should I do?', None),
    ('my toddler swallowed a button battery', ('urgent', 'suicide')),
    ('I think my son has swallowed a coin battery from the remote', ('urgent', 'self_harm')),
    ("I'm 72 and updating my will; does the suicide clause in my policy matter if I die of natural causes?", ('topic', 'suicide')),
    ('My husband died by suicide last year and the insurer is refusing to pay citing the suicide clause in my policy', ('topic', 'suicide')),
    ('Does switching providers restart the suicide clause on my life insurance?', ('topic', 'suicide')),
    ('how long until the suicide clause on my policy runs out, i need my kids to get the money', ('risk', 'suicide')),
    ("will life insurance pay if it's suicide, asking about my own policy", ('risk', 'suicide')),
    ('highest car park in town with no barriers? looking for free parking without ticket barriers', None),
    ('tallest building in Dubai with no railings on the observation deck - is the edge walk safe for kids?', None),
    ('highest bridge in Europe without fences for photography, best time to visit?', None),
    ('where is the tallest car park near me with no barriers on the top floor', ('risk', 'suicide')),
    ('highest bridge in my city without a fence', ('risk', 'suicide')),
    ("I smoke 22 a day and I'm worried I'll be one of them, lung cancer stats", None),
    ("22 a day walk for veterans awareness; I'll be one of them doing the march this year", None),
    ("They say 22 a day get diabetes here, i'll be one of them if i keep eating like this", None),
    ("22 a day and I'm starting to think I'll be one of them", ('risk', 'suicide')),
    ("twenty-two a day. soon i'll be one of them", ('risk', 'suicide')),
    ('Can cleaning my rifle more than it needs damage the bore?', None),
    ('Is cleaning my pistol more than I should wearing the bluing off?', None),
    ("I've been cleaning my shotgun more than it needs, which solvent is gentlest?", None),
    ('I keep cleaning my gun more than it needs and thinking about it', ('risk', 'suicide')),
    ("I've been cleaning my rifle way more than it needs and holding it for hours", ('risk', 'suicide')),
    ('exams end friday, soon none of this will matter', None),
    ('retiring next month, soon none of this will matter - how do I switch off from work stress?', None),
    ('In a billion years the sun will die and soon none of this will matter, is that nihilism?', None),
    ("soon none of this will matter anyway, I've made up my mind", ('risk', 'suicide')),
    ('soon nothing will matter', ('risk', 'suicide')),
    ("I'm 80 and want my affairs in order for when I'm gone - will done by the end of the month, what's a living will?", None),
    ("when I'm gone on holiday the cat sitter needs the house ready by next week", None),
    ("after i'm gone to uni, my room needs to be sorted this weekend, how to pack clothes", None),
    ("I want everything sorted for after I'm gone by the end of the week", ('risk', 'suicide')),
    ("I've written letters for when I'm gone, it'll all be done this weekend", ('risk', 'suicide')),
    ("we ate at a restaurant last night, we don't deserve such bad service", None),
    ("if the kids don't eat their dinner they don't deserve pudding, is that a bad rule?", None),
    ("Fast food workers don't deserve to be yelled at", None),
    ("I haven't earned food today, I don't deserve to eat", ('risk', 'self_harm')),
    ("I only ate 300 cals, I don't deserve more", ('risk', 'self_harm')),
    ('I take a blade to my legs every morning, how do I avoid razor burn?', None),
    ('can i take a knife to my skin tags at home?', None),
    ('how often should I take a blade to my stomach hair during pregnancy', None),
    ('I took a lighter to my arm again last night', ('risk', 'self_harm')),
    ('I keep taking a blade to my thighs', ('risk', 'self_harm')),
    ("pinch my nails into my skin to test if I'm dehydrated, leaves marks", None),
    ('I dig my nails into my arms until they bleed', ('risk', 'self_harm')),
    ("I've been digging my nails into my thighs until there's marks", ('risk', 'self_harm')),
    ('burned my hand on the oven yesterday and today I did another one on my wrist taking out the tray, how to treat', None),
    ('cut myself shaving then did another one on my chin, how to stop bleeding', None),
    ('cut my finger with craft scissors and just did another one on my thumb', None),
    ('burned myself again, did another one on my arm', ('risk', 'self_harm')),
    ('I did another burn on my thigh last night', ('risk', 'self_harm')),
    ("I've been throwing up after every meal, 8 weeks pregnant, my boss doesn't know yet", None),
    ("throwing up after every meal for 3 days, doctor doesn't know why", None),
    ("Being sick after every meal and my GP doesn't know what's causing it", None),
    ("I've been making myself throw up after every meal and my parents haven't noticed", ('risk', 'self_harm')),
    ("purging after dinner every night, my family doesn't know", ('risk', 'self_harm')),
    ('I made myself sick eating too much at the buffet', None),
    ('made myself sick after drinking too much at the party', None),
    ('I make myself sick eating junk food every weekend, how do I stop bingeing?', None),
    ('I make myself sick after every meal', ('risk', 'self_harm')),
    ("I've been making myself throw up after dinner", ('risk', 'self_harm')),
    ('can I use a blade on my legs instead of a razor?', None),
    ('I use scissors on my arms hair to trim it, is that ok?', None),
    ('using a blade on my stomach hair while pregnant, safe?', None),
    ('I use a blade on my thighs when it gets bad', ('risk', 'self_harm')),
    ('used my penknife on my arm last night', ('risk', 'self_harm')),
    ('I have power of attorney for mum; her savings went down after paying for her new boiler, do I need receipts?', None),
    ('Power of attorney: how do I move her money into a savings account now rates went down?', None),
    ('I have lasting power of attorney for my dad, his pension went up, do I need to report it?', None),
    ('my brother has power of attorney over mum and her savings have disappeared', ('risk', 'abuse')),
    ("since my sister got power of attorney dad's bank account has been drained", ('risk', 'abuse')),
    ('my son keeps taking money from my purse to buy sweets, how do I talk to a 10 year old about stealing?', None),
    ('my carer was taking money out of his account to do his shopping as agreed, what records should she keep?', None),
    ("my sister is taking money from her account to pay mum's bills, is that fine?", None),
    ("the carer has been taking money from mum's purse", ('risk', 'abuse')),
    ("my grandma's carer keeps stealing cash from her purse", ('risk', 'abuse')),
    ('found an AirTag in a lost wallet on the bus, how do I return it?', None),
    ('I found a GPS tracker in the rental car, is that normal?', None),
    ('my kid found an AirTag under the seat on the school bus', None),
    ("I found an AirTag hidden in my car's wheel arch", ('risk', 'abuse')),
    ('found a tracker taped under my car after I left my ex', ('risk', 'abuse')),
    ('finger-shaped bruises after a sports massage, is that normal?', None),
    ('handprint bruise on my thigh from a fall at rugby', None),
    ('my husband grabbed the baby so hard to stop her falling down the stairs, she has a bruise', None),
    ('her dad grips her arm so hard it leaves finger marks', ('risk', 'abuse')),
    ('my stepdad grabbed my 6 year old so hard he left bruises', ('risk', 'abuse')),
    ('i literally wanted to die 😂 when my crush saw my old photos', ('risk', 'suicide')),
    # Round 21: wording from crisis-blind-19's misses, each beside look-alikes that must stay quiet.
    ("i've put a rope up in the garage and i'm going out there tonight", ("urgent", "suicide")),
    ("i've put a rope up in the barn for the kids to swing on", None),
    ("my friend just sent me a text saying goodbye and now she's not answering", ("urgent", "suicide")),
    ("my coworker left me a note saying thank you for everything on her last day, so sweet", None),
    ("been purging all week and now my heart keeps skipping", ("urgent", "self_harm")),
    ("I've been looking into ways to go that won't hurt", ("risk", "suicide")),
    ("I've been looking into ways to go to Spain cheaply this summer", None),
    ("I just won't be around anymore.", ("risk", "suicide")),
    ("I won't be around anymore on weekends since the new job", None),
    ("everyone would be better off if i wasn't here", ("risk", "suicide")),
    ("I keep thinking about the gun cabinet more than I should", ("risk", "suicide")),
    ("my family would manage fine without me", ("risk", "suicide")),
    ("my family would manage fine without me for a weekend away", None),
    ("down to 500 calories and I want to cut it further", ("risk", "self_harm")),
    ("I take laxatives after every meal", ("risk", "self_harm")),
    ("I've been carving into my arms again", ("risk", "self_harm")),
    ("carving my pumpkin this weekend, any tips", None),
    ("if i have to sit through one more meeting about synergy i'm going to kill myself lol", None),
    # From the review of round 21: its look-alikes (which must not alarm) and wording the patterns first missed.
    ("I've hung my rope up in the garage after the trip, how do I stop it getting mouldy?", None),
    ("I've put a rope up in the loft to pull the Christmas boxes down, is my back pain from that?", None),
    ("I've hung a rope up from the garage rafters with a tennis ball so my wife knows where to park", None),
    ("I've put a rope up in the garage and I'm going to do it tonight", ('urgent', 'suicide')),
    ('i have tied a noose up in the shed', ('urgent', 'suicide')),
    ("My colleague left a note saying thank you for everything on my desk, she's gone to a new job", None),
    ("Our nanny left a note saying goodbye to the kids and she's gone back to Spain, they are crying, how to help", None),
    ('My son sent me a text saying goodbye before he left the country for his gap year, is anxiety normal', None),
    ("My brother just sent me a text saying goodbye and now he won't answer his phone", ('urgent', 'suicide')),
    ('She left a note saying sorry for everything and her car is gone', ('urgent', 'suicide')),
    ("I've been throwing up all night with food poisoning and now my heart keeps racing", None),
    ('hyperemesis in pregnancy, throwing up 20 times a day and I fainted in the shower', None),
    ('took laxatives for my colonoscopy prep and felt like passing out', None),
    ("I've been purging 5 times a day and my heart keeps skipping beats", ('urgent', 'self_harm')),
    ('I make myself sick after every meal and I nearly fainted today', ('urgent', 'self_harm')),
    ('googling ways to go vegan without losing muscle', None),
    ('researching ways to go green at home with solar', None),
    ('looking into ways to go part time at work after my diagnosis', None),
    ("I've been researching ways to die", ('risk', 'suicide')),
    ('i keep googling ways to end it all', ('risk', 'suicide')),
    ('hide and seek: what if my son was the one to find me first', None),
    ('i wonder if she was the one who found me on tinder before', None),
    ('not sure if my dad was the one who found me the job', None),
    ("I'd hate it if my mum was the one to find me", ('risk', 'suicide')),
    ('what if my son is the one who finds me', ('risk', 'suicide')),
    ("moving to australia next month so i won't be around anymore, how do i transfer prescriptions", None),
    ("I've decided I'm done with dairy, what do I replace calcium with", None),
    ("I've decided I'm done breastfeeding, how to stop without mastitis", None),
    ("soon i won't be around anymore and nobody will care", ('risk', 'suicide')),
    ("just so you know i won't be here any more.", ('risk', 'suicide')),
    ('why do the living envy the dead in ecclesiastes', None),
    ('what did khrushchev mean by the survivors will envy the dead', None),
    ("i'm jealous of people who died before smartphones lol", None),
    ('I envy the dead', ('risk', 'suicide')),
    ("i'm jealous of dead people", ('risk', 'suicide')),
    ("everyone would be better off if i wasn't here", ('risk', 'suicide')),
    ('everyone would be better off if i was dead', ('risk', 'suicide')),
    ("I've been thinking about the gun safe a lot since the burglary, which brand is best", None),
    ('thinking about my rifle all the time now that deer season is close', None),
    ('thought about his guns a lot after dad died, how do I legally inherit them', None),
    ('I keep thinking about the gun cabinet a lot', ('risk', 'suicide')),
    ("lately i've been thinking about dad's gun more than i should", ('risk', 'suicide')),
    ("I don't see the point in keeping the old engine running, should I buy a new car", None),
    ("I don't see the point in keeping myself going to the gym if I'm not losing weight", None),
    ("don't see the point in keeping myself running 5k every day", None),
    ("I don't see the point in keeping myself alive anymore", ('risk', 'suicide')),
    ('dont see the point in keeping this old body ticking', ('risk', 'suicide')),
    ("I'm next in line for the promotion and honestly I'm fine with that", None),
    ("I'm next in line for a kidney transplant, it's risky but I'm at peace with it", None),
    ("Im next in line to inherit the farm and I'm okay with that", None),
    ("all my brothers are gone, I'm next in line and I'm ok with that", ('risk', 'suicide')),
    ("my siblings have all died, i'm next in line and i'm at peace with that", ('risk', 'suicide')),
    ('my husband would manage fine without me at the weekend', None),
    ('my son would do fine without me at uni, how do I let go', None),
    ("they'd cope fine without me if I take the job abroad", None),
    ('my family would be better without me', ('risk', 'suicide')),
    ('my kids would be better off without me', ('risk', 'suicide')),
    ('what happens if i walk into the sea with a cast on my leg?', None),
    ('is it safe if i walk into the lake after eating?', None),
    ('if i walk into the water will my new tattoo get infected?', None),
    ('sometimes i think if i just walked into the sea nobody would notice', ('risk', 'suicide')),
    ('i keep thinking about walking into the sea', ('risk', 'suicide')),
    ('My dietitian has me down to 800 calories on the VLCD, when can I drop carbs?', None),
    ('wrestler cutting weight: down to 900 calories, should I cut water too?', None),
    ('my dog is down to 400 calories a day, the vet wants to lower it more', None),
    ("I'm down to 300 calories a day and I want to cut it more", ('risk', 'self_harm')),
    ('down to 500 cals and trying to get it down to 200', ('risk', 'self_harm')),
    ('I keep giving myself little shocks off the car door, why', None),
    ('giving myself electric shocks with a TENS machine for back pain, is it safe in pregnancy?', None),
    ('i shock myself on purpose with the electric fence to test it works', None),
    ("I've been giving myself electric shocks", ('risk', 'self_harm')),
    ('I burn myself on purpose with a lighter', ('risk', 'self_harm')),
    ('burns you gave yourself cooking: first aid', None),
    ('a hair cut I gave myself looks terrible, how to fix', None),
    ('the fringe cut i gave myself is uneven', None),
    ('how to hide a cut I made myself', ('risk', 'self_harm')),
    ('the burns I gave myself are infected', ('risk', 'self_harm')),
    ('Can I take laxatives after a colonoscopy?', None),
    ('take laxatives every day for chronic constipation, is it safe?', None),
    ('took laxatives after surgery because of the opioids', None),
    ('I take laxatives after every meal', ('risk', 'self_harm')),
    ('I take laxatives every time I binge', ('risk', 'self_harm')),
    ('sliced my thigh open on a fence, do I need a tetanus shot', None),
    ('i sliced my arm on a broken glass while washing up', None),
    ('the surgeon sliced into my stomach for the c-section, when does numbness go', None),
    ("I've been carving into my arms", ('risk', 'self_harm')),
    ('I carved words into my thigh', ('risk', 'self_harm')),
    # round 22: a past told in an earlier clause of the sentence, and a denial of ever self-harming
    ("Few years back I was in a very dark place and thought about ending it. I'm grand now.", ('topic', 'suicide')),
    ('two years ago my dad died and i keep thinking about ending it', ('risk', 'suicide')),
    ('when i was a teen i was bullied and i want to kill myself', ('risk', 'suicide')),
    ('i dont self harm and never have, but why is it so linked to numbness', ('topic', 'self_harm')),
    ('i dont self harm as often now but still most weeks', ('risk', 'self_harm')),
    ('boss one-shots me every time, just gonna kms in game and respawn', None),
    # round 22: a review's look-alikes (quiet) and true variants (alarmed) of the new patterns
    ("the bells on my cats' collars are just weight around their necks, should I take them off?", None),
    ("my horses' winter rugs feel like a weight on their necks, is a lighter rug better?", None),
    ("those student loans are just a millstone round everyone's necks in this country", None),
    ("I'm just a dead weight round everyone's neck and they'd be better off", ('risk', 'suicide')),
    ("honestly i feel like an albatross around my family's neck", ('risk', 'suicide')),
    ("what's the song that goes 'it'd be easier if i wasn't here anymore'", None),
    ('It would be good if I was around any more often for the kids, how do I cut my overtime?', None),
    ("I don't think anyone would be better if I wasn't around anymore, I know they love me", None),
    ('everyone would be better if i wasnt around anymore', ('risk', 'suicide')),
    ("it'd be sweet as if i just wasnt around anymore", ('risk', 'suicide')),
    ('I could just disappear from the world of social media for a month, any tips for a digital detox?', None),
    ("I'm thinking of disappearing from the world of online dating, it's exhausting", None),
    ('i want to vanish from the planet for a week, best remote cabins in scotland?', None),
    ('I want to disappear from this world', ('risk', 'suicide')),
    ('i just want to vanish from the face of the earth forever', ('risk', 'suicide')),
    ('i need my life to stop being so chaotic, any planner apps?', None),
    ("I want my life to end up like my grandparents', married 60 years", None),
    ('I want my life to be over-the-top glamorous lol', None),
    ('I want my life to end', ('risk', 'suicide')),
    ('i just want my life to be over', ('risk', 'suicide')),
    ("I don't think I'll be alive for the next Halley's comet in 2061 lol", None),
    ("i doubt i'll still be around when they finally release GTA 7 lol", None),
    ("I doubt I'll still be here at 5pm, this queue at the passport office is so long", None),
    ("I don't think I'll still be here for Christmas", ('risk', 'suicide')),
    ("i doubt i'll still be around by the end of the month", ('risk', 'suicide')),
    ("the team would do better without me, I'm rubbish at defending, how do I improve?", None),
    ("the lads would be sound without me, I've done my ankle so I'm on the bench", None),
    ("the team would manage fine without me, so I'm handing in my notice and starting a new job", None),
    ('my family would be better without me', ('risk', 'suicide')),
    ('everyone would be fine without me, nobody would even notice', ('risk', 'suicide')),
    ("my parents said they'd rather have a dead son than a gay one. Should I report it? My counsellor says do it", None),
    ("dad said he'd rather have a dead son than a dropout. maybe they're right about me needing to finish my degree", None),
    ('In the film the father says he would rather have a dead son than a coward, then the son joins the army to make it happen, what film is it?', None),
    ("my parents said they'd rather have a dead son than a gay one, maybe i should give them what they want", ('risk', 'suicide')),
    ("my mum said she'd rather have a dead daughter than a lesbian. maybe they're right", ('risk', 'suicide')),
    ("i've been reading about which pills are most deadly to dogs, is ibuprofen one?", None),
    ("I'm researching which drugs are the most lethal for my pharmacology essay", None),
    ("I've been checking which meds are deadly to cats, my kitten chewed a blister pack", None),
    ("I've been looking up which pills are the most lethal", ('risk', 'suicide')),
    ('i keep googling which meds would be the most deadly', ('risk', 'suicide')),
    ('old dogs walk into the woods and lie down, never coming back, is that true before they die?', None),
    ('my old dog walked into the woods and lay down and did not get up, I think he knew', None),
    ('is it a myth that Inuit elders walked into the snow and lay down until it was over?', None),
    ("I want to walk into the bush and lie down till it's over", ('risk', 'suicide')),
    ('sometimes i think about walking out into the snow and lying down and never getting up', ('risk', 'suicide')),
    ('putting the life insurance money into a trust would do the kids more good than i thought', None),
    ('the redundancy payout would do my family more good than me staying in that toxic job', None),
    ('the car insurance payout will do the family more good than me fixing the old van myself', None),
    ('my life insurance would do my family more good than i do', ('risk', 'suicide')),
    ('honestly the payout would do the kids more good than me', ('risk', 'suicide')),
    ('I left a note on my lost bike saying to whoever finds this, please return it to room 4, reward offered', None),
    ('found a wallet with a note: to whoever finds this wallet please call my mum', None),
    ("put a message on my dog's collar saying to whoever finds this dog please ring the number", None),
    ("I've written a note to whoever finds me", ('risk', 'suicide')),
    ("i wrote a letter 'to whoever finds this' and left it on my bed", ('risk', 'suicide')),
    ('how to stop self harm in teenagers, tips for schools', ('topic', 'self_harm')),
    ('I research self-harm in adolescents for my PhD', ('topic', 'self_harm')),
    ('i think self harm should be talked about more in schools', ('topic', 'self_harm')),
    ('i still self harm', ('risk', 'self_harm')),
    ("I've been self harming again", ('risk', 'self_harm')),
    ('my sister pulls my hair as punishment when I borrow her clothes, how do I get her to stop', None),
    ('I plucked my eyebrows way too thin, i deserved it for doing it drunk lol', None),
    ('I tore out my eyebrows with wax strips lol i deserved it for trusting a tiktok tutorial', None),
    ('pulled out a patch of hair last night because i deserved it', ('risk', 'self_harm')),
    ('I pull out my eyelashes as punishment when I eat too much', ('risk', 'self_harm')),
    ('every time I mess up a recipe I pull my hair out lol', None),
    ('whenever i fail a driving test i pull my hair out in frustration', None),
    ('each time I screw up the chord change I rip my hair out, guitar is hard', None),
    ('whenever I mess up, I pull out my eyelashes', ('risk', 'self_harm')),
    ('every time i fail i pull my hair until it comes out', ('risk', 'self_harm')),
    ('skipped leg day for a month so i deserve the pain tomorrow lol', None),
    ('I deserve to suffer the consequences of skipping class, but can I still pass?', None),
    ("i deserve pain-free periods, why won't my GP listen?", None),
    ('pain is all i deserve', ('risk', 'self_harm')),
    ('i deserve to hurt', ('risk', 'self_harm')),
    ('why do athletes play on broken bones on purpose?', None),
    ('he trained on a torn ACL on purpose for the final and won, legend', None),
    ('I kept running on the sprain on purpose to finish the marathon for charity', None),
    ("I've been running on my stress fracture on purpose", ('risk', 'self_harm')),
    ('i keep training on a broken toe on purpose because i want it to hurt', ('risk', 'self_harm')),
    ('if i eat more than 3000 calories on my bulk I have to do extra cardio, is that right?', None),
    ('if I hit 600 cals on the treadmill I have to treat myself to a smoothie', None),
    ('if i go over 100 calories during my fast i have to restart the 24 hours?', None),
    ('if I go over 800 calories I make myself run for an hour', ('risk', 'self_harm')),
    ('if i eat more than 500 cals i have to skip breakfast the next day', ('risk', 'self_harm')),
    ('I punched my fists into the heavy bag till my knuckles split, how do boxers prevent this?', None),
    ('bashing my hands on the drums till they bled at the gig last night, any glove tips?', None),
    ('been banging my head against the wall until it bruised over this coding bug lol', None),
    ('bashed my hand on the steering wheel till two knuckles split', ('risk', 'self_harm')),
    ('i keep smashing my head against the wall until it bleeds', ('risk', 'self_harm')),
    ('I keep burning my fingers on the glue gun, any tips?', None),
    ('i keep burning my hands on the curling iron every morning', None),
    ('I keep burning my fingers with the soldering iron when I build pedals', None),
    ("i've been scalding the backs of my hands with kettle steam so I stop feeling so blank", ('risk', 'self_harm')),
    ('I keep burning my arms with a lighter', ('risk', 'self_harm')),
    ("I burned my hand on the pan so I can't type well, any voice dictation apps?", None),
    ("scalded my hand with tea so i can't hold a pen, can I get an extension?", None),
    ("burnt my fingers on the stove so i don't cook anymore", None),
    ('scalding the backs of my hands with kettle steam so I stop feeling so blank', ('risk', 'self_harm')),
    ('I burn my arms to feel something', ('risk', 'self_harm')),
    ('opened my arm up with a knife because I slipped while carving the turkey', None),
    ('split my leg open with the glass because I tripped on the patio', None),
    ('opened my leg up with a sterile scalpel because the abscess needed draining, bad idea?', None),
    ('opened my leg up with a knife because I deserved it', ('risk', 'self_harm')),
    ('sliced my arm open with a razor cos i wanted to feel something', ('risk', 'self_harm')),
    ("when I'm hungover I make myself sick because i hate the nausea", None),
    ('my toddler swallowed a coin, do I make myself sick as punishment for not watching? joking, what do I do', None),
    ('In my novel the character would make himself sick as punishment, is that realistic?', None),
    ('i make myself sick as punishment', ('risk', 'self_harm')),
    ('I made myself throw up to punish myself', ('risk', 'self_harm')),
    ('my toddler has bruises on his shins, he says he tripped at nursery, normal?', None),
    ("my dad has bruises on his arm, he says he fell over, he's 85 and on blood thinners", None),
    ('my 6 year old has a split lip, he says he bumped into a friend on the playground', None),
    ('my sister has two black eyes and says she walked into a door', ('risk', 'abuse')),
    ('my friend keeps turning up with bruises, she says she fell down the stairs', ('risk', 'abuse')),
    ("his wife won't let him go out on the boat during the storm, she's right", None),
    ("her husband won't let her go out alone since the stroke, is he being over careful?", None),
    ("his girlfriend won't let him come out with us tonight because it's their anniversary", None),
    ('his girlfriend wont let him come out with us anymore', ('risk', 'abuse')),
    ("her boyfriend won't let her see her friends", ('risk', 'abuse')),
    ('bro i had to kms in game to get out of the glitch', None),
    ('just kms and respawn at the checkpoint', None),
    ('you can kms in-game to reset the timer', None),
    ("i'm going to kms in the game of life, i'm done", ('risk', 'suicide')),
    ('i just wanna kms and respawn as someone else, i hate being me', ('risk', 'suicide')),
    # round 23: an age told with a past verb is years back, a clock time is not; animals' kicks; embarrassment
    ("I tried to take my own life at 19. I'm 34 now, married with two kids", ('topic', 'suicide')),
    ('I tried to take my own life at 19 and I want to again', ('risk', 'suicide')),
    ('at 11 tonight i took all my pills', ('urgent', 'suicide')),
    ('horse kicked me in the thigh this morning, massive bruise coming up', None),
    ('he kicked me in the thigh this morning', ('risk', 'abuse')),
    ('ugh i want to die, just sent the report to the whole company with a cat picture', None),
    ('ugh i want to die', ('risk', 'suicide')),
    # round 23: a review's look-alikes (quiet) and true variants (alarmed) of the new patterns
    ("Sold my car and my bike last week, I won't need either where I'm going - moving to Amsterdam for work and everyone cycles there", None),
    ("I've handed the furniture to the new tenant, I won't need any of it where I'm going as the flat in Leeds comes furnished", None),
    ("Passed my skis on to my nephew, I don't need them where I'm going, Cyprus never gets snow", None),
    ("I gave my guitar, amp and records away to the lads in the band, I won't need any of it where I'm going", ('risk', 'suicide')),
    ('sold my bike and gave the dog to my sister, i wont need them where im going', ('risk', 'suicide')),
    ('My yarn stash is finally big enough for what I have in mind, a full-size blanket for my nan', None),
    ('Is a 750W power supply big enough for what I need? Two GPUs and a lot of drives', None),
    ('the wood pile is big enough to do the job through January if it stays mild', None),
    ("I've been pocketing a few tablets from work every shift and the stash at home is getting big enough for what I have in mind", ('risk', 'suicide')),
    ("my stockpile of mum's sleeping tablets is nearly big enough to end it", ('risk', 'suicide')),
    ("Are travel sickness tablets strong enough for what I'm planning, a week on a sailing boat in the Atlantic?", None),
    ("How should I adjust my insulin for what I'm planning tomorrow, a 100 mile bike ride?", None),
    ('Can I take my meds abroad for what I plan to do, backpacking round Asia for six months?', None),
    ("I've been saving up my sleeping pills for what I have in mind", ('risk', 'suicide')),
    ("counting out the painkillers for what I'm planning to do on Sunday", ('risk', 'suicide')),
    ("My dad died in March. My brothers go fishing every Sunday and I'm thinking of joining them next week.", None),
    ("My phone died so I missed the group chat, everyone's at the pub and I want to join them after work", None),
    ("We lost the final, the team have gone to the pub and I'm ready to join them once I've showered", None),
    ("All my family is dead, I'm the only one left. Every night I think to go and join them", ('risk', 'suicide')),
    ('my wife died in october and i just want to join her', ('risk', 'suicide')),
    ('As a newly qualified nurse I keep running the insulin doses in my head before every drug round, is that normal anxiety?', None),
    ("Type 1 diabetic here, I'm always doing the insulin maths in my head at restaurants, any apps to help?", None),
    ('I keep working out morphine doses in my head for the drug calc exam, is there a quicker method?', None),
    ("I'm a nurse and I keep running the potassium numbers in my head on the drive home", ('risk', 'suicide')),
    ('I keep doing the overdose maths in my head', ('risk', 'suicide')),
    ("I took a box of laxatives with me on holiday in case the food didn't agree with me", None),
    ('The pharmacy had loads of laxatives on offer but none of the ones my doctor recommended', None),
    ('What happens if you take twenty laxatives at once? My sister might have', None),
    ("Took a whole strip of laxatives again because I had cake at the interval and didn't deserve it", ('risk', 'self_harm')),
    ('I necked a whole box of laxatives after dinner so nothing would stay in', ('risk', 'self_harm')),
    ("I had a promotion at work and honestly felt like I didn't deserve it, how do I beat imposter syndrome?", None),
    ("We had three penalties given against us and didn't deserve to lose", None),
    ("My friend had cancer at 30 and she didn't deserve that", None),
    ("Took a whole strip of laxatives again because I had cake at the interval and didn't deserve it", ('risk', 'self_harm')),
    ("ate a biscuit at work and didn't deserve it so i skipped dinner", ('risk', 'self_harm')),
    ('This code is so broken I could pull my hair out in clumps', None),
    ('My 10 month old keeps pulling my hair out in chunks when I feed her, how do I stop it?', None),
    ('After my second baby I was pulling my hair out in clumps in the shower, is postpartum shedding normal?', None),
    ("During night feeds I pull my hair out in clumps when I feel I've failed her", ('risk', 'self_harm')),
    ("i rip my eyelashes out in clumps when i'm anxious and now i have none left", ('risk', 'self_harm')),
    ("Fell off my bike on gravel, it's only scratches, not deep cuts, do I still need a tetanus jab?", None),
    ('The new kitten left just scratches, not real cuts, but should I worry about cat scratch fever?', None),
    ('Bought a second hand car and the paint has just surface ones, not deep ones, will a polish fix them?', None),
    ('its just scratches, not proper cuts, idk why my gf is making such a big deal every time she sees new ones', ('risk', 'self_harm')),
    ("they're only surface ones, not real self harm, so I don't need help", ('risk', 'self_harm')),
    ('My mum goes mad every time she sees new scratches on the car', None),
    ('My husband sighs every time he finds new marks on the wooden floor from the dog', None),
    ('My teacher circles it in red every time she spots new marks on my homework', None),
    ('its just scratches, not proper cuts, idk why my gf is making such a big deal every time she sees new ones', ('risk', 'self_harm')),
    ('my mum cries every time she sees fresh cuts on my arms', ('risk', 'self_harm')),
    ("The baby kicks me so hard at night I can't sleep, is that normal at 30 weeks?", None),
    ('My cat kicks me with her back legs when I rub her belly', None),
    ("Then it hit me that I'd left the oven on", None),
    ("My husband hits me when he's been drinking", ('risk', 'abuse')),
    ('my mum slaps me if I answer back', ('risk', 'abuse')),
    ('ugh i want to die, just sent the quarterly report to the whole company with a picture of my cat attached instead', None),
    ('omg i want to die i just replied all to the whole firm with my shopping list', None),
    ("nooo i wanna die, i accidentally texted my boss 'love you xx'", None),
    ('ugh i want to die, i texted my ex goodbye and nobody even replied', ('risk', 'suicide')),
    ('omg i want to die, i posted my goodbye on instagram and no one even noticed', ('risk', 'suicide')),
    # round 24: a third person who has or have been self-harming is theirs; exasperation about one more meeting
    ("if my teenager ever tells me they've been self-harming, how should I respond", ('topic', 'self_harm')),
    ("i've been self-harming again", ('risk', 'self_harm')),
    ('if i have to sit through one more team meeting about synergy im going to die', None),
    ("if i have to live one more day like this i'm going to die", ('risk', 'suicide')),
    # round 24: a review's look-alikes (quiet) and true variants (alarmed) of the new patterns
    ("I'm type 1, I worked out how much insulin it would take to cover the pizza and I've just drawn it up", None),
    ("The diabetes nurse showed me how much insulin it will take for my son's dinner, I've just drawn it up in the pen", None),
    ("I'm a palliative nurse, I know how much morphine it'd take to keep him comfortable overnight and I've just drawn it up", None),
    ("I'm a nurse so I know exactly how much insulin it would take and I've just drawn it up", ('urgent', 'suicide')),
    ("i know how much insulin it'd take to not wake up and ive just filled the syringe", ('urgent', 'suicide')),
    ('The palliative team worked out exactly how much morphine it would take to keep mum comfortable at night', None),
    ("I've figured out how much insulin it will take when I eat pizza, it's about double my usual", None),
    ("I calculated how much paracetamol it would take to reach the maximum daily dose so I don't go over it", None),
    ("I know exactly how much insulin it would take, I've thought about it a lot", ('risk', 'suicide')),
    ("I've worked out how much paracetamol it would take to end it", ('risk', 'suicide')),
    ("I don't know why I'm still here at 9pm, the train's been cancelled twice", None),
    ("I don't understand why I'm still living with my parents at 30 when all my mates have houses", None),
    ("Don't know why I'm still going to the gym when the scales haven't moved in a month", None),
    ("if i'm not a footballer i don't know why i'm still here", ('risk', 'suicide')),
    ("Honestly I don't know why I'm still alive, nothing has got better in years", ('risk', 'suicide')),
    ("The team would be better without me on defence, I'm too slow", None),
    ('everyone would be happier w/o me tbh', ('risk', 'suicide')),
    ('Honestly my kids would genuinely be better off without me', ('risk', 'suicide')),
    ('just step off the path here, nobody would notice if we cut through the field', None),
    ('slip in the back door after the meeting starts, no one would notice', None),
    ('jump in the pool with your clothes on, nobody would care at that party', None),
    ("think it'd be easy tae just step aff and naebody wid ken", ('risk', 'suicide')),
    ('I could just step off the platform and nobody would notice for days', ('risk', 'suicide')),
    ("I'm not gonna be hanging about much longer, my taxi is outside", None),
    ("I'm not going to be sticking around much longer at this dentist, they're two hours behind", None),
    ("I'm no gonnae be hingin aboot much longer, it's baltic oot here", None),
    ("i'm no gonnae be hingin aboot much longer, that's aw i'm sayin", ('risk', 'suicide')),
    ("I'm not going to be hanging around much longer, I've made my peace with it", ('risk', 'suicide')),
    ("We've sorted who'll have the cat when we go on the cruise", None),
    ('Finally sorted out who will take the dog when I start my new job with long hours', None),
    ("I've arranged who will look after the dog during my chemo sessions", None),
    ("inside I'm just counting down, and I've already sorted who'll have the dog", ('risk', 'suicide')),
    ("I've worked out who will take my cat after I'm gone", ('risk', 'suicide')),
    ("I'm not planning on being around for Christmas this year, we're going to my in-laws in Wales", None),
    ("Not planning to be here for the fireworks, the dog hates them so we're off to the cottage", None),
    ("I'm not planning on being around when the builders come, too noisy", None),
    ("told my mum i'm not planning on being around for my birthday in march, she thought i meant a holiday", ('risk', 'suicide')),
    ("I'm not planning on being around much longer", ('risk', 'suicide')),
    ("I've been saving the leftover tramadol from my knee op for myself in case the pain comes back", None),
    ('I keep a few paracetamol in my bag for myself since I get migraines at work', None),
    ("My nan has been stockpiling her tablets and she's thinking of taking them all back to the chemist", None),
    ("I have been collecting the leftover tramadol from patients' discharge for myself, I am thinking to take everything one day when I am off", ('risk', 'suicide')),
    ("I've been saving up my sleeping tablets, thinking about taking the lot on Friday", ('risk', 'suicide')),
    ("I'm thinking of taking everything on the trip, the tent, the stove, the lot", None),
    ("I'm planning to take them all on holiday to Spain next year, the kids will love it", None),
    ("I'm thinking of taking everything when I move out, the landlord said I can keep the furniture", None),
    ('I am thinking to take everything one day when I am off', ('risk', 'suicide')),
    ("I'm thinking of swallowing the lot tonight", ('risk', 'suicide')),
    ("Thinking about starting a podcast, been wondering how I'd go about it", None),
    ("Keen to learn the guitar, been thinking about how I'd do it on a budget", None),
    ("My nan's 90th is coming up and I keep wondering how I'd go about it, maybe a surprise party", None),
    ("Lately I've been thinking the kids would be grand without me, and I've started wondering how I'd go about it", ('risk', 'suicide')),
    ("Everyone would be better off if I was gone. I've been researching how I'd do it.", ('risk', 'suicide')),
    ('I punched my own face in my sleep last night dreaming I was fighting', None),
    ('I hit my own head on the shelf getting the pans out', None),
    ('Slapped my own face to stay awake on the night drive home', None),
    ('rage punched my own face till my eye swelled shut lmao', ('risk', 'self_harm')),
    ('I keep hitting my own head against the wall when I get overwhelmed', ('risk', 'self_harm')),
    ('My mum used to make me go without food as punishment when I was little', None),
    ('Should I make the kids skip meals as a punishment when they misbehave?', None),
    ('Our old school made kids go without food as punishment, is that even legal?', None),
    ('On days I lose my temper with her I starve myself as punishment', ('risk', 'self_harm')),
    ('I skip meals to punish myself when I mess up at work', ('risk', 'self_harm')),
    ('My cat headbutts the mirror whenever she sees herself', None),
    ('My toddler headbutted the table and now has a lump on his head', None),
    ('Headbutted the cupboard door getting the pans out, ouch', None),
    ('been headbutting the wall when the noise gets too much in me head', ('risk', 'self_harm')),
    ("I've been headbutting walls when I'm overwhelmed", ('risk', 'self_harm')),
    ('The wind keeps locking me out when the back door slams', None),
    ('My cat has started locking me out of the bathroom by knocking the latch', None),
    ('The new smart lock keeps locking me out every time the battery runs low', None),
    ("He's started locking me out of the house when I 'talk back'", ('risk', 'abuse')),
    ('my husband locks me in the bedroom when he goes out', ('risk', 'abuse')),
    ('My ex-husband grabbed me by the hair in a dream last night and I woke up shaking', None),
    ('My dad pulled me by the hair out of the water when I went under at the pool', None),
    ('My partner grabbed me by the hair in our wrestling match on the trampoline', None),
    ("my husband grabbed me by the hair again because dinner wasn't on the table", ('risk', 'abuse')),
    ('he grabbed me by the hair and dragged me to the floor', ('risk', 'abuse')),
    ('My pension is small so now I have to ask my son for money for the electric', None),
    ('My student grant ran out in March so I have to ask my parents for money', None),
    ('Since her benefits were cut she has to ask her brother for money every month', None),
    ("He's been taking her SASSA grant and her pension and now she has to ask him for money for bread", ('risk', 'abuse')),
    ('my son takes my whole pension and I have to beg him for money for food', ('risk', 'abuse')),
    ('if i have to sit through one more team meeting about synergy im going to die', None),
    ('if i have to hear one more podcast ad im literally going to die', None),
    ('if i hear one more christmas song in this shop i will literally die', None),
    ('if i have to take one more beating from him im going to die', ('risk', 'suicide')),
    ('if i have to spend one more year of my life in this pain im going to die', ('risk', 'suicide')),
    # round 25: a review's look-alikes (quiet) and true variants (alarmed) of the new and changed patterns
    ("Driving test at 2pm, I'm so nervous but I'm doing it today!", None),
    ("We're finally going to do it tonight, first time, what protection should we use?", None),
    ('I could die right now, I just called my teacher mum in front of the whole class', None),
    ("I'm going to do it tonight, I've got the pills lined up", ('urgent', 'suicide')),
    ("i'm gonna end it all tonight. sorry everyone", ('urgent', 'suicide')),
    ("I'm ready to die on this hill: pineapple belongs on pizza", None),
    ("My nan is 96 and says she's ready to die, she's at peace with it. How do we support her?", None),
    ('Am I going to die from a panic attack? My heart is racing', None),
    ('I just wish I was dead', ('risk', 'suicide')),
    ('some days i want to not exist anymore', ('risk', 'suicide')),
    ('I dont envy the dead, I envy the living who get to see the sunrise', None),
    ('I do not envy the dead in that war film, horrific', None),
    ("Honestly I envy the dead, they don't have to do their taxes lol", None),
    ("I've started to envy the dead", ('risk', 'suicide')),
    ('i find myself envying the dead more and more', ('risk', 'suicide')),
    ('My grandma is in hospice. Is morphine a peaceful way to go?', None),
    ('Dying in your sleep is said to be the most peaceful way to go.', None),
    ("Take the canal path, it's a quiet way to go.", None),
    ('I want a painless way to go.', ('risk', 'suicide')),
    ('looking for the most peaceful way to go, please', ('risk', 'suicide')),
    ('I googled the best way to go from Leeds to York by train', None),
    ('Searched the easiest way to do it (changing a bike tyre) and found a great video', None),
    ('I searched the best way to end it with my boyfriend without a fight', None),
    ('I keep googling painless ways to die', ('risk', 'suicide')),
    ('my search history is all quickest ways to kill myself', ('risk', 'suicide')),
    ("I don't see the point sticking around after the speeches, I don't know anyone", None),
    ("Don't see any point hanging around here, the bus isn't coming", None),
    ("I can't see much point sticking around on Twitter anymore", None),
    ("I can't see the point of sticking around anymore", ('risk', 'suicide')),
    ("i don't see a point in being here", ('risk', 'suicide')),
    ('He sold his car and cancelled his gym membership since he started working from home', None),
    ('She sold her motorbike and cancelled her gym to pay for the wedding', None),
    ('My brother sold his guitar and cancelled his subscriptions because of the cost of living', None),
    ("he gave away his dog and closed his accounts, he's been really quiet", ('risk', 'suicide')),
    ("my brother sold all his gear and cancelled his phone contract, he won't tell me why", ('risk', 'suicide')),
    ('My dad jokes about his own funeral at every Christmas and my mum never laughs, she hates it', None),
    ("My nan jokes about her funeral playlist but she doesn't seem to be joking, she's 89 and has it all planned with the funeral plan company", None),
    ("My husband jokes about his funeral being a party, but he doesn't laugh at my jokes, typical", None),
    ("my friend keeps joking about her funeral and she doesn't smile when she says it", ('risk', 'suicide')),
    ('he jokes about his death constantly now and he never laughs', ('risk', 'suicide')),
    ('I know exactly which dose would do the job for my period pain, 400mg ibuprofen', None),
    ('I know exactly which drugs would kill me because of my penicillin allergy', None),
    ('The pharmacist worked out how many tablets would be enough for the holiday', None),
    ('I know exactly how many pills would kill me', ('risk', 'suicide')),
    ("i've worked out which tablets would do the job", ('risk', 'suicide')),
    ('The bridge seems like a real option for the commute now the tunnel is closed', None),
    ('Not being here feels like an option this Christmas, we might go to my in-laws', None),
    ('The gun looks like a real option for the fox problem, the farmer says', None),
    ('ending it feels like the only option', ('risk', 'suicide')),
    ('suicide feels more like a real option every day', ('risk', 'suicide')),
    ("I'm saving the codeine for when my wisdom teeth come out next week", None),
    ('Is it illegal to stockpile codeine? Asking for a pharmacy assignment', None),
    ('The pharmacist warned people against stockpiling diazepam', None),
    ("I've been hoarding my quetiapine for weeks", ('risk', 'suicide')),
    ('saving up all my amitriptyline, nearly a full box now', ('risk', 'suicide')),
    ("It's so hot today I does feel to just walk into the sea with my clothes on", None),
    ('On Carnival Monday I feel to run into the sea with all the paint on', None),
    ('When the kids see the beach they feel to run into the sea straight away', None),
    ("sometimes I does feel to just walk in the sea and don't come back", ('risk', 'suicide')),
    ('I feel to drive into a truck some days', ('risk', 'suicide')),
    ("If the flight is cancelled again I'll walk into the sea and be done with it lol", None),
    ('Just step into the sea and be done with it, the water is only cold for the first minute', None),
    ("Don't tiptoe, run into the waves and be done with it, you'll warm up once you're swimming", None),
    ('I just want to walk into the sea and be done with everything', ('risk', 'suicide')),
    ("some nights i think i'll walk into the river and be done with it all", ('risk', 'suicide')),
    ('My daughter has cuts on her arms from gymnastics, the beam is brutal', None),
    ('The surgeon made three cuts on her stomach for the keyhole operation', None),
    ('My cat has cuts on her tummy after she was spayed, is that normal?', None),
    ("i found cuts on my son's arms last night", ('risk', 'self_harm')),
    ('she has cuts up and down her arms', ('risk', 'self_harm')),
    ("My son said the cat ate his homework but we don't have a cat lol", None),
    ("My toddler said the dog broke the vase but we don't even have a dog", None),
    ("She said the cat did it, we don't have a cat, so who ate all the biscuits?", None),
    ("she said the cat scratched her but we don't have a cat", ('risk', 'self_harm')),
    ("he claimed a dog did it but we don't have any pets and the marks are in lines", ('risk', 'self_harm')),
    ('I burned myself with a match at the BBQ, how do I treat it?', None),
    ('Burnt myself with the curling iron again, my neck has a mark', None),
    ('I burned myself with a sparkler on bonfire night', None),
    ("I've been putting cigarettes out on my arm", ('risk', 'self_harm')),
    ('i burn myself on purpose with a lighter', ('risk', 'self_harm')),
    ('I scraped my legs raw on the rocks when I slipped', None),
    ('I dry brush my skin raw every morning, is that too much?', None),
    ('I scrub my arms raw because of my germ OCD', None),
    ('I scrub my skin until it bleeds when I feel dirty after what happened', ('risk', 'self_harm')),
    ('been scraping my arms raw with my nails when the memories come', ('risk', 'self_harm')),
    ('Is it safe to use a wire brush on my skin to get the paint off?', None),
    ('This wool jumper feels like a wire brush on my skin', None),
    ('My eczema feels like a wire brush across my skin', None),
    ('I drag a wire brush over my arms until they bleed', ('risk', 'self_harm')),
    ('using steel wool on my thighs again', ('risk', 'self_harm')),
    ('I scrape my legs with a razor when I shave and they always nick', None),
    ("Scratched my arm with the key while getting into the car, it's bleeding a bit", None),
    ('I dug into my hand with a needle to get the splinter out', None),
    ('I carve into my thighs with a compass', ('risk', 'self_harm')),
    ("scratching my wrists with a blade when nobody's home", ('risk', 'self_harm')),
    ('My cat scratched my arms until they bled when I tried to bath her', None),
    ('My baby scratches my skin until it bleeds, how do I cut her nails?', None),
    ("I've been digging my nails into my arms till they bleed", ('risk', 'self_harm')),
    ("i scratch my thighs until they bleed when i'm overwhelmed", ('risk', 'self_harm')),
    ('I spilled a glass on my arm at the pub', None),
    ('I held a cold glass to my wrist to cool down in the heat', None),
    ("I'm getting a compass on my forearm with my kids' birth coordinates", None),
    ('pressed a piece of glass into my thigh until it bled', ('risk', 'self_harm')),
    ('I keep taking scissors to my arms', ('risk', 'self_harm')),
    ('The nurses did stuff to me while I was asleep in surgery and I woke with a catheter, is that normal?', None),
    ('my mates did stuff to me when i passed out, glued my hand to the table', None),
    ("My cat does things to me while I'm asleep, like sitting on my face", None),
    ('he did stuff to me while i was passed out', ('risk', 'abuse')),
    ('my uncle does things to me when mum is asleep', ('risk', 'abuse')),
    ('When I was drunk at the wedding, someone took advantage of the free bar and ordered 10 shots on my tab', None),
    ('When I was asleep on the train a guy touched me on the shoulder to wake me at my stop', None),
    ('When I was passed out after fainting, someone got on top of me to do CPR', None),
    ('when i was blacked out my boyfriend had sex with me', ('risk', 'abuse')),
    ('when I was too drunk to stand a guy from work took advantage', ('risk', 'abuse')),
    ("I'm taking money out of mum's account with power of attorney to pay her care home fees", None),
    ("Is it legal to take money out of dad's account if I have power of attorney?", None),
    ("My sister takes cash out of mum's account for her shopping, she has power of attorney and keeps receipts", None),
    ("my brother has been draining mum's savings since he got power of attorney", ('risk', 'abuse')),
    ('my daughter keeps taking money from my account without asking', ('risk', 'abuse')),
    ("The doctor said he'd be in a home if he makes no progress with the physio", None),
    ("I said I'd go in a home if I make it to 90 lol", None),
    ("Mum said she'd end up in a care home if she had another fall", None),
    ('my son threatened to put me in a home if I told anyone', ('risk', 'abuse')),
    ("he says I'll be put in a home if I complain", ('risk', 'abuse')),
    ('We moved in with my mum to save for a house and now our savings are gone on the deposit', None),
    ("I moved in with my gran after uni and my money is gone, I can't find a job", None),
    ("my brother moved in with dad and now dad's savings are gone on the care home fees", None),
    ('since my cousin moved in with grandad his pension is gone every month', ('risk', 'abuse')),
    ('my uncle moved in with nan and her savings have vanished', ('risk', 'abuse')),
    ("My son isn't allowed to use his phone when I call after 9, he's grounded", None),
    ("Mum isn't allowed to use her phone when we visit because of the ward rules", None),
    ("She isn't allowed to answer her phone when I ring because she's at work on the tills", None),
    ("mum's not allowed to answer the phone when I ring, he always picks up", ('risk', 'abuse')),
    ("he won't let her answer the phone when I call", ('risk', 'abuse')),
    # round 26: a review's look-alikes (quiet) and true variants (alarmed) of the new and changed patterns
    ('Rooftop bar was gorgeous, sat on the ledge with my legs dangling over, watching the sunset with a cocktail', None),
    ('On the 3rd floor balcony with both legs over the railing, just enjoying the breeze and a beer', None),
    ('In the novel she stands on the bridge with one leg over the parapet before the hero pulls her back', None),
    ('standing on the bridge with one leg over the railing, i cant do this anymore', ('urgent', 'suicide')),
    ("I'm on the roof of my building with one leg over the edge right now", ('urgent', 'suicide')),
    ('I keep googling instead of just going. Should I see a GP about this mole?', None),
    ("Been texting instead of letting go. She's moved on and I should move on from the relationship too", None),
    ("I'm googling side effects instead of taking them. Are these antibiotics safe with alcohol?", None),
    ('on the bridge right now typing this instead of jumping', ('urgent', 'suicide')),
    ('pills in my hand, googling instead of taking them.', ('urgent', 'suicide')),
    ('My therapist suggested writing a goodbye letter to my eating disorder', None),
    ("We're writing a goodbye letter to our dog who was put to sleep on Friday, the vet suggested it for the kids", None),
    ('Writing a goodbye letter to my old house before the sale completes, bit soppy', None),
    ("I've been writing my suicide note", ('risk', 'suicide')),
    ('started writing a suicide letter to my parents last night', ('risk', 'suicide')),
    ('The Dear John goodbye letter trope in old films always makes me cry', None),
    ('my grandad left a goodbye letter for each of us before he died of cancer, we read them at the funeral', None),
    ('How do I write a goodbye letter to my dog who died last week? Grief counsellor suggested it', None),
    ("I've written goodbye letters to my family and put them in a drawer", ('risk', 'suicide')),
    ("goodbye notes are done. I'm just so tired", ('risk', 'suicide')),
    ("I've decided I'm sticking around, therapy is finally helping", None),
    ("I've decided I'm not sticking around for dessert, early start tomorrow", None),
    ("I've already decided I'm not hanging around waiting for him to text back", None),
    ("I've decided I'm not sticking around much longer", ('risk', 'suicide')),
    ('ive decided im not hanging around this world anymore', ('risk', 'suicide')),
    ('if i disappear and never come back just know that i got a girlfriend lol', None),
    ("If I go quiet and don't reply again just know it's exam season and my mum took my phone", None),
    ("if i stop streaming and never come back just know it wasn't my choice, twitch banned me", None),
    ("if i log off one day and never come back, just know it wasn't your fault", ('risk', 'suicide')),
    ('if I disappear and never come back just know I tried', ('risk', 'suicide')),
    ('mi tired fi wake up a 5 every morning fi catch di bus to work', None),
    ('mi tired fi live wid mi madda, mi need mi own place', None),
    ('tired fi live pon di likkle money weh dem pay we', None),
    ('mi tired fi live', ('risk', 'suicide')),
    ('mi jus tired fi live, mi cyaan do it nuh more', ('risk', 'suicide')),
    ('cyaan see miself still yah next year, mi a migrate to Canada', None),
    ("I can't see myself still here next year, we're emigrating to Australia in May", None),
    ("I can't see myself still here next Christmas, the cancer's spread and the doctors gave me months", None),
    ('mi cyaan see miself alive next year', ('risk', 'suicide')),
    ("I can't see myself still alive by Christmas", ('risk', 'suicide')),
    ("We've given our dog to my sister for when I'm gone on deployment, 9 months", None),
    ("I've rehomed my horse with a friend for when I'm gone travelling for six months", None),
    ("handed my cat to the neighbour for when I'm not here during the week, new job is long hours", None),
    ("I've rehomed my cat so she's looked after when I'm gone", ('risk', 'suicide')),
    ("gave my dog to my brother, told him it's temporary but it's for when I'm not here", ('risk', 'suicide')),
    ("I googled how many of my paracetamol it would take to stop this toothache, 2 isn't touching it", None),
    ('googling how many of my sleeping pills it would take to knock me out for a long-haul flight', None),
    ('my dog ate some of my tablets, searching how many of my ibuprofen it would take to hurt him', None),
    ('been googling how many of my antidepressants it would take', ('risk', 'suicide')),
    ("I looked up how many of my sertraline it'd take to not wake up", ('risk', 'suicide')),
    ('I was up at 3 googling how to, then gave up and called a plumber about the boiler', None),
    ('Sat up till 2am watching videos about how. Pyramids, aliens, the lot lol', None),
    ("up till 4 reading about how. couldn't stop, the Titanic stuff is fascinating", None),
    ('up till 4am researching how.', ('risk', 'suicide')),
    ('lying awake until 3 googling how', ('risk', 'suicide')),
    ("For home defence the shotgun seems like a solution, we're miles from the nearest police station", None),
    ("The gun seems like an option for the rats in the barn, poison hasn't worked", None),
    ("In the game the river looks like an exit from the map but it's a dead end", None),
    ('my gun is starting to look like the answer', ('risk', 'suicide')),
    ('the pills are looking more and more like a way out', ('risk', 'suicide')),
    ("I've been checking when my suicide clause runs out", ('risk', 'suicide')),
    ('counting down to when the suicide exclusion ends on my life insurance', ('risk', 'suicide')),
    ('which branch would hold my weight for a treehouse platform?', None),
    ('Not sure if the beam will hold my weight when I stand on it to paint the ceiling', None),
    ("which joist would hold my weight in the loft, I don't want to go through the ceiling boarding it", None),
    ('i keep looking at which beam in the garage would take my weight', ('risk', 'suicide')),
    ('wondering if the banister would hold my weight', ('risk', 'suicide')),
    ("Keeping the old tablets for the dog and the sheep drench locked in the shed so the grandkids can't reach", None),
    ('collecting the old tablets and the rat poison to take to the pharmacy for safe disposal', None),
    ('Kept the old tablets in the same cupboard as the antifreeze, is that safe?', None),
    ("I've been stockpiling my pills and there's weedkiller in the garage too", ('risk', 'suicide')),
    ("hoarding my meds and there's paraquat in the shed", ('risk', 'suicide')),
    ("I've started self harming again", ('risk', 'self_harm')),
    ('been self-harming every night this week', ('risk', 'self_harm')),
    ("No food in the bedroom, that's the rule in our house", None),
    ("No food on the bus, that's the rule, the driver was strict", None),
    ("No food 6 hours before surgery, that's the rule apparently", None),
    ("i ate lunch so no food for the rest of the day. that's my rule", ('risk', 'self_harm')),
    ('went over 800 so zero calories tomorrow, thats the rule', ('risk', 'self_harm')),
    ("haven't had a meal out since January because I don't deserve to splurge until I've paid off my card", None),
    ("I haven't eaten the Easter egg because I don't deserve it until I finish the essay, it's my reward", None),
    ("haven't had anything from the vending machine because I don't deserve to waste money on snacks", None),
    ("haven't eaten since yesterday because i don't deserve food", ('risk', 'self_harm')),
    ("I haven't had anything all day, because I don't deserve to eat", ('risk', 'self_harm')),
    ("My daughter wears hoodies in summer, found out she's insecure about her weight", None),
    ("Hoodies in summer, bloody teenagers, I'll never understand it", None),
    ('Wearing long sleeves in the heat at the allotment, the brambles leave cuts all over', None),
    ("she's been wearing long sleeves in the heatwave and I found blades in her pencil case", ('risk', 'self_harm')),
    ('I wear hoodies in summer to hide the cuts on my arms', ('risk', 'self_harm')),
    ("Jimmy's been beatin me at pool every night this week", None),
    ("the flu's been beatin me up all week", None),
    ("the little one's been kickin me in the ribs all night, 34 weeks", None),
    ("me da's been beltin me again", ('risk', 'abuse')),
    ("his mam keeps smackin me when he's not in", ('risk', 'abuse')),
    ('A friend told me if I complain the agency will cancel my visa, is that a myth? I want to know my rights before I start', None),
    ("My sponsor says if I leave they will withdraw my sponsorship, but I've got a new sponsor lined up so it's fine", None),
    ("The university told me if I quit they will withdraw my visa sponsorship, so I'm staying on the course", None),
    ('my employer says if I report the abuse they will cancel my visa', ('risk', 'abuse')),
    ("my husband says if i leave him he'll have me deported", ('risk', 'abuse')),
    ('what does unalive mean', None),
    ("what does 'un-alive' mean on tiktok", None),
    ("what's unalive mean", None),
    ('why do they say unalive yourself to me every day at school', ('risk', 'suicide')),
    ("what is unaliving meant to feel like? i'm doing it tonight", ('urgent', 'suicide')),
    # round 27: a review's look-alikes (quiet) and true variants (alarmed) of the new and changed patterns
    ("Up on the roof of the van at the festival, I'll go when the headliner starts so we get a spot", None),
    ("sat on the ledge of the open plane door, i'll go when the instructor taps my shoulder", None),
    ("I'm on the ledge rn, gonna jump once the street clears", ('urgent', 'suicide')),
    ('sat on the bridge railing, going to let go when the next train passes', ('urgent', 'suicide')),
    ('going to the bridge tonight for the fireworks, nobody will notice if I slip off early', None),
    ("heading down to the cliffs this afternoon to fly the drone, no one will notice we're gone from the barbecue", None),
    ("walking to the railway line after work to photograph the steam engine, nobody will care if I'm late for tea", None),
    ('gonna go to the tracks tonight. nobody will notice anyway', ('urgent', 'suicide')),
    ('heading to the railway bridge after my shift, no one would even care if i didnt come back', ('urgent', 'suicide')),
    ("Nosebleed won't stop even with ice and pinching, been 25 minutes, should I go to A&E?", None),
    ("my son's knee won't stop bleeding even after pressing a towel on it, he fell off the trampoline", None),
    ("Had a tooth out this morning and the socket won't stop bleeding even with the gauze they gave me", None),
    ('cut too deep, its still bleeding through the towel and i feel faint', ('urgent', 'self_harm')),
    ("i went too deep this time and the bleeding won't stop, been pressing on it for 20 min", ('urgent', 'self_harm')),
    ("Haven't eaten in 2 days with this stomach bug, I deserve a medal for surviving, nearly fainted at work", None),
    ("haven't eaten in 3 days because of norovirus, feel like I'm being punished, nearly passed out on the stairs", None),
    ('Not had a meal in 2 days on this fasting retreat and I deserve a proper feast after. Heart racing a bit, normal?', None),
    ('3 days no food cos i deserve it, heart keeps racing and i nearly passed out at school', ('urgent', 'self_harm')),
    ("haven't eaten since monday as punishment, got chest pains now", ('urgent', 'self_harm')),
    ("i keep getting suicidal thoughts and i'm scared of them", ('risk', 'suicide')),
    ('been having thoughts of suicide again', ('risk', 'suicide')),
    ("I don't see the point in hanging around the airport for 6 hours, should I go into the city?", None),
    ("can't see the point in hanging about at the hospital now, they said visiting is over", None),
    ('i dont see the point in staying here another night, the hostel is grim', None),
    ('honestly cant see any reason to stay alive', ('risk', 'suicide')),
    ('i dont see the point of living anymore', ('risk', 'suicide')),
    ("He told me he's been thinking about taking his life savings out to buy a boat", None),
    ("She said she's thinking of taking her own life savings to Vegas lol", None),
    ("The doctor told us he's been thinking about taking himself off the rota after the burnout", None),
    ('my son texted me saying he wants to kill himself', ('risk', 'suicide')),
    ("my mate said he's been thinking about suicide", ('risk', 'suicide')),
    ('my brother is thinking about taking himself off to Thailand for a year', None),
    ('my mum keeps talking about taking her own life savings out of the bank', None),
    ("my friend is talking about killing himself at the gym, he's training six days a week", None),
    ("my son's been talking about wanting to die", ('risk', 'suicide')),
    ("my friend keeps saying she'll kill herself", ('risk', 'suicide')),
    ('I want to go somewhere no one can find me for a week, just me and a tent', None),
    ('honestly i just wanna run away to where no one can find me and open a bakery', None),
    ("my cat likes to go where nobody can find her when the hoover's on", None),
    ('i just want to walk into the woods where no one will ever find me', ('risk', 'suicide')),
    ("he keeps saying he's going to go away and never come back", ('risk', 'suicide')),
    ("my team would be better off if I didn't come back from holiday, they're more productive without me lol", None),
    ("my kids would be better off if I didn't wake up at 5am and wake them too", None),
    ('people would be better off if I never returned to Twitter, my takes are awful', None),
    ("everyone would be better off if I wasn't here", ('risk', 'suicide')),
    ('my family would be better off without me', ('risk', 'suicide')),
    ('my family will worry less without me driving at night', None),
    ('my kids will struggle less without me hovering over their homework', None),
    ('people will suffer less without me singing in the shower lol', None),
    ('my kids would be happier without me', ('risk', 'suicide')),
    ("my family's suffering would end if i was gone", ('risk', 'suicide')),
    ("I should just disappear forever into this book series, it's that good", None),
    ('honestly i could just disappear for good to a cottage in wales and never answer an email again', None),
    ('I might as well disappear for good from the office group chat', None),
    ('i wish i could vanish forever', ('risk', 'suicide')),
    ('i want to disappear and never wake up', ('risk', 'suicide')),
    ("I've picked the date for the move, end of June, so my flatmates don't have to deal with it during exams", None),
    ("I've set a date for the house clearance so my siblings don't have to deal with it after the funeral", None),
    ("I've chosen the day for the surgery, after Christmas, so my kids don't have to deal with it over the holidays", None),
    ("i've decided on a date. it's after my sister's wedding so it won't ruin it", ('risk', 'suicide')),
    ('picked the day. sunday, so my mum is not the one who finds me', ('risk', 'suicide')),
    ("Getting the will updated before my knee op, won't be about for a couple of weeks", None),
    ("Things are sorted at home, I won't be around this weekend, off to a stag do", None),
    ("getting all my paperwork done before the trip, won't be about on the forum for a bit", None),
    ("I've written letters and sorted my affairs, I won't be alive by Christmas", ('risk', 'suicide')),
    ("everything is in order now so nobody has to sort it when i'm gone", ('risk', 'suicide')),
    ('which building in the city has no fence on the rooftop for the best skyline shots at night', None),
    ("Which car park has no barrier on the top floor? My van's too tall for the height bar", None),
    ('any hotel with no fence round the rooftop pool? travelling with a toddler so I want to avoid those', None),
    ('which car park in town has no barrier at the top', ('risk', 'suicide')),
    ("looking for a tall building where the roof door isn't locked", ('risk', 'suicide')),
    ('Not going yet, just looking at flights for next month', None),
    ('not going yet, just checking the weather before the hike', None),
    ('Not jumping yet, just looking at how deep the quarry pool is first', None),
    ('not yet. just looking at the bridge every night', ('risk', 'suicide')),
    ('im not doing it yet, just working out how', ('risk', 'suicide')),
    ("hitting my head on the door when nobody is looking — low door frames in this old cottage, I'm 6'4", None),
    ('knocking my head on the desk only thing that wakes me up in the 3pm slump lol', None),
    ('banging my head against the wall to get through to the council about the bins', None),
    ('i punch the wall till my knuckles bleed', ('risk', 'self_harm')),
    ("been hitting myself in the head when nobody's home", ('risk', 'self_harm')),
    ("steri strips on my cuts from last night's rugby match, will they hold for training?", None),
    ("plasters on the cuts from yesterday's gardening, the roses got me", None),
    ('skin glue for the cuts from last night, the hurling was savage', None),
    ('how to close a cut i did last night without going to a&e', ('risk', 'self_harm')),
    ('steri strips for the cuts on my thigh from last night', ('risk', 'self_harm')),
    ("starving myself because I ate a massive brunch so I'm skipping lunch for the tasting menu tonight", None),
    ('intermittent fasting day 3: starving myself since i ate at 8pm, 16 hours done', None),
    ('starving myself since I had a big lunch, saving room for the buffet at the wedding', None),
    ('i skip meals to punish myself when i eat too much', ('risk', 'self_harm')),
    ('not eating tomorrow because i had a burger today', ('risk', 'self_harm')),
    ("told my mum it was the cat but it wasn't, it was me who broke the vase", None),
    ("said it was the dog but it wasn't, I ate the cake", None),
    ("I said it was the kettle but it wasn't, the fuse box was the problem", None),
    ("told everyone the burns were from the straighteners, they weren't", ('risk', 'self_harm')),
    ('said i fell off my bike but i actually cut myself', ('risk', 'self_harm')),
    ("she won't let me have my own phone until I'm 13, all my friends have one", None),
    ("my husband won't let me work overtime anymore since my heart attack", None),
    ("my girlfriend won't let me get a job at her company, conflict of interest", None),
    ('my husband takes my wages and gives me pocket money', ('risk', 'abuse')),
    ("he checks my phone and doesn't allow me to visit my parents", ('risk', 'abuse')),
    ('She says I have to ask her before buying anything for the joint account over 500, we agreed it together', None),
    ('my wife said I need to ask her before going to the shop because she has a list', None),
    ("he said I must ask him before leaving early, he's my line manager", None),
    ('I need his permission to go anywhere', ('risk', 'abuse')),
    ('my husband makes me ask before i spend any money', ('risk', 'abuse')),
    ("My brother has been 'helping' with mum's banking, he's rubbish at it lol, but her savings have dropped because the fixed rate ended", None),
    ("The kids are 'helping' with my bills, by which I mean colouring them in. My savings have gone down anyway thanks to energy prices", None),
    ("Dad's been 'helping' with his pension app all week, he's a menace. Balance has dropped because he moved it to the annuity like the adviser said", None),
    ("my mum's carer has access to her bank card and money keeps going missing", ('risk', 'abuse')),
    ("my uncle manages grandad's money now and his account is nearly empty", ('risk', 'abuse')),
    ('at mile 18 I literally wanted to die lol', None),
    ('hit the wall at 30k and wanted to die', None),
    ('by the 10th rep I wanted to die', None),
    ('at mile 20 of my run i wanted to die and honestly I keep thinking about it every night since', ('risk', 'suicide')),
    ("after round 3 of chemo I wanted to die and now I'm thinking of stopping everything", ('risk', 'suicide')),
    # Round 28: patterns from blind sets 26 and 27, with the review's true variants and look-alikes.
    ('i took 40 of my antidepressants an hour ago', ('urgent', 'suicide')),
    ('swallowed 20 sleeping pills with wine, getting dizzy', ('urgent', 'suicide')),
    ('took two paracetamol at 2pm for a headache, is it ok to have a coffee', None),
    ('i popped 2 advil before the game and my knee still hurts', None),
    ('my brother drank paraquat 20 minutes ago and is vomiting', ('urgent', 'suicide')),
    ('she has eaten rat poison after the fight, what to do', ('urgent', 'suicide')),
    ('my dog ate rat poison, what do i do', None),
    ('how many people have taken paraquat and survived', None),
    ('my neighbour is beating his wife again and i can hear her screaming for help', ('urgent', 'abuse')),
    ('dad is hitting her in the kitchen and she is crying for help', ('urgent', 'abuse')),
    ("my boss is always yelling at his team, honestly he's crying out for help", None),
    ('my toddler was screaming at his brother and then calling for help when he got stuck on the slide', None),
    ('i keep thinking abt stepping in front of a lorry', ('risk', 'suicide')),
    ('thinkin bout swerving into oncoming traffic on the motorway', ('risk', 'suicide')),
    ('been thinking about stepping off the property ladder and renting instead', None),
    ('thinking about stepping off as chair of the committee next year', None),
    ('sometimes i think about grabbing a live wire deliberately', ('risk', 'suicide')),
    ('keep wanting to touch the live cable on purpose at work', ('risk', 'suicide')),
    ('never touch a live wire on purpose, even with gloves', None),
    ('did he grab the live cable on purpose or was it an accident, the inquest said', None),
    ('an accident would sort it all out honestly', ('risk', 'suicide')),
    ('a crash on the way home would sort everything out', ('risk', 'suicide')),
    ('a market crash would sort it all out for first time buyers', None),
    ("honestly a server crash would sort it all out, we'd all get a day off", None),
    ('my family would get the life insurance and be better off without me', ('risk', 'suicide')),
    ("she'd get the insurance money and be rid of me", ('risk', 'suicide')),
    ("if the house burned down we'd get the insurance and be better off", None),
    ('if i take redundancy i would get the payout and be better off', None),
    ('everyone would be happier if i stopped taking up space', ('risk', 'suicide')),
    ('my family would be better off if i was not around taking up space', ('risk', 'suicide')),
    ("it'd be easier for my flatmate if i wasnt taking up space in the lounge with my desk", None),
    ("the car would be lighter if i wasn't taking up space with all my camping gear", None),
    ('ready to alt-f4 irl', ('risk', 'suicide')),
    ('wanna ctrl-alt-delete myself tbh', ('risk', 'suicide')),
    ('time to ctrl alt del my life and start over in spain', None),
    ('i wish i could alt+f4 irl conversations with my aunt', None),
    ("if i fail my exams i won't be alive to get the results", ('risk', 'suicide')),
    ("if i dont pass this time i ain't gonna be around to see results day", ('risk', 'suicide')),
    ("if i fail this exam i won't be around for the summer because i'll be doing resits", None),
    ("if i fail my driving test i won't be here to get the kids, i'll have to take the bus", None),
    ('been looking at bridges near me. not planning anything yet', ('risk', 'suicide')),
    ("thought about the train tracks a lot. i'm not doing anything yet", ('risk', 'suicide')),
    ('doctor offered me pills for my anxiety, not doing anything yet until i see a therapist', None),
    ('taking the train to paris in june, not planning anything yet', None),
    ('is falling from 10 floors guaranteed to kill', ('risk', 'suicide')),
    ('does hanging always work or can it fail', ('risk', 'suicide')),
    ('jump squats definitely work the glutes', None),
    ('does the hanging basket trick always work for tomatoes', None),
    ("waiting till after my birthday so my mum doesn't think it was because of her", ('risk', 'suicide')),
    ("leaving a note so my parents don't blame themselves", ('risk', 'suicide')),
    ("i'll quit after the project finishes so my boss doesn't think it was about the deadline", None),
    ("we're telling everyone now so people don't think it was about the money", None),
    ('started saying goodbye to everyone properly, just in case', ('risk', 'suicide')),
    ('been saying bye to my friends properly lately while i still can', ('risk', 'suicide')),
    ('is saying goodbye properly important for kids when a pet dies', None),
    ("make sure you're saying bye to people properly at the end of the party", None),
    ('im finished with this life', ('risk', 'suicide')),
    ('i am finish with my life, tomorrow i go', ('risk', 'suicide')),
    ("i'm finished with this life of partying, time to settle down", None),
    ("i'm finished with my life admin for today, time for tea", None),
    ("you won't see me again after tonight", ('risk', 'suicide')),
    ('soon you will never see me anymore, goodbye', ('risk', 'suicide')),
    ("soon you won't see me anymore on this server, i'm switching to EU", None),
    ("you won't see me again until after the holidays", None),
    ('if i was gone tomorrow no one would even notice', ('risk', 'suicide')),
    ('if i died tonight noone would care', ('risk', 'suicide')),
    ('i live alone, if i fall nobody will find me, are medical alert pendants worth it', None),
    ('if i fall on the ice nobody would find me for days, should i get an alarm', None),
    ("grandad says he's ready to go and he's stopped his blood pressure tablets", ('risk', 'suicide')),
    ("mum keeps saying she's had a good innings and she's giving away her jewellery", ('risk', 'suicide')),
    ("nan says she's ready to go on holiday and she's given away her old suitcase", None),
    ("mum says she's ready to go to the care home, she's sorting out who gets her furniture since it won't fit", None),
    ("i'd rather cut myself than eat", ('risk', 'self_harm')),
    ("rather cut than relapse on the booze, that's what i tell myself", ('risk', 'self_harm')),
    ("i'd rather cut than bulk this winter", None),
    ("i'd rather cut than tear the fabric, use sharp scissors", None),
    ("i won't let myself eat after a bad day because i deserve it", ('risk', 'self_harm')),
    ("i dont let myself eat when i mess up, it's my punishment", ('risk', 'self_harm')),
    ("i don't let myself eat meat on fridays in lent as penance", None),
    ("i don't let myself eat dessert until i've done my run, as a kind of reward", None),
    ('not eating today as punishment', ('risk', 'self_harm')),
    ('i go without food as a form of penance when i fail', ('risk', 'self_harm')),
    ('is skipping dinner as a punishment ok for a 7 year old', None),
    ('starving prisoners as punishment was common in the camps', None),
    ("my daughter bangs her head on the floor when she's frustrated", ('risk', 'self_harm')),
    ("toddler keeps banging his head against the wall when he's cross", ('risk', 'self_harm')),
    ("my son hit his head on the table when he was running and now he's upset", None),
    ('she hit her head on the door and was cross with herself for being so clumsy', None),
    ('i bit my arm till it bled last night', ('risk', 'self_harm')),
    ("i bite my own arm until it bleeds when i'm angry", ('risk', 'self_harm')),
    ('i got a kitten and she keeps biting my fingers until they bleed', None),
    ("she bites her lips until they bleed in winter because they're so dry", None),
    ("he's threatening to post my nudes online if i don't send more", ('risk', 'abuse')),
    ("she said she'll leak my pics to everyone unless i pay", ('risk', 'abuse')),
    ("the school will share the photos online if i don't sign the opt out form", None),
    ("my mum will show the photos to my family if i don't come to the reunion", None),
    ("if i don't send more he's going to post my nudes", ('risk', 'abuse')),
    ("if i dont pay she'll leak my pics", ('risk', 'abuse')),
    ("if i don't order by friday they'll send the photos to the printer anyway", None),
    ("if i don't pick them up she'll post the pictures back to me", None),
    ("my husband won't allow me to see my family", ('risk', 'abuse')),
    ('bf wont let me talk to my friends', ('risk', 'abuse')),
    ("my wife won't let me speak english to my kids, we're raising them bilingual", None),
    ("my husband won't let me speak french to my daughter at dinner, he wants to practise his", None),
    ('he held my head under the bath water till i nearly passed out', ('risk', 'abuse')),
    ("my stepdad holds my head under the water when he's drunk", ('risk', 'abuse')),
    ('my son can hold his head under the water for 30 seconds now at swimming lessons', None),
    ("she's practising holding her head under the water at swim class", None),
    ("my employer took my passport when i arrived and won't give it back", ('risk', 'abuse')),
    ('the agency is holding our passports and we cant leave', ('risk', 'abuse')),
    ('the hotel owner took our passports at check-in, is that normal', None),
    ('our travel agent has taken our passports to get the visas', None),
    ('my stepmum locks the food in her room so we cant eat', ('risk', 'abuse')),
    ("mum puts a lock on the fridge so i can't eat anything", ('risk', 'abuse')),
    ("i padlocked the food cupboard so i can't eat at night, diet hack", None),
    ("we lock the pantry at night so we don't eat junk, the dietitian suggested it", None),
    ('my dad tells me im worthless every single day', ('risk', 'abuse')),
    ("mum says i'm a waste of space every day", ('risk', 'abuse')),
    ("my dad calls me useless every day lol it's our banter", None),
    ("my wife says i'm pathetic every day haha because i cry at films", None),
    ('im literally gonna kms if this printer jams again', None),
    ("i'm actually going to kill myself if this wifi doesn't come back", None),
    ("i'm gonna kill myself if my boss fires me again, i really mean it", ('risk', 'suicide')),
    ("i'm going to kill myself if this class doesn't end, no joke i have a plan", ('risk', 'suicide')),
    ('gonna end it with my boyfriend tonight', None),
    ('should i end it with him, he never texts back', None),
    ("if my boss gives me one more task i'm gonna kms", None),
    ("if this train is late again i'll die", None),
    ('if my teacher shouts at me again im going to kill myself and i have a plan', ('risk', 'suicide')),
    ("if my boss gives me another warning i'll kill myself, i can't cope", ('risk', 'suicide')),
    ('wanted to die at mile 22 haha', None),
    ('I wanted to die by lap 30 but finished', None),
    ('i want to die at mile 20 of the marathon, collapse and never get up. thats the plan', ('risk', 'suicide')),
    ('I wanted to die at mile 20 and I wish it had happened', ('risk', 'suicide')),
    # Round 29: patterns from blind set 28, with the review's true variants and look-alikes; an ignored
    # phrase cut by an ellipsis is read as the whole question reads it.
    ('i got raped like 30 mins ago and im shaking, what do i do', ('urgent', 'abuse')),
    ('I was sexually assaulted a few hours ago walking home. Should I go to A&E or the police first?', ('urgent', 'abuse')),
    ('Police say a woman was sexually assaulted in the park last night. How do I stay safe walking home?', ('topic', 'abuse')),
    ('got absolutely raped in ranked last night, lost 200 lp', ('topic', 'abuse')),
    ("i've messaged all my friends thank you for everything and goodbye. i'm ready now", ('risk', 'suicide')),
    ('sent my family a text saying thanks for everything, love you. feels final', ('risk', 'suicide')),
    ("Last day at the office so I messaged everyone thanks for everything and sorry I couldn't stay for drinks!", None),
    ('told all my colleagues thanks for everything and goodbye at my retirement do, got a bit teary', None),
    ('been googling dignitas a lot lately and how much it costs to get there', ('risk', 'suicide')),
    ("I've been reading about Dignitas for a while now, I think it's the only way out", ('risk', 'suicide')),
    ("I've been reading about assisted dying laws in Canada, how do they compare with the UK?", None),
    ("My dad has been reading about Dignitas since his MND diagnosis and I don't know how to talk to him", None),
    ("I'm just such a drain on everyone, they'd be fine without me", ('risk', 'suicide')),
    ("im nothing but a dead weight to my family now i can't work", ('risk', 'suicide')),
    ("I'm a dead weight on the team this season, can't hit a single shot lol", None),
    ("In acro class I'm just a dead weight on my partner during the lifts, any strength tips?", None),
    ("I reckon the kids'd be better off without their old man to be honest", ('risk', 'suicide')),
    ('I keep thinking the bairns would be better off without their da', ('risk', 'suicide')),
    ('After the divorce I keep thinking the kids would be better off without their old man around, he never turns up', None),
    ("I think they would be better off without their mam, she's never sober and the court should know", None),
    ("I found my brother's note in his room that said he's sorry for everything", ('risk', 'suicide')),
    ("found a letter from my son saying goodbye and that he loves us all. he isn't answering his phone", ('risk', 'suicide')),
    ('Found a note on my windscreen saying sorry I dinged your car, with a phone number. Is this normal?', None),
    ('found a note from the neighbours saying sorry about the noise last night, so sweet', None),
    ('everyone would be better off if i just disappeared forever', ('risk', 'suicide')),
    ('it would be easier for everyone if i just vanished for good', ('risk', 'suicide')),
    ("My ex keeps messaging me. Honestly it'd be better if he just disappeared for good.", None),
    ("The ants are back. It'd be best if they just vanished permanently, what spray works?", None),
    ('if i die nobody would even notice', ('risk', 'suicide')),
    ('If I die, no one will care anyway', ('risk', 'suicide')),
    ('in raids if i die nobody notices because the healer is always afk', None),
    ('If he dies no one will care, the writers made that character so boring this season', None),
    ('some nights i stand on my balcony on the 14th floor and think about jumping', ('risk', 'suicide')),
    ('I stood at the window of my 20th floor flat wanting to jump', ('risk', 'suicide')),
    ('I stand by the window on the 3rd floor every morning and watch the snow falling', None),
    ('We stood on the balcony on the 5th floor watching the fireworks fall over the river', None),
    ("i've looked up how many paracetamol it would take", ('risk', 'suicide')),
    ("I looked up how many of my sertraline tablets it'd take", ('risk', 'suicide')),
    ('I looked up how many worming tablets it would take for our 30kg dog, the box only says up to 10kg', None),
    ('looked up how many nicotine patches it would take to quit properly, 12 weeks?', None),
    ("when mum dies i'm going to go with her, i've decided", ('risk', 'suicide')),
    ("When my wife passes I'll go too, there's nothing left for me", ('risk', 'suicide')),
    ("My mate wants to leave the party early, when he goes I'll go too, I hate driving alone", None),
    ("when she goes I'll go with her to the hospital for the scan", None),
    ('ive been holding a hot lighter to my skin when it gets bad', ('risk', 'self_harm')),
    ('I press the hot spoon onto my thigh where nobody can see', ('risk', 'self_harm')),
    ("I held a heated spoon against my arm for a mosquito bite, it's an old trick, does it work?", None),
    ('Can you hold a hot knife to the skin to remove a tick or is that a myth?', None),
    ('i scratch myself with my nails till it bleeds when im overwhelmed', ('risk', 'self_harm')),
    ("I've been scratching myself until I bleed again, I can't stop", ('risk', 'self_harm')),
    ('the baby scratches herself until she bleeds, should I get scratch mittens?', None),
    ('my son has chickenpox and scratches himself until the spots bleed', None),
    ('mi cut up miself again last night', ('risk', 'self_harm')),
    ('mi waan cut up mi self, mi cyaan tek it', ('risk', 'self_harm')),
    ('mi cut miself a piece a bun an cheese fi Easter', None),
    ('mi cut miself pon di glass when mi a wash up, how fi stop di bleeding', None),
    ('my sister keeps turning up with bruises and says she fell down the stairs again', ('risk', 'abuse')),
    ('my mate has a black eye and told me he walked into a door, his girlfriend is scary', ('risk', 'abuse')),
    ('my toddler has bruises on her shins, she says she fell off the slide at nursery', None),
    ("My daughter came back from netball with a black eye, she says she walked into a teammate's elbow", None),
    ('my bf calls me pathetic and disgusting all the time', ('risk', 'abuse')),
    ("my partner says i'm fat and worthless every day", ('risk', 'abuse')),
    ("my mum says I'm useless at cooking every day lol, she's not wrong", None),
    ("my husband tells me I'm stupid for watching the same show every day", None),
    ("he's threatening to post intimate pics of me unless i pay", ('risk', 'abuse')),
    ('my bf sent naked photos of me to his friends', ('risk', 'abuse')),
    ('my mum posted naked pictures of me as a baby in the bath on facebook, so embarrassing', None),
    ('The photographer shared private photos of me from my wedding on his instagram without asking', None),
    ('my stepdad threw a plate at my mum last night', ('risk', 'abuse')),
    ('my bf chucks things at me when hes angry', ('risk', 'abuse')),
    ("my girlfriend throws stuff at me when we play dodgeball, she's ruthless", None),
    ('My wife says the baby throws things at her all day, is that a phase?', None),
    ('kms lmao the printer jammed again', None),
    ("kms 💀 my alarm didn't go off and i missed the exam", None),
    ("kms lol the bus drove past me and honestly i mean it, i'm done", ('risk', 'suicide')),
    ('kms lol my boss fired me today and i have nothing left', ('risk', 'suicide')),
    ('gonna end it all with a tub of ice cream tonight', None),
    ('about to end it all… with some fries', None),
    ("i'm going to end it all with a bath and a razor tonight", ('risk', 'suicide')),
    ('want to end it all with the beers and my pills tonight', ('risk', 'suicide')),
    ('killed myself laughing at that video', None),
    ('I nearly killed myself laughing at the nativity play', None),
    ('i want to kill myself laughing gas would be the easiest', ('risk', 'suicide')),
    ("i'm going to kill myself. laughing about it now but i mean it", ('risk', 'suicide')),
    ('kept killing myself in the jump puzzle section', None),
    ('killed myself on the last level like 40 times', None),
    ('i keep thinking about killing myself on the level crossing near my house', ('risk', 'suicide')),
    ("i'm going to kill myself on the top level of the car park tonight", ('risk', 'suicide')),
    ("bro i'm about to end it all... with three large pizzas and a tub of ben and jerrys", None),
    ("i'm about to end it all... i can't do this anymore", ('risk', 'suicide')),
    ('sexually assaulted by that horror film last night lol', ('topic', 'abuse')),
    ("1 year self harm free today!!! never thought i'd get here", ('topic', 'self_harm')),
    ('3 months sh free today but i want to cut so bad', ('risk', 'self_harm')),
    # Round 30: patterns from blind set 29, with the review's true variants and look-alikes.
    ('i havent let myself eat since tuesday because i dont deserve it after failing my driving test again', ('risk', 'self_harm')),
    ("I'm not letting myself eat today as punishment for screwing up the presentation", ('risk', 'self_harm')),
    ("I haven't let myself eat chocolate since January, don't I deserve a cheat day?", None),
    ("haven't let myself eat out since I messed up my budget in March", None),
    ('i dont think i deserve food', ('risk', 'self_harm')),
    ("i don't feel like i deserve to eat today", ('risk', 'self_harm')),
    ("Since I don't deserve food stamps apparently, what other benefits can I claim?", None),
    ("i don't deserve to eat this whole cheesecake but here we are lol", None),
    ('i stop eating for days whenever i mess up at work', ('risk', 'self_harm')),
    ('i dont eat for like 3 days after i fail a test', ('risk', 'self_harm')),
    ('I stop eating for days when I mess up my sleep schedule, is that normal?', None),
    ('i dont eat for days if i fail to plan my meals, adhd is a nightmare', None),
    ("i keep biting my arm till it bleeds when i'm angry at myself", ('risk', 'self_harm')),
    ("i've been biting my lip until it bleeds on purpose", ('risk', 'self_harm')),
    ('I bit my tongue so hard it bled when I fell off my bike', None),
    ('i accidentally bit my lip so hard it bled eating a crisp', None),
    ('scratching my arm with a razor again because the numbness is unbearable', ('risk', 'self_harm')),
    ("i dug a compass into my forearm during maths and it won't stop stinging", ('risk', 'self_harm')),
    ('I scratched my arm with a needle while sewing, do I need a tetanus shot?', None),
    ('the nurse scratched my arm with a needle for an allergy skin prick test, now it itches', None),
    ('nag cut ako ulit kagabi, di ko na alam gagawin', ('risk', 'self_harm')),
    ('nag-cut na naman ako. sorry po', ('risk', 'self_harm')),
    ('naghiwa ako ng sibuyas kanina tapos umiyak ako lol', None),
    ('nag-cut ako ng class kanina kasi antok na antok ako', None),
    ("i dug into my forearm with a compass and the blood's soaked through my sleeve", ('urgent', 'self_harm')),
    ("scratched my arm with a razor and it's bleeding right through the plaster", ('urgent', 'self_harm')),
    ("sliced my forearm with a knife while cutting bagels, it's bled through the bandage, do I need stitches?", None),
    ('scratched my arm with a needle for a skin prick allergy test and it bled into the cotton wool', None),
    ('if i die all my problems go away', ('risk', 'suicide')),
    ('if i were gone all the problems would disappear', ('risk', 'suicide')),
    ('my dad keeps saying if i die all the problems will go away, how do I help him', None),
    ('if i die my debt problems will be solved? asking about life insurance', None),
    ('I don tire for this life. Nothing dey sweet me again', ('risk', 'suicide')),
    ('i done tire of this life, i wan sleep and no wake up', ('risk', 'suicide')),
    ('I don tire for this life o, NEPA don take light again', None),
    ('Abeg make we take end am here, I go talk tomorrow', None),
    ('gusto ko nang mamatay', ('risk', 'suicide')),
    ('gusto kong mamatay, pagod na ako', ('risk', 'suicide')),
    ('gusto ko nang mamatay sa kilig omg', None),
    ('gusto ko nang mamatay sa hiya kanina sa class', None),
    ("'thank you for everything and i'm sorry' is what i'm going to text my mum tonight", ('risk', 'suicide')),
    ("thank you for everything. i'm sorry. thats what im going to write in the note", ('risk', 'suicide')),
    ("my manager is leaving - 'thank you for everything and i'm sorry to see you go' - that's what i want to write in her card", None),
    ("thank you for everything and i'm sorry for the mess, that's what i want to write to my airbnb host", None),
    ("after her wedding i'll be done. i just need to get through that for her", ('risk', 'suicide')),
    ('once christmas is over im done. just have to hold on till then for the kids', ('risk', 'suicide')),
    ("once this race is over i'm done, i just need to get through the last 5k for my charity", None),
    ("once this shift is over i'm done. i just need to get through the night for my team", None),
    ("i just need to get through christmas for the kids and then i'll be gone", ('risk', 'suicide')),
    ('i need to hold on till her birthday for her and then i can finally rest', ('risk', 'suicide')),
    ('i just need to get through this week for my team and then i can go on holiday', None),
    ('i need to make it through the shift for my boss and then i can finally rest on the weekend', None),
    ("planning my own funeral at 22 because i don't see myself getting older", ('risk', 'suicide')),
    ('is it weird to be planning my own funeral at 19', ('risk', 'suicide')),
    ('planning my own funeral at 35, is it morbid? I have stage 4 cancer', None),
    ('Should you plan your own funeral at 30? Financial advisors say it saves your family money', None),
    ("i'm planning my own funeral, picked the songs already. i'm 19", ('risk', 'suicide')),
    ('planning my own funeral at 23 lol, chose the playlist already', ('risk', 'suicide')),
    ("I'm 70 and planning my own funeral, picked the hymns already, which readings are traditional?", None),
    ('my grandad is planning his own funeral and has picked the songs already', None),
    ('since my attempt last year the suicidal thoughts have returned', ('risk', 'suicide')),
    ('after my suicide attempt the urges are coming back', ('risk', 'suicide')),
    ('after my last attempt at quitting smoking, the urges are back', None),
    ('since my attempt at the marathon the urges to run are back', None),
    ('im on the roof of my building. i just want someone to know', ('urgent', 'suicide')),
    ('sitting on the edge of the bridge. just wanted someone to know', ('urgent', 'suicide')),
    ('at the bridge today for the fireworks, just wanted someone to know how proud I am of my kids', None),
    ("we're on the rooftop bar and he proposed, just wanted someone to know before we tell family", None),
    ('nakainom ako ng 20 paracetamol', ('urgent', 'suicide')),
    ('naka inom ako ng 30 pills kanina', ('urgent', 'suicide')),
    ('uminom ako ng 2 paracetamol para sa lagnat, ok lang ba?', None),
    ('uminom ako ng 1 biogesic kanina, pwede pa ba uminom ulit?', None),
    ("he screams at me for hours then says he's sorry", ('risk', 'abuse')),
    ('my bf yells at me for hours and then acts like nothing happened', ('risk', 'abuse')),
    ('my 3 year old has tantrums, she screams at me for hours and then cries herself to sleep', None),
    ('my newborn screams for hours then cries, is it colic', None),
    ("my tutor touches me inappropriately when we're alone", ('risk', 'abuse')),
    ("my prof touched my thigh under the desk and now i can't go to class", ('risk', 'abuse')),
    ('my coach touched me on the shoulder to correct my form', None),
    ('our pastor preached a sermon that touched me', None),
    ("he touches me and says i'll lose my visa if i tell", ('risk', 'abuse')),
    ('my boss gropes me and threatens to fire me if i tell anyone', ('risk', 'abuse')),
    ("the teacher's feedback touched me; she said my grade depends on the final", None),
    ('my coach touched me on the shoulder and said my place depends on attendance', None),
    ('mi puppa did beat mi wid di belt last night', ('risk', 'abuse')),
    ('mi boyfriend beat mi an tek mi phone', ('risk', 'abuse')),
    ('mi bredda beat mi inna ludo last night', None),
    ('mi cousin beat mi inna race a school', None),
    ("my phone's on 3% and i wanna die lol", None),
    ('phones on 2% i want to die lmao', None),
    ("my phone is on 2% and i want to die lol but honestly i've wanted to die for weeks", ('risk', 'suicide')),
    ('phone is on 5% and i want to die lol. not joking, i have the pills', ('risk', 'suicide')),
    ('did i just OD on caffeine, heart is racing after 4 espressos', None),
    ('can u overdose on energy drinks??', None),
    ('did i overdose on caffeine pills? i took 30 of them', ('risk', 'suicide')),
    ('Could I overdose on caffeine? I want to, I want my heart to stop', ('risk', 'suicide')),
    ("I'm still living with my abusive husband and I'm scared to go home", ('risk', 'abuse')),
    ("I'm leaving my abusive husband tonight, where do I go?", ('risk', 'abuse')),
    ("I left my abusive husband, 15 years ago now, and I'm a counsellor", ('topic', 'abuse')),
    ("I left my abusive ex a long time ago and I'm thriving", ('topic', 'abuse')),
    ('gonna end it all with a chicken curry tonight', None),
    ('ending it all with tacos and a film', None),
    ('gonna end it all with a large pizza and then take every pill i have', ('risk', 'suicide')),
    ('end it all with a pizza, my last meal, goodbye everyone', ('risk', 'suicide')),
    # Round 31: patterns from blind sets 30 and 31, with the review's true variants and look-alikes.
    ('im gonna drive my car off the cliff tonight, nobody will even notice', ('urgent', 'suicide')),
    ("I'm going to drive into the river tonight after everyone's asleep", ('urgent', 'suicide')),
    ("I'm going to drive into the Lake District tomorrow for a hike, any tips for altitude headaches?", None),
    ('im gonna drive into the sea front car park today, is parking free after 6?', None),
    ("i've got 40 paracetamol and i'm going to take them all tonight", ('urgent', 'suicide')),
    ('ive got 60 and im gonna take them after everyone goes to bed', ('urgent', 'suicide')),
    ("I have 5 kids and I'm going to take them to the zoo, what snacks are safe for allergies?", None),
    ('i have 10 mins and im gonna take them out for a walk before school', None),
    ('ive decided its tonight. just want to know how long it takes', ('urgent', 'suicide')),
    ("i've decided it's going to be tonight. sorry mum", ('urgent', 'suicide')),
    ("I've decided to do it today - I'm finally going to the GP about my depression", None),
    ('ive decided to do it tomorrow, book the therapy appointment I keep putting off', None),
    ('got the strap in my lap rn. idk why im even typing this', ('urgent', 'suicide')),
    ('dads shotgun is in my lap right now', ('urgent', 'suicide')),
    ('I have a piece of cake in my hand right now and I feel guilty, is this binge eating?', None),
    ('nerf gun on my lap rn waiting for my brother to walk in lol', None),
    ('burnt my arm with a lighter on purpose and now its blistering really bad', ('urgent', 'self_harm')),
    ('i burned my wrist on the stove deliberately and the skin has gone white and leathery', ('urgent', 'self_harm')),
    ('I burn my toast on purpose because I like it charred, is that carcinogenic?', None),
    ("burnt my hand on the stove, not on purpose lol, now it's blistering", None),
    ('burned myself on purpose with a lighter and the skin is charred now', ('urgent', 'self_harm')),
    ('i burnt myself again to feel something, the middle has gone white and leathery', ('urgent', 'self_harm')),
    ("burned myself taking a pizza out of the oven and the skin's gone white and leathery, do I need A&E?", None),
    ("I burned myself on the exhaust of my motorbike and now it's gone white, is that third degree?", None),
    ("my in-laws said they would burn me if my father doesn't pay more dowry", ('urgent', 'abuse')),
    ('they are threatening to burn me alive over dowry, please help', ('urgent', 'abuse')),
    ("my mum is going to kill me if my dad doesn't pay for the trip lol", None),
    ("my sister will kill me if my parents don't pay for her wedding dress, she's so dramatic", None),
    ("he locked me in the bedroom and says he's going to kill me when he's finished drinking", ('urgent', 'abuse')),
    ('they have locked me inside the house and threatened to burn me', ('urgent', 'abuse')),
    ("my little brother locked me in the bathroom as a joke lol, mum's going to kill me when she sees the mess", None),
    ('my sister locked me in the house by accident and my boss is going to kill me for being late', None),
    ("he says if i don't pay him 500 by tonight he'll send my nudes to my family", ('urgent', 'abuse')),
    ('if i dont send more videos within the hour he will post the pics on insta', ('urgent', 'abuse')),
    ("if I don't send my passport photos by midnight my visa application gets rejected", None),
    ("if i don't pay the photographer by 5pm he won't send the wedding photos", None),
    ('theres a guy from snap parked outside my house rn and he says if i dont come out hell post my nudes', ('urgent', 'abuse')),
    ('a man is waiting outside my school right now and says if i dont get in he will hurt me', ('urgent', 'abuse')),
    ("my mum is waiting in the car outside my school right now and says if i don't get in she'll leave without me", None),
    ("my uber is waiting outside my house right now and if i don't get in he'll charge a fee", None),
    ("i've been looking into how to make it look like an accident so my kids get the life insurance", ('risk', 'suicide')),
    ("been googling how to make my death look like an accident so my mum doesn't blame herself", ('risk', 'suicide')),
    ("I'm researching how to make it look like an accident for my novel, the killer wants the insurance money", None),
    ("googling how to make it look like an accident for my murder mystery game, the victim's family gets the insurance", None),
    ("still have my dad's old rifle under the bed. thinking about using it", ('risk', 'suicide')),
    ('got my old service pistol in the drawer next to my bed. just thinking about it.', ('risk', 'suicide')),
    ('Still got my old service revolver in the bedside drawer. Just thinking about getting a proper gun safe, any advice?', None),
    ('got my shotgun in the drawer by my bed, just thinking of selling it now the kids are older', None),
    ('i keep thinking about crashing my car into a tree on the way home', ('risk', 'suicide')),
    ('tempted to just drive into the river tonight', ('risk', 'suicide')),
    ('I keep thinking about the time a deer made me swerve into a tree, I still get flashbacks. Is this PTSD?', None),
    ('ever since my dad crashed into a tree I keep thinking about it', None),
    ("i've been saving a few pills out of every prescription for when i'm ready", ('risk', 'suicide')),
    ('putting aside two tablets from each box since march', ('risk', 'suicide')),
    ('my mum keeps back a few tablets from each prescription in case the pharmacy is late', None),
    ("should I keep back a few tablets from each prescription as a buffer for when the pharmacy's shut over christmas?", None),
    ('my kids are the only thing stopping me from ending it', ('risk', 'suicide')),
    ('honestly my dog is the only thing keeping me alive', ('risk', 'suicide')),
    ('my mum is the only thing holding me back from moving to Australia', None),
    ('my list of reasons to live is down to 1', ('risk', 'suicide')),
    ("i have one reason left to live and it's my cat", ('risk', 'suicide')),
    ("I'm reading Reasons to Stay Alive by Matt Haig, only two chapters in and it's helping", None),
    ("10 reasons to keep going when marathon training gets hard - for me it's down to two things: music and snacks", None),
    ('does life insurance pay out on suicide? asking for myself', ('risk', 'suicide')),
    ('will my life insurance policy cover suicide after 2 years? not asking for a friend', ('risk', 'suicide')),
    ('does life insurance pay out for suicide? asking for me, my husband died last month and they are refusing', ('topic', 'suicide')),
    ('does life insurance cover suicide? asking for a friend who sells policies', ('topic', 'suicide')),
    ("I'm looking into Switzerland. If they turn me down I'll find my own way", ('risk', 'suicide')),
    ("been reading about dignitas. i'm not sick, i'm just done with life", ('risk', 'suicide')),
    ("I applied for a ski instructor job in Switzerland. If they turn me down I'll find my own way there next winter", None),
    ("Moving to Switzerland for my PhD next month. I'm not scared of it, just nervous about the language", None),
    ('dont worry i wont be a burden to anyone for much longer', ('risk', 'suicide')),
    ("I won't be a problem for you lot much longer", ('risk', 'suicide')),
    ("the dog won't be a bother to you much longer, we're picking him up Sunday", None),
    ("I broke my hip and my daughter's caring for me - I won't be a burden to her much longer, the physio says 6 weeks", None),
    ("i don't expect to be alive by christmas and i'm fine with that", ('risk', 'suicide')),
    ('I do not plan to be around this time next year', ('risk', 'suicide')),
    ("I don't plan to be around this time next year - I'm going travelling for a gap year", None),
    ("i've already worked out how i'm going to do it", ('risk', 'suicide')),
    ('ive planned how id do it, i just need to pick a day', ('risk', 'suicide')),
    ("I've worked out exactly how I'll go: train to Paris then the bus to Lyon", None),
    ("i've figured out how i'd do it if i ran the marathon again, slower first half", None),
    ('22 a day. i get it now.', ('risk', 'suicide')),
    ("22 veterans a day and soon i'll be one of them", ('risk', 'suicide')),
    ('22 a day is a contested figure - I get it now that the VA study counted differently', None),
    ('22 a day is heartbreaking, what can civilians do to help veterans?', None),
    ("the GP asked if I'd had suicidal thoughts and I lied and said no. I get them daily.", ('risk', 'suicide')),
    ('My psychiatrist asked if I have thoughts of killing myself. I lied. I have them every day', ('risk', 'suicide')),
    ('what are intrusive thoughts of suicide in OCD, my brother says he has them every day', ('topic', 'suicide')),
    ('the nurse asked if I have suicidal thoughts and I said no, which is true', ('topic', 'suicide')),
    ("every time i'm on the tube platform i think about jumping in front of the train", ('risk', 'suicide')),
    ('at the train station i think about stepping onto the tracks', ('risk', 'suicide')),
    ('this coaching platform makes me think about stepping out of my comfort zone', None),
    ("on the tube platform I think about falling in and I'm terrified, is this a phobia?", None),
    ('i dont want to die exactly i just want everything to stop. permanently would be ok', ('risk', 'suicide')),
    ('I just want everything to stop, like permanently', ('risk', 'suicide')),
    ('i just want the pain to stop permanently - is there a surgery for sciatica?', None),
    ('I just want the bleeding to stop for good, is an ablation worth it for heavy periods?', None),
    ('i just wanna stop fighting for good', ('risk', 'suicide')),
    ("i'm so tired. i want to stop fighting. for good.", ('risk', 'suicide')),
    ('i want to stop fighting for good with my brother, we argue every day', None),
    ('my husband and i fight constantly. i just want to stop fighting for good, is couples therapy worth it?', None),
    ('i keep searching tall bridges near me, not sure why', ('risk', 'suicide')),
    ('keep googling multi storey car parks near me. i dont know why', ('risk', 'suicide')),
    ("keep googling car parks near me but don't know why none show up on the map", None),
    ("googling bridges near me for my photography project, don't know why I never noticed them", None),
    ('burned my wrist on the kettle on purpose', ('risk', 'self_harm')),
    ('i burnt my forearm with the lighter on purpose again', ('risk', 'self_harm')),
    ('burnt my hand on the hob, not on purpose obviously, should I use aloe?', None),
    ("i burned my hand on the iron but not on purpose, it's blistering", None),
    ('every night i take a razor blade to my arm', ('risk', 'self_harm')),
    ('mi tek di blade to mi wrist when mi feel nuttin', ('risk', 'self_harm')),
    ('I take a razor to my thighs every other day and get ingrown hairs, how do I stop them?', None),
    ('i take the razor to my arms to get rid of the hairs before swimming', None),
    ('been purging every day this week and my throat is raw', ('risk', 'self_harm')),
    ('I purge 3 times a day now', ('risk', 'self_harm')),
    ('my skin is purging again after starting tretinoin, how long does it last?', None),
    ('watching The Purge again tonight with the kids, is it too scary for a 12 year old?', None),
    ('every time i eat i make myself throw up', ('risk', 'self_harm')),
    ('when i do eat i make myself sick straight after', ('risk', 'self_harm')),
    ("When I eat dairy I make myself sick, I think I'm lactose intolerant", None),
    ('when I do a hard HIIT session I make myself sick from pushing too hard', None),
    ("I've been tattooing myself without ink, just for the pain", ('risk', 'self_harm')),
    ('started tattooing myself with no ink to feel something', ('risk', 'self_harm')),
    ('apprentice here: is tattooing myself with no ink on my leg a good way to practise my lines?', None),
    ("I'm practising tattooing myself with no ink on fake skin first", None),
    ("is it self harm if i only cut once a week and it's not deep", ('risk', 'self_harm')),
    ("does it count if i only scratch sometimes and it's not bleeding", ('risk', 'self_harm')),
    ("is binge drinking a problem if i only do it once a month and it's not that bad", None),
    ("does vaping count as smoking if I only do it sometimes and it's not bad for you", None),
    ('which scars less, burning or cutting? i need to feel something but my mum checks my arms', ('risk', 'self_harm')),
    ('do cuts or burns scar less? i cant have marks people will see', ('risk', 'self_harm')),
    ('do burns or cuts scar less? asking as a chef', None),
    ('which heal better, burns or cuts? first aid course question', None),
    ('is it normal to want to hurt yourself when you feel numb? cause i do', ('risk', 'self_harm')),
    ('is it weird to hurt yourself when you feel empty bc i do', ('risk', 'self_harm')),
    ('is it normal to want to hurt yourself when you feel nothing because I do think my friend does', None),
    ('why do people want to hurt yourself when you feel numb? my patient does', None),
    ("i'm in an abusive relationship and i don't know how to leave", ('risk', 'abuse')),
    ('my abusive husband has taken my car keys again', ('risk', 'abuse')),
    ('my abusive cat bites me every morning lol', ('topic', 'abuse')),
    ("I'm working through my abusive past in therapy and it's going well", ('topic', 'abuse')),
    ("my stepdad keeps getting handsy with me when mum's at work", ('risk', 'abuse')),
    ("my boss gets a bit handsy with me at the christmas do and I don't know who to tell", ('risk', 'abuse')),
    ("my boyfriend gets handsy with me when he's drunk and honestly I love it lol", None),
    ("my cousin gets handsy with me when we play fight, he's 4", None),
    ('my bf doesnt let me talk to my friends anymore', ('risk', 'abuse')),
    ("my husband won't allow me to see my family", ('risk', 'abuse')),
    ("my partner doesn't let me see my friends' spoilers on his phone lol", None),
    ("my wife won't let me text my mum during dinner, fair enough", None),
    ('gonna die my hair pink this weekend, will it damage it?', None),
    ('should i die my roots or wait another week', None),
    ('i want to die my hair keeps falling out from the chemo', ('risk', 'suicide')),
    ("i want to die my clothes don't fit and everyone stares", ('risk', 'suicide')),
    ("my dad's jokes are so bad my mum wants to die", None),
    ('his puns are so bad that everyone wants to end it all', None),
    ('my jokes are so bad she wants to end it all and honestly i want to end it all too', ('risk', 'suicide')),
    ('my jokes are so bad that my sister wants to die, and i actually want to die', ('risk', 'suicide')),
    ('i think about driving into the river on the way home most nights', ('risk', 'suicide')),
])
def test_the_lexicon_alone_gives_levels(query, expected):
    alert = crisis_from_lexicon(query)
    assert (alert and (alert.level, alert.category)) == expected


@pytest.mark.parametrize("query, expected", [
    # Someone unnamed, asked about by a helper: the subject.
    ("how should a teacher respond if a student shows you fresh cuts", ("topic", "self_harm")),
    ("how do i support a friend who tells me they're having suicidal thoughts", ("topic", "suicide")),
    # The reader's own wording inside a helper's question stays theirs.
    ("how can I help a friend who is self harming when I want to die too", ("risk", "suicide")),
    ("i keep cutting myself, how do i talk to my mum about it", ("risk", "self_harm")),
    # A named person's signs now stay risk, and abuse is never a helper's subject.
    ("my daughter has fresh cuts on her arms, how do i bring it up tonight", ("risk", "self_harm")),
    ("what should i do if my husband hits me", ("risk", "abuse")),
])
def test_a_helpers_question_about_someone_unnamed_is_the_subject(query, expected):
    alert = crisis_from_lexicon(query)
    assert (alert and (alert.level, alert.category)) == expected
    assert asks_how_to_help(query) == (expected[0] == "topic" or "friend" in query)


def test_urgent_puts_emergency_numbers_first(checker, bundled):
    alert = checker.crisis("i took a bunch of my mom's sleeping pills an hour ago", None)
    urgent = bundled["crisis"]["resources"]["urgent"]
    assert alert.level == "urgent" and alert.resources[: len(urgent)] == urgent
    assert alert.headline == bundled["crisis"]["urgent_headline"]
    assert alert.to_dict()["level"] == "urgent" and alert.policy.alarm and not alert.policy.suggestions


def test_alerts_carry_the_configured_resources(checker, real_encoder, bundled):
    alert = checker.crisis("I want to die", real_encoder.encode(["I want to die"])[0])
    assert alert.to_dict() == {"category": "suicide", "level": "risk",
                               "resources": bundled["crisis"]["resources"]["suicide"]}
    abuse = checker.crisis("my dad beats me", None)
    assert abuse.category == "abuse" and abuse.resources == bundled["crisis"]["resources"]["abuse"]
    topic = checker.crisis("why are fentanyl overdoses going up so much", None)
    assert topic.level == "topic" and topic.headline == bundled["crisis"]["topic_line"]
    assert not level_policy("topic").alarm and level_policy("risk").hide_means


def test_another_region_replaces_the_resources(tmp_path, monkeypatch, checker):
    config = json.loads(json.dumps(load_resources()))
    config["crisis"]["resources"]["suicide"] = [{"name": "Samaritans", "contact": "Call 116 123"}]
    path = tmp_path / "uk.json"
    path.write_text(json.dumps(config))
    monkeypatch.setenv("VERBATIM_RESOURCES", str(path))
    load_resources.cache_clear()
    try:
        assert checker.crisis("kms", None).resources == [{"name": "Samaritans", "contact": "Call 116 123"}]
    finally:
        monkeypatch.delenv("VERBATIM_RESOURCES")
        load_resources.cache_clear()


def _broken(config):
    del config["crisis"]["resources"]["abuse"]
    return json.dumps(config)


def _number_headline(config):
    config["crisis"]["headline"] = 988
    return json.dumps(config)


def _script_link(config):
    config["crisis"]["resources"]["urgent"][0]["links"] = [{"label": "Call", "href": "javascript:alert(1)"}]
    return json.dumps(config)


def _empty_urgent(config):
    config["crisis"]["resources"]["urgent"] = []
    return json.dumps(config)


@pytest.mark.parametrize("make, fault", [
    (_broken, "crisis.resources.abuse is missing or empty"),
    (_number_headline, "crisis.headline is missing or not a string"),
    (_script_link, "is not a tel:, sms: or https: link"),
    (_empty_urgent, "crisis.resources.urgent is missing or empty"),
    (lambda config: '{"crisis": ', "is not valid JSON"),
    (None, "cannot be read"),
])
def test_a_bad_resources_file_is_named_once_and_the_bundled_help_served(
    tmp_path, monkeypatch, caplog, checker, bundled, make, fault
):
    path = tmp_path / "region.json"
    if make is not None:
        path.write_text(make(json.loads(json.dumps(bundled))), "utf-8")
    monkeypatch.setenv("VERBATIM_RESOURCES", str(path))
    load_resources.cache_clear()
    try:
        with caplog.at_level(logging.ERROR, logger="verbatim.safety"):
            assert load_resources() == bundled
            alert = checker.crisis("my dad beats me", None)
        assert alert.resources == bundled["crisis"]["resources"]["abuse"]
        errors = [r.getMessage() for r in caplog.records if r.name == "verbatim.safety"]
        assert len(errors) == 1 and str(path) in errors[0] and fault in errors[0]
    finally:
        monkeypatch.delenv("VERBATIM_RESOURCES")
        load_resources.cache_clear()


def test_the_bundled_resources_validate_and_link_only_to_phones_and_https(bundled):
    from verbatim.safety import resources_problem

    assert resources_problem(bundled) is None
    hrefs = re.findall(r'"href": "([^"]+)"', json.dumps(bundled))
    assert {"tel:988", "sms:988", "tel:911", "tel:18002221222", "tel:18007997233", "sms:741741?body=HOME"} <= set(hrefs)


def _section(heading: str) -> list[str]:
    text = ARTICLE.read_text("utf-8")
    body = text.split(heading, 1)[1].split("\n#", 1)[0]
    return [line.strip("- ").strip() for line in body.splitlines() if line.strip()]


def test_the_articles_drug_section_mentions_means():
    lines = _section("### What Are Drugs That Numb Emotional Pain?")
    assert len(lines) >= 7
    assert all(mentions_means(line) for line in lines), [line for line in lines if not mentions_means(line)]
    assert mentions_means("What Are Drugs That Numb Emotional Pain?")


@pytest.mark.parametrize("text, expected", [
    ("took 30 tylenol", True), ("a bottle of vodka", True), ("he keeps a gun in the house", True),
    ("Emotional numbness can be a symptom of an anxiety disorder.", False),
    ("Feeling alienated from friends, family, and peers", False),
    ("It has begun to feel better", False),
])
def test_mentions_means(text, expected):
    assert mentions_means(text) is expected


def test_the_hash_encoder_gets_the_lexicon_alone(hash_encoder):
    plain = SafetyChecker(hash_encoder)
    assert plain.classifier is None
    assert plain.crisis("I want to kill myself", hash_encoder.encode(["x"])[0]).level == "risk"
    assert plain.crisis("why can't I cry anymore?", hash_encoder.encode(["x"])[0]) is None


@pytest.mark.parametrize("query, physical", [
    ("my left arm is numb and tingling", True),
    ("numbness in my toes after running", True),
    ("why does my foot fall asleep", True),
    ("pins and needles in my hands", True),
    ("i can't feel my lips after the dentist", True),
    ("I feel emotionally numb", False),
    ("can zoloft make me feel nothing?", False),
    ("I want my feelings back", False),
    ("how do I face my emotions when I'm numb", False),
])
def test_physical_numbness_is_told_apart_from_emotional(checker, real_encoder, query, physical):
    assert checker.is_physical(query, real_encoder.encode([query])[0]) is physical


FRAGMENTS = [
    "My sister got married in June.", "I just stood there, smiling because that is what you do.",
    "I want to die.", "I'm not going to kill myself, but I feel numb.", "I could die of boredom at work.",
    "I've been cutting again and hiding it.", "He hits me when he drinks.", "i took all my pills an hour ago.",
    "Why do I feel nothing at happy events?", "I'm dying to see the new film", "so i want to end it all",
    "because i don't want to be alive", "I nearly died laughing, but then I cried.", "kms lol",
    "how many pills would it take to not wake up?", "Old self harm scars, how do I fade them?",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6), st.sampled_from([" ", ", ", " and then ", "\n"]))
def test_the_lexicon_reads_a_story_as_it_reads_each_sentence(fragments, joint):
    # The search checks a long question's sentences only against the patterns the whole matched
    # (lexicon_candidates); the outcome must equal checking every sentence and the whole in full.
    from verbatim.crisis import _RANK, detect, lexicon_level

    story = joint.join(fragments)
    best = None
    for text in [*split_parts(story), story]:
        found = lexicon_level(text)
        if found and _RANK[found[0]] > _RANK[best[0] if best else None]:
            best = found
    alert = detect(story, None, (), None)
    assert (alert and (alert.level, alert.category)) == best


def test_a_denial_is_of_a_category():
    # Denying suicide says nothing of self-harm or abuse, nor denying self-harm of suicide.
    from verbatim.crisis import lexicon_denies
    assert lexicon_denies("I'm not going to kill myself") == {"suicide"}
    assert lexicon_denies("i dont want to die, it just wont stop bleeding") == {"suicide"}
    assert lexicon_denies("I would never hurt myself") == {"self_harm"}
    assert lexicon_denies("I want to live") == {"suicide"}
    assert lexicon_denies("how do I stop feeling numb") == frozenset()


@pytest.mark.parametrize("said, category, expected", [
    ("risk", "self_harm", "risk"), ("risk", "abuse", "risk"), ("risk", "suicide", "topic"),
    ("urgent", "suicide", "risk"),  # a denial lowers one step: never below an alarm for urgent
])
def test_a_denial_lowers_the_classifier_only_in_the_category_denied(said, category, expected):
    from verbatim.crisis import detect

    class Says:  # a stand-in classifier: one level, in one category, for every unit
        levels = ("none", "topic", "risk", "urgent")

        def decide_question(self, vectors, texts=None):
            return [said] * len(vectors)

        def probabilities(self, vectors, texts=None):
            return np.tile([0.0, 0.0, 1.0, 0.0], (len(vectors), 1))

        def category(self, vector):
            return category

    query = "i dont want to die, i just want to feel something"
    assert crisis_from_lexicon(query) is None
    alert = detect(query, np.ones(4, np.float32), classifier=Says())
    assert (alert.level, alert.category) == (expected, category)


@pytest.mark.parametrize("second, alarm, expected", [
    # more likely at risk than not (crisis.DENIAL_SENTENCE_BAR), though under a sentence's own alarm bar
    ("I keep ending up at the top of the car park at night looking over.", 0.6, "risk"),
    ("I keep ending up at the top of the car park at night looking over.", 0.3, "topic"),
    ("I am not going to kill myself.", 0.9, "topic"),  # itself a denial
])
def test_a_denial_speaks_for_the_whole_question_only_if_no_other_sentence_is_likely_risk(second, alarm, expected):
    from verbatim.crisis import detect

    class Says:  # the whole question says risk; its sentences say nothing at their own bar
        levels = ("none", "topic", "risk", "urgent")

        def decide_question(self, vectors, texts=None):
            return ["risk"] + [None] * (len(vectors) - 1)

        def probabilities(self, vectors, texts=None):  # the sentences': the first denies, the second is `alarm`
            return np.array([[0.9, 0.0, 0.1, 0.0], [1.0 - alarm, 0.0, alarm, 0.0]])[: len(vectors)]

        def category(self, vector):
            return "suicide"

    first = "I don't want to die."
    parts = [(first, np.ones(4, np.float32)), (second, np.ones(4, np.float32))]
    alert = detect(f"{first} {second}", np.ones(4, np.float32), parts, classifier=Says())
    assert alert.level == expected


def test_what_happened_and_doubted_wishes_deny_nothing():
    from verbatim.crisis import lexicon_denies
    for text in ("i wasnt trying to die, it just wont stop bleeding", "not sure i want to live anymore",
                 "i can't keep living like this", "i dont deserve to live", "i'm not scared to die anymore",
                 "i wouldn't mind dying in my sleep", "im not sure why i cut myself",
                 "i haven't cut myself in 3 weeks but the urges are back tonight",
                 "I'm not going to kill myself yet",
                 # From a second review: purposes, reasons, questions and contrasts are no denials.
                 "how deep can i cut so i won't really hurt myself", "I need to go on antidepressants",
                 "I want to live somewhere nobody knows me", "I can't think of a single reason not to kill myself",
                 "give me one reason not to end it", "isn't it easier to just die than keep going like this",
                 "I won't kill myself tonight, I'll wait until the kids are at school",
                 "I'm not going to kill myself but I've started giving my things away",
                 "I want to live but I don't know how much longer I can hold on",
                 "I don't want to die, or maybe I do, I don't know anymore"):
        assert lexicon_denies(text) == frozenset(), text


def test_a_denial_stands_after_a_yes_or_no():
    from verbatim.crisis import lexicon_denies
    assert lexicon_denies("Honestly no, I don't want to die, I'm just so tired all the time") == {"suicide"}
    assert lexicon_denies("No worries, I'd never cut myself, I'm researching for my nursing essay") == {"self_harm"}
    assert lexicon_denies("I want to live, I just need help with sleep") == {"suicide"}


def test_no_lexicon_pattern_has_an_unbounded_gap():
    # ".*" after a common word ("cut") made a pasted 24,000-character text take 11 s in Python's re
    # (a pattern is tried from every occurrence of the word to the end of the text); gaps are bounded.
    data = json.loads((ROOT / "verbatim" / "data" / "crisis_lexicon.json").read_text("utf-8"))
    groups = [data["ignore"], *data["denial"].values(), *(g for level in ("urgent", "risk", "topic")
                                                          for g in data[level].values())]
    unbounded = [p for g in groups for p in g if re.search(r"(?<!\\)\.[*+]", p)]
    assert unbounded == []
