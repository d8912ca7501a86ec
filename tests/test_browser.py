"""End to end in a real browser: Debian's chromium driven by Playwright, against `streamlit run`.

Every state is photographed at phone (390×844) and desktop (1280×800) width into
tmp/artifacts/ (or $VERBATIM_ARTIFACTS), checked with axe-core, and its request log checked
for any host but the app's own. Waits are generous and nothing asserts on speed, so a busy
machine makes these slower, not red.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from conftest import CORPUS, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-default-apps", "--disable-extensions", "--metrics-recording-only"]
WAIT = 180_000  # ms: generous, so a busy machine is slow rather than failing
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
ARTIFACTS = Path(os.environ.get("VERBATIM_ARTIFACTS", ROOT / "tmp" / "artifacts"))
PILLS = "I have pills saved up and I'm going to take them all tonight"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(index: Path, corpus: Path, **env):
    """`streamlit run app.py` from the repo, so .streamlit/config.toml applies as in production."""
    port = free_port()
    environ = {**os.environ, "VERBATIM_INDEX": str(index), "VERBATIM_CORPUS": str(corpus), "HF_HUB_OFFLINE": "1", **env}
    environ.pop("VERBATIM_ADMIN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    pytest.fail("streamlit did not start: " + proc.stderr.read().decode()[-2000:])


def stop_server(proc) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(real_index):
    proc, url = start_server(real_index, CORPUS)
    yield url
    stop_server(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A page in its own browser context, with a log of every host it asked for."""

    def __init__(self, browser, width: str = "desktop", scheme: str = "light"):
        w, h = WIDTHS[width]
        self.width = width if scheme == "light" else f"{width}-{scheme}"
        self.context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
        self.page = self.context.new_page()
        self.page.set_default_timeout(WAIT)
        self.hosts: set[str] = set()
        self.page.on("request", lambda r: self.hosts.add(urlsplit(r.url).netloc) if "://" in r.url else None)

    def open(self, base: str, query: str | None = None, **params):
        url = base + ("/?q=" + quote(query) if query else "/")
        for k, v in params.items():
            url += f"&{k}={quote(str(v))}"
        self.page.goto(url, timeout=WAIT)
        self.page.get_by_label("Your question").wait_for()
        return self

    def ask(self, query: str):
        box = self.page.get_by_label("Your question")
        box.fill(query)
        box.press("Enter")
        return self

    def settle(self):
        """Wait until Streamlit has finished the run (no running indicator, no stale elements)."""
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
            " && !document.querySelector('[data-stale=\"true\"]')", timeout=WAIT)
        self.page.wait_for_timeout(300)
        return self

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}-{self.width}.png"
        self.page.screenshot(path=str(path))
        return path

    def axe_serious(self) -> list[str]:
        from axe_playwright_python.sync_playwright import Axe

        violations = Axe().run(self.page).response["violations"]
        return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                for v in violations if v.get("impact") in ("serious", "critical")]

    def close(self):
        self.context.close()


def only_own_host(visit: Visit, base: str) -> None:
    assert visit.hosts == {urlsplit(base).netloc}, visit.hosts


STATES = {
    # name: (question, element that shows the state is ready)
    "start": (None, "text=Questions the article answers"),
    "results": ("why can't I cry anymore even when I want to", "mark >> text=Inability to cry or laugh"),
    "not-covered": ("how do I bake sourdough bread", "text=This article doesn't cover that"),
    "crisis": ("I cut myself to feel something when I'm numb", ".vb-crisis"),
    "medical-note": ("my left arm is numb and tingling", ".vb-medical"),
    "other-language": ("me tomé todas las pastillas de mi mamá hace un rato", ".vb-language"),
}


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("width,scheme", [("phone", "light"), ("desktop", "light"), ("phone", "dark")])
def test_every_state_is_photographed_axe_clean_and_asks_no_other_host(server, browser, width, scheme):
    problems = {}
    for name, (query, ready) in STATES.items():
        visit = Visit(browser, width, scheme).open(server, query)
        visit.page.locator(ready).first.wait_for()
        visit.settle()
        quiet = visit.page.locator(".vb-quiet a[href='tel:988']")
        assert quiet.count() == 1 and quiet.is_visible()  # help one tap away, every state
        shot = visit.shot(name)
        assert shot.stat().st_size > 10_000
        if name == "results" and width == "desktop" and scheme == "light" and os.environ.get("UPDATE_SCREENSHOT"):
            visit.page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
            visit.page.wait_for_timeout(300)
            visit.page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
        if serious := visit.axe_serious():
            problems[name] = serious
        only_own_host(visit, server)
        visit.close()
    assert problems == {}


def test_results_heading_is_focused_in_view_and_the_count_announced(server, browser):
    visit = Visit(browser, "phone").open(server)
    visit.page.get_by_role("button", name="What Is Emotional Numbing?").click()
    visit.page.locator(".vb-card").first.wait_for()
    visit.page.wait_for_function("() => document.activeElement && document.activeElement.id === 'vb-results-heading'")
    top = visit.page.evaluate("document.getElementById('vb-results-heading').getBoundingClientRect().top")
    assert 0 <= top < 844 / 2  # the first card is in view, not the last one
    visit.page.wait_for_function("() => (document.getElementById('vb-live') || {}).textContent === '5 passages found.'")
    assert visit.page.locator("#vb-live[role=status][aria-live=polite]").count() == 1
    assert visit.page.locator("section[aria-labelledby='vb-results-heading']").count() == 1
    assert visit.page.locator("nav").count() <= 1  # no landmark per card any more
    assert "q=What" in visit.page.url
    visit.close()


def test_back_and_forward_restore_question_and_results(server, browser):
    visit = Visit(browser).open(server)
    page = visit.page
    visit.ask("is emotional numbness permanent")
    page.get_by_text("Permanent emotional numbness is rare.").first.wait_for()
    visit.settle()
    visit.ask("what is derealization")
    page.get_by_text("Derealization is feeling disconnected from the world").first.wait_for()
    visit.settle()
    page.go_back()
    page.get_by_text("Permanent emotional numbness is rare.").first.wait_for()
    visit.settle()
    assert page.get_by_label("Your question").input_value() == "is emotional numbness permanent"
    page.go_forward()
    page.get_by_text("Derealization is feeling disconnected from the world").first.wait_for()
    visit.settle()
    assert page.get_by_label("Your question").input_value() == "what is derealization"
    visit.close()


def phone_banner(visit: "Visit"):
    """The crisis banner once the run has settled, asserted fully visible on the phone without scrolling,
    and its links' hrefs."""
    banner = visit.page.locator(".vb-crisis")
    banner.wait_for()
    visit.settle()
    box = visit.page.evaluate(
        "(() => { const r = document.querySelector('.vb-crisis').getBoundingClientRect(); return [r.top, r.bottom]; })()")
    assert 0 <= box[0] and box[1] <= 844, box
    return banner, banner.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")


def test_risk_question_banner_first_links_work_nothing_to_drugs_strip_stays(server, browser):
    visit = Visit(browser, "phone").open(server, PILLS)
    page = visit.page
    banner, hrefs = phone_banner(visit)
    assert {"tel:988", "sms:988", "sms:741741?body=HOME", "tel:911"} <= set(hrefs)
    # Before any passage in the document, and no way on to the article's drug list.
    assert page.evaluate("""() => { const b = document.querySelector('.vb-crisis');
        return [...document.querySelectorAll('.vb-card, [data-testid=stButton]')]
            .every(el => b.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING); }""")
    body = page.locator("body").inner_text()
    assert "Drugs That Numb" not in body and "pioid" not in body and "enzodiazepine" not in body
    assert page.get_by_role("button", name="What Are Drugs That Numb Emotional Pain?").count() == 0
    visit.shot("crisis-risk")
    if os.environ.get("UPDATE_SCREENSHOT"):
        page.screenshot(path=str(ROOT / "docs" / "screenshot-phone.png"))
    # A follow-up question keeps a compact strip with the same links at the top.
    visit.ask("is emotional numbness permanent")
    page.get_by_text("Permanent emotional numbness is rare.").first.wait_for()
    visit.settle()
    strip = page.locator(".vb-strip")
    assert strip.count() == 1 and strip.locator("a[href='tel:988']").count() == 1
    visit.shot("help-strip")
    page.get_by_role("button", name="Hide this help line").click()
    strip.wait_for(state="detached")
    assert page.locator(".vb-quiet a[href='tel:988']").count() == 1
    visit.close()


def test_a_risk_banner_that_adds_poison_control_still_fits_a_phone(server, browser):
    # Read as risk (lexicon), with pills named: the risk services, then Poison Control, all above the fold.
    visit = Visit(browser, "phone").open(server, "I want to kill myself with my sleeping pills")
    banner, hrefs = phone_banner(visit)
    assert {"tel:988", "sms:741741?body=HOME", "tel:911", "tel:18002221222"} <= set(hrefs)
    # Still the risk banner (the old code gave these four links only under the urgent headline).
    assert "You don't have to go through this alone" in banner.inner_text()
    assert "If someone is in danger right now" not in banner.inner_text()
    visit.shot("crisis-risk-substance")
    visit.close()


def test_a_question_in_another_language_gets_its_note_and_no_way_to_the_drug_list(server, browser):
    # Unread by the detector (no alarm): in English the same question is offered "What Are Drugs…?".
    visit = Visit(browser, "phone").open(server, "¿por qué no siento nada cuando escucho canciones tristes?")
    page = visit.page
    page.locator(".vb-language a[href='tel:911']").wait_for()
    page.get_by_text("This article doesn't cover that").wait_for()
    visit.settle()
    assert page.locator("[data-testid=stButton]", has_text="Emotional").count() >= 1  # suggestions are offered
    assert page.get_by_role("button", name="What Are Drugs That Numb Emotional Pain?").count() == 0
    assert "Drugs That Numb" not in page.locator("body").inner_text()
    visit.close()


@pytest.mark.reliability
def test_hostile_query_in_the_url_is_shown_as_text(server, browser):
    visit = Visit(browser).open(server, "<img src=x onerror=alert(1)> numb feelings")
    fired = []
    visit.page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    visit.page.locator("#vb-results-heading").wait_for()
    assert "<img src=x onerror=alert(1)>" in visit.page.locator("#vb-results-heading").inner_text()
    assert fired == []
    visit.close()


def test_phone_width_and_keyboard_only(server, browser):
    visit = Visit(browser, "phone").open(server)
    page = visit.page
    for _ in range(30):  # tab until the question box has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')") == "Your question":
            break
    page.keyboard.type("is emotional numbness permanent")
    page.keyboard.press("Enter")
    page.get_by_text("Permanent emotional numbness is rare.").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    visit.close()


QUESTIONS = [
    ("is emotional numbness permanent", "Permanent emotional numbness is rare."),
    ("what is derealization", "Derealization is feeling disconnected from the world"),
    ("does weed numb emotions", "Marijuana"),
]


def test_sessions_open_at_once_each_get_their_own_answer(server, browser):
    """Replaces 20 concurrent sessions under one deadline: a few sessions, asked at once,
    each waited for generously, checked for its own answer (no shared state between readers)."""
    visits = [Visit(browser).open(server) for _ in QUESTIONS]
    for visit, (query, _) in zip(visits, QUESTIONS):
        visit.ask(query)
    for visit, (query, expected) in zip(visits, QUESTIONS):
        visit.page.locator(".vb-card").first.wait_for()
        visit.settle()
        assert expected in visit.page.locator(".vb-results").inner_text()
        assert visit.page.get_by_label("Your question").input_value() == query
        visit.close()


# --- two articles, and a cold start ------------------------------------------------------------

@pytest.fixture(scope="module")
def two_article_server(tmp_path_factory, real_encoder):
    from verbatim.index import build_index

    root = tmp_path_factory.mktemp("two-browser")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "emotional-numbness.md", corpus)
    (corpus / "panic.md").write_text(
        "---\ntitle: Panic Attacks\nurl: https://example.org/panic-attacks\n---\n\n# Panic Attacks\n\n"
        "## What Is a Panic Attack ![t](http://127.0.0.9/track.png)?\n\n"
        "A panic attack is a sudden rush of intense fear, with a racing heart, shaking and short breath.\n\n"
        "## How Long Does a Panic Attack Last?\n\nMost panic attacks peak within ten minutes and pass within half an hour.\n",
        "utf-8",
    )
    (corpus / "site.toml").write_text('name = "Feelings library"\n', "utf-8")
    build_index(corpus, root / "index", real_encoder)
    proc, url = start_server(root / "index", corpus)
    yield url
    stop_server(proc)


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("width", WIDTHS)
def test_two_article_corpus_names_groups_and_cites_each_article(two_article_server, browser, width):
    visit = Visit(browser, width).open(two_article_server)
    page = visit.page
    page.get_by_text("Feelings library: ask the articles").wait_for()
    page.get_by_role("button", name="What Is a Panic Attack ![t](http://127.0.0.9/track.png)?").wait_for()
    visit.settle()
    assert page.locator(".vb-group").all_inner_texts() == ["Emotional Numbness Overview", "Panic Attacks"]
    visit.shot("two-articles-start")
    assert not visit.axe_serious()
    visit.ask("how long does a panic attack last")
    card = page.locator(".vb-card", has_text="peak within ten minutes").first
    card.wait_for()
    visit.settle()
    assert "From Panic Attacks" in card.inner_text()
    href = card.get_by_role("link", name="Read in the original").get_attribute("href")
    assert href == "https://example.org/panic-attacks#:~:text=Most%20panic%20attacks%20peak,within%20half%20an%20hour"
    visit.shot("two-articles-results")
    assert not visit.axe_serious()
    only_own_host(visit, two_article_server)  # the image in the heading was never fetched
    visit.close()


@pytest.mark.timeout(1800)
def test_cold_start_shows_the_banner_before_the_model_has_loaded(real_index, browser, tmp_path):
    empty_cache = tmp_path / "cache"
    empty_cache.mkdir()
    proc, url = start_server(real_index, CORPUS, VERBATIM_CACHE=str(empty_cache))
    try:
        visit = Visit(browser, "phone")
        # Record when the banner and the first answer appear, as the page sees them.
        visit.page.add_init_script("""
            window.__seen = {};
            new MutationObserver(() => {
              const now = performance.now();
              if (!window.__seen.banner && document.querySelector('.vb-crisis')) window.__seen.banner = now;
              if (!window.__seen.answer && document.querySelector('[data-run]')) window.__seen.answer = now;
            }).observe(document, {subtree: true, childList: true});""")
        visit.open(url, "I want to kill myself")
        visit.page.locator(".vb-crisis a[href='tel:988']").wait_for()
        visit.page.locator("[data-run]").wait_for(state="attached", timeout=600_000)
        seen = visit.page.evaluate("window.__seen")
        assert seen["banner"] < seen["answer"], seen
        visit.shot("crisis-cold-start")
        visit.close()
    finally:
        stop_server(proc)


@pytest.mark.reliability
@pytest.mark.timeout(1200)
def test_a_paragraph_edited_while_the_page_is_open_is_quoted_as_the_file_is_now(browser, real_index, tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    shutil.copytree(real_index, index)
    old, new = "Inability to cry or laugh even when you want to", "Inability to cry or laugh even when you truly want to"
    proc, url = start_server(index, corpus)
    visit = Visit(browser, "desktop")
    try:
        question = "why can't I cry anymore even when I want to"
        visit.open(url, question).settle()
        visit.page.locator(f"text={old}").first.wait_for()
        article = corpus / "emotional-numbness.md"
        article.write_text(article.read_text("utf-8").replace(old, new), "utf-8")
        visit.ask(question + "?").settle()
        visit.page.locator(f"text={new}").first.wait_for()
        assert visit.page.locator(f"text={old}").count() == 0
    finally:
        visit.close()
        stop_server(proc)
