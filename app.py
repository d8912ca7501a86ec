"""Verbatim's page: ask a question, read what the article itself says. Run: streamlit run app.py"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from verbatim.config import DEFAULT_CORPUS, DEFAULT_INDEX, DEFAULT_TOP_K, MAX_TOP_K
from verbatim.errors import QueryError, VerbatimError
from verbatim.index import corpus_changes, read_manifest
from verbatim.render import PAGE_CSS, crisis_banner, escape, markdown_text, medical_note, passage_card

INDEX = Path(os.environ.get("VERBATIM_INDEX", DEFAULT_INDEX))
CORPUS = Path(os.environ.get("VERBATIM_CORPUS", DEFAULT_CORPUS))
MAX_QUERY_CHARS = 25_000

st.set_page_config(page_title="Verbatim · Emotional numbness", page_icon="📖", layout="centered")


@st.cache_resource(show_spinner=False, max_entries=2)
def get_searcher(index: str, corpus: str, build: str):
    """One searcher per process and build: the model and index load once, not per session or
    query; a rebuild (from here or from build_index.py) is picked up by its new build name."""
    from verbatim.search import Searcher

    return Searcher.open(Path(index), Path(corpus), check_fresh=False)


def ask(question: str) -> None:
    """Put a question in the box and the URL (used by example and suggestion buttons)."""
    st.session_state.q = question
    st.query_params["q"] = question


def rebuild() -> None:
    from verbatim.embedding import load_encoder
    from verbatim.index import build_index

    with st.spinner("Rebuilding the index…"):
        build_index(CORPUS, INDEX, load_encoder())
    get_searcher.clear()


if "q" not in st.session_state:  # opening a ?q= link runs that search
    st.session_state.q = st.query_params.get("q", "")[:MAX_QUERY_CHARS]

st.html(PAGE_CSS)
st.title("Emotional numbness: ask the article")
st.caption(
    "Type a question in your own words. The answers are passages of the article, word for word, "
    "most relevant first, with the sentences that answer highlighted. Information from the article, not medical advice."
)

with st.form("ask", clear_on_submit=False, border=False):
    st.text_input(
        "Your question", key="q", max_chars=MAX_QUERY_CHARS,
        placeholder="e.g. why can't I cry anymore?",
    )
    col_k, col_go = st.columns([3, 1], vertical_alignment="bottom")
    top_k = col_k.slider("Passages to show", 1, min(10, MAX_TOP_K), DEFAULT_TOP_K, key="top_k")
    submitted = col_go.form_submit_button("Search", type="primary", width="stretch", key="search")

query = st.session_state.q or ""
if submitted:
    st.query_params["q"] = query

crisis_slot = st.container()  # help comes before anything else on the page
notice_slot = st.container()
results = st.container()

# Index status and maintenance live in the sidebar.
try:
    live_build, manifest = read_manifest(INDEX)
except VerbatimError as e:
    st.error(str(e))
    if CORPUS.is_dir() and st.button("Build the index now"):
        try:
            rebuild()
            st.rerun()
        except VerbatimError as err:
            st.error(str(err))
    st.stop()

changes = corpus_changes(manifest, CORPUS)
with st.sidebar:
    st.markdown("**Index**")
    st.caption(
        f"{manifest.get('passages', '?')} passages · built {manifest.get('built_at', '?')} · "
        f"model {manifest.get('model', {}).get('name', '?')}"
    )
    if changes:
        shown = markdown_text(", ".join(changes[:3]))
        st.warning(f"The articles changed since the index was built ({shown}). Results may be out of date.")
        if st.button("Rebuild the index"):
            try:
                rebuild()
                st.rerun()
            except VerbatimError as e:
                st.error(str(e))

try:
    with st.spinner("Loading the model (first question only)…"):
        searcher = get_searcher(str(INDEX), str(CORPUS), live_build.name)
except VerbatimError as e:
    st.error(str(e))
    st.stop()

if not query.strip():
    with results:
        st.subheader("Questions the article answers")
        for i, heading in enumerate(searcher.question_headings()):
            st.button(heading, key=f"example-{i}", on_click=ask, args=(heading,))
    st.stop()

try:
    result = searcher.search(query, top_k)
except QueryError as e:
    with notice_slot:
        st.info(str(e))
    st.stop()

if result.crisis:
    crisis_slot.html(crisis_banner(result.crisis))
if result.medical:
    notice_slot.html(medical_note(result.medical))
if result.notice:
    notice_slot.info(result.notice)

with results:
    if result.no_answer:
        st.subheader("This article doesn't cover that")
        st.write("It is about emotional numbness. These are the closest questions it does answer:")
        for i, suggestion in enumerate(result.suggestions):
            st.button(suggestion, key=f"suggest-{i}", on_click=ask, args=(suggestion,))
    else:
        cards = f'<p class="vb-about">What the article says about “{escape(query[:200])}”</p>' + "".join(
            passage_card(hit, n) for n, hit in enumerate(result.passages, 1)
        )
        if result.crisis and result.crisis.category in ("suicide", "self_harm"):
            # Help first: nothing the article says (drugs, means) comes ahead of the banner.
            with st.expander("Show what the article says", expanded=False):
                st.html(cards)
        else:
            st.html(cards)
