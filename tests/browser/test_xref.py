"""Citation previews in a real browser: hovering a citation shows the article's text."""

from __future__ import annotations


def test_hovering_a_citation_previews_the_article(page, site_url):
    page.goto(f"{site_url}/indexes/glossary.html")
    link = page.locator("#宅基地 ~ p a.law-cite[href$='land-management.html#art-62']").first
    link.hover()
    tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    tip.wait_for(timeout=5000)
    assert tip.inner_text().startswith("土地管理法第六十二条：农村村民一户只能拥有一处宅基地")
    link.click()
    page.wait_for_url("**/laws/land-management.html#art-62")
    assert page.locator("#art-62").is_visible()
