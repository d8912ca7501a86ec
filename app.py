"""Verbatim's page: ask a question, read what the articles themselves say. Run: make run

Readers see questions and answers only; VERBATIM_ADMIN=1 adds the index status and rebuild
in the sidebar. The URL carries the question (?q=) and the number of passages (?k=), so
links, back and forward all work. Help comes first: the crisis lexicon is checked before
the model loads, and every state carries a one-tap line to a crisis service.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import NoReturn

import streamlit as st

from verbatim import language, render
from verbatim.config import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_TOP_K, MAX_QUERY_CHARS
from verbatim.errors import QueryError, VerbatimError
from verbatim.index import corpus_changes, read_manifest
from verbatim.safety import CrisisAlert, crisis_from_lexicon, load_resources
from verbatim.site import DEFAULT_DESCRIPTION, Site, example_questions, load_site, pick_examples

log = logging.getLogger("verbatim.page")
INDEX = Path(os.environ.get("VERBATIM_INDEX", DEFAULT_INDEX))
CORPUS = Path(os.environ.get("VERBATIM_CORPUS", DEFAULT_CORPUS))
ADMIN = os.environ.get("VERBATIM_ADMIN") == "1"
K_CHOICES = (3, 5, 10)
EXAMPLES_SHOWN = 8
EXAMPLES_MAX = 200
UNAVAILABLE = "Search isn't available right now. Please try again in a few minutes."


@st.cache_resource(show_spinner=False, max_entries=2)
def get_searcher(index: str, corpus: str):
    """One searcher per process: the model and index load once, not per session or query.
    ``LiveSearcher`` follows new builds itself and never quotes text that is no longer in its
    file (what it cannot check it withholds), so it is keyed by folder only."""
    from verbatim.live import LiveSearcher

    live = LiveSearcher(Path(index), Path(corpus))
    # Load the model and index now. Assigned: a bare expression is Streamlit "magic" and would
    # be rendered to readers as st.help, model name and all (axe found it).
    _ = live.searcher
    return live


def passages(searcher) -> list:
    """The live build's passages (for example questions)."""
    return searcher.searcher.index.passages


@st.cache_resource(show_spinner=False, max_entries=4)
def get_site(corpus: str, build: str, sources: tuple[str, ...] | None):
    return load_site(Path(corpus), sources)


def resources() -> dict:
    """The help config, or {} (render then falls back to its built-in 988/911 line)."""
    try:
        return load_resources()
    except Exception:  # noqa: BLE001 (help must show whatever is wrong with the file)
        log.exception("resources: using the built-in help line")
        return {}


def set_url(q: str, k: int) -> None:
    """Put the question in the URL (a new history entry, so back returns to the last one)."""
    params = {"q": q} if q else {}
    if q and k != DEFAULT_TOP_K:
        params["k"] = str(k)
    st.query_params.from_dict(params)
    st.session_state.url = (q, k)


def ask(question: str) -> None:
    """Example and suggestion buttons: ask that question."""
    st.session_state.q = question
    set_url(question, st.session_state.k)


def k_changed() -> None:
    set_url(st.session_state.url[0], st.session_state.k)


def dismiss_help() -> None:
    st.session_state.help_dismissed = True


def rebuild() -> None:
    from verbatim.embedding import load_encoder
    from verbatim.index import build_index

    with st.spinner("Rebuilding the index…"):
        build_index(CORPUS, INDEX, load_encoder())
    get_searcher.clear()


def unavailable(error: Exception) -> None:
    """Readers get one calm line; the owner (VERBATIM_ADMIN=1) gets the error and the fix."""
    log.error("page: %s", error)
    if ADMIN:
        st.error(render.markdown_text(str(error)))
    else:
        st.info(UNAVAILABLE)


# --- the URL drives the page ------------------------------------------------------------
url = (
    st.query_params.get("q", "")[:MAX_QUERY_CHARS],
    render.parse_k(st.query_params.get("k"), K_CHOICES, DEFAULT_TOP_K),
)
if st.session_state.get("url") != url:  # first visit, a shared link, back or forward
    st.session_state.q, st.session_state.k = url
    st.session_state.url = url
st.session_state.setdefault("searches", 0)

try:
    live_build, manifest = read_manifest(INDEX)
    index_error = None
except Exception as e:  # noqa: BLE001 (a reader sees one calm line, never a traceback)
    live_build, manifest, index_error = None, {}, e
sources = tuple(manifest["sources"]) if isinstance(manifest.get("sources"), dict) else None
try:
    site = get_site(str(CORPUS), live_build.name if live_build else "", sources)
except Exception:  # noqa: BLE001 (a page with a plain name beats no page)
    log.exception("site: using a plain name")
    site = Site("Verbatim", DEFAULT_DESCRIPTION)
if site.resources and "VERBATIM_RESOURCES" not in os.environ:
    os.environ["VERBATIM_RESOURCES"] = site.resources  # site.toml names the help for its region

config = resources()
st.set_page_config(page_title=f"Verbatim · {site.name}", page_icon="📖", layout="centered")
st.html(render.PAGE_CSS)

# Help comes before anything else: the banner (this question) or the strip (earlier ones).
banner_slot = st.empty()
strip_slot = st.empty()
st.title(render.label_text(site.heading), anchor=False)
st.html(f'<p class="vb-intro">{render.escape(site.description)} Information from the '
        f'{"articles" if site.many else "article"}, not medical advice.</p>')
st.html(render.quiet_line(config))
if ADMIN:  # the sidebar's toggle shares the top bar with the quiet help line
    st.html("<style>.vb-quiet{left:4rem}</style>")

with st.form("ask", clear_on_submit=False, border=False):
    st.text_input("Your question", key="q", max_chars=MAX_QUERY_CHARS, placeholder="e.g. why can't I cry anymore?")
    submitted = st.form_submit_button("Search", type="primary", key="search")
st.radio("Passages to show", K_CHOICES, key="k", horizontal=True, on_change=k_changed)

query = (st.session_state.q or "").strip()
top_k = st.session_state.k
if submitted:
    set_url(query, top_k)

language_slot = st.empty()  # the note for a question not in English: first under the form, however it comes
notice_slot = st.container()
results = st.container()


def show_strip() -> None:
    with strip_slot.container():
        st.html(render.help_strip(st.session_state.help_alert, config))
        st.button("Hide this help line", key="hide_help", on_click=dismiss_help, type="tertiary")


def show_alarm(alert) -> None:
    banner_slot.html(render.safe_crisis_banner(alert, config))
    strip_slot.empty()
    if render.policy_of(alert).persist_strip:
        st.session_state.help_alert = alert
        st.session_state.help_dismissed = False


# The lexicon needs no model: on a cold start its help shows while the model loads.
early = None
if query:
    try:
        early = crisis_from_lexicon(query)
    except Exception:  # noqa: BLE001
        # It reads the resources only once a pattern has matched: this is a crisis question
        # with a broken resources file. The banner falls back to its built-in 988/911 help.
        log.exception("crisis lexicon")
        early = CrisisAlert("unknown", [], "", "lexicon", "risk")
    if early is not None and render.policy_of(early).alarm:
        show_alarm(early)
if st.session_state.get("help_alert") and not st.session_state.get("help_dismissed"):
    if not (early is not None and render.policy_of(early).alarm):
        show_strip()


language_checked = other_language = False


def show_language_note() -> None:
    """A question in another language: the lexicon and the model read English, so say so, with help
    that works in any language, and remember it: its answer leaves out drugs and means."""
    global language_checked, other_language
    language_checked = True
    try:
        note = language.language_note(query, config)
    except Exception:  # noqa: BLE001 (a note is not worth a broken page)
        log.exception("language note")
        return
    if note is not None:
        language_slot.html(render.language_note_html(note))
        other_language = True


# The language check loads in about a second, on a thread once the model has loaded (below), so that a first
# question in English never shares the two cores with it. Once loaded, its note shows at once, before the model
# is needed; cold, just before the answer, which must know it (a question Verbatim cannot read gets nothing about
# drugs or means). A question made only of English words never waits for it (language._may_not_be_english).
if query and language.ready():
    show_language_note()


def stop_unavailable(error: Exception) -> NoReturn:
    """The index or the model failed: the calm line, the language note (its help works in any language), stop."""
    with notice_slot:
        unavailable(error)
    if query and not language_checked:
        show_language_note()
    st.stop()


if ADMIN:
    with st.sidebar:
        st.markdown("**Index** (owner view)")
        if manifest:
            st.caption(render.markdown_text(
                f"{manifest.get('passages', '?')} passages · built {manifest.get('built_at', '?')} · "
                f"model {manifest.get('model', {}).get('name', '?')}"
            ))
            changes = corpus_changes(manifest, CORPUS)
            if changes:
                st.warning("The articles changed since the index was built: "
                           + render.label_text(", ".join(changes[:3])))
        if CORPUS.is_dir() and st.button("Rebuild the index" if manifest else "Build the index now"):
            try:
                rebuild()
                st.rerun()
            except VerbatimError as e:
                st.error(render.markdown_text(str(e)))

if index_error is not None:
    stop_unavailable(index_error)

try:
    with st.spinner("Getting ready (first question only)…"):
        searcher = get_searcher(str(INDEX), str(CORPUS))
    language.warm_up()
except Exception as e:  # noqa: BLE001 (readers never see a traceback)
    stop_unavailable(e)

if not query:
    with results:
        everything = example_questions(passages(searcher), site)
        groups = pick_examples(everything, EXAMPLES_SHOWN)
        total = sum(len(q) for q in everything.values())
        st.subheader("Questions the articles answer" if site.many else "Questions the article answers", anchor=False)
        show_all = total > EXAMPLES_SHOWN and st.toggle(f"Show all {total} questions", key="all_examples")
        shown, n = (everything if show_all else groups), 0
        for title, questions in shown.items():
            if site.many:
                st.html(f'<h3 class="vb-group">{render.escape(title)}</h3>')
            for question in questions:
                if n >= EXAMPLES_MAX:
                    break
                st.button(render.label_text(question), key=f"example-{n}", on_click=ask, args=(question,))
                n += 1
        if show_all and total > EXAMPLES_MAX:
            st.write(f"…and {total - EXAMPLES_MAX} more. Ask in your own words to find them.")
    st.stop()

if not language_checked:
    show_language_note()  # waits for the check if it is still loading
try:
    result = searcher.search(query, top_k, check_language=False, other_language=other_language)
except QueryError as e:
    with notice_slot:
        st.info(render.markdown_text(str(e)))
    st.stop()
except Exception as e:  # noqa: BLE001
    stop_unavailable(e)

if ADMIN and searcher.rebuild_error:  # LiveSearcher could not rebuild: say why, to the owner
    st.sidebar.warning("The index could not follow the articles: " + render.label_text(searcher.rebuild_error, 400))

alert = render.strongest(result.crisis, early)
level = render.policy_of(alert) if alert else None
if alert is not None and level.alarm:
    show_alarm(alert)
elif alert is not None:
    notice_slot.html(render.topic_line(alert, config))
if result.medical:
    notice_slot.html(render.medical_note(result.medical, config))
if result.notice:
    notice_slot.info(render.markdown_text(result.notice))
if result.withheld:
    notice_slot.html(render.withheld_html([site.article(name).title for name in result.withheld]))

alarm = alert is not None and level.alarm
collapsed = alarm and level.collapse_passages
heading = render.results_heading(query, site.many, result.no_answer)
with results:
    if result.no_answer:
        suggestions = result.suggestions if (level is None or level.suggestions) else []
        intro = site.about + (" These are the closest questions it does answer:" if suggestions else "")
        st.html(render.results_html(heading, [], f"<p>{render.escape(intro)}</p>"
                                    + render.missing_terms_html(result.missing_terms, site.many)))
        for i, suggestion in enumerate(suggestions):
            st.button(render.label_text(suggestion), key=f"suggest-{i}", on_click=ask, args=(suggestion,))
    else:
        cards = [render.passage_card(hit, n, site.article(hit.source)) for n, hit in enumerate(result.passages, 1)]
        empty = "" if cards else "<p>No passages can be shown for this question right now.</p>"
        block = render.results_html(heading, cards, empty) + render.missing_terms_html(result.missing_terms, site.many)
        if collapsed:
            # Help first: nothing the article says (drugs, means) comes ahead of the banner.
            with st.expander(f"Show what the {'articles say' if site.many else 'article says'}", expanded=False):
                st.html(block)
        else:
            st.html(block)
message = render.announcement(len(result.passages), result.no_answer, alarm, collapsed)

if st.session_state.get("searched") != (query, top_k):
    st.session_state.searched = (query, top_k)
    st.session_state.searches += 1
target = "vb-help" if alarm else "vb-results-heading"
st.html(render.after_search_script(target, message, st.session_state.searches), unsafe_allow_javascript=True)
