"""What villagers say, typed into the search box of the built site, finds the script."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from ..harness.browser import result_links, search


@pytest.mark.parametrize(
    "query, script",
    [
        ("女儿出嫁 承包地", "reception/women-land-rights.html"),
        ("争地基", "reception/homestead-boundary.html"),
        ("选民名单", "reception/village-election.html"),
        ("老公打我", "reception/domestic-violence.html"),
        ("邻居狗咬了我", "reception/neighbour-injury.html"),
        ("儿子不养老", "reception/family-support.html"),
    ],
)
def test_search_for_what_villagers_say_finds_the_script(page, site_url, query, script):
    page.goto(f"{site_url}/index.html")
    search(page, query)
    hrefs = result_links(page)
    assert any(urlparse(h).path.endswith(script) for h in hrefs), hrefs
