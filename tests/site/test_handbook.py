"""The printed handbooks of the real site, read back from the PDFs `make build` printed (pypdf
for the structure, poppler's pdftotext for the text, page by page): size, cover, contents with
right page numbers, every script and module, page numbers and running heads on every page, no
navigation of the site, only the cited articles in the appendix, and the home page's links."""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.content.reception import reception_scripts

from ..harness.project import real_site

SITE = real_site()
TOWNSHIP = SITE.township
SCRIPTS = reception_scripts(SITE.metas())
# what the site's pages carry around their content, and must not reach paper
SITE_CHROME = ["跳转至", "回到页面顶部", "上一页", "下一页", "本节链接", "Material for MkDocs", "¶", "正在初始化搜索引擎"]
PLACEHOLDER = "（见第 00 页）"


def pdftotext(pdf: Path, mode: str) -> list[str]:
    """The text of each page, as poppler reads it (pypdf reads Chromium's Noto CJK glyphs as
    look-alike radicals: 青 as ⻘). mode "layout": lines as printed (contents, heads, page
    numbers); "raw": in the order of the document (table cells one after another)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("没有找到 pdftotext：请安装 Debian 的 poppler-utils（make test 会自动安装）")
    out = subprocess.run(["pdftotext", f"-{mode}", str(pdf), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


@cache
def book(built: Path, name: str, mode: str = "raw") -> list[str]:
    return pdftotext(built / "handbook" / f"{name}.pdf", mode)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def head(text: str) -> str:
    """The running head: the first line of a page."""
    return next(line for line in text.split("\n") if line.strip())


def toc_entries(built: Path, name: str) -> list[tuple[str, int]]:
    """(title, page) of every line of the contents (the pages whose running head says 目录)."""
    out = []
    for text in book(built, name, "layout")[1:]:
        if not flat(head(text)).endswith("目录"):
            break
        for line in text.split("\n")[1:]:
            m = re.match(r"^\s*(\S.*?)\s+(\d+)$", line)
            if m:
                out.append((m.group(1), int(m.group(2))))
    return out


@pytest.mark.parametrize(("name", "least", "most"), [("reception", 120, 300), ("study", 100, 300)])
def test_each_handbook_is_an_a4_pdf_of_reasonable_length(built_site, name, least, most):
    reader = PdfReader(built_site / "handbook" / f"{name}.pdf")
    assert least <= len(reader.pages) <= most, f"{name}.pdf 有 {len(reader.pages)} 页"
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 in points
    assert reader.outline, "PDF 应有书签（按章节）"
    assert not list((built_site / "handbook").glob("*.html")), "印好以后不留 HTML 副本"


@pytest.mark.parametrize(("name", "title"), [("reception", "接待手册"), ("study", "新人自学手册")])
def test_cover_names_the_township_the_book_and_the_day(built_site, name, title):
    cover = book(built_site, name, "layout")[0]
    assert TOWNSHIP.name in cover and title in flat(cover)
    assert f"{TOWNSHIP.county}{TOWNSHIP.name}{TOWNSHIP.office}" in flat(cover)
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日生成", cover)
    assert "— 1 —" not in cover  # no page number or running head on the cover
    assert f"{TOWNSHIP.name} · {title}" not in cover


@pytest.mark.parametrize(("name", "title"), [("reception", "接待手册"), ("study", "新人自学手册")])
def test_every_page_after_the_cover_has_its_number_and_running_head(built_site, name, title):
    pages = book(built_site, name, "layout")
    for n, text in enumerate(pages[1:], start=2):
        lines = [line for line in text.split("\n") if line.strip()]
        assert flat(lines[0]).startswith(flat(f"{TOWNSHIP.name} · {title}")), (n, lines[0])
        assert flat(lines[-1]) == f"—{n}—", (n, lines[-1])


@pytest.mark.parametrize("name", ["reception", "study"])
def test_no_navigation_of_the_site_and_every_page_reference_filled_in(built_site, name):
    for n, text in enumerate(book(built_site, name), start=1):
        for chrome in SITE_CHROME:
            assert chrome not in text, f"{name}.pdf 第 {n} 页有网站导航的文字“{chrome}”"
        assert flat(PLACEHOLDER) not in flat(text), f"{name}.pdf 第 {n} 页有没填上的页码"
    text = "".join(book(built_site, name))
    for tab in ("法律法规", "公文模板", "培训自学", "编辑"):  # the navigation's tabs, one after the other
        assert f"首页{tab}" not in flat(text)


@pytest.mark.parametrize("name", ["reception", "study"])
def test_the_contents_give_the_page_each_chapter_starts_on(built_site, name):
    pages = book(built_site, name, "layout")
    entries = toc_entries(built_site, name)
    assert len(entries) > 10
    for title, n in entries:
        body = "\n".join(pages[n - 1].split("\n")[1:])  # below the running head
        assert flat(title) in flat(body)[: len(flat(title)) + 40], f"目录说“{title}”在第 {n} 页，那一页是：{body[:80]}"


def test_the_reception_handbook_has_every_script_and_the_desk_pages(built_site):
    pages = book(built_site, "reception")
    titles = [flat(t) for t, _ in toc_entries(built_site, "reception")]
    assert len(SCRIPTS) >= 20
    for script in SCRIPTS:
        assert flat(script.title) in titles, f"目录里没有话术“{script.title}”"
        assert flat(script.title) in flat("".join(pages)), script.path
    for desk in ("接待速查", "接待通则", "转办目录", "救济途径与时限", "附录所引法条"):
        assert desk in titles
    # the directory carries this township's name and phones (or says they are to be filled in)
    # (the directory runs over several pages: all those whose running head is its title)
    directory = "\n".join(p for p in pages if "转办目录" in head(p))
    assert TOWNSHIP.local_name("镇司法所") in flat(directory)
    assert all(TOWNSHIP.phone(oid) in directory for oid in SITE.offices if oid in TOWNSHIP.phones)
    if TOWNSHIP.offices_without_phone(SITE.offices):
        assert "电话还没有填写" in directory
    # a link to another chapter is a page reference that is right
    lookup = flat(next(p for p in pages if "接待速查" in head(p)))
    m = re.search(r"申请宅基地（见第(\d+)页）", lookup)
    assert m, "接待速查里“申请宅基地”应注明页码"
    assert flat("申请宅基地") in flat(pages[int(m.group(1)) - 1])[:40]


def test_the_study_handbook_has_the_path_every_module_its_paper_and_the_keys_last(built_site):
    pages = book(built_site, "study")
    entries = toc_entries(built_site, "study")
    titles = [flat(t) for t, _ in entries]
    modules = [m for m in SITE.bank.modules.values() if f"training/{m.slug}.md" in SITE.pages]
    assert len(modules) >= 10
    for m in modules:
        module_title = SITE.titles[f"training/{m.slug}.md"]
        assert any(flat(module_title) in t for t in titles), f"目录里没有单元“{module_title}”"
        paper = flat(SITE.titles[f"training/quizzes/print/{m.slug}-paper.md"].replace("（打印版）", ""))
        key = flat(SITE.titles[f"training/quizzes/print/{m.slug}-key.md"].replace("（打印版）", ""))
        assert paper in titles and key in titles
    appendix = titles.index("附录所引法条")
    keys = [i for i, t in enumerate(titles) if t.endswith("参考答案")]
    papers = [i for i, t in enumerate(titles) if t.endswith("试卷")]
    assert min(keys) > appendix > max(papers), "参考答案应在书末，试卷在附录之前"
    # the study path points to the printed paper, with its page, instead of the online practice
    assert re.search(r"练习（见第\d+页）", flat(pages[entries[0][1] - 1]))


@pytest.mark.parametrize("name", ["reception", "study"])
def test_the_appendix_holds_the_cited_articles_only(built_site, name):
    reader = PdfReader(built_site / "handbook" / f"{name}.pdf")
    cited = sorted(d.lstrip("/") for d in reader.named_destinations if d.startswith("/a-"))
    assert len(cited) > 30
    total = sum(len(law.articles) for law in SITE.registry.laws.values())
    assert len(cited) < total / 4, "附录只收各章引用到的条文，不是法律全文"
    text = flat("".join(book(built_site, name)))
    for dest in cited[:: max(1, len(cited) // 15)]:  # a sample across laws: heading and text
        law_id, anchor = re.match(r"^a-(.+)-(art-[\d-]+)$", dest).groups()
        law = SITE.registry.laws[law_id]
        article = law.articles[anchor]
        assert flat(f"{law.short_name}{article.number}") in text, dest
        assert flat(article.text.split("\n")[0])[:30] in text, dest


def test_the_home_page_links_both_handbooks(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="handbook/reception.pdf"' in home and 'href="handbook/study.pdf"' in home
    assert "打印版手册" in home
