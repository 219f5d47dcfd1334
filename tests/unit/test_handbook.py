"""The handbooks' contents and their HTML (macros/content/handbook.py), without a build: which
pages each book holds, and what becomes of the pages' links, ids and citations on paper."""

from __future__ import annotations

import re

from macros.content.handbook import (
    ON_SITE,
    Chapter,
    Handbook,
    RenderedPage,
    handbook_html,
    reception_handbook,
    study_handbook,
)
from macros.content.reception import reception_scripts
from macros.content.township import TownshipSettings

from ..harness.project import real_site

SITE = real_site()
LOCAL = TownshipSettings(name="河西镇", county="青川县", doc_number_prefix="河镇发")

A = RenderedPage(
    "reception/a.md",
    "reception/a.html",
    '<h1 id="甲页">甲页<a class="headerlink" href="#甲页" title="本节链接">&para;</a></h1>\n'
    '<p id="x">见<a href="b.html#y">乙页的一节</a>和<a href="b.html">乙页</a>；'
    '<a class="law-cite" href="../laws/land-management.html#art-62" title="土地管理法第六十二条：农村村民……">'
    '《土地管理法》第六十二条</a>；填<a href="../templates/forms/visit-register.html">来访登记表</a>；'
    '<a href="#x">本段</a>；<a href="../laws/land-management.html">法律全文</a>。</p>\n'
    '<details class="question"><summary>问</summary><p>答</p></details>\n'
    '<p><span class="quiz-progress" data-module="x"></span><button type="button">开始</button></p>',
)
B = RenderedPage(
    "reception/b.md",
    "reception/b.html",
    '<h1 id="乙页">乙页</h1>\n<h2 id="y">一节</h2>\n<p><a href="../laws/civil-code/property.html#art-363">《民法典》第三百六十三条</a></p>',
)
URLS = {
    "reception/a.html": A.src,
    "reception/b.html": B.src,
    "laws/land-management.html": "laws/land-management.md",
    "laws/civil-code/property.html": "laws/civil-code/property.md",
    "templates/forms/visit-register.html": "templates/forms/visit-register.md",
}
BOOK = Handbook("t", "测试手册", "放在手边。", [Chapter(A.src, "第一部分"), Chapter(B.src, "第二部分")])
LAW_ORDER = [e.id for e in SITE.law_list]
HTML = handbook_html(BOOK, {A.src: A, B.src: B}, URLS, SITE.registry, LOCAL, "2026年1月2日", LAW_ORDER)


def test_links_to_other_chapters_get_a_page_reference_to_their_own_target():
    # ids are made ASCII, per chapter and in page order (乙页 → c2-1, y → c2-2), so the printer
    # finds them as the PDF's named destinations
    assert '<h2 id="c2-2">一节</h2>' in HTML
    assert (
        '<a class="internal" href="#c2-2">乙页的一节</a><span class="pageref" data-ref="c2-2">（见第 00 页）</span>'
        in HTML
    )
    assert '<a class="internal" href="#c2">乙页</a><span class="pageref" data-ref="c2">' in HTML
    assert '<a class="internal" href="#c1-2">本段</a>' in HTML and '<p id="c1-2">' in HTML


def test_citations_point_to_the_cited_articles_in_the_appendix_and_only_those():
    assert '<a class="cite" href="#a-land-management-art-62">《土地管理法》第六十二条</a>' in HTML
    assert '<a class="cite" href="#a-civil-code-art-363">《民法典》第三百六十三条</a>' in HTML
    # law by law in the order of the law list (土地管理法 first), article by article
    assert LAW_ORDER.index("land-management") < LAW_ORDER.index("civil-code")
    articles = re.findall(r'<div class="article" id="([^"]+)"><h3>([^<]+)</h3>', HTML)
    assert articles == [
        ("a-land-management-art-62", "土地管理法第六十二条"),
        ("a-civil-code-art-363", "民法典第三百六十三条"),
    ]
    art62 = SITE.registry.laws["land-management"].articles["art-62"]
    for paragraph in art62.text.split("\n"):
        assert f"<p>{paragraph}</p>" in HTML  # the article's text, 款 by 款, from the law page
    law = SITE.registry.laws["land-management"].meta
    assert f"版本：{law.version}；施行日期：{law.effective}；状态：{law.status}" in HTML
    # the article preview of the site (the link title) is not carried onto paper
    assert "农村村民……" not in HTML


def test_links_to_pages_outside_the_book_say_they_are_on_the_site():
    assert f'<span>来访登记表</span><span class="onsite">{ON_SITE}</span>' in HTML
    assert f'<span>法律全文</span><span class="onsite">{ON_SITE}</span>' in HTML  # a law page without an article


def test_what_only_works_on_screen_is_left_out_or_opened():
    for gone in ("headerlink", "&para;", "quiz-progress", "<button", 'title="本节链接"'):
        assert gone not in HTML
    assert '<details open class="question">' in HTML


def test_cover_contents_and_running_heads():
    cover = HTML[HTML.index('<section class="cover"') : HTML.index("</section>")]
    for words in ("河西镇", "测试手册", "放在手边。", "青川县河西镇党政综合办公室　编印", "2026年1月2日生成"):
        assert words in cover
    toc = HTML[HTML.index('<nav class="toc"') : HTML.index("</nav>")]
    assert re.findall(r'toc-part-title">([^<]+)<', toc) == ["第一部分", "第二部分"]
    assert re.findall(r'<a href="#(c\d|appendix)"><span class="toc-title">([^<]+)<', toc) == [
        ("c1", "甲页"),
        ("c2", "乙页"),
        ("appendix", "附录　所引法条"),
    ]
    assert '@page { @top-left { content: "河西镇 · 测试手册"; } }' in HTML
    assert '@page c1 { @top-right { content: "甲页"; } }' in HTML
    assert '<section class="chapter" id="c1" style="page: c1">' in HTML


def test_the_reception_handbook_holds_every_script_once_under_its_group():
    metas = SITE.metas()
    scripts = [s.path for s in reception_scripts(metas)]
    grouped, ungrouped = scripts[:3], scripts[3:]
    book = reception_handbook(metas, [("土地和宅基地", grouped)], set(SITE.pages))
    srcs = [ch.src for ch in book.chapters]
    assert srcs[:2] == ["reception/lookup.md", "reception/general.md"]
    assert srcs[-2:] == ["reception/directory.md", "reception/remedies.md"]
    assert sorted(srcs[2:-2]) == sorted(scripts) and len(srcs) == len(set(srcs))
    assert [ch.part for ch in book.chapters[2:5]] == ["土地和宅基地"] * 3
    assert {ch.part for ch in book.chapters if ch.src in ungrouped} == {"其他情形"}
    assert book.end == [] and book.pdf == "handbook/reception.pdf"


def test_the_study_handbook_puts_the_papers_after_the_modules_and_the_keys_last():
    order = ["index.md", "training/index.md", "training/office-role.md", "training/documents.md", "laws/index.md"]
    book = study_handbook(order, SITE.bank, set(SITE.pages))
    assert [(ch.src, ch.part) for ch in book.chapters] == [
        ("training/index.md", "学习路线"),
        ("training/office-role.md", "培训单元"),
        ("training/documents.md", "培训单元"),
        ("training/quizzes/print/office-role-paper.md", "练习试卷"),
        ("training/quizzes/print/documents-paper.md", "练习试卷"),
    ]
    assert [ch.src for ch in book.end] == [
        "training/quizzes/print/office-role-key.md",
        "training/quizzes/print/documents-key.md",
    ]
    # on paper, a module's online practice is its printed paper
    assert book.stands_for["training/quizzes/office-role.md"] == "training/quizzes/print/office-role-paper.md"
