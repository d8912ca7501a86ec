import json, re, random, shutil, collections
ART = open('/work/main/corpus/emotional-numbness.md', encoding='utf-8').read()
U = {}
for _l in open('/work/shared/data/counsel-chat/questions.jsonl', encoding='utf-8'):
    _r = json.loads(_l)
    U.setdefault(_r['questionID'], _r)
_seen = {}
for _q in sorted(U):  # dedup identical (title, text): keep lowest questionID
    _seen.setdefault((U[_q]['title'], U[_q]['text']), _q)
U = {q: U[q] for q in _seen.values()}

def ws(s): return re.sub(r'\s+', ' ', s).strip()
def cut(t, n=300):
    t = ws(t)
    if len(t) <= n: return t
    c = t[:n]
    if t[n] != ' ':
        sp = c.rfind(' ')
        if sp > 0: c = c[:sp]
    return c.rstrip()

A = {
 18: (["Therapy is a powerful tool that is often used to overcome emotional numbness.",
       "Getting rid of emotional numbness can be difficult, but it is certainly possible with professional mental health services.",
       "Things that used to upset you don’t, and things that used to make you happy feel flat.",
       "If you have any signs of emotional numbing, it’s important that you reach out to mental health professionals for help."], None),
 43: (["Emotional numbness can be a symptom of an anxiety disorder.",
       "Because anxiety preys on your emotions so much, you may try to suppress those emotions",
       "This is how emotional numbness can develop out of an anxiety disorder.",
       "Emotional numbness is when you feel a strange lack of emotional reaction to situations that should affect you."], None),
 47: (["However, it’s common for people who have depression to experience emotional numbness.",
       "There’s one main difference between depression and emotional numbness",
       "Emotional numbing is like a feeling of being emotionally “blank” or “distant.”"],
      "borderline: asker feels 'emotionally distant' but also an intense 'internal screaming'; the article's depression-vs-numbness section answers 'is this depression?' only in part"),
 56: (["Emotional numbness in a relationship can be caused by issues within the relationship or issues unrelated to the relationship.",
       "Feeling a disconnection from your partner could be due to a variety of issues.",
       "the best way to get back to normal is to seek mental health treatment options",
       "Getting rid of emotional numbness can be difficult, but it is certainly possible with professional mental health services."], None),
 77: (["Inability to cry or laugh even when you want to",
       "Emotional numbness can be caused by various issues, including serious mental health conditions.",
       "No longer enjoying activities that you used to enjoy",
       "Emotional numbness is when you feel a strange lack of emotional reaction to situations that should affect you."], None),
 78: (["However, it’s common for people who have depression to experience emotional numbness.",
       "Lack of motivation to engage in anything",
       "If you’re feeling mentally “off” in any way, contact a professional for help."],
      "borderline: 'not exactly sad' but stopped caring; answered by the depression-related numbness symptoms and the 'if something feels off' advice"),
 86: (["However, it’s common for people who have depression to experience emotional numbness.",
       "You may experience some emotions, but they may not be as intense as they would normally be.",
       "when someone is numb, they may not feel those emotions or feel that they are muted",
       "If you’re feeling mentally “off” in any way, contact a professional for help."],
      "borderline: 'don't usually feel my true emotions' read as muted emotions; 'might I have depression?' answered by numbness-in-depression passage"),
 90: (["Loss of interest or enjoyment in hobbies",
       "No longer enjoying activities that you used to enjoy",
       "However, it’s common for people who have depression to experience emotional numbness.",
       "Other circumstances or conditions can also cause emotional numbing, so talking to a professional about your feelings is important."],
      "borderline: central complaint is 'no interest in anything' (anhedonia); irritability and tiredness are not covered"),
 110: (["Unfortunately, some people may feel emotionally numb their entire lives, but that doesn’t mean that it’s always permanent.",
        "Emotionally numb people may self-harm in an attempt to induce emotions or pain.",
        "Therapy is a powerful tool that is often used to overcome emotional numbness.",
        "With the help of mental health professionals, emotional numbness can be treated and overcome."], None),
 135: (["Extreme highs and lows between strong emotions and numbness could be a sign of bipolar disorder, borderline personality disorder, or schizophrenia.",
        "followed by extreme drops into feeling flat and empty",
        "Professional help is required to diagnose the underlying cause of these episodes"], None),
 185: (["Depersonalization is the feeling of being disconnected from yourself.",
        "like you’re a stranger watching yourself from outside of your body",
        "Derealization is feeling disconnected from the world around you or reality.",
        "If you are experiencing something like emotional numbness, depersonalization, or derealization, it’s vital that you reach out"], None),
 331: (["Emotional numbing can act as a shield that helps them not feel overwhelmed by their emotions.",
        "Getting rid of emotional numbness can be difficult, but it is certainly possible with professional mental health services.",
        "Therapy is a powerful tool that is often used to overcome emotional numbness."],
       "borderline: asker has 'shut down' emotionally after a breakup and feels no different despite self-care; answered by numbness-as-shield and therapy passages"),
 389: (["Past trauma is a common cause of emotional numbing.",
        "In order to deal with these scary and unwanted feelings, your brain may develop defense mechanisms, like emotional numbing.",
        "Getting rid of emotional numbness can be difficult, but it is certainly possible with professional mental health services.",
        "Therapy is a powerful tool that is often used to overcome emotional numbness."], None),
 394: (["When substances are used to cope with negative emotions or lessen emotional pain, they’re only providing temporary relief.",
        "Instead of seeking out numbness to cure your pain, you should reach out to mental health professionals or someone you trust for help."],
       "borderline: a grief question; answered only through the article's point that numbing pain with substances is temporary relief and that professional help is the alternative"),
 443: (["This means taking note of your thoughts, feelings, beliefs, and motivations to understand yourself better.",
        "You should focus your attention on your emotions and sensations and observe them without judgment.",
        "Therapy is a powerful tool that is often used to overcome emotional numbness."],
       "borderline: only anger is felt (alexithymia-like); answered by the self-awareness and mindfulness pillars and therapy"),
 480: (["Emotional numbing can act as a shield that helps them not feel overwhelmed by their emotions.",
        "Feeling a disconnection from your partner could be due to a variety of issues. You may be suffering from a mental health disorder or have trauma from a past experience.",
        "In some situations, emotional numbness may be a short-term response to a particularly stressful event."],
       "borderline: asks why a bereaved partner ('so did his heart') withdrew; answered by numbness as a protective response to trauma and relationship disconnection passage"),
 651: (["Emotional numbness is when you feel a strange lack of emotional reaction to situations that should affect you.",
        "Everyone experiences emotions differently. A certain movie might make some people cry and have no effect on others.",
        "Emotional numbness can be caused by various issues, including serious mental health conditions.",
        "If you have any signs of emotional numbing, it’s important that you reach out to mental health professionals for help."], None),
 770: (["Lack of interest in sexual or romantic relationships (where it was previously present)",
        "Feeling unconnected from friends and family",
        "Emotional numbness in a relationship can be caused by issues within the relationship or issues unrelated to the relationship.",
        "In some situations, emotional numbness may be a short-term response to a particularly stressful event."],
       "borderline: asker is the partner; girlfriend 'can't connect with anyone' and lost interest in sex after a bereavement; the cheating worry is not answered"),
 834: (["If you’re feeling emotionally hypersensitive or overly reactive, and it’s affecting your health, it might be a good idea to talk to a counselor or therapist.",
        "Emotions are a normal part of life and a sign that you are alive and human."],
       "borderline: the opposite of numbness (over-emotional); the resilience section's hypersensitivity passage answers it directly"),
}

NEAR = [393,399,400,405,182,358,232,485,424,412,416,421,713,716,778,66,148,108,117,100,51,54,67,849,858,674,0,1,2,3,4,6,8,12,13,14,15,16,17,21,22,23,26,27,28,33,34,35,36,37,39,44,53,58,61,65,68,70,72,73,74,75,76,82,84,85,88,89,92,93,95,96,97,104,113,114,115,121,125,129,130,131,133,136,137,147,154,160,178,181,184,188,207,216,219,222,223,229,304,316,343,368,372,388,390,391,392,395,397,401,402,403,407,414,419,423,452,456,461,463,481,487,505,522,562,564,568,572,573,577,579,580,590,670,691,700,702,727,775,806,807,828,837,850,860,862,867,876,145,153,177,200]
NONE_NOTES = {
 14: "borderline: 'joyless, going through the motions', but the question is how to cope with a divorce; not answered",
 21: "near-miss: 'why can't I just enjoy it' is about lost identity, not numbness",
 97: "near-miss: no desire for friends, but cries all the time; the question is about getting back to a happy self",
 113: "borderline: mentions a 'zombie-like haze of having no interests', but asks whether to go back on Wellbutrin; the article gives no advice on that",
 154: "borderline: 'shut down' means crying and not finding words; the article only lists 'difficulty talking about emotions' as a symptom",
 178: "near-miss: burnout is listed as a cause of numbness, but the asker is upset and anxious, not numb, and asks what helps",
 207: "borderline: drinking to relieve stress is touched on by the substances passage, but the asker is on edge and oddly emotional (not numb) and asks nothing the article answers",
 372: "near-miss: work stress is named as a cause of numbness; managing stress is not answered",
 414: "near-miss: asker's boyfriend is 'emotionally disconnected', but the question is about his anger in an abusive relationship",
 505: "near-miss: birth control killing sex drive (medication side effect on libido) is not covered",
 670: "near-miss: asks whether the husband has a 'detachment disorder' (leaving relationships); not answered",
 691: "borderline: 'no man sparks my interest' resembles the symptom 'lack of interest in sexual or romantic relationships', but the article does not explain post-breakup lack of interest in dating",
 807: "borderline: mood swings; the article's 'peaks and valleys' passage is about swings between strong emotions and numbness, which the asker does not describe",
 828: "borderline: 'do I have bipolar?' with sad/crying/irritable swings, not numbness; the article's bipolar passage does not answer it",
 850: "near-miss; hoarding Ativan pills but speaks of no suicidal thoughts, so not flagged crisis",
 117: "near-miss; hopelessness ('no point in ... life') without suicidal statement, not flagged crisis",
 216: "near-miss; sexual assault with flashbacks, recency not stated, not flagged crisis",
 399: "near-miss; attempted sexual assault, recency not stated, not flagged crisis",
 713: "near-miss: the article's hotline sentence is about numbness from abuse, not how to leave an abusive relationship",
 424: "near-miss: the article's hotline sentence is about numbness from abuse, not how to leave an abusive relationship",
 317: "'I just can't take this anymore' (frustration over focus) read as distress, not suicidal; not flagged crisis",
 85: "near-miss: lack of motivation is listed, but the question is how to manage anxiety and depression",
}
CRISIS = {110, 389, 0, 17, 28, 53, 61, 72, 74, 75, 114, 115, 181, 222, 452, 368, 414, 232, 485, 424, 412, 416, 421, 713, 716, 778, 100, 108, 51, 67}
CRISIS_NOTE = {0: "crisis: passive death wish ('shouldn't be here') despite denying suicidal plans",
               17: "crisis: passive death wish (wishes for a fatal accident)",
               61: "crisis: passive death wish ('why does God insist that I continue to exist')",
               368: "crisis: just leaving an abusive marriage",
               100: "crisis: implicit ('I cannot stand it anymore I'm done', 'the thoughts are awful')",
               108: "crisis: implicit ('on the verge of just giving up')",
               51: "crisis: 'I want to lull myself' read as 'kill myself'",
               778: "crisis: ongoing pattern of emotionally abusive partners",
               389: "crisis: raped a couple of months ago"}

assert not set(A) & set(NEAR)
for q, (gold, note) in A.items():
    assert 1 <= len(gold) <= 4
    for g in gold:
        assert g in ART, (q, g)
        assert len(g) >= 40, (q, g, len(g))
        # single paragraph / list item
        assert '\n' not in g
N_RANDOM = 10
pool = sorted(q for q in U if q not in A and q not in NEAR)
rnd = random.Random(13).sample(pool, N_RANDOM)
NONE = sorted(NEAR + rnd)

def item(q, kind):
    r = U[q]
    it = {"id": f"cc{q}", "kind": kind, "query": ws(r['title']) + " " + cut(r['text']), "title": ws(r['title'])}
    if kind == "answer":
        it["gold"] = A[q][0]
        if A[q][1]: it["note"] = A[q][1]
    else:
        if q in NONE_NOTES: it["note"] = NONE_NOTES[q]
        elif q not in rnd: it["note"] = "near-miss"
    if q in CRISIS:
        it["crisis"] = True
        if q in CRISIS_NOTE:
            it["note"] = (it.get("note", "") + "; " if it.get("note") else "") + CRISIS_NOTE[q]
    it["topic"] = r['topic']
    it["source"] = f"counsel-chat:{q}"
    return it

dev, test = [], []
for kind, ids in (("answer", sorted(A)), ("none", NONE)):
    lst = sorted(ids)
    random.Random(20261130).shuffle(lst)
    h = (len(lst) + 1) // 2
    dev += [item(q, kind) for q in lst[:h]]
    test += [item(q, kind) for q in lst[h:]]
for name, data in (("counsel_dev", dev), ("counsel_test", test)):
    with open(f'/work/labels/{name}.jsonl', 'w', encoding='utf-8') as f:
        for it in data: f.write(json.dumps(it, ensure_ascii=False) + "\n")
c = collections.Counter((s, it['kind']) for s, d in (("dev", dev), ("test", test)) for it in d)
cc = collections.Counter((s, it['kind']) for s, d in (("dev", dev), ("test", test)) for it in d if it.get('crisis'))
print(c, cc, len(NEAR), len(rnd))
