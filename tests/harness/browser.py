"""Debian's chromium, driven by Playwright (its own browser download cannot work offline), a
static server for a built site, and Material's search box used the way a person does."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # chromium's own call home when a page has a form (autofill field types): not the site's
    # request, but the offline test's proxy would see it.
    "--disable-features=AutofillServerCommunication",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output readable
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # a page closed while a file was on its way (search shards loading in the background)
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A built site on http://127.0.0.1:<free port>; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


SEARCH_INPUT = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_LINKS = "li.md-search-result__item a.md-search-result__link"
INITIALISING = "正在初始化搜索引擎"  # Material's zh text while the index loads


def search(page, query: str, timeout: float = 15000) -> None:
    page.click(SEARCH_INPUT)
    page.wait_for_function(
        f"() => {{ const m = document.querySelector('{RESULT_META}');"
        f" return m && m.textContent.trim() !== '' && !m.textContent.includes('{INITIALISING}'); }}",
        timeout=timeout,
    )
    # The whole query arrives as one text input, as an IME commits it; Material reads the box
    # on keyup, which the IME's commit key gives it. Typing digits key by key instead would
    # search every prefix and the results could be read before the last one lands.
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_function(
        f"() => document.querySelectorAll('{RESULT_LINKS}').length > 0"
        f" || document.querySelector('{RESULT_META}').textContent.includes('没有找到')",
        timeout=timeout,
    )


def result_links(page) -> list[str]:
    """Result hrefs in display order (including the collapsed 'more on this page' ones)."""
    return page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.getAttribute('href'))")


def drop_the_classifier(page, site: Path) -> None:
    """Serve this page the site's search index without its classifier (macros/search/model.py),
    so that a test can show what the classifier changes."""
    script = (site / "search/lawsearch-index.js").read_text(encoding="utf-8")
    start, end = script.index("(") + 1, script.rindex(")")
    index = json.loads(script[start:end])
    del index["model"]
    body = script[:start] + json.dumps(index, ensure_ascii=False) + script[end:]
    # the handler is called with (route, request)
    page.route(
        "**/search/lawsearch-index.js",
        lambda route, request: route.fulfill(body=body, content_type="text/javascript; charset=utf-8"),
    )
