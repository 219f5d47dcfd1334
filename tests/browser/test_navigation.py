"""Finding one's way, as the office staff do it: a left navigation of one screen or a little more
at 1280×720 (it was three: every section open), law names short enough for one line, breadcrumbs
above each page, citation previews in the body's size and weight, and a search box on the home
page that works on a 390 px phone, served over http and opened from file://."""

from __future__ import annotations

import pytest

from ..harness.browser import RESULT_LINKS, result_links
from .sitepages import PAGES
from .test_search import points_to

DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
NAV = ".md-sidebar--primary .md-nav--primary"


@pytest.fixture
def desktop(browser):
    context = browser.new_context(locale="zh-CN", viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="zh-CN", viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_left_navigation_is_about_one_screen_tall(desktop, site_url, path):
    desktop.goto(f"{site_url}/{path}")
    height = desktop.eval_on_selector(NAV, "n => n.scrollHeight")
    # every section open, it was 2000–2400 px on every page; now most pages fit one screen, and
    # the longest (a practice page: 19 modules and their 21 practice pages open) is 1186 px
    assert height <= 1.7 * DESKTOP["height"], f"{path}：左侧导航高 {height} px（屏幕高 {DESKTOP['height']} px）"


def test_law_names_in_the_navigation_are_short_and_on_one_line(desktop, site_url):
    desktop.goto(f"{site_url}/laws/land-management.html")
    links = desktop.eval_on_selector_all(
        f"{NAV} a.md-nav__link[href$='.html']",
        """els => els.filter(a => a.offsetParent && a.innerText.trim()).map(a => {
            const s = getComputedStyle(a);
            return {text: a.innerText.trim(), href: a.getAttribute("href"),
                    height: a.getBoundingClientRect().height, line: parseFloat(s.lineHeight)};
        })""",
    )
    laws = [link for link in links if "renumbering" not in link["href"] and link["href"] != "index.html"]
    assert len(laws) >= 15, links
    for link in laws:
        assert not link["text"].startswith("中华人民共和国"), link
        assert link["height"] < 1.5 * link["line"], (
            f"导航里的“{link['text']}”折成了 {link['height'] / link['line']:.1f} 行"
        )
    assert "土地管理法" in [link["text"] for link in laws]
    heading = desktop.inner_text(".md-content h1").rstrip("¶").strip()
    assert heading == "中华人民共和国土地管理法"  # the page keeps its full name


def test_breadcrumbs_say_where_the_page_is(desktop, site_url):
    desktop.goto(f"{site_url}/reception/homestead-application.html")
    crumbs = desktop.locator(".md-path")
    assert crumbs.is_visible()
    assert [t.strip() for t in crumbs.locator(".md-path__item").all_inner_texts()] == [
        "首页",
        "接待话术",
        "土地和宅基地",
    ]
    desktop.goto(f"{site_url}/laws/civil-code/property.html")
    assert [t.strip() for t in desktop.locator(".md-path__item").all_inner_texts()] == ["首页", "法律法规", "民法典"]


CONTRAST = """el => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const s = getComputedStyle(el);
  const [fr, fg, fb, fa = 1] = rgb(s.color), bg = rgb(s.backgroundColor);
  const fg3 = [fr, fg, fb].map((c, i) => c * fa + bg[i] * (1 - fa));  // text over its background
  const [a, b] = [lum(fg3), lum(bg)].sort((x, y) => y - x);
  return {size: parseFloat(s.fontSize), weight: Number(s.fontWeight), contrast: (a + 0.05) / (b + 0.05)};
}"""


def test_citation_previews_are_in_the_body_size_not_small_bold(desktop, site_url):
    desktop.goto(f"{site_url}/reception/homestead-application.html")
    desktop.locator(".md-content a.law-cite").first.hover()
    tip = desktop.locator("[role='tooltip'] .md-tooltip2__inner").first
    tip.wait_for(state="visible")
    desktop.wait_for_timeout(500)  # the fade-in
    assert tip.inner_text().startswith("土地管理法第六十二条：")
    style = tip.evaluate(CONTRAST)
    assert 14 <= style["size"] <= 16, style
    assert style["weight"] == 400, style
    assert style["contrast"] >= 7, style  # WCAG AAA for body text


@pytest.mark.parametrize("mode", ["http", "file"])
def test_the_home_page_search_box_works_on_a_phone(phone, site_url, built_site, mode):
    base = site_url if mode == "http" else built_site.as_uri()
    phone.goto(f"{base}/index.html")
    box = phone.locator("#home-search-q")
    assert box.is_visible()
    assert box.bounding_box()["width"] >= 200
    box.fill("宅基地")
    box.press("Enter")
    phone.wait_for_function(f"() => document.querySelectorAll('{RESULT_LINKS}').length > 0", timeout=15000)
    assert phone.is_visible(RESULT_LINKS)
    assert any(points_to(h, "laws/land-management.html", "art-62") for h in result_links(phone))


def test_the_referral_directory_reads_on_a_phone_without_scrolling_sideways(phone, desktop, site_url):
    rows = """() => [...document.querySelectorAll('.referral-directory tbody tr')].map(tr => {
        const cells = [...tr.children].map(td => td.getBoundingClientRect());
        return {left: Math.min(...cells.map(c => c.left)), right: Math.max(...cells.map(c => c.right)),
                stacked: cells.every((c, i) => i === 0 || c.top >= cells[i - 1].bottom - 1),
                phone: getComputedStyle(tr.children[2], '::before').content};
    })"""
    phone.goto(f"{site_url}/reception/directory.html")
    shown = phone.evaluate(rows)
    assert len(shown) >= 20, shown
    # each office a block: name, 也叫, 电话, 管哪些事 one under the other, inside the screen
    assert all(r["stacked"] and r["left"] >= 0 and r["right"] <= PHONE["width"] for r in shown), shown
    assert all(r["phone"] == '"电话："' for r in shown), shown[0]
    # on a desktop it stays a table of four columns side by side
    desktop.goto(f"{site_url}/reception/directory.html")
    assert not any(r["stacked"] for r in desktop.evaluate(rows))
