"""End to end in a real browser: Debian's chromium driven by Playwright, against `streamlit run`."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(real_index):
    port = free_port()
    env = {**os.environ, "VERBATIM_INDEX": str(real_index), "VERBATIM_CORPUS": str(CORPUS), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).read() == b"ok":
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stderr.read().decode()[-2000:])
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def test_typing_a_question_shows_the_answering_passage(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1000, "height": 1300})
    page.goto(server)
    box = page.get_by_label("Your question")
    box.wait_for(timeout=30_000)
    box.fill("why can't I cry anymore even when I want to")
    box.press("Enter")
    mark = page.locator("mark", has_text="Inability to cry or laugh even when you want to")
    mark.wait_for(timeout=60_000)
    assert "q=why" in page.url
    shot = tmp_path / "screenshot.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    if os.environ.get("UPDATE_SCREENSHOT"):
        shutil.copy(shot, ROOT / "docs" / "screenshot.png")
    page.close()


def test_phone_width_and_keyboard_only(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server)
    page.get_by_label("Your question").wait_for(timeout=30_000)
    page.keyboard.press("Tab")
    for _ in range(10):  # tab until the question box has focus
        if page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')") == "Your question":
            break
        page.keyboard.press("Tab")
    page.keyboard.type("is emotional numbness permanent")
    page.keyboard.press("Enter")
    page.get_by_text("Permanent emotional numbness is rare.").wait_for(timeout=60_000)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling at phone width
    page.close()


def test_hostile_query_in_the_url_is_shown_as_text(server, browser):
    page = browser.new_page()
    fired = []
    page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    page.goto(f"{server}/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20numb%20feelings")
    page.locator(".vb-about").wait_for(timeout=60_000)
    assert "<img src=x onerror=alert(1)>" in page.locator(".vb-about").inner_text()
    assert fired == []
    page.close()


CONCURRENT = [
    ("why can't I cry anymore even when I want to", "Inability to cry or laugh even when you want to"),
    ("is emotional numbness permanent", "Permanent emotional numbness is rare."),
    ("what is anhedonia", "Anhedonia"),
    ("does weed numb emotions", "Marijuana"),
    ("what is derealization", "Derealization is feeling disconnected from the world"),
]


def test_20_concurrent_browser_sessions_all_answer_correctly(server):
    import asyncio

    from playwright.async_api import async_playwright

    async def one(browser, n):
        query, expected = CONCURRENT[n % len(CONCURRENT)]
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto(f"{server}/?q=" + query.replace(" ", "%20").replace("'", "%27"), timeout=120_000, wait_until="domcontentloaded")
        await page.locator(".vb-card").first.wait_for(timeout=150_000)
        text = await page.locator(".vb-card").first.inner_text()
        await context.close()
        return expected in text

    async def main():
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return await asyncio.wait_for(asyncio.gather(*(one(browser, n) for n in range(20))), 240)
            finally:
                await browser.close()

    # Playwright's sync API (the other tests) holds this thread's event loop: use another thread.
    import threading

    results: list = []
    worker = threading.Thread(target=lambda: results.append(asyncio.run(main())))
    worker.start()
    worker.join(300)
    assert results == [[True] * 20]
