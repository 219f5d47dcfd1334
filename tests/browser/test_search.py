"""Search in a real headless chromium, over http and from file:// with no network."""

from __future__ import annotations

from urllib.parse import urlparse

from ..harness.browser import result_links, search


def points_to(href: str, page_path: str, anchor: str) -> bool:
    url = urlparse(href)
    return url.path.endswith(page_path) and url.fragment == anchor


def test_search_finds_homestead_article_over_http(page, site_url):
    page.goto(f"{site_url}/index.html")
    search(page, "宅基地")
    hrefs = result_links(page)
    assert any(points_to(h, "laws/land-management.html", "art-62") for h in hrefs), hrefs


def test_search_works_from_file_url_without_network(browser, built_site):
    context = browser.new_context(locale="zh-CN")
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.goto((built_site / "index.html").as_uri())
    search(page, "宅基地")
    hrefs = result_links(page)
    target = next(h for h in hrefs if points_to(h, "laws/land-management.html", "art-62"))
    page.click(f"a.md-search-result__link[href='{target}']")
    page.wait_for_url("**/land-management.html*#art-62")
    assert page.inner_text("#art-62").startswith("第六十二条")
    context.close()
    outside = [u for u in requests if urlparse(u).scheme not in ("file", "data", "blob", "about")]
    assert not outside, f"离线打开时向外发出了请求：{outside}"
