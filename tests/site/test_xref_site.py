"""Cross-references in a small fixture site built with the real configuration: links with
previews, backlinks, index pages, the report of laws not carried, and bad citations."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from ..harness.project import PATHS, ROOT, build_site, make_project

def xref_project(dst: Path, pages: dict[str, str] | None = None) -> Path:
    """The scenario site tests/site/scenarios/xref/ with one law, the index pages and the assets."""
    project = make_project(
        dst, docs=["laws/land-management.md", "indexes", "editors", "assets"], scenario="xref", pages=pages
    )
    for data in (project / "docs/indexes").glob("*.yaml"):   # no glossary in this scenario
        data.unlink()
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("xref")
    result = build_site(xref_project(tmp / "proj"), tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site"


def links(page_html: str) -> list[tuple[str, str, str]]:
    return [(href, html.unescape(title), html.unescape(text)) for href, title, text in
            re.findall(r'<a class="law-cite" href="([^"]+)" title="([^"]*)">(.*?)</a>', page_html)]


def test_citations_become_links_with_article_preview(site):
    page = (site / "reception/homestead.html").read_text(encoding="utf-8")
    found = links(page)
    assert found[0][0] == "../laws/land-management.html#art-62"
    assert found[0][2] == "《土地管理法》第六十二条"
    assert found[0][1].startswith("土地管理法第六十二条：农村村民一户只能拥有一处宅基地")
    hrefs = [f[0] for f in found]
    assert hrefs.count("../laws/land-management.html#art-78") == 2  # admonition and table
    # left alone: code block, inline code, an existing link
    assert not any(h.endswith(("#art-63", "#art-64")) for h in hrefs)
    assert "#art-65" in page and not any(h.endswith("#art-65") for h in hrefs)


def test_lists_and_ranges_link_each_article(site):
    found = links((site / "templates/request.html").read_text(encoding="utf-8"))
    assert [(h.rsplit("#", 1)[1], t) for h, _, t in found] == [
        ("art-62", "《中华人民共和国土地管理法》第六十二条"), ("art-44", "第四十四条")]
    training = (site / "training/land.html").read_text(encoding="utf-8")
    assert [t for _, _, t in links(training)] == ["《土地管理法》第四十五条", "第四十七条"]
    assert '<h2 id="土地管理法第六十二条讲了什么">《土地管理法》第六十二条讲了什么<a class="headerlink"' in training


def test_backlinks_under_the_cited_articles_grouped_by_kind(site):
    law = (site / "laws/land-management.html").read_text(encoding="utf-8")

    def backlinks(anchor: str) -> str:
        start = law.index(f'id="{anchor}"')
        end = law.index("<h", start + 10)
        m = re.search(r'<div class="law-backlinks"[^>]*>(.*?)</div>', law[start:end], re.S)
        return re.sub(r"\s+", " ", m.group(1)) if m else ""

    art62 = backlinks("art-62")
    assert "引用本条的内容" in art62
    # a heading that cites the article counts as a citation (it is not linked, being a heading)
    assert art62.index("接待话术") < art62.index("公文模板") < art62.index("培训与测验")
    assert '接待话术：<a href="../reception/homestead.html">村民申请宅基地</a>' in art62
    assert '公文模板：<a href="../templates/request.html">请示</a>' in art62
    for anchor in ("art-45", "art-46", "art-47"):   # a range cites every article in it
        assert "土地管理法要点" in backlinks(anchor)
    assert backlinks("art-63") == ""          # cited only inside a code block
    assert backlinks("art-1") == ""


def test_self_references_inside_a_law_link_within_the_page(site):
    law = (site / "laws/land-management.html").read_text(encoding="utf-8")
    art62 = law[law.index('id="art-62"'):law.index('id="art-63"')]
    assert '<a class="law-cite" href="#art-44"' in art62 and ">本法第四十四条</a>" in art62


def test_citation_index_lists_both_directions(site):
    page = (site / "indexes/citations.html").read_text(encoding="utf-8")
    row62 = next(r for r in re.findall(r"<tr>(.*?)</tr>", page, re.S) if "#art-62" in r and "第六十二条" in r)
    assert "../reception/homestead.html" in row62 and "../templates/request.html" in row62
    by_page = page[page.index('id="by-page"'):]
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", by_page, re.S) if "homestead.html" in r)
    assert "接待话术" in row and "#art-62" in row and "#art-78" in row


def test_topic_index_groups_pages(site):
    page = (site / "indexes/topics.html").read_text(encoding="utf-8")
    section = page[page.index('id="宅基地"'):]
    section = section[:section.index("<h2")] if "<h2" in section else section
    assert "../reception/homestead.html" in section and "../templates/request.html" in section


def test_laws_not_carried_are_reported_not_failed(site):
    page = html.unescape((site / "editors/unresolved.html").read_text(encoding="utf-8"))
    assert "《民法典》第三百六十二条" in page
    assert "村民申请宅基地" in page


def test_a_missing_article_fails_the_build_naming_file_and_line(tmp_path):
    pages = {"reception/bad.md": "---\ntitle: 错误示例\n---\n\n第一行。\n\n依据《土地管理法》第九百条办理。\n"}
    result = build_site(xref_project(tmp_path / "proj", pages), tmp_path / "site")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "docs/reception/bad.md 第 7 行" in log
    assert "引用“《土地管理法》第九百条”中的第900条不存在" in log
    assert "共 87 条，最后一条是第八十七条" in log


def test_unknown_front_matter_key_fails_the_build(tmp_path):
    pages = {"reception/typo.md": "---\ntitle: 笔误\ntopic: [宅基地]\n---\n\n# 笔误\n"}
    result = build_site(xref_project(tmp_path / "proj", pages), tmp_path / "site")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "docs/reception/typo.md 第 3 行：页首信息有误：字段 topic：不认识的字段" in log
