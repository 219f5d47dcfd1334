"""Offline and private: one page of every kind, served over http and opened from file://,
with search and a quiz used on the way, must not make a single request off this machine.

Two nets catch requests: Playwright's request events on the browser context (pages, their
iframes, workers and service workers), and a recording proxy that the context sends all
non-local traffic to, which sees whatever reaches the network by any other path. The first
test checks that both nets catch what they should."""

from __future__ import annotations

import http.server
import socketserver
import threading
from urllib.parse import urlsplit

import pytest

from ..harness.browser import result_links, search
from .sitepages import PAGES
from .test_quiz import answer, check
from .test_search import points_to

LOCAL_SCHEMES = {"file", "data", "blob", "about"}
LOCAL_HOSTS = {"127.0.0.1"}


def is_outside(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return False
    return parts.hostname not in LOCAL_HOSTS


class _Recorder(http.server.BaseHTTPRequestHandler):
    """A proxy that forwards nothing: it notes each request and answers 502."""

    seen: list[str]

    def _refuse(self):
        self.seen.append(self.path if self.command != "CONNECT" else f"https://{self.path}/")
        self.send_error(502, "offline test: outside request refused")

    do_GET = do_POST = do_HEAD = do_PUT = do_OPTIONS = do_CONNECT = _refuse

    def log_message(self, *args):
        pass


class Watch:
    """A browser context whose every request is recorded, by event and by proxy."""

    def __init__(self, browser):
        self.events: list[str] = []
        self.proxied: list[str] = []
        handler = type("Recorder", (_Recorder,), {"seen": self.proxied})
        self.proxy = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.proxy.daemon_threads = True
        threading.Thread(target=self.proxy.serve_forever, daemon=True).start()
        self.context = browser.new_context(
            locale="zh-CN",
            service_workers="allow",
            # Playwright proxies loopback too unless told: the site itself must go direct.
            proxy={"server": f"http://127.0.0.1:{self.proxy.server_address[1]}", "bypass": ",".join(LOCAL_HOSTS)},
        )
        self.context.on("request", lambda r: self.events.append(r.url))
        self.context.on("serviceworker", lambda w: self.events.append(f"serviceworker:{w.url}"))
        self.page = self.context.new_page()

    def outside(self) -> list[str]:
        return sorted({u for u in self.events if is_outside(u)} | set(self.proxied))

    def close(self):
        self.context.close()
        self.proxy.shutdown()
        self.proxy.server_close()


@pytest.fixture
def watch(browser):
    w = Watch(browser)
    yield w
    w.close()


def test_both_nets_catch_requests_from_page_iframe_and_worker(watch, site_url):
    """The recorder itself: outside requests made by the page, an iframe and a worker are seen."""
    page = watch.page
    page.goto(f"{site_url}/index.html")
    page.evaluate("""() => new Promise(done => {
        fetch("http://offline-probe.invalid/page").catch(() => {});
        const frame = document.createElement("iframe");
        frame.src = "http://offline-probe.invalid/iframe";
        document.body.append(frame);
        const code = 'fetch("http://offline-probe.invalid/worker").catch(() => {}).finally(() => postMessage(1))';
        const worker = new Worker(URL.createObjectURL(new Blob([code])));
        worker.onmessage = () => done();
    })""")
    probes = [f"http://offline-probe.invalid/{what}" for what in ("page", "iframe", "worker")]
    for _ in range(50):  # the iframe's request may still be on its way
        if all(u in watch.events and u in watch.proxied for u in probes):
            break
        page.wait_for_timeout(100)
    for url in probes:
        assert url in watch.events, (url, watch.events)
        assert url in watch.proxied, (url, watch.proxied)
    assert not any(is_outside(u) for u in watch.events if "offline-probe" not in u)


@pytest.mark.parametrize("mode", ["http", "file"])
def test_no_request_leaves_the_machine(watch, built_site, site_url, mode):
    base = site_url if mode == "http" else built_site.as_uri()
    page = watch.page
    for path in PAGES.values():
        response = page.goto(f"{base}/{path}", wait_until="networkidle")
        assert response.ok, (path, response.status)
        assert page.locator(".md-content h1").count() == 1, path
    # the search results view: results come from the site's own index
    page.goto(f"{base}/index.html")
    search(page, "宅基地")
    assert any(points_to(h, "laws/land-management.html", "art-62") for h in result_links(page))
    # a quiz: answer one question and have it checked
    page.goto(f"{base}/training/quizzes/land-management-law.html")
    answer(page, "land-management-law-001")
    assert "回答正确" in check(page, "land-management-law-001")
    page.wait_for_load_state("networkidle")
    assert not watch.context.service_workers
    assert len(watch.events) > len(PAGES), "没有记录到请求：检查记录方式是否失效"
    outside = watch.outside()
    assert not outside, f"从 {mode} 打开时向外发出了请求：\n" + "\n".join(outside)
