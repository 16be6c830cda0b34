"""The dashboard in a real browser: Debian's chromium, driven by Playwright, against `marsad serve` over a store
built from the bundled example corpus. Screenshots go to test-output/.

Chromium runs headless, without sandbox (root in CI), with a fresh profile, and with the switches that keep it
off the network; the pages must not need the network anyway (no CDN, no map tiles).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "test-output"
TOKEN = "browser-test-token"
OFFLINE_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
]
XSS_TEXT = (
    "القاهرة - استقبل الرئيس عبد الفتاح السيسي اليوم الخميس في القاهرة وزير الخارجية الأردني أيمن الصفدي."
    ' <script>alert("xss")</script> <img src=x onerror=alert(2)> <b>نص عريض</b>'
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is missing: `make test` installs it (apt-get install chromium)"
    ),
]


def _marsad() -> str:
    exe = Path(sys.executable).parent / "marsad"
    return str(exe) if exe.exists() else shutil.which("marsad") or "marsad"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "examples.db"
    ingest = subprocess.run(
        [_marsad(), "ingest", str(REPO / "examples"), "--db", str(db)], capture_output=True, text=True, timeout=300
    )
    assert ingest.returncode in (0, 1), ingest.stderr
    port = _free_port()
    proc = subprocess.Popen(
        [_marsad(), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "--token", TOKEN],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/counts", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"marsad serve did not start: {proc.stderr.read().decode()[-2000:]}") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=OFFLINE_ARGS,
            viewport={"width": 1360, "height": 900}, locale="ar",
        )  # fmt: skip
        page = context.new_page()
        page.dialogs = []  # type: ignore[attr-defined]
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
        page.external_requests = []  # type: ignore[attr-defined]
        page.on(
            "request",
            lambda r: None if r.url.startswith("http://127.0.0.1") else page.external_requests.append(r.url),  # type: ignore[attr-defined]
        )
        yield page
        context.close()


def _shot(page, name: str) -> None:
    page.screenshot(path=str(OUT / f"dashboard-{name}.png"), full_page=False)


def test_overview_loads_rtl_with_charts(server, browser_page):
    page = browser_page
    page.goto(server + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.wait_for_selector("#timeline svg rect")
    page.wait_for_selector("#top-actors li a.actor")
    page.wait_for_selector("#top-dyads li a.actor")
    assert page.locator("#timeline svg rect").count() > 5
    assert page.locator("#events li.event").count() == 50
    _shot(page, "overview")
    assert page.external_requests == []  # nothing fetched from outside the server


def test_search_actor_open_story_and_check_evidence(server, browser_page):
    page = browser_page
    page.goto(server + "/")
    page.fill("#filters input[name=actor]", "حفتر")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/?actor=*")
    events = page.locator("#events li.event")
    assert events.count() >= 2
    for i in range(events.count()):
        assert "حفتر" in events.nth(i).locator(".event-actors").inner_text()
    page.wait_for_selector("#timeline svg rect")
    _shot(page, "actor-search")

    page.locator("#stories li.story a").first.click()
    page.wait_for_url("**/stories/*")
    reports = page.locator("li.report")
    assert reports.count() >= 1
    first = reports.first
    evidence = first.locator("blockquote.evidence").inner_text()
    trigger = first.locator("mark.trigger").first.inner_text()
    assert trigger and trigger in evidence
    mentions = [m.inner_text() for m in first.locator("mark.mention").all()]
    assert any("حفتر" in m for m in mentions)  # the actor searched for is highlighted in the evidence
    assert page.locator(".canonical .badge.type").count() >= 1
    _shot(page, "story")


def test_actor_network_and_map_pages_draw(server, browser_page):
    page = browser_page
    page.goto(server + "/actors/lby-khalifa-haftar")
    page.wait_for_selector("#timeline svg rect")
    assert "حفتر" in page.locator("h1").inner_text()
    assert page.locator("ol.counterparts li a").count() >= 1
    _shot(page, "actor")

    page.goto(server + "/network")
    page.wait_for_selector("#network svg line.edge")
    assert page.locator("#network svg a.node").count() >= 4
    _shot(page, "network")

    page.goto(server + "/map")
    page.wait_for_selector("#map svg circle.place-dot")
    assert page.locator("#map svg path.land").count() > 100
    assert page.locator("#map svg path.land.has-events").count() >= 3
    _shot(page, "map")
    assert page.external_requests == []


def test_posted_script_is_shown_as_text(server, browser_page):
    page = browser_page
    body = json.dumps([{"id": "xss-browser", "text": XSS_TEXT, "published": "2019-05-09", "source": "<i>x</i>"}])
    req = urllib.request.Request(
        server + "/api/documents", data=body.encode(), method="POST",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )  # fmt: skip
    assert json.loads(urllib.request.urlopen(req, timeout=60).read())["added"] == 1
    page.goto(server + "/documents/xss-browser")
    text = page.locator(".doc-text").inner_text()
    assert '<script>alert("xss")</script>' in text and "<b>نص عريض</b>" in text
    assert page.locator(".doc-text script, .doc-text img, .doc-text b").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []  # no alert ran
    _shot(page, "document-escaped")


def test_language_toggle_switches_to_english_ltr(server, browser_page):
    page = browser_page
    page.goto(server + "/")
    page.click("#lang-toggle")
    page.wait_for_url("**lang=en*")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("nav.main-nav a").first.inner_text() == "Overview"
    page.goto(server + "/network")  # remembered by cookie
    assert page.locator("html").get_attribute("lang") == "en"
    page.wait_for_selector("#network svg line.edge")
    _shot(page, "network-en")
    page.goto(server + "/?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
